/**
 * Discovery (walk a repository honouring .gitignore, or take one lockfile / a root filesystem),
 * parsing into graphs, and assembly into one SBOM or one per project/workspace.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { InputError, walkFiles } from '@secure-pipeline/core'
import { GraphBuilder, mergeGraphs, withoutDev, type Graph, type LocalInfo } from './model.js'
import type { ParseInput, Parser } from './parsers/types.js'
import { readPackageJson } from './parsers/npm.js'
import { readPyProject } from './parsers/python.js'
import { render, type WriteOptions } from './writers.js'

export interface FormatInfo {
  id: string
  /** Loads the parser on first use, so a run only loads the parsers (and YAML/TOML/XML
   * libraries) its files need. */
  load: () => Promise<Parser>
}

const npm = (): Promise<Parser> => import('./parsers/npm.js').then(m => m.parseNpmLock)
const yarn = (): Promise<Parser> => import('./parsers/yarn.js').then(m => m.parseYarnLock)
const pnpm = (): Promise<Parser> => import('./parsers/pnpm.js').then(m => m.parsePnpmLock)
const poetry = (): Promise<Parser> => import('./parsers/python.js').then(m => m.parsePoetryLock)
const pipenv = (): Promise<Parser> => import('./parsers/python.js').then(m => m.parsePipfileLock)
const uv = (): Promise<Parser> => import('./parsers/python.js').then(m => m.parseUvLock)
const pylock = (): Promise<Parser> => import('./parsers/python.js').then(m => m.parsePylock)
const pip = (): Promise<Parser> => import('./parsers/python.js').then(m => m.parseRequirements)
const pdm = (): Promise<Parser> => import('./parsers/python.js').then(m => m.parsePdmLock)
const go = (): Promise<Parser> => import('./parsers/go.js').then(m => m.parseGoMod)
const cargo = (): Promise<Parser> => import('./parsers/cargo.js').then(m => m.parseCargoLock)
const gem = (): Promise<Parser> => import('./parsers/ruby.js').then(m => m.parseGemfileLock)
const composer = (): Promise<Parser> => import('./parsers/misc.js').then(m => m.parseComposerLock)
const gradle = (): Promise<Parser> => import('./parsers/misc.js').then(m => m.parseGradleLockfile)
const nuget = (): Promise<Parser> => import('./parsers/misc.js').then(m => m.parseNugetLock)
const nugetConfig = (): Promise<Parser> =>
  import('./parsers/nuget-config.js').then(m => m.parseNugetPackagesConfig)
const maven = (): Promise<Parser> => import('./parsers/java.js').then(m => m.parsePom)
const apk = (): Promise<Parser> => import('./parsers/os.js').then(m => m.parseApkInstalled)
const dpkg = (): Promise<Parser> => import('./parsers/os.js').then(m => m.parseDpkgStatus)
const pub = (): Promise<Parser> => import('./parsers/dart.js').then(m => m.parsePubspecLock)
const swift = (): Promise<Parser> => import('./parsers/swift.js').then(m => m.parsePackageResolved)
const pods = (): Promise<Parser> => import('./parsers/cocoapods.js').then(m => m.parsePodfileLock)
const mix = (): Promise<Parser> => import('./parsers/beam.js').then(m => m.parseMixLock)
const rebar = (): Promise<Parser> => import('./parsers/beam.js').then(m => m.parseRebarLock)
const deno = (): Promise<Parser> => import('./parsers/deno.js').then(m => m.parseDenoLock)
const julia = (): Promise<Parser> => import('./parsers/julia.js').then(m => m.parseJuliaManifest)
const terraform = (): Promise<Parser> =>
  import('./parsers/terraform.js').then(m => m.parseTerraformLock)
const bun = (): Promise<Parser> => import('./parsers/bun.js').then(m => m.parseBunLock)
const conan = (): Promise<Parser> => import('./parsers/conan.js').then(m => m.parseConanLock)
const cabal = (): Promise<Parser> => import('./parsers/haskell.js').then(m => m.parseCabalFreeze)
const stack = (): Promise<Parser> => import('./parsers/haskell.js').then(m => m.parseStackLock)

