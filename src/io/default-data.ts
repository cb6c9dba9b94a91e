import { fileURLToPath } from 'node:url';

/** The bundled default dataset (data/ at the package root; this file is src/io or dist/io). */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
