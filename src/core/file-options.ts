// How one input file is read, as the config can set it per file (`"files": { "beds": { "decimal":
// "," } }`): encoding, delimiter, decimal mark, thousands separator, and for a workbook the sheet.
// Each is detected per file when not set; the command-line flags (--encoding, --delimiter,
// --decimal, --thousands, --sheet) set them for every file and win over the config.
import { z } from 'zod';
import { THOUSANDS_SEPARATORS } from './numbers.js';

/** The inputs a config can set reading options for: SPEC §1's four files and the crosswalk. */
export const FILE_ROLES = ['regions', 'population', 'beds', 'services', 'crosswalk'] as const;
/** One of FILE_ROLES. */
export type FileRoleName = (typeof FILE_ROLES)[number];

/** Text encodings a file can be read in (io/text-stream.ts ENCODINGS; a test keeps the two lists equal), or auto. */
export const FILE_ENCODINGS = ['auto', 'utf8', 'utf16le', 'utf16be', 'windows-1252', 'latin1'] as const;

/** Field delimiters (io/delimiter.ts DELIMITERS), "tab" for a tab, or auto. */
export const FILE_DELIMITERS = ['auto', ',', ';', 'tab', '\t', '|'] as const;

const enumOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: (issue) => `unknown ${what} ${JSON.stringify(issue.input)}: expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}` });

/** zod schema of one file's reading options in the config. */
export const FileOptionsSchema = z
  .object({
    encoding: enumOf(FILE_ENCODINGS, 'encoding').optional(),
    delimiter: enumOf(FILE_DELIMITERS, 'delimiter')
      .transform((d) => (d === 'tab' ? '\t' : d))
      .optional(),
    decimal: enumOf(['auto', '.', ','] as const, 'decimal mark').optional(),
    thousands: enumOf(THOUSANDS_SEPARATORS, 'thousands separator').optional(),
    /** For an Excel workbook: the sheet to read (case-insensitive). */
    sheet: z.string().trim().min(1, { error: 'expected a sheet name' }).optional(),
  })
  .strict()
  .refine((o) => o.decimal === undefined || o.decimal === 'auto' || o.decimal !== o.thousands, {
    error: 'the decimal mark and the thousands separator cannot be the same',
  });
/** One file's reading options, as checked. */
export type FileOptions = z.output<typeof FileOptionsSchema>;

/** zod schema of the config's `files`: reading options per input. (An unknown input is an
 * unrecognized key of the record, worded with a "did you mean" by config.ts: the enum's own
 * message is never shown, so it has none.) */
export const FilesSchema = z.partialRecord(z.enum(FILE_ROLES), FileOptionsSchema);
