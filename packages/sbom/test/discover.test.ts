/**
 * Discovery walks a repository honouring .gitignore (and never node_modules), merges every
 * lockfile into one SBOM about the repository, or splits per project; a root filesystem is
 * recognised by its package databases; installed manifests supply npm licenses.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, test } from '@jest/globals'
import { discover, generate } from '@secure-pipeline/sbom'

const root = mkdtempSync(path.join(os.tmpdir(), 'sbom-discover-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
  writeFileSync(path.join(root, rel), text)
}

const lock = (name: string, dep: string, version: string): string =>
  JSON.stringify({
    name,
    lockfileVersion: 3,
    packages: {
      '': { name, version: '1.0.0', dependencies: { [dep]: '*' } },
      [`node_modules/${dep}`]: { version }
    }
  })

write('.gitignore', 'ignored/\n')
write('package.json', JSON.stringify({ name: 'repo-root', version: '3.1.4', license: 'MIT' }))
write('package-lock.json', lock('repo-root', 'left-pad', '1.3.0'))
write('node_modules/left-pad/package.json', JSON.stringify({ name: 'left-pad', license: 'WTFPL' }))
write('node_modules/x/package-lock.json', lock('x', 'never', '1.0.0'))
write('ignored/package-lock.json', lock('ignored', 'never', '2.0.0'))
write('services/api/go.mod', 'module example.com/api\n\ngo 1.22\n\nrequire github.com/a/b v1.0.0\n')
write('tools/requirements-dev.txt', 'pytest==8.0.0\n')

test('finds supported files, honouring .gitignore and skipping node_modules', async () => {
  expect(await discover(root)).toEqual([
    'package-lock.json',
    'services/api/go.mod',
    'tools/requirements-dev.txt'
  ])
})

test('one SBOM for the repository, described by its root manifest', async () => {
  const r = await generate(root, { format: 'cyclonedx-json' })
  expect(r.documents).toHaveLength(1)
  const g = r.documents[0].graph
  expect(g.project).toMatchObject({ name: 'repo-root', version: '3.1.4', license: 'MIT' })
  expect(g.project.sources).toEqual([
    'package-lock.json',
    'services/api/go.mod',
    'tools/requirements-dev.txt'
  ])
  expect(g.components.map(c => `${c.purl} ${c.scope}`)).toEqual([
    'pkg:golang/github.com/a/b@v1.0.0 required',
    'pkg:npm/left-pad@1.3.0 required',
    'pkg:pypi/pytest@8.0.0 dev'
  ])
  // No license in the lockfile: taken from the installed package.json.
  expect(g.components.find(c => c.name === 'left-pad')!.license).toBe('WTFPL')
})

test('--split gives one document per project', async () => {
  const r = await generate(root, { format: 'spdx-json', split: true })
  expect(r.documents.map(d => d.name).sort()).toEqual(['example.com-api', 'repo-root', 'tools'])
})

test('a root filesystem is described by its package database', async () => {
  const fs = mkdtempSync(path.join(os.tmpdir(), 'sbom-rootfs-'))
  try {
    mkdirSync(path.join(fs, 'var/lib/dpkg'), { recursive: true })
    mkdirSync(path.join(fs, 'etc'), { recursive: true })
    writeFileSync(
      path.join(fs, 'etc/os-release'),
      'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n'
    )
    writeFileSync(
      path.join(fs, 'var/lib/dpkg/status'),
      'Package: libc6\nStatus: install ok installed\nArchitecture: arm64\nVersion: 2.36-9\n'
    )
    writeFileSync(path.join(fs, 'package-lock.json'), 'not looked at')
    const r = await generate(fs, { format: 'cyclonedx-json' })
    expect(r.sources).toEqual([{ file: 'var/lib/dpkg/status', format: 'dpkg' }])
    expect(r.documents[0].graph.components.map(c => c.purl)).toEqual([
      'pkg:deb/debian/libc6@2.36-9?arch=arm64&distro=debian-12'
    ])
    expect(r.documents[0].graph.project.name).toBe('Debian GNU/Linux 12 (bookworm)')
  } finally {
    rmSync(fs, { recursive: true, force: true })
  }
})
