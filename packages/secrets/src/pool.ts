/**
 * Worker threads for the working-tree scan: each worker reads files, sniffs binaries and runs
 * the matcher over whole buffers; the main thread only walks the tree and post-filters the few
 * raw matches. The worker's code is `createMatcher`'s own source, so the bundle needs no extra
 * file.
 */
import { isAscii } from 'node:buffer'
import { readFileSync } from 'node:fs'
import os from 'node:os'
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

function isBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, SNIFF)
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true
  return false
}

function workerSource(): string {
  return `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const vm = require('node:vm');
const createMatcher = (${createMatcher.toString()});
const { isAscii } = require('node:buffer');
const matcher = createMatcher(workerData.spec, vm, isAscii);
parentPort.on('message', (jobs) => {
  const out = [];
  for (const job of jobs) {
    let buf;
    try { buf = fs.readFileSync(job.abs); } catch (e) {
      out.push({ id: job.id, bytes: 0, matches: [], slow: [], skipped: 'unreadable', detail: String(e && e.message) });
      continue;
    }
    let bin = false;
    const n = Math.min(buf.length, ${SNIFF});
    for (let i = 0; i < n; i++) if (buf[i] === 0) { bin = true; break; }
    if (bin) { out.push({ id: job.id, bytes: buf.length, matches: [], slow: [], skipped: 'binary' }); continue; }
    const r = matcher.scan(buf);
    out.push({ id: job.id, bytes: buf.length, matches: r.matches, slow: r.slow });
  }
  parentPort.postMessage(out);
});
`
}

/** Scans files in this thread (small inputs, or workers: 0). */
export function scanFilesInline(
  spec: MatcherSpec,
  jobs: FileJob[],
  onResult: (r: FileResult) => void
): void {
  scanBatch(createMatcher(spec, vm, isAscii), jobs, onResult)
}

function scanBatch(matcher: Matcher, jobs: FileJob[], onResult: (r: FileResult) => void): void {
  for (const job of jobs) {
    let buf: Buffer
    try {
      buf = readFileSync(job.abs)
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
export function startWorkers(spec: MatcherSpec, count: number): EarlyWorker[] {
  return Array.from({ length: count }, () => {
    const e: EarlyWorker = {
      worker: new Worker(workerSource(), { eval: true, workerData: { spec } }),
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
  maxBatchBytes = 8 * 1024 * 1024
): Promise<void> {
  // Big batches keep messages few; at least ~4 per thread keeps the threads balanced.
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
      const w = ready[k] ?? new Worker(workerSource(), { eval: true, workerData: { spec } })
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
    while (next < batches.length) {
      if (failure !== undefined) break
      scanBatch(matcher, batches[next++], onResult)
      // Let the workers' results (and their requests for more) in between batches.
      await new Promise<void>(resolve => setImmediate(resolve))
    }
    await Promise.all(done)
    if (failure !== undefined) throw failure
  } finally {
    await Promise.all(pool.map(w => w.terminate()))
  }
}
