/**
 * Identity policy for keyless signatures: the Fulcio certificate's SAN and OIDC issuer (exact or
 * regular expression) and the GitHub workflow extensions (OIDs 1.3.6.1.4.1.57264.1.*).
 *
 * Regular expressions behave as cosign's (Go `regexp.MatchString`): they are NOT implicitly
 * anchored — write `^…$` to pin the whole value.
 */
import { ASN1Obj, X509Certificate } from '@sigstore/core'
import { UsageError, VerificationError } from '@secure-pipeline/core'

const FULCIO = '1.3.6.1.4.1.57264.1'
export const OID = {
  issuerV1: `${FULCIO}.1`,
  githubWorkflowTrigger: `${FULCIO}.2`,
  githubWorkflowSha: `${FULCIO}.3`,
  githubWorkflowName: `${FULCIO}.4`,
  githubWorkflowRepository: `${FULCIO}.5`,
  githubWorkflowRef: `${FULCIO}.6`,
  issuer: `${FULCIO}.8`,
  buildSignerURI: `${FULCIO}.9`,
  buildSignerDigest: `${FULCIO}.10`,
  runnerEnvironment: `${FULCIO}.11`,
  sourceRepositoryURI: `${FULCIO}.12`,
  sourceRepositoryDigest: `${FULCIO}.13`,
  sourceRepositoryRef: `${FULCIO}.14`,
  sourceRepositoryIdentifier: `${FULCIO}.15`,
  sourceRepositoryOwnerURI: `${FULCIO}.16`,
  sourceRepositoryOwnerIdentifier: `${FULCIO}.17`,
  buildConfigURI: `${FULCIO}.18`,
  buildConfigDigest: `${FULCIO}.19`,
  buildTrigger: `${FULCIO}.20`,
  runInvocationURI: `${FULCIO}.21`,
  sourceRepositoryVisibility: `${FULCIO}.22`
} as const

/** A value that is matched exactly, or by (unanchored, as cosign) regular expression. */
export interface Matcher {
  exact?: string
  regexp?: string
}

export interface IdentityPolicy {
  /** Certificate SAN (email, URI, ...). */
  identity?: Matcher
  /** OIDC issuer (extension .8, or the legacy .1). */
  issuer?: Matcher
  /** GitHub workflow claims. */
  github?: {
    /** `owner/repo` or `https://github.com/owner/repo` (source repository, .12 / legacy .5). */
    repository?: string
    /** `refs/heads/main`, `refs/tags/v1` (source repository ref, .14 / legacy .6). */
    ref?: string
    /** Workflow name (.4) or workflow file path such as `.github/workflows/release.yml` (.18). */
    workflow?: string
    /** Event that triggered the run, e.g. `push` (.20 / legacy .2). */
    trigger?: string
    /** `github-hosted` or `self-hosted` (.11). */
    runnerEnvironment?: string
    /** Commit SHA (.13 / legacy .3). */
    sha?: string
    /** Repository owner, as `gh attestation verify --owner` (.16, else the repository's owner). */
    owner?: string
    /**
     * Repository of the workflow that signed (`gh ... --signer-repo`): `owner/repo` or URL, matched
     * against the build signer URI (.9, else the SAN). Differs from `repository` for reusable
     * workflows.
     */
    signerRepository?: string
    /**
     * Workflow that signed (`gh ... --signer-workflow`): `owner/repo/.github/workflows/f.yml`
     * (optionally with host, or `@ref` to pin the ref too), matched against the build signer URI.
     */
    signerWorkflow?: string
  }
  /** Any further extension, by dotted OID, exact value. */
  extensions?: Record<string, string>
}

/** The identity facts read from a Fulcio certificate. */
export interface CertificateIdentity {
  subjectAlternativeName?: string
  issuer?: string
  extensions: Record<string, string>
}

const LEGACY_RAW = new Set<string>([
  OID.issuerV1,
  OID.githubWorkflowTrigger,
  OID.githubWorkflowSha,
  OID.githubWorkflowName,
  OID.githubWorkflowRepository,
  OID.githubWorkflowRef
])

/** Reads SAN, issuer and every 57264.1.* extension (legacy ones raw, newer ones DER UTF8String). */
export function certificateIdentity(cert: X509Certificate): CertificateIdentity {
  const extensions: Record<string, string> = {}
  for (const ext of cert.extensions) {
    let oid: string
    try {
      oid = ext.subs[0]?.toOID() ?? ''
    } catch {
      continue
    }
    if (!oid.startsWith(`${FULCIO}.`)) continue
    const e = cert.extension(oid)
    if (!e) continue
    try {
      extensions[oid] = LEGACY_RAW.has(oid)
        ? e.value.toString('utf8')
        : ASN1Obj.parseBuffer(Buffer.from(e.value)).value.toString('utf8')
    } catch {
      extensions[oid] = e.value.toString('utf8')
    }
  }
  let san: string | undefined
  try {
    san = cert.subjectAltName
  } catch {
    san = undefined
  }
  return {
    subjectAlternativeName: san,
    issuer: extensions[OID.issuer] ?? extensions[OID.issuerV1],
    extensions
  }
}

