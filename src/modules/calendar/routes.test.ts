import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openTestApp, type TestApp } from "../../../test/support/app.ts";
import { type Browser, textOf } from "../../../test/support/http.ts";
import { dayStatus, parseLocalDate } from "../../platform/calendar/index.ts";
import { loadCalendar } from "../../platform/calendar/store.ts";

let t: TestApp;
let admin: Browser;

const statusOn = async (date: string) => dayStatus(parseLocalDate(date), await loadCalendar(t.database.pool));

before(async () => {
  t = await openTestApp();
  admin = await t.userWith("admin1", { role: "admin" });
});

after(async () => {
  await t?.close();
});

test("the year's entries are listed with dd/mm/yyyy dates and weekdays", async () => {
  const page = await admin.get("/admin/calendar?year=2026");
  assert.equal(page.status, 200);
  const text = textOf(page.html);
  assert.match(text, /Lịch ngày nghỉ năm 2026/);
  assert.match(text, /01\/01\/2026 Thứ Năm Nghỉ lễ, tết Mặc định Tết Dương lịch New Year's Day Sửa · Xoá/);
  assert.match(text, /30\/04\/2026/);
});

test("an entry an admin adds is a holiday for the calendar; deleting it makes the day a working day again", async () => {
  assert.equal((await statusOn("2026-06-15")).working, true);
  await admin.get("/admin/calendar?year=2026");
  const saved = await admin.post("/admin/calendar?year=2026", {
    date: "15/06/2026",
    kind: "holiday",
    nameVi: "Nghỉ lễ thử nghiệm",
    nameEn: "",
  });
  assert.equal(saved.url, "/admin/calendar?year=2026&done=saved&date=2026-06-15");
  assert.match(textOf(saved.html), /Đã lưu ngày 15\/06\/2026/);
  assert.match(textOf(saved.html), /15\/06\/2026 Thứ Hai Nghỉ lễ, tết Quản trị viên Nghỉ lễ thử nghiệm Sửa/);
  const status = await statusOn("2026-06-15");
  assert.equal(status.working, false);
  assert.equal(status.reason, "holiday");

  const deleted = await admin.post("/admin/calendar/2026-06-15/delete", {});
  assert.match(textOf(deleted.html), /Đã xoá ngày 15\/06\/2026/);
  assert.equal((await statusOn("2026-06-15")).working, true);
  const audit = await t.database.pool.query<{ action: string }>(
    "SELECT action FROM audit_events WHERE subject_type = 'calendar_entry' AND subject_id = '2026-06-15' ORDER BY id",
  );
  assert.deepEqual(
    audit.rows.map((r) => r.action),
    ["calendar.save_entry", "calendar.delete_entry"],
  );
});

test("bad dates and impossible swaps are field errors that keep what was typed", async () => {
  await admin.get("/admin/calendar?year=2026");
  const bad = await admin.post("/admin/calendar?year=2026", {
    date: "31/02/2026",
    kind: "holiday",
    nameVi: "",
    nameEn: "",
  });
  assert.equal(bad.status, 422);
  const text = textOf(bad.html);
  assert.match(text, /Nhập ngày theo dạng ngày\/tháng\/năm/);
  assert.match(text, /Vui lòng nhập tên ngày nghỉ/);
  assert.match(bad.html, /value="31\/02\/2026"/);
  // 15/06/2026 is a Monday: it cannot be a Saturday worked in a swap.
  const swap = await admin.post("/admin/calendar?year=2026", {
    date: "15/06/2026",
    kind: "swap_workday",
    nameVi: "Đi làm bù",
    nameEn: "",
  });
  assert.equal(swap.status, 422);
  assert.match(textOf(swap.html), /Ngày đi làm bù phải là thứ Bảy hoặc Chủ nhật/);
  assert.equal((await admin.post("/admin/calendar/2026-06-16/delete", {})).status, 404);
});

test("re-adding the defaults brings back a deleted holiday and keeps an admin's change", async () => {
  await admin.get("/admin/calendar?year=2026");
  await admin.post("/admin/calendar/2026-01-01/delete", {});
  await admin.post("/admin/calendar?year=2026", {
    date: "30/04/2026",
    kind: "holiday",
    nameVi: "Ngày Giải phóng miền Nam",
    nameEn: "Reunification Day",
  });
  assert.equal((await statusOn("2026-01-01")).working, true);
  const page = await admin.post("/admin/calendar/defaults?year=2026", {});
  assert.match(textOf(page.html), /Đã thêm 1 ngày lễ mặc định/);
  assert.equal((await statusOn("2026-01-01")).reason, "holiday");
  const { rows } = await t.database.pool.query<{ name_vi: string; source: string }>(
    "SELECT name_vi, source FROM calendar_entries WHERE date = '2026-04-30'",
  );
  assert.deepEqual(rows[0], { name_vi: "Ngày Giải phóng miền Nam", source: "admin" });
});

test("only administrators reach the calendar page", async () => {
  const unit = await t.unitId("commune", "06862");
  const officer = await t.userWith("officer1", { role: "commune_officer", unitId: unit });
  assert.equal((await officer.get("/admin/calendar")).status, 403);
  await officer.get(`/units/${unit}`);
  assert.equal(
    (await officer.post("/admin/calendar", { date: "15/06/2026", kind: "holiday", nameVi: "x" })).status,
    403,
  );
});
