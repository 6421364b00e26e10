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
  /example|sample|dummy|placeholder|changeme|change[_-]?me|your[_@.-]|redacted|xxxxxx|\*{4}|\.\.\.\.|insert[_-]?(?:your|key|token)|replace[_-]?me|fake[_-]?(?:key|token|secret)|notarealkey|not[_-]?a[_-]?real|goes[_-]?here|(?:invalid|wrong|bad)[_-](?:password|passwd|token|secret|key)|lorem/i
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
  'ac9265e56c79b234607ec72c53753cfea9f88c99eb713790ddf9be5593bb4465',
  // RFC 6749 (OAuth 2.0): the client credentials of §2.3.1 and the access and refresh tokens
  // of §4.1.4 / §5.1, quoted by every OAuth library's docstrings and tests
  'ca7459e2b26776de081b9a07e40227fd6cff232a1e3233ff6b6aa6d036ca9981',
  '6c96130f130ab0d6d158397e24d2bcc1c9a5e73ae081f6e983f1c7b545d24a4c',
  '00cf4c781dc37003f7c7dd7d4c9a6ef1e0f4c62d9a291aa8bc398774e3fefd32',
  // RFC 5849 (OAuth 1.0) §3.5.1: the example consumer key and signature (up to its first %)
  '8d567eb88afff34f31ab97fbb2731e582703bdeaf3c92b989cf568e0b23cef31',
  '199a18992e0079f4b405af79e9e99fe88f2514baccf7b875577b56f73217a488',
  // PyJWT's README example token (HS256, payload {"some": "payload"})
  'bf145d9380bbe05bdc1a72525796b224f8a8c93ae0e9e102eafbc255ac1af9e8'
])

/** True for a value published as a documentation or emulator example (exact match). */
export function isKnownExample(secret: string): boolean {
  if (secret.length < 16 || secret.length > 400) return false
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

/** Where a generic match sits: what surrounds the secret on its line, and the file's kind. */
export interface MatchContext {
  /** The secret is inside quotes (a string literal), not a bare expression. */
  quoted: boolean
  /** The first non-blank character after the secret on its line ('' at the end of the line). */
  next: string
  /** The file is source code of a programming language (not configuration, shell or prose). */
  codeFile: boolean
}

const CODE_FILE =
  /\.(?:(?:[cm]?js|css)\.map|[cm]?js|jsx|[cm]?ts|tsx|py|pyi|rb|go|java|kt|kts|scala|groovy|cs|c|h|cc|cpp|cxx|hpp|hh|rs|swift|mm?|php|pl|pm|lua|dart|exs?|erl|hs|ml|fs|vb|jl|clj|coffee|vue|svelte|vim)$/i

/** True for a path whose extension is a programming language's (bare right-hand sides are code). */
export function isCodeFile(file: string): boolean {
  return CODE_FILE.test(file)
}

/**
 * True when the words of a name read like an identifier written by a person
 * (`babel7CompatTokens`, `AuthenticatedSafe_1`, `exports.id_pkcs9_at_userPKCS12`): its letter
 * runs are long and digits are rare. Random tokens split into short runs with many digit groups.
 */
export function readsLikeIdentifier(s: string): boolean {
  const parts = s.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g) ?? []
  let letters = 0
  let words = 0
  let short = 0
  for (const p of parts) {
    if (p.charCodeAt(0) <= 57) continue
    words++
    letters += p.length
    if (p.length <= 2) short++
  }
  if (words === 0) return false
  // Words hold vowels (~40% of letters in English, ~19% in random text); acronyms need not.
  const lower = parts
    .filter(p => p.charCodeAt(0) > 57 && !/^[A-Z]{1,4}$/.test(p))
    .join(' ')
    .toLowerCase()
  const vowels = lower.replace(/[^aeiouy]/g, '').length
  const letterCount = lower.replace(/ /g, '').length
  return (
    letters / words >= 3 &&
    parts.length - words <= Math.max(1, words / 2) &&
    short <= 1 + words / 4 &&
    // Capitals run together only in acronyms or CONSTANT_CASE, not inside a camelCase word.
    !/[a-z][A-Z]{5,}|[A-Z]{5,}[a-z]/.test(s) &&
    (letterCount < 6 || vowels / letterCount >= 0.25) &&
    // and no run of five consonants (`strengths` has one; random text has many).
    !/[b-df-hj-np-tv-xz]{5}/.test(lower)
  )
}

/** `a.b.c`, `Mod::fn`, `a = b.c` chains, `===x.y` comparisons: member paths and expressions. */
const EXPRESSION =
  /^=*[A-Za-z_$][\w$]*(?:(?:\.|::|=+)[A-Za-z_$][\w$]*)+(?:\(\)?)?$|^=+[A-Za-z_$][\w$]*$/
const IDENT = /^[A-Za-z_$][\w$]*$/

/**
 * True for a value that is code, not a literal: a member path or an assignment chain whose names
 * read like words, a bare name (in a source file) or anything followed by a call or an index.
 */