/**
 * A cosign/Go regular expression as a JavaScript one. Go's leading inline flags (`(?i)`, `(?s)`,
 * `(?m)`, combined as `(?is)`) become JavaScript flags; `\\A` / `\\z` (start / end of text) become
 * `^` / `$`.
 */
export function compileRegexp(pattern: string, flag: string): RegExp {
  const m = /^\(\?([ims]+)\)/.exec(pattern)
  const flags = `u${m?.[1] ?? ''}`
  const body = (m ? pattern.slice(m[0].length) : pattern)
    .replace(/(^|[^\\])\\A/g, '$1^')
    .replace(/(^|[^\\])\\z/g, '$1$')
  try {
    return new RegExp(body, [...new Set(flags)].join(''))
  } catch (err) {
    throw new UsageError(`${flag}: invalid regular expression: ${(err as Error).message}`)
  }
}

function describeMatcher(m: Matcher): string {
  return m.exact !== undefined ? JSON.stringify(m.exact) : `a match for /${m.regexp ?? ''}/`
}

function matches(m: Matcher, value: string | undefined): boolean {
  if (value === undefined) return false
  if (m.exact !== undefined) return value === m.exact
  if (m.regexp !== undefined) return compileRegexp(m.regexp, 'regexp').test(value)
  return true
}

function fail(what: string, expected: string, got: string | undefined): never {
  throw new VerificationError(
    'IDENTITY_MISMATCH',
    `${what}: expected ${expected}, got ${got === undefined ? '(none)' : JSON.stringify(got)}`
  )
}

function repoOf(uriOrSlug: string): string {
  const m = /^[a-z]+:\/\/[^/]+\/(.+?)\/?$/i.exec(uriOrSlug)
  return (m ? m[1] : uriOrSlug) ?? uriOrSlug
}

function workflowPathOf(buildConfigURI: string | undefined): string | undefined {
  if (!buildConfigURI) return undefined
  const m = /^[a-z]+:\/\/[^/]+\/[^/]+\/[^/]+\/(.+?)(@.*)?$/i.exec(buildConfigURI)
  return m?.[1]
}

