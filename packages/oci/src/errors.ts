import { InputError, SecurePipelineError, VerificationError } from '@secure-pipeline/core'

export { InputError }

/** One entry of the distribution-spec error body `{"errors":[{code,message,detail}]}`. */
export interface RegistryErrorDetail {
  code: string
  message?: string
  detail?: unknown
}

/**
 * A registry answered with an unexpected status, or could not be reached. `status` is the HTTP
 * status (0 when the request never got an answer); `registryCode` is the first distribution-spec
 * error code (e.g. `MANIFEST_UNKNOWN`, `UNAUTHORIZED`), both also in the message. Exit code 2:
 * an operational failure, never "verified".
 */
export class RegistryError extends SecurePipelineError {
  readonly status: number
  readonly registryCode: string | undefined
  readonly errors: RegistryErrorDetail[]

  constructor(
    message: string,
    options: {
      status?: number
      registryCode?: string
      errors?: RegistryErrorDetail[]
      cause?: unknown
    } = {}
  ) {
    const status = options.status ?? 0
    const code =
      status === 0
        ? 'REGISTRY_UNREACHABLE'
        : options.registryCode
          ? `REGISTRY_${options.registryCode}`
          : `REGISTRY_HTTP_${status}`
    super(code, message, { cause: options.cause })
    this.status = status
    this.registryCode = options.registryCode
    this.errors = options.errors ?? []
  }

  get notFound(): boolean {
    return this.status === 404
  }
}

/** True when `err` is a RegistryError for a 404 (manifest/blob/tag/repository unknown). */
export function isNotFound(err: unknown): boolean {
  return err instanceof RegistryError && err.status === 404
}

/** Content did not match its digest (a registry or a man in the middle changed it): exit 1. */
export class DigestMismatchError extends VerificationError {
  constructor(message: string) {
    super('OCI_DIGEST_MISMATCH', message)
  }
}
