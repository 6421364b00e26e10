/**
 * The shipped `.pre-commit-hooks.yaml`: it must load in every pre-commit still in distributions
 * (Debian bookworm has 3.0.4, which rejected the `pre-commit` stage name that 3.2 introduced),
 * and each hook's entry, run the way pre-commit runs it (in the repository, no file names),
 * must block a staged secret and pass a clean index.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { main } from '@secure-pipeline/cli'
import { REPO_ROOT } from './harness.js'

interface Hook {
  id: string
  name: string
  entry: string
  language: string
  stages?: string[]
  pass_filenames?: boolean
  always_run?: boolean
}

const hooks = parse(readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[]

/** Stage names every pre-commit from 2.x on accepts (3.2 added `pre-commit`, `pre-push`, …). */
const PORTABLE_STAGES = new Set([
  'commit',
  'commit-msg',
  'manual',
  'merge-commit',
  'post-checkout',
  'post-commit',
  'post-merge',
  'post-rewrite',
  'prepare-commit-msg',
  'push'
])

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sp-pre-commit-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, {
    cwd,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com'
    }
  })
}

async function runEntry(entry: string, cwd: string): Promise<{ code: number; out: string }> {
  const [bin, ...argv] = entry.split(/\s+/)
  expect(bin).toBe('secure-pipeline')
  let out = ''
  const code = await main(argv, {
    cwd,
    env: {},
    stdout: t => (out += t),
    stderr: t => (out += t)
  })
  return { code, out }
}

describe('.pre-commit-hooks.yaml', () => {
  it('has hooks', () => {
    expect(hooks.map(h => h.id)).toEqual(
      expect.arrayContaining(['secure-pipeline-secrets', 'secure-pipeline-secrets-system'])
    )
  })

  it.each(hooks.map(h => [h.id, h] as const))(
    '%s loads in pre-commit 2.x and 3.x and blocks a staged secret',
    async (_id, hook) => {
      expect(typeof hook.name).toBe('string')
      expect(['node', 'system']).toContain(hook.language)
      for (const s of hook.stages ?? []) expect(PORTABLE_STAGES.has(s)).toBe(true)
      // The scan reads the index itself; file names from pre-commit would be extra arguments.
      expect(hook.pass_filenames).toBe(false)

      const repo = mkdtempSync(path.join(tmp, 'repo-'))
      git(repo, 'init', '-q', '-b', 'main')
      writeFileSync(path.join(repo, 'README.md'), 'hello\n')
      git(repo, 'add', 'README.md')
      const clean = await runEntry(hook.entry, repo)
      expect(clean.code).toBe(0)

      const token = 'sk_live_' + '4eC39HqLyjWDarjtT1zdp7dc'.split('').reverse().join('')
      writeFileSync(path.join(repo, 'pay.env'), `STRIPE_KEY=${token}\n`)
      git(repo, 'add', 'pay.env')
      const dirty = await runEntry(hook.entry, repo)
      expect(dirty.code).toBe(1)
      expect(dirty.out).toContain('pay.env:1')
      expect(dirty.out).not.toContain(token)
    }
  )
})
