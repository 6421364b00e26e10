import {
  credentialsFromDockerConfig,
  describeCredentials,
  type CredentialLookupOptions,
  type Credentials
} from './credentials.js'
import { parseWwwAuthenticate, type Challenge } from './auth.js'
import {
  DigestMismatchError,
  InputError,
  RegistryError,
  type RegistryErrorDetail
} from './errors.js'
import {
  isPlainHttpRegistry,
  isValidDigest,
  parseReference,
  registryApiHost,
  type ImageReference
} from './reference.js'
import {
  MANIFEST_ACCEPT,
  MediaType,
  digestWithAlgorithm,
  isIndex,
  manifestBytes,
  manifestMediaType,
  sha256Digest,
  type Descriptor,
  type ImageIndex,
  type Manifest
} from './types.js'

export interface RegistryClientOptions {
  /** Explicit credentials; when absent they are looked up in the docker config on the first 401. */
  credentials?: Credentials
  /** Docker config lookup: a path, or `false` to never read it. Default: the standard location. */
  dockerConfig?: string | false
  /** Environment for HOME / DOCKER_CONFIG / PATH (credential helpers). Default `process.env`. */
  env?: Record<string, string | undefined>
  /** Registries (host or host:port) reached over plain HTTP besides localhost / 127.0.0.1. */
  insecureRegistries?: readonly string[]
  /** Replaces global fetch (tests, proxies). */
  fetch?: typeof fetch
  userAgent?: string
  /** Per-request timeout; default 60 s. */
  timeoutMs?: number
  /** Largest manifest accepted (default 4 MiB, as distribution). */
  maxManifestBytes?: number
}

export interface FetchedManifest {
  /** mediaType (from Content-Type or the body), digest (computed from the body), size. */
  descriptor: Descriptor
  bytes: Buffer
  manifest: Manifest
  etag?: string
}

export interface PutManifestResult {
  descriptor: Descriptor
  /** For a manifest with `subject`: how the referrer is discoverable. */
  referrers?: 'api' | 'tag-schema'
}

export interface ReferrersResult {
  /** `api`: the registry answered the referrers API; `tag-schema`: the `sha256-<hex>` index tag. */
  via: 'api' | 'tag-schema'
  manifests: Descriptor[]
}

type Action = 'pull' | 'pull,push'

interface RequestOptions {
  repo?: string
  action?: Action
  headers?: Record<string, string>
  body?: Buffer
  /** Statuses that are not errors. */
  ok: number[]
  /** Describes the operation in error messages. */
  what?: string
}

interface CachedToken {
  token: string
  expires: number
}

const USER_AGENT = 'secure-pipeline-oci/0.1'
const MAX_REDIRECTS = 10

function encodeRepo(repo: string): string {
  return repo
    .split('/')
    .map(c => encodeURIComponent(c))
    .join('/')
}

/** The `sha256-<hex>` tag of the OCI 1.1 referrers tag schema (also the base of cosign's tags). */
export function referrersTag(digest: string): string {
  return digest.replace(':', '-').slice(0, 128)
}

/**
 * A client for one registry (distribution-spec v1.1). Methods take the repository name, e.g.
 * `client.getManifest('library/alpine', '3.20')`. Plain HTTP for localhost/127.0.0.1 and
 * `insecureRegistries`; HTTPS otherwise. Auth: Bearer token dance (anonymous, Basic credentials,
 * or an OAuth2 refresh token) and Basic auth, driven by `WWW-Authenticate`.
 */
export class RegistryClient {
  readonly registry: string
  readonly baseUrl: string
  private readonly options: RegistryClientOptions
  private readonly doFetch: typeof fetch
  private credentials: Credentials | undefined
  private credentialsLoaded: boolean
  private basicHeader: string | undefined
  private readonly tokens = new Map<string, CachedToken>()
  private readonly referrersApi = new Map<string, boolean>()

  constructor(registry: string, options: RegistryClientOptions = {}) {
    this.registry = registry
    this.options = options
    const host = registryApiHost(registry)
    const scheme = isPlainHttpRegistry(registry, options.insecureRegistries) ? 'http' : 'https'
    let origin = `${scheme}://${host}`
    try {
      origin = new URL(origin).origin // lower-cased host, default port dropped, IPv6 canonical
    } catch (err) {
      throw new InputError('OCI_BAD_REFERENCE', `invalid registry "${registry}"`, { cause: err })
    }
    this.baseUrl = origin
    this.doFetch = options.fetch ?? fetch
    this.credentials = options.credentials
    this.credentialsLoaded = options.credentials !== undefined || options.dockerConfig === false
  }

  /** A client for the registry of `ref` (a string is parsed first). */
  static for(ref: ImageReference | string, options: RegistryClientOptions = {}): RegistryClient {
    const parsed = typeof ref === 'string' ? parseReference(ref) : ref
    return new RegistryClient(parsed.registry, options)
  }

