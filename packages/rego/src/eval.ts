/**
 * Top-down evaluator: continuation-passing unification with backtracking. A continuation returns
 * true to stop the search (used by negation, `every`, and early exits).
 */
import type { Expr, Term } from './ast.js'
import { BUILTINS, BuiltinError, BuiltinTypeError, type BuiltinContext } from './builtins/index.js'
import { BUILTIN_ARITY } from './capabilities.js'
import { type CompiledRule, type RuleNode, displayVar, pos } from './compiler.js'
import { RegoError } from './errors.js'
import { formatValue } from './format.js'
import { RegoObject, RegoSet, type Value, compare, equal, typeName } from './value.js'

export type Frame = Map<string, Value>
type K = () => boolean
type VK = (v: Value) => boolean

interface Mock {
  value?: Value
  fn?: string
}

export interface EvalOptions {
  input?: Value
  data: Value
  strictBuiltinErrors?: boolean
  maxSteps?: number
  timeoutMs?: number
  print?: (msg: string) => void
  now?: bigint
  /** the value of opa.runtime() (default: an empty object) */
  runtime?: Value
  /** extra implementation hooks */
  parseModule?: (file: string, src: string) => Value
}

const DEFAULT_MAX_STEPS = 20_000_000

export class Evaluator {
  input: Value | undefined
  private data: Value
  private overrides: Map<string, Value> | null = null
  private overridePrefixes: Set<string> | null = null
  private mocks: Map<string, Mock> | null = null
  /** evaluated documents: per rule node, and per constant `data.…` ref term (null: undefined) */
  private cache = new Map<RuleNode | Term, Value | null>()
  private inProgress = new Set<RuleNode>()
  private steps = 0
  private readonly maxSteps: number
  private deadline: number
  private readonly bctx: BuiltinContext
  private readonly strict: boolean
  private depth = 0
  private currentRule: CompiledRule | undefined

  private root: RuleNode
  private opts: EvalOptions
  constructor(root: RuleNode, opts: EvalOptions) {
    this.root = root
    this.opts = opts
    this.input = opts.input
    this.data = opts.data
    this.strict = opts.strictBuiltinErrors === true
    this.maxSteps = opts.maxSteps ?? DEFAULT_MAX_STEPS
    this.deadline = opts.timeoutMs ? Date.now() + opts.timeoutMs : 0
    const now = opts.now ?? BigInt(Date.now()) * 1_000_000n
    this.bctx = { now, strictBuiltinErrors: this.strict, cache: new Map() }
  }

  /** start a new evaluation on this evaluator (the virtual-document cache is kept) */
  resetLimits(): void {
    this.steps = 0
    this.deadline = this.opts.timeoutMs ? Date.now() + this.opts.timeoutMs : 0
  }

  private tick(t: { loc: { file: string; row: number; col: number } }): void {
    if (++this.steps > this.maxSteps)
      throw new RegoError(
        'eval_limit_error',
        `evaluation exceeded the limit of ${this.maxSteps} steps`,
        pos(t.loc)
      )
    if (this.deadline && (this.steps & 0xfff) === 0 && Date.now() > this.deadline)
      throw new RegoError('eval_limit_error', `evaluation exceeded the time limit`, pos(t.loc))
  }

  // ---------------------------------------------------------------- bodies
  /**
   * Evaluates body[i..] then k. Expressions that cannot iterate (filters such as `x.y == 1`,
   * `startswith(s, "a")`, and `v := <term>` on a fresh var) are evaluated in a loop without
   * continuations; the first one that may iterate continues through evalExprInner.
   */
  evalBody(body: Expr[], i: number, f: Frame, k: K): boolean {
    let bound: string[] | null = null
    let r: boolean
    for (;;) {
      if (i === body.length) {
        r = k()
        break
      }
      const e = body[i]
      if (e.k !== 'term' || e.withs.length !== 0) {
        const j = i
        r = this.evalExpr(e, f, () => this.evalBody(body, j + 1, f, k))
        break
      }
      this.tick(e)
      const x = this.fastExpr(e.term, f)
      if (x === SLOW) {
        const j = i
        r = this.evalExprInner(e, f, () => this.evalBody(body, j + 1, f, k))
        break
      }
      if (x === false) {
        r = false
        break
      }
      if (x !== true) (bound ??= []).push(x)
      i++
    }
    if (bound !== null) for (const n of bound) f.delete(n)
    return r
  }

  /**
   * An expression term evaluated directly: true (holds), false (fails or undefined), the name of
   * a var it bound (holds), or SLOW when it may iterate or needs the general path.
   */
  private fastExpr(t: Term, f: Frame): boolean | string | typeof SLOW {
    if (t.t === 'call') {
      if (t.fn === 'eq' || t.fn === 'assign') {
        const a = t.args[0]
        const b = t.args[1]
        if (this.isUnboundVar(a, f)) {
          const d = this.direct(b, f)
          if (d === NOT_DIRECT) return SLOW
          if (d === UNDEF) return false
          const name = (a as { name: string }).name
          f.set(name, d)
          return name
        }
        if (this.isUnboundVar(b, f)) {
          const d = this.direct(a, f)
          if (d === NOT_DIRECT) return SLOW
          if (d === UNDEF) return false
          const name = (b as { name: string }).name
          f.set(name, d)
          return name
        }
        if (this.hasUnbound(a, f) || this.hasUnbound(b, f)) return SLOW
        const da = this.direct(a, f)
        if (da === NOT_DIRECT) return SLOW
        if (da === UNDEF) return false
        const db = this.direct(b, f)
        if (db === NOT_DIRECT) return SLOW
        if (db === UNDEF) return false
        return equal(da, db)
      }
      const ar = this.arity(t.fn)
      if (ar !== undefined && ar >= 0 && t.args.length === ar + 1) return SLOW
    }
    const d = this.direct(t, f)
    if (d === NOT_DIRECT) return SLOW
    return d !== UNDEF && d !== false
  }

  evalExpr(e: Expr, f: Frame, k: K, rec?: (v: Value) => void): boolean {
    this.tick(e)
    if (e.withs.length) return this.evalWith(e, f, k, rec)
    return this.evalExprInner(e, f, k, rec)
  }

