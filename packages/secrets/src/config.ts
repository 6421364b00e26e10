/**
 * Reads `.gitleaks.toml` the way gitleaks v8 does: custom `[[rules]]`, `[extend]` (useDefault,
 * path, disabledRules) with overriding by id, rule allowlists in both the `[rules.allowlist]`
 * and `[[rules.allowlists]]` forms, global `[allowlist]` and `[[allowlists]]` (with
 * `targetRules`), `secretGroup`, `entropy`, `keywords` and path-only rules.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { InputError } from '@secure-pipeline/core'
import { parse as parseToml, TomlError } from 'smol-toml'
import { BUILTIN_RULES } from './rules/builtin.js'
import type { Rule, RuleAllowlist } from './rules/types.js'
import { compileGoRegex, translateGoRegex } from './regex.js'

/** `[[rules.required]]` (gitleaks 8.28 composite rules): another rule that must match nearby. */
export interface RequiredRule {
  id: string
  withinLines?: number
  withinColumns?: number
}

/** What a `.gitleaks.toml` rule may add to a rule: composite parts and `skipReport`. */
export interface ConfigRule extends Rule {
  /** Report this rule only when each of these rules also matched in the same file or diff. */
  required?: RequiredRule[]
  /** Only used as another rule's required part: never reported on its own. */
  skipReport?: boolean
}

export interface ScanConfig {
  rules: ConfigRule[]
  allowlists: RuleAllowlist[]
  /** Where the configuration came from ('built-in' or a path / env variable name). */
  source: string
  /**
   * Whether the built-in rules (and so gitleaks' default global allowlist: lockfiles,
   * `node_modules/`, `vendor/`, media) are part of this configuration. gitleaks applies that
   * allowlist only when its default config is used or extended. Absent means yes.
   */
  includesDefault?: boolean
  /** Parts of the file that were ignored (gitleaks default rules we do not ship). */
  warnings?: string[]
}

/** gitleaks default-rule ids whose equivalents we ship under other ids. */
export const GITLEAKS_ALIASES: Record<string, string[]> = {
  'aws-access-token': ['aws-access-key-id'],
  'stripe-access-token': ['stripe-live-secret-key', 'stripe-test-secret-key'],
  'private-key': [
    'private-key-rsa',
    'private-key-dsa',
    'private-key-ec',
    'private-key-openssh',
    'private-key-pkcs8',
    'private-key-encrypted',
    'private-key-pgp',
    'private-key-ssh2'
  ],
  'slack-webhook-url': ['slack-webhook-url'],
  'slack-user-token': ['slack-user-token'],
  'github-app-token': ['github-user-to-server-token', 'github-app-installation-token'],
  'gitlab-ptt': ['gitlab-pipeline-trigger-token'],
  'gitlab-rrt': ['gitlab-runner-registration-token'],
  'hashicorp-tf-api-token': ['hashicorp-terraform-token'],
  'vault-service-token': ['hashicorp-vault-service-token'],
  'vault-batch-token': ['hashicorp-vault-batch-token'],
  'openai-api-key': ['openai-api-key', 'openai-project-key'],
  'sendgrid-api-token': ['sendgrid-api-key'],
  'twilio-api-key': ['twilio-api-key'],
  'heroku-api-key': ['heroku-api-key'],
  'shopify-access-token': ['shopify-access-token'],
  'pypi-upload-token': ['pypi-upload-token'],
  'rubygems-api-token': ['rubygems-api-key'],
  'sentry-access-token': ['sentry-user-token'],
  'generic-api-key': ['generic-api-key', 'generic-secret', 'generic-token', 'generic-password']
}

export function defaultConfig(): ScanConfig {
  return {
    rules: BUILTIN_RULES.map(r => ({ ...r })),
    allowlists: [],
    source: 'built-in',
    includesDefault: true
  }
}

type Table = Record<string, unknown>

function isTable(v: unknown): v is Table {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date)
}

/**
 * gitleaks reads its TOML through viper, whose keys are case-insensitive (`secretGroup`,
 * `secretgroup` and `SecretGroup` are one key): lower-case every table key, recursively.
 */
function lowerKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(lowerKeys)
  if (!isTable(v)) return v
  const out: Table = {}
  for (const [k, x] of Object.entries(v)) out[k.toLowerCase()] = lowerKeys(x)
  return out
}

