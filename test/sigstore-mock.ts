/**
 * Local Sigstore services for tests: @sigstore/mock's Fulcio, Rekor (v1) and TSA handlers served by
 * a node:http server on 127.0.0.1, a GitHub-Actions-shaped OIDC token minted locally, and the
 * TrustedRoot that verifies what these services issue.
 *
 *   const sigstore = await startMockSigstore()
 *   const token = sigstore.mintToken({ repository: 'acme/app', ref: 'refs/heads/main' })
 *   ... keyless sign with { fulcioURL: sigstore.url, rekorURL: sigstore.url, tsaURL: sigstore.url,
 *       rekorEntryType: 'intoto' } and verify with trustedRoot: sigstore.trustedRootPath
 *   await sigstore.close()
 *
 * Two @sigstore/mock quirks are handled here (see ../shared/notes/sigstore.md §2):
 * - mock Rekor v1 stores a `dsse` entry verbatim, which then fails verification — sign DSSE
 *   bundles with `rekorEntryType: 'intoto'` against this mock;
 * - the mock TSA writes GeneralizedTime fractions without trailing zeros, which @sigstore/core
 *   cannot parse — every service runs on one fixed whole-second clock.
 *
 * The mock Fulcio takes the SAN from one token claim; to get GitHub's SAN
 * (`https://github.com/` + `job_workflow_ref`) the server adds that claim to the (unsigned) token
 * before handing the request to the handler.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import {
  fulcioHandler,
  initializeCA,
  initializeCTLog,
  initializeTLog,
  initializeTSA,
  rekorHandler,
  tsaHandler,
  type HandlerFn
} from '@sigstore/mock'

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'
const SAN_CLAIM = 'x_fulcio_subject'

export interface GitHubClaims {
  repository?: string
  ref?: string
  workflowPath?: string
  workflowName?: string
  eventName?: string
  sha?: string
  runnerEnvironment?: string
  issuer?: string
}

export interface MockSigstore {
  /** `http://127.0.0.1:<port>`: Fulcio, Rekor and TSA base URL. */
  url: string
  trustedRoot: Record<string, unknown>
  /** The trusted root written to a temporary file. */
  trustedRootPath: string
  /** An unsigned (`alg: none`) GitHub Actions-shaped ID token with audience `sigstore`. */
  mintToken(claims?: GitHubClaims): string
  /** The certificate identity (SAN) a token with these claims gets. */
  identityFor(claims?: GitHubClaims): string
  /** Number of requests served per path. */
  requests: Record<string, number>
  close(): Promise<void>
}

function b64url(obj: unknown): string {
  return Buffer.from(JSON.stringify(obj)).toString('base64url')
}

function githubPayload(c: GitHubClaims = {}): Record<string, unknown> {
  const repository = c.repository ?? 'acme/app'
  const ref = c.ref ?? 'refs/heads/main'
  const workflowPath = c.workflowPath ?? '.github/workflows/release.yml'
  const sha = c.sha ?? 'a'.repeat(40)
  const owner = repository.split('/')[0] ?? ''
  const now = Math.floor(Date.now() / 1000)
  return {
    iss: c.issuer ?? GITHUB_ISSUER,
    aud: 'sigstore',
    sub: `repo:${repository}:ref:${ref}`,
    iat: now,
    nbf: now,
    exp: now + 600,
    repository,
    repository_owner: owner,
    repository_id: '1',
    repository_owner_id: '2',
    repository_visibility: 'public',
    ref,
    ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    sha,
    workflow: c.workflowName ?? 'Release',
    workflow_ref: `${repository}/${workflowPath}@${ref}`,
    workflow_sha: sha,
    job_workflow_ref: `${repository}/${workflowPath}@${ref}`,
    job_workflow_sha: sha,
    event_name: c.eventName ?? 'push',
    runner_environment: c.runnerEnvironment ?? 'github-hosted',
    run_id: '42',
    run_attempt: '1'
  }
}

function sanFor(payload: Record<string, unknown>): string {
  return `https://github.com/${String(payload.job_workflow_ref)}`
}

