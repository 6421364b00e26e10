/**
 * Evidence files → one normalised input document. Kinds are detected by content (a `kind:path`
 * prefix overrides detection); anything unreadable or unrecognised is an InputError naming the
 * file. Secret values never make it into the input: only rule, location and severity do, and any
 * unredacted value seen is registered with a Redactor so no output can repeat it.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { parseAllDocuments } from 'yaml'
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
  type VexStatementInput,
  type VulnerabilityInput
} from './model.js'
import { formatDuration, parseTimestamp } from './time.js'
import { arr, dig, isObj, str, strings, type Json, type Obj } from './json.js'
import * as tools from './tools.js'
import { rememberSecret, vuln, type Contribution } from './tools.js'
import { highestSeverity, severityOf } from './severity.js'

/** Evidence above this size is refused rather than parsed. */
export const MAX_EVIDENCE_BYTES = 64 * 1024 * 1024

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

export interface LoadedEvidence {
  record: Omit<EvidenceRecord, 'age_seconds' | 'age'>
  contribution: Contribution
}

function fail(file: string, message: string, line?: number): never {
  throw new InputError('GATE_EVIDENCE_INVALID', message, { position: { file, line } })
}

function parseDocument(text: string, file: string): Json {
  const trimmed = text.trim()
  if (trimmed === '') fail(file, 'evidence file is empty')
  // `kyverno apply --policy-report` prints a banner before the report's YAML.
  const banner = /^POLICY REPORT:\s*\n(?:-+\s*\n)?/m.exec(text)
  if (banner || /\.ya?ml$/i.test(file)) {
    const offset = banner ? banner.index + banner[0].length : 0
    const body = text.slice(offset)
    const lineOffset = text.slice(0, offset).split('\n').length - 1
    const docs = parseAllDocuments(body)
    const list = Array.isArray(docs) ? docs : [docs]
    for (const d of list) {
      const err = d.errors[0]
      if (err) {
        const line = err.linePos?.[0]?.line
        fail(
          file,
          // The line is given by position (counted from the top of the file, banner included).
          `invalid YAML: ${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
          line === undefined ? undefined : line + lineOffset
        )
      }
    }
    const values = list
      .map(d => d.toJS({ maxAliasCount: 100 }) as Json)
      .filter(v => v !== null && v !== undefined)
    // Several documents (`---`) are read as a list of them.
    return values.length === 1 ? values[0] : values
  }
  if (tools.looksLikeTap(trimmed)) return { '@conftest-tap': tools.parseConftestTap(trimmed) }
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
      rememberSecret(redactor, f.secret)
      rememberSecret(redactor, f.match)
      return {
        rule_id: str(f.ruleId) ?? 'unknown',
        severity: severityOf(f.severity),
        file: str(f.file) ?? '',
        line: typeof f.startLine === 'number' ? f.startLine : null,
        location: loc(str(f.file), f.startLine),
        commit: str(f.commit),
        verified: typeof f.verified === 'boolean' ? f.verified : null
      }
    })
}

/** gitleaks `--report-format json` (with `--redact`, Secret/Match say REDACTED). */
function secretsFromGitleaks(doc: Json[], redactor: Redactor): SecretFindingInput[] {
  return doc.filter(isObj).map(f => {
    // `--redact=N` (a percentage) leaves a prefix followed by "...": remember that prefix.
    for (const k of ['Secret', 'Match']) rememberSecret(redactor, str(f[k])?.replace(/\.\.\.$/, ''))
    return {
      rule_id: str(f.RuleID) ?? 'unknown',
      // gitleaks has no severities: every finding is a leaked credential.
      severity: 'high',
      file: str(f.File) ?? '',
      line: typeof f.StartLine === 'number' ? f.StartLine : null,
      location: loc(str(f.File), f.StartLine),
      commit: str(f.Commit),
      verified: null
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
  /** What the rule's tags say the result is (Trivy tags rules vulnerability/misconfiguration/secret). */
  category: EvidenceKind | undefined
  commit: string | null
}

function tagKind(tags: string[]): EvidenceKind | undefined {
  const t = tags.map(x => x.toLowerCase())
  if (t.includes('secret') || t.includes('secrets')) return 'secret-scan'
  if (t.includes('vulnerability') || t.includes('vulnerabilities')) return 'vulnerability-scan'
  if (t.includes('misconfiguration') || t.includes('iac')) return 'policy-check'
  return undefined
}

function sarifResults(
  doc: Obj,
  forced: EvidenceKind | undefined,
  redactor: Redactor
): { tool: string; toolKind: EvidenceKind | undefined; results: SarifResult[]; time: unknown } {
  const runs = arr(doc.runs).filter(isObj)
  const tools: string[] = []
  const results: SarifResult[] = []
  let toolKind: EvidenceKind | undefined
  let time: unknown
  for (const run of runs) {
    const driver = isObj(run.tool) && isObj(run.tool.driver) ? run.tool.driver : {}
    const category = isObj(run.automationDetails) ? str(run.automationDetails.id) : null
    const tool = [str(driver.name) ?? 'unknown', category].filter(Boolean).join(' ')
    tools.push(tool)
    const runKind = sarifKind(tool)
    toolKind ??= runKind
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
      const resultKind = tagKind([...strings(props.tags), ...strings(ruleProps.tags)])
      const kind = resultKind ?? runKind ?? forced
      const first = arr(r.locations).filter(isObj)[0]
      const phys = first && isObj(first.physicalLocation) ? first.physicalLocation : {}
      const artifact = isObj(phys.artifactLocation) ? phys.artifactLocation : {}
      const region = isObj(phys.region) ? phys.region : {}
      const secret = kind === 'secret-scan' || forced === 'secret-scan'
      if (secret) {
        // gitleaks puts the secret itself in the region snippet.
        rememberSecret(redactor, dig(region, 'snippet', 'text'))
        rememberSecret(redactor, dig(phys, 'contextRegion', 'snippet', 'text'))
      }
      const message = isObj(r.message) ? (str(r.message.text) ?? '') : ''
      const fp = isObj(r.partialFingerprints) ? r.partialFingerprints : {}
      results.push({
        ruleId,
        severity: severityOf(sev, 'medium'),
        file: str(artifact.uri) ?? '',
        line: typeof region.startLine === 'number' ? region.startLine : null,
        message: secret ? '' : message,
        category: resultKind,
        commit: str(fp.commitSha) ?? str(props.commitSha)
      })
    }
  }
  return { tool: tools.join(', '), toolKind, results, time }
}

function sarifKind(tool: string): EvidenceKind | undefined {
  const t = tool.toLowerCase()
  if (/secret|gitleaks|trufflehog|detect-secrets|ggshield/.test(t)) return 'secret-scan'
  if (/trivy|grype|snyk|osv|vulnerab|dependency-check|npm audit|pip-audit|govulncheck/.test(t))
    return 'vulnerability-scan'
  if (/policy|conftest|kube|checkov|kyverno|polaris|opa|tfsec|terrascan|kics/.test(t))
    return 'policy-check'
  return undefined
}

const ADVISORY_ID = /^(CVE-\d{4}-\d{4,}|GHSA(-[0-9a-z]{4}){3}|[A-Z][A-Z0-9]*-\d{4}[-:]\d+(-\d+)?)/i

/** A vulnerability from a SARIF result: Grype's rule ids are `<id>-<package>`. */
function sarifVulnerability(r: SarifResult, tool: string): VulnerabilityInput {
  const id = ADVISORY_ID.exec(r.ruleId)?.[0] ?? r.ruleId
  // Trivy: "Package: runc\nInstalled Version: 1.1.0"; Grype: "... package: log4j-core, version 2.14.1 ..."
  const m =
    /Package: (\S+)\s+Installed Version: (\S+)/.exec(r.message) ??
    /package: ([^\s,]+), version ([^\s,]+)/.exec(r.message)
  return vuln({
    id,
    severity: r.severity,
    package: m ? `${m[1]}@${m[2]}` : r.file,
    source: tool,
    aliases: id === r.ruleId ? [] : [r.ruleId],
    fixed_versions: /Fixed Version: (\S+)/
      .exec(r.message)?.[1]
      .split(',')
      .filter(v => v !== '')
  })
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

/** bom-ref → purl (or name) of every component, nested ones included. */
function cyclonedxRefs(doc: Obj): Map<string, string> {
  const refs = new Map<string, string>()
  const walk = (list: Json[]): void => {
    for (const c of list.filter(isObj)) {
      if (typeof c['bom-ref'] === 'string')
        refs.set(c['bom-ref'], str(c.purl) ?? str(c.name) ?? c['bom-ref'])
      walk(arr(c.components))
    }
  }
  const root = dig(doc, 'metadata', 'component')
  if (isObj(root)) walk([root])
  walk(arr(doc.components))
  return refs
}

/** A CycloneDX rating's vector, with the version prefix its `method` implies when it lacks one. */
function ratingVector(r: Obj): string | null {
  const v = str(r.vector)
  if (!v || v.startsWith('CVSS:')) return v
  const m = str(r.method) ?? ''
  if (/^CVSSv4/i.test(m)) return `CVSS:4.0/${v}`
  if (/^CVSSv31/i.test(m)) return `CVSS:3.1/${v}`
  if (/^CVSSv3/i.test(m)) return `CVSS:3.0/${v}`
  return v
}

function cyclonedxVulnerabilities(doc: Obj, refs: Map<string, string>): VulnerabilityInput[] {
  return arr(doc.vulnerabilities)
    .filter(isObj)
    .flatMap(v => {
      // The highest of every rating (NVD, GHSA, the distro, ...) wins; "unknown" ones are ignored.
      const severity = highestSeverity(
        arr(v.ratings)
          .filter(isObj)
          .flatMap(r => [r.severity ?? null, r.score ?? null, ratingVector(r)])
      )
      const affects = arr(v.affects)
        .filter(isObj)
        .map(a => {
          const ref = str(a.ref) ?? ''
          const local = ref.includes('#')
            ? decodeURIComponent(ref.slice(ref.indexOf('#') + 1))
            : ref
          return refs.get(local) ?? local
        })
      const aliases = arr(v.references)
        .filter(isObj)
        .map(r => str(r.id) ?? '')
      return (affects.length ? affects : ['']).map(pkg =>
        vuln({ id: str(v.id) ?? 'unknown', severity, package: pkg, source: 'cyclonedx', aliases })
      )
    })
}

function spdxComponents(doc: Obj): ComponentInput[] {
  // The package(s) the document describes (the image or directory scanned) are not components.
  const described = new Set(strings(doc.documentDescribes))
  for (const r of arr(doc.relationships).filter(isObj))
    if (r.relationshipType === 'DESCRIBES' && r.spdxElementId === 'SPDXRef-DOCUMENT')
      described.add(str(r.relatedSpdxElement) ?? '')
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
  if (/openvex\.dev\/ns/.test(type) && isObj(predicate) && tools.isOpenVex(predicate))
    return {
      kind: 'vex',
      format: 'in-toto OpenVEX predicate',
      timestamp: predicate.timestamp,
      vex: tools.openVexStatements(predicate)
    }
  fail(
    file,
    `in-toto statement with predicate type "${type}" is not a kind of evidence the gate reads (SLSA provenance, CycloneDX, SPDX, cosign vuln, OpenVEX)`
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

const KIND_PREFIXES = EVIDENCE_KINDS.map(k => `${k}:`).join(', ')

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
        : `cannot tell what kind of evidence this is (${what}); prefix the path with its kind (${KIND_PREFIXES}), e.g. facts:${file}`
    )

  // Pages of a REST list: `gh api --paginate --slurp` (a list of pages) or one page per line.
  if (Array.isArray(doc) && doc.length > 0 && doc.every(Array.isArray)) doc = doc.flat()
  if (Array.isArray(doc)) {
    const objs = doc.filter(isObj)
    if (doc.length === 0) {
      if (forced === 'secret-scan')
        return { kind: 'secret-scan', format: 'gitleaks JSON', secrets: [] }
      if (forced === 'policy-check')
        return { kind: 'policy-check', format: 'conftest JSON', failures: [], warnings: [] }
      if (forced === 'verification')
        return { kind: 'verification', format: 'verification JSON', verifications: [] }
      if (forced === 'vulnerability-scan')
        return { kind: 'vulnerability-scan', format: 'alerts JSON', vulnerabilities: [] }
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
    // trufflehog --json: findings, and (when stderr was captured too) its JSON log lines.
    if (
      want('secret-scan') &&
      objs.every(o => tools.isTrufflehogFinding(o) || tools.isTrufflehogLog(o)) &&
      objs.some(o => tools.isTrufflehogFinding(o) || tools.isTrufflehogSummary(o))
    ) {
      const summary = objs.find(tools.isTrufflehogSummary)
      const secrets = tools.trufflehogFindings(objs, redactor)
      // The summary counts what was found: fewer findings in the file means stdout was lost.
      const reported = summary
        ? [summary.verified_secrets, summary.unverified_secrets].reduce<number>(
            (n, x) => n + (typeof x === 'number' ? x : 0),
            0
          )
        : 0
      if (reported > secrets.length)
        fail(
          file,
          `trufflehog reported ${reported} secret(s) but the file holds ${secrets.length} finding(s): capture its stdout (the --json findings) as well as stderr`
        )
      return {
        kind: 'secret-scan',
        format: 'trufflehog JSON',
        timestamp: summary?.ts,
        secrets
      }
    }
    if (want('secret-scan') && objs.every(tools.isGitHubSecretAlert))
      return {
        kind: 'secret-scan',
        format: 'GitHub secret scanning alerts',
        secrets: tools.gitHubSecretAlerts(objs, redactor)
      }
    if (want('vulnerability-scan') && objs.every(tools.isDependabotAlert))
      return {
        kind: 'vulnerability-scan',
        format: 'GitHub Dependabot alerts',
        vulnerabilities: tools.dependabotAlerts(objs)
      }
    if (want('policy-check') && objs.every(tools.isCheckov))
      return {
        kind: 'policy-check',
        format: 'checkov JSON',
        failures: tools.checkovFailures(objs),
        warnings: []
      }
    if (want('policy-check') && objs.every(tools.isPolicyReport)) return policyReport(objs)
    if (want('verification') && objs.every(tools.isCosignVerify))
      return {
        kind: 'verification',
        format: 'cosign verify JSON',
        timestamp: oldest(tools.cosignTime(objs)),
        verifications: objs.map(o => tools.cosignVerification(o, claimsFromExtensions))
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
            : undefined,
          alsoVulnerabilityScan: parts.some(p => p.alsoVulnerabilityScan),
          vex: parts.some(p => p.vex) ? parts.flatMap(p => p.vex ?? []) : undefined
        }
      }
    }
    wrong('a list of unrecognised objects')
  }
  if (!isObj(doc)) wrong(`a JSON ${doc === null ? 'null' : typeof doc}`)

  if (Array.isArray(doc['@conftest-tap']) && want('policy-check'))
    return {
      kind: 'policy-check',
      format: 'conftest TAP',
      ...conftestResults(doc['@conftest-tap'].filter(isObj))
    }

  if (
    typeof doc.bomFormat === 'string' &&
    doc.bomFormat === 'CycloneDX' &&
    (want('sbom') || want('vulnerability-scan') || want('vex'))
  ) {
    const md = isObj(doc.metadata) ? doc.metadata : {}
    const refs = cyclonedxRefs(doc)
    const vulns = Array.isArray(doc.vulnerabilities)
      ? cyclonedxVulnerabilities(doc, refs)
      : undefined
    const vex = tools.cyclonedxVexStatements(doc, refs)
    const format = `CycloneDX ${str(doc.specVersion) ?? ''}`.trim()
    // A BOM of nothing but analysed vulnerabilities is a VEX document, not an SBOM or a scan.
    const vexOnly =
      arr(doc.components).length === 0 &&
      vulns !== undefined &&
      vulns.length > 0 &&
      arr(doc.vulnerabilities).every(v => isObj(v) && isObj(v.analysis))
    if (forced === 'vex' || (forced === undefined && vexOnly))
      return { kind: 'vex', format: `${format} VEX`, timestamp: md.timestamp, vex }
    const kind: EvidenceKind = forced === 'vulnerability-scan' ? 'vulnerability-scan' : 'sbom'
    return {
      kind,
      format,
      timestamp: md.timestamp,
      components: cyclonedxComponents(doc),
      vulnerabilities: vulns,
      alsoVulnerabilityScan: vulns !== undefined,
      vex: vex.length ? vex : undefined
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
  if (want('sbom') && tools.isSyftJson(doc))
    return {
      kind: 'sbom',
      format: `syft JSON ${str(dig(doc, 'schema', 'version')) ?? ''}`.trim(),
      components: tools.syftComponents(doc, licenseIds)
    }
  if (
    Array.isArray(doc.runs) &&
    (typeof doc.version === 'string' || typeof doc.$schema === 'string')
  )
    return fromSarif(doc, file, redactor, forced)
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
  if (want('secret-scan') && tools.isTrufflehogFinding(doc))
    return {
      kind: 'secret-scan',
      format: 'trufflehog JSON',
      secrets: tools.trufflehogFindings([doc], redactor)
    }
  if (Array.isArray(doc.matches) && isObj(doc.descriptor) && want('vulnerability-scan')) {
    return {
      kind: 'vulnerability-scan',
      format: 'Grype JSON',
      timestamp: doc.descriptor.timestamp,
      vulnerabilities: tools.grypeVulnerabilities(doc)
    }
  }
  if ((Array.isArray(doc.Results) && 'SchemaVersion' in doc) || tools.isTrivyK8s(doc)) {
    const t = tools.trivyReport(doc)
    // The kind a Trivy report proves present: vulnerabilities if it scanned packages (or is
    // empty), else misconfigurations, else secrets. Findings of the other scanners in the same
    // report are always added, but do not count as that scan being present; force the kind
    // (`secret-scan:trivy.json`) to count it as that scan.
    const scanned = [...t.classes]
    const detected: EvidenceKind =
      scanned.length === 0 || scanned.some(c => /pkgs$/.test(c))
        ? 'vulnerability-scan'
        : scanned.includes('config')
          ? 'policy-check'
          : scanned.includes('secret')
            ? 'secret-scan'
            : 'vulnerability-scan'
    const kind = forced ?? detected
    if (kind !== 'vulnerability-scan' && kind !== 'policy-check' && kind !== 'secret-scan')
      fail(file, `a Trivy report cannot be read as ${kind} evidence`)
    return {
      kind,
      format: tools.isTrivyK8s(doc) ? 'Trivy k8s JSON' : 'Trivy JSON',
      timestamp: doc.CreatedAt,
      vulnerabilities: t.vulnerabilities,
      secrets: t.secrets,
      failures: t.failures,
      warnings: []
    }
  }
  if (want('policy-check') && tools.isKubescape(doc))
    return {
      kind: 'policy-check',
      format: 'kubescape JSON',
      timestamp: doc.generationTime,
      failures: tools.kubescapeFailures(doc),
      warnings: []
    }
  if (want('vulnerability-scan') && tools.isOsvScanner(doc, forced))
    return {
      kind: 'vulnerability-scan',
      format: 'OSV-Scanner JSON',
      vulnerabilities: tools.osvScannerVulnerabilities(doc)
    }
  if (want('vulnerability-scan') && tools.isNpmAudit(doc))
    return {
      kind: 'vulnerability-scan',
      format: 'npm audit JSON',
      vulnerabilities: tools.npmAuditVulnerabilities(doc)
    }
  if (want('vulnerability-scan') && tools.isPipAudit(doc))
    return {
      kind: 'vulnerability-scan',
      format: 'pip-audit JSON',
      vulnerabilities: tools.pipAuditVulnerabilities(doc)
    }
  if (want('vex') && tools.isOpenVex(doc))
    return {
      kind: 'vex',
      format: `OpenVEX ${str(doc['@context'])?.replace(/^.*\/ns\/?/, '') ?? ''}`.trim(),
      timestamp: doc.timestamp,
      vex: tools.openVexStatements(doc)
    }
  if (want('policy-check') && tools.isPolicyReport(doc)) return policyReport([doc])
  if (want('policy-check') && doc.kind === 'List' && Array.isArray(doc.items)) {
    const items = doc.items.filter(isObj)
    if (items.length === doc.items.length && items.every(tools.isPolicyReport))
      return policyReport(items)
  }
  if (want('policy-check') && tools.isCheckov(doc))
    return {
      kind: 'policy-check',
      format: 'checkov JSON',
      failures: tools.checkovFailures([doc]),
      warnings: []
    }
  if (want('policy-check') && tools.isKubeLinter(doc))
    return {
      kind: 'policy-check',
      format: 'kube-linter JSON',
      timestamp: dig(doc, 'Summary', 'CheckEndTime'),
      failures: tools.kubeLinterFailures(doc),
      warnings: []
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

function policyReport(docs: Obj[]): Contribution {
  const r = tools.policyReportResults(docs)
  const kinds = [...new Set(docs.map(d => str(d.kind) ?? ''))].join('/')
  return {
    kind: 'policy-check',
    format: `Kyverno ${kinds}`,
    timestamp: oldest(r.timestamps),
    failures: r.failures,
    warnings: r.warnings
  }
}

function fromSarif(
  doc: Obj,
  file: string,
  redactor: Redactor,
  forced: EvidenceKind | undefined
): Contribution {
  const sarif = sarifResults(doc, forced, redactor)
  // Results tagged by their rules (Trivy: vulnerability / misconfiguration / secret) say what
  // the scan was, as in Trivy's JSON: packages first, then configuration, then secrets.
  const categories = new Set(sarif.results.map(r => r.category))
  const tagged = categories.has(undefined)
    ? undefined
    : (['vulnerability-scan', 'policy-check', 'secret-scan'] as const).find(k => categories.has(k))
  // Trivy scans for vulnerabilities, misconfigurations and secrets alike: without results its
  // SARIF does not say which scanner ran, so it cannot count as any scan unless told.
  const undecidable = /trivy/i.test(sarif.tool) && sarif.results.length === 0
  const kind = forced ?? tagged ?? (undecidable ? undefined : sarif.toolKind)
  if (!kind)
    fail(
      file,
      `SARIF from "${sarif.tool}": cannot tell whether it is a secret scan, a vulnerability scan or a policy check; prefix the path with secret-scan:, vulnerability-scan: or policy-check:`
    )
  if (kind !== 'secret-scan' && kind !== 'vulnerability-scan' && kind !== 'policy-check')
    fail(file, `not SARIF ${kind} evidence: cannot be read as ${kind} evidence`)
  const of = (k: EvidenceKind): SarifResult[] =>
    sarif.results.filter(r => (r.category ?? kind) === k)
  const toResult = (r: SarifResult): PolicyResultInput => ({
    file: r.file,
    namespace: sarif.tool,
    msg: r.message || r.ruleId,
    id: r.ruleId,
    severity: r.severity
  })
  const policy = of('policy-check')
  return {
    kind,
    format: `SARIF (${sarif.tool})`,
    timestamp: sarif.time,
    secrets: of('secret-scan').map(r => ({
      rule_id: r.ruleId,
      severity: r.severity,
      file: r.file,
      line: r.line,
      location: loc(r.file, r.line),
      commit: r.commit,
      verified: null
    })),
    vulnerabilities: of('vulnerability-scan').map(r => sarifVulnerability(r, sarif.tool)),
    failures: policy.filter(r => r.severity !== 'low' && r.severity !== 'info').map(toResult),
    warnings: policy.filter(r => r.severity === 'low' || r.severity === 'info').map(toResult)
  }
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

/** Expands directories (their .json/.jsonl/.sarif/.yaml/.yml/.tap files, recursively, sorted) and parses `kind:` prefixes. */
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
        else if (/\.(json|jsonl|ya?ml|sarif|tap)$/i.test(entry.name))
          out.push({ ...spec, path: child })
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
 * VEX: a vulnerability that a statement (matching its id or an alias, and its package when the
 * statement names subcomponents) says is `not_affected` or `fixed` moves to
 * `vulnerability_scan.suppressed`. Of several statements about one vulnerability the latest
 * (by timestamp, then by order) decides, so a later `affected` revokes an earlier `not_affected`.
 */
function applyVex(input: GateInput, statements: (VexStatementInput & { path: string })[]): void {
  if (statements.length === 0) return
  const ordered = statements
    .map((st, i) => ({ st, i, ms: parseTimestamp(st.timestamp) ?? -Infinity }))
    .sort((a, b) => a.ms - b.ms || a.i - b.i)
    .map(x => x.st)
  const kept: VulnerabilityInput[] = []
  for (const v of input.vulnerability_scan.vulnerabilities) {
    const ids = new Set([v.id, ...v.aliases].map(x => x.toUpperCase()))
    let decision: (VexStatementInput & { path: string }) | undefined
    for (const st of ordered) {
      if (![st.vulnerability, ...st.aliases].some(x => ids.has(x.toUpperCase()))) continue
      if (st.products.length && !st.products.some(p => tools.packageMatches(p, v.package))) continue
      decision = st
    }
    if (decision && (decision.status === 'not_affected' || decision.status === 'fixed'))
      input.vulnerability_scan.suppressed.push({
        ...v,
        status: decision.status,
        justification: decision.justification,
        vex: decision.path
      })
    else kept.push(v)
  }
  input.vulnerability_scan.vulnerabilities = kept
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
    vulnerability_scan: { present: false, vulnerabilities: [], suppressed: [] },
    verifications: [],
    provenance: [],
    artifact: { digests: [] },
    facts: {},
    approvals: [],
    deployer: null,
    break_glass: null,
    windows: {}
  }
  const vex: (VexStatementInput & { path: string })[] = []
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
    if (c.kind === 'vulnerability-scan' || c.alsoVulnerabilityScan)
      input.vulnerability_scan.present = true
    for (const st of c.vex ?? []) vex.push({ ...st, path: record.path })
    input.secret_scan.findings.push(...(c.secrets ?? []))
    input.sbom.components.push(...(c.components ?? []))
    input.policy_check.failures.push(...(c.failures ?? []))
    input.policy_check.warnings.push(...(c.warnings ?? []))
    input.vulnerability_scan.vulnerabilities.push(...(c.vulnerabilities ?? []))
    input.verifications.push(...(c.verifications ?? []).map(v => ({ path: record.path, ...v })))
    input.provenance.push(...(c.provenance ?? []).map(p => ({ path: record.path, ...p })))
    if (c.facts) Object.assign(input.facts, c.facts)
  }
  applyVex(input, vex)
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
