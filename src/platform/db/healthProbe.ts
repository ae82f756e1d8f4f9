import type pg from "pg";

export type DbHealth = { ok: boolean; checkedAt: Date | null; latencyMs: number | null };

/**
 * Probes the database in the background so /healthz answers from memory: a slow query in the database
 * must never make the health check itself slow (load balancers would drop a healthy node).
 */
export function startDbHealthProbe(
  pool: pg.Pool,
  intervalMs = 5000,
): { state: () => DbHealth; stop: () => void } {
  let state: DbHealth = { ok: true, checkedAt: null, latencyMs: null };
  let running = false;
  const probe = async () => {
    if (running) return;
    running = true;
    const started = performance.now();
    try {
      await pool.query("SELECT 1");
      state = { ok: true, checkedAt: new Date(), latencyMs: Math.round(performance.now() - started) };
    } catch {
      state = { ok: false, checkedAt: new Date(), latencyMs: null };
    } finally {
      running = false;
    }
  };
  void probe();
  const timer = setInterval(() => void probe(), intervalMs);
  timer.unref();
  return { state: () => state, stop: () => clearInterval(timer) };
}
