// Maps and chart files from the command line: --geo/--geo-key and the config's map, located
// errors for bad boundary files (exit 3), usage errors (exit 2), the notices on standard error,
// --charts-dir's SVG and PNG files, and the coverage and trend pages by their --out extension.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIVE_REGIONS, ROOT, runCli, tempDir } from './run-cli.js';

const EUROPE = 'data/examples/europe-psychiatric-beds-2000-2011';
// The Eurostat example has beds only: it runs without community data on purpose, counted as 0
// (SPEC §8: --services none, --missing-community zero; every region flagged no_community_data).
const EUROPE_DATA = ['--data', EUROPE, '--services', 'none', '--missing-community', 'zero'];

/** A GeoJSON of squares, one per code, wound as RFC 7946 asks. */
function squares(codes: readonly string[]): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: codes.map((code, i) => ({
      type: 'Feature',
      properties: { kode: code },
      geometry: { type: 'Polygon', coordinates: [[[5 + i, 58], [6 + i, 58], [6 + i, 59], [5 + i, 59], [5 + i, 58]]] },
    })),
  });
}

describe('report --geo', () => {
  it('draws the map from the user\'s file, and says what did not match', () => {
    const dir = tempDir();
    const geo = join(dir, 'regions.geojson');
    writeFileSync(geo, squares(['NO-OST', 'NO-SOR', 'NO-VEST', 'NO-MIDT', 'NO-NORD', 'NO-XX']));
    const out = join(dir, 'report.html');
    const r = runCli(['report', '--data', FIVE_REGIONS, '--geo', geo, '--geo-key', 'kode', '--out', out]);
    expect(r.code, r.context).toBe(0);
    expect(r.stderr).toContain(`map: 1 shape in ${geo} matches no region: NO-XX`);
    const html = readFileSync(out, 'utf8');
    expect(html.match(/<path class="region"/g)).toHaveLength(5);
  });

  it('a file that is not valid geometry stops with its place (exit 3), and writes nothing', () => {
    const dir = tempDir();
    const geo = join(dir, 'bad.geojson');
    writeFileSync(geo, '{"type": "FeatureCollection", "features": [\n{"type": "Feature", "properties": {"kode": "NO-OST"},\n "geometry": {"type": "Polygon", "coordinates": [[[10, 60], [11, 60], [11, 200], [10, 60]]]}}]}');
    const out = join(dir, 'report.html');
    const r = runCli(['report', '--data', FIVE_REGIONS, '--geo', geo, '--geo-key', 'kode', '--out', out]);
    expect(r.code, r.context).toBe(3);
    expect(r.stderr).toMatch(new RegExp(`${geo.replace(/[.]/g, '\\.')}:3: column \\d+, /features/0/geometry/coordinates/0/2: position \\[11, 200\\] is not longitude/latitude`));
    expect(existsSync(out)).toBe(false);
  });

  it('a missing file is exit 4; --geo-key without --geo is a usage error (exit 2)', () => {
    expect(runCli(['report', '--data', FIVE_REGIONS, '--format', 'html', '--geo', join(tempDir(), 'none.json')]).code).toBe(4);
    const r = runCli(['report', '--data', FIVE_REGIONS, '--format', 'html', '--geo-key', 'kode']);
    expect(r.code, r.context).toBe(2);
    expect(r.stderr).toContain('--geo-key: only used with --geo FILE');
  });

  it("takes map.geo from the config, relative to the config file", () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'maps'));
    writeFileSync(join(dir, 'maps/regions.json'), squares(['NO-OST', 'NO-SOR']));
    writeFileSync(join(dir, 'servicegap.config.json'), JSON.stringify({ map: { geo: 'maps/regions.json', geo_key: 'kode' } }));
    const r = runCli(['report', '--data', join(ROOT, FIVE_REGIONS), '--format', 'html'], { cwd: dir });
    expect(r.code, r.context).toBe(0);
    expect(r.stdout.match(/<path class="region"/g)).toHaveLength(2);
    expect(r.stderr).toContain('map: 3 regions have no shape in');
  });

  it("takes map.geo from the data folder's own config, relative to that folder", () => {
    // The data folder's servicegap.config.json is found after the working folder's (issue 14); its
    // map.geo is relative to it, not to the working folder the command runs in.
    const work = tempDir();
    const data = join(work, 'mydata');
    mkdirSync(join(data, 'maps'), { recursive: true });
    for (const f of readdirSync(join(ROOT, FIVE_REGIONS))) writeFileSync(join(data, f), readFileSync(join(ROOT, FIVE_REGIONS, f)));
    writeFileSync(join(data, 'maps/regions.json'), squares(['NO-OST', 'NO-SOR', 'NO-VEST']));
    writeFileSync(join(data, 'servicegap.config.json'), JSON.stringify({ map: { geo: 'maps/regions.json', geo_key: 'kode' } }));
    const r = runCli(['report', '--data', 'mydata', '--format', 'html'], { cwd: work });
    expect(r.code, r.context).toBe(0);
    expect(r.stdout.match(/<path class="region"/g)).toHaveLength(3);
    expect(r.stderr).toContain(`map: 2 regions have no shape in ${join(work, 'mydata', 'maps', 'regions.json')}`);
  });

  it('without shapes there is no map, and a note says how to get one', () => {
    const r = runCli(['report', '--format', 'html']);
    expect(r.code, r.context).toBe(0);
    expect(r.stdout).not.toContain('id="map"');
    expect(r.stderr).toContain('map: none drawn: no region code is an ISO 3166-1 country code or a US state code');
    expect(runCli(['report', '--format', 'json']).stderr).not.toContain('map:');
  });
});

