// Keeps one connection's extended-protocol batch together on the embedded database.
//
// pglite-socket 0.2.17 (the newest release) serves every connection from PGlite's single session
// and queues each protocol message on its own. It keeps a connection's messages together only
// while a transaction is open, so outside one, connection A's Parse/Bind/Execute can interleave
// with connection B's before A's Sync: B then reads A's rows or fails with `portal "" does not
// exist` (upstream issue electric-sql/pglite#1046, fix pending in PR #977). Measured here: 249 of
// 602 results went to the wrong client. With a shared pool that is a tenancy breach (R28).
//
// The fix replaces the queue's scheduler: a connection that sent P/B/D/E/C/H owns the queue until
// its Sync (or, in a transaction, until the transaction ends), and an error no longer leaves the
// queue stuck. It touches a private object of a pinned version, so it checks the shape it relies
// on and refuses to start if an upgrade changed it; tests/integration/db/embedded-socket.test.ts
// fails if the interleaving comes back. Remove this file once the upstream fix is released.
import type { PGlite } from "@electric-sql/pglite";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/** Parse, Bind, Describe, Execute, Close, Flush: answered only when the batch's Sync arrives. */
const EXTENDED_PROTOCOL_MESSAGES = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);

type QueuedMessage = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};

type QueryQueue = {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (handlerId: number) => void;
};

export function keepProtocolBatchesTogether(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue?: QueryQueue }).queryQueue;
  if (!queue || typeof queue.processQueue !== "function" || !Array.isArray(queue.queue)) {
    throw new Error(
      "@electric-sql/pglite-socket changed its internals: review lib/db/pglite-socket-batches.ts before upgrading.",
    );
  }
  let batchOwner: number | null = null;

  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = this.db.isInTransaction() && this.lastHandlerId !== null ? this.lastHandlerId : batchOwner;
        const index = owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === owner);
        // The owner's next message has not arrived yet: wait for it (its enqueue restarts us).
        if (index === -1) break;
        const [item] = this.queue.splice(index, 1) as [QueuedMessage];
        batchOwner = EXTENDED_PROTOCOL_MESSAGES.has(item.message[0] ?? 0) ? item.handlerId : null;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          item.reject(error);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }.bind(queue);

  const clearQueueForHandler = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    // A connection that vanished mid-batch must not hold the queue forever.
    if (batchOwner === handlerId) batchOwner = null;
    clearQueueForHandler(handlerId);
  };
}
