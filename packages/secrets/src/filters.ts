/**
 * Global look-alike filters: placeholders, template variables, documentation examples,
 * repeated or sequential characters, UUIDs, hashes and identifiers that catch-all rules would
 * otherwise report. Provider rules get the placeholder checks; generic rules get all of them.
 */
import { createHash } from 'node:crypto'

export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0
  const counts = new Map<string, number>()
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  let h = 0
  for (const c of counts.values()) {
    const p = c / s.length
    h -= p * Math.log2(p)
  }
  return h
}

const TEMPLATE =
  /\$\{[^}]*\}?|\{\{[^}]*\}?\}?|<%[^%]*%>|%\([\w.]+\)s|^%[A-Za-z_][\w.]*%$|^@[A-Za-z_]\w*@$|^\$[A-Za-z_][\w]*$|^<[^>]*>$|^\[[^\]]*\]$/
const EXAMPLE_WORDS =
  /example|sample|dummy|placeholder|changeme|change[_-]?me|your[_-]|redacted|xxxxxx|\*{4}|\.\.\.\.|insert[_-]?(?:your|key|token)|replace[_-]?me|fake[_-]?(?:key|token|secret)|notarealkey|not[_-]?a[_-]?real|lorem/i
const SEQUENCES = [
  '0123456789',
  '1234567890',
  'abcdefghij',
  'ABCDEFGHIJ',
  'qwertyuiop',
  'abcdef0123'
]

/**
 * Values published in vendors' documentation and copied into countless tutorials, tests and
 * emulator configs. Kept as SHA-256 digests so the repository holds no credential-shaped literal.
 */
const KNOWN_EXAMPLE_SHA256 = new Set([
  // the jwt.io HS256 example token
  '7f75367e7881255134e1375e723d1dea8ad5f6a4fdb79d938df1f1754a830606',
  // the Azurite / storage emulator account key (devstoreaccount1), published by Microsoft
  '0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059',
  // Stripe's documentation test key
  '2cafc0970149a84f3b9e62eaf169f36f59907a3b3e31f7b82e68c69cd27f7326',
  // Slack's documentation bot token
  '2ddc147f3a3b5a1722b8ed6be3c45c49a7156b17fca5d11410137a6d04def6eb',
  // Google's Maps documentation API key
  'ac9265e56c79b234607ec72c53753cfea9f88c99eb713790ddf9be5593bb4465'
])

/** True for a value published as a documentation or emulator example (exact match). */
export function isKnownExample(secret: string): boolean {
  if (secret.length < 20 || secret.length > 400) return false
  return KNOWN_EXAMPLE_SHA256.has(createHash('sha256').update(secret).digest('hex'))
}

/** True for values that are obviously not real secrets, whatever the rule. */
export function isPlaceholder(secret: string): boolean {
  if (TEMPLATE.test(secret)) return true
  if (EXAMPLE_WORDS.test(secret)) return true
  if (/^(.)\1{5,}$/.test(secret)) return true
  // Long runs of one character (e.g. AKIAXXXXXXXXXXXXXXXX).
  if (/(.)\1{7,}/.test(secret)) return true
  for (const seq of SEQUENCES) if (secret.includes(seq)) return true
  return isKnownExample(secret)
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const HASH_NAME =
  /hash|sha\d*|md5|checksum|digest|commit|etag|integrity|fingerprint|nonce|cache|revision|version|uuid|guid|\bid\b|_id\b|public/i
const STOPWORDS = [
  'true',
  'false',
  'null',
  'none',
  'undefined',
  'nil',
  'function',
  'return',
  'string',
  'number',
  'boolean',
  'object',
  'required',
  'optional',
  'process.env',
  'os.environ',
  'getenv',
  'config.',
  'settings.',
  'secrets.',
  'env.',
  'vault:',
  'arn:aws:',
  'ref+',
  'ssm:',
  'base64:'
]

/**
 * Extra filters for catch-all (generic) rules, given the secret and the whole match (whose start
 * holds the assigned name).
 */
export function isGenericLookalike(secret: string, match: string): boolean {
  const lower = secret.toLowerCase()
  if (UUID_RE.test(secret)) return true
  if (/^(?:sha\d{1,3}|md5|sha)[-:=]/i.test(secret)) return true
  if (/^[0-9.]+$/.test(secret)) return true
  // Identifiers and member paths: getPassword, this.token, process.env.API_KEY, user_token_value.
  if (
    /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(secret) &&
    !/\d/.test(secret) &&
    secret.length < 40
  )
    return true
  if (/^[A-Z][A-Z0-9_]*$/.test(secret) && secret.includes('_')) return true
  if (/^[a-z]+(?:[_-][a-z]+)+$/.test(secret)) return true
  // Names that say the value is a reference, not the secret: secret_name, token_url, key_path.
  const name = match.slice(0, Math.max(0, match.indexOf(secret)))
  const ident =
    /([A-Za-z0-9_.-]+)['"\x60]?\s*(?:=>|:=|=|:|<-|\|\|:)[\s'"\x60]*$/.exec(name)?.[1] ?? ''
  if (
    /(?:name|ref|path|file|url|uri|arn|type|field|label|prefix|header|param|var|key_?id|version|length|size|count|timeout|ttl|expir\w*)$/i.test(
      ident
    )
  )
    return true
  if (/^[a-z0-9_.-]+(?:\/[a-z0-9_.-]+)+$/.test(secret)) return true
  // URLs, paths, e-mail addresses.
  if (/:\/\/|^\.{0,2}\/|^~\/|@[\w-]+\.[a-z]{2,}$/i.test(secret)) return true
  if (
    /\.(?:js|ts|py|rb|go|java|json|ya?ml|toml|txt|md|html|css|png|svg|pem|crt|key|env)$/i.test(
      secret
    )
  )
    return true
  for (const w of STOPWORDS) if (lower.startsWith(w) || lower === w.replace(/\.$/, '')) return true
  // Hex digests assigned to names that say they are digests.
  if (/^[a-f0-9]{32,128}$/i.test(secret) && HASH_NAME.test(name)) return true
  if (
    HASH_NAME.test(name) &&
    /^[A-Za-z0-9+/]{40,}={0,2}$/.test(secret) &&
    /integrity|sha|hash/i.test(name)
  )
    return true
  return false
}

/** Paths skipped by default, as gitleaks' global allowlist does (lockfiles, vendored code, media). */
export const DEFAULT_PATH_ALLOWLIST: readonly RegExp[] = [
  /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|Cargo\.lock|go\.sum|go\.work\.sum|poetry\.lock|Pipfile\.lock|uv\.lock|composer\.lock|Gemfile\.lock|gradle\.lockfile|packages\.lock\.json|flake\.lock|mix\.lock|pubspec\.lock|Podfile\.lock)$/,
  /(?:^|\/)(?:node_modules|vendor|bower_components|\.yarn|site-packages|\.venv|__pycache__)\//,
  /\.(?:png|jpe?g|gif|bmp|ico|webp|tiff?|svgz|eot|otf|ttf|woff2?|mp[34]|avi|mov|pdf|zip|gz|tgz|bz2|xz|7z|jar|war|class|so|dll|dylib|exe|bin|pyc|o|a|wasm|lockb)$/i,
  /(?:^|\/)\.gitleaksignore$|(?:^|\/)\.secure-pipeline-baseline\.json$/
]
