/**
 * `secure-pipeline gate`: one policy over all the evidence → allowed (0) or denied (1), with an
 * audit record. Bad policy or evidence is exit 2 with the file and line.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { UsageError, VERSION } from '@secure-pipeline/core'
import {
  EVIDENCE_KINDS,
  auditContextFromEnv,
  formatDecisionText,
  loadGatePolicy,
  runGate,
  toVerificationSummary
} from '@secure-pipeline/gate'
import { parseCommandArgs } from '../args.js'
import type { Command, CommandIO } from '../command.js'

const help = `Usage: secure-pipeline gate --policy P --evidence E... [--environment ENV] [--format text|json] [--audit FILE] [--vsa FILE]

Evaluates one policy over all the evidence and prints the decision
{"allow","violations":[...],"warnings":[...]}. Fails closed: missing evidence is a violation and
any evaluation error denies.

Options:
  -p, --policy P         declarative gate policy (YAML), or Rego (a .rego file or a directory;
                         package gate with deny/violation/warn rules, as conftest, and/or allow)
  -e, --evidence E       evidence file or directory (repeatable). The kind is detected from the
                         content; force it with KIND:PATH, KIND one of
                         ${EVIDENCE_KINDS.join(', ')}
      --environment ENV  target environment (selects the policy's environments.ENV section)
  -o, --format FORMAT    text (default) or json
      --audit FILE       write the audit record (policy and evidence digests, inputs summary,
                         time, environment, decision; never secrets) to FILE
      --vsa FILE         also write the decision as an (unsigned) in-toto SLSA Verification
                         Summary about the verified artifacts, ready to be signed with attest
      --now TIME         evaluate at this RFC 3339 time instead of the clock (replay, tests)
      --print-rego       print the Rego the policy compiles to (for --environment) and exit

Exit codes: 0 allowed, 1 denied, 2 usage, policy or evidence error.
`

const gateCommand: Command = {
  path: ['gate'],
  summary: 'deploy gate: one policy over all the evidence → allow or deny, with an audit record',
  help,
  run(io: CommandIO): Promise<number> {
    const { values, positionals } = parseCommandArgs(
      io.argv,
      {
        policy: { type: 'string', short: 'p' },
        evidence: { type: 'string', short: 'e', multiple: true },
        environment: { type: 'string' },
        format: { type: 'string', short: 'o' },
        audit: { type: 'string' },
        vsa: { type: 'string' },
        now: { type: 'string' },
        'print-rego': { type: 'boolean' }
      },
      true
    )
    const evidence = [...(values.evidence ?? []), ...positionals]
    if (!values.policy) throw new UsageError('--policy is required (see --help)')
    const format = values.format ?? 'text'
    if (format !== 'text' && format !== 'json')
      throw new UsageError(`--format must be text or json, got "${format}"`)
    if (values['print-rego']) {
      const policy = loadGatePolicy(values.policy, io.cwd)
      for (const m of policy.forEnvironment(values.environment ?? null).modules)
        io.stdout(`# ${m.path}\n${m.source}\n`)
      return Promise.resolve(0)
    }
    let now: Date | undefined
    if (values.now !== undefined) {
      now = new Date(values.now)
      if (Number.isNaN(now.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(values.now))
        throw new UsageError(`--now must be an RFC 3339 time, got "${values.now}"`)
    }
    const result = runGate({
      policy: values.policy,
      evidence,
      environment: values.environment,
      cwd: io.cwd,
      now,
      context: auditContextFromEnv(io.env)
    })
    if (values.audit) {
      const file = path.resolve(io.cwd, values.audit)
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, `${JSON.stringify(result.audit, null, 2)}\n`)
    }
    if (values.vsa) {
      const vsa = toVerificationSummary(result.decision, result.input, VERSION)
      if (vsa) {
        const file = path.resolve(io.cwd, values.vsa)
        mkdirSync(path.dirname(file), { recursive: true })
        writeFileSync(file, `${JSON.stringify(vsa, null, 2)}\n`)
      } else
        io.stderr(
          'notice: no verification summary written: the evidence names no artifact digest\n'
        )
    }
    const d = result.decision
    if (format === 'json') io.stdout(`${JSON.stringify(d, null, 2)}\n`)
    else io.stdout(formatDecisionText(d))
    return Promise.resolve(result.exitCode)
  }
}

export const commands: Command[] = [gateCommand]
