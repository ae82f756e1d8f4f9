import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { buildApp } from "../../app.ts";
import { loadConfig } from "../../config.ts";
import { createLogger } from "../../logger.ts";
import { manualClock } from "../../platform/clock.ts";
import type { CommandContext } from "../../platform/commands.ts";
import type { Database } from "../../platform/db/database.ts";
import { openTestDatabase } from "../../platform/db/testing.ts";
import { csrfTokenFor } from "../../platform/http/csrf.ts";
import { type App, CSRF_COOKIE } from "../../platform/http/types.ts";
import { seedReference } from "../../seed.ts";
import { importVillages } from "../units/commands/importVillages.ts";
import { createUser } from "./commands/manageUsers.ts";

const config = loadConfig({ SESSION_SECRET: "x".repeat(40), LOG_LEVEL: "silent", TRUST_PROXY: "1" });
const PASSWORD = "Mat-khau-dung-2026";

/** A tiny browser: keeps cookies, sends the CSRF token with forms, never follows redirects. */
class Browser {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly app: App,
    private readonly ip: string,
  ) {}

  async request(
    path: string,
    init: { method?: string; body?: string | FormData; headers?: Record<string, string> } = {},
  ) {
    const headers = new Headers(init.headers);
    headers.set("x-forwarded-for", this.ip);
    if (this.cookies.size > 0) {
      headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    }
    const res = await this.app.request(path, {
      method: init.method ?? "GET",
      headers,
      body: init.body,
      redirect: "manual",
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      if (attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1).trim());
    }
    return res;
  }

  get(path: string) {
    return this.request(path);
  }

  async csrf(): Promise<string> {
    if (!this.cookies.has(CSRF_COOKIE)) await this.get("/login");
    return csrfTokenFor(config.sessionSecret, this.cookies.get(CSRF_COOKIE) ?? "");
  }

  async post(path: string, form: Record<string, string>, opts: { csrf?: boolean } = {}) {
    const body = new URLSearchParams(form);
    if (opts.csrf !== false) body.set("_csrf", await this.csrf());
    return this.request(path, {
      method: "POST",
      body: body.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
  }

  async upload(path: string, file: Blob, filename: string) {
    const body = new FormData();
    body.set("_csrf", await this.csrf());
    body.set("file", file, filename);
    return this.request(path, { method: "POST", body });
  }

  login(username: string, password: string) {
    return this.post("/login", { username, password });
  }
}

const secretOf = (html: string) => /<pre class="secret"[^>]*><code>([^<]+)<\/code><\/pre>/.exec(html)?.[1];

describe("account administration (pages and API)", () => {
  let database: Database;
  let app: App;
  let stop: () => void;
  let homeFor: (actorId: number) => Promise<string>;
  const clock = manualClock(new Date());
  let ipCounter = 1;
  const browser = () => new Browser(app, `10.0.0.${ipCounter++}`);
  const ids = { admin: 0, officer: 0, otherHead: 0 };
  const units = { communeA: 0, communeB: 0, villageA1: 0, villageB2: 0 };

  const userCount = async () =>
    (await database.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM users")).rows[0]?.n ?? 0;
  const unitId = async (level: string, code: string) =>
    (
      await database.pool.query<{ id: number }>(
        "SELECT id FROM units WHERE level = $1 AND code = $2 AND valid_to IS NULL",
        [level, code],
      )
    ).rows[0]?.id ?? 0;

  before(async () => {
    database = await openTestDatabase();
    const ctx: CommandContext = { pool: database.pool, clock, actorId: null };
    await seedReference(config, database, ctx, true);
    const communes = await database.pool.query<{ id: number; code: string }>(
      "SELECT id, code FROM units WHERE level = 'commune' AND province_code = '22' AND valid_to IS NULL ORDER BY code LIMIT 2",
    );
    const [a, b] = communes.rows;
    assert.ok(a && b);
    await importVillages(
      ctx,
      [
        { code: "TA1", communeCode: a.code, name: "Khe Tâm", type: "thon", headName: null, headPhone: null },
        { code: "TA2", communeCode: a.code, name: "Thôn 1", type: "thon", headName: null, headPhone: null },
        { code: "TA3", communeCode: a.code, name: "Thôn 10", type: "thon", headName: null, headPhone: null },
        { code: "TB1", communeCode: b.code, name: "Khe Tâm", type: "thon", headName: null, headPhone: null },
        { code: "TB2", communeCode: b.code, name: "Pắc Cáy", type: "ban", headName: null, headPhone: null },
      ],
      "test",
    );
    units.communeA = a.id;
    units.communeB = b.id;
    units.villageA1 = await unitId("village", "TA1");
    units.villageB2 = await unitId("village", "TB2");
    const make = async (
      username: string,
      fullName: string,
      grant: { role: "admin" | "commune_officer" | "village_head"; unitId: number | null },
    ) =>
      (
        await createUser(ctx, {
          username,
          fullName,
          password: PASSWORD,
          mustChangePassword: false,
          grants: [grant],
        })
      ).id;
    ids.admin = await make("quantri", "Quản Trị Viên", { role: "admin", unitId: null });
    ids.officer = await make("canbo.xa", "Phạm Thị Cán Bộ", {
      role: "commune_officer",
      unitId: units.communeA,
    });
    ids.otherHead = await make("truongthon.b", "Lò Văn Bản", {
      role: "village_head",
      unitId: units.villageB2,
    });
    const built = buildApp(config, database, clock, createLogger(config));
    app = built.app;
    stop = built.stop;
    homeFor = async (id) => {
      const { loadActor } = await import("./queries/loadActor.ts");
      const actor = await loadActor(database.pool, id, "session");
      assert.ok(actor);
      return built.deps.homeFor(actor);
    };
  });

  after(async () => {
    stop();
    await database.close();
  });

  test("an admin creates a village head; the temporary password is shown once; the person must change it, then reaches home", async () => {
    const admin = browser();
    const login = await admin.login("quantri", PASSWORD);
    assert.equal(login.status, 303);
    assert.equal(login.headers.get("location"), "/admin", "the admin's home is the dashboard");
    const dash = await admin.get("/admin");
    assert.equal(dash.status, 200);
    const dashHtml = await dash.text();
    for (const href of [
      "/admin/users",
      "/admin/users/import",
      "/admin/units/import",
      "/admin/calendar",
      "/units",
      "/agencies",
    ]) {
      assert.ok(dashHtml.includes(`href="${href}"`), href);
    }
    assert.ok(dashHtml.includes(">Quản trị</a>"), "nav item");

    assert.equal((await admin.get("/admin/users/new")).status, 200);
    const res = await admin.post("/admin/users/new", {
      username: "NguyenVanAn",
      fullName: "  Nguyễn Văn An ",
      email: "",
      phone: "+84 912 345 678",
      role: "village_head",
      unitId: String(units.communeA),
      village: "khe tam",
      agencyId: "",
    });
    const html = await res.text();
    assert.equal(res.status, 201, html.slice(0, 400));
    assert.equal(res.headers.get("cache-control"), "no-store");
    const temporary = secretOf(html);
    assert.ok(temporary && temporary.length >= 8);
    const { rows } = await database.pool.query<{
      id: number;
      phone: string;
      must_change_password: boolean;
      unit_id: number;
      role: string;
    }>(
      `SELECT u.id, u.phone, u.must_change_password, g.unit_id, g.role FROM users u JOIN role_grants g ON g.user_id = u.id
        WHERE u.username = 'nguyenvanan'`,
    );
    assert.deepEqual(
      rows.map((r) => [r.phone, r.must_change_password, r.unit_id, r.role]),
      [["0912345678", true, units.villageA1, "village_head"]],
    );
    const id = rows[0]?.id ?? 0;
    const detail = await (await admin.get(`/admin/users/${id}`)).text();
    assert.ok(detail.includes("Nguyễn Văn An") && detail.includes("Thôn Khe Tâm"));
    assert.ok(!detail.includes(temporary), "the password is not shown again");

    const head = browser();
    const first = await head.login("nguyenvanan", temporary);
    assert.equal(first.status, 303);
    assert.equal(first.headers.get("location"), "/account/password?first=1");
    assert.equal(
      (await head.get("/inbox")).headers.get("location"),
      "/account/password?first=1",
      "nothing else until changed",
    );
    const changed = await head.post("/account/password", {
      current: temporary,
      next: "Thon-Khe-Tam-2026",
      confirm: "Thon-Khe-Tam-2026",
    });
    assert.equal(changed.status, 303);
    assert.equal((await head.get("/inbox")).status, 200);
    await head.post("/logout", {});
    const again = await head.login("nguyenvanan", "Thon-Khe-Tam-2026");
    assert.equal(again.status, 303);
    assert.equal(again.headers.get("location"), await homeFor(id), "lands on their home page");
    assert.notEqual(again.headers.get("location"), "/account/password?first=1");
    assert.equal((await head.get("/admin/users")).status, 403, "a village head administers nothing");
  });

  test("bad input comes back with messages and what was typed, creates nothing, and never answers 500", async () => {
    const admin = browser();
    await admin.login("quantri", PASSWORD);
    const before = await userCount();
    const post = async (form: Record<string, string>) => {
      const res = await admin.post("/admin/users/new", form);
      return { status: res.status, html: await res.text() };
    };

    const empty = await post({});
    assert.equal(empty.status, 422);
    for (const msg of [
      "Vui lòng nhập tên đăng nhập.",
      "Vui lòng nhập họ và tên.",
      "Vui lòng chọn vai trò.",
    ]) {
      assert.ok(empty.html.includes(msg), msg);
    }
    assert.ok(empty.html.includes('aria-invalid="true"'));

    const badEmail = await post({
      username: "tran.b",
      fullName: "Trần Thị Bình",
      email: "binh@",
      role: "admin",
    });
    assert.equal(badEmail.status, 422);
    assert.ok(badEmail.html.includes("Địa chỉ thư điện tử không hợp lệ."));
    assert.ok(badEmail.html.includes('value="Trần Thị Bình"'), "keeps what was typed");
    assert.ok(badEmail.html.includes('value="binh@"'));

    const taken = await post({ username: "QuanTri", fullName: "Người Khác", role: "admin" });
    assert.equal(taken.status, 422);
    assert.ok(taken.html.includes("Tên đăng nhập này đã có người dùng."));

    const unknown = await post({
      username: "le.c",
      fullName: "Lê Văn Cường",
      role: "village_head",
      village: "khong co thon nay",
    });
    assert.equal(unknown.status, 422);
    assert.ok(unknown.html.includes("Không tìm thấy thôn, bản, khu phố này."));

    const noVillage = await post({ username: "le.c", fullName: "Lê Văn Cường", role: "village_head" });
    assert.equal(noVillage.status, 422);
    assert.ok(noVillage.html.includes("Trưởng thôn cần có thôn"));

    const agencyless = await post({ username: "le.c", fullName: "Lê Văn Cường", role: "agency_officer" });
    assert.equal(agencyless.status, 422);
    assert.ok(agencyless.html.includes("Vai trò này cần chọn cơ quan, đơn vị."));

    const badPhone = await post({
      username: "le.c",
      fullName: "Lê Văn Cường",
      role: "admin",
      phone: "12345",
    });
    assert.equal(badPhone.status, 422);
    assert.ok(badPhone.html.includes("Số điện thoại không hợp lệ"));

    const garbageForms: Record<string, string>[] = [
      {
        username: "x".repeat(10_000),
        fullName: "y".repeat(10_000),
        role: "superuser",
        unitId: "9".repeat(30),
      },
      { username: "ab", fullName: "A", role: "commune_officer", unitId: "-1", village: "%_'\"<script>" },
      {
        username: "a b c",
        fullName: "\u0000",
        role: "village_head",
        village: "khe",
        villageId: "abc",
        agencyId: "1e9",
      },
      { username: "okname", fullName: "Ok", role: "agency_officer", agencyId: "999999999" },
      {
        username: "nul.name",
        fullName: "A\u0000B",
        role: "admin",
        email: "a\u0000@b.vn",
        phone: "09\u00001234567",
      },
      { username: "okname", fullName: "Ok", role: "commune_officer", unitId: String(units.villageA1) },
    ];
    for (const garbage of garbageForms) {
      const r = await post(garbage);
      assert.equal(r.status, 422, JSON.stringify(garbage).slice(0, 80));
      assert.ok(!r.html.includes("<script>"), "escaped");
    }
    assert.equal(await userCount(), before, "nothing was created");

    // "khe tam" without a commune matches one village in each commune: the form offers both, then takes the choice.
    const ambiguous = await post({
      username: "hoang.d",
      fullName: "Hoàng Văn Dũng",
      role: "village_head",
      village: "khe tam",
    });
    assert.equal(ambiguous.status, 422);
    const choices = [...ambiguous.html.matchAll(/name="villageId" value="(\d+)"/g)].map((m) => Number(m[1]));
    assert.equal(choices.length, 2);
    const villageB1 = await unitId("village", "TB1");
    assert.ok(choices.includes(villageB1));
    const chosen = await post({
      username: "hoang.d",
      fullName: "Hoàng Văn Dũng",
      role: "village_head",
      village: "khe tam",
      villageId: String(villageB1),
    });
    assert.equal(chosen.status, 201);
    assert.equal(await userCount(), before + 1);
  });

  test("a commune officer manages the village heads of their commune only", async () => {
    const officer = browser();
    const login = await officer.login("canbo.xa", PASSWORD);
    assert.equal(login.status, 303);
    const list = await officer.get("/admin/users");
    assert.equal(list.status, 200);
    const listHtml = await list.text();
    assert.ok(listHtml.includes("Tài khoản trưởng thôn"));
    assert.ok(listHtml.includes("Nguyễn Văn An"), "a village head of their commune");
    assert.ok(!listHtml.includes("Lò Văn Bản"), "not another commune's");
    assert.ok(!listHtml.includes("Quản Trị Viên"), "not the admin");

    const head = await database.pool.query<{ id: number }>(
      "SELECT id FROM users WHERE username = 'nguyenvanan'",
    );
    const headId = head.rows[0]?.id ?? 0;
    const headBrowser = browser();
    assert.equal((await headBrowser.login("nguyenvanan", "Thon-Khe-Tam-2026")).status, 303);

    const reset = await officer.post(`/admin/users/${headId}/reset-password`, {});
    assert.equal(reset.status, 200);
    const newPassword = secretOf(await reset.text());
    assert.ok(newPassword);
    assert.equal((await headBrowser.get("/inbox")).status, 303, "the reset ended the head's session");
    const relog = await browser().login("nguyenvanan", newPassword);
    assert.equal(relog.headers.get("location"), "/account/password?first=1");

    assert.equal((await officer.post(`/admin/users/${ids.otherHead}/reset-password`, {})).status, 403);
    assert.equal((await officer.get(`/admin/users/${ids.otherHead}`)).status, 403);
    assert.equal((await officer.post(`/admin/users/${ids.admin}/reset-password`, {})).status, 403);
    assert.equal((await officer.get(`/admin/users/${ids.admin}`)).status, 403);
    assert.equal((await officer.post(`/admin/users/${ids.admin}/deactivate`, {})).status, 403);
    assert.equal((await officer.get("/admin")).status, 403);
    assert.equal((await officer.get("/admin/users/import")).status, 403);
    assert.equal((await officer.post(`/admin/users/${headId}/grants`, { role: "admin" })).status, 403);
    assert.equal((await officer.post(`/admin/users/${headId}/tokens`, { name: "x" })).status, 403);

    // Creating: village heads of their villages only.
    const mine = await officer.post("/admin/users/new", {
      username: "thon10",
      fullName: "Đinh Văn Mười",
      role: "village_head",
      unitId: String(units.communeA),
      village: "thon 10",
    });
    assert.equal(mine.status, 201);
    const elsewhere = await officer.post("/admin/users/new", {
      username: "pac.cay",
      fullName: "Lò Văn Cáy",
      role: "village_head",
      village: "TB2",
    });
    assert.equal(elsewhere.status, 422, "another commune's village is not found for them");
    const promote = await officer.post("/admin/users/new", {
      username: "pho.xa",
      fullName: "Phó Chủ Tịch",
      role: "commune_officer",
      unitId: String(units.communeA),
    });
    assert.equal(promote.status, 403);
    assert.equal(
      (await database.pool.query("SELECT 1 FROM users WHERE username IN ('pac.cay', 'pho.xa')")).rowCount,
      0,
    );
  });

  test("deactivation ends the deactivated person's session; reactivation lets them back in", async () => {
    const ctx: CommandContext = { pool: database.pool, clock, actorId: null };
    const { id } = await createUser(ctx, {
      username: "sap.nghi",
      fullName: "Người Sắp Nghỉ",
      password: PASSWORD,
      mustChangePassword: false,
      grants: [{ role: "editor", unitId: null }],
    });
    const person = browser();
    assert.equal((await person.login("sap.nghi", PASSWORD)).status, 303);
    assert.equal((await person.get("/account")).status, 200);

    const admin = browser();
    await admin.login("quantri", PASSWORD);
    const confirm = await admin.get(`/admin/users/${id}/deactivate`);
    assert.equal(confirm.status, 200);
    assert.ok((await confirm.text()).includes(`action="/admin/users/${id}/deactivate"`));
    const done = await admin.post(`/admin/users/${id}/deactivate`, {});
    assert.equal(done.status, 303);
    assert.equal(done.headers.get("location"), `/admin/users/${id}?done=deactivated`);
    const gone = await person.get("/account");
    assert.equal(gone.status, 303);
    assert.ok(gone.headers.get("location")?.startsWith("/login"));
    assert.equal((await database.pool.query("SELECT 1 FROM sessions WHERE user_id = $1", [id])).rowCount, 0);
    assert.equal((await browser().login("sap.nghi", PASSWORD)).status, 422);
    const inactiveList = await (await admin.get("/admin/users?status=inactive")).text();
    assert.ok(inactiveList.includes("Người Sắp Nghỉ"));

    const self = await admin.post(`/admin/users/${ids.admin}/deactivate`, {});
    assert.equal(self.status, 409, "an admin cannot lock themselves out");

    assert.equal((await admin.post(`/admin/users/${id}/activate`, {})).status, 303);
    assert.equal((await browser().login("sap.nghi", PASSWORD)).status, 303);
  });

  test("API tokens: /api/v1/me answers with the token, 401 after revocation, JSON errors", async () => {
    const admin = browser();
    await admin.login("quantri", PASSWORD);
    const created = await admin.post(`/admin/users/${ids.officer}/tokens`, { name: "Cổng dịch vụ công" });
    assert.equal(created.status, 201);
    const token = secretOf(await created.text());
    assert.ok(token?.startsWith("cn_"));
    if (!token) return;
    const api = (path: string, init: RequestInit = {}) => app.request(path, init);
    const bearer = { authorization: `Bearer ${token}` };

    const me = await api("/api/v1/me", { headers: bearer });
    assert.equal(me.status, 200);
    const body = (await me.json()) as {
      username: string;
      authenticatedBy: string;
      grants: { role: string; unit: { id: number } | null }[];
    };
    assert.equal(body.username, "canbo.xa");
    assert.equal(body.authenticatedBy, "token");
    assert.deepEqual(
      body.grants.map((g) => [g.role, g.unit?.id]),
      [["commune_officer", units.communeA]],
    );

    const bySession = await admin.get("/api/v1/me");
    assert.equal(bySession.status, 200);
    assert.equal(((await bySession.json()) as { username: string }).username, "quantri");

    // No CSRF token needed with a bearer token: an unknown API route answers 404 JSON, not 403.
    const noCsrf = await api("/api/v1/nothing-here", { method: "POST", headers: bearer });
    assert.equal(noCsrf.status, 404);
    assert.equal(((await noCsrf.json()) as { error: { code: string } }).error.code, "not_found");

    const anonymous = await api("/api/v1/me");
    assert.equal(anonymous.status, 401);
    assert.equal(((await anonymous.json()) as { error: { code: string } }).error.code, "unauthorized");
    assert.equal(
      (await api("/api/v1/me", { headers: { authorization: "Bearer cn_not-a-real-token" } })).status,
      401,
    );

    const detail = await (await admin.get(`/admin/users/${ids.officer}`)).text();
    assert.ok(detail.includes("Cổng dịch vụ công") && detail.includes(`${token.slice(0, 8)}…`));
    assert.ok(!detail.includes(token), "the token is not shown again");
    const tokenId = (
      await database.pool.query<{ id: number }>("SELECT id FROM api_tokens WHERE user_id = $1", [ids.officer])
    ).rows[0]?.id;
    const revoked = await admin.post(`/admin/users/${ids.officer}/tokens/${tokenId}/revoke`, {});
    assert.equal(revoked.status, 303);
    const after = await api("/api/v1/me", { headers: bearer });
    assert.equal(after.status, 401);
    assert.equal(((await after.json()) as { error: { code: string } }).error.code, "unauthorized");
    assert.equal(
      (await admin.post(`/admin/users/${ids.admin}/tokens/${tokenId}/revoke`, {})).status,
      404,
      "another user's token",
    );
  });

  test("login rate limit: the 11th wrong password gets 429 in Vietnamese, and even the right one waits", async () => {
    const ctx: CommandContext = { pool: database.pool, clock, actorId: null };
    await createUser(ctx, {
      username: "hay.quen",
      fullName: "Hay Quên",
      password: PASSWORD,
      mustChangePassword: false,
      grants: [],
    });
    const guesser = browser();
    for (let i = 1; i <= 10; i++)
      assert.equal((await guesser.login("hay.quen", `sai-${i}-mat-khau`)).status, 422, `try ${i}`);
    const limited = await guesser.login("hay.quen", "sai-11-mat-khau");
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get("retry-after")) > 0);
    assert.ok(
      (await limited.text()).includes("Đăng nhập sai quá nhiều lần. Vui lòng đợi 15 phút rồi thử lại."),
    );
    assert.equal(
      (await browser().login("hay.quen", PASSWORD)).status,
      429,
      "the right password is refused in the window",
    );
    clock.advance(16 * 60_000);
    assert.equal((await browser().login("hay.quen", PASSWORD)).status, 303);
  });

  test("a username with control characters is a wrong login, not a server error", async () => {
    assert.equal((await browser().login("quan\u0000tri", PASSWORD)).status, 422);
  });

  test("CSRF: a form posted without its token, or with a wrong one, is refused with 403", async () => {
    const admin = browser();
    await admin.login("quantri", PASSWORD);
    const before = await userCount();
    const form = { username: "csrf.victim", fullName: "Không Được Tạo", role: "admin" };
    const missing = await admin.post("/admin/users/new", form, { csrf: false });
    assert.equal(missing.status, 403);
    assert.ok((await missing.text()).includes("Phiên làm việc của biểu mẫu đã hết hạn"));
    const wrong = await admin.post("/admin/users/new", { ...form, _csrf: "forged" }, { csrf: false });
    assert.equal(wrong.status, 403);
    assert.equal(await userCount(), before);
  });

  test("the list searches names without diacritics and filters by role and status", async () => {
    const admin = browser();
    await admin.login("quantri", PASSWORD);
    const found = await (await admin.get("/admin/users?q=nguyen+van+an")).text();
    assert.ok(found.includes("Nguyễn Văn An"));
    assert.ok(found.includes("Thôn Khe Tâm,"), "the village with its commune");
    assert.ok(!found.includes("Lò Văn Bản"));
    const byRole = await (await admin.get("/admin/users?role=commune_officer")).text();
    assert.ok(byRole.includes("Phạm Thị Cán Bộ") && !byRole.includes("Nguyễn Văn An"));
    const none = await (await admin.get("/admin/users?q=zzzz&page=99999999")).text();
    assert.ok(none.includes("Không có tài khoản nào"));
    assert.equal((await admin.get("/admin/users?role=%27&status=x&page=-1&q=%25")).status, 200);
    assert.equal(
      (await admin.get("/admin/users?q=%00%01nguyen")).status,
      200,
      "NUL is not sent to PostgreSQL",
    );
    assert.equal((await admin.get("/admin/users/999999999")).status, 404);
    assert.equal((await admin.get("/admin/users/99999999999999999999")).status, 404);
  });

  test("import: every bad row is listed and nothing is imported; a good file gives passwords once", async () => {
    const admin = browser();
    await admin.login("quantri", PASSWORD);
    const template = await admin.get("/admin/users/import/template.csv");
    assert.equal(template.status, 200);
    assert.match(template.headers.get("content-type") ?? "", /^text\/csv/);
    const header = (await template.text()).replace(/^\uFEFF/, "").trim();
    assert.equal(header, "Tên đăng nhập,Họ tên,Điện thoại,Email,Mã thôn,Vai trò");

    const before = await userCount();
    const bad = [
      header,
      "tho.a,Thái Văn A,0912000001,,TA2,",
      "quantri,Trùng Tên,0912000002,,TA3,",
      "x,Tên Ngắn,0912000003,,TA3,",
      "tho.d,Thái Văn D,12345,,TA2,",
      "tho.e,Thái Văn E,0912000005,,KHONGCO,",
    ].join("\n");
    const res = await admin.upload(
      "/admin/users/import",
      new Blob([bad], { type: "text/csv" }),
      "truong-thon.csv",
    );
    const html = await res.text();
    assert.equal(res.status, 422);
    assert.ok(html.includes("Chưa nhập tài khoản nào."));
    for (const msg of [
      "Tên đăng nhập chỉ gồm chữ thường",
      "Số điện thoại không hợp lệ",
      "Mã thôn không có trong danh sách",
      "Thôn này đã có trưởng thôn ở dòng 2",
    ]) {
      assert.ok(html.includes(msg), msg);
    }
    assert.equal(await userCount(), before);

    const taken = await admin.upload(
      "/admin/users/import",
      new Blob([[header, "quantri,Trùng Tên,0912000002,,TA3,"].join("\n")]),
      "taken.csv",
    );
    assert.equal(taken.status, 422);
    assert.ok((await taken.text()).includes("Tên đăng nhập này đã có tài khoản trong hệ thống."));

    const good = [
      header,
      "tho.a,Thái Văn A,0912000001,,TA2,",
      "tho.b,Thái Văn B,+84912000002,b@example.vn,TA3,Trưởng thôn",
    ].join("\r\n");
    const ok = await admin.upload("/admin/users/import", new Blob([good]), "tot.csv");
    const okHtml = await ok.text();
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get("cache-control"), "no-store");
    const passwords = [...okHtml.matchAll(/<td><code>([A-Za-z0-9]{12})<\/code><\/td>/g)].map((m) => m[1]);
    assert.equal(passwords.length, 2);
    assert.equal(await userCount(), before + 2);
    assert.equal(
      (await browser().login("tho.b", passwords[1] ?? "")).headers.get("location"),
      "/account/password?first=1",
    );

    const none = await admin.upload("/admin/users/import", new Blob([]), "empty.csv");
    assert.equal(none.status, 422);
    const huge = await admin.upload(
      "/admin/users/import",
      new Blob([new Uint8Array(11 * 1024 * 1024)]),
      "huge.csv",
    );
    assert.equal(huge.status, 413);
    const binary = await admin.upload(
      "/admin/users/import",
      new Blob([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3])]),
      "old.xls",
    );
    assert.equal(binary.status, 422);
  });

  test("an admin adds and removes a grant; errors stay on the page", async () => {
    const admin = browser();
    await admin.login("quantri", PASSWORD);
    const bad = await admin.post(`/admin/users/${ids.otherHead}/grants`, { role: "commune_officer" });
    assert.equal(bad.status, 422);
    assert.ok((await bad.text()).includes("Cán bộ xã cần chọn một xã, phường."));
    const ok = await admin.post(`/admin/users/${ids.otherHead}/grants`, {
      role: "trainer",
      unitId: String(units.communeB),
    });
    assert.equal(ok.status, 303);
    const dup = await admin.post(`/admin/users/${ids.otherHead}/grants`, {
      role: "trainer",
      unitId: String(units.communeB),
    });
    assert.equal(dup.status, 409);
    const grant = await database.pool.query<{ id: number }>(
      "SELECT id FROM role_grants WHERE user_id = $1 AND role = 'trainer'",
      [ids.otherHead],
    );
    const removed = await admin.post(`/admin/users/${ids.otherHead}/grants/${grant.rows[0]?.id}/remove`, {});
    assert.equal(removed.status, 303);
    assert.equal(
      (await admin.post(`/admin/users/${ids.otherHead}/grants/${grant.rows[0]?.id}/remove`, {})).status,
      404,
    );
  });
});
