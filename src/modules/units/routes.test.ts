import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { openTestApp, type TestApp } from "../../../test/support/app.ts";
import { Browser, textOf } from "../../../test/support/http.ts";
import { importVillages } from "./commands/importVillages.ts";

// Two current Quảng Ninh communes: Xã Tiên Yên (A) and Phường Hạ Long (B).
const A = "06862";
const B = "06688";

let t: TestApp;
let admin: Browser;
let communeA: number;
let communeB: number;
let villageA: number;
let villageB: number;

const unitLinks = (html: string) => [...html.matchAll(/href="\/units\/(\d+)"/g)].map((m) => m[1]);
const villageCount = async () =>
  (await t.database.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM units WHERE level = 'village'"))
    .rows[0]?.n;

before(async () => {
  t = await openTestApp();
  await importVillages(
    t.ctx,
    [
      {
        code: `${A}-001`,
        communeCode: A,
        name: "Khe Tâm",
        type: "thon",
        headName: "Nguyễn Văn An",
        headPhone: "0912345678",
      },
      {
        code: `${B}-001`,
        communeCode: B,
        name: "Khu 1",
        type: "khu_pho",
        headName: "Trần Thị Bình",
        headPhone: "0987654321",
      },
    ],
    "test",
  );
  communeA = await t.unitId("commune", A);
  communeB = await t.unitId("commune", B);
  villageA = await t.unitId("village", `${A}-001`);
  villageB = await t.unitId("village", `${B}-001`);
  admin = await t.userWith("admin1", { role: "admin" });
});

after(async () => {
  await t?.close();
});

describe("browsing and search", () => {
  test("/units lists the province's current communes with their villages, and links to the history", async () => {
    const page = await admin.get("/units");
    assert.equal(page.status, 200);
    const text = textOf(page.html);
    assert.match(text, /Tỉnh Quảng Ninh/);
    assert.match(text, /Xã, phường, đặc khu \(54\)/);
    assert.match(text, /Xã Tiên Yên/);
    assert.match(page.html, /href="\/units\/history"/);
    const history = await admin.get("/units/history");
    assert.equal(history.status, 200);
    assert.match(textOf(history.html), /Thành phố Hạ Long/);
  });

  test("'ha long' and 'Hạ Long' find the ward, the former city and the former commune, marked as former", async () => {
    for (const q of ["ha long", "Hạ Long", "HA  LONG"]) {
      const page = await admin.get(`/units?q=${encodeURIComponent(q)}`);
      assert.equal(page.status, 200, q);
      const text = textOf(page.html);
      assert.match(text, /Phường Hạ Long/, q);
      assert.match(text, /Thành phố Hạ Long/, q);
      assert.match(text, /cũ \(trước 01\/07\/2025\)/, q);
    }
    const camPha = textOf((await admin.get("/units?q=cam+pha")).html);
    assert.match(camPha, /Thành phố Cẩm Phả/);
  });

  test("'hoa' and 'hoà' find the same units, whatever the tone-mark placement", async () => {
    const plain = await admin.get("/units?q=hoa");
    const marked = await admin.get(`/units?q=${encodeURIComponent("hoà")}`);
    const oldStyle = await admin.get(`/units?q=${encodeURIComponent("Hòa")}`);
    assert.ok(unitLinks(plain.html).length > 10);
    assert.deepEqual(unitLinks(marked.html), unitLinks(plain.html));
    assert.deepEqual(unitLinks(oldStyle.html), unitLinks(plain.html));
    const text = textOf(plain.html);
    assert.match(text, /Hoà/);
    assert.match(text, /Hòa/);
    const next = await admin.get("/units?q=hoa&page=2");
    assert.equal(next.status, 200);
    assert.notDeepEqual(unitLinks(next.html), unitLinks(plain.html));
  });

  test("a commune shows its breadcrumbs, villages, lineage and its People's Committee", async () => {
    const page = await admin.get(`/units/${communeA}`);
    assert.equal(page.status, 200);
    const text = textOf(page.html);
    assert.match(text, /Tỉnh Quảng Ninh/);
    assert.match(text, /Thôn Khe Tâm/);
    assert.match(text, /Hình thành từ/);
    assert.match(text, /Ủy ban nhân dân|UBND/);
    // a former commune says where it went
    const { rows } = await t.database.pool.query<{ old_unit_id: number }>(
      "SELECT old_unit_id FROM unit_lineage WHERE new_unit_id = $1 LIMIT 1",
      [communeA],
    );
    const old = await admin.get(`/units/${rows[0]?.old_unit_id}`);
    assert.match(textOf(old.html), /Nay thuộc.*Xã Tiên Yên/);
    assert.equal((await admin.get("/units/999999999")).status, 404);
  });

  test("anonymous visitors are sent to the login page", async () => {
    const page = await new Browser(t.app).get("/units", { redirect: "manual" });
    assert.equal(page.status, 303);
    assert.match(page.location ?? "", /^\/login\?next=/);
  });
});

describe("who sees what", () => {
  test("a village head sees their village and may not use the admin pages", async () => {
    const head = await t.userWith("head1", { role: "village_head", unitId: villageA });
    const page = await head.get(`/units/${villageA}`);
    assert.equal(page.status, 200);
    assert.match(textOf(page.html), /Nguyễn Văn An/);
    assert.doesNotMatch(page.html, /\/admin\/units/);
    assert.equal((await head.get(`/admin/units/new?parent=${communeA}`)).status, 403);
    assert.equal((await head.get(`/admin/units/${villageA}/edit`)).status, 403);
    assert.equal((await head.get("/admin/units/import")).status, 403);
    await head.get(`/units/${villageA}`);
    assert.equal((await head.post(`/admin/units/${villageA}/retire`, {})).status, 403);
    assert.equal((await head.post(`/admin/units/${villageA}/edit`, { name: "X", type: "thon" })).status, 403);
  });

  test("a commune officer sees the head's phone of a village in their commune, not in another commune", async () => {
    const officer = await t.userWith("officer1", { role: "commune_officer", unitId: communeA });
    const own = await officer.get(`/units/${villageA}`);
    assert.match(textOf(own.html), /0912345678/);
    const list = await officer.get(`/units/${communeA}`);
    assert.match(textOf(list.html), /0912345678/);
    const other = await officer.get(`/units/${villageB}`);
    assert.equal(other.status, 200);
    assert.match(textOf(other.html), /Trần Thị Bình/);
    assert.doesNotMatch(other.html, /0987654321/);
    assert.doesNotMatch((await officer.get(`/units/${communeB}`)).html, /0987654321/);
  });
});

describe("villages import", () => {
  test("a bad file shows every bad row and imports nothing", async () => {
    const beforeCount = await villageCount();
    await admin.get("/admin/units/import");
    const csv = [
      "Mã xã,Tên thôn,Loại,Họ tên trưởng thôn,Điện thoại",
      `${A},Đồng Mai,thôn,Lê Văn Cường,0911111111`,
      `99999,Thôn Lạ,thôn,,`,
      `${A},,thôn,,`,
      `${A},Nà Cáy,bản,Hoàng Văn Dũng,12345`,
    ].join("\n");
    const form = new FormData();
    form.append("file", new File([csv], "thon.csv", { type: "text/csv" }));
    const page = await admin.post("/admin/units/import", form);
    assert.equal(page.status, 422);
    const text = textOf(page.html);
    assert.match(text, /Chưa nhập dòng nào/);
    const rowsShown = [...page.html.matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) => Number(m[1]));
    assert.deepEqual([...new Set(rowsShown)].sort(), [3, 4, 5]);
    assert.match(text, /Mã xã không có trong danh mục/);
    assert.match(text, /Chưa nhập tên thôn/);
    assert.match(text, /Số điện thoại không hợp lệ/);
    assert.match(text, /12345/);
    assert.equal(await villageCount(), beforeCount);
  });

  test("no file, or an unreadable one, is explained on the page", async () => {
    await admin.get("/admin/units/import");
    const none = await admin.post("/admin/units/import", new FormData());
    assert.equal(none.status, 422);
    assert.match(textOf(none.html), /Vui lòng chọn tệp/);
    const form = new FormData();
    form.append("file", new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3])], "old.xls"));
    await admin.get("/admin/units/import");
    const xls = await admin.post("/admin/units/import", form);
    assert.equal(xls.status, 422);
    assert.match(textOf(xls.html), /Định dạng tệp chưa được hỗ trợ/);
  });

  test("a good file imports, and says how many villages were created and updated", async () => {
    await admin.get("/admin/units/import");
    const csv = [
      "Mã xã,Tên thôn,Loại,Họ tên trưởng thôn,Điện thoại,Mã thôn",
      `${A},Đồng Mai,thôn,Lê Văn Cường,0911111111,`,
      `${A},Nà Cáy,bản,Hoàng Văn Dũng,0922222222,`,
      `${A},Khe Tâm,thôn,Nguyễn Văn An,0912345678,${A}-001`,
    ].join("\n");
    const form = new FormData();
    form.append("file", new File([`\ufeff${csv}`], "thon.csv", { type: "text/csv" }));
    const page = await admin.post("/admin/units/import", form);
    assert.equal(page.status, 200);
    assert.match(textOf(page.html), /Đã nhập 3 thôn, bản, khu phố: 2 mới, 1 cập nhật/);
    const { rows } = await t.database.pool.query<{ name: string; code: string }>(
      "SELECT name, code FROM units WHERE level = 'village' AND parent_id = $1 ORDER BY code",
      [communeA],
    );
    assert.deepEqual(
      rows.map((r) => r.name),
      ["Thôn Khe Tâm", "Thôn Đồng Mai", "Bản Nà Cáy"],
    );
  });

  test("the template is a CSV with the expected columns", async () => {
    const page = await admin.get("/admin/units/import/template.csv");
    assert.equal(page.status, 200);
    assert.match(page.headers.get("content-type") ?? "", /text\/csv/);
    assert.match(page.html, /Mã xã,Tên thôn,Loại,Họ tên trưởng thôn,Điện thoại,Mã thôn/);
  });
});

