/**
 * License strings → SPDX: a small SPDX-expression parser over the license/exception ids the
 * bundled CycloneDX schema accepts, so `license.id` never fails schema validation and compound
 * expressions go to `expression`, never `id`.
 */
import { SPDX_IDS } from './spdx-ids.js'

const CANONICAL = new Map<string, string>()
for (const id of SPDX_IDS) CANONICAL.set(id.toLowerCase(), id)

export type LicenseChoice =
  | { kind: 'id'; id: string }
  | { kind: 'expression'; expression: string }
  | { kind: 'name'; name: string }

const REF = /^(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/

/** Canonical SPDX expression text, or undefined when `text` is not a valid expression. */
export function normalizeExpression(text: string): string | undefined {
  const tokens = text.replace(/\(/g, ' ( ').replace(/\)/g, ' ) ').trim().split(/\s+/)
  if (tokens.length === 0 || tokens[0] === '') return undefined
  let i = 0
  const peekOp = (): string | undefined => {
    const t = tokens[i]
    if (t === undefined) return undefined
    const u = t.toUpperCase()
    return u === 'AND' || u === 'OR' || u === 'WITH' ? u : undefined
  }
  const simple = (): string | undefined => {
    const t = tokens[i]
    if (t === undefined) return undefined
    if (REF.test(t)) {
      i++
      return t
    }
    const plus = t.endsWith('+')
    const id = CANONICAL.get((plus ? t.slice(0, -1) : t).toLowerCase())
    if (id === undefined) return undefined
    i++
    return plus ? `${id}+` : id
  }
  const factor = (): string | undefined => {
    if (tokens[i] === '(') {
      i++
      const inner = expr()
      if (inner === undefined || tokens[i] !== ')') return undefined
      i++
      return `(${inner})`
    }
    const s = simple()
    if (s === undefined) return undefined
    if (peekOp() === 'WITH') {
      i++
      const exc = tokens[i]
      const canon = exc === undefined ? undefined : CANONICAL.get(exc.toLowerCase())
      if (canon === undefined) return undefined
      i++
      return `${s} WITH ${canon}`
    }
    return s
  }
  const term = (): string | undefined => {
    let left = factor()
    while (left !== undefined && peekOp() === 'AND') {
      i++
      const right = factor()
      if (right === undefined) return undefined
      left = `${left} AND ${right}`
    }
    return left
  }
  const expr = (): string | undefined => {
    let left = term()
    while (left !== undefined && peekOp() === 'OR') {
      i++
      const right = term()
      if (right === undefined) return undefined
      left = `${left} OR ${right}`
    }
    return left
  }
  const out = expr()
  if (out === undefined || i !== tokens.length) return undefined
  // Drop one pair of redundant outer parentheses: "(MIT OR Apache-2.0)".
  if (out.startsWith('(') && out.endsWith(')') && balancedInside(out)) return out.slice(1, -1)
  return out
}

function balancedInside(s: string): boolean {
  let depth = 0
  for (let i = 1; i < s.length - 1; i++) {
    if (s[i] === '(') depth++
    else if (s[i] === ')') {
      depth--
      if (depth < 0) return false
    }
  }
  return depth === 0
}

export function classifyLicense(text: string): LicenseChoice {
  const expr = normalizeExpression(text)
  if (expr === undefined) return { kind: 'name', name: text }
  if (CANONICAL.get(expr.toLowerCase()) === expr) return { kind: 'id', id: expr }
  return { kind: 'expression', expression: expr }
}
