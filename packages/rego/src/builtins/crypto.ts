/** crypto.* builtins: hashes, HMAC, X.509 certificates/CSRs and private keys (node:crypto). */
import {
  createHash,
  createHmac,
  createPrivateKey,
  timingSafeEqual,
  X509Certificate,
  type KeyObject
} from 'node:crypto'
import { RegoObject, type Value } from '../value.js'
import { fail, obj, str } from './args.js'
import { toValue } from './encoding.js'
import * as der from './der.js'
import type { BuiltinContext, BuiltinFn } from './types.js'

const hash =
  (alg: string): BuiltinFn =>
  args =>
    createHash(alg).update(str(args, 0), 'utf8').digest('hex')
const hmac =
  (alg: string): BuiltinFn =>
  args =>
    createHmac(alg, Buffer.from(str(args, 1), 'utf8'))
      .update(str(args, 0), 'utf8')
      .digest('hex')

export interface PemBlock {
  type: string
  bytes: Buffer
}

/** Go pem.Decode: the first block and the rest of the input. */
export function pemDecode(text: string): { block: PemBlock; rest: string } | undefined {
  const m = /-----BEGIN ([^-\r\n]*)-----\r?\n([\s\S]*?)-----END \1-----[ \t]*(?:\r?\n|$)/.exec(text)
  if (!m) return undefined
  const body = m[2]
    .split(/\r?\n/)
    .filter(l => !l.includes(':'))
    .join('')
    .replace(/\s/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 !== 0) return undefined
  return {
    block: { type: m[1], bytes: Buffer.from(body, 'base64') },
    rest: text.slice(m.index + m[0].length)
  }
}

export function pemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = []
  let rest = text
  for (;;) {
    const d = pemDecode(rest)
    if (!d) break
    out.push(d.block)
    rest = d.rest
  }
  return out
}

function b64Strict(s: string): Buffer {
  const clean = s.replace(/[\r\n]/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
    let i = 0
    while (i < clean.length && /[A-Za-z0-9+/]/.test(clean[i])) i++
    throw fail(`illegal base64 data at input byte ${i}`)
  }
  return Buffer.from(clean, 'base64')
}

/** Split concatenated DER certificates. */
function derSequence(b: Buffer, malformed: string): Buffer[] {
  const out: Buffer[] = []
  let p = 0
  while (p < b.length) {
    let n: der.Node
    try {
      n = der.parseDER(b, p)
    } catch {
      throw fail(malformed)
    }
    if (n.tag !== 16) throw fail(malformed)
    out.push(b.subarray(p, n.off + n.len))
    p = n.off + n.len
  }
  return out
}

/** OPA getX509CertsFromString: PEM, base64(PEM) or base64(DER). */
export function certsFromString(s: string): Buffer[] {
  if (s.startsWith('-----BEGIN'))
    return pemBlocks(s)
      .filter(b => b.type === 'CERTIFICATE')
      .map(b => b.bytes)
  const bytes = b64Strict(s)
  if (bytes.subarray(0, 10).toString('latin1') === '-----BEGIN')
    return pemBlocks(bytes.toString('latin1'))
      .filter(b => b.type === 'CERTIFICATE')
      .map(b => b.bytes)
  return derSequence(bytes, 'x509: malformed certificate')
}

function nameValue(n: der.Name): RegoObject {
  const o = new RegoObject()
  for (const f of [
    'Country',
    'Organization',
    'OrganizationalUnit',
    'Locality',
    'Province',
    'StreetAddress',
    'PostalCode'
  ]) {
    const v = n.fields[f]
    o.set(f, v ? v : null)
  }
  o.set('SerialNumber', n.serialNumber)
  o.set('CommonName', n.commonName)
  o.set(
    'Names',
    n.names.map(
      x =>
        new RegoObject([
          ['Type', x.oid.split('.').map(Number)],
          ['Value', x.value]
        ])
    )
  )
  o.set('ExtraNames', null)
  return o
}

const nullIfEmpty = (a: Value[]): Value => (a.length ? a : null)

