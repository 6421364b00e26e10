/**
 * CocoaPods `Podfile.lock` (YAML): `PODS` lists every resolved pod or subspec
 * (`Firebase/Analytics (10.18.0)`) with its own dependencies, `DEPENDENCIES` what the Podfile
 * declares, `EXTERNAL SOURCES` / `CHECKOUT OPTIONS` pods not from a spec repo (`:path:` ones are
 * first-party), `SPEC CHECKSUMS` the SHA-1 of each pod's podspec.
 */
import type { GraphBuilder, Hash } from '../model.js'
import type { ParseInput } from './types.js'
import { escapeRegExp, hexHash, isObject, lineOf, malformed, obj, purl, str } from '../util.js'
import { parseYaml } from '../yaml.js'

/** `Name/Sub (1.0)` or `Name (= 1.0)` → name and the parenthesised part. */
const ENTRY = /^\s*("?)([^\s(]+)\1(?:\s+\(([^)]*)\))?\s*$/

function entryOf(text: string): { name: string; paren?: string } | undefined {
  const m = ENTRY.exec(text)
  if (!m) return undefined
  return { name: m[2], ...(m[3] !== undefined ? { paren: m[3].trim() } : {}) }
}

/** The pod (root spec) of a subspec name. */
function podOf(name: string): string {
  const i = name.indexOf('/')
  return i < 0 ? name : name.slice(0, i)
}

export function parsePodfileLock(input: ParseInput, b: GraphBuilder): void {
  const d = parseYaml(input.text, input.file, 'Podfile.lock')
  const pods = d.PODS
  if (pods !== undefined && !Array.isArray(pods))
    throw malformed(input.file, lineOf(input.text, /^PODS:/m), 'Podfile.lock: PODS is not a list')
  const rootId = b.addLocal(`local:${input.dir}`, {
    name: input.dirName,
    path: input.dir,
    kind: 'root',
    type: 'cocoapods'
  })
  const external = obj(d['EXTERNAL SOURCES'])
  const checkout = obj(d['CHECKOUT OPTIONS'])
  const checksums = obj(d['SPEC CHECKSUMS'])
  const byName = new Map<string, string>()
  const depsOf: [string, string[]][] = []
  const at = (needle: string): number =>
    lineOf(input.text, new RegExp(`^\\s*- "?${escapeRegExp(needle)}`, 'm'))
  for (const raw of pods ?? []) {
    let head: string
    let deps: string[] = []
    if (typeof raw === 'string') head = raw
    else if (isObject(raw) && Object.keys(raw).length === 1) {
      head = Object.keys(raw)[0]!
      const list = raw[head]
      if (!Array.isArray(list))
        throw malformed(
          input.file,
          at(head),
          `Podfile.lock: dependencies of "${head}" are not a list`
        )
      deps = list.map(x => {
        const e = typeof x === 'string' ? entryOf(x) : undefined
        if (!e) throw malformed(input.file, at(head), `Podfile.lock: bad dependency of "${head}"`)
        return e.name
      })
    } else
      throw malformed(input.file, lineOf(input.text, /^PODS:/m), 'Podfile.lock: bad PODS entry')
    const e = entryOf(head)
    if (!e || !e.paren)
      throw malformed(input.file, at(head), `Podfile.lock: cannot read pod "${head}"`)
    const pod = podOf(e.name)
    const version = e.paren
    const source = obj(external[pod])
    let id: string
    if (str(source[':path']) !== undefined) {
      id = b.addLocal(`local:${input.dir}:pod:${e.name}`, {
        name: e.name,
        version,
        path: str(source[':path'])!,
        kind: 'local',
        type: 'cocoapods'
      })
    } else {
      const sub = e.name.length > pod.length ? e.name.slice(pod.length + 1) : undefined
      const props: Record<string, string> = {}
      const co = obj(checkout[pod])
      for (const [k, v] of Object.entries({ ...source, ...co })) {
        const s = str(v)
        if (s !== undefined && k.startsWith(':'))
          props[`secure-pipeline:cocoapods:${k.slice(1)}`] = s
      }
      const hashes: Hash[] = []
      const h = hexHash('SHA-1', str(checksums[pod]))
      if (h) hashes.push(h)
      id = b.addPackage({
        type: 'cocoapods',
        name: e.name,
        version,
        purl: purl('cocoapods', undefined, pod, version, undefined, sub),
        ...(hashes.length ? { hashes } : {}),
        ...(Object.keys(props).length ? { properties: props } : {})
      })
    }
    byName.set(e.name, id)
    depsOf.push([id, deps])
  }
  // A dependency on a pod that was only resolved as subspecs (its default subspecs) reaches
  // each of them.
  const link = (from: string, name: string): void => {
    const to = byName.get(name)
    if (to) b.edge(from, to, 'prod')
    else for (const [k, v] of byName) if (k.startsWith(`${name}/`)) b.edge(from, v, 'prod')
  }
  for (const [from, deps] of depsOf) for (const n of deps) link(from, n)
  const direct = d.DEPENDENCIES
  for (const raw of Array.isArray(direct) ? direct : []) {
    const e =
      typeof raw === 'string' ? entryOf(raw.replace(/\(from `[^)]*\)$/, '').trim()) : undefined
    if (!e) continue
    link(rootId, e.name)
  }
}
