import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createSign, createVerify, generateKeyPairSync } from 'node:crypto'
import { VerificationError } from '@secure-pipeline/core'
import {
  COSIGN_SIGN_PREDICATE_TYPE,
  CosignAnnotation,
  CosignMediaType,
  MediaType,
  RegistryClient,
  cosignTag,
  dockerReference,
  parseReference,
  parseSimpleSigningPayload,
  pushSyntheticImage,
  readBundleReferrers,
  readLegacyAttestations,
  readLegacySignatures,
  referrersTag,
  resolveImage,
  simpleSigningPayload,
  writeBundleReferrer,
  writeLegacyAttestation,
  writeLegacySignature,
  type ImageIndex,
  type ImageManifest
} from '../src/index.js'
import { startRegistry, type LocalRegistry, registryDescribe } from '../../../test/registry.js'
import { startFakeRegistry, type FakeRegistry } from './fake-registry.js'

const D = `sha256:${'b'.repeat(64)}`

function statement(predicateType: string, digest: string): string {
  return JSON.stringify({
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'img', digest: { sha256: digest.slice('sha256:'.length) } }],
    predicateType,
    predicate: {}
  })
}

function dsseBundle(predicateType: string, digest: string): Record<string, unknown> {
  return {
    mediaType: CosignMediaType.BundleV03,
    verificationMaterial: { publicKey: { hint: 'aGludA==' }, tlogEntries: [] },
    dsseEnvelope: {
      payload: Buffer.from(statement(predicateType, digest)).toString('base64'),
      payloadType: 'application/vnd.in-toto+json',
      signatures: [{ sig: 'c2ln', keyid: '' }]
    }
  }
}

describe('simple-signing payload', () => {
  it('is byte-identical to what cosign marshals', () => {
    expect(
      simpleSigningPayload({ dockerReference: 'ghcr.io/o/app', manifestDigest: D }).toString()
    ).toBe(
      `{"critical":{"identity":{"docker-reference":"ghcr.io/o/app"},"image":{"docker-manifest-digest":"${D}"},"type":"cosign container image signature"},"optional":null}`
    )
  })

  it('sorts optional keys and escapes HTML characters like Go', () => {
    const bytes = simpleSigningPayload({
      dockerReference: 'index.docker.io/library/alpine',
      manifestDigest: D,
      annotations: { z: 'last', a: '<b>&', m: { y: 1, x: [true] } }
    })
    expect(bytes.toString()).toContain(
      '"optional":{"a":"\\u003cb\\u003e\\u0026","m":{"x":[true],"y":1},"z":"last"}'
    )
    const parsed = parseSimpleSigningPayload(bytes)
    expect(parsed).toEqual({
      dockerReference: 'index.docker.io/library/alpine',
      manifestDigest: D,
      type: 'cosign container image signature',
      optional: { a: '<b>&', m: { y: 1, x: [true] }, z: 'last' }
    })
  })

  it.each([
    ['not json', /not JSON/],
    ['{}', /critical/],
    [
      '{"critical":{"identity":{},"image":{"docker-manifest-digest":"x"},"type":"t"}}',
      /docker-reference/
    ],
    [
      '{"critical":{"identity":{"docker-reference":"r"},"image":{},"type":"t"}}',
      /docker-manifest-digest/
    ],
    [
      '{"critical":{"identity":{"docker-reference":"r"},"image":{"docker-manifest-digest":"d"}}}',
      /critical.type/
    ]
  ])('rejects %s', (text, why) => {
    expect(() => parseSimpleSigningPayload(text)).toThrow(why)
    expect(() => parseSimpleSigningPayload(text)).toThrow(VerificationError)
  })

  it('names the legacy tags', () => {
    expect(cosignTag(D, 'sig')).toBe(`sha256-${'b'.repeat(64)}.sig`)
    expect(cosignTag(D, 'att')).toBe(`sha256-${'b'.repeat(64)}.att`)
    expect(referrersTag(D)).toBe(`sha256-${'b'.repeat(64)}`)
  })
})

const describeRegistry = registryDescribe()

