/**
 * "Expected X, got Y" for verification failures. @sigstore/verify decides (fail closed); when it
 * refuses a bundle, these functions recompute the specific fact that failed — certificate validity
 * at the signing time, the log that signed an entry, the Merkle root, the checkpoint signer, the
 * timestamp's message imprint, the log entry's contents — to say what was expected and what was
 * found. They never make a bundle verify; a check they cannot explain keeps @sigstore/verify's words.
 *
 * Two checks run before @sigstore/verify, as sigstore-go does them and @sigstore/verify does not:
 * no log entry or timestamp may be in the future, and an inclusion proof's root hash and tree size
 * must be the checkpoint's.
 */
import crypto from 'node:crypto'
import type { Bundle } from '@sigstore/bundle'
import { RFC3161Timestamp, X509Certificate } from '@sigstore/core'
import type { toTrustMaterial } from '@sigstore/verify'

type TrustMaterial = ReturnType<typeof toTrustMaterial>

/** Tolerated clock skew for "in the future" (a log or TSA slightly ahead of this machine). */
const FUTURE_SKEW_MS = 5 * 60 * 1000

const iso = (d: Date): string => (Number.isNaN(d.getTime()) ? String(d) : d.toISOString())
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const short = (s: string, n = 16): string => (s.length > n ? `${s.slice(0, n)}…` : s)

/** Two base64 strings shown from where they first differ. */
function differing(a: string, b: string): [string, string] {
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  const from = Math.max(0, i - 4)
  const cut = (s: string): string => `${from > 0 ? '…' : ''}${short(s.slice(from), 20)}`
  return [cut(a), cut(b)]
}

/** Leaf certificate DER of a keyless bundle. */
export function leafCertificate(bundle: Bundle): Buffer | undefined {
  const vm = bundle.verificationMaterial.content
  const der =
    vm.$case === 'certificate'
      ? vm.certificate.rawBytes
      : vm.$case === 'x509CertificateChain'
        ? vm.x509CertificateChain.certificates[0]?.rawBytes
        : undefined
  return der && der.length > 0 ? Buffer.from(der) : undefined
}

function parseTimestamps(bundle: Bundle): { token: RFC3161Timestamp; index: number }[] {
  const out: { token: RFC3161Timestamp; index: number }[] = []
  ;(bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []).forEach(
    (t, index) => {
      try {
        out.push({ token: RFC3161Timestamp.parse(Buffer.from(t.signedTimestamp)), index })
      } catch {
        // an unparsable token is reported by @sigstore/verify
      }
    }
  )
  return out
}

/** The signing times a verifier may use: log integrated times (with a promise) and TSA times. */
function signingTimes(bundle: Bundle): { what: string; time: Date }[] {
  const times: { what: string; time: Date }[] = []
  bundle.verificationMaterial.tlogEntries.forEach((e, i) => {
    if (e.inclusionPromise && Number(e.integratedTime) > 0)
      times.push({
        what: `integrated time of log entry ${i}`,
        time: new Date(Number(e.integratedTime) * 1000)
      })
  })
  for (const { token, index } of parseTimestamps(bundle))
    times.push({ what: `RFC 3161 timestamp ${index}`, time: token.signingTime })
  return times
}

function dn(name: string): string {
  return name.split('\n').join(', ')
}

/** "expected X, got Y" for checks @sigstore/verify does not make; undefined when they pass. */
export function precheck(bundle: Bundle, now = new Date()): string | undefined {
  try {
    return prechecks(bundle, now)
  } catch {
    return undefined // unparsable parts are refused by @sigstore/verify itself
  }
}

