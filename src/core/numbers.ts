// Strict reading of numbers in CSV cells. Only plain decimal notation is accepted: a number
// that a spreadsheet wrote in another locale ("12,5", "1 234") is an error, never a guess.

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The finite number a cell holds, or undefined when it is not a plain decimal number. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}
