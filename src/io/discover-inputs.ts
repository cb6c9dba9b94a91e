// Finding the input files of a data folder (SPEC §1, §8): names match case-insensitively
// (`Services.CSV` is services.csv); with no CSV file, an Excel workbook of the input's name
// (`services.xlsx`, issue 14), else a Parquet file (`services.parquet`, issue 16), is read in its place; a spreadsheet servicegap cannot read or an
// archive named like an input is an error that says what to do; and a folder without services.csv
// is an input error naming what it holds — community capacity that was never given is unknown,
// not zero — unless the user said `--services none`.
import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { InputIssue } from '../core/issues.js';
import { hasWorkbookExtension } from './xlsx-sheet.js';

/** Extensions of spreadsheets servicegap cannot read (an .xlsx or .xlsm workbook it reads): to be saved as .xlsx or exported as CSV first. */
const SPREADSHEETS = new Set(['.xlsb', '.xls', '.ods', '.numbers', '.fods']);
/** Extensions of archives: to be unpacked first. */
const ARCHIVES = new Set(['.zip', '.gz', '.tgz', '.tar', '.7z', '.rar', '.bz2', '.xz']);
/** Text tables under another extension: readable as they are, but not found under that name. */
const OTHER_TEXT = new Set(['.tsv', '.txt', '.tab', '.dat']);

/** What a data folder holds for one input: the file to read, or nothing (with what was found instead). */
export interface FoundInput {
  /** The file's path (dir joined with its name as it is on disk), when there is one. */
  readonly path?: string | undefined;
  /** A problem: two names for one input, or a spreadsheet, archive or other text file in its place. */
  readonly issue?: InputIssue | undefined;
}

/** A data folder's files, listed once: what each input is found as. */
export interface FolderListing {
  readonly dir: string;
  /** Every file name in the folder, in code-unit order; undefined when the folder cannot be listed. */
  readonly names: readonly string[] | undefined;
  /** The folders in it (a folder named like an input is that input, which then cannot be read: exit 4, "it is a folder"). */
  readonly folders?: readonly string[] | undefined;
}

/** List a data folder; a folder that cannot be listed is left to fail when its files are opened (exit 4, naming the file). */
export async function listFolder(dir: string): Promise<FolderListing> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    const names = entries.filter((e) => !e.isDirectory()).map((e) => e.name);
    const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name);
    return { dir, names: names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), folders };
  } catch {
    return { dir, names: undefined };
  }
}

/** "archive.tar.gz" → ".tar.gz" style: the part after the input's own base name. */
function stem(name: string): { base: string; ext: string } {
  const lower = name.toLowerCase();
  const dot = lower.indexOf('.');
  return dot < 0 ? { base: lower, ext: '' } : { base: lower.slice(0, dot), ext: lower.slice(dot) };
}

/**
 * Find `fileName` (e.g. services.csv) in a listed folder, case-insensitively. With no match, an
 * Excel workbook of the same base name (services.xlsx, .xlsm) is the input, else a Parquet file
 * (services.parquet); else a file of the
 * same base name that is a spreadsheet servicegap cannot read, an archive or another text table is
 * named in an issue with what to do. Two matches (`services.csv` and `Services.CSV` on a
 * case-sensitive disk, or services.xlsx and services.xlsm) are an issue naming both.
 */
export function findInput(listing: FolderListing, fileName: string, option: string): FoundInput {
  const { dir, names } = listing;
  if (names === undefined) return { path: join(dir, fileName) };
  const wanted = fileName.toLowerCase();
  const matches = names.filter((n) => n.toLowerCase() === wanted);
  const file = join(dir, fileName);
  if (matches.length > 1) {
    return {
      issue: { file, message: `${matches.length} files in the folder are named ${fileName} but for upper and lower case (${matches.join(', ')}): keep one` },
    };
  }
  if (matches.length === 1) return { path: join(dir, matches[0]!) };
  // A folder of the input's name is the input: reading it says it is a folder (exit 4), as for
  // regions.csv, rather than that the folder has no such file.
  const folder = listing.folders?.find((n) => n.toLowerCase() === wanted);
  if (folder !== undefined) return { path: join(dir, folder) };
  const base = stem(fileName).base;
  const alike = names.filter((n) => stem(n).base === base && stem(n).ext !== '' && stem(n).ext !== extname(wanted));
  // A workbook is read wherever a CSV file is (read-table.ts): services.xlsx stands for services.csv.
  const workbooks = alike.filter((n) => stem(n).ext === extname(n).toLowerCase() && hasWorkbookExtension(n));
  if (workbooks.length > 1) {
    return {
      issue: { file, message: `no ${fileName}, and ${workbooks.length} workbooks could stand for it (${workbooks.join(', ')}): keep one, or give it with ${option} FILE` },
    };
  }
  if (workbooks.length === 1) return { path: join(dir, workbooks[0]!) };
  // Then a Parquet file of the same name (services.parquet, issue 16): .csv, .xlsx, .parquet in that order.
  const parquet = alike.filter((n) => stem(n).ext === '.parquet');
  if (parquet.length > 1) {
    return {
      issue: { file, message: `no ${fileName}, and ${parquet.length} Parquet files could stand for it (${parquet.join(', ')}): keep one, or give it with ${option} FILE` },
    };
  }
  if (parquet.length === 1) return { path: join(dir, parquet[0]!) };
  for (const name of alike) {
    const ext = stem(name).ext;
    const last = extname(name).toLowerCase();
    const where = join(dir, name);
    if (SPREADSHEETS.has(last)) {
      return {
        issue: {
          file: where,
          message:
            `this is a spreadsheet servicegap cannot read (${last}): it reads ${fileName} or an Excel workbook ${base}.xlsx. ` +
            `Save it as an Excel workbook (.xlsx) as ${join(dir, `${base}.xlsx`)}, or export the sheet as CSV ` +
            `(Excel: File → Save As → "CSV UTF-8"; LibreOffice: File → Save As → "Text CSV") as ${join(dir, fileName)}, ` +
            `or give the file with ${option} FILE`,
        },
      };
    }
    if (ARCHIVES.has(last) || ARCHIVES.has(ext)) {
      return {
        issue: { file: where, message: `this is an archive: unpack it so that the folder holds ${fileName}, or give the unpacked file with ${option} FILE` },
      };
    }
    if (OTHER_TEXT.has(last)) {
      return {
        issue: { file: where, message: `found ${name} but no ${fileName}: rename it to ${fileName}, or give it with ${option} ${where}` },
      };
    }
  }
  return {};
}

/** "regions.csv, population.csv and beds.csv"; "nothing" for an empty folder. */
export function describeFound(names: readonly string[] | undefined): string {
  if (names === undefined || names.length === 0) return 'no files';
  const shown = names.slice(0, 8);
  const more = names.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** The input error of a data folder without services.csv (SPEC §8): what it holds and the three ways on. */
export function missingServicesIssue(listing: FolderListing): InputIssue {
  return {
    file: join(listing.dir, 'services.csv'),
    message:
      `the data folder has no services.csv (it holds ${describeFound(listing.names)}). Missing community data is not zero: ` +
      'add services.csv (or an Excel workbook services.xlsx), give the file with --services FILE, or say --services none to run without community data ' +
      '(every region is then excluded with reason "community", or counted with 0 and flagged under --missing-community zero)',
  };
}
