import { describe, expect, test } from '@jest/globals'
import { BUILTIN_RULES, expandCaseInsensitiveGroups } from '../src/index.js'

describe('expandCaseInsensitiveGroups', () => {
  test.each([
    ['(?i:ab)c', 'ABc', true],
    ['(?i:ab)c', 'ABC', false],
    ['(?i:jdbc:[a-z]{2})x', 'JDBC:PGx', true],
    ['(?i:[^a])', 'A', false],
    ['(?i:\\x41b)', 'AB', true],
    ['(?<name>(?i:k))', 'K', true],
    ['(?i:a(?:b|c))d', 'ACd', true]
  ])('%s on %s → %s', (src, text, expected) => {
    const out = expandCaseInsensitiveGroups(src)
    expect(out).not.toContain('(?i:')
    expect(new RegExp(`^(?:${out})$`).test(text)).toBe(expected)
  })

  test('every built-in rule compiles without regexp modifiers', () => {
    for (const r of BUILTIN_RULES) {
      const out = expandCaseInsensitiveGroups(r.regex)
      expect(out).not.toContain('(?i:')
      expect(() => new RegExp(out, r.flags ?? '')).not.toThrow()
    }
  })
})
