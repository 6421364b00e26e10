/** providers.aws.sign_req (AWS Signature Version 4) and http.send argument validation. */
import { createHash, createHmac } from 'node:crypto'
import { RegoObject, RegoSet, type Value } from '../value.js'
import { isNum, obj, fail, text } from './args.js'
import { marshalJSON } from './encoding.js'
import { formatLayout, toCivil } from './gotime.js'
import { parseURL } from './uri.js'
import type { BuiltinFn } from './types.js'
import { BuiltinTypeError } from './types.js'

const quoteList = (ks: string[]): string => '{' + ks.map(k => JSON.stringify(k)).join(', ') + '}'

function required(
  o: RegoObject,
  keys: string[],
  pos: number,
  what: string
): Record<string, string> {
  const missing = keys.filter(k => !o.has(k))
  if (missing.length)
    throw new BuiltinTypeError(
      `operand ${pos} missing required ${what} parameters(s): ${quoteList(missing)}`
    )
  const invalid = keys.filter(k => typeof o.get(k) !== 'string')
  if (invalid.length)
    throw new BuiltinTypeError(
      `operand ${pos} invalid values for required ${what} parameters(s): ${quoteList(invalid)}`
    )
  return Object.fromEntries(keys.map(k => [k, o.get(k) as string]))
}

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex')
const hmac = (k: Buffer | string, d: string): Buffer => createHmac('sha256', k).update(d).digest()

function uriEncode(s: string, encodeSlash: boolean): string {
  let out = ''
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b)
    if (/[A-Za-z0-9\-_.~]/.test(c) || (c === '/' && !encodeSlash)) out += c
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0')
  }
  return out
}

function headerValue(v: Value): string {
  if (typeof v === 'string') return v
  if (Array.isArray(v) || v instanceof RegoSet)
    return (Array.isArray(v) ? v : v.sorted()).map(headerValue).join(',')
  return marshalJSON(v)
}

export const awsBuiltins: Record<string, BuiltinFn> = {
  'providers.aws.sign_req': args => {
    const req = obj(args, 0)
    const cfg = obj(args, 1)
    const t = args[2]
    const r = required(req, ['method', 'url'], 1, 'request')
    const c = required(
      cfg,
      ['aws_access_key', 'aws_region', 'aws_secret_access_key', 'aws_service'],
      2,
      'AWS config'
    )
    if (!isNum(t) || Number(t) < 0 || !Number.isInteger(Number(t)))
      throw new BuiltinTypeError('operand 3 could not convert time_ns value into a unix timestamp')
    const token = cfg.get('aws_session_token')
    const dps = cfg.get('disable_payload_signing')
    if (dps !== undefined && typeof dps !== 'boolean')
      throw new BuiltinTypeError(
        "operand 2 invalid value for 'disable_payload_signing' in AWS config"
      )
    let url: ReturnType<typeof parseURL>
    try {
      url = parseURL(r.url)
    } catch (e) {
      throw fail(`parse ${JSON.stringify(r.url)}: ${(e as Error).message}`)
    }
    const civil = toCivil(BigInt(t), 'UTC')
    const amzDate = formatLayout(civil, '20060102T150405Z')
    const day = amzDate.slice(0, 8)
    const raw = req.get('raw_body')
    const body = req.get('body')
    const payload = typeof raw === 'string' ? raw : body !== undefined ? marshalJSON(body) : ''
    const contentHash = dps === true ? 'UNSIGNED-PAYLOAD' : sha256(payload)
    const headers = new Map<string, string>()
    const hdrs = req.get('headers')
    if (hdrs instanceof RegoObject)
      for (const [k, v] of hdrs.sorted()) headers.set(text(k), headerValue(v))
    headers.set('host', url.host)
    // A caller-supplied x-amz-content-sha256 is what gets signed (as OPA does); the output carries the computed one.
    if (!headers.has('x-amz-content-sha256')) headers.set('x-amz-content-sha256', contentHash)
    headers.set('x-amz-date', amzDate)
    if (typeof token === 'string') headers.set('x-amz-security-token', token)
    const canon = [...headers]
      .map(([k, v]) => [k.toLowerCase(), v.trim().replace(/\s+/g, ' ')] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    const signedHeaders = canon.map(h => h[0]).join(';')
    const query = [...new URLSearchParams(url.rawQuery)]
      .map(([k, v]) => [uriEncode(k, true), uriEncode(v, true)] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1))
      .map(([k, v]) => `${k}=${v}`)
      .join('&')
    const path = url.path
    const canonicalURI =
      c.aws_service === 's3' ? uriEncode(path, false) : uriEncode(uriEncode(path, false), false)
    const canonicalRequest = [
      r.method,
      canonicalURI,
      query,
      canon.map(([k, v]) => `${k}:${v}\n`).join(''),
      signedHeaders,
      contentHash
    ].join('\n')
    const scope = `${day}/${c.aws_region}/${c.aws_service}/aws4_request`
    const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n')
    const kDate = hmac('AWS4' + c.aws_secret_access_key, day)
    const kSigning = hmac(hmac(hmac(kDate, c.aws_region), c.aws_service), 'aws4_request')
    const signature = createHmac('sha256', kSigning).update(stringToSign).digest('hex')
    const outHeaders = new RegoObject()
    if (hdrs instanceof RegoObject) for (const [k, v] of hdrs.entries.values()) outHeaders.set(k, v)
    for (const [k, v] of headers)
      if (!(hdrs instanceof RegoObject && hdrs.has(k))) outHeaders.set(k, v)
    outHeaders.set('x-amz-content-sha256', contentHash)
    outHeaders.set(
      'Authorization',
      `AWS4-HMAC-SHA256 Credential=${c.aws_access_key}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`
    )
    const out = new RegoObject(req.entries.values())
    out.set('headers', outHeaders)
    return out
  },
  'http.send': args => {
    const req = obj(args, 0)
    const allowed = new Set([
      'method',
      'url',
      'body',
      'enable_redirect',
      'force_json_decode',
      'force_yaml_decode',
      'headers',
      'raw_body',
      'tls_use_system_certs',
      'tls_ca_cert',
      'tls_ca_cert_file',
      'tls_ca_cert_env_variable',
      'tls_client_cert',
      'tls_client_cert_file',
      'tls_client_cert_env_variable',
      'tls_client_key',
      'tls_client_key_file',
      'tls_client_key_env_variable',
      'tls_insecure_skip_verify',
      'tls_server_name',
      'timeout',
      'cache',
      'force_cache',
      'force_cache_duration_seconds',
      'raise_error',
      'caching_mode',
      'max_retry_attempts',
      'cache_ignored_headers'
    ])
    const bad = req
      .keys()
      .filter(k => typeof k !== 'string' || !allowed.has(k))
      .map(String)
      .sort()
    if (bad.length) throw new BuiltinTypeError(`invalid request parameters(s): ${quoteList(bad)}`)
    const missing = ['method', 'url'].filter(k => !req.has(k))
    if (missing.length)
      throw new BuiltinTypeError(`missing required request parameters(s): ${quoteList(missing)}`)
    throw fail('network access is not available to this evaluator')
  }
}
