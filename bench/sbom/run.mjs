#!/usr/bin/env node
// npm run bench:sbom — secure-pipeline's SBOM generator side by side with cdxgen, in one run.
//
// Inputs: the largest npm, pnpm and Cargo lockfiles of ../shared/corpus/lockfiles and a generated
// 20,000-package npm lockfile. Each tool runs as a fresh process (start-up included) on a copy
// of the input directory; the median of --runs runs (default 3) is reported with the ratio.
// cdxgen is installed on first use into .bench/peers (npm registry) and run offline with the
// flags from the research notes: FETCH_LICENSE=false, --no-install-deps, -t <type>, spec 1.6.
//
// Usage: node bench/sbom/run.mjs [--runs N] [--skip-peer] [--only NAME]
import { spawn, spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { setTimeout, clearTimeout } from 'node:timers'

const ROOT = path.resolve(import.meta.dirname, '../..')
const BENCH = path.join(ROOT, '.bench')
const PEERS = path.join(BENCH, 'peers')
const CDXGEN_VERSION = '12.8.4'
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'skip-peer': { type: 'boolean', default: false },
    only: { type: 'string' }
  }
})
const RUNS = Math.max(1, Number(values.runs))
const shared = process.env.SECURE_PIPELINE_SHARED ?? path.resolve(ROOT, '../shared')
const corpus = path.join(shared, 'corpus/lockfiles')
if (!existsSync(corpus)) {
  console.error(`bench:sbom: corpus not found at ${corpus} (set SECURE_PIPELINE_SHARED)`)
  process.exit(2)
}

// ---------------------------------------------------------------- our bundles
const require = createRequire(import.meta.url)
const ncc = path.join(path.dirname(require.resolve('@vercel/ncc/package.json')), 'dist/ncc/cli.js')
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts })
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`)
  return r
}
console.log('building the sbom bundle (bench/sbom/entry.ts) and the CLI bundle …')
const sbomBundle = path.join(BENCH, 'sbom-bundle')
run(
  process.execPath,
  [
    ncc,
    'build',
    path.join(ROOT, 'bench/sbom/entry.ts'),
    '-o',
    sbomBundle,
    '--quiet',
    '--transpile-only',
    '--target',
    'es2023'
  ],
  {
    env: { ...process.env, NODE_OPTIONS: '' }
  }
)
run(process.execPath, [
  path.join(ROOT, 'scripts/build.mjs'),
  '--out',
  path.join(BENCH, 'dist'),
  'cli'
])
const ours = path.join(sbomBundle, 'index.js')
const oursCli = path.join(BENCH, 'dist/cli/index.js')

// ---------------------------------------------------------------- peer
const cdxgenBin = path.join(PEERS, 'node_modules/@cyclonedx/cdxgen/bin/cdxgen.js')
let peer = !values['skip-peer']
if (peer && !existsSync(cdxgenBin)) {
  console.log(`installing @cyclonedx/cdxgen@${CDXGEN_VERSION} into .bench/peers …`)
  mkdirSync(PEERS, { recursive: true })
  const r = spawnSync(
    'npm',
    [
      'install',
      '--prefix',
      PEERS,
      '--no-audit',
      '--no-fund',
      `@cyclonedx/cdxgen@${CDXGEN_VERSION}`
    ],
    {
      stdio: 'inherit'
    }
  )
  if (r.status !== 0 || !existsSync(cdxgenBin)) {
    console.error('bench:sbom: could not install cdxgen; run with --skip-peer to time ours alone')
    process.exit(2)
  }
}

// ---------------------------------------------------------------- inputs
function largest(dirs, file) {
  return dirs
    .map(d => path.join(corpus, d, file))
    .filter(f => existsSync(f))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0]
}
const dirsOf = prefix => readdirSync(path.join(corpus, prefix)).map(d => `${prefix}/${d}`)
const npmLock = largest(
  [...dirsOf('npm-v3'), ...dirsOf('npm-v2'), ...dirsOf('npm-v1')],
  'package-lock.json'
)
const pnpmLock = largest([...dirsOf('pnpm-v9'), ...dirsOf('pnpm-v6')], 'pnpm-lock.yaml')
const cargoLock = largest(dirsOf('cargo'), 'Cargo.lock')

const inputsDir = path.join(BENCH, 'inputs')
rmSync(inputsDir, { recursive: true, force: true })
function stage(name, lockfile, extra) {
  const dir = path.join(inputsDir, name)
  mkdirSync(dir, { recursive: true })
  cpSync(lockfile, path.join(dir, path.basename(lockfile)))
  for (const f of extra) {
    const src = path.join(path.dirname(lockfile), f)
    if (existsSync(src)) cpSync(src, path.join(dir, f))
  }
  return dir
}

/** A deterministic npm v3 lockfile with `count` packages, nesting and dev/optional flags. */
function generateNpmLock(count) {
  let seed = 42
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  const names = Array.from({ length: count }, (_, i) =>
    i % 7 === 0 ? `@scope${i % 50}/pkg-${i}` : `pkg-${i}`
  )
  const packages = {}
  const rootDeps = {}
  const rootDev = {}
  for (let i = 0; i < 150; i++) rootDeps[names[i]] = '^1.0.0'
  for (let i = 150; i < 300; i++) rootDev[names[i]] = '^1.0.0'
  packages[''] = {
    name: 'generated-20k',
    version: '1.0.0',
    dependencies: rootDeps,
    devDependencies: rootDev
  }
  let made = 0
  for (let i = 0; made < count; i++) {
    const n = names[i % count]
    const nested = i >= count
    const key = nested
      ? `node_modules/${names[(i * 7) % count]}/node_modules/${n}`
      : `node_modules/${n}`
    if (packages[key]) continue
    const version = nested ? `2.${i % 10}.0` : `1.${i % 20}.${i % 3}`
    const deps = {}
    // Dependencies point "forward" only (an acyclic graph, as most real trees nearly are).
    const idx = i % count
    const k = idx >= count - 1 ? 0 : Math.floor(rnd() * 6)
    for (let j = 0; j < k; j++)
      deps[names[idx + 1 + Math.floor(rnd() * (count - idx - 1))]] = '^1.0.0'
    const base = n.split('/').pop()
    packages[key] = {
      version,
      resolved: `https://registry.npmjs.org/${n}/-/${base}-${version}.tgz`,
      integrity: `sha512-${createHash('sha512').update(key).digest('base64')}`,
      license: i % 5 === 0 ? 'Apache-2.0' : 'MIT',
      ...(i % 3 === 1 ? { dev: true } : i % 17 === 0 ? { optional: true } : {}),
      ...(k > 0 ? { dependencies: deps } : {})
    }
    made++
  }
  return { name: 'generated-20k', version: '1.0.0', lockfileVersion: 3, requires: true, packages }
}