  private evalExprInner(e: Expr, f: Frame, k: K, rec?: (v: Value) => void): boolean {
    switch (e.k) {
      case 'term': {
        const t = e.term
        if (t.t === 'call') {
          if (t.fn === 'eq' || t.fn === 'assign') {
            if (rec) rec(true)
            return this.unify(t.args[0], t.args[1], f, k)
          }
          const ar = this.arity(t.fn)
          if (ar !== undefined && ar >= 0 && t.args.length === ar + 1) {
            // last argument is the output
            return this.evalCallArgs(t, t.args.slice(0, ar), f, v => {
              if (rec) rec(true)
              return this.unifyVal(t.args[ar], v, f, k)
            })
          }
        }
        return this.evalTerm(t, f, v => {
          if (v === false) return false
          if (rec) rec(v)
          return k()
        })
      }
      case 'some':
        return k()
      case 'somein':
        return this.evalTerm(e.domain, f, d =>
          this.iterate(d, (key, val) => {
            if (e.key) return this.unifyVal(e.key, key, f, () => this.unifyVal(e.value, val, f, k))
            return this.unifyVal(e.value, val, f, k)
          })
        )
      case 'every':
        return this.evalTerm(e.domain, f, d => {
          if (d === null || typeof d !== 'object') return false
          let ok = true
          this.iterate(d, (key, val) => {
            const bind = (kk: K): boolean =>
              e.key
                ? this.unifyVal(e.key, key, f, () => this.unifyVal(e.value, val, f, kk))
                : this.unifyVal(e.value, val, f, kk)
            let found = false
            bind(() => {
              found = this.evalBody(e.body, 0, f, () => true) || found
              return true
            })
            if (!found) ok = false
            return !ok
          })
          return ok ? k() : false
        })
      case 'not': {
        const found = this.evalExpr(e.expr, f, () => true)
        if (found) return false
        if (rec) rec(true)
        return k()
      }
      case 'or': {
        // each operand is evaluated once, its bindings stay local
        for (const alt of e.alts)
          if (this.evalBody(alt, 0, f, () => true)) {
            if (rec) rec(true)
            return k()
          }
        return false
      }
    }
  }

  private evalWith(e: Expr, f: Frame, k: K, rec?: (v: Value) => void): boolean {
    const vals: Value[] = []
    const go = (i: number): boolean => {
      if (i < e.withs.length) {
        const w = e.withs[i]
        if (w.value.t === 'call' && w.value.loc.file === '$fnref') {
          vals[i] = w.value.fn
          return go(i + 1)
        }
        return this.evalTerm(w.value, f, v => {
          vals[i] = v
          return go(i + 1)
        })
      }
      const saved = this.saveCtx()
      for (let j = 0; j < e.withs.length; j++) {
        const w = e.withs[j]
        const v = vals[j]
        const isFnRef = w.value.t === 'call' && w.value.loc.file === '$fnref'
        if (w.target.t === 'val') {
          // function mock
          const name = w.target.v as string
          this.mocks = new Map(this.mocks ?? [])
          this.mocks.set(name, isFnRef ? { fn: v as string } : { value: v })
          continue
        }
        const path = targetPath(w.target)
        if (path[0] === 'input') this.input = setPath(this.input, path.slice(1), v)
        else {
          const fnNode = this.root.lookup(path.slice(1))
          if (fnNode?.isFunction) {
            this.mocks = new Map(this.mocks ?? [])
            this.mocks.set(path.join('.'), isFnRef ? { fn: v as string } : { value: v })
            continue
          }
          this.overrides = new Map(this.overrides ?? [])
          const keyStr = path.slice(1).join('\u0000')
          for (const kk of [...this.overrides.keys()])
            if (kk.startsWith(keyStr + '\u0000')) this.overrides.delete(kk)
          this.overrides.set(keyStr, v)
          this.overridePrefixes = new Set()
          for (const kk of this.overrides.keys()) {
            const parts = kk === '' ? [] : kk.split('\u0000')
            for (let n = 0; n < parts.length; n++)
              this.overridePrefixes.add(parts.slice(0, n).join('\u0000'))
          }
        }
      }
      this.cache = new Map()
      const inner = this.saveCtx()
      const r = this.evalExprInner(
        e,
        f,
        () => {
          this.restoreCtx(saved)
          const r2 = k()
          this.restoreCtx(inner)
          return r2
        },
        rec
      )
      this.restoreCtx(saved)
      return r
    }
    return go(0)
  }

  private saveCtx(): [
    Value | undefined,
    Map<string, Value> | null,
    Set<string> | null,
    Map<string, Mock> | null,
    Map<RuleNode | Term, Value | null>
  ] {
    return [this.input, this.overrides, this.overridePrefixes, this.mocks, this.cache]
  }
  private restoreCtx(s: ReturnType<Evaluator['saveCtx']>): void {
    ;[this.input, this.overrides, this.overridePrefixes, this.mocks, this.cache] = s
  }

  // ---------------------------------------------------------------- unification
  private isUnboundVar(t: Term, f: Frame): boolean {
    return t.t === 'var' && !f.has(t.name) && t.name !== 'input' && t.name !== 'data'
  }

  private hasUnbound(t: Term, f: Frame): boolean {
    switch (t.t) {
      case 'var':
        return this.isUnboundVar(t, f)
      case 'array':
      case 'set':
        return t.items.some(x => this.hasUnbound(x, f))
      case 'object':
        return t.pairs.some(([, v]) => this.hasUnbound(v, f))
      default:
        return false
    }
  }

  private bind(name: string, v: Value, f: Frame, k: K): boolean {
    f.set(name, v)
    const r = k()
    f.delete(name)
    return r
  }

