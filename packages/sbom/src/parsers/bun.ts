/**
 * Bun's text lockfile `bun.lock` (bun ≥ 1.2; JSONC: trailing commas, comments), lockfileVersion
 * 0 and 1. `workspaces` mirrors each member's package.json (key = path, `""` the root);
 * `packages` maps an install path (`dep`, `parent/dep`, `@s/a/@s/b`, `workspace-name/dep`) to a
 * tuple: npm `[ "name@1.0.0", registry, {dependencies…}, "sha512-…" ]`, workspace
 * `[ "name@workspace:path" ]`, git/github `[ "name@github:o/r#sha", {…}, "tag" ]`, tarball
 * `[ "name@https://…", {…} ]`, local `[ "name@file:../x", {…} ]`. Dependencies resolve like
 * node_modules: the nearest enclosing install path wins.
 */
import type { EdgeKind, GraphBuilder } from '../model.js'
import { DEP_FIELDS } from './npm.js'
import type { ParseInput } from './types.js'
import {
  escapeRegExp,
  isObject,
  lineOf,
  malformed,
  npmName,
  obj,
  parseJson,
  purl,
  sriHashes,
  str,
  unsupported,
  type JsonObject
} from '../util.js'

/** JSONC → JSON with the same line structure (comments blanked, trailing commas dropped). */
export function stripJsonc(text: string): string {
  const out: string[] = []
  let i = 0
  const n = text.length
  let lastSignificant = -1 // index in `out` of the last non-blank, non-comment character
  while (i < n) {
    const c = text[i]
    if (c === '"') {
      let j = i + 1
      while (j < n && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1
      out.push(text.slice(i, j + 1))
      lastSignificant = out.length - 1
      i = j + 1
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2)
      const stop = end < 0 ? n : end + 2
      out.push(text.slice(i, stop).replace(/[^\n]/g, ' '))
      i = stop
    } else if (c === '}' || c === ']') {
      if (lastSignificant >= 0 && out[lastSignificant] === ',') out[lastSignificant] = ' '
      out.push(c)
      lastSignificant = out.length - 1
      i++
    } else {
      out.push(c)
      if (c !== ' ' && c !== '\n' && c !== '\t' && c !== '\r') lastSignificant = out.length - 1
      i++
    }
  }
  return out.join('')
}

/** `@s/a/@s/b/c` → ['@s/a', '@s/b', 'c'] */
function segments(key: string): string[] {
  const parts = key.split('/')
  const out: string[] = []
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].startsWith('@') && i + 1 < parts.length) out.push(`${parts[i]}/${parts[++i]}`)
    else out.push(parts[i])
  }
  return out
}

/** Splits `name@resolution` at the `@` that ends the (possibly scoped) name. */
function splitIdent(ident: string): [string, string] | undefined {
  const at = ident.indexOf('@', ident.startsWith('@') ? ident.indexOf('/') + 1 : 1)
  if (at <= 0) return undefined
  return [ident.slice(0, at), ident.slice(at + 1)]
}

