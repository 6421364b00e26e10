import { describe, expect, it } from '@jest/globals'
import { call, callError, ctx } from './helpers.js'

describe('time', () => {
  const cases: [string, unknown[], unknown][] = [
    [
      'time.parse_ns',
      ['2006-01-02T15:04:05Z07:00', '2017-06-02T19:00:00-07:00'],
      1496455200000000000n
    ],
    [
      'time.parse_ns',
      ["01/02 03:04:05PM '06 -0700", "06/02 07:00:00PM '17 -0700"],
      1496455200000000000n
    ],
    ['time.parse_ns', ['RFC822Z', '02 Jun 17 19:00 -0700'], 1496455200000000000n],
    ['time.parse_ns', ['Jan _2 2006', 'Feb  3 2013'], 1359849600000000000n],
    ['time.parse_ns', ['2006-01-02', '2020-02-29'], 1582934400000000000n],
    ['time.parse_rfc3339_ns', ['1677-09-21T00:12:43.145224192-00:00'], -9223372036854775808n],
    ['time.parse_rfc3339_ns', ['2017-06-02T19:00:00.5Z'], 1496430000500000000n],
    ['time.parse_duration_ns', ['1h2m3.5s'], 3723500000000],
    ['time.parse_duration_ns', ['-1.5µs'], -1500],
    ['time.date', [[1517832000000000000n, 'America/Los_Angeles']], [2018, 2, 5]],
    ['time.date', [[1517803200000000000n, 'America/Los_Angeles']], [2018, 2, 4]],
    ['time.clock', [[1517832000000000000n, 'America/New_York']], [7, 0, 0]],
    ['time.weekday', [1517832000000000000n], 'Monday'],
    ['time.format', [1670006453141828752n], '2022-12-02T18:40:53.141828752Z'],
    [
      'time.format',
      [[1670006453141828752n, 'Asia/Kolkata', 'Mon Jan 02 15:04:05 -0700 2006']],
      'Sat Dec 03 00:10:53 +0530 2022'
    ],
    [
      'time.format',
      [[1670006453000000000n, 'America/New_York', 'RFC1123']],
      'Fri, 02 Dec 2022 13:40:53 EST'
    ],
    [
      'time.format',
      [[0, 'UTC', '2006-01-02 15:04:05.000 PM Z07:00']],
      '1970-01-01 00:00:00.000 AM Z'
    ],
    ['time.add_date', [1585852421593912000n, 3, 9, 12], 1705257221593912000n],
    ['time.add_date', [1580428800000000000n, 0, 1, 0], 1583107200000000000n],
    ['time.diff', [1582934400000000000n, 1580601600000000000n], [0, 0, 27, 0, 0, 0]]
  ]
  it.each(cases)('%s(%j) = %j', (name, args, want) => {
    expect(call(name, args)).toEqual(want)
  })
  it('uses the query time and reports range errors', () => {
    expect(call('time.now_ns', [], ctx(42n))).toBe(42)
    expect(callError('time.parse_rfc3339_ns', ['2262-04-11T23:47:16.854775808-00:00'])).toEqual({
      kind: 'builtin',
      message: 'time outside of valid range'
    })
    expect(callError('time.date', [1e25])).toEqual({
      kind: 'builtin',
      message: 'timestamp too big'
    })
    expect(callError('time.parse_duration_ns', ['1x'])?.message).toBe(
      'time: unknown unit "x" in duration "1x"'
    )
    expect(callError('time.parse_ns', ['2006-01-02', '2020-02-30'])?.kind).toBe('builtin')
    expect(callError('time.format', [[0, 'Nowhere/City']])?.message).toBe(
      'unknown time zone Nowhere/City'
    )
  })
})

