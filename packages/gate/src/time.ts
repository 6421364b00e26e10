/**
 * Calendar arithmetic the gate does before evaluation: durations, wall-clock times in an IANA
 * time zone, cron-like recurring windows and one-time date ranges. Everything takes `now`
 * explicitly, so freeze windows and freshness are testable.
 */

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 }

/** `90s`, `15m`, `24h`, `7d`, `2w`, `1d12h` or a number of seconds → seconds; undefined if invalid. */
export function parseDuration(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : undefined
  const s = text.trim()
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s)
  if (!/^(\d+(\.\d+)?[smhdw])+$/.test(s)) return undefined
  let total = 0
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)([smhdw])/g)) total += Number(m[1]) * UNITS[m[2]]
  return total
}

export function formatDuration(seconds: number): string {
  const parts: string[] = []
  let rest = Math.round(seconds)
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60]
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`)
      rest %= size
    }
  }
  if (rest > 0 || parts.length === 0) parts.push(`${rest}s`)
  return parts.join('')
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/** Whether `tz` is an IANA zone name (or UTC) that this runtime knows. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

export interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  /** 0 = Sunday … 6 = Saturday */
  weekday: number
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

/** The wall-clock time in `tz` at the instant `ms` (Unix milliseconds). */
export function wallClock(ms: number, tz: string): WallClock {
  let f = formatters.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short'
    })
    formatters.set(tz, f)
  }
  const parts: Record<string, string> = {}
  for (const p of f.formatToParts(new Date(ms))) parts[p.type] = p.value
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday)
  }
}

/**
 * The instant at which the wall clock in `tz` shows the given local time. Like Temporal's
 * "compatible" disambiguation: in an overlap (clocks go back) the earlier instant; in a gap
 * (clocks go forward) the time is moved forward by the gap.
 */
export function zonedInstant(
  local: {
    year: number
    month: number
    day: number
    hour?: number
    minute?: number
    second?: number
  },
  tz: string
): number {
  const asUtc = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour ?? 0,
    local.minute ?? 0,
    local.second ?? 0
  )
  const offsetAt = (ms: number): number => {
    const w = wallClock(ms, tz)
    return (
      Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) -
      Math.floor(ms / 1000) * 1000
    )
  }
  const before = offsetAt(asUtc - 86_400_000)
  const after = offsetAt(asUtc + 86_400_000)
  const shows = (t: number): boolean => {
    const w = wallClock(t, tz)
    return (
      Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) ===
      Math.floor(asUtc / 1000) * 1000
    )
  }
  const candidates = [asUtc - before, asUtc - after].filter(shows).sort((a, b) => a - b)
  return candidates[0] ?? asUtc - before
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/

/**
 * An instant from an RFC 3339 timestamp (with offset), or a local `YYYY-MM-DD[THH:MM[:SS]]`
 * read in `tz`. Undefined when it is neither.
 */
export function parseInstant(text: string, tz: string): number | undefined {
  const local = DATE_RE.exec(text.trim())
  if (local) {
    const [, y, mo, d, h, mi, s] = local
    return zonedInstant(
      {
        year: Number(y),
        month: Number(mo),
        day: Number(d),
        hour: Number(h ?? 0),
        minute: Number(mi ?? 0),
        second: Number(s ?? 0)
      },
      tz
    )
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(text.trim()))
    return undefined
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? undefined : ms
}

/** A timestamp from evidence (RFC 3339 / ISO 8601, or Unix seconds); undefined if unparseable. */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value))
    return value > 1e12 ? value : value * 1000
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : ms
}

// ---- cron ----

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']

export interface Cron {
  minutes: Set<number>
  hours: Set<number>
  days: Set<number>
  months: Set<number>
  weekdays: Set<number>
  /** Both day fields restricted: cron matches either (Vixie cron semantics). */
  dayOr: boolean
}

function parseField(
  field: string,
  min: number,
  max: number,
  names?: string[]
): Set<number> | string {
  const out = new Set<number>()
  const value = (s: string): number => {
    const idx = names?.indexOf(s.toUpperCase()) ?? -1
    if (idx >= 0) return idx + (names === MONTHS ? 1 : 0)
    return /^\d+$/.test(s) ? Number(s) : NaN
  }
  for (const part of field.split(',')) {
    const m = /^(\*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/(\d+))?$/.exec(part)
    if (!m) return `invalid cron field "${field}"`
    const step = m[2] ? Number(m[2]) : 1
    let lo: number
    let hi: number
    if (m[1] === '*') {
      lo = min
      hi = max
    } else {
      const [a, b] = m[1].split('-')
      lo = value(a)
      hi = b === undefined ? (m[2] ? max : lo) : value(b)
    }
    if (names === DAYS && hi === 7) hi = 7
    if (
      !Number.isInteger(lo) ||
      !Number.isInteger(hi) ||
      step < 1 ||
      lo < min ||
      hi > (names === DAYS ? 7 : max) ||
      lo > hi
    )
      return `invalid cron field "${field}" (allowed ${min}-${max})`
    for (let v = lo; v <= hi; v += step) out.add(names === DAYS ? v % 7 : v)
  }
  return out
}

/** `minute hour day-of-month month day-of-week` (names like MON, JAN allowed). */
export function parseCron(expr: string): Cron | string {
  const fields = expr.trim().split(/\s+/)
  if (fields.length !== 5)
    return `a cron expression has 5 fields (minute hour day month weekday), got ${fields.length}`
  const minutes = parseField(fields[0], 0, 59)
  const hours = parseField(fields[1], 0, 23)
  const days = parseField(fields[2], 1, 31)
  const months = parseField(fields[3], 1, 12, MONTHS)
  const weekdays = parseField(fields[4], 0, 6, DAYS)
  for (const f of [minutes, hours, days, months, weekdays]) if (typeof f === 'string') return f
  return {
    minutes: minutes as Set<number>,
    hours: hours as Set<number>,
    days: days as Set<number>,
    months: months as Set<number>,
    weekdays: weekdays as Set<number>,
    dayOr: fields[2] !== '*' && fields[4] !== '*'
  }
}

export function cronMatches(c: Cron, w: WallClock): boolean {
  if (!c.minutes.has(w.minute) || !c.hours.has(w.hour) || !c.months.has(w.month)) return false
  const d = c.days.has(w.day)
  const wd = c.weekdays.has(w.weekday)
  return c.dayOr ? d || wd : d && wd
}

/**
 * The latest minute at which `cron` fired in `tz` within `lookbackSeconds` before (and
 * including) `nowMs`, or undefined.
 */
export function lastCronFire(
  c: Cron,
  tz: string,
  nowMs: number,
  lookbackSeconds: number
): number | undefined {
  const start = Math.floor(nowMs / 60000) * 60000
  const steps = Math.ceil(lookbackSeconds / 60)
  // The zone offset is looked up once per UTC half hour (every real zone changes offset on a
  // half-hour boundary), then each minute's wall clock is plain arithmetic.
  const offsets = new Map<number, number>()
  for (let i = 0; i <= steps; i++) {
    const t = start - i * 60000
    if (i > 0 && nowMs - t >= lookbackSeconds * 1000) break
    const bucket = Math.floor(t / 1800000)
    let offset = offsets.get(bucket)
    if (offset === undefined) {
      const w = wallClock(t, tz)
      offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - t
      offsets.set(bucket, offset)
    }
    const d = new Date(t + offset)
    const w: WallClock = {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: 0,
      weekday: d.getUTCDay()
    }
    if (cronMatches(c, w)) return t
  }
  return undefined
}
