/** Recursive-descent parser for Rego v1 (OPA 1.x syntax). */
import type { Expr, ImportAST, Loc, ModuleAST, RuleAST, Term, With } from './ast.js'
import { RegoError } from './errors.js'
import { parse as parseYAML } from 'yaml'
import { lex, type Comment, type Token } from './lexer.js'

const KEYWORDS = new Set([
  'as',
  'default',
  'else',
  'every',
  'false',
  'if',
  'import',
  'in',
  'not',
  'null',
  'package',
  'some',
  'true',
  'with',
  'contains'
])

const REL_OPS: Record<string, string> = {
  '==': 'equal',
  '!=': 'neq',
  '<': 'lt',
  '<=': 'lte',
  '>': 'gt',
  '>=': 'gte'
}
const ARITH_OPS: Record<string, string> = { '+': 'plus', '-': 'minus' }
const FACTOR_OPS: Record<string, string> = { '*': 'mul', '/': 'div', '%': 'rem' }

let wildcardCounter = 0

export interface ParseOptions {
  /** Rego v0 syntax (OPA before 1.0) unless the module imports rego.v1 */
  regoVersion?: 'v0' | 'v1'
  /** enable experimental `and`/`or` keywords regardless of imports */
  experimental?: boolean
}

class Parser {
  private p = 0
  private depth = 0
  /** number of open () / [] — newlines are insignificant inside */
  experimentalAndOr = false
  /** Rego v0 syntax: `p[x] { }` partial sets, `if`/`contains` optional */
  v0 = false
  private dotted = new WeakSet<Term>()
  private isDotted(ref: Term[]): boolean {
    return this.dotted.has(ref[1])
  }
  private toks: Token[]
  private file: string
  constructor(toks: Token[], file: string) {
    this.toks = toks
    this.file = file
  }

  private get tok(): Token {
    return this.toks[this.p]
  }
  private kind(): Token['kind'] {
    return this.toks[this.p].kind
  }
  private peek(n = 1): Token {
    return this.toks[Math.min(this.p + n, this.toks.length - 1)]
  }
  private loc(t: Token = this.tok): Loc {
    return { file: this.file, row: t.row, col: t.col }
  }
  error(msg: string, t: Token = this.tok): never {
    throw new RegoError('rego_parse_error', msg, { file: this.file, line: t.row, column: t.col })
  }
  private unexpected(what?: string): never {
    const t = this.tok
    const desc = t.kind === 'eof' ? 'eof' : t.kind === 'nl' ? 'newline' : t.text
    this.error(`unexpected ${desc} token${what ? `: expected ${what}` : ''}`)
  }
  private is(text: string): boolean {
    const t = this.tok
    return (t.kind === 'punct' || t.kind === 'ident') && t.text === text
  }
  private isKw(text: string): boolean {
    return this.tok.kind === 'ident' && this.tok.text === text
  }
  private accept(text: string): boolean {
    if (this.is(text)) {
      this.p++
      return true
    }
    return false
  }
  private expect(text: string): Token {
    if (!this.is(text)) this.unexpected(`${text}`)
    return this.toks[this.p++]
  }
  private skipNL(): void {
    while (this.tok.kind === 'nl' || (this.tok.kind === 'punct' && this.tok.text === ';' && false))
      this.p++
  }

  // ---------------------------------------------------------------- module
  parseModule(): ModuleAST {
    this.skipNL()
    if (!this.isKw('package')) this.error('package expected')
    const pkgTok = this.tok
    this.p++
    const pkgRef = this.parseRefTerm(true)
    const pkg = ['data', ...refToPath(pkgRef, this)]
    this.endOfStatement()
    const mod: ModuleAST = {
      file: this.file,
      pkg,
      pkgLoc: this.loc(pkgTok),
      imports: [],
      rules: [],
      annotations: []
    }
    for (;;) {
      this.skipNL()
      if (this.tok.kind === 'eof') break
      if (this.isKw('import') && this.peek().kind !== 'punct') {
        mod.imports.push(this.parseImport())
        continue
      }
      if (this.isKw('package') && this.peek().kind !== 'punct')
        this.error('unexpected package keyword')
      for (const r of this.parseRule()) mod.rules.push(r)
    }
    return mod
  }

