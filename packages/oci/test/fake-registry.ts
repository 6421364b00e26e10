/**
 * A tiny in-memory distribution-spec registry on 127.0.0.1 for what Debian's docker-registry 2.8
 * cannot do: the OCI 1.1 referrers API and token / basic auth. Not a test file itself.
 */
import { createHash, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeRegistryOptions {
  /** `bearer`: token service at /token; `basic`: Basic auth on /v2; `none`. */
  auth?: 'bearer' | 'basic' | 'none'
  username?: string
  password?: string
  /** OAuth2 refresh token accepted by POST /token. */
  refreshToken?: string
  /** Serve the referrers API (and answer OCI-Subject). Default true. */
  referrers?: boolean
  /** Include `scope` in the challenge. Default true. */
  challengeScope?: boolean
}

export interface RecordedRequest {
  method: string
  path: string
  authorization?: string
}

export interface FakeRegistry {
  host: string
  url: string
  requests: RecordedRequest[]
  tokenRequests: Array<{
    method: string
    scopes: string[]
    service?: string
    authorization?: string
    body?: string
  }>
  /** Forgets every issued token (server-side expiry): the next request with one gets a 401. */
  revokeTokens(): void
  /** While true, every token is refused (a token service issuing unusable tokens). */
  refuseTokens: boolean
  stop(): Promise<void>
}

interface Stored {
  mediaType: string
  bytes: Buffer
}

const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

function error(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {}
): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  res.end(JSON.stringify({ errors: [{ code, message }] }))
}

