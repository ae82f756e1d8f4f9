import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openTestApp, type TestApp } from "../../../test/support/app.ts";
import { Browser, textOf } from "../../../test/support/http.ts";
import { viewFlushMs } from "./settings.ts";
import { viewCounterFor } from "./viewCounter.ts";
import { executableFindings, XSS_CORPUS } from "./xssCorpus.ts";

const JPEG = Buffer.from(
  "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=",
  "base64",
);
const PHONE_UA =
  "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";

let t: TestApp;
let editor: Browser;
let editor2: Browser;
let moderator: Browser;
let villageHead: Browser;

before(async () => {
  t = await openTestApp({ env: { TRUST_PROXY: "1" } });
  editor = await t.userWith("bien-tap-1", { role: "editor" });
  editor2 = await t.userWith("bien-tap-2", { role: "editor" });
  moderator = await t.userWith("kiem-duyet", { role: "moderator" });
  villageHead = await t.userWith("truong-thon", {
    role: "village_head",
    unitId: await t.unitId("commune", "06862"),
  });
});
after(async () => {
  delete process.env.NEWS_REQUIRE_SECOND_EDITOR;
  await t.close();
});

function articleForm(fields: Record<string, string>, cover?: Uint8Array): FormData {
  const fd = new FormData();
  const all = {
    title: "Tin thử",
    summary: "Tóm tắt",
    body: "<p>Nội dung</p>",
    category: "ha-tang",
    tags: "",
    coverCaption: "",
    dialogueId: "",
    directiveId: "",
    clusterId: "",
    ...fields,
  };
  for (const [k, v] of Object.entries(all)) fd.append(k, v);
  if (cover) fd.append("cover", new Blob([cover], { type: "image/jpeg" }), "anh.jpg");
  return fd;
}

/** Writes and publishes through the editor's forms; returns the article's id and public path. */
async function publish(
  b: Browser,
  fields: Record<string, string>,
  cover?: Uint8Array,
): Promise<{ id: number; path: string }> {
  await b.get("/tin-tuc/quan-tri/moi");
  const created = await b.post("/tin-tuc/quan-tri/moi", articleForm(fields, cover));
  assert.equal(created.status, 200, textOf(created.html).slice(0, 400));
  const id = Number(/\/tin-tuc\/quan-tri\/(\d+)/.exec(created.url)?.[1]);
  assert.ok(id > 0, created.url);
  const done = await b.post(`/tin-tuc/quan-tri/${id}/publish`);
  assert.equal(done.status, 200);
  const path =
    /href="(\/tin-tuc\/[a-z0-9-]+)"/.exec(done.html.slice(done.html.indexOf('<dl class="facts"')))?.[1] ?? "";
  return { id, path };
}

async function flushViews() {
  await viewCounterFor(t.deps.pool, t.deps.clock, viewFlushMs()).flush();
}

async function views(id: number): Promise<number> {
  const { rows } = await t.deps.pool.query<{ n: number }>(
    "SELECT COALESCE(sum(count),0)::int AS n FROM news_view_days WHERE article_id = $1",
    [id],
  );
  return rows[0]?.n ?? 0;
}

test("the XSS corpus saved through the editor's form is rendered inert on the public page", async () => {
  const body = XSS_CORPUS.map((p, i) => `<p>đoạn ${i}</p>${p}`).join("\n");
  const { id, path } = await publish(editor, {
    title: `Bài thử <script>alert("tiêu đề")</script>`,
    summary: `"><img src=x onerror=alert(1)>`,
    body,
  });
  const stored = await t.deps.pool.query<{ body_html: string }>(
    "SELECT body_html FROM news_articles WHERE id = $1",
    [id],
  );
  assert.deepEqual(executableFindings(stored.rows[0]?.body_html ?? ""), [], "sanitised on save");
  const reader = new Browser(t.app);
  const page = await reader.get(path, { headers: { "user-agent": PHONE_UA } });
  assert.equal(page.status, 200);
  assert.deepEqual(executableFindings(page.html), []);
  // the text between payloads stays (after an unclosed <style> or <template>, the rest is swallowed, as a browser would)
  assert.match(
    textOf(page.html),
    /đoạn 0 .*đoạn 14/s,
    "the harmless text around the payloads is still there",
  );
  assert.match(
    textOf(page.html),
    /Bài thử <script>alert\("tiêu đề"\)<\/script>/,
    "the title is shown as text",
  );
  // a row written behind the sanitiser's back (an import, a hand edit) is sanitised again when rendered
  await t.deps.pool.query("UPDATE news_articles SET body_html = $2 WHERE id = $1", [id, XSS_CORPUS.join("")]);
  const again = await reader.get(path, { headers: { "user-agent": PHONE_UA } });
  assert.deepEqual(executableFindings(again.html), []);
});

