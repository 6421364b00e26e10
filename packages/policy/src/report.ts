/**
 * Output formats: text (conftest's standard output plus the line), JSON (conftest's shape), SARIF
 * 2.1.0, JUnit, TAP, GitHub workflow commands, and a Markdown job summary grouped by file and rule.
 */
import {
  INFORMATION_URI,
  TOOL_NAME,
  VERSION,
  toSarif,
  type Finding,
  type RuleDescriptor,
  type Severity
} from '@secure-pipeline/core'
import { totals, type CheckResult, type ResultItem } from './engine.js'

/** `stdout` is conftest's name for `text`. */
export const OUTPUT_FORMATS = [
  'text',
  'stdout',
  'json',
  'table',
  'sarif',
  'junit',
  'github',
  'tap'
] as const
export type OutputFormat = (typeof OUTPUT_FORMATS)[number]

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

export function summaryLine(results: readonly CheckResult[]): string {
  const t = totals(results)
  return `${plural(t.tests, 'test')}, ${t.successes} passed, ${plural(t.warnings, 'warning')}, ${plural(t.failures, 'failure')}, ${plural(t.exceptions, 'exception')}`
}

export function lineOf(item: ResultItem): number | undefined {
  const l = item.metadata?.line
  return typeof l === 'number' && Number.isInteger(l) && l > 0 ? l : undefined
}

function where(file: string, item: ResultItem): string {
  const line = lineOf(item)
  return line === undefined ? file : `${file}:${line}`
}

/** conftest's standard output, with `file:line`. */
export function formatText(results: readonly CheckResult[]): string {
  const out: string[] = []
  for (const r of results) {
    const total = r.successes + r.failures.length + r.warnings.length + r.exceptions.length
    if (total === 0) {
      out.push(`? - ${r.filename} - ${r.namespace} - no policies found`)
      continue
    }
    for (const w of r.warnings)
      out.push(`WARN - ${where(r.filename, w)} - ${r.namespace} - ${w.msg}`)
    for (const f of r.failures)
      out.push(`FAIL - ${where(r.filename, f)} - ${r.namespace} - ${f.msg}`)
    for (const e of r.exceptions) out.push(`EXCP - ${r.filename} - ${r.namespace} - ${e.msg}`)
  }
  out.push('', summaryLine(results))
  return out.join('\n') + '\n'
}

function jsonItem(i: ResultItem): Record<string, unknown> {
  const o: Record<string, unknown> = { msg: i.msg }
  if (i.loc) o.loc = i.loc
  if (i.metadata && Object.keys(i.metadata).length > 0) o.metadata = i.metadata
  return o
}

/** conftest's JSON: tab-indented list of {filename, namespace, successes, warnings, failures, exceptions}. */
export function formatJson(results: readonly CheckResult[]): string {
  const list = results.map(r => ({
    filename: r.filename,
    namespace: r.namespace,
    successes: r.successes,
    warnings: r.warnings.map(jsonItem),
    failures: r.failures.map(jsonItem),
    exceptions: r.exceptions.map(jsonItem)
  }))
  return JSON.stringify(list, jsonReplacer, '\t') + '\n'
}

function jsonReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? Number(value) : value
}

function tapLines(r: CheckResult): string[] {
  const lines: string[] = []
  const n = r.failures.length + r.warnings.length + r.successes + r.exceptions.length
  if (n === 0) return lines
  const prefix = ` - ${r.filename} - ${r.namespace} - `
  lines.push(`1..${n}`)
  let i = 0
  for (const f of r.failures) lines.push(`not ok ${++i}${prefix}${f.msg}`)
  if (r.warnings.length > 0) {
    lines.push('# warnings')
    for (const w of r.warnings) lines.push(`not ok ${++i}${prefix}${w.msg}`)
  }
  if (r.exceptions.length > 0) {
    lines.push('# exceptions')
    for (const e of r.exceptions) lines.push(`ok ${++i}${prefix}${e.msg} # SKIP exception`)
  }
  if (r.successes > 0) {
    lines.push('# successes')
    for (let s = 0; s < r.successes; s++)
      lines.push(`ok ${++i} - ${r.filename} - ${r.namespace} - `)
  }
  return lines
}

