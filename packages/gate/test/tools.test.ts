/**
 * Evidence produced by the tools users actually run (trufflehog, gitleaks, GitHub alerts, syft,
 * cdxgen, Trivy, Grype, OSV-Scanner, npm audit, pip-audit, checkov, kube-linter, kubescape,
 * Kyverno, cosign, OpenVEX): detection, the normalised input the policy sees, and secrets never
 * reaching it.
 */
import { describe, expect, it } from '@jest/globals'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { InputError, Redactor } from '@secure-pipeline/core'
import {
  buildInput,
  gatePolicyFromSource,
  loadEvidenceFile,
  parseEvidenceSpec,
  runGate,
  type EvidenceKind,
  type GateInput
} from '@secure-pipeline/gate'

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures')
const NOW = Date.parse('2026-11-26T01:00:00Z')
const D = `sha256:${'3f'.repeat(32)}`

function load(...specs: string[]): {
  input: GateInput
  kinds: EvidenceKind[]
  formats: string[]
  redactor: Redactor
} {
  const redactor = new Redactor()
  const loaded = specs.map(s => loadEvidenceFile(parseEvidenceSpec(s), fixtures, redactor))
  return {
    input: buildInput(loaded, NOW, null),
    kinds: loaded.map(l => l.record.kind),
    formats: loaded.map(l => l.record.format),
    redactor
  }
}

const t = (name: string): string => `evidence/tools/${name}`
const brief = (i: GateInput): string[] =>
  i.vulnerability_scan.vulnerabilities.map(v => `${v.id} ${v.severity} ${v.package}`)

