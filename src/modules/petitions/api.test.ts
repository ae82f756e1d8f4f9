import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import fc from "fast-check";
import { buildApp } from "../../app.ts";
import { createLogger } from "../../logger.ts";
import type { Database } from "../../platform/db/database.ts";
import { openTestDatabase } from "../../platform/db/testing.ts";
import type { App } from "../../platform/http/types.ts";
import { createApiToken, revokeApiToken } from "../accounts/commands/manageUsers.ts";
import { TOKEN_CACHE_MS } from "../accounts/sessions.ts";
import { API_ACTIONS } from "./apiSchemas.ts";
import { petitionWorld } from "./testkit.ts";

let db: Database;
let w: Awaited<ReturnType<typeof petitionWorld>>;
let app: App;
let stop: () => void;
const tokens: Record<string, string> = {};

type People = Awaited<ReturnType<typeof petitionWorld>>["people"];
type Who = keyof People;

before(async () => {
  db = await openTestDatabase();
  w = await petitionWorld(db);
  const built = buildApp(w.config, db, w.clock, createLogger(w.config));
  app = built.app;
  stop = built.stop;
  for (const [name, actor] of Object.entries(w.people))
    tokens[name] = await createApiToken(w.ctx, actor.id, "api test");
});
after(async () => {
  stop();
  await db.close();
});

type Json = Record<string, unknown>;
type Answer = { status: number; json: Json; headers: Headers };

async function call(
  who: Who | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const h: Record<string, string> = { ...headers };
  if (who) h.authorization = `Bearer ${tokens[who]}`;
  let payload: string | undefined;
  if (body !== undefined) {
    payload = typeof body === "string" ? body : JSON.stringify(body);
    h["content-type"] ??= "application/json";
  }
  const res = await app.request(`http://localhost${path}`, { method, headers: h, body: payload });
  const text = await res.text();
  let json: Json = {};
  try {
    json = text ? (JSON.parse(text) as Json) : {};
  } catch {
    json = { raw: text };
  }
  return { status: res.status, json, headers: res.headers };
}

const errorOf = (a: Answer) =>
  a.json.error as { code: string; message: string; fields?: Record<string, string> };

const newPetition = (over: Json = {}) => ({
  villageId: w.ids.village,
  kind: "recommendation",
  categoryCode: "giao_thong",
  title: "Đường liên thôn Khe Tâm sạt lở",
  body: "Sau mưa lớn, tuyến đường liên thôn bị sạt lở taluy, xe máy không qua được, học sinh phải đi vòng xa.",
  urgency: "pressing",
  households: 120,
  location: "Đầu cầu tràn",
  residents: { names: "Nông Văn Dân", phones: "0987000111", consent: true },
  ...over,
});

let keys = 0;
async function file(over: Json = {}): Promise<Json> {
  const res = await call("village", "POST", "/api/v1/petitions", newPetition(over), {
    "idempotency-key": `file-${++keys}`,
  });
  assert.equal(res.status, 201, JSON.stringify(res.json));
  return res.json;
}

const act = (who: Who, id: unknown, action: string, body: unknown = {}) =>
  call(who, "POST", `/api/v1/petitions/${id}/actions/${action}`, body);