  private endOfStatement(): void {
    if (this.tok.kind === 'nl' || this.tok.kind === 'eof') return
    if (this.is(';')) {
      this.p++
      return
    }
    this.unexpected()
  }

  private parseImport(): ImportAST {
    const t = this.tok
    this.p++
    const path = this.parseRefTerm(true)
    let alias: string | undefined
    if (this.isKw('as')) {
      this.p++
      if (this.tok.kind !== 'ident') this.unexpected('ident')
      alias = this.tok.text
      this.p++
    }
    const head = path.t === 'ref' ? path.head : path
    const root = head.t === 'var' ? head.name : ''
    if (!['data', 'input', 'future', 'rego'].includes(root))
      this.error(`invalid import path: ${root}`, t)
    if (root === 'future' && path.t === 'ref') {
      const parts = refToPath(path, this)
      if (parts.includes('and') || parts.includes('or') || parts.length === 2)
        this.experimentalAndOr ||= parts.includes('and') || parts.includes('or')
    }
    this.endOfStatement()
    return { path, alias, loc: this.loc(t) }
  }

  private parseRule(): RuleAST[] {
    const start = this.tok
    const loc = this.loc()
    let isDefault = false
    if (
      this.isKw('default') &&
      this.peek().kind === 'ident' &&
      !this.peek().spaceBefore === false
    ) {
      isDefault = true
      this.p++
    }
    if (this.tok.kind !== 'ident') this.unexpected('rule')
    const headRef = this.parseRefTerm(false)
    const ref: Term[] = headRef.t === 'ref' ? [headRef.head, ...headRef.path] : [headRef]
    let args: Term[] | undefined
    if (this.is('(') && !this.tok.spaceBefore) {
      this.p++
      args = this.parseList(')', () => this.parseTermRel())
    }
    const rule: RuleAST = {
      ref,
      args,
      kind: 'single',
      assign: false,
      body: [],
      elses: [],
      isDefault,
      loc
    }
    void start
    if (isDefault) {
      if (!this.accept(':=') && !this.accept('=')) this.unexpected(':=')
      rule.value = this.parseTermIn()
      rule.assign = true
      this.endOfStatement()
      return [rule]
    }
    if (this.isKw('contains')) {
      this.p++
      rule.kind = 'multi'
      rule.value = this.parseTermIn()
    } else if (this.is(':=') || this.is('=')) {
      this.p++
      rule.value = this.parseTermIn()
      rule.assign = true
    }
    const usedIf = this.isKw('if')
    if (
      this.v0 &&
      !usedIf &&
      rule.kind === 'single' &&
      !rule.value &&
      !args &&
      ref.length === 2 &&
      !(ref[1].t === 'val' && ref[1].loc.row === ref[0].loc.row && this.isDotted(ref))
    ) {
      // Rego v0: `p[x] { ... }` is a partial set
      rule.kind = 'multi'
      rule.value = ref[1]
      rule.ref = [ref[0]]
    }
    const hasBody = this.parseRuleBody(rule.body)
    if (!hasBody && rule.kind === 'single' && !rule.value && !args) {
      // `p` alone or `p.q.r` alone: a rule with value true
    }
    // else chains
    for (;;) {
      const save = this.p
      this.skipNL()
      if (!this.isKw('else') || this.nextIsRefCont()) {
        this.p = save
        break
      }
      const eloc = this.loc()
      this.p++
      let value: Term | undefined
      if (this.accept(':=') || this.accept('=')) value = this.parseTermIn()
      const body: Expr[] = []
      this.parseRuleBody(body)
      rule.elses.push({ value, body, loc: eloc })
    }
    this.endOfStatement()
    return [rule]
  }

