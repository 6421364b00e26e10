/**
 * Suppressions that live in files: `.gitleaksignore` (gitleaks fingerprints) and our baseline
 * (rule + secret hash + path, so a new secret on a baselined line is still reported).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { InputError } from '@secure-pipeline/core'
import type { SecretFinding } from './engine.js'

export interface IgnoreEntry {
  fingerprint: string
  line: number
}

export class GitleaksIgnore {
  private readonly entries = new Map<string, IgnoreEntry>()
  private readonly used = new Set<string>()

  constructor(
    readonly file: string | undefined,
    text = ''
  ) {
    text.split(/\r?\n/).forEach((raw, i) => {
      const line = raw.replace(/#.*$/, '').trim()
      if (line) this.entries.set(line, { fingerprint: line, line: i + 1 })
    })
  }

  static load(file: string): GitleaksIgnore {
    if (!existsSync(file)) return new GitleaksIgnore(undefined)
    return new GitleaksIgnore(file, readFileSync(file, 'utf8'))
  }

  get size(): number {
    return this.entries.size
  }

  /** gitleaks accepts the full fingerprint or, in git mode, the commit-less `file:rule:line`. */
  ignores(f: SecretFinding): boolean {
    const keys = [f.fingerprint]
    if (f.commit) keys.push(`${f.file}:${f.ruleId}:${f.startLine}`)
    for (const k of keys)
      if (this.entries.has(k)) {
        this.used.add(k)
        return true
      }
    return false
  }

  unused(): IgnoreEntry[] {
    return [...this.entries.values()].filter(e => !this.used.has(e.fingerprint))
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

export class Baseline {
  private readonly byKey = new Map<string, BaselineEntry>()
  private readonly used = new Set<string>()

  constructor(
    readonly file: string | undefined,
    entries: BaselineEntry[] = []
  ) {
    for (const e of entries) this.byKey.set(Baseline.key(e), e)
  }

  static key(e: { ruleId: string; file: string; secretHash: string }): string {
    return `${e.ruleId}\0${e.file}\0${e.secretHash}`
  }

  static load(file: string): Baseline {
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
    const entries = (doc as Partial<BaselineFile> | null)?.entries
    if (!Array.isArray(entries))
      throw new InputError(
        'SECRETS_BASELINE',
        'baseline must be an object with an "entries" array',
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

  get size(): number {
    return this.byKey.size
  }

  includes(f: SecretFinding): boolean {
    const k = Baseline.key(f)
    if (!this.byKey.has(k)) return false
    this.used.add(k)
    return true
  }

  unused(): BaselineEntry[] {
    return [...this.byKey.entries()].filter(([k]) => !this.used.has(k)).map(([, e]) => e)
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
