/** in-toto Statement v1 for attestations (SLSA provenance, CycloneDX, SPDX, custom predicates). */
import { InputError } from '@secure-pipeline/core'

export const STATEMENT_V1 = 'https://in-toto.io/Statement/v1'

/** cosign `--type` short names → predicate type URIs (cmd/cosign/cli/options/predicate.go). */
export const PREDICATE_TYPES: Record<string, string> = {
  slsaprovenance: 'https://slsa.dev/provenance/v0.2',
  slsaprovenance02: 'https://slsa.dev/provenance/v0.2',
  slsaprovenance1: 'https://slsa.dev/provenance/v1',
  link: 'https://in-toto.io/Link/v1',
  spdx: 'https://spdx.dev/Document',
  spdxjson: 'https://spdx.dev/Document',
  cyclonedx: 'https://cyclonedx.org/bom',
  vuln: 'https://cosign.sigstore.dev/attestation/vuln/v1',
  openvex: 'https://openvex.dev/ns',
  custom: 'https://cosign.sigstore.dev/attestation/v1'
}

/** Image signatures in cosign v3 are statements of this type over the image digest. */
export const COSIGN_SIGN_PREDICATE_TYPE = 'https://sigstore.dev/cosign/sign/v1'

export interface Subject {
  /** cosign v3 image signatures carry no name (digest only). */
  name?: string
  digest: Record<string, string>
  annotations?: Record<string, unknown>
}

export interface Statement {
  _type: string
  subject: Subject[]
  predicateType: string
  predicate: unknown
}

/** Resolves a cosign short type or a URI. */
export function predicateTypeURI(type: string): string {
  const known = PREDICATE_TYPES[type.toLowerCase()]
  if (known) return known
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(type)) return type
  throw new InputError(
    'PREDICATE_TYPE',
    `unknown predicate type "${type}": use one of ${Object.keys(PREDICATE_TYPES).join(', ')} or a URI`
  )
}

/**
 * Parses predicate file content. JSON predicates are used as they are; a non-JSON custom
 * predicate is wrapped as cosign does (`{"Data": ..., "Timestamp": ...}`).
 */
export function parsePredicate(text: string, typeURI: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (err) {
    if (typeURI === PREDICATE_TYPES.custom)
      return { Data: text, Timestamp: new Date().toISOString() }
    throw new InputError('PREDICATE_INVALID', `predicate is not JSON: ${(err as Error).message}`, {
      position: { file: source },
      cause: err
    })
  }
}

export function buildStatement(
  subjects: Subject[],
  predicateType: string,
  predicate: unknown
): Statement {
  return { _type: STATEMENT_V1, subject: subjects, predicateType, predicate }
}
