// JSON-stat (2.0 datasets and collections as PxWeb and Eurostat serve them, and the 1.0 bundles of
// PxWeb's older `json-stat` format) → an ImportTable. Pure; no IO.
//
// The cube is read with jsonstat-toolkit (the JSON-stat project's own toolkit): it knows the
// format's many spellings (index as array or object, value and status as array, object or one
// string, 1.0 bundles, collections). What it does not do is say where a file is wrong: it takes
// a `size` that disagrees with the categories or a `value` of the wrong length without a word.
// So the shape is checked here first, with the JSON's own positions (jsonc-parser keeps the
// offset of every node), and only a sound cube reaches the toolkit.
import JSONstat, { type JsonStatObject } from 'jsonstat-toolkit';
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import { parseJsonTree } from './json-tree.js';
import type { Dimension, DimensionRole, ImportIssue, ImportTable, Observation, SourceLocation } from './table.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Read every dataset of a JSON-stat text; problems go to `issues` with line and column. */
export function readJsonStat(text: string, file: string, issues: ImportIssue[]): ImportTable[] {
  const parsed = parseJsonTree(text, file, issues, 'a JSON-stat document');
  if (parsed === undefined) return [];
  const { tree, locate } = parsed;
  const at = (path: (string | number)[]): SourceLocation => {
    const node = findNodeAtLocation(tree, path);
    return { ...(node ? locate(node.offset) : {}), path: `/${path.join('/')}` };
  };
  const root = parsed.value;
  if (!isObject(root)) {
    issues.push({ file, at: locate(tree.offset), message: 'expected a JSON-stat object ({"version": "2.0", "class": "dataset", …})' });
    return [];
  }

  // Where the datasets are: the root (2.0 dataset), link.item (2.0 collection) or each key (1.0 bundle).
  const places: (string | number)[][] = [];
  if (root['class'] === 'dataset') places.push([]);
  else if (root['class'] === 'collection') {
    const items = (root['link'] as Json | undefined)?.['item'];
    if (Array.isArray(items)) items.forEach((item, i) => isObject(item) && item['class'] === 'dataset' && places.push(['link', 'item', i]));
  } else if (root['version'] === undefined) {
    for (const [key, value] of Object.entries(root)) if (isObject(value) && 'dimension' in value) places.push([key]);
  }
  if (places.length === 0) {
    issues.push({
      file,
      at: locate(tree.offset),
      message: 'expected a JSON-stat dataset: an object with "class": "dataset", "id", "size", "dimension" and "value" (PxWeb: format json-stat2), a collection of datasets, or a JSON-stat 1.0 bundle',
    });
    return [];
  }
  const tables: ImportTable[] = [];
  // A 1.0 bundle's toolkit object, made once, for its first sound dataset.
  let bundle: ReturnType<typeof JSONstat> | undefined;
  for (const place of places) {
    const node = place.reduce<unknown>((v, k) => (v as Json)[k as string], root) as Json;
    const before = issues.length;
    const shape = checkShape(node, place, at, file, issues);
    if (issues.length > before || shape === undefined) continue;
    // The toolkit reads a cube only after the checks: it throws on some unsound ones (no "size"
    // and an object "value"). A collection's item is a dataset of its own; a 1.0 bundle numbers its
    // datasets by the position of their key among all the root's keys (others, e.g. "updated", too).
    // (Dataset(i) is null only for a position with no key; this one has its key.)
    const ds =
      place.length === 0 ? JSONstat(root)
      : root['class'] === 'collection' ? JSONstat(node)
      : (bundle ??= JSONstat(root)).Dataset(Object.keys(root).indexOf(place[0] as string))!;
    tables.push(toTable(ds, node, shape, place, tree, locate, file));
  }
  return tables;
}

interface Shape {
  readonly ids: readonly string[];
  readonly size: readonly number[];
  readonly cells: number;
}

