/**
 * Reading Sigstore bundle JSON the way the protobuf JSON mapping defines it, strictly enough to
 * fail closed with a precise message:
 *
 * - field names in lowerCamelCase or their original snake_case proto names; unknown fields are
 *   ignored (protobuf JSON rules);
 * - `bytes` fields are standard or URL-safe base64, padded or not (line breaks ignored, as Go's
 *   decoder does); anything else is refused instead of being decoded leniently;
 * - int64 fields are JSON numbers or decimal strings; enums are names or numbers;
 * - every field the bundle spec marks REQUIRED (for the bundle's version) must be present
 *   (except numbers: protobuf JSON omits a 0);
 * - media types `application/vnd.dev.sigstore.bundle+json;version=0.N` and
 *   `application/vnd.dev.sigstore.bundle.v0.N+json` for N = 1..3.
 *
 * Also: JSON syntax errors with line and column, and JSON Lines files (several bundles, one per
 * line, as `gh attestation download` writes them).
 */
import { InputError, type SourcePosition } from '@secure-pipeline/core'

type Obj = Record<string, unknown>

/** Where a bundle came from: its file and, in a JSON Lines file, its line. */
export interface BundleSource {
  file: string
  line?: number
}

function fail(source: BundleSource, message: string, position?: SourcePosition): never {
  const where = source.line !== undefined ? `line ${source.line}: ` : ''
  throw new InputError('BUNDLE_INVALID', `${where}${message}`, {
    position: position ?? { file: source.file, line: source.line }
  })
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let start = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      start = i + 1
    }
  }
  return { line, column: offset - start + 1 }
}

/** JSON.parse with an InputError carrying the line and column of a syntax error. */
export function parseJSONText(text: string, source: BundleSource): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (err) {
    const message = (err as Error).message
    const m = /at position (\d+)/.exec(message)
    const offset =
      m?.[1] !== undefined
        ? Number(m[1])
        : /end of JSON input/.test(message)
          ? text.length
          : undefined
    const pos = offset !== undefined ? lineColumn(text, offset) : undefined
    const detail = message
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/ in JSON at position \d+/, '')
    const line = source.line !== undefined ? source.line + (pos ? pos.line - 1 : 0) : pos?.line
    throw new InputError('BUNDLE_INVALID', `not valid JSON: ${detail}`, {
      position: { file: source.file, line, column: pos?.column },
      cause: err
    })
  }
}

export interface JSONLine {
  line: number
  text: string
}

/**
 * The lines of a JSON Lines file, when `text` is one (several JSON values, one per line). An empty
 * line is an error; one final line break is not. Returns undefined when `text` is not JSON Lines.
 */
export function jsonLines(text: string, file: string): JSONLine[] | undefined {
  const lines = text.split('\n').map(l => (l.endsWith('\r') ? l.slice(0, -1) : l))
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  const first = lines.findIndex(l => l.trim() !== '')
  if (first < 0) return undefined
  try {
    JSON.parse(lines[first] ?? '')
  } catch {
    return undefined
  }
  const out: JSONLine[] = []
  lines.forEach((text, i) => {
    if (text.trim() === '') {
      throw new InputError(
        'BUNDLE_INVALID',
        'empty line in a JSON Lines bundle file (expected one bundle per line)',
        { position: { file, line: i + 1 } }
      )
    }
    out.push({ line: i + 1, text })
  })
  return out
}

// ---- protobuf JSON shape of dev.sigstore.bundle.v1.Bundle ----------------------------------

type Field =
  | 'string'
  | 'bytes'
  | 'int64'
  | { enum: readonly string[] }
  | { message: Schema }
  | { repeated: Field }
type Schema = Record<string, Field>

const HASH_ALGORITHMS = [
  'HASH_ALGORITHM_UNSPECIFIED',
  'SHA2_256',
  'SHA2_384',
  'SHA2_512',
  'SHA3_256',
  'SHA3_384'
] as const

const msg = (schema: Schema): Field => ({ message: schema })
const rep = (f: Field): Field => ({ repeated: f })

