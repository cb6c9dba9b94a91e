// `servicegap coverage --format html`: the report's page design (report/html-page.ts) for coverage
// against the planning norms at T (SPEC §7): a headline, the coverage index on a map (when the
// regions have shapes), the regions × norms heatmap with the norms and their sources
// (report/html-coverage.ts, as in the report), what each region lacks to reach each norm's low end in
// the norm's own unit, then excluded regions, warnings, plausibility notices and Method and sources
// (the data's sources, the method and the run's provenance, SPEC §8).
import { coverageHeatmap } from '../../core/coverage-band.js';
import type { CoverageReport } from '../../core/coverage-schema.js';
import { summarizeCoverage } from '../../core/coverage-summary.js';
import type { NormTable } from '../../core/norms.js';
import { regionName } from '../html-charts.js';
import { coverageSection } from '../html-coverage.js';
import { textPieces } from '../byte-pieces.js';
import { closingSections, htmlPage, type HtmlPageInput, htmlPageTexts, sourcesSection } from '../html-page.js';
import { coverageMapSection } from '../map/section.js';
import { formatGap, formatPercent, NULL_DISPLAY } from '../number-format.js';
import { escapeHtml as h } from '../safe-cell.js';
import type { CoverageRenderContext, CoverageRenderer } from './context.js';

function headline(report: CoverageReport): string {
  const { ranked, under } = summarizeCoverage(report);
  const lead =
    ranked === 0
      ? 'No region could be ranked.'
      : `${under} of ${ranked} ranked region${ranked === 1 ? '' : 's'} ${under === 1 ? 'is' : 'are'} under the low end of at least one planning norm at ${report.to}.`;
  const lowest = report.regions.slice(0, 3);
  return (
    `<section id="headline" aria-label="Headline"><p class="lead">${h(lead)}</p>` +
    (lowest.length === 0
      ? ''
      : `<p>Least covered (coverage index):</p><ol class="largest">${lowest
          .map((r) => `<li><bdi>${h(regionName(r))}</bdi> <span class="code">${h(r.region)}</span>: <strong>${h(formatPercent(r.coverage_index))}</strong></li>`)
          .join('')}</ol>`) +
    '</section>'
  );
}

function gapsSection(report: CoverageReport, norms: NormTable): string {
  const names = norms.map((n) => n.norm);
  for (const r of report.regions) for (const n of r.norms) if (!names.includes(n.norm)) names.push(n.norm);
  if (names.length === 0 || report.regions.length === 0) return '';
  const unit = (norm: string) => norms.find((n) => n.norm === norm)?.unitLabel ?? '';
  const rows = report.regions.map((r) => {
    const cells = names.map((name) => {
      const n = r.norms.find((x) => x.norm === name);
      const text = n === undefined || n.gap === null ? NULL_DISPLAY : n.gap > 0 ? formatGap(n.gap, unit(name)) : 'none';
      return `<td class="num">${h(text)}</td>`;
    });
    return `<tr data-region="${h(r.region)}"><th scope="row"><bdi>${h(regionName(r))}</bdi> <span class="code">${h(r.region)}</span></th>${cells.join('')}</tr>`;
  });
  return (
    `<section id="gaps" aria-labelledby="gaps-title"><h2 id="gaps-title">What is missing to reach each norm</h2>` +
    `<p>Per region, what it lacks at ${report.to} to reach the low end of each norm, in the norm’s own unit and for its own population; “none” when it is at or above it.</p>` +
    `<div class="table-wrap" role="region" aria-labelledby="gaps-title" tabindex="0"><table><thead><tr><th scope="col">Region</th>` +
    names.map((n) => `<th scope="col" class="num"><code>${h(n)}</code></th>`).join('') +
    `</tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`
  );
}

/** The coverage's page (its lists made as they are written). */
function coveragePage(report: CoverageReport, context: CoverageRenderContext): HtmlPageInput {
  return {
    title: `Coverage against planning norms, ${report.to}`,
    provenance: context.provenance,
    version: report.servicegap,
    sections: [
      headline(report),
      coverageMapSection(report, context.map),
      coverageSection(report, { heatmap: coverageHeatmap(report), norms: context.norms }, report.regions.length),
      gapsSection(report, context.norms),
      ...closingSections(report),
      sourcesSection(
        context.provenance,
        `Each region’s capacity at ${report.to} per 100,000 residents, divided by the low end of each norm’s range, is its coverage of that norm; ` +
          'the coverage index is the mean over the known norms of coverage capped at 100%. A year with no figure takes the latest earlier one. ' +
          'A region with no row in the services data is not ranked (missing is not zero), unless the run says its community capacity is zero; ' +
          'a norm that no row of the data measures is unknown for every region, not 0.',
        report.provenance,
      ),
    ],
  };
}

export const renderCoverageHtml: CoverageRenderer = (report, context) => htmlPage(coveragePage(report, context));

/** The coverage's page as UTF-8 bytes in pieces, made as they are written (the command line's output). */
export function renderCoverageHtmlPieces(report: CoverageReport, context: CoverageRenderContext): Iterable<Uint8Array> {
  return textPieces(htmlPageTexts(coveragePage(report, context)));
}
