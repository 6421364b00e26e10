/**
 * Python: requirements.txt (pinned, hashes, -r includes, pip-compile `# via`), poetry.lock,
 * Pipfile.lock, uv.lock and pylock.toml (PEP 751).
 */
import path from 'node:path'
import { InputError } from '@secure-pipeline/core'
import type { EdgeKind, GraphBuilder, Hash, Scope } from '../model.js'
import type { ParseInput } from './types.js'
import {
  arr,
  isObject,
  lineAt,
  malformed,
  obj,
  parseJson,
  parseTomlFile,
  pep503,
  prefixedHash,
  purl,
  str,
  unsupported,
  type Json,
  type JsonObject
} from '../util.js'

function pypiPurl(name: string, version: string): string {
  return purl('pypi', undefined, pep503(name), version)
}

/** A locked PyPI distribution; empty hashes and properties, and an unknown scope, are left out. */
function addPypi(
  b: GraphBuilder,
  name: string,
  version: string,
  o: { hashes?: Hash[]; scope?: Scope; properties?: Record<string, string> } = {}
): string {
  return b.addPackage({
    type: 'pypi',
    name,
    version,
    purl: pypiPurl(name, version),
    ...(o.hashes?.length ? { hashes: o.hashes } : {}),
    ...(o.scope !== undefined ? { scopeHint: o.scope } : {}),
    ...(o.properties && Object.keys(o.properties).length ? { properties: o.properties } : {})
  })
}

const PEP508_NAME = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/

/** The distribution name at the start of a PEP 508 requirement string. */
export function requirementName(spec: string): string | undefined {
  const m = PEP508_NAME.exec(spec)
  return m ? pep503(m[1]) : undefined
}

interface PyProject {
  name?: string
  version?: string
  description?: string
  license?: string
  deps: [string, EdgeKind][]
}

