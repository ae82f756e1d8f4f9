// Runs PGlite in its own process so a long query never freezes the HTTP event loop.
// The parent talks to it over TCP with the ordinary `pg` driver, exactly as to a server.
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { installBatchAwareQueue, type QueueLike } from "./socketQueue.ts";

type Ready = { type: "ready"; host: string; port: number };
type Failed = { type: "error"; message: string };

const dataDir = process.argv[2];
const maxConnections = Number(process.argv[3] ?? "8");

let closing = false;
let db: PGlite | undefined;
let server: PGLiteSocketServer | undefined;

async function shutdown(code: number): Promise<never> {
  if (!closing) {
    closing = true;
    try {
      await server?.stop();
    } catch {
      // the socket may already be gone; the database close below is what matters
    }
    try {
      await db?.close();
    } catch {
      // nothing more can be done while exiting
    }
  }
  process.exit(code);
}

async function main(): Promise<void> {
  if (!dataDir) throw new Error("usage: embeddedChild <dataDir|memory://> [maxConnections]");
  db = await PGlite.create(dataDir, { extensions: { unaccent, pg_trgm } });
  server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections });
  // pglite-socket's own scheduler interleaves concurrent connections' batches (see socketQueue.ts).
  installBatchAwareQueue((server as unknown as { queryQueue: QueueLike }).queryQueue);
  await server.start();
  const [host, port] = server.getServerConn().split(":");
  const msg: Ready = { type: "ready", host: host ?? "127.0.0.1", port: Number(port) };
  process.send?.(msg);
}

// The parent going away (exit, crash, kill -9) closes the IPC channel: close the database cleanly then.
process.on("disconnect", () => void shutdown(0));
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

main().catch((err: unknown) => {
  const msg: Failed = { type: "error", message: err instanceof Error ? err.message : String(err) };
  process.send?.(msg);
  void shutdown(1);
});
