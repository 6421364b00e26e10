/**
 * The declarative checks written directly in TypeScript, rule for rule the same as the generated
 * Rego. Used as the reference in differential tests and as the baseline of `bench:gate`; the gate
 * itself always decides through Rego (user policies extend it, and the Rego is what is audited).
 */
import { globToRegex, type GateRules, type Matcher, type Threshold } from './config.js'
import { formatDuration } from './time.js'
import {
  EVIDENCE_KINDS,
  SEVERITY_RANK,
  type EvidenceKind,
  type GateInput,
  type Violation
} from './model.js'

const v = (x: unknown): string =>
  x === null || x === undefined ? 'null' : typeof x === 'string' ? x : JSON.stringify(x)
const anchored = (re: string): string => `^(?:${re})$`

function rank(t: Threshold): number | undefined {
  return t === 'none' ? undefined : t === 'any' ? 0 : SEVERITY_RANK[t]
}

function matches(m: Matcher, value: unknown): boolean {
  if (typeof value !== 'string') return false
  return m.exact !== undefined
    ? value === m.exact
    : new RegExp(anchored(m.regexp ?? '')).test(value)
}

function matcherText(m: Matcher): string {
  return m.exact !== undefined ? m.exact : `matching ${anchored(m.regexp ?? '')}`
}

