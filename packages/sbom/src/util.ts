import { InputError } from '@secure-pipeline/core'
import { parse as parseToml, TomlError } from 'smol-toml'
import { PackageURL } from 'packageurl-js'
import type { Hash, HashAlg } from './model.js'

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1
  const end = Math.min(offset, text.length)
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++
  return line
}

function lastLine(text: string): number {
  return lineAt(text, text.trimEnd().length)
}

export function malformed(file: string, line: number | undefined, what: string): InputError {
  return new InputError('SBOM_MALFORMED_LOCKFILE', `malformed ${what}`, {
    position: { file, ...(line !== undefined ? { line } : {}) }
  })
}

export function unsupported(file: string, line: number | undefined, what: string): InputError {
  return new InputError('SBOM_UNSUPPORTED_VERSION', what, {
    position: { file, ...(line !== undefined ? { line } : {}) }
  })
}

/** JSON.parse with the failing line in the error. */
export function parseJson(text: string, file: string, what: string): JsonObject {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err)
    let line: number | undefined
    const lc = /line (\d+) column (\d+)/.exec(msg)
    const pos = /position (\d+)/.exec(msg)
    const at = lc ? undefined : pos ? Number(pos[1]) : undefined
    const end = text.trimEnd().length
    if (lc && Number(lc[1]) <= lastLine(text)) line = Number(lc[1])
    else if (at !== undefined && at < end) line = lineAt(text, at)
    else line = lastLine(text)
    throw new InputError(
      'SBOM_MALFORMED_LOCKFILE',
      `malformed ${what}: ${msg.replace(/^JSON\.parse: /, '')}`,
      { position: { file, line } }
    )
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw malformed(file, 1, `${what}: expected a JSON object`)
  }
  return value as JsonObject
}

export function parseTomlFile(text: string, file: string, what: string): JsonObject {
  try {
    return parseToml(text) as unknown as JsonObject
  } catch (err) {
    const line = err instanceof TomlError ? err.line : lastLine(text)
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err)
    throw new InputError('SBOM_MALFORMED_LOCKFILE', `malformed ${what}: ${msg}`, {
      position: { file, line }
    })
  }
}

export function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined
}

export function obj(v: unknown): JsonObject {
  return isObject(v) ? v : {}
}

export function arr(v: unknown): Json[] {
  return Array.isArray(v) ? (v as Json[]) : []
}

export function purl(
  type: string,
  namespace: string | undefined,
  name: string,
  version: string | undefined,
  qualifiers?: Record<string, string>,
  subpath?: string
): string {
  return new PackageURL(
    type,
    namespace || undefined,
    name,
    version || undefined,
    qualifiers && Object.keys(qualifiers).length > 0 ? qualifiers : undefined,
    subpath || undefined
  ).toString()
}

/** PEP 503 normalised Python distribution name. */
export function pep503(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase()
}

/** Splits `@scope/name@1.2.3` / `name@1` at the first '@' after index 0. */
export function splitAt(spec: string): [string, string | undefined] {
  const i = spec.indexOf('@', 1)
  return i < 0 ? [spec, undefined] : [spec.slice(0, i), spec.slice(i + 1)]
}

/** npm-style name → purl namespace + name. */
export function npmName(full: string): { namespace?: string; name: string } {
  if (full.startsWith('@')) {
    const slash = full.indexOf('/')
    if (slash > 0) return { namespace: full.slice(0, slash), name: full.slice(slash + 1) }
  }
  return { name: full }
}

const SRI_ALGS: Record<string, HashAlg> = {
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha384: 'SHA-384',
  sha512: 'SHA-512',
  md5: 'MD5'
}
const HEX_LEN: Record<HashAlg, number> = {
  MD5: 32,
  'SHA-1': 40,
  'SHA-256': 64,
  'SHA-384': 96,
  'SHA-512': 128
}

/** Subresource-integrity string(s) (`sha512-<base64> sha1-<base64>`) → hex hashes. */
export function sriHashes(integrity: string | undefined): Hash[] {
  if (!integrity) return []
  const out: Hash[] = []
  for (const part of integrity.split(/\s+/)) {
    const dash = part.indexOf('-')
    if (dash < 0) continue
    const alg = SRI_ALGS[part.slice(0, dash).toLowerCase()]
    if (!alg) continue
    const hex = Buffer.from(part.slice(dash + 1), 'base64').toString('hex')
    if (hex.length === HEX_LEN[alg]) out.push({ alg, content: hex })
  }
  return out
}

/** `sha256:<hex>` / `sha256=<hex>` style → hash, if well formed. */
export function prefixedHash(value: string | undefined): Hash | undefined {
  if (!value) return undefined
  const m = /^(sha1|sha256|sha384|sha512|md5)[:=]([0-9a-fA-F]+)$/.exec(value.trim())
  if (!m) return undefined
  return hexHash(SRI_ALGS[m[1].toLowerCase()], m[2])
}

export function hexHash(alg: HashAlg, hex: string | undefined): Hash | undefined {
  if (!hex) return undefined
  const h = hex.toLowerCase()
  return h.length === HEX_LEN[alg] && /^[0-9a-f]+$/.test(h) ? { alg, content: h } : undefined
}

export function base64Hash(alg: HashAlg, b64: string | undefined): Hash | undefined {
  if (!b64) return undefined
  const hex = Buffer.from(b64, 'base64').toString('hex')
  return hex.length === HEX_LEN[alg] ? { alg, content: hex } : undefined
}

/** Splits text into lines without a regex per line. */
export function lines(text: string): string[] {
  const out = text.split('\n')
  for (let i = 0; i < out.length; i++) {
    const l = out[i]
    if (l.endsWith('\r')) out[i] = l.slice(0, -1)
  }
  return out
}

/** 1-based line of the first occurrence of `needle` (a string or a pattern), else 1. */
export function lineOf(text: string, needle: string | RegExp): number {
  const i = typeof needle === 'string' ? text.indexOf(needle) : text.search(needle)
  return i < 0 ? 1 : lineAt(text, i)
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Host and path of a repository URL (`https://github.com/o/r.git`, `git@github.com:o/r`,
 * `ssh://git@host:22/o/r`) as `{ host, path }` without `.git` or a trailing slash.
 */
export function repoPath(url: string): { host: string; path: string } | undefined {
  const u = url.trim()
  if (!u.includes('://')) {
    const scp = /^(?:[^@/:]+@)?([^/:]+):\/?(.+)$/.exec(u)
    if (!scp) return undefined
    const rest = scp[2].replace(/\/+$/, '').replace(/\.git$/, '')
    return rest ? { host: scp[1].toLowerCase(), path: rest } : undefined
  }
  try {
    const p = new URL(u.replace(/^git\+/, ''))
    if (!p.hostname) return undefined
    const rest = decodeURIComponent(p.pathname)
      .replace(/^\/+/, '')
      .replace(/\/+$/, '')
      .replace(/\.git$/, '')
    return rest ? { host: p.hostname.toLowerCase(), path: rest } : undefined
  } catch {
    return undefined
  }
}
