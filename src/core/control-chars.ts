// The one sanitiser for untrusted text (region names and codes, service names, file names,
// notices, messages) on its way to a terminal, a Markdown file or a message on standard error.
// Pure; no IO.
//
// Neutralised:
// - C0 controls (U+0000–U+001F) but tab and line feed, DEL (U+007F) and C1 controls
//   (U+0080–U+009F): ESC starts the terminal's escape sequences (colours, cursor moves, window
//   titles, OSC 8 links), BEL rings, CR returns to the start of the line and lets a value print
//   over what came before it, and U+009B is a one-character ESC [ in terminals that honour C1.
// - The bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069):
//   they reorder the text that follows them, so a name could make a line read differently from
//   what it holds (the "Trojan Source" characters, CVE-2021-42574). The plain direction marks
//   (U+200E LRM, U+200F RLM, U+061C ALM) stay: they only settle neutral characters next to them,
//   and Arabic and Hebrew names hold them legitimately.
//
// Each becomes U+FFFD (�): visibly something, one character wide, and not an instruction to
// anything. quoteValue() in messages shows the same characters as \u escapes instead, so the
// reader learns which one it was.

/** Every character neutralised, tab and line feed excepted. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_TEST = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Text with every unsafe control (see the file comment) replaced by U+FFFD; tabs and line feeds kept. */
export function neutralizeControls(text: string): string {
  return UNSAFE_TEST.test(text) ? text.replace(UNSAFE, '\ufffd') : text;
}

/** Text for one line (a table cell, a Markdown cell): line breaks and tabs → space, then neutralised. */
export function oneLineText(text: string): string {
  return neutralizeControls(text.replace(/\r\n|[\r\n\t]/g, ' '));
}

/**
 * Characters that take no space and show nothing, and have no part in a name: zero-width space,
 * word joiner and the invisible operators, byte-order mark, soft hyphen, Mongolian vowel separator.
 * A value quoted in a message shows them as \u escapes (escapeInvisible), so that "2" followed by
 * a zero-width space is not quoted as "2". The zero-width (non-)joiners U+200C and U+200D stay as
 * they are: Persian, Indic scripts and emoji sequences hold them, and they change how the
 * letters around them are drawn.
 */
const INVISIBLE = /[\u00ad\u180e\u200b\u2060-\u2064\ufeff]/g;

/** Text with every invisible character (INVISIBLE) written as a \u escape: for quoting a value in a message. */
export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text with every unsafe control, tab and line feed written as a \u escape: for quoting a value in a message. */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
