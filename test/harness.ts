/**
 * Runs a bundled action the way the GitHub runner does: `node dist/<name>/index.js` with INPUT_*
 * variables, the environment files, a workspace and an event payload; then parses what the
 * runner would read back: outputs, the step summary, annotations, masks, exported env and state.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  message: string
  file?: string
  line?: number
  endLine?: number
  col?: number
  endColumn?: number
  title?: string
}

export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  annotations: Annotation[]
  masks: string[]
  env: Record<string, string>
  state: Record<string, string>
  path: string[]
}

export interface RunOptions {
  inputs?: Record<string, string>
  env?: Record<string, string>
  /** The webhook payload written to GITHUB_EVENT_PATH. */
  event?: unknown
  eventName?: string
  workspace?: string
  timeoutMs?: number
}

/** `INPUT_<NAME>`: spaces become `_`, upper-cased, hyphens kept (as the runner does). */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function unescapeProperty(s: string): string {
  return s
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%')
}

/** Parses `name=value` and `name<<DELIM\nvalue\nDELIM` entries of an environment file. */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '')
    if (line === '') continue
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delim] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i].replace(/\r$/, '') !== delim; i++) value.push(lines[i])
      if (i >= lines.length) throw new Error(`unterminated value for ${name} in environment file`)
      out[name] = value.join('\n')
      continue
    }
    const eq = line.indexOf('=')
    if (eq <= 0) throw new Error(`malformed environment file line: ${line}`)
    out[line.slice(0, eq)] = line.slice(eq + 1)
  }
  return out
}

/** Parses `::command key=value,...::data` lines from stdout. */
export function parseCommands(stdout: string): { annotations: Annotation[]; masks: string[] } {
  const annotations: Annotation[] = []
  const masks: string[] = []
  for (const raw of stdout.split(/\r?\n/)) {
    const m = /^::([a-zA-Z-]+)(?: ([^:]*))?::(.*)$/.exec(raw)
    if (!m) continue
    const command = m[1].toLowerCase()
    const data = unescapeData(m[3])
    if (command === 'add-mask') {
      masks.push(data)
      continue
    }
    if (command !== 'error' && command !== 'warning' && command !== 'notice') continue
    const a: Annotation = { level: command, message: data }
    for (const pair of (m[2] ?? '').split(',')) {
      const eq = pair.indexOf('=')
      if (eq <= 0) continue
      const key = pair.slice(0, eq).trim()
      const value = unescapeProperty(pair.slice(eq + 1))
      if (key === 'file' || key === 'title') a[key] = value
      else if (key === 'line' || key === 'endLine' || key === 'col' || key === 'endColumn')
        a[key] = Number(value)
    }
    annotations.push(a)
  }
  return { annotations, masks }
}

/** Environment the runner always provides; the caller's `env` overrides it. */
function runnerEnv(
  dir: string,
  workspace: string,
  eventName: string,
  eventPath: string
): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_SHA: '0000000000000000000000000000000000000000',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_WORKFLOW: 'ci',
    GITHUB_JOB: 'build',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_SERVER_URL: 'https://github.com',
    // Nothing in a test may reach the real API; tests that need one point this at a local server.
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_GRAPHQL_URL: 'http://127.0.0.1:9/graphql',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: path.join(dir, 'runner-temp'),
    RUNNER_TOOL_CACHE: path.join(dir, 'tool-cache'),
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_ENV: path.join(dir, 'env'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_PATH: path.join(dir, 'path')
  }
}

export async function runAction(bundle: string, options: RunOptions = {}): Promise<ActionRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'action-run-'))
  try {
    const workspace = options.workspace ?? path.join(dir, 'workspace')
    const eventName = options.eventName ?? 'push'
    const eventPath = path.join(dir, 'event.json')
    writeFileSync(eventPath, JSON.stringify(options.event ?? {}))
    const env = runnerEnv(dir, workspace, eventName, eventPath)
    for (const f of ['output', 'summary', 'env', 'state', 'path'])
      writeFileSync(path.join(dir, f), '')
    for (const [k, v] of Object.entries(options.inputs ?? {})) env[inputEnvName(k)] = v
    Object.assign(env, options.env)

    const { exitCode, stdout, stderr } = await new Promise<{
      exitCode: number
      stdout: string
      stderr: string
    }>((resolve, reject) => {
      const child = spawn(process.execPath, [bundle], {
        cwd: existsSync(workspace) ? workspace : dir,
        env,
        stdio: ['ignore', 'pipe', 'pipe']
      })
      const out: Buffer[] = []
      const err: Buffer[] = []
      child.stdout.on('data', (c: Buffer) => out.push(c))
      child.stderr.on('data', (c: Buffer) => err.push(c))
      const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000)
      child.on('error', reject)
      child.on('close', code => {
        clearTimeout(timer)
        resolve({
          exitCode: code ?? 1,
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8')
        })
      })
    })
    const { annotations, masks } = parseCommands(stdout)
    const read = (f: string): string => readFileSync(path.join(dir, f), 'utf8')
    return {
      exitCode,
      stdout,
      stderr,
      outputs: parseEnvFile(read('output')),
      summary: read('summary'),
      annotations,
      masks,
      env: parseEnvFile(read('env')),
      state: parseEnvFile(read('state')),
      path: read('path').split('\n').filter(Boolean)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const built = new Map<string, Promise<string>>()

/**
 * Path of a freshly built bundle for `name` (built once per test process into a scratch dir, so
 * tests exercise the current sources). With SECURE_PIPELINE_TEST_DIST=committed the committed
 * dist/ is used instead.
 */
export function buildAction(name: string): Promise<string> {
  if (process.env.SECURE_PIPELINE_TEST_DIST === 'committed')
    return Promise.resolve(path.join(REPO_ROOT, 'dist', name, 'index.js'))
  let p = built.get(name)
  if (!p) {
    p = new Promise<string>((resolve, reject) => {
      const out = mkdtempSync(path.join(os.tmpdir(), 'bundle-'))
      const child = spawn(
        process.execPath,
        [path.join(REPO_ROOT, 'scripts', 'build.mjs'), '--out', out, name],
        {
          cwd: REPO_ROOT,
          stdio: ['ignore', 'pipe', 'pipe']
        }
      )
      const err: Buffer[] = []
      child.stderr.on('data', (c: Buffer) => err.push(c))
      child.on('error', reject)
      child.on('close', code =>
        code === 0
          ? resolve(path.join(out, name, 'index.js'))
          : reject(new Error(`building ${name} failed: ${Buffer.concat(err).toString('utf8')}`))
      )
    })
    built.set(name, p)
  }
  return p
}

export interface RecordedRequest {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

export interface LocalServer {
  url: string
  requests: RecordedRequest[]
  close(): Promise<void>
}

/**
 * An HTTP server on 127.0.0.1 (random port) that records every request; used to stand in for
 * GitHub's REST API and other services in tests.
 */
export async function startHttpServer(
  handler: (req: RecordedRequest, res: ServerResponse) => void | Promise<void>
): Promise<LocalServer> {
  const requests: RecordedRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const rec: RecordedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8')
      }
      requests.push(rec)
      Promise.resolve(handler(rec, res)).catch((err: unknown) => {
        res.statusCode = 500
        res.end(String(err))
      })
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>(resolve => server.close(() => resolve()))
  }
}