function prechecks(bundle: Bundle, now: Date): string | undefined {
  const vm = bundle.verificationMaterial.content
  if (vm.$case === 'x509CertificateChain') {
    // The chain is the leaf and intermediates; a root in it is refused (sigstore-conformance
    // bundle-with-root-cert_fail): trust comes from the trusted root only.
    for (const [i, c] of vm.x509CertificateChain.certificates.entries()) {
      if (i === 0) continue
      let cert: crypto.X509Certificate
      try {
        cert = new crypto.X509Certificate(Buffer.from(c.rawBytes))
      } catch {
        return `verificationMaterial.x509CertificateChain.certificates[${i}]: expected a DER X.509 certificate, got unparsable bytes`
      }
      if (cert.issuer === cert.subject && cert.verify(cert.publicKey))
        return `certificate chain: expected the leaf and intermediate certificates only, got a self-signed root certificate at position ${i} (${dn(cert.subject)})`
    }
  }
  for (const { what, time } of signingTimes(bundle)) {
    if (time.getTime() > now.getTime() + FUTURE_SKEW_MS)
      return `${what}: expected a time no later than now (${iso(now)}), got ${iso(time)}`
  }
  for (const [i, e] of bundle.verificationMaterial.tlogEntries.entries()) {
    const proof = e.inclusionProof
    if (!proof?.checkpoint) continue
    const lines = proof.checkpoint.envelope.split('\n')
    const size = lines[1]
    const root = lines[2] ? Buffer.from(lines[2], 'base64') : undefined
    if (root && root.length > 0 && !root.equals(Buffer.from(proof.rootHash)))
      return `log entry ${i} inclusion proof: expected the checkpoint's root hash ${hex(root)}, got ${hex(proof.rootHash)}`
    if (size && /^\d+$/.test(size) && size !== String(proof.treeSize))
      return `log entry ${i} inclusion proof: expected the checkpoint's tree size ${size}, got ${String(proof.treeSize)}`
  }
  return undefined
}

function explainCertificate(bundle: Bundle, trust: TrustMaterial): string | undefined {
  const der = leafCertificate(bundle)
  if (!der) return undefined
  const leaf = new crypto.X509Certificate(der)
  const from = new Date(leaf.validFrom)
  const to = new Date(leaf.validTo)
  for (const { what, time } of signingTimes(bundle)) {
    if (time < from)
      return `signing certificate: expected it to be valid at the ${what} (${iso(time)}), got a certificate not valid before ${iso(from)}`
    if (time > to)
      return `signing certificate: expected it to be valid at the ${what} (${iso(time)}), got a certificate that expired at ${iso(to)}`
  }
  const cas = trust.certificateAuthorities.flatMap(ca =>
    ca.certChain[0] ? [dn(new crypto.X509Certificate(ca.certChain[0].root.toDER()).subject)] : []
  )
  const issuedByTrusted = trust.certificateAuthorities.some(ca =>
    ca.certChain.some(c => {
      try {
        return leaf.verify(new crypto.X509Certificate(c.root.toDER()).publicKey)
      } catch {
        return false
      }
    })
  )
  if (!issuedByTrusted)
    return `certificate chain: expected a certificate signed by a CA of the trusted root (${cas.join('; ') || 'none'}), got one issued by "${dn(leaf.issuer)}" that no trusted CA key verifies`
  for (const { what, time } of signingTimes(bundle)) {
    const ok = trust.certificateAuthorities.some(
      ca => time >= ca.validFor.start && time <= ca.validFor.end
    )
    if (!ok)
      return `certificate chain: expected the ${what} (${iso(time)}) within a trusted CA's validity period, got none valid then`
  }
  return undefined
}

function explainSCT(bundle: Bundle, trust: TrustMaterial): string | undefined {
  const der = leafCertificate(bundle)
  if (!der) return undefined
  const scts = X509Certificate.parse(Buffer.from(der)).extSCT?.signedCertificateTimestamps ?? []
  if (scts.length === 0)
    return `certificate transparency: expected an SCT from a CT log of the trusted root (${logIds(trust, 'ctlogs')}), got a certificate without SCTs`
  const known = scts.filter(sct => trust.ctlogs.some(l => l.logID.equals(sct.logID)))
  const got = scts.map(sct => hex(sct.logID)).join(', ')
  if (known.length === 0)
    return `certificate transparency: expected an SCT from a CT log of the trusted root (${logIds(trust, 'ctlogs')}), got SCTs from unknown log(s) ${got}`
  return `certificate transparency: expected an SCT signed by CT log ${known.map(s => hex(s.logID)).join(', ')} of the trusted root, got a signature that does not verify with its key`
}

function logIds(trust: TrustMaterial, kind: 'tlogs' | 'ctlogs'): string {
  return trust[kind].map(l => `${l.baseURL} (${hex(l.logID)})`).join(', ') || 'none'
}

