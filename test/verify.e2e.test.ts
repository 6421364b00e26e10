// actions/verify end to end: the ncc bundle run the way the runner runs it, verifying bundles made
// with keys and with the local mock Sigstore, and images in Debian's docker-registry.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { RegistryClient, pushSyntheticImage } from '@secure-pipeline/oci'
import { attestImage, keyHint, publicKeyPem, signBlob, signImage } from '@secure-pipeline/sigstore'
import { buildAction, runAction } from './harness.js'
import { registryDescribe, startRegistry, type LocalRegistry } from './registry.js'
import { GITHUB_ISSUER, startMockSigstore, type MockSigstore } from './sigstore-mock.js'

const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
let bundlePath: string
let workspace: string
let mock: MockSigstore
let identity: string

beforeAll(async () => {
  bundlePath = await buildAction('verify')
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-verify-e2e-'))
  const data = Buffer.from('verified artifact\n')
  fs.writeFileSync(path.join(workspace, 'app.tgz'), data)
  fs.writeFileSync(path.join(workspace, 'tampered.tgz'), 'verified artifact, changed\n')
  fs.writeFileSync(path.join(workspace, 'cosign.pub'), publicKeyPem(publicKey))
  fs.writeFileSync(
    path.join(workspace, 'app.tgz.sigstore.json'),
    JSON.stringify(await signBlob(data, { privateKey }))
  )
  fs.copyFileSync(
    path.join(workspace, 'app.tgz.sigstore.json'),
    path.join(workspace, 'tampered.tgz.sigstore.json')
  )
  mock = await startMockSigstore()
  fs.copyFileSync(mock.trustedRootPath, path.join(workspace, 'trusted_root.json'))
  identity = mock.identityFor({ repository: 'acme/app', ref: 'refs/heads/main' })
  const keyless = await signBlob(data, {
    keyless: {
      identityToken: mock.mintToken({ repository: 'acme/app', ref: 'refs/heads/main' }),
      fulcioURL: mock.url,
      rekorURL: mock.url,
      tsaURL: mock.url
    }
  })
  fs.writeFileSync(path.join(workspace, 'keyless.sigstore.json'), JSON.stringify(keyless))
}, 120_000)
afterAll(async () => {
  await mock?.close()
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true })
})

describe('actions/verify', () => {
  test('keyed blob: verified, outputs digest and key identity', async () => {
    const run = await runAction(bundlePath, {
      workspace,
      inputs: { blobs: 'app.tgz', key: 'cosign.pub' }
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.verified).toBe('true')
    expect(run.outputs.identity).toBe(`key ${keyHint(publicKey)}`)
    expect(run.outputs.digest).toMatch(/^sha256:/)
    expect(run.summary).toContain('verified')
  })

  test('a tampered blob fails the step with an error annotation', async () => {
    const run = await runAction(bundlePath, {
      workspace,
      inputs: { blobs: 'app.tgz\ntampered.tgz', key: publicKeyPem(publicKey) }
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.verified).toBe('false')
    const results = JSON.parse(run.outputs.results ?? '[]') as {
      subject: string
      verified: boolean
    }[]
    expect(results.map(r => [r.subject, r.verified])).toEqual([
      ['app.tgz', true],
      ['tampered.tgz', false]
    ])
    expect(
      run.annotations.some(a => a.level === 'error' && /artifact digest: expected/.test(a.message))
    ).toBe(true)
  })

  test('keyless blob: the identity policy (SAN, issuer, repository, ref) passes and outputs the identity', async () => {
    const run = await runAction(bundlePath, {
      workspace,
      inputs: {
        blobs: 'app.tgz',
        bundle: 'keyless.sigstore.json',
        'certificate-identity': identity,
        'certificate-oidc-issuer': GITHUB_ISSUER,
        'github-repository': 'acme/app',
        'github-ref': 'refs/heads/main',
        'trusted-root': 'trusted_root.json'
      }
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.identity).toBe(identity)
    expect(run.outputs.issuer).toBe(GITHUB_ISSUER)
  })

  test.each([
    [
      'another repository',
      { 'github-repository': 'acme/other' },
      /GitHub repository: expected "acme\/other", got "acme\/app"/
    ],
    [
      'another ref',
      { 'github-ref': 'refs/tags/v1' },
      /GitHub ref: expected "refs\/tags\/v1", got "refs\/heads\/main"/
    ],
    [
      'another issuer',
      { 'certificate-oidc-issuer': 'https://accounts.google.com' },
      /OIDC issuer: expected/
    ]
  ])('keyless blob: a policy for %s rejects it', async (_name, extra, message) => {
    const run = await runAction(bundlePath, {
      workspace,
      inputs: {
        blobs: 'app.tgz',
        bundle: 'keyless.sigstore.json',
        'certificate-identity-regexp': '^https://github\\.com/acme/',
        'certificate-oidc-issuer': GITHUB_ISSUER,
        'trusted-root': 'trusted_root.json',
        ...extra
      }
    })
    expect(run.exitCode).toBe(1)
    expect(run.annotations.some(a => message.test(a.message))).toBe(true)
  })
})

const describeRegistry = registryDescribe()

describeRegistry('actions/verify with images', () => {
  let registry: LocalRegistry
  beforeAll(async () => {
    registry = await startRegistry()
  })
  afterAll(async () => {
    await registry?.stop()
  })

  test('signature and SBOM attestation of an image verify; an unsigned image fails', async () => {
    const client = new RegistryClient(registry.host, { dockerConfig: false })
    await pushSyntheticImage(client, 'acme/api', { tag: 'v3', seed: crypto.randomUUID() })
    await pushSyntheticImage(client, 'acme/api', { tag: 'unsigned', seed: crypto.randomUUID() })
    const ref = `${registry.host}/acme/api:v3`
    await signImage(ref, { privateKey }, { dockerConfig: false })
    await attestImage(
      ref,
      'https://spdx.dev/Document',
      { spdxVersion: 'SPDX-2.3', name: 'api' },
      { privateKey },
      { dockerConfig: false }
    )
    const env = { HOME: workspace }
    const sig = await runAction(bundlePath, {
      workspace,
      env,
      inputs: { images: ref, key: 'cosign.pub' }
    })
    expect(sig.exitCode).toBe(0)
    const att = await runAction(bundlePath, {
      workspace,
      env,
      inputs: { images: ref, key: 'cosign.pub', 'predicate-type': 'spdxjson' }
    })
    expect(att.exitCode).toBe(0)
    expect(
      (JSON.parse(att.outputs.results ?? '[]') as { predicateType?: string }[])[0]?.predicateType
    ).toBe('https://spdx.dev/Document')
    const noSbom = await runAction(bundlePath, {
      workspace,
      env,
      inputs: { images: ref, key: 'cosign.pub', 'predicate-type': 'cyclonedx' }
    })
    expect(noSbom.exitCode).toBe(1)
    const unsigned = await runAction(bundlePath, {
      workspace,
      env,
      inputs: { images: `${registry.host}/acme/api:unsigned`, key: 'cosign.pub' }
    })
    expect(unsigned.exitCode).toBe(1)
    expect(unsigned.annotations.some(a => /no signature found/.test(a.message))).toBe(true)
  })
})
