/**
 * @secure-pipeline/oci — OCI registry client and cosign storage layouts (no dependencies beyond
 * Node built-ins). Used by packages/sigstore to sign and verify images.
 *
 * References (reference.ts)
 *   parseReference('alpine') → { registry: 'docker.io', repository: 'library/alpine', tag: 'latest' }
 *   parseReference('127.0.0.1:5000/app@sha256:…') → { registry, repository, digest }
 *   formatReference / familiarReference / withDigest(ref, digest) / repositoryName(ref)
 *   dockerReference(ref)  → what cosign puts in `critical.identity.docker-reference`
 *                           (`index.docker.io/library/alpine` for Docker Hub)
 *   isPlainHttpRegistry(registry, insecure[]) — localhost, *.localhost, 127/8, [::1] + listed
 *   Bad references throw InputError('OCI_BAD_REFERENCE') → exit 2.
 *
 * Client (client.ts): one per registry; methods take the repository name.
 *   const client = new RegistryClient(ref.registry, { credentials?, dockerConfig?, env?,
 *                                     insecureRegistries?, fetch?, timeoutMs? })
 *   await client.resolve(repo, tagOrDigest)       → Descriptor {mediaType, digest, size} (404 throws)
 *   await client.headManifest(repo, ref)          → Descriptor | undefined
 *   await client.getManifest(repo, ref)           → { descriptor, bytes, manifest, etag? } (digest checked)
 *   await client.putManifest(repo, manifest|bytes, { reference? })  → { descriptor, referrers? }
 *        (by its digest unless `reference` is a tag; a manifest with `subject` is made discoverable:
 *         `referrers: 'api'` when the registry answers OCI-Subject, else the sha256-<hex> index tag
 *         is read-modified-written: `referrers: 'tag-schema'`)
 *   await client.pushBlob(repo, bytes, { mediaType? })  → Descriptor (HEAD first, POST+PUT)
 *   await client.getBlob(repo, digest) / headBlob(repo, digest)   (digest checked)
 *   await client.listTags(repo, { pageSize? }) / deleteManifest(repo, digest) / ping()
 *   await client.referrers(repo, digest, { artifactType? }) → { via: 'api'|'tag-schema', manifests }
 *   await client.supportsReferrersApi(repo)
 *   resolveImage('ghcr.io/o/app:v1', clientOptions) → { client, reference, pinned, descriptor }
 *
 * Auth: on a 401 the client answers the WWW-Authenticate challenge — Bearer token dance
 * (anonymous, Basic credentials to the realm, or an OAuth2 refresh token) or Basic. Credentials:
 *   explicit `credentials`: { username, password } (e.g. { username: actor, password: GITHUB_TOKEN }
 *   for ghcr.io) | { identityToken } | { registryToken }; otherwise looked up lazily (only after
 *   a 401) in ~/.docker/config.json ($DOCKER_CONFIG): credHelpers / credsStore
 *   (docker-credential-<name>, only if on PATH), then auths (base64 `auth`, identitytoken,
 *   registrytoken). `dockerConfig: false` disables the lookup. credentialsFromDockerConfig() is
 *   exported too. Secrets never appear in error messages.
 *
 * cosign layouts (cosign.ts) — writers build the layout, readers return raw parts, nothing is
 * verified cryptographically here:
 *   (a) v3 bundle referrer:
 *     writeBundleReferrer(client, repo, subjectDescriptor, bundleJson, { predicateType?, content?,
 *       created?, annotations? }) → { descriptor, referrers: 'api'|'tag-schema' }
 *     readBundleReferrers(client, repo, subjectDigest, { predicateType? })
 *       → { via, bundles: [{ manifest, mediaType, annotations, predicateType?, bundle: Buffer }],
 *           skipped: [{ entry, reason }] }   (unreadable entries: 404, digest mismatch, too large)
 *   (b) legacy cosign v2:
 *     simpleSigningPayload({ dockerReference, manifestDigest, annotations? }) → Buffer (bytes cosign signs)
 *     parseSimpleSigningPayload(bytes) → { dockerReference, manifestDigest, type, optional }
 *       (VerificationError exit 1 when malformed)
 *     writeLegacySignature(client, repo, subjectDigest, { payload, signature (base64),
 *       certificate?, chain?, rekorBundle?, rfc3161Timestamp?, annotations? }, { replace? })
 *       → { tag: 'sha256-<hex>.sig', descriptor, layers }   (appends a layer, like cosign)
 *     readLegacySignatures(client, repo, subjectDigest, { onSkip? })
 *       → [{ payload: Buffer, signature, certificate?, chain?, rekorBundle? (JSON text),
 *            rfc3161Timestamp?, annotations, layer }]      ([] when no .sig tag)
 *     writeLegacyAttestation(client, repo, subjectDigest, { envelope, predicateType?, ...parts })
 *     readLegacyAttestations(client, repo, subjectDigest, { predicateType? })
 *       → [{ envelope: Buffer, predicateType?, certificate?, chain?, rekorBundle?, annotations, layer }]
 *   cosignTag(digest, 'sig'|'att'|'sbom'), referrersTag(digest), CosignMediaType, CosignAnnotation,
 *   COSIGN_SIGN_PREDICATE_TYPE, describeBundle(bundle), dssePredicateType(envelope)
 *
 * Tests: pushSyntheticImage(client, repo, { tag?, seed?, format? }) → { descriptor, manifest,
 *   config, layer }; a real registry comes from test/registry.ts (startRegistry()).
 *
 * Errors (errors.ts): RegistryError (status, registryCode, message
 *   "registry H: GET manifest r:t: 404 MANIFEST_UNKNOWN: …"; code REGISTRY_<CODE>; exit 2;
 *   status 0 = unreachable), isNotFound(err), DigestMismatchError (exit 1), InputError (exit 2).
 */
export * from './errors.js'
export * from './reference.js'
export * from './types.js'
export * from './credentials.js'
export * from './auth.js'
export * from './client.js'
export * from './synthetic.js'
export * from './image.js'
export * from './cosign.js'
