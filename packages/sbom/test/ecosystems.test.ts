/**
 * The ecosystems beyond npm/Python/Go/Rust/Ruby/PHP/Java/.NET/OS: Dart pub, SwiftPM, CocoaPods,
 * Elixir Mix, Erlang rebar3, Bun, Conan, Cabal and Stack. Per fixture (written in each format's
 * real syntax under fixtures/ecosystems/): purls, scopes, direct/transitive, edges, hashes, and
 * schema-valid CycloneDX 1.5–1.7 / SPDX 2.3; malformed input names the file and line.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from '@jest/globals'
import { InputError, exitCodeFor } from '@secure-pipeline/core'
import { detectFormat, discover, generate, parseFile, type Graph } from '@secure-pipeline/sbom'
import { edges, parseFailure, schemaErrors, shared, view } from './helpers.js'

const FIXTURES = path.join(import.meta.dirname, 'fixtures/ecosystems')
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sbom-ecosystems-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** purl → "ALG:first 8 hex" for the components that have a hash. */
function hashes(g: Graph): Record<string, string> {
  return Object.fromEntries(
    g.components
      .filter(c => c.hashes.length > 0)
      .map(c => [c.purl, c.hashes.map(h => `${h.alg}:${h.content.slice(0, 8)}`).join(',')])
  )
}

interface Case {
  dir: string
  lockfile: string
  format: string
  project: string
  expect: Record<string, string>
  edges: string[]
  hashes: Record<string, string>
  /** purl → properties that must be present */
  properties?: Record<string, Record<string, string>>
}

