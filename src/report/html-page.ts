// The page shell every HTML page is built with (the report, html.ts; coverage; trend): the same
// head (Content-Security-Policy that forbids every request, style sheet, viewport, no
// timestamp), header with the dataset's title and notice, footer, and the page's inline scripts;
// plus the closing lists every page has (excluded regions, warnings, plausibility notices, the
// data's sources and the run's provenance: SPEC §8 "Method and sources"). Every text is escaped.
import type { Provenance } from '../core/dataset.js';
import { formatWarning, type Warning } from '../core/issues.js';
import type { RunProvenance } from '../core/provenance-schema.js';
import { CONTENT_SECURITY_POLICY, STYLE } from './html-assets.js';
import { methodHtml } from './method-sources.js';
import { escapeHtml as h } from './safe-cell.js';

export interface HtmlPageInput {
  readonly title: string;
  readonly provenance?: Provenance | undefined;
  /** servicegap's version, for the generator tag and the footer. */
  readonly version: string;
  /** The sections of <main>, in order ('' = left out). */
  readonly sections: readonly HtmlSection[];
  /**
   * Inline scripts at the end of <body> (the report's sortable table). Each must have its hash in
   * the Content-Security-Policy (html-assets.ts), or the browser does not run it.
   */
  readonly scripts?: readonly string[] | undefined;
}

/**
 * A section of a page: its HTML, or its parts, made one at a time as they are written (a panel per
 * region, a list item per notice: a report's page of 5,000 regions is 127 MB, which held whole and
 * joined took the run to 1.1 GB; issue 18). Its text is its parts joined, with nothing between.
 */
export type HtmlSection = string | { readonly parts: Iterable<string> };

/** A whole self-contained page. */
export function htmlPage(page: HtmlPageInput): string {
  return [...htmlPageTexts(page)].join('');
}

/** The page's text in order, a section's parts as they are made (htmlPage joins them). */
export function* htmlPageTexts(page: HtmlPageInput): Generator<string> {
  const notice = page.provenance?.notice?.trim();
  const body: HtmlSection[] = [
    `<header><h1>${h(page.title)}</h1>`,
    page.provenance?.title ? `<p class="subtitle">${h(page.provenance.title)}</p>` : '',
    notice ? `<p class="notice" role="note">${h(notice)}</p>` : '',
    '</header><main>',
    ...page.sections,
    '</main>',
    `<footer>Made with servicegap ${h(page.version)}. This file is self-contained: it loads nothing from the network.</footer>`,
  ];
  yield '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${h(CONTENT_SECURITY_POLICY)}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<meta name="generator" content="servicegap ${h(page.version)}">\n` +
    `<title>${h(page.title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n`;
  let first = true;
  for (const section of body) {
    if (section === '') continue;
    if (!first) yield '\n';
    first = false;
    if (typeof section === 'string') yield section;
    else yield* section.parts;
  }
  yield (page.scripts ?? []).map((script) => `\n<script>${script}</script>`).join('') + '\n</body>\n</html>\n';
}

/** A section with a heading and a list ('' when the list is empty): each item's HTML made by
 * `item` as it is written. */
export function listSection<T>(id: string, title: string, intro: string, items: readonly T[], item: (t: T) => string): HtmlSection {
  if (items.length === 0) return '';
  return {
    parts: (function* () {
      yield `<section id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${h(title)}</h2>` + (intro ? `<p>${h(intro)}</p>` : '') + '<ul>';
      for (const i of items) yield `<li>${item(i)}</li>`;
      yield '</ul></section>';
    })(),
  };
}

/**
 * Excluded regions, warnings and plausibility notices (SPEC §8: apart, they change no number), as
 * every page ends; `excludedIntro` says why a region is not ranked.
 */
export function closingSections(
  report: { readonly excluded: readonly { region: string; reason: string }[]; readonly warnings: readonly Warning[] },
  excludedIntro = 'Not ranked, because a number they need is unknown:',
): HtmlSection[] {
  return [
    listSection('excluded', 'Excluded regions', excludedIntro, report.excluded, (e) => `<bdi>${h(e.region)}</bdi>: ${h(e.reason)}`),
    listSection('warnings', 'Warnings', '', report.warnings.filter((w) => w.kind !== 'plausibility'), (w) => h(formatWarning(w))),
    listSection(
      'notices',
      'Plausibility notices',
      'Numbers that are computed as specified but may not mean what they seem. They change no number.',
      report.warnings.filter((w) => w.kind === 'plausibility'),
      (w) => h(formatWarning(w)),
    ),
  ];
}

const WEB_URL = /^https?:\/\/[^\s"'<>]+$/i;

/** The dataset's sources (name, what it was used for, licence, link), or '' when it lists none. */
export function sourcesList(provenance: Provenance | undefined): string {
  const sources = provenance?.sources ?? [];
  if (sources.length === 0) return '';
  const items = sources.map((s) => {
    const bits = [`<strong>${h(s.name)}</strong>`];
    if (s.used_for) bits.push(`used for: ${h(s.used_for)}`);
    if (s.licence) bits.push(`licence: ${h(s.licence)}`);
    if (s.url) bits.push(WEB_URL.test(s.url) ? `<a href="${h(s.url)}" rel="noreferrer noopener">${h(s.url)}</a>` : h(s.url));
    return `<li>${bits.join('. ')}</li>`;
  });
  return `<p><strong>Sources:</strong></p><ul class="sources">${items.join('')}</ul>`;
}

/** The text said where a data folder has no dataset.json. */
export const NO_DATASET_DESCRIPTION = '<p>The data folder has no dataset.json describing its sources.</p>';

/** The run's provenance (SPEC §8: input files with SHA-256, config, options, norms), under its own heading. */
export function runProvenanceHtml(run: RunProvenance): string {
  return `<h3>This report</h3>${methodHtml(run)}`;
}

/** "Method and sources" (SPEC §8): the dataset's sources, the method, and the run's provenance. */
export function sourcesSection(provenance: Provenance | undefined, method: string, run: RunProvenance): string {
  return (
    `<section id="provenance" aria-labelledby="provenance-title"><h2 id="provenance-title">Method and sources</h2>` +
    (sourcesList(provenance) || NO_DATASET_DESCRIPTION) +
    `<p><strong>Method.</strong> ${h(method)}</p>${runProvenanceHtml(run)}</section>`
  );
}
