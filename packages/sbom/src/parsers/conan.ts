/**
 * Conan lockfiles. Conan 2 (`"version": "0.5"`): flat `requires`, `build_requires`,
 * `python_requires`, `config_requires` lists of references `name/version[@user[/channel]][#rrev[%ts]]`;
 * the sibling conanfile.txt / conanfile.py names the direct ones. Conan 1 (`0.2`–`0.4`):
 * `graph_lock.nodes` with `ref`/`pref` and `requires`/`build_requires` edges by node id, node
 * "0" being the consumer.
 */
import type { EdgeKind, GraphBuilder } from '../model.js'
import type { ParseInput } from './types.js'
import {
  arr,
  isObject,
  lineOf,
  malformed,
  obj,
  parseJson,
  purl,
  str,
  unsupported
} from '../util.js'

interface ConanRef {
  name: string
  version: string
  user?: string
  channel?: string
  rrev?: string
  packageId?: string
  prev?: string
}

const REF =
  /^([^/@#:%\s]+)\/([^/@#:%\s]+)(?:@([^/#:%\s]+)(?:\/([^#:%\s]+))?)?(?:#([^%:\s]+))?(?:%[0-9.]+)?(?::([0-9a-f]+)(?:#([^%\s]+))?(?:%[0-9.]+)?)?$/

export function parseConanRef(ref: string): ConanRef | undefined {
  const m = REF.exec(ref.trim())
  if (!m) return undefined
  const none = (s: string | undefined): string | undefined => (s && s !== '_' ? s : undefined)
  const user = none(m[3])
  const channel = none(m[4])
  return {
    name: m[1],
    version: m[2],
    ...(user ? { user } : {}),
    ...(channel ? { channel } : {}),
    ...(m[5] ? { rrev: m[5] } : {}),
    ...(m[6] ? { packageId: m[6] } : {}),
    ...(m[7] ? { prev: m[7] } : {})
  }
}

function addRef(b: GraphBuilder, r: ConanRef, scope: 'dev' | undefined): string {
  const qualifiers: Record<string, string> = {}
  if (r.user) qualifiers.user = r.user
  if (r.channel) qualifiers.channel = r.channel
  // The purl type requires a namespace (the vendor) with a channel: the user publishes it.
  const namespace = r.channel ? r.user : undefined
  const props: Record<string, string> = {}
  if (r.rrev) props['secure-pipeline:conan:recipe-revision'] = r.rrev
  if (r.packageId) props['secure-pipeline:conan:package-id'] = r.packageId
  if (r.prev) props['secure-pipeline:conan:package-revision'] = r.prev
  return b.addPackage({
    type: 'conan',
    ...(namespace ? { namespace } : {}),
    name: r.name,
    version: r.version,
    purl: purl('conan', namespace, r.name, r.version, qualifiers),
    ...(scope ? { scopeHint: scope } : {}),
    ...(Object.keys(props).length ? { properties: props } : {})
  })
}

/** Direct requirements named by conanfile.txt / conanfile.py: name → edge kind. */
function declared(input: ParseInput): Map<string, EdgeKind> | undefined {
  const out = new Map<string, EdgeKind>()
  const txt = input.readSibling('conanfile.txt')
  const py = input.readSibling('conanfile.py')
  if (txt === undefined && py === undefined) return undefined
  const put = (ref: string, kind: EdgeKind): void => {
    const name = /^\s*([^/\s"']+)\//.exec(ref)?.[1]
    if (name && (kind === 'prod' || !out.has(name))) out.set(name, kind)
  }
  if (txt !== undefined) {
    let section = ''
    for (const raw of txt.split('\n')) {
      const line = raw.replace(/#.*/, '').trim()
      const s = /^\[([a-z_]+)\]$/.exec(line)
      if (s) section = s[1]!
      else if (line && section === 'requires') put(line, 'prod')
      else if (
        line &&
        (section === 'tool_requires' || section === 'build_requires' || section === 'test_requires')
      )
        put(line, 'dev')
    }
  }
  if (py !== undefined) {
    const code = py.replace(/#[^\n]*/g, '')
    for (const m of code.matchAll(
      /self\.(requires|tool_requires|build_requires|test_requires)\(\s*["']([^"']+)["']/g
    ))
      put(m[2], m[1] === 'requires' ? 'prod' : 'dev')
    for (const m of code.matchAll(
      /^\s*(requires|tool_requires|build_requires|test_requires)\s*=\s*([^\n]+(?:\n\s+[^\n=]+)*)/gm
    )) {
      for (const r of m[2].matchAll(/["']([^"']+\/[^"']+)["']/g))
        put(r[1], m[1] === 'requires' ? 'prod' : 'dev')
    }
  }
  return out
}

export function parseConanLock(input: ParseInput, b: GraphBuilder): void {
  const d = parseJson(input.text, input.file, 'conan.lock')
  const version = str(d.version)
  const rootId = b.addLocal(`local:${input.dir}`, {
    name: input.dirName,
    path: input.dir,
    kind: 'root',
    type: 'conan'
  })
  const bad = (ref: string): never => {
    throw malformed(
      input.file,
      lineOf(input.text, JSON.stringify(ref)),
      `conan.lock: cannot read reference "${ref}"`
    )
  }
  if (version === '0.5') {
    const byName = new Map<string, string>()
    for (const [field, scope] of [
      ['requires', undefined],
      ['build_requires', 'dev'],
      ['python_requires', 'dev'],
      ['config_requires', 'dev']
    ] as const) {
      const list = d[field]
      if (list !== undefined && !Array.isArray(list))
        throw malformed(
          input.file,
          lineOf(input.text, `"${field}"`),
          `conan.lock: "${field}" is not a list`
        )
      for (const raw of arr(list)) {
        const ref = str(raw)
        const r = ref !== undefined ? parseConanRef(ref) : undefined
        if (!r) return bad(typeof raw === 'string' ? raw : JSON.stringify(raw))
        const id = addRef(b, r, scope)
        if (!byName.has(r.name) || scope === undefined) byName.set(r.name, id)
      }
    }
    const direct = declared(input)
    if (direct)
      for (const [name, kind] of direct) {
        const to = byName.get(name)
        if (to) b.edge(rootId, to, kind)
      }
    return
  }
  if (version === '0.4' || version === '0.3' || version === '0.2') {
    const nodes = obj(obj(d.graph_lock).nodes)
    if (!isObject(obj(d.graph_lock).nodes))
      throw malformed(
        input.file,
        lineOf(input.text, '"graph_lock"'),
        'conan.lock: no graph_lock.nodes'
      )
    const ids = new Map<string, string>()
    const root = Object.prototype.hasOwnProperty.call(nodes, '0') ? '0' : undefined
    for (const [key, raw] of Object.entries(nodes)) {
      const n = obj(raw)
      if (key === root) {
        ids.set(key, rootId)
        continue
      }
      const ref = str(n.ref) ?? str(n.pref)
      if (ref === undefined || !ref.includes('/')) {
        // A consumer conanfile (no reference) is first-party.
        ids.set(
          key,
          b.addLocal(`local:${input.dir}:conan:${key}`, {
            name: str(n.path) ?? key,
            path: str(n.path) ?? '',
            kind: 'local'
          })
        )
        continue
      }
      const r = parseConanRef(ref)
      if (!r) return bad(ref)
      if (!r.prev && str(n.prev)) r.prev = str(n.prev)!
      if (!r.packageId && str(n.package_id)) r.packageId = str(n.package_id)!
      ids.set(key, addRef(b, r, undefined))
    }
    for (const [key, raw] of Object.entries(nodes)) {
      const n = obj(raw)
      const from = ids.get(key)!
      for (const [field, kind] of [
        ['requires', 'prod'],
        ['build_requires', 'dev'],
        ['python_requires', 'dev']
      ] as const) {
        for (const t of arr(n[field])) {
          const to = ids.get(str(t) ?? '')
          if (to) b.edge(from, to, kind)
        }
      }
    }
    return
  }
  throw unsupported(
    input.file,
    lineOf(input.text, '"version"'),
    `unsupported conan.lock version ${JSON.stringify(d.version ?? null)} (supported: 0.2-0.5)`
  )
}
