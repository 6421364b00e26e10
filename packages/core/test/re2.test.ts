import { describe, expect, it } from '@jest/globals'
import { Re2SyntaxError, translateRE2, type Re2Options } from '@secure-pipeline/core'

function compile(pattern: string, options?: Re2Options): RegExp {
  const t = translateRE2(pattern, options)
  return new RegExp(t.source, t.flags)
}

// RE2 accepts an escape before any punctuation character; JavaScript with the `u` flag accepts
// an identity escape only for its syntax characters and `/`. Every one must translate.
const PUNCT = [...`!"#$%&'()*+,-./:;<=>?@[\\]^_\`{|}~ `]

describe('translateRE2: negated POSIX classes', () => {
  it('reach U+10FFFF with the u flag and U+FFFF without it', () => {
    expect(translateRE2('[[:^alpha:]]').source).toBe(
      '[\\u0000-\\u0040\\u005b-\\u0060\\u007b-\\u{10ffff}]'
    )
    const auto = translateRE2('x[[:^alpha:]]', { unicode: 'auto' })
    expect(auto).toMatchObject({
      source: 'x[\\u0000-\\u0040\\u005b-\\u0060\\u007b-\\uffff]',
      flags: ''
    })
  })

  it('an unknown class name is still an error', () => {
    expect(() => translateRE2('[[:^nope:]]')).toThrow(Re2SyntaxError)
  })
})

describe('translateRE2: escapes of punctuation', () => {
  it('the translation of every escape is accepted by RegExp, with and without the u flag', () => {
    for (const c of PUNCT) {
      for (const p of [`\\${c}`, `[\\${c}]`, `x\\${c}*`]) {
        const t = translateRE2(p)
        expect(t.flags).toBe('u')
        expect(() => new RegExp(t.source, t.flags)).not.toThrow()
        const a = translateRE2(p, { unicode: 'auto' })
        expect(a.flags).toBe('')
        expect(() => new RegExp(a.source, a.flags)).not.toThrow()
      }
    }
  })
})

// [pattern, input, expected whole match (null: no match)], with Go's regexp semantics
const MATCHES: [string, string, string | null][] = [
  ['a.b', 'a\rb', 'a\rb'],
  ['a.b', 'a\nb', null],
  ['(?s)a.b', 'a\nb', 'a\nb'],
  ['^ab$', 'ab', 'ab'],
  ['^ab$', 'ab\n', null],
  ['x^', 'x', null],
  ['(?m)^b$', 'a\nb\nc', 'b'],
  ['(?m)^b$', 'a\rb\rc', null],
  ['\\Aab\\z', 'ab', 'ab'],
  ['\\Qa.b*\\E+', 'a.b**', 'a.b**'],
  ['[[:alpha:]]+[[:digit:]]', 'abc1', 'abc1'],
  ['[[:^digit:]]+', '12ab3', 'ab'],
  // Every negated POSIX class (gitleaks configs use them), as the complement of its ASCII set.
  ['[[:^alpha:]]+', 'ab12_cd', '12_'],
  ['[[:^alnum:]_]+', 'ab-_.cd', '-_.'],
  ['[[:^space:]]+', ' \u00a0x\v', '\u00a0x'],
  ['[[:^punct:]]+', '!ab!', 'ab'],
  ['[[:^xdigit:]]+', '0fgz1', 'gz'],
  ['[[:^upper:][:^lower:]]+', 'aB', 'aB'],
  ['[^[:^alpha:]]+', '12ab3', 'ab'],
  ['[[:^ascii:]]+', 'aé😀b', 'é😀'],
  ['[[:^cntrl:]]+', '\x00ab\x7f', 'ab'],
  ['\\s+', 'a\v\t b', '\t '],
  ['\\d+', '٣12', '12'],
  ['\\pL+', '1αβx2', 'αβx'],
  ['\\p{Greek}+', 'aΩβb', 'Ωβ'],
  ['\\PL+', 'ab12c', '12'],
  ['\\x41\\x{42}\\101', 'xABA', 'ABA'],
  ['(?i)abc', 'xAbC', 'AbC'],
  ['x(?i)y|z', 'Z', 'Z'],
  ['x(?i)y|z', 'xY', 'xY'],
  ['x(?i)y|z', 'XY', null],
  ['(?i)a(?-i)b', 'Ab', 'Ab'],
  ['(?i)a(?-i)b', 'AB', null],
  ['(?i:ab)c', 'ABc', 'ABc'],
  ['(?i:ab)c', 'ABC', null],
  ['(?U)a+', 'aaa', 'a'],
  ['(?U)a+?', 'aaa', 'aaa'],
  ['a{2,}', 'aaaa', 'aaaa'],
  ['a{,2}', 'a{,2}', 'a{,2}'],
  ['[]a]+', ']a]', ']a]'],
  ['[^\\]]+', ']]x', 'x'],
  ['(?P<v>[[:xdigit:]]{4})', 'zz0aF9', '0aF9'],
  ['😀+', '😀😀', '😀😀']
]

