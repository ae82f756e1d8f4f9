import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Browser, textOf } from "../../../test/support/http.ts";
import { buildApp } from "../../app.ts";
import { createLogger } from "../../logger.ts";
import type { Database } from "../../platform/db/database.ts";
import { openTestDatabase } from "../../platform/db/testing.ts";
import type { App } from "../../platform/http/types.ts";
import { categoryOptions } from "../petitions/queries/workLists.ts";
import { petitionWorld } from "../petitions/testkit.ts";
import { proposeAgency } from "./queries/proposeAgency.ts";

let db: Database;
let w: Awaited<ReturnType<typeof petitionWorld>>;
let app: App;
let stop: () => void;

const login = async (username: string) => {
  const b = new Browser(app);
  await b.login(username, "mat-khau-1234");
  return b;
};

const villagePath = async (code: string) =>
  (
    await db.pool.query<{ path: string }>("SELECT path FROM units WHERE code = $1 AND level = 'village'", [
      code,
    ])
  ).rows[0]?.path ?? "";

before(async () => {
  db = await openTestDatabase();
  w = await petitionWorld(db);
  const built = buildApp(w.config, db, w.clock, createLogger(w.config));
  app = built.app;
  stop = built.stop;
});

after(async () => {
  stop?.();
  await db?.close();
});

test("the routing table lists the rules with filters; only admins and coordinators may see it", async () => {
  const admin = await login(w.people.admin.username);
  const page = await admin.get("/admin/routing");
  assert.equal(page.status, 200);
  const text = textOf(page.html);
  assert.match(text, /Quy tắc chuyển cơ quan giải quyết/);
  assert.match(text, /Giao thông/);
  assert.match(text, /Mọi lĩnh vực/);
  const communeOnly = textOf((await admin.get("/admin/routing?level=commune")).html);
  assert.match(communeOnly, /UBND Xã Tiên Yên/);
  assert.match(communeOnly, /54 quy tắc/, "one per commune of Quảng Ninh");
  const anyCategory = textOf((await admin.get("/admin/routing?category=any&level=province")).html);
  assert.match(anyCategory, /1 quy tắc/);
  assert.equal((await admin.get("/admin/routing?category=%27&agencyId=x&level=zz&active=q")).status, 200);
  assert.equal((await (await login(w.people.coordinator.username)).get("/admin/routing")).status, 200);
  assert.equal((await (await login(w.people.agency.username)).get("/admin/routing")).status, 403);
  assert.equal((await (await login(w.people.commune.username)).get("/admin/categories")).status, 403);
});

test("add a rule, test the rules (which rule matched), deactivate it: the proposal follows", async () => {
  const admin = await login(w.people.admin.username);
  await admin.get("/admin/routing");
  const before = await proposeAgency(db.pool, "giao_thong", await villagePath("06862-001"), "province");
  assert.ok(before !== null && before !== w.ids.agency);
  // field errors, what was typed kept, no 500
  const bad = await admin.post("/admin/routing", {
    categoryCode: "giao_thong",
    unitId: "",
    unitCode: "99999",
    level: "province",
    agencyId: "",
  });
  assert.equal(bad.status, 422);
  const badText = textOf(bad.html);
  assert.match(badText, /Vui lòng chọn cơ quan giải quyết/);
  assert.match(badText, /Không tìm thấy địa bàn có mã này/);
  assert.match(bad.html, /value="99999"/);
  assert.equal(
    (
      await admin.post("/admin/routing", {
        categoryCode: "nope",
        unitCode: "06862",
        level: "province",
        agencyId: "999999",
      })
    ).status,
    422,
  );
  // a rule for Xã Tiên Yên, by its code
  const ok = await admin.post("/admin/routing", {
    categoryCode: "giao_thong",
    unitId: String(w.ids.province),
    unitCode: "06862",
    level: "province",
    agencyId: String(w.ids.agency),
  });
  assert.equal(ok.status, 200);
  assert.match(textOf(ok.html), /Đã thêm quy tắc/);
  const rule = (
    await db.pool.query<{ id: number; unit_id: number }>(
      "SELECT id, unit_id FROM routing_rules ORDER BY id DESC LIMIT 1",
    )
  ).rows[0];
  assert.equal(rule?.unit_id, w.ids.commune);
  assert.equal(
    await proposeAgency(db.pool, "giao_thong", await villagePath("06862-001"), "province"),
    w.ids.agency,
  );
  // the tester says which agency and which rule
  const tested = await admin.get("/admin/routing/test?category=giao_thong&village=06862-001&level=province");
  assert.equal(tested.status, 200);
  const tText = textOf(tested.html);
  assert.match(tText, /Cơ quan được đề xuất: Sở Nông nghiệp và Môi trường/);
  assert.match(tText, new RegExp(`Theo quy tắc #${rule?.id}: Giao thông · Xã Tiên Yên · Cấp tỉnh`));
  assert.match(tText, /Thôn Khe Tâm/);
  // the other commune still follows the province-wide rule
  const elsewhere = textOf(
    (await admin.get("/admin/routing/test?category=giao_thong&village=06886-001&level=province")).html,
  );
  assert.doesNotMatch(elsewhere, /Cơ quan được đề xuất: Sở Nông nghiệp và Môi trường/);
  assert.match(elsewhere, /Cơ quan được đề xuất: /);
  // at commune level, the commune's People's Committee
  assert.match(
    textOf((await admin.get("/admin/routing/test?village=06862-002&level=commune")).html),
    /Cơ quan được đề xuất: UBND Xã Tiên Yên/,
  );
  const unknown = await admin.get("/admin/routing/test?category=giao_thong&village=00000-999&level=province");
  assert.equal(unknown.status, 422);
  assert.match(textOf(unknown.html), /Không tìm thấy thôn, bản, khu phố có mã này/);
  assert.equal((await admin.get("/admin/routing/test")).status, 422);
  // deactivated: the proposal goes back
  await admin.get("/admin/routing");
  const off = await admin.post(`/admin/routing/${rule?.id}/deactivate`, {});
  assert.equal(off.status, 200);
  assert.match(textOf(off.html), /Đã ngừng áp dụng quy tắc/);
  assert.equal(
    await proposeAgency(db.pool, "giao_thong", await villagePath("06862-001"), "province"),
    before,
  );
  assert.equal((await admin.post(`/admin/routing/${rule?.id}/deactivate`, {})).status, 404);
  const audit = await db.pool.query(
    "SELECT 1 FROM audit_events WHERE action IN ('routing.rule_create', 'routing.rule_deactivate')",
  );
  assert.equal(audit.rowCount, 2);
});

