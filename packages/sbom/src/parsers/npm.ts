/**
 * package-lock.json / npm-shrinkwrap.json, lockfileVersion 1, 2 and 3.
 * v2/v3 are read from `packages` (flat node_modules paths, workspaces, links, aliases, bundled
 * packages); v1 from the nested `dependencies` tree.
 */
import type { EdgeKind, GraphBuilder, Scope } from '../model.js'
import type { ParseInput } from './types.js'
import {
  isObject,
  npmName,
  obj,
  parseJson,
  purl,
  splitAt,
  sriHashes,
  str,
  unsupported,
  type JsonObject
} from '../util.js'

/** package.json dependency fields and the edge each makes. */
export const DEP_FIELDS: [string, EdgeKind][] = [
  ['dependencies', 'prod'],
  ['optionalDependencies', 'optional'],
  ['peerDependencies', 'peer']
]

/** `license` may be a string, `{type}` or an array of those (old manifests). */
export function npmLicense(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined
  if (isObject(value)) return str(value.type)
  if (Array.isArray(value)) {
    const parts = value.map(npmLicense).filter((x): x is string => x !== undefined)
    if (parts.length === 1) return parts[0]
    if (parts.length > 1) return parts.map(p => (/\s/.test(p) ? `(${p})` : p)).join(' OR ')
  }
  return undefined
}

export interface PackageJson {
  name?: string
  version?: string
  description?: string
  license?: string
  /** [name, kind, range] */
  deps: [string, EdgeKind, string][]
  workspaces: string[]
}

/** Reads the parts of a package.json we use; undefined when absent or not an object. */
export function readPackageJson(text: string | undefined): PackageJson | undefined {
  if (text === undefined) return undefined
  let d: unknown
  try {
    d = JSON.parse(text)
  } catch {
    return undefined
  }
  if (!isObject(d)) return undefined
  const deps: [string, EdgeKind, string][] = []
  for (const [field, kind] of [
    ['dependencies', 'prod'],
    ['devDependencies', 'dev'],
    ['optionalDependencies', 'optional'],
    ['peerDependencies', 'peer']
  ] as const) {
    const o = obj(d[field])
    for (const name in o) deps.push([name, kind, str(o[name]) ?? ''])
  }
  const ws = d.workspaces
  const workspaces = Array.isArray(ws)
    ? ws.filter((x): x is string => typeof x === 'string')
    : isObject(ws) && Array.isArray(ws.packages)
      ? ws.packages.filter((x): x is string => typeof x === 'string')
      : []
  const license = npmLicense(d.license)
  return {
    ...(typeof d.name === 'string' ? { name: d.name } : {}),
    ...(typeof d.version === 'string' ? { version: d.version } : {}),
    ...(typeof d.description === 'string' ? { description: d.description } : {}),
    ...(license !== undefined ? { license } : {}),
    deps,
    workspaces
  }
}

function npmPurl(name: string, version: string): string {
  const { namespace, name: n } = npmName(name)
  return purl('npm', namespace, n, version)
}

function parentPath(key: string): string {
  const i = key.lastIndexOf('/node_modules/')
  return i < 0 ? '' : key.slice(0, i)
}

function nameFromKey(key: string): string {
  const i = key.lastIndexOf('node_modules/')
  return i < 0 ? key : key.slice(i + 'node_modules/'.length)
}

function flagScope(e: JsonObject): Scope {
  if (e.dev === true) return 'dev'
  if (e.optional === true || e.devOptional === true) return 'optional'
  return 'required'
}

export function parseNpmLock(input: ParseInput, b: GraphBuilder): void {
  const d = parseJson(input.text, input.file, 'npm lockfile')
  const lv = d.lockfileVersion
  const version = lv === undefined ? 1 : typeof lv === 'number' ? lv : NaN
  if (![1, 2, 3].includes(version)) {
    const line = input.text.split('\n').findIndex(l => l.includes('"lockfileVersion"')) + 1
    throw unsupported(
      input.file,
      line || undefined,
      `unsupported npm lockfileVersion ${JSON.stringify(lv)} (supported: 1, 2, 3)`
    )
  }
  if (version >= 2 && isObject(d.packages)) parsePackages(input, b, d, d.packages)
  else parseV1(input, b, d)
}

