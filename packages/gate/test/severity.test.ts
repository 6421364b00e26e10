/**
 * Severity normalisation: CVSS scores at every band boundary (v3/v4 FIRST scale, v2 NVD scale),
 * vectors scored by their base metrics, scanner labels, and the highest rating winning.
 */
import { describe, expect, it } from '@jest/globals'
import { cvssScore, highestSeverity, ratingSeverity, severityOf } from '@secure-pipeline/gate'

describe('CVSS scores → severity (FIRST qualitative scale)', () => {
  it.each<[number | string, string]>([
    [0, 'info'],
    ['0.0', 'info'],
    [0.1, 'low'],
    [3.9, 'low'],
    [4.0, 'medium'],
    ['4.0', 'medium'],
    [6.9, 'medium'],
    [7.0, 'high'],
    [8.9, 'high'],
    [9.0, 'critical'],
    ['9.8', 'critical'],
    [10, 'critical']
  ])('%s → %s', (score, want) => expect(ratingSeverity(score)).toBe(want))

  it('a score above 10 is not a rating', () => {
    expect(ratingSeverity('11')).toBeNull()
    expect(severityOf('11')).toBe('high')
  })
})

describe('CVSS vectors → base score → severity', () => {
  it.each<[string, number, string]>([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8, 'critical'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 7.5, 'high'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1, 'medium'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N', 5.4, 'medium'],
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N', 3.7, 'low'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0, 'info'],
    ['CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:L', 4.3, 'medium'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3, 'critical'],
    ['CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 8.5, 'high'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N', 0, 'info'],
    // v2 has no critical band: 10.0 is high (NVD).
    ['AV:N/AC:L/Au:N/C:C/I:C/A:C', 10, 'high'],
    ['AV:N/AC:L/Au:N/C:P/I:P/A:P', 7.5, 'high'],
    ['AV:N/AC:M/Au:N/C:N/I:P/A:N', 4.3, 'medium']
  ])('%s → %s (%s)', (vector, score, want) => {
    expect(cvssScore(vector)?.score).toBe(score)
    expect(ratingSeverity(vector)).toBe(want)
  })

  it.each([
    'CVSS:3.1/AV:X',
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H',
    'CVSS:3.1/',
    'not:a:vector',
    'CVSS:9.9/AV:N'
  ])('%s is not a rating', v => expect(ratingSeverity(v)).toBeNull())
})

describe('labels', () => {
  it.each<[string, string | null]>([
    ['CRITICAL', 'critical'],
    ['High', 'high'],
    ['important', 'high'],
    ['error', 'high'],
    ['moderate', 'medium'],
    ['MEDIUM', 'medium'],
    ['warning', 'medium'],
    ['Negligible', 'low'],
    ['note', 'low'],
    ['none', 'info'],
    ['UNKNOWN', null],
    ['', null],
    ['whatever', null]
  ])('%s → %s', (label, want) => expect(ratingSeverity(label)).toBe(want))
})

describe('several ratings', () => {
  it.each<[unknown[], string]>([
    [['low', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'], 'critical'],
    [['Negligible', 7.8], 'high'],
    [['UNKNOWN', 'medium'], 'medium'],
    [['UNKNOWN', null, undefined], 'high'],
    [[], 'high'],
    [['none', 'low'], 'low']
  ])('%j → %s (unknown ones ignored, none known fails closed)', (ratings, want) =>
    expect(highestSeverity(ratings)).toBe(want)
  )
})
