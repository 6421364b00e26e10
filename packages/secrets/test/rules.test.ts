import { describe, expect, test } from '@jest/globals'
import { BUILTIN_RULES, defaultConfig, RuleSet } from '../src/index.js'
import { expand } from './gen.js'
import { RULE_CASES } from './rule-cases.js'

const ruleSet = new RuleSet(defaultConfig())
const matcher = ruleSet.createMatcher()

function findings(text: string, file = 'src/app.env'): { ruleId: string; secret: string }[] {
  const { matches } = matcher.scan(Buffer.from(text))
  return ruleSet.toFindings(file, matches)
}

function ruleIdsFound(text: string, file?: string): string[] {
  return findings(text, file).map(f => f.ruleId)
}

describe('built-in rules', () => {
  test('at least 150 rules, unique ids, every one with keywords and cases', () => {
    expect(BUILTIN_RULES.length).toBeGreaterThanOrEqual(150)
    const ids = BUILTIN_RULES.map(r => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const r of BUILTIN_RULES) expect(r.keywords.length).toBeGreaterThan(0)
    expect(ids.filter(id => !(id in RULE_CASES))).toEqual([])
    expect(Object.keys(RULE_CASES).filter(id => !ids.includes(id))).toEqual([])
  })

  test('keywords are lower-case and distinctive (a short common keyword costs throughput)', () => {
    const weak = (k: string): boolean =>
      k !== k.toLowerCase() || k.length < 2 || (k.length < 3 && /^[a-z0-9]+$/.test(k))
    const bad = BUILTIN_RULES.flatMap(r => r.keywords.filter(weak).map(k => `${r.id}: ${k}`))
    expect(bad).toEqual([])
  })

  const cases = BUILTIN_RULES.map(r => [r.id, RULE_CASES[r.id]] as const).filter(
    ([, c]) => c !== undefined
  )
  // Path-only rules (no regex): their cases are file paths, not contents.
  const pathOnly = new Set(ruleSet.pathOnlyRules.map(r => r.id))
  const found = (id: string, text: string, file?: string): string[] =>
    pathOnly.has(id) ? ruleSet.pathFindings(text).map(f => f.ruleId) : ruleIdsFound(text, file)
  describe.each(cases)('%s', (id, c) => {
    test.each(c.tp.map((t, i) => [i, t] as const))('true positive %d', (i, template) => {
      const text = expand(template, `${id}/tp/${i}`)
      expect(found(id, text, c.file)).toContain(id)
    })
    test.each(c.fp.map((t, i) => [i, t] as const))('false positive %d', (i, template) => {
      const text = expand(template, `${id}/fp/${i}`)
      expect(found(id, text, c.file)).not.toContain(id)
    })
  })
})

/**
 * The reported secret is the whole token, not a prefix of it (a routable GitLab token cut at its
 * first dot would hash differently from the same token found elsewhere, and baselines would miss).
 */
describe('reported secret covers the whole token', () => {
  const shapes: [string, string, string][] = [
    ['gitlab-pat', 'X=', 'glpat-{url:31}.01.0{lc:8}'],
    ['gitlab-pat', 'X=', 'glpat-{url:27}.0{lc:8}'],
    ['gitlab-runner-auth-token', 'X=', 'glrt-t1_{url:27}.0{lc:8}'],
    ['gitlab-deploy-token', 'X=', 'gldt-{url:40}'],
    ['slack-config-access-token', 'X=', 'xoxe.xoxp-1-{an:164}'],
    [
      'slack-webhook-url',
      'X=https://',
      'hooks.slack.com/workflows/T{AN:10}/A{AN:10}/{d:18}/{an:32}'
    ],
    ['cloudflare-global-api-key', 'CLOUDFLARE_API_KEY=', '{hex:45}'],
    ['hashicorp-vault-service-token', 'X=', 'hvs.{an:24}'],
    ['dropbox-long-lived-token', 'DROPBOX_TOKEN={an:11}{lit:AAAAAAAAAA}', '{url:43}']
  ]
  test.each(shapes)('%s: %s%s', (id, before, token) => {
    const seed = `shape/${id}/${token}`
    const value = expand(token, seed)
    const found = findings(`${expand(before, seed)}${value}\n`).filter(f => f.ruleId === id)
    expect(found.map(f => f.secret)).toEqual([value])
  })
})
