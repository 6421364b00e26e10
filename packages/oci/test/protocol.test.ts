// Registry protocol robustness against a real docker-registry, with a recording proxy in front of
// it playing the misbehaving registry: redirects to other hosts, missing / wrong digests, oversized
// and chunked manifests, schema 1, referrers endpoint answers and pagination, tag pagination.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  DigestMismatchError,
  EMPTY_DESCRIPTOR,
  EMPTY_JSON,
  MediaType,
  RegistryClient,
  RegistryError,
  pushSyntheticImage,
  readBundleReferrers,
  referrersTag,
  sha256Digest,
  writeBundleReferrer,
  type Descriptor,
  type ImageIndex,
  type ImageManifest
} from '../src/index.js'
import { startRegistry, type LocalRegistry, registryDescribe } from '../../../test/registry.js'
import { startFakeRegistry, type FakeRegistry } from './fake-registry.js'
import { startProxy, type TestProxy } from './proxy.js'

const describeRegistry = registryDescribe()
const TOKEN = 'registry-token-for-the-registry-only'

async function listen(server: Server): Promise<string> {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describeRegistry('registry protocol (docker-registry behind a test proxy)', () => {
  let registry: LocalRegistry
  let proxy: TestProxy
  let direct: RegistryClient
  let client: RegistryClient
  let cdn: Server
  let cdnUrl: string
  const cdnSeen: Array<{ path: string; authorization?: string }> = []

  beforeAll(async () => {
    registry = await startRegistry()
    proxy = await startProxy(registry.url)
    direct = new RegistryClient(registry.host, { dockerConfig: false })
    client = new RegistryClient(proxy.host, { credentials: { registryToken: TOKEN } })
    // "storage on another host": serves blobs it fetches from the registry itself
    cdn = createServer((req, res) => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://x')
        cdnSeen.push({
          path: url.pathname,
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {})
        })
        const r = await fetch(new URL(url.pathname, registry.url))
        res.writeHead(r.status, { 'Content-Type': 'application/octet-stream' })
        res.end(Buffer.from(await r.arrayBuffer()))
      })()
    })
    cdnUrl = await listen(cdn)
  })
  afterAll(async () => {
    await new Promise<void>(resolve => {
      cdn?.closeAllConnections()
      cdn?.close(() => resolve())
    })
    await proxy?.stop()
    await registry?.stop()
  })
  const reset = (): void => {
    proxy.intercept = undefined
    proxy.requests.length = 0
    cdnSeen.length = 0
  }

  it.each([307, 302, 301, 308])(
    'follows a %i blob redirect to another host without sending it the Authorization header',
    async status => {
      reset()
      const data = Buffer.from(`blob for redirect ${status}`)
      const pushed = await direct.pushBlob('redirect/app', data)
      proxy.intercept = (req, res, url) => {
        if (!url.pathname.includes('/blobs/sha256:')) return false
        res.writeHead(status, { Location: `${cdnUrl}${url.pathname}` })
        res.end()
        return true
      }
      const got = await client.getBlob('redirect/app', pushed.digest)
      expect(got.equals(data)).toBe(true)
      // the registry got the token, the other host did not
      expect(proxy.requests.find(r => r.path.includes('/blobs/'))?.authorization).toBe(
        `Bearer ${TOKEN}`
      )
      expect(cdnSeen).toHaveLength(1)
      expect(cdnSeen[0]?.authorization).toBeUndefined()
    }
  )

  it('keeps the Authorization header on a same-origin redirect and stops redirect loops', async () => {
    reset()
    const data = Buffer.from('blob for same-origin redirect')
    const pushed = await direct.pushBlob('redirect/app', data)
    proxy.intercept = (req, res, url) => {
      if (url.pathname.endsWith('/moved')) return false
      if (!url.pathname.includes('/blobs/sha256:') || url.searchParams.has('hop')) return false
      res.writeHead(307, { Location: `${url.pathname}?hop=1` })
      res.end()
      return true
    }
    expect((await client.getBlob('redirect/app', pushed.digest)).equals(data)).toBe(true)
    const hops = proxy.requests.filter(r => r.path.includes('/blobs/'))
    expect(hops).toHaveLength(2)
    expect(hops.every(r => r.authorization === `Bearer ${TOKEN}`)).toBe(true)

    reset()
    proxy.intercept = (req, res, url) => {
      res.writeHead(302, { Location: url.pathname })
      res.end()
      return true
    }
    await expect(client.getBlob('redirect/app', pushed.digest)).rejects.toThrow(/redirects/)
  })

  it('refuses a redirect from HTTPS to plain HTTP', async () => {
    const calls: string[] = []
    // A stub transport: nothing leaves the process.
    const stub = (input: string | URL | Request): Promise<Response> => {
      calls.push(input instanceof Request ? input.url : input.toString())
      return Promise.resolve(
        new Response(null, { status: 307, headers: { Location: 'http://cdn.invalid/blob' } })
      )
    }
    const secure = new RegistryClient('registry.invalid', {
      dockerConfig: false,
      fetch: stub
    })
    const err = await secure.getBlob('a/b', sha256Digest('x')).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RegistryError)
    expect((err as Error).message).toMatch(/HTTPS to plain HTTP/)
    expect(calls).toEqual([`https://registry.invalid/v2/a/b/blobs/${sha256Digest('x')}`])
  })

  it.each([
    ['http://auth.invalid/token', /plain-HTTP token realm/],
    ['file:///etc/passwd', /not an HTTP\(S\) URL/]
  ])('refuses the token realm %s of an HTTPS registry', async (realm, message) => {
    const calls: string[] = []
    const stub = (input: string | URL | Request): Promise<Response> => {
      calls.push(input instanceof Request ? input.url : input.toString())
      return Promise.resolve(
        new Response('{}', {
          status: 401,
          headers: { 'WWW-Authenticate': `Bearer realm="${realm}",service="s"` }
        })
      )
    }
    const secure = new RegistryClient('registry.invalid', {
      credentials: { username: 'u', password: 'p' },
      fetch: stub
    })
    await expect(secure.headManifest('a/b', 'v1')).rejects.toThrow(message)
    expect(calls).toEqual(['https://registry.invalid/v2/a/b/manifests/v1'])
  })

  it('computes the digest itself when Docker-Content-Digest is missing, and refuses a wrong one', async () => {
    reset()
    const image = await pushSyntheticImage(direct, 'digests/app', { tag: 'v1', seed: 'dcd' })
    proxy.intercept = async (req, res, url, upstream) => {
      if (!url.pathname.includes('/manifests/')) return false
      const r = await upstream(url.pathname, {
        method: req.method ?? 'GET',
        headers: { Accept: req.headers.accept ?? '' }
      })
      const body = Buffer.from(await r.arrayBuffer())
      res.writeHead(r.status, { 'Content-Type': r.headers.get('content-type') ?? '' })
      res.end(req.method === 'HEAD' ? undefined : body)
      return true
    }
    // HEAD without the header falls back to GET and hashes the body
    expect((await client.resolve('digests/app', 'v1')).digest).toBe(image.descriptor.digest)
    expect((await client.getManifest('digests/app', 'v1')).descriptor.digest).toBe(
      image.descriptor.digest
    )

    const wrong = sha256Digest('another manifest')
    proxy.intercept = async (req, res, url, upstream) => {
      if (!url.pathname.includes('/manifests/')) return false
      const r = await upstream(url.pathname, { headers: { Accept: req.headers.accept ?? '' } })
      const body = Buffer.from(await r.arrayBuffer())
      res.writeHead(200, {
        'Content-Type': r.headers.get('content-type') ?? '',
        'Docker-Content-Digest': wrong
      })
      res.end(body)
      return true
    }
    await expect(client.getManifest('digests/app', 'v1')).rejects.toBeInstanceOf(
      DigestMismatchError
    )
  })

  it('ignores a malformed Docker-Content-Digest on HEAD and hashes the body instead', async () => {
    reset()
    const image = await pushSyntheticImage(direct, 'digests/app', { tag: 'v3', seed: 'head' })
    proxy.intercept = (req, res, url) => {
      if (req.method !== 'HEAD' || !url.pathname.includes('/manifests/')) return false
      res.writeHead(200, {
        'Content-Type': MediaType.OciManifest,
        'Content-Length': '100',
        'Docker-Content-Digest': 'sha256:../../../v2/_catalog'
      })
      res.end()
      return true
    }
    const d = await client.resolve('digests/app', 'v3')
    expect(d.digest).toBe(image.descriptor.digest)
    expect(proxy.requests.map(r => r.method)).toEqual(['HEAD', 'GET'])
  })

  it.each([405, 501, 400])('resolves with GET when HEAD answers %i', async status => {
    reset()
    const image = await pushSyntheticImage(direct, 'digests/app', { tag: `h${status}` })
    proxy.intercept = (req, res) => {
      if (req.method !== 'HEAD') return false
      res.writeHead(status)
      res.end()
      return true
    }
    expect((await client.resolve('digests/app', `h${status}`)).digest).toBe(image.descriptor.digest)
    expect(proxy.requests.map(r => r.method)).toEqual(['HEAD', 'GET'])
  })

  it('caps error and referrers bodies instead of buffering them whole', async () => {
    reset()
    const image = await pushSyntheticImage(direct, 'caps/app', { tag: 'v1', seed: 'caps' })
    const huge = Buffer.alloc((16 << 20) + 1, 0x20)
    proxy.intercept = (req, res, url) => {
      if (url.pathname.includes('/referrers/')) {
        res.writeHead(200, { 'Content-Type': MediaType.OciIndex })
        res.end(huge)
        return true
      }
      if (url.pathname.endsWith('/manifests/broken')) {
        res.writeHead(500, { 'Content-Type': 'text/plain' })
        res.end(huge)
        return true
      }
      return false
    }
    const fresh = new RegistryClient(proxy.host, { dockerConfig: false })
    // an unreadable referrers answer is "no API": the tag schema is used
    expect((await fresh.referrers('caps/app', image.descriptor.digest)).via).toBe('tag-schema')
    const err = await fresh.getManifest('caps/app', 'broken').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RegistryError)
    expect((err as RegistryError).status).toBe(500)
    expect((err as Error).message.length).toBeLessThan(1000)
  })

  it('refuses manifest bytes that do not hash to the requested digest, whatever the headers say', async () => {
    reset()
    const image = await pushSyntheticImage(direct, 'digests/app', { tag: 'v2', seed: 'tamper' })
    proxy.intercept = async (req, res, url, upstream) => {
      if (!url.pathname.includes('/manifests/')) return false
      const r = await upstream(url.pathname, { headers: { Accept: req.headers.accept ?? '' } })
      const manifest = (await r.json()) as ImageManifest
      manifest.annotations = { 'org.example.injected': 'yes' }
      const body = Buffer.from(JSON.stringify(manifest))
      res.writeHead(200, {
        'Content-Type': r.headers.get('content-type') ?? '',
        'Content-Length': String(body.length),
        // echo the digest asked for: the body still has to hash to it
        'Docker-Content-Digest': url.pathname.split('/').pop() ?? ''
      })
      res.end(req.method === 'HEAD' ? undefined : body)
      return true
    }
    const err = await client
      .getManifest('digests/app', image.descriptor.digest)
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DigestMismatchError)
    expect((err as Error).message).toContain(image.descriptor.digest)
  })

  it.each([
    ['with Content-Length', true],
    ['chunked, without Content-Length', false]
  ])('refuses a manifest over 4 MiB (%s) cleanly', async (_name, withLength) => {
    reset()
    const big = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.OciManifest,
        config: EMPTY_DESCRIPTOR,
        layers: [],
        annotations: { pad: 'x'.repeat((4 << 20) + 10) }
      })
    )
    proxy.intercept = (req, res, url) => {
      if (!url.pathname.includes('/manifests/')) return false
      const headers: Record<string, string> = { 'Content-Type': MediaType.OciManifest }
      if (withLength) headers['Content-Length'] = String(big.length)
      res.writeHead(200, headers)
      if (withLength) res.end(big)
      else {
        // several chunks
        for (let i = 0; i < big.length; i += 1 << 20) res.write(big.subarray(i, i + (1 << 20)))
        res.end()
      }
      return true
    }
    const err = await client.getManifest('big/app', 'v1').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RegistryError)
    expect((err as RegistryError).code).toBe('REGISTRY_SIZE_INVALID')
    expect((err as Error).message).toMatch(/exceeds the limit of 4194304/)
  })

  it.each([
    ['Docker schema 1', { schemaVersion: 1, name: 'a/b', tag: 'v1', fsLayers: [] }, /schema 1/],
    ['no layers', { schemaVersion: 2, config: EMPTY_DESCRIPTOR }, /neither an image manifest/],
    ['a JSON array', [], /not a manifest/]
  ])('refuses %s with a clear error', async (_name, body, message) => {
    reset()
    proxy.intercept = (req, res, url) => {
      if (!url.pathname.includes('/manifests/')) return false
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(body))
      return true
    }
    const err = await client.getManifest('odd/app', 'v1').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RegistryError)
    expect((err as RegistryError).code).toBe('REGISTRY_MANIFEST_INVALID')
    expect((err as Error).message).toMatch(message)
  })

  async function pushReferrer(repo: string, subject: Descriptor, n: number): Promise<Descriptor> {
    await direct.pushBlob(repo, EMPTY_JSON, { mediaType: MediaType.OciEmpty })
    const artifactType = n % 2 ? 'application/x-odd' : 'application/x-even'
    const layer = await direct.pushBlob(repo, Buffer.from(`referrer ${n}`), {
      mediaType: artifactType
    })
    const manifest: ImageManifest = {
      schemaVersion: 2,
      mediaType: MediaType.OciManifest,
      artifactType,
      config: EMPTY_DESCRIPTOR,
      layers: [layer],
      subject
    }
    return (await direct.putManifest(repo, manifest)).descriptor
  }

  it.each([400, 404, 405, 501])(
    'falls back to the sha256-<hex> tag when the referrers endpoint answers %i',
    async status => {
      reset()
      const repo = `fallback/s${status}`
      const image = await pushSyntheticImage(direct, repo, { tag: 'v1' })
      const written = await pushReferrer(repo, image.descriptor, 0)
      proxy.intercept = (req, res, url) => {
        if (!url.pathname.includes('/referrers/')) return false
        res.writeHead(status, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify({ errors: [{ code: 'UNSUPPORTED', message: 'no' }] }))
        return true
      }
      const fresh = new RegistryClient(proxy.host, { dockerConfig: false })
      const listed = await fresh.referrers(repo, image.descriptor.digest)
      expect(listed.via).toBe('tag-schema')
      expect(listed.manifests.map(d => d.digest)).toEqual([written.digest])
      expect(proxy.requests.some(r => r.path.includes('/referrers/'))).toBe(true)
    }
  )

  it('follows referrers API pagination and filters by artifactType when the server does not', async () => {
    reset()
    const repo = 'paged/app'
    const image = await pushSyntheticImage(direct, repo, { tag: 'v1' })
    const written: Descriptor[] = []
    for (let n = 0; n < 5; n++) {
      const d = await pushReferrer(repo, image.descriptor, n)
      written.push({
        ...d,
        artifactType: n % 2 ? 'application/x-odd' : 'application/x-even'
      })
    }
    const junk = [null, 'x', { digest: 'sha256:0' }] as unknown as Descriptor[]
    const pages = [[...written.slice(0, 2), ...junk], written.slice(2, 4), written.slice(4)]
    proxy.intercept = (req, res, url) => {
      if (!url.pathname.includes('/referrers/')) return false
      const page = Number(url.searchParams.get('page') ?? 0)
      const headers: Record<string, string> = { 'Content-Type': MediaType.OciIndex }
      if (page + 1 < pages.length) {
        const next = new URL(url.pathname, 'http://x')
        next.searchParams.set('page', String(page + 1))
        headers.Link = `<${next.pathname}${next.search}>; rel="next"`
      }
      res.writeHead(200, headers)
      res.end(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: MediaType.OciIndex,
          manifests: pages[page] ?? []
        })
      )
      return true
    }
    const fresh = new RegistryClient(proxy.host, { dockerConfig: false })
    const all = await fresh.referrers(repo, image.descriptor.digest)
    expect(all.via).toBe('api')
    expect(all.manifests.map(d => d.digest)).toEqual(written.map(d => d.digest))
    const odd = await fresh.referrers(repo, image.descriptor.digest, {
      artifactType: 'application/x-odd'
    })
    expect(odd.manifests.map(d => d.digest)).toEqual(
      written.filter(d => d.artifactType === 'application/x-odd').map(d => d.digest)
    )
    expect(proxy.requests.filter(r => r.path.includes('/referrers/')).length).toBe(6)
  })

  it('skips referrers-index entries with malformed digests or missing blobs, and reads the rest', async () => {
    reset()
    const repo = 'skips/app'
    const image = await pushSyntheticImage(direct, repo, { tag: 'v1' })
    const bundle = (n: string): object => ({
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      n
    })
    const good = await writeBundleReferrer(direct, repo, image.descriptor, bundle('good'), {
      predicateType: 'https://example.com/good'
    })
    const orphan = await writeBundleReferrer(direct, repo, image.descriptor, bundle('orphan'), {
      predicateType: 'https://example.com/orphan'
    })
    const orphanLayer = (
      (await direct.getManifest(repo, orphan.descriptor.digest)).manifest as ImageManifest
    ).layers[0]
    const del = await fetch(`${registry.url}/v2/${repo}/blobs/${orphanLayer?.digest}`, {
      method: 'DELETE'
    })
    expect(del.status).toBe(202)
    const bad = ['md5:0123', 'sha256:../../../v2/_catalog', `sha256:${'A'.repeat(64)}`]
    proxy.intercept = async (req, res, url, upstream) => {
      if (!url.pathname.endsWith(`/manifests/${referrersTag(image.descriptor.digest)}`))
        return false
      const r = await upstream(url.pathname, { headers: { Accept: MediaType.OciIndex } })
      const index = (await r.json()) as ImageIndex
      index.manifests.unshift(
        ...bad.map(digest => ({ mediaType: MediaType.OciManifest, digest, size: 10 }))
      )
      res.writeHead(200, { 'Content-Type': MediaType.OciIndex })
      res.end(JSON.stringify(index))
      return true
    }
    const read = await readBundleReferrers(client, repo, image.descriptor.digest)
    expect(read.bundles.map(b => b.manifest.digest)).toEqual([good.descriptor.digest])
    expect(read.skipped.map(s => s.entry)).toEqual([
      ...bad.map(d => `referrer ${d}`),
      `referrer ${orphan.descriptor.digest}`
    ])
    expect(read.skipped[3]?.reason).toMatch(/404/)
    // nothing malformed was requested from the registry
    expect(proxy.requests.some(r => /md5|\.\.|_catalog/.test(r.path))).toBe(false)
  })

  it('lists every tag across Link-paginated pages', async () => {
    reset()
    const tags = ['a', 'b', 'c', 'd', 'e', 'sha256-' + '1'.repeat(64)]
    for (const tag of tags) await pushSyntheticImage(direct, 'tags/paged', { tag, seed: tag })
    // distribution 2.8 answers in one page; paginate its real list as distribution 3 does
    proxy.intercept = async (req, res, url, upstream) => {
      if (!url.pathname.endsWith('/tags/list')) return false
      const all = ((await (await upstream(url.pathname)).json()) as { tags: string[] }).tags.sort()
      const n = Number(url.searchParams.get('n') ?? 100)
      const last = url.searchParams.get('last')
      const from = last ? all.indexOf(last) + 1 : 0
      const page = all.slice(from, from + n)
      const headers: Record<string, string> = { 'Content-Type': 'application/json' }
      if (from + n < all.length) {
        headers.Link = `<${url.pathname}?n=${n}&last=${page[page.length - 1]}>; rel="next"`
      }
      res.writeHead(200, headers)
      res.end(JSON.stringify({ name: 'tags/paged', tags: page }))
      return true
    }
    const listed = await client.listTags('tags/paged', { pageSize: 2 })
    expect([...listed].sort()).toEqual([...tags].sort())
    expect(proxy.requests.filter(r => r.path.includes('/tags/list')).length).toBeGreaterThan(2)
  })
})

