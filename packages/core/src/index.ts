export {
  ExitCode,
  SecurePipelineError,
  UsageError,
  InputError,
  VerificationError,
  exitCodeFor,
  describeError,
  type SourcePosition
} from './errors.js'
export {
  type Severity,
  type Location,
  type Finding,
  type RuleDescriptor,
  type ToolInfo,
  type SarifOptions,
  SEVERITIES,
  toSarif,
  toText,
  toJsonText,
  sarifLevel,
  compareSeverity,
  countBySeverity,
  formatLocation
} from './findings.js'
export { REDACTED, Redactor, redactSecret } from './redact.js'
export {
  walkFiles,
  looksBinary,
  type WalkOptions,
  type WalkResult,
  type WalkedFile,
  type SkippedFile,
  type SkipReason
} from './walk.js'
export {
  runGit,
  streamGitLines,
  isGitRepository,
  isShallow,
  hasCommit,
  ensureRevisions,
  GitError,
  ZERO_SHA,
  type GitOptions
} from './git.js'
export { repoRoot, sharedDir } from './shared.js'
export { translateRE2, Re2SyntaxError, type Re2Options, type Re2Translated } from './re2.js'
export { VERSION, TOOL_NAME, INFORMATION_URI } from './version.js'
