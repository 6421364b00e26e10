/**
 * Rego values. Scalars are plain JS values; numbers are JS numbers, or bigints for integers
 * outside the safe range (OPA keeps integers of any size exact). Objects and sets are keyed by a
 * canonical string so that structural equality is a Map lookup.
 *
 * Ordering follows OPA: null < boolean < number < string < array < object < set.
 */
export type Value = null | boolean | number | bigint | string | Value[] | RegoObject | RegoSet

export class RegoSet {
  readonly items = new Map<string, Value>()
  /** cached canonical key and order (cleared by add; `items` is only written directly while building) */
  ckey: string | undefined = undefined
  csorted: Value[] | undefined = undefined
  constructor(values?: Iterable<Value>) {
    if (values) for (const v of values) this.add(v)
  }
  add(v: Value): void {
    const k = key(v)
    if (!this.items.has(k)) {
      this.items.set(k, v)
      this.ckey = undefined
      this.csorted = undefined
    }
  }
  has(v: Value): boolean {
    return this.items.has(key(v))
  }
  get size(): number {
    return this.items.size
  }
  values(): IterableIterator<Value> {
    return this.items.values()
  }
  /** Members in OPA's sort order. */
  sorted(): Value[] {
    return this.sortedShared().slice()
  }
  /** sorted() without the copy: callers must not modify the array */
  sortedShared(): readonly Value[] {
    return (this.csorted ??= [...this.items.values()].sort(compare))
  }
}

export class RegoObject {
  readonly entries = new Map<string, [Value, Value]>()
  /** cached canonical key and order (cleared by set/delete; `entries` is only written directly while building) */
  ckey: string | undefined = undefined
  csorted: [Value, Value][] | undefined = undefined
  constructor(pairs?: Iterable<[Value, Value]>) {
    if (pairs) for (const [k, v] of pairs) this.set(k, v)
  }
  set(k: Value, v: Value): void {
    this.entries.set(key(k), [k, v])
    this.ckey = undefined
    this.csorted = undefined
  }
  get(k: Value): Value | undefined {
    return this.entries.get(key(k))?.[1]
  }
  has(k: Value): boolean {
    return this.entries.has(key(k))
  }
  delete(k: Value): void {
    this.entries.delete(key(k))
    this.ckey = undefined
    this.csorted = undefined
  }
  get size(): number {
    return this.entries.size
  }
  keys(): Value[] {
    return [...this.entries.values()].map(e => e[0])
  }
  /** Entries in OPA's key order. */
  sorted(): [Value, Value][] {
    return this.sortedShared().map(([k, v]): [Value, Value] => [k, v])
  }
  /** sorted() without the copy: callers must not modify the array */
  sortedShared(): readonly (readonly [Value, Value])[] {
    return (this.csorted ??= [...this.entries.values()].sort((a, b) => compare(a[0], b[0])))
  }
}

const TYPE_RANK = (v: Value): number => {
  if (v === null) return 0
  switch (typeof v) {
    case 'boolean':
      return 1
    case 'number':
    case 'bigint':
      return 2
    case 'string':
      return 3
    default:
      if (Array.isArray(v)) return 4
      return v instanceof RegoObject ? 5 : 6
  }
}

export function typeName(v: Value): string {
  return ['null', 'boolean', 'number', 'string', 'array', 'object', 'set'][TYPE_RANK(v)]
}

function numberKey(n: number | bigint): string {
  if (typeof n === 'bigint') return n.toString()
  if (Number.isInteger(n) && !Number.isSafeInteger(n)) return BigInt(n).toString()
  return Object.is(n, -0) ? '0' : String(n)
}

/**
 * Canonical key: equal Rego values have equal keys. A top-level string is its own key (the hot
 * path of object lookups and string sets: no allocation, and V8 caches the string's hash), unless
 * it starts with NUL; every other value's key starts with NUL, so the two never collide. Inside
 * composites strings are length-prefixed so keys stay unambiguous.
 */
export function key(v: Value): string {
  if (typeof v === 'string') return v.length === 0 || v.charCodeAt(0) !== 0 ? v : '\u0000"' + v
  return '\u0000' + innerKey(v)
}

function innerKey(v: Value): string {
  if (v === null) return 'n'
  switch (typeof v) {
    case 'boolean':
      return v ? 't' : 'f'
    case 'number':
    case 'bigint':
      return '#' + numberKey(v)
    case 'string':
      // length-prefixed: unambiguous without escaping
      return 's' + v.length + ':' + v
    default:
      if (Array.isArray(v)) return '[' + v.map(innerKey).join(',') + ']'
      if (v instanceof RegoObject) {
        if (v.ckey !== undefined) return v.ckey
        const parts: string[] = []
        for (const [k, x] of v.entries.values()) parts.push(innerKey(k) + ':' + innerKey(x))
        return (v.ckey = '{' + parts.sort().join(',') + '}')
      }
      if (v.ckey !== undefined) return v.ckey
      return (v.ckey = '<' + [...v.items.values()].map(innerKey).sort().join(',') + '>')
  }
}

