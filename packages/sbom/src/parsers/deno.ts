/**
 * Deno's `deno.lock`, versions 3, 4 and 5. v3 nests `specifiers`/`jsr`/`npm` under `packages`
 * and maps specifiers to `jsr:@s/n@1.0.0` / `npm:n@1.0.0`; v4/v5 have them at the top level
 * and map specifiers to bare versions. npm entries carry an SRI `integrity` and dependencies
 * (v3: `{name: "name@version"}`; v4+: `["name", "name@version"]`); jsr entries list dependency
 * specifiers. `workspace` (and its `packageJson` / `members`) names the project's own
 * specifiers. `remote` URL imports are not packages of a registry and are not reported.
 * JSR packages have no purl type in the purl specification yet: they are `pkg:jsr`.
 */
import type { GraphBuilder, Hash } from '../model.js'
import type { ParseInput } from './types.js'
import {
  arr,
  isObject,
  lineOf,
  npmName,
  obj,
  parseJson,
  purl,
  sriHashes,
  str,
  unsupported,
  type JsonObject
} from '../util.js'

/** `@scope/name@1.0.0_peer@2` → ['@scope/name', '1.0.0'] (peer suffix dropped). */
function splitKey(key: string): [string, string] | undefined {
  const at = key.indexOf('@', 1)
  if (at <= 0) return undefined
  const version = key.slice(at + 1).replace(/_.*$/, '')
  return [key.slice(0, at), version]
}

