/**
 * Go RE2 syntax → JavaScript RegExp, rejecting what RE2 rejects (lookaround, backreferences,
 * possessive/nested repetition) with Go's error messages. Shared by the Rego `regex.*` builtins
 * and the secret scanner's `.gitleaks.toml` rules.
 */

/** An RE2 syntax error; `message` is exactly Go's `error parsing regexp: <code>: `<expr>``. */
export class Re2SyntaxError extends Error {
  /** Go's error code text, e.g. `invalid escape sequence`. */
  readonly reason: string
  /** The offending part of the expression. */
  readonly expr: string

  constructor(reason: string, expr: string) {
    super(`error parsing regexp: ${reason}: \`${expr}\``)
    this.name = 'Re2SyntaxError'
    this.reason = reason
    this.expr = expr
  }
}

export interface Re2Options {
  /**
   * `always` (default): the output uses the `u` flag. `auto`: the `u` flag is added only when
   * the output needs it (`\p{…}`, `\u{…}` or characters beyond the BMP); otherwise the source
   * is valid, with the same meaning, without it.
   */
  unicode?: 'always' | 'auto'
  /**
   * A leading `(?i…)` becomes the JavaScript `i` flag instead of a `(?i:…)` modifier group
   * around the whole expression.
   */
  hoistCaseInsensitive?: boolean
}

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f'
}

/** The code point ranges of each POSIX class (ASCII only, as in RE2). */
const POSIX_RANGES: Record<string, [number, number][]> = {
  alnum: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x61, 0x7a]
  ],
  alpha: [
    [0x41, 0x5a],
    [0x61, 0x7a]
  ],
  ascii: [[0x00, 0x7f]],
  blank: [
    [0x09, 0x09],
    [0x20, 0x20]
  ],
  cntrl: [
    [0x00, 0x1f],
    [0x7f, 0x7f]
  ],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [
    [0x21, 0x2f],
    [0x3a, 0x40],
    [0x5b, 0x60],
    [0x7b, 0x7e]
  ],
  space: [
    [0x09, 0x0d],
    [0x20, 0x20]
  ],
  upper: [[0x41, 0x5a]],
  word: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x5f, 0x5f],
    [0x61, 0x7a]
  ],
  xdigit: [
    [0x30, 0x39],
    [0x41, 0x46],
    [0x61, 0x66]
  ]
}

/**
 * Stands for the highest code point in a translated class until the flags are known: U+10FFFF
 * with the `u` flag, U+FFFF without (where `[^…]` also stops at UTF-16 units). A pair of high
 * surrogates never occurs in a pattern read from text.
 */
const MAX_CP = '\udbff\udbff'

/** Ranges of a negated POSIX class (`[[:^alpha:]]`), for use inside a JS class. */
function posixComplement(name: string): string {
  let out = ''
  let next = 0
  for (const [lo, hi] of POSIX_RANGES[name]) {
    if (lo > next) out += lo - 1 > next ? `${hexCp(next)}-${hexCp(lo - 1)}` : hexCp(next)
    next = hi + 1
  }
  return `${out}${hexCp(next)}-${MAX_CP}`
}

const PERL_CLASS: Record<string, string> = { d: '0-9', w: '0-9A-Za-z_', s: '\\t\\n\\f\\r ' }

// Characters needing an escape inside a JS class with the u flag (`\-` is allowed there).
const CLASS_SPECIAL = new Set(['\\', ']', '[', '^', '-'])
const SYNTAX = new Set(['^', '$', '\\', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '/'])

function err(code: string, arg: string): never {
  throw new Re2SyntaxError(code, arg)
}

/**
 * A literal character outside a class. With the `u` flag JavaScript accepts an identity escape
 * only for its syntax characters and `/`; every other punctuation character (`-`, `'`, `#`, `~`,
 * ...) that RE2 lets you escape must be written bare.
 */
function escLiteral(ch: string): string {
  return SYNTAX.has(ch) ? '\\' + ch : ch
}

function escClassChar(ch: string): string {
  return CLASS_SPECIAL.has(ch) ? '\\' + ch : ch
}

function hexCp(cp: number): string {
  return cp > 0xffff ? `\\u{${cp.toString(16)}}` : '\\u' + cp.toString(16).padStart(4, '0')
}