/** Adds the SAN claim to the token inside a Fulcio signingCert request. */
function withSubjectClaim(body: string): string {
  const json = JSON.parse(body) as { credentials?: { oidcIdentityToken?: string } }
  const token = json.credentials?.oidcIdentityToken
  if (!token) return body
  const [header, payload] = token.split('.')
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >
  if (typeof claims.job_workflow_ref === 'string') claims[SAN_CLAIM] = sanFor(claims)
  json.credentials = { oidcIdentityToken: `${header ?? ''}.${b64url(claims)}.` }
  return JSON.stringify(json)
}

function pemOrDer(buf: ArrayBufferView): string {
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('base64')
}

export async function startMockSigstore(): Promise<MockSigstore> {
  const keyPair = () => crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
  // One whole-second clock for every service (TSA fraction quirk). The mocks keep a reference to
  // the Date they are given, so it is set only after every CA / TSA certificate exists (their
  // notBefore is the real time of creation): then the log and TSA times are never earlier than
  // the certificates, however slow the setup. The Fulcio clock is one second earlier, so leaf
  // certificates are already valid at those times.
  const clock = new Date(0)
  const caClock = new Date(0)
  const ctlog = await initializeCTLog(keyPair(), caClock)
  const ca = await initializeCA(keyPair(), ctlog, caClock)
  const server = http.createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  const url = `http://127.0.0.1:${port}`
  const tlog = await initializeTLog(url, keyPair(), clock)
  const tsa = await initializeTSA(keyPair(), clock)
  clock.setTime(Math.floor(Date.now() / 1000) * 1000)
  caClock.setTime(clock.getTime() - 1000)

  const fulcio = fulcioHandler(ca, { strict: true, subjectClaim: SAN_CLAIM })
  const handlers = new Map<string, HandlerFn>([
    [fulcio.path, (body: string) => fulcio.fn(withSubjectClaim(body))],
    [rekorHandler(tlog).path, rekorHandler(tlog).fn],
    [tsaHandler(tsa).path, tsaHandler(tsa).fn]
  ])
  const requests: Record<string, number> = {}
  server.on('request', (req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const p = (req.url ?? '').split('?')[0] ?? ''
      requests[p] = (requests[p] ?? 0) + 1
      const fn = req.method === 'POST' ? handlers.get(p) : undefined
      if (!fn) {
        res.writeHead(404).end('not found')
        return
      }
      const body = Buffer.concat(chunks).toString('utf8')
      fn(body).then(
        r => {
          res.writeHead(r.statusCode, { 'Content-Type': r.contentType ?? 'application/json' })
          res.end(
            typeof r.response === 'string'
              ? r.response
              : Buffer.from(r.response.buffer, r.response.byteOffset, r.response.byteLength)
          )
        },
        (err: unknown) => res.writeHead(500).end(String(err))
      )
    })
  })

  const start = new Date(clock.getTime() - 60_000).toISOString()
  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
      {
        baseUrl: url,
        hashAlgorithm: 'SHA2_256',
        publicKey: {
          rawBytes: tlog.publicKey.toString('base64'),
          keyDetails: 'PKIX_ECDSA_P256_SHA_256',
          validFor: { start }
        },
        logId: { keyId: crypto.createHash('sha256').update(tlog.publicKey).digest('base64') }
      }
    ],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: url,
        certChain: { certificates: [{ rawBytes: pemOrDer(ca.rootCertificate) }] },
        validFor: { start }
      }
    ],
    ctlogs: [
      {
        baseUrl: url,
        hashAlgorithm: 'SHA2_256',
        publicKey: {
          rawBytes: ctlog.publicKey.toString('base64'),
          keyDetails: 'PKIX_ECDSA_P256_SHA_256',
          validFor: { start }
        },
        logId: { keyId: pemOrDer(ctlog.logID) }
      }
    ],
    timestampAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore-tsa' },
        uri: url,
        certChain: {
          certificates: [
            { rawBytes: pemOrDer(tsa.intCertificate) },
            { rawBytes: pemOrDer(tsa.rootCertificate) }
          ]
        },
        validFor: { start }
      }
    ]
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigstore-mock-'))
  const trustedRootPath = path.join(dir, 'trusted_root.json')
  fs.writeFileSync(trustedRootPath, JSON.stringify(trustedRoot, null, 2))

  return {
    url,
    trustedRoot,
    trustedRootPath,
    requests,
    mintToken: claims => `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(githubPayload(claims))}.`,
    identityFor: claims => sanFor(githubPayload(claims)),
    close: async () => {
      await new Promise<void>(resolve => server.close(() => resolve()))
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
}
