/** Go time: layouts (format/parse), durations, civil calendar and IANA zones (via Intl). */
import { fail } from './args.js'

export const NAMED_LAYOUTS: Record<string, string> = {
  ANSIC: 'Mon Jan _2 15:04:05 2006',
  UnixDate: 'Mon Jan _2 15:04:05 MST 2006',
  RubyDate: 'Mon Jan 02 15:04:05 -0700 2006',
  RFC822: '02 Jan 06 15:04 MST',
  RFC822Z: '02 Jan 06 15:04 -0700',
  RFC850: 'Monday, 02-Jan-06 15:04:05 MST',
  RFC1123: 'Mon, 02 Jan 2006 15:04:05 MST',
  RFC1123Z: 'Mon, 02 Jan 2006 15:04:05 -0700',
  RFC3339: '2006-01-02T15:04:05Z07:00',
  RFC3339Nano: '2006-01-02T15:04:05.999999999Z07:00',
  Kitchen: '3:04PM',
  Stamp: 'Jan _2 15:04:05',
  StampMilli: 'Jan _2 15:04:05.000',
  StampMicro: 'Jan _2 15:04:05.000000',
  StampNano: 'Jan _2 15:04:05.000000000',
  DateTime: '2006-01-02 15:04:05',
  DateOnly: '2006-01-02',
  TimeOnly: '15:04:05'
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
]
export const WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday'
]

// ------------------------------------------------------------------ civil calendar

export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

export function civilFromDays(z: number): [number, number, number] {
  z += 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  )
  const y = yoe + era * 400
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp + (mp < 10 ? 3 : -9)
  return [y + (m <= 2 ? 1 : 0), m, d]
}

/** A broken-down time in some zone. */
export interface Civil {
  year: number
  month: number
  day: number
  hour: number
  min: number
  sec: number
  nsec: number
  weekday: number
  yday: number
  offset: number // seconds east of UTC
  abbr: string
}

const NS = 1_000_000_000n

export function splitNs(ns: bigint): { sec: number; nsec: number } {
  let sec = ns / NS
  let nsec = ns % NS
  if (nsec < 0n) {
    nsec += NS
    sec -= 1n
  }
  return { sec: Number(sec), nsec: Number(nsec) }
}

// ------------------------------------------------------------------ zones

const dtfCache = new Map<string, Intl.DateTimeFormat>()

function dtf(tz: string): Intl.DateTimeFormat {
  let f = dtfCache.get(tz)
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
      era: 'short',
      timeZoneName: 'short'
    })
    dtfCache.set(tz, f)
  }
  return f
}

const gbCache = new Map<string, Intl.DateTimeFormat>()

function abbrFormat(tz: string): Intl.DateTimeFormat {
  let f = gbCache.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: tz, timeZoneName: 'short' })
    gbCache.set(tz, f)
  }
  return f
}

export function checkZone(tz: string): string {
  if (tz === '' || tz === 'UTC') return 'UTC'
  if (tz === 'Local') return Intl.DateTimeFormat().resolvedOptions().timeZone
  try {
    dtf(tz)
    return tz
  } catch {
    throw fail(`unknown time zone ${tz}`)
  }
}

/** Offset (seconds east of UTC) and abbreviation of a zone at a Unix second. */
export function zoneAt(tz: string, sec: number): { offset: number; abbr: string } {
  if (tz === 'UTC') return { offset: 0, abbr: 'UTC' }
  // Intl cannot format beyond ±8.64e15 ms; clamp for the offset lookup.
  const ms = Math.max(Math.min(sec * 1000, 8.64e15), -8.64e15)
  const parts = dtf(tz).formatToParts(new Date(ms))
  const get = (t: string): string => parts.find(p => p.type === t)?.value ?? '0'
  let y = Number(get('year'))
  if (get('era') === 'BC' || get('era') === 'B') y = 1 - y
  const local =
    daysFromCivil(y, Number(get('month')), Number(get('day'))) * 86400 +
    Number(get('hour')) * 3600 +
    Number(get('minute')) * 60 +
    Number(get('second'))
  const offset = local - Math.floor(ms / 1000)
  let abbr = get('timeZoneName')
  if (/^GMT[+-]/.test(abbr)) {
    // en-US only knows North American abbreviations; en-GB knows the European ones (CET, BST...)
    const gb = abbrFormat(tz)
      .formatToParts(new Date(ms))
      .find(p => p.type === 'timeZoneName')?.value
    if (gb && !/^(GMT|UTC)[+-]/.test(gb)) abbr = gb
  }
  if (/^(GMT|UTC)[+-]/.test(abbr) || abbr === '0') {
    const a = Math.abs(offset)
    const hh = String(Math.floor(a / 3600)).padStart(2, '0')
    const mm = Math.floor(a / 60) % 60
    abbr = (offset < 0 ? '-' : '+') + hh + (mm ? String(mm).padStart(2, '0') : '')
    if (offset === 0 && tz === 'UTC') abbr = 'UTC'
  }
  return { offset, abbr }
}