  unify(a: Term, b: Term, f: Frame, k: K): boolean {
    if (this.isUnboundVar(a, f)) {
      if (this.isUnboundVar(b, f))
        throw new RegoError(
          'rego_unsafe_var_error',
          `var ${displayVar(a.t === 'var' ? a.name : '')} is unsafe`,
          pos(a.loc)
        )
      const name = (a as { name: string }).name
      return this.evalTerm(b, f, v => this.bind(name, v, f, k))
    }
    if (this.isUnboundVar(b, f)) {
      const name = (b as { name: string }).name
      return this.evalTerm(a, f, v => this.bind(name, v, f, k))
    }
    if (a.t === 'array' && b.t === 'array') {
      if (a.items.length !== b.items.length) return false
      const go = (i: number): boolean =>
        i === a.items.length ? k() : this.unify(a.items[i], b.items[i], f, () => go(i + 1))
      return go(0)
    }
    if (a.t === 'object' && b.t === 'object' && (this.hasUnbound(a, f) || this.hasUnbound(b, f))) {
      if (a.pairs.length !== b.pairs.length) return false
      return this.evalObjectKeys(a.pairs, f, ka =>
        this.evalObjectKeys(b.pairs, f, kb => {
          const idx = new Map<string, number>()
          const kbObj = new RegoObject()
          kb.forEach((kv, i) => {
            kbObj.set(kv, i)
            idx.set(String(i), i)
          })
          const order: [Term, Term][] = []
          for (let i = 0; i < ka.length; i++) {
            const j = kbObj.get(ka[i])
            if (j === undefined) return false
            order.push([a.pairs[i][1], b.pairs[j as number][1]])
          }
          const go = (i: number): boolean =>
            i === order.length ? k() : this.unify(order[i][0], order[i][1], f, () => go(i + 1))
          return go(0)
        })
      )
    }
    if (this.hasUnbound(a, f)) return this.evalTerm(b, f, v => this.unifyVal(a, v, f, k))
    return this.evalTerm(a, f, v => this.unifyVal(b, v, f, k))
  }

  private evalObjectKeys(pairs: [Term, Term][], f: Frame, k: (keys: Value[]) => boolean): boolean {
    const keys: Value[] = []
    const go = (i: number): boolean =>
      i === pairs.length
        ? k(keys.slice())
        : this.evalTerm(pairs[i][0], f, kv => {
            keys[i] = kv
            return go(i + 1)
          })
    return go(0)
  }

  unifyVal(t: Term, v: Value, f: Frame, k: K): boolean {
    switch (t.t) {
      case 'var': {
        if (t.name === 'input' || t.name === 'data')
          return this.evalTerm(t, f, tv => equal(tv, v) && k())
        const b = f.get(t.name)
        if (b === undefined) return this.bind(t.name, v, f, k)
        return equal(b, v) && k()
      }
      case 'val':
        return equal(t.v, v) && k()
      case 'array': {
        if (!Array.isArray(v) || v.length !== t.items.length) return false
        const go = (i: number): boolean =>
          i === v.length ? k() : this.unifyVal(t.items[i], v[i], f, () => go(i + 1))
        return go(0)
      }
      case 'object': {
        if (!(v instanceof RegoObject) || v.size !== t.pairs.length) return false
        if (!this.hasUnbound(t, f)) return this.evalTerm(t, f, tv => equal(tv, v) && k())
        const go = (i: number): boolean => {
          if (i === t.pairs.length) return k()
          return this.evalTerm(t.pairs[i][0], f, kv => {
            const c = v.get(kv)
            if (c === undefined) return false
            return this.unifyVal(t.pairs[i][1], c, f, () => go(i + 1))
          })
        }
        return go(0)
      }
      case 'set': {
        if (!(v instanceof RegoSet)) return false
        if (!this.hasUnbound(t, f)) return this.evalTerm(t, f, tv => equal(tv, v) && k())
        // sets with unbound vars: match ground members, then bind the rest positionally (sorted)
        if (v.size !== t.items.length) return false
        const members = v.sorted()
        const go = (i: number, used: Set<number>): boolean => {
          if (i === t.items.length) return k()
          for (let j = 0; j < members.length; j++) {
            if (used.has(j)) continue
            used.add(j)
            const r = this.unifyVal(t.items[i], members[j], f, () => go(i + 1, used))
            used.delete(j)
            if (r) return true
          }
          return false
        }
        return go(0, new Set())
      }
      default:
        return this.evalTerm(t, f, tv => equal(tv, v) && k())
    }
  }

  // ---------------------------------------------------------------- terms
  evalTerm(t: Term, f: Frame, k: VK): boolean {
    switch (t.t) {
      case 'val':
        return k(t.v)
      case 'var': {
        const v = f.get(t.name)
        if (v !== undefined) return k(v)
        if (t.name === 'input') return this.input === undefined ? false : k(this.input)
        if (t.name === 'data') return this.walkData([], f, k)
        throw new RegoError(
          'rego_unsafe_var_error',
          `var ${displayVar(t.name)} is unsafe`,
          pos(t.loc)
        )
      }
      case 'ref': {
        const d = this.direct(t, f)
        if (d === NOT_DIRECT) return this.evalRef(t, f, k)
        return d === UNDEF ? false : k(d)
      }
      case 'array': {
        if (t.items.length === 0) return k([])
        const d = this.direct(t, f)
        if (d !== NOT_DIRECT) return d === UNDEF ? false : k(d)
        const acc: Value[] = new Array<Value>(t.items.length)
        const go = (i: number): boolean =>
          i === t.items.length
            ? k(acc.slice())
            : this.evalTerm(t.items[i], f, v => {
                acc[i] = v
                return go(i + 1)
              })
        return go(0)
      }
      case 'set': {
        const d = this.direct(t, f)
        if (d !== NOT_DIRECT) return d === UNDEF ? false : k(d)
        const acc: Value[] = new Array<Value>(t.items.length)
        const go = (i: number): boolean =>
          i === t.items.length
            ? k(new RegoSet(acc))
            : this.evalTerm(t.items[i], f, v => {
                acc[i] = v
                return go(i + 1)
              })
        return go(0)
      }
      case 'object': {
        const d = this.direct(t, f)
        if (d !== NOT_DIRECT) return d === UNDEF ? false : k(d)
        const acc: [Value, Value][] = new Array<[Value, Value]>(t.pairs.length)
        const go = (i: number): boolean =>
          i === t.pairs.length
            ? k(new RegoObject(acc))
            : this.evalTerm(t.pairs[i][0], f, kv =>
                this.evalTerm(t.pairs[i][1], f, vv => {
                  acc[i] = [kv, vv]
                  return go(i + 1)
                })
              )
        return go(0)
      }
      case 'call': {
        const d = this.direct(t, f)
        if (d === NOT_DIRECT) return this.evalCallArgs(t, t.args, f, k)
        return d === UNDEF ? false : k(d)
      }
      case 'acomp': {
        const out: Value[] = []
        this.evalBody(t.body, 0, f, () =>
          this.evalTerm(t.term, f, v => {
            out.push(v)
            return false
          })
        )
        return k(out)
      }
      case 'scomp': {
        const out = new RegoSet()
        this.evalBody(t.body, 0, f, () =>
          this.evalTerm(t.term, f, v => {
            out.add(v)
            return false
          })
        )
        return k(out)
      }
      case 'ocomp': {
        const out = new RegoObject()
        this.evalBody(t.body, 0, f, () =>
          this.evalTerm(t.key, f, kv =>
            this.evalTerm(t.value, f, vv => {
              const prev = out.get(kv)
              if (prev !== undefined && !equal(prev, vv))
                throw new RegoError('eval_conflict_error', 'object keys must be unique', pos(t.loc))
              out.set(kv, vv)
              return false
            })
          )
        )
        return k(out)
      }
      case 'template': {
        let s = ''
        for (const p of t.parts) {
          if (typeof p === 'string') {
            s += p
            continue
          }
          let val: Value | undefined
          let n = 0
          this.evalExpr(
            p,
            f,
            () => {
              n++
              return false
            },
            v => {
              if (val === undefined) val = v
              else if (!equal(val, v))
                throw new RegoError(
                  'eval_conflict_error',
                  'template expression produced multiple outputs',
                  pos(t.loc)
                )
            }
          )
          s +=
            n === 0 || val === undefined
              ? '<undefined>'
              : typeof val === 'string'
                ? val
                : formatValue(val)
        }
        return k(s)
      }
    }
  }