test("the XSS corpus sent as readers' feedback is shown as text once approved", async () => {
  const { id, path } = await publish(editor, { title: "Phản hồi thử", body: "<p>Bài để thử phản hồi.</p>" });
  for (const [i, payload] of XSS_CORPUS.entries()) {
    const reader = new Browser(t.app);
    const h = { headers: { "user-agent": PHONE_UA, "x-forwarded-for": `10.0.${i}.1` } };
    await reader.get(path, h);
    const sent = await reader.post(
      `${path}/phan-hoi`,
      {
        name: `Bạn đọc ${i} <b onmouseover=alert(1)>`,
        email: "",
        text: `Ý kiến ${i}: ${payload}`,
        website: "",
        key: `k-xss-${i}-aaaaaaaa`,
      },
      h,
    );
    assert.equal(sent.status, 200, `payload ${i}: ${textOf(sent.html).slice(0, 300)}`);
  }
  const { rows } = await t.deps.pool.query<{ id: number }>(
    "SELECT id::int FROM news_feedback WHERE article_id = $1 AND state = 'pending'",
    [id],
  );
  assert.equal(rows.length, XSS_CORPUS.length);
  const queue = await moderator.get("/tin-tuc/kiem-duyet");
  assert.deepEqual(executableFindings(queue.html), [], "the moderator's queue is safe too");
  for (const r of rows) await moderator.post(`/tin-tuc/kiem-duyet/${r.id}`, { decision: "approve" });
  const page = await new Browser(t.app).get(path);
  assert.deepEqual(executableFindings(page.html), []);
  assert.ok(
    textOf(page.html).includes(`Ý kiến 0: ${XSS_CORPUS[0]}`),
    "the payload is visible as the text it is",
  );
});

test("who may do what: public, village head, editor, moderator", async () => {
  const anon = new Browser(t.app);
  const toLogin = await anon.get("/tin-tuc/quan-tri", { redirect: "manual" });
  assert.equal(toLogin.status, 303);
  assert.match(toLogin.location ?? "", /^\/login/);
  assert.equal((await villageHead.get("/tin-tuc/quan-tri")).status, 403);
  assert.equal((await villageHead.get("/tin-tuc/kiem-duyet")).status, 403);
  assert.equal((await moderator.get("/tin-tuc/quan-tri")).status, 403);
  assert.equal((await moderator.get("/tin-tuc/quan-tri/moi")).status, 403);
  assert.equal((await editor.get("/tin-tuc/kiem-duyet")).status, 403);
  assert.equal((await editor.get("/tin-tuc/quan-tri")).status, 200);
  assert.equal((await moderator.get("/tin-tuc/kiem-duyet")).status, 200);
  // a moderator's forged post to an editor's action is refused
  await moderator.get("/tin-tuc/kiem-duyet");
  assert.equal((await moderator.post("/tin-tuc/quan-tri/1/unpublish")).status, 403);
  // a draft is invisible to the public and to other roles, visible to editors as a preview
  await editor.get("/tin-tuc/quan-tri/moi");
  const draft = await editor.post("/tin-tuc/quan-tri/moi", articleForm({ title: "Bản nháp bí mật" }));
  assert.equal(draft.status, 200);
  assert.equal((await anon.get("/tin-tuc/ban-nhap-bi-mat")).status, 404);
  assert.equal((await villageHead.get("/tin-tuc/ban-nhap-bi-mat")).status, 404);
  const preview = await editor.get("/tin-tuc/ban-nhap-bi-mat");
  assert.equal(preview.status, 200);
  assert.match(textOf(preview.html), /Bản xem trước/);
  assert.doesNotMatch(textOf((await anon.get("/tin-tuc")).html), /Bản nháp bí mật/);
});

