// An error thrown in a worker thread, flattened for the trip back to the pool (pool.ts revives it
// with its class). Shared by both workers' scripts; it imports no schema, so the draws worker
// still loads no zod (draws-worker.ts).
import { OptionError } from '../core/errors.js';
import { InputError } from '../core/issues.js';
import type { SerializedError } from './protocol.js';

/** `error` as it travels: its name, message and stack; an InputError's issues, an OptionError's option. */
export function serializeError(error: unknown): SerializedError {
  const e = error instanceof Error ? error : new Error(String(error));
  return {
    name: e.name,
    message: e.message,
    stack: e.stack,
    issues: e instanceof InputError ? e.issues : undefined,
    ...(e instanceof OptionError ? { option: e.option } : {}),
  };
}
