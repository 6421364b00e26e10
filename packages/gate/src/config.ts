/**
 * The declarative gate policy (YAML): parsed strictly — an unknown key, a bad duration, time zone,
 * cron expression or regular expression is an InputError with the file and line.
 */
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node } from 'yaml'
import { InputError } from '@secure-pipeline/core'
import { EVIDENCE_KINDS, SEVERITY_RANK, type EvidenceKind, type Severity } from './model.js'
import { isTimeZone, parseCron, parseDuration, parseInstant } from './time.js'

export interface Matcher {
  exact?: string
  regexp?: string
}

export type Threshold = Severity | 'any' | 'none'

export interface FreezeWindow {
  name: string
  description: string
  timezone: string
  /** One-time window: Unix ms. */
  start?: number
  end?: number
  /** Recurring window: a cron expression for its start, open for `durationSeconds`. */
  cron?: string
  durationSeconds?: number
}

export interface GateRules {
  mode: 'enforce' | 'warn'
  require: {
    signature?: {
      identity?: Matcher
      issuer?: Matcher
      github: Partial<
        Record<'repository' | 'ref' | 'workflow' | 'trigger' | 'runner-environment' | 'sha', string>
      >
    }
    attestations: string[]
    sbom?: { minComponents: number }
    provenance?: {
      builderId?: Matcher
      sourceRepository?: string
      sourceRef?: string
      matchArtifact: boolean
    }
    evidence: EvidenceKind[]
    facts: string[]
  }
  denyOn: {
    secrets?: Threshold
    policyFailures?: Threshold
    policyWarnings?: Threshold
    vulnerabilities?: { severity: Threshold; max: number; ignore: string[]; block: string[] }
    licenses: string[]
    packages: string[]
  }
  maxAge: Partial<Record<EvidenceKind | 'default', number>>
  freezeWindows: FreezeWindow[]
  approvals?: { count: number; preventSelfApproval: boolean }
  breakGlass: boolean
}

export interface DeclarativePolicy {
  /** Rules per environment name; `''` is the base (no or an unlisted environment). */
  rules(environment: string | null): GateRules
  environments: string[]
  /** Extra Rego files (paths relative to the policy file) whose deny/warn rules join the decision. */
  rego: string[]
}

type Path = (string | number)[]
type Raw = Record<string, unknown>

const KNOWN_PREDICATES: Record<string, string> = {
  slsaprovenance: 'https://slsa.dev/provenance/v0.2',
  slsaprovenance02: 'https://slsa.dev/provenance/v0.2',
  slsaprovenance1: 'https://slsa.dev/provenance/v1',
  cyclonedx: 'https://cyclonedx.org/bom',
  spdx: 'https://spdx.dev/Document',
  spdxjson: 'https://spdx.dev/Document',
  vuln: 'https://cosign.sigstore.dev/attestation/vuln/v1',
  custom: 'https://cosign.sigstore.dev/attestation/v1',
  vsa: 'https://slsa.dev/verification_summary/v1'
}

const TOP_KEYS = [
  'version',
  'mode',
  'require',
  'deny-on',
  'max-age',
  'freeze-windows',
  'approvals',
  'break-glass',
  'environments',
  'rego'
]
const ENV_KEYS = TOP_KEYS.filter(k => k !== 'environments' && k !== 'rego' && k !== 'version')

class Reader {
  private readonly file: string
  private readonly at: (path: Path) => number | undefined

  constructor(file: string, at: (path: Path) => number | undefined) {
    this.file = file
    this.at = at
  }

  error(path: Path, message: string): never {
    throw new InputError('GATE_POLICY_INVALID', `${path.join('.') || 'policy'}: ${message}`, {
      position: { file: this.file, line: this.at(path) }
    })
  }

  object(v: unknown, path: Path, keys: readonly string[]): Raw {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      this.error(path, 'must be a mapping')
    for (const k of Object.keys(v))
      if (!keys.includes(k))
        this.error([...path, k], `unknown key (expected one of ${keys.join(', ')})`)
    return v as Raw
  }

