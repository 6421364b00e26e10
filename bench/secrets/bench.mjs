#!/usr/bin/env node
// npm run bench:secrets — side-by-side throughput of `secure-pipeline secrets scan` against
// secretlint (npm, recommended preset) and ripgrep (Debian package) on a generated >= 100 MB
// code-like corpus with planted secrets, plus history mode on a generated 5,000-commit repository.
//
// Everything it writes goes under .bench/ (gitignored): the corpus, the git repository, a CLI
// bundle, and the peers (installed with npm into .bench/peers on first run).
// Options: --size MB (default 110) --commits N (default 5000) --runs N (default 3) --skip-secretlint
// --skip-secretlint12 (12.0.0 takes ~100 s on this corpus) --regenerate
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { corpusFiles, ghToken, rng } from './corpus.mjs'

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '110' },
    commits: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '3' },
    'skip-secretlint': { type: 'boolean', default: false },
    'skip-secretlint12': { type: 'boolean', default: false },
    regenerate: { type: 'boolean', default: false }
  }
})
const ROOT = path.resolve(import.meta.dirname, '../..')
const BENCH = path.join(ROOT, '.bench', 'secrets')
const CORPUS = path.join(BENCH, 'corpus')
const REPO = path.join(BENCH, 'history')
const PEERS = path.join(ROOT, '.bench', 'peers')
const CLI = path.join(BENCH, 'dist', 'cli', 'index.js')
const RUNS = Number(values.runs)
const SIZE = Number(values.size) * 1e6
const COMMITS = Number(values.commits)

const log = (...a) => console.log(...a)
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined

/** Wall time, and CPU time (user + sys, all threads) when GNU time is available. */
function timeRun(cmd, args, opts = {}) {
  const [c, a] = GNU_TIME ? [GNU_TIME, ['-f', '@@TIME %U %S', cmd, ...args]] : [cmd, args]
  const t0 = process.hrtime.bigint()
  const r = spawnSync(c, a, { maxBuffer: 1 << 30, encoding: 'utf8', ...opts })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.error) throw r.error
  let cpu
  let stderr = r.stderr
  const m = /@@TIME ([\d.]+) ([\d.]+)\s*$/.exec(stderr)
  if (m) {
    cpu = (Number(m[1]) + Number(m[2])) * 1000
    stderr = stderr.slice(0, m.index)
  }
  return { ms, cpu, status: r.status, stdout: r.stdout, stderr }
}
// CPU seconds per 100 MB of corpus: steadier than wall time when other jobs share the cores.
let CORPUS_BYTES = 0
const fmtCpu = c =>
  c === undefined
    ? ''
    : `, ${(c / 1000).toFixed(2)} CPU-s = ${(c / 1000 / (CORPUS_BYTES / 1e8)).toFixed(2)} CPU-s per 100 MB`

// ---- 1. corpus ----
function generateCorpus() {
  const marker = path.join(BENCH, 'corpus.json')
  if (!values.regenerate && existsSync(marker)) {
    const m = JSON.parse(readFileSync(marker, 'utf8'))
    if (m.size === SIZE) return m
  }
  rmSync(CORPUS, { recursive: true, force: true })
  mkdirSync(CORPUS, { recursive: true })
  const planted = []
  let bytes = 0
  let files = 0
  for (const f of corpusFiles({ totalBytes: SIZE, fileBytes: 48 * 1024 })) {
    const abs = path.join(CORPUS, f.path)
    mkdirSync(path.dirname(abs), { recursive: true })
    writeFileSync(abs, f.text)
    bytes += Buffer.byteLength(f.text)
    files++
    planted.push(...f.planted)
  }
  const m = { size: SIZE, bytes, files, planted }
  writeFileSync(marker, JSON.stringify(m))
  return m
}

