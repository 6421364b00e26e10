/** Aggregates, arrays, sets, objects, types and casts. */
import { compare, equal, RegoObject, RegoSet, typeName, type Value } from '../value.js'
import {
  arr,
  collection,
  fail,
  isNum,
  num,
  obj,
  oneOfErr,
  set,
  str,
  strings,
  typeErr,
  type Num
} from './args.js'
import { add, mul } from './numbers.js'
import type { BuiltinFn } from './types.js'
import { BuiltinTypeError } from './types.js'

function numbersOf(args: Value[], i: number): Num[] {
  const vals = collection(args, i, ['set', 'array'])
  return vals.map(v => {
    if (!isNum(v))
      throw new BuiltinTypeError(
        `operand ${i + 1} must be one of {set, array} containing numbers but got ${typeName(v)}`
      )
    return v
  })
}

function setOfSets(args: Value[], i: number): RegoSet[] {
  const s = set(args, i)
  return [...s.values()].map(v => {
    if (!(v instanceof RegoSet))
      throw new BuiltinTypeError(
        `operand ${i + 1} must be set of sets but got set containing ${typeName(v)}`
      )
    return v
  })
}

function flatten(a: Value[], out: Value[]): Value[] {
  for (const v of a)
    if (Array.isArray(v)) out.push(...v)
    else out.push(v)
  return out
}

/** Keys named by an object (its keys), a set or an array. */
function keysOperand(args: Value[], i: number): Value[] {
  const v = args[i]
  if (v instanceof RegoObject) return v.keys()
  if (v instanceof RegoSet) return [...v.values()]
  if (Array.isArray(v)) return v
  throw oneOfErr(i + 1, ['object', 'set', 'array'], v)
}

export function unionObjects(a: RegoObject, b: RegoObject): RegoObject {
  const out = new RegoObject()
  for (const [k, v] of a.entries.values()) out.set(k, v)
  for (const [k, v] of b.entries.values()) {
    const prev = out.get(k)
    out.set(k, prev instanceof RegoObject && v instanceof RegoObject ? unionObjects(prev, v) : v)
  }
  return out
}

function arraySubset(sup: Value[], sub: Value[]): boolean {
  if (sub.length === 0) return true
  for (let i = 0; i + sub.length <= sup.length; i++) {
    let ok = true
    for (let j = 0; j < sub.length && ok; j++) ok = equal(sup[i + j], sub[j])
    if (ok) return true
  }
  return false
}

function setSubset(sup: RegoSet, sub: RegoSet): boolean {
  for (const k of sub.items.keys()) if (!sup.items.has(k)) return false
  return true
}

function objectSubset(sup: RegoObject, sub: RegoObject): boolean {
  for (const [k, sv] of sub.entries.values()) {
    const pv = sup.get(k)
    if (pv === undefined) return false
    if (!valueSubset(pv, sv)) return false
  }
  return true
}

function valueSubset(pv: Value, sv: Value): boolean {
  if (pv instanceof RegoObject && sv instanceof RegoObject) return objectSubset(pv, sv)
  if (pv instanceof RegoSet && sv instanceof RegoSet) return setSubset(pv, sv)
  if (Array.isArray(pv) && Array.isArray(sv)) return arraySubset(pv, sv)
  return equal(pv, sv)
}

/** Walks a path through objects, arrays and sets. */
export function lookupPath(v: Value, path: Value[]): Value | undefined {
  let cur: Value | undefined = v
  for (const seg of path) {
    if (cur instanceof RegoObject) cur = cur.get(seg)
    else if (Array.isArray(cur)) {
      if (!isNum(seg) || !Number.isInteger(Number(seg))) return undefined
      cur = cur[Number(seg)]
    } else if (cur instanceof RegoSet) cur = cur.has(seg) ? seg : undefined
    else return undefined
    if (cur === undefined) return undefined
  }
  return cur
}