const TLOG_ENTRY: Schema = {
  logIndex: 'int64',
  logId: msg({ keyId: 'bytes' }),
  kindVersion: msg({ kind: 'string', version: 'string' }),
  integratedTime: 'int64',
  inclusionPromise: msg({ signedEntryTimestamp: 'bytes' }),
  inclusionProof: msg({
    logIndex: 'int64',
    rootHash: 'bytes',
    treeSize: 'int64',
    hashes: rep('bytes'),
    checkpoint: msg({ envelope: 'string' })
  }),
  canonicalizedBody: 'bytes'
}

const BUNDLE: Schema = {
  mediaType: 'string',
  verificationMaterial: msg({
    publicKey: msg({ hint: 'string' }),
    x509CertificateChain: msg({ certificates: rep(msg({ rawBytes: 'bytes' })) }),
    certificate: msg({ rawBytes: 'bytes' }),
    tlogEntries: rep(msg(TLOG_ENTRY)),
    timestampVerificationData: msg({ rfc3161Timestamps: rep(msg({ signedTimestamp: 'bytes' })) })
  }),
  messageSignature: msg({
    messageDigest: msg({ algorithm: { enum: HASH_ALGORITHMS }, digest: 'bytes' }),
    signature: 'bytes'
  }),
  dsseEnvelope: msg({
    payload: 'bytes',
    payloadType: 'string',
    signatures: rep(msg({ sig: 'bytes', keyid: 'string' }))
  })
}

const ONEOFS: Record<string, readonly string[]> = {
  '': ['messageSignature', 'dsseEnvelope'],
  verificationMaterial: ['publicKey', 'x509CertificateChain', 'certificate']
}

function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase())
}

