import { type ChildProcess, fork } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export class DataDirLockedError extends Error {
  constructor(
    public readonly lockFile: string,
    public readonly pid: number,
  ) {
    super(
      `Thư mục dữ liệu đang được tiến trình ${pid} sử dụng (${lockFile}). Dừng tiến trình đó trước, hoặc đặt DATA_DIR khác.\n` +
        `The data directory is in use by process ${pid} (${lockFile}). Stop it first or choose another DATA_DIR.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Two processes must never open one PGlite directory: an exclusive lock file, taken over only from a dead owner. */
export function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, "caunoi.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(lockFile, "utf8").trim() === String(process.pid)) rmSync(lockFile);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = Number(readFileSync(lockFile, "utf8").trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new DataDirLockedError(lockFile, owner);
      }
      rmSync(lockFile, { force: true }); // stale: its owner died without cleaning up
    }
  }
  throw new Error(`could not take the lock ${lockFile}`);
}

export type EmbeddedDatabase = { url: string; child: ChildProcess; stop: () => Promise<void> };

/**
 * Starts PGlite in a child process behind pglite-socket. `pgdata` is a directory or "memory://".
 * The child exits with us: on our exit, signal or crash its IPC channel closes and it closes the database.
 */
export async function startEmbeddedDatabase(
  pgdata: string,
  maxConnections: number,
): Promise<EmbeddedDatabase> {
  const script = fileURLToPath(new URL("./embeddedChild.ts", import.meta.url));
  const child = fork(script, [pgdata, String(maxConnections)], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`embedded database exited early (code ${code})`));
    child.once("exit", onExit);
    child.once("message", (m: unknown) => {
      child.off("exit", onExit);
      const msg = m as { type: string; host?: string; port?: number; message?: string };
      if (msg.type === "ready") resolve(`postgres://postgres:postgres@${msg.host}:${msg.port}/postgres`);
      else reject(new Error(`embedded database failed: ${msg.message}`));
    });
  });
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit);
  const stop = async () => {
    process.off("exit", killOnExit);
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((r) => child.once("exit", () => r()));
    child.disconnect();
    await exited;
  };
  return { url, child, stop };
}
