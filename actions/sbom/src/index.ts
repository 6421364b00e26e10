/**
 * The sbom action: inputs → @secure-pipeline/sbom → SBOM file(s), outputs, job summary, and
 * optionally a dependency-graph snapshot POSTed to GitHub's dependency submission API.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import * as core from '@actions/core'
import { InputError, UsageError } from '@secure-pipeline/core'
import {
  getOptionalBoolean,
  markdownTable,
  runAction,
  setOutputs,
  workspacePath,
  writeSummary
} from '@secure-pipeline/action-kit'
import {
  CYCLONEDX_VERSIONS,
  SPDX_VERSIONS,
  generate,
  timestampFromEpoch,
  toDependencySnapshot,
  type SbomFormat
} from '@secure-pipeline/sbom'

interface EventPayload {
  pull_request?: { head?: { sha?: string; ref?: string } }
}

function readEvent(): EventPayload {
  const p = process.env.GITHUB_EVENT_PATH
  if (!p) return {}
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as EventPayload
  } catch {
    return {}
  }
}

async function submitSnapshot(body: unknown, token: string): Promise<string> {
  const api = (process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '')
  const repo = process.env.GITHUB_REPOSITORY
  if (!repo || !repo.includes('/'))
    throw new UsageError('GITHUB_REPOSITORY is not set; cannot submit a snapshot')
  if (!token) throw new UsageError('dependency-snapshot needs a token (input "token")')
  const res = await fetch(`${api}/repos/${repo}/dependency-graph/snapshots`, {
    method: 'POST',
    headers: {
      Accept: 'application/vnd.github+json',
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      'X-GitHub-Api-Version': '2022-11-28',
      'User-Agent': 'secure-pipeline-sbom'
    },
    body: JSON.stringify(body)
  })
  const text = await res.text()
  if (res.status === 403 || res.status === 404) {
    throw new Error(
      `dependency submission was refused (HTTP ${res.status}): the job needs "permissions: contents: write" ` +
        `and the dependency graph must be enabled for ${repo}. ${text.slice(0, 200)}`
    )
  }
  if (!res.ok)
    throw new Error(`dependency submission failed (HTTP ${res.status}): ${text.slice(0, 300)}`)
  let id = ''
  try {
    const d = JSON.parse(text) as { id?: number | string; result?: string; message?: string }
    id = d.id !== undefined ? String(d.id) : ''
    if (d.result === 'INVALID')
      throw new Error(`dependency submission rejected the snapshot: ${d.message ?? ''}`)
    core.info(
      `dependency snapshot ${id}: ${d.result ?? 'submitted'}${d.message ? ` (${d.message})` : ''}`
    )
  } catch (err) {
    if (err instanceof Error && err.message.startsWith('dependency submission')) throw err
  }
  return id
}

/** Maps a path relative to the scanned root to one relative to the workspace. */
let toWorkspace = (file: string): string => file

