import { createHash } from 'node:crypto'

/** Media types this package reads and writes. */
export const MediaType = {
  OciManifest: 'application/vnd.oci.image.manifest.v1+json',
  OciIndex: 'application/vnd.oci.image.index.v1+json',
  OciConfig: 'application/vnd.oci.image.config.v1+json',
  OciLayer: 'application/vnd.oci.image.layer.v1.tar',
  OciLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  OciEmpty: 'application/vnd.oci.empty.v1+json',
  DockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  DockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  DockerConfig: 'application/vnd.docker.container.image.v1+json',
  DockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip'
} as const

/** Every manifest type we accept on GET, best first. */
export const MANIFEST_ACCEPT: readonly string[] = [
  MediaType.OciManifest,
  MediaType.OciIndex,
  MediaType.DockerManifest,
  MediaType.DockerManifestList
]

/** The OCI empty JSON blob `{}` and its descriptor (config of artifact manifests). */
export const EMPTY_JSON = Buffer.from('{}')
export const EMPTY_DESCRIPTOR: Descriptor = {
  mediaType: MediaType.OciEmpty,
  digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
  size: 2
}

export interface Descriptor {
  mediaType: string
  digest: string
  size: number
  annotations?: Record<string, string>
  artifactType?: string
  urls?: string[]
  platform?: {
    architecture: string
    os: string
    variant?: string
    'os.version'?: string
    'os.features'?: string[]
  }
  data?: string
}

/** OCI image manifest (also covers Docker v2 schema 2, which has the same shape). */
export interface ImageManifest {
  schemaVersion: 2
  mediaType?: string
  artifactType?: string
  config: Descriptor
  layers: Descriptor[]
  subject?: Descriptor
  annotations?: Record<string, string>
}

/** OCI image index / Docker manifest list; also the referrers response and fallback tag. */
export interface ImageIndex {
  schemaVersion: 2
  mediaType?: string
  artifactType?: string
  manifests: Descriptor[]
  subject?: Descriptor
  annotations?: Record<string, string>
}

export type Manifest = ImageManifest | ImageIndex

export function isIndex(m: Manifest): m is ImageIndex {
  return Array.isArray((m as ImageIndex).manifests)
}

export function isIndexMediaType(mediaType: string | undefined): boolean {
  return mediaType === MediaType.OciIndex || mediaType === MediaType.DockerManifestList
}

/** `sha256:<hex>` of `data`. */
export function sha256Digest(data: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`
}

/** Digest of `data` with the algorithm of `digest` (sha256, sha384 or sha512). */
export function digestWithAlgorithm(algorithm: string, data: Uint8Array): string {
  if (!['sha256', 'sha384', 'sha512'].includes(algorithm)) {
    throw new Error(`unsupported digest algorithm ${algorithm}`)
  }
  return `${algorithm}:${createHash(algorithm).update(data).digest('hex')}`
}

/** Descriptor for a blob or manifest body. */
export function descriptorFor(
  mediaType: string,
  data: Uint8Array,
  extra: Partial<Omit<Descriptor, 'mediaType' | 'digest' | 'size'>> = {}
): Descriptor {
  return { mediaType, digest: sha256Digest(data), size: data.byteLength, ...extra }
}

/** Canonical bytes we push for a manifest object (compact JSON, key order as given). */
export function manifestBytes(manifest: Manifest): Buffer {
  return Buffer.from(JSON.stringify(manifest))
}

/** Media type of a manifest body: its `mediaType` field, else guessed from its shape. */
export function manifestMediaType(manifest: Manifest): string {
  if (manifest.mediaType) return manifest.mediaType
  return isIndex(manifest) ? MediaType.OciIndex : MediaType.OciManifest
}
