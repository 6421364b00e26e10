import { createHash } from 'node:crypto'
import type { RegistryClient } from './client.js'
import { MediaType, type Descriptor, type ImageManifest } from './types.js'

export interface SyntheticImage {
  /** The manifest descriptor (digest to sign). */
  descriptor: Descriptor
  manifest: ImageManifest
  config: Descriptor
  layer: Descriptor
}

/**
 * Pushes a tiny OCI image (config blob + one layer + manifest) to `repo`, tagged `tag` when given.
 * `seed` makes the content (and so the digest) distinct and reproducible. For tests and demos.
 */
export async function pushSyntheticImage(
  client: RegistryClient,
  repo: string,
  options: { tag?: string; seed?: string; format?: 'oci' | 'docker' } = {}
): Promise<SyntheticImage> {
  const seed = options.seed ?? `${Date.now()}-${Math.random()}`
  const docker = options.format === 'docker'
  // The "layer" is not a real tarball; registries do not look inside layers.
  const layerBytes = Buffer.from(`secure-pipeline synthetic layer ${seed}\n`)
  const layer = await client.pushBlob(repo, layerBytes, {
    mediaType: docker ? MediaType.DockerLayerGzip : MediaType.OciLayer
  })
  const diffId = `sha256:${createHash('sha256').update(layerBytes).digest('hex')}`
  const configBytes = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Labels: { 'dev.secure-pipeline.synthetic': seed } },
      rootfs: { type: 'layers', diff_ids: [diffId] }
    })
  )
  const config = await client.pushBlob(repo, configBytes, {
    mediaType: docker ? MediaType.DockerConfig : MediaType.OciConfig
  })
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: docker ? MediaType.DockerManifest : MediaType.OciManifest,
    config,
    layers: [layer]
  }
  const { descriptor } = await client.putManifest(
    repo,
    manifest,
    options.tag ? { reference: options.tag } : {}
  )
  return { descriptor, manifest, config, layer }
}
