import { describe, expect, it } from '@jest/globals'
import { generateKeyPairSync } from 'node:crypto'
import { call, callError, ctx } from './helpers.js'

describe('hashes and HMAC', () => {
  const cases: [string, unknown[], unknown][] = [
    ['crypto.md5', [''], 'd41d8cd98f00b204e9800998ecf8427e'],
    ['crypto.sha1', ['abc'], 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['crypto.sha256', ['abc'], 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    // RFC 4231 test case 2
    [
      'crypto.hmac.sha256',
      ['what do ya want for nothing?', 'Jefe'],
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'
    ],
    [
      'crypto.hmac.md5',
      ['what do ya want for nothing?', 'Jefe'],
      '750c783e6ab0b503eaa86e310a5db738'
    ],
    ['crypto.hmac.equal', ['abc', 'abc'], true],
    ['crypto.hmac.equal', ['abc', 'abd'], false]
  ]
  it.each(cases)('%s(%j) = %j', (name, args, want) => {
    expect(call(name, args)).toEqual(want)
  })
})

describe('io.jwt', () => {
  // RFC 7515 appendix A.1
  const hsKey = {
    kty: 'oct',
    k: 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow'
  }
  const rfcHeader = '{"typ":"JWT",\r\n "alg":"HS256"}'
  const rfcPayload = '{"iss":"joe",\r\n "exp":1300819380,\r\n "http://example.com/is_root":true}'
  const rfcToken =
    'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'

  it('signs the RFC 7515 HS256 example', () => {
    expect(call('io.jwt.encode_sign_raw', [rfcHeader, rfcPayload, JSON.stringify(hsKey)])).toBe(
      rfcToken
    )
    const [header, payload, sig] = call('io.jwt.decode', [rfcToken]) as unknown[]
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' })
    expect(payload).toEqual({ exp: 1300819380, 'http://example.com/is_root': true, iss: 'joe' })
    // RFC 7515 A.1.1 lists the signature octets
    const octets = [
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77,
      105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121
    ]
    expect(sig).toBe(octets.map(b => b.toString(16).padStart(2, '0')).join(''))
  })

  it('decode_verify checks signature and registered claims', () => {
    const secret = 'correct horse battery staple'
    const key = { kty: 'oct', k: Buffer.from(secret).toString('base64url') }
    const token = call('io.jwt.encode_sign', [
      { alg: 'HS256' },
      { iss: 'me', aud: ['x', 'y'], exp: 2000, nbf: 1000 },
      key
    ]) as string
    expect(call('io.jwt.verify_hs256', [token, secret])).toBe(true)
    expect(call('io.jwt.verify_hs256', [token, 'nope'])).toBe(false)
    const at = (sec: number): unknown[] =>
      call('io.jwt.decode_verify', [token, { secret, time: sec * 1e9, aud: 'y' }]) as unknown[]
    expect(at(1500)[0]).toBe(true)
    expect(at(999)[0]).toBe(false)
    expect(at(2000)[0]).toBe(false)
    expect((call('io.jwt.decode_verify', [token, { secret, time: 1500e9 }]) as unknown[])[0]).toBe(
      false
    )
    expect(
      (
        call('io.jwt.decode_verify', [
          token,
          { secret, time: 1500e9, aud: 'y', iss: 'other' }
        ]) as unknown[]
      )[0]
    ).toBe(false)
    expect(
      (
        call('io.jwt.decode_verify', [
          token,
          { secret: 'wrong', time: 1500e9, aud: 'y' }
        ]) as unknown[]
      )[0]
    ).toBe(false)
    expect(callError('io.jwt.decode_verify', [token, { secret, bogus: 1 }])?.message).toBe(
      'unknown token validation constraint: bogus'
    )
  })

  const families: [
    string,
    string,
    () => {
      privateKey: import('node:crypto').KeyObject
      publicKey: import('node:crypto').KeyObject
    }
  ][] = [
    ['RS256', 'io.jwt.verify_rs256', () => generateKeyPairSync('rsa', { modulusLength: 2048 })],
    ['PS384', 'io.jwt.verify_ps384', () => generateKeyPairSync('rsa', { modulusLength: 2048 })],
    ['ES256', 'io.jwt.verify_es256', () => generateKeyPairSync('ec', { namedCurve: 'P-256' })],
    ['ES512', 'io.jwt.verify_es512', () => generateKeyPairSync('ec', { namedCurve: 'P-521' })],
    ['EdDSA', 'io.jwt.verify_eddsa', () => generateKeyPairSync('ed25519')]
  ]
  it.each(families)('%s tokens sign and verify with PEM and JWK keys', (alg, verify, gen) => {
    const { privateKey, publicKey } = gen()
    const token = call('io.jwt.encode_sign', [
      { alg },
      { sub: 'x' },
      privateKey.export({ format: 'jwk' })
    ]) as string
    const pem = publicKey.export({ format: 'pem', type: 'spki' }) as string
    const jwk = JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), alg }] })
    expect(call(verify, [token, pem])).toBe(true)
    expect(call(verify, [token, jwk])).toBe(true)
    const tampered = token.replace(
      /\.[^.]+\./,
      '.' + Buffer.from('{"sub":"y"}').toString('base64url') + '.'
    )
    expect(call(verify, [tampered, pem])).toBe(false)
    expect((call('io.jwt.decode_verify', [token, { cert: pem, time: 0 }]) as unknown[])[0]).toBe(
      true
    )
    expect(
      (call('io.jwt.decode_verify', [token, { cert: pem, alg: 'HS256', time: 0 }]) as unknown[])[0]
    ).toBe(false)
  })

  it('reports malformed tokens and keys like OPA', () => {
    expect(callError('io.jwt.decode', ['abc'])?.message).toBe(
      'encoded JWT had no period separators'
    )
    expect(callError('io.jwt.decode', ['a.b'])?.message).toBe(
      'encoded JWT must have 3 sections, found 2'
    )
    expect(callError('io.jwt.decode', ['eyJ^.e30.e30'])?.message).toBe(
      'JWT header had invalid encoding: illegal base64 data at input byte 3'
    )
    expect(callError('io.jwt.verify_rs256', [rfcToken, 'not a key'])?.message).toMatch(
      /^failed to parse a JWK key \(set\)/
    )
    expect(
      callError('io.jwt.verify_rs256', [rfcToken, '-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n'])
        ?.message
    ).toBe('failed to extract a Key from the PEM certificate')
    expect(
      callError('io.jwt.encode_sign_raw', ['{"alg":"dummy"}', '{}', JSON.stringify(hsKey)])?.message
    ).toBe('unknown JWS algorithm: dummy')
    expect(
      callError('io.jwt.encode_sign_raw', ['{"alg":"HS256"}', 'nope', JSON.stringify(hsKey)])
        ?.message
    ).toBe('type is JWT but payload is not JSON')
  })
})

