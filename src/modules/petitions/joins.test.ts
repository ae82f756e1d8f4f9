// "Thôn tôi cũng vậy" (issue 4): a village head files their petition as the same issue as a similar one; only a
// coordinator's click puts them in one cluster; the cluster's answer then reaches the village that joined.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Browser, textOf } from "../../../test/support/http.ts";
import { buildApp } from "../../app.ts";
import { createLogger } from "../../logger.ts";
import type { Database } from "../../platform/db/database.ts";
import { openTestDatabase } from "../../platform/db/testing.ts";
import type { App } from "../../platform/http/types.ts";
import { answerPetition, receivePetition, routePetition } from "./commands/steps.ts";
import { submitPetition } from "./commands/submitPetition.ts";
import { petitionWorld } from "./testkit.ts";

const PASSWORD = "mat-khau-1234";
let db: Database;
let w: Awaited<ReturnType<typeof petitionWorld>>;
let app: App;
let stop: () => void;

before(async () => {
  db = await openTestDatabase();
  w = await petitionWorld(db);
  const built = buildApp(w.config, db, w.clock, createLogger(w.config));
  app = built.app;
  stop = built.stop;
});
after(async () => {
  stop();
  await db.close();
});

async function as(username: string): Promise<Browser> {
  const b = new Browser(app);
  await b.login(username, PASSWORD);
  return b;
}

const ORIGINAL = {
  title: "Mất điện kéo dài",
  body: "Thôn Khe Tâm thường xuyên mất điện vào buổi tối, điện áp yếu, đề nghị ngành điện nâng cấp trạm biến áp.",
};
const SAME =
  "Ban Na Lang hay mat dien buoi toi, dien yeu khong chay duoc may bom, de nghi nang cap tram bien ap.";
const ANSWER = "Công ty Điện lực sẽ nâng cấp trạm biến áp trong tháng 5.";

/** The village head's form as a browser sends it (the key and the village read from the form page `html`). */
function form(html: string, fields: Record<string, string>): FormData {
  const fd = new FormData();
  const all: Record<string, string> = {
    _csrf: /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "",
    idempotency_key: /name="idempotency_key" value="([^"]*)"/.exec(html)?.[1] ?? "",
    villageId: /name="villageId" value="(\d+)"/.exec(html)?.[1] ?? "",
    kind: "recommendation",
    categoryCode: "",
    title: "",
    body: "",
    urgency: "normal",
    households: "1",
    location: "",
    residentNames: "",
    residentPhones: "",
    ...fields,
  };
  for (const [k, v] of Object.entries(all)) fd.append(k, v);
  return fd;
}

const idFrom = (url: string) => Number(/\/petitions\/(\d+)/.exec(url)?.[1]);
const row = async (id: number) =>
  (
    await db.pool.query<{
      title: string;
      body: string;
      cluster_id: number | null;
      state: string;
      code: string;
    }>("SELECT title, body, cluster_id, state, code FROM petitions WHERE id = $1", [id])
  ).rows[0];

