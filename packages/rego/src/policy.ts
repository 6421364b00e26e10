/** Compile once, evaluate many: the Policy object behind the public API. */
import type { Expr, Loc, ModuleAST, Term } from './ast.js'
import {
  type CompiledPolicy,
  Resolver,
  Scope,
  checkCallTerm,
  collectTopCalls,
  compileModules,
  safeBody,
  walkExprTerms
} from './compiler.js'
import { BUILTIN_ARITY, DEPRECATED_BUILTINS } from './capabilities.js'
import { RegoError } from './errors.js'
import { BuiltinError } from './builtins/index.js'
import { Evaluator, type Frame } from './eval.js'
import { parseModule, parseQuery, parseTermSource } from './parser.js'
import { RegoObject, type Value, fromJSON, toJSON } from './value.js'

export interface RegoModule {
  path: string
  source: string
}

export interface CompileOptions {
  strict?: boolean
  data?: unknown
  /** enable experimental keywords (`and`/`or`) */
  experimental?: boolean
  /** 'v0' accepts Rego v0 syntax (pre-OPA-1.0: `deny[msg] { ... }` partial sets, `if` optional) */
  regoVersion?: 'v0' | 'v1'
}

export interface EvalCallOptions {
  input?: unknown
  data?: unknown
  /** strict builtin errors: a builtin error fails the query instead of making it undefined */
  strictBuiltinErrors?: boolean
  /** evaluation step limit (default 20,000,000) */
  maxSteps?: number
  timeoutMs?: number
  print?: (msg: string) => void
  /**
   * The evaluation time seen by `time.now_ns()` (and time-dependent builtins such as certificate
   * and token verification): a `Date` or nanoseconds since the epoch. Default: the clock.
   */
  now?: Date | bigint
  /**
   * The object `opa.runtime()` returns (JSON), e.g. `{env, version, commit}` as conftest and `opa
   * eval` provide it. Default: an empty object.
   */
  runtime?: unknown
}

/** `now` option → nanoseconds since the epoch (undefined: use the clock) */
function nowNs(now: Date | bigint | undefined): bigint | undefined {
  if (now === undefined) return undefined
  if (typeof now === 'bigint') return now
  const ms = now instanceof Date ? now.getTime() : NaN
  if (!Number.isFinite(ms))
    throw new RegoError('eval_builtin_error', 'the now option must be a valid Date or a bigint')
  return BigInt(ms) * 1_000_000n
}

export interface QueryResult {
  expressions: { value: unknown; text: string; location: { row: number; col: number } }[]
  bindings: Record<string, unknown>
}

export interface RawSolution {
  bindings: Map<string, Value>
  expressions: Value[]
}

interface CompiledQuery {
  body: Expr[]
  texts: string[]
}

export class Policy {
  private readonly compiled: CompiledPolicy
  private readonly baseData: Value
  private readonly queryCache = new Map<string, CompiledQuery>()
  private readonly experimental: boolean

  constructor(modules: RegoModule[], options: CompileOptions = {}) {
    this.experimental = options.experimental === true
    const asts: ModuleAST[] = modules.map(m =>
      parseModule(m.source, m.path, {
        experimental: this.experimental,
        regoVersion: options.regoVersion
      })
    )
    this.compiled = compileModules(asts)
    this.baseData = options.data === undefined ? new RegoObject() : fromJSON(options.data)
    if (options.strict) strictChecks(asts)
  }

  packages(): string[] {
    return this.compiled.packages.map(p => p.join('.'))
  }

  rules(pkg: string): string[] {
    const node = this.compiled.root.lookup(pkg === '' ? [] : pkg.split('.'))
    if (!node) return []
    const names = new Set<string>()
    const pkgPath = pkg === '' ? [] : pkg.split('.')
    for (const m of this.compiled.modules) {
      if (m.pkg.slice(1).join('.') !== pkgPath.join('.')) continue
      for (const r of m.rules) if (r.ref[0].t === 'var') names.add(r.ref[0].name)
    }
    return [...names]
  }

  /** whether data.<pkg>.<rule> is a function (takes arguments) */
  isFunction(pkg: string, rule: string): boolean {
    const node = this.compiled.root.lookup([...(pkg ? pkg.split('.') : []), ...rule.split('.')])
    return node?.isFunction === true
  }

