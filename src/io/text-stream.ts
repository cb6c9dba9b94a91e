// Bytes → text, with line ends made uniform. Every reader goes through here so that files from
// Windows (CRLF), old Macs (CR) and Unix (LF) give the same records and the same line numbers.

/** Decode UTF-8 (a BOM is dropped) and turn CRLF and lone CR into LF, chunk by chunk. */
export async function* decodeLines(bytes: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let pendingCR = false;
  let first = true;
  const normalise = (text: string): string => {
    // TextDecoder drops a byte-order mark from bytes; text given as a string may still carry one.
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (pendingCR) {
      text = '\r' + text;
      pendingCR = false;
    }
    // A CR at the very end may be the first half of a CRLF split across chunks.
    if (text.endsWith('\r')) {
      pendingCR = true;
      text = text.slice(0, -1);
    }
    return text.replace(/\r\n?/g, '\n');
  };
  for await (const chunk of bytes) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const out = normalise(text);
    if (out) yield out;
  }
  const tail = normalise(decoder.decode()) + (pendingCR ? '\n' : '');
  if (tail) yield tail;
}
