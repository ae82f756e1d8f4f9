import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { manualClock } from "../../platform/clock.ts";
import { CommandError } from "../../platform/commands.ts";
import type { Database } from "../../platform/db/database.ts";
import { openTestDatabase } from "../../platform/db/testing.ts";
import { changeArticleState, publishDueArticles } from "./commands/changeArticleState.ts";
import { createDraftArticle } from "./commands/createDraftArticle.ts";
import { articleById, listPublished } from "./queries/articles.ts";

let db: Database;
const clock = manualClock(new Date("2026-11-20T09:00:00+07:00"));
const ctx = () => ({ pool: db.pool, clock, actorId: null });

before(async () => {
  db = await openTestDatabase();
});
after(() => db.close());

test("createDraftArticle (for other modules): a sanitised draft with a typed dialogue link, never public", async () => {
  const a = await createDraftArticle(ctx(), {
    title: "Kết quả hội nghị đối thoại quý IV",
    summary: "Tóm tắt",
    bodyHtml: `<p onclick="x()">Nội dung</p><script>alert(1)</script>`,
    links: { dialogueId: 42 },
  });
  assert.equal(a.slug, "ket-qua-hoi-nghi-doi-thoai-quy-iv");
  const row = await articleById(db.pool, a.id);
  assert.equal(row?.state, "draft");
  assert.equal(row?.dialogue_id, 42);
  assert.equal(row?.category, "doi-thoai");
  assert.equal(row?.body_html, "<p>Nội dung</p>");
  const again = await createDraftArticle(ctx(), {
    title: "Kết quả hội nghị đối thoại quý IV",
    summary: "",
    bodyHtml: "<p>x</p>",
  });
  assert.equal(again.slug, "ket-qua-hoi-nghi-doi-thoai-quy-iv-2", "slugs stay unique");
  await assert.rejects(createDraftArticle(ctx(), { title: "  ", summary: "", bodyHtml: "" }), CommandError);
  assert.deepEqual(await listPublished(db.pool, { limit: 10 }), []);
});

test("a scheduled article is published by the sweep when its time comes, not before", async () => {
  const a = await createDraftArticle(ctx(), { title: "Tin hẹn giờ", summary: "", bodyHtml: "<p>x</p>" });
  const at = new Date("2026-11-20T10:00:00+07:00");
  await assert.rejects(
    changeArticleState({ ...ctx(), actorId: 1 }, a.id, "schedule", {
      requireSecondEditor: false,
      scheduledAt: new Date("2026-11-20T08:00:00+07:00"),
    }),
    (e: unknown) => e instanceof CommandError && e.messageKey === "news.error.scheduleFuture",
  );
  assert.equal(
    await changeArticleState({ ...ctx(), actorId: 1 }, a.id, "schedule", {
      requireSecondEditor: false,
      scheduledAt: at,
    }),
    "done",
  );
  assert.equal(await publishDueArticles(ctx()), 0);
  clock.set(new Date("2026-11-20T10:00:01+07:00"));
  assert.equal(await publishDueArticles(ctx()), 1);
  const row = await articleById(db.pool, a.id);
  assert.equal(row?.state, "published");
  assert.equal(row?.published_at?.toISOString(), at.toISOString());
});