export async function startFakeRegistry(options: FakeRegistryOptions = {}): Promise<FakeRegistry> {
  const auth = options.auth ?? 'none'
  const username = options.username ?? 'alice'
  const password = options.password ?? 's3cret-pass'
  const referrersApi = options.referrers ?? true
  const blobs = new Map<string, Buffer>()
  const manifests = new Map<string, Map<string, Stored>>() // repo → digest → manifest
  const tags = new Map<string, Map<string, string>>() // repo → tag → digest
  const referrers = new Map<string, Map<string, Set<string>>>() // repo → subject → manifest digests
  const tokens = new Map<string, string[]>() // token → scopes
  const uploads = new Map<string, string>() // uuid → repo
  const requests: RecordedRequest[] = []
  const tokenRequests: FakeRegistry['tokenRequests'] = []
  let base = ''
  const state = { refuseTokens: false }

  const repoMap = <T>(m: Map<string, Map<string, T>>, repo: string): Map<string, T> => {
    let v = m.get(repo)
    if (!v) m.set(repo, (v = new Map<string, T>()))
    return v
  }

  const basicOk = (header: string | undefined): boolean =>
    header === `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`

  function authorized(
    req: IncomingMessage,
    res: ServerResponse,
    repo: string | undefined,
    action: string
  ): boolean {
    if (auth === 'none') return true
    const header = req.headers.authorization
    if (auth === 'basic') {
      if (basicOk(header)) return true
      error(res, 401, 'UNAUTHORIZED', 'authentication required', {
        'WWW-Authenticate': 'Basic realm="fake"'
      })
      return false
    }
    const needed = repo ? `repository:${repo}:${action}` : undefined
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined
    const scopes = token && !state.refuseTokens ? tokens.get(token) : undefined
    if (
      scopes &&
      (!needed ||
        scopes.some(
          s => s === needed || (action === 'pull' && s === `repository:${repo}:pull,push`)
        ))
    ) {
      return true
    }
    let challenge = `Bearer realm="${base}/token",service="fake-registry"`
    if (needed && options.challengeScope !== false) challenge += `,scope="${needed}"`
    error(res, 401, 'UNAUTHORIZED', 'authentication required', { 'WWW-Authenticate': challenge })
    return false
  }

  async function handleToken(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    let scopes = url.searchParams.getAll('scope')
    let service = url.searchParams.get('service') ?? undefined
    let ok: boolean
    let body: string | undefined
    if (req.method === 'POST') {
      body = (await readBody(req)).toString()
      const form = new URLSearchParams(body)
      scopes = (form.get('scope') ?? '').split(' ').filter(Boolean)
      service = form.get('service') ?? undefined
      ok =
        form.get('grant_type') === 'refresh_token' &&
        form.get('refresh_token') === options.refreshToken
    } else {
      ok =
        basicOk(req.headers.authorization) ||
        (req.headers.authorization === undefined && scopes.every(s => s.endsWith(':pull')))
    }
    tokenRequests.push({
      method: req.method ?? 'GET',
      scopes,
      ...(service ? { service } : {}),
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      ...(body ? { body } : {})
    })
    if (!ok) return error(res, 401, 'UNAUTHORIZED', 'bad credentials')
    // anonymous tokens only carry pull scopes
    const granted =
      req.headers.authorization || req.method === 'POST'
        ? scopes
        : scopes.filter(s => s.endsWith(':pull'))
    const token = randomUUID()
    tokens.set(token, granted)
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end(
      JSON.stringify(
        req.method === 'POST'
          ? { access_token: token, expires_in: 300 }
          : { token, expires_in: 300 }
      )
    )
  }

  function sendManifest(res: ServerResponse, method: string, m: Stored, digest: string): void {
    res.writeHead(200, {
      'Content-Type': m.mediaType,
      'Content-Length': String(m.bytes.length),
      'Docker-Content-Digest': digest,
      ETag: `"${digest}"`
    })
    res.end(method === 'HEAD' ? undefined : m.bytes)
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', base)
      const method = req.method ?? 'GET'
      requests.push({
        method,
        path: url.pathname + url.search,
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {})
      })
      if (url.pathname === '/token') return handleToken(req, res, url)
      if (url.pathname === '/v2/' || url.pathname === '/v2') {
        if (!authorized(req, res, undefined, 'pull')) return
        res.writeHead(200, { 'Content-Type': 'application/json' })
        return res.end('{}')
      }
      const m = /^\/v2\/(.+?)\/(manifests|blobs\/uploads|blobs|referrers|tags)\/(.*)$/.exec(
        url.pathname
      )
      if (!m) return error(res, 404, 'NOT_FOUND', 'no route')
      const [, repo = '', kind, rest = ''] = m
      const write =
        method === 'PUT' || method === 'POST' || method === 'DELETE' || method === 'PATCH'
      if (!authorized(req, res, repo, write ? 'pull,push' : 'pull')) return
      if (kind === 'blobs/uploads') {
        if (method === 'POST' && rest === '') {
          const id = randomUUID()
          uploads.set(id, repo)
          res.writeHead(202, { Location: `/v2/${repo}/blobs/uploads/${id}`, 'Content-Length': '0' })
          return res.end()
        }
        if (method === 'PUT' && uploads.get(rest) === repo) {
          const body = await readBody(req)
          const digest = url.searchParams.get('digest')
          if (digest !== sha256(body)) return error(res, 400, 'DIGEST_INVALID', 'digest mismatch')
          uploads.delete(rest)
          blobs.set(digest, body)
          res.writeHead(201, {
            'Docker-Content-Digest': digest,
            Location: `/v2/${repo}/blobs/${digest}`
          })
          return res.end()
        }
        return error(res, 404, 'BLOB_UPLOAD_UNKNOWN', 'upload unknown')
      }
      if (kind === 'blobs') {
        const blob = blobs.get(rest)
        if (!blob) return error(res, 404, 'BLOB_UNKNOWN', 'blob unknown to registry')
        res.writeHead(200, { 'Content-Length': String(blob.length), 'Docker-Content-Digest': rest })
        return res.end(method === 'HEAD' ? undefined : blob)
      }
      if (kind === 'tags' && rest === 'list') {
        res.writeHead(200, { 'Content-Type': 'application/json' })
        return res.end(JSON.stringify({ name: repo, tags: [...repoMap(tags, repo).keys()] }))
      }
      if (kind === 'referrers') {
        if (!referrersApi) return error(res, 404, 'NOT_FOUND', 'no route')
        const filter = url.searchParams.get('artifactType')
        const list = [...(repoMap(referrers, repo).get(rest) ?? [])].map(d => {
          const stored = repoMap(manifests, repo).get(d) as Stored
          const man = JSON.parse(stored.bytes.toString()) as {
            artifactType?: string
            config?: { mediaType: string }
            annotations?: Record<string, string>
          }
          return {
            mediaType: stored.mediaType,
            digest: d,
            size: stored.bytes.length,
            artifactType: man.artifactType ?? man.config?.mediaType,
            ...(man.annotations ? { annotations: man.annotations } : {})
          }
        })
        const manifestsOut = filter ? list.filter(d => d.artifactType === filter) : list
        res.writeHead(200, {
          'Content-Type': 'application/vnd.oci.image.index.v1+json',
          ...(filter ? { 'OCI-Filters-Applied': 'artifactType' } : {})
        })
        return res.end(
          JSON.stringify({
            schemaVersion: 2,
            mediaType: 'application/vnd.oci.image.index.v1+json',
            manifests: manifestsOut
          })
        )
      }
      // manifests
      const byDigest = rest.includes(':')
      if (method === 'PUT') {
        const body = await readBody(req)
        const digest = sha256(body)
        if (byDigest && rest !== digest) return error(res, 400, 'DIGEST_INVALID', 'digest mismatch')
        const mediaType = (req.headers['content-type'] ?? '').split(';')[0] ?? ''
        repoMap(manifests, repo).set(digest, { mediaType, bytes: body })
        if (!byDigest) repoMap(tags, repo).set(rest, digest)
        const headers: Record<string, string> = {
          'Docker-Content-Digest': digest,
          Location: `/v2/${repo}/manifests/${digest}`
        }
        const subject = (JSON.parse(body.toString()) as { subject?: { digest: string } }).subject
        if (subject && referrersApi) {
          const set = repoMap(referrers, repo).get(subject.digest) ?? new Set<string>()
          set.add(digest)
          repoMap(referrers, repo).set(subject.digest, set)
          headers['OCI-Subject'] = subject.digest
        }
        res.writeHead(201, headers)
        return res.end()
      }
      const digest = byDigest ? rest : repoMap(tags, repo).get(rest)
      const stored = digest ? repoMap(manifests, repo).get(digest) : undefined
      if (!digest || !stored) return error(res, 404, 'MANIFEST_UNKNOWN', 'manifest unknown')
      return sendManifest(res, method, stored, digest)
    })().catch((err: unknown) => {
      error(res, 500, 'UNKNOWN', String(err))
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const host = `127.0.0.1:${port}`
  base = `http://${host}`
  return {
    host,
    url: base,
    requests,
    tokenRequests,
    revokeTokens: () => tokens.clear(),
    get refuseTokens() {
      return state.refuseTokens
    },
    set refuseTokens(v: boolean) {
      state.refuseTokens = v
    },
    stop: () => new Promise<void>(resolve => server.close(() => resolve()))
  }
}