  /**
   * Evaluates a term that yields at most one value without continuations (the common case:
   * constant lookups, builtin calls on bound values). NOT_DIRECT when the term may iterate.
   */
  private direct(t: Term, f: Frame): Direct {
    switch (t.t) {
      case 'val':
        return t.v
      case 'var': {
        const v = f.get(t.name)
        if (v !== undefined) return v
        if (t.name === 'input') return this.input === undefined ? UNDEF : this.input
        return NOT_DIRECT
      }
      case 'ref': {
        const h = t.head
        if (h.t === 'var' && h.name === 'data') {
          let constant = this.overrides === null
          for (const p of t.path)
            if (p.t !== 'val') {
              if (!(p.t === 'var' && f.has(p.name))) return NOT_DIRECT
              constant = false
            }
          if (constant) {
            // a constant ref (`data.lib.pod_spec`) has one value per evaluation context
            const c = this.cache.get(t)
            if (c !== undefined) return c === null ? UNDEF : c
          }
          let out: Value | undefined
          this.walkData(t.path, f, v => {
            out = v
            return true
          })
          if (constant) this.cache.set(t, out === undefined ? null : out)
          return out === undefined ? UNDEF : out
        }
        let cur = this.direct(h, f)
        if (cur === NOT_DIRECT || cur === UNDEF) return cur
        for (const p of t.path) {
          let kv: Direct
          if (p.t === 'val') kv = p.v
          else if (p.t === 'var') {
            const b = f.get(p.name)
            if (b === undefined) return NOT_DIRECT
            kv = b
          } else {
            kv = this.direct(p, f)
            if (kv === NOT_DIRECT || kv === UNDEF) return kv
          }
          const c = lookupPlain(cur, kv)
          if (c === undefined) return UNDEF
          cur = c
        }
        return cur
      }
      case 'call': {
        const fn = t.fn
        if (
          fn === 'eq' ||
          fn === 'assign' ||
          fn === 'walk' ||
          fn === 'print' ||
          fn === 'internal.print'
        )
          return NOT_DIRECT
        const vals: Value[] = new Array<Value>(t.args.length)
        for (let i = 0; i < t.args.length; i++) {
          const d = this.direct(t.args[i], f)
          if (d === NOT_DIRECT || d === UNDEF) return d
          vals[i] = d
        }
        if (this.mocks === null) {
          // the common case without continuations: `in`, and builtins implemented in BUILTINS
          if (fn === 'internal.member_2') return member(vals[0], vals[1])
          const impl = EVALUATOR_BUILTINS.has(fn) ? undefined : BUILTINS.get(fn)
          if (impl !== undefined) {
            const r = this.callBuiltin(fn, t, impl, vals)
            return r === undefined ? UNDEF : r
          }
        }
        let out: Value | undefined
        this.callFunction(fn, vals, t, v => {
          out = v
          return true
        })
        return out === undefined ? UNDEF : out
      }
      case 'array': {
        const out: Value[] = new Array<Value>(t.items.length)
        for (let i = 0; i < t.items.length; i++) {
          const d = this.direct(t.items[i], f)
          if (d === NOT_DIRECT || d === UNDEF) return d
          out[i] = d
        }
        return out
      }
      case 'set': {
        const out = new RegoSet()
        for (const x of t.items) {
          const d = this.direct(x, f)
          if (d === NOT_DIRECT || d === UNDEF) return d
          out.add(d)
        }
        return out
      }
      case 'object': {
        const out = new RegoObject()
        for (const [kt, vt] of t.pairs) {
          const kd = this.direct(kt, f)
          if (kd === NOT_DIRECT || kd === UNDEF) return kd
          const vd = this.direct(vt, f)
          if (vd === NOT_DIRECT || vd === UNDEF) return vd
          out.set(kd, vd)
        }
        return out
      }
      case 'acomp':
      case 'scomp':
      case 'ocomp':
      case 'template':
        return NOT_DIRECT
    }
  }

  private evalRef(t: Extract<Term, { t: 'ref' }>, f: Frame, k: VK): boolean {
    const head = t.head
    if (head.t === 'var') {
      if (head.name === 'data') return this.walkData(t.path, f, k)
      if (head.name === 'input')
        return this.input === undefined ? false : this.walkValue(this.input, t.path, 0, f, k)
      const v = f.get(head.name)
      if (v === undefined)
        throw new RegoError(
          'rego_unsafe_var_error',
          `var ${displayVar(head.name)} is unsafe`,
          pos(head.loc)
        )
      return this.walkValue(v, t.path, 0, f, k)
    }
    return this.evalTerm(head, f, v => this.walkValue(v, t.path, 0, f, k))
  }

