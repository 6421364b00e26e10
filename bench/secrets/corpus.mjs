// Deterministic generators for the secret-scan benchmark: a code-like corpus with planted
// secrets (values random, built at run time) and look-alikes, and a git history via fast-import.
import { createHash } from 'node:crypto'
import { crc32 } from 'node:zlib'

export function rng(seed) {
  let a = createHash('sha256').update(String(seed)).digest().readUInt32LE(0)
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const AN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const HEX = '0123456789abcdef'
const B64 = AN + '+/'
const URL64 = AN + '_-'
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

export function pick(r, arr) {
  return arr[Math.floor(r() * arr.length)]
}
function str(r, set, n) {
  let s = ''
  for (let i = 0; i < n; i++) s += set[Math.floor(r() * set.length)]
  return s
}

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
function ghToken(r, prefix) {
  const body = str(r, AN, 30)
  let n = crc32(body)
  let sum = ''
  while (n > 0) {
    sum = B62[n % 62] + sum
    n = Math.floor(n / 62)
  }
  return `${prefix}_${body}${sum.padStart(6, '0')}`
}

const dash = '-'.repeat(5)

/** Each planted secret: a line (or lines) and the rule that must report it. */
export const PLANTS = [
  ['github-pat', r => `const GITHUB_TOKEN = "${ghToken(r, 'ghp')}"`],
  ['github-app-installation-token', r => `  token: ${ghToken(r, 'ghs')}`],
  ['npm-access-token', r => `//registry.npmjs.org/:_authToken=${ghToken(r, 'npm')}`],
  ['github-fine-grained-pat', r => `GH_PAT=github_pat_${str(r, AN, 22)}_${str(r, AN, 59)}`],
  ['aws-access-key-id', r => `aws_access_key_id = AKIA${str(r, B32, 16)}`],
  ['aws-secret-access-key', r => `aws_secret_access_key = ${str(r, B64, 40)}`],
  ['stripe-live-secret-key', r => `stripe.api_key = "sk_live_${str(r, AN, 24)}"`],
  [
    'slack-bot-token',
    r =>
      `SLACK_BOT_TOKEN: xoxb-${str(r, '0123456789', 12)}-${str(r, '0123456789', 13)}-${str(r, AN, 24)}`
  ],
  [
    'slack-webhook-url',
    r =>
      `webhook_url = "https://hooks.slack.com/services/T${str(r, B32, 10)}/B${str(r, B32, 10)}/${str(r, AN, 24)}"`
  ],
  ['gitlab-pat', r => `GITLAB_TOKEN=glpat-${str(r, URL64, 20)}`],
  ['openai-project-key', r => `OPENAI_API_KEY = "sk-proj-${str(r, URL64, 120)}"`],
  ['anthropic-api-key', r => `ANTHROPIC_API_KEY=sk-ant-api03-${str(r, URL64, 93)}AA`],
  [
    'sendgrid-api-key',
    r => `sg = SendGridAPIClient("SG.${str(r, URL64, 22)}.${str(r, URL64, 43)}")`
  ],
  ['gcp-api-key', r => `firebase: { apiKey: "AIza${str(r, URL64, 35)}" }`],
  [
    'azure-storage-connection-string',
    r =>
      `conn = "DefaultEndpointsProtocol=https;AccountName=acme${str(r, 'abcdefgh', 6)};AccountKey=${str(r, B64, 86)}==;EndpointSuffix=core.windows.net"`
  ],
  [
    'database-connection-string',
    r => `DATABASE_URL=postgres://app:${str(r, AN, 18)}@db.internal:5432/app`
  ],
  ['generic-password', r => `db_password = "${str(r, AN, 14)}"`],
  [
    'jwt',
    r => {
      const h = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')
      const p = Buffer.from(`{"sub":"${str(r, '0123456789', 8)}","iat":1700000000}`).toString(
        'base64url'
      )
      return `Authorization = "${h}.${p}.${str(r, URL64, 43)}"`
    }
  ],
  [
    'private-key-rsa',
    r => {
      const lines = []
      for (let i = 0; i < 10; i++) lines.push(str(r, B64, 64))
      return `${dash}BEGIN RSA PRIVATE KEY${dash}\n${lines.join('\n')}\n${dash}END RSA PRIVATE KEY${dash}`
    }
  ],
  ['hashicorp-vault-service-token', r => `VAULT_TOKEN=hvs.${str(r, URL64, 95)}`],
  ['dockerhub-pat', r => `DOCKERHUB_TOKEN=dckr_pat_${str(r, URL64, 27)}`],
  ['shopify-access-token', r => `SHOPIFY = "shpat_${str(r, HEX, 32)}"`],
  ['twilio-auth-token', r => `TWILIO_AUTH_TOKEN=${str(r, HEX, 32)}`],
  ['digitalocean-pat', r => `do_token: dop_v1_${str(r, HEX, 64)}`]
]

const IDENTS = [
  'user',
  'order',
  'item',
  'account',
  'session',
  'request',
  'config',
  'client',
  'value',
  'result',
  'payload',
  'cache',
  'index',
  'record',
  'buffer',
  'handler',
  'service',
  'message',
  'event',
  'queue',
  'router',
  'model',
  'schema',
  'field'
]
// Credential words appear in real code, but in a few per cent of identifiers, not in every line.
const SENSITIVE = ['token', 'key', 'secret', 'password', 'auth', 'api', 'credentials', 'apiKey']
const WORDS = [
  'load',
  'save',
  'parse',
  'render',
  'update',
  'fetch',
  'build',
  'check',
  'create',
  'delete',
  'merge',
  'resolve',
  'validate',
  'format',
  'encode',
  'decode'
]

function ident(r) {
  return (
    (r() < 0.03 ? pick(r, SENSITIVE) : pick(r, IDENTS)) +
    (r() < 0.5 ? pick(r, WORDS).replace(/^./, c => c.toUpperCase()) : '')
  )
}
function pickW(r) {
  return pick(r, WORDS)
}

/** Ordinary code lines. */
const LINE_MAKERS = [
  r =>
    `  const ${ident(r)} = ${pickW(r)}${ident(r).replace(/^./, c => c.toUpperCase())}(${ident(r)}, ${Math.floor(r() * 1000)})`,
  r => `  if (${ident(r)}.length > ${Math.floor(r() * 100)} && !${ident(r)}) {`,
  r =>
    `    return await this.${pickW(r)}(${ident(r)}, { retries: ${Math.floor(r() * 5)}, timeout: ${Math.floor(r() * 10000)} })`,
  () => `  }`,
  r =>
    `// ${pickW(r)} the ${ident(r)} before we ${pickW(r)} it; see https://docs.example.com/${pickW(r)}/${ident(r)}`,
  r => `def ${pickW(r)}_${ident(r)}(self, ${ident(r)}, ${ident(r)}=None):`,
  r =>
    `  request_id: "${str(r, HEX, 8)}-${str(r, HEX, 4)}-4${str(r, HEX, 3)}-a${str(r, HEX, 3)}-${str(r, HEX, 12)}"`,
  r => `  "integrity": "sha512-${str(r, B64, 86)}==",`,
  r => `  commit_sha = "${str(r, HEX, 40)}"`,
  r =>
    `  image: registry.example.com/${ident(r)}:${Math.floor(r() * 10)}.${Math.floor(r() * 10)}.${Math.floor(r() * 10)}`,
  r =>
    `export function ${pickW(r)}${ident(r)}(${ident(r)}: string, ${ident(r)}?: number): Promise<void> {`,
  r =>
    `    logger.info(\`${pickW(r)} ${ident(r)} \${${ident(r)}.id} in \${Date.now() - start}ms\`)`,
  r =>
    `  for (let i = 0; i < ${ident(r)}.length; i++) ${ident(r)}[i] = ${ident(r)}[i] ^ ${Math.floor(r() * 255)}`,
  r => `    "${ident(r)}": ${Math.floor(r() * 100000)},`,
  () => ``,
  r => `    ${ident(r)}_key = cache_key(${ident(r)}, "${str(r, HEX, 32)}")`
]

/** Look-alikes that must not be reported (about 1 line in 20). */
const LOOKALIKES = [
  r => `def ${pickW(r)}_${ident(r)}(self, ${ident(r)}, token=None, password=None):`,
  r => `    ${ident(r)} = os.environ.get("${ident(r).toUpperCase()}_TOKEN")`,
  () => `    password = request.form["password"]`,
  () => `  headers["Authorization"] = "Bearer " + token`,
  () => `  apiKey: process.env.API_KEY,`,
  () => `  token: \${{ secrets.GITHUB_TOKEN }}`,
  r => `  secret_name: ${pickW(r)}-${ident(r)}-secret`,
  () => `AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE  # example from the docs`,
  () => `  password: "\${DB_PASSWORD}"`,
  () => `  client_secret = settings.OAUTH_CLIENT_SECRET`,
  () => `  const url = "https://user:password@example.com/api"`,
  r =>
    `  token = "${str(r, HEX, 8)}-${str(r, HEX, 4)}-4${str(r, HEX, 3)}-a${str(r, HEX, 3)}-${str(r, HEX, 12)}"`
]

const EXTS = ['js', 'ts', 'py', 'yaml', 'go', 'json', 'md', 'java']

/**
 * Files of ~`fileBytes` each until `totalBytes`; `plantEvery`-th file gets one secret.
 * Returns [{ path, text }] and the planted list [{ file, line, ruleId }].
 */
export function* corpusFiles({ totalBytes, fileBytes, seed = 'corpus', plantEvery = 60 }) {
  const r = rng(seed)
  let written = 0
  let n = 0
  let plantIndex = 0
  while (written < totalBytes) {
    const lines = []
    let bytes = 0
    const target = Math.floor(fileBytes * (0.5 + r()))
    while (bytes < target) {
      const l = (r() < 0.05 ? pick(r, LOOKALIKES) : pick(r, LINE_MAKERS))(r)
      lines.push(l)
      bytes += l.length + 1
    }
    const planted = []
    if (n % plantEvery === plantEvery - 1) {
      const [ruleId, make] = PLANTS[plantIndex++ % PLANTS.length]
      const at = Math.floor(r() * lines.length)
      lines.splice(at, 0, make(r))
      planted.push({ line: at + 1, ruleId })
    }
    const dir = `pkg${String(n % 40).padStart(2, '0')}/src${n % 7}`
    const file = `${dir}/${pickW(r)}_${n}.${pick(r, EXTS)}`
    const text = lines.join('\n') + '\n'
    written += Buffer.byteLength(text)
    n++
    yield { path: file, text, planted: planted.map(p => ({ file, ...p })) }
  }
}

export { ghToken }
