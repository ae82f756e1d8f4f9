import type { Clock } from "../../platform/clock.ts";

/**
 * A test-only shift of this module's clock, so a browser journey against the real app can step past a deadline
 * and see the reminders. It exists only when NODE_ENV=test AND CAUNOI_TEST_CLOCK=1 are both set at start; in any
 * other process the shift is always zero and the route that sets it is not registered.
 */
let offsetMs = 0;

export function testClockEnabled(): boolean {
  return process.env.NODE_ENV === "test" && process.env.CAUNOI_TEST_CLOCK === "1";
}

export function setTestNow(base: Clock, now: Date): void {
  if (!testClockEnabled()) return;
  offsetMs = now.getTime() - base.now().getTime();
}

/** The clock the module's routes and sweeps use: the platform's, shifted only under the test switch. */
export function moduleClock(base: Clock): Clock {
  return { now: () => (offsetMs === 0 ? base.now() : new Date(base.now().getTime() + offsetMs)) };
}
