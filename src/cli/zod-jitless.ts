// zod compiles a parser for each object schema with new Function on its first parse: slower than
// parsing directly for the few parses a command does (and impossible where eval is forbidden).
// zod reads the setting when a schema is made, not when it parses, so this runs before any module
// that makes a schema: the first import of the CLI (main.ts) and of the bundle (scripts/bundle-cli.mjs).
import { config } from 'zod';

config({ jitless: true });
