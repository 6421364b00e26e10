// Keys as users bring them (ECDSA P-256/P-384/P-521, RSA 2048/3072/4096, Ed25519, in every PEM
// encoding cosign import-key-pair and OpenSSL write), signed and verified through the CLI, plus
// raw signatures made the way `openssl dgst -sign` makes them, and the keys cosign rejects.
import crypto from 'node:crypto'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { runCli, type CliRun } from './run-cli.js'
import { ed25519ph } from '@noble/curves/ed25519.js'
import { encryptPrivateKey } from '../src/index.js'

const PASSWORD = 'tr0ub4dor&3 key password'

let dir: string
const outputs: string[] = []

async function cli(argv: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const r = await runCli(argv, dir, env)
  outputs.push(r.stdout, r.stderr)
  return r
}

const write = (name: string, text: string | Buffer): string => {
  fs.writeFileSync(path.join(dir, name), text)
  return name
}

type KeyCase = {
  name: string
  gen: () => crypto.KeyPairKeyObjectResult
  /** cosign's message digest (sigstore/sigstore GetDefaultPublicKeyDetails). */
  messageDigest: 'SHA2_256' | 'SHA2_384' | 'SHA2_512'
}

const KEYS: KeyCase[] = [
  {
    name: 'ecdsa-p256',
    gen: () => crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }),
    messageDigest: 'SHA2_256'
  },
  {
    name: 'ecdsa-p384',
    gen: () => crypto.generateKeyPairSync('ec', { namedCurve: 'P-384' }),
    messageDigest: 'SHA2_384'
  },
  {
    name: 'ecdsa-p521',
    gen: () => crypto.generateKeyPairSync('ec', { namedCurve: 'P-521' }),
    messageDigest: 'SHA2_512'
  },
  {
    name: 'rsa-2048',
    gen: () => crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }),
    messageDigest: 'SHA2_256'
  },
  {
    name: 'rsa-3072',
    gen: () => crypto.generateKeyPairSync('rsa', { modulusLength: 3072 }),
    messageDigest: 'SHA2_256'
  },
  {
    name: 'rsa-4096',
    gen: () => crypto.generateKeyPairSync('rsa', { modulusLength: 4096 }),
    messageDigest: 'SHA2_256'
  },
  {
    name: 'ed25519',
    gen: () => crypto.generateKeyPairSync('ed25519'),
    messageDigest: 'SHA2_512'
  }
]

const pairs = new Map<string, crypto.KeyPairKeyObjectResult>()
const pair = (k: KeyCase): crypto.KeyPairKeyObjectResult => {
  let p = pairs.get(k.name)
  if (!p) {
    p = k.gen()
    pairs.set(k.name, p)
  }
  return p
}

/** The private-key encodings of a key type, each with the COSIGN_PASSWORD it needs. */
function privateEncodings(k: KeyCase): { label: string; pem: string; password?: string }[] {
  const { privateKey } = pair(k)
  const type = privateKey.asymmetricKeyType
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' })
  const out = [
    {
      label: 'cosign-encrypted (import-key-pair output)',
      pem: encryptPrivateKey(pkcs8, PASSWORD, { scryptN: 32768 }),
      password: PASSWORD
    },
    {
      label: 'legacy ENCRYPTED COSIGN PRIVATE KEY',
      pem: encryptPrivateKey(pkcs8, '', {
        scryptN: 32768,
        pemType: 'ENCRYPTED COSIGN PRIVATE KEY'
      }),
      password: ''
    },
    {
      label: 'PKCS#8 PRIVATE KEY',
      pem: String(privateKey.export({ type: 'pkcs8', format: 'pem' }))
    },
    {
      label: 'ENCRYPTED PRIVATE KEY (PKCS#8, AES-256-CBC)',
      pem: String(
        privateKey.export({
          type: 'pkcs8',
          format: 'pem',
          cipher: 'aes-256-cbc',
          passphrase: PASSWORD
        })
      ),
      password: PASSWORD
    }
  ]
  if (type === 'ec')
    out.push({
      label: 'SEC1 EC PRIVATE KEY',
      pem: String(privateKey.export({ type: 'sec1', format: 'pem' }))
    })
  if (type === 'rsa')
    out.push({
      label: 'PKCS#1 RSA PRIVATE KEY',
      pem: String(privateKey.export({ type: 'pkcs1', format: 'pem' }))
    })
  return out
}

