/** Rego term syntax (OPA's ast String()) and Go fmt-style formatting for sprintf. */
import { RegoSet, type Value } from '../value.js'
import { isInt, type Num } from './args.js'

export function numberString(n: Num): string {
  if (typeof n === 'bigint') return n.toString()
  if (Number.isInteger(n)) return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString()
  return String(n)
}

/** Go strconv.Quote (for printable text identical to JSON except for a few escapes). */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    switch (ch) {
      case '"':
        out += '\\"'
        continue
      case '\\':
        out += '\\\\'
        continue
      case '\n':
        out += '\\n'
        continue
      case '\t':
        out += '\\t'
        continue
      case '\r':
        out += '\\r'
        continue
      case '\x07':
        out += '\\a'
        continue
      case '\b':
        out += '\\b'
        continue
      case '\f':
        out += '\\f'
        continue
      case '\v':
        out += '\\v'
        continue
    }
    if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0')
    else if (
      (c >= 0x80 && c < 0xa0) ||
      c === 0xad ||
      (c >= 0xd800 && c < 0xe000) ||
      c === 0xfeff ||
      c === 0xfffd
    )
      out +=
        c < 0x10000
          ? '\\u' + c.toString(16).padStart(4, '0')
          : '\\U' + c.toString(16).padStart(8, '0')
    else out += ch
  }
  return out + '"'
}

/** A value in Rego syntax, as OPA's Term.String(). */
export function regoString(v: Value): string {
  if (v === null) return 'null'
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false'
    case 'number':
    case 'bigint':
      return numberString(v)
    case 'string':
      return goQuote(v)
  }
  if (Array.isArray(v)) return '[' + v.map(regoString).join(', ') + ']'
  if (v instanceof RegoSet)
    return v.size === 0 ? 'set()' : '{' + v.sorted().map(regoString).join(', ') + '}'
  return (
    '{' +
    v
      .sorted()
      .map(([k, x]) => regoString(k) + ': ' + regoString(x))
      .join(', ') +
    '}'
  )
}

// ---------------------------------------------------------------------------------------------
// Go fmt

type Arg =
  | { kind: 'int'; v: bigint; big: boolean }
  | { kind: 'float'; v: number }
  | { kind: 'string'; v: string }

function toArg(v: Value): Arg {
  if (typeof v === 'number' || typeof v === 'bigint') {
    if (isInt(v)) {
      const b = BigInt(v)
      return { kind: 'int', v: b, big: b > 9223372036854775807n || b < -9223372036854775808n }
    }
    return { kind: 'float', v: Number(v) }
  }
  if (typeof v === 'string') return { kind: 'string', v }
  return { kind: 'string', v: regoString(v) }
}

interface Spec {
  minus: boolean
  plus: boolean
  sharp: boolean
  space: boolean
  zero: boolean
  width?: number
  prec?: number
}

function goTypeName(a: Arg): string {
  return a.kind === 'int' ? (a.big ? '*big.Int' : 'int') : a.kind === 'float' ? 'float64' : 'string'
}

function argString(a: Arg): string {
  return a.kind === 'int'
    ? a.v.toString()
    : a.kind === 'float'
      ? formatFloat(a.v, 'g', undefined)
      : a.v
}

function badVerb(verb: string, a: Arg): string {
  return `%!${verb}(${goTypeName(a)}=${argString(a)})`
}

function pad(s: string, spec: Spec, zeroOk = true): string {
  const w = spec.width ?? 0
  // no width, or more UTF-16 units than the width in code points: nothing to pad (cheap check)
  if (w === 0 || s.length >= 2 * w) return s
  const len = [...s].length
  if (len >= w) return s
  if (spec.minus) return s + ' '.repeat(w - len)
  if (spec.zero && zeroOk) {
    const sign = /^[+\- ]/.test(s) ? s[0] : ''
    const body = sign ? s.slice(1) : s
    const prefix = /^0[xXbo]/.test(body) && spec.sharp ? body.slice(0, 2) : ''
    return sign + prefix + '0'.repeat(w - len) + body.slice(prefix.length)
  }
  return ' '.repeat(w - len) + s
}

