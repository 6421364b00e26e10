/**
 * Container images, the cosign v3 way: resolve the tag to a digest, sign an in-toto statement
 * over that digest as a DSSE bundle and store it as an OCI 1.1 referrer (tag-schema fallback).
 * Verification reads referrers first, then cosign v2's `sha256-<hex>.sig` / `.att` layouts.
 */
import crypto from 'node:crypto'
import {
  dockerReference,
  formatReference,
  parseSimpleSigningPayload,
  readBundleReferrers,
  readLegacyAttestations,
  readLegacySignatures,
  isIndexMediaType,
  isIndex,
  resolveImage,
  withDigest,
  writeBundleReferrer,
  type Descriptor,
  type RegistryClientOptions,
  type ResolvedImage,
  type SkippedEntry
} from '@secure-pipeline/oci'
import { VerificationError, describeError } from '@secure-pipeline/core'
import { bundleFromLegacyParts, parseSignatureMaterial, type RekorBundle } from './bundle.js'
import { signDSSE, type SignOptions } from './sign.js'
import { COSIGN_SIGN_PREDICATE_TYPE, buildStatement, type Statement } from './statement.js'
import { verifyBundle, type VerifyOptions, type VerifyResult } from './verify.js'

export interface ImageSignResult {
  /** `registry/repo@sha256:…` that was signed. */
  reference: string
  digest: string
  /** The bundle stored in the registry. */
  bundle: unknown
  /** Digest of the referrer manifest holding the bundle. */
  referrer: string
  /** How the referrer is discoverable: the registry's referrers API or the `sha256-<hex>` tag. */
  via: 'api' | 'tag-schema'
  /**
   * With `recursive` on a multi-arch image (OCI index / Docker manifest list): the result for
   * every manifest the index lists, signed the same way (cosign `--recursive`).
   */
  children?: ImageSignResult[]
}

export interface ImageSignOptions {
  /**
   * cosign `--recursive`: when the reference resolves to an index, sign the index and each
   * manifest it lists (one level: platform images, attestation manifests). Default: only what the
   * reference resolves to — the index digest for a multi-arch tag, as cosign does.
   */
  recursive?: boolean
}

async function attach(
  ref: string,
  predicateType: string,
  predicate: unknown,
  sign: SignOptions,
  oci: RegistryClientOptions,
  options: ImageSignOptions = {}
): Promise<ImageSignResult> {
  const image = await resolveImage(ref, oci)
  const result = await attachTo(image, predicateType, predicate, sign)
  if (options.recursive && isIndexMediaType(image.descriptor.mediaType)) {
    const index = await image.client.getManifest(image.pinned.repository, image.descriptor.digest)
    if (isIndex(index.manifest)) {
      result.children = []
      for (const child of index.manifest.manifests) {
        const childImage: ResolvedImage = {
          client: image.client,
          reference: withDigest(image.reference, child.digest),
          pinned: withDigest(image.reference, child.digest),
          descriptor: { mediaType: child.mediaType, digest: child.digest, size: child.size }
        }
        // The child must exist (and match its digest) before anything is signed for it.
        const fetched = await image.client.getManifest(image.pinned.repository, child.digest)
        childImage.descriptor = subjectOf(fetched.descriptor)
        result.children.push(await attachTo(childImage, predicateType, predicate, sign))
      }
    }
  }
  return result
}

function subjectOf(d: Descriptor): Descriptor {
  return { mediaType: d.mediaType, digest: d.digest, size: d.size }
}

async function attachTo(
  image: ResolvedImage,
  predicateType: string,
  predicate: unknown,
  sign: SignOptions
): Promise<ImageSignResult> {
  const hex = image.descriptor.digest.replace(/^sha256:/, '')
  // As cosign v3: a plain signature's subject is the digest alone; attestations name the repository.
  const subject =
    predicateType === COSIGN_SIGN_PREDICATE_TYPE
      ? { digest: { sha256: hex } }
      : { name: dockerReference(image.pinned), digest: { sha256: hex } }
  const statement = buildStatement([subject], predicateType, predicate)
  const bundle = await signDSSE(Buffer.from(JSON.stringify(statement)), sign)
  const put = await writeBundleReferrer(
    image.client,
    image.pinned.repository,
    image.descriptor,
    bundle,
    {
      predicateType,
      content: 'dsse-envelope'
    }
  )
  return {
    reference: formatReference(image.pinned),
    digest: image.descriptor.digest,
    bundle,
    referrer: put.descriptor.digest,
    via: put.referrers ?? 'api'
  }
}

/** `cosign sign` (v3): a `https://sigstore.dev/cosign/sign/v1` statement over the image digest. */
export function signImage(
  ref: string,
  sign: SignOptions,
  oci: RegistryClientOptions = {},
  options: ImageSignOptions = {}
): Promise<ImageSignResult> {
  return attach(ref, COSIGN_SIGN_PREDICATE_TYPE, {}, sign, oci, options)
}

/** `cosign attest` (v3): a statement with the given predicate, stored as a bundle referrer. */
export function attestImage(
  ref: string,
  predicateType: string,
  predicate: unknown,
  sign: SignOptions,
  oci: RegistryClientOptions = {},
  options: ImageSignOptions = {}
): Promise<ImageSignResult> {
  return attach(ref, predicateType, predicate, sign, oci, options)
}

export interface VerifiedImageSignature {
  source: 'referrer' | 'legacy-sig' | 'legacy-att'
  /** Which one: `referrer sha256:…` (its manifest) or `sha256-<hex>.sig layer sha256:…`. */
  entry: string
  result: VerifyResult
  predicateType?: string
}

