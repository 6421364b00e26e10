// cosign sign-blob's --output-signature / --output-certificate, and verify-blob's --signature /
// --certificate / --certificate-chain (keyless needs the bundle offline), through the CLI.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { runCli, type CliRun } from './run-cli.js'
import { GITHUB_ISSUER, startMockSigstore, type MockSigstore } from '../../../test/sigstore-mock.js'
import { certificatePem } from '../src/index.js'

let dir: string
let mock: MockSigstore
let identity: string

const cli = (argv: string[], env: Record<string, string> = {}): Promise<CliRun> =>
  runCli(argv, dir, env)

const read = (f: string) => fs.readFileSync(path.join(dir, f))

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-cosign-outputs-'))
  fs.writeFileSync(path.join(dir, 'app.tgz'), 'release bytes\n')
  fs.writeFileSync(path.join(dir, 'other.tgz'), 'other bytes\n')
  mock = await startMockSigstore()
  identity = mock.identityFor({ repository: 'acme/app' })
  const urls = ['--fulcio-url', mock.url, '--rekor-url', mock.url, '--tsa-url', mock.url]
  for (const [file, out] of [
    ['app.tgz', 'app'],
    ['other.tgz', 'other']
  ] as const) {
    const s = await cli(
      [
        'sign',
        'blob',
        file,
        '--keyless',
        ...urls,
        '--bundle',
        `${out}.sigstore.json`,
        '--output-signature',
        `${out}.sig`,
        '--output-certificate',
        `${out}.pem`
      ],
      { SIGSTORE_ID_TOKEN: mock.mintToken({ repository: 'acme/app' }) }
    )
    expect(s.code).toBe(0)
  }
}, 60_000)
afterAll(async () => {
  await mock?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const policy = () => [
  '--certificate-identity',
  identity,
  '--certificate-oidc-issuer',
  GITHUB_ISSUER,
  '--trusted-root',
  mock.trustedRootPath
]

describe('sign blob --output-signature / --output-certificate', () => {
  test('keyless: the base64 signature and the PEM leaf certificate of the bundle', () => {
    const bundle = JSON.parse(read('app.sigstore.json').toString('utf8')) as {
      messageSignature: { signature: string }
      verificationMaterial: { certificate: { rawBytes: string } }
    }
    const sig = read('app.sig').toString('utf8')
    expect(sig).toMatch(/^[A-Za-z0-9+/]+=*$/)
    expect(sig).toBe(bundle.messageSignature.signature)
    const pem = read('app.pem').toString('utf8')
    expect(pem).toBe(
      certificatePem(Buffer.from(bundle.verificationMaterial.certificate.rawBytes, 'base64'))
    )
    const cert = new crypto.X509Certificate(pem)
    expect(cert.subjectAltName).toContain(identity)
    // what `openssl dgst -sha256 -verify` checks: the signature over the file with the cert's key
    expect(
      crypto.verify('sha256', read('app.tgz'), cert.publicKey, Buffer.from(sig, 'base64'))
    ).toBe(true)
  })

  test('keyed: the signature verifies as a bare signature; no certificate is written', async () => {
    const keys = await cli(['keys', 'generate', '--output-prefix', 'k'], { COSIGN_PASSWORD: '' })
    expect(keys.code).toBe(0)
    const s = await cli(
      [
        'sign',
        'blob',
        'app.tgz',
        '--key',
        'k.key',
        '--bundle',
        'k.json',
        '--output-signature',
        'k.sig',
        '--output-certificate',
        'k.crt'
      ],
      { COSIGN_PASSWORD: '' }
    )
    expect(s.code).toBe(0)
    expect(s.stderr).toMatch(/No certificate written/)
    expect(fs.existsSync(path.join(dir, 'k.crt'))).toBe(false)
    const v = ['--signature', 'k.sig', '--key', 'k.pub']
    expect((await cli(['verify', 'blob', 'app.tgz', ...v])).code).toBe(0)
    expect((await cli(['verify', 'blob', 'other.tgz', ...v])).code).toBe(1)
  })
})

describe('verify blob --certificate / --certificate-chain / --signature', () => {
  test('bundle + its certificate + identity: verified; PEM, base64 PEM and DER certificates', async () => {
    const pem = read('app.pem').toString('utf8')
    fs.writeFileSync(path.join(dir, 'app.pem.b64'), Buffer.from(pem).toString('base64'))
    fs.writeFileSync(path.join(dir, 'app.der'), new crypto.X509Certificate(pem).raw)
    for (const cert of ['app.pem', 'app.pem.b64', 'app.der']) {
      const r = await cli([
        'verify',
        'blob',
        'app.tgz',
        '--bundle',
        'app.sigstore.json',
        '--certificate',
        cert,
        ...policy()
      ])
      expect([cert, r.stderr, r.code]).toEqual([cert, '', 0])
    }
  })

  test("another certificate than the bundle's is not verified (exit 1)", async () => {
    const r = await cli([
      'verify',
      'blob',
      'app.tgz',
      '--bundle',
      'app.sigstore.json',
      '--certificate',
      'other.pem',
      ...policy()
    ])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/signing certificate: expected the one given with --certificate/)
  })

  test('a bare signature + certificate (no bundle) needs the bundle: exit 2, saying so', async () => {
    const r = await cli([
      'verify',
      'blob',
      'app.tgz',
      '--signature',
      'app.sig',
      '--certificate',
      'app.pem',
      ...policy()
    ])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/cosign looks the entry up in Rekor online/)
    expect(r.stderr).toMatch(/pass the Sigstore bundle/)
  })

  test('--certificate-chain: the issuers must link; without --certificate it is a usage error', async () => {
    const root = JSON.parse(fs.readFileSync(mock.trustedRootPath, 'utf8')) as {
      certificateAuthorities: { certChain: { certificates: { rawBytes: string }[] } }[]
    }
    const chain = (root.certificateAuthorities[0]?.certChain.certificates ?? [])
      .map(c => certificatePem(Buffer.from(c.rawBytes, 'base64')))
      .join('')
    fs.writeFileSync(path.join(dir, 'chain.pem'), chain)
    const base = ['verify', 'blob', 'app.tgz', '--bundle', 'app.sigstore.json', ...policy()]
    expect(
      (await cli([...base, '--certificate', 'app.pem', '--certificate-chain', 'chain.pem'])).code
    ).toBe(0)
    const notLinked = await cli([
      ...base,
      '--certificate',
      'app.pem',
      '--certificate-chain',
      'other.pem'
    ])
    expect(notLinked.code).toBe(2)
    expect(notLinked.stderr).toMatch(
      /certificate chain: expected PEM certificates starting with the issuer/
    )
    expect((await cli([...base, '--certificate-chain', 'chain.pem'])).code).toBe(2)
  })

  test('--certificate without identity on a keyless bundle, or with --key, is a usage error', async () => {
    const noId = await cli([
      'verify',
      'blob',
      'app.tgz',
      '--bundle',
      'app.sigstore.json',
      '--certificate',
      'app.pem'
    ])
    expect(noId.code).toBe(2)
    expect(noId.stderr).toMatch(/the bundle is keyless/)
    await cli(['keys', 'generate', '--output-prefix', 'k2'], { COSIGN_PASSWORD: '' })
    const both = await cli([
      'verify',
      'blob',
      'app.tgz',
      '--bundle',
      'app.sigstore.json',
      '--certificate',
      'app.pem',
      '--key',
      'k2.pub'
    ])
    expect(both.code).toBe(2)
  })
})
