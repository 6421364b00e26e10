import { describe, expect, test } from '@jest/globals'
import { defaultConfig, RuleSet, type RawMatch } from '../src/index.js'
import { expand } from './gen.js'
import { RULE_CASES } from './rule-cases.js'

// Buffers of 4 KiB and more are matched by four automaton lanes, one per quarter, each started a
// little early; smaller ones by one lane. Both must see exactly the same keyword hits.
const ruleSet = new RuleSet(defaultConfig())
const matcher = ruleSet.createMatcher()

// 140+ bytes of keyword-free text between records, so windows never merge across records.
const FILLER = `${'    const value = compute(left, right, 42) + offset * 7 - other / 3'.repeat(2)}\n`

const records = Object.entries(RULE_CASES).map(([id, c]) => expand(c.tp[0], `${id}/lanes`))

const key = (m: RawMatch, lineOffset: number): string =>
  `${m.rule}:${m.line + lineOffset}:${m.column}:${m.endLine + lineOffset}:${m.endColumn}:${m.match}`

/** Reference: every record (with its filler) scanned as its own small buffer. */
function reference(pad: string, recs: string[]): string[] {
  const out: string[] = []
  let line = 0
  const parts = [pad + FILLER, ...recs.map(r => `${r}\n${FILLER}`)]
  for (const part of parts) {
    expect(part.length).toBeLessThan(4096)
    for (const m of matcher.scan(Buffer.from(part)).matches) out.push(key(m, line))
    line += part.split('\n').length - 1
  }
  return out.sort()
}

describe('keyword lanes', () => {
  test('the filler has no keyword hit', () => {
    expect(matcher.scan(Buffer.from(FILLER.repeat(100))).matches).toEqual([])
  })

  // Shifting the whole text by 0..95 bytes moves every keyword across the quarter boundaries.
  test.each(Array.from({ length: 24 }, (_, i) => i * 4))(
    'a large buffer finds what its records find alone (shift %d)',
    shift => {
      const pad = ' '.repeat(shift)
      const text = pad + FILLER + records.map(r => `${r}\n${FILLER}`).join('')
      expect(text.length).toBeGreaterThan(8 * 4096)
      const got = matcher
        .scan(Buffer.from(text))
        .matches.map(m => key(m, 0))
        .sort()
      const want = reference(pad, records)
      expect(want.length).toBeGreaterThan(records.length / 2)
      expect(got).toEqual(want)
    }
  )

  test('a keyword split by a quarter boundary is found', () => {
    // One token whose keyword (`ghp_`) starts 1..8 bytes before the first boundary.
    const rec = expand(RULE_CASES['github-pat'].tp[0], 'github-pat/boundary')
    const kwAt = rec.indexOf('ghp_')
    expect(kwAt).toBeGreaterThan(0)
    for (let before = 1; before <= 8; before++) {
      const lead = 'x'.repeat(1000) + '\n'
      const total = 16384
      const start = total / 4 - before - kwAt
      const head = lead.repeat(Math.floor(start / lead.length))
      const gap = ' '.repeat(start - head.length)
      const tail = '\n' + ' '.repeat(total - start - rec.length - 1)
      const text = head + gap + rec + tail
      expect(text.length).toBe(total)
      const ids = ruleSet
        .toFindings('a.txt', matcher.scan(Buffer.from(text)).matches)
        .map(f => f.ruleId)
      expect(ids).toContain('github-pat')
    }
  })
})
