import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Browser } from "../../../test/support/http.ts";
import { buildApp } from "../../app.ts";
import { createLogger } from "../../logger.ts";
import type { Database } from "../../platform/db/database.ts";
import { openTestDatabase } from "../../platform/db/testing.ts";
import type { App } from "../../platform/http/types.ts";
import { createUser } from "../accounts/commands/manageUsers.ts";
import { petitionWorld } from "../petitions/testkit.ts";
import { docxText } from "./docxText.ts";
import type { LiveState } from "./queries/liveState.ts";

let database: Database;
let app: App;
let stop: () => void;
let world: Awaited<ReturnType<typeof petitionWorld>>;
let dialogueId = 0;

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

async function as(username: string): Promise<Browser> {
  const b = new Browser(app);
  await b.login(username, "mat-khau-1234");
  return b;
}

/** Reads SSE events from a streaming response until `until` says stop (or the time runs out). */
async function readEvents(res: Response, until: (s: LiveState) => boolean, ms = 5000): Promise<LiveState[]> {
  const reader = res.body?.getReader();
  assert.ok(reader);
  const seen: LiveState[] = [];
  let buf = "";
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<null>((r) => setTimeout(() => r(null), Math.max(1, deadline - Date.now()))),
    ]);
    if (!chunk || chunk.done) break;
    buf += new TextDecoder().decode(chunk.value);
    let at = buf.indexOf("\n\n");
    while (at >= 0) {
      const block = buf.slice(0, at);
      buf = buf.slice(at + 2);
      const data = block
        .split("\n")
        .filter((l) => l.startsWith("data:"))
        .map((l) => l.slice(5).trim())
        .join("\n");
      // the count-only events after check-ins are not whole states
      if (data && /^event: state$/m.test(block)) {
        const s = JSON.parse(data) as LiveState;
        seen.push(s);
        if (until(s)) {
          await reader.cancel();
          return seen;
        }
      }
      at = buf.indexOf("\n\n");
    }
  }
  await reader.cancel();
  return seen;
}

before(async () => {
  database = await openTestDatabase();
  world = await petitionWorld(database);
  await createUser(world.ctx, {
    username: "t-moderator",
    fullName: "Người điều hành",
    password: "mat-khau-1234",
    mustChangePassword: false,
    grants: [{ role: "moderator", unitId: world.ids.province }],
  });
  ({ app, stop } = buildApp(world.config, database, world.clock, createLogger(world.config)));
});

after(async () => {
  stop();
  await database.close();
});