  string(v: unknown, path: Path): string {
    if (typeof v !== 'string' || v === '') this.error(path, 'must be a non-empty string')
    return v
  }

  strings(v: unknown, path: Path): string[] {
    if (typeof v === 'string') return [v]
    if (!Array.isArray(v)) this.error(path, 'must be a list of strings')
    return v.map((s, i) => this.string(s, [...path, i]))
  }

  regexp(v: unknown, path: Path): string {
    const s = this.string(v, path)
    try {
      new RegExp(s, 'u')
    } catch (err) {
      this.error(path, `invalid regular expression: ${(err as Error).message}`)
    }
    return s
  }

  bool(v: unknown, path: Path): boolean {
    if (typeof v !== 'boolean') this.error(path, 'must be true or false')
    return v
  }

  count(v: unknown, path: Path): number {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      this.error(path, 'must be a whole number ≥ 0')
    return v
  }

  duration(v: unknown, path: Path): number {
    const d = typeof v === 'string' || typeof v === 'number' ? parseDuration(v) : undefined
    if (d === undefined)
      this.error(path, `invalid duration ${JSON.stringify(v)} (use e.g. 30m, 24h, 7d, 1d12h)`)
    return d
  }

  threshold(v: unknown, path: Path): Threshold {
    if (v === true) return 'any'
    if (v === false) return 'none'
    if (typeof v === 'string' && (v === 'any' || v === 'none' || v in SEVERITY_RANK))
      return v as Threshold
    this.error(path, `must be any, none or a severity (${Object.keys(SEVERITY_RANK).join(', ')})`)
  }

  matcher(o: Raw, exactKey: string, path: Path): Matcher | undefined {
    const exact = o[exactKey]
    const re = o[`${exactKey}-regexp`]
    if (exact !== undefined && re !== undefined)
      this.error(
        [...path, `${exactKey}-regexp`],
        `give ${exactKey} or ${exactKey}-regexp, not both`
      )
    if (exact !== undefined) return { exact: this.string(exact, [...path, exactKey]) }
    if (re !== undefined) return { regexp: this.regexp(re, [...path, `${exactKey}-regexp`]) }
    return undefined
  }
}

function predicateURI(s: string): string {
  return KNOWN_PREDICATES[s.toLowerCase()] ?? s
}

