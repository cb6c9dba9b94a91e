// Buffers nothing will read again, their memory given back at once (issue 18, memory). An
// ArrayBuffer's memory is outside V8's heap and is freed only when a full collection finds the
// buffer unreferenced; a large file's reading leaves its pieces', copies' and rows' buffers (on
// 4.95 M rows, 15–20 MB) to the next one, which may come only after a report's peak. JavaScript
// has no way to free a buffer (ArrayBuffer.prototype.transfer came with Node 21); transferring
// it into a message channel that is then closed does the same: the buffer is detached here and
// the closed port drops the message that owns its memory.
//
// Only where buffers are transferred anyway (the reading on worker threads): V8 keeps code that
// reads typed arrays fast while no buffer has ever been detached, and the first detach in a
// process throws that code away (measured: a report read on one thread was 3 % slower with its
// buffers discarded so).
import { MessageChannel } from 'node:worker_threads';

/**
 * Give back the memory of `buffers` now; each is detached (byteLength 0) from here on. A buffer
 * Node will not transfer (a slice of its shared pool) is left whole: Node 20 leaves it out of the
 * transfer, later versions throw, and then all are left to the collector — never a failed run.
 */
export function discardBuffers(buffers: readonly ArrayBuffer[]): void {
  if (buffers.length === 0) return;
  const { port1, port2 } = new MessageChannel();
  try {
    port1.postMessage(null, buffers as ArrayBuffer[]);
  } catch {
    // Left to the next full collection.
  } finally {
    port1.close();
    port2.close();
  }
}