const cases: Case[] = [
  {
    dir: 'pub',
    lockfile: 'pubspec.lock',
    format: 'pub',
    project: 'weather_app',
    expect: {
      'pkg:pub/async@2.11.0': 'required transitive',
      'pkg:pub/collection@1.18.0': 'required transitive',
      'pkg:pub/flutter@0.0.0': 'required direct',
      'pkg:pub/flutter_lints@3.0.1': 'dev direct',
      'pkg:pub/flutter_test@0.0.0': 'dev direct',
      'pkg:pub/http@1.2.0': 'required direct',
      'pkg:pub/lints@3.0.0': 'required transitive',
      'pkg:pub/private_sdk@0.3.1': 'required transitive',
      'pkg:pub/provider@6.1.1': 'required direct',
      'pkg:pub/weather_icons@2.0.0': 'required direct'
    },
    edges: [],
    hashes: {
      'pkg:pub/async@2.11.0': 'SHA-256:b3e2a76e',
      'pkg:pub/collection@1.18.0': 'SHA-256:3ebd1948',
      'pkg:pub/flutter_lints@3.0.1': 'SHA-256:c3a1de29',
      'pkg:pub/http@1.2.0': 'SHA-256:939e9ca3',
      'pkg:pub/private_sdk@0.3.1': 'SHA-256:32c99dbc',
      'pkg:pub/provider@6.1.1': 'SHA-256:82db9382'
    },
    properties: {
      'pkg:pub/weather_icons@2.0.0': {
        'secure-pipeline:pub:git': 'https://github.com/example/weather_icons.git',
        'secure-pipeline:pub:revision': '4f2a1c0d9e8b7a6f5e4d3c2b1a0f9e8d7c6b5a49'
      },
      'pkg:pub/private_sdk@0.3.1': {
        'secure-pipeline:pub:hosted-url': 'https://dart.example.com/pub'
      },
      'pkg:pub/flutter@0.0.0': { 'secure-pipeline:pub:source': 'sdk' }
    }
  },
  {
    dir: 'swift-v1',
    lockfile: 'Package.resolved',
    format: 'swift',
    project: 'swift-v1',
    expect: {
      'pkg:swift/github.com/Alamofire/Alamofire@5.4.3': 'required transitive',
      // A branch pin has no version: the revision stands in.
      'pkg:swift/github.com/apple/swift-log@0e2b1b1e5d2a3c4b5a69788a7b6c5d4e3f2a1b0c':
        'required transitive'
    },
    edges: [],
    hashes: {}
  },
  {
    dir: 'swift-v2',
    lockfile: 'Package.resolved',
    format: 'swift',
    project: 'WeatherKit',
    expect: {
      'pkg:swift/github.com/apple/swift-atomics@1.2.0': 'required transitive',
      'pkg:swift/github.com/apple/swift-nio@2.62.0': 'required direct',
      'pkg:swift/mona/linkedlist@1.1.0': 'required direct'
    },
    edges: [],
    hashes: {},
    properties: {
      'pkg:swift/github.com/apple/swift-nio@2.62.0': {
        'secure-pipeline:swift:revision': '702cd7c56d5d44eeba73fdf83918339b26dc855c'
      }
    }
  },
  {
    dir: 'swift-v3',
    lockfile: 'App.xcodeproj/project.xcworkspace/xcshareddata/swiftpm/Package.resolved',
    format: 'swift',
    project: 'App',
    expect: {
      // Declared by the Xcode project (project.pbxproj XCRemoteSwiftPackageReference).
      'pkg:swift/github.com/onevcat/Kingfisher@7.10.2': 'required direct',
      'pkg:swift/gitlab.example.com/mobile/ios/SnapKit@e74fe2a978d1216c3602b129447c7301573cc2d8':
        'required transitive'
    },
    edges: [],
    hashes: {}
  },
  {
    dir: 'cocoapods',
    lockfile: 'Podfile.lock',
    format: 'cocoapods',
    project: 'cocoapods',
    expect: {
      'pkg:cocoapods/Alamofire@5.8.1': 'required direct',
      'pkg:cocoapods/Firebase@10.18.0#Analytics': 'required direct',
      'pkg:cocoapods/Firebase@10.18.0#Core': 'required transitive',
      'pkg:cocoapods/Firebase@10.18.0#CoreOnly': 'required transitive',
      'pkg:cocoapods/FirebaseAnalytics@10.18.0': 'required transitive',
      'pkg:cocoapods/FirebaseCore@10.18.0': 'required transitive',
      'pkg:cocoapods/GoogleUtilities@7.12.0#Environment': 'required transitive',
      'pkg:cocoapods/GoogleUtilities@7.12.0#NSData%2Bzlib': 'required transitive',
      'pkg:cocoapods/SwiftLint@0.54.0': 'required direct',
      'pkg:cocoapods/Toast@4.1.0': 'required direct'
    },
    edges: [
      'pkg:cocoapods/Firebase@10.18.0#Analytics -> pkg:cocoapods/Firebase@10.18.0#Core',
      'pkg:cocoapods/Firebase@10.18.0#Core -> pkg:cocoapods/Firebase@10.18.0#CoreOnly',
      'pkg:cocoapods/Firebase@10.18.0#Core -> pkg:cocoapods/FirebaseAnalytics@10.18.0',
      'pkg:cocoapods/Firebase@10.18.0#CoreOnly -> pkg:cocoapods/FirebaseCore@10.18.0',
      'pkg:cocoapods/FirebaseAnalytics@10.18.0 -> pkg:cocoapods/FirebaseCore@10.18.0',
      'pkg:cocoapods/FirebaseAnalytics@10.18.0 -> pkg:cocoapods/GoogleUtilities@7.12.0#NSData%2Bzlib',
      'pkg:cocoapods/FirebaseCore@10.18.0 -> pkg:cocoapods/GoogleUtilities@7.12.0#Environment'
    ],
    hashes: {
      'pkg:cocoapods/Alamofire@5.8.1': 'SHA-1:7923aa54',
      'pkg:cocoapods/Firebase@10.18.0#Analytics': 'SHA-1:aa234fb6',
      'pkg:cocoapods/Firebase@10.18.0#Core': 'SHA-1:aa234fb6',
      'pkg:cocoapods/Firebase@10.18.0#CoreOnly': 'SHA-1:aa234fb6',
      'pkg:cocoapods/FirebaseAnalytics@10.18.0': 'SHA-1:b132eb10',
      'pkg:cocoapods/FirebaseCore@10.18.0': 'SHA-1:8225ad1d',
      'pkg:cocoapods/GoogleUtilities@7.12.0#Environment': 'SHA-1:eb28a254',
      'pkg:cocoapods/GoogleUtilities@7.12.0#NSData%2Bzlib': 'SHA-1:eb28a254',
      'pkg:cocoapods/SwiftLint@0.54.0': 'SHA-1:32b13053',
      'pkg:cocoapods/Toast@4.1.0': 'SHA-1:3babbd03'
    },
    properties: {
      'pkg:cocoapods/Toast@4.1.0': {
        'secure-pipeline:cocoapods:git': 'https://github.com/scalessec/Toast.git',
        'secure-pipeline:cocoapods:tag': '4.1.0'
      }
    }
  },
  {
    dir: 'mix',
    lockfile: 'mix.lock',
    format: 'mix',
    project: 'shop',
    expect: {
      'pkg:hex/acme/private_lib@0.2.0': 'required direct',
      'pkg:hex/bunt@1.0.0': 'dev transitive',
      'pkg:hex/castore@1.0.5': 'required transitive',
      'pkg:hex/credo@1.7.3': 'dev direct',
      'pkg:hex/decimal@2.1.1': 'optional transitive',
      'pkg:hex/ex_machina@2.7.0': 'dev direct',
      'pkg:hex/file_system@0.2.10': 'dev transitive',
      'pkg:hex/heroicons@88ab3a0d790e6a47404cba02800a6b25d2afae50': 'required direct',
      'pkg:hex/jason@1.4.1': 'required direct',
      'pkg:hex/mime@2.0.5': 'required transitive',
      'pkg:hex/phoenix@1.7.10': 'required direct',
      'pkg:hex/plug@1.15.2': 'required transitive'
    },
    edges: [
      'pkg:hex/credo@1.7.3 -> pkg:hex/bunt@1.0.0',
      'pkg:hex/credo@1.7.3 -> pkg:hex/file_system@0.2.10',
      'pkg:hex/credo@1.7.3 -> pkg:hex/jason@1.4.1',
      'pkg:hex/jason@1.4.1 -> pkg:hex/decimal@2.1.1',
      'pkg:hex/phoenix@1.7.10 -> pkg:hex/castore@1.0.5',
      'pkg:hex/phoenix@1.7.10 -> pkg:hex/jason@1.4.1',
      'pkg:hex/phoenix@1.7.10 -> pkg:hex/plug@1.15.2',
      'pkg:hex/plug@1.15.2 -> pkg:hex/mime@2.0.5'
    ],
    // The outer checksum (of the whole tarball); mime's 7-tuple entry has none.
    hashes: {
      'pkg:hex/acme/private_lib@0.2.0': 'SHA-256:c3f8f299',
      'pkg:hex/bunt@1.0.0': 'SHA-256:9105baa7',
      'pkg:hex/castore@1.0.5': 'SHA-256:c8def663',
      'pkg:hex/credo@1.7.3': 'SHA-256:0e3a238d',
      'pkg:hex/decimal@2.1.1': 'SHA-256:99793092',
      'pkg:hex/ex_machina@2.7.0': 'SHA-256:3433ea26',
      'pkg:hex/file_system@0.2.10': 'SHA-256:6690a2d9',
      'pkg:hex/jason@1.4.1': 'SHA-256:ee7eebc9',
      'pkg:hex/phoenix@1.7.10': 'SHA-256:5b734c6d',
      'pkg:hex/plug@1.15.2': 'SHA-256:d586fd6a'
    },
    properties: {
      'pkg:hex/heroicons@88ab3a0d790e6a47404cba02800a6b25d2afae50': {
        'secure-pipeline:hex:git': 'https://github.com/tailwindlabs/heroicons.git',
        'secure-pipeline:hex:git-tag': 'v2.1.1'
      }
    }
  },
  {
    dir: 'rebar',
    lockfile: 'rebar.lock',
    format: 'rebar',
    project: 'rebar',
    expect: {
      'pkg:hex/cowboy@2.10.0': 'required direct',
      'pkg:hex/cowlib@2.12.1': 'required transitive',
      'pkg:hex/jsx@bc74f7a1e3f6d3dc3b2e8a5f6a4d7c9b8e1f2a3b': 'required direct',
      'pkg:hex/ranch@1.8.0': 'required transitive'
    },
    edges: [],
    // pkg_hash_ext (the outer checksum), upper-case in the file.
    hashes: {
      'pkg:hex/cowboy@2.10.0': 'SHA-256:6d1173c4',
      'pkg:hex/cowlib@2.12.1': 'SHA-256:e8396893',
      'pkg:hex/ranch@1.8.0': 'SHA-256:a1d648cf'
    }
  },
  {
    dir: 'bun',
    lockfile: 'bun.lock',
    format: 'bun',
    project: 'storefront',
    expect: {
      'pkg:npm/ansi-regex@5.0.1': 'required transitive',
      'pkg:npm/clsx@2.1.0': 'required direct',
      'pkg:npm/fsevents@2.3.3': 'optional direct',
      'pkg:npm/js-tokens@4.0.0': 'required transitive',
      'pkg:npm/loose-envify@1.4.0': 'required transitive',
      'pkg:npm/object-assign@4.1.1': 'required transitive',
      // The ui workspace's own react (key "@acme/ui/react") and the root's.
      'pkg:npm/react@17.0.2': 'required direct',
      'pkg:npm/react@18.2.0': 'required direct',
      // npm: alias → the real name.
      'pkg:npm/strip-ansi@6.0.1': 'required direct',
      'pkg:npm/tiny-fork@8d2f7b1': 'required direct',
      'pkg:npm/typescript@5.3.3': 'dev direct'
    },
    edges: [
      'pkg:npm/loose-envify@1.4.0 -> pkg:npm/js-tokens@4.0.0',
      'pkg:npm/react@17.0.2 -> pkg:npm/loose-envify@1.4.0',
      'pkg:npm/react@17.0.2 -> pkg:npm/object-assign@4.1.1',
      'pkg:npm/react@18.2.0 -> pkg:npm/loose-envify@1.4.0',
      'pkg:npm/strip-ansi@6.0.1 -> pkg:npm/ansi-regex@5.0.1',
      'pkg:npm/tiny-fork@8d2f7b1 -> pkg:npm/js-tokens@4.0.0'
    ],
    hashes: {
      'pkg:npm/ansi-regex@5.0.1': 'SHA-512:8e97bcd5',
      'pkg:npm/clsx@2.1.0': 'SHA-512:3dd42738',
      'pkg:npm/fsevents@2.3.3': 'SHA-512:148a7248',
      'pkg:npm/js-tokens@4.0.0': 'SHA-512:7c8bcd05',
      'pkg:npm/loose-envify@1.4.0': 'SHA-512:8229be74',
      'pkg:npm/object-assign@4.1.1': 'SHA-512:4be6e2ab',
      'pkg:npm/react@17.0.2': 'SHA-512:9a6ba149',
      'pkg:npm/react@18.2.0': 'SHA-512:08b01b9f',
      'pkg:npm/strip-ansi@6.0.1': 'SHA-512:0b68c9c4',
      'pkg:npm/typescript@5.3.3': 'SHA-512:9ca470fa'
    },
    properties: {
      'pkg:npm/tiny-fork@8d2f7b1': {
        'secure-pipeline:npm:resolved': 'github:acme/tiny-fork#8d2f7b1'
      }
    }
  },
  {
    dir: 'conan1',
    lockfile: 'conan.lock',
    format: 'conan',
    project: 'conan1',
    expect: {
      'pkg:conan/cmake@3.25.3': 'dev direct',
      'pkg:conan/poco@1.12.4': 'required direct',
      'pkg:conan/zlib@1.2.13': 'required direct'
    },
    edges: ['pkg:conan/poco@1.12.4 -> pkg:conan/zlib@1.2.13'],
    hashes: {},
    properties: {
      'pkg:conan/poco@1.12.4': {
        'secure-pipeline:conan:recipe-revision': '4c1a8d05bd2a7fbd4e7d1f0a2e8b9c61',
        'secure-pipeline:conan:package-revision': '8c1d9e0f2a3b4c5d6e7f8091a2b3c4d5'
      }
    }
  },
  {
    dir: 'conan2',
    lockfile: 'conan.lock',
    format: 'conan',
    project: 'conan2',
    expect: {
      'pkg:conan/cmake@3.28.1': 'dev direct',
      'pkg:conan/fmt@10.2.1': 'required direct',
      'pkg:conan/mycompany/boost@1.83.0?channel=stable&user=mycompany': 'required transitive',
      'pkg:conan/openssl@3.2.1': 'required direct',
      'pkg:conan/zlib@1.3.1': 'required transitive'
    },
    edges: [],
    hashes: {}
  },
  {
    dir: 'pdm',
    lockfile: 'pdm.lock',
    format: 'pdm',
    project: 'inventory',
    expect: {
      'pkg:pypi/acme-utils@0.4.0': 'required direct',
      'pkg:pypi/certifi@2024.2.2': 'required transitive',
      'pkg:pypi/iniconfig@2.0.0': 'dev transitive',
      // The "socks" group is an extra in pyproject.toml: optional, not dev.
      'pkg:pypi/pysocks@1.7.1': 'optional direct',
      'pkg:pypi/pytest@8.1.1': 'dev direct',
      'pkg:pypi/requests@2.31.0': 'required direct'
    },
    edges: [
      'pkg:pypi/acme-utils@0.4.0 -> pkg:pypi/requests@2.31.0',
      'pkg:pypi/pytest@8.1.1 -> pkg:pypi/iniconfig@2.0.0',
      'pkg:pypi/requests@2.31.0 -> pkg:pypi/certifi@2024.2.2',
      'pkg:pypi/requests@2.31.0 -> pkg:pypi/pysocks@1.7.1'
    ],
    hashes: {
      'pkg:pypi/certifi@2024.2.2': 'SHA-256:123be5b0,SHA-256:5e1e6c71',
      'pkg:pypi/iniconfig@2.0.0': 'SHA-256:429e50b8',
      'pkg:pypi/pysocks@1.7.1': 'SHA-256:08fcc5aa',
      'pkg:pypi/pytest@8.1.1': 'SHA-256:2b01214d',
      'pkg:pypi/requests@2.31.0': 'SHA-256:ec72420d'
    },
    properties: {
      'pkg:pypi/acme-utils@0.4.0': {
        'secure-pipeline:python:source-type': 'git',
        'secure-pipeline:python:revision': '5f1c2e3d4b5a69788a7b6c5d4e3f2a1b0c9d8e7f'
      }
    }
  },
  {
    dir: 'nuget-config',
    lockfile: 'packages.config',
    format: 'nuget-config',
    project: 'nuget-config',
    expect: {
      'pkg:nuget/EntityFramework@6.4.4': 'required transitive',
      'pkg:nuget/Microsoft.CodeAnalysis.NetAnalyzers@8.0.0': 'dev transitive',
      'pkg:nuget/Newtonsoft.Json@13.0.3': 'required transitive',
      'pkg:nuget/xunit@2.4.2': 'required transitive'
    },
    edges: [],
    hashes: {}
  },
  {
    dir: 'deno-v3',
    lockfile: 'deno.lock',
    format: 'deno',
    project: 'deno-v3',
    expect: {
      'pkg:jsr/%40std/assert@1.0.0': 'required direct',
      'pkg:jsr/%40std/internal@1.0.1': 'required transitive',
      'pkg:npm/chalk@5.3.0': 'required direct',
      // The peer-suffixed key collapses to the package's own version.
      'pkg:npm/preact-render-to-string@6.3.1': 'required direct',
      'pkg:npm/preact@10.19.2': 'required direct',
      'pkg:npm/pretty-format@3.8.0': 'required transitive'
    },
    edges: [
      'pkg:jsr/%40std/assert@1.0.0 -> pkg:jsr/%40std/internal@1.0.1',
      'pkg:npm/preact-render-to-string@6.3.1 -> pkg:npm/preact@10.19.2',
      'pkg:npm/preact-render-to-string@6.3.1 -> pkg:npm/pretty-format@3.8.0'
    ],
    hashes: {
      'pkg:npm/chalk@5.3.0': 'SHA-512:e9ab6041',
      'pkg:npm/preact-render-to-string@6.3.1': 'SHA-512:fa4acd13',
      'pkg:npm/preact@10.19.2': 'SHA-512:1bfec17a',
      'pkg:npm/pretty-format@3.8.0': 'SHA-512:1faaedbf'
    }
  },
  {
    dir: 'deno-v4',
    lockfile: 'deno.lock',
    format: 'deno',
    project: '@acme/weather-cli',
    expect: {
      'pkg:jsr/%40std/cli@1.0.6': 'required direct',
      'pkg:jsr/%40std/fmt@1.0.3': 'required transitive',
      'pkg:npm/%40types/node@22.5.4': 'required transitive',
      'pkg:npm/ansi-styles@6.2.1': 'required direct',
      'pkg:npm/undici-types@6.19.8': 'required transitive',
      'pkg:npm/zod@3.23.8': 'required direct'
    },
    edges: [
      'pkg:jsr/%40std/cli@1.0.6 -> pkg:jsr/%40std/fmt@1.0.3',
      'pkg:npm/%40types/node@22.5.4 -> pkg:npm/undici-types@6.19.8'
    ],
    hashes: {
      'pkg:npm/%40types/node@22.5.4': 'SHA-512:b9047c04',
      'pkg:npm/ansi-styles@6.2.1': 'SHA-512:1215e89e',
      'pkg:npm/undici-types@6.19.8': 'SHA-512:9e59f750',
      'pkg:npm/zod@3.23.8': 'SHA-512:f9555c2d'
    }
  },
  {
    dir: 'julia',
    lockfile: 'Manifest.toml',
    format: 'julia',
    project: 'WeatherStats',
    // Standard libraries without a version (Dates, Mmap) are not components; [extras] in the
    // test target are dev.
    expect: {
      'pkg:julia/Aqua@0.8.4?uuid=4c88cf16-eb10-579e-8560-4a9242c79595': 'dev direct',
      'pkg:julia/CSV@0.10.13?uuid=336ed68f-0bac-5ca0-87d4-7b16caf5d00b': 'required direct',
      'pkg:julia/CodecZlib@0.7.4?uuid=944b1d66-785c-5afd-91f1-9de20f533193': 'required transitive',
      'pkg:julia/Compat@4.14.0?uuid=34da2185-b29b-5c13-b0c7-acf172513d20': 'dev transitive',
      'pkg:julia/JSON@0.21.4?uuid=682c06a0-de6a-54ab-a142-c8b1cf79cde6': 'required direct',
      'pkg:julia/Parsers@2.8.1?uuid=69de0a69-1ddd-5017-9359-2bf0b02dc9f0': 'required transitive',
      'pkg:julia/PrecompileTools@1.2.1?uuid=aea7be01-6a6a-4083-8856-8a6e6704d82a':
        'required transitive',
      'pkg:julia/Preferences@1.4.3?uuid=21216c6a-2e73-6563-6e65-726566657250':
        'required transitive',
      'pkg:julia/TOML@1.0.3?uuid=fa267f1f-6049-4f14-aa54-33bafae1ed76': 'required transitive',
      'pkg:julia/TranscodingStreams@0.10.7?uuid=3bb67fe8-82b1-5028-8e26-92a6c54297fa':
        'required transitive',
      'pkg:julia/Zlib_jll@1.2.13+1?uuid=83775a58-1f1d-513f-b197-d71354ab007a': 'required transitive'
    },
    edges: [
      'pkg:julia/Aqua@0.8.4?uuid=4c88cf16-eb10-579e-8560-4a9242c79595 -> pkg:julia/Compat@4.14.0?uuid=34da2185-b29b-5c13-b0c7-acf172513d20',
      'pkg:julia/CSV@0.10.13?uuid=336ed68f-0bac-5ca0-87d4-7b16caf5d00b -> pkg:julia/CodecZlib@0.7.4?uuid=944b1d66-785c-5afd-91f1-9de20f533193',
      'pkg:julia/CSV@0.10.13?uuid=336ed68f-0bac-5ca0-87d4-7b16caf5d00b -> pkg:julia/Parsers@2.8.1?uuid=69de0a69-1ddd-5017-9359-2bf0b02dc9f0',
      'pkg:julia/CodecZlib@0.7.4?uuid=944b1d66-785c-5afd-91f1-9de20f533193 -> pkg:julia/TranscodingStreams@0.10.7?uuid=3bb67fe8-82b1-5028-8e26-92a6c54297fa',
      'pkg:julia/CodecZlib@0.7.4?uuid=944b1d66-785c-5afd-91f1-9de20f533193 -> pkg:julia/Zlib_jll@1.2.13+1?uuid=83775a58-1f1d-513f-b197-d71354ab007a',
      'pkg:julia/Compat@4.14.0?uuid=34da2185-b29b-5c13-b0c7-acf172513d20 -> pkg:julia/TOML@1.0.3?uuid=fa267f1f-6049-4f14-aa54-33bafae1ed76',
      'pkg:julia/JSON@0.21.4?uuid=682c06a0-de6a-54ab-a142-c8b1cf79cde6 -> pkg:julia/Parsers@2.8.1?uuid=69de0a69-1ddd-5017-9359-2bf0b02dc9f0',
      'pkg:julia/Parsers@2.8.1?uuid=69de0a69-1ddd-5017-9359-2bf0b02dc9f0 -> pkg:julia/PrecompileTools@1.2.1?uuid=aea7be01-6a6a-4083-8856-8a6e6704d82a',
      'pkg:julia/PrecompileTools@1.2.1?uuid=aea7be01-6a6a-4083-8856-8a6e6704d82a -> pkg:julia/Preferences@1.4.3?uuid=21216c6a-2e73-6563-6e65-726566657250',
      'pkg:julia/Preferences@1.4.3?uuid=21216c6a-2e73-6563-6e65-726566657250 -> pkg:julia/TOML@1.0.3?uuid=fa267f1f-6049-4f14-aa54-33bafae1ed76'
    ],
    hashes: {},
    properties: {
      'pkg:julia/Parsers@2.8.1?uuid=69de0a69-1ddd-5017-9359-2bf0b02dc9f0': {
        'secure-pipeline:julia:repo-url': 'https://github.com/JuliaData/Parsers.jl.git'
      }
    }
  },
  {
    dir: 'terraform',
    lockfile: '.terraform.lock.hcl',
    format: 'terraform',
    project: 'terraform',
    expect: {
      'pkg:terraform/hashicorp/aws@5.31.0': 'required direct',
      'pkg:terraform/hashicorp/random@3.6.0': 'required direct',
      // Another registry (OpenTofu's) is the repository_url qualifier.
      'pkg:terraform/integrations/github@6.0.0?repository_url=https%3A%2F%2Fregistry.opentofu.org':
        'required direct'
    },
    edges: [],
    // zh: hashes (SHA-256 of each platform's archive).
    hashes: {
      'pkg:terraform/hashicorp/aws@5.31.0': 'SHA-256:2dc61d8a,SHA-256:f032d999',
      'pkg:terraform/hashicorp/random@3.6.0': 'SHA-256:30d167a1',
      'pkg:terraform/integrations/github@6.0.0?repository_url=https%3A%2F%2Fregistry.opentofu.org':
        'SHA-256:dd538942'
    },
    properties: {
      'pkg:terraform/hashicorp/aws@5.31.0': { 'secure-pipeline:terraform:constraints': '~> 5.0' }
    }
  },
  {
    dir: 'cabal',
    lockfile: 'cabal.project.freeze',
    format: 'cabal',
    project: 'cabal',
    expect: {
      'pkg:hackage/Cabal-syntax@3.10.1.0': 'dev transitive',
      'pkg:hackage/Cabal@3.10.1.0': 'required transitive',
      'pkg:hackage/aeson@2.2.1.0': 'required transitive',
      'pkg:hackage/base@4.18.1.0': 'required transitive',
      'pkg:hackage/bytestring@0.11.5.3': 'required transitive',
      'pkg:hackage/text@2.0.2': 'required transitive'
    },
    edges: [],
    hashes: {}
  },
  {
    dir: 'stack',
    lockfile: 'stack.yaml.lock',
    format: 'stack',
    project: 'stack',
    expect: {
      'pkg:hackage/acme-missiles@0.3': 'required direct',
      'pkg:hackage/json-stream@0.4.5.3': 'required direct',
      'pkg:hackage/servant-extra@0.4.1': 'required direct'
    },
    edges: [],
    hashes: { 'pkg:hackage/json-stream@0.4.5.3': 'SHA-256:bc7f1da8' },
    properties: {
      'pkg:hackage/servant-extra@0.4.1': {
        'secure-pipeline:hackage:vcs': 'https://github.com/example/servant-extra.git'
      }
    }
  }
]

