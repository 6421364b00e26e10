/**
 * The whole chain on a small fixture application: a clean run is allowed, a planted secret or a
 * privileged container is denied, and the evidence is real (SBOM, bundles, verification results).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { main } from '@secure-pipeline/cli'
import { defaultGatePolicy, runPipeline } from '@secure-pipeline/pipeline'

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'app')
const tmp = mkdtempSync(path.join(os.tmpdir(), 'pipeline-test-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

function copy(name: string): string {
  const dir = path.join(tmp, name)
  cpSync(fixture, dir, { recursive: true })
  return dir
}

// A credential shaped like a real one (not a documented example key), assembled at run time.
const AWS_KEY = ['AKIA', 'Q3EGRK7VZL', 'WNH5TY'].join('')

describe('secure-pipeline pipeline', () => {
  it('allows a clean application and keeps real evidence', async () => {
    const out = path.join(tmp, 'clean-out')
    const r = await runPipeline({ root: copy('clean'), outputDir: out, env: {} })
    expect(r.stages.map(s => `${s.name}:${s.status}`)).toEqual([
      'secret scan:ok',
      'sbom:ok',
      'sign:ok',
      'verify:ok',
      'policy check:ok',
      'deploy gate:ok'
    ])
    expect(r.decision.allow).toBe(true)
    expect(r.exitCode).toBe(0)
    // Every piece of evidence this run wrote carries its time: no freshness warnings.
    expect(r.decision.warnings).toEqual([])
    expect(r.decision.evidence.every(e => e.path.startsWith('evidence/'))).toBe(true)
    expect(r.decision.evidence.map(e => e.kind).sort()).toEqual([
      'policy-check',
      'provenance',
      'sbom',
      'secret-scan',
      'verification'
    ])
    const sbom = JSON.parse(readFileSync(path.join(out, 'evidence', 'sbom.cdx.json'), 'utf8')) as {
      components: { purl: string }[]
    }
    expect(sbom.components.map(c => c.purl)).toContain('pkg:npm/ms@2.1.3')
    expect(existsSync(path.join(out, 'signatures', 'sbom.cdx.json.sigstore.json'))).toBe(true)
    expect(existsSync(path.join(out, 'gate-audit.json'))).toBe(true)
    expect(r.policySource).toContain('identity: "key ')
  })

  it('denies a planted secret and a privileged container, and prints neither the secret', async () => {
    const dir = copy('dirty')
    writeFileSync(path.join(dir, 'deploy.env'), `AWS_ACCESS_KEY_ID=${AWS_KEY}\n`)
    const manifest = path.join(dir, 'k8s', 'deploy.yaml')
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace('allowPrivilegeEscalation: false', 'privileged: true')
    )
    let out = ''
    const code = await main(['pipeline', dir, '--format', 'json'], {
      cwd: tmp,
      env: {},
      stdout: t => (out += t),
      stderr: t => (out += t)
    })
    expect(code).toBe(1)
    const res = JSON.parse(out) as {
      decision: { allow: boolean; violations: { id: string; msg: string }[] }
      stages: { name: string; status: string }[]
    }
    expect(res.decision.allow).toBe(false)
    expect(res.decision.violations.map(v => v.id)).toEqual(
      expect.arrayContaining(['secrets/found', 'policy/failure'])
    )
    expect(
      res.decision.violations.some(v => /aws/i.test(v.msg) && v.msg.includes('deploy.env'))
    ).toBe(true)
    expect(res.stages.find(s => s.name === 'secret scan')?.status).toBe('findings')
    expect(out).not.toContain(AWS_KEY)
  })

  it('a lockfile that cannot be read fails its stage, and the gate denies for want of an SBOM', async () => {
    const dir = copy('broken-lock')
    writeFileSync(
      path.join(dir, 'package-lock.json'),
      '{\n  "lockfileVersion": 3,\n  "packages": {\n'
    )
    const r = await runPipeline({ root: dir, env: {} })
    expect(r.stages.find(s => s.name === 'sbom')).toMatchObject({
      status: 'error',
      summary: expect.stringMatching(/package-lock\.json/) as unknown
    })
    expect(r.decision.allow).toBe(false)
    expect(r.decision.violations.map(v => v.msg)).toContain('required sbom evidence is missing')
  })

  it('text output walks through the stages', async () => {
    let out = ''
    const code = await main(['pipeline', copy('text')], {
      cwd: tmp,
      env: {},
      stdout: t => (out += t),
      stderr: t => (out += t)
    })
    expect(code).toBe(0)
    expect(out).toMatch(/✓ secret scan/)
    expect(out).toMatch(/✓ deploy gate +allowed/)
  })

  it('the embedded policy asks only for the evidence of the stages that ran', () => {
    expect(defaultGatePolicy('abc', { sbom: false, policy: false })).not.toMatch(
      /sbom: true|policy-failures/
    )
    expect(defaultGatePolicy('abc', { sbom: true, policy: true })).toMatch(
      /sbom: true[\s\S]*policy-failures: high/
    )
  })

  it('a missing directory is exit 2', async () => {
    let err = ''
    const code = await main(['pipeline', path.join(tmp, 'nope')], {
      cwd: tmp,
      env: {},
      stdout: () => undefined,
      stderr: t => (err += t)
    })
    expect(code).toBe(2)
    expect(err).toMatch(/nope: not a directory/)
  })
})
