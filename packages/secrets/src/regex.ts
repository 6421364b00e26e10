import { expandCaseInsensitiveGroups } from './caseless.js'

/**
 * Translates the Go RE2 syntax used in .gitleaks.toml into a JavaScript RegExp: leading and
 * inline flag groups, named groups, \A and \z, POSIX classes, \Q…\E.
 */

const POSIX: Record<string, string> = {
  alnum: 'A-Za-z0-9',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: ' \\t\\n\\r\\f\\v',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: '0-9A-Fa-f'
}

export interface TranslatedRegex {
  source: string
  flags: string
}

export function translateGoRegex(input: string): TranslatedRegex {
  let src = input
  let flags = ''
  // Leading global flags, e.g. (?i) or (?is).
  const lead = /^\(\?([imsU]+)\)/.exec(src)
  if (lead) {
    for (const f of lead[1]) if (f !== 'U' && !flags.includes(f)) flags += f
    src = src.slice(lead[0].length)
  }
  let out = ''
  // Stack of parenthesis depths at which an inline `(?flags)` group must be closed.
  const pendingClose: { depth: number; flags: string }[] = []
  let depth = 0
  let inClass = false
  for (let i = 0; i < src.length; i++) {
    const c = src[i]
    if (c === '\\') {
      const n = src[i + 1]
      if (n === 'Q') {
        const end = src.indexOf('\\E', i + 2)
        const lit = src.slice(i + 2, end === -1 ? src.length : end)
        out += lit.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
        i = end === -1 ? src.length : end + 1
        continue
      }
      if (!inClass && n === 'A') {
        out += '(?<![\\s\\S])'
        i++
        continue
      }
      if (!inClass && n === 'z') {
        out += '(?![\\s\\S])'
        i++
        continue
      }
      out += c + (n ?? '')
      i++
      continue
    }
    if (inClass) {
      if (c === '[' && src[i + 1] === ':') {
        const end = src.indexOf(':]', i + 2)
        const name = end === -1 ? '' : src.slice(i + 2, end)
        if (POSIX[name] !== undefined) {
          out += POSIX[name]
          i = end + 1
          continue
        }
      }
      if (c === ']') inClass = false
      out += c
      continue
    }
    if (c === '[') {
      inClass = true
      out += c
      if (src[i + 1] === '^') {
        out += '^'
        i++
      }
      if (src[i + 1] === ']') {
        out += '\\]'
        i++
      }
      continue
    }
    if (c === '(') {
      const inline = /^\(\?([imsU-]+)\)/.exec(src.slice(i))
      if (inline) {
        const fl = inline[1].replace(/U/g, '')
        if (fl.replace('-', '').length > 0) {
          out += `(?${fl}:`
          pendingClose.push({ depth, flags: fl })
        }
        i += inline[0].length - 1
        continue
      }
      if (src.startsWith('(?P<', i)) {
        out += '(?<'
        i += 3
        depth++
        continue
      }
      depth++
      out += c
      continue
    }
    if (c === ')') {
      while (pendingClose.length > 0 && pendingClose[pendingClose.length - 1].depth === depth) {
        out += ')'
        pendingClose.pop()
      }
      depth--
      out += c
      continue
    }
    if (c === '|') {
      // Inline flags carry on past an alternation to the end of the group: close and reopen.
      const open = pendingClose.filter(p => p.depth === depth)
      out += ')'.repeat(open.length) + c + open.map(p => `(?${p.flags}:`).join('')
      continue
    }
    out += c
  }
  while (pendingClose.length > 0) {
    out += ')'
    pendingClose.pop()
  }
  return { source: out, flags }
}

/** Compiles a Go-syntax regex; throws the JavaScript SyntaxError when it cannot. */
export function compileGoRegex(input: string, extraFlags = ''): RegExp {
  const translated = translateGoRegex(input)
  const source = expandCaseInsensitiveGroups(translated.source)
  const flags = translated.flags
  const all = [...new Set((flags + extraFlags).split(''))].join('')
  if (/\\p\{?[A-Za-z]/.test(source)) {
    try {
      return new RegExp(source, all + 'u')
    } catch {
      // fall through to the non-Unicode form
    }
  }
  return new RegExp(source, all)
}
