/**
 * Input loading: YAML (single and multi-document) and JSON files, directories walked recursively,
 * Helm charts (`helm template`) and Kustomize directories (`kubectl kustomize`) when those tools
 * are on PATH. Every document keeps its index in the file and a way to find the source line of any
 * field, so failures land on the right line in annotations and SARIF.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import {
  LineCounter,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  parseDocument,
  type Alias,
  type Document,
  type Node as YamlNode,
  type Tags
} from 'yaml'
import { InputError } from '@secure-pipeline/core'
import type { PathSegment } from './paths.js'

/** Default per-file size limit (bytes). */
export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024
/**
 * Alias expansions always allowed in one YAML document; past this, the go-yaml rule applies: the
 * share of nodes decoded through aliases must stay under {@link allowedAliasRatio} (billion-laughs
 * guard that still accepts real manifests reusing an anchor hundreds of times).
 */
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

function walk(
  dir: string,
  cwd: string,
  options: LoadOptions,
  out: InputFile[],
  seen: Set<string> = new Set([realpathSync(dir)])
): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0
  )
  for (const e of entries) {
    const abs = path.join(dir, e.name)
    let isDir = e.isDirectory()
    let isFile = e.isFile()
    if (e.isSymbolicLink()) {
      // a symlinked manifest is read like conftest does (a linked directory is walked once)
      let st
      try {
        st = statSync(abs)
      } catch {
        if (!MANIFEST_EXTENSIONS.has(path.extname(e.name).toLowerCase())) continue
        throw new InputError(
          'POLICY_INPUT_MISSING',
          'broken symbolic link: its target is missing',
          { position: { file: displayName(abs, cwd) } }
        )
      }
      isDir = st.isDirectory()
      isFile = st.isFile()
    }
    if (isDir) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue
      const real = realpathSync(abs)
      if (seen.has(real)) continue
      seen.add(real)
      if (isHelmChart(abs)) {
        // Templates are not YAML until rendered.
        if (findOnPath('helm', options.env)) out.push(renderHelm(abs, cwd, options))
        else
          options.onNotice?.(
            `skipping Helm chart ${displayName(abs, cwd)}: helm is not on PATH (pass the chart directory explicitly to render it, or render it with "helm template" first)`
          )
        continue
      }
      walk(abs, cwd, options, out, seen)
    } else if (isFile && MANIFEST_EXTENSIONS.has(path.extname(e.name).toLowerCase())) {
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
 * The text of a YAML or JSON file, with the encoding detected as YAML 1.2 §5.2 says: a byte-order
 * mark, or else the pattern of zero bytes around the first character (`00 00 00 x` UTF-32BE,
 * `x 00 00 00` UTF-32LE, `00 x` UTF-16BE, `x 00` UTF-16LE), else UTF-8 (whose byte-order mark the
 * parsers drop). UTF-16 is what Windows PowerShell writes for `helm template > out.yaml`; read as
 * UTF-8 it would be a harmless-looking string full of NULs, and the manifest would pass unchecked.
 */
export function decodeText(bytes: Buffer): string {
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]]
  const n = bytes.length
  if (n >= 4 && b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return utf32(bytes, 4, false)
  if (n >= 4 && b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return utf32(bytes, 4, true)
  if (n >= 2 && b0 === 0xff && b1 === 0xfe) return bytes.subarray(2).toString('utf16le')
  if (n >= 2 && b0 === 0xfe && b1 === 0xff) return utf16be(bytes.subarray(2))
  if (n >= 4 && b0 === 0 && b1 === 0 && b2 === 0 && b3 !== 0) return utf32(bytes, 0, false)
  if (n >= 4 && b0 !== 0 && b1 === 0 && b2 === 0 && b3 === 0) return utf32(bytes, 0, true)
  if (n >= 2 && b0 === 0 && b1 !== 0) return utf16be(bytes)
  if (n >= 2 && b0 !== 0 && b1 === 0) return bytes.toString('utf16le')
  return bytes.toString('utf8')
}

function utf16be(bytes: Buffer): string {
  const le = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)))
  le.swap16()
  return le.toString('utf16le')
}

