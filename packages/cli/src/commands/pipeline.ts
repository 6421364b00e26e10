/**
 * `secure-pipeline pipeline [PATH]`: the whole chain locally with the embedded default
 * configuration and an ephemeral key — the first thing a new user runs.
 */
import { UsageError } from '@secure-pipeline/core'
import { formatDecisionText } from '@secure-pipeline/gate'
import { runPipeline, type StageReport } from '@secure-pipeline/pipeline'
import { parseCommandArgs } from '../args.js'
import type { Command, CommandIO } from '../command.js'

const help = `Usage: secure-pipeline pipeline [PATH] [--policy P] [--environment ENV] [--output-dir DIR] [--format text|json]

Runs the whole secure pipeline on PATH (default .), locally and offline:
  secret scan (working tree) → SBOM (CycloneDX 1.6) → sign the SBOM and attest SLSA provenance with
  an ephemeral key (never written to disk, no transparency log) → verify both → policy check of
  Kubernetes manifests (k8s/, kubernetes/, manifests/, deploy/, ... with the built-in Pod Security
  Standards baseline and best-practices sets) → deploy gate over all of the evidence.

The embedded gate policy requires the signature and provenance of this run, no secrets, no
high-severity policy failures, and fresh evidence. Use --policy to decide with your own gate
policy instead (e.g. .github/deploy-gate.yml).

Options:
      --policy P         gate policy (YAML or Rego) instead of the embedded default
      --environment ENV  environment for the gate policy
      --output-dir DIR   keep the evidence, signatures and audit record in DIR
  -o, --format FORMAT    text (default) or json

Exit codes: 0 allowed, 1 denied, 2 usage or input error.
`

const MARK: Record<StageReport['status'], string> = {
  ok: '✓',
  findings: '✗',
  skipped: '-',
  error: '!'
}

const pipelineCommand: Command = {
  path: ['pipeline'],
  summary:
    'run the whole chain locally (scan, SBOM, sign, verify, policy, gate) with an ephemeral key',
  help,
  async run(io: CommandIO): Promise<number> {
    const { values, positionals } = parseCommandArgs(io.argv, {
      policy: { type: 'string' },
      environment: { type: 'string' },
      'output-dir': { type: 'string' },
      format: { type: 'string', short: 'o' }
    })
    if (positionals.length > 1) throw new UsageError('at most one PATH')
    const format = values.format ?? 'text'
    if (format !== 'text' && format !== 'json')
      throw new UsageError(`--format must be text or json, got "${format}"`)
    const result = await runPipeline({
      root: positionals[0] ?? '.',
      cwd: io.cwd,
      env: io.env,
      policy: values.policy,
      environment: values.environment,
      outputDir: values['output-dir'],
      onStage: s => {
        if (format === 'text') io.stdout(`${MARK[s.status]} ${s.name.padEnd(13)} ${s.summary}\n`)
      }
    })
    if (format === 'json')
      io.stdout(
        `${JSON.stringify({ stages: result.stages, decision: result.decision }, null, 2)}\n`
      )
    else {
      io.stdout('\n' + formatDecisionText(result.decision))
      if (values['output-dir'])
        io.stdout(`evidence, signatures and the audit record are in ${values['output-dir']}\n`)
    }
    return result.exitCode
  }
}

export const commands: Command[] = [pipelineCommand]