  walkValue(v: Value, path: Term[], i: number, f: Frame, k: VK, strKeys = false): boolean {
    if (i === path.length) return k(v)
    const p = path[i]
    const lookup = strKeys ? lookupData : lookupPlain
    if (p.t === 'val') {
      const c = lookup(v, p.v)
      return c === undefined ? false : this.walkValue(c, path, i + 1, f, k, strKeys)
    }
    if (p.t === 'var') {
      const b = f.get(p.name)
      if (b !== undefined) {
        const c = lookup(v, b)
        return c === undefined ? false : this.walkValue(c, path, i + 1, f, k, strKeys)
      }
    }
    if (!this.hasUnbound(p, f))
      return this.evalTerm(p, f, kv => {
        const c = lookup(v, kv)
        return c === undefined ? false : this.walkValue(c, path, i + 1, f, k, strKeys)
      })
    if (p.t === 'var') {
      const name = p.name
      return this.iterate(v, (key, child) =>
        this.bind(name, key, f, () => this.walkValue(child, path, i + 1, f, k, strKeys))
      )
    }
    return this.iterate(v, (key, child) =>
      this.unifyVal(p, key, f, () => this.walkValue(child, path, i + 1, f, k, strKeys))
    )
  }

  private countIteration(): void {
    if (++this.steps > this.maxSteps)
      throw new RegoError(
        'eval_limit_error',
        `evaluation exceeded the limit of ${this.maxSteps} steps`
      )
    if (this.deadline && (this.steps & 0xfff) === 0 && Date.now() > this.deadline)
      throw new RegoError('eval_limit_error', `evaluation exceeded the time limit`)
  }