export function toCivil(ns: bigint, tz: string): Civil {
  const { sec, nsec } = splitNs(ns)
  const { offset, abbr } = zoneAt(tz, sec)
  const local = sec + offset
  const days = Math.floor(local / 86400)
  const rem = local - days * 86400
  const [year, month, day] = civilFromDays(days)
  return {
    year,
    month,
    day,
    hour: Math.floor(rem / 3600),
    min: Math.floor(rem / 60) % 60,
    sec: rem % 60,
    nsec,
    weekday: (((days + 4) % 7) + 7) % 7,
    yday: days - daysFromCivil(year, 1, 1) + 1,
    offset,
    abbr
  }
}

/** Unix ns of a civil time in a zone (Go's time.Date normalisation of out-of-range fields). */
export function fromCivil(
  year: number,
  month: number,
  day: number,
  hour: number,
  min: number,
  sec: number,
  nsec: number,
  tz: string
): bigint {
  // normalise month
  const m0 = month - 1
  year += Math.floor(m0 / 12)
  month = (((m0 % 12) + 12) % 12) + 1
  const localSec =
    daysFromCivil(year, month, 1) * 86400 + (day - 1) * 86400 + hour * 3600 + min * 60 + sec
  let offset = zoneAt(tz, localSec).offset
  // second pass for DST transitions
  offset = zoneAt(tz, localSec - offset).offset
  return BigInt(localSec - offset) * NS + BigInt(nsec)
}

// ------------------------------------------------------------------ layouts

type Chunk =
  | { t: 'lit'; s: string }
  | {
      t:
        | 'LongMonth'
        | 'Month'
        | 'NumMonth'
        | 'ZeroMonth'
        | 'LongWeekDay'
        | 'WeekDay'
        | 'Day'
        | 'UnderDay'
        | 'ZeroDay'
        | 'UnderYearDay'
        | 'ZeroYearDay'
        | 'Hour'
        | 'Hour12'
        | 'ZeroHour12'
        | 'Minute'
        | 'ZeroMinute'
        | 'Second'
        | 'ZeroSecond'
        | 'LongYear'
        | 'Year'
        | 'PM'
        | 'pm'
        | 'TZ'
        | 'ISO8601TZ'
        | 'ISO8601SecondsTZ'
        | 'ISO8601ShortTZ'
        | 'ISO8601ColonTZ'
        | 'ISO8601ColonSecondsTZ'
        | 'NumTZ'
        | 'NumSecondsTz'
        | 'NumShortTZ'
        | 'NumColonTZ'
        | 'NumColonSecondsTZ'
    }
  | { t: 'Frac'; n: number; trim: boolean; sep: string }

