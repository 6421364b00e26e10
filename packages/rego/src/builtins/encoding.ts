/** base64, hex, urlquery, json and yaml builtins. */
import YAML from 'yaml'
import { RegoObject, RegoSet, typeName, type Value } from '../value.js'
import { fail, obj, oneOfErr, str, text } from './args.js'
import { numberString } from './format.js'
import type { BuiltinFn } from './types.js'
import { BuiltinTypeError } from './types.js'

const B64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
const B64URL = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2}==|[A-Za-z0-9_-]{3}=|[A-Za-z0-9_-]{2,3})?$/

/** Bytes → Go string (invalid UTF-8 becomes U+FFFD). */
export function bytesToString(b: Uint8Array): string {
  return Buffer.from(b).toString('utf8')
}

function illegalB64(s: string, alphabet: RegExp): never {
  let i = 0
  while (i < s.length && alphabet.test(s[i])) i++
  throw fail(`illegal base64 data at input byte ${i}`)
}

export function b64decodeStd(s: string): Buffer {
  const clean = s.replace(/[\r\n]/g, '')
  if (!B64.test(clean)) illegalB64(clean, /[A-Za-z0-9+/]/)
  return Buffer.from(clean, 'base64')
}

export function b64urlDecode(s: string): Buffer {
  const clean = s.replace(/[\r\n]/g, '')
  if (!B64URL.test(clean)) illegalB64(clean, /[A-Za-z0-9_-]/)
  return Buffer.from(clean, 'base64url')
}

// ------------------------------------------------------------------ JSON (Go encoding/json style)

function goJSONString(s: string): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029)
      out += '\\u' + c.toString(16).padStart(4, '0')
    else out += ch
  }
  return out + '"'
}

function jsonKey(k: Value): string {
  return typeof k === 'string' ? k : marshalJSON(k)
}

/** Go json.Marshal of the value's JSON form (sets → sorted arrays, keys sorted). */
export function marshalJSON(
  v: Value,
  indent?: { prefix: string; indent: string },
  level = 0
): string {
  if (v === null) return 'null'
  switch (typeof v) {
    case 'boolean':
      return String(v)
    case 'number':
    case 'bigint':
      return numberString(v)
    case 'string':
      return goJSONString(v)
  }
  const nl = (l: number): string => (indent ? '\n' + indent.prefix + indent.indent.repeat(l) : '')
  const sep = indent ? ': ' : ':'
  let items: string[]
  let open: string
  let close: string
  if (Array.isArray(v) || v instanceof RegoSet) {
    const arr = Array.isArray(v) ? v : v.sorted()
    items = arr.map(x => marshalJSON(x, indent, level + 1))
    open = '['
    close = ']'
  } else {
    const pairs = v.sorted().map(([k, x]) => [jsonKey(k), x] as const)
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    items = pairs.map(([k, x]) => goJSONString(k) + sep + marshalJSON(x, indent, level + 1))
    open = '{'
    close = '}'
  }
  if (items.length === 0) return open + close
  return open + items.map(it => nl(level + 1) + it).join(',') + nl(level) + close
}

/** Parse JSON text into a Rego value, keeping big integers exact. Go-style error messages. */
export function parseJSON(text: string): Value {
  let parsed: unknown
  try {
    parsed = JSON.parse(text, (_k, val: unknown, ctx?: { source?: string }) => {
      if (
        typeof val === 'number' &&
        ctx?.source !== undefined &&
        /^-?\d+$/.test(ctx.source) &&
        !Number.isSafeInteger(val)
      )
        return BigInt(ctx.source)
      return val
    })
  } catch (e) {
    throw fail(goJSONError(text, e as Error))
  }
  return toValue(parsed)
}

function goJSONError(text: string, e: Error): string {
  const t = text.trim()
  if (t === '') return 'unexpected end of JSON input'
  const m = /position (\d+)/.exec(e.message)
  if (/Unexpected end/.test(e.message)) return 'unexpected end of JSON input'
  if (m) {
    const ch = text[Number(m[1])]
    if (ch !== undefined) return `invalid character '${ch}' looking for beginning of value`
  }
  return e.message
}

export function toValue(j: unknown): Value {
  if (j === null || j === undefined) return null
  if (typeof j === 'number') return Object.is(j, -0) ? 0 : j
  if (typeof j === 'boolean' || typeof j === 'string' || typeof j === 'bigint') return j
  if (Array.isArray(j)) return j.map(toValue)
  if (j instanceof Date) return j.toISOString().replace('.000Z', 'Z')
  const o = new RegoObject()
  for (const [k, v] of Object.entries(j as Record<string, unknown>)) o.set(k, toValue(v))
  return o
}

