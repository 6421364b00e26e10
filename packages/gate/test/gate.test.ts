/**
 * Decisions of the declarative policy (compiled to Rego) and of user Rego policies over the
 * fixture evidence, at injected times. Every declarative case is also checked against the same
 * rules written in plain TypeScript (evaluateNative), so the generated Rego cannot drift.
 */
import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { InputError } from '@secure-pipeline/core'
import {
  buildInput,
  evaluateNative,
  gatePolicyFromSource,
  loadEvidence,
  loadGatePolicy,
  parseDeclarativePolicy,
  runGate,
  type GateResult
} from '@secure-pipeline/gate'

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures')
const THURSDAY = new Date('2026-11-26T01:00:00Z')
const GOOD = [
  'evidence/secrets-clean.json',
  'evidence/sbom.cdx.json',
  'evidence/conftest-pass.json',
  'evidence/verify-ok.json',
  'evidence/verify-attest-prov.json',
  'evidence/provenance.intoto.json',
  'evidence/facts.json'
]
const without = (name: string): string[] => GOOD.filter(e => !e.includes(name))

interface Case {
  name: string
  policy?: string
  evidence: string[]
  environment?: string
  now?: string
  allow: boolean
  ids: string[]
  messages?: RegExp[]
  warnings?: RegExp[]
}