describe('evidence from real tools', () => {
  it.each<[string, EvidenceKind, RegExp, (i: GateInput) => void]>([
    // ---- secret scanners ----
    [
      t('trufflehog.jsonl'),
      'secret-scan',
      /^trufflehog JSON$/,
      i =>
        expect(i.secret_scan.findings).toEqual([
          {
            rule_id: 'AWS',
            severity: 'critical',
            file: 'deploy/aws.env',
            line: 4,
            location: 'deploy/aws.env:4',
            commit: '9f1c2e7a4b5d6c8e0f1a2b3c4d5e6f708192a3b4',
            verified: true
          },
          {
            rule_id: 'SlackWebhook',
            severity: 'high',
            file: 'config/slack.json',
            line: 12,
            location: 'config/slack.json:12',
            commit: null,
            verified: false
          }
        ])
    ],
    [
      t('trufflehog-single.json'),
      'secret-scan',
      /trufflehog/,
      i =>
        expect(i.secret_scan.findings).toEqual([
          expect.objectContaining({ rule_id: 'Github', file: '.env', line: 2, commit: 'abc1234' })
        ])
    ],
    [
      t('trufflehog-clean.jsonl'),
      'secret-scan',
      /trufflehog/,
      i => {
        expect(i.secret_scan).toEqual({ present: true, findings: [] })
        expect(i.evidence[0].timestamp).toBe('2026-11-26T00:10:04.000Z')
      }
    ],
    [
      t('gitleaks-redacted.json'),
      'secret-scan',
      /gitleaks JSON/,
      i =>
        expect(i.secret_scan.findings.map(f => [f.rule_id, f.location, f.commit])).toEqual([
          ['aws-access-token', 'infra/terraform.tfvars:7', '1b6d3f0'],
          ['generic-api-key', 'app/settings.py:3', null]
        ])
    ],
    [
      t('gitleaks.sarif'),
      'secret-scan',
      /SARIF \(gitleaks\)/,
      i =>
        expect(i.secret_scan.findings).toEqual([
          {
            rule_id: 'github-pat',
            severity: 'medium',
            file: 'scripts/release.sh',
            line: 9,
            location: 'scripts/release.sh:9',
            commit: '5e0c1d2a',
            verified: null
          }
        ])
    ],
    [
      t('github-secret-alerts.json'),
      'secret-scan',
      /GitHub secret scanning alerts/,
      i =>
        expect(i.secret_scan.findings).toEqual([
          {
            rule_id: 'github_personal_access_token',
            severity: 'critical',
            file: 'tools/publish.sh',
            line: 14,
            location: 'tools/publish.sh:14',
            commit: 'f14d7debf9775f957cf4f1e8176da0786431f72b',
            verified: true
          },
          {
            rule_id: 'npm_access_token',
            severity: 'high',
            file: '.npmrc',
            line: 1,
            location: '.npmrc:1',
            commit: '0a1b2c3d',
            verified: null
          }
        ])
    ],
    [
      // gh api --paginate --slurp: a list of pages
      t('github-secret-alerts-slurp.json'),
      'secret-scan',
      /GitHub secret scanning alerts/,
      i =>
        expect(i.secret_scan.findings.map(f => f.rule_id)).toEqual([
          'github_personal_access_token',
          'npm_access_token'
        ])
    ],
    // ---- vulnerability scanners ----
    [
      t('grype-fix.json'),
      'vulnerability-scan',
      /Grype JSON/,
      i => {
        expect(i.vulnerability_scan.vulnerabilities).toEqual([
          {
            id: 'GHSA-jfh8-c2jp-5v3q',
            severity: 'critical',
            package: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
            source: 'grype',
            aliases: ['CVE-2021-44228'],
            fix_state: 'fixed',
            fixed_versions: ['2.15.0']
          },
          {
            // Debian says negligible, NVD 7.8: the highest rating wins.
            id: 'CVE-2023-4911',
            severity: 'high',
            package: 'pkg:deb/debian/libc6@2.36-9%2Bdeb12u1?arch=amd64&distro=debian-12',
            source: 'grype',
            aliases: [],
            fix_state: 'wont-fix',
            fixed_versions: []
          },
          {
            // Unknown and nothing else known: high (fail closed).
            id: 'CVE-2025-0001',
            severity: 'high',
            package: 'pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&distro=debian-12',
            source: 'grype',
            aliases: [],
            fix_state: 'not-fixed',
            fixed_versions: []
          }
        ])
        expect(i.evidence[0].timestamp).toBe('2026-11-26T00:40:12.123Z')
      }
    ],
    [
      t('grype.sarif'),
      'vulnerability-scan',
      /SARIF \(Grype\)/,
      i =>
        expect(i.vulnerability_scan.vulnerabilities).toEqual([
          {
            id: 'CVE-2022-41723',
            severity: 'high',
            package: 'golang.org/x/net@v0.5.0',
            source: 'Grype',
            aliases: ['CVE-2022-41723-golang.org/x/net'],
            fix_state: 'unknown',
            fixed_versions: []
          },
          {
            id: 'GHSA-9wx4-h78v-vm56',
            severity: 'medium',
            package: 'requests@2.31.0',
            source: 'Grype',
            aliases: ['GHSA-9wx4-h78v-vm56-requests'],
            fix_state: 'unknown',
            fixed_versions: []
          }
        ])
    ],
    [
      t('trivy-all.json'),
      'vulnerability-scan',
      /Trivy JSON/,
      i => {
        expect(i.vulnerability_scan.vulnerabilities).toEqual([
          {
            id: 'CVE-2024-29041',
            severity: 'medium',
            package: 'pkg:npm/express@4.18.2',
            source: 'trivy',
            aliases: ['GHSA-rv95-896h-c2vc'],
            fix_state: 'fixed',
            fixed_versions: ['4.19.2', '5.0.0-beta.3']
          },
          {
            // Trivy picks GHSA's HIGH; NVD says CRITICAL (vendor severity 4): highest wins.
            id: 'CVE-2024-45590',
            severity: 'critical',
            package: 'pkg:npm/body-parser@1.20.1',
            source: 'trivy',
            aliases: ['GHSA-qwcr-r2fm-qrc7'],
            fix_state: 'fixed',
            fixed_versions: ['1.20.3']
          }
        ])
        // Misconfigurations (only FAIL) and secrets of the same report are added too.
        expect(i.policy_check.failures).toEqual([
          {
            file: 'Dockerfile',
            namespace: 'builtin.dockerfile.DS002',
            msg: 'Specify at least 1 USER command in Dockerfile with non-root user as argument',
            id: 'AVD-DS-0002',
            severity: 'high'
          },
          {
            file: 'Dockerfile',
            namespace: 'builtin.dockerfile.DS026',
            msg: 'Add HEALTHCHECK instruction in your Dockerfile',
            id: 'AVD-DS-0026',
            severity: 'low'
          }
        ])
        expect(i.secret_scan.findings).toEqual([
          {
            rule_id: 'aws-access-key-id',
            severity: 'critical',
            file: 'config/prod.env',
            line: 3,
            location: 'config/prod.env:3',
            commit: null,
            verified: null
          }
        ])
        // ... but only the vulnerability scan counts as present.
        expect([i.secret_scan.present, i.policy_check.present]).toEqual([false, false])
        expect(i.evidence[0].timestamp).toBe('2026-11-26T00:30:00.123Z')
      }
    ],
    [
      `secret-scan:${t('trivy-all.json')}`,
      'secret-scan',
      /Trivy JSON/,
      i => {
        expect(i.secret_scan.present).toBe(true)
        expect(i.vulnerability_scan.present).toBe(false)
      }
    ],
    [
      t('trivy-k8s.json'),
      'vulnerability-scan',
      /Trivy k8s JSON/,
      i => {
        expect(brief(i)).toEqual([
          'CVE-2024-2961 high pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12.8'
        ])
        expect(i.policy_check.failures.map(f => `${f.id} ${f.severity} ${f.file}`)).toEqual([
          'AVD-KSV-0012 medium Deployment/shop/web'
        ])
      }
    ],
    [
      t('trivy-config.json'),
      'policy-check',
      /Trivy JSON/,
      i => {
        expect(i.policy_check.failures.map(f => `${f.id} ${f.severity} ${f.file}`)).toEqual([
          'AVD-KSV-0017 high k8s/deployment.yaml'
        ])
        expect(i.vulnerability_scan.present).toBe(false)
      }
    ],
    [
      t('trivy-vuln.sarif'),
      'vulnerability-scan',
      /SARIF \(Trivy\)/,
      i =>
        expect(i.vulnerability_scan.vulnerabilities).toEqual([
          {
            id: 'CVE-2022-41723',
            severity: 'high',
            package: 'golang.org/x/net@v0.5.0',
            source: 'Trivy',
            aliases: [],
            fix_state: 'fixed',
            fixed_versions: ['0.7.0']
          }
        ])
    ],
    [
      t('trivy-config.sarif'),
      'policy-check',
      /SARIF \(Trivy\)/,
      i => {
        expect(i.policy_check.failures.map(f => `${f.id} ${f.severity} ${f.file}`)).toEqual([
          'AVD-KSV-0017 high k8s/deployment.yaml'
        ])
        expect(i.secret_scan.findings.map(f => `${f.rule_id} ${f.severity} ${f.location}`)).toEqual(
          ['aws-access-key-id critical config/prod.env:3']
        )
        expect(i.vulnerability_scan.present).toBe(false)
      }
    ],
    [
      t('osv-scanner.json'),
      'vulnerability-scan',
      /OSV-Scanner JSON/,
      i =>
        expect(i.vulnerability_scan.vulnerabilities).toEqual([
          {
            id: 'CVE-2021-44906',
            severity: 'critical',
            package: 'pkg:npm/minimist@1.2.5',
            source: 'osv-scanner',
            aliases: ['GHSA-xvch-5gv4-984h'],
            fix_state: 'fixed',
            fixed_versions: ['0.2.4', '1.2.6']
          },
          {
            // One entry for the group of aliases; GHSA's LOW and 3.1 agree.
            id: 'CVE-2024-51744',
            severity: 'low',
            package: 'pkg:golang/github.com/golang-jwt/jwt/v4@4.4.1',
            source: 'osv-scanner',
            aliases: ['GHSA-29wx-vh33-7x7r', 'GO-2024-3250'],
            fix_state: 'fixed',
            fixed_versions: ['4.5.1']
          },
          {
            // Only a CVSS v4 vector: its base score (9.3) decides.
            id: 'PYSEC-2099-1',
            severity: 'critical',
            package: 'pkg:pypi/django@4.2.0',
            source: 'osv-scanner',
            aliases: [],
            fix_state: 'not-fixed',
            fixed_versions: []
          }
        ])
    ],
    [
      t('osv-scanner-clean.json'),
      'vulnerability-scan',
      /OSV-Scanner JSON/,
      i =>
        expect(i.vulnerability_scan).toEqual({ present: true, vulnerabilities: [], suppressed: [] })
    ],
    [
      // {"results": []} is an empty list of verify results unless told otherwise.
      t('empty-results.json'),
      'verification',
      /verify results/,
      i => expect([i.verifications, i.vulnerability_scan.present]).toEqual([[], false])
    ],
    [
      `vulnerability-scan:${t('empty-results.json')}`,
      'vulnerability-scan',
      /OSV-Scanner JSON/,
      i => expect(i.vulnerability_scan.present).toBe(true)
    ],
    [
      t('dependabot-alerts.json'),
      'vulnerability-scan',
      /Dependabot/,
      i =>
        expect(i.vulnerability_scan.vulnerabilities).toEqual([
          {
            id: 'CVE-2023-45133',
            severity: 'critical',
            package: 'pkg:npm/%40babel/traverse',
            source: 'dependabot',
            aliases: ['GHSA-67hx-6x53-jw92'],
            fix_state: 'fixed',
            fixed_versions: ['7.23.2']
          },
          {
            id: 'GHSA-h75v-3vvj-5mfj',
            severity: 'medium',
            package: 'pkg:pypi/jinja2',
            source: 'dependabot',
            aliases: [],
            fix_state: 'not-fixed',
            fixed_versions: []
          }
        ])
    ],
    [
      // gh api --paginate: one page per line
      t('dependabot-pages.jsonl'),
      'vulnerability-scan',
      /Dependabot/,
      i =>
        expect(i.vulnerability_scan.vulnerabilities.map(v => v.id)).toEqual([
          'CVE-2023-45133',
          'GHSA-h75v-3vvj-5mfj'
        ])
    ],
    [
      t('npm-audit.json'),
      'vulnerability-scan',
      /npm audit JSON/,
      i =>
        expect(i.vulnerability_scan.vulnerabilities).toEqual([
          {
            // moderate by npm, 6.1 by CVSS: both medium.
            id: 'GHSA-rv95-896h-c2vc',
            severity: 'medium',
            package: 'pkg:npm/express',
            source: 'npm audit',
            aliases: [],
            fix_state: 'fixed',
            fixed_versions: ['4.21.2']
          },
          {
            id: 'GHSA-qwcr-r2fm-qrc7',
            severity: 'high',
            package: 'pkg:npm/body-parser',
            source: 'npm audit',
            aliases: [],
            fix_state: 'fixed',
            fixed_versions: []
          },
          {
            id: 'GHSA-xx4v-prfh-6cgc',
            severity: 'medium',
            package: 'pkg:npm/%40octokit/request-error',
            source: 'npm audit',
            aliases: [],
            fix_state: 'not-fixed',
            fixed_versions: []
          }
        ])
    ],
    [
      t('pip-audit.json'),
      'vulnerability-scan',
      /pip-audit JSON/,
      i =>
        expect(i.vulnerability_scan.vulnerabilities).toEqual([
          {
            // pip-audit has no severities: unknown counts as high.
            id: 'PYSEC-2023-62',
            severity: 'high',
            package: 'pkg:pypi/flask@2.2.2',
            source: 'pip-audit',
            aliases: ['CVE-2023-30861', 'GHSA-m2qf-hxjv-5gpq'],
            fix_state: 'fixed',
            fixed_versions: ['2.2.5', '2.3.2']
          },
          {
            id: 'GHSA-r9hx-vwmv-q579',
            severity: 'high',
            package: 'pkg:pypi/setuptools@65.5.0',
            source: 'pip-audit',
            aliases: ['CVE-2022-40897', 'PYSEC-2022-43012'],
            fix_state: 'not-fixed',
            fixed_versions: []
          }
        ])
    ],
    [
      t('trivy.cdx.json'),
      'sbom',
      /CycloneDX 1\.6/,
      i => {
        expect(i.sbom.components).toEqual([
          {
            name: 'golang.org/x/net',
            version: 'v0.5.0',
            purl: 'pkg:golang/golang.org/x/net@v0.5.0',
            type: 'library',
            licenses: ['BSD-3-Clause']
          }
        ])
        expect(i.vulnerability_scan.present).toBe(true)
        // ghsa/nvd high beat redhat medium; a vector without prefix is read by its method (3.1 → 5.3).
        expect(brief(i)).toEqual([
          'CVE-2022-41723 high pkg:golang/golang.org/x/net@v0.5.0',
          'CVE-2099-0002 medium pkg:golang/golang.org/x/net@v0.5.0'
        ])
      }
    ],
    // ---- SBOMs ----
    [
      t('syft.cdx.json'),
      'sbom',
      /CycloneDX 1\.6/,
      i => {
        expect(i.sbom.components.map(c => [c.name, c.version, c.purl, c.type, c.licenses])).toEqual(
          [
            ['express', '4.18.2', 'pkg:npm/express@4.18.2', 'library', ['MIT']],
            [
              'libssl3',
              '3.0.15-1~deb12u1',
              'pkg:deb/debian/libssl3@3.0.15-1~deb12u1?arch=amd64&distro=debian-12',
              'library',
              ['Apache-2.0', 'Artistic']
            ],
            ['debian', '12', '', 'operating-system', []]
          ]
        )
        expect(i.vulnerability_scan.present).toBe(false)
        expect(i.evidence[0].timestamp).toBe('2026-11-25T23:50:00.000Z')
      }
    ],
    [
      t('syft.spdx.json'),
      'sbom',
      /SPDX-2\.3/,
      i =>
        // The image the document DESCRIBES is not one of its components.
        expect(i.sbom.components).toEqual([
          {
            name: 'express',
            version: '4.18.2',
            purl: 'pkg:npm/express@4.18.2',
            type: 'library',
            licenses: ['MIT']
          },
          {
            name: 'libssl3',
            version: '3.0.15-1~deb12u1',
            purl: 'pkg:deb/debian/libssl3@3.0.15-1~deb12u1?arch=amd64&distro=debian-12',
            type: 'library',
            licenses: ['Apache-2.0', 'LicenseRef-Artistic']
          }
        ])
    ],
    [
      t('syft.json'),
      'sbom',
      /syft JSON 16\.0\.18/,
      i =>
        expect(i.sbom.components).toEqual([
          {
            name: 'express',
            version: '4.18.2',
            purl: 'pkg:npm/express@4.18.2',
            type: 'npm',
            licenses: ['MIT']
          },
          {
            name: 'left-pad',
            version: '1.3.0',
            purl: 'pkg:npm/left-pad@1.3.0',
            type: 'npm',
            licenses: ['WTFPL', 'MIT']
          }
        ])
    ],
    [
      t('cdxgen-1.6.json'),
      'sbom',
      /CycloneDX 1\.6/,
      i => {
        expect(i.sbom.components.map(c => [c.name, c.licenses])).toEqual([
          ['org.apache.logging.log4j/log4j-core', ['Apache-2.0']],
          ['mysql-connector-j', ['GPL-2.0-only', 'Universal-FOSS-exception-1.0']]
        ])
        expect(i.evidence[0].age).toBe('3h')
      }
    ],
    [
      t('trivy.spdx.json'),
      'sbom',
      /SPDX-2\.3/,
      i =>
        expect(i.sbom.components.map(c => `${c.name}@${c.version} ${c.purl}`)).toEqual([
          'net@v0.5.0 pkg:golang/golang.org/x/net@v0.5.0',
          'debian@12.8 '
        ])
    ],
    [
      t('spdx-2.2.json'),
      'sbom',
      /SPDX-2\.2/,
      i =>
        expect(i.sbom.components.map(c => [c.name, c.purl, c.licenses])).toEqual([
          ['npm:lodash', 'pkg:npm/lodash@4.17.21', ['MIT']],
          ['pip:chardet', 'pkg:pypi/chardet@5.2.0', ['LGPL-2.1-or-later']]
        ])
    ],
    // ---- policy checks ----
    [
      t('kyverno-apply.yaml'),
      'policy-check',
      /Kyverno ClusterPolicyReport/,
      i => {
        expect(i.policy_check.failures).toEqual([
          {
            file: 'Deployment/shop/web',
            namespace: 'disallow-privileged-containers',
            msg: expect.stringMatching(
              /^validation error: Privileged mode is disallowed/
            ) as unknown as string,
            id: 'disallow-privileged-containers/autogen-privileged-containers',
            severity: 'medium'
          },
          {
            file: '',
            namespace: 'require-requests',
            msg: 'policy error: failed to evaluate preconditions: variable substitution failed',
            id: 'require-requests/check-requests',
            severity: 'high'
          }
        ])
        expect(i.policy_check.warnings.map(w => `${w.id} ${w.file} ${w.severity}`)).toEqual([
          'disallow-latest-tag/validate-image-tag Pod/shop/debug low'
        ])
        expect(i.evidence[0].timestamp).toBe('2026-11-26T01:00:00.000Z')
      }
    ],
    [
      t('policyreports.yaml'),
      'policy-check',
      /Kyverno PolicyReport/,
      i => {
        expect(i.policy_check.failures).toEqual([
          {
            file: 'Deployment/shop/api',
            namespace: 'require-run-as-nonroot',
            msg: 'Running as root is not allowed.',
            id: 'require-run-as-nonroot/run-as-non-root',
            severity: 'high'
          }
        ])
        // The oldest result dates the set.
        expect(i.evidence[0].timestamp).toBe('2026-11-26T00:00:00.000Z')
      }
    ],
    [
      t('checkov.json'),
      'policy-check',
      /checkov JSON/,
      i =>
        expect(i.policy_check.failures).toEqual([
          {
            file: 'main.tf',
            namespace: 'checkov terraform',
            msg: 'Ensure the S3 bucket has access logging enabled (aws_s3_bucket.logs)',
            id: 'CKV_AWS_18',
            severity: 'high'
          },
          {
            file: 'main.tf',
            namespace: 'checkov terraform',
            msg: 'Ensure that S3 bucket has cross-region replication enabled (aws_s3_bucket.logs)',
            id: 'CKV_AWS_144',
            severity: 'low'
          },
          {
            file: 'k8s/deploy.yaml',
            namespace: 'checkov kubernetes',
            msg: 'Container should not be privileged (Deployment.shop.web)',
            id: 'CKV_K8S_16',
            severity: 'high'
          }
        ])
    ],
    [
      t('checkov-empty.json'),
      'policy-check',
      /checkov/,
      i => expect(i.policy_check).toEqual({ present: true, failures: [], warnings: [] })
    ],
    [
      t('kube-linter.json'),
      'policy-check',
      /kube-linter JSON/,
      i => {
        expect(i.policy_check.failures).toEqual([
          {
            file: 'k8s/deployment.yaml',
            namespace: 'kube-linter',
            msg: 'Deployment/shop/web: container "app" is not set to runAsNonRoot',
            id: 'run-as-non-root',
            severity: 'high'
          }
        ])
        expect(i.evidence[0].timestamp).toBe('2026-11-26T00:35:00.523Z')
      }
    ],
    [
      t('kubescape.sarif'),
      'policy-check',
      /SARIF \(kubescape\)/,
      i => {
        expect(i.policy_check.failures.map(f => `${f.id} ${f.severity}`)).toEqual(['C-0057 high'])
        expect(i.policy_check.warnings.map(f => `${f.id} ${f.severity}`)).toEqual(['C-0018 low'])
      }
    ],
    [
      `policy-check:${t('conftest.tap')}`,
      'policy-check',
      /conftest TAP/,
      i => {
        expect(i.policy_check.failures).toEqual([
          {
            file: 'k8s/deployment.yaml',
            namespace: 'main',
            msg: 'Containers must not run as root in Deployment web',
            id: 'main',
            severity: 'high'
          },
          {
            file: 'k8s/service.yaml',
            namespace: 'kubernetes.service',
            msg: 'Service web must not be of type LoadBalancer',
            id: 'kubernetes.service',
            severity: 'high'
          }
        ])
        expect(i.policy_check.warnings.map(w => w.msg)).toEqual([
          'Deployment web should set resource limits - see docs'
        ])
      }
    ],
    [
      t('conftest-pass.tap'),
      'policy-check',
      /conftest TAP/,
      i => expect(i.policy_check).toEqual({ present: true, failures: [], warnings: [] })
    ],
    [
      t('kubescape.json'),
      'policy-check',
      /kubescape JSON/,
      i => {
        expect(i.policy_check.failures).toEqual([
          {
            file: 'k8s/deployment.yaml',
            namespace: 'kubescape',
            msg: 'Deployment/web: Privileged container',
            id: 'C-0057',
            severity: 'high'
          },
          {
            file: 'k8s/deployment.yaml',
            namespace: 'kubescape',
            msg: 'Deployment/web: Configured readiness probe',
            id: 'C-0018',
            severity: 'low'
          }
        ])
        expect(i.evidence[0].timestamp).toBe('2026-11-26T00:36:00.123Z')
      }
    ],
    [
      t('checkov.sarif'),
      'policy-check',
      /SARIF \(Checkov\)/,
      i =>
        expect(i.policy_check.failures.map(f => `${f.id} ${f.severity} ${f.file}`)).toEqual([
          'CKV_K8S_16 high k8s/deploy.yaml'
        ])
    ],
    [
      t('kube-linter.sarif'),
      'policy-check',
      /SARIF \(kube-linter\)/,
      i => {
        expect(i.policy_check.failures.map(f => `${f.id} ${f.severity} ${f.file}`)).toEqual([
          'run-as-non-root high k8s/deployment.yaml'
        ])
        expect(i.evidence[0].timestamp).toBe('2026-11-26T00:35:01.000Z')
      }
    ],
    // ---- verification, provenance, VEX ----
    [
      t('cosign-verify.json'),
      'verification',
      /cosign verify JSON/,
      i => {
        expect(i.verifications).toEqual([
          {
            path: t('cosign-verify.json'),
            subject: `ghcr.io/acme/web@${D}`,
            verified: true,
            digest: D,
            identity: 'https://github.com/acme/web/.github/workflows/release.yml@refs/tags/v1.4.0',
            issuer: 'https://token.actions.githubusercontent.com',
            github: {
              repository: 'acme/web',
              ref: 'refs/tags/v1.4.0',
              sha: 'b6a1f8e0c2d4e6f8a0b2c4d6e8f0a2b4c6d8e0f2',
              workflow: null,
              workflow_name: 'release',
              trigger: 'push',
              runner_environment: null,
              build_signer: null
            },
            predicate_type: null,
            error: null
          }
        ])
        expect(i.artifact.digests).toEqual([D])
        expect(i.evidence[0].timestamp).toBe('2026-11-25T23:40:00.000Z')
      }
    ],
    [
      t('cosign-verify-key.json'),
      'verification',
      /cosign verify JSON/,
      i =>
        expect(i.verifications[0]).toMatchObject({
          subject: `registry.example.com/team/api@sha256:${'4a'.repeat(32)}`,
          verified: true,
          identity: null,
          issuer: null
        })
    ],
    [
      t('cosign-verify-attestation.jsonl'),
      'provenance',
      /in-toto https:\/\/slsa\.dev\/provenance\/v1/,
      i =>
        expect(
          i.provenance.map(p => [p.predicate_type, p.source.repository, p.subjects[0].digest])
        ).toEqual([
          ['https://slsa.dev/provenance/v1', 'acme/web', D],
          ['https://slsa.dev/provenance/v0.2', 'acme/web', D]
        ])
    ],
    [
      t('openvex.json'),
      'vex',
      /OpenVEX v0\.2\.0/,
      i => {
        expect(i.vulnerability_scan.present).toBe(false)
        expect(i.evidence[0].timestamp).toBe('2026-11-25T12:00:00.000Z')
      }
    ],
    [
      t('openvex-attestation.json'),
      'vex',
      /in-toto OpenVEX predicate/,
      i => expect(i.vulnerability_scan.suppressed).toEqual([])
    ],
    [t('cyclonedx-vex.json'), 'vex', /CycloneDX 1\.6 VEX/, i => expect(i.sbom.present).toBe(false)]
  ])('%s → %s', (spec, kind, format, check) => {
    const r = load(spec)
    expect(r.kinds).toEqual([kind])
    expect(r.formats[0]).toMatch(format)
    check(r.input)
  })
})