describe('private keys', () => {
  it('parses an RSA private key to a JWK', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 })
    const pem = privateKey.export({ format: 'pem', type: 'pkcs1' }) as string
    const jwk = call('crypto.x509.parse_rsa_private_key', [pem]) as Record<string, string>
    expect(jwk.kty).toBe('RSA')
    expect(jwk.n).toBe(privateKey.export({ format: 'jwk' }).n)
    expect(call('crypto.parse_private_keys', [pem])).toHaveLength(1)
    expect(call('crypto.parse_private_keys', [''])).toBeNull()
    expect(callError('crypto.x509.parse_rsa_private_key', ['invalid'])?.message).toMatch(
      /illegal base64/
    )
  })
  it('rejects malformed certificates', () => {
    expect(callError('crypto.x509.parse_certificates', ['YmFkc3RyaW5n'])?.message).toBe(
      'x509: malformed certificate'
    )
    expect(call('crypto.x509.parse_and_verify_certificates', ['YmFkc3RyaW5n'], ctx())).toEqual([
      false,
      []
    ])
  })
})

describe('providers.aws.sign_req', () => {
  const cfg = {
    aws_access_key: 'MYAWSACCESSKEYGOESHERE',
    aws_secret_access_key: 'MYAWSSECRETACCESSKEYGOESHERE',
    aws_service: 's3',
    aws_region: 'us-east-1'
  }
  it('signs with SigV4 as OPA does', () => {
    const out = call('providers.aws.sign_req', [
      { method: 'get', url: 'http://example.com' },
      cfg,
      1451311705000000000n
    ]) as { headers: Record<string, string> }
    expect(out.headers['x-amz-date']).toBe('20151228T140825Z')
    expect(out.headers.Authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=MYAWSACCESSKEYGOESHERE/20151228/us-east-1/s3/aws4_request,SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=0047a7016c81e5c7f29cd522f97e911e04fc472fced0aee7916cbc287ad6c8e3'
    )
  })
  it('validates its operands', () => {
    expect(callError('providers.aws.sign_req', [{}, cfg, 0])).toEqual({
      kind: 'type',
      message: 'operand 1 missing required request parameters(s): {"method", "url"}'
    })
    expect(callError('http.send', [{ method: 'get', bad_key: 1 }])).toEqual({
      kind: 'type',
      message: 'invalid request parameters(s): {"bad_key"}'
    })
  })
})