const BY_NAME: Record<string, FormatInfo> = {
  'package-lock.json': { id: 'npm', load: npm },
  'npm-shrinkwrap.json': { id: 'npm', load: npm },
  'yarn.lock': { id: 'yarn', load: yarn },
  'pnpm-lock.yaml': { id: 'pnpm', load: pnpm },
  'poetry.lock': { id: 'poetry', load: poetry },
  'Pipfile.lock': { id: 'pipenv', load: pipenv },
  'uv.lock': { id: 'uv', load: uv },
  'pylock.toml': { id: 'pylock', load: pylock },
  'pdm.lock': { id: 'pdm', load: pdm },
  'go.mod': { id: 'go', load: go },
  'Cargo.lock': { id: 'cargo', load: cargo },
  'Gemfile.lock': { id: 'bundler', load: gem },
  'gems.locked': { id: 'bundler', load: gem },
  'composer.lock': { id: 'composer', load: composer },
  'pom.xml': { id: 'maven', load: maven },
  'gradle.lockfile': { id: 'gradle', load: gradle },
  'buildscript-gradle.lockfile': { id: 'gradle', load: gradle },
  'settings-gradle.lockfile': { id: 'gradle', load: gradle },
  'packages.lock.json': { id: 'nuget', load: nuget },
  'packages.config': { id: 'nuget-config', load: nugetConfig },
  'pubspec.lock': { id: 'pub', load: pub },
  'Package.resolved': { id: 'swift', load: swift },
  'Podfile.lock': { id: 'cocoapods', load: pods },
  'mix.lock': { id: 'mix', load: mix },
  'rebar.lock': { id: 'rebar', load: rebar },
  'bun.lock': { id: 'bun', load: bun },
  'deno.lock': { id: 'deno', load: deno },
  '.terraform.lock.hcl': { id: 'terraform', load: terraform },
  'conan.lock': { id: 'conan', load: conan },
  'cabal.project.freeze': { id: 'cabal', load: cabal },
  'stack.yaml.lock': { id: 'stack', load: stack }
}

/** The format of a file by its path (relative, `/` separators), or undefined if unsupported. */
export function detectFormat(rel: string, explicit = false): FormatInfo | undefined {
  const base = rel.slice(rel.lastIndexOf('/') + 1)
  if (explicit && base === 'installed') return { id: 'apk', load: apk }
  if (explicit && base === 'status') return { id: 'dpkg', load: dpkg }
  const byName = BY_NAME[base]
  if (byName) return byName
  if (/^pylock\.[^.]+\.toml$/.test(base)) return { id: 'pylock', load: pylock }
  if (/^(Julia)?Manifest(-v\d+\.\d+)?\.toml$/.test(base)) return { id: 'julia', load: julia }
  if (/^requirements[^/]*\.txt$/i.test(base) || /(^|\/)requirements\/[^/]+\.txt$/.test(rel))
    return { id: 'pip', load: pip }
  if (/(^|\/)gradle\/dependency-locks\/[^/]+\.lockfile$/.test(rel))
    return { id: 'gradle', load: gradle }
  if (/(^|\/)lib\/apk\/db\/installed$/.test(rel)) return { id: 'apk', load: apk }
  if (
    /(^|\/)var\/lib\/dpkg\/status$/.test(rel) ||
    /(^|\/)var\/lib\/dpkg\/status\.d\/[^/]+$/.test(rel)
  )
    return { id: 'dpkg', load: dpkg }
  return undefined
}

/**
 * A file's text by its byte-order mark: UTF-16 (little or big endian) — what Windows PowerShell
 * 5's `pip freeze > requirements.txt` writes — or UTF-8, the BOM dropped; UTF-8 without one.
 */
function readText(file: string): string {
  const buf = readFileSync(file)
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe)
    return buf.subarray(2).toString('utf16le')
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    const le = Buffer.from(buf.subarray(2, 2 + ((buf.length - 2) & ~1)))
    le.swap16()
    return le.toString('utf16le')
  }
  const text = buf.toString('utf8')
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

export interface ParsedLockfile {
  file: string
  format: string
  builder: GraphBuilder
}

function makeInput(root: string, rel: string, text: string): ParseInput {
  const abs = path.join(root, rel)
  const dirAbs = path.dirname(abs)
  const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : ''
  return {
    file: rel,
    absolutePath: abs,
    dir,
    dirName: path.basename(dirAbs) || 'project',
    text,
    readSibling(relative) {
      try {
        return readText(path.resolve(dirAbs, relative))
      } catch {
        return undefined
      }
    },
    exists(relative) {
      return existsSync(path.resolve(dirAbs, relative))
    },
    listDirs(relative) {
      try {
        return readdirSync(path.resolve(dirAbs, relative), { withFileTypes: true })
          .filter(e => e.isDirectory())
          .map(e => e.name)
          .sort()
      } catch {
        return []
      }
    }
  }
}

