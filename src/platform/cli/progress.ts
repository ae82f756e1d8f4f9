/**
 * A progress display for long commands (import, seed, export, backup). On a terminal it redraws one line:
 * `label [#####-----] 45% 4,500/10,000 12s`; elsewhere (CI, a log file) it prints a line at most every
 * 2 seconds and once at the end, so logs stay short.
 */

export type ProgressStream = {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
};

export type Progress = {
  tick(n?: number): void;
  /** Prints the final state (once); further ticks are ignored. */
  done(): void;
};

export type ProgressOptions = {
  /** Milliseconds clock (tests). */
  now?: () => number;
  /** Minimum time between two lines when not on a terminal. */
  logIntervalMs?: number;
  /** Minimum time between two redraws on a terminal. */
  redrawIntervalMs?: number;
  barWidth?: number;
};

const grouped = new Intl.NumberFormat("en-US");

export function formatDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}

export function formatProgress(
  label: string,
  current: number,
  total: number | undefined,
  elapsedMs: number,
  barWidth = 20,
): string {
  const time = formatDuration(elapsedMs);
  if (total === undefined || total <= 0) return `${label} ${grouped.format(current)} ${time}`;
  const ratio = Math.min(1, Math.max(0, current / total));
  const filled = Math.round(ratio * barWidth);
  const bar = `${"#".repeat(filled)}${"-".repeat(barWidth - filled)}`;
  const percent = Math.floor(ratio * 100);
  return `${label} [${bar}] ${percent}% ${grouped.format(current)}/${grouped.format(total)} ${time}`;
}

export function createProgress(
  label: string,
  total: number | undefined,
  stream: ProgressStream = process.stderr,
  options: ProgressOptions = {},
): Progress {
  const now = options.now ?? Date.now;
  const tty = stream.isTTY === true;
  const interval = tty ? (options.redrawIntervalMs ?? 100) : (options.logIntervalMs ?? 2000);
  const started = now();
  let current = 0;
  let lastPrint = tty ? Number.NEGATIVE_INFINITY : started;
  let finished = false;

  const line = () => {
    const text = formatProgress(label, current, total, now() - started, options.barWidth);
    // never wrap on a narrow terminal: a wrapped line cannot be redrawn with \r
    return tty && stream.columns && text.length >= stream.columns ? text.slice(0, stream.columns - 1) : text;
  };
  const print = () => {
    lastPrint = now();
    stream.write(tty ? `\r${line()}\x1b[K` : `${line()}\n`);
  };

  return {
    tick(n = 1) {
      if (finished) return;
      current += n;
      if (now() - lastPrint >= interval) print();
    },
    done() {
      if (finished) return;
      finished = true;
      if (tty) stream.write(`\r${line()}\x1b[K\n`);
      else stream.write(`${line()}\n`);
    },
  };
}
