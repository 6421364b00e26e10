/** uri.parse / uri.is_valid with Go net/url.Parse semantics. */
import { RegoObject } from '../value.js'
import { fail, str } from './args.js'
import type { BuiltinFn } from './types.js'

type Mode = 'path' | 'host' | 'fragment' | 'userinfo'

function shouldEscape(c: string, mode: Mode): boolean {
  if (/[A-Za-z0-9]/.test(c)) return false
  if (mode === 'host') return !/[-_.~!$&'()*+,;=:[\]<>"]/.test(c)
  if ('-_.~'.includes(c)) return false
  if ('$&+,/:;=?@'.includes(c)) {
    if (mode === 'path') return c === '?'
    if (mode === 'userinfo') return c === '@' || c === '/' || c === '?' || c === ':'
    return false
  }
  if (mode === 'fragment') return !'!()*'.includes(c)
  return true
}

class URLError extends Error {}

function unescape(s: string, mode: Mode): string {
  const bytes: number[] = []
  for (let i = 0; i < s.length;) {
    const c = s[i]
    if (c === '%') {
      const h = s.slice(i + 1, i + 3)
      if (!/^[0-9a-fA-F]{2}$/.test(h))
        throw new URLError(`invalid URL escape ${JSON.stringify(s.slice(i, i + 3))}`)
      if (mode === 'host' && parseInt(h[0], 16) < 8 && s.slice(i, i + 3) !== '%25')
        throw new URLError(`invalid URL escape ${JSON.stringify(s.slice(i, i + 3))}`)
      bytes.push(parseInt(h, 16))
      i += 3
      continue
    }
    if (mode === 'host' && c.charCodeAt(0) < 0x80 && shouldEscape(c, mode))
      throw new URLError(`invalid character ${JSON.stringify(c)} in host name`)
    const cp = s.codePointAt(i)!
    for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8')) bytes.push(b)
    i += cp > 0xffff ? 2 : 1
  }
  return Buffer.from(bytes).toString('utf8')
}

function escape(s: string, mode: Mode): string {
  let out = ''
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b)
    out +=
      b < 0x80 && !shouldEscape(c, mode) ? c : '%' + b.toString(16).toUpperCase().padStart(2, '0')
  }
  return out
}

function validUserinfo(s: string): boolean {
  return /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(s)
}

interface URLParts {
  scheme: string
  host: string
  path: string
  rawPath: string
  fragment: string
  opaque: string
  rawQuery: string
}

function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']')
    if (i < 0) throw new URLError("missing ']' in host")
    const colonPort = host.slice(i + 1)
    if (colonPort !== '' && !/^:[0-9]*$/.test(colonPort))
      throw new URLError(`invalid port ${JSON.stringify(colonPort)} after host`)
    return unescape(host, 'host')
  }
  const i = host.lastIndexOf(':')
  if (i >= 0) {
    const colonPort = host.slice(i)
    if (!/^:[0-9]*$/.test(colonPort))
      throw new URLError(`invalid port ${JSON.stringify(colonPort)} after host`)
  }
  return unescape(host, 'host')
}

export function parseURL(raw: string): URLParts {
  const u: URLParts = {
    scheme: '',
    host: '',
    path: '',
    rawPath: '',
    fragment: '',
    opaque: '',
    rawQuery: ''
  }
  let rest = raw
  const hash = rest.indexOf('#')
  if (hash >= 0) {
    u.fragment = unescape(rest.slice(hash + 1), 'fragment')
    rest = rest.slice(0, hash)
  }
  if ([...rest].some(ch => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f))
    throw new URLError('net/url: invalid control character in URL')
  const sm = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(rest)
  if (sm) {
    u.scheme = sm[1].toLowerCase()
    rest = rest.slice(sm[0].length)
  } else if (/^[^/?]*:/.test(rest) && !rest.startsWith('/')) {
    if (rest.startsWith(':')) throw new URLError('missing protocol scheme')
    throw new URLError('first path segment in URL cannot contain colon')
  }
  const q = rest.indexOf('?')
  if (q >= 0) {
    u.rawQuery = rest.slice(q + 1)
    rest = rest.slice(0, q)
  }
  if (!rest.startsWith('/') && u.scheme !== '') {
    u.opaque = rest
    return u
  }
  if (rest.startsWith('//')) {
    const end = rest.indexOf('/', 2)
    const authority = end < 0 ? rest.slice(2) : rest.slice(2, end)
    rest = end < 0 ? '' : rest.slice(end)
    const at = authority.lastIndexOf('@')
    let host = authority
    if (at >= 0) {
      const userinfo = authority.slice(0, at)
      if (!validUserinfo(userinfo)) throw new URLError('net/url: invalid userinfo')
      host = authority.slice(at + 1)
    }
    u.host = parseHost(host)
  }
  u.path = unescape(rest, 'path')
  u.rawPath = escape(u.path, 'path') === rest ? '' : rest
  return u
}

function hostnamePort(host: string): [string, string] {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']')
    const hn = host.slice(1, i)
    const rest = host.slice(i + 1)
    return [hn, rest.startsWith(':') ? rest.slice(1) : '']
  }
  const i = host.lastIndexOf(':')
  return i >= 0 ? [host.slice(0, i), host.slice(i + 1)] : [host, '']
}

export const uriBuiltins: Record<string, BuiltinFn> = {
  'uri.parse': args => {
    const s = str(args, 0)
    let u: URLParts
    try {
      u = parseURL(s)
    } catch (e) {
      if (e instanceof URLError) throw fail(`parse ${JSON.stringify(s)}: ${e.message}`)
      throw e
    }
    const out = new RegoObject()
    const [hostname, port] = hostnamePort(u.host)
    if (u.scheme) out.set('scheme', u.scheme)
    if (hostname) out.set('hostname', hostname)
    if (port) out.set('port', port)
    if (u.path) out.set('path', u.path)
    const rp = u.rawPath || u.path
    if (rp) out.set('raw_path', rp)
    if (u.rawQuery) out.set('raw_query', u.rawQuery)
    if (u.fragment) out.set('fragment', u.fragment)
    return out
  },
  'uri.is_valid': args => {
    if (typeof args[0] !== 'string' || args[0] === '') return false
    try {
      parseURL(args[0])
      return true
    } catch {
      return false
    }
  }
}
