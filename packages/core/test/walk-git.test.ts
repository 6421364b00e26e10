import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import {
  ensureRevisions,
  runGit,
  streamGitLines,
  walkFiles,
  isShallow,
  hasCommit
} from '@secure-pipeline/core'

let root: string
let outside: string
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'walk-'))
  outside = mkdtempSync(path.join(os.tmpdir(), 'outside-'))
  const files: Record<string, string | Buffer> = {
    '.gitignore': 'build/\n*.log\n!keep.log\n',
    'a.txt': 'hello',
    'keep.log': 'kept by negation',
    'drop.log': 'ignored',
    'build/out.js': 'ignored dir',
    'src/.gitignore': 'generated.ts\n',
    'src/main.ts': 'code',
    'src/generated.ts': 'ignored by nested .gitignore',
    'src/deep/x.ts': 'x',
    'img.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]),
    'big.txt': 'x'.repeat(2048),
    'locked.txt': 'no read permission'
  }
  for (const [f, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true })
    writeFileSync(path.join(root, f), content)
  }
  writeFileSync(path.join(outside, 'secret.txt'), 'outside the root')
  symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'escape.txt'))
  symlinkSync(path.join(root, 'a.txt'), path.join(root, 'alias.txt'))
  mkdirSync(path.join(root, '.git'))
  writeFileSync(path.join(root, '.git', 'config'), 'never walked')
})
afterAll(() => {
  rmSync(root, { recursive: true, force: true })
  rmSync(outside, { recursive: true, force: true })
})

describe('walkFiles', () => {
  test('honours nested .gitignore files with negation, skips .git, binaries and large files', async () => {
    const r = await walkFiles(root, { maxFileSize: 1024 })
    expect(r.files.map(f => f.path)).toEqual([
      '.gitignore',
      'a.txt',
      'keep.log',
      'locked.txt',
      'src/.gitignore',
      'src/deep/x.ts',
      'src/main.ts'
    ])
    expect(r.skipped).toEqual(
      expect.arrayContaining([
        { path: 'big.txt', reason: 'too-large', detail: '2048 bytes' },
        { path: 'img.png', reason: 'binary' },
        { path: 'escape.txt', reason: 'symlink' }
      ])
    )
  })

  test('follows links inside the root only', async () => {
    const r = await walkFiles(root, { followSymlinks: true })
    expect(r.files.map(f => f.path)).toContain('alias.txt')
    expect(r.files.map(f => f.path)).not.toContain('escape.txt')
    expect(r.skipped).toContainEqual({ path: 'escape.txt', reason: 'symlink-outside-root' })
  })

  test('extra exclude patterns and gitignore off', async () => {
    const r = await walkFiles(root, { gitignore: false, exclude: ['src/deep/', '*.txt'] })
    const paths = r.files.map(f => f.path)
    expect(paths).toContain('drop.log')
    expect(paths).toContain('build/out.js')
    expect(paths).not.toContain('src/deep/x.ts')
    expect(paths).not.toContain('a.txt')
  })

  test('an unreadable entry is reported, not fatal', async () => {
    // A dangling link cannot be resolved by anyone (root included), unlike a chmod 000 file.
    const dangling = path.join(root, 'dangling.txt')
    symlinkSync(path.join(root, 'does-not-exist'), dangling)
    try {
      const r = await walkFiles(root, { followSymlinks: true })
      expect(r.skipped).toContainEqual(
        expect.objectContaining({ path: 'dangling.txt', reason: 'unreadable' })
      )
      expect(r.files.map(f => f.path)).toContain('a.txt')
    } finally {
      rmSync(dangling)
    }
  })
})

describe('git helper', () => {
  let repo: string
  let clone: string
  const git = (cwd: string, ...args: string[]): string =>
    execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@e',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@e'
      }
    }).trim()
  beforeAll(() => {
    repo = mkdtempSync(path.join(os.tmpdir(), 'git-'))
    git(repo, 'init', '-q', '-b', 'main')
    for (let i = 1; i <= 3; i++) {
      writeFileSync(path.join(repo, 'f.txt'), `v${i}\n`)
      git(repo, 'add', '.')
      git(repo, 'commit', '-q', '-m', `c${i}`)
    }
    clone = mkdtempSync(path.join(os.tmpdir(), 'shallow-'))
    git(clone, 'clone', '-q', '--depth', '1', `file://${repo}`, '.')
  })
  afterAll(() => {
    rmSync(repo, { recursive: true, force: true })
    rmSync(clone, { recursive: true, force: true })
  })

  test('runs and streams', async () => {
    expect((await runGit(['log', '--format=%s'], { cwd: repo })).trim().split('\n')).toEqual([
      'c3',
      'c2',
      'c1'
    ])
    const lines: string[] = []
    for await (const l of streamGitLines(['log', '--format=%s', '--reverse'], { cwd: repo }))
      lines.push(l)
    expect(lines).toEqual(['c1', 'c2', 'c3'])
  })

  test('git failures carry git’s message', async () => {
    await expect(runGit(['rev-parse', 'no-such-ref'], { cwd: repo })).rejects.toThrow(
      /git rev-parse failed/
    )
  })

  test('a shallow clone missing the range gets a message that says how to fix it', async () => {
    const first = git(repo, 'rev-list', '--max-parents=0', 'HEAD')
    expect(await isShallow(clone)).toBe(true)
    expect(await hasCommit(clone, 'HEAD')).toBe(true)
    await expect(ensureRevisions(clone, [first, 'HEAD'])).rejects.toThrow(/shallow.*fetch-depth: 0/)
    await expect(ensureRevisions(repo, [first, 'HEAD'])).resolves.toBeUndefined()
    await expect(ensureRevisions(repo, ['deadbeef'])).rejects.toThrow(/not found: deadbeef/)
  })
})
