/**
 * File walker shared by the engines: honours .gitignore files (nested ones too), never descends
 * into .git, does not follow symlinks out of the root, skips binary and oversized files and
 * reports what it skipped instead of failing.
 */
import {
  closeSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  statSync
} from 'node:fs'
import path from 'node:path'
import ignore, { type Ignore } from 'ignore'

export interface WalkOptions {
  /** Honour .gitignore files (default true). */
  gitignore?: boolean
  /** Extra gitignore-style patterns relative to the root, e.g. from an `exclude` input. */
  exclude?: readonly string[]
  /** Files larger than this are skipped and reported (default: no limit). */
  maxFileSize?: number
  /** Sniff the first 8 KiB and skip files with a NUL byte (default true). */
  skipBinary?: boolean
  /** Follow symlinks whose target stays inside the root (default false: symlinks are skipped). */
  followSymlinks?: boolean
}

export interface WalkedFile {
  /** Relative to the root, `/` separators. */
  path: string
  absolutePath: string
  size: number
}

export type SkipReason = 'binary' | 'too-large' | 'unreadable' | 'symlink' | 'symlink-outside-root'

export interface SkippedFile {
  path: string
  reason: SkipReason
  detail?: string
}

export interface WalkResult {
  files: WalkedFile[]
  skipped: SkippedFile[]
}

const SNIFF_BYTES = 8000

export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, SNIFF_BYTES)
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true
  return false
}

function sniffBinary(file: string): boolean {
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(SNIFF_BYTES)
    const bytesRead = readSync(fd, buf, 0, SNIFF_BYTES, 0)
    return looksBinary(buf.subarray(0, bytesRead))
  } finally {
    closeSync(fd)
  }
}

interface IgnoreScope {
  /** Directory of the .gitignore, relative to root ('' for the root). */
  base: string
  ig: Ignore
}

function ignoredBy(scopes: readonly IgnoreScope[], rel: string, isDir: boolean): boolean {
  let ignored = false
  for (const scope of scopes) {
    const local = scope.base === '' ? rel : rel.slice(scope.base.length + 1)
    const r = scope.ig.test(isDir ? local + '/' : local)
    if (r.ignored) ignored = true
    else if (r.unignored) ignored = false
  }
  return ignored
}

/**
 * Synchronous file system calls on purpose: one awaited call per file costs a thread-pool round
 * trip, which made the walk of a 2,000-file tree take 80-130 ms instead of about 10.
 */
// eslint-disable-next-line @typescript-eslint/require-await -- async for callers; see above
export async function walkFiles(root: string, options: WalkOptions = {}): Promise<WalkResult> {
  return walkSync(root, options)
}

function walkSync(root: string, options: WalkOptions = {}): WalkResult {
  const useGitignore = options.gitignore ?? true
  const skipBinary = options.skipBinary ?? true
  const rootReal = realpathSync(root)
  const files: WalkedFile[] = []
  const skipped: SkippedFile[] = []
  const baseScopes: IgnoreScope[] = []
  if (options.exclude && options.exclude.length > 0)
    baseScopes.push({ base: '', ig: ignore().add([...options.exclude]) })

  const visit = (dirRel: string, scopes: IgnoreScope[]): void => {
    const dirAbs = dirRel === '' ? rootReal : path.join(rootReal, dirRel)
    let entries
    try {
      entries = readdirSync(dirAbs, { withFileTypes: true })
    } catch (err) {
      skipped.push({ path: dirRel || '.', reason: 'unreadable', detail: (err as Error).message })
      return
    }
    let local = scopes
    if (useGitignore && entries.some(e => e.name === '.gitignore' && e.isFile())) {
      try {
        const text = readFileSync(path.join(dirAbs, '.gitignore'), 'utf8')
        local = [...scopes, { base: dirRel, ig: ignore().add(text) }]
      } catch (err) {
        skipped.push({
          path: dirRel ? `${dirRel}/.gitignore` : '.gitignore',
          reason: 'unreadable',
          detail: (err as Error).message
        })
      }
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      const rel = dirRel === '' ? entry.name : `${dirRel}/${entry.name}`
      const abs = path.join(dirAbs, entry.name)
      let isDir = entry.isDirectory()
      let isFile = entry.isFile()
      if (entry.name === '.git' && (isDir || isFile)) continue
      if (entry.isSymbolicLink()) {
        if (!options.followSymlinks) {
          skipped.push({ path: rel, reason: 'symlink' })
          continue
        }
        try {
          const target = realpathSync(abs)
          if (target !== rootReal && !target.startsWith(rootReal + path.sep)) {
            skipped.push({ path: rel, reason: 'symlink-outside-root' })
            continue
          }
          const st = statSync(target)
          isDir = st.isDirectory()
          isFile = st.isFile()
          // Directory links inside the root would revisit the same files; skip them.
          if (isDir) {
            skipped.push({ path: rel, reason: 'symlink' })
            continue
          }
        } catch (err) {
          skipped.push({ path: rel, reason: 'unreadable', detail: (err as Error).message })
          continue
        }
      }
      if (ignoredBy(local, rel, isDir)) continue
      if (isDir) {
        visit(rel, local)
        continue
      }
      if (!isFile) continue
      try {
        const st = statSync(abs)
        if (options.maxFileSize !== undefined && st.size > options.maxFileSize) {
          skipped.push({ path: rel, reason: 'too-large', detail: `${st.size} bytes` })
          continue
        }
        if (skipBinary && st.size > 0 && sniffBinary(abs)) {
          skipped.push({ path: rel, reason: 'binary' })
          continue
        }
        files.push({ path: rel, absolutePath: abs, size: st.size })
      } catch (err) {
        skipped.push({ path: rel, reason: 'unreadable', detail: (err as Error).message })
      }
    }
  }

  visit('', baseScopes)
  return { files, skipped }
}
