/**
 * Git sources: history (`git log -p -U0`), a range (base..head, as for a pull request or a
 * push's before..after) and staged changes (`git diff --cached`). Only added lines are scanned,
 * with the commit, author and date of the commit that added them.
 */
import {
  ensureRevisions,
  hasCommit,
  InputError,
  isShallow,
  runGit,
  streamGitLines,
  ZERO_SHA
} from '@secure-pipeline/core'
import type { CommitInfo } from './engine.js'

/** Added lines of one file in one commit (or in the index). */
export interface DiffChunk {
  file: string
  commit?: CommitInfo
  text: string
  /** For each line of `text` (0-based), its line number in the new file. */
  lineMap: number[]
  /** A binary file added or changed (no text; path-only rules still apply). */
  binary?: boolean
}

const COMMIT_MARK = '\u0001commit\u0001'
const FORMAT = `--format=${COMMIT_MARK}%H%x00%an%x00%ae%x00%aI%x00%s`
const DIFF_OPTS = [
  '-p',
  '-U0',
  '--no-color',
  '--no-ext-diff',
  '--no-renames',
  '--diff-filter=AMCRTU',
  '--no-textconv'
]

function unquote(p: string): string {
  if (!p.startsWith('"')) return p
  // git C-style quoting (core.quotePath=false leaves UTF-8 alone, but quotes specials).
  try {
    return JSON.parse(p) as string
  } catch {
    return p.slice(1, -1)
  }
}

/**
 * The new-side path of a `diff --git a/P b/P` header (renames are off, so both sides name the
 * same file; either may be C-quoted).
 */
export function diffHeaderPath(line: string): string | undefined {
  const rest = line.slice('diff --git '.length)
  const quoted = /"((?:[^"\\]|\\.)*)"$/.exec(rest)
  if (quoted) return unquote(quoted[0]).replace(/^b\//, '')
  if (rest.length % 2 === 1) {
    const half = (rest.length - 1) / 2
    const a = rest.slice(0, half)
    const b = rest.slice(half + 1)
    if (a.startsWith('a/') && b.startsWith('b/') && a.slice(2) === b.slice(2)) return b.slice(2)
  }
  const at = rest.lastIndexOf(' b/')
  return at === -1 ? undefined : rest.slice(at + 3)
}

/** Parses `git log -p -U0` / `git diff -U0` output into added-line chunks. */
export async function* parsePatch(lines: AsyncIterable<string>): AsyncGenerator<DiffChunk> {
  let commit: CommitInfo | undefined
  let file: string | undefined
  let text: string[] = []
  let map: number[] = []
  let newLine = 0
  let remainingAdd = 0
  let remainingDel = 0
  let header: string | undefined
  const flush = function* (): Generator<DiffChunk> {
    if (file !== undefined && text.length > 0)
      yield { file, commit, text: text.join('\n'), lineMap: map }
    text = []
    map = []
  }
  for await (const line of lines) {
    if (remainingAdd > 0 || remainingDel > 0) {
      const c = line.charCodeAt(0)
      if (c === 43 /* + */ && remainingAdd > 0) {
        text.push(line.slice(1))
        map.push(newLine++)
        remainingAdd--
        continue
      }
      if (c === 45 /* - */ && remainingDel > 0) {
        remainingDel--
        continue
      }
      if (c === 92 /* \ No newline */) continue
      remainingAdd = 0
      remainingDel = 0
    }
    if (line.startsWith(COMMIT_MARK)) {
      yield* flush()
      file = undefined
      const [hash, author, email, date, subject] = line.slice(COMMIT_MARK.length).split('\0')
      commit = { commit: hash, author, email, date, message: subject ?? '' }
      header = undefined
      continue
    }
    if (line.startsWith('diff --git ')) {
      yield* flush()
      file = undefined
      header = diffHeaderPath(line)
      continue
    }
    // `Binary files /dev/null and b/key.p12 differ` (no `+++` line, no hunks).
    if (line.startsWith('Binary files ') && line.endsWith(' differ')) {
      if (header !== undefined && !line.endsWith(' and /dev/null differ'))
        yield { file: header, commit, text: '', lineMap: [], binary: true }
      header = undefined
      continue
    }
    if (line.startsWith('+++ ')) {
      // git appends a tab after names that contain a space (for GNU patch).
      const p = line.slice(4).replace(/\t$/, '')
      file = p === '/dev/null' ? undefined : unquote(p).replace(/^b\//, '')
      continue
    }
    if (line.startsWith('@@ ')) {
      const m = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line)
      if (m) {
        remainingDel = m[1] === undefined ? 1 : Number(m[1])
        newLine = Number(m[2])
        remainingAdd = m[3] === undefined ? 1 : Number(m[3])
      }
      continue
    }
  }
  yield* flush()
}

