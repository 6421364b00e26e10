/**
 * A small git helper: spawn git without a shell, capture or stream its output, and turn the
 * common failure — a shallow checkout that lacks the requested commits — into a clear message.
 */
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { InputError, SecurePipelineError } from './errors.js'

export interface GitOptions {
  cwd: string
  env?: NodeJS.ProcessEnv
  /** Bytes of stdout to keep for runGit (default 256 MiB). */
  maxBuffer?: number
}

export class GitError extends SecurePipelineError {
  readonly stderr: string
  constructor(code: string, message: string, stderr = '') {
    super(code, message)
    this.stderr = stderr
  }
}

// Keep git from paging, prompting or reading the user's config in ways that change its output.
const BASE_ENV = { GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' }

function gitEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...process.env, ...env, ...BASE_ENV }
}

/** Runs git and returns stdout; throws GitError with git's own message on a non-zero exit. */
export function runGit(args: readonly string[], options: GitOptions): Promise<string> {
  const maxBuffer = options.maxBuffer ?? 256 * 1024 * 1024
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: options.cwd, env: gitEnv(options.env) })
    const out: Buffer[] = []
    let outBytes = 0
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length
      if (outBytes <= maxBuffer) out.push(chunk)
    })
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.on('error', e => reject(new GitError('GIT_NOT_FOUND', `cannot run git: ${e.message}`)))
    child.on('close', code => {
      const stderr = Buffer.concat(err).toString('utf8').trim()
      if (code !== 0) {
        reject(
          new GitError('GIT_FAILED', `git ${args[0]} failed: ${stderr || `exit ${code}`}`, stderr)
        )
        return
      }
      if (outBytes > maxBuffer) {
        reject(
          new GitError(
            'GIT_OUTPUT_TOO_LARGE',
            `git ${args[0]} printed more than ${maxBuffer} bytes`
          )
        )
        return
      }
      resolve(Buffer.concat(out).toString('utf8'))
    })
  })
}

/** Streams git's stdout line by line (without the newline). */
export async function* streamGitLines(
  args: readonly string[],
  options: GitOptions
): AsyncGenerator<string, void, undefined> {
  const child = spawn('git', args, { cwd: options.cwd, env: gitEnv(options.env) })
  const err: Buffer[] = []
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
  const closed = new Promise<number | null>((resolve, reject) => {
    child.on('error', e => reject(new GitError('GIT_NOT_FOUND', `cannot run git: ${e.message}`)))
    child.on('close', resolve)
  })
  const rl = createInterface({ input: child.stdout, crlfDelay: Infinity })
  try {
    for await (const line of rl) yield line
  } finally {
    rl.close()
    if (child.exitCode === null) child.kill()
  }
  const code = await closed
  if (code !== 0 && code !== null) {
    const stderr = Buffer.concat(err).toString('utf8').trim()
    throw new GitError('GIT_FAILED', `git ${args[0]} failed: ${stderr || `exit ${code}`}`, stderr)
  }
}

export async function isGitRepository(cwd: string): Promise<boolean> {
  try {
    return (await runGit(['rev-parse', '--is-inside-work-tree'], { cwd })).trim() === 'true'
  } catch {
    return false
  }
}

export async function isShallow(cwd: string): Promise<boolean> {
  return (await runGit(['rev-parse', '--is-shallow-repository'], { cwd })).trim() === 'true'
}

/** True when `rev` names a commit present in the local object store. */
export async function hasCommit(cwd: string, rev: string): Promise<boolean> {
  try {
    await runGit(['cat-file', '-e', `${rev}^{commit}`], { cwd })
    return true
  } catch {
    return false
  }
}

export const ZERO_SHA = /^0{40}(0{24})?$/

/**
 * Checks that every revision of a range is present; a shallow clone that lacks one gets an
 * error that says how to fix the checkout.
 */
export async function ensureRevisions(cwd: string, revs: readonly string[]): Promise<void> {
  const missing: string[] = []
  for (const rev of revs) if (!(await hasCommit(cwd, rev))) missing.push(rev)
  if (missing.length === 0) return
  const shallow = await isShallow(cwd).catch(() => false)
  const list = missing.join(', ')
  if (shallow) {
    throw new InputError(
      'GIT_SHALLOW',
      `the checkout is shallow and does not contain ${list}; fetch the history it needs ` +
        '(actions/checkout with `fetch-depth: 0`, or `git fetch --unshallow`)'
    )
  }
  throw new InputError('GIT_MISSING_REVISION', `git revision not found: ${list}`)
}
