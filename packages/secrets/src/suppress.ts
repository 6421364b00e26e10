/**
 * Suppressions that live in files: `.gitleaksignore` (gitleaks fingerprints) and our baseline
 * (rule + secret hash + path, so a new secret on a baselined line is still reported).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { InputError } from '@secure-pipeline/core'
import { secretHash, type SecretFinding } from './engine.js'
import { GITLEAKS_ALIASES } from './config.js'

export interface IgnoreEntry {
  fingerprint: string
  line: number
}

/** Our rule ids → the gitleaks ids that name the same rule (for fingerprints gitleaks wrote). */
const GITLEAKS_IDS = new Map<string, string[]>()
for (const [g, ours] of Object.entries(GITLEAKS_ALIASES))
  for (const o of ours) if (o !== g) GITLEAKS_IDS.set(o, [...(GITLEAKS_IDS.get(o) ?? []), g])

/** Rule ids a fingerprint may use for this finding: ours, then gitleaks' for the same rule. */
function ruleIdsOf(ruleId: string): string[] {
  return [ruleId, ...(GITLEAKS_IDS.get(ruleId) ?? [])]
}

/** gitleaks reports a path-only rule's finding at line 0; we report line 1. */
function isPathFinding(f: SecretFinding): boolean {
  return f.secret === '' && f.match === f.file
}

export class GitleaksIgnore {
  private readonly entries = new Map<string, IgnoreEntry>()
  private readonly used = new Set<string>()

