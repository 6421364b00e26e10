/**
 * Rules added from a coverage review against gitleaks' default configuration, GitHub secret
 * scanning's partner patterns and the providers' own published token formats. Same conventions
 * as builtin.ts: ASCII classes, bounded repetition, distinctive keywords (a keyword that is
 * common in ordinary code costs throughput on every file).
 */
import { kv, prefixed, raw, UUID } from './builders.js'
import type { Rule } from './types.js'

/** Base64 alphabet (standard) and the boundaries used around base64 keys. */
const B64 = 'A-Za-z0-9+/'
const NOT_B64_BEFORE = '(?<![A-Za-z0-9+/])'
const NOT_B64_AFTER = '(?![A-Za-z0-9+/=])'

/**
 * Azure "identifiable" keys carry a fixed signature at a fixed offset (Microsoft's
 * security-utilities format): 64-byte keys are 76 base64 characters, a 4-character signature,
 * 5 more characters, then `[AQgw]==`; 32-byte keys are 33 characters, a 4-character signature,
 * `[A-P]`, 5 characters and `=`.
 */
const AZURE_64 = `[${B64}]{76}(?:\\+ASt|ACDb|\\+BMC|\\+AMC|APIM)[${B64}]{5}[AQgw]==`
const AZURE_32 = `[${B64}]{33}(?:\\+ASb|\\+AEh|\\+ARm|AzCa)[A-P][${B64}]{5}=`
const AZURE_FUNCTION = '[A-Za-z0-9_-]{44}AzFu[A-Za-z0-9_-]{5}[AQgw]=='
const AZURE_SEARCH = '[A-Za-z0-9]{42}AzSe[A-D][A-Za-z0-9]{5}'
const AZURE_ACR = `[${B64}]{42}\\+ACR[A-D][${B64}]{5}`