function publicEncodings(k: KeyCase): { label: string; pem: string }[] {
  const { publicKey } = pair(k)
  const out = [
    { label: 'SPKI PUBLIC KEY', pem: String(publicKey.export({ type: 'spki', format: 'pem' })) }
  ]
  if (publicKey.asymmetricKeyType === 'rsa')
    out.push({
      label: 'PKCS#1 RSA PUBLIC KEY',
      pem: String(publicKey.export({ type: 'pkcs1', format: 'pem' }))
    })
  return out
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-key-formats-'))
  write('artifact.bin', 'release artifact bytes\n')
  write('tampered.bin', 'release artifact bytes, changed\n')
  write('predicate.json', JSON.stringify({ builder: { id: 'https://example.test/builder' } }))
})
afterAll(() => {
  for (const o of outputs) {
    expect(o).not.toContain(PASSWORD)
    expect(o).not.toMatch(/BEGIN [A-Z ]*PRIVATE KEY/)
  }
  fs.rmSync(dir, { recursive: true, force: true })
})

describe.each(KEYS)('$name keys', k => {
  test.each(privateEncodings(k).map(e => [e.label, e] as const))(
    'sign blob with a %s key; verify with every public encoding; tampering fails',
    async (_label, enc) => {
      const id = `${k.name}-${enc.label.replace(/[^a-z0-9]+/gi, '-')}`
      const keyFile = write(`${id}.key`, enc.pem)
      const env: Record<string, string> =
        enc.password !== undefined ? { COSIGN_PASSWORD: enc.password } : {}
      const s = await cli(
        ['sign', 'blob', 'artifact.bin', '--key', keyFile, '--bundle', `${id}.sigstore.json`],
        env
      )
      expect(s.stderr).not.toMatch(/error/i)
      expect(s.code).toBe(0)
      const bundle = JSON.parse(fs.readFileSync(path.join(dir, `${id}.sigstore.json`), 'utf8')) as {
        messageSignature: { messageDigest: { algorithm: string; digest: string } }
      }
      const md = bundle.messageSignature.messageDigest
      expect(md.algorithm).toBe(k.messageDigest)
      const node = { SHA2_256: 'sha256', SHA2_384: 'sha384', SHA2_512: 'sha512' }[k.messageDigest]
      expect(md.digest).toBe(
        crypto
          .createHash(node)
          .update(fs.readFileSync(path.join(dir, 'artifact.bin')))
          .digest('base64')
      )
      for (const pub of publicEncodings(k)) {
        const pubFile = write(`${id}-${pub.label.replace(/[^a-z0-9]+/gi, '-')}.pub`, pub.pem)
        const ok = await cli([
          'verify',
          'blob',
          'artifact.bin',
          '--bundle',
          `${id}.sigstore.json`,
          '--key',
          pubFile
        ])
        expect([pub.label, ok.stderr, ok.code]).toEqual([pub.label, '', 0])
        const bad = await cli([
          'verify',
          'blob',
          'tampered.bin',
          '--bundle',
          `${id}.sigstore.json`,
          '--key',
          pubFile
        ])
        expect(bad.code).toBe(1)
      }
      // another key of the same type does not verify it
      const other = k.gen().publicKey.export({ type: 'spki', format: 'pem' })
      const wrongKey = await cli([
        'verify',
        'blob',
        'artifact.bin',
        '--bundle',
        `${id}.sigstore.json`,
        '--key',
        write(`${id}-other.pub`, String(other))
      ])
      expect(wrongKey.code).toBe(1)
    }
  )

  test('attest blob (DSSE) round trip and predicate binding', async () => {
    const { privateKey, publicKey } = pair(k)
    const keyFile = write(
      `${k.name}-attest.key`,
      String(privateKey.export({ type: 'pkcs8', format: 'pem' }))
    )
    const pubFile = write(
      `${k.name}-attest.pub`,
      String(publicKey.export({ type: 'spki', format: 'pem' }))
    )
    const a = await cli([
      'attest',
      'blob',
      'artifact.bin',
      '--key',
      keyFile,
      '--predicate',
      'predicate.json',
      '--type',
      'slsaprovenance1',
      '--bundle',
      `${k.name}.intoto.json`
    ])
    expect(a.code).toBe(0)
    const args = [
      '--bundle',
      `${k.name}.intoto.json`,
      '--key',
      pubFile,
      '--type',
      'slsaprovenance1'
    ]
    expect((await cli(['verify', 'attestation', 'artifact.bin', ...args])).code).toBe(0)
    expect((await cli(['verify', 'attestation', 'tampered.bin', ...args])).code).toBe(1)

    // the bare DSSE envelope (cosign attest-blob --output-signature / verify-blob-attestation --signature)
    const { dsseEnvelope } = JSON.parse(
      fs.readFileSync(path.join(dir, `${k.name}.intoto.json`), 'utf8')
    ) as { dsseEnvelope: { payload: string; payloadType: string } }
    write(`${k.name}.envelope.json`, JSON.stringify(dsseEnvelope))
    const env = [
      '--signature',
      `${k.name}.envelope.json`,
      '--key',
      pubFile,
      '--type',
      'slsaprovenance1'
    ]
    expect((await cli(['verify', 'attestation', 'artifact.bin', ...env])).code).toBe(0)
    expect((await cli(['verify', 'attestation', 'tampered.bin', ...env])).code).toBe(1)
    const statement = JSON.parse(Buffer.from(dsseEnvelope.payload, 'base64').toString('utf8')) as {
      predicate: Record<string, unknown>
    }
    statement.predicate.forged = true
    write(
      `${k.name}.forged.json`,
      JSON.stringify({
        ...dsseEnvelope,
        payload: Buffer.from(JSON.stringify(statement)).toString('base64')
      })
    )
    const forged = ['--signature', `${k.name}.forged.json`, '--key', pubFile]
    expect((await cli(['verify', 'attestation', 'artifact.bin', ...forged])).code).toBe(1)
  })
})