  constructor(
    readonly file: string | undefined,
    text = ''
  ) {
    text.split(/\r?\n/).forEach((raw, i) => {
      // gitleaks: `#` starts a comment line; we also allow ` # note` after an entry.
      const line = raw.trim().replace(/\s+#.*$/, '')
      if (!line || line.startsWith('#')) return
      this.entries.set(GitleaksIgnore.normalize(line), { fingerprint: line, line: i + 1 })
    })
  }

  /** As gitleaks: the file part of `file:rule:line` / `commit:file:rule:line` uses `/`. */
  static normalize(fingerprint: string): string {
    const parts = fingerprint.split(':')
    if (parts.length === 3) parts[0] = parts[0].replaceAll('\\', '/')
    else if (parts.length === 4) parts[1] = parts[1].replaceAll('\\', '/')
    return parts.join(':')
  }

  static load(file: string): GitleaksIgnore {
    if (!existsSync(file)) return new GitleaksIgnore(undefined)
    return new GitleaksIgnore(file, readFileSync(file, 'utf8'))
  }

  get size(): number {
    return this.entries.size
  }

  /**
   * gitleaks accepts the commit-less `file:rule:line` for every finding and, in git modes, the
   * full `commit:file:rule:line`. The rule may be named by its gitleaks id.
   */
  ignores(f: SecretFinding): boolean {
    const lines = isPathFinding(f) ? [f.startLine, 0] : [f.startLine]
    const keys: string[] = []
    for (const id of ruleIdsOf(f.ruleId))
      for (const line of lines) {
        keys.push(`${f.file}:${id}:${line}`)
        if (f.commit) keys.push(`${f.commit}:${f.file}:${id}:${line}`)
      }
    for (const k of keys)
      if (this.entries.has(k)) {
        this.used.add(k)
        return true
      }
    return false
  }

  unused(): IgnoreEntry[] {
    return [...this.entries.entries()].filter(([k]) => !this.used.has(k)).map(([, e]) => e)
  }
}

export interface BaselineEntry {
  ruleId: string
  file: string
  secretHash: string
  /** Informational: where it was when the baseline was written. */
  line?: number
  commit?: string
}

export interface BaselineFile {
  version: 1
  tool: string
  entries: BaselineEntry[]
}

/** A finding of a gitleaks JSON report (`gitleaks … --report-format json`), as far as we use it. */
interface GitleaksReportFinding {
  RuleID?: unknown
  File?: unknown
  Secret?: unknown
  StartLine?: unknown
  Entropy?: unknown
  Commit?: unknown
}

/**
 * A redacted gitleaks finding (`--redact`): no secret to hash, so it is matched on rule, file
 * and start line plus the secret's entropy (and the kept prefix of a partial `--redact=N`), so
 * that another secret on that line is still reported.
 */
interface RedactedEntry {
  ruleIds: string[]
  file: string
  line: number
  entropy?: number
  prefix: string
  index: number
}

function relativeFile(file: string, root: string | undefined): string {
  let f = file.replaceAll('\\', '/')
  if (root && (path.isAbsolute(f) || /^[A-Za-z]:\//.test(f))) {
    const rel = path.relative(root, f).split(path.sep).join('/')
    if (!rel.startsWith('..')) f = rel
  }
  return f.replace(/^(?:\.\/)+/, '')
}

export class Baseline {
  /** Baseline key → index of the entry (several keys for a gitleaks id we ship as several). */
  private readonly byKey = new Map<string, number>()
  private readonly list: BaselineEntry[] = []
  private readonly redacted: RedactedEntry[] = []
  private readonly used = new Set<number>()

  constructor(
    readonly file: string | undefined,
    entries: BaselineEntry[] = []
  ) {
    for (const e of entries) this.add(e, [Baseline.key(e)])
  }

  private add(e: BaselineEntry, keys: string[]): number {
    const index = this.list.push(e) - 1
    for (const k of keys) if (!this.byKey.has(k)) this.byKey.set(k, index)
    return index
  }

  static key(e: { ruleId: string; file: string; secretHash: string }): string {
    return `${e.ruleId}\0${e.file}\0${e.secretHash}`
  }

  /**
   * Our baseline file, or a gitleaks JSON report (an array of findings, for teams moving from
   * `gitleaks --baseline-path`). gitleaks' findings are keyed like ours, on rule, file and
   * secret, so they survive moved lines and a new secret on a known line is still reported.
   */
  static load(file: string, root?: string): Baseline {
    if (!existsSync(file))
      throw new InputError('SECRETS_BASELINE', `baseline file not found: ${file}`, {
        position: { file }
      })
    let doc: unknown
    try {
      doc = JSON.parse(readFileSync(file, 'utf8'))
    } catch (err) {
      throw new InputError(
        'SECRETS_BASELINE',
        `baseline is not valid JSON: ${(err as Error).message}`,
        {
          position: { file }
        }
      )
    }
    if (Array.isArray(doc)) return Baseline.fromGitleaksReport(file, doc, root)
    const entries = (doc as Partial<BaselineFile> | null)?.entries
    if (!Array.isArray(entries))
      throw new InputError(
        'SECRETS_BASELINE',
        'baseline must be an object with an "entries" array (or a gitleaks JSON report)',
        {
          position: { file }
        }
      )
    entries.forEach((e: Partial<BaselineEntry>, i) => {
      if (
        typeof e?.ruleId !== 'string' ||
        typeof e.file !== 'string' ||
        !/^[a-f0-9]{64}$/.test(String(e.secretHash))
      )
        throw new InputError(
          'SECRETS_BASELINE',
          `baseline entry ${i} needs ruleId, file and a sha256 secretHash`,
          {
            position: { file }
          }
        )
    })
    return new Baseline(file, entries)
  }

  static fromGitleaksReport(file: string, items: unknown[], root?: string): Baseline {
    const b = new Baseline(file)
    items.forEach((raw, i) => {
      const g = raw as GitleaksReportFinding | null
      if (
        typeof g !== 'object' ||
        g === null ||
        typeof g.RuleID !== 'string' ||
        typeof g.File !== 'string' ||
        typeof g.Secret !== 'string'
      )
        throw new InputError(
          'SECRETS_BASELINE',
          `gitleaks report finding ${i} needs RuleID, File and Secret`,
          { position: { file } }
        )
      const ruleIds = [g.RuleID, ...(GITLEAKS_ALIASES[g.RuleID] ?? [])]
      const f = relativeFile(g.File, root)
      const line = typeof g.StartLine === 'number' ? g.StartLine : undefined
      const commit = typeof g.Commit === 'string' && g.Commit !== '' ? g.Commit : undefined
      // gitleaks --redact writes REDACTED, --redact=N keeps a prefix and appends "...".
      const isRedacted = g.Secret === 'REDACTED' || g.Secret.endsWith('...')
      if (!isRedacted) {
        const hashes = ruleIds.map(id => secretHash(id, g.Secret as string))
        b.add(
          { ruleId: g.RuleID, file: f, secretHash: hashes[0], line, ...(commit ? { commit } : {}) },
          ruleIds.map((id, k) => Baseline.key({ ruleId: id, file: f, secretHash: hashes[k] }))
        )
        return
      }
      if (line === undefined) return
      const index = b.add(
        { ruleId: g.RuleID, file: f, secretHash: 'redacted', line, ...(commit ? { commit } : {}) },
        []
      )
      b.redacted.push({
        ruleIds,
        file: f,
        line,
        entropy: typeof g.Entropy === 'number' ? g.Entropy : undefined,
        prefix: g.Secret === 'REDACTED' ? '' : g.Secret.slice(0, -3),
        index
      })
    })
    return b
  }

  get size(): number {
    return this.list.length
  }

  includes(f: SecretFinding): boolean {
    let index = this.byKey.get(Baseline.key(f))
    if (index === undefined)
      index = this.redacted.find(
        r =>
          r.ruleIds.includes(f.ruleId) &&
          r.file === f.file &&
          r.line === f.startLine &&
          f.secret.startsWith(r.prefix) &&
          // gitleaks writes the entropy as a float32; ours is rounded to 3 decimals.
          (r.entropy === undefined || Math.abs(r.entropy - f.entropy) < 0.002)
      )?.index
    if (index === undefined) return false
    this.used.add(index)
    return true
  }

  unused(): BaselineEntry[] {
    return this.list.filter((_, i) => !this.used.has(i))
  }

  static fromFindings(findings: readonly SecretFinding[]): BaselineFile {
    const seen = new Set<string>()
    const entries: BaselineEntry[] = []
    for (const f of findings) {
      const k = Baseline.key(f)
      if (seen.has(k)) continue
      seen.add(k)
      entries.push({
        ruleId: f.ruleId,
        file: f.file,
        secretHash: f.secretHash,
        line: f.startLine,
        ...(f.commit ? { commit: f.commit } : {})
      })
    }
    entries.sort((a, b) => Baseline.key(a).localeCompare(Baseline.key(b)))
    return { version: 1, tool: 'secure-pipeline secrets', entries }
  }

  static write(file: string, findings: readonly SecretFinding[]): void {
    writeFileSync(file, JSON.stringify(Baseline.fromFindings(findings), null, 2) + '\n')
  }
}
