import { describe, expect, it } from '@jest/globals'
import { RegoError, compile } from '../src/index.js'

const policy = compile([
  {
    path: 'clock.rego',
    source: `package clock
ns := time.now_ns()
year := time.date(time.now_ns())[0]
same if time.now_ns() == time.now_ns()
weekend if time.weekday(time.now_ns()) in {"Saturday", "Sunday"}
`
  }
])

const cases: [string, Date | bigint, bigint][] = [
  ['a Date', new Date('2024-03-01T12:00:00.123Z'), 1709294400123000000n],
  ['a bigint (ns)', 1709294400123456789n, 1709294400123456789n],
  ['the epoch', new Date(0), 0n],
  ['before the epoch', -86_400_000_000_000n, -86_400_000_000_000n]
]

describe('the now option fixes time.now_ns()', () => {
  it.each(cases)('evalRule with %s', (_name, now, want) => {
    expect(BigInt(policy.evalRule('clock', 'ns', { now }) as number | bigint)).toBe(want)
  })

  it.each(cases)('query with %s', (_name, now, want) => {
    const [r] = policy.query('x := time.now_ns()', { now })
    expect(BigInt(r.bindings.x as number | bigint)).toBe(want)
  })

  it.each(cases)('a session with %s', (_name, now, want) => {
    const s = policy.session({ now })
    expect(BigInt(s.evalRule('clock', 'ns') as number | bigint)).toBe(want)
    expect(s.evalRule('clock', 'same')).toBe(true)
  })

  it('drives the time builtins over it', () => {
    expect(policy.evalRule('clock', 'year', { now: new Date('1999-12-31T23:59:59Z') })).toBe(1999)
    expect(policy.evalRule('clock', 'weekend', { now: new Date('2024-03-02T10:00:00Z') })).toBe(
      true
    )
    expect(policy.evalRule('clock', 'weekend', { now: new Date('2024-03-04T10:00:00Z') })).toBe(
      undefined
    )
  })

  it('consecutive calls on the same input with different now values do not share a result', () => {
    const input = { a: 1 }
    const a = policy.evalRule('clock', 'ns', { input, now: 1n })
    const b = policy.evalRule('clock', 'ns', { input, now: 2n })
    const c = policy.evalRule('clock', 'ns', { input, now: new Date(5) })
    expect([a, b, c].map(x => BigInt(x as number))).toEqual([1n, 2n, 5_000_000n])
  })

  it('defaults to the clock', () => {
    const before = BigInt(Date.now()) * 1_000_000n
    const got = BigInt(policy.evalRule('clock', 'ns', { input: {} }) as number)
    const after = BigInt(Date.now()) * 1_000_000n
    expect(got >= before && got <= after).toBe(true)
  })

  it('rejects an invalid Date', () => {
    expect(() => policy.evalRule('clock', 'ns', { now: new Date('not a date') })).toThrow(RegoError)
  })
})