/** What `openssl dgst -<hash> -sign key -out sig` (or pkeyutl -rawin for Ed25519) writes, base64'd as cosign wants. */
const RAW: {
  name: string
  key: KeyCase['name']
  sign: (data: Buffer, key: crypto.KeyObject) => Buffer
}[] = [
  { name: 'ECDSA P-256 SHA-256', key: 'ecdsa-p256', sign: (d, k) => crypto.sign('sha256', d, k) },
  { name: 'ECDSA P-384 SHA-384', key: 'ecdsa-p384', sign: (d, k) => crypto.sign('sha384', d, k) },
  { name: 'ECDSA P-521 SHA-512', key: 'ecdsa-p521', sign: (d, k) => crypto.sign('sha512', d, k) },
  {
    name: 'RSA-2048 PKCS#1 v1.5 SHA-256',
    key: 'rsa-2048',
    sign: (d, k) => crypto.sign('sha256', d, k)
  },
  {
    name: 'RSA-3072 PSS SHA-256 (salt = digest length)',
    key: 'rsa-3072',
    sign: (d, k) =>
      crypto.sign('sha256', d, {
        key: k,
        padding: crypto.constants.RSA_PKCS1_PSS_PADDING,
        saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST
      })
  },
  {
    name: 'RSA-2048 PSS SHA-256 (maximum salt, openssl default)',
    key: 'rsa-2048',
    sign: (d, k) =>
      crypto.sign('sha256', d, {
        key: k,
        padding: crypto.constants.RSA_PKCS1_PSS_PADDING,
        saltLength: crypto.constants.RSA_PSS_SALTLEN_MAX_SIGN
      })
  },
  { name: 'Ed25519 (pure)', key: 'ed25519', sign: (d, k) => crypto.sign(null, d, k) },
  {
    name: 'Ed25519ph (cosign sign-blob --key with an Ed25519 key)',
    key: 'ed25519',
    sign: (d, k) =>
      Buffer.from(
        ed25519ph.sign(d, Buffer.from(String(k.export({ format: 'jwk' }).d), 'base64url'))
      )
  }
]

describe('raw signatures (cosign verify-blob --key K --signature SIG)', () => {
  test.each(RAW.map(r => [r.name, r] as const))('%s', async (_name, r) => {
    const k = KEYS.find(x => x.name === r.key) as KeyCase
    const { privateKey, publicKey } = pair(k)
    const data = fs.readFileSync(path.join(dir, 'artifact.bin'))
    const id = r.name.replace(/[^a-z0-9]+/gi, '-')
    const sig = write(`${id}.sig`, `${r.sign(data, privateKey).toString('base64')}\n`)
    const pub = write(`${id}.pub`, String(publicKey.export({ type: 'spki', format: 'pem' })))
    const ok = await cli(['verify', 'blob', 'artifact.bin', '--signature', sig, '--key', pub])
    expect([ok.stderr, ok.code]).toEqual(['', 0])
    const bad = await cli(['verify', 'blob', 'tampered.bin', '--signature', sig, '--key', pub])
    expect(bad.code).toBe(1)
  })

  test('the signature as a base64 string (cosign --signature <base64>) or a binary file', async () => {
    const { privateKey, publicKey } = pair(KEYS[1])
    const data = fs.readFileSync(path.join(dir, 'artifact.bin'))
    const sig = crypto.sign('sha384', data, privateKey)
    const pub = write('inline.pub', String(publicKey.export({ type: 'spki', format: 'pem' })))
    const args = ['--key', pub, '--signature']
    expect(
      (await cli(['verify', 'blob', 'artifact.bin', ...args, sig.toString('base64')])).code
    ).toBe(0)
    expect(
      (await cli(['verify', 'blob', 'tampered.bin', ...args, sig.toString('base64')])).code
    ).toBe(1)
    write('binary.sig', sig)
    expect((await cli(['verify', 'blob', 'artifact.bin', ...args, 'binary.sig'])).code).toBe(0)
    expect((await cli(['verify', 'blob', 'tampered.bin', ...args, 'binary.sig'])).code).toBe(1)
    // a missing file that is not base64 stays a missing file (exit 2)
    expect((await cli(['verify', 'blob', 'artifact.bin', ...args, 'missing.sig'])).code).toBe(2)
  })
})

