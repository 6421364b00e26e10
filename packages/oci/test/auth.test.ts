import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { InputError } from '@secure-pipeline/core'
import {
  RegistryClient,
  RegistryError,
  credentialsFromDockerConfig,
  dockerServerUrl,
  normalizeConfigKey,
  parseWwwAuthenticate,
  pushSyntheticImage
} from '../src/index.js'
import { startFakeRegistry, type FakeRegistry } from './fake-registry.js'

const USER = 'alice'
const PASS = 's3cret-pass'

describe('parseWwwAuthenticate', () => {
  const cases: Array<[string, Array<{ scheme: string; params: Record<string, string> }>]> = [
    [
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://auth.docker.io/token',
            service: 'registry.docker.io',
            scope: 'repository:library/alpine:pull'
          }
        }
      ]
    ],
    [
      'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:o/r:pull,push"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://ghcr.io/token',
            service: 'ghcr.io',
            scope: 'repository:o/r:pull,push'
          }
        }
      ]
    ],
    ['Basic realm="Registry Realm"', [{ scheme: 'basic', params: { realm: 'Registry Realm' } }]],
    ['basic realm=plain', [{ scheme: 'basic', params: { realm: 'plain' } }]],
    [
      'Basic realm="a", Bearer realm="b",service="s"',
      [
        { scheme: 'basic', params: { realm: 'a' } },
        { scheme: 'bearer', params: { realm: 'b', service: 's' } }
      ]
    ],
    ['Bearer realm="with \\"quote\\""', [{ scheme: 'bearer', params: { realm: 'with "quote"' } }]],
    ['', []]
  ]
  it.each(cases)('%s', (header, expected) => {
    expect(parseWwwAuthenticate(header)).toEqual(expected)
  })
})

