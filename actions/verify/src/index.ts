/**
 * The verify action: inputs → @secure-pipeline/sigstore → outputs, an error annotation per
 * failure and a job summary. Anything that does not verify fails the step (fail closed).
 */
import fs from 'node:fs'
import * as core from '@actions/core'
import { UsageError, describeError } from '@secure-pipeline/core'
import {
  getListInput,
  markdownTable,
  maskSecrets,
  runAction,
  setOutputs,
  workspacePath,
  writeSummary,
  registryCredentialInputs
} from '@secure-pipeline/action-kit'
import type { RegistryClientOptions } from '@secure-pipeline/oci'
import {
  loadPublicKey,
  loadSignatureFile,
  loadTrustedRootFile,
  loadVerificationKey,
  parseDigest,
  githubAttestationPolicy,
  predicateTypeURI,
  readInputFile,
  resolveTrustedRoot,
  sha256,
  verifyBundle,
  verifyImage,
  type IdentityPolicy,
  type VerifyOptions,
  type VerifyResult
} from '@secure-pipeline/sigstore'

function input(name: string): string | undefined {
  const v = core.getInput(name)
  return v === '' ? undefined : v
}

/** Inputs of the gh-attestation-style policy (gh attestation verify's flags). */
const GH_INPUTS = [
  'signer-repo',
  'signer-workflow',
  'source-ref',
  'source-digest',
  'cert-identity',
  'cert-identity-regex',
  'cert-oidc-issuer',
  'hostname'
]

const COSIGN_IDENTITY_INPUTS = [
  'certificate-identity',
  'certificate-identity-regexp',
  'certificate-oidc-issuer',
  'certificate-oidc-issuer-regexp',
  'github-repository',
  'github-ref',
  'github-workflow',
  'github-trigger',
  'github-runner-environment'
]

function hostOf(serverURL: string | undefined): string | undefined {
  if (!serverURL) return undefined
  try {
    return new URL(serverURL).host
  } catch {
    return undefined
  }
}

/** owner / repo (+ signer-repo, signer-workflow, ...) → githubAttestationPolicy, as gh attestation verify. */
function githubPolicy(): IdentityPolicy | undefined {
  const owner = input('owner')
  const repo = input('repo')
  const deny =
    input('deny-self-hosted-runners') !== undefined &&
    core.getBooleanInput('deny-self-hosted-runners')
  if (!owner && !repo) {
    const stray = GH_INPUTS.find(n => input(n) !== undefined)
    if (stray ?? deny)
      throw new UsageError(
        `inputs: ${stray ?? 'deny-self-hosted-runners'} needs owner or repo (as gh attestation verify)`
      )
    return undefined
  }
  const cosignStyle = COSIGN_IDENTITY_INPUTS.find(n => input(n) !== undefined)
  if (cosignStyle) throw new UsageError(`inputs: use owner/repo or ${cosignStyle}, not both`)
  if (input('cert-identity') && input('cert-identity-regex'))
    throw new UsageError('inputs: use cert-identity or cert-identity-regex, not both')
  return githubAttestationPolicy({
    owner,
    repo,
    signerRepo: input('signer-repo'),
    signerWorkflow: input('signer-workflow'),
    sourceRef: input('source-ref'),
    sourceDigest: input('source-digest'),
    certIdentity: input('cert-identity'),
    certIdentityRegex: input('cert-identity-regex'),
    certOidcIssuer: input('cert-oidc-issuer'),
    denySelfHostedRunners: deny,
    hostname: input('hostname') ?? hostOf(process.env.GITHUB_SERVER_URL)
  })
}

function verifyOptions(): VerifyOptions {
  const key = input('key')
  const ghPolicy = githubPolicy()
  const identity = input('certificate-identity')
  const identityRe = input('certificate-identity-regexp')
  const issuer = input('certificate-oidc-issuer')
  const issuerRe = input('certificate-oidc-issuer-regexp')
  const root = input('trusted-root')
  const trustedRoot = root ? loadTrustedRootFile(workspacePath(root)) : resolveTrustedRoot()
  if (key) {
    if (identity ?? identityRe ?? issuer ?? issuerRe ?? ghPolicy)
      throw new UsageError('inputs: use either key or a certificate identity (or owner/repo)')
    const publicKey = key.includes('-----BEGIN')
      ? loadPublicKey(key, 'input key')
      : loadVerificationKey(workspacePath(key))
    return { publicKey, trustedRoot }
  }
  if (ghPolicy) return { policy: ghPolicy, trustedRoot }
  if (!(identity ?? identityRe) || !(issuer ?? issuerRe)) {
    throw new UsageError(
      'inputs: give key, or certificate-identity (or -regexp) and certificate-oidc-issuer (or -regexp), or owner / repo'
    )
  }
  const github: NonNullable<IdentityPolicy['github']> = {}
  const gh = (name: string, field: keyof typeof github): void => {
    const v = input(name)
    if (v !== undefined) github[field] = v
  }
  gh('github-repository', 'repository')
  gh('github-ref', 'ref')
  gh('github-workflow', 'workflow')
  gh('github-trigger', 'trigger')
  gh('github-runner-environment', 'runnerEnvironment')
  const policy: IdentityPolicy = {
    identity: identity !== undefined ? { exact: identity } : { regexp: identityRe },
    issuer: issuer !== undefined ? { exact: issuer } : { regexp: issuerRe },
    github
  }
  return { policy, trustedRoot }
}