export function parseDenoLock(input: ParseInput, b: GraphBuilder): void {
  const d = parseJson(input.text, input.file, 'deno.lock')
  const version = str(d.version)
  if (version !== '3' && version !== '4' && version !== '5') {
    throw unsupported(
      input.file,
      lineOf(input.text, '"version"'),
      `unsupported deno.lock version ${JSON.stringify(d.version ?? null)} (supported: 3, 4, 5)`
    )
  }
  const v3 = version === '3'
  const root = v3 ? obj(d.packages) : d
  const specifiers = obj(root.specifiers)
  const jsr = obj(root.jsr)
  const npm = obj(root.npm)
  const deno = input.readSibling('deno.json') ?? input.readSibling('deno.jsonc')
  const denoName = deno ? /"name"\s*:\s*"([^"]+)"/.exec(deno)?.[1] : undefined
  const rootId = b.addLocal(`local:${input.dir}`, {
    name: denoName ?? input.dirName,
    path: input.dir,
    kind: 'root',
    type: 'npm'
  })

  const ids = new Map<string, string>() // "jsr:<key>" / "npm:<key>" → node id
  for (const [key, raw] of Object.entries(jsr)) {
    const nv = splitKey(key)
    if (!nv) continue
    const { namespace, name } = npmName(nv[0])
    const e = obj(raw)
    const integrity = str(e.integrity)
    ids.set(
      `jsr:${key}`,
      b.addPackage({
        type: 'jsr',
        ...(namespace ? { namespace } : {}),
        name,
        version: nv[1],
        purl: purl('jsr', namespace, name, nv[1]),
        // The integrity of a JSR version hashes its metadata file, not the package contents.
        ...(integrity ? { properties: { 'secure-pipeline:jsr:integrity': integrity } } : {})
      })
    )
  }
  for (const [key, raw] of Object.entries(npm)) {
    const nv = splitKey(key)
    if (!nv) continue
    const { namespace, name } = npmName(nv[0])
    const e = obj(raw)
    const hashes: Hash[] = sriHashes(str(e.integrity))
    const tarball = str(e.tarball)
    ids.set(
      `npm:${key}`,
      b.addPackage({
        type: 'npm',
        ...(namespace ? { namespace } : {}),
        name,
        version: nv[1],
        purl: purl('npm', namespace, name, nv[1]),
        ...(hashes.length ? { hashes } : {}),
        ...(tarball && /^https?:/.test(tarball) ? { downloadUrl: tarball } : {})
      })
    )
  }

  /** "kind:name" → the "kind:key"s of that package (for bare-name references). */
  const keysByName = new Map<string, string[]>()
  for (const k of ids.keys()) {
    const nv = splitKey(k.slice(4))
    if (!nv) continue
    const n = `${k.slice(0, 4)}${nv[0]}`
    keysByName.set(n, [...(keysByName.get(n) ?? []), k])
  }
  const byName = (kind: 'jsr' | 'npm', name: string): string[] =>
    keysByName.get(`${kind}:${name}`) ?? []

  /** A specifier (`jsr:@s/n@^1`, `npm:n@1`, `npm:/n@1` …) → node id. */
  const resolveSpecifier = (spec: string): string | undefined => {
    const kind = spec.startsWith('jsr:') ? 'jsr' : spec.startsWith('npm:') ? 'npm' : undefined
    if (!kind) return undefined
    const resolved = str(specifiers[spec])
    const bare = spec.slice(4).replace(/^\//, '')
    const nameRange = splitKey(bare)
    const name = nameRange ? nameRange[0] : bare
    if (resolved !== undefined) {
      // v3: "jsr:@s/n@1.0.0" / "npm:n@1.0.0"; v4+: "1.0.0" (maybe with a peer suffix).
      const key = resolved.startsWith(`${kind}:`)
        ? resolved.slice(4)
        : `${name}@${resolved.replace(/^npm:/, '')}`
      if (ids.has(`${kind}:${key}`)) return ids.get(`${kind}:${key}`)
      const plain = splitKey(key)
      if (plain) {
        const hit = byName(kind, plain[0]).find(k => splitKey(k.slice(4))?.[1] === plain[1])
        if (hit) return ids.get(hit)
      }
    }
    if (nameRange && ids.has(`${kind}:${bare}`)) return ids.get(`${kind}:${bare}`)
    const cands = byName(kind, name)
    return cands.length === 1 ? ids.get(cands[0]) : undefined
  }

  // Edges.
  for (const [key, raw] of Object.entries(jsr)) {
    const from = ids.get(`jsr:${key}`)
    if (!from) continue
    for (const dep of arr(obj(raw).dependencies)) {
      const to = typeof dep === 'string' ? resolveSpecifier(dep) : undefined
      if (to) b.edge(from, to, 'prod')
    }
  }
  for (const [key, raw] of Object.entries(npm)) {
    const from = ids.get(`npm:${key}`)
    if (!from) continue
    const e = obj(raw)
    for (const [field, kind] of [
      ['dependencies', 'prod'],
      ['optionalDependencies', 'optional'],
      ['peerDependencies', 'peer']
    ] as const) {
      const deps = e[field]
      const refs: string[] = isObject(deps)
        ? Object.values(deps).filter((x): x is string => typeof x === 'string')
        : arr(deps).filter((x): x is string => typeof x === 'string')
      for (const ref of refs) {
        // "name@version[_peer]", "alias@npm:real@version" or a bare "name".
        const real = ref.includes('@npm:') ? ref.slice(ref.indexOf('@npm:') + 5) : ref
        let to = ids.get(`npm:${real}`)
        if (!to) {
          const nv = splitKey(real)
          const cands = byName('npm', nv ? nv[0] : real).filter(
            k => !nv || splitKey(k.slice(4))?.[1] === nv[1]
          )
          if (cands.length >= 1) to = ids.get(cands[0])
        }
        if (to) b.edge(from, to, kind)
      }
    }
  }

  // The project's own specifiers.
  const ws = obj(d.workspace)
  const own: string[] = []
  const collect = (o: JsonObject): void => {
    for (const s of arr(o.dependencies)) if (typeof s === 'string') own.push(s)
    for (const s of arr(obj(o.packageJson).dependencies)) if (typeof s === 'string') own.push(s)
  }
  collect(ws)
  for (const m of Object.values(obj(ws.members))) collect(obj(m))
  for (const spec of own) {
    const to = resolveSpecifier(spec)
    if (to) b.edge(rootId, to, 'prod')
  }
}
