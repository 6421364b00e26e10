/**
 * Declarative gate policy → Rego. Each configured requirement becomes a `violation` rule in
 * `package gate.builtin`; `deny`/`warn` there apply warn mode and break-glass, and merge the
 * deny/violation/warn rules of any user Rego in `package gate`. The generated module is plain
 * Rego that `secure-pipeline gate --print-rego` shows, so what the gate decides can be audited.
 */
import { EVIDENCE_KINDS, SEVERITY_RANK, type EvidenceKind, type WindowState } from './model.js'
import { globToRegex, type GateRules, type Matcher, type Threshold } from './config.js'
import { formatDuration, lastCronFire, parseCron } from './time.js'

export const BUILTIN_PACKAGE = 'gate.builtin'

const q = (s: string): string => JSON.stringify(s)
const anchored = (re: string): string => `^(?:${re})$`

function thresholdRank(t: Threshold): number | undefined {
  if (t === 'none') return undefined
  if (t === 'any') return 0
  return SEVERITY_RANK[t]
}

function matcherCond(m: Matcher, expr: string): string {
  return m.exact !== undefined
    ? `${expr} == ${q(m.exact)}`
    : `is_string(${expr})\n\tregex.match(${q(anchored(m.regexp ?? ''))}, ${expr})`
}

function matcherText(m: Matcher): string {
  return m.exact !== undefined ? m.exact : `matching ${anchored(m.regexp ?? '')}`
}

const PRESENT: Record<EvidenceKind, string> = {
  'secret-scan': 'input.secret_scan.present == true',
  sbom: 'input.sbom.present == true',
  'policy-check': 'input.policy_check.present == true',
  'vulnerability-scan': 'input.vulnerability_scan.present == true',
  verification: 'count(input.verifications) > 0',
  provenance: 'count(input.provenance) > 0',
  vex: 'present_kind("vex")',
  facts: 'present_kind("facts")'
}