const cloud: Rule[] = [
  raw(
    'azure-identifiable-key',
    'Azure identifiable service key (Storage, Cosmos DB, Batch, Machine Learning, API Management, Service Bus, Event Hubs, Relay, Cache for Redis, Functions, AI Search, Container Registry)',
    [
      '+ast',
      'acdb',
      '+bmc',
      '+amc',
      'apim',
      '+asb',
      '+aeh',
      '+arm',
      'azca',
      'azfu',
      'azse',
      '+acr'
    ],
    `${NOT_B64_BEFORE}(${AZURE_64}|${AZURE_32}|${AZURE_FUNCTION}|${AZURE_SEARCH}|${AZURE_ACR})${NOT_B64_AFTER}`,
    'critical',
    { entropy: 4 }
  ),
  raw(
    'azure-workflow-webhook-url',
    'Azure Logic Apps / Power Automate workflow trigger URL with its signature (Teams workflows)',
    ['logic.azure.com', 'api.powerplatform.com'],
    String.raw`https://[A-Za-z0-9.-]{1,120}\.(?:logic\.azure\.com|api\.powerplatform\.com)(?::443)?/[^\s"'<>]{0,300}?[?&]sig=([A-Za-z0-9_%-]{40,100})`,
    'high',
    { entropy: 3.5 }
  ),
  raw(
    'azure-data-factory-shir-key',
    'Azure Data Factory self-hosted integration runtime key',
    ['ir@'],
    String.raw`(?<![A-Za-z0-9_@])(IR@${UUID}@[A-Za-z0-9_.-]{1,128}@[A-Za-z0-9-]{1,64}@[A-Za-z0-9+/]{43}=)`,
    'critical'
  ),
  prefixed(
    'aws-bedrock-short-term-key',
    'Amazon Bedrock short-term API key',
    ['bedrock-api-key-'],
    // "bedrock-api-key-" + base64 of a presigned "bedrock.amazonaws.com/..." URL.
    'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/]{100,4000}={0,2}',
    { entropy: 4 }
  ),
  prefixed(
    'amazon-oauth-client-secret',
    'Login with Amazon OAuth client secret',
    ['amzn1.oa2-cs.v1.'],
    'amzn1\\.oa2-cs\\.v1\\.[a-f0-9]{64}',
    { severity: 'critical' }
  ),
  prefixed(
    'cloudflare-scannable-token',
    'Cloudflare API token or global API key (cfut_ / cfat_ / cfk_ format)',
    ['cfut_', 'cfat_', 'cfk_'],
    // Prefix, 40 random characters, then a checksum.
    'cf(?:ut|at|k)_[A-Za-z0-9]{44,50}',
    { severity: 'critical', entropy: 4 }
  ),
  prefixed(
    'hashicorp-vault-recovery-token',
    'HashiCorp Vault recovery token',
    ['hvr.'],
    'hvr\\.[A-Za-z0-9_-]{24,300}',
    { severity: 'critical', entropy: 3.5 }
  ),
  raw(
    'clickhouse-cloud-api-key',
    'ClickHouse Cloud API secret key',
    ['4b1d'],
    // 42 alphanumerics starting 4b1d, with at least one non-hex letter (not a hex digest).
    String.raw`(?<![A-Za-z0-9_-])(4b1d(?=[A-Za-z0-9]{0,37}[G-Zg-z])[A-Za-z0-9]{38})(?![A-Za-z0-9_-])`,
    'high',
    { entropy: 4 }
  ),
  prefixed(
    'defined-networking-api-token',
    'Defined Networking (Nebula) API token',
    ['dnkey-'],
    'dnkey-[A-Za-z0-9_=-]{26}-[A-Za-z0-9_=-]{52}',
    { entropy: 3.5 }
  ),
  prefixed('infracost-api-token', 'Infracost API token', ['ico-'], 'ico-[A-Za-z0-9]{32}', {
    entropy: 3.5
  }),
  prefixed('openshift-user-token', 'OpenShift user token', ['sha256~'], 'sha256~[\\w-]{43}', {
    entropy: 3.5
  }),
  prefixed(
    'castai-api-key',
    'CAST AI API key',
    ['castai_v1_'],
    'castai_v1_[A-Za-z0-9]{64}_[A-Za-z0-9]{8}',
    { entropy: 3.5 }
  ),
  kv(
    'jfrog-api-token',
    'JFrog Platform / Artifactory API key or identity token',
    ['jfrog', 'artifactory', 'bintray'],
    '(?:jfrog|artifactory|bintray)',
    // Not the prefixed forms, which have their own rules.
    '(?!AKCp|cmVmd)(?:[A-Za-z0-9]{73}|[A-Za-z0-9]{64})',
    { severity: 'critical', entropy: 4 }
  ),
  prefixed(
    'sourcegraph-access-token',
    'Sourcegraph access token',
    ['sgp_'],
    'sgp_(?:(?:[a-f0-9]{16}|local)_)?[a-f0-9]{40}',
    { entropy: 3 }
  ),
  kv(
    'sonar-legacy-token',
    'SonarQube / SonarCloud token (unprefixed format)',
    ['sonar'],
    'sonar[\\w.-]{0,15}(?:login|token)',
    '[a-f0-9]{40}',
    { entropy: 3 }
  ),
  raw(
    'gitlab-session-cookie',
    'GitLab session cookie',
    ['_gitlab_session='],
    String.raw`_gitlab_session=([0-9a-z]{32})(?![0-9a-z])`,
    'high',
    { entropy: 3 }
  ),
  prefixed(
    'intra42-client-secret',
    '42 Intra API client secret',
    ['s-s4t2'],
    's-s4t2(?:ud|af)-[a-f0-9]{64}',
    { entropy: 3 }
  ),
  prefixed(
    'chieftools-token',
    'Chief Tools personal access, access or refresh token',
    ['ctp_', 'cto_', 'ctr_'],
    'ct[por]_[A-Za-z0-9]{30,248}',
    { entropy: 3.5 }
  ),
  prefixed(
    'settlemint-token',
    'SettleMint application, personal or service access token',
    ['sm_aat_', 'sm_pat_', 'sm_sat_'],
    'sm_(?:aat|pat|sat)_[A-Za-z0-9]{16}',
    { entropy: 3 }
  ),
  prefixed(
    'maxmind-license-key',
    'MaxMind license key',
    ['_mmk'],
    '[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk',
    { entropy: 4 }
  ),
  raw(
    'nuget-config-password',
    'Password in a NuGet.config packageSourceCredentials entry',
    ['key="cleartextpassword"', 'key="password"'],
    String.raw`<add[ \t]{1,5}key="(?:(?i:ClearTextPassword)|(?i:Password))"[ \t]{1,5}value="([^"\r\n]{8,512})"[ \t]{0,5}/?>`,
    'high',
    { validate: 'not-placeholder-password', entropy: 2.5 }
  ),
  raw(
    'freemius-secret-key',
    'Freemius SDK secret key',
    ['secret_key'],
    String.raw`['"]secret_key['"][ \t]{0,5}=>[ \t]{0,5}['"](sk_[!-&(-~]{29})['"]`,
    'high',
    { path: '(?i)\\.php$', entropy: 3 }
  ),
  raw(
    'curl-auth-header',
    'API key or token passed to curl in a request header',
    ['curl'],
    String.raw`\bcurl\b[^\n]{0,300}?[ \t](?:-H|--header)[ \t=]{1,3}['"](?i:x-api-key|api-key|apikey|x-auth-token|x-access-token|private-token|x-token|authorization:[ \t]{0,3}token)[ \t]{0,3}:?[ \t]{0,5}([A-Za-z0-9._~+/=-]{16,512})['"]`,
    'high',
    { entropy: 3.5, generic: true }
  )
]

