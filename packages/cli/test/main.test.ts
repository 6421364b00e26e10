import { describe, expect, test } from '@jest/globals'
import { InputError, VerificationError } from '@secure-pipeline/core'
import { main, type Command } from '@secure-pipeline/cli'

function cmd(path: string[], run: Command['run']): Command {
  return { path, summary: `${path.join(' ')} summary`, help: `help for ${path.join(' ')}`, run }
}

const commands: Command[] = [
  cmd(['secrets', 'scan'], io => Promise.resolve(io.argv.includes('--dirty') ? 1 : 0)),
  cmd(['sign', 'blob'], () =>
    Promise.reject(
      new InputError('BAD_KEY', 'cannot read key', { position: { file: 'k.key', line: 1 } })
    )
  ),
  cmd(['verify', 'blob'], () =>
    Promise.reject(new VerificationError('NO', 'signature does not match'))
  ),
  cmd(['sbom'], io => {
    io.stdout(`args:${io.argv.join(',')}`)
    return Promise.resolve(0)
  })
]

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(
    argv,
    { cwd: '/', env: {}, stdout: t => (out += t), stderr: t => (err += t) },
    commands
  )
  return { code, out, err }
}

describe('CLI shell', () => {
  test.each([
    [['--version'], 0, /^secure-pipeline \d+\.\d+\.\d+\n$/],
    [['--help'], 0, /secrets scan +secrets scan summary/],
    [[], 2, /Usage/],
    [['sbom', 'x', '--y'], 0, /^args:x,--y$/],
    [['secrets', 'scan'], 0, /^$/],
    [['secrets', 'scan', '--dirty'], 1, /^$/],
    [['sbom', '--help'], 0, /^help for sbom\n$/],
    [['help', 'sbom'], 0, /^help for sbom\n$/],
    [['secrets', '--help'], 0, /secrets scan/]
  ])('%j → exit %d', async (argv, code, out) => {
    const r = await run(argv)
    expect(r.code).toBe(code)
    expect(r.out).toMatch(out)
  })

  test.each([
    [['nope'], 2, /unknown command 'nope'/],
    [['secrets'], 2, /secrets scan/],
    [['sign', 'blob'], 2, /^secure-pipeline sign blob: k\.key:1: cannot read key\n$/],
    [['verify', 'blob'], 1, /signature does not match/]
  ])('%j → exit %d with one clear message', async (argv, code, err) => {
    const r = await run(argv)
    expect(r.code).toBe(code)
    expect(r.err).toMatch(err)
    expect(r.err).not.toMatch(/\n\s+at /)
  })
})