/** Direct dependencies declared in pyproject.toml (PEP 621, dependency groups, poetry tables). */
export function readPyProject(text: string | undefined): PyProject | undefined {
  if (text === undefined) return undefined
  let d: JsonObject
  try {
    d = parseTomlFile(text, 'pyproject.toml', 'pyproject.toml')
  } catch {
    return undefined
  }
  const deps: [string, EdgeKind][] = []
  const project = obj(d.project)
  const add = (spec: Json, kind: EdgeKind): void => {
    const n = typeof spec === 'string' ? requirementName(spec) : undefined
    if (n) deps.push([n, kind])
  }
  for (const s of arr(project.dependencies)) add(s, 'prod')
  for (const list of Object.values(obj(project['optional-dependencies'])))
    for (const s of arr(list)) add(s, 'optional')
  for (const list of Object.values(obj(d['dependency-groups'])))
    for (const s of arr(list)) add(s, 'dev')
  const poetry = obj(obj(d.tool).poetry)
  for (const [n, v] of Object.entries(obj(poetry.dependencies))) {
    if (n.toLowerCase() === 'python') continue
    deps.push([pep503(n), isObject(v) && v.optional === true ? 'optional' : 'prod'])
  }
  for (const n of Object.keys(obj(poetry['dev-dependencies']))) deps.push([pep503(n), 'dev'])
  for (const [group, g] of Object.entries(obj(poetry.group))) {
    const kind: EdgeKind = group === 'main' ? 'prod' : 'dev'
    for (const n of Object.keys(obj(obj(g).dependencies))) deps.push([pep503(n), kind])
  }
  const uvDev = obj(obj(d.tool).uv)['dev-dependencies']
  for (const s of arr(uvDev)) add(s, 'dev')
  for (const list of Object.values(obj(obj(obj(d.tool).pdm)['dev-dependencies'])))
    for (const s of arr(list)) add(s, 'dev')
  const lic = project.license
  const license = typeof lic === 'string' ? lic : (str(obj(lic).text) ?? str(poetry.license))
  const name = str(project.name) ?? str(poetry.name)
  const version = str(project.version) ?? str(poetry.version)
  const description = str(project.description) ?? str(poetry.description)
  return {
    ...(name !== undefined ? { name } : {}),
    ...(version !== undefined ? { version } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(license !== undefined ? { license } : {}),
    deps
  }
}

function pythonRoot(input: ParseInput, b: GraphBuilder): { id: string; pp: PyProject | undefined } {
  const pp = readPyProject(input.readSibling('pyproject.toml'))
  const id = b.addLocal(`local:${input.dir}`, {
    name: pp?.name ?? input.dirName,
    ...(pp?.version !== undefined ? { version: pp.version } : {}),
    ...(pp?.description !== undefined ? { description: pp.description } : {}),
    ...(pp?.license !== undefined ? { license: pp.license } : {}),
    path: input.dir,
    kind: 'root',
    type: 'pypi'
  })
  return { id, pp }
}

/** Links the root to its declared direct dependencies (by normalised name). */
function linkDeclared(
  b: GraphBuilder,
  rootId: string,
  pp: PyProject | undefined,
  byName: Map<string, string[]>
): boolean {
  if (!pp || pp.deps.length === 0) return false
  for (const [n, kind] of pp.deps) for (const id of byName.get(n) ?? []) b.edge(rootId, id, kind)
  return true
}

function pushName(map: Map<string, string[]>, name: string, id: string): void {
  const list = map.get(name)
  if (list) {
    if (!list.includes(id)) list.push(id)
  } else map.set(name, [id])
}

// ---------------------------------------------------------------- requirements.txt

const DEV_FILE = /(^|[-_.])(dev|develop|test|tests|testing|docs|lint|ci)([-_.]|$)/i

export function parseRequirements(input: ParseInput, b: GraphBuilder): void {
  const rootId = b.addLocal(`local:${input.dir}`, {
    name: readPyProject(input.readSibling('pyproject.toml'))?.name ?? input.dirName,
    path: input.dir,
    kind: 'root',
    type: 'pypi'
  })
  const byName = new Map<string, string[]>()
  const via = new Map<string, Set<string>>()
  let sawVia = false
  const visited = new Set<string>()
  const readFile = (rel: string, text: string, display: string): void => {
    if (visited.has(rel)) return
    visited.add(rel)
    const scope: Scope = DEV_FILE.test(path.posix.basename(rel, '.txt')) ? 'dev' : 'required'
    const physical = text.split('\n')
    let lastId: string | undefined
    let inVia = false
    for (let i = 0; i < physical.length; i++) {
      const startLine = i + 1
      let line = physical[i].replace(/\r$/, '')
      const trimmed = line.trim()
      if (trimmed.startsWith('#')) {
        // pip-compile annotations: "# via x" or "# via" followed by "#   x" lines.
        const c = trimmed.slice(1).trim()
        if (c.startsWith('via')) {
          sawVia = true
          inVia = true
          const rest = c.slice(3).trim()
          if (rest && lastId) addVia(lastId, rest)
        } else if (inVia && c && lastId && /^\s{2,}/.test(trimmed.slice(1))) {
          addVia(lastId, c)
        } else inVia = false
        continue
      }
      inVia = false
      while (
        line.endsWith('\\') &&
        i + 1 < physical.length &&
        !(i + 2 === physical.length && physical[i + 1] === '')
      ) {
        line = line.slice(0, -1) + ' ' + physical[++i].replace(/\r$/, '')
      }
      if (line.endsWith('\\'))
        throw malformed(display, startLine, 'requirements file: dangling line continuation')
      const hashIdx = line.search(/(^|\s)#/)
      const content = (hashIdx >= 0 ? line.slice(0, hashIdx) : line).trim()
      if (!content) continue
      // PEP 508 direct references (`name @ url`) and editable VCS checkouts (`-e git+…#egg=name`).
      const ref = directReference(content)
      if (ref) {
        lastId = b.addPackage({
          type: 'pypi',
          name: ref.name,
          version: ref.version,
          purl: pypiPurl(ref.name, ref.version),
          ...(ref.hash ? { hashes: [ref.hash] } : {}),
          scopeHint: scope,
          ...(/^https?:/.test(ref.url) && !ref.vcs ? { downloadUrl: ref.url } : {}),
          properties: { 'secure-pipeline:python:source-url': ref.url }
        })
        pushName(byName, ref.name, lastId)
        continue
      }
      if (content.startsWith('-')) {
        const m = /^(-r|--requirement|-c|--constraint)(?:\s+|=)(\S+)/.exec(content)
        if (m && (m[1] === '-r' || m[1] === '--requirement')) {
          const incl = path.posix.normalize(path.posix.join(path.posix.dirname(rel), m[2]))
          const t = input.readSibling(incl)
          if (t === undefined) {
            throw new InputError(
              'SBOM_MISSING_INCLUDE',
              `requirements file: included file ${m[2]} not found`,
              { position: { file: display, line: startLine } }
            )
          }
          readFile(incl, t, input.dir ? `${input.dir}/${incl}` : incl)
        }
        lastId = undefined
        continue
      }
      const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(===|==)\s*([^\s;\\,]+)/.exec(
        content
      )
      if (!m) {
        if (!/^[A-Za-z0-9]/.test(content) && !/^(\.|\/|https?:|git\+|file:)/.test(content)) {
          throw malformed(
            display,
            startLine,
            `requirements file: cannot read "${content.slice(0, 60)}"`
          )
        }
        lastId = undefined
        continue
      }
      const name = pep503(m[1])
      const version = m[4]
      const hashes: Hash[] = []
      for (const hm of content.matchAll(/--hash[=\s]+(\S+)/g)) {
        const h = prefixedHash(hm[1])
        if (h) hashes.push(h)
      }
      lastId = addPypi(b, name, version, { hashes, scope })
      pushName(byName, name, lastId)
    }
  }
  const addVia = (id: string, text: string): void => {
    for (const part of text.split(/[,\s]+/)) {
      if (!part) continue
      const set = via.get(id) ?? new Set<string>()
      set.add(part)
      via.set(id, set)
    }
  }
  const rel = path.posix.basename(input.file)
  readFile(rel, input.text, input.file)
  const ids = new Set<string>()
  for (const list of byName.values()) for (const id of list) ids.add(id)
  for (const id of ids) {
    const parents = via.get(id)
    if (!sawVia || !parents) {
      b.edge(rootId, id, 'prod')
      continue
    }
    let direct = false
    for (const p of parents) {
      if (
        p.startsWith('-') ||
        p.endsWith('.in') ||
        p.endsWith('.txt') ||
        p.endsWith('.toml') ||
        p === 'r' ||
        p === 'c'
      ) {
        direct = true
        continue
      }
      for (const pid of byName.get(pep503(p)) ?? []) b.edge(pid, id, 'prod')
    }
    if (direct) b.edge(rootId, id, 'prod')
  }
}

/** The version in a wheel's or sdist's file name at the end of a URL ('' when none). */
function archiveVersion(url: string): string {
  const file = decodeURIComponent(url.replace(/[?#].*$/, '').replace(/.*\//, ''))
  return (
    /^[^-]+-([^-]+)-.*\.whl$/.exec(file)?.[1] ??
    /^.+?-(\d[^-]*?)\.(?:tar\.gz|tar\.bz2|tar\.xz|zip|tgz)$/.exec(file)?.[1] ??
    ''
  )
}

/**
 * `name[extras] @ https://…/name-1.0.tar.gz#sha256=…`, `name @ git+https://…@ref`, or
 * `-e git+https://…@ref#egg=name`: name, version (the archive's, else the VCS ref), hash.
 * Local paths and `file:` URLs are first-party (undefined).
 */
function directReference(
  content: string
): { name: string; version: string; url: string; vcs: boolean; hash?: Hash } | undefined {
  let name: string | undefined
  let url: string | undefined
  const at = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*@\s*([^\s;]+)/.exec(content)
  if (at) {
    name = at[1]
    url = at[2]
  } else {
    const e = /^(?:(?:-e|--editable)(?:\s+|=))?((?:git|hg|svn|bzr)\+\S+)$/.exec(content)
    if (!e) return undefined
    url = e[1]
    name = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(url)?.[1]
    if (!name) return undefined
  }
  if (!/^(https?:|(git|hg|svn|bzr)\+)/.test(url)) return undefined
  const vcs = /^(git|hg|svn|bzr)\+/.test(url)
  const fragment = url.includes('#') ? url.slice(url.indexOf('#') + 1) : ''
  const bare = url.replace(/#.*$/, '')
  let version: string
  if (vcs) {
    const m = /@([^@/]+)$/.exec(bare.replace(/^[a-z+]+:\/\/[^/]*@/, ''))
    version = m ? m[1] : ''
  } else {
    version = archiveVersion(bare)
  }
  const hm = /(?:^|&)(sha256|sha384|sha512|md5)=([0-9a-fA-F]+)/.exec(fragment)
  const hash =
    (hm ? prefixedHash(`${hm[1]}:${hm[2]}`) : undefined) ??
    prefixedHash(/--hash[=\s]+(\S+)/.exec(content)?.[1])
  return { name: pep503(name), version, url, vcs, ...(hash ? { hash } : {}) }
}

// ---------------------------------------------------------------- poetry.lock

function fileHashes(files: Json): Hash[] {
  const out: Hash[] = []
  for (const f of arr(files)) {
    const h = prefixedHash(str(obj(f).hash))
    if (h) out.push(h)
  }
  return out
}

export function parsePoetryLock(input: ParseInput, b: GraphBuilder): void {
  const d = parseTomlFile(input.text, input.file, 'poetry.lock')
  const lockVersion = str(obj(d.metadata)['lock-version'])
  if (lockVersion !== undefined && !/^[12]\./.test(lockVersion)) {
    throw unsupported(
      input.file,
      lineOfKey(input.text, 'lock-version'),
      `unsupported poetry lock-version "${lockVersion}" (supported: 1.x, 2.x)`
    )
  }
  const { id: rootId, pp } = pythonRoot(input, b)
  const byName = new Map<string, string[]>()
  const pkgs = arr(d.package)
  const ids: string[] = []
  for (const p of pkgs) {
    const e = obj(p)
    const name = str(e.name)
    const version = str(e.version)
    if (!name || !version) {
      throw malformed(
        input.file,
        lineOfKey(input.text, `name = "${name ?? ''}`),
        'poetry.lock: package without name/version'
      )
    }
    const source = obj(e.source)
    const stype = str(source.type)
    let id: string
    if (stype === 'directory' || stype === 'file') {
      id = b.addLocal(`local:${input.dir}:poetry:${pep503(name)}`, {
        name,
        version,
        path: str(source.url) ?? '',
        kind: 'local'
      })
    } else {
      const groups = arr(e.groups).filter((g): g is string => typeof g === 'string')
      const category = str(e.category)
      let scope: Scope | undefined
      if (groups.length > 0) scope = groups.includes('main') ? 'required' : 'dev'
      else if (category !== undefined) scope = category === 'dev' ? 'dev' : 'required'
      if (scope === 'required' && e.optional === true) scope = 'optional'
      const hashes = fileHashes(e.files ?? obj(obj(d.metadata).files)[name] ?? [])
      const props: Record<string, string> = {}
      if (stype) props['secure-pipeline:python:source-type'] = stype
      if (str(source.url)) props['secure-pipeline:python:source-url'] = str(source.url)!
      id = addPypi(b, pep503(name), version, { hashes, scope, properties: props })
    }
    ids.push(id)
    pushName(byName, pep503(name), id)
  }
  pkgs.forEach((p, i) => {
    const e = obj(p)
    for (const [dep, spec] of Object.entries(obj(e.dependencies))) {
      const optional = isObject(spec) && spec.optional === true
      for (const to of byName.get(pep503(dep)) ?? [])
        b.edge(ids[i], to, optional ? 'optional' : 'prod')
    }
  })
  if (!linkDeclared(b, rootId, pp, byName))
    linkUnrequired(
      b,
      rootId,
      pkgs.map(p => obj(p)),
      ids,
      byName
    )
}

/** Without a manifest, packages nothing else depends on are taken as the direct ones. */
function linkUnrequired(
  b: GraphBuilder,
  rootId: string,
  entries: JsonObject[],
  ids: string[],
  byName: Map<string, string[]>
): void {
  const required = new Set<string>()
  for (const e of entries) {
    const deps = e.dependencies
    if (Array.isArray(deps)) for (const x of deps) required.add(pep503(str(obj(x).name) ?? ''))
    else for (const n of Object.keys(obj(deps))) required.add(pep503(n))
  }
  entries.forEach((e, i) => {
    const n = pep503(str(e.name) ?? '')
    if (!required.has(n) && byName.has(n) && !b.isLocal(ids[i])) b.edge(rootId, ids[i], 'prod')
  })
}

function lineOfKey(text: string, needle: string): number {
  const i = text.indexOf(needle)
  return i < 0 ? 1 : lineAt(text, i)
}

// ---------------------------------------------------------------- Pipfile.lock

export function parsePipfileLock(input: ParseInput, b: GraphBuilder): void {
  const d = parseJson(input.text, input.file, 'Pipfile.lock')
  const spec = obj(d._meta)['pipfile-spec']
  if (spec !== undefined && (typeof spec !== 'number' || spec > 6)) {
    throw unsupported(
      input.file,
      lineOfKey(input.text, '"pipfile-spec"'),
      `unsupported Pipfile.lock pipfile-spec ${JSON.stringify(spec)} (supported: up to 6)`
    )
  }
  const pipfile = input.readSibling('Pipfile')
  let declared: JsonObject | undefined
  if (pipfile !== undefined) {
    try {
      declared = parseTomlFile(pipfile, 'Pipfile', 'Pipfile')
    } catch {
      declared = undefined
    }
  }
  const rootId = b.addLocal(`local:${input.dir}`, {
    name: input.dirName,
    path: input.dir,
    kind: 'root',
    type: 'pypi'
  })
  const byName = new Map<string, string[]>()
  const sectionOf = new Map<string, EdgeKind>()
  for (const [section, scope] of [
    ['default', 'required'],
    ['develop', 'dev']
  ] as const) {
    for (const [rawName, v] of Object.entries(obj(d[section]))) {
      const e = obj(v)
      const name = pep503(rawName)
      let version = str(e.version)?.replace(/^===?/, '')
      const props: Record<string, string> = {}
      const vcs = ['git', 'hg', 'svn', 'bzr'].find(k => typeof e[k] === 'string')
      const remoteFile = str(e.file) !== undefined && /^https?:\/\//.test(str(e.file)!)
      if (version === undefined && (vcs !== undefined || remoteFile)) {
        // A VCS checkout (version = the locked ref) or a remote archive (its file name's).
        const url = vcs !== undefined ? str(e[vcs])! : str(e.file)!
        props['secure-pipeline:python:source-url'] = url
        if (vcs !== undefined) {
          props['secure-pipeline:python:source-type'] = vcs
          version = str(e.ref) ?? ''
        } else {
          version = archiveVersion(url)
        }
      }
      if (version === undefined) {
        if (e.path !== undefined || e.editable === true || e.file !== undefined) {
          pushName(
            byName,
            name,
            b.addLocal(`local:${input.dir}:pipenv:${name}`, {
              name,
              path: str(e.path) ?? '',
              kind: 'local'
            })
          )
        }
        continue
      }
      const hashes = arr(e.hashes)
        .map(h => prefixedHash(str(h)))
        .filter((h): h is Hash => h !== undefined)
      const id = addPypi(b, name, version, { hashes, scope, properties: props })
      pushName(byName, name, id)
      if (!sectionOf.has(id)) sectionOf.set(id, scope === 'dev' ? 'dev' : 'prod')
    }
  }
  if (declared) {
    for (const [table, kind] of [
      ['packages', 'prod'],
      ['dev-packages', 'dev']
    ] as const) {
      for (const n of Object.keys(obj(declared[table])))
        for (const id of byName.get(pep503(n)) ?? []) b.edge(rootId, id, kind)
    }
  } else {
    for (const [id, kind] of sectionOf) b.edge(rootId, id, kind)
  }
}

// ---------------------------------------------------------------- uv.lock

const EDGE_ORDER: Record<EdgeKind, number> = { prod: 0, peer: 0, optional: 1, dev: 2 }

export function parseUvLock(input: ParseInput, b: GraphBuilder): void {
  const d = parseTomlFile(input.text, input.file, 'uv.lock')
  const version = d.version
  if (version !== 1) {
    throw unsupported(
      input.file,
      lineOfKey(input.text, 'version'),
      `unsupported uv.lock version ${JSON.stringify(version ?? null)} (supported: 1)`
    )
  }
  const pkgs = arr(d.package).map(p => obj(p))
  const byName = new Map<string, string[]>()
  const byNameVersion = new Map<string, string>()
  const ids: string[] = []
  const pp = readPyProject(input.readSibling('pyproject.toml'))
  for (const e of pkgs) {
    const name = pep503(str(e.name) ?? '')
    const version = str(e.version)
    const source = obj(e.source)
    let id: string
    const localKey = ['editable', 'virtual', 'workspace', 'directory', 'path'].find(
      k => k in source
    )
    if (!name) throw malformed(input.file, undefined, 'uv.lock: package without a name')
    if (localKey !== undefined) {
      const p = str(source[localKey]) ?? '.'
      const full = p === '.' ? input.dir : path.posix.join(input.dir, p)
      const isRoot = p === '.'
      id = b.addLocal(`local:${full}`, {
        name,
        ...(version !== undefined ? { version } : {}),
        path: full,
        kind: isRoot
          ? 'root'
          : localKey === 'path' || localKey === 'directory'
            ? 'local'
            : 'workspace',
        type: 'pypi',
        ...(isRoot && pp?.description ? { description: pp.description } : {}),
        ...(isRoot && pp?.license ? { license: pp.license } : {})
      })
    } else {
      if (version === undefined)
        throw malformed(
          input.file,
          lineOfKey(input.text, `name = "${str(e.name)}"`),
          `uv.lock: package ${name} has no version`
        )
      const hashes: Hash[] = []
      const sd = prefixedHash(str(obj(e.sdist).hash))
      if (sd) hashes.push(sd)
      for (const w of arr(e.wheels)) {
        const h = prefixedHash(str(obj(w).hash))
        if (h) hashes.push(h)
      }
      const props: Record<string, string> = {}
      if (str(source.git)) props['secure-pipeline:python:source-url'] = str(source.git)!
      if (str(source.url)) props['secure-pipeline:python:source-url'] = str(source.url)!
      id = addPypi(b, name, version, { hashes, properties: props })
    }
    ids.push(id)
    pushName(byName, name, id)
    if (version !== undefined) byNameVersion.set(`${name}@${version}`, id)
  }
  const resolve = (dep: JsonObject): string[] => {
    const n = pep503(str(dep.name) ?? '')
    const v = str(dep.version)
    if (v !== undefined) {
      const id = byNameVersion.get(`${n}@${v}`)
      if (id) return [id]
    }
    return byName.get(n) ?? []
  }
  // A dependency `{ name = "httpx", extra = ["http2"] }` turns on that extra of its target: what
  // the target lists under `optional-dependencies.http2` is then installed as the requesting
  // edge is (a required `httpx[http2]` makes `h2` required), not as an optional extra. Extras
  // can turn on further extras, so this runs to a fixed point. Extras nothing asks for stay
  // optional edges.
  const activated = ids.map(() => new Map<string, EdgeKind>())
  const extraKind = (i: number, extra: string): EdgeKind =>
    activated[i].get(pep503(extra)) ?? 'optional'
  const indexOf = new Map(ids.map((id, i) => [id, i]))
  const edgesOf = (e: JsonObject, i: number): [JsonObject, EdgeKind][] => [
    ...arr(e.dependencies).map((dep): [JsonObject, EdgeKind] => [obj(dep), 'prod']),
    ...Object.entries(obj(e['optional-dependencies'])).flatMap(([extra, list]) =>
      arr(list).map((dep): [JsonObject, EdgeKind] => [obj(dep), extraKind(i, extra)])
    ),
    ...Object.values(obj(e['dev-dependencies'])).flatMap(list =>
      arr(list).map((dep): [JsonObject, EdgeKind] => [obj(dep), 'dev'])
    )
  ]
  for (let changed = true; changed;) {
    changed = false
    pkgs.forEach((e, i) => {
      for (const [dep, via] of edgesOf(e, i)) {
        // A package's own dev edges are not followed, so an extra asked for by a dev dependency
        // is a plain edge of its target: the target's dev scope carries over to what it adds.
        const kind: EdgeKind = via === 'dev' ? 'prod' : via
        const extras = arr(dep.extra).filter((x): x is string => typeof x === 'string')
        for (const to of extras.length ? resolve(dep) : []) {
          const j = indexOf.get(to)
          if (j === undefined) continue
          for (const x of extras) {
            const prev = activated[j].get(pep503(x))
            if (prev === undefined || EDGE_ORDER[kind] < EDGE_ORDER[prev]) {
              activated[j].set(pep503(x), kind)
              changed = true
            }
          }
        }
      }
    })
  }
  pkgs.forEach((e, i) => {
    for (const [dep, kind] of edgesOf(e, i)) for (const to of resolve(dep)) b.edge(ids[i], to, kind)
  })
  if (!b.roots.some(r => b.localInfo(r)?.kind === 'root')) {
    const { id: rootId } = pythonRoot(input, b)
    if (!linkDeclared(b, rootId, pp, byName)) linkUnrequired(b, rootId, pkgs, ids, byName)
  }
}

// ---------------------------------------------------------------- pylock.toml (PEP 751)

export function parsePylock(input: ParseInput, b: GraphBuilder): void {
  const d = parseTomlFile(input.text, input.file, 'pylock.toml')
  const lv = str(d['lock-version'])
  if (lv === undefined || !/^1(\.|$)/.test(lv)) {
    throw unsupported(
      input.file,
      lineOfKey(input.text, 'lock-version'),
      `unsupported pylock lock-version ${JSON.stringify(lv ?? null)} (supported: 1.x)`
    )
  }
  const { id: rootId, pp } = pythonRoot(input, b)
  const defaults = new Set(
    arr(d['default-groups']).filter((g): g is string => typeof g === 'string')
  )
  const pkgs = arr(d.packages).map(p => obj(p))
  const byName = new Map<string, string[]>()
  const ids: string[] = []
  const kinds: EdgeKind[] = []
  for (const e of pkgs) {
    const name = pep503(str(e.name) ?? '')
    if (!name) throw malformed(input.file, undefined, 'pylock.toml: package without a name')
    let kind: EdgeKind = 'prod'
    const version = str(e.version)
    let id: string
    if (isObject(e.directory) || version === undefined) {
      id = b.addLocal(`local:${input.dir}:pylock:${name}`, {
        name,
        path: str(obj(e.directory).path) ?? '',
        kind: 'local'
      })
    } else {
      const hashes: Hash[] = []
      const take = (h: Json): void => {
        for (const [alg, hex] of Object.entries(obj(h))) {
          const hh = prefixedHash(`${alg}:${str(hex) ?? ''}`)
          if (hh && !hashes.some(x => x.content === hh.content)) hashes.push(hh)
        }
      }
      take(obj(e.sdist).hashes)
      take(obj(e.archive).hashes)
      for (const w of arr(e.wheels)) take(obj(w).hashes)
      const marker = str(e.marker) ?? ''
      let scope: Scope | undefined
      const groups = [...marker.matchAll(/'([^']+)'\s+in\s+dependency_groups/g)].map(m => m[1])
      if (groups.length > 0) scope = groups.some(g => defaults.has(g)) ? 'required' : 'dev'
      const extras = /\bin\s+extras\b/.test(marker)
      if (scope === undefined && extras) scope = 'optional'
      if (scope === 'dev') kind = 'dev'
      else if (scope === 'optional') kind = 'optional'
      id = addPypi(b, name, version, { hashes, scope })
    }
    ids.push(id)
    kinds.push(kind)
    pushName(byName, name, id)
  }
  pkgs.forEach((e, i) => {
    for (const dep of arr(e.dependencies)) {
      const n = pep503(str(obj(dep).name) ?? '')
      for (const to of byName.get(n) ?? []) b.edge(ids[i], to, 'prod')
    }
  })
  if (!linkDeclared(b, rootId, pp, byName)) {
    pkgs.forEach((_, i) => {
      // Without a manifest every package is taken as direct (pylock records no graph unless
      // `dependencies` is present), with the scope its marker states.
      if (!b.isLocal(ids[i])) b.edge(rootId, ids[i], kinds[i])
    })
  }
}

// ---------------------------------------------------------------- pdm.lock

/**
 * PDM's `pdm.lock` (lock_version 3.x/4.x): `[[package]]` with `groups`, PEP 508 `dependencies`
 * strings, `files` hashes (or, before 4.0, `[metadata.files]` keyed "name version"), and `git` /
 * `url` / `path` sources; `name[extra]` entries (older locks) merge into the base package.
 */
export function parsePdmLock(input: ParseInput, b: GraphBuilder): void {
  const d = parseTomlFile(input.text, input.file, 'pdm.lock')
  const meta = obj(d.metadata)
  const lockVersion = str(meta.lock_version)
  if (lockVersion !== undefined && !/^[34]\./.test(lockVersion)) {
    throw unsupported(
      input.file,
      lineOfKey(input.text, 'lock_version'),
      `unsupported pdm lock_version "${lockVersion}" (supported: 3.x, 4.x)`
    )
  }
  const { id: rootId, pp } = pythonRoot(input, b)
  // Groups other than "default" are extras (optional) when pyproject.toml names them in
  // [project.optional-dependencies]; the rest are development groups.
  const extras = new Set<string>()
  const manifest = input.readSibling('pyproject.toml')
  if (manifest !== undefined) {
    try {
      const t = parseTomlFile(manifest, 'pyproject.toml', 'pyproject.toml')
      for (const g of Object.keys(obj(obj(t.project)['optional-dependencies']))) extras.add(g)
    } catch {
      // an unreadable manifest only costs the optional/dev distinction
    }
  }
  const byName = new Map<string, string[]>()
  const entries: { id: string; e: JsonObject; name: string; extra: boolean }[] = []
  const oldFiles = obj(meta.files)
  for (const p of arr(d.package)) {
    const e = obj(p)
    const rawName = str(e.name)
    const version = str(e.version)
    if (!rawName || !version)
      throw malformed(
        input.file,
        lineOfKey(input.text, `name = "${rawName ?? ''}`),
        'pdm.lock: package without name/version'
      )
    const name = pep503(rawName.replace(/\[.*\]$/, ''))
    let id: string
    if (str(e.path) !== undefined || e.editable === true) {
      id = b.addLocal(`local:${input.dir}:pdm:${name}`, {
        name,
        version,
        path: str(e.path) ?? '',
        kind: 'local'
      })
    } else {
      const groups = arr(e.groups).filter((g): g is string => typeof g === 'string')
      const scope: Scope | undefined =
        groups.length === 0
          ? undefined
          : groups.includes('default')
            ? 'required'
            : groups.some(g => extras.has(g))
              ? 'optional'
              : 'dev'
      const hashes = fileHashes(e.files ?? oldFiles[`${rawName} ${version}`] ?? [])
      const props: Record<string, string> = {}
      const vcs = ['git', 'hg', 'svn', 'bzr'].find(k => typeof e[k] === 'string')
      if (vcs !== undefined) {
        props['secure-pipeline:python:source-type'] = vcs
        props['secure-pipeline:python:source-url'] = str(e[vcs])!
        const rev = str(e.revision)
        if (rev) props['secure-pipeline:python:revision'] = rev
      } else if (str(e.url) !== undefined) {
        props['secure-pipeline:python:source-url'] = str(e.url)!
      }
      id = addPypi(b, name, version, { hashes, scope, properties: props })
    }
    pushName(byName, name, id)
    // `name[extra]` entries (or `extras = [...]`) hold what the extra adds.
    entries.push({ id, e, name, extra: /\[.*\]$/.test(rawName) || arr(e.extras).length > 0 })
  }
  const required = new Set<string>()
  for (const { id, e, extra } of entries) {
    for (const spec of arr(e.dependencies)) {
      const dep = typeof spec === 'string' ? requirementName(spec) : undefined
      if (dep === undefined) continue
      required.add(dep)
      const optional = extra || (typeof spec === 'string' && /;\s*.*\bextra\s*==/.test(spec))
      for (const to of byName.get(dep) ?? []) b.edge(id, to, optional ? 'optional' : 'prod')
    }
  }
  if (!linkDeclared(b, rootId, pp, byName)) {
    for (const { id, name } of entries)
      if (!required.has(name) && !b.isLocal(id)) b.edge(rootId, id, 'prod')
  }
}