describe('bearer token auth (in-test registry demanding tokens)', () => {
  let fake: FakeRegistry
  beforeAll(async () => {
    fake = await startFakeRegistry({
      auth: 'bearer',
      username: USER,
      password: PASS,
      refreshToken: 'refresh-xyz'
    })
  })
  afterAll(async () => {
    await fake?.stop()
  })

  it('gets a push token with Basic credentials, then reuses it', async () => {
    const client = new RegistryClient(fake.host, {
      credentials: { username: USER, password: PASS },
      dockerConfig: false
    })
    const before = fake.tokenRequests.length
    const image = await pushSyntheticImage(client, 'team/app', { tag: 'v1' })
    await client.resolve('team/app', 'v1')
    const tokenRequests = fake.tokenRequests.slice(before)
    // one token for pull (the first HEAD blob) and one for pull,push; no more afterwards
    expect(tokenRequests.map(t => t.scopes)).toEqual([
      ['repository:team/app:pull'],
      ['repository:team/app:pull,push']
    ])
    for (const t of tokenRequests) {
      expect(t.service).toBe('fake-registry')
      expect(t.authorization).toBe(`Basic ${Buffer.from(`${USER}:${PASS}`).toString('base64')}`)
    }
    const registryCalls = fake.requests.filter(r => r.path.startsWith('/v2/team/app/'))
    expect(
      registryCalls.filter(r => r.authorization?.startsWith('Bearer ')).length
    ).toBeGreaterThan(3)
    expect(image.descriptor.digest).toMatch(/^sha256:/)
  })

  it('pulls anonymously but cannot push without credentials', async () => {
    const writer = new RegistryClient(fake.host, {
      credentials: { username: USER, password: PASS },
      dockerConfig: false
    })
    const image = await pushSyntheticImage(writer, 'public/app', { tag: 'v1' })
    const anon = new RegistryClient(fake.host, { dockerConfig: false })
    expect((await anon.resolve('public/app', 'v1')).digest).toBe(image.descriptor.digest)
    const err = await anon.pushBlob('public/app', Buffer.from('nope')).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RegistryError)
    expect((err as RegistryError).status).toBe(401)
    expect((err as RegistryError).message).toMatch(/UNAUTHORIZED/)
  })

  it('reports a refused login with status and code, never the password', async () => {
    const client = new RegistryClient(fake.host, {
      credentials: { username: USER, password: 'wrong-password-123' },
      dockerConfig: false
    })
    const err = await client.resolve('team/app', 'v1').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RegistryError)
    const e = err as RegistryError
    expect(e.status).toBe(401)
    expect(e.registryCode).toBe('UNAUTHORIZED')
    expect(e.message).toMatch(
      /token request for repository:team\/app:pull failed \(user alice\): 401 UNAUTHORIZED/
    )
    expect(e.message).not.toContain('wrong-password-123')
    expect(e.exitCode).toBe(2)
  })

  it('exchanges an identity token (OAuth2 refresh token) by POST', async () => {
    const client = new RegistryClient(fake.host, {
      credentials: { identityToken: 'refresh-xyz' },
      dockerConfig: false
    })
    const before = fake.tokenRequests.length
    await pushSyntheticImage(client, 'oauth/app', { tag: 'v1' })
    const posts = fake.tokenRequests.slice(before)
    expect(posts.length).toBeGreaterThan(0)
    for (const p of posts) {
      expect(p.method).toBe('POST')
      const form = new URLSearchParams(p.body)
      expect(form.get('grant_type')).toBe('refresh_token')
      expect(form.get('service')).toBe('fake-registry')
    }
  })

  it('sends an explicit registry token as is', async () => {
    const tokenResponse = await fetch(
      `${fake.url}/token?service=fake-registry&scope=${encodeURIComponent('repository:team/app:pull')}`,
      { headers: { Authorization: `Basic ${Buffer.from(`${USER}:${PASS}`).toString('base64')}` } }
    )
    const { token } = (await tokenResponse.json()) as { token: string }
    const client = new RegistryClient(fake.host, {
      credentials: { registryToken: token },
      dockerConfig: false
    })
    const before = fake.tokenRequests.length
    await client.resolve('team/app', 'v1')
    expect(fake.tokenRequests.length).toBe(before)
    expect(fake.requests.at(-1)?.authorization).toBe(`Bearer ${token}`)
    const refused = new RegistryClient(fake.host, {
      credentials: { registryToken: 'not-a-token' },
      dockerConfig: false
    })
    await expect(refused.resolve('team/app', 'v1')).rejects.toThrow(/registry token was refused/)
    expect(fake.tokenRequests.length).toBe(before)
  })
})

describe('challenge without scope, and Basic auth', () => {
  let fakes: FakeRegistry[] = []
  afterEach(async () => {
    await Promise.all(fakes.map(f => f.stop()))
    fakes = []
  })

  it('computes the scope itself when the challenge has none', async () => {
    const fake = await startFakeRegistry({ auth: 'bearer', challengeScope: false })
    fakes.push(fake)
    const client = new RegistryClient(fake.host, {
      credentials: { username: 'alice', password: 's3cret-pass' },
      dockerConfig: false
    })
    await pushSyntheticImage(client, 'x/y', { tag: 't' })
    expect(fake.tokenRequests.map(t => t.scopes[0])).toContain('repository:x/y:pull,push')
  })

  it('uses Basic auth when the registry asks for it', async () => {
    const fake = await startFakeRegistry({ auth: 'basic' })
    fakes.push(fake)
    const client = new RegistryClient(fake.host, {
      credentials: { username: 'alice', password: 's3cret-pass' },
      dockerConfig: false
    })
    const image = await pushSyntheticImage(client, 'x/y', { tag: 't' })
    expect((await client.resolve('x/y', 't')).digest).toBe(image.descriptor.digest)
    expect(fake.tokenRequests).toEqual([])
    const anon = new RegistryClient(fake.host, { dockerConfig: false })
    await expect(anon.resolve('x/y', 't')).rejects.toThrow(/401 UNAUTHORIZED/)
  })
})

