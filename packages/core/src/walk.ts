/**
 * File walker shared by the engines: honours .gitignore files (nested ones too), never descends
 * into .git, does not follow symlinks out of the root, skips binary and oversized files and
 * reports what it skipped instead of failing.
 */
import { open, readdir, readFile, realpath, stat } from 'node:fs/promises'
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

async function sniffBinary(file: string): Promise<boolean> {
  const fh = await open(file, 'r')
  try {
    const buf = Buffer.alloc(SNIFF_BYTES)
    const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0)
    return looksBinary(buf.subarray(0, bytesRead))
  } finally {
    await fh.close()
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

export async function walkFiles(root: string, options: WalkOptions = {}): Promise<WalkResult> {
  const useGitignore = options.gitignore ?? true
  const skipBinary = options.skipBinary ?? true
  const rootReal = await realpath(root)
  const files: WalkedFile[] = []
  const skipped: SkippedFile[] = []
  const baseScopes: IgnoreScope[] = []
  if (options.exclude && options.exclude.length > 0)
    baseScopes.push({ base: '', ig: ignore().add([...options.exclude]) })

  const visit = async (dirRel: string, scopes: IgnoreScope[]): Promise<void> => {
    const dirAbs = dirRel === '' ? rootReal : path.join(rootReal, dirRel)
    let entries
    try {
      entries = await readdir(dirAbs, { withFileTypes: true })
    } catch (err) {
      skipped.push({ path: dirRel || '.', reason: 'unreadable', detail: (err as Error).message })
      return
    }
    let local = scopes
    if (useGitignore && entries.some(e => e.name === '.gitignore' && e.isFile())) {
      try {
        const text = await readFile(path.join(dirAbs, '.gitignore'), 'utf8')
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
          const target = await realpath(abs)
          if (target !== rootReal && !target.startsWith(rootReal + path.sep)) {
            skipped.push({ path: rel, reason: 'symlink-outside-root' })
            continue
          }
          const st = await stat(target)
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
        await visit(rel, local)
        continue
      }
      if (!isFile) continue
      try {
        const st = await stat(abs)
        if (options.maxFileSize !== undefined && st.size > options.maxFileSize) {
          skipped.push({ path: rel, reason: 'too-large', detail: `${st.size} bytes` })
          continue
        }
        if (skipBinary && st.size > 0 && (await sniffBinary(abs))) {
          skipped.push({ path: rel, reason: 'binary' })
          continue
        }
        files.push({ path: rel, absolutePath: abs, size: st.size })
      } catch (err) {
        skipped.push({ path: rel, reason: 'unreadable', detail: (err as Error).message })
      }
    }
  }

  await visit('', baseScopes)
  return { files, skipped }
}