describe("a dialogue from invitation to minutes", () => {
  test("the coordinator invites the village heads of a commune; the form keeps input and explains errors", async () => {
    const coordinator = await as("t-coordinator");
    const form = await coordinator.get("/dialogues/new");
    assert.equal(form.status, 200);
    assert.match(text(form.html), /Xã Tiên Yên \(2 thôn\)/);
    const bad = await coordinator.post("/dialogues/new", {
      title: "Đối thoại quý I",
      date: "31/02/2026",
      time: "8h",
    });
    assert.equal(bad.status, 422);
    assert.match(bad.html, /Vui lòng nhập ngày theo dạng ngày\/tháng\/năm/);
    assert.match(bad.html, /value="Đối thoại quý I"/);

    const leader = world.people.leader.id;
    const body = new URLSearchParams({
      _csrf: coordinator.csrf(),
      title: "Đối thoại với trưởng thôn Tiên Yên",
      date: "10/03/2026",
      time: "08:00",
      venue: "Hội trường UBND xã Tiên Yên",
      role: "village_head",
      agenda: "08:00 Khai mạc\n08:30 Đối thoại",
      idempotencyKey: "create-1",
    });
    body.append("chairIds", String(leader));
    body.append("agencyIds", String(world.ids.agency));
    body.append("unitIds", String(world.ids.commune));
    const created = await app.request("http://localhost/dialogues/new", {
      method: "POST",
      body,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: [...coordinator.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      },
      redirect: "manual",
    });
    assert.equal(created.status, 303);
    dialogueId = Number(/\/dialogues\/(\d+)/.exec(created.headers.get("location") ?? "")?.[1]);
    assert.ok(dialogueId > 0);
    // a retried submission returns the same dialogue
    const again = await app.request("http://localhost/dialogues/new", {
      method: "POST",
      body,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: [...coordinator.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      },
      redirect: "manual",
    });
    assert.equal(again.headers.get("location"), created.headers.get("location"));
    const page = await coordinator.get(`/dialogues/${dialogueId}`);
    assert.match(text(page.html), /0\/2 đại biểu đã điểm danh/);
    assert.match(text(page.html), /08:00 Khai mạc/);
    const { rows } = await database.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM outbox WHERE payload->>'kind' = 'dialogue_invited' AND dedupe_key LIKE $1",
      [`dialogue:${dialogueId}:invite:%`],
    );
    assert.equal(rows[0]?.n, 2, "one notice per invited village head, in the outbox");
    await coordinator.post(`/dialogues/${dialogueId}/state/open_questions`);
  });

  test("invited village heads ask and support; near-duplicates are grouped; others are kept out", async () => {
    const v1 = await as("t-village");
    const v2 = await as("t-village2");
    const outsider = await as("t-other-village");
    assert.equal((await outsider.get(`/dialogues/${dialogueId}`)).status, 403);
    const empty = await v1.post(`/dialogues/${dialogueId}/questions`, { text: "  " });
    assert.equal(empty.status, 422);
    assert.match(empty.html, /Vui lòng nhập câu hỏi/);
    const asked = await v1.post(`/dialogues/${dialogueId}/questions`, {
      text: "Đường liên thôn Khe Tâm xuống cấp nghiêm trọng, đề nghị tỉnh đầu tư sửa chữa đường giao thông nông thôn.",
      idempotencyKey: "q-1",
    });
    assert.equal(asked.status, 200);
    await v1.post(`/dialogues/${dialogueId}/questions`, {
      text: "Đường liên thôn Khe Tâm xuống cấp nghiêm trọng, đề nghị tỉnh đầu tư sửa chữa đường giao thông nông thôn.",
      idempotencyKey: "q-1",
    });
    const similar = await v2.post(`/dialogues/${dialogueId}/questions`, {
      text: "Đề nghị đầu tư sửa chữa đường liên thôn Nà Làng đã xuống cấp nghiêm trọng, đi lại khó khăn.",
    });
    assert.match(text(similar.html), /gộp với các câu hỏi tương tự/);
    await v2.post(`/dialogues/${dialogueId}/questions`, {
      text: "Đề nghị hỗ trợ giống cây trồng cho bà con sau bão số 3.",
    });
    const { rows } = await database.pool.query<{ id: number; asked_by: number; group_id: number | null }>(
      "SELECT id, asked_by, group_id FROM dialogue_questions WHERE dialogue_id = $1 ORDER BY id",
      [dialogueId],
    );
    assert.equal(rows.length, 3, "the retried question was not duplicated");
    const [first, second, third] = rows;
    assert.equal(second?.group_id, first?.id);
    assert.equal(third?.group_id, null);
    const supported = await v1.post(`/dialogues/${dialogueId}/questions/${third?.id}/support`);
    assert.match(text(supported.html), /thôn của bạn cũng có ý kiến này/);
    assert.equal(
      (await outsider.post(`/dialogues/${dialogueId}/questions/${third?.id}/support`)).status,
      403,
    );
    const ranked = text((await (await as("t-coordinator")).get(`/dialogues/${dialogueId}`)).html);
    assert.match(ranked, /2 thôn cùng nêu · 0 ủng hộ/);
    assert.match(ranked, /2 thôn cùng nêu · 1 ủng hộ/);
  });

  test("only chairs, moderators and the coordinator run the queue; the SSE stream follows the moderator", async () => {
    const moderator = await as("t-moderator");
    const agency = await as("t-agency");
    const v1 = await as("t-village");
    assert.equal((await moderator.post(`/dialogues/${dialogueId}/state/go_live`)).status, 200);
    assert.equal((await agency.post(`/dialogues/${dialogueId}/queue/next`)).status, 403);
    assert.equal((await v1.post(`/dialogues/${dialogueId}/queue/next`)).status, 403);

    const stream = await app.request(`http://localhost/dialogues/${dialogueId}/events`, {
      headers: { cookie: [...v1.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    assert.equal(stream.status, 200);
    assert.match(stream.headers.get("content-type") ?? "", /text\/event-stream/);
    const events = readEvents(stream, (s) => s.current !== null);
    await new Promise((r) => setTimeout(r, 200));
    await moderator.get(`/dialogues/${dialogueId}/console`);
    await moderator.post(`/dialogues/${dialogueId}/queue/next`);
    const seen = await events;
    assert.ok(seen.length >= 2, "the full state on connect, then after the move");
    assert.equal(seen[0]?.current, null);
    const last = seen.at(-1);
    // two villages each, but one more supporter: the seed question goes first
    assert.match(last?.current?.text ?? "", /giống cây trồng/);
    assert.match(last?.current?.village ?? "", /Nà Làng/);
    assert.equal(last?.next.length, 2);
  });

  test("check-in by a name typed without diacritics and by the QR token; the count goes up", async () => {
    const moderator = await as("t-moderator");
    const found = await moderator.get(`/dialogues/${dialogueId}/check-in?q=khe%20tam`);
    assert.match(text(found.html), /t-village/);
    const inv = /name="invitationId" value="(\d+)"/.exec(found.html)?.[1];
    assert.ok(inv);
    const done = await moderator.post(`/dialogues/${dialogueId}/check-in`, {
      invitationId: inv,
      q: "khe tam",
    });
    assert.match(text(done.html), /1\/2 đại biểu đã điểm danh/);
    const { rows } = await database.pool.query<{ token: string }>(
      "SELECT i.token FROM dialogue_invitations i JOIN users u ON u.id = i.user_id WHERE u.username = 't-village2'",
    );
    const v2 = await as("t-village2");
    const qr = await app.request(`http://localhost/dialogues/${dialogueId}/qr.svg`, {
      headers: { cookie: [...v2.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    assert.match(qr.headers.get("content-type") ?? "", /image\/svg\+xml/);
    assert.match(await qr.text(), /<svg[^>]*viewBox/);
    assert.equal((await v2.get(`/dialogues/check-in/${rows[0]?.token}`)).status, 403, "not the desk");
    const scanned = await moderator.get(`/dialogues/check-in/${rows[0]?.token}`);
    assert.match(text(scanned.html), /t-village2/);
    const checked = await moderator.post(`/dialogues/check-in/${rows[0]?.token}`);
    assert.match(text(checked.html), /2\/2 đại biểu đã điểm danh/);
  });

  test("an answer is recorded and creates a commitment; closing turns unreached questions into petitions", async () => {
    const moderator = await as("t-moderator");
    await moderator.get(`/dialogues/${dialogueId}/console`);
    const current = (
      await database.pool.query<{ current_question_id: number }>(
        "SELECT current_question_id FROM dialogues WHERE id = $1",
        [dialogueId],
      )
    ).rows[0]?.current_question_id;
    const missing = await moderator.post(`/dialogues/${dialogueId}/queue/answer`, {
      questionId: String(current),
      summary: "",
      answeredBy: "",
    });
    assert.equal(missing.status, 422);
    assert.match(missing.html, /Vui lòng tóm tắt nội dung trả lời/);
    await moderator.post(`/dialogues/${dialogueId}/queue/answer`, {
      questionId: String(current),
      summary: "Tỉnh hỗ trợ giống cây trồng vụ xuân 2026 cho các thôn bị thiệt hại.",
      answeredBy: "Giám đốc Sở Nông nghiệp và Môi trường",
    });
    const made = await moderator.post(`/dialogues/${dialogueId}/questions/${current}/commitment`, {
      text: "Cấp giống cây trồng cho các thôn bị ảnh hưởng bởi bão số 3",
      agencyId: String(world.ids.agency),
      deadlineWorkingDays: "30",
      idempotencyKey: "ck-1",
    });
    assert.match(text(made.html), /Đã tạo cam kết/);
    const ck = await database.pool.query<{ code: string }>(
      "SELECT code FROM commitments WHERE dialogue_id = $1 AND question_id = $2",
      [dialogueId, current],
    );
    assert.equal(ck.rows.length, 1);

    const closed = await moderator.post(`/dialogues/${dialogueId}/state/close`);
    assert.match(text(closed.html), /chuyển thành kiến nghị/);
    const follow = await database.pool.query<{
      state: string;
      code: string;
      kind: string;
      submitted_by: number;
    }>(
      `SELECT p.state, p.code, p.kind, p.submitted_by FROM dialogue_questions q JOIN petitions p ON p.id = q.follow_up_petition_id
        WHERE q.dialogue_id = $1 ORDER BY q.id`,
      [dialogueId],
    );
    assert.equal(follow.rows.length, 2, "both unreached questions became petitions");
    assert.ok(follow.rows.every((r) => r.kind === "question" && r.state === "submitted"));
    assert.deepEqual(
      follow.rows.map((r) => r.submitted_by),
      [world.people.village.id, world.people.village2.id],
      "in the name of who asked",
    );

    const coordinator = await as("t-coordinator");
    const docx = await app.request(`http://localhost/dialogues/${dialogueId}/minutes.docx`, {
      headers: { cookie: [...coordinator.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    assert.equal(docx.status, 200);
    const words = docxText(new Uint8Array(await docx.arrayBuffer()));
    for (const s of [
      "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "BIÊN BẢN",
      "/BB-UBND",
      "Đường liên thôn Khe Tâm xuống cấp",
      "Đề nghị hỗ trợ giống cây trồng",
      "Tỉnh hỗ trợ giống cây trồng vụ xuân 2026",
      "Giám đốc Sở Nông nghiệp và Môi trường",
      ck.rows[0]?.code ?? "?",
      "Cấp giống cây trồng cho các thôn bị ảnh hưởng bởi bão số 3",
      `chuyển thành kiến nghị ${follow.rows[0]?.code}`,
      "có mặt: 2",
    ])
      assert.ok(words.includes(s), `the minutes say ${s}`);

    const pub = await new Browser(app).get(`/cong-khai/doi-thoai/${dialogueId}`);
    assert.equal(pub.status, 200);
    assert.match(text(pub.html), /Tỉnh hỗ trợ giống cây trồng vụ xuân 2026/);
    assert.match(text(pub.html), /Cấp giống cây trồng cho các thôn/);
    assert.ok(!pub.html.includes("t-village"), "no asker's name on the public page");
    assert.equal(
      (await moderator.post(`/dialogues/${dialogueId}/queue/next`)).status,
      403,
      "closed: queue frozen",
    );
  });
});
