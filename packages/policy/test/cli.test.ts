/**
 * `secure-pipeline policy test` in-process: flags, formats, exit codes, errors. Errors are mapped
 * as the CLI shell (packages/cli/src/main.ts) maps them: describeError + exitCodeFor.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describeError, exitCodeFor } from '@secure-pipeline/core'
import { commands } from '../../cli/src/commands/policy.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const conftestDir = path.join(here, 'fixtures', 'conftest')

async function cli(
  argv: string[],
  cwd = conftestDir
): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const [command] = commands
  expect(argv.slice(0, 2)).toEqual([...command.path])
  try {
    const code = await command.run({
      argv: argv.slice(2),
      cwd,
      env: { PATH: '' },
      stdout: t => (out += t),
      stderr: t => (err += t)
    })
    return { code, out, err }
  } catch (e) {
    return { code: exitCodeFor(e), out, err: err + describeError(e) + '\n' }
  }
}

describe('policy test', () => {
  it('defaults to ./policy and namespace main; exit 1 on failures', async () => {
    const r = await cli(['policy', 'test', 'manifests', '-d', 'data'])
    expect(r.code).toBe(1)
    expect(r.out).toContain('16 tests, 12 passed, 1 warning, 2 failures, 1 exception')
  })
  it('--fail-on-warn: 2 with failures, 1 with warnings only', async () => {
    expect((await cli(['policy', 'test', 'manifests', '-d', 'data', '--fail-on-warn'])).code).toBe(
      2
    )
    expect((await cli(['policy', 'test', 'warn-only', '-d', 'data', '--fail-on-warn'])).code).toBe(
      1
    )
    expect((await cli(['policy', 'test', 'warn-only', '-d', 'data'])).code).toBe(0)
  })
  it('--no-fail: exit 0 with failures; input errors still exit 2', async () => {
    const r = await cli(['policy', 'test', 'manifests', '-d', 'data', '--no-fail'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('2 failures')
    expect((await cli(['policy', 'test', 'nope.yaml', '--no-fail'])).code).toBe(2)
  })
  it('--pss-version pins the rules of an older policy version', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sp-pss-version-'))
    try {
      // Restricted except runAsUser: 0, a check that exists from policy version 1.23 on.
      writeFileSync(
        path.join(dir, 'pod.yaml'),
        [
          'apiVersion: v1',
          'kind: Pod',
          'metadata: {name: p}',
          'spec:',
          '  securityContext: {runAsNonRoot: true, runAsUser: 0, seccompProfile: {type: RuntimeDefault}}',
          '  containers:',
          '    - name: c',
          '      image: nginx',
          '      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}',
          ''
        ].join('\n')
      )
      const args = ['policy', 'test', 'pod.yaml', '--builtin', 'pss-restricted']
      const latest = await cli(args, dir)
      expect(latest.code).toBe(1)
      expect(latest.out).toContain('runAsUser')
      expect((await cli([...args, '--pss-version', 'v1.22'], dir)).code).toBe(0)
      expect((await cli([...args, '--pss-version', 'v1.23'], dir)).code).toBe(1)
      const bad = await cli([...args, '--pss-version', 'one'], dir)
      expect(bad.code).toBe(2)
      expect(bad.err).toContain('pss_version')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
  it("--format json prints conftest's list", async () => {
    const r = await cli([
      'policy',
      'test',
      'manifests',
      '-p',
      'policy',
      '-d',
      'data',
      '-n',
      'k8s.extra',
      '--format',
      'json'
    ])
    const list = JSON.parse(r.out) as {
      filename: string
      namespace: string
      failures: { msg: string }[]
    }[]
    expect(list.map(x => [x.filename, x.namespace, x.failures.length])).toEqual([
      ['manifests/app.yaml', 'k8s.extra', 1],
      ['manifests/ok.json', 'k8s.extra', 0]
    ])
  })
  it('--builtin with --output writes SARIF', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'policy-cli-'))
    try {
      const r = await cli(
        [
          'policy',
          'test',
          path.join(here, 'fixtures/builtins/kinds.yaml'),
          '--builtin',
          'pss-baseline',
          '-o',
          'sarif',
          '--output',
          path.join(tmp, 'out.sarif')
        ],
        tmp
      )
      expect(r.code).toBe(1)
      expect(r.out).toBe('')
      const log = JSON.parse(readFileSync(path.join(tmp, 'out.sarif'), 'utf8')) as {
        runs: { results: unknown[] }[]
      }
      expect(log.runs[0].results).toHaveLength(9)
    } finally {
      rmSync(tmp, { recursive: true, force: true })
    }
  })
  it.each([
    [['policy', 'test', 'manifests', '--format', 'xml'], /unknown format "xml"/],
    [['policy', 'test', 'manifests', '--builtin', 'nope'], /unknown built-in policy set "nope"/],
    [['policy', 'test', 'manifests', '-n', 'main', '--all-namespaces'], /cannot be combined/],
    [['policy', 'test'], /no input paths/],
    [['policy', 'test', 'manifests', '-p', 'policy-broken'], /policy-broken\/broken\.rego:\d+/],
    [
      ['policy', 'test', path.join(here, 'fixtures/load/invalid.yaml'), '-p', 'policy'],
      /invalid\.yaml:10:3: invalid YAML/
    ],
    [
      ['policy', 'test', path.join(here, 'fixtures/load/chart'), '-p', 'policy'],
      /helm is not on PATH/
    ]
  ])('%j → exit 2 with a clear message', async (argv, message) => {
    const r = await cli(argv)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(message)
    expect(r.err).not.toMatch(/\n\s+at /)
  })
  it('help lists the built-in sets and formats', () => {
    expect(commands[0].help).toContain('pss-restricted')
    expect(commands[0].help).toContain('text|stdout|json|table|sarif|junit|github|tap')
  })
})