function registryOptions(): RegistryClientOptions {
  const credentials = registryCredentialInputs()
  return credentials ? { env: process.env, credentials } : { env: process.env }
}

interface Row {
  subject: string
  digest?: string
  verified: boolean
  signer?: string
  issuer?: string
  predicateType?: string
  error?: string
}

function signerOf(r: VerifyResult): { signer: string; issuer?: string } {
  if (r.signer.type === 'key') return { signer: `key ${r.signer.hint}` }
  return {
    signer: r.signer.identity.subjectAlternativeName ?? '',
    issuer: r.signer.identity.issuer
  }
}

async function main(): Promise<void> {
  maskSecrets([core.getInput('registry-password')])
  const blobs = getListInput('blobs')
  const images = getListInput('images')
  if (blobs.length === 0 && images.length === 0)
    throw new UsageError('inputs: nothing to verify: give blobs and/or images')
  const options = verifyOptions()
  const type = input('predicate-type')
  const predicateType = type ? predicateTypeURI(type) : undefined
  const rows: Row[] = []

  for (const blob of blobs) {
    try {
      const isDigest = blob.startsWith('sha256:') && !fs.existsSync(workspacePath(blob))
      const data = isDigest ? undefined : readInputFile(workspacePath(blob), 'artifact')
      const digest = data ? sha256(data) : parseDigest(blob)
      const bundleInput = input('bundle')
      if (!bundleInput && isDigest)
        throw new UsageError('inputs: verifying a digest needs the bundle input')
      const bundleFile = bundleInput
        ? workspacePath(bundleInput)
        : `${workspacePath(blob)}${predicateType ? '.intoto' : ''}.sigstore.json`
      const parsed = loadSignatureFile(bundleFile, digest)
      const r = verifyBundle(parsed.bundle, data ? { data } : { digest: blob }, {
        ...options,
        predicateType,
        dsseOnly: predicateType !== undefined
      })
      rows.push({
        subject: blob,
        digest: r.digest,
        verified: true,
        ...signerOf(r),
        predicateType: r.statement?.predicateType
      })
    } catch (err) {
      if (err instanceof UsageError) throw err
      rows.push({ subject: blob, verified: false, error: describeError(err) })
    }
  }
  for (const image of images) {
    try {
      const r = await verifyImage(
        image,
        { ...options, attestation: predicateType !== undefined, predicateType },
        registryOptions()
      )
      const first = r.verified[0]
      rows.push({
        subject: r.reference,
        digest: r.digest,
        verified: true,
        ...(first ? signerOf(first.result) : {}),
        predicateType: first?.predicateType
      })
    } catch (err) {
      if (err instanceof UsageError) throw err
      rows.push({ subject: image, verified: false, error: describeError(err) })
    }
  }

  const failed = rows.filter(r => !r.verified)
  for (const f of failed)
    core.error(f.error ?? 'not verified', { title: `not verified: ${f.subject}` })
  const ok = rows.find(r => r.verified)
  setOutputs({
    verified: failed.length === 0,
    digest: ok?.digest ?? '',
    identity: ok?.signer ?? '',
    issuer: ok?.issuer ?? '',
    results: JSON.stringify(rows)
  })
  await writeSummary(
    `## Signature verification: ${failed.length === 0 ? 'verified' : `${failed.length} of ${rows.length} not verified`}\n\n` +
      markdownTable(
        ['subject', 'result', 'signer', 'digest'],
        rows.map(r => [
          r.subject,
          r.verified
            ? `verified${r.predicateType ? ` (${r.predicateType})` : ''}`
            : `not verified: ${r.error ?? ''}`,
          r.signer ?? '',
          r.digest ?? ''
        ])
      )
  )
  if (failed.length > 0) core.setFailed(`${failed.length} of ${rows.length} not verified`)
}

void runAction(main)
