/**
 * Compiler: resolves names (rule references, imports, local declarations), checks safety and
 * reorders body expressions so that every variable is bound before use, indexes rules into a
 * tree by their ground path, and detects recursion.
 */
import type { Expr, Loc, ModuleAST, RuleAST, Term, With } from './ast.js'
import { BUILTIN_ARITY } from './capabilities.js'
import { RegoError } from './errors.js'
import { type Value, fromJSON } from './value.js'

/** builtins implemented by the evaluator (not in BUILTINS) */
export const EVAL_BUILTINS = new Set([
  'eq',
  'assign',
  'internal.member_2',
  'internal.member_3',
  'walk',
  'print',
  'internal.print',
  'trace',
  'rego.metadata.chain',
  'rego.metadata.rule',
  'opa.runtime',
  'rego.parse_module'
])

export interface CompiledRule {
  /** full ground path under data */
  prefix: string[]
  tail: Term[]
  kind: 'single' | 'multi'
  args?: Term[]
  value: Term
  body: Expr[]
  elses: { value: Term; body: Expr[] }[]
  isDefault: boolean
  loc: Loc
  module: ModuleAST
  ast: RuleAST
  /** values of rego.metadata.chain() / rego.metadata.rule() inside this rule */
  meta?: { chain: Value; rule: Value }
}

export class RuleNode {
  readonly children = new Map<string, RuleNode>()
  /** value rules (complete, partial set/object, ref-head) whose ground prefix is this node */
  readonly rules: CompiledRule[] = []
  readonly defaults: CompiledRule[] = []
  readonly funcs: CompiledRule[] = []
  readonly defaultFuncs: CompiledRule[] = []
  readonly path: string[]
  constructor(path: string[]) {
    this.path = path
  }
  get isFunction(): boolean {
    return this.funcs.length > 0 || this.defaultFuncs.length > 0
  }
  get hasValueRules(): boolean {
    return this.rules.length > 0 || this.defaults.length > 0
  }
  child(name: string): RuleNode {
    let c = this.children.get(name)
    if (!c) {
      c = new RuleNode([...this.path, name])
      this.children.set(name, c)
    }
    return c
  }
  lookup(path: readonly string[]): RuleNode | undefined {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    let n: RuleNode | undefined = this
    for (const p of path) {
      n = n.children.get(p)
      if (!n) return undefined
    }
    return n
  }
}

let renameCounter = 0

const loc0 = (file: string): Loc => ({ file, row: 1, col: 1 })

class Scope {
  readonly declared = new Map<string, string>()
  /** vars declared with := in this scope */
  readonly assigned = new Set<string>()
  readonly parent: Scope | undefined
  readonly keepNames: boolean
  constructor(parent: Scope | undefined, keepNames = false) {
    this.parent = parent
    this.keepNames = keepNames
  }
  lookup(name: string): string | undefined {
    return this.declared.get(name) ?? this.parent?.lookup(name)
  }
  declare(name: string): string {
    if (name.startsWith('$_')) return name
    const renamed = this.keepNames ? name : `${name}$${++renameCounter}`
    this.declared.set(name, renamed)
    return renamed
  }
}

interface PkgContext {
  pkg: string[]
  /** root names of rules in this package */
  roots: Set<string>
  imports: Map<string, Term>
  file: string
}

/** the original name of a (possibly renamed) variable */
export function displayVar(name: string): string {
  if (name.startsWith('$_')) return '_'
  const i = name.indexOf('$')
  return i > 0 ? name.slice(0, i) : name
}

function ref(head: string, path: string[], loc: Loc): Term {
  return {
    t: 'ref',
    head: { t: 'var', name: head, loc },
    path: path.map(p => ({ t: 'val', v: p, loc })),
    loc
  }
}

export class Resolver {
  private ctx: PkgContext
  private funcNames: (path: string) => boolean
  constructor(ctx: PkgContext, funcNames: (path: string) => boolean) {
    this.ctx = ctx
    this.funcNames = funcNames
  }

  term(t: Term, sc: Scope): Term {
    switch (t.t) {
      case 'val':
        return t
      case 'var': {
        if (t.name.startsWith('$_')) return t
        const d = sc.lookup(t.name)
        if (d !== undefined) return { ...t, name: d }
        if (t.name === 'data' || t.name === 'input') return t
        if (this.ctx.roots.has(t.name)) return ref('data', [...this.ctx.pkg, t.name], t.loc)
        const imp = this.ctx.imports.get(t.name)
        if (imp) return { ...imp, loc: t.loc }
        return t
      }
      case 'ref': {
        const head = this.term(t.head, sc)
        const path = t.path.map(p => this.term(p, sc))
        if (head.t === 'ref')
          return { t: 'ref', head: head.head, path: [...head.path, ...path], loc: t.loc }
        return { t: 'ref', head, path, loc: t.loc }
      }
      case 'array':
        return { ...t, items: t.items.map(x => this.term(x, sc)) }
      case 'set':
        return { ...t, items: t.items.map(x => this.term(x, sc)) }
      case 'object':
        return {
          ...t,
          pairs: t.pairs.map(([k, v]) => [this.term(k, sc), this.term(v, sc)] as [Term, Term])
        }
      case 'call':
        return { ...t, fn: this.fnName(t.fn, sc, t.loc), args: t.args.map(a => this.term(a, sc)) }
      case 'acomp':
      case 'scomp': {
        const inner = new Scope(sc)
        const body = this.body(t.body, inner)
        return { ...t, body, term: this.term(t.term, inner) }
      }
      case 'ocomp': {
        const inner = new Scope(sc)
        const body = this.body(t.body, inner)
        return { ...t, body, key: this.term(t.key, inner), value: this.term(t.value, inner) }
      }
      case 'template':
        return {
          ...t,
          parts: t.parts.map(p => (typeof p === 'string' ? p : this.body([p], new Scope(sc))[0]))
        }
    }
  }