test("my village too: offered beside each similar petition, files one petition (a retry does not duplicate), a coordinator confirms, the answer reaches the village", async () => {
  const { people: p, as: asActor, ids } = w;
  const original = await submitPetition(asActor(p.village), {
    villageId: ids.village,
    kind: "recommendation",
    categoryCode: "dien_nuoc",
    ...ORIGINAL,
    urgency: "normal",
    households: 40,
  });

  // The second village's head checks without JavaScript: each similar petition has its "my village too" button.
  const head = await as("t-village2");
  const page = await head.get("/petitions/new");
  const checked = await head.post(
    "/petitions/new",
    form(page.html, { title: "Mất điện", body: SAME, intent: "similar" }),
  );
  assert.equal(checked.status, 200);
  assert.match(
    checked.html,
    new RegExp(`<button type="submit" name="joins" value="${original.id}"[^>]*>Thôn tôi cũng vậy`),
  );
  assert.ok(
    !textOf(checked.html).includes("Khe Tâm"),
    "another village's petition: its village is not named",
  );
  // The fragment the form's script asks for carries the same buttons.
  const fragment = await head.get(`/petitions/similar?join=1&text=${encodeURIComponent(SAME)}`);
  assert.match(fragment.html, new RegExp(`name="joins" value="${original.id}"`));
  const plainFragment = await head.get(`/petitions/similar?text=${encodeURIComponent(SAME)}`);
  assert.doesNotMatch(plainFragment.html, /name="joins"/, "only the form asks for them");

  // The head typed little ("Mất điện" is too short for a title): the original's title and the head's note.
  const join = form(checked.html, { title: "", body: "Cả xóm mất điện", joins: String(original.id) });
  const retry = form(checked.html, { title: "", body: "Cả xóm mất điện", joins: String(original.id) });
  const filed = await head.post("/petitions/new", join);
  assert.equal(filed.status, 200);
  const joinerId = idFrom(filed.url);
  assert.ok(joinerId > 0, filed.url);
  const again = await head.post("/petitions/new", retry);
  assert.equal(idFrom(again.url), joinerId, "the retried form lands on the same petition");
  const mine = await db.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM petitions WHERE submitted_by = $1",
    [p.village2.id],
  );
  assert.equal(mine.rows[0]?.n, 1, "one petition, not two");
  const claims = await db.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM petition_events WHERE petition_id = $1 AND action = 'join_claim'",
    [joinerId],
  );
  assert.equal(claims.rows[0]?.n, 1, "one claim in the timeline");
  const joiner = await row(joinerId);
  assert.equal(joiner?.title, ORIGINAL.title);
  assert.ok(joiner?.body.includes(original.code) && joiner.body.includes("Cả xóm mất điện"), joiner?.body);
  assert.equal(joiner?.state, "submitted");
  assert.equal(joiner?.cluster_id, null, "not merged by itself");
  const headView = textOf(again.html);
  assert.ok(headView.includes(`Thôn đã báo cùng vấn đề với kiến nghị ${original.code}`), headView);
  assert.ok(headView.includes("Báo cùng vấn đề với kiến nghị khác"), "the claim is in the timeline");

  // The village head cannot link it; nor can the commune officer (merging is the coordinator's).
  await head.get(`/petitions/${joinerId}`);
  await head.post(`/petitions/${joinerId}/cluster/link`, { target: String(original.id) });
  assert.equal((await row(joinerId))?.cluster_id, null, "a village head cannot link");
  const commune = await as("t-commune");
  const atReceipt = await commune.get(`/petitions/${joinerId}`);
  const receiptText = textOf(atReceipt.html);
  assert.ok(receiptText.includes(`Thôn báo cùng vấn đề với ${original.code}`), "the officer sees the claim");
  assert.ok(receiptText.includes("Kiến nghị tương tự đã có"), "similar ones listed without a click");
  assert.ok(!receiptText.includes("Xác nhận, gộp vào nhóm"), "but no link button for the officer");
  await commune.post(`/petitions/${joinerId}/cluster/link`, { target: String(original.id) });
  assert.equal((await row(joinerId))?.cluster_id, null, "a commune officer cannot link");

  // The coordinator sees the claim, on the petition and on the original, and confirms it with one click.
  const coordinator = await as("t-coordinator");
  const onOriginal = textOf((await coordinator.get(`/petitions/${original.id}`)).html);
  assert.ok(onOriginal.includes(joiner?.code ?? "?"), "the original lists the village that joined it");
  const claimPage = await coordinator.get(`/petitions/${joinerId}`);
  const claimText = textOf(claimPage.html);
  assert.ok(claimText.includes(`Thôn báo cùng vấn đề với ${original.code}`), claimText);
  assert.ok(claimText.includes("chờ xác nhận"));
  const suggestions = textOf((await coordinator.get(`/petitions/${joinerId}/similar`)).html);
  assert.ok(
    suggestions.includes(`Thôn báo cùng vấn đề với ${original.code}`),
    "and in the cluster suggestions",
  );
  await coordinator.get(`/petitions/${joinerId}`);
  const linked = await coordinator.post(`/petitions/${joinerId}/cluster/link`, {
    target: String(original.id),
  });
  assert.match(linked.url, /^\/clusters\/\d+/);
  const [a, b] = [await row(original.id), await row(joinerId)];
  assert.ok(a?.cluster_id && a.cluster_id === b?.cluster_id, "both in one cluster");
  assert.equal(b?.state, "merged");
  const lead = await db.pool.query<{ lead_petition_id: number }>(
    "SELECT lead_petition_id FROM petition_clusters WHERE id = $1",
    [a?.cluster_id],
  );
  assert.equal(lead.rows[0]?.lead_petition_id, original.id, "the original leads");
  assert.ok(
    textOf((await head.get(`/petitions/${joinerId}`)).html).includes("đã được gộp vào nhóm"),
    "the head sees it was confirmed",
  );

  // One answer to the cluster reaches the village that joined.
  await receivePetition(asActor(p.commune), original.id, {
    kind: "recommendation",
    categoryCode: "dien_nuoc",
    urgency: "normal",
    level: "province",
  });
  await routePetition(asActor(p.coordinator), original.id, ids.agency, null);
  await answerPetition(asActor(p.agency), original.id, { text: ANSWER, publish: false });
  assert.equal((await row(joinerId))?.state, "answered");
  const answered = textOf((await head.get(`/petitions/${joinerId}`)).html);
  assert.ok(answered.includes(ANSWER), "the joiner reads the answer");
  const told = await db.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM outbox WHERE payload->>'kind' = 'petition_answered' AND payload->>'userId' = $1",
    [String(p.village2.id)],
  );
  assert.equal(told.rows[0]?.n, 1, "and is told once");
});

test("my village too keeps what was typed, and says so beside the form when the petition chosen is gone", async () => {
  const head = await as("t-other-village");
  const page = await head.get("/petitions/new");
  const gone = await head.post(
    "/petitions/new",
    form(page.html, { title: "Đường ngập", body: "Đường vào thôn ngập sâu mỗi khi mưa.", joins: "999999" }),
  );
  assert.equal(gone.status, 422);
  assert.ok(textOf(gone.html).includes("Không tìm thấy kiến nghị đã chọn"));
  assert.match(gone.html, /value="Đường ngập"/, "the title is kept");
  const before = await db.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM petitions WHERE submitted_by = $1",
    [w.people.otherVillage.id],
  );
  assert.equal(before.rows[0]?.n, 0, "nothing filed");

  const target = (await db.pool.query<{ id: number }>("SELECT id FROM petitions ORDER BY id LIMIT 1")).rows[0]
    ?.id;
  const typed = {
    title: "Điện chập chờn ở Đồng Cầu",
    body: "Điện chập chờn mỗi tối, máy bơm không chạy được, đề nghị kiểm tra đường dây.",
  };
  const filed = await head.post("/petitions/new", form(gone.html, { ...typed, joins: String(target) }));
  const id = idFrom(filed.url);
  const r = await row(id);
  assert.equal(r?.title, typed.title, "what the head typed is what is filed");
  assert.equal(r?.body, typed.body);
  assert.ok(textOf(filed.html).includes("Đã gửi kiến nghị và báo cùng vấn đề"));
});