describe('new ecosystems: purls, scopes, edges, hashes', () => {
  test.each(cases.map(c => [`${c.dir}/${c.lockfile}`, c] as const))('%s', async (_n, c) => {
    const parsed = await parseFile(path.join(FIXTURES, c.dir), c.lockfile)
    expect(parsed.format).toBe(c.format)
    const g = parsed.builder.finish()
    expect(g.project.name).toBe(c.project)
    expect(view(g)).toEqual(c.expect)
    expect(edges(g)).toEqual([...c.edges].sort())
    expect(hashes(g)).toEqual(c.hashes)
    for (const [purl, props] of Object.entries(c.properties ?? {}))
      expect(g.components.find(x => x.purl === purl)?.properties).toMatchObject(props)
  })
})

const sv = shared ? describe : describe.skip
if (!shared) console.log('sbom ecosystems: /work/shared missing, schema validation skipped')
sv('new ecosystems: documents validate against the CycloneDX and SPDX schemas', () => {
  test.each(cases.map(c => [`${c.dir}/${c.lockfile}`, c] as const))('%s', async (_n, c) => {
    const file = path.join(FIXTURES, c.dir, c.lockfile)
    for (const specVersion of ['1.5', '1.6', '1.7']) {
      const r = await generate(file, { format: 'cyclonedx-json', specVersion })
      const again = await generate(file, { format: 'cyclonedx-json', specVersion })
      expect(again.documents[0].text).toBe(r.documents[0].text)
      const doc = JSON.parse(r.documents[0].text) as { components: { purl: string }[] }
      expect(schemaErrors(`cyclonedx-${specVersion}`, doc)).toBe('')
      expect(doc.components.map(x => x.purl).sort()).toEqual(Object.keys(c.expect).sort())
    }
    const r = await generate(file, { format: 'spdx-json' })
    const doc = JSON.parse(r.documents[0].text) as {
      packages: { externalRefs?: { referenceLocator: string }[] }[]
    }
    expect(schemaErrors('spdx-2.3', doc)).toBe('')
    const purls = doc.packages.flatMap(p => (p.externalRefs ?? []).map(e => e.referenceLocator))
    expect(purls.sort()).toEqual(Object.keys(c.expect).sort())
  })
})