  fnName(fn: string, sc: Scope, loc: Loc): string {
    const parts = fn.split('.')
    const first = parts[0]
    if (sc.lookup(first) !== undefined && parts.length === 1)
      throw new RegoError('rego_type_error', `undefined function ${fn}`, pos(loc))
    if (first === 'data') return fn
    if (this.ctx.roots.has(first)) return ['data', ...this.ctx.pkg, ...parts].join('.')
    const imp = this.ctx.imports.get(first)
    if (imp && imp.t === 'ref' && imp.head.t === 'var' && imp.head.name === 'data')
      return [
        'data',
        ...imp.path.map(p => (p.t === 'val' && typeof p.v === 'string' ? p.v : '?')),
        ...parts.slice(1)
      ].join('.')
    return fn
  }

  private patternDeclare(t: Term, sc: Scope): void {
    for (const v of patternVars(t)) if (!v.startsWith('$_')) sc.declare(v)
  }

  expr(e: Expr, sc: Scope): Expr | undefined {
    const withs = e.withs.map(w => this.with(w, sc))
    switch (e.k) {
      case 'some':
        for (const v of e.vars) if (v.t === 'var') sc.declare(v.name)
        return undefined
      case 'somein': {
        const domain = this.term(e.domain, sc)
        if (e.key) this.patternDeclare(e.key, sc)
        this.patternDeclare(e.value, sc)
        return {
          ...e,
          domain,
          key: e.key && this.term(e.key, sc),
          value: this.term(e.value, sc),
          withs
        }
      }
      case 'every': {
        const domain = this.term(e.domain, sc)
        const inner = new Scope(sc)
        if (e.key) this.patternDeclare(e.key, inner)
        this.patternDeclare(e.value, inner)
        const key = e.key && this.term(e.key, inner)
        const value = this.term(e.value, inner)
        const body = this.body(e.body, inner)
        return { ...e, domain, key, value, body, withs }
      }
      case 'not': {
        const inner = this.expr(e.expr, new Scope(sc))
        if (!inner) throw new RegoError('rego_parse_error', 'unexpected some keyword', pos(e.loc))
        return { ...e, expr: inner, withs }
      }
      case 'or':
        return { ...e, alts: e.alts.map(a => this.body(a, new Scope(sc))), withs }
      case 'term': {
        const t = e.term
        if (t.t === 'call' && t.fn === 'assign') {
          const rhs = this.term(t.args[1], sc)
          const lhsT = t.args[0]
          if (lhsT.t !== 'var' && lhsT.t !== 'array' && lhsT.t !== 'object')
            throw new RegoError(
              'rego_parse_error',
              'cannot assign to ' + termKind(lhsT),
              pos(lhsT.loc)
            )
          for (const v of patternVars(lhsT)) {
            if (v === 'input' || v === 'data')
              throw new RegoError(
                'rego_compile_error',
                `variables must not shadow ${v} (use a different variable name)`,
                pos(lhsT.loc)
              )
            if (v.startsWith('$_')) continue
            if (sc.assigned.has(v))
              throw new RegoError('rego_compile_error', `var ${v} assigned above`, pos(lhsT.loc))
            sc.assigned.add(v)
            sc.declare(v)
          }
          const lhs = this.term(lhsT, sc)
          return { ...e, term: { ...t, args: [lhs, rhs] }, withs }
        }
        return { ...e, term: this.term(t, sc), withs }
      }
    }
  }

  with(w: With, sc: Scope): With {
    const target = w.target
    let resolved: Term
    const head = target.t === 'ref' ? target.head : target
    if (head.t === 'var' && (head.name === 'input' || head.name === 'data')) resolved = target
    else if (head.t === 'var') {
      const name =
        target.t === 'ref'
          ? [
              head.name,
              ...target.path.map(p => (p.t === 'val' && typeof p.v === 'string' ? p.v : '?'))
            ].join('.')
          : head.name
      resolved = { t: 'val', v: this.fnName(name, sc, w.loc), loc: w.loc }
    } else
      throw new RegoError(
        'rego_compile_error',
        'with keyword target must reference existing input, data, or a function',
        pos(w.loc)
      )
    // value: a function reference becomes a function name value marker
    let value = w.value
    const fnRef = value.t === 'var' || value.t === 'ref' ? functionRefName(value) : undefined
    if (fnRef !== undefined && sc.lookup(fnRef.split('.')[0]) === undefined) {
      const resolvedName = this.fnName(fnRef, sc, w.loc)
      if (
        BUILTIN_ARITY.has(resolvedName) ||
        EVAL_BUILTINS.has(resolvedName) ||
        (resolvedName.startsWith('data.') && this.funcNames(resolvedName))
      )
        return {
          target: resolved,
          value: { t: 'call', fn: resolvedName, args: [], loc: { ...w.loc, file: '$fnref' } },
          loc: w.loc
        }
    }
    value = this.term(value, sc)
    return { target: resolved, value, loc: w.loc }
  }

