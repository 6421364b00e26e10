/**
 * Starts Debian's `docker-registry` (distribution 2.8) on 127.0.0.1 with a random free port and a
 * temporary storage directory, for tests that need a real OCI registry.
 *
 *   const describeRegistry = registryDescribe()      // describe.skip + a message without it
 *   let registry: LocalRegistry
 *   beforeAll(async () => { registry = await startRegistry() })
 *   afterAll(async () => { await registry?.stop() })
 *
 * Binary: `$DOCKER_REGISTRY_BIN`, else `docker-registry` on PATH, else /usr/bin/docker-registry.
 * Install it with `scripts/ensure-registry.sh` (apt-get install docker-registry).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { accessSync, constants as fsConstants } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe } from '@jest/globals'

export interface LocalRegistry {
  /** `http://127.0.0.1:<port>` */
  url: string
  /** `127.0.0.1:<port>`: the registry part of image references. */
  host: string
  port: number
  /** Storage root (removed by stop()). */
  storageDir: string
  stop(): Promise<void>
}

export const REGISTRY_MISSING =
  'skipping: docker-registry not installed (run scripts/ensure-registry.sh)'

/** Path of the docker-registry binary, or undefined. */
export function registryBinary(): string | undefined {
  const candidates: string[] = []
  if (process.env.DOCKER_REGISTRY_BIN) candidates.push(process.env.DOCKER_REGISTRY_BIN)
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir) candidates.push(path.join(dir, 'docker-registry'))
  }
  candidates.push('/usr/bin/docker-registry')
  for (const c of candidates) {
    try {
      accessSync(c, fsConstants.X_OK)
      return c
    } catch {
      // keep looking
    }
  }
  return undefined
}

export function registryAvailable(): boolean {
  return registryBinary() !== undefined
}

/** `describe` when docker-registry is installed; otherwise `describe.skip`, saying why once. */
export function registryDescribe(): typeof describe.skip {
  if (registryAvailable()) return describe
  console.log(REGISTRY_MISSING)
  return describe.skip
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

async function waitReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15000
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`docker-registry exited (${child.exitCode ?? child.signalCode}): ${log()}`)
    }
    try {
      const r = await fetch(`${url}/v2/`, { signal: AbortSignal.timeout(1000) })
      await r.body?.cancel()
      if (r.status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  throw new Error(`docker-registry did not become ready at ${url}: ${log()}`)
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise(resolve => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/** Starts a registry; throws when the binary is missing (check registryAvailable() first). */
export async function startRegistry(): Promise<LocalRegistry> {
  const bin = registryBinary()
  if (!bin) throw new Error(REGISTRY_MISSING)
  const storageDir = await mkdtemp(path.join(tmpdir(), 'sp-registry-'))
  let lastError: unknown
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort()
    const host = `127.0.0.1:${port}`
    const url = `http://${host}`
    const configPath = path.join(storageDir, 'config.yml')
    await writeFile(
      configPath,
      [
        'version: 0.1',
        'log:',
        '  level: error',
        '  accesslog:',
        '    disabled: true',
        'storage:',
        '  filesystem:',
        `    rootdirectory: ${path.join(storageDir, 'data')}`,
        '  delete:',
        '    enabled: true',
        '  maintenance:',
        '    uploadpurging:',
        '      enabled: false',
        'http:',
        `  addr: ${host}`,
        ''
      ].join('\n')
    )
    let output = ''
    const child = spawn(bin, ['serve', configPath], { stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)))
    child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)))
    try {
      await waitReady(url, child, () => output.trim().split('\n').slice(-5).join(' | '))
    } catch (err) {
      lastError = err
      await stopChild(child)
      continue
    }
    let stopped = false
    return {
      url,
      host,
      port,
      storageDir,
      async stop(): Promise<void> {
        if (stopped) return
        stopped = true
        await stopChild(child)
        await rm(storageDir, { recursive: true, force: true })
      }
    }
  }
  await rm(storageDir, { recursive: true, force: true })
  throw lastError instanceof Error ? lastError : new Error(String(lastError))
}