function repoName(s: string): string {
  return s.replace(/^https:\/\/[^/]+\//, '').replace(/\.git$/, '')
}

export function evaluateNative(
  rules: GateRules,
  input: GateInput
): { allow: boolean; violations: Violation[]; warnings: Violation[] } {
  const found = new Map<string, Violation>()
  const advisory = new Map<string, Violation>()
  const add = (into: Map<string, Violation>, id: string, msg: string): void => {
    into.set(`${id}\0${msg}`, { id, msg })
  }
  const violation = (id: string, msg: string): void => add(found, id, msg)
  const required = new Set<EvidenceKind>(rules.require.evidence)
  const present: Record<EvidenceKind, () => boolean> = {
    'secret-scan': () => input.secret_scan.present,
    sbom: () => input.sbom.present,
    'policy-check': () => input.policy_check.present,
    'vulnerability-scan': () => input.vulnerability_scan.present,
    verification: () => input.verifications.length > 0,
    provenance: () => input.provenance.length > 0,
    vex: () => input.evidence.some(e => e.kind === 'vex'),
    facts: () => input.evidence.some(e => e.kind === 'facts')
  }

  const sig = rules.require.signature
  const signatureOk = (s: GateInput['verifications'][number]): boolean => {
    if (!s.verified || !sig) return s.verified
    if (sig.identity && !matches(sig.identity, s.identity)) return false
    if (sig.issuer && !matches(sig.issuer, s.issuer)) return false
    const gh = sig.github
    if (gh.repository && s.github.repository !== repoName(gh.repository)) return false
    if (gh.ref && s.github.ref !== gh.ref) return false
    if (gh.trigger && s.github.trigger !== gh.trigger) return false
    if (gh['runner-environment'] && s.github.runner_environment !== gh['runner-environment'])
      return false
    if (gh.sha && s.github.sha !== gh.sha) return false
    if (gh.workflow && s.github.workflow !== gh.workflow && s.github.workflow_name !== gh.workflow)
      return false
    return true
  }
  for (const s of input.verifications)
    if (!s.verified)
      violation(
        'signature/not-verified',
        `signature of ${v(s.subject)} did not verify (${v(s.path)}): ${v(s.error)}`
      )
  if (sig) {
    const expected: string[] = []
    if (sig.identity) expected.push(`identity ${matcherText(sig.identity)}`)
    if (sig.issuer) expected.push(`issuer ${matcherText(sig.issuer)}`)
    const gh = sig.github
    if (gh.repository) expected.push(`repository ${repoName(gh.repository)}`)
    if (gh.ref) expected.push(`ref ${gh.ref}`)
    if (gh.trigger) expected.push(`trigger ${gh.trigger}`)
    if (gh['runner-environment']) expected.push(`runner-environment ${gh['runner-environment']}`)
    if (gh.sha) expected.push(`sha ${gh.sha}`)
    if (gh.workflow) expected.push(`workflow ${gh.workflow}`)
    const signers = input.verifications
      .filter(s => s.verified)
      .map(s => `${v(s.identity)} (${v(s.issuer)})`)
    const signersText = signers.length > 0 ? signers.join(', ') : 'no verified signature'
    if (input.verifications.length === 0)
      violation('signature/missing', 'no signature verification result among the evidence')
    if (input.verifications.length > 0 && !input.verifications.some(signatureOk))
      violation(
        'signature/signer',
        `no verified signature by the required signer: expected ${expected.join(', ') || 'a verified signature'}, got ${signersText}`
      )
  }
  for (const t of rules.require.attestations) {
    if (!input.verifications.some(s => signatureOk(s) && s.predicate_type === t))
      violation(
        'attestation/missing',
        `no verified attestation of predicate type ${t}${sig ? ' by the required signer' : ''}`
      )
  }

  if (rules.require.sbom || rules.denyOn.licenses.length > 0 || rules.denyOn.packages.length > 0)
    required.add('sbom')
  const comps = input.sbom.components
  if (
    rules.require.sbom &&
    rules.require.sbom.minComponents > 0 &&
    input.sbom.present &&
    comps.length < rules.require.sbom.minComponents
  )
    violation(
      'sbom/components',
      `the SBOM lists ${comps.length} component(s), at least ${rules.require.sbom.minComponents} required`
    )
  const licenseRes = rules.denyOn.licenses.map(g => new RegExp(globToRegex(g)))
  const packageRes = rules.denyOn.packages.map(g => new RegExp(globToRegex(g)))
  for (const c of comps) {
    for (const l of c.licenses)
      if (licenseRes.some(re => re.test(l.toLowerCase())))
        violation('sbom/license', `component ${c.name}@${c.version} has a denied license: ${l}`)
    if (
      packageRes.some(re =>
        [c.purl, c.name, `${c.name}@${c.version}`].some(k => re.test(k.toLowerCase()))
      )
    )
      violation('sbom/package', `denied package ${c.name}@${c.version} (${c.purl})`)
  }

  const prov = rules.require.provenance
  if (prov) {
    const ok = (p: GateInput['provenance'][number]): boolean =>
      p.predicate_type !== '' &&
      (!prov.builderId || matches(prov.builderId, p.builder_id)) &&
      (!prov.sourceRepository || p.source.repository === repoName(prov.sourceRepository)) &&
      (!prov.sourceRef || p.source.ref === prov.sourceRef)
    const expected: string[] = []
    if (prov.builderId) expected.push(`builder ${matcherText(prov.builderId)}`)
    if (prov.sourceRepository) expected.push(`source ${repoName(prov.sourceRepository)}`)
    if (prov.sourceRef) expected.push(`ref ${prov.sourceRef}`)
    if (input.provenance.length === 0)
      violation('provenance/missing', 'no SLSA provenance among the evidence')
    if (expected.length > 0 && input.provenance.length > 0 && !input.provenance.some(ok)) {
      const got = input.provenance
        .map(p => `builder ${v(p.builder_id)}, source ${v(p.source.repository)}@${v(p.source.ref)}`)
        .join(', ')
      violation(
        'provenance/builder',
        `no provenance matches: expected ${expected.join(', ')}, got ${got}`
      )
    }
    if (prov.matchArtifact && input.provenance.length > 0)
      for (const d of input.artifact.digests)
        if (!input.provenance.some(p => ok(p) && p.subjects.some(s => s.digest === d)))
          violation(
            'provenance/subject',
            `verified artifact ${d} is not a subject of a matching provenance statement`
          )
  }

  const secrets = rules.denyOn.secrets
  if (secrets && secrets !== 'none') {
    required.add('secret-scan')
    const r = rank(secrets) ?? 0
    for (const f of input.secret_scan.findings)
      if (SEVERITY_RANK[f.severity] >= r)
        violation('secrets/found', `secret scan: ${f.rule_id} at ${f.location} (${f.severity})`)
  }
  for (const [key, list, what] of [
    ['policyFailures', input.policy_check.failures, 'failure'],
    ['policyWarnings', input.policy_check.warnings, 'warning']
  ] as const) {
    const t = rules.denyOn[key]
    if (!t || t === 'none') continue
    required.add('policy-check')
    const r = rank(t) ?? 0
    for (const f of list)
      if (SEVERITY_RANK[f.severity] >= r)
        violation(`policy/${what}`, `policy ${what}: ${f.msg} (${f.file}, ${f.id}, ${f.severity})`)
  }
  const vulns = rules.denyOn.vulnerabilities
  if (vulns) {
    required.add('vulnerability-scan')
    const r = rank(vulns.severity)
    const all = input.vulnerability_scan.vulnerabilities
    // ignore/block name a vulnerability by its id or any alias.
    const named = (x: (typeof all)[number], names: string[]): boolean =>
      names.includes(x.id) || (x.aliases ?? []).some(a => names.includes(a))
    if (r !== undefined) {
      const counted = [
        ...new Set(
          all.filter(x => SEVERITY_RANK[x.severity] >= r && !named(x, vulns.ignore)).map(x => x.id)
        )
      ].sort()
      if (counted.length > vulns.max)
        violation(
          'vulnerabilities/threshold',
          `${counted.length} vulnerabilities at or above ${vulns.severity === 'any' ? 'any severity' : vulns.severity} (at most ${vulns.max} allowed): ${counted.join(', ')}`
        )
    }
    for (const x of all)
      if (named(x, vulns.block))
        violation('vulnerabilities/blocked', `blocked vulnerability ${x.id} in ${x.package}`)
  }

  if (sig || rules.require.attestations.length > 0) required.delete('verification')
  if (prov) required.delete('provenance')
  for (const kind of EVIDENCE_KINDS)
    if (required.has(kind) && !present[kind]())
      violation('evidence/missing', `required ${kind} evidence is missing`)
  for (const k of rules.require.facts) {
    const x = input.facts[k]
    if (x === undefined || x === null || x === '')
      violation('facts/missing', `required fact ${k} is missing`)
  }

  const table = new Map<string, { seconds: number; text: string; required: boolean }>()
  for (const k of EVIDENCE_KINDS) {
    const own = rules.maxAge[k]
    const s = own ?? rules.maxAge.default
    if (s !== undefined)
      table.set(k, { seconds: s, text: formatDuration(s), required: own !== undefined })
  }
  for (const e of input.evidence) {
    const l = table.get(e.kind)
    if (!l) continue
    if (e.age_seconds === null) {
      if (l.required)
        violation(
          'freshness/no-timestamp',
          `${e.kind} evidence ${e.path} has no timestamp, and a maximum age is set for it`
        )
      else
        add(
          advisory,
          'freshness/no-timestamp',
          `${e.kind} evidence ${e.path} has no timestamp; its age is unknown`
        )
      continue
    }
    if (e.age_seconds > l.seconds)
      violation(
        'freshness/stale',
        `${e.kind} evidence ${e.path} is ${v(e.age)} old (at most ${l.text} allowed)`
      )
    if (e.age_seconds < -300)
      violation(
        'freshness/future',
        `${e.kind} evidence ${e.path} is dated ${v(e.age)} in the future`
      )
  }

  for (const w of rules.freezeWindows) {
    const state = input.windows[w.name]
    if (state?.active)
      violation(
        'freeze/active',
        `deployments are frozen: window ${w.name}${state.description}, until ${v(state.end)}`
      )
  }

  const ap = rules.approvals
  if (ap && ap.count > 0) {
    const approvers = new Set(
      input.approvals
        .filter(a => a.environment === null || a.environment === input.environment)
        .filter(
          a =>
            !(
              ap.preventSelfApproval &&
              input.deployer !== null &&
              a.user.toLowerCase() === input.deployer.toLowerCase()
            )
        )
        .map(a => a.user.toLowerCase())
    )
    if (approvers.size < ap.count)
      violation(
        'approvals/missing',
        `${ap.count} approval(s) required${ap.preventSelfApproval ? ' (self-approval does not count)' : ''}, got ${approvers.size}`
      )
  }

  const all = [...found.values()]
  const breakGlass =
    rules.breakGlass && input.break_glass !== null && input.break_glass.justification !== ''
  const warnings = [...advisory.values()]
  let violations: Violation[] = []
  if (rules.mode === 'enforce') {
    if (breakGlass)
      warnings.push(...all.map(x => ({ ...x, msg: `overridden by break-glass: ${x.msg}` })))
    else violations = all
  } else warnings.push(...all.map(x => ({ ...x, msg: `warn mode: ${x.msg}` })))
  const order = (a: Violation, b: Violation): number =>
    (a.id ?? '').localeCompare(b.id ?? '') || a.msg.localeCompare(b.msg)
  return {
    allow: violations.length === 0,
    violations: violations.sort(order),
    warnings: warnings.sort(order)
  }
}
