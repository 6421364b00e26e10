/**
 * Keys. cosign-compatible key pairs: a private key as PKCS#8 DER, encrypted with
 * go-securesystemslib's envelope (scrypt KDF + NaCl secretbox), base64 JSON inside a PEM block
 * labelled `ENCRYPTED SIGSTORE PRIVATE KEY` (or the older `ENCRYPTED COSIGN PRIVATE KEY`); plain
 * and PKCS#8-encrypted PEM keys as users bring them; the key types sigstore accepts (ECDSA
 * P-256/384/521, RSA 2048/3072/4096, Ed25519) and cosign's signature scheme for each.
 */
import crypto from 'node:crypto'
import { xsalsa20poly1305 } from '@noble/ciphers/salsa.js'
import { ed25519ph } from '@noble/curves/ed25519.js'
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

/** PEM labels of private keys read as they are (cosign import-key-pair's inputs, plus PKCS#8 encrypted). */
const PLAIN_PRIVATE_KEY_TYPES = ['PRIVATE KEY', 'EC PRIVATE KEY', 'RSA PRIVATE KEY']
const PKCS8_ENCRYPTED_TYPE = 'ENCRYPTED PRIVATE KEY'

function wrongPassword(source: string, what: string): InputError {
  return new InputError(
    'KEY_PASSWORD',
    `decrypting the private key failed: wrong password (COSIGN_PASSWORD) for ${what}`,
    { position: { file: source } }
  )
}

function blockPem(block: PemBlock, headers = ''): string {
  return toPem(block.type, block.body).replace('-----\n', `-----\n${headers}`)
}

/** A PEM private key that is not cosign-encrypted: PKCS#8, SEC1, PKCS#1, or PKCS#8 / OpenSSL encrypted. */
function plainPrivateKey(pem: string, block: PemBlock, password: string, source: string) {
  // legacy OpenSSL encryption keeps its headers inside the block; keep the block verbatim
  const verbatim =
    new RegExp(`-----BEGIN ${block.type}-----[\\s\\S]*?-----END ${block.type}-----`).exec(
      pem
    )?.[0] ?? blockPem(block)
  const encrypted = block.type === PKCS8_ENCRYPTED_TYPE || /Proc-Type:\s*4,ENCRYPTED/.test(verbatim)
  try {
    return encrypted
      ? crypto.createPrivateKey({ key: verbatim, passphrase: password })
      : crypto.createPrivateKey(verbatim)
  } catch (err) {
    if (encrypted)
      throw wrongPassword(
        source,
        block.type === PKCS8_ENCRYPTED_TYPE
          ? 'the encrypted PKCS#8 key (or the key is corrupt)'
          : 'the OpenSSL-encrypted key (or the key is corrupt)'
      )
    throw keyError(source, `unreadable private key ("${block.type}" PEM block)`, err)
  }
}

/**
 * Reads a signing key: cosign's encrypted key (`ENCRYPTED SIGSTORE PRIVATE KEY` / `ENCRYPTED
 * COSIGN PRIVATE KEY`), or a PEM key as cosign import-key-pair takes it (PKCS#8 `PRIVATE KEY`,
 * SEC1 `EC PRIVATE KEY`, PKCS#1 `RSA PRIVATE KEY`), or PKCS#8 `ENCRYPTED PRIVATE KEY` (password).
 * `source` names the file in errors. A wrong password is an InputError (exit 2) saying so; the
 * password itself is never included in a message. Weak or unsupported keys are rejected.
 */
export function decryptPrivateKey(
  pem: string,
  password: string,
  source = 'private key'
): crypto.KeyObject {
  const key = readPrivateKey(pem, password, source)
  checkKeyStrength(key, source)
  return key
}