describe('secret values never reach the input or the audit', () => {
  it.each<[string, string[]]>([
    [
      t('trufflehog.jsonl'),
      [
        'AKIAIOSFODNN7EXAMPLE',
        'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        'https://hooks.slack.com/services/T0EXAMPLE/B0EXAMPLE/XXXXXXXXXXXXXXXXXXXXXXXX'
      ]
    ],
    [t('trufflehog-single.json'), ['ghp_EXAMPLEexampleEXAMPLEexampleEXAMPL3']],
    [t('gitleaks.sarif'), ['ghp_EXAMPLE0sarif0token0value0000000001']],
    [t('gitleaks-redacted.json'), ['sk_live_EXAMPLE']],
    [t('github-secret-alerts-slurp.json'), ['ghp_EXAMPLEalertSECRETvalue000000000000004']],
    [
      t('github-secret-alerts.json'),
      [
        'ghp_EXAMPLEalertSECRETvalue000000000000004',
        'npm_EXAMPLEalertTOKEN0000000000000000007',
        'https://hooks.slack.com/services/T0EXAMPLE/B0EXAMPLE/resolvedEXAMPLE0000000'
      ]
    ]
  ])('%s', (spec, secrets) => {
    const r = load(spec)
    const text = JSON.stringify(r.input)
    for (const s of secrets) {
      expect(text).not.toContain(s)
      // Remembered, so that any output echoing it is redacted.
      expect(r.redactor.redact(`x ${s} y`)).not.toContain(s)
    }
    expect([...r.redactor.values()].some(v => /REDACTED|^\**$/.test(v))).toBe(false)
  })

  it('redacts a secret even when a Rego policy echoes the raw file into its message', () => {
    const source = [
      'package gate',
      'import rego.v1',
      'deny contains sprintf("found %v", [f.rule_id]) if { some f in input.secret_scan.findings }',
      'deny contains "AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" if true'
    ].join('\n')
    const result = runGate({
      policy: gatePolicyFromSource(source, 'echo.rego', fixtures),
      evidence: [t('trufflehog.jsonl')],
      cwd: fixtures,
      now: new Date(NOW)
    })
    const out = JSON.stringify({ d: result.decision, a: result.audit })
    expect(result.decision.allow).toBe(false)
    expect(out).not.toContain('AKIAIOSFODNN7EXAMPLE')
    expect(out).not.toContain('wJalrXUtnFEMI')
    expect(out).toContain('found AWS')
  })
})

