/** `secure-pipeline gate` in-process through the CLI shell: exit codes, formats, the audit file. */
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { main } from '@secure-pipeline/cli'

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures')
const tmp = mkdtempSync(path.join(os.tmpdir(), 'gate-cli-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const GOOD = [
  'secrets-clean.json',
  'sbom.cdx.json',
  'conftest-pass.json',
  'verify-ok.json',
  'verify-attest-prov.json',
  'provenance.intoto.json',
  'facts.json'
].flatMap(f => ['--evidence', `evidence/${f}`])

async function run(
  argv: string[],
  env: NodeJS.ProcessEnv = {}
): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(['gate', ...argv], {
    cwd: fixtures,
    env,
    stdout: t => (out += t),
    stderr: t => (err += t)
  })
  return { code, out, err }
}

describe('secure-pipeline gate', () => {
  it('allows with exit 0 and writes the audit record', async () => {
    const audit = path.join(tmp, 'audit', 'gate.json')
    const r = await run(
      [
        '--policy',
        'policies/gate.yml',
        ...GOOD,
        '--environment',
        'production',
        '--now',
        '2026-11-26T01:00:00Z',
        '--audit',
        audit
      ],
      {
        GITHUB_ACTIONS: 'true',
        GITHUB_REPOSITORY: 'acme/web',
        GITHUB_RUN_ID: '42',
        GITHUB_SERVER_URL: 'https://github.com'
      }
    )
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^ALLOWED for production: 0 violation\(s\)/)
    const record = JSON.parse(readFileSync(audit, 'utf8')) as {
      decision: { allow: boolean }
      context: Record<string, string>
      environment: string
    }
    expect(record).toMatchObject({
      decision: { allow: true },
      environment: 'production',
      context: { repository: 'acme/web', run_url: 'https://github.com/acme/web/actions/runs/42' }
    })
  })

  it('writes the decision as a SLSA verification summary about the verified artifact', async () => {
    const vsaFile = path.join(tmp, 'vsa.json')
    const r = await run([
      '--policy',
      'policies/gate.yml',
      ...GOOD,
      '--now',
      '2026-11-26T01:00:00Z',
      '--vsa',
      vsaFile
    ])
    expect(r.code).toBe(0)
    const vsa = JSON.parse(readFileSync(vsaFile, 'utf8')) as {
      subject: unknown
      predicateType: string
      predicate: Record<string, unknown>
    }
    expect(vsa.subject).toEqual([
      { name: `sha256:${'3f'.repeat(32)}`, digest: { sha256: '3f'.repeat(32) } }
    ])
    expect(vsa.predicateType).toBe('https://slsa.dev/verification_summary/v1')
    expect(vsa.predicate).toMatchObject({
      verificationResult: 'PASSED',
      timeVerified: '2026-11-26T01:00:00.000Z',
      policy: { uri: 'policies/gate.yml' }
    })
    expect(vsa.predicate.inputAttestations).toHaveLength(7)
    const denied = await run([
      '--policy',
      'policies/gate.yml',
      '-e',
      'evidence/verify-ok.json',
      '--vsa',
      vsaFile
    ])
    expect(denied.code).toBe(1)
    expect(JSON.parse(readFileSync(vsaFile, 'utf8'))).toMatchObject({
      predicate: { verificationResult: 'FAILED' }
    })
    const none = await run([
      '--policy',
      'policies/gate.yml',
      '-e',
      'evidence/sbom.cdx.json',
      '--vsa',
      path.join(tmp, 'none.json')
    ])
    expect(none.err).toMatch(/no verification summary written/)
  })

  it('denies with exit 1 and the decision JSON', async () => {
    const r = await run([
      '-p',
      'policies/gate.yml',
      '-e',
      'evidence/secrets-found.json',
      '--format',
      'json',
      '--now',
      '2026-11-26T01:00:00Z'
    ])
    expect(r.code).toBe(1)
    const d = JSON.parse(r.out) as {
      allow: boolean
      violations: { id: string; msg: string }[]
      warnings: unknown[]
    }
    expect(d.allow).toBe(false)
    expect(d.violations.map(v => v.id)).toContain('secrets/found')
    expect(d.violations.map(v => v.id)).toContain('signature/missing')
    expect(r.out).not.toContain('ghp_')
  })

  it.each([
    [['-e', 'evidence/sbom.cdx.json'], /--policy is required/],
    [['-p', 'policies/gate.yml', '--format', 'xml'], /--format must be text or json/],
    [['-p', 'policies/gate.yml', '--now', 'yesterday'], /--now must be an RFC 3339 time/],
    [
      ['-p', 'policies/gate.yml', '-e', 'evidence/unknown.json'],
      /evidence\/unknown\.json: cannot tell what kind of evidence/
    ],
    [
      ['-p', 'policies/bad-key.yml', '-e', 'evidence/sbom.cdx.json'],
      /policies\/bad-key\.yml:5: deny-on\.vulnerabilites: unknown key/
    ]
  ])('%j is exit 2 with one clear message', async (argv, message) => {
    const r = await run(argv)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(message)
    expect(r.err).not.toMatch(/\n\s+at /)
  })

  it('prints the Rego a declarative policy compiles to', async () => {
    const r = await run(['-p', 'policies/gate.yml', '--environment', 'production', '--print-rego'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('package gate.builtin')
    expect(r.out).toContain('count(approvers) < 2')
  })
})
