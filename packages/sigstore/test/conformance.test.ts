// The sigstore-conformance verification cases, run in-process through the conformance client's
// protocol entry point (the npm script `conformance:sigstore` runs the same cases as processes).
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import os from 'node:os'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { GITHUB_ISSUER, startMockSigstore, type MockSigstore } from '../../../test/sigstore-mock.js'
import { conformanceMain, isDigestArgument } from '../src/index.js'

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const repoRoot = path.resolve(pkg, '../..')
const shared = process.env.SECURE_PIPELINE_SHARED ?? path.resolve(repoRoot, '../shared')
const casesRoot = path.join(shared, 'conformance/sigstore/test/assets/bundle-verify')
const available = fs.existsSync(casesRoot)
if (!available)
  console.log(`skipping sigstore conformance: ${casesRoot} not found (set SECURE_PIPELINE_SHARED)`)

const DEFAULT_IDENTITY =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main'
const DEFAULT_ISSUER = 'https://token.actions.githubusercontent.com'

interface Exception {
  case: string
  mode: string
}
const exceptions = (
  JSON.parse(fs.readFileSync(path.join(pkg, 'conformance-exceptions.json'), 'utf8')) as {
    exceptions: Exception[]
  }
).exceptions

function cases(): [string, 'path' | 'digest', string[], boolean][] {
  if (!available) return []
  const out: [string, 'path' | 'digest', string[], boolean][] = []
  for (const name of fs.readdirSync(casesRoot).sort()) {
    const dir = path.join(casesRoot, name)
    if (!fs.statSync(dir).isDirectory()) continue
    const opt = (f: string) =>
      fs.existsSync(path.join(dir, f))
        ? fs.readFileSync(path.join(dir, f), 'utf8').trim()
        : undefined
    const artifact = fs.existsSync(path.join(dir, 'artifact'))
      ? path.join(dir, 'artifact')
      : path.join(casesRoot, 'a.txt')
    const material = fs.existsSync(path.join(dir, 'key.pub'))
      ? ['--key', path.join(dir, 'key.pub')]
      : [
          '--certificate-identity',
          opt('identity') ?? DEFAULT_IDENTITY,
          '--certificate-oidc-issuer',
          opt('issuer') ?? DEFAULT_ISSUER
        ]
    const root = fs.existsSync(path.join(dir, 'trusted_root.json'))
      ? ['--trusted-root', path.join(dir, 'trusted_root.json')]
      : []
    const digest = `sha256:${crypto.createHash('sha256').update(fs.readFileSync(artifact)).digest('hex')}`
    const excused = (mode: string) =>
      exceptions.some(e => e.case === name && (e.mode === 'both' || e.mode === mode))
    for (const [mode, target] of [
      ['path', artifact],
      ['digest', digest]
    ] as const) {
      if (excused(mode)) continue
      out.push([
        name,
        mode,
        [
          'verify-bundle',
          '--bundle',
          path.join(dir, 'bundle.sigstore.json'),
          ...material,
          ...root,
          target
        ],
        !name.endsWith('_fail')
      ])
    }
  }
  return out
}

const describeShared = available ? describe : describe.skip

describeShared('sigstore-conformance bundle-verify cases (PATH and DIGEST modes)', () => {
  const all = cases()
  test('covers every case in both modes', () => {
    expect(all.length + exceptions.length * 2).toBeGreaterThanOrEqual(140)
  })
  test.each(all)('%s [%s]', async (_name, _mode, argv, shouldPass) => {
    const messages: string[] = []
    const code = await conformanceMain(argv, { stderr: t => messages.push(t) })
    if (shouldPass)
      expect({ code, messages }).toEqual({ code: 0, messages: expect.any(Array) as unknown })
    else expect(code).not.toBe(0)
  })
})

