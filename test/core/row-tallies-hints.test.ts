// RowTallies.report (src/core/row-tallies.ts): "did you mean" hints are worked out only for issues
// that will be shown (the file's issues are not yet at their cap), as its doc comment promises:
// 20,000 unknown codes in a capped file must not each cost an edit-distance search. Warnings
// (unmapped names with --allow-unmapped) are never capped, so they always carry their hint.
import { describe, expect, it } from 'vitest';
import type { InputIssue, Warning } from '../../src/core/issues.js';
import { RowTallies } from '../../src/core/row-tallies.js';
import { distance } from 'fastest-levenshtein';
import { buildTaxonomy, normalizeServiceName, type Taxonomy } from '../../src/core/taxonomy.js';

/** The built-in taxonomy, counting how often a hint is asked of it. */
function countingTaxonomy(): { taxonomy: Taxonomy; asked: () => number } {
  const real = buildTaxonomy();
  let asked = 0;
  const taxonomy: Taxonomy = {
    lookup: (name) => real.lookup(name),
    match: (name) => real.match(name),
    ambiguous: (name) => (asked++, real.ambiguous(name)),
    suggest: (name) => (asked++, real.suggest(name)),
    nearestAtAll: (name) => (asked++, real.nearestAtAll(name)),
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

  it('a name like names of two categories says so, and is mapped to neither', () => {
    // "sor huse" is loosely both "Sor huset" (crisis) and "Sør hus" (supported_living): one name
    // per category, in code-unit order (taxonomy-loose-order.test.ts).
    const tallies = new RowTallies();
    tallies.unmappedService('services.csv', 'sor huse', 4);
    const issues: InputIssue[] = [];
    tallies.report({
      knownCodes: () => [],
      taxonomy: buildTaxonomy({ 'Sør hus': 'supported_living', 'Sor huset': 'crisis' }),
      allowUnmapped: false,
      shown: () => true,
      issue: (issue) => issues.push(issue),
      warning: () => undefined,
    });
    expect(issues.map((i) => i.message)).toEqual([
      'service "sor huse" maps to no category (line 4); it is like "Sor huset" (crisis) or "Sør hus" (supported_living), ' +
        'which are different categories, so it is not mapped to either. Add an alias in the config, or use --allow-unmapped to drop these rows.',
    ]);
  });

  it('a code that differs from a known one only in look-alike characters: the hint says so', () => {
    // Full-width "ＮＯ" renders like "NO" (the same under NFKC); two edits, within the limit of 2
    // for five characters.
    const tallies = new RowTallies();
    tallies.unknownRegion('beds.csv', 'ＮＯ-03', 7);
    const issues: InputIssue[] = [];
    tallies.report({
      knownCodes: () => ['NO-03', 'NO-18'],
      taxonomy: buildTaxonomy(),
      allowUnmapped: false,
      shown: () => true,
      issue: (issue) => issues.push(issue),
      warning: () => undefined,
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/^unknown region "ＮＯ-03" \(not in regions\.csv; line 7\); did you mean "NO-03"\? \(they differ only in characters that cannot be seen: .+ here, .+ in regions\.csv\)$/);
  });

  it('a service name near no known name gets the nearest known alias, said as not close (SPEC §2); one that differs only in an unseen character is told so', () => {
    // "qqqq zzzz" is far from every known name. "botil\u0001bud" is "botilbud" (supported_living)
    // with a control character in it: one edit, and one no reader can see.
    const tallies = new RowTallies();
    tallies.unmappedService('services.csv', 'qqqq zzzz', 3);
    tallies.unmappedService('services.csv', 'botil\u0001bud', 5);
    const issues: InputIssue[] = [];
    tallies.report({
      knownCodes: () => [],
      taxonomy: buildTaxonomy(),
      allowUnmapped: false,
      shown: () => true,
      issue: (issue) => issues.push(issue),
      warning: () => undefined,
    });
    const far = /^service "qqqq zzzz" maps to no category \(line 3\); no known name is close \(the nearest is "(.+)", ([a-z_]+)\)\. Add an alias in the config, or use --allow-unmapped to drop these rows\.$/.exec(issues[0]!.message);
    expect(far, issues[0]!.message).not.toBeNull();
    // The name given is at the least edit distance from the query of any known name (normalised as the taxonomy matches).
    const entries = buildTaxonomy().entries;
    const nearest = Math.min(...entries.map((e) => distance('qqqq zzzz', normalizeServiceName(e.name))));
    const named = entries.find((e) => e.name === far![1])!;
    expect(named.category).toBe(far![2]);
    expect(distance('qqqq zzzz', normalizeServiceName(named.name))).toBe(nearest);
    expect(issues.map((i) => i.message)[1]).toMatch(
      /^service "botil\\u0001bud" maps to no category \(line 5\); did you mean "botilbud" \(supported_living\)\? \(they differ only in characters that cannot be seen: .+ here, nothing in the taxonomy\) Add an alias/,
    );
  });
});