const cases: Case[] = [
  { name: 'all good evidence, no environment', evidence: GOOD, allow: true, ids: [] },
  {
    name: 'production: two approvals and a change ticket',
    evidence: GOOD,
    environment: 'production',
    allow: true,
    ids: []
  },
  {
    name: 'production without facts: approvals and ticket missing',
    evidence: without('facts'),
    environment: 'production',
    allow: false,
    ids: ['approvals/missing', 'facts/missing'],
    messages: [
      /2 approval\(s\) required \(self-approval does not count\), got 0/,
      /required fact change_ticket is missing/
    ]
  },
  {
    name: 'a secret was found',
    evidence: [...without('secrets-clean'), 'evidence/secrets-found.json'],
    allow: false,
    ids: ['secrets/found', 'secrets/found'],
    messages: [/secret scan: github-pat at config\/deploy\.env:3 \(critical\)/]
  },
  {
    name: 'no secret scan at all (fail closed)',
    evidence: without('secrets-clean'),
    allow: false,
    ids: ['evidence/missing'],
    messages: [/required secret-scan evidence is missing/]
  },
  {
    name: 'high policy failure denies, medium does not',
    evidence: [...without('conftest-pass'), 'evidence/conftest-fail.json'],
    allow: false,
    ids: ['policy/failure', 'policy/failure'],
    messages: [/privileged/, /team label/]
  },
  {
    name: 'signed by someone else',
    evidence: [...without('verify-'), 'evidence/verify-other-signer.json'],
    allow: false,
    ids: ['attestation/missing', 'signature/signer'],
    messages: [
      /expected identity matching \^\(\?:https:\/\/github\\\.com\/secure-pipeline.*got https:\/\/github\.com\/mallory\/fork\/\.github\/workflows\/release\.yml@refs\/heads\/main \(https:\/\/token\.actions\.githubusercontent\.com\)/
    ]
  },
  {
    name: 'no verification evidence',
    evidence: without('verify-'),
    allow: false,
    ids: ['attestation/missing', 'signature/missing']
  },
  {
    name: 'one verification failed',
    evidence: [...GOOD, 'evidence/verify-results.json'],
    allow: false,
    ids: ['signature/not-verified'],
    messages: [
      /signature of dist\/extra\.tgz did not verify \(evidence\/verify-results\.json\): signature does not match/
    ]
  },
  {
    name: 'no provenance',
    evidence: without('provenance'),
    allow: false,
    ids: ['provenance/missing']
  },
  {
    name: 'provenance from another builder and for another artifact',
    evidence: [...without('provenance'), 'evidence/provenance-v02.json'],
    allow: false,
    ids: ['freshness/stale', 'provenance/builder', 'provenance/subject'],
    messages: [
      /got builder https:\/\/github\.com\/slsa-framework/,
      /verified artifact sha256:3f3f.* is not a subject/
    ]
  },
  {
    name: 'denied licenses and packages',
    evidence: [...without('sbom.cdx'), 'evidence/sbom-bad.cdx.json', 'evidence/sbom.spdx.json'],
    allow: false,
    ids: ['sbom/license', 'sbom/license', 'sbom/package'],
    messages: [
      /gpl-thing@1\.0\.0 has a denied license: GPL-3\.0-only/,
      /agpl-lib@2\.0\.0 has a denied license: AGPL-3\.0-or-later/,
      /denied package event-stream@3\.3\.6/
    ]
  },
  {
    name: 'stale evidence (default 24h, SBOM 7d)',
    evidence: GOOD,
    now: '2026-11-27T12:00:00Z',
    allow: false,
    ids: ['freshness/stale', 'freshness/stale'],
    messages: [
      /facts evidence evidence\/facts\.json is 1d12h10m old \(at most 1d allowed\)/,
      /provenance evidence evidence\/provenance\.intoto\.json is 1d12h22m old/
    ]
  },
  {
    name: 'evidence from the future',
    evidence: GOOD,
    now: '2026-11-25T20:00:00Z',
    allow: false,
    ids: ['freshness/future', 'freshness/future', 'freshness/future'],
    messages: [/dated -3h40m in the future/]
  },
  {
    name: 'year-end freeze (Berlin midnight is 23:00 UTC)',
    policy: 'policies/freeze.yml',
    evidence: GOOD,
    now: '2026-12-19T23:30:00Z',
    allow: false,
    ids: ['freeze/active'],
    messages: [
      /deployments are frozen: window year-end \(annual change freeze\), until 2027-01-04T23:00:00\.000Z/
    ]
  },
  {
    name: 'just before the year-end freeze',
    policy: 'policies/freeze.yml',
    evidence: GOOD,
    now: '2026-12-19T22:59:00Z',
    allow: true,
    ids: []
  },
  {
    name: 'last second of the year-end freeze',
    policy: 'policies/freeze.yml',
    evidence: GOOD,
    now: '2027-01-04T22:59:59Z',
    allow: false,
    ids: ['freeze/active']
  },
  {
    name: 'after the year-end freeze',
    policy: 'policies/freeze.yml',
    evidence: GOOD,
    now: '2027-01-04T23:00:00Z',
    allow: true,
    ids: []
  },
  {
    name: 'Saturday 07:59 in New York (still frozen)',
    policy: 'policies/freeze.yml',
    evidence: GOOD,
    now: '2026-11-28T12:59:00Z',
    allow: false,
    ids: ['freeze/active']
  },
  {
    name: 'Saturday 08:00 in New York (open)',
    policy: 'policies/freeze.yml',
    evidence: GOOD,
    now: '2026-11-28T13:00:00Z',
    allow: true,
    ids: []
  },
  {
    name: 'in summer time, Friday 17:00 New York is 21:00 UTC',
    policy: 'policies/freeze.yml',
    evidence: GOOD,
    now: '2026-07-03T21:00:00Z',
    allow: false,
    ids: ['freeze/active']
  },
  {
    name: 'DST night in Berlin: 01:30 CET is 00:30 UTC',
    policy: 'policies/freeze.yml',
    evidence: GOOD,
    now: '2026-03-29T00:30:00Z',
    allow: false,
    ids: ['freeze/active'],
    messages: [/dst-night, until 2026-03-29T01:30:00\.000Z/]
  },
  {
    name: 'DST night in Berlin: 03:30 CEST is 01:30 UTC (open)',
    policy: 'policies/freeze.yml',
    evidence: GOOD,
    now: '2026-03-29T01:30:00Z',
    allow: true,
    ids: []
  },
  {
    name: 'Friday 17:30 in New York',
    policy: 'policies/freeze.yml',
    evidence: GOOD,
    now: '2026-11-27T22:30:00Z',
    allow: false,
    ids: ['freeze/active'],
    messages: [/window friday-evening, until 2026-11-28T13:00:00\.000Z/]
  },
  {
    name: 'Friday 16:59 in New York',
    policy: 'policies/freeze.yml',
    evidence: GOOD,
    now: '2026-11-27T21:59:00Z',
    allow: true,
    ids: []
  },
  {
    name: 'staging is in warn mode and has no freeze',
    evidence: without('secrets-clean'),
    environment: 'staging',
    now: '2026-11-27T22:30:00Z',
    allow: true,
    ids: [],
    warnings: [/warn mode: required secret-scan evidence is missing/]
  },
  {
    name: 'break-glass overrides a freeze, with the justification',
    policy: 'policies/freeze.yml',
    evidence: [...GOOD, 'evidence/facts-breakglass.json'],
    now: '2026-11-27T22:30:00Z',
    allow: true,
    ids: [],
    warnings: [/overridden by break-glass: deployments are frozen/]
  },
  {
    name: 'strict: vulnerabilities over budget and a blocked CVE',
    policy: 'policies/strict.yml',
    evidence: [
      'evidence/secrets-clean.json',
      'evidence/verify-ok.json',
      'evidence/sbom.cdx.json',
      'evidence/grype.json',
      'evidence/trivy.sarif'
    ],
    allow: false,
    ids: ['freshness/no-timestamp', 'vulnerabilities/blocked', 'vulnerabilities/threshold'],
    messages: [
      /3 vulnerabilities at or above high \(at most 0 allowed\): CVE-2022-24999, CVE-2024-21626, GHSA-xxxx-yyyy-zzzz/,
      /blocked vulnerability CVE-2020-8203 in pkg:npm\/lodash@4\.17\.15/,
      /vulnerability-scan evidence evidence\/trivy\.sarif has no timestamp, and a maximum age is set for it/
    ]
  },
  {
    name: 'strict: a failed verification denies even without a signature requirement',
    policy: 'policies/strict.yml',
    evidence: [
      'evidence/secrets-clean.json',
      'evidence/verify-results.json',
      'evidence/sbom.cdx.json',
      'evidence/trivy-clean.json'
    ],
    allow: false,
    ids: ['signature/not-verified'],
    messages: [/signature of dist\/extra\.tgz did not verify/]
  },
  {
    name: 'strict: no break-glass and secrets by severity',
    policy: 'policies/strict.yml',
    evidence: [
      'evidence/secrets-found.json',
      'evidence/verify-ok.json',
      'evidence/sbom.cdx.json',
      'evidence/trivy-clean.json',
      'evidence/facts-breakglass.json'
    ],
    allow: false,
    ids: ['secrets/found'],
    messages: [/github-pat/]
  },
  {
    name: 'vulnerabilities: ignore and block match aliases',
    policy: 'policies/vuln-alias.yml',
    evidence: ['evidence/tools/grype-fix.json'],
    allow: false,
    ids: ['vulnerabilities/threshold', 'vulnerabilities/blocked'],
    messages: [
      /^1 vulnerabilities at or above high \(at most 0 allowed\): GHSA-jfh8-c2jp-5v3q$/,
      /blocked vulnerability GHSA-jfh8-c2jp-5v3q in pkg:maven\/org\.apache\.logging\.log4j/
    ]
  },
  {
    name: 'vulnerabilities: a VEX statement takes the vulnerability out of the count',
    policy: 'policies/vuln-alias.yml',
    evidence: ['evidence/tools/grype-fix.json', 'evidence/tools/openvex.json'],
    allow: true,
    ids: []
  },
  {
    name: 'vulnerabilities: VEX evidence alone is not a vulnerability scan',
    policy: 'policies/vuln-alias.yml',
    evidence: ['evidence/tools/openvex.json'],
    allow: false,
    ids: ['evidence/missing'],
    messages: [/required vulnerability-scan evidence is missing/]
  }
]

function run(c: Case): GateResult {
  return runGate({
    policy: c.policy ?? 'policies/gate.yml',
    evidence: c.evidence,
    environment: c.environment,
    cwd: fixtures,
    now: c.now ? new Date(c.now) : THURSDAY
  })
}

describe('declarative gate policy', () => {
  it.each(cases.map(c => [c.name, c] as const))('%s', (_name, c) => {
    const r = run(c)
    expect(r.decision.allow).toBe(c.allow)
    expect(r.exitCode).toBe(c.allow ? 0 : 1)
    const ids = r.decision.violations.map(v => v.id)
    expect(ids).toEqual([...c.ids].sort())
    for (const m of c.messages ?? [])
      expect(r.decision.violations.some(v => m.test(v.msg))).toBe(true)
    for (const m of c.warnings ?? [])
      expect(r.decision.warnings.some(v => m.test(v.msg))).toBe(true)

    // The same rules in plain TypeScript give the same decision.
    const policy = parseDeclarativePolicy(
      readFileSync(path.join(fixtures, c.policy ?? 'policies/gate.yml'), 'utf8'),
      'p'
    )
    const native = evaluateNative(policy.rules(c.environment ?? null), r.input)
    expect(native).toEqual({
      allow: r.decision.allow,
      violations: r.decision.violations,
      warnings: r.decision.warnings
    })
  })

  it('records the decision in an audit record without secrets or fact values', () => {
    const r = run({
      name: 'audit',
      evidence: [...without('secrets-clean'), 'evidence/secrets-found.json'],
      environment: 'production',
      allow: false,
      ids: []
    })
    const text = JSON.stringify(r.audit)
    expect(text).not.toContain('ghp_R8sVx2Lq9TnW4yZ0aBcDeFgHiJkLmNoPqRsT')
    expect(text).not.toContain('CHG-4711')
    expect(r.audit.inputs.fact_keys).toEqual([
      'approvals',
      'change_ticket',
      'deployer',
      'timestamp'
    ])
    expect(r.audit.policy.sha256).toBe(
      createHash('sha256')
        .update(readFileSync(path.join(fixtures, 'policies/gate.yml')))
        .digest('hex')
    )
    for (const e of r.audit.evidence)
      expect(e.sha256).toBe(
        createHash('sha256')
          .update(readFileSync(path.join(fixtures, e.path)))
          .digest('hex')
      )
    expect(r.audit).toMatchObject({
      time: '2026-11-26T01:00:00.000Z',
      environment: 'production',
      decision: { allow: false },
      inputs: {
        secret_findings: { critical: 1, medium: 1 },
        approvers: ['alice', 'bob', 'carol', 'erin'],
        deployer: 'alice'
      }
    })
    expect(r.audit.policy.rego_sha256).toHaveLength(1)
  })

  it('compiles each environment once and evaluates many inputs', () => {
    const policy = loadGatePolicy('policies/gate.yml', fixtures)
    expect(policy.environments).toEqual(['production', 'staging'])
    expect(policy.forEnvironment('production')).toBe(policy.forEnvironment('production'))
    expect(policy.forEnvironment('unknown-env').modules[0].source).toBe(
      policy.forEnvironment(null).modules[0].source
    )
    const ev = policy.forEnvironment('production')
    const input = ev.prepare(
      buildInput(loadEvidence(GOOD, fixtures), THURSDAY.getTime(), 'production')
    )
    for (let i = 0; i < 20; i++) expect(ev.evaluate(input).allow).toBe(true)
  })

  it.each([
    ['policies/bad-key.yml', /policies\/bad-key\.yml:5: deny-on\.vulnerabilites: unknown key/],
    [
      'policies/bad-tz.yml',
      /policies\/bad-tz\.yml:5: freeze-windows\.0\.timezone: unknown time zone "Mars\/Olympus"/
    ],
    ['policies/broken.rego', /policies\/broken\.rego:\d+/],
    ['policies/missing.yml', /policies\/missing\.yml: cannot read policy/]
  ])('%s is an InputError with file and line', (policy, message) => {
    let err: unknown
    try {
      runGate({ policy, evidence: GOOD, cwd: fixtures, now: THURSDAY })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).describe()).toMatch(message)
  })
})

