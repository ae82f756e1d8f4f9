import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { CommandError } from "../../platform/commands.ts";
import type { Database } from "../../platform/db/database.ts";
import { openTestDatabase } from "../../platform/db/testing.ts";
import {
  clusterSummary,
  heaviestClusters,
  linkToCluster,
  splitCluster,
  unlinkFromCluster,
} from "./commands/clusters.ts";
import { answerPetition, confirmAnswer, receivePetition, routePetition } from "./commands/steps.ts";
import { submitPetition } from "./commands/submitPetition.ts";
import { getPetition } from "./queries/getPetition.ts";
import { findSimilar } from "./queries/similar.ts";
import { petitionWorld } from "./testkit.ts";

let db: Database;
let w: Awaited<ReturnType<typeof petitionWorld>>;
before(async () => {
  db = await openTestDatabase();
  w = await petitionWorld(db);
});
after(async () => db.close());

const file = (who: "village" | "village2" | "otherVillage", title: string, body: string) => {
  const villageId =
    who === "village" ? w.ids.village : who === "village2" ? w.ids.village2 : w.ids.otherVillage;
  return submitPetition(w.as(w.people[who]), {
    villageId,
    kind: "recommendation",
    categoryCode: "dien_nuoc",
    title,
    body,
    urgency: "normal",
    households: 40,
  });
};

test("two villages raise the same problem: the second sees the first as similar; a person links them; one answer reaches both", async () => {
  const { people: p, as, ids } = w;
  const a = await file(
    "village",
    "Mất điện kéo dài",
    "Thôn Khe Tâm thường xuyên mất điện vào buổi tối, điện áp yếu, đề nghị ngành điện nâng cấp trạm biến áp.",
  );
  const unrelated = await file(
    "otherVillage",
    "Trường học xuống cấp",
    "Phòng học của điểm trường bị dột, bàn ghế hỏng, đề nghị sửa chữa trước năm học mới.",
  );
  const text =
    "Ban Na Lang hay mat dien buoi toi, dien yeu khong chay duoc may bom, de nghi nang cap tram bien ap.";
  const similar = await findSimilar(db.pool, text, { placeNames: ["Bản Nà Làng"] });
  assert.equal(similar[0]?.id, a.id, "typed without diacritics, the first village's petition comes first");
  assert.ok(!similar.some((s) => s.id === unrelated.id));
  const b = await file("village2", "Điện yếu, mất điện", text);
  assert.equal(
    await getPetition(db.pool, p.village, b.id),
    null,
    "seeing that it exists does not open another village's petition",
  );

  await assert.rejects(
    linkToCluster(as(p.commune), b.id, a.id),
    (e: unknown) => e instanceof CommandError && e.status === 403,
  );
  const clusterId = await linkToCluster(as(p.coordinator), b.id, a.id);
  const summary = await clusterSummary(db.pool, clusterId);
  assert.equal(summary?.villages, 2);
  assert.equal(summary?.communes, 1);
  assert.equal(summary?.lead_petition_id, a.id);
  assert.equal((await getPetition(db.pool, p.coordinator, b.id))?.petition.state, "merged");
  assert.ok((await heaviestClusters(db.pool)).some((c) => c.id === clusterId));

  await receivePetition(as(p.commune), a.id, {
    kind: "recommendation",
    categoryCode: "dien_nuoc",
    urgency: "normal",
    level: "province",
  });
  await routePetition(as(p.coordinator), a.id, ids.agency, null);
  await answerPetition(as(p.agency), a.id, {
    text: "Công ty Điện lực sẽ nâng cấp trạm biến áp trong tháng 5.",
    publish: true,
  });
  const memberView = await getPetition(db.pool, p.village2, b.id);
  assert.equal(memberView?.petition.state, "answered", "the member got the cluster's answer");
  assert.ok(memberView?.timeline.some((e) => e.action === "cluster_answer"));
  const notified = await db.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM outbox WHERE payload->>'kind' = 'petition_answered' AND payload->>'userId' = $1",
    [String(p.village2.id)],
  );
  assert.equal(notified.rows[0]?.n, 1, "the second village is told once");
  assert.equal((await confirmAnswer(as(p.village2), b.id, true, null)).state, "closed");
  assert.equal(
    (await confirmAnswer(as(p.village), a.id, false, "Chưa rõ thời gian")).state,
    "reopened",
    "each village decides for itself",
  );
});

test("unlink and split; the lead cannot leave", async () => {
  const { people: p, as } = w;
  const a = await file(
    "village",
    "Rác thải tồn đọng",
    "Rác thải sinh hoạt tồn đọng ven đường, không được thu gom, gây ô nhiễm.",
  );
  const b = await file(
    "village2",
    "Rác không được thu gom",
    "Rác thải sinh hoạt không ai thu gom, bốc mùi, ô nhiễm môi trường.",
  );
  const c = await file(
    "otherVillage",
    "Thu gom rác thải",
    "Đề nghị bố trí xe thu gom rác thải sinh hoạt định kỳ.",
  );
  const cluster = await linkToCluster(as(p.coordinator), b.id, a.id);
  await linkToCluster(as(p.coordinator), c.id, a.id);
  assert.equal((await clusterSummary(db.pool, cluster))?.villages, 3);
  await assert.rejects(
    unlinkFromCluster(as(p.coordinator), a.id),
    (e: unknown) => e instanceof CommandError && e.status === 409,
  );
  await unlinkFromCluster(as(p.coordinator), c.id);
  assert.equal((await getPetition(db.pool, p.coordinator, c.id))?.petition.state, "received");
  assert.equal((await clusterSummary(db.pool, cluster))?.villages, 2);
  await splitCluster(as(p.coordinator), cluster, [b.id]);
  assert.equal(await clusterSummary(db.pool, cluster), null, "a cluster of one is dissolved");
  assert.equal((await getPetition(db.pool, p.coordinator, a.id))?.petition.cluster_id, null);
});
