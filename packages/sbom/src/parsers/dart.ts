/**
 * Dart / Flutter `pubspec.lock`: `packages` keyed by name, each with `dependency` (`direct main`,
 * `direct dev`, `direct overridden`, `transitive`), `source` (`hosted`, `git`, `path`, `sdk`),
 * `description` and `version`. The lockfile records no graph: the project depends on its direct
 * packages, transitive ones have no recorded parent.
 */
import type { EdgeKind, GraphBuilder, Hash } from '../model.js'
import type { ParseInput } from './types.js'
import { escapeRegExp, hexHash, isObject, lineOf, malformed, obj, purl, str } from '../util.js'
import { parseYaml } from '../yaml.js'

const DEFAULT_HOSTS = /^https:\/\/(pub\.dev|pub\.dartlang\.org)\/?$/

/** pub names are lower-case `[a-z0-9_]`; the purl type replaces anything else with `_`. */
export function pubName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_]/g, '_')
}

function readPubspecName(text: string | undefined): { name?: string; version?: string } {
  if (text === undefined) return {}
  const name = /^name:\s*["']?([A-Za-z0-9_]+)["']?\s*(?:#.*)?$/m.exec(text)?.[1]
  const version = /^version:\s*["']?([^\s"'#]+)["']?/m.exec(text)?.[1]
  return { ...(name ? { name } : {}), ...(version ? { version } : {}) }
}

export function parsePubspecLock(input: ParseInput, b: GraphBuilder): void {
  const d = parseYaml(input.text, input.file, 'pubspec.lock')
  const pkgs = d.packages
  if (pkgs !== undefined && pkgs !== null && !isObject(pkgs))
    throw malformed(
      input.file,
      lineOf(input.text, /^packages:/m),
      'pubspec.lock: "packages" is not a mapping'
    )
  const manifest = readPubspecName(input.readSibling('pubspec.yaml'))
  const rootId = b.addLocal(`local:${input.dir}`, {
    name: manifest.name ?? input.dirName,
    ...(manifest.version ? { version: manifest.version } : {}),
    path: input.dir,
    kind: 'root',
    type: 'pub'
  })
  for (const [key, raw] of Object.entries(obj(pkgs))) {
    const at = (): number => lineOf(input.text, new RegExp(`^  ${escapeRegExp(key)}:`, 'm'))
    if (!isObject(raw))
      throw malformed(input.file, at(), `pubspec.lock: package "${key}" is not a mapping`)
    const version = str(raw.version)
    const source = str(raw.source)
    if (!version || !source)
      throw malformed(input.file, at(), `pubspec.lock: package "${key}" without version/source`)
    const dependency = str(raw.dependency) ?? 'transitive'
    const desc = raw.description
    const info = obj(desc)
    let id: string
    if (source === 'path') {
      id = b.addLocal(`local:${input.dir}:pub:${key}`, {
        name: key,
        version,
        path: str(info.path) ?? '',
        kind: 'local',
        type: 'pub'
      })
    } else {
      const name = pubName(source === 'hosted' ? (str(info.name) ?? key) : key)
      if (!name) throw malformed(input.file, at(), `pubspec.lock: package "${key}" without a name`)
      const props: Record<string, string> = {}
      const hashes: Hash[] = []
      if (source === 'hosted') {
        const url = str(info.url)
        if (url && !DEFAULT_HOSTS.test(url)) props['secure-pipeline:pub:hosted-url'] = url
        const h = hexHash('SHA-256', str(info.sha256))
        if (h) hashes.push(h)
      } else if (source === 'git') {
        props['secure-pipeline:pub:source'] = 'git'
        const url = str(info.url)
        if (url) props['secure-pipeline:pub:git'] = url
        const rev = str(info['resolved-ref']) ?? str(info.ref)
        if (rev) props['secure-pipeline:pub:revision'] = rev
        const sub = str(info.path)
        if (sub && sub !== '.') props['secure-pipeline:pub:git-path'] = sub
      } else {
        // `sdk` (flutter, flutter_test, sky_engine ...) or a source we do not know by name.
        props['secure-pipeline:pub:source'] = source
        if (typeof desc === 'string') props['secure-pipeline:pub:sdk'] = desc
      }
      id = b.addPackage({
        type: 'pub',
        name,
        version,
        purl: purl('pub', undefined, name, version),
        ...(hashes.length ? { hashes } : {}),
        ...(dependency === 'direct dev' ? { scopeHint: 'dev' as const } : {}),
        ...(Object.keys(props).length ? { properties: props } : {})
      })
    }
    if (dependency.startsWith('direct')) {
      const kind: EdgeKind = dependency === 'direct dev' ? 'dev' : 'prod'
      b.edge(rootId, id, kind)
    }
  }
}