test("the whole journey over the API, each step with its role's token", async () => {
  const filed = await call("village", "POST", "/api/v1/petitions", newPetition(), {
    "Idempotency-Key": "journey-1",
  });
  assert.equal(filed.status, 201, JSON.stringify(filed.json));
  const id = filed.json.id as number;
  assert.equal(filed.headers.get("location"), `/api/v1/petitions/${id}`);
  assert.equal(filed.json.state, "submitted");
  assert.match(String(filed.json.code), /^KN-2026-\d{6}$/);
  assert.deepEqual(filed.json.residents, { names: "Nông Văn Dân", phones: "0987000111", consent: true });

  const received = await act("commune", id, "receive", {
    kind: "recommendation",
    categoryCode: "giao_thong",
    urgency: "pressing",
    level: "province",
    version: filed.json.version,
  });
  assert.equal(received.status, 200, JSON.stringify(received.json));
  assert.equal(received.json.state, "received");
  assert.ok((received.json.actions as string[]).includes("route"));

  const routed = await act("coordinator", id, "route", {
    agencyId: w.ids.agency,
    note: "Đề nghị Sở kiểm tra",
  });
  assert.equal(routed.status, 200, JSON.stringify(routed.json));
  assert.equal(routed.json.state, "assigned");
  assert.ok(routed.json.deadlineAt, "the deadline starts at routing");
  assert.equal(routed.json.residents, undefined, "the coordinator never sees residents' personal data");

  const started = await act("agency", id, "start");
  assert.equal(started.status, 200, JSON.stringify(started.json));
  assert.equal(started.json.state, "in_progress");
  assert.deepEqual(started.json.actions, ["answer", "hand-back", "extend"]);

  const answered = await act("agency", id, "answer", {
    text: "Sở đã bố trí kinh phí khắc phục sạt lở, thi công xong trước 30/4.",
    publish: true,
  });
  assert.equal(answered.status, 200, JSON.stringify(answered.json));
  assert.equal(answered.json.state, "answered");
  assert.equal(answered.json.answerPublished, true);

  const confirmed = await act("village", id, "confirm", { reason: "Cảm ơn Sở" });
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.json));
  assert.equal(confirmed.json.state, "closed");

  const detail = await call("village", "GET", `/api/v1/petitions/${id}`);
  assert.equal(detail.status, 200);
  assert.deepEqual(
    (detail.json.timeline as { action: string }[]).map((e) => e.action),
    ["submit", "receive", "route", "start", "answer", "confirm"],
  );
  assert.deepEqual(detail.json.actions, []);
  const agencyView = await call("agency", "GET", `/api/v1/petitions/${id}`);
  assert.equal(agencyView.status, 200);
  assert.equal(agencyView.json.residents, undefined, "the agency never sees residents' personal data");

  const mine = await call("village", "GET", "/api/v1/petitions?state=closed,answered");
  assert.equal(mine.status, 200);
  assert.ok((mine.json.items as { id: number }[]).some((p) => p.id === id));
  const theirs = await call("otherVillage", "GET", "/api/v1/petitions");
  assert.equal(theirs.status, 200);
  assert.ok(
    !(theirs.json.items as { id: number }[]).some((p) => p.id === id),
    "scoped to the token's person",
  );
  const queue = await call("agency", "GET", `/api/v1/petitions?agencyId=${w.ids.agency}&sort=deadline`);
  assert.equal(queue.status, 200, JSON.stringify(queue.json));
});

test("the same Idempotency-Key twice files one petition and answers the same id", async () => {
  const body = newPetition({ title: "Giếng nước sinh hoạt bị ô nhiễm" });
  const first = await call("village", "POST", "/api/v1/petitions", body, { "Idempotency-Key": "retry-42" });
  const second = await call("village", "POST", "/api/v1/petitions", body, { "Idempotency-Key": "retry-42" });
  assert.equal(first.status, 201);
  assert.equal(second.status, 200);
  assert.equal(second.json.id, first.json.id);
  // the filing answers from the row it inserted, the replay reads it back: the same petition either way
  assert.deepEqual(second.json, first.json);
  const { rows } = await db.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM petitions WHERE idempotency_key = $1",
    ["retry-42"],
  );
  assert.equal(rows[0]?.n, 1);
});

test("the answer to a submission is the petition as GET shows it, with residents' data or without", async () => {
  for (const over of [{}, { residents: undefined, location: undefined, urgency: "normal" }]) {
    const filed = await file({ title: `Cống thoát nước tắc ${JSON.stringify(over)}`, ...over });
    const read = await call("village", "GET", `/api/v1/petitions/${filed.id}`);
    assert.equal(read.status, 200);
    assert.deepEqual(filed, read.json);
    const timeline = filed.timeline as Json[];
    assert.equal(timeline.length, 1);
    assert.equal(timeline[0]?.action, "submit");
  }
});

