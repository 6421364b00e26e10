/**
 * sigstore-conformance client protocol (sigstore/sigstore-conformance docs/cli_protocol.md):
 *
 *   sign-bundle   [--staging] [--in-toto] --identity-token T --bundle F [--trusted-root R] [--signing-config S] FILE
 *   verify-bundle [--staging] --bundle F (--certificate-identity I --certificate-oidc-issuer U | --key K)
 *                 [--trusted-root R] FILE_OR_DIGEST
 *
 * The exit code is the result (0 = success). Messages go to stderr.
 */
import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { describeError } from '@secure-pipeline/core'
import { parseSignatureMaterial } from './bundle.js'
import { loadPublicKey } from './keys.js'
import { signBlob, signDSSE, type KeylessOptions } from './sign.js'
import { PUBLIC_GOOD, STAGING, loadTrustedRootFile, resolveTrustedRoot } from './trust.js'
import { verifyBundle } from './verify.js'

export interface ConformanceIO {
  stderr(text: string): void
}

/** FILE_OR_DIGEST is a digest only if it is `sha256:` + 64 hex (71 chars) and not an existing path. */
export function isDigestArgument(arg: string): boolean {
  return arg.startsWith('sha256:') && arg.length === 71 && !fs.existsSync(arg)
}

interface SigningConfigJSON {
  caUrls?: { url?: string }[]
  rekorTlogUrls?: { url?: string; majorApiVersion?: number }[]
  tsaUrls?: { url?: string }[]
}

async function signBundleCommand(args: string[], io: ConformanceIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      staging: { type: 'boolean' },
      'in-toto': { type: 'boolean' },
      'identity-token': { type: 'string' },
      bundle: { type: 'string' },
      'trusted-root': { type: 'string' },
      'signing-config': { type: 'string' }
    }
  })
  const file = positionals[0]
  const token = values['identity-token']
  if (!file || !values.bundle || !token) {
    io.stderr('sign-bundle: --identity-token, --bundle and FILE are required\n')
    return 2
  }
  const urls = values.staging ? STAGING : PUBLIC_GOOD
  const keyless: KeylessOptions = {
    identityToken: token,
    fulcioURL: urls.fulcioURL,
    rekorURL: urls.rekorURL
  }
  if (values['signing-config']) {
    const cfg = JSON.parse(fs.readFileSync(values['signing-config'], 'utf8')) as SigningConfigJSON
    keyless.fulcioURL = cfg.caUrls?.[0]?.url ?? keyless.fulcioURL
    // Rekor v1 only (the v2 API is not used for signing here); without one, the TSA timestamps.
    keyless.rekorURL = cfg.rekorTlogUrls?.find(u => (u.majorApiVersion ?? 1) === 1)?.url ?? null
    keyless.tsaURL = cfg.tsaUrls?.[0]?.url
  }
  const data = fs.readFileSync(file)
  const bundle = values['in-toto']
    ? await signDSSE(data, { keyless })
    : await signBlob(data, { keyless })
  fs.writeFileSync(values.bundle, JSON.stringify(bundle))
  return 0
}

function verifyBundleCommand(args: string[], io: ConformanceIO): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      staging: { type: 'boolean' },
      bundle: { type: 'string' },
      'certificate-identity': { type: 'string' },
      'certificate-oidc-issuer': { type: 'string' },
      key: { type: 'string' },
      'trusted-root': { type: 'string' }
    }
  })
  const target = positionals[0]
  if (!target || !values.bundle) {
    io.stderr('verify-bundle: --bundle and FILE_OR_DIGEST are required\n')
    return 2
  }
  if (values.staging && !values['trusted-root']) {
    io.stderr(
      'verify-bundle: --staging needs --trusted-root (no staging root is shipped and the network is not used)\n'
    )
    return 2
  }
  const trustedRoot = values['trusted-root']
    ? loadTrustedRootFile(values['trusted-root'])
    : resolveTrustedRoot()
  const artifact = isDigestArgument(target) ? { digest: target } : { data: fs.readFileSync(target) }
  const parsed = parseSignatureMaterial(fs.readFileSync(values.bundle, 'utf8'), values.bundle)
  const publicKey = values.key
    ? loadPublicKey(fs.readFileSync(values.key, 'utf8'), values.key)
    : undefined
  const result = verifyBundle(parsed.bundle, artifact, {
    publicKey,
    trustedRoot,
    policy: publicKey
      ? undefined
      : {
          identity: { exact: values['certificate-identity'] },
          issuer: { exact: values['certificate-oidc-issuer'] }
        }
  })
  io.stderr(`verified ${result.digest}\n`)
  return 0
}

/** Runs one conformance-protocol invocation; returns the exit code. */
export async function conformanceMain(argv: string[], io: ConformanceIO): Promise<number> {
  const [sub, ...rest] = argv
  try {
    if (sub === 'sign-bundle') return await signBundleCommand(rest, io)
    if (sub === 'verify-bundle') return verifyBundleCommand(rest, io)
    io.stderr(`unknown subcommand ${JSON.stringify(sub)}: expected sign-bundle or verify-bundle\n`)
    return 2
  } catch (err) {
    io.stderr(`${describeError(err)}\n`)
    return 1
  }
}
