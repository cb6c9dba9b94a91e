// "Method and sources" (SPEC §8): the provenance of an output, for people. Markdown and HTML end
// with it: the input files with their SHA-256, rows and how they were read, the config file, the
// options in force, every weight and norm with its range, source and who set it. The terminal
// table ends with one line (core/run-provenance.ts provenanceLine). The same facts as the JSON's
// `provenance`; text from files and the config is escaped for its format.
import type { RunProvenance } from '../core/provenance-schema.js';
import { formatNormRange } from './number-format.js';
import { escapeHtml as h, escapeMarkdown as md } from './safe-cell.js';

const SET_BY_TEXT = { default: 'default', config: 'config', option: 'option' } as const;

/** "UTF-8", "Windows-1252": how an encoding code reads in a sentence. */
function encodingName(encoding: string | null): string {
  switch (encoding) {
    case 'utf8':
      return 'UTF-8';
    case 'utf16le':
      return 'UTF-16 LE';
    case 'utf16be':
      return 'UTF-16 BE';
    case 'windows-1252':
      return 'Windows-1252';
    case 'text':
      return 'text';
    case null:
      return '–';
    default:
      return encoding;
  }
}

function delimiterName(delimiter: string | null): string {
  return delimiter === null ? '–' : delimiter === '\t' ? 'tab' : `"${delimiter}"`;
}

function decimalName(decimal: string | null, thousands: string | null): string {
  const mark = decimal === '.' ? 'point' : decimal === ',' ? 'comma' : decimal === 'auto' ? 'point or comma' : '–';
  return thousands === null || thousands === 'none' ? mark : `${mark}, thousands "${thousands === 'space' ? ' ' : thousands}"`;
}

/** A weight's range as a table shows it: one number when low = high. */
function range(low: number, high: number): string {
  return low === high ? String(low) : `${low}–${high}`;
}

/** "from 2000, to 2002, sort vacuum_per_100k, …": the options in force, in a line. */
export function describeOptions(options: RunProvenance['options']): string {
  const parts = Object.entries(options).map(([k, v]) => `${k} ${v === null ? '–' : String(v)}`);
  return parts.length === 0 ? 'none' : parts.join(', ');
}

const mdRow = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
const mdAlign = (right: readonly boolean[]) => mdRow(right.map((r) => (r ? '---:' : '---')));

/**
 * The Markdown blocks of "Method and sources". `heading` is the section's heading (default
 * "## Method and sources"; a comparison gives one per side).
 */
export function methodMarkdown(p: RunProvenance, heading = '## Method and sources'): string[] {
  const blocks: string[] = [heading];
  blocks.push(
    `Made with servicegap ${md(p.servicegap)}. ` +
      (p.config === null ? 'No config file: the weights and norms are the defaults, unless an option set them.' : `Config: \`${md(p.config.path)}\` (SHA-256 \`${p.config.sha256}\`).`) +
      ` Options: ${md(describeOptions(p.options))}.`,
  );
  if (p.inputs.length > 0) {
    blocks.push(
      [
        mdRow(['Input', 'File', 'Rows', 'Encoding', 'Delimiter', 'Numbers', 'SHA-256']),
        mdAlign([false, false, true, false, false, false, false]),
        ...p.inputs.map((i) =>
          mdRow([i.role, md(i.path), String(i.rows), encodingName(i.encoding), md(delimiterName(i.delimiter)), md(decimalName(i.decimal, i.thousands)), `\`${i.sha256}\``]),
        ),
      ].join('\n'),
    );
  }
  blocks.push(
    [
      mdRow(['Weight (category / unit)', 'Bed-eq. per unit', 'Range', 'Set by', 'Source']),
      mdAlign([false, true, true, false, false]),
      ...p.weights.map((w) => mdRow([`${w.category} / ${w.unit}`, String(w.value), range(w.low, w.high), SET_BY_TEXT[w.set_by], md(w.source)])),
    ].join('\n'),
  );
  if (p.norms.length > 0) {
    blocks.push(
      [
        mdRow(['Norm', 'Measured as', 'Per 100k', 'Set by', 'Source']),
        mdAlign([false, false, true, false, false]),
        ...p.norms.map((n) => mdRow([md(n.norm), md(n.measure), formatNormRange(n.low, n.high), SET_BY_TEXT[n.set_by], md(n.source)])),
      ].join('\n'),
    );
  }
  return blocks;
}

/** The HTML of "Method and sources": the same facts as methodMarkdown, as a definition list and tables. */
export function methodHtml(p: RunProvenance): string {
  const out: string[] = [];
  out.push(
    '<dl class="method">' +
      `<div><dt>Made with</dt><dd>servicegap ${h(p.servicegap)}</dd></div>` +
      `<div><dt>Config</dt><dd>${p.config === null ? 'none: the defaults, unless an option set them' : `<code>${h(p.config.path)}</code> (SHA-256 <code class="hash">${h(p.config.sha256)}</code>)`}</dd></div>` +
      `<div><dt>Options</dt><dd>${h(describeOptions(p.options))}</dd></div>` +
      '</dl>',
  );
  if (p.inputs.length > 0) {
    out.push(
      '<div class="table-wrap"><table class="inputs"><caption>Input files, as read.</caption><thead><tr>' +
        '<th scope="col">Input</th><th scope="col">File</th><th scope="col" class="num">Rows</th><th scope="col">Encoding</th>' +
        '<th scope="col">Delimiter</th><th scope="col">Numbers</th><th scope="col">SHA-256</th></tr></thead><tbody>' +
        p.inputs
          .map(
            (i) =>
              `<tr><td>${h(i.role)}</td><td><code>${h(i.path)}</code></td><td class="num">${h(String(i.rows))}</td><td>${h(encodingName(i.encoding))}</td>` +
              `<td>${h(delimiterName(i.delimiter))}</td><td>${h(decimalName(i.decimal, i.thousands))}</td><td><code class="hash">${h(i.sha256)}</code></td></tr>`,
          )
          .join('') +
        '</tbody></table></div>',
    );
  }
  if (p.norms.length > 0) {
    out.push(
      '<div class="table-wrap"><table class="norms-used"><caption>Planning norms in force, per 100,000 population.</caption><thead><tr>' +
        '<th scope="col">Norm</th><th scope="col">Measured as</th><th scope="col" class="num">Per 100k</th><th scope="col">Set by</th><th scope="col">Source</th>' +
        '</tr></thead><tbody>' +
        p.norms
          .map(
            (n) =>
              `<tr><td><code>${h(n.norm)}</code></td><td>${h(n.measure)}</td><td class="num">${h(formatNormRange(n.low, n.high))}</td>` +
              `<td>${SET_BY_TEXT[n.set_by]}</td><td>${h(n.source)}</td></tr>`,
          )
          .join('') +
        '</tbody></table></div>',
    );
  }
  return out.join('');
}
