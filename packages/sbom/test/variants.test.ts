/**
 * Format variants of the established ecosystems that real repositories contain (fixtures under
 * fixtures/variants/): git / tarball / alias / local sources, lockfile-version quirks, sections
 * that must be ignored. Several of these were bugs — npm v1 git/tarball specs used as purl
 * versions, pnpm v5/v6 importers not resolving git/tarball keys, requirements direct references
 * and Pipfile VCS entries dropped, composer `"packages-dev": null` rejected, every composer
 * package marked direct without composer.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from '@jest/globals'
import { generate, parseFile } from '@secure-pipeline/sbom'
import { edges, schemaErrors, shared, view } from './helpers.js'

const FIXTURES = path.join(import.meta.dirname, 'fixtures/variants')

interface Case {
  name: string
  dir: string
  lockfile: string
  expect: Record<string, string>
  edges?: string[]
  properties?: Record<string, Record<string, string>>
  hashes?: Record<string, string>
  hashCount?: Record<string, number>
}

const cases: Case[] = [
  {
    name: 'npm v1: git / hosted-git / tarball specs are not versions; npm: alias',
    dir: 'npm-v1-git-tarball',
    lockfile: 'package-lock.json',
    expect: {
      'pkg:npm/gh@abcdef1': 'required direct',
      'pkg:npm/gitdep@0123456789abcdef0123456789abcdef01234567': 'required direct',
      'pkg:npm/left-pad@1.2.0': 'required direct',
      'pkg:npm/left-pad@1.3.0': 'required transitive',
      'pkg:npm/tardep@2.0.0': 'required direct'
    },
    edges: ['pkg:npm/gitdep@0123456789abcdef0123456789abcdef01234567 -> pkg:npm/left-pad@1.3.0'],
    properties: {
      'pkg:npm/gitdep@0123456789abcdef0123456789abcdef01234567': {
        'secure-pipeline:npm:resolved':
          'git+ssh://git@github.com/acme/gitdep.git#0123456789abcdef0123456789abcdef01234567'
      },
      'pkg:npm/tardep@2.0.0': {
        'secure-pipeline:npm:resolved': 'https://example.com/tardep-2.0.0.tgz'
      }
    }
  },
  {
    name: 'npm v3: git and tarball entries carry their version; alias and file: link',
    dir: 'npm-v3-sources',
    lockfile: 'package-lock.json',
    expect: {
      'pkg:npm/gitdep@1.4.0': 'required direct',
      'pkg:npm/left-pad@1.2.0': 'required direct',
      'pkg:npm/left-pad@1.3.0': 'required direct',
      'pkg:npm/tardep@2.0.0': 'required direct'
    }
  },
  {
    name: 'yarn berry: npm: alias key, patch: with a nested protocol, git and tarball',
    dir: 'yarn-berry-alias-patch',
    lockfile: 'yarn.lock',
    expect: {
      'pkg:npm/gitdep@2.0.0': 'required direct',
      'pkg:npm/lodash@4.17.21': 'required direct',
      'pkg:npm/resolve@1.22.8': 'required direct',
      'pkg:npm/string-width@4.2.3': 'required direct',
      'pkg:npm/tar@1.0.0': 'required direct'
    },
    properties: { 'pkg:npm/resolve@1.22.8': { 'secure-pipeline:yarn:patched': 'true' } }
  },
  {
    name: 'yarn v1: github:, git+https: and tarball ranges; file: is local',
    dir: 'yarn-v1-sources',
    lockfile: 'yarn.lock',
    expect: {
      'pkg:npm/gitdep2@0.2.0': 'required direct',
      'pkg:npm/gitdep@1.4.0': 'required direct',
      'pkg:npm/left-pad@1.3.0': 'required direct',
      'pkg:npm/tardep@2.0.0': 'required direct'
    }
  },
  {
    name: 'pnpm v9: catalogs, peer suffixes, git/tarball keys, file: and link:',
    dir: 'pnpm-v9-sources',
    lockfile: 'pnpm-lock.yaml',
    expect: {
      'pkg:npm/gitdep@1.4.0': 'required direct',
      'pkg:npm/js-tokens@4.0.0': 'required direct',
      'pkg:npm/loose-envify@1.4.0': 'required transitive',
      'pkg:npm/react-dom@18.2.0': 'required direct',
      'pkg:npm/react@18.2.0': 'required direct',
      'pkg:npm/string-width@4.2.3': 'required direct',
      'pkg:npm/tardep@2.0.0': 'required direct',
      'pkg:npm/typescript@5.4.5': 'dev direct'
    },
    edges: [
      'pkg:npm/loose-envify@1.4.0 -> pkg:npm/js-tokens@4.0.0',
      'pkg:npm/react-dom@18.2.0 -> pkg:npm/loose-envify@1.4.0',
      'pkg:npm/react-dom@18.2.0 -> pkg:npm/react@18.2.0',
      'pkg:npm/react@18.2.0 -> pkg:npm/loose-envify@1.4.0'
    ]
  },
  {
    name: 'pnpm v6: importers reference git / tarball packages by their key',
    dir: 'pnpm-v6-sources',
    lockfile: 'pnpm-lock.yaml',
    expect: {
      'pkg:npm/gitdep@1.4.0': 'required direct',
      'pkg:npm/react-dom@18.2.0': 'required direct',
      'pkg:npm/react@18.2.0': 'required direct',
      'pkg:npm/tardep@2.0.0': 'required direct',
      'pkg:npm/typescript@5.4.5': 'dev direct'
    },
    edges: ['pkg:npm/react-dom@18.2.0 -> pkg:npm/react@18.2.0']
  },
  {
    name: 'poetry lock-version 2.1: git / url sources are packages, directory is local',
    dir: 'poetry-2.1-sources',
    lockfile: 'poetry.lock',
    expect: {
      'pkg:pypi/mylib@1.0.0': 'required direct',
      'pkg:pypi/pytest@8.1.1': 'dev direct',
      'pkg:pypi/requests@2.31.0': 'required direct',
      'pkg:pypi/some-pkg@1.0': 'required transitive',
      'pkg:pypi/urllib3@2.2.1': 'required transitive'
    },
    properties: {
      'pkg:pypi/mylib@1.0.0': { 'secure-pipeline:python:source-type': 'git' }
    }
  },
  {
    name: 'uv.lock: virtual root, editable workspace member, git and url sources',
    dir: 'uv-workspace-git',
    lockfile: 'uv.lock',
    expect: {
      'pkg:pypi/anyio@4.3.0': 'required direct',
      'pkg:pypi/gitpkg@0.3.0': 'required direct',
      'pkg:pypi/httpx@0.27.0': 'required direct',
      'pkg:pypi/pytest-x@1.0.0': 'dev direct'
    },
    edges: [
      'pkg:pypi/gitpkg@0.3.0 -> pkg:pypi/anyio@4.3.0',
      'pkg:pypi/httpx@0.27.0 -> pkg:pypi/anyio@4.3.0'
    ]
  },
  {
    // Was a bug: pnpm 11+ writes an env document (`packageManagerDependencies`,
    // `configDependencies`) before the project lockfile, and the two-document file was rejected
    // as malformed.
    name: 'pnpm-lock.yaml: a leading env document is read with the project lockfile',
    dir: 'pnpm-env-document',
    lockfile: 'pnpm-lock.yaml',
    expect: {
      'pkg:npm/%40acme/pnpm-config@1.2.0': 'dev direct',
      'pkg:npm/%40pnpm/exe.linux-x64@12.3.4': 'dev transitive',
      'pkg:npm/is-number@6.0.0': 'required transitive',
      'pkg:npm/is-odd@3.0.1': 'required direct',
      'pkg:npm/pnpm@12.3.4': 'dev direct'
    },
    edges: [
      'pkg:npm/is-odd@3.0.1 -> pkg:npm/is-number@6.0.0',
      'pkg:npm/pnpm@12.3.4 -> pkg:npm/%40pnpm/exe.linux-x64@12.3.4'
    ]
  },
  {
    // Was a bug: every `optional-dependencies` edge was optional, so `h2` under a required
    // `httpx[http2]` came out optional.
    name: 'uv.lock: an extra turned on by a dependency takes the scope of the edge that asks for it',
    dir: 'uv-activated-extras',
    lockfile: 'uv.lock',
    expect: {
      'pkg:pypi/email-validator@2.1.1': 'dev transitive',
      'pkg:pypi/h2@4.1.0': 'required transitive',
      'pkg:pypi/httpx@0.27.0': 'required direct',
      'pkg:pypi/pydantic@2.7.0': 'dev direct',
      'pkg:pypi/socksio@1.0.0': 'optional transitive',
      'pkg:pypi/uvicorn@0.29.0': 'optional direct',
      'pkg:pypi/watchfiles@0.21.0': 'optional transitive'
    },
    edges: [
      'pkg:pypi/httpx@0.27.0 -> pkg:pypi/h2@4.1.0',
      'pkg:pypi/httpx@0.27.0 -> pkg:pypi/socksio@1.0.0',
      'pkg:pypi/pydantic@2.7.0 -> pkg:pypi/email-validator@2.1.1',
      'pkg:pypi/uvicorn@0.29.0 -> pkg:pypi/watchfiles@0.21.0'
    ]
  },
  {
    name: 'requirements: extras, markers, -c constraints, -e VCS, name @ URL, unpinned ranges',
    dir: 'requirements-direct-refs',
    lockfile: 'requirements.txt',
    expect: {
      'pkg:pypi/editable@0123456789abcdef0123456789abcdef01234567': 'required direct',
      'pkg:pypi/gitreq@v2.0': 'required direct',
      'pkg:pypi/mypkg@1.2.3': 'required direct',
      'pkg:pypi/numpy@1.26.4': 'required direct',
      'pkg:pypi/requests@2.31.0': 'required direct',
      'pkg:pypi/urllib3@2.2.1': 'required direct'
    },
    hashes: {
      'pkg:pypi/mypkg@1.2.3': '4444444444444444444444444444444444444444444444444444444444444444',
      'pkg:pypi/numpy@1.26.4': '2e4ee3380d6de9c9ec04745830fd9e2eccb3e6cf790d39d7b98ffd19b0dd754a'
    },
    properties: {
      'pkg:pypi/gitreq@v2.0': {
        'secure-pipeline:python:source-url': 'git+https://github.com/acme/gitreq.git@v2.0'
      }
    }
  },
  {
    name: 'Pipfile.lock: git entries (locked ref) and remote files; editable paths are local',
    dir: 'pipfile-vcs',
    lockfile: 'Pipfile.lock',
    expect: {
      'pkg:pypi/django@4.2.11': 'required direct',
      'pkg:pypi/mylib@0123456789abcdef0123456789abcdef01234567': 'required direct',
      'pkg:pypi/pytest@8.1.1': 'dev direct',
      'pkg:pypi/requests@2.31.0': 'required direct',
      'pkg:pypi/urlpkg@1.2.3': 'required direct'
    }
  },
  {
    name: 'go.mod: toolchain, godebug block, several require blocks, // indirect, replace',
    dir: 'go-toolchain-godebug',
    lockfile: 'go.mod',
    expect: {
      'pkg:golang/github.com/Masterminds/semver/v3@v3.2.1': 'required direct',
      'pkg:golang/github.com/c/d@v0.0.0-20240101000000-abcdef123456': 'required transitive',
      'pkg:golang/github.com/fork/b@v1.2.4': 'required direct',
      'pkg:golang/github.com/single/line@v0.1.0': 'required direct',
      'pkg:golang/golang.org/x/text@v0.15.0': 'required transitive',
      'pkg:golang/gopkg.in/yaml.v3@v3.0.1': 'required direct'
    },
    properties: {
      'pkg:golang/github.com/fork/b@v1.2.4': {
        'secure-pipeline:go:replaces': 'github.com/a/b@v1.2.3'
      }
    }
  },
  {
    name: 'Cargo.lock: git source, alternative registry, sparse crates.io, two versions',
    dir: 'cargo-git-registry',
    lockfile: 'Cargo.lock',
    expect: {
      'pkg:cargo/gitdep@0.3.0': 'required direct',
      'pkg:cargo/internal@2.0.0': 'required direct',
      'pkg:cargo/serde@0.9.15': 'required direct',
      'pkg:cargo/serde@1.0.197': 'required direct'
    },
    properties: {
      'pkg:cargo/internal@2.0.0': {
        'secure-pipeline:cargo:source': 'registry+https://my-registry.example.com/index'
      }
    }
  },
  {
    name: 'Gemfile.lock: two GEM remotes, platform variants, RUBY VERSION / BUNDLED WITH',
    dir: 'gemfile-platforms',
    lockfile: 'Gemfile.lock',
    expect: {
      'pkg:gem/gitgem@0.5.0': 'required direct',
      'pkg:gem/nokogiri@1.16.2': 'required direct',
      'pkg:gem/private_gem@2.0.0': 'required direct',
      'pkg:gem/racc@1.7.3': 'required transitive',
      'pkg:gem/rack@3.0.9': 'required direct',
      'pkg:gem/rspec@3.13.0': 'required direct'
    },
    properties: {
      'pkg:gem/nokogiri@1.16.2': { 'secure-pipeline:gem:platforms': 'arm64-darwin,x86_64-linux' }
    },
    // CHECKSUMS of every platform variant belong to the collapsed component.
    hashes: {
      'pkg:gem/nokogiri@1.16.2': '7d4d9d8d101e338702e024ad8aeb104cc21ce3f449c3144ef4df555518cfae9e',
      'pkg:gem/rack@3.0.9': '8e9d1a8d5b1863f1e99ed1bd8a1b7bd1ea8e19f704f5859adbcf5cdce5ca7cd9'
    },
    hashCount: { 'pkg:gem/nokogiri@1.16.2': 2, 'pkg:gem/gitgem@0.5.0': 0 }
  },
  {
    name: 'composer.lock: "packages-dev": null, no composer.json, zip / tar / path dists',
    dir: 'composer-dev-null',
    lockfile: 'composer.lock',
    expect: {
      'pkg:composer/monolog/monolog@3.5.0': 'required direct',
      'pkg:composer/psr/log@3.0.0': 'required transitive'
    },
    edges: ['pkg:composer/monolog/monolog@3.5.0 -> pkg:composer/psr/log@3.0.0']
  },
  {
    name: 'packages.lock.json: CentralTransitive, runtime-specific frameworks, projects',
    dir: 'nuget-central',
    lockfile: 'packages.lock.json',
    expect: {
      'pkg:nuget/Microsoft.Extensions.Logging@8.0.0': 'required transitive',
      'pkg:nuget/Newtonsoft.Json@13.0.3': 'required direct',
      'pkg:nuget/Serilog@3.1.1': 'required transitive'
    },
    edges: ['pkg:nuget/Microsoft.Extensions.Logging@8.0.0 -> pkg:nuget/Serilog@3.1.1']
  },
  {
    // Was a bug: settings-gradle.lockfile was not recognised, and the build's own classpath
    // (plugins) came out as required runtime components.
    name: 'settings-gradle.lockfile: the settings classpath is build tooling',
    dir: 'gradle-tooling',
    lockfile: 'settings-gradle.lockfile',
    expect: {
      'pkg:maven/com.gradle/develocity-gradle-plugin@3.17.5': 'dev transitive',
      'pkg:maven/org.gradle.toolchains/foojay-resolver@0.8.0': 'dev transitive'
    }
  },
  {
    name: 'buildscript-gradle.lockfile: the buildscript classpath is build tooling',
    dir: 'gradle-tooling',
    lockfile: 'buildscript-gradle.lockfile',
    expect: {
      'pkg:maven/com.diffplug.spotless/spotless-plugin-gradle@6.25.0': 'dev transitive',
      'pkg:maven/com.google.code.gson/gson@2.10.1': 'dev transitive'
    }
  },
  {
    name: 'gradle.lockfile: empty= line, test-only configurations',
    dir: 'gradle-empty',
    lockfile: 'gradle.lockfile',
    expect: {
      'pkg:maven/com.google.guava/guava@33.0.0-jre': 'required transitive',
      'pkg:maven/junit/junit@4.13.2': 'dev transitive',
      'pkg:maven/org.jetbrains.kotlin/kotlin-stdlib@1.9.22': 'required transitive'
    }
  }
]

describe('format variants', () => {
  test.each(cases.map(c => [c.name, c] as const))('%s', async (_n, c) => {
    const g = (await parseFile(path.join(FIXTURES, c.dir), c.lockfile)).builder.finish()
    expect(view(g)).toEqual(c.expect)
    if (c.edges) expect(edges(g)).toEqual([...c.edges].sort())
    for (const [purl, props] of Object.entries(c.properties ?? {}))
      expect(g.components.find(x => x.purl === purl)?.properties).toMatchObject(props)
    for (const [purl, hex] of Object.entries(c.hashes ?? {}))
      expect(g.components.find(x => x.purl === purl)?.hashes.map(h => h.content)).toContain(hex)
    for (const [purl, count] of Object.entries(c.hashCount ?? {}))
      expect(g.components.find(x => x.purl === purl)?.hashes).toHaveLength(count)
    // No purl carries a URL or a spec where the version belongs.
    for (const comp of g.components) expect(comp.version).not.toMatch(/[:/]/)
  })
})

const sv = shared ? describe : describe.skip
if (!shared) console.log('sbom variants: /work/shared missing, schema validation skipped')
sv('format variants: CycloneDX 1.6 and SPDX 2.3 documents validate', () => {
  test.each(cases.map(c => [c.dir, c] as const))('%s', async (_n, c) => {
    const file = path.join(FIXTURES, c.dir, c.lockfile)
    const cdx = await generate(file, { format: 'cyclonedx-json' })
    expect(schemaErrors('cyclonedx-1.6', JSON.parse(cdx.documents[0].text))).toBe('')
    const spdx = await generate(file, { format: 'spdx-json' })
    expect(schemaErrors('spdx-2.3', JSON.parse(spdx.documents[0].text))).toBe('')
  })
})

// Was a bug: a UTF-16 file (Windows PowerShell 5's `pip freeze > requirements.txt`) was read as
// UTF-8 and rejected as malformed.
describe('byte-order marks', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'sbom-bom-'))
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))
  const text = 'requests==2.31.0\r\nurllib3==2.0.7 ; python_version >= "3.7"\r\n'
  const be = Buffer.from(text, 'utf16le')
  be.swap16()
  test.each([
    ['UTF-16 LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16 BE', Buffer.concat([Buffer.from([0xfe, 0xff]), be])],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])]
  ])('requirements.txt in %s', async (name, bytes) => {
    const dir = path.join(tmp, name.replace(/\W+/g, '-'))
    mkdirSync(dir)
    writeFileSync(path.join(dir, 'requirements.txt'), bytes)
    const g = (await parseFile(dir, 'requirements.txt')).builder.finish()
    expect(view(g)).toEqual({
      'pkg:pypi/requests@2.31.0': 'required direct',
      'pkg:pypi/urllib3@2.0.7': 'required direct'
    })
  })
})
