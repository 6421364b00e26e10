/** composer.lock, packages.lock.json (NuGet) and gradle lockfiles. */
import type { GraphBuilder, Hash } from '../model.js'
import type { ParseInput } from './types.js'
import {
  arr,
  base64Hash,
  hexHash,
  isObject,
  lineAt,
  malformed,
  obj,
  parseJson,
  purl,
  str,
  unsupported
} from '../util.js'

// ---------------------------------------------------------------- composer.lock

function composerLicense(v: unknown): string | undefined {
  const list = arr(v).filter((x): x is string => typeof x === 'string')
  if (list.length === 0) return typeof v === 'string' ? v : undefined
  // composer's license array means "any of" (disjunctive) per its schema.
  return list.length === 1 ? list[0] : list.map(l => (/\s/.test(l) ? `(${l})` : l)).join(' OR ')
}

function composerPurl(
  name: string,
  version: string
): { namespace?: string; name: string; purl: string } {
  const slash = name.indexOf('/')
  const ns = slash > 0 ? name.slice(0, slash) : undefined
  const n = slash > 0 ? name.slice(slash + 1) : name
  return { ...(ns ? { namespace: ns } : {}), name: n, purl: purl('composer', ns, n, version) }
}

const PLATFORM_PKG = /^(php|hhvm|ext-|lib-|composer-plugin-api$|composer-runtime-api$|composer$)/

export function parseComposerLock(input: ParseInput, b: GraphBuilder): void {
  const d = parseJson(input.text, input.file, 'composer.lock')
  let manifest: Record<string, unknown> | undefined
  const mt = input.readSibling('composer.json')
  if (mt !== undefined) {
    try {
      const m: unknown = JSON.parse(mt)
      if (isObject(m)) manifest = m
    } catch {
      manifest = undefined
    }
  }
  const rootId = b.addLocal(`local:${input.dir}`, {
    name: str(manifest?.name) ?? input.dirName,
    ...(str(manifest?.version) ? { version: str(manifest?.version)! } : {}),
    ...(str(manifest?.description) ? { description: str(manifest?.description)! } : {}),
    ...(composerLicense(manifest?.license) ? { license: composerLicense(manifest?.license)! } : {}),
    path: input.dir,
    kind: 'root',
    type: 'composer'
  })
  const byName = new Map<string, string>()
  const entries: [string, Record<string, unknown>, 'required' | 'dev'][] = []
  for (const [field, scope] of [
    ['packages', 'required'],
    ['packages-dev', 'dev']
  ] as const) {
    const list = d[field]
    // `"packages-dev": null` (seen in the wild) means none.
    if (list !== undefined && list !== null && !Array.isArray(list))
      throw malformed(input.file, undefined, `composer.lock: "${field}" is not a list`)
    for (const p of arr(list)) {
      const e = obj(p)
      const name = str(e.name)
      const version = str(e.version)
      if (!name || !version)
        throw malformed(
          input.file,
          lineAt(input.text, Math.max(0, input.text.indexOf(`"${name ?? ''}"`))),
          'composer.lock: package without name/version'
        )
      const dist = obj(e.dist)
      let id: string
      if (str(dist.type) === 'path') {
        id = b.addLocal(`local:${input.dir}:composer:${name}`, {
          name,
          version,
          path: str(dist.url) ?? '',
          kind: 'local'
        })
      } else {
        const h = hexHash('SHA-1', str(dist.shasum))
        const license = composerLicense(e.license)
        const url = str(dist.url)
        id = b.addPackage({
          type: 'composer',
          ...composerPurl(name, version),
          version,
          ...(h ? { hashes: [h] } : {}),
          ...(license ? { license } : {}),
          scopeHint: scope,
          ...(url && /^https?:/.test(url) ? { downloadUrl: url } : {})
        })
      }
      byName.set(name.toLowerCase(), id)
      entries.push([id, e, scope])
    }
  }
  for (const [id, e] of entries) {
    for (const dep of Object.keys(obj(e.require))) {
      if (PLATFORM_PKG.test(dep)) continue
      const to = byName.get(dep.toLowerCase())
      if (to) b.edge(id, to, 'prod')
    }
  }
  if (manifest) {
    for (const [field, kind] of [
      ['require', 'prod'],
      ['require-dev', 'dev']
    ] as const) {
      for (const dep of Object.keys(obj(manifest[field]))) {
        const to = byName.get(dep.toLowerCase())
        if (to) b.edge(rootId, to, kind)
      }
    }
  } else {
    // No composer.json: the packages no other package requires are the project's own.
    const required = new Set<string>()
    for (const [, e] of entries)
      for (const dep of Object.keys(obj(e.require))) required.add(dep.toLowerCase())
    for (const [id, e, scope] of entries) {
      if (required.has((str(e.name) ?? '').toLowerCase())) continue
      b.edge(rootId, id, scope === 'dev' ? 'dev' : 'prod')
    }
  }
}

