/**
 * Reading signature material: Sigstore bundles (v0.1–v0.3), cosign's legacy blob bundle
 * (`base64Signature` / `cert` / `rekorBundle`) and a bare base64 signature. Everything is turned
 * into one Sigstore `Bundle` so a single verifier handles all of them.
 */
import crypto from 'node:crypto'
import {
  type Bundle,
  BUNDLE_V01_MEDIA_TYPE,
  BUNDLE_V03_MEDIA_TYPE,
  bundleFromJSON,
  bundleToJSON,
  type SerializedBundle
} from '@sigstore/bundle'
import { RFC3161Timestamp, X509Certificate } from '@sigstore/core'
import { InputError } from '@secure-pipeline/core'
import { jsonLines, normalizeBundleJSON, parseJSONText, type BundleSource } from './bundle-json.js'

export type { Bundle, SerializedBundle }

export interface LegacyCosignBundle {
  base64Signature: string
  cert?: string
  rekorBundle?: RekorBundle
}

export type ParsedSignature =
  | { format: 'sigstore-bundle'; bundle: Bundle }
  | { format: 'cosign-legacy-bundle'; bundle: Bundle; embeddedPem?: string }
  | { format: 'raw-signature'; bundle: Bundle }
  | { format: 'sigstore-bundle-jsonl'; bundle: Bundle; bundles: BundleAtLine[] }

function pemToDer(pem: string): Buffer {
  const m = /-----BEGIN [A-Z ]+-----([\s\S]*?)-----END [A-Z ]+-----/.exec(pem)
  return Buffer.from((m?.[1] ?? '').replace(/\s+/g, ''), 'base64')
}

function isBase64(s: string): boolean {
  return /^[A-Za-z0-9+/=\s]+$/.test(s) && s.trim().length > 0
}

export interface RekorBundle {
  SignedEntryTimestamp: string
  Payload: { body: string; integratedTime: number; logIndex: number; logID: string }
}

export interface LegacyParts {
  /** Message signature (over the artifact / simple-signing payload), raw bytes. */
  signature?: Buffer
  /** sha256 of what `signature` signs. */
  messageDigest?: Buffer
  /** Or: a DSSE envelope (`{payload, payloadType, signatures:[{sig, keyid}]}`) as JSON. */
  envelope?: { payload: string; payloadType: string; signatures: { sig: string; keyid?: string }[] }
  /** Leaf certificate PEM (keyless). Without it the signature is keyed. */
  certificatePem?: string
  rekorBundle?: RekorBundle
}

/**
 * Builds a Sigstore bundle from cosign's pre-bundle pieces (legacy blob bundle, `.sig` / `.att`
 * layers): v0.1 (tlog entry + SET) when there is a Rekor bundle, else v0.3 without log entry.
 */
