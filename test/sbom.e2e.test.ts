/**
 * The sbom action end to end: the bundle runs as the runner runs it, writes a schema-valid SBOM,
 * sets its outputs, and POSTs a dependency snapshot to a local stand-in for GitHub's API that
 * checks the documented payload shape (docs.github.com REST "dependency submission").
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { buildAction, REPO_ROOT, runAction, startHttpServer, type LocalServer } from './harness.js'

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'sbom')
const PURL = /^pkg:[a-z][a-z0-9.+-]*\/.+/

/** Problems with a snapshot against the documented schema; [] when it conforms. */
function snapshotProblems(body: unknown): string[] {
  const p: string[] = []
  const isObj = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
  if (!isObj(body)) return ['body is not an object']
  if (!Number.isInteger(body.version)) p.push('version must be an integer')
  if (typeof body.sha !== 'string' || body.sha.length === 0 || body.sha.length > 64)
    p.push('sha must be a string of 1-64 chars')
  if (typeof body.ref !== 'string' || !/^refs\//.test(body.ref))
    p.push('ref must be a git ref (refs/...)')
  if (typeof body.scanned !== 'string' || Number.isNaN(Date.parse(body.scanned)))
    p.push('scanned must be ISO-8601')
  const job = body.job
  if (
    !isObj(job) ||
    typeof job.id !== 'string' ||
    typeof job.correlator !== 'string' ||
    job.correlator === ''
  )
    p.push('job.id and job.correlator are required strings')
  const det = body.detector
  if (
    !isObj(det) ||
    ['name', 'version', 'url'].some(k => typeof det[k] !== 'string' || det[k] === '')
  )
    p.push('detector.name/version/url are required strings')
  if (body.metadata !== undefined) {
    if (!isObj(body.metadata) || Object.keys(body.metadata).length > 8)
      p.push('metadata: at most 8 keys')
  }
  if (body.manifests !== undefined) {
    if (!isObj(body.manifests)) return [...p, 'manifests must be an object']
    for (const [key, m] of Object.entries(body.manifests)) {
      if (!isObj(m) || typeof m.name !== 'string') {
        p.push(`manifests.${key}.name is required`)
        continue
      }
      if (m.file !== undefined && (!isObj(m.file) || typeof m.file.source_location !== 'string'))
        p.push(`manifests.${key}.file.source_location must be a string`)
      if (m.resolved === undefined) continue
      if (!isObj(m.resolved)) {
        p.push(`manifests.${key}.resolved must be an object`)
        continue
      }
      for (const [rk, r] of Object.entries(m.resolved)) {
        if (!isObj(r)) {
          p.push(`${key}/${rk}: not an object`)
          continue
        }
        if (typeof r.package_url !== 'string' || !PURL.test(r.package_url))
          p.push(`${key}/${rk}: package_url must be a purl`)
        if (
          r.relationship !== undefined &&
          r.relationship !== 'direct' &&
          r.relationship !== 'indirect'
        )
          p.push(`${key}/${rk}: relationship must be direct|indirect`)
        if (r.scope !== undefined && r.scope !== 'runtime' && r.scope !== 'development')
          p.push(`${key}/${rk}: scope must be runtime|development`)
        if (
          r.dependencies !== undefined &&
          (!Array.isArray(r.dependencies) ||
            r.dependencies.some(d => typeof d !== 'string' || !PURL.test(d)))
        )
          p.push(`${key}/${rk}: dependencies must be purls`)
      }
    }
  }
  return p
}

interface Resolved {
  package_url: string
  relationship: string
  scope: string
  dependencies: string[]
}

describe('sbom action (bundle through the runner harness)', () => {
  let bundle: string
  let server: LocalServer
  let status = 201
  let workspace: string

  beforeAll(async () => {
    bundle = await buildAction('sbom')
    server = await startHttpServer((req, res) => {
      const problems =
        req.method === 'POST' ? snapshotProblems(JSON.parse(req.body)) : ['expected POST']
      if (problems.length > 0) {
        res.writeHead(422, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ message: problems.join('; ') }))
        return
      }
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(
        status === 201
          ? JSON.stringify({
              id: 4242,
              created_at: '2024-01-01T00:00:00Z',
              result: 'SUCCESS',
              message: 'ok'
            })
          : JSON.stringify({ message: 'Resource not accessible by integration' })
      )
    })
    workspace = mkdtempSync(path.join(os.tmpdir(), 'sbom-e2e-'))
    cpSync(path.join(FIXTURES, 'npm-workspace'), workspace, { recursive: true })
  }, 180_000)

  afterAll(async () => {
    await server?.close()
    if (workspace) rmSync(workspace, { recursive: true, force: true })
  })

  test('writes the SBOM, sets outputs and submits a correct snapshot', async () => {
    status = 201
    const before = server.requests.length
    const run = await runAction(bundle, {
      workspace,
      inputs: {
        path: '.',
        output: 'out/sbom.cdx.json',
        'dependency-snapshot': 'true',
        token: 'test-token'
      },
      env: { GITHUB_API_URL: server.url, SOURCE_DATE_EPOCH: '1700000000' }
    })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(run.outputs['component-count']).toBe('8')
    expect(run.outputs['snapshot-id']).toBe('4242')
    const file = run.outputs['sbom-file']
    expect(file).toBe(path.join(workspace, 'out/sbom.cdx.json'))
    const bom = JSON.parse(readFileSync(file, 'utf8')) as {
      specVersion: string
      metadata: { timestamp: string; component: { name: string } }
      components: { name: string; group?: string; scope: string; purl: string }[]
    }
    expect(bom.specVersion).toBe('1.6')
    expect(bom.metadata.timestamp).toBe('2023-11-14T22:13:20Z')
    expect(bom.metadata.component.name).toBe('demo-monorepo')
    expect(bom.components.find(c => c.name === 'jest-lite')?.scope).toBe('excluded')
    // The alias entry is the real package, never "string-width-cjs".
    expect(bom.components.map(c => c.purl)).toContain('pkg:npm/string-width@4.2.3')
    expect(bom.components.map(c => c.purl)).toContain('pkg:npm/%40scope/lib@2.0.1')
    expect(run.summary).toContain('| demo-monorepo | 8 |')

    const reqs = server.requests.slice(before)
    expect(reqs).toHaveLength(1)
    const req = reqs[0]
    expect(req.method).toBe('POST')
    expect(req.url).toBe('/repos/octo-org/octo-repo/dependency-graph/snapshots')
    expect(req.headers.authorization).toBe('Bearer test-token')
    const body = JSON.parse(req.body) as {
      sha: string
      ref: string
      job: { correlator: string }
      manifests: Record<string, { resolved: Record<string, Resolved> }>
    }
    expect(snapshotProblems(body)).toEqual([])
    expect(body.sha).toBe('0000000000000000000000000000000000000000')
    expect(body.ref).toBe('refs/heads/main')
    expect(body.job.correlator).toBe('ci_build')
    expect(Object.keys(body.manifests)).toEqual(['package-lock.json'])
    const resolved = body.manifests['package-lock.json'].resolved
    const view = Object.fromEntries(
      Object.values(resolved).map(r => [r.package_url, `${r.relationship}/${r.scope}`])
    )
    expect(view).toEqual({
      'pkg:npm/left-pad@1.3.0': 'direct/runtime',
      'pkg:npm/%40scope/lib@2.0.1': 'direct/runtime',
      'pkg:npm/tslib@2.6.2': 'indirect/runtime',
      'pkg:npm/string-width@4.2.3': 'indirect/runtime',
      'pkg:npm/jest-lite@1.0.0': 'direct/development',
      'pkg:npm/chalk-lite@4.1.2': 'indirect/development',
      'pkg:npm/fsevents-lite@2.3.3': 'direct/runtime',
      // A dev dependency of the workspace member packages/app.
      'pkg:npm/tap-lite@1.0.0': 'direct/development'
    })
    expect(resolved['pkg:npm/%40scope/lib@2.0.1'].dependencies.sort()).toEqual([
      'pkg:npm/string-width@4.2.3',
      'pkg:npm/tslib@2.6.2'
    ])
  })

  test('a refused submission fails the step and names the missing permission', async () => {
    status = 403
    const run = await runAction(bundle, {
      workspace,
      inputs: { 'dependency-snapshot': 'true', token: 'test-token' },
      env: { GITHUB_API_URL: server.url }
    })
    expect(run.exitCode).toBe(1)
    expect(
      run.annotations.some(a => a.level === 'error' && a.message.includes('contents: write'))
    ).toBe(true)
    expect(run.stdout).not.toContain('test-token')
  })

  test('split writes one SBOM per workspace member', async () => {
    const run = await runAction(bundle, {
      workspace,
      inputs: { split: 'true', output: 'split', format: 'spdx-json' }
    })
    expect(run.exitCode).toBe(0)
    const files = run.outputs['sbom-files']
      .split('\n')
      .map(f => path.basename(f))
      .sort()
    expect(files).toEqual(['demo-app.spdx.json', 'demo-monorepo.spdx.json'])
    const app = JSON.parse(
      readFileSync(path.join(workspace, 'split', 'demo-app.spdx.json'), 'utf8')
    ) as {
      packages: { name: string }[]
      relationships: { relationshipType: string }[]
    }
    expect(app.packages.map(p => p.name).sort()).toEqual([
      '@demo/app',
      'left-pad',
      'tap-lite',
      'tslib'
    ])
    expect(app.relationships.filter(r => r.relationshipType === 'DEV_DEPENDENCY_OF')).toHaveLength(
      1
    )
  })

  test('a truncated lockfile fails with an error annotation naming file and line', async () => {
    const ws = mkdtempSync(path.join(os.tmpdir(), 'sbom-e2e-bad-'))
    try {
      cpSync(path.join(FIXTURES, 'malformed'), ws, { recursive: true })
      const run = await runAction(bundle, { workspace: ws })
      expect(run.exitCode).toBe(1)
      const err = run.annotations.find(a => a.level === 'error' && a.file === 'package-lock.json')
      expect(err).toBeDefined()
      expect(err!.line).toBeGreaterThanOrEqual(58)
      expect(run.stdout).not.toMatch(/\n\s+at /)
      expect(existsSync(path.join(ws, 'sbom.cdx.json'))).toBe(false)
    } finally {
      rmSync(ws, { recursive: true, force: true })
    }
  })
})
