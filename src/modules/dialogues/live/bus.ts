import type { Socket } from "node:net";
import pg from "pg";
import type { Logger } from "pino";

/** The channel every app node LISTENs on; the payload is the dialogue id, then ":attendance" for a check-in. */
export const CHANNEL = "caunoi_dialogue";

/**
 * What changed: "attendance" (a check-in: only the count moved, so the screens need the count, not the whole
 * state with its ranked question list) or "full" (anything else the screens show).
 */
export type LiveChange = "full" | "attendance";

type Listener = (dialogueId: number, change: LiveChange) => void;

export function notifyPayload(dialogueId: number, change: LiveChange): string {
  return change === "attendance" ? `${dialogueId}:attendance` : String(dialogueId);
}

/** The payload read back; null for anything this version does not understand (it is ignored). */
export function parsePayload(payload: string): { dialogueId: number; change: LiveChange } | null {
  const [idText, kind] = payload.split(":");
  const dialogueId = Number(idText);
  if (!Number.isSafeInteger(dialogueId) || dialogueId <= 0) return null;
  if (kind === undefined) return { dialogueId, change: "full" };
  return kind === "attendance" ? { dialogueId, change: "attendance" } : null;
}

/**
 * "Dialogue N changed" across the app nodes. Two adapters behind one shape:
 * - server mode (DATABASE_URL): one dedicated client per process LISTENs; commands NOTIFY inside their own
 *   transaction, so the event exists exactly when the change commits, and every node (this one too) hears it;
 * - embedded mode: NOTIFY does not cross pglite-socket connections (measured: a NOTIFY on one connection never
 *   reaches a LISTEN on another; only on the same one), and the embedded database has one app process by
 *   construction (a lock on the data directory), so the node tells its own subscribers after the commit.
 */
export type LiveBus = {
  mode: "postgres" | "local";
  /** Call after a change to dialogue N committed (no-op in server mode: the NOTIFY does it). */
  changed(dialogueId: number, change?: LiveChange): void;
  subscribe(dialogueId: number, fn: Listener): () => void;
  subscriberCount(): number;
  /** Settles once this node hears changes (server mode: after its first LISTEN attempt). */
  ready: Promise<void>;
  close(): Promise<void>;
};

export function createLocalBus(): LiveBus {
  const subs = new Map<number, Set<Listener>>();
  const emit = (id: number, change: LiveChange = "full") => {
    for (const fn of subs.get(id) ?? []) fn(id, change);
  };
  return {
    mode: "local",
    changed: emit,
    subscribe(id, fn) {
      let set = subs.get(id);
      if (!set) {
        set = new Set();
        subs.set(id, set);
      }
      set.add(fn);
      return () => {
        set.delete(fn);
        if (set.size === 0) subs.delete(id);
      };
    },
    subscriberCount: () => [...subs.values()].reduce((n, s) => n + s.size, 0),
    ready: Promise.resolve(),
    close: async () => {
      subs.clear();
    },
  };
}

/** One LISTEN connection for the process, reconnected after a loss (events missed meanwhile: the SSE streams resend full state on reconnect). */
export function createPostgresBus(url: string, log?: Logger): LiveBus {
  const local = createLocalBus();
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = async () => {
    if (closed) return;
    const c = new pg.Client({ connectionString: url });
    c.on("notification", (n) => {
      const p = n.channel === CHANNEL ? parsePayload(n.payload ?? "") : null;
      if (p) local.changed(p.dialogueId, p.change);
    });
    c.on("error", (err) => {
      log?.warn({ err: err.message }, "dialogue LISTEN connection lost");
      client = null;
      c.end().catch(() => undefined);
      if (!closed) retry = setTimeout(() => void connect(), 1000);
    });
    try {
      await c.connect();
      // The listening socket must not keep a stopping process alive.
      (c as unknown as { connection: { stream: Socket } }).connection.stream.unref();
      await c.query(`LISTEN ${CHANNEL}`);
      client = c;
      if (closed) await c.end();
    } catch (err) {
      log?.warn({ err: (err as Error).message }, "dialogue LISTEN failed; retrying");
      await c.end().catch(() => undefined);
      if (!closed) retry = setTimeout(() => void connect(), 1000);
    }
  };
  const ready = connect();

  return {
    mode: "postgres",
    changed: () => undefined,
    subscribe: local.subscribe,
    subscriberCount: local.subscriberCount,
    ready,
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await ready;
      await client?.end().catch(() => undefined);
      await local.close();
    },
  };
}

const buses = new WeakMap<object, LiveBus>();

/** The bus of this process for this database (one per pool: tests run several apps in one process). */
export function busFor(
  pool: object,
  config: { embedded: boolean; databaseUrl: string | undefined },
  log?: Logger,
): LiveBus {
  let bus = buses.get(pool);
  if (!bus) {
    bus =
      !config.embedded && config.databaseUrl ? createPostgresBus(config.databaseUrl, log) : createLocalBus();
    buses.set(pool, bus);
  }
  return bus;
}