  /**
   * An evaluation session over one input/data: several rules evaluated through it share the
   * converted input and the cache of virtual documents (faster than separate evalRule calls).
   */
  session(opts: EvalCallOptions = {}): {
    evalRule(pkg: string, rule: string): unknown
    evalRuleValue(pkg: string, rule: string): Value | undefined
  } {
    const ev = guard(() => this.evaluator(opts))
    const value = (pkg: string, rule: string): Value | undefined =>
      guard(() => evalPath(ev, pkg, rule))
    return {
      evalRuleValue: value,
      evalRule: (pkg, rule) => {
        const v = value(pkg, rule)
        return v === undefined ? undefined : toJSON(v)
      }
    }
  }

  /** value of data.<pkg>.<rule> as JSON (sets → sorted arrays), undefined when undefined */
  evalRule(pkg: string, rule: string, opts: EvalCallOptions = {}): unknown {
    const v = this.evalRuleValue(pkg, rule, opts)
    return v === undefined ? undefined : toJSON(v)
  }

  evalRuleValue(pkg: string, rule: string, opts: EvalCallOptions = {}): Value | undefined {
    try {
      return guard(() => evalPath(this.ruleEvaluator(opts), pkg, rule))
    } catch (e) {
      this.reuse = undefined
      throw e
    }
  }

  /**
   * Consecutive evalRule calls with the same input and data objects (the usual pattern: several
   * rules checked against one document) share one evaluator, so helper rules are computed once.
   * Reuse is limited to one second so that time.now_ns() stays fresh (an explicit `now` must be
   * the same instant).
   */
  private reuse:
    { input: unknown; data: unknown; opts: EvalCallOptions; at: number; ev: Evaluator } | undefined

  private ruleEvaluator(opts: EvalCallOptions): Evaluator {
    const r = this.reuse
    const now = Date.now()
    if (
      r &&
      r.input === opts.input &&
      r.data === opts.data &&
      r.opts.strictBuiltinErrors === opts.strictBuiltinErrors &&
      r.opts.maxSteps === opts.maxSteps &&
      r.opts.timeoutMs === opts.timeoutMs &&
      r.opts.print === opts.print &&
      r.opts.runtime === opts.runtime &&
      nowNs(r.opts.now) === nowNs(opts.now) &&
      now - r.at < 1000
    ) {
      r.ev.resetLimits()
      return r.ev
    }
    const ev = this.evaluator(opts)
    this.reuse = { input: opts.input, data: opts.data, opts: { ...opts }, at: now, ev }
    return ev
  }

  query(query: string, opts: EvalCallOptions = {}): QueryResult[] {
    const { texts, body } = this.compileQuery(query)
    return this.queryRaw(query, opts).map(s => ({
      expressions: s.expressions.map((v, i) => ({
        value: toJSON(v),
        text: texts[i],
        location: { row: body[i].loc.row, col: body[i].loc.col }
      })),
      bindings: Object.fromEntries([...s.bindings].map(([k, v]) => [k, toJSON(v)]))
    }))
  }

  /** solutions with Rego values (sets stay sets) */
  queryRaw(query: string, opts: EvalCallOptions & { inputValue?: Value } = {}): RawSolution[] {
    try {
      return guard(() => this.queryRawInner(query, opts))
    } catch (e) {
      this.reuse = undefined
      throw e
    }
  }

  private queryRawInner(
    query: string,
    opts: EvalCallOptions & { inputValue?: Value }
  ): RawSolution[] {
    const q = this.compileQuery(query)
    // like evalRule: consecutive queries over the same input and data share the evaluator (and
    // its cache of evaluated rules)
    let ev: Evaluator
    if (opts.inputValue !== undefined) {
      ev = this.evaluator(opts)
      ev.input = opts.inputValue
    } else ev = this.ruleEvaluator(opts)
    const out: RawSolution[] = []
    const exprVals: Value[] = new Array<Value>(q.body.length)
    const f: Frame = new Map()
    const go = (i: number): boolean => {
      if (i === q.body.length) {
        const bindings = new Map<string, Value>()
        for (const [k, v] of f) if (!k.includes('$')) bindings.set(k, v)
        out.push({ bindings, expressions: exprVals.slice() })
        return false
      }
      return ev.evalExpr(
        q.body[i],
        f,
        () => go(i + 1),
        v => {
          exprVals[i] = v
        }
      )
    }
    guard(() => go(0))
    return out
  }

  /** one-entry conversion caches: callers often evaluate several rules against the same object */
  private lastInput: [unknown, Value] | undefined
  private lastData: [unknown, Value] | undefined

  private convert(j: unknown, slot: 'lastInput' | 'lastData'): Value {
    const c = this[slot]
    if (c && c[0] === j && typeof j === 'object' && j !== null) return c[1]
    const v = fromJSON(j)
    this[slot] = [j, v]
    return v
  }

