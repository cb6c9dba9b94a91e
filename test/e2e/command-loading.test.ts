// The command table (src/cli/commands/index.ts): a run loads the one command it names; help, an
// unknown command and completion load them all, in help's order.
import { describe, expect, it } from 'vitest';
import { COMMANDS, loadCommands } from '../../src/cli/commands/index.js';

const ALL = ['report', 'coverage', 'trend', 'validate', 'import', 'taxonomy', 'init', 'completion', 'compare', 'batch', 'schema', 'methods', 'explain'];

describe('loadCommands', () => {
  it('loads only the command named first', async () => {
    const loaded = await loadCommands(COMMANDS, 'trend');
    expect(loaded.map(([name]) => name)).toEqual(['trend']);
    expect(typeof loaded[0]![1]).toBe('function');
  });

  it.each([[undefined], ['--help'], ['reprot'], ['completion']])('%s: every command, in help order', async (first) => {
    const loaded = await loadCommands(COMMANDS, first);
    expect(loaded.map(([name]) => name)).toEqual(ALL);
  });

  it('calls no loader but the one needed', async () => {
    const called: string[] = [];
    const table = ALL.map((name) => [name, async () => (called.push(name), () => { throw new Error('not made here'); })] as const);
    await loadCommands(table, 'validate');
    expect(called).toEqual(['validate']);
  });
});
