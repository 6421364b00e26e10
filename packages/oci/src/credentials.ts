import { execFile } from 'node:child_process'
import { accessSync, constants as fsConstants, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import path from 'node:path'
import { InputError } from '@secure-pipeline/core'
import { DOCKER_HUB, DOCKER_HUB_API } from './reference.js'

/**
 * Registry credentials.
 * - `username` + `password`: Basic auth, or the Basic credentials for a bearer token request
 *   (e.g. `{ username: 'x-access-token', password: GITHUB_TOKEN }` for ghcr.io).
 * - `identityToken`: an OAuth2 refresh token (docker config `identitytoken`).
 * - `registryToken`: a bearer token sent as is (docker config `registrytoken`).
 */
export type Credentials =
  { username: string; password: string } | { identityToken: string } | { registryToken: string }

export interface DockerConfigAuth {
  auth?: string
  username?: string
  password?: string
  identitytoken?: string
  registrytoken?: string
}

export interface DockerConfig {
  auths?: Record<string, DockerConfigAuth>
  credHelpers?: Record<string, string>
  credsStore?: string
}

export interface CredentialLookupOptions {
  /** Path of the docker config file; default `$DOCKER_CONFIG/config.json` or `~/.docker/config.json`. */
  configPath?: string
  /** Environment used for HOME, DOCKER_CONFIG and PATH (default `process.env`). */
  env?: Record<string, string | undefined>
}

/** Where docker keeps its config for this environment. */
export function dockerConfigPath(env: Record<string, string | undefined> = process.env): string {
  if (env.DOCKER_CONFIG) return path.join(env.DOCKER_CONFIG, 'config.json')
  return path.join(env.HOME ?? homedir(), '.docker', 'config.json')
}

function configError(file: string, message: string, cause?: unknown): InputError {
  return new InputError('OCI_BAD_DOCKER_CONFIG', message, { position: { file }, cause })
}

/** Reads a docker config file; `undefined` when it does not exist. Malformed JSON → InputError. */
export function readDockerConfig(file: string): DockerConfig | undefined {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw configError(file, `cannot read docker config: ${(err as Error).message}`, err)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (err) {
    throw configError(file, `docker config is not valid JSON: ${(err as Error).message}`, err)
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw configError(file, 'docker config must be a JSON object')
  }
  return parsed
}

/** `https://index.docker.io/v1/` → `index.docker.io`; `http://host:5000/v2/` → `host:5000`. */
export function normalizeConfigKey(key: string): string {
  let k = key.trim().toLowerCase()
  k = k.replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
  const slash = k.indexOf('/')
  if (slash !== -1) k = k.slice(0, slash)
  return k
}

function hostAliases(registry: string): string[] {
  const r = registry.toLowerCase()
  if (r === DOCKER_HUB || r === DOCKER_HUB_API || r === 'registry-1.docker.io') {
    return [DOCKER_HUB_API, DOCKER_HUB, 'registry-1.docker.io']
  }
  return [r]
}

/** The server URL docker uses as the key / helper argument for `registry`. */
export function dockerServerUrl(registry: string): string {
  return hostAliases(registry)[0] === DOCKER_HUB_API ? 'https://index.docker.io/v1/' : registry
}

/** Decodes one `auths` entry. */
export function credentialsFromAuthEntry(
  entry: DockerConfigAuth,
  where: { file: string; key: string }
): Credentials | undefined {
  if (entry.registrytoken) return { registryToken: entry.registrytoken }
  if (entry.identitytoken) return { identityToken: entry.identitytoken }
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon <= 0) {
      throw configError(
        where.file,
        `docker config auths["${where.key}"].auth is not base64 of "username:password"`
      )
    }
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
  }
  if (entry.username !== undefined && entry.password !== undefined) {
    return { username: entry.username, password: entry.password }
  }
  return undefined
}

/** Finds an executable on PATH; `undefined` when absent. */
export function findOnPath(
  name: string,
  env: Record<string, string | undefined> = process.env
): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue
    const candidate = path.join(dir, name)
    try {
      accessSync(candidate, fsConstants.X_OK)
      return candidate
    } catch {
      // not here
    }
  }
  return undefined
}

/**
 * Runs `docker-credential-<helper> get` with the server URL on stdin, only when the helper is on
 * PATH. Returns `undefined` when it is absent or has no credentials for this server.
 */
export async function credentialsFromHelper(
  helper: string,
  registry: string,
  env: Record<string, string | undefined> = process.env
): Promise<Credentials | undefined> {
  if (!/^[A-Za-z0-9_.-]+$/.test(helper)) return undefined
  const bin = findOnPath(`docker-credential-${helper}`, env)
  if (!bin) return undefined
  const serverUrl = dockerServerUrl(registry)
  const stdout = await new Promise<string | undefined>(resolve => {
    const child = execFile(
      bin,
      ['get'],
      { env: env, timeout: 15000, maxBuffer: 1 << 20 },
      (err, out) => resolve(err ? undefined : out)
    )
    child.stdin?.end(serverUrl)
  })
  if (!stdout) return undefined
  let parsed: { Username?: unknown; Secret?: unknown }
  try {
    parsed = JSON.parse(stdout) as { Username?: unknown; Secret?: unknown }
  } catch {
    return undefined
  }
  if (typeof parsed.Secret !== 'string' || parsed.Secret === '') return undefined
  const username = typeof parsed.Username === 'string' ? parsed.Username : ''
  if (username === '<token>') return { identityToken: parsed.Secret }
  return { username, password: parsed.Secret }
}

/**
 * Credentials for `registry` from the docker config: `credHelpers[registry]`, then `credsStore`,
 * then the `auths` entry (base64 `auth`, `identitytoken`, `registrytoken`).
 */
export async function credentialsFromDockerConfig(
  registry: string,
  options: CredentialLookupOptions = {}
): Promise<Credentials | undefined> {
  const env = options.env ?? process.env
  const file = options.configPath ?? dockerConfigPath(env)
  const config = readDockerConfig(file)
  if (!config) return undefined
  const aliases = hostAliases(registry)

  const helpers = config.credHelpers ?? {}
  for (const [key, helper] of Object.entries(helpers)) {
    if (aliases.includes(normalizeConfigKey(key))) {
      const found = await credentialsFromHelper(helper, registry, env)
      if (found) return found
    }
  }
  if (config.credsStore) {
    const found = await credentialsFromHelper(config.credsStore, registry, env)
    if (found) return found
  }
  const auths = config.auths ?? {}
  for (const alias of aliases) {
    for (const [key, entry] of Object.entries(auths)) {
      if (normalizeConfigKey(key) === alias && entry && typeof entry === 'object') {
        const found = credentialsFromAuthEntry(entry, { file, key })
        if (found) return found
      }
    }
  }
  return undefined
}

/** Never print credentials: a description safe for logs. */
export function describeCredentials(credentials: Credentials | undefined): string {
  if (!credentials) return 'anonymous'
  if ('username' in credentials) return `user ${credentials.username}`
  if ('identityToken' in credentials) return 'identity token'
  return 'registry token'
}
