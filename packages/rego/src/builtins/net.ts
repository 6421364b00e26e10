/** net.cidr_* builtins (Go net package parsing and formatting). */
import { RegoObject, RegoSet, type Value } from '../value.js'
import { fail, str, oneOfErr } from './args.js'
import type { BuiltinFn } from './types.js'

export interface IP {
  v6: boolean
  addr: bigint
}
export interface Net {
  ip: IP
  prefix: number
}

const bits = (ip: { v6: boolean }): number => (ip.v6 ? 128 : 32)

function parseV4(s: string): bigint | undefined {
  const parts = s.split('.')
  if (parts.length !== 4) return undefined
  let out = 0n
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return undefined
    const n = Number(p)
    if (n > 255) return undefined
    out = (out << 8n) | BigInt(n)
  }
  return out
}

export function parseIP(s: string): IP | undefined {
  if (!s.includes(':')) {
    const v4 = parseV4(s)
    return v4 === undefined ? undefined : { v6: false, addr: v4 }
  }
  let head = s
  let tailV4: bigint | undefined
  const lastColon = s.lastIndexOf(':')
  if (s.slice(lastColon + 1).includes('.')) {
    tailV4 = parseV4(s.slice(lastColon + 1))
    if (tailV4 === undefined) return undefined
    head = s.slice(0, lastColon + 1) + '0:0'
  }
  const dbl = head.split('::')
  if (dbl.length > 2) return undefined
  const parseGroups = (x: string): number[] | undefined => {
    if (x === '') return []
    const gs = x.split(':')
    const out: number[] = []
    for (const g of gs) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined
      out.push(parseInt(g, 16))
    }
    return out
  }
  const a = parseGroups(dbl[0])
  const b = dbl.length === 2 ? parseGroups(dbl[1]) : []
  if (!a || !b) return undefined
  let groups: number[]
  if (dbl.length === 2) {
    const fill = 8 - a.length - b.length
    if (fill < 1) return undefined
    groups = [...a, ...Array<number>(fill).fill(0), ...b]
  } else groups = a
  if (groups.length !== 8) return undefined
  let addr = 0n
  for (const g of groups) addr = (addr << 16n) | BigInt(g)
  if (tailV4 !== undefined) addr = (addr & ~0xffffffffn) | tailV4
  return { v6: true, addr }
}

export function parseCIDR(s: string): Net | undefined {
  const slash = s.indexOf('/')
  if (slash < 0) return undefined
  const ip = parseIP(s.slice(0, slash))
  const p = s.slice(slash + 1)
  if (!ip || !/^\d{1,3}$/.test(p)) return undefined
  const prefix = Number(p)
  if (prefix > bits(ip)) return undefined
  return { ip, prefix }
}

function mask(n: Net): bigint {
  const b = BigInt(bits(n.ip))
  return ((1n << b) - 1n) ^ ((1n << (b - BigInt(n.prefix))) - 1n)
}

function networkStart(n: Net): bigint {
  return n.ip.addr & mask(n)
}
function networkEnd(n: Net): bigint {
  return networkStart(n) | (((1n << BigInt(bits(n.ip))) - 1n) ^ mask(n))
}

export function formatIP(ip: IP): string {
  if (!ip.v6) return [24n, 16n, 8n, 0n].map(s => String((ip.addr >> s) & 255n)).join('.')
  const groups: number[] = []
  for (let i = 7; i >= 0; i--) groups.push(Number((ip.addr >> BigInt(i * 16)) & 0xffffn))
  // IPv4-mapped addresses print as IPv4, like Go
  if (groups.slice(0, 5).every(g => g === 0) && groups[5] === 0xffff)
    return formatIP({ v6: false, addr: ip.addr & 0xffffffffn })
  let bestStart = -1
  let bestLen = 0
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++
      continue
    }
    let j = i
    while (j < 8 && groups[j] === 0) j++
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i
      bestLen = j - i
    }
    i = j
  }
  const hex = groups.map(g => g.toString(16))
  if (bestStart < 0) return hex.join(':')
  return hex.slice(0, bestStart).join(':') + '::' + hex.slice(bestStart + bestLen).join(':')
}

function formatNet(n: Net): string {
  return `${formatIP({ v6: n.ip.v6, addr: networkStart(n) })}/${n.prefix}`
}

function cidrOrFail(s: string): Net {
  const n = parseCIDR(s)
  if (!n) throw fail(`invalid CIDR address: ${s}`)
  return n
}

/** Operand 2 of cidr_contains: a CIDR or an IP. */
function cidrOrIP(s: string): Net {
  const n = parseCIDR(s)
  if (n) return n
  const ip = parseIP(s)
  if (!ip) throw fail(`invalid CIDR address: ${s}`)
  return { ip, prefix: bits(ip) }
}

