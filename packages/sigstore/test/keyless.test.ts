import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { VerificationError, exitCodeFor } from '@secure-pipeline/core'
import {
  GITHUB_ISSUER,
  startMockSigstore,
  type GitHubClaims,
  type MockSigstore
} from '../../../test/sigstore-mock.js'
import {
  buildStatement,
  loadTrustedRootFile,
  parseSignatureMaterial,
  sha256,
  signBlob,
  signDSSE,
  verifyBundle,
  type IdentityPolicy,
  type KeylessOptions,
  type SerializedBundle
} from '../src/index.js'

const data = Buffer.from('keyless artifact\n')
const digest = `sha256:${sha256(data).toString('hex')}`
const RELEASE_CLAIMS: GitHubClaims = { repository: 'acme/app', ref: 'refs/heads/main' }

let mock: MockSigstore
let keyless: (claims?: GitHubClaims, extra?: Partial<KeylessOptions>) => KeylessOptions
let root: ReturnType<typeof loadTrustedRootFile>

beforeAll(async () => {
  mock = await startMockSigstore()
  root = loadTrustedRootFile(mock.trustedRootPath)
  keyless = (claims = RELEASE_CLAIMS, extra = {}) => ({
    identityToken: mock.mintToken(claims),
    fulcioURL: mock.url,
    rekorURL: mock.url,
    tsaURL: mock.url,
    rekorEntryType: 'intoto',
    ...extra
  })
})
afterAll(async () => {
  await mock?.close()
})

function policy(extra: Partial<IdentityPolicy> = {}): IdentityPolicy {
  return {
    identity: {
      exact: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main'
    },
    issuer: { exact: GITHUB_ISSUER },
    ...extra
  }
}

function verify(
  b: unknown,
  p: IdentityPolicy,
  artifact: { data?: Buffer; digest?: string } = { data }
) {
  const { bundle } = parseSignatureMaterial(
    JSON.stringify(b),
    'bundle.json',
    sha256(artifact.data ?? data)
  )
  return verifyBundle(bundle, artifact, { policy: p, trustedRoot: root })
}

function expectRejected(run: () => unknown, message?: RegExp): void {
  let caught: unknown
  try {
    run()
  } catch (err) {
    caught = err
  }
  expect(caught).toBeInstanceOf(VerificationError)
  expect(exitCodeFor(caught)).toBe(1)
  if (message) expect((caught as Error).message).toMatch(message)
}

