/** io.jwt.* builtins (JWS compact serialisation, node:crypto). */
import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  sign as cSign,
  timingSafeEqual,
  verify as cVerify,
  X509Certificate,
  constants,
  type KeyObject
} from 'node:crypto'
import { RegoObject, RegoSet, type Value } from '../value.js'
import { fail, obj, str, isNum, text } from './args.js'
import { b64urlDecode, bytesToString, marshalJSON, parseJSON } from './encoding.js'
import { pemDecode } from './crypto.js'
import type { BuiltinContext, BuiltinFn } from './types.js'
import { BuiltinError } from './types.js'

interface Token {
  header: string
  payload: string
  signature: string
}

function splitJWT(s: string): Token {
  if (!s.includes('.')) throw fail('encoded JWT had no period separators')
  const parts = s.split('.')
  if (parts.length !== 3) throw fail(`encoded JWT must have 3 sections, found ${parts.length}`)
  return { header: parts[0], payload: parts[1], signature: parts[2] }
}

/** OPA's base64url decoding: padding added per RFC 7515 appendix C. */
function b64url(s: string): Buffer {
  let t = s
  if (!t.endsWith('=')) {
    const r = t.length % 4
    if (r === 1) throw fail(`illegal base64url string: ${s}`)
    if (r) t += '='.repeat(4 - r)
  }
  return b64urlDecode(t)
}

function decodePart(s: string, what: string): Buffer {
  try {
    return b64url(s)
  } catch (e) {
    throw fail(`JWT ${what} had invalid encoding: ${(e as Error).message}`)
  }
}

function jsonObject(text: string, msg: string): RegoObject {
  let v: Value
  try {
    v = parseJSON(text)
  } catch {
    throw fail(msg)
  }
  if (!(v instanceof RegoObject)) throw fail(msg)
  return v
}

function decodeHeader(t: Token): RegoObject {
  const h = jsonObject(
    bytesToString(decodePart(t.header, 'header')),
    'JWT header had invalid encoding: not a JSON object'
  )
  if (h.has('enc')) throw fail('JWT is a JWE object, which is not supported')
  return h
}

// ------------------------------------------------------------------ keys

interface VKey {
  key: KeyObject
  alg?: string
  kid?: string
}

function jwkToKey(jwk: Record<string, unknown>): KeyObject {
  if (jwk.kty === 'oct') return createSecretKey(Buffer.from(text(jwk.k), 'base64url'))
  if ('d' in jwk) return createPrivateKey({ key: jwk, format: 'jwk' })
  return createPublicKey({ key: jwk, format: 'jwk' })
}

/** OPA getKeysFromCertOrJWK. */
function keysFromCertOrJWK(s: string): VKey[] {
  const d = pemDecode(s)
  if (d) {
    if (d.rest.trim() !== '') throw fail('extra data after a PEM certificate block')
    if (d.block.type === 'CERTIFICATE') {
      try {
        return [{ key: new X509Certificate(d.block.bytes).publicKey }]
      } catch (e) {
        throw fail(`failed to parse a PEM certificate: ${(e as Error).message}`)
      }
    }
    if (d.block.type === 'PUBLIC KEY') {
      try {
        return [{ key: createPublicKey({ key: d.block.bytes, format: 'der', type: 'spki' }) }]
      } catch (e) {
        throw fail(`failed to parse a PEM public key: ${(e as Error).message}`)
      }
    }
    throw fail('failed to extract a Key from the PEM certificate')
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(s)
  } catch {
    throw fail('failed to parse a JWK key (set): invalid JSON')
  }
  const list =
    parsed && typeof parsed === 'object' && Array.isArray((parsed as { keys?: unknown }).keys)
      ? ((parsed as { keys: unknown[] }).keys as Record<string, unknown>[])
      : [parsed as Record<string, unknown>]
  try {
    return list.map(j => ({
      key: jwkToKey(j),
      alg: typeof j.alg === 'string' ? j.alg : undefined,
      kid: typeof j.kid === 'string' ? j.kid : undefined
    }))
  } catch (e) {
    throw fail(`failed to parse a JWK key (set): ${(e as Error).message}`)
  }
}