describe('token expiry (in-test token registry)', () => {
  let fake: FakeRegistry
  beforeAll(async () => {
    fake = await startFakeRegistry({ auth: 'bearer' })
  })
  afterAll(async () => {
    await fake?.stop()
  })

  it('gets a new token once when the registry refuses a cached one, then gives up', async () => {
    const client = new RegistryClient(fake.host, { dockerConfig: false })
    const before = fake.tokenRequests.length
    await expect(client.headBlob('exp/app', sha256Digest('x'))).resolves.toBeUndefined()
    expect(fake.tokenRequests.length).toBe(before + 1)
    fake.revokeTokens() // server-side expiry before the client's own clock says so
    await expect(client.headBlob('exp/app', sha256Digest('x'))).resolves.toBeUndefined()
    expect(fake.tokenRequests.length).toBe(before + 2)
    const last = fake.requests.slice(-3).map(r => r.path)
    expect(last.filter(p => p.includes('/blobs/')).length).toBe(2) // one 401, one retry

    fake.refuseTokens = true
    const sent = fake.requests.length
    const err = await client.headBlob('exp/app', sha256Digest('x')).catch((e: unknown) => e)
    fake.refuseTokens = false
    expect(err).toBeInstanceOf(RegistryError)
    expect((err as RegistryError).status).toBe(401)
    // the cached token, one new token, one retry: no loop
    expect(fake.requests.length - sent).toBe(3)
    expect(
      fake.requests.slice(sent).filter(r => r.path === '/token' || r.path.startsWith('/token?'))
        .length
    ).toBe(1)
  })
})