  /** `if { ... }`, `if literal`, `{ ... }` or nothing. Returns whether a body was present. */
  private parseRuleBody(out: Expr[]): boolean {
    if (this.isKw('if')) {
      this.p++
      if (this.is('{')) {
        // either a body block, or a literal starting with an object/set term: try block first
        const save = this.p
        try {
          this.p++
          out.push(...this.parseBodyUntil('}'))
          return true
        } catch (e) {
          this.p = save
          const lit = this.tryParse(() => this.parseLiteral())
          if (!lit) throw e
          out.push(lit)
          return true
        }
      }
      out.push(this.parseLiteral())
      return true
    }
    if (this.is('{')) {
      if (!this.v0) this.error('`if` keyword is required before rule body')
      this.p++
      out.push(...this.parseBodyUntil('}'))
      return true
    }
    return false
  }

  private tryParse<T>(f: () => T): T | undefined {
    const save = this.p
    try {
      return f()
    } catch {
      this.p = save
      return undefined
    }
  }

  /** body literals separated by `;`/newlines, ending with `close` (consumed). */
  parseBodyUntil(close: string): Expr[] {
    const out: Expr[] = []
    for (;;) {
      while (this.tok.kind === 'nl' || this.is(';')) this.p++
      if (this.is(close)) {
        this.p++
        break
      }
      if (this.tok.kind === 'eof') this.unexpected(close)
      out.push(this.parseLiteral())
      if (this.is(close)) continue
      if (this.kind() !== 'nl' && !this.is(';')) this.unexpected()
    }
    if (out.length === 0) this.error('found empty body')
    return out
  }

  parseQueryBody(): Expr[] {
    const out: Expr[] = []
    for (;;) {
      while (this.tok.kind === 'nl' || this.is(';')) this.p++
      if (this.tok.kind === 'eof') break
      out.push(this.parseLiteral())
      const kd = this.kind()
      if (kd !== 'nl' && !this.is(';') && kd !== 'eof') this.unexpected()
    }
    if (out.length === 0) this.error('empty query')
    return out
  }

  // ---------------------------------------------------------------- literals
  parseLiteral(): Expr {
    const loc = this.loc()
    let e: Expr
    if (this.isKw('some') && !this.nextIsRefCont()) {
      this.p++
      const vars = [this.parseTermRel()]
      while (this.accept(',')) {
        this.skipNL()
        vars.push(this.parseTermRel())
      }
      if (this.isKw('in')) {
        this.p++
        this.skipNL()
        const domain = this.parseTermRel()
        if (vars.length > 2) this.error('unexpected , token')
        e =
          vars.length === 2
            ? { k: 'somein', key: vars[0], value: vars[1], domain, neg: false, withs: [], loc }
            : { k: 'somein', value: vars[0], domain, neg: false, withs: [], loc }
      } else {
        for (const v of vars) if (v.t !== 'var') this.error('expected var in some declaration')
        e = { k: 'some', vars, neg: false, withs: [], loc }
      }
    } else if (this.isKw('every') && !this.nextIsRefCont()) {
      this.p++
      const first = this.parseTermRel()
      let key: Term | undefined
      let value = first
      if (this.accept(',')) {
        key = first
        value = this.parseTermRel()
      }
      if (!this.isKw('in')) this.unexpected('in')
      this.p++
      const domain = this.parseTermRel()
      this.expect('{')
      const body = this.parseBodyUntil('}')
      e = { k: 'every', key, value, domain, body, neg: false, withs: [], loc }
    } else if (this.isKw('not') && !this.nextIsRefCont() && !this.experimentalAndOr) {
      this.p++
      if (this.is('{')) {
        const body = this.tryParse(() => {
          this.p++
          const b = this.parseBodyUntil('}')
          if (!this.isLitEnd()) throw new Error('not a body')
          return b
        })
        if (body) {
          e = {
            k: 'not',
            expr: { k: 'or', alts: [body], neg: false, withs: [], loc },
            neg: true,
            withs: [],
            loc
          }
          this.parseWiths(e)
          return e
        }
      }
      const inner = this.parseLiteral()
      return { k: 'not', expr: inner, neg: true, withs: [], loc }
    } else {
      e = this.parseExprOr()
    }
    this.parseWiths(e)
    return e
  }