describe('FILE_OR_DIGEST rule', () => {
  test.each([
    [`sha256:${'a'.repeat(64)}`, true],
    [`sha256:${'a'.repeat(63)}`, false],
    [fileURLToPath(import.meta.url), false],
    ['a.txt', false]
  ])('%s -> digest=%s', (arg, expected) => {
    expect(isDigestArgument(arg)).toBe(expected)
  })
})

describe('sign-bundle (protocol) against the mock services, then verify-bundle', () => {
  let mock: MockSigstore
  let dir: string
  beforeAll(async () => {
    mock = await startMockSigstore()
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-conformance-'))
  })
  afterAll(async () => {
    await mock?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  test.each([
    ['Rekor + TSA', true],
    ['TSA only', false]
  ])(
    '%s: signs with --signing-config and verifies in path and digest mode',
    async (_name, withRekor) => {
      const config = path.join(dir, `signing-config-${String(withRekor)}.json`)
      fs.writeFileSync(
        config,
        JSON.stringify({
          mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
          caUrls: [{ url: mock.url, majorApiVersion: 1 }],
          oidcUrls: [],
          rekorTlogUrls: withRekor ? [{ url: mock.url, majorApiVersion: 1 }] : [],
          tsaUrls: [{ url: mock.url, majorApiVersion: 1 }]
        })
      )
      const artifact = path.join(dir, 'a.txt')
      fs.writeFileSync(artifact, 'conformance artifact\n')
      const bundle = path.join(dir, `bundle-${String(withRekor)}.json`)
      const io = { stderr: () => undefined }
      const token = mock.mintToken({ repository: 'acme/app' })
      const signed = await conformanceMain(
        [
          'sign-bundle',
          '--identity-token',
          token,
          '--bundle',
          bundle,
          '--trusted-root',
          mock.trustedRootPath,
          '--signing-config',
          config,
          artifact
        ],
        io
      )
      expect(signed).toBe(0)
      const json = JSON.parse(fs.readFileSync(bundle, 'utf8')) as {
        verificationMaterial: { tlogEntries?: unknown[] }
      }
      expect(json.verificationMaterial.tlogEntries ?? []).toHaveLength(withRekor ? 1 : 0)
      const digest = `sha256:${crypto.createHash('sha256').update(fs.readFileSync(artifact)).digest('hex')}`
      for (const target of [artifact, digest]) {
        const base = [
          'verify-bundle',
          '--bundle',
          bundle,
          '--certificate-identity',
          mock.identityFor({ repository: 'acme/app' })
        ]
        expect(
          await conformanceMain(
            [
              ...base,
              '--certificate-oidc-issuer',
              GITHUB_ISSUER,
              '--trusted-root',
              mock.trustedRootPath,
              target
            ],
            io
          )
        ).toBe(0)
        expect(
          await conformanceMain(
            [
              ...base,
              '--certificate-oidc-issuer',
              'https://example.com',
              '--trusted-root',
              mock.trustedRootPath,
              target
            ],
            io
          )
        ).toBe(1)
      }
    }
  )
})

describeShared('bin/sigstore-conformance entry point (as the upstream suite runs it)', () => {
  test.each([
    ['happy-path-v0.3', 0],
    ['signature-mismatch_fail', 1]
  ])('%s -> exit %d', (name, expected) => {
    const dir = path.join(casesRoot, name)
    const r = spawnSync(
      path.join(pkg, 'bin/sigstore-conformance'),
      [
        'verify-bundle',
        '--bundle',
        path.join(dir, 'bundle.sigstore.json'),
        '--certificate-identity',
        DEFAULT_IDENTITY,
        '--certificate-oidc-issuer',
        DEFAULT_ISSUER,
        path.join(casesRoot, 'a.txt')
      ],
      { env: { ...process.env, NODE: process.execPath, NODE_OPTIONS: '' }, encoding: 'utf8' }
    )
    expect(r.status).toBe(expected)
    if (expected === 0) expect(r.stderr).toMatch(/^verified sha256:[0-9a-f]{64}/)
  })
})
