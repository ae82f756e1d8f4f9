import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { AppEnv } from "../../../platform/http/types.ts";
import type { LiveEvent } from "./hub.ts";
import { liveFor, streams } from "./registry.ts";

const HEARTBEAT_MS = 15_000;
const PING = new TextEncoder().encode(": ping\n\n");

/**
 * The live state of a dialogue as Server-Sent Events: the whole (small) state on connect and after every change
 * to what is shown ("state"), the count alone after check-ins ("attendance"), so a client that reconnects
 * (EventSource does it by itself) is simply up to date again with no replay log. The hub formats each event once
 * for all streams. A stream that falls behind skips what a newer event makes stale instead of queueing it. A
 * comment every 15 s keeps proxies from closing an idle stream; the stream ends when the client goes away.
 */
export function liveStream(c: Context<AppEnv>, dialogueId: number): Response | Promise<Response> {
  if (streams.open >= streams.cap) {
    c.header("Retry-After", "5");
    return c.text("busy", 503);
  }
  const deps = c.get("deps");
  const { hub } = liveFor(deps);
  streams.open++;
  c.header("X-Accel-Buffering", "no");
  return streamSSE(c, async (stream) => {
    let lastSent = -1;
    let queue: (LiveEvent | "ping")[] = [];
    let writing = false;
    const pump = async () => {
      writing = true;
      try {
        for (let next = queue.shift(); next !== undefined && !stream.aborted; next = queue.shift()) {
          if (next === "ping") await stream.write(PING);
          else if (next.version >= lastSent) {
            lastSent = next.version;
            await stream.write(next.frame);
          }
        }
      } catch {
        // the client went away mid-write: onAbort ends the stream
      } finally {
        writing = false;
      }
    };
    const send = (e: LiveEvent | "ping") => {
      if (e !== "ping")
        // a whole state makes every unsent event stale; a count makes unsent counts stale
        queue = queue.filter((q) => q === "ping" || (e.event === "attendance" && q.event === "state"));
      queue.push(e);
      if (!writing) void pump();
    };
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((r) => {
      finish = r;
    });
    stream.onAbort(() => finish());
    const stop = hub.watch(dialogueId, send);
    const beat = setInterval(() => send("ping"), HEARTBEAT_MS);
    try {
      await finished;
    } finally {
      clearInterval(beat);
      stop();
      streams.open--;
    }
  });
}