function utf32(bytes: Buffer, from: number, littleEndian: boolean): string {
  const parts: string[] = []
  for (let i = from; i + 4 <= bytes.length; i += 4) {
    const cp = littleEndian ? bytes.readUInt32LE(i) : bytes.readUInt32BE(i)
    parts.push(cp <= 0x10ffff ? String.fromCodePoint(cp) : '\uFFFD')
  }
  return parts.join('')
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

// the characters YAML's c-printable excludes
const NON_PRINTABLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/

/** Parses YAML text into documents (each top-level array element becomes its own document). */
export function parseYamlText(text: string, filename: string): SourceDocument[] {
  // YAML allows only printable characters (go-yaml: "control characters are not allowed")
  const bad = NON_PRINTABLE.exec(text)
  if (bad) {
    const before = text.slice(0, bad.index)
    const code = bad[0].codePointAt(0) ?? 0
    throw new InputError(
      'POLICY_YAML',
      `invalid YAML: control character U+${code.toString(16).toUpperCase().padStart(4, '0')} is not allowed (a binary file, or text in an encoding other than UTF-8/16/32?)`,
      {
        position: {
          file: filename,
          line: before.split('\n').length,
          column: bad.index - before.lastIndexOf('\n')
        }
      }
    )
  }
  // a lone CR is a line break in YAML (old Mac line ends), which the parser only takes as CRLF
  if (/\r(?!\n)/.test(text)) text = text.replace(/\r(?!\n)/g, '\n')
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
      throw new InputError(
        'POLICY_YAML',
        `invalid YAML: ${firstLine(err.message)}${templateHint(text, doc)}`,
        {
          position: { file: filename, line: pos.line, column: pos.col }
        }
      )
    }
    try {
      checkAliasBudget(doc, text, lineCounter, filename)
    } catch (e) {
      if (e instanceof InputError) throw e
      // e.g. a stack overflow on pathologically deep nesting
      const reason = e instanceof Error ? e.message : String(e)
      throw new InputError('POLICY_YAML', `invalid YAML: ${reason}`, {
        position: { file: filename }
      })
    }
    let value: unknown
    try {
      // checkAliasBudget bounded the expansion, so the library's own (stricter) count is off
      value = doc.toJS({ maxAliasCount: -1 })
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

/**
 * go-yaml's limit on alias expansion (the parser behind kubectl and conftest): once more than
 * {@link MAX_ALIAS_COUNT} nodes were decoded through aliases and more than 1000 nodes in all, at
 * most this share of the decoded nodes may come from aliases (99% up to 400,000 nodes, falling to
 * 10% at 4,000,000).
 */
export function allowedAliasRatio(decoded: number): number {
  if (decoded <= 400_000) return 0.99
  if (decoded >= 4_000_000) return 0.1
  return 0.99 - (0.89 * (decoded - 400_000)) / 3_600_000
}

/**
 * Counts, in document order, the nodes a decoder would produce (expanding every alias) and how many
 * of them come through aliases, with each node's expanded size memoized so the count stays linear
 * in the text even for a YAML bomb. Throws an InputError for excessive aliasing or an anchor whose
 * value contains an alias to itself (which would otherwise expand forever).
 */
function checkAliasBudget(
  doc: Document.Parsed,
  text: string,
  lineCounter: LineCounter,
  filename: string
): void {
  if (!text.includes('*')) return
  const sizes = new Map<unknown, number>()
  const active = new Set<unknown>()
  let decoded = 0
  let aliased = 0
  const fail = (node: YamlNode, reason: string): never => {
    const line = node.range ? lineCounter.linePos(node.range[0]).line : 1
    throw new InputError('POLICY_YAML', `invalid YAML: ${reason}`, {
      position: { file: filename, line }
    })
  }
  const target = (alias: Alias): unknown => alias.resolve(doc)
  // expanded size of a node (1 per scalar, collection and alias node)
  const sizeOf = (node: unknown): number => {
    if (node === null || node === undefined) return 0
    const known = sizes.get(node)
    if (known !== undefined) return known
    if (active.has(node)) return Infinity
    active.add(node)
    let n = 1
    if (isAlias(node)) {
      const t = target(node)
      if (t !== undefined && active.has(t))
        fail(node, `alias *${node.source} refers to the anchor it is inside of`)
      n += sizeOf(t)
    } else if (isMap(node)) {
      for (const it of node.items) n += isPair(it) ? sizeOf(it.key) + sizeOf(it.value) : 0
    } else if (isSeq(node)) {
      for (const it of node.items) n += sizeOf(it)
    }
    active.delete(node)
    sizes.set(node, n)
    return n
  }
  // walks the text in order as a decoder would, checking the ratio after each alias expansion
  // (inside one, both counts grow together, so the ratio is highest at its end)
  const walk = (node: unknown): void => {
    if (node === null || node === undefined) return
    decoded++
    if (isAlias(node)) {
      const t = target(node)
      if (t === undefined) return
      const n = sizeOf(t)
      decoded += n
      aliased += n
      if (
        aliased > MAX_ALIAS_COUNT &&
        decoded > 1000 &&
        aliased / decoded > allowedAliasRatio(decoded)
      )
        fail(
          node,
          `excessive aliasing: alias *${node.source} brings the document to ${decoded > 1e12 ? 'over a trillion' : decoded} nodes, ${aliased > 1e12 ? 'most' : aliased} of them through aliases (a YAML bomb?)`
        )
    } else if (isMap(node)) {
      for (const it of node.items)
        if (isPair(it)) {
          walk(it.key)
          walk(it.value)
        }
    } else if (isSeq(node)) {
      for (const it of node.items) walk(it)
    }
  }
  walk(doc.contents)
}

/**
 * A hint for the most common cause of invalid "YAML" in a manifests folder: an unrendered Helm (Go)
 * template, whose `{{ ... }}` actions are not YAML.
 */
function templateHint(text: string, doc: Document.Parsed): string {
  const own = text.slice(doc.range[0], doc.range[2])
  return /\{\{-?\s*[-.$a-zA-Z/("]/.test(own)
    ? ' (this looks like an unrendered Helm or Go template: render it first, e.g. "helm template <chart> > rendered.yaml", or pass the chart directory)'
    : ''
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