function typeName(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'object') return 'an object'
  if (typeof v === 'string')
    return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${String(v)}`
  return typeof v
}

const BASE64_STD = /^[A-Za-z0-9+/]*={0,2}$/
const BASE64_URL = /^[A-Za-z0-9_-]*={0,2}$/

/** Protobuf JSON `bytes`: standard or URL-safe base64, padding optional; returns standard base64. */
function normalizeBase64(v: string): string | undefined {
  const s = v.replace(/[\r\n]/g, '')
  const std = BASE64_STD.test(s)
  if (!std && !BASE64_URL.test(s)) return undefined
  const body = s.replace(/=+$/, '')
  if (body.length % 4 === 1) return undefined
  const padded = body + '='.repeat((4 - (body.length % 4)) % 4)
  if (s.length !== body.length && s.length !== padded.length) return undefined
  return std ? padded : padded.replace(/-/g, '+').replace(/_/g, '/')
}

/** Validates and normalizes a value against a field type; returns the protobuf-specs JSON form. */
function normalizeField(field: Field, value: unknown, path: string, source: BundleSource): unknown {
  if (value === null) return undefined // protobuf JSON: null means "not set"
  if (field === 'string') {
    if (typeof value !== 'string')
      fail(source, `${path}: expected a string, got ${typeName(value)}`)
    return value
  }
  if (field === 'bytes') {
    const b = typeof value === 'string' ? normalizeBase64(value) : undefined
    if (b === undefined) fail(source, `${path}: expected base64 bytes, got ${typeName(value)}`)
    return b
  }
  if (field === 'int64') {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value)
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return value
    fail(source, `${path}: expected an integer, got ${typeName(value)}`)
  }
  if ('enum' in field) {
    if (typeof value === 'string' && field.enum.includes(value)) return value
    if (typeof value === 'number' && Number.isInteger(value) && field.enum[value] !== undefined)
      return field.enum[value]
    fail(source, `${path}: expected one of ${field.enum.join(', ')}, got ${typeName(value)}`)
  }
  if ('repeated' in field) {
    if (!Array.isArray(value)) fail(source, `${path}: expected an array, got ${typeName(value)}`)
    return value.map((v, i) => normalizeField(field.repeated, v, `${path}[${i}]`, source))
  }
  return normalizeMessage(field.message, value, path, source)
}

function normalizeMessage(schema: Schema, value: unknown, path: string, source: BundleSource): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(source, `${path || 'bundle'}: expected an object, got ${typeName(value)}`)
  }
  const out: Obj = {}
  for (const [rawKey, v] of Object.entries(value as Obj)) {
    const key = rawKey in schema ? rawKey : camel(rawKey)
    const field = schema[key]
    if (!field) continue // unknown field: ignored, as protobuf JSON parsers do
    const p = path ? `${path}.${key}` : key
    if (key in out) fail(source, `${p}: given twice (as ${key} and ${rawKey})`)
    const n = normalizeField(field, v, p, source)
    if (n !== undefined) out[key] = n
  }
  const oneof = ONEOFS[path]
  if (oneof) {
    const set = oneof.filter(k => out[k] !== undefined)
    if (set.length > 1)
      fail(
        source,
        `${path || 'bundle'}: expected one of ${oneof.join(' / ')}, got ${set.join(' and ')}`
      )
  }
  return out
}

/** Bundle versions by media type; undefined for anything that is not a Sigstore bundle media type. */
export function bundleVersion(mediaType: string): number | undefined {
  const m =
    /^application\/vnd\.dev\.sigstore\.bundle\+json\s*;\s*version\s*=\s*"?0\.(\d+)"?$/i.exec(
      mediaType.trim()
    ) ?? /^application\/vnd\.dev\.sigstore\.bundle\.v0\.(\d+)\+json$/i.exec(mediaType.trim())
  return m?.[1] !== undefined ? Number(m[1]) : undefined
}

/** The media type @sigstore/bundle validates each version by. */
export const CANONICAL_MEDIA_TYPE: Record<number, string> = {
  1: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
  2: 'application/vnd.dev.sigstore.bundle+json;version=0.2',
  3: 'application/vnd.dev.sigstore.bundle.v0.3+json'
}

function required(source: BundleSource, path: string, why = ''): never {
  fail(source, `missing required field ${path}${why}`)
}

function nonEmpty(v: unknown): boolean {
  return typeof v === 'string' ? v.length > 0 : v !== undefined
}

/**
 * Checks `json` is a Sigstore bundle (any version we know) and returns it in the form
 * @sigstore/bundle's `bundleFromJSON` reads, with the media type in its canonical spelling.
 * Throws InputError (exit 2) naming the first bad or missing field.
 */
export function normalizeBundleJSON(
  json: unknown,
  source: BundleSource,
  artifactDigest?: Buffer
): Obj {
  const b = normalizeMessage(BUNDLE, json, '', source)
  if (typeof b.mediaType !== 'string') required(source, 'mediaType')
  const version = bundleVersion(b.mediaType)
  if (version === undefined || !CANONICAL_MEDIA_TYPE[version]) {
    fail(
      source,
      `mediaType: expected a Sigstore bundle v0.1, v0.2 or v0.3 media type (application/vnd.dev.sigstore.bundle.v0.3+json or application/vnd.dev.sigstore.bundle+json;version=0.N), got ${JSON.stringify(b.mediaType)}`
    )
  }
  b.mediaType = CANONICAL_MEDIA_TYPE[version]
  const vm = b.verificationMaterial as Obj | undefined
  if (!vm) required(source, 'verificationMaterial')
  if (!vm.publicKey && !vm.x509CertificateChain && !vm.certificate)
    required(source, 'verificationMaterial.certificate', ' (or x509CertificateChain / publicKey)')
  const chain = vm.x509CertificateChain as { certificates?: Obj[] } | undefined
  if (chain) {
    if (!chain.certificates?.length)
      required(source, 'verificationMaterial.x509CertificateChain.certificates')
    chain.certificates.forEach((c, i) => {
      if (!nonEmpty(c.rawBytes))
        required(source, `verificationMaterial.x509CertificateChain.certificates[${i}].rawBytes`)
    })
    if (version >= 3)
      fail(
        source,
        'verificationMaterial: expected certificate (bundle v0.3), got x509CertificateChain'
      )
  }
  if (vm.certificate && !nonEmpty((vm.certificate as Obj).rawBytes))
    required(source, 'verificationMaterial.certificate.rawBytes')
  // tlogEntries is a repeated field: absent means empty.
  const entries = (vm.tlogEntries as Obj[] | undefined) ?? []
  vm.tlogEntries = entries
  entries.forEach((e, i) => {
    const p = `verificationMaterial.tlogEntries[${i}]`
    const proofFields = (e.inclusionProof ?? {}) as Obj
    for (const [field, v] of [
      ['logIndex', e.logIndex],
      ['integratedTime', e.integratedTime],
      ['inclusionProof.logIndex', proofFields.logIndex],
      ['inclusionProof.treeSize', proofFields.treeSize]
    ] as const) {
      if (typeof v === 'string' && v.startsWith('-'))
        fail(source, `${p}.${field}: expected a non-negative integer, got ${v}`)
    }
    if (!nonEmpty((e.logId as Obj | undefined)?.keyId)) required(source, `${p}.logId.keyId`)
    const kv = e.kindVersion as Obj | undefined
    if (!nonEmpty(kv?.kind)) required(source, `${p}.kindVersion.kind`)
    if (!nonEmpty(kv?.version)) required(source, `${p}.kindVersion.version`)
    if (!nonEmpty(e.canonicalizedBody)) required(source, `${p}.canonicalizedBody`)
    const promise = e.inclusionPromise as Obj | undefined
    if (promise) {
      if (!nonEmpty(promise.signedEntryTimestamp))
        required(source, `${p}.inclusionPromise.signedEntryTimestamp`)
    }
    let proof = e.inclusionProof as Obj | undefined
    // Early v0.1 bundles carry a proof without a checkpoint; it cannot be verified, and v0.1 rests
    // on the inclusion promise, so it is dropped there (v0.2+ require the checkpoint).
    if (
      version === 1 &&
      promise &&
      proof &&
      !nonEmpty((proof.checkpoint as Obj | undefined)?.envelope)
    ) {
      delete e.inclusionProof
      proof = undefined
    }
    if (version === 1 && !promise) required(source, `${p}.inclusionPromise`, ' (bundle v0.1)')
    if (version >= 2 && !proof) required(source, `${p}.inclusionProof`, ' (bundle v0.2 and later)')
    if (proof) {
      // int64 fields equal to 0 are omitted in protobuf JSON: only the bytes are required.
      if (!nonEmpty(proof.rootHash)) required(source, `${p}.inclusionProof.rootHash`)
      proof.hashes ??= []
      if (!nonEmpty((proof.checkpoint as Obj | undefined)?.envelope))
        required(source, `${p}.inclusionProof.checkpoint.envelope`)
    }
  })
  const tvd = vm.timestampVerificationData as { rfc3161Timestamps?: Obj[] } | undefined
  tvd?.rfc3161Timestamps?.forEach((t, i) => {
    if (!nonEmpty(t.signedTimestamp))
      required(
        source,
        `verificationMaterial.timestampVerificationData.rfc3161Timestamps[${i}].signedTimestamp`
      )
  })
  const ms = b.messageSignature as Obj | undefined
  const env = b.dsseEnvelope as Obj | undefined
  if (!ms && !env) required(source, 'messageSignature', ' (or dsseEnvelope)')
  if (ms) {
    if (!nonEmpty(ms.signature)) required(source, 'messageSignature.signature')
    // The spec makes messageDigest optional (identification only); the verifier binds the
    // artifact by its SHA-256, so a bundle without one is read for the artifact at hand.
    if (!ms.messageDigest && artifactDigest)
      ms.messageDigest = { algorithm: 'SHA2_256', digest: artifactDigest.toString('base64') }
    const md = ms.messageDigest as Obj | undefined
    if (!md) required(source, 'messageSignature.messageDigest', ' (or give the artifact itself)')
    if (!nonEmpty(md.digest)) required(source, 'messageSignature.messageDigest.digest')
  }
  if (env) {
    if (!nonEmpty(env.payload)) required(source, 'dsseEnvelope.payload')
    if (!nonEmpty(env.payloadType)) required(source, 'dsseEnvelope.payloadType')
    const sigs = (env.signatures as Obj[] | undefined) ?? []
    if (sigs.length !== 1)
      fail(source, `dsseEnvelope.signatures: expected exactly 1 signature, got ${sigs.length}`)
    if (!nonEmpty(sigs[0]?.sig)) required(source, 'dsseEnvelope.signatures[0].sig')
  }
  return b
}