function readRules(r: Reader, raw: Raw, base: Path): GateRules {
  const rules: GateRules = {
    mode: 'enforce',
    require: { attestations: [], evidence: [], facts: [] },
    denyOn: { licenses: [], packages: [] },
    maxAge: {},
    freezeWindows: [],
    breakGlass: false
  }
  if (raw.mode !== undefined) {
    if (raw.mode !== 'enforce' && raw.mode !== 'warn')
      r.error([...base, 'mode'], 'must be enforce or warn')
    rules.mode = raw.mode
  }
  if (raw.require !== undefined) {
    const p = [...base, 'require']
    const req = r.object(raw.require, p, [
      'signature',
      'attestations',
      'sbom',
      'provenance',
      'evidence',
      'facts',
      ...EVIDENCE_KINDS
    ])
    if (req.signature !== undefined && req.signature !== false) {
      const sp = [...p, 'signature']
      const ghKeys = [
        'repository',
        'ref',
        'workflow',
        'trigger',
        'runner-environment',
        'sha'
      ] as const
      const s =
        req.signature === true
          ? {}
          : r.object(req.signature, sp, [
              'identity',
              'identity-regexp',
              'issuer',
              'issuer-regexp',
              ...ghKeys
            ])
      const github: NonNullable<GateRules['require']['signature']>['github'] = {}
      for (const k of ghKeys) if (s[k] !== undefined) github[k] = r.string(s[k], [...sp, k])
      rules.require.signature = {
        identity: r.matcher(s, 'identity', sp),
        issuer: r.matcher(s, 'issuer', sp),
        github
      }
    }
    if (req.attestations !== undefined)
      rules.require.attestations = r
        .strings(req.attestations, [...p, 'attestations'])
        .map(predicateURI)
    if (req.sbom !== undefined && req.sbom !== false) {
      const s = req.sbom === true ? {} : r.object(req.sbom, [...p, 'sbom'], ['min-components'])
      rules.require.sbom = {
        minComponents:
          s['min-components'] === undefined
            ? 0
            : r.count(s['min-components'], [...p, 'sbom', 'min-components'])
      }
    }
    if (req.provenance !== undefined && req.provenance !== false) {
      const pp = [...p, 'provenance']
      const s =
        req.provenance === true
          ? {}
          : r.object(req.provenance, pp, [
              'builder-id',
              'builder-id-regexp',
              'source-repository',
              'source-ref',
              'match-artifact'
            ])
      rules.require.provenance = {
        builderId: r.matcher(s, 'builder-id', pp),
        sourceRepository:
          s['source-repository'] === undefined
            ? undefined
            : r.string(s['source-repository'], [...pp, 'source-repository']),
        sourceRef:
          s['source-ref'] === undefined
            ? undefined
            : r.string(s['source-ref'], [...pp, 'source-ref']),
        matchArtifact:
          s['match-artifact'] === undefined
            ? true
            : r.bool(s['match-artifact'], [...pp, 'match-artifact'])
      }
    }
    const evidence = new Set<EvidenceKind>()
    for (const k of EVIDENCE_KINDS) {
      if (k === 'sbom' || k === 'provenance' || (k === 'facts' && typeof req.facts !== 'boolean'))
        continue // sections of their own
      if (req[k] !== undefined && r.bool(req[k], [...p, k])) evidence.add(k)
    }
    if (req.evidence !== undefined)
      for (const [i, k] of r.strings(req.evidence, [...p, 'evidence']).entries()) {
        if (!(EVIDENCE_KINDS as readonly string[]).includes(k))
          r.error(
            [...p, 'evidence', i],
            `unknown evidence kind (expected ${EVIDENCE_KINDS.join(', ')})`
          )
        evidence.add(k as EvidenceKind)
      }
    rules.require.evidence = [...evidence]
    if (req.facts !== undefined && typeof req.facts !== 'boolean')
      rules.require.facts = r.strings(req.facts, [...p, 'facts'])
  }
  if (raw['deny-on'] !== undefined) {
    const p = [...base, 'deny-on']
    const d = r.object(raw['deny-on'], p, [
      'secrets',
      'policy-failures',
      'policy-warnings',
      'vulnerabilities',
      'licenses',
      'packages'
    ])
    if (d.secrets !== undefined) rules.denyOn.secrets = r.threshold(d.secrets, [...p, 'secrets'])
    if (d['policy-failures'] !== undefined)
      rules.denyOn.policyFailures = r.threshold(d['policy-failures'], [...p, 'policy-failures'])
    if (d['policy-warnings'] !== undefined)
      rules.denyOn.policyWarnings = r.threshold(d['policy-warnings'], [...p, 'policy-warnings'])
    if (d.vulnerabilities !== undefined) {
      const vp = [...p, 'vulnerabilities']
      if (typeof d.vulnerabilities === 'object' && d.vulnerabilities !== null) {
        const v = r.object(d.vulnerabilities, vp, ['severity', 'max', 'ignore', 'block'])
        rules.denyOn.vulnerabilities = {
          severity: v.severity === undefined ? 'any' : r.threshold(v.severity, [...vp, 'severity']),
          max: v.max === undefined ? 0 : r.count(v.max, [...vp, 'max']),
          ignore: v.ignore === undefined ? [] : r.strings(v.ignore, [...vp, 'ignore']),
          block: v.block === undefined ? [] : r.strings(v.block, [...vp, 'block'])
        }
      } else
        rules.denyOn.vulnerabilities = {
          severity: r.threshold(d.vulnerabilities, vp),
          max: 0,
          ignore: [],
          block: []
        }
    }
    if (d.licenses !== undefined) rules.denyOn.licenses = r.strings(d.licenses, [...p, 'licenses'])
    if (d.packages !== undefined) rules.denyOn.packages = r.strings(d.packages, [...p, 'packages'])
  }
  if (raw['max-age'] !== undefined) {
    const p = [...base, 'max-age']
    if (typeof raw['max-age'] === 'object' && raw['max-age'] !== null) {
      const m = r.object(raw['max-age'], p, ['default', ...EVIDENCE_KINDS])
      for (const [k, v] of Object.entries(m))
        rules.maxAge[k as EvidenceKind | 'default'] = r.duration(v, [...p, k])
    } else rules.maxAge.default = r.duration(raw['max-age'], p)
  }
  if (raw['freeze-windows'] !== undefined) {
    const p = [...base, 'freeze-windows']
    if (!Array.isArray(raw['freeze-windows'])) r.error(p, 'must be a list')
    for (const [i, w] of (raw['freeze-windows'] as unknown[]).entries()) {
      const wp = [...p, i]
      const o = r.object(w, wp, [
        'name',
        'description',
        'timezone',
        'start',
        'end',
        'cron',
        'duration'
      ])
      const name = o.name === undefined ? `window-${i + 1}` : r.string(o.name, [...wp, 'name'])
      if (!/^[A-Za-z0-9_.-]+$/.test(name))
        r.error([...wp, 'name'], 'may only contain letters, digits, ".", "_" and "-"')
      const timezone = o.timezone === undefined ? 'UTC' : r.string(o.timezone, [...wp, 'timezone'])
      if (!isTimeZone(timezone))
        r.error(
          [...wp, 'timezone'],
          `unknown time zone "${timezone}" (use an IANA name such as Europe/Berlin)`
        )
      const win: FreezeWindow = {
        name,
        timezone,
        description:
          o.description === undefined ? '' : r.string(o.description, [...wp, 'description'])
      }
      if (o.cron !== undefined) {
        if (o.start !== undefined || o.end !== undefined)
          r.error([...wp, 'cron'], 'a window has either cron (+ duration) or start/end')
        const c = parseCron(r.string(o.cron, [...wp, 'cron']))
        if (typeof c === 'string') r.error([...wp, 'cron'], c)
        win.cron = o.cron as string
        win.durationSeconds =
          o.duration === undefined ? 60 : r.duration(o.duration, [...wp, 'duration'])
      } else {
        if (o.start === undefined || o.end === undefined)
          r.error(wp, 'a window needs start and end (dates or times), or cron')
        if (o.duration !== undefined) r.error([...wp, 'duration'], 'duration goes with cron')
        const at = (k: 'start' | 'end'): number => {
          const v = o[k] instanceof Date ? o[k].toISOString().slice(0, 10) : o[k]
          const ms = typeof v === 'string' ? parseInstant(v, timezone) : undefined
          if (ms === undefined)
            r.error(
              [...wp, k],
              'must be a date (2026-12-20), a local time (2026-12-20T18:00) or an RFC 3339 timestamp'
            )
          return ms
        }
        win.start = at('start')
        const endRaw = o.end instanceof Date ? o.end.toISOString().slice(0, 10) : o.end
        // A bare end date includes that whole day.
        win.end =
          typeof endRaw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(endRaw.trim())
            ? parseInstant(`${endRaw.trim()}T23:59:59`, timezone)! + 1000
            : at('end')
        if (win.end <= win.start) r.error([...wp, 'end'], 'must be after start')
      }
      if (rules.freezeWindows.some(x => x.name === name))
        r.error([...wp, 'name'], `duplicate window name "${name}"`)
      rules.freezeWindows.push(win)
    }
  }
  if (raw.approvals !== undefined) {
    const p = [...base, 'approvals']
    if (typeof raw.approvals === 'number')
      rules.approvals = { count: r.count(raw.approvals, p), preventSelfApproval: true }
    else {
      const a = r.object(raw.approvals, p, ['count', 'prevent-self-approval'])
      rules.approvals = {
        count: r.count(a.count, [...p, 'count']),
        preventSelfApproval:
          a['prevent-self-approval'] === undefined
            ? true
            : r.bool(a['prevent-self-approval'], [...p, 'prevent-self-approval'])
      }
    }
  }
  if (raw['break-glass'] !== undefined) {
    const p = [...base, 'break-glass']
    rules.breakGlass =
      typeof raw['break-glass'] === 'boolean'
        ? raw['break-glass']
        : r.bool(r.object(raw['break-glass'], p, ['allowed']).allowed, [...p, 'allowed'])
  }
  return rules
}

