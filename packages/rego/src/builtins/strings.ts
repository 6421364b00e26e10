/** String builtins (Go strings package semantics over runes). */
import { RegoSet, type Value } from '../value.js'
import { fail, int, obj, oneOfErr, str, strings, typeErr } from './args.js'
import { regoString, sprintf } from './format.js'
import { renderTemplate } from './template.js'
import type { BuiltinFn } from './types.js'
import { BuiltinTypeError } from './types.js'

const GO_SPACE =
  '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000'
const TRIM_SPACE = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'g')

function runeIndex(s: string, codeUnitIndex: number): number {
  return [...s.slice(0, codeUnitIndex)].length
}

function trimLeftSet(s: string, cut: string): string {
  const cs = new Set(cut)
  const r = [...s]
  let i = 0
  while (i < r.length && cs.has(r[i])) i++
  return r.slice(i).join('')
}

function trimRightSet(s: string, cut: string): string {
  const cs = new Set(cut)
  const r = [...s]
  let j = r.length
  while (j > 0 && cs.has(r[j - 1])) j--
  return r.slice(0, j).join('')
}

function isASCII(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false
  return true
}

/** Go strings.ToUpper: simple (one-to-one) case mapping per rune. */
export function goUpper(s: string): string {
  if (isASCII(s)) return s.toUpperCase()
  let out = ''
  for (const ch of s) {
    const u = ch.toUpperCase()
    out += [...u].length === 1 ? u : ch
  }
  return out
}

/** Go strings.ToLower: simple (one-to-one) case mapping per rune. */
export function goLower(s: string): string {
  if (isASCII(s)) return s.toLowerCase()
  let out = ''
  for (const ch of s) {
    const l = ch.toLowerCase()
    out += [...l].length === 1 ? l : String.fromCodePoint(l.codePointAt(0)!)
  }
  return out
}

/** Go strings.Split. */
export function goSplit(s: string, sep: string): string[] {
  if (sep === '') return [...s]
  return s.split(sep)
}

/** Go strings.ReplaceAll. */
export function goReplaceAll(s: string, old: string, rep: string): string {
  if (old === '') return rep + [...s].map(c => c + rep).join('')
  return s.split(old).join(rep)
}

function stringsOrCollection(args: Value[], i: number): string[] {
  const v = args[i]
  if (typeof v === 'string') return [v]
  if (Array.isArray(v)) return strings(v, i + 1, 'array')
  if (v instanceof RegoSet) return strings(v.sorted(), i + 1, 'set')
  throw oneOfErr(i + 1, ['string', 'set', 'array'], v)
}

function countSubstr(s: string, sub: string): number {
  if (sub === '') return [...s].length + 1
  let n = 0
  let i = 0
  for (;;) {
    const j = s.indexOf(sub, i)
    if (j < 0) return n
    n++
    i = j + sub.length
  }
}

