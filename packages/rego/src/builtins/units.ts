/** units.parse / units.parse_bytes with exact decimal arithmetic. */
import { fail, normInt, str, type Num } from './args.js'
import type { BuiltinFn } from './types.js'

const SI: Record<string, number> = { k: 1, m: 2, g: 3, t: 4, p: 5, e: 6 }

/** Exact rational num/den. */
interface Rat {
  n: bigint
  d: bigint
}

function parseAmount(name: string, s: string, what: string): { amount: Rat; unit: string } {
  if (/\s/.test(s)) throw fail(`${name}: spaces not allowed in resource strings`)
  const m = /^([+-]?[0-9.]*)((?:[eE][+-]?[0-9]+)?)(.*)$/.exec(s)!
  const mant = m[1]
  if (mant === '' || mant === '+' || mant === '-' || mant === '.')
    throw fail(`${name}: no ${what} provided`)
  const mm = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(mant)
  if (!mm || (mm[2] === '' && (mm[3] ?? '') === ''))
    throw fail(`${name}: could not parse ${what} to a number`)
  const exp = m[2] ? Number(m[2].slice(1)) : 0
  if (Math.abs(exp) > 1000) throw fail(`${name}: exponent too large`)
  const frac = mm[3] ?? ''
  let n = BigInt((mm[2] || '0') + frac)
  if (mm[1] === '-') n = -n
  let d = 10n ** BigInt(frac.length)
  if (exp >= 0) n *= 10n ** BigInt(exp)
  else d *= 10n ** BigInt(-exp)
  return { amount: { n, d }, unit: m[3] }
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a
  while (b) [a, b] = [b, a % b]
  return a
}

function ratToNum(r: Rat): Num {
  const g = gcd(r.n, r.d) || 1n
  const n = r.n / g
  const d = r.d / g
  if (d === 1n) return normInt(n)
  // decimal expansion to ~20 significant digits, then to float
  const neg = n < 0n
  const an = neg ? -n : n
  const int = an / d
  let rem = an % d
  let digits = ''
  for (let i = 0; i < 40 && rem !== 0n; i++) {
    rem *= 10n
    digits += (rem / d).toString()
    rem %= d
  }
  return Number(`${neg ? '-' : ''}${int}.${digits}`)
}

export const unitBuiltins: Record<string, BuiltinFn> = {
  'units.parse': args => {
    const s = str(args, 0).replace(/"/g, '')
    const { amount, unit } = parseAmount('units.parse', s, 'amount')
    let mul: Rat
    if (unit === '') mul = { n: 1n, d: 1n }
    else if (unit === 'm') mul = { n: 1n, d: 1000n }
    else {
      const u = unit.toLowerCase()
      const base = SI[u[0]]
      if (base === undefined || (u.length > 1 && u.slice(1) !== 'i'))
        throw fail(`units.parse: unknown unit ${unit}`)
      mul = { n: u.length === 2 ? 1024n ** BigInt(base) : 1000n ** BigInt(base), d: 1n }
    }
    return ratToNum({ n: amount.n * mul.n, d: amount.d * mul.d })
  },
  'units.parse_bytes': args => {
    const s = str(args, 0).replace(/"/g, '')
    const { amount, unit } = parseAmount('units.parse_bytes', s, 'byte amount')
    const u = unit.toLowerCase()
    let mul = 1n
    if (u !== '' && u !== 'b') {
      const base = SI[u[0]]
      const rest = u.slice(1)
      if (base === undefined || !['', 'b', 'i', 'ib'].includes(rest))
        throw fail(`units.parse_bytes: byte unit ${unit} not recognized`)
      mul = rest.startsWith('i') ? 1024n ** BigInt(base) : 1000n ** BigInt(base)
    }
    return normInt((amount.n * mul) / amount.d)
  }
}
