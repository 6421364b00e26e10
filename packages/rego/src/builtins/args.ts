/** Operand checks with OPA's error messages. */
import { RegoObject, RegoSet, stringifyJSON, toJSON, typeName, type Value } from '../value.js'
import { BuiltinError, BuiltinTypeError } from './types.js'

export type Num = number | bigint

export function typeErr(pos: number, want: string, got: Value): BuiltinTypeError {
  return new BuiltinTypeError(`operand ${pos} must be ${want} but got ${typeName(got)}`)
}

export function oneOfErr(pos: number, wants: string[], got: Value): BuiltinTypeError {
  return new BuiltinTypeError(
    `operand ${pos} must be one of {${wants.join(', ')}} but got ${typeName(got)}`
  )
}

export function fail(msg: string): BuiltinError {
  return new BuiltinError(msg)
}

export function str(args: Value[], i: number): string {
  const v = args[i]
  if (typeof v !== 'string') throw typeErr(i + 1, 'string', v)
  return v
}

export function num(args: Value[], i: number): Num {
  const v = args[i]
  if (typeof v !== 'number' && typeof v !== 'bigint') throw typeErr(i + 1, 'number', v)
  return v
}

export function bool(args: Value[], i: number): boolean {
  const v = args[i]
  if (typeof v !== 'boolean') throw typeErr(i + 1, 'boolean', v)
  return v
}

export function arr(args: Value[], i: number): Value[] {
  const v = args[i]
  if (!Array.isArray(v)) throw typeErr(i + 1, 'array', v)
  return v
}

export function obj(args: Value[], i: number): RegoObject {
  const v = args[i]
  if (!(v instanceof RegoObject)) throw typeErr(i + 1, 'object', v)
  return v
}

export function set(args: Value[], i: number): RegoSet {
  const v = args[i]
  if (!(v instanceof RegoSet)) throw typeErr(i + 1, 'set', v)
  return v
}

export function isNum(v: Value | undefined): v is Num {
  return typeof v === 'number' || typeof v === 'bigint'
}

export function isInt(n: Num): boolean {
  return typeof n === 'bigint' || Number.isInteger(n)
}

/** Integer operand (OPA: "operand N must be integer number but got floating-point number"). */
export function int(args: Value[], i: number): bigint {
  const n = num(args, i)
  if (!isInt(n))
    throw new BuiltinTypeError(
      `operand ${i + 1} must be integer number but got floating-point number`
    )
  return BigInt(n)
}

/** Integer operand that fits in a JS safe integer. */
export function smallInt(args: Value[], i: number): number {
  return Number(int(args, i))
}

/** bigint → Rego number: a JS number when safe, else a bigint. */
export function normInt(b: bigint): Num {
  return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(b)
    : b
}

/** A float result → Rego number (integral results beyond the safe range become bigints). */
export function normFloat(f: number): Num {
  if (!Number.isFinite(f)) throw fail('number out of range')
  if (Number.isInteger(f) && !Number.isSafeInteger(f)) return BigInt(f)
  return Object.is(f, -0) ? 0 : f
}

/** Elements of an array or set. */
export function collection(args: Value[], i: number, wants = ['array', 'set']): Value[] {
  const v = args[i]
  if (Array.isArray(v)) return v
  if (v instanceof RegoSet) return v.sorted()
  throw oneOfErr(i + 1, wants, v)
}

export function strings(vals: Value[], pos: number, kind = 'array'): string[] {
  return vals.map(v => {
    if (typeof v !== 'string')
      throw new BuiltinTypeError(
        `operand ${pos} must be ${kind} of strings but got ${kind} containing ${typeName(v)}`
      )
    return v
  })
}

export function obj1(pairs: [string, Value][]): RegoObject {
  return new RegoObject(pairs)
}

export function cached<T>(cache: Map<string, unknown>, k: string, make: () => T): T {
  if (cache.has(k)) return cache.get(k) as T
  const v = make()
  cache.set(k, v)
  return v
}

/** A value as text: strings as themselves, anything else as JSON. */
export function text(v: unknown): string {
  if (typeof v === 'string') return v
  if (v === undefined) return ''
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v === null)
    return String(v)
  if (v instanceof RegoObject || v instanceof RegoSet || Array.isArray(v))
    return stringifyJSON(toJSON(v as Value))
  return JSON.stringify(v) ?? ''
}