/** The exact decimal expansion of |x| (a finite double): x = 0.d1d2... × 10^dp. */
function exactDigits(x: number): { d: string; dp: number } {
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, Math.abs(x))
  const bits = view.getBigUint64(0)
  const bexp = Number((bits >> 52n) & 0x7ffn)
  let mant = bits & 0xfffffffffffffn
  let e2: number
  if (bexp === 0) e2 = -1074
  else {
    mant |= 1n << 52n
    e2 = bexp - 1075
  }
  if (mant === 0n) return { d: '0', dp: 1 }
  let d: string
  let dp: number
  if (e2 >= 0) {
    d = (mant << BigInt(e2)).toString()
    dp = d.length
  } else {
    d = (mant * 5n ** BigInt(-e2)).toString()
    dp = d.length + e2
  }
  return { d: d.replace(/0+$/, ''), dp }
}

/** Round a digit string to n ≥ 1 digits, half to even (exact, as Go's strconv). */
function roundDigits(d: string, dp: number, n: number): { d: string; dp: number } {
  if (d.length <= n) return { d, dp }
  const kept = d.slice(0, n)
  const first = d.charCodeAt(n) - 48
  const restNonZero = /[1-9]/.test(d.slice(n + 1))
  const up = first > 5 || (first === 5 && (restNonZero || (kept.charCodeAt(n - 1) - 48) % 2 === 1))
  if (!up) return { d: kept.replace(/0+$/, '') || '0', dp }
  const digits = kept.split('').map(Number)
  let i = digits.length - 1
  while (i >= 0) {
    if (digits[i] < 9) {
      digits[i]++
      break
    }
    digits[i] = 0
    i--
  }
  if (i < 0) return { d: '1', dp: dp + 1 }
  return { d: digits.join('').replace(/0+$/, '') || '0', dp }
}

/** Decimal digits of |x|: shortest round-trip, or rounded to `precision` significant digits. */
function digitsOf(x: number, precision?: number): { d: string; dp: number } {
  if (x === 0) return { d: '0', dp: 1 }
  if (precision === undefined) {
    const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(Math.abs(x).toExponential())!
    const d = (m[1] + (m[2] ?? '')).replace(/0+$/, '') || '0'
    return { d, dp: Number(m[3]) + 1 }
  }
  const ex = exactDigits(x)
  return roundDigits(ex.d, ex.dp, Math.max(precision, 1))
}

/** Digits of |x| rounded to `frac` digits after the decimal point. */
function fixedDigits(x: number, frac: number): { d: string; dp: number } {
  if (x === 0) return { d: '0', dp: 1 }
  const ex = exactDigits(x)
  const n = ex.dp + frac
  if (n < 0) return { d: '0', dp: 1 }
  if (n === 0) {
    const up = ex.d.charCodeAt(0) - 48 > 5 || (ex.d[0] === '5' && /[1-9]/.test(ex.d.slice(1)))
    return up ? { d: '1', dp: ex.dp + 1 } : { d: '0', dp: 1 }
  }
  return roundDigits(ex.d, ex.dp, n)
}

function fmtE(neg: boolean, d: string, dp: number, prec: number, e: string): string {
  let s = d[0]
  if (prec > 0) s += '.' + d.slice(1, prec + 1).padEnd(prec, '0')
  const exp = d === '0' ? 0 : dp - 1
  const ea = Math.abs(exp)
  return (neg ? '-' : '') + s + e + (exp < 0 ? '-' : '+') + (ea < 10 ? '0' + ea : String(ea))
}

function fmtF(neg: boolean, d: string, dp: number, prec: number): string {
  let int: string
  if (dp > 0) int = d.length >= dp ? d.slice(0, dp) : d + '0'.repeat(dp - d.length)
  else int = '0'
  let frac = ''
  for (let i = 0; i < prec; i++) {
    const j = dp + i
    frac += j >= 0 && j < d.length ? d[j] : '0'
  }
  return (neg ? '-' : '') + int + (prec > 0 ? '.' + frac : '')
}