/** Parses one file (path relative to `root`). */
export async function parseFile(
  root: string,
  rel: string,
  format?: FormatInfo
): Promise<ParsedLockfile> {
  const f = format ?? detectFormat(rel, true)
  if (!f) {
    throw new InputError('SBOM_UNKNOWN_FORMAT', `not a supported lockfile or manifest`, {
      position: { file: rel }
    })
  }
  let text: string
  try {
    text = readText(path.join(root, rel))
  } catch (err) {
    throw new InputError('SBOM_UNREADABLE', `cannot read: ${(err as Error).message}`, {
      position: { file: rel }
    })
  }
  const builder = new GraphBuilder(rel)
  const parse = await f.load()
  try {
    parse(makeInput(root, rel, text), builder)
  } catch (err) {
    if (err instanceof InputError) throw err
    // Input no parser check anticipated must still be an input error naming the file, never
    // a crash with a stack trace.
    const msg = err instanceof Error ? err.message : String(err)
    throw new InputError('SBOM_MALFORMED_LOCKFILE', `cannot read ${f.id} lockfile: ${msg}`, {
      position: { file: rel }
    })
  }
  return { file: rel, format: f.id, builder }
}

const ROOTFS_DBS = ['lib/apk/db/installed', 'var/lib/dpkg/status']

/**
 * Finds every supported file under `root` (honouring .gitignore, skipping node_modules), or the
 * OS package databases when `root` is a root filesystem.
 */
export async function discover(root: string): Promise<string[]> {
  const rootfs = ROOTFS_DBS.filter(db => existsSync(path.join(root, db)))
  const statusD = path.join(root, 'var/lib/dpkg/status.d')
  if (existsSync(statusD) && statSync(statusD).isDirectory()) {
    for (const f of readdirSync(statusD).sort())
      if (!f.endsWith('.md5sums')) rootfs.push(`var/lib/dpkg/status.d/${f}`)
  }
  if (rootfs.length > 0) return rootfs
  const { files } = await walkFiles(root, {
    // Dependency checkouts and build trees of other package managers: SwiftPM `.build/`,
    // pub `.dart_tool/` / `.pub-cache/`, Mix / rebar3 `_build/`, Terraform's `.terraform/`.
    exclude: [
      'node_modules/',
      '.bench/',
      '.build/',
      '.dart_tool/',
      '.pub-cache/',
      '_build/',
      '.terraform/'
    ],
    skipBinary: false
  })
  const found = files.map(f => f.path).filter(p => detectFormat(p) !== undefined)
  const present = new Set(files.map(f => f.path))
  return (
    found
      // go.mod inside a vendor/ tree or testdata is not a project of this repository.
      .filter(p => !/(^|\/)(vendor|testdata)\//.test(p) || p.endsWith('.lock'))
      // Mix fetches dependency sources (with their own mix.lock) into deps/ next to mix.exs.
      .filter(p => {
        const m = /^(.*?)(?:^|\/)deps\/[^/]+\//.exec(p)
        if (!m) return true
        const base = m[1] ? `${m[1]}/` : ''
        return !present.has(`${base}mix.exs`) && !present.has(`${base}mix.lock`)
      })
      .sort()
  )
}

export interface GenerateOptions extends WriteOptions {
  /** One SBOM per project / workspace member instead of one for everything. */
  split?: boolean
  /** Keep dev-scoped components (default true; they are marked `scope: excluded`). */
  includeDev?: boolean
}

export interface SbomDocument {
  /** A file-name-safe name for this document (used by --split). */
  name: string
  graph: Graph
  text: string
}

export interface GenerateResult {
  /** The files that were read, relative to the scanned root. */
  sources: { file: string; format: string }[]
  documents: SbomDocument[]
  /** One whole-lockfile graph per source (for the dependency submission snapshot). */
  perSource: { file: string; format: string; graph: Graph }[]
}

/** Describes the repository root project from whatever manifest is there. */
export function describeRoot(root: string): LocalInfo {
  const read = (f: string): string | undefined => {
    try {
      return readText(path.join(root, f))
    } catch {
      return undefined
    }
  }
  const pj = readPackageJson(read('package.json'))
  if (pj?.name)
    return {
      name: pj.name,
      ...(pj.version ? { version: pj.version } : {}),
      ...(pj.description ? { description: pj.description } : {}),
      ...(pj.license ? { license: pj.license } : {}),
      path: '',
      kind: 'root',
      type: 'npm'
    }
  const pp = readPyProject(read('pyproject.toml'))
  if (pp?.name)
    return {
      name: pp.name,
      ...(pp.version ? { version: pp.version } : {}),
      ...(pp.description ? { description: pp.description } : {}),
      ...(pp.license ? { license: pp.license } : {}),
      path: '',
      kind: 'root',
      type: 'pypi'
    }
  const cargo = read('Cargo.toml')
  const cargoName = cargo ? /^\[package\][^[]*?^name\s*=\s*"([^"]+)"/ms.exec(cargo)?.[1] : undefined
  if (cargoName) {
    const ver = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms.exec(cargo!)?.[1]
    return {
      name: cargoName,
      ...(ver ? { version: ver } : {}),
      path: '',
      kind: 'root',
      type: 'cargo'
    }
  }
  const gomod = read('go.mod')
  const mod = gomod ? /^module\s+"?([^\s"]+)"?/m.exec(gomod)?.[1] : undefined
  if (mod) return { name: mod, path: '', kind: 'root', type: 'golang' }
  return { name: path.basename(path.resolve(root)) || 'project', path: '', kind: 'root' }
}