  body(body: Expr[], sc: Scope): Expr[] {
    const out: Expr[] = []
    for (const e of body) {
      const r = this.expr(e, sc)
      if (r) out.push(r)
    }
    if (out.length === 0)
      out.push({
        k: 'term',
        term: { t: 'val', v: true, loc: body[0]?.loc ?? loc0('') },
        neg: false,
        withs: [],
        loc: body[0]?.loc ?? loc0('')
      })
    return out
  }
}

function termKind(t: Term): string {
  switch (t.t) {
    case 'val':
      return typeof t.v === 'string' ? 'string' : t.v === null ? 'null' : typeof t.v
    case 'call':
      return 'call'
    default:
      return t.t
  }
}

function functionRefName(t: Term): string | undefined {
  if (t.t === 'var') return t.name
  if (t.t === 'ref' && t.head.t === 'var') {
    const parts = [t.head.name]
    for (const p of t.path) {
      if (p.t !== 'val' || typeof p.v !== 'string') return undefined
      parts.push(p.v)
    }
    return parts.join('.')
  }
  return undefined
}

export function pos(loc: Loc): { file: string; line: number; column: number } {
  return { file: loc.file, line: loc.row, column: loc.col }
}

// ------------------------------------------------------------------ variable analysis

/** vars in pattern positions (can be bound by unification) */
export function patternVars(t: Term, out = new Set<string>()): Set<string> {
  switch (t.t) {
    case 'var':
      out.add(t.name)
      break
    case 'array':
    case 'set':
      for (const x of t.items) patternVars(x, out)
      break
    case 'object':
      for (const [, v] of t.pairs) patternVars(v, out)
      break
    default:
  }
  return out
}

const ROOTS = new Set(['data', 'input'])

/**
 * Variables of a term split into `inputs` (must be bound before evaluation) and `outputs`
 * (bound by evaluating it: pattern vars and ref iteration vars). `closures` collects the vars of
 * nested comprehension bodies (inputs if they are visible in the enclosing scope).
 */
interface VarInfo {
  inputs: Set<string>
  outputs: Set<string>
  nested: Set<string>
}

function newInfo(): VarInfo {
  return { inputs: new Set(), outputs: new Set(), nested: new Set() }
}

function termVars(t: Term, info: VarInfo, pattern: boolean): void {
  switch (t.t) {
    case 'val':
      return
    case 'var':
      if (ROOTS.has(t.name)) return
      if (pattern) info.outputs.add(t.name)
      else info.inputs.add(t.name)
      return
    case 'ref':
      if (t.head.t === 'var') {
        if (!ROOTS.has(t.head.name)) info.inputs.add(t.head.name)
      } else termVars(t.head, info, false)
      for (const p of t.path) termVars(p, info, true)
      return
    case 'array':
    case 'set':
      for (const x of t.items) termVars(x, info, pattern)
      return
    case 'object':
      for (const [k, v] of t.pairs) {
        termVars(k, info, false)
        termVars(v, info, pattern)
      }
      return
    case 'call':
      for (const a of t.args) termVars(a, info, false)
      return
    case 'acomp':
    case 'scomp':
      allVars(t.term, info.nested)
      for (const e of t.body) exprAllVars(e, info.nested)
      return
    case 'ocomp':
      allVars(t.key, info.nested)
      allVars(t.value, info.nested)
      for (const e of t.body) exprAllVars(e, info.nested)
      return
    case 'template':
      for (const p of t.parts) if (typeof p !== 'string') exprAllVars(p, info.nested)
      return
  }
}

export function allVars(t: Term, out: Set<string>): Set<string> {
  switch (t.t) {
    case 'var':
      if (!ROOTS.has(t.name)) out.add(t.name)
      break
    case 'ref':
      allVars(t.head, out)
      for (const p of t.path) allVars(p, out)
      break
    case 'array':
    case 'set':
      for (const x of t.items) allVars(x, out)
      break
    case 'object':
      for (const [k, v] of t.pairs) {
        allVars(k, out)
        allVars(v, out)
      }
      break
    case 'call':
      for (const a of t.args) allVars(a, out)
      break
    case 'acomp':
    case 'scomp':
      allVars(t.term, out)
      for (const e of t.body) exprAllVars(e, out)
      break
    case 'ocomp':
      allVars(t.key, out)
      allVars(t.value, out)
      for (const e of t.body) exprAllVars(e, out)
      break
    case 'template':
      for (const p of t.parts) if (typeof p !== 'string') exprAllVars(p, out)
      break
    default:
  }
  return out
}

export function exprAllVars(e: Expr, out: Set<string>): Set<string> {
  switch (e.k) {
    case 'term':
      allVars(e.term, out)
      break
    case 'some':
      break
    case 'somein':
      if (e.key) allVars(e.key, out)
      allVars(e.value, out)
      allVars(e.domain, out)
      break
    case 'every':
      if (e.key) allVars(e.key, out)
      allVars(e.value, out)
      allVars(e.domain, out)
      for (const b of e.body) exprAllVars(b, out)
      break
    case 'not':
      exprAllVars(e.expr, out)
      break
    case 'or':
      for (const a of e.alts) for (const b of a) exprAllVars(b, out)
      break
  }
  for (const w of e.withs) allVars(w.value, out)
  return out
}

/** vars directly visible in an expression (not inside nested closures) */
function directVars(e: Expr, out: Set<string>): void {
  const info = exprInfo(e, builtinOutputArity)
  for (const v of info.inputs) out.add(v)
  for (const v of info.outputs) out.add(v)
}