test("a missing Idempotency-Key is a 400 that names the header", async () => {
  const before = await db.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM petitions");
  const res = await call("village", "POST", "/api/v1/petitions", newPetition());
  assert.equal(res.status, 400);
  assert.equal(errorOf(res).code, "invalid");
  assert.match(errorOf(res).message, /Idempotency-Key/);
  assert.ok(errorOf(res).fields?.["Idempotency-Key"]);
  const after = await db.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM petitions");
  assert.equal(after.rows[0]?.n, before.rows[0]?.n);
});

test("a village head's token on another village's petition: 404, for reading and for acting", async () => {
  const p = await file();
  const read = await call("otherVillage", "GET", `/api/v1/petitions/${p.id}`);
  assert.equal(read.status, 404);
  assert.equal(errorOf(read).code, "not_found");
  const acting = await act("otherVillage", p.id, "resubmit", {
    title: "x",
    body: "y",
    households: 1,
    categoryCode: "giao_thong",
  });
  assert.equal(acting.status, 404);
  // Filing for a village that is not theirs is a 403.
  const filing = await call("otherVillage", "POST", "/api/v1/petitions", newPetition(), {
    "Idempotency-Key": "x-1",
  });
  assert.equal(filing.status, 403);
  assert.equal(errorOf(filing).code, "forbidden");
  // Seen but not theirs to do: the commune officer may not start an agency's work.
  const notHolder = await act("commune", p.id, "start");
  assert.equal(notHolder.status, 403);
  assert.equal(await call("village", "GET", "/api/v1/petitions/999999999").then((r) => r.status), 404);
});

test("an action the state does not allow, or a stale version, is a 409", async () => {
  const p = await file();
  const classify = { kind: "report", categoryCode: "giao_thong", urgency: "normal", level: "commune" };
  assert.equal((await act("commune", p.id, "receive", classify)).status, 200);
  const twice = await act("commune", p.id, "receive", classify);
  assert.equal(twice.status, 409);
  assert.equal(errorOf(twice).code, "conflict");
  const stale = await act("commune", p.id, "return", { reason: "Bổ sung ảnh", version: p.version });
  assert.equal(stale.status, 409, "the version read before the receive is stale");
  const ok = await act("commune", p.id, "return", {
    reason: "Bổ sung ảnh",
    version: (p.version as number) + 1,
  });
  assert.equal(ok.status, 200, JSON.stringify(ok.json));
  assert.equal(ok.json.state, "returned");
  const resubmitted = await act("village", p.id, "resubmit", {
    title: "Đường liên thôn sạt lở (bổ sung ảnh)",
    body: "Đã bổ sung vị trí và số hộ bị ảnh hưởng.",
    households: 130,
    categoryCode: "giao_thong",
  });
  assert.equal(resubmitted.status, 200, JSON.stringify(resubmitted.json));
  assert.equal(resubmitted.json.state, "submitted");
});