const HASH: Record<string, string> = { '256': 'sha256', '384': 'sha384', '512': 'sha512' }

function verifySig(alg: string, key: KeyObject, data: Buffer, sig: Buffer): boolean {
  try {
    const fam = alg.slice(0, 2)
    const h = HASH[alg.slice(2)]
    if (alg === 'EdDSA') return cVerify(null, data, key, sig)
    if (!h) return false
    if (fam === 'RS') return cVerify(h, data, { key, padding: constants.RSA_PKCS1_PADDING }, sig)
    if (fam === 'PS')
      return cVerify(
        h,
        data,
        {
          key,
          padding: constants.RSA_PKCS1_PSS_PADDING,
          saltLength: constants.RSA_PSS_SALTLEN_AUTO
        },
        sig
      )
    if (fam === 'ES') return cVerify(h, data, { key, dsaEncoding: 'ieee-p1363' }, sig)
    if (fam === 'HS') {
      const secret = key.type === 'secret' ? key.export() : Buffer.alloc(0)
      const mac = createHmac(h, secret).update(data).digest()
      return mac.length === sig.length && timingSafeEqual(mac, sig)
    }
  } catch {
    return false
  }
  return false
}

function signWith(alg: string, key: KeyObject, data: Buffer): Buffer {
  const fam = alg.slice(0, 2)
  const h = HASH[alg.slice(2)]
  try {
    if (alg === 'EdDSA') return cSign(null, data, key)
    if (fam === 'HS' && h)
      return createHmac(h, key.type === 'secret' ? key.export() : Buffer.alloc(0))
        .update(data)
        .digest()
    if (fam === 'RS' && h) return cSign(h, data, { key, padding: constants.RSA_PKCS1_PADDING })
    if (fam === 'PS' && h)
      return cSign(h, data, {
        key,
        padding: constants.RSA_PKCS1_PSS_PADDING,
        saltLength: Number(alg.slice(2)) / 8
      })
    if (fam === 'ES' && h) return cSign(h, data, { key, dsaEncoding: 'ieee-p1363' })
  } catch (e) {
    throw fail(`failed to sign payload: ${(e as Error).message}`)
  }
  throw fail(`unknown JWS algorithm: ${alg}`)
}

const ALGS = new Set([
  'HS256',
  'HS384',
  'HS512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA'
])

function verifyBuiltin(alg: string): BuiltinFn {
  return args => {
    const t = splitJWT(str(args, 0))
    const secretOrCert = str(args, 1)
    const input = Buffer.from(t.header + '.' + t.payload, 'latin1')
    if (alg.startsWith('HS')) {
      const sig = decodePart(t.signature, 'signature')
      return verifySig(alg, createSecretKey(Buffer.from(secretOrCert, 'utf8')), input, sig)
    }
    const keys = keysFromCertOrJWK(secretOrCert)
    const sig = decodePart(t.signature, 'signature')
    const header = decodeHeader(t)
    const kid = header.get('kid')
    if (typeof kid === 'string') {
      const k = keys.find(x => x.kid === kid)
      if (k) return verifySig(alg, k.key, input, sig)
    }
    return keys.some(k => verifySig(alg, k.key, input, sig))
  }
}

function decode(jwt: string): Value {
  const t = splitJWT(jwt)
  const header = decodeHeader(t)
  const payloadBytes = decodePart(t.payload, 'payload')
  if (header.get('cty') === 'JWT') return decode(innerToken(bytesToString(payloadBytes)))
  const payload = jsonObject(
    bytesToString(payloadBytes),
    'JWT payload had invalid encoding: not a JSON object'
  )
  const sig = decodePart(t.signature, 'signature')
  return [header, payload, sig.toString('hex')]
}

/** A nested token's payload may be the compact JWS itself or a JSON string holding it. */
function innerToken(text: string): string {
  if (text.startsWith('"')) {
    try {
      const s: unknown = JSON.parse(text)
      if (typeof s === 'string') return s
    } catch {
      // not JSON: use as is
    }
  }
  return text
}