let builtinOutputArity: (fn: string) => number | undefined = fn => BUILTIN_ARITY.get(fn)

function exprInfo(e: Expr, arity: (fn: string) => number | undefined): VarInfo {
  const info = newInfo()
  switch (e.k) {
    case 'term': {
      const t = e.term
      if (t.t === 'call' && (t.fn === 'eq' || t.fn === 'assign')) {
        termVars(t.args[0], info, true)
        termVars(t.args[1], info, true)
      } else if (t.t === 'call') {
        const n = arity(t.fn)
        t.args.forEach((a, i) => termVars(a, info, n !== undefined && n >= 0 && i === n))
      } else termVars(t, info, false)
      break
    }
    case 'somein':
      termVars(e.domain, info, false)
      if (e.key) termVars(e.key, info, true)
      termVars(e.value, info, true)
      break
    case 'every': {
      termVars(e.domain, info, false)
      const local = new Set<string>()
      if (e.key) patternVars(e.key, local)
      patternVars(e.value, local)
      const inner = new Set<string>()
      for (const b of e.body) exprAllVars(b, inner)
      for (const v of inner) if (!local.has(v)) info.nested.add(v)
      break
    }
    case 'not': {
      const inner = exprInfo(e.expr, arity)
      for (const v of inner.inputs) info.inputs.add(v)
      for (const v of inner.outputs) if (!v.startsWith('$_')) info.inputs.add(v)
      for (const v of inner.nested) info.nested.add(v)
      break
    }
    case 'or':
      for (const a of e.alts) for (const b of a) exprAllVars(b, info.nested)
      break
    case 'some':
      break
  }
  for (const w of e.withs) termVars(w.value, info, false)
  return info
}

/**
 * Reorders a body so every expression's inputs are bound first (OPA's safety reordering) and
 * reports unsafe variables. `bound`: vars bound before the body; `visible`: vars of enclosing
 * scopes (closure vars of nested bodies).
 */
export function safeBody(
  body: Expr[],
  bound: Set<string>,
  visible: Set<string>,
  arity: (fn: string) => number | undefined,
  extraNeeds?: Set<string>
): { body: Expr[]; bound: Set<string> } {
  builtinOutputArity = arity
  const local = new Set<string>(visible)
  for (const e of body) directVars(e, local)
  if (extraNeeds) for (const v of extraNeeds) local.add(v)
  const infos = body.map(e => exprInfo(e, arity))
  const remaining = body.map((e, i) => i)
  const out: Expr[] = []
  const b = new Set(bound)
  while (remaining.length) {
    let picked = -1
    for (let j = 0; j < remaining.length; j++) {
      const idx = remaining[j]
      if (ready(body[idx], infos[idx], b, local)) {
        picked = j
        break
      }
    }
    if (picked < 0) {
      const idx = remaining[0]
      const unsafe = [...needs(body[idx], infos[idx], b, local)].filter(v => !b.has(v))
      const e = body[idx]
      const name = unsafe.length ? displayVar(unsafe.sort()[0]) : '?'
      throw new RegoError('rego_unsafe_var_error', `var ${name} is unsafe`, pos(e.loc))
    }
    const idx = remaining.splice(picked, 1)[0]
    const e = rewriteNested(body[idx], b, local, arity)
    builtinOutputArity = arity
    out.push(e)
    for (const v of infos[idx].outputs) b.add(v)
  }
  return { body: out, bound: b }
}

function needs(e: Expr, info: VarInfo, bound: Set<string>, visible: Set<string>): Set<string> {
  const n = new Set<string>()
  for (const v of info.inputs) if (!info.outputs.has(v)) n.add(v)
  for (const v of info.nested) if (visible.has(v) && !info.outputs.has(v)) n.add(v)
  void bound
  return n
}

function ready(e: Expr, info: VarInfo, bound: Set<string>, visible: Set<string>): boolean {
  for (const v of needs(e, info, bound, visible)) if (!bound.has(v)) return false
  if (e.k === 'term' && e.term.t === 'call' && (e.term.fn === 'eq' || e.term.fn === 'assign')) {
    const [a, c] = e.term.args
    return (
      evaluable(a, bound) ||
      evaluable(c, bound) ||
      (a.t === 'array' && c.t === 'array') ||
      (a.t === 'object' && c.t === 'object')
    )
  }
  return true
}

/** can the term be evaluated to values given the bound vars (refs may iterate)? */
function evaluable(t: Term, bound: Set<string>): boolean {
  switch (t.t) {
    case 'var':
      return bound.has(t.name) || ROOTS.has(t.name)
    case 'array':
    case 'set':
      return t.items.every(x => evaluable(x, bound))
    case 'object':
      return t.pairs.every(([k, v]) => evaluable(k, bound) && evaluable(v, bound))
    default:
      return true
  }
}

function rewriteNested(
  e: Expr,
  bound: Set<string>,
  visible: Set<string>,
  arity: (fn: string) => number | undefined
): Expr {
  const rt = (t: Term): Term => rewriteTerm(t, bound, visible, arity)
  const withs = e.withs.map(w => ({ ...w, value: rt(w.value) }))
  switch (e.k) {
    case 'term':
      return { ...e, term: rt(e.term), withs }
    case 'somein':
      return { ...e, domain: rt(e.domain), withs }
    case 'every': {
      const b = new Set(bound)
      if (e.key) patternVars(e.key, b)
      patternVars(e.value, b)
      const vis = new Set(visible)
      for (const v of b) vis.add(v)
      return { ...e, domain: rt(e.domain), body: safeBody(e.body, b, vis, arity).body, withs }
    }
    case 'not': {
      const inner = rewriteNested(e.expr, bound, visible, arity)
      return { ...e, expr: inner, withs }
    }
    case 'or':
      return { ...e, alts: e.alts.map(a => safeBody(a, bound, visible, arity).body), withs }
    default:
      return { ...e, withs }
  }
}