const saas: Rule[] = [
  prefixed('adobe-client-secret', 'Adobe OAuth client secret', ['p8e-'], 'p8e-[A-Za-z0-9]{32}', {
    entropy: 3
  }),
  kv(
    'adafruit-api-key',
    'Adafruit IO key (unprefixed format)',
    ['adafruit'],
    'adafruit',
    '(?!aio_)[A-Za-z0-9_-]{32}',
    { entropy: 3.5 }
  ),
  kv(
    'airtable-legacy-api-key',
    'Airtable API key (legacy key… format)',
    ['airtable'],
    'airtable',
    'key[A-Za-z0-9]{14}',
    { entropy: 3 }
  ),
  kv(
    'asana-client-secret',
    'Asana OAuth client secret',
    ['asana'],
    'asana[\\w.-]{0,15}secret',
    '[A-Za-z0-9]{32}',
    { entropy: 3.5 }
  ),
  prefixed(
    'authress-service-client-key',
    'Authress service client access key',
    ['.acc_', '.acc-'],
    '(?:sc|ext|scauth|authress)_[A-Za-z0-9]{5,30}\\.[A-Za-z0-9]{4,6}\\.acc[_-][A-Za-z0-9-]{10,32}\\.[A-Za-z0-9+/_=-]{30,120}',
    { entropy: 3 }
  ),
  kv('beamer-api-token', 'Beamer API token', ['beamer'], 'beamer', 'b_[A-Za-z0-9_=-]{44}', {
    entropy: 3.5
  }),
  kv('bittrex-api-key', 'Bittrex API key or secret', ['bittrex'], 'bittrex', '[A-Za-z0-9]{32}', {
    entropy: 3.5
  }),
  kv('cisco-meraki-api-key', 'Cisco Meraki API key', ['meraki'], 'meraki', '[a-f0-9]{40}', {
    entropy: 3
  }),
  kv(
    'coinbase-access-token',
    'Coinbase access token',
    ['coinbase'],
    'coinbase',
    '[A-Za-z0-9_-]{64}',
    { entropy: 3.5 }
  ),
  kv(
    'contentful-delivery-token',
    'Contentful delivery / preview API token',
    ['contentful'],
    'contentful',
    '(?!CFPAT-)[A-Za-z0-9_-]{43}',
    { entropy: 3.5 }
  ),
  kv(
    'discord-client-secret',
    'Discord OAuth client secret',
    ['discord'],
    'discord[\\w.-]{0,15}secret',
    '[A-Za-z0-9_-]{32}',
    { entropy: 3.5 }
  ),
  kv(
    'dropbox-long-lived-token',
    'Dropbox long-lived access token',
    ['dropbox'],
    'dropbox',
    // The run of ten A's is part of the format; the secret reported is the random tail.
    '[A-Za-z0-9]{11}AAAAAAAAAA([A-Za-z0-9_=-]{43})',
    { entropy: 3.5, secretGroup: 2 }
  ),
  kv(
    'dropbox-app-secret',
    'Dropbox app secret',
    ['dropbox'],
    'dropbox[\\w.-]{0,10}secret',
    '[a-z0-9]{15}',
    { entropy: 3 }
  ),
  prefixed(
    'duffel-api-token',
    'Duffel API token',
    ['duffel_'],
    'duffel_(?:test|live)_[A-Za-z0-9_=-]{43}',
    { entropy: 3.5 }
  ),
  kv('etsy-api-key', 'Etsy API key', ['etsy'], 'etsy', '[a-z0-9]{24}', { entropy: 3 }),
  kv(
    'facebook-app-access-token',
    'Facebook / Meta app access token (app-id|secret)',
    ['facebook', 'fb_'],
    '(?:facebook|fb_)',
    '\\d{15,16}(?:\\||%7C)[A-Za-z0-9_-]{27,40}',
    { entropy: 3 }
  ),
  kv(
    'finicity-api-credential',
    'Finicity API key or client secret',
    ['finicity'],
    'finicity',
    '(?:[a-f0-9]{32}|[A-Za-z0-9]{20})',
    { entropy: 3 }
  ),
  kv('finnhub-api-key', 'Finnhub API key', ['finnhub'], 'finnhub', '[A-Za-z0-9]{20}', {
    entropy: 3
  }),
  kv(
    'flickr-api-key',
    'Flickr API key or secret',
    ['flickr'],
    'flickr',
    '(?:[a-f0-9]{32}|[a-f0-9]{16})',
    { entropy: 2.5 }
  ),
  prefixed(
    'flutterwave-encryption-key',
    'Flutterwave encryption key',
    ['flwseck'],
    'FLWSECK(?:_TEST)?-?[a-f0-9]{12}',
    { entropy: 3 }
  ),
  kv(
    'freshbooks-access-token',
    'FreshBooks access token',
    ['freshbooks'],
    'freshbooks',
    '[A-Za-z0-9]{64}',
    { entropy: 3.5 }
  ),
  kv('gitter-access-token', 'Gitter access token', ['gitter'], 'gitter', '[A-Za-z0-9_-]{40}', {
    entropy: 3.5
  }),
  kv(
    'hubspot-api-key',
    'HubSpot API key (legacy hapikey)',
    ['hubspot', 'hapikey'],
    '(?:hubspot|hapikey)',
    UUID
  ),
  kv(
    'kraken-api-key',
    'Kraken API key or secret',
    ['kraken'],
    'kraken',
    '[A-Za-z0-9/=_+-]{80,90}',
    {
      entropy: 4
    }
  ),
  kv(
    'kucoin-api-credential',
    'KuCoin API key or secret',
    ['kucoin'],
    'kucoin',
    `(?:${UUID}|[a-f0-9]{24})`,
    { entropy: 3 }
  ),
  kv(
    'linear-client-secret',
    'Linear OAuth client secret',
    ['linear'],
    'linear[\\w.-]{0,15}secret',
    '[a-f0-9]{32}',
    { entropy: 3 }
  ),
  kv(
    'linkedin-client-secret',
    'LinkedIn OAuth client secret',
    ['linkedin', 'linked_in', 'linked-in'],
    'linked[_-]?in[\\w.-]{0,15}secret',
    '[A-Za-z0-9]{16}',
    { entropy: 3 }
  ),
  kv(
    'looker-client-secret',
    'Looker API client secret',
    ['looker'],
    'looker[\\w.-]{0,15}secret',
    '[A-Za-z0-9]{24}',
    { entropy: 3.5 }
  ),
  kv(
    'mattermost-access-token',
    'Mattermost access token',
    ['mattermost'],
    'mattermost',
    '[a-z0-9]{26}',
    { entropy: 3 }
  ),
  kv(
    'messagebird-api-key',
    'MessageBird API key',
    ['messagebird', 'message_bird', 'message-bird'],
    'message[_-]?bird',
    '[A-Za-z0-9]{25}',
    { entropy: 3.5 }
  ),
  kv(
    'nytimes-api-key',
    'New York Times API key',
    ['nytimes', 'newyorktimes', 'new_york_times', 'new-york-times'],
    '(?:nytimes|new[_-]?york[_-]?times)',
    '[A-Za-z0-9_=-]{32}',
    { entropy: 3.5 }
  ),
  kv(
    'plaid-secret-key',
    'Plaid API secret',
    ['plaid'],
    'plaid[\\w.-]{0,15}secret',
    '[a-z0-9]{30}',
    { entropy: 3.5 }
  ),
  kv(
    'privateai-api-token',
    'Private AI API key',
    ['privateai', 'private_ai', 'private-ai'],
    'private[_-]?ai',
    '[a-z0-9]{32}',
    { entropy: 3 }
  ),
  kv('sendbird-api-token', 'Sendbird API token', ['sendbird'], 'sendbird', '[a-f0-9]{40}', {
    entropy: 3
  }),
  kv(
    'sentry-legacy-token',
    'Sentry auth token (unprefixed format)',
    ['sentry'],
    'sentry',
    '[a-f0-9]{64}',
    { entropy: 3 }
  ),
  kv('squarespace-api-key', 'Squarespace API key', ['squarespace'], 'squarespace', UUID),
  kv('twitch-api-token', 'Twitch API token', ['twitch'], 'twitch', '[a-z0-9]{30}', {
    entropy: 3.5
  }),
  kv(
    'twitter-access-token',
    'Twitter / X OAuth 1.0a access token',
    ['twitter'],
    'twitter',
    '\\d{15,25}-[A-Za-z0-9]{20,40}',
    { entropy: 3.5 }
  ),
  kv(
    'twitter-api-secret',
    'Twitter / X API key, API secret or access token secret',
    ['twitter'],
    'twitter',
    '(?:[A-Za-z0-9]{50}|[A-Za-z0-9]{45}|[A-Za-z0-9]{25})',
    { entropy: 3.5 }
  ),
  kv(
    'wandb-api-key',
    'Weights & Biases API key',
    ['wandb'],
    'wandb',
    '(?:[a-f0-9]{40}|[A-Za-z0-9_-]{86})',
    { entropy: 3 }
  ),
  prefixed('rootly-api-key', 'Rootly API key', ['rootly_'], 'rootly_[a-f0-9]{64}', {
    entropy: 3
  }),
  prefixed('wakatime-api-key', 'WakaTime API key', ['waka_'], `waka_${UUID}`),
  prefixed(
    'onfido-api-token',
    'Onfido API token',
    ['api_live', 'api_sandbox'],
    'api_(?:live|sandbox)(?:_[a-z]{2})?\\.[A-Za-z0-9_-]{11}\\.[A-Za-z0-9_-]{32}',
    { entropy: 3.5 }
  ),
  prefixed(
    'pinecone-api-key',
    'Pinecone API key',
    ['pcsk_'],
    'pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{50,80}',
    { entropy: 4 }
  ),
  prefixed(
    'samsara-api-token',
    'Samsara API token',
    ['samsara_api_'],
    'samsara_api_[A-Za-z0-9]{30}',
    { entropy: 3.5 }
  ),
  prefixed(
    'posthog-personal-api-key',
    'PostHog personal API key',
    ['phx_'],
    'phx_[A-Za-z0-9]{30,60}',
    { entropy: 3.5 }
  ),
  prefixed('langfuse-secret-key', 'Langfuse secret key', ['sk-lf-'], `sk-lf-${UUID}`),
  prefixed(
    'persona-api-key',
    'Persona API key',
    ['persona_production_', 'persona_sandbox_'],
    `persona_(?:production|sandbox)_${UUID}`
  ),
  prefixed(
    'anthropic-oauth-token',
    'Anthropic OAuth access / refresh token (Claude Code)',
    ['sk-ant-oat01-', 'sk-ant-ort01-'],
    'sk-ant-o(?:at|rt)01-[\\w-]{80,120}',
    { severity: 'critical', entropy: 4 }
  ),
  prefixed(
    'slack-legacy-bot-token',
    'Slack legacy bot token',
    ['xoxb-'],
    'xoxb-[0-9]{8,14}-[A-Za-z0-9]{18,26}',
    { severity: 'critical', entropy: 3 }
  ),
  prefixed('jwt-base64', 'Base64-encoded JSON Web Token', ['zxlk'], `ZXlK[${B64}]{40,8000}={0,2}`, {
    severity: 'medium',
    validate: 'jwt-base64'
  })
]

const registriesAndMore: Rule[] = [
  prefixed('crates-io-api-token', 'crates.io API token', ['cio'], 'cio[A-Za-z0-9]{32}', {
    severity: 'critical',
    entropy: 3.5
  }),
  prefixed('neon-api-key', 'Neon API key', ['napi_'], 'napi_[a-z0-9]{40,80}', { entropy: 3.5 }),
  prefixed(
    'adyen-api-key',
    'Adyen API key',
    ['aqe'],
    'AQE[A-Za-z0-9]{5,}\\.[A-Za-z0-9_=-]{50,80}',
    { severity: 'critical', entropy: 3.5 }
  ),
  kv(
    'razorpay-key-secret',
    'Razorpay key secret',
    ['razorpay'],
    'razorpay[\\w.-]{0,15}secret',
    '[A-Za-z0-9]{24}',
    { entropy: 3.5 }
  ),
  kv(
    'binance-api-credential',
    'Binance API key or secret',
    ['binance'],
    'binance',
    '[A-Za-z0-9]{64}',
    { entropy: 4 }
  )
]

export const EXTRA_RULES: readonly Rule[] = [...cloud, ...saas, ...registriesAndMore]