describeRegistry('cosign layouts on docker-registry (distribution)', () => {
  let registry: LocalRegistry
  let client: RegistryClient

  beforeAll(async () => {
    registry = await startRegistry()
    client = new RegistryClient(registry.host, { dockerConfig: false })
  })
  afterAll(async () => {
    await registry?.stop()
  })

  it('stores v3 bundles as referrers through the tag-schema fallback and reads them back', async () => {
    await pushSyntheticImage(client, 'cosign/v3', { tag: 'v1' })
    const image = await resolveImage(`${registry.host}/cosign/v3:v1`, { client })
    const signature = dsseBundle(COSIGN_SIGN_PREDICATE_TYPE, image.descriptor.digest)
    const sbom = dsseBundle('https://cyclonedx.org/bom', image.descriptor.digest)
    const created = new Date('2026-01-02T03:04:05.678Z')
    const w1 = await writeBundleReferrer(client, 'cosign/v3', image.descriptor, signature, {
      created
    })
    const w2 = await writeBundleReferrer(
      client,
      'cosign/v3',
      image.descriptor,
      JSON.stringify(sbom),
      { created }
    )
    expect(w1.referrers).toBe('tag-schema')
    expect(w2.referrers).toBe('tag-schema')

    // the layout, exactly
    const stored = await client.getManifest('cosign/v3', w1.descriptor.digest)
    const m = stored.manifest as ImageManifest
    expect(m).toMatchObject({
      schemaVersion: 2,
      mediaType: MediaType.OciManifest,
      artifactType: CosignMediaType.BundleV03,
      config: { mediaType: MediaType.OciEmpty, size: 2 },
      subject: image.descriptor,
      annotations: {
        'dev.sigstore.bundle.content': 'dsse-envelope',
        'dev.sigstore.bundle.predicateType': COSIGN_SIGN_PREDICATE_TYPE,
        'org.opencontainers.image.created': '2026-01-02T03:04:05Z'
      }
    })
    expect(m.layers).toHaveLength(1)
    expect(m.layers[0]?.mediaType).toBe(CosignMediaType.BundleV03)
    const index = (await client.getManifest('cosign/v3', referrersTag(image.descriptor.digest)))
      .manifest as ImageIndex
    expect(index.manifests.map(d => d.digest)).toEqual([w1.descriptor.digest, w2.descriptor.digest])
    expect(index.manifests[0]?.artifactType).toBe(CosignMediaType.BundleV03)

    const all = await readBundleReferrers(client, 'cosign/v3', image.descriptor.digest)
    expect(all.via).toBe('tag-schema')
    expect(all.bundles.map(b => b.predicateType)).toEqual([
      COSIGN_SIGN_PREDICATE_TYPE,
      'https://cyclonedx.org/bom'
    ])
    expect(JSON.parse(all.bundles[0].bundle.toString())).toEqual(signature)
    const onlySbom = await readBundleReferrers(client, 'cosign/v3', image.descriptor.digest, {
      predicateType: 'https://cyclonedx.org/bom'
    })
    expect(onlySbom.bundles).toHaveLength(1)
    expect(JSON.parse(onlySbom.bundles[0].bundle.toString())).toEqual(sbom)

    // another image has none
    const other = await pushSyntheticImage(client, 'cosign/v3', { tag: 'v2' })
    expect(
      (await readBundleReferrers(client, 'cosign/v3', other.descriptor.digest)).bundles
    ).toEqual([])
  })

  it('ignores referrers-index entries whose manifest names another subject', async () => {
    const a = await pushSyntheticImage(client, 'cosign/forged', { tag: 'a' })
    const b = await pushSyntheticImage(client, 'cosign/forged', { tag: 'b' })
    const w = await writeBundleReferrer(
      client,
      'cosign/forged',
      a.descriptor,
      dsseBundle('x', a.descriptor.digest)
    )
    // someone copies a's referrer into b's fallback index
    await client.addToReferrersTag('cosign/forged', b.descriptor.digest, {
      ...w.descriptor,
      artifactType: CosignMediaType.BundleV03
    })
    expect((await client.referrers('cosign/forged', b.descriptor.digest)).manifests).toHaveLength(1)
    expect(
      (await readBundleReferrers(client, 'cosign/forged', b.descriptor.digest)).bundles
    ).toEqual([])
    expect(
      (await readBundleReferrers(client, 'cosign/forged', a.descriptor.digest)).bundles
    ).toHaveLength(1)
  })

  it('writes a legacy .sig that carries a verifiable ECDSA signature, and appends a second one', async () => {
    await pushSyntheticImage(client, 'cosign/legacy', { tag: 'v1' })
    const image = await resolveImage(`${registry.host}/cosign/legacy:v1`, { client })
    const payload = simpleSigningPayload({
      dockerReference: dockerReference(parseReference(`${registry.host}/cosign/legacy`)),
      manifestDigest: image.descriptor.digest
    })
    const keys = [
      generateKeyPairSync('ec', { namedCurve: 'P-256' }),
      generateKeyPairSync('ec', { namedCurve: 'P-256' })
    ]
    const rekorBundle = {
      SignedEntryTimestamp: 'c2V0',
      Payload: { body: 'Ym9keQ==', integratedTime: 1700000000, logIndex: 7, logID: 'ab'.repeat(32) }
    }
    for (const [i, key] of keys.entries()) {
      const signature = createSign('sha256').update(payload).sign(key.privateKey).toString('base64')
      const result = await writeLegacySignature(client, 'cosign/legacy', image.descriptor.digest, {
        payload,
        signature,
        ...(i === 0
          ? {
              rekorBundle,
              certificate: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'
            }
          : {})
      })
      expect(result.tag).toBe(cosignTag(image.descriptor.digest, 'sig'))
      expect(result.layers).toBe(i + 1)
    }
    const tagged = await client.getManifest(
      'cosign/legacy',
      cosignTag(image.descriptor.digest, 'sig')
    )
    const m = tagged.manifest as ImageManifest
    expect(m.mediaType).toBe(MediaType.OciManifest)
    expect(m.config.mediaType).toBe(MediaType.OciConfig)
    expect(m.layers.map(l => l.mediaType)).toEqual([
      CosignMediaType.SimpleSigning,
      CosignMediaType.SimpleSigning
    ])
    expect(Object.keys(m.layers[0]?.annotations ?? {}).sort()).toEqual(
      [CosignAnnotation.Bundle, CosignAnnotation.Certificate, CosignAnnotation.Signature].sort()
    )

    const read = await readLegacySignatures(client, 'cosign/legacy', image.descriptor.digest)
    expect(read).toHaveLength(2)
    for (const [i, sig] of read.entries()) {
      expect(sig.payload.equals(payload)).toBe(true)
      const ok = createVerify('sha256')
        .update(sig.payload)
        .verify(keys[i].publicKey, Buffer.from(sig.signature, 'base64'))
      expect(ok).toBe(true)
      // and not with the other key
      const cross = createVerify('sha256')
        .update(sig.payload)
        .verify(keys[1 - i].publicKey, Buffer.from(sig.signature, 'base64'))
      expect(cross).toBe(false)
      expect(parseSimpleSigningPayload(sig.payload).manifestDigest).toBe(image.descriptor.digest)
    }
    expect(JSON.parse(read[0].rekorBundle ?? '')).toEqual(rekorBundle)
    expect(read[0].certificate).toContain('BEGIN CERTIFICATE')
    expect(read[1].rekorBundle).toBeUndefined()

    // writing the same signature again does not duplicate it; replace starts over
    const again = await writeLegacySignature(client, 'cosign/legacy', image.descriptor.digest, {
      payload,
      signature: read[1].signature
    })
    expect(again.layers).toBe(2)
    const replaced = await writeLegacySignature(
      client,
      'cosign/legacy',
      image.descriptor.digest,
      { payload, signature: read[1].signature },
      { replace: true }
    )
    expect(replaced.layers).toBe(1)
    expect(
      await readLegacySignatures(client, 'cosign/legacy', image.descriptor.digest)
    ).toHaveLength(1)
  })

  it('keeps every entry when one process writes referrers and signatures concurrently', async () => {
    const image = await pushSyntheticImage(client, 'cosign/concurrent', { tag: 'v1' })
    const digest = image.descriptor.digest
    const types = ['a', 'b', 'c', 'd', 'e'].map(x => `https://example.com/predicate/${x}`)
    const writes = await Promise.all(
      types.map(t =>
        writeBundleReferrer(client, 'cosign/concurrent', image.descriptor, dsseBundle(t, digest))
      )
    )
    const read = await readBundleReferrers(client, 'cosign/concurrent', digest)
    expect(read.bundles.map(b => b.manifest.digest).sort()).toEqual(
      writes.map(w => w.descriptor.digest).sort()
    )
    // a second client (separate token/cache state) in the same process shares the lock
    const other = new RegistryClient(registry.host, { dockerConfig: false })
    const payload = simpleSigningPayload({ dockerReference: 'r', manifestDigest: digest })
    await Promise.all(
      ['s1', 's2', 's3'].map((sig, i) =>
        writeLegacySignature(i % 2 ? other : client, 'cosign/concurrent', digest, {
          payload,
          signature: Buffer.from(sig).toString('base64')
        })
      )
    )
    const sigs = await readLegacySignatures(client, 'cosign/concurrent', digest)
    expect(sigs.map(s => Buffer.from(s.signature, 'base64').toString()).sort()).toEqual([
      's1',
      's2',
      's3'
    ])
  })

  it('writes and reads legacy .att attestations filtered by predicateType', async () => {
    const image = await pushSyntheticImage(client, 'cosign/att', { tag: 'v1' })
    const digest = image.descriptor.digest
    const envelope = (pt: string): Record<string, unknown> => ({
      payload: Buffer.from(statement(pt, digest)).toString('base64'),
      payloadType: 'application/vnd.in-toto+json',
      signatures: [{ keyid: '', sig: 'c2ln' }]
    })
    await writeLegacyAttestation(client, 'cosign/att', digest, {
      envelope: envelope('https://slsa.dev/provenance/v1')
    })
    await writeLegacyAttestation(client, 'cosign/att', digest, {
      envelope: JSON.stringify(envelope('https://spdx.dev/Document')),
      predicateType: 'https://spdx.dev/Document'
    })
    const m = (await client.getManifest('cosign/att', cosignTag(digest, 'att')))
      .manifest as ImageManifest
    expect(m.layers.map(l => l.mediaType)).toEqual([
      CosignMediaType.DsseEnvelope,
      CosignMediaType.DsseEnvelope
    ])
    expect(m.layers.map(l => l.annotations?.predicateType)).toEqual([
      'https://slsa.dev/provenance/v1',
      'https://spdx.dev/Document'
    ])
    expect(m.layers[0]?.annotations?.[CosignAnnotation.Signature]).toBe('')
    const all = await readLegacyAttestations(client, 'cosign/att', digest)
    expect(all.map(a => a.predicateType)).toEqual([
      'https://slsa.dev/provenance/v1',
      'https://spdx.dev/Document'
    ])
    const spdx = await readLegacyAttestations(client, 'cosign/att', digest, {
      predicateType: 'https://spdx.dev/Document'
    })
    expect(spdx).toHaveLength(1)
    expect(JSON.parse(spdx[0].envelope.toString())).toEqual(envelope('https://spdx.dev/Document'))
    // no .sig, no bundles for this image
    expect(await readLegacySignatures(client, 'cosign/att', digest)).toEqual([])
    expect((await readBundleReferrers(client, 'cosign/att', digest)).bundles).toEqual([])
  })
})

