import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Database } from "../../platform/db/database.ts";
import { openTestDatabase } from "../../platform/db/testing.ts";
import { petitionWorld } from "../petitions/testkit.ts";
import { checkIn } from "./commands/checkIn.ts";
import { createDialogue } from "./commands/createDialogue.ts";
import { askQuestion } from "./commands/questions.ts";
import { moveQueue } from "./commands/queue.ts";
import { transitionDialogue } from "./commands/transition.ts";
import { createLocalBus, createPostgresBus, type LiveBus, notifyPayload, parsePayload } from "./live/bus.ts";
import { LiveHub } from "./live/hub.ts";
import type { LiveState } from "./queries/liveState.ts";

/** What a stream's reader sees: the event name and its data. */
type Seen =
  | { event: "state"; at: number; data: LiveState }
  | { event: "attendance"; at: number; data: { version: number; attendance: LiveState["attendance"] } };

const INTERVAL = 1000;
const BURST = 40;

let database: Database;
let world: Awaited<ReturnType<typeof petitionWorld>>;
let bus: LiveBus;
let hub: LiveHub;
let dialogueId = 0;
let invitations: number[] = [];

function reader(): { seen: Seen[]; watcher: (e: { frame: Uint8Array }) => void } {
  const seen: Seen[] = [];
  return {
    seen,
    watcher: (e) => {
      const text = new TextDecoder().decode(e.frame);
      const event = /^event: (\w+)$/m.exec(text)?.[1];
      const data = JSON.parse(/^data: (.*)$/m.exec(text)?.[1] ?? "null");
      assert.ok(event === "state" || event === "attendance", text);
      seen.push({ event, at: performance.now(), data } as Seen);
    },
  };
}

async function until<T>(what: () => T | undefined, ms = 5000): Promise<T> {
  const deadline = performance.now() + ms;
  for (;;) {
    const v = what();
    if (v !== undefined) return v;
    if (performance.now() > deadline) assert.fail("timed out waiting");
    await new Promise((r) => setTimeout(r, 5));
  }
}

const present = (s: Seen) => s.data.attendance.present;

before(async () => {
  database = await openTestDatabase();
  world = await petitionWorld(database);
  const coordinator = world.as(world.people.coordinator);
  const d = await createDialogue(coordinator, {
    title: "Đối thoại thử tải",
    startsAt: new Date("2026-03-10T08:00:00+07:00"),
    venue: "Hội trường",
    onlineUrl: null,
    chairIds: [world.people.leader.id],
    agencyIds: [],
    invite: { unitIds: [world.ids.commune], role: "village_head" },
    agenda: [],
  });
  dialogueId = d.id;
  // a full hall: more invited people than the test commune has villages
  await database.pool.query(
    `INSERT INTO users (username, full_name, password_hash)
     SELECT 'burst-' || n, 'Đại biểu ' || n, 'x' FROM generate_series(1, $1::int) n`,
    [BURST],
  );
  await database.pool.query(
    `INSERT INTO dialogue_invitations (dialogue_id, user_id, role, token, search_name)
     SELECT $1, u.id, 'village_head', md5(u.username), u.username FROM users u WHERE u.username LIKE 'burst-%'`,
    [dialogueId],
  );
  const { rows } = await database.pool.query<{ id: number }>(
    "SELECT id FROM dialogue_invitations WHERE dialogue_id = $1 ORDER BY id",
    [dialogueId],
  );
  invitations = rows.map((r) => r.id);
  await transitionDialogue(coordinator, dialogueId, "open_questions");
  await askQuestion(world.as(world.people.village), dialogueId, {
    text: "Đề nghị sửa đường liên thôn bị sạt lở.",
    petitionId: null,
  });
  await transitionDialogue(coordinator, dialogueId, "go_live");
  // on a PostgreSQL server the changes travel through NOTIFY, as between app nodes; embedded, in process
  bus = database.embedded ? createLocalBus() : createPostgresBus(database.url);
  await bus.ready;
  hub = new LiveHub(database.pool, bus, { intervalMs: INTERVAL });
});

after(async () => {
  await bus.close();
  await database.close();
});

describe("the live hub coalesces bursts of changes", () => {
  test("the payload names the dialogue and whether only the count moved", () => {
    assert.deepEqual(parsePayload(notifyPayload(12, "attendance")), { dialogueId: 12, change: "attendance" });
    assert.deepEqual(parsePayload(notifyPayload(12, "full")), { dialogueId: 12, change: "full" });
    assert.equal(parsePayload("12:other"), null);
    assert.equal(parsePayload("x"), null);
  });

  test(`${BURST} check-ins in a row: a few count-only events, no reload of the questions, the last count arrives`, async () => {
    const r = reader();
    const stop = hub.watch(dialogueId, r.watcher);
    try {
      const first = await until(() => r.seen[0]);
      assert.equal(first.event, "state");
      assert.equal(present(first), 0);
      const loadsBefore = { ...hub.stats };

      const started = performance.now();
      for (const invitationId of invitations) {
        await checkIn(world.as(world.people.coordinator), dialogueId, { invitationId });
        bus.changed(dialogueId, "attendance");
      }
      const elapsed = performance.now() - started;
      const last = await until(() => r.seen.find((s) => present(s) === invitations.length), INTERVAL + 3000);

      const burst = r.seen.slice(1);
      assert.ok(
        burst.length <= Math.ceil(elapsed / INTERVAL) + 1,
        `${burst.length} broadcasts for ${invitations.length} check-ins in ${Math.round(elapsed)} ms`,
      );
      assert.ok(burst.length < invitations.length / 4, `${burst.length} broadcasts is not far fewer`);
      assert.ok(
        burst.every((s) => s.event === "attendance"),
        "check-ins send the count alone",
      );
      assert.equal(hub.stats.stateLoads, loadsBefore.stateLoads, "the ranked questions were not reloaded");
      const { rows } = await database.pool.query<{ v: number }>(
        "SELECT live_version AS v FROM dialogues WHERE id = $1",
        [dialogueId],
      );
      assert.equal(last.data.version, rows[0]?.v, "the last event carries the last version");
      assert.equal(r.seen.at(-1), last, "nothing older arrived after it");

      // a screen opened now gets the whole state, with the latest count, without a reload
      const late = reader();
      const stopLate = hub.watch(dialogueId, late.watcher);
      stopLate();
      assert.equal(late.seen[0]?.event, "state");
      assert.equal(present(late.seen[0] as Seen), invitations.length);
      assert.equal(hub.stats.stateLoads, loadsBefore.stateLoads);
    } finally {
      stop();
    }
  });

  test("after a quiet interval a queue move goes out at once, as the whole state", async () => {
    const r = reader();
    const stop = hub.watch(dialogueId, r.watcher);
    try {
      await until(() => r.seen[0]);
      await new Promise((res) => setTimeout(res, INTERVAL + 100));
      await moveQueue(world.as(world.people.coordinator), dialogueId, { kind: "next" });
      const moved = performance.now();
      bus.changed(dialogueId);
      const got = await until(() => r.seen.find((s) => s.event === "state" && s.data.current !== null));
      assert.ok(got.at - moved < INTERVAL * 0.7, `delivered ${Math.round(got.at - moved)} ms after the move`);
      assert.match(got.event === "state" ? (got.data.current?.text ?? "") : "", /đường liên thôn/);
    } finally {
      stop();
    }
  });
});
