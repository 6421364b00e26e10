/**
 * Readers for the reports of the tools users run beside (or instead of) ours: trufflehog, GitHub
 * secret-scanning and Dependabot alerts, OSV-Scanner, npm audit, pip-audit, syft's native JSON,
 * Kyverno policy reports, checkov, kube-linter, cosign verify and OpenVEX. Each turns one parsed
 * document into the same normalised pieces as the rest of the evidence; none keeps a secret value.
 */
import type { Redactor } from '@secure-pipeline/core'
import { PackageURL } from 'packageurl-js'
import { arr, dig, isObj, str, strings, type Json, type Obj } from './json.js'
import type {
  ComponentInput,
  EvidenceKind,
  FixState,
  PolicyResultInput,
  ProvenanceInput,
  SecretFindingInput,
  VerificationInput,
  VexStatementInput,
  VulnerabilityInput
} from './model.js'
import { highestSeverity, scoreSeverity, severityOf } from './severity.js'

/** Partial input contributed by one evidence file. */
export interface Contribution {
  kind: EvidenceKind
  format: string
  timestamp?: unknown
  secrets?: SecretFindingInput[]
  components?: ComponentInput[]
  vulnerabilities?: VulnerabilityInput[]
  /** CycloneDX documents with a vulnerabilities array also count as a vulnerability scan. */
  alsoVulnerabilityScan?: boolean
  failures?: PolicyResultInput[]
  warnings?: PolicyResultInput[]
  verifications?: Omit<VerificationInput, 'path'>[]
  provenance?: Omit<ProvenanceInput, 'path'>[]
  vex?: VexStatementInput[]
  facts?: Obj
}

/** A vulnerability with defaults for what the tool does not say. */
export function vuln(
  v: Pick<VulnerabilityInput, 'id' | 'severity' | 'package' | 'source'> &
    Partial<VulnerabilityInput>
): VulnerabilityInput {
  const aliases = [...new Set((v.aliases ?? []).filter(a => a !== '' && a !== v.id))]
  return {
    id: v.id,
    severity: v.severity,
    package: v.package,
    source: v.source,
    aliases,
    fix_state: v.fix_state ?? (v.fixed_versions?.length ? 'fixed' : 'unknown'),
    fixed_versions: v.fixed_versions ?? []
  }
}

export function location(file: string | null, line: unknown): string {
  return typeof line === 'number' ? `${file ?? ''}:${line}` : (file ?? '')
}

/** Remembers a value a scanner printed unredacted, so no output can repeat it. */
export function rememberSecret(redactor: Redactor, v: unknown): void {
  if (typeof v !== 'string') return
  const s = v.trim()
  // Redaction markers and masked values (gitleaks REDACTED, Trivy ****) are not secrets.
  if (s.length < 4 || /REDACTED/.test(s) || /^\**$/.test(s)) return
  redactor.add(s)
}

// ---- purls ----

const PURL_TYPES: Record<string, string> = {
  npm: 'npm',
  pypi: 'pypi',
  pip: 'pypi',
  go: 'golang',
  golang: 'golang',
  'crates.io': 'cargo',
  rust: 'cargo',
  cargo: 'cargo',
  maven: 'maven',
  rubygems: 'gem',
  gem: 'gem',
  nuget: 'nuget',
  packagist: 'composer',
  composer: 'composer',
  pub: 'pub',
  hex: 'hex',
  erlang: 'hex',
  swift: 'swift',
  swifturl: 'swift',
  actions: 'githubactions',
  'github actions': 'githubactions'
}

/** A package URL from an ecosystem name (OSV / GitHub vocabulary), or `name@version`. */
export function purlFor(ecosystem: string | null, name: string, version: string | null): string {
  const type = ecosystem ? PURL_TYPES[ecosystem.toLowerCase()] : undefined
  if (!type || name === '') return version ? `${name}@${version}` : name
  let namespace: string | undefined
  let n = name
  if (type === 'pypi') n = name.toLowerCase().replace(/[-_.]+/g, '-')
  else if (type === 'maven' && name.includes(':')) [namespace, n] = name.split(':', 2)
  else if (name.includes('/') && (type === 'npm' || type === 'golang' || type === 'composer')) {
    const slash = name.lastIndexOf('/')
    namespace = name.slice(0, slash)
    n = name.slice(slash + 1)
  }
  try {
    return new PackageURL(type, namespace, n, version ?? undefined, undefined, undefined).toString()
  } catch {
    return version ? `${name}@${version}` : name
  }
}