/**
 * conftest's table: RESULT | FILE | NAMESPACE | MESSAGE, one row per success (message SUCCESS),
 * exception, warning and failure; nothing at all when there are no rows.
 */
export function formatTable(results: readonly CheckResult[]): string {
  const rows: string[][] = []
  for (const r of results) {
    for (let i = 0; i < r.successes; i++) rows.push(['success', r.filename, r.namespace, 'SUCCESS'])
    for (const e of r.exceptions) rows.push(['exception', r.filename, r.namespace, e.msg])
    for (const w of r.warnings) rows.push(['warning', where(r.filename, w), r.namespace, w.msg])
    for (const f of r.failures) rows.push(['failure', where(r.filename, f), r.namespace, f.msg])
  }
  if (rows.length === 0) return ''
  const header = ['RESULT', 'FILE', 'NAMESPACE', 'MESSAGE']
  const cells = rows.map(row => row.map(c => c.replace(/\r?\n/g, ' ')))
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map(row => row[i].length)))
  const rule = '+' + widths.map(w => '-'.repeat(w + 2)).join('+') + '+'
  const line = (row: string[]): string =>
    '|' + row.map((c, i) => ` ${c.padEnd(widths[i])} `).join('|') + '|'
  return [rule, line(header), rule, ...cells.map(line), rule].join('\n') + '\n'
}

export function formatTap(results: readonly CheckResult[]): string {
  return results.flatMap(tapLines).join('\n') + '\n'
}