  private nextIsRefCont(): boolean {
    const n = this.peek()
    return (
      n.kind === 'punct' && !n.spaceBefore && (n.text === '.' || n.text === '[' || n.text === '(')
    )
  }

  /** expression with experimental and/or over whole literals */
  private parseExprOr(): Expr {
    const first = this.parseExprAnd()
    if (!(this.experimentalAndOr && this.isKw('or'))) return first
    const alts: Expr[][] = [[first]]
    while (this.experimentalAndOr && this.isKw('or')) {
      this.p++
      this.skipNL()
      alts.push([this.parseExprAnd()])
    }
    return { k: 'or', alts, neg: false, withs: [], loc: first.loc }
  }

  private parseExprAnd(): Expr {
    const first = this.parseOperand()
    if (!(this.experimentalAndOr && this.isKw('and'))) return first
    const parts: Expr[] = [first]
    while (this.experimentalAndOr && this.isKw('and')) {
      this.p++
      this.skipNL()
      parts.push(this.parseOperand())
    }
    // conjunction = one alternative of several operands, each evaluated once
    return {
      k: 'or',
      alts: [
        parts.map((x): Expr =>
          x.k === 'or' ? x : { k: 'or', alts: [[x]], neg: false, withs: [], loc: x.loc }
        )
      ],
      neg: false,
      withs: [],
      loc: first.loc
    }
  }

  private isLitEnd(): boolean {
    const t = this.tok
    if (t.kind === 'nl' || t.kind === 'eof') return true
    if (t.kind === 'punct' && ['}', ';', ']', ')', '|'].includes(t.text)) return true
    return t.kind === 'ident' && (t.text === 'with' || t.text === 'and' || t.text === 'or')
  }

  private parseOperand(): Expr {
    if (!this.experimentalAndOr) return this.parseExpr()
    const loc = this.loc()
    if (this.isKw('not') && !this.nextIsRefCont()) {
      this.p++
      const inner = this.parseOperand()
      this.parseWiths(inner)
      return { k: 'not', expr: inner, neg: true, withs: [], loc }
    }
    if (this.is('{')) {
      const r = this.tryParse(() => {
        this.p++
        const body = this.parseBodyUntil('}')
        if (!this.isLitEnd()) throw new Error('not a body')
        const r: Expr = { k: 'or', alts: [body], neg: false, withs: [], loc }
        return r
      })
      if (r) return r
    }
    if (this.is('(')) {
      const r = this.tryParse(() => {
        this.p++
        this.skipNL()
        const inner = this.parseExprOr()
        this.parseWiths(inner)
        this.skipNL()
        this.expect(')')
        if (!this.isLitEnd()) throw new Error('not a group')
        return inner
      })
      if (r) return r
    }
    return this.parseExpr()
  }

  private parseWiths(e: Expr): void {
    for (;;) {
      if (this.isKw('with') && this.nextIsRefCont()) return
      if (!this.isKw('with')) {
        // `with` may continue on the next line
        let j = this.p
        while (this.toks[j].kind === 'nl') j++
        const t = this.toks[j]
        const n = this.toks[Math.min(j + 1, this.toks.length - 1)]
        const refCont =
          n.kind === 'punct' &&
          !n.spaceBefore &&
          (n.text === '.' || n.text === '[' || n.text === '(')
        if (j !== this.p && t.kind === 'ident' && t.text === 'with' && !refCont) this.p = j
        else return
      }
      const wloc = this.loc()
      this.p++
      const target = this.parseRefTerm(true)
      if (!this.isKw('as')) this.unexpected('as')
      this.p++
      const value = this.parseTermIn()
      e.withs.push({ target, value, loc: wloc } satisfies With)
    }
  }

