/** Small helpers for reading untyped JSON evidence. */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json }
export type Obj = { [k: string]: Json }

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
/** A non-empty string, else null. */
export function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null
}
export function arr(v: unknown): Json[] {
  return Array.isArray(v) ? (v as Json[]) : []
}
/** `o.a.b.c` if every step is an object, else undefined. */
export function dig(o: unknown, ...keys: string[]): Json | undefined {
  let cur: unknown = o
  for (const k of keys) {
    if (!isObj(cur)) return undefined
    cur = cur[k]
  }
  return cur as Json | undefined
}
export function strings(v: unknown): string[] {
  return arr(v).filter((x): x is string => typeof x === 'string' && x !== '')
}