export function tokenizeLayout(layout: string): Chunk[] {
  const out: Chunk[] = []
  let lit = ''
  const push = (c: Chunk): void => {
    if (lit) out.push({ t: 'lit', s: lit })
    lit = ''
    out.push(c)
  }
  let i = 0
  const L = layout
  const at = (s: string): boolean => L.startsWith(s, i)
  while (i < L.length) {
    const c = L[i]
    let matched: Chunk | undefined
    let len = 0
    switch (c) {
      case 'J':
        if (at('January')) [matched, len] = [{ t: 'LongMonth' }, 7]
        else if (at('Jan')) [matched, len] = [{ t: 'Month' }, 3]
        break
      case 'M':
        if (at('Monday')) [matched, len] = [{ t: 'LongWeekDay' }, 6]
        else if (at('Mon')) [matched, len] = [{ t: 'WeekDay' }, 3]
        else if (at('MST')) [matched, len] = [{ t: 'TZ' }, 3]
        break
      case '0':
        if (at('002')) [matched, len] = [{ t: 'ZeroYearDay' }, 3]
        else if (/^0[1-6]/.test(L.slice(i))) {
          const k = L[i + 1]
          matched = {
            t: (
              {
                '1': 'ZeroMonth',
                '2': 'ZeroDay',
                '3': 'ZeroHour12',
                '4': 'ZeroMinute',
                '5': 'ZeroSecond',
                '6': 'Year'
              } as const
            )[k as '1']
          }
          len = 2
        }
        break
      case '1':
        if (at('15')) [matched, len] = [{ t: 'Hour' }, 2]
        else [matched, len] = [{ t: 'NumMonth' }, 1]
        break
      case '2':
        if (at('2006')) [matched, len] = [{ t: 'LongYear' }, 4]
        else [matched, len] = [{ t: 'Day' }, 1]
        break
      case '_':
        if (at('_2')) {
          if (at('_2006')) {
            lit += '_'
            i++
            continue
          }
          if (at('__2')) [matched, len] = [{ t: 'UnderYearDay' }, 3]
          else [matched, len] = [{ t: 'UnderDay' }, 2]
        } else if (at('__2')) [matched, len] = [{ t: 'UnderYearDay' }, 3]
        break
      case '3':
        ;[matched, len] = [{ t: 'Hour12' }, 1]
        break
      case '4':
        ;[matched, len] = [{ t: 'Minute' }, 1]
        break
      case '5':
        ;[matched, len] = [{ t: 'Second' }, 1]
        break
      case 'P':
        if (at('PM')) [matched, len] = [{ t: 'PM' }, 2]
        break
      case 'p':
        if (at('pm')) [matched, len] = [{ t: 'pm' }, 2]
        break
      case '-':
        if (at('-07:00:00')) [matched, len] = [{ t: 'NumColonSecondsTZ' }, 9]
        else if (at('-0700')) [matched, len] = [{ t: 'NumTZ' }, 5]
        else if (at('-07:00')) [matched, len] = [{ t: 'NumColonTZ' }, 6]
        else if (at('-070000')) [matched, len] = [{ t: 'NumSecondsTz' }, 7]
        else if (at('-07')) [matched, len] = [{ t: 'NumShortTZ' }, 3]
        break
      case 'Z':
        if (at('Z07:00:00')) [matched, len] = [{ t: 'ISO8601ColonSecondsTZ' }, 9]
        else if (at('Z070000')) [matched, len] = [{ t: 'ISO8601SecondsTZ' }, 7]
        else if (at('Z0700')) [matched, len] = [{ t: 'ISO8601TZ' }, 5]
        else if (at('Z07:00')) [matched, len] = [{ t: 'ISO8601ColonTZ' }, 6]
        else if (at('Z07')) [matched, len] = [{ t: 'ISO8601ShortTZ' }, 3]
        break
      case '.':
      case ',': {
        const m = /^[.,](0+|9+)/.exec(L.slice(i))
        if (m && !/\d/.test(L[i + m[0].length] ?? '')) {
          matched = { t: 'Frac', n: m[1].length, trim: m[1][0] === '9', sep: c }
          len = m[0].length
        }
        break
      }
    }
    if (matched) {
      push(matched)
      i += len
    } else {
      lit += c
      i++
    }
  }
  if (lit) out.push({ t: 'lit', s: lit })
  return out
}

const pad = (n: number, w: number, ch = '0'): string => String(n).padStart(w, ch)

function fmtTZ(off: number, colon: boolean, secs: boolean, short: boolean, z: boolean): string {
  if (z && off === 0) return 'Z'
  const sign = off < 0 ? '-' : '+'
  const a = Math.abs(off)
  const hh = pad(Math.floor(a / 3600), 2)
  const mm = pad(Math.floor(a / 60) % 60, 2)
  const ss = pad(a % 60, 2)
  if (short) return sign + hh
  let s = sign + hh + (colon ? ':' : '') + mm
  if (secs) s += (colon ? ':' : '') + ss
  return s
}

