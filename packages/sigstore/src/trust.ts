/**
 * Trusted roots: a TrustedRoot JSON file (e.g. a private deployment's or GHES's), or the
 * public-good root shipped inside @sigstore/tuf's seeds.json — no network at verify time.
 */
import fs from 'node:fs'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { InputError } from '@secure-pipeline/core'
import seeds from '@sigstore/tuf/seeds.json' with { type: 'json' }

export const PUBLIC_GOOD = {
  fulcioURL: 'https://fulcio.sigstore.dev',
  rekorURL: 'https://rekor.sigstore.dev',
  tufURL: 'https://tuf-repo-cdn.sigstore.dev'
} as const

export const STAGING = {
  fulcioURL: 'https://fulcio.sigstage.dev',
  rekorURL: 'https://rekor.sigstage.dev',
  tufURL: 'https://tuf-repo-cdn.sigstage.dev'
} as const

type Seeds = Record<string, { 'root.json': string; targets: Record<string, string> }>

/** The public-good trusted root embedded in @sigstore/tuf (production). */
export function publicGoodTrustedRootJSON(): unknown {
  const entry = (seeds as unknown as Seeds)[PUBLIC_GOOD.tufURL]
  const b64 = entry?.targets['trusted_root.json']
  if (!b64) throw new Error('@sigstore/tuf seeds.json has no trusted_root.json target')
  return JSON.parse(Buffer.from(b64, 'base64').toString('utf8')) as unknown
}

type Obj = Record<string, unknown>

/**
 * A TimeRange's `start` is required by the TrustedRoot schema; a `validFor` without it is a
 * malformed root and must not be read as "valid since forever" (protobuf-specs would default it).
 */
function checkValidityIntervals(root: Obj, source: string): void {
  const check = (what: string, validFor: unknown): void => {
    if (validFor === undefined || validFor === null) return
    const start = (validFor as Obj).start
    if (typeof start !== 'string' || start.length === 0) {
      throw new InputError(
        'TRUSTED_ROOT_INVALID',
        `trusted root: ${what} has a validFor interval without a start`,
        {
          position: { file: source }
        }
      )
    }
  }
  const list = (key: string): Obj[] => (Array.isArray(root[key]) ? (root[key] as Obj[]) : [])
  for (const [key, label] of [
    ['tlogs', 'transparency log'],
    ['ctlogs', 'certificate transparency log']
  ] as const) {
    for (const log of list(key))
      check(`${label} ${String(log.baseUrl)}`, (log.publicKey as Obj | undefined)?.validFor)
  }
  for (const [key, label] of [
    ['certificateAuthorities', 'certificate authority'],
    ['timestampAuthorities', 'timestamp authority']
  ] as const) {
    for (const ca of list(key)) check(`${label} ${String(ca.uri)}`, ca.validFor)
  }
}

export function parseTrustedRoot(json: unknown, source = 'trusted root'): TrustedRoot {
  if (typeof json !== 'object' || json === null || !('mediaType' in json)) {
    throw new InputError(
      'TRUSTED_ROOT_INVALID',
      'not a Sigstore TrustedRoot JSON document (no mediaType)',
      {
        position: { file: source }
      }
    )
  }
  checkValidityIntervals(json, source)
  try {
    return TrustedRoot.fromJSON(json)
  } catch (err) {
    throw new InputError(
      'TRUSTED_ROOT_INVALID',
      `unreadable trusted root: ${(err as Error).message}`,
      {
        position: { file: source },
        cause: err
      }
    )
  }
}

export function loadTrustedRootFile(file: string): TrustedRoot {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (err) {
    throw new InputError(
      'TRUSTED_ROOT_MISSING',
      `cannot read trusted root: ${(err as Error).message}`,
      {
        position: { file },
        cause: err
      }
    )
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new InputError(
      'TRUSTED_ROOT_INVALID',
      `trusted root is not JSON: ${(err as Error).message}`,
      {
        position: { file },
        cause: err
      }
    )
  }
  return parseTrustedRoot(json, file)
}

let publicGood: TrustedRoot | undefined

/** A trusted root from `file` when given, else the shipped public-good one (parsed once). */
export function resolveTrustedRoot(file?: string): TrustedRoot {
  if (file) return loadTrustedRootFile(file)
  publicGood ??= parseTrustedRoot(publicGoodTrustedRootJSON(), 'public-good trusted root')
  return publicGood
}

export const EMPTY_TRUSTED_ROOT: TrustedRoot = TrustedRoot.fromJSON({
  mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
  tlogs: [],
  certificateAuthorities: [],
  ctlogs: [],
  timestampAuthorities: []
})