export const stringBuiltins: Record<string, BuiltinFn> = {
  contains: args => str(args, 0).includes(str(args, 1)),
  startswith: args => str(args, 0).startsWith(str(args, 1)),
  endswith: args => str(args, 0).endsWith(str(args, 1)),
  lower: args => goLower(str(args, 0)),
  upper: args => goUpper(str(args, 0)),
  indexof: args => {
    const s = str(args, 0)
    const i = s.indexOf(str(args, 1))
    return i < 0 ? -1 : runeIndex(s, i)
  },
  indexof_n: args => {
    const s = str(args, 0)
    const sub = str(args, 1)
    const out: number[] = []
    let i = 0
    for (;;) {
      const j = s.indexOf(sub, i)
      if (j < 0 || j > s.length) break
      out.push(runeIndex(s, j))
      i = j + Math.max(1, sub.length > 0 ? (s.codePointAt(j)! > 0xffff ? 2 : 1) : 1)
      if (sub === '' && j >= s.length) break
    }
    return out
  },
  split: args => goSplit(str(args, 0), str(args, 1)),
  'strings.split_n': args => {
    const s = str(args, 0)
    const sep = str(args, 1)
    const n = Number(int(args, 2))
    const parts = goSplit(s, sep)
    if (s === '' && sep === '') parts.push('')
    if (n === 0) return []
    return n > 0 ? parts.slice(0, n) : parts.slice(Math.max(parts.length + n, 0))
  },
  replace: args => goReplaceAll(str(args, 0), str(args, 1), str(args, 2)),
  'strings.replace_n': args => {
    const pats = obj(args, 0)
    const s = str(args, 1)
    const pairs: [string, string][] = []
    for (const [k, v] of pats.sorted()) {
      if (typeof k !== 'string')
        throw new BuiltinTypeError('operand 1 non-string key found in pattern object')
      if (typeof v !== 'string')
        throw new BuiltinTypeError('operand 1 non-string value found in pattern object')
      pairs.push([k, v])
    }
    let out = ''
    let i = 0
    while (i <= s.length) {
      let matched = false
      for (const [k, v] of pairs) {
        if (k !== '' && s.startsWith(k, i)) {
          out += v
          i += k.length
          matched = true
          break
        }
      }
      if (matched) continue
      const empty = pairs.find(([k]) => k === '')
      if (empty) out += empty[1]
      if (i >= s.length) break
      const cp = s.codePointAt(i)!
      const ch = String.fromCodePoint(cp)
      out += ch
      i += ch.length
    }
    return out
  },
  'strings.count': args => countSubstr(str(args, 0), str(args, 1)),
  'strings.reverse': args => [...str(args, 0)].reverse().join(''),
  'strings.any_prefix_match': args => {
    const a = stringsOrCollection(args, 0)
    const b = stringsOrCollection(args, 1)
    return a.some(s => b.some(p => s.startsWith(p)))
  },
  'strings.any_suffix_match': args => {
    const a = stringsOrCollection(args, 0)
    const b = stringsOrCollection(args, 1)
    return a.some(s => b.some(p => s.endsWith(p)))
  },
  substring: args => {
    const s = str(args, 0)
    const start = Number(int(args, 1))
    const len = Number(int(args, 2))
    if (start < 0) throw fail('negative offset')
    const r = [...s]
    if (start >= r.length) return ''
    if (len < 0) return r.slice(start).join('')
    return r.slice(start, start + len).join('')
  },
  trim: args => {
    const cut = str(args, 1)
    return trimRightSet(trimLeftSet(str(args, 0), cut), cut)
  },
  trim_left: args => trimLeftSet(str(args, 0), str(args, 1)),
  trim_right: args => trimRightSet(str(args, 0), str(args, 1)),
  trim_prefix: args => {
    const s = str(args, 0)
    const p = str(args, 1)
    return s.startsWith(p) ? s.slice(p.length) : s
  },
  trim_suffix: args => {
    const s = str(args, 0)
    const p = str(args, 1)
    return p !== '' && s.endsWith(p) ? s.slice(0, s.length - p.length) : s
  },
  trim_space: args => str(args, 0).replace(TRIM_SPACE, ''),
  sprintf: args => {
    const f = str(args, 0)
    const v = args[1]
    if (!Array.isArray(v)) throw typeErr(2, 'array', v)
    return sprintf(f, v)
  },
  'strings.render_template': args => {
    const t = str(args, 0)
    const vars = obj(args, 1)
    return renderTemplate(t, vars)
  },
  'internal.template_string': args => {
    const parts = args[0]
    if (!Array.isArray(parts)) throw typeErr(1, 'array', parts)
    return parts.map(templatePart).join('')
  }
}

/**
 * One part of a template string: literal text is a string; each interpolated expression arrives as
 * the set of its values (OPA compiles `{expr}` to a set comprehension), empty when undefined.
 */
function templatePart(v: Value): string {
  if (typeof v === 'string') return v
  if (v instanceof RegoSet) {
    if (v.size === 0) return '<undefined>'
    if (v.size === 1) {
      const [x] = v.values()
      return typeof x === 'string' ? x : regoString(x)
    }
    throw fail('template-strings must not produce multiple outputs')
  }
  return regoString(v)
}