  private parseExpr(): Expr {
    const loc = this.loc()
    let lhs = this.parseTermIn()
    if (this.is(',')) lhs = this.parseMember3(lhs)
    if (this.is('=') || this.is(':=')) {
      const op = this.tok.text === '=' ? 'eq' : 'assign'
      this.p++
      this.skipNL()
      const rhs = this.parseTermIn()
      return {
        k: 'term',
        term: { t: 'call', fn: op, args: [lhs, rhs], loc },
        neg: false,
        withs: [],
        loc
      }
    }
    return { k: 'term', term: lhs, neg: false, withs: [], loc }
  }

  /** `key, value in collection` after the key has been parsed */
  private parseMember3(key: Term): Term {
    this.expect(',')
    this.skipNL()
    const value = this.parseTermRel()
    if (!this.isKw('in')) this.unexpected('in')
    this.p++
    this.skipNL()
    const coll = this.parseTermRel()
    let t: Term = { t: 'call', fn: 'internal.member_3', args: [key, value, coll], loc: key.loc }
    while (this.isKw('in')) {
      this.p++
      this.skipNL()
      t = { t: 'call', fn: 'internal.member_2', args: [t, this.parseTermRel()], loc: key.loc }
    }
    return t
  }

  // ---------------------------------------------------------------- terms
  parseTermIn(): Term {
    let lhs = this.parseTermRel()
    // `k, v in xs` only appears after `some`; plain `x in xs` is membership
    while (this.isKw('in')) {
      const loc = this.loc()
      this.p++
      this.skipNL()
      const rhs = this.parseTermRel()
      lhs = { t: 'call', fn: 'internal.member_2', args: [lhs, rhs], loc }
    }
    return lhs
  }

  parseTermRel(): Term {
    let lhs = this.parseTermOr()
    for (;;) {
      const t = this.tok
      if (t.kind !== 'punct' || !(t.text in REL_OPS)) return lhs
      this.p++
      this.skipNL()
      const rhs = this.parseTermOr()
      lhs = { t: 'call', fn: REL_OPS[t.text], args: [lhs, rhs], loc: lhs.loc }
    }
  }

  private parseTermOr(): Term {
    let lhs = this.parseTermAnd()
    while (this.is('|') && this.depth >= 0) {
      if (this.noPipe) return lhs
      this.p++
      this.skipNL()
      const rhs = this.parseTermAnd()
      lhs = { t: 'call', fn: 'or', args: [lhs, rhs], loc: lhs.loc }
    }
    return lhs
  }
  private noPipe = false

  /** A term that a top-level `|` ends (the head of a comprehension); restores the mode after. */
  private parseTermInNoPipe(): Term {
    const saved = this.noPipe
    this.noPipe = true
    try {
      return this.parseTermIn()
    } finally {
      this.noPipe = saved
    }
  }

  private parseTermAnd(): Term {
    let lhs = this.parseTermArith()
    while (this.is('&')) {
      this.p++
      this.skipNL()
      const rhs = this.parseTermArith()
      lhs = { t: 'call', fn: 'and', args: [lhs, rhs], loc: lhs.loc }
    }
    return lhs
  }

  private parseTermArith(): Term {
    let lhs = this.parseTermFactor()
    for (;;) {
      const t = this.tok
      if (t.kind !== 'punct' || !(t.text in ARITH_OPS)) return lhs
      this.p++
      this.skipNL()
      const rhs = this.parseTermFactor()
      lhs = { t: 'call', fn: ARITH_OPS[t.text], args: [lhs, rhs], loc: lhs.loc }
    }
  }

  private parseTermFactor(): Term {
    let lhs = this.parseTerm()
    for (;;) {
      const t = this.tok
      if (t.kind !== 'punct' || !(t.text in FACTOR_OPS)) return lhs
      this.p++
      this.skipNL()
      const rhs = this.parseTerm()
      lhs = { t: 'call', fn: FACTOR_OPS[t.text], args: [lhs, rhs], loc: lhs.loc }
    }
  }