/** A certificate as (a subset of) Go's x509.Certificate JSON. */
export function certValue(bytes: Buffer): RegoObject {
  let root: der.Node
  try {
    root = der.parseDER(bytes)
  } catch {
    throw fail('x509: malformed certificate')
  }
  const tbs = root.children?.[0]
  if (!tbs?.children) throw fail('x509: malformed certificate')
  let i = 0
  let version = 1
  if (tbs.children[0].cls === 2 && tbs.children[0].tag === 0) {
    version = Number(der.integer(tbs.children[0].children![0])) + 1
    i++
  }
  const serial = der.integer(tbs.children[i++])
  i++ // signature alg
  const issuer = der.parseName(tbs.children[i++])
  const validity = tbs.children[i++]
  const subject = der.parseName(tbs.children[i++])
  i++ // spki
  let san: der.SAN = { dns: [], email: [], uri: [], ip: [] }
  let isCA = false
  let keyUsage = 0
  for (; i < tbs.children.length; i++) {
    const c = tbs.children[i]
    if (c.cls === 2 && c.tag === 3) {
      for (const ext of c.children?.[0]?.children ?? []) {
        const id = der.oid(ext.children![0])
        const val = ext.children![ext.children!.length - 1]
        const inner = der.parseDER(der.content(val))
        if (id === '2.5.29.17') san = der.parseSAN(inner)
        else if (id === '2.5.29.19')
          isCA = inner.children?.[0]?.tag === 1 && der.content(inner.children[0])[0] !== 0
        else if (id === '2.5.29.15') {
          const b = der.content(inner)
          keyUsage = b.length > 1 ? b[1] | ((b[2] ?? 0) << 8) : 0
          let rev = 0
          for (let k = 0; k < 9; k++) if (keyUsage & (1 << (k < 8 ? 7 - k : 15))) rev |= 1 << k
          keyUsage = rev
        }
      }
    }
  }
  const o = new RegoObject()
  o.set('Raw', bytes.toString('base64'))
  o.set('Version', version)
  o.set(
    'SerialNumber',
    serial >= BigInt(Number.MIN_SAFE_INTEGER) && serial <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(serial)
      : serial
  )
  o.set('Issuer', nameValue(issuer))
  o.set('Subject', nameValue(subject))
  o.set('NotBefore', der.time(validity.children![0]))
  o.set('NotAfter', der.time(validity.children![1]))
  o.set('KeyUsage', keyUsage)
  o.set('IsCA', isCA)
  o.set('BasicConstraintsValid', isCA)
  o.set('DNSNames', nullIfEmpty(san.dns))
  o.set('EmailAddresses', nullIfEmpty(san.email))
  o.set('IPAddresses', nullIfEmpty(san.ip))
  o.set('URIs', nullIfEmpty(san.uri.map(u => urlObject(u))))
  o.set('URIStrings', nullIfEmpty(san.uri))
  return o
}

function urlObject(u: string): RegoObject {
  try {
    const x = new URL(u)
    return new RegoObject([
      ['Scheme', x.protocol.replace(/:$/, '')],
      ['Host', x.host],
      ['Path', decodeURIComponent(x.pathname)]
    ] as [Value, Value][])
  } catch {
    return new RegoObject([
      ['Scheme', ''],
      ['Host', ''],
      ['Path', u]
    ] as [Value, Value][])
  }
}

function csrValue(bytes: Buffer): RegoObject {
  let root: der.Node
  try {
    root = der.parseDER(bytes)
  } catch (e) {
    throw fail(
      (e as Error).message.startsWith('asn1') ? (e as Error).message : 'asn1: structure error'
    )
  }
  const info = root.children?.[0]
  if (root.tag !== 16 || !info?.children || info.children.length < 3)
    throw fail("asn1: structure error: tags don't match")
  const version = Number(der.integer(info.children[0]))
  const subject = der.parseName(info.children[1])
  const o = new RegoObject()
  o.set('Raw', bytes.toString('base64'))
  o.set('Version', version)
  o.set('Subject', nameValue(subject))
  let san: der.SAN = { dns: [], email: [], uri: [], ip: [] }
  const attrs = info.children[3]
  for (const attr of attrs?.children ?? []) {
    if (der.oid(attr.children![0]) !== '1.2.840.113549.1.9.14') continue
    for (const ext of attr.children![1].children?.[0]?.children ?? []) {
      if (der.oid(ext.children![0]) === '2.5.29.17')
        san = der.parseSAN(der.parseDER(der.content(ext.children![ext.children!.length - 1])))
    }
  }
  o.set('DNSNames', nullIfEmpty(san.dns))
  o.set('EmailAddresses', nullIfEmpty(san.email))
  o.set('IPAddresses', nullIfEmpty(san.ip))
  o.set('URIs', nullIfEmpty(san.uri.map(urlObject)))
  return o
}

function jwkOf(key: KeyObject): Value {
  return toValue(key.export({ format: 'jwk' }))
}

function privateKeysFrom(s: string): KeyObject[] {
  let text = s
  if (!text.startsWith('-----BEGIN')) {
    const b = b64Strict(text)
    text = b.toString('latin1')
  }
  const out: KeyObject[] = []
  for (const b of pemBlocks(text)) {
    if (!/PRIVATE KEY$/.test(b.type)) continue
    const pem = `-----BEGIN ${b.type}-----\n${b.bytes.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END ${b.type}-----\n`
    try {
      out.push(createPrivateKey(pem))
    } catch (e) {
      throw fail(`failed to parse private key: ${(e as Error).message}`)
    }
  }
  return out
}