// ---- 2. history: N commits through git fast-import ----
function generateHistory() {
  const marker = path.join(BENCH, 'history.json')
  if (!values.regenerate && existsSync(marker)) {
    const m = JSON.parse(readFileSync(marker, 'utf8'))
    if (m.commits === COMMITS) return m
  }
  rmSync(REPO, { recursive: true, force: true })
  mkdirSync(REPO, { recursive: true })
  execFileSync('git', ['init', '-q', '-b', 'main', REPO])
  const r = rng('history')
  const chunks = []
  const planted = []
  const files = new Map()
  const fileNames = Array.from({ length: 300 }, (_, i) => `src/mod${i % 30}/file${i}.js`)
  let t = 1700000000
  for (let c = 1; c <= COMMITS; c++) {
    const changes = 1 + Math.floor(r() * 3)
    let commitMsg = `change ${c}`
    const body = []
    for (let k = 0; k < changes; k++) {
      const name = fileNames[Math.floor(r() * fileNames.length)]
      const lines = files.get(name) ?? []
      const add = 3 + Math.floor(r() * 12)
      for (let i = 0; i < add; i++)
        lines.push(
          `export const v${c}_${k}_${i} = compute("${Math.floor(r() * 1e9).toString(36)}", ${Math.floor(r() * 1000)}) // token handling`
        )
      if (c % 250 === 0 && k === 0) {
        lines.push(`const GITHUB_TOKEN = "${ghToken(r, 'ghp')}"`)
        planted.push({ commit: c, file: name, line: lines.length })
        commitMsg += ' (oops)'
      }
      if (lines.length > 400) lines.splice(0, lines.length - 400)
      files.set(name, lines)
      const data = lines.join('\n') + '\n'
      body.push(`M 100644 inline ${name}\ndata ${Buffer.byteLength(data)}\n${data}`)
    }
    t += 60
    chunks.push(
      `commit refs/heads/main\nmark :${c}\nauthor Dev ${c % 7} <dev${c % 7}@example.com> ${t} +0000\ncommitter Dev <dev@example.com> ${t} +0000\ndata ${Buffer.byteLength(commitMsg)}\n${commitMsg}\n${c > 1 ? `from :${c - 1}\n` : ''}${body.join('')}\n`
    )
  }
  execFileSync('git', ['fast-import', '--quiet'], {
    cwd: REPO,
    input: chunks.join(''),
    maxBuffer: 1 << 30
  })
  execFileSync('git', ['checkout', '-q', 'main'], { cwd: REPO })
  const m = { commits: COMMITS, planted: planted.length }
  writeFileSync(marker, JSON.stringify(m))
  return m
}

// ---- 3. our CLI, bundled once into .bench ----
function buildCli() {
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'scripts/build.mjs'), '--out', path.join(BENCH, 'dist'), 'cli'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit']
    }
  )
}

/** Installs secretlint + the recommended preset (a version spec, or the latest) into a prefix. */
function ensureSecretlint(prefix, version) {
  const bin = path.join(prefix, 'node_modules', '.bin', 'secretlint')
  if (existsSync(bin)) return bin
  const spec = version ? `@${version}` : ''
  log(
    `installing secretlint${spec} + @secretlint/secretlint-rule-preset-recommend${spec} into ${path.relative(ROOT, prefix)} …`
  )
  mkdirSync(prefix, { recursive: true })
  if (!existsSync(path.join(prefix, 'package.json')))
    writeFileSync(path.join(prefix, 'package.json'), '{"private":true}\n')
  execFileSync(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefix',
      prefix,
      `secretlint${spec}`,
      `@secretlint/secretlint-rule-preset-recommend${spec}`
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] }
  )
  return bin
}

function ripgrepPath() {
  const r = spawnSync('rg', ['--version'], { encoding: 'utf8' })
  if (r.error || r.status !== 0) return undefined
  return { bin: 'rg', version: r.stdout.split('\n')[0] }
}