export interface GitSourceOptions {
  cwd: string
  env?: NodeJS.ProcessEnv
}

export interface RangeInfo {
  /** The log arguments used, for the report. */
  description: string
  args: string[] | undefined
  note?: string
}

/**
 * What a diff does when its base is not in a full (not shallow) clone: a push that rewrote
 * history names a `before` commit nobody fetches any more.
 */
export type MissingBase = 'error' | 'not-on-remotes'

/**
 * Resolves a base/head pair into `git log` arguments. An all-zero base (a new branch) scans the
 * commits of head that no other remote branch has (or all of head's history when there is no
 * remote); an all-zero head (a deletion) and base == head scan nothing and say so.
 */
export async function resolveRange(
  opts: GitSourceOptions,
  base: string | undefined,
  head: string,
  missingBase: MissingBase = 'error'
): Promise<RangeInfo> {
  if (ZERO_SHA.test(head))
    return {
      description: `${base ?? ''}..${head}`,
      args: undefined,
      note: 'head is all zeros (a deleted branch or tag): nothing to scan'
    }
  await ensureRevisions(opts.cwd, [head])
  const headSha = (await runGit(['rev-parse', `${head}^{commit}`], opts)).trim()
  if (base === undefined || base === '') return { description: head, args: [headSha] }
  if (ZERO_SHA.test(base))
    return notOnRemotes(opts, head, headSha, 'new branch', 'base is all zeros (a new branch)')
  if (
    missingBase === 'not-on-remotes' &&
    !(await hasCommit(opts.cwd, base)) &&
    !(await isShallow(opts.cwd).catch(() => true))
  )
    return notOnRemotes(
      opts,
      head,
      headSha,
      'base not in the repository',
      `base ${base} is not in the repository (history rewritten by a force push?)`
    )
  await ensureRevisions(opts.cwd, [base])
  const baseSha = (await runGit(['rev-parse', `${base}^{commit}`], opts)).trim()
  if (baseSha === headSha)
    return {
      description: `${base}..${head}`,
      args: undefined,
      note: 'base and head are the same commit: nothing to scan'
    }
  return { description: `${base}..${head}`, args: [`${baseSha}..${headSha}`] }
}

/** The commits of head that no other remote branch has (all of its history without remotes). */
async function notOnRemotes(
  opts: GitSourceOptions,
  head: string,
  headSha: string,
  why: string,
  note: string
): Promise<RangeInfo> {
  const refs = (
    await runGit(['for-each-ref', '--format=%(objectname) %(refname)', 'refs/remotes'], opts)
  )
    .split('\n')
    .filter(Boolean)
    .map(l => l.split(' '))
    .filter(([sha, ref]) => sha !== headSha && !ref.endsWith('/HEAD'))
    .map(([, ref]) => ref)
  return {
    description: `${head} (${why}: commits not on other remote branches)`,
    args: refs.length > 0 ? [headSha, '--not', ...refs] : [headSha],
    note
  }
}

export async function* gitLogChunks(
  opts: GitSourceOptions,
  revArgs: string[]
): AsyncGenerator<DiffChunk> {
  const args = ['-c', 'core.quotePath=false', 'log', ...DIFF_OPTS, FORMAT, ...revArgs, '--']
  yield* parsePatch(streamGitLines(args, opts))
}

export async function* stagedChunks(opts: GitSourceOptions): AsyncGenerator<DiffChunk> {
  const args = ['-c', 'core.quotePath=false', 'diff', '--cached', ...DIFF_OPTS, '--']
  yield* parsePatch(streamGitLines(args, opts))
}

/** Fails with a clear message when PATH is not inside a git work tree. */
export async function assertGitRepo(opts: GitSourceOptions): Promise<void> {
  try {
    await runGit(['rev-parse', '--git-dir'], opts)
  } catch {
    throw new InputError(
      'SECRETS_NOT_GIT',
      `${opts.cwd} is not a git repository (use --mode worktree to scan files)`
    )
  }
}