export function formatLayout(c: Civil, layout: string): string {
  let out = ''
  for (const ch of tokenizeLayout(layout)) {
    switch (ch.t) {
      case 'lit':
        out += ch.s
        break
      case 'LongMonth':
        out += MONTHS[c.month - 1]
        break
      case 'Month':
        out += MONTHS[c.month - 1].slice(0, 3)
        break
      case 'NumMonth':
        out += c.month
        break
      case 'ZeroMonth':
        out += pad(c.month, 2)
        break
      case 'LongWeekDay':
        out += WEEKDAYS[c.weekday]
        break
      case 'WeekDay':
        out += WEEKDAYS[c.weekday].slice(0, 3)
        break
      case 'Day':
        out += c.day
        break
      case 'UnderDay':
        out += pad(c.day, 2, ' ')
        break
      case 'ZeroDay':
        out += pad(c.day, 2)
        break
      case 'UnderYearDay':
        out += pad(c.yday, 3, ' ')
        break
      case 'ZeroYearDay':
        out += pad(c.yday, 3)
        break
      case 'Hour':
        out += pad(c.hour, 2)
        break
      case 'Hour12':
        out += c.hour % 12 === 0 ? 12 : c.hour % 12
        break
      case 'ZeroHour12':
        out += pad(c.hour % 12 === 0 ? 12 : c.hour % 12, 2)
        break
      case 'Minute':
        out += c.min
        break
      case 'ZeroMinute':
        out += pad(c.min, 2)
        break
      case 'Second':
        out += c.sec
        break
      case 'ZeroSecond':
        out += pad(c.sec, 2)
        break
      case 'LongYear':
        out += c.year < 0 ? '-' + pad(-c.year, 4) : pad(c.year, 4)
        break
      case 'Year':
        out += pad(((c.year % 100) + 100) % 100, 2)
        break
      case 'PM':
        out += c.hour >= 12 ? 'PM' : 'AM'
        break
      case 'pm':
        out += c.hour >= 12 ? 'pm' : 'am'
        break
      case 'TZ':
        out += c.abbr
        break
      case 'ISO8601TZ':
        out += fmtTZ(c.offset, false, false, false, true)
        break
      case 'ISO8601SecondsTZ':
        out += fmtTZ(c.offset, false, true, false, true)
        break
      case 'ISO8601ShortTZ':
        out += fmtTZ(c.offset, false, false, true, true)
        break
      case 'ISO8601ColonTZ':
        out += fmtTZ(c.offset, true, false, false, true)
        break
      case 'ISO8601ColonSecondsTZ':
        out += fmtTZ(c.offset, true, true, false, true)
        break
      case 'NumTZ':
        out += fmtTZ(c.offset, false, false, false, false)
        break
      case 'NumSecondsTz':
        out += fmtTZ(c.offset, false, true, false, false)
        break
      case 'NumShortTZ':
        out += fmtTZ(c.offset, false, false, true, false)
        break
      case 'NumColonTZ':
        out += fmtTZ(c.offset, true, false, false, false)
        break
      case 'NumColonSecondsTZ':
        out += fmtTZ(c.offset, true, true, false, false)
        break
      case 'Frac': {
        let digits = pad(c.nsec, 9).slice(0, ch.n)
        if (ch.trim) {
          digits = digits.replace(/0+$/, '')
          if (digits) out += ch.sep + digits
        } else out += ch.sep + digits
        break
      }
    }
  }
  return out
}

function parseErr(value: string, layout: string, elem: string, rest: string, msg = ''): never {
  throw fail(
    `parsing time ${JSON.stringify(value)} as ${JSON.stringify(layout)}: cannot parse ${JSON.stringify(rest)} as ${JSON.stringify(elem)}${msg}`
  )
}

