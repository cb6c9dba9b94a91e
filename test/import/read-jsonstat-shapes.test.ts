// readJsonStat on small inline documents: a 2.0 dataset, a collection, 1.0 bundles, sparse value
// objects and statuses, and the shape checks the toolkit does not make, each with its line, column
// and JSON path. Expected tables and places are worked out by hand from the texts (one JSON key
// per line where a place matters, so the line is the key's line and the column its indent + 1).
import { describe, expect, it } from 'vitest';
import { readJsonStat } from '../../src/core/import/read-jsonstat.js';
import type { ImportIssue } from '../../src/core/import/table.js';

const read = (text: string) => {
  const issues: ImportIssue[] = [];
  const tables = readJsonStat(text, 'd.json', issues);
  return { tables, issues, where: issues.map((i) => `${i.at.line}:${i.at.column} ${i.at.path} ${i.message}`) };
};

const DATASET = [
  '{"version": "2.0", "class": "dataset", "label": "Beds by region",',
  '"id": ["geo", "time"],',
  '"size": [2, 2],',
  '"role": {"geo": ["geo"], "time": ["time"]},',
  '"dimension": {',
  ' "geo": {"label": "Region", "category": {"index": ["NO", "SE"], "label": {"NO": "Norge", "SE": "Sverige"}}, "extension": {"eliminationValueCode": "SE"}},',
  ' "time": {"category": {"index": {"2020": 0, "2021": 1}}}',
  '},',
  '"value": [',
  '1.5,',
  'null,',
  '3,',
  '4],',
  '"status": {"1": ".."}',
  '}',
].join('\n');

describe('readJsonStat: datasets', () => {
  it('a 2.0 dataset: dimensions with labels, roles and the elimination total; cells in id order, each at its line and path', () => {
    const { tables, issues } = read(DATASET);
    expect(issues).toEqual([]);
    expect(tables).toEqual([
      {
        file: 'd.json',
        title: 'Beds by region',
        notes: [],
        dimensions: [
          { id: 'geo', label: 'Region', role: 'geo', categories: [{ code: 'NO', label: 'Norge' }, { code: 'SE', label: 'Sverige' }], totalCode: 'SE' },
          // No labels: the codes are the labels; no dimension label: the id.
          { id: 'time', label: 'time', role: 'time', categories: [{ code: '2020', label: '2020' }, { code: '2021', label: '2021' }], totalCode: undefined },
        ],
        observations: [
          // The last id varies fastest: NO/2020, NO/2021, SE/2020, SE/2021.
          { codes: ['NO', '2020'], value: 1.5, status: undefined, at: { line: 10, column: 1, path: '/value/0' } },
          { codes: ['NO', '2021'], value: null, status: '..', at: { line: 11, column: 1, path: '/value/1' } },
          { codes: ['SE', '2020'], value: 3, status: undefined, at: { line: 12, column: 1, path: '/value/2' } },
          { codes: ['SE', '2021'], value: 4, status: undefined, at: { line: 13, column: 1, path: '/value/3' } },
        ],
      },
    ]);
  });

  it('the metric role; a dimension in no role has none; a non-string title or elimination code is not taken', () => {
    const text = JSON.stringify({
      version: '2.0',
      class: 'dataset',
      label: 7,
      id: ['c', 'x'],
      size: [1, 1],
      role: { metric: ['c'] },
      dimension: { c: { category: { label: { B: 'Beds' } }, extension: { eliminationValueCode: 1 } }, x: { category: { index: ['k'] }, extension: 'total' } },
      value: [2],
    });
    const [table] = read(text).tables;
    expect(table!.title).toBeUndefined();
    expect(table!.dimensions.map((d) => [d.id, d.role, d.totalCode, d.categories])).toEqual([
      ['c', 'metric', undefined, [{ code: 'B', label: 'Beds' }]],
      ['x', undefined, undefined, [{ code: 'k', label: 'k' }]],
    ]);
  });

  it('a sparse value object: the cells it leaves out are not observations, unless a status marks them', () => {
    const text = ['{"class": "dataset", "id": ["geo"], "size": [3],', '"dimension": {"geo": {"category": {"index": ["A", "B", "C"]}}},', '"value": {', '"2": 7},', '"status": {"1": "c"}}'].join('\n');
    const { tables, issues } = read(text);
    expect(issues).toEqual([]);
    expect(tables[0]!.observations).toEqual([
      // B has no value in the file, only a status: it has a path but no line.
      { codes: ['B'], value: null, status: 'c', at: { path: '/value/1' } },
      { codes: ['C'], value: 7, status: undefined, at: { line: 4, column: 6, path: '/value/2' } },
    ]);
  });

  it('a value array keeps its nulls as missing cells', () => {
    const text = '{"class": "dataset", "id": ["geo"], "size": [2], "dimension": {"geo": {"category": {"index": ["A", "B"]}}}, "value": [null, 1]}';
    expect(read(text).tables[0]!.observations.map((o) => [o.codes[0], o.value, o.status])).toEqual([
      ['A', null, undefined],
      ['B', 1, undefined],
    ]);
  });

  it('a collection: each embedded dataset, at its own path; other items are passed over', () => {
    const ds = (code: string, v: number) => ({ class: 'dataset', id: ['g'], size: [1], dimension: { g: { category: { index: [code] } } }, value: [v] });
    const text = JSON.stringify({ version: '2.0', class: 'collection', link: { item: [{ class: 'collection', href: 'x' }, ds('A', 1), 'x', ds('B', 2)] } });
    const { tables, issues } = read(text);
    expect(issues).toEqual([]);
    expect(tables.map((t) => t.observations.map((o) => [o.codes[0], o.value, o.at.path]))).toEqual([[['A', 1, '/link/item/1/value/0']], [['B', 2, '/link/item/3/value/0']]]);
  });

  // "updated" before the datasets: the toolkit numbers a bundle's datasets among all its keys, so
  // reading by position took the wrong one (and threw).
  it('a JSON-stat 1.0 bundle: each key holding a dataset, id and size inside "dimension", other keys passed over', () => {
    const ds = (code: string, v: number) => ({ dimension: { id: ['g'], size: [1], g: { category: { index: { [code]: 0 } } } }, value: [v] });
    const text = JSON.stringify({ updated: '2020-01-01', first: ds('A', 1), second: ds('B', 2) });
    const { tables, issues } = read(text);
    expect(issues).toEqual([]);
    expect(tables.map((t) => t.observations.map((o) => [o.codes[0], o.value, o.at.path]))).toEqual([[['A', 1, '/first/value/0']], [['B', 2, '/second/value/0']]]);
  });
});