describe('user Rego policies', () => {
  it.each<[string, string[], boolean, RegExp[], RegExp[]]>([
    ['policies/gate.rego', GOOD, true, [], []],
    ['policies/gate.rego', without('verify-'), false, [/^no signature verification result$/], []],
    [
      'policies/gate.rego',
      [...without('verify-'), 'evidence/verify-other-signer.json'],
      false,
      [/untrusted signer https:\/\/github\.com\/mallory/],
      []
    ],
    [
      'policies/gate.rego',
      [...without('secrets-clean'), 'evidence/secrets-found.json'],
      false,
      [/secret github-pat at config\/deploy\.env:3/, /secret generic-api-key/],
      []
    ],
    ['policies/gate.rego', without('sbom'), true, [], [/no SBOM/]],
    ['policies/allow.rego', GOOD, true, [], []],
    ['policies/allow.rego', without('facts'), false, [/data\.gate\.allow is false, not true/], []],
    ['policies/erroring.rego', GOOD, false, [/policy evaluation failed, denying: .*conflict/], []],
    ['policies/complete.rego', GOOD, true, [], []],
    [
      'policies/complete.rego',
      without('sbom').filter(e => !e.includes('facts')),
      false,
      [/^no SBOM$/],
      [/^no facts$/]
    ],
    ['policies/with-rego.yml', GOOD, true, [], []],
    [
      'policies/with-rego.yml',
      without('facts'),
      false,
      [/change ticket must look like CHG-<n>/],
      []
    ],
    ['policies/with-rego.yml', [...without('facts'), 'evidence/facts.yaml'], true, [], []],
    ['policies/with-rego.yml', without('sbom'), false, [/required sbom evidence is missing/], []]
  ])('%s over %j', (policy, evidence, allow, messages, warnings) => {
    const r = runGate({ policy, evidence, cwd: fixtures, now: THURSDAY })
    expect(r.decision.allow).toBe(allow)
    expect(r.decision.violations).toHaveLength(messages.length)
    for (const m of messages) expect(r.decision.violations.some(v => m.test(v.msg))).toBe(true)
    for (const m of warnings) expect(r.decision.warnings.some(v => m.test(v.msg))).toBe(true)
  })

  it('never prints a secret a policy echoes back', () => {
    const r = runGate({
      policy: 'policies/echo.rego',
      evidence: ['evidence/secrets-found.json', 'evidence/facts-leaky.json'],
      cwd: fixtures,
      now: THURSDAY
    })
    expect(r.decision.allow).toBe(false)
    expect(r.decision.violations[0].msg).toBe('note: token was REDACTED, rotate it')
    expect(JSON.stringify([r.decision, r.audit])).not.toContain(
      'ghp_R8sVx2Lq9TnW4yZ0aBcDeFgHiJkLmNoPqRsT'
    )
  })

  it.each<[string, boolean]>([
    ['2026-11-26T01:00:00Z', true],
    ['2026-11-27T10:00:00Z', false],
    ['2026-11-28T23:59:59Z', true]
  ])('time.now_ns() is the gate time (%s), like input.now', (now, allow) => {
    const policy = gatePolicyFromSource(
      [
        'package gate',
        'deny contains "no deploys on Fridays" if time.weekday(time.now_ns()) == "Friday"',
        'deny contains "clock and input.now differ" if time.now_ns() != time.parse_rfc3339_ns(input.now)'
      ].join('\n'),
      'clock.rego',
      fixtures
    )
    const r = runGate({ policy, evidence: GOOD, cwd: fixtures, now: new Date(now) })
    expect(r.decision.violations.map(v => v.msg)).toEqual(allow ? [] : ['no deploys on Fridays'])
    expect(r.decision.allow).toBe(allow)
  })

  it('a policy directory: every module, digests of each', () => {
    const p = loadGatePolicy('policies/gate.rego', fixtures)
    expect(p.kind).toBe('rego')
    expect(p.sha256).toMatch(/^[0-9a-f]{64}$/)
  })
})