describe('credentials from the docker config', () => {
  let dir: string
  let fake: FakeRegistry
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sp-oci-auth-'))
    fake = await startFakeRegistry({
      auth: 'bearer',
      username: USER,
      password: PASS,
      refreshToken: 'refresh-xyz'
    })
  })
  afterAll(async () => {
    await fake?.stop()
    await rm(dir, { recursive: true, force: true })
  })

  async function config(name: string, content: unknown): Promise<string> {
    const file = path.join(dir, name)
    await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content))
    return file
  }
  const b64 = (s: string): string => Buffer.from(s).toString('base64')

  it('reads base64 auth for the registry and logs in with it', async () => {
    const file = await config('auths.json', {
      auths: {
        'other.example': { auth: b64('x:y') },
        [`http://${fake.host}/v2/`]: { auth: b64(`${USER}:${PASS}`) }
      }
    })
    const client = new RegistryClient(fake.host, { dockerConfig: file })
    await expect(pushSyntheticImage(client, 'cfg/app', { tag: 'v1' })).resolves.toBeDefined()
  })

  it.each([
    ['auth', { auth: b64('bob:pw:with:colons') }, { username: 'bob', password: 'pw:with:colons' }],
    ['username/password', { username: 'u', password: 'p' }, { username: 'u', password: 'p' }],
    ['identitytoken', { auth: b64('<token>:'), identitytoken: 'idt' }, { identityToken: 'idt' }],
    ['registrytoken', { registrytoken: 'rt' }, { registryToken: 'rt' }]
  ])('decodes an auths entry with %s', async (_name, entry, expected) => {
    const file = await config('entry.json', { auths: { 'reg.example:5000': entry } })
    expect(await credentialsFromDockerConfig('reg.example:5000', { configPath: file })).toEqual(
      expected
    )
    expect(await credentialsFromDockerConfig('reg.example', { configPath: file })).toBeUndefined()
  })

  it('maps Docker Hub to its legacy config key', async () => {
    const file = await config('hub.json', {
      auths: { 'https://index.docker.io/v1/': { auth: b64('hub:pw') } }
    })
    expect(await credentialsFromDockerConfig('docker.io', { configPath: file })).toEqual({
      username: 'hub',
      password: 'pw'
    })
    expect(dockerServerUrl('docker.io')).toBe('https://index.docker.io/v1/')
    expect(normalizeConfigKey('https://index.docker.io/v1/')).toBe('index.docker.io')
  })

  it('finds the config through DOCKER_CONFIG and HOME', async () => {
    await config('config.json', { auths: { 'reg.example': { auth: b64('d:c') } } })
    expect(
      await credentialsFromDockerConfig('reg.example', { env: { DOCKER_CONFIG: dir } })
    ).toEqual({ username: 'd', password: 'c' })
    expect(
      await credentialsFromDockerConfig('reg.example', { env: { HOME: path.join(dir, 'nohome') } })
    ).toBeUndefined()
  })

  it('calls docker-credential-<helper> from PATH, and falls back to auths when it is absent', async () => {
    const bin = path.join(dir, 'bin')
    await rm(bin, { recursive: true, force: true })
    await import('node:fs/promises').then(fs => fs.mkdir(bin))
    const helper = path.join(bin, 'docker-credential-fake')
    await writeFile(
      helper,
      [
        '#!/bin/sh',
        'read server',
        `if [ "$1" = get ] && [ "$server" = "${fake.host}" ]; then`,
        `  printf '{"ServerURL":"%s","Username":"${USER}","Secret":"${PASS}"}' "$server"`,
        'elif [ "$1" = get ] && [ "$server" = "tokens.example" ]; then',
        `  printf '{"ServerURL":"%s","Username":"<token>","Secret":"refresh-xyz"}' "$server"`,
        'else echo "credentials not found in native keychain"; exit 1; fi',
        ''
      ].join('\n')
    )
    await chmod(helper, 0o755)
    const file = await config('helpers.json', {
      credHelpers: { [fake.host]: 'fake', 'tokens.example': 'fake', 'missing.example': 'absent' },
      auths: { 'missing.example': { auth: b64('fallback:pw') } }
    })
    const env = { PATH: bin }
    expect(await credentialsFromDockerConfig(fake.host, { configPath: file, env })).toEqual({
      username: USER,
      password: PASS
    })
    expect(await credentialsFromDockerConfig('tokens.example', { configPath: file, env })).toEqual({
      identityToken: 'refresh-xyz'
    })
    expect(await credentialsFromDockerConfig('missing.example', { configPath: file, env })).toEqual(
      { username: 'fallback', password: 'pw' }
    )
    // credsStore: used for any registry, helper says "not found" for others
    const store = await config('store.json', { credsStore: 'fake' })
    expect(await credentialsFromDockerConfig(fake.host, { configPath: store, env })).toEqual({
      username: USER,
      password: PASS
    })
    expect(
      await credentialsFromDockerConfig('unknown.example', { configPath: store, env })
    ).toBeUndefined()
    // and the client uses it end to end
    const client = new RegistryClient(fake.host, { dockerConfig: file, env })
    await expect(pushSyntheticImage(client, 'helper/app', { tag: 'v1' })).resolves.toBeDefined()
  })

  it.each([
    ['not json', '{oops', /not valid JSON/],
    ['not an object', '[1]', /must be a JSON object/],
    [
      'bad auth',
      { auths: { 'reg.example': { auth: b64('no-colon') } } },
      /auths\["reg.example"\].auth is not base64/
    ]
  ])(
    'rejects a malformed config (%s) with InputError naming the file',
    async (_name, content, why) => {
      const file = await config('bad.json', content)
      const err = await credentialsFromDockerConfig('reg.example', { configPath: file }).catch(
        (e: unknown) => e
      )
      expect(err).toBeInstanceOf(InputError)
      expect((err as InputError).message).toMatch(why)
      expect((err as InputError).describe()).toContain(file)
      expect((err as InputError).exitCode).toBe(2)
    }
  )

  it('does not read the config for a registry that never asks for auth', async () => {
    const open = await startFakeRegistry({ auth: 'none' })
    try {
      const file = await config('broken.json', '{oops')
      const client = new RegistryClient(open.host, { dockerConfig: file })
      await expect(pushSyntheticImage(client, 'open/app')).resolves.toBeDefined()
    } finally {
      await open.stop()
    }
  })
})

