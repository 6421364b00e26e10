/**
 * cosign-compatible key pairs: an ECDSA P-256 private key as PKCS#8 DER, encrypted with
 * go-securesystemslib's envelope (scrypt KDF + NaCl secretbox), base64 JSON inside a PEM block
 * labelled `ENCRYPTED SIGSTORE PRIVATE KEY` (or the older `ENCRYPTED COSIGN PRIVATE KEY`).
 */
import crypto from 'node:crypto'
import { xsalsa20poly1305 } from '@noble/ciphers/salsa.js'
import { InputError } from '@secure-pipeline/core'

export const SIGSTORE_PRIVATE_KEY_PEM_TYPE = 'ENCRYPTED SIGSTORE PRIVATE KEY'
export const COSIGN_PRIVATE_KEY_PEM_TYPE = 'ENCRYPTED COSIGN PRIVATE KEY'

/** scrypt work factors cosign accepts on load (go-securesystemslib `CheckParams`). */
const ACCEPTED_SCRYPT_N = new Set([32768, 65536, 131072])
/** What cosign writes for new keys ("Standard" profile). */
const DEFAULT_SCRYPT = { N: 65536, r: 8, p: 1 }

interface Envelope {
  kdf: { name: string; params: { N: number; r: number; p: number }; salt: string }
  cipher: { name: string; nonce: string }
  ciphertext: string
}

export interface KeyPair {
  privateKey: crypto.KeyObject
  publicKey: crypto.KeyObject
}

export interface EncodedKeyPair {
  /** PEM, `ENCRYPTED SIGSTORE PRIVATE KEY`. */
  privateKeyPem: string
  /** PEM, SPKI `PUBLIC KEY`. */
  publicKeyPem: string
}

function toPem(type: string, der: Buffer): string {
  const b64 = der.toString('base64')
  const lines = b64.match(/.{1,64}/g) ?? []
  return `-----BEGIN ${type}-----\n${lines.join('\n')}\n-----END ${type}-----\n`
}

interface PemBlock {
  type: string
  body: Buffer
}

function parsePemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = []
  const re = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g
  for (const m of text.matchAll(re)) {
    blocks.push({ type: m[1] ?? '', body: Buffer.from((m[2] ?? '').replace(/\s+/g, ''), 'base64') })
  }
  return blocks
}

function deriveKey(password: string, salt: Buffer, params: { N: number; r: number; p: number }) {
  return crypto.scryptSync(Buffer.from(password, 'utf8'), salt, 32, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 1024 * 1024
  })
}

/** Encrypts PKCS#8 DER the way `cosign generate-key-pair` does and returns the PEM. */
export function encryptPrivateKey(
  pkcs8: Buffer,
  password: string,
  options: { pemType?: string; scryptN?: number } = {}
): string {
  const params = { ...DEFAULT_SCRYPT, N: options.scryptN ?? DEFAULT_SCRYPT.N }
  const salt = crypto.randomBytes(32)
  const nonce = crypto.randomBytes(24)
  const key = deriveKey(password, salt, params)
  const sealed = xsalsa20poly1305(key, nonce).encrypt(pkcs8)
  const envelope: Envelope = {
    kdf: { name: 'scrypt', params, salt: salt.toString('base64') },
    cipher: { name: 'nacl/secretbox', nonce: nonce.toString('base64') },
    ciphertext: Buffer.from(sealed).toString('base64')
  }
  return toPem(
    options.pemType ?? SIGSTORE_PRIVATE_KEY_PEM_TYPE,
    Buffer.from(JSON.stringify(envelope))
  )
}

function keyError(source: string, message: string, cause?: unknown): InputError {
  return new InputError('KEY_INVALID', message, { position: { file: source }, cause })
}

/**
 * Decrypts a cosign private key. `source` names the file in errors. A wrong password is an
 * InputError (exit 2) saying so; the password itself is never included in a message.
 */
