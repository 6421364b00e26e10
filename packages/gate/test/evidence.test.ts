/**
 * Evidence detection and normalisation over real-shaped fixtures of every supported format, and
 * the errors for evidence the gate cannot use.
 */
import { describe, expect, it } from '@jest/globals'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { InputError, Redactor } from '@secure-pipeline/core'
import {
  buildInput,
  expandEvidence,
  licenseIds,
  loadEvidenceFile,
  parseEvidenceSpec,
  type EvidenceKind,
  type GateInput
} from '@secure-pipeline/gate'

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures')
const NOW = Date.parse('2026-11-26T01:00:00Z')
const D = `sha256:${'3f'.repeat(32)}`

function load(spec: string): {
  input: GateInput
  kind: EvidenceKind
  format: string
  redactor: Redactor
} {
  const redactor = new Redactor()
  const loaded = loadEvidenceFile(parseEvidenceSpec(spec), fixtures, redactor)
  return {
    input: buildInput([loaded], NOW, null),
    kind: loaded.record.kind,
    format: loaded.record.format,
    redactor
  }
}

describe('evidence detection', () => {
  it.each<[string, EvidenceKind, RegExp, (i: GateInput) => void]>([
    [
      'evidence/secrets-clean.json',
      'secret-scan',
      /secure-pipeline secrets JSON/,
      i => expect(i.secret_scan).toEqual({ present: true, findings: [] })
    ],
    [
      'evidence/secrets-found.json',
      'secret-scan',
      /secure-pipeline secrets JSON/,
      i =>
        expect(i.secret_scan.findings).toEqual([
          {
            rule_id: 'github-pat',
            severity: 'critical',
            file: 'config/deploy.env',
            line: 3,
            location: 'config/deploy.env:3',
            commit: null,
            verified: null
          },
          {
            rule_id: 'generic-api-key',
            severity: 'medium',
            file: 'src/app.ts',
            line: 10,
            location: 'src/app.ts:10',
            commit: null,
            verified: null
          }
        ])
    ],
    [
      'evidence/gitleaks.json',
      'secret-scan',
      /gitleaks/,
      i =>
        expect(i.secret_scan.findings[0]).toMatchObject({
          rule_id: 'aws-access-token',
          severity: 'high',
          commit: '6d3b2a9'
        })
    ],
    [
      'evidence/secrets.sarif',
      'secret-scan',
      /SARIF \(secure-pipeline secrets\)/,
      i => {
        expect(i.secret_scan.findings).toEqual([
          {
            rule_id: 'slack-webhook',
            severity: 'high',
            file: 'ops/notify.sh',
            line: 12,
            location: 'ops/notify.sh:12',
            commit: null,
            verified: null
          }
        ])
        expect(i.evidence[0].timestamp).toBe('2026-11-25T23:30:00.000Z')
      }
    ],
    [
      'evidence/trivy.sarif',
      'vulnerability-scan',
      /Trivy/,
      i =>
        expect(i.vulnerability_scan.vulnerabilities.map(v => `${v.id}:${v.severity}`)).toEqual([
          'CVE-2024-21626:high',
          'CVE-2023-44487:high',
          'CVE-2024-0001:low'
        ])
    ],
    [
      'evidence/grype.json',
      'vulnerability-scan',
      /Grype/,
      i =>
        expect(i.vulnerability_scan.vulnerabilities.map(v => v.severity)).toEqual([
          'high',
          'critical',
          'medium'
        ])
    ],
    [
      'evidence/trivy-clean.json',
      'vulnerability-scan',
      /Trivy JSON/,
      i =>
        expect(i.vulnerability_scan).toEqual({ present: true, vulnerabilities: [], suppressed: [] })
    ],
    [
      'evidence/sbom.cdx.json',
      'sbom',
      /CycloneDX 1\.6/,
      i => {
        expect(i.sbom.components.map(c => c.name)).toEqual(['express', '@babel/core'])
        expect(i.evidence[0].age).toBe('1h20m')
        expect(i.vulnerability_scan.present).toBe(false)
      }
    ],
    [
      'evidence/sbom-bad.cdx.json',
      'sbom',
      /CycloneDX 1\.5/,
      i => {
        expect(i.sbom.components.find(c => c.name === 'gpl-thing')?.licenses).toEqual([
          'GPL-3.0-only',
          'MIT'
        ])
        expect(i.vulnerability_scan.vulnerabilities).toEqual([
          {
            id: 'CVE-2018-1000620',
            severity: 'critical',
            package: 'pkg:npm/event-stream@3.3.6',
            source: 'cyclonedx',
            aliases: [],
            fix_state: 'unknown',
            fixed_versions: []
          }
        ])
      }
    ],
    [
      'evidence/sbom.spdx.json',
      'sbom',
      /SPDX-2\.3/,
      i =>
        expect(i.sbom.components).toEqual([
          {
            name: 'agpl-lib',
            version: '2.0.0',
            purl: 'pkg:npm/agpl-lib@2.0.0',
            type: 'library',
            licenses: ['AGPL-3.0-or-later']
          },
          {
            name: 'ms',
            version: '2.1.3',
            purl: 'pkg:npm/ms@2.1.3',
            type: 'library',
            licenses: ['MIT']
          }
        ])
    ],
    [
      'evidence/policy.sarif',
      'policy-check',
      /SARIF \(secure-pipeline secure-pipeline\/policy\/\)/,
      i => {
        expect(i.policy_check.failures).toEqual([
          {
            file: 'k8s/app.yaml',
            namespace: 'secure-pipeline secure-pipeline/policy/',
            msg: 'Deployment/web: privileged (container "app" must not set securityContext.privileged=true)',
            id: 'builtin.pss.baseline/privileged',
            severity: 'high'
          }
        ])
        expect(i.policy_check.warnings.map(w => w.id)).toEqual([
          'builtin.best_practices/liveness-probe'
        ])
      }
    ],
    [
      'evidence/conftest-pass.json',
      'policy-check',
      /conftest/,
      i => expect(i.policy_check.warnings).toHaveLength(1)
    ],
    [
      'evidence/conftest-fail.json',
      'policy-check',
      /conftest/,
      i =>
        expect(i.policy_check.failures.map(f => `${f.id}:${f.severity}`)).toEqual([
          'privileged:high',
          'hostPorts:medium',
          'main:high'
        ])
    ],
    [
      'evidence/verify-ok.json',
      'verification',
      /verify JSON/,
      i => {
        expect(i.verifications[0]).toMatchObject({
          verified: true,
          digest: D,
          issuer: 'https://token.actions.githubusercontent.com',
          github: {
            repository: 'acme/web',
            ref: 'refs/heads/main',
            workflow: '.github/workflows/release.yml',
            trigger: 'push',
            runner_environment: 'github-hosted'
          }
        })
        expect(i.artifact.digests).toEqual([D])
      }
    ],
    [
      'evidence/verify-results.json',
      'verification',
      /verify results/,
      i => {
        expect(i.verifications.map(v => v.verified)).toEqual([true, false])
        expect(i.verifications[1].error).toMatch(/does not match/)
      }
    ],
    [
      'evidence/gh-attestation.json',
      'verification',
      /gh attestation/,
      i =>
        expect(i.verifications[0]).toMatchObject({
          digest: D,
          predicate_type: 'https://slsa.dev/provenance/v1',
          github: { repository: 'acme/web', workflow: '.github/workflows/release.yml' }
        })
    ],
    [
      'evidence/provenance.intoto.json',
      'provenance',
      /slsa\.dev\/provenance\/v1/,
      i => {
        expect(i.provenance[0]).toMatchObject({
          builder_id: expect.stringContaining('secure-pipeline.yml') as unknown,
          subjects: [{ name: 'app.tgz', digest: D }],
          source: { repository: 'acme/web', ref: 'refs/heads/main', digest: 'b'.repeat(40) }
        })
        expect(i.evidence[0].timestamp).toBe('2026-11-25T23:38:00.000Z')
      }
    ],
    [
      'evidence/provenance.intoto.jsonl',
      'provenance',
      /provenance/,
      i => expect(i.provenance).toHaveLength(2)
    ],
    [
      'evidence/provenance-v02.json',
      'provenance',
      /v0\.2/,
      i =>
        expect(i.provenance[0].source).toEqual({
          repository: 'acme/web',
          ref: 'refs/tags/v1.4.0',
          digest: 'c'.repeat(40)
        })
    ],
    [
      'evidence/sigstore-bundle-dsse.json',
      'provenance',
      /provenance/,
      i => expect(i.provenance[0].builder_id).toMatch(/secure-pipeline/)
    ],
    [
      'evidence/facts.json',
      'facts',
      /facts/,
      i => {
        expect(i.facts.change_ticket).toBe('CHG-4711')
        expect(i.deployer).toBe('alice')
        expect(i.approvals.map(a => a.user)).toEqual(['bob', 'carol', 'alice', 'erin'])
      }
    ],
    [
      'evidence/facts.yaml',
      'facts',
      /facts/,
      i =>
        expect(i.facts).toEqual({
          change_ticket: 'CHG-1',
          release_notes: 'https://example.com/notes'
        })
    ],
    [
      'facts:evidence/unknown.json',
      'facts',
      /facts/,
      i => expect(i.facts).toEqual({ hello: 'world' })
    ],
    [
      'vulnerability-scan:evidence/sbom-bad.cdx.json',
      'vulnerability-scan',
      /CycloneDX/,
      i => expect(i.vulnerability_scan.vulnerabilities).toHaveLength(1)
    ]
  ])('%s → %s', (spec, kind, format, check) => {
    const r = load(spec)
    expect(r.kind).toBe(kind)
    expect(r.format).toMatch(format)
    check(r.input)
  })

  it('never carries a secret value into the input, and remembers unredacted ones', () => {
    const r = load('evidence/secrets-found.json')
    expect(JSON.stringify(r.input)).not.toContain('ghp_')
    expect([...r.redactor.values()]).toContain('ghp_R8sVx2Lq9TnW4yZ0aBcDeFgHiJkLmNoPqRsT')
    expect([...r.redactor.values()].some(v => v.includes('REDACTED'))).toBe(false)
    const sarif = load('evidence/secrets.sarif')
    expect(JSON.stringify(sarif.input)).not.toContain('hooks.slack.com')
  })

  it.each([
    ['evidence/unknown.json', /evidence\/unknown\.json: cannot tell what kind of evidence this is/],
    ['evidence/broken.json', /evidence\/broken\.json:\d+: invalid JSON/],
    ['evidence/sarif-unknown-tool.sarif', /SARIF from "MysteryTool": cannot tell/],
    ['sbom:evidence/conftest-pass.json', /cannot be read as sbom evidence/],
    ['evidence/does-not-exist.json', /evidence\/does-not-exist\.json: cannot read evidence: ENOENT/]
  ])('%s is an InputError naming the file', (spec, message) => {
    let err: unknown
    try {
      load(spec)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).exitCode).toBe(2)
    expect((err as InputError).describe()).toMatch(message)
  })

  it('expands directories and keeps kind prefixes', () => {
    const specs = expandEvidence(['facts:evidence/', 'sbom:x.json'], fixtures)
    expect(specs.length).toBeGreaterThan(10)
    expect(specs.every(s => s.kind === 'facts' || s.path === 'x.json')).toBe(true)
    expect(specs.map(s => s.path)).toContain('evidence/grype.json')
    expect(parseEvidenceSpec('C:/x.json')).toEqual({ path: 'C:/x.json' })
  })

  it('splits SPDX license expressions', () => {
    expect(licenseIds('(MIT OR Apache-2.0) AND BSD-3-Clause')).toEqual([
      'MIT',
      'Apache-2.0',
      'BSD-3-Clause'
    ])
  })
})
