import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { THRESHOLD } from "./detector.ts";
import {
  clusterPetitions,
  evaluateClusters,
  formatPairScores,
  type LabelledPetition,
  pairScores,
  parsePetitionsJsonl,
} from "./evaluate.ts";

const DEV = new URL("../../../../shared/data/petitions-dev.jsonl", import.meta.url);
// Written for this module, independently of the development file: other topics, other wording.
const HOLDOUT = new URL("./fixtures/petitions-holdout.jsonl", import.meta.url);

const load = (url: URL): LabelledPetition[] => parsePetitionsJsonl(readFileSync(url, "utf8"));

describe("pairScores", () => {
  test("pairwise precision, recall and F1", () => {
    // groups: {0,1,2} {3}; clusters: {0,1} {2,3}
    const s = pairScores(["x", "x", "x", "y"], ["a", "a", "b", "b"]);
    assert.equal(s.precision, 1 / 2);
    assert.equal(s.recall, 1 / 3);
    assert.equal(s.f1, (2 * (1 / 2) * (1 / 3)) / (1 / 2 + 1 / 3));
    assert.deepEqual(pairScores(["x", "y"], ["a", "b"]), { precision: 1, recall: 1, f1: 1 });
    assert.throws(() => pairScores(["x"], []));
  });

  test("one-line report", () => {
    assert.equal(
      formatPairScores({ precision: 1, recall: 0.92593, f1: 0.96154 }),
      "pairs precision=1.000 recall=0.926 f1=0.962",
    );
  });
});

describe("clusterPetitions", () => {
  test("a petition joins the cluster of its best earlier match", () => {
    const clusters = clusterPetitions([
      { id: "1", text: "Phụ cấp trưởng thôn quá thấp, đề nghị nâng mức phụ cấp" },
      { id: "2", text: "Bụi than từ xe chở than gây ô nhiễm" },
      { id: "3", text: "Đề nghị tăng phụ cấp cho trưởng thôn vì mức hiện nay quá thấp" },
      { id: "4", text: "Xe chở than không che bạt gây bụi than" },
    ]);
    assert.deepEqual(clusters, ["1", "2", "1", "2"]);
  });
});

describe("evaluateClusters", () => {
  test("development petitions: precision ≥ 0.9 and recall ≥ 0.9", () => {
    const s = evaluateClusters(load(DEV));
    assert.ok(s.precision >= 0.9, formatPairScores(s));
    assert.ok(s.recall >= 0.9, formatPairScores(s));
  });

  test("development petitions: not on a knife-edge (threshold ± 0.03)", () => {
    const items = load(DEV);
    for (const t of [THRESHOLD - 0.03, THRESHOLD + 0.03]) {
      const s = evaluateClusters(items, t);
      assert.ok(s.precision >= 0.9 && s.recall >= 0.9, `threshold ${t.toFixed(2)}: ${formatPairScores(s)}`);
    }
  });

  test("development petitions without the petitioners' units", () => {
    const s = evaluateClusters(load(DEV).map(({ id, text, group }) => ({ id, text, group })));
    assert.ok(s.precision >= 0.9 && s.recall >= 0.9, formatPairScores(s));
  });

  test("independent hand-written petitions: precision and recall ≥ 0.85", () => {
    const s = evaluateClusters(load(HOLDOUT));
    assert.ok(s.precision >= 0.85 && s.recall >= 0.85, formatPairScores(s));
  });
});

describe("parsePetitionsJsonl", () => {
  test("reads id, text, group and unit; skips blank lines", () => {
    const items = parsePetitionsJsonl(
      '{"id":"a","text":"x","group":"g","unit":"Thôn 1"}\n\n{"id":2,"text":"y","group":3}\n',
    );
    assert.deepEqual(items, [
      { id: "a", text: "x", group: "g", unit: "Thôn 1" },
      { id: "2", text: "y", group: "3" },
    ]);
  });

  test("reports the bad line", () => {
    assert.throws(() => parsePetitionsJsonl('{"id":"a","text":"x","group":"g"}\n{oops'), /line 2/);
    assert.throws(() => parsePetitionsJsonl('{"id":"a","group":"g"}'), /line 1: missing "text"/);
  });
});

describe("eval-cli", () => {
  const cli = fileURLToPath(new URL("./eval-cli.ts", import.meta.url));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", cli, ...args], { encoding: "utf8" });

  test("prints exactly one line and exits 0", () => {
    const r = run(fileURLToPath(DEV));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^pairs precision=\d\.\d{3} recall=\d\.\d{3} f1=\d\.\d{3}\n$/);
    assert.equal(r.stdout.trim(), formatPairScores(evaluateClusters(load(DEV))));
  });

  test("usage error: exit 2, nothing on stdout", () => {
    const r = run();
    assert.equal(r.status, 2);
    assert.equal(r.stdout, "");
    assert.equal(run("/nonexistent.jsonl").status, 2);
  });
});