const inputs = [
  {
    name: `npm: ${path.relative(corpus, npmLock)}`,
    type: 'js',
    dir: stage('npm', npmLock, ['package.json'])
  },
  {
    name: `pnpm: ${path.relative(corpus, pnpmLock)}`,
    type: 'js',
    dir: stage('pnpm', pnpmLock, ['package.json', 'pnpm-workspace.yaml'])
  },
  {
    name: `cargo: ${path.relative(corpus, cargoLock)}`,
    type: 'rust',
    dir: stage('cargo', cargoLock, ['Cargo.toml'])
  }
]
{
  const dir = path.join(inputsDir, 'npm-20k')
  mkdirSync(dir, { recursive: true })
  const lock = generateNpmLock(20000)
  writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify(lock, null, 2) + '\n')
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify(
      {
        name: lock.name,
        version: lock.version,
        dependencies: lock.packages[''].dependencies,
        devDependencies: lock.packages[''].devDependencies
      },
      null,
      2
    ) + '\n'
  )
  // cdxgen needs minutes here: it runs once on this input (ours still RUNS times).
  inputs.push({ name: 'npm: generated 20,000 packages', type: 'js', dir, peerRuns: 1 })
}
const selected = values.only ? inputs.filter(i => i.name.includes(values.only)) : inputs

// ---------------------------------------------------------------- timing
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 300_000)
function timeProcess(cmd, args, env, out) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint()
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...env }
    })
    let err = ''
    child.stderr.on('data', c => (err += c))
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, TIMEOUT_MS)
    child.on('error', reject)
    child.on('close', code => {
      clearTimeout(timer)
      const ms = Number(process.hrtime.bigint() - start) / 1e6
      if (timedOut) return resolve({ ms: TIMEOUT_MS, components: NaN, timedOut: true })
      if (code !== 0)
        return reject(
          new Error(`${path.basename(args[0] ?? cmd)} exited ${code}: ${err.slice(-400)}`)
        )
      let components = NaN
      try {
        components = JSON.parse(readFileSync(out, 'utf8')).components?.length ?? NaN
      } catch {
        /* reported as NaN */
      }
      resolve({ ms, components })
    })
  })
}
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const outDir = path.join(BENCH, 'out')
mkdirSync(outDir, { recursive: true })