export function bundleFromLegacyParts(parts: LegacyParts, source = 'signature'): Bundle {
  const rb = parts.rekorBundle
  let kind = 'hashedrekord'
  let version = '0.0.1'
  let digest = parts.messageDigest
  if (rb) {
    try {
      const body = JSON.parse(Buffer.from(rb.Payload.body, 'base64').toString('utf8')) as {
        kind?: string
        apiVersion?: string
        spec?: { data?: { hash?: { value?: string } } }
      }
      kind = body.kind ?? kind
      version = body.apiVersion ?? version
      const v = body.spec?.data?.hash?.value
      if (!digest && v) digest = Buffer.from(v, 'hex')
    } catch (err) {
      throw new InputError(
        'BUNDLE_INVALID',
        'cosign Rekor bundle: Payload.body is not a Rekor entry',
        {
          position: { file: source },
          cause: err
        }
      )
    }
  }
  const cert = parts.certificatePem?.includes('CERTIFICATE') ? parts.certificatePem : undefined
  const content = parts.envelope
    ? { dsseEnvelope: parts.envelope }
    : {
        messageSignature: {
          messageDigest: {
            algorithm: 'SHA2_256',
            digest: (digest ?? Buffer.alloc(0)).toString('base64')
          },
          signature: (parts.signature ?? Buffer.alloc(0)).toString('base64')
        }
      }
  const json: Record<string, unknown> = {
    mediaType: rb ? BUNDLE_V01_MEDIA_TYPE : BUNDLE_V03_MEDIA_TYPE,
    verificationMaterial: {
      ...(cert
        ? rb
          ? {
              x509CertificateChain: {
                certificates: [{ rawBytes: pemToDer(cert).toString('base64') }]
              }
            }
          : { certificate: { rawBytes: pemToDer(cert).toString('base64') } }
        : { publicKey: { hint: '' } }),
      tlogEntries: rb
        ? [
            {
              logIndex: String(rb.Payload.logIndex),
              logId: { keyId: Buffer.from(rb.Payload.logID, 'hex').toString('base64') },
              kindVersion: { kind, version },
              integratedTime: String(rb.Payload.integratedTime),
              inclusionPromise: { signedEntryTimestamp: rb.SignedEntryTimestamp },
              canonicalizedBody: rb.Payload.body
            }
          ]
        : [],
      timestampVerificationData: { rfc3161Timestamps: [] }
    },
    ...content
  }
  try {
    return bundleFromJSON(json)
  } catch (err) {
    throw new InputError('BUNDLE_INVALID', `unusable cosign signature: ${(err as Error).message}`, {
      position: { file: source },
      cause: err
    })
  }
}

/** Converts cosign's legacy blob bundle to a Sigstore bundle. */
function fromLegacy(
  legacy: LegacyCosignBundle,
  source: string,
  artifactDigest?: Buffer
): { bundle: Bundle; embeddedPem?: string } {
  let pem: string | undefined
  if (legacy.cert) {
    const decoded = Buffer.from(legacy.cert, 'base64').toString('utf8')
    pem = decoded.includes('-----BEGIN') ? decoded : legacy.cert
  }
  const bundle = bundleFromLegacyParts(
    {
      signature: Buffer.from(legacy.base64Signature, 'base64'),
      certificatePem: pem,
      rekorBundle: legacy.rekorBundle,
      messageDigest: legacy.rekorBundle ? undefined : artifactDigest
    },
    source
  )
  return { bundle, embeddedPem: pem }
}

/** A Sigstore bundle (v0.3, public-key hint, no log entry) around a bare signature. */
export function bundleFromRawSignature(signature: Buffer, digest: Buffer, hint = ''): Bundle {
  return bundleFromJSON({
    mediaType: BUNDLE_V03_MEDIA_TYPE,
    verificationMaterial: {
      publicKey: { hint },
      tlogEntries: [],
      timestampVerificationData: { rfc3161Timestamps: [] }
    },
    messageSignature: {
      messageDigest: { algorithm: 'SHA2_256', digest: digest.toString('base64') },
      signature: signature.toString('base64')
    }
  })
}

/** A bundle read from a JSON Lines file, with its (1-based) line. */
export interface BundleAtLine {
  bundle: Bundle
  line: number
}

/**
 * The other bundles of a JSON Lines file, keyed by the first one (the `bundle` every reader of
 * `ParsedSignature` already uses), so `verifyBundle(parsed.bundle, ...)` tries all of them.
 */
const siblings = new WeakMap<Bundle, BundleAtLine[]>()

/** All bundles of the JSON Lines file `bundle` was the first line of (undefined otherwise). */
export function jsonLinesBundles(bundle: Bundle): BundleAtLine[] | undefined {
  return siblings.get(bundle)
}

