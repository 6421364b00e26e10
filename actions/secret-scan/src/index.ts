/**
 * The secret-scan action: picks the range from the event, runs the engine, masks every found
 * value with the runner before anything is logged, then annotations, job summary, SARIF, outputs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import * as core from '@actions/core'
import {
  emitAnnotations,
  getListInput,
  getOptionalBoolean,
  markdownTable,
  maskSecrets,
  runAction,
  setOutputs,
  workspacePath,
  writeSummary
} from '@secure-pipeline/action-kit'
import { UsageError } from '@secure-pipeline/core'
import {
  loadConfig,
  redactValue,
  scanSecrets,
  summaryLines,
  toCoreFindings,
  toSarifReport,
  toTextReport,
  type MissingBase,
  type ScanMode
} from '@secure-pipeline/secrets'

interface EventPayload {
  before?: string
  after?: string
  pull_request?: { base?: { sha?: string }; head?: { sha?: string } }
  merge_group?: { base_sha?: string; head_sha?: string }
}

interface Plan {
  mode: ScanMode
  base?: string
  head?: string
  missingBase?: MissingBase
  reason: string
}

function readEvent(): EventPayload {
  const p = process.env.GITHUB_EVENT_PATH
  if (!p || !existsSync(p)) return {}
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as EventPayload
  } catch {
    return {}
  }
}

/** Chooses what to scan from the inputs and the triggering event. */
export function planScan(
  modeInput: string,
  scheduledMode: string,
  eventName: string,
  event: EventPayload,
  base: string,
  head: string
): Plan {
  if (modeInput !== 'auto') {
    if (!['worktree', 'git', 'diff', 'staged'].includes(modeInput))
      throw new UsageError(
        `input mode must be auto, worktree, git, diff or staged (got "${modeInput}")`
      )
    return {
      mode: modeInput as ScanMode,
      base: base || undefined,
      head: head || undefined,
      reason: 'mode input'
    }
  }
  if (base) return { mode: 'diff', base, head: head || undefined, reason: 'base input' }
  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    const b = event.pull_request?.base?.sha
    const h = event.pull_request?.head?.sha
    if (b && h)
      return { mode: 'diff', base: b, head: h, reason: `${eventName}: the pull request's commits` }
  }
  if (eventName === 'push' && event.after) {
    return {
      mode: 'diff',
      base: event.before ?? '',
      head: event.after,
      // A force push's `before` is in no clone any more: scan what no remote branch has.
      missingBase: 'not-on-remotes',
      reason: 'push: before..after'
    }
  }
  if (eventName === 'merge_group' && event.merge_group?.base_sha && event.merge_group.head_sha)
    return {
      mode: 'diff',
      base: event.merge_group.base_sha,
      head: event.merge_group.head_sha,
      reason: 'merge_group'
    }
  if (scheduledMode !== 'history' && scheduledMode !== 'worktree')
    throw new UsageError(
      `input scheduled-mode must be history or worktree (got "${scheduledMode}")`
    )
  return {
    mode: scheduledMode === 'history' ? 'git' : 'worktree',
    reason: `${eventName || 'no event'}: scheduled-mode ${scheduledMode}`
  }
}

async function main(): Promise<void> {
  const root = workspacePath(core.getInput('path') || '.')
  const plan = planScan(
    core.getInput('mode') || 'auto',
    core.getInput('scheduled-mode') || 'history',
    process.env.GITHUB_EVENT_NAME ?? '',
    readEvent(),
    core.getInput('base'),
    core.getInput('head')
  )
  const configInput = core.getInput('config')
  const config = loadConfig(root, configInput ? workspacePath(configInput) : undefined, process.env)
  const baselineInput = core.getInput('baseline')
  const outcome = await scanSecrets({
    root,
    mode: plan.mode,
    base: plan.base,
    head: plan.head,
    missingBase: plan.missingBase,
    scanConfig: config,
    baseline: baselineInput ? workspacePath(baselineInput) : undefined,
    exclude: getListInput('exclude'),
    env: process.env
  })
  // Mask every value first: nothing below may print one, but the runner must know them.
  // Multi-line values (private keys) are also masked line by line, as the runner matches lines.
  maskSecrets(
    [...outcome.findings, ...outcome.baselined].flatMap(f => [
      f.secret,
      ...(f.secret.includes('\n') ? f.secret.split(/\r?\n/).filter(l => l.trim().length >= 8) : [])
    ])
  )

  core.info(
    `secret scan: ${plan.reason}; mode ${plan.mode}${outcome.stats.range ? `, range ${outcome.stats.range}` : ''}`
  )
  core.info(toTextReport(outcome, true).trimEnd())
  // Configuration notes (e.g. gitleaks rule ids we do not ship, ignored under useDefault).
  if (outcome.stats.note) core.notice(`secret scan: ${outcome.stats.note}`)
  for (const r of outcome.slowRules)
    core.warning(
      `rule ${r.ruleId} exceeded its time budget on ${r.file} and was disabled for this scan`
    )
  for (const e of outcome.unusedBaseline)
    core.notice(`unused baseline entry: ${e.ruleId} in ${e.file}; remove it from the baseline`)

  const sarifInput = core.getInput('sarif-file')
  const sarifFile = sarifInput
    ? workspacePath(sarifInput)
    : path.join(process.env.RUNNER_TEMP ?? root, 'secure-pipeline-secrets.sarif')
  mkdirSync(path.dirname(sarifFile), { recursive: true })
  writeFileSync(sarifFile, JSON.stringify(toSarifReport(outcome, config.rules), null, 2) + '\n')

  const findings = toCoreFindings(outcome.findings)
  emitAnnotations(findings, { title: 'secret' })

  const rows = outcome.findings.map(f => [
    f.severity,
    f.description,
    `${f.file}:${f.startLine}`,
    f.commit ? f.commit.slice(0, 12) : '',
    redactValue(f.secret)
  ])
  let md = `## Secret scan\n\n${summaryLines(outcome).join('  \n')}\n\n`
  if (rows.length > 0)
    md += markdownTable(['severity', 'what', 'where', 'commit', 'secret (redacted)'], rows)
  md += `\nScanned: ${plan.reason}.\n`
  await writeSummary(md)

  setOutputs({
    findings: outcome.findings.length,
    'sarif-file': sarifFile,
    mode: plan.mode,
    range: outcome.stats.range ?? ''
  })
  if (outcome.findings.length > 0 && getOptionalBoolean('fail-on-findings', true))
    core.setFailed(
      `${outcome.findings.length} secret(s) found. Revoke and rotate them; accepted findings can go in a baseline or .gitleaksignore.`
    )
}

void runAction(main)