function rewriteTerm(
  t: Term,
  bound: Set<string>,
  visible: Set<string>,
  arity: (fn: string) => number | undefined
): Term {
  const rt = (x: Term): Term => rewriteTerm(x, bound, visible, arity)
  switch (t.t) {
    case 'ref':
      return { ...t, head: rt(t.head), path: t.path.map(rt) }
    case 'array':
    case 'set':
      return { ...t, items: t.items.map(rt) }
    case 'object':
      return { ...t, pairs: t.pairs.map(([k, v]) => [rt(k), rt(v)] as [Term, Term]) }
    case 'call':
      return { ...t, args: t.args.map(rt) }
    case 'acomp':
    case 'scomp': {
      const vis = new Set(visible)
      for (const v of bound) vis.add(v)
      const needHead = directTermVars(t.term)
      const { body, bound: b2 } = safeBody(t.body, bound, vis, arity, needHead)
      checkHeadSafe([t.term], b2, t.loc)
      return { ...t, body, term: rewriteTerm(t.term, b2, vis, arity) }
    }
    case 'ocomp': {
      const vis = new Set(visible)
      for (const v of bound) vis.add(v)
      const needHead = directTermVars(t.key, directTermVars(t.value))
      const { body, bound: b2 } = safeBody(t.body, bound, vis, arity, needHead)
      checkHeadSafe([t.key, t.value], b2, t.loc)
      return {
        ...t,
        body,
        key: rewriteTerm(t.key, b2, vis, arity),
        value: rewriteTerm(t.value, b2, vis, arity)
      }
    }
    case 'template':
      return {
        ...t,
        parts: t.parts.map(p =>
          typeof p === 'string' ? p : safeBody([p], bound, visible, arity).body[0]
        )
      }
    default:
      return t
  }
}

/** vars of a term outside nested closures */
export function directTermVars(t: Term, out = new Set<string>()): Set<string> {
  const info = newInfo()
  termVars(t, info, true)
  for (const v of info.inputs) out.add(v)
  for (const v of info.outputs) out.add(v)
  return out
}

export function checkHeadSafe(terms: Term[], bound: Set<string>, loc: Loc): void {
  for (const t of terms) {
    for (const v of directTermVars(t)) {
      if (!bound.has(v) && !v.startsWith('$_'))
        throw new RegoError(
          'rego_unsafe_var_error',
          `var ${displayVar(v)} is unsafe`,
          pos(t.loc ?? loc)
        )
    }
  }
}

// ------------------------------------------------------------------ module compilation

export interface CompiledPolicy {
  root: RuleNode
  modules: ModuleAST[]
  packages: string[][]
}

export function compileModules(mods: ModuleAST[]): CompiledPolicy {
  const root = new RuleNode([])
  // roots per package
  const rootsByPkg = new Map<string, Set<string>>()
  const funcPaths = new Set<string>()
  for (const m of mods) {
    const k = m.pkg.join('.')
    let s = rootsByPkg.get(k)
    if (!s) rootsByPkg.set(k, (s = new Set()))
    for (const r of m.rules) {
      const h = r.ref[0]
      if (h.t === 'var') s.add(h.name)
      if (r.args) funcPaths.add(['data', ...m.pkg.slice(1), ...refStrings(r.ref)].join('.'))
    }
  }
  const isFunc = (p: string): boolean => funcPaths.has(p)
  const arity = (fn: string): number | undefined => {
    if (fn.startsWith('data.')) return funcArity.get(fn)
    return BUILTIN_ARITY.get(fn)
  }
  const funcArity = new Map<string, number>()
  for (const m of mods)
    for (const r of m.rules)
      if (r.args)
        funcArity.set(['data', ...m.pkg.slice(1), ...refStrings(r.ref)].join('.'), r.args.length)

  const rules: CompiledRule[] = []
  for (const m of mods) {
    const pkg = m.pkg.slice(1) // drop leading "data"
    const imports = new Map<string, Term>()
    for (const imp of m.imports) {
      const head = imp.path.t === 'ref' ? imp.path.head : imp.path
      if (head.t !== 'var' || (head.name !== 'data' && head.name !== 'input')) continue
      let alias = imp.alias
      if (!alias) {
        if (imp.path.t === 'ref') {
          const last = imp.path.path[imp.path.path.length - 1]
          alias = last.t === 'val' && typeof last.v === 'string' ? last.v : undefined
        } else alias = head.name
      }
      if (alias && alias !== 'data' && alias !== 'input') imports.set(alias, imp.path)
    }
    const ctx: PkgContext = { pkg, roots: rootsByPkg.get(m.pkg.join('.'))!, imports, file: m.file }
    const res = new Resolver(ctx, isFunc)
    for (const r of m.rules) rules.push(compileRule(r, m, pkg, res, arity))
  }
  attachMetadata(mods, rules)
  for (const m of mods) ensure(root, m.pkg.slice(1))
  for (const r of rules) {
    const node = root.lookup(r.prefix) ?? ensure(root, r.prefix)
    if (r.args) (r.isDefault ? node.defaultFuncs : node.funcs).push(r)
    else (r.isDefault ? node.defaults : node.rules).push(r)
  }
  checkConflicts(root)
  checkCalls(rules, root)
  checkRecursion(root, rules)
  const pkgs = new Map<string, string[]>()
  for (const m of mods) pkgs.set(m.pkg.join('.'), m.pkg.slice(1))
  return { root, modules: mods, packages: [...pkgs.values()] }
}

