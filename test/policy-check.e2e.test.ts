/**
 * The policy-check action end to end through the runner harness, on a fixture repository (a
 * multi-document manifest and a conftest policy directory): annotations on the right lines,
 * outputs, SARIF file, job summary and the step's exit code.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildAction, REPO_ROOT, runAction, type ActionRun } from './harness.js'

const fixture = path.join(REPO_ROOT, 'test', 'fixtures', 'policy-check', 'repo')

describe('actions/policy-check', () => {
  let bundle: string
  let workspace: string
  const runs = new Map<string, ActionRun>()
  beforeAll(async () => {
    bundle = await buildAction('policy-check')
    workspace = mkdtempSync(path.join(os.tmpdir(), 'policy-ws-'))
    cpSync(fixture, workspace, { recursive: true })
  }, 240_000)
  afterAll(() => rmSync(workspace, { recursive: true, force: true }))

  async function run(name: string, inputs: Record<string, string>): Promise<ActionRun> {
    const r = await runAction(bundle, { inputs, workspace, env: { RUNNER_TEMP: workspace } })
    runs.set(name, r)
    return r
  }

  it('built-in sets + the repo policy: fails with annotations on the offending lines', async () => {
    const r = await run('all', {
      paths: 'k8s',
      policy: 'policy',
      builtin: 'pss-baseline, best-practices',
      'sarif-file': 'out/policy.sarif'
    })
    expect(r.exitCode).toBe(1)
    const privileged = r.annotations.find(
      a => a.title === 'policy: builtin.pss.baseline/privileged'
    )
    expect(privileged).toMatchObject({ level: 'error', file: 'k8s/app.yaml', line: 25 })
    const hostNetwork = r.annotations.find(
      a => a.title === 'policy: builtin.pss.baseline/hostNamespaces'
    )
    expect(hostNetwork).toMatchObject({ file: 'k8s/app.yaml', line: 20 })
    const team = r.annotations.find(a => a.title === 'policy: main/deny')
    expect(team).toMatchObject({
      file: 'k8s/app.yaml',
      line: 11,
      message: 'Deployment/web must have a team label'
    })
    expect(r.outputs['sarif-file']).toBe(path.join(workspace, 'out', 'policy.sarif'))
    const sarif = JSON.parse(readFileSync(r.outputs['sarif-file'], 'utf8')) as {
      version: string
      runs: { results: unknown[] }[]
    }
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0].results.length).toBe(
      Number(r.outputs.failures) + Number(r.outputs.warnings)
    )
    expect(Number(r.outputs.failures)).toBeGreaterThanOrEqual(5)
    expect(r.outputs['exit-code']).toBe('1')
    expect(r.summary).toContain('### `k8s/app.yaml`')
    expect(r.summary).toContain('builtin.pss.baseline/privileged')
    expect(r.stdout).toMatch(/::error::\d+ policy failure\(s\) in 1 file\(s\)/)
  })

  it('warnings only: passes, or fails with fail-on-warn', async () => {
    const ok = await run('warn', { paths: 'services', policy: 'policy' })
    expect(ok.exitCode).toBe(0)
    expect(ok.outputs).toMatchObject({ failures: '0', warnings: '1', 'exit-code': '0' })
    expect(ok.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        file: 'services/svc.yaml',
        line: 1,
        message: 'Service api is a NodePort'
      })
    )
    const strict = await run('strict', {
      paths: 'services',
      policy: 'policy',
      'fail-on-warn': 'true'
    })
    expect(strict.exitCode).toBe(1)
    expect(strict.outputs['exit-code']).toBe('1')
  })

  it('no policy and no builtin: ./policy when it exists, else pss-baseline and best-practices', async () => {
    const withPolicy = await run('default-policy', { paths: 'k8s/app.yaml' })
    expect(withPolicy.annotations.map(a => a.title)).toContain('policy: main/deny')
    expect(withPolicy.annotations.some(a => a.title?.includes('builtin.'))).toBe(false)
    const bare = mkdtempSync(path.join(os.tmpdir(), 'policy-ws-bare-'))
    try {
      cpSync(path.join(fixture, 'k8s'), path.join(bare, 'k8s'), { recursive: true })
      const r = await runAction(bundle, {
        inputs: { paths: 'k8s/app.yaml' },
        workspace: bare,
        env: { RUNNER_TEMP: bare }
      })
      expect(r.exitCode).toBe(1)
      expect(
        r.annotations.some(
          a => a.title === 'policy: builtin.best_practices/image-tag-latest' && a.line === 23
        )
      ).toBe(true)
      expect(
        r.annotations.some(
          a => a.title === 'policy: builtin.pss.baseline/privileged' && a.line === 25
        )
      ).toBe(true)
    } finally {
      rmSync(bare, { recursive: true, force: true })
    }
  })

  it('bad input fails the step with file and line, no stack trace', async () => {
    const r = await run('bad', { paths: 'broken', policy: 'policy' })
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toMatch(/::error::broken\/bad\.yaml:8:\d+: invalid YAML/)
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /)
  })
})
