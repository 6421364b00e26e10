// Image shapes and signature storage against a real docker-registry (distribution 2.8.2, no
// referrers API): multi-arch OCI indexes and Docker manifest lists (index digest vs platform
// manifests, `recursive`), Docker schema 2, artifacts with artifactType and an empty config, tags
// moved between sign and verify, several signatures, attacker-added and unreadable ones.
import crypto from 'node:crypto'
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { VerificationError } from '@secure-pipeline/core'
import {
  EMPTY_DESCRIPTOR,
  EMPTY_JSON,
  MediaType,
  RegistryClient,
  dockerReference,
  parseReference,
  pushSyntheticImage,
  sha256Digest,
  simpleSigningPayload,
  writeBundleReferrer,
  writeLegacySignature,
  type Descriptor,
  type ImageIndex
} from '@secure-pipeline/oci'
import { startRegistry, type LocalRegistry, registryDescribe } from '../../../test/registry.js'
import { signImage, verifyImage } from '../src/index.js'

const describeRegistry = registryDescribe()

const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
const mallory = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })

describeRegistry('image shapes and signature storage (local registry)', () => {
  let registry: LocalRegistry
  let client: RegistryClient
  const oci = { dockerConfig: false as const }

  beforeAll(async () => {
    registry = await startRegistry()
    client = new RegistryClient(registry.host, oci)
  })
  afterAll(async () => {
    await registry?.stop()
  })

  /** Pushes two platform images and an index over them, tagged `tag`. */
  async function pushMultiArch(
    repo: string,
    format: 'oci' | 'docker',
    tag: string
  ): Promise<{ index: Descriptor; platforms: Descriptor[] }> {
    const platforms: Descriptor[] = []
    for (const arch of ['amd64', 'arm64']) {
      const img = await pushSyntheticImage(client, repo, {
        seed: `${repo}-${format}-${arch}`,
        format
      })
      platforms.push({ ...img.descriptor, platform: { architecture: arch, os: 'linux' } })
    }
    const index: ImageIndex = {
      schemaVersion: 2,
      mediaType: format === 'oci' ? MediaType.OciIndex : MediaType.DockerManifestList,
      manifests: platforms
    }
    const put = await client.putManifest(repo, index, { reference: tag })
    return { index: put.descriptor, platforms }
  }

  test.each([
    ['OCI image index', 'oci' as const],
    ['Docker manifest list', 'docker' as const]
  ])(
    '%s: the tag signs the index digest only; recursive signs every platform manifest too',
    async (_name, format) => {
      const repo = `multi/${format}`
      const { index, platforms } = await pushMultiArch(repo, format, 'v1')
      const ref = `${registry.host}/${repo}:v1`
      const signed = await signImage(ref, { privateKey }, oci)
      expect(signed.digest).toBe(index.digest)
      expect(signed.children).toBeUndefined()

      const v = await verifyImage(ref, { publicKey }, oci)
      expect(v.digest).toBe(index.digest)
      expect(v.verified[0]?.entry).toBe(`referrer ${signed.referrer}`)
      // a platform manifest is another digest: not covered by the index signature (as cosign)
      for (const p of platforms) {
        await expect(
          verifyImage(`${registry.host}/${repo}@${p.digest}`, { publicKey }, oci)
        ).rejects.toThrow(/no signature found/)
      }

      const recursive = await signImage(ref, { privateKey }, oci, { recursive: true })
      expect(recursive.digest).toBe(index.digest)
      expect(recursive.children?.map(c => c.digest)).toEqual(platforms.map(p => p.digest))
      for (const p of platforms) {
        const pv = await verifyImage(`${registry.host}/${repo}@${p.digest}`, { publicKey }, oci)
        expect(pv.digest).toBe(p.digest)
        expect(pv.verified).toHaveLength(1)
      }
      // the index now has two signatures (plain + recursive run); both verify
      expect((await verifyImage(ref, { publicKey }, oci)).verified).toHaveLength(2)
    }
  )

  test('recursive on a single-platform image signs just that image', async () => {
    const img = await pushSyntheticImage(client, 'multi/single', { tag: 'v1', seed: 'single' })
    const r = await signImage(`${registry.host}/multi/single:v1`, { privateKey }, oci, {
      recursive: true
    })
    expect(r.digest).toBe(img.descriptor.digest)
    expect(r.children).toBeUndefined()
  })

  test.each(['oci', 'docker'] as const)('a %s manifest signs and verifies', async format => {
    const img = await pushSyntheticImage(client, `shapes/${format}`, { tag: 'v1', format })
    const ref = `${registry.host}/shapes/${format}:v1`
    await signImage(ref, { privateKey }, oci)
    const v = await verifyImage(ref, { publicKey }, oci)
    expect(v.digest).toBe(img.descriptor.digest)
    const stored = await client.getManifest(`shapes/${format}`, img.descriptor.digest)
    expect(stored.descriptor.mediaType).toBe(
      format === 'oci' ? MediaType.OciManifest : MediaType.DockerManifest
    )
  })

  test('an OCI artifact (artifactType, empty config) signs and verifies', async () => {
    const repo = 'shapes/artifact'
    await client.pushBlob(repo, EMPTY_JSON, { mediaType: MediaType.OciEmpty })
    const layer = await client.pushBlob(repo, Buffer.from('apiVersion: v2\nname: chart\n'), {
      mediaType: 'application/vnd.example.chart.content.v1.tar+gzip'
    })
    const put = await client.putManifest(
      repo,
      {
        schemaVersion: 2,
        mediaType: MediaType.OciManifest,
        artifactType: 'application/vnd.example.chart.v1',
        config: EMPTY_DESCRIPTOR,
        layers: [layer]
      },
      { reference: '1.0.0' }
    )
    const ref = `${registry.host}/${repo}:1.0.0`
    const signed = await signImage(ref, { privateKey }, oci)
    expect(signed.digest).toBe(put.descriptor.digest)
    expect((await verifyImage(ref, { publicKey }, oci)).digest).toBe(put.descriptor.digest)
  })

  test('a tag moved after signing: verify binds to what the tag resolves to now; pins still verify', async () => {
    const repo = 'moved/app'
    const a = await pushSyntheticImage(client, repo, { tag: 'v1', seed: 'moved-a' })
    await signImage(`${registry.host}/${repo}:v1`, { privateKey }, oci)
    const b = await pushSyntheticImage(client, repo, { tag: 'v1', seed: 'moved-b' })
    expect(b.descriptor.digest).not.toBe(a.descriptor.digest)

    const err = await verifyImage(`${registry.host}/${repo}:v1`, { publicKey }, oci).catch(
      (e: unknown) => e
    )
    expect(err).toBeInstanceOf(VerificationError)
    expect((err as Error).message).toContain(b.descriptor.digest)

    const pinned = await verifyImage(
      `${registry.host}/${repo}@${a.descriptor.digest}`,
      { publicKey },
      oci
    )
    expect(pinned.digest).toBe(a.descriptor.digest)
    // tag@digest: the digest wins, as in docker
    const both = await verifyImage(
      `${registry.host}/${repo}:v1@${a.descriptor.digest}`,
      { publicKey },
      oci
    )
    expect(both.digest).toBe(a.descriptor.digest)
    // even when the tag does not exist at all
    const gone = await verifyImage(
      `${registry.host}/${repo}:no-such-tag@${a.descriptor.digest}`,
      { publicKey },
      oci
    )
    expect(gone.digest).toBe(a.descriptor.digest)
  })

  async function deleteBlob(repo: string, digest: string): Promise<void> {
    const r = await fetch(`${registry.url}/v2/${repo}/blobs/${digest}`, { method: 'DELETE' })
    expect(r.status).toBe(202)
  }

  test('several v3 signatures: any one verifying is enough and is named; bad and unreadable ones are reported', async () => {
    const repo = 'many/v3'
    const img = await pushSyntheticImage(client, repo, { tag: 'v1', seed: 'many-v3' })
    const ref = `${registry.host}/${repo}:v1`
    // an attacker-added signature by another key, and a referrer whose bundle is not JSON
    await signImage(ref, { privateKey: mallory.privateKey }, oci)
    await writeBundleReferrer(client, repo, img.descriptor, Buffer.from('not a bundle'), {
      predicateType: 'https://sigstore.dev/cosign/sign/v1'
    })
    // and a hand-made referrer whose bundle is JSON `null`, without the predicateType annotation
    const nullBlob = await client.pushBlob(repo, Buffer.from('null'), {
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json'
    })
    await client.pushBlob(repo, EMPTY_JSON, { mediaType: MediaType.OciEmpty })
    await client.putManifest(repo, {
      schemaVersion: 2,
      mediaType: MediaType.OciManifest,
      artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      config: EMPTY_DESCRIPTOR,
      layers: [nullBlob],
      subject: img.descriptor
    })
    await expect(verifyImage(ref, { publicKey }, oci)).rejects.toThrow(
      /no signature of .* verified/
    )

    const good = await signImage(ref, { privateKey }, oci)
    // and one whose bundle blob is gone from the registry
    const orphan = await signImage(ref, { privateKey }, oci)
    const orphanManifest = await client.getManifest(repo, orphan.referrer)
    const orphanLayer = (orphanManifest.manifest as { layers: Descriptor[] }).layers[0]
    await deleteBlob(repo, orphanLayer?.digest ?? '')

    const v = await verifyImage(ref, { publicKey }, oci)
    expect(v.verified.map(s => s.entry)).toEqual([`referrer ${good.referrer}`])
    // the `null` bundle has no predicate type: filtered out like any other artifact, no crash
    expect(v.rejected).toHaveLength(3)
    expect(v.rejected.find(r => r.entry === `referrer ${orphan.referrer}`)?.reason).toMatch(
      /unreadable: .*404/
    )

    // only unreadable ones: a clear message naming it, exit 1
    const lone = await pushSyntheticImage(client, repo, { tag: 'v2', seed: 'many-v3-lone' })
    const only = await signImage(`${registry.host}/${repo}:v2`, { privateKey }, oci)
    const m = await client.getManifest(repo, only.referrer)
    await deleteBlob(repo, (m.manifest as { layers: Descriptor[] }).layers[0]?.digest ?? '')
    const err = await verifyImage(
      `${registry.host}/${repo}@${lone.descriptor.digest}`,
      { publicKey },
      oci
    ).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(VerificationError)
    expect((err as Error).message).toContain(`referrer ${only.referrer}: unreadable`)
  })

  test('a v2 .sig with several layers: a forged and a missing layer do not hide the good one', async () => {
    const repo = 'many/v2'
    const img = await pushSyntheticImage(client, repo, { tag: 'v1', seed: 'many-v2' })
    const digest = img.descriptor.digest
    const payloadFor = (extra: Record<string, string>): Buffer =>
      simpleSigningPayload({
        dockerReference: dockerReference(parseReference(`${registry.host}/${repo}`)),
        manifestDigest: digest,
        annotations: extra
      })
    const sign = (payload: Buffer, key: crypto.KeyObject): string =>
      crypto.sign('sha256', payload, key).toString('base64')
    // forged: signed by another key
    const forged = payloadFor({ n: 'forged' })
    await writeLegacySignature(client, repo, digest, {
      payload: forged,
      signature: sign(forged, mallory.privateKey)
    })
    // good, but its layer blob will be deleted
    const missing = payloadFor({ n: 'missing' })
    await writeLegacySignature(client, repo, digest, {
      payload: missing,
      signature: sign(missing, privateKey)
    })
    const good = payloadFor({ n: 'good' })
    const written = await writeLegacySignature(client, repo, digest, {
      payload: good,
      signature: sign(good, privateKey)
    })
    expect(written.layers).toBe(3)
    await deleteBlob(repo, sha256Digest(missing))

    const v = await verifyImage(`${registry.host}/${repo}:v1`, { publicKey }, oci)
    expect(v.verified.map(s => s.source)).toEqual(['legacy-sig'])
    expect(v.verified[0]?.entry).toBe(`${digest.replace(':', '-')}.sig layer ${sha256Digest(good)}`)
    expect(v.rejected.map(r => r.entry).sort()).toEqual(
      [
        `${digest.replace(':', '-')}.sig layer ${sha256Digest(forged)}`,
        `${digest.replace(':', '-')}.sig layer ${sha256Digest(missing)}`
      ].sort()
    )
  })
})