export interface ImageVerifyResult {
  reference: string
  digest: string
  verified: VerifiedImageSignature[]
  /** Signatures found that did not verify (or could not be read), with the reason. */
  rejected: { source: string; entry: string; reason: string }[]
}

export interface ImageVerifyOptions extends VerifyOptions {
  /** Verify attestations (DSSE statements other than the plain signature) instead of signatures. */
  attestation?: boolean
}

function verifyOne(
  source: VerifiedImageSignature['source'],
  entry: string,
  run: () => VerifyResult,
  out: ImageVerifyResult
): void {
  try {
    const result = run()
    out.verified.push({ source, entry, result, predicateType: result.statement?.predicateType })
  } catch (err) {
    out.rejected.push({ source, entry, reason: describeError(err) })
  }
}

function skippedInto(
  source: VerifiedImageSignature['source'],
  out: ImageVerifyResult
): (s: SkippedEntry) => void {
  return s => out.rejected.push({ source, entry: s.entry, reason: `unreadable: ${s.reason}` })
}

function parseRekorBundle(text: string | undefined): RekorBundle | undefined {
  if (!text) return undefined
  try {
    return JSON.parse(text) as RekorBundle
  } catch {
    return undefined
  }
}

/**
 * Verifies the signatures (or, with `attestation`, the attestations) of an image. Throws
 * VerificationError when none verifies; returns every verified one otherwise.
 */
export async function verifyImage(
  ref: string,
  options: ImageVerifyOptions,
  oci: RegistryClientOptions = {}
): Promise<ImageVerifyResult> {
  const image = await resolveImage(ref, oci)
  const digest = image.descriptor.digest
  const repo = image.pinned.repository
  const out: ImageVerifyResult = {
    reference: formatReference(image.pinned),
    digest,
    verified: [],
    rejected: []
  }
  const wanted = options.attestation ? options.predicateType : COSIGN_SIGN_PREDICATE_TYPE

  const { bundles, skipped } = await readBundleReferrers(
    image.client,
    repo,
    digest,
    wanted ? { predicateType: wanted } : {}
  )
  skipped.forEach(skippedInto('referrer', out))
  for (const stored of bundles) {
    if (options.attestation && !wanted && stored.predicateType === COSIGN_SIGN_PREDICATE_TYPE)
      continue
    verifyOne(
      'referrer',
      `referrer ${stored.manifest.digest}`,
      () => {
        const { bundle } = parseSignatureMaterial(
          stored.bundle.toString('utf8'),
          `referrer ${stored.manifest.digest}`
        )
        const result = verifyBundle(
          bundle,
          { digest },
          { ...options, predicateType: wanted, dsseOnly: true }
        )
        if (
          !options.attestation &&
          result.statement?.predicateType !== COSIGN_SIGN_PREDICATE_TYPE
        ) {
          throw new VerificationError(
            'PREDICATE_TYPE_MISMATCH',
            `predicate type: expected ${COSIGN_SIGN_PREDICATE_TYPE}, got ${String(result.statement?.predicateType)}`
          )
        }
        return result
      },
      out
    )
  }

  if (out.verified.length === 0 && !options.attestation) {
    const sigs = await readLegacySignatures(image.client, repo, digest, {
      onSkip: skippedInto('legacy-sig', out)
    })
    for (const sig of sigs) {
      verifyOne(
        'legacy-sig',
        `${digest.replace(':', '-')}.sig layer ${sig.layer.digest}`,
        () => {
          const payload = parseSimpleSigningPayload(sig.payload)
          if (payload.manifestDigest !== digest) {
            throw new VerificationError(
              'DIGEST_MISMATCH',
              `simple-signing payload: expected docker-manifest-digest ${digest}, got ${payload.manifestDigest}`
            )
          }
          const bundle = bundleFromLegacyParts(
            {
              signature: Buffer.from(sig.signature, 'base64'),
              messageDigest: crypto.createHash('sha256').update(sig.payload).digest(),
              certificatePem: sig.certificate,
              rekorBundle: parseRekorBundle(sig.rekorBundle)
            },
            `${repo}:${digest.replace(':', '-')}.sig`
          )
          return verifyBundle(
            bundle,
            { data: sig.payload },
            { ...options, predicateType: undefined }
          )
        },
        out
      )
    }
  }
  if (out.verified.length === 0 && options.attestation) {
    const legacy = await readLegacyAttestations(image.client, repo, digest, {
      ...(wanted ? { predicateType: wanted } : {}),
      onSkip: skippedInto('legacy-att', out)
    })
    for (const att of legacy) {
      verifyOne(
        'legacy-att',
        `${digest.replace(':', '-')}.att layer ${att.layer.digest}`,
        () => {
          const envelope = JSON.parse(att.envelope.toString('utf8')) as NonNullable<
            Parameters<typeof bundleFromLegacyParts>[0]['envelope']
          >
          const bundle = bundleFromLegacyParts(
            {
              envelope,
              certificatePem: att.certificate,
              rekorBundle: parseRekorBundle(att.rekorBundle)
            },
            `${repo}:${digest.replace(':', '-')}.att`
          )
          return verifyBundle(
            bundle,
            { digest },
            { ...options, predicateType: wanted, dsseOnly: true }
          )
        },
        out
      )
    }
  }

  if (out.verified.length === 0) {
    const what = options.attestation
      ? `attestation${wanted ? ` of type ${wanted}` : ''}`
      : 'signature'
    const reasons = out.rejected.map(r => `${r.entry}: ${r.reason}`).join('; ')
    throw new VerificationError(
      'IMAGE_NOT_VERIFIED',
      reasons
        ? `no ${what} of ${out.reference} verified: ${reasons}`
        : `no ${what} found for ${out.reference}`
    )
  }
  return out
}

export type { Statement }
