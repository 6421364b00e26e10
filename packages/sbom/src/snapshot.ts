/**
 * GitHub dependency submission snapshot (POST /repos/{owner}/{repo}/dependency-graph/snapshots),
 * built from per-lockfile graphs: one manifest per lockfile, each package with its real
 * direct/indirect relationship and runtime/development scope. Pure data: no network here.
 */
import { TOOL_NAME, VERSION, INFORMATION_URI } from '@secure-pipeline/core'
import type { Graph } from './model.js'
import { compare } from './model.js'

export interface SnapshotContext {
  sha: string
  ref: string
  correlator: string
  jobId: string
  htmlUrl?: string
  /** ISO-8601 time of the scan. */
  scanned: string
}

export interface SnapshotPackage {
  package_url: string
  relationship: 'direct' | 'indirect'
  scope: 'runtime' | 'development'
  dependencies: string[]
}

export interface DependencySnapshot {
  version: number
  sha: string
  ref: string
  job: { correlator: string; id: string; html_url?: string }
  detector: { name: string; version: string; url: string }
  scanned: string
  manifests: Record<
    string,
    { name: string; file: { source_location: string }; resolved: Record<string, SnapshotPackage> }
  >
}

export function toDependencySnapshot(
  manifests: { file: string; graph: Graph }[],
  ctx: SnapshotContext
): DependencySnapshot {
  const out: DependencySnapshot['manifests'] = {}
  for (const { file, graph } of [...manifests].sort((a, b) => compare(a.file, b.file))) {
    const purlOf = new Map(graph.components.map(c => [c.ref, c.purl]))
    const resolved: Record<string, SnapshotPackage> = {}
    for (const c of graph.components) {
      resolved[c.purl] = {
        package_url: c.purl,
        relationship: c.direct ? 'direct' : 'indirect',
        scope: c.scope === 'dev' ? 'development' : 'runtime',
        dependencies: c.dependsOn
          .map(d => purlOf.get(d))
          .filter((p): p is string => p !== undefined)
      }
    }
    out[file] = { name: file, file: { source_location: file }, resolved }
  }
  return {
    version: 0,
    sha: ctx.sha,
    ref: ctx.ref,
    job: {
      correlator: ctx.correlator,
      id: ctx.jobId,
      ...(ctx.htmlUrl ? { html_url: ctx.htmlUrl } : {})
    },
    detector: { name: TOOL_NAME, version: VERSION, url: INFORMATION_URI },
    scanned: ctx.scanned,
    manifests: out
  }
}