function explainPromise(bundle: Bundle, trust: TrustMaterial): string | undefined {
  for (const [i, e] of bundle.verificationMaterial.tlogEntries.entries()) {
    if (!e.inclusionPromise) continue
    const id = Buffer.from(e.logId?.keyId ?? new Uint8Array())
    const log = trust.tlogs.find(l => l.logID.equals(id))
    if (!log)
      return `log entry ${i}: expected a signed entry timestamp from a transparency log of the trusted root (${logIds(trust, 'tlogs')}), got one from unknown log ${hex(id)}`
    const t = new Date(Number(e.integratedTime) * 1000)
    if (t < log.validFor.start || t > log.validFor.end)
      return `log entry ${i}: expected an integrated time within the validity of log ${log.baseURL} (${iso(log.validFor.start)} to ${iso(log.validFor.end)}), got ${iso(t)}`
    return `log entry ${i}: expected a signed entry timestamp by ${log.baseURL} over entry ${String(e.logIndex)} (integrated ${iso(t)}), got a signature that does not verify`
  }
  return undefined
}

const leafHash = (body: Uint8Array): Buffer =>
  crypto
    .createHash('sha256')
    .update(Buffer.from([0]))
    .update(body)
    .digest()
const nodeHash = (l: Buffer, r: Buffer): Buffer =>
  crypto
    .createHash('sha256')
    .update(Buffer.from([1]))
    .update(l)
    .update(r)
    .digest()

/** RFC 6962 / RFC 9162 root from an inclusion proof; undefined when the proof has the wrong length. */
function rootFromProof(
  index: bigint,
  size: bigint,
  leaf: Buffer,
  proof: Buffer[]
): { root?: Buffer; expectedHashes: number } {
  const inner = (index ^ (size - 1n)).toString(2).replace(/^0+/, '').length
  const border = (index >> BigInt(inner)).toString(2).split('1').length - 1
  if (proof.length !== inner + border) return { expectedHashes: inner + border }
  let h = leaf
  proof.slice(0, inner).forEach((p, i) => {
    h = ((index >> BigInt(i)) & 1n) === 0n ? nodeHash(h, p) : nodeHash(p, h)
  })
  for (const p of proof.slice(inner)) h = nodeHash(p, h)
  return { root: h, expectedHashes: inner + border }
}

function explainProof(bundle: Bundle, trust: TrustMaterial): string | undefined {
  for (const [i, e] of bundle.verificationMaterial.tlogEntries.entries()) {
    const proof = e.inclusionProof
    if (!proof?.checkpoint) continue
    const envelope = proof.checkpoint.envelope
    const sep = envelope.indexOf('\n\n')
    const note = sep >= 0 ? envelope.slice(0, sep + 1) : envelope
    const [origin, sizeLine, rootLine] = note.split('\n')
    if (!origin || !sizeLine || !/^\d+$/.test(sizeLine) || !rootLine)
      return `log entry ${i} checkpoint: expected "origin", "tree size" and "root hash" lines, got ${JSON.stringify(short(note, 80))}`
    const id = Buffer.from(e.logId?.keyId ?? new Uint8Array())
    const logs = trust.tlogs.filter(l => l.logID.equals(id))
    if (logs.length === 0)
      return `log entry ${i}: expected a transparency log of the trusted root (${logIds(trust, 'tlogs')}), got unknown log ${hex(id)}`
    const sigs = [...envelope.slice(sep + 2).matchAll(/\u2014 (\S+) (\S+)\n/g)].map(m => ({
      name: m[1] ?? '',
      bytes: Buffer.from(m[2] ?? '', 'base64')
    }))
    if (sigs.length === 0)
      return `log entry ${i} checkpoint: expected a signature line from ${logs.map(l => l.baseURL).join(', ')}, got none`
    const data = Buffer.from(note, 'utf8')
    const signedByLog = sigs.some(s =>
      logs.some(
        l =>
          l.logID.subarray(0, 4).equals(s.bytes.subarray(0, 4)) &&
          l.baseURL.includes(s.name) &&
          crypto.verify(null, data, l.publicKey, s.bytes.subarray(4))
      )
    )
    if (!signedByLog) {
      const want = logs
        .map(l => `${l.baseURL} (key hint ${hex(l.logID.subarray(0, 4))})`)
        .join(', ')
      const got = sigs.map(s => `${s.name} (key hint ${hex(s.bytes.subarray(0, 4))})`).join(', ')
      return `log entry ${i} checkpoint: expected a valid signature by ${want}, got signatures from ${got} that do not verify with it`
    }
    const index = BigInt(proof.logIndex)
    if (index < 0n || index >= BigInt(sizeLine))
      return `log entry ${i} inclusion proof: expected a log index within the tree (0 to ${BigInt(sizeLine) - 1n}), got ${String(proof.logIndex)}`
    const { root, expectedHashes } = rootFromProof(
      index,
      BigInt(sizeLine),
      leafHash(e.canonicalizedBody),
      proof.hashes.map(h => Buffer.from(h))
    )
    if (!root)
      return `log entry ${i} inclusion proof: expected ${expectedHashes} hashes for index ${String(proof.logIndex)} in a tree of size ${sizeLine}, got ${proof.hashes.length}`
    const want = Buffer.from(rootLine, 'base64')
    if (!root.equals(want))
      return `log entry ${i} inclusion proof: expected root hash ${hex(want)} (checkpoint), got ${hex(root)} (computed from the entry and proof)`
  }
  return undefined
}

