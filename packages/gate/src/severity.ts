/**
 * Severity normalisation: scanner labels, SARIF levels and CVSS scores/vectors → our scale
 * (`critical`, `high`, `medium`, `low`, `info`).
 *
 * CVSS v3.x/v4.0 qualitative ratings (FIRST): 0.0 none → info, 0.1–3.9 low, 4.0–6.9 medium,
 * 7.0–8.9 high, 9.0–10.0 critical. CVSS v2 has no critical band (NVD: 7.0–10.0 high). An unknown
 * or missing rating is `null` here; callers fall back to `high` (fail closed) only when no other
 * rating of the same vulnerability is known.
 */
import cvss from 'ae-cvss-calculator'
import { SEVERITY_RANK, type Severity } from './model.js'

/** CVSS v3/v4 score → severity (the FIRST qualitative scale). */
export function scoreSeverity(score: number): Severity {
  if (score >= 9) return 'critical'
  if (score >= 7) return 'high'
  if (score >= 4) return 'medium'
  if (score > 0) return 'low'
  return 'info'
}

/** CVSS v2 score → severity (NVD's v2 scale: low < 4, medium < 7, high ≥ 7; no critical). */
function scoreSeverityV2(score: number): Severity {
  if (score >= 7) return 'high'
  if (score >= 4) return 'medium'
  if (score > 0) return 'low'
  return 'info'
}

/** The part of ae-cvss-calculator used here (its bundle's types do not reach a default import). */
interface CvssCalculator {
  fromVector(vector: string): { calculateScores(): { base?: unknown; overall?: unknown } } | null
}
const calculator = cvss as unknown as CvssCalculator

const BASE_METRICS: Record<2 | 3 | 4, string[]> = {
  2: ['AV', 'AC', 'Au', 'C', 'I', 'A'],
  3: ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'],
  4: ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA']
}

/** Base score of a CVSS vector (v2, v3.0, v3.1, v4.0), or null if it is not a valid vector. */
export function cvssScore(vector: string): { score: number; version: 2 | 3 | 4 } | null {
  const v = vector.trim()
  if (!/^(CVSS:[234]\.\d\/)?[A-Za-z]+:[A-Za-z]+(\/[A-Za-z]+:[A-Za-z()]+)*$/.test(v)) return null
  const version = v.startsWith('CVSS:4') ? 4 : v.startsWith('CVSS:3') ? 3 : 2
  // Every base metric must be there: a partial vector has no base score.
  const metrics = new Set(v.split('/').map(p => p.split(':')[0]))
  if (!BASE_METRICS[version].every(m => metrics.has(m))) return null
  try {
    const parsed = calculator.fromVector(v)
    if (!parsed) return null
    const s = parsed.calculateScores()
    const score = typeof s.base === 'number' ? s.base : s.overall
    if (typeof score !== 'number' || !Number.isFinite(score)) return null
    return { score, version }
  } catch {
    return null
  }
}

/** A CVSS vector → severity by its computed base score, or null if it is not a vector. */
export function cvssSeverity(vector: string): Severity | null {
  const s = cvssScore(vector)
  if (!s) return null
  return s.version === 2 ? scoreSeverityV2(s.score) : scoreSeverity(s.score)
}

const LABELS: Record<string, Severity> = {
  critical: 'critical',
  high: 'high',
  error: 'high',
  important: 'high',
  medium: 'medium',
  moderate: 'medium',
  warning: 'medium',
  low: 'low',
  note: 'low',
  negligible: 'low',
  minor: 'low',
  info: 'info',
  informational: 'info',
  none: 'info'
}

/**
 * One rating → severity, or null when it carries no information (`UNKNOWN`, missing, garbage).
 * Accepts labels of every scanner we read (case-insensitive), SARIF levels, CVSS scores (number or
 * numeric string) and CVSS vectors.
 */
export function ratingSeverity(value: unknown): Severity | null {
  if (typeof value === 'number') return Number.isFinite(value) ? scoreSeverity(value) : null
  if (typeof value !== 'string') return null
  const s = value.trim()
  if (/^\d+(\.\d+)?$/.test(s)) {
    const n = Number(s)
    return n <= 10 ? scoreSeverity(n) : null
  }
  const label = LABELS[s.toLowerCase()]
  if (label) return label
  if (s.includes(':')) return cvssSeverity(s)
  return null
}

/** The highest of several ratings; unknown ones are ignored, and none known → `fallback`. */
export function highestSeverity(
  ratings: readonly unknown[],
  fallback: Severity = 'high'
): Severity {
  let best: Severity | null = null
  for (const r of ratings) {
    const s = ratingSeverity(r)
    if (s && (best === null || SEVERITY_RANK[s] > SEVERITY_RANK[best])) best = s
  }
  return best ?? fallback
}

/** One rating → severity; an unknown rating counts as `fallback` (high: the gate fails closed). */
export function severityOf(value: unknown, fallback: Severity = 'high'): Severity {
  return ratingSeverity(value) ?? fallback
}
