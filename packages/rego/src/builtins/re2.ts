/**
 * Go RE2 syntax → JavaScript RegExp for the `regex.*` builtins: the shared translator in
 * `@secure-pipeline/core`, with its syntax errors re-thrown as BuiltinError (same Go message).
 */
import {
  Re2SyntaxError,
  translateRE2 as translate,
  type Re2Translated
} from '@secure-pipeline/core'
import { fail } from './args.js'

export type Translated = Re2Translated

/** Translate an RE2 pattern (output uses the `u` flag). Throws BuiltinError with Go's message. */
export function translateRE2(pattern: string): Translated {
  try {
    return translate(pattern)
  } catch (e) {
    if (e instanceof Re2SyntaxError) throw fail(e.message)
    throw e
  }
}
