import { RegistryClient, type RegistryClientOptions } from './client.js'
import { parseReference, withDigest, type ImageReference } from './reference.js'
import type { Descriptor } from './types.js'

export interface ResolvedImage {
  client: RegistryClient
  /** As parsed (tag and/or digest as given). */
  reference: ImageReference
  /** Pinned to the resolved digest (no tag): what gets signed. */
  pinned: ImageReference
  /** The image manifest descriptor (mediaType, digest, size): the `subject` of referrers. */
  descriptor: Descriptor
}

/**
 * Parses `ref`, makes a client for its registry (or uses `options.client`) and resolves the tag
 * or digest to the manifest descriptor. With both a tag and a digest, the digest wins (as docker).
 */
export async function resolveImage(
  ref: string | ImageReference,
  options: RegistryClientOptions & { client?: RegistryClient } = {}
): Promise<ResolvedImage> {
  const reference = typeof ref === 'string' ? parseReference(ref) : ref
  const client = options.client ?? new RegistryClient(reference.registry, options)
  const descriptor = await client.resolve(
    reference.repository,
    reference.digest ?? reference.tag ?? 'latest'
  )
  return { client, reference, pinned: withDigest(reference, descriptor.digest), descriptor }
}
