import { describe, expect, it } from '@jest/globals'
import { InputError } from '@secure-pipeline/core'
import {
  dockerReference,
  familiarReference,
  formatReference,
  isPlainHttpRegistry,
  parseReference,
  registryApiHost,
  withDigest
} from '../src/index.js'

const D = `sha256:${'a'.repeat(64)}`

describe('parseReference', () => {
  const valid: Array<[string, string, string, string | undefined, string | undefined]> = [
    // input, registry, repository, tag, digest
    ['alpine', 'docker.io', 'library/alpine', 'latest', undefined],
    ['alpine:3.20', 'docker.io', 'library/alpine', '3.20', undefined],
    ['library/alpine', 'docker.io', 'library/alpine', 'latest', undefined],
    ['docker.io/alpine', 'docker.io', 'library/alpine', 'latest', undefined],
    ['index.docker.io/alpine:1', 'docker.io', 'library/alpine', '1', undefined],
    ['registry-1.docker.io/user/app', 'docker.io', 'user/app', 'latest', undefined],
    ['user/app:v1', 'docker.io', 'user/app', 'v1', undefined],
    ['ghcr.io/owner/repo/img:sha-1234', 'ghcr.io', 'owner/repo/img', 'sha-1234', undefined],
    [`ghcr.io/owner/img@${D}`, 'ghcr.io', 'owner/img', undefined, D],
    [`ghcr.io/owner/img:v1@${D}`, 'ghcr.io', 'owner/img', 'v1', D],
    ['localhost/app', 'localhost', 'app', 'latest', undefined],
    ['localhost:5000/app:dev', 'localhost:5000', 'app', 'dev', undefined],
    ['127.0.0.1:5055/test/app:v1', '127.0.0.1:5055', 'test/app', 'v1', undefined],
    ['[::1]:5000/app', '[::1]:5000', 'app', 'latest', undefined],
    ['Registry.Example.com/a/b', 'Registry.Example.com', 'a/b', 'latest', undefined],
    ['myhost:443/a_b/c__d/e--f/g.h', 'myhost:443', 'a_b/c__d/e--f/g.h', 'latest', undefined],
    [`alpine@${D}`, 'docker.io', 'library/alpine', undefined, D],
    ['gcr.io/proj/img:_tag', 'gcr.io', 'proj/img', '_tag', undefined]
  ]
  it.each(valid)('%s', (input, registry, repository, tag, digest) => {
    const ref = parseReference(input)
    expect(ref).toEqual({
      registry,
      repository,
      ...(tag === undefined ? {} : { tag }),
      ...(digest === undefined ? {} : { digest })
    })
  })

  const invalid: Array<[string, RegExp]> = [
    ['', /empty/],
    ['Alpine', /lowercase/],
    ['ghcr.io/Owner/img', /lowercase/],
    ['alpine:bad tag', /whitespace/],
    ['alpine:-tag', /invalid tag/],
    [`alpine:${'x'.repeat(129)}`, /invalid tag/],
    ['alpine@sha256:abc', /invalid digest/],
    [`alpine@sha256:${'A'.repeat(64)}`, /invalid digest/],
    ['alpine@md5', /invalid digest/],
    ['https://ghcr.io/a/b', /URL scheme/],
    ['ghcr.io/a//b', /path component/],
    ['ghcr.io/a/b-', /path component/],
    ['ghcr.io/a/.b', /path component/],
    ['-host.io/a', /invalid registry/],
    ['host.io:port/a', /invalid tag|invalid registry/],
    [':tag', /missing repository/],
    [`ghcr.io/${'a'.repeat(260)}`, /longer than 255/]
  ]
  it.each(invalid)('rejects %p', (input, why) => {
    let caught: unknown
    try {
      parseReference(input)
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(InputError)
    expect((caught as InputError).exitCode).toBe(2)
    expect((caught as InputError).message).toMatch(why)
  })

  it('keeps the tag empty on request', () => {
    expect(parseReference('ghcr.io/a/b', { defaultTag: null })).toEqual({
      registry: 'ghcr.io',
      repository: 'a/b'
    })
  })
})

describe('formatting', () => {
  const cases: Array<[string, string, string, string]> = [
    // input, full, familiar, docker-reference (cosign)
    [
      'alpine',
      'docker.io/library/alpine:latest',
      'alpine:latest',
      'index.docker.io/library/alpine'
    ],
    ['user/app:v1', 'docker.io/user/app:v1', 'user/app:v1', 'index.docker.io/user/app'],
    [`ghcr.io/o/i:v1@${D}`, `ghcr.io/o/i:v1@${D}`, `ghcr.io/o/i:v1@${D}`, 'ghcr.io/o/i'],
    [
      'localhost:5000/app',
      'localhost:5000/app:latest',
      'localhost:5000/app:latest',
      'localhost:5000/app'
    ]
  ]
  it.each(cases)('%s', (input, full, familiar, dockerRef) => {
    const ref = parseReference(input)
    expect(formatReference(ref)).toBe(full)
    expect(familiarReference(ref)).toBe(familiar)
    expect(dockerReference(ref)).toBe(dockerRef)
    expect(parseReference(formatReference(ref))).toEqual(ref)
  })

  it('pins to a digest', () => {
    expect(formatReference(withDigest(parseReference('ghcr.io/o/i:v1'), D))).toBe(
      `ghcr.io/o/i@${D}`
    )
  })

  it('maps Docker Hub to its API host', () => {
    expect(registryApiHost('docker.io')).toBe('index.docker.io')
    expect(registryApiHost('ghcr.io')).toBe('ghcr.io')
  })
})

describe('isPlainHttpRegistry', () => {
  const cases: Array<[string, string[], boolean]> = [
    ['localhost', [], true],
    ['localhost:5000', [], true],
    ['registry.localhost:80', [], true],
    ['127.0.0.1:5055', [], true],
    ['127.1.2.3', [], true],
    ['[::1]:5000', [], true],
    ['ghcr.io', [], false],
    ['docker.io', [], false],
    ['10.0.0.5:5000', [], false],
    ['10.0.0.5:5000', ['10.0.0.5:5000'], true],
    ['reg.internal:5000', ['reg.internal'], true],
    ['reg.internal:5000', ['reg.internal:6000'], false],
    ['127.0.0.1.example.com', [], false]
  ]
  it.each(cases)('%s %p', (registry, insecure, expected) => {
    expect(isPlainHttpRegistry(registry, insecure)).toBe(expected)
  })
})
