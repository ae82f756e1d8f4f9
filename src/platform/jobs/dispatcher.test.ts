import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import pg from "pg";
import { manualClock } from "../clock.ts";
import { type Database, withTransaction } from "../db/database.ts";
import { openTestDatabase } from "../db/testing.ts";
import { Dispatcher, type JobContext, type JobLog } from "./dispatcher.ts";
import { enqueue } from "./outbox.ts";

const silent: JobLog = { info: () => {}, warn: () => {}, error: () => {} };

type Row = {
  id: number;
  attempts: number;
  available_at: Date;
  done_at: Date | null;
  failed_at: Date | null;
  last_error: string | null;
};

describe("outbox and dispatcher", () => {
  let database: Database;
  // Ahead of the database's now(), so rows enqueued with the default available_at are due at once.
  const clock = manualClock(new Date(Date.now() + 60_000));

  before(async () => {
    database = await openTestDatabase();
  });
  after(async () => {
    await database.close();
  });
  beforeEach(async () => {
    await database.pool.query("DELETE FROM outbox");
  });

  async function rows(): Promise<Row[]> {
    const r = await database.pool.query<Row>(
      "SELECT id, attempts, available_at, done_at, failed_at, last_error FROM outbox ORDER BY id",
    );
    return r.rows;
  }

  test("a message enqueued in a transaction that rolls back is never delivered", async () => {
    const delivered: unknown[] = [];
    const d = new Dispatcher({
      pool: database.pool,
      clock,
      log: silent,
      handlers: { t: async (p) => void delivered.push(p) },
    });
    await assert.rejects(
      withTransaction(database.pool, async (client) => {
        await enqueue(client, { topic: "t", payload: { n: 1 } });
        throw new Error("the change failed");
      }),
      /the change failed/,
    );
    assert.equal(await d.runOnce(), 0);
    assert.deepEqual(delivered, []);
    assert.equal((await rows()).length, 0);

    await withTransaction(database.pool, (client) =>
      enqueue(client, { topic: "t", payload: { n: 2, s: "Hạ Long" } }),
    );
    assert.equal(await d.runOnce(), 1);
    assert.deepEqual(delivered, [{ n: 2, s: "Hạ Long" }]);
    assert.ok((await rows())[0]?.done_at);
  });

  test("a dedupeKey already present is skipped; messages without one never collide", async () => {
    const delivered: unknown[] = [];
    const d = new Dispatcher({
      pool: database.pool,
      clock,
      log: silent,
      handlers: { t: async (p) => void delivered.push(p) },
    });
    await withTransaction(database.pool, async (client) => {
      await enqueue(client, { topic: "t", payload: "first", dedupeKey: "remind:42" });
      await enqueue(client, { topic: "t", payload: "second", dedupeKey: "remind:42" });
    });
    await withTransaction(database.pool, (client) =>
      enqueue(client, { topic: "t", payload: "third", dedupeKey: "remind:42" }),
    );
    await enqueue(database.pool, { topic: "t", payload: "a" });
    await enqueue(database.pool, { topic: "t", payload: "b" });
    assert.equal(await d.runOnce(), 3);
    // Even once delivered, the key still blocks a repeat.
    await enqueue(database.pool, { topic: "t", payload: "fourth", dedupeKey: "remind:42" });
    assert.equal(await d.runOnce(), 0);
    assert.deepEqual(delivered, ["first", "a", "b"]);
  });

  test("availableAt in the future waits for the clock", async () => {
    const delivered: unknown[] = [];
    const d = new Dispatcher({
      pool: database.pool,
      clock,
      log: silent,
      handlers: { t: async (p) => void delivered.push(p) },
    });
    await enqueue(database.pool, {
      topic: "t",
      payload: 1,
      availableAt: new Date(clock.now().getTime() + 5000),
    });
    assert.equal(await d.runOnce(), 0);
    clock.advance(5000);
    assert.equal(await d.runOnce(), 1);
    assert.deepEqual(delivered, [1]);
  });

  test("a failing handler is retried with backoff and ends failed after maxAttempts", async () => {
    const seen: JobContext[] = [];
    const d = new Dispatcher({
      pool: database.pool,
      clock,
      log: silent,
      maxAttempts: 3,
      backoff: (attempt) => 1000 * 2 ** attempt,
      handlers: {
        flaky: async (_p, ctx) => {
          seen.push(ctx);
          throw new Error(`SMTP down (${"x".repeat(5000)})`);
        },
      },
    });
    await enqueue(database.pool, { topic: "flaky", payload: {} });

    const t0 = clock.now().getTime();
    assert.equal(await d.runOnce(), 1);
    let [row] = await rows();
    assert.equal(row?.attempts, 1);
    assert.equal(row?.available_at.getTime(), t0 + 2000);
    assert.match(row?.last_error ?? "", /SMTP down/);
    assert.ok((row?.last_error ?? "").length <= 2000, "last_error is truncated");
    assert.equal(row?.failed_at, null);

    assert.equal(await d.runOnce(), 0, "not before its backoff");
    clock.advance(1999);
    assert.equal(await d.runOnce(), 0);
    clock.advance(1);
    assert.equal(await d.runOnce(), 1);
    [row] = await rows();
    assert.equal(row?.attempts, 2);
    assert.equal(row?.available_at.getTime(), clock.now().getTime() + 4000);

    clock.advance(4000);
    assert.equal(await d.runOnce(), 1);
    [row] = await rows();
    assert.equal(row?.attempts, 3);
    assert.ok(row?.failed_at, "failed after maxAttempts");
    assert.equal(row?.done_at, null);
    assert.match(row?.last_error ?? "", /^Error: SMTP down/);

    clock.advance(86_400_000);
    assert.equal(await d.runOnce(), 0, "a failed row is never claimed again");
    assert.deepEqual(
      seen.map((c) => c.attempts),
      [1, 2, 3],
    );
    assert.ok(seen.every((c) => c.id === row?.id));
  });

  test("a topic with no handler is a failure with a clear last_error", async () => {
    const d = new Dispatcher({ pool: database.pool, clock, log: silent, maxAttempts: 1, handlers: {} });
    await enqueue(database.pool, { topic: "nobody.listens", payload: null });
    assert.equal(await d.runOnce(), 1);
    const [row] = await rows();
    assert.ok(row?.failed_at);
    assert.match(row?.last_error ?? "", /no handler for topic "nobody\.listens"/);
  });

  test("two dispatchers running concurrently never deliver one row twice", async (t) => {
    const N = 200;
    await withTransaction(database.pool, async (client) => {
      for (let i = 0; i < N; i++) await enqueue(client, { topic: "count", payload: { i } });
    });
    // A second pool stands for a second node: its own connections to the same database.
    const otherPool = new pg.Pool({ connectionString: database.url, max: 2 });
    try {
      const deliveries = new Map<number, number>();
      const byNode = [0, 0];
      const handlers = (node: 0 | 1) => ({
        count: async (_p: unknown, ctx: JobContext) => {
          deliveries.set(ctx.id, (deliveries.get(ctx.id) ?? 0) + 1);
          byNode[node] = (byNode[node] ?? 0) + 1;
          await new Promise((r) => setImmediate(r));
        },
      });
      const a = new Dispatcher({
        pool: database.pool,
        clock,
        log: silent,
        batchSize: 7,
        handlers: handlers(0),
      });
      const b = new Dispatcher({ pool: otherPool, clock, log: silent, batchSize: 7, handlers: handlers(1) });
      const drain = async (d: Dispatcher) => {
        while ((await d.runOnce()) > 0) {}
      };
      await Promise.all([drain(a), drain(b), drain(a), drain(b)]);
      assert.equal(deliveries.size, N);
      assert.ok(
        [...deliveries.values()].every((n) => n === 1),
        "each row delivered exactly once",
      );
      const done = await database.pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM outbox WHERE done_at IS NOT NULL AND attempts = 1",
      );
      assert.equal(done.rows[0]?.n, N);
      t.diagnostic(`deliveries by node: ${byNode.join(" / ")}`);
    } finally {
      await otherPool.end();
    }
  });

  test("a row whose handler never finished (crashed node) is delivered again after the lease", async () => {
    let entered: () => void = () => {};
    const enteredP = new Promise<void>((r) => {
      entered = r;
    });
    let failStale: (e: Error) => void = () => {};
    const crashed = new Dispatcher({
      pool: database.pool,
      clock,
      log: silent,
      leaseMs: 30_000,
      handlers: {
        t: () => {
          entered();
          return new Promise<void>((_resolve, reject) => {
            failStale = reject;
          });
        },
      },
    });
    const delivered: JobContext[] = [];
    const healthy = new Dispatcher({
      pool: database.pool,
      clock,
      log: silent,
      leaseMs: 30_000,
      handlers: { t: async (_p, ctx) => void delivered.push(ctx) },
    });
    await enqueue(database.pool, { topic: "t", payload: "once" });

    const stale = crashed.runOnce();
    await enteredP;
    assert.equal(await healthy.runOnce(), 0, "leased to the crashed node");
    clock.advance(29_999);
    assert.equal(await healthy.runOnce(), 0);
    clock.advance(1);
    assert.equal(await healthy.runOnce(), 1, "the lease ran out");
    assert.equal(delivered[0]?.attempts, 2);

    // The "crashed" node comes back and reports a failure: it must not undo the later delivery.
    failStale(new Error("late failure"));
    assert.equal(await stale, 1);
    const [row] = await rows();
    assert.ok(row?.done_at);
    assert.equal(row?.failed_at, null);
    assert.equal(row?.last_error, null);
    assert.equal(row?.attempts, 2);
  });

  test("start() polls until stop(), which waits for the batch in flight", async () => {
    let entered = 0;
    let finished = 0;
    let openGate: () => void = () => {};
    const gate = new Promise<void>((r) => {
      openGate = r;
    });
    const d = new Dispatcher({
      pool: database.pool,
      clock,
      log: silent,
      pollMs: 5,
      handlers: {
        t: async (payload) => {
          entered++;
          if (payload === 2) await gate;
          finished++;
        },
      },
    });
    const waitFor = async (cond: () => boolean) => {
      for (let i = 0; i < 2000 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
    };
    d.start();
    await enqueue(database.pool, { topic: "t", payload: 1 });
    await waitFor(() => finished === 1);
    assert.equal(finished, 1, "delivered by the polling loop");
    await enqueue(database.pool, { topic: "t", payload: 2 });
    await waitFor(() => entered === 2);
    assert.equal(entered, 2);
    let stopped = false;
    const stopping = d.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(stopped, false, "stop() waits while a handler runs");
    openGate();
    await stopping;
    assert.equal(finished, 2);
    const pending = await database.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM outbox WHERE done_at IS NULL",
    );
    assert.equal(pending.rows[0]?.n, 0, "the batch in flight was marked done before stop() returned");
  });
});
