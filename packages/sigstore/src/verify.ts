/**
 * Verification of Sigstore bundles (and cosign's older formats, converted by bundle.ts) with a
 * public key or against a keyless identity policy, by artifact bytes or by sha256 digest.
 */
import crypto from 'node:crypto'
import type { Bundle } from '@sigstore/bundle'
import { HashAlgorithm, type TrustedRoot } from '@sigstore/protobuf-specs'
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
import {
  InputError,
  SecurePipelineError,
  UsageError,
  VerificationError
} from '@secure-pipeline/core'
import { keyHint, verifyWithKey } from './keys.js'
import {
  certificateIdentity,
  checkIdentityPolicy,
  isCompletePolicy,
  type CertificateIdentity,
  type IdentityPolicy
} from './policy.js'
import type { Statement, Subject } from './statement.js'
import { resolveTrustedRoot } from './trust.js'
import { IN_TOTO_PAYLOAD_TYPE } from './sign.js'
import { jsonLinesBundles, type BundleAtLine } from './bundle.js'
import { explainFailure, leafCertificate, precheck } from './explain.js'

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
  /** `<algorithm>:<hex>` of the verified artifact (sha256 unless the bundle signs another digest). */
  digest: string
  /** For a JSON Lines bundle file: the line of the bundle that verified. */
  line?: number
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

/** Node hash names by in-toto digest-set / `alg:hex` name; only collision-resistant ones. */
const HASHES: Record<string, string> = {
  sha224: 'sha224',
  sha256: 'sha256',
  sha384: 'sha384',
  sha512: 'sha512',
  sha512_224: 'sha512-224',
  sha512_256: 'sha512-256',
  sha3_224: 'sha3-224',
  sha3_256: 'sha3-256',
  sha3_384: 'sha3-384',
  sha3_512: 'sha3-512'
}

/** Node hash names of the bundle's HashAlgorithm enum. */
const MESSAGE_DIGEST_HASHES: Record<string, string> = {
  HASH_ALGORITHM_UNSPECIFIED: 'sha256',
  SHA2_256: 'sha256',
  SHA2_384: 'sha384',
  SHA2_512: 'sha512',
  SHA3_256: 'sha3-256',
  SHA3_384: 'sha3-384'
}