async function main(): Promise<void> {
  const formatInput = core.getInput('format') || 'cyclonedx-json'
  if (formatInput !== 'cyclonedx-json' && formatInput !== 'spdx-json')
    throw new UsageError(`input format must be cyclonedx-json or spdx-json, got "${formatInput}"`)
  const format: SbomFormat = formatInput
  const versions: readonly string[] = format === 'spdx-json' ? SPDX_VERSIONS : CYCLONEDX_VERSIONS
  const specVersion = core.getInput('spec-version') || (format === 'spdx-json' ? '2.3' : '1.6')
  if (!versions.includes(specVersion))
    throw new UsageError(`input spec-version for ${format} must be one of ${versions.join(', ')}`)
  const split = getOptionalBoolean('split', false)
  const includeDev = getOptionalBoolean('include-dev', true)
  const upload = getOptionalBoolean('dependency-snapshot', false)
  const rel = core.getInput('path') || '.'
  const target = workspacePath(rel)
  const workspace = path.resolve(process.env.GITHUB_WORKSPACE ?? process.cwd())
  const timestamp =
    timestampFromEpoch(process.env.SOURCE_DATE_EPOCH) ??
    new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')

  const scanRoot = existsSync(target) && statSync(target).isFile() ? path.dirname(target) : target
  toWorkspace = (file: string): string =>
    path.relative(workspace, path.resolve(scanRoot, file)).split(path.sep).join('/')
  const result = await generate(target, { format, specVersion, split, includeDev, timestamp })
  if (result.sources.length === 0)
    core.warning(`no supported lockfile or manifest found under ${rel}`)

  const ext = format === 'spdx-json' ? 'spdx.json' : 'cdx.json'
  const temp = process.env.RUNNER_TEMP ?? workspace
  const outInput = core.getInput('output')
  const files: string[] = []
  let sbomFile: string
  if (split) {
    sbomFile = outInput ? workspacePath(outInput) : path.join(temp, 'sbom')
    mkdirSync(sbomFile, { recursive: true })
    for (const doc of result.documents) {
      const f = path.join(sbomFile, `${doc.name}.${ext}`)
      writeFileSync(f, doc.text)
      files.push(f)
    }
  } else {
    sbomFile = outInput ? workspacePath(outInput) : path.join(temp, `sbom.${ext}`)
    mkdirSync(path.dirname(sbomFile), { recursive: true })
    writeFileSync(sbomFile, result.documents[0].text)
    files.push(sbomFile)
  }
  const count = result.documents.reduce((n, d) => n + d.graph.components.length, 0)

  let snapshotId = ''
  if (upload) {
    const event = readEvent()
    const head = event.pull_request?.head
    const runUrl = `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${process.env.GITHUB_REPOSITORY ?? ''}/actions/runs/${process.env.GITHUB_RUN_ID ?? ''}`
    const suffix = core.getInput('correlator')
    const snapshot = toDependencySnapshot(
      result.perSource.map(s => ({
        file: toWorkspace(s.file),
        graph: s.graph
      })),
      {
        sha: head?.sha ?? process.env.GITHUB_SHA ?? '',
        ref: head?.ref ? `refs/heads/${head.ref}` : (process.env.GITHUB_REF ?? ''),
        correlator: [process.env.GITHUB_WORKFLOW, process.env.GITHUB_JOB, suffix]
          .filter(Boolean)
          .join('_'),
        jobId: process.env.GITHUB_RUN_ID ?? '0',
        htmlUrl: runUrl,
        scanned: new Date().toISOString()
      }
    )
    snapshotId = await submitSnapshot(snapshot, core.getInput('token'))
  }

  setOutputs({
    'sbom-file': sbomFile,
    'sbom-files': files.join('\n'),
    'component-count': count,
    'snapshot-id': snapshotId
  })
  const rows = result.documents.map((d, i) => [
    split ? path.basename(files[i]) : path.basename(sbomFile),
    d.graph.project.name,
    String(d.graph.components.length),
    String(d.graph.components.filter(c => c.direct).length),
    String(d.graph.components.filter(c => c.scope === 'dev').length)
  ])
  const sources = result.sources.map(s => [s.file, s.format])
  await writeSummary(
    `## SBOM (${format === 'spdx-json' ? `SPDX ${specVersion}` : `CycloneDX ${specVersion}`})\n\n` +
      markdownTable(['file', 'project', 'components', 'direct', 'dev'], rows) +
      `\n### Sources\n\n` +
      (sources.length ? markdownTable(['lockfile', 'format'], sources) : '_none found_\n') +
      (upload ? `\nDependency snapshot submitted${snapshotId ? ` (id ${snapshotId})` : ''}.\n` : '')
  )
  core.info(`SBOM: ${sbomFile} (${count} components from ${result.sources.length} file(s))`)
}

void runAction(async () => {
  try {
    await main()
  } catch (err) {
    if (err instanceof InputError && err.position.file) {
      core.error(err.message, {
        file: toWorkspace(err.position.file),
        ...(err.position.line !== undefined ? { startLine: err.position.line } : {})
      })
    }
    throw err
  }
})