describe('translateRE2: matching', () => {
  it.each(MATCHES)('%j on %j → %j', (pattern, input, want) => {
    for (const options of [
      {},
      { unicode: 'auto' },
      { hoistCaseInsensitive: true },
      { unicode: 'auto', hoistCaseInsensitive: true }
    ] satisfies Re2Options[]) {
      expect(compile(pattern, options).exec(input)?.[0] ?? null).toBe(want)
    }
  })

  it('reports group names in order, undefined for unnamed groups', () => {
    expect(translateRE2('(a)(?P<x>b)(?:c)(?<y>d)').groupNames).toEqual([undefined, 'x', 'y'])
  })
})

describe('translateRE2: options', () => {
  // [pattern, flags by default, with unicode auto + hoisting]
  const cases: [string, string, string][] = [
    ['abc', 'u', ''],
    ['(?i)abc', 'u', 'i'],
    ['(?is)a.c', 'u', 'i'],
    ['a(?i)bc', 'u', ''],
    ['(?i)\\pL', 'u', 'ui'],
    ['\\x{1F600}', 'u', 'u'],
    ['😀', 'u', 'u'],
    ['(?-i)abc', 'u', '']
  ]
  it.each(cases)('%j → flags %j / %j', (pattern, plain, auto) => {
    expect(translateRE2(pattern).flags).toBe(plain)
    const t = translateRE2(pattern, { unicode: 'auto', hoistCaseInsensitive: true })
    expect(t.flags).toBe(auto)
    if (auto.includes('i')) expect(t.source.startsWith('(?i:')).toBe(false)
  })

  it('anchors outside multi-line mode are the plain JavaScript anchors', () => {
    expect(translateRE2('^a$').source).toBe('^a$')
    expect(translateRE2('\\Aa\\z').source).toBe('^a$')
  })
})

describe('translateRE2: errors carry Go messages', () => {
  const cases: [string, string][] = [
    ['(?=a)', 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`'],
    ['(?<!a)b', 'error parsing regexp: invalid or unsupported Perl syntax: `(?<!`'],
    ['(a)\\1', 'error parsing regexp: invalid escape sequence: `\\1`'],
    ['\\q', 'error parsing regexp: invalid escape sequence: `\\q`'],
    ['a**', 'error parsing regexp: invalid nested repetition operator: `**`'],
    ['a++', 'error parsing regexp: invalid nested repetition operator: `++`'],
    ['*a', 'error parsing regexp: missing argument to repetition operator: `*`'],
    ['([a-z]', 'error parsing regexp: missing closing ): `([a-z]`'],
    ['a)', 'error parsing regexp: unexpected ): `a)`'],
    ['[a', 'error parsing regexp: missing closing ]: `[a`'],
    ['[z-a]', 'error parsing regexp: invalid character class range: `z-a`'],
    ['a{1001}', 'error parsing regexp: invalid repeat count: `{1001}`'],
    ['\\p{Klingon}', 'error parsing regexp: invalid character class range: `\\p{Klingon}`'],
    ['a\\', 'error parsing regexp: trailing backslash at end of expression: ``']
  ]
  it.each(cases)('%j', (pattern, message) => {
    let caught: unknown
    try {
      translateRE2(pattern)
    } catch (e) {
      caught = e
    }
    expect(caught).toBeInstanceOf(Re2SyntaxError)
    expect((caught as Error).message).toBe(message)
  })
})