describe('discovery by file name', () => {
  test.each([
    ['app/pubspec.lock', 'pub'],
    ['Package.resolved', 'swift'],
    ['App.xcworkspace/xcshareddata/swiftpm/Package.resolved', 'swift'],
    ['ios/Podfile.lock', 'cocoapods'],
    ['mix.lock', 'mix'],
    ['rebar.lock', 'rebar'],
    ['bun.lock', 'bun'],
    ['conan.lock', 'conan'],
    ['cabal.project.freeze', 'cabal'],
    ['stack.yaml.lock', 'stack'],
    ['pdm.lock', 'pdm'],
    ['deno.lock', 'deno'],
    ['Manifest.toml', 'julia'],
    ['JuliaManifest-v1.11.toml', 'julia'],
    ['infra/.terraform.lock.hcl', 'terraform'],
    ['src/App/packages.config', 'nuget-config']
  ])('%s → %s', (file, id) => {
    expect(detectFormat(file)?.id).toBe(id)
  })

  test('a directory scan finds every fixture, not dependency checkouts or build trees', async () => {
    const root = path.join(tmp, 'scan')
    cpSync(FIXTURES, root, { recursive: true })
    const extra = [
      'swift-v2/.build/checkouts/swift-nio/Package.resolved',
      'mix/deps/phoenix/mix.lock',
      'rebar/_build/default/lib/cowboy/rebar.lock',
      'pub/.dart_tool/package_config_subset/pubspec.lock',
      'terraform/.terraform/modules/vpc/.terraform.lock.hcl'
    ]
    for (const f of extra) {
      mkdirSync(path.dirname(path.join(root, f)), { recursive: true })
      writeFileSync(path.join(root, f), '{}')
    }
    const found = await discover(root)
    expect(found).toEqual(
      cases.map(c => `${c.dir}/${c.lockfile}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    )
    const r = await generate(root, { format: 'cyclonedx-json' })
    const all = new Set(cases.flatMap(c => Object.keys(c.expect)))
    expect(r.documents[0].graph.components.map(x => x.purl).sort()).toEqual([...all].sort())
  })
})

const malformed: [string, string, number][] = [
  [
    '.terraform.lock.hcl',
    'provider "registry.terraform.io/hashicorp/aws" {\n  version = "5.0.0"\n',
    1
  ],
  [
    '.terraform.lock.hcl',
    'provider "registry.terraform.io/hashicorp/aws" {\n  hashes = []\n}\n',
    1
  ],
  ['.terraform.lock.hcl', 'terraform {\n}\n', 1],
  ['Manifest.toml', 'manifest_format = "2.0"\n\n[[deps.JSON]]\nuuid = "x\n', 4],
  [
    'bun.lock',
    '{\n  "lockfileVersion": 1,\n  "packages": {\n    "x": ["@scope/@1.0.0", "", {}, ""]\n  }\n}\n',
    4
  ],
  [
    'pubspec.lock',
    'packages:\n  x:\n    dependency: transitive\n    description:\n      name: ""\n      url: "https://pub.dev"\n    source: hosted\n    version: "1.0.0"\n',
    2
  ],
  ['deno.lock', '{\n  "version": "4",\n  "npm": {\n    "a@1.0.0": {\n', 4],
  [
    'pdm.lock',
    '[metadata]\nlock_version = "4.5.0"\n\n[[package]]\nname = "a"\nversion = "1.0\n',
    6
  ],
  ['pdm.lock', '[[package]]\nname = "a"\n', 2],
  [
    'packages.config',
    '<?xml version="1.0"?>\n<packages>\n  <package id="a" version="1.0" />\n  <package id="b" />\n</packages>\n',
    4
  ],
  ['packages.config', '<packages>\n  <package id="a" version="1.0">\n</packages>\n', 3],
  // js-yaml reports an unterminated string where the stream ends.
  ['pubspec.lock', 'packages:\n  http:\n    dependency: "direct main\n', 4],
  ['pubspec.lock', 'packages:\n  a:\n    source: hosted\n  http:\n    source: hosted\n', 2],
  ['Package.resolved', '{\n  "pins" : [\n    {\n      "identity" : "a",\n', 4],
  [
    'Package.resolved',
    '{\n  "pins" : [\n    {\n      "identity" : "swift-nio",\n      "kind" : "remoteSourceControl",\n      "location" : "https://github.com/apple/swift-nio.git",\n      "state" : {}\n    }\n  ],\n  "version" : 2\n}\n',
    4
  ],
  ['Podfile.lock', 'PODS:\n  - Alamofire (5.8.1)\n  - Broken 5.8\n\nCOCOAPODS: 1.14.3\n', 3],
  ['Podfile.lock', 'PODS:\n  - Alamofire (5.8.1\n  x: [\n', 3],
  ['mix.lock', '%{\n  "jason": {:hex, :jason, "1.4.1", "abc", [:mix], [],\n', 3],
  ['mix.lock', '%{\n  "a": {:hex, :a, "1.0.0"},\n  "b": {:hex, :b, 1.0},\n}\n', 3],
  ['mix.lock', '%{\n  "a": {:hex, :a, "1.0.0"},\n  "b": {:svn, "x"},\n}\n', 3],
  [
    'rebar.lock',
    '{"1.2.0",\n[{<<"cowboy">>,{pkg,<<"cowboy">>,<<"2.10.0">>},0},\n {<<"x">>,oops}]}.\n',
    3
  ],
  [
    'bun.lock',
    '{\n  "lockfileVersion": 1,\n  "packages": {\n    "a": ["a@1.0.0", "", {}, "sha512-x"],\n    "b": 7,\n  }\n}\n',
    5
  ],
  ['bun.lock', '{\n  "lockfileVersion": 1,\n  "packages": {\n    "a": ["a@1.0.0", "", {}\n', 4],
  ['conan.lock', '{\n  "version": "0.5",\n  "requires": [\n    "not a ref"\n  ]\n}\n', 4],
  ['cabal.project.freeze', 'constraints: any.aeson ==2.2.1.0,\n             any.text =/=2\n', 2],
  [
    'stack.yaml.lock',
    'packages:\n- completed:\n    hackage: acme-missiles-0.3\n- original:\n    hackage: x-1\n',
    4
  ]
]

describe('malformed lockfiles name the file and the line (exit 2)', () => {
  test.each(malformed)('%s: %j', async (file, text, line) => {
    const err = await parseFailure(tmp, file, text)
    expect(err.position.file).toBe(file)
    expect(err.position.line).toBe(line)
    expect(exitCodeFor(err)).toBe(2)
  })
})

test('a parser crash on unforeseen input is still an input error naming the file', async () => {
  const dir = mkdtempSync(path.join(tmp, 'crash-'))
  writeFileSync(path.join(dir, 'odd.lock'), 'x')
  const crashing = {
    id: 'odd',
    load: () =>
      Promise.resolve((): void => {
        throw new TypeError("Cannot read properties of undefined (reading 'x')")
      })
  }
  const err = await parseFile(dir, 'odd.lock', crashing).then(
    () => undefined,
    (e: unknown) => e
  )
  expect(err).toBeInstanceOf(InputError)
  expect((err as InputError).position.file).toBe('odd.lock')
  expect(exitCodeFor(err as InputError)).toBe(2)
  expect((err as InputError).message).toMatch(/^cannot read odd lockfile: Cannot read properties/)
})

describe('unknown lockfile versions are reported, not guessed', () => {
  test.each([
    ['Package.resolved', '{\n  "pins": [],\n  "version": 4\n}\n', /Package\.resolved version 4/, 3],
    ['bun.lock', '{\n  "lockfileVersion": 2,\n}\n', /bun\.lock lockfileVersion 2/, 2],
    ['conan.lock', '{\n "version": "0.9"\n}\n', /conan\.lock version "0\.9"/, 2],
    ['rebar.lock', '{"2.0.0",\n[]}.\n', /rebar\.lock version "2\.0\.0"/, 1],
    ['pdm.lock', '[metadata]\nlock_version = "5.0"\n', /pdm lock_version "5\.0"/, 2],
    ['deno.lock', '{\n  "version": "2",\n  "remote": {}\n}\n', /deno\.lock version "2"/, 2],
    ['Manifest.toml', 'julia_version = "9"\nmanifest_format = "3.0"\n', /manifest_format "3\.0"/, 2]
  ])('%s', async (file, text, message, line) => {
    const err = await parseFailure(tmp, file, text)
    expect(err.code).toBe('SBOM_UNSUPPORTED_VERSION')
    expect(err.message).toMatch(message)
    expect(err.position.line).toBe(line)
  })
})
