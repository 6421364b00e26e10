/**
 * The one internal dependency graph every lockfile parser produces and every writer reads.
 *
 * Nodes are either third-party packages (keyed by purl, so patched / peer-suffixed / platform
 * variants of the same name@version collapse into one component) or first-party "local" nodes
 * (the root project, workspace members, file:/link:/path packages), which are never components:
 * edges that reach a local node are followed through it.
 */

export type Scope = 'required' | 'optional' | 'dev'
export type EdgeKind = 'prod' | 'optional' | 'dev' | 'peer'
export type HashAlg = 'MD5' | 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'

export interface Hash {
  alg: HashAlg
  /** Lower-case hex. */
  content: string
}

export interface PackageInfo {
  /** purl type: npm, pypi, golang, cargo, gem, composer, maven, nuget, apk, deb. */
  type: string
  namespace?: string
  name: string
  version: string
  purl: string
  hashes?: Hash[]
  /** License as stated by the lockfile or an installed manifest (raw text). */
  license?: string
  /** Scope stated by the lockfile itself (npm dev/optional flags, poetry groups, ...). */
  scopeHint?: Scope
  /** Where the package is downloaded from, when the lockfile says so. */
  downloadUrl?: string
  /** Extra facts kept as properties (sorted by name on output). */
  properties?: Record<string, string>
}

export interface LocalInfo {
  name: string
  version?: string
  /** Directory of this project relative to the scanned root ('' for the root). */
  path: string
  kind: 'root' | 'workspace' | 'local'
  type?: string
  namespace?: string
  description?: string
  license?: string
}

interface PackageNode extends PackageInfo {
  local: false
  id: string
  edges: Map<string, EdgeKind>
}

interface LocalNode extends LocalInfo {
  local: true
  id: string
  edges: Map<string, EdgeKind>
}

type Node = PackageNode | LocalNode

/** A resolved component in a finished graph. */
export interface Component {
  ref: string
  type: string
  namespace?: string
  name: string
  version: string
  purl: string
  hashes: Hash[]
  license?: string
  scope: Scope
  direct: boolean
  downloadUrl?: string
  properties: Record<string, string>
  /** Refs of the components this one depends on (sorted). */
  dependsOn: string[]
}

export interface Project {
  /** First-party description of what the SBOM is about. */
  name: string
  version?: string
  type?: string
  namespace?: string
  description?: string
  license?: string
  path: string
  /** The lockfile(s) this project's components come from, relative to the scanned root. */
  sources: string[]
  /** Refs of direct dependencies of the project (sorted), with the scope of each edge. */
  direct: { ref: string; scope: Scope }[]
}

export interface Graph {
  project: Project
  /** Sorted by ref. */
  components: Component[]
}

const RANK: Record<Scope, number> = { required: 0, optional: 1, dev: 2 }
const SCOPES: Scope[] = ['required', 'optional', 'dev']
const EDGE_RANK: Record<EdgeKind, number> = { prod: 0, peer: 0, optional: 1, dev: 2 }

function strongerEdge(a: EdgeKind | undefined, b: EdgeKind): EdgeKind {
  if (a === undefined) return b
  return EDGE_RANK[b] < EDGE_RANK[a] ? b : a
}

function strongerScope(a: Scope | undefined, b: Scope | undefined): Scope | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  return RANK[b] < RANK[a] ? b : a
}

/**
 * A URL with the credentials a lockfile may carry taken out (`https://user:token@host/…` from a
 * private registry, `git+https://x-access-token:…@github.com/…`): an SBOM is published, its
 * URLs must not be. Web URLs lose the whole user part (a lone user name there is a token too);
 * others (`git+ssh://git@host`) keep the user name and lose only a password. Any such URL inside
 * a longer value is cleaned as well.
 */
