/** semver, uuid, rand, graph builtins. */
import { randomUUID, randomInt } from 'node:crypto'
import { RegoObject, RegoSet, typeName, type Value } from '../value.js'
import { cached, fail, int, normInt, obj, oneOfErr, str } from './args.js'
import type { BuiltinFn } from './types.js'
import { BuiltinTypeError } from './types.js'

// ------------------------------------------------------------------ semver (SemVer 2.0.0)

interface SemVer {
  major: bigint
  minor: bigint
  patch: bigint
  pre: string[]
}

const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/

export function parseSemver(s: string): SemVer | undefined {
  const m = SEMVER.exec(s)
  if (!m || s.startsWith('v')) return undefined
  return {
    major: BigInt(m[1]),
    minor: BigInt(m[2]),
    patch: BigInt(m[3]),
    pre: m[4] ? m[4].split('.') : []
  }
}

function cmpBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function compareSemver(a: SemVer, b: SemVer): number {
  const c = cmpBig(a.major, b.major) || cmpBig(a.minor, b.minor) || cmpBig(a.patch, b.patch)
  if (c) return c
  if (a.pre.length === 0 && b.pre.length === 0) return 0
  if (a.pre.length === 0) return 1
  if (b.pre.length === 0) return -1
  for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
    const x = a.pre[i]
    const y = b.pre[i]
    const xn = /^\d+$/.test(x)
    const yn = /^\d+$/.test(y)
    let r: number
    if (xn && yn) r = cmpBig(BigInt(x), BigInt(y))
    else if (xn) r = -1
    else if (yn) r = 1
    else r = x < y ? -1 : x > y ? 1 : 0
    if (r) return r
  }
  return Math.sign(a.pre.length - b.pre.length)
}

// ------------------------------------------------------------------ uuid (google/uuid Parse)

function parseUUIDBytes(s: string): Uint8Array | undefined {
  let hex: string
  if (s.length === 36) hex = s
  else if (s.length === 45) {
    if (s.slice(0, 9).toLowerCase() !== 'urn:uuid:') return undefined
    hex = s.slice(9)
  } else if (s.length === 38) hex = s.slice(1, 37)
  else if (s.length === 32) {
    if (!/^[0-9a-fA-F]{32}$/.test(s)) return undefined
    return Uint8Array.from(Buffer.from(s, 'hex'))
  } else return undefined
  if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(hex))
    return undefined
  return Uint8Array.from(Buffer.from(hex.replace(/-/g, ''), 'hex'))
}

function uuidInfo(b: Uint8Array): RegoObject {
  const out = new RegoObject()
  const version = b[6] >> 4
  const v8 = b[8]
  const variant =
    (v8 & 0xc0) === 0x80
      ? 'RFC4122'
      : (v8 & 0xe0) === 0xc0
        ? 'Microsoft'
        : (v8 & 0xe0) === 0xe0
          ? 'Future'
          : 'Reserved'
  out.set('version', version)
  out.set('variant', variant)
  if (variant === 'RFC4122' && (version === 1 || version === 2)) {
    const timeLow = BigInt(((b[0] << 24) >>> 0) | (b[1] << 16) | (b[2] << 8) | b[3])
    const timeMid = BigInt((b[4] << 8) | b[5])
    const timeHi = BigInt(((b[6] << 8) | b[7]) & 0xfff)
    const t = timeLow | (timeMid << 32n) | (timeHi << 48n)
    const rel = t - 122192928000000000n
    out.set('time', normInt(rel * 100n))
    out.set('clocksequence', ((b[8] & 0x3f) << 8) | b[9])
    const node = [...b.slice(10, 16)].map(x => x.toString(16).padStart(2, '0')).join('-')
    out.set('nodeid', node)
    out.set(
      'macvariables',
      `${b[10] & 2 ? 'local' : 'global'}:${b[10] & 1 ? 'multicast' : 'unicast'}`
    )
    if (version === 2) {
      const dom = b[9]
      out.set(
        'domain',
        dom === 0 ? 'Person' : dom === 1 ? 'Group' : dom === 2 ? 'Org' : `Domain${dom}`
      )
      out.set('id', normInt(timeLow))
    }
  }
  return out
}

// ------------------------------------------------------------------ graph

function neighbours(v: Value | undefined): Value[] {
  if (v === undefined || v === null) return []
  if (Array.isArray(v)) return v
  if (v instanceof RegoSet) return v.sorted()
  return []
}

function graphOperand(args: Value[]): { g: RegoObject; init: Value[] } {
  const g = obj(args, 0)
  const init = args[1]
  if (!Array.isArray(init) && !(init instanceof RegoSet)) throw oneOfErr(2, ['array', 'set'], init)
  for (const [, v] of g.entries.values())
    if (v !== null && !Array.isArray(v) && !(v instanceof RegoSet))
      throw new BuiltinTypeError(
        `operand 1 must be object containing arrays or sets but got object containing ${typeName(v)}`
      )
  return { g, init: Array.isArray(init) ? init : init.sorted() }
}

export const miscBuiltins: Record<string, BuiltinFn> = {
  'semver.is_valid': args => typeof args[0] === 'string' && parseSemver(args[0]) !== undefined,
  'semver.compare': args => {
    const a = str(args, 0)
    const b = str(args, 1)
    const va = parseSemver(a)
    if (!va) throw fail(`operand 1: string ${JSON.stringify(a)} is not a valid SemVer`)
    const vb = parseSemver(b)
    if (!vb) throw fail(`operand 2: string ${JSON.stringify(b)} is not a valid SemVer`)
    return compareSemver(va, vb)
  },
  'uuid.rfc4122': (args, ctx) =>
    cached(ctx.cache, 'uuid.rfc4122:' + str(args, 0), () => randomUUID()),
  'uuid.parse': args => {
    const b = parseUUIDBytes(str(args, 0))
    return b ? uuidInfo(b) : undefined
  },
  'rand.intn': (args, ctx) => {
    const s = str(args, 0)
    let n = int(args, 1)
    if (n < 0n) n = -n
    if (n === 0n) return 0
    return cached(ctx.cache, `rand.intn:${JSON.stringify(s)}:${n}`, () =>
      randomInt(Number(n > 281474976710655n ? 281474976710655n : n))
    )
  },
  'graph.reachable': args => {
    const { g, init } = graphOperand(args)
    const seen = new RegoSet()
    const queue = init.filter(n => g.has(n))
    for (const n of queue) seen.add(n)
    while (queue.length > 0) {
      const n = queue.shift()!
      for (const m of neighbours(g.get(n)))
        if (!seen.has(m) && g.has(m)) {
          seen.add(m)
          queue.push(m)
        }
    }
    return seen
  },
  'graph.reachable_paths': args => {
    const { g, init } = graphOperand(args)
    const out = new RegoSet()
    const walk = (node: Value, path: Value[]): void => {
      const p = [...path, node]
      const onPath = new RegoSet(p)
      const next = neighbours(g.get(node)).filter(m => g.has(m) && !onPath.has(m))
      if (next.length === 0) {
        out.add(p)
        return
      }
      for (const m of next) walk(m, p)
    }
    for (const n of init) if (g.has(n)) walk(n, [])
    return out
  }
}