// The same providers as the planted secrets, as one prefix alternation.
const RG_PATTERN = [
  '\\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\\b',
  'github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}',
  'npm_[A-Za-z0-9]{36}',
  '\\b(?:AKIA|ASIA)[A-Z2-7]{16}\\b',
  'sk_live_[A-Za-z0-9]{24,}',
  'xox[bpe]-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9-]{24,}',
  'hooks\\.slack\\.com/services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24}',
  'glpat-[\\w-]{20}',
  'sk-proj-[A-Za-z0-9_-]{58,}',
  'sk-ant-api03-[\\w-]{93}AA',
  'SG\\.[\\w-]{22}\\.[\\w-]{43}',
  'AIza[0-9A-Za-z_-]{35}',
  'AccountKey=[A-Za-z0-9+/]{86}==',
  '(?:postgres|mysql|mongodb)://[^\\s:@/]+:[^\\s:@/]+@',
  'eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]{10,}',
  '-----BEGIN [A-Z ]*PRIVATE KEY-----',
  'hvs\\.[\\w-]{90,}',
  'dckr_pat_[\\w-]{27}',
  'shpat_[a-fA-F0-9]{32}',
  'dop_v1_[a-f0-9]{64}'
].join('|')

async function main() {
  log(
    `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${os
      .loadavg()
      .map(l => l.toFixed(1))
      .join(' ')}`
  )
  const t0 = Date.now()
  const corpus = generateCorpus()
  CORPUS_BYTES = corpus.bytes
  log(
    `corpus: ${(corpus.bytes / 1e6).toFixed(1)} MB in ${corpus.files} files, ${corpus.planted.length} planted secrets (${((Date.now() - t0) / 1000).toFixed(1)} s to prepare)`
  )
  const t1 = Date.now()
  const history = generateHistory()
  log(
    `history: ${history.commits} commits, ${history.planted} planted tokens (${((Date.now() - t1) / 1000).toFixed(1)} s to prepare)`
  )
  buildCli()

  // Warm the page cache.
  spawnSync('sh', ['-c', `find "${CORPUS}" -type f -exec cat {} + > /dev/null`])

  // ---- ours: working tree ----
  const ours = []
  const oursCpu = []
  let report
  for (let i = 0; i < RUNS; i++) {
    const r = timeRun(process.execPath, [
      CLI,
      'secrets',
      'scan',
      CORPUS,
      '--format',
      'json',
      '--no-redact'
    ])
    if (r.status !== 1 && r.status !== 0)
      throw new Error(`secure-pipeline failed (exit ${r.status}): ${r.stderr}`)
    ours.push(r.ms)
    if (r.cpu !== undefined) oursCpu.push(r.cpu)
    report = JSON.parse(r.stdout)
  }
  const found = new Set(report.findings.map(f => `${f.file}:${f.startLine}:${f.ruleId}`))
  const missed = corpus.planted.filter(p => !found.has(`${p.file}:${p.line}:${p.ruleId}`))
  const plantedLines = new Set(corpus.planted.map(p => `${p.file}:${p.line}`))
  const extra = report.findings.filter(f => !plantedLines.has(`${f.file}:${f.startLine}`))
  const oursMs = median(ours)
  const oursMBs = corpus.bytes / 1e6 / (oursMs / 1000)
  log(
    `\nsecure-pipeline (tree, ${report.stats.rules} rules, ${os.availableParallelism()} workers): median ${oursMs.toFixed(0)} ms of ${RUNS} → ${oursMBs.toFixed(1)} MB/s (wall${fmtCpu(oursCpu.length ? median(oursCpu) : undefined)})`
  )
  log(
    `  planted found: ${corpus.planted.length - missed.length}/${corpus.planted.length}; other findings: ${extra.length}`
  )
  for (const m of missed.slice(0, 10)) log(`  MISSED ${m.file}:${m.line} ${m.ruleId}`)
  for (const e of extra.slice(0, 10)) log(`  EXTRA  ${e.file}:${e.startLine} ${e.ruleId}`)

  // Same scan on one thread, for reference: worker threads pay off only on idle cores.
  const single = []
  const singleCpu = []
  for (let i = 0; i < RUNS; i++) {
    const r = timeRun(process.execPath, [
      CLI,
      'secrets',
      'scan',
      CORPUS,
      '--format',
      'json',
      '--workers',
      '0'
    ])
    single.push(r.ms)
    if (r.cpu !== undefined) singleCpu.push(r.cpu)
    const one = JSON.parse(r.stdout)
    if (one.findings.length !== report.findings.length)
      throw new Error(
        `one thread found ${one.findings.length} secrets, ${os.availableParallelism()} threads ${report.findings.length}`
      )
  }
  log(
    `secure-pipeline (tree, one thread, --workers 0): median ${median(single).toFixed(0)} ms → ${(corpus.bytes / 1e6 / (median(single) / 1000)).toFixed(1)} MB/s (wall${fmtCpu(singleCpu.length ? median(singleCpu) : undefined)})`
  )

  // ---- ripgrep ----
  const rg = ripgrepPath()
  let rgMs
  if (!rg)
    log(
      '\nripgrep: not installed — install it with `apt-get install -y ripgrep` (Debian) to include it'
    )
  else {
    const rgRuns = []
    const rgCpu = []
    let matches = 0
    for (let i = 0; i < RUNS; i++) {
      const r = timeRun(rg.bin, ['-c', '--no-messages', '-e', RG_PATTERN, CORPUS])
      rgRuns.push(r.ms)
      if (r.cpu !== undefined) rgCpu.push(r.cpu)
      matches = r.stdout
        .split('\n')
        .filter(Boolean)
        .reduce((s, l) => s + Number(l.split(':').pop()), 0)
    }
    rgMs = median(rgRuns)
    log(
      `\n${rg.version} (20-pattern prefix regex, ${os.availableParallelism()} threads): median ${rgMs.toFixed(0)} ms → ${(corpus.bytes / 1e6 / (rgMs / 1000)).toFixed(1)} MB/s (wall${fmtCpu(rgCpu.length ? median(rgCpu) : undefined)}); ${matches} matching lines`
    )
  }

  // ---- secretlint: what npm resolves today, and 12.0.0 (what Node 20 resolves; the notes' figure) ----
  const secretlints = []
  const variants = [
    {
      label: 'latest',
      note: 'what npm resolves on this Node',
      prefix: PEERS,
      version: undefined,
      skip: values['skip-secretlint']
    },
    {
      label: '12.0.0',
      note: 'what npm resolves on Node 20; the notes measured it',
      prefix: path.join(ROOT, '.bench', 'peers-secretlint12'),
      version: '12.0.0',
      skip: values['skip-secretlint'] || values['skip-secretlint12']
    }
  ]
  for (const v of variants) {
    if (v.skip) {
      log(`\nsecretlint ${v.label}: skipped`)
      continue
    }
    const bin = ensureSecretlint(v.prefix, v.version)
    const version = JSON.parse(
      readFileSync(path.join(v.prefix, 'node_modules', 'secretlint', 'package.json'), 'utf8')
    ).version
    const rc = path.join(BENCH, 'secretlintrc.json')
    writeFileSync(
      rc,
      JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] })
    )
    // Its JSON report embeds every file's content (12.x), so it goes to a file, not a pipe.
    const outFile = path.join(BENCH, `secretlint-${v.label}.json`)
    const r = timeRun(
      'sh',
      ['-c', 'exec "$0" "$@" > "$OUT_FILE"', bin, '--secretlintrc', rc, '--format', 'json', '**/*'],
      {
        cwd: CORPUS,
        env: { ...process.env, OUT_FILE: outFile, NODE_OPTIONS: '--max-old-space-size=4096' }
      }
    )
    r.stdout = readFileSync(outFile, 'utf8')
    rmSync(outFile, { force: true })
    let slFound
    let slFiles
    try {
      const out = JSON.parse(r.stdout)
      slFiles = out.length
      slFound = out.reduce((s, f) => s + f.messages.length, 0)
    } catch {
      // Very large reports (12.x embeds every file's content) may not parse: count instead.
      slFiles = (r.stdout.match(/"filePath"/g) ?? []).length
      slFound = (r.stdout.match(/"messageId"/g) ?? []).length
    }
    secretlints.push({ version, note: v.note, ms: r.ms, cpu: r.cpu })
    log(
      `\nsecretlint ${version} (${v.note}) + preset-recommend (1 run, ${slFiles} files): ${r.ms.toFixed(0)} ms → ${(corpus.bytes / 1e6 / (r.ms / 1000)).toFixed(2)} MB/s (wall${fmtCpu(r.cpu)}); ${slFound} findings (exit ${r.status})`
    )
  }

  // ---- history ----
  const hist = []
  const histCpu = []
  let hreport
  for (let i = 0; i < RUNS; i++) {
    const r = timeRun(process.execPath, [
      CLI,
      'secrets',
      'scan',
      REPO,
      '--mode',
      'git',
      '--format',
      'json'
    ])
    if (r.status !== 1 && r.status !== 0)
      throw new Error(`history scan failed (exit ${r.status}): ${r.stderr}`)
    hist.push(r.ms)
    if (r.cpu !== undefined) histCpu.push(r.cpu)
    hreport = JSON.parse(r.stdout)
  }
  const histMs = median(hist)
  const tokens = hreport.findings.filter(f => f.ruleId === 'github-pat').length
  log(
    `\nsecure-pipeline (history, git log -p of ${hreport.stats.commits} commits): median ${(histMs / 1000).toFixed(2)} s → ${(hreport.stats.commits / (histMs / 1000)).toFixed(0)} commits/s (wall${histCpu.length ? `, ${(median(histCpu) / 1000).toFixed(2)} CPU-s` : ''}); planted tokens found ${tokens}/${history.planted}; findings ${hreport.findings.length}`
  )

  // ---- ratios ----
  log('\nratios (same corpus, same run):')
  const oursCpuMs = oursCpu.length ? median(oursCpu) : undefined
  for (const sl of secretlints)
    log(
      `  secure-pipeline vs secretlint ${sl.version} (${sl.note}): ${(sl.ms / oursMs).toFixed(1)}× faster (wall)${sl.cpu && oursCpuMs ? `, ${(sl.cpu / oursCpuMs).toFixed(1)}× less CPU` : ''}`
    )
  if (rgMs)
    log(
      `  secure-pipeline vs ripgrep:    ${(oursMs / rgMs).toFixed(1)}× slower (ripgrep runs 20 prefix patterns, no filters, ${report.stats.rules} rules here)`
    )
  const singleMs = median(single)
  log(`\nissue 3, acceptance 2 (this run):`)
  log(
    `  tree throughput >= 100 MB/s: ${oursMBs >= 100 ? 'yes' : 'no'} (${oursMBs.toFixed(1)} MB/s with ${os.availableParallelism()} threads; ${(corpus.bytes / 1e6 / (singleMs / 1000)).toFixed(1)} MB/s on one)`
  )
  for (const sl of secretlints)
    log(
      `  >= 50x secretlint ${sl.version}: ${sl.ms / oursMs >= 50 ? 'yes' : 'no'} (${(sl.ms / oursMs).toFixed(1)}× with ${os.availableParallelism()} threads, ${(sl.ms / singleMs).toFixed(1)}× on one)`
    )
  log(`  history < 60 s: ${histMs < 60000 ? 'yes' : 'no'} (${(histMs / 1000).toFixed(2)} s)`)
  log(
    `load average at the end: ${os
      .loadavg()
      .map(l => l.toFixed(1))
      .join(' ')} (other processes share these cores; wall times include that)`
  )
  const ok = missed.length === 0 && tokens === history.planted
  if (!ok) {
    log('\nFAIL: planted secrets were missed')
    process.exitCode = 1
  }
}

main().catch(err => {
  console.error(err)
  process.exit(1)
})
