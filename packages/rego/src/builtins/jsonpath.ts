/** json.patch / json.filter / json.remove / json.match_schema / json.verify_schema. */
import { Ajv, type ErrorObject } from 'ajv'
import { equal, RegoObject, RegoSet, typeName, type Value } from '../value.js'
import { arr, fail, obj, oneOfErr, text } from './args.js'
import { parseJSON, toValue } from './encoding.js'
import { BuiltinTypeError } from './types.js'
import type { BuiltinFn } from './types.js'

// ------------------------------------------------------------------ paths

function parsePath(p: Value, pos: number): Value[] {
  if (typeof p === 'string') {
    const s = p.replace(/^\//, '')
    if (s === '') return []
    return s.split('/').map(seg => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
  }
  if (Array.isArray(p)) return p
  throw new BuiltinTypeError(
    `operand ${pos} must be one of {set, array} containing string paths or array of path segments but got ${typeName(p)}`
  )
}

/** JSON pointer as OPA reads it: "" is the root, leading slashes are optional, "/" is the key "". */
function parsePointer(p: string): Value[] | undefined {
  if (p === '') return []
  return p
    .replace(/^\/+/, '')
    .split('/')
    .map(seg => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
}

function pathsOperand(args: Value[], i: number): Value[][] {
  const v = args[i]
  if (!(v instanceof RegoSet) && !Array.isArray(v))
    throw new BuiltinTypeError(
      `operand ${i + 1} must be one of {set, array} but got ${typeName(v)}`
    )
  const items = v instanceof RegoSet ? v.sorted() : v
  return items.map(p => parsePath(p, i + 1))
}

interface Tree {
  end: boolean
  kids: Map<string, { seg: Value; tree: Tree }>
}

function buildTree(paths: Value[][]): Tree {
  const root: Tree = { end: false, kids: new Map() }
  for (const p of paths) {
    let t = root
    if (p.length === 0) root.end = true
    for (let i = 0; i < p.length; i++) {
      const k = segKey(p[i])
      let next = t.kids.get(k)
      if (!next) {
        next = { seg: p[i], tree: { end: false, kids: new Map() } }
        t.kids.set(k, next)
      }
      t = next.tree
      if (i === p.length - 1) t.end = true
    }
  }
  return root
}

function segKey(v: Value): string {
  return typeof v === 'string'
    ? 's' + v
    : typeof v === 'number' || typeof v === 'bigint'
      ? 's' + String(v)
      : 'v' + text(v)
}

function childFor(t: Tree, key: Value): Tree | undefined {
  return t.kids.get(segKey(key))?.tree
}

function filterValue(v: Value, t: Tree): Value | undefined {
  if (t.end) return v
  if (v instanceof RegoObject) {
    const out = new RegoObject()
    for (const [k, x] of v.entries.values()) {
      const c = childFor(t, k)
      if (!c) continue
      const f = filterValue(x, c)
      if (f !== undefined) out.set(k, f)
    }
    return out
  }
  if (Array.isArray(v)) {
    const out: Value[] = []
    v.forEach((x, i) => {
      const c = childFor(t, i)
      if (!c) return
      const f = filterValue(x, c)
      if (f !== undefined) out.push(f)
    })
    return out
  }
  if (v instanceof RegoSet) {
    const out = new RegoSet()
    for (const x of v.values()) {
      const c = childFor(t, x)
      if (!c) continue
      const f = filterValue(x, c)
      if (f !== undefined) out.add(f)
    }
    return out
  }
  return undefined
}

function removeValue(v: Value, t: Tree): Value | undefined {
  if (t.end) return undefined
  if (v instanceof RegoObject) {
    const out = new RegoObject()
    for (const [k, x] of v.entries.values()) {
      const c = childFor(t, k)
      if (!c) out.set(k, x)
      else {
        const r = removeValue(x, c)
        if (r !== undefined) out.set(k, r)
      }
    }
    return out
  }
  if (Array.isArray(v)) {
    const out: Value[] = []
    v.forEach((x, i) => {
      const c = childFor(t, i)
      if (!c) out.push(x)
      else {
        const r = removeValue(x, c)
        if (r !== undefined) out.push(r)
      }
    })
    return out
  }
  if (v instanceof RegoSet) {
    const out = new RegoSet()
    for (const x of v.values()) {
      const c = childFor(t, x)
      if (!c) out.add(x)
      else {
        const r = removeValue(x, c)
        if (r !== undefined) out.add(r)
      }
    }
    return out
  }
  return v
}

// ------------------------------------------------------------------ JSON patch (RFC 6902)

function arrayIndex(seg: Value, len: number, allowEnd: boolean): number | undefined {
  if (seg === '-' && allowEnd) return len
  const s = typeof seg === 'number' ? String(seg) : typeof seg === 'string' ? seg : undefined
  if (s === undefined || !/^(0|[1-9]\d*)$/.test(s)) return undefined
  const n = Number(s)
  if (n > len || (!allowEnd && n >= len)) return undefined
  return n
}

function getAt(doc: Value, path: Value[]): Value | undefined {
  let cur: Value | undefined = doc
  for (const seg of path) {
    if (cur instanceof RegoObject) cur = cur.get(seg)
    else if (Array.isArray(cur)) {
      const i = arrayIndex(seg, cur.length, false)
      cur = i === undefined ? undefined : cur[i]
    } else if (cur instanceof RegoSet) cur = cur.has(seg) ? seg : undefined
    else return undefined
    if (cur === undefined) return undefined
  }
  return cur
}

/** Returns a new document with `fn` applied to the parent container of the path's last segment. */
function update(
  doc: Value,
  path: Value[],
  fn: (parent: Value, last: Value) => Value | undefined
): Value | undefined {
  if (path.length === 0) return undefined
  const [seg, ...rest] = path
  if (rest.length === 0) return fn(doc, seg)
  if (doc instanceof RegoObject) {
    const child = doc.get(seg)
    if (child === undefined) return undefined
    const nc = update(child, rest, fn)
    if (nc === undefined) return undefined
    const out = new RegoObject(doc.entries.values())
    out.set(seg, nc)
    return out
  }
  if (Array.isArray(doc)) {
    const i = arrayIndex(seg, doc.length, false)
    if (i === undefined) return undefined
    const nc = update(doc[i], rest, fn)
    if (nc === undefined) return undefined
    const out = [...doc]
    out[i] = nc
    return out
  }
  if (doc instanceof RegoSet) {
    if (!doc.has(seg)) return undefined
    const nc = update(seg, rest, fn)
    if (nc === undefined) return undefined
    const out = new RegoSet([...doc.values()].filter(x => !equal(x, seg)))
    out.add(nc)
    return out
  }
  return undefined
}

function addOp(doc: Value, path: Value[], value: Value): Value | undefined {
  if (path.length === 0) return value
  return update(doc, path, (parent, last) => {
    if (parent instanceof RegoObject) {
      const out = new RegoObject(parent.entries.values())
      out.set(last, value)
      return out
    }
    if (Array.isArray(parent)) {
      const i = arrayIndex(last, parent.length, true)
      if (i === undefined) return undefined
      const out = [...parent]
      out.splice(i, 0, value)
      return out
    }
    if (parent instanceof RegoSet) {
      if (!equal(last, value)) return undefined
      const out = new RegoSet(parent.values())
      out.add(value)
      return out
    }
    return undefined
  })
}

function removeOp(doc: Value, path: Value[]): Value | undefined {
  return update(doc, path, (parent, last) => {
    if (parent instanceof RegoObject) {
      if (!parent.has(last)) return undefined
      const out = new RegoObject(parent.entries.values())
      out.delete(last)
      return out
    }
    if (Array.isArray(parent)) {
      const i = arrayIndex(last, parent.length, false)
      if (i === undefined) return undefined
      const out = [...parent]
      out.splice(i, 1)
      return out
    }
    if (parent instanceof RegoSet) {
      if (!parent.has(last)) return undefined
      return new RegoSet([...parent.values()].filter(x => !equal(x, last)))
    }
    return undefined
  })
}

function applyPatch(doc: Value, ops: Value[]): Value | undefined {
  let cur: Value | undefined = doc
  for (const op of ops) {
    if (!(op instanceof RegoObject)) return undefined
    const kind = op.get('op')
    const pathV = op.get('path')
    if (typeof kind !== 'string' || pathV === undefined) return undefined
    const path =
      typeof pathV === 'string' ? parsePointer(pathV) : Array.isArray(pathV) ? pathV : undefined
    if (!path) return undefined
    const fromV = op.get('from')
    const from =
      typeof fromV === 'string' ? parsePointer(fromV) : Array.isArray(fromV) ? fromV : undefined
    switch (kind) {
      case 'add': {
        const v = op.get('value')
        if (v === undefined) return undefined
        cur = addOp(cur, path, v)
        break
      }
      case 'remove':
        cur = path.length === 0 ? undefined : removeOp(cur, path)
        break
      case 'replace': {
        const v = op.get('value')
        if (v === undefined) return undefined
        if (path.length === 0) {
          cur = v
          break
        }
        if (getAt(cur, path) === undefined) return undefined
        const r = removeOp(cur, path)
        cur = r === undefined ? undefined : addOp(r, path, v)
        break
      }
      case 'move': {
        if (!from) return undefined
        const v = getAt(cur, from)
        if (v === undefined) return undefined
        if (from.length < path.length && from.every((s, i) => equal(s, path[i]))) return undefined
        const r = removeOp(cur, from)
        cur = r === undefined ? undefined : addOp(r, path, v)
        break
      }
      case 'copy': {
        if (!from) return undefined
        const v = getAt(cur, from)
        if (v === undefined) return undefined
        cur = addOp(cur, path, v)
        break
      }
      case 'test': {
        const v = op.get('value')
        const at = getAt(cur, path)
        if (v === undefined || at === undefined || !equal(at, v)) return undefined
        break
      }
      default:
        return undefined
    }
    if (cur === undefined) return undefined
  }
  return cur
}

// ------------------------------------------------------------------ JSON schema (gojsonschema-style results)

const ajvCache = new Map<string, ReturnType<Ajv['compile']>>()
const PRIMITIVES = ['array', 'boolean', 'integer', 'number', 'null', 'object', 'string']

function checkTypes(schema: unknown): void {
  if (Array.isArray(schema)) {
    schema.forEach(checkTypes)
    return
  }
  if (!schema || typeof schema !== 'object') return
  for (const [k, v] of Object.entries(schema as Record<string, unknown>)) {
    if (k === 'type') {
      for (const t of Array.isArray(v) ? v : [v])
        if (typeof t === 'string' && !PRIMITIVES.includes(t))
          throw new Error(
            `has a primitive type that is NOT VALID -- given: /${t}/ Expected valid values are:[${PRIMITIVES.join(' ')}]`
          )
    } else if (k !== 'enum' && k !== 'const' && k !== 'default' && k !== 'examples') checkTypes(v)
  }
}

function schemaOperand(args: Value[], i: number): unknown {
  const v = args[i]
  let j: unknown
  if (typeof v === 'string') j = JSON.parse(v)
  else if (v instanceof RegoObject || typeof v === 'boolean') j = plain(v)
  else throw oneOfErr(i + 1, ['string', 'object', 'boolean'], v)
  return j
}

function plain(v: Value): unknown {
  if (v instanceof RegoObject) {
    const o: Record<string, unknown> = {}
    for (const [k, x] of v.entries.values()) o[text(k)] = plain(x)
    return o
  }
  if (v instanceof RegoSet) return v.sorted().map(plain)
  if (Array.isArray(v)) return v.map(plain)
  return typeof v === 'bigint' ? Number(v) : v
}

function compileSchema(schema: unknown): ReturnType<Ajv['compile']> {
  const k = JSON.stringify(schema)
  const hit = ajvCache.get(k)
  if (hit) return hit
  checkTypes(schema)
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, verbose: true })
  const c = ajv.compile(schema as object)
  if (ajvCache.size > 500) ajvCache.clear()
  ajvCache.set(k, c)
  return c
}

function fieldOf(e: ErrorObject): string {
  let p = e.instancePath.replace(/^\//, '').replace(/\//g, '.')
  if (e.keyword === 'required') return p === '' ? '(root)' : p
  if (p === '') p = '(root)'
  return p
}

function describe(e: ErrorObject): { type: string; desc: string; field: string } {
  const p = e.params as Record<string, unknown>
  let field = fieldOf(e)
  switch (e.keyword) {
    case 'type': {
      const given =
        e.data === null
          ? 'null'
          : Array.isArray(e.data)
            ? 'array'
            : typeof e.data === 'number'
              ? Number.isInteger(e.data)
                ? 'integer'
                : 'number'
              : typeof e.data
      return {
        type: 'invalid_type',
        desc: `Invalid type. Expected: ${String(p.type).replace(/,/g, ', ')}, given: ${given}`,
        field
      }
    }
    case 'required':
      return { type: 'required', desc: `${String(p.missingProperty)} is required`, field }
    case 'additionalProperties':
      return {
        type: 'additional_property_not_allowed',
        desc: `Additional property ${String(p.additionalProperty)} is not allowed`,
        field
      }
    case 'enum':
      return {
        type: 'enum',
        desc: `${field} must be one of the following: ${(p.allowedValues as unknown[]).map(x => JSON.stringify(x)).join(', ')}`,
        field
      }
    case 'const':
      return {
        type: 'const',
        desc: `${field} does not match: ${JSON.stringify(p.allowedValue)}`,
        field
      }
    case 'minimum':
      return {
        type: 'number_gte',
        desc: `Must be greater than or equal to ${String(p.limit)}`,
        field
      }
    case 'maximum':
      return { type: 'number_lte', desc: `Must be less than or equal to ${String(p.limit)}`, field }
    case 'exclusiveMinimum':
      return { type: 'number_gt', desc: `Must be greater than ${String(p.limit)}`, field }
    case 'exclusiveMaximum':
      return { type: 'number_lt', desc: `Must be less than ${String(p.limit)}`, field }
    case 'minLength':
      return {
        type: 'string_gte',
        desc: `String length must be greater than or equal to ${String(p.limit)}`,
        field
      }
    case 'maxLength':
      return {
        type: 'string_lte',
        desc: `String length must be less than or equal to ${String(p.limit)}`,
        field
      }
    case 'pattern':
      return { type: 'pattern', desc: `Does not match pattern '${String(p.pattern)}'`, field }
    case 'minItems':
      return {
        type: 'array_min_items',
        desc: `Array must have at least ${String(p.limit)} items`,
        field
      }
    case 'maxItems':
      return {
        type: 'array_max_items',
        desc: `Array must have at most ${String(p.limit)} items`,
        field
      }
    case 'uniqueItems':
      return {
        type: 'unique',
        desc: `array items[${String(p.j)},${String(p.i)}] must be unique`,
        field
      }
    case 'format':
      return { type: 'format', desc: `Does not match format '${String(p.format)}'`, field }
    default:
      field = field || '(root)'
      return { type: e.keyword, desc: e.message ?? e.keyword, field }
  }
}

function matchSchema(doc: unknown, schema: unknown): Value {
  let validate: ReturnType<Ajv['compile']>
  try {
    validate = compileSchema(schema)
  } catch (e) {
    throw fail((e as Error).message)
  }
  if (validate(doc)) return [true, []]
  const errs = (validate.errors ?? []).filter(
    e =>
      !['if', 'anyOf', 'oneOf', 'allOf'].includes(e.keyword) || (validate.errors ?? []).length === 1
  )
  return [
    false,
    errs.map(e => {
      const d = describe(e)
      return toValue({ error: `${d.field}: ${d.desc}`, type: d.type, field: d.field, desc: d.desc })
    })
  ]
}

export const jsonPathBuiltins: Record<string, BuiltinFn> = {
  'json.filter': args =>
    filterValue(obj(args, 0), buildTree(pathsOperand(args, 1))) ?? new RegoObject(),
  'json.remove': args =>
    removeValue(obj(args, 0), buildTree(pathsOperand(args, 1))) ?? new RegoObject(),
  'json.patch': args => applyPatch(args[0], arr(args, 1)),
  'json.match_schema': args => {
    const d = args[0]
    let doc: unknown
    if (typeof d === 'string') {
      try {
        doc = plain(parseJSON(d))
      } catch (e) {
        throw fail((e as Error).message)
      }
    } else doc = plain(d)
    let schema: unknown
    try {
      schema = schemaOperand(args, 1)
    } catch (e) {
      if (e instanceof BuiltinTypeError) throw e
      throw fail((e as Error).message)
    }
    return matchSchema(doc, schema)
  },
  'json.verify_schema': args => {
    try {
      const schema = schemaOperand(args, 0)
      compileSchema(schema)
      return [true, null]
    } catch (e) {
      if (e instanceof BuiltinTypeError) throw e
      return [false, `jsonschema: ${(e as Error).message}`]
    }
  }
}
