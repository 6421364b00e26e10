/**
 * cosign's two ways of storing signatures and attestations next to an image:
 *
 * (a) cosign v3 (default): a Sigstore bundle stored as an OCI 1.1 artifact manifest whose
 *     `subject` is the signed image, `artifactType` and single layer of media type
 *     `application/vnd.dev.sigstore.bundle.v0.3+json`, empty config, annotations
 *     `dev.sigstore.bundle.content`, `dev.sigstore.bundle.predicateType`,
 *     `org.opencontainers.image.created`. Found through the referrers API or its tag-schema
 *     fallback (`sha256-<hex>` index).
 * (b) cosign ≤ v2 (legacy, still read by cosign v3 verify): tag `sha256-<hex>.sig`, an OCI image
 *     whose layers are simple-signing payloads (`application/vnd.dev.cosign.simplesigning.v1+json`)
 *     with the signature, certificate, chain and Rekor bundle as layer annotations; and tag
 *     `sha256-<hex>.att` whose layers are DSSE envelopes (`application/vnd.dsse.envelope.v1+json`)
 *     with a `predicateType` annotation.
 *
 * Writers build exactly these layouts; readers return the raw parts (payload bytes, base64
 * signature, PEMs, bundle JSON). They verify nothing cryptographic: that is packages/sigstore.
 */
import { VerificationError } from '@secure-pipeline/core'
import type { PutManifestResult, RegistryClient, ReferrersResult } from './client.js'
import { referrersTag, withTagLock } from './client.js'
import { DigestMismatchError, RegistryError } from './errors.js'
import {
  EMPTY_DESCRIPTOR,
  EMPTY_JSON,
  MediaType,
  isIndex,
  type Descriptor,
  type ImageManifest
} from './types.js'

export const CosignMediaType = {
  SimpleSigning: 'application/vnd.dev.cosign.simplesigning.v1+json',
  DsseEnvelope: 'application/vnd.dsse.envelope.v1+json',
  BundleV03: 'application/vnd.dev.sigstore.bundle.v0.3+json',
  /** Prefix shared by every Sigstore bundle media type (v0.1–v0.3). */
  BundlePrefix: 'application/vnd.dev.sigstore.bundle'
} as const

export const CosignAnnotation = {
  Signature: 'dev.cosignproject.cosign/signature',
  Certificate: 'dev.sigstore.cosign/certificate',
  Chain: 'dev.sigstore.cosign/chain',
  Bundle: 'dev.sigstore.cosign/bundle',
  RFC3161Timestamp: 'dev.sigstore.cosign/rfc3161timestamp',
  PredicateType: 'predicateType',
  BundleContent: 'dev.sigstore.bundle.content',
  BundlePredicateType: 'dev.sigstore.bundle.predicateType',
  Created: 'org.opencontainers.image.created'
} as const

/** predicateType cosign v3 uses for a plain `cosign sign` of an image. */
export const COSIGN_SIGN_PREDICATE_TYPE = 'https://sigstore.dev/cosign/sign/v1'
export const SIMPLE_SIGNING_TYPE = 'cosign container image signature'

/** `sha256-<hex>.sig`, `.att`, `.sbom`: cosign's legacy tags for `digest`. */
export function cosignTag(digest: string, suffix: 'sig' | 'att' | 'sbom'): string {
  return `${referrersTag(digest)}.${suffix}`
}

// ------------------------------------------------------------------ simple signing payload

export interface SimpleSigningPayload {
  dockerReference: string
  manifestDigest: string
  type: string
  optional: Record<string, unknown> | null
}

/** Go `encoding/json` escapes these; do the same so payload bytes match cosign's. */
function goEscape(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

/** JSON with object keys sorted (Go marshals maps that way). */
function sortedJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(v => sortedJson(v)).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${sortedJson(v)}`).join(',')}}`
}

/**
 * The simple-signing payload cosign signs for an image, byte for byte as cosign marshals it:
 * `{"critical":{"identity":{"docker-reference":R},"image":{"docker-manifest-digest":D},"type":"cosign container image signature"},"optional":null|{…}}`.
 * `dockerReference` is the repository without tag (see `dockerReference()` in reference.ts).
 */
