/**
 * Worker threads for the working-tree scan: each worker reads files, sniffs binaries and runs
 * the matcher over whole buffers; the main thread only walks the tree and post-filters the few
 * raw matches. The worker's code is `createMatcher`'s own source, so the bundle needs no extra
 * file.
 */
import { isAscii } from 'node:buffer'
import fs from 'node:fs'
import os from 'node:os'
import v8 from 'node:v8'
import vm from 'node:vm'
import { Worker } from 'node:worker_threads'
import {
  createMatcher,
  type Matcher,
  type MatcherSpec,
  type RawMatch,
  type SlowRule
} from './matcher.js'

export interface FileJob {
  id: number
  abs: string
}

export interface FileResult {
  id: number
  bytes: number
  matches: RawMatch[]
  slow: SlowRule[]
  skipped?: 'binary' | 'unreadable'
  detail?: string
}

const SNIFF = 8000

function isBinary(buf: Buffer): boolean {
  return buf.subarray(0, SNIFF).indexOf(0) !== -1
}

/**
 * Reads whole files into one buffer reused from file to file: a fresh buffer per file (what
 * `readFileSync` returns) is external memory the garbage collector has to chase. The returned
 * view is valid until the next call. Self-contained, like `createMatcher`: workers get its source.
 */
export function createFileReader(fsm: typeof fs): (abs: string) => Buffer {
  let pool = Buffer.allocUnsafe(1 << 20)
  return (abs: string): Buffer => {
    const fd = fsm.openSync(abs, 'r')
    try {
      let len = 0
      for (;;) {
        if (len === pool.length) {
          const bigger = Buffer.allocUnsafe(pool.length * 2)
          pool.copy(bigger, 0, 0, len)
          pool = bigger
        }
        const n = fsm.readSync(fd, pool, len, pool.length - len, null)
        if (n === 0) break
        len += n
      }
      return pool.subarray(0, len)
    } finally {
      fsm.closeSync(fd)
    }
  }
}

function workerSource(): string {
  return `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const vm = require('node:vm');
const createMatcher = (${createMatcher.toString()});
const { isAscii } = require('node:buffer');
const matcher = createMatcher(workerData.spec, vm, isAscii);
const readFile = (${createFileReader.toString()})(fs);
// Warm up while the main thread walks the tree: the first megabytes would otherwise run in
// unoptimized code. Built-in rules only (a user regex could be slow on any text).
if (!workerData.spec.rules.some((r) => r.untrusted)) (${warmUp.toString()})(matcher, workerData.spec);
parentPort.on('message', (jobs) => {
  const out = [];
  for (const job of jobs) {
    let buf;
    try { buf = readFile(job.abs); } catch (e) {
      out.push({ id: job.id, bytes: 0, matches: [], slow: [], skipped: 'unreadable', detail: String(e && e.message) });
      continue;
    }
    if (buf.subarray(0, ${SNIFF}).indexOf(0) !== -1) { out.push({ id: job.id, bytes: buf.length, matches: [], slow: [], skipped: 'binary' }); continue; }
    const r = matcher.scan(buf);
    out.push({ id: job.id, bytes: buf.length, matches: r.matches, slow: r.slow });
  }
  parentPort.postMessage(out);
});
`
}

/**
 * Runs the matcher over generated code with every keyword in it, so the optimizing compiler has
 * compiled the hot paths before real files arrive. Self-contained: it runs in the workers.
 */
export function warmUp(matcher: Matcher, spec: MatcherSpec): void {
  const lines: string[] = []
  for (const r of spec.rules)
    for (const kw of r.keywords) {
      lines.push(`  const total = compute(left, right) + offset // ${kw} handling`)
      lines.push(`  ${kw.replace(/[^A-Za-z0-9_]/g, '_')}_name = lookup(value)`)
    }
  const filler = '    return await this.render(item, { retries: 3, timeout: 1000 }) // keep\n'
  const body = Buffer.from(`${lines.join('\n')}\n${filler.repeat(600)}`)
  for (let k = 0; k < 8; k++) matcher.scan(body)
}

/** Scans files in this thread (small inputs, or workers: 0). */
export function scanFilesInline(
  spec: MatcherSpec,
  jobs: FileJob[],
  onResult: (r: FileResult) => void
): void {
  scanBatch(createMatcher(spec, vm, isAscii), createFileReader(fs), jobs, onResult)
}