/** strconv.FormatFloat(x, verb, prec, 64) for verbs e, f, g (prec undefined = shortest). */
export function formatFloat(
  x: number,
  verb: 'e' | 'E' | 'f' | 'F' | 'g' | 'G',
  prec: number | undefined
): string {
  if (Number.isNaN(x)) return 'NaN'
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf'
  const neg = x < 0 || Object.is(x, -0)
  const lower = verb.toLowerCase()
  const E = verb === 'E' || verb === 'G' ? 'E' : 'e'
  if (lower === 'e') {
    const { d, dp } = digitsOf(x, prec === undefined ? undefined : prec + 1)
    return fmtE(neg, d, dp, prec ?? d.length - 1, E)
  }
  if (lower === 'f') {
    if (prec === undefined) {
      const { d, dp } = digitsOf(x)
      return fmtF(neg, d, dp, Math.max(d.length - dp, 0))
    }
    const { d, dp } = fixedDigits(x, prec)
    return fmtF(neg, d, dp, prec)
  }
  // g
  const shortest = prec === undefined
  let p = prec === undefined ? 0 : prec === 0 ? 1 : prec
  const { d, dp } = digitsOf(x, shortest ? undefined : p)
  if (shortest) p = d.length
  let eprec = p
  if (eprec > d.length && d.length >= dp) eprec = d.length
  if (shortest) eprec = 6
  const exp = dp - 1
  if (exp < -4 || exp >= eprec) {
    if (p > d.length) p = d.length
    return fmtE(neg, d, dp, p - 1, E)
  }
  if (p > dp) p = d.length
  return fmtF(neg, d, dp, Math.max(p - dp, 0))
}

function fmtInt(a: bigint, verb: string, spec: Spec): string | undefined {
  let base: number
  let prefix = ''
  switch (verb) {
    case 'd':
    case 'v':
      base = 10
      break
    case 'b':
      base = 2
      if (spec.sharp) prefix = '0b'
      break
    case 'o':
      base = 8
      if (spec.sharp) prefix = '0'
      break
    case 'O':
      base = 8
      prefix = '0o'
      break
    case 'x':
    case 'X':
      base = 16
      if (spec.sharp) prefix = verb === 'x' ? '0x' : '0X'
      break
    default:
      return undefined
  }
  const neg = a < 0n
  let digits = (neg ? -a : a).toString(base)
  if (verb === 'X') digits = digits.toUpperCase()
  if (spec.prec !== undefined) {
    if (spec.prec === 0 && a === 0n) digits = ''
    digits = digits.padStart(spec.prec, '0')
  }
  const sign = neg ? '-' : spec.plus ? '+' : spec.space ? ' ' : ''
  return pad(sign + prefix + digits, spec, spec.prec === undefined)
}

function fmtHexString(s: string, upper: boolean, spec: Spec): string {
  const bytes = Buffer.from(s, 'utf8')
  const parts = [...bytes].map(b => b.toString(16).padStart(2, '0'))
  let out = spec.space
    ? parts.map(p => (spec.sharp ? '0x' : '') + p).join(' ')
    : (spec.sharp ? '0x' : '') + parts.join('')
  if (upper) out = out.toUpperCase()
  return pad(out, spec, false)
}