/** viper decodes weakly: `"3.5"` is a number where a number is expected. */
function weakNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v
  if (typeof v === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(v)) return Number(v)
  return undefined
}

class Ctx {
  constructor(
    readonly file: string,
    readonly text: string
  ) {}

  /** Line of the first occurrence of `needle` in the file (for error positions). */
  lineOf(needle: string): number | undefined {
    const i = this.text.indexOf(needle)
    if (i === -1) return undefined
    return this.text.slice(0, i).split('\n').length
  }

  /** Line of the first occurrence of a key, in any case (viper's keys are case-insensitive). */
  lineOfCi(key: string): number | undefined {
    const i = this.text.toLowerCase().indexOf(key.toLowerCase())
    if (i === -1) return undefined
    return this.text.slice(0, i).split('\n').length
  }

  /** Line of the n-th (0-based) occurrence of `needle`. */
  lineOfNth(needle: string, n: number): number | undefined {
    let i = -1
    for (let k = 0; k <= n; k++) {
      i = this.text.indexOf(needle, i + 1)
      if (i === -1) return undefined
    }
    return this.text.slice(0, i).split('\n').length
  }

  /** Line of the n-th (0-based) occurrence of `needle` at or after line `from`. */
  lineAfter(needle: string, from: number | undefined, n = 0): number | undefined {
    const lines = this.text.split('\n')
    let start = 0
    for (let l = 1; l < (from ?? 1); l++) start += lines[l - 1].length + 1
    let i = start - 1
    for (let k = 0; k <= n; k++) {
      i = this.text.indexOf(needle, i + 1)
      if (i === -1) return from
    }
    return this.text.slice(0, i).split('\n').length
  }

  fail(message: string, needle?: string, line?: number): never {
    throw new InputError('SECRETS_CONFIG', message, {
      position: { file: this.file, line: line ?? (needle ? this.lineOf(needle) : undefined) }
    })
  }

  strings(v: unknown, what: string, needle?: string): string[] {
    if (v === undefined) return []
    // viper decodes weakly: a single string where a list is expected is a one-item list.
    if (typeof v === 'string') return [v]
    if (!Array.isArray(v) || v.some(x => typeof x !== 'string'))
      this.fail(`${what} must be an array of strings`, needle)
    return v as string[]
  }

  regex(src: unknown, what: string, needle?: string): RegExp {
    if (typeof src !== 'string') this.fail(`${what} must be a string`, needle)
    try {
      return compileGoRegex(src)
    } catch (err) {
      this.fail(`${what}: invalid regular expression: ${(err as Error).message}`, needle ?? src)
    }
  }
}

/** gitleaks' condition spellings: `OR`/`||` (the default) and `AND`/`&&`, in any case. */
function parseCondition(v: unknown): 'OR' | 'AND' | undefined {
  if (v === undefined) return 'OR'
  if (typeof v !== 'string') return undefined
  const c = v.trim().toUpperCase()
  if (c === '' || c === 'OR' || c === '||') return 'OR'
  if (c === 'AND' || c === '&&') return 'AND'
  return undefined
}

/** gitleaks v7 allowlist keys that gitleaks 8 ignores (`files` became `paths`). */
const V7_ALLOWLIST_KEYS = ['files', 'repos']