function signatureBytes(bundle: Bundle): Buffer {
  const c = bundle.content
  return Buffer.from(
    c.$case === 'messageSignature'
      ? c.messageSignature.signature
      : (c.dsseEnvelope.signatures[0]?.sig ?? Buffer.alloc(0))
  )
}

const NODE_HASH: Record<string, string> = {
  sha256: 'sha256',
  sha384: 'sha384',
  sha512: 'sha512',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512'
}

function explainTimestamp(bundle: Bundle, trust: TrustMaterial): string | undefined {
  const sig = signatureBytes(bundle)
  for (const { token, index } of parseTimestamps(bundle)) {
    const info = token.tstInfo
    const alg = NODE_HASH[info.messageImprintHashAlgorithm] ?? info.messageImprintHashAlgorithm
    let want: Buffer | undefined
    try {
      want = crypto.createHash(alg).update(sig).digest()
    } catch {
      want = undefined
    }
    if (want && !want.equals(info.messageImprintHashedMessage))
      return `RFC 3161 timestamp ${index}: expected a message imprint of the bundle's signature (${alg} ${hex(want)}), got ${hex(info.messageImprintHashedMessage)}`
    const tsas = trust.timestampAuthorities.filter(
      ca =>
        ca.certChain[0] !== undefined &&
        Buffer.from(ca.certChain[0].serialNumber).equals(token.signerSerialNumber)
    )
    const time = token.signingTime
    if (tsas.length === 0)
      return `RFC 3161 timestamp ${index}: expected a token signed by a timestamp authority of the trusted root (${trust.timestampAuthorities.length} known), got one signed by a certificate with serial ${hex(token.signerSerialNumber)}`
    const inPeriod = tsas.some(ca => time >= ca.validFor.start && time <= ca.validFor.end)
    if (!inPeriod) {
      const periods = tsas.map(ca => `${iso(ca.validFor.start)} to ${iso(ca.validFor.end)}`)
      return `RFC 3161 timestamp ${index}: expected a time within the timestamp authority's validity (${periods.join('; ')}), got ${iso(time)}`
    }
    const leaf = tsas[0]?.certChain[0]
    if (leaf && (time < leaf.notBefore || time > leaf.notAfter))
      return `RFC 3161 timestamp ${index}: expected a time within the TSA certificate's validity (${iso(leaf.notBefore)} to ${iso(leaf.notAfter)}), got ${iso(time)}`
  }
  return undefined
}

type Json = Record<string, unknown>
const get = (o: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Json)[k] : undefined), o)
const b64 = (v: unknown): Buffer => Buffer.from(typeof v === 'string' ? v : '', 'base64')
const str = (v: unknown): string => (typeof v === 'string' ? v : '')