test("bodies are validated field by field; domain errors keep their field; messages follow the caller's language", async () => {
  const bad = await call(
    "village",
    "POST",
    "/api/v1/petitions",
    { ...newPetition(), title: "", households: "many", kind: "complaint" },
    { "Idempotency-Key": "bad-1" },
  );
  assert.equal(bad.status, 400);
  const e = errorOf(bad);
  assert.equal(e.code, "invalid");
  assert.deepEqual(Object.keys(e.fields ?? {}).sort(), ["households", "kind", "title"]);
  assert.equal(e.fields?.title, "Vui lòng nhập trường này.");

  const english = await call(
    "village",
    "POST",
    "/api/v1/petitions",
    { title: "" },
    {
      "Idempotency-Key": "bad-2",
      cookie: "caunoi_lang=en",
    },
  );
  assert.equal(english.status, 400);
  assert.equal(errorOf(english).fields?.title, "Please fill in this field.");

  const p = await file();
  await act("commune", p.id, "receive", {
    kind: "proposal",
    categoryCode: "giao_thong",
    urgency: "normal",
    level: "province",
  });
  const unknownAgency = await act("coordinator", p.id, "route", { agencyId: 987654321 });
  assert.equal(unknownAgency.status, 400);
  assert.ok(errorOf(unknownAgency).fields?.agencyId, "a 422 of the command is a 400 with its field");
  const central = await act("coordinator", p.id, "route", { agencyId: w.ids.central });
  assert.equal(central.status, 400);
  assert.ok(errorOf(central).fields?.agencyId);
  await act("coordinator", p.id, "route", { agencyId: w.ids.agency });
  const short = await act("agency", p.id, "answer", { text: "ok", publish: false });
  assert.equal(short.status, 400);
  assert.equal(errorOf(short).fields?.text, "Nội dung trả lời quá ngắn (ít nhất 10 ký tự).");
  const malformed = await call("agency", "POST", `/api/v1/petitions/${p.id}/actions/start`, "{not json");
  assert.equal(malformed.status, 400);
  assert.equal(errorOf(malformed).code, "invalid");
  const form = await call("agency", "POST", `/api/v1/petitions/${p.id}/actions/start`, "version=1", {
    "content-type": "application/x-www-form-urlencoded",
  });
  assert.equal(form.status, 415);
  const ext = await act("agency", p.id, "extend", { workingDays: 45, reason: "Chờ kinh phí" });
  assert.equal(ext.status, 400);
  assert.ok(errorOf(ext).fields?.workingDays);
  const ext2 = await act("agency", p.id, "extend", { workingDays: 5, reason: "Chờ kinh phí" });
  assert.equal(ext2.status, 200, JSON.stringify(ext2.json));
  assert.deepEqual(ext2.json.pendingExtension, {
    id: (ext2.json.pendingExtension as { id: number }).id,
    workingDays: 5,
    reason: "Chờ kinh phí",
  });
  const ext3 = await act("agency", p.id, "extend", { workingDays: 5, reason: "Lần nữa", version: 1 });
  assert.equal(ext3.status, 409, "stale version on extend");
  const badQuery = await call("village", "GET", "/api/v1/petitions?state=nope&limit=500&from=2026-02-31");
  assert.equal(badQuery.status, 400);
  assert.deepEqual(Object.keys(errorOf(badQuery).fields ?? {}).sort(), ["from", "limit", "state"]);
});

test("keyset pages: `next` leads to the following page without repeats", async () => {
  for (let i = 0; i < 3; i++) await file({ title: `Trang ${i}` });
  const seen: number[] = [];
  let after: string | null = null;
  for (let n = 0; n < 50; n++) {
    const q: string = after ? `&after=${after}` : "";
    const page = await call("commune", "GET", `/api/v1/petitions?limit=2${q}`);
    assert.equal(page.status, 200, JSON.stringify(page.json));
    seen.push(...(page.json.items as { id: number }[]).map((p) => p.id));
    after = page.json.next as string | null;
    if (!after) break;
  }
  assert.equal(new Set(seen).size, seen.length);
  const { rows } = await db.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM petitions WHERE unit_path LIKE (SELECT path FROM units WHERE id = $1) || '%'",
    [w.ids.commune],
  );
  assert.equal(seen.length, rows[0]?.n);
});

test("no token, a bad token or a revoked token: 401", async () => {
  const anonymous = await call(null, "GET", "/api/v1/petitions");
  assert.equal(anonymous.status, 401);
  assert.equal(errorOf(anonymous).code, "unauthorized");
  const token = await createApiToken(w.ctx, w.people.village.id, "to revoke");
  const ok = await call(null, "GET", "/api/v1/petitions", undefined, { authorization: `Bearer ${token}` });
  assert.equal(ok.status, 200);
  const { rows } = await db.pool.query<{ id: number }>("SELECT id FROM api_tokens WHERE name = 'to revoke'");
  await revokeApiToken(w.ctx, rows[0]?.id ?? 0);
  const revoked = await call(null, "POST", "/api/v1/petitions", newPetition(), {
    authorization: `Bearer ${token}`,
    "Idempotency-Key": "revoked-1",
  });
  assert.equal(revoked.status, 401);
  assert.equal(errorOf(revoked).code, "unauthorized");
});