export function decryptPrivateKey(
  pem: string,
  password: string,
  source = 'private key'
): crypto.KeyObject {
  const blocks = parsePemBlocks(pem)
  const block = blocks.find(
    b => b.type === SIGSTORE_PRIVATE_KEY_PEM_TYPE || b.type === COSIGN_PRIVATE_KEY_PEM_TYPE
  )
  if (!block) {
    const plain = blocks.find(b => b.type === 'PRIVATE KEY' || b.type === 'EC PRIVATE KEY')
    if (plain) {
      try {
        return crypto.createPrivateKey(pem)
      } catch (err) {
        throw keyError(source, 'unreadable private key', err)
      }
    }
    throw keyError(
      source,
      `not a cosign private key: expected a PEM block "${SIGSTORE_PRIVATE_KEY_PEM_TYPE}" or "${COSIGN_PRIVATE_KEY_PEM_TYPE}"`
    )
  }
  let env: Envelope
  try {
    env = JSON.parse(block.body.toString('utf8')) as Envelope
  } catch (err) {
    throw keyError(
      source,
      'corrupt cosign private key: the PEM body is not the encrypted-key JSON',
      err
    )
  }
  const params = env.kdf?.params
  if (
    env.kdf?.name !== 'scrypt' ||
    env.cipher?.name !== 'nacl/secretbox' ||
    !params ||
    !ACCEPTED_SCRYPT_N.has(params.N) ||
    params.r !== 8 ||
    params.p !== 1
  ) {
    throw keyError(
      source,
      'unsupported key encryption: expected scrypt (N=2^15|2^16|2^17, r=8, p=1) + nacl/secretbox'
    )
  }
  const salt = Buffer.from(env.kdf.salt, 'base64')
  const nonce = Buffer.from(env.cipher.nonce, 'base64')
  const sealed = Buffer.from(env.ciphertext, 'base64')
  if (nonce.length !== 24) throw keyError(source, 'corrupt cosign private key: bad nonce length')
  const key = deriveKey(password, salt, params)
  let pkcs8: Uint8Array
  try {
    pkcs8 = xsalsa20poly1305(key, nonce).decrypt(sealed)
  } catch {
    throw new InputError(
      'KEY_PASSWORD',
      'decrypting the private key failed: wrong password (COSIGN_PASSWORD)',
      {
        position: { file: source }
      }
    )
  }
  try {
    return crypto.createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' })
  } catch (err) {
    throw keyError(source, 'the decrypted private key is not PKCS#8', err)
  }
}

/** Reads a PEM public key (SPKI), or the public key of a PEM certificate. */
export function loadPublicKey(pem: string, source = 'public key'): crypto.KeyObject {
  const blocks = parsePemBlocks(pem)
  const cert = blocks.find(b => b.type === 'CERTIFICATE')
  try {
    if (cert) return new crypto.X509Certificate(pem).publicKey
    if (
      !blocks.some(
        b => b.type === 'PUBLIC KEY' || b.type === 'RSA PUBLIC KEY' || b.type === 'EC PUBLIC KEY'
      )
    ) {
      throw new Error('no PUBLIC KEY block')
    }
    return crypto.createPublicKey(pem)
  } catch (err) {
    throw keyError(source, `not a PEM public key: ${(err as Error).message}`, err)
  }
}

export function publicKeyPem(key: crypto.KeyObject): string {
  const pub = key.type === 'private' ? crypto.createPublicKey(key) : key
  return pub.export({ type: 'spki', format: 'pem' }).toString()
}

const hints = new WeakMap<crypto.KeyObject, string>()

/** cosign / sigstore-go key hint: base64(sha256(SPKI DER)). */
export function keyHint(key: crypto.KeyObject): string {
  let hint = hints.get(key)
  if (hint === undefined) {
    const pub = key.type === 'private' ? crypto.createPublicKey(key) : key
    const der = pub.export({ type: 'spki', format: 'der' })
    hint = crypto.createHash('sha256').update(der).digest('base64')
    hints.set(key, hint)
  }
  return hint
}

export function generateKeyPair(): KeyPair {
  return crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
}

/** Generates a P-256 pair and encodes it as cosign does. */
export function generateEncodedKeyPair(
  password: string,
  options: { scryptN?: number } = {}
): EncodedKeyPair {
  const { privateKey, publicKey } = generateKeyPair()
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' })
  return {
    privateKeyPem: encryptPrivateKey(pkcs8, password, options),
    publicKeyPem: publicKeyPem(publicKey)
  }
}

/** Signature hash for a key: SHA-256 for P-256 / RSA, SHA-384 for P-384, SHA-512 for P-521. */
export function hashForKey(key: crypto.KeyObject): 'sha256' | 'sha384' | 'sha512' | null {
  if (key.asymmetricKeyType === 'ed25519') return null
  const curve = key.asymmetricKeyDetails?.namedCurve
  if (curve === 'secp384r1') return 'sha384'
  if (curve === 'secp521r1') return 'sha512'
  return 'sha256'
}