function parsePackages(input: ParseInput, b: GraphBuilder, d: JsonObject, pkgs: JsonObject): void {
  const rootEntry = obj(pkgs[''])
  const hasWorkspaces = rootEntry.workspaces !== undefined
  const installed = input.exists('node_modules')
  // package.json is the manifest; the lockfile's "" entry mirrors it (and may be stale).
  const pj = readPackageJson(input.readSibling('package.json'))
  const rootVersion = pj?.version ?? str(rootEntry.version) ?? str(d.version)
  const rootLicense = pj?.license ?? npmLicense(rootEntry.license)
  const rootId = b.addLocal(`local:${input.dir}`, {
    name: pj?.name ?? str(rootEntry.name) ?? str(d.name) ?? input.dirName,
    ...(rootVersion !== undefined ? { version: rootVersion } : {}),
    ...(rootLicense !== undefined ? { license: rootLicense } : {}),
    ...(pj?.description !== undefined ? { description: pj.description } : {}),
    path: input.dir,
    kind: 'root',
    type: 'npm'
  })
  // key → node id (packages and local folders); link entries map to their target.
  const ids = new Map<string, string>()
  ids.set('', rootId)
  const links = new Map<string, string>()
  for (const key in pkgs) {
    if (key === '') continue
    const e = pkgs[key]
    if (!isObject(e)) continue
    if (e.link === true) {
      const target = str(e.resolved)
      if (target !== undefined) links.set(key, target)
      continue
    }
    const nm = key.lastIndexOf('node_modules/')
    if (nm < 0) {
      // A workspace member or a local folder referenced with file:.
      const inside = !key.startsWith('../') && !key.startsWith('/')
      const lic = npmLicense(e.license)
      const ver = str(e.version)
      ids.set(
        key,
        b.addLocal(`local:${input.dir ? input.dir + '/' : ''}${key}`, {
          name: str(e.name) ?? key.split('/').pop()!,
          ...(ver !== undefined ? { version: ver } : {}),
          ...(lic !== undefined ? { license: lic } : {}),
          path: input.dir ? `${input.dir}/${key}` : key,
          kind: hasWorkspaces && inside ? 'workspace' : 'local',
          type: 'npm'
        })
      )
      continue
    }
    const ver = str(e.version)
    if (ver === undefined) continue
    const resolved = str(e.resolved)
    if (resolved !== undefined && resolved.startsWith('file:')) {
      ids.set(
        key,
        b.addLocal(`local:${input.dir}:${key}`, {
          name: str(e.name) ?? nameFromKey(key),
          version: ver,
          path: key,
          kind: 'local'
        })
      )
      continue
    }
    const name = str(e.name) ?? nameFromKey(key)
    let license = npmLicense(e.license)
    if (license === undefined && installed) license = installedLicense(input, key)
    const props: Record<string, string> = {}
    if (e.inBundle === true) props['secure-pipeline:npm:bundled'] = 'true'
    if (str(e.name) !== undefined && str(e.name) !== nameFromKey(key))
      props['secure-pipeline:npm:alias'] = nameFromKey(key)
    const hashes = sriHashes(str(e.integrity))
    ids.set(
      key,
      b.addPackage({
        type: 'npm',
        ...npmName(name),
        version: ver,
        purl: npmPurl(name, ver),
        ...(hashes.length ? { hashes } : {}),
        ...(license !== undefined ? { license } : {}),
        scopeHint: flagScope(e),
        ...(resolved !== undefined && /^https?:/.test(resolved) ? { downloadUrl: resolved } : {}),
        ...(Object.keys(props).length ? { properties: props } : {})
      })
    )
  }
  for (const [key, target] of links) {
    const id = ids.get(target)
    if (id !== undefined) ids.set(key, id)
  }

  const resolve = (from: string, dep: string): string | undefined => {
    let base = from
    for (;;) {
      const id = ids.get(base === '' ? `node_modules/${dep}` : `${base}/node_modules/${dep}`)
      if (id !== undefined) return id
      if (base === '') return undefined
      base = parentPath(base)
    }
  }
  for (const key in pkgs) {
    const from = ids.get(key)
    const e = pkgs[key]
    if (from === undefined || !isObject(e) || e.link === true) continue
    const isRootLike = key === '' || !key.includes('node_modules/')
    const fields: [string, EdgeKind][] = isRootLike
      ? [...DEP_FIELDS, ['devDependencies', 'dev']]
      : DEP_FIELDS
    const peerMeta = obj(e.peerDependenciesMeta)
    for (const [field, kind] of fields) {
      const deps = e[field]
      if (!isObject(deps)) continue
      for (const dep in deps) {
        const to = resolve(key, dep)
        if (to === undefined) continue
        const k = kind === 'peer' && obj(peerMeta[dep]).optional === true ? 'optional' : kind
        b.edge(from, to, k)
      }
    }
  }
}

function installedLicense(input: ParseInput, key: string): string | undefined {
  const manifest = readPackageJsonLicense(input.readSibling(`${key}/package.json`))
  return manifest
}

function readPackageJsonLicense(text: string | undefined): string | undefined {
  if (text === undefined) return undefined
  try {
    const d: unknown = JSON.parse(text)
    return isObject(d) ? (npmLicense(d.license) ?? npmLicense(d.licenses)) : undefined
  } catch {
    return undefined
  }
}

/**
 * A v1 `version` that is a git / hosted-git / tarball spec (not a registry version): the
 * version to report instead — the commit after `#`, or `<name>-<version>.tgz`'s version.
 */
