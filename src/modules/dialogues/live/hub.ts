import type pg from "pg";
import { type LiveState, loadLiveAttendance, loadLiveState } from "../queries/liveState.ts";
import type { LiveBus, LiveChange } from "./bus.ts";

/**
 * One SSE event, formatted and encoded once for every stream that receives it: "state" (the whole small state)
 * or "attendance" (just the count, after check-ins).
 */
export type LiveEvent = { event: "state" | "attendance"; version: number; frame: Uint8Array };

type Watcher = (e: LiveEvent) => void;

type Slot = {
  watchers: Set<Watcher>;
  unsubscribe: () => void;
  latest: LiveState | null;
  latestEvent: LiveEvent | null;
  /** The version of the last whole state loaded: a reload that finds no newer one has nothing to send. */
  wholeVersion: number;
  /** What the changes heard since the last load need: null = nothing. */
  pending: LiveChange | null;
  running: boolean;
  timer: NodeJS.Timeout | null;
  lastRun: number;
};

export type HubOptions = {
  /** At most one load and broadcast per dialogue per interval (the first change of a quiet spell goes at once). */
  intervalMs?: number;
};

const encoder = new TextEncoder();
const RETRY_MS = 2000;

function frame(event: LiveEvent["event"], version: number, data: unknown): LiveEvent {
  const text = `event: ${event}\ndata: ${JSON.stringify(data)}\nid: ${version}\nretry: 3000\n\n`;
  return { event, version, frame: encoder.encode(text) };
}

/**
 * The live screens of each dialogue in this process, fed by one load per burst of changes however many screens
 * watch: 436 check-ins in a few minutes with 500 phones open cost a few loads a second and a few small writes per
 * phone, not 436 full states × 500.
 * - Throttled per dialogue, leading and trailing edge: the first change after a quiet interval is loaded and sent
 *   at once (a queue move is not delayed); changes during the interval, or during a load, cause exactly one more
 *   load when it ends, so the last change is never lost.
 * - A burst of check-ins only ("attendance") reloads the count, not the ranked question list.
 * - Loads for one dialogue run one after another, so what is broadcast never goes back in time.
 */
export class LiveHub {
  private readonly slots = new Map<number, Slot>();
  private readonly intervalMs: number;
  /** Counters for tests and benches: loads of the whole state, loads of the count alone, events broadcast. */
  readonly stats = { stateLoads: 0, attendanceLoads: 0, broadcasts: 0 };

  constructor(
    private readonly pool: pg.Pool,
    private readonly bus: LiveBus,
    options: HubOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? Number(process.env.DIALOGUE_LIVE_INTERVAL_MS ?? 300);
  }

  get size(): number {
    let n = 0;
    for (const s of this.slots.values()) n += s.watchers.size;
    return n;
  }

  /** Calls fn with the current state (at once when known) and then with every later event. */
  watch(dialogueId: number, fn: Watcher): () => void {
    let slot = this.slots.get(dialogueId);
    if (!slot) {
      const created: Slot = {
        watchers: new Set(),
        unsubscribe: () => undefined,
        latest: null,
        latestEvent: null,
        wholeVersion: -1,
        pending: null,
        running: false,
        timer: null,
        lastRun: Number.NEGATIVE_INFINITY,
      };
      created.unsubscribe = this.bus.subscribe(dialogueId, (_id, change) =>
        this.request(dialogueId, created, change),
      );
      this.slots.set(dialogueId, created);
      slot = created;
    }
    const s = slot;
    s.watchers.add(fn);
    // a newcomer gets the cached state: anything broadcast later is newer; without one, the next load brings it
    if (s.latest) {
      s.latestEvent ??= frame("state", s.latest.version, s.latest);
      fn(s.latestEvent);
    } else if (!s.running) this.request(dialogueId, s, "full");
    // (while the first load runs, its broadcast reaches this newcomer too)
    return () => {
      s.watchers.delete(fn);
      if (s.watchers.size === 0 && this.slots.get(dialogueId) === s) {
        this.slots.delete(dialogueId);
        s.unsubscribe();
        if (s.timer) clearTimeout(s.timer);
        s.timer = null;
      }
    };
  }

  private request(dialogueId: number, slot: Slot, change: LiveChange): void {
    slot.pending = slot.pending === "full" || change === "full" ? "full" : "attendance";
    this.schedule(dialogueId, slot);
  }

  /** Never runs the load in the caller's turn: a check-in's response does not wait for any broadcast. */
  private schedule(dialogueId: number, slot: Slot): void {
    if (slot.running || slot.timer || slot.pending === null) return;
    const wait = Math.max(0, slot.lastRun + this.intervalMs - performance.now());
    slot.timer = setTimeout(() => {
      slot.timer = null;
      void this.run(dialogueId, slot);
    }, wait);
  }

  private async run(dialogueId: number, slot: Slot): Promise<void> {
    if (slot.pending === null || this.slots.get(dialogueId) !== slot) return;
    const change = slot.latest ? slot.pending : "full";
    slot.pending = null;
    slot.running = true;
    slot.lastRun = performance.now();
    try {
      if (change === "full") await this.loadState(dialogueId, slot);
      else await this.loadAttendance(dialogueId, slot);
    } catch {
      // the database is away: ask again, a little later than usual
      slot.pending = slot.pending === "full" ? "full" : change;
      slot.lastRun = performance.now() + RETRY_MS;
    } finally {
      slot.running = false;
      if (this.slots.get(dialogueId) === slot) this.schedule(dialogueId, slot);
    }
  }

  private async loadState(dialogueId: number, slot: Slot): Promise<void> {
    this.stats.stateLoads++;
    const state = await loadLiveState(this.pool, dialogueId);
    // an equal version goes out when only a count carried it so far (the move behind it is loaded only now)
    if (!state || state.version <= slot.wholeVersion) return;
    if (slot.latest && state.version < slot.latest.version) return;
    slot.wholeVersion = state.version;
    slot.latest = state;
    slot.latestEvent = frame("state", state.version, state);
    this.broadcast(slot, slot.latestEvent);
  }

  private async loadAttendance(dialogueId: number, slot: Slot): Promise<void> {
    this.stats.attendanceLoads++;
    const a = await loadLiveAttendance(this.pool, dialogueId);
    const prev = slot.latest;
    if (!a || !prev || a.version <= prev.version) return;
    const attendance = { present: a.present, invited: a.invited };
    slot.latest = { ...prev, version: a.version, attendance };
    slot.latestEvent = null; // built on demand: newcomers need the whole state, not the count alone
    this.broadcast(slot, frame("attendance", a.version, { version: a.version, attendance }));
  }

  private broadcast(slot: Slot, e: LiveEvent): void {
    this.stats.broadcasts++;
    for (const fn of slot.watchers) fn(e);
  }
}
