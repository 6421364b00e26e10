/**
 * regex.globs_match: whether two "glob-regexes" (literals, `.`, `[...]` classes, `*`/`+` on the
 * preceding token, `\` escapes) can match a common string — an NFA product search.
 */
import { fail } from './args.js'

type Range = [number, number]
interface Tok {
  any: boolean
  ranges: Range[]
  star: boolean
}

function invalid(input: string, pos: number, msg: string): never {
  throw fail(`input:${input}, pos:${pos}, ${msg}: the input provided is invalid`)
}

function tokenize(input: string): Tok[] {
  const cps = [...input]
  const toks: Tok[] = []
  let i = 0
  while (i < cps.length) {
    const c = cps[i]
    let tok: Tok
    if (c === '*' || c === '+') {
      if (toks.length === 0 || toks[toks.length - 1].star)
        invalid(input, i + 1, `modifier '${c}' without preceding character`)
      const prev = toks[toks.length - 1]
      if (c === '*') prev.star = true
      else toks.push({ ...prev, star: true })
      i++
      continue
    }
    if (c === ']') invalid(input, i + 1, "set-close ']' with no preceding '['")
    if (c === '.') {
      tok = { any: true, ranges: [], star: false }
      i++
    } else if (c === '\\') {
      if (i + 1 >= cps.length) invalid(input, i + 1, "escape '\\' at end of input")
      const cp = cps[i + 1].codePointAt(0)!
      tok = { any: false, ranges: [[cp, cp]], star: false }
      i += 2
    } else if (c === '[') {
      const start = i
      i++
      const ranges: Range[] = []
      let closed = false
      while (i < cps.length) {
        let ch = cps[i]
        if (ch === ']') {
          closed = true
          i++
          break
        }
        if (ch === '[') invalid(input, i + 1, "set-open '[' inside a set")
        if (ch === '\\') {
          i++
          if (i >= cps.length) break
          ch = cps[i]
        }
        const lo = ch.codePointAt(0)!
        i++
        if (cps[i] === '-' && i + 1 < cps.length && cps[i + 1] !== ']') {
          let hiCh = cps[i + 1]
          i += 2
          if (hiCh === '\\') {
            hiCh = cps[i] ?? ''
            i++
          }
          const hi = hiCh.codePointAt(0) ?? lo
          if (hi < lo) invalid(input, i, 'invalid range in set')
          ranges.push([lo, hi])
        } else ranges.push([lo, lo])
      }
      if (!closed) invalid(input, start + 1, "set-open '[' with no closing ']'")
      if (ranges.length === 0) invalid(input, start + 1, 'empty set')
      tok = { any: false, ranges, star: false }
    } else {
      const cp = c.codePointAt(0)!
      tok = { any: false, ranges: [[cp, cp]], star: false }
      i++
    }
    toks.push(tok)
  }
  return toks
}

function overlap(a: Tok, b: Tok): boolean {
  if (a.any || b.any) return true
  for (const [l1, h1] of a.ranges)
    for (const [l2, h2] of b.ranges) if (l1 <= h2 && l2 <= h1) return true
  return false
}

export function globsMatch(g1: string, g2: string): boolean {
  const a = tokenize(g1)
  const b = tokenize(g2)
  const seen = new Set<number>()
  const W = b.length + 1
  const stack: [number, number][] = [[0, 0]]
  while (stack.length > 0) {
    const [i, j] = stack.pop()!
    const k = i * W + j
    if (seen.has(k)) continue
    seen.add(k)
    if (i === a.length && j === b.length) return true
    if (i < a.length && a[i].star) stack.push([i + 1, j])
    if (j < b.length && b[j].star) stack.push([i, j + 1])
    if (i < a.length && j < b.length && overlap(a[i], b[j])) {
      stack.push([a[i].star ? i : i + 1, b[j].star ? j : j + 1])
      if (a[i].star && !b[j].star) stack.push([i + 1, j + 1])
      if (b[j].star && !a[i].star) stack.push([i + 1, j + 1])
      if (a[i].star && b[j].star) {
        stack.push([i + 1, j])
        stack.push([i, j + 1])
      }
    }
  }
  return false
}
