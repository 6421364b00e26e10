/**
 * conftest semantics on top of our Rego engine: namespaces (`main` by default, globs,
 * all namespaces), `deny`/`violation`/`warn` rules with optional `_suffix`, string or object
 * messages, `exception[rules]`, `data.conftest.file`, `--combine`, success counting and exit
 * codes as conftest documents them. Every failure/warning also carries the document index and the
 * source line of the offending object (or of the field its metadata names).
 */
import path from 'node:path'
import { InputError, VERSION } from '@secure-pipeline/core'
import { compile, type Policy, type RegoModule } from '@secure-pipeline/rego'
import { builtinModules, builtinNamespaces, type BuiltinSetName } from './builtins.js'
import type { InputFile, SourceDocument } from './load.js'
import { parseFieldPath } from './paths.js'

export interface ResultItem {
  msg: string
  /** conftest's `loc`, from a message's `_loc` field. */
  loc?: { file?: string; line?: number | string }
  metadata?: Record<string, unknown>
}

export interface CheckResult {
  filename: string
  namespace: string
  successes: number
  failures: ResultItem[]
  warnings: ResultItem[]
  exceptions: ResultItem[]
}

export interface PolicySetOptions {
  /** User policy modules (conftest `-p` directories, already read). */
  modules?: RegoModule[]
  /** Built-in sets to add. */
  builtins?: readonly BuiltinSetName[]
  /** Base data document (`-d`). */
  data?: Record<string, unknown>
  /**
   * Environment that `opa.runtime().env` shows policies (conftest passes its whole environment);
   * variables that hold credentials (names with TOKEN, SECRET, PASSWORD, PRIVATE, CREDENTIAL, and
   * the runner's INPUT_* and ACTIONS_*) are left out. Default: none.
   */
  env?: NodeJS.ProcessEnv
}

export interface CheckOptions {
  /** Namespaces or globs (`*?[`); default `main` when user policies are loaded. */
  namespaces?: readonly string[]
  allNamespaces?: boolean
  combine?: boolean
  /** Directory that `data.conftest.file.dir` of the Combined input resolves against. */
  cwd?: string
}

