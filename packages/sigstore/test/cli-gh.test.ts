/** CLI flags of `gh attestation verify` on `verify attestation` (keyless, mock services). */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { describeError, exitCodeFor } from '@secure-pipeline/core'
import { commands } from '../../cli/src/commands/sigstore.js'
import { startMockSigstore, type MockSigstore } from '../../../test/sigstore-mock.js'
import { buildStatement, sha256, signDSSE } from '../src/index.js'

let dir: string
let mock: MockSigstore
beforeAll(async () => {
  mock = await startMockSigstore()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-cli-gh-'))
  const data = Buffer.from('artifact\n')
  fs.writeFileSync(path.join(dir, 'a.bin'), data)
  const statement = buildStatement(
    [{ name: 'x', digest: { sha256: sha256(data).toString('hex') } }],
    'https://slsa.dev/provenance/v1',
    {}
  )
  const bundle = await signDSSE(Buffer.from(JSON.stringify(statement)), {
    keyless: {
      identityToken: mock.mintToken({ repository: 'acme/app', ref: 'refs/heads/main' }),
      fulcioURL: mock.url,
      rekorURL: mock.url,
      tsaURL: mock.url,
      rekorEntryType: 'intoto'
    }
  })
  fs.writeFileSync(
    path.join(dir, 'a.jsonl'),
    `${JSON.stringify(bundle)}\n${JSON.stringify(bundle)}\n`
  )
})
afterAll(async () => {
  await mock?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  const cmd = commands.find(c => c.path.join(' ') === 'verify attestation')
  let out = ''
  try {
    const code = await (cmd?.run({
      argv,
      cwd: dir,
      env: {},
      stdout: t => (out += t),
      stderr: t => (out += t)
    }) ?? Promise.resolve(-1))
    return { code, out }
  } catch (err) {
    return { code: exitCodeFor(err), out: describeError(err) }
  }
}

test.each([
  [['--owner', 'acme'], 0],
  [['--repo', 'acme/app', '--source-ref', 'refs/heads/main', '--deny-self-hosted-runners'], 0],
  [['--owner', 'acme', '--signer-workflow', 'acme/app/.github/workflows/release.yml'], 0],
  [['--owner', 'mallory'], 1],
  [['--repo', 'acme/other'], 1],
  [['--signer-repo', 'acme/app'], 2],
  [['--owner', 'acme', '--certificate-identity', 'x'], 2]
])('verify attestation %j -> %i', async (flags, code) => {
  const r = await run([
    'a.bin',
    '--bundle',
    'a.jsonl',
    '--type',
    'slsaprovenance1',
    '--trusted-root',
    mock.trustedRootPath,
    ...flags
  ])
  expect(r.code).toBe(code)
  if (code === 0) expect(r.out).toMatch(/bundle on line 1 of a\.jsonl/)
})
