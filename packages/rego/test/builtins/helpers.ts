import {
  BUILTINS,
  BuiltinError,
  BuiltinTypeError,
  type BuiltinContext
} from '../../src/builtins/index.js'
import { fromJSON, stringifyJSON, toJSON, type Value } from '../../src/value.js'

export function ctx(now = 1_700_000_000_000_000_000n): BuiltinContext {
  return { now, strictBuiltinErrors: true, cache: new Map() }
}

/** Call a builtin with JSON-ish arguments (Rego values pass through) and return the JSON form. */
export function call(name: string, args: unknown[], c: BuiltinContext = ctx()): unknown {
  const fn = BUILTINS.get(name)
  if (!fn) throw new Error(`no builtin ${name}`)
  const out = fn(
    args.map(a => fromJSON(a)),
    c
  )
  return out === undefined ? undefined : toJSON(out)
}

/** Raw Rego value result. */
export function callValue(
  name: string,
  args: Value[],
  c: BuiltinContext = ctx()
): Value | undefined {
  const fn = BUILTINS.get(name)
  if (!fn) throw new Error(`no builtin ${name}`)
  return fn(args, c)
}

export type Outcome = { kind: 'type' | 'builtin'; message: string }

/** The error a builtin throws, classified. */
export function callError(
  name: string,
  args: unknown[],
  c: BuiltinContext = ctx()
): Outcome | undefined {
  try {
    call(name, args, c)
    return undefined
  } catch (e) {
    if (e instanceof BuiltinTypeError) return { kind: 'type', message: e.message }
    if (e instanceof BuiltinError) return { kind: 'builtin', message: e.message }
    throw e
  }
}

export const json = (v: unknown): string => stringifyJSON(v)