function numSeconds(v: Value): number {
  return Number(v)
}

function decodeVerify(args: Value[], ctx: BuiltinContext): Value {
  const jwt0 = str(args, 0)
  const c = obj(args, 1)
  const unverified: Value = [false, new RegoObject(), new RegoObject()]
  let keys: VKey[] | undefined
  let secret: string | undefined
  let alg: string | undefined
  let iss: string | undefined
  let aud: string | undefined
  let time = Number(ctx.now)
  for (const [k, v] of c.sorted()) {
    switch (k) {
      case 'cert':
        if (typeof v !== 'string') throw fail('cert constraint: must be a string')
        keys = keysFromCertOrJWK(v)
        break
      case 'secret':
        if (typeof v !== 'string') throw fail('secret constraint: must be a string')
        secret = v
        break
      case 'alg':
        if (typeof v !== 'string') throw fail('alg constraint: must be a string')
        alg = v
        break
      case 'iss':
        if (typeof v !== 'string') throw fail('iss constraint: must be a string')
        iss = v
        break
      case 'aud':
        if (typeof v !== 'string') throw fail('aud constraint: must be a string')
        aud = v
        break
      case 'time':
        if (!isNum(v)) throw fail('time constraint: must be a number')
        time = Number(v)
        break
      default:
        throw fail(`unknown token validation constraint: ${text(k)}`)
    }
  }
  const nkeys = (keys ? 1 : 0) + (secret !== undefined ? 1 : 0)
  if (nkeys > 1) throw fail('duplicate key constraints')
  if (nkeys < 1) throw fail('no key constraint')
  let jwt = jwt0
  let header: RegoObject
  let payloadText: string
  for (;;) {
    const t = splitJWT(jwt)
    header = decodeHeader(t)
    const halg = header.get('alg')
    if (typeof halg !== 'string' || !ALGS.has(halg)) return unverified
    const crit = header.get('crit')
    if (crit !== undefined) return unverified
    if (alg !== undefined && alg !== halg) return unverified
    const sig = decodePart(t.signature, 'signature')
    const input = Buffer.from(t.header + '.' + t.payload, 'latin1')
    let ok: boolean
    if (secret !== undefined)
      ok =
        halg.startsWith('HS') &&
        verifySig(halg, createSecretKey(Buffer.from(secret, 'utf8')), input, sig)
    else {
      const kid = header.get('kid')
      const byKid = typeof kid === 'string' ? keys!.find(k => k.kid === kid) : undefined
      const candidates = byKid ? [byKid] : keys!.filter(k => k.alg === undefined || k.alg === halg)
      ok = candidates.some(k => !halg.startsWith('HS') && verifySig(halg, k.key, input, sig))
    }
    if (!ok) return unverified
    let p: Buffer
    try {
      p = b64url(t.payload)
    } catch (e) {
      throw fail(`JWT payload had invalid encoding: ${(e as Error).message}`)
    }
    payloadText = bytesToString(p)
    const cty = header.get('cty')
    if (typeof cty === 'string' && cty.toUpperCase() === 'JWT') {
      jwt = innerToken(payloadText)
      continue
    }
    break
  }
  const payload = jsonObject(payloadText, 'JWT payload had invalid encoding: not a JSON object')
  if (iss !== undefined && payload.get('iss') !== iss) return unverified
  const paud = payload.get('aud')
  if (paud !== undefined) {
    if (aud === undefined) return unverified
    if (typeof paud === 'string') {
      if (paud !== aud) return unverified
    } else if (Array.isArray(paud) || paud instanceof RegoSet) {
      const list = Array.isArray(paud) ? paud : [...paud.values()]
      if (!list.includes(aud)) return unverified
    } else return unverified
  } else if (aud !== undefined) return unverified
  const nowSec = time / 1e9
  const exp = payload.get('exp')
  if (exp !== undefined) {
    if (!isNum(exp)) throw fail('exp value must be a number')
    if (!(nowSec < numSeconds(exp))) return unverified
  }
  const nbf = payload.get('nbf')
  if (nbf !== undefined) {
    if (!isNum(nbf)) throw fail('nbf value must be a number')
    if (nowSec < numSeconds(nbf)) return unverified
  }
  return [true, header, payload]
}