  // ---------------------------------------------------------------- auth

  private async loadCredentials(): Promise<Credentials | undefined> {
    if (!this.credentialsLoaded) {
      this.credentialsLoaded = true
      const lookup: CredentialLookupOptions = { env: this.options.env ?? process.env }
      if (typeof this.options.dockerConfig === 'string')
        lookup.configPath = this.options.dockerConfig
      this.credentials = await credentialsFromDockerConfig(this.registry, lookup)
    }
    return this.credentials
  }

  private tokenKey(repo: string | undefined, action: Action): string {
    return repo === undefined ? '' : `${repo}|${action}`
  }

  private cachedAuthorization(repo: string | undefined, action: Action): string | undefined {
    if (this.credentials && 'registryToken' in this.credentials) {
      return `Bearer ${this.credentials.registryToken}`
    }
    if (this.basicHeader) return this.basicHeader
    const now = Date.now()
    const keys = [this.tokenKey(repo, action)]
    if (action === 'pull') keys.push(this.tokenKey(repo, 'pull,push'))
    for (const key of keys) {
      const t = this.tokens.get(key)
      if (t && t.expires > now) return `Bearer ${t.token}`
    }
    return undefined
  }

  /** Answers a 401 challenge; returns false when there is nothing more to try. */
  private async authenticate(
    challengeHeader: string | null,
    repo: string | undefined,
    action: Action
  ): Promise<boolean> {
    const challenges = parseWwwAuthenticate(challengeHeader ?? '')
    const bearer = challenges.find(c => c.scheme === 'bearer')
    const credentials = await this.loadCredentials()
    if (bearer) {
      const token = await this.fetchToken(bearer, repo, action, credentials)
      this.tokens.set(this.tokenKey(repo, action), token)
      return true
    }
    if (challenges.some(c => c.scheme === 'basic')) {
      if (!credentials || !('username' in credentials)) return false
      const header = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
      if (this.basicHeader === header) return false
      this.basicHeader = header
      return true
    }
    return false
  }