const tools = [
  {
    id: 'ours',
    label: 'secure-pipeline sbom (engine bundle)',
    args: (i, o) => [ours, i.dir, '--output', o],
    env: {}
  },
  {
    id: 'cli',
    label: 'secure-pipeline CLI bundle',
    args: (i, o) => [oursCli, 'sbom', i.dir, '--output', o],
    env: {}
  },
  ...(peer
    ? [
        {
          id: 'cdxgen',
          label: `cdxgen ${CDXGEN_VERSION}`,
          args: (i, o) => [
            cdxgenBin,
            '-t',
            i.type,
            '--no-install-deps',
            '--spec-version',
            '1.6',
            '-o',
            o,
            i.dir
          ],
          env: { FETCH_LICENSE: 'false', CDXGEN_DEBUG_MODE: '', NODE_NO_WARNINGS: '1' }
        }
      ]
    : [])
]

console.log(
  `node ${process.version}, ${RUNS} run(s) per tool and input (median), tools interleaved\n`
)
const rows = []
for (const input of selected) {
  const times = Object.fromEntries(tools.map(t => [t.id, []]))
  const counts = {}
  const timedOut = {}
  for (let r = 0; r < RUNS; r++) {
    for (const t of tools) {
      if (timedOut[t.id]) continue
      if (t.id === 'cdxgen' && input.peerRuns !== undefined && r >= input.peerRuns) continue
      const out = path.join(outDir, `${t.id}-${path.basename(input.dir)}.json`)
      rmSync(out, { force: true })
      const res = await timeProcess(process.execPath, t.args(input, out), t.env, out)
      times[t.id].push(res.ms)
      counts[t.id] = res.components
      if (res.timedOut) timedOut[t.id] = true
    }
  }
  const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]))
  const best = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.min(...v)]))
  rows.push({ input: input.name, m, best, counts, timedOut })
  const gt = id => (timedOut[id] ? '>' : '')
  const line = tools
    .map(
      t =>
        `${t.id} ${gt(t.id)}${(m[t.id] / 1000).toFixed(3)} s (${timedOut[t.id] ? 'timed out' : `${counts[t.id]} components`})`
    )
    .join(' | ')
  console.log(
    `${input.name}: ${line}${peer ? ` | cdxgen/ours ${gt('cdxgen')}${(m.cdxgen / m.ours).toFixed(1)}x, cdxgen/cli ${gt('cdxgen')}${(m.cdxgen / m.cli).toFixed(1)}x` : ''}`
  )
}

console.log(
  '\n| input | components (ours / cdxgen) | ours engine bundle | ours CLI bundle | cdxgen | cdxgen ÷ ours | cdxgen ÷ CLI | best-of: cdxgen ÷ ours |'
)
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |')

for (const r of rows) {
  const gt = id => (r.timedOut[id] ? '>' : '')
  const s = (ms, id) => (ms === undefined ? '–' : `${gt(id)}${(ms / 1000).toFixed(3)} s`)
  const ratio = (a, b) =>
    a === undefined || b === undefined ? '–' : `${gt('cdxgen')}${(a / b).toFixed(1)}×`
  console.log(
    `| ${r.input} | ${r.counts.ours} / ${r.timedOut.cdxgen ? 'timed out' : (r.counts.cdxgen ?? '–')} | ${s(r.m.ours, 'ours')} | ${s(r.m.cli, 'cli')} | ${s(r.m.cdxgen, 'cdxgen')} | ${ratio(r.m.cdxgen, r.m.ours)} | ${ratio(r.m.cdxgen, r.m.cli)} | ${ratio(r.best.cdxgen, r.best.ours)} |`
  )
}
if (peer) {
  const worst = Math.min(...rows.map(r => r.m.cdxgen / r.m.ours))
  const worstBest = Math.min(...rows.map(r => r.best.cdxgen / r.best.ours))
  console.log(
    `\nslowest ratio (engine bundle): ${worst.toFixed(1)}× on medians, ${worstBest.toFixed(1)}× best-of-${RUNS} (target ≥ 10×)`
  )
}
