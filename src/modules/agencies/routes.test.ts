import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openTestApp, type TestApp } from "../../../test/support/app.ts";
import { type Browser, textOf } from "../../../test/support/http.ts";

let t: TestApp;
let admin: Browser;

const agencyId = async (code: string) => {
  const { rows } = await t.database.pool.query<{ id: number }>("SELECT id FROM agencies WHERE code = $1", [
    code,
  ]);
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`no agency ${code}`);
  return id;
};

before(async () => {
  t = await openTestApp();
  admin = await t.userWith("admin1", { role: "admin" });
});

after(async () => {
  await t?.close();
});

test("the list filters by kind and searches names without diacritics", async () => {
  const all = await admin.get("/agencies");
  assert.equal(all.status, 200);
  assert.match(textOf(all.html), /Sở Y tế/);
  const central = textOf((await admin.get("/agencies?kind=central")).html);
  assert.match(central, /Bộ Y tế/);
  assert.doesNotMatch(central, /Sở Y tế/);
  const search = textOf((await admin.get("/agencies?q=so+y+te")).html);
  assert.match(search, /Sở Y tế/);
  assert.doesNotMatch(search, /Bộ Y tế/);
  const byCode = textOf((await admin.get("/agencies?q=UBND-06862")).html);
  assert.match(byCode, /Tiên Yên/);
  const page2 = await admin.get("/agencies?page=2");
  assert.equal(page2.status, 200);
  assert.match(page2.html, /page=1/);
  assert.equal((await admin.get("/agencies?kind=nonsense&q=%25%25")).status, 200);
});

test("an agency's page shows its kind, the unit it serves and its status", async () => {
  const id = await agencyId("UBND-06862");
  const page = await admin.get(`/agencies/${id}`);
  assert.equal(page.status, 200);
  const text = textOf(page.html);
  assert.match(text, /UBND xã, phường, đặc khu/);
  assert.match(text, /Xã Tiên Yên/);
  assert.match(text, /Đang hoạt động/);
  const unitId = await t.unitId("commune", "06862");
  assert.match(page.html, new RegExp(`href="/units/${unitId}"`));
  assert.equal((await admin.get("/agencies/987654321")).status, 404);
});

test("an agency officer sees their agency and may not administer agencies", async () => {
  const id = await agencyId("SYT-22");
  const officer = await t.userWith("syt1", { role: "agency_officer", agencyId: id });
  const own = await officer.get(`/agencies/${id}`);
  assert.equal(own.status, 200);
  assert.doesNotMatch(own.html, /\/admin\/agencies/);
  assert.equal((await officer.get("/admin/agencies/new")).status, 403);
  assert.equal((await officer.get(`/admin/agencies/${id}/edit`)).status, 403);
  await officer.get(`/agencies/${id}`);
  assert.equal((await officer.post(`/admin/agencies/${id}/retire`, {})).status, 403);
});

test("an admin adds, edits, retires and restores an agency, with field errors and no 500", async () => {
  await admin.get("/admin/agencies/new");
  const bad = await admin.post("/admin/agencies/new", {
    code: "x y",
    name: "",
    nameEn: "",
    kind: "department",
    unitCode: "",
    unitId: "",
    email: "not-an-email",
  });
  assert.equal(bad.status, 422);
  const badText = textOf(bad.html);
  assert.match(badText, /Mã chỉ gồm chữ không dấu/);
  assert.match(badText, /Vui lòng nhập tên cơ quan/);
  assert.match(badText, /Địa chỉ thư điện tử không hợp lệ/);
  assert.match(bad.html, /value="not-an-email"/);

  const unknownUnit = await admin.post("/admin/agencies/new", {
    code: "BQL-22",
    name: "Ban Quản lý thử",
    nameEn: "",
    kind: "other",
    unitCode: "99999",
    unitId: "",
    email: "",
  });
  assert.equal(unknownUnit.status, 422);
  assert.match(textOf(unknownUnit.html), /Không có xã, phường hoặc tỉnh đang sử dụng với mã này/);

  const dup = await admin.post("/admin/agencies/new", {
    code: "syt-22",
    name: "Sở trùng mã",
    nameEn: "",
    kind: "department",
    unitCode: "",
    unitId: "",
    email: "",
  });
  assert.equal(dup.status, 422);
  assert.match(textOf(dup.html), /Mã này đã được dùng cho một cơ quan khác/);

  const created = await admin.post("/admin/agencies/new", {
    code: "BQL-22",
    name: "Ban Quản lý thử",
    nameEn: "Test Management Board",
    kind: "other",
    unitCode: "06862",
    unitId: "",
    email: "bql@quangninh.gov.vn",
  });
  assert.match(created.url, /^\/agencies\/\d+\?done=created$/);
  const text = textOf(created.html);
  assert.match(text, /Ban Quản lý thử/);
  assert.match(text, /Xã Tiên Yên/);
  assert.match(created.html, /href="mailto:bql@quangninh.gov.vn"/);

  const id = await agencyId("BQL-22");
  const province = await t.unitId("province", "22");
  const form = await admin.get(`/admin/agencies/${id}/edit`);
  assert.match(form.html, /value="BQL-22"/);
  const saved = await admin.post(`/admin/agencies/${id}/edit`, {
    code: "BQL-22",
    name: "Ban Quản lý thử nghiệm",
    nameEn: "",
    kind: "department",
    unitCode: "",
    unitId: String(province),
    email: "",
  });
  assert.equal(saved.url, `/agencies/${id}?done=saved`);
  assert.match(textOf(saved.html), /Ban Quản lý thử nghiệm.*Tỉnh Quảng Ninh/);

  const retired = await admin.post(`/admin/agencies/${id}/retire`, {});
  assert.match(textOf(retired.html), /Ngừng hoạt động từ/);
  const restored = await admin.post(`/admin/agencies/${id}/restore`, {});
  assert.match(textOf(restored.html), /Đang hoạt động/);

  const actions = await t.database.pool.query<{ action: string }>(
    "SELECT action FROM audit_events WHERE subject_type = 'agency' AND subject_id = $1 ORDER BY id",
    [String(id)],
  );
  assert.deepEqual(
    actions.rows.map((r) => r.action),
    ["agencies.create", "agencies.update", "agencies.retire", "agencies.restore"],
  );
});
