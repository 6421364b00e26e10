export { BUILTIN_RULES } from './rules/builtin.js'
export type { Rule, RuleAllowlist, ValidatorName } from './rules/types.js'
export { defaultConfig, loadConfig, parseConfig, type ScanConfig } from './config.js'
export {
  RuleSet,
  secretHash,
  ALLOW_MARKERS,
  type SecretFinding,
  type CommitInfo,
  type SlowRuleReport
} from './engine.js'
export { createMatcher, type Matcher, type MatcherSpec, type RawMatch } from './matcher.js'
export { shannonEntropy, isPlaceholder, isGenericLookalike } from './filters.js'
export { crc32, base62, hasValidTokenChecksum, validate } from './validators.js'
export { translateGoRegex, compileGoRegex } from './regex.js'
export {
  scanSecrets,
  type ScanMode,
  type ScanOptions,
  type ScanOutcome,
  type ScanStats
} from './scan.js'
export {
  Baseline,
  GitleaksIgnore,
  type BaselineEntry,
  type BaselineFile,
  type IgnoreEntry
} from './suppress.js'
export {
  toJsonReport,
  toTextReport,
  toSarifReport,
  toCoreFindings,
  toJsonFinding,
  summaryLines,
  ruleDescriptors,
  redactValue,
  redactMatch,
  findingMessage,
  locationFingerprint,
  type JsonFinding
} from './report.js'
export {
  diffHeaderPath,
  parsePatch,
  resolveRange,
  type DiffChunk,
  type MissingBase
} from './git.js'
export { expandCaseInsensitiveGroups } from './caseless.js'
