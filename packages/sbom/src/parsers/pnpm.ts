/**
 * pnpm-lock.yaml, lockfileVersion 5.x, 6.x, 7.x and 9.x.
 * v5: keys `/name/1.0.0_peer`; v6: `/name@1.0.0(peer@1)`; v9: `name@1.0.0` in `packages`
 * (metadata) with the graph and peer variants in `snapshots`, and no `dev` flags — dev/prod is
 * derived by walking from the importers.
 *
 * pnpm 11+ may write the file as two YAML documents: a leading "env" document (the pnpm version
 * the project resolved, `packageManagerDependencies`, and `configDependencies`, with their own
 * `packages` / `snapshots`) and the project lockfile last. Both are read: the env document's
 * packages are real installs, reached from the root project as tooling (dev) edges.
 */
import type { EdgeKind, GraphBuilder } from '../model.js'
import type { ParseInput } from './types.js'
import {
  isObject,
  lineAt,
  npmName,
  obj,
  purl,
  sriHashes,
  str,
  unsupported,
  type JsonObject
} from '../util.js'
import { readPackageJson } from './npm.js'
import { parseYamlDocuments } from '../yaml.js'

const IMPORTER_FIELDS: [string, EdgeKind][] = [
  ['dependencies', 'prod'],
  ['devDependencies', 'dev'],
  ['optionalDependencies', 'optional']
]
/** What an env document's importer lists: installed for pnpm itself, not for the project. */
const ENV_IMPORTER_FIELDS: [string, EdgeKind][] = [
  ['configDependencies', 'dev'],
  ['packageManagerDependencies', 'dev']
]
const PACKAGE_FIELDS: [string, EdgeKind][] = [
  ['dependencies', 'prod'],
  ['optionalDependencies', 'optional']
]

function stripPeers(key: string): string {
  const i = key.indexOf('(')
  return i < 0 ? key : key.slice(0, i)
}

function joinPath(base: string, rel: string): string {
  const parts = base === '' || base === '.' ? [] : base.split('/')
  for (const p of rel.split('/')) {
    if (p === '' || p === '.') continue
    if (p === '..') parts.pop()
    else parts.push(p)
  }
  return parts.join('/')
}

export function parsePnpmLock(input: ParseInput, b: GraphBuilder): void {
  const docs = parseYamlDocuments(input.text, input.file, 'pnpm-lock.yaml')
  // The project lockfile is the last document; any before it are env documents.
  docs.forEach((d, i) => readDocument(input, b, d, i < docs.length - 1))
}