  private async fetchToken(
    challenge: Challenge,
    repo: string | undefined,
    action: Action,
    credentials: Credentials | undefined
  ): Promise<CachedToken> {
    const realm = challenge.params.realm
    if (!realm) {
      throw new RegistryError(`registry ${this.registry}: bearer challenge without a realm`, {
        status: 401
      })
    }
    let realmUrl: URL
    try {
      realmUrl = new URL(realm)
    } catch (err) {
      throw new RegistryError(`registry ${this.registry}: invalid token realm "${realm}"`, {
        status: 401,
        cause: err
      })
    }
    if (realmUrl.protocol !== 'https:' && realmUrl.protocol !== 'http:') {
      throw new RegistryError(
        `registry ${this.registry}: token realm "${realm}" is not an HTTP(S) URL`,
        { status: 401 }
      )
    }
    if (
      realmUrl.protocol === 'http:' &&
      this.baseUrl.startsWith('https:') &&
      !isPlainHttpRegistry(realmUrl.host, this.options.insecureRegistries)
    ) {
      // A registry reached over HTTPS must not send our credentials (or its token) over plain HTTP.
      throw new RegistryError(
        `registry ${this.registry}: refusing the plain-HTTP token realm ${realmUrl.origin} of an HTTPS registry`,
        { status: 401, registryCode: 'UNAUTHORIZED' }
      )
    }
    const scopes: string[] = []
    if (repo !== undefined) scopes.push(`repository:${repo}:${action}`)
    for (const s of (challenge.params.scope ?? '').split(' ')) {
      if (s && !scopes.includes(s)) scopes.push(s)
    }
    const service = challenge.params.service
    let response: Response
    try {
      if (credentials && 'identityToken' in credentials) {
        const form = new URLSearchParams()
        form.set('grant_type', 'refresh_token')
        form.set('refresh_token', credentials.identityToken)
        form.set('client_id', 'secure-pipeline')
        if (service) form.set('service', service)
        if (scopes.length) form.set('scope', scopes.join(' '))
        response = await this.doFetch(realmUrl, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            'User-Agent': this.options.userAgent ?? USER_AGENT
          },
          body: form.toString(),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 60000)
        })
      } else {
        if (service) realmUrl.searchParams.set('service', service)
        for (const s of scopes) realmUrl.searchParams.append('scope', s)
        const headers: Record<string, string> = {
          'User-Agent': this.options.userAgent ?? USER_AGENT
        }
        if (credentials && 'username' in credentials) {
          headers.Authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
        }
        response = await this.doFetch(realmUrl, {
          headers,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 60000)
        })
      }
    } catch (err) {
      throw new RegistryError(
        `registry ${this.registry}: token service ${realmUrl.origin} unreachable: ${(err as Error).message}`,
        { cause: err }
      )
    }
    if (!response.ok) {
      const detail = await readErrorBody(response)
      throw new RegistryError(
        `registry ${this.registry}: token request for ${scopes.join(' ') || 'registry'} failed (${describeCredentials(credentials)}): ${response.status}${detail.suffix}`,
        {
          status: response.status,
          registryCode: detail.code ?? 'UNAUTHORIZED',
          errors: detail.errors
        }
      )
    }
    const body = (await readJson(response, 1 << 20, 'token response').catch(() => ({}))) as {
      token?: unknown
      access_token?: unknown
      expires_in?: unknown
    }
    const token =
      typeof body.token === 'string' && body.token
        ? body.token
        : typeof body.access_token === 'string'
          ? body.access_token
          : ''
    if (!token) {
      throw new RegistryError(`registry ${this.registry}: token service returned no token`, {
        status: response.status,
        registryCode: 'UNAUTHORIZED'
      })
    }
    const expiresIn =
      typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60
    // Refresh a little early.
    return { token, expires: Date.now() + Math.max(1, expiresIn - 10) * 1000 }
  }

  // ---------------------------------------------------------------- transport

  private async request(
    method: string,
    pathOrUrl: string,
    opts: RequestOptions
  ): Promise<Response> {
    const url =
      pathOrUrl.startsWith('http://') || pathOrUrl.startsWith('https://')
        ? new URL(pathOrUrl)
        : new URL(pathOrUrl, this.baseUrl)
    const sameOrigin = url.origin === new URL(this.baseUrl).origin
    const action = opts.action ?? 'pull'
    const what = opts.what ?? `${method} ${url.pathname}`
    let retried = false
    for (;;) {
      const headers: Record<string, string> = {
        'User-Agent': this.options.userAgent ?? USER_AGENT,
        ...opts.headers
      }
      const authorization = sameOrigin ? this.cachedAuthorization(opts.repo, action) : undefined
      if (authorization) headers.Authorization = authorization
      const { response, origin } = await this.fetchFollowing(method, url, headers, opts.body, what)
      if (response.status === 401 && !retried && sameOrigin && origin === url.origin) {
        retried = true
        const challenge = response.headers.get('www-authenticate')
        await response.body?.cancel()
        if (this.credentials && 'registryToken' in this.credentials) {
          throw new RegistryError(
            `registry ${this.registry}: ${what}: 401 UNAUTHORIZED: the registry token was refused`,
            { status: 401, registryCode: 'UNAUTHORIZED' }
          )
        }
        if (await this.authenticate(challenge, opts.repo, action)) continue
        throw new RegistryError(
          `registry ${this.registry}: ${what}: 401 UNAUTHORIZED: authentication required (${describeCredentials(this.credentials)})`,
          { status: 401, registryCode: 'UNAUTHORIZED' }
        )
      }
      if (opts.ok.includes(response.status)) return response
      const detail = await readErrorBody(response)
      throw new RegistryError(
        `registry ${this.registry}: ${what}: ${response.status}${detail.suffix}`,
        { status: response.status, registryCode: detail.code, errors: detail.errors }
      )
    }
  }

  /**
   * One request, following redirects itself (at most MAX_REDIRECTS): the Authorization header is
   * only ever sent to the origin it was meant for (a blob redirected to a CDN or storage bucket on
   * another host never sees the registry token), and an HTTPS → HTTP downgrade is refused.
   * `origin` is where the final response came from.
   */
  private async fetchFollowing(
    method: string,
    start: URL,
    headers: Record<string, string>,
    body: Buffer | undefined,
    what: string
  ): Promise<{ response: Response; origin: string }> {
    let url = start
    let currentMethod = method
    let currentBody = body
    let currentHeaders = headers
    for (let hop = 0; ; hop++) {
      let response: Response
      try {
        response = await this.doFetch(url, {
          method: currentMethod,
          headers: currentHeaders,
          body: currentBody,
          redirect: 'manual',
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 60000)
        })
      } catch (err) {
        throw new RegistryError(
          `registry ${this.registry}: ${what}: ${(err as Error).message}${causeText(err)}`,
          { cause: err }
        )
      }
      const location = response.headers.get('location')
      if (![301, 302, 303, 307, 308].includes(response.status) || !location) {
        return { response, origin: url.origin }
      }
      await response.body?.cancel()
      if (hop >= MAX_REDIRECTS) {
        throw new RegistryError(
          `registry ${this.registry}: ${what}: more than ${MAX_REDIRECTS} redirects`,
          { status: response.status }
        )
      }
      let next: URL
      try {
        next = new URL(location, url)
      } catch (err) {
        throw new RegistryError(
          `registry ${this.registry}: ${what}: invalid redirect Location "${location}"`,
          { status: response.status, cause: err }
        )
      }
      if (next.protocol !== 'https:' && next.protocol !== 'http:') {
        throw new RegistryError(
          `registry ${this.registry}: ${what}: redirect to unsupported scheme ${next.protocol}`,
          { status: response.status }
        )
      }
      if (url.protocol === 'https:' && next.protocol === 'http:') {
        throw new RegistryError(
          `registry ${this.registry}: ${what}: refusing a redirect from HTTPS to plain HTTP (${next.origin})`,
          { status: response.status }
        )
      }
      if (next.origin !== url.origin) {
        // Credentials are for the registry only, never for the host it redirects to.
        const { Authorization: _dropped, ...rest } = currentHeaders
        void _dropped
        currentHeaders = rest
      }
      if (
        response.status === 303 ||
        ((response.status === 301 || response.status === 302) && currentMethod === 'POST')
      ) {
        currentMethod = currentMethod === 'HEAD' ? 'HEAD' : 'GET'
        currentBody = undefined
      }
      url = next
    }
  }

  /**
   * A tag or digest taken from a registry's own answers (referrers lists, indexes) goes into a URL
   * path: only well-formed tags and sha256/sha384/sha512 digests are let through.
   */
  private checkReference(reference: string, what: string, digestOnly = false): void {
    const ok = reference.includes(':')
      ? isValidDigest(reference) && /^sha(256|384|512):/.test(reference)
      : !digestOnly && /^[\w][\w.-]{0,127}$/.test(reference)
    if (!ok) {
      throw new RegistryError(
        `registry ${this.registry}: ${what}: invalid ${digestOnly ? 'digest' : 'tag or digest'} "${reference.slice(0, 100)}"`,
        { status: 400, registryCode: 'DIGEST_INVALID' }
      )
    }
  }

  /** `GET /v2/`: reachability and auth check. */
  async ping(): Promise<void> {
    const r = await this.request('GET', '/v2/', { ok: [200], what: 'GET /v2/' })
    await r.body?.cancel()
  }

  // ---------------------------------------------------------------- manifests

  /** GET a manifest by tag or digest; the digest is computed from the body and cross-checked. */
  async getManifest(
    repo: string,
    reference: string,
    options: { accept?: readonly string[] } = {}
  ): Promise<FetchedManifest> {
    const what = `GET manifest ${repo}:${reference}`
    this.checkReference(reference, what)
    const r = await this.request('GET', `/v2/${encodeRepo(repo)}/manifests/${reference}`, {
      repo,
      ok: [200],
      what,
      headers: { Accept: (options.accept ?? MANIFEST_ACCEPT).join(', ') }
    })
    const bytes = await readLimited(r, this.options.maxManifestBytes ?? 4 << 20, what)
    const digest = checkContentDigest(
      bytes,
      reference,
      r.headers.get('docker-content-digest'),
      what
    )
    let parsed: unknown
    try {
      parsed = JSON.parse(bytes.toString('utf8'))
    } catch (err) {
      throw new RegistryError(`registry ${this.registry}: ${what}: body is not JSON`, {
        status: r.status,
        registryCode: 'MANIFEST_INVALID',
        cause: err
      })
    }
    const manifest = checkManifestShape(parsed, what, this.registry)
    const contentType = (r.headers.get('content-type') ?? '').split(';')[0]?.trim()
    const mediaType =
      manifest.mediaType ??
      (contentType && contentType !== 'application/json'
        ? contentType
        : manifestMediaType(manifest))
    const result: FetchedManifest = {
      descriptor: { mediaType, digest, size: bytes.byteLength },
      bytes,
      manifest
    }
    const etag = r.headers.get('etag')
    if (etag) result.etag = etag
    return result
  }

  /** HEAD a manifest; `undefined` when it does not exist. */
  async headManifest(
    repo: string,
    reference: string,
    options: { accept?: readonly string[] } = {}
  ): Promise<Descriptor | undefined> {
    this.checkReference(reference, `HEAD manifest ${repo}:${reference}`)
    const r = await this.request('HEAD', `/v2/${encodeRepo(repo)}/manifests/${reference}`, {
      repo,
      // Registries without HEAD support answer 400/405/501: GET instead.
      ok: [200, 404, 400, 405, 501],
      what: `HEAD manifest ${repo}:${reference}`,
      headers: { Accept: (options.accept ?? MANIFEST_ACCEPT).join(', ') }
    })
    await r.body?.cancel()
    if (r.status === 404) return undefined
    if (r.status !== 200) return (await this.getManifest(repo, reference, options)).descriptor
    const digest = r.headers.get('docker-content-digest')
    const size = Number(r.headers.get('content-length') ?? NaN)
    const mediaType = (r.headers.get('content-type') ?? '').split(';')[0]?.trim()
    if (
      !digest ||
      !isValidDigest(digest) ||
      !Number.isFinite(size) ||
      size <= 0 ||
      !mediaType ||
      mediaType === 'application/json'
    ) {
      // Not enough in the headers: fall back to GET (and compute the digest ourselves).
      return (await this.getManifest(repo, reference, options)).descriptor
    }
    if (reference.includes(':') && digest !== reference) {
      throw new DigestMismatchError(
        `registry ${this.registry}: HEAD manifest ${repo}@${reference} answered digest ${digest}`
      )
    }
    return { mediaType, digest, size }
  }

  /**
   * Resolves a tag (or digest) to the manifest descriptor; throws RegistryError 404 when unknown.
   * Uses HEAD (no pull-rate cost on Docker Hub) with a GET fallback.
   */
  async resolve(repo: string, reference: string): Promise<Descriptor> {
    const d = await this.headManifest(repo, reference)
    if (!d) {
      throw new RegistryError(
        `registry ${this.registry}: manifest ${repo}${reference.includes(':') ? '@' : ':'}${reference} not found: 404 MANIFEST_UNKNOWN`,
        { status: 404, registryCode: 'MANIFEST_UNKNOWN' }
      )
    }
    return d
  }

  /**
   * PUT a manifest by tag or digest (`reference`; default: its own digest). A manifest object is
   * serialized compactly; raw bytes are pushed unchanged. When the manifest has a `subject` and the
   * registry does not answer `OCI-Subject`, the `sha256-<hex>` referrers index tag is updated.
   */
  async putManifest(
    repo: string,
    manifest: Manifest | Uint8Array,
    options: { reference?: string; mediaType?: string; updateReferrersTag?: boolean } = {}
  ): Promise<PutManifestResult> {
    const bytes = manifest instanceof Uint8Array ? Buffer.from(manifest) : manifestBytes(manifest)
    let parsed: Manifest
    try {
      parsed =
        manifest instanceof Uint8Array ? (JSON.parse(bytes.toString('utf8')) as Manifest) : manifest
    } catch (err) {
      throw new InputError('OCI_BAD_MANIFEST', `manifest for ${repo} is not JSON`, { cause: err })
    }
    const mediaType = options.mediaType ?? manifestMediaType(parsed)
    const digest = sha256Digest(bytes)
    const reference = options.reference ?? digest
    const what = `PUT manifest ${repo}${reference.includes(':') ? '@' : ':'}${reference}`
    const r = await this.request('PUT', `/v2/${encodeRepo(repo)}/manifests/${reference}`, {
      repo,
      action: 'pull,push',
      ok: [200, 201, 202],
      what,
      headers: { 'Content-Type': mediaType },
      body: bytes
    })
    await r.body?.cancel()
    const answered = r.headers.get('docker-content-digest')
    if (answered && answered.startsWith('sha256:') && answered !== digest) {
      throw new DigestMismatchError(
        `registry ${this.registry}: ${what}: registry stored digest ${answered}, expected ${digest}`
      )
    }
    const descriptor: Descriptor = { mediaType, digest, size: bytes.byteLength }
    const result: PutManifestResult = { descriptor }
    if (parsed.subject) {
      if (r.headers.get('oci-subject')) {
        result.referrers = 'api'
      } else if (options.updateReferrersTag !== false) {
        await this.addToReferrersTag(
          repo,
          parsed.subject.digest,
          referrerDescriptor(parsed, descriptor)
        )
        result.referrers = 'tag-schema'
      }
    }
    return result
  }

  /** DELETE a manifest by digest (the registry must allow deletes). */
  async deleteManifest(repo: string, digest: string): Promise<void> {
    const r = await this.request('DELETE', `/v2/${encodeRepo(repo)}/manifests/${digest}`, {
      repo,
      action: 'pull,push',
      ok: [200, 202],
      what: `DELETE manifest ${repo}@${digest}`
    })
    await r.body?.cancel()
  }

  // ---------------------------------------------------------------- blobs

  /** HEAD a blob: its size, or `undefined` when absent. */
  async headBlob(repo: string, digest: string): Promise<number | undefined> {
    const r = await this.request('HEAD', `/v2/${encodeRepo(repo)}/blobs/${digest}`, {
      repo,
      ok: [200, 404],
      what: `HEAD blob ${repo}@${digest}`
    })
    await r.body?.cancel()
    if (r.status === 404) return undefined
    const size = Number(r.headers.get('content-length') ?? NaN)
    return Number.isFinite(size) ? size : -1
  }

  /** GET a blob, verifying its digest. `maxBytes` (default 64 MiB) bounds memory use. */
  async getBlob(
    repo: string,
    digest: string,
    options: { maxBytes?: number } = {}
  ): Promise<Buffer> {
    const what = `GET blob ${repo}@${digest}`
    this.checkReference(digest, what, true)
    const r = await this.request('GET', `/v2/${encodeRepo(repo)}/blobs/${digest}`, {
      repo,
      ok: [200],
      what
    })
    const bytes = await readLimited(r, options.maxBytes ?? 64 << 20, what)
    checkContentDigest(bytes, digest, null, what)
    return bytes
  }

  /**
   * Uploads a blob monolithically (POST then PUT `?digest=`), skipping the upload when the registry
   * already has it. Returns its descriptor (`mediaType` defaults to octet-stream).
   */
  async pushBlob(
    repo: string,
    data: Uint8Array,
    options: { mediaType?: string } = {}
  ): Promise<Descriptor> {
    const bytes = Buffer.from(data)
    const digest = sha256Digest(bytes)
    const descriptor: Descriptor = {
      mediaType: options.mediaType ?? 'application/octet-stream',
      digest,
      size: bytes.byteLength
    }
    if ((await this.headBlob(repo, digest)) !== undefined) return descriptor
    const what = `upload blob ${repo}@${digest}`
    const start = await this.request('POST', `/v2/${encodeRepo(repo)}/blobs/uploads/`, {
      repo,
      action: 'pull,push',
      ok: [201, 202],
      what
    })
    await start.body?.cancel()
    if (start.status === 201) return descriptor
    const location = start.headers.get('location')
    if (!location) {
      throw new RegistryError(
        `registry ${this.registry}: ${what}: no Location in upload response`,
        {
          status: start.status
        }
      )
    }
    const uploadUrl = new URL(location, this.baseUrl)
    uploadUrl.searchParams.set('digest', digest)
    const put = await this.request('PUT', uploadUrl.toString(), {
      repo,
      action: 'pull,push',
      ok: [201, 204],
      what,
      headers: { 'Content-Type': 'application/octet-stream' },
      body: bytes
    })
    await put.body?.cancel()
    const answered = put.headers.get('docker-content-digest')
    if (answered && answered !== digest) {
      throw new DigestMismatchError(
        `registry ${this.registry}: ${what}: registry stored digest ${answered}, expected ${digest}`
      )
    }
    return descriptor
  }

  // ---------------------------------------------------------------- tags

  /** All tags of `repo` (follows `Link: <…>; rel="next"` pagination; `pageSize` default 1000). */
  async listTags(repo: string, options: { pageSize?: number } = {}): Promise<string[]> {
    const tags: string[] = []
    const seen = new Set<string>()
    let next: string | undefined = `/v2/${encodeRepo(repo)}/tags/list?n=${options.pageSize ?? 1000}`
    for (let page = 0; next && page < 1000 && !seen.has(next); page++) {
      seen.add(next)
      const r: Response = await this.request('GET', next, {
        repo,
        ok: [200],
        what: `list tags of ${repo}`
      })
      const body = (await readJson(r, 16 << 20, `list tags of ${repo}`).catch(() => ({}))) as {
        tags?: unknown
      }
      if (Array.isArray(body.tags)) {
        for (const t of body.tags) if (typeof t === 'string') tags.push(t)
      }
      next = nextLink(r.headers.get('link'))
    }
    return tags
  }

  // ---------------------------------------------------------------- referrers

  /**
   * Lists the referrers of `digest`: the OCI 1.1 referrers API when the registry has it, else the
   * `sha256-<hex>` referrers tag schema. Filters by `artifactType` (server- or client-side).
   */
  async referrers(
    repo: string,
    digest: string,
    options: { artifactType?: string } = {}
  ): Promise<ReferrersResult> {
    const filter = (list: Descriptor[]): Descriptor[] =>
      options.artifactType ? list.filter(d => d.artifactType === options.artifactType) : list
    if (this.referrersApi.get(repo) !== false) {
      const viaApi = await this.referrersFromApi(repo, digest, options.artifactType)
      if (viaApi) {
        this.referrersApi.set(repo, true)
        return { via: 'api', manifests: filter(viaApi) }
      }
      this.referrersApi.set(repo, false)
    }
    return { via: 'tag-schema', manifests: filter(await this.referrersFromTag(repo, digest)) }
  }

  /** Whether the registry serves the referrers API for `repo` (probed once, cached). */
  async supportsReferrersApi(repo: string): Promise<boolean> {
    const known = this.referrersApi.get(repo)
    if (known !== undefined) return known
    const probe = await this.referrersFromApi(repo, `sha256:${'0'.repeat(64)}`)
    this.referrersApi.set(repo, probe !== undefined)
    return probe !== undefined
  }

  private async referrersFromApi(
    repo: string,
    digest: string,
    artifactType?: string
  ): Promise<Descriptor[] | undefined> {
    let next: string | undefined = `/v2/${encodeRepo(repo)}/referrers/${digest}`
    if (artifactType) next += `?artifactType=${encodeURIComponent(artifactType)}`
    const all: Descriptor[] = []
    for (let page = 0; next && page < 100; page++) {
      const r: Response = await this.request('GET', next, {
        repo,
        ok: [200, 400, 404, 405, 406, 501],
        what: `GET referrers of ${repo}@${digest}`,
        headers: { Accept: MediaType.OciIndex }
      })
      if (r.status !== 200) {
        await r.body?.cancel()
        return page === 0 ? undefined : all
      }
      const body = (await readJson(r, 16 << 20, `referrers of ${repo}@${digest}`).catch(
        () => undefined
      )) as ImageIndex | undefined
      if (!body || !Array.isArray(body.manifests)) {
        if (page === 0) return undefined // not a usable referrers answer: use the tag schema
        break
      }
      // Entries that are not descriptors are dropped, not trusted.
      all.push(...body.manifests.filter(isDescriptor))
      next = nextLink(r.headers.get('link'))
    }
    return all
  }

  private async referrersFromTag(repo: string, digest: string): Promise<Descriptor[]> {
    const tag = referrersTag(digest)
    let fetched: FetchedManifest
    try {
      fetched = await this.getManifest(repo, tag, {
        accept: [MediaType.OciIndex, ...MANIFEST_ACCEPT]
      })
    } catch (err) {
      if (err instanceof RegistryError && err.status === 404) return []
      throw err
    }
    if (!isIndex(fetched.manifest)) return []
    return fetched.manifest.manifests
  }

  /**
   * Adds `descriptor` to the `sha256-<hex>` referrers index of `subjectDigest` (read-modify-write,
   * `If-Match` when the registry gives an ETag, re-read to confirm, a few retries on races).
   */
  async addToReferrersTag(
    repo: string,
    subjectDigest: string,
    descriptor: Descriptor
  ): Promise<void> {
    return withTagLock(this.registry, repo, referrersTag(subjectDigest), () =>
      this.addToReferrersTagUnlocked(repo, subjectDigest, descriptor)
    )
  }

  private async addToReferrersTagUnlocked(
    repo: string,
    subjectDigest: string,
    descriptor: Descriptor
  ): Promise<void> {
    const tag = referrersTag(subjectDigest)
    for (let attempt = 0; attempt < 5; attempt++) {
      let index: ImageIndex = { schemaVersion: 2, mediaType: MediaType.OciIndex, manifests: [] }
      let etag: string | undefined
      try {
        const current = await this.getManifest(repo, tag, {
          accept: [MediaType.OciIndex, ...MANIFEST_ACCEPT]
        })
        if (!isIndex(current.manifest)) {
          throw new RegistryError(
            `registry ${this.registry}: tag ${repo}:${tag} exists but is not a referrers index; not overwriting it`,
            { status: 409 }
          )
        }
        index = current.manifest
        etag = current.etag
      } catch (err) {
        if (!(err instanceof RegistryError && err.status === 404)) throw err
      }
      if (index.manifests.some(d => d.digest === descriptor.digest)) return
      const updated: ImageIndex = {
        schemaVersion: 2,
        mediaType: MediaType.OciIndex,
        manifests: [...index.manifests, descriptor]
      }
      const bytes = manifestBytes(updated)
      const headers: Record<string, string> = { 'Content-Type': MediaType.OciIndex }
      if (etag) headers['If-Match'] = etag
      const r = await this.request('PUT', `/v2/${encodeRepo(repo)}/manifests/${tag}`, {
        repo,
        action: 'pull,push',
        ok: [200, 201, 202, 412],
        what: `PUT referrers index ${repo}:${tag}`,
        headers,
        body: bytes
      })
      await r.body?.cancel()
      if (r.status === 412) continue
      const check = await this.referrersFromTag(repo, subjectDigest)
      if (check.some(d => d.digest === descriptor.digest)) return
    }
    throw new RegistryError(
      `registry ${this.registry}: could not update referrers index ${repo}:${tag} (concurrent writers?)`,
      { status: 409 }
    )
  }
}

