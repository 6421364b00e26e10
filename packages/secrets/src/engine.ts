/**
 * Turns raw regex matches into findings: secret group, entropy gate, structural validators,
 * look-alike filters, inline allow comments, global and per-rule allowlists. Also owns the
 * matcher specification shared with the worker threads.
 */
import { createHash } from 'node:crypto'
import { isAscii } from 'node:buffer'
import vm from 'node:vm'
import type { Severity } from '@secure-pipeline/core'
import type { ConfigRule, ScanConfig } from './config.js'
import {
  DEFAULT_PATH_ALLOWLIST,
  isCodeFile,
  isGenericLookalike,
  isPlaceholder,
  shannonEntropy
} from './filters.js'
import {
  createMatcher,
  type Matcher,
  type MatcherSpec,
  type RawMatch,
  type SlowRule
} from './matcher.js'
import type { Rule, RuleAllowlist } from './rules/types.js'
import { validate } from './validators.js'
import { compileGoRegex } from './regex.js'
import { expandCaseInsensitiveGroups } from './caseless.js'

export interface CommitInfo {
  commit: string
  author: string
  email: string
  date: string
  message: string
}

export interface SecretFinding {
  ruleId: string
  description: string
  severity: Severity
  /** Relative to the scan root, `/` separators. */
  file: string
  startLine: number
  endLine: number
  startColumn: number
  endColumn: number
  /** The raw secret: writers redact it unless asked not to. */
  secret: string
  match: string
  entropy: number
  /** gitleaks-compatible: `[commit:]file:rule:line` (what .gitleaksignore lists). */
  fingerprint: string
  /** sha256 of rule and secret: the baseline key, safe to store. */
  secretHash: string
  commit?: string
  author?: string
  email?: string
  date?: string
  tags?: string[]
}

/** Inline suppressions: gitleaks' marker and our own. */
export const ALLOW_MARKERS = ['gitleaks:allow', 'secure-pipeline:allow']

/** Early drops run in the workers: strict subsets of isPlaceholder / isGenericLookalike. */
const PROVIDER_DROP = String.raw`example|\$\{|\{\{`
const GENERIC_DROP =
  PROVIDER_DROP +
  String.raw`|^(?=[^0-9]*$)(?=.{0,39}$)[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`

/**
 * What gitleaks' default global allowlist allows as a secret (so it applies to your rules when
 * `useDefault = true`): `true`/`false`/`null`, one repeated letter, `*` or `.`, shell and
 * template variables (`$1`, `${1}`, `$VAR`, `${VAR}`, `{{ x }}`, `${{ secrets.X }}`, `%VAR%`,
 * `@VAR@`), format verbs (`%s`, `{0}`) and absolute Unix paths.
 */