/** Rego value → plain JS for the yaml package (sets → arrays, non-string keys → JSON text). */
function toPlain(v: Value): unknown {
  if (v === null || typeof v !== 'object') return typeof v === 'bigint' ? v : v
  if (Array.isArray(v)) return v.map(toPlain)
  if (v instanceof RegoSet) return v.sorted().map(toPlain)
  const out: Record<string, unknown> = {}
  const pairs = v.sorted().map(([k, x]) => [jsonKey(k), x] as const)
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  for (const [k, x] of pairs) out[k] = toPlain(x)
  return out
}

export function parseYAML(text: string): Value {
  let docs: YAML.Document.Parsed[]
  try {
    docs = YAML.parseAllDocuments(text, {
      version: '1.1',
      uniqueKeys: false,
      intAsBigInt: true
    }) as YAML.Document.Parsed[]
  } catch (e) {
    throw fail('yaml: ' + (e as Error).message)
  }
  if (!Array.isArray(docs)) docs = [docs]
  const doc = docs[0]
  if (!doc) return null
  if (doc.errors.length > 0) {
    const e = doc.errors[0]
    const line = e.linePos?.[0].line ?? 1
    const msg =
      e.code === 'MISSING_CHAR' || e.code === 'BAD_INDENT'
        ? "did not find expected ',' or ']'"
        : e.message.split(' at line')[0]
    throw fail(`yaml: line ${line}: ${msg}`)
  }
  const js: unknown = doc.toJS({ maxAliasCount: 1000 })
  return yamlToValue(js)
}

function yamlToValue(j: unknown): Value {
  if (typeof j === 'bigint')
    return j >= BigInt(Number.MIN_SAFE_INTEGER) && j <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(j)
      : j
  if (j instanceof Map) {
    const o = new RegoObject()
    for (const [k, v] of j) o.set(typeof k === 'string' ? k : String(k), yamlToValue(v))
    return o
  }
  if (j instanceof Set) return [...j].map(yamlToValue)
  if (Array.isArray(j)) return j.map(yamlToValue)
  if (j !== null && typeof j === 'object' && !(j instanceof Date)) {
    const o = new RegoObject()
    for (const [k, v] of Object.entries(j as Record<string, unknown>)) o.set(k, yamlToValue(v))
    return o
  }
  if (typeof j === 'number' && !Number.isFinite(j)) throw fail('yaml: non-finite number')
  return toValue(j)
}

export function marshalYAML(v: Value): string {
  return YAML.stringify(toPlain(v), {
    indentSeq: false,
    lineWidth: 0,
    version: '1.1',
    singleQuote: true
  })
}

// ------------------------------------------------------------------ URL query (Go net/url)

function queryEscape(s: string): string {
  let out = ''
  for (const b of Buffer.from(s, 'utf8')) {
    const ch = String.fromCharCode(b)
    if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch
    else if (ch === ' ') out += '+'
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0')
  }
  return out
}