/** Throws VerificationError (exit 1) with "expected X, got Y" when the identity does not satisfy the policy. */
export function checkIdentityPolicy(id: CertificateIdentity, policy: IdentityPolicy): void {
  if (policy.identity && !matches(policy.identity, id.subjectAlternativeName)) {
    fail('certificate identity', describeMatcher(policy.identity), id.subjectAlternativeName)
  }
  if (policy.issuer && !matches(policy.issuer, id.issuer)) {
    fail('certificate OIDC issuer', describeMatcher(policy.issuer), id.issuer)
  }
  const ext = id.extensions
  const gh = policy.github ?? {}
  if (gh.repository !== undefined) {
    const uri = ext[OID.sourceRepositoryURI]
    const got = uri !== undefined ? repoOf(uri) : ext[OID.githubWorkflowRepository]
    if (got === undefined || got.toLowerCase() !== repoOf(gh.repository).toLowerCase()) {
      fail('GitHub repository', JSON.stringify(repoOf(gh.repository)), got)
    }
  }
  if (gh.ref !== undefined) {
    const got = ext[OID.sourceRepositoryRef] ?? ext[OID.githubWorkflowRef]
    if (got !== gh.ref) fail('GitHub ref', JSON.stringify(gh.ref), got)
  }
  if (gh.workflow !== undefined) {
    const name = ext[OID.githubWorkflowName]
    const path = workflowPathOf(ext[OID.buildConfigURI])
    if (gh.workflow !== name && gh.workflow !== path) {
      fail('GitHub workflow', JSON.stringify(gh.workflow), path ?? name)
    }
  }
  if (gh.trigger !== undefined) {
    const got = ext[OID.buildTrigger] ?? ext[OID.githubWorkflowTrigger]
    if (got !== gh.trigger) fail('GitHub workflow trigger', JSON.stringify(gh.trigger), got)
  }
  if (gh.runnerEnvironment !== undefined) {
    const got = ext[OID.runnerEnvironment]
    if (got !== gh.runnerEnvironment)
      fail('GitHub runner environment', JSON.stringify(gh.runnerEnvironment), got)
  }
  if (gh.sha !== undefined) {
    const got = ext[OID.sourceRepositoryDigest] ?? ext[OID.githubWorkflowSha]
    if (got !== gh.sha) fail('GitHub commit', JSON.stringify(gh.sha), got)
  }
  if (gh.owner !== undefined) {
    const ownerURI = ext[OID.sourceRepositoryOwnerURI]
    const repo = ext[OID.sourceRepositoryURI] ?? ext[OID.githubWorkflowRepository]
    const got =
      ownerURI !== undefined ? repoOf(ownerURI) : repo?.split('/')[repo.includes('://') ? 3 : 0]
    if (got === undefined || got.toLowerCase() !== repoOf(gh.owner).toLowerCase())
      fail('GitHub repository owner', JSON.stringify(repoOf(gh.owner)), got)
  }
  const signer = ext[OID.buildSignerURI] ?? id.subjectAlternativeName
  if (gh.signerRepository !== undefined) {
    const want = repoOf(gh.signerRepository).toLowerCase()
    const m = signer ? /^[a-z]+:\/\/[^/]+\/([^/]+\/[^/]+)\//i.exec(signer) : null
    if (!m?.[1] || m[1].toLowerCase() !== want)
      fail('signer repository', JSON.stringify(want), m?.[1] ?? signer)
  }
  if (gh.signerWorkflow !== undefined) {
    const want = gh.signerWorkflow.replace(/^[a-z]+:\/\//i, '').replace(/^github\.com\//i, '')
    const got = signer?.replace(/^[a-z]+:\/\/[^/]+\//i, '')
    const gotCompared = want.includes('@') ? got : got?.replace(/@.*$/, '')
    if (gotCompared === undefined || gotCompared.toLowerCase() !== want.toLowerCase())
      fail('signer workflow', JSON.stringify(want), gotCompared)
  }
  for (const [oid, value] of Object.entries(policy.extensions ?? {})) {
    if (ext[oid] !== value) fail(`certificate extension ${oid}`, JSON.stringify(value), ext[oid])
  }
}

export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com'

/** `gh attestation verify`'s policy flags. */
export interface GitHubAttestationOptions {
  /** `--owner`: the repository owner (organisation or user). */
  owner?: string
  /** `--repo`: `owner/repo`. */
  repo?: string
  /** `--signer-repo`: repository of the (reusable) workflow that signed. */
  signerRepo?: string
  /** `--signer-workflow`: `owner/repo/.github/workflows/file.yml` (optionally `[host/]`, `@ref`). */
  signerWorkflow?: string
  /** `--cert-identity` / `--cert-identity-regex`: the SAN, instead of the owner/repo default. */
  certIdentity?: string
  certIdentityRegex?: string
  /** `--cert-oidc-issuer` (default GitHub Actions'). */
  certOidcIssuer?: string
  /** `--source-ref`, `--source-digest`. */
  sourceRef?: string
  sourceDigest?: string
  /** `--deny-self-hosted-runners`. */
  denySelfHostedRunners?: boolean
  /** GitHub host (default github.com; GHES / ghe.com hosts). */
  hostname?: string
}

function escapeRegexp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * An identity policy with `gh attestation verify`'s semantics: the SAN (signer workflow URI) must
 * be under `https://HOST/OWNER/` (or `.../OWNER/REPO/` with `repo`), case-insensitively, unless a
 * signer or identity flag says otherwise; the source repository owner / repository extensions
 * must match `owner` / `repo`; the issuer is GitHub Actions' unless given.
 */
export function githubAttestationPolicy(o: GitHubAttestationOptions): IdentityPolicy {
  if (!o.owner && !o.repo) throw new UsageError('GitHub attestation policy needs --owner or --repo')
  if (o.repo && !/^[^/\s]+\/[^/\s]+$/.test(o.repo))
    throw new UsageError(`--repo must be OWNER/REPO, got "${o.repo}"`)
  const host = o.hostname ?? 'github.com'
  const owner = o.owner ?? o.repo?.split('/')[0] ?? ''
  if (o.repo && o.owner && o.repo.split('/')[0]?.toLowerCase() !== o.owner.toLowerCase())
    throw new UsageError(`--repo ${o.repo} is not in --owner ${o.owner}`)
  const scope = o.signerRepo ?? o.repo ?? owner
  const identity: Matcher =
    o.certIdentity !== undefined
      ? { exact: o.certIdentity }
      : o.certIdentityRegex !== undefined
        ? { regexp: o.certIdentityRegex }
        : o.signerWorkflow !== undefined
          ? { regexp: '.' } // checked below, on the build signer URI
          : { regexp: `(?i)^https://${escapeRegexp(host)}/${escapeRegexp(scope)}/` }
  const github: NonNullable<IdentityPolicy['github']> = { owner }
  if (o.repo) github.repository = `https://${host}/${o.repo}`
  if (o.signerRepo) github.signerRepository = o.signerRepo
  if (o.signerWorkflow) github.signerWorkflow = o.signerWorkflow
  if (o.sourceRef) github.ref = o.sourceRef
  if (o.sourceDigest) github.sha = o.sourceDigest
  if (o.denySelfHostedRunners) github.runnerEnvironment = 'github-hosted'
  return {
    identity,
    issuer: { exact: o.certOidcIssuer ?? GITHUB_ACTIONS_ISSUER },
    github
  }
}

/** True when the policy has at least the SAN and issuer constraints keyless verification needs. */
export function isCompletePolicy(policy: IdentityPolicy | undefined): boolean {
  return !!policy?.identity && !!policy.issuer
}