function b64u(b: Buffer | string): string {
  return Buffer.from(b).toString('base64url')
}

function encodeSignRaw(headerText: string, payloadText: string, jwkText: string): string {
  let key: KeyObject
  let jwkAlg: string | undefined
  try {
    const parsed = JSON.parse(jwkText) as Record<string, unknown>
    const j = Array.isArray((parsed as { keys?: unknown }).keys)
      ? ((parsed as { keys: Record<string, unknown>[] }).keys[0] ?? {})
      : parsed
    key = jwkToKey(j)
    jwkAlg = typeof j.alg === 'string' ? j.alg : undefined
  } catch (e) {
    throw fail(`failed to parse a JWK key (set): ${(e as Error).message}`)
  }
  void jwkAlg
  let header: Value
  if (headerText === '')
    throw fail("missing or invalid 'alg' header: cannot parse JSON: cannot parse empty string")
  try {
    header = parseJSON(headerText)
  } catch {
    if (headerText.trimStart().startsWith('{'))
      throw fail("missing or invalid 'alg' header: cannot parse JSON")
    throw fail('missing or invalid \'alg\' header: jwsbb: header "alg" not found')
  }
  const alg = header instanceof RegoObject ? header.get('alg') : undefined
  if (alg === undefined || !(header instanceof RegoObject))
    throw fail('missing or invalid \'alg\' header: jwsbb: header "alg" not found')
  if (typeof alg !== 'string' || !ALGS.has(alg))
    throw fail(`unknown JWS algorithm: ${typeof alg === 'string' ? alg : marshalJSON(alg)}`)
  const typ = header.get('typ')
  if (typ === undefined || typ === 'JWT') {
    try {
      JSON.parse(payloadText)
    } catch {
      throw fail('type is JWT but payload is not JSON')
    }
  }
  const h = b64u(Buffer.from(headerText, 'utf8'))
  const p = b64u(Buffer.from(payloadText, 'utf8'))
  const input = Buffer.from(h + '.' + p, 'latin1')
  return `${h}.${p}.${b64u(signWith(alg, key, input))}`
}

export const jwtBuiltins: Record<string, BuiltinFn> = {
  'io.jwt.decode': args => decode(str(args, 0)),
  'io.jwt.decode_verify': (args, ctx) => decodeVerify(args, ctx),
  'io.jwt.encode_sign_raw': args => encodeSignRaw(str(args, 0), str(args, 1), str(args, 2)),
  'io.jwt.encode_sign': args =>
    encodeSignRaw(marshalJSON(obj(args, 0)), marshalJSON(obj(args, 1)), marshalJSON(obj(args, 2))),
  'io.jwt.verify_hs256': verifyBuiltin('HS256'),
  'io.jwt.verify_hs384': verifyBuiltin('HS384'),
  'io.jwt.verify_hs512': verifyBuiltin('HS512'),
  'io.jwt.verify_rs256': verifyBuiltin('RS256'),
  'io.jwt.verify_rs384': verifyBuiltin('RS384'),
  'io.jwt.verify_rs512': verifyBuiltin('RS512'),
  'io.jwt.verify_ps256': verifyBuiltin('PS256'),
  'io.jwt.verify_ps384': verifyBuiltin('PS384'),
  'io.jwt.verify_ps512': verifyBuiltin('PS512'),
  'io.jwt.verify_es256': verifyBuiltin('ES256'),
  'io.jwt.verify_es384': verifyBuiltin('ES384'),
  'io.jwt.verify_es512': verifyBuiltin('ES512'),
  'io.jwt.verify_eddsa': verifyBuiltin('EdDSA')
}
void BuiltinError
