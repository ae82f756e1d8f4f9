import type { AppDeps } from "../../../platform/http/types.ts";
import { busFor, type LiveBus } from "./bus.ts";
import { LiveHub } from "./hub.ts";

const hubs = new WeakMap<object, LiveHub>();

/** This process's bus and hub for the app's database. */
export function liveFor(deps: Pick<AppDeps, "pool" | "config" | "log">): { bus: LiveBus; hub: LiveHub } {
  const bus = busFor(deps.pool, deps.config, deps.log);
  let hub = hubs.get(deps.pool);
  if (!hub) {
    hub = new LiveHub(deps.pool, bus);
    hubs.set(deps.pool, hub);
  }
  return { bus, hub };
}

/** Streams open in this process; beyond the cap new ones are refused (503, Retry-After) rather than starving requests. */
export const streams = { open: 0, cap: Number(process.env.DIALOGUE_SSE_CAP ?? 2000) };
