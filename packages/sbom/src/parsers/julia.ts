/**
 * Julia's `Manifest.toml` (manifest_format 2.0: `[[deps.Name]]`; 1.0: top-level `[[Name]]`) with
 * `uuid`, `version`, `deps` (names, or name → uuid when ambiguous), `git-tree-sha1`, `repo-url`,
 * `path`. Entries without a version are standard libraries shipped with Julia (not reported);
 * `path` entries are developed locally (first-party). `Project.toml` `[deps]` are the direct
 * ones; `[extras]` named by `[targets]` (test) are dev.
 */
import type { EdgeKind, GraphBuilder } from '../model.js'
import type { ParseInput } from './types.js'
import { arr, isObject, lineOf, obj, parseTomlFile, purl, str, unsupported } from '../util.js'

export function parseJuliaManifest(input: ParseInput, b: GraphBuilder): void {
  const d = parseTomlFile(input.text, input.file, 'Manifest.toml')
  const format = str(d.manifest_format)
  if (format !== undefined && !/^[12]\./.test(format)) {
    throw unsupported(
      input.file,
      lineOf(input.text, 'manifest_format'),
      `unsupported Manifest.toml manifest_format "${format}" (supported: 1.x, 2.x)`
    )
  }
  const table = format?.startsWith('2.') ? obj(d.deps) : d
  const project = input.readSibling('Project.toml') ?? input.readSibling('JuliaProject.toml')
  let manifest: Record<string, unknown> = {}
  if (project !== undefined) {
    try {
      manifest = parseTomlFile(project, 'Project.toml', 'Project.toml')
    } catch {
      manifest = {}
    }
  }
  const rootId = b.addLocal(`local:${input.dir}`, {
    name: str(manifest.name) ?? input.dirName,
    ...(str(manifest.version) ? { version: str(manifest.version)! } : {}),
    path: input.dir,
    kind: 'root',
    type: 'julia'
  })
  const byName = new Map<string, { uuid: string; id: string }[]>()
  const entries: { id: string; deps: unknown }[] = []
  for (const [name, list] of Object.entries(table)) {
    if (!Array.isArray(list)) continue
    for (const raw of list) {
      if (!isObject(raw)) continue
      const uuid = str(raw.uuid)
      const version = str(raw.version)
      if (!uuid || !version) continue
      let id: string
      if (str(raw.path) !== undefined) {
        id = b.addLocal(`local:${input.dir}:julia:${uuid}`, {
          name,
          version,
          path: str(raw.path)!,
          kind: 'local',
          type: 'julia'
        })
      } else {
        const props: Record<string, string> = {}
        const tree = str(raw['git-tree-sha1'])
        if (tree) props['secure-pipeline:julia:git-tree-sha1'] = tree
        const repo = str(raw['repo-url'])
        if (repo) props['secure-pipeline:julia:repo-url'] = repo
        const rev = str(raw['repo-rev'])
        if (rev) props['secure-pipeline:julia:repo-rev'] = rev
        id = b.addPackage({
          type: 'julia',
          name,
          version,
          purl: purl('julia', undefined, name, version, { uuid }),
          ...(Object.keys(props).length ? { properties: props } : {})
        })
      }
      byName.set(name, [...(byName.get(name) ?? []), { uuid, id }])
      entries.push({ id, deps: raw.deps })
    }
  }
  const find = (name: string, uuid?: string): string | undefined => {
    const list = byName.get(name) ?? []
    return (uuid ? list.find(x => x.uuid === uuid) : list.length === 1 ? list[0] : undefined)?.id
  }
  for (const { id, deps } of entries) {
    if (isObject(deps)) {
      for (const [n, u] of Object.entries(deps)) {
        const to = find(n, str(u))
        if (to) b.edge(id, to, 'prod')
      }
    } else {
      for (const n of arr(deps)) {
        const to = typeof n === 'string' ? find(n) : undefined
        if (to) b.edge(id, to, 'prod')
      }
    }
  }
  const testOnly = new Set(
    arr(obj(manifest.targets).test).filter((x): x is string => typeof x === 'string')
  )
  for (const [field, kind] of [
    ['deps', 'prod'],
    ['weakdeps', 'optional'],
    ['extras', 'dev']
  ] as [string, EdgeKind][]) {
    for (const [n, u] of Object.entries(obj(manifest[field]))) {
      if (field === 'extras' && !testOnly.has(n)) continue
      const to = find(n, str(u))
      if (to) b.edge(rootId, to, kind)
    }
  }
}
