/**
 * yarn.lock: classic (v1, its own line format) and berry (v2+, YAML with `__metadata`).
 */
import { parseSyml } from '@yarnpkg/parsers'
import type { EdgeKind, GraphBuilder } from '../model.js'
import type { ParseInput } from './types.js'
import {
  isObject,
  lineAt,
  malformed,
  npmName,
  obj,
  purl,
  splitAt,
  sriHashes,
  str,
  unsupported,
  type JsonObject
} from '../util.js'
import { readPackageJson, type PackageJson } from './npm.js'
import { expandWorkspaces } from './workspaces.js'

export function parseYarnLock(input: ParseInput, b: GraphBuilder): void {
  // Berry files carry a `__metadata:` block near the top; classic files never do.
  if (/^__metadata:/m.test(input.text)) {
    parseBerry(input, b)
  } else {
    parseClassic(input, b)
  }
}

function unquote(s: string): string {
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s
}

interface ClassicEntry {
  descriptors: string[]
  line: number
  fields: Map<string, string>
  deps: [string, string, EdgeKind][]
}

/** Reads classic yarn.lock blocks (header line, 2-space fields, 4-space dependency lists). */
function readClassic(input: ParseInput): ClassicEntry[] {
  const text = input.text
  const entries: ClassicEntry[] = []
  let cur: ClassicEntry | undefined
  let section: EdgeKind | undefined
  let lineNo = 0
  let start = 0
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    let line = text.slice(start, end)
    start = end + 1
    lineNo++
    if (line.endsWith('\r')) line = line.slice(0, -1)
    if (line.length === 0 || line.startsWith('#')) {
      if (end === text.length) break
      continue
    }
    const c0 = line.charCodeAt(0)
    if (c0 !== 32) {
      if (!line.endsWith(':'))
        throw malformed(input.file, lineNo, 'yarn.lock: expected an entry header')
      const header = line.slice(0, -1)
      const descriptors = header
        .split(',')
        .map(s => unquote(s.trim()))
        .filter(Boolean)
      if (descriptors.length === 0)
        throw malformed(input.file, lineNo, 'yarn.lock: empty entry header')
      cur = { descriptors, line: lineNo, fields: new Map(), deps: [] }
      entries.push(cur)
      section = undefined
    } else if (cur === undefined) {
      throw malformed(input.file, lineNo, 'yarn.lock: indented line outside an entry')
    } else if (line.startsWith('    ')) {
      if (section === undefined) {
        // Deeper fields we do not use (e.g. bin, dependenciesMeta).
        if (end === text.length) break
        continue
      }
      const t = line.trim()
      const sp = firstUnquotedSpace(t)
      if (sp < 0) throw malformed(input.file, lineNo, 'yarn.lock: expected "name range"')
      cur.deps.push([unquote(t.slice(0, sp)), unquote(t.slice(sp + 1).trim()), section])
    } else if (line.startsWith('  ') && line.charCodeAt(2) !== 32) {
      const t = line.slice(2)
      if (t.endsWith(':')) {
        const key = t.slice(0, -1)
        section =
          key === 'dependencies' ? 'prod' : key === 'optionalDependencies' ? 'optional' : undefined
        continue
      }
      section = undefined
      const sp = firstUnquotedSpace(t)
      if (sp < 0) throw malformed(input.file, lineNo, 'yarn.lock: expected "key value"')
      cur.fields.set(unquote(t.slice(0, sp)), unquote(t.slice(sp + 1).trim()))
    } else {
      throw malformed(input.file, lineNo, 'yarn.lock: unexpected indentation')
    }
    if (end === text.length) break
  }
  // A truncated file ends inside an entry that has no version yet.
  for (const e of entries) {
    if (!e.fields.has('version'))
      throw malformed(input.file, e.line, 'yarn.lock: entry without a version')
  }
  return entries
}

function firstUnquotedSpace(s: string): number {
  if (!s.startsWith('"')) return s.indexOf(' ')
  const close = s.indexOf('"', 1)
  return close < 0 ? -1 : s.indexOf(' ', close)
}

function isLocalRange(range: string): boolean {
  return /^(file|link|portal|workspace):/.test(range)
}

