// One input file's reading options in the config (core/file-options.ts; issue 14's
// `"files": { "beds": { "decimal": "," } }`): each value checked against its list, with the list in
// the message; "tab" read as a tab; a decimal mark that is also the thousands separator refused.
//
// The schemas are module-level constants, so file-options.ts is loaded inside each test after
// vi.resetModules(): Stryker counts a module's constants as covered only by the test during which
// the module is evaluated (a top-level import evaluates it while the file is collected).
import { describe, expect, it, vi } from 'vitest';

async function fresh() {
  vi.resetModules();
  const module = await import('../../src/core/file-options.js');
  const messages = (value: unknown) => module.FileOptionsSchema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  return { ...module, messages };
}

describe('FileOptionsSchema', () => {
  it('accepts each option; "tab" and a tab character are both a tab', async () => {
    const { FileOptionsSchema } = await fresh();
    expect(FileOptionsSchema.parse({ encoding: 'windows-1252', delimiter: 'tab', decimal: ',', thousands: 'space', sheet: ' Tjenester ' })).toEqual({
      encoding: 'windows-1252',
      delimiter: '\t',
      decimal: ',',
      thousands: 'space',
      sheet: 'Tjenester',
    });
    expect(FileOptionsSchema.parse({ delimiter: '\t' })).toEqual({ delimiter: '\t' });
    expect(FileOptionsSchema.parse({ delimiter: ';' })).toEqual({ delimiter: ';' });
    expect(FileOptionsSchema.parse({})).toEqual({});
  });

  it('an unknown value names itself and the values expected, each quoted', async () => {
    const { messages } = await fresh();
    expect(messages({ encoding: 'utf-8' })).toEqual([
      'encoding: unknown encoding "utf-8": expected one of "auto", "utf8", "utf16le", "utf16be", "windows-1252", "latin1"',
    ]);
    expect(messages({ delimiter: ':' })).toEqual(['delimiter: unknown delimiter ":": expected one of "auto", ",", ";", "tab", "\\t", "|"']);
    expect(messages({ decimal: ';' })).toEqual(['decimal: unknown decimal mark ";": expected one of "auto", ".", ","']);
    expect(messages({ thousands: "'" })).toEqual([`thousands: unknown thousands separator "'": expected one of "none", "space", ".", ","`]);
    expect(messages({ sheet: '  ' })).toEqual(['sheet: expected a sheet name']);
  });

  it('the decimal mark may not be the thousands separator; auto, or another separator, may', async () => {
    const { FileOptionsSchema, messages } = await fresh();
    expect(messages({ decimal: ',', thousands: ',' })).toEqual([': the decimal mark and the thousands separator cannot be the same']);
    expect(messages({ decimal: '.', thousands: '.' })).toEqual([': the decimal mark and the thousands separator cannot be the same']);
    expect(FileOptionsSchema.parse({ decimal: ',', thousands: '.' })).toEqual({ decimal: ',', thousands: '.' });
    expect(FileOptionsSchema.parse({ decimal: 'auto', thousands: ',' })).toEqual({ decimal: 'auto', thousands: ',' });
    expect(FileOptionsSchema.parse({ thousands: ',' })).toEqual({ thousands: ',' });
  });
});

describe('FilesSchema', () => {
  it('options per input; an unknown input is named', async () => {
    const { FilesSchema } = await fresh();
    expect(FilesSchema.parse({ crosswalk: { encoding: 'latin1' } })).toEqual({ crosswalk: { encoding: 'latin1' } });
    // an unrecognized key of the record: config.ts words it with a "did you mean" (config-messages.test.ts)
    expect(FilesSchema.safeParse({ bedz: {} }).error?.issues).toMatchObject([{ code: 'unrecognized_keys', keys: ['bedz'], path: [] }]);
  });
});