  /** a ref (var followed by .name / [term] ), used for package, import, with targets, rule heads */
  parseRefTerm(allowKeywordHead: boolean): Term {
    const t = this.tok
    if (t.kind !== 'ident') this.unexpected('ident')
    if (!allowKeywordHead && ['true', 'false', 'null'].includes(t.text) && !this.nextIsRefCont())
      this.error(`unexpected ${t.text} keyword`)
    this.p++
    const head: Term = { t: 'var', name: t.text, loc: this.loc(t) }
    const path: Term[] = []
    for (;;) {
      const n = this.tok
      if (n.kind === 'punct' && n.text === '.' && !n.spaceBefore) {
        this.p++
        const id = this.tok
        if (id.kind !== 'ident') this.unexpected('ident')
        this.p++
        const seg: Term = { t: 'val', v: id.text, loc: this.loc(id) }
        this.dotted.add(seg)
        path.push(seg)
      } else if (n.kind === 'punct' && n.text === '[' && !n.spaceBefore) {
        this.p++
        this.skipNL()
        path.push(this.parseTermIn())
        this.skipNL()
        this.expect(']')
      } else break
    }
    return path.length ? { t: 'ref', head, path, loc: head.loc } : head
  }

  parseTerm(): Term {
    if (++this.depth > 1000) this.error('expression nesting too deep')
    try {
      let term = this.parsePrimary()
      // ref / call continuations
      for (;;) {
        const n = this.tok
        if (n.kind !== 'punct' || n.spaceBefore) break
        if (n.text === '.') {
          this.p++
          const id = this.tok
          if (id.kind !== 'ident') this.unexpected('ident')
          this.p++
          term = appendRef(term, { t: 'val', v: id.text, loc: this.loc(id) })
        } else if (n.text === '[') {
          this.p++
          this.skipNL()
          const k = this.parseTermIn()
          this.skipNL()
          this.expect(']')
          term = appendRef(term, k)
        } else if (n.text === '(') {
          const fn = callName(term)
          if (fn === undefined) break
          this.p++
          const args = this.parseList(')', () => this.parseTermIn())
          if (fn === 'set' && args.length === 0) term = { t: 'set', items: [], loc: term.loc }
          else term = { t: 'call', fn, args, loc: term.loc }
        } else break
      }
      return term
    } finally {
      this.depth--
    }
  }

  private parseList(close: string, item: () => Term): Term[] {
    const out: Term[] = []
    const saveNoPipe = this.noPipe
    this.noPipe = false
    try {
      this.skipNL()
      while (!this.is(close)) {
        out.push(item())
        this.skipNL()
        if (!this.accept(',')) break
        this.skipNL()
      }
      this.skipNL()
      this.expect(close)
      return out
    } finally {
      this.noPipe = saveNoPipe
    }
  }

