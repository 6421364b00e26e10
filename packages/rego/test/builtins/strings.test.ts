import { describe, expect, it } from '@jest/globals'
import { RegoSet } from '../../src/value.js'
import { call, callError, callValue } from './helpers.js'

describe('sprintf follows Go fmt over Rego values', () => {
  const cases: [string, unknown[], string][] = [
    ['hi %s', ['there'], 'hi there'],
    ['%d|%5d|%-5d|%05d', [7, 7, 7, -7], '7|    7|7    |-0007'],
    ['%x %X %o %b %#x', [255, 255, 8, 5, 255], 'ff FF 10 101 0xff'],
    [
      '%.2f %e %E %g',
      [3.14159, 1234.5678, 0.000123, 100000000.5],
      '3.14 1.234568e+03 1.230000E-04 1.000000005e+08'
    ],
    ['%v %v %v', [1.5, 1234567.5, 0.00001], '1.5 1.2345675e+06 1e-05'],
    ['%v', [18446744073709551617n], '18446744073709551617'],
    ['%s', [123456789123456789123n], '123456789123456789123'],
    ['%v %s %t', [true, null, true], 'true null %!t(string=true)'],
    ['%q %x % X', ['a"b', 'hi', 'hi'], '"a\\"b" 6869 68 69'],
    ['%T %T %T %T', [1, 1.5, 'x', [1]], 'int float64 string string'],
    ['%d', ['x'], '%!d(string=x)'],
    ['%s', [5], '%!s(int=5)'],
    ['%d %d', [1], '1 %!d(MISSING)'],
    ['%d', [1, 2], '1%!(EXTRA int=2)'],
    ['%[2]d %[1]d', [1, 2], '2 1'],
    ['%*d|%.*f', [4, 7, 1, 2.25], '   7|2.2'],
    ['100%%', [], '100%'],
    ['%.3s|%8.3f|%+d', ['abcdef', 3.14159, 5], 'abc|   3.142|+5']
  ]
  it.each(cases)('sprintf(%j, %j) = %j', (f, args, want) => {
    expect(call('sprintf', [f, args])).toBe(want)
  })

  it('formats composite values in Rego syntax', () => {
    expect(call('sprintf', ['%v', [['there', 5, 3.14, { a: [true] }]]])).toBe(
      '["there", 5, 3.14, {"a": [true]}]'
    )
    expect(callValue('sprintf', ['%v|%v', [new RegoSet([2, 1]), new RegoSet()]])).toBe(
      '{1, 2}|set()'
    )
  })
})

