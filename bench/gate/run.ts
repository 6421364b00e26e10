/**
 * bench:gate — deploy-gate decisions per second over realistic evidence sets, side by side with
 * the same checks written as plain TypeScript (evaluateNative), in one run.
 *
 * Evidence sets: the fixture evidence of a release (secret scan, SBOM, policy check, signature and
 * provenance verification, provenance, facts) with SBOMs of 50 to 2,000 components, some secret
 * findings, policy failures, vulnerabilities and approvals varied per set. Both evaluators must
 * reach the same decision on every set, or the run fails.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  buildInput,
  evaluateNative,
  loadEvidence,
  loadGatePolicy,
  parseDeclarativePolicy,
  runGate,
  type GateInput
} from '@secure-pipeline/gate'
import { readFileSync } from 'node:fs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const fixtures = path.join(root, 'packages/gate/test/fixtures')
const SETS = Number(process.env.GATE_BENCH_SETS ?? 200)
const SECONDS = Number(process.env.GATE_BENCH_SECONDS ?? 3)
const NOW = new Date('2026-11-26T01:00:00Z')
const ENV = 'production'
const BASE = [
  'secrets-clean.json',
  'sbom.cdx.json',
  'conftest-pass.json',
  'verify-ok.json',
  'verify-attest-prov.json',
  'provenance.intoto.json',
  'facts.json'
].map(f => `evidence/${f}`)
const LICENSES = [
  'MIT',
  'Apache-2.0',
  'BSD-3-Clause',
  'ISC',
  'MPL-2.0',
  'GPL-3.0-only',
  'AGPL-3.0-or-later'
]

// Deterministic pseudo-random numbers, so every run measures the same sets.
let seed = 42
const rnd = (n: number): number => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff
  return seed % n
}

function variant(base: GateInput, i: number): GateInput {
  const input = structuredClone(base)
  const n = [50, 200, 500, 2000][i % 4]
  input.sbom.components = Array.from({ length: n }, (_, k) => {
    const name = `pkg-${i}-${k}`
    const license = i % 6 === 0 && k === 7 ? LICENSES[5 + rnd(2)] : LICENSES[rnd(5)]
    return {
      name,
      version: `1.${k % 10}.0`,
      purl: `pkg:npm/${name}@1.${k % 10}.0`,
      type: 'library',
      licenses: [license]
    }
  })
  if (i % 5 === 0)
    input.secret_scan.findings = Array.from({ length: 1 + rnd(3) }, (_, k) => ({
      rule_id: 'aws-access-token',
      severity: 'high' as const,
      file: `src/f${k}.ts`,
      line: 10 + k,
      location: `src/f${k}.ts:${10 + k}`,
      commit: null,
      verified: null
    }))
  if (i % 7 === 0)
    input.policy_check.failures = [
      {
        file: 'k8s/app.yaml',
        namespace: 'main',
        msg: 'privileged container',
        id: 'privileged',
        severity: 'high'
      }
    ]
  if (i % 3 === 0) input.approvals = input.approvals.slice(0, 1)
  input.vulnerability_scan = {
    present: true,
    vulnerabilities: Array.from({ length: rnd(20) }, (_, k) => ({
      id: `CVE-2026-${1000 + k}`,
      severity: (['low', 'medium', 'high', 'critical'] as const)[rnd(4)],
      package: 'pkg:npm/x@1',
      source: 'bench',
      aliases: [],
      fix_state: 'unknown' as const,
      fixed_versions: []
    })),
    suppressed: []
  }
  return input
}

function measure(
  label: string,
  inputs: GateInput[],
  decide: (input: GateInput) => boolean
): number {
  for (const input of inputs) decide(input) // warm-up
  let count = 0
  const start = performance.now()
  let elapsed = 0
  while (elapsed < SECONDS * 1000) {
    for (const input of inputs) decide(input)
    count += inputs.length
    elapsed = performance.now() - start
  }
  const rate = count / (elapsed / 1000)
  console.log(
    `${label.padEnd(44)} ${rate.toFixed(0).padStart(9)} decisions/s  (${count} decisions in ${(elapsed / 1000).toFixed(2)} s)`
  )
  return rate
}

const policy = loadGatePolicy('policies/gate.yml', fixtures)
const evaluator = policy.forEnvironment(ENV)
const rules = parseDeclarativePolicy(
  readFileSync(path.join(fixtures, 'policies/gate.yml'), 'utf8'),
  'gate.yml'
).rules(ENV)
const base = evaluator.prepare(buildInput(loadEvidence(BASE, fixtures), NOW.getTime(), ENV))
const inputs = Array.from({ length: SETS }, (_, i) => variant(base, i))
const components = inputs.reduce((s, x) => s + x.sbom.components.length, 0)

// Both must agree on every set.
let allowed = 0
for (const [i, input] of inputs.entries()) {
  const a = evaluator.evaluate(input)
  const b = evaluateNative(rules, input)
  if (JSON.stringify(a) !== JSON.stringify(b)) {
    console.error(
      `bench:gate: Rego and TypeScript disagree on set ${i}:\n${JSON.stringify(a)}\n${JSON.stringify(b)}`
    )
    process.exit(1)
  }
  if (a.allow) allowed++
}
console.log(
  `bench:gate: ${SETS} evidence sets (${components} SBOM components in all; ${allowed} allowed, ${SETS - allowed} denied), policy policies/gate.yml, environment ${ENV}, ${SECONDS} s per measurement`
)
const rego = measure(
  'gate (declarative policy compiled to Rego)',
  inputs,
  x => evaluator.evaluate(x).allow
)
const native = measure(
  'same checks in plain TypeScript',
  inputs,
  x => evaluateNative(rules, x).allow
)
console.log(
  `ratio: plain TypeScript is ${(native / rego).toFixed(1)}x the Rego evaluation (Rego at ${((rego / native) * 100).toFixed(1)}% of native speed)`
)

// End to end: read and hash the evidence files, normalise, evaluate, audit — what one gate run does.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'gate-bench-'))
try {
  const sbom = JSON.parse(readFileSync(path.join(fixtures, 'evidence/sbom.cdx.json'), 'utf8')) as {
    components: unknown[]
  }
  sbom.components = inputs[3].sbom.components.map(c => ({
    type: 'library',
    name: c.name,
    version: c.version,
    purl: c.purl,
    licenses: c.licenses.map(id => ({ license: { id } }))
  }))
  writeFileSync(path.join(tmp, 'sbom.json'), JSON.stringify(sbom))
  const evidence = [
    ...BASE.filter(e => !e.includes('sbom')).map(e => path.join(fixtures, e)),
    path.join(tmp, 'sbom.json')
  ]
  let runs = 0
  const start = performance.now()
  while (performance.now() - start < SECONDS * 1000) {
    runGate({ policy: 'policies/gate.yml', evidence, environment: ENV, cwd: fixtures, now: NOW })
    runs++
  }
  const rate = runs / ((performance.now() - start) / 1000)
  console.log(
    `${'full gate run (load policy+7 files, 2,000-component SBOM)'.padEnd(44)} ${rate.toFixed(0).padStart(9)} runs/s`
  )
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