  private parsePrimary(): Term {
    const t = this.tok
    const loc = this.loc()
    switch (t.kind) {
      case 'num':
        this.p++
        return { t: 'val', v: parseNumber(t.text), loc }
      case 'str':
      case 'rawstr':
        this.p++
        return { t: 'val', v: t.value!, loc }
      case 'tmpl': {
        this.p++
        const parts: (string | Expr)[] = []
        for (const part of t.parts!) {
          if (part.text !== undefined) parts.push(part.text)
          else {
            const sub = new Parser(lex(part.src!, this.file, part.row, part.col), this.file)
            sub.experimentalAndOr = this.experimentalAndOr
            sub.skipNL()
            if (sub.tok.kind === 'eof') sub.error('empty template expression')
            const e = sub.parseLiteral()
            sub.skipNL()
            if (sub.tok.kind !== 'eof') sub.unexpected()
            parts.push(e)
          }
        }
        return { t: 'template', parts, loc }
      }
      case 'ident': {
        this.p++
        const cont =
          this.tok.kind === 'punct' &&
          !this.tok.spaceBefore &&
          (this.tok.text === '.' || this.tok.text === '[' || this.tok.text === '(')
        if (!cont)
          switch (t.text) {
            case 'true':
              return { t: 'val', v: true, loc }
            case 'false':
              return { t: 'val', v: false, loc }
            case 'null':
              return { t: 'val', v: null, loc }
          }
        if (KEYWORDS.has(t.text) && !cont) {
          this.p--
          this.unexpected()
        }
        if (t.text === '_') return { t: 'var', name: `$_${wildcardCounter++}`, loc }
        return { t: 'var', name: t.text, loc }
      }
      case 'punct':
        break
      default:
        this.unexpected()
    }
    if (t.text === '(') {
      this.p++
      this.skipNL()
      const saveNoPipe = this.noPipe
      this.noPipe = false
      let inner = this.parseTermIn()
      if (this.is(',')) inner = this.parseMember3(inner)
      this.noPipe = saveNoPipe
      this.skipNL()
      this.expect(')')
      return inner
    }
    if (t.text === '-') {
      this.p++
      const n = this.tok
      if (n.kind === 'num' && !n.spaceBefore) {
        this.p++
        const v = parseNumber(n.text)
        return { t: 'val', v: typeof v === 'bigint' ? -v : v === 0 ? 0 : -v, loc }
      }
      const operand = this.parseTerm()
      return { t: 'call', fn: 'minus', args: [{ t: 'val', v: 0, loc }, operand], loc }
    }
    if (t.text === '[') {
      this.p++
      this.skipNL()
      if (this.is(']')) {
        this.p++
        return { t: 'array', items: [], loc }
      }
      const first = this.parseTermInNoPipe()
      this.skipNL()
      if (this.is('|')) {
        this.p++
        const body = this.parseBodyUntil(']')
        return { t: 'acomp', term: first, body, loc }
      }
      const items = [first]
      if (this.accept(',')) {
        this.skipNL()
        items.push(...this.parseList(']', () => this.parseTermIn()))
      } else {
        this.skipNL()
        this.expect(']')
      }
      return { t: 'array', items, loc }
    }
    if (t.text === '{') {
      this.p++
      this.skipNL()
      if (this.is('}')) {
        this.p++
        return { t: 'object', pairs: [], loc }
      }
      const first = this.parseTermInNoPipe()
      this.skipNL()
      if (this.is(':')) {
        this.p++
        this.skipNL()
        const v = this.parseTermInNoPipe()
        this.skipNL()
        if (this.is('|')) {
          this.p++
          const body = this.parseBodyUntil('}')
          return { t: 'ocomp', key: first, value: v, body, loc }
        }
        const pairs: [Term, Term][] = [[first, v]]
        while (this.accept(',')) {
          this.skipNL()
          if (this.is('}')) break
          const k = this.parseTermIn()
          this.skipNL()
          this.expect(':')
          this.skipNL()
          const val = this.parseTermIn()
          this.skipNL()
          pairs.push([k, val])
        }
        this.skipNL()
        this.expect('}')
        return { t: 'object', pairs, loc }
      }
      if (this.is('|')) {
        this.p++
        const body = this.parseBodyUntil('}')
        return { t: 'scomp', term: first, body, loc }
      }
      const items = [first]
      if (this.accept(',')) {
        this.skipNL()
        items.push(...this.parseList('}', () => this.parseTermIn()))
      } else {
        this.skipNL()
        this.expect('}')
      }
      return { t: 'set', items, loc }
    }
    this.unexpected()
  }
}

function appendRef(term: Term, k: Term): Term {
  if (term.t === 'ref') return { t: 'ref', head: term.head, path: [...term.path, k], loc: term.loc }
  return { t: 'ref', head: term, path: [k], loc: term.loc }
}

/** dotted name of a ref usable as a function name (vars and string keys only) */
function callName(term: Term): string | undefined {
  if (term.t === 'var') return term.name
  if (term.t !== 'ref' || term.head.t !== 'var') return undefined
  const parts = [term.head.name]
  for (const p of term.path) {
    if (p.t !== 'val' || typeof p.v !== 'string') return undefined
    parts.push(p.v)
  }
  return parts.join('.')
}