describe('cosign layouts on a registry with the referrers API (in-test server)', () => {
  let fake: FakeRegistry
  let client: RegistryClient
  beforeAll(async () => {
    fake = await startFakeRegistry({ referrers: true })
    client = new RegistryClient(fake.host, { dockerConfig: false })
  })
  afterAll(async () => {
    await fake?.stop()
  })

  it('uses the API, writes no fallback tag and filters by artifactType', async () => {
    const image = await pushSyntheticImage(client, 'app', { tag: 'v1' })
    expect(await client.supportsReferrersApi('app')).toBe(true)
    const w = await writeBundleReferrer(
      client,
      'app',
      image.descriptor,
      dsseBundle('https://slsa.dev/provenance/v1', image.descriptor.digest)
    )
    expect(w.referrers).toBe('api')
    expect(await client.headManifest('app', referrersTag(image.descriptor.digest))).toBeUndefined()
    const read = await readBundleReferrers(client, 'app', image.descriptor.digest)
    expect(read.via).toBe('api')
    expect(read.bundles.map(b => b.manifest.digest)).toEqual([w.descriptor.digest])
    const none = await client.referrers('app', image.descriptor.digest, {
      artifactType: 'application/x-other'
    })
    expect(none).toEqual({ via: 'api', manifests: [] })
    expect(
      fake.requests.some(r => r.path.includes('/referrers/') && r.path.includes('artifactType='))
    ).toBe(true)
  })
})
