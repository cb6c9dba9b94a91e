// A progress bar on standard error while a large input file is read: bytes read, rows per second
// and the time left. Only on a terminal, only for files over PROGRESS_MIN_BYTES, never with
// --quiet, never in CI (CI set: a job's log is kept, and a pty some runners give is no reader):
// everything else that reads standard error (CI logs, pipes, tests) sees nothing.
import { oneLineText, type ReadProgress } from '../app/vocabulary.js';
import { inCi } from './demo-data.js';
import type { Terminal } from './terminal.js';

/** Files smaller than this are read too fast for a bar to help. */
export const PROGRESS_MIN_BYTES = 50 * 1024 * 1024;

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** "253 MB", "1.2 GB", "512 B" (powers of 1,000, as file managers show sizes). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 || value >= 100 ? Math.round(value) : value.toFixed(1)} ${UNITS[unit]}`;
}

/** "850", "12.3k", "1.2M". */
export function formatCount(n: number): string {
  if (n < 1000) return String(Math.round(n));
  if (n < 1e6) return `${(n / 1e3).toFixed(n < 1e4 ? 1 : 0)}k`;
  return `${(n / 1e6).toFixed(n < 1e7 ? 2 : 1)}M`;
}

/** "45s", "3m05s", "1h02m". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** One line of the bar, at most `width` characters: name, bar, percent, bytes, rows/s, ETA. */
export function formatProgress(p: ReadProgress, elapsedMs: number, width = 80): string {
  const total = p.totalBytes ?? 0;
  const fraction = total > 0 ? Math.min(1, p.bytesRead / total) : 0;
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? p.rows / seconds : 0;
  const eta = fraction > 0 && fraction < 1 ? formatDuration((seconds / fraction) * (1 - fraction)) : fraction >= 1 ? '0s' : '?';
  const right =
    ` ${String(Math.floor(fraction * 100)).padStart(3)}% ${formatBytes(p.bytesRead)}/${formatBytes(total)}` +
    ` ${formatCount(rate)} rows/s ETA ${eta}`;
  // The numbers first; then the file's name (its end, if need be) and a bar, as room allows.
  const room = width - right.length - 1;
  const file = oneLineText(p.file);
  const nameWidth = Math.min(file.length, Math.max(0, Math.min(24, room - 8)));
  const name = nameWidth === file.length ? file : nameWidth > 1 ? `…${file.slice(-(nameWidth - 1))}` : '';
  const barWidth = Math.max(0, room - name.length - 3);
  const filled = Math.round(fraction * barWidth);
  const bar = barWidth >= 5 ? `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]` : '';
  return `${[name, bar].filter(Boolean).join(' ')}${right}`.slice(0, width);
}

/** The progress callback for loadDataset, or undefined when no bar should be shown. */
export function progressBar(terminal: Terminal, quiet: boolean | undefined, now: () => number = Date.now) {
  const stderr = terminal.stderr as Terminal['stderr'] & { columns?: number };
  if (quiet || stderr.isTTY !== true || inCi(terminal.env)) return undefined;
  let started = 0;
  let drawn = 0;
  let current = '';
  return (p: ReadProgress): void => {
    if (p.totalBytes === undefined || p.totalBytes < PROGRESS_MIN_BYTES) return;
    const t = now();
    if (p.file !== current) {
      current = p.file;
      started = t;
      drawn = 0;
    }
    if (!p.done && t - drawn < 100) return; // ten times a second is enough
    drawn = t;
    // A terminal that does not say its width (columns 0 or unset) gets 80 columns.
    const width = (stderr.columns !== undefined && stderr.columns > 0 ? stderr.columns : 80) - 1;
    stderr.write(`\r${formatProgress(p, t - started, width)}\u001b[K`);
    if (p.done) stderr.write('\r\u001b[K');
  };
}