interface Flags {
  i: boolean
  m: boolean
  s: boolean
  U: boolean
}

export interface Re2Translated {
  source: string
  /** JavaScript flags the source needs: `u` and/or `i` (never `g`, `m` or `s`). */
  flags: string
  groupNames: (string | undefined)[]
}

function unicodeClass(name: string, neg: boolean, inClass: boolean): string {
  if (name === 'Any') return inClass ? '\\s\\S' : neg ? '[^\\s\\S]' : '[\\s\\S]'
  const general =
    /^(L|Lu|Ll|Lt|Lm|Lo|M|Mn|Mc|Me|N|Nd|Nl|No|P|Pc|Pd|Ps|Pe|Pi|Pf|Po|S|Sm|Sc|Sk|So|Z|Zs|Zl|Zp|C|Cc|Cf|Cs|Co|Cn)$/.test(
      name
    )
  const prop = general ? name : `Script=${name}`
  try {
    new RegExp(`\\p{${prop}}`, 'u')
  } catch {
    err('invalid character class range', `\\p{${name}}`)
  }
  return `\\${neg ? 'P' : 'p'}{${prop}}`
}

/** Translate an RE2 pattern. Throws Re2SyntaxError with Go's message on invalid syntax. */
export function translateRE2(pattern: string, options: Re2Options = {}): Re2Translated {
  const cps = [...pattern]
  let i = 0
  const groupNames: (string | undefined)[] = []
  const flagStack: Flags[] = []
  let flags: Flags = { i: false, m: false, s: false, U: false }
  let out = ''
  let depth = 0
  // whether the previous item can take a repetition operator, and whether it already had one
  let canRepeat = false
  let lastWasRepeat = false
  const openParens: number[] = []
  // per open group: how many `(?i:` modifier groups were opened by a bare `(?i)` inside it
  const extraClose: number[] = [0]
  // a leading `(?i)` hoisted into the JavaScript `i` flag
  let hoistedI = false

  const readEscape = (inClass: boolean): string => {
    // at cps[i] === '\\'
    const c = cps[i + 1]
    if (c === undefined) err('trailing backslash at end of expression', '')
    i += 2
    switch (c) {
      case 'a':
        return '\\x07'
      case 'f':
        return '\\f'
      case 't':
        return '\\t'
      case 'n':
        return '\\n'
      case 'r':
        return '\\r'
      case 'v':
        return '\\v'
      case 'x': {
        if (cps[i] === '{') {
          const end = cps.indexOf('}', i)
          if (end < 0) err('invalid escape sequence', '\\x{')
          const hex = cps.slice(i + 1, end).join('')
          if (!/^[0-9a-fA-F]+$/.test(hex) || parseInt(hex, 16) > 0x10ffff)
            err('invalid escape sequence', `\\x{${hex}}`)
          i = end + 1
          return hexCp(parseInt(hex, 16))
        }
        const hex = (cps[i] ?? '') + (cps[i + 1] ?? '')
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) err('invalid escape sequence', '\\x' + hex)
        i += 2
        return hexCp(parseInt(hex, 16))
      }
      case 'd':
      case 'w':
      case 's':
        return inClass ? PERL_CLASS[c] : `[${PERL_CLASS[c]}]`
      case 'D':
      case 'W':
      case 'S':
        if (inClass) return `\\${c}`
        return `[^${PERL_CLASS[c.toLowerCase()]}]`
      case 'p':
      case 'P': {
        let name: string
        if (cps[i] === '{') {
          const end = cps.indexOf('}', i)
          if (end < 0) err('invalid character class range', '\\' + c + '{')
          name = cps.slice(i + 1, end).join('')
          i = end + 1
        } else {
          name = cps[i] ?? ''
          i++
        }
        let neg = c === 'P'
        if (name.startsWith('^')) {
          neg = !neg
          name = name.slice(1)
        }
        return unicodeClass(name, neg, inClass)
      }
      case 'b':
      case 'B':
        if (inClass) err('invalid escape sequence', '\\' + c)
        return '\\' + c
      case 'A':
        if (inClass) err('invalid escape sequence', '\\A')
        return '^'
      case 'z':
        if (inClass) err('invalid escape sequence', '\\z')
        return '$'
      case 'Q': {
        const rest = cps.slice(i).join('')
        const end = rest.indexOf('\\E')
        const lit = end < 0 ? rest : rest.slice(0, end)
        i += [...(end < 0 ? rest : rest.slice(0, end + 2))].length
        return [...lit].map(ch => (inClass ? escClassChar(ch) : escLiteral(ch))).join('')
      }
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7': {
        // Octal escapes \0, \012 ...; \1-\9 alone are backreferences, which RE2 rejects.
        if (c !== '0' && !/[0-7]/.test(cps[i] ?? '')) err('invalid escape sequence', '\\' + c)
        let oct = c
        while (oct.length < 3 && /[0-7]/.test(cps[i] ?? '')) oct += cps[i++]
        return hexCp(parseInt(oct, 8))
      }
      default:
        if (/[A-Za-z0-9]/.test(c)) err('invalid escape sequence', '\\' + c)
        return inClass ? escClassChar(c) : escLiteral(c)
    }
  }

  const readClass = (): string => {
    // at '['
    const start = i
    i++
    let neg = false
    if (cps[i] === '^') {
      neg = true
      i++
    }
    let body = ''
    let first = true
    for (;;) {
      const c = cps[i]
      if (c === undefined) err('missing closing ]', cps.slice(start).join(''))
      if (c === ']' && !first) {
        i++
        break
      }
      first = false
      if (c === '[' && cps[i + 1] === ':') {
        const end = cps.indexOf(']', i + 2)
        const m = end > 0 ? /^\[:(\^?)([a-z]+):\]$/.exec(cps.slice(i, end + 1).join('')) : null
        if (m) {
          const cls = POSIX[m[2]]
          if (!cls) err('invalid character class range', cps.slice(i, end + 1).join(''))
          // A negated class is the complement of its ranges (RE2's classes are ASCII-only, so
          // JavaScript's \\S, which also excludes Unicode spaces, would not do).
          if (m[1]) body += posixComplement(m[2])
          else body += cls
          i = end + 1
          continue
        }
      }
      let lo: string
      if (c === '\\') lo = readEscape(true)
      else {
        lo = escClassChar(c)
        i++
      }
      if (cps[i] === '-' && cps[i + 1] !== ']' && cps[i + 1] !== undefined) {
        i++
        let hi: string
        if (cps[i] === '\\') hi = readEscape(true)
        else {
          hi = escClassChar(cps[i])
          i++
        }
        const cpOf = (s: string): number => {
          if (s.startsWith('\\u{')) return parseInt(s.slice(3, -1), 16)
          if (s.startsWith('\\u')) return parseInt(s.slice(2), 16)
          if (s.startsWith('\\x')) return parseInt(s.slice(2), 16)
          if (s.length > 1 && s.startsWith('\\')) return s.codePointAt(1)!
          return s.codePointAt(0)!
        }
        if (cpOf(hi) < cpOf(lo)) err('invalid character class range', `${lo}-${hi}`)
        body += `${lo}-${hi}`
      } else body += lo
    }
    if (body === '' && !neg) return '[]'
    return `[${neg ? '^' : ''}${body}]`
  }

  while (i < cps.length) {
    const c = cps[i]
    switch (c) {
      case '\\': {
        const e = readEscape(false)
        out += e
        canRepeat = !/^\\[bB]$|^\(\?<?[!=]|^[$^]$/.test(e)
        lastWasRepeat = false
        continue
      }
      case '[':
        out += readClass()
        canRepeat = true
        lastWasRepeat = false
        continue
      case '(': {
        if (cps[i + 1] === '?') {
          const rest = cps.slice(i + 2).join('')
          if (
            rest.startsWith('=') ||
            rest.startsWith('!') ||
            rest.startsWith('<=') ||
            rest.startsWith('<!')
          )
            err('invalid or unsupported Perl syntax', '(?' + rest.slice(0, rest[0] === '<' ? 2 : 1))
          const named = /^P?<([A-Za-z0-9_]+)>/.exec(rest)
          if (named) {
            groupNames.push(named[1])
            flagStack.push({ ...flags })
            openParens.push(out.length)
            extraClose.push(0)
            out += `(?<${named[1]}>`
            i += 2 + named[0].length
            depth++
            canRepeat = false
            lastWasRepeat = false
            continue
          }
          const fm = /^([imsU]*)(?:-([imsU]*))?([:)])/.exec(rest)
          if (!fm) err('invalid or unsupported Perl syntax', '(?' + (rest[0] ?? ''))
          const nf = { ...flags }
          for (const f of fm[1]) nf[f as keyof Flags] = true
          for (const f of fm[2] ?? '') nf[f as keyof Flags] = false
          i += 2 + fm[0].length
          if (fm[3] === ')') {
            if (options.hoistCaseInsensitive && out === '' && depth === 0 && nf.i && !flags.i) {
              hoistedI = true
            } else if (nf.i !== flags.i) {
              out += nf.i ? '(?i:' : '(?-i:'
              extraClose[extraClose.length - 1]++
            }
            flags = nf
            canRepeat = false
            lastWasRepeat = false
            continue
          }
          flagStack.push({ ...flags })
          flags = nf
          openParens.push(out.length)
          extraClose.push(0)
          out += nf.i !== flagStack[flagStack.length - 1].i ? `(?${nf.i ? 'i' : '-i'}:` : '(?:'
          depth++
          canRepeat = false
          lastWasRepeat = false
          continue
        }
        groupNames.push(undefined)
        flagStack.push({ ...flags })
        openParens.push(out.length)
        extraClose.push(0)
        out += '('
        i++
        depth++
        canRepeat = false
        lastWasRepeat = false
        continue
      }
      case ')':
        if (depth === 0) err('unexpected )', pattern)
        depth--
        openParens.pop()
        flags = flagStack.pop()!
        out += ')'.repeat(extraClose.pop()! + 1)
        i++
        canRepeat = true
        lastWasRepeat = false
        continue
      case '*':
      case '+':
      case '?': {
        if (lastWasRepeat)
          err('invalid nested repetition operator', cps.slice(i - 1, i + 1).join(''))
        if (!canRepeat) err('missing argument to repetition operator', c)
        i++
        let op = c
        const lazy = cps[i] === '?'
        if (lazy) i++
        if (flags.U !== lazy) op += '?'
        out += op
        lastWasRepeat = true
        continue
      }
      case '{': {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(cps.slice(i).join(''))
        if (!m) {
          out += '\\{'
          i++
          canRepeat = true
          lastWasRepeat = false
          continue
        }
        if (lastWasRepeat) err('invalid nested repetition operator', m[0])
        if (!canRepeat) err('missing argument to repetition operator', m[0])
        const lo = Number(m[1])
        const hi = m[3] ? Number(m[3]) : undefined
        if (lo > 1000 || (hi !== undefined && (hi > 1000 || hi < lo)))
          err('invalid repeat count', m[0])
        i += m[0].length
        let op = m[0]
        const lazy = cps[i] === '?'
        if (lazy) i++
        if (flags.U !== lazy) op += '?'
        out += op
        lastWasRepeat = true
        continue
      }
      case '.':
        out += flags.s ? '[\\s\\S]' : '[^\\n]'
        i++
        canRepeat = true
        lastWasRepeat = false
        continue
      case '^':
        out += flags.m ? '(?<=^|\\n)' : '^'
        i++
        canRepeat = false
        lastWasRepeat = false
        continue
      case '$':
        out += flags.m ? '(?=$|\\n)' : '$'
        i++
        canRepeat = false
        lastWasRepeat = false
        continue
      case '|': {
        const n = extraClose[extraClose.length - 1]
        out += ')'.repeat(n) + '|'
        if (n > 0) {
          out += flags.i ? '(?i:' : '(?-i:'
          extraClose[extraClose.length - 1] = 1
        }
        i++
        canRepeat = false
        lastWasRepeat = false
        continue
      }
      default:
        out += escLiteral(c)
        i++
        canRepeat = true
        lastWasRepeat = false
    }
  }
  if (depth > 0) err('missing closing )', pattern)
  out += ')'.repeat(extraClose[0])
  const unicode =
    options.unicode !== 'auto' || /\\[pP]\{|\\u\{/.test(out) || /[\u{10000}-\u{10ffff}]/u.test(out)
  const source = out.split(MAX_CP).join(unicode ? '\\u{10ffff}' : '\\uffff')
  return { source, flags: (unicode ? 'u' : '') + (hoistedI ? 'i' : ''), groupNames }
}
