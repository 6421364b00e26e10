// actions/sign end to end: the ncc bundle run the way the runner runs it, against local services
// only (mock Sigstore, a stand-in for the Actions OIDC endpoint, Debian's docker-registry).
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { RegistryClient, pushSyntheticImage } from '@secure-pipeline/oci'
import {
  decryptPrivateKey,
  generateEncodedKeyPair,
  loadPublicKey,
  loadTrustedRootFile,
  parseSignatureMaterial,
  verifyBundle,
  verifyImage
} from '@secure-pipeline/sigstore'
import {
  buildAction,
  runAction,
  startHttpServer,
  type ActionRun,
  type LocalServer
} from './harness.js'
import { registryDescribe, startRegistry, type LocalRegistry } from './registry.js'
import { GITHUB_ISSUER, startMockSigstore, type MockSigstore } from './sigstore-mock.js'

const PASSWORD = 'e2e-sign-password'
let bundlePath: string
let workspace: string
let mock: MockSigstore
let oidc: LocalServer
let token: string
const pair = generateEncodedKeyPair(PASSWORD, { scryptN: 32768 })
const publicKey = loadPublicKey(pair.publicKeyPem)

beforeAll(async () => {
  bundlePath = await buildAction('sign')
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-sign-e2e-'))
  fs.writeFileSync(path.join(workspace, 'app.tgz'), 'app release bytes\n')
  fs.writeFileSync(
    path.join(workspace, 'sbom.cdx.json'),
    JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1 })
  )
  mock = await startMockSigstore()
  token = mock.mintToken({ repository: 'acme/app', ref: 'refs/heads/main' })
  oidc = await startHttpServer((req, res) => {
    res.setHeader('Content-Type', 'application/json')
    res.end(JSON.stringify({ value: token }))
  })
}, 120_000)
afterAll(async () => {
  await oidc?.close()
  await mock?.close()
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true })
})

/** Everything the runner would show (add-mask commands are consumed by the runner, not shown). */
function visible(run: ActionRun): string {
  return `${run.stdout}\n${run.stderr}`
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n')
}

function expectNoSecrets(run: ActionRun, secrets: string[]): void {
  const text = visible(run)
  for (const s of secrets) expect(text.includes(s)).toBe(false)
  expect(text).not.toMatch(/PRIVATE KEY/)
}

const keyLines = pair.privateKeyPem.split('\n').filter(l => l.length > 16 && !l.startsWith('-----'))

describe('actions/sign', () => {
  test('keyed: signs a blob with the key PEM from a secret; the bundle verifies; secrets are masked', async () => {
    const run = await runAction(bundlePath, {
      workspace,
      inputs: { blobs: 'app.tgz', key: pair.privateKeyPem, password: PASSWORD }
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['bundle-path']).toBe(path.join(workspace, 'app.tgz.sigstore.json'))
    expect(run.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    const data = fs.readFileSync(path.join(workspace, 'app.tgz'))
    const { bundle } = parseSignatureMaterial(
      fs.readFileSync(run.outputs['bundle-path'] ?? '', 'utf8'),
      'b'
    )
    expect(verifyBundle(bundle, { data }, { publicKey }).digest).toBe(run.outputs.digest)
    expect(run.masks).toEqual(expect.arrayContaining([PASSWORD, ...keyLines]))
    expect(run.summary).toContain('app.tgz')
    expectNoSecrets(run, [PASSWORD, ...keyLines])
  })

  test('a wrong password fails the step with a clear message and no secret in the log', async () => {
    const run = await runAction(bundlePath, {
      workspace,
      inputs: { blobs: 'app.tgz', key: pair.privateKeyPem, password: 'not-it' }
    })
    expect(run.exitCode).toBe(1)
    expect(run.annotations.some(a => a.level === 'error' && /wrong password/.test(a.message))).toBe(
      true
    )
    expectNoSecrets(run, ['not-it', PASSWORD, ...keyLines])
  })

  test('keyless: GitHub Actions OIDC token (audience sigstore) → mock Fulcio/Rekor/TSA; attests an SBOM', async () => {
    const requestToken = 'actions-runtime-request-token'
    const run = await runAction(bundlePath, {
      workspace,
      inputs: {
        blobs: 'app.tgz',
        predicate: 'sbom.cdx.json',
        'predicate-type': 'cyclonedx',
        'fulcio-url': mock.url,
        'rekor-url': mock.url,
        'tsa-url': mock.url,
        'rekor-entry-type': 'intoto'
      },
      env: {
        ACTIONS_ID_TOKEN_REQUEST_URL: `${oidc.url}/token?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken
      }
    })
    expect(run.exitCode).toBe(0)
    const req = oidc.requests.at(-1)
    expect(req?.url).toMatch(/audience=sigstore/)
    expect(req?.headers.authorization).toBe(`bearer ${requestToken}`)
    const out = run.outputs['bundle-path'] ?? ''
    expect(out).toBe(path.join(workspace, 'app.tgz.intoto.sigstore.json'))
    const { bundle } = parseSignatureMaterial(fs.readFileSync(out, 'utf8'), out)
    const r = verifyBundle(
      bundle,
      { data: fs.readFileSync(path.join(workspace, 'app.tgz')) },
      {
        trustedRoot: loadTrustedRootFile(mock.trustedRootPath),
        policy: {
          identity: { exact: mock.identityFor({ repository: 'acme/app' }) },
          issuer: { exact: GITHUB_ISSUER },
          github: { repository: 'acme/app' }
        },
        predicateType: 'https://cyclonedx.org/bom'
      }
    )
    expect(r.statement?.predicateType).toBe('https://cyclonedx.org/bom')
    expectNoSecrets(run, [token, requestToken])
  })

  test('keyless without an OIDC token fails with a clear message', async () => {
    const run = await runAction(bundlePath, {
      workspace,
      inputs: { blobs: 'app.tgz', 'fulcio-url': mock.url, 'rekor-url': mock.url }
    })
    expect(run.exitCode).toBe(1)
    expect(run.annotations.some(a => /id-token: write/.test(a.message))).toBe(true)
  })
})

const describeRegistry = registryDescribe()

describeRegistry('actions/sign with images', () => {
  let registry: LocalRegistry
  beforeAll(async () => {
    registry = await startRegistry()
  })
  afterAll(async () => {
    await registry?.stop()
  })

  test('signs an image by tag; the cosign v3 referrer verifies', async () => {
    const client = new RegistryClient(registry.host, { dockerConfig: false })
    const image = await pushSyntheticImage(client, 'acme/web', {
      tag: 'v1',
      seed: crypto.randomUUID()
    })
    const keyFile = path.join(workspace, 'cosign.key')
    fs.writeFileSync(keyFile, pair.privateKeyPem)
    const run = await runAction(bundlePath, {
      workspace,
      inputs: { images: `${registry.host}/acme/web:v1`, key: 'cosign.key' },
      env: { COSIGN_PASSWORD: PASSWORD, HOME: workspace }
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.digest).toBe(image.descriptor.digest)
    const verified = await verifyImage(
      `${registry.host}/acme/web:v1`,
      { publicKey: crypto.createPublicKey(decryptPrivateKey(pair.privateKeyPem, PASSWORD)) },
      { dockerConfig: false }
    )
    expect(verified.verified[0]?.source).toBe('referrer')
    expectNoSecrets(run, [PASSWORD, ...keyLines])
  })
})