describe('bundled boundaries from the command line', () => {
  it('US states by postal code: one shape per state, drawn in Albers USA; a code of neither kind is listed', () => {
    // Made-up numbers, only to have three states and one code that is no state.
    const dir = tempDir();
    const codes = ['CA', 'TX', 'NY', 'ZZ'];
    writeFileSync(join(dir, 'regions.csv'), `region,name\n${codes.map((c) => `${c},State ${c}`).join('\n')}\n`);
    writeFileSync(join(dir, 'beds.csv'), `region,year,beds\n${codes.flatMap((c, i) => [`${c},2010,${100 + i}`, `${c},2020,${90 - i}`]).join('\n')}\n`);
    writeFileSync(join(dir, 'population.csv'), `region,year,population\n${codes.flatMap((c) => [`${c},2010,100000`, `${c},2020,100000`]).join('\n')}\n`);
    // No services file, on purpose: every state is excluded with reason community (SPEC §8) and
    // still drawn, hatched, saying "not reported" rather than a value.
    const r = runCli(['report', '--data', dir, '--services', 'none', '--format', 'html']);
    expect(r.code, r.context).toBe(0);
    expect([...r.stdout.matchAll(/<path class="region"[^>]*data-region="([A-Z]+)"/g)].map((m) => m[1]).sort()).toEqual(['CA', 'NY', 'TX']);
    expect(r.stdout).toContain('aria-label="CA: not ranked, community data not reported (missing is not zero)"');
    expect(r.stdout).toContain('not reported (no community data) or not ranked');
    expect(r.stdout).toContain('bundled US state boundaries');
    expect(r.stderr).toContain('map: 1 region has no shape in bundled US state boundaries');
    expect(r.stderr).toMatch(/no shape in .*: ZZ$/m);
  });
});

describe('report --charts-dir', () => {
  it('writes every chart as SVG and PNG, named after the chart', () => {
    const dir = join(tempDir(), 'charts');
    const r = runCli(['report', ...EUROPE_DATA, '--top', '2', '--format', 'json', '--charts-dir', dir]);
    expect(r.code, r.context).toBe(0);
    const json = JSON.parse(r.stdout);
    const [a, b] = json.regions.map((x: { region: string }) => x.region);
    const names = ['vacuum-per-100k', `breakdown-${a}`, `breakdown-${b}`, `trend-${a}`, `trend-${b}`, 'map-vacuum', 'map-coverage', 'map-rate-drop'];
    expect(readdirSync(dir).sort()).toEqual(names.flatMap((n) => [`${n}.png`, `${n}.svg`]).sort());
    expect(r.stderr).toContain(`wrote 8 charts to ${dir} (SVG and PNG)`);
    const svg = readFileSync(join(dir, 'map-vacuum.svg'), 'utf8');
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    // Two regions shown: both on the map (and the excluded ones, hatched).
    expect(svg.match(/<path class="region"/g)!.length).toBe(2 + json.excluded.length);
    const png = readFileSync(join(dir, 'map-vacuum.png'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Twice the SVG's width (960): IHDR width at bytes 16–19.
    expect(png.readUInt32BE(16)).toBe(1920);
  });
});

describe('report --charts-dir with a workbook', () => {
  it('--out report.xlsx --charts-dir: the workbook with its Coverage sheet, and the charts, from one run', async () => {
    const dir = tempDir();
    const charts = join(dir, 'charts');
    const out = join(dir, 'report.xlsx');
    const r = runCli(['report', ...EUROPE_DATA, '--top', '2', '--out', out, '--charts-dir', charts]);
    expect(r.code, r.context).toBe(0);
    expect(r.stderr).toContain(`wrote 8 charts to ${charts} (SVG and PNG)`);
    expect(r.stderr).toContain(`wrote ${out} (xlsx, 2 regions)`);
    expect(readdirSync(charts).filter((f) => f.endsWith('.svg'))).toHaveLength(8);
    // The Coverage sheet has a row per region and norm of `coverage` at the same T (one row for a
    // region without norms), whatever else the page's heatmap took from the same analysis.
    const coverage = JSON.parse(runCli(['coverage', ...EUROPE_DATA, '--format', 'json', '-q']).stdout) as { regions: { norms: unknown[] }[] };
    const expectedRows = coverage.regions.reduce((n, region) => n + Math.max(1, region.norms.length), 0);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as never);
    expect(book.getWorksheet('Coverage')!.actualRowCount).toBe(1 + expectedRows);
  });
});

describe('coverage and trend pages', () => {
  it('coverage --out x.html is the HTML page, with the map and the same CSP', () => {
    const out = join(tempDir(), 'coverage.html');
    const r = runCli(['coverage', ...EUROPE_DATA, '--out', out]);
    expect(r.code, r.context).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;');
    expect(html).toContain('id="coverage-heatmap"');
    expect(html).toContain('<section id="map"');
    expect(html).toContain('What is missing to reach each norm');
  });

  it('trend --format html escapes names as the report does', () => {
    const dir = tempDir();
    for (const f of ['beds.csv', 'population.csv', 'services.csv']) writeFileSync(join(dir, f), readFileSync(join(ROOT, FIVE_REGIONS, f)));
    const regions = readFileSync(join(ROOT, FIVE_REGIONS, 'regions.csv'), 'utf8').replace('Helseregion Øst', '<script>alert(1)</script>');
    writeFileSync(join(dir, 'regions.csv'), regions);
    const r = runCli(['trend', '--data', dir, '--format', 'html']);
    expect(r.code, r.context).toBe(0);
    expect(r.stdout).not.toContain('<script>alert(1)');
    expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.stdout.match(/<svg class="chart trend-vacuum"/g)).toHaveLength(5);
  });
});