  private lastRuntime: [unknown, Value] | undefined

  private convertRuntime(j: unknown): Value {
    if (this.lastRuntime && this.lastRuntime[0] === j) return this.lastRuntime[1]
    const v = fromJSON(j)
    this.lastRuntime = [j, v]
    return v
  }

  private evaluator(opts: EvalCallOptions): Evaluator {
    return new Evaluator(this.compiled.root, {
      input: opts.input === undefined ? undefined : this.convert(opts.input, 'lastInput'),
      data: opts.data === undefined ? this.baseData : this.convert(opts.data, 'lastData'),
      strictBuiltinErrors: opts.strictBuiltinErrors,
      maxSteps: opts.maxSteps,
      timeoutMs: opts.timeoutMs,
      print: opts.print,
      now: nowNs(opts.now),
      runtime: opts.runtime === undefined ? undefined : this.convertRuntime(opts.runtime),
      parseModule: (file, src) => {
        let m: ModuleAST
        try {
          m = parseModule(src, file)
        } catch (e) {
          if (e instanceof RegoError) throw new BuiltinError(e.opaString())
          throw e
        }
        return fromJSON({
          package: { path: m.pkg.map((p, i) => ({ type: i === 0 ? 'var' : 'string', value: p })) },
          imports: m.imports.map(i => ({
            path: { type: 'ref', value: refJSON(i.path) },
            ...(i.alias ? { alias: i.alias } : {})
          })),
          rules: m.rules.map(r => ({
            head: {
              ref: r.ref.map(t => ({
                type: t.t === 'var' ? 'var' : 'string',
                value: t.t === 'var' ? t.name : t.t === 'val' ? t.v : null
              }))
            }
          }))
        })
      }
    })
  }

  compileQuery(query: string): CompiledQuery {
    let q = this.queryCache.get(query)
    if (q) return q
    const parsed = parseQuery(query, 'query', { experimental: this.experimental })
    const res = new Resolver(
      { pkg: [], roots: new Set(), imports: new Map(), file: 'query' },
      p => {
        const n = this.compiled.root.lookup(p.split('.').slice(1))
        return n?.isFunction === true
      }
    )
    const body = res.body(parsed, new Scope(undefined, true))
    const arity = (fn: string): number | undefined => {
      if (fn.startsWith('data.')) {
        const n = this.compiled.root.lookup(fn.split('.').slice(1))
        return (n?.funcs[0] ?? n?.defaultFuncs[0])?.args?.length
      }
      return BUILTIN_ARITY.get(fn)
    }
    const top = new Set<Term>()
    collectTopCalls(body, top)
    for (const e of body) walkExprTerms(e, t => checkCallTerm(t, this.compiled.root, top))
    const safe = safeBody(body, new Set(), new Set(), arity).body
    // each expression's source text: from its start to the start of the next one (source order)
    const lines = query.split('\n')
    const offset = (row: number, col: number): number => {
      let o = 0
      for (let r = 1; r < row; r++) o += lines[r - 1].length + 1
      return o + col - 1
    }
    const starts = safe.map(e => offset(e.loc.row, e.loc.col)).sort((a, b) => a - b)
    const texts = safe.map(e => {
      const s = offset(e.loc.row, e.loc.col)
      const next = starts.find(x => x > s) ?? query.length
      return query.slice(s, next).replace(/[\s;]+$/, '')
    })
    q = { body: safe, texts }
    if (this.queryCache.size > 1000) this.queryCache.clear()
    this.queryCache.set(query, q)
    return q
  }
}

function evalPath(ev: Evaluator, pkg: string, rule: string): Value | undefined {
  const loc = { file: 'query', row: 1, col: 1 }
  const path = [...(pkg ? pkg.split('.') : []), ...rule.split('.')]
  const term: Term = {
    t: 'ref',
    head: { t: 'var', name: 'data', loc },
    path: path.map((p): Term => ({ t: 'val', v: p, loc })),
    loc
  }
  let out: Value | undefined
  ev.evalTerm(term, new Map(), v => {
    out = v
    return true
  })
  return out
}

function refJSON(t: Term): unknown[] {
  if (t.t === 'var') return [{ type: 'var', value: t.name }]
  if (t.t === 'ref')
    return [
      ...refJSON(t.head),
      ...t.path.map(p => ({ type: 'string', value: p.t === 'val' ? p.v : null }))
    ]
  return []
}

function guard<T>(f: () => T): T {
  try {
    return f()
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message))
      throw new RegoError(
        'eval_limit_error',
        'evaluation exceeded the maximum depth (stack exhausted)'
      )
    throw e
  }
}

