// The CLI commands (keys generate / sign / attest / verify) in-process, with every captured output
// scanned for private keys, passwords and identity tokens.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { runCli } from './run-cli.js'
import { GITHUB_ISSUER, startMockSigstore, type MockSigstore } from '../../../test/sigstore-mock.js'
import { RegistryClient, pushSyntheticImage } from '@secure-pipeline/oci'
import { registryAvailable, startRegistry, type LocalRegistry } from '../../../test/registry.js'

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures')
const PASSWORD = 'correct horse battery staple'

interface Run {
  code: number
  stdout: string
  stderr: string
}
const outputs: string[] = []

async function cli(argv: string[], env: Record<string, string> = {}, cwd = dir): Promise<Run> {
  const r = await runCli(argv, cwd, env)
  outputs.push(r.stdout, r.stderr)
  return r
}

let dir: string
let mock: MockSigstore
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-sigstore-cli-'))
  fs.writeFileSync(path.join(dir, 'app.tgz'), 'release bytes\n')
  fs.writeFileSync(
    path.join(dir, 'sbom.json'),
    JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1 })
  )
  mock = await startMockSigstore()
})
afterAll(async () => {
  await mock?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('secure-pipeline keys / sign / attest / verify', () => {
  test('keys generate writes a 0600 encrypted key and a public key', async () => {
    const r = await cli(['keys', 'generate', '--output-prefix', 'release'], {
      COSIGN_PASSWORD: PASSWORD
    })
    expect(r.code).toBe(0)
    const key = fs.readFileSync(path.join(dir, 'release.key'), 'utf8')
    expect(key).toMatch(/^-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----/)
    expect(fs.statSync(path.join(dir, 'release.key')).mode & 0o777).toBe(0o600)
    expect(fs.readFileSync(path.join(dir, 'release.pub'), 'utf8')).toMatch(
      /^-----BEGIN PUBLIC KEY-----/
    )
    expect(
      (await cli(['keys', 'generate', '--output-prefix', 'release'], { COSIGN_PASSWORD: PASSWORD }))
        .code
    ).toBe(2)
    expect((await cli(['keys', 'generate', '--output-prefix', 'nopw'])).code).toBe(2)
  })

  test('sign blob + verify blob by file and digest; tampering and wrong keys are rejected', async () => {
    const s = await cli(
      ['sign', 'blob', 'app.tgz', '--key', 'release.key', '--bundle', 'app.sigstore.json'],
      { COSIGN_PASSWORD: PASSWORD }
    )
    expect(s.code).toBe(0)
    const digest = s.stdout.trim()
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    const bundle = JSON.parse(fs.readFileSync(path.join(dir, 'app.sigstore.json'), 'utf8')) as {
      mediaType: string
    }
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json')

    expect(
      (
        await cli([
          'verify',
          'blob',
          'app.tgz',
          '--bundle',
          'app.sigstore.json',
          '--key',
          'release.pub'
        ])
      ).code
    ).toBe(0)
    const byDigest = await cli([
      'verify',
      'blob',
      digest,
      '--bundle',
      'app.sigstore.json',
      '--key',
      'release.pub',
      '--format',
      'json'
    ])
    expect(byDigest.code).toBe(0)
    expect(JSON.parse(byDigest.stdout)).toMatchObject({
      verified: true,
      digest,
      content: 'messageSignature'
    })

    fs.writeFileSync(path.join(dir, 'tampered.tgz'), 'release bytes, modified\n')
    const tampered = await cli([
      'verify',
      'blob',
      'tampered.tgz',
      '--bundle',
      'app.sigstore.json',
      '--key',
      'release.pub'
    ])
    expect(tampered.code).toBe(1)
    expect(tampered.stderr).toMatch(
      /expected sha256:[0-9a-f]{64} \(signed in the bundle\), got sha256:/
    )

    await cli(['keys', 'generate', '--output-prefix', 'other'], { COSIGN_PASSWORD: 'x' })
    expect(
      (
        await cli([
          'verify',
          'blob',
          'app.tgz',
          '--bundle',
          'app.sigstore.json',
          '--key',
          'other.pub'
        ])
      ).code
    ).toBe(1)
  })

  test('usage and input errors exit 2: wrong password, no COSIGN_PASSWORD, missing key or identity', async () => {
    const wrong = await cli(
      ['sign', 'blob', 'app.tgz', '--key', 'release.key', '--bundle', 'x.json'],
      { COSIGN_PASSWORD: 'not-the-password' }
    )
    expect(wrong).toMatchObject({ code: 2 })
    expect(wrong.stderr).toMatch(/release\.key: decrypting the private key failed: wrong password/)
    expect(
      (await cli(['sign', 'blob', 'app.tgz', '--key', 'release.key', '--bundle', 'x.json'])).code
    ).toBe(2)
    expect((await cli(['sign', 'blob', 'app.tgz', '--bundle', 'x.json'])).code).toBe(2)
    expect((await cli(['verify', 'blob', 'app.tgz', '--bundle', 'app.sigstore.json'])).code).toBe(2)
    expect(
      (
        await cli([
          'verify',
          'blob',
          'app.tgz',
          '--bundle',
          'app.sigstore.json',
          '--certificate-identity',
          'x'
        ])
      ).code
    ).toBe(2)
    expect(
      (
        await cli([
          'verify',
          'blob',
          'missing.tgz',
          '--bundle',
          'app.sigstore.json',
          '--key',
          'release.pub'
        ])
      ).code
    ).toBe(2)
  })

  test("cosign's own test key (password hello) signs from the CLI", async () => {
    fs.copyFileSync(path.join(fixtures, 'keys', 'cosign-vector.key'), path.join(dir, 'cosign.key'))
    const s = await cli(
      ['sign', 'blob', 'app.tgz', '--key', 'cosign.key', '--bundle', 'vector.json'],
      { COSIGN_PASSWORD: 'hello' }
    )
    expect(s.code).toBe(0)
    fs.writeFileSync(path.join(dir, 'vector.pub'), await publicPemOfVector())
    expect(
      (await cli(['verify', 'blob', 'app.tgz', '--bundle', 'vector.json', '--key', 'vector.pub']))
        .code
    ).toBe(0)
  })

  test('attest blob (CycloneDX) + verify attestation with a predicate-type filter', async () => {
    const a = await cli(
      [
        'attest',
        'blob',
        'app.tgz',
        '--predicate',
        'sbom.json',
        '--type',
        'cyclonedx',
        '--key',
        'release.key',
        '--bundle',
        'app.att.json'
      ],
      { COSIGN_PASSWORD: PASSWORD }
    )
    expect(a.code).toBe(0)
    const ok = await cli([
      'verify',
      'attestation',
      'app.tgz',
      '--bundle',
      'app.att.json',
      '--type',
      'cyclonedx',
      '--key',
      'release.pub'
    ])
    expect(ok.code).toBe(0)
    const other = await cli([
      'verify',
      'attestation',
      'app.tgz',
      '--bundle',
      'app.att.json',
      '--type',
      'spdxjson',
      '--key',
      'release.pub'
    ])
    expect(other.code).toBe(1)
    expect(other.stderr).toMatch(
      /predicate type: expected https:\/\/spdx\.dev\/Document, got "https:\/\/cyclonedx\.org\/bom"/
    )
  })

  test('keyless sign (mock Fulcio/Rekor/TSA, GitHub-shaped token) + verify with identity policy', async () => {
    const token = mock.mintToken({ repository: 'acme/app', ref: 'refs/heads/main' })
    const urls = ['--fulcio-url', mock.url, '--rekor-url', mock.url, '--tsa-url', mock.url]
    const s = await cli(
      ['sign', 'blob', 'app.tgz', '--keyless', ...urls, '--bundle', 'keyless.json'],
      { SIGSTORE_ID_TOKEN: token }
    )
    expect(s.code).toBe(0)
    const identity = mock.identityFor({ repository: 'acme/app', ref: 'refs/heads/main' })
    const base = [
      'verify',
      'blob',
      'app.tgz',
      '--bundle',
      'keyless.json',
      '--trusted-root',
      mock.trustedRootPath
    ]
    const ok = await cli([
      ...base,
      '--certificate-identity',
      identity,
      '--certificate-oidc-issuer',
      GITHUB_ISSUER,
      '--certificate-github-workflow-repository',
      'acme/app'
    ])
    expect(ok.code).toBe(0)
    expect(ok.stdout).toContain(identity)
    const re = await cli([
      ...base,
      '--certificate-identity-regexp',
      '^https://github\\.com/acme/',
      '--certificate-oidc-issuer-regexp',
      'githubusercontent'
    ])
    expect(re.code).toBe(0)
    const wrongRepo = await cli([
      ...base,
      '--certificate-identity-regexp',
      '.*',
      '--certificate-oidc-issuer',
      GITHUB_ISSUER,
      '--certificate-github-workflow-repository',
      'acme/other'
    ])
    expect(wrongRepo.code).toBe(1)
    const wrongIssuer = await cli([
      ...base,
      '--certificate-identity',
      identity,
      '--certificate-oidc-issuer',
      'https://accounts.google.com'
    ])
    expect(wrongIssuer.code).toBe(1)
    expect(wrongIssuer.stderr).toMatch(
      /expected "https:\/\/accounts\.google\.com", got "https:\/\/token\.actions\.githubusercontent\.com"/
    )
    const att = await cli(
      [
        'attest',
        'blob',
        'app.tgz',
        '--predicate',
        'sbom.json',
        '--type',
        'cyclonedx',
        '--keyless',
        ...urls,
        '--rekor-entry-type',
        'intoto',
        '--bundle',
        'keyless.att.json'
      ],
      { SIGSTORE_ID_TOKEN: token }
    )
    expect(att.code).toBe(0)
    const attOk = await cli([
      'verify',
      'attestation',
      'app.tgz',
      '--bundle',
      'keyless.att.json',
      '--type',
      'cyclonedx',
      '--trusted-root',
      mock.trustedRootPath,
      '--certificate-identity',
      identity,
      '--certificate-oidc-issuer',
      GITHUB_ISSUER
    ])
    expect(attOk.code).toBe(0)
    outputs.push(`TOKEN:${token}`) // marker only; checked below and removed
  })

  ;(registryAvailable() ? test : test.skip)(
    'sign image + attest image (SBOM) + verify image / attestation in a local registry',
    async () => {
      let registry: LocalRegistry | undefined
      try {
        registry = await startRegistry()
        const client = new RegistryClient(registry.host, { dockerConfig: false })
        const image = await pushSyntheticImage(client, 'acme/cli', { tag: 'v1', seed: 'cli' })
        const ref = `${registry.host}/acme/cli:v1`
        const env = { COSIGN_PASSWORD: PASSWORD }
        const signed = await cli(['sign', 'image', ref, '--key', 'release.key'], env)
        expect(signed).toMatchObject({
          code: 0,
          stdout: `${registry.host}/acme/cli@${image.descriptor.digest}\n`
        })
        const attested = await cli(
          [
            'attest',
            'image',
            ref,
            '--key',
            'release.key',
            '--predicate',
            'sbom.json',
            '--type',
            'cyclonedx'
          ],
          env
        )
        expect(attested.code).toBe(0)
        const v = await cli(['verify', 'image', ref, '--key', 'release.pub', '--format', 'json'])
        expect(v.code).toBe(0)
        expect(JSON.parse(v.stdout)).toMatchObject({
          verified: true,
          digest: image.descriptor.digest
        })
        expect(
          (await cli(['verify', 'attestation', ref, '--type', 'cyclonedx', '--key', 'release.pub']))
            .code
        ).toBe(0)
        expect(
          (await cli(['verify', 'attestation', ref, '--type', 'spdxjson', '--key', 'release.pub']))
            .code
        ).toBe(1)
        expect((await cli(['verify', 'image', ref, '--key', 'other.pub'])).code).toBe(1)
        expect((await cli(['verify', 'image', ref, '--key', 'release.pub'])).stdout).toContain(
          `(referrer sha256:`
        )

        // --recursive on a multi-arch index: the index and each platform manifest.
        const amd = await pushSyntheticImage(client, 'acme/multi', { seed: 'cli-amd64' })
        const arm = await pushSyntheticImage(client, 'acme/multi', { seed: 'cli-arm64' })
        const index = await client.putManifest(
          'acme/multi',
          {
            schemaVersion: 2,
            mediaType: 'application/vnd.oci.image.index.v1+json',
            manifests: [amd.descriptor, arm.descriptor]
          },
          { reference: 'v1' }
        )
        const multi = `${registry.host}/acme/multi:v1`
        const rec = await cli(['sign', 'image', multi, '--key', 'release.key', '--recursive'], env)
        expect(rec.code).toBe(0)
        expect(rec.stdout.trim().split('\n')).toEqual(
          [index.descriptor, amd.descriptor, arm.descriptor].map(
            d => `${registry!.host}/acme/multi@${d.digest}`
          )
        )
        const platform = `${registry.host}/acme/multi@${arm.descriptor.digest}`
        expect((await cli(['verify', 'image', platform, '--key', 'release.pub'])).code).toBe(0)
      } finally {
        await registry?.stop()
      }
    }
  )

  test('no private key, password or identity token appears in any captured output', () => {
    const markerIndex = outputs.findIndex(o => o.startsWith('TOKEN:'))
    const token =
      markerIndex >= 0 ? (outputs.splice(markerIndex, 1)[0] ?? '').slice('TOKEN:'.length) : ''
    const all = outputs.join('\n')
    expect(all.length).toBeGreaterThan(0)
    const secrets = [PASSWORD, 'not-the-password', 'hello']
    for (const f of ['release.key', 'other.key', 'cosign.key']) {
      const pem = fs.readFileSync(path.join(dir, f), 'utf8')
      secrets.push(...pem.split('\n').filter(l => l.length > 20 && !l.startsWith('-----')))
    }
    if (token) secrets.push(token, token.split('.')[1] ?? token)
    for (const s of secrets) expect(all.includes(s)).toBe(false)
    expect(all).not.toMatch(/PRIVATE KEY-----/)
  })
})

async function publicPemOfVector(): Promise<string> {
  const { decryptPrivateKey, publicKeyPem } = await import('../src/index.js')
  return publicKeyPem(
    decryptPrivateKey(
      fs.readFileSync(path.join(fixtures, 'keys', 'cosign-vector.key'), 'utf8'),
      'hello'
    )
  )
}
