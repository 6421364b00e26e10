/** Durations, cron expressions and time-zone arithmetic behind freeze windows and freshness. */
import { describe, expect, it } from '@jest/globals'
import {
  formatDuration,
  parseCron,
  parseDuration,
  parseInstant,
  wallClock,
  zonedInstant
} from '@secure-pipeline/gate'

describe('time', () => {
  it.each([
    ['90s', 90],
    ['15m', 900],
    ['24h', 86400],
    ['7d', 604800],
    ['1d12h', 129600],
    ['2w', 1209600],
    ['3600', 3600],
    ['1.5h', 5400],
    ['', undefined],
    ['1y', undefined],
    ['h', undefined],
    ['-1h', undefined]
  ])('parseDuration(%j) = %j', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds)
  })

  it('formats durations', () => {
    expect([0, 59, 3600, 90061].map(formatDuration)).toEqual(['0s', '59s', '1h', '1d1h1m1s'])
  })

  it.each([
    ['0 17 * * FRI', null],
    ['*/15 9-17 * JAN-MAR MON-FRI', null],
    ['0 0 1,15 * 7', null],
    ['0 17 * *', /5 fields/],
    ['60 * * * *', /invalid cron field "60"/],
    ['* * * * FUNDAY', /invalid cron field/],
    ['5-1 * * * *', /invalid cron field/]
  ])('parseCron(%j)', (expr, error) => {
    const c = parseCron(expr)
    if (error) expect(c).toMatch(error)
    else expect(typeof c).toBe('object')
  })

  it('Sunday is 0 and 7 and names are case-insensitive', () => {
    const a = parseCron('0 0 * * 7')
    const b = parseCron('0 0 * * sun')
    expect(typeof a !== 'string' && [...a.weekdays]).toEqual([0])
    expect(typeof b !== 'string' && [...b.weekdays]).toEqual([0])
  })

  it.each([
    // local time, zone, expected UTC
    [{ year: 2026, month: 12, day: 20 }, 'Europe/Berlin', '2026-12-19T23:00:00.000Z'],
    [{ year: 2026, month: 7, day: 1, hour: 9 }, 'America/New_York', '2026-07-01T13:00:00.000Z'],
    [{ year: 2026, month: 1, day: 1, hour: 9 }, 'Asia/Kolkata', '2026-01-01T03:30:00.000Z'],
    // 02:30 does not exist on 2026-03-29 in Berlin: moved forward to 03:30 CEST
    [
      { year: 2026, month: 3, day: 29, hour: 2, minute: 30 },
      'Europe/Berlin',
      '2026-03-29T01:30:00.000Z'
    ],
    // 02:30 happens twice on 2026-10-25 in Berlin: the earlier instant
    [
      { year: 2026, month: 10, day: 25, hour: 2, minute: 30 },
      'Europe/Berlin',
      '2026-10-25T00:30:00.000Z'
    ],
    [{ year: 2026, month: 6, day: 1 }, 'UTC', '2026-06-01T00:00:00.000Z']
  ])('zonedInstant(%j, %s) = %s', (local, tz, iso) => {
    expect(new Date(zonedInstant(local, tz)).toISOString()).toBe(iso)
  })

  it('reads instants and wall clocks', () => {
    expect(parseInstant('2026-12-20T18:00', 'Europe/Berlin')).toBe(
      Date.parse('2026-12-20T17:00:00Z')
    )
    expect(parseInstant('2026-12-20T18:00:00+05:00', 'Europe/Berlin')).toBe(
      Date.parse('2026-12-20T13:00:00Z')
    )
    expect(parseInstant('next tuesday', 'UTC')).toBeUndefined()
    expect(wallClock(Date.parse('2026-11-27T22:30:00Z'), 'America/New_York')).toEqual({
      year: 2026,
      month: 11,
      day: 27,
      hour: 17,
      minute: 30,
      second: 0,
      weekday: 5
    })
  })
})
