// The maps and the coverage and trend pages in a real browser (Debian's Chromium through
// playwright-core, one launch for the whole file): one shape per matched region filled with the
// colour of its class, the legend's numbers against the data (the classes are re-derived here
// from the JSON report, not taken from the page), the CSS switch between metrics, keyboard focus,
// no request and no console error, a hostile boundary file shown as text; screenshots at 1280 and
// 390 px wide in test/artifacts/ (ignored by git) for a person to look at.
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PALETTES } from '../../src/report/map/choropleth.js';
import { CHROMIUM, HAVE_CHROMIUM, launch, open, type Opened } from './chromium.js';
import { FIVE_REGIONS, ROOT, runCli, tempDir } from './run-cli.js';

const ARTIFACTS = join(ROOT, 'test/artifacts');
const EUROPE = 'data/examples/europe-psychiatric-beds-2000-2011';
// The Eurostat example has beds only: it runs without community data on purpose, counted as 0
// (SPEC §8: --services none, --missing-community zero; every region flagged no_community_data).
const EUROPE_DATA = ['--data', EUROPE, '--services', 'none', '--missing-community', 'zero'];
const WORLD = 'data/examples/world-mh-atlas-2017';

interface BrowserWindow {
  getComputedStyle(element: unknown): { fill: string };
}
interface JsonRegion {
  region: string;
  name: string;
  vacuum_per_100k: number;
  coverage_index: number | null;
  rate_drop_per_100k: number | null;
}

/** "#fdd49e" → "rgb(253, 212, 158)", as getComputedStyle writes a fill. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
const GREY = rgb('#bdbdbd');

/** Each region's computed fill on the page's map, by region code. */
async function fills(page: Page): Promise<Map<string, string>> {
  const pairs = await page
    .locator('#map-chart path.region')
    .evaluateAll((paths) => paths.map((p) => [p.getAttribute('data-region')!, (globalThis as unknown as BrowserWindow).getComputedStyle(p).fill]));
  return new Map(pairs as [string, string][]);
}

/** The shown legend's classes: [lo, hi, count] each. */
async function legendClasses(page: Page, metric: string): Promise<number[][]> {
  return page
    .locator(`#map .map-legend-${metric} .legend-class`)
    .evaluateAll((gs) => gs.map((g) => ['data-lo', 'data-hi', 'data-count'].map((a) => Number(g.getAttribute(a)))));
}

/**
 * The class of v among equal classes of `width` from 0, computed here: [0, w) is 0, [w, 2w) is
 * 1, …, the top included in the last.
 */
const classOf = (v: number, width: number, n: number) => Math.min(n - 1, Math.floor(v / width + 1e-9));