describe('units', () => {
  const cases: [string, unknown[], unknown][] = [
    ['units.parse', ['500m'], 0.5],
    ['units.parse', ['1.1Ki'], 1126.4],
    ['units.parse', ['10Ei'], 11529215046068469760n],
    ['units.parse', ['-3.5E2m'], -0.35],
    ['units.parse', ['"2.5e3K"'], 2500000],
    ['units.parse_bytes', ['1.1KiB'], 1126],
    ['units.parse_bytes', ['10eb'], 10000000000000000000n],
    ['units.parse_bytes', ['1e-2KB'], 10],
    ['units.parse_bytes', ['4M'], 4000000]
  ]
  it.each(cases)('%s(%j) = %j', (name, args, want) => {
    expect(call(name, args)).toEqual(want)
  })
  const errors: [string, string, string][] = [
    ['units.parse', '', 'units.parse: no amount provided'],
    ['units.parse', '0.0.0', 'units.parse: could not parse amount to a number'],
    ['units.parse', '100 k', 'units.parse: spaces not allowed in resource strings'],
    ['units.parse_bytes', 'GB', 'units.parse_bytes: no byte amount provided'],
    ['units.parse_bytes', '10e10000000Ei', 'units.parse_bytes: exponent too large']
  ]
  it.each(errors)('%s(%j) fails with %j', (name, arg, msg) => {
    expect(callError(name, [arg])).toEqual({ kind: 'builtin', message: msg })
  })
})

describe('net.cidr_*', () => {
  const cases: [string, unknown[], unknown][] = [
    ['net.cidr_contains', ['10.0.0.0/8', '10.1.0.0/24'], true],
    ['net.cidr_contains', ['10.0.0.0/8', '192.168.1.1'], false],
    ['net.cidr_contains', ['2001:4860:4860::8888/32', '2001:4860:4860:1234::8888/40'], true],
    ['net.cidr_intersects', ['192.168.0.0/16', '192.168.1.0/24'], true],
    ['net.cidr_intersects', ['fd1e::/16', '192.168.1.0/24'], false],
    ['net.cidr_is_valid', ['10.0.0.0/33'], false],
    ['net.cidr_is_valid', ['::/0'], true],
    ['net.cidr_expand', ['192.168.0.0/31'], ['192.168.0.0', '192.168.0.1']],
    ['net.cidr_merge', [['192.0.128.0/24', '192.0.129.0/24']], ['192.0.128.0/23']],
    [
      'net.cidr_merge',
      [['192.0.2.112/31', '192.0.2.116/31', '192.0.2.118/31']],
      ['192.0.2.112/31', '192.0.2.116/30']
    ],
    [
      'net.cidr_merge',
      [['2601:600:8a80:207e:a57d:7567:e2c9:e7b3/64']],
      ['2601:600:8a80:207e::/64']
    ],
    ['net.cidr_merge', [['192.0.128.0', '192.0.129.0']], ['192.0.128.0/23']],
    [
      'net.cidr_contains_matches',
      [
        ['1.1.2.0/24', '1.1.1.0/24'],
        ['1.1.1.1', '1.1.2.1']
      ],
      [
        [0, 1],
        [1, 0]
      ]
    ],
    ['net.cidr_contains_matches', [{ k: ['1.1.1.0/24', 'x'] }, '1.1.1.9'], [['k', '1.1.1.9']]]
  ]
  it.each(cases)('%s(%j) = %j', (name, args, want) => {
    expect(call(name, args)).toEqual(want)
  })
  it('fails on bad input', () => {
    expect(callError('net.cidr_merge', [['::1']])?.message).toBe(
      'IPv6 invalid: needs prefix length'
    )
    expect(callError('net.cidr_contains', ['not-a-cidr', '1.1.1.1'])?.kind).toBe('builtin')
    expect(callError('net.cidr_contains_matches', [['1.1.1.0/24'], [[]]])?.message).toBe(
      'operand 2: element must be string or non-empty array'
    )
  })
})

