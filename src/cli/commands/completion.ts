// servicegap completion bash|zsh: a completion script made from the program's own commands and
// options, so it can never fall out of step with them.
import { Argument, Command } from 'commander';
import { emit } from '../output.js';
import type { Terminal } from '../terminal.js';

export const SHELLS = ['bash', 'zsh'] as const;

interface CommandWords {
  readonly name: string;
  readonly options: readonly string[];
}

function words(program: Command): CommandWords[] {
  return program.commands.map((command) => ({
    name: command.name(),
    options: command.options.flatMap((o) => [o.long, o.short].filter((f): f is string => Boolean(f))).concat('--help'),
  }));
}

export function bashCompletion(program: Command): string {
  const commands = words(program);
  const cases = commands.map((c) => `    ${c.name}) opts="${c.options.join(' ')}" ;;`).join('\n');
  return `# servicegap bash completion: source <(servicegap completion bash)
_servicegap() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" cmd="\${COMP_WORDS[1]}" opts
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${commands.map((c) => c.name).join(' ')} --help --version" -- "$cur"))
    return
  fi
  case "$cmd" in
${cases}
    *) opts="" ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _servicegap servicegap
`;
}

export function zshCompletion(program: Command): string {
  const commands = words(program);
  const described = program.commands.map((c) => `    '${c.name()}:${c.description().replace(/'/g, "'\\''").replace(/:/g, '\\:')}'`).join('\n');
  const cases = commands.map((c) => `      ${c.name}) _arguments ${c.options.map((o) => `'${o}[]'`).join(' ')} '*:file:_files' ;;`).join('\n');
  return `#compdef servicegap
# servicegap zsh completion: servicegap completion zsh > "\${fpath[1]}/_servicegap"
_servicegap() {
  local -a commands
  commands=(
${described}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  case "$words[2]" in
${cases}
  esac
}
_servicegap "$@"
`;
}

export function completionCommand(terminal: Terminal, program: () => Command): Command {
  return new Command('completion')
    .description('print a shell completion script (bash or zsh)')
    .addArgument(new Argument('<shell>', 'shell').choices(SHELLS))
    .action(async (shell: (typeof SHELLS)[number]) => {
      const p = program();
      await emit(terminal, shell === 'bash' ? bashCompletion(p) : zshCompletion(p), undefined);
    });
}