function explainBody(bundle: Bundle): string | undefined {
  const sig = signatureBytes(bundle)
  const c = bundle.content
  for (const [i, e] of bundle.verificationMaterial.tlogEntries.entries()) {
    let body: unknown
    try {
      body = JSON.parse(Buffer.from(e.canonicalizedBody).toString('utf8'))
    } catch {
      return `log entry ${i}: expected a JSON canonicalized body, got unparsable bytes`
    }
    const kind = get(body, 'kind')
    const version = get(body, 'apiVersion')
    const kv = e.kindVersion
    if (!kv) continue
    if (kind !== kv.kind || version !== kv.version)
      return `log entry ${i}: expected a ${kv.kind}/${kv.version} body (kindVersion), got ${String(kind)}/${String(version)}`
    const spec = get(body, 'spec')
    let logged: Buffer | undefined
    let loggedDigest: string | undefined
    let bundleDigest: string | undefined
    if (kind === 'hashedrekord') {
      const v2 = get(spec, 'hashedRekordV002')
      logged = v2 ? b64(get(v2, 'signature', 'content')) : b64(get(spec, 'signature', 'content'))
      loggedDigest = v2
        ? b64(get(v2, 'data', 'digest')).toString('hex')
        : str(get(spec, 'data', 'hash', 'value'))
      if (c.$case === 'messageSignature')
        bundleDigest = hex(c.messageSignature.messageDigest?.digest ?? new Uint8Array())
    } else if (kind === 'dsse' || kind === 'intoto') {
      const v2 = get(spec, 'dsseV002')
      const first = (
        (v2
          ? get(v2, 'signatures')
          : kind === 'dsse'
            ? get(spec, 'signatures')
            : get(spec, 'content', 'envelope', 'signatures')) as unknown[] | undefined
      )?.[0]
      const raw = v2
        ? get(first, 'content')
        : kind === 'dsse'
          ? get(first, 'signature')
          : get(first, 'sig')
      // intoto entries store the signature base64-encoded twice
      logged = kind === 'intoto' ? b64(b64(raw).toString('utf8')) : b64(raw)
      loggedDigest = v2
        ? b64(get(v2, 'payloadHash', 'digest')).toString('hex')
        : str(
            kind === 'dsse'
              ? get(spec, 'payloadHash', 'value')
              : get(spec, 'content', 'payloadHash', 'value')
          )
      if (c.$case === 'dsseEnvelope')
        bundleDigest = crypto.createHash('sha256').update(c.dsseEnvelope.payload).digest('hex')
    } else continue
    if (!logged.equals(sig)) {
      const [want, got] = differing(sig.toString('base64'), logged.toString('base64'))
      return `log entry ${i} (${kind}): expected the bundle's signature ${want}, got ${got}`
    }
    if (bundleDigest !== undefined && loggedDigest !== bundleDigest)
      return `log entry ${i} (${kind}): expected the ${c.$case === 'dsseEnvelope' ? 'payload' : 'artifact'} digest ${bundleDigest}, got ${loggedDigest || '(none)'}`
  }
  return undefined
}

/**
 * A precise message for @sigstore/verify's refusal `code`, or undefined to keep its own words.
 * Never throws.
 */
export function explainFailure(
  code: string,
  message: string,
  bundle: Bundle,
  trust: TrustMaterial
): string | undefined {
  try {
    switch (code) {
      case 'CERTIFICATE_ERROR':
        return /SCT/.test(message) ? explainSCT(bundle, trust) : explainCertificate(bundle, trust)
      case 'TLOG_INCLUSION_PROMISE_ERROR':
        return explainPromise(bundle, trust)
      case 'TLOG_INCLUSION_PROOF_ERROR':
        return explainProof(bundle, trust)
      case 'TIMESTAMP_ERROR': {
        const m = /expected (\d+) timestamps, got (\d+)/.exec(message)
        if (m)
          return `trusted signing time: expected at least ${m[1]} (a log entry's inclusion promise or an RFC 3161 timestamp; Rekor v2 entries carry none), got ${m[2]}`
        return explainTimestamp(bundle, trust)
      }
      case 'TLOG_BODY_ERROR':
        return explainBody(bundle)
      default:
        return undefined
    }
  } catch {
    return undefined
  }
}
