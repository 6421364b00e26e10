/**
 * Evidence files → one normalised input document. Kinds are detected by content (a `kind:path`
 * prefix overrides detection); anything unreadable or unrecognised is an InputError naming the
 * file. Secret values never make it into the input: only rule, location and severity do, and any
 * unredacted value seen is registered with a Redactor so no output can repeat it.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { InputError, Redactor } from '@secure-pipeline/core'
import {
  EVIDENCE_KINDS,
  type ApprovalInput,
  type ComponentInput,
  type EvidenceKind,
  type EvidenceRecord,
  type GateInput,
  type GitHubClaims,
  type PolicyResultInput,
  type ProvenanceInput,
  type SecretFindingInput,
  type Severity,
  type VerificationInput,
  type VulnerabilityInput
} from './model.js'
import { formatDuration, parseTimestamp } from './time.js'

/** Evidence above this size is refused rather than parsed. */
export const MAX_EVIDENCE_BYTES = 64 * 1024 * 1024

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }
type Obj = { [k: string]: Json }

export interface EvidenceSpec {
  path: string
  kind?: EvidenceKind
}

/** `kind:path` → {kind, path}; a prefix that is not a known kind is part of the path. */
export function parseEvidenceSpec(spec: string): EvidenceSpec {
  const colon = spec.indexOf(':')
  if (colon > 0) {
    const kind = spec.slice(0, colon)
    if ((EVIDENCE_KINDS as readonly string[]).includes(kind))
      return { kind: kind as EvidenceKind, path: spec.slice(colon + 1) }
  }
  return { path: spec }
}

/** Partial input contributed by one evidence file. */
interface Contribution {
  kind: EvidenceKind
  format: string
  timestamp?: unknown
  secrets?: SecretFindingInput[]
  components?: ComponentInput[]
  /** CycloneDX documents with a vulnerabilities array also count as a vulnerability scan. */
  vulnerabilities?: VulnerabilityInput[]
  failures?: PolicyResultInput[]
  warnings?: PolicyResultInput[]
  verifications?: Omit<VerificationInput, 'path'>[]
  provenance?: Omit<ProvenanceInput, 'path'>[]
  facts?: Obj
}

export interface LoadedEvidence {
  record: Omit<EvidenceRecord, 'age_seconds' | 'age'>
  contribution: Contribution
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null
}
function arr(v: unknown): Json[] {
  return Array.isArray(v) ? (v as Json[]) : []
}

export function severityOf(value: unknown, fallback: Severity = 'high'): Severity {
  if (typeof value === 'number') {
    // CVSS-like scores (SARIF security-severity).
    if (value >= 9) return 'critical'
    if (value >= 7) return 'high'
    if (value >= 4) return 'medium'
    if (value > 0) return 'low'
    return 'info'
  }
  const s = typeof value === 'string' ? value.trim().toLowerCase() : ''
  if (/^\d+(\.\d+)?$/.test(s)) return severityOf(Number(s), fallback)
  switch (s) {
    case 'critical':
      return 'critical'
    case 'high':
    case 'error':
    case 'important':
      return 'high'
    case 'medium':
    case 'moderate':
    case 'warning':
      return 'medium'
    case 'low':
    case 'note':
    case 'negligible':
      return 'low'
    case 'info':
    case 'informational':
    case 'none':
      return 'info'
    default:
      // Unknown severity counts as high: the gate fails closed.
      return fallback
  }
}

function fail(file: string, message: string, line?: number): never {
  throw new InputError('GATE_EVIDENCE_INVALID', message, { position: { file, line } })
}

function parseDocument(text: string, file: string): Json {
  const trimmed = text.trim()
  if (trimmed === '') fail(file, 'evidence file is empty')
  if (/\.ya?ml$/i.test(file)) {
    try {
      return parseYaml(text, { maxAliasCount: 100 }) as Json
    } catch (err) {
      const line = (err as { linePos?: { line: number }[] }).linePos?.[0]?.line
      fail(file, `invalid YAML: ${(err as Error).message.split('\n')[0]}`, line)
    }
  }
  try {
    return JSON.parse(text) as Json
  } catch (err) {
    // JSON Lines (e.g. slsa-github-generator's .intoto.jsonl): one document per line.
    const lines = trimmed.split(/\r?\n/).filter(l => l.trim() !== '')
    if (lines.length > 1) {
      const docs: Json[] = []
      for (const [i, l] of lines.entries()) {
        try {
          docs.push(JSON.parse(l) as Json)
        } catch {
          fail(file, `invalid JSON Lines: line ${i + 1} is not JSON`, i + 1)
        }
      }
      return docs
    }
    const msg = (err as Error).message
    const pos = /position (\d+)/.exec(msg)
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined
    fail(file, `invalid JSON: ${msg.split('\n')[0]}`, line)
  }
}

// ---- secret scan ----

