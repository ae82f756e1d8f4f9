import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { test } from "node:test";
import { createProgress, formatDuration, formatProgress } from "./progress.ts";

class FakeStream extends Writable {
  chunks: string[] = [];
  isTTY: boolean;
  columns: number | undefined;
  constructor(isTTY: boolean, columns?: number) {
    super();
    this.isTTY = isTTY;
    this.columns = columns;
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(chunk.toString());
    callback();
  }
  get text(): string {
    return this.chunks.join("");
  }
}

test("formats the bar, percent, grouped counts and elapsed time", () => {
  assert.equal(
    formatProgress("import", 4500, 10_000, 12_400, 10),
    "import [#####-----] 45% 4,500/10,000 12s",
  );
  assert.equal(formatProgress("seed", 1234, undefined, 65_000), "seed 1,234 1m05s");
  assert.equal(formatProgress("x", 20, 10, 0, 4), "x [####] 100% 20/10 0s");
  assert.equal(formatDuration(3_725_000), "1h02m");
});

test("not on a terminal: a line at most every 2 s, and one at the end", async () => {
  const stream = new FakeStream(false);
  let clock = 1_000_000;
  const progress = createProgress("export", 10_000, stream, { now: () => clock, barWidth: 10 });
  for (let i = 0; i < 10; i++) {
    clock += 500; // 5 s in all, in ticks of 1,000 rows
    progress.tick(1000);
  }
  progress.done();
  progress.done(); // idempotent
  progress.tick(5); // ignored after done
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(stream.text.split("\n"), [
    "export [####------] 40% 4,000/10,000 2s",
    "export [########--] 80% 8,000/10,000 4s",
    "export [##########] 100% 10,000/10,000 5s",
    "",
  ]);
  assert.ok(!stream.text.includes("\r"));
});

test("on a terminal: redraws one line, ends with a newline", async () => {
  const stream = new FakeStream(true, 200);
  let clock = 0;
  const progress = createProgress("backup", 3, stream, { now: () => clock, barWidth: 3 });
  progress.tick();
  clock += 200;
  progress.tick();
  progress.tick(); // within the redraw interval: not drawn until done()
  progress.done();
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(
    stream.text,
    "\rbackup [#--] 33% 1/3 0s\x1b[K\rbackup [##-] 66% 2/3 0s\x1b[K\rbackup [###] 100% 3/3 0s\x1b[K\n",
  );
});