  iterate(v: Value, cb: (key: Value, val: Value) => boolean): boolean {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        this.countIteration()
        if (cb(i, v[i])) return true
      }
      return false
    }
    if (v instanceof RegoObject) {
      for (const [kk, vv] of v.entries.values()) {
        this.countIteration()
        if (cb(kk, vv)) return true
      }
      return false
    }
    if (v instanceof RegoSet) {
      for (const m of v.items.values()) {
        this.countIteration()
        if (cb(m, m)) return true
      }
      return false
    }
    return false
  }

  // ---------------------------------------------------------------- data
  private walkData(path: Term[], f: Frame, k: VK): boolean {
    if (this.overrides) return this.walkDataAt(this.root, this.data, [], path, 0, f, k)
    // fast path: follow constant string keys through namespace nodes without closures
    let node: RuleNode | undefined = this.root
    let base: Value | undefined = this.data
    let i = 0
    while (i < path.length && node && !node.hasValueRules && !node.isFunction) {
      const p = path[i]
      if (p.t !== 'val' || typeof p.v !== 'string') break
      node = node.children.get(p.v)
      base = base instanceof RegoObject ? base.get(p.v) : undefined
      i++
    }
    if (!node && base === undefined) return false
    return this.walkDataAt(node, base, NO_KEYS, path, i, f, k)
  }

  private overrideAt(keys: string[]): Value | undefined {
    if (!this.overrides) return undefined
    return this.overrides.get(keys.join('\u0000'))
  }

  private walkDataAt(
    node: RuleNode | undefined,
    base: Value | undefined,
    keys: string[],
    path: Term[],
    i: number,
    f: Frame,
    k: VK
  ): boolean {
    if (this.overrides) {
      const ov = this.overrideAt(keys)
      if (ov !== undefined) return this.walkValue(ov, path, i, f, k, true)
      if (
        node === undefined &&
        base === undefined &&
        this.overridePrefixes!.has(keys.join('\u0000'))
      )
        base = new RegoObject()
    }
    if (node === undefined) {
      if (base === undefined) return false
      if (this.overrides && this.overridePrefixes!.has(keys.join('\u0000'))) {
        // descend key by key so that overrides below apply
        if (i === path.length) return k(this.applyOverridesBelow(base, keys))
      } else return this.walkValue(base, path, i, f, k, true)
    }
    if (i === path.length || (node && (node.hasValueRules || node.isFunction))) {
      const v = this.docAt(node, base, keys)
      if (v === undefined) return false
      return this.walkValue(v, path, i, f, k, true)
    }
    const p = path[i]
    const step = (kv: Value): boolean => {
      if (typeof kv === 'number' && Number.isInteger(kv)) kv = String(kv)
      if (typeof kv === 'string') {
        const child = node?.children.get(kv)
        const cb = base instanceof RegoObject ? base.get(kv) : undefined
        return this.walkDataAt(
          child,
          cb,
          this.overrides ? [...keys, kv] : NO_KEYS,
          path,
          i + 1,
          f,
          k
        )
      }
      const cb = lookupData(base ?? null, kv)
      if (cb === undefined) return false
      return this.walkValue(cb, path, i + 1, f, k, true)
    }
    if (!this.hasUnbound(p, f)) return this.evalTerm(p, f, step)
    // iterate over the keys of virtual and base documents
    const seen = new Set<string>()
    const cands: string[] = []
    if (node)
      for (const [name, c] of node.children)
        if (!isFunctionOnly(c)) {
          seen.add(name)
          cands.push(name)
        }
    const extra: Value[] = []
    if (base instanceof RegoObject)
      for (const kk of base.keys()) if (typeof kk !== 'string' || !seen.has(kk)) extra.push(kk)
    for (const name of [...cands, ...extra])
      if (this.unifyVal(p, name, f, () => step(name))) return true
    return false
  }

  private applyOverridesBelow(v: Value, keys: string[]): Value {
    if (!this.overrides) return v
    const prefix = keys.length ? keys.join('\u0000') + '\u0000' : ''
    let out = v
    for (const [kk, ov] of this.overrides) {
      if (kk === keys.join('\u0000') || !kk.startsWith(prefix)) continue
      if (keys.length === 0 && kk === '') continue
      const rel = kk.slice(prefix.length).split('\u0000')
      out = setPath(out, rel, ov)!
    }
    return out
  }

  /** full document at a node: rules, child nodes and base data merged */
  docAt(node: RuleNode | undefined, base: Value | undefined, keys: string[]): Value | undefined {
    if (!node) return base === undefined ? undefined : this.applyOverridesBelow(base, keys)
    const cached = this.cache.get(node)
    if (cached !== undefined) return cached === null ? undefined : cached
    if (this.inProgress.has(node))
      throw new RegoError(
        'rego_recursion_error',
        `rule data.${node.path.join('.')} is recursive`,
        pos((node.rules[0] ?? node.funcs[0])?.loc ?? { file: '', row: 0, col: 0 })
      )
    this.inProgress.add(node)
    try {
      let v = this.evalRulesAt(node)
      if (node.children.size) {
        let obj: RegoObject | undefined
        for (const [name, c] of node.children) {
          if (isFunctionOnly(c)) continue
          const ckeys = this.overrides ? [...keys, name] : NO_KEYS
          const ov = this.overrideAt(ckeys)
          const cb = base instanceof RegoObject ? base.get(name) : undefined
          const cv = ov !== undefined ? ov : this.docAt(c, cb, ckeys)
          if (cv === undefined) continue
          if (!obj) {
            if (v === undefined) obj = new RegoObject()
            else if (v instanceof RegoObject) obj = copyObject(v)
            else
              throw new RegoError(
                'eval_conflict_error',
                'object keys must be unique',
                pos(node.rules[0]?.loc ?? { file: '', row: 0, col: 0 })
              )
          }
          const prev = obj.get(name)
          obj.set(name, prev === undefined ? cv : mergeValues(prev, cv, node, maxTail(node) - 1))
        }
        if (obj) v = obj
      }
      if (base !== undefined) {
        if (v === undefined) v = base
        else if (v instanceof RegoObject && base instanceof RegoObject) {
          const merged = copyObject(base)
          for (const [kk, vv] of v.entries.values()) {
            const prev = merged.get(kk)
            merged.set(kk, prev === undefined ? vv : mergeBase(prev, vv))
          }
          v = merged
        }
      }
      if (v !== undefined && this.overrides) v = this.applyOverridesBelow(v, keys)
      this.cache.set(node, v === undefined ? null : v)
      return v
    } finally {
      this.inProgress.delete(node)
    }
  }

  private evalRulesAt(node: RuleNode): Value | undefined {
    const rules = node.rules
    if (rules.length === 0 && node.defaults.length === 0)
      return node.isFunction ? undefined : new RegoObject()
    const first = rules[0] ?? node.defaults[0]
    if (first.tail.length === 0 && first.kind === 'single') {
      let result: Value | undefined
      for (const r of rules)
        this.evalRuleValues(r, v => {
          if (result === undefined) result = v
          else if (!equal(result, v))
            throw new RegoError(
              'eval_conflict_error',
              'complete rules must not produce multiple outputs',
              pos(r.loc)
            )
        })
      if (result === undefined && node.defaults.length) {
        this.evalTerm(node.defaults[0].value, new Map(), v => {
          result = v
          return true
        })
      }
      return result
    }
    if (first.tail.length === 0) {
      const out = new RegoSet()
      for (const r of rules) this.evalRuleValues(r, v => out.add(v))
      return out
    }
    const out = new RegoObject()
    const savedRule = this.currentRule
    for (const r of rules) {
      const f: Frame = new Map()
      this.currentRule = r
      this.evalBody(r.body, 0, f, () =>
        this.evalTerm({ t: 'array', items: r.tail, loc: r.loc }, f, ks =>
          this.evalTerm(r.value, f, v => {
            insertPath(out, ks as Value[], v, r)
            return false
          })
        )
      )
    }
    this.currentRule = savedRule
    return out
  }

  private evalRuleValues(r: CompiledRule, emit: (v: Value) => void): void {
    const saved = this.currentRule
    this.currentRule = r
    try {
      this.evalRuleValuesInner(r, emit)
    } finally {
      this.currentRule = saved
    }
  }

  private evalRuleValuesInner(r: CompiledRule, emit: (v: Value) => void): void {
    const f: Frame = new Map()
    let any = false
    this.evalBody(r.body, 0, f, () => {
      any = true
      return this.evalTerm(r.value, f, v => {
        emit(v)
        return false
      })
    })
    if (any) return
    for (const el of r.elses) {
      const ef: Frame = new Map()
      let anyElse = false
      this.evalBody(el.body, 0, ef, () => {
        anyElse = true
        return this.evalTerm(el.value, ef, v => {
          emit(v)
          return false
        })
      })
      if (anyElse) return
    }
  }

  // ---------------------------------------------------------------- calls
  private funcNode(fn: string): RuleNode | undefined {
    let cache = NODE_CACHE.get(this.root)
    if (!cache) NODE_CACHE.set(this.root, (cache = new Map<string, RuleNode | null>()))
    let n = cache.get(fn)
    if (n === undefined) {
      n = this.root.lookup(fn.split('.').slice(1)) ?? null
      cache.set(fn, n)
    }
    return n ?? undefined
  }

  arity(fn: string): number | undefined {
    if (fn.startsWith('data.')) {
      const node = this.funcNode(fn)
      const r = node?.funcs[0] ?? node?.defaultFuncs[0]
      return r?.args?.length
    }
    if (fn === 'internal.member_2') return 2
    if (fn === 'internal.member_3') return 3
    return BUILTIN_ARITY.get(fn)
  }

  private evalCallArgs(t: Extract<Term, { t: 'call' }>, args: Term[], f: Frame, k: VK): boolean {
    if ((t.fn === 'print' || t.fn === 'internal.print') && !this.mocks?.has(t.fn)) {
      // print never fails: each argument prints all its values, or <undefined>
      const parts = args.map(a => {
        const vs: string[] = []
        this.evalTerm(a, f, v => {
          vs.push(typeof v === 'string' ? v : formatValue(v))
          return false
        })
        return vs.length === 0 ? '<undefined>' : vs.length === 1 ? vs[0] : vs.join(', ')
      })
      if (this.opts.print) this.opts.print(parts.join(' '))
      return k(true)
    }
    const vals: Value[] = new Array<Value>(args.length)
    let order: number[] | undefined
    for (let i = 0; i < args.length; i++)
      if (this.hasUnbound(args[i], f)) {
        order = args.map((_, j) => j)
        order.sort(
          (x, y) => Number(this.hasUnbound(args[x], f)) - Number(this.hasUnbound(args[y], f))
        )
        break
      }
    const go = (n: number): boolean => {
      if (n === args.length) return this.callFunction(t.fn, vals.slice(), t, k)
      const i = order ? order[n] : n
      return this.evalTerm(args[i], f, v => {
        vals[i] = v
        return go(n + 1)
      })
    }
    return go(0)
  }

  callFunction(fn: string, args: Value[], t: Term, k: VK): boolean {
    if (this.mocks) {
      const m = this.mocks.get(fn)
      if (m) {
        if (m.value !== undefined) return k(m.value)
        const saved = this.mocks
        // the replacement runs without mocks (a mock never calls another mock)
        this.mocks = null
        try {
          return this.callFunction(m.fn!, args, t, v => {
            const inner = this.mocks
            this.mocks = saved
            try {
              return k(v)
            } finally {
              this.mocks = inner
            }
          })
        } finally {
          this.mocks = saved
        }
      }
    }
    if (fn.startsWith('data.')) {
      const node = this.funcNode(fn)
      if (!node) return false
      if (!node.isFunction) {
        // calling a non-function document
        return false
      }
      return this.evalFunc(node, args, t, k)
    }
    switch (fn) {
      case 'internal.member_2':
        return k(member(args[0], args[1]))
      case 'internal.member_3':
        return k(member3(args[0], args[1], args[2]))
      case 'walk':
        return this.walkBuiltin(args[0], [], k)
      case 'print':
      case 'internal.print':
        if (this.opts.print)
          this.opts.print(args.map(a => (typeof a === 'string' ? a : formatValue(a))).join(' '))
        return k(true)
      case 'trace':
        return k(true)
      case 'opa.runtime':
        return k(this.opts.runtime ?? new RegoObject())
      case 'rego.metadata.chain':
        return k(
          this.currentRule?.meta?.chain ??
            (this.currentRule ? [new RegoObject([['path', this.currentRule.prefix]])] : [])
        )
      case 'rego.metadata.rule':
        return k(this.currentRule?.meta?.rule ?? new RegoObject())
      case 'rego.parse_module':
        if (this.opts.parseModule)
          return this.builtinGuard(
            fn,
            t,
            () => {
              if (typeof args[0] !== 'string' || typeof args[1] !== 'string')
                throw new BuiltinTypeError('operands must be strings')
              return this.opts.parseModule!(args[0], args[1])
            },
            k
          )
        return false
    }
    const impl = BUILTINS.get(fn)
    if (!impl)
      throw new RegoError('eval_builtin_error', `${fn}: builtin not implemented`, pos(t.loc))
    return this.builtinGuard(fn, t, () => impl(args, this.bctx), k)
  }

  /** a BUILTINS implementation, with errors mapped as builtinGuard does (undefined: no value) */
  private callBuiltin(
    fn: string,
    t: Term,
    impl: (args: Value[], ctx: BuiltinContext) => Value | undefined,
    args: Value[]
  ): Value | undefined {
    try {
      return impl(args, this.bctx)
    } catch (e) {
      return this.builtinFailure(fn, t, e)
    }
  }

  private builtinFailure(fn: string, t: Term, e: unknown): undefined {
    if (e instanceof BuiltinTypeError) {
      if (this.strict) throw new RegoError('eval_type_error', `${fn}: ${e.message}`, pos(t.loc))
      return undefined
    }
    if (e instanceof BuiltinError) {
      if (this.strict) throw new RegoError('eval_builtin_error', `${fn}: ${e.message}`, pos(t.loc))
      return undefined
    }
    if (e instanceof RegoError) throw e
    if (e instanceof RangeError) throw e
    if (this.strict)
      throw new RegoError('eval_builtin_error', `${fn}: ${(e as Error).message}`, pos(t.loc))
    return undefined
  }

  private builtinGuard(fn: string, t: Term, call: () => Value | undefined, k: VK): boolean {
    let r: Value | undefined
    try {
      r = call()
    } catch (e) {
      return this.builtinFailure(fn, t, e) ?? false
    }
    if (r === undefined) return false
    return k(r)
  }

  private walkBuiltin(v: Value, path: Value[], k: VK): boolean {
    if (k([path.slice(), v])) return true
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (this.walkBuiltin(v[i], [...path, i], k)) return true
    } else if (v instanceof RegoObject) {
      for (const [kk, vv] of v.sorted()) if (this.walkBuiltin(vv, [...path, kk], k)) return true
    } else if (v instanceof RegoSet) {
      for (const m of v.sorted()) if (this.walkBuiltin(m, [...path, m], k)) return true
    }
    return false
  }

  private evalFunc(node: RuleNode, args: Value[], t: Term, k: VK): boolean {
    if (++this.depth > 2000)
      throw new RegoError('eval_limit_error', 'maximum function call depth exceeded', pos(t.loc))
    let result: Value | undefined
    try {
      for (const r of node.funcs) {
        const f: Frame = new Map()
        const params = r.args!
        // plain distinct var parameters (the usual case) bind without unification
        let simple = true
        for (let i = 0; i < params.length; i++) {
          const p = params[i]
          if (p.t !== 'var' || f.has(p.name)) {
            simple = false
            f.clear()
            break
          }
          f.set(p.name, args[i])
        }
        const go = (i: number): boolean =>
          i === params.length
            ? this.evalFuncBody(r, f, emit)
            : this.unifyVal(params[i], args[i], f, () => go(i + 1))
        const emit = (v: Value): void => {
          if (result === undefined) result = v
          else if (!equal(result, v))
            throw new RegoError(
              'eval_conflict_error',
              'functions must not produce multiple outputs for same inputs',
              pos(r.loc)
            )
        }
        if (simple) this.evalFuncBody(r, f, emit)
        else go(0)
      }
      if (result === undefined && node.defaultFuncs.length) {
        const d = node.defaultFuncs[0]
        this.evalTerm(d.value, new Map(), v => {
          result = v
          return true
        })
      }
    } finally {
      this.depth--
    }
    if (result === undefined) return false
    return k(result)
  }

  private evalFuncBody(r: CompiledRule, f: Frame, emit: (v: Value) => void): boolean {
    const saved = this.currentRule
    this.currentRule = r
    try {
      return this.evalFuncBodyInner(r, f, emit)
    } finally {
      this.currentRule = saved
    }
  }

  private evalFuncBodyInner(r: CompiledRule, f: Frame, emit: (v: Value) => void): boolean {
    let any = false
    this.evalBody(r.body, 0, f, () => {
      any = true
      return this.evalTerm(r.value, f, v => {
        emit(v)
        return false
      })
    })
    if (any) return false
    for (const el of r.elses) {
      let anyElse = false
      this.evalBody(el.body, 0, f, () => {
        anyElse = true
        return this.evalTerm(el.value, f, v => {
          emit(v)
          return false
        })
      })
      if (anyElse) return false
    }
    return false
  }
}

