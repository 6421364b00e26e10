/** Test helpers: the shared corpus/schemas location and ajv validators for the SBOM schemas. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { InputError, sharedDir } from '@secure-pipeline/core'
import { parseFile, type Graph } from '@secure-pipeline/sbom'

export const shared = sharedDir()
export const corpusDir = shared ? path.join(shared, 'corpus/lockfiles') : undefined

// ajv-formats is CommonJS; under NodeNext its callable is the `default` property.
const addFormats = addFormatsModule.default

const cache = new Map<string, ValidateFunction>()

function load(rel: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(shared!, 'schemas', rel), 'utf8')) as Record<
    string,
    unknown
  >
}

/**
 * ajv checks `uniqueItems` on arrays of objects pairwise with deep equality (O(n²)): ~10 s per
 * 2,000-component BOM. The schemas are used with `uniqueItems` taken out and, instead, every
 * array of the document is checked for duplicates by canonical JSON (`assertNoDuplicates`),
 * which is stricter than the schema (it applies to all arrays, not only the marked ones).
 */
function withoutUniqueItems(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutUniqueItems)
  if (node === null || typeof node !== 'object') return node
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(node)) if (k !== 'uniqueItems') out[k] = withoutUniqueItems(v)
  return out
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  if (v === null || typeof v !== 'object') return JSON.stringify(v)
  const o = v as Record<string, unknown>
  return `{${Object.keys(o)
    .sort()
    .map(k => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`
}

/** Returns the JSON path of the first array holding two equal items, or ''. */
export function duplicateItems(v: unknown, at = '$'): string {
  if (Array.isArray(v)) {
    const seen = new Set<string>()
    for (const item of v) {
      const c = canonical(item)
      if (seen.has(c)) return `${at}: duplicate ${c.slice(0, 120)}`
      seen.add(c)
    }
    for (let i = 0; i < v.length; i++) {
      const r = duplicateItems(v[i], `${at}[${i}]`)
      if (r) return r
    }
    return ''
  }
  if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const r = duplicateItems(x, `${at}.${k}`)
      if (r) return r
    }
  }
  return ''
}

/** The validator for `cyclonedx-1.6`, `spdx-2.3`, … with the options from schemas/README.md. */
export function validator(kind: string): ValidateFunction {
  const hit = cache.get(kind)
  if (hit) return hit
  let v: ValidateFunction
  if (kind.startsWith('cyclonedx-')) {
    const ver = kind.slice('cyclonedx-'.length)
    const ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true })
    addFormats(ajv)
    ajv.addFormat('iri-reference', true)
    ajv.addFormat('idn-email', true)
    ajv.addKeyword('meta:enum')
    for (const f of [
      'spdx.schema.json',
      'jsf-0.82.schema.json',
      'cryptography-defs.schema.json',
      `bom-${ver}.schema.json`
    ])
      ajv.addSchema(withoutUniqueItems(load(`cyclonedx/${f}`)) as Record<string, unknown>)
    v = ajv.getSchema(`http://cyclonedx.org/schema/bom-${ver}.schema.json`)!
  } else {
    const ajv = new Ajv({ strict: true, allErrors: true })
    addFormats(ajv)
    v = ajv.compile(
      withoutUniqueItems(load('spdx/spdx-2.3.schema.json')) as Record<string, unknown>
    )
  }
  cache.set(kind, v)
  return v
}

export function schemaErrors(kind: string, doc: unknown): string {
  const v = validator(kind)
  if (!v(doc)) return JSON.stringify(v.errors?.slice(0, 5), null, 1)
  return duplicateItems(doc)
}

export interface ExpectedEntry {
  ecosystem: string
  distinct_name_version: number
  dependencies?: string[]
}

export function expectedEntries(): [string, ExpectedEntry][] {
  if (!corpusDir) return []
  const d = JSON.parse(readFileSync(path.join(corpusDir, 'expected.json'), 'utf8')) as {
    entries: Record<string, ExpectedEntry>
  }
  return Object.entries(d.entries).sort(([a], [b]) => (a < b ? -1 : 1))
}

/** purl → "scope direct|transitive" for every component of a graph. */
export function view(g: Graph): Record<string, string> {
  return Object.fromEntries(
    g.components.map(c => [c.purl, `${c.scope} ${c.direct ? 'direct' : 'transitive'}`])
  )
}

/** Every dependency edge of a graph as "purl -> purl", sorted. */
export function edges(g: Graph): string[] {
  const purl = new Map(g.components.map(c => [c.ref, c.purl]))
  return g.components.flatMap(c => c.dependsOn.map(d => `${c.purl} -> ${purl.get(d)}`)).sort()
}

/** Writes `text` as `file` in a fresh directory under `tmp` and returns the InputError parsing gives. */
export async function parseFailure(tmp: string, file: string, text: string): Promise<InputError> {
  const dir = mkdtempSync(path.join(tmp, 'case-'))
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
  writeFileSync(path.join(dir, file), text)
  try {
    await parseFile(dir, file)
  } catch (err) {
    if (err instanceof InputError) return err
    throw err
  }
  throw new Error(`${file}: no error`)
}