test("publishing needs a second editor only when configured", async () => {
  process.env.NEWS_REQUIRE_SECOND_EDITOR = "1";
  try {
    await editor.get("/tin-tuc/quan-tri/moi");
    const created = await editor.post("/tin-tuc/quan-tri/moi", articleForm({ title: "Bốn mắt duyệt" }));
    const id = Number(/\/tin-tuc\/quan-tri\/(\d+)/.exec(created.url)?.[1]);
    const asked = await editor.post(`/tin-tuc/quan-tri/${id}/publish`);
    assert.match(textOf(asked.html), /Cần một biên tập viên khác duyệt/);
    assert.equal((await new Browser(t.app).get("/tin-tuc/bon-mat-duyet")).status, 404, "still not public");
    const again = await editor.post(`/tin-tuc/quan-tri/${id}/publish`);
    assert.equal(again.status, 409);
    assert.match(textOf(again.html), /cần một biên tập viên khác duyệt/);
    await editor2.get(`/tin-tuc/quan-tri/${id}`);
    const approved = await editor2.post(`/tin-tuc/quan-tri/${id}/publish`);
    assert.match(textOf(approved.html), /Đã đăng bài/);
    assert.equal((await new Browser(t.app).get("/tin-tuc/bon-mat-duyet")).status, 200);
  } finally {
    delete process.env.NEWS_REQUIRE_SECOND_EDITOR;
  }
  const { path } = await publish(editor, { title: "Một người đăng" });
  assert.equal((await new Browser(t.app).get(path)).status, 200, "with the flag off one editor publishes");
});

test("editing keeps every revision; a stale form is refused instead of overwriting", async () => {
  const { id } = await publish(editor, { title: "Bài có nhiều phiên bản" });
  await editor.get(`/tin-tuc/quan-tri/${id}`);
  const saved = await editor.post(
    `/tin-tuc/quan-tri/${id}`,
    articleForm({ title: "Bài có nhiều phiên bản (sửa)", revision: "1" }),
  );
  assert.match(textOf(saved.html), /Đã lưu phiên bản mới/);
  const stale = await editor.post(`/tin-tuc/quan-tri/${id}`, articleForm({ title: "Ghi đè", revision: "1" }));
  assert.equal(stale.status, 409);
  const { rows } = await t.deps.pool.query<{ revision: number; title: string }>(
    "SELECT revision, title FROM news_revisions WHERE article_id = $1 ORDER BY revision",
    [id],
  );
  assert.deepEqual(
    rows.map((r) => r.title),
    ["Bài có nhiều phiên bản", "Bài có nhiều phiên bản (sửa)"],
  );
});

test("the editor's form keeps what was typed and says what to fix; a non-image cover is refused by content", async () => {
  await editor.get("/tin-tuc/quan-tri/moi");
  const bad = await editor.post(
    "/tin-tuc/quan-tri/moi",
    articleForm({ title: "", body: "<p>giữ lại</p>", tags: "a" }),
  );
  assert.equal(bad.status, 422);
  assert.match(bad.html, /Nhập tiêu đề/);
  assert.match(bad.html, /&lt;p&gt;giữ lại&lt;\/p&gt;/);
  const fake = await editor.post(
    "/tin-tuc/quan-tri/moi",
    articleForm(
      { title: "Ảnh giả" },
      new TextEncoder().encode("<svg onload=alert(1)></svg>".padEnd(64, " ")),
    ),
  );
  assert.equal(fake.status, 422);
  assert.match(fake.html, /Ảnh phải là JPEG, PNG hoặc WebP/);
});

test("a cover photo is stored, shown with its caption and served; other stored files are not", async () => {
  const { path } = await publish(editor, { title: "Có ảnh bìa", coverCaption: "Lễ khánh thành" }, JPEG);
  const page = await new Browser(t.app).get(path);
  const src = /<img src="(\/news\/images\/[0-9a-f]{64})" alt="Lễ khánh thành"/.exec(page.html)?.[1];
  assert.ok(src, "cover shown");
  assert.match(page.html, /<meta property="og:image" content="[^"]*\/news\/images\//);
  const img = await t.app.request(src ?? "");
  assert.equal(img.status, 200);
  assert.equal(img.headers.get("content-type"), "image/jpeg");
  await t.deps.pool.query(
    "INSERT INTO files (key, mime, size, bytes) VALUES ($1, 'image/jpeg', 3, '\\x010203')",
    ["c".repeat(64)],
  );
  assert.equal((await t.app.request(`/news/images/${"c".repeat(64)}`)).status, 404);
});

