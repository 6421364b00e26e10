/**
 * Input loading: YAML (single and multi-document) and JSON files, directories walked recursively,
 * Helm charts (`helm template`) and Kustomize directories (`kubectl kustomize`) when those tools
 * are on PATH. Every document keeps its index in the file and a way to find the source line of any
 * field, so failures land on the right line in annotations and SARIF.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import {
  LineCounter,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  parseDocument,
  type Document,
  type Node as YamlNode,
  type Tags
} from 'yaml'
import { InputError } from '@secure-pipeline/core'
import type { PathSegment } from './paths.js'

/** Default per-file size limit (bytes). */
export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024
/** Alias expansions allowed while turning a YAML document into data (billion-laughs guard). */
export const MAX_ALIAS_COUNT = 100

export interface SourceDocument {
  /** 0-based index of the document within its file (multi-document YAML, top-level arrays). */
  readonly index: number
  /** The parsed document as plain JSON data (`null` for an empty document). */
  readonly value: unknown
  /** 1-based line where the document's content starts. */
  readonly line: number
  /** 1-based line of the field at `fieldPath`, or of its deepest existing ancestor. */
  locate(fieldPath: readonly PathSegment[]): number
  /** The template a rendered document came from (Helm's `# Source: <chart>/templates/x.yaml`). */
  readonly source?: string
}

export interface InputFile {
  /** Display name: relative to the working directory when inside it, `/` separators. */
  readonly filename: string
  /** Absolute path on disk (the chart or kustomization directory for rendered inputs). */
  readonly path: string
  readonly documents: SourceDocument[]
  /** Set when the documents were rendered by a tool. */
  readonly renderedBy?: 'helm' | 'kustomize'
}

export interface LoadOptions {
  /** Working directory for relative paths and display names. */
  cwd?: string
  /** Environment used to find `helm` and `kubectl` (PATH). */
  env?: NodeJS.ProcessEnv
  maxFileBytes?: number
  /** Extra arguments for `helm template` (e.g. `--values`). */
  helmArgs?: string[]
  /** Called with notices (e.g. a nested chart skipped). */
  onNotice?: (message: string) => void
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json'])
const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization']

export function displayName(absPath: string, cwd: string): string {
  const rel = path.relative(cwd, absPath)
  const name = rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? absPath : rel
  return name.split(path.sep).join('/')
}

/** Loads every path (files, directories, charts, kustomizations) into input files, sorted by name. */
export function loadInputs(paths: readonly string[], options: LoadOptions = {}): InputFile[] {
  const cwd = options.cwd ?? process.cwd()
  const out: InputFile[] = []
  for (const p of paths) {
    if (p === '-')
      throw new InputError(
        'POLICY_INPUT',
        'reading manifests from stdin is not supported; pass a file or directory'
      )
    const abs = path.resolve(cwd, p)
    let st
    try {
      st = statSync(abs)
    } catch {
      throw new InputError('POLICY_INPUT_MISSING', `no such file or directory: ${p}`, {
        position: { file: p }
      })
    }
    if (st.isDirectory()) {
      if (isHelmChart(abs)) out.push(renderHelm(abs, cwd, options))
      else if (kustomizationFile(abs)) out.push(renderKustomize(abs, cwd, options))
      else walk(abs, cwd, options, out)
    } else {
      out.push(loadFile(abs, cwd, options))
    }
  }
  return out
}

function walk(dir: string, cwd: string, options: LoadOptions, out: InputFile[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0
  )
  for (const e of entries) {
    const abs = path.join(dir, e.name)
    if (e.isDirectory()) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue
      if (isHelmChart(abs)) {
        // Templates are not YAML until rendered.
        if (findOnPath('helm', options.env)) out.push(renderHelm(abs, cwd, options))
        else
          options.onNotice?.(
            `skipping Helm chart ${displayName(abs, cwd)}: helm is not on PATH (pass the chart directory explicitly to render it, or render it with "helm template" first)`
          )
        continue
      }
      walk(abs, cwd, options, out)
    } else if (e.isFile() && MANIFEST_EXTENSIONS.has(path.extname(e.name).toLowerCase())) {
      out.push(loadFile(abs, cwd, options))
    }
  }
}

function isHelmChart(dir: string): boolean {
  return existsSync(path.join(dir, 'Chart.yaml'))
}

function kustomizationFile(dir: string): string | undefined {
  return KUSTOMIZATION_FILES.find(f => existsSync(path.join(dir, f)))
}

