/**
 * Loads policies and data like `opa eval -d`: `.rego` files become modules; `.json`/`.yaml`
 * files are data, placed at the path of their directory relative to the argument (OPA's rule).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { parse as parseYAML } from 'yaml'
import { RegoError } from './errors.js'
import type { RegoModule } from './policy.js'

export interface LoadedFiles {
  modules: RegoModule[]
  data: Record<string, unknown>
}

function walk(p: string, out: string[]): void {
  const st = statSync(p)
  if (st.isDirectory()) {
    for (const e of readdirSync(p).sort()) {
      if (e.startsWith('.')) continue
      walk(path.join(p, e), out)
    }
  } else out.push(p)
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function mergeInto(target: Record<string, unknown>, src: unknown, file: string): void {
  if (!isPlainObject(src))
    throw new RegoError('rego_compile_error', `${file}: data file must contain an object`, { file })
  for (const [k, v] of Object.entries(src)) {
    const prev = target[k]
    if (isPlainObject(prev) && isPlainObject(v)) mergeInto(prev, v, file)
    else if (prev !== undefined)
      throw new RegoError('rego_compile_error', `${file}: merge error: conflicting data at ${k}`, {
        file
      })
    else target[k] = v
  }
}

/** parse JSON or YAML text (by extension; YAML is a superset, used as the fallback) */
export function parseDataFile(file: string, text: string): unknown {
  try {
    if (file.endsWith('.json')) return JSON.parse(text) as unknown
    return parseYAML(text) as unknown
  } catch (e) {
    throw new RegoError('rego_parse_error', `${file}: ${(e as Error).message.split('\n')[0]}`, {
      file
    })
  }
}

export function loadFiles(paths: string[], cwd: string): LoadedFiles {
  const modules: RegoModule[] = []
  const data: Record<string, unknown> = {}
  for (const arg of paths) {
    const abs = path.resolve(cwd, arg)
    let files: string[] = []
    try {
      walk(abs, files)
    } catch {
      throw new RegoError('rego_compile_error', `${arg}: no such file or directory`, { file: arg })
    }
    files = files.filter(f => /\.(rego|json|ya?ml)$/.test(f))
    const isDir = statSync(abs).isDirectory()
    for (const f of files) {
      const shown = path.relative(cwd, f) || f
      const text = readFileSync(f, 'utf8')
      if (f.endsWith('.rego')) {
        modules.push({ path: shown, source: text })
        continue
      }
      const value = parseDataFile(shown, text)
      const rel = isDir ? path.relative(abs, path.dirname(f)) : ''
      const prefix = rel ? rel.split(path.sep) : []
      let wrapped: unknown = value
      for (const k of [...prefix].reverse()) wrapped = { [k]: wrapped }
      mergeInto(data, wrapped, shown)
    }
  }
  return { modules, data }
}
