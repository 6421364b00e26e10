import { describe, expect, test } from '@jest/globals'
import { commandModules, loadCommands, main } from '@secure-pipeline/cli'

describe('command registry', () => {
  test.each(commandModules.map(m => [m.words.join(','), m] as const))(
    'module %s declares exactly the first words of its commands',
    async (_words, m) => {
      const commands = await m.load()
      expect(commands.length).toBeGreaterThan(0)
      expect([...new Set(commands.map(c => c.path[0]))].sort()).toEqual([...m.words].sort())
      for (const c of commands) {
        expect(c.summary.length).toBeGreaterThan(0)
        expect(c.help).toMatch(/usage/i)
      }
    }
  )

  test('command paths are unique', async () => {
    const paths = (await loadCommands()).map(c => c.path.join(' '))
    expect(new Set(paths).size).toBe(paths.length)
  })

  test('only the engine named on the command line is loaded', async () => {
    const commands = await loadCommands(['sbom', '.'])
    expect(commands.map(c => c.path.join(' '))).toEqual(['sbom'])
    expect((await loadCommands(['--help'])).length).toBeGreaterThan(5)
  })

  test('top-level help lists every engine’s commands', async () => {
    let out = ''
    const code = await main(['--help'], {
      cwd: '/',
      env: {},
      stdout: t => (out += t),
      stderr: () => {}
    })
    expect(code).toBe(0)
    for (const word of [
      'secrets scan',
      'sbom',
      'sign blob',
      'verify blob',
      'keys generate',
      'rego eval',
      'policy test',
      'gate',
      'pipeline'
    ])
      expect(out).toContain(`  ${word}`)
  })
})
