// The values the runs' options take and their defaults, gathered from where each is defined, so
// that the command line (which may import only app and report) declares its flags from them.
export { FILL_MODES } from '../core/series.js';
export { MISSING_COMMUNITY } from '../core/config.js';
export { SORT_METRICS, type Report } from '../core/report-schema.js';
export { THOUSANDS_SEPARATORS } from '../core/numbers.js';
export { DEFAULT_DRAWS, DEFAULT_SEED } from '../core/sensitivity.js';
export { DEFAULT_INTERVAL_DRAWS } from '../core/interval.js';
export { CORRELATIONS } from '../core/report-schema.js';
export { SEED_MAX } from '../core/random.js';
export { DEFAULT_COMPARE_TOP } from '../core/compare.js';
export type { Warning } from '../core/issues.js';
export { DELIMITERS } from '../io/delimiter.js';
export { ENCODINGS } from '../io/encodings.js';
export { CSV_PARSERS } from '../io/read-csv.js';
export { CONFIG_FILE_NAME } from '../io/config-file.js';
export { FILE_NAMES } from '../io/load-dataset.js';
export type { ReadProgress } from '../io/read-table.js';
export { describeFileRead } from '../io/describe-read.js';
export { BATCH_AUTO_THRESHOLD } from '../parallel/batch.js';
export { IMPORT_FORMATS, IMPORT_PRESETS, type ImportFormat } from '../core/import/presets.js';
export { IMPORT_ROLES } from '../core/import/mapping.js';
export { neutralizeControls, oneLineText } from '../core/control-chars.js';
export type { DatasetInputs } from '../io/load-dataset.js';
