/**
 * Every refusal says "expected X, got Y": bundles signed by the local mock Fulcio/Rekor/TSA and
 * then tampered with, plus sigstore-conformance's failing cases (../shared, skipped when absent).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { VerificationError, describeError, exitCodeFor } from '@secure-pipeline/core'
import { GITHUB_ISSUER, startMockSigstore, type MockSigstore } from '../../../test/sigstore-mock.js'
import {
  loadPublicKey,
  loadTrustedRootFile,
  parseSignatureMaterial,
  parseTrustedRoot,
  resolveTrustedRoot,
  sha256,
  signBlob,
  verifyBundle,
  type IdentityPolicy,
  type KeylessOptions,
  type SerializedBundle
} from '../src/index.js'

type Json = Record<string, unknown>
const data = Buffer.from('rejection test artifact\n')

let mock: MockSigstore
let root: ReturnType<typeof loadTrustedRootFile>
let keyless: (extra?: Partial<KeylessOptions>) => KeylessOptions
let policy: IdentityPolicy

beforeAll(async () => {
  mock = await startMockSigstore()
  root = loadTrustedRootFile(mock.trustedRootPath)
  keyless = (extra = {}) => ({
    identityToken: mock.mintToken({ repository: 'acme/app', ref: 'refs/heads/main' }),
    fulcioURL: mock.url,
    rekorURL: mock.url,
    tsaURL: mock.url,
    ...extra
  })
  policy = {
    identity: { regexp: '^https://github\\.com/acme/app/' },
    issuer: { exact: GITHUB_ISSUER }
  }
})
afterAll(async () => {
  await mock?.close()
})

const clone = (b: unknown): Json => JSON.parse(JSON.stringify(b)) as Json
const entry0 = (j: Json): Json => {
  const e = ((j.verificationMaterial as Json).tlogEntries as Json[])[0]
  if (!e) throw new Error('no tlog entry')
  return e
}

function rejection(b: unknown, trustedRoot = root, artifact: Buffer = data): string {
  try {
    const { bundle } = parseSignatureMaterial(JSON.stringify(b), 'b.json')
    verifyBundle(bundle, { data: artifact }, { policy, trustedRoot })
  } catch (err) {
    expect(err).toBeInstanceOf(VerificationError)
    expect(exitCodeFor(err)).toBe(1)
    const line = describeError(err)
    expect(line).not.toMatch(/\n/)
    return line
  }
  throw new Error('expected the bundle to be rejected')
}

describe('tampered keyless bundles from the mock services', () => {
  let a: SerializedBundle
  let b: SerializedBundle
  beforeAll(async () => {
    // a few entries first, so inclusion proofs have hashes
    for (let i = 0; i < 3; i++) await signBlob(Buffer.from(`filler ${i}`), { keyless: keyless() })
    a = await signBlob(data, { keyless: keyless() })
    b = await signBlob(data, { keyless: keyless() })
  })

  test('the untampered bundles verify (tlog entry with promise and proof, and a TSA timestamp)', () => {
    for (const x of [a, b]) {
      const { bundle } = parseSignatureMaterial(JSON.stringify(x), 'b.json')
      const r = verifyBundle(bundle, { data }, { policy, trustedRoot: root })
      expect(r.tlogEntries).toBe(1)
      expect(r.timestamps).toBe(2)
    }
    expect(entry0(clone(a)).inclusionProof).toBeDefined()
  })

  test.each([
    ['npm provenance v0.1: inclusion promise only, certificate chain', 1, false],
    ['v0.2: promise and proof, certificate chain', 2, true]
  ])('older shapes verify: %s', (_name, version, keepProof) => {
    const j = clone(a)
    j.mediaType = `application/vnd.dev.sigstore.bundle+json;version=0.${version}`
    const material = j.verificationMaterial as Json
    const leaf = (material.certificate as Json).rawBytes
    const authority = (mock.trustedRoot.certificateAuthorities as Json[])[0]
    const ca = (authority?.certChain as { certificates: Json[] }).certificates[0]?.rawBytes
    delete material.certificate
    material.x509CertificateChain = { certificates: [{ rawBytes: leaf }] }
    const proof = entry0(j).inclusionProof as Json
    if (!keepProof) delete entry0(j).inclusionProof
    const { bundle } = parseSignatureMaterial(JSON.stringify(j), 'b.json')
    expect(verifyBundle(bundle, { data }, { policy, trustedRoot: root }).tlogEntries).toBe(1)
    expect(rejection(j, root, Buffer.from('other'))).toMatch(/^artifact digest: expected/)
    // a v0.1 proof without checkpoint (early bundles) is not verifiable: the promise decides
    if (version === 1) {
      entry0(j).inclusionProof = { ...proof, checkpoint: undefined }
      const { bundle: early } = parseSignatureMaterial(JSON.stringify(j), 'b.json')
      expect(verifyBundle(early, { data }, { policy, trustedRoot: root }).tlogEntries).toBe(1)
    }
    // the CA's root certificate does not belong in the chain
    material.x509CertificateChain = { certificates: [{ rawBytes: leaf }, { rawBytes: ca }] }
    expect(rejection(j)).toMatch(
      /^certificate chain: expected the leaf and intermediate certificates only, got a self-signed root certificate at position 1 \(.*\)$/
    )
  })

  test('keyless bundle given a key, keyed bundle given a policy', async () => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const keyed = await signBlob(data, { privateKey })
    const parse = (x: unknown) => parseSignatureMaterial(JSON.stringify(x), 'b.json').bundle
    expect(() => verifyBundle(parse(a), { data }, { publicKey, trustedRoot: root })).toThrow(
      /^verification material: expected a public key \(a --key was given\), got a certificate/
    )
    expect(() => verifyBundle(parse(keyed), { data }, { policy, trustedRoot: root })).toThrow(
      /^verification material: expected a certificate \(keyless policy\), got a public key/
    )
  })

  test('wrong artifact', () => {
    expect(rejection(a, root, Buffer.from('other'))).toMatch(
      /^artifact digest: expected sha256:[0-9a-f]{64} \(signed in the bundle\), got sha256:[0-9a-f]{64}$/
    )
  })

  test('TSA token over another signature', () => {
    const j = clone(b)
    ;(j.verificationMaterial as Json).timestampVerificationData = (
      a.verificationMaterial as unknown as Json
    ).timestampVerificationData
    expect(rejection(j)).toMatch(
      /^RFC 3161 timestamp 0: expected a message imprint of the bundle's signature \(sha256 [0-9a-f]{64}\), got [0-9a-f]{64}$/
    )
  })

  test('SET from a log the trusted root does not know', () => {
    const noLogs = parseTrustedRoot({ ...mock.trustedRoot, tlogs: [] })
    expect(rejection(a, noLogs)).toMatch(
      /^log entry 0: expected a signed entry timestamp from a transparency log of the trusted root \(none\), got one from unknown log [0-9a-f]{64}$/
    )
  })

  test('SET that does not verify', () => {
    const j = clone(a)
    const promise = entry0(j).inclusionPromise as Json
    const set = Buffer.from(String(promise.signedEntryTimestamp), 'base64')
    set[set.length - 5] = (set[set.length - 5] ?? 0) ^ 0xff
    promise.signedEntryTimestamp = set.toString('base64')
    expect(rejection(j)).toMatch(
      /^log entry 0: expected a signed entry timestamp by http:\/\/127\.0\.0\.1:\d+ over entry \d+ \(integrated .*\), got a signature that does not verify$/
    )
  })

  test('integrated time in the future', () => {
    const j = clone(a)
    entry0(j).integratedTime = String(Math.floor(Date.now() / 1000) + 86400)
    expect(rejection(j)).toMatch(
      /^integrated time of log entry 0: expected a time no later than now \(.*\), got 20\d\d-.*Z$/
    )
  })

  test('inclusion proof that does not hash to the checkpoint root', () => {
    // The mock log is a one-leaf tree: its root is the hash of this entry's body. Another body
    // (without the promise, which would catch it first) no longer hashes to that root.
    const j = clone(a)
    const e = entry0(j)
    delete e.inclusionPromise
    e.canonicalizedBody = entry0(clone(b)).canonicalizedBody
    expect(rejection(j)).toMatch(
      /^log entry 0 inclusion proof: expected root hash [0-9a-f]{64} \(checkpoint\), got [0-9a-f]{64} \(computed from the entry and proof\)$/
    )
  })

  test('inclusion proof with the wrong number of hashes', () => {
    const j = clone(a)
    const proof = entry0(j).inclusionProof as Json
    proof.hashes = [Buffer.alloc(32, 1).toString('base64')]
    expect(rejection(j)).toMatch(
      /^log entry 0 inclusion proof: expected 0 hashes for index 0 in a tree of size 1, got 1$/
    )
  })

  test('inclusion proof for an index outside the tree', () => {
    const j = clone(a)
    ;(entry0(j).inclusionProof as Json).logIndex = '5'
    expect(rejection(j)).toMatch(
      /^log entry 0 inclusion proof: expected a log index within the tree \(0 to 0\), got 5$/
    )
  })

  test('inclusion proof whose root hash is not the checkpoint’s', () => {
    const j = clone(a)
    const proof = entry0(j).inclusionProof as Json
    proof.rootHash = Buffer.alloc(32, 7).toString('base64')
    expect(rejection(j)).toMatch(
      /^log entry 0 inclusion proof: expected the checkpoint's root hash [0-9a-f]{64}, got 0707/
    )
  })

  test('checkpoint signed by another key', () => {
    const j = clone(a)
    const e = entry0(j)
    delete e.inclusionPromise // v0.3: the proof alone must carry inclusion
    const checkpoint = (e.inclusionProof as Json).checkpoint as Json
    const envelope = String(checkpoint.envelope)
    const note = envelope.slice(0, envelope.indexOf('\n\n') + 1)
    const other = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const hint = crypto
      .createHash('sha256')
      .update(other.publicKey.export({ type: 'spki', format: 'der' }))
      .digest()
      .subarray(0, 4)
    const sig = crypto.sign('sha256', Buffer.from(note), other.privateKey)
    const name = (note.split('\n')[0] ?? '').split(' ')[0] ?? ''
    checkpoint.envelope = `${note}\n\u2014 ${name} ${Buffer.concat([hint, sig]).toString('base64')}\n`
    expect(rejection(j)).toMatch(
      new RegExp(
        `^log entry 0 checkpoint: expected a valid signature by http://127\\.0\\.0\\.1:\\d+ \\(key hint [0-9a-f]{8}\\), got signatures from .* \\(key hint ${hint.toString('hex')}\\) that do not verify with it$`
      )
    )
  })

  test('log entry for another signature', () => {
    const j = clone(a)
    ;((j.verificationMaterial as Json).tlogEntries as Json[])[0] = entry0(clone(b))
    expect(rejection(j)).toMatch(
      /^log entry 0 \(hashedrekord\): expected the bundle's signature \S+, got \S+$/
    )
  })
})

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '../../..')
const shared = process.env.SECURE_PIPELINE_SHARED ?? path.resolve(repoRoot, '../shared')
const casesRoot = path.join(shared, 'conformance/sigstore/test/assets/bundle-verify')
const haveCases = fs.existsSync(casesRoot)
if (!haveCases) console.log(`sigstore conformance assets not found at ${casesRoot}; skipped`)
const describeCases = haveCases ? describe : describe.skip

const BEACON =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main'

function conformanceRejection(name: string): string {
  const dir = path.join(casesRoot, name)
  const opt = (f: string): string | undefined =>
    fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f), 'utf8').trim() : undefined
  const artifact = fs.existsSync(path.join(dir, 'artifact'))
    ? fs.readFileSync(path.join(dir, 'artifact'))
    : fs.readFileSync(path.join(casesRoot, 'a.txt'))
  const trustedRoot = fs.existsSync(path.join(dir, 'trusted_root.json'))
    ? loadTrustedRootFile(path.join(dir, 'trusted_root.json'))
    : resolveTrustedRoot()
  const key = opt('key.pub')
  try {
    const { bundle } = parseSignatureMaterial(
      fs.readFileSync(path.join(dir, 'bundle.sigstore.json'), 'utf8'),
      'bundle.sigstore.json',
      sha256(artifact)
    )
    verifyBundle(
      bundle,
      { data: artifact },
      {
        trustedRoot,
        publicKey: key ? loadPublicKey(key, 'key.pub') : undefined,
        policy: key
          ? undefined
          : {
              identity: { exact: opt('identity') ?? BEACON },
              issuer: { exact: opt('issuer') ?? GITHUB_ISSUER }
            }
      }
    )
  } catch (err) {
    expect([1, 2]).toContain(exitCodeFor(err))
    return describeError(err)
  }
  throw new Error(`${name} verified`)
}

describeCases('sigstore-conformance failing cases: precise refusals', () => {
  test.each([
    [
      'intoto-expired-certificate_fail',
      /^signing certificate: expected it to be valid at the integrated time of log entry 0 \(2023-02-01T00:00:00\.000Z\), got a certificate not valid before 2030-01-01T00:00:00\.000Z$/
    ],
    [
      'intoto-set-outside-signing-cert-validity_fail',
      /^signing certificate: expected it to be valid at the integrated time .*, got a certificate that expired at /
    ],
    [
      'intoto-tsa-timestamp-outside-cert-validity_fail',
      /^signing certificate: expected it to be valid at the RFC 3161 timestamp 0 .*, got a certificate that expired at /
    ],
    [
      'bundle-from-wrong-instance_fail',
      /^certificate chain: expected a certificate signed by a CA of the trusted root \(.*\), got one issued by ".*" that no trusted CA key verifies$/
    ],
    [
      'invalid-ct-key_fail',
      /^certificate transparency: expected an SCT from a CT log of the trusted root \(.*\), got SCTs from unknown log\(s\) [0-9a-f]{64}$/
    ],
    [
      'set-invalid-signature_fail',
      /^log entry 0: expected a signed entry timestamp by https:\/\/rekor\.sigstore\.dev over entry \d+ .*, got a signature that does not verify$/
    ],
    [
      'checkpoint-bad-keyhint_fail',
      /^log entry 0 checkpoint: expected a valid signature by https:\/\/rekor\.sigstore\.dev \(key hint c0d23d6a\), got signatures from rekor\.sigstore\.dev \(key hint c4d23d6a\)/
    ],
    ['invalid-checkpoint-signature_fail', /^log entry 0 checkpoint: expected a valid signature by/],
    [
      'checkpoint-wrong-roothash_fail',
      /^log entry 0 inclusion proof: expected the checkpoint's root hash [0-9a-f]{64}, got [0-9a-f]{64}$/
    ],
    [
      'inclusion-proof-corrupted-hash_fail',
      /^log entry 0 inclusion proof: expected root hash [0-9a-f]{64} \(checkpoint\), got [0-9a-f]{64}/
    ],
    [
      'rekor2-checkpoint-missing-root-hash_fail',
      /^log entry 0 checkpoint: expected "origin", "tree size" and "root hash" lines, got /
    ],
    [
      'rekor2-checkpoint-no-matching-signature_fail',
      /^log entry 0 checkpoint: expected a valid signature by https:\/\/log2025-alpha1\.rekor\.sigstage\.dev/
    ],
    ['rekor2-no-timestamp_fail', /^trusted signing time: expected at least 1 .*, got 0$/],
    [
      'rekor2-timestamp-payload-mismatch_fail',
      /^RFC 3161 timestamp 0: expected a message imprint of the bundle's signature \(sha256 [0-9a-f]{64}\), got [0-9a-f]{64}$/
    ],
    [
      'rekor2-timestamp-untrusted-tsa-without-embedded-cert_fail',
      /^RFC 3161 timestamp 0: expected a token signed by a timestamp authority of the trusted root/
    ],
    [
      'rekor2-timestamp-outside-trust-root-tsa-validity_fail',
      /^RFC 3161 timestamp 0: expected a time within the timestamp authority's validity \(.* to .*\), got /
    ],
    [
      'rekor2-timestamp-outside-tsa-cert-validity_fail',
      /^RFC 3161 timestamp 0: expected a time within the TSA certificate's validity/
    ],
    [
      'signature-mismatch_fail',
      /^log entry 0 \(hashedrekord\): expected the bundle's signature …\S+, got …\S+$/
    ],
    ['intoto-log-entry-mismatch_fail', /^log entry 0 \(intoto\): expected the bundle's signature/],
    [
      'message-digest-mismatch_fail',
      /^artifact digest: expected sha256:[0-9a-f]{64} \(signed in the bundle\), got sha256:[0-9a-f]{64}$/
    ],
    [
      'bundle-invalid-base64-signature_fail',
      /^bundle\.sigstore\.json: messageSignature\.signature: expected base64 bytes, got the string/
    ],
    [
      'bundle-unknown-version_fail',
      /^bundle\.sigstore\.json: mediaType: expected a Sigstore bundle v0\.1, v0\.2 or v0\.3 media type .*got "application\/vnd\.dev\.sigstore\.bundle\+json;version=99\.9"$/
    ],
    ['bundle-malformed-json_fail', /^bundle\.sigstore\.json:1:\d+: not valid JSON/],
    [
      'intoto-missing-inclusion-proof_fail',
      /^bundle\.sigstore\.json: missing required field verificationMaterial\.tlogEntries\[0\]\.inclusionProof \(bundle v0\.2 and later\)$/
    ],
    [
      'bundle-with-root-cert_fail',
      /^certificate chain: expected the leaf and intermediate certificates only, got a self-signed root certificate at position \d \(O=sigstore\.dev, CN=sigstore\)$/
    ],
    [
      'invalid-inclusion-proof_fail',
      /^bundle\.sigstore\.json: missing required field verificationMaterial\.tlogEntries\[0\]\.inclusionProof\.checkpoint\.envelope$/
    ]
  ])('%s', (name, message) => {
    expect(conformanceRejection(name)).toMatch(message)
  })
})

describeCases('sigstore-conformance assets reshaped into valid bundles', () => {
  test('v0.1 chain of leaf + intermediate (bundle-with-root-cert_fail without its root) verifies', () => {
    const dir = path.join(casesRoot, 'bundle-with-root-cert_fail')
    const j = JSON.parse(fs.readFileSync(path.join(dir, 'bundle.sigstore.json'), 'utf8')) as Json
    const chain = (j.verificationMaterial as Json).x509CertificateChain as { certificates: Json[] }
    const isRoot = (c: Json): boolean => {
      const cert = new crypto.X509Certificate(Buffer.from(String(c.rawBytes), 'base64'))
      return cert.subject === cert.issuer
    }
    expect(chain.certificates.filter(isRoot)).toHaveLength(1)
    chain.certificates = chain.certificates.filter(c => !isRoot(c))
    expect(chain.certificates).toHaveLength(2)
    const artifact = fs.readFileSync(path.join(dir, 'artifact'))
    const { bundle } = parseSignatureMaterial(JSON.stringify(j), 'b.json')
    const r = verifyBundle(
      bundle,
      { data: artifact },
      {
        trustedRoot: resolveTrustedRoot(),
        policy: { identity: { exact: 'a@tny.town' }, issuer: { regexp: '^https://' } }
      }
    )
    expect(r.signer.type === 'certificate' && r.signer.identity.subjectAlternativeName).toBe(
      'a@tny.town'
    )
    expect(() =>
      verifyBundle(
        bundle,
        { data: Buffer.from('other') },
        {
          trustedRoot: resolveTrustedRoot(),
          policy: { identity: { exact: 'a@tny.town' }, issuer: { regexp: '^https://' } }
        }
      )
    ).toThrow(VerificationError)
  })
})