function xmlEscape(s: string): string {
  return (
    s
      .replace(
        /[<>&"']/g,
        c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c
      )
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
  )
}

/** JUnit XML: one testsuite per namespace; warnings count as failures (as conftest does). */
export function formatJunit(results: readonly CheckResult[]): string {
  const suites = new Map<string, string[]>()
  const counts = new Map<string, { tests: number; failures: number; skipped: number }>()
  for (const r of results) {
    const cases = suites.get(r.namespace) ?? []
    const c = counts.get(r.namespace) ?? { tests: 0, failures: 0, skipped: 0 }
    const name = (msg: string): string =>
      xmlEscape(
        msg
          ? `${r.filename} - ${r.namespace} - ${msg.split('\n')[0]}`
          : `${r.filename} - ${r.namespace}`
      )
    const classname = xmlEscape(`conftest.${r.namespace}`)
    for (const [kind, items] of [
      ['warning', r.warnings],
      ['failure', r.failures]
    ] as const) {
      for (const i of items) {
        const line = lineOf(i)
        const type = typeof i.metadata?.id === 'string' ? i.metadata.id : kind
        cases.push(
          `    <testcase classname="${classname}" name="${name(i.msg)}" file="${xmlEscape(r.filename)}"${line ? ` line="${line}"` : ''}>\n      <failure message="${xmlEscape(i.msg)}" type="${xmlEscape(type)}">${xmlEscape(`${kind.toUpperCase()}: ${where(r.filename, i)}: ${i.msg}`)}</failure>\n    </testcase>`
        )
        c.tests++
        c.failures++
      }
    }
    for (const e of r.exceptions) {
      cases.push(
        `    <testcase classname="${classname}" name="${name(e.msg)}" file="${xmlEscape(r.filename)}">\n      <skipped message="${xmlEscape(e.msg)}"/>\n    </testcase>`
      )
      c.tests++
      c.skipped++
    }
    for (let s = 0; s < r.successes; s++) {
      cases.push(
        `    <testcase classname="${classname}" name="${name('')}" file="${xmlEscape(r.filename)}"/>`
      )
      c.tests++
    }
    suites.set(r.namespace, cases)
    counts.set(r.namespace, c)
  }
  let tests = 0
  let failures = 0
  let skipped = 0
  const body: string[] = []
  for (const [ns, cases] of suites) {
    const c = counts.get(ns)!
    tests += c.tests
    failures += c.failures
    skipped += c.skipped
    body.push(
      `  <testsuite name="${xmlEscape(`conftest.${ns}`)}" tests="${c.tests}" failures="${c.failures}" errors="0" skipped="${c.skipped}">`
    )
    body.push(...cases)
    body.push('  </testsuite>')
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${TOOL_NAME} policy test" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`,
    ...body,
    '</testsuites>',
    ''
  ].join('\n')
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** GitHub workflow commands, grouped per file and namespace, with file and line on each annotation. */
export function formatGithub(results: readonly CheckResult[]): string {
  const out: string[] = []
  for (const r of results) {
    const total = r.successes + r.failures.length + r.warnings.length + r.exceptions.length
    out.push(
      `::group::Testing ${escapeData(JSON.stringify(r.filename))} against ${total} policies in namespace ${escapeData(JSON.stringify(r.namespace))}`
    )
    const emit = (cmd: string, i: ResultItem): void => {
      const props = [`file=${escapeProperty(r.filename)}`, `line=${lineOf(i) ?? 1}`]
      const id = i.metadata?.id
      if (typeof id === 'string') props.push(`title=${escapeProperty(id)}`)
      out.push(`::${cmd} ${props.join(',')}::${escapeData(i.msg)}`)
    }
    for (const f of r.failures) emit('error', f)
    for (const w of r.warnings) emit('warning', w)
    for (const e of r.exceptions) emit('notice', e)
    if (r.successes > 0)
      out.push(
        `::notice file=${escapeProperty(r.filename)},line=1::${escapeData(`Number of successful checks: ${r.successes}`)}`
      )
    out.push('::endgroup::')
  }
  out.push(summaryLine(results))
  return out.join('\n') + '\n'
}

const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info']

function severityOf(item: ResultItem, isWarning: boolean): Severity {
  const s = item.metadata?.severity
  const given =
    typeof s === 'string' && (SEVERITIES as readonly string[]).includes(s.toLowerCase())
      ? (s.toLowerCase() as Severity)
      : undefined
  if (isWarning) return given === 'low' || given === 'info' ? given : 'medium'
  return given ?? 'high'
}

export function ruleIdOf(namespace: string, item: ResultItem, kind: 'deny' | 'warn'): string {
  const id = item.metadata?.id
  return typeof id === 'string' && id !== '' ? `${namespace}/${id}` : `${namespace}/${kind}`
}

/** Flattens results into the shared findings model (used by SARIF and the action). */
export function toFindings(results: readonly CheckResult[]): Finding[] {
  const findings: Finding[] = []
  for (const r of results) {
    for (const [items, isWarning] of [
      [r.failures, false],
      [r.warnings, true]
    ] as const) {
      for (const i of items) {
        const line = lineOf(i)
        const fix = typeof i.metadata?.fix === 'string' ? i.metadata.fix : undefined
        findings.push({
          ruleId: ruleIdOf(r.namespace, i, isWarning ? 'warn' : 'deny'),
          severity: severityOf(i, isWarning),
          message: i.msg,
          location:
            r.filename === 'Combined'
              ? undefined
              : { file: r.filename, ...(line ? { startLine: line } : {}) },
          ...(fix ? { help: fix } : {}),
          properties: {
            namespace: r.namespace,
            kind: isWarning ? 'warning' : 'failure',
            ...(typeof i.metadata?.document === 'number' ? { document: i.metadata.document } : {})
          }
        })
      }
    }
  }
  return findings
}

export function sarifLog(results: readonly CheckResult[]): Record<string, unknown> {
  const findings = toFindings(results)
  const rules = new Map<string, RuleDescriptor>()
  for (const r of results) {
    for (const [items, isWarning] of [
      [r.failures, false],
      [r.warnings, true]
    ] as const) {
      for (const i of items) {
        const id = ruleIdOf(r.namespace, i, isWarning ? 'warn' : 'deny')
        if (rules.has(id)) continue
        const why = typeof i.metadata?.why === 'string' ? i.metadata.why : undefined
        const fix = typeof i.metadata?.fix === 'string' ? i.metadata.fix : undefined
        rules.set(id, {
          id,
          name: typeof i.metadata?.id === 'string' ? i.metadata.id : isWarning ? 'warn' : 'deny',
          shortDescription:
            why ?? (isWarning ? `Warning from ${r.namespace}` : `Failure from ${r.namespace}`),
          ...(why ? { fullDescription: why } : {}),
          ...(fix ? { help: fix } : {}),
          severity: severityOf(i, isWarning),
          tags: ['policy', r.namespace]
        })
      }
    }
  }
  return toSarif(findings, {
    tool: { name: TOOL_NAME, version: VERSION, informationUri: INFORMATION_URI },
    rules: [...rules.values()],
    category: 'secure-pipeline/policy/'
  })
}

export function formatSarif(results: readonly CheckResult[]): string {
  return JSON.stringify(sarifLog(results), null, 2) + '\n'
}

function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

/** Markdown job summary: totals, then one table per file grouped by rule. */
export function formatSummary(results: readonly CheckResult[], title = 'Policy check'): string {
  const t = totals(results)
  const out: string[] = [`## ${title}`, '', `${summaryLine(results)}`, '']
  const byFile = new Map<
    string,
    { rule: string; level: string; count: number; lines: number[]; example: string }[]
  >()
  for (const r of results) {
    for (const [items, level] of [
      [r.failures, 'failure'],
      [r.warnings, 'warning']
    ] as const) {
      for (const i of items) {
        const rows = byFile.get(r.filename) ?? []
        const rule = ruleIdOf(r.namespace, i, level === 'failure' ? 'deny' : 'warn')
        let row = rows.find(x => x.rule === rule && x.level === level)
        if (!row) rows.push((row = { rule, level, count: 0, lines: [], example: i.msg }))
        row.count++
        const line = lineOf(i)
        if (line !== undefined && !row.lines.includes(line)) row.lines.push(line)
        byFile.set(r.filename, rows)
      }
    }
  }
  if (t.failures + t.warnings === 0) {
    out.push(':white_check_mark: No failures or warnings.', '')
    return out.join('\n')
  }
  for (const [file, rows] of [...byFile].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    out.push(
      `### \`${mdCell(file)}\``,
      '',
      '| rule | level | count | lines | example |',
      '|---|---|---|---|---|'
    )
    for (const row of rows.sort((a, b) =>
      a.level !== b.level ? (a.level === 'failure' ? -1 : 1) : a.rule < b.rule ? -1 : 1
    )) {
      const lines = row.lines.sort((a, b) => a - b)
      const shown = lines.slice(0, 10).join(', ') + (lines.length > 10 ? ', …' : '')
      out.push(
        `| \`${mdCell(row.rule)}\` | ${row.level} | ${row.count} | ${shown} | ${mdCell(row.example.slice(0, 200))} |`
      )
    }
    out.push('')
  }
  return out.join('\n')
}

export function formatResults(results: readonly CheckResult[], format: OutputFormat): string {
  switch (format) {
    case 'text':
    case 'stdout':
      return formatText(results)
    case 'table':
      return formatTable(results)
    case 'json':
      return formatJson(results)
    case 'sarif':
      return formatSarif(results)
    case 'junit':
      return formatJunit(results)
    case 'github':
      return formatGithub(results)
    case 'tap':
      return formatTap(results)
  }
}