export function isCodeExpression(value: string, ctx: MatchContext): boolean {
  if (value.startsWith('eyJ')) return false
  // A sentence in a docstring may end right after the name.
  const secret = value.replace(/[.,:]$/, '')
  if (
    !ctx.quoted &&
    (ctx.next === '(' || ctx.next === '[' || ctx.next === '=') &&
    (IDENT.test(secret) || EXPRESSION.test(secret))
  )
    return true
  if (EXPRESSION.test(secret) && (secret.startsWith('=') || readsLikeIdentifier(secret)))
    return true
  if (!ctx.quoted && ctx.codeFile && /^[gsbwtlav]:[A-Za-z_]\w*$/.test(secret)) return true // Vim
  return IDENT.test(secret) && !ctx.quoted && ctx.codeFile && readsLikeIdentifier(secret)
}

/**
 * Extra filters for catch-all (generic) rules, given the secret, the whole match (whose start
 * holds the assigned name) and, when known, where the match sits.
 */
export function isGenericLookalike(secret: string, match: string, ctx?: MatchContext): boolean {
  const lower = secret.toLowerCase()
  if (ctx && isCodeExpression(secret, ctx)) return true
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
  // CONSTANT_NAMES, also listed with slashes (`ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN`).
  if (/^_*[A-Z][A-Z0-9_-]*(?:\/_*[A-Z][A-Z0-9_-]*)*$/.test(secret) && /[_-]/.test(secret))
    return true
  if (/^[a-z]+(?:[._-][a-z]+)+$/.test(secret)) return true
  // Lower-case words, some with digits: names (google_oauth2_credentials, client-java6).
  if (/^[a-z][a-z0-9]*(?:[._:-][a-z0-9]+)+$/.test(secret) && readsLikeIdentifier(secret))
    return true
  // The next assignment's name, when the value itself is empty (`passphrase= password=`).
  const key = /^([A-Za-z_][\w.-]{0,40})=/.exec(secret)?.[1]
  if (
    key !== undefined &&
    (readsLikeIdentifier(key) || /^[a-z]+$/i.test(key)) &&
    // not base64 padding (`cGFzc3dvcmQ=`)
    !(/^[A-Za-z0-9+/]+={1,2}$/.test(secret) && secret.length % 4 === 0)
  )
    return true
  // HTTP header names (`Proxy-Authorization`), command-line flags (`--with-passphrase`).
  if (/^[A-Z][a-z]+(?:-[A-Z][a-z]+)+$|^--?[A-Za-z][\w-]*$/.test(secret)) return true
  // Format strings and regular expressions (`%s`, `AmazonLookout-.+`).
  if (/^%[-+# 0-9.]*[sdvqrxf]|\.[+*]|\\[dwsS]/.test(secret)) return true
  // Paths of three or more segments whose names read like words (projects/x/keyRings/y).
  if (/^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+){2,}$/.test(secret) && readsLikeIdentifier(secret))
    return true
  // A word closing a sentence or a label (`passwd.1.xml: cleanups.`).
  if (/^[A-Za-z]+[.:]$/.test(secret)) return true
  // sed-style substitutions quoted in change logs (`s/OLD_NAME/new_name/`).
  if (/^s\/[A-Za-z_][\w.]*\/[\w.]*\/?g?$/.test(secret) && readsLikeIdentifier(secret)) return true
  // Names that say the value is a reference, not the secret: secret_name, token_url, key_path.
  const name = match.slice(0, Math.max(0, match.indexOf(secret)))
  const ident =
    /([A-Za-z0-9_.-]+)['"\x60]?\s*(?:=>|:=|=|:|<-|\|\|:)[\s'"\x60]*$/.exec(name)?.[1] ?? ''
  if (
    /(?:name|ref|path|file|url|uri|arn|type|field|label|prefix|header|param|var|key_?id|version|length|size|count|timeout|ttl|expir\w*|encryption|algorithm|algo|method|scheme|policy|mode|format|provider|encoding|cipher|hasher|strategy|handler|factory|service|manager|store|storage|interval|enum)$/i.test(
      ident
    )
  )
    return true
  // Identifiers by name (CLIENT_ID, authId), and `auth` matched inside author / authority.
  if (
    /(?:^|[_.-])(?:[Cc]lient)?(?:id|ID|Id)$|[a-z0-9](?:Id|ID)$|(?:auth|AUTH|Auth)(?:id|ID|Id)$/.test(
      ident
    )
  )
    return true
  if (
    /author(?!i[sz])/i.test(ident) &&
    !/token|secret|passw|pwd|key|cred|bearer|session|cookie|signature/i.test(ident)
  )
    return true
  // A file name in prose or a build file (`passwd.c: …`, `passphrase.3 => …`), not a variable.
  if (
    /\.(?:\d[a-z]*|[ch]|cc|cpp|o|py|js|ts|xml|html?|md|txt|rst|sh|pl|pm|rb|go|java|json|ya?ml|conf|cfg|ini|in|am)$/i.test(
      ident
    )
  )
    return true
  if (/^[a-z0-9_.-]+(?:\/[a-z0-9_.-]+)+$/.test(secret)) return true
  // URLs, paths, e-mail addresses.
  if (/:\/\/|^\.{0,2}\/|^~\/|@[\w-]+\.[a-z]{2,}$/i.test(secret)) return true
  if (
    /\.(?:js|ts|py|rb|go|java|json|ya?ml|toml|txt|md|html|css|png|svg|pem|crt|key|env|[cho]|cc|cpp|exe|dll|so)$/i.test(
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