function readDocument(input: ParseInput, b: GraphBuilder, d: JsonObject, env: boolean): void {
  const lvRaw = str(d.lockfileVersion)
  const major = lvRaw === undefined ? NaN : Number.parseInt(lvRaw, 10)
  if (![5, 6, 7, 9].includes(major)) {
    const i = input.text.indexOf('lockfileVersion')
    throw unsupported(
      input.file,
      i < 0 ? 1 : lineAt(input.text, i),
      `unsupported pnpm lockfileVersion ${JSON.stringify(d.lockfileVersion ?? null)} (supported: 5.x, 6.x, 7.x, 9.x)`
    )
  }
  const v9 = major >= 9
  const packages = obj(d.packages)
  const snapshots = v9 ? obj(d.snapshots) : packages

  /** Package key (without peers, as in `packages`) for a dependency reference. */
  const keyFor = (name: string, ref: string): string => {
    if (v9) {
      // An alias reference is the full `real@version`.
      const at = ref.indexOf('@', 1)
      const paren = ref.indexOf('(')
      if (at > 0 && (paren < 0 || at < paren) && !/^(file|link):/.test(ref)) return ref
      return `${name}@${ref}`
    }
    if (ref.startsWith('/') || ref.startsWith('file:')) return ref
    // Git / tarball dependencies are referenced by their package key itself
    // (`github.com/o/r/<sha>`, `@example.com/x-1.0.0.tgz`); a version never has a `/`.
    if (stripPeers(ref).includes('/')) return ref
    return major === 5 ? `/${name}/${ref}` : `/${name}@${ref}`
  }

  const nameVersion = (key: string, e: JsonObject): [string, string] | undefined => {
    const k = stripPeers(key)
    let name: string
    let version: string | undefined
    if (v9 || major >= 6) {
      const kk = k.startsWith('/') ? k.slice(1) : k
      const at = kk.indexOf('@', 1)
      name = at < 0 ? kk : kk.slice(0, at)
      version = at < 0 ? undefined : kk.slice(at + 1)
    } else {
      const kk = (k.startsWith('/') ? k.slice(1) : k).replace(/_.*$/, '')
      const slash = kk.lastIndexOf('/')
      name = slash < 0 ? kk : kk.slice(0, slash)
      version = slash < 0 ? undefined : kk.slice(slash + 1)
    }
    name = str(e.name) ?? name
    version = str(e.version) ?? version
    if (!version) return undefined
    return [name, version]
  }

  // Packages (metadata) → node ids; local file: packages become local nodes.
  const ids = new Map<string, string>()
  for (const key in packages) {
    const e = obj(packages[key])
    const bare = stripPeers(key)
    const res = obj(e.resolution)
    const nv = nameVersion(key, e)
    const isLocal =
      bare.startsWith('file:') ||
      bare.startsWith('link:') ||
      /@(file|link|workspace):/.test(bare) ||
      str(res.type) === 'directory'
    if (isLocal || nv === undefined) {
      const dir = str(res.directory) ?? bare.replace(/^.*?(file|link):/, '')
      ids.set(
        bare,
        b.addLocal(`local:${joinPath(input.dir, dir)}`, {
          name: nv?.[0] ?? str(e.name) ?? dir,
          path: joinPath(input.dir, dir),
          kind: 'local',
          type: 'npm'
        })
      )
      continue
    }
    const [name, version] = nv
    const hashes = sriHashes(str(res.integrity))
    const tarball = str(res.tarball)
    const dev = e.dev
    ids.set(
      bare,
      b.addPackage({
        type: 'npm',
        ...npmName(name),
        version,
        purl: purl('npm', npmName(name).namespace, npmName(name).name, version),
        ...(hashes.length ? { hashes } : {}),
        ...(tarball && /^https?:/.test(tarball) ? { downloadUrl: tarball } : {}),
        ...(dev === true
          ? { scopeHint: 'dev' as const }
          : dev === false
            ? { scopeHint: e.optional === true ? ('optional' as const) : ('required' as const) }
            : {})
      })
    )
  }
  const idOf = (key: string): string | undefined => ids.get(stripPeers(key))

  // Edges from snapshots (v9) or packages (older).
  for (const key in snapshots) {
    const from = idOf(key)
    if (from === undefined) continue
    const e = obj(snapshots[key])
    for (const [field, kind] of PACKAGE_FIELDS) {
      const deps = obj(e[field])
      for (const dep in deps) {
        const ref = str(deps[dep])
        if (ref === undefined) continue
        if (ref.startsWith('link:')) continue
        const to = idOf(keyFor(dep, ref))
        if (to !== undefined) b.edge(from, to, kind)
      }
    }
  }

  // Importers: the root project and workspace members.
  let importers = obj(d.importers)
  if (!isObject(d.importers)) {
    importers = { '.': d }
  }
  const importerIds = new Map<string, string>()
  for (const path in importers) {
    const rel = joinPath('', path)
    const full = joinPath(input.dir, rel)
    const pj = readPackageJson(input.readSibling(rel ? `${rel}/package.json` : 'package.json'))
    importerIds.set(
      rel,
      b.addLocal(`local:${full}`, {
        name: pj?.name ?? (rel ? rel.split('/').pop()! : input.dirName),
        ...(pj?.version !== undefined ? { version: pj.version } : {}),
        ...(pj?.license !== undefined ? { license: pj.license } : {}),
        ...(pj?.description !== undefined ? { description: pj.description } : {}),
        path: full,
        kind: rel === '' ? 'root' : 'workspace',
        type: 'npm'
      })
    )
  }
  for (const path in importers) {
    const rel = joinPath('', path)
    const from = importerIds.get(rel)!
    const imp = obj(importers[path])
    const specifiers = obj(imp.specifiers)
    for (const [field, kind] of env ? ENV_IMPORTER_FIELDS : IMPORTER_FIELDS) {
      const deps = obj(imp[field])
      for (const dep in deps) {
        const v = deps[dep]
        const ref = isObject(v) ? str(v.version) : str(v)
        if (ref === undefined) continue
        void specifiers
        if (ref.startsWith('link:')) {
          const target = joinPath(rel, ref.slice(5))
          const to =
            importerIds.get(target) ??
            b.addLocal(`local:${joinPath(input.dir, target)}`, {
              name: dep,
              path: joinPath(input.dir, target),
              kind: 'local',
              type: 'npm'
            })
          b.edge(from, to, kind)
          continue
        }
        const to = idOf(keyFor(dep, ref))
        if (to !== undefined) b.edge(from, to, kind)
      }
    }
  }
}
