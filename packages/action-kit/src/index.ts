/**
 * What every action shares: inputs, annotations within GitHub's limits, the job summary, outputs,
 * secret masking, and failing with one clear message instead of a stack trace.
 */
import path from 'node:path'
import * as core from '@actions/core'
import { compareSeverity, describeError, sarifLevel, type Finding } from '@secure-pipeline/core'

/** GitHub shows at most 10 annotations of each kind per step (and 50 per job). */
export const ANNOTATIONS_PER_LEVEL = 10
/** A step summary over 1 MiB is rejected by the runner. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024

export function getListInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map(s => s.trim())
    .filter(s => s.length > 0 && !s.startsWith('#'))
}

export function getOptionalBoolean(name: string, fallback: boolean): boolean {
  return core.getInput(name) === '' ? fallback : core.getBooleanInput(name)
}

/** Resolves a path input against the workspace, as users write them relative to the repo. */
export function workspacePath(p: string): string {
  const ws = process.env.GITHUB_WORKSPACE ?? process.cwd()
  return path.resolve(ws, p)
}

/** Registers values with the runner's masker; call before anything that might log them. */
export function maskSecrets(values: Iterable<string>): void {
  for (const v of values) if (v.length > 0) core.setSecret(v)
}

export interface AnnotationReport {
  emitted: number
  omitted: number
}

/**
 * Emits the most severe findings as annotations, at most `perLevel` per level, and one notice
 * counting the rest (which the summary and SARIF carry in full).
 */
export function emitAnnotations(
  findings: readonly Finding[],
  options: { title?: string; perLevel?: number } = {}
): AnnotationReport {
  const perLevel = options.perLevel ?? ANNOTATIONS_PER_LEVEL
  const sorted = [...findings].sort((a, b) => compareSeverity(a.severity, b.severity))
  const used = { error: 0, warning: 0, note: 0 }
  let emitted = 0
  for (const f of sorted) {
    const level = sarifLevel(f.severity)
    // Notices are needed for the overflow line, so leave one free.
    const cap = level === 'note' ? perLevel - 1 : perLevel
    if (used[level] >= cap) continue
    used[level]++
    emitted++
    const props: core.AnnotationProperties = {
      title: options.title ? `${options.title}: ${f.ruleId}` : f.ruleId
    }
    if (f.location) {
      props.file = f.location.file
      if (f.location.startLine !== undefined) {
        props.startLine = f.location.startLine
        props.endLine = f.location.endLine ?? f.location.startLine
        // GitHub ignores columns on multi-line annotations.
        if (props.endLine === props.startLine && f.location.startColumn !== undefined) {
          props.startColumn = f.location.startColumn
          if (f.location.endColumn !== undefined) props.endColumn = f.location.endColumn
        }
      }
    }
    if (level === 'error') core.error(f.message, props)
    else if (level === 'warning') core.warning(f.message, props)
    else core.notice(f.message, props)
  }
  const omitted = findings.length - emitted
  if (omitted > 0)
    core.notice(`${omitted} more finding(s) are not annotated; see the job summary and SARIF.`, {
      title: options.title ?? 'secure-pipeline'
    })
  return { emitted, omitted }
}

function escapeCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

/** A Markdown table; cells are escaped so user data cannot break the layout. */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[]
): string {
  const head = `| ${headers.map(escapeCell).join(' | ')} |`
  const sep = `| ${headers.map(() => '---').join(' | ')} |`
  const body = rows.map(r => `| ${r.map(escapeCell).join(' | ')} |`)
  return [head, sep, ...body].join('\n') + '\n'
}

/**
 * Appends Markdown to the step summary, cut at a line boundary below GitHub's 1 MiB limit with a
 * note saying so.
 */
export async function writeSummary(markdown: string): Promise<void> {
  let text = markdown
  if (Buffer.byteLength(text, 'utf8') > SUMMARY_LIMIT_BYTES - 1024) {
    const budget = SUMMARY_LIMIT_BYTES - 1024
    let cut = Buffer.from(text, 'utf8').subarray(0, budget).toString('utf8')
    cut = cut.slice(0, Math.max(0, cut.lastIndexOf('\n')))
    text =
      cut +
      '\n\n_The summary was cut at GitHub’s 1 MiB limit; the full list is in the SARIF and JSON outputs._\n'
  }
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary.addRaw(text, true).write()
}

/**
 * Registry credentials from the conventional `registry-username` / `registry-password` inputs;
 * the user defaults to the workflow's actor, as ghcr.io accepts any name with a GITHUB_TOKEN.
 */
export function registryCredentialInputs(): { username: string; password: string } | undefined {
  const password = core.getInput('registry-password')
  if (!password) return undefined
  const username = core.getInput('registry-username') || process.env.GITHUB_ACTOR || 'token'
  return { username, password }
}

export function setOutputs(outputs: Record<string, string | number | boolean>): void {
  for (const [k, v] of Object.entries(outputs)) core.setOutput(k, String(v))
}

/**
 * Runs an action's main function: a thrown error becomes one `::error::` line and a failed step,
 * never a stack trace.
 */
export async function runAction(main: () => Promise<void>): Promise<void> {
  try {
    await main()
  } catch (err) {
    core.setFailed(describeError(err))
  }
}
