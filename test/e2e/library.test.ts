// The package as a library (issue 6): imported by its name as a consumer would, every command's
// function exported with its schemas, TSDoc on every export, and the examples/ scripts working.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-cli.js';

const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

describe('import "servicegap" (the built package, by name)', () => {
  it('exports a run for every command, the error classes, the renderer registry and the zod schemas of inputs, config and outputs', () => {
    const script = `
      import * as sg from 'servicegap';
      const fns = ['runReport', 'runCoverage', 'runTrend', 'runSensitivity', 'runCompare', 'runBatch', 'runValidate', 'runTaxonomy', 'runInit',
        'runImport', 'renderOutput', 'loadRenderer', 'jsonSchema'];
      const errors = ['OptionError', 'InputError', 'PeriodError', 'LevelError', 'FileAccessError', 'InputSelectionError', 'FileFormatError'];
      const schemas = ['ServiceRowSchema', 'RegionRowSchema', 'PopulationRowSchema', 'BedStockRowSchema', 'BedEventRowSchema',
        'ConfigSchema', 'ScenarioFileSchema', 'ReportSchema', 'SensitivityReportSchema', 'ComparisonSchema', 'BatchResultSchema'];
      const inputs = { data: 'fixtures/sensitivity-corners' };
      const one = await sg.runSensitivity({ inputs, draws: 200, seed: 4, threads: 1 });
      const two = await sg.runSensitivity({ inputs, draws: 200, seed: 4, threads: 2 });
      const low = await sg.runReport({ inputs, weights: 'low' });
      const high = await sg.runReport({ inputs, weights: 'high' });
      const c = await sg.runCompare({ inputs: { data: 'data/examples/norway-regions-2000-2002' }, a: '2000-2001', b: '2001-2002', top: 3 });
      const topZero = await sg.runReport({ top: 0 }).catch((e) => e);
      console.log(JSON.stringify({
        fns: fns.filter((f) => typeof sg[f] === 'function'),
        errors: errors.filter((e) => typeof sg[e] === 'function' && sg[e].prototype instanceof Error),
        schemas: schemas.filter((n) => typeof sg[n]?.safeParse === 'function'),
        sameAcrossThreads: JSON.stringify(one.sensitivity) === JSON.stringify(two.sensitivity),
        parsed: sg.SensitivityReportSchema.safeParse(one.sensitivity).success && sg.ComparisonSchema.safeParse(c.comparison).success,
        corners: [low.report.regions[0].region, high.report.regions[0].region],
        entered: c.comparison.entered_top,
        left: c.comparison.left_top,
        topZero: [topZero instanceof sg.OptionError, topZero.option, topZero.message],
        schemaTitle: sg.jsonSchema('report').title,
      }));
    `;
    const r = node(['--input-type=module', '-e', script]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.fns).toHaveLength(13);
    expect(out.errors).toHaveLength(7);
    expect(out.schemas).toHaveLength(11);
    expect(out.sameAcrossThreads).toBe(true);
    expect(out.parsed).toBe(true);
    // sensitivity-corners: all-low ranks XA first, all-high XC
    expect(out.corners).toEqual(['XA', 'XC']);
    // the five-region example's two periods, as examples/library.mjs prints them
    expect(out.entered).toEqual(['NO-NORD']);
    expect(out.left).toEqual(['NO-SOR']);
    // the library checks what the command line checks, with the same message
    expect(out.topZero).toEqual([true, 'top', '--top: expected a whole number ≥ 1']);
    expect(out.schemaTitle).toBe('servicegap report (JSON)');
  });
});

describe('TSDoc', () => {
  it('every export of the package entry has a doc comment', () => {
    // The entry's compiled declarations (the build keeps every doc comment in them): the same
    // exports and comments as src/index.ts, without parsing and binding every source file's code.
    const entry = join(ROOT, 'dist/index.d.ts');
    const program = ts.createProgram([entry], {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      skipLibCheck: true,
    });
    const checker = program.getTypeChecker();
    const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
    const undocumented = checker
      .getExportsOfModule(module)
      .filter((symbol) => {
        const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        return ts.displayPartsToString(target.getDocumentationComment(checker)).trim() === '';
      })
      .map((s) => s.name);
    expect(undocumented).toEqual([]);
  });
});

describe('examples/', () => {
  it('library.mjs runs against the built package', () => {
    const r = node(['examples/library.mjs', 'data/examples/norway-regions-2000-2002']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Service vacuum 2000–2002, 5 regions ranked:');
    expect(r.stdout).toContain('Sensitivity (500 draws, seed 42):');
    expect(r.stdout).toMatch(/NO-OST: rank 2 \(2–2\)/);
    expect(r.stdout).toContain('2001-2002 against 2000-2001: entered the top 3: NO-NORD; left: NO-SOR');
  });

  it('library.ts type-checks against the package types, and runs once compiled', () => {
    const out = join(ROOT, 'test/artifacts/examples');
    rmSync(out, { recursive: true, force: true });
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    // One compile both checks the types and writes the JavaScript: tsc exits non-zero on a type error
    // even when it emits.
    const build = node([tsc, '-p', 'examples/tsconfig.json', '--noEmit', 'false', '--outDir', out, '--sourceMap', 'false', '--declaration', 'false']);
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const r = node([join(out, 'library.js'), 'data/examples/norway-regions-2000-2002']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('5 regions ranked');
    expect(r.stdout).toContain('last-two-years: 3 regions moved (largest 2)');
  });
});
