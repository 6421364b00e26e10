/**
 * Writers: JSON (BRIEF §4 shape), text and SARIF 2.1.0. Secrets are redacted unless the caller
 * explicitly asks for raw values; SARIF never carries them (no snippet), and its partial
 * fingerprint is a hash of rule, path and secret, stable when lines move.
 */
import { createHash } from 'node:crypto'
import {
  INFORMATION_URI,
  TOOL_NAME,
  VERSION,
  redactSecret,
  toSarif,
  type Finding,
  type RuleDescriptor
} from '@secure-pipeline/core'
import type { SecretFinding } from './engine.js'
import type { Rule } from './rules/types.js'
import type { ScanOutcome } from './scan.js'

/** Shows a short non-secret hint: the first characters of long values only. */
export function redactValue(secret: string): string {
  return redactSecret(secret, 4)
}

export function redactMatch(match: string, secret: string): string {
  if (!secret) return match
  const redacted = match.split(secret).join(redactValue(secret))
  // Multi-line matches (private keys) are cut to their first line.
  const nl = redacted.indexOf('\n')
  return (nl === -1 ? redacted : redacted.slice(0, nl) + '…').slice(0, 300)
}

export function locationFingerprint(f: SecretFinding): string {
  return createHash('sha256')
    .update(`${f.ruleId}\0${f.file}\0${f.secretHash}`)
    .digest('hex')
    .slice(0, 32)
}

export interface JsonFinding {
  ruleId: string
  description: string
  severity: string
  file: string
  startLine: number
  endLine: number
  startColumn: number
  endColumn: number
  secret: string
  match: string
  entropy: number
  fingerprint: string
  secretHash: string
  commit: string
  author: string
  email: string
  date: string
  tags: string[]
}

export function toJsonFinding(f: SecretFinding, redact = true): JsonFinding {
  return {
    ruleId: f.ruleId,
    description: f.description,
    severity: f.severity,
    file: f.file,
    startLine: f.startLine,
    endLine: f.endLine,
    startColumn: f.startColumn,
    endColumn: f.endColumn,
    secret: redact ? redactValue(f.secret) : f.secret,
    match: redact ? redactMatch(f.match, f.secret) : f.match,
    entropy: f.entropy,
    fingerprint: f.fingerprint,
    secretHash: f.secretHash,
    commit: f.commit ?? '',
    author: f.author ?? '',
    email: f.email ?? '',
    date: f.date ?? '',
    tags: f.tags ?? []
  }
}

export function toJsonReport(outcome: ScanOutcome, redact = true): string {
  return (
    JSON.stringify(
      {
        findings: outcome.findings.map(f => toJsonFinding(f, redact)),
        stats: {
          ...outcome.stats,
          skipped: outcome.skipped.length,
          config: outcome.configSource
        },
        skipped: outcome.skipped,
        slowRules: outcome.slowRules,
        unusedBaseline: outcome.unusedBaseline,
        unusedIgnores: outcome.unusedIgnores
      },
      null,
      2
    ) + '\n'
  )
}

export function findingMessage(f: SecretFinding): string {
  const where = f.commit
    ? ` (commit ${f.commit.slice(0, 12)}${f.author ? ` by ${f.author}` : ''})`
    : ''
  return `${f.description} detected${where}. Revoke and rotate it, then remove it from the code (history too).`
}

export function toTextReport(outcome: ScanOutcome, redact = true): string {
  const lines: string[] = []
  for (const f of outcome.findings) {
    const secret = redact ? redactValue(f.secret) : f.secret
    const commit = f.commit ? ` commit=${f.commit.slice(0, 12)} author=${f.author ?? ''}` : ''
    lines.push(
      `${f.file}:${f.startLine}:${f.startColumn}: ${f.severity}: ${f.description} [${f.ruleId}] secret=${secret}${commit}`
    )
    lines.push(`    fingerprint: ${f.fingerprint}`)
  }
  lines.push(...summaryLines(outcome))
  return lines.join('\n') + '\n'
}

/** The closing lines of the text report: counts, notes, unused suppressions, slow rules, skips. */
export function summaryLines(outcome: ScanOutcome): string[] {
  const lines: string[] = []
  const s = outcome.stats
  const what =
    s.mode === 'worktree'
      ? `${s.files} files, ${(s.bytes / 1e6).toFixed(1)} MB`
      : `${s.commits} commits, ${s.files} files${s.range ? `, range ${s.range}` : ''}`
  lines.push(
    `${outcome.findings.length} ${outcome.findings.length === 1 ? 'secret' : 'secrets'} found (${what}, ${s.rules} rules, ${s.durationMs} ms)`
  )
  if (s.note) lines.push(`note: ${s.note}`)
  if (s.suppressed.baseline > 0)
    lines.push(`${s.suppressed.baseline} known finding(s) hidden by the baseline`)
  if (s.suppressed.gitleaksIgnore > 0)
    lines.push(`${s.suppressed.gitleaksIgnore} finding(s) hidden by .gitleaksignore`)
  for (const e of outcome.unusedBaseline)
    lines.push(
      `unused baseline entry: ${e.ruleId} in ${e.file} (secret hash ${e.secretHash.slice(0, 12)}…)`
    )
  for (const e of outcome.unusedIgnores)
    lines.push(`unused .gitleaksignore entry (line ${e.line}): ${e.fingerprint}`)
  for (const r of outcome.slowRules)
    lines.push(
      `warning: rule ${r.ruleId} exceeded its ${r.ms} ms time budget on ${r.file} and was disabled`
    )
  const bySkip = new Map<string, number>()
  for (const sk of outcome.skipped) bySkip.set(sk.reason, (bySkip.get(sk.reason) ?? 0) + 1)
  if (bySkip.size > 0) lines.push(`skipped: ${[...bySkip].map(([r, n]) => `${n} ${r}`).join(', ')}`)
  return lines
}

export function ruleDescriptors(rules: readonly Rule[]): RuleDescriptor[] {
  return rules.map(r => ({
    id: r.id,
    shortDescription: r.description,
    help: `${r.description}. Revoke the credential, rotate it, and remove it from the repository and its history. To accept a false positive add \`gitleaks:allow\` (or \`secure-pipeline:allow\`) to the line, list the fingerprint in .gitleaksignore, or record it in a baseline.`,
    severity: r.severity,
    tags: ['security', 'secret', ...(r.tags ?? [])]
  }))
}

export function toCoreFindings(findings: readonly SecretFinding[]): Finding[] {
  return findings.map(f => ({
    ruleId: f.ruleId,
    severity: f.severity,
    message: findingMessage(f),
    location: {
      file: f.file,
      startLine: f.startLine,
      startColumn: f.startColumn,
      endLine: f.endLine,
      endColumn: f.endColumn
    },
    fingerprint: locationFingerprint(f),
    properties: {
      gitleaksFingerprint: f.fingerprint,
      entropy: f.entropy,
      ...(f.commit ? { commit: f.commit, author: f.author, date: f.date } : {})
    }
  }))
}

export function toSarifReport(
  outcome: ScanOutcome,
  rules: readonly Rule[]
): Record<string, unknown> {
  const used = new Set(outcome.findings.map(f => f.ruleId))
  return toSarif(toCoreFindings(outcome.findings), {
    tool: { name: `${TOOL_NAME} secrets`, version: VERSION, informationUri: INFORMATION_URI },
    rules: ruleDescriptors(rules.filter(r => used.has(r.id))),
    category: 'secure-pipeline/secrets/',
    fingerprintKey: 'secretFingerprint/v1'
  })
}