const opensslAvailable = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
if (!opensslAvailable) console.log('skipping certificate-as-key tests: no openssl on PATH')

;(opensslAvailable ? describe : describe.skip)('a certificate as the verification key', () => {
  test.each(['ecdsa-p384', 'rsa-2048', 'ed25519'])('%s', async name => {
    const k = KEYS.find(x => x.name === name) as KeyCase
    const { privateKey } = pair(k)
    const keyFile = write(
      `${name}-cert.key`,
      String(privateKey.export({ type: 'pkcs8', format: 'pem' }))
    )
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-new',
        '-key',
        keyFile,
        '-subj',
        '/CN=release signer',
        '-days',
        '2',
        '-out',
        `${name}.crt`
      ],
      { cwd: dir, stdio: 'ignore' }
    )
    const s = await cli([
      'sign',
      'blob',
      'artifact.bin',
      '--key',
      keyFile,
      '--bundle',
      `${name}-c.json`
    ])
    expect(s.code).toBe(0)
    const args = ['--bundle', `${name}-c.json`, '--key', `${name}.crt`]
    expect((await cli(['verify', 'blob', 'artifact.bin', ...args])).code).toBe(0)
    expect((await cli(['verify', 'blob', 'tampered.bin', ...args])).code).toBe(1)
  })
})

describe('keys cosign does not accept are rejected (exit 2)', () => {
  const weak: [string, () => crypto.KeyPairKeyObjectResult, RegExp][] = [
    [
      'RSA-1024',
      () => crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }),
      /weak key: RSA 1024 bits/
    ],
    [
      'secp256k1',
      () => crypto.generateKeyPairSync('ec', { namedCurve: 'secp256k1' }),
      /unsupported key: ECDSA curve secp256k1/
    ],
    [
      'DSA',
      () => crypto.generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 }),
      /unsupported key: DSA/
    ],
    ['Ed448', () => crypto.generateKeyPairSync('ed448'), /unsupported key: ED448/]
  ]
  test.each(weak)('%s as a signing key and as a verification key', async (name, gen, message) => {
    const { privateKey, publicKey } = gen()
    const id = name.toLowerCase()
    const plain = write(`${id}.key`, String(privateKey.export({ type: 'pkcs8', format: 'pem' })))
    const cosign = write(
      `${id}-cosign.key`,
      encryptPrivateKey(privateKey.export({ type: 'pkcs8', format: 'der' }), PASSWORD, {
        scryptN: 32768
      })
    )
    for (const keyFile of [plain, cosign]) {
      const r = await cli(
        ['sign', 'blob', 'artifact.bin', '--key', keyFile, '--bundle', `${id}.json`],
        { COSIGN_PASSWORD: PASSWORD }
      )
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(message)
      expect(r.stderr).toContain('supported keys: ECDSA P-256/P-384/P-521')
    }
    write('any.sig', crypto.randomBytes(64).toString('base64'))
    const pub = write(`${id}.pub`, String(publicKey.export({ type: 'spki', format: 'pem' })))
    const v = await cli(['verify', 'blob', 'artifact.bin', '--signature', 'any.sig', '--key', pub])
    expect(v.code).toBe(2)
    expect(v.stderr).toMatch(message)
  })

  test('a private key given as the verification key is named as such, never printed', async () => {
    const { privateKey } = pair(KEYS[0])
    const f = write('oops.pub', String(privateKey.export({ type: 'pkcs8', format: 'pem' })))
    write('any.sig', crypto.randomBytes(64).toString('base64'))
    const v = await cli(['verify', 'blob', 'artifact.bin', '--signature', 'any.sig', '--key', f])
    expect(v.code).toBe(2)
    expect(v.stderr).toMatch(/expected a public key or certificate, got a private key/)
  })
})

