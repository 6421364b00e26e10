/** @secure-pipeline/rego: an in-process Rego (OPA v1 syntax) engine. */
export { compile, Policy, parseValue } from './policy.js'
export type {
  RegoModule,
  CompileOptions,
  EvalCallOptions,
  QueryResult,
  RawSolution
} from './policy.js'
export { RegoError } from './errors.js'
export type { RegoErrorCode } from './errors.js'
export {
  RegoObject,
  RegoSet,
  compare,
  equal,
  fromJSON,
  key,
  stringifyJSON,
  toJSON,
  typeName
} from './value.js'
export type { Value } from './value.js'
export { formatValue } from './format.js'
export { parseModule, parseQuery } from './parser.js'
export { loadFiles, parseDataFile } from './load.js'
export type { LoadedFiles } from './load.js'
