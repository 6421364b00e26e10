import { describe, expect, test } from '@jest/globals'
import { BUILTIN_RULES, defaultConfig, RuleSet } from '../src/index.js'
import { expand } from './gen.js'
import { RULE_CASES } from './rule-cases.js'

const ruleSet = new RuleSet(defaultConfig())
const matcher = ruleSet.createMatcher()

function ruleIdsFound(text: string, file = 'src/app.env'): string[] {
  const { matches } = matcher.scan(Buffer.from(text))
  return ruleSet.toFindings(file, matches).map(f => f.ruleId)
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

  const cases = BUILTIN_RULES.map(r => [r.id, RULE_CASES[r.id]] as const).filter(
    ([, c]) => c !== undefined
  )
  describe.each(cases)('%s', (id, c) => {
    test.each(c.tp.map((t, i) => [i, t] as const))('true positive %d', (i, template) => {
      const text = expand(template, `${id}/tp/${i}`)
      expect(ruleIdsFound(text)).toContain(id)
    })
    test.each(c.fp.map((t, i) => [i, t] as const))('false positive %d', (i, template) => {
      const text = expand(template, `${id}/fp/${i}`)
      expect(ruleIdsFound(text)).not.toContain(id)
    })
  })
})
