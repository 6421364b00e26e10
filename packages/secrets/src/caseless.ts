/**
 * Rewrites `(?i:...)` modifier groups (V8 12.5+, Node 24) into plain groups whose letters are
 * case classes (`[aA]`), so every rule also compiles on older engines and stays ASCII-only.
 */

function isLetter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

function other(c: string): string {
  return c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()
}

/** Length of the escape sequence starting at `i` (a backslash). */
function escapeLength(src: string, i: number): number {
  const n = src[i + 1]
  if (n === 'x') return 4
  if (n === 'u') return src[i + 2] === '{' ? src.indexOf('}', i) - i + 1 : 6
  if (n === 'c') return 3
  if ((n === 'p' || n === 'P') && src[i + 2] === '{') return src.indexOf('}', i) - i + 1
  if (n === 'k' && src[i + 2] === '<') return src.indexOf('>', i) - i + 1
  return 2
}

function caselessClass(body: string): string {
  let out = ''
  for (let i = 0; i < body.length; i++) {
    const c = body[i]
    if (c === '\\') {
      const len = escapeLength(body, i)
      out += body.slice(i, i + len)
      i += len - 1
      continue
    }
    if (isLetter(c) && body[i + 1] === '-' && i + 2 < body.length && isLetter(body[i + 2])) {
      const to = body[i + 2]
      out += `${c}-${to}${other(c)}-${other(to)}`
      i += 2
      continue
    }
    out += c
    if (isLetter(c)) out += other(c)
  }
  return out
}

export function expandCaseInsensitiveGroups(src: string): string {
  if (!src.includes('(?i:')) return src
  let out = ''
  const stack: boolean[] = []
  let ci = false
  for (let i = 0; i < src.length; i++) {
    const c = src[i]
    if (c === '\\') {
      const len = escapeLength(src, i)
      out += src.slice(i, i + len)
      i += len - 1
      continue
    }
    if (c === '[') {
      let j = i + 1
      if (src[j] === '^') j++
      if (src[j] === ']') j++
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? escapeLength(src, j) : 1
      const body = src.slice(i + 1, j)
      out += ci ? `[${caselessClass(body)}]` : `[${body}]`
      i = j
      continue
    }
    if (c === '(') {
      stack.push(ci)
      if (src.startsWith('(?i:', i)) {
        ci = true
        out += '(?:'
        i += 3
        continue
      }
      const named = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(src.slice(i, i + 64))
      if (named) {
        out += named[0]
        i += named[0].length - 1
        continue
      }
      const head = /^\(\?(?:[:=!]|<[=!]|([ims]*)(?:-([ims]*))?:)/.exec(src.slice(i, i + 8))
      if (head) {
        // A modifier group such as (?-i:…) or (?is:…) switches case folding for its body; the
        // group itself stays for the engine to apply (it is a no-op without the i flag).
        if (head[1]?.includes('i')) ci = true
        if (head[2]?.includes('i')) ci = false
        out += head[0]
        i += head[0].length - 1
        continue
      }
      out += c
      continue
    }
    if (c === ')') {
      ci = stack.pop() ?? false
      out += c
      continue
    }
    out += ci && isLetter(c) ? `[${c}${other(c)}]` : c
  }
  return out
}
