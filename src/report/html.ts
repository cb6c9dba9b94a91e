// HTML: one self-contained file that opens offline in any browser and can be mailed as it is.
// Inline CSS (with a print style sheet), inline SVG charts drawn here (html-charts.ts), one tiny
// inline script that only makes the table sortable, and a Content-Security-Policy that forbids
// every network request (html-assets.ts), in the page shell the coverage and trend pages share
// (html-page.ts). No timestamps: the same report gives the same bytes.
//
// Sections: headline; ranked bar chart of vacuum per 100k; coverage against planning norms (a
// regions × norms heatmap, html-coverage.ts); per region, beds lost against community capacity
// added by category; per region, beds and community over the years (when the period has more
// than two years); the full ranked table (with the coverage index); the categories regions do not
// report; excluded regions; warnings; plausibility notices; the weights in force with their
// sources; "Method and sources": the data's own description, the method, and the run's
// provenance (SPEC §8: input files with SHA-256, config, options, norms). The per-region
// charts need RenderContext.details (core/breakdown.ts) and the heatmap RenderContext.coverage;
// without them they are left out, and the page says so. Every piece of text from the data goes
// through escapeHtml (safe-cell.ts); names sit in <bdi> so a right-to-left name cannot reorder
// the text around it.
import type { ReportDetails } from '../core/breakdown.js';
import { CATEGORY_CODES, type Category } from '../core/categories.js';
import { FLAG_CODES, type RankedRegion, type Report, type ReportRegion } from '../core/report-schema.js';
import { formatRankInterval, formatVacuumInterval, intervalSentence } from './interval-text.js';
import type { Weight } from '../core/weights.js';
import { SORT_SCRIPT } from './html-assets.js';
import { coverageSection } from './html-coverage.js';
import { closingSections, htmlPage, type HtmlPageInput, htmlPageTexts, type HtmlSection, listSection, NO_DATASET_DESCRIPTION, runProvenanceHtml, sourcesList } from './html-page.js';
import { textPieces } from './byte-pieces.js';
import { reportMapSection } from './map/section.js';
import {
  breakdownDomain,
  breakdownPanel,
  CATEGORY_COLOURS,
  categoryLabel,
  COLOURS,
  drawnCategories,
  regionName,
  swatch,
  trendPanel,
  vacuumBarChart,
} from './html-charts.js';
import {
  FLAG_DISPLAY,
  formatBeds,
  formatChange,
  formatPer100k,
  formatPercent,
  formatPopulation,
  formatRatio,
  NULL_DISPLAY,
} from './number-format.js';
import type { RenderContext, Renderer } from './render-context.js';
import { escapeHtml as h } from './safe-cell.js';
import { appendAll } from '../core/append-all.js';

/** A region's name (isolated, any direction) and its code. */
function nameHtml(r: Pick<RankedRegion, 'region' | 'name'>): string {
  const name = regionName(r);
  return name === r.region
    ? `<bdi>${h(r.region)}</bdi>`
    : `<bdi>${h(name)}</bdi> <span class="code">${h(r.region)}</span>`;
}

