/**
 * A replacement for pglite-socket's query scheduler (0.2.17), which interleaves the messages of concurrent
 * connections: PGlite is one backend session, and its queue pinned a connection only while an SQL transaction
 * was open — not for the length of an extended-protocol batch (Parse/Bind/Execute … Sync), whose unnamed
 * statement and portal live until Sync. Two pooled connections querying at once then corrupt each other's
 * batch, and the first internal error left the queue "processing" for ever: the embedded app hung under a
 * few concurrent submissions (electric-sql/pglite#1046, open). This scheduler keeps a connection's batch and
 * its transaction together and always releases the queue.
 */

type Item = {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (err: unknown) => void;
  onData: (data: Uint8Array) => void;
};

/** The parts of PGlite the scheduler uses. */
export type ProtocolDb = {
  isInTransaction(): boolean;
  runExclusive<T>(fn: () => Promise<T>): Promise<T>;
  execProtocolRawStream(
    message: Uint8Array,
    opts: { onRawData: (data: Uint8Array) => void },
  ): Promise<unknown>;
};

/** The shape of pglite-socket's queue object, whose methods this replaces in place. */
export type QueueLike = {
  queue: Item[];
  processing: boolean;
  lastHandlerId: number | null;
  db: ProtocolDb;
  processQueue: () => Promise<void>;
  clearTransactionIfNeeded: (handlerId: number) => Promise<void>;
};

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'

/** Whether a frontend message leaves its connection in the middle of an extended-protocol batch. */
export function opensBatch(message: Uint8Array): boolean {
  const type = message[0];
  // A startup packet begins with its length (first byte 0); simple queries, Sync and Terminate end a batch.
  return !(type === undefined || type === 0 || type === SYNC || type === QUERY || type === TERMINATE);
}

export function installBatchAwareQueue(q: QueueLike): void {
  let midBatch = false;
  q.processQueue = async function processQueue(this: QueueLike): Promise<void> {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = midBatch || this.db.isInTransaction() ? this.lastHandlerId : null;
        const index = owner === null ? 0 : this.queue.findIndex((i) => i.handlerId === owner);
        // The owner's next message has not arrived yet: the others wait; its enqueue restarts the loop.
        if (index === -1) break;
        const [item] = this.queue.splice(index, 1);
        if (!item) break;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (err) {
          // The connection's batch is over (the backend discards until Sync anyway); the queue goes on.
          midBatch = false;
          this.lastHandlerId = item.handlerId;
          item.reject(err);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        midBatch = opensBatch(item.message);
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
  const clear = q.clearTransactionIfNeeded.bind(q);
  q.clearTransactionIfNeeded = async function clearTransactionIfNeeded(
    this: QueueLike,
    handlerId: number,
  ): Promise<void> {
    // A connection that went away mid-batch must not keep the others waiting for its Sync.
    if (this.lastHandlerId === handlerId) midBatch = false;
    await clear(handlerId);
    await this.processQueue();
  };
}