function attachMetadata(mods: ModuleAST[], rules: CompiledRule[]): void {
  if (!mods.some(m => m.annotations.length)) return
  const pkgAnn = new Map<string, Record<string, unknown>[]>()
  const subAnn = new Map<string, Record<string, unknown>[]>()
  const docAnn = new Map<string, Record<string, unknown>[]>()
  const ruleAnn = new Map<RuleAST, Record<string, unknown>>()
  const pathOf = new Map<RuleAST, string[]>()
  for (const r of rules) pathOf.set(r.ast, r.prefix)
  for (const m of mods)
    for (const a of m.annotations) {
      const pkgKey = m.pkg.slice(1).join('.')
      const add = (map: Map<string, Record<string, unknown>[]>, k: string): void =>
        void map.set(k, [...(map.get(k) ?? []), a.value])
      if (!a.target) add(a.scope === 'subpackages' ? subAnn : pkgAnn, pkgKey)
      else if (a.scope === 'document') add(docAnn, (pathOf.get(a.target) ?? []).join('.'))
      else if (a.scope === 'rule') ruleAnn.set(a.target, a.value)
    }
  for (const r of rules) {
    const pkg = r.module.pkg.slice(1)
    const chain: unknown[] = []
    const ra = ruleAnn.get(r.ast)
    chain.push(ra ? { annotations: ra, path: r.prefix } : { path: r.prefix })
    for (const d of docAnn.get(r.prefix.join('.')) ?? [])
      chain.push({ annotations: d, path: r.prefix })
    for (const p of pkgAnn.get(pkg.join('.')) ?? []) chain.push({ annotations: p, path: pkg })
    for (let n = pkg.length; n >= 0; n--)
      for (const s of subAnn.get(pkg.slice(0, n).join('.')) ?? [])
        chain.push({ annotations: s, path: pkg.slice(0, n) })
    r.meta = { chain: fromJSON(chain), rule: fromJSON(ra ?? {}) }
  }
}

function ensure(root: RuleNode, path: string[]): RuleNode {
  let n = root
  for (const p of path) n = n.child(p)
  return n
}

function refStrings(ref: Term[]): string[] {
  const out: string[] = []
  for (const t of ref) {
    if (t.t === 'var' && out.length === 0) out.push(t.name)
    else if (t.t === 'val' && typeof t.v === 'string') out.push(t.v)
    else break
  }
  return out
}

function compileRule(
  rIn: RuleAST,
  m: ModuleAST,
  pkg: string[],
  res: Resolver,
  arity: (fn: string) => number | undefined
): CompiledRule {
  let r = rIn
  const head = r.ref[0]
  if (head.t !== 'var') throw new RegoError('rego_parse_error', 'invalid rule head', pos(r.loc))
  const ground = refStrings(r.ref)
  const tailAst = r.ref.slice(ground.length)
  const sc = new Scope(undefined)
  const bound = new Set<string>()
  let args: Term[] | undefined
  if (r.args && r.args.some(a => !isPattern(a))) {
    // non-pattern arguments (calls, refs, templates...) are compared after the body
    const extra: Expr[] = []
    const rewrite = (a: Term): Term => {
      if (isPattern(a)) return a
      const v: Term = { t: 'var', name: `$_arg${++renameCounter}`, loc: a.loc }
      extra.push({
        k: 'term',
        term: { t: 'call', fn: 'eq', args: [v, a], loc: a.loc },
        neg: false,
        withs: [],
        loc: a.loc
      })
      return v
    }
    const args2 = r.args.map(rewrite)
    r = {
      ...r,
      args: args2,
      body: [...r.body, ...extra],
      elses: r.elses.map(e => ({ ...e, body: [...e.body, ...extra] }))
    }
  }
  if (r.args) {
    for (const a of r.args) for (const v of patternVars(a)) if (!v.startsWith('$_')) sc.declare(v)
    args = r.args.map(a => res.term(a, sc))
    for (const a of args) for (const v of allVars(a, new Set())) bound.add(v)
  }
  const loc = r.loc
  const trueTerm: Term = { t: 'val', v: true, loc }
  const resolveBodyAndHead = (
    body: Expr[],
    value: Term | undefined,
    tail: Term[],
    scope: Scope
  ): { body: Expr[]; value: Term; tail: Term[] } => {
    const rb = body.length ? res.body(body, scope) : []
    const v = value ? res.term(value, scope) : trueTerm
    const tl = tail.map(t => res.term(t, scope))
    const headVars = new Set<string>()
    directTermVars(v, headVars)
    for (const t of tl) directTermVars(t, headVars)
    const { body: sb, bound: b2 } = safeBody(rb, bound, new Set(bound), arity, headVars)
    checkHeadSafe([...tl, v], b2, loc)
    // nested comprehensions in head terms
    return {
      body: sb,
      value: rewriteTerm(v, b2, b2, arity),
      tail: tl.map(t => rewriteTerm(t, b2, b2, arity))
    }
  }
  if (r.isDefault) {
    if (tailAst.length)
      throw new RegoError(
        'rego_compile_error',
        'default rules must not have a dynamic reference',
        pos(loc)
      )
    const value = res.term(r.value!, new Scope(undefined))
    if ([...directTermVars(value)].some(v => !v.startsWith('$_')))
      throw new RegoError(
        'rego_compile_error',
        'default rule value cannot contain variables',
        pos(loc)
      )
    return {
      prefix: [...pkg, ...ground],
      tail: [],
      kind: 'single',
      args,
      value,
      body: [],
      elses: [],
      isDefault: true,
      loc,
      module: m,
      ast: r
    }
  }
  const main = resolveBodyAndHead(r.body, r.value, tailAst, sc)
  const elses = r.elses.map(e => {
    const esc = new Scope(undefined)
    if (r.args)
      for (const a of r.args)
        for (const v of patternVars(a)) if (!v.startsWith('$_')) esc.declared.set(v, sc.lookup(v)!)
    const x = resolveBodyAndHead(e.body, e.value, [], esc)
    return { value: x.value, body: x.body }
  })
  return {
    prefix: [...pkg, ...ground],
    tail: main.tail,
    kind: r.kind,
    args,
    value: main.value,
    body: main.body,
    elses,
    isDefault: false,
    loc,
    module: m,
    ast: r
  }
}