function parseAllowlist(ctx: Ctx, t: unknown, where: string, line?: number): RuleAllowlist {
  if (!isTable(t))
    ctx.fail(
      `${where} must be a table` +
        (Array.isArray(t) && where.endsWith('.allowlist')
          ? ' ([rules.allowlist], or [[rules.allowlists]] for several)'
          : Array.isArray(t) && where === 'allowlist'
            ? ' ([allowlist], or [[allowlists]] for several)'
            : ''),
      undefined,
      line
    )
  const condition = parseCondition(t.condition)
  if (condition === undefined)
    ctx.fail(`${where}.condition must be "OR" or "AND"`, 'condition', ctx.lineOfCi('condition'))
  // gitleaks: "" and "secret" test the secret; "match" and "line" (exact spelling) the others.
  const regexTarget =
    t.regextarget === undefined || t.regextarget === ''
      ? 'secret'
      : typeof t.regextarget === 'string'
        ? t.regextarget
        : ''
  if (regexTarget !== 'secret' && regexTarget !== 'match' && regexTarget !== 'line')
    ctx.fail(
      `${where}.regexTarget must be secret, match or line`,
      undefined,
      ctx.lineOfCi('regextarget')
    )
  const al: RuleAllowlist = {
    description: typeof t.description === 'string' ? t.description : undefined,
    condition,
    // gitleaks compares commits case-insensitively, spaces trimmed.
    commits: ctx
      .strings(t.commits, `${where}.commits`, 'commits')
      .map(c => c.trim().toLowerCase())
      .filter(Boolean),
    paths: ctx
      .strings(t.paths, `${where}.paths`, 'paths')
      .map(p => ctx.regex(p, `${where}.paths`, p)),
    regexes: ctx
      .strings(t.regexes, `${where}.regexes`, 'regexes')
      .map(r => ctx.regex(r, `${where}.regexes`, r)),
    regexTarget,
    stopwords: ctx
      .strings(t.stopwords, `${where}.stopwords`, 'stopwords')
      .map(s => s.toLowerCase())
      .filter(Boolean)
  }
  if (t.targetrules !== undefined)
    al.targetRules = ctx.strings(t.targetrules, `${where}.targetRules`, 'targetRules')
  // gitleaks 8 (Allowlist.Validate) rejects an allowlist with nothing to check, global or per
  // rule, e.g. a v7 `[allowlist]` whose only entries are `files`.
  if (al.commits.length + al.paths.length + al.regexes.length + al.stopwords.length === 0) {
    const v7 = V7_ALLOWLIST_KEYS.filter(k => t[k] !== undefined)
    const hint =
      v7.length > 0
        ? ` (${v7.join(' and ')}: gitleaks v7 ${v7.length > 1 ? 'keys' : 'key'} that gitleaks 8 ignores; use paths)`
        : ''
    ctx.fail(
      `${where} must set at least one of commits, paths, regexes or stopwords${hint}`,
      undefined,
      line
    )
  }
  return al
}

/** Rule allowlists; `ruleLine` is the line of the rule's `[[rules]]` header (for errors). */
function ruleAllowlists(
  ctx: Ctx,
  t: Table,
  where: string,
  ruleLine: number | undefined
): RuleAllowlist[] {
  const out: RuleAllowlist[] = []
  if (t.allowlist !== undefined)
    out.push(
      parseAllowlist(
        ctx,
        t.allowlist,
        `${where}.allowlist`,
        ctx.lineAfter('[rules.allowlist]', ruleLine)
      )
    )
  if (t.allowlists !== undefined) {
    if (!Array.isArray(t.allowlists))
      ctx.fail(`${where}.allowlists must be an array of tables`, undefined, ruleLine)
    t.allowlists.forEach((a, i) =>
      out.push(
        parseAllowlist(
          ctx,
          a,
          `${where}.allowlists[${i}]`,
          ctx.lineAfter('[[rules.allowlists]]', ruleLine, i)
        )
      )
    )
  }
  return out
}

/** Capture groups of a translated regex (Go's NumSubexp). */
function groupCount(source: string, flags: string): number {
  const m = new RegExp(`${source}|`, flags.replace(/[gy]/g, '')).exec('')
  return m ? m.length - 1 : 0
}

/** A `regex` or `path` value: gitleaks treats an empty string as unset. */
function optionalPattern(ctx: Ctx, v: unknown, what: string, needle: string): string | undefined {
  if (v === undefined || v === '') return undefined
  if (typeof v !== 'string') ctx.fail(`${what} must be a string`, needle)
  ctx.regex(v, what, v)
  return v
}

/**
 * One `[[rules]]` entry. With `base` (a rule of the same id from the extended configuration) it
 * is merged as gitleaks' `extend()` does: description, entropy, secretGroup, regex and path set
 * here replace the base's; keywords, tags and allowlists are appended to the base's.
 */