function checkLegacy(obj: Record<string, unknown>, source: BundleSource): LegacyCosignBundle {
  const where = source.line !== undefined ? `line ${source.line}: ` : ''
  const bad = (field: string, expected: string, got: unknown): never => {
    throw new InputError(
      'BUNDLE_INVALID',
      `${where}cosign bundle: ${field}: expected ${expected}, got ${got === undefined ? '(missing)' : JSON.stringify(got)}`,
      { position: { file: source.file, line: source.line } }
    )
  }
  if (typeof obj.base64Signature !== 'string' || !isBase64(obj.base64Signature))
    bad('base64Signature', 'base64', obj.base64Signature)
  if (obj.cert !== undefined && obj.cert !== null && typeof obj.cert !== 'string')
    bad('cert', 'a base64 PEM string', obj.cert)
  const rb = obj.rekorBundle as Record<string, unknown> | undefined | null
  if (rb !== undefined && rb !== null) {
    if (typeof rb !== 'object') bad('rekorBundle', 'an object', rb)
    if (typeof rb.SignedEntryTimestamp !== 'string' || !isBase64(rb.SignedEntryTimestamp))
      bad('rekorBundle.SignedEntryTimestamp', 'base64', rb.SignedEntryTimestamp)
    const pl = (rb.Payload ?? undefined) as Record<string, unknown> | undefined
    if (typeof pl !== 'object') return bad('rekorBundle.Payload', 'an object', pl)
    if (typeof pl.body !== 'string' || !isBase64(pl.body))
      bad('rekorBundle.Payload.body', 'base64', pl.body)
    for (const f of ['integratedTime', 'logIndex'])
      if (!Number.isSafeInteger(pl[f])) bad(`rekorBundle.Payload.${f}`, 'an integer', pl[f])
    if (typeof pl.logID !== 'string' || !/^([0-9a-fA-F]{2})+$/.test(pl.logID))
      bad('rekorBundle.Payload.logID', 'hex', pl.logID)
  }
  return {
    base64Signature: String(obj.base64Signature),
    cert: typeof obj.cert === 'string' ? obj.cert : undefined,
    rekorBundle: rb ? (rb as unknown as RekorBundle) : undefined
  }
}

/** One JSON value (a Sigstore bundle or cosign's legacy bundle) to a Sigstore bundle. */
function bundleFromJSONValue(
  json: unknown,
  source: BundleSource,
  artifactDigest?: Buffer
): ParsedSignature {
  const obj = json as Record<string, unknown>
  if (typeof json === 'object' && json !== null && 'base64Signature' in obj) {
    const { bundle, embeddedPem } = fromLegacy(
      checkLegacy(obj, source),
      source.file,
      artifactDigest
    )
    return { format: 'cosign-legacy-bundle', bundle, embeddedPem }
  }
  const normalized = normalizeBundleJSON(json, source, artifactDigest)
  let bundle: Bundle
  try {
    bundle = bundleFromJSON(normalized)
  } catch (err) {
    const fields = (err as { fields?: string[] }).fields
    const where = source.line !== undefined ? `line ${source.line}: ` : ''
    throw new InputError(
      'BUNDLE_INVALID',
      `${where}not a valid Sigstore bundle: ${(err as Error).message}${fields?.length ? ` (${fields.join(', ')})` : ''}`,
      { position: { file: source.file, line: source.line }, cause: err }
    )
  }
  checkDER(bundle, source)
  return { format: 'sigstore-bundle', bundle }
}

