// actions/verify with gh-attestation-style inputs (owner, repo, signer-repo, signer-workflow,
// source-ref, source-digest, deny-self-hosted-runners, cert-identity[-regex], cert-oidc-issuer):
// the ncc bundle run as the runner runs it, over JSON Lines bundles from the local mock Sigstore.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { buildStatement, sha256, signDSSE } from '@secure-pipeline/sigstore'
import { buildAction, runAction } from './harness.js'
import { GITHUB_ISSUER, startMockSigstore, type MockSigstore } from './sigstore-mock.js'

let bundlePath: string
let workspace: string
let mock: MockSigstore
const SHA = 'c0ffee'.padEnd(40, '0')

async function attestation(
  data: Buffer,
  claims: Parameters<MockSigstore['mintToken']>[0]
): Promise<string> {
  const statement = buildStatement(
    [{ name: 'app.tgz', digest: { sha256: sha256(data).toString('hex') } }],
    'https://slsa.dev/provenance/v1',
    { buildDefinition: { buildType: 'https://actions.github.io/buildtypes/workflow/v1' } }
  )
  const bundle = await signDSSE(Buffer.from(JSON.stringify(statement)), {
    keyless: {
      identityToken: mock.mintToken(claims),
      fulcioURL: mock.url,
      rekorURL: mock.url,
      tsaURL: mock.url,
      rekorEntryType: 'intoto'
    }
  })
  return JSON.stringify(bundle)
}

beforeAll(async () => {
  bundlePath = await buildAction('verify')
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-verify-gh-e2e-'))
  mock = await startMockSigstore()
  fs.copyFileSync(mock.trustedRootPath, path.join(workspace, 'trusted_root.json'))
  const data = Buffer.from('attested artifact\n')
  fs.writeFileSync(path.join(workspace, 'app.tgz'), data)
  // as `gh attestation download` writes them, one bundle per line: the first signed on a
  // self-hosted runner (main), the second on a GitHub-hosted runner (tag v1.2.0)
  const selfHosted = await attestation(data, {
    repository: 'acme/app',
    runnerEnvironment: 'self-hosted',
    sha: SHA
  })
  const hosted = await attestation(data, {
    repository: 'acme/app',
    ref: 'refs/tags/v1.2.0',
    sha: SHA
  })
  fs.writeFileSync(path.join(workspace, 'app.jsonl'), `${selfHosted}\n${hosted}\n`)
  fs.writeFileSync(path.join(workspace, 'self-hosted.jsonl'), `${selfHosted}\n`)
}, 120_000)
afterAll(async () => {
  await mock?.close()
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true })
})

const base = {
  blobs: 'app.tgz',
  bundle: 'app.jsonl',
  'predicate-type': 'slsaprovenance1',
  'trusted-root': 'trusted_root.json'
}

describe('actions/verify with gh attestation verify inputs', () => {
  test.each([
    ['owner', { owner: 'acme' }],
    ['owner, any case (as gh)', { owner: 'ACME' }],
    ['repo + source-ref', { repo: 'acme/app', 'source-ref': 'refs/tags/v1.2.0' }],
    ['repo + source-digest', { repo: 'acme/app', 'source-digest': SHA }],
    ['owner + signer-repo', { owner: 'acme', 'signer-repo': 'acme/app' }],
    [
      'owner + signer-workflow',
      { owner: 'acme', 'signer-workflow': 'acme/app/.github/workflows/release.yml' }
    ],
    ['owner + deny-self-hosted-runners', { owner: 'acme', 'deny-self-hosted-runners': 'true' }],
    [
      'owner + cert-identity-regex + cert-oidc-issuer',
      {
        owner: 'acme',
        'cert-identity-regex': '^https://github\\.com/acme/app/\\.github/workflows/release\\.yml@',
        'cert-oidc-issuer': GITHUB_ISSUER
      }
    ]
  ])('%s: verified', async (_name, extra) => {
    const run = await runAction(bundlePath, { workspace, inputs: { ...base, ...extra } })
    expect(run.annotations.filter(a => a.level === 'error')).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs.verified).toBe('true')
    expect(run.outputs.issuer).toBe(GITHUB_ISSUER)
    expect(run.outputs.identity).toMatch(/^https:\/\/github\.com\/acme\/app\/\.github\/workflows\//)
  })

  test.each([
    ['another owner', { owner: 'mallory' }, /expected one of the 2 bundles to verify/],
    ['another repo', { repo: 'acme/other' }, /acme\/other/],
    [
      'another source ref',
      { repo: 'acme/app', 'source-ref': 'refs/heads/dev' },
      /refs\/heads\/dev/
    ],
    ['another signer repo', { owner: 'acme', 'signer-repo': 'acme/workflows' }, /acme\/workflows/],
    [
      'another signer workflow',
      { owner: 'acme', 'signer-workflow': 'acme/app/.github/workflows/other.yml' },
      /other\.yml/
    ],
    ['another issuer', { owner: 'acme', 'cert-oidc-issuer': 'https://issuer.example' }, /issuer/]
  ])('%s: not verified, the step fails with the reason', async (_name, extra, reason) => {
    const run = await runAction(bundlePath, { workspace, inputs: { ...base, ...extra } })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.verified).toBe('false')
    expect(run.annotations.some(a => a.level === 'error' && reason.test(a.message))).toBe(true)
  })

  test('deny-self-hosted-runners rejects a bundle signed on a self-hosted runner', async () => {
    const inputs = { ...base, bundle: 'self-hosted.jsonl', owner: 'acme' }
    expect((await runAction(bundlePath, { workspace, inputs })).exitCode).toBe(0)
    const denied = await runAction(bundlePath, {
      workspace,
      inputs: { ...inputs, 'deny-self-hosted-runners': 'true' }
    })
    expect(denied.exitCode).toBe(1)
    expect(denied.annotations.some(a => /self-hosted/.test(a.message))).toBe(true)
  })

  test.each([
    [
      'signer-repo without owner/repo',
      { 'signer-repo': 'acme/app' },
      /signer-repo needs owner or repo/
    ],
    [
      'deny-self-hosted-runners without owner/repo',
      { 'deny-self-hosted-runners': 'true', key: 'x.pub' },
      /deny-self-hosted-runners needs owner or repo/
    ],
    [
      'owner with a cosign-style identity',
      { owner: 'acme', 'certificate-identity': 'x' },
      /use owner\/repo or certificate-identity, not both/
    ],
    ['a malformed repo', { repo: 'acme' }, /repo must be OWNER\/REPO/]
  ])('%s is a usage error', async (_name, extra, message) => {
    const run = await runAction(bundlePath, { workspace, inputs: { ...base, ...extra } })
    expect(run.exitCode).not.toBe(0)
    expect(run.outputs.verified).toBeUndefined()
    expect(`${run.stdout}${run.stderr}`).toMatch(message)
  })
})