// ---------------------------------------------------------------- NuGet packages.lock.json

export function parseNugetLock(input: ParseInput, b: GraphBuilder): void {
  const d = parseJson(input.text, input.file, 'packages.lock.json')
  const version = d.version
  if (version !== 1 && version !== 2) {
    const i = input.text.indexOf('"version"')
    throw unsupported(
      input.file,
      i < 0 ? 1 : lineAt(input.text, i),
      `unsupported packages.lock.json version ${JSON.stringify(version ?? null)} (supported: 1, 2)`
    )
  }
  const rootId = b.addLocal(`local:${input.dir}`, {
    name: input.dirName,
    path: input.dir,
    kind: 'root',
    type: 'nuget'
  })
  // NuGet ids are case-insensitive: keep the first spelling seen for each id+version.
  const canonical = new Map<string, string>()
  const frameworks = obj(d.dependencies)
  for (const fw of Object.keys(frameworks)) {
    const deps = obj(frameworks[fw])
    const resolvedIn = new Map<string, string>()
    for (const [name, v] of Object.entries(deps)) {
      const e = obj(v)
      const type = str(e.type)
      if (type === 'Project') {
        resolvedIn.set(
          name.toLowerCase(),
          b.addLocal(`local:${input.dir}:nuget:${name.toLowerCase()}`, {
            name,
            path: '',
            kind: 'local'
          })
        )
        continue
      }
      const ver = str(e.resolved)
      if (!ver) continue
      const key = `${name.toLowerCase()}@${ver.toLowerCase()}`
      let id = canonical.get(key)
      if (id === undefined) {
        const h: Hash | undefined = base64Hash('SHA-512', str(e.contentHash))
        id = b.addPackage({
          type: 'nuget',
          name,
          version: ver,
          purl: purl('nuget', undefined, name, ver),
          ...(h ? { hashes: [h] } : {})
        })
        canonical.set(key, id)
      }
      resolvedIn.set(name.toLowerCase(), id)
    }
    for (const [name, v] of Object.entries(deps)) {
      const e = obj(v)
      const from = resolvedIn.get(name.toLowerCase())
      if (!from) continue
      const type = str(e.type)
      if (type === 'Direct') b.edge(rootId, from, 'prod')
      if (type === 'Project') b.edge(rootId, from, 'prod')
      for (const dep of Object.keys(obj(e.dependencies))) {
        const to = resolvedIn.get(dep.toLowerCase())
        if (to) b.edge(from, to, 'prod')
      }
    }
  }
}

// ---------------------------------------------------------------- gradle.lockfile

export function parseGradleLockfile(input: ParseInput, b: GraphBuilder): void {
  const rootId = b.addLocal(`local:${input.dir}`, {
    name: input.dirName,
    path: input.dir,
    kind: 'root',
    type: 'maven'
  })
  void rootId
  const lines = input.text.split('\n')
  // Older per-configuration files (gradle/dependency-locks/<conf>.lockfile) have no "=confs".
  const fileConf = /([^/]+)\.lockfile$/.exec(input.file)?.[1]
  // buildscript-gradle.lockfile / settings-gradle.lockfile lock the build's own classpath
  // (plugins, version catalogs): build tooling, not part of what the project ships.
  const tooling = /(^|\/)(buildscript|settings)-gradle\.lockfile$/.test(input.file)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim()
    if (!line || line.startsWith('#') || line.startsWith('empty=')) continue
    const eq = line.indexOf('=')
    const coord = eq < 0 ? line : line.slice(0, eq)
    const confs =
      eq < 0
        ? fileConf && fileConf !== 'gradle'
          ? [fileConf]
          : []
        : line
            .slice(eq + 1)
            .split(',')
            .filter(Boolean)
    const parts = coord.split(':')
    if (parts.length < 3 || parts.some(p => p === ''))
      throw malformed(
        input.file,
        i + 1,
        `gradle lockfile: expected group:artifact:version, got "${coord.slice(0, 80)}"`
      )
    const [group, artifact, version] = parts as [string, string, string]
    const testOnly = confs.length > 0 && confs.every(c => /test/i.test(c))
    b.addPackage({
      type: 'maven',
      namespace: group,
      name: artifact,
      version,
      purl: purl('maven', group, artifact, version),
      scopeHint: tooling || testOnly ? 'dev' : 'required',
      ...(confs.length
        ? { properties: { 'secure-pipeline:gradle:configurations': [...confs].sort().join(',') } }
        : {})
    })
  }
}