const tagLocks = new Map<string, Promise<unknown>>()

/**
 * Runs `fn` after every earlier read-modify-write of the same registry/repo/tag in this process
 * (registries without conditional PUTs would otherwise lose concurrent updates of one tag).
 */
export async function withTagLock<T>(
  registry: string,
  repo: string,
  tag: string,
  fn: () => Promise<T>
): Promise<T> {
  const key = `${registry}/${repo}:${tag}`
  const previous = tagLocks.get(key) ?? Promise.resolve()
  const run = previous.then(fn, fn)
  const settled = run.then(
    () => undefined,
    () => undefined
  )
  tagLocks.set(key, settled)
  try {
    return await run
  } finally {
    if (tagLocks.get(key) === settled) tagLocks.delete(key)
  }
}

/** The descriptor of a referrer as it appears in a referrers list. */
export function referrerDescriptor(manifest: Manifest, descriptor: Descriptor): Descriptor {
  const d: Descriptor = {
    mediaType: descriptor.mediaType,
    digest: descriptor.digest,
    size: descriptor.size
  }
  const artifactType =
    manifest.artifactType ?? (isIndex(manifest) ? undefined : manifest.config.mediaType)
  if (artifactType) d.artifactType = artifactType
  if (manifest.annotations && Object.keys(manifest.annotations).length) {
    d.annotations = manifest.annotations
  }
  return d
}