const NO_KEYS: string[] = []
const NOT_DIRECT: unique symbol = Symbol('not-direct')
const UNDEF: unique symbol = Symbol('undefined')
const SLOW: unique symbol = Symbol('slow')
/** builtins the evaluator implements itself (callFunction), even if BUILTINS has an entry */
const EVALUATOR_BUILTINS = new Set([
  'eq',
  'assign',
  'internal.member_2',
  'internal.member_3',
  'walk',
  'print',
  'internal.print',
  'trace',
  'opa.runtime',
  'rego.metadata.chain',
  'rego.metadata.rule',
  'rego.parse_module'
])
type Direct = Value | typeof NOT_DIRECT | typeof UNDEF
const NODE_CACHE = new WeakMap<RuleNode, Map<string, RuleNode | null>>()

function isFunctionOnly(n: RuleNode): boolean {
  return n.isFunction && !n.hasValueRules && n.children.size === 0
}

function targetPath(t: Term): string[] {
  if (t.t === 'var') return [t.name]
  if (t.t === 'ref' && t.head.t === 'var') {
    return [
      t.head.name,
      ...t.path.map(p =>
        p.t === 'val' ? (typeof p.v === 'string' ? p.v : JSON.stringify(p.v)) : '?'
      )
    ]
  }
  return []
}