describe('VEX', () => {
  it('OpenVEX suppresses not_affected/fixed matches; the latest statement decides', () => {
    const r = load(t('trivy-all.json'), t('grype-fix.json'), t('openvex.json'))
    const s = r.input.vulnerability_scan
    expect(s.suppressed.map(v => [v.id, v.package, v.status, v.justification, v.vex])).toEqual([
      // subcomponent purl without a version matches every version
      [
        'CVE-2024-29041',
        'pkg:npm/express@4.18.2',
        'not_affected',
        'vulnerable_code_not_in_execute_path',
        t('openvex.json')
      ],
      // product-level statement, matched through Grype's related CVE alias
      [
        'GHSA-jfh8-c2jp-5v3q',
        'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
        'fixed',
        null,
        t('openvex.json')
      ]
    ])
    // affected later than not_affected: kept; a statement about another package: kept.
    expect(s.vulnerabilities.map(v => v.id)).toEqual([
      'CVE-2024-45590',
      'CVE-2023-4911',
      'CVE-2025-0001'
    ])
  })

  it('CycloneDX analysis (standalone VEX BOM, BOM-Link refs) suppresses not_affected only', () => {
    const r = load(t('trivy.cdx.json'), t('cyclonedx-vex.json'))
    expect(r.kinds).toEqual(['sbom', 'vex'])
    const s = r.input.vulnerability_scan
    expect(s.suppressed.map(v => `${v.id} ${v.status} ${v.justification}`)).toEqual([
      'CVE-2022-41723 not_affected code_not_reachable'
    ])
    expect(s.vulnerabilities.map(v => v.id)).toEqual(['CVE-2099-0002'])
  })

  it('OpenVEX v0.0.1 (string ids, statement-level subcomponents; qualifiers ignored)', () => {
    const r = load(t('grype-fix.json'), t('openvex-v0.0.1.json'))
    expect(r.formats[1]).toBe('OpenVEX')
    const s = r.input.vulnerability_scan
    expect(s.suppressed.map(v => `${v.id} ${v.status} ${v.justification}`)).toEqual([
      'CVE-2023-4911 not_affected vulnerable_code_not_present'
    ])
    expect(s.vulnerabilities.map(v => v.id)).toEqual(['GHSA-jfh8-c2jp-5v3q', 'CVE-2025-0001'])
  })

  it('the audit record lists what the VEX suppressed', () => {
    const result = runGate({
      policy: gatePolicyFromSource('package gate\nallow := true\n', 'allow.rego', fixtures),
      evidence: [t('grype-fix.json'), t('openvex.json')],
      cwd: fixtures,
      now: new Date(NOW)
    })
    expect(result.audit.inputs.vulnerabilities_suppressed).toEqual([
      {
        id: 'GHSA-jfh8-c2jp-5v3q',
        package: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
        status: 'fixed',
        vex: t('openvex.json')
      }
    ])
    expect(result.audit.inputs.vulnerabilities).toMatchObject({ critical: 0, high: 2 })
  })

  it('an OpenVEX attestation suppresses like the plain document', () => {
    const r = load(t('trivy-all.json'), t('openvex-attestation.json'))
    expect(r.input.vulnerability_scan.suppressed.map(v => v.id)).toEqual(['CVE-2024-29041'])
  })

  it('a VEX document alone is not a vulnerability scan (fails closed)', () => {
    const r = load(t('openvex.json'))
    expect(r.input.vulnerability_scan.present).toBe(false)
  })
})

