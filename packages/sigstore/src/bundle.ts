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
import { InputError } from '@secure-pipeline/core'

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

/**
 * Parses signature material. `artifactDigest` (sha256) fills the message digest of formats
 * that do not carry it (bare signatures, legacy bundles without Rekor data).
 */
export function parseSignatureMaterial(
  text: string,
  source: string,
  artifactDigest?: Buffer
): ParsedSignature {
  const trimmed = text.trim()
  if (trimmed.startsWith('{')) {
    let json: unknown
    try {
      json = JSON.parse(trimmed)
    } catch (err) {
      throw new InputError(
        'BUNDLE_INVALID',
        `bundle is not valid JSON: ${(err as Error).message}`,
        {
          position: { file: source },
          cause: err
        }
      )
    }
    const obj = json as Record<string, unknown>
    if (typeof obj.base64Signature === 'string') {
      const { bundle, embeddedPem } = fromLegacy(
        obj as unknown as LegacyCosignBundle,
        source,
        artifactDigest
      )
      return { format: 'cosign-legacy-bundle', bundle, embeddedPem }
    }
    try {
      return { format: 'sigstore-bundle', bundle: bundleFromJSON(json) }
    } catch (err) {
      throw new InputError(
        'BUNDLE_INVALID',
        `not a valid Sigstore bundle: ${(err as Error).message}`,
        {
          position: { file: source },
          cause: err
        }
      )
    }
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
    'unrecognised signature material: expected a Sigstore bundle, a cosign bundle or a base64 signature',
    { position: { file: source } }
  )
}

export function serializeBundle(bundle: Bundle): SerializedBundle {
  return bundleToJSON(bundle)
}

export function sha256(data: Buffer | Uint8Array): Buffer {
  return crypto.createHash('sha256').update(data).digest()
}
