import type { Severity } from '@secure-pipeline/core'
import type { Rule } from './types.js'

/** Left boundary: not preceded by a word character. */
export const L = '(?<![A-Za-z0-9_])'
/** Right boundary: not followed by a token character. */
export const R = '(?![A-Za-z0-9_-])'
/** Assignment operators of common languages and formats (=, :, :=, =>, <-, ||:). */
export const ASSIGN = String.raw`['"\x60]?[ \t]{0,5}(?:=>|:=|=|:|<-|\|\|:)[ \t]{0,5}['"\x60]?[ \t]{0,2}`

type Opts = Partial<Omit<Rule, 'id' | 'description' | 'keywords' | 'regex'>>

/** A token recognisable by its prefix: `prefix` (a regex) followed by `body`. */
export function prefixed(
  id: string,
  description: string,
  keywords: string[],
  body: string,
  opts: Opts = {}
): Rule {
  return {
    id,
    description,
    keywords,
    regex: `${L}(${body})${R}`,
    severity: 'high',
    ...opts
  }
}

/**
 * A value recognisable only by the name it is assigned to: `name` (a regex, matched
 * case-insensitively) then up to 25 name characters, an assignment, and `value`.
 */
export function kv(
  id: string,
  description: string,
  keywords: string[],
  name: string,
  value: string,
  opts: Opts = {}
): Rule {
  return {
    id,
    description,
    keywords,
    regex: `(?i:${name})[\\w.-]{0,25}${ASSIGN}(${value})(?![A-Za-z0-9_+/=-])`,
    severity: 'high',
    entropy: 3,
    // the rest of the name (up to ~35) + name chars (25) + quote + spaces (5) + the operator
    after: { chars: '=:<|', within: 72 },
    anchored: true,
    ...opts
  }
}

/** A raw regex rule. */
export function raw(
  id: string,
  description: string,
  keywords: string[],
  regex: string,
  severity: Severity,
  opts: Opts = {}
): Rule {
  return { id, description, keywords, regex, severity, ...opts }
}

export const HEX = '[a-f0-9]'
export const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'
