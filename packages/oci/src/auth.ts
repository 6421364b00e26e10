/** One `WWW-Authenticate` challenge: scheme (lower case) and its auth-params (keys lower case). */
export interface Challenge {
  scheme: string
  params: Record<string, string>
}

/**
 * Parses a `WWW-Authenticate` header (RFC 7235), e.g.
 * `Bearer realm="https://auth.example/token",service="registry",scope="repository:a/b:pull,push"`.
 * Quoted values may contain commas; several challenges may share one header.
 */
export function parseWwwAuthenticate(header: string): Challenge[] {
  const challenges: Challenge[] = []
  let i = 0
  const n = header.length
  const skipSpaces = (): void => {
    while (i < n && (header[i] === ' ' || header[i] === '\t')) i++
  }
  const readToken = (): string => {
    const start = i
    while (i < n && /[A-Za-z0-9!#$%&'*+.^_`|~-]/.test(header[i])) i++
    return header.slice(start, i)
  }
  let current: Challenge | undefined
  while (i < n) {
    skipSpaces()
    if (header[i] === ',') {
      i++
      continue
    }
    const token = readToken()
    if (token === '') {
      i++
      continue
    }
    skipSpaces()
    if (header[i] === '=' && current) {
      i++
      skipSpaces()
      let value = ''
      if (header[i] === '"') {
        i++
        while (i < n && header[i] !== '"') {
          if (header[i] === '\\' && i + 1 < n) i++
          value += header[i]
          i++
        }
        i++
      } else {
        const start = i
        while (i < n && header[i] !== ',') i++
        value = header.slice(start, i).trim()
      }
      current.params[token.toLowerCase()] = value
    } else {
      current = { scheme: token.toLowerCase(), params: {} }
      challenges.push(current)
      // token68 form (`Bearer abc==`) is not used by registries; ignore it.
    }
  }
  return challenges
}
