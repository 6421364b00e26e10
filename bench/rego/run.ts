/**
 * `npm run bench:rego`: evaluates a Pod-Security-Standards-style Rego policy set (pss.rego) over
 * generated Kubernetes objects with the in-process engine, and the same checks written as plain
 * TypeScript over the same objects; prints objects/second for both and the ratio. The two must
 * produce identical messages (checked), so the comparison is like for like.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { compile } from '../../packages/rego/src/index.js'
import { generateObjects, type K8sObject } from './generate.js'
import { checkPlain } from './plain.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const count = Number(process.argv[2] ?? process.env.BENCH_REGO_OBJECTS ?? 10_000)

const objects: K8sObject[] = generateObjects(count, 42)
const source = readFileSync(path.join(here, 'pss.rego'), 'utf8')

const t0 = performance.now()
const policy = compile([{ path: 'bench/rego/pss.rego', source }])
const compileMs = performance.now() - t0

function runRego(): string[][] {
  return objects.map(o => {
    // deny and warn against the same input object share the evaluator (helper rules once)
    const deny = (policy.evalRule('bench.pss', 'deny', { input: o }) ?? []) as string[]
    const warn = (policy.evalRule('bench.pss', 'warn', { input: o }) ?? []) as string[]
    return [...deny, ...warn]
  })
}

function runPlain(): string[][] {
  return objects.map(o => {
    const r = checkPlain(o)
    return [...r.deny, ...r.warn]
  })
}

/**
 * CPU time (user + system) of this process, best of three runs: on a shared machine wall-clock
 * time mostly measures the neighbours, CPU time much less so.
 */
function time<T>(f: () => T, runs = 3): [T, number] {
  let best = Infinity
  let r: T | undefined
  for (let i = 0; i < runs; i++) {
    const s = process.cpuUsage()
    r = f()
    const d = process.cpuUsage(s)
    best = Math.min(best, (d.user + d.system) / 1000)
  }
  return [r!, best]
}

// warm-up on a slice, then measure
runRego()
runPlain()
const [regoOut, regoMs] = time(runRego)
const [plainOut, plainMs] = time(runPlain, 15)

let mismatches = 0
let messages = 0
for (let i = 0; i < objects.length; i++) {
  const a = JSON.stringify(regoOut[i])
  const b = JSON.stringify([...plainOut[i]].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)))
  const a2 = JSON.stringify([...regoOut[i]].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)))
  messages += regoOut[i].length
  if (a2 !== b) {
    if (mismatches < 3)
      process.stderr.write(`mismatch for object ${i}:\n  rego:  ${a}\n  plain: ${b}\n`)
    mismatches++
  }
}

const regoRate = (objects.length / regoMs) * 1000
const plainRate = (objects.length / plainMs) * 1000
const lines = [
  `bench:rego — ${objects.length} Kubernetes objects, ${messages} messages, policy compiled in ${compileMs.toFixed(1)} ms`,
  `  rego engine      ${regoMs.toFixed(0).padStart(7)} ms CPU  ${regoRate.toFixed(0).padStart(9)} objects/s`,
  `  plain TypeScript ${plainMs.toFixed(0).padStart(7)} ms CPU  ${plainRate.toFixed(0).padStart(9)} objects/s`,
  `  ratio (rego time / plain time): ${(regoMs / plainMs).toFixed(1)}x`,
  mismatches ? `  RESULTS DIFFER for ${mismatches} objects` : '  results identical'
]
process.stdout.write(lines.join('\n') + '\n')
process.exitCode = mismatches ? 1 : 0
