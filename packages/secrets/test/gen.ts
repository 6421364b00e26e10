/**
 * Builds test secrets at run time from templates, so no literal in the repository looks like a
 * live credential (push protection) while every test still sees realistic values.
 *
 * `{hex:N}` `{HEX:N}` `{an:N}` (mixed alnum) `{AN:N}` (upper+digits) `{al:N}` (letters)
 * `{lc:N}` (lower+digits) `{b64:N}` `{url:N}` (base64url) `{d:N}` `{b32:N}` `{uuid}`
 * `{gh:PREFIX}` (valid GitHub/npm checksum) `{ghbad:PREFIX}` `{jwt}` `{pem:LABEL}` `{basic}`
 * `{age:N}` (bech32 upper)
 */
import { base62, crc32 } from '../src/validators.js'

export function rng(seed: string): () => number {
  let h = 1779033703 ^ seed.length
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353)
    h = (h << 13) | (h >>> 19)
  }
  let a = h >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SETS: Record<string, string> = {
  hex: '0123456789abcdef',
  HEX: '0123456789ABCDEF',
  an: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  AN: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  al: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  lc: 'abcdefghijklmnopqrstuvwxyz0123456789',
  b64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-',
  d: '0123456789',
  b32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  age: 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L',
  lb32: 'abcdefghijklmnopqrstuvwxyz234567'
}

export function randomFrom(r: () => number, set: string, n: number): string {
  let s = ''
  for (let i = 0; i < n; i++) s += set[Math.floor(r() * set.length)]
  return s
}

export function githubToken(r: () => number, prefix: string, valid = true): string {
  const body = randomFrom(r, SETS.an, 30)
  let sum = base62(crc32(body), 6)
  if (!valid) sum = sum.slice(0, 5) + (sum[5] === 'a' ? 'b' : 'a')
  return `${prefix}_${body}${sum}`
}

function b64url(s: string): string {
  return Buffer.from(s).toString('base64url')
}

export function jwt(r: () => number): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))
  const payload = b64url(
    JSON.stringify({ sub: randomFrom(r, SETS.d, 10), name: 'svc', iat: 1700000000 })
  )
  return `${header}.${payload}.${randomFrom(r, SETS.url, 43)}`
}

export function pemBlock(r: () => number, label: string, lines = 8): string {
  const body: string[] = []
  for (let i = 0; i < lines; i++) body.push(randomFrom(r, SETS.b64, 64))
  const dash = '-'.repeat(5)
  return `${dash}BEGIN ${label}${dash}\n${body.join('\n')}\n${dash}END ${label}${dash}`
}

export function expand(template: string, seed: string): string {
  const r = rng(seed)
  return template.replace(
    /\{([a-zA-Z0-9]+)(?::([^}]*))?\}/g,
    (whole, kind: string, arg?: string) => {
      if (kind === 'uuid') {
        const h = randomFrom(r, SETS.hex, 32)
        return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`
      }
      if (kind === 'gh') return githubToken(r, arg ?? 'ghp')
      if (kind === 'ghbad') return githubToken(r, arg ?? 'ghp', false)
      if (kind === 'jwt') return jwt(r)
      if (kind === 'pem') return pemBlock(r, arg ?? 'PRIVATE KEY')
      if (kind === 'basic')
        return Buffer.from(`deploy:${randomFrom(r, SETS.an, 16)}`).toString('base64')
      if (kind === 'lit') return arg ?? ''
      const set = SETS[kind]
      if (set === undefined) return whole
      return randomFrom(r, set, Number(arg))
    }
  )
}
