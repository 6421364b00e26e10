/**
 * The deploy-gate action: inputs → @secure-pipeline/gate → outputs, a job summary with the
 * decision and every violation, an annotation per violation, and the audit record on disk.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import * as core from '@actions/core'
import { UsageError, VERSION, type Finding } from '@secure-pipeline/core'
import {
  emitAnnotations,
  getListInput,
  getOptionalBoolean,
  runAction,
  setOutputs,
  workspacePath,
  writeSummary
} from '@secure-pipeline/action-kit'
import {
  auditContextFromEnv,
  formatDecisionMarkdown,
  formatDecisionText,
  runGate,
  type Violation,
  toVerificationSummary
} from '@secure-pipeline/gate'

function outFile(input: string, fallback: string): string {
  const v = core.getInput(input)
  const file = v ? workspacePath(v) : path.join(process.env.RUNNER_TEMP ?? process.cwd(), fallback)
  mkdirSync(path.dirname(file), { recursive: true })
  return file
}

function toFinding(v: Violation, severity: Finding['severity']): Finding {
  return { ruleId: v.id ?? 'gate', severity, message: v.msg }
}

async function main(): Promise<void> {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()
  const policy = core.getInput('policy', { required: true })
  const evidence = getListInput('evidence')
  if (evidence.length === 0)
    throw new UsageError(
      'inputs: evidence is empty; give the evidence files the gate should decide on'
    )
  const environment = core.getInput('environment') || undefined
  const result = runGate({
    policy,
    evidence,
    environment,
    cwd: workspace,
    context: auditContextFromEnv(process.env)
  })
  // Known secret values (from unredacted scan results) are masked before anything is logged.
  for (const s of result.redactor.values()) core.setSecret(s)
  const d = result.decision

  const decisionFile = outFile('decision-file', 'secure-pipeline-gate-decision.json')
  const auditFile = outFile('audit-file', 'secure-pipeline-gate-audit.json')
  writeFileSync(decisionFile, `${JSON.stringify(d, null, 2)}\n`)
  writeFileSync(auditFile, `${JSON.stringify(result.audit, null, 2)}\n`)
  const vsa = toVerificationSummary(d, result.input, VERSION)
  const vsaFile = vsa ? outFile('vsa-file', 'secure-pipeline-gate-vsa.json') : ''
  if (vsa) writeFileSync(vsaFile, `${JSON.stringify(vsa, null, 2)}\n`)

  core.info(formatDecisionText(d).trimEnd())
  emitAnnotations(
    [
      ...d.violations.map(v => toFinding(v, 'high')),
      ...d.warnings.map(v => toFinding(v, 'medium'))
    ],
    { title: 'deploy gate' }
  )
  await writeSummary(formatDecisionMarkdown(d))
  setOutputs({
    allowed: d.allow,
    violations: d.violations.length,
    warnings: d.warnings.length,
    'decision-file': decisionFile,
    'audit-file': auditFile,
    'policy-digest': d.policy.sha256,
    'vsa-file': vsaFile
  })
  if (!d.allow && getOptionalBoolean('fail-on-deny', true)) {
    const env = d.environment ? ` to ${d.environment}` : ''
    core.setFailed(
      `deployment${env} denied: ${d.violations.length} violation(s); see the job summary.`
    )
  }
}

void runAction(main)