function safeName(s: string): string {
  return (
    s
      .replace(/^@/, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'project'
  )
}

/** Generates the SBOM(s) for a repository directory, a root filesystem or one lockfile. */
export async function generate(target: string, options: GenerateOptions): Promise<GenerateResult> {
  let st
  try {
    st = statSync(target)
  } catch {
    throw new InputError('SBOM_NOT_FOUND', `no such file or directory`, {
      position: { file: target }
    })
  }
  let root: string
  let files: string[]
  if (st.isFile()) {
    root = path.dirname(target)
    files = [path.basename(target)]
  } else {
    root = target
    files = await discover(root)
  }
  const parsed: ParsedLockfile[] = []
  for (const f of files) parsed.push(await parseFile(root, f))
  const sources = parsed.map(p => ({ file: p.file, format: p.format }))
  const includeDev = options.includeDev ?? true
  const finalize = (g: Graph): Graph => (includeDev ? g : withoutDev(g))
  const documents: SbomDocument[] = []
  const graphs = parsed.map(p => p.builder.finish())
  const perSource = parsed.map((p, i) => ({
    file: p.file,
    format: p.format,
    graph: finalize(graphs[i])
  }))
  if (!options.split) {
    let project: LocalInfo
    if (st.isFile() && graphs.length === 1) {
      const g = graphs[0].project
      project = { ...g, kind: 'root' }
    } else {
      // The root manifest (package.json, pyproject.toml, Cargo.toml, go.mod) describes the
      // repository; else the root lockfile's project; else a single lockfile's / rootfs's.
      const manifest = describeRoot(root)
      const atRoot = parsed.findIndex(p => !p.file.includes('/'))
      const rootInfo =
        atRoot >= 0 ? graphs[atRoot].project : graphs.length === 1 ? graphs[0].project : undefined
      if (manifest.type !== undefined) project = manifest
      else if (rootInfo) project = { ...rootInfo, kind: 'root', path: '' }
      else project = manifest
    }
    const merged = mergeGraphs(graphs, {
      name: project.name,
      ...(project.version !== undefined ? { version: project.version } : {}),
      ...(project.type !== undefined ? { type: project.type } : {}),
      ...(project.namespace !== undefined ? { namespace: project.namespace } : {}),
      ...(project.description !== undefined ? { description: project.description } : {}),
      ...(project.license !== undefined ? { license: project.license } : {}),
      path: project.path
    })
    const graph = finalize(merged)
    documents.push({ name: safeName(project.name), graph, text: render(graph, options) })
  } else {
    const used = new Set<string>()
    for (const p of parsed) {
      const projects = p.builder.projects()
      for (const { id, info } of projects) {
        const include =
          projects.length === 1 ? 'all' : info.kind === 'root' ? 'reachable+orphans' : 'reachable'
        const g = p.builder.finish({ rootIds: [id], include, project: info })
        const graph = finalize(g)
        let name = safeName(`${info.name}${info.path && info.path !== p.builder.source ? '' : ''}`)
        if (used.has(name)) name = safeName(`${info.name}-${info.path || p.file}`)
        for (let i = 2; used.has(name); i++) name = `${safeName(info.name)}-${i}`
        used.add(name)
        documents.push({ name, graph, text: render(graph, options) })
      }
    }
  }
  return { sources, documents, perSource }
}
