import { InputError } from '@secure-pipeline/core'

export type RegoErrorCode =
  | 'rego_parse_error'
  | 'rego_compile_error'
  | 'rego_type_error'
  | 'rego_unsafe_var_error'
  | 'rego_recursion_error'
  | 'eval_conflict_error'
  | 'eval_type_error'
  | 'eval_builtin_error'
  | 'eval_limit_error'
  | 'eval_internal_error'

/**
 * Any Rego error: parse/compile errors (before evaluation) and evaluation errors. `message` is
 * `code: text` as OPA prints it; `describe()` prefixes `file:line:column`.
 */
export class RegoError extends InputError {
  readonly text: string
  constructor(
    code: RegoErrorCode,
    text: string,
    position: { file?: string; line?: number; column?: number } = {}
  ) {
    super(code, `${code}: ${text}`, { position })
    this.text = text
  }

  /** OPA's Error() text: `file:row: code: message` */
  opaString(): string {
    const { file, line } = this.position
    return file && line ? `${file}:${line}: ${this.message}` : this.message
  }
}
