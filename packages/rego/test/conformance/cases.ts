/**
 * OPA compliance cases (v1/test/cases/testdata/v1 schema) and OPA's comparison rules
 * (topdown/exported_test.go testRun / testAssertResultSet).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import path from 'node:path'
import { parse as parseYAML } from 'yaml'
import { compile, parseValue } from '../../src/policy.js'
import { RegoError } from '../../src/errors.js'
import { RegoObject, RegoSet, type Value, compare, fromJSON, key, toJSON } from '../../src/value.js'

export interface TestCase {
  note: string
  query: string
  modules?: string[]
  data?: unknown
  input?: unknown
  input_term?: string
  want_result?: Record<string, unknown>[]
  want_error_code?: string
  want_error?: string
  strict_error?: boolean
  sort_bindings?: boolean
  ignore_generated_vars?: boolean
  experimental_keywords?: boolean
}

export interface LoadedCase {
  folder: string
  file: string
  index: number
  c: TestCase
}

export interface CaseResult {
  folder: string
  file: string
  index: number
  note: string
  pass: boolean
  reason?: string
}

export function sharedDir(repoRoot: string): string {
  return process.env.SECURE_PIPELINE_SHARED ?? path.resolve(repoRoot, '../shared')
}

export function casesDir(repoRoot: string): string | undefined {
  const d = path.join(sharedDir(repoRoot), 'conformance/rego/cases')
  return existsSync(d) ? d : undefined
}

export function loadCases(dir: string, folders?: string[]): LoadedCase[] {
  const out: LoadedCase[] = []
  for (const folder of readdirSync(dir).sort()) {
    if (folders && !folders.includes(folder)) continue
    const fdir = path.join(dir, folder)
    for (const file of readdirSync(fdir).sort()) {
      if (!file.endsWith('.yaml')) continue
      const text = readFileSync(path.join(fdir, file), 'utf8')
      const doc = parseYAML(text, { intAsBigInt: true }) as { cases?: TestCase[] }
      ;(doc.cases ?? []).forEach((c, index) =>
        out.push({ folder, file: `${folder}/${file}`, index, c })
      )
    }
  }
  return out
}

/** YAML (with bigints) → Rego value: safe integers become numbers */
function norm(j: unknown): Value {
  return fromJSON(fixBig(j))
}
function fixBig(j: unknown): unknown {
  if (typeof j === 'bigint')
    return j >= BigInt(Number.MIN_SAFE_INTEGER) && j <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(j)
      : j
  if (Array.isArray(j)) return j.map(fixBig)
  if (j && typeof j === 'object')
    return Object.fromEntries(Object.entries(j).map(([k, v]) => [k, fixBig(v)]))
  return j
}

function roundTrip(v: Value): Value {
  return fromJSON(toJSON(v))
}

function sortArray(v: Value): Value {
  return Array.isArray(v) ? [...v].sort(compare) : v
}

export function runCase(lc: LoadedCase): CaseResult {
  const { c } = lc
  const base = { folder: lc.folder, file: lc.file, index: lc.index, note: c.note }
  const wantsError = c.want_error !== undefined || c.want_error_code !== undefined
  try {
    const modules = (c.modules ?? []).map((source, i) => ({ path: `test-${i}.rego`, source }))
    const policy = compile(modules, {
      data: fixBig(c.data ?? {}),
      experimental: c.experimental_keywords === true
    })
    let inputValue: Value | undefined
    if (c.input_term !== undefined) inputValue = parseValue(c.input_term)
    else if (c.input !== undefined) inputValue = norm(c.input)
    const sols = policy.queryRaw(c.query, {
      inputValue,
      strictBuiltinErrors: c.strict_error === true,
      maxSteps: 5_000_000,
      timeoutMs: 10_000
    })
    if (wantsError)
      return {
        ...base,
        pass: false,
        reason: `expected error ${c.want_error_code ?? ''} ${c.want_error ?? ''}, got ${sols.length} result(s)`
      }
    const actual = new RegoSet()
    for (const s of sols) {
      const o = new RegoObject()
      for (const [k, v] of s.bindings) {
        if (c.ignore_generated_vars && k.startsWith('__localq')) continue
        let x = roundTrip(v)
        if (c.sort_bindings) x = sortArray(x)
        o.set(k, x)
      }
      actual.add(o)
    }
    const expected = new RegoSet()
    for (const w of c.want_result ?? []) {
      const o = new RegoObject()
      for (const [k, v] of Object.entries(w)) {
        let x = norm(v)
        if (c.sort_bindings) x = sortArray(x)
        o.set(k, x)
      }
      expected.add(o)
    }
    if (key(actual) === key(expected)) return { ...base, pass: true }
    return {
      ...base,
      pass: false,
      reason: `result mismatch: want ${short(expected)} got ${short(actual)}`
    }
  } catch (e) {
    const msg = e instanceof RegoError ? e.opaString() : e instanceof Error ? e.message : String(e)
    if (!wantsError) return { ...base, pass: false, reason: `unexpected error: ${firstLine(msg)}` }
    const code = e instanceof RegoError ? e.code : 'internal'
    if (c.want_error_code !== undefined && code !== c.want_error_code)
      return {
        ...base,
        pass: false,
        reason: `want error code ${c.want_error_code}, got ${code}: ${firstLine(msg)}`
      }
    if (c.want_error !== undefined && c.want_error !== '' && !msg.includes(c.want_error))
      return {
        ...base,
        pass: false,
        reason: `want error containing ${JSON.stringify(c.want_error)}, got ${JSON.stringify(firstLine(msg))}`
      }
    if (!(e instanceof RegoError))
      return { ...base, pass: false, reason: `internal error: ${firstLine(msg)}` }
    return { ...base, pass: true }
  }
}

function firstLine(s: string): string {
  const l = s.split('\n')[0]
  return l.length > 300 ? l.slice(0, 300) + '…' : l
}

function short(v: RegoSet): string {
  const s = JSON.stringify(toJSON(v), (_k, x: unknown) =>
    typeof x === 'bigint' ? x.toString() : x
  )
  return s.length > 300 ? s.slice(0, 300) + '…' : s
}

/** folders that test the language itself rather than one builtin */
export const LANGUAGE_FOLDERS = [
  'assignments',
  'baseandvirtualdocs',
  'comparisonexpr',
  'completedoc',
  'compositebasedereference',
  'compositereferences',
  'comprehensions',
  'containskeyword',
  'dataderef',
  'defaultkeyword',
  'disjunction',
  'elsekeyword',
  'embeddedvirtualdoc',
  'eqexpr',
  'evaltermexpr',
  'every',
  'example',
  'fix1863',
  'functionerrors',
  'functions',
  'helloworld',
  'indexing',
  'indirectreferences',
  'inputvalues',
  'keywordrefs',
  'logic_operators',
  'negation',
  'nestedreferences',
  'partialdocconstants',
  'partialiter',
  'partialobjectdoc',
  'partialsetdoc',
  'planner-ir',
  'refheads',
  'sets',
  'stringinterpolation',
  'topdowndynamicdispatch',
  'type',
  'undos',
  'varreferences',
  'virtualdocs',
  'withkeyword'
]