/** id, size, dimension and value agree: the checks the toolkit does not make. */
function checkShape(ds: Json, place: (string | number)[], at: (p: (string | number)[]) => SourceLocation, file: string, issues: ImportIssue[]): Shape | undefined {
  const p = (...rest: (string | number)[]) => [...place, ...rest];
  const dimension = ds['dimension'];
  if (!isObject(dimension)) {
    issues.push({ file, at: at(place), message: 'expected "dimension": an object with one entry per dimension' });
    return undefined;
  }
  // JSON-stat 1.0 keeps id and size inside "dimension".
  const ids = ds['id'] ?? dimension['id'];
  const size = ds['size'] ?? dimension['size'];
  const idPath = ds['id'] !== undefined ? p('id') : p('dimension', 'id');
  const sizePath = ds['size'] !== undefined ? p('size') : p('dimension', 'size');
  if (!Array.isArray(ids) || !ids.every((i) => typeof i === 'string')) {
    issues.push({ file, at: at(ids === undefined ? place : idPath), message: 'expected "id": an array of dimension ids' });
    return undefined;
  }
  if (!Array.isArray(size) || size.length !== ids.length || !size.every((s) => Number.isInteger(s) && s >= 0)) {
    issues.push({ file, at: at(size === undefined ? place : sizePath), message: `expected "size": ${ids.length} whole numbers, one per id` });
    return undefined;
  }
  ids.forEach((id, i) => {
    const d = dimension[id];
    const category = isObject(d) ? d['category'] : undefined;
    if (!isObject(category)) {
      issues.push({ file, at: at(isObject(d) ? p('dimension', id) : p('dimension')), message: `dimension "${id}": expected "category" with "index" or "label"` });
      return;
    }
    const index = category['index'];
    const count = Array.isArray(index) ? index.length : isObject(index) ? Object.keys(index).length : isObject(category['label']) ? Object.keys(category['label']).length : -1;
    if (count !== size[i]) {
      issues.push({
        file,
        at: at(p('dimension', id, 'category')),
        message: `dimension "${id}": "size" says ${size[i]} categories, the category index has ${count < 0 ? 'none' : count}`,
      });
    }
  });
  const cells = (size as number[]).reduce((a, b) => a * b, 1);
  const value = ds['value'];
  if (Array.isArray(value)) {
    if (value.length !== cells) {
      issues.push({ file, at: at(p('value')), message: `expected ${cells} values (the product of "size": ${(size as number[]).join(' × ')}), got ${value.length}` });
    }
    value.forEach((v, i) => {
      if (v !== null && typeof v !== 'number' && issues.length < 50) issues.push({ file, at: at(p('value', i)), message: `expected a number or null, got ${JSON.stringify(v)}` });
    });
  } else if (isObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      const i = Number(key);
      if (!Number.isInteger(i) || i < 0 || i >= cells) issues.push({ file, at: at(p('value', key)), message: `value index "${key}" is outside the cube (0–${cells - 1})` });
      else if (v !== null && typeof v !== 'number') issues.push({ file, at: at(p('value', key)), message: `expected a number or null, got ${JSON.stringify(v)}` });
    }
  } else {
    issues.push({ file, at: at(place), message: 'expected "value": an array (or object) of numbers' });
  }
  return { ids, size: size as number[], cells };
}

function toTable(
  ds: JsonStatObject,
  node: Json,
  shape: Shape,
  place: (string | number)[],
  tree: Node,
  locate: (offset: number) => { line: number; column: number },
  file: string,
): ImportTable {
  const role = ds.role ?? {};
  const roleOf = (id: string): DimensionRole | undefined =>
    role.time?.includes(id) ? 'time' : role.geo?.includes(id) ? 'geo' : role.metric?.includes(id) ? 'metric' : undefined;
  const raw = node['dimension'] as Json;
  const dimensions: Dimension[] = shape.ids.map((id) => {
    const d = ds.Dimension(id)!;
    const categories = d.id.map((code, j) => ({ code, label: d.Category(j)?.label ?? code }));
    // PxWeb marks the category that is the total of the others ("elimination value").
    const extension = (raw[id] as Json)['extension'];
    const totalCode = isObject(extension) && typeof extension['eliminationValueCode'] === 'string' ? extension['eliminationValueCode'] : undefined;
    return { id, label: d.label ?? id, role: roleOf(id), categories, totalCode };
  });
  // Positions of the values, straight from the parse tree (no search per cell).
  const valueNode = findNodeAtLocation(tree, [...place, 'value']);
  const offsets = new Map<number, number>();
  if (valueNode?.type === 'array') valueNode.children?.forEach((c, i) => offsets.set(i, c.offset));
  else if (valueNode?.type === 'object') valueNode.children?.forEach((prop) => offsets.set(Number(prop.children?.[0]?.value), prop.children?.[1]?.offset ?? prop.offset));
  const base = `/${[...place, 'value'].join('/')}`;
  const observations: Observation[] = [];
  const strides = shape.size.map((_, i) => shape.size.slice(i + 1).reduce((a, b) => a * b, 1));
  for (let i = 0; i < shape.cells; i++) {
    const cell = ds.Data(i);
    const offset = offsets.get(i);
    // A sparse value object leaves cells out: those are missing, and have no place in the file.
    if (offset === undefined && valueNode?.type === 'object' && (cell === null || cell.value === null) && (cell?.status ?? null) === null) continue;
    const codes = dimensions.map((d, k) => d.categories[Math.floor(i / strides[k]!) % shape.size[k]!]!.code);
    const value = cell?.value ?? null;
    observations.push({
      codes,
      value: typeof value === 'number' ? value : null,
      status: cell?.status ?? undefined,
      at: { ...(offset === undefined ? {} : locate(offset)), path: `${base}/${i}` },
    });
  }
  const title = typeof node['label'] === 'string' ? node['label'] : undefined;
  return { file, title, dimensions, observations, notes: [] };
}
