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

export function compileRegexp(pattern: string, flag: string): RegExp {
  try {
    return new RegExp(pattern, 'u')
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
  for (const [oid, value] of Object.entries(policy.extensions ?? {})) {
    if (ext[oid] !== value) fail(`certificate extension ${oid}`, JSON.stringify(value), ext[oid])
  }
}

/** True when the policy has at least the SAN and issuer constraints keyless verification needs. */
export function isCompletePolicy(policy: IdentityPolicy | undefined): boolean {
  return !!policy?.identity && !!policy.issuer
}
