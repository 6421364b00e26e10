/** Rego tokenizer. Newlines are tokens: they separate expressions and rules. */
import { RegoError } from './errors.js'

export type TokKind = 'ident' | 'num' | 'str' | 'rawstr' | 'tmpl' | 'punct' | 'nl' | 'eof'

export interface TemplatePart {
  text?: string
  src?: string
  row: number
  col: number
}

export interface Token {
  kind: TokKind
  text: string
  /** decoded string value / template parts */
  value?: string
  parts?: TemplatePart[]
  row: number
  col: number
  /** whitespace (not newline) precedes the token */
  spaceBefore: boolean
}

const PUNCT3 = new Set([])
const PUNCT2 = new Set([':=', '==', '!=', '<=', '>='])
const PUNCT1 = new Set('{}[]().,;:=<>+-*/%&|'.split(''))

export interface Comment {
  row: number
  col: number
  text: string
}

export function lex(src: string, file: string, row0 = 1, col0 = 1, comments?: Comment[]): Token[] {
  const toks: Token[] = []
  let i = 0
  let row = row0
  let col = col0
  let space = false
  const err = (msg: string, r = row, c = col): never => {
    throw new RegoError('rego_parse_error', msg, { file, line: r, column: c })
  }
  const n = src.length
  void PUNCT3
  while (i < n) {
    const ch = src[i]
    if (ch === '\n') {
      toks.push({ kind: 'nl', text: '\n', row, col, spaceBefore: space })
      i++
      row++
      col = 1
      space = false
      continue
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++
      col++
      space = true
      continue
    }
    if (ch === '#') {
      const s0 = i
      while (i < n && src[i] !== '\n') i++
      if (comments) comments.push({ row, col, text: src.slice(s0 + 1, i) })
      col += i - s0
      continue
    }
    const startRow = row
    const startCol = col
    if (/[A-Za-z_]/.test(ch)) {
      let j = i + 1
      while (j < n && /[A-Za-z0-9_]/.test(src[j])) j++
      toks.push({ kind: 'ident', text: src.slice(i, j), row, col, spaceBefore: space })
      col += j - i
      i = j
      space = false
      continue
    }
    if (
      /[0-9]/.test(ch) ||
      (ch === '.' && /[0-9]/.test(src[i + 1] ?? '') && !prevIsTerm(toks, space))
    ) {
      const m = /^(?:0|[1-9][0-9]*)?(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(src.slice(i))
      let len = m ? m[0].length : 0
      if (len === 0) {
        // leading zeros etc.
        const m2 = /^[0-9]+/.exec(src.slice(i))!
        len = m2[0].length
        err('illegal number format')
      }
      const text = src.slice(i, i + len)
      if (/[A-Za-z_]/.test(src[i + len] ?? '')) err('illegal number format')
      toks.push({ kind: 'num', text, row, col, spaceBefore: space })
      i += len
      col += len
      space = false
      continue
    }
    if (ch === '"') {
      const [value, end] = readString(src, i, file, row, col)
      toks.push({ kind: 'str', text: src.slice(i, end), value, row, col, spaceBefore: space })
      col += end - i
      i = end
      space = false
      continue
    }
    if (ch === '`') {
      const end = src.indexOf('`', i + 1)
      if (end < 0) err('non-terminated raw string')
      const value = src.slice(i + 1, end)
      toks.push({
        kind: 'rawstr',
        text: src.slice(i, end + 1),
        value,
        row,
        col,
        spaceBefore: space
      })
      for (let k = i; k <= end; k++) {
        if (src[k] === '\n') {
          row++
          col = 1
        } else col++
      }
      i = end + 1
      space = false
      continue
    }
    if (ch === '$' && (src[i + 1] === '"' || src[i + 1] === '`')) {
      const raw = src[i + 1] === '`'
      const parts: TemplatePart[] = []
      let j = i + 2
      let r = row
      let c = col + 2
      let lit = ''
      let litRow = r
      let litCol = c
      const flush = (): void => {
        if (lit) parts.push({ text: lit, row: litRow, col: litCol })
        lit = ''
      }
      for (;;) {
        if (j >= n) err('non-terminated template string', startRow, startCol)
        const d = src[j]
        if ((!raw && d === '"') || (raw && d === '`')) {
          j++
          c++
          break
        }
        if (!raw && d === '\n') err('non-terminated template string', startRow, startCol)
        if (d === '\n') {
          lit += d
          j++
          r++
          c = 1
          continue
        }
        if (raw && d === '\\' && (src[j + 1] === '{' || src[j + 1] === '}')) {
          if (!lit) {
            litRow = r
            litCol = c
          }
          lit += src[j + 1]
          j += 2
          c += 2
          continue
        }
        if (!raw && d === '\\') {
          const e = src[j + 1]
          if (e === '{' || e === '}') {
            if (!lit) {
              litRow = r
              litCol = c
            }
            lit += e
            j += 2
            c += 2
            continue
          }
          const [s, end] = readEscape(src, j, file, r, c)
          if (!lit) {
            litRow = r
            litCol = c
          }
          lit += s
          c += end - j
          j = end
          continue
        }
        if (d === '{') {
          flush()
          // find matching brace, skipping strings
          let depth = 1
          let k = j + 1
          let kr = r
          let kc = c + 1
          while (k < n && depth > 0) {
            const e = src[k]
            if (e === '"') {
              const [, end] = readString(src, k, file, kr, kc)
              kc += end - k
              k = end
              continue
            }
            if (e === '`') {
              const end = src.indexOf('`', k + 1)
              if (end < 0) err('non-terminated raw string', kr, kc)
              kc += end + 1 - k
              k = end + 1
              continue
            }
            if (e === '{') depth++
            else if (e === '}') depth--
            else if (e === '\n') {
              kr++
              kc = 0
            }
            if (depth > 0) {
              k++
              kc++
            }
          }
          if (depth > 0) err('non-terminated template string', startRow, startCol)
          parts.push({ src: src.slice(j + 1, k), row: r, col: c + 1 })
          r = kr
          c = kc + 1
          j = k + 1
          litRow = r
          litCol = c
          continue
        }
        if (!lit) {
          litRow = r
          litCol = c
        }
        lit += d
        j++
        c++
      }
      flush()
      toks.push({ kind: 'tmpl', text: src.slice(i, j), parts, row, col, spaceBefore: space })
      i = j
      row = r
      col = c
      space = false
      continue
    }
    const two = src.slice(i, i + 2)
    if (PUNCT2.has(two)) {
      toks.push({ kind: 'punct', text: two, row, col, spaceBefore: space })
      i += 2
      col += 2
      space = false
      continue
    }
    if (PUNCT1.has(ch)) {
      toks.push({ kind: 'punct', text: ch, row, col, spaceBefore: space })
      i++
      col++
      space = false
      continue
    }
    err(`illegal token`)
  }
  toks.push({ kind: 'eof', text: '', row, col, spaceBefore: space })
  return toks
}

function prevIsTerm(toks: Token[], space: boolean): boolean {
  const p = toks[toks.length - 1]
  if (!p || space) return false
  return (
    p.kind === 'ident' ||
    p.kind === 'str' ||
    (p.kind === 'punct' && (p.text === ']' || p.text === ')' || p.text === '}'))
  )
}

function readEscape(
  src: string,
  i: number,
  file: string,
  row: number,
  col: number
): [string, number] {
  const e = src[i + 1]
  const simple: Record<string, string> = {
    '"': '"',
    '\\': '\\',
    '/': '/',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t'
  }
  if (e in simple) return [simple[e], i + 2]
  if (e === 'u') {
    const hex = src.slice(i + 2, i + 6)
    if (!/^[0-9a-fA-F]{4}$/.test(hex))
      throw new RegoError('rego_parse_error', 'illegal escape sequence', {
        file,
        line: row,
        column: col
      })
    let s = String.fromCharCode(parseInt(hex, 16))
    let end = i + 6
    // surrogate pair
    if (
      /^\\u[dD][c-fC-F][0-9a-fA-F]{2}$/.test(src.slice(end, end + 6)) &&
      /[\ud800-\udbff]/.test(s)
    ) {
      s += String.fromCharCode(parseInt(src.slice(end + 2, end + 6), 16))
      end += 6
    }
    return [s, end]
  }
  throw new RegoError('rego_parse_error', 'illegal escape sequence', {
    file,
    line: row,
    column: col
  })
}

function readString(
  src: string,
  i: number,
  file: string,
  row: number,
  col: number
): [string, number] {
  let j = i + 1
  let out = ''
  for (;;) {
    if (j >= src.length || src[j] === '\n')
      throw new RegoError('rego_parse_error', 'non-terminated string', {
        file,
        line: row,
        column: col
      })
    const d = src[j]
    if (d === '"') return [out, j + 1]
    if (d === '\\') {
      const [s, end] = readEscape(src, j, file, row, col)
      out += s
      j = end
      continue
    }
    out += d
    j++
  }
}
