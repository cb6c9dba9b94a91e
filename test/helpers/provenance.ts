// A provenance with nothing in it (SPEC §8 shape), for reports built by hand in tests whose
// subject is not provenance.
import type { RunProvenance } from '../../src/core/provenance-schema.js';

export const EMPTY_PROVENANCE: RunProvenance = { servicegap: '0.1.0', inputs: [], config: null, weights: [], norms: [], options: {} };
