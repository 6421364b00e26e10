/** time.* builtins. */
import { RegoObject, type Value } from '../value.js'
import { fail, int, normInt, num, str, typeErr, isNum, oneOfErr } from './args.js'
import {
  checkZone,
  formatLayout,
  fromCivil,
  NAMED_LAYOUTS,
  parseDuration,
  parseLayout,
  toCivil,
  WEEKDAYS
} from './gotime.js'
import type { BuiltinFn } from './types.js'

const MIN_NS = -9223372036854775808n
const MAX_NS = 9223372036854775807n

function inRange(ns: bigint): bigint {
  if (ns < MIN_NS || ns > MAX_NS) throw fail('time outside of valid range')
  return ns
}

/** ns operand: a number, or [ns, tz] / [ns, tz, layout]. */
function timeArg(
  args: Value[],
  i: number,
  allowLayout = false
): { ns: bigint; tz: string; layout?: string } {
  const v = args[i]
  let n: Value
  let tz = 'UTC'
  let layout: string | undefined
  if (isNum(v)) n = v
  else if (Array.isArray(v)) {
    const max = allowLayout ? 3 : 2
    if (v.length < 1 || v.length > max)
      throw fail(
        `operand ${i + 1} expected array of length 2${allowLayout ? ' or 3' : ''} but got ${v.length}`
      )
    n = v[0]
    if (!isNum(n)) throw typeErr(i + 1, 'number', n)
    if (v.length >= 2) {
      if (typeof v[1] !== 'string') throw typeErr(i + 1, 'string', v[1])
      tz = v[1]
    }
    if (v.length === 3) {
      if (typeof v[2] !== 'string') throw typeErr(i + 1, 'string', v[2])
      layout = v[2]
    }
  } else throw oneOfErr(i + 1, ['number', 'array'], v)
  const b = typeof n === 'bigint' ? n : Number.isInteger(n) ? BigInt(n) : BigInt(Math.trunc(n))
  if (b < MIN_NS || b > MAX_NS || (typeof n === 'number' && Math.abs(n) > 9.3e18))
    throw fail('timestamp too big')
  return { ns: b, tz: checkZone(tz), layout }
}

function layoutOf(l: string): string {
  return NAMED_LAYOUTS[l] ?? l
}

function daysIn(year: number, month: number): number {
  return [
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
}

export const timeBuiltins: Record<string, BuiltinFn> = {
  'time.now_ns': (_args, ctx) => normInt(ctx.now),
  'time.parse_ns': args => normInt(inRange(parseLayout(layoutOf(str(args, 0)), str(args, 1)))),
  'time.parse_rfc3339_ns': args =>
    normInt(inRange(parseLayout(NAMED_LAYOUTS.RFC3339, str(args, 0)))),
  'time.parse_duration_ns': args => normInt(parseDuration(str(args, 0))),
  'time.date': args => {
    const { ns, tz } = timeArg(args, 0)
    const c = toCivil(ns, tz)
    return [c.year, c.month, c.day]
  },
  'time.clock': args => {
    const { ns, tz } = timeArg(args, 0)
    const c = toCivil(ns, tz)
    return [c.hour, c.min, c.sec]
  },
  'time.weekday': args => {
    const { ns, tz } = timeArg(args, 0)
    return WEEKDAYS[toCivil(ns, tz).weekday]
  },
  'time.format': args => {
    const { ns, tz, layout } = timeArg(args, 0, true)
    return formatLayout(toCivil(ns, tz), layoutOf(layout ?? 'RFC3339Nano'))
  },
  'time.add_date': args => {
    const n = num(args, 0)
    const ns = BigInt(typeof n === 'bigint' ? n : Math.trunc(n))
    const y = Number(int(args, 1))
    const m = Number(int(args, 2))
    const d = Number(int(args, 3))
    if (ns < MIN_NS || ns > MAX_NS) throw fail('timestamp too big')
    const c = toCivil(ns, 'UTC')
    return normInt(
      inRange(fromCivil(c.year + y, c.month + m, c.day + d, c.hour, c.min, c.sec, c.nsec, 'UTC'))
    )
  },
  'time.diff': args => {
    const a = timeArg(args, 0)
    const b = timeArg(args, 1)
    let t1 = toCivil(a.ns, a.tz)
    let t2: ReturnType<typeof toCivil>
    // Make t1 the earlier instant; compare in t1's location as OPA does.
    if (a.ns > b.ns) {
      t1 = toCivil(b.ns, b.tz)
      t2 = toCivil(a.ns, b.tz)
    } else t2 = toCivil(b.ns, a.tz)
    let year = t2.year - t1.year
    let month = t2.month - t1.month
    let day = t2.day - t1.day
    let hour = t2.hour - t1.hour
    let min = t2.min - t1.min
    let sec = t2.sec - t1.sec
    if (sec < 0) {
      sec += 60
      min--
    }
    if (min < 0) {
      min += 60
      hour--
    }
    if (hour < 0) {
      hour += 24
      day--
    }
    if (day < 0) {
      day += daysIn(t1.year, t1.month)
      month--
    }
    if (month < 0) {
      month += 12
      year--
    }
    return [year, month, day, hour, min, sec]
  }
}
void RegoObject