function loc(file: string | null, line: unknown): string {
  return typeof line === 'number' ? `${file ?? ''}:${line}` : (file ?? '')
}

function secretsFromOurs(doc: Obj, redactor: Redactor): SecretFindingInput[] {
  return arr(doc.findings)
    .filter(isObj)
    .map(f => {
      for (const k of ['secret', 'match']) {
        const v = f[k]
        if (typeof v === 'string' && !/REDACTED/.test(v)) redactor.add(v)
      }
      return {
        rule_id: str(f.ruleId) ?? 'unknown',
        severity: severityOf(f.severity),
        file: str(f.file) ?? '',
        line: typeof f.startLine === 'number' ? f.startLine : null,
        location: loc(str(f.file), f.startLine),
        commit: str(f.commit)
      }
    })
}

function secretsFromGitleaks(doc: Json[], redactor: Redactor): SecretFindingInput[] {
  return doc.filter(isObj).map(f => {
    for (const k of ['Secret', 'Match']) {
      const v = f[k]
      if (typeof v === 'string' && !/REDACTED/.test(v)) redactor.add(v)
    }
    return {
      rule_id: str(f.RuleID) ?? 'unknown',
      severity: 'high',
      file: str(f.File) ?? '',
      line: typeof f.StartLine === 'number' ? f.StartLine : null,
      location: loc(str(f.File), f.StartLine),
      commit: str(f.Commit)
    }
  })
}

// ---- SARIF ----

interface SarifResult {
  ruleId: string
  severity: Severity
  file: string
  line: number | null
  message: string
}

function sarifResults(
  doc: Obj,
  withMessages: boolean
): { tool: string; results: SarifResult[]; time: unknown } {
  const runs = arr(doc.runs).filter(isObj)
  const tools: string[] = []
  const results: SarifResult[] = []
  let time: unknown
  for (const run of runs) {
    const driver = isObj(run.tool) && isObj(run.tool.driver) ? run.tool.driver : {}
    const category = isObj(run.automationDetails) ? str(run.automationDetails.id) : null
    tools.push([str(driver.name) ?? 'unknown', category].filter(Boolean).join(' '))
    const rules = new Map<string, Obj>()
    for (const r of arr(driver.rules).filter(isObj))
      if (typeof r.id === 'string') rules.set(r.id, r)
    for (const inv of arr(run.invocations).filter(isObj))
      time ??= inv.endTimeUtc ?? inv.startTimeUtc
    for (const r of arr(run.results).filter(isObj)) {
      const ruleId = str(r.ruleId) ?? (isObj(r.rule) ? str(r.rule.id) : null) ?? 'unknown'
      const rule = rules.get(ruleId)
      const props = isObj(r.properties) ? r.properties : {}
      const ruleProps = rule && isObj(rule.properties) ? rule.properties : {}
      const defaultLevel =
        rule && isObj(rule.defaultConfiguration) ? rule.defaultConfiguration.level : undefined
      const sev =
        props['security-severity'] ??
        ruleProps['security-severity'] ??
        props.severity ??
        r.level ??
        defaultLevel ??
        'warning'
      const first = arr(r.locations).filter(isObj)[0]
      const phys = first && isObj(first.physicalLocation) ? first.physicalLocation : {}
      const artifact = isObj(phys.artifactLocation) ? phys.artifactLocation : {}
      const region = isObj(phys.region) ? phys.region : {}
      const message = isObj(r.message) ? (str(r.message.text) ?? '') : ''
      results.push({
        ruleId,
        severity: severityOf(sev, 'medium'),
        file: str(artifact.uri) ?? '',
        line: typeof region.startLine === 'number' ? region.startLine : null,
        message: withMessages ? message : ''
      })
    }
  }
  return { tool: tools.join(', '), results, time }
}

function sarifKind(tool: string): EvidenceKind | undefined {
  const t = tool.toLowerCase()
  if (/secret|gitleaks|trufflehog|detect-secrets|ggshield/.test(t)) return 'secret-scan'
  if (/trivy|grype|snyk|osv|vulnerab|dependency-check|npm audit|govulncheck/.test(t))
    return 'vulnerability-scan'
  if (/policy|conftest|kube|checkov|kyverno|polaris|opa/.test(t)) return 'policy-check'
  return undefined
}

// ---- SBOM ----

/** The license ids of an SPDX expression (`MIT OR (Apache-2.0 WITH LLVM-exception)`). */
export function licenseIds(expression: string): string[] {
  return expression.split(/[\s()]+/).filter(t => t !== '' && !/^(AND|OR|WITH)$/i.test(t))
}