function isPattern(t: Term): boolean {
  switch (t.t) {
    case 'var':
    case 'val':
      return true
    case 'array':
      return t.items.every(isPattern)
    case 'object':
      return t.pairs.every(([k, v]) => k.t === 'val' && isPattern(v))
    default:
      return false
  }
}

function checkConflicts(node: RuleNode): void {
  const rs = node.rules
  if (rs.length) {
    const complete = rs.filter(r => r.tail.length === 0 && r.kind === 'single')
    const multi = rs.filter(r => r.tail.length === 0 && r.kind === 'multi')
    const partial = rs.filter(r => r.tail.length > 0)
    const kinds =
      (complete.length || node.defaults.length ? 1 : 0) +
      (multi.length ? 1 : 0) +
      (partial.length ? 1 : 0)
    if (kinds > 1 || node.isFunction)
      throw new RegoError(
        'rego_type_error',
        `conflicting rules data.${node.path.join('.')} found`,
        pos(rs[0].loc)
      )
  }
  if (node.defaults.length > 1)
    throw new RegoError(
      'rego_type_error',
      `multiple default rules data.${node.path.join('.')} found`,
      pos(node.defaults[1].loc)
    )
  if (node.isFunction) {
    const ar = new Set([...node.funcs, ...node.defaultFuncs].map(f => f.args!.length))
    if (ar.size > 1)
      throw new RegoError(
        'rego_type_error',
        `conflicting rules data.${node.path.join('.')} found`,
        pos(node.funcs[0]?.loc ?? node.defaultFuncs[0].loc)
      )
  }
  for (const c of node.children.values()) checkConflicts(c)
}

function walkTerms(t: Term, f: (t: Term) => void): void {
  f(t)
  switch (t.t) {
    case 'ref':
      if (t.head.t !== 'var') walkTerms(t.head, f)
      for (const p of t.path) walkTerms(p, f)
      break
    case 'array':
    case 'set':
      for (const x of t.items) walkTerms(x, f)
      break
    case 'object':
      for (const [k, v] of t.pairs) {
        walkTerms(k, f)
        walkTerms(v, f)
      }
      break
    case 'call':
      for (const a of t.args) walkTerms(a, f)
      break
    case 'acomp':
    case 'scomp':
      walkTerms(t.term, f)
      for (const e of t.body) walkExprTerms(e, f)
      break
    case 'ocomp':
      walkTerms(t.key, f)
      walkTerms(t.value, f)
      for (const e of t.body) walkExprTerms(e, f)
      break
    case 'template':
      for (const p of t.parts) if (typeof p !== 'string') walkExprTerms(p, f)
      break
    default:
  }
}

export function walkExprTerms(e: Expr, f: (t: Term) => void): void {
  switch (e.k) {
    case 'term':
      walkTerms(e.term, f)
      break
    case 'somein':
      if (e.key) walkTerms(e.key, f)
      walkTerms(e.value, f)
      walkTerms(e.domain, f)
      break
    case 'every':
      if (e.key) walkTerms(e.key, f)
      walkTerms(e.value, f)
      walkTerms(e.domain, f)
      for (const b of e.body) walkExprTerms(b, f)
      break
    case 'not':
      walkExprTerms(e.expr, f)
      break
    case 'or':
      for (const a of e.alts) for (const b of a) walkExprTerms(b, f)
      break
    default:
  }
  for (const w of e.withs) {
    walkTerms(w.value, f)
    if (w.target.t !== 'val') walkTerms(w.target, f)
  }
}

function ruleTerms(r: CompiledRule, f: (t: Term) => void): void {
  for (const e of r.body) walkExprTerms(e, f)
  walkTerms(r.value, f)
  for (const t of r.tail) walkTerms(t, f)
  for (const el of r.elses) {
    for (const e of el.body) walkExprTerms(e, f)
    walkTerms(el.value, f)
  }
}

