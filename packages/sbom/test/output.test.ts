/**
 * Writers and the CLI: deterministic output (acceptance 3), license encoding, SPDX relationships,
 * and `secure-pipeline sbom` flags / exit codes through the real CLI shell.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from '@jest/globals'
import { main } from '@secure-pipeline/cli'
import { classifyLicense, generate } from '@secure-pipeline/sbom'
import { corpusDir, schemaErrors, shared } from './helpers.js'

const REPO = path.resolve(import.meta.dirname, '../../..')
const FIXTURE = path.join(REPO, 'test/fixtures/sbom/npm-workspace')
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sbom-output-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

async function cli(
  argv: string[],
  env: Record<string, string> = {}
): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(argv, {
    cwd: tmp,
    env: { ...env },
    stdout: t => (out += t),
    stderr: t => (err += t)
  })
  return { code, out, err }
}

describe('licenses', () => {
  test.each([
    ['MIT', { kind: 'id', id: 'MIT' }],
    ['mit', { kind: 'id', id: 'MIT' }],
    ['(MIT OR Apache-2.0)', { kind: 'expression', expression: 'MIT OR Apache-2.0' }],
    [
      'Apache-2.0 WITH LLVM-exception',
      { kind: 'expression', expression: 'Apache-2.0 WITH LLVM-exception' }
    ],
    // A deprecated id that the schema's enum still lists stays an id; "x+" otherwise is an expression.
    ['GPL-2.0+', { kind: 'id', id: 'GPL-2.0+' }],
    ['Apache-2.0+', { kind: 'expression', expression: 'Apache-2.0+' }],
    [
      '(MIT AND (BSD-3-Clause OR ISC))',
      { kind: 'expression', expression: 'MIT AND (BSD-3-Clause OR ISC)' }
    ],
    ['LicenseRef-Proprietary', { kind: 'expression', expression: 'LicenseRef-Proprietary' }],
    ['UNLICENSED', { kind: 'name', name: 'UNLICENSED' }],
    ['MIT/X11', { kind: 'name', name: 'MIT/X11' }],
    ['SEE LICENSE IN LICENSE.md', { kind: 'name', name: 'SEE LICENSE IN LICENSE.md' }],
    ['MIT OR', { kind: 'name', name: 'MIT OR' }]
  ])('%s', (text, expected) => {
    expect(classifyLicense(text)).toEqual(expected)
  })
})

describe('determinism', () => {
  const targets = [
    FIXTURE,
    ...(corpusDir
      ? [path.join(corpusDir, 'pnpm-v9/vite'), path.join(corpusDir, 'yarn-berry/jest')]
      : [])
  ]
  test.each(targets)('two runs are byte-identical: %s', async target => {
    for (const format of ['cyclonedx-json', 'spdx-json'] as const) {
      const a = await generate(target, { format })
      const b = await generate(target, { format })
      expect(a.documents[0].text).toBe(b.documents[0].text)
    }
  })

  test('the serial number follows the content; SOURCE_DATE_EPOCH sets the timestamp', async () => {
    const a = await cli(['sbom', FIXTURE])
    const b = await cli(['sbom', FIXTURE, '--exclude-dev'])
    const c = await cli(['sbom', FIXTURE], { SOURCE_DATE_EPOCH: '1700000000' })
    const [da, db, dc] = [a, b, c].map(
      r => JSON.parse(r.out) as { serialNumber: string; metadata: { timestamp?: string } }
    )
    expect(da.serialNumber).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    )
    expect(db.serialNumber).not.toBe(da.serialNumber)
    expect(da.metadata.timestamp).toBeUndefined()
    expect(dc.metadata.timestamp).toBe('2023-11-14T22:13:20Z')
  })
})

describe('secure-pipeline sbom', () => {
  test('CycloneDX 1.6 by default, with a real dependency graph', async () => {
    const r = await cli(['sbom', FIXTURE])
    expect(r.code).toBe(0)
    const bom = JSON.parse(r.out) as {
      specVersion: string
      components: { 'bom-ref': string; name: string; scope: string; licenses?: unknown[] }[]
      dependencies: { ref: string; dependsOn: string[] }[]
      metadata: { component: { 'bom-ref': string } }
    }
    expect(bom.specVersion).toBe('1.6')
    expect(bom.components).toHaveLength(8)
    const root = bom.dependencies.find(d => d.ref === bom.metadata.component['bom-ref'])!
    expect(root.dependsOn).toHaveLength(5)
    const lib = bom.components.find(c => c.name === 'lib')!
    expect(lib.licenses).toEqual([{ expression: 'MIT OR Apache-2.0', acknowledgement: 'declared' }])
    expect(bom.dependencies.find(d => d.ref === lib['bom-ref'])!.dependsOn).toHaveLength(2)
    if (shared) expect(schemaErrors('cyclonedx-1.6', bom)).toBe('')
  })

  test('--exclude-dev drops development dependencies', async () => {
    const r = await cli(['sbom', FIXTURE, '--exclude-dev', '--spec-version', '1.7'])
    const bom = JSON.parse(r.out) as { specVersion: string; components: { name: string }[] }
    expect(bom.specVersion).toBe('1.7')
    expect(bom.components.map(c => c.name).sort()).toEqual([
      'fsevents-lite',
      'left-pad',
      'lib',
      'string-width',
      'tslib'
    ])
    if (shared) expect(schemaErrors('cyclonedx-1.7', bom)).toBe('')
  })

  test('SPDX 2.3 with DEPENDS_ON / DEV_DEPENDENCY_OF and purls', async () => {
    const out = path.join(tmp, 'out', 'sbom.spdx.json')
    const r = await cli(['sbom', FIXTURE, '--format', 'spdx-json', '--output', out])
    expect(r.code).toBe(0)
    expect(r.out).toBe('')
    const doc = JSON.parse(readFileSync(out, 'utf8')) as {
      packages: { SPDXID: string; name: string; externalRefs?: { referenceLocator: string }[] }[]
      relationships: {
        spdxElementId: string
        relationshipType: string
        relatedSpdxElement: string
      }[]
    }
    const id = (name: string): string => doc.packages.find(p => p.name === name)!.SPDXID
    const rel = (a: string, t: string, b: string): boolean =>
      doc.relationships.some(
        r => r.spdxElementId === id(a) && r.relationshipType === t && r.relatedSpdxElement === id(b)
      )
    expect(rel('demo-monorepo', 'DEPENDS_ON', 'left-pad')).toBe(true)
    expect(rel('jest-lite', 'DEV_DEPENDENCY_OF', 'demo-monorepo')).toBe(true)
    expect(rel('fsevents-lite', 'OPTIONAL_DEPENDENCY_OF', 'demo-monorepo')).toBe(true)
    expect(rel('@scope/lib', 'DEPENDS_ON', 'tslib')).toBe(true)
    expect(
      doc.packages
        .filter(p => p.externalRefs)
        .every(p => p.externalRefs![0].referenceLocator.startsWith('pkg:npm/'))
    ).toBe(true)
    if (shared) expect(schemaErrors('spdx-2.3', doc)).toBe('')
  })

  test('--split writes one file per workspace member', async () => {
    const dir = path.join(tmp, 'split')
    const r = await cli(['sbom', FIXTURE, '--split', '--output', dir])
    expect(r.code).toBe(0)
    expect(readdirSync(dir).sort()).toEqual(['demo-app.cdx.json', 'demo-monorepo.cdx.json'])
  })

  test.each([
    [['sbom', FIXTURE, '--format', 'xml'], /--format/],
    [['sbom', FIXTURE, '--spec-version', '1.4'], /--spec-version/],
    [['sbom', FIXTURE, '--split'], /--output DIR/],
    [['sbom', FIXTURE, '--include-dev', '--exclude-dev'], /mutually exclusive/]
  ])('usage error: %j', async (argv, message) => {
    const r = await cli(argv)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(message)
  })

  test('a malformed lockfile exits 2 with file:line and no stack trace', async () => {
    const dir = path.join(tmp, 'bad')
    cpSync(path.join(REPO, 'test/fixtures/sbom/malformed'), dir, { recursive: true })
    const r = await cli(['sbom', dir])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/package-lock\.json:5[89]: malformed npm lockfile/)
    expect(r.err).not.toMatch(/\n\s+at /)
  })
})

// Was a bug: a private registry's `user:password@` (and a git token) in a lockfile's URLs was
// copied into the SBOM's download locations and properties.
describe('credentials in lockfile URLs never reach the SBOM', () => {
  const dir = path.join(import.meta.dirname, 'fixtures/variants/credentials-in-urls')
  test.each([
    ['yarn.lock', 'https://npm.example.com/private-pkg/-/private-pkg-1.0.0.tgz'],
    ['requirements.txt', 'https://files.example.com/mypkg-1.0.tar.gz']
  ])('%s', async (lockfile, url) => {
    for (const format of ['cyclonedx-json', 'spdx-json'] as const) {
      const text = (await generate(path.join(dir, lockfile), { format })).documents[0].text
      expect(text).not.toMatch(/FIXTURE-[A-Z]+-(PASSWORD|TOKEN)|ci-user/)
      // The URL itself is kept, without its user part.
      expect(text).toContain(url)
    }
  })
})
