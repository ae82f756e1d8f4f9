/**
 * `node --import tsx src/platform/text/eval-cli.ts FILE.jsonl [--threshold T]`
 * Prints one line: `pairs precision=P recall=R f1=F` (exit 0); usage or input errors go to stderr (exit 2).
 */

import { readFileSync } from "node:fs";
import { THRESHOLD } from "./detector.ts";
import { evaluateClusters, formatPairScores, parsePetitionsJsonl } from "./evaluate.ts";

function main(argv: readonly string[]): number {
  const args = [...argv];
  let threshold = THRESHOLD;
  const t = args.indexOf("--threshold");
  if (t >= 0) {
    threshold = Number(args[t + 1]);
    args.splice(t, 2);
    if (!Number.isFinite(threshold)) {
      process.stderr.write("--threshold needs a number\n");
      return 2;
    }
  }
  const file = args[0];
  if (file === undefined || args.length !== 1) {
    process.stderr.write("usage: eval-cli FILE.jsonl [--threshold T]\n");
    return 2;
  }
  let items: ReturnType<typeof parsePetitionsJsonl>;
  try {
    items = parsePetitionsJsonl(readFileSync(file, "utf8"));
  } catch (e) {
    process.stderr.write(`${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  process.stdout.write(`${formatPairScores(evaluateClusters(items, threshold))}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
