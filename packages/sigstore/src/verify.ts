/**
 * Verification of Sigstore bundles (and cosign's older formats, converted by bundle.ts) with a
 * public key or against a keyless identity policy, by artifact bytes or by sha256 digest.
 */
import crypto from 'node:crypto'
import type { Bundle } from '@sigstore/bundle'
import type { TrustedRoot } from '@sigstore/protobuf-specs'
import { X509Certificate } from '@sigstore/core'
import {
  PolicyError,
  VerificationError as SigstoreVerificationError,
  Verifier,
  toSignedEntity,
  toTrustMaterial,
  type SignedEntity
} from '@sigstore/verify'
import { p256, p384, p521 } from '@noble/curves/nist.js'
import { InputError, UsageError, VerificationError } from '@secure-pipeline/core'
import { keyHint } from './keys.js'
import {
  certificateIdentity,
  checkIdentityPolicy,
  isCompletePolicy,
  type CertificateIdentity,
  type IdentityPolicy
} from './policy.js'
import type { Statement } from './statement.js'
import { resolveTrustedRoot } from './trust.js'
import { IN_TOTO_PAYLOAD_TYPE } from './sign.js'

export interface ArtifactInput {
  /** The artifact's bytes (path mode). */
  data?: Buffer
  /** `sha256:<hex>` (digest mode) — used when `data` is absent. */
  digest?: string
}

export interface VerifyOptions {
  /** Keyed verification. */
  publicKey?: crypto.KeyObject
  /** Keyless verification: SAN + issuer are required. */
  policy?: IdentityPolicy
  /** Default: the public-good root shipped with @sigstore/tuf. */
  trustedRoot?: TrustedRoot
  /** DSSE bundles: require this predicate type. */
  predicateType?: string
  /** Image signatures: the artifact is bound by a statement subject, never by a message digest. */
  dsseOnly?: boolean
}

export interface VerifyResult {
  /** `sha256:<hex>` of the verified artifact. */
  digest: string
  content: 'messageSignature' | 'dsseEnvelope'
  signer: { type: 'key'; hint: string } | { type: 'certificate'; identity: CertificateIdentity }
  /** For DSSE in-toto bundles: the statement. */
  statement?: Statement
  tlogEntries: number
  timestamps: number
}

const DIGEST_RE = /^sha256:([0-9a-f]{64})$/

/** Parses `sha256:<hex>`; throws InputError otherwise. */
export function parseDigest(digest: string): Buffer {
  const m = DIGEST_RE.exec(digest.toLowerCase())
  if (!m?.[1])
    throw new InputError(
      'DIGEST_INVALID',
      `not a sha256 digest: "${digest}" (expected sha256:<64 hex>)`
    )
  return Buffer.from(m[1], 'hex')
}

function notVerified(code: string, message: string, cause?: unknown): VerificationError {
  return new VerificationError(code, message, { cause })
}

function ecVerifyPrehashed(key: crypto.KeyObject, digest: Buffer, sig: Buffer): boolean {
  const jwk = key.export({ format: 'jwk' })
  if (!jwk.x || !jwk.y) return false
  const point = Buffer.concat([
    Buffer.from([4]),
    Buffer.from(jwk.x, 'base64url'),
    Buffer.from(jwk.y, 'base64url')
  ])
  const curve =
    jwk.crv === 'P-256' ? p256 : jwk.crv === 'P-384' ? p384 : jwk.crv === 'P-521' ? p521 : undefined
  if (!curve) return false
  try {
    return curve.verify(sig, digest, point, { prehash: false, lowS: false, format: 'der' })
  } catch {
    return false
  }
}

const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex')

function rsaVerifyPrehashed(key: crypto.KeyObject, digest: Buffer, sig: Buffer): boolean {
  try {
    const decoded = crypto.publicDecrypt({ key, padding: crypto.constants.RSA_PKCS1_PADDING }, sig)
    return decoded.equals(Buffer.concat([SHA256_DIGEST_INFO, digest]))
  } catch {
    return false
  }
}

/** Verifies a signature over a sha256 digest (the artifact itself is not available). */
export function verifyPrehashed(key: crypto.KeyObject, digest: Buffer, signature: Buffer): boolean {
  if (key.asymmetricKeyType === 'ec') return ecVerifyPrehashed(key, digest, signature)
  if (key.asymmetricKeyType === 'rsa') return rsaVerifyPrehashed(key, digest, signature)
  return false
}

function parseStatement(payload: Buffer): Statement | undefined {
  try {
    const s = JSON.parse(payload.toString('utf8')) as Statement
    if (typeof s !== 'object' || s === null || !Array.isArray(s.subject)) return undefined
    return s
  } catch {
    return undefined
  }
}

type TrustMaterial = ReturnType<typeof toTrustMaterial>
const keylessMaterials = new WeakMap<TrustedRoot, TrustMaterial>()
const keyedVerifiers = new WeakMap<TrustedRoot, WeakMap<crypto.KeyObject, Verifier>>()

/** Trust material is derived once per trusted root (parsing its certificates and keys). */
function trustMaterial(root: TrustedRoot): TrustMaterial {
  let m = keylessMaterials.get(root)
  if (!m) {
    m = toTrustMaterial(root)
    keylessMaterials.set(root, m)
  }
  return m
}

/** Keyed: the given key is trusted for any hint, at any time; log entries present are still verified. */
function keyedVerifier(root: TrustedRoot, publicKey: crypto.KeyObject): Verifier {
  let byKey = keyedVerifiers.get(root)
  if (!byKey) {
    byKey = new WeakMap()
    keyedVerifiers.set(root, byKey)
  }
  let v = byKey.get(publicKey)
  if (!v) {
    const material = toTrustMaterial(root, () => ({ publicKey, validFor: () => true }))
    v = new Verifier(material, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 })
    byKey.set(publicKey, v)
  }
  return v
}

