/**
 * Structural checks that cut false positives without any network access: GitHub's and npm's
 * CRC32 token checksums, JWT header shape, base64 `user:password` pairs.
 */
import { crc32 } from 'node:zlib'
import type { ValidatorName } from './rules/types.js'
import { shannonEntropy } from './filters.js'

/** CRC-32 (IEEE), as GitHub and npm checksum their tokens: zlib's, over the ASCII token body. */
export { crc32 }

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

export function base62(n: number, width: number): string {
  let s = ''
  let v = n
  while (v > 0) {
    s = BASE62[v % 62] + s
    v = Math.floor(v / 62)
  }
  return s.padStart(width, '0')
}

/**
 * GitHub (ghp_, gho_, ghu_, ghs_, ghr_) and npm (npm_) tokens: 30 random base62 characters
 * followed by the base62 CRC32 of those 30 characters, padded to 6.
 */
export function hasValidTokenChecksum(token: string): boolean {
  const us = token.indexOf('_')
  const body = token.slice(us + 1)
  if (body.length !== 36) return false
  return base62(crc32(body.slice(0, 30)), 6) === body.slice(30)
}

function b64decode(s: string): string | undefined {
  const norm = s.replace(/-/g, '+').replace(/_/g, '/')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(norm)) return undefined
  return Buffer.from(norm, 'base64').toString('utf8')
}

function isJwt(token: string): boolean {
  const [header, payload] = token.split('.')
  try {
    const h = JSON.parse(b64decode(header) ?? '') as unknown
    if (typeof h !== 'object' || h === null || !('alg' in h)) return false
    const p = JSON.parse(b64decode(payload) ?? '') as unknown
    return typeof p === 'object' && p !== null
  } catch {
    return false
  }
}

const PLACEHOLDER_PASSWORD =
  /^(?:password|passwd|pass|pwd|secret|changeme|change_me|example|sample|test|dummy|placeholder|x+|\*+|\.+|-+|user(?:name)?|<[^>]*>|\[[^\]]*\]|\{[^}]*\}|%[^%]*%|\$.*|your[-_]?\w*|my[-_]?password|redacted|none|null|undefined|empty|default|admin|root|guest|foo|bar|baz|token|api[-_]?key)$/i

export function isPlaceholderPassword(p: string): boolean {
  return PLACEHOLDER_PASSWORD.test(p) || /^(.)\1+$/.test(p) || /\$\{|\{\{|%[A-Z_]+%/.test(p)
}

function basicAuthLooksReal(b64: string): boolean {
  const decoded = b64decode(b64)
  if (decoded === undefined) return false
  const i = decoded.indexOf(':')
  if (i <= 0 || i === decoded.length - 1) return false
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f\ufffd]/.test(decoded)) return false
  return !isPlaceholderPassword(decoded.slice(i + 1))
}

/** A base64 string that decodes to a JSON Web Token (as in a Kubernetes Secret or an env dump). */
function isBase64Jwt(b64: string): boolean {
  const decoded = b64decode(b64.replace(/=+$/, ''))
  if (decoded === undefined) return false
  const jwt = /^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/.exec(decoded)?.[0]
  return jwt !== undefined && isJwt(jwt)
}

/**
 * A password or Secret value that is not a placeholder, also behind base64: Kubernetes `data`
 * values and many `.env` dumps are base64, so `cGFzc3dvcmQ=` ("password") or
 * `JHtEQl9QQVNTV09SRH0=` ("${DB_PASSWORD}") must be recognised as the placeholders they encode.
 */
/** Certificates and public keys share Secrets with their private halves (tls.crt, ca.crt). */
function isPublicMaterial(value: string): boolean {
  const text = /^[A-Za-z0-9+/]+={0,2}$/.test(value)
    ? Buffer.from(value.slice(0, 64), 'base64').toString('latin1')
    : value
  return /^\s*(?:-----BEGIN (?:CERTIFICATE|PUBLIC KEY|X509 CRL)|ssh-(?:rsa|ed25519|dss) |ecdsa-sha2-)/.test(
    text
  )
}

function valueLooksReal(value: string): boolean {
  if (isPlaceholderPassword(value)) return false
  if (/^[A-Za-z0-9+/]{4,}={0,2}$/.test(value) && value.length % 4 === 0) {
    const decoded = Buffer.from(value, 'base64').toString('utf8')
    // eslint-disable-next-line no-control-regex
    if (!/[\x00-\x08\x0e-\x1f\x7f\ufffd]/.test(decoded)) {
      const text = decoded.trim()
      if (text.length < 4 || isPlaceholderPassword(text)) return false
      if (/\$\{|\{\{|<[^>]*>|example|changeme|replace[_-]?me|xxxx|redacted/i.test(text))
        return false
    }
  }
  return true
}

/** Hosts reserved for documentation (RFC 2606, RFC 6761): `https://abc:xyz@example.com`. */
const DOC_HOST = /(?:^|\.)(?:example\.(?:com|net|org)|example|test|invalid)$/i

/**
 * A URL's password: not a placeholder, and on a documentation host only when it looks generated
 * (manuals write `user:pass@example.com`; a planted or leaked secret is long and random).
 */
function urlPasswordLooksReal(password: string, match: string): boolean {
  if (!valueLooksReal(password)) return false
  const host = /@([\w.-]+)$/.exec(match)?.[1] ?? ''
  return !DOC_HOST.test(host) || (password.length >= 8 && shannonEntropy(password) >= 3)
}

/** `match` is the rule's whole match (some checks read the context of the secret). */
export function validate(name: ValidatorName, secret: string, match = secret): boolean {
  switch (name) {
    case 'url-password':
      return urlPasswordLooksReal(secret, match)
    case 'github-checksum': {
      const body = secret.slice(secret.indexOf('_') + 1)
      // Refresh tokens come in a longer form without a documented checksum.
      if (body.length !== 36) return true
      return hasValidTokenChecksum(secret)
    }
    case 'npm-checksum':
      return hasValidTokenChecksum(secret)
    case 'jwt':
      return isJwt(secret)
    case 'basic-auth-base64':
    case 'docker-auth':
      return basicAuthLooksReal(secret)
    case 'not-placeholder-password':
      return valueLooksReal(secret)
    case 'base64-key':
      return b64decode(secret) !== undefined
    case 'jwt-base64':
      return isBase64Jwt(secret)
    case 'kubernetes-secret-value':
      return valueLooksReal(secret) && !isPublicMaterial(secret)
  }
}
