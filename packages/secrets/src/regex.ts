/**
 * Go RE2 syntax in `.gitleaks.toml` (user rules, paths, allowlists) → JavaScript RegExp, via the
 * shared translator in `@secure-pipeline/core`. A leading `(?i)` becomes the `i` flag and the `u`
 * flag is used only when the translation needs it, so user rules run like the built-in ones.
 * Invalid patterns throw `Re2SyntaxError` with Go's message; config.ts adds the file and line.
 */
import { translateRE2 } from '@secure-pipeline/core'
import { expandCaseInsensitiveGroups } from './caseless.js'

export interface TranslatedRegex {
  source: string
  flags: string
}

export function translateGoRegex(input: string): TranslatedRegex {
  const t = translateRE2(input, { unicode: 'auto', hoistCaseInsensitive: true })
  return { source: t.source, flags: t.flags }
}

/** Compiles a Go-syntax regex; throws Re2SyntaxError (or the JavaScript SyntaxError). */
export function compileGoRegex(input: string, extraFlags = ''): RegExp {
  const translated = translateGoRegex(input)
  const source = expandCaseInsensitiveGroups(translated.source)
  const flags = [...new Set((translated.flags + extraFlags).split(''))].join('')
  return new RegExp(source, flags)
}
