// Writing a report so that it is never half-written: the text goes to a temporary file in the
// same folder (same file system, so rename is atomic), which then replaces the target.
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FileAccessError } from './errors.js';

/** Write a file atomically: to a temporary file in the same folder, then rename it over the target. */
export async function writeFileAtomic(path: string, content: string | Uint8Array | Iterable<string | Uint8Array>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      if (typeof content === 'string' || content instanceof Uint8Array) await handle.writeFile(content);
      // A large output (every sensitivity draw) comes in pieces and is never held whole.
      // writeFile on a handle writes from the current position to the end, whole (it loops over short writes).
      else for (const piece of content) await handle.writeFile(piece);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw new FileAccessError(path, 'write', error);
  }
}