function cyclonedxComponents(doc: Obj): ComponentInput[] {
  const out: ComponentInput[] = []
  const visit = (list: Json[]): void => {
    for (const c of list.filter(isObj)) {
      const licenses: string[] = []
      for (const l of arr(c.licenses).filter(isObj)) {
        if (isObj(l.license)) {
          const id = str(l.license.id) ?? str(l.license.name)
          if (id) licenses.push(id)
        } else if (typeof l.expression === 'string') licenses.push(...licenseIds(l.expression))
      }
      out.push({
        name: (str(c.group) ? `${c.group as string}/` : '') + (str(c.name) ?? ''),
        version: str(c.version) ?? '',
        purl: str(c.purl) ?? '',
        type: str(c.type) ?? 'library',
        licenses
      })
      visit(arr(c.components))
    }
  }
  visit(arr(doc.components))
  return out
}

function cyclonedxVulnerabilities(doc: Obj): VulnerabilityInput[] {
  const refs = new Map<string, string>()
  const walk = (list: Json[]): void => {
    for (const c of list.filter(isObj)) {
      if (typeof c['bom-ref'] === 'string')
        refs.set(c['bom-ref'], str(c.purl) ?? str(c.name) ?? c['bom-ref'])
      walk(arr(c.components))
    }
  }
  walk(arr(doc.components))
  return arr(doc.vulnerabilities)
    .filter(isObj)
    .flatMap(v => {
      const ratings = arr(v.ratings).filter(isObj)
      const sevs = ratings.map(r => severityOf(r.severity ?? r.score, 'high'))
      const rank = ['info', 'low', 'medium', 'high', 'critical']
      const severity = sevs.sort((a, b) => rank.indexOf(b) - rank.indexOf(a))[0] ?? 'high'
      const affects = arr(v.affects)
        .filter(isObj)
        .map(a => (typeof a.ref === 'string' ? (refs.get(a.ref) ?? a.ref) : ''))
      return (affects.length ? affects : ['']).map(pkg => ({
        id: str(v.id) ?? 'unknown',
        severity,
        package: pkg,
        source: 'cyclonedx'
      }))
    })
}

function spdxComponents(doc: Obj): ComponentInput[] {
  const described = new Set(
    arr(doc.documentDescribes).filter((x): x is string => typeof x === 'string')
  )
  return arr(doc.packages)
    .filter(isObj)
    .filter(p => !described.has(str(p.SPDXID) ?? ''))
    .map(p => {
      const purl = arr(p.externalRefs)
        .filter(isObj)
        .find(r => r.referenceType === 'purl')
      const licenses = [p.licenseConcluded, p.licenseDeclared]
        .map(str)
        .filter((l): l is string => l !== null && l !== 'NOASSERTION' && l !== 'NONE')
      return {
        name: str(p.name) ?? '',
        version: str(p.versionInfo) ?? '',
        purl: purl ? (str(purl.referenceLocator) ?? '') : '',
        type: 'library',
        licenses: [...new Set(licenses.flatMap(licenseIds))]
      }
    })
}

// ---- vulnerability scanners ----

function grypeVulnerabilities(doc: Obj): VulnerabilityInput[] {
  return arr(doc.matches)
    .filter(isObj)
    .map(m => {
      const v = isObj(m.vulnerability) ? m.vulnerability : {}
      const a = isObj(m.artifact) ? m.artifact : {}
      return {
        id: str(v.id) ?? 'unknown',
        severity: severityOf(v.severity),
        package: str(a.purl) ?? str(a.name) ?? '',
        source: 'grype'
      }
    })
}

function trivyVulnerabilities(doc: Obj): VulnerabilityInput[] {
  return arr(doc.Results)
    .filter(isObj)
    .flatMap(r =>
      arr(r.Vulnerabilities)
        .filter(isObj)
        .map(v => ({
          id: str(v.VulnerabilityID) ?? 'unknown',
          severity: severityOf(v.Severity),
          package:
            (isObj(v.PkgIdentifier) ? str(v.PkgIdentifier.PURL) : null) ?? str(v.PkgName) ?? '',
          source: 'trivy'
        }))
    )
}

// ---- conftest ----

function conftestResults(doc: Json[]): {
  failures: PolicyResultInput[]
  warnings: PolicyResultInput[]
} {
  const failures: PolicyResultInput[] = []
  const warnings: PolicyResultInput[] = []
  for (const r of doc.filter(isObj)) {
    const file = str(r.filename) ?? ''
    const namespace = str(r.namespace) ?? 'main'
    const each = (list: Json, into: PolicyResultInput[], fallback: Severity): void => {
      for (const f of arr(list).filter(isObj)) {
        const meta = isObj(f.metadata) ? f.metadata : {}
        into.push({
          file,
          namespace,
          msg: typeof f.msg === 'string' ? f.msg : JSON.stringify(f.msg),
          id: str(meta.id) ?? str(meta.rule) ?? `${namespace}`,
          severity: meta.severity === undefined ? fallback : severityOf(meta.severity, fallback)
        })
      }
    }
    each(r.failures, failures, 'high')
    each(r.warnings, warnings, 'low')
  }
  return { failures, warnings }
}