describe('string builtins (runes, Go strings semantics)', () => {
  const cases: [string, unknown[], unknown][] = [
    ['indexof', ['åäö', 'ö'], 2],
    ['indexof', ['abc', 'x'], -1],
    ['indexof_n', ['aaa', 'aa'], [0, 1]],
    ['substring', ['åäöx', 1, 2], 'äö'],
    ['substring', ['abc', 5, -1], ''],
    ['split', ['a.b.c', '.'], ['a', 'b', 'c']],
    ['split', ['åb', ''], ['å', 'b']],
    ['strings.split_n', ['a.b.c.d', '.', -2], ['c', 'd']],
    ['replace', ['aaa', 'a', 'b'], 'bbb'],
    ['replace', ['ab', '', '-'], '-a-b-'],
    ['strings.replace_n', [{ a: 'x', ab: 'y' }, 'abc'], 'xbc'],
    ['strings.count', ['cheese', 'e'], 3],
    ['strings.count', ['five', ''], 5],
    ['strings.reverse', ['åbc'], 'cbå'],
    ['trim', ['xxhixx', 'x'], 'hi'],
    ['trim_left', ['aabc', 'ab'], 'c'],
    ['trim_right', ['abcc', 'c'], 'ab'],
    ['trim_prefix', ['prefix-x', 'prefix-'], 'x'],
    ['trim_suffix', ['x.rego', '.rego'], 'x'],
    ['trim_space', ['\t x \n\u00a0'], 'x'],
    ['trim_space', ['\ufeffx'], '\ufeffx'],
    ['upper', ['straße'], 'STRAßE'],
    ['lower', ['ÅÄÖ İ'], 'åäö i'],
    ['strings.any_prefix_match', [['a/b', 'c/d'], 'c/'], true],
    ['strings.any_suffix_match', ['file.yaml', ['.yml', '.json']], false],
    ['contains', ['abc', ''], true],
    ['startswith', ['abc', 'ab'], true],
    ['endswith', ['abc', 'bc'], true]
  ]
  it.each(cases)('%s(%j) = %j', (name, args, want) => {
    expect(call(name, args)).toEqual(want)
  })

  it('reports operand errors with OPA wording', () => {
    expect(callError('substring', ['aaa', -1, -1])).toEqual({
      kind: 'builtin',
      message: 'negative offset'
    })
    expect(callError('strings.any_prefix_match', [[1], 'a'])?.message).toBe(
      'operand 1 must be array of strings but got array containing number'
    )
    expect(callError('strings.replace_n', [{ a: 1 }, 'x'])?.message).toBe(
      'operand 1 non-string value found in pattern object'
    )
    expect(callError('strings.reverse', [1])?.message).toBe(
      'operand 1 must be string but got number'
    )
  })

  it('renders Go text/templates', () => {
    expect(
      call('strings.render_template', [
        '{{range $i, $n := .names}}{{if $i}}, {{end}}hi {{$n}}{{end}}',
        { names: ['a', 'b'] }
      ])
    ).toBe('hi a, hi b')
    expect(
      call('strings.render_template', [
        '{{.a.b}} {{.missing}} {{len .l}}',
        { a: { b: 2 }, l: [1, 2, 3] }
      ])
    ).toBe('2 <undefined> 3')
    expect(call('strings.render_template', ['{{with .x}}x={{.}}{{else}}none{{end}}', {}])).toBe(
      'none'
    )
  })

  it('joins template-string parts, each expression passed as the set of its values', () => {
    const parts = ['a=', new RegoSet([1]), ' b=', new RegoSet([['x']]), ' c=', new RegoSet()]
    expect(callValue('internal.template_string', [parts])).toBe('a=1 b=["x"] c=<undefined>')
  })
})