/** Environment sections override the base: mappings merge key by key, everything else replaces. */
function merge(base: unknown, over: unknown): unknown {
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return over
  if (typeof over !== 'object' || over === null || Array.isArray(over)) return over
  const out: Raw = { ...(base as Raw) }
  for (const [k, v] of Object.entries(over as Raw)) out[k] = k in out ? merge(out[k], v) : v
  return out
}

export function looksDeclarative(source: string): boolean {
  return !/^\s*package\s+[A-Za-z_]/m.test(source)
}

export function parseDeclarativePolicy(source: string, file: string): DeclarativePolicy {
  const lineCounter = new LineCounter()
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    const e = doc.errors[0]
    throw new InputError('GATE_POLICY_INVALID', `invalid YAML: ${e.message.split('\n')[0]}`, {
      position: { file, line: lineCounter.linePos(e.pos[0]).line }
    })
  }
  const at = (p: Path): number | undefined => {
    for (let n = p.length; n >= 0; n--) {
      const node = (n === 0 ? doc.contents : doc.getIn(p.slice(0, n), true)) as
        Node | null | undefined
      if (node && (isMap(node) || isSeq(node) || isScalar(node)) && node.range)
        return lineCounter.linePos(node.range[0]).line
    }
    return undefined
  }
  const reader = new Reader(file, at)
  const raw = reader.object(doc.toJS({ maxAliasCount: 100 }) ?? {}, [], TOP_KEYS)
  if (raw.version !== undefined && raw.version !== 1)
    reader.error(['version'], 'only version 1 is supported')
  const { environments: envRaw, rego: regoRaw, version: _v, ...baseRaw } = raw
  const base = readRules(reader, baseRaw, [])
  const envs = new Map<string, Raw>()
  if (envRaw !== undefined) {
    const e = reader.object(envRaw, ['environments'], Object.keys((envRaw as Raw | null) ?? {}))
    for (const [name, section] of Object.entries(e)) {
      const s = reader.object(section ?? {}, ['environments', name], ENV_KEYS)
      readRules(reader, s, ['environments', name]) // validates with the section's own lines
      envs.set(name, s)
    }
  }
  const rego = regoRaw === undefined ? [] : reader.strings(regoRaw, ['rego'])
  const cache = new Map<string, GateRules>()
  return {
    environments: [...envs.keys()],
    rego,
    rules(environment) {
      const section = environment === null ? undefined : envs.get(environment)
      if (!section) return base
      let r = cache.get(environment!)
      if (!r) {
        r = readRules(reader, merge(baseRaw, section) as Raw, ['environments', environment!])
        cache.set(environment!, r)
      }
      return r
    }
  }
}

/** Glob (`*` any run, `?` one character) → anchored, case-insensitive regular expression source. */
export function globToRegex(glob: string): string {
  let out = ''
  for (const ch of glob.toLowerCase()) {
    if (ch === '*') out += '.*'
    else if (ch === '?') out += '.'
    else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  }
  return `^${out}$`
}