function wrapSigstoreError(err: unknown): never {
  if (err instanceof PolicyError || err instanceof SigstoreVerificationError) {
    throw notVerified(err.code, `${err.code}: ${err.message}`, err)
  }
  if (err instanceof VerificationError || err instanceof InputError || err instanceof UsageError)
    throw err
  throw notVerified('VERIFICATION_FAILED', `verification failed: ${(err as Error).message}`, err)
}

/**
 * Verifies `bundle` over the artifact. Throws VerificationError (exit 1) when it does not verify,
 * UsageError/InputError (exit 2) when the request itself is unusable.
 */
export function verifyBundle(
  bundle: Bundle,
  artifact: ArtifactInput,
  options: VerifyOptions
): VerifyResult {
  const keyed = options.publicKey !== undefined
  if (!keyed && !isCompletePolicy(options.policy)) {
    throw new UsageError(
      'keyless verification needs --certificate-identity[-regexp] and --certificate-oidc-issuer[-regexp] (or --key)'
    )
  }
  let digest: Buffer
  if (artifact.data) digest = crypto.createHash('sha256').update(artifact.data).digest()
  else if (artifact.digest) digest = parseDigest(artifact.digest)
  else throw new UsageError('nothing to verify: give an artifact file or a sha256: digest')
  const digestString = `sha256:${digest.toString('hex')}`

  // Bind the artifact to the bundle content.
  let statement: Statement | undefined
  const content = bundle.content
  if (content.$case === 'messageSignature') {
    if (options.dsseOnly)
      throw notVerified(
        'CONTENT_MISMATCH',
        'expected a DSSE (in-toto) bundle, got a message signature'
      )
    const md = content.messageSignature.messageDigest
    if (md && md.digest.length > 0 && !Buffer.from(md.digest).equals(digest)) {
      throw notVerified(
        'DIGEST_MISMATCH',
        `artifact digest: expected sha256:${Buffer.from(md.digest).toString('hex')} (signed in the bundle), got ${digestString}`
      )
    }
  } else {
    const env = content.dsseEnvelope
    if (env.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
      throw notVerified(
        'PAYLOAD_TYPE',
        `DSSE payload type: expected ${IN_TOTO_PAYLOAD_TYPE}, got ${JSON.stringify(env.payloadType)}`
      )
    }
    statement = parseStatement(Buffer.from(env.payload))
    if (!statement)
      throw notVerified('STATEMENT_INVALID', 'DSSE payload is not an in-toto statement')
    const hex = digest.toString('hex')
    const hit = statement.subject.some(s => s?.digest?.sha256?.toLowerCase() === hex)
    if (!hit) {
      const got = statement.subject.map(s => `sha256:${s?.digest?.sha256 ?? '?'}`).join(', ')
      throw notVerified(
        'DIGEST_MISMATCH',
        `statement subject: expected ${digestString}, got ${got || '(no subjects)'}`
      )
    }
    if (options.predicateType && statement.predicateType !== options.predicateType) {
      throw notVerified(
        'PREDICATE_TYPE_MISMATCH',
        `predicate type: expected ${options.predicateType}, got ${JSON.stringify(statement.predicateType)}`
      )
    }
  }

  const vmCase = bundle.verificationMaterial.content.$case
  if (keyed && vmCase !== 'publicKey') {
    throw notVerified(
      'KEY_MISMATCH',
      'the bundle is signed with a certificate (keyless), but a --key was given'
    )
  }
  if (!keyed && vmCase === 'publicKey') {
    throw notVerified('KEY_MISMATCH', 'the bundle is signed with a key, but no --key was given')
  }

  let entity: SignedEntity
  try {
    entity = toSignedEntity(bundle, artifact.data ?? Buffer.alloc(0))
  } catch (err) {
    wrapSigstoreError(err)
  }
  if (!artifact.data && content.$case === 'messageSignature') {
    const original = entity.signature
    entity = {
      ...entity,
      signature: {
        signature: original.signature,
        compareSignature: s => original.compareSignature(s),
        compareDigest: d => original.compareDigest(d),
        compareSignedDigest: d => original.compareSignedDigest(d),
        verifySignature: k => verifyPrehashed(k, digest, original.signature)
      }
    }
  }

  const root = options.trustedRoot ?? resolveTrustedRoot()
  let signer: VerifyResult['signer']
  try {
    if (keyed) {
      const publicKey = options.publicKey as crypto.KeyObject
      keyedVerifier(root, publicKey).verify(entity)
      signer = { type: 'key', hint: keyHint(publicKey) }
    } else {
      new Verifier(trustMaterial(root), {
        tlogThreshold: entity.tlogEntries.length > 0 ? 1 : 0,
        ctlogThreshold: root.ctlogs.length > 0 ? 1 : 0,
        timestampThreshold: 1
      }).verify(entity)
      const vm = bundle.verificationMaterial.content
      const der =
        vm.$case === 'certificate'
          ? vm.certificate.rawBytes
          : vm.$case === 'x509CertificateChain'
            ? vm.x509CertificateChain.certificates[0]?.rawBytes
            : undefined
      if (!der) throw notVerified('CERTIFICATE_MISSING', 'the bundle has no signing certificate')
      const identity = certificateIdentity(X509Certificate.parse(Buffer.from(der)))
      checkIdentityPolicy(identity, options.policy ?? {})
      signer = { type: 'certificate', identity }
    }
  } catch (err) {
    wrapSigstoreError(err)
  }
  return {
    digest: digestString,
    content: content.$case,
    signer,
    statement,
    tlogEntries: entity.tlogEntries.length,
    timestamps: entity.timestamps.length
  }
}
