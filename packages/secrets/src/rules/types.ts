import type { Severity } from '@secure-pipeline/core'

/** Extra checks a match must pass, by name (functions live in validators.ts). */
export type ValidatorName =
  | 'github-checksum'
  | 'npm-checksum'
  | 'jwt'
  | 'basic-auth-base64'
  | 'docker-auth'
  | 'not-placeholder-password'
  | 'base64-key'
  | 'jwt-base64'
  | 'kubernetes-secret-value'
  | 'url-password'

export interface Rule {
  id: string
  description: string
  /** Lower-case keywords for the prefilter; the regex runs only near one of them. */
  keywords: string[]
  /** JavaScript regex source. */
  regex: string
  flags?: string
  severity: Severity
  /** Which capture group is the secret; default the first non-empty group, else the match. */
  secretGroup?: number
  /** A finding is dropped if the secret's Shannon entropy is <= this (as gitleaks). */
  entropy?: number
  validate?: ValidatorName
  /** Catch-all assignment rules: extra look-alike filters (UUIDs, hashes, identifiers). */
  generic?: boolean
  /** Bytes a match may extend past the keyword's line (multi-line secrets). */
  span?: number
  back?: number
  /** A match needs one of these characters within `within` characters after its keyword. */
  after?: { chars: string; within: number }
  /** The match always starts at a keyword: try the regex there only (see MatcherRuleSpec). */
  anchored?: boolean
  /** Only files whose path matches this regex. */
  path?: string
  tags?: string[]
  /** User-supplied (from .gitleaks.toml): runs with a time budget. */
  untrusted?: boolean
  allowlists?: RuleAllowlist[]
}

export interface RuleAllowlist {
  description?: string
  condition: 'OR' | 'AND'
  commits: string[]
  paths: RegExp[]
  regexes: RegExp[]
  regexTarget: 'secret' | 'match' | 'line'
  stopwords: string[]
  /** Global allowlists only: rule ids this allowlist applies to (empty: all). */
  targetRules?: string[]
}