/** The first certificate is the root, the last the leaf (OPA's convention). */
function verifyChain(
  certs: Buffer[],
  now: bigint,
  opts?: { dns?: string; time?: bigint }
): boolean {
  if (certs.length < 2) return false
  try {
    const xs = [...certs].reverse().map(c => new X509Certificate(c))
    const t = Number((opts?.time ?? now) / 1_000_000n)
    for (let k = 0; k < xs.length; k++) {
      const c = xs[k]
      if (Date.parse(c.validFrom) > t || Date.parse(c.validTo) < t) return false
      const issuer = k + 1 < xs.length ? xs[k + 1] : c
      if (!c.verify(issuer.publicKey)) return false
      if (k + 1 < xs.length && !issuer.ca) return false
    }
    if (opts?.dns !== undefined && xs[0].checkHost(opts.dns) === undefined) return false
    return true
  } catch {
    return false
  }
}

function parseAndVerify(
  s: string,
  ctx: BuiltinContext,
  opts?: { dns?: string; time?: bigint }
): Value {
  let certs: Buffer[]
  try {
    certs = certsFromString(s)
  } catch {
    return [false, []]
  }
  if (!verifyChain(certs, ctx.now, opts)) return [false, []]
  return [true, [...certs].reverse().map(certValue)]
}

export const cryptoBuiltins: Record<string, BuiltinFn> = {
  'crypto.md5': hash('md5'),
  'crypto.sha1': hash('sha1'),
  'crypto.sha256': hash('sha256'),
  'crypto.hmac.md5': hmac('md5'),
  'crypto.hmac.sha1': hmac('sha1'),
  'crypto.hmac.sha256': hmac('sha256'),
  'crypto.hmac.sha512': hmac('sha512'),
  'crypto.hmac.equal': args => {
    const a = Buffer.from(str(args, 0), 'utf8')
    const b = Buffer.from(str(args, 1), 'utf8')
    return a.length === b.length && timingSafeEqual(a, b)
  },
  'crypto.x509.parse_certificates': args => certsFromString(str(args, 0)).map(certValue),
  'crypto.x509.parse_and_verify_certificates': (args, ctx) => parseAndVerify(str(args, 0), ctx),
  'crypto.x509.parse_and_verify_certificates_with_options': (args, ctx) => {
    const o = obj(args, 1)
    const dns = o.get('DNSName')
    const t = o.get('CurrentTime')
    return parseAndVerify(str(args, 0), ctx, {
      dns: typeof dns === 'string' ? dns : undefined,
      time: typeof t === 'number' || typeof t === 'bigint' ? BigInt(t) : undefined
    })
  },
  'crypto.x509.parse_certificate_request': args => {
    const s = str(args, 0)
    let bytes: Buffer
    if (s.startsWith('-----BEGIN')) {
      const b = pemBlocks(s)[0]
      if (!b) throw fail('invalid PEM-encoded certificate signing request')
      bytes = b.bytes
    } else {
      const raw = b64Strict(s)
      if (raw.subarray(0, 10).toString('latin1') === '-----BEGIN') {
        const b = pemBlocks(raw.toString('latin1'))[0]
        if (!b) throw fail('invalid PEM-encoded certificate signing request')
        bytes = b.bytes
      } else bytes = raw
    }
    return csrValue(bytes)
  },
  'crypto.x509.parse_keypair': args => {
    const certs = certsFromString(str(args, 0))
    if (certs.length === 0) throw fail('tls: failed to find any PEM data in certificate input')
    const keys = privateKeysFrom(str(args, 1))
    if (keys.length === 0) throw fail('tls: failed to find any PEM data in key input')
    const cert = new X509Certificate(certs[0])
    if (!cert.checkPrivateKey(keys[0])) throw fail('tls: private key does not match public key')
    return new RegoObject([
      ['Certificate', certs.map(c => c.toString('base64'))],
      ['PrivateKey', jwkOf(keys[0])],
      ['Leaf', certValue(certs[0])]
    ] as [Value, Value][])
  },
  'crypto.x509.parse_rsa_private_key': args => {
    const keys = privateKeysFrom(str(args, 0))
    if (keys.length === 0) throw fail('failed to parse PEM block containing the key')
    if (keys[0].asymmetricKeyType !== 'rsa') throw fail('x509: failed to parse private key')
    return jwkOf(keys[0])
  },
  'crypto.parse_private_keys': args => {
    const s = str(args, 0)
    if (s === '') return null
    try {
      return privateKeysFrom(s).map(jwkOf)
    } catch {
      return []
    }
  }
}
