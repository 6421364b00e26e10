/** @secure-pipeline/gate: one policy over all the evidence → allow or deny, audited. */
export {
  runGate,
  loadGatePolicy,
  gatePolicyFromSource,
  loadEvidence,
  AUDIT_SCHEMA,
  USER_PACKAGE,
  type GateOptions,
  type GateResult,
  type GatePolicy,
  type GateEvaluator,
  type AuditRecord
} from './gate.js'
export {
  buildInput,
  expandEvidence,
  loadEvidenceFile,
  parseEvidenceSpec,
  licenseIds,
  MAX_EVIDENCE_BYTES,
  type EvidenceSpec,
  type LoadedEvidence
} from './evidence.js'
export {
  parseDeclarativePolicy,
  looksDeclarative,
  globToRegex,
  type DeclarativePolicy,
  type GateRules,
  type FreezeWindow,
  type Matcher,
  type Threshold
} from './config.js'
export { compileRules, windowStates, BUILTIN_PACKAGE } from './compile.js'
export { evaluateNative } from './native.js'
export {
  formatDecisionText,
  formatDecisionMarkdown,
  auditContextFromEnv,
  toVerificationSummary,
  VSA_PREDICATE_TYPE,
  GATE_VERIFIER_ID
} from './format.js'
export {
  parseDuration,
  formatDuration,
  parseCron,
  wallClock,
  zonedInstant,
  parseInstant
} from './time.js'
export {
  severityOf,
  ratingSeverity,
  highestSeverity,
  cvssScore,
  cvssSeverity,
  scoreSeverity
} from './severity.js'
export { EVIDENCE_KINDS, SEVERITY_RANK } from './model.js'
export type {
  Decision,
  Violation,
  GateInput,
  EvidenceKind,
  EvidenceRecord,
  Severity,
  WindowState,
  VulnerabilityInput,
  SuppressedVulnerabilityInput,
  VexStatementInput,
  SecretFindingInput,
  FixState
} from './model.js'
