import { describe, expect, test } from '@jest/globals'
import { Re2SyntaxError } from '@secure-pipeline/core'
import { compileGoRegex, translateGoRegex } from '../src/index.js'

// gitleaks-style patterns: [pattern, JavaScript flags, input, expected whole match]
const CASES: [string, string, string, string | null][] = [
  ['(?i)\\b(acme_[a-f0-9]{32})\\b', 'i', `x ACME_${'A'.repeat(32)} y`, `ACME_${'A'.repeat(32)}`],
  [
    '\\b((?:A3T[A-Z0-9]|AKIA|ASIA)[A-Z2-7]{16})\\b',
    '',
    'id=AKIAIOSFODNN7EXAMPLE;',
    'AKIAIOSFODNN7EXAMPLE'
  ],
  ['(?i)(?:^|/)\\.env(?:\\.|$)', 'i', 'app/.ENV.local', '/.ENV.'],
  ['^vendor/', '', 'src/vendor/x', null],
  [
    'corp(?i)_KEY_(?P<v>[[:xdigit:]]{16})\\z',
    '',
    'corp_key_0123456789abcdef',
    'corp_key_0123456789abcdef'
  ],
  ['corp(?i)_KEY_(?P<v>[[:xdigit:]]{16})\\z', '', 'CORP_key_0123456789abcdef', null],
  ['(?is)begin.end', 'i', 'BEGIN\nEND', 'BEGIN\nEND'],
  ['token[^\\n]*\\pL', 'u', 'token: é', 'token: é'],
  ['\\Qa.b\\E-\\x{41}', '', 'a.b-A', 'a.b-A'],
  // (?-i) inside a case-insensitive stretch turns folding off again (was: xAB matched).
  ['x(?i)a(?-i)b', '', 'xAb', 'xAb'],
  ['x(?i)a(?-i)b', '', 'xAB', null],
  ['x(?i:a(?-i:b)c)', '', 'xAbC', 'xAbC'],
  ['x(?i:a(?-i:b)c)', '', 'xABc', null]
]

describe('translateGoRegex / compileGoRegex (gitleaks configs)', () => {
  test.each(CASES)('%j → flags %j', (pattern, flags, input, want) => {
    expect(translateGoRegex(pattern).flags).toBe(flags)
    const re = compileGoRegex(pattern)
    expect(re.flags).toBe(flags)
    expect(re.exec(input)?.[0] ?? null).toBe(want)
  })

  test('extra flags are merged without duplicates', () => {
    expect(compileGoRegex('(?i)a', 'gi').flags).toBe('gi')
  })

  test('inline (?i:…) groups are expanded to case classes', () => {
    const re = compileGoRegex('x(?i:ab)')
    expect(re.source).not.toContain('(?i:')
    expect(re.test('xAB')).toBe(true)
    expect(re.test('XAB')).toBe(false)
  })

  test.each(['a(?=b)', '(a)\\1', 'a**', '[z-a]'])('%j is rejected as Go rejects it', pattern => {
    expect(() => compileGoRegex(pattern)).toThrow(Re2SyntaxError)
  })
})
