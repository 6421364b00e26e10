/**
 * CycloneDX 1.5/1.6/1.7 JSON and SPDX 2.3 JSON writers. Output is deterministic: components,
 * dependencies and relationships are sorted; the timestamp comes from the caller (typically
 * SOURCE_DATE_EPOCH); serial number / document namespace are derived from the content.
 */
import { createHash } from 'node:crypto'
import { TOOL_NAME, VERSION, INFORMATION_URI } from '@secure-pipeline/core'
import type { Component, Graph, Hash, Scope } from './model.js'
import { compare } from './model.js'
import { classifyLicense, normalizeExpression } from './license.js'

export type SbomFormat = 'cyclonedx-json' | 'spdx-json'
export const CYCLONEDX_VERSIONS = ['1.5', '1.6', '1.7'] as const
export const SPDX_VERSIONS = ['2.3'] as const
export type CycloneDxVersion = (typeof CYCLONEDX_VERSIONS)[number]

export interface WriteOptions {
  format: SbomFormat
  /** CycloneDX: 1.5, 1.6 (default), 1.7; SPDX: 2.3. */
  specVersion?: string
  /** ISO-8601 timestamp (e.g. from SOURCE_DATE_EPOCH); omitted from CycloneDX when absent. */
  timestamp?: string
  /** Overrides the content-derived serial number (CycloneDX) / namespace id (SPDX). */
  serialNumber?: string
}

/** Name as people write it: `@scope/name`, `group:artifact`, `vendor/name`, module path. */
export function displayName(c: { type?: string; namespace?: string; name: string }): string {
  if (!c.namespace) return c.name
  switch (c.type) {
    case 'npm':
    case 'jsr':
    case 'composer':
    case 'golang':
    case 'swift':
    case 'hex':
    case 'terraform':
      return `${c.namespace}/${c.name}`
    case 'maven':
      return `${c.namespace}:${c.name}`
    default:
      return c.name
  }
}

