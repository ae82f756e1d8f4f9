import { benchHealthzUnderSlowQuery } from "./healthz.ts";
import { type BenchResult, report } from "./lib.ts";

// Each benchmark prints its figures beside a baseline measured in the same run; see bench/README.md.
const benches: Record<string, () => Promise<BenchResult>> = {
  healthz: benchHealthzUnderSlowQuery,
};

const only = process.argv.slice(2);
let missed = 0;
for (const [name, run] of Object.entries(benches)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const r = await run();
  report(r);
  if (!r.ok) missed++;
}
process.stdout.write(`\n${missed === 0 ? "all goals met" : `${missed} goal(s) missed`}\n`);
process.exit(0);
