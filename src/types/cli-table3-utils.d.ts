// The two functions of cli-table3's own utilities that servicegap uses (report/table-text.ts):
// the width cli-table3 gives a cell's text (colour codes left out, the widest of its lines, by
// string-width), and the lines of a cell with their colour codes closed and opened again as
// cli-table3 draws them. The module is plain JavaScript without declarations of its own.
declare module 'cli-table3/src/utils.js' {
  export function strlen(text: string): number;
  export function colorizeLines(lines: readonly string[]): string[];
}