/** Go time.Parse (in UTC unless the value carries an offset). Returns Unix ns. */
export function parseLayout(layout: string, value: string): bigint {
  const chunks = tokenizeLayout(layout)
  let s = value
  let year = 1
  let month = 1
  let day = 1
  let hour = 0
  let min = 0
  let sec = 0
  let nsec = 0
  let pm: boolean | undefined
  let offset: number | undefined
  let yday = -1
  const num = (min: number, max: number, elem: string, fixed?: number): number => {
    const m = fixed
      ? new RegExp(`^\\d{${fixed}}`).exec(s)
      : new RegExp(`^\\d{${min},${max}}`).exec(s)
    if (!m) parseErr(value, layout, elem, s)
    s = s.slice(m[0].length)
    return Number(m[0])
  }
  const lookup = (names: string[], elem: string): number => {
    for (let k = 0; k < names.length; k++) {
      if (
        s.length >= names[k].length &&
        s.slice(0, names[k].length).toLowerCase() === names[k].toLowerCase()
      ) {
        s = s.slice(names[k].length)
        return k
      }
    }
    parseErr(value, layout, elem, s)
  }
  for (let ci = 0; ci < chunks.length; ci++) {
    const ch = chunks[ci]
    switch (ch.t) {
      case 'lit': {
        // Go skips spaces flexibly: a space in the layout matches one or more in the value
        if (!s.startsWith(ch.s)) parseErr(value, layout, ch.s, s)
        s = s.slice(ch.s.length)
        break
      }
      case 'LongYear': {
        const m = /^[+-]?\d{4,}/.exec(s)
        if (!m || m[0].length < 4) parseErr(value, layout, '2006', s)
        year = Number(m[0].slice(0, 4))
        s = s.slice(4)
        break
      }
      case 'Year': {
        const y = num(2, 2, '06', 2)
        year = y >= 69 ? 1900 + y : 2000 + y
        break
      }
      case 'LongMonth':
        month = lookup(MONTHS, 'January') + 1
        break
      case 'Month':
        month =
          lookup(
            MONTHS.map(x => x.slice(0, 3)),
            'Jan'
          ) + 1
        break
      case 'NumMonth':
      case 'ZeroMonth':
        month = num(1, 2, ch.t === 'NumMonth' ? '1' : '01', ch.t === 'ZeroMonth' ? 2 : undefined)
        if (month < 1 || month > 12)
          throw fail(`parsing time ${JSON.stringify(value)}: month out of range`)
        break
      case 'LongWeekDay':
        lookup(WEEKDAYS, 'Monday')
        break
      case 'WeekDay':
        lookup(
          WEEKDAYS.map(x => x.slice(0, 3)),
          'Mon'
        )
        break
      case 'Day':
      case 'UnderDay':
      case 'ZeroDay':
        if (ch.t === 'UnderDay' && s.startsWith(' ')) s = s.slice(1)
        day = num(1, 2, ch.t === 'ZeroDay' ? '02' : '2', ch.t === 'ZeroDay' ? 2 : undefined)
        break
      case 'UnderYearDay':
      case 'ZeroYearDay':
        while (ch.t === 'UnderYearDay' && s.startsWith(' ')) s = s.slice(1)
        yday = num(1, 3, '002', ch.t === 'ZeroYearDay' ? 3 : undefined)
        break
      case 'Hour':
        hour = num(1, 2, '15', 2)
        if (hour > 23) throw fail(`parsing time ${JSON.stringify(value)}: hour out of range`)
        break
      case 'Hour12':
      case 'ZeroHour12':
        hour = num(1, 2, '3', ch.t === 'ZeroHour12' ? 2 : undefined)
        if (hour > 12) throw fail(`parsing time ${JSON.stringify(value)}: hour out of range`)
        break
      case 'Minute':
      case 'ZeroMinute':
        min = num(1, 2, '04', ch.t === 'ZeroMinute' ? 2 : undefined)
        if (min > 59) throw fail(`parsing time ${JSON.stringify(value)}: minute out of range`)
        break
      case 'Second':
      case 'ZeroSecond': {
        sec = num(1, 2, '05', ch.t === 'ZeroSecond' ? 2 : undefined)
        if (sec > 59) throw fail(`parsing time ${JSON.stringify(value)}: second out of range`)
        // fractional seconds may follow even if the layout does not say so
        const next = chunks[ci + 1]
        if (!(next && next.t === 'Frac')) {
          const m = /^[.,](\d+)/.exec(s)
          if (m) {
            nsec = Number(m[1].slice(0, 9).padEnd(9, '0'))
            s = s.slice(m[0].length)
          }
        }
        break
      }
      case 'Frac': {
        const m = ch.trim ? /^[.,](\d+)/.exec(s) : new RegExp(`^[.,](\\d{${ch.n}})`).exec(s)
        if (m) {
          nsec = Number(m[1].slice(0, 9).padEnd(9, '0'))
          s = s.slice(m[0].length)
        } else if (!ch.trim) parseErr(value, layout, '.' + '0'.repeat(ch.n), s)
        break
      }
      case 'PM':
      case 'pm': {
        const p = s.slice(0, 2).toUpperCase()
        if (p !== 'AM' && p !== 'PM') parseErr(value, layout, ch.t, s)
        pm = p === 'PM'
        s = s.slice(2)
        break
      }
      case 'TZ': {
        const m = /^(UTC|GMT([+-]\d{1,2})?|[A-Z]{3,5}|[+-]\d{2,4})/.exec(s)
        if (!m) parseErr(value, layout, 'MST', s)
        s = s.slice(m[0].length)
        if (m[2]) offset = Number(m[2]) * 3600
        else if (m[0] === 'UTC' || m[0] === 'GMT') offset = 0
        else offset = offset ?? 0
        break
      }
      default: {
        // numeric zones
        const z = ch.t.startsWith('ISO8601')
        if (z && s.startsWith('Z')) {
          s = s.slice(1)
          offset = 0
          break
        }
        const colon = ch.t.includes('Colon')
        const secs = ch.t.includes('Seconds')
        const short = ch.t.includes('Short')
        const re = short
          ? /^([+-])(\d{2})/
          : colon
            ? secs
              ? /^([+-])(\d{2}):(\d{2}):(\d{2})/
              : /^([+-])(\d{2}):(\d{2})/
            : secs
              ? /^([+-])(\d{2})(\d{2})(\d{2})/
              : /^([+-])(\d{2})(\d{2})/
        const m = re.exec(s)
        if (!m) parseErr(value, layout, '-07:00', s)
        const hh = Number(m[2])
        const mm = Number(m[3] ?? 0)
        const ss = Number(m[4] ?? 0)
        if (hh > 24 || mm > 59 || ss > 59)
          throw fail(`parsing time ${JSON.stringify(value)}: time zone offset out of range`)
        offset = (m[1] === '-' ? -1 : 1) * (hh * 3600 + mm * 60 + ss)
        s = s.slice(m[0].length)
        break
      }
    }
  }
  if (s !== '')
    throw fail(`parsing time ${JSON.stringify(value)}: extra text: ${JSON.stringify(s)}`)
  if (pm !== undefined) {
    if (pm && hour < 12) hour += 12
    else if (!pm && hour === 12) hour = 0
  }
  if (yday >= 0) {
    const d = daysFromCivil(year, 1, 1) + yday - 1
    const [, mo, da] = civilFromDays(d)
    month = mo
    day = da
  }
  const dim = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31
  ][month - 1]
  if (day < 1 || day > dim) throw fail(`parsing time ${JSON.stringify(value)}: day out of range`)
  const localSec = daysFromCivil(year, month, day) * 86400 + hour * 3600 + min * 60 + sec
  return BigInt(localSec - (offset ?? 0)) * NS + BigInt(nsec)
}

// ------------------------------------------------------------------ durations

const UNIT_NS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9
}

/** Go time.ParseDuration → ns. */
export function parseDuration(str: string): bigint {
  const orig = str
  const bad = (): never => {
    throw fail(`time: invalid duration ${JSON.stringify(orig)}`)
  }
  let s = str
  let neg = false
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-'
    s = s.slice(1)
  }
  if (s === '0') return 0n
  if (s === '') bad()
  let total = 0n
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s)!
    if (m[0] === '' || m[0] === '.' || (m[1] === '' && (m[2] ?? '') === '')) bad()
    s = s.slice(m[0].length)
    const u = /^[^\d.]+/.exec(s)
    if (!u) throw fail(`time: missing unit in duration ${JSON.stringify(orig)}`)
    const unit = UNIT_NS[u[0]]
    if (unit === undefined)
      throw fail(`time: unknown unit ${JSON.stringify(u[0])} in duration ${JSON.stringify(orig)}`)
    s = s.slice(u[0].length)
    total +=
      BigInt(m[1] || '0') * BigInt(unit) +
      (m[2] ? BigInt(Math.round(Number('0.' + m[2]) * unit)) : 0n)
  }
  if (total > 9223372036854775807n) bad()
  return neg ? -total : total
}