test("feedback: honeypot, link limit, rate limit per address, moderation with a reason, e-mail on approval", async () => {
  const { id, path } = await publish(editor, { title: "Bài nhận phản hồi" });
  const r = new Browser(t.app);
  const h = { headers: { "user-agent": PHONE_UA, "x-forwarded-for": "192.0.2.50" } };
  await r.get(path, h);
  const robot = await r.post(
    `${path}/phan-hoi`,
    {
      name: "Robot",
      email: "",
      text: "Quảng cáo ở đây",
      website: "http://spam.example",
      key: "k-robot-aaaaaaaa",
    },
    h,
  );
  assert.match(textOf(robot.html), /Cảm ơn bạn/, "the robot learns nothing");
  const links = await r.post(
    `${path}/phan-hoi`,
    {
      name: "Người bán",
      email: "",
      text: "https://a.vn https://b.vn https://c.vn",
      website: "",
      key: "k-links-aaaaaaaa",
    },
    h,
  );
  assert.equal(links.status, 422);
  assert.match(links.html, /tối đa 2 đường dẫn/);
  assert.match(links.html, /value="Người bán"/, "keeps what was typed");
  const good = await r.post(
    `${path}/phan-hoi`,
    {
      name: "Chị Lan",
      email: "lan@example.vn",
      text: "Cảm ơn tỉnh đã làm đường.",
      website: "",
      key: "k-good-aaaaaaaa",
    },
    h,
  );
  assert.equal(good.status, 200);
  // the same submission retried creates nothing new
  await r.post(
    `${path}/phan-hoi`,
    {
      name: "Chị Lan",
      email: "lan@example.vn",
      text: "Cảm ơn tỉnh đã làm đường.",
      website: "",
      key: "k-good-aaaaaaaa",
    },
    h,
  );
  const rejectMe = await r.post(
    `${path}/phan-hoi`,
    { name: "Anh Nam", email: "", text: "Nội dung không phù hợp.", website: "", key: "k-rej-aaaaaaaa" },
    h,
  );
  assert.equal(rejectMe.status, 200);
  const { rows } = await t.deps.pool.query<{ id: number; name: string; state: string }>(
    "SELECT id::int, name, state FROM news_feedback WHERE article_id = $1 ORDER BY id",
    [id],
  );
  assert.deepEqual(
    rows.map((x) => [x.name, x.state]),
    [
      ["Robot", "spam"],
      ["Chị Lan", "pending"],
      ["Anh Nam", "pending"],
    ],
  );
  // rate limit: 5 posts per address per 10 minutes (3 counted so far, the link refusal did not reach it)
  await r.post(
    `${path}/phan-hoi`,
    { name: "Chị Lan", email: "", text: "Lần thứ tư", website: "", key: "k-4-aaaaaaaa" },
    h,
  );
  await r.post(
    `${path}/phan-hoi`,
    { name: "Chị Lan", email: "", text: "Lần thứ năm", website: "", key: "k-5-aaaaaaaa" },
    h,
  );
  const limited = await r.post(
    `${path}/phan-hoi`,
    { name: "Chị Lan", email: "", text: "Lần thứ sáu", website: "", key: "k-6-aaaaaaaa" },
    h,
  );
  assert.equal(limited.status, 429);
  assert.match(limited.html, /gửi quá nhiều phản hồi/);
  const lan = rows[1]?.id ?? 0;
  const nam = rows[2]?.id ?? 0;
  await moderator.get("/tin-tuc/kiem-duyet");
  const noReason = await moderator.post(`/tin-tuc/kiem-duyet/${nam}`, { decision: "reject", reason: " " });
  assert.equal(noReason.status, 422);
  assert.match(noReason.html, /Nêu lý do từ chối/);
  await moderator.post(`/tin-tuc/kiem-duyet/${nam}`, {
    decision: "reject",
    reason: "Không liên quan đến bài",
  });
  const ok = await moderator.post(`/tin-tuc/kiem-duyet/${lan}`, { decision: "approve" });
  assert.match(textOf(ok.html), /Đã duyệt đăng phản hồi/);
  const twice = await moderator.post(`/tin-tuc/kiem-duyet/${lan}`, { decision: "spam" });
  assert.equal(twice.status, 409);
  const pageNow = textOf((await new Browser(t.app).get(path)).html);
  assert.match(pageNow, /Chị Lan .* Cảm ơn tỉnh đã làm đường\./);
  assert.doesNotMatch(pageNow, /Anh Nam|Robot|lan@example\.vn/);
  const mail = await t.deps.pool.query<{ payload: { email: string; slug: string } }>(
    "SELECT payload FROM outbox WHERE topic = 'news.feedback.approved'",
  );
  assert.deepEqual(
    mail.rows.map((m) => m.payload.email),
    ["lan@example.vn"],
    "one e-mail, to the approved writer only",
  );
});