if (!HAVE_CHROMIUM) {
  describe('maps in headless Chromium', () => {
    if (process.env.CI) {
      it('needs Chromium in CI', () => {
        throw new Error(`${CHROMIUM} not found: .ci/run should have installed Debian's chromium`);
      });
    } else {
      it.skip(`skipped: no browser at ${CHROMIUM}`, () => {});
    }
  });
} else {
  describe('maps in headless Chromium', () => {
    const profiles: string[] = [];
    let context: BrowserContext;
    let dir: string;
    let europe: { file: string; regions: JsonRegion[]; excluded: string[]; opened: Opened };

    beforeAll(async () => {
      dir = tempDir();
      const file = join(dir, 'europe.html');
      const r = runCli(['report', ...EUROPE_DATA, '--quiet', '--out', file]);
      expect(r.code, r.context).toBe(0);
      const json = JSON.parse(runCli(['report', ...EUROPE_DATA, '--format', 'json']).stdout);
      context = await launch(profiles);
      europe = { file, regions: json.regions, excluded: json.excluded.map((e: { region: string }) => e.region), opened: await open(context, file, { width: 1280, height: 900 }) };
    }, 90_000);

    afterAll(async () => {
      await context?.close();
      for (const p of profiles) rmSync(p, { recursive: true, force: true });
    });

    it('loads with no request beyond the file and no console error', () => {
      expect(europe.opened.blocked).toEqual([]);
      expect(europe.opened.requests).toEqual([pathToFileURL(europe.file).href]);
      expect(europe.opened.consoleErrors).toEqual([]);
    });

    it('draws one shape per region, each filled with the colour of its class; the legend matches the data', async () => {
      const { page } = europe.opened;
      const byRegion = await fills(page);
      // Every Eurostat code is a country of the bundled boundaries: 31 ranked + 3 excluded.
      expect([...byRegion.keys()].sort()).toEqual([...europe.regions.map((r) => r.region), ...europe.excluded].sort());
      expect(byRegion.size).toBe(34);

      const classes = await legendClasses(page, 'vacuum');
      expect(classes).toHaveLength(5);
      const width = classes[0]![1]! - classes[0]![0]!;
      const max = Math.max(...europe.regions.map((r) => r.vacuum_per_100k));
      // Equal classes from 0, the top the first round step above the largest vacuum.
      classes.forEach(([lo, hi], i) => {
        expect(lo).toBeCloseTo(i * width, 9);
        expect(hi).toBeCloseTo((i + 1) * width, 9);
      });
      expect(classes[4]![1]).toBeGreaterThanOrEqual(max);
      expect(classes[4]![1]! - max).toBeLessThan(width);

      const counts = [0, 0, 0, 0, 0];
      for (const r of europe.regions) {
        const fill = byRegion.get(r.region)!;
        if (r.vacuum_per_100k <= 0) {
          expect(fill, r.region).toBe(GREY);
          continue;
        }
        const k = classOf(r.vacuum_per_100k, width, 5);
        counts[k]! += 1;
        expect(fill, `${r.region} ${r.vacuum_per_100k}`).toBe(rgb(PALETTES.orangeRed[k]!));
      }
      expect(classes.map((c) => c[2])).toEqual(counts);
      for (const code of europe.excluded) expect(byRegion.get(code)).toBe('url("#map-chart-hatch")');
      // The example has no community data (--services none --missing-community zero): every ranked
      // region's community is a 0 given by the user, so each has the dashed outline (SPEC §8).
      const dashed = await page.locator('#map-chart path.region[data-not-reported="community"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-region')));
      expect(dashed.sort()).toEqual(europe.regions.map((r) => r.region).sort());
    });

    it('the switch recolours the map by the coverage index and by the rate drop, with their own legends', async () => {
      const { page } = europe.opened;
      await page.getByRole('radio', { name: 'coverage index' }).check();
      await expect(page.locator('#map .map-legend-coverage').isVisible()).resolves.toBe(true);
      await expect(page.locator('#map .map-legend-vacuum').isVisible()).resolves.toBe(false);
      let byRegion = await fills(page);
      for (const r of europe.regions) {
        const expected = r.coverage_index === null ? 'url("#map-chart-hatch")' : rgb(PALETTES.purpleBlue[classOf(r.coverage_index, 0.2, 5)]!);
        expect(byRegion.get(r.region), r.region).toBe(expected);
      }
      await page.getByRole('radio', { name: 'rate drop per 100,000' }).check();
      const classes = await legendClasses(page, 'rate-drop');
      const width = classes[0]![1]! - classes[0]![0]!;
      byRegion = await fills(page);
      for (const r of europe.regions) {
        const v = r.rate_drop_per_100k;
        const expected = v === null ? 'url("#map-chart-hatch")' : v <= 0 ? GREY : rgb(PALETTES.yellowBrown[classOf(v, width, 5)]!);
        expect(byRegion.get(r.region), r.region).toBe(expected);
      }
      await page.getByRole('radio', { name: 'vacuum per 100,000' }).check();
      expect(europe.opened.consoleErrors).toEqual([]);
    });

    it('reaches the shapes by keyboard and says the focused region\'s figures under the map', async () => {
      const { page } = europe.opened;
      await page.getByRole('radio', { name: 'rate drop per 100,000' }).focus();
      await page.getByRole('radio', { name: 'vacuum per 100,000' }).check();
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement;
        return [el?.getAttribute('class'), el?.getAttribute('aria-label')];
      });
      expect(focused[0]).toBe('region');
      const first = europe.regions[0]!;
      expect(focused[1]).toBe(await page.locator('#map-chart path.region').first().getAttribute('aria-label'));
      await expect(page.locator('#map-info').textContent()).resolves.toBe(focused[1]);
      // Each shape says its name, code and values in its <title> too.
      const title = await page.locator(`#map-chart path.region[data-region="${first.region}"] title`).textContent();
      expect(title).toContain(`${first.name} (${first.region}): vacuum per 100,000:`);
    });

    it('fits the page at 1280 and 390 px wide (screenshots in test/artifacts/)', async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      for (const width of [1280, 390]) {
        const { page, consoleErrors } = await open(context, europe.file, { width, height: 900 });
        // Nothing of the map section reaches past the window (its table scrolls in its own box).
        const past = await page.locator('#map *').evaluateAll(
          (els, w) =>
            els
              .filter((el) => !el.closest('.table-wrap') && el.getBoundingClientRect().right > w + 1)
              .map((el) => `${el.tagName}.${el.getAttribute('class') ?? ''}`),
          width,
        );
        expect(past, `past ${width}px`).toEqual([]);
        const box = (await page.locator('#map-chart').boundingBox())!;
        expect(box.width).toBeLessThanOrEqual(width);
        expect(box.width).toBeGreaterThan(width * 0.75);
        const png = join(ARTIFACTS, `map-europe-${width}.png`);
        await page.locator('#map').screenshot({ path: png });
        expect(statSync(png).size).toBeGreaterThan(10_000);
        expect(consoleErrors).toEqual([]);
        await page.close();
      }
    });

    it('coverage --format html: the world map by coverage index, and the heatmap', async () => {
      const file = join(dir, 'world.html');
      const r = runCli(['coverage', '--data', WORLD, '--out', file]);
      expect(r.code, r.context).toBe(0);
      const json = JSON.parse(runCli(['coverage', '--data', WORLD, '--format', 'json']).stdout);
      const { page, blocked, consoleErrors } = await open(context, file, { width: 1280, height: 900 });
      const byRegion = await fills(page);
      const onMap = await page.locator('#map .map-table tbody tr').evaluateAll((rows) => rows.filter((row) => row.lastElementChild!.textContent === 'yes').length);
      expect(byRegion.size).toBe(onMap);
      expect(byRegion.size).toBeGreaterThan(150);
      for (const reg of json.regions as { region: string; coverage_index: number | null }[]) {
        if (!byRegion.has(reg.region)) continue;
        const expected = reg.coverage_index === null ? 'url("#map-chart-hatch")' : rgb(PALETTES.purpleBlue[classOf(reg.coverage_index, 0.2, 5)]!);
        expect(byRegion.get(reg.region), reg.region).toBe(expected);
      }
      await expect(page.locator('#coverage-heatmap tbody tr').count()).resolves.toBe(json.regions.length);
      await expect(page.locator('.map-switch').count()).resolves.toBe(0);
      expect(blocked).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await page.locator('#map').screenshot({ path: join(ARTIFACTS, 'map-world-coverage-1280.png') });
      await page.close();
    });

    it('trend --format html: a small multiple per region with the year the vacuum opened and its peak', async () => {
      const file = join(dir, 'trend.html');
      expect(runCli(['trend', '--quiet', '--out', file]).code).toBe(0);
      const json = JSON.parse(runCli(['trend', '--format', 'json']).stdout);
      const { page, blocked, consoleErrors } = await open(context, file, { width: 390, height: 900 });
      await expect(page.locator('svg.trend-vacuum').count()).resolves.toBe(json.regions.length);
      for (const [i, reg] of (json.regions as { first_vacuum_year: number | null; peak_year: number | null }[]).entries()) {
        const panel = page.locator('svg.trend-vacuum').nth(i);
        const opened = await panel.locator('.opened text').allTextContents();
        expect(opened).toEqual(reg.first_vacuum_year === null ? [] : [`opened ${reg.first_vacuum_year}`]);
        const peak = await panel.locator('.peak text').allTextContents();
        expect(peak.length).toBe(reg.peak_year === null ? 0 : 1);
        if (reg.peak_year !== null) expect(peak[0]).toContain(`(${reg.peak_year})`);
      }
      expect(blocked).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'trend-390.png'), fullPage: false });
      await page.close();
    });

    it("a boundary file with markup in its properties: shown as text, no script runs", async () => {
      const geo = join(dir, 'hostile.geojson');
      const square = (x: number, y: number) => [[[x, y], [x, y + 1], [x + 1, y + 1], [x + 1, y], [x, y]]];
      const feature = (code: string, x: number, y: number) => ({ type: 'Feature', properties: { code, note: '<script>alert(1)</script>' }, geometry: { type: 'Polygon', coordinates: square(x, y) } });
      writeFileSync(
        geo,
        JSON.stringify({
          type: 'FeatureCollection',
          features: [feature('NO-OST', 10, 60), feature('NO-SOR', 8, 58), feature('<img src=x onerror=alert(2)>', 6, 62), feature('"><script>alert(3)</script>', 12, 64)],
        }),
      );
      const file = join(dir, 'hostile.html');
      const r = runCli(['report', '--data', FIVE_REGIONS, '--geo', geo, '--geo-key', 'code', '--out', file]);
      expect(r.code, r.context).toBe(0);
      expect(r.stderr).toContain('map: 3 regions have no shape in');
      expect(r.stderr).toContain('map: 2 shapes in');
      const { page, dialogs, blocked, consoleErrors } = await open(context, file);
      await expect(page.locator('#map-chart path.region').count()).resolves.toBe(2);
      await expect(page.locator('img').count()).resolves.toBe(0);
      await expect(page.locator('body script').count()).resolves.toBe(2);
      await expect(page.locator('#map p.caption', { hasText: '<img src=x onerror=alert(2)>' }).count()).resolves.toBe(1);
      expect(dialogs).toEqual([]);
      expect(blocked).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await page.close();
    });
  });
}
