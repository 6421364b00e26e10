/**
 * GitHub artifact attestations (actions/attest shape: v0.3 DSSE bundle, in-toto v1 statement with
 * SLSA provenance v1, several subjects and digest algorithms) signed by the local mock services
 * with a GitHub-Actions-shaped token, verified with `gh attestation verify`-style policies.
 */
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { UsageError, VerificationError, exitCodeFor } from '@secure-pipeline/core'
import {
  GITHUB_ISSUER,
  startMockSigstore,
  type GitHubClaims,
  type MockSigstore
} from '../../../test/sigstore-mock.js'
import {
  githubAttestationPolicy,
  loadTrustedRootFile,
  parseSignatureMaterial,
  signDSSE,
  verifyBundle,
  type GitHubAttestationOptions,
  type IdentityPolicy,
  type SerializedBundle
} from '../src/index.js'

const artifact = Buffer.from('dist/app-linux-amd64\n')
const sibling = Buffer.from('dist/app-darwin-arm64\n')
const hex = (alg: string, d: Buffer): string => crypto.createHash(alg).update(d).digest('hex')

let mock: MockSigstore
let root: ReturnType<typeof loadTrustedRootFile>
let attestation: SerializedBundle
let selfHosted: SerializedBundle

async function attest(claims: GitHubClaims): Promise<SerializedBundle> {
  const statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [
      { name: 'app-darwin-arm64', digest: { sha256: hex('sha256', sibling) } },
      {
        name: 'app-linux-amd64',
        digest: { sha256: hex('sha256', artifact), sha512: hex('sha512', artifact) }
      }
    ],
    predicateType: 'https://slsa.dev/provenance/v1',
    predicate: {
      buildDefinition: {
        buildType: 'https://actions.github.io/buildtypes/workflow/v1',
        externalParameters: {
          workflow: { ref: claims.ref, repository: 'https://github.com/acme/app' }
        }
      },
      runDetails: {
        builder: { id: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main' }
      }
    }
  }
  return signDSSE(Buffer.from(JSON.stringify(statement)), {
    keyless: {
      identityToken: mock.mintToken(claims),
      fulcioURL: mock.url,
      rekorURL: mock.url,
      tsaURL: mock.url,
      rekorEntryType: 'intoto'
    }
  })
}

beforeAll(async () => {
  mock = await startMockSigstore()
  root = loadTrustedRootFile(mock.trustedRootPath)
  attestation = await attest({ repository: 'acme/app', ref: 'refs/heads/main' })
  selfHosted = await attest({
    repository: 'acme/app',
    ref: 'refs/heads/main',
    runnerEnvironment: 'self-hosted'
  })
})
afterAll(async () => {
  await mock?.close()
})

function verify(
  b: SerializedBundle,
  policy: IdentityPolicy,
  target: { data?: Buffer; digest?: string } = { data: artifact },
  predicateType?: string
) {
  const { bundle } = parseSignatureMaterial(JSON.stringify(b), 'attestation.jsonl')
  return verifyBundle(bundle, target, { policy, trustedRoot: root, predicateType, dsseOnly: true })
}

const gh = (o: GitHubAttestationOptions): IdentityPolicy => githubAttestationPolicy(o)