describe('regex builtins follow RE2', () => {
  const matches: [string, string, boolean][] = [
    ['^[a-z]+\\[[0-9]+\\]$', 'foo[1]', true],
    ['(?i)^abc$', 'ABC', true],
    ['a(?i)b|c', 'C', true],
    ['a(?i:b)c', 'aBC', false],
    ['^abc\\z', 'abc\n', false],
    ['^abc$', 'abc\n', false],
    ['(?m)^b$', 'a\nb\nc', true],
    ['[[:alpha:]]+[[:digit:]]', 'abc1', true],
    ['^\\pL+$', 'åäö', true],
    ['^.$', '\n', false],
    ['(?s)^.$', '\n', true],
    ['^\\s$', '\u00a0', false],
    ['^[^a]$', '\n', true],
    ['\\Qa.b\\E', 'axb', false],
    ['\\Qa.b\\E', 'a.b', true],
    ['x{2}', 'axxb', true],
    ['a{', 'a{', true],
    ['(?P<word>\\w+)', 'hi', true],
    ['\\x{1F600}', '😀', true],
    ['^.$', '😀', true]
  ]
  it.each(matches)('regex.match(%j, %j) = %j', (re, s, want) => {
    expect(call('regex.match', [re, s])).toBe(want)
  })

  const invalid = [
    'a(?=b)',
    'a(?!b)',
    '(?<=a)b',
    '(a)\\1',
    'a**',
    'a++',
    '(abc',
    '[a',
    'x{1001}',
    '\\8',
    '*a'
  ]
  it.each(invalid)('rejects %j like RE2', re => {
    expect(call('regex.is_valid', [re])).toBe(false)
    expect(callError('regex.match', [re, 'x'])?.message).toMatch(/^error parsing regexp: /)
  })

  it('reports Go error text', () => {
    expect(callError('regex.match', ['a(?=b)', 'x'])?.message).toBe(
      'error parsing regexp: invalid or unsupported Perl syntax: `(?=`'
    )
    expect(callError('regex.match', ['$^[[[', 'x'])?.message).toBe(
      'error parsing regexp: missing closing ]: `[[[`'
    )
  })

  const cases: [string, unknown[], unknown][] = [
    ['regex.split', ['a', 'banana'], ['b', 'n', 'n', '']],
    ['regex.split', ['^[a-z ]+$', 'foobar baz'], ['', '']],
    ['regex.split', ['x*', 'axbc'], ['a', 'b', 'c']],
    ['regex.find_n', ['a.', 'paranormal', 2], ['ar', 'an']],
    ['regex.find_n', ['a*', 'baaab', -1], ['', 'aaa', '']],
    [
      'regex.find_all_string_submatch_n',
      ['a(x*)b', '-ab-axxb-', -1],
      [
        ['ab', ''],
        ['axxb', 'xx']
      ]
    ],
    ['regex.replace', ['-ab-axxb-', 'a(x*)b', '${1}W'], ['-W-xxW-'][0]],
    ['regex.replace', ['abc', '(?P<first>a)', '[$first]'], '[a]bc'],
    ['regex.replace', ['abc', 'b', '$$'], 'a$c'],
    ['regex.replace', ['abc', '(b)', '$1x'], 'ac'],
    ['regex.template_match', ['urn:foo:{.*}', 'urn:foo:bar:baz', '{', '}'], true],
    ['regex.template_match', ['urn:foo.bar:{[0-9]+}', 'urn:fooXbar:1', '{', '}'], false],
    ['regex.globs_match', ['a.a.[0-9]+z', '.b.b2359825792*594823z'], true],
    ['regex.globs_match', ['[a-z]+', '[0-9]*'], false],
    ['regex.globs_match', ['[a-z]*', '[0-9]*'], true],
    ['regex.globs_match', ['[a-z]+', '[0-9]+'], false]
  ]
  it.each(cases)('%s(%j) = %j', (name, args, want) => {
    expect(call(name, args)).toEqual(want)
  })
})

describe('glob.match (gobwas/glob)', () => {
  const cases: [string, unknown, string, boolean][] = [
    ['*.github.com', ['.'], 'api.github.com', true],
    ['*.github.com', ['.'], 'api.cdn.github.com', false],
    ['api.**.com', ['.'], 'api.cdn.github.com', true],
    ['*', [], 'foo.bar', false],
    ['*', null, 'foo.bar', true],
    ['?at', ['f'], 'fat', false],
    ['[!a-c]at', [], 'fat', true],
    ['{cat,bat,[fr]at}', [], 'rat', true],
    ['{cat,bat,[fr]at}', [], 'at', false],
    ['a\\*b', [], 'a*b', true],
    ['*:github:com', [':'], 'api:github:com', true]
  ]
  it.each(cases)('glob.match(%j, %j, %j) = %j', (p, d, s, want) => {
    expect(call('glob.match', [p, d, s])).toBe(want)
  })
  it('quotes metacharacters', () => {
    expect(call('glob.quote_meta', ['*.github.com'])).toBe('\\*.github.com')
    expect(call('glob.match', [call('glob.quote_meta', ['[a]*?']), null, '[a]*?'])).toBe(true)
  })
})

describe('float formatting rounds the exact binary value half to even, like strconv', () => {
  const cases: [string, number, string][] = [
    ['%.1f', 2.25, '2.2'],
    ['%.1f', 2.35, '2.4'],
    ['%.2f', 1.005, '1.00'],
    ['%.0f', 0.5, '0'],
    ['%.0f', 1.5, '2'],
    ['%.0f', 0.51, '1'],
    ['%.3f', 0.0004, '0.000'],
    ['%.1e', 2.25, '2.2e+00'],
    ['%.3g', 1234.5, '1.23e+03'],
    ['%.3g', 0.0001234, '0.000123'],
    ['%f', 1e21, '1000000000000000000000.000000'],
    ['%e', 5e-324, '4.940656e-324']
  ]
  it.each(cases)('sprintf(%j, %j) = %j', (f, x, want) => {
    expect(call('sprintf', [f, [x]])).toBe(want)
  })
})
