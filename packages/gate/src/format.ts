/** Human renderings of a decision: terminal text and the job-summary Markdown. */
import type { Decision, GateInput, Violation } from './model.js'

function line(v: Violation): string {
  return v.id ? `[${v.id}] ${v.msg}` : v.msg
}

export function formatDecisionText(d: Decision): string {
  const out: string[] = []
  const env = d.environment ? ` for ${d.environment}` : ''
  out.push(
    `${d.allow ? 'ALLOWED' : 'DENIED'}${env}: ${d.violations.length} violation(s), ${d.warnings.length} warning(s)`
  )
  out.push(`policy: ${d.policy.path} (${d.policy.kind}, sha256:${d.policy.sha256.slice(0, 16)}…)`)
  out.push(
    `evidence: ${d.evidence.length === 0 ? 'none' : d.evidence.map(e => `${e.path} (${e.kind})`).join(', ')}`
  )
  if (d.break_glass)
    out.push(
      `break-glass: ${d.break_glass.justification}${d.break_glass.by ? ` (by ${d.break_glass.by})` : ''}`
    )
  for (const v of d.violations) out.push(`  ✗ ${line(v)}`)
  for (const w of d.warnings) out.push(`  ! ${line(w)}`)
  return out.join('\n') + '\n'
}

function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

export function formatDecisionMarkdown(d: Decision): string {
  const out: string[] = []
  const env = d.environment ? ` to \`${d.environment}\`` : ''
  out.push(`## Deploy gate: ${d.allow ? '✅ allowed' : '❌ denied'}${env}`, '')
  out.push(
    `${d.violations.length} violation(s), ${d.warnings.length} warning(s). Policy \`${d.policy.path}\` (${d.policy.kind}, sha256 \`${d.policy.sha256.slice(0, 16)}\`), evaluated at ${d.evaluated_at}.`,
    ''
  )
  if (d.break_glass)
    out.push(
      `**Break-glass** used: ${cell(d.break_glass.justification)}${d.break_glass.by ? ` (by ${cell(d.break_glass.by)})` : ''}`,
      ''
    )
  if (d.violations.length + d.warnings.length > 0) {
    out.push('| | rule | message |', '| --- | --- | --- |')
    for (const v of d.violations) out.push(`| ❌ | ${cell(v.id ?? '')} | ${cell(v.msg)} |`)
    for (const w of d.warnings) out.push(`| ⚠️ | ${cell(w.id ?? '')} | ${cell(w.msg)} |`)
    out.push('')
  }
  out.push(
    '<details><summary>Evidence</summary>',
    '',
    '| kind | file | sha256 |',
    '| --- | --- | --- |'
  )
  for (const e of d.evidence)
    out.push(`| ${e.kind} | \`${cell(e.path)}\` | \`${e.sha256.slice(0, 16)}\` |`)
  out.push('', '</details>', '')
  return out.join('\n')
}

/** Audit context from a GitHub Actions environment (the caller passes the env; nothing secret). */
export function auditContextFromEnv(
  env: Record<string, string | undefined>
): Record<string, string> {
  const out: Record<string, string> = {}
  if (env.GITHUB_ACTIONS !== 'true') return out
  for (const [key, name] of [
    ['repository', 'GITHUB_REPOSITORY'],
    ['sha', 'GITHUB_SHA'],
    ['ref', 'GITHUB_REF'],
    ['actor', 'GITHUB_ACTOR'],
    ['triggering_actor', 'GITHUB_TRIGGERING_ACTOR'],
    ['event', 'GITHUB_EVENT_NAME'],
    ['workflow_ref', 'GITHUB_WORKFLOW_REF'],
    ['run_id', 'GITHUB_RUN_ID'],
    ['run_attempt', 'GITHUB_RUN_ATTEMPT'],
    ['server_url', 'GITHUB_SERVER_URL']
  ] as const) {
    const v = env[name]
    if (v) out[key] = v
  }
  if (out.server_url && out.repository && out.run_id)
    out.run_url = `${out.server_url}/${out.repository}/actions/runs/${out.run_id}`
  return out
}

export const VSA_PREDICATE_TYPE = 'https://slsa.dev/verification_summary/v1'
export const GATE_VERIFIER_ID = 'https://github.com/secure-pipeline/secure-pipeline/gate'

/**
 * The decision as an in-toto Statement with a SLSA Verification Summary (VSA v1) predicate about
 * the artifacts the evidence vouches for (verified digests, else provenance subjects). Unsigned:
 * sign it with `secure-pipeline attest` / the sign action to publish it. Undefined when the
 * evidence names no artifact.
 */
export function toVerificationSummary(
  decision: Decision,
  input: GateInput,
  version: string
): Record<string, unknown> | undefined {
  const subjects = new Map<string, string>()
  for (const v of input.verifications)
    if (v.verified && v.digest) subjects.set(v.digest, v.subject || v.digest)
  if (subjects.size === 0)
    for (const p of input.provenance)
      for (const s of p.subjects) if (s.digest) subjects.set(s.digest, s.name || s.digest)
  if (subjects.size === 0) return undefined
  const subject = [...subjects].map(([digest, name]) => ({
    name,
    digest: { sha256: digest.replace(/^sha256:/, '') }
  }))
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject,
    predicateType: VSA_PREDICATE_TYPE,
    predicate: {
      verifier: { id: GATE_VERIFIER_ID, version: { 'secure-pipeline': version } },
      timeVerified: decision.evaluated_at,
      resourceUri: subject[0].name,
      policy: { uri: decision.policy.path, digest: { sha256: decision.policy.sha256 } },
      inputAttestations: decision.evidence.map(e => ({
        uri: e.path,
        digest: { sha256: e.sha256 }
      })),
      verificationResult: decision.allow ? 'PASSED' : 'FAILED',
      verifiedLevels: [],
      slsaVersion: '1.0'
    }
  }
}