export function equal(a: Value, b: Value): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    if (
      (typeof a === 'number' || typeof a === 'bigint') &&
      (typeof b === 'number' || typeof b === 'bigint')
    )
      return compareNumbers(a, b) === 0
    return false
  }
  return key(a) === key(b)
}

function compareNumbers(a: number | bigint, b: number | bigint): number {
  // JS compares number and bigint exactly across types.
  return a < b ? -1 : a > b ? 1 : 0
}

function compareStrings(a: string, b: string): number {
  // Go compares strings bytewise (UTF-8); UTF-16 code unit order differs only for astral vs
  // U+E000–U+FFFF, which compare by code point here.
  if (a === b) return 0
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i)!
    const cb = b.codePointAt(i)!
    if (ca !== cb) return ca < cb ? -1 : 1
    if (ca > 0xffff) i++
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0
}

/** Total order over values, as OPA's ast.Compare. */
export function compare(a: Value, b: Value): number {
  const ra = TYPE_RANK(a)
  const rb = TYPE_RANK(b)
  if (ra !== rb) return ra < rb ? -1 : 1
  switch (ra) {
    case 0:
      return 0
    case 1:
      return a === b ? 0 : a === false ? -1 : 1
    case 2:
      return compareNumbers(a as number | bigint, b as number | bigint)
    case 3:
      return compareStrings(a as string, b as string)
    case 4: {
      const x = a as Value[]
      const y = b as Value[]
      const n = Math.min(x.length, y.length)
      for (let i = 0; i < n; i++) {
        const c = compare(x[i], y[i])
        if (c !== 0) return c
      }
      return x.length - y.length < 0 ? -1 : x.length === y.length ? 0 : 1
    }
    case 5: {
      const x = (a as RegoObject).sortedShared()
      const y = (b as RegoObject).sortedShared()
      const n = Math.min(x.length, y.length)
      for (let i = 0; i < n; i++) {
        const c = compare(x[i][0], y[i][0]) || compare(x[i][1], y[i][1])
        if (c !== 0) return c
      }
      return x.length < y.length ? -1 : x.length === y.length ? 0 : 1
    }
    default: {
      const x = (a as RegoSet).sortedShared()
      const y = (b as RegoSet).sortedShared()
      const n = Math.min(x.length, y.length)
      for (let i = 0; i < n; i++) {
        const c = compare(x[i], y[i])
        if (c !== 0) return c
      }
      return x.length < y.length ? -1 : x.length === y.length ? 0 : 1
    }
  }
}

/** JSON (plain JS) → Rego value. */
export function fromJSON(j: unknown): Value {
  if (j === null || j === undefined) return null
  switch (typeof j) {
    case 'boolean':
    case 'number':
    case 'string':
    case 'bigint':
      return j
    case 'object':
      if (Array.isArray(j)) return j.map(fromJSON)
      if (j instanceof RegoObject || j instanceof RegoSet) return j
      {
        const o = new RegoObject()
        const m = o.entries
        for (const k in j) {
          if (!Object.hasOwn(j, k)) continue
          const v = fromJSON((j as Record<string, unknown>)[k])
          m.set(key(k), [k, v])
        }
        return o
      }
    default:
      throw new TypeError(`cannot convert ${typeof j} to a Rego value`)
  }
}

/**
 * Rego value → plain JS, as OPA serialises it: sets become sorted arrays, non-string object keys
 * are serialised as JSON text, bigints stay bigints (callers stringify with `stringifyJSON`).
 */
export function toJSON(v: Value): unknown {
  if (v === null || typeof v !== 'object') return v
  if (Array.isArray(v)) return v.map(toJSON)
  if (v instanceof RegoSet) return v.sortedShared().map(toJSON)
  const out: Record<string, unknown> = {}
  for (const [k, val] of v.sortedShared())
    out[typeof k === 'string' ? k : stringifyJSON(toJSON(k))] = toJSON(val)
  return out
}

/** JSON.stringify that writes bigints as exact integers. */
export function stringifyJSON(j: unknown, space?: number): string {
  const marked = JSON.stringify(
    j,
    (_k, val: unknown) => (typeof val === 'bigint' ? `\u0000big:${val}` : val),
    space
  )
  return marked.replace(/"\\u0000big:(-?\d+)"/g, '$1')
}
