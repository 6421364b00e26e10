// Interoperability with @sigstore/oci (what actions/attest uses to push bundles to registries):
// each side reads and extends the referrers written by the other on docker-registry 2.8.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { attachArtifactToImage, getImageDigest, type Credentials } from '@sigstore/oci'
import {
  CosignMediaType,
  RegistryClient,
  pushSyntheticImage,
  readBundleReferrers,
  writeBundleReferrer
} from '../src/index.js'
import { startRegistry, type LocalRegistry, registryDescribe } from '../../../test/registry.js'

const describeRegistry = registryDescribe()

// @sigstore/oci fails against a registry without auth when given credentials (see the notes).
const NO_CREDENTIALS = undefined as unknown as Credentials

function bundle(predicateType: string): Buffer {
  const statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [],
    predicateType,
    predicate: {}
  }
  return Buffer.from(
    JSON.stringify({
      mediaType: CosignMediaType.BundleV03,
      verificationMaterial: { publicKey: { hint: 'aA==' } },
      dsseEnvelope: {
        payload: Buffer.from(JSON.stringify(statement)).toString('base64'),
        payloadType: 'application/vnd.in-toto+json',
        signatures: [{ sig: 'cw==', keyid: '' }]
      }
    })
  )
}

describeRegistry('interoperability with @sigstore/oci on docker-registry', () => {
  let registry: LocalRegistry
  let client: RegistryClient
  beforeAll(async () => {
    registry = await startRegistry()
    client = new RegistryClient(registry.host, { dockerConfig: false })
  })
  afterAll(async () => {
    await registry?.stop()
  })

  it('resolves the same digest', async () => {
    const image = await pushSyntheticImage(client, 'interop/digest', { tag: 'v1' })
    const theirs = await getImageDigest({
      imageName: `${registry.host}/interop/digest`,
      imageTag: 'v1',
      credentials: NO_CREDENTIALS
    })
    expect(theirs).toBe(image.descriptor.digest)
  })

  it('reads bundles attached by @sigstore/oci, and both keep one shared fallback index', async () => {
    const image = await pushSyntheticImage(client, 'interop/app', { tag: 'v1' })
    const digest = image.descriptor.digest
    const theirs = await attachArtifactToImage({
      imageName: `${registry.host}/interop/app`,
      imageDigest: digest,
      artifact: bundle('https://slsa.dev/provenance/v1'),
      mediaType: CosignMediaType.BundleV03,
      annotations: {
        'dev.sigstore.bundle.content': 'dsse-envelope',
        'dev.sigstore.bundle.predicateType': 'https://slsa.dev/provenance/v1'
      },
      credentials: NO_CREDENTIALS
    })
    const ours = await writeBundleReferrer(
      client,
      'interop/app',
      image.descriptor,
      bundle('https://cyclonedx.org/bom')
    )
    const theirs2 = await attachArtifactToImage({
      imageName: `${registry.host}/interop/app`,
      imageDigest: digest,
      artifact: bundle('https://spdx.dev/Document'),
      mediaType: CosignMediaType.BundleV03,
      annotations: { 'dev.sigstore.bundle.predicateType': 'https://spdx.dev/Document' },
      credentials: NO_CREDENTIALS
    })
    const read = await readBundleReferrers(client, 'interop/app', digest)
    expect(read.via).toBe('tag-schema')
    expect(read.bundles.map(b => b.manifest.digest)).toEqual([
      theirs.digest,
      ours.descriptor.digest,
      theirs2.digest
    ])
    expect(read.bundles.map(b => b.predicateType)).toEqual([
      'https://slsa.dev/provenance/v1',
      'https://cyclonedx.org/bom',
      'https://spdx.dev/Document'
    ])
    expect(read.bundles[0]?.bundle.equals(bundle('https://slsa.dev/provenance/v1'))).toBe(true)
    // without the predicateType annotation the statement's own predicateType is used
    const unannotated = await attachArtifactToImage({
      imageName: `${registry.host}/interop/app`,
      imageDigest: digest,
      artifact: bundle('https://example.com/custom/v1'),
      mediaType: CosignMediaType.BundleV03,
      credentials: NO_CREDENTIALS
    })
    const custom = await readBundleReferrers(client, 'interop/app', digest, {
      predicateType: 'https://example.com/custom/v1'
    })
    expect(custom.bundles.map(b => b.manifest.digest)).toEqual([unannotated.digest])
    expect(custom.bundles[0]?.annotations['dev.sigstore.bundle.predicateType']).toBeUndefined()
  })
})
