/**
 * Look-alike filters found by scanning published code (npm packages, Debian's Python and Perl,
 * the Google Cloud SDK): where a value sits decides whether it is code or a credential.
 */
import { describe, expect, test } from '@jest/globals'
import { defaultConfig, RuleSet } from '../src/index.js'
import { isCodeExpression, readsLikeIdentifier } from '../src/filters.js'
import { expand, randomFrom, rng } from './gen.js'

const ruleSet = new RuleSet(defaultConfig())
const matcher = ruleSet.createMatcher()

function secrets(text: string, file: string): string[] {
  return ruleSet.toFindings(file, matcher.scan(Buffer.from(text)).matches).map(f => f.secret)
}

describe('code is not a credential', () => {
  test.each([
    ['tokens = babel7CompatTokens;', 'lib/index.js'],
    ['  auth = HmacAuthV4Handler', 'tests/test_sigv4.py'],
    ['var tokens = babel7CompatTokens', 'dist/index.js.map']
  ])('a bare name in a source file: %s', (line, file) => {
    expect(secrets(line, file)).toEqual([])
    // The same unquoted value in configuration is a value.
    expect(secrets(line.replace(/^\s*(?:let |var )?/, ''), 'config/app.env')).not.toEqual([])
  })

  test('a Vim script variable', () => {
    expect(secrets('  let passwd = s:netrw_passwd', 'autoload/netrw.vim')).toEqual([])
  })

  test('a quoted literal in a source file is still reported', () => {
    const value = expand('Tk{an:22}9', 'triage/quoted')
    expect(secrets(`const token = "${value}"`, 'src/app.ts')).toEqual([value])
  })

  test('anything unquoted followed by a call, an index or another assignment', () => {
    const ctx = { quoted: false, next: '(', codeFile: false }
    expect(isCodeExpression('k8Xq2Lz9Rv', ctx)).toBe(true)
    expect(isCodeExpression('k8Xq2Lz9Rv', { ...ctx, next: '[' })).toBe(true)
    expect(isCodeExpression('k8Xq2Lz9Rv', { ...ctx, next: '=' })).toBe(true)
    expect(isCodeExpression('k8Xq2Lz9Rv', { ...ctx, next: ';' })).toBe(false)
    expect(isCodeExpression('k8Xq2Lz9Rv', { ...ctx, quoted: true })).toBe(false)
  })

  test('a password in a string literal ends at an escape', () => {
    const pw = expand('{an:11}4', 'triage/escape')
    expect(secrets(`const env = "USER=ci\\nPASSWORD=${pw}\\n"`, 'src/env.ts')).toEqual([pw])
  })

  test('a query string password ends at the next parameter', () => {
    const pw = expand('{an:11}4', 'triage/query')
    expect(secrets(`GET /auth?user=ci&password=${pw}&service=registry.acme.io`, 'a.log')).toEqual([
      pw
    ])
  })
})

describe('reads like an identifier', () => {
  test.each([
    'babel7CompatTokens',
    'AuthenticatedSafe_1',
    'exports.id_pkcs9_at_userPKCS12',
    'X509AuthorityKeyIDExtension',
    'utils_1.ESLintUtils.nullThrows',
    'args.enable_k8s_tokens_via_dns',
    'base64.standard_b64encode'
  ])('%s', name => expect(readsLikeIdentifier(name)).toBe(true))

  // Random tokens rarely read like names: under 2% at 16 characters, under 1% at 20.
  test.each([
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 16, 0.02],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 20, 0.01],
    ['abcdefghijklmnopqrstuvwxyz0123456789', 20, 0.01],
    ['0123456789abcdef', 32, 0.001]
  ])('random tokens over %s, length %d: rate below %d', (set, n, max) => {
    const r = rng(`triage/${set}/${n}`)
    let hits = 0
    const total = 5000
    for (let i = 0; i < total; i++) {
      const s = randomFrom(r, set, n - 1)
      // With a digit, starting with a letter: the shape the filter can see as a name.
      if (readsLikeIdentifier(`q${s.slice(1)}7`)) hits++
    }
    expect(hits / total).toBeLessThan(max)
  })
})