/** every var name and called function name in an AST fragment */
function collectNames(node: unknown, vars: Set<string>, calls: Set<string>): void {
  if (Array.isArray(node)) {
    for (const x of node) collectNames(x, vars, calls)
    return
  }
  if (!node || typeof node !== 'object') return
  const o = node as Record<string, unknown>
  if (o.t === 'var' && typeof o.name === 'string') vars.add(o.name)
  if (o.t === 'call' && typeof o.fn === 'string') {
    calls.add(o.fn)
    vars.add(o.fn.split('.')[0])
  }
  for (const [k, v] of Object.entries(o))
    if (k !== 'loc' && k !== 'target') collectNames(v, vars, calls)
}

/** occurrences of each var name in an AST fragment, and the `:=` targets with their location */
function countVars(node: unknown, counts: Map<string, number>, assigned: Map<string, Loc>): void {
  if (Array.isArray(node)) {
    for (const x of node) countVars(x, counts, assigned)
    return
  }
  if (!node || typeof node !== 'object') return
  const o = node as Record<string, unknown>
  if (o.t === 'var' && typeof o.name === 'string') counts.set(o.name, (counts.get(o.name) ?? 0) + 1)
  if (o.t === 'call' && o.fn === 'assign' && Array.isArray(o.args)) {
    const lhs = o.args[0] as Term
    const names = new Set<string>()
    collectNames(lhs, names, new Set())
    for (const n of names) if (!n.startsWith('$_') && !assigned.has(n)) assigned.set(n, lhs.loc)
  }
  for (const [k, v] of Object.entries(o))
    if (k !== 'loc' && k !== 'target') countVars(v, counts, assigned)
}

function strictChecks(mods: ModuleAST[]): void {
  for (const m of mods)
    for (const r of m.rules) {
      const counts = new Map<string, number>()
      const assigned = new Map<string, Loc>()
      countVars(r, counts, assigned)
      for (const [name, loc] of assigned)
        if ((counts.get(name) ?? 0) <= 1)
          throw new RegoError('rego_compile_error', `assigned var ${name} unused`, {
            file: loc.file,
            line: loc.row,
            column: loc.col
          })
    }
  for (const m of mods) {
    const vars = new Set<string>()
    const calls = new Set<string>()
    collectNames(m.rules, vars, calls)
    for (const fn of calls)
      if (DEPRECATED_BUILTINS.has(fn)) {
        const r = m.rules[0]
        throw new RegoError(
          'rego_type_error',
          `deprecated built-in function calls in expression: ${fn}`,
          { file: m.file, line: r.loc.row, column: r.loc.col }
        )
      }
    for (const imp of m.imports) {
      const head = imp.path.t === 'ref' ? imp.path.head : imp.path
      if (head.t !== 'var' || (head.name !== 'data' && head.name !== 'input')) continue
      const last = imp.path.t === 'ref' ? imp.path.path[imp.path.path.length - 1] : undefined
      const alias =
        imp.alias ?? (last?.t === 'val' && typeof last.v === 'string' ? last.v : head.name)
      if (!vars.has(alias))
        throw new RegoError('rego_compile_error', `import ${alias} unused`, {
          file: imp.loc.file,
          line: imp.loc.row,
          column: imp.loc.col
        })
    }
  }
  for (const m of mods) {
    const seen = new Set<string>()
    for (const imp of m.imports) {
      const k = JSON.stringify(refJSON(imp.path)) + (imp.alias ?? '')
      if (seen.has(k))
        throw new RegoError('rego_compile_error', 'import must not be imported multiple times', {
          file: imp.loc.file,
          line: imp.loc.row,
          column: imp.loc.col
        })
      seen.add(k)
    }
  }
}

/** parse an `input_term`-style Rego term into a value (must be ground) */
export function parseValue(src: string): Value {
  const t = parseTermSource(src)
  const ev = new Evaluator(compileModules([]).root, { data: new RegoObject() })
  let out: Value | undefined
  ev.evalTerm(t, new Map(), v => {
    out = v
    return true
  })
  if (out === undefined) throw new RegoError('rego_parse_error', 'term is undefined')
  return out
}

export function compile(modules: RegoModule[], options: CompileOptions = {}): Policy {
  try {
    return new Policy(modules, options)
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message))
      throw new RegoError(
        'rego_compile_error',
        'policy is too deeply nested to compile (stack exhausted)',
        {
          file: modules[0]?.path
        }
      )
    throw e
  }
}
