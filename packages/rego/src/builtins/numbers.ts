/** Operators, arithmetic, comparison, rounding, ranges and bit operations with OPA's number semantics. */
import { compare, RegoSet, type Value } from '../value.js'
import {
  fail,
  int,
  isInt,
  normFloat,
  normInt,
  num,
  oneOfErr,
  set,
  typeErr,
  type Num
} from './args.js'
import type { BuiltinFn } from './types.js'
import { BuiltinTypeError } from './types.js'

const big = (n: Num): bigint => (typeof n === 'bigint' ? n : BigInt(n))
const bothInt = (a: Num, b: Num): boolean => isInt(a) && isInt(b)

export function add(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b
    if (Number.isSafeInteger(r) || !bothInt(a, b)) return normFloat(r)
  }
  if (bothInt(a, b)) return normInt(big(a) + big(b))
  return normFloat(Number(a) + Number(b))
}

export function sub(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b
    if (Number.isSafeInteger(r) || !bothInt(a, b)) return normFloat(r)
  }
  if (bothInt(a, b)) return normInt(big(a) - big(b))
  return normFloat(Number(a) - Number(b))
}

export function mul(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b
    if (Number.isSafeInteger(r) || !bothInt(a, b)) return normFloat(r)
  }
  if (bothInt(a, b)) return normInt(big(a) * big(b))
  return normFloat(Number(a) * Number(b))
}

export function div(a: Num, b: Num): Num {
  if (bothInt(a, b)) {
    const bb = big(b)
    if (bb === 0n) throw fail('divide by zero')
    const ba = big(a)
    if (ba % bb === 0n) return normInt(ba / bb)
  }
  if (Number(b) === 0) throw fail('divide by zero')
  return normFloat(Number(a) / Number(b))
}

function rem(a: Num, b: Num): Num {
  if (!bothInt(a, b)) throw fail('modulo on floating-point number')
  const bb = big(b)
  if (bb === 0n) throw fail('modulo by zero')
  return normInt(big(a) % bb)
}

function arith(op: (a: Num, b: Num) => Num): BuiltinFn {
  return args => op(num(args, 0), num(args, 1))
}

function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x)
}

function unary(f: (x: number) => number): BuiltinFn {
  return args => {
    const n = num(args, 0)
    if (typeof n === 'bigint' || Number.isInteger(n)) return n
    return normFloat(f(n))
  }
}

function* rangeStep(a: bigint, b: bigint, step: bigint): Generator<bigint> {
  if (a <= b) for (let i = a; i <= b; i += step) yield i
  else for (let i = a; i >= b; i -= step) yield i
}

function unsignedInt(args: Value[], i: number): bigint {
  const n = int(args, i)
  if (n < 0n)
    throw new BuiltinTypeError(
      `operand ${i + 1} must be an unsigned integer number but got a negative integer`
    )
  return n
}

function bits(op: (a: bigint, b: bigint) => bigint): BuiltinFn {
  return args => normInt(op(int(args, 0), int(args, 1)))
}

export const numberBuiltins: Record<string, BuiltinFn> = {
  plus: arith(add),
  minus: args => {
    const [a, b] = args
    const an = typeof a === 'number' || typeof a === 'bigint'
    const bn = typeof b === 'number' || typeof b === 'bigint'
    if (an && bn) return sub(a, b)
    if (a instanceof RegoSet && b instanceof RegoSet) {
      const out = new RegoSet()
      for (const [k, v] of a.items) if (!b.items.has(k)) out.items.set(k, v)
      return out
    }
    if (!an && !(a instanceof RegoSet)) throw oneOfErr(1, ['number', 'set'], a)
    if (bn) throw typeErr(2, 'set', b)
    throw typeErr(2, 'number', b)
  },
  mul: arith(mul),
  div: arith(div),
  rem: arith(rem),
  abs: args => {
    const n = num(args, 0)
    return typeof n === 'bigint' ? normInt(n < 0n ? -n : n) : Math.abs(n)
  },
  round: unary(roundHalfAway),
  ceil: unary(Math.ceil),
  floor: unary(Math.floor),
  gt: args => compare(args[0], args[1]) > 0,
  gte: args => compare(args[0], args[1]) >= 0,
  lt: args => compare(args[0], args[1]) < 0,
  lte: args => compare(args[0], args[1]) <= 0,
  equal: args => compare(args[0], args[1]) === 0,
  neq: args => compare(args[0], args[1]) !== 0,
  and: args => {
    const a = set(args, 0)
    const b = set(args, 1)
    const out = new RegoSet()
    for (const [k, v] of a.items) if (b.items.has(k)) out.items.set(k, v)
    return out
  },
  or: args => {
    const a = set(args, 0)
    const b = set(args, 1)
    const out = new RegoSet()
    for (const [k, v] of a.items) out.items.set(k, v)
    for (const [k, v] of b.items) if (!out.items.has(k)) out.items.set(k, v)
    return out
  },
  'numbers.range': args => {
    const a = int(args, 0)
    const b = int(args, 1)
    return [...rangeStep(a, b, 1n)].map(normInt)
  },
  'numbers.range_step': args => {
    const a = int(args, 0)
    const b = int(args, 1)
    const s = int(args, 2)
    if (s <= 0n) throw fail('step must be a positive integer')
    return [...rangeStep(a, b, s)].map(normInt)
  },
  'bits.or': bits((a, b) => a | b),
  'bits.and': bits((a, b) => a & b),
  'bits.xor': bits((a, b) => a ^ b),
  'bits.negate': args => normInt(~int(args, 0)),
  'bits.lsh': args => normInt(int(args, 0) << unsignedInt(args, 1)),
  'bits.rsh': args => normInt(int(args, 0) >> unsignedInt(args, 1)),
  format_int: args => {
    const n = num(args, 0)
    const base = num(args, 1)
    if (base !== 2 && base !== 8 && base !== 10 && base !== 16)
      throw new BuiltinTypeError('operand 2 must be one of {2, 8, 10, 16}')
    const i = typeof n === 'bigint' ? n : BigInt(Math.trunc(n))
    return i.toString(base)
  }
}