function formatOne(a: Arg, verb: string, spec: Spec): string {
  if (verb === 'T') return pad(goTypeName(a), spec, false)
  switch (a.kind) {
    case 'int': {
      if (verb === 'c') return pad(String.fromCodePoint(Number(a.v)), spec, false)
      if (verb === 'q') return pad("'" + String.fromCodePoint(Number(a.v)) + "'", spec, false)
      if (verb === 'U')
        return pad('U+' + a.v.toString(16).toUpperCase().padStart(4, '0'), spec, false)
      if (verb === 's' && a.big) return pad(a.v.toString(), spec)
      if ('eEfFgG'.includes(verb) && a.big)
        return pad(
          formatFloat(
            Number(a.v),
            verb as 'e',
            spec.prec ?? (verb.toLowerCase() === 'g' ? undefined : 6)
          ),
          spec
        )
      return fmtInt(a.v, verb, spec) ?? badVerb(verb, a)
    }
    case 'float': {
      const v = verb === 'v' ? 'g' : verb
      if (!'eEfFgG'.includes(v)) {
        if (verb === 'x' || verb === 'X' || verb === 'b') return badVerb(verb, a)
        return badVerb(verb, a)
      }
      const prec = spec.prec ?? (v.toLowerCase() === 'g' ? undefined : 6)
      let s = formatFloat(a.v, v as 'e', prec)
      if (spec.plus && !s.startsWith('-') && !s.startsWith('+')) s = '+' + s
      else if (spec.space && !s.startsWith('-') && !s.startsWith('+')) s = ' ' + s
      if (!Number.isFinite(a.v)) return pad(s, spec, false)
      return pad(s, spec)
    }
    case 'string': {
      switch (verb) {
        case 's':
        case 'v': {
          let s = a.v
          if (spec.prec !== undefined) s = [...s].slice(0, spec.prec).join('')
          return pad(s, spec, false)
        }
        case 'q': {
          let s = a.v
          if (spec.prec !== undefined) s = [...s].slice(0, spec.prec).join('')
          if (spec.sharp && !/[`\p{Cc}]/u.test(s)) return pad('`' + s + '`', spec, false)
          return pad(goQuote(s), spec, false)
        }
        case 'x':
        case 'X':
          return fmtHexString(a.v, verb === 'X', spec)
        default:
          return badVerb(verb, a)
      }
    }
  }
}

/**
 * The common case of policy messages: only `%s`/`%v` of strings and `%d` of safe integers, one
 * argument per verb. undefined when anything else occurs (the general formatter handles it).
 */
function sprintfSimple(format: string, values: Value[]): string | undefined {
  let out = ''
  let last = 0
  let argi = 0
  for (let i = format.indexOf('%'); i !== -1; i = format.indexOf('%', last)) {
    const verb = format.charCodeAt(i + 1)
    const a = values[argi]
    if (verb === 115 || verb === 118) {
      // s, v
      if (typeof a !== 'string') return undefined
      out += format.slice(last, i) + a
    } else if (verb === 100) {
      // d
      if (typeof a !== 'number' || !Number.isSafeInteger(a)) return undefined
      out += format.slice(last, i) + String(a)
    } else return undefined
    argi++
    last = i + 2
  }
  if (argi !== values.length) return undefined
  return out + format.slice(last)
}

/** Go fmt.Sprintf over Rego values converted as OPA's sprintf does. */
export function sprintf(format: string, values: Value[]): string {
  const simple = sprintfSimple(format, values)
  if (simple !== undefined) return simple
  const args = values.map(toArg)
  let out = ''
  let argi = 0
  let i = 0
  const n = format.length
  let reordered = false
  while (i < n) {
    const c = format[i]
    if (c !== '%') {
      out += c
      i++
      continue
    }
    i++
    if (i >= n) {
      out += '%!(NOVERB)'
      break
    }
    const spec: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false }
    for (; i < n; i++) {
      const f = format[i]
      if (f === '-') spec.minus = true
      else if (f === '+') spec.plus = true
      else if (f === '#') spec.sharp = true
      else if (f === ' ') spec.space = true
      else if (f === '0') spec.zero = !spec.minus
      else break
    }
    const argIndex = (): void => {
      if (format[i] !== '[') return
      const m = /^\[(\d+)\]/.exec(format.slice(i))
      if (m) {
        argi = Number(m[1]) - 1
        i += m[0].length
        reordered = true
      }
    }
    argIndex()
    if (format[i] === '*') {
      i++
      const a = args[argi++]
      if (a?.kind === 'int') {
        spec.width = Number(a.v)
        if (spec.width < 0) {
          spec.minus = true
          spec.width = -spec.width
        }
      } else out += '%!(BADWIDTH)'
    } else {
      const m = /^\d+/.exec(format.slice(i))
      if (m) {
        spec.width = Number(m[0])
        i += m[0].length
      }
    }
    if (format[i] === '.') {
      i++
      argIndex()
      if (format[i] === '*') {
        i++
        const a = args[argi++]
        if (a?.kind === 'int') spec.prec = Number(a.v)
        else out += '%!(BADPREC)'
      } else {
        const m = /^\d+/.exec(format.slice(i))
        spec.prec = m ? Number(m[0]) : 0
        if (m) i += m[0].length
      }
    }
    argIndex()
    if (i >= n) {
      out += '%!(NOVERB)'
      break
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!)
    i += verb.length
    if (verb === '%') {
      out += '%'
      continue
    }
    if (argi >= args.length) {
      out += `%!${verb}(MISSING)`
      continue
    }
    out += formatOne(args[argi++], verb, spec)
  }
  if (!reordered && argi < args.length) {
    out +=
      '%!(EXTRA ' +
      args
        .slice(argi)
        .map(a => `${goTypeName(a)}=${argString(a)}`)
        .join(', ') +
      ')'
  }
  return out
}