function scanBatch(
  matcher: Matcher,
  readFile: (abs: string) => Buffer,
  jobs: FileJob[],
  onResult: (r: FileResult) => void
): void {
  for (const job of jobs) {
    let buf: Buffer
    try {
      buf = readFile(job.abs)
    } catch (err) {
      onResult({
        id: job.id,
        bytes: 0,
        matches: [],
        slow: [],
        skipped: 'unreadable',
        detail: (err as Error).message
      })
      continue
    }
    if (isBinary(buf)) {
      onResult({ id: job.id, bytes: buf.length, matches: [], slow: [], skipped: 'binary' })
      continue
    }
    const r = matcher.scan(buf)
    onResult({ id: job.id, bytes: buf.length, matches: r.matches, slow: r.slow })
  }
}

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(8, os.availableParallelism()))
}

/**
 * Scans files on `workers` threads. Jobs go out in batches of about `batchBytes`; each worker
 * keeps two batches in flight so it never waits for the main thread.
 */
export interface EarlyWorker {
  worker: Worker
  /** Set when the worker failed or exited before it was used. */
  dead: boolean
}

/** Starts worker threads ahead of time (they boot while the main thread walks the tree). */
/**
 * V8 optimizes hot functions on background threads. When every core runs a scanning thread,
 * those compile jobs starve and each thread spends its first ~15 MB in unoptimized code (measured:
 * 2 threads took 1.0 s of wall time against 0.6 s for one). Compiling on the thread that needs the
 * code removes that stall. The flag is process-wide and read when an isolate starts, so it is set
 * just before the first worker is created.
 */
let syncOptimization = false
function newWorker(spec: MatcherSpec): Worker {
  if (!syncOptimization) {
    syncOptimization = true
    v8.setFlagsFromString('--no-concurrent-recompilation')
  }
  return new Worker(workerSource(), { eval: true, workerData: { spec } })
}

export function startWorkers(spec: MatcherSpec, count: number): EarlyWorker[] {
  return Array.from({ length: count }, () => {
    const e: EarlyWorker = {
      worker: newWorker(spec),
      dead: false
    }
    e.worker.on('error', () => (e.dead = true))
    e.worker.on('exit', () => (e.dead = true))
    return e
  })
}

export async function scanFilesParallel(
  spec: MatcherSpec,
  jobs: (FileJob & { size: number })[],
  workers: number,
  onResult: (r: FileResult) => void,
  prestarted: EarlyWorker[] = [],
  maxBatchBytes = 1024 * 1024
): Promise<void> {
  // Batches of at most 1 MiB: a message costs little, and when a thread is slow (another process
  // holds its core, or its code is still cold) the others wait at most for the two small batches
  // it holds, not for 16 MB of work.
  const total = jobs.reduce((sum, j) => sum + j.size, 0)
  const batchBytes = Math.max(256 * 1024, Math.min(maxBatchBytes, Math.ceil(total / (workers * 4))))
  const batches: FileJob[][] = []
  let cur: FileJob[] = []
  let curBytes = 0
  for (const j of jobs) {
    cur.push({ id: j.id, abs: j.abs })
    curBytes += j.size
    if (curBytes >= batchBytes || cur.length >= 256) {
      batches.push(cur)
      cur = []
      curBytes = 0
    }
  }
  if (cur.length > 0) batches.push(cur)
  let next = 0
  // The main thread scans too (it would otherwise wait): `workers - 1` threads are spawned, which
  // also saves one isolate's start-up and JIT cost.
  const n = Math.max(0, Math.min(workers - 1, batches.length - 1))
  const ready = prestarted.filter(e => !e.dead).map(e => e.worker)
  const pool: Worker[] = []
  const done: Promise<void>[] = []
  try {
    for (let k = 0; k < n; k++) {
      const w = ready[k] ?? newWorker(spec)
      pool.push(w)
      done.push(
        new Promise<void>((resolve, reject) => {
          let inFlight = 0
          const send = (): void => {
            if (next < batches.length) {
              w.postMessage(batches[next++])
              inFlight++
            }
          }
          w.on('message', (results: FileResult[]) => {
            inFlight--
            for (const r of results) onResult(r)
            send()
            if (inFlight === 0) resolve()
          })
          w.on('error', reject)
          w.on('exit', code => {
            if (inFlight > 0) reject(new Error(`secret-scan worker exited with code ${code}`))
          })
          send()
          send()
          if (inFlight === 0) resolve()
        })
      )
    }
    // Surface a worker failure even while the main thread is busy.
    let failure: Error | undefined
    for (const d of done)
      d.catch((err: unknown) => (failure ??= err instanceof Error ? err : new Error(String(err))))
    const matcher = createMatcher(spec, vm, isAscii)
    const readFile = createFileReader(fs)
    while (next < batches.length) {
      if (failure !== undefined) break
      scanBatch(matcher, readFile, batches[next++], onResult)
      // Let the workers' results (and their requests for more) in between batches.
      await new Promise<void>(resolve => setImmediate(resolve))
    }
    await Promise.all(done)
    if (failure !== undefined) throw failure
  } finally {
    await Promise.all(pool.map(w => w.terminate()))
  }
}
