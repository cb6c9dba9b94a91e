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
  it('exports a typed function for every command and the zod schemas of inputs, config and outputs', () => {
    const script = `
      import * as sg from 'servicegap';
      const fns = ['loadDataset', 'analyze', 'compare', 'sensitivity', 'sensitivityParallel', 'analyzeCorner', 'runBatch', 'runScenarios', 'jsonSchema'];
      const schemas = ['ServiceRowSchema', 'RegionRowSchema', 'PopulationRowSchema', 'BedStockRowSchema', 'BedEventRowSchema',
        'ConfigSchema', 'ScenarioFileSchema', 'ReportSchema', 'SensitivityReportSchema', 'ComparisonSchema', 'BatchResultSchema'];
      const { dataset, weights } = await sg.loadDataset({ data: 'fixtures/sensitivity-corners' });
      const s = sg.sensitivity(dataset, { weights, draws: 200, seed: 4 });
      const p = await sg.sensitivityParallel(dataset, { weights, draws: 200, seed: 4, threads: 2 });
      const a = sg.analyzeCorner(dataset, 'low', { weights });
      const b = sg.analyzeCorner(dataset, 'high', { weights });
      const c = sg.compare(a, b, { top: 1 });
      console.log(JSON.stringify({
        fns: fns.filter((f) => typeof sg[f] === 'function'),
        schemas: schemas.filter((n) => typeof sg[n]?.safeParse === 'function'),
        sameAcrossThreads: JSON.stringify(s) === JSON.stringify(p),
        parsed: sg.SensitivityReportSchema.safeParse(s).success && sg.ComparisonSchema.safeParse(c).success,
        entered: c.entered_top,
        schemaTitle: sg.jsonSchema('report').title,
      }));
    `;
    const r = node(['--input-type=module', '-e', script]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.fns).toEqual(['loadDataset', 'analyze', 'compare', 'sensitivity', 'sensitivityParallel', 'analyzeCorner', 'runBatch', 'runScenarios', 'jsonSchema']);
    expect(out.schemas).toHaveLength(11);
    expect(out.sameAcrossThreads).toBe(true);
    expect(out.parsed).toBe(true);
    // low: XA first; high: XC first
    expect(out.entered).toEqual(['XC']);
    expect(out.schemaTitle).toBe('servicegap report (JSON)');
  });
});

describe('TSDoc', () => {
  it('every export of the package entry has a doc comment', () => {
    const entry = join(ROOT, 'src/index.ts');
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
    const check = node([tsc, '-p', 'examples/tsconfig.json']);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const build = node([tsc, '-p', 'examples/tsconfig.json', '--noEmit', 'false', '--outDir', out, '--sourceMap', 'false', '--declaration', 'false']);
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const r = node([join(out, 'library.js'), 'data/examples/norway-regions-2000-2002']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('5 regions ranked');
    expect(r.stdout).toContain('last-two-years: 3 regions moved (largest 2)');
  });
});