/** UUID (version 5 layout) from a SHA-256 of the content. */
export function contentUuid(content: string): string {
  const h = createHash('sha256').update(content).digest()
  h[6] = (h[6] & 0x0f) | 0x50
  h[8] = (h[8] & 0x3f) | 0x80
  const x = h.subarray(0, 16).toString('hex')
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`
}

export function timestampFromEpoch(epoch: string | undefined): string | undefined {
  if (epoch === undefined || epoch.trim() === '') return undefined
  if (!/^\d+$/.test(epoch.trim())) return undefined
  return new Date(Number(epoch.trim()) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export function render(graph: Graph, options: WriteOptions): string {
  const doc = options.format === 'spdx-json' ? toSpdx(graph, options) : toCycloneDx(graph, options)
  return JSON.stringify(doc, null, 2) + '\n'
}

const ROOT_REF_PREFIX = 'secure-pipeline:project:'

function rootRef(graph: Graph): string {
  const p = graph.project
  return `${ROOT_REF_PREFIX}${p.path || '.'}:${displayName(p)}${p.version ? '@' + p.version : ''}`
}

// ---------------------------------------------------------------- CycloneDX

type CdxLicense = Record<string, unknown>

function cdxLicenses(text: string | undefined, spec: string): CdxLicense[] | undefined {
  if (!text) return undefined
  const c = classifyLicense(text)
  const ack = spec === '1.5' ? {} : { acknowledgement: 'declared' }
  if (c.kind === 'expression') return [{ expression: c.expression, ...ack }]
  if (c.kind === 'id') return [{ license: { id: c.id, ...ack } }]
  return [{ license: { name: c.name, ...ack } }]
}

const CDX_SCOPE: Record<Scope, string> = {
  required: 'required',
  optional: 'optional',
  dev: 'excluded'
}

function cdxHashes(hashes: Hash[]): { alg: string; content: string }[] | undefined {
  return hashes.length ? hashes.map(h => ({ alg: h.alg, content: h.content })) : undefined
}

function cdxComponent(c: Component, spec: string): Record<string, unknown> {
  const group =
    c.type === 'npm' || c.type === 'maven' || c.type === 'composer' ? c.namespace : undefined
  const name = group ? c.name : displayName(c)
  const props: { name: string; value: string }[] = []
  if (c.scope === 'dev') props.push({ name: 'cdx:npm:package:development', value: 'true' })
  props.push({ name: 'secure-pipeline:scope', value: c.scope })
  props.push({ name: 'secure-pipeline:dependency', value: c.direct ? 'direct' : 'transitive' })
  for (const k of Object.keys(c.properties).sort()) props.push({ name: k, value: c.properties[k] })
  const licenses = cdxLicenses(c.license, spec)
  return {
    type: 'library',
    'bom-ref': c.ref,
    ...(group ? { group } : {}),
    name,
    ...(c.version ? { version: c.version } : {}),
    scope: CDX_SCOPE[c.scope],
    ...(cdxHashes(c.hashes) ? { hashes: cdxHashes(c.hashes) } : {}),
    ...(licenses ? { licenses } : {}),
    purl: c.purl,
    ...(c.downloadUrl
      ? { externalReferences: [{ type: 'distribution', url: c.downloadUrl }] }
      : {}),
    properties: c.type === 'npm' ? props : props.filter(p => !p.name.startsWith('cdx:npm:'))
  }
}

export function toCycloneDx(graph: Graph, options: WriteOptions): Record<string, unknown> {
  const spec = options.specVersion ?? '1.6'
  if (!(CYCLONEDX_VERSIONS as readonly string[]).includes(spec)) {
    throw new Error(`unsupported CycloneDX spec version ${spec}`)
  }
  const p = graph.project
  const ref = rootRef(graph)
  const licenses = cdxLicenses(p.license, spec)
  const group = p.type === 'maven' ? p.namespace : undefined
  const metaComponent: Record<string, unknown> = {
    type: 'application',
    'bom-ref': ref,
    ...(group ? { group } : {}),
    name: group ? p.name : displayName(p),
    ...(p.version ? { version: p.version } : {}),
    ...(p.description ? { description: p.description } : {}),
    ...(licenses ? { licenses } : {}),
    properties: p.sources.map(s => ({ name: 'secure-pipeline:source', value: s || '.' }))
  }
  const dependencies: { ref: string; dependsOn: string[] }[] = [
    { ref, dependsOn: p.direct.map(d => d.ref) }
  ]
  for (const c of graph.components) dependencies.push({ ref: c.ref, dependsOn: c.dependsOn })
  dependencies.sort((a, b) => (a.ref === ref ? -1 : b.ref === ref ? 1 : compare(a.ref, b.ref)))
  const body = {
    bomFormat: 'CycloneDX',
    specVersion: spec,
    serialNumber: '',
    version: 1,
    metadata: {
      ...(options.timestamp ? { timestamp: options.timestamp } : {}),
      lifecycles: [
        {
          phase: graph.components.some(c => c.type === 'apk' || c.type === 'deb')
            ? 'post-build'
            : 'pre-build'
        }
      ],
      tools: {
        components: [
          {
            type: 'application',
            name: TOOL_NAME,
            version: VERSION,
            externalReferences: [{ type: 'website', url: INFORMATION_URI }]
          }
        ]
      },
      component: metaComponent,
      properties: [{ name: 'cdx:reproducible', value: 'true' }]
    },
    components: graph.components.map(c => cdxComponent(c, spec)),
    dependencies
  }
  body.serialNumber = options.serialNumber ?? `urn:uuid:${contentUuid(JSON.stringify(body))}`
  return body
}

// ---------------------------------------------------------------- SPDX 2.3

const SPDX_ALG: Record<Hash['alg'], string> = {
  MD5: 'MD5',
  'SHA-1': 'SHA1',
  'SHA-256': 'SHA256',
  'SHA-384': 'SHA384',
  'SHA-512': 'SHA512'
}

function spdxId(kind: string, key: string, label: string): string {
  const safe = label
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
  const h = createHash('sha256').update(key).digest('hex').slice(0, 8)
  return `SPDXRef-${kind}-${safe || 'x'}-${h}`
}

export function toSpdx(graph: Graph, options: WriteOptions): Record<string, unknown> {
  const spec = options.specVersion ?? '2.3'
  if (!(SPDX_VERSIONS as readonly string[]).includes(spec)) {
    throw new Error(`unsupported SPDX version ${spec}`)
  }
  const p = graph.project
  const extracted = new Map<string, { licenseId: string; extractedText: string; name: string }>()
  const declared = (text: string | undefined): string => {
    if (!text) return 'NOASSERTION'
    const expr = normalizeExpression(text)
    if (expr !== undefined) return expr
    const id = `LicenseRef-${
      text
        .replace(/[^A-Za-z0-9.-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60) || 'unknown'
    }-${createHash('sha256').update(text).digest('hex').slice(0, 6)}`
    extracted.set(id, { licenseId: id, extractedText: text, name: text })
    return id
  }
  const rootId = spdxId('Project', rootRef(graph), displayName(p))
  const ids = new Map<string, string>()
  for (const c of graph.components)
    ids.set(c.ref, spdxId('Package', c.ref, `${c.type}-${displayName(c)}-${c.version}`))
  const packages: Record<string, unknown>[] = [
    {
      SPDXID: rootId,
      name: displayName(p),
      ...(p.version ? { versionInfo: p.version } : {}),
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      licenseConcluded: 'NOASSERTION',
      licenseDeclared: declared(p.license),
      copyrightText: 'NOASSERTION',
      ...(p.description ? { description: p.description } : {}),
      primaryPackagePurpose: 'APPLICATION'
    }
  ]
  for (const c of graph.components) {
    packages.push({
      SPDXID: ids.get(c.ref)!,
      name: displayName(c),
      ...(c.version ? { versionInfo: c.version } : {}),
      downloadLocation: c.downloadUrl ?? 'NOASSERTION',
      filesAnalyzed: false,
      ...(c.hashes.length
        ? {
            checksums: c.hashes.map(h => ({ algorithm: SPDX_ALG[h.alg], checksumValue: h.content }))
          }
        : {}),
      licenseConcluded: 'NOASSERTION',
      licenseDeclared: declared(c.license),
      copyrightText: 'NOASSERTION',
      externalRefs: [
        { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: c.purl }
      ],
      primaryPackagePurpose: 'LIBRARY',
      ...(c.scope !== 'required' ? { comment: `scope: ${c.scope}` } : {})
    })
  }
  const rel: { spdxElementId: string; relationshipType: string; relatedSpdxElement: string }[] = []
  rel.push({
    spdxElementId: 'SPDXRef-DOCUMENT',
    relationshipType: 'DESCRIBES',
    relatedSpdxElement: rootId
  })
  for (const d of p.direct) {
    const to = ids.get(d.ref)
    if (!to) continue
    if (d.scope === 'dev')
      rel.push({
        spdxElementId: to,
        relationshipType: 'DEV_DEPENDENCY_OF',
        relatedSpdxElement: rootId
      })
    else if (d.scope === 'optional')
      rel.push({
        spdxElementId: to,
        relationshipType: 'OPTIONAL_DEPENDENCY_OF',
        relatedSpdxElement: rootId
      })
    else rel.push({ spdxElementId: rootId, relationshipType: 'DEPENDS_ON', relatedSpdxElement: to })
  }
  for (const c of graph.components) {
    const from = ids.get(c.ref)!
    for (const d of c.dependsOn) {
      const to = ids.get(d)
      if (to)
        rel.push({ spdxElementId: from, relationshipType: 'DEPENDS_ON', relatedSpdxElement: to })
    }
  }
  rel.sort(
    (a, b) =>
      (a.relationshipType === 'DESCRIBES' ? -1 : 0) -
        (b.relationshipType === 'DESCRIBES' ? -1 : 0) ||
      compare(a.spdxElementId, b.spdxElementId) ||
      compare(a.relationshipType, b.relationshipType) ||
      compare(a.relatedSpdxElement, b.relatedSpdxElement)
  )
  const created = options.timestamp ?? '1970-01-01T00:00:00Z'
  const body: Record<string, unknown> = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: `${displayName(p)}${p.version ? '@' + p.version : ''}`,
    documentNamespace: '',
    creationInfo: {
      created,
      creators: [`Tool: ${TOOL_NAME}-${VERSION}`]
    },
    packages,
    relationships: rel
  }
  if (extracted.size > 0) {
    body.hasExtractedLicensingInfos = [...extracted.values()].sort((a, b) =>
      compare(a.licenseId, b.licenseId)
    )
  }
  const uuid = options.serialNumber?.replace(/^urn:uuid:/, '') ?? contentUuid(JSON.stringify(body))
  const slug =
    displayName(p)
      .replace(/[^A-Za-z0-9.-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'sbom'
  body.documentNamespace = `https://spdx.org/spdxdocs/${TOOL_NAME}/${slug}-${uuid}`
  return body
}
