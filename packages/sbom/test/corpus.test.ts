/**
 * Acceptance 1: for every lockfile of the shared corpus, the component set equals the
 * independently counted distinct name@version in expected.json, and every output format
 * validates against the official schemas.
 */
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { parseFile, render, type Graph } from '@secure-pipeline/sbom'
import { corpusDir, expectedEntries, schemaErrors } from './helpers.js'

const entries = expectedEntries()
const d = corpusDir ? describe : describe.skip
if (!corpusDir)
  console.log('sbom corpus tests skipped: ../shared not found (set SECURE_PIPELINE_SHARED)')

async function graphFor(key: string): Promise<Graph> {
  const abs = path.join(corpusDir!, key)
  return (await parseFile(path.dirname(abs), path.basename(abs))).builder.finish()
}

/** The counting rule of expected.json: distinct name@version (variants collapse). */
function distinctNameVersion(g: Graph): number {
  const seen = new Set<string>()
  for (const c of g.components) {
    const name = c.type === 'nuget' ? c.name.toLowerCase() : `${c.namespace ?? ''}/${c.name}`
    seen.add(`${c.type}|${name}@${c.version}`)
  }
  return seen.size
}

d('corpus: component counts match expected.json', () => {
  test.each(entries)('%s', async (key, expected) => {
    const g = await graphFor(key)
    expect(distinctNameVersion(g)).toBe(expected.distinct_name_version)
    // Components are unique by purl and every one has a purl.
    expect(new Set(g.components.map(c => c.purl)).size).toBe(g.components.length)
    if (expected.dependencies) {
      const got = g.components
        .map(c => `${c.namespace ? c.namespace + ':' : ''}${c.name}@${c.version}`)
        .sort()
      expect(got).toEqual([...expected.dependencies].sort())
    }
  })
})

d('corpus: every output validates against its schema', () => {
  const formats: [string, 'cyclonedx-json' | 'spdx-json', string][] = [
    ['cyclonedx-1.5', 'cyclonedx-json', '1.5'],
    ['cyclonedx-1.6', 'cyclonedx-json', '1.6'],
    ['cyclonedx-1.7', 'cyclonedx-json', '1.7'],
    ['spdx-2.3', 'spdx-json', '2.3']
  ]
  test.each(entries)('%s', async key => {
    const g = await graphFor(key)
    for (const [schema, format, specVersion] of formats) {
      const doc: unknown = JSON.parse(
        render(g, { format, specVersion, timestamp: '2024-01-01T00:00:00Z' })
      )
      expect({ schema, errors: schemaErrors(schema, doc) }).toEqual({ schema, errors: '' })
    }
  })
})

d('corpus: --split documents validate too', () => {
  test('npm-v3/npm-cli: one valid document per workspace member', async () => {
    const { generate } = await import('@secure-pipeline/sbom')
    const dir = path.join(corpusDir!, 'npm-v3/npm-cli')
    for (const [schema, format] of [
      ['cyclonedx-1.6', 'cyclonedx-json'],
      ['spdx-2.3', 'spdx-json']
    ] as const) {
      const r = await generate(dir, { format, split: true })
      // The root project plus 16 workspace members.
      expect(r.documents).toHaveLength(17)
      for (const doc of r.documents) {
        expect({ doc: doc.name, errors: schemaErrors(schema, JSON.parse(doc.text)) }).toEqual({
          doc: doc.name,
          errors: ''
        })
      }
    }
  })
})