export function simpleSigningPayload(input: {
  dockerReference: string
  manifestDigest: string
  annotations?: Record<string, unknown>
}): Buffer {
  const optional =
    input.annotations && Object.keys(input.annotations).length
      ? sortedJson(input.annotations)
      : 'null'
  const json =
    `{"critical":{"identity":{"docker-reference":${JSON.stringify(input.dockerReference)}},` +
    `"image":{"docker-manifest-digest":${JSON.stringify(input.manifestDigest)}},` +
    `"type":${JSON.stringify(SIMPLE_SIGNING_TYPE)}},"optional":${optional}}`
  return Buffer.from(goEscape(json))
}

function badPayload(why: string): VerificationError {
  return new VerificationError('OCI_BAD_SIMPLE_SIGNING', `invalid simple-signing payload: ${why}`)
}

/** Parses a simple-signing payload; VerificationError (exit 1) when it is not one. */
export function parseSimpleSigningPayload(bytes: Uint8Array | string): SimpleSigningPayload {
  let parsed: unknown
  try {
    parsed = JSON.parse(typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8'))
  } catch {
    throw badPayload('not JSON')
  }
  const critical = (parsed as { critical?: unknown } | null)?.critical as
    | {
        identity?: { 'docker-reference'?: unknown }
        image?: { 'docker-manifest-digest'?: unknown }
        type?: unknown
      }
    | undefined
  if (!critical || typeof critical !== 'object') throw badPayload('missing "critical"')
  const dockerReference = critical.identity?.['docker-reference']
  const manifestDigest = critical.image?.['docker-manifest-digest']
  if (typeof dockerReference !== 'string')
    throw badPayload('missing critical.identity.docker-reference')
  if (typeof manifestDigest !== 'string')
    throw badPayload('missing critical.image.docker-manifest-digest')
  if (typeof critical.type !== 'string') throw badPayload('missing critical.type')
  const optional = (parsed as { optional?: unknown }).optional
  return {
    dockerReference,
    manifestDigest,
    type: critical.type,
    optional:
      optional && typeof optional === 'object' && !Array.isArray(optional)
        ? (optional as Record<string, unknown>)
        : null
  }
}

// ------------------------------------------------------------------ helpers

function toBytes(value: Uint8Array | string | object): Buffer {
  if (value instanceof Uint8Array) return Buffer.from(value)
  if (typeof value === 'string') return Buffer.from(value)
  return Buffer.from(JSON.stringify(value))
}

function annotationText(value: string | object | undefined): string | undefined {
  if (value === undefined) return undefined
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** predicateType of a DSSE envelope carrying an in-toto statement, if readable. */
export function dssePredicateType(envelope: Uint8Array | string | object): string | undefined {
  try {
    const env = (
      envelope instanceof Uint8Array || typeof envelope === 'string'
        ? JSON.parse(Buffer.from(envelope as Uint8Array).toString('utf8'))
        : envelope
    ) as { payload?: unknown } | null
    if (typeof env?.payload !== 'string') return undefined
    const statement = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as {
      predicateType?: unknown
    }
    return typeof statement.predicateType === 'string' ? statement.predicateType : undefined
  } catch {
    return undefined
  }
}

/** `dsse-envelope` or `message-signature` (and the predicateType) of a Sigstore bundle JSON. */
export function describeBundle(bundle: Uint8Array | string | object): {
  content?: 'dsse-envelope' | 'message-signature'
  predicateType?: string
  mediaType?: string
} {
  let json: Record<string, unknown>
  try {
    json = (
      bundle instanceof Uint8Array || typeof bundle === 'string'
        ? JSON.parse(Buffer.from(bundle as Uint8Array).toString('utf8'))
        : bundle
    ) as Record<string, unknown>
  } catch {
    return {}
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return {}
  const out: {
    content?: 'dsse-envelope' | 'message-signature'
    predicateType?: string
    mediaType?: string
  } = {}
  if (typeof json.mediaType === 'string') out.mediaType = json.mediaType
  if (json.dsseEnvelope && typeof json.dsseEnvelope === 'object') {
    out.content = 'dsse-envelope'
    const pt = dssePredicateType(json.dsseEnvelope)
    if (pt) out.predicateType = pt
  } else if (json.messageSignature) {
    out.content = 'message-signature'
  }
  return out
}

// ------------------------------------------------------------------ (a) bundles as referrers

export interface WriteBundleOptions {
  /** Default: read from the bundle's DSSE statement. */
  predicateType?: string
  /** Default: from the bundle (`dsseEnvelope` / `messageSignature`). */
  content?: 'dsse-envelope' | 'message-signature'
  /** Default: now. */
  created?: Date
  /** Extra manifest annotations. */
  annotations?: Record<string, string>
  /** Default: the bundle's own `mediaType` when it is a v0.3 one, else v0.3. */
  mediaType?: string
}

export interface StoredBundle {
  /** Descriptor of the artifact manifest holding the bundle. */
  manifest: Descriptor
  /** Media type of the bundle layer (= artifactType). */
  mediaType: string
  annotations: Record<string, string>
  predicateType?: string
  /** The bundle JSON bytes, unparsed. */
  bundle: Buffer
}

/**
 * Stores a Sigstore bundle as cosign v3 does: an OCI 1.1 artifact manifest pushed by digest with
 * `subject` = the image. On registries without the referrers API the `sha256-<hex>` index tag is
 * updated (result `referrers: 'tag-schema'`).
 */
export async function writeBundleReferrer(
  client: RegistryClient,
  repository: string,
  subject: Descriptor,
  bundle: Uint8Array | string | object,
  options: WriteBundleOptions = {}
): Promise<PutManifestResult> {
  const bytes = toBytes(bundle)
  const info = describeBundle(bytes)
  const mediaType = options.mediaType ?? CosignMediaType.BundleV03
  await client.pushBlob(repository, EMPTY_JSON, { mediaType: MediaType.OciEmpty })
  const layer = await client.pushBlob(repository, bytes, { mediaType })
  const annotations: Record<string, string> = {}
  const content = options.content ?? info.content
  if (content) annotations[CosignAnnotation.BundleContent] = content
  const predicateType = options.predicateType ?? info.predicateType
  if (predicateType) annotations[CosignAnnotation.BundlePredicateType] = predicateType
  annotations[CosignAnnotation.Created] = rfc3339(options.created ?? new Date())
  Object.assign(annotations, options.annotations)
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: MediaType.OciManifest,
    artifactType: mediaType,
    config: EMPTY_DESCRIPTOR,
    layers: [layer],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    annotations
  }
  return client.putManifest(repository, manifest)
}

/**
 * Reads every Sigstore bundle attached to `subjectDigest` (referrers API, else tag schema),
 * optionally only those of a given predicateType (the `dev.sigstore.bundle.predicateType`
 * annotation, or the DSSE statement's when the annotation is absent; the annotation is only a
 * hint — the verifier must check the signed statement). Manifests whose `subject` is not
 * `subjectDigest` are skipped.
 */
export async function readBundleReferrers(
  client: RegistryClient,
  repository: string,
  subjectDigest: string,
  options: { predicateType?: string } = {}
): Promise<{ via: ReferrersResult['via']; bundles: StoredBundle[]; skipped: SkippedEntry[] }> {
  const listed = await client.referrers(repository, subjectDigest)
  const bundles: StoredBundle[] = []
  const skipped: SkippedEntry[] = []
  for (const d of listed.manifests) {
    if (d.artifactType !== undefined && !d.artifactType.startsWith(CosignMediaType.BundlePrefix))
      continue
    if (d.mediaType !== MediaType.OciManifest) continue
    try {
      const stored = await readOneBundleReferrer(client, repository, subjectDigest, d, options)
      if (stored) bundles.push(stored)
    } catch (err) {
      // One unreadable entry (missing or tampered manifest/blob, oversized) must not hide the others.
      if (!isSkippable(err)) throw err
      skipped.push({ entry: `referrer ${d.digest}`, reason: (err as Error).message })
    }
  }
  return { via: listed.via, bundles, skipped }
}

/** A stored signature that could not be read (and so was not considered), with the reason. */
export interface SkippedEntry {
  /** `referrer sha256:…` or `sha256-<hex>.sig layer sha256:…`. */
  entry: string
  reason: string
}

/**
 * Content problems of one entry: gone (404), not matching its digest, too large, not a manifest.
 * Auth failures, 5xx and unreachable registries still fail the whole operation (exit 2).
 */
function isSkippable(err: unknown): boolean {
  if (err instanceof DigestMismatchError) return true
  return (
    err instanceof RegistryError &&
    (err.status === 404 || err.status === 200 || err.registryCode === 'DIGEST_INVALID')
  )
}

async function readOneBundleReferrer(
  client: RegistryClient,
  repository: string,
  subjectDigest: string,
  d: Descriptor,
  options: { predicateType?: string }
): Promise<StoredBundle | undefined> {
  const fetched = await client.getManifest(repository, d.digest)
  const m = fetched.manifest
  if (isIndex(m) || m.subject?.digest !== subjectDigest) return undefined
  const layer = m.layers.find(l => l.mediaType.startsWith(CosignMediaType.BundlePrefix))
  const artifactType = m.artifactType ?? m.config.mediaType
  if (!layer || !artifactType.startsWith(CosignMediaType.BundlePrefix)) return undefined
  const annotations = m.annotations ?? {}
  const annotated = annotations[CosignAnnotation.BundlePredicateType]
  if (
    options.predicateType !== undefined &&
    annotated !== undefined &&
    annotated !== options.predicateType
  ) {
    return undefined
  }
  const bundle = await client.getBlob(repository, layer.digest, { maxBytes: 16 << 20 })
  // Writers that omit the annotation (e.g. @sigstore/oci without annotations): read the statement.
  const predicateType = annotated ?? describeBundle(bundle).predicateType
  if (options.predicateType !== undefined && predicateType !== options.predicateType)
    return undefined
  const stored: StoredBundle = {
    manifest: fetched.descriptor,
    mediaType: layer.mediaType,
    annotations,
    bundle
  }
  if (predicateType !== undefined) stored.predicateType = predicateType
  return stored
}

// ------------------------------------------------------------------ (b) legacy .sig / .att

export interface LegacyLayerParts {
  /** PEM leaf certificate (keyless). */
  certificate?: string
  /** PEM chain (intermediates + root). */
  chain?: string
  /** Rekor bundle `{"SignedEntryTimestamp","Payload":{body,integratedTime,logIndex,logID}}`. */
  rekorBundle?: string | object
  /** RFC 3161 timestamp annotation `{"SignedRFC3161Timestamp": "<b64>"}`. */
  rfc3161Timestamp?: string | object
  /** Extra layer annotations. */
  annotations?: Record<string, string>
}

export interface LegacySignatureInput extends LegacyLayerParts {
  /** The simple-signing payload bytes that were signed (see simpleSigningPayload). */
  payload: Uint8Array
  /** Base64 signature over `payload`. */
  signature: string
}

export interface LegacyAttestationInput extends LegacyLayerParts {
  /** The DSSE envelope `{payload,payloadType,signatures:[{keyid,sig}]}` (JSON bytes or object). */
  envelope: Uint8Array | string | object
  /** Default: from the envelope's in-toto statement. */
  predicateType?: string
}

export interface LegacyLayer {
  layer: Descriptor
  annotations: Record<string, string>
  certificate?: string
  chain?: string
  /** Rekor bundle JSON text, unparsed. */
  rekorBundle?: string
  rfc3161Timestamp?: string
}

export interface LegacySignature extends LegacyLayer {
  payload: Buffer
  /** Base64 signature (the `dev.cosignproject.cosign/signature` annotation). */
  signature: string
}

export interface LegacyAttestation extends LegacyLayer {
  envelope: Buffer
  predicateType?: string
}

export interface LegacyWriteResult {
  tag: string
  descriptor: Descriptor
  /** Number of layers (signatures / attestations) now under the tag. */
  layers: number
}

function layerAnnotations(parts: LegacyLayerParts, signature: string): Record<string, string> {
  const a: Record<string, string> = { [CosignAnnotation.Signature]: signature }
  if (parts.certificate) a[CosignAnnotation.Certificate] = parts.certificate
  if (parts.chain) a[CosignAnnotation.Chain] = parts.chain
  const bundle = annotationText(parts.rekorBundle)
  if (bundle) a[CosignAnnotation.Bundle] = bundle
  const ts = annotationText(parts.rfc3161Timestamp)
  if (ts) a[CosignAnnotation.RFC3161Timestamp] = ts
  return { ...a, ...parts.annotations }
}

/** Appends a layer to the legacy image under `tag` (creating it), as cosign's mutate does. */
async function appendLegacyLayer(
  client: RegistryClient,
  repository: string,
  tag: string,
  payload: Buffer,
  mediaType: string,
  annotations: Record<string, string>,
  replace: boolean
): Promise<LegacyWriteResult> {
  return withTagLock(client.registry, repository, tag, () =>
    appendLegacyLayerUnlocked(client, repository, tag, payload, mediaType, annotations, replace)
  )
}

async function appendLegacyLayerUnlocked(
  client: RegistryClient,
  repository: string,
  tag: string,
  payload: Buffer,
  mediaType: string,
  annotations: Record<string, string>,
  replace: boolean
): Promise<LegacyWriteResult> {
  let layers: Descriptor[] = []
  let manifestMediaType: string = MediaType.OciManifest
  let configMediaType: string = MediaType.OciConfig
  if (!replace) {
    try {
      const existing = await client.getManifest(repository, tag)
      if (!isIndex(existing.manifest)) {
        layers = existing.manifest.layers
        manifestMediaType = existing.descriptor.mediaType
        configMediaType = existing.manifest.config.mediaType
      }
    } catch (err) {
      if (!(err instanceof RegistryError && err.status === 404)) throw err
    }
  }
  const layer = await client.pushBlob(repository, payload, { mediaType })
  const sameLayer = (l: Descriptor): boolean =>
    l.digest === layer.digest &&
    l.annotations?.[CosignAnnotation.Signature] === annotations[CosignAnnotation.Signature]
  if (!layers.some(sameLayer)) layers = [...layers, { ...layer, annotations }]
  // The config go-containerregistry writes for empty.Image plus appended layers.
  const config = Buffer.from(
    JSON.stringify({
      architecture: '',
      created: '0001-01-01T00:00:00Z',
      history: layers.map(() => ({ created: '0001-01-01T00:00:00Z' })),
      os: '',
      rootfs: { type: 'layers', diff_ids: layers.map(l => l.digest) },
      config: {}
    })
  )
  const configDescriptor = await client.pushBlob(repository, config, { mediaType: configMediaType })
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: manifestMediaType,
    config: configDescriptor,
    layers
  }
  const { descriptor } = await client.putManifest(repository, manifest, { reference: tag })
  return { tag, descriptor, layers: layers.length }
}

/**
 * Writes a cosign ≤ v2 signature: a layer (the simple-signing payload) with the signature and
 * certificate/chain/Rekor-bundle annotations, appended to the `sha256-<hex>.sig` image (or
 * replacing it with `replace: true`). An identical layer+signature is not added twice.
 */
export async function writeLegacySignature(
  client: RegistryClient,
  repository: string,
  subjectDigest: string,
  input: LegacySignatureInput,
  options: { replace?: boolean } = {}
): Promise<LegacyWriteResult> {
  return appendLegacyLayer(
    client,
    repository,
    cosignTag(subjectDigest, 'sig'),
    Buffer.from(input.payload),
    CosignMediaType.SimpleSigning,
    layerAnnotations(input, input.signature),
    options.replace ?? false
  )
}

/** Writes a cosign ≤ v2 attestation (DSSE envelope layer) under `sha256-<hex>.att`. */
export async function writeLegacyAttestation(
  client: RegistryClient,
  repository: string,
  subjectDigest: string,
  input: LegacyAttestationInput,
  options: { replace?: boolean } = {}
): Promise<LegacyWriteResult> {
  const envelope = toBytes(input.envelope)
  const annotations = layerAnnotations(input, '')
  const predicateType = input.predicateType ?? dssePredicateType(envelope)
  if (predicateType) annotations[CosignAnnotation.PredicateType] = predicateType
  return appendLegacyLayer(
    client,
    repository,
    cosignTag(subjectDigest, 'att'),
    envelope,
    CosignMediaType.DsseEnvelope,
    annotations,
    options.replace ?? false
  )
}

async function readLegacyLayers(
  client: RegistryClient,
  repository: string,
  tag: string,
  mediaType: string,
  onSkip: ((skipped: SkippedEntry) => void) | undefined
): Promise<Array<{ layer: Descriptor; annotations: Record<string, string>; data: Buffer }>> {
  let fetched
  try {
    fetched = await client.getManifest(repository, tag)
  } catch (err) {
    if (err instanceof RegistryError && err.status === 404) return []
    if (!isSkippable(err)) throw err
    onSkip?.({ entry: tag, reason: (err as Error).message })
    return []
  }
  if (isIndex(fetched.manifest)) return []
  const out = []
  for (const layer of fetched.manifest.layers) {
    if (layer.mediaType !== mediaType) continue
    try {
      const data = await client.getBlob(repository, layer.digest, { maxBytes: 16 << 20 })
      out.push({ layer, annotations: layer.annotations ?? {}, data })
    } catch (err) {
      // A missing or tampered layer is one unusable signature, not a reason to ignore the rest.
      if (!isSkippable(err)) throw err
      onSkip?.({ entry: `${tag} layer ${layer.digest}`, reason: (err as Error).message })
    }
  }
  return out
}

function legacyParts(
  annotations: Record<string, string>
): Omit<LegacyLayer, 'layer' | 'annotations'> {
  const parts: Omit<LegacyLayer, 'layer' | 'annotations'> = {}
  const cert = annotations[CosignAnnotation.Certificate]
  if (cert) parts.certificate = cert
  const chain = annotations[CosignAnnotation.Chain]
  if (chain) parts.chain = chain
  const bundle = annotations[CosignAnnotation.Bundle]
  if (bundle) parts.rekorBundle = bundle
  const ts = annotations[CosignAnnotation.RFC3161Timestamp]
  if (ts) parts.rfc3161Timestamp = ts
  return parts
}

/** Reads the `sha256-<hex>.sig` signatures of `subjectDigest` ([] when there are none). */
export async function readLegacySignatures(
  client: RegistryClient,
  repository: string,
  subjectDigest: string,
  options: { onSkip?: (skipped: SkippedEntry) => void } = {}
): Promise<LegacySignature[]> {
  const layers = await readLegacyLayers(
    client,
    repository,
    cosignTag(subjectDigest, 'sig'),
    CosignMediaType.SimpleSigning,
    options.onSkip
  )
  return layers.map(({ layer, annotations, data }) => ({
    layer,
    annotations,
    payload: data,
    signature: annotations[CosignAnnotation.Signature] ?? '',
    ...legacyParts(annotations)
  }))
}

/** Reads the `sha256-<hex>.att` attestations of `subjectDigest`, optionally by predicateType. */
export async function readLegacyAttestations(
  client: RegistryClient,
  repository: string,
  subjectDigest: string,
  options: { predicateType?: string; onSkip?: (skipped: SkippedEntry) => void } = {}
): Promise<LegacyAttestation[]> {
  const layers = await readLegacyLayers(
    client,
    repository,
    cosignTag(subjectDigest, 'att'),
    CosignMediaType.DsseEnvelope,
    options.onSkip
  )
  const out: LegacyAttestation[] = []
  for (const { layer, annotations, data } of layers) {
    const predicateType = annotations[CosignAnnotation.PredicateType] ?? dssePredicateType(data)
    if (options.predicateType !== undefined && predicateType !== options.predicateType) continue
    const a: LegacyAttestation = { layer, annotations, envelope: data, ...legacyParts(annotations) }
    if (predicateType !== undefined) a.predicateType = predicateType
    out.push(a)
  }
  return out
}