function parseRule(ctx: Ctx, t: unknown, index: number, base: ConfigRule | undefined): ConfigRule {
  if (!isTable(t)) ctx.fail(`rules[${index}] must be a table`)
  if (typeof t.id !== 'string' || t.id.trim() === '')
    ctx.fail(
      `rules[${index}] needs an id (gitleaks 8 requires one on every [[rules]] entry; ` +
        'gitleaks v7 configurations have none)',
      undefined,
      ctx.lineOfNth('[[rules]]', index)
    )
  const id = t.id
  const where = `rule ${id}`
  const needle = `"${id}"`
  const allowlists = ruleAllowlists(ctx, t, where, ctx.lineOfNth('[[rules]]', index))
  const regexSrc = optionalPattern(ctx, t.regex, `${where}.regex`, needle)
  const pathSrc = optionalPattern(ctx, t.path, `${where}.path`, needle)
  const secretGroup = weakNumber(t.secretgroup)
  if (
    t.secretgroup !== undefined &&
    (secretGroup === undefined || secretGroup < 0 || !Number.isInteger(secretGroup))
  )
    ctx.fail(`${where}.secretGroup must be a non-negative integer`, needle)
  const entropy = weakNumber(t.entropy)
  if (t.entropy !== undefined && entropy === undefined)
    ctx.fail(`${where}.entropy must be a number`, needle)
  const keywords = ctx.strings(t.keywords, `${where}.keywords`, needle).map(k => k.toLowerCase())
  const tags = ctx.strings(t.tags, `${where}.tags`, needle)
  const description =
    typeof t.description === 'string' && t.description !== '' ? t.description : undefined
  const translated = regexSrc !== undefined ? translateGoRegex(regexSrc) : undefined
  const required = parseRequired(ctx, t.required, where, needle)
  let rule: ConfigRule
  if (!base) {
    if (!translated && pathSrc === undefined)
      ctx.fail(`${where} has neither regex nor path`, needle)
    rule = {
      id,
      description: description ?? id,
      keywords,
      regex: translated?.source ?? '',
      flags: translated?.flags ?? '',
      severity: 'high',
      // gitleaks: 0 means "not set" for both.
      secretGroup: secretGroup || undefined,
      entropy: entropy || undefined,
      path: pathSrc,
      tags,
      untrusted: true,
      allowlists
    }
  } else {
    rule = {
      ...base,
      keywords: [...new Set([...base.keywords, ...keywords])],
      tags: [...(base.tags ?? []), ...tags],
      allowlists: [...(base.allowlists ?? []), ...allowlists]
    }
    if (description) rule.description = description
    if (entropy) rule.entropy = entropy
    if (translated) {
      // A new regex: none of the built-in rule's tuning (validators, windows) applies to it.
      for (const k of ['validate', 'generic', 'span', 'back', 'after', 'anchored'] as const)
        delete rule[k]
      rule.regex = translated.source
      rule.flags = translated.flags
      rule.untrusted = true
      // A built-in rule's group numbers mean nothing for the new regex.
      if (!base.untrusted) rule.secretGroup = undefined
    }
    // On a built-in regex only our own group numbers make sense: keep them.
    if (secretGroup && rule.untrusted) rule.secretGroup = secretGroup
    if (pathSrc !== undefined) rule.path = pathSrc
  }
  if (required.length > 0) rule.required = required
  if (t.skipreport === true || t.skipreport === 'true') rule.skipReport = true
  if (rule.untrusted && rule.regex !== '' && rule.secretGroup !== undefined) {
    const max = groupCount(rule.regex, rule.flags ?? '')
    if (rule.secretGroup > max)
      ctx.fail(
        `${where}: invalid regex secret group ${rule.secretGroup}, max regex secret group ${max}`,
        needle
      )
  }
  return rule
}

function parseRequired(ctx: Ctx, v: unknown, where: string, needle: string): RequiredRule[] {
  if (v === undefined) return []
  if (!Array.isArray(v)) ctx.fail(`${where}.required must be an array of tables`, needle)
  return v.map((r, i) => {
    if (!isTable(r) || typeof r.id !== 'string' || r.id.trim() === '')
      ctx.fail(`${where}: [[rules.required]] ${i} needs a rule id`, needle)
    const out: RequiredRule = { id: r.id }
    for (const [key, name] of [
      ['withinlines', 'withinLines'],
      ['withincolumns', 'withinColumns']
    ] as const) {
      if (r[key] === undefined) continue
      const n = weakNumber(r[key])
      if (n === undefined || n < 0 || !Number.isInteger(n))
        ctx.fail(`${where}: [[rules.required]] ${name} must be a non-negative integer`, needle)
      out[name] = n
    }
    return out
  })
}