function sourceVersion(name: string, spec: string): { version: string } | undefined {
  if (/^https?:\/\//.test(spec)) {
    const base = decodeURIComponent(spec.replace(/[?#].*$/, '').replace(/.*\//, ''))
    const short = name.slice(name.lastIndexOf('/') + 1)
    const m = /^(.*?)-(\d+\.\d+\.\d+[^/]*?)\.(?:tgz|tar\.gz)$/.exec(base)
    return { version: m && (m[1] === short || m[1] === name) ? m[2] : '' }
  }
  if (
    /^(git\+[a-z]+:|git:|github:|gitlab:|bitbucket:|gist:)/.test(spec) ||
    /^[^/:@]+\/[^/:@]+#/.test(spec)
  ) {
    const hash = spec.lastIndexOf('#')
    return { version: hash >= 0 ? spec.slice(hash + 1) : '' }
  }
  return undefined
}

function parseV1(input: ParseInput, b: GraphBuilder, d: JsonObject): void {
  const pj = readPackageJson(input.readSibling('package.json'))
  const rootId = b.addLocal(`local:${input.dir}`, {
    name: str(d.name) ?? pj?.name ?? input.dirName,
    ...((str(d.version) ?? pj?.version) !== undefined
      ? { version: (str(d.version) ?? pj?.version)! }
      : {}),
    ...(pj?.license !== undefined ? { license: pj.license } : {}),
    path: input.dir,
    kind: 'root',
    type: 'npm'
  })
  interface Scope1 {
    parent: Scope1 | undefined
    ids: Map<string, string>
  }
  const pending: { from: string; scope: Scope1; requires: JsonObject }[] = []
  let localCount = 0
  const walk = (deps: JsonObject, parent: Scope1 | undefined, path: string): Scope1 => {
    const scope: Scope1 = { parent, ids: new Map() }
    const children: [JsonObject, string, number][] = []
    for (const name in deps) {
      const e = deps[name]
      if (!isObject(e)) continue
      let ver = str(e.version) ?? ''
      let realName = name
      if (ver.startsWith('npm:')) {
        const [n, v] = splitAt(ver.slice(4))
        realName = n
        ver = v ?? ''
      }
      let id: string
      if (ver === '' || /^(file|link|workspace|portal):/.test(ver)) {
        id = b.addLocal(`local:${input.dir}:v1:${localCount++}:${name}`, {
          name,
          path: ver.replace(/^[a-z]+:/, ''),
          kind: 'local'
        })
      } else {
        const hashes = sriHashes(str(e.integrity))
        let resolved = str(e.resolved)
        const props: Record<string, string> = {}
        if (e.bundled === true) props['secure-pipeline:npm:bundled'] = 'true'
        // v1 records git and tarball dependencies by their spec instead of a version:
        // the commit (git) or the tarball file name's version stands in, the spec is kept.
        const source = sourceVersion(realName, ver)
        if (source) {
          props['secure-pipeline:npm:resolved'] = ver
          if (/^https?:/.test(ver)) resolved ??= ver
          ver = source.version
        }
        id = b.addPackage({
          type: 'npm',
          ...npmName(realName),
          version: ver,
          purl: npmPurl(realName, ver),
          ...(hashes.length ? { hashes } : {}),
          scopeHint: flagScope(e),
          ...(resolved !== undefined && /^https?:/.test(resolved) ? { downloadUrl: resolved } : {}),
          ...(Object.keys(props).length ? { properties: props } : {})
        })
      }
      scope.ids.set(name, id)
      let idx = -1
      if (isObject(e.requires)) idx = pending.push({ from: id, scope, requires: e.requires }) - 1
      if (isObject(e.dependencies)) children.push([e.dependencies, `${path}/${name}`, idx])
    }
    // Nested trees resolve in their own scope first, then this one's.
    for (const [childDeps, p, idx] of children) {
      const child = walk(childDeps, scope, p)
      if (idx >= 0) pending[idx].scope = child
    }
    return scope
  }
  const top = walk(obj(d.dependencies), undefined, '')
  const lookup = (scope: Scope1 | undefined, name: string): string | undefined => {
    for (let s = scope; s; s = s.parent) {
      const id = s.ids.get(name)
      if (id !== undefined) return id
    }
    return undefined
  }
  for (const p of pending) {
    for (const dep in p.requires) {
      const to = lookup(p.scope, dep)
      if (to !== undefined) b.edge(p.from, to, 'prod')
    }
  }
  if (pj && pj.deps.length > 0) {
    for (const [name, kind] of pj.deps) {
      const to = top.ids.get(name)
      if (to !== undefined) b.edge(rootId, to, kind)
    }
  } else {
    // No manifest: the top-level entries nothing else requires are the direct ones.
    const required = new Set<string>()
    for (const p of pending) for (const dep in p.requires) required.add(dep)
    for (const [name, id] of top.ids) {
      if (!required.has(name)) b.edge(rootId, id, 'prod')
    }
  }
}
