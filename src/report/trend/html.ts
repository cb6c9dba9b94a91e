// `servicegap trend --format html`: the report's page design (html-page.ts) for the vacuum over
// time: a headline, one small multiple per region (its vacuum per 100,000 year by year, with the
// year it opened and its peak, html-chart.ts; one shared scale), the same figures as a table,
// years not known, excluded regions, warnings, plausibility notices and Method and sources (the
// data's sources, the method and the run's provenance, SPEC §8). Text escaped throughout.
import type { TrendRegion, TrendReport } from '../../core/trend-schema.js';
import { textPieces } from '../byte-pieces.js';
import { COLOURS, regionName, swatch } from '../html-charts.js';
import { closingSections, htmlPage, type HtmlPageInput, htmlPageTexts, type HtmlSection, listSection, sourcesSection } from '../html-page.js';
import { formatPer100k, NULL_DISPLAY } from '../number-format.js';
import { escapeHtml as h } from '../safe-cell.js';
import type { TrendRenderContext, TrendRenderer } from './context.js';
import { trendNotReported, trendPanelTop, trendVacuumPanel } from './html-chart.js';

function headline(report: TrendReport, context: TrendRenderContext): string {
  const { ranked, opened, open } = context.summary;
  const lead =
    ranked === 0
      ? 'No region could be ranked.'
      : `A vacuum opened in ${opened} of ${ranked} ranked region${ranked === 1 ? '' : 's'}; ${open} ${open === 1 ? 'is' : 'are'} still open in ${report.to}.`;
  return (
    `<section id="headline" aria-label="Headline"><p class="lead">${h(lead)}</p>` +
    `<p>Each year compares with the baseline ${report.from}; regions ranked by <code>${h(report.sort)}</code> in ${report.to}; ` +
    `missing years: <code>--fill ${h(report.fill)}</code>.</p></section>`
  );
}

function panelsSection(report: TrendReport, context: TrendRenderContext): HtmlSection {
  const top = trendPanelTop(report.regions);
  const panel = (r: TrendRegion, i: number): string =>
    `<figure class="panel" data-region="${h(r.region)}"><h3><bdi>${h(regionName(r))}</bdi> <span class="code">${h(r.region)}</span></h3>` +
    trendVacuumPanel(r, report.from, report.to, top, `chart-trend-vacuum-${i + 1}`) +
    (trendNotReported(r) ? '<figcaption class="not-reported">no community data reported: counted as 0 on the user’s word</figcaption>' : '') +
    '</figure>';
  const shownOf = context.summary.ranked > report.regions.length ? ` Showing the top ${report.regions.length} of ${context.summary.ranked} ranked regions.` : '';
  const notReported = report.regions.some(trendNotReported);
  return {
    parts: (function* () {
      yield `<section id="trends" aria-labelledby="trends-title"><h2 id="trends-title">The vacuum year by year</h2>` +
        `<p>Vacuum per 100,000 residents in each year from ${report.from} to ${report.to}, against ${report.from}. ` +
        `All panels share one scale, 0 to ${top}.${h(shownOf)}</p>` +
        `<ul class="legend" aria-label="Legend"><li>${swatch('box', COLOURS.vacuum)}vacuum per 100,000</li>` +
        '<li>dashed rule: the year the vacuum opened</li><li>dot: its peak</li><li>a break in the line: a year not known</li>' +
        (notReported ? '<li>dotted line: no community data reported (counted as 0 on the user’s word, not measured)</li>' : '') +
        '</ul>' +
        '<div class="panels small">';
      for (let i = 0; i < report.regions.length; i++) yield panel(report.regions[i]!, i);
      yield '</div></section>';
    })(),
  };
}

function tableSection(report: TrendReport): string {
  const rows = report.regions.map((r) => {
    const final = r.years.find((y) => y.year === report.to)?.vacuum_per_100k ?? null;
    const cells = [
      String(r.rank),
      r.first_vacuum_year === null ? NULL_DISPLAY : String(r.first_vacuum_year),
      formatPer100k(r.peak_vacuum_per_100k),
      r.peak_year === null ? NULL_DISPLAY : String(r.peak_year),
      final === null ? NULL_DISPLAY : formatPer100k(final),
    ];
    return (
      `<tr data-region="${h(r.region)}"><td class="num">${h(cells[0]!)}</td><th scope="row"><bdi>${h(regionName(r))}</bdi><br><span class="code">${h(r.region)}</span></th>` +
      cells
        .slice(1)
        .map((c) => `<td class="num">${h(c)}</td>`)
        .join('') +
      `<td>${r.open ? 'yes' : 'no'}</td></tr>`
    );
  });
  return (
    `<section id="table" aria-labelledby="table-title"><h2 id="table-title">Ranked regions</h2>` +
    `<div class="table-wrap" role="region" aria-labelledby="table-title" tabindex="0"><table><thead><tr>` +
    `<th scope="col" class="num">Rank</th><th scope="col">Region</th><th scope="col" class="num">Opened</th><th scope="col" class="num">Peak per 100k</th>` +
    `<th scope="col" class="num">Peak year</th><th scope="col" class="num">${report.to} per 100k</th><th scope="col">Open in ${report.to}</th>` +
    `</tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`
  );
}

/** The trend's page (its panels and lists made as they are written). */
function trendPage(report: TrendReport, context: TrendRenderContext): HtmlPageInput {
  return {
    title: `Service vacuum over time, ${report.from}–${report.to}`,
    provenance: context.provenance,
    version: report.servicegap,
    sections: [
      headline(report, context),
      panelsSection(report, context),
      tableSection(report),
      listSection(
        'gaps',
        'Years not known',
        'Years in which a ranked region’s metrics could not be computed (the line breaks there):',
        report.regions.filter((r) => r.excluded_years.length > 0),
        (r) => `<bdi>${h(r.region)}</bdi>: ${h(r.excluded_years.map((g) => `${g.year} (${g.reason})`).join(', '))}`,
      ),
      ...closingSections(report),
      sourcesSection(
        context.provenance,
        `For each year T′ from ${report.from} to ${report.to}: the change in institutional beds from ${report.from} plus the change in community capacity in ` +
          'bed-equivalents is the net change; a net loss is the service vacuum, shown per 100,000 residents in T′. ' +
          'A region with no row in the services data is not ranked (missing is not zero), unless the run says its community capacity is zero.',
        report.provenance,
      ),
    ],
  };
}

export const renderTrendHtml: TrendRenderer = (report, context) => htmlPage(trendPage(report, context));

/** The trend's page as UTF-8 bytes in pieces, made as they are written (the command line's output). */
export function renderTrendHtmlPieces(report: TrendReport, context: TrendRenderContext): Iterable<Uint8Array> {
  return textPieces(htmlPageTexts(trendPage(report, context)));
}
