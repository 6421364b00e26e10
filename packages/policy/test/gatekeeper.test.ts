/**
 * Built-in library vs the Gatekeeper library samples (shared/corpus/gatekeeper-samples): for each
 * template sample with a counterpart in our library, every example_allowed must pass (none of the
 * mapped check IDs reported) and every example_disallowed must fail (at least one reported), as
 * expectations.json says.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PolicySet } from '../src/engine.js'
import { parseYamlText } from '../src/load.js'
import {
  GATEKEEPER_MAPPINGS,
  KNOWN_DIVERGENCES,
  type GatekeeperMapping
} from './gatekeeper-mapping.js'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const shared = process.env.SECURE_PIPELINE_SHARED ?? path.resolve(repoRoot, '../shared')
const corpus = path.join(shared, 'corpus', 'gatekeeper-samples')
const available = existsSync(path.join(corpus, 'expectations.json'))
if (!available)
  console.log(`skipping gatekeeper agreement: ${corpus} not found (set SECURE_PIPELINE_SHARED)`)
const describeIf = available ? describe : describe.skip

interface Pair {
  object: string
  constraint: string
  expect: 'allow' | 'deny'
}

function sampleKey(constraint: string): string {
  // library/<cat>/<template>/samples/<sample>/constraint.yaml → <cat>/<template>/<sample>
  const m = /^library\/([^/]+)\/([^/]+)\/samples\/([^/]+)\/constraint\.yaml$/.exec(constraint)
  return m ? `${m[1]}/${m[2]}/${m[3]}` : constraint
}

describeIf('Gatekeeper sample agreement', () => {
  const pairs = available
    ? (
        JSON.parse(readFileSync(path.join(corpus, 'expectations.json'), 'utf8')) as {
          pairs: Pair[]
        }
      ).pairs
    : []
  const byKey = new Map(GATEKEEPER_MAPPINGS.map(m => [m.sample, m]))
  const cases = pairs
    .filter(p => byKey.has(sampleKey(p.constraint)))
    .map(p => ({ ...p, mapping: byKey.get(sampleKey(p.constraint))! }))
  const sets = new Map<string, PolicySet>()
  const counts = new Map<string, { allow: number; deny: number; agree: number; diverge: number }>()

  function evaluate(pair: Pair, mapping: GatekeeperMapping): string[] {
    const constraint = parseYamlText(
      readFileSync(path.join(corpus, pair.constraint), 'utf8'),
      pair.constraint
    )[0].value as { spec?: { parameters?: Record<string, unknown> } }
    const params = constraint.spec?.parameters ?? {}
    const config = mapping.config?.(params) ?? {}
    const key = `${mapping.set}:${JSON.stringify(config)}`
    let set = sets.get(key)
    if (!set)
      sets.set(
        key,
        (set = new PolicySet({ builtins: [mapping.set], data: { secure_pipeline: config } }))
      )
    const ns = set.resolveNamespaces()[0]
    const ids: string[] = []
    for (const doc of parseYamlText(
      readFileSync(path.join(corpus, pair.object), 'utf8'),
      pair.object
    )) {
      const r = set.checkDocument(ns, doc.value, set.data, doc, pair.object)
      for (const item of [...r.failures, ...r.warnings]) ids.push(String(item.metadata?.id))
    }
    return ids
  }

  it('maps at least 30 samples, each present in the corpus', () => {
    const keys = new Set(pairs.map(p => sampleKey(p.constraint)))
    for (const m of GATEKEEPER_MAPPINGS)
      expect(keys.has(m.sample) ? m.sample : `missing: ${m.sample}`).toBe(m.sample)
    expect(GATEKEEPER_MAPPINGS.length).toBeGreaterThanOrEqual(30)
  })

  it.each(
    cases.map(
      c => [c.object.replace(/^library\//, ''), sampleKey(c.constraint), c.expect, c] as const
    )
  )('%s under %s → %s', (_o, _k, expected, c) => {
    const ids = evaluate(c, c.mapping)
    const hit = ids.filter(id => c.mapping.ids.includes(id))
    const verdict = hit.length > 0 ? 'deny' : 'allow'
    const template = c.mapping.sample.split('/').slice(0, 2).join('/')
    const row = counts.get(template) ?? { allow: 0, deny: 0, agree: 0, diverge: 0 }
    row[expected]++
    const divergence = KNOWN_DIVERGENCES[c.object.replace(/^library\//, '')]
    if (divergence) {
      row.diverge++
      expect(verdict).not.toBe(expected)
    } else {
      if (verdict === expected) row.agree++
      expect({ verdict, ids }).toEqual({ verdict: expected, ids })
    }
    counts.set(template, row)
  })

  afterAll(() => {
    const lines = [...counts]
      .sort()
      .map(
        ([t, r]) =>
          `${t.padEnd(55)} allowed ${r.allow} disallowed ${r.deny} agree ${r.agree}/${r.allow + r.deny}${r.diverge ? ` (known divergence ${r.diverge})` : ''}`
      )
    console.log(
      `gatekeeper agreement (${cases.length} pairs, ${GATEKEEPER_MAPPINGS.length} samples, ${counts.size} templates)\n${lines.join('\n')}`
    )
  })
})
