/**
 * Bad input: a truncated or malformed lockfile is an InputError naming the file and the line
 * (exit 2); an unknown lockfile version is reported, never guessed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from '@jest/globals'
import { InputError, exitCodeFor } from '@secure-pipeline/core'
import { generate } from '@secure-pipeline/sbom'
import { corpusDir, parseFailure } from './helpers.js'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sbom-errors-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))
const failure = (file: string, text: string): Promise<InputError> => parseFailure(tmp, file, text)

const malformed: [string, string, number][] = [
  [
    'package-lock.json',
    '{\n  "name": "x",\n  "lockfileVersion": 3,\n  "packages": {\n    "": {\n',
    5
  ],
  ['package-lock.json', '{\n  "lockfileVersion": 3,\n  "packages": { "a": 1,, }\n}\n', 3],
  ['yarn.lock', '# yarn lockfile v1\n\nleft-pad@^1:\n  version "1.3.0"\n\nbroken@^2:\n', 6],
  ['yarn.lock', '# yarn lockfile v1\n\nleft-pad@^1:\n  version "1.3.0"\n   bad indentation\n', 5],
  [
    'pnpm-lock.yaml',
    "lockfileVersion: '9.0'\n\npackages:\n  a@1.0.0:\n    resolution: {integrity: sha512-x\n",
    6
  ],
  ['Cargo.lock', 'version = 4\n\n[[package]]\nname = "a"\nversion = "1.0.0\n', 5],
  ['poetry.lock', '[[package]]\nname = "a"\nversion = \n', 3],
  ['Pipfile.lock', '{\n  "_meta": {},\n  "default": {\n', 3],
  ['go.mod', 'module example.com/m\n\nrequire (\n\tgithub.com/a/b v1.0.0\n', 3],
  ['go.mod', 'module example.com/m\n\nrequire github.com/a/b\n', 3],
  ['go.mod', 'module example.com/m\n\nrequire github.com/a/b v1.\n', 3],
  [
    'go.mod',
    'module m\n\nrequire github.com/a/b v1.0.0\n\nreplace github.com/a/b => github.com/c/\n',
    5
  ],
  ['go.mod', 'module m\n\nreplace github.com/a/b => github.com/c/d v0.\n', 3],
  ['Gemfile.lock', 'GEM\n  remote: https://rubygems.org/\n  specs:\n    rack (3.0.8\n', 4],
  ['requirements.txt', 'requests==2.31.0\n-r missing.txt\n', 2],
  ['requirements.txt', 'requests==2.31.0 \\\n', 1],
  ['gradle.lockfile', 'com.google:guava:1=compileClasspath\nnot-a-coordinate=x\n', 2],
  ['pom.xml', '<?xml version="1.0"?>\n<project>\n  <dependencies>\n    <dependency>\n', 4],
  ['lib/apk/db/installed', 'P:musl\nV:1.2.4\n\nV:1.0\nA:x86_64\n', 4],
  [
    'var/lib/dpkg/status',
    'Package: a\nStatus: install ok installed\nVersion: 1\n\nPackage: b\nStatus: install ok installed\n',
    5
  ]
]

describe('malformed lockfiles name the file and the line (exit 2)', () => {
  test.each(malformed)('%s: %j', async (file, text, line) => {
    const err = await failure(file, text)
    expect(err.position.file).toBe(file)
    expect(err.position.line).toBe(line)
    expect(exitCodeFor(err)).toBe(2)
    expect(err.describe()).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')}:${line}: `))
  })
})

const unknownVersions: [string, string, RegExp][] = [
  [
    'package-lock.json',
    '{\n  "lockfileVersion": 4,\n  "packages": {}\n}\n',
    /npm lockfileVersion 4/
  ],
  ['pnpm-lock.yaml', "lockfileVersion: '10.0'\n", /pnpm lockfileVersion "10\.0"/],
  ['yarn.lock', '__metadata:\n  version: 42\n', /yarn lockfile __metadata\.version "42"/],
  ['Cargo.lock', 'version = 9\n', /Cargo\.lock version 9/],
  ['uv.lock', 'version = 2\n', /uv\.lock version 2/],
  ['poetry.lock', '[metadata]\nlock-version = "3.0"\n', /poetry lock-version "3\.0"/],
  ['pylock.toml', 'lock-version = "2.0"\n', /pylock lock-version "2\.0"/],
  ['Pipfile.lock', '{"_meta": {"pipfile-spec": 7}}', /pipfile-spec 7/],
  ['packages.lock.json', '{"version": 3, "dependencies": {}}', /packages\.lock\.json version 3/]
]

describe('unknown lockfile versions are reported, not guessed', () => {
  test.each(unknownVersions)('%s', async (file, text, message) => {
    const err = await failure(file, text)
    expect(err.code).toBe('SBOM_UNSUPPORTED_VERSION')
    expect(err.message).toMatch(message)
    expect(err.position.file).toBe(file)
    expect(err.position.line).toBeGreaterThanOrEqual(1)
  })
})

const d = corpusDir ? describe : describe.skip
d('truncated corpus lockfiles', () => {
  // Real files cut in half must fail with a position, never parse silently.
  test.each([
    'npm-v3/insomnia/package-lock.json',
    'pnpm-v9/vite/pnpm-lock.yaml',
    'cargo/uv/Cargo.lock',
    'poetry/poetry/poetry.lock',
    'composer/composer/composer.lock',
    'nuget/bicep-vsix/packages.lock.json'
  ])('%s', async key => {
    const text = readFileSync(path.join(corpusDir!, key), 'utf8')
    const cut = text.slice(0, Math.floor(text.length / 2))
    const err = await failure(path.basename(key), cut)
    expect(err.position.line).toBeGreaterThan(1)
    expect(err.position.line).toBeLessThanOrEqual(cut.split('\n').length + 1)
  })
})

test('generate reports a missing path as an input error', async () => {
  await expect(generate(path.join(tmp, 'nope'), { format: 'cyclonedx-json' })).rejects.toThrow(
    InputError
  )
})
