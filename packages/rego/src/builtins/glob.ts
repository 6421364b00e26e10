/** glob.match / glob.quote_meta with gobwas/glob semantics (separators, **, ?, [..], {a,b}). */
import { RegoSet, typeName, type Value } from '../value.js'
import { fail, oneOfErr, str } from './args.js'
import type { BuiltinFn } from './types.js'
import { BuiltinTypeError } from './types.js'

const cache = new Map<string, RegExp>()

function escapeClass(ch: string): string {
  return /[\\\]^-]/.test(ch) ? '\\' + ch : ch
}
function escapeLit(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? '\\' + ch : ch
}

export function globToRegExp(pattern: string, delims: string[]): RegExp {
  const k = JSON.stringify([pattern, delims])
  const hit = cache.get(k)
  if (hit) return hit
  const sep = delims.map(escapeClass).join('')
  const notSep = sep ? `[^${sep}]` : '[\\s\\S]'
  const cps = [...pattern]
  let i = 0
  const parse = (inTerms: boolean): string => {
    let out = ''
    while (i < cps.length) {
      const c = cps[i]
      if (inTerms && (c === ',' || c === '}')) return out
      switch (c) {
        case '*':
          if (cps[i + 1] === '*') {
            while (cps[i] === '*') i++
            out += '[\\s\\S]*'
          } else {
            i++
            out += notSep + '*'
          }
          break
        case '?':
          i++
          out += notSep
          break
        case '\\':
          if (i + 1 >= cps.length) throw fail('unexpected end of input')
          out += escapeLit(cps[i + 1])
          i += 2
          break
        case '[': {
          i++
          let neg = false
          if (cps[i] === '!') {
            neg = true
            i++
          }
          let body = ''
          let closed = false
          while (i < cps.length) {
            if (cps[i] === ']') {
              closed = true
              i++
              break
            }
            let lo = cps[i++]
            if (lo === '\\') lo = cps[i++] ?? ''
            if (cps[i] === '-' && cps[i + 1] !== undefined && cps[i + 1] !== ']') {
              const hi = cps[i + 1]
              i += 2
              if (hi.codePointAt(0)! < lo.codePointAt(0)!) throw fail('unexpected range')
              body += `${escapeClass(lo)}-${escapeClass(hi)}`
            } else body += escapeClass(lo)
          }
          if (!closed) throw fail('unexpected end of input')
          out += neg ? `[^${body}]` : `[${body}]`
          break
        }
        case '{': {
          i++
          const alts: string[] = []
          for (;;) {
            alts.push(parse(true))
            if (i >= cps.length) throw fail('unexpected end of input')
            if (cps[i] === '}') {
              i++
              break
            }
            i++ // ','
          }
          out += `(?:${alts.join('|')})`
          break
        }
        default:
          out += escapeLit(c)
          i++
      }
    }
    if (inTerms) throw fail('unexpected end of input')
    return out
  }
  const re = new RegExp(`^(?:${parse(false)})$`, 'u')
  if (cache.size > 2000) cache.clear()
  cache.set(k, re)
  return re
}

export const globBuiltins: Record<string, BuiltinFn> = {
  'glob.match': args => {
    const pattern = str(args, 0)
    const d = args[1]
    let delims: string[]
    if (d === null) delims = []
    else if (Array.isArray(d)) {
      delims = d.map(x => {
        if (typeof x !== 'string')
          throw new BuiltinTypeError(
            `operand 2 must be array of strings but got array containing ${typeName(x)}`
          )
        return x
      })
      if (delims.length === 0) delims = ['.']
      delims = delims.flatMap(x => [...x])
    } else throw oneOfErr(2, ['array', 'null'], d)
    const s = str(args, 2)
    return globToRegExp(pattern, delims).test(s)
  },
  'glob.quote_meta': args => str(args, 0).replace(/[*?\\[\]{}]/g, '\\$&')
}
void RegoSet
export type { Value }