function contains(a: Net, b: Net): boolean {
  if (a.ip.v6 !== b.ip.v6) {
    // Go treats IPv4 as IPv4-mapped IPv6
    const up = (n: Net): Net =>
      n.ip.v6 ? n : { ip: { v6: true, addr: 0xffff00000000n | n.ip.addr }, prefix: n.prefix + 96 }
    return contains(up(a), up(b))
  }
  return networkStart(a) <= networkStart(b) && networkEnd(b) <= networkEnd(a)
}

function intersects(a: Net, b: Net): boolean {
  if (a.ip.v6 !== b.ip.v6) return false
  return networkStart(a) <= networkEnd(b) && networkStart(b) <= networkEnd(a)
}

function mergeCIDRs(nets: Net[]): Net[] {
  const byFamily = [nets.filter(n => !n.ip.v6), nets.filter(n => n.ip.v6)]
  const out: Net[] = []
  for (const fam of byFamily) {
    let list = fam.map(n => ({ ip: { v6: n.ip.v6, addr: networkStart(n) }, prefix: n.prefix }))
    let changed = true
    while (changed) {
      changed = false
      list.sort((x, y) =>
        x.ip.addr < y.ip.addr ? -1 : x.ip.addr > y.ip.addr ? 1 : x.prefix - y.prefix
      )
      const next: Net[] = []
      for (const n of list) {
        const last = next[next.length - 1]
        if (last && contains(last, n)) {
          changed = changed || true
          continue
        }
        if (last && last.prefix === n.prefix && last.prefix > 0) {
          const parent = { ip: { v6: n.ip.v6, addr: last.ip.addr }, prefix: last.prefix - 1 }
          if (networkStart(parent) === last.ip.addr && networkEnd(parent) === networkEnd(n)) {
            next[next.length - 1] = parent
            changed = true
            continue
          }
        }
        next.push(n)
      }
      if (next.length === list.length && !changed) break
      list = next
    }
    out.push(...list)
  }
  return out
}

type Keyed = { key: Value; cidr: string }

function keyedOperand(v: Value, pos: number): Keyed[] {
  const elem = (x: Value, key: Value): Keyed => {
    if (typeof x === 'string') return { key, cidr: x }
    if (Array.isArray(x) && x.length > 0 && typeof x[0] === 'string') return { key, cidr: x[0] }
    throw fail(`operand ${pos}: element must be string or non-empty array`)
  }
  if (typeof v === 'string') return [{ key: v, cidr: v }]
  if (Array.isArray(v)) return v.map((x, i) => elem(x, i))
  if (v instanceof RegoSet) return v.sorted().map(x => elem(x, x))
  if (v instanceof RegoObject) return v.sorted().map(([k, x]) => elem(x, k))
  throw oneOfErr(pos, ['string', 'array', 'set', 'object'], v)
}

export const netBuiltins: Record<string, BuiltinFn> = {
  'net.cidr_contains': args => contains(cidrOrFail(str(args, 0)), cidrOrIP(str(args, 1))),
  'net.cidr_overlap': args => contains(cidrOrFail(str(args, 0)), cidrOrIP(str(args, 1))),
  'net.cidr_intersects': args => intersects(cidrOrFail(str(args, 0)), cidrOrFail(str(args, 1))),
  'net.cidr_is_valid': args => typeof args[0] === 'string' && parseCIDR(args[0]) !== undefined,
  'net.cidr_expand': args => {
    const n = cidrOrFail(str(args, 0))
    const start = networkStart(n)
    const end = networkEnd(n)
    if (end - start > 1_000_000n) throw fail('cidr too large to expand')
    const out = new RegoSet()
    for (let a = start; a <= end; a++) out.add(formatIP({ v6: n.ip.v6, addr: a }))
    return out
  },
  'net.cidr_merge': args => {
    const v = args[0]
    if (!Array.isArray(v) && !(v instanceof RegoSet)) throw oneOfErr(1, ['array', 'set'], v)
    const items = Array.isArray(v) ? v : v.sorted()
    const nets: Net[] = []
    for (const x of items) {
      if (typeof x !== 'string') throw fail(`operand 1: element must be string`)
      const n = parseCIDR(x)
      if (n) {
        nets.push(n)
        continue
      }
      const ip = parseIP(x)
      if (!ip) throw fail(`operand 1: invalid CIDR or IP: ${x}`)
      if (ip.v6) throw fail('IPv6 invalid: needs prefix length')
      // Go's IP.DefaultMask: classful networks
      const first = Number(ip.addr >> 24n)
      const prefix = first < 128 ? 8 : first < 192 ? 16 : first < 224 ? 24 : undefined
      if (prefix === undefined) throw fail(`IPv4 invalid: needs prefix length`)
      nets.push({ ip, prefix })
    }
    return new RegoSet(mergeCIDRs(nets).map(formatNet))
  },
  'net.cidr_contains_matches': args => {
    const a = keyedOperand(args[0], 1)
    const b = keyedOperand(args[1], 2)
    const out = new RegoSet()
    for (const x of a) {
      const nx = cidrOrFail(x.cidr)
      for (const y of b) if (contains(nx, cidrOrIP(y.cidr))) out.add([x.key, y.key])
    }
    return out
  }
}
