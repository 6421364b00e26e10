/**
 * Signing: Sigstore bundle v0.3 for blobs (message signature) and in-toto statements (DSSE),
 * with a cosign key or keyless (OIDC token → Fulcio certificate → Rekor entry and/or TSA timestamp).
 */
import crypto from 'node:crypto'
import {
  BUNDLE_V03_MEDIA_TYPE,
  bundleToJSON,
  type Bundle,
  type BundleWithMessageSignature,
  type SerializedBundle
} from '@sigstore/bundle'
import { HashAlgorithm } from '@sigstore/protobuf-specs'
import {
  DSSEBundleBuilder,
  FulcioSigner,
  MessageSignatureBundleBuilder,
  RekorWitness,
  TSAWitness,
  type Artifact,
  type IdentityProvider,
  type Signature,
  type Signer,
  type Witness
} from '@sigstore/sign'
import { UsageError, VerificationError } from '@secure-pipeline/core'
import { keyHint, messageHashForKey, publicKeyPem, signWithKey, type SigningHash } from './keys.js'
import { PUBLIC_GOOD } from './trust.js'

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json'

/**
 * Signs with a local private key; the bundle carries the key hint, as cosign's keyed bundles do.
 * `message` mode signs blobs as cosign does per key type (ECDSA over the curve's hash, RSA PKCS#1
 * v1.5 SHA-256, Ed25519ph); `dsse` mode signs the DSSE PAE (pure Ed25519 for Ed25519 keys).
 */
export class KeySigner implements Signer {
  private readonly pem: string
  private readonly hint: string
  private readonly privateKey: crypto.KeyObject
  private readonly mode: 'message' | 'dsse'
  constructor(privateKey: crypto.KeyObject, mode: 'message' | 'dsse' = 'message') {
    this.privateKey = privateKey
    this.mode = mode
    this.pem = publicKeyPem(privateKey)
    this.hint = keyHint(privateKey)
  }
  /** The message digest algorithm of blob bundles signed with this key. */
  get messageHash(): SigningHash {
    return messageHashForKey(this.privateKey)
  }
  sign(data: Buffer): Promise<Signature> {
    const signature = signWithKey(this.privateKey, data, this.mode)
    return Promise.resolve({
      signature,
      key: { $case: 'publicKey', publicKey: this.pem, hint: this.hint }
    })
  }
}

const PROTO_HASH: Record<SigningHash, HashAlgorithm> = {
  sha256: HashAlgorithm.SHA2_256,
  sha384: HashAlgorithm.SHA2_384,
  sha512: HashAlgorithm.SHA2_512
}

/**
 * sigstore-js always records a SHA-256 message digest; cosign records the digest the key signs
 * (SHA-384 for P-384, SHA-512 for P-521 and Ed25519ph), which sigstore-go checks. (Rekor
 * upload is refused for those keys in setup(): sigstore-js labels hashedrekord digests SHA-256.)
 */
class KeyedMessageBundleBuilder extends MessageSignatureBundleBuilder {
  private readonly hash: SigningHash
  constructor(
    options: ConstructorParameters<typeof MessageSignatureBundleBuilder>[0],
    hash: SigningHash
  ) {
    super(options)
    this.hash = hash
  }
  protected override async package(
    artifact: Artifact,
    signature: Signature
  ): Promise<BundleWithMessageSignature> {
    const bundle = await super.package(artifact, signature)
    if (this.hash !== 'sha256') {
      bundle.content.messageSignature.messageDigest = {
        algorithm: PROTO_HASH[this.hash],
        digest: crypto.createHash(this.hash).update(artifact.data).digest()
      }
    }
    return bundle
  }
}

export interface KeylessOptions {
  /** An OIDC identity token, or a function fetching one (e.g. from GitHub Actions). */
  identityToken: string | (() => Promise<string>)
  fulcioURL?: string
  /** Rekor URL; `null` disables the transparency log (then `tsaURL` is required). */
  rekorURL?: string | null
  tsaURL?: string
  /** Rekor entry type for DSSE bundles (`dsse` default; `intoto` for @sigstore/mock). */
  rekorEntryType?: 'dsse' | 'intoto'
  timeoutMs?: number
}

export interface SignOptions {
  /** Keyed signing. */
  privateKey?: crypto.KeyObject
  /** Keyless signing. */
  keyless?: KeylessOptions
  /** Upload a keyed signature to this Rekor (cosign `--tlog-upload`); keyless uses `keyless.rekorURL`. */
  rekorURL?: string
}

const keySigners = new WeakMap<crypto.KeyObject, { message: KeySigner; dsse: KeySigner }>()