function parseClassic(input: ParseInput, b: GraphBuilder): void {
  const entries = readClassic(input)
  const byDescriptor = new Map<string, string>()
  const ids: (string | undefined)[] = []
  for (const e of entries) {
    const first = e.descriptors[0]
    const [declared, range] = splitAt(first)
    const name = range?.startsWith('npm:') ? splitAt(range.slice(4))[0] : declared
    const version = e.fields.get('version')!
    let id: string
    if (range !== undefined && isLocalRange(range)) {
      id = b.addLocal(`local:${input.dir}:yarn:${first}`, {
        name,
        version,
        path: range.replace(/^[a-z]+:/, ''),
        kind: 'local'
      })
    } else {
      const resolved = e.fields.get('resolved')
      const hashes = sriHashes(e.fields.get('integrity'))
      if (hashes.length === 0 && resolved) {
        // Old files only carry the sha1 after '#' in the tarball URL.
        const hash = /#([0-9a-f]{40})$/.exec(resolved)
        if (hash) hashes.push({ alg: 'SHA-1', content: hash[1] })
      }
      id = b.addPackage({
        type: 'npm',
        ...npmName(name),
        version,
        purl: purl('npm', npmName(name).namespace, npmName(name).name, version),
        ...(hashes.length ? { hashes } : {}),
        ...(resolved && /^https?:/.test(resolved)
          ? { downloadUrl: resolved.replace(/#.*$/, '') }
          : {})
      })
    }
    ids.push(id)
    for (const d of e.descriptors) byDescriptor.set(d, id)
  }
  entries.forEach((e, i) => {
    for (const [dep, range, kind] of e.deps) {
      const to = byDescriptor.get(`${dep}@${range}`)
      if (to !== undefined) b.edge(ids[i]!, to, kind)
    }
  })
  addManifestRoots(input, b, (name, range) => byDescriptor.get(`${name}@${range}`))
}

/** Root + workspace members from package.json files, linked to what they depend on. */
function addManifestRoots(
  input: ParseInput,
  b: GraphBuilder,
  lookup: (name: string, range: string) => string | undefined
): void {
  const rootPj = readPackageJson(input.readSibling('package.json'))
  const rootId = b.addLocal(`local:${input.dir}`, {
    name: rootPj?.name ?? input.dirName,
    ...(rootPj?.version !== undefined ? { version: rootPj.version } : {}),
    ...(rootPj?.license !== undefined ? { license: rootPj.license } : {}),
    ...(rootPj?.description !== undefined ? { description: rootPj.description } : {}),
    path: input.dir,
    kind: 'root',
    type: 'npm'
  })
  if (!rootPj) return
  const members: [string, PackageJson][] = [['', rootPj]]
  for (const ws of expandWorkspaces(input, rootPj.workspaces)) {
    const pj = readPackageJson(input.readSibling(`${ws}/package.json`))
    if (pj) members.push([ws, pj])
  }
  const byName = new Map<string, string>()
  for (const [ws, pj] of members) {
    if (ws === '') continue
    const id = b.addLocal(`local:${input.dir ? input.dir + '/' : ''}${ws}`, {
      name: pj.name ?? ws,
      ...(pj.version !== undefined ? { version: pj.version } : {}),
      ...(pj.license !== undefined ? { license: pj.license } : {}),
      path: input.dir ? `${input.dir}/${ws}` : ws,
      kind: 'workspace',
      type: 'npm'
    })
    if (pj.name) byName.set(pj.name, id)
  }
  for (const [ws, pj] of members) {
    const from = ws === '' ? rootId : `local:${input.dir ? input.dir + '/' : ''}${ws}`
    for (const [name, kind, range] of pj.deps) {
      const to = byName.get(name) ?? lookup(name, range)
      if (to !== undefined) b.edge(from, to, kind)
    }
  }
}

const BERRY_VERSIONS = new Set([3, 4, 5, 6, 7, 8, 9, 10])

function parseBerry(input: ParseInput, b: GraphBuilder): void {
  let d: JsonObject
  try {
    d = parseSyml(input.text)
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err)
    const m = /line (\d+)/i.exec(msg)
    const loc = (err as { location?: { start?: { line?: number } } }).location?.start?.line
    throw malformed(
      input.file,
      loc ?? (m ? Number(m[1]) : lineAt(input.text, input.text.trimEnd().length)),
      `yarn.lock: ${msg.split('\n')[0]}`
    )
  }
  const meta = obj(d.__metadata)
  const version = Number(str(meta.version))
  if (!BERRY_VERSIONS.has(version)) {
    throw unsupported(
      input.file,
      lineOf(input.text, '__metadata:'),
      `unsupported yarn lockfile __metadata.version ${JSON.stringify(meta.version)} (supported: 3-10)`
    )
  }
  const byDescriptor = new Map<string, string>()
  const entries: [string, JsonObject][] = []
  const workspaceDev = new Map<string, Set<string>>()
  for (const key in d) {
    if (key === '__metadata') continue
    const e = d[key]
    if (!isObject(e)) continue
    const resolution = str(e.resolution)
    const version = str(e.version)
    if (resolution === undefined || version === undefined) {
      throw malformed(
        input.file,
        lineOf(input.text, key),
        `yarn.lock: entry "${key}" lacks resolution/version`
      )
    }
    const [name, ref = ''] = splitAt(resolution)
    let id: string
    if (ref.startsWith('workspace:')) {
      const wsPath = ref.slice('workspace:'.length)
      const full = wsPath === '.' ? input.dir : input.dir ? `${input.dir}/${wsPath}` : wsPath
      id = b.addLocal(`local:${full}`, {
        name,
        path: full,
        kind: wsPath === '.' ? 'root' : 'workspace',
        type: 'npm',
        ...(version !== '0.0.0-use.local' ? { version } : {})
      })
      const pj = readPackageJson(input.readSibling(`${wsPath}/package.json`))
      if (pj) {
        const info = b.localInfo(id)
        if (info) {
          info.version ??= pj.version
          info.license ??= pj.license
          info.description ??= pj.description
        }
        workspaceDev.set(id, new Set(pj.deps.filter(x => x[1] === 'dev').map(x => x[0])))
      }
    } else if (/^(link|portal|file):/.test(ref)) {
      id = b.addLocal(`local:${input.dir}:yarn:${resolution}`, {
        name,
        path: ref.replace(/^[a-z]+:/, '').replace(/::.*$/, ''),
        kind: 'local'
      })
    } else {
      const props: Record<string, string> = {}
      if (ref.startsWith('patch:')) props['secure-pipeline:yarn:patched'] = 'true'
      const checksum = str(e.checksum)
      if (checksum) props['secure-pipeline:yarn:checksum'] = checksum
      id = b.addPackage({
        type: 'npm',
        ...npmName(name),
        version,
        purl: purl('npm', npmName(name).namespace, npmName(name).name, version),
        ...(Object.keys(props).length ? { properties: props } : {})
      })
    }
    entries.push([id, e])
    for (const desc of key.split(',')) {
      const dsc = desc.trim()
      byDescriptor.set(dsc, id)
      const loc = dsc.indexOf('::')
      if (loc > 0) byDescriptor.set(dsc.slice(0, loc), id)
    }
  }
  const lookup = (name: string, range: string): string | undefined =>
    byDescriptor.get(`${name}@${range}`) ?? byDescriptor.get(`${name}@npm:${range}`)
  for (const [id, e] of entries) {
    const dev = workspaceDev.get(id)
    const peerMeta = obj(e.peerDependenciesMeta)
    const depMeta = obj(e.dependenciesMeta)
    for (const [field, kind] of [
      ['dependencies', 'prod'],
      ['peerDependencies', 'peer']
    ] as const) {
      const deps = obj(e[field])
      for (const dep in deps) {
        const range = str(deps[dep])
        if (range === undefined) continue
        const to = lookup(dep, range)
        if (to === undefined) continue
        let k: EdgeKind = kind
        if (dev?.has(dep)) k = 'dev'
        else if (obj(depMeta[dep]).optional === true || obj(peerMeta[dep]).optional === true)
          k = 'optional'
        b.edge(id, to, k)
      }
    }
  }
  if (!b.roots.some(r => b.localInfo(r)?.kind === 'root')) {
    addManifestRoots(input, b, lookup)
  }
}

function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle)
  return i < 0 ? 1 : lineAt(text, i)
}