function normalisePurl(p: string): string {
  return decodeURIComponent(p.replace(/[?#].*$/, '')).toLowerCase()
}

/** Whether a vulnerable package (purl or name) is the one a VEX product/subcomponent names. */
export function packageMatches(vexProduct: string, pkg: string): boolean {
  if (pkg === '') return false
  const want = normalisePurl(vexProduct)
  const have = normalisePurl(pkg)
  if (want === have) return true
  // Without its version (the last `@` after the last `/`).
  const base = (p: string): string => {
    const at = p.lastIndexOf('@')
    return at > p.lastIndexOf('/') ? p.slice(0, at) : p
  }
  // A purl without a version names every version of the package.
  if (want.startsWith('pkg:')) return base(want) === want && base(have) === want
  return base(have) === want || base(have).split('/').pop() === want
}

// ---- secret scanners ----

/** trufflehog v3 `--json` finding (one object per line). */
export function isTrufflehogFinding(o: Obj): boolean {
  return typeof o.DetectorName === 'string' && isObj(o.SourceMetadata)
}

/** trufflehog's own log line (stderr, JSON) that proves a scan ran to the end. */
export function isTrufflehogSummary(o: Obj): boolean {
  return o.logger === 'trufflehog' && o.msg === 'finished scanning'
}

/** A trufflehog log line of any kind (skipped when stderr was captured with stdout). */
export function isTrufflehogLog(o: Obj): boolean {
  return typeof o.level === 'string' && typeof o.msg === 'string' && 'ts' in o
}

export function trufflehogFindings(objs: Obj[], redactor: Redactor): SecretFindingInput[] {
  return objs.filter(isTrufflehogFinding).map(o => {
    rememberSecret(redactor, o.Raw)
    rememberSecret(redactor, o.RawV2)
    // RawV2 is often Raw followed by the rest of the credential (AWS: key id + secret key).
    const raw = str(o.Raw)
    const raw2 = str(o.RawV2)
    if (raw && raw2?.startsWith(raw) && raw2.length - raw.length >= 8)
      rememberSecret(redactor, raw2.slice(raw.length).replace(/^[:\s]+/, ''))
    const data = dig(o, 'SourceMetadata', 'Data')
    // Data has one key naming the source (Git, Github, Filesystem, Docker, S3, ...).
    const src = isObj(data) ? (Object.values(data).find(isObj) ?? {}) : {}
    const file = str(src.file) ?? str(src.path) ?? str(src.link) ?? str(src.layer) ?? ''
    const line = typeof src.line === 'number' ? src.line : null
    const verified = typeof o.Verified === 'boolean' ? o.Verified : null
    return {
      rule_id: o.DetectorName as string,
      // trufflehog has no severity: a secret the provider confirmed live is critical.
      severity: verified === true ? 'critical' : 'high',
      file,
      line,
      location: location(file, line),
      commit: str(src.commit),
      verified
    }
  })
}

/** `GET /repos/{owner}/{repo}/secret-scanning/alerts` (or the org/enterprise lists). */
export function isGitHubSecretAlert(o: Obj): boolean {
  return typeof o.secret_type === 'string' && typeof o.number === 'number' && 'state' in o
}

export function gitHubSecretAlerts(objs: Obj[], redactor: Redactor): SecretFindingInput[] {
  const out: SecretFindingInput[] = []
  for (const o of objs) {
    // The API returns the secret itself: remember it even for alerts that are closed.
    rememberSecret(redactor, o.secret)
    if (o.state !== 'open') continue
    const first = isObj(o.first_location_detected) ? o.first_location_detected : {}
    const file = str(first.path) ?? ''
    const line = typeof first.start_line === 'number' ? first.start_line : null
    const verified = o.validity === 'active' ? true : o.validity === 'inactive' ? false : null
    out.push({
      rule_id: o.secret_type as string,
      severity: verified === true ? 'critical' : 'high',
      file,
      line,
      location: location(file, line),
      commit: str(first.commit_sha),
      verified
    })
  }
  return out
}

// ---- vulnerability reports ----

/** `GET /repos/{owner}/{repo}/dependabot/alerts`. */
export function isDependabotAlert(o: Obj): boolean {
  return isObj(o.security_advisory) && isObj(o.dependency) && typeof o.number === 'number'
}

function cvssRatings(c: unknown): Json[] {
  if (!isObj(c)) return []
  const out: Json[] = []
  // A score of 0 with no vector is GitHub's "no CVSS", not a rating of none.
  if (typeof c.vector_string === 'string') out.push(c.vector_string)
  if (typeof c.score === 'number' && c.score > 0) out.push(c.score)
  return out
}

export function dependabotAlerts(objs: Obj[]): VulnerabilityInput[] {
  return objs
    .filter(o => o.state === 'open')
    .map(o => {
      const adv = o.security_advisory as Obj
      const sv = isObj(o.security_vulnerability) ? o.security_vulnerability : {}
      const pkg = isObj(dig(o, 'dependency', 'package'))
        ? (dig(o, 'dependency', 'package') as Obj)
        : {}
      const ids = arr(adv.identifiers)
        .filter(isObj)
        .map(i => str(i.value))
        .filter((x): x is string => x !== null)
      const id = str(adv.cve_id) ?? str(adv.ghsa_id) ?? ids[0] ?? `dependabot-${o.number as number}`
      const patched = str(dig(sv, 'first_patched_version', 'identifier'))
      const sevs = isObj(adv.cvss_severities) ? Object.values(adv.cvss_severities) : []
      return vuln({
        id,
        severity: highestSeverity([
          sv.severity,
          adv.severity,
          ...cvssRatings(adv.cvss),
          ...sevs.flatMap(cvssRatings)
        ]),
        package: purlFor(str(pkg.ecosystem), str(pkg.name) ?? '', null),
        source: 'dependabot',
        aliases: [str(adv.ghsa_id) ?? '', str(adv.cve_id) ?? '', ...ids],
        fix_state: patched ? 'fixed' : 'not-fixed',
        fixed_versions: patched ? [patched] : []
      })
    })
}

/** OSV-Scanner `--format json`: results[].packages[].{package, vulnerabilities, groups}. */
export function isOsvScanner(doc: Obj, forced: EvidenceKind | undefined): boolean {
  if (!Array.isArray(doc.results)) return false
  // A clean run prints {"results": []}, which is also an empty list of verify results: it is read
  // as OSV-Scanner output only with its own config key, or when forced (vulnerability-scan:).
  if (doc.results.length === 0)
    return 'experimental_config' in doc || forced === 'vulnerability-scan'
  return doc.results.every(
    r => isObj(r) && Array.isArray(r.packages) && (isObj(r.source) || isObj(r.packageSource))
  )
}

function osvSeverities(v: Obj): Json[] {
  const out: Json[] = []
  for (const s of arr(v.severity).filter(isObj)) if (s.score !== undefined) out.push(s.score)
  const ds = dig(v, 'database_specific', 'severity')
  if (ds !== undefined) out.push(ds)
  for (const a of arr(v.affected).filter(isObj)) {
    for (const key of ['ecosystem_specific', 'database_specific']) {
      const sev = dig(a, key, 'severity')
      if (typeof sev === 'string') out.push(sev)
    }
  }
  return out
}

function osvFixed(v: Obj): string[] {
  const out: string[] = []
  for (const a of arr(v.affected).filter(isObj))
    for (const r of arr(a.ranges).filter(isObj))
      for (const e of arr(r.events).filter(isObj))
        if (typeof e.fixed === 'string') out.push(e.fixed)
  return [...new Set(out)]
}

export function osvScannerVulnerabilities(doc: Obj): VulnerabilityInput[] {
  const out: VulnerabilityInput[] = []
  for (const r of arr(doc.results).filter(isObj)) {
    for (const p of arr(r.packages).filter(isObj)) {
      const info = isObj(p.package) ? p.package : {}
      const pkg =
        str(info.purl) ??
        purlFor(str(info.ecosystem), str(info.name) ?? '', str(info.version) ?? str(info.commit))
      const vulns = arr(p.vulnerabilities).filter(isObj)
      const byId = new Map(vulns.map(v => [str(v.id) ?? '', v]))
      // osv-scanner groups the records that are aliases of each other; one entry per group.
      const groups = arr(p.groups)
        .filter(isObj)
        .map(g => ({
          ids: strings(g.ids),
          aliases: strings(g.aliases),
          max: g.max_severity ?? null
        }))
      const grouped = new Set(groups.flatMap(g => g.ids))
      for (const v of vulns)
        if (!grouped.has(str(v.id) ?? ''))
          groups.push({ ids: [str(v.id) ?? 'unknown'], aliases: [], max: null })
      for (const g of groups) {
        const records = g.ids.map(i => byId.get(i)).filter((x): x is Obj => x !== undefined)
        const ratings: Json[] = records.flatMap(osvSeverities)
        if (g.max !== null && g.max !== '') ratings.push(g.max)
        const fixed = [...new Set(records.flatMap(osvFixed))]
        const cve = [...g.ids, ...g.aliases].find(i => /^CVE-/.test(i))
        const id = cve ?? g.ids[0] ?? 'unknown'
        out.push(
          vuln({
            id,
            severity: highestSeverity(ratings),
            package: pkg,
            source: 'osv-scanner',
            aliases: [...g.ids, ...g.aliases, ...records.flatMap(rec => strings(rec.aliases))],
            fix_state: fixed.length ? 'fixed' : records.length ? 'not-fixed' : 'unknown',
            fixed_versions: fixed
          })
        )
      }
    }
  }
  return out
}

/** `npm audit --json` (report version 2, npm 7+). */
export function isNpmAudit(doc: Obj): boolean {
  return doc.auditReportVersion === 2 && isObj(doc.vulnerabilities)
}

function npmPurl(name: string): string {
  return purlFor('npm', name, null)
}

export function npmAuditVulnerabilities(doc: Obj): VulnerabilityInput[] {
  const out = new Map<string, VulnerabilityInput>()
  for (const [name, entry] of Object.entries(doc.vulnerabilities as Obj)) {
    if (!isObj(entry)) continue
    // `via` names advisories (objects) or the dependencies that carry them (strings); only the
    // advisories are vulnerabilities, the rest is how they reach this package.
    for (const via of arr(entry.via).filter(isObj)) {
      const url = str(via.url)
      const ghsa = url ? /GHSA(-[23456789cfghjmpqrvwx]{4}){3}/.exec(url)?.[0] : undefined
      const source =
        typeof via.source === 'number' || typeof via.source === 'string' ? via.source : null
      const id = ghsa ?? (source !== null ? `npm-${source}` : 'unknown')
      const pkgName = str(via.dependency) ?? str(via.name) ?? name
      const cvss = isObj(via.cvss) ? via.cvss : {}
      const fix = entry.fixAvailable
      out.set(
        `${id} ${pkgName}`,
        vuln({
          id,
          severity: highestSeverity([
            via.severity,
            ...(typeof cvss.score === 'number' && cvss.score > 0 ? [cvss.score] : []),
            ...(typeof cvss.vectorString === 'string' ? [cvss.vectorString] : [])
          ]),
          package: npmPurl(pkgName),
          source: 'npm audit',
          fix_state: fix === false ? 'not-fixed' : fix === undefined ? 'unknown' : 'fixed',
          fixed_versions:
            isObj(fix) && typeof fix.version === 'string' && fix.name === pkgName
              ? [fix.version]
              : []
        })
      )
    }
  }
  return [...out.values()]
}

/** `pip-audit -f json`: {dependencies: [{name, version, vulns: [{id, fix_versions, aliases}]}]}. */
export function isPipAudit(doc: Obj): boolean {
  return (
    Array.isArray(doc.dependencies) &&
    doc.dependencies.every(d => isObj(d) && typeof d.name === 'string') &&
    doc.dependencies.some(d => isObj(d) && ('vulns' in d || 'skip_reason' in d)) &&
    (Array.isArray(doc.fixes) || doc.dependencies.length > 0)
  )
}

export function pipAuditVulnerabilities(doc: Obj): VulnerabilityInput[] {
  return arr(doc.dependencies)
    .filter(isObj)
    .flatMap(d =>
      arr(d.vulns)
        .filter(isObj)
        .map(v => {
          const fixed = strings(v.fix_versions)
          return vuln({
            id: str(v.id) ?? 'unknown',
            // pip-audit reports no severity (PYSEC/OSV records rarely carry one): unknown → high.
            severity: severityOf(v.severity),
            package: purlFor('pypi', str(d.name) ?? '', str(d.version)),
            source: 'pip-audit',
            aliases: strings(v.aliases),
            fix_state: fixed.length ? 'fixed' : 'not-fixed',
            fixed_versions: fixed
          })
        })
    )
}

const GRYPE_FIX: Record<string, FixState> = {
  fixed: 'fixed',
  'not-fixed': 'not-fixed',
  'wont-fix': 'wont-fix',
  unknown: 'unknown'
}

function grypeRatings(v: Obj): Json[] {
  const out: Json[] = [v.severity ?? null]
  for (const c of arr(v.cvss).filter(isObj)) {
    if (typeof c.vector === 'string') out.push(c.vector)
    const score = dig(c, 'metrics', 'baseScore')
    if (typeof score === 'number') out.push(score)
  }
  return out
}

/** Grype `-o json`: matches[] of {vulnerability, relatedVulnerabilities, artifact}. */
export function grypeVulnerabilities(doc: Obj): VulnerabilityInput[] {
  return arr(doc.matches)
    .filter(isObj)
    .map(m => {
      const v = isObj(m.vulnerability) ? m.vulnerability : {}
      const a = isObj(m.artifact) ? m.artifact : {}
      const related = arr(m.relatedVulnerabilities).filter(isObj)
      const fix = isObj(v.fix) ? v.fix : {}
      const name = str(a.name) ?? ''
      return vuln({
        id: str(v.id) ?? 'unknown',
        severity: highestSeverity([...grypeRatings(v), ...related.flatMap(grypeRatings)]),
        package: str(a.purl) ?? (str(a.version) ? `${name}@${a.version as string}` : name),
        source: 'grype',
        aliases: related.map(r => str(r.id) ?? ''),
        fix_state: GRYPE_FIX[str(fix.state) ?? 'unknown'] ?? 'unknown',
        fixed_versions: strings(fix.versions)
      })
    })
}

// ---- Trivy ----

const TRIVY_VENDOR = ['unknown', 'low', 'medium', 'high', 'critical']

function trivyFix(status: string | null, fixed: string | null): FixState {
  if (fixed) return 'fixed'
  switch (status) {
    case 'fixed':
      return 'fixed'
    case 'affected':
      return 'not-fixed'
    case 'will_not_fix':
    case 'fix_deferred':
    case 'end_of_life':
      return 'wont-fix'
    default:
      return 'unknown'
  }
}

export interface TrivyReport {
  vulnerabilities: VulnerabilityInput[]
  secrets: SecretFindingInput[]
  failures: PolicyResultInput[]
  /** Result classes present: `os-pkgs`, `lang-pkgs`, `config`, `secret`, `license`, ... */
  classes: Set<string>
}

/** Trivy `--format json`: Results[] with Vulnerabilities, Misconfigurations and Secrets. */
/** `trivy k8s --format json`: results per cluster resource (`Resources`, or before 0.50 `Vulnerabilities`/`Misconfigurations`). */
export function isTrivyK8s(doc: Obj): boolean {
  return (
    typeof doc.ClusterName === 'string' &&
    ['Resources', 'Vulnerabilities', 'Misconfigurations'].some(k => Array.isArray(doc[k]))
  )
}

function trivyResults(doc: Obj): { result: Obj; resource: string | null }[] {
  if (!isTrivyK8s(doc))
    return arr(doc.Results)
      .filter(isObj)
      .map(result => ({ result, resource: null }))
  const out: { result: Obj; resource: string | null }[] = []
  for (const key of ['Resources', 'Vulnerabilities', 'Misconfigurations'])
    for (const res of arr(doc[key]).filter(isObj)) {
      const resource = [str(res.Kind), str(res.Namespace), str(res.Name)].filter(Boolean).join('/')
      for (const result of arr(res.Results).filter(isObj)) out.push({ result, resource })
    }
  return out
}

export function trivyReport(doc: Obj): TrivyReport {
  const report: TrivyReport = { vulnerabilities: [], secrets: [], failures: [], classes: new Set() }
  for (const { result: r, resource } of trivyResults(doc)) {
    // In a cluster report the resource locates a finding better than the image or file name.
    const target = (resource && r.Class === 'config' ? resource : str(r.Target)) ?? resource ?? ''
    const cls =
      str(r.Class) ??
      (Array.isArray(r.Misconfigurations)
        ? 'config'
        : Array.isArray(r.Secrets)
          ? 'secret'
          : 'lang-pkgs')
    report.classes.add(cls)
    for (const v of arr(r.Vulnerabilities).filter(isObj)) {
      const ratings: Json[] = [v.Severity ?? null]
      if (isObj(v.VendorSeverity))
        for (const n of Object.values(v.VendorSeverity))
          if (typeof n === 'number' && n > 0) ratings.push(TRIVY_VENDOR[n] ?? null)
      if (isObj(v.CVSS))
        for (const c of Object.values(v.CVSS).filter(isObj))
          for (const k of ['V40Vector', 'V3Vector', 'V2Vector'])
            if (typeof c[k] === 'string') ratings.push(c[k])
      const name = str(v.PkgName) ?? ''
      const fixed = str(v.FixedVersion)
      report.vulnerabilities.push(
        vuln({
          id: str(v.VulnerabilityID) ?? 'unknown',
          severity: highestSeverity(ratings),
          package:
            str(dig(v, 'PkgIdentifier', 'PURL')) ??
            (str(v.InstalledVersion) ? `${name}@${v.InstalledVersion as string}` : name),
          source: 'trivy',
          aliases: strings(v.VendorIDs),
          fix_state: trivyFix(str(v.Status), fixed),
          fixed_versions: fixed ? fixed.split(/,\s*/) : []
        })
      )
    }
    for (const m of arr(r.Misconfigurations).filter(isObj)) {
      if (str(m.Status) && m.Status !== 'FAIL') continue
      report.failures.push({
        file: target,
        namespace: str(m.Namespace) ?? `trivy ${str(m.Type) ?? 'config'}`,
        msg: str(m.Message) ?? str(m.Title) ?? str(m.ID) ?? 'misconfiguration',
        id: str(m.AVDID) ?? str(m.ID) ?? 'unknown',
        severity: severityOf(m.Severity)
      })
    }
    for (const s of arr(r.Secrets).filter(isObj)) {
      // Trivy masks the secret in Match and Code; neither is kept.
      const line = typeof s.StartLine === 'number' ? s.StartLine : null
      report.secrets.push({
        rule_id: str(s.RuleID) ?? 'unknown',
        severity: severityOf(s.Severity),
        file: target,
        line,
        location: location(target, line),
        commit: null,
        verified: null
      })
    }
  }
  return report
}

// ---- SBOM ----

/** syft's native `-o json`: artifacts[] with licenses as strings (old) or objects (new). */
export function isSyftJson(doc: Obj): boolean {
  return (
    Array.isArray(doc.artifacts) &&
    (dig(doc, 'descriptor', 'name') === 'syft' ||
      /anchore\/syft/.test(str(dig(doc, 'schema', 'url')) ?? ''))
  )
}

export function syftComponents(doc: Obj, licenseIds: (e: string) => string[]): ComponentInput[] {
  return arr(doc.artifacts)
    .filter(isObj)
    .map(a => {
      const licenses: string[] = []
      for (const l of arr(a.licenses)) {
        if (typeof l === 'string') licenses.push(...licenseIds(l))
        else if (isObj(l)) {
          const e = str(l.spdxExpression) ?? str(l.value)
          if (e) licenses.push(...licenseIds(e))
        }
      }
      return {
        name: str(a.name) ?? '',
        version: str(a.version) ?? '',
        purl: str(a.purl) ?? '',
        type: str(a.type) ?? 'library',
        licenses: [...new Set(licenses)]
      }
    })
}

// ---- policy checks ----

const REPORT_KINDS = new Set(['PolicyReport', 'ClusterPolicyReport', 'Report', 'ClusterReport'])

/** Kyverno / Policy WG reports (wgpolicyk8s.io, openreports.io): `kyverno apply --policy-report`. */
export function isPolicyReport(doc: Obj): boolean {
  return (
    typeof doc.kind === 'string' &&
    REPORT_KINDS.has(doc.kind) &&
    typeof doc.apiVersion === 'string' &&
    /wgpolicyk8s\.io|openreports\.io/.test(doc.apiVersion)
  )
}

export function policyReportResults(docs: Obj[]): {
  failures: PolicyResultInput[]
  warnings: PolicyResultInput[]
  timestamps: unknown[]
} {
  const failures: PolicyResultInput[] = []
  const warnings: PolicyResultInput[] = []
  const timestamps: unknown[] = []
  for (const doc of docs) {
    const scope = isObj(doc.scope) ? [doc.scope] : []
    for (const r of arr(doc.results).filter(isObj)) {
      const result = str(r.result)?.toLowerCase()
      const ts = r.timestamp
      if (isObj(ts) && typeof ts.seconds === 'number') timestamps.push(ts.seconds)
      if (result !== 'fail' && result !== 'error' && result !== 'warn') continue
      const resources = arr(r.resources).filter(isObj)
      const targets = (resources.length ? resources : scope.length ? scope : [{}]).map(res =>
        [str(res.kind), str(res.namespace), str(res.name)].filter(Boolean).join('/')
      )
      const policy = str(r.policy) ?? 'policy'
      for (const file of targets) {
        const entry: PolicyResultInput = {
          file,
          namespace: policy,
          msg:
            (result === 'error' ? 'policy error: ' : '') +
            (str(r.message) ?? `${str(r.rule) ?? policy} ${result}`),
          id: str(r.rule) ? `${policy}/${r.rule as string}` : policy,
          severity: severityOf(r.severity, result === 'warn' ? 'low' : 'high')
        }
        ;(result === 'warn' ? warnings : failures).push(entry)
      }
    }
  }
  return { failures, warnings, timestamps }
}

/** checkov `-o json`: one report object per framework (a list when several ran). */
export function isCheckov(o: Obj): boolean {
  return (
    (typeof o.check_type === 'string' && isObj(o.results)) ||
    (typeof o.checkov_version === 'string' && 'passed' in o && 'failed' in o)
  )
}

export function checkovFailures(objs: Obj[]): PolicyResultInput[] {
  const out: PolicyResultInput[] = []
  for (const o of objs) {
    const ns = `checkov ${str(o.check_type) ?? ''}`.trim()
    for (const f of arr(dig(o, 'results', 'failed_checks')).filter(isObj)) {
      const resource = str(f.resource)
      out.push({
        file: (str(f.repo_file_path) ?? str(f.file_path) ?? '').replace(/^\//, ''),
        namespace: ns,
        msg: `${str(f.check_name) ?? str(f.check_id) ?? 'check failed'}${resource ? ` (${resource})` : ''}`,
        id: str(f.check_id) ?? 'unknown',
        // checkov has severities only with a platform key: a failure without one counts as high.
        severity: severityOf(f.severity)
      })
    }
  }
  return out
}

/** kube-linter `lint --format json`: {Checks, Reports, Summary}. */
export function isKubeLinter(doc: Obj): boolean {
  return Array.isArray(doc.Reports) && isObj(doc.Summary) && 'ChecksStatus' in doc.Summary
}

export function kubeLinterFailures(doc: Obj): PolicyResultInput[] {
  return arr(doc.Reports)
    .filter(isObj)
    .map(r => {
      const k8s = dig(r, 'Object', 'K8sObject')
      const gvk = dig(k8s, 'GroupVersionKind')
      const what = [str(dig(gvk, 'Kind')), str(dig(k8s, 'Namespace')), str(dig(k8s, 'Name'))]
        .filter(Boolean)
        .join('/')
      const msg = str(dig(r, 'Diagnostic', 'Message')) ?? str(r.Check) ?? 'lint failure'
      return {
        file: str(dig(r, 'Object', 'Metadata', 'FilePath')) ?? '',
        namespace: 'kube-linter',
        msg: what ? `${what}: ${msg}` : msg,
        id: str(r.Check) ?? 'unknown',
        // kube-linter has no severities: a report is a failure of the check, counted as high.
        severity: 'high'
      }
    })
}

/** kubescape `--format json`: results[] of resources with their controls, summaryDetails. */
export function isKubescape(doc: Obj): boolean {
  return Array.isArray(doc.results) && isObj(doc.summaryDetails)
}

export function kubescapeFailures(doc: Obj): PolicyResultInput[] {
  const summary = dig(doc, 'summaryDetails', 'controls')
  const files = new Map<string, string>()
  for (const r of arr(doc.resources).filter(isObj)) {
    const src = isObj(r.source) ? r.source : {}
    const file = str(src.relativePath) ?? str(src.path)
    if (typeof r.resourceID === 'string' && file) files.set(r.resourceID, file)
  }
  const out: PolicyResultInput[] = []
  for (const r of arr(doc.results).filter(isObj)) {
    const id = str(r.resourceID) ?? ''
    // resourceID: [path=…/]api=<group/version>/<namespace>/<Kind>/<name>
    const [kind, name] = id.split('/').slice(-2)
    for (const c of arr(r.controls).filter(isObj)) {
      const status = str(dig(c, 'status', 'status'))
      // Older reports have no control status: a failed rule fails the control.
      const failed =
        status !== null
          ? status === 'failed'
          : arr(c.rules).some(x => isObj(x) && x.status === 'failed')
      if (!failed) continue
      const controlID = str(c.controlID) ?? 'unknown'
      const score = dig(summary, controlID, 'scoreFactor')
      out.push({
        file: files.get(id) ?? id,
        namespace: 'kubescape',
        msg: `${kind && name ? `${kind}/${name}: ` : ''}${str(c.name) ?? controlID}`,
        id: controlID,
        // kubescape's scoreFactor (1–10) is banded like CVSS.
        severity: typeof score === 'number' && score > 0 ? scoreSeverity(score) : 'high'
      })
    }
  }
  return out
}

/** Whether a text is TAP (conftest `--output tap`): a plan line `1..N` first. */
export function looksLikeTap(text: string): boolean {
  return /^1\.\.\d+\s*$/.test(text.trimStart().split(/\r?\n/, 1)[0])
}

/**
 * conftest `--output tap` → the shape of conftest's JSON (one entry per file and namespace).
 * Lines: `not ok N - FILE - NAMESPACE - MESSAGE` (failures, then `# warnings`), `ok N ...` for
 * exceptions, skips and successes; older conftest leaves the namespace out.
 */
export function parseConftestTap(text: string): Obj[] {
  const entries = new Map<string, Obj & { failures: Json[]; warnings: Json[] }>()
  let section = 'failures'
  for (const line of text.split(/\r?\n/)) {
    if (/^1\.\.\d+\s*$/.test(line)) section = 'failures'
    else if (/^# warnings?\s*$/i.test(line)) section = 'warnings'
    else if (/^# /.test(line)) section = 'other'
    const m = /^not ok \d+ - (.*)$/.exec(line)
    if (!m || section === 'other') continue
    const parts = m[1].split(' - ')
    const [file, namespace, msg] =
      parts.length >= 3
        ? [parts[0], parts[1], parts.slice(2).join(' - ')]
        : [parts[0], 'main', parts.slice(1).join(' - ')]
    const key = `${file}\u0000${namespace}`
    let e = entries.get(key)
    if (!e) {
      e = { filename: file === '-' ? '' : file, namespace, failures: [], warnings: [] }
      entries.set(key, e)
    }
    ;(section === 'warnings' ? e.warnings : e.failures).push({ msg })
  }
  // A run with nothing but successes still says it ran: one entry without findings.
  return entries.size
    ? [...entries.values()]
    : [{ filename: '', namespace: 'main', failures: [], warnings: [], successes: 0 }]
}

// ---- cosign ----

/** `cosign verify --output json`: a list of {critical: {identity, image, type}, optional}. */
export function isCosignVerify(o: Obj): boolean {
  return isObj(o.critical) && isObj(o.critical.image) && typeof o.critical.type === 'string'
}

export function cosignVerification(
  o: Obj,
  claims: (ext: Obj) => VerificationInput['github']
): Omit<VerificationInput, 'path'> {
  const digest = str(dig(o, 'critical', 'image', 'docker-manifest-digest'))
  const ref = str(dig(o, 'critical', 'identity', 'docker-reference'))
  const opt = isObj(o.optional) ? o.optional : {}
  const github = claims(opt)
  // Older cosign prints the legacy GitHub claims by name instead of by OID.
  github.repository ??= str(opt.githubWorkflowRepository)
  github.ref ??= str(opt.githubWorkflowRef)
  github.sha ??= str(opt.githubWorkflowSha)
  github.workflow_name ??= str(opt.githubWorkflowName)
  github.trigger ??= str(opt.githubWorkflowTrigger)
  return {
    subject: ref && digest ? `${ref}@${digest}` : (ref ?? digest ?? ''),
    // cosign prints nothing but verified signatures.
    verified: true,
    digest,
    identity: str(opt.Subject),
    issuer: str(opt.Issuer),
    github,
    predicate_type: null,
    error: null
  }
}

export function cosignTime(objs: Obj[]): unknown[] {
  return objs.map(o => dig(o, 'optional', 'Bundle', 'Payload', 'integratedTime'))
}

// ---- VEX ----

const VEX_STATUS = new Set(['not_affected', 'affected', 'fixed', 'under_investigation'])

/** An OpenVEX document (any version: `@context` https://openvex.dev/ns…). */
export function isOpenVex(doc: Obj): boolean {
  return (
    typeof doc['@context'] === 'string' &&
    /openvex\.dev\/ns/.test(doc['@context']) &&
    Array.isArray(doc.statements)
  )
}

function productIds(list: Json | undefined): string[] {
  const out: string[] = []
  for (const p of arr(list)) {
    if (typeof p === 'string') out.push(p)
    else if (isObj(p)) {
      const id = str(p['@id']) ?? str(dig(p, 'identifiers', 'purl'))
      if (id) out.push(id)
      const purl = str(dig(p, 'identifiers', 'purl'))
      if (purl && purl !== id) out.push(purl)
    }
  }
  return out
}

export function openVexStatements(doc: Obj): VexStatementInput[] {
  const docTime = str(doc.timestamp)
  const out: VexStatementInput[] = []
  for (const s of arr(doc.statements).filter(isObj)) {
    const status = str(s.status)
    if (!status || !VEX_STATUS.has(status)) continue
    const v = s.vulnerability
    const name = typeof v === 'string' ? v : isObj(v) ? (str(v.name) ?? str(v['@id'])) : null
    if (!name) continue
    // Subcomponents narrow a statement to the packages inside the product.
    const subs = [
      ...productIds(s.subcomponents),
      ...arr(s.products)
        .filter(isObj)
        .flatMap(p => productIds(p.subcomponents))
    ]
    out.push({
      vulnerability: name,
      aliases: isObj(v) ? strings(v.aliases) : [],
      products: subs.length ? subs : [],
      status: status as VexStatementInput['status'],
      justification: str(s.justification) ?? str(s.impact_statement),
      timestamp: str(s.timestamp) ?? str(s.last_updated) ?? docTime
    })
  }
  return out
}

const CDX_STATE: Record<string, VexStatementInput['status']> = {
  not_affected: 'not_affected',
  false_positive: 'not_affected',
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  exploitable: 'affected',
  in_triage: 'under_investigation'
}

/** CycloneDX `vulnerabilities[].analysis` (VEX in a BOM, or a standalone VEX BOM). */
export function cyclonedxVexStatements(doc: Obj, refs: Map<string, string>): VexStatementInput[] {
  const out: VexStatementInput[] = []
  for (const v of arr(doc.vulnerabilities).filter(isObj)) {
    const state = str(dig(v, 'analysis', 'state'))
    const status = state ? CDX_STATE[state] : undefined
    if (!status || !str(v.id)) continue
    const products = arr(v.affects)
      .filter(isObj)
      .map(a => {
        const ref = str(a.ref) ?? ''
        // A BOM-Link (urn:cdx:serial/version#bom-ref) points into another BOM.
        const local = ref.includes('#') ? decodeURIComponent(ref.slice(ref.indexOf('#') + 1)) : ref
        return refs.get(local) ?? local
      })
      .filter(p => p !== '')
    out.push({
      vulnerability: v.id as string,
      aliases: arr(v.references)
        .filter(isObj)
        .map(r => str(r.id) ?? '')
        .filter(Boolean),
      products,
      status,
      justification: str(dig(v, 'analysis', 'justification')) ?? str(dig(v, 'analysis', 'detail')),
      timestamp: str(v.updated) ?? str(v.published) ?? str(dig(doc, 'metadata', 'timestamp'))
    })
  }
  return out
}
