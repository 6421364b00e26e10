// Images in a real registry (Debian's docker-registry on 127.0.0.1): sign, attest (SBOM) and verify
// the cosign v3 way, and verify a cosign v2 `.sig` signature written by hand per SIGNATURE_SPEC.md.
import crypto from 'node:crypto'
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { VerificationError } from '@secure-pipeline/core'
import {
  RegistryClient,
  dockerReference,
  parseReference,
  pushSyntheticImage,
  simpleSigningPayload,
  writeLegacyAttestation,
  writeLegacySignature
} from '@secure-pipeline/oci'
import { startRegistry, type LocalRegistry, registryDescribe } from '../../../test/registry.js'
import { GITHUB_ISSUER, startMockSigstore, type MockSigstore } from '../../../test/sigstore-mock.js'
import {
  attestImage,
  buildStatement,
  loadTrustedRootFile,
  signBlob,
  signDSSE,
  signImage,
  verifyImage
} from '../src/index.js'

const describeRegistry = registryDescribe()

const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
const other = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })

const SBOM = {
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  components: [
    { type: 'library', name: 'left-pad', version: '1.3.0', purl: 'pkg:npm/left-pad@1.3.0' }
  ]
}

describeRegistry('images in a local registry', () => {
  let registry: LocalRegistry
  let client: RegistryClient
  let mock: MockSigstore
  const oci = { dockerConfig: false as const }

  beforeAll(async () => {
    registry = await startRegistry()
    client = new RegistryClient(registry.host, oci)
    mock = await startMockSigstore()
  })
  afterAll(async () => {
    await mock?.close()
    await registry?.stop()
  })

  test('keyed: sign by tag (stored by digest as a bundle referrer), attest an SBOM, verify both', async () => {
    const image = await pushSyntheticImage(client, 'acme/app', { tag: 'v1', seed: 'keyed' })
    const ref = `${registry.host}/acme/app:v1`
    const signed = await signImage(ref, { privateKey }, oci)
    expect(signed.digest).toBe(image.descriptor.digest)
    expect(signed.reference).toBe(`${registry.host}/acme/app@${image.descriptor.digest}`)
    expect(['api', 'tag-schema']).toContain(signed.via)

    const attested = await attestImage(ref, 'https://cyclonedx.org/bom', SBOM, { privateKey }, oci)
    expect(attested.digest).toBe(image.descriptor.digest)

    const sig = await verifyImage(ref, { publicKey }, oci)
    expect(sig.verified).toHaveLength(1)
    expect(sig.verified[0]?.source).toBe('referrer')
    expect(sig.verified[0]?.predicateType).toBe('https://sigstore.dev/cosign/sign/v1')

    const att = await verifyImage(
      ref,
      { publicKey, attestation: true, predicateType: 'https://cyclonedx.org/bom' },
      oci
    )
    expect(att.verified).toHaveLength(1)
    expect(att.verified[0]?.result.statement?.predicate).toEqual(SBOM)

    await expect(verifyImage(ref, { publicKey: other.publicKey }, oci)).rejects.toThrow(
      VerificationError
    )
    await expect(
      verifyImage(
        ref,
        { publicKey, attestation: true, predicateType: 'https://spdx.dev/Document' },
        oci
      )
    ).rejects.toThrow(/no attestation of type https:\/\/spdx\.dev\/Document found/)
  })

  test('an unsigned image is not verified', async () => {
    await pushSyntheticImage(client, 'acme/unsigned', { tag: 'latest', seed: 'unsigned' })
    await expect(verifyImage(`${registry.host}/acme/unsigned`, { publicKey }, oci)).rejects.toThrow(
      /no signature found/
    )
  })

  test('keyless: sign and attest with the mock services, verify the identity; another identity is rejected', async () => {
    await pushSyntheticImage(client, 'acme/keyless', { tag: 'v2', seed: 'keyless' })
    const ref = `${registry.host}/acme/keyless:v2`
    const keyless = {
      identityToken: mock.mintToken({ repository: 'acme/app', ref: 'refs/tags/v2' }),
      fulcioURL: mock.url,
      rekorURL: mock.url,
      tsaURL: mock.url,
      rekorEntryType: 'intoto' as const
    }
    await signImage(ref, { keyless }, oci)
    await attestImage(ref, 'https://cyclonedx.org/bom', SBOM, { keyless }, oci)
    const trustedRoot = loadTrustedRootFile(mock.trustedRootPath)
    const policy = {
      identity: { exact: mock.identityFor({ repository: 'acme/app', ref: 'refs/tags/v2' }) },
      issuer: { exact: GITHUB_ISSUER },
      github: { repository: 'acme/app', ref: 'refs/tags/v2' }
    }
    const r = await verifyImage(ref, { policy, trustedRoot }, oci)
    expect(r.verified[0]?.result.signer.type).toBe('certificate')
    const a = await verifyImage(
      ref,
      { policy, trustedRoot, attestation: true, predicateType: 'https://cyclonedx.org/bom' },
      oci
    )
    expect(a.verified).toHaveLength(1)
    await expect(
      verifyImage(
        ref,
        { policy: { ...policy, github: { repository: 'acme/other' } }, trustedRoot },
        oci
      )
    ).rejects.toThrow(/GitHub repository: expected "acme\/other", got "acme\/app"/)
  })

  test('a cosign v2 `.sig` written by hand per SIGNATURE_SPEC.md verifies; one for another digest does not', async () => {
    const image = await pushSyntheticImage(client, 'acme/legacy', { tag: 'v1', seed: 'legacy' })
    const decoy = await pushSyntheticImage(client, 'acme/legacy', { tag: 'decoy', seed: 'decoy' })
    const writeSig = async (signedDigest: string, onto: string) => {
      // The simple-signing payload, written out literally.
      const payload = Buffer.from(
        `{"critical":{"identity":{"docker-reference":"${registry.host}/acme/legacy"},` +
          `"image":{"docker-manifest-digest":"${signedDigest}"},"type":"cosign container image signature"},"optional":null}`
      )
      const signature = crypto.sign('sha256', payload, privateKey).toString('base64')
      const config = Buffer.from(
        '{"architecture":"","config":{},"created":"0001-01-01T00:00:00Z","history":[{"created":"0001-01-01T00:00:00Z"}],"os":"","rootfs":{"type":"layers","diff_ids":[]}}'
      )
      const layer = await client.pushBlob('acme/legacy', payload, {
        mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json'
      })
      const cfg = await client.pushBlob('acme/legacy', config, {
        mediaType: 'application/vnd.oci.image.config.v1+json'
      })
      const manifest = {
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: {
          mediaType: 'application/vnd.oci.image.config.v1+json',
          digest: cfg.digest,
          size: cfg.size
        },
        layers: [
          {
            mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
            digest: layer.digest,
            size: layer.size,
            annotations: { 'dev.cosignproject.cosign/signature': signature }
          }
        ]
      }
      await client.putManifest('acme/legacy', Buffer.from(JSON.stringify(manifest)), {
        reference: `${onto.replace(':', '-')}.sig`,
        mediaType: 'application/vnd.oci.image.manifest.v1+json'
      })
    }
    await writeSig(image.descriptor.digest, image.descriptor.digest)
    const r = await verifyImage(`${registry.host}/acme/legacy:v1`, { publicKey }, oci)
    expect(r.verified.map(v => v.source)).toEqual(['legacy-sig'])
    await expect(
      verifyImage(`${registry.host}/acme/legacy:v1`, { publicKey: other.publicKey }, oci)
    ).rejects.toThrow(VerificationError)
    // A signature over another image's digest, stored under the decoy's tag, must not verify it.
    await writeSig(image.descriptor.digest, decoy.descriptor.digest)
    await expect(
      verifyImage(`${registry.host}/acme/legacy:decoy`, { publicKey }, oci)
    ).rejects.toThrow(/docker-manifest-digest/)
  })

  test('cosign v2 keyless `.sig` (certificate + Rekor bundle annotations) and keyed `.att` verify', async () => {
    const image = await pushSyntheticImage(client, 'acme/v2', { tag: 'v1', seed: 'v2' })
    const digest = image.descriptor.digest
    const payload = simpleSigningPayload({
      dockerReference: dockerReference(parseReference(`${registry.host}/acme/v2`)),
      manifestDigest: digest
    })
    const claims = { repository: 'acme/app', ref: 'refs/heads/main' }
    const bundle = await signBlob(payload, {
      keyless: { identityToken: mock.mintToken(claims), fulcioURL: mock.url, rekorURL: mock.url }
    })
    const entry = bundle.verificationMaterial.tlogEntries[0]
    const der = Buffer.from(bundle.verificationMaterial.certificate?.rawBytes ?? '', 'base64')
    const certificate = `-----BEGIN CERTIFICATE-----\n${der
      .toString('base64')
      .match(/.{1,64}/g)
      ?.join('\n')}\n-----END CERTIFICATE-----\n`
    await writeLegacySignature(client, 'acme/v2', digest, {
      payload,
      signature: bundle.messageSignature?.signature ?? '',
      certificate,
      rekorBundle: {
        SignedEntryTimestamp: entry?.inclusionPromise?.signedEntryTimestamp,
        Payload: {
          body: entry?.canonicalizedBody,
          integratedTime: Number(entry?.integratedTime),
          logIndex: Number(entry?.logIndex),
          logID: Buffer.from(entry?.logId.keyId ?? '', 'base64').toString('hex')
        }
      }
    })
    const trustedRoot = loadTrustedRootFile(mock.trustedRootPath)
    const policy = {
      identity: { exact: mock.identityFor(claims) },
      issuer: { exact: GITHUB_ISSUER }
    }
    const ref = `${registry.host}/acme/v2:v1`
    const r = await verifyImage(ref, { policy, trustedRoot }, oci)
    expect(r.verified.map(v => [v.source, v.result.tlogEntries])).toEqual([['legacy-sig', 1]])
    await expect(
      verifyImage(
        ref,
        { policy: { ...policy, identity: { exact: 'https://github.com/evil' } }, trustedRoot },
        oci
      )
    ).rejects.toThrow(/certificate identity/)

    const statement = buildStatement(
      [{ name: 'acme/v2', digest: { sha256: digest.slice(7) } }],
      'https://spdx.dev/Document',
      {
        spdxVersion: 'SPDX-2.3'
      }
    )
    const dsse = await signDSSE(Buffer.from(JSON.stringify(statement)), { privateKey })
    await writeLegacyAttestation(client, 'acme/v2', digest, { envelope: dsse.dsseEnvelope ?? {} })
    const a = await verifyImage(
      ref,
      { publicKey, attestation: true, predicateType: 'https://spdx.dev/Document' },
      oci
    )
    expect(a.verified.map(v => v.source)).toEqual(['legacy-att'])
    await expect(
      verifyImage(
        ref,
        {
          publicKey: other.publicKey,
          attestation: true,
          predicateType: 'https://spdx.dev/Document'
        },
        oci
      )
    ).rejects.toThrow(VerificationError)
  })
})