export function parseBunLock(input: ParseInput, b: GraphBuilder): void {
  const d = parseJson(stripJsonc(input.text), input.file, 'bun.lock')
  const lv = d.lockfileVersion
  if (lv !== 0 && lv !== 1) {
    throw unsupported(
      input.file,
      lineOf(input.text, '"lockfileVersion"'),
      `unsupported bun.lock lockfileVersion ${JSON.stringify(lv ?? null)} (supported: 0, 1)`
    )
  }
  const workspaces = obj(d.workspaces)
  const packages = d.packages
  if (packages !== undefined && !isObject(packages))
    throw malformed(
      input.file,
      lineOf(input.text, '"packages"'),
      'bun.lock: "packages" is not an object'
    )
  const pkgs = obj(packages)
  const lineOfKey = (key: string): number =>
    lineOf(input.text, new RegExp(`^\\s*"${escapeRegExp(key)}"\\s*:`, 'm'))

  // Workspaces: the root ("") and members, keyed by path; also found by name.
  const wsIds = new Map<string, string>()
  const wsByName = new Map<string, string>()
  const wsKeys = Object.keys(workspaces).sort((a, b2) =>
    a === '' ? -1 : b2 === '' ? 1 : a < b2 ? -1 : 1
  )
  if (!wsKeys.includes('')) wsKeys.unshift('')
  for (const key of wsKeys) {
    const w = obj(workspaces[key])
    const name = str(w.name) ?? (key === '' ? input.dirName : key.slice(key.lastIndexOf('/') + 1))
    const path = key === '' ? input.dir : input.dir ? `${input.dir}/${key}` : key
    const id = b.addLocal(key === '' ? `local:${input.dir}` : `local:${input.dir}:bun-ws:${key}`, {
      name,
      ...(str(w.version) ? { version: str(w.version)! } : {}),
      path,
      kind: key === '' ? 'root' : 'workspace',
      type: 'npm'
    })
    wsIds.set(key, id)
    wsByName.set(name, key)
  }

  // Packages.
  const ids = new Map<string, string>()
  const infos = new Map<string, JsonObject>()
  for (const [key, raw] of Object.entries(pkgs)) {
    if (!Array.isArray(raw) || typeof raw[0] !== 'string')
      throw malformed(
        input.file,
        lineOfKey(key),
        `bun.lock: package "${key}" is not a [ident, …] tuple`
      )
    const tuple = raw
    const ident = raw[0]
    const split = splitIdent(ident)
    if (!split) throw malformed(input.file, lineOfKey(key), `bun.lock: cannot read "${ident}"`)
    const [name, res] = split
    const { namespace, name: short } = npmName(name)
    if (!short || namespace === '@')
      throw malformed(input.file, lineOfKey(key), `bun.lock: bad package name in "${ident}"`)
    if (res.startsWith('workspace:')) {
      const wsPath = res.slice('workspace:'.length)
      const id =
        wsIds.get(wsPath) ?? (wsByName.has(name) ? wsIds.get(wsByName.get(name)!) : undefined)
      if (id) ids.set(key, id)
      else
        ids.set(
          key,
          b.addLocal(`local:${input.dir}:bun-ws:${wsPath}`, {
            name,
            path: input.dir ? `${input.dir}/${wsPath}` : wsPath,
            kind: 'workspace',
            type: 'npm'
          })
        )
      continue
    }
    if (/^(file|link|portal|root):/.test(res)) {
      const info = obj(tuple[1])
      const id = b.addLocal(`local:${input.dir}:bun:${key}`, {
        name,
        ...(str(info.version) ? { version: str(info.version)! } : {}),
        path: res.slice(res.indexOf(':') + 1),
        kind: 'local',
        type: 'npm'
      })
      ids.set(key, id)
      infos.set(key, info)
      continue
    }
    const props: Record<string, string> = {}
    let version: string
    let info: JsonObject
    let integrity: string | undefined
    let downloadUrl: string | undefined
    if (/^(github:|gitlab:|bitbucket:|git\+|git:|git@)/.test(res)) {
      info = obj(tuple[1])
      const hash = res.lastIndexOf('#')
      const commit = hash >= 0 ? res.slice(hash + 1) : (str(tuple[2]) ?? '')
      version = str(info.version) ?? commit
      props['secure-pipeline:npm:resolved'] = res
      if (commit) props['secure-pipeline:npm:commit'] = commit
    } else if (/^https?:\/\//.test(res)) {
      info = obj(tuple[1])
      integrity = str(tuple[2])
      const base = res.slice(res.lastIndexOf('/') + 1)
      const m = new RegExp(`^${escapeRegExp(short)}-(\\d[^/]*?)\\.(tgz|tar\\.gz)$`).exec(base)
      version = str(info.version) ?? m?.[1] ?? ''
      downloadUrl = res
      props['secure-pipeline:npm:resolved'] = res
    } else {
      // npm registry: [ident, registry URL ('' = default), info, integrity]
      version = res
      info = obj(tuple[2])
      integrity = str(tuple[3])
      const registry = str(tuple[1])
      // A tarball URL when the package does not come from the default registry.
      if (registry && /^https?:\/\//.test(registry)) {
        downloadUrl = registry
        if (!/^https:\/\/registry\.(npmjs\.org|yarnpkg\.com)\//.test(registry))
          props['secure-pipeline:npm:resolved'] = registry
      }
    }
    const hashes = sriHashes(integrity)
    const id = b.addPackage({
      type: 'npm',
      ...(namespace ? { namespace } : {}),
      name: short,
      version,
      purl: purl('npm', namespace, short, version),
      ...(hashes.length ? { hashes } : {}),
      ...(downloadUrl ? { downloadUrl } : {}),
      ...(Object.keys(props).length ? { properties: props } : {})
    })
    ids.set(key, id)
    infos.set(key, info)
  }

  /** The install path a dependency `dep` of the package at `from` resolves to. */
  const resolve = (from: string[], dep: string): string | undefined => {
    for (let n = from.length; n >= 0; n--) {
      const k = [...from.slice(0, n), dep].join('/')
      if (ids.has(k)) return k
    }
    return undefined
  }

  for (const [key, info] of infos) {
    const from = ids.get(key)!
    const segs = segments(key)
    const optionalPeers = new Set(
      Array.isArray(info.optionalPeers) ? info.optionalPeers.filter(x => typeof x === 'string') : []
    )
    for (const [field, kind] of DEP_FIELDS) {
      for (const dep of Object.keys(obj(info[field]))) {
        const k = resolve(segs, dep)
        if (k === undefined) continue
        b.edge(from, ids.get(k)!, kind === 'peer' && optionalPeers.has(dep) ? 'optional' : kind)
      }
    }
  }

  for (const [key, id] of wsIds) {
    const w = obj(workspaces[key])
    const name = str(w.name)
    for (const [field, kind] of [...DEP_FIELDS, ['devDependencies', 'dev'] as [string, EdgeKind]]) {
      for (const dep of Object.keys(obj(w[field]))) {
        // A member's own resolution is keyed under its name (or path) when it differs.
        const k =
          (name && ids.has(`${name}/${dep}`) ? `${name}/${dep}` : undefined) ??
          (key && ids.has(`${key}/${dep}`) ? `${key}/${dep}` : undefined) ??
          (ids.has(dep) ? dep : undefined)
        if (k !== undefined) b.edge(id, ids.get(k)!, kind)
        else if (wsByName.has(dep)) b.edge(id, wsIds.get(wsByName.get(dep)!)!, kind)
      }
    }
  }
}