export function refToPath(t: Term, p?: { error(msg: string): never }): string[] {
  if (t.t === 'var') return [t.name]
  if (t.t === 'ref' && t.head.t === 'var') {
    const out = [t.head.name]
    for (const x of t.path) {
      if (x.t !== 'val' || typeof x.v !== 'string') {
        if (p) p.error('unexpected non-string path element')
        throw new Error('non-string path')
      }
      out.push(x.v)
    }
    return out
  }
  if (p) p.error('expected reference')
  throw new Error('expected reference')
}

export function parseNumber(text: string): number | bigint {
  if (/^-?[0-9]+$/.test(text)) {
    const n = Number(text)
    if (Number.isSafeInteger(n)) return n
    return BigInt(text)
  }
  const n = Number(text)
  if (Number.isInteger(n) && !Number.isSafeInteger(n) && /^[0-9]+(\.0*)?$/.test(text))
    return BigInt(text.split('.')[0])
  return n
}

function hasAndOrImport(src: string): boolean {
  return /^\s*import\s+future\.keywords(\.(and|or))?\s*$/m.test(src)
}

export function parseModule(src: string, file: string, opts: ParseOptions = {}): ModuleAST {
  const comments: Comment[] = []
  const p = new Parser(lex(src, file, 1, 1, comments), file)
  p.experimentalAndOr = opts.experimental === true && hasAndOrImport(src)
  p.v0 = opts.regoVersion === 'v0' && !/^\s*import\s+rego\.v1\s*$/m.test(src)
  const mod = p.parseModule()
  attachAnnotations(mod, comments)
  return mod
}

/** `# METADATA` comment blocks → annotations of the next package or rule */
function attachAnnotations(mod: ModuleAST, comments: Comment[]): void {
  for (let i = 0; i < comments.length; i++) {
    if (comments[i].text.trim() !== 'METADATA') continue
    const start = comments[i]
    const lines: string[] = []
    let j = i + 1
    let lastRow = start.row
    while (
      j < comments.length &&
      comments[j].row === lastRow + 1 &&
      comments[j].col === start.col
    ) {
      lines.push(comments[j].text.startsWith(' ') ? comments[j].text.slice(1) : comments[j].text)
      lastRow = comments[j].row
      j++
    }
    i = j - 1
    let value: Record<string, unknown>
    try {
      const parsed = parseYAML(lines.join('\n')) as unknown
      value =
        parsed && typeof parsed === 'object' && !Array.isArray(parsed)
          ? (parsed as Record<string, unknown>)
          : {}
    } catch (e) {
      throw new RegoError(
        'rego_parse_error',
        `invalid METADATA block: ${(e as Error).message.split('\n')[0]}`,
        { file: mod.file, line: start.row, column: start.col }
      )
    }
    const target = mod.rules.find(r => r.loc.row > lastRow)
    const isPkg = mod.pkgLoc.row > lastRow && (!target || target.loc.row > mod.pkgLoc.row)
    const scope = typeof value.scope === 'string' ? value.scope : isPkg ? 'package' : 'rule'
    if (Array.isArray(value.authors))
      value.authors = value.authors.map(a => {
        if (typeof a !== 'string') return a as unknown
        const m = /^(.*?)\s*<([^>]+)>$/.exec(a)
        return m ? (m[1] ? { name: m[1], email: m[2] } : { email: m[2] }) : { name: a }
      })
    const annotation: Record<string, unknown> = { ...value, scope }
    mod.annotations.push({
      scope,
      value: annotation,
      loc: { file: mod.file, row: start.row, col: start.col },
      target: isPkg ? undefined : target
    })
  }
}

export function parseQuery(src: string, file = 'query', opts: ParseOptions = {}): Expr[] {
  const p = new Parser(lex(src, file), file)
  p.experimentalAndOr = opts.experimental === true
  return p.parseQueryBody()
}

export function parseTermSource(src: string, file = 'term'): Term {
  const p = new Parser(lex(src, file), file)
  const body = p.parseQueryBody()
  const e = body[0]
  if (body.length !== 1 || e.k !== 'term') return p.error('expected a term')
  return e.term
}