/** Full path of an executable on PATH, or undefined. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean)
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : ['']
  for (const d of dirs) {
    for (const ext of exts) {
      const candidate = path.join(d, name + ext)
      try {
        if (statSync(candidate).isFile()) return candidate
      } catch {
        // not here
      }
    }
  }
  return undefined
}

function runTool(
  bin: string,
  args: string[],
  what: string,
  dir: string,
  cwd: string,
  env: NodeJS.ProcessEnv | undefined
): string {
  const res = spawnSync(bin, args, {
    cwd,
    env: env ?? process.env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024
  })
  if (res.error)
    throw new InputError(
      'POLICY_RENDER',
      `${what} failed for ${displayName(dir, cwd)}: ${res.error.message}`,
      { position: { file: displayName(dir, cwd) } }
    )
  if (res.status !== 0) {
    const msg = (res.stderr || res.stdout || '').trim().split('\n').slice(0, 5).join('; ')
    throw new InputError(
      'POLICY_RENDER',
      `${what} failed for ${displayName(dir, cwd)} (exit ${res.status ?? 'signal'}): ${msg}`,
      { position: { file: displayName(dir, cwd) } }
    )
  }
  return res.stdout
}

function renderHelm(dir: string, cwd: string, options: LoadOptions): InputFile {
  const name = displayName(dir, cwd)
  const helm = findOnPath('helm', options.env)
  if (!helm) {
    throw new InputError(
      'POLICY_HELM_MISSING',
      `${name} is a Helm chart, but helm is not on PATH: install Helm (https://helm.sh) or render the chart first (helm template ${name} > rendered.yaml) and check the output`,
      { position: { file: name } }
    )
  }
  const text = runTool(
    helm,
    ['template', dir, ...(options.helmArgs ?? [])],
    'helm template',
    dir,
    cwd,
    options.env
  )
  return { filename: name, path: dir, documents: parseYamlText(text, name), renderedBy: 'helm' }
}

function renderKustomize(dir: string, cwd: string, options: LoadOptions): InputFile {
  const name = displayName(dir, cwd)
  const kubectl = findOnPath('kubectl', options.env)
  const kustomize = kubectl ? undefined : findOnPath('kustomize', options.env)
  if (!kubectl && !kustomize) {
    throw new InputError(
      'POLICY_KUSTOMIZE_MISSING',
      `${name} is a Kustomize directory, but neither kubectl nor kustomize is on PATH: install one, or render it first (kubectl kustomize ${name} > rendered.yaml) and check the output`,
      { position: { file: name } }
    )
  }
  const text = kubectl
    ? runTool(kubectl, ['kustomize', dir], 'kubectl kustomize', dir, cwd, options.env)
    : runTool(kustomize!, ['build', dir], 'kustomize build', dir, cwd, options.env)
  return {
    filename: name,
    path: dir,
    documents: parseYamlText(text, name),
    renderedBy: 'kustomize'
  }
}

export function loadFile(abs: string, cwd: string, options: LoadOptions = {}): InputFile {
  const name = displayName(abs, cwd)
  const limit = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  const size = statSync(abs).size
  if (size > limit) {
    throw new InputError(
      'POLICY_INPUT_TOO_LARGE',
      `file is ${formatBytes(size)}, over the ${formatBytes(limit)} limit for one manifest file; split it or raise the limit`,
      { position: { file: name } }
    )
  }
  const text = decodeText(readFileSync(abs))
  const documents =
    path.extname(abs).toLowerCase() === '.json'
      ? parseJsonText(text, name)
      : parseYamlText(text, name)
  return { filename: name, path: abs, documents }
}

/**
 * UTF-8 (a byte-order mark is dropped by the parsers), or UTF-16 when the file starts with a UTF-16
 * byte-order mark (what Windows PowerShell 5 writes for `helm template > out.yaml`).
 */