test("categories: rename, examples, order; retire and bring back; errors beside the fields", async () => {
  const admin = await login(w.people.admin.username);
  const list = await admin.get("/admin/categories");
  assert.equal(list.status, 200);
  assert.match(textOf(list.html), /Đất đai/);
  const form = await admin.get("/admin/categories/giao_thong");
  assert.equal(form.status, 200);
  assert.match(form.html, /value="Giao thông"/);
  const bad = await admin.post("/admin/categories/giao_thong", {
    nameVi: "",
    nameEn: "Transport",
    examplesVi: "",
    sort: "abc",
  });
  assert.equal(bad.status, 422);
  assert.match(textOf(bad.html), /Vui lòng nhập tên tiếng Việt/);
  const badSort = await admin.post("/admin/categories/giao_thong", {
    nameVi: "Giao thông",
    nameEn: "Transport",
    examplesVi: "",
    sort: "abc",
  });
  assert.equal(badSort.status, 422);
  assert.match(textOf(badSort.html), /Thứ tự là số nguyên/);
  assert.match(badSort.html, /value="abc"/);
  const saved = await admin.post("/admin/categories/giao_thong", {
    nameVi: "Giao thông, đường sá",
    nameEn: "Transport and roads",
    examplesVi: "Đường hỏng, cầu yếu",
    sort: "100",
  });
  assert.equal(saved.status, 200);
  assert.match(textOf(saved.html), /Đã lưu lĩnh vực/);
  const ordered = await categoryOptions(db.pool, "vi");
  assert.equal(ordered[ordered.length - 1]?.label, "Giao thông, đường sá", "order 100 puts it last");
  assert.equal(
    (await categoryOptions(db.pool, "en")).find((o) => o.value === "giao_thong")?.label,
    "Transport and roads",
  );
  await admin.get("/admin/categories/khac");
  const retired = await admin.post("/admin/categories/khac/active", { active: "0" });
  assert.equal(retired.status, 200);
  assert.ok(
    !(await categoryOptions(db.pool, "vi")).some((o) => o.value === "khac"),
    "a retired category is not offered",
  );
  await admin.get("/admin/categories/khac");
  await admin.post("/admin/categories/khac/active", { active: "1" });
  assert.ok((await categoryOptions(db.pool, "vi")).some((o) => o.value === "khac"));
  assert.equal((await admin.get("/admin/categories/khong_co")).status, 404);
  assert.equal((await admin.post("/admin/categories/khong_co/active", { active: "0" })).status, 404);
  const audit = await db.pool.query("SELECT 1 FROM audit_events WHERE action LIKE 'petitions.category_%'");
  assert.equal(audit.rowCount, 3);
});