function nextLink(link: string | null): string | undefined {
  if (!link) return undefined
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part)
    if (m) return m[1]
  }
  return undefined
}

function causeText(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause
  if (!cause) return ''
  return ` (${cause.code ?? cause.message ?? ''})`
}

async function readErrorBody(
  response: Response
): Promise<{ code?: string; errors: RegistryErrorDetail[]; suffix: string }> {
  const text = await readLimited(response, 1 << 16, 'error body')
    .then(b => b.toString('utf8'))
    .catch(() => '')
  let errors: RegistryErrorDetail[] = []
  try {
    const parsed = JSON.parse(text) as { errors?: unknown }
    if (Array.isArray(parsed.errors)) {
      errors = parsed.errors.filter(
        (e): e is RegistryErrorDetail =>
          typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
      )
    }
  } catch {
    // not a distribution error body
  }
  const first = errors[0]
  if (first) {
    const suffix = ` ${first.code}${first.message ? `: ${first.message}` : ''}`
    return { code: first.code, errors, suffix }
  }
  const snippet = text.trim().slice(0, 200).replace(/\s+/g, ' ')
  return { errors, suffix: snippet ? ` ${snippet}` : '' }
}

async function readLimited(response: Response, max: number, what: string): Promise<Buffer> {
  const tooLarge = (size: string): RegistryError =>
    new RegistryError(`${what}: ${size} bytes exceeds the limit of ${max}`, {
      status: response.status,
      registryCode: 'SIZE_INVALID'
    })
  const declared = Number(response.headers.get('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel()
    throw tooLarge(String(declared))
  }
  if (!response.body) return Buffer.alloc(0)
  // Stream with a cap: a chunked (or lying) response never gets buffered past `max`.
  const chunks: Buffer[] = []
  let total = 0
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > max) {
      await reader.cancel()
      throw tooLarge(`more than ${max}`)
    }
    chunks.push(Buffer.from(value))
  }
  return Buffer.concat(chunks, total)
}