export function decodeText(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return bytes.subarray(2).toString('utf16le')
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const le = Buffer.from(bytes.subarray(2))
    le.swap16()
    return le.toString('utf16le')
  }
  return bytes.toString('utf8')
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`
  return `${n} bytes`
}

/**
 * Kubernetes and conftest read YAML with go-yaml v2 (through sigs.k8s.io/yaml): YAML 1.1 scalars
 * (`yes`/`no`/`on`/`off`/`y`/`n` are booleans, `0644` is octal, `1_000` is 1000), but timestamps
 * and base-60 numbers stay strings. The YAML 1.1 schema minus those two does the same.
 */
function goYamlTags(tags: Tags): Tags {
  return tags.filter(t =>
    typeof t === 'string'
      ? !['timestamp', 'intTime', 'floatTime'].includes(t)
      : !(t.format === 'TIME' || t.tag === 'tag:yaml.org,2002:timestamp')
  )
}

/** Parses YAML text into documents (each top-level array element becomes its own document). */
export function parseYamlText(text: string, filename: string): SourceDocument[] {
  const lineCounter = new LineCounter()
  let docs: Document.Parsed[] | { errors?: unknown }
  try {
    docs = parseAllDocuments(text, {
      lineCounter,
      version: '1.1',
      merge: true,
      prettyErrors: false,
      customTags: goYamlTags
    })
  } catch (e) {
    // e.g. a stack overflow on pathologically deep nesting
    const reason = e instanceof Error ? e.message : String(e)
    throw new InputError('POLICY_YAML', `invalid YAML: ${reason}`, { position: { file: filename } })
  }
  if (!Array.isArray(docs)) return []
  const out: SourceDocument[] = []
  for (const doc of docs) {
    const err = doc.errors[0]
    if (err) {
      // an error found at the end of the input (an unclosed collection) is shown on the last line
      const pos = lineCounter.linePos(Math.min(err.pos[0], lastContentOffset(text)))
      throw new InputError('POLICY_YAML', `invalid YAML: ${firstLine(err.message)}`, {
        position: { file: filename, line: pos.line, column: pos.col }
      })
    }
    let value: unknown
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
    } catch (e) {
      let line = doc.contents ? lineCounter.linePos(doc.contents.range[0]).line : 1
      const message = e instanceof Error ? e.message : String(e)
      const unresolved = /^Unresolved alias.*: (\S+)$/.exec(message)
      if (unresolved) {
        const at = text.indexOf(`*${unresolved[1]}`, doc.range[0])
        if (at >= 0) line = lineCounter.linePos(at).line
      }
      const reason = unresolved
        ? `unknown alias *${unresolved[1]} (no anchor &${unresolved[1]} before it)`
        : /alias/i.test(message)
          ? `too many alias expansions (more than ${MAX_ALIAS_COUNT}): a YAML bomb?`
          : message
      throw new InputError('POLICY_YAML', `invalid YAML: ${reason}`, {
        position: { file: filename, line }
      })
    }
    value = normalizeJson(value, filename)
    const root = doc.contents
    const startLine = root
      ? lineCounter.linePos(root.range[0]).line
      : lineCounter.linePos(doc.range[0]).line
    const locator = (p: readonly PathSegment[]): number =>
      locateInNode(root, p, startLine, lineCounter)
    const comment = `${doc.commentBefore ?? ''}\n${root?.commentBefore ?? ''}`
    const source = /^\s*Source:\s*(\S+)\s*$/m.exec(comment)?.[1]
    // conftest splits a top-level list into documents only when it is the file's one document
    pushDocuments(out, value, startLine, locator, source, docs.length === 1)
  }
  // An empty (or comments-only) file is one null document to conftest, as an empty `---` is.
  if (docs.length === 0) out.push({ index: 0, value: null, line: 1, locate: () => 1 })
  return out
}

/** Offset of the last non-whitespace character (0 for blank text). */
function lastContentOffset(text: string): number {
  let i = text.length - 1
  while (i > 0 && /\s/.test(text[i])) i--
  return Math.max(i, 0)
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
}

/** YAML may produce Dates, Maps, non-finite numbers...: reduce to JSON data for Rego. */
function normalizeJson(v: unknown, filename: string): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v
  if (v === undefined) return null
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v)
  if (typeof v === 'bigint') return v
  if (v instanceof Date) return v.toISOString()
  // !!binary: go-yaml gives the decoded bytes as a string
  if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8')
  if (Array.isArray(v)) return v.map(x => normalizeJson(x, filename))
  if (v instanceof Map) {
    const o: Record<string, unknown> = {}
    for (const [k, x] of v) o[String(k)] = normalizeJson(x, filename)
    return o
  }
  if (v instanceof Set) return [...v].map(x => normalizeJson(x, filename))
  if (typeof v === 'object') {
    const o: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) o[k] = normalizeJson(x, filename)
    return o
  }
  return typeof v === 'symbol' ? v.toString() : null
}

function pushDocuments(
  out: SourceDocument[],
  value: unknown,
  startLine: number,
  locator: (p: readonly PathSegment[]) => number,
  source?: string,
  splitList = true
): void {
  const extra = source ? { source } : {}
  if (splitList && Array.isArray(value)) {
    // conftest treats a top-level list as several documents.
    value.forEach((item, i) => {
      const itemLine = locator([i])
      out.push({
        index: out.length,
        value: item,
        line: itemLine,
        locate: p => locator([i, ...p]),
        ...extra
      })
    })
    return
  }
  out.push({ index: out.length, value, line: startLine, locate: locator, ...extra })
}

function locateInNode(
  root: YamlNode | null | undefined,
  p: readonly PathSegment[],
  fallback: number,
  lc: LineCounter
): number {
  let node: unknown = root
  let line = fallback
  for (const seg of p) {
    if (isMap(node)) {
      const pair = node.items.find(
        it => isPair(it) && isScalar(it.key) && String(it.key.value) === String(seg)
      )
      if (!pair) break
      const key = pair.key as YamlNode
      if (key.range) line = lc.linePos(key.range[0]).line
      node = pair.value
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as YamlNode | undefined
      if (!item) break
      if (item.range) line = lc.linePos(item.range[0]).line
      node = item
    } else {
      break
    }
  }
  return line
}

/** Parses JSON text; positions for `locate` come from a lazy YAML parse of the same text. */
export function parseJsonText(text: string, filename: string): SourceDocument[] {
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    const at = jsonErrorOffset(text)
    const reason =
      at < 0
        ? 'not valid JSON'
        : at >= text.length
          ? 'unexpected end of input'
          : `unexpected ${JSON.stringify(text[at])}`
    const offset = Math.max(0, Math.min(at, lastContentOffset(text)))
    const before = text.slice(0, offset)
    const pos = { line: before.split('\n').length, col: offset - before.lastIndexOf('\n') }
    throw new InputError('POLICY_JSON', `invalid JSON: ${reason}`, {
      position: { file: filename, line: pos.line, column: pos.col }
    })
  }
  let cache: { root: YamlNode | null; lc: LineCounter } | undefined
  const locator = (p: readonly PathSegment[]): number => {
    if (!cache) {
      const lc = new LineCounter()
      const doc = parseDocument(text, { lineCounter: lc })
      cache = { root: doc.errors.length ? null : doc.contents, lc }
    }
    const start = cache.root?.range ? cache.lc.linePos(cache.root.range[0]).line : 1
    return locateInNode(cache.root, p, start, cache.lc)
  }
  const out: SourceDocument[] = []
  pushDocuments(out, value, firstContentLine(text), locator)
  return out
}

function firstContentLine(text: string): number {
  const m = /\S/.exec(text)
  return m ? text.slice(0, m.index).split('\n').length : 1
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings
const JSON_STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y

/**
 * Offset of the first character that makes `text` invalid JSON (`text.length` for an unexpected
 * end), or -1 when it is valid. JSON.parse's messages carry no position in every Node version.
 */
export function jsonErrorOffset(text: string): number {
  const n = text.length
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const stack: string[] = []
  let state: 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'after' = 'value'
  const match = (re: RegExp): boolean => {
    re.lastIndex = i
    const m = re.exec(text)
    if (m) i += m[0].length
    return m !== null
  }
  for (;;) {
    while (i < n && ' \t\n\r'.includes(text[i])) i++
    if (state === 'after' && stack.length === 0) return i < n ? i : -1
    if (i >= n) return n
    const c = text[i]
    const top = stack[stack.length - 1]
    if (state === 'after') {
      if (c === ',') state = top === '{' ? 'key' : 'value'
      else if (c === (top === '{' ? '}' : ']')) stack.pop()
      else return i
      i++
    } else if (state === 'colon') {
      if (c !== ':') return i
      i++
      state = 'value'
    } else if (state === 'key' || state === 'keyOrClose') {
      if (state === 'keyOrClose' && c === '}') {
        stack.pop()
        i++
        state = 'after'
      } else if (c === '"' && match(JSON_STRING)) state = 'colon'
      else return i
    } else if (state === 'valueOrClose' && c === ']') {
      stack.pop()
      i++
      state = 'after'
    } else if (c === '{' || c === '[') {
      stack.push(c)
      i++
      state = c === '{' ? 'keyOrClose' : 'valueOrClose'
    } else if (
      (c === '"' && match(JSON_STRING)) ||
      match(JSON_NUMBER) ||
      ['true', 'false', 'null'].some(lit => text.startsWith(lit, i) && (i += lit.length) > 0)
    )
      state = 'after'
    else return i
  }
}
