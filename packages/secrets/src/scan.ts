/**
 * The scan entry point: picks the source (working tree, history, range, staged), runs the
 * matcher (worker threads for the tree), applies suppressions and returns findings with stats.
 */
import path from 'node:path'
import ignore from 'ignore'
import { UsageError, walkFiles, type SkippedFile } from '@secure-pipeline/core'
import { loadConfig, type ScanConfig } from './config.js'
import { RuleSet, type SecretFinding, type SlowRuleReport } from './engine.js'
import {
  assertGitRepo,
  gitLogChunks,
  resolveRange,
  stagedChunks,
  type DiffChunk,
  type MissingBase
} from './git.js'
import {
  defaultWorkerCount,
  scanFilesInline,
  scanFilesParallel,
  startWorkers,
  type FileResult
} from './pool.js'
import { Baseline, GitleaksIgnore, type BaselineEntry, type IgnoreEntry } from './suppress.js'

export type ScanMode = 'worktree' | 'git' | 'diff' | 'staged'

export interface ScanOptions {
  /** Directory to scan (the repository for git modes). */
  root: string
  mode?: ScanMode
  /** git mode: scan `since..HEAD` instead of all of HEAD's history. */
  since?: string
  /** diff mode. `base` may be all zeros (a new branch) or equal to head. */
  base?: string
  head?: string
  /**
   * diff mode, when `base` is missing from a full clone (a force push's `before`): fail (the
   * default) or scan head's commits that no remote branch has, as for a new branch.
   */
  missingBase?: MissingBase
  /** Configuration file (else GITLEAKS_CONFIG, GITLEAKS_CONFIG_TOML, <root>/.gitleaks.toml, built-in). */
  config?: string
  /** Already-loaded configuration (takes precedence over `config`). */
  scanConfig?: ScanConfig
  baseline?: string
  /** Path of the .gitleaksignore file (default <root>/.gitleaksignore). */
  gitleaksIgnore?: string
  /** gitignore-style patterns to skip (working tree), and path regexes to skip (all modes). */
  exclude?: string[]
  /** Working tree: skip files larger than this (default 10 MiB). */
  maxFileSize?: number
  /** Worker threads for the working tree (default: available cores, 0 = this thread). */
  workers?: number
  /** Below this many bytes the tree is scanned in this thread (default 4 MiB). */
  parallelThreshold?: number
  env?: NodeJS.ProcessEnv
}

export interface ScanStats {
  mode: ScanMode
  rules: number
  files: number
  bytes: number
  commits: number
  durationMs: number
  findings: number
  suppressed: { gitleaksIgnore: number; baseline: number }
  range?: string
  note?: string
}

export interface ScanOutcome {
  findings: SecretFinding[]
  /** Findings hidden by the baseline (kept for `--write-baseline` refreshes). */
  baselined: SecretFinding[]
  skipped: SkippedFile[]
  slowRules: SlowRuleReport[]
  unusedBaseline: BaselineEntry[]
  unusedIgnores: IgnoreEntry[]
  stats: ScanStats
  configSource: string
}

const DEFAULT_MAX_FILE = 10 * 1024 * 1024
const INLINE_LIMIT = 4 * 1024 * 1024

function sortFindings(fs: SecretFinding[]): SecretFinding[] {
  return fs.sort(
    (a, b) =>
      (a.commit ?? '').localeCompare(b.commit ?? '') ||
      a.file.localeCompare(b.file) ||
      a.startLine - b.startLine ||
      a.startColumn - b.startColumn ||
      a.ruleId.localeCompare(b.ruleId)
  )
}