describe('transport', () => {
  it('reports an unreachable registry with status 0 and REGISTRY_UNREACHABLE', async () => {
    const fake = await startFakeRegistry()
    await fake.stop()
    const client = new RegistryClient(fake.host, { dockerConfig: false, timeoutMs: 5000 })
    const err = await client.ping().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RegistryError)
    expect((err as RegistryError).status).toBe(0)
    expect((err as RegistryError).code).toBe('REGISTRY_UNREACHABLE')
    expect((err as RegistryError).message).toMatch(/ECONNREFUSED/)
  })

  it.each([
    ['ghcr.io', [], 'https://ghcr.io'],
    ['docker.io', [], 'https://index.docker.io'],
    ['localhost:5000', [], 'http://localhost:5000'],
    ['10.1.2.3:5000', ['10.1.2.3:5000'], 'http://10.1.2.3:5000']
  ])('talks to %s at the right URL', (registry, insecure, baseUrl) => {
    expect(new RegistryClient(registry, { insecureRegistries: insecure }).baseUrl).toBe(baseUrl)
  })

  it('builds a client from a reference string', () => {
    expect(RegistryClient.for('alpine:3').baseUrl).toBe('https://index.docker.io')
    expect(() => RegistryClient.for('Bad/Ref')).toThrow(InputError)
  })
})
