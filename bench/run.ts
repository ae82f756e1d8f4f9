import { benchDialogues } from "./dialogues.ts";
import { benchDirectives } from "./directives.ts";
import { benchHealthzUnderSlowQuery } from "./healthz.ts";
import { type BenchResult, report } from "./lib.ts";
import { benchNews } from "./news.ts";
import { benchPetitions } from "./petitions.ts";
import { benchSimilarity } from "./similarity.ts";

// Each benchmark prints its figures beside a baseline measured in the same run; see bench/README.md.
// `petitions` and `similarity` need the generated data (bench/generate.ts); BENCH_DB=pg|embedded|both picks the database.
const benches: Record<string, (report: (r: BenchResult) => void) => Promise<BenchResult | BenchResult[]>> = {
  healthz: benchHealthzUnderSlowQuery,
  dialogues: benchDialogues,
  petitions: benchPetitions,
  similarity: benchSimilarity,
  directives: benchDirectives,
  news: benchNews,
};

const only = process.argv.slice(2);
let missed = 0;
for (const [name, run] of Object.entries(benches)) {
  if (only.length > 0 && !only.includes(name)) continue;
  // Results are printed as soon as each is measured (a long run that fails later keeps what it measured).
  const seen = new Set<BenchResult>();
  const show = (r: BenchResult) => {
    if (seen.has(r)) return;
    seen.add(r);
    report(r);
    if (!r.ok) missed++;
  };
  const results = await run(show);
  for (const r of Array.isArray(results) ? results : [results]) show(r);
}
process.stdout.write(`\n${missed === 0 ? "all goals met" : `${missed} goal(s) missed`}\n`);
process.exit(0);
