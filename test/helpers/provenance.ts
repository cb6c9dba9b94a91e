// A provenance for reports built by hand in tests whose subject is not provenance: no input files
// and no config file, the SPEC §4 default weights and norms, no options (SPEC §8 shape).
import { resolveNorms } from '../../src/core/norms.js';
import type { RunProvenance } from '../../src/core/provenance-schema.js';
import { buildProvenance } from '../../src/core/run-provenance.js';
import { resolveWeights } from '../../src/core/weights.js';

export const SAMPLE_PROVENANCE: RunProvenance = buildProvenance({ version: '0.1.0', weights: resolveWeights(), norms: resolveNorms(), options: {} });