/** gitleaks follows `[extend]` from the top file and one extended file, then stops. */
const MAX_EXTEND_DEPTH = 2

function loadToml(file: string, text: string, depth: number, root: string): ScanConfig {
  const ctx: Ctx = new Ctx(file, text)
  let doc: Table
  try {
    doc = lowerKeys(parseToml(text)) as Table
  } catch (err) {
    if (err instanceof TomlError)
      throw new InputError('SECRETS_CONFIG', `invalid TOML: ${err.message.split('\n')[0]}`, {
        position: { file, line: err.line, column: err.column }
      })
    throw err
  }
  let base: ScanConfig | undefined
  const disabled = new Set<string>()
  const warnings: string[] = []
  // Like gitleaks, an [extend] past the depth limit is ignored, not an error.
  if (doc.extend !== undefined && depth < MAX_EXTEND_DEPTH) {
    if (!isTable(doc.extend)) ctx.fail('[extend] must be a table', '[extend]')
    const ext = doc.extend
    const extPath = typeof ext.path === 'string' && ext.path !== '' ? ext.path : undefined
    const useDefault = ext.usedefault === true || ext.usedefault === 'true'
    if (extPath && useDefault)
      ctx.fail(
        '[extend] cannot set both path and useDefault',
        undefined,
        ctx.lineOfCi('usedefault')
      )
    if (useDefault) base = defaultConfig()
    else if (extPath) {
      // gitleaks opens the path as given, i.e. from the working directory (the scan root
      // here); a path relative to the extending file is accepted too.
      const candidates = [path.resolve(root, extPath), path.resolve(path.dirname(file), extPath)]
      const target = candidates.find(c => existsSync(c))
      if (!target) ctx.fail(`[extend] path not found: ${extPath}`, undefined, ctx.lineOfCi('path'))
      base = loadToml(target, readFileSync(target, 'utf8'), depth + 1, root)
    }
    for (const id of ctx.strings(ext.disabledrules, '[extend].disabledRules', 'disabledRules'))
      disabled.add(id)
  }
  // disabledRules drops rules of the extended configuration only (not this file's own).
  const baseRules = new Map<string, ConfigRule>()
  for (const r of base?.rules ?? []) {
    const gitleaksIds = Object.keys(GITLEAKS_ALIASES).filter(g =>
      GITLEAKS_ALIASES[g].includes(r.id)
    )
    if (!disabled.has(r.id) && !gitleaksIds.some(g => disabled.has(g))) baseRules.set(r.id, r)
  }
  const rules = new Map(baseRules)
  if (doc.rules !== undefined) {
    if (!Array.isArray(doc.rules)) {
      // `[[rules.allowlists]]` (or `[rules.allowlist]`) with no `[[rules]]` above it makes
      // `rules` a table: gitleaks then sees a rule without an id.
      const stray =
        isTable(doc.rules) &&
        (doc.rules.allowlists !== undefined || doc.rules.allowlist !== undefined)
      ctx.fail(
        'rules must be an array of tables ([[rules]])' +
          (stray
            ? ': this rule allowlist has no [[rules]] entry above it (a global allowlist is [allowlist] or [[allowlists]])'
            : ''),
        'rules'
      )
    }
    doc.rules.forEach((t, i) => {
      const id = isTable(t) && typeof t.id === 'string' ? t.id : ''
      // gitleaks' id for a rule we ship under other ids, or under that id and others (gitleaks'
      // generic-api-key is our generic-api-key, generic-secret, generic-token and
      // generic-password): extending or replacing it applies to each of them.
      const aliased = (GITLEAKS_ALIASES[id] ?? []).filter(a => baseRules.has(a))
      if (aliased.some(a => a !== id)) {
        const replaces = isTable(t) && (Boolean(t.regex) || Boolean(t.path))
        if (!replaces) {
          // Only id (plus allowlists, keywords, …): extend ours, each of them.
          for (const a of aliased)
            rules.set(a, parseRule(ctx, { ...t, id: a }, i, baseRules.get(a)))
          return
        }
        // A new regex or path for gitleaks' rule replaces ours.
        for (const a of aliased) rules.delete(a)
      }
      const idOnly = isTable(t) && !t.regex && !t.path
      if (idOnly && !baseRules.has(id) && base?.includesDefault && id !== '') {
        // A gitleaks default rule we do not ship: nothing to add allowlists or keywords to.
        warnings.push(`rule ${id} extends a gitleaks default rule that is not built in; ignored`)
        return
      }
      const r = parseRule(ctx, t, i, baseRules.get(id))
      rules.set(r.id, r)
    })
  }
  const allowlists = [...(base?.allowlists ?? [])]
  if (doc.allowlist !== undefined)
    allowlists.push(parseAllowlist(ctx, doc.allowlist, 'allowlist', ctx.lineOf('[allowlist]')))
  if (doc.allowlists !== undefined) {
    if (!Array.isArray(doc.allowlists))
      ctx.fail('allowlists must be an array of tables ([[allowlists]])', 'allowlists')
    doc.allowlists.forEach((a, i) =>
      allowlists.push(
        parseAllowlist(ctx, a, `allowlists[${i}]`, ctx.lineOfNth('[[allowlists]]', i))
      )
    )
  }
  for (const r of rules.values())
    for (const req of r.required ?? [])
      if (!rules.has(req.id))
        ctx.fail(`rule ${r.id}: [[rules.required]] rule id ${req.id} does not exist`, req.id)
  const inherited = base?.allowlists.length ?? 0
  const orphaned = new Set<RuleAllowlist>()
  allowlists.forEach((al, i) => {
    if (!al.targetRules || al.targetRules.length === 0) return
    // A gitleaks default id we ship under other ids targets those.
    al.targetRules = al.targetRules.flatMap(id => {
      const aliased = (GITLEAKS_ALIASES[id] ?? []).filter(a => rules.has(a))
      // Our rule of that id alone, unless it is one of several that gitleaks' rule covers.
      if (rules.has(id) && !(base?.includesDefault && aliased.some(a => a !== id))) return [id]
      // An extended file's allowlist may target a rule this file disabled: nothing to allow.
      if (aliased.length === 0 && i >= inherited) {
        if (!base?.includesDefault) ctx.fail(`allowlist targetRules names unknown rule ${id}`, id)
        warnings.push(
          `allowlist targetRules names ${id}, a gitleaks default rule that is not built in; ignored`
        )
      }
      return aliased
    })
    if (al.targetRules.length === 0) orphaned.add(al)
  })
  return {
    rules: [...rules.values()],
    allowlists: allowlists.filter(al => !orphaned.has(al)),
    source: file,
    includesDefault: base?.includesDefault === true,
    warnings: [...(base?.warnings ?? []), ...warnings]
  }
}