test("a token revoked by another node stops working within TOKEN_CACHE_MS", async () => {
  const token = await createApiToken(w.ctx, w.people.village.id, "revoked elsewhere");
  const auth = { authorization: `Bearer ${token}` };
  assert.equal((await call(null, "GET", "/api/v1/petitions", undefined, auth)).status, 200);
  // as another node would: straight in the database, without this node's accounts commands
  await db.pool.query("UPDATE api_tokens SET revoked_at = now() WHERE name = 'revoked elsewhere'");
  assert.equal(
    (await call(null, "GET", "/api/v1/petitions", undefined, auth)).status,
    200,
    "this node still holds the actor it looked up (the documented delay)",
  );
  w.clock.advance(TOKEN_CACHE_MS + 1);
  const later = await call(null, "GET", "/api/v1/petitions", undefined, auth);
  assert.equal(later.status, 401);
  assert.equal(errorOf(later).code, "unauthorized");
});

test("/api/openapi.json is an OpenAPI 3.1 document listing every path, with a bearer scheme", async () => {
  const res = await call(null, "GET", "/api/openapi.json");
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /application\/json/);
  const doc = res.json as {
    openapi: string;
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    components: { securitySchemes: Record<string, { type: string; scheme: string }> };
    security: unknown[];
  };
  assert.equal(doc.openapi, "3.1.0");
  assert.equal(doc.components.securitySchemes.bearer?.type, "http");
  assert.equal(doc.components.securitySchemes.bearer?.scheme, "bearer");
  assert.deepEqual(doc.security, [{ bearer: [] }]);
  const expected = [
    "/api/v1/petitions",
    "/api/v1/petitions/{id}",
    ...API_ACTIONS.map((a) => `/api/v1/petitions/{id}/actions/${a}`),
  ];
  for (const path of expected) assert.ok(doc.paths[path], `${path} is documented`);
  assert.ok(doc.paths["/api/v1/petitions"]?.post && doc.paths["/api/v1/petitions"]?.get);
  assert.ok(doc.paths["/api/v1/petitions/{id}/actions/answer"]?.post?.responses["409"]);
});

// ----- nothing a caller sends produces a 500 -----

const ENDPOINTS: { method: string; path: (id: number) => string }[] = [
  { method: "POST", path: () => "/api/v1/petitions" },
  ...API_ACTIONS.map((a) => ({
    method: "POST",
    path: (id: number) => `/api/v1/petitions/${id}/actions/${a}`,
  })),
];

