import { describe, expect, test } from '@jest/globals'
import {
  describeError,
  exitCodeFor,
  InputError,
  Redactor,
  redactSecret,
  UsageError,
  VerificationError
} from '@secure-pipeline/core'

describe('redaction', () => {
  test.each([
    ['short', 0, 'REDACTED'],
    ['ghp_abcdefghijklmnop', 0, 'REDACTED'],
    ['ghp_abcdefghijklmnop', 4, 'gh…REDACTED'],
    ['ghp_abcdefghijklmnopqrstuvwxyz0123456789', 4, 'ghp_…REDACTED'],
    ['fifteen-chars!!', 4, 'REDACTED'],
    ['tiny', 4, 'REDACTED']
  ])('redactSecret(%s, %d)', (s, keep, want) => expect(redactSecret(s, keep)).toBe(want))

  test('a Redactor replaces every registered value, longest first, regex characters literal', () => {
    const r = new Redactor()
    r.add('abc.def')
    r.add('abc.def+ghi')
    r.add('xy') // too short to register
    expect(r.redact('a=abc.def+ghi b=abc.def c=abcXdef xy')).toBe(
      'a=REDACTED b=REDACTED c=abcXdef xy'
    )
    expect(r.size).toBe(2)
  })
})

describe('errors and exit codes', () => {
  test.each([
    [new UsageError('bad flag'), 2, 'bad flag'],
    [
      new InputError('BAD', 'unexpected token', {
        position: { file: 'a.yaml', line: 3, column: 7 }
      }),
      2,
      'a.yaml:3:7: unexpected token'
    ],
    [new InputError('BAD', 'no line', { position: { file: 'a.toml' } }), 2, 'a.toml: no line'],
    [new VerificationError('SIG', 'signature mismatch'), 1, 'signature mismatch'],
    [new Error('boom'), 2, 'boom'],
    ['text', 2, 'text']
  ])('%s → exit %d', (err, code, text) => {
    expect(exitCodeFor(err)).toBe(code)
    expect(describeError(err)).toBe(text)
  })
  test('codes are kept', () => {
    expect(new InputError('LOCKFILE_PARSE', 'x').code).toBe('LOCKFILE_PARSE')
    expect(new UsageError('x').name).toBe('UsageError')
  })
})