describe('evidence the gate cannot use', () => {
  it.each([
    [t('trivy-clean.sarif'), /trivy-clean\.sarif: SARIF from "Trivy": cannot tell whether/],
    [
      'evidence/unknown.json',
      /prefix the path with its kind \(secret-scan:, sbom:.*vex:, facts:\)/
    ],
    ['vex:evidence/grype.json', /cannot be read as vex evidence/],
    [`sbom:${t('trivy-all.json')}`, /a Trivy report cannot be read as sbom evidence/],
    // the line counts from the top of the file, banner included
    [
      t('trufflehog-stderr-only.jsonl'),
      /trufflehog-stderr-only\.jsonl: trufflehog reported 3 secret\(s\) but the file holds 0 finding/
    ],
    [t('kyverno-broken.yaml'), /kyverno-broken\.yaml:9: invalid YAML: Nested mappings[^:]*$/],
    [t('dependabot-alerts.json').replace('dependabot-alerts', 'missing'), /ENOENT/]
  ])('%s is an InputError naming the file', (spec, message) => {
    let err: unknown
    try {
      load(spec)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).describe()).toMatch(message)
  })

  it('a forced kind reads an empty Trivy SARIF', () => {
    const r = load(`vulnerability-scan:${t('trivy-clean.sarif')}`)
    expect(r.input.vulnerability_scan).toEqual({
      present: true,
      vulnerabilities: [],
      suppressed: []
    })
  })
})
