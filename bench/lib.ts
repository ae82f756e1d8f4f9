/** Small helpers shared by the benchmarks: the machines are shared and noisy, so report medians and ratios. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

export type Summary = { n: number; p50: number; p95: number; max: number };

export function summarise(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] ?? Number.NaN };
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

export type BenchResult = { name: string; lines: string[]; ok: boolean };

export function report(r: BenchResult): void {
  process.stdout.write(`\n## ${r.name} ${r.ok ? "(goal met)" : "(GOAL MISSED)"}\n`);
  for (const l of r.lines) process.stdout.write(`  ${l}\n`);
}