test("random JSON bodies at every endpoint never give a 500", async () => {
  // Targets in several states, so that random steps find some allowed.
  const targets: number[] = [];
  const classify = { kind: "report", categoryCode: "giao_thong", urgency: "normal", level: "province" };
  for (const stage of ["submitted", "received", "assigned", "answered"]) {
    const id = (await file({ title: `Mục tiêu thử ngẫu nhiên ${stage}` })).id as number;
    targets.push(id);
    if (stage === "submitted") continue;
    assert.equal((await act("commune", id, "receive", classify)).status, 200);
    if (stage === "received") continue;
    assert.equal((await act("coordinator", id, "route", { agencyId: w.ids.agency })).status, 200);
    if (stage === "assigned") continue;
    assert.equal(
      (await act("agency", id, "answer", { text: "Đã khắc phục xong.", publish: false })).status,
      200,
    );
  }
  const statuses = new Map<number, number>();
  const who = fc.constantFrom<Who>(
    "village",
    "otherVillage",
    "commune",
    "coordinator",
    "agency",
    "admin",
    "leader",
  );
  // Field names the schemas know, so that random values reach past the first check.
  const known = fc.constantFrom(
    "villageId",
    "kind",
    "categoryCode",
    "title",
    "body",
    "urgency",
    "households",
    "location",
    "residents",
    "version",
    "reason",
    "procedure",
    "note",
    "agencyId",
    "centralAgencyId",
    "text",
    "publish",
    "workingDays",
    "level",
    "names",
    "phones",
    "consent",
  );
  const value = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.string({ unit: "binary", maxLength: 30 }),
    fc.constantFrom(
      0,
      -1,
      1,
      1e308,
      -0,
      2 ** 53,
      2 ** 31,
      1.5,
      "giao_thong",
      "province",
      "central",
      "complaint",
    ),
    fc.constant(w.ids.village),
    fc.constant(w.ids.agency),
    fc.constant(w.ids.central),
  );
  const nonBlank = fc.string({ unit: "binary", maxLength: 60 }).map((t) => `x${t}`);
  const body = fc.oneof(
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.dictionary(known, value, { maxKeys: 8 }).map((v) => JSON.stringify(v)) },
    // A superset of every action's fields (unknown keys are ignored), with random text: reaches the commands.
    {
      weight: 4,
      arbitrary: fc
        .record({
          title: nonBlank,
          body: nonBlank,
          reason: nonBlank,
          note: nonBlank,
          text: nonBlank.map((t) => `Trả lời: ${t}`),
          location: fc.option(fc.string({ unit: "binary", maxLength: 30 })),
          kind: fc.constantFrom("report", "recommendation", "proposal", "complaint"),
          level: fc.constantFrom("commune", "province", "central"),
          procedure: fc.constantFrom("complaint", "denunciation", "voter_recommendation"),
          workingDays: fc.integer({ min: 0, max: 40 }),
          households: fc.integer({ min: 0, max: 2000 }),
          publish: fc.boolean(),
          agencyId: fc.constantFrom(w.ids.agency, w.ids.otherAgency, w.ids.central, 2 ** 40),
          centralAgencyId: fc.constantFrom(w.ids.central, w.ids.agency),
          version: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
        })
        .map((v) => JSON.stringify({ ...newPetition(), ...v })),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  );
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...ENDPOINTS),
      who,
      body,
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...targets) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 ** 31 }) },
      ),
      fc.option(fc.stringMatching(/^[ -~]{0,250}$/), { nil: undefined, freq: 4 }),
      fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom("application/json", "application/json; charset=utf-8") },
        { weight: 1, arbitrary: fc.constantFrom("text/plain", "application/x-www-form-urlencoded") },
      ),
      async (endpoint, person, payload, id, key, type) => {
        const headers: Record<string, string> = { "content-type": type };
        if (key !== undefined) headers["Idempotency-Key"] = key;
        const res = await call(person, endpoint.method, endpoint.path(id), payload, headers);
        assert.ok(
          res.status < 500,
          `${endpoint.method} ${endpoint.path(id)} ${payload} → ${res.status} ${JSON.stringify(res.json)}`,
        );
        assert.ok(errorOf(res) === undefined || typeof errorOf(res).message === "string");
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      },
    ),
    { numRuns: 300 },
  );
  // The bodies reach past validation into the commands, not only into 400s.
  assert.ok(
    [200, 201, 403, 404, 409].filter((s) => statuses.has(s)).length >= 3,
    JSON.stringify([...statuses]),
  );
});

test("random queries and ids at the read endpoints never give a 500", async () => {
  const param = fc.constantFrom(
    "state",
    "kind",
    "category",
    "unitId",
    "agencyId",
    "urgency",
    "overdue",
    "from",
    "to",
    "q",
    "sort",
    "after",
    "limit",
    "x",
  );
  const value = fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.constantFrom(
      "assigned,closed",
      "2026-03-02",
      "9999-12-31",
      "0000-01-01",
      "1",
      "0",
      "200",
      "201",
      "99999999999999999999",
      "deadline",
      "1_2",
      "123456789012345_1",
      "true",
    ),
  );
  await fc.assert(
    fc.asyncProperty(
      fc.dictionary(param, value, { maxKeys: 6 }),
      fc.oneof(fc.string({ unit: "binary", maxLength: 20 }), fc.integer({ min: 0 }).map(String)),
      fc.constantFrom<Who>("village", "commune", "agency", "leader", "admin"),
      async (query, id, person) => {
        const list = await call(person, "GET", `/api/v1/petitions?${new URLSearchParams(query)}`);
        assert.ok(
          list.status < 500,
          `${JSON.stringify(query)} → ${list.status} ${JSON.stringify(list.json)}`,
        );
        const one = await call(person, "GET", `/api/v1/petitions/${encodeURIComponent(id)}`);
        assert.ok(one.status < 500, `${id} → ${one.status}`);
      },
    ),
    { numRuns: 200 },
  );
});
