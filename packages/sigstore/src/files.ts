/** File-level helpers shared by the CLI and the actions (they only read what they are given). */
import fs from 'node:fs'
import type crypto from 'node:crypto'
import { InputError, UsageError } from '@secure-pipeline/core'
import { decryptPrivateKey, loadPublicKey } from './keys.js'
import { parseSignatureMaterial, type ParsedSignature } from './bundle.js'
import { githubActionsToken } from './oidc.js'
import type { KeylessOptions } from './sign.js'
import { PUBLIC_GOOD } from './trust.js'

export function readInputFile(file: string, what: string): Buffer {
  try {
    return fs.readFileSync(file)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new InputError(
      'FILE_UNREADABLE',
      `cannot read ${what}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
      {
        position: { file },
        cause: err
      }
    )
  }
}

/** Loads a cosign private key; `password` is COSIGN_PASSWORD (undefined = not set). */
export function loadSigningKey(file: string, password: string | undefined): crypto.KeyObject {
  const pem = readInputFile(file, 'private key').toString('utf8')
  if (password === undefined && pem.includes('ENCRYPTED')) {
    throw new UsageError('the private key is encrypted: set COSIGN_PASSWORD (it may be empty)')
  }
  return decryptPrivateKey(pem, password ?? '', file)
}

export function loadVerificationKey(file: string): crypto.KeyObject {
  return loadPublicKey(readInputFile(file, 'public key').toString('utf8'), file)
}

/** Reads a bundle / cosign bundle / base64 signature file for an artifact with that sha256. */
export function loadSignatureFile(file: string, artifactDigest?: Buffer): ParsedSignature {
  return parseSignatureMaterial(
    readInputFile(file, 'bundle').toString('utf8'),
    file,
    artifactDigest
  )
}

export interface KeylessEnv {
  identityToken?: string
  env: Record<string, string | undefined>
  fulcioURL?: string
  rekorURL?: string | null
  tsaURL?: string
}

/**
 * Keyless options: an explicit token, else `SIGSTORE_ID_TOKEN`, else the GitHub Actions OIDC
 * endpoint (ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN, audience `sigstore`), fetched lazily.
 */
export function keylessFrom(k: KeylessEnv): KeylessOptions {
  const explicit = k.identityToken ?? k.env.SIGSTORE_ID_TOKEN
  const identityToken: KeylessOptions['identityToken'] =
    explicit && explicit.length > 0
      ? explicit
      : () =>
          githubActionsToken({
            requestURL: k.env.ACTIONS_ID_TOKEN_REQUEST_URL,
            requestToken: k.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
          })
  return {
    identityToken,
    fulcioURL: k.fulcioURL ?? PUBLIC_GOOD.fulcioURL,
    rekorURL: k.rekorURL === undefined ? PUBLIC_GOOD.rekorURL : k.rekorURL,
    tsaURL: k.tsaURL
  }
}