describe('GitHub artifact attestation bundles', () => {
  test('shape: v0.3, DSSE, certificate with the GitHub Fulcio extensions', () => {
    expect(attestation.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json')
    expect(attestation.dsseEnvelope?.payloadType).toBe('application/vnd.in-toto+json')
  })

  test.each<[string, GitHubAttestationOptions, { data?: Buffer; digest?: string } | null]>([
    ['--owner', { owner: 'acme' }, null],
    ['--owner, case-insensitive', { owner: 'ACME' }, null],
    ['--repo', { repo: 'acme/app' }, null],
    ['--repo with --signer-repo', { repo: 'acme/app', signerRepo: 'acme/app' }, null],
    [
      '--signer-workflow',
      { owner: 'acme', signerWorkflow: 'acme/app/.github/workflows/release.yml' },
      null
    ],
    [
      '--signer-workflow with host and ref',
      {
        owner: 'acme',
        signerWorkflow: 'github.com/acme/app/.github/workflows/release.yml@refs/heads/main'
      },
      null
    ],
    [
      '--source-ref and --source-digest',
      { repo: 'acme/app', sourceRef: 'refs/heads/main', sourceDigest: 'a'.repeat(40) },
      null
    ],
    ['--deny-self-hosted-runners', { owner: 'acme', denySelfHostedRunners: true }, null],
    [
      '--cert-identity',
      {
        owner: 'acme',
        certIdentity: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main'
      },
      null
    ],
    [
      'other subject, by sha256 digest',
      { owner: 'acme' },
      { digest: `sha256:${hex('sha256', sibling)}` }
    ],
    ['by sha512 digest', { owner: 'acme' }, { digest: `sha512:${hex('sha512', artifact)}` }]
  ])('verifies: %s', (_name, options, target) => {
    const r = verify(attestation, gh(options), target ?? { data: artifact })
    expect(r.statement?.predicateType).toBe('https://slsa.dev/provenance/v1')
    expect(r.signer.type).toBe('certificate')
  })

  test.each<[string, GitHubAttestationOptions, RegExp]>([
    [
      'another owner',
      { owner: 'mallory' },
      /^certificate identity: expected a match for \/\(\?i\)\^https:\/\/github\\\.com\/mallory\/\/, got "https:\/\/github\.com\/acme\/app\/.*"$/
    ],
    [
      'another repository',
      { repo: 'acme/other' },
      /^certificate identity: expected a match for .*acme\/other/
    ],
    [
      'another repository, signer repo allowed',
      { repo: 'acme/other', signerRepo: 'acme/app' },
      /^GitHub repository: expected "acme\/other", got "acme\/app"$/
    ],
    [
      'another signer repository',
      { owner: 'acme', signerRepo: 'acme/tools' },
      /^certificate identity: expected a match for .*acme\/tools/
    ],
    [
      'another signer workflow',
      { owner: 'acme', signerWorkflow: 'acme/app/.github/workflows/ci.yml' },
      /^signer workflow: expected "acme\/app\/\.github\/workflows\/ci\.yml", got "acme\/app\/\.github\/workflows\/release\.yml"$/
    ],
    [
      'signer workflow at another ref',
      { owner: 'acme', signerWorkflow: 'acme/app/.github/workflows/release.yml@refs/tags/v1' },
      /^signer workflow: expected .*@refs\/tags\/v1", got .*@refs\/heads\/main"$/
    ],
    [
      'another source ref',
      { repo: 'acme/app', sourceRef: 'refs/tags/v1' },
      /^GitHub ref: expected "refs\/tags\/v1", got "refs\/heads\/main"$/
    ],
    [
      'another issuer',
      { owner: 'acme', certOidcIssuer: 'https://token.actions.example.com' },
      /^certificate OIDC issuer: expected "https:\/\/token\.actions\.example\.com", got "https:\/\/token\.actions\.githubusercontent\.com"$/
    ]
  ])('rejects: %s', (_name, options, message) => {
    let err: unknown
    try {
      verify(attestation, gh(options))
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(VerificationError)
    expect(exitCodeFor(err)).toBe(1)
    expect((err as Error).message).toMatch(message)
  })

  test('self-hosted runner refused with --deny-self-hosted-runners only', () => {
    expect(verify(selfHosted, gh({ owner: 'acme' })).signer.type).toBe('certificate')
    expect(() => verify(selfHosted, gh({ owner: 'acme', denySelfHostedRunners: true }))).toThrow(
      /^GitHub runner environment: expected "github-hosted", got "self-hosted"$/
    )
  })

  test('wrong artifact and predicate type', () => {
    expect(() => verify(attestation, gh({ owner: 'acme' }), { data: Buffer.from('x') })).toThrow(
      /^statement subject: expected sha256:[0-9a-f]{64}, got sha256:[0-9a-f]{64}, sha256:[0-9a-f]{64}, sha512:[0-9a-f]{128}$/
    )
    expect(() =>
      verify(attestation, gh({ owner: 'acme' }), { data: artifact }, 'https://spdx.dev/Document')
    ).toThrow(
      /^predicate type: expected https:\/\/spdx\.dev\/Document, got "https:\/\/slsa\.dev\/provenance\/v1"$/
    )
  })

  test('policy flags are checked', () => {
    expect(() => gh({})).toThrow(UsageError)
    expect(() => gh({ repo: 'acme' })).toThrow(/--repo must be OWNER\/REPO/)
    expect(() => gh({ owner: 'acme', repo: 'other/app' })).toThrow(/not in --owner/)
    expect(gh({ owner: 'acme' }).issuer).toEqual({ exact: GITHUB_ISSUER })
  })

  test("Go regexp flags in cosign's --certificate-identity-regexp: (?i), \\A, \\z", () => {
    const policy: IdentityPolicy = {
      identity: { regexp: '(?i)\\AHTTPS://GITHUB\\.COM/ACME/APP/.*@refs/heads/main\\z' },
      issuer: { exact: GITHUB_ISSUER }
    }
    expect(verify(attestation, policy).signer.type).toBe('certificate')
    expect(() =>
      verify(attestation, { ...policy, identity: { regexp: '\\AHTTPS://GITHUB\\.COM/ACME/' } })
    ).toThrow(VerificationError)
  })
})