function tokenProvider(token: KeylessOptions['identityToken']): IdentityProvider {
  return { getToken: typeof token === 'string' ? () => Promise.resolve(token) : token }
}

function setup(options: SignOptions, dsse: boolean): { signer: Signer; witnesses: Witness[] } {
  if (options.privateKey && options.keyless)
    throw new UsageError('use either a key or keyless signing, not both')
  const retry = { retries: 0 }
  if (options.privateKey) {
    const hash = messageHashForKey(options.privateKey)
    if (options.rekorURL && !dsse && hash !== 'sha256')
      throw new UsageError(
        `--tlog-upload with this key is not supported: its signatures are over ${hash.toUpperCase()} digests, and the Rekor client (sigstore-js) records hashedrekord entries as SHA-256; sign without the log, or with an ECDSA P-256 or RSA key`
      )
    const witnesses: Witness[] = options.rekorURL
      ? [
          new RekorWitness({
            rekorBaseURL: options.rekorURL,
            entryType: dsse ? 'dsse' : undefined,
            retry
          })
        ]
      : []
    let signers = keySigners.get(options.privateKey)
    if (!signers) {
      signers = {
        message: new KeySigner(options.privateKey, 'message'),
        dsse: new KeySigner(options.privateKey, 'dsse')
      }
      keySigners.set(options.privateKey, signers)
    }
    return { signer: dsse ? signers.dsse : signers.message, witnesses }
  }
  const k = options.keyless
  if (!k) throw new UsageError('signing needs a key (--key) or --keyless')
  const timeout = k.timeoutMs ?? 30000
  const signer = new FulcioSigner({
    identityProvider: tokenProvider(k.identityToken),
    fulcioBaseURL: k.fulcioURL ?? PUBLIC_GOOD.fulcioURL,
    retry,
    timeout
  })
  const witnesses: Witness[] = []
  const rekorURL = k.rekorURL === undefined ? PUBLIC_GOOD.rekorURL : k.rekorURL
  if (rekorURL) {
    witnesses.push(
      new RekorWitness({
        rekorBaseURL: rekorURL,
        entryType: dsse ? (k.rekorEntryType ?? 'dsse') : undefined,
        retry,
        timeout
      })
    )
  }
  if (k.tsaURL) witnesses.push(new TSAWitness({ tsaBaseURL: k.tsaURL, retry, timeout }))
  if (witnesses.length === 0) {
    throw new UsageError(
      'keyless signing needs a transparency log (Rekor URL) or a timestamp authority (TSA URL)'
    )
  }
  return { signer, witnesses }
}

/** sigstore-js emits message-signature bundles as v0.2 with a certificate chain; cosign v3 writes v0.3 with the leaf. */
function toV03(bundle: Bundle): Bundle {
  const vm = bundle.verificationMaterial
  if (vm.content.$case === 'x509CertificateChain') {
    const leaf = vm.content.x509CertificateChain.certificates[0]
    if (leaf) vm.content = { $case: 'certificate', certificate: leaf }
  }
  bundle.mediaType = BUNDLE_V03_MEDIA_TYPE
  return bundle
}

function wrapSigningError(err: unknown): never {
  if (err instanceof UsageError) throw err
  const e = err as Error & { code?: string }
  const cause = (e as { cause?: unknown }).cause
  const detail = cause instanceof Error ? `: ${cause.message}` : ''
  throw new VerificationError('SIGNING_FAILED', `signing failed: ${e.message}${detail}`, {
    cause: err
  })
}

/** Signs a blob, returning a Sigstore bundle v0.3 (message signature). */
export async function signBlob(data: Buffer, options: SignOptions): Promise<SerializedBundle> {
  const { signer, witnesses } = setup(options, false)
  try {
    const bundle = await (
      signer instanceof KeySigner
        ? new KeyedMessageBundleBuilder({ signer, witnesses }, signer.messageHash)
        : new MessageSignatureBundleBuilder({ signer, witnesses })
    ).create({ data })
    return bundleToJSON(toV03(bundle))
  } catch (err) {
    wrapSigningError(err)
  }
}

/** Signs a payload as a DSSE envelope (default payload type: in-toto statement). */
export async function signDSSE(
  payload: Buffer,
  options: SignOptions,
  payloadType = IN_TOTO_PAYLOAD_TYPE
): Promise<SerializedBundle> {
  const { signer, witnesses } = setup(options, true)
  try {
    const bundle = await new DSSEBundleBuilder({ signer, witnesses }).create({
      data: payload,
      type: payloadType
    })
    return bundleToJSON(toV03(bundle))
  } catch (err) {
    wrapSigningError(err)
  }
}