describe('semver, uuid, rand, graph, uri', () => {
  const cases: [string, unknown[], unknown][] = [
    ['semver.is_valid', ['1.0.0-rc.1+build.5'], true],
    ['semver.is_valid', ['1.0'], false],
    ['semver.is_valid', [1], false],
    ['semver.compare', ['1.0.0-alpha', '1.0.0'], -1],
    ['semver.compare', ['1.0.0-alpha.10', '1.0.0-alpha.9'], 1],
    ['semver.compare', ['1.0.0+a', '1.0.0+b'], 0],
    ['uuid.parse', ['00000000-0000-4000-8000-000000000000'], { variant: 'RFC4122', version: 4 }],
    [
      'uuid.parse',
      ['URN:UUID:000003e8-48b9-21ee-b200-325096b39f47'],
      {
        clocksequence: 12800,
        domain: 'Person',
        id: 1000,
        macvariables: 'local:unicast',
        nodeid: '32-50-96-b3-9f-47',
        time: 1693566990121469600n,
        variant: 'RFC4122',
        version: 2
      }
    ],
    ['uuid.parse', ['not-a-uuid'], undefined],
    ['graph.reachable', [{ a: ['b'], b: ['c'], c: [], d: ['a'] }, ['a']], ['a', 'b', 'c']],
    [
      'graph.reachable_paths',
      [{ a: ['b', 'c'], b: ['c'], c: [] }, ['a']],
      [
        ['a', 'b', 'c'],
        ['a', 'c']
      ]
    ],
    ['graph.reachable_paths', [{ a: ['b'], b: ['a'] }, ['a']], [['a', 'b']]],
    [
      'uri.parse',
      ['https://u@example.com:8080/a%2Fb?q=1#top'],
      {
        fragment: 'top',
        hostname: 'example.com',
        path: '/a/b',
        port: '8080',
        raw_path: '/a%2Fb',
        raw_query: 'q=1',
        scheme: 'https'
      }
    ],
    ['uri.parse', ['http://[::1]/'], { hostname: '::1', path: '/', raw_path: '/', scheme: 'http' }],
    ['uri.is_valid', ['http://[invalid'], false],
    ['uri.is_valid', ['http://a b@x/'], false]
  ]
  it.each(cases)('%s(%j) = %j', (name, args, want) => {
    expect(call(name, args)).toEqual(want)
  })
  it('is deterministic within a query', () => {
    const c = ctx()
    const u = call('uuid.rfc4122', ['k'], c)
    expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(call('uuid.rfc4122', ['k'], c)).toBe(u)
    const r = call('rand.intn', ['k', 1000], c) as number
    expect(r).toBeGreaterThanOrEqual(0)
    expect(r).toBeLessThan(1000)
    expect(call('rand.intn', ['k', 1000], c)).toBe(r)
    expect(call('rand.intn', ['k', 0], c)).toBe(0)
  })
  it('reports semver and uri errors like OPA', () => {
    expect(callError('semver.compare', ['1', '1.0.0'])?.message).toBe(
      'operand 1: string "1" is not a valid SemVer'
    )
    expect(callError('uri.parse', ['http://exa%6dple.com/'])?.message).toBe(
      'parse "http://exa%6dple.com/": invalid URL escape "%6d"'
    )
    expect(callError('uri.parse', ['http://example.com:٣٤/'])?.message).toBe(
      'parse "http://example.com:٣٤/": invalid port ":٣٤" after host'
    )
  })
})

describe('time zone abbreviations for the MST layout element', () => {
  const cases: [string, bigint, string][] = [
    ['UTC', 0n, 'UTC'],
    ['Europe/London', 1673000000000000000n, 'GMT'],
    ['Europe/London', 1688169600000000000n, 'BST'],
    ['Europe/Berlin', 1688169600000000000n, 'CEST'],
    ['America/Los_Angeles', 1688169600000000000n, 'PDT']
  ]
  it.each(cases)('%s at %s is %s', (tz, ns, want) => {
    expect(call('time.format', [[ns, tz, 'MST']])).toBe(want)
  })
})