function repoName(v: string): string {
  return v.replace(/^https:\/\/[^/]+\//, '').replace(/\.git$/, '')
}

/** Generates the Rego module for one environment's rules. */
export function compileRules(rules: GateRules, withUserRego: boolean): string {
  const out: string[] = [
    `package ${BUILTIN_PACKAGE}`,
    '',
    'import rego.v1',
    '',
    `rank := ${JSON.stringify(SEVERITY_RANK)}`,
    '',
    'present_kind(kind) if {',
    '\tsome e in input.evidence',
    '\te.kind == kind',
    '}',
    ''
  ]
  const emit = (...lines: string[]): void => {
    out.push(...lines, '')
  }
  const required = new Set<EvidenceKind>(rules.require.evidence)

  // ---- signature ----
  // A verification that failed is always a violation, whatever else the policy requires.
  emit(
    'violation contains {"id": "signature/not-verified", "msg": msg} if {',
    '\tsome s in input.verifications',
    '\ts.verified != true',
    '\tmsg := sprintf("signature of %v did not verify (%v): %v", [s.subject, s.path, s.error])',
    '}'
  )
  const sig = rules.require.signature
  if (sig) {
    const conds = ['\ts.verified == true']
    const expected: string[] = []
    if (sig.identity) {
      conds.push(`\t${matcherCond(sig.identity, 's.identity')}`)
      expected.push(`identity ${matcherText(sig.identity)}`)
    }
    if (sig.issuer) {
      conds.push(`\t${matcherCond(sig.issuer, 's.issuer')}`)
      expected.push(`issuer ${matcherText(sig.issuer)}`)
    }
    const gh = sig.github
    const claim = (key: keyof typeof gh, field: string, value: string): void => {
      conds.push(`\ts.github.${field} == ${q(value)}`)
      expected.push(`${key} ${value}`)
    }
    if (gh.repository) claim('repository', 'repository', repoName(gh.repository))
    if (gh.ref) claim('ref', 'ref', gh.ref)
    if (gh.trigger) claim('trigger', 'trigger', gh.trigger)
    if (gh['runner-environment'])
      claim('runner-environment', 'runner_environment', gh['runner-environment'])
    if (gh.sha) claim('sha', 'sha', gh.sha)
    if (gh.workflow) {
      conds.push('\tsignature_workflow_ok(s)')
      expected.push(`workflow ${gh.workflow}`)
      emit(
        `signature_workflow_ok(s) if s.github.workflow == ${q(gh.workflow)}`,
        '',
        `signature_workflow_ok(s) if s.github.workflow_name == ${q(gh.workflow)}`
      )
    }
    emit('signature_ok(s) if {', ...conds, '}')
    emit('any_signature_ok if {', '\tsome s in input.verifications', '\tsignature_ok(s)', '}')
    emit(
      'verified_signers := [sprintf("%v (%v)", [s.identity, s.issuer]) | some s in input.verifications; s.verified == true]',
      '',
      'signers_text := concat(", ", verified_signers) if count(verified_signers) > 0',
      '',
      'signers_text := "no verified signature" if count(verified_signers) == 0'
    )
    emit(
      'violation contains {"id": "signature/missing", "msg": "no signature verification result among the evidence"} if count(input.verifications) == 0'
    )
    emit(
      'violation contains {"id": "signature/signer", "msg": msg} if {',
      '\tcount(input.verifications) > 0',
      '\tnot any_signature_ok',
      `\tmsg := sprintf(${q(`no verified signature by the required signer: expected ${expected.join(', ').replace(/%/g, '%%') || 'a verified signature'}, got %v`)}, [signers_text])`,
      '}'
    )
  }

  // ---- attestations ----
  if (rules.require.attestations.length > 0) {
    emit(
      'attested(t) if {',
      '\tsome s in input.verifications',
      sig ? '\tsignature_ok(s)' : '\ts.verified == true',
      '\ts.predicate_type == t',
      '}'
    )
    emit(
      'violation contains {"id": "attestation/missing", "msg": sprintf("no verified attestation of predicate type %v%v", [t, by])} if {',
      `\tsome t in ${JSON.stringify(rules.require.attestations)}`,
      '\tnot attested(t)',
      `\tby := ${q(sig ? ' by the required signer' : '')}`,
      '}'
    )
  }

  // ---- SBOM ----
  if (rules.require.sbom || rules.denyOn.licenses.length > 0 || rules.denyOn.packages.length > 0)
    required.add('sbom')
  if (rules.require.sbom && rules.require.sbom.minComponents > 0) {
    emit(
      'violation contains {"id": "sbom/components", "msg": sprintf("the SBOM lists %d component(s), at least %d required", [count(input.sbom.components), n])} if {',
      `\tn := ${rules.require.sbom.minComponents}`,
      '\tinput.sbom.present == true',
      '\tcount(input.sbom.components) < n',
      '}'
    )
  }
  if (rules.denyOn.licenses.length > 0) {
    // Match each distinct license once, then find the components that carry a denied one.
    emit(
      'denied_licenses contains l if {',
      '\tsome l in {lower(x) | some c in input.sbom.components; some x in c.licenses; is_string(x)}',
      `\tsome re in ${JSON.stringify(rules.denyOn.licenses.map(g => globToRegex(g)))}`,
      '\tregex.match(re, l)',
      '}'
    )
    emit(
      'violation contains {"id": "sbom/license", "msg": sprintf("component %v@%v has a denied license: %v", [c.name, c.version, l])} if {',
      '\tcount(denied_licenses) > 0',
      '\tsome c in input.sbom.components',
      '\tsome l in c.licenses',
      '\tlower(l) in denied_licenses',
      '}'
    )
  }
  if (rules.denyOn.packages.length > 0) {
    const exact = rules.denyOn.packages.filter(g => !/[*?]/.test(g)).map(g => g.toLowerCase())
    const globs = rules.denyOn.packages.filter(g => /[*?]/.test(g))
    const head =
      'violation contains {"id": "sbom/package", "msg": sprintf("denied package %v@%v (%v)", [c.name, c.version, c.purl])} if {'
    if (exact.length > 0)
      emit(
        head,
        '\tsome c in input.sbom.components',
        '\tsome key in [c.purl, c.name, concat("@", [c.name, c.version])]',
        `\tlower(key) in ${JSON.stringify(exact)}`,
        '}'
      )
    if (globs.length > 0)
      emit(
        head,
        '\tsome c in input.sbom.components',
        `\tsome re in ${JSON.stringify(globs.map(g => globToRegex(g)))}`,
        '\tsome key in [c.purl, c.name, concat("@", [c.name, c.version])]',
        '\tregex.match(re, lower(key))',
        '}'
      )
  }

  // ---- provenance ----
  const prov = rules.require.provenance
  if (prov) {
    const conds: string[] = []
    const expected: string[] = []
    if (prov.builderId) {
      conds.push(`\t${matcherCond(prov.builderId, 'p.builder_id')}`)
      expected.push(`builder ${matcherText(prov.builderId)}`)
    }
    if (prov.sourceRepository) {
      conds.push(`\tp.source.repository == ${q(repoName(prov.sourceRepository))}`)
      expected.push(`source ${repoName(prov.sourceRepository)}`)
    }
    if (prov.sourceRef) {
      conds.push(`\tp.source.ref == ${q(prov.sourceRef)}`)
      expected.push(`ref ${prov.sourceRef}`)
    }
    emit('provenance_ok(p) if {', '\tp.predicate_type != ""', ...conds, '}')
    emit('any_provenance_ok if {', '\tsome p in input.provenance', '\tprovenance_ok(p)', '}')
    emit(
      'violation contains {"id": "provenance/missing", "msg": "no SLSA provenance among the evidence"} if count(input.provenance) == 0'
    )
    if (expected.length > 0)
      emit(
        'violation contains {"id": "provenance/builder", "msg": msg} if {',
        '\tcount(input.provenance) > 0',
        '\tnot any_provenance_ok',
        '\tgot := concat(", ", [sprintf("builder %v, source %v@%v", [p.builder_id, p.source.repository, p.source.ref]) | some p in input.provenance])',
        `\tmsg := sprintf(${q(`no provenance matches: expected ${expected.join(', ').replace(/%/g, '%%')}, got %v`)}, [got])`,
        '}'
      )
    if (prov.matchArtifact)
      emit(
        'provenance_subject(d) if {',
        '\tsome p in input.provenance',
        '\tprovenance_ok(p)',
        '\tsome s in p.subjects',
        '\ts.digest == d',
        '}',
        '',
        'violation contains {"id": "provenance/subject", "msg": sprintf("verified artifact %v is not a subject of a matching provenance statement", [d])} if {',
        '\tcount(input.provenance) > 0',
        '\tsome d in input.artifact.digests',
        '\tnot provenance_subject(d)',
        '}'
      )
  }

  // ---- scan results ----
  const secrets = rules.denyOn.secrets && thresholdRank(rules.denyOn.secrets)
  if (rules.denyOn.secrets && rules.denyOn.secrets !== 'none') required.add('secret-scan')
  if (secrets !== undefined && rules.denyOn.secrets) {
    emit(
      'violation contains {"id": "secrets/found", "msg": sprintf("secret scan: %v at %v (%v)", [f.rule_id, f.location, f.severity])} if {',
      '\tsome f in input.secret_scan.findings',
      `\trank[f.severity] >= ${secrets}`,
      '}'
    )
  }
  for (const [key, field, what] of [
    ['policyFailures', 'failures', 'failure'],
    ['policyWarnings', 'warnings', 'warning']
  ] as const) {
    const t = rules.denyOn[key]
    if (!t || t === 'none') continue
    required.add('policy-check')
    emit(
      `violation contains {"id": "policy/${what}", "msg": sprintf("policy ${what}: %v (%v, %v, %v)", [f.msg, f.file, f.id, f.severity])} if {`,
      `\tsome f in input.policy_check.${field}`,
      `\trank[f.severity] >= ${thresholdRank(t)}`,
      '}'
    )
  }
  const vulns = rules.denyOn.vulnerabilities
  if (vulns) {
    required.add('vulnerability-scan')
    const r = thresholdRank(vulns.severity)
    // ignore/block name a vulnerability by its id or any alias (CVE for a GHSA, and so on).
    emit(
      'vulnerability_named(v, names) if v.id in names',
      'vulnerability_named(v, names) if {',
      '\tsome a in v.aliases',
      '\ta in names',
      '}'
    )
    if (r !== undefined) {
      emit(
        'counted_vulnerabilities contains v.id if {',
        '\tsome v in input.vulnerability_scan.vulnerabilities',
        `\trank[v.severity] >= ${r}`,
        `\tnot vulnerability_named(v, ${JSON.stringify(vulns.ignore)})`,
        '}'
      )
      emit(
        'violation contains {"id": "vulnerabilities/threshold", "msg": msg} if {',
        `\tcount(counted_vulnerabilities) > ${vulns.max}`,
        `\tmsg := sprintf("%d vulnerabilities at or above ${vulns.severity === 'any' ? 'any severity' : vulns.severity} (at most ${vulns.max} allowed): %v", [count(counted_vulnerabilities), concat(", ", sort(counted_vulnerabilities))])`,
        '}'
      )
    }
    if (vulns.block.length > 0)
      emit(
        'violation contains {"id": "vulnerabilities/blocked", "msg": sprintf("blocked vulnerability %v in %v", [v.id, v.package])} if {',
        '\tsome v in input.vulnerability_scan.vulnerabilities',
        `\tvulnerability_named(v, ${JSON.stringify(vulns.block)})`,
        '}'
      )
  }

  // ---- required evidence and facts ----
  if (sig || rules.require.attestations.length > 0) required.delete('verification')
  if (prov) required.delete('provenance')
  for (const kind of EVIDENCE_KINDS) {
    if (!required.has(kind)) continue
    emit(
      `violation contains {"id": "evidence/missing", "msg": ${q(`required ${kind} evidence is missing`)}} if not ${PRESENT[kind]}`
    )
  }
  if (rules.require.facts.length > 0) {
    emit(
      'fact_present(k) if {',
      '\tv := input.facts[k]',
      '\tv != null',
      '\tv != ""',
      '}',
      '',
      'violation contains {"id": "facts/missing", "msg": sprintf("required fact %v is missing", [k])} if {',
      `\tsome k in ${JSON.stringify(rules.require.facts)}`,
      '\tnot fact_present(k)',
      '}'
    )
  }

  // ---- freshness ----
  const kinds = Object.keys(rules.maxAge).filter(k => k !== 'default')
  if (rules.maxAge.default !== undefined || kinds.length > 0) {
    const table: Record<string, { seconds: number; text: string; required: boolean }> = {}
    for (const k of EVIDENCE_KINDS) {
      const own = rules.maxAge[k]
      const s = own ?? rules.maxAge.default
      if (s !== undefined)
        table[k] = { seconds: s, text: formatDuration(s), required: own !== undefined }
    }
    emit(`max_age := ${JSON.stringify(table)}`)
    emit(
      'violation contains {"id": "freshness/stale", "msg": sprintf("%v evidence %v is %v old (at most %v allowed)", [e.kind, e.path, e.age, l.text])} if {',
      '\tsome e in input.evidence',
      '\tl := max_age[e.kind]',
      '\tis_number(e.age_seconds)',
      '\te.age_seconds > l.seconds',
      '}'
    )
    emit(
      'violation contains {"id": "freshness/future", "msg": sprintf("%v evidence %v is dated %v in the future", [e.kind, e.path, e.age])} if {',
      '\tsome e in input.evidence',
      '\tmax_age[e.kind]',
      '\tis_number(e.age_seconds)',
      '\te.age_seconds < -300',
      '}'
    )
    emit(
      'violation contains {"id": "freshness/no-timestamp", "msg": sprintf("%v evidence %v has no timestamp, and a maximum age is set for it", [e.kind, e.path])} if {',
      '\tsome e in input.evidence',
      '\tmax_age[e.kind].required == true',
      '\te.age_seconds == null',
      '}'
    )
    emit(
      'advisory contains {"id": "freshness/no-timestamp", "msg": sprintf("%v evidence %v has no timestamp; its age is unknown", [e.kind, e.path])} if {',
      '\tsome e in input.evidence',
      '\tmax_age[e.kind].required == false',
      '\te.age_seconds == null',
      '}'
    )
  }

  // ---- freeze windows ----
  if (rules.freezeWindows.length > 0) {
    emit(
      'violation contains {"id": "freeze/active", "msg": msg} if {',
      `\tsome name in ${JSON.stringify(rules.freezeWindows.map(w => w.name))}`,
      '\tw := input.windows[name]',
      '\tw.active == true',
      '\tmsg := sprintf("deployments are frozen: window %v%v, until %v", [name, w.description, w.end])',
      '}'
    )
  }

  // ---- approvals ----
  if (rules.approvals && rules.approvals.count > 0) {
    emit(
      'approval_applies(a) if a.environment == null',
      '',
      'approval_applies(a) if a.environment == input.environment'
    )
    if (rules.approvals.preventSelfApproval)
      emit(
        'self_approval(a) if {',
        '\tis_string(input.deployer)',
        '\tlower(a.user) == lower(input.deployer)',
        '}'
      )
    emit(
      'approvers contains lower(a.user) if {',
      '\tsome a in input.approvals',
      '\tapproval_applies(a)',
      ...(rules.approvals.preventSelfApproval ? ['\tnot self_approval(a)'] : []),
      '}'
    )
    emit(
      'violation contains {"id": "approvals/missing", "msg": msg} if {',
      `\tcount(approvers) < ${rules.approvals.count}`,
      `\tmsg := sprintf("%d approval(s) required${rules.approvals.preventSelfApproval ? ' (self-approval does not count)' : ''}, got %d", [${rules.approvals.count}, count(approvers)])`,
      '}'
    )
  }

  // ---- decision ----
  emit(
    'message(m) := m if is_object(m)',
    '',
    'message(m) := {"msg": m} if is_string(m)',
    '',
    'message(m) := {"msg": sprintf("%v", [m])} if {',
    '\tnot is_object(m)',
    '\tnot is_string(m)',
    '}'
  )
  const text = out.join('\n')
  if (/^violation contains /m.test(text)) emit('all_violations contains v if some v in violation')
  if (withUserRego) {
    emit(
      'all_violations contains message(m) if some m in data.gate.deny',
      '',
      'all_violations contains message(m) if some m in data.gate.violation'
    )
    emit('advisory contains message(m) if some m in data.gate.warn')
  }
  // Rules that would otherwise be undefined (an empty policy allows everything it is given).
  if (!/^all_violations contains /m.test(out.join('\n'))) emit('all_violations := set()')
  if (!/^advisory contains /m.test(out.join('\n'))) emit('advisory := set()')
  emit('default break_glass := false')
  if (rules.breakGlass)
    emit(
      'break_glass if {',
      '\tis_string(input.break_glass.justification)',
      '\tinput.break_glass.justification != ""',
      '}'
    )
  if (rules.mode === 'enforce') {
    emit('deny contains v if {', '\tnot break_glass', '\tsome v in all_violations', '}')
    emit(
      'warn contains object.union(v, {"msg": sprintf("overridden by break-glass: %v", [v.msg])}) if {',
      '\tbreak_glass',
      '\tsome v in all_violations',
      '}'
    )
  } else {
    emit('deny := set()')
    emit(
      'warn contains object.union(v, {"msg": sprintf("warn mode: %v", [v.msg])}) if some v in all_violations'
    )
  }
  emit('warn contains v if some v in advisory')
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  )
}

/** Evaluates every freeze window at `nowMs` (time-zone and calendar arithmetic stays out of Rego). */
export function windowStates(rules: GateRules, nowMs: number): Record<string, WindowState> {
  const out: Record<string, WindowState> = {}
  for (const w of rules.freezeWindows) {
    const description = w.description ? ` (${w.description})` : ''
    if (w.cron !== undefined) {
      const cron = parseCron(w.cron)
      const duration = w.durationSeconds ?? 60
      const fired =
        typeof cron === 'string' ? undefined : lastCronFire(cron, w.timezone, nowMs, duration)
      const active = fired !== undefined && nowMs < fired + duration * 1000
      out[w.name] = {
        active,
        start: fired === undefined ? null : new Date(fired).toISOString(),
        end: fired === undefined ? null : new Date(fired + duration * 1000).toISOString(),
        description
      }
    } else {
      const start = w.start ?? 0
      const end = w.end ?? 0
      out[w.name] = {
        active: nowMs >= start && nowMs < end,
        start: new Date(start).toISOString(),
        end: new Date(end).toISOString(),
        description
      }
    }
  }
  return out
}
