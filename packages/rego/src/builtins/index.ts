/**
 * Rego builtins: every pure function of OPA's capabilities.json, keyed by its dotted name.
 * Evaluator-coupled builtins (eq, assign, internal.member_*, walk, print, internal.print, trace,
 * rego.metadata.*, opa.runtime, rego.parse_module) are implemented by the evaluator, not here.
 *
 * Errors: a BuiltinTypeError / BuiltinError message never includes the builtin name; the evaluator
 * reports it as `<name>: <message>` like OPA's topdown.
 *
 * `internal.template_string` takes an array whose literal parts are strings and whose interpolated
 * expressions are each passed as the set of their values (empty set = undefined → "<undefined>").
 */
import type { BuiltinFn } from './types.js'
import { awsBuiltins } from './aws.js'
import { collectionBuiltins } from './collections.js'
import { cryptoBuiltins } from './crypto.js'
import { graphqlBuiltins } from './graphql.js'
import { jsonPathBuiltins } from './jsonpath.js'
import { jwtBuiltins } from './jwt.js'
import { encodingBuiltins } from './encoding.js'
import { globBuiltins } from './glob.js'
import { miscBuiltins } from './misc.js'
import { netBuiltins } from './net.js'
import { numberBuiltins } from './numbers.js'
import { regexBuiltins } from './regex.js'
import { stringBuiltins } from './strings.js'
import { timeBuiltins } from './time.js'
import { unitBuiltins } from './units.js'
import { uriBuiltins } from './uri.js'

export { BuiltinError, BuiltinTypeError } from './types.js'
export type { BuiltinContext, BuiltinFn } from './types.js'
/** Rego term syntax of a value (OPA's Term.String()), e.g. for print. */
export { regoString } from './format.js'

const all: Record<string, BuiltinFn>[] = [
  numberBuiltins,
  collectionBuiltins,
  stringBuiltins,
  regexBuiltins,
  globBuiltins,
  encodingBuiltins,
  timeBuiltins,
  unitBuiltins,
  netBuiltins,
  miscBuiltins,
  cryptoBuiltins,
  jwtBuiltins,
  graphqlBuiltins,
  jsonPathBuiltins,
  uriBuiltins,
  awsBuiltins
]

const map = new Map<string, BuiltinFn>()
for (const group of all) for (const [name, fn] of Object.entries(group)) map.set(name, fn)

export const BUILTINS: ReadonlyMap<string, BuiltinFn> = map
