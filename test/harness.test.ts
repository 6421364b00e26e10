import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { inputEnvName, parseCommands, parseEnvFile, REPO_ROOT, runAction } from './harness.js'

const FIXTURE_ROOT = path.join(REPO_ROOT, 'test', 'fixtures', 'harness-root')

function node(
  script: string,
  args: string[]
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', script), ...args], {
    encoding: 'utf8'
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('runner protocol parsing', () => {
  test.each([
    ['scan path', 'INPUT_SCAN_PATH'],
    ['fail-on-findings', 'INPUT_FAIL-ON-FINDINGS'],
    ['Config', 'INPUT_CONFIG']
  ])('input %s → %s', (name, env) => expect(inputEnvName(name)).toBe(env))

  test('environment files in both forms', () => {
    const text = 'a=1\nmulti<<ghadelimiter_x\nl1\nl2\nghadelimiter_x\nb=x=y\n'
    expect(parseEnvFile(text)).toEqual({ a: '1', multi: 'l1\nl2', b: 'x=y' })
    expect(() => parseEnvFile('m<<D\nnever closed\n')).toThrow(/unterminated/)
  })

  test('annotations and masks with escaping', () => {
    const out = [
      '::add-mask::s3cr%25t',
      '::error file=a%2Cb.ts,line=3,endLine=4,col=2,title=T%3A1::bad%0Athing',
      '::warning::plain',
      'not a command'
    ].join('\n')
    const { annotations, masks } = parseCommands(out)
    expect(masks).toEqual(['s3cr%t'])
    expect(annotations).toEqual([
      {
        level: 'error',
        message: 'bad\nthing',
        file: 'a,b.ts',
        line: 3,
        endLine: 4,
        col: 2,
        title: 'T:1'
      },
      { level: 'warning', message: 'plain' }
    ])
  })
})

describe('build, check-dist and a bundle run end to end', () => {
  let root: string
  let bundle: string
  beforeAll(() => {
    // Inside the repo so the copy resolves node_modules and the workspace packages.
    mkdirSync(path.join(REPO_ROOT, '.tmp'), { recursive: true })
    root = mkdtempSync(path.join(REPO_ROOT, '.tmp', 'harness-'))
    cpSync(FIXTURE_ROOT, root, { recursive: true })
    const r = node('build.mjs', ['--root', root])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    bundle = path.join(root, 'dist', 'echo', 'index.js')
  }, 120_000)
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  test('two builds are byte-identical', () => {
    const first = readFileSync(bundle)
    const out = path.join(root, 'dist2')
    expect(node('build.mjs', ['--root', root, '--out', out]).status).toBe(0)
    expect(readFileSync(path.join(out, 'echo', 'index.js')).equals(first)).toBe(true)
    expect(readFileSync(path.join(out, 'echo', 'licenses.txt'), 'utf8')).toContain('@actions/core')
    rmSync(out, { recursive: true, force: true })
  }, 120_000)

  test('inputs in; outputs, summary, annotations, masks, env and state out', async () => {
    const run = await runAction(bundle, {
      inputs: { name: 'octo', count: '14', token: 'tok-abc-123456' },
      eventName: 'pull_request',
      event: { pull_request: { number: 1 } }
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      greeting: 'hello octo',
      count: '14',
      multiline: 'line one\nline two'
    })
    // 14 findings: 5 high (error), 5 medium (warning), 4 low (notice) — within the per-level caps,
    // so all are annotated; nothing overflows.
    expect(run.outputs.emitted).toBe('14')
    expect(run.annotations.filter(a => a.level === 'error')).toHaveLength(5)
    expect(run.annotations[0]).toMatchObject({
      file: 'src/file0.ts',
      line: 1,
      col: 2,
      endColumn: 5,
      title: 'echo: rule-0'
    })
    expect(run.summary).toContain('| octo | 14 |')
    expect(run.masks).toEqual(['tok-abc-123456'])
    expect(run.env).toEqual({ ECHO_DONE: 'yes' })
    expect(run.state).toEqual({ seen: 'octo' })
  }, 60_000)

  test('annotation caps: 10 per level, the rest counted in one notice; setFailed exits 1', async () => {
    const run = await runAction(bundle, { inputs: { name: 'many', count: '60' } })
    expect(run.exitCode).toBe(1)
    for (const level of ['error', 'warning'] as const)
      expect(run.annotations.filter(a => a.level === level && a.file)).toHaveLength(10)
    expect(run.annotations.filter(a => a.level === 'notice' && a.file)).toHaveLength(9)
    const overflow = run.annotations.find(a => a.level === 'notice' && !a.file)
    expect(overflow?.message).toMatch(/^31 more finding/)
    expect(run.annotations.find(a => a.level === 'error' && !a.file)?.message).toBe('60 findings')
  }, 60_000)

  test('a user error is one clear ::error:: line and exit 1, no stack trace', async () => {
    const run = await runAction(bundle, { inputs: { name: 'x', count: 'many' } })
    expect(run.exitCode).toBe(1)
    expect(run.annotations).toEqual([
      { level: 'error', message: 'count must be a whole number, got many' }
    ])
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /)
  }, 60_000)

  test('a missing required input fails the step', async () => {
    const run = await runAction(bundle, { inputs: {} })
    expect(run.exitCode).toBe(1)
    expect(run.annotations[0].message).toBe('Input required and not supplied: name')
  }, 60_000)

  test('check-dist passes when up to date and fails after an unbuilt source edit', () => {
    const ok = node('check-dist.mjs', ['--root', root])
    expect(ok.status).toBe(0)
    const src = path.join(root, 'actions', 'echo', 'src', 'index.ts')
    writeFileSync(src, readFileSync(src, 'utf8').replace('hello ', 'hi '))
    const stale = node('check-dist.mjs', ['--root', root])
    expect(stale.status).toBe(1)
    expect(stale.stderr).toContain('stale: dist/echo/index.js')
  }, 120_000)
})