describe('readJsonStat: what is refused, and where', () => {
  const notDataset =
    'expected a JSON-stat dataset: an object with "class": "dataset", "id", "size", "dimension" and "value" (PxWeb: format json-stat2), a collection of datasets, or a JSON-stat 1.0 bundle';

  it('not an object, or an object that is no dataset, collection or bundle: where the JSON starts', () => {
    expect(read('\n [1]').where).toEqual(['2:2 undefined expected a JSON-stat object ({"version": "2.0", "class": "dataset", …})']);
    expect(read('null').where).toEqual(['1:1 undefined expected a JSON-stat object ({"version": "2.0", "class": "dataset", …})']);
    expect(read(' {"version": "2.0", "class": "table"}').where).toEqual([`1:2 undefined ${notDataset}`]);
    // A 2.0 object without a class is not read as a bundle, even with a dataset inside.
    expect(read('{"version": "2.0", "a": {"dimension": {}}}').where).toEqual([`1:1 undefined ${notDataset}`]);
    expect(read('{"a": 1, "b": {"value": []}}').where).toEqual([`1:1 undefined ${notDataset}`]);
    expect(read('{"class": "collection", "link": {"item": [{"class": "collection"}]}}').where).toEqual([`1:1 undefined ${notDataset}`]);
    expect(read('{"class": "collection"}').where).toEqual([`1:1 undefined ${notDataset}`]);
  });

  it('a syntax error stops the reading', () => {
    expect(read('{"class": }').where).toEqual(['1:11 undefined not valid JSON: ValueExpected']);
  });

  it('"dimension", "id" and "size" missing or wrong: at the dataset, or at the entry', () => {
    const ds = (fields: string) => `{"class": "dataset",\n${fields}}`;
    const dim = '"dimension": {"a": {"category": {"index": ["x"]}}}';
    expect(read(ds('"id": ["a"], "size": [1], "value": [1]')).where).toEqual(['1:1 / expected "dimension": an object with one entry per dimension']);
    expect(read(ds(`"size": [1], ${dim}, "value": [1]`)).where).toEqual(['1:1 / expected "id": an array of dimension ids']);
    expect(read(ds(`"id": ["a", 1], "size": [1], ${dim}, "value": [1]`)).where).toEqual(['2:7 /id expected "id": an array of dimension ids']);
    expect(read(ds(`"id": "a", "size": [1], ${dim}, "value": [1]`)).where).toEqual(['2:7 /id expected "id": an array of dimension ids']);
    // No size and an object value: the toolkit would throw on this cube; it is refused, located.
    expect(read(ds(`"id": ["a"], ${dim}, "value": {"0": 1}`)).where).toEqual(['1:1 / expected "size": 1 whole numbers, one per id']);
    expect(read(ds(`"id": ["a"], "size": [1, 1], ${dim}, "value": [1]`)).where).toEqual(['2:22 /size expected "size": 1 whole numbers, one per id']);
    expect(read(ds(`"id": ["a"], "size": [-1], ${dim}, "value": [1]`)).where).toEqual(['2:22 /size expected "size": 1 whole numbers, one per id']);
    expect(read(ds(`"id": ["a"], "size": [1.5], ${dim}, "value": [1]`)).where).toEqual(['2:22 /size expected "size": 1 whole numbers, one per id']);
    expect(read(ds(`"id": ["a"], "size": 1, ${dim}, "value": [1]`)).where).toEqual(['2:22 /size expected "size": 1 whole numbers, one per id']);
  });

  it('JSON-stat 1.0: a wrong id or size inside "dimension" is located there', () => {
    const text = '{"ds": {"dimension": {\n"id": ["a"],\n"size": [2],\n"a": {"category": {"index": ["x"]}}}, "value": [1]}}';
    // The value's count is checked against "size" too: both at once.
    expect(read(text).where).toEqual([
      '4:19 /ds/dimension/a/category dimension "a": "size" says 2 categories, the category index has 1',
      '4:48 /ds/value expected 2 values (the product of "size": 2), got 1',
    ]);
    expect(read(text.replace('"id": ["a"]', '"id": [1]')).where).toEqual(['2:7 /ds/dimension/id expected "id": an array of dimension ids']);
    expect(read(text.replace('"size": [2]', '"size": [2, 3]')).where).toEqual(['3:9 /ds/dimension/size expected "size": 1 whole numbers, one per id']);
  });

  it('a dimension without categories, and a category count that disagrees with "size", every one at once', () => {
    const text = [
      '{"class": "dataset", "id": ["a", "b", "c", "d", "e"], "size": [1, 1, 2, 1, 1], "value": [1, 2],',
      '"dimension": {',
      '"b": {"label": "no category"},',
      '"c": {"category": {"label": {"x": "X"}}},',
      '"d": {"category": {"index": {"x": 0, "y": 1}}},',
      '"e": {"category": {}}}}',
    ].join('\n');
    expect(read(text).where).toEqual([
      // "a" has no entry at all: at "dimension" itself.
      '2:14 /dimension dimension "a": expected "category" with "index" or "label"',
      '3:6 /dimension/b dimension "b": expected "category" with "index" or "label"',
      '4:19 /dimension/c/category dimension "c": "size" says 2 categories, the category index has 1',
      '5:19 /dimension/d/category dimension "d": "size" says 1 categories, the category index has 2',
      '6:19 /dimension/e/category dimension "e": "size" says 1 categories, the category index has none',
    ]);
  });

  it('values: the count against the product of "size", each non-number, an object key outside the cube', () => {
    const head = '{"class": "dataset", "id": ["a", "b"], "size": [2, 1], "dimension": {"a": {"category": {"index": ["x", "y"]}}, "b": {"category": {"index": ["k"]}}},\n"value": ';
    expect(read(`${head}[1, 2, 3]}`).where).toEqual(['2:10 /value expected 2 values (the product of "size": 2 × 1), got 3']);
    expect(read(`${head}[1, "2"]}`).where).toEqual(['2:14 /value/1 expected a number or null, got "2"']);
    expect(read(`${head}{"0": 1, "2": 3, "-1": 0, "1.5": 0, "x": 0, "1": true}}`).where).toEqual([
      // Object keys in JavaScript's order: the whole numbers ascending, then the others as written.
      '2:59 /value/1 expected a number or null, got true',
      '2:24 /value/2 value index "2" is outside the cube (0–1)',
      '2:33 /value/-1 value index "-1" is outside the cube (0–1)',
      '2:43 /value/1.5 value index "1.5" is outside the cube (0–1)',
      '2:51 /value/x value index "x" is outside the cube (0–1)',
    ]);
    expect(read(`${head}"1"}`).where).toEqual(['1:1 / expected "value": an array (or object) of numbers']);
    expect(read(head.replace(',\n"value": ', '}')).where).toEqual(['1:1 / expected "value": an array (or object) of numbers']);
  });

  it('at most 50 non-number values are listed', () => {
    const n = 60;
    const text = `{"class": "dataset", "id": ["a"], "size": [${n}], "dimension": {"a": {"category": {"index": [${Array.from({ length: n }, (_, i) => `"${i}"`).join(',')}]}}}, "value": [${Array(n).fill('"x"').join(',')}]}`;
    const { issues } = read(text);
    expect(issues).toHaveLength(50);
    expect(issues[49]!.at.path).toBe('/value/49');
  });

  it('one bad dataset of a collection does not stop the others', () => {
    const good = { class: 'dataset', id: ['g'], size: [1], dimension: { g: { category: { index: ['A'] } } }, value: [1] };
    const bad = { ...good, value: [1, 2] };
    const { tables, where } = read(JSON.stringify({ class: 'collection', link: { item: [bad, good] } }));
    expect(where).toEqual(['1:135 /link/item/0/value expected 1 values (the product of "size": 1), got 2']);
    expect(tables.map((t) => t.observations[0]!.at.path)).toEqual(['/link/item/1/value/0']);
  });
});