// ---- verification ----

const FULCIO = '1.3.6.1.4.1.57264.1'

function repoName(v: string | null): string | null {
  if (!v) return null
  return v.replace(/^https:\/\/[^/]+\//, '').replace(/\.git$/, '')
}

function workflowPath(v: string | null): string | null {
  if (!v) return null
  // https://github.com/o/r/.github/workflows/x.yml@refs/heads/main → .github/workflows/x.yml
  const m = /^https:\/\/[^/]+\/[^/]+\/[^/]+\/(.+?)(@.*)?$/.exec(v)
  return m ? m[1] : v
}

function emptyClaims(): GitHubClaims {
  return {
    repository: null,
    ref: null,
    sha: null,
    workflow: null,
    workflow_name: null,
    trigger: null,
    runner_environment: null,
    build_signer: null
  }
}

function claimsFromExtensions(ext: Obj): GitHubClaims {
  const get = (n: number): string | null => str(ext[`${FULCIO}.${n}`])
  return {
    repository: repoName(get(12) ?? get(5)),
    ref: get(14) ?? get(6),
    sha: get(13) ?? get(3),
    workflow: workflowPath(get(18)),
    workflow_name: get(4),
    trigger: get(20) ?? get(2),
    runner_environment: get(11),
    build_signer: get(9)
  }
}

function ourVerification(o: Obj): Omit<VerificationInput, 'path'> {
  const signer = o.signer
  let identity: string | null = null
  let issuer: string | null = str(o.issuer)
  let github = emptyClaims()
  if (isObj(signer)) {
    if (signer.type === 'key') identity = `key ${str(signer.hint) ?? ''}`.trim()
    else if (isObj(signer.identity)) {
      identity = str(signer.identity.subjectAlternativeName)
      issuer = str(signer.identity.issuer) ?? issuer
      if (isObj(signer.identity.extensions))
        github = claimsFromExtensions(signer.identity.extensions)
    }
  } else identity = str(signer) ?? str(o.identity)
  if (isObj(o.github)) {
    const g = o.github
    github = {
      repository: repoName(str(g.repository)) ?? github.repository,
      ref: str(g.ref) ?? github.ref,
      sha: str(g.sha) ?? github.sha,
      workflow: workflowPath(str(g.workflow)) ?? github.workflow,
      workflow_name: str(g.workflow_name) ?? str(g.workflowName) ?? github.workflow_name,
      trigger: str(g.trigger) ?? github.trigger,
      runner_environment:
        str(g.runner_environment) ?? str(g.runnerEnvironment) ?? github.runner_environment,
      build_signer: str(g.build_signer) ?? github.build_signer
    }
  }
  return {
    subject: str(o.subject) ?? str(o.digest) ?? '',
    verified: o.verified === true,
    digest: str(o.digest),
    identity,
    issuer,
    github,
    predicate_type: str(o.predicateType) ?? str(o.predicate_type),
    error: str(o.error)
  }
}

/** `gh attestation verify --format json`: a list of {verificationResult: {signature, statement}}. */
function ghVerification(o: Obj): Omit<VerificationInput, 'path'>[] {
  const vr = isObj(o.verificationResult) ? o.verificationResult : {}
  const cert =
    isObj(vr.signature) && isObj(vr.signature.certificate) ? vr.signature.certificate : {}
  const statement = isObj(vr.statement) ? vr.statement : {}
  const subjects = arr(statement.subject).filter(isObj)
  const github: GitHubClaims = {
    repository: repoName(str(cert.sourceRepositoryURI)),
    ref: str(cert.sourceRepositoryRef),
    sha: str(cert.sourceRepositoryDigest),
    workflow: workflowPath(str(cert.buildConfigURI)),
    workflow_name: str(cert.githubWorkflowName),
    trigger: str(cert.buildTrigger),
    runner_environment: str(cert.runnerEnvironment),
    build_signer: str(cert.buildSignerURI)
  }
  return (subjects.length ? subjects : [{}]).map(s => {
    const d = isObj(s.digest) ? str(s.digest.sha256) : null
    return {
      subject: str(s.name) ?? '',
      verified: true,
      digest: d ? `sha256:${d}` : null,
      identity: str(cert.subjectAlternativeName),
      issuer: str(cert.issuer),
      github,
      predicate_type: str(statement.predicateType),
      error: null
    }
  })
}

// ---- in-toto ----

function decodeStatement(o: Obj, file: string): Obj | undefined {
  if (typeof o._type === 'string' && /in-toto\.io\/Statement/.test(o._type)) return o
  let env: Obj | undefined
  if (typeof o.payloadType === 'string' && typeof o.payload === 'string') env = o
  else if (isObj(o.dsseEnvelope)) env = o.dsseEnvelope
  if (!env) return undefined
  if (env.payloadType !== 'application/vnd.in-toto+json')
    fail(file, `DSSE payload type ${JSON.stringify(env.payloadType)} is not an in-toto statement`)
  try {
    const st = JSON.parse(Buffer.from(env.payload as string, 'base64').toString('utf8')) as Json
    if (isObj(st)) return st
  } catch {
    /* reported below */
  }
  fail(file, 'DSSE payload is not a JSON in-toto statement')
}

function provenanceOf(st: Obj): Omit<ProvenanceInput, 'path'> {
  const p = isObj(st.predicate) ? st.predicate : {}
  const subjects = arr(st.subject)
    .filter(isObj)
    .map(s => ({
      name: str(s.name) ?? '',
      digest: isObj(s.digest) && str(s.digest.sha256) ? `sha256:${s.digest.sha256 as string}` : ''
    }))
  if (isObj(p.buildDefinition) || isObj(p.runDetails)) {
    // SLSA v1
    const bd = isObj(p.buildDefinition) ? p.buildDefinition : {}
    const rd = isObj(p.runDetails) ? p.runDetails : {}
    const ext = isObj(bd.externalParameters) ? bd.externalParameters : {}
    const wf = isObj(ext.workflow) ? ext.workflow : {}
    const dep = arr(bd.resolvedDependencies).filter(isObj)[0]
    return {
      predicate_type: str(st.predicateType) ?? '',
      builder_id: isObj(rd.builder) ? str(rd.builder.id) : null,
      build_type: str(bd.buildType),
      subjects,
      source: {
        repository: repoName(
          str(wf.repository) ??
            (dep
              ? (str(dep.uri)
                  ?.replace(/^git\+/, '')
                  .replace(/@.*$/, '') ?? null)
              : null)
        ),
        ref: str(wf.ref),
        digest:
          dep && isObj(dep.digest) ? (str(dep.digest.gitCommit) ?? str(dep.digest.sha1)) : null
      }
    }
  }
  // SLSA v0.2
  const inv = isObj(p.invocation) ? p.invocation : {}
  const cs = isObj(inv.configSource) ? inv.configSource : {}
  const uri = str(cs.uri)
  return {
    predicate_type: str(st.predicateType) ?? '',
    builder_id: isObj(p.builder) ? str(p.builder.id) : null,
    build_type: str(p.buildType),
    subjects,
    source: {
      repository: repoName(uri?.replace(/^git\+/, '').replace(/@.*$/, '') ?? null),
      ref: uri && uri.includes('@') ? uri.slice(uri.indexOf('@') + 1) : null,
      digest: isObj(cs.digest) ? (str(cs.digest.sha1) ?? str(cs.digest.gitCommit)) : null
    }
  }
}

function provenanceTime(st: Obj): unknown {
  const p = isObj(st.predicate) ? st.predicate : {}
  const rd = isObj(p.runDetails) ? p.runDetails : {}
  const md1 = isObj(rd.metadata) ? rd.metadata : {}
  const md0 = isObj(p.metadata) ? p.metadata : {}
  return (
    md1.finishedOn ??
    md1.startedOn ??
    md0.buildFinishedOn ??
    md0.buildStartedOn ??
    md0.scanFinishedOn
  )
}

function fromStatement(st: Obj, file: string, redactor: Redactor): Contribution {
  const type = str(st.predicateType) ?? ''
  const predicate = st.predicate
  if (/slsa\.dev\/provenance\//.test(type))
    return {
      kind: 'provenance',
      format: `in-toto ${type}`,
      timestamp: provenanceTime(st),
      provenance: [provenanceOf(st)]
    }
  if (/cyclonedx/i.test(type) && isObj(predicate))
    return {
      ...fromDocument(predicate, file, redactor, 'sbom'),
      format: `in-toto CycloneDX predicate`
    }
  if (/spdx/i.test(type) && isObj(predicate))
    return { ...fromDocument(predicate, file, redactor, 'sbom'), format: `in-toto SPDX predicate` }
  if (/attestation\/vuln\//.test(type) && isObj(predicate)) {
    // cosign's vuln predicate: {scanner: {result: <scanner JSON>}, metadata: {scanFinishedOn}}
    const result = isObj(predicate.scanner) ? predicate.scanner.result : undefined
    const inner = isObj(result)
      ? fromDocument(result, file, redactor, 'vulnerability-scan')
      : { vulnerabilities: [] }
    return {
      kind: 'vulnerability-scan',
      format: 'in-toto cosign vuln predicate',
      timestamp: provenanceTime(st),
      vulnerabilities: inner.vulnerabilities ?? []
    }
  }
  fail(
    file,
    `in-toto statement with predicate type "${type}" is not a kind of evidence the gate reads (SLSA provenance, CycloneDX, SPDX, cosign vuln)`
  )
}

/** The oldest parseable timestamp of several (a set of results is as old as its oldest). */
function oldest(values: unknown[]): unknown {
  let best: { v: unknown; ms: number } | undefined
  for (const v of values) {
    const ms = parseTimestamp(v)
    if (ms !== undefined && (best === undefined || ms < best.ms)) best = { v, ms }
  }
  return best?.v
}

const KNOWN_FACTS = [
  'approvals',
  'change_ticket',
  'changeTicket',
  'ticket',
  'break_glass',
  'deployer'
]

/** Detects (or, with `forced`, checks) the kind of one parsed document and normalises it. */
function fromDocument(
  doc: Json,
  file: string,
  redactor: Redactor,
  forced?: EvidenceKind
): Contribution {
  const want = (k: EvidenceKind): boolean => forced === undefined || forced === k
  const wrong: (what: string) => never = what =>
    fail(
      file,
      forced
        ? `not ${what}: cannot be read as ${forced} evidence`
        : `cannot tell what kind of evidence this is (${what}); prefix the path with its kind, e.g. facts:${file}`
    )

  if (Array.isArray(doc)) {
    const objs = doc.filter(isObj)
    if (doc.length === 0) {
      if (forced === 'secret-scan')
        return { kind: 'secret-scan', format: 'gitleaks JSON', secrets: [] }
      if (forced === 'policy-check')
        return { kind: 'policy-check', format: 'conftest JSON', failures: [], warnings: [] }
      if (forced === 'verification')
        return { kind: 'verification', format: 'verification JSON', verifications: [] }
      wrong('an empty list')
    }
    if (objs.length !== doc.length) wrong('a list of non-objects')
    if (
      want('policy-check') &&
      objs.every(o => 'filename' in o && ('failures' in o || 'successes' in o || 'warnings' in o))
    )
      return { kind: 'policy-check', format: 'conftest JSON', ...conftestResults(objs) }
    if (want('secret-scan') && objs.every(o => 'RuleID' in o))
      return {
        kind: 'secret-scan',
        format: 'gitleaks JSON',
        secrets: secretsFromGitleaks(objs, redactor)
      }
    if (want('verification') && objs.every(o => typeof o.verified === 'boolean'))
      return {
        kind: 'verification',
        format: 'secure-pipeline verify results',
        timestamp: oldest(objs.map(o => o.timestamp ?? o.verifiedAt)),
        verifications: objs.map(ourVerification)
      }
    if (want('verification') && objs.every(o => isObj(o.verificationResult)))
      return {
        kind: 'verification',
        format: 'gh attestation verify JSON',
        verifications: objs.flatMap(ghVerification)
      }
    // JSON Lines of in-toto statements / DSSE envelopes
    const statements = objs.map(o => decodeStatement(o, file))
    if (statements.every(s => s !== undefined)) {
      const parts = statements.map(s => fromStatement(s, file, redactor))
      const kinds = new Set(parts.map(p => p.kind))
      if (kinds.size === 1 && want(parts[0].kind)) {
        return {
          kind: parts[0].kind,
          format: parts[0].format,
          timestamp: parts.map(p => p.timestamp).find(t => t !== undefined),
          provenance: parts.flatMap(p => p.provenance ?? []),
          components: parts.some(p => p.components)
            ? parts.flatMap(p => p.components ?? [])
            : undefined,
          vulnerabilities: parts.some(p => p.vulnerabilities)
            ? parts.flatMap(p => p.vulnerabilities ?? [])
            : undefined
        }
      }
    }
    wrong('a list of unrecognised objects')
  }
  if (!isObj(doc)) wrong(`a JSON ${doc === null ? 'null' : typeof doc}`)

  if (
    typeof doc.bomFormat === 'string' &&
    doc.bomFormat === 'CycloneDX' &&
    (want('sbom') || want('vulnerability-scan'))
  ) {
    const md = isObj(doc.metadata) ? doc.metadata : {}
    const vulns = Array.isArray(doc.vulnerabilities) ? cyclonedxVulnerabilities(doc) : undefined
    const kind: EvidenceKind = forced === 'vulnerability-scan' ? 'vulnerability-scan' : 'sbom'
    return {
      kind,
      format: `CycloneDX ${str(doc.specVersion) ?? ''}`.trim(),
      timestamp: md.timestamp,
      components: cyclonedxComponents(doc),
      vulnerabilities: vulns
    }
  }
  if (typeof doc.spdxVersion === 'string' && doc.spdxVersion.startsWith('SPDX-') && want('sbom')) {
    const ci = isObj(doc.creationInfo) ? doc.creationInfo : {}
    return {
      kind: 'sbom',
      format: doc.spdxVersion,
      timestamp: ci.created,
      components: spdxComponents(doc)
    }
  }
  if (
    Array.isArray(doc.runs) &&
    (typeof doc.version === 'string' || typeof doc.$schema === 'string')
  ) {
    const sarif = sarifResults(doc, forced !== 'secret-scan')
    const kind = forced ?? sarifKind(sarif.tool)
    if (!kind)
      fail(
        file,
        `SARIF from "${sarif.tool}": cannot tell whether it is a secret scan, a vulnerability scan or a policy check; prefix the path with secret-scan:, vulnerability-scan: or policy-check:`
      )
    const format = `SARIF (${sarif.tool})`
    if (kind === 'secret-scan')
      return {
        kind,
        format,
        timestamp: sarif.time,
        secrets: sarif.results.map(r => ({
          rule_id: r.ruleId,
          severity: r.severity,
          file: r.file,
          line: r.line,
          location: loc(r.file, r.line),
          commit: null
        }))
      }
    if (kind === 'vulnerability-scan')
      return {
        kind,
        format,
        timestamp: sarif.time,
        vulnerabilities: sarif.results.map(r => ({
          id: r.ruleId,
          severity: r.severity,
          package: r.file,
          source: sarif.tool
        }))
      }
    if (kind === 'policy-check') {
      const toResult = (r: SarifResult): PolicyResultInput => ({
        file: r.file,
        namespace: sarif.tool,
        msg: r.message || r.ruleId,
        id: r.ruleId,
        severity: r.severity
      })
      return {
        kind,
        format,
        timestamp: sarif.time,
        failures: sarif.results
          .filter(r => r.severity !== 'low' && r.severity !== 'info')
          .map(toResult),
        warnings: sarif.results
          .filter(r => r.severity === 'low' || r.severity === 'info')
          .map(toResult)
      }
    }
    wrong(`SARIF cannot be ${kind} evidence`)
  }
  if (
    Array.isArray(doc.findings) &&
    (isObj(doc.stats) || forced === 'secret-scan') &&
    want('secret-scan')
  ) {
    const stats = isObj(doc.stats) ? doc.stats : {}
    return {
      kind: 'secret-scan',
      format: 'secure-pipeline secrets JSON',
      timestamp: stats.finishedAt ?? stats.time,
      secrets: secretsFromOurs(doc, redactor)
    }
  }
  if (Array.isArray(doc.matches) && isObj(doc.descriptor) && want('vulnerability-scan')) {
    return {
      kind: 'vulnerability-scan',
      format: 'Grype JSON',
      timestamp: doc.descriptor.timestamp,
      vulnerabilities: grypeVulnerabilities(doc)
    }
  }
  if (Array.isArray(doc.Results) && 'SchemaVersion' in doc && want('vulnerability-scan')) {
    return {
      kind: 'vulnerability-scan',
      format: 'Trivy JSON',
      timestamp: doc.CreatedAt,
      vulnerabilities: trivyVulnerabilities(doc)
    }
  }
  if (typeof doc.verified === 'boolean' && want('verification')) {
    return {
      kind: 'verification',
      format: 'secure-pipeline verify JSON',
      timestamp: doc.timestamp ?? doc.verifiedAt,
      verifications: [ourVerification(doc)]
    }
  }
  if (
    Array.isArray(doc.results) &&
    doc.results.every(r => isObj(r) && typeof r.verified === 'boolean') &&
    want('verification')
  ) {
    return {
      kind: 'verification',
      format: 'secure-pipeline verify results',
      timestamp: doc.timestamp,
      verifications: doc.results.filter(isObj).map(ourVerification)
    }
  }
  const statement = forced === 'facts' ? undefined : decodeStatement(doc, file)
  if (statement) {
    const c = fromStatement(statement, file, redactor)
    if (!want(c.kind)) wrong(`an in-toto statement of kind ${c.kind}`)
    return c
  }
  if (
    forced === 'facts' ||
    doc.kind === 'facts' ||
    isObj(doc.facts) ||
    KNOWN_FACTS.some(k => k in doc)
  ) {
    const facts = isObj(doc.facts) ? doc.facts : doc
    const { kind: _kind, ...rest } = facts
    return {
      kind: 'facts',
      format: 'facts',
      timestamp: facts.timestamp ?? doc.timestamp,
      facts: rest
    }
  }
  wrong('an object of no known shape')
}

/** Reads one evidence file (path relative to `cwd`). */
export function loadEvidenceFile(
  spec: EvidenceSpec,
  cwd: string,
  redactor: Redactor
): LoadedEvidence {
  const abs = path.resolve(cwd, spec.path)
  const display = spec.path
  let bytes: Buffer
  try {
    const st = statSync(abs)
    if (st.size > MAX_EVIDENCE_BYTES)
      fail(display, `evidence file is ${st.size} bytes, above the ${MAX_EVIDENCE_BYTES}-byte limit`)
    bytes = readFileSync(abs)
  } catch (err) {
    if (err instanceof InputError) throw err
    throw new InputError(
      'GATE_EVIDENCE_UNREADABLE',
      `cannot read evidence: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      {
        position: { file: display }
      }
    )
  }
  const doc = parseDocument(bytes.toString('utf8').replace(/^\uFEFF/, ''), display)
  const contribution = fromDocument(doc, display, redactor, spec.kind)
  return {
    record: {
      kind: contribution.kind,
      path: display,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      format: contribution.format,
      timestamp: null
    },
    contribution
  }
}

/** Expands directories (their .json/.jsonl/.sarif/.yaml/.yml files, recursively, sorted) and parses `kind:` prefixes. */
export function expandEvidence(specs: readonly string[], cwd: string): EvidenceSpec[] {
  const out: EvidenceSpec[] = []
  for (const raw of specs) {
    const spec = parseEvidenceSpec(raw)
    const abs = path.resolve(cwd, spec.path)
    let isDir = false
    try {
      isDir = statSync(abs).isDirectory()
    } catch {
      /* reported when read */
    }
    if (!isDir) {
      out.push(spec)
      continue
    }
    const walk = (dir: string, shown: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
        a.name.localeCompare(b.name)
      )) {
        const child = `${shown.replace(/\/$/, '')}/${entry.name}`
        if (entry.isDirectory()) walk(path.join(dir, entry.name), child)
        else if (/\.(json|jsonl|ya?ml|sarif)$/i.test(entry.name)) out.push({ ...spec, path: child })
      }
    }
    walk(abs, spec.path.split(path.sep).join('/'))
  }
  return out
}

function approvalsOf(v: unknown): ApprovalInput[] {
  if (!Array.isArray(v)) return []
  const out: ApprovalInput[] = []
  for (const a of v as unknown[]) {
    if (typeof a === 'string' && a !== '') out.push({ user: a, environment: null })
    else if (isObj(a)) {
      const state = str(a.state)?.toLowerCase()
      if (state && state !== 'approved') continue
      const user =
        str(a.user) ?? str(a.login) ?? str(a.by) ?? (isObj(a.user) ? str(a.user.login) : null)
      if (user) out.push({ user, environment: str(a.environment) })
    }
  }
  return out
}

/**
 * Builds the input document from loaded evidence at `now`. Timestamps become ages; evidence
 * without one has `age_seconds: null`.
 */
export function buildInput(
  loaded: readonly LoadedEvidence[],
  nowMs: number,
  environment: string | null
): GateInput {
  const input: GateInput = {
    now: new Date(nowMs).toISOString(),
    now_unix: Math.floor(nowMs / 1000),
    environment,
    evidence: [],
    secret_scan: { present: false, findings: [] },
    sbom: { present: false, components: [] },
    policy_check: { present: false, failures: [], warnings: [] },
    vulnerability_scan: { present: false, vulnerabilities: [] },
    verifications: [],
    provenance: [],
    artifact: { digests: [] },
    facts: {},
    approvals: [],
    deployer: null,
    break_glass: null,
    windows: {}
  }
  for (const { record, contribution: c } of loaded) {
    const ms = parseTimestamp(c.timestamp)
    const age = ms === undefined ? null : Math.round((nowMs - ms) / 1000)
    input.evidence.push({
      ...record,
      timestamp: ms === undefined ? null : new Date(ms).toISOString(),
      age_seconds: age,
      age: age === null ? null : age < 0 ? `-${formatDuration(-age)}` : formatDuration(age)
    })
    if (c.kind === 'secret-scan') input.secret_scan.present = true
    if (c.kind === 'sbom') input.sbom.present = true
    if (c.kind === 'policy-check') input.policy_check.present = true
    if (c.kind === 'vulnerability-scan' || c.vulnerabilities)
      input.vulnerability_scan.present = true
    input.secret_scan.findings.push(...(c.secrets ?? []))
    input.sbom.components.push(...(c.components ?? []))
    input.policy_check.failures.push(...(c.failures ?? []))
    input.policy_check.warnings.push(...(c.warnings ?? []))
    input.vulnerability_scan.vulnerabilities.push(...(c.vulnerabilities ?? []))
    input.verifications.push(...(c.verifications ?? []).map(v => ({ path: record.path, ...v })))
    input.provenance.push(...(c.provenance ?? []).map(p => ({ path: record.path, ...p })))
    if (c.facts) Object.assign(input.facts, c.facts)
  }
  input.artifact.digests = [
    ...new Set(input.verifications.filter(v => v.verified && v.digest).map(v => v.digest as string))
  ].sort()
  const f = input.facts
  input.approvals = approvalsOf(f.approvals)
  input.deployer = str(f.deployer) ?? str(f.actor) ?? str(f.triggered_by)
  const bg = f.break_glass ?? f.breakGlass
  if (isObj(bg) && str(bg.justification))
    input.break_glass = { justification: bg.justification as string, by: str(bg.by) }
  else if (typeof bg === 'string' && bg.trim() !== '')
    input.break_glass = { justification: bg, by: null }
  return input
}