const GO_FLOAT =
  /^[+-]?(?:(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?|0[xX](?:[\da-fA-F_]+(?:\.[\da-fA-F_]*)?|\.[\da-fA-F_]+)[pP][+-]?\d+)$/

export function parseNumberString(s: string): Num {
  const lower = s.toLowerCase().replace(/^[+-]/, '')
  if (lower === 'inf' || lower === 'infinity' || lower === 'nan')
    throw new BuiltinTypeError('operand 1 must be a valid number string but got ' + s)
  if (!GO_FLOAT.test(s))
    throw fail(`strconv.ParseFloat: parsing ${JSON.stringify(s)}: invalid syntax`)
  const clean = s.replace(/_/g, '')
  if (/^[+-]?\d+$/.test(clean)) {
    const b = BigInt(clean)
    return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(b)
      : b
  }
  let f: number
  if (/^[+-]?0x/i.test(clean)) {
    const m = /^([+-]?)0x([\da-f]*)(?:\.([\da-f]*))?p([+-]?\d+)$/i.exec(clean)!
    const int = m[2] ? parseInt(m[2], 16) : 0
    const frac = m[3] ? parseInt(m[3], 16) / 16 ** m[3].length : 0
    f = (m[1] === '-' ? -1 : 1) * (int + frac) * 2 ** Number(m[4])
  } else f = Number(clean)
  if (!Number.isFinite(f))
    throw fail(`strconv.ParseFloat: parsing ${JSON.stringify(s)}: value out of range`)
  if (Number.isInteger(f) && !Number.isSafeInteger(f)) return BigInt(f)
  return Object.is(f, -0) ? 0 : f
}

export const collectionBuiltins: Record<string, BuiltinFn> = {
  count: args => {
    const v = args[0]
    if (typeof v === 'string') return [...v].length
    if (Array.isArray(v)) return v.length
    if (v instanceof RegoObject || v instanceof RegoSet) return v.size
    throw oneOfErr(1, ['array', 'object', 'set', 'string'], v)
  },
  sum: args => numbersOf(args, 0).reduce<Num>((a, b) => add(a, b), 0),
  product: args => numbersOf(args, 0).reduce<Num>((a, b) => mul(a, b), 1),
  max: args => {
    const vals = collection(args, 0, ['set', 'array'])
    if (vals.length === 0) return undefined
    return vals.reduce((a, b) => (compare(a, b) >= 0 ? a : b))
  },
  min: args => {
    const vals = collection(args, 0, ['set', 'array'])
    if (vals.length === 0) return undefined
    return vals.reduce((a, b) => (compare(a, b) <= 0 ? a : b))
  },
  sort: args => [...collection(args, 0)].sort(compare),
  all: args => collection(args, 0).every(v => v === true),
  any: args => collection(args, 0).some(v => v === true),
  concat: args => {
    const sep = str(args, 0)
    const v = args[1]
    if (!Array.isArray(v) && !(v instanceof RegoSet)) throw oneOfErr(2, ['set', 'array'], v)
    return strings(collection(args, 1), 2, typeName(v)).join(sep)
  },
  'array.concat': args => [...arr(args, 0), ...arr(args, 1)],
  'array.flatten': args => flatten(arr(args, 0), []),
  'array.reverse': args => [...arr(args, 0)].reverse(),
  'array.slice': args => {
    const a = arr(args, 0)
    let start = Math.floor(Number(num(args, 1)))
    let stop = Math.floor(Number(num(args, 2)))
    if (start < 0) start = 0
    if (stop > a.length) stop = a.length
    if (start > stop) return []
    return a.slice(start, stop)
  },
  intersection: args => {
    const sets = setOfSets(args, 0)
    if (sets.length === 0) return new RegoSet()
    const out = new RegoSet()
    for (const [k, v] of sets[0].items) if (sets.every(s => s.items.has(k))) out.items.set(k, v)
    return out
  },
  union: args => {
    const out = new RegoSet()
    for (const s of setOfSets(args, 0))
      for (const [k, v] of s.items) if (!out.items.has(k)) out.items.set(k, v)
    return out
  },
  set_diff: args => {
    const a = set(args, 0)
    const b = set(args, 1)
    const out = new RegoSet()
    for (const [k, v] of a.items) if (!b.items.has(k)) out.items.set(k, v)
    return out
  },
  'object.get': args => {
    const o = obj(args, 0)
    const k = args[1]
    if (Array.isArray(k)) return lookupPath(o, k) ?? args[2]
    return o.get(k) ?? args[2]
  },
  'object.keys': args => new RegoSet(obj(args, 0).keys()),
  'object.remove': args => {
    const o = obj(args, 0)
    const ks = new RegoSet(keysOperand(args, 1))
    return new RegoObject([...o.entries.values()].filter(([k]) => !ks.has(k)))
  },
  'object.filter': args => {
    const o = obj(args, 0)
    const ks = new RegoSet(keysOperand(args, 1))
    return new RegoObject([...o.entries.values()].filter(([k]) => ks.has(k)))
  },
  'object.union': args => unionObjects(obj(args, 0), obj(args, 1)),
  'object.union_n': args => {
    let out = new RegoObject()
    for (const v of arr(args, 0)) {
      if (!(v instanceof RegoObject))
        throw new BuiltinTypeError(
          `operand 1 must be array of objects but got array containing ${typeName(v)}`
        )
      out = unionObjects(out, v)
    }
    return out
  },
  'object.subset': args => {
    const [sup, sub] = args
    if (!(sup instanceof RegoObject) && !(sup instanceof RegoSet) && !Array.isArray(sup))
      throw oneOfErr(1, ['object', 'set', 'array'], sup)
    if (!(sub instanceof RegoObject) && !(sub instanceof RegoSet) && !Array.isArray(sub))
      throw oneOfErr(2, ['object', 'set', 'array'], sub)
    if (sup instanceof RegoObject && sub instanceof RegoObject) return objectSubset(sup, sub)
    if (sup instanceof RegoSet && sub instanceof RegoSet) return setSubset(sup, sub)
    if (Array.isArray(sup) && Array.isArray(sub)) return arraySubset(sup, sub)
    if (Array.isArray(sup) && sub instanceof RegoSet) {
      const s = new RegoSet(sup)
      return setSubset(s, sub)
    }
    throw new BuiltinTypeError(
      `both arguments must be of the same type or the first an array and the second a set, but got ${typeName(sup)} and ${typeName(sub)}`
    )
  },
  type_name: args => typeName(args[0]),
  is_number: args => isNum(args[0]),
  is_string: args => typeof args[0] === 'string',
  is_boolean: args => typeof args[0] === 'boolean',
  is_array: args => Array.isArray(args[0]),
  is_set: args => args[0] instanceof RegoSet,
  is_object: args => args[0] instanceof RegoObject,
  is_null: args => args[0] === null,
  to_number: args => {
    const v = args[0]
    if (v === null) return 0
    if (typeof v === 'boolean') return v ? 1 : 0
    if (isNum(v)) return v
    if (typeof v === 'string') return parseNumberString(v)
    throw oneOfErr(1, ['null', 'boolean', 'number', 'string'], v)
  },
  cast_array: args => {
    const v = args[0]
    if (Array.isArray(v)) return v
    if (v instanceof RegoSet) return v.sorted()
    throw oneOfErr(1, ['array', 'set'], v)
  },
  cast_set: args => {
    const v = args[0]
    if (Array.isArray(v)) return new RegoSet(v)
    if (v instanceof RegoSet) return v
    throw oneOfErr(1, ['array', 'set'], v)
  },
  cast_string: args => {
    if (typeof args[0] !== 'string') throw typeErr(1, 'string', args[0])
    return args[0]
  },
  cast_boolean: args => {
    if (typeof args[0] !== 'boolean') throw typeErr(1, 'boolean', args[0])
    return args[0]
  },
  cast_null: args => {
    if (args[0] !== null) throw typeErr(1, 'null', args[0])
    return null
  },
  cast_object: args => {
    if (!(args[0] instanceof RegoObject)) throw typeErr(1, 'object', args[0])
    return args[0]
  }
}