function queryUnescape(s: string): string {
  const bytes: number[] = []
  for (let i = 0; i < s.length;) {
    const c = s[i]
    if (c === '%') {
      const h = s.slice(i + 1, i + 3)
      if (!/^[0-9a-fA-F]{2}$/.test(h)) {
        throw fail(`invalid URL escape ${JSON.stringify(s.slice(i, Math.min(i + 3, s.length)))}`)
      }
      bytes.push(parseInt(h, 16))
      i += 3
    } else if (c === '+') {
      bytes.push(0x20)
      i++
    } else {
      for (const b of Buffer.from(String.fromCodePoint(s.codePointAt(i)!), 'utf8')) bytes.push(b)
      i += s.codePointAt(i)! > 0xffff ? 2 : 1
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

function parseQuery(q: string): RegoObject {
  const out = new Map<string, string[]>()
  for (const part of q.split('&')) {
    if (part === '') continue
    if (part.includes(';')) throw fail('invalid semicolon separator in query')
    const eq = part.indexOf('=')
    const k = queryUnescape(eq < 0 ? part : part.slice(0, eq))
    const v = eq < 0 ? '' : queryUnescape(part.slice(eq + 1))
    if (!out.has(k)) out.set(k, [])
    out.get(k)!.push(v)
  }
  return new RegoObject([...out].map(([k, vs]) => [k, vs]))
}

export const encodingBuiltins: Record<string, BuiltinFn> = {
  'base64.encode': args => Buffer.from(str(args, 0), 'utf8').toString('base64'),
  'base64.decode': args => bytesToString(b64decodeStd(str(args, 0))),
  'base64.is_valid': args => {
    if (typeof args[0] !== 'string') return false
    return B64.test(args[0])
  },
  'base64url.encode': args =>
    Buffer.from(str(args, 0), 'utf8')
      .toString('base64url')
      .padEnd(Math.ceil(Buffer.byteLength(str(args, 0)) / 3) * 4, '='),
  'base64url.encode_no_pad': args => Buffer.from(str(args, 0), 'utf8').toString('base64url'),
  'base64url.decode': args => bytesToString(b64urlDecode(str(args, 0))),
  'hex.encode': args => Buffer.from(str(args, 0), 'utf8').toString('hex'),
  'hex.decode': args => {
    const s = str(args, 0)
    const bad = /[^0-9a-fA-F]/.exec(s)
    if (bad) {
      const cp = bad[0].codePointAt(0)!
      throw fail(
        `encoding/hex: invalid byte: U+${cp.toString(16).toUpperCase().padStart(4, '0')} ${JSON.stringify(bad[0]).replace(/^"|"$/g, "'")}`
      )
    }
    if (s.length % 2 !== 0) throw fail('encoding/hex: odd length hex string')
    return bytesToString(Buffer.from(s, 'hex'))
  },
  'urlquery.encode': args => queryEscape(str(args, 0)),
  'urlquery.decode': args => queryUnescape(str(args, 0)),
  'urlquery.encode_object': args => {
    const o = obj(args, 0)
    const parts: string[] = []
    const entries = o.sorted()
    for (const [k, v] of entries) {
      if (typeof k !== 'string')
        throw new BuiltinTypeError(`operand 1 must be object with string keys`)
      const vals =
        typeof v === 'string'
          ? [v]
          : Array.isArray(v)
            ? v
            : v instanceof RegoSet
              ? v.sorted()
              : null
      if (vals === null)
        throw new BuiltinTypeError(
          `operand 1 values must be one of {string, array, set} but got ${typeName(v)}`
        )
      for (const x of vals) {
        if (typeof x !== 'string')
          throw new BuiltinTypeError(`operand 1 values must be strings but got ${typeName(x)}`)
        parts.push(queryEscape(k) + '=' + queryEscape(x))
      }
    }
    return parts.join('&')
  },
  'urlquery.decode_object': args => parseQuery(str(args, 0)),
  'json.marshal': args => marshalJSON(args[0]),
  'json.marshal_with_options': args => {
    const v = args[0]
    const opts = obj(args, 1)
    let pretty: boolean | undefined
    let prefix = ''
    let indent = '\t'
    let sawIndentOpt = false
    for (const [k, x] of opts.sorted()) {
      if (k === 'pretty') {
        if (typeof x !== 'boolean')
          throw new BuiltinTypeError(
            `operand 2 must be boolean for key "pretty" but got ${typeName(x)}`
          )
        pretty = x
      } else if (k === 'prefix') {
        if (typeof x !== 'string')
          throw new BuiltinTypeError(
            `operand 2 must be string for key "prefix" but got ${typeName(x)}`
          )
        prefix = x
        sawIndentOpt = true
      } else if (k === 'indent') {
        if (typeof x !== 'string')
          throw new BuiltinTypeError(
            `operand 2 must be string for key "indent" but got ${typeName(x)}`
          )
        indent = x
        sawIndentOpt = true
      } else throw new BuiltinTypeError(`object contained unknown key ${JSON.stringify(text(k))}`)
    }
    const usePretty = pretty ?? sawIndentOpt
    if (!usePretty) return marshalJSON(v)
    return prefix + marshalJSON(v, { prefix, indent })
  },
  'json.unmarshal': args => parseJSON(str(args, 0)),
  'json.is_valid': args => {
    if (typeof args[0] !== 'string') return false
    try {
      JSON.parse(args[0])
      return true
    } catch {
      return false
    }
  },
  'yaml.marshal': args => marshalYAML(args[0]),
  'yaml.unmarshal': args => parseYAML(str(args, 0)),
  'yaml.is_valid': args => {
    if (typeof args[0] !== 'string') return false
    try {
      parseYAML(args[0])
      return true
    } catch {
      return false
    }
  }
}
void oneOfErr