describe('keyless signing against the mock Fulcio/Rekor/TSA with a GitHub-shaped token', () => {
  let bundle: SerializedBundle
  let dsse: SerializedBundle
  beforeAll(async () => {
    bundle = await signBlob(data, { keyless: keyless() })
    const statement = buildStatement(
      [{ name: 'app.tgz', digest: { sha256: sha256(data).toString('hex') } }],
      'https://slsa.dev/provenance/v1',
      {
        buildDefinition: { buildType: 'https://actions.github.io/buildtypes/workflow/v1' }
      }
    )
    dsse = await signDSSE(Buffer.from(JSON.stringify(statement)), { keyless: keyless() })
  })

  test('blob bundle: v0.3, leaf certificate, Rekor entry and TSA timestamp', () => {
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json')
    expect(bundle.verificationMaterial.certificate?.rawBytes).toBeTruthy()
    expect(bundle.verificationMaterial.tlogEntries).toHaveLength(1)
    expect(bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps).toHaveLength(1)
  })

  test.each([
    ['exact identity, by file', policy(), { data }],
    ['exact identity, by digest', policy(), { digest }],
    [
      'regexp identity and issuer',
      {
        identity: { regexp: '^https://github\\.com/acme/app/' },
        issuer: { regexp: '^https://token\\.actions\\.githubusercontent\\.com$' }
      },
      { data }
    ],
    [
      'GitHub workflow extensions',
      policy({
        github: {
          repository: 'acme/app',
          ref: 'refs/heads/main',
          workflow: '.github/workflows/release.yml',
          trigger: 'push',
          runnerEnvironment: 'github-hosted',
          sha: 'a'.repeat(40)
        }
      }),
      { data }
    ],
    [
      'GitHub repository as URL, workflow by name',
      policy({ github: { repository: 'https://github.com/acme/app', workflow: 'Release' } }),
      { data }
    ]
  ])('verifies: %s', (_name, p, artifact) => {
    const r = verify(bundle, p, artifact)
    expect(r.signer.type).toBe('certificate')
    if (r.signer.type === 'certificate') {
      expect(r.signer.identity.subjectAlternativeName).toBe(mock.identityFor(RELEASE_CLAIMS))
      expect(r.signer.identity.issuer).toBe(GITHUB_ISSUER)
    }
    expect(r.tlogEntries).toBe(1)
  })

  test.each([
    [
      'wrong identity',
      policy({
        identity: {
          exact: 'https://github.com/acme/app/.github/workflows/other.yml@refs/heads/main'
        }
      }),
      /certificate identity: expected .*other\.yml.*, got .*release\.yml/
    ],
    [
      'wrong issuer',
      policy({ issuer: { exact: 'https://accounts.google.com' } }),
      /OIDC issuer: expected "https:\/\/accounts\.google\.com", got "https:\/\/token\.actions/
    ],
    [
      'regexp that does not match',
      policy({ identity: { regexp: '^https://github\\.com/evil/' } }),
      /expected a match for/
    ],
    [
      'wrong repository',
      policy({ github: { repository: 'acme/other' } }),
      /GitHub repository: expected "acme\/other", got "acme\/app"/
    ],
    [
      'wrong ref',
      policy({ github: { ref: 'refs/tags/v1' } }),
      /GitHub ref: expected "refs\/tags\/v1", got "refs\/heads\/main"/
    ],
    [
      'self-hosted runner required',
      policy({ github: { runnerEnvironment: 'self-hosted' } }),
      /runner environment/
    ],
    [
      'wrong trigger',
      policy({ github: { trigger: 'pull_request' } }),
      /trigger: expected "pull_request", got "push"/
    ]
  ])('rejects: %s', (_name, p, message) => {
    expectRejected(() => verify(bundle, p), message)
  })

  test('rejects a tampered artifact and a tampered certificate', () => {
    expectRejected(() => verify(bundle, policy(), { data: Buffer.from('other') }))
    const j = JSON.parse(JSON.stringify(bundle)) as {
      verificationMaterial: { certificate: { rawBytes: string } }
    }
    const der = Buffer.from(j.verificationMaterial.certificate.rawBytes, 'base64')
    der[der.length - 10] = (der[der.length - 10] ?? 0) ^ 0xff
    j.verificationMaterial.certificate.rawBytes = der.toString('base64')
    expectRejected(() => verify(j, policy()))
  })

  test('rejects against the public-good root (the mock CA is not trusted there)', () => {
    const { bundle: parsed } = parseSignatureMaterial(JSON.stringify(bundle), 'b')
    expectRejected(() => verifyBundle(parsed, { data }, { policy: policy() }))
  })

  test('a token from another repository or ref is rejected by the identity policy', async () => {
    const fromFork = await signBlob(data, {
      keyless: keyless({ repository: 'mallory/app', ref: 'refs/heads/main' })
    })
    expectRejected(() => verify(fromFork, policy()), /certificate identity/)
    expectRejected(
      () =>
        verify(
          fromFork,
          policy({ identity: { regexp: '.*' }, github: { repository: 'acme/app' } })
        ),
      /GitHub repository: expected "acme\/app", got "mallory\/app"/
    )
    const fromBranch = await signBlob(data, {
      keyless: keyless({ repository: 'acme/app', ref: 'refs/heads/feature' })
    })
    expectRejected(() => verify(fromBranch, policy()), /certificate identity/)
    expectRejected(
      () =>
        verify(
          fromBranch,
          policy({
            identity: { regexp: '^https://github\\.com/acme/app/' },
            github: { ref: 'refs/heads/main' }
          })
        ),
      /GitHub ref: expected "refs\/heads\/main", got "refs\/heads\/feature"/
    )
  })

  test('DSSE attestation (SLSA provenance) verifies by file and digest, with predicate filter', () => {
    const { bundle: parsed } = parseSignatureMaterial(JSON.stringify(dsse), 'b')
    const r = verifyBundle(
      parsed,
      { digest },
      { policy: policy(), trustedRoot: root, predicateType: 'https://slsa.dev/provenance/v1' }
    )
    expect(r.statement?.predicateType).toBe('https://slsa.dev/provenance/v1')
    expect(() =>
      verifyBundle(
        parsed,
        { data },
        { policy: policy(), trustedRoot: root, predicateType: 'https://spdx.dev/Document' }
      )
    ).toThrow(VerificationError)
  })

  test('TSA only (no Rekor) verifies; with neither log nor timestamp signing is refused', async () => {
    const tsaOnly = await signBlob(data, { keyless: keyless(RELEASE_CLAIMS, { rekorURL: null }) })
    expect(tsaOnly.verificationMaterial.tlogEntries ?? []).toHaveLength(0)
    expect(verify(tsaOnly, policy()).timestamps).toBe(1)
    await expect(
      signBlob(data, { keyless: keyless(RELEASE_CLAIMS, { rekorURL: null, tsaURL: undefined }) })
    ).rejects.toThrow(/transparency log .* or a timestamp authority/)
    // Strip the timestamp: no log entry and no signed timestamp -> not verified.
    const j = JSON.parse(JSON.stringify(tsaOnly)) as {
      verificationMaterial: { timestampVerificationData: unknown }
    }
    j.verificationMaterial.timestampVerificationData = { rfc3161Timestamps: [] }
    expectRejected(() => verify(j, policy()), /timestamp/i)
  })

  test("cosign's legacy blob bundle (base64Signature/cert/rekorBundle) verifies keyless", () => {
    const entry = bundle.verificationMaterial.tlogEntries[0]
    const der = Buffer.from(bundle.verificationMaterial.certificate?.rawBytes ?? '', 'base64')
    const pem = `-----BEGIN CERTIFICATE-----\n${der
      .toString('base64')
      .match(/.{1,64}/g)
      ?.join('\n')}\n-----END CERTIFICATE-----\n`
    const legacy = {
      base64Signature: bundle.messageSignature?.signature,
      cert: Buffer.from(pem).toString('base64'),
      rekorBundle: {
        SignedEntryTimestamp: entry?.inclusionPromise?.signedEntryTimestamp,
        Payload: {
          body: entry?.canonicalizedBody,
          integratedTime: Number(entry?.integratedTime),
          logIndex: Number(entry?.logIndex),
          logID: Buffer.from(entry?.logId.keyId ?? '', 'base64').toString('hex')
        }
      }
    }
    const parsed = parseSignatureMaterial(JSON.stringify(legacy), 'legacy.json', sha256(data))
    expect(parsed.format).toBe('cosign-legacy-bundle')
    expect(
      verifyBundle(parsed.bundle, { data }, { policy: policy(), trustedRoot: root }).tlogEntries
    ).toBe(1)
    expectRejected(() =>
      verifyBundle(
        parsed.bundle,
        { data: Buffer.from('x') },
        { policy: policy(), trustedRoot: root }
      )
    )
  })
})
