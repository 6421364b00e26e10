// References with hosts, ports, IPv6 literals, tag+digest and Docker Hub short names (parse only,
// no network), and which registries are reached over plain HTTP.
import { describe, expect, it } from '@jest/globals'
import { InputError } from '@secure-pipeline/core'
import {
  RegistryClient,
  dockerReference,
  isPlainHttpRegistry,
  parseReference,
  registryApiHost
} from '../src/index.js'

const D = `sha256:${'c'.repeat(64)}`

describe('references with hosts and ports', () => {
  const valid: Array<[string, string, string, string | undefined, string | undefined, string]> = [
    // input, registry, repository, tag, digest, API base URL
    ['localhost:5000/a/b:tag', 'localhost:5000', 'a/b', 'tag', undefined, 'http://localhost:5000'],
    [`127.0.0.1:41234/x@${D}`, '127.0.0.1:41234', 'x', undefined, D, 'http://127.0.0.1:41234'],
    [`[::1]:5000/a/b:t@${D}`, '[::1]:5000', 'a/b', 't', D, 'http://[::1]:5000'],
    ['[::1]/app', '[::1]', 'app', 'latest', undefined, 'http://[::1]'],
    ['[2001:db8::1]:443/x', '[2001:db8::1]:443', 'x', 'latest', undefined, 'https://[2001:db8::1]'],
    ['LOCALHOST:5000/a', 'LOCALHOST:5000', 'a', 'latest', undefined, 'http://localhost:5000'],
    ['ghcr.io:443/o/r:v1', 'ghcr.io:443', 'o/r', 'v1', undefined, 'https://ghcr.io'],
    [`alpine:3.20@${D}`, 'docker.io', 'library/alpine', '3.20', D, 'https://index.docker.io'],
    ['alpine', 'docker.io', 'library/alpine', 'latest', undefined, 'https://index.docker.io']
  ]
  it.each(valid)('%s', (input, registry, repository, tag, digest, base) => {
    expect(parseReference(input)).toEqual({
      registry,
      repository,
      ...(tag === undefined ? {} : { tag }),
      ...(digest === undefined ? {} : { digest })
    })
    expect(new RegistryClient(registry, { dockerConfig: false }).baseUrl).toBe(base)
  })

  it('names Docker Hub short names as cosign does', () => {
    expect(dockerReference(parseReference('alpine'))).toBe('index.docker.io/library/alpine')
    expect(dockerReference(parseReference('user/app:1'))).toBe('index.docker.io/user/app')
    expect(registryApiHost(parseReference('docker.io/library/alpine').registry)).toBe(
      'index.docker.io'
    )
  })

  const invalid: Array<[string, RegExp]> = [
    ['Alpine', /lowercase/],
    ['localhost:5000/App', /lowercase/],
    ['host:0/a', /invalid registry/],
    ['host:65536/a', /invalid registry/],
    ['[::1:5000/a', /invalid registry/],
    ['[::1]:5000', /path component/],
    ['ghcr.io/a/b:', /invalid tag/],
    ['ghcr.io/a/b@', /invalid digest/],
    [`ghcr.io/a/b@sha256:${'c'.repeat(63)}`, /invalid digest/]
  ]
  it.each(invalid)('rejects %p', (input, why) => {
    let caught: unknown
    try {
      parseReference(input)
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(InputError)
    expect((caught as Error).message).toMatch(why)
  })
})

describe('plain HTTP only for loopback and listed registries', () => {
  const cases: Array<[string, string[], boolean]> = [
    ['LOCALHOST:5000', [], true],
    ['[0:0:0:0:0:0:0:1]:5000', [], true],
    ['[::2]:5000', [], false],
    ['192.168.1.10:5000', [], false],
    ['Reg.Internal:5000', ['reg.internal'], true],
    ['reg.internal:5000', ['REG.INTERNAL:5000'], true],
    ['[fd00::1]:5000', ['[fd00::1]:5000'], true]
  ]
  it.each(cases)('%s %p', (registry, insecure, expected) => {
    expect(isPlainHttpRegistry(registry, insecure)).toBe(expected)
  })
})
