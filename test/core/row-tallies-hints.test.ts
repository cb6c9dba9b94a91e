// RowTallies.report (src/core/row-tallies.ts): "did you mean" hints are worked out only for issues
// that will be shown (the file's issues are not yet at their cap), as its doc comment promises:
// 20,000 unknown codes in a capped file must not each cost an edit-distance search. Warnings
// (unmapped names with --allow-unmapped) are never capped, so they always carry their hint.
import { describe, expect, it } from 'vitest';
import type { InputIssue, Warning } from '../../src/core/issues.js';
import { RowTallies } from '../../src/core/row-tallies.js';
import { buildTaxonomy, type Taxonomy } from '../../src/core/taxonomy.js';

/** The built-in taxonomy, counting how often a hint is asked of it. */
function countingTaxonomy(): { taxonomy: Taxonomy; asked: () => number } {
  const real = buildTaxonomy();
  let asked = 0;
  const taxonomy: Taxonomy = {
    lookup: (name) => real.lookup(name),
    match: (name) => real.match(name),
    ambiguous: (name) => (asked++, real.ambiguous(name)),
    suggest: (name) => (asked++, real.suggest(name)),
    entries: real.entries,
  };
  return { taxonomy, asked: () => asked };
}

/** A region code typo and a service name typo on lines 2 and 4 of services.csv, reported. */
function report(shown: boolean, allowUnmapped: boolean) {
  const tallies = new RowTallies();
  tallies.unknownRegion('services.csv', 'NO-3', 2);
  tallies.unmappedService('services.csv', 'botilbod', 4);
  const { taxonomy, asked } = countingTaxonomy();
  let codeLists = 0;
  const issues: InputIssue[] = [];
  const warnings: Warning[] = [];
  tallies.report({
    knownCodes: () => (codeLists++, ['NO-03', 'NO-18']),
    taxonomy,
    allowUnmapped,
    shown: () => shown,
    issue: (issue) => issues.push(issue),
    warning: (warning) => warnings.push(warning),
  });
  return { issues, warnings, codeLists, asked: asked() };
}

describe('RowTallies hints', () => {
  it('an issue that will be shown carries its hint', () => {
    const { issues, warnings } = report(true, false);
    expect(warnings).toEqual([]);
    // "NO-3" is one insertion from "NO-03"; "botilbod" one substitution from the alias "botilbud".
    expect(issues.map((i) => i.message)).toEqual([
      'unknown region "NO-3" (not in regions.csv; line 2); did you mean "NO-03"?',
      'service "botilbod" maps to no category (line 4); did you mean "botilbud" (supported_living)? ' +
        'Add an alias in the config, or use --allow-unmapped to drop these rows.',
    ]);
  });

  it('an issue past the cap gets no hint, and no search is made for one', () => {
    const { issues, codeLists, asked } = report(false, false);
    expect(issues.map((i) => i.message)).toEqual([
      'unknown region "NO-3" (not in regions.csv; line 2)',
      'service "botilbod" maps to no category (line 4) Add an alias in the config, or use --allow-unmapped to drop these rows.',
    ]);
    expect(codeLists).toBe(0);
    expect(asked).toBe(0);
  });

  it('with --allow-unmapped the warning keeps its hint even when the file is at its cap', () => {
    const { issues, warnings } = report(false, true);
    expect(issues.map((i) => i.message)).toEqual(['unknown region "NO-3" (not in regions.csv; line 2)']);
    expect(warnings).toEqual([
      {
        file: 'services.csv',
        line: 4,
        message: 'service "botilbod" maps to no category: 1 row(s) dropped (line 4); did you mean "botilbud" (supported_living)?',
      },
    ]);
  });
});
