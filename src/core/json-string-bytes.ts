// A text as it is written inside a JSON string, held as its UTF-8 bytes: one character per byte
// (a "binary" string, every character below 256), which is written to a buffer as it is with
// Latin-1 (a copy, no encoding). A report of 5,000 regions has about 94,000 plausibility notices;
// their messages, made as text, hold a "→" and are then kept by V8 at two bytes a character, and
// JSON.stringify and the UTF-8 encoding each go over them once more: made as bytes, the notices'
// JSON takes a quarter less time, 195 → 145 ms (issue 18; plausibility.ts,
// report/warning-bytes.ts). Pure.

/** Printable ASCII but `"` and `\`: text that is its own JSON string content and its own UTF-8 bytes. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

const encoder = new TextEncoder();

/** Bytes as a string of one character per byte. */
function binary(bytes: Uint8Array): string {
  let out = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  // Stryker disable next-line EqualityOperator: a step at the end adds an empty slice, nothing
  for (let at = 0; at < bytes.length; at += 8192) out += String.fromCharCode(...bytes.subarray(at, at + 8192));
  return out;
}

let lastText: string | undefined;
let lastBytes = '';

/**
 * The characters of `JSON.stringify(text)` between its quotes, as UTF-8 bytes one per character.
 * (JSON.stringify writes a lone surrogate as an escape, so the text encoded is always well formed.)
 */
export function jsonStringBytes(text: string): string {
  // Stryker disable next-line ConditionalExpression: a shortcut; encoding such a text gives it back as it is
  if (PLAIN.test(text)) return text;
  // Notices come region by region: the same name many times running.
  // Stryker disable next-line ConditionalExpression: a cache; encoding the text again gives the same bytes
  if (text === lastText) return lastBytes;
  const bytes = binary(encoder.encode(JSON.stringify(text).slice(1, -1)));
  lastText = text;
  lastBytes = bytes;
  return bytes;
}