test("views: 100 reloads by one reader count once; several readers count each; bots never", async () => {
  const { id, path } = await publish(editor, { title: "Bài đếm lượt xem" });
  const one = new Browser(t.app);
  for (let i = 0; i < 100; i++)
    assert.equal((await one.get(path, { headers: { "user-agent": PHONE_UA } })).status, 200);
  await flushViews();
  assert.equal(await views(id), 1);
  for (let i = 0; i < 4; i++) {
    const b = new Browser(t.app);
    for (let k = 0; k < 3; k++) await b.get(path, { headers: { "user-agent": `${PHONE_UA} reader/${i}` } });
  }
  for (const ua of [
    "Googlebot/2.1 (+http://www.google.com/bot.html)",
    "facebookexternalhit/1.1",
    "curl/8.5.0",
    "",
  ])
    await new Browser(t.app).get(path, { headers: { "user-agent": ua } });
  await flushViews();
  assert.equal(await views(id), 5);
  const top = await new Browser(t.app).get("/tin-tuc");
  assert.ok(top.html.includes("Bài đếm lượt xem"));
});

test("search without diacritics, categories, Atom feed, sitemap and Open Graph", async () => {
  const { path } = await publish(editor, {
    title: "Đường mới về bản Khe Lạc",
    summary: "Tuyến đường bê tông dài 3,2 km",
    category: "ha-tang",
    tags: "giao thông, nông thôn mới",
  });
  const found = await new Browser(t.app).get("/tin-tuc/tim-kiem?q=duong+moi+khe+lac");
  assert.ok(textOf(found.html).includes("Đường mới về bản Khe Lạc"));
  const none = await new Browser(t.app).get("/tin-tuc/tim-kiem?q=zzzkhongco");
  assert.match(textOf(none.html), /Không tìm thấy tin nào/);
  const cat = await new Browser(t.app).get("/tin-tuc/chuyen-muc/ha-tang");
  assert.ok(textOf(cat.html).includes("Đường mới về bản Khe Lạc"));
  assert.equal((await new Browser(t.app).get("/tin-tuc/chuyen-muc/khong-co")).status, 404);
  const feed = await t.app.request("/tin-tuc/feed.xml");
  assert.match(feed.headers.get("content-type") ?? "", /atom\+xml/);
  assert.match(await feed.text(), /<title>Đường mới về bản Khe Lạc<\/title>/);
  const map = await (await t.app.request("/sitemap.xml")).text();
  assert.ok(map.includes(`${path}</loc>`));
  const page = await new Browser(t.app).get(path);
  assert.match(page.html, /<meta property="og:title" content="Đường mới về bản Khe Lạc">/);
  assert.match(page.html, /<meta property="og:description" content="Tuyến đường bê tông dài 3,2 km">/);
  for (const heading of ["Phản hồi", "Các tin khác", "Mới nhất", "Xem nhiều nhất"])
    assert.ok(textOf(page.html).includes(heading), heading);
});

test("transparency pages answer without login", async () => {
  for (const p of ["/cong-khai", "/cong-khai/tra-loi", "/cong-khai/nhom-kien-nghi", "/cong-khai/thong-ke"]) {
    const page = await new Browser(t.app).get(p);
    assert.equal(page.status, 200, p);
  }
  const stats = await new Browser(t.app).get("/cong-khai/thong-ke");
  assert.match(stats.html, /<svg[^>]*role="img"/);
  assert.match(stats.html, /href="\/cong-khai\/cam-ket"/);
});
