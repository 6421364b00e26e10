/**
 * Typed errors shared by every engine. `code` is stable and machine-readable; the exit code
 * follows the CLI contract: 0 clean/allowed, 1 findings/denied/not verified, 2 usage/config/input.
 */
export const ExitCode = {
  Ok: 0,
  Findings: 1,
  UsageError: 2
} as const
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

export interface SourcePosition {
  file?: string
  line?: number
  column?: number
}

export class SecurePipelineError extends Error {
  readonly code: string
  readonly exitCode: ExitCode
  readonly position: SourcePosition

  constructor(
    code: string,
    message: string,
    options: { exitCode?: ExitCode; position?: SourcePosition; cause?: unknown } = {}
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = new.target.name
    this.code = code
    this.exitCode = options.exitCode ?? ExitCode.UsageError
    this.position = options.position ?? {}
  }

  /** One line for humans: `file:line:column: message` when the position is known. */
  describe(): string {
    const { file, line, column } = this.position
    if (!file) return this.message
    const where = [file, line, line !== undefined ? column : undefined]
      .filter(p => p !== undefined)
      .join(':')
    return `${where}: ${this.message}`
  }
}

/** Bad flags or arguments. */
export class UsageError extends SecurePipelineError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('USAGE', message, { exitCode: ExitCode.UsageError, ...options })
  }
}

/** A user-supplied file (config, lockfile, manifest, policy) that cannot be used as given. */
export class InputError extends SecurePipelineError {
  constructor(
    code: string,
    message: string,
    options: { position?: SourcePosition; cause?: unknown } = {}
  ) {
    super(code, message, { exitCode: ExitCode.UsageError, ...options })
  }
}

/** Verification and gating fail closed: any doubt is exit code 1. */
export class VerificationError extends SecurePipelineError {
  constructor(code: string, message: string, options: { cause?: unknown } = {}) {
    super(code, message, { exitCode: ExitCode.Findings, ...options })
  }
}

/** Maps anything thrown to an exit code; unknown errors are internal failures (2 as well, never 0). */
export function exitCodeFor(err: unknown): ExitCode {
  if (err instanceof SecurePipelineError) return err.exitCode
  return ExitCode.UsageError
}

export function describeError(err: unknown): string {
  if (err instanceof SecurePipelineError) return err.describe()
  if (err instanceof Error) return err.message
  return String(err)
}
