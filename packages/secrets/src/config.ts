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

export interface ScanConfig {
  rules: Rule[]
  allowlists: RuleAllowlist[]
  /** Where the configuration came from ('built-in' or a path / env variable name). */
  source: string
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
  return { rules: BUILTIN_RULES.map(r => ({ ...r })), allowlists: [], source: 'built-in' }
}

type Table = Record<string, unknown>

function isTable(v: unknown): v is Table {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date)
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

  /** Line of the n-th (0-based) occurrence of `needle`. */
  lineOfNth(needle: string, n: number): number | undefined {
    let i = -1
    for (let k = 0; k <= n; k++) {
      i = this.text.indexOf(needle, i + 1)
      if (i === -1) return undefined
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

function parseAllowlist(ctx: Ctx, t: unknown, where: string): RuleAllowlist {
  if (!isTable(t)) ctx.fail(`${where} must be a table`)
  const condition =
    typeof t.condition === 'string'
      ? t.condition.toUpperCase()
      : t.condition === undefined
        ? 'OR'
        : ''
  if (condition !== 'OR' && condition !== 'AND')
    ctx.fail(`${where}.condition must be "OR" or "AND"`, 'condition')
  const regexTarget =
    typeof t.regexTarget === 'string' ? t.regexTarget : t.regexTarget === undefined ? 'secret' : ''
  if (regexTarget !== 'secret' && regexTarget !== 'match' && regexTarget !== 'line')
    ctx.fail(`${where}.regexTarget must be secret, match or line`, 'regexTarget')
  const al: RuleAllowlist = {
    description: typeof t.description === 'string' ? t.description : undefined,
    condition,
    commits: ctx.strings(t.commits, `${where}.commits`, 'commits'),
    paths: ctx
      .strings(t.paths, `${where}.paths`, 'paths')
      .map(p => ctx.regex(p, `${where}.paths`, p)),
    regexes: ctx
      .strings(t.regexes, `${where}.regexes`, 'regexes')
      .map(r => ctx.regex(r, `${where}.regexes`, r)),
    regexTarget,
    stopwords: ctx.strings(t.stopwords, `${where}.stopwords`, 'stopwords').map(s => s.toLowerCase())
  }
  if (t.targetRules !== undefined)
    al.targetRules = ctx.strings(t.targetRules, `${where}.targetRules`, 'targetRules')
  if (
    al.commits.length + al.paths.length + al.regexes.length + al.stopwords.length === 0 &&
    !where.startsWith('allowlist')
  )
    ctx.fail(`${where} must set at least one of commits, paths, regexes or stopwords`)
  return al
}

function ruleAllowlists(ctx: Ctx, t: Table, where: string): RuleAllowlist[] {
  const out: RuleAllowlist[] = []
  if (t.allowlist !== undefined) out.push(parseAllowlist(ctx, t.allowlist, `${where}.allowlist`))
  if (t.allowlists !== undefined) {
    if (!Array.isArray(t.allowlists)) ctx.fail(`${where}.allowlists must be an array of tables`)
    t.allowlists.forEach((a, i) => out.push(parseAllowlist(ctx, a, `${where}.allowlists[${i}]`)))
  }
  return out
}

function parseRule(ctx: Ctx, t: unknown, index: number, base: Rule | undefined): Rule {
  if (!isTable(t)) ctx.fail(`rules[${index}] must be a table`)
  if (typeof t.id !== 'string' || t.id === '')
    ctx.fail(`rules[${index}] needs an id`, undefined, ctx.lineOfNth('[[rules]]', index))
  const id = t.id
  const where = `rule ${id}`
  const needle = `"${id}"`
  const allowlists = ruleAllowlists(ctx, t, where)
  // `[[rules]]` with only an id (and allowlists/keywords) extends the default rule of that id.
  if (t.regex === undefined && t.path === undefined) {
    if (!base) ctx.fail(`${where} has neither regex nor path`, needle)
    return {
      ...base,
      description: typeof t.description === 'string' ? t.description : base.description,
      keywords:
        t.keywords === undefined
          ? base.keywords
          : ctx.strings(t.keywords, `${where}.keywords`, needle).map(k => k.toLowerCase()),
      allowlists: [...(base.allowlists ?? []), ...allowlists]
    }
  }
  let regexSource = ''
  let flags = ''
  if (t.regex !== undefined) {
    if (typeof t.regex !== 'string') ctx.fail(`${where}.regex must be a string`, needle)
    ctx.regex(t.regex, `${where}.regex`, t.regex)
    const tr = translateGoRegex(t.regex)
    regexSource = tr.source
    flags = tr.flags
  }
  let pathRe: string | undefined
  if (t.path !== undefined) {
    if (typeof t.path !== 'string') ctx.fail(`${where}.path must be a string`, needle)
    ctx.regex(t.path, `${where}.path`, t.path)
    pathRe = t.path
  }
  if (t.secretGroup !== undefined && (typeof t.secretGroup !== 'number' || t.secretGroup < 0))
    ctx.fail(`${where}.secretGroup must be a non-negative integer`, needle)
  if (t.entropy !== undefined && typeof t.entropy !== 'number')
    ctx.fail(`${where}.entropy must be a number`, needle)
  return {
    id,
    description: typeof t.description === 'string' ? t.description : id,
    keywords: ctx.strings(t.keywords, `${where}.keywords`, needle).map(k => k.toLowerCase()),
    regex: regexSource,
    flags,
    severity: 'high',
    secretGroup: typeof t.secretGroup === 'number' ? t.secretGroup : undefined,
    entropy: typeof t.entropy === 'number' ? t.entropy : undefined,
    path: pathRe,
    tags: ctx.strings(t.tags, `${where}.tags`, needle),
    untrusted: true,
    allowlists
  }
}

function loadToml(file: string, text: string, depth: number): ScanConfig {
  const ctx: Ctx = new Ctx(file, text)
  let doc: Table
  try {
    doc = parseToml(text)
  } catch (err) {
    if (err instanceof TomlError)
      throw new InputError('SECRETS_CONFIG', `invalid TOML: ${err.message.split('\n')[0]}`, {
        position: { file, line: err.line, column: err.column }
      })
    throw err
  }
  let base: ScanConfig | undefined
  const disabled = new Set<string>()
  if (doc.extend !== undefined) {
    if (!isTable(doc.extend)) ctx.fail('[extend] must be a table', '[extend]')
    const ext = doc.extend
    if (ext.useDefault === true) base = defaultConfig()
    else if (typeof ext.path === 'string') {
      if (depth >= 2) ctx.fail('[extend] chains deeper than 2 levels', 'path')
      const target = path.resolve(path.dirname(file), ext.path)
      if (!existsSync(target)) ctx.fail(`[extend] path not found: ${ext.path}`, 'path')
      base = loadToml(target, readFileSync(target, 'utf8'), depth + 1)
    }
    for (const id of ctx.strings(ext.disabledRules, '[extend].disabledRules', 'disabledRules'))
      disabled.add(id)
  }
  const baseRules = new Map((base?.rules ?? []).map(r => [r.id, r]))
  const rules = new Map(baseRules)
  if (doc.rules !== undefined) {
    if (!Array.isArray(doc.rules)) ctx.fail('rules must be an array of tables ([[rules]])', 'rules')
    doc.rules.forEach((t, i) => {
      const id = isTable(t) && typeof t.id === 'string' ? t.id : ''
      const extendsOnly = isTable(t) && t.regex === undefined && t.path === undefined
      // gitleaks' id for a rule we ship under another id: extend ours (each of them).
      const aliased = extendsOnly && !baseRules.has(id) ? (GITLEAKS_ALIASES[id] ?? []) : []
      if (aliased.length > 0 && aliased.every(a => baseRules.has(a))) {
        for (const a of aliased) {
          const r = parseRule(ctx, { ...t, id: a }, i, baseRules.get(a))
          rules.set(a, r)
        }
        return
      }
      const r = parseRule(ctx, t, i, baseRules.get(id))
      rules.set(r.id, r)
    })
  }
  for (const id of disabled) {
    rules.delete(id)
    for (const a of GITLEAKS_ALIASES[id] ?? []) rules.delete(a)
  }
  const allowlists = [...(base?.allowlists ?? [])]
  if (doc.allowlist !== undefined) allowlists.push(parseAllowlist(ctx, doc.allowlist, 'allowlist'))
  if (doc.allowlists !== undefined) {
    if (!Array.isArray(doc.allowlists))
      ctx.fail('allowlists must be an array of tables ([[allowlists]])', 'allowlists')
    doc.allowlists.forEach((a, i) => allowlists.push(parseAllowlist(ctx, a, `allowlists[${i}]`)))
  }
  for (const al of allowlists)
    for (const id of al.targetRules ?? [])
      if (!rules.has(id)) ctx.fail(`allowlist targetRules names unknown rule ${id}`, id)
  return { rules: [...rules.values()], allowlists, source: file }
}

/** Parses configuration text (exported for tests and GITLEAKS_CONFIG_TOML). */
export function parseConfig(text: string, file = '.gitleaks.toml'): ScanConfig {
  return loadToml(file, text, 0)
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
    return loadToml(file, readFileSync(file, 'utf8'), 0)
  }
  if (explicit) return fromFile(path.resolve(root, explicit))
  if (env.GITLEAKS_CONFIG) return fromFile(path.resolve(root, env.GITLEAKS_CONFIG))
  if (env.GITLEAKS_CONFIG_TOML) return loadToml('GITLEAKS_CONFIG_TOML', env.GITLEAKS_CONFIG_TOML, 0)
  const local = path.join(root, '.gitleaks.toml')
  if (existsSync(local)) return fromFile(local)
  return defaultConfig()
}