describe("administering villages", () => {
  test("an admin adds a village (code numbered after the commune's), with errors shown beside the fields", async () => {
    const form = await admin.get(`/admin/units/new?parent=${communeA}`);
    assert.equal(form.status, 200);
    const bad = await admin.post(`/admin/units/new?parent=${communeA}`, {
      name: "",
      type: "thon",
      code: "",
      headName: "Phạm Văn Em",
      headPhone: "0123",
    });
    assert.equal(bad.status, 422);
    assert.match(textOf(bad.html), /Vui lòng nhập tên/);
    assert.match(textOf(bad.html), /Số điện thoại không hợp lệ/);
    assert.match(bad.html, /value="Phạm Văn Em"/);

    const ok = await admin.post(`/admin/units/new?parent=${communeA}`, {
      name: "Bắc Lãng",
      type: "thon",
      code: "",
      headName: "Phạm Văn Em",
      headPhone: "0933 333 333",
    });
    assert.equal(ok.status, 200);
    assert.match(ok.url, /^\/units\/\d+\?done=created$/);
    const text = textOf(ok.html);
    assert.match(text, /Thôn Bắc Lãng/);
    assert.match(text, new RegExp(`${A}-004`));
    assert.match(text, /0933333333/);

    const dup = await admin.post(`/admin/units/new?parent=${communeA}`, {
      name: "Trùng Mã",
      type: "thon",
      code: `${A}-004`,
      headName: "",
      headPhone: "",
    });
    assert.equal(dup.status, 422);
    assert.match(textOf(dup.html), /Mã này đã được dùng/);
    assert.match(dup.html, /value="Trùng Mã"/);

    const audit = await t.database.pool.query<{ after: { code: string; headPhoneSet: boolean } }>(
      "SELECT after FROM audit_events WHERE action = 'units.create' ORDER BY id DESC LIMIT 1",
    );
    assert.equal(audit.rows[0]?.after.code, `${A}-004`);
    assert.equal(audit.rows[0]?.after.headPhoneSet, true);
    assert.doesNotMatch(JSON.stringify(audit.rows[0]?.after), /0933333333/);
  });

  test("an admin edits, retires and restores a village", async () => {
    const id = await t.unitId("village", `${A}-004`);
    const form = await admin.get(`/admin/units/${id}/edit`);
    assert.equal(form.status, 200);
    assert.match(form.html, /value="Bắc Lãng"/);
    const saved = await admin.post(`/admin/units/${id}/edit`, {
      name: "Bắc Lãng Mới",
      type: "ban",
      code: `${A}-004`,
      headName: "Phạm Văn Em",
      headPhone: "",
    });
    assert.equal(saved.url, `/units/${id}?done=saved`);
    assert.match(textOf(saved.html), /Bản Bắc Lãng Mới/);
    assert.match(textOf(saved.html), /Đã lưu thay đổi/);

    const taken = await admin.post(`/admin/units/${id}/edit`, {
      name: "Bắc Lãng Mới",
      type: "ban",
      code: `${A}-001`,
      headName: "",
      headPhone: "",
    });
    assert.equal(taken.status, 422);
    assert.match(textOf(taken.html), /Mã này đã được dùng/);

    const retired = await admin.post(`/admin/units/${id}/retire`, {});
    assert.equal(retired.url, `/units/${id}?done=retired`);
    assert.match(textOf(retired.html), /Ngừng sử dụng từ/);
    const commune = textOf((await admin.get(`/units/${communeA}`)).html);
    assert.match(commune, /Thôn, bản, khu phố \(3\)/);
    const restored = await admin.post(`/admin/units/${id}/restore`, {});
    assert.equal(restored.url, `/units/${id}?done=restored`);
    assert.match(textOf((await admin.get(`/units/${communeA}`)).html), /Thôn, bản, khu phố \(4\)/);
    const actions = await t.database.pool.query<{ action: string }>(
      "SELECT action FROM audit_events WHERE subject_type = 'unit' AND subject_id = $1 ORDER BY id",
      [String(id)],
    );
    assert.deepEqual(
      actions.rows.map((r) => r.action),
      ["units.create", "units.update", "units.retire", "units.restore"],
    );
  });

  test("adding under a village or a former unit is refused", async () => {
    await admin.get("/units");
    assert.equal((await admin.get(`/admin/units/new?parent=${villageA}`)).status, 422);
    assert.equal((await admin.get("/admin/units/new?parent=abc")).status, 404);
  });
});
