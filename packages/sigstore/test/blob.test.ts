import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { VerificationError, exitCodeFor } from '@secure-pipeline/core'
import { startMockSigstore, type MockSigstore } from '../../../test/sigstore-mock.js'
import {
  buildStatement,
  keyHint,
  loadTrustedRootFile,
  parseSignatureMaterial,
  publicKeyPem,
  sha256,
  signBlob,
  signDSSE,
  verifyBundle,
  type SerializedBundle
} from '../src/index.js'

const data = Buffer.from('release artifact v1.2.3\n')
const digest = `sha256:${sha256(data).toString('hex')}`
const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
const other = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })

let bundle: SerializedBundle
let dsse: SerializedBundle
beforeAll(async () => {
  bundle = await signBlob(data, { privateKey })
  const statement = buildStatement(
    [{ name: 'a.tar', digest: { sha256: sha256(data).toString('hex') } }],
    'https://cyclonedx.org/bom',
    {
      bomFormat: 'CycloneDX'
    }
  )
  dsse = await signDSSE(Buffer.from(JSON.stringify(statement)), { privateKey })
})

function verify(
  b: unknown,
  artifact: { data?: Buffer; digest?: string },
  key = publicKey,
  predicateType?: string
) {
  const { bundle: parsed } = parseSignatureMaterial(
    JSON.stringify(b),
    'bundle.json',
    artifact.data ? sha256(artifact.data) : undefined
  )
  return verifyBundle(parsed, artifact, { publicKey: key, predicateType })
}

interface BundleJSON {
  messageSignature: { signature: string; messageDigest: { digest: string } }
  dsseEnvelope: { payload: string }
}

function mutate(b: SerializedBundle, f: (j: BundleJSON) => void): unknown {
  const j = JSON.parse(JSON.stringify(b)) as BundleJSON
  f(j)
  return j
}

function flipB64(s: string): string {
  const buf = Buffer.from(s, 'base64')
  buf[buf.length - 5] = (buf[buf.length - 5] ?? 0) ^ 0x01
  return buf.toString('base64')
}

describe('keyed blob bundles', () => {
  test('are Sigstore bundle v0.3 message signatures with the cosign key hint and no log entry', () => {
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json')
    expect(bundle.verificationMaterial.publicKey?.hint).toBe(keyHint(publicKey))
    expect(bundle.verificationMaterial.tlogEntries ?? []).toHaveLength(0)
    expect(bundle.messageSignature?.messageDigest?.digest).toBe(sha256(data).toString('base64'))
  })

  test.each([
    ['by file', { data }],
    ['by sha256 digest', { digest }]
  ])('verify %s', (_mode, artifact) => {
    const r = verify(bundle, artifact)
    expect(r.digest).toBe(digest)
    expect(r.signer.type).toBe('key')
  })

  const rejected: [string, () => unknown][] = [
    [
      'a tampered artifact (file)',
      () => verify(bundle, { data: Buffer.concat([data, Buffer.from('x')]) })
    ],
    ['a different digest', () => verify(bundle, { digest: `sha256:${'0'.repeat(64)}` })],
    [
      'a tampered signature (file)',
      () =>
        verify(
          mutate(
            bundle,
            j => (j.messageSignature.signature = flipB64(j.messageSignature.signature))
          ),
          { data }
        )
    ],
    [
      'a tampered signature (digest)',
      () =>
        verify(
          mutate(
            bundle,
            j => (j.messageSignature.signature = flipB64(j.messageSignature.signature))
          ),
          { digest }
        )
    ],
    [
      'a tampered message digest',
      () =>
        verify(
          mutate(
            bundle,
            j =>
              (j.messageSignature.messageDigest.digest = flipB64(
                j.messageSignature.messageDigest.digest
              ))
          ),
          { data }
        )
    ],
    ['the wrong key (file)', () => verify(bundle, { data }, other.publicKey)],
    ['the wrong key (digest)', () => verify(bundle, { digest }, other.publicKey)],
    [
      'a tampered DSSE payload',
      () =>
        verify(
          mutate(dsse, j => (j.dsseEnvelope.payload = flipB64(j.dsseEnvelope.payload))),
          { data }
        )
    ],
    ['a DSSE statement about another artifact', () => verify(dsse, { data: Buffer.from('other') })],
    [
      'a DSSE bundle with the wrong predicate type',
      () => verify(dsse, { data }, publicKey, 'https://spdx.dev/Document')
    ]
  ]
  test.each(rejected)('rejects %s (VerificationError, exit 1)', (_name, run) => {
    let caught: unknown
    try {
      run()
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(VerificationError)
    expect(exitCodeFor(caught)).toBe(1)
  })

  test('DSSE attestation verifies by file and digest with its predicate type', () => {
    expect(
      verify(dsse, { data }, publicKey, 'https://cyclonedx.org/bom').statement?.predicateType
    ).toBe('https://cyclonedx.org/bom')
    expect(verify(dsse, { digest }).content).toBe('dsseEnvelope')
  })
})

describe('older cosign formats with --key', () => {
  const signature = crypto.sign('sha256', data, privateKey).toString('base64')
  test.each([
    ['a bare base64 signature (cosign sign-blob output)', `${signature}\n`],
    [
      'a legacy cosign bundle without Rekor data',
      JSON.stringify({
        base64Signature: signature,
        cert: Buffer.from(publicKeyPem(publicKey)).toString('base64')
      })
    ]
  ])('%s verifies, and fails for a tampered artifact', (_name, text) => {
    const ok = parseSignatureMaterial(text, 'sig', sha256(data))
    expect(verifyBundle(ok.bundle, { data }, { publicKey }).digest).toBe(digest)
    const tampered = Buffer.from('tampered')
    const bad = parseSignatureMaterial(text, 'sig', sha256(tampered))
    expect(() => verifyBundle(bad.bundle, { data: tampered }, { publicKey })).toThrow(
      VerificationError
    )
  })
})

describe('keyed signature with a transparency-log entry (mock Rekor)', () => {
  let mock: MockSigstore
  beforeAll(async () => {
    mock = await startMockSigstore()
  })
  afterAll(async () => {
    await mock?.close()
  })

  test('the entry is verified when present: good root passes, a root without that log fails', async () => {
    const logged = await signBlob(data, { privateKey, rekorURL: mock.url })
    expect(logged.verificationMaterial.tlogEntries).toHaveLength(1)
    const root = loadTrustedRootFile(mock.trustedRootPath)
    const { bundle: parsed } = parseSignatureMaterial(JSON.stringify(logged), 'b')
    expect(verifyBundle(parsed, { data }, { publicKey, trustedRoot: root }).tlogEntries).toBe(1)
    // Public-good root: the mock log is unknown there, so the present entry cannot be verified.
    expect(() => verifyBundle(parsed, { data }, { publicKey })).toThrow(VerificationError)
  })
})
