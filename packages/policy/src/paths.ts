/**
 * Field paths as policies name them in their metadata: `spec.containers[0].image`,
 * `metadata.annotations["container.apparmor.security.beta.kubernetes.io/app"]`, or a JSON array
 * of segments (`["spec", "containers", 0, "image"]`).
 */
export type PathSegment = string | number

export function parseFieldPath(path: unknown): PathSegment[] | undefined {
  if (Array.isArray(path)) {
    const out: PathSegment[] = []
    for (const seg of path) {
      if (typeof seg === 'string' || (typeof seg === 'number' && Number.isInteger(seg)))
        out.push(seg)
      else return undefined
    }
    return out
  }
  if (typeof path !== 'string' || path === '') return undefined
  const out: PathSegment[] = []
  let i = 0
  let current = ''
  const flush = (): void => {
    if (current !== '') out.push(current)
    current = ''
  }
  while (i < path.length) {
    const ch = path[i]
    if (ch === '.') {
      flush()
      i++
    } else if (ch === '[') {
      flush()
      const close = findClose(path, i)
      if (close < 0) return undefined
      const inner = path.slice(i + 1, close).trim()
      if (/^\d+$/.test(inner)) out.push(Number(inner))
      else if (/^".*"$/.test(inner) || /^'.*'$/.test(inner)) out.push(inner.slice(1, -1))
      else if (inner !== '') out.push(inner)
      i = close + 1
    } else {
      current += ch
      i++
    }
  }
  flush()
  return out
}

function findClose(path: string, open: number): number {
  const quote = path[open + 1]
  if (quote === '"' || quote === "'") {
    const end = path.indexOf(quote, open + 2)
    if (end < 0) return -1
    return path.indexOf(']', end)
  }
  return path.indexOf(']', open)
}

/** `["spec", "containers", 0, "image"]` → `spec.containers[0].image`. */
export function formatFieldPath(path: readonly PathSegment[]): string {
  let out = ''
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`
    else out += `[${JSON.stringify(seg)}]`
  }
  return out
}
