#!/usr/bin/env node
// Launcher: the CLI is compiled to dist/ by `npm run build`.
import { run } from '../dist/cli/main.js';

await run();
