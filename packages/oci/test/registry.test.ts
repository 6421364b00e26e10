import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import {
  DigestMismatchError,
  MediaType,
  RegistryClient,
  RegistryError,
  EMPTY_DESCRIPTOR,
  EMPTY_JSON,
  isNotFound,
  parseReference,
  pushSyntheticImage,
  referrersTag,
  sha256Digest,
  type ImageIndex,
  type ImageManifest
} from '../src/index.js'
import { startRegistry, type LocalRegistry, registryDescribe } from '../../../test/registry.js'

const describeRegistry = registryDescribe()

describeRegistry('against docker-registry (distribution)', () => {
  let registry: LocalRegistry
  let client: RegistryClient

  beforeAll(async () => {
    registry = await startRegistry()
    client = new RegistryClient(registry.host, { dockerConfig: false })
  })
  afterAll(async () => {
    await registry?.stop()
  })

  it('answers /v2/ over plain HTTP on 127.0.0.1', async () => {
    expect(client.baseUrl).toBe(registry.url)
    await expect(client.ping()).resolves.toBeUndefined()
  })

  it.each(['oci', 'docker'] as const)(
    'pushes a %s image and resolves the tag to its digest',
    async format => {
      const image = await pushSyntheticImage(client, `test/${format}`, {
        tag: 'v1',
        seed: format,
        format
      })
      const resolved = await client.resolve(`test/${format}`, 'v1')
      expect(resolved.digest).toBe(image.descriptor.digest)
      expect(resolved.mediaType).toBe(
        format === 'oci' ? MediaType.OciManifest : MediaType.DockerManifest
      )
      const fetched = await client.getManifest(`test/${format}`, 'v1')
      expect(sha256Digest(fetched.bytes)).toBe(image.descriptor.digest)
      expect(fetched.descriptor).toEqual(resolved)
      expect(fetched.manifest).toEqual(image.manifest)
      const byDigest = await client.getManifest(`test/${format}`, image.descriptor.digest)
      expect(byDigest.bytes.equals(fetched.bytes)).toBe(true)
      const ref = parseReference(`${registry.host}/test/${format}:v1`)
      expect(ref.registry).toBe(registry.host)
    }
  )

  it('round-trips blobs with digest checks and skips re-uploads', async () => {
    const data = Buffer.from('hello blob ' + Math.random())
    const d = await client.pushBlob('test/blobs', data, { mediaType: 'text/plain' })
    expect(d).toEqual({ mediaType: 'text/plain', digest: sha256Digest(data), size: data.length })
    expect(await client.headBlob('test/blobs', d.digest)).toBe(data.length)
    expect((await client.getBlob('test/blobs', d.digest)).equals(data)).toBe(true)
    // second push is a HEAD hit
    await expect(client.pushBlob('test/blobs', data)).resolves.toMatchObject({ digest: d.digest })
    const missing = sha256Digest('never pushed')
    expect(await client.headBlob('test/blobs', missing)).toBeUndefined()
    const err = await client.getBlob('test/blobs', missing).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RegistryError)
    expect((err as RegistryError).status).toBe(404)
    expect((err as RegistryError).message).toMatch(/404 BLOB_UNKNOWN/)
    expect(isNotFound(err)).toBe(true)
  })

  it('reports unknown manifests with status and registry code', async () => {
    await pushSyntheticImage(client, 'test/missing', { tag: 'present' })
    expect(await client.headManifest('test/missing', 'absent')).toBeUndefined()
    const err = await client.getManifest('test/missing', 'absent').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RegistryError)
    expect((err as RegistryError).registryCode).toBe('MANIFEST_UNKNOWN')
    expect((err as RegistryError).message).toMatch(/404 MANIFEST_UNKNOWN/)
    await expect(client.resolve('test/missing', 'absent')).rejects.toThrow(/not found/)
  })

  it('rejects a manifest referencing a blob the registry lacks', async () => {
    const manifest: ImageManifest = {
      schemaVersion: 2,
      mediaType: MediaType.OciManifest,
      config: { mediaType: MediaType.OciConfig, digest: sha256Digest('no config'), size: 9 },
      layers: []
    }
    const err = await client
      .putManifest('test/bad', manifest, { reference: 'x' })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RegistryError)
    expect((err as RegistryError).status).toBe(400)
    expect((err as RegistryError).message).toMatch(/MANIFEST_BLOB_UNKNOWN/)
  })

  it('lists tags', async () => {
    for (const tag of ['a', 'b', 'c'])
      await pushSyntheticImage(client, 'test/tags', { tag, seed: 'same' })
    expect((await client.listTags('test/tags')).sort()).toEqual(['a', 'b', 'c'])
  })

  it('detects that distribution 2.8 has no referrers API and uses the tag schema', async () => {
    const image = await pushSyntheticImage(client, 'test/referrers', { tag: 'v1' })
    expect(await client.supportsReferrersApi('test/referrers')).toBe(false)
    await client.pushBlob('test/referrers', EMPTY_JSON)
    const written = []
    for (const [i, artifactType] of ['application/x-one', 'application/x-two'].entries()) {
      const layer = await client.pushBlob('test/referrers', Buffer.from(`artifact ${i}`), {
        mediaType: artifactType
      })
      const manifest: ImageManifest = {
        schemaVersion: 2,
        mediaType: MediaType.OciManifest,
        artifactType,
        config: EMPTY_DESCRIPTOR,
        layers: [layer],
        subject: image.descriptor,
        annotations: { 'org.example.n': String(i) }
      }
      const put = await client.putManifest('test/referrers', manifest)
      expect(put.referrers).toBe('tag-schema')
      written.push(put.descriptor.digest)
      // idempotent: pushing the same referrer again adds no duplicate
      await client.putManifest('test/referrers', manifest)
    }
    const all = await client.referrers('test/referrers', image.descriptor.digest)
    expect(all.via).toBe('tag-schema')
    expect(all.manifests.map(d => d.digest)).toEqual(written)
    expect(all.manifests[1]).toMatchObject({
      artifactType: 'application/x-two',
      annotations: { 'org.example.n': '1' },
      mediaType: MediaType.OciManifest
    })
    const filtered = await client.referrers('test/referrers', image.descriptor.digest, {
      artifactType: 'application/x-one'
    })
    expect(filtered.manifests.map(d => d.digest)).toEqual([written[0]])
    const index = await client.getManifest('test/referrers', referrersTag(image.descriptor.digest))
    expect(index.descriptor.mediaType).toBe(MediaType.OciIndex)
    expect((index.manifest as ImageIndex).manifests).toHaveLength(2)
    // no referrers at all → empty list, not an error
    const other = await pushSyntheticImage(client, 'test/referrers', { tag: 'v2' })
    expect((await client.referrers('test/referrers', other.descriptor.digest)).manifests).toEqual(
      []
    )
  })

  it('refuses to overwrite a referrers tag that is not an index', async () => {
    const image = await pushSyntheticImage(client, 'test/clobber', { tag: 'v1' })
    await pushSyntheticImage(client, 'test/clobber', { tag: referrersTag(image.descriptor.digest) })
    await client.pushBlob('test/clobber', EMPTY_JSON)
    const manifest: ImageManifest = {
      schemaVersion: 2,
      mediaType: MediaType.OciManifest,
      artifactType: 'application/x-a',
      config: EMPTY_DESCRIPTOR,
      layers: [await client.pushBlob('test/clobber', Buffer.from('x'))],
      subject: image.descriptor
    }
    await expect(client.putManifest('test/clobber', manifest)).rejects.toThrow(
      /not a referrers index/
    )
  })

  it('detects a manifest or blob whose content does not match its digest', async () => {
    const image = await pushSyntheticImage(client, 'test/tamper', { tag: 'v1' })
    // A man in the middle that flips one byte of every manifest and blob body.
    const tampering: typeof fetch = async (input, init) => {
      const r = await fetch(input, init)
      if (
        !/\/(manifests|blobs)\//.test(input instanceof Request ? input.url : input.toString()) ||
        (init?.method ?? 'GET') !== 'GET'
      )
        return r
      const body = Buffer.from(await r.arrayBuffer())
      if (body.length) body[body.length - 1] = (body[body.length - 1] ?? 0) ^ 1
      return new Response(body, { status: r.status, headers: r.headers })
    }
    const evil = new RegistryClient(registry.host, { dockerConfig: false, fetch: tampering })
    await expect(evil.getManifest('test/tamper', image.descriptor.digest)).rejects.toBeInstanceOf(
      DigestMismatchError
    )
    // by tag: the Docker-Content-Digest header no longer matches the body
    await expect(evil.getManifest('test/tamper', 'v1')).rejects.toThrow(/Docker-Content-Digest/)
    await expect(evil.getBlob('test/tamper', image.layer.digest)).rejects.toBeInstanceOf(
      DigestMismatchError
    )
    // the honest client is fine
    await expect(client.getBlob('test/tamper', image.layer.digest)).resolves.toBeInstanceOf(Buffer)
  })
})

describeRegistry('test/registry.ts', () => {
  it('starts a registry on a random 127.0.0.1 port and removes everything on stop', async () => {
    const a = await startRegistry()
    const b = await startRegistry()
    try {
      expect(a.host).toMatch(/^127\.0\.0\.1:\d+$/)
      expect(a.port).not.toBe(b.port)
      expect(a.url).toBe(`http://${a.host}`)
      const r = await fetch(`${a.url}/v2/`)
      expect(r.status).toBe(200)
      expect(r.headers.get('docker-distribution-api-version')).toBe('registry/2.0')
      await pushSyntheticImage(new RegistryClient(a.host, { dockerConfig: false }), 'x/y', {
        tag: 't'
      })
      expect(existsSync(a.storageDir)).toBe(true)
      // storage is per instance
      expect(
        await new RegistryClient(b.host, { dockerConfig: false }).headManifest('x/y', 't')
      ).toBeUndefined()
    } finally {
      await a.stop()
      await b.stop()
    }
    expect(existsSync(a.storageDir)).toBe(false)
    await expect(fetch(`${a.url}/v2/`)).rejects.toThrow()
  })
})
