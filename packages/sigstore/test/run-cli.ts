// Runs a sigstore CLI command in-process (as packages/cli would), capturing stdout/stderr and the
// exit code the CLI shell would give a thrown error.
import { describeError, exitCodeFor } from '@secure-pipeline/core'
import { commands } from '../../cli/src/commands/sigstore.js'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

export async function runCli(
  argv: string[],
  cwd: string,
  env: Record<string, string> = {}
): Promise<CliRun> {
  const command = [...commands]
    .sort((a, b) => b.path.length - a.path.length)
    .find(c => c.path.every((w, i) => argv[i] === w))
  if (!command) throw new Error(`no command for ${argv.join(' ')}`)
  let stdout = ''
  let stderr = ''
  let code: number
  try {
    code = await command.run({
      argv: argv.slice(command.path.length),
      cwd,
      env: { PATH: process.env.PATH, HOME: cwd, ...env },
      stdout: t => (stdout += t),
      stderr: t => (stderr += t)
    })
  } catch (err) {
    stderr += `${describeError(err)}\n`
    code = exitCodeFor(err)
  }
  return { code, stdout, stderr }
}