/** A descriptor at least has a string mediaType and digest and a numeric size. */
function isDescriptor(d: unknown): d is Descriptor {
  return (
    typeof d === 'object' &&
    d !== null &&
    typeof (d as Descriptor).mediaType === 'string' &&
    typeof (d as Descriptor).digest === 'string' &&
    typeof (d as Descriptor).size === 'number'
  )
}

/** JSON body read with a size cap (a huge or endless answer is an error, not an OOM). */
async function readJson(response: Response, max: number, what: string): Promise<unknown> {
  return JSON.parse((await readLimited(response, max, what)).toString('utf8')) as unknown
}

/**
 * Checks that a parsed body is a schema 2 manifest we can read: an image manifest (`config` and
 * `layers`) or an index / manifest list (`manifests`). Docker schema 1 and anything else is refused.
 */
function checkManifestShape(manifest: unknown, what: string, registry: string): Manifest {
  const fail = (why: string): RegistryError =>
    new RegistryError(`registry ${registry}: ${what}: ${why}`, {
      status: 200,
      registryCode: 'MANIFEST_INVALID'
    })
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
    throw fail('body is not a manifest')
  }
  const m = manifest as Record<string, unknown>
  if (m.schemaVersion !== 2) {
    throw fail(
      `unsupported manifest schemaVersion ${JSON.stringify(m.schemaVersion)}${m.schemaVersion === 1 ? ' (Docker schema 1 is deprecated and not supported)' : ''}`
    )
  }
  if (Array.isArray(m.manifests)) {
    if (!m.manifests.every(isDescriptor)) throw fail('index has a malformed descriptor')
    return manifest as Manifest
  }
  if (!isDescriptor(m.config) || !Array.isArray(m.layers) || !m.layers.every(isDescriptor)) {
    throw fail('neither an image manifest (config, layers) nor an index (manifests)')
  }
  return manifest as Manifest
}

/**
 * Computes the digest of `bytes`; when `reference` is a digest it must match, and a sha256
 * `Docker-Content-Digest` header must match too.
 */
function checkContentDigest(
  bytes: Buffer,
  reference: string,
  header: string | null,
  what: string
): string {
  if (reference.includes(':')) {
    const algorithm = reference.slice(0, reference.indexOf(':'))
    const actual = digestWithAlgorithm(algorithm, bytes)
    if (actual !== reference) {
      throw new DigestMismatchError(`${what}: content digest is ${actual}, expected ${reference}`)
    }
    return actual
  }
  const actual = sha256Digest(bytes)
  if (header && header.startsWith('sha256:') && header !== actual) {
    throw new DigestMismatchError(
      `${what}: registry said Docker-Content-Digest ${header}, content is ${actual}`
    )
  }
  return actual
}
