/**
 * The `sbom` command alone, bundled for the benchmark: measures the SBOM engine as a process
 * (Node start-up + bundle load + discovery + parse + render), like the peer is measured.
 */
import { describeError, exitCodeFor } from '@secure-pipeline/core'
import { commands } from '../../packages/cli/src/commands/sbom.js'

const cmd = commands[0]
cmd
  .run({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: t => process.stdout.write(t),
    stderr: t => process.stderr.write(t)
  })
  .then(code => {
    process.exitCode = code
  })
  .catch((err: unknown) => {
    process.stderr.write(`secure-pipeline sbom: ${describeError(err)}\n`)
    process.exitCode = exitCodeFor(err)
  })