function readPrivateKey(pem: string, password: string, source: string): crypto.KeyObject {
  const blocks = parsePemBlocks(pem)
  const block = blocks.find(
    b => b.type === SIGSTORE_PRIVATE_KEY_PEM_TYPE || b.type === COSIGN_PRIVATE_KEY_PEM_TYPE
  )
  if (!block) {
    const plain = blocks.find(
      b => PLAIN_PRIVATE_KEY_TYPES.includes(b.type) || b.type === PKCS8_ENCRYPTED_TYPE
    )
    if (plain) return plainPrivateKey(pem, plain, password, source)
    const found = blocks.map(b => `"${b.type}"`).join(', ')
    throw keyError(
      source,
      `not a private key: expected a PEM block "${SIGSTORE_PRIVATE_KEY_PEM_TYPE}", "${COSIGN_PRIVATE_KEY_PEM_TYPE}", ` +
        `"PRIVATE KEY", "EC PRIVATE KEY", "RSA PRIVATE KEY" or "ENCRYPTED PRIVATE KEY", got ${found || 'no PEM block'}` +
        (blocks.some(b => b.type === 'OPENSSH PRIVATE KEY')
          ? ' (convert an OpenSSH key with: ssh-keygen -p -m PKCS8 -f FILE)'
          : '')
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

const PUBLIC_KEY_TYPES = ['PUBLIC KEY', 'RSA PUBLIC KEY', 'EC PUBLIC KEY']

/**
 * Reads a verification key: PEM SPKI `PUBLIC KEY`, PKCS#1 `RSA PUBLIC KEY`, or the public key
 * of a PEM certificate (the first, i.e. the leaf, when a chain is given). Weak or unsupported
 * keys are rejected (InputError, exit 2).
 */
export function loadPublicKey(pem: string, source = 'public key'): crypto.KeyObject {
  const blocks = parsePemBlocks(pem)
  const first = blocks.find(b => b.type === 'CERTIFICATE' || PUBLIC_KEY_TYPES.includes(b.type))
  if (!first) {
    const priv = blocks.find(b => b.type.includes('PRIVATE KEY'))
    throw keyError(
      source,
      priv
        ? `expected a public key or certificate, got a private key ("${priv.type}"): pass the .pub file`
        : `not a PEM public key: expected a PEM block "PUBLIC KEY", "RSA PUBLIC KEY" or "CERTIFICATE", got ${
            blocks.map(b => `"${b.type}"`).join(', ') || 'no PEM block'
          }`
    )
  }
  let key: crypto.KeyObject
  try {
    key =
      first.type === 'CERTIFICATE'
        ? new crypto.X509Certificate(first.body).publicKey
        : first.type === 'RSA PUBLIC KEY'
          ? crypto.createPublicKey({ key: first.body, format: 'der', type: 'pkcs1' })
          : crypto.createPublicKey({ key: first.body, format: 'der', type: 'spki' })
  } catch (err) {
    throw keyError(
      source,
      `not a PEM public key: the "${first.type}" block does not parse (${(err as Error).message})`,
      err
    )
  }
  checkKeyStrength(key, source)
  return key
}

/**
 * Reads a certificate as cosign's `--certificate` takes it: PEM, base64 of the PEM (what
 * `cosign sign-blob --output-certificate` writes by default), or DER. The first certificate is
 * the leaf. InputError (exit 2) otherwise.
 */
export function loadCertificate(bytes: Buffer, source = 'certificate'): crypto.X509Certificate {
  let text = bytes.toString('utf8')
  if (!text.includes('-----BEGIN')) {
    const decoded = /^[A-Za-z0-9+/=\s]+$/.test(text.trim())
      ? Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8')
      : ''
    if (decoded.includes('-----BEGIN CERTIFICATE-----')) text = decoded
  }
  const block = parsePemBlocks(text).find(b => b.type === 'CERTIFICATE')
  try {
    const cert = new crypto.X509Certificate(block ? block.body : bytes)
    checkKeyStrength(cert.publicKey, source)
    return cert
  } catch (err) {
    if (err instanceof InputError) throw err
    throw keyError(
      source,
      `not a certificate: expected PEM "CERTIFICATE", base64 of it, or DER (${(err as Error).message})`,
      err
    )
  }
}

/** PEM of a DER certificate. */
export function certificatePem(der: Buffer | Uint8Array): string {
  return toPem('CERTIFICATE', Buffer.from(der))
}

const CURVE_NAMES: Record<string, string> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521'
}

/**
 * The keys cosign / sigstore accept (sigstore/sigstore cryptoutils.ValidatePubKey): ECDSA
 * P-256/P-384/P-521, RSA with a 2048/3072/4096-bit modulus, Ed25519. Others are an InputError.
 */
export function checkKeyStrength(key: crypto.KeyObject, source = 'key'): void {
  const type = key.asymmetricKeyType
  const details = key.asymmetricKeyDetails ?? {}
  const supported = 'supported keys: ECDSA P-256/P-384/P-521, RSA 2048/3072/4096 bits, Ed25519'
  if (type === 'ec') {
    const curve = details.namedCurve ?? 'unknown'
    if (!CURVE_NAMES[curve])
      throw new InputError(
        'KEY_UNSUPPORTED',
        `unsupported key: ECDSA curve ${curve} (${supported})`,
        { position: { file: source } }
      )
    return
  }
  if (type === 'rsa' || type === 'rsa-pss') {
    const bits = details.modulusLength ?? 0
    if (![2048, 3072, 4096].includes(bits))
      throw new InputError(
        'KEY_UNSUPPORTED',
        `${bits < 2048 ? 'weak' : 'unsupported'} key: RSA ${bits} bits (${supported})`,
        { position: { file: source } }
      )
    return
  }
  if (type === 'ed25519') return
  throw new InputError(
    'KEY_UNSUPPORTED',
    `unsupported key: ${(type ?? 'unknown').toUpperCase()} (${supported})`,
    { position: { file: source } }
  )
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

export type SigningHash = 'sha256' | 'sha384' | 'sha512'

/**
 * The digest algorithm of a message signature made with `key`, as cosign does
 * (sigstore/sigstore GetDefaultPublicKeyDetails): ECDSA by curve, RSA SHA-256 (PKCS#1 v1.5),
 * Ed25519 SHA-512 (Ed25519ph, the only Ed25519 form a hashedrekord entry takes).
 */
export function messageHashForKey(key: crypto.KeyObject): SigningHash {
  return hashForKey(key) ?? 'sha512'
}

function rawEd25519(key: crypto.KeyObject, part: 'x' | 'd'): Uint8Array {
  const jwk = key.export({ format: 'jwk' })
  const v = jwk[part]
  if (typeof v !== 'string') throw new Error(`Ed25519 key without "${part}"`)
  return Buffer.from(v, 'base64url')
}

function rsaPadding(key: crypto.KeyObject, pss: boolean): crypto.SignKeyObjectInput {
  return pss || key.asymmetricKeyType === 'rsa-pss'
    ? {
        key,
        padding: crypto.constants.RSA_PKCS1_PSS_PADDING,
        saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST
      }
    : { key, padding: crypto.constants.RSA_PKCS1_PADDING }
}

/**
 * Signs as cosign does with a key: `message` = a blob (ECDSA/RSA over the key's hash, Ed25519ph
 * for Ed25519), `dsse` = the DSSE pre-authentication encoding (pure Ed25519, as DSSE verifiers
 * and Rekor's dsse type expect).
 */
export function signWithKey(
  privateKey: crypto.KeyObject,
  data: Buffer,
  mode: 'message' | 'dsse' = 'message'
): Buffer {
  if (privateKey.asymmetricKeyType === 'ed25519') {
    if (mode === 'dsse') return crypto.sign(null, data, privateKey)
    return Buffer.from(ed25519ph.sign(data, rawEd25519(privateKey, 'd')))
  }
  const hash = messageHashForKey(privateKey)
  if (privateKey.asymmetricKeyType === 'rsa' || privateKey.asymmetricKeyType === 'rsa-pss')
    return crypto.sign(hash, data, rsaPadding(privateKey, false))
  return crypto.sign(hash, data, privateKey)
}

export interface SignedInput {
  /** The signed bytes (artifact or DSSE PAE), when available. */
  data?: Buffer
  /** Their digest (digest-only verification of a message signature). */
  digest?: Buffer
  /** The digest's algorithm (Node name), e.g. the bundle's message digest algorithm. */
  digestHash?: string
}

const NODE_HASHES = new Set(['sha256', 'sha384', 'sha512'])

/**
 * Verifies a keyed signature the ways cosign and sigstore-js make them: ECDSA (ASN.1 DER) over
 * the curve's hash, the bundle's digest algorithm or SHA-256; RSA PKCS#1 v1.5 or PSS (any salt
 * length) over SHA-256 or the bundle's digest algorithm; Ed25519 pure or Ed25519ph (SHA-512).
 */
export function verifyWithKey(
  publicKey: crypto.KeyObject,
  signed: SignedInput,
  signature: Buffer
): boolean {
  const type = publicKey.asymmetricKeyType
  const hashes = [signed.digestHash, hashForKey(publicKey), 'sha256'].filter(
    (h, i, all): h is string => typeof h === 'string' && NODE_HASHES.has(h) && all.indexOf(h) === i
  )
  const attempt = (f: () => boolean): boolean => {
    try {
      return f()
    } catch {
      return false
    }
  }
  if (type === 'ed25519') {
    const data = signed.data
    if (!data) return false
    const pub = rawEd25519(publicKey, 'x')
    return (
      attempt(() => crypto.verify(null, data, publicKey, signature)) ||
      attempt(() => ed25519ph.verify(signature, data, pub))
    )
  }
  if (type !== 'ec' && type !== 'rsa' && type !== 'rsa-pss') return false
  if (signed.data) {
    const data = signed.data
    return hashes.some(h => {
      if (type === 'ec') return attempt(() => crypto.verify(h, data, publicKey, signature))
      return (
        (type === 'rsa' &&
          attempt(() => crypto.verify(h, data, rsaPadding(publicKey, false), signature))) ||
        attempt(() =>
          crypto.verify(
            h,
            data,
            {
              key: publicKey,
              padding: crypto.constants.RSA_PKCS1_PSS_PADDING,
              saltLength: crypto.constants.RSA_PSS_SALTLEN_AUTO
            },
            signature
          )
        )
      )
    })
  }
  return false
}
