/**
 * Swift Package Manager `Package.resolved`, versions 1 (`object.pins[]` with `package`,
 * `repositoryURL`, `state`), 2 and 3 (`pins[]` with `identity`, `kind`, `location`, `state`; v3
 * adds `originHash`). The file pins every package of the resolution but records no graph; the
 * sibling `Package.swift` (when present) tells which pins the project declares itself.
 */
import type { GraphBuilder } from '../model.js'
import type { ParseInput } from './types.js'
import {
  escapeRegExp,
  isObject,
  lineOf,
  malformed,
  obj,
  parseJson,
  purl,
  repoPath,
  str,
  unsupported
} from '../util.js'

interface Pin {
  identity: string
  kind: string
  location: string
  version?: string
  revision?: string
  branch?: string
}

/** `.package(url: "…")` / `.package(id: "scope.name")` declarations of a Package.swift. */
function declared(manifest: string | undefined): { urls: Set<string>; ids: Set<string> } {
  const urls = new Set<string>()
  const ids = new Set<string>()
  if (manifest === undefined) return { urls, ids }
  // Comments out (not the `//` of a URL).
  const text = manifest.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(?<![:/])\/\/[^\n]*/g, '')
  for (const m of text.matchAll(/\.package\s*\(([^)]*)\)/g)) {
    const args = m[1]
    const url = /\burl\s*:\s*"([^"]+)"/.exec(args)?.[1]
    if (url) urls.add(locationKey(url))
    const id = /\bid\s*:\s*"([^"]+)"/.exec(args)?.[1]
    if (id) ids.add(id.toLowerCase())
    const path = /\bpath\s*:\s*"([^"]+)"/.exec(args)?.[1]
    if (path) urls.add(`path:${path}`)
  }
  return { urls, ids }
}

function locationKey(location: string): string {
  const r = repoPath(location)
  return r ? `${r.host}/${r.path}`.toLowerCase() : location.toLowerCase()
}

function readPins(input: ParseInput): Pin[] {
  const d = parseJson(input.text, input.file, 'Package.resolved')
  const version = d.version
  if (version !== 1 && version !== 2 && version !== 3) {
    throw unsupported(
      input.file,
      lineOf(input.text, '"version"'),
      `unsupported Package.resolved version ${JSON.stringify(version ?? null)} (supported: 1, 2, 3)`
    )
  }
  const list = version === 1 ? obj(d.object).pins : d.pins
  if (!Array.isArray(list))
    throw malformed(
      input.file,
      lineOf(input.text, '"pins"'),
      'Package.resolved: "pins" is not a list'
    )
  return list.map((raw, i) => {
    const e = obj(raw)
    const state = obj(e.state)
    const identity = version === 1 ? str(e.package) : str(e.identity)
    const location = version === 1 ? str(e.repositoryURL) : str(e.location)
    const kind = version === 1 ? 'remoteSourceControl' : (str(e.kind) ?? 'remoteSourceControl')
    if (!isObject(raw) || !identity || (location === undefined && kind !== 'registry')) {
      const at = identity ? lineOf(input.text, `"${identity}"`) : lineOf(input.text, '"pins"')
      throw malformed(input.file, at, `Package.resolved: pin #${i + 1} without identity/location`)
    }
    const v = str(state.version)
    const revision = str(state.revision)
    const branch = str(state.branch)
    return {
      identity,
      kind,
      location: location ?? '',
      ...(v ? { version: v } : {}),
      ...(revision ? { revision } : {}),
      ...(branch ? { branch } : {})
    }
  })
}

export function parsePackageResolved(input: ParseInput, b: GraphBuilder): void {
  const pins = readPins(input)
  const manifestText = input.readSibling('Package.swift')
  const manifestName = manifestText
    ? /Package\s*\(\s*name\s*:\s*"([^"]+)"/.exec(manifestText)?.[1]
    : undefined
  // An Xcode project keeps its file in X.xcodeproj/project.xcworkspace/xcshareddata/swiftpm/.
  const xcode = /(?:^|\/)([^/]+)\.(?:xcodeproj|xcworkspace)\//.exec(`${input.dir}/`)?.[1]
  const rootId = b.addLocal(`local:${input.dir}`, {
    name: manifestName ?? xcode ?? input.dirName,
    path: input.dir,
    kind: 'root',
    type: 'swift'
  })
  const { urls, ids } = declared(manifestText)
  // An Xcode project declares its packages in project.pbxproj (XCRemoteSwiftPackageReference).
  const pbxproj = /(^|\/)[^/]+\.xcodeproj\/project\.xcworkspace\/xcshareddata\/swiftpm$/.test(
    input.dir
  )
    ? input.readSibling('../../../project.pbxproj')
    : undefined
  if (pbxproj !== undefined)
    for (const m of pbxproj.matchAll(/\brepositoryURL\s*=\s*"?([^";\s]+)"?\s*;/g))
      urls.add(locationKey(m[1]))
  for (const p of pins) {
    const at = (): number => lineOf(input.text, new RegExp(`"${escapeRegExp(p.identity)}"`))
    let id: string
    if (p.kind === 'localSourceControl' || p.kind === 'fileSystem') {
      id = b.addLocal(`local:${input.dir}:swift:${p.identity}`, {
        name: p.identity,
        ...(p.version ? { version: p.version } : {}),
        path: p.location,
        kind: 'local',
        type: 'swift'
      })
    } else {
      let namespace: string
      let name: string
      const props: Record<string, string> = {}
      if (p.kind === 'registry') {
        // Registry identities are `scope.name`.
        const dot = p.identity.indexOf('.')
        if (dot <= 0)
          throw malformed(
            input.file,
            at(),
            `Package.resolved: registry pin "${p.identity}" is not scope.name`
          )
        namespace = p.identity.slice(0, dot)
        name = p.identity.slice(dot + 1)
        props['secure-pipeline:swift:registry'] = 'true'
      } else {
        const r = repoPath(p.location)
        const slash = r ? r.path.lastIndexOf('/') : -1
        if (!r || slash <= 0) {
          // No host/owner to build the required namespace from: keep the location as a property.
          namespace = r ? `${r.host}` : 'unknown'
          name = r ? r.path : p.identity
        } else {
          namespace = `${r.host}/${r.path.slice(0, slash)}`
          name = r.path.slice(slash + 1)
        }
        props['secure-pipeline:swift:location'] = p.location
      }
      if (p.revision) props['secure-pipeline:swift:revision'] = p.revision
      if (p.branch) props['secure-pipeline:swift:branch'] = p.branch
      const version = p.version ?? p.revision
      if (!version)
        throw malformed(
          input.file,
          at(),
          `Package.resolved: pin "${p.identity}" without version or revision`
        )
      id = b.addPackage({
        type: 'swift',
        namespace,
        name,
        version,
        purl: purl('swift', namespace, name, version),
        properties: props
      })
    }
    const isDeclared =
      p.kind === 'registry'
        ? ids.has(p.identity.toLowerCase())
        : urls.has(locationKey(p.location)) || urls.has(`path:${p.location}`)
    if (isDeclared) b.edge(rootId, id, 'prod')
  }
}