/** `alg:hex` with alg one of HASHES (`sha3-256` and `sha3_256` both read); throws InputError. */
export function parseArtifactDigest(digest: string): { algorithm: string; hex: string } {
  const m = /^([a-z0-9_-]+):([0-9a-f]+)$/.exec(digest.trim().toLowerCase())
  const algorithm = m?.[1]?.replace(/-/g, '_')
  const node = algorithm ? HASHES[algorithm] : undefined
  const hex = m?.[2]
  if (!node || !algorithm || !hex || hex.length !== crypto.createHash(node).digest().length * 2)
    throw new InputError(
      'DIGEST_INVALID',
      `not an artifact digest: "${digest}" (expected sha256:<64 hex>, or sha384: / sha512: and the like)`
    )
  return { algorithm, hex }
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

/** PKCS#1 v1.5 DigestInfo prefixes by digest length (SHA-256, SHA-384, SHA-512). */
const DIGEST_INFO: Record<number, Buffer> = {
  32: Buffer.from('3031300d060960864801650304020105000420', 'hex'),
  48: Buffer.from('3041300d060960864801650304020205000430', 'hex'),
  64: Buffer.from('3051300d060960864801650304020305000440', 'hex')
}

function rsaVerifyPrehashed(key: crypto.KeyObject, digest: Buffer, sig: Buffer): boolean {
  const prefix = DIGEST_INFO[digest.length]
  if (!prefix) return false
  try {
    const decoded = crypto.publicDecrypt({ key, padding: crypto.constants.RSA_PKCS1_PADDING }, sig)
    return decoded.equals(Buffer.concat([prefix, digest]))
  } catch {
    return false
  }
}

/** Verifies a signature over a SHA-2 digest (the artifact itself is not available). */
export function verifyPrehashed(key: crypto.KeyObject, digest: Buffer, signature: Buffer): boolean {
  if (key.asymmetricKeyType === 'ec') return ecVerifyPrehashed(key, digest, signature)
  if (key.asymmetricKeyType === 'rsa') return rsaVerifyPrehashed(key, digest, signature)
  return false
}

/** in-toto Statement `_type`s: v1 and the older v0.1 (same layout for what is checked here). */
export const STATEMENT_TYPES = [
  'https://in-toto.io/Statement/v1',
  'https://in-toto.io/Statement/v0.1'
]

function parseStatement(payload: Buffer): Statement {
  let s: unknown
  try {
    s = JSON.parse(payload.toString('utf8'))
  } catch (err) {
    throw notVerified(
      'STATEMENT_INVALID',
      `DSSE payload: expected an in-toto statement (JSON), got unparsable JSON (${(err as Error).message})`
    )
  }
  const o = (typeof s === 'object' && s !== null ? s : {}) as Record<string, unknown>
  if (typeof o._type !== 'string' || !STATEMENT_TYPES.includes(o._type))
    throw notVerified(
      'STATEMENT_INVALID',
      `in-toto statement _type: expected ${STATEMENT_TYPES.join(' or ')}, got ${JSON.stringify(o._type ?? null)}`
    )
  if (typeof o.predicateType !== 'string' || o.predicateType === '')
    throw notVerified(
      'STATEMENT_INVALID',
      `in-toto statement predicateType: expected a URI, got ${JSON.stringify(o.predicateType ?? null)}`
    )
  const subjects = o.subject
  if (
    !Array.isArray(subjects) ||
    subjects.length === 0 ||
    !subjects.every(
      x =>
        typeof x === 'object' &&
        x !== null &&
        typeof (x as Subject).digest === 'object' &&
        (x as Subject).digest !== null
    )
  )
    throw notVerified(
      'STATEMENT_INVALID',
      'in-toto statement subject: expected a non-empty list of {name, digest}, got ' +
        (Array.isArray(subjects)
          ? `${subjects.length} malformed or no subject(s)`
          : typeof subjects)
    )
  return o as unknown as Statement
}

function describeSubjects(statement: Statement): string {
  const all = statement.subject.flatMap(s =>
    Object.entries(s.digest ?? {}).map(([alg, v]) => `${alg}:${String(v)}`)
  )
  return all.length > 4 ? `${all.slice(0, 4).join(', ')} (+${all.length - 4} more)` : all.join(', ')
}

/** True when some subject has a digest, in an algorithm we trust, equal to the artifact's. */
function subjectMatches(statement: Statement, artifact: ArtifactInput): boolean {
  const computed = new Map<string, string>()
  const artifactHex = (alg: string): string | undefined => {
    if (artifact.data) {
      const node = HASHES[alg]
      if (!node) return undefined
      let h = computed.get(alg)
      if (h === undefined) {
        h = crypto.createHash(node).update(artifact.data).digest('hex')
        computed.set(alg, h)
      }
      return h
    }
    const d = artifact.digest ? parseArtifactDigest(artifact.digest) : undefined
    return d?.algorithm === alg ? d.hex : undefined
  }
  return statement.subject.some(s =>
    Object.entries(s.digest ?? {}).some(([rawAlg, value]) => {
      const alg = rawAlg.toLowerCase().replace(/-/g, '_')
      const want = artifactHex(alg)
      return want !== undefined && typeof value === 'string' && value.toLowerCase() === want
    })
  )
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

function wrapSigstoreError(err: unknown, bundle: Bundle, root: TrustedRoot): never {
  if (err instanceof PolicyError || err instanceof SigstoreVerificationError) {
    const detail = explainFailure(err.code, err.message, bundle, trustMaterial(root))
    throw notVerified(err.code, detail ?? `${err.code}: ${err.message}`, err)
  }
  if (err instanceof VerificationError || err instanceof InputError || err instanceof UsageError)
    throw err
  throw notVerified('VERIFICATION_FAILED', `verification failed: ${(err as Error).message}`, err)
}

/**
 * Verifies `bundle` over the artifact. Throws VerificationError (exit 1) when it does not verify,
 * UsageError/InputError (exit 2) when the request itself is unusable.
 *
 * When `bundle` is the first of a JSON Lines file (parseSignatureMaterial), every bundle of the
 * file is tried: the result is the first that verifies (its `line` says which); if none does, the
 * error lists each line's reason.
 */
export function verifyBundle(
  bundle: Bundle,
  artifact: ArtifactInput,
  options: VerifyOptions
): VerifyResult {
  const all = jsonLinesBundles(bundle)
  return all ? verifyAnyBundle(all, artifact, options) : verifyOneBundle(bundle, artifact, options)
}

/** Fail closed: anything unexpected thrown while verifying is "not verified", in one line. */
function verifyOneBundle(
  bundle: Bundle,
  artifact: ArtifactInput,
  options: VerifyOptions
): VerifyResult {
  try {
    return verifyOne(bundle, artifact, options)
  } catch (err) {
    if (err instanceof SecurePipelineError) throw err
    throw notVerified(
      'VERIFICATION_FAILED',
      `verification failed: ${String((err as Error).message ?? err).split('\n')[0]}`,
      err
    )
  }
}

/** The first of `bundles` that verifies; VerificationError with every line's reason otherwise. */
export function verifyAnyBundle(
  bundles: BundleAtLine[],
  artifact: ArtifactInput,
  options: VerifyOptions
): VerifyResult {
  const reasons: string[] = []
  for (const { bundle, line } of bundles) {
    try {
      return { ...verifyOneBundle(bundle, artifact, options), line }
    } catch (err) {
      if (!(err instanceof VerificationError)) throw err
      reasons.push(`line ${line}: ${err.message}`)
    }
  }
  throw notVerified(
    'NO_BUNDLE_VERIFIED',
    bundles.length === 0
      ? 'expected at least one bundle, got none'
      : `expected one of the ${bundles.length} bundles to verify, got none: ${reasons.join('; ')}`
  )
}

/** The artifact's digest in the algorithm of a message signature's `messageDigest`. */
function messageDigestOf(
  bundle: Bundle,
  artifact: ArtifactInput
): { digest: Buffer; label: string } {
  const content = bundle.content
  const algorithm =
    content.$case === 'messageSignature'
      ? content.messageSignature.messageDigest?.algorithm
      : undefined
  const node =
    algorithm === undefined
      ? 'sha256'
      : (MESSAGE_DIGEST_HASHES[HashAlgorithm[algorithm]] ?? 'sha256')
  const alg = node.replace(/-/g, '_')
  if (artifact.data) {
    const digest = crypto.createHash(node).update(artifact.data).digest()
    return { digest, label: `${alg}:${digest.toString('hex')}` }
  }
  if (artifact.digest) {
    const d = parseArtifactDigest(artifact.digest)
    if (d.algorithm !== alg && content.$case === 'messageSignature')
      throw notVerified(
        'DIGEST_ALGORITHM',
        `artifact digest: expected a ${alg} digest (the bundle's message digest algorithm), got ${d.algorithm}:${d.hex}`
      )
    return { digest: Buffer.from(d.hex, 'hex'), label: `${d.algorithm}:${d.hex}` }
  }
  throw new UsageError('nothing to verify: give an artifact file or a sha256: digest')
}

/**
 * Keyed signatures are checked in every scheme cosign and sigstore-js produce for the key type
 * (keys.ts verifyWithKey): sigstore-js alone only tries the bundle's digest algorithm
 * (messages) or OpenSSL's default (DSSE), which misses P-384/P-521 DSSE, RSA-PSS and Ed25519ph.
 */
function withKeySchemes(
  entity: SignedEntity,
  bundle: Bundle,
  artifact: ArtifactInput,
  digest: Buffer,
  digestString: string
): SignedEntity {
  const original = entity.signature
  const content = bundle.content
  const data =
    content.$case === 'dsseEnvelope'
      ? dssePAE(content.dsseEnvelope.payloadType, Buffer.from(content.dsseEnvelope.payload))
      : artifact.data
  const digestHash = (digestString.split(':')[0] ?? 'sha256').replace(/_/g, '-')
  return withSignatureCheck(entity, k =>
    data
      ? verifyWithKey(k, { data, digestHash }, Buffer.from(original.signature))
      : verifyPrehashed(k, digest, Buffer.from(original.signature))
  )
}

/** The entity with its signature check replaced; every other comparison stays sigstore-js's. */
function withSignatureCheck(
  entity: SignedEntity,
  verifySignature: (key: crypto.KeyObject) => boolean
): SignedEntity {
  const original = entity.signature
  return {
    ...entity,
    signature: {
      signature: original.signature,
      compareSignature: s => original.compareSignature(s),
      compareDigest: d => original.compareDigest(d),
      compareSignedDigest: d => original.compareSignedDigest(d),
      verifySignature
    }
  }
}

function dssePAE(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8')
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `),
    type,
    Buffer.from(` ${payload.length} `),
    payload
  ])
}

function verifyOne(bundle: Bundle, artifact: ArtifactInput, options: VerifyOptions): VerifyResult {
  const keyed = options.publicKey !== undefined
  if (!keyed && !isCompletePolicy(options.policy)) {
    throw new UsageError(
      'keyless verification needs --certificate-identity[-regexp] and --certificate-oidc-issuer[-regexp] (or --key)'
    )
  }
  const { digest, label: digestString } = messageDigestOf(bundle, artifact)

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
      const alg = digestString.split(':')[0] ?? 'sha256'
      throw notVerified(
        'DIGEST_MISMATCH',
        `artifact digest: expected ${alg}:${Buffer.from(md.digest).toString('hex')} (signed in the bundle), got ${digestString}`
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
    if (!subjectMatches(statement, artifact)) {
      throw notVerified(
        'DIGEST_MISMATCH',
        `statement subject: expected ${digestString}, got ${describeSubjects(statement) || '(no subject digests)'}`
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
      'verification material: expected a public key (a --key was given), got a certificate (a keyless signature: verify it with --certificate-identity and --certificate-oidc-issuer)'
    )
  }
  if (!keyed && vmCase === 'publicKey') {
    throw notVerified(
      'KEY_MISMATCH',
      'verification material: expected a certificate (keyless policy), got a public key (a keyed signature: verify it with --key)'
    )
  }

  const root = options.trustedRoot ?? resolveTrustedRoot()
  const early = precheck(bundle)
  if (early) throw notVerified('TIME_OR_PROOF_INVALID', early)

  let entity: SignedEntity
  try {
    entity = toSignedEntity(bundle, artifact.data ?? Buffer.alloc(0))
  } catch (err) {
    wrapSigstoreError(err, bundle, root)
  }
  if (!artifact.data && content.$case === 'messageSignature') {
    const signature = entity.signature.signature
    entity = withSignatureCheck(entity, k => verifyPrehashed(k, digest, signature))
  }

  if (keyed) entity = withKeySchemes(entity, bundle, artifact, digest, digestString)

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
      const der = leafCertificate(bundle)
      if (!der) throw notVerified('CERTIFICATE_MISSING', 'the bundle has no signing certificate')
      const identity = certificateIdentity(X509Certificate.parse(Buffer.from(der)))
      checkIdentityPolicy(identity, options.policy ?? {})
      signer = { type: 'certificate', identity }
    }
  } catch (err) {
    if (err instanceof SigstoreVerificationError && err.code === 'SIGNATURE_ERROR') {
      throw notVerified(
        err.code,
        `signature: expected a valid signature over ${content.$case === 'dsseEnvelope' ? 'the DSSE envelope' : `the artifact (${digestString})`} by the ${keyed ? 'given key' : "bundle's certificate"}, got one that does not verify`,
        err
      )
    }
    wrapSigstoreError(err, bundle, root)
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
