/**
 * `secure-pipeline secrets scan`: the secret scanner (working tree, git history, a range, or
 * staged changes) with gitleaks-compatible configuration and a baseline.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { UsageError } from '@secure-pipeline/core'
import {
  Baseline,
  loadConfig,
  scanSecrets,
  summaryLines,
  toJsonReport,
  toSarifReport,
  toTextReport,
  type ScanMode
} from '@secure-pipeline/secrets'
import { parseCommandArgs } from '../args.js'
import type { Command, CommandIO } from '../command.js'

const MODES: readonly ScanMode[] = ['worktree', 'git', 'diff', 'staged']
const FORMATS = ['text', 'json', 'sarif'] as const

const help = `Usage: secure-pipeline secrets scan [PATH] [options]

Finds credentials (250+ built-in rules: cloud keys, code-host and CI tokens, SaaS API keys,
private keys, JWTs, URLs with passwords, Kubernetes Secrets, generic assignments) in PATH
(default: the current directory). Works offline; secrets are redacted in every output.

Options:
      --mode MODE         worktree (default) | git (history of HEAD) | diff (--base..--head) |
                          staged (the index, for a pre-commit hook)
      --since REF         git mode: only commits after REF (REF..HEAD)
      --base REF          diff mode: the base; all zeros (a new branch) and base == head are fine
      --head REF          diff mode: the head (default HEAD)
      --config FILE       a .gitleaks.toml (default: $GITLEAKS_CONFIG, $GITLEAKS_CONFIG_TOML,
                          PATH/.gitleaks.toml, else the built-in rules)
      --baseline FILE     hide findings recorded in FILE (our baseline, or a gitleaks JSON report;
                          --baseline-path as in gitleaks); unused entries are listed
      --write-baseline FILE  write the findings (including baselined ones) as a new baseline
      --gitleaks-ignore FILE  fingerprints to ignore (default PATH/.gitleaksignore)
      --exclude PATTERN   gitignore-style pattern to skip (repeatable)
      --max-file-size N   skip files larger than N bytes (default 10485760)
      --workers N         worker threads for the working tree (default: CPU count; 0 = none)
      --format FORMAT     text (default) | json | sarif
      --output FILE       write the report to FILE instead of stdout
      --no-redact         show secrets in full (json/text only; never in SARIF)

Inline suppression: a line containing "gitleaks:allow" or "secure-pipeline:allow".

Exit codes: 0 no secrets, 1 secrets found, 2 usage, configuration or git error.
`

const scan: Command = {
  path: ['secrets', 'scan'],
  summary: 'find secrets in files, git history or a commit range (gitleaks-compatible config)',
  help,
  async run(io: CommandIO): Promise<number> {
    const { values, positionals } = parseCommandArgs(io.argv, {
      mode: { type: 'string' },
      since: { type: 'string' },
      base: { type: 'string' },
      head: { type: 'string' },
      config: { type: 'string' },
      baseline: { type: 'string' },
      'baseline-path': { type: 'string' },
      'write-baseline': { type: 'string' },
      'gitleaks-ignore': { type: 'string' },
      exclude: { type: 'string', multiple: true },
      'max-file-size': { type: 'string' },
      workers: { type: 'string' },
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      'no-redact': { type: 'boolean' }
    })
    if (positionals.length > 1) throw new UsageError('secrets scan takes at most one PATH')
    const root = path.resolve(io.cwd, positionals[0] ?? '.')
    const mode = (values.mode ?? (values.base !== undefined ? 'diff' : 'worktree')) as ScanMode
    if (!MODES.includes(mode)) throw new UsageError(`--mode must be one of ${MODES.join(', ')}`)
    const format = values.format ?? 'text'
    if (!(FORMATS as readonly string[]).includes(format))
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`)
    const num = (v: string | undefined, name: string): number | undefined => {
      if (v === undefined) return undefined
      const n = Number(v)
      if (!Number.isInteger(n) || n < 0)
        throw new UsageError(`${name} must be a non-negative integer`)
      return n
    }
    if (values.baseline !== undefined && values['baseline-path'] !== undefined)
      throw new UsageError('give --baseline or --baseline-path, not both')
    const baselineFile = values.baseline ?? values['baseline-path']
    const config = loadConfig(
      root,
      values.config ? path.resolve(io.cwd, values.config) : undefined,
      io.env
    )
    const outcome = await scanSecrets({
      root,
      mode,
      since: values.since,
      base: values.base,
      head: values.head,
      scanConfig: config,
      baseline: baselineFile ? path.resolve(io.cwd, baselineFile) : undefined,
      gitleaksIgnore: values['gitleaks-ignore']
        ? path.resolve(io.cwd, values['gitleaks-ignore'])
        : undefined,
      exclude: values.exclude,
      maxFileSize: num(values['max-file-size'], '--max-file-size'),
      workers: num(values.workers, '--workers'),
      env: io.env
    })
    const redact = !values['no-redact']
    let report: string
    if (format === 'json') report = toJsonReport(outcome, redact)
    else if (format === 'sarif')
      report = JSON.stringify(toSarifReport(outcome, config.rules), null, 2) + '\n'
    else report = toTextReport(outcome, redact)
    if (values.output) {
      writeFileSync(path.resolve(io.cwd, values.output), report)
      io.stderr(summaryLines(outcome).join('\n') + '\n')
    } else io.stdout(report)
    if (values['write-baseline']) {
      Baseline.write(path.resolve(io.cwd, values['write-baseline']), [
        ...outcome.findings,
        ...outcome.baselined
      ])
      io.stderr(
        `wrote baseline ${values['write-baseline']} (${outcome.findings.length + outcome.baselined.length} entries)\n`
      )
    }
    return outcome.findings.length > 0 ? 1 : 0
  }
}

export const commands: Command[] = [scan]
