/** regex.* builtins with Go RE2 semantics. */
import { RegoSet, type Value } from '../value.js'
import { fail, int, str } from './args.js'
import { translateRE2 } from './re2.js'
import type { BuiltinContext, BuiltinFn } from './types.js'
import { globsMatch } from './globs.js'

export interface CompiledRE {
  re: RegExp
  groups: number
}

const GLOBAL = new Map<string, CompiledRE | Error>()

/** Compile (cached per process and per query) an RE2 pattern to a global, unicode JS RegExp. */
export function compileRE2(pattern: string, ctx?: BuiltinContext): CompiledRE {
  const hit = GLOBAL.get(pattern)
  if (hit instanceof Error) throw hit
  if (hit) return hit
  let out: CompiledRE | Error
  try {
    const t = translateRE2(pattern)
    let re: RegExp
    try {
      re = new RegExp(t.source, 'gu')
    } catch (e) {
      throw fail(`error parsing regexp: ${(e as Error).message}`)
    }
    out = { re, groups: t.groupNames.length }
  } catch (e) {
    out = e as Error
  }
  if (GLOBAL.size > 5000) GLOBAL.clear()
  GLOBAL.set(pattern, out)
  void ctx
  if (out instanceof Error) throw out
  return out
}

/** Go FindAllStringSubmatchIndex semantics: empty matches right after a match are skipped. */
export function findAll(c: CompiledRE, s: string, n: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = []
  if (n === 0) return out
  const re = c.re
  let prevEnd = -1
  let pos = 0
  while (pos <= s.length) {
    re.lastIndex = pos
    const m = re.exec(s)
    if (!m) break
    const start = m.index
    const end = start + m[0].length
    let accept = true
    if (end === pos) {
      // an empty match right after the previous match is ignored; move on one rune
      if (start === prevEnd) accept = false
      const cp = s.codePointAt(pos)
      pos += cp !== undefined && cp > 0xffff ? 2 : 1
    } else pos = end
    prevEnd = end
    if (accept) {
      out.push(m)
      if (n > 0 && out.length >= n) break
    }
  }
  return out
}

function firstMatch(c: CompiledRE, s: string): RegExpExecArray | null {
  c.re.lastIndex = 0
  return c.re.exec(s)
}

/** Go Regexp.Expand for ReplaceAllString templates ($1, ${1}, $name, ${name}, $$). */
function expand(template: string, m: RegExpExecArray): string {
  let out = ''
  let i = 0
  while (i < template.length) {
    const c = template[i]
    if (c !== '$') {
      out += c
      i++
      continue
    }
    i++
    if (template[i] === '$') {
      out += '$'
      i++
      continue
    }
    let name: string
    if (template[i] === '{') {
      const end = template.indexOf('}', i)
      const inner = end < 0 ? '' : template.slice(i + 1, end)
      if (end < 0 || !/^[A-Za-z0-9_]+$/.test(inner)) {
        out += '$'
        continue
      }
      name = inner
      i = end + 1
    } else {
      const mm = /^[A-Za-z0-9_]+/.exec(template.slice(i))
      if (!mm) {
        out += '$'
        continue
      }
      name = mm[0]
      i += name.length
    }
    if (/^\d+$/.test(name)) {
      const g = m[Number(name)]
      if (Number(name) < m.length && g !== undefined) out += g
    } else {
      const g = m.groups?.[name]
      if (g !== undefined) out += g
    }
  }
  return out
}

/** Go regexp.QuoteMeta. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')
}

export const regexBuiltins: Record<string, BuiltinFn> = {
  'regex.is_valid': args => {
    if (typeof args[0] !== 'string') return false
    try {
      compileRE2(args[0])
      return true
    } catch {
      return false
    }
  },
  'regex.match': (args, ctx) => {
    const c = compileRE2(str(args, 0), ctx)
    return firstMatch(c, str(args, 1)) !== null
  },
  re_match: (args, ctx) => {
    const c = compileRE2(str(args, 0), ctx)
    return firstMatch(c, str(args, 1)) !== null
  },
  'regex.split': (args, ctx) => {
    const c = compileRE2(str(args, 0), ctx)
    const s = str(args, 1)
    if (str(args, 0) !== '' && s === '') return ['']
    const matches = findAll(c, s, -1)
    const out: string[] = []
    let beg = 0
    let end = 0
    for (const m of matches) {
      end = m.index
      if (m.index + m[0].length !== 0) out.push(s.slice(beg, end))
      beg = m.index + m[0].length
    }
    if (end !== s.length) out.push(s.slice(beg))
    return out
  },
  'regex.find_n': (args, ctx) => {
    const c = compileRE2(str(args, 0), ctx)
    const n = Number(int(args, 2))
    return findAll(c, str(args, 1), n).map(m => m[0])
  },
  'regex.find_all_string_submatch_n': (args, ctx) => {
    const c = compileRE2(str(args, 0), ctx)
    const n = Number(int(args, 2))
    return findAll(c, str(args, 1), n).map(m => [...m].map(g => g ?? ''))
  },
  'regex.replace': (args, ctx) => {
    const s = str(args, 0)
    const c = compileRE2(str(args, 1), ctx)
    const repl = str(args, 2)
    const matches = findAll(c, s, -1)
    let out = ''
    let last = 0
    for (const m of matches) {
      out += s.slice(last, m.index) + expand(repl, m)
      last = m.index + m[0].length
    }
    return out + s.slice(last)
  },
  'regex.template_match': (args, ctx) => {
    const tpl = str(args, 0)
    const value = str(args, 1)
    const ds = str(args, 2)
    const de = str(args, 3)
    if ([...ds].length !== 1 || [...de].length !== 1)
      throw fail('delimiters must be single characters')
    let pattern = ''
    let i: number
    let level = 0
    let segStart = 0
    // Like gorilla/mux: braces balance; text between delimiters is a regex, the rest literal.
    let idxStart = -1
    for (i = 0; i < tpl.length; i++) {
      const ch = tpl[i]
      if (ch === ds) {
        if (level === 0) {
          pattern += quoteMeta(tpl.slice(segStart, i))
          idxStart = i + 1
        }
        level++
      } else if (ch === de) {
        level--
        if (level === 0) {
          pattern += '(' + tpl.slice(idxStart, i) + ')'
          segStart = i + 1
        } else if (level < 0) throw fail(`unbalanced braces in ${JSON.stringify(tpl)}`)
      }
    }
    if (level !== 0) throw fail(`unbalanced braces in ${JSON.stringify(tpl)}`)
    pattern = '^' + pattern + quoteMeta(tpl.slice(segStart)) + '$'
    const c = compileRE2(pattern, ctx)
    return firstMatch(c, value) !== null
  },
  'regex.globs_match': args => globsMatch(str(args, 0), str(args, 1))
}

void RegoSet
export type { Value }
