import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from '@jest/globals'
import { main } from '@secure-pipeline/cli'
import { expand } from './gen.js'

const root = mkdtempSync(path.join(os.tmpdir(), 'sp-secrets-cli-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
const GH = expand('{gh:ghp}', 'cli/gh')
mkdirSync(path.join(root, 'leaky'), { recursive: true })
mkdirSync(path.join(root, 'clean'), { recursive: true })
writeFileSync(path.join(root, 'leaky', 'a.env'), `X=1\nGITHUB_TOKEN=${GH}\n`)
writeFileSync(path.join(root, 'clean', 'a.env'), 'X=1\n')

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(argv, {
    cwd: root,
    env: {},
    stdout: t => (out += t),
    stderr: t => (err += t)
  })
  return { code, out, err }
}

describe('secure-pipeline secrets scan', () => {
  test('exit 1 with findings; JSON per BRIEF §4, redacted unless --no-redact', async () => {
    const r = await run('secrets', 'scan', 'leaky', '--format', 'json')
    expect(r.code).toBe(1)
    expect(r.out).not.toContain(GH)
    const doc = JSON.parse(r.out) as {
      findings: {
        ruleId: string
        file: string
        startLine: number
        startColumn: number
        secret: string
      }[]
      stats: { findings: number }
    }
    expect(doc.findings.map(f => [f.ruleId, f.file, f.startLine, f.startColumn])).toEqual([
      ['github-pat', 'a.env', 2, 14]
    ])
    expect(doc.stats.findings).toBe(1)
    const raw = await run('secrets', 'scan', 'leaky', '--format', 'json', '--no-redact')
    expect((JSON.parse(raw.out) as { findings: { secret: string }[] }).findings[0].secret).toBe(GH)
  })

  test('exit 0 when clean; text format', async () => {
    const r = await run('secrets', 'scan', 'clean')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/0 secrets found/)
  })

  test('SARIF to a file, baseline written and honoured', async () => {
    const r = await run(
      'secrets',
      'scan',
      'leaky',
      '--format',
      'sarif',
      '--output',
      'out.sarif',
      '--write-baseline',
      'base.json'
    )
    expect(r.code).toBe(1)
    const sarif = readFileSync(path.join(root, 'out.sarif'), 'utf8')
    expect(sarif).not.toContain(GH)
    expect((JSON.parse(sarif) as { version: string }).version).toBe('2.1.0')
    const again = await run('secrets', 'scan', 'leaky', '--baseline', 'base.json')
    expect(again.code).toBe(0)
    expect(again.out).toMatch(/1 known finding\(s\) hidden by the baseline/)
    // gitleaks' spelling of the flag.
    const alias = await run('secrets', 'scan', 'leaky', '--baseline-path', 'base.json')
    expect(alias.code).toBe(0)
    const both = await run(
      'secrets',
      'scan',
      'leaky',
      '--baseline',
      'base.json',
      '--baseline-path',
      'base.json'
    )
    expect(both.code).toBe(2)
  })

  test.each([
    [['--mode', 'nope'], /--mode must be one of/],
    [['--format', 'xml'], /--format must be one of/],
    [['--config', 'missing.toml'], /configuration file not found/],
    [['--mode', 'git'], /not a git repository/]
  ])('exit 2 with one clear message: %j', async (args, message) => {
    const r = await run('secrets', 'scan', 'clean', ...args)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(message)
    expect(r.err).not.toMatch(/\n\s+at /)
  })
})
