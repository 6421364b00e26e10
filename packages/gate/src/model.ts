/** The input document every gate policy sees, and the decision it produces. */

export const EVIDENCE_KINDS = [
  'secret-scan',
  'sbom',
  'policy-check',
  'vulnerability-scan',
  'verification',
  'provenance',
  'vex',
  'facts'
] as const
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number]

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info'
export const SEVERITY_RANK: Record<Severity, number> = {
  critical: 4,
  high: 3,
  medium: 2,
  low: 1,
  info: 0
}

export interface EvidenceRecord {
  kind: EvidenceKind
  path: string
  sha256: string
  /** What produced it, e.g. "CycloneDX 1.6", "SARIF (gitleaks)". */
  format: string
  timestamp: string | null
  age_seconds: number | null
  /** Human form of the age, e.g. "3d2h". */
  age: string | null
}

export interface SecretFindingInput {
  rule_id: string
  severity: Severity
  file: string
  line: number | null
  /** `file:line` */
  location: string
  commit: string | null
  /** Whether the scanner confirmed the secret is live (trufflehog `Verified`, GitHub `validity`); null if unknown. */
  verified: boolean | null
}

export interface ComponentInput {
  name: string
  version: string
  purl: string
  type: string
  licenses: string[]
}

export interface PolicyResultInput {
  file: string
  namespace: string
  msg: string
  id: string
  severity: Severity
}

export type FixState = 'fixed' | 'not-fixed' | 'wont-fix' | 'unknown'

export interface VulnerabilityInput {
  id: string
  severity: Severity
  /** purl when the tool gives one (else name, name@version or a path). */
  package: string
  source: string
  /** Other ids of the same vulnerability (CVE ↔ GHSA ↔ distro ids). */
  aliases: string[]
  /** Whether a fixed version exists (Grype's `fix.state` vocabulary). */
  fix_state: FixState
  fixed_versions: string[]
}

/** One VEX statement (OpenVEX, or a CycloneDX `analysis`). */
export interface VexStatementInput {
  vulnerability: string
  aliases: string[]
  /** purls of the products / subcomponents it is about; empty: any. */
  products: string[]
  status: 'not_affected' | 'affected' | 'fixed' | 'under_investigation'
  justification: string | null
  timestamp: string | null
}

/** A vulnerability a VEX statement says does not apply (`not_affected` or `fixed`). */
export interface SuppressedVulnerabilityInput extends VulnerabilityInput {
  status: 'not_affected' | 'fixed'
  justification: string | null
  /** Path of the VEX evidence. */
  vex: string
}

export interface GitHubClaims {
  repository: string | null
  ref: string | null
  sha: string | null
  workflow: string | null
  workflow_name: string | null
  trigger: string | null
  runner_environment: string | null
  build_signer: string | null
}

export interface VerificationInput {
  path: string
  subject: string
  verified: boolean
  digest: string | null
  /** Certificate SAN (keyless) or `key <hint>`. */
  identity: string | null
  issuer: string | null
  github: GitHubClaims
  predicate_type: string | null
  error: string | null
}

export interface ProvenanceInput {
  path: string
  predicate_type: string
  builder_id: string | null
  build_type: string | null
  subjects: { name: string; digest: string }[]
  source: { repository: string | null; ref: string | null; digest: string | null }
}

export interface ApprovalInput {
  user: string
  environment: string | null
}

export interface WindowState {
  active: boolean
  start: string | null
  end: string | null
  description: string
}

/** What a policy sees as `input`. Evidence never carries secret values. */
export interface GateInput {
  now: string
  now_unix: number
  environment: string | null
  evidence: EvidenceRecord[]
  secret_scan: { present: boolean; findings: SecretFindingInput[] }
  sbom: { present: boolean; components: ComponentInput[] }
  policy_check: { present: boolean; failures: PolicyResultInput[]; warnings: PolicyResultInput[] }
  vulnerability_scan: {
    present: boolean
    vulnerabilities: VulnerabilityInput[]
    /** Moved out of `vulnerabilities` by a VEX statement. */
    suppressed: SuppressedVulnerabilityInput[]
  }
  verifications: VerificationInput[]
  provenance: ProvenanceInput[]
  /** Digests that a verification result vouches for. */
  artifact: { digests: string[] }
  facts: Record<string, unknown>
  approvals: ApprovalInput[]
  deployer: string | null
  break_glass: { justification: string; by: string | null } | null
  /** Freeze windows of the declarative policy, evaluated at `now` in their time zones. */
  windows: Record<string, WindowState>
}

export interface Violation {
  id?: string
  msg: string
  [key: string]: unknown
}

export interface Decision {
  allow: boolean
  violations: Violation[]
  warnings: Violation[]
  environment: string | null
  evaluated_at: string
  policy: { path: string; kind: 'declarative' | 'rego'; sha256: string }
  evidence: { kind: EvidenceKind; path: string; sha256: string }[]
  /** Set when break-glass overrode violations. */
  break_glass?: { justification: string; by: string | null }
}
