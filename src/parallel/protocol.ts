// Messages between the main thread and servicegap's worker threads. Everything in them is
// structured-clone-able: a Dataset and a WeightTable are Maps of plain objects.
import type { AnalyzeOptions } from '../core/analyze.js';
import type { Dataset } from '../core/dataset.js';
import type { InputIssue } from '../core/issues.js';
import type { PieceResult, PieceSetup } from '../io/piece-parser.js';
import type { PieceRows } from '../io/piece-columns.js';
import type { Report } from '../core/report-schema.js';
import type { DrawChunk, DrawPlan } from '../core/weight-draws.js';
import type { DrawExtremesData } from '../core/draw-extremes.js';
import type { IntervalRun } from '../core/interval-blocks.js';

/** Work a worker can do on a dataset. */
export type Job =
  | { readonly kind: 'analyze'; readonly options: Omit<AnalyzeOptions, 'version'> & { readonly version?: string | undefined } }
  | { readonly kind: 'draws'; readonly plan: DrawPlan; readonly start: number; readonly end: number }
  /** Blocks of a report's interval draws, claimed one at a time in the shared `claims` as `claimant`
   * (interval-claims.ts), kept as their extremes (core/draw-extremes.ts). */
  | { readonly kind: 'interval'; readonly run: IntervalRun; readonly claims: Int32Array; readonly claimant: number };

export type JobResult<J extends Job> = J extends { kind: 'analyze' } ? Report : J extends { kind: 'draws' } ? DrawChunk : DrawExtremesData;

export interface Request {
  readonly id: number;
  /** The dataset the job runs on; a worker keeps every dataset it has been sent. Empty for draws, which carry their own model. */
  readonly datasetKey: string;
  /** Sent with the first job on this dataset that a worker gets, and never again. */
  readonly dataset?: Dataset | undefined;
  readonly job: Job;
}

/** An error, flattened for the trip back; InputError keeps its issues. */
export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string | undefined;
  readonly issues?: readonly InputIssue[] | undefined;
  /** An OptionError's option (PeriodError's too), so it is thrown again as one. */
  readonly option?: string | undefined;
}

export type Response =
  | { readonly id: number; readonly ok: true; readonly result: Report | DrawChunk | DrawExtremesData }
  | { readonly id: number; readonly ok: false; readonly error: SerializedError };

/** To a worker that reads pieces (parse-worker.ts): a piece to read (its buffer transferred), the
 * arrays of rows it sent, given back to be used again, or the setup of its file. */
export type PieceRequest =
  | { readonly seq: number; readonly bytes: Uint8Array; readonly final: boolean }
  | { readonly recycle: readonly ArrayBuffer[] }
  /** To a worker started before its file was known (read-in-parallel.ts startReaders): the file's setup. */
  | { readonly setup: PieceSetup };

/** From a worker that reads pieces: the piece's buffer back, with its rows or why it failed. */
export interface PieceResponse {
  readonly seq: number;
  readonly bytes: Uint8Array;
  readonly result?: PieceResult | undefined;
  readonly failure?: string | undefined;
}

/** To a worker that decodes Parquet row groups (parquet-worker.ts): the group to decode. */
export interface GroupRequest {
  readonly group: number;
}

/** A decoded column as it travels: a text column's dictionary and entries, or the values. */
export type SentColumn = { readonly dictionary: readonly unknown[]; readonly indices: Int32Array } | { readonly values: ArrayLike<unknown> };

/** A piece of rows a worker took, or a row (its index in the group) for the row check. */
export type SentSegment = { readonly rows: PieceRows } | { readonly check: number };

/** In the shared array of claims on the groups: the main thread or the worker took the group. */
export const CLAIMED_BY_MAIN = 1;
export const CLAIMED_BY_WORKER = 2;

/** From that worker: the group's columns by name, or its rows taken (segments, and the columns when
 * a row is for the row check); neither when hyparquet is to read the group; or why decoding failed. */
export interface GroupResponse {
  readonly group: number;
  readonly columns?: readonly (readonly [string, SentColumn])[] | undefined;
  readonly segments?: readonly SentSegment[] | undefined;
  readonly failure?: string | undefined;
  /** The main thread claimed the group first (see parquet-groups.ts). */
  readonly skipped?: boolean | undefined;
}
