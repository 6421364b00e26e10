/** Cargo.lock (v1–v4). Crates without `source` are workspace/path crates (first-party). */
import type { GraphBuilder } from '../model.js'
import type { ParseInput } from './types.js'
import {
  arr,
  hexHash,
  lineAt,
  malformed,
  obj,
  parseTomlFile,
  purl,
  str,
  unsupported,
  type Json,
  type JsonObject
} from '../util.js'

/** A plain TOML basic string without escapes (`"..."`), or undefined. */
function plainString(v: string): string | undefined {
  if (v.length < 2 || v.charCodeAt(0) !== 34 || v.charCodeAt(v.length - 1) !== 34) return undefined
  const inner = v.slice(1, -1)
  return inner.includes('"') || inner.includes('\\') ? undefined : inner
}

/**
 * Cargo writes Cargo.lock in one fixed shape (`[[package]]` tables of `key = "string"` lines and
 * multi-line string arrays, `[metadata]` in v1). That shape is read directly, without a general
 * TOML parser; anything else (escapes, inline tables, other sections, duplicate keys, a
 * truncated array) returns undefined and the file goes through the TOML parser instead, which
 * also produces the error positions.
 */
export function scanCargoLock(text: string): JsonObject | undefined {
  const top: JsonObject = {}
  const packages: JsonObject[] = []
  const metadata: JsonObject = {}
  let target: JsonObject = top
  let array: Json[] | undefined
  let start = 0
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    let line = text.slice(start, end)
    start = end + 1
    if (line.endsWith('\r')) line = line.slice(0, -1)
    if (array) {
      if (line === ']') {
        array = undefined
        continue
      }
      const t = line.trim()
      const v = plainString(t.endsWith(',') ? t.slice(0, -1) : t)
      if (v === undefined) return undefined
      array.push(v)
      continue
    }
    if (line === '' || line.startsWith('#')) continue
    if (line === '[[package]]') {
      target = {}
      packages.push(target)
      continue
    }
    if (line === '[metadata]' && !('metadata' in top)) {
      target = metadata
      top.metadata = metadata
      continue
    }
    const eq = line.indexOf(' = ')
    if (eq <= 0) return undefined
    let key = line.slice(0, eq)
    if (key.startsWith('"')) {
      const k = plainString(key)
      if (k === undefined) return undefined
      key = k
    } else if (!/^[A-Za-z0-9_-]+$/.test(key)) return undefined
    if (key in target) return undefined
    const raw = line.slice(eq + 3)
    if (raw === '[') {
      array = []
      target[key] = array
      continue
    }
    if (raw === '[]') {
      target[key] = []
      continue
    }
    const sv = plainString(raw)
    if (sv !== undefined) target[key] = sv
    else if (target === top && /^[0-9]+$/.test(raw)) target[key] = Number(raw)
    else return undefined
  }
  if (array) return undefined
  if (packages.length > 0) top.package = packages
  return top
}

export function parseCargoLock(input: ParseInput, b: GraphBuilder): void {
  const d = scanCargoLock(input.text) ?? parseTomlFile(input.text, input.file, 'Cargo.lock')
  const version = d.version
  if (version !== undefined && ![1, 2, 3, 4].includes(version as number)) {
    const i = input.text.search(/^version\s*=/m)
    throw unsupported(
      input.file,
      i < 0 ? 1 : lineAt(input.text, i),
      `unsupported Cargo.lock version ${JSON.stringify(version)} (supported: 1-4)`
    )
  }
  const manifest = readCargoToml(input.readSibling('Cargo.toml'))
  const v1Checksums = obj(d.metadata)
  const pkgs = arr(d.package).map(p => obj(p))
  const ids: string[] = []
  const byName = new Map<string, { id: string; version: string; source?: string }[]>()
  let rootId: string | undefined
  for (const e of pkgs) {
    const name = str(e.name)
    const ver = str(e.version)
    if (!name || !ver)
      throw malformed(input.file, undefined, 'Cargo.lock: package without name/version')
    const source = str(e.source)
    let id: string
    if (source === undefined) {
      const isRoot = manifest?.name === name
      id = b.addLocal(`local:${input.dir}:cargo:${name}@${ver}`, {
        name,
        version: ver,
        path: input.dir,
        kind:
          isRoot || (manifest?.name === undefined && rootId === undefined) ? 'root' : 'workspace',
        type: 'cargo',
        ...(isRoot && manifest?.description ? { description: manifest.description } : {}),
        ...(isRoot && manifest?.license ? { license: manifest.license } : {})
      })
      if (b.localInfo(id)?.kind === 'root') rootId = id
    } else {
      const checksum = str(e.checksum) ?? str(v1Checksums[`checksum ${name} ${ver} (${source})`])
      const h = hexHash('SHA-256', checksum)
      const props: Record<string, string> = {}
      if (
        !source.startsWith('registry+https://github.com/rust-lang/crates.io-index') &&
        !source.startsWith('sparse+https://index.crates.io/')
      )
        props['secure-pipeline:cargo:source'] = source
      id = b.addPackage({
        type: 'cargo',
        name,
        version: ver,
        purl: purl('cargo', undefined, name, ver),
        ...(h ? { hashes: [h] } : {}),
        ...(Object.keys(props).length ? { properties: props } : {})
      })
    }
    ids.push(id)
    const list = byName.get(name) ?? []
    list.push({ id, version: ver, ...(source !== undefined ? { source } : {}) })
    byName.set(name, list)
  }
  pkgs.forEach((e, i) => {
    for (const dep of arr(e.dependencies)) {
      const s = str(dep)
      if (!s) continue
      // "name", "name version" or "name version (source)"
      const [n, v] = s.split(' ')
      const cands = byName.get(n) ?? []
      const hit = v === undefined ? cands[0] : cands.find(c => c.version === v)
      if (hit) b.edge(ids[i], hit.id, 'prod')
    }
  })
  if (rootId === undefined) {
    // A virtual workspace: a synthetic root depending on every member.
    const id = b.addLocal(`local:${input.dir}`, {
      name: input.dirName,
      path: input.dir,
      kind: 'root',
      type: 'cargo'
    })
    for (const m of ids) if (b.isLocal(m) && m !== id) b.edge(id, m, 'prod')
  }
}

function readCargoToml(
  text: string | undefined
): { name?: string; description?: string; license?: string } | undefined {
  if (text === undefined) return undefined
  try {
    const d = parseTomlFile(text, 'Cargo.toml', 'Cargo.toml')
    const p = obj(d.package)
    const name = str(p.name)
    const description = str(p.description)
    const license = str(p.license)
    return {
      ...(name !== undefined ? { name } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(license !== undefined ? { license } : {})
    }
  } catch {
    return undefined
  }
}