function checkCalls(rules: CompiledRule[], root: RuleNode): void {
  for (const r of rules) {
    const top = new Set<Term>()
    collectTopCalls(r.body, top)
    for (const e of r.elses) collectTopCalls(e.body, top)
    ruleTerms(r, t => {
      if (t.t === 'acomp' || t.t === 'scomp' || t.t === 'ocomp') collectTopCalls(t.body, top)
      else if (t.t === 'template')
        for (const p of t.parts) if (typeof p !== 'string') collectTopCalls([p], top)
    })
    ruleTerms(r, t => checkCallTerm(t, root, top))
  }
}

/** calls that are a whole expression: only these may pass an output argument (`count(x, n)`) */
export function collectTopCalls(body: Expr[], out: Set<Term>): void {
  for (const e of body) {
    if (e.k === 'term' && e.term.t === 'call') out.add(e.term)
    if (e.k === 'not') collectTopCalls([e.expr], out)
    if (e.k === 'every') collectTopCalls(e.body, out)
    if (e.k === 'or') for (const a of e.alts) collectTopCalls(a, out)
    walkExprTerms(e, t => {
      if (t.t === 'acomp' || t.t === 'scomp' || t.t === 'ocomp') collectTopCalls(t.body, out)
      else if (t.t === 'template')
        for (const p of t.parts) if (typeof p !== 'string') collectTopCalls([p], out)
    })
  }
}

export function checkCallTerm(t: Term, root: RuleNode, topCalls?: Set<Term>): void {
  if (t.t !== 'call') return
  if (t.loc.file === '$fnref') return
  const fn = t.fn
  if (fn === 'eq' || fn === 'assign') return
  let ar: number | undefined
  if (fn.startsWith('data.')) {
    const node = root.lookup(fn.split('.').slice(1))
    if (!node || !node.isFunction) {
      if (node && node.hasValueRules) return // calling a value rule: evaluated at run time (undefined)
      throw new RegoError('rego_type_error', `undefined function ${fn}`, pos(t.loc))
    }
    ar = (node.funcs[0] ?? node.defaultFuncs[0]).args!.length
  } else {
    ar = BUILTIN_ARITY.get(fn)
    if (ar === undefined) {
      if (fn === 'internal.member_2' || fn === 'internal.member_3' || fn === 'internal.print')
        return
      throw new RegoError('rego_type_error', `undefined function ${fn}`, pos(t.loc))
    }
  }
  if (ar >= 0 && t.args.length !== ar && !(t.args.length === ar + 1 && topCalls?.has(t) === true)) {
    const which = t.args.length < ar ? 'too few' : 'too many'
    throw new RegoError(
      'rego_type_error',
      `${fn}: arity mismatch\n\thave: ${t.args.length} arguments\n\twant: ${ar} arguments (${which} arguments)`,
      pos(t.loc)
    )
  }
}

function checkRecursion(root: RuleNode, rules: CompiledRule[]): void {
  // dependency graph between nodes holding rules
  const deps = new Map<RuleNode, Set<RuleNode>>()
  const nodeOf = new Map<CompiledRule, RuleNode>()
  for (const r of rules) nodeOf.set(r, root.lookup(r.prefix)!)
  const targetsOf = (t: Term): RuleNode[] => {
    let path: Term[] | undefined
    if (t.t === 'ref' && t.head.t === 'var' && t.head.name === 'data') path = t.path
    else if (t.t === 'call' && t.fn.startsWith('data.'))
      path = t.fn
        .split('.')
        .slice(1)
        .map((s): Term => ({ t: 'val', v: s, loc: t.loc }))
    else if (t.t === 'var' && t.name === 'data') path = []
    if (!path) return []
    let n: RuleNode = root
    for (const p of path) {
      if (n.hasValueRules || n.isFunction) return [n]
      if (p.t === 'val' && (typeof p.v === 'string' || typeof p.v === 'number')) {
        const c = n.children.get(String(p.v))
        if (!c) return []
        n = c
      } else return []
    }
    const out: RuleNode[] = []
    const collect = (x: RuleNode): void => {
      if (x.hasValueRules || x.isFunction) out.push(x)
      for (const c of x.children.values()) collect(c)
    }
    collect(n)
    return out
  }
  for (const r of rules) {
    const from = nodeOf.get(r)!
    let s = deps.get(from)
    if (!s) deps.set(from, (s = new Set()))
    const set = s
    ruleTerms(r, t => {
      for (const n of targetsOf(t)) set.add(n)
    })
  }
  // iterative depth-first search (policies may chain thousands of rules)
  const state = new Map<RuleNode, number>()
  const stack: RuleNode[] = []
  const iters: Iterator<RuleNode>[] = []
  const enter = (n: RuleNode): void => {
    state.set(n, 1)
    stack.push(n)
    iters.push((deps.get(n) ?? new Set<RuleNode>()).values())
  }
  for (const start of deps.keys()) {
    if (state.get(start) === 2) continue
    enter(start)
    while (stack.length) {
      const next = iters[iters.length - 1].next()
      if (next.done) {
        state.set(stack.pop()!, 2)
        iters.pop()
        continue
      }
      const d = next.value
      const st = state.get(d)
      if (st === 2) continue
      if (st === 1) {
        const cyc = stack.slice(stack.indexOf(d))
        const names = [...cyc, d].map(x => 'data.' + x.path.join('.'))
        const r = d.rules[0] ?? d.funcs[0] ?? d.defaults[0] ?? d.defaultFuncs[0]
        throw new RegoError(
          'rego_recursion_error',
          `rule ${names[0]} is recursive: ${names.join(' -> ')}`,
          pos(r.loc)
        )
      }
      enter(d)
    }
  }
}

export { Scope }