export function withoutCredentials(value: string): string {
  return value.replace(
    /\b([a-z][a-z0-9+.-]*:\/\/)([^/?#\s@]*)@/gi,
    (_m, scheme: string, userinfo: string) => {
      if (/(^|\+)(https?|ftp)s?:\/\/$/i.test(scheme)) return scheme
      const colon = userinfo.indexOf(':')
      return `${scheme}${colon < 0 ? userinfo : userinfo.slice(0, colon)}@`
    }
  )
}

function sanitized(info: PackageInfo): PackageInfo {
  const out = { ...info }
  if (out.downloadUrl !== undefined) out.downloadUrl = withoutCredentials(out.downloadUrl)
  if (out.properties) {
    out.properties = Object.fromEntries(
      Object.entries(out.properties).map(([k, v]) => [k, withoutCredentials(v)])
    )
  }
  return out
}

/** Accumulates nodes and edges while a lockfile is read. */
export class GraphBuilder {
  private readonly nodes = new Map<string, Node>()
  /** Ids of the root and workspace members, in insertion order. */
  readonly roots: string[] = []

  constructor(
    /** The lockfile, relative to the scanned root. */
    readonly source: string
  ) {}

  /** Adds (or merges into) a third-party package; returns its id (= purl). */
  addPackage(raw: PackageInfo): string {
    const info = sanitized(raw)
    const id = info.purl
    const existing = this.nodes.get(id)
    if (existing === undefined) {
      this.nodes.set(id, { ...info, local: false, id, edges: new Map() })
      return id
    }
    if (existing.local) return id
    existing.scopeHint = strongerScope(existing.scopeHint, info.scopeHint)
    if (info.hashes) {
      const have = existing.hashes ?? (existing.hashes = [])
      for (const h of info.hashes) {
        if (!have.some(x => x.alg === h.alg && x.content === h.content)) have.push(h)
      }
    }
    existing.license ??= info.license
    existing.downloadUrl ??= info.downloadUrl
    if (info.properties) existing.properties = { ...info.properties, ...existing.properties }
    return id
  }

  /** Adds a first-party node (root, workspace member, local path package). */
  addLocal(id: string, info: LocalInfo): string {
    const existing = this.nodes.get(id)
    if (existing === undefined) {
      this.nodes.set(id, { ...info, local: true, id, edges: new Map() })
      if (info.kind !== 'local') this.roots.push(id)
    } else if (existing.local) {
      existing.version ??= info.version
      existing.description ??= info.description
      existing.license ??= info.license
    }
    return id
  }

  has(id: string): boolean {
    return this.nodes.has(id)
  }

  isLocal(id: string): boolean {
    return this.nodes.get(id)?.local === true
  }

  /** Records `from` depends on `to`. Unknown ids are ignored at finish time. */
  edge(from: string, to: string, kind: EdgeKind = 'prod'): void {
    if (from === to) return
    const node = this.nodes.get(from)
    if (node === undefined) return
    node.edges.set(to, strongerEdge(node.edges.get(to), kind))
  }

  /** Sets a scope hint on an existing package (keeps the strongest). */
  hintScope(id: string, scope: Scope): void {
    const node = this.nodes.get(id)
    if (node && !node.local) node.scopeHint = strongerScope(node.scopeHint, scope)
  }

  localInfo(id: string): LocalInfo | undefined {
    const n = this.nodes.get(id)
    return n?.local ? n : undefined
  }

  /** Number of third-party packages so far. */
  get packageCount(): number {
    let n = 0
    for (const node of this.nodes.values()) if (!node.local) n++
    return n
  }

  /** Packages that no node in `rootIds` reaches (through packages and local nodes). */
  unreachedFrom(rootIds: string[]): Set<string> {
    const seen = new Set<string>()
    const stack = [...rootIds]
    while (stack.length > 0) {
      const id = stack.pop()!
      if (seen.has(id)) continue
      seen.add(id)
      const node = this.nodes.get(id)
      if (node) for (const to of node.edges.keys()) if (!seen.has(to)) stack.push(to)
    }
    const out = new Set<string>()
    for (const node of this.nodes.values()) if (!node.local && !seen.has(node.id)) out.add(node.id)
    return out
  }

  /** Ids and infos of the root and workspace members. */
  projects(): { id: string; info: LocalInfo }[] {
    return this.roots.map(id => ({ id, info: this.localInfo(id)! }))
  }

  /**
   * Finishes the graph seen from `rootIds` (default: every root and workspace member).
   * `all` keeps packages no root reaches (a whole-lockfile SBOM); otherwise only reachable ones.
   */
  finish(
    options: {
      rootIds?: string[]
      include?: 'all' | 'reachable' | 'reachable+orphans'
      project?: LocalInfo
    } = {}
  ): Graph {
    const rootIds = (options.rootIds ?? this.roots).filter(id => this.nodes.has(id))
    const include = options.include ?? 'all'
    const all = include === 'all'
    const orphans =
      include === 'reachable+orphans' ? this.unreachedFrom(this.roots) : new Set<string>()
    // Dependencies of a node with local nodes replaced by their own (transitive) dependencies.
    const expanded = new Map<string, Map<string, EdgeKind>>()
    const expand = (id: string): Map<string, EdgeKind> => {
      const cached = expanded.get(id)
      if (cached) return cached
      const node = this.nodes.get(id)
      if (!node) {
        const empty = new Map<string, EdgeKind>()
        expanded.set(id, empty)
        return empty
      }
      // Fast path: no edge reaches a local node, so the edges are the dependencies.
      let direct = true
      for (const to of node.edges.keys()) {
        const t = this.nodes.get(to)
        if (t === undefined || t.local) {
          direct = false
          break
        }
      }
      if (direct) {
        expanded.set(id, node.edges)
        return node.edges
      }
      const out = new Map<string, EdgeKind>()
      expanded.set(id, out)
      const seen = new Set<string>([id])
      const stack: [string, EdgeKind][] = []
      for (const [to, kind] of node.edges) stack.push([to, kind])
      while (stack.length > 0) {
        const [to, kind] = stack.pop()!
        const target = this.nodes.get(to)
        if (target === undefined) continue
        if (!target.local) {
          out.set(to, strongerEdge(out.get(to), kind))
          continue
        }
        if (seen.has(to)) continue
        seen.add(to)
        // The dev dependencies of a first-party package (local or workspace member) are not
        // dependencies of its dependents; a project's own dev dependencies are counted from it.
        for (const [t2, k2] of target.edges) {
          if (k2 === 'dev') continue
          const k = EDGE_RANK[k2] > EDGE_RANK[kind] ? k2 : kind
          stack.push([t2, k])
        }
      }
      return out
    }

    // 0-1-2 BFS: the scope of a package is the best (lowest) over all paths of the worst edge.
    const level = new Map<string, number>()
    const buckets: string[][] = [[], [], []]
    const directScope = new Map<string, number>()
    for (const r of rootIds) {
      for (const [to, kind] of expand(r)) {
        const l = EDGE_RANK[kind]
        const prev = directScope.get(to)
        if (prev === undefined || l < prev) directScope.set(to, l)
        const cur = level.get(to)
        if (cur === undefined || l < cur) {
          level.set(to, l)
          buckets[l].push(to)
        }
      }
    }
    for (let l = 0; l < 3; l++) {
      const bucket = buckets[l]
      for (let i = 0; i < bucket.length; i++) {
        const id = bucket[i]
        if (level.get(id) !== l) continue
        for (const [to, kind] of expand(id)) {
          if (kind === 'dev') continue
          const nl = Math.max(l, EDGE_RANK[kind])
          const cur = level.get(to)
          if (cur === undefined || nl < cur) {
            level.set(to, nl)
            buckets[nl].push(to)
          }
        }
      }
    }

    const components: Component[] = []
    for (const node of this.nodes.values()) {
      if (node.local) continue
      const reached = level.get(node.id)
      const orphan = orphans.has(node.id)
      if (!all && reached === undefined && !orphan) continue
      // A scope the lockfile states wins when the graph is seen whole; in a per-project view
      // the reachability from that project decides (a dev tool of one workspace may be a
      // runtime dependency of another).
      let scope: Scope
      if (all) scope = node.scopeHint ?? (reached !== undefined ? SCOPES[reached] : 'required')
      else scope = reached !== undefined ? SCOPES[reached] : (node.scopeHint ?? 'required')
      const deps = [...expand(node.id).keys()].filter(d => d !== node.id).sort()
      components.push({
        ref: node.id,
        type: node.type,
        ...(node.namespace !== undefined ? { namespace: node.namespace } : {}),
        name: node.name,
        version: node.version,
        purl: node.purl,
        hashes: sortHashes(node.hashes ?? []),
        ...(node.license !== undefined ? { license: node.license } : {}),
        scope,
        direct: directScope.has(node.id),
        ...(node.downloadUrl !== undefined ? { downloadUrl: node.downloadUrl } : {}),
        properties: node.properties ?? {},
        dependsOn: deps
      })
    }
    components.sort((a, b) => compare(a.ref, b.ref))
    const rootKind = rootIds.find(id => this.localInfo(id)?.kind === 'root')
    const first = this.nodes.get(rootKind ?? rootIds[0] ?? '')
    const rootInfo: LocalInfo = options.project ??
      (first?.local ? first : undefined) ?? { name: 'project', path: '', kind: 'root' }
    const direct = [...directScope.entries()]
      .filter(([ref]) => this.nodes.has(ref))
      .map(([ref, l]) => ({ ref, scope: SCOPES[l] }))
      .sort((a, b) => compare(a.ref, b.ref))
    return {
      project: {
        name: rootInfo.name,
        ...(rootInfo.version !== undefined ? { version: rootInfo.version } : {}),
        ...(rootInfo.type !== undefined ? { type: rootInfo.type } : {}),
        ...(rootInfo.namespace !== undefined ? { namespace: rootInfo.namespace } : {}),
        ...(rootInfo.description !== undefined ? { description: rootInfo.description } : {}),
        ...(rootInfo.license !== undefined ? { license: rootInfo.license } : {}),
        path: rootInfo.path,
        sources: [this.source],
        direct
      },
      components
    }
  }
}

const HASH_ORDER: HashAlg[] = ['SHA-512', 'SHA-384', 'SHA-256', 'SHA-1', 'MD5']
function sortHashes(hashes: Hash[]): Hash[] {
  return [...hashes].sort(
    (a, b) => HASH_ORDER.indexOf(a.alg) - HASH_ORDER.indexOf(b.alg) || compare(a.content, b.content)
  )
}

/** Code-unit order: stable across locales and runs. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Merges several graphs (one per lockfile) into one SBOM about `project`. */
export function mergeGraphs(graphs: Graph[], project: Omit<Project, 'direct' | 'sources'>): Graph {
  if (graphs.length === 1) {
    // One lockfile: nothing to merge (components are already sorted and unique).
    const g = graphs[0]
    return {
      project: { ...project, sources: g.project.sources, direct: g.project.direct },
      components: g.components
    }
  }
  const byRef = new Map<string, Component>()
  const direct = new Map<string, Scope>()
  const sources: string[] = []
  for (const g of graphs) {
    sources.push(...g.project.sources)
    for (const d of g.project.direct) {
      const prev = direct.get(d.ref)
      direct.set(d.ref, strongerScope(prev, d.scope)!)
    }
    for (const c of g.components) {
      const prev = byRef.get(c.ref)
      if (!prev) {
        byRef.set(c.ref, { ...c, hashes: [...c.hashes], dependsOn: [...c.dependsOn] })
        continue
      }
      prev.scope = strongerScope(prev.scope, c.scope)!
      prev.direct ||= c.direct
      prev.license ??= c.license
      for (const h of c.hashes) {
        if (!prev.hashes.some(x => x.alg === h.alg && x.content === h.content)) prev.hashes.push(h)
      }
      prev.hashes = sortHashes(prev.hashes)
      prev.dependsOn = [...new Set([...prev.dependsOn, ...c.dependsOn])].sort()
      prev.properties = { ...c.properties, ...prev.properties }
    }
  }
  return {
    project: {
      ...project,
      sources: [...new Set(sources)].sort(),
      direct: [...direct.entries()]
        .map(([ref, scope]) => ({ ref, scope }))
        .sort((a, b) => compare(a.ref, b.ref))
    },
    components: [...byRef.values()].sort((a, b) => compare(a.ref, b.ref))
  }
}

/** Drops dev-scoped components (and edges to them). */
export function withoutDev(graph: Graph): Graph {
  const keep = new Set(graph.components.filter(c => c.scope !== 'dev').map(c => c.ref))
  return {
    project: { ...graph.project, direct: graph.project.direct.filter(d => keep.has(d.ref)) },
    components: graph.components
      .filter(c => keep.has(c.ref))
      .map(c => ({ ...c, dependsOn: c.dependsOn.filter(d => keep.has(d)) }))
  }
}