/** In the table: the name, and the code on a line of its own. */
function nameCellHtml(r: RankedRegion): string {
  const name = regionName(r);
  return name === r.region ? `<bdi>${h(r.region)}</bdi>` : `<bdi>${h(name)}</bdi><br><span class="code">${h(r.region)}</span>`;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

// ---------------------------------------------------------------------------------------------
// The ranked table.

interface Column {
  readonly head: string;
  readonly type: 'number' | 'text';
  /** The unrounded value the sorting script compares ("" = null). */
  readonly sort: (r: ReportRegion) => string;
  readonly cell: (r: ReportRegion) => string;
  readonly cls?: string;
}

const num = (value: number | null): string => (value === null ? '' : String(value));

function columns(report: Report): Column[] {
  const { from: B, to: T } = report;
  const n = (head: string, value: (r: ReportRegion) => number | null, show: (v: number | null) => string, cls = ''): Column => ({
    head,
    type: 'number',
    sort: (r) => num(value(r)),
    cell: (r) => h(show(value(r))),
    cls,
  });
  // The intervals (issue 16) after the vacuum per 100k, which they qualify; they sort by their p95.
  const interval = report.interval !== undefined;
  const rankInterval: Column[] = interval ? [{ head: 'Rank p5–p95', type: 'number', sort: (r) => num(r.rank_p95 ?? null), cell: (r) => h(formatRankInterval(r)) }] : [];
  const vacuumInterval: Column[] = interval
    ? [{ head: 'Per 100k p5–p95', type: 'number', sort: (r) => num(r.vacuum_per_100k_p95 ?? null), cell: (r) => h(formatVacuumInterval(r)) }]
    : [];
  return [
    n('Rank', (r) => r.rank, (v) => String(v)),
    { head: 'Region', type: 'text', sort: (r) => regionName(r), cell: nameCellHtml },
    n(`Population ${T}`, (r) => r.population, (v) => formatPopulation(v, true)),
    n(`Beds ${B}`, (r) => r.beds_from, formatBeds),
    n(`Beds ${T}`, (r) => r.beds_to, formatBeds),
    n('Bed change', (r) => r.bed_change, formatChange),
    n('Community change (bed-eq.)', (r) => r.community_change_be, formatChange),
    n('Net change (bed-eq.)', (r) => r.net_change_be, formatChange),
    n('Vacuum (bed-eq.)', (r) => r.vacuum_be, formatBeds),
    n('Vacuum per 100k', (r) => r.vacuum_per_100k, formatPer100k, 'vacuum'),
    ...vacuumInterval,
    ...rankInterval,
    // A soft hyphen: the 16 columns fit a 1024 px page when the long word may break.
    n('Replace\u00adment ratio', (r) => r.replacement_ratio, formatRatio),
    n(`Places per 100k ${B}`, (r) => r.capacity_per_100k_from, formatPer100k),
    n(`Places per 100k ${T}`, (r) => r.capacity_per_100k_to, formatPer100k),
    n('Rate drop per 100k', (r) => r.rate_drop_per_100k, formatPer100k),
    n('Coverage index', (r) => r.coverage_index, formatPercent),
    {
      head: 'Flags',
      type: 'text',
      sort: (r) => r.flags.join(' '),
      cls: 'flags',
      cell: (r) =>
        r.flags
          .map((f) => {
            const more = f === 'partial_community' ? ` (not reported: ${r.categories_not_reported.join(', ')})` : '';
            return `<abbr class="flag" title="${h(`${f}: ${FLAG_DISPLAY[f].meaning}${more}`)}">${h(FLAG_DISPLAY[f].short)}</abbr>`;
          })
          .join(' '),
    },
  ];
}

function rankedTable(report: Report): string {
  const cols = columns(report);
  const head = cols
    .map((c, i) => {
      const cls = c.type === 'number' ? ' class="num"' : '';
      // The table starts in rank order; rank sorts from 1 on a first click too.
      const sorted = i === 0 ? ' aria-sort="ascending" data-first="ascending"' : '';
      return `<th scope="col" data-type="${c.type}"${cls}${sorted}>${h(c.head)}</th>`;
    })
    .join('');
  const rows = report.regions.map((r) => {
    const cells = cols.map((c, i) => {
      const classes = [c.type === 'number' ? 'num' : '', c.cls ?? ''].filter(Boolean).join(' ');
      const tag = i === 1 ? 'th scope="row"' : 'td';
      const close = i === 1 ? 'th' : 'td';
      return `<${tag}${classes ? ` class="${classes}"` : ''} data-sort="${h(c.sort(r))}">${c.cell(r)}</${close}>`;
    });
    return `<tr data-rank="${r.rank}" data-region="${h(r.region)}">${cells.join('')}</tr>`;
  });
  return (
    `<p class="caption">In rank order (sorted by <code>${h(report.sort)}</code>, highest first). ` +
    `Per-100k values rounded to 1 decimal, ratios to 2; the coverage index against the planning norms at ${report.to} ` +
    `as a whole percentage (see <a href="#coverage">Coverage</a>); ${h(NULL_DISPLAY)} = not known. Flags: ` +
    FLAG_CODES.map((f) => `${h(FLAG_DISPLAY[f].short)} = <code>${h(f)}</code>`).join(', ') +
    ' (see <a href="#provenance">Data and method</a>). ' +
    (report.interval === undefined ? '' : `${h(intervalSentence(report.interval))} `) +
    `<span id="sort-hint" hidden>Click a column header to sort by it; click again to reverse.</span></p>` +
    `<div class="table-wrap" role="region" aria-labelledby="table-title" tabindex="0">` +
    `<table id="ranked-table" aria-labelledby="table-title">` +
    `<thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>` +
    `<p id="sort-status" class="visually-hidden" aria-live="polite"></p>`
  );
}

// ---------------------------------------------------------------------------------------------
// Sections.

function headline(report: Report, context: RenderContext): string {
  const { ranked, withVacuum, totalVacuumBe, largest } = context.summary;
  const period = `${report.from}–${report.to}`;
  const lead =
    ranked === 0
      ? 'No region could be ranked.'
      : withVacuum === 0
        ? `None of the ${plural(ranked, 'ranked region', 'ranked regions')} has a service vacuum: every closed bed was replaced.`
        : `${withVacuum} of ${plural(ranked, 'ranked region', 'ranked regions')} ${withVacuum === 1 ? 'has' : 'have'} a service vacuum: ` +
          `${formatBeds(totalVacuumBe)} bed-equivalents of care capacity lost between ${report.from} and ${report.to} and not replaced by community services.`;
  const figures = [
    ['Period', period],
    ['Regions with a vacuum', `${withVacuum} of ${ranked}`],
    ['Total vacuum', `${formatBeds(totalVacuumBe)} bed-eq.`],
  ];
  const out = [
    `<section id="headline" aria-label="Headline"><p class="lead">${h(lead)}</p>`,
    `<dl class="figures">${figures.map(([dt, dd]) => `<div><dt>${h(dt!)}</dt><dd>${h(dd!)}</dd></div>`).join('')}</dl>`,
  ];
  if (largest.length > 0) {
    out.push(
      `<p>Largest vacuum per 100,000 residents:</p><ol class="largest">` +
        largest
          .map(
            (r) =>
              `<li>${nameHtml(r)}: <strong>${h(formatPer100k(r.vacuum_per_100k))}</strong> per 100,000 ` +
              `(${h(formatBeds(r.vacuum_be))} bed-equivalents)</li>`,
          )
          .join('') +
        '</ol>',
    );
  }
  out.push('</section>');
  return out.join('');
}

function barSection(report: Report, context: RenderContext): string {
  const period = `${report.from}–${report.to}`;
  const title = `Service vacuum per 100,000 residents, ${period}, by region in rank order`;
  const top =
    context.summary.ranked > report.regions.length
      ? ` Showing the top ${report.regions.length} of ${context.summary.ranked} ranked regions.`
      : '';
  return (
    `<section id="ranking" aria-labelledby="ranking-title"><h2 id="ranking-title">Vacuum per 100,000 residents</h2>` +
    `<figure>${vacuumBarChart(report.regions, 'chart-vacuum', title)}` +
    `<figcaption>Bed-equivalents of care capacity lost and not replaced, per 100,000 residents in ${report.to}; ` +
    `one bar per ranked region, in rank order.${h(top)}</figcaption></figure></section>`
  );
}

function breakdownSection(report: Report, details: ReportDetails): HtmlSection {
  const period = `${report.from}–${report.to}`;
  const inputs = report.regions.map((region) => ({ region, categories: details.regions.get(region.region)?.categories ?? [] }));
  const domain = breakdownDomain(inputs);
  const used = new Set<Category>();
  for (const i of inputs) for (const c of drawnCategories(i.categories)) used.add(c.category);
  const legend = [
    `<li>${swatch('box', COLOURS.beds)}institutional beds</li>`,
    ...CATEGORY_CODES.filter((c) => used.has(c)).map((c) => `<li>${swatch('box', CATEGORY_COLOURS[c])}${h(categoryLabel(c))}</li>`),
    `<li>${swatch('box', COLOURS.vacuum)}net loss (vacuum)</li>`,
    `<li>${swatch('box', COLOURS.gain)}net gain (no vacuum)</li>`,
  ];
  const panel = ({ region, categories }: (typeof inputs)[number], i: number): string => {
    const drawn = drawnCategories(categories);
    const rest = categories.filter((c) => c.change_be === 0).map((c) => categoryLabel(c.category));
    // Not reported is not a measured 0 (SPEC §8): said in words, with a hollow dashed marker.
    const missing = region.flags.includes('no_community_data')
      ? '<span class="not-reported"><i class="dot hollow"></i>no community data reported: counted as 0 on the user’s word</span>'
      : region.categories_not_reported.length > 0
        ? `<span class="not-reported"><i class="dot hollow"></i>not reported: ${h(region.categories_not_reported.map(categoryLabel).join(', '))}</span>`
        : '';
    const parts =
      drawn
        .map(
          (c) =>
            `<span class="part"><i class="dot" style="background:${CATEGORY_COLOURS[c.category]}"></i>${h(categoryLabel(c.category))} ${h(formatChange(c.change_be))}</span>`,
        )
        .join('') +
      (rest.length > 0 ? `<span>no change in bed-equivalents: ${h(rest.join(', '))}</span>` : '') +
      missing;
    return (
      `<figure class="panel" data-region="${h(region.region)}"><h3>${nameHtml(region)}</h3>` +
      breakdownPanel({ region, categories }, domain, `chart-breakdown-${i + 1}`, period) +
      (parts ? `<p class="parts">${parts}</p>` : '') +
      '</figure>'
    );
  };
  return {
    parts: (function* () {
      yield `<section id="replacement" aria-labelledby="replacement-title"><h2 id="replacement-title">What replaced the closed beds</h2>` +
        `<p>For each region, ${report.from} to ${report.to}: the change in institutional psychiatric beds, the change in community ` +
        `capacity in bed-equivalents by service category (gains to the right, losses to the left), and the net change. ` +
        `A net loss is the service vacuum. All panels share one scale.</p>` +
        `<ul class="legend" aria-label="Legend">${legend.join('')}</ul>` +
        '<div class="panels">';
      for (let i = 0; i < inputs.length; i++) yield panel(inputs[i]!, i);
      yield '</div></section>';
    })(),
  };
}

function trendSection(report: Report, details: ReportDetails): HtmlSection {
  const panel = (region: RankedRegion, i: number): string => {
    const series = details.regions.get(region.region)?.series ?? [];
    return `<figure class="panel" data-region="${h(region.region)}"><h3>${nameHtml(region)}</h3>${trendPanel(region, series, `chart-trend-${i + 1}`)}</figure>`;
  };
  const anyBeds = report.regions.some((r) => details.regions.get(r.region)?.series.some((p) => p.beds !== null));
  const legend = [
    anyBeds ? `<li>${swatch('beds-line', COLOURS.beds)}institutional beds</li>` : '',
    `<li>${swatch('community-line', COLOURS.community)}community capacity (bed-equivalents)</li>`,
    `<li>${swatch('hollow', COLOURS.beds)}hollow marker: an earlier year’s figure carried forward</li>`,
    report.regions.some((r) => r.flags.includes('no_community_data'))
      ? `<li>${swatch('not-reported', COLOURS.community)}no community data reported (counted as 0 on the user’s word, not measured)</li>`
      : '',
  ];
  return {
    parts: (function* () {
      yield `<section id="trends" aria-labelledby="trends-title"><h2 id="trends-title">Beds and community capacity over time</h2>` +
        `<p>Each year from ${report.from} to ${report.to} that has data, valued by the same rule as the ranking. ` +
        `Each panel has its own vertical scale, starting at 0.` +
        (anyBeds ? '' : ' The beds data lists closures rather than a stock of beds, so only community capacity is drawn.') +
        `</p><ul class="legend" aria-label="Legend">${legend.filter(Boolean).join('')}</ul>` +
        '<div class="panels small">';
      for (let i = 0; i < report.regions.length; i++) yield panel(report.regions[i]!, i);
      yield '</div></section>';
    })(),
  };
}

function weightRows(weights: readonly Weight[]): string {
  return weights
    .map(
      (w) =>
        `<tr><td>${h(categoryLabel(w.category))}</td><td>${h(w.unit)}</td><td class="num">${h(String(w.value))}</td>` +
        `<td class="num">${h(w.low === w.high ? String(w.low) : `${w.low}–${w.high}`)}</td><td>${h(w.source)}</td>` +
        `<td>${w.assumption ? 'yes' : 'no'}</td><td>${w.origin === 'config' ? 'config file' : w.origin === 'option' ? 'option (--weights)' : 'default'}</td></tr>`,
    )
    .join('');
}

function weightTable(weights: readonly Weight[], caption: string): string {
  return (
    `<div class="table-wrap"><table class="weights"><caption>${h(caption)}</caption><thead><tr>` +
    `<th scope="col">Category</th><th scope="col">Unit</th><th scope="col" class="num">Bed-equivalents per unit</th>` +
    `<th scope="col" class="num">Plausible range</th><th scope="col">Basis and source</th><th scope="col">Assumption</th><th scope="col">Set by</th>` +
    `</tr></thead><tbody>${weightRows(weights)}</tbody></table></div>`
  );
}

function weightsSection(context: RenderContext): string {
  const all = [...context.weights.values()];
  const inData = context.details ? new Set(context.details.weightKeysInData) : undefined;
  const key = (w: Weight) => `${w.category}/${w.unit}`;
  const intro =
    '<p>Community services are counted in their own units and converted to bed-equivalents with these weights. ' +
    'Most are policy assumptions: no published conversion from community services to hospital beds exists.</p>';
  let body: string;
  if (inData === undefined) {
    body = weightTable(all, 'Weights in force.');
  } else {
    const used = all.filter((w) => inData.has(key(w)));
    const other = all.filter((w) => !inData.has(key(w)));
    body =
      weightTable(used, 'Weights of the services in this data.') +
      (other.length > 0
        ? `<details><summary>The other ${other.length} weights in force</summary>${weightTable(other, 'Weights in force that this data does not use.')}</details>`
        : '');
  }
  return `<section id="weights" aria-labelledby="weights-title"><h2 id="weights-title">Weights used</h2>${intro}${body}</section>`;
}

function provenanceSection(report: Report, context: RenderContext): string {
  const p = context.provenance;
  const out = [`<section id="provenance" aria-labelledby="provenance-title"><h2 id="provenance-title">Method and sources</h2>`];
  if (p?.title) out.push(`<p><strong>Dataset:</strong> ${h(p.title)}${p.illustrative ? ' (partly illustrative: see the notice at the top)' : ''}</p>`);
  out.push(sourcesList(p));
  if (!p) out.push(NO_DATASET_DESCRIPTION);
  out.push(
    `<p><strong>Method.</strong> For each region, between ${report.from} (B) and ${report.to} (T): the change in ` +
      'institutional psychiatric beds plus the change in community capacity, converted to bed-equivalents with the weights above, ' +
      'is the net change; a net loss is the <em>service vacuum</em> (care capacity lost and not replaced), shown per 100,000 ' +
      `residents in ${report.to}. A year with no figure takes the latest earlier one; a service that first appears after B counts 0 ` +
      'at B. A region whose beds or population are unknown is not ranked, and neither is a region with no row in the services data ' +
      '(missing is not zero), unless the run says its community capacity is zero.</p>',
  );
  out.push(
    `<p><strong>Flags:</strong> ${FLAG_CODES.map((f) => `<span class="flag">${h(f)}</span> ${h(FLAG_DISPLAY[f].meaning)}`).join('; ')}.</p>`,
  );
  out.push(runProvenanceHtml(report.provenance));
  out.push('</section>');
  return out.join('');
}

/** The report's page (its long sections made as they are written). */
function reportPage(report: Report, context: RenderContext): HtmlPageInput {
  const details = context.details;
  const sections: HtmlSection[] = [
    headline(report, context),
    barSection(report, context),
    reportMapSection(report, context.map),
    coverageSection(report, context.coverage, context.summary.ranked),
  ];
  if (details) {
    sections.push(breakdownSection(report, details));
    if (details.years.length > 2) sections.push(trendSection(report, details));
  } else {
    sections.push('<p class="caption">Per-region charts of what replaced the closed beds are not shown: the report was rendered without per-region details.</p>');
  }
  sections.push(
    `<section id="table" aria-labelledby="table-title"><h2 id="table-title">Ranked regions</h2>${rankedTable(report)}</section>`,
    listSection(
      'not-reported',
      'Categories not reported',
      'Other regions report these service categories; these regions have no row for them, so they count 0 there (flag partial_community):',
      report.regions.filter((r) => r.categories_not_reported.length > 0),
      (r) => `${nameHtml(r)}: ${h(r.categories_not_reported.map(categoryLabel).join(', '))}`,
    ),
  );
  appendAll(sections, closingSections(report, 'Not ranked, because a number the vacuum needs is unknown:'));
  sections.push(weightsSection(context), provenanceSection(report, context));
  return {
    title: `Service vacuum ${report.from}–${report.to}`,
    provenance: context.provenance,
    version: report.servicegap,
    sections,
    scripts: [SORT_SCRIPT],
  };
}

export const renderHtml: Renderer = (report, context) => htmlPage(reportPage(report, context));

/** The report's page as UTF-8 bytes in pieces, made as they are written (the command line's output). */
export function renderHtmlPieces(report: Report, context: RenderContext): Iterable<Uint8Array> {
  return textPieces(htmlPageTexts(reportPage(report, context)));
}
