/**
 * The `secure-pipeline` command shell: routes argv to an engine command, prints help, and maps
 * every outcome to the exit-code contract (0 clean, 1 findings, 2 usage/input error).
 */
import { describeError, exitCodeFor, ExitCode, VERSION } from '@secure-pipeline/core'
import type { Command, CommandIO } from './command.js'
import { loadCommands } from './commands/index.js'

export interface MainIO {
  cwd: string
  env: NodeJS.ProcessEnv
  stdout: (text: string) => void
  stderr: (text: string) => void
}

function usage(commands: readonly Command[], prefix: readonly string[] = []): string {
  const matching = commands.filter(c => prefix.every((w, i) => c.path[i] === w))
  const width = Math.max(0, ...matching.map(c => c.path.join(' ').length))
  const lines = matching.map(c => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`).sort()
  const head =
    prefix.length > 0
      ? `secure-pipeline ${prefix.join(' ')} <command>`
      : 'secure-pipeline <command> [options]'
  return [
    `Usage: ${head}`,
    '',
    'Commands:',
    ...(lines.length > 0 ? lines : ['  (none)']),
    '',
    'Options:',
    '  -h, --help     show help for a command',
    '  -V, --version  print the version',
    '',
    'Exit codes: 0 clean or allowed, 1 findings / violations / denied / not verified,',
    '2 usage, configuration or input error.',
    ''
  ].join('\n')
}

/** The command whose path is the longest prefix of argv's leading words. */
export function route(
  argv: readonly string[],
  commands: readonly Command[]
): { command: Command; rest: string[] } | undefined {
  let best: Command | undefined
  for (const c of commands) {
    if (c.path.length > argv.length) continue
    if (!c.path.every((w, i) => argv[i] === w)) continue
    if (!best || c.path.length > best.path.length) best = c
  }
  return best ? { command: best, rest: argv.slice(best.path.length) } : undefined
}

export async function main(
  argv: readonly string[],
  io: MainIO,
  given?: readonly Command[]
): Promise<number> {
  if (argv[0] === '-V' || argv[0] === '--version') {
    io.stdout(`secure-pipeline ${VERSION}\n`)
    return ExitCode.Ok
  }
  // `help CMD` is `CMD --help`, which loads only CMD's engine.
  if (argv[0] === 'help' && argv.length > 1) return main([...argv.slice(1), '--help'], io, given)
  const commands = given ?? (await loadCommands(argv))
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') {
    io.stdout(usage(commands))
    return argv.length === 0 ? ExitCode.UsageError : ExitCode.Ok
  }
  const found = route(argv, commands)
  if (!found) {
    const group = commands.some(c => c.path.length > 1 && c.path[0] === argv[0])
    if (group) {
      const wantsHelp = argv.includes('--help') || argv.includes('-h')
      ;(wantsHelp ? io.stdout : io.stderr)(usage(commands, [argv[0]]))
      return wantsHelp ? ExitCode.Ok : ExitCode.UsageError
    }
    io.stderr(`secure-pipeline: unknown command '${argv.join(' ')}'\n\n${usage(commands)}`)
    return ExitCode.UsageError
  }
  const { command, rest } = found
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help.endsWith('\n') ? command.help : command.help + '\n')
    return ExitCode.Ok
  }
  const commandIO: CommandIO = {
    argv: rest,
    cwd: io.cwd,
    env: io.env,
    stdout: io.stdout,
    stderr: io.stderr
  }
  try {
    return await command.run(commandIO)
  } catch (err) {
    io.stderr(`secure-pipeline ${command.path.join(' ')}: ${describeError(err)}\n`)
    return exitCodeFor(err)
  }
}
