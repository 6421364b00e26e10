import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import { SecurePipelineError } from '@secure-pipeline/core'
import { commands } from '../../cli/src/commands/rego.js'

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/cli')

async function run(
  words: string[],
  argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  const cmd = commands.find(c => c.path.join(' ') === words.join(' '))!
  let out = ''
  let err = ''
  const code = await cmd.run({
    argv,
    cwd: fixtures,
    env: {},
    stdout: t => void (out += t),
    stderr: t => void (err += t)
  })
  return { code, out, err }
}

describe('secure-pipeline rego eval', () => {
  it('prints results shaped like opa eval --format json', async () => {
    const r = await run(
      ['rego', 'eval'],
      ['-d', 'example.rego', '-i', 'input.json', 'data.example.deny']
    )
    expect(r.code).toBe(0)
    const json = JSON.parse(r.out) as {
      result: { expressions: { value: unknown; text: string }[] }[]
    }
    expect(json.result).toHaveLength(1)
    expect(json.result[0].expressions[0].value).toEqual(['container x is privileged'])
    expect(json.result[0].expressions[0].text).toBe('data.example.deny')
  })

  it('reports bindings of query variables', async () => {
    const r = await run(
      ['rego', 'eval'],
      [
        '-d',
        'example.rego',
        '-d',
        'data',
        '-i',
        'input.json',
        'x := data.example.allow; y := data.limits.max'
      ]
    )
    const json = JSON.parse(r.out) as { result: { bindings: Record<string, unknown> }[] }
    expect(json.result[0].bindings).toEqual({ x: true, y: 3 })
  })

  it('prints {} when the query is undefined', async () => {
    const r = await run(['rego', 'eval'], ['-d', 'example.rego', 'data.example.nope'])
    expect(JSON.parse(r.out)).toEqual({})
  })

  it('pretty-prints a single value', async () => {
    const r = await run(
      ['rego', 'eval'],
      ['-d', 'example.rego', '-i', 'input.json', '--format', 'pretty', 'data.example.allow']
    )
    expect(r.out.trim()).toBe('true')
  })

  it('rejects a bad query with a positioned parse error', async () => {
    await expect(run(['rego', 'eval'], ['x := ['])).rejects.toThrow(/rego_parse_error/)
  })

  it('accepts Rego v0 policies with --v0-compatible', async () => {
    const r = await run(
      ['rego', 'eval'],
      ['-d', 'v0/old.rego', '--v0-compatible', '-i', 'v0/pod.json', 'x := data.old.deny']
    )
    expect(r.code).toBe(0)
    expect((JSON.parse(r.out) as { result: { bindings: unknown }[] }).result[0].bindings).toEqual({
      x: ['pods are not allowed']
    })
    await expect(run(['rego', 'eval'], ['-d', 'v0/old.rego', 'data.old.deny'])).rejects.toThrow(
      /`if` keyword is required/
    )
  })

  it('rejects unknown formats as a usage error', async () => {
    await expect(run(['rego', 'eval'], ['--format', 'xml', 'true'])).rejects.toBeInstanceOf(
      SecurePipelineError
    )
  })
})

describe('secure-pipeline rego test', () => {
  it('passes when every test_ rule is true', async () => {
    const r = await run(['rego', 'test'], ['example.rego'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('data.example.test_allow_alice: PASS')
    expect(r.out).toContain('data.example.test_deny_privileged: PASS')
    expect(r.out).toContain('PASS: 2/2')
  })

  it('fails with exit 1 and names the failing test', async () => {
    const r = await run(['rego', 'test'], ['failing'])
    expect(r.code).toBe(1)
    expect(r.out).toContain('data.failing.test_fails: FAIL')
    expect(r.out).toContain('data.failing.test_passes: PASS')
    expect(r.out).toContain('FAIL: 1/2')
  })
})