describe('wrong passwords (exit 2, the password never shown)', () => {
  test.each([
    [
      'cosign-encrypted',
      (k: crypto.KeyObject) =>
        encryptPrivateKey(k.export({ type: 'pkcs8', format: 'der' }), PASSWORD, { scryptN: 32768 })
    ],
    [
      'ENCRYPTED PRIVATE KEY',
      (k: crypto.KeyObject) =>
        String(
          k.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASSWORD })
        )
    ],
    [
      'OpenSSL-encrypted EC PRIVATE KEY',
      (k: crypto.KeyObject) =>
        String(
          k.export({ type: 'sec1', format: 'pem', cipher: 'aes-128-cbc', passphrase: PASSWORD })
        )
    ]
  ])('%s', async (name, encode) => {
    const { privateKey } = pair(KEYS[0])
    const f = write(`wrong-${name.replace(/[^a-z0-9]+/gi, '-')}.key`, encode(privateKey))
    const wrongPassword = 'Not-The-Password-42'
    const r = await cli(['sign', 'blob', 'artifact.bin', '--key', f, '--bundle', 'w.json'], {
      COSIGN_PASSWORD: wrongPassword
    })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/wrong password/)
    expect(r.stderr + r.stdout).not.toContain(wrongPassword)
    const none = await cli(['sign', 'blob', 'artifact.bin', '--key', f, '--bundle', 'w.json'])
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/COSIGN_PASSWORD/)
    const right = await cli(['sign', 'blob', 'artifact.bin', '--key', f, '--bundle', 'w.json'], {
      COSIGN_PASSWORD: PASSWORD
    })
    expect(right.code).toBe(0)
  })
})

describe('keys import (cosign import-key-pair)', () => {
  test.each(KEYS.filter(k => k.name !== 'rsa-4096').map(k => [k.name, k] as const))(
    '%s: PEM in, cosign-encrypted key + public key out, which sign and verify',
    async (name, k) => {
      for (const enc of privateEncodings(k).filter(e => e.password === undefined)) {
        const id = `import-${name}-${enc.label.replace(/[^a-z0-9]+/gi, '-')}`
        const src = write(`${id}.pem`, enc.pem)
        const r = await cli(['keys', 'import', '--key', src, '--output-prefix', id], {
          COSIGN_PASSWORD: PASSWORD
        })
        expect([enc.label, r.code]).toEqual([enc.label, 0])
        const key = fs.readFileSync(path.join(dir, `${id}.key`), 'utf8')
        expect(key).toMatch(/^-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n/)
        expect(fs.statSync(path.join(dir, `${id}.key`)).mode & 0o777).toBe(0o600)
        expect(fs.readFileSync(path.join(dir, `${id}.pub`), 'utf8')).toBe(
          pair(k).publicKey.export({ type: 'spki', format: 'pem' })
        )
        const s = await cli(
          ['sign', 'blob', 'artifact.bin', '--key', `${id}.key`, '--bundle', `${id}.json`],
          { COSIGN_PASSWORD: PASSWORD }
        )
        expect(s.code).toBe(0)
        const v = ['--bundle', `${id}.json`, '--key', `${id}.pub`]
        expect((await cli(['verify', 'blob', 'artifact.bin', ...v])).code).toBe(0)
      }
    }
  )

  test('a weak key is not imported; nothing is written', async () => {
    const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 })
    const src = write('weak.pem', String(privateKey.export({ type: 'pkcs1', format: 'pem' })))
    const r = await cli(['keys', 'import', '--key', src, '--output-prefix', 'weak-import'], {
      COSIGN_PASSWORD: PASSWORD
    })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/weak key: RSA 1024 bits/)
    expect(fs.existsSync(path.join(dir, 'weak-import.key'))).toBe(false)
  })
})

describe('--tlog-upload with a key whose blob digest is not SHA-256', () => {
  test.each(['ecdsa-p384', 'ed25519'])('%s is refused before anything is sent', async name => {
    const { privateKey } = pair(KEYS.find(k => k.name === name) as KeyCase)
    const keyFile = write(
      `${name}-tlog.key`,
      String(privateKey.export({ type: 'pkcs8', format: 'pem' }))
    )
    const r = await cli([
      'sign',
      'blob',
      'artifact.bin',
      '--key',
      keyFile,
      '--tlog-upload',
      '--rekor-url',
      'http://127.0.0.1:9',
      '--bundle',
      `${name}-tlog.json`
    ])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/--tlog-upload with this key is not supported/)
  })
})