const DEFAULT_ALLOWED_VALUES: readonly RegExp[] = [
  /^(?:true|false|null)$/i,
  /^(?:([a-z])\1*|\*+|\.+)$/i,
  /^\$(?:\d+|\{\d+\})$/,
  /^\$(?:\{(?:[A-Z_]+|[a-z_]+)\}|[A-Z_]+|[a-z_]+)$/,
  /^\{\{[ \t]*[\w ().|]+[ \t]*\}\}$/,
  /^\$\{\{[ \t]*(?:env|github|secrets|vars)(?:\.[A-Za-z]\w+)+[\w "'&./=|]*[ \t]*\}\}$/,
  /^%(?:[A-Z_]+|[a-z_]+)%$/,
  /^%[+\-# 0]?[bcdeEfFgGoOpqstTUvxX]$/,
  /^\{\d{0,2}\}$/,
  /^@(?:[A-Z_]+|[a-z_]+)@$/,
  /^\/Users\/[A-Za-z0-9]+\/[\w ./-]+$/,
  /^\/(?:bin|etc|home|opt|tmp|usr|var)\/[\w ./-]+$/
]

/** gitleaks' default stop words: the alphabet and one documentation UUID. */
const DEFAULT_STOPWORDS = ['abcdefghijklmnopqrstuvwxyz', '014df517-39d1-4453-b7b3-9930c563627c']

function isDefaultAllowedValue(secret: string): boolean {
  const lower = secret.toLowerCase()
  return (
    DEFAULT_ALLOWED_VALUES.some(re => re.test(secret)) ||
    DEFAULT_STOPWORDS.some(w => lower.includes(w))
  )
}

/** Suppression files, never scanned (whatever the configuration). */
const OWN_FILES = /(?:^|\/)\.gitleaksignore$|(?:^|\/)\.secure-pipeline-baseline\.json$/

/** A window larger than any buffer: the rule sees the whole file (or diff chunk). */
const WHOLE_FILE = 2 ** 30

export const MATCHER_LIMITS = { timeoutMs: 2000, maxMatchesPerRule: 2000 }

export function secretHash(ruleId: string, secret: string): string {
  return createHash('sha256')
    .update(`secure-pipeline/secrets/v1\0${ruleId}\0${secret}`)
    .digest('hex')
}

export interface SlowRuleReport {
  ruleId: string
  file: string
  ms: number
}

export class RuleSet {
  readonly rules: Rule[]
  /** Rules with a regex, in matcher order. */
  readonly regexRules: Rule[]
  readonly pathOnlyRules: Rule[]
  readonly spec: MatcherSpec
  private readonly pathRes = new Map<Rule, RegExp>()
  private readonly allowlists: RuleAllowlist[]
  private readonly useDefaultPathFilter: boolean
  /** Rules whose findings yield to a provider rule's on the same secret. */
  private readonly genericIds: Set<string>
  /** Composite rules (`[[rules.required]]`) and `skipReport` rules, by id. */
  private readonly composite = new Map<string, ConfigRule>()

  constructor(config: ScanConfig, options: { defaultPathFilter?: boolean } = {}) {
    this.rules = config.rules
    // User rules carry no flag: gitleaks' own naming (generic-api-key, …) marks theirs.
    this.genericIds = new Set(
      config.rules
        .filter(
          r =>
            r.generic === true ||
            r.id.startsWith('generic-') ||
            r.id.startsWith('authorization-bearer')
        )
        .map(r => r.id)
    )
    this.allowlists = config.allowlists
    for (const r of config.rules)
      if ((r.required && r.required.length > 0) || r.skipReport) this.composite.set(r.id, r)
    this.useDefaultPathFilter = options.defaultPathFilter ?? config.includesDefault !== false
    this.regexRules = config.rules.filter(r => r.regex !== '')
    this.pathOnlyRules = config.rules.filter(r => r.regex === '' && r.path)
    for (const r of config.rules) if (r.path) this.pathRes.set(r, compileGoRegex(r.path))
    this.spec = {
      rules: this.regexRules.map(r => ({
        source: expandCaseInsensitiveGroups(r.regex),
        flags: r.flags ?? '',
        // gitleaks runs a rule as another's required part without its keyword check.
        keywords: (r as ConfigRule).skipReport ? [] : r.keywords,
        // gitleaks runs a rule's regex over the whole fragment once any keyword is in it: user
        // rules do too (multi-line patterns, `^`/`$` as in Go, a keyword on another line).
        span: r.untrusted ? WHOLE_FILE : (r.span ?? 0),
        back: r.untrusted ? WHOLE_FILE : (r.back ?? 0),
        untrusted: r.untrusted ?? false,
        ...(r.secretGroup !== undefined ? { secretGroup: r.secretGroup } : {}),
        ...(r.entropy !== undefined ? { entropy: r.entropy } : {}),
        ...(r.anchored && !r.untrusted ? { anchored: true } : {}),
        ...(r.after
          ? {
              after: { bytes: [...r.after.chars].map(c => c.charCodeAt(0)), within: r.after.within }
            }
          : {}),
        ...(r.untrusted ? {} : { drop: r.generic ? GENERIC_DROP : PROVIDER_DROP })
      })),
      ...MATCHER_LIMITS
    }
  }

  createMatcher(): Matcher {
    return createMatcher(this.spec, vm, isAscii)
  }

  /** False when the file is skipped by the default or a global path allowlist. */
  pathAllowed(file: string): boolean {
    if (OWN_FILES.test(file)) return false
    if (this.useDefaultPathFilter && DEFAULT_PATH_ALLOWLIST.some(re => re.test(file))) return false
    for (const al of this.allowlists) {
      if (al.targetRules && al.targetRules.length > 0) continue
      if (
        al.condition === 'AND' &&
        (al.commits.length > 0 || al.regexes.length > 0 || al.stopwords.length > 0)
      )
        continue
      if (al.paths.some(re => re.test(file))) return false
    }
    return true
  }

  slowReports(slow: SlowRule[], file: string): SlowRuleReport[] {
    return slow.map(s => ({ ruleId: this.regexRules[s.rule].id, file, ms: s.ms }))
  }

  /** Findings of path-only rules for one file. */
  pathFindings(file: string, commit?: CommitInfo): SecretFinding[] {
    const out: SecretFinding[] = []
    for (const r of this.pathOnlyRules) {
      if ((r as ConfigRule).skipReport) continue
      if (!this.pathRes.get(r)?.test(file)) continue
      const f = this.makeFinding(r, file, 1, 1, 1, 1, '', file, commit)
      if (!this.allowedByLists(r, f, file, commit)) out.push(f)
    }
    return out
  }

  private makeFinding(
    rule: Rule,
    file: string,
    startLine: number,
    startColumn: number,
    endLine: number,
    endColumn: number,
    secret: string,
    match: string,
    commit?: CommitInfo
  ): SecretFinding {
    const fingerprint = commit
      ? `${commit.commit}:${file}:${rule.id}:${startLine}`
      : `${file}:${rule.id}:${startLine}`
    return {
      ruleId: rule.id,
      description: rule.description,
      severity: rule.severity,
      file,
      startLine,
      endLine,
      startColumn,
      endColumn,
      secret,
      match,
      entropy: Math.round(shannonEntropy(secret) * 1000) / 1000,
      fingerprint,
      secretHash: secretHash(rule.id, secret),
      ...(commit
        ? { commit: commit.commit, author: commit.author, email: commit.email, date: commit.date }
        : {}),
      ...(rule.tags && rule.tags.length > 0 ? { tags: rule.tags } : {})
    }
  }

  private listMatches(
    al: RuleAllowlist,
    f: SecretFinding,
    line: string,
    commit?: CommitInfo
  ): boolean {
    const checks: boolean[] = []
    if (al.commits.length > 0) {
      const sha = commit?.commit.toLowerCase()
      checks.push(sha !== undefined && al.commits.some(c => sha.startsWith(c)))
    }
    if (al.paths.length > 0) checks.push(al.paths.some(re => re.test(f.file)))
    // A path-only finding has no secret: as in gitleaks, only commits and paths apply to it
    // (and an AND allowlist with regexes or stopwords never allows it).
    if (f.secret === '' && (al.regexes.length > 0 || al.stopwords.length > 0)) {
      if (al.condition === 'AND') return false
      return checks.some(Boolean)
    }
    if (al.regexes.length > 0) {
      const target =
        al.regexTarget === 'match' ? f.match : al.regexTarget === 'line' ? line : f.secret
      checks.push(
        al.regexes.some(re => {
          re.lastIndex = 0
          return re.test(target)
        })
      )
    }
    if (al.stopwords.length > 0) {
      const lower = f.secret.toLowerCase()
      checks.push(al.stopwords.some(w => lower.includes(w)))
    }
    if (checks.length === 0) return false
    return al.condition === 'AND' ? checks.every(Boolean) : checks.some(Boolean)
  }

  private allowedByLists(rule: Rule, f: SecretFinding, line: string, commit?: CommitInfo): boolean {
    for (const al of this.allowlists) {
      if (al.targetRules && al.targetRules.length > 0 && !al.targetRules.includes(rule.id)) continue
      if (this.listMatches(al, f, line, commit)) return true
    }
    for (const al of rule.allowlists ?? []) if (this.listMatches(al, f, line, commit)) return true
    return false
  }

  /**
   * Raw matches of one buffer → findings. `lineMap` maps buffer lines (0-based) to file lines
   * (1-based) when the buffer holds a diff's added lines.
   */
  toFindings(
    file: string,
    raws: RawMatch[],
    commit?: CommitInfo,
    lineMap?: ArrayLike<number>
  ): SecretFinding[] {
    const out: SecretFinding[] = []
    for (const m of raws) {
      const rule = this.regexRules[m.rule]
      if (rule.path && !this.pathRes.get(rule)?.test(file)) continue
      // gitleaks looks for its marker on every line the match spans.
      if (
        ALLOW_MARKERS.some(
          a => m.lineText.includes(a) || m.endLineText.includes(a) || m.match.includes(a)
        )
      )
        continue
      let secret: string | null | undefined
      if (rule.secretGroup !== undefined) secret = m.groups[rule.secretGroup]
      else secret = m.groups.slice(1).find(g => g !== null && g !== '') ?? m.match
      if (!secret) continue
      if (rule.entropy !== undefined && shannonEntropy(secret) <= rule.entropy) continue
      if (rule.validate && !validate(rule.validate, secret, m.match)) continue
      if (!rule.untrusted && isPlaceholder(secret)) continue
      // Your rules, with gitleaks' default config extended: its global allowlist of values.
      if (rule.untrusted && this.useDefaultPathFilter && isDefaultAllowedValue(secret)) continue
      // Position of the secret inside the match.
      const at = Math.max(0, m.match.indexOf(secret))
      const before = m.match.slice(0, at)
      const nlBefore = before.split('\n').length - 1
      if (rule.generic) {
        // What follows the secret on its line, spaces skipped (lineText is cut at 4 KiB).
        const end = nlBefore === 0 ? m.column - 1 + at + secret.length : -1
        const ctx = {
          quoted: /['"\x60]$/.test(before),
          next: end >= 0 ? (/^[ \t]*(\S)/.exec(m.lineText.slice(end, end + 40))?.[1] ?? '') : '',
          codeFile: isCodeFile(file)
        }
        if (isGenericLookalike(secret, m.match, ctx)) continue
        // A base64 value that only encodes a placeholder (`JHtEQl9QQVNTV09SRH0=`: ${DB_PASSWORD}).
        if (!validate('not-placeholder-password', secret)) continue
      }
      let startLine = m.line + nlBefore
      let startColumn = nlBefore === 0 ? m.column + at : at - before.lastIndexOf('\n')
      const inSecret = secret.split('\n').length - 1
      let endLine = startLine + inSecret
      let endColumn =
        inSecret === 0 ? startColumn + secret.length : secret.length - secret.lastIndexOf('\n')
      if (lineMap) {
        startLine = lineMap[startLine - 1] ?? startLine
        endLine = lineMap[endLine - 1] ?? endLine
      }
      if (startColumn < 1) startColumn = 1
      if (endColumn < 1) endColumn = 1
      const f = this.makeFinding(
        rule,
        file,
        startLine,
        startColumn,
        endLine,
        endColumn,
        secret,
        m.match,
        commit
      )
      if (this.allowedByLists(rule, f, m.lineText, commit)) continue
      out.push(f)
    }
    return dedupe(this.composite.size > 0 ? this.applyRequired(out) : out, this.genericIds)
  }

  /**
   * gitleaks' composite rules: a rule with `[[rules.required]]` is reported only when each
   * required rule matched in the same file (or diff) within `withinLines`/`withinColumns` of
   * it; a `skipReport` rule only serves as such a part.
   */
  private applyRequired(findings: SecretFinding[]): SecretFinding[] {
    const byRule = new Map<string, SecretFinding[]>()
    for (const f of findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f])
    return findings.filter(f => {
      const rule = this.composite.get(f.ruleId)
      if (!rule) return true
      if (rule.skipReport) return false
      return (rule.required ?? []).every(req =>
        (byRule.get(req.id) ?? []).some(
          x =>
            x !== f &&
            (req.withinLines === undefined ||
              Math.abs(x.startLine - f.startLine) <= req.withinLines) &&
            (req.withinColumns === undefined ||
              Math.abs(x.startColumn - f.startColumn) <= req.withinColumns)
        )
      )
    })
  }
}

/** One finding per location: a provider rule wins over a generic one that saw the same secret. */
function dedupe(findings: SecretFinding[], genericIds: ReadonlySet<string>): SecretFinding[] {
  if (findings.length < 2) return findings
  const specific = findings.filter(f => !genericIds.has(f.ruleId))
  const out: SecretFinding[] = []
  const seen = new Set<string>()
  for (const f of findings) {
    const generic = genericIds.has(f.ruleId)
    if (
      generic &&
      specific.some(
        s =>
          s !== f &&
          s.startLine <= f.endLine &&
          s.endLine >= f.startLine &&
          (s.secret.includes(f.secret) || f.secret.includes(s.secret))
      )
    )
      continue
    // Generic rules overlap each other (api_token_secret = …): one finding per location.
    const key = `${generic ? 'generic' : f.ruleId}\0${f.startLine}\0${f.startColumn}\0${f.secret}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(f)
  }
  return out
}