export async function scanSecrets(options: ScanOptions): Promise<ScanOutcome> {
  const started = performance.now()
  const root = path.resolve(options.root)
  const mode = options.mode ?? 'worktree'
  const env = options.env ?? {}
  const config = options.scanConfig ?? loadConfig(root, options.config, env)
  const ruleSet = new RuleSet(config)
  const excludeRes = (options.exclude ?? []).filter(Boolean)
  const excluder = excludeRes.length > 0 ? ignore().add(excludeRes) : undefined
  const ignoreFile = GitleaksIgnore.load(
    options.gitleaksIgnore ?? path.join(root, '.gitleaksignore')
  )
  const baselinePath = options.baseline ? path.resolve(root, options.baseline) : undefined
  const baseline = baselinePath ? Baseline.load(baselinePath, root) : undefined
  // As gitleaks: the configuration file and the baseline are not scanned themselves.
  const ownFiles = new Set(
    [config.source, baselinePath]
      .filter((p): p is string => p !== undefined && path.isAbsolute(p))
      .map(p => path.relative(root, p))
      .filter(p => p !== '' && !p.startsWith('..') && !path.isAbsolute(p))
      .map(p => p.split(path.sep).join('/'))
  )
  const scannable = (file: string): boolean => !ownFiles.has(file) && ruleSet.pathAllowed(file)

  const raw: SecretFinding[] = []
  const skipped: SkippedFile[] = []
  const slowRules: SlowRuleReport[] = []
  const stats: ScanStats = {
    mode,
    rules: config.rules.length,
    files: 0,
    bytes: 0,
    commits: 0,
    durationMs: 0,
    findings: 0,
    suppressed: { gitleaksIgnore: 0, baseline: 0 }
  }

  if (mode === 'worktree') {
    const workers = options.workers ?? defaultWorkerCount()
    // Workers boot while the tree is walked; unused ones are stopped.
    const early = workers > 1 ? startWorkers(ruleSet.spec, workers - 1) : []
    try {
      const walked = await walkFiles(root, {
        exclude: excludeRes,
        maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE,
        skipBinary: false
      })
      skipped.push(...walked.skipped)
      // Path-only rules need no content: a keystore over the size limit is still reported.
      for (const s of walked.skipped)
        if (s.reason === 'too-large' && scannable(s.path)) raw.push(...ruleSet.pathFindings(s.path))
      const files = walked.files.filter(f => scannable(f.path))
      const jobs = files.map((f, id) => ({ id, abs: f.absolutePath, size: f.size }))
      const onResult = (r: FileResult): void => {
        const file = files[r.id].path
        // Path-only rules fire on binary files too (a .p12 or .jks keystore is binary).
        if (r.skipped !== 'unreadable') raw.push(...ruleSet.pathFindings(file))
        if (r.skipped) {
          skipped.push({ path: file, reason: r.skipped, ...(r.detail ? { detail: r.detail } : {}) })
          return
        }
        stats.files++
        stats.bytes += r.bytes
        if (r.slow.length > 0) slowRules.push(...ruleSet.slowReports(r.slow, file))
        if (r.matches.length > 0) raw.push(...ruleSet.toFindings(file, r.matches))
      }
      const total = jobs.reduce((s, j) => s + j.size, 0)
      if (workers <= 0 || total < (options.parallelThreshold ?? INLINE_LIMIT))
        scanFilesInline(ruleSet.spec, jobs, onResult)
      else await scanFilesParallel(ruleSet.spec, jobs, workers, onResult, early)
    } finally {
      await Promise.all(early.map(e => e.worker.terminate()))
    }
  } else {
    const gitOpts = { cwd: root }
    await assertGitRepo(gitOpts)
    let chunks: AsyncGenerator<DiffChunk>
    if (mode === 'staged') chunks = stagedChunks(gitOpts)
    else if (mode === 'git') {
      const range = await resolveRange(gitOpts, options.since, 'HEAD')
      stats.range = range.description
      chunks = gitLogChunks(gitOpts, range.args ?? [])
    } else {
      if (!options.head && !options.base)
        throw new UsageError('--mode diff needs --base (and optionally --head)')
      const range = await resolveRange(
        gitOpts,
        options.base,
        options.head ?? 'HEAD',
        options.missingBase
      )
      stats.range = range.description
      if (range.note) stats.note = range.note
      chunks = range.args ? gitLogChunks(gitOpts, range.args) : (async function* () {})()
    }
    const matcher = ruleSet.createMatcher()
    const commits = new Set<string>()
    const files = new Set<string>()
    for await (const chunk of chunks) {
      if (chunk.commit) commits.add(chunk.commit.commit)
      files.add(chunk.file)
      if (!scannable(chunk.file)) continue
      if (excluder && excluder.ignores(chunk.file)) continue
      // One chunk per file and commit (binary files included): path-only rules fire once.
      raw.push(...ruleSet.pathFindings(chunk.file, chunk.commit))
      if (chunk.binary) continue
      const buf = Buffer.from(chunk.text)
      stats.bytes += buf.length
      const r = matcher.scan(buf)
      if (r.slow.length > 0) slowRules.push(...ruleSet.slowReports(r.slow, chunk.file))
      if (r.matches.length > 0)
        raw.push(...ruleSet.toFindings(chunk.file, r.matches, chunk.commit, chunk.lineMap))
    }
    stats.commits = commits.size
    stats.files = files.size
  }

  const findings: SecretFinding[] = []
  const baselined: SecretFinding[] = []
  for (const f of raw) {
    if (ignoreFile.ignores(f)) {
      stats.suppressed.gitleaksIgnore++
      continue
    }
    if (baseline?.includes(f)) {
      stats.suppressed.baseline++
      baselined.push(f)
      continue
    }
    findings.push(f)
  }
  sortFindings(findings)
  stats.findings = findings.length
  // Parts of .gitleaks.toml we ignored (gitleaks default rules we do not ship) show as a note.
  if (config.warnings && config.warnings.length > 0)
    stats.note = [stats.note, ...config.warnings].filter(Boolean).join('; ')
  stats.durationMs = Math.round(performance.now() - started)
  return {
    findings,
    baselined,
    skipped,
    slowRules,
    unusedBaseline: baseline?.unused() ?? [],
    unusedIgnores: ignoreFile.unused(),
    stats,
    configSource: config.source
  }
}
