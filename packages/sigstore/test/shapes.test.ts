/**
 * Bundle shapes: what the protobuf JSON mapping and the bundle spec allow must verify, anything
 * malformed must be a one-line InputError (exit 2) naming the file (and line), and JSON Lines
 * files verify when any of their bundles does. Bundles are signed here with a local key.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { InputError, VerificationError, describeError, exitCodeFor } from '@secure-pipeline/core'
import { commands } from '../../cli/src/commands/sigstore.js'
import {
  buildStatement,
  loadSignatureFile,
  parseSignatureMaterial,
  predicateTypeURI,
  sha256,
  signBlob,
  signDSSE,
  verifyBundle,
  type SerializedBundle
} from '../src/index.js'

const data = Buffer.from('shape test artifact\n')
const otherData = Buffer.from('another artifact\n')
const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
const FILE = 'bundle.sigstore.json'

type Json = Record<string, unknown>
let bundle: SerializedBundle
let otherBundle: SerializedBundle
let dir: string

beforeAll(async () => {
  bundle = await signBlob(data, { privateKey })
  otherBundle = await signBlob(otherData, { privateKey })
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-sigstore-shapes-'))
})
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

const clone = (b: unknown): Json => JSON.parse(JSON.stringify(b)) as Json
const vm = (j: Json): Json => j.verificationMaterial as Json
const ms = (j: Json): Json => j.messageSignature as Json

function verifyText(text: string, artifact: { data?: Buffer; digest?: string } = { data }) {
  const parsed = parseSignatureMaterial(text, FILE, sha256(artifact.data ?? data))
  return verifyBundle(parsed.bundle, artifact, { publicKey })
}

function caught(run: () => unknown): unknown {
  try {
    run()
  } catch (err) {
    return err
  }
  throw new Error('expected an error')
}

describe('tolerated shapes (protobuf JSON and bundle spec)', () => {
  const cases: [string, (j: Json) => unknown][] = [
    ['as signed', j => j],
    [
      'unknown fields at every level',
      j => {
        j.extra = { nested: [1, 2] }
        vm(j).futureField = 'x'
        ms(j).alsoUnknown = true
        return j
      }
    ],
    [
      'media type with +json;version=0.3',
      j => ({ ...j, mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.3' })
    ],
    [
      'media type with spaces around the parameter',
      j => ({ ...j, mediaType: 'application/vnd.dev.sigstore.bundle+json; version=0.3' })
    ],
    [
      'media type v0.1 in the .v0.1+json spelling',
      j => ({ ...j, mediaType: 'application/vnd.dev.sigstore.bundle.v0.1+json' })
    ],
    [
      'v0.2 media type with x509-less public key',
      j => ({ ...j, mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.2' })
    ],
    [
      'snake_case proto field names',
      j => {
        const v = vm(j)
        const m = ms(j)
        return {
          media_type: j.mediaType,
          verification_material: {
            public_key: v.publicKey,
            tlog_entries: [],
            timestamp_verification_data: { rfc3161_timestamps: [] }
          },
          message_signature: { message_digest: m.messageDigest, signature: m.signature }
        }
      }
    ],
    [
      'URL-safe base64 without padding',
      j => {
        const m = ms(j)
        m.signature = Buffer.from(String(m.signature), 'base64').toString('base64url')
        return j
      }
    ],
    [
      'base64 wrapped with line breaks',
      j => {
        const m = ms(j)
        m.signature = String(m.signature).replace(/(.{20})/g, '$1\n')
        return j
      }
    ],
    [
      'null for unset fields, numeric hash algorithm enum',
      j => {
        j.dsseEnvelope = null
        ;(ms(j).messageDigest as Json).algorithm = 1
        return j
      }
    ],
    [
      'no messageDigest (optional in the spec): bound to the artifact given',
      j => {
        delete ms(j).messageDigest
        return j
      }
    ],
    [
      'a publicKey hint that is not this key’s (keyed: the given key decides)',
      j => {
        vm(j).publicKey = { hint: 'c29tZSBvdGhlciBrZXk=' }
        return j
      }
    ],
    [
      'tlogEntries and timestampVerificationData omitted (empty repeated fields)',
      j => {
        delete vm(j).tlogEntries
        delete vm(j).timestampVerificationData
        return j
      }
    ]
  ]
  test.each(cases)('verifies: %s', (_name, change) => {
    const text = JSON.stringify(change(clone(bundle)))
    expect(verifyText(text).signer.type).toBe('key')
    // and the same shape still rejects the wrong artifact
    expect(caught(() => verifyText(text, { data: otherData }))).toBeInstanceOf(VerificationError)
  })
})

describe('malformed bundles: one-line InputError (exit 2) with file and, for JSON, line', () => {
  const table: [string, () => string, RegExp][] = [
    ['empty file', () => '', /^bundle\.sigstore\.json: the bundle file is empty$/],
    [
      'truncated JSON',
      () => JSON.stringify(bundle, null, 2).slice(0, 200),
      /^bundle\.sigstore\.json:\d+:\d+: not valid JSON/
    ],
    [
      'syntax error on line 3',
      () => '{\n  "mediaType": "x",\n  "verificationMaterial": {,\n}',
      /^bundle\.sigstore\.json:3:\d+: not valid JSON/
    ],
    ['a JSON array', () => '[1, 2]', /expected a bundle \(a JSON object\), got a JSON array/],
    [
      'missing mediaType',
      () => JSON.stringify({ ...clone(bundle), mediaType: undefined }),
      /missing required field mediaType/
    ],
    [
      'unknown bundle version',
      () =>
        JSON.stringify({
          ...clone(bundle),
          mediaType: 'application/vnd.dev.sigstore.bundle.v0.9+json'
        }),
      /mediaType: expected a Sigstore bundle v0\.1, v0\.2 or v0\.3 media type .*got "application\/vnd\.dev\.sigstore\.bundle\.v0\.9\+json"/
    ],
    [
      'not a bundle media type',
      () => JSON.stringify({ ...clone(bundle), mediaType: 'application/json' }),
      /mediaType: expected/
    ],
    [
      'missing verificationMaterial',
      () => JSON.stringify({ ...clone(bundle), verificationMaterial: undefined }),
      /missing required field verificationMaterial$/
    ],
    [
      'verificationMaterial without key or certificate',
      () => {
        const j = clone(bundle)
        delete vm(j).publicKey
        return JSON.stringify(j)
      },
      /missing required field verificationMaterial\.certificate \(or x509CertificateChain \/ publicKey\)/
    ],
    [
      'no content',
      () => {
        const j = clone(bundle)
        delete j.messageSignature
        return JSON.stringify(j)
      },
      /missing required field messageSignature \(or dsseEnvelope\)/
    ],
    [
      'both messageSignature and dsseEnvelope',
      () =>
        JSON.stringify({
          ...clone(bundle),
          dsseEnvelope: {
            payload: 'e30=',
            payloadType: 'application/vnd.in-toto+json',
            signatures: [{ sig: 'AA==' }]
          }
        }),
      /bundle: expected one of messageSignature \/ dsseEnvelope, got messageSignature and dsseEnvelope/
    ],
    [
      'empty signature',
      () => {
        const j = clone(bundle)
        ms(j).signature = ''
        return JSON.stringify(j)
      },
      /missing required field messageSignature\.signature/
    ],
    [
      'signature that is not base64',
      () => {
        const j = clone(bundle)
        ms(j).signature = 'not base64!'
        return JSON.stringify(j)
      },
      /messageSignature\.signature: expected base64 bytes, got the string "not base64!"/
    ],
    [
      'signature as a number',
      () => {
        const j = clone(bundle)
        ms(j).signature = 5
        return JSON.stringify(j)
      },
      /messageSignature\.signature: expected base64 bytes, got number 5/
    ],
    [
      'tlogEntries as an object',
      () => {
        const j = clone(bundle)
        vm(j).tlogEntries = {}
        return JSON.stringify(j)
      },
      /verificationMaterial\.tlogEntries: expected an array, got an object/
    ],
    [
      'verificationMaterial as a string',
      () => JSON.stringify({ ...clone(bundle), verificationMaterial: 'x' }),
      /verificationMaterial: expected an object, got the string "x"/
    ],
    [
      'unknown hash algorithm',
      () => {
        const j = clone(bundle)
        ;(ms(j).messageDigest as Json).algorithm = 'MD5'
        return JSON.stringify(j)
      },
      /algorithm: expected one of HASH_ALGORITHM_UNSPECIFIED, SHA2_256/
    ],
    [
      'tlog entry without logId / kindVersion / body',
      () => {
        const j = clone(bundle)
        vm(j).tlogEntries = [{ logIndex: '1' }]
        return JSON.stringify(j)
      },
      /missing required field verificationMaterial\.tlogEntries\[0\]\.logId\.keyId/
    ],
    [
      'integer field that is not a number',
      () => {
        const j = clone(bundle)
        vm(j).tlogEntries = [{ logIndex: 'abc' }]
        return JSON.stringify(j)
      },
      /tlogEntries\[0\]\.logIndex: expected an integer, got the string "abc"/
    ],
    [
      'v0.2 entry without inclusion proof',
      () => {
        const j = clone(bundle)
        j.mediaType = 'application/vnd.dev.sigstore.bundle+json;version=0.2'
        vm(j).tlogEntries = [
          {
            logIndex: '1',
            logId: { keyId: 'AAAA' },
            kindVersion: { kind: 'hashedrekord', version: '0.0.1' },
            canonicalizedBody: 'e30=',
            inclusionPromise: { signedEntryTimestamp: 'AAAA' }
          }
        ]
        return JSON.stringify(j)
      },
      /missing required field verificationMaterial\.tlogEntries\[0\]\.inclusionProof \(bundle v0\.2 and later\)/
    ],
    [
      'v0.1 entry without inclusion promise',
      () => {
        const j = clone(bundle)
        j.mediaType = 'application/vnd.dev.sigstore.bundle+json;version=0.1'
        vm(j).tlogEntries = [
          {
            logIndex: '1',
            logId: { keyId: 'AAAA' },
            kindVersion: { kind: 'hashedrekord', version: '0.0.1' },
            canonicalizedBody: 'e30='
          }
        ]
        return JSON.stringify(j)
      },
      /tlogEntries\[0\]\.inclusionPromise \(bundle v0\.1\)/
    ],
    [
      'v0.3 with an x509CertificateChain',
      () => {
        const j = clone(bundle)
        delete vm(j).publicKey
        vm(j).x509CertificateChain = { certificates: [{ rawBytes: 'AAAA' }] }
        return JSON.stringify(j)
      },
      /verificationMaterial: expected certificate \(bundle v0\.3\), got x509CertificateChain/
    ],
    [
      'empty certificate chain',
      () => {
        const j = clone(bundle)
        j.mediaType = 'application/vnd.dev.sigstore.bundle+json;version=0.1'
        delete vm(j).publicKey
        vm(j).x509CertificateChain = { certificates: [] }
        return JSON.stringify(j)
      },
      /missing required field verificationMaterial\.x509CertificateChain\.certificates/
    ],
    [
      'DSSE with two signatures',
      () =>
        JSON.stringify({
          mediaType: bundle.mediaType,
          verificationMaterial: bundle.verificationMaterial,
          dsseEnvelope: {
            payload: 'e30=',
            payloadType: 'application/vnd.in-toto+json',
            signatures: [{ sig: 'AA==' }, { sig: 'AQ==' }]
          }
        }),
      /dsseEnvelope\.signatures: expected exactly 1 signature, got 2/
    ],
    [
      'a certificate that is not DER',
      () => {
        const j = clone(bundle)
        delete vm(j).publicKey
        vm(j).certificate = { rawBytes: 'AAAA' }
        return JSON.stringify(j)
      },
      /^bundle\.sigstore\.json: verificationMaterial\.certificate\.rawBytes: expected a DER X\.509 certificate, got unparsable bytes/
    ],
    [
      'a timestamp token that is not DER',
      () => {
        const j = clone(bundle)
        vm(j).timestampVerificationData = { rfc3161Timestamps: [{ signedTimestamp: 'MAA=' }] }
        return JSON.stringify(j)
      },
      /rfc3161Timestamps\[0\]\.signedTimestamp: expected a DER RFC 3161 timestamp token, got unparsable bytes/
    ],
    [
      'a negative log index',
      () => {
        const j = clone(bundle)
        vm(j).tlogEntries = [{ logIndex: -1 }]
        return JSON.stringify(j)
      },
      /tlogEntries\[0\]\.logIndex: expected a non-negative integer, got -1$/
    ],
    [
      'cosign legacy bundle with a numeric base64Signature',
      () => JSON.stringify({ base64Signature: 5 }),
      /cosign bundle: base64Signature: expected base64, got 5$/
    ],
    [
      'cosign legacy bundle with a malformed rekorBundle',
      () =>
        JSON.stringify({ base64Signature: 'AAAA', rekorBundle: { SignedEntryTimestamp: 'AAAA' } }),
      /cosign bundle: rekorBundle\.Payload: expected an object, got \(missing\)/
    ],
    [
      'cosign legacy bundle with a non-hex logID',
      () =>
        JSON.stringify({
          base64Signature: 'AAAA',
          rekorBundle: {
            SignedEntryTimestamp: 'AAAA',
            Payload: { body: 'e30=', integratedTime: 1, logIndex: 1, logID: 'zz' }
          }
        }),
      /rekorBundle\.Payload\.logID: expected hex, got "zz"/
    ],
    [
      'JSON Lines with an empty line',
      () => `${JSON.stringify(bundle)}\n\n${JSON.stringify(bundle)}\n`,
      /^bundle\.sigstore\.json:2: empty line in a JSON Lines bundle file/
    ],
    [
      'JSON Lines with a malformed line 3',
      () => `${JSON.stringify(bundle)}\n${JSON.stringify(bundle)}\n{"mediaType": \n`,
      /^bundle\.sigstore\.json:3:\d+: not valid JSON/
    ],
    [
      'JSON Lines with an invalid bundle on line 2',
      () => `${JSON.stringify(bundle)}\n${JSON.stringify({ ...clone(bundle), mediaType: 'x' })}\n`,
      /^bundle\.sigstore\.json:2: line 2: mediaType: expected/
    ]
  ]
  test.each(table)('%s', (_name, text, message) => {
    const err = caught(() => verifyText(text()))
    expect(err).toBeInstanceOf(InputError)
    expect(exitCodeFor(err)).toBe(2)
    const line = describeError(err)
    expect(line).toMatch(message)
    expect(line).not.toMatch(/\n/)
    expect(
      line.startsWith(`${FILE}:`) || line.startsWith(`${FILE} `) || line.startsWith(FILE)
    ).toBe(true)
  })
})

describe('JSON Lines bundle files (gh attestation download)', () => {
  test('verifies when any line verifies, and says which', () => {
    const text = `${JSON.stringify(otherBundle)}\n${JSON.stringify(bundle)}\n`
    const r = verifyText(text)
    expect(r.line).toBe(2)
    const r2 = verifyText(text, { data: otherData })
    expect(r2.line).toBe(1)
  })

  test('CRLF line ends and a final line without a break are read', () => {
    const text = `${JSON.stringify(otherBundle)}\r\n${JSON.stringify(bundle)}`
    expect(verifyText(text).line).toBe(2)
  })

  test('fails closed when no line verifies, with every line’s reason', () => {
    const text = `${JSON.stringify(otherBundle)}\n${JSON.stringify(otherBundle)}\n`
    const err = caught(() => verifyText(text))
    expect(err).toBeInstanceOf(VerificationError)
    expect(exitCodeFor(err)).toBe(1)
    expect((err as Error).message).toMatch(
      /^expected one of the 2 bundles to verify, got none: line 1: artifact digest: expected sha256:[0-9a-f]{64} .*; line 2: /
    )
  })

  test('through `verify blob` of the CLI (exit 0 / 1)', async () => {
    fs.writeFileSync(path.join(dir, 'a.bin'), data)
    fs.writeFileSync(path.join(dir, 'key.pub'), publicKey.export({ type: 'spki', format: 'pem' }))
    fs.writeFileSync(
      path.join(dir, 'b.jsonl'),
      `${JSON.stringify(otherBundle)}\n${JSON.stringify(bundle)}\n`
    )
    fs.writeFileSync(path.join(dir, 'bad.jsonl'), `${JSON.stringify(otherBundle)}\n`)
    const verifyBlob = commands.find(c => c.path.join(' ') === 'verify blob')
    const run = async (bundleFile: string): Promise<number> => {
      try {
        return await (verifyBlob?.run({
          argv: ['a.bin', '--bundle', bundleFile, '--key', 'key.pub'],
          cwd: dir,
          env: {},
          stdout: () => undefined,
          stderr: () => undefined
        }) ?? Promise.resolve(-1))
      } catch (err) {
        return exitCodeFor(err)
      }
    }
    expect(await run('b.jsonl')).toBe(0)
    expect(await run('bad.jsonl')).toBe(1)
  })

  test('loadSignatureFile reports the JSON Lines format and every bundle', () => {
    const file = path.join(dir, 'three.jsonl')
    fs.writeFileSync(
      file,
      [otherBundle, bundle, otherBundle].map(b => JSON.stringify(b)).join('\n')
    )
    const parsed = loadSignatureFile(file, sha256(data))
    expect(parsed.format).toBe('sigstore-bundle-jsonl')
    if (parsed.format === 'sigstore-bundle-jsonl')
      expect(parsed.bundles.map(b => b.line)).toEqual([1, 2, 3])
  })
})

describe('in-toto statements', () => {
  const hex = (alg: string, d = data): string => crypto.createHash(alg).update(d).digest('hex')
  async function attest(statement: unknown): Promise<string> {
    return JSON.stringify(await signDSSE(Buffer.from(JSON.stringify(statement)), { privateKey }))
  }
  function verifyAtt(
    text: string,
    artifact: { data?: Buffer; digest?: string },
    predicateType?: string
  ) {
    const parsed = parseSignatureMaterial(text, FILE)
    return verifyBundle(parsed.bundle, artifact, { publicKey, predicateType, dsseOnly: true })
  }

  test.each([
    ['Statement v1, sha256', 'https://in-toto.io/Statement/v1', { sha256: hex('sha256') }],
    ['Statement v0.1', 'https://in-toto.io/Statement/v0.1', { sha256: hex('sha256') }],
    ['sha512 only', 'https://in-toto.io/Statement/v1', { sha512: hex('sha512') }],
    [
      'sha256 and sha512, upper-case hex',
      'https://in-toto.io/Statement/v1',
      { sha256: hex('sha256').toUpperCase(), sha512: hex('sha512') }
    ]
  ])('verifies by file: %s', async (_name, type, digest) => {
    const text = await attest({
      _type: type,
      subject: [
        { name: 'unrelated.tgz', digest: { sha256: hex('sha256', otherData) } },
        { name: 'name-differs-from-the-file.bin', digest }
      ],
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: {}
    })
    expect(verifyAtt(text, { data }).statement?._type).toBe(type)
    expect(caught(() => verifyAtt(text, { data: Buffer.from('x') }))).toBeInstanceOf(
      VerificationError
    )
  })

  test('digest mode with sha256: and sha512: digests', async () => {
    const text = await attest(
      buildStatement(
        [{ name: 'a', digest: { sha256: hex('sha256'), sha512: hex('sha512') } }],
        'https://spdx.dev/Document',
        {}
      )
    )
    expect(verifyAtt(text, { digest: `sha256:${hex('sha256')}` }).digest).toBe(
      `sha256:${hex('sha256')}`
    )
    expect(verifyAtt(text, { digest: `sha512:${hex('sha512')}` }).digest).toBe(
      `sha512:${hex('sha512')}`
    )
    expect(
      (caught(() => verifyAtt(text, { digest: `sha512:${hex('sha512', otherData)}` })) as Error)
        .message
    ).toMatch(/^statement subject: expected sha512:[0-9a-f]{128}, got sha256:[0-9a-f]{64}, sha512:/)
  })

  test('weak digest algorithms alone do not bind the artifact', async () => {
    const text = await attest(
      buildStatement(
        [{ name: 'a', digest: { sha1: hex('sha1'), md5: hex('md5') } }],
        'https://spdx.dev/Document',
        {}
      )
    )
    expect((caught(() => verifyAtt(text, { data })) as Error).message).toMatch(
      /^statement subject: expected sha256:/
    )
  })

  test.each([
    [
      'unknown _type',
      {
        _type: 'https://in-toto.io/Statement/v9',
        subject: [{ digest: { sha256: 'x' } }],
        predicateType: 'p'
      },
      /in-toto statement _type: expected https:\/\/in-toto\.io\/Statement\/v1 or https:\/\/in-toto\.io\/Statement\/v0\.1, got "https:\/\/in-toto\.io\/Statement\/v9"/
    ],
    [
      'no predicateType',
      { _type: 'https://in-toto.io/Statement/v1', subject: [{ digest: { sha256: 'x' } }] },
      /predicateType: expected a URI, got null/
    ],
    [
      'no subjects',
      { _type: 'https://in-toto.io/Statement/v1', subject: [], predicateType: 'p' },
      /subject: expected a non-empty list/
    ],
    [
      'a subject whose digest is null',
      {
        _type: 'https://in-toto.io/Statement/v1',
        subject: [{ name: 'a', digest: null }],
        predicateType: 'p'
      },
      /subject: expected a non-empty list of \{name, digest\}, got 1 malformed or no subject\(s\)/
    ],
    ['not JSON', 'plain text', /expected an in-toto statement \(JSON\)/]
  ])('rejects: %s', async (_name, statement, message) => {
    const text =
      typeof statement === 'string'
        ? JSON.stringify(await signDSSE(Buffer.from(statement), { privateKey }))
        : await attest(statement)
    const err = caught(() => verifyAtt(text, { data }))
    expect(err).toBeInstanceOf(VerificationError)
    expect((err as Error).message).toMatch(message)
  })

  test('a signature over another payload type is refused, with both types named', async () => {
    const statement = Buffer.from(
      JSON.stringify(buildStatement([{ digest: { sha256: hex('sha256') } }], 'p', {}))
    )
    const text = JSON.stringify(
      await signDSSE(statement, { privateKey }, 'application/vnd.cyclonedx+json')
    )
    expect((caught(() => verifyAtt(text, { data })) as Error).message).toBe(
      'DSSE payload type: expected application/vnd.in-toto+json, got "application/vnd.cyclonedx+json"'
    )
    // relabelling the envelope breaks the signature (PAE covers the type)
    const j = clone(JSON.parse(text))
    ;(j.dsseEnvelope as Json).payloadType = 'application/vnd.in-toto+json'
    expect((caught(() => verifyAtt(JSON.stringify(j), { data })) as Error).message).toMatch(
      /^signature: expected a valid signature over the DSSE envelope by the given key, got one that does not verify/
    )
  })

  test.each([
    ['slsaprovenance', 'https://slsa.dev/provenance/v0.2'],
    ['slsaprovenance02', 'https://slsa.dev/provenance/v0.2'],
    ['slsaprovenance1', 'https://slsa.dev/provenance/v1'],
    ['spdx', 'https://spdx.dev/Document'],
    ['spdxjson', 'https://spdx.dev/Document'],
    ['cyclonedx', 'https://cyclonedx.org/bom'],
    ['vuln', 'https://cosign.sigstore.dev/attestation/vuln/v1'],
    ['openvex', 'https://openvex.dev/ns'],
    ['custom', 'https://cosign.sigstore.dev/attestation/v1'],
    ['link', 'https://in-toto.io/Link/v1']
  ])('--type %s filters on %s', async (alias, uri) => {
    const text = await attest(buildStatement([{ digest: { sha256: hex('sha256') } }], uri, {}))
    expect(verifyAtt(text, { data }, predicateTypeURI(alias)).statement?.predicateType).toBe(uri)
    const other = uri === 'https://cyclonedx.org/bom' ? 'spdx' : 'cyclonedx'
    expect(
      (caught(() => verifyAtt(text, { data }, predicateTypeURI(other))) as Error).message
    ).toMatch(/^predicate type: expected .*, got ".*"$/)
  })
})

describe('message digest algorithms', () => {
  test('a SHA-384 message signature (P-384 key) verifies by file and by sha384: digest', () => {
    const p384 = crypto.generateKeyPairSync('ec', { namedCurve: 'P-384' })
    const digest = crypto.createHash('sha384').update(data).digest()
    const signature = crypto.sign('sha384', data, p384.privateKey)
    const text = JSON.stringify({
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: { publicKey: { hint: '' }, tlogEntries: [] },
      messageSignature: {
        messageDigest: { algorithm: 'SHA2_384', digest: digest.toString('base64') },
        signature: signature.toString('base64')
      }
    })
    const verify = (artifact: { data?: Buffer; digest?: string }) =>
      verifyBundle(parseSignatureMaterial(text, FILE).bundle, artifact, {
        publicKey: p384.publicKey
      })
    expect(verify({ data }).digest).toBe(`sha384:${digest.toString('hex')}`)
    expect(verify({ digest: `sha384:${digest.toString('hex')}` }).signer.type).toBe('key')
    expect(
      (caught(() => verify({ digest: `sha256:${sha256(data).toString('hex')}` })) as Error).message
    ).toMatch(
      /^artifact digest: expected a sha384 digest \(the bundle's message digest algorithm\), got sha256:/
    )
    expect((caught(() => verify({ data: otherData })) as Error).message).toMatch(
      /^artifact digest: expected sha384:/
    )
  })
})
