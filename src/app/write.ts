// Writing an output file: the one output writer (io/output-writer.ts) — never over a file the run
// has read (the read log: io/read-log.ts), never half-written, symlinks, devices, FIFOs and modes
// kept — and the log itself, which a caller opens around a run so that its outputs are checked
// against its inputs.
export { checkTarget, descriptorOf, removePendingTemps, writeFailure, writeIfRegularFile, writeOutput, type OutputContent } from '../io/output-writer.js';
export { withReadLog } from '../io/read-log.js';
