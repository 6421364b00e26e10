/**
 * Path-only rules (a rule with `path` and no regex, built-in or from `.gitleaks.toml`) report the
 * file itself. Keystores are binary, so these rules must fire on files that the content scan
 * skips as binary, in every mode: working tree, history, a range and the index.
 */
import { rmSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { diffHeaderPath, scanSecrets, type SecretFinding } from '../src/index.js'
import { git, tmp, write } from './workdir.js'

/** Bytes shaped like a DER keystore: binary (NUL bytes in the first block), no text secret. */
function keystore(seed: number, size = 600): Buffer {
  const b = Buffer.alloc(size)
  b[0] = 0x30
  b[1] = 0x82
  for (let i = 2; i < size; i++) b[i] = (i * 31 + seed * 17) % 7 === 0 ? 0 : (i * 131 + seed) % 256
  return b
}

function repo(): string {
  const root = tmp()
  git(root, 'init', '-q', '-b', 'main')
  git(root, 'config', 'commit.gpgsign', 'false')
  write(root, 'README.md', 'hello\n')
  git(root, 'add', '-A')
  git(root, 'commit', '-q', '--no-verify', '-m', 'init')
  return root
}

function commitAll(root: string, message: string): string {
  git(root, 'add', '-A')
  git(root, 'commit', '-q', '--no-verify', '-m', message)
  return git(root, 'rev-parse', 'HEAD')
}

const pathFindings = (fs: SecretFinding[]): string[][] =>
  fs.map(f => [f.file, f.ruleId, f.commit ?? '']).sort((a, b) => a.join().localeCompare(b.join()))

describe('path-only rules on binary files', () => {
  describe('working tree', () => {
    const root = tmp()
    write(root, 'certs/client.p12', keystore(1))
    write(root, 'certs/Signing Cert.PFX', keystore(2))
    write(root, 'android/app/release.jks', keystore(3))
    write(root, 'android/app/debug.keystore', keystore(4))
    write(root, 'docs/p12.md', 'How to make a .p12 file\n')
    write(root, 'big/server.p12', keystore(5, 4096))

    test.each([0, 2])('built-in rules report every keystore (workers=%d)', async workers => {
      const out = await scanSecrets({ root, workers, parallelThreshold: 0, maxFileSize: 2048 })
      expect(pathFindings(out.findings)).toEqual([
        ['android/app/release.jks', 'java-keystore-file', ''],
        ['big/server.p12', 'pkcs12-file', ''],
        ['certs/client.p12', 'pkcs12-file', ''],
        ['certs/Signing Cert.PFX', 'pkcs12-file', '']
      ])
      // The content scan still skips them as binary (or too large).
      const skipped = Object.fromEntries(out.skipped.map(s => [s.path, s.reason]))
      expect(skipped['certs/client.p12']).toBe('binary')
      expect(skipped['big/server.p12']).toBe('too-large')
    })

    test('a .gitleaks.toml path-only rule fires on a binary file', async () => {
      const r = tmp()
      write(r, '.gitleaks.toml', "[[rules]]\nid = \"der-file\"\npath = '''(?i)\\.der$'''\n")
      write(r, 'keys/signing.der', keystore(6))
      write(r, 'keys/readme.txt', 'the key is signing.der\n')
      const out = await scanSecrets({ root: r, workers: 0 })
      expect(pathFindings(out.findings)).toEqual([['keys/signing.der', 'der-file', '']])
    })

    test('excluded and allowlisted paths stay quiet', async () => {
      const out = await scanSecrets({ root, workers: 0, exclude: ['certs/'], maxFileSize: 2048 })
      expect(out.findings.map(f => f.file).sort()).toEqual([
        'android/app/release.jks',
        'big/server.p12'
      ])
    })
  })

  describe('git', () => {
    const root = repo()
    write(root, 'deploy/prod cert ü.p12', keystore(7))
    write(root, 'src/app.py', 'print(1)\n')
    const added = commitAll(root, 'add keystore')
    write(root, 'deploy/prod cert ü.p12', keystore(8))
    const changed = commitAll(root, 'rotate keystore')
    rmSync(path.join(root, 'deploy/prod cert ü.p12'))
    commitAll(root, 'remove keystore')
    write(root, 'android/release.jks', keystore(9))
    const jks = commitAll(root, 'add jks')

    test('history: each commit that adds or changes a keystore, not its deletion', async () => {
      const out = await scanSecrets({ root, mode: 'git' })
      expect(pathFindings(out.findings)).toEqual(
        [
          ['android/release.jks', 'java-keystore-file', jks],
          ['deploy/prod cert ü.p12', 'pkcs12-file', added],
          ['deploy/prod cert ü.p12', 'pkcs12-file', changed]
        ].sort((a, b) => a.join().localeCompare(b.join()))
      )
      const f = out.findings.find(x => x.commit === added)
      expect(f?.fingerprint).toBe(`${added}:deploy/prod cert ü.p12:pkcs12-file:1`)
    })

    test('a range reports only its own commits', async () => {
      const out = await scanSecrets({ root, mode: 'diff', base: changed, head: jks })
      expect(pathFindings(out.findings)).toEqual([
        ['android/release.jks', 'java-keystore-file', jks]
      ])
    })

    test('staged keystores', async () => {
      const r = repo()
      write(r, 'keys/new.pfx', keystore(10))
      write(r, 'keys/notes.txt', 'rotated\n')
      git(r, 'add', '-A')
      const out = await scanSecrets({ root: r, mode: 'staged' })
      expect(pathFindings(out.findings)).toEqual([['keys/new.pfx', 'pkcs12-file', '']])
    })
  })

  test.each([
    ['diff --git a/k.p12 b/k.p12', 'k.p12'],
    ['diff --git a/dir with space/a b.p12 b/dir with space/a b.p12', 'dir with space/a b.p12'],
    ['diff --git "a/tab\\there.p12" "b/tab\\there.p12"', 'tab\there.p12'],
    ['diff --git a/x b/y b/x b/y', 'x b/y']
  ])('diff header path: %s', (line, want) => {
    expect(diffHeaderPath(line)).toBe(want)
  })
})
