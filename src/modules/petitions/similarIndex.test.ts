import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Database } from "../../platform/db/database.ts";
import { openTestDatabase } from "../../platform/db/testing.ts";
import { receivePetition, resubmitPetition, returnPetition } from "./commands/steps.ts";
import { submitPetition } from "./commands/submitPetition.ts";
import { findSimilar } from "./queries/similar.ts";
import { refreshSimilarityDf } from "./similarityDf.ts";
import { petitionWorld } from "./testkit.ts";

let db: Database;
let w: Awaited<ReturnType<typeof petitionWorld>>;
before(async () => {
  db = await openTestDatabase();
  w = await petitionWorld(db);
});
after(async () => db.close());

const postings = async (id: number) =>
  (
    await db.pool.query<{ key: number }>(
      "SELECT key FROM petition_similarity_keys WHERE petition_id = $1 ORDER BY key",
      [id],
    )
  ).rows.map((r) => r.key);
const bandKeys = async (id: number) =>
  (
    (await db.pool.query<{ band_keys: number[] }>("SELECT band_keys FROM petitions WHERE id = $1", [id]))
      .rows[0]?.band_keys ?? []
  ).sort((a, b) => a - b);

const input = (title: string, body: string) => ({
  villageId: w.ids.village,
  kind: "recommendation" as const,
  categoryCode: "giao_thong",
  title,
  body,
  urgency: "normal" as const,
  households: 12,
});

test("the postings follow the petition: none for a draft, its keys once sent, replaced when the text changes", async () => {
  const ctx = w.as(w.people.village);
  const draft = await submitPetition(ctx, input("Cầu tràn ngập nước", "Cầu tràn qua suối bị ngập."), {
    draft: true,
  });
  assert.deepEqual(await postings(draft.id), [], "a draft is not something others should find");
  await resubmitPetition(ctx, draft.id, {
    title: "Cầu tràn ngập nước",
    body: "Cầu tràn qua suối Khe Mo bị ngập mỗi khi mưa lớn, học sinh không đi học được.",
    households: 30,
    categoryCode: "giao_thong",
  });
  const first = await bandKeys(draft.id);
  assert.ok(first.length > 0);
  assert.deepEqual(await postings(draft.id), first);

  await receivePetition(w.as(w.people.commune), draft.id, {
    kind: "recommendation",
    categoryCode: "giao_thong",
    urgency: "normal",
    level: "province",
  });
  await returnPetition(w.as(w.people.commune), draft.id, "Ghi rõ vị trí cầu");
  await resubmitPetition(ctx, draft.id, {
    title: "Đèn chiếu sáng hỏng",
    body: "Hệ thống đèn chiếu sáng đường liên thôn hỏng nhiều tháng, buổi tối đi lại nguy hiểm.",
    households: 30,
    categoryCode: "giao_thong",
  });
  const second = await bandKeys(draft.id);
  assert.notDeepEqual(second, first);
  assert.deepEqual(await postings(draft.id), second, "the old text's keys are gone");
});

test("key frequencies: a full recount equals the postings; the increment adds only the new petitions", async () => {
  const ctx = w.as(w.people.village);
  await refreshSimilarityDf(db.pool, new Date(), { full: true });
  const counted = async () =>
    (
      await db.pool.query<{ bad: number }>(
        `SELECT count(*)::int AS bad FROM (SELECT key, count(*)::int AS n FROM petition_similarity_keys GROUP BY key) t
           FULL JOIN similarity_key_df d USING (key) WHERE d.df IS DISTINCT FROM t.n`,
      )
    ).rows[0]?.bad;
  assert.equal(await counted(), 0);
  await submitPetition(ctx, input("Sạt lở taluy", "Taluy dương tuyến đường vào bản sạt lở sau mưa lũ."));
  assert.notEqual(await counted(), 0, "a new petition is not counted until the refresh");
  const r = await refreshSimilarityDf(db.pool, new Date());
  assert.equal(r.full, false, "within a day of the full recount, the refresh is incremental");
  assert.equal(await counted(), 0);
});

test("among many petitions on the same topic, the one about the same place and problem comes first", async () => {
  const ctx = w.as(w.people.village);
  const objects = [
    "Khe Lặc",
    "Pò Hèn",
    "Nà Pá",
    "Bắc Văn",
    "Tổng Cáng",
    "Đồng Đình",
    "Khe Vằn",
    "Nà Sáng",
    "Phai Làu",
    "Cốc Chề",
  ];
  for (const o of objects)
    await submitPetition(
      ctx,
      input("Đường xuống cấp", `Tuyến đường vào khu ${o} xuống cấp nhiều ổ gà, đề nghị sửa chữa.`),
    );
  const target = await submitPetition(
    ctx,
    input(
      "Cầu treo Khe Mười hư hỏng",
      "Cầu treo Khe Mười bị gãy ván mặt cầu, dây cáp han gỉ, người dân đi lại nguy hiểm.",
    ),
  );
  await refreshSimilarityDf(db.pool, new Date(), { full: true });
  const found = await findSimilar(
    db.pool,
    "cau treo khe muoi gay van, cap gi set, di lai nguy hiem, de nghi UBND xa sua chua",
  );
  assert.equal(found[0]?.id, target.id);
});
