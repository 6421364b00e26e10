import { InputError } from '@secure-pipeline/core'

/**
 * An image reference, parsed the way docker/distribution's `reference.ParseNormalizedNamed` does:
 * `[registry/]repository[:tag][@digest]`.
 */
export interface ImageReference {
  /** Normalized registry name: `docker.io`, `ghcr.io`, `localhost:5000`, `127.0.0.1:5055`. */
  registry: string
  /** Repository path, lower case; Docker Hub official images get the `library/` prefix. */
  repository: string
  tag?: string
  /** `algorithm:encoded`, e.g. `sha256:<64 hex>`. */
  digest?: string
}

export const DOCKER_HUB = 'docker.io'
/** The host the Docker Hub API is served from (what go-containerregistry calls `RegistryStr`). */
export const DOCKER_HUB_API = 'index.docker.io'
export const DEFAULT_TAG = 'latest'

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/
const IPV6 = /^\[[a-fA-F0-9:]+\]$/
const PORT = /^[0-9]+$/
const TAG = /^[\w][\w.-]{0,127}$/
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/
const NAME_TOTAL_LENGTH_MAX = 255

function bad(ref: string, why: string): InputError {
  return new InputError('OCI_BAD_REFERENCE', `invalid image reference "${ref}": ${why}`)
}

/** Validates `algorithm:encoded`; sha256/sha512 must have the right number of lower-case hex digits. */
export function isValidDigest(digest: string): boolean {
  if (!DIGEST.test(digest)) return false
  const [alg, hex] = digest.split(':') as [string, string]
  if (alg === 'sha256') return /^[a-f0-9]{64}$/.test(hex)
  if (alg === 'sha512') return /^[a-f0-9]{128}$/.test(hex)
  return true
}

function isValidDomain(domain: string): boolean {
  let host = domain
  const portIndex = domain.lastIndexOf(':')
  if (portIndex !== -1 && !domain.endsWith(']')) {
    const port = domain.slice(portIndex + 1)
    // docker accepts any digits; a port outside 1–65535 could never be dialled.
    if (!PORT.test(port) || Number(port) < 1 || Number(port) > 65535) return false
    host = domain.slice(0, portIndex)
  }
  if (IPV6.test(host)) return true
  return host.split('.').every(c => DOMAIN_COMPONENT.test(c))
}

/**
 * Parses `ref`. Throws InputError (exit 2) for anything docker would reject. `defaultTag` (default
 * `latest`) is applied only when `ref` has neither a tag nor a digest; pass `null` to keep it empty.
 */
export function parseReference(
  ref: string,
  options: { defaultTag?: string | null } = {}
): ImageReference {
  const input = ref.trim()
  if (input === '') throw bad(ref, 'empty')
  if (/\s/.test(input)) throw bad(ref, 'contains whitespace')
  if (input.includes('://')) throw bad(ref, 'a reference has no URL scheme')

  let rest = input
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at !== -1) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!isValidDigest(digest)) throw bad(ref, `invalid digest "${digest}"`)
  }

  let tag: string | undefined
  const lastSlash = rest.lastIndexOf('/')
  const colon = rest.lastIndexOf(':')
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
    if (!TAG.test(tag)) throw bad(ref, `invalid tag "${tag}"`)
  }
  if (rest === '') throw bad(ref, 'missing repository name')

  let registry: string
  let repository: string
  const slash = rest.indexOf('/')
  const first = slash === -1 ? '' : rest.slice(0, slash)
  if (
    slash === -1 ||
    (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)
  ) {
    registry = DOCKER_HUB
    repository = rest
  } else {
    registry = first
    repository = rest.slice(slash + 1)
    if (!isValidDomain(registry)) throw bad(ref, `invalid registry "${registry}"`)
  }
  if (registry === DOCKER_HUB_API || registry === 'registry-1.docker.io') registry = DOCKER_HUB
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`

  if (repository !== repository.toLowerCase()) {
    throw bad(ref, 'repository name must be lowercase')
  }
  for (const component of repository.split('/')) {
    if (!PATH_COMPONENT.test(component)) {
      throw bad(ref, `invalid repository path component "${component}"`)
    }
  }
  if (`${registry}/${repository}`.length > NAME_TOTAL_LENGTH_MAX) {
    throw bad(ref, `repository name longer than ${NAME_TOTAL_LENGTH_MAX} characters`)
  }

  const parsed: ImageReference = { registry, repository }
  if (tag !== undefined) parsed.tag = tag
  if (digest !== undefined) parsed.digest = digest
  if (tag === undefined && digest === undefined && options.defaultTag !== null) {
    parsed.tag = options.defaultTag ?? DEFAULT_TAG
  }
  return parsed
}

/** The host the registry API is served from (`docker.io` → `index.docker.io`). */
export function registryApiHost(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_API : registry
}

/** `registry/repository` in the familiar short form (`docker.io/library/alpine`). */
export function repositoryName(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}`
}

/**
 * The repository as cosign writes it into `critical.identity.docker-reference`
 * (go-containerregistry `Repository.Name()`: Docker Hub becomes `index.docker.io/...`).
 */
export function dockerReference(ref: ImageReference): string {
  return `${registryApiHost(ref.registry)}/${ref.repository}`
}

/** Full normalized string: `registry/repository[:tag][@digest]`. */
export function formatReference(ref: ImageReference): string {
  let s = repositoryName(ref)
  if (ref.tag !== undefined) s += `:${ref.tag}`
  if (ref.digest !== undefined) s += `@${ref.digest}`
  return s
}

/** Docker's short familiar form (`alpine:3`, `user/app`), as `docker images` prints it. */
export function familiarReference(ref: ImageReference): string {
  let name = repositoryName(ref)
  if (ref.registry === DOCKER_HUB) {
    name =
      ref.repository.startsWith('library/') && ref.repository.split('/').length === 2
        ? ref.repository.slice('library/'.length)
        : ref.repository
  }
  if (ref.tag !== undefined) name += `:${ref.tag}`
  if (ref.digest !== undefined) name += `@${ref.digest}`
  return name
}

/** The same reference pinned to `digest` (the tag is dropped, as `cosign sign` does). */
export function withDigest(ref: ImageReference, digest: string): ImageReference {
  return { registry: ref.registry, repository: ref.repository, digest }
}

/**
 * Registries reached over plain HTTP: localhost, `*.localhost`, 127.0.0.0/8, ::1, and any
 * registry listed in `insecureRegistries` (host or host:port).
 */
export function isPlainHttpRegistry(
  registry: string,
  insecureRegistries: readonly string[] = []
): boolean {
  // Host names are case-insensitive: `LOCALHOST:5000` is localhost.
  const lower = registry.toLowerCase()
  const listed = insecureRegistries.map(r => r.toLowerCase())
  if (listed.includes(lower)) return true
  let host = lower
  if (host.startsWith('[')) {
    host = host.slice(0, host.indexOf(']') + 1)
    try {
      host = new URL(`http://${host}`).hostname // canonical form: [0:0::1] → [::1]
    } catch {
      return false
    }
  } else if (host.includes(':')) host = host.slice(0, host.lastIndexOf(':'))
  if (listed.includes(host)) return true
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
    host === '[::1]'
  )
}