const FAILURE_RULE = /^(deny|violation)(_[a-zA-Z0-9]+)*$/
const WARNING_RULE = /^warn(_[a-zA-Z0-9]+)*$/
const RULE_HEAD =
  /^(deny|violation|warn)((?:_[a-zA-Z0-9]+)*)(?=\s*(?:\[|contains\b|if\b|\{|:=|=[^=]|$))/gm
const PACKAGE_DECL = /^\s*package\s+([A-Za-z_][\w.]*)/m

export function isFailureRule(rule: string): boolean {
  return FAILURE_RULE.test(rule)
}

export function isWarningRule(rule: string): boolean {
  return WARNING_RULE.test(rule)
}

/**
 * The name conftest matches exceptions against: a bare deny/violation/warn is "", otherwise the
 * prefixes `violation_`, `deny_` and `warn_` are trimmed in that order (deny_foo → foo).
 */
export function exceptionName(rule: string): string {
  if (rule === 'deny' || rule === 'violation' || rule === 'warn') return ''
  let name = rule
  for (const prefix of ['violation_', 'deny_', 'warn_'])
    if (name.startsWith(prefix)) name = name.slice(prefix.length)
  return name
}

interface NamespaceInfo {
  rules: string[]
  /** Rule bodies (definitions) of deny/violation/warn rules, for conftest's success count. */
  ruleCount: number
  hasException: boolean
}

/** A compiled set of policies (user + built-in), reusable across many inputs. */
export class PolicySet {
  readonly policy: Policy
  readonly data: Record<string, unknown>
  readonly userPackages: string[]
  readonly builtinNamespaces: string[]
  private readonly bodyCounts = new Map<string, number>()
  private readonly infoCache = new Map<string, NamespaceInfo>()

  constructor(options: PolicySetOptions) {
    const user = options.modules ?? []
    for (const m of user) rejectRefHeadRules(m)
    const builtins = builtinModules(options.builtins ?? [])
    const modules = [...user, ...builtins]
    if (modules.length === 0)
      throw new InputError(
        'POLICY_NONE',
        'no policies to evaluate: pass a policy directory (-p) or a built-in set (--builtin)'
      )
    this.data = options.data ?? {}
    if (builtins.length > 0) checkPssVersion(this.data)
    this.policy = compile(modules, { data: this.data })
    this.builtinNamespaces = builtinNamespaces(options.builtins ?? [])
    this.runtime = { env: policyEnv(options.env ?? {}), version: VERSION, commit: '' }
    const pkgs = new Set<string>()
    for (const m of modules) {
      const pkg = PACKAGE_DECL.exec(m.source)?.[1]
      if (!pkg) continue
      if (!builtins.includes(m)) pkgs.add(pkg)
      const bodies = m.source.replace(/#.*$/gm, '').match(RULE_HEAD)?.length ?? 0
      this.bodyCounts.set(pkg, (this.bodyCounts.get(pkg) ?? 0) + bodies)
    }
    this.userPackages = [...pkgs].sort()
    this.hasUserModules = user.length > 0
  }

  readonly hasUserModules: boolean
  /** What `opa.runtime()` returns: `{env, version, commit}`, as in conftest. */
  readonly runtime: { env: Record<string, string>; version: string; commit: string }

  /** The namespaces a run evaluates, in order: user ones (default `main`), then built-in ones. */
  resolveNamespaces(options: CheckOptions = {}): string[] {
    const out: string[] = []
    const add = (ns: string): void => {
      if (!out.includes(ns)) out.push(ns)
    }
    if (options.allNamespaces) {
      for (const p of this.userPackages) add(p)
    } else if (this.hasUserModules || (options.namespaces && options.namespaces.length > 0)) {
      const patterns =
        options.namespaces && options.namespaces.length > 0 ? options.namespaces : ['main']
      // Globs match the user's packages (and the selected built-in sets), not helper libraries.
      const known = [...this.userPackages, ...this.builtinNamespaces]
      for (const pattern of patterns) {
        if (/[*?[]/.test(pattern)) {
          for (const p of known) if (globMatch(pattern, p)) add(p)
        } else add(pattern)
      }
    }
    for (const ns of this.builtinNamespaces) add(ns)
    return out
  }

  private info(ns: string): NamespaceInfo {
    let info = this.infoCache.get(ns)
    if (!info) {
      let names: string[]
      try {
        names = this.policy.rules(ns)
      } catch {
        names = []
      }
      const rules: string[] = []
      for (const r of names) {
        if (!isFailureRule(r) && !isWarningRule(r)) continue
        if (!rules.some(x => x.toLowerCase() === r.toLowerCase())) rules.push(r)
      }
      info = {
        rules,
        ruleCount: Math.max(this.bodyCounts.get(ns) ?? 0, rules.length),
        hasException: names.includes('exception')
      }
      this.infoCache.set(ns, info)
    }
    return info
  }

  private readonly queryCache = new Map<string, string>()

  /**
   * Evaluates the namespace's deny/violation/warn rules and `exception` in one query, so helper
   * rules they share (e.g. a `violations` set behind both `deny` and `warn`) are computed once per
   * input. Each rule is wrapped in a comprehension, which is defined even when the rule is not.
   */
  private evaluateNamespace(
    ns: string,
    info: NamespaceInfo,
    input: unknown,
    data: Record<string, unknown>
  ): { rules: Map<string, unknown>; exception: unknown } {
    const rules = new Map<string, unknown>()
    if (info.rules.length === 0) return { rules, exception: undefined }
    let text = this.queryCache.get(ns)
    if (text === undefined) {
      const base = dataRef(ns)
      const parts = info.rules.map((r, i) => `r${i} := [v | v := ${base}.${r}]`)
      if (info.hasException) parts.push(`exc := [v | v := ${base}.exception]`)
      text = parts.join('; ')
      this.queryCache.set(ns, text)
    }
    const [solution] = this.policy.query(text, { input, data, runtime: this.runtime })
    const bindings = solution?.bindings ?? {}
    const first = (name: string): unknown => {
      const list = bindings[name]
      return Array.isArray(list) && list.length > 0 ? (list[0] as unknown) : undefined
    }
    info.rules.forEach((r, i) => rules.set(r, first(`r${i}`)))
    return { rules, exception: info.hasException ? first('exc') : undefined }
  }

  /**
   * conftest's check of one input document against one namespace. The built-in sets check each
   * item of a Kubernetes list (`kind: List`, `PodList`, ...) as its own object; user policies see
   * the document as it is, as in conftest.
   */
  checkDocument(
    ns: string,
    input: unknown,
    fileData: Record<string, unknown>,
    doc?: SourceDocument,
    filename?: string
  ): Omit<CheckResult, 'filename' | 'namespace'> {
    const items = this.builtinNamespaces.includes(ns) ? listItems(input, doc) : undefined
    if (!items) return this.checkOne(ns, input, fileData, doc, filename)
    const out = {
      successes: 0,
      failures: [] as ResultItem[],
      warnings: [] as ResultItem[],
      exceptions: [] as ResultItem[]
    }
    for (const item of items) {
      const r = this.checkOne(ns, item.value, fileData, item.doc, filename)
      out.successes += r.successes
      out.failures.push(...r.failures)
      out.warnings.push(...r.warnings)
      out.exceptions.push(...r.exceptions)
    }
    return out
  }

  private checkOne(
    ns: string,
    input: unknown,
    fileData: Record<string, unknown>,
    doc?: SourceDocument,
    filename?: string
  ): Omit<CheckResult, 'filename' | 'namespace'> {
    const info = this.info(ns)
    const out = {
      successes: 0,
      failures: [] as ResultItem[],
      warnings: [] as ResultItem[],
      exceptions: [] as ResultItem[]
    }
    const values = this.evaluateNamespace(ns, info, input, fileData)
    const exceptionSets = Array.isArray(values.exception) ? values.exception : []
    for (const rule of info.rules) {
      const excName = exceptionName(rule)
      let excCount = 0
      for (const set of exceptionSets) {
        if (Array.isArray(set)) for (const name of set) if (name === excName) excCount++
      }
      if (excCount > 0) {
        const query = `data.${ns}.exception[_][_] == ${JSON.stringify(excName)}`
        for (let i = 0; i < excCount; i++)
          out.exceptions.push({ msg: query, metadata: locationMetadata(doc, undefined) })
        continue
      }
      const value = values.rules.get(rule)
      const items = Array.isArray(value) ? value : []
      if (items.length === 0) {
        out.successes++
        continue
      }
      for (const item of items) {
        const result = toResultItem(item, ns, rule, doc, filename)
        if (!result) continue
        if (isFailureRule(rule)) out.failures.push(result)
        else out.warnings.push(result)
      }
    }
    const resultCount =
      out.failures.length + out.warnings.length + out.exceptions.length + out.successes
    if (resultCount < info.ruleCount) out.successes += info.ruleCount - resultCount
    return out
  }

  /** Checks loaded input files: one CheckResult per file and namespace (conftest's order). */
  check(files: readonly InputFile[], options: CheckOptions = {}): CheckResult[] {
    const namespaces = this.resolveNamespaces(options)
    const results: CheckResult[] = []
    let perFile = namespaces
    if (options.combine) {
      const combined = combineInputs(files)
      // conftest writes {name: base name, dir: absolute directory} of the path it checks
      const fileData = {
        ...this.data,
        conftest: { file: { name: 'Combined', dir: path.resolve(options.cwd ?? process.cwd()) } }
      }
      for (const ns of namespaces) {
        // the built-in sets check one Kubernetes object at a time, whatever --combine says
        if (this.builtinNamespaces.includes(ns)) continue
        results.push({
          filename: 'Combined',
          namespace: ns,
          ...this.checkDocument(ns, combined, fileData)
        })
      }
      perFile = namespaces.filter(ns => this.builtinNamespaces.includes(ns))
    }
    for (const ns of perFile) {
      for (const file of files) {
        const fileData = {
          ...this.data,
          conftest: {
            file: { name: path.basename(file.path), dir: path.dirname(path.resolve(file.path)) }
          }
        }
        const agg: CheckResult = {
          filename: file.filename,
          namespace: ns,
          successes: 0,
          failures: [],
          warnings: [],
          exceptions: []
        }
        for (const doc of file.documents) {
          const r = this.checkDocument(ns, doc.value, fileData, doc, file.filename)
          agg.successes += r.successes
          agg.failures.push(...r.failures)
          agg.warnings.push(...r.warnings)
          agg.exceptions.push(...r.exceptions)
        }
        results.push(agg)
      }
    }
    return results
  }
}

const REF_HEAD_RULE =
  /^((?:deny|violation|warn)(?:_[a-zA-Z0-9]+)*)\[\s*([^\]]*?)\s*\]\s*(if\b|\{)/gm

/**
 * `deny[msg] if { ... }` makes `deny` an object in Rego v1, which conftest refuses to load ("rule is
 * using 'if' keyword without 'contains' keyword"); `deny[msg] { ... }` is v0 syntax. Both get one
 * clear error naming the file and line.
 */
function rejectRefHeadRules(m: RegoModule): void {
  const source = m.source.replace(/#.*$/gm, '')
  REF_HEAD_RULE.lastIndex = 0
  const hit = REF_HEAD_RULE.exec(source)
  if (!hit) return
  const line = source.slice(0, hit.index).split('\n').length
  const [, rule, key, kw] = hit
  const how =
    kw === 'if'
      ? `uses 'if' without 'contains' (that makes ${rule} an object)`
      : 'uses Rego v0 syntax'
  throw new InputError(
    'POLICY_RULE_FORM',
    `rule ${rule}[${key}] ${how}: write "${rule} contains ${key} if { ... }"`,
    {
      position: { file: m.path, line, column: 1 }
    }
  )
}

const CREDENTIAL_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|PRIVATE|CREDENTIAL|^INPUT_|^ACTIONS_/i

function policyEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(env))
    if (typeof v === 'string' && !CREDENTIAL_NAME.test(k)) out[k] = v
  return out
}

/** data.secure_pipeline.pss_version: "latest" or a Kubernetes policy version such as "v1.25". */
function checkPssVersion(data: Record<string, unknown>): void {
  const config = data.secure_pipeline
  if (!isRecord(config) || config.pss_version === undefined) return
  const v = config.pss_version
  if (typeof v === 'string' && /^(latest|v?1\.\d{1,3})$/.test(v)) return
  throw new InputError(
    'POLICY_DATA',
    `data.secure_pipeline.pss_version must be "latest" or a Kubernetes version such as "v1.25", not ${JSON.stringify(v)}${typeof v === 'number' ? ' (quote it: 1.30 is the number 1.3 in YAML)' : ''}`
  )
}

/** `data.a.b` for package `a.b`; segments that are not identifiers use brackets. */
function dataRef(ns: string): string {
  return (
    'data' +
    ns
      .split('.')
      .map(seg => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`))
      .join('')
  )
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

/**
 * The objects of a Kubernetes list (`kind: List` or a typed list such as `PodList` with `items`),
 * nested lists flattened, each with a source document whose fields resolve inside the list. Items
 * of a typed list may omit their kind: it is the list's kind without `List`. Undefined when the
 * input is not a list.
 */
export function listItems(
  input: unknown,
  doc: SourceDocument | undefined
): { value: unknown; doc?: SourceDocument }[] | undefined {
  if (!isRecord(input) || typeof input.kind !== 'string' || !input.kind.endsWith('List'))
    return undefined
  if (!Array.isArray(input.items)) return undefined
  const listKind = input.kind
  const out: { value: unknown; doc?: SourceDocument }[] = []
  input.items.forEach((raw: unknown, i) => {
    let value = raw
    if (isRecord(raw) && raw.kind === undefined && listKind !== 'List')
      value = { kind: listKind.slice(0, -'List'.length), ...raw }
    const itemDoc: SourceDocument | undefined = doc && {
      index: doc.index,
      value,
      line: doc.locate(['items', i]),
      locate: p => doc.locate(['items', i, ...p]),
      ...(doc.source ? { source: doc.source } : {})
    }
    const nested = listItems(value, itemDoc)
    if (nested) out.push(...nested)
    else out.push({ value, doc: itemDoc })
  })
  return out
}

/** conftest's --combine input: [{path, contents}] sorted by path, multi-documents flattened. */
export function combineInputs(files: readonly InputFile[]): { path: string; contents: unknown }[] {
  const sorted = [...files].sort((a, b) =>
    a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0
  )
  const out: { path: string; contents: unknown }[] = []
  for (const f of sorted)
    for (const d of f.documents) out.push({ path: f.filename, contents: d.value })
  return out
}

function locationMetadata(
  doc: SourceDocument | undefined,
  fieldPath: unknown
): Record<string, unknown> {
  if (!doc) return {}
  const segments = parseFieldPath(fieldPath)
  const out: Record<string, unknown> = {
    document: doc.index,
    line: segments ? doc.locate(segments) : doc.line
  }
  if (doc.source) out.source = doc.source
  return out
}

function toResultItem(
  item: unknown,
  ns: string,
  rule: string,
  doc: SourceDocument | undefined,
  filename: string | undefined
): ResultItem | undefined {
  // conftest records the rule's query in every result's metadata
  const query = `${dataRef(ns)}.${rule}`
  if (typeof item === 'string')
    return { msg: item, metadata: { query, ...locationMetadata(doc, undefined) } }
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined
  const obj = item as Record<string, unknown>
  if (typeof obj.msg !== 'string') {
    throw new InputError(
      'POLICY_RESULT',
      `rule data.${ns}.${rule} returned an object without a string "msg" field`,
      { position: filename ? { file: filename, line: doc?.line } : {} }
    )
  }
  const metadata: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(obj)) if (k !== 'msg' && k !== '_loc') metadata[k] = v
  metadata.query = query
  const result: ResultItem = { msg: obj.msg }
  const loc = obj._loc
  if (loc && typeof loc === 'object' && !Array.isArray(loc)) {
    const l = loc as Record<string, unknown>
    const file = typeof l.file === 'string' ? l.file : undefined
    const line = typeof l.line === 'number' || typeof l.line === 'string' ? l.line : undefined
    if (file !== undefined || line !== undefined)
      result.loc = {
        ...(file !== undefined ? { file } : {}),
        ...(line !== undefined ? { line } : {})
      }
  }
  const where = locationMetadata(doc, metadata.path ?? metadata.field)
  if (result.loc?.line !== undefined && Number.isInteger(Number(result.loc.line)))
    where.line = Number(result.loc.line)
  for (const [k, v] of Object.entries(where)) if (!(k in metadata)) metadata[k] = v
  result.metadata = metadata
  return result
}

/** Go's path.Match over package names (no `/` in them, so `*` spans dots). */
export function globMatch(pattern: string, name: string): boolean {
  let re = '^'
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]
    if (ch === '*') re += '[^/]*'
    else if (ch === '?') re += '[^/]'
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 1)
      if (end < 0) return false
      let cls = pattern.slice(i + 1, end)
      if (cls.startsWith('^')) cls = '^' + cls.slice(1).replace(/\\/g, '\\\\')
      else cls = cls.replace(/\\/g, '\\\\')
      re += `[${cls}]`
      i = end
    } else if (ch === '\\' && i + 1 < pattern.length) {
      re += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    } else re += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(re + '$').test(name)
}

export interface Totals {
  tests: number
  successes: number
  failures: number
  warnings: number
  exceptions: number
}

export function totals(results: readonly CheckResult[]): Totals {
  const t = { tests: 0, successes: 0, failures: 0, warnings: 0, exceptions: 0 }
  for (const r of results) {
    t.successes += r.successes
    t.failures += r.failures.length
    t.warnings += r.warnings.length
    t.exceptions += r.exceptions.length
  }
  t.tests = t.successes + t.failures + t.warnings + t.exceptions
  return t
}

/** conftest's exit codes: 1 on failures; with --fail-on-warn 2 on failures, 1 on warnings only. */
export function exitCode(results: readonly CheckResult[], failOnWarn = false): number {
  const t = totals(results)
  if (failOnWarn) return t.failures > 0 ? 2 : t.warnings > 0 ? 1 : 0
  return t.failures > 0 ? 1 : 0
}
