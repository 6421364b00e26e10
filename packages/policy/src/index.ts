export {
  PolicySet,
  combineInputs,
  exceptionName,
  exitCode,
  globMatch,
  isFailureRule,
  isWarningRule,
  totals,
  type CheckOptions,
  type CheckResult,
  type PolicySetOptions,
  type ResultItem,
  type Totals
} from './engine.js'
export {
  BUILTIN_SETS,
  BUILTIN_SET_NAMES,
  builtinModules,
  builtinNamespaces,
  builtinSetForNamespace,
  isBuiltinSetName,
  parseBuiltinSets,
  type BuiltinSetName
} from './builtins.js'
export {
  DEFAULT_MAX_FILE_BYTES,
  MAX_ALIAS_COUNT,
  displayName,
  findOnPath,
  loadFile,
  loadInputs,
  parseJsonText,
  parseYamlText,
  type InputFile,
  type LoadOptions,
  type SourceDocument
} from './load.js'
export { formatFieldPath, parseFieldPath, type PathSegment } from './paths.js'
export {
  OUTPUT_FORMATS,
  formatGithub,
  formatJson,
  formatJunit,
  formatResults,
  formatSarif,
  formatSummary,
  formatTable,
  formatTap,
  formatText,
  lineOf,
  ruleIdOf,
  sarifLog,
  summaryLine,
  toFindings,
  type OutputFormat
} from './report.js'
export { runPolicyCheck, type PolicyCheckOptions, type PolicyCheckRun } from './run.js'
export { loadData, loadPolicyModules } from './sources.js'