function lookupData(v: Value, key: Value): Value | undefined {
  const r = lookupPlain(v, key)
  if (
    r === undefined &&
    typeof key === 'number' &&
    Number.isInteger(key) &&
    v instanceof RegoObject
  )
    return v.get(String(key))
  return r
}

export function lookupPlain(v: Value, key: Value): Value | undefined {
  if (Array.isArray(v)) {
    if (typeof key === 'number' && Number.isInteger(key) && key >= 0 && key < v.length)
      return v[key]
    return undefined
  }
  if (v instanceof RegoObject) return v.get(key)
  if (v instanceof RegoSet) return v.has(key) ? key : undefined
  return undefined
}

function member(x: Value, coll: Value): boolean {
  if (Array.isArray(coll)) return coll.some(e => equal(e, x))
  if (coll instanceof RegoSet) return coll.has(x)
  if (coll instanceof RegoObject) {
    for (const [, v] of coll.entries.values()) if (equal(v, x)) return true
    return false
  }
  return false
}

function member3(k: Value, v: Value, coll: Value): boolean {
  if (Array.isArray(coll))
    return (
      typeof k === 'number' && Number.isInteger(k) && k >= 0 && k < coll.length && equal(coll[k], v)
    )
  if (coll instanceof RegoObject) {
    const c = coll.get(k)
    return c !== undefined && equal(c, v)
  }
  if (coll instanceof RegoSet) return equal(k, v) && coll.has(k)
  return false
}

function copyObject(o: RegoObject): RegoObject {
  const c = new RegoObject()
  for (const [k, v] of o.entries) c.entries.set(k, v)
  return c
}

function maxTail(node: RuleNode): number {
  let m = 0
  for (const r of node.rules) m = Math.max(m, r.tail.length)
  return m
}

/** base documents win over virtual ones on conflicts (as OPA's storage merge) */
function mergeBase(base: Value, virt: Value): Value {
  if (base instanceof RegoObject && virt instanceof RegoObject) {
    const out = copyObject(base)
    for (const [k, v] of virt.entries.values()) {
      const prev = out.get(k)
      out.set(k, prev === undefined ? v : mergeBase(prev, v))
    }
    return out
  }
  return base
}

/** merge a child node's document into a rule-generated object; `depth` levels are still keys */
function mergeValues(a: Value, b: Value, node: RuleNode, depth = 1 << 30): Value {
  if (a instanceof RegoSet && b instanceof RegoSet)
    return new RegoSet([...a.values(), ...b.values()])
  if (depth > 0 && a instanceof RegoObject && b instanceof RegoObject) {
    const out = copyObject(a)
    for (const [k, v] of b.entries.values()) {
      const prev = out.get(k)
      out.set(k, prev === undefined ? v : mergeValues(prev, v, node, depth - 1))
    }
    return out
  }
  if (equal(a, b)) return a
  throw new RegoError(
    'eval_conflict_error',
    'object keys must be unique',
    pos(node.rules[0]?.loc ?? { file: '', row: 0, col: 0 })
  )
}

function insertPath(obj: RegoObject, keys: Value[], v: Value, r: CompiledRule): void {
  let cur = obj
  for (let i = 0; i < keys.length - 1; i++) {
    const kk = keys[i]
    let next = cur.get(kk)
    if (next === undefined) {
      next = new RegoObject()
      cur.set(kk, next)
    } else if (!(next instanceof RegoObject))
      throw new RegoError('eval_conflict_error', 'object keys must be unique', pos(r.loc))
    cur = next
  }
  const last = keys[keys.length - 1]
  if (r.kind === 'multi') {
    let s = cur.get(last)
    if (s === undefined) {
      s = new RegoSet()
      cur.set(last, s)
    } else if (!(s instanceof RegoSet))
      throw new RegoError('eval_conflict_error', 'object keys must be unique', pos(r.loc))
    s.add(v)
    return
  }
  const prev = cur.get(last)
  if (prev !== undefined && !equal(prev, v))
    throw new RegoError('eval_conflict_error', 'object keys must be unique', pos(r.loc))
  cur.set(last, v)
}

/** returns a copy of `v` with `path` set to `x` (objects created as needed) */
export function setPath(v: Value | undefined, path: string[], x: Value): Value {
  if (path.length === 0) return x
  const obj = v instanceof RegoObject ? copyObject(v) : new RegoObject()
  const [h, ...rest] = path
  obj.set(h, setPath(obj.get(h), rest, x))
  return obj
}

export { compare, typeName }
