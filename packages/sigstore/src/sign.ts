/**
 * Signing: Sigstore bundle v0.3 for blobs (message signature) and in-toto statements (DSSE),
 * with a cosign key or keyless (OIDC token → Fulcio certificate → Rekor entry and/or TSA timestamp).
 */
import crypto from 'node:crypto'
import {
  BUNDLE_V03_MEDIA_TYPE,
  bundleToJSON,
  type Bundle,
  type SerializedBundle
} from '@sigstore/bundle'
import {
  DSSEBundleBuilder,
  FulcioSigner,
  MessageSignatureBundleBuilder,
  RekorWitness,
  TSAWitness,
  type IdentityProvider,
  type Signature,
  type Signer,
  type Witness
} from '@sigstore/sign'
import { UsageError, VerificationError } from '@secure-pipeline/core'
import { hashForKey, keyHint, publicKeyPem } from './keys.js'
import { PUBLIC_GOOD } from './trust.js'

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json'

/** Signs with a local private key; the bundle carries the key hint, as cosign's keyed bundles do. */
export class KeySigner implements Signer {
  private readonly pem: string
  private readonly hint: string
  private readonly hash: 'sha256' | 'sha384' | 'sha512' | null
  private readonly privateKey: crypto.KeyObject
  constructor(privateKey: crypto.KeyObject) {
    this.privateKey = privateKey
    this.pem = publicKeyPem(privateKey)
    this.hint = keyHint(privateKey)
    this.hash = hashForKey(privateKey)
  }
  sign(data: Buffer): Promise<Signature> {
    const signature = crypto.sign(this.hash, data, this.privateKey)
    return Promise.resolve({
      signature,
      key: { $case: 'publicKey', publicKey: this.pem, hint: this.hint }
    })
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

const keySigners = new WeakMap<crypto.KeyObject, KeySigner>()

function tokenProvider(token: KeylessOptions['identityToken']): IdentityProvider {
  return { getToken: typeof token === 'string' ? () => Promise.resolve(token) : token }
}

function setup(options: SignOptions, dsse: boolean): { signer: Signer; witnesses: Witness[] } {
  if (options.privateKey && options.keyless)
    throw new UsageError('use either a key or keyless signing, not both')
  const retry = { retries: 0 }
  if (options.privateKey) {
    const witnesses: Witness[] = options.rekorURL
      ? [
          new RekorWitness({
            rekorBaseURL: options.rekorURL,
            entryType: dsse ? 'dsse' : undefined,
            retry
          })
        ]
      : []
    let signer = keySigners.get(options.privateKey)
    if (!signer) {
      signer = new KeySigner(options.privateKey)
      keySigners.set(options.privateKey, signer)
    }
    return { signer, witnesses }
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
    const bundle = await new MessageSignatureBundleBuilder({ signer, witnesses }).create({ data })
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
