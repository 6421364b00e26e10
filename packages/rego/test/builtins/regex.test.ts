import { describe, expect, it } from '@jest/globals'
import { compile } from '../../src/index.js'
import { call, callError } from './helpers.js'

// RE2 accepts an escape before any punctuation character; JavaScript with the `u` flag accepts
// an identity escape only for its syntax characters and `/`. Every one must translate.
const PUNCT = [...`!"#$%&'()*+,-./:;<=>?@[\\]^_\`{|}~ `]

describe('RE2 escapes of punctuation translate to valid JavaScript', () => {
  it.each(PUNCT.map(c => [c]))('\\%s outside a class matches the literal', c => {
    const pattern = `^a\\${c}b$`
    expect(call('regex.is_valid', [pattern])).toBe(true)
    expect(call('regex.match', [pattern, `a${c}b`])).toBe(true)
    expect(call('regex.match', [pattern, 'aXb'])).toBe(false)
  })

  it.each(PUNCT.map(c => [c]))('\\%s inside a class matches the literal', c => {
    const pattern = `^[\\${c}x]+$`
    expect(call('regex.match', [pattern, `${c}x${c}`])).toBe(true)
    expect(call('regex.match', [pattern, 'y'])).toBe(false)
  })

  // characters that are not special in RE2 outside a class may also be written bare
  const bare = PUNCT.filter(c => !'\\^$.*+?()[]{}|'.includes(c))
  it.each(bare.map(c => [c]))('a bare %s outside a class matches the literal', c => {
    const pattern = `^a${c}b$`
    expect(call('regex.match', [pattern, `a${c}b`])).toBe(true)
    expect(call('regex.match', [pattern, 'aXb'])).toBe(false)
  })

  it('\\Q…\\E quotes every punctuation character', () => {
    const lit = "a-b'c#d~e`f&g/h"
    expect(call('regex.match', [`^\\Q${lit}\\E$`, lit])).toBe(true)
    expect(call('regex.match', [`^[\\Q-#\\E]+$`, '-#-'])).toBe(true)
  })

  it('still rejects escapes of letters and digits that RE2 rejects', () => {
    expect(callError('regex.match', ['\\q', 'q'])?.message).toMatch(/invalid escape sequence/)
    expect(call('regex.is_valid', ['\\8'])).toBe(false)
  })
})

describe('patterns as written in policies', () => {
  const cases: [string, string, boolean][] = [
    ['a-b', 'a-b', true],
    ['a-b', 'xa-by', true],
    ['a-b', 'ab', false],
    ['^CHG-\\d+$', 'CHG-1234', true],
    ['^CHG-\\d+$', 'CHG1234', false],
    ['^v\\d+\\.\\d+\\.\\d+(-rc\\.\\d+)?$', 'v1.2.3-rc.4', true],
    ['^v\\d+\\.\\d+\\.\\d+(-rc\\.\\d+)?$', 'v1.2.3-beta', false],
    ['^[a-z0-9-]+$', 'my-app-2', true],
    ['^[a-z0-9-]+$', 'My-App', false],
    ['^[-a-z]+$', '-ab-', true],
    ['^sha256:[a-f0-9]{64}$', 'sha256:' + 'ab'.repeat(32), true],
    ['^https://github\\.com/[^/]+/[^/]+$', 'https://github.com/octo-org/repo', true],
    [
      '^https://github.com/octo-org/secure-pipeline/\\.github/workflows/release\\.yml@refs/tags/v.*$',
      'https://github.com/octo-org/secure-pipeline/.github/workflows/release.yml@refs/tags/v1.0.0',
      true
    ],
    [
      '^https://github.com/octo-org/secure-pipeline/\\.github/workflows/release\\.yml@refs/tags/v.*$',
      'https://github.com/octo-org/secure-pipeline/.github/workflows/build.yml@refs/tags/v1.0.0',
      false
    ],
    [
      '^https://github.com/octo-org/secure-pipeline/\\.github/workflows/release\\.yml@refs/tags/v.*$',
      'https://github.com/octo-org/secure-pipeline-fork/.github/workflows/release.yml@refs/tags/v1',
      false
    ],
    [
      '^repo:octo-org/[\\w.-]+:ref:refs/heads/main$',
      'repo:octo-org/my.repo-1:ref:refs/heads/main',
      true
    ],
    ['^a\\-b\\/c\\:d\\@e$', 'a-b/c:d@e', true],
    ['^(?i)ab-CD$', 'AB-cd', true],
    ['^x{2}-y{1,2}$', 'xx-yy', true],
    ['^a{,2}$', 'a{,2}', true],
    ['^a}b$', 'a}b', true],
    ['^a]b$', 'a]b', true]
  ]
  it.each(cases)('regex.match(%j, %j) = %j', (pattern, s, want) => {
    expect(call('regex.match', [pattern, s])).toBe(want)
  })

  it('a policy using a literal "-" evaluates (not undefined, no error)', () => {
    const policy = compile([
      {
        path: 'p.rego',
        source: `package p
identity_ok if regex.match(\`^https://github.com/octo-org/secure-pipeline/\\.github/workflows/release\\.yml@refs/tags/v.*$\`, input.identity)
plain := regex.match("a-b", "a-b")
parts := regex.split("-", "a-b-c")
found := regex.find_n("[a-z]+-\\\\d", "ab-1 cd-2 x", -1)
replaced := regex.replace("a-b-c", "-", "+")
`
      }
    ])
    const input = {
      identity:
        'https://github.com/octo-org/secure-pipeline/.github/workflows/release.yml@refs/tags/v2.1.0'
    }
    const opts = { input, strictBuiltinErrors: true }
    expect(policy.evalRule('p', 'identity_ok', opts)).toBe(true)
    expect(policy.evalRule('p', 'identity_ok', { ...opts, input: { identity: 'x' } })).toBe(
      undefined
    )
    expect(policy.evalRule('p', 'plain', opts)).toBe(true)
    expect(policy.evalRule('p', 'parts', opts)).toEqual(['a', 'b', 'c'])
    expect(policy.evalRule('p', 'found', opts)).toEqual(['ab-1', 'cd-2'])
    expect(policy.evalRule('p', 'replaced', opts)).toEqual('a+b+c')
  })
})
