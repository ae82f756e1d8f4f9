// Two app processes on one PostgreSQL database: a moderator's move on node A reaches a presenter's live stream
// (Server-Sent Events) served by node B, through LISTEN/NOTIFY. Scale-out needs a server, so this suite runs only
// with one: `E2E_DATABASE_URL=postgres://… npm run test:cluster` (.ci/run starts one).
import assert from "node:assert/strict";
import { test } from "node:test";
import { createScratchDatabase, DEMO_PASSWORD, type RunningApp, startApp } from "../e2e/support/app.ts";
import { csrfToken, type HttpSession, logIn } from "../e2e/support/http.ts";

const SERVER = process.env.E2E_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "";
if (!SERVER)
  throw new Error("test:cluster needs E2E_DATABASE_URL (a PostgreSQL server): several nodes share it");

type State = { version: number; state: string; current: { text: string } | null };

async function session(url: string, username: string): Promise<HttpSession> {
  const r = await logIn(url, username, DEMO_PASSWORD);
  assert.ok(r.ok, `${username} logs in on ${url}`);
  return r.session;
}

async function post(s: HttpSession, page: string, action: string, fields: Record<string, string> = {}) {
  const form = await s.get(page);
  const res = await s.request("POST", action, { _csrf: csrfToken(form.body), ...fields });
  assert.equal(res.status, 303, `${action} answered ${res.status}: ${res.body.slice(0, 300)}`);
  return res;
}

test("a moderator action on one node reaches a presenter stream served by another", async (t) => {
  const db = await createScratchDatabase(SERVER);
  let a: RunningApp | undefined;
  let b: RunningApp | undefined;
  t.after(async () => {
    await b?.stop();
    await a?.stop();
    await db.drop();
  });
  a = await startApp({ env: { DATABASE_URL: db.url } });
  b = await startApp({ env: { DATABASE_URL: db.url }, timeoutMs: 120_000 });

  const coordinator = await session(a.url, "demo-coordinator");
  const form = await coordinator.get("/dialogues/new");
  const commune = /value="(\d+)"[^>]*\/?>\s*Xã Tiên Yên \(/.exec(form.body)?.[1];
  const leader = /name="chairIds" value="(\d+)"/.exec(form.body)?.[1];
  assert.ok(commune && leader, "the form offers the demo commune and a leader");
  const created = await post(coordinator, "/dialogues/new", "/dialogues/new", {
    title: "Đối thoại thử hai máy chủ",
    date: "15/12/2026",
    time: "08:00",
    venue: "Hội trường",
    role: "village_head",
    unitIds: commune,
    chairIds: leader,
    agenda: "",
    idempotencyKey: "two-nodes",
  });
  const path = (created.location ?? "").replace(/\?.*$/, "");
  assert.match(path, /^\/dialogues\/\d+$/);
  await post(coordinator, path, `${path}/state/open_questions`);
  const village = await session(a.url, "demo-village");
  await post(village, path, `${path}/questions`, {
    text: "Đề nghị sửa chữa đường liên thôn bị sạt lở sau mưa lũ.",
  });
  const moderator = await session(a.url, "demo-moderator");
  await post(moderator, path, `${path}/state/go_live`);

  // the presenter screen's stream, on node B
  const presenter = await session(b.url, "demo-coordinator");
  const controller = new AbortController();
  const res = await fetch(new URL(`${path}/events`, b.url), {
    headers: { cookie: `caunoi_sid=${presenter.cookie("caunoi_sid")}` },
    signal: controller.signal,
  });
  assert.equal(res.status, 200);
  const reader = res.body?.getReader();
  assert.ok(reader);
  const states: State[] = [];
  let buf = "";
  const next = async (until: (s: State) => boolean, ms: number): Promise<State | null> => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      const found = states.find(until);
      if (found) return found;
      const chunk = await Promise.race([
        reader.read(),
        new Promise<null>((r) => setTimeout(() => r(null), Math.max(1, deadline - Date.now()))),
      ]);
      if (!chunk || chunk.done) break;
      buf += new TextDecoder().decode(chunk.value);
      for (let at = buf.indexOf("\n\n"); at >= 0; at = buf.indexOf("\n\n")) {
        const data = buf
          .slice(0, at)
          .split("\n")
          .filter((l) => l.startsWith("data:"))
          .map((l) => l.slice(5).trim())
          .join("");
        buf = buf.slice(at + 2);
        if (data) states.push(JSON.parse(data) as State);
      }
    }
    return states.find(until) ?? null;
  };
  const first = await next(() => true, 10_000);
  assert.equal(first?.state, "live");
  assert.equal(first?.current, null);

  const moved = Date.now();
  await post(moderator, `${path}/console`, `${path}/queue/next`);
  const after = await next((s) => s.current !== null, 10_000);
  assert.ok(after, "node B's stream heard node A's move");
  assert.match(after.current?.text ?? "", /sạt lở/);
  t.diagnostic(`delivered across nodes within ${Date.now() - moved} ms of the POST's start`);
  controller.abort();
  await reader.cancel().catch(() => undefined);
});
