// Appending a list to a list. `into.push(...items)` passes every item as an argument of its own,
// and past about 100,000 of them the call stack overflows: the terminal table of 20,000 regions,
// whose 375,000 plausibility notices were pushed so, ended in "Maximum call stack size exceeded"
// (issue 18). eslint.config.mjs refuses push(...) and unshift(...) with a spread. Pure.

/** Append every item of `items` to `into` (returned). */
export function appendAll<T>(into: T[], items: Iterable<T>): T[] {
  for (const item of items) into.push(item);
  return into;
}