/** Parses configuration text (exported for tests and GITLEAKS_CONFIG_TOML). */
export function parseConfig(
  text: string,
  file = '.gitleaks.toml',
  root = path.dirname(path.resolve(file))
): ScanConfig {
  return loadToml(file, text, 0, root)
}

/**
 * Finds the configuration as gitleaks does: an explicit path, then GITLEAKS_CONFIG (a path),
 * then GITLEAKS_CONFIG_TOML (the content), then `<root>/.gitleaks.toml`, else the built-in rules.
 */
export function loadConfig(
  root: string,
  explicit?: string,
  env: NodeJS.ProcessEnv = {}
): ScanConfig {
  const fromFile = (file: string): ScanConfig => {
    if (!existsSync(file))
      throw new InputError('SECRETS_CONFIG', `configuration file not found: ${file}`, {
        position: { file }
      })
    return loadToml(file, readFileSync(file, 'utf8'), 0, root)
  }
  if (explicit) return fromFile(path.resolve(root, explicit))
  if (env.GITLEAKS_CONFIG) return fromFile(path.resolve(root, env.GITLEAKS_CONFIG))
  if (env.GITLEAKS_CONFIG_TOML)
    return loadToml('GITLEAKS_CONFIG_TOML', env.GITLEAKS_CONFIG_TOML, 0, root)
  const local = path.join(root, '.gitleaks.toml')
  if (existsSync(local)) return fromFile(local)
  return defaultConfig()
}
