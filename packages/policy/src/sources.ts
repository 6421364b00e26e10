/**
 * Policy directories (`-p`, `.rego` files, recursively) and data files (`-d`: `.json`, `.yaml`,
 * `.yml`; a file's directory below the given root becomes its data path, as in conftest/OPA).
 */
import { readFileSync, readdirSync, realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import { InputError } from '@secure-pipeline/core'
import type { RegoModule } from '@secure-pipeline/rego'
import {
  DEFAULT_MAX_FILE_BYTES,
  decodeText,
  displayName,
  parseJsonText,
  parseYamlText
} from './load.js'

function listFiles(
  root: string,
  accept: (name: string) => boolean,
  seen: Set<string> = new Set()
): string[] {
  const st = statSync(root)
  if (!st.isDirectory()) return [root]
  const real = realpathSync(root)
  if (seen.has(real)) return []
  seen.add(real)
  const out: string[] = []
  const entries = readdirSync(root, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0
  )
  for (const e of entries) {
    const abs = path.join(root, e.name)
    let isDir = e.isDirectory()
    let isFile = e.isFile()
    if (e.isSymbolicLink()) {
      // a symlinked policy or data file counts (skipping it would silently drop rules)
      const target = statSync(abs, { throwIfNoEntry: false })
      isDir = target?.isDirectory() ?? false
      isFile = target?.isFile() ?? false
      if (!target && accept(e.name))
        throw new InputError('POLICY_PATH_MISSING', 'broken symbolic link: its target is missing', {
          position: { file: abs }
        })
    }
    if (isDir) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue
      out.push(...listFiles(abs, accept, seen))
    } else if (isFile && accept(e.name)) out.push(abs)
  }
  return out
}

function statOrThrow(abs: string, shown: string, what: string): void {
  try {
    statSync(abs)
  } catch {
    throw new InputError('POLICY_PATH_MISSING', `${what} not found: ${shown}`, {
      position: { file: shown }
    })
  }
}

/** Reads every `.rego` file under the given paths. */
export function loadPolicyModules(paths: readonly string[], cwd: string): RegoModule[] {
  const modules: RegoModule[] = []
  for (const p of paths) {
    const abs = path.resolve(cwd, p)
    statOrThrow(abs, p, 'policy path')
    for (const f of listFiles(abs, n => n.endsWith('.rego'))) {
      if (!f.endsWith('.rego'))
        throw new InputError('POLICY_PATH', `not a .rego file: ${p}`, { position: { file: p } })
      modules.push({ path: displayName(f, cwd), source: readFileSync(f, 'utf8') })
    }
  }
  return modules
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

function mergeInto(
  target: Record<string, unknown>,
  value: Record<string, unknown>,
  file: string,
  at: string[]
): void {
  for (const [k, v] of Object.entries(value)) {
    const existing = target[k]
    if (existing === undefined) target[k] = v
    else if (isPlainObject(existing) && isPlainObject(v)) mergeInto(existing, v, file, [...at, k])
    else
      throw new InputError(
        'POLICY_DATA_CONFLICT',
        `data conflict at data.${[...at, k].join('.')}`,
        { position: { file } }
      )
  }
}

/** Loads and merges data files; returns the base data document. */
export function loadData(paths: readonly string[], cwd: string): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  for (const p of paths) {
    const abs = path.resolve(cwd, p)
    statOrThrow(abs, p, 'data path')
    const isDir = statSync(abs).isDirectory()
    for (const f of listFiles(abs, n => /\.(json|ya?ml)$/i.test(n))) {
      const name = displayName(f, cwd)
      if (statSync(f).size > DEFAULT_MAX_FILE_BYTES)
        throw new InputError('POLICY_INPUT_TOO_LARGE', 'data file is too large', {
          position: { file: name }
        })
      const text = decodeText(readFileSync(f))
      const docs = /\.json$/i.test(f) ? parseJsonText(text, name) : parseYamlText(text, name)
      if (docs.every(d => d.value === null)) continue
      const value = docs.length === 1 && !Array.isArray(docs[0].value) ? docs[0].value : undefined
      if (!isPlainObject(value))
        throw new InputError('POLICY_DATA', 'a data file must hold one object (mapping)', {
          position: { file: name, line: docs[0].line }
        })
      const rel = isDir ? path.relative(abs, path.dirname(f)) : ''
      const prefix = rel === '' ? [] : rel.split(path.sep)
      let nested: Record<string, unknown> = value
      for (const key of [...prefix].reverse()) nested = { [key]: nested }
      mergeInto(data, nested, name, [])
    }
  }
  return data
}
