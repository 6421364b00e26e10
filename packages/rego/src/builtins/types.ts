import type { Value } from '../value.js'

export interface BuiltinContext {
  /** ns since epoch, fixed for one query */
  readonly now: bigint
  readonly strictBuiltinErrors: boolean
  /** per-query cache (e.g. compiled regexes) */
  readonly cache: Map<string, unknown>
}

/** undefined = the call is undefined */
export type BuiltinFn = (args: Value[], ctx: BuiltinContext) => Value | undefined

/**
 * A builtin failed on a bad value → eval_builtin_error (undefined unless strict-builtin-errors).
 * The message does not include the builtin name; the evaluator prefixes `<name>: ` as OPA does.
 */
export class BuiltinError extends Error {
  override name = 'BuiltinError'
}

/**
 * An operand has the wrong type → eval_type_error. Message like OPA's
 * "operand 1 must be string but got number" (the evaluator prefixes `<name>: `).
 */
export class BuiltinTypeError extends Error {
  override name = 'BuiltinTypeError'
}