/** Certificates and timestamp tokens must at least parse (DER); InputError naming the field otherwise. */
function checkDER(bundle: Bundle, source: BundleSource): void {
  const where = source.line !== undefined ? `line ${source.line}: ` : ''
  const check = (
    field: string,
    what: string,
    bytes: Uint8Array,
    parse: (b: Buffer<ArrayBuffer>) => unknown
  ): void => {
    try {
      parse(Buffer.from(bytes))
    } catch (err) {
      throw new InputError(
        'BUNDLE_INVALID',
        `${where}${field}: expected ${what}, got unparsable bytes (${(err as Error).message})`,
        { position: { file: source.file, line: source.line }, cause: err }
      )
    }
  }
  const vm = bundle.verificationMaterial.content
  // the parsers are lazy: read the fields verification uses
  const cert = (b: Buffer<ArrayBuffer>): unknown => {
    const c = X509Certificate.parse(b)
    return [c.notBefore, c.notAfter, c.publicKey, c.subject, c.issuer, c.extensions]
  }
  if (vm.$case === 'certificate')
    check(
      'verificationMaterial.certificate.rawBytes',
      'a DER X.509 certificate',
      vm.certificate.rawBytes,
      cert
    )
  if (vm.$case === 'x509CertificateChain')
    vm.x509CertificateChain.certificates.forEach((c, i) =>
      check(
        `verificationMaterial.x509CertificateChain.certificates[${i}].rawBytes`,
        'a DER X.509 certificate',
        c.rawBytes,
        cert
      )
    )
  ;(bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []).forEach(
    (t, i) =>
      check(
        `verificationMaterial.timestampVerificationData.rfc3161Timestamps[${i}].signedTimestamp`,
        'a DER RFC 3161 timestamp token',
        t.signedTimestamp,
        b => {
          const token = RFC3161Timestamp.parse(b)
          return [
            token.signingTime,
            token.signerSerialNumber,
            token.signerIssuer,
            token.tstInfo.messageImprintHashedMessage
          ]
        }
      )
  )
}

/**
 * Parses signature material. `artifactDigest` (sha256) fills the message digest of formats
 * that do not carry it (bare signatures, legacy bundles without Rekor data).
 *
 * A JSON Lines file (one bundle per line, as `gh attestation download` writes) gives the first
 * bundle as `bundle` and all of them as `bundles`; verification succeeds if any of them verifies.
 */
export function parseSignatureMaterial(
  text: string,
  source: string,
  artifactDigest?: Buffer
): ParsedSignature {
  const trimmed = text.replace(/^\uFEFF/, '').trim()
  if (trimmed.startsWith('{')) {
    let json: unknown
    try {
      json = JSON.parse(trimmed)
    } catch (err) {
      const lines = jsonLines(text.replace(/^\uFEFF/, ''), source)
      if (!lines) parseJSONText(text.replace(/^\uFEFF/, ''), { file: source })
      if (!lines) throw err
      const bundles = lines.map(({ line, text: lineText }) => ({
        line,
        bundle: bundleFromJSONValue(
          parseJSONText(lineText, { file: source, line }),
          { file: source, line },
          artifactDigest
        ).bundle
      }))
      const first = bundles[0]
      if (!first) throw err
      siblings.set(first.bundle, bundles)
      return { format: 'sigstore-bundle-jsonl', bundle: first.bundle, bundles }
    }
    return bundleFromJSONValue(json, { file: source }, artifactDigest)
  }
  if (trimmed.startsWith('[') || trimmed.startsWith('"')) {
    parseJSONText(trimmed, { file: source })
    throw new InputError(
      'BUNDLE_INVALID',
      `expected a bundle (a JSON object), got ${trimmed.startsWith('[') ? 'a JSON array' : 'a JSON string'}`,
      { position: { file: source } }
    )
  }
  if (isBase64(trimmed)) {
    const sig = Buffer.from(trimmed.replace(/\s+/g, ''), 'base64')
    if (!artifactDigest) {
      throw new InputError(
        'BUNDLE_INVALID',
        'a bare signature needs the artifact (or its digest) to verify against',
        {
          position: { file: source }
        }
      )
    }
    return { format: 'raw-signature', bundle: bundleFromRawSignature(sig, artifactDigest) }
  }
  throw new InputError(
    'BUNDLE_INVALID',
    trimmed === ''
      ? 'the bundle file is empty'
      : 'unrecognised signature material: expected a Sigstore bundle, a cosign bundle or a base64 signature',
    { position: { file: source } }
  )
}

export function serializeBundle(bundle: Bundle): SerializedBundle {
  return bundleToJSON(bundle)
}

export function sha256(data: Buffer | Uint8Array): Buffer {
  return crypto.createHash('sha256').update(data).digest()
}
