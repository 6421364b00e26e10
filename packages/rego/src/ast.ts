/** Rego abstract syntax tree, as produced by the parser and rewritten by the compiler. */
import type { Value } from './value.js'

export interface Loc {
  file: string
  row: number
  col: number
}

export type Term =
  | { t: 'val'; v: Value; loc: Loc }
  | { t: 'var'; name: string; loc: Loc }
  | { t: 'ref'; head: Term; path: Term[]; loc: Loc }
  | { t: 'array'; items: Term[]; loc: Loc }
  | { t: 'set'; items: Term[]; loc: Loc }
  | { t: 'object'; pairs: [Term, Term][]; loc: Loc }
  | { t: 'call'; fn: string; args: Term[]; loc: Loc }
  | { t: 'acomp'; term: Term; body: Expr[]; loc: Loc }
  | { t: 'scomp'; term: Term; body: Expr[]; loc: Loc }
  | { t: 'ocomp'; key: Term; value: Term; body: Expr[]; loc: Loc }
  | { t: 'template'; parts: (string | Expr)[]; loc: Loc }

export interface With {
  target: Term
  value: Term
  loc: Loc
}

export type Expr =
  | { k: 'term'; term: Term; neg: boolean; withs: With[]; loc: Loc }
  | { k: 'some'; vars: Term[]; neg: boolean; withs: With[]; loc: Loc }
  | { k: 'somein'; key?: Term; value: Term; domain: Term; neg: boolean; withs: With[]; loc: Loc }
  | {
      k: 'every'
      key?: Term
      value: Term
      domain: Term
      body: Expr[]
      neg: boolean
      withs: With[]
      loc: Loc
    }
  | { k: 'not'; expr: Expr; neg: boolean; withs: With[]; loc: Loc }
  /** experimental `and`/`or` on bodies */
  | { k: 'or'; alts: Expr[][]; neg: boolean; withs: With[]; loc: Loc }

export interface RuleAST {
  /** head reference: first element a var (rule name), then keys */
  ref: Term[]
  args?: Term[]
  /** 'single' = value rule / function / object entry; 'multi' = `contains` */
  kind: 'single' | 'multi'
  value?: Term
  /** true when the value was written with `:=` (or `=`), false for implicit `true` */
  assign: boolean
  body: Expr[]
  elses: { value?: Term; body: Expr[]; loc: Loc }[]
  isDefault: boolean
  loc: Loc
  annotations?: Record<string, unknown>
}

export interface ImportAST {
  path: Term
  alias?: string
  loc: Loc
}

export interface ModuleAST {
  file: string
  pkg: string[]
  pkgLoc: Loc
  imports: ImportAST[]
  rules: RuleAST[]
  /** METADATA blocks: attached to the package (target undefined) or to a rule */
  annotations: { scope: string; value: Record<string, unknown>; loc: Loc; target?: RuleAST }[]
}
