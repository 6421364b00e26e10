export const id = 384;
export const ids = [384];
export const modules = {

/***/ 78384:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q5: () => (/* reexport */ Baseline),
  Z9: () => (/* reexport */ loadConfig),
  LV: () => (/* reexport */ scanSecrets),
  k: () => (/* reexport */ summaryLines),
  Ow: () => (/* reexport */ toJsonReport),
  zi: () => (/* reexport */ toSarifReport),
  t_: () => (/* reexport */ toTextReport)
});

// UNUSED EXPORTS: ALLOW_MARKERS, BUILTIN_RULES, GitleaksIgnore, RuleSet, base62, compileGoRegex, crc32, createMatcher, defaultConfig, diffHeaderPath, expandCaseInsensitiveGroups, findingMessage, hasValidTokenChecksum, isGenericLookalike, isPlaceholder, locationFingerprint, parseConfig, parsePatch, redactMatch, redactValue, resolveRange, ruleDescriptors, secretHash, shannonEntropy, toCoreFindings, toJsonFinding, translateGoRegex, validate

;// CONCATENATED MODULE: ./packages/secrets/src/rules/builders.ts
/** Left boundary: not preceded by a word character. */
const L = '(?<![A-Za-z0-9_])';
/** Right boundary: not followed by a token character. */
const R = '(?![A-Za-z0-9_-])';
/** Assignment operators of common languages and formats (=, :, :=, =>, <-, ||:). */
const ASSIGN = String.raw `['"\x60]?[ \t]{0,5}(?:=>|:=|=|:|<-|\|\|:)[ \t]{0,5}['"\x60]?[ \t]{0,2}`;
/** A token recognisable by its prefix: `prefix` (a regex) followed by `body`. */
function prefixed(id, description, keywords, body, opts = {}) {
    return {
        id,
        description,
        keywords,
        regex: `${L}(${body})${R}`,
        severity: 'high',
        ...opts
    };
}
/**
 * A value recognisable only by the name it is assigned to: `name` (a regex, matched
 * case-insensitively) then up to 25 name characters, an assignment, and `value`.
 */
function kv(id, description, keywords, name, value, opts = {}) {
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
    };
}
/** A raw regex rule. */
function raw(id, description, keywords, regex, severity, opts = {}) {
    return { id, description, keywords, regex, severity, ...opts };
}
const HEX = '[a-f0-9]';
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

;// CONCATENATED MODULE: ./packages/secrets/src/rules/extra.ts
/**
 * Rules added from a coverage review against gitleaks' default configuration, GitHub secret
 * scanning's partner patterns and the providers' own published token formats. Same conventions
 * as builtin.ts: ASCII classes, bounded repetition, distinctive keywords (a keyword that is
 * common in ordinary code costs throughput on every file).
 */

/** Base64 alphabet (standard) and the boundaries used around base64 keys. */
const B64 = 'A-Za-z0-9+/';
const NOT_B64_BEFORE = '(?<![A-Za-z0-9+/])';
const NOT_B64_AFTER = '(?![A-Za-z0-9+/=])';
/**
 * Azure "identifiable" keys carry a fixed signature at a fixed offset (Microsoft's
 * security-utilities format): 64-byte keys are 76 base64 characters, a 4-character signature,
 * 5 more characters, then `[AQgw]==`; 32-byte keys are 33 characters, a 4-character signature,
 * `[A-P]`, 5 characters and `=`.
 */
const AZURE_64 = `[${B64}]{76}(?:\\+ASt|ACDb|\\+BMC|\\+AMC|APIM)[${B64}]{5}[AQgw]==`;
const AZURE_32 = `[${B64}]{33}(?:\\+ASb|\\+AEh|\\+ARm|AzCa)[A-P][${B64}]{5}=`;
const AZURE_FUNCTION = '[A-Za-z0-9_-]{44}AzFu[A-Za-z0-9_-]{5}[AQgw]==';
const AZURE_SEARCH = '[A-Za-z0-9]{42}AzSe[A-D][A-Za-z0-9]{5}';
const AZURE_ACR = `[${B64}]{42}\\+ACR[A-D][${B64}]{5}`;
const cloud = [
    raw('azure-identifiable-key', 'Azure identifiable service key (Storage, Cosmos DB, Batch, Machine Learning, API Management, Service Bus, Event Hubs, Relay, Cache for Redis, Functions, AI Search, Container Registry)', [
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
    ], `${NOT_B64_BEFORE}(${AZURE_64}|${AZURE_32}|${AZURE_FUNCTION}|${AZURE_SEARCH}|${AZURE_ACR})${NOT_B64_AFTER}`, 'critical', { entropy: 4 }),
    raw('azure-workflow-webhook-url', 'Azure Logic Apps / Power Automate workflow trigger URL with its signature (Teams workflows)', ['logic.azure.com', 'api.powerplatform.com'], String.raw `https://[A-Za-z0-9.-]{1,120}\.(?:logic\.azure\.com|api\.powerplatform\.com)(?::443)?/[^\s"'<>]{0,300}?[?&]sig=([A-Za-z0-9_%-]{40,100})`, 'high', { entropy: 3.5 }),
    raw('azure-data-factory-shir-key', 'Azure Data Factory self-hosted integration runtime key', ['ir@'], String.raw `(?<![A-Za-z0-9_@])(IR@${UUID}@[A-Za-z0-9_.-]{1,128}@[A-Za-z0-9-]{1,64}@[A-Za-z0-9+/]{43}=)`, 'critical'),
    prefixed('aws-bedrock-short-term-key', 'Amazon Bedrock short-term API key', ['bedrock-api-key-'], 
    // "bedrock-api-key-" + base64 of a presigned "bedrock.amazonaws.com/..." URL.
    'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/]{100,4000}={0,2}', { entropy: 4 }),
    prefixed('amazon-oauth-client-secret', 'Login with Amazon OAuth client secret', ['amzn1.oa2-cs.v1.'], 'amzn1\\.oa2-cs\\.v1\\.[a-f0-9]{64}', { severity: 'critical' }),
    prefixed('cloudflare-scannable-token', 'Cloudflare API token or global API key (cfut_ / cfat_ / cfk_ format)', ['cfut_', 'cfat_', 'cfk_'], 
    // Prefix, 40 random characters, then a checksum.
    'cf(?:ut|at|k)_[A-Za-z0-9]{44,50}', { severity: 'critical', entropy: 4 }),
    prefixed('hashicorp-vault-recovery-token', 'HashiCorp Vault recovery token', ['hvr.'], 'hvr\\.[A-Za-z0-9_-]{24,300}', { severity: 'critical', entropy: 3.5 }),
    raw('clickhouse-cloud-api-key', 'ClickHouse Cloud API secret key', ['4b1d'], 
    // 42 alphanumerics starting 4b1d, with at least one non-hex letter (not a hex digest).
    String.raw `(?<![A-Za-z0-9_-])(4b1d(?=[A-Za-z0-9]{0,37}[G-Zg-z])[A-Za-z0-9]{38})(?![A-Za-z0-9_-])`, 'high', { entropy: 4 }),
    prefixed('defined-networking-api-token', 'Defined Networking (Nebula) API token', ['dnkey-'], 'dnkey-[A-Za-z0-9_=-]{26}-[A-Za-z0-9_=-]{52}', { entropy: 3.5 }),
    prefixed('infracost-api-token', 'Infracost API token', ['ico-'], 'ico-[A-Za-z0-9]{32}', {
        entropy: 3.5
    }),
    prefixed('openshift-user-token', 'OpenShift user token', ['sha256~'], 'sha256~[\\w-]{43}', {
        entropy: 3.5
    }),
    prefixed('castai-api-key', 'CAST AI API key', ['castai_v1_'], 'castai_v1_[A-Za-z0-9]{64}_[A-Za-z0-9]{8}', { entropy: 3.5 }),
    kv('jfrog-api-token', 'JFrog Platform / Artifactory API key or identity token', ['jfrog', 'artifactory', 'bintray'], '(?:jfrog|artifactory|bintray)', 
    // Not the prefixed forms, which have their own rules.
    '(?!AKCp|cmVmd)(?:[A-Za-z0-9]{73}|[A-Za-z0-9]{64})', { severity: 'critical', entropy: 4 }),
    prefixed('sourcegraph-access-token', 'Sourcegraph access token', ['sgp_'], 'sgp_(?:(?:[a-f0-9]{16}|local)_)?[a-f0-9]{40}', { entropy: 3 }),
    kv('sonar-legacy-token', 'SonarQube / SonarCloud token (unprefixed format)', ['sonar'], 'sonar[\\w.-]{0,15}(?:login|token)', '[a-f0-9]{40}', { entropy: 3 }),
    raw('gitlab-session-cookie', 'GitLab session cookie', ['_gitlab_session='], String.raw `_gitlab_session=([0-9a-z]{32})(?![0-9a-z])`, 'high', { entropy: 3 }),
    prefixed('intra42-client-secret', '42 Intra API client secret', ['s-s4t2'], 's-s4t2(?:ud|af)-[a-f0-9]{64}', { entropy: 3 }),
    prefixed('chieftools-token', 'Chief Tools personal access, access or refresh token', ['ctp_', 'cto_', 'ctr_'], 'ct[por]_[A-Za-z0-9]{30,248}', { entropy: 3.5 }),
    prefixed('settlemint-token', 'SettleMint application, personal or service access token', ['sm_aat_', 'sm_pat_', 'sm_sat_'], 'sm_(?:aat|pat|sat)_[A-Za-z0-9]{16}', { entropy: 3 }),
    prefixed('maxmind-license-key', 'MaxMind license key', ['_mmk'], '[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk', { entropy: 4 }),
    raw('nuget-config-password', 'Password in a NuGet.config packageSourceCredentials entry', ['key="cleartextpassword"', 'key="password"'], String.raw `<add[ \t]{1,5}key="(?:(?i:ClearTextPassword)|(?i:Password))"[ \t]{1,5}value="([^"\r\n]{8,512})"[ \t]{0,5}/?>`, 'high', { validate: 'not-placeholder-password', entropy: 2.5 }),
    raw('freemius-secret-key', 'Freemius SDK secret key', ['secret_key'], String.raw `['"]secret_key['"][ \t]{0,5}=>[ \t]{0,5}['"](sk_[!-&(-~]{29})['"]`, 'high', { path: '(?i)\\.php$', entropy: 3 }),
    raw('curl-auth-header', 'API key or token passed to curl in a request header', ['curl'], String.raw `\bcurl\b[^\n]{0,300}?[ \t](?:-H|--header)[ \t=]{1,3}['"](?i:x-api-key|api-key|apikey|x-auth-token|x-access-token|private-token|x-token|authorization:[ \t]{0,3}token)[ \t]{0,3}:?[ \t]{0,5}([A-Za-z0-9._~+/=-]{16,512})['"]`, 'high', { entropy: 3.5, generic: true })
];
const saas = [
    prefixed('adobe-client-secret', 'Adobe OAuth client secret', ['p8e-'], 'p8e-[A-Za-z0-9]{32}', {
        entropy: 3
    }),
    kv('adafruit-api-key', 'Adafruit IO key (unprefixed format)', ['adafruit'], 'adafruit', '(?!aio_)[A-Za-z0-9_-]{32}', { entropy: 3.5 }),
    kv('airtable-legacy-api-key', 'Airtable API key (legacy key… format)', ['airtable'], 'airtable', 'key[A-Za-z0-9]{14}', { entropy: 3 }),
    kv('asana-client-secret', 'Asana OAuth client secret', ['asana'], 'asana[\\w.-]{0,15}secret', '[A-Za-z0-9]{32}', { entropy: 3.5 }),
    prefixed('authress-service-client-key', 'Authress service client access key', ['.acc_', '.acc-'], '(?:sc|ext|scauth|authress)_[A-Za-z0-9]{5,30}\\.[A-Za-z0-9]{4,6}\\.acc[_-][A-Za-z0-9-]{10,32}\\.[A-Za-z0-9+/_=-]{30,120}', { entropy: 3 }),
    kv('beamer-api-token', 'Beamer API token', ['beamer'], 'beamer', 'b_[A-Za-z0-9_=-]{44}', {
        entropy: 3.5
    }),
    kv('bittrex-api-key', 'Bittrex API key or secret', ['bittrex'], 'bittrex', '[A-Za-z0-9]{32}', {
        entropy: 3.5
    }),
    kv('cisco-meraki-api-key', 'Cisco Meraki API key', ['meraki'], 'meraki', '[a-f0-9]{40}', {
        entropy: 3
    }),
    kv('coinbase-access-token', 'Coinbase access token', ['coinbase'], 'coinbase', '[A-Za-z0-9_-]{64}', { entropy: 3.5 }),
    kv('contentful-delivery-token', 'Contentful delivery / preview API token', ['contentful'], 'contentful', '(?!CFPAT-)[A-Za-z0-9_-]{43}', { entropy: 3.5 }),
    kv('discord-client-secret', 'Discord OAuth client secret', ['discord'], 'discord[\\w.-]{0,15}secret', '[A-Za-z0-9_-]{32}', { entropy: 3.5 }),
    kv('dropbox-long-lived-token', 'Dropbox long-lived access token', ['dropbox'], 'dropbox', 
    // The run of ten A's is part of the format; the secret reported is the random tail.
    '[A-Za-z0-9]{11}AAAAAAAAAA([A-Za-z0-9_=-]{43})', { entropy: 3.5, secretGroup: 2 }),
    kv('dropbox-app-secret', 'Dropbox app secret', ['dropbox'], 'dropbox[\\w.-]{0,10}secret', '[a-z0-9]{15}', { entropy: 3 }),
    prefixed('duffel-api-token', 'Duffel API token', ['duffel_'], 'duffel_(?:test|live)_[A-Za-z0-9_=-]{43}', { entropy: 3.5 }),
    kv('etsy-api-key', 'Etsy API key', ['etsy'], 'etsy', '[a-z0-9]{24}', { entropy: 3 }),
    kv('facebook-app-access-token', 'Facebook / Meta app access token (app-id|secret)', ['facebook', 'fb_'], '(?:facebook|fb_)', '\\d{15,16}(?:\\||%7C)[A-Za-z0-9_-]{27,40}', { entropy: 3 }),
    kv('finicity-api-credential', 'Finicity API key or client secret', ['finicity'], 'finicity', '(?:[a-f0-9]{32}|[A-Za-z0-9]{20})', { entropy: 3 }),
    kv('finnhub-api-key', 'Finnhub API key', ['finnhub'], 'finnhub', '[A-Za-z0-9]{20}', {
        entropy: 3
    }),
    kv('flickr-api-key', 'Flickr API key or secret', ['flickr'], 'flickr', '(?:[a-f0-9]{32}|[a-f0-9]{16})', { entropy: 2.5 }),
    prefixed('flutterwave-encryption-key', 'Flutterwave encryption key', ['flwseck'], 'FLWSECK(?:_TEST)?-?[a-f0-9]{12}', { entropy: 3 }),
    kv('freshbooks-access-token', 'FreshBooks access token', ['freshbooks'], 'freshbooks', '[A-Za-z0-9]{64}', { entropy: 3.5 }),
    kv('gitter-access-token', 'Gitter access token', ['gitter'], 'gitter', '[A-Za-z0-9_-]{40}', {
        entropy: 3.5
    }),
    kv('hubspot-api-key', 'HubSpot API key (legacy hapikey)', ['hubspot', 'hapikey'], '(?:hubspot|hapikey)', UUID),
    kv('kraken-api-key', 'Kraken API key or secret', ['kraken'], 'kraken', '[A-Za-z0-9/=_+-]{80,90}', {
        entropy: 4
    }),
    kv('kucoin-api-credential', 'KuCoin API key or secret', ['kucoin'], 'kucoin', `(?:${UUID}|[a-f0-9]{24})`, { entropy: 3 }),
    kv('linear-client-secret', 'Linear OAuth client secret', ['linear'], 'linear[\\w.-]{0,15}secret', '[a-f0-9]{32}', { entropy: 3 }),
    kv('linkedin-client-secret', 'LinkedIn OAuth client secret', ['linkedin', 'linked_in', 'linked-in'], 'linked[_-]?in[\\w.-]{0,15}secret', '[A-Za-z0-9]{16}', { entropy: 3 }),
    kv('looker-client-secret', 'Looker API client secret', ['looker'], 'looker[\\w.-]{0,15}secret', '[A-Za-z0-9]{24}', { entropy: 3.5 }),
    kv('mattermost-access-token', 'Mattermost access token', ['mattermost'], 'mattermost', '[a-z0-9]{26}', { entropy: 3 }),
    kv('messagebird-api-key', 'MessageBird API key', ['messagebird', 'message_bird', 'message-bird'], 'message[_-]?bird', '[A-Za-z0-9]{25}', { entropy: 3.5 }),
    kv('nytimes-api-key', 'New York Times API key', ['nytimes', 'newyorktimes', 'new_york_times', 'new-york-times'], '(?:nytimes|new[_-]?york[_-]?times)', '[A-Za-z0-9_=-]{32}', { entropy: 3.5 }),
    kv('plaid-secret-key', 'Plaid API secret', ['plaid'], 'plaid[\\w.-]{0,15}secret', '[a-z0-9]{30}', { entropy: 3.5 }),
    kv('privateai-api-token', 'Private AI API key', ['privateai', 'private_ai', 'private-ai'], 'private[_-]?ai', '[a-z0-9]{32}', { entropy: 3 }),
    kv('sendbird-api-token', 'Sendbird API token', ['sendbird'], 'sendbird', '[a-f0-9]{40}', {
        entropy: 3
    }),
    kv('sentry-legacy-token', 'Sentry auth token (unprefixed format)', ['sentry'], 'sentry', '[a-f0-9]{64}', { entropy: 3 }),
    kv('squarespace-api-key', 'Squarespace API key', ['squarespace'], 'squarespace', UUID),
    kv('twitch-api-token', 'Twitch API token', ['twitch'], 'twitch', '[a-z0-9]{30}', {
        entropy: 3.5
    }),
    kv('twitter-access-token', 'Twitter / X OAuth 1.0a access token', ['twitter'], 'twitter', '\\d{15,25}-[A-Za-z0-9]{20,40}', { entropy: 3.5 }),
    kv('twitter-api-secret', 'Twitter / X API key, API secret or access token secret', ['twitter'], 'twitter', '(?:[A-Za-z0-9]{50}|[A-Za-z0-9]{45}|[A-Za-z0-9]{25})', { entropy: 3.5 }),
    kv('wandb-api-key', 'Weights & Biases API key', ['wandb'], 'wandb', '(?:[a-f0-9]{40}|[A-Za-z0-9_-]{86})', { entropy: 3 }),
    prefixed('rootly-api-key', 'Rootly API key', ['rootly_'], 'rootly_[a-f0-9]{64}', {
        entropy: 3
    }),
    prefixed('wakatime-api-key', 'WakaTime API key', ['waka_'], `waka_${UUID}`),
    prefixed('onfido-api-token', 'Onfido API token', ['api_live', 'api_sandbox'], 'api_(?:live|sandbox)(?:_[a-z]{2})?\\.[A-Za-z0-9_-]{11}\\.[A-Za-z0-9_-]{32}', { entropy: 3.5 }),
    prefixed('pinecone-api-key', 'Pinecone API key', ['pcsk_'], 'pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{50,80}', { entropy: 4 }),
    prefixed('samsara-api-token', 'Samsara API token', ['samsara_api_'], 'samsara_api_[A-Za-z0-9]{30}', { entropy: 3.5 }),
    prefixed('posthog-personal-api-key', 'PostHog personal API key', ['phx_'], 'phx_[A-Za-z0-9]{30,60}', { entropy: 3.5 }),
    prefixed('langfuse-secret-key', 'Langfuse secret key', ['sk-lf-'], `sk-lf-${UUID}`),
    prefixed('persona-api-key', 'Persona API key', ['persona_production_', 'persona_sandbox_'], `persona_(?:production|sandbox)_${UUID}`),
    prefixed('anthropic-oauth-token', 'Anthropic OAuth access / refresh token (Claude Code)', ['sk-ant-oat01-', 'sk-ant-ort01-'], 'sk-ant-o(?:at|rt)01-[\\w-]{80,120}', { severity: 'critical', entropy: 4 }),
    prefixed('slack-legacy-bot-token', 'Slack legacy bot token', ['xoxb-'], 'xoxb-[0-9]{8,14}-[A-Za-z0-9]{18,26}', { severity: 'critical', entropy: 3 }),
    prefixed('jwt-base64', 'Base64-encoded JSON Web Token', ['zxlk'], `ZXlK[${B64}]{40,8000}={0,2}`, {
        severity: 'medium',
        validate: 'jwt-base64'
    })
];
const registriesAndMore = [
    prefixed('crates-io-api-token', 'crates.io API token', ['cio'], 'cio[A-Za-z0-9]{32}', {
        severity: 'critical',
        entropy: 3.5
    }),
    prefixed('neon-api-key', 'Neon API key', ['napi_'], 'napi_[a-z0-9]{40,80}', { entropy: 3.5 }),
    prefixed('adyen-api-key', 'Adyen API key', ['aqe'], 'AQE[A-Za-z0-9]{5,}\\.[A-Za-z0-9_=-]{50,80}', { severity: 'critical', entropy: 3.5 }),
    kv('razorpay-key-secret', 'Razorpay key secret', ['razorpay'], 'razorpay[\\w.-]{0,15}secret', '[A-Za-z0-9]{24}', { entropy: 3.5 }),
    kv('binance-api-credential', 'Binance API key or secret', ['binance'], 'binance', '[A-Za-z0-9]{64}', { entropy: 4 })
];
const EXTRA_RULES = [...cloud, ...saas, ...registriesAndMore];

;// CONCATENATED MODULE: ./packages/secrets/src/rules/builtin.ts
/**
 * The built-in rules. Regexes use ASCII classes and bounded repetition only (no nested
 * quantifiers), and every rule has keywords so it runs only near them.
 */


/** A `kind: Secret` line (YAML, at the start of a line). */
const K8S_KIND = String.raw `kind:[ \t]{0,3}['"]?Secret['"]?[ \t]*\r?`;
// Kubernetes objects as JSON (`kubectl get secret -o json`, a `kind: List` of items): bounded
// pieces that match balanced JSON values up to three levels deep, so a lookaround never leaves
// the object it started in.
const J_STR = String.raw `"(?:[^"\\\n]|\\.){0,4096}"`;
const J_O1 = String.raw `\{[^{}]{0,8000}\}`;
const J_O2 = String.raw `\{(?:[^{}]|${J_O1}){0,8000}\}`;
const J_O3 = String.raw `\{(?:[^{}]|${J_O2}){0,8000}\}`;
const J_VALUE = String.raw `(?:${J_STR}|${J_O3}|\[(?:[^\[\]{}]|${J_O2}){0,8000}\]|true|false|null|-?[0-9][0-9.eE+-]{0,30})`;
const J_SEP = String.raw `\s{0,200},\s{0,200}`;
const J_COLON = String.raw `\s{0,200}:\s{0,200}`;
const J_MEMBER = String.raw `${J_STR}${J_COLON}${J_VALUE}`;
const J_MEMBERS = String.raw `(?:${J_MEMBER}${J_SEP}){0,30}`;
const J_ENTRY = String.raw `${J_STR}${J_COLON}${J_STR}`;
/** From a data object's opening to the entry being matched (lookbehind). */
const J_DATA_OPEN = String.raw `"(?:data|stringData)"${J_COLON}\{\s{0,200}(?:${J_ENTRY}${J_SEP}){0,200}`;
/** From the entry being matched to the data object's end (lookahead). */
const J_DATA_REST = String.raw `${J_ENTRY}(?:${J_SEP}${J_ENTRY}){0,200}\s{0,200}\}`;
const J_KIND = String.raw `"kind"${J_COLON}"Secret"`;
const J_LIST_KIND = String.raw `"kind"${J_COLON}"SecretList"`;
const PEM_BODY = String.raw `(?:[ \t]*(?:\r?\n|(?:\\r)?\\n)[ \t"',+]*|[ \t])[A-Za-z0-9+/=:,\s\\"'-]{40,12000}?`;
function pem(id, description, label, keyword) {
    return raw(id, description, [keyword], `-----BEGIN ${label}-----${PEM_BODY}-----END ${label}-----`, 'critical', { span: 16384, tags: ['private-key'] });
}
const builtin_cloud = [
    prefixed('aws-access-key-id', 'AWS access key ID', ['akia', 'asia', 'abia', 'acca', 'a3t'], '(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}', { severity: 'high', entropy: 3 }),
    kv('aws-secret-access-key', 'AWS secret access key', ['aws', 'secret_access_key', 'secretaccesskey'], '(?:aws[\\w.-]{0,20}secret|secret_?access_?key)', '[A-Za-z0-9/+]{40}', { severity: 'critical', entropy: 4 }),
    kv('aws-session-token', 'AWS session token', ['session_token', 'sessiontoken', 'security_token'], '(?:aws[\\w.-]{0,10})?(?:session_?token|security_?token)', '[A-Za-z0-9/+]{100,1000}={0,2}', { severity: 'high', entropy: 4 }),
    prefixed('aws-mws-key', 'Amazon MWS auth token', ['amzn.mws'], `amzn\\.mws\\.${UUID}`, {
        severity: 'high'
    }),
    prefixed('aws-bedrock-api-key', 'Amazon Bedrock API key', ['absk'], 'ABSK[A-Za-z0-9+/]{109,269}={0,2}', {
        entropy: 4
    }),
    prefixed('gcp-api-key', 'Google Cloud / Firebase API key', ['aiza'], 'AIza[0-9A-Za-z_-]{35}', {
        entropy: 3.5
    }),
    raw('gcp-service-account-key', 'Google Cloud service account private key id', ['private_key_id'], String.raw `"private_key_id"\s{0,3}:\s{0,3}"([a-f0-9]{40})"`, 'critical'),
    prefixed('gcp-oauth-client-secret', 'Google OAuth client secret', ['gocspx-'], 'GOCSPX-[A-Za-z0-9_-]{28}', { entropy: 3.5 }),
    prefixed('google-oauth-access-token', 'Google OAuth access token', ['ya29.'], 'ya29\\.[0-9A-Za-z_-]{30,1000}', {
        entropy: 3.5
    }),
    raw('google-oauth-refresh-token', 'Google OAuth refresh token', ['1//0'], String.raw `(?<![A-Za-z0-9_/])(1//0[0-9A-Za-z_-]{40,200})(?![A-Za-z0-9_-])`, 'high', { entropy: 3.5 }),
    raw('azure-storage-connection-string', 'Azure Storage connection string with account key', ['accountkey='], String.raw `(?i:AccountName)=[a-z0-9]{3,24};\s{0,2}(?i:AccountKey)=([A-Za-z0-9+/]{86}==)`, 'critical'),
    kv('azure-storage-account-key', 'Azure Storage account key', ['accountkey', 'storage_key', 'storagekey', 'storage_account_key'], '(?:account_?key|storage_?(?:account_?)?key)', '[A-Za-z0-9+/]{86}==', { severity: 'critical', entropy: 4 }),
    raw('azure-sas-token', 'Azure shared access signature', ['sig='], String.raw `(?<![A-Za-z0-9_])sv=\d{4}-\d{2}-\d{2}&[A-Za-z0-9=&%:.,_-]{0,300}?\bsig=([A-Za-z0-9%+/]{40,64}(?:%3D|=)?)`, 'high', { entropy: 3.5 }),
    raw('azure-ad-client-secret', 'Azure AD (Entra ID) client secret', ['q~'], String.raw `(?<![A-Za-z0-9_~.-])([a-zA-Z0-9_~.]{3}\dQ~[a-zA-Z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])`, 'critical', { entropy: 3.5 }),
    raw('azure-service-bus-connection-string', 'Azure Service Bus / Event Hubs connection string', ['sharedaccesskey='], String.raw `Endpoint=sb://[a-zA-Z0-9.-]{1,120}/?;\s{0,2}SharedAccessKeyName=[^;\s]{1,256};\s{0,2}SharedAccessKey=([A-Za-z0-9+/]{43}=)`, 'critical'),
    raw('azure-cosmosdb-connection-string', 'Azure Cosmos DB connection string', ['accountendpoint='], String.raw `AccountEndpoint=https://[a-zA-Z0-9.-]{1,120}(?::\d{1,5})?/?;\s{0,2}AccountKey=([A-Za-z0-9+/]{86}==)`, 'critical'),
    raw('azure-app-configuration-connection-string', 'Azure App Configuration connection string', ['azconfig.io'], String.raw `Endpoint=https://[a-zA-Z0-9-]{1,80}\.azconfig\.io;\s{0,2}Id=[^;\s]{1,64};\s{0,2}Secret=([A-Za-z0-9+/]{40,60}={0,2})`, 'critical'),
    raw('azure-signalr-connection-string', 'Azure SignalR / Web PubSub connection string', ['accesskey='], String.raw `Endpoint=https://[a-zA-Z0-9.-]{1,120};\s{0,2}AccessKey=([A-Za-z0-9+/]{43}=)`, 'critical'),
    kv('azure-devops-pat', 'Azure DevOps personal access token (legacy format)', ['azure_devops', 'azuredevops', 'ado_pat', 'vsts', 'azdo'], '(?:azure_?devops|ado_pat|vsts|azdo)', '[a-z2-7]{52}', { entropy: 3.5 }),
    prefixed('azure-devops-pat-v2', 'Azure DevOps personal access token', ['azdo'], '[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}', { entropy: 3.5 }),
    kv('azure-apim-subscription-key', 'Azure API Management subscription key', ['ocp-apim-subscription-key'], 'ocp-apim-subscription-key', '[a-f0-9]{32}'),
    kv('azure-openai-api-key', 'Azure OpenAI API key', ['azure_openai', 'azureopenai'], 'azure_?openai', '[a-f0-9]{32}'),
    prefixed('alibaba-access-key-id', 'Alibaba Cloud AccessKey ID', ['ltai'], 'LTAI[A-Za-z0-9]{20}', {
        entropy: 3
    }),
    kv('alibaba-secret-key', 'Alibaba Cloud AccessKey secret', ['alibaba', 'aliyun', 'alicloud'], '(?:alibaba|aliyun|alicloud)', '[A-Za-z0-9]{30}', { entropy: 3.5, severity: 'critical' }),
    prefixed('tencent-secret-id', 'Tencent Cloud SecretId', ['akid'], 'AKID[A-Za-z0-9]{32}', {
        entropy: 3.5
    }),
    prefixed('digitalocean-pat', 'DigitalOcean personal access token', ['dop_v1_'], 'dop_v1_[a-f0-9]{64}', {
        severity: 'critical'
    }),
    prefixed('digitalocean-oauth-token', 'DigitalOcean OAuth access token', ['doo_v1_'], 'doo_v1_[a-f0-9]{64}'),
    prefixed('digitalocean-refresh-token', 'DigitalOcean OAuth refresh token', ['dor_v1_'], 'dor_v1_[a-f0-9]{64}'),
    kv('ibm-cloud-api-key', 'IBM Cloud API key', ['ibm', 'bluemix'], '(?:ibm|bluemix)', '[A-Za-z0-9_-]{44}', {
        entropy: 3.5
    }),
    kv('linode-api-token', 'Linode / Akamai API token', ['linode'], 'linode', '[a-f0-9]{64}'),
    kv('scaleway-secret-key', 'Scaleway secret key', ['scw_secret', 'scaleway'], '(?:scw_secret|scaleway)', UUID),
    kv('vultr-api-key', 'Vultr API key', ['vultr'], 'vultr', '[A-Z0-9]{36}', { entropy: 3.5 }),
    kv('hetzner-api-token', 'Hetzner Cloud API token', ['hcloud', 'hetzner'], '(?:hcloud|hetzner)', '[A-Za-z0-9]{64}', {
        entropy: 4
    }),
    kv('cloudflare-api-token', 'Cloudflare API token', ['cloudflare', 'cf_api'], '(?:cloudflare|cf_api)', '[A-Za-z0-9_-]{40}', { entropy: 3.5 }),
    kv('cloudflare-global-api-key', 'Cloudflare global API key', ['cloudflare'], 'cloudflare', '[a-f0-9]{37,45}'),
    prefixed('cloudflare-origin-ca-key', 'Cloudflare Origin CA key', ['v1.0-'], 'v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}'),
    kv('fastly-api-token', 'Fastly API token', ['fastly'], 'fastly', '[A-Za-z0-9_-]{32}', {
        entropy: 3.5
    }),
    prefixed('netlify-pat', 'Netlify personal access token', ['nfp_'], 'nfp_[A-Za-z0-9]{36}', {
        entropy: 3.5
    }),
    kv('netlify-access-token', 'Netlify access token', ['netlify'], 'netlify', '[A-Za-z0-9_-]{40,46}', {
        entropy: 3.5
    }),
    prefixed('vercel-token', 'Vercel access token', ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'], 'vc[pirak]_[A-Za-z0-9]{56}', { entropy: 3.5 }),
    kv('vercel-legacy-token', 'Vercel token (legacy format)', ['vercel'], 'vercel', '[A-Za-z0-9]{24}', {
        entropy: 3.5
    }),
    kv('heroku-api-key', 'Heroku API key', ['heroku'], 'heroku', UUID),
    prefixed('heroku-api-key-v2', 'Heroku API key (HRKU format)', ['hrku-aa'], 'HRKU-AA[0-9a-zA-Z_-]{58}', {
        entropy: 3.5
    }),
    prefixed('flyio-access-token', 'Fly.io access token', ['fo1_', 'fm1', 'fm2_'], '(?:fo1_[\\w-]{43}|fm[12][ar]?_[A-Za-z0-9+/]{100,}={0,3})', {
        entropy: 4
    }),
    prefixed('render-api-key', 'Render API key', ['rnd_'], 'rnd_[A-Za-z0-9]{32}', { entropy: 3.5 }),
    prefixed('supabase-access-token', 'Supabase personal access token', ['sbp_'], 'sbp_[a-f0-9]{40}'),
    prefixed('supabase-secret-key', 'Supabase secret API key', ['sb_secret_'], 'sb_secret_[A-Za-z0-9_-]{31,40}', {
        entropy: 3.5
    }),
    prefixed('planetscale-api-token', 'PlanetScale API token', ['pscale_tkn_'], 'pscale_tkn_[\\w.-]{32,64}', {
        entropy: 3.5
    }),
    prefixed('planetscale-password', 'PlanetScale database password', ['pscale_pw_'], 'pscale_pw_[\\w.-]{32,64}', {
        entropy: 3.5
    }),
    prefixed('planetscale-oauth-token', 'PlanetScale OAuth token', ['pscale_oauth_'], 'pscale_oauth_[\\w.-]{32,64}', { entropy: 3.5 }),
    prefixed('databricks-api-token', 'Databricks API token', ['dapi'], 'dapi[a-f0-9]{32}(?:-\\d)?', {
        entropy: 3
    }),
    prefixed('doppler-token', 'Doppler API token', ['dp.pt.', 'dp.st.', 'dp.ct.', 'dp.sa.', 'dp.scim.', 'dp.audit.'], 'dp\\.(?:pt|st|ct|sa|scim|audit)\\.[A-Za-z0-9]{40,44}', { entropy: 3.5 }),
    prefixed('hashicorp-vault-service-token', 'HashiCorp Vault service token', ['hvs.'], 'hvs\\.[A-Za-z0-9_-]{24,300}', { severity: 'critical', entropy: 3.5 }),
    prefixed('hashicorp-vault-batch-token', 'HashiCorp Vault batch token', ['hvb.'], 'hvb\\.[A-Za-z0-9_-]{138,300}', {
        entropy: 3.5
    }),
    kv('hashicorp-vault-legacy-token', 'HashiCorp Vault token (legacy s. format)', ['vault'], 'vault', 's\\.[A-Za-z0-9]{24}', { entropy: 3.5 }),
    prefixed('hashicorp-terraform-token', 'HashiCorp Terraform Cloud / Enterprise API token', ['atlasv1'], '[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}', { severity: 'critical', entropy: 3.5 }),
    kv('hashicorp-hcp-client-secret', 'HashiCorp Cloud Platform client secret', ['hcp_client_secret'], 'hcp_client_secret', '[A-Za-z0-9_-]{64}', { entropy: 3.5 }),
    prefixed('pulumi-access-token', 'Pulumi access token', ['pul-'], 'pul-[a-f0-9]{40}'),
    prefixed('onepassword-service-account-token', '1Password service account token', ['ops_eyj'], 'ops_eyJ[a-zA-Z0-9+/]{250,}={0,3}', { entropy: 4 }),
    prefixed('onepassword-secret-key', '1Password account secret key', ['a3-'], 'A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}', { entropy: 3.5 }),
    prefixed('age-secret-key', 'age encryption secret key', ['age-secret-key-1'], 'AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}', { severity: 'critical' }),
    kv('consul-acl-token', 'HashiCorp Consul ACL token', ['consul'], 'consul[\\w.-]{0,10}token', UUID),
    kv('snowflake-password', 'Snowflake account password', ['snowflake'], 'snowflake[\\w.-]{0,10}pass(?:word)?', '[^\\s\'"`]{8,64}', {
        entropy: 3
    }),
    kv('confluent-api-secret', 'Confluent Cloud API secret', ['confluent'], 'confluent[\\w.-]{0,15}secret', '[A-Za-z0-9+/]{64}', { entropy: 4 }),
    prefixed('yandex-api-key', 'Yandex Cloud API key', ['aqvn'], 'AQVN[A-Za-z0-9_-]{35,38}', {
        entropy: 3.5
    }),
    prefixed('yandex-iam-token', 'Yandex Cloud IAM token', ['t1.'], 't1\\.[A-Z0-9a-z_-]+={0,2}\\.[A-Z0-9a-z_-]{86}={0,2}', {
        entropy: 3.5
    }),
    kv('yandex-access-key', 'Yandex Cloud static access key secret', ['yandex'], 'yandex', 'YC[a-zA-Z0-9_-]{38}', {
        entropy: 3.5
    })
];
const ghBody = '[A-Za-z0-9]{36}';
/**
 * GitLab token body: the legacy 20 characters, or a routable token's base64url payload followed by
 * `.<payload length><crc32>` (9 base36 characters), optionally after a `.<version>` segment.
 */
const glBody = '[\\w-]{20,300}(?:(?:\\.[0-9a-z]{2})?\\.[0-9a-z]{9})?';
const codeHosts = [
    prefixed('github-pat', 'GitHub personal access token (classic)', ['ghp_'], `ghp_${ghBody}`, {
        severity: 'critical',
        validate: 'github-checksum'
    }),
    prefixed('github-oauth-token', 'GitHub OAuth access token', ['gho_'], `gho_${ghBody}`, {
        severity: 'critical',
        validate: 'github-checksum'
    }),
    prefixed('github-user-to-server-token', 'GitHub App user-to-server token', ['ghu_'], `ghu_${ghBody}`, {
        severity: 'critical',
        validate: 'github-checksum'
    }),
    prefixed('github-app-installation-token', 'GitHub App installation (server-to-server) token', ['ghs_'], `ghs_${ghBody}`, {
        severity: 'critical',
        validate: 'github-checksum'
    }),
    prefixed('github-refresh-token', 'GitHub App refresh token', ['ghr_'], 'ghr_[A-Za-z0-9]{36,76}', {
        severity: 'critical',
        validate: 'github-checksum'
    }),
    prefixed('github-fine-grained-pat', 'GitHub fine-grained personal access token', ['github_pat_'], 'github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}', { severity: 'critical', entropy: 4 }),
    kv('github-oauth-client-secret', 'GitHub OAuth app client secret', ['github'], 'github[\\w.-]{0,15}(?:client_?secret|secret)', '[a-f0-9]{40}', { entropy: 3.2 }),
    prefixed('gitlab-pat', 'GitLab personal access token', ['glpat-'], `glpat-${glBody}`, {
        severity: 'critical',
        entropy: 3
    }),
    prefixed('gitlab-pipeline-trigger-token', 'GitLab pipeline trigger token', ['glptt-'], 'glptt-[0-9a-f]{40}'),
    prefixed('gitlab-runner-registration-token', 'GitLab runner registration token', ['gr1348941'], 'GR1348941[\\w-]{20}', { entropy: 3 }),
    prefixed('gitlab-runner-auth-token', 'GitLab runner authentication token', ['glrt-'], `glrt-${glBody}`, {
        entropy: 3
    }),
    prefixed('gitlab-deploy-token', 'GitLab deploy token', ['gldt-'], `gldt-${glBody}`, {
        entropy: 3
    }),
    prefixed('gitlab-feed-token', 'GitLab feed token', ['glft-'], `glft-${glBody}`, { entropy: 3 }),
    prefixed('gitlab-oauth-app-secret', 'GitLab OAuth application secret', ['gloas-'], 'gloas-[\\w-]{64}', {
        entropy: 3.5
    }),
    prefixed('gitlab-scim-token', 'GitLab SCIM token', ['glsoat-'], `glsoat-${glBody}`, {
        entropy: 3
    }),
    prefixed('gitlab-incoming-mail-token', 'GitLab incoming mail token', ['glimt-'], 'glimt-[\\w-]{25}', {
        entropy: 3
    }),
    prefixed('gitlab-agent-token', 'GitLab agent for Kubernetes token', ['glagent-'], 'glagent-[\\w-]{50}', {
        entropy: 3.5
    }),
    prefixed('gitlab-feature-flag-token', 'GitLab feature flag client token', ['glffct-'], `glffct-${glBody}`, {
        entropy: 3
    }),
    prefixed('gitlab-cicd-job-token', 'GitLab CI/CD job token', ['glcbt-'], 'glcbt-[0-9a-zA-Z]{1,5}_[\\w-]{20}', {
        entropy: 3
    }),
    kv('bitbucket-client-secret', 'Bitbucket OAuth client secret', ['bitbucket'], 'bitbucket[\\w.-]{0,15}secret', '[A-Za-z0-9_=-]{64}', { entropy: 3.5 }),
    prefixed('bitbucket-app-password', 'Bitbucket app password', ['atbb'], 'ATBB[A-Za-z0-9_=.-]{32}', {
        entropy: 3.5
    }),
    prefixed('atlassian-api-token', 'Atlassian (Jira, Confluence) API token', ['atatt3'], 'ATATT3[A-Za-z0-9_=-]{180,200}', { entropy: 4 }),
    kv('atlassian-legacy-api-token', 'Atlassian API token (legacy format)', ['atlassian', 'confluence', 'jira'], '(?:atlassian|confluence|jira)[\\w.-]{0,10}(?:token|api_?key)', '[A-Za-z0-9]{24}', { entropy: 3.5 }),
    prefixed('npm-access-token', 'npm access token', ['npm_'], 'npm_[A-Za-z0-9]{36}', {
        severity: 'critical',
        validate: 'npm-checksum'
    }),
    raw('npmrc-auth-token', 'npm registry auth token in .npmrc', ['_authtoken'], String.raw `_authToken[ \t]{0,3}=[ \t]{0,3}['"]?([A-Za-z0-9_.+/=-]{20,300})['"]?(?![A-Za-z0-9_.+/=-])`, 'high', { entropy: 3.5 }),
    raw('npmrc-basic-auth', 'npm registry basic auth (_auth) in .npmrc', ['_auth'], String.raw `(?:^|[\s:])_auth[ \t]{0,3}=[ \t]{0,3}['"]?([A-Za-z0-9+/]{8,300}={0,2})['"]?(?![A-Za-z0-9+/=])`, 'high', { validate: 'basic-auth-base64', flags: 'm' }),
    prefixed('pypi-upload-token', 'PyPI / TestPyPI upload token', ['pypi-ageichlwas5vcmc', 'pypi-agendgvzdc5wexbplm9yzw'], 
    // A macaroon whose location is pypi.org or test.pypi.org.
    'pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,1000}', {
        severity: 'critical'
    }),
    prefixed('rubygems-api-key', 'RubyGems API key', ['rubygems_'], 'rubygems_[a-f0-9]{48}', {
        severity: 'critical'
    }),
    prefixed('nuget-api-key', 'NuGet API key', ['oy2'], 'oy2[a-z0-9]{43}', { entropy: 3.5 }),
    prefixed('dockerhub-pat', 'Docker Hub personal access token', ['dckr_pat_'], 'dckr_pat_[A-Za-z0-9_-]{27,40}', {
        severity: 'critical',
        entropy: 3
    }),
    prefixed('dockerhub-oat', 'Docker Hub organization access token', ['dckr_oat_'], 'dckr_oat_[A-Za-z0-9_-]{27,40}', {
        entropy: 3
    }),
    raw('docker-config-auth', 'Docker config.json registry credentials (auths.*.auth)', ['"auth"'], String.raw `"auth"\s{0,3}:\s{0,3}"([A-Za-z0-9+/]{8,1000}={0,2})"`, 'critical', { validate: 'docker-auth' }),
    prefixed('artifactory-api-key', 'JFrog Artifactory API key', ['akcp'], 'AKCp[A-Za-z0-9]{69}', {
        entropy: 4
    }),
    prefixed('artifactory-reference-token', 'JFrog Artifactory reference token', ['cmvmdgtu'], 'cmVmdGtu[A-Za-z0-9]{56}', { entropy: 4 }),
    prefixed('sonarqube-token', 'SonarQube / SonarCloud token', ['sqp_', 'squ_', 'sqa_'], 'sq[pua]_[a-f0-9]{40}'),
    kv('codecov-token', 'Codecov upload / API token', ['codecov'], 'codecov', `(?:${UUID}|[a-f0-9]{32})`),
    prefixed('circleci-pat', 'CircleCI personal API token', ['ccipat_'], 'CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40}'),
    kv('circleci-token', 'CircleCI API token (legacy format)', ['circle'], 'circle(?:ci)?[\\w.-]{0,10}token', '[a-f0-9]{40}'),
    kv('travis-ci-token', 'Travis CI access token', ['travis'], 'travis', '[A-Za-z0-9_-]{22}', {
        entropy: 3.5
    }),
    prefixed('buildkite-token', 'Buildkite API access token', ['bkua_'], 'bkua_[a-f0-9]{40}'),
    kv('drone-ci-token', 'Drone CI access token', ['drone'], 'drone', '[A-Za-z0-9]{32}', {
        entropy: 3.5
    }),
    prefixed('octopus-deploy-api-key', 'Octopus Deploy API key', ['api-'], 'API-[A-Z0-9]{26,32}', {
        entropy: 3.5
    }),
    kv('snyk-api-token', 'Snyk API token', ['snyk'], 'snyk', UUID),
    kv('jenkins-api-token', 'Jenkins API token', ['jenkins'], 'jenkins[\\w.-]{0,10}(?:token|api_?key)', '[a-f0-9]{34}'),
    prefixed('harness-api-key', 'Harness API key', ['pat.', 'sat.'], '(?:pat|sat)\\.[A-Za-z0-9_-]{22}\\.[0-9a-f]{24}\\.[A-Za-z0-9]{20}', { entropy: 3.5 }),
    prefixed('grafana-api-key', 'Grafana API key', ['eyjrijoi'], 'eyJrIjoi[A-Za-z0-9+/]{70,400}={0,2}', {
        entropy: 4
    }),
    prefixed('grafana-cloud-api-token', 'Grafana Cloud API token', ['glc_'], 'glc_[A-Za-z0-9+/]{32,400}={0,2}', {
        entropy: 4
    }),
    prefixed('grafana-service-account-token', 'Grafana service account token', ['glsa_'], 'glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}', { entropy: 3.5 }),
    prefixed('postman-api-key', 'Postman API key', ['pmak-'], 'PMAK-[a-f0-9]{24}-[a-f0-9]{34}'),
    prefixed('tailscale-key', 'Tailscale API / auth key', ['tskey-'], 'tskey-(?:(?:api|auth|client|webhook|scim)-)?[A-Za-z0-9]{5,20}-[A-Za-z0-9]{20,60}', { entropy: 3.5 }),
    kv('ngrok-auth-token', 'ngrok auth token', ['ngrok'], 'ngrok', '[0-9A-Za-z]{20,30}_[0-9A-Za-z]{17,25}', {
        entropy: 3.5
    }),
    prefixed('clojars-token', 'Clojars deploy token', ['clojars_'], 'CLOJARS_[a-z0-9]{60}', {
        entropy: 3.5
    }),
    prefixed('prefect-api-key', 'Prefect API key', ['pnu_'], 'pnu_[A-Za-z0-9]{36}', { entropy: 3.5 }),
    prefixed('readme-api-key', 'ReadMe API key', ['rdme_'], 'rdme_[a-z0-9]{70}', { entropy: 3.5 }),
    prefixed('scalingo-api-token', 'Scalingo API token', ['tk-us-'], 'tk-us-[\\w-]{48}', {
        entropy: 3.5
    }),
    raw('sidekiq-enterprise-credentials', 'Sidekiq Enterprise / Pro gem server credentials', ['contribsys'], String.raw `(?i:BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM)[ \t]{0,3}[=:][ \t]{0,3}['"]?([a-f0-9]{8}:[a-f0-9]{8})(?![a-f0-9])`, 'high'),
    kv('kubeconfig-client-key-data', 'Kubernetes kubeconfig client key', ['client-key-data'], 'client-key-data', '[A-Za-z0-9+/]{100,20000}={0,2}', { severity: 'critical', entropy: 4 })
];
const builtin_saas = [
    prefixed('slack-bot-token', 'Slack bot token', ['xoxb-'], 'xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24,34}', { severity: 'critical' }),
    prefixed('slack-user-token', 'Slack user token', ['xoxp-', 'xoxe-'], 'xox[pe](?:-[0-9]{10,13}){3}-[a-zA-Z0-9-]{28,34}', { severity: 'critical' }),
    prefixed('slack-app-token', 'Slack app-level token', ['xapp-'], 'xapp-\\d-[A-Z0-9]{9,13}-\\d{10,13}-[a-z0-9]{64}', {
        severity: 'critical'
    }),
    prefixed('slack-config-access-token', 'Slack configuration access token', ['xoxe.xox'], 'xoxe\\.xox[bp]-\\d-[A-Za-z0-9]{163,166}'),
    prefixed('slack-config-refresh-token', 'Slack configuration refresh token', ['xoxe-'], 'xoxe-\\d-[A-Za-z0-9]{146}'),
    prefixed('slack-legacy-token', 'Slack legacy / workspace token', ['xoxo-', 'xoxs-', 'xoxa-', 'xoxr-'], 'xox[osar]-\\d{1,13}(?:-\\d{1,13}){1,3}-[a-zA-Z0-9]{10,64}', { entropy: 3 }),
    raw('slack-webhook-url', 'Slack incoming webhook URL', ['hooks.slack.com'], String.raw `(hooks\.slack\.com/(?:services|workflows|triggers)/T[A-Z0-9]{8,12}(?:/[A-Za-z0-9]{8,24}){1,2}/[A-Za-z0-9]{20,64})`, 'high'),
    raw('discord-webhook-url', 'Discord webhook URL', ['discord'], String.raw `(discord(?:app)?\.com/api/webhooks/\d{17,20}/[\w-]{60,70})`, 'high'),
    kv('discord-bot-token', 'Discord bot token', ['discord'], 'discord', '[MNO][A-Za-z\\d_-]{23,25}\\.[\\w-]{6}\\.[\\w-]{27,38}', { entropy: 3.5 }),
    raw('telegram-bot-token', 'Telegram bot API token', [':aa'], String.raw `(?<![0-9A-Za-z_-])(\d{6,12}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])`, 'high', { entropy: 3.5 }),
    raw('microsoft-teams-webhook', 'Microsoft Teams incoming webhook URL', ['webhook.office.com'], String.raw `(https://[a-z0-9-]{1,60}\.webhook\.office\.com/webhookb2/${UUID}@${UUID}/IncomingWebhook/[a-f0-9]{32}/${UUID}(?:/[\w-]{10,60})?)`, 'high'),
    prefixed('stripe-live-secret-key', 'Stripe live secret / restricted key', ['sk_live_', 'rk_live_'], '[sr]k_live_[A-Za-z0-9]{24,247}', {
        severity: 'critical',
        entropy: 3
    }),
    prefixed('stripe-test-secret-key', 'Stripe test-mode secret key', ['sk_test_', 'rk_test_'], '[sr]k_test_[A-Za-z0-9]{24,247}', {
        severity: 'low',
        entropy: 3
    }),
    prefixed('stripe-webhook-secret', 'Stripe webhook signing secret', ['whsec_'], 'whsec_[A-Za-z0-9+/]{32,64}', {
        entropy: 3.5
    }),
    kv('twilio-api-key', 'Twilio API key or account SID', ['twilio'], 'twilio', '(?:SK|AC)[0-9a-fA-F]{32}'),
    kv('twilio-auth-token', 'Twilio auth token', ['twilio'], 'twilio[\\w.-]{0,10}(?:auth|token|secret)', '[a-f0-9]{32}'),
    prefixed('sendgrid-api-key', 'SendGrid API key', ['sg.'], 'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}', { entropy: 3.5 }),
    kv('mailgun-private-api-key', 'Mailgun private API key', ['mailgun'], 'mailgun', 'key-[a-f0-9]{32}'),
    kv('mailgun-public-key', 'Mailgun public validation key', ['mailgun'], 'mailgun', 'pubkey-[a-f0-9]{32}'),
    kv('mailgun-webhook-signing-key', 'Mailgun webhook signing key', ['mailgun'], 'mailgun', '[a-h0-9]{32}-[a-h0-9]{8}-[a-h0-9]{8}'),
    prefixed('mailchimp-api-key', 'Mailchimp API key', ['-us'], '[a-f0-9]{32}-us\\d{1,2}', {
        entropy: 3
    }),
    kv('mandrill-api-key', 'Mandrill API key', ['mandrill'], 'mandrill', '[A-Za-z0-9_-]{22}', {
        entropy: 3.5
    }),
    kv('postmark-server-token', 'Postmark server token', ['postmark'], 'postmark', UUID),
    prefixed('brevo-api-key', 'Brevo (Sendinblue) API key', ['xkeysib-'], 'xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}'),
    prefixed('mailersend-api-token', 'MailerSend API token', ['mlsn.'], 'mlsn\\.[a-f0-9]{64}'),
    prefixed('resend-api-key', 'Resend API key', ['re_'], 're_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}', {
        entropy: 3.5
    }),
    kv('mailjet-api-key', 'Mailjet API key', ['mailjet'], 'mailjet', '[a-f0-9]{32}'),
    prefixed('shopify-access-token', 'Shopify access token', ['shpat_'], 'shpat_[a-fA-F0-9]{32}', {
        severity: 'critical'
    }),
    prefixed('shopify-custom-app-token', 'Shopify custom app access token', ['shpca_'], 'shpca_[a-fA-F0-9]{32}'),
    prefixed('shopify-private-app-token', 'Shopify private app access token', ['shppa_'], 'shppa_[a-fA-F0-9]{32}'),
    prefixed('shopify-shared-secret', 'Shopify app shared secret', ['shpss_'], 'shpss_[a-fA-F0-9]{32}'),
    prefixed('square-access-token', 'Square access token', ['sq0atp-', 'eaaa'], '(?:sq0atp-[\\w-]{22}|EAAA[\\w-]{60})', { entropy: 3.5 }),
    prefixed('square-oauth-secret', 'Square OAuth secret', ['sq0csp-'], 'sq0csp-[\\w-]{43}', {
        entropy: 3.5
    }),
    prefixed('braintree-access-token', 'PayPal Braintree access token', ['access_token$production$', 'access_token$sandbox$'], 'access_token\\$(?:production|sandbox)\\$[0-9a-z]{16}\\$[0-9a-f]{32}', { severity: 'critical' }),
    prefixed('plaid-access-token', 'Plaid access token', ['access-sandbox-', 'access-development-', 'access-production-'], `access-(?:sandbox|development|production)-${UUID}`),
    prefixed('flutterwave-secret-key', 'Flutterwave secret key', ['flwseck'], 'FLWSECK(?:_TEST)?-[a-h0-9]{32}-X'),
    prefixed('razorpay-key-id', 'Razorpay live key id', ['rzp_live_'], 'rzp_live_[A-Za-z0-9]{14}', {
        entropy: 3
    }),
    kv('gocardless-api-token', 'GoCardless API token', ['gocardless'], 'gocardless', '(?:live|sandbox)_[\\w=-]{40}', {
        entropy: 3.5
    }),
    prefixed('shippo-api-token', 'Shippo API token', ['shippo_'], 'shippo_(?:live|test)_[a-f0-9]{40}'),
    prefixed('easypost-api-key', 'EasyPost API key', ['ezak', 'eztk'], 'EZ[AT]K[a-zA-Z0-9]{54}', {
        entropy: 3.5
    }),
    kv('lob-api-key', 'Lob API key', ['lob'], 'lob', '(?:live|test)_[a-f0-9]{35}'),
    kv('datadog-api-key', 'Datadog API key', ['datadog', 'dd_api', 'dd-api'], '(?:datadog|dd[_-]api)', '[a-f0-9]{32}'),
    kv('datadog-app-key', 'Datadog application key', ['datadog', 'dd_app', 'dd-app'], '(?:datadog|dd[_-]app)', '[a-f0-9]{40}'),
    prefixed('new-relic-user-api-key', 'New Relic user API key', ['nrak-'], 'NRAK-[A-Z0-9]{27}', {
        entropy: 3.5
    }),
    prefixed('new-relic-insert-key', 'New Relic insights insert key', ['nrii-'], 'NRII-[\\w-]{32}', {
        entropy: 3.5
    }),
    prefixed('new-relic-browser-api-token', 'New Relic browser API token', ['nrjs-'], 'NRJS-[a-f0-9]{19}'),
    prefixed('new-relic-license-key', 'New Relic ingest license key', ['nral'], '[a-f0-9]{36}NRAL', {
        severity: 'high'
    }),
    prefixed('sentry-org-token', 'Sentry organization auth token', ['sntrys_'], 'sntrys_eyJ[A-Za-z0-9+/=_-]{80,400}', {
        entropy: 4
    }),
    prefixed('sentry-user-token', 'Sentry user auth token', ['sntryu_'], 'sntryu_[a-f0-9]{64}'),
    kv('honeycomb-api-key', 'Honeycomb API key', ['honeycomb'], 'honeycomb', '[A-Za-z0-9]{22,32}', {
        entropy: 3.5
    }),
    prefixed('dynatrace-api-token', 'Dynatrace API token', ['dt0c01.'], 'dt0c01\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}', {
        entropy: 3.5
    }),
    kv('pagerduty-api-key', 'PagerDuty API key', ['pagerduty'], 'pagerduty', '[A-Za-z0-9_+-]{20}', {
        entropy: 3.5
    }),
    kv('opsgenie-api-key', 'Opsgenie API key', ['opsgenie'], 'opsgenie', UUID),
    kv('rollbar-access-token', 'Rollbar access token', ['rollbar'], 'rollbar', '[a-f0-9]{32}'),
    kv('bugsnag-api-key', 'Bugsnag API key', ['bugsnag'], 'bugsnag', '[a-f0-9]{32}'),
    kv('splunk-hec-token', 'Splunk HTTP Event Collector token', ['splunk'], 'splunk', UUID),
    kv('sumologic-access-key', 'Sumo Logic access key', ['sumo'], 'sumo(?:logic)?[\\w.-]{0,10}(?:key|secret)', '[A-Za-z0-9]{64}', {
        entropy: 4
    }),
    raw('openai-api-key', 'OpenAI API key', ['t3blbkfj'], String.raw `${'(?<![A-Za-z0-9_-])'}(sk-(?:(?:proj|svcacct|admin|None)-)?[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200})(?![A-Za-z0-9_-])`, 'critical'),
    prefixed('openai-project-key', 'OpenAI project / service account / admin key', ['sk-proj-', 'sk-svcacct-', 'sk-admin-', 'sk-none-'], 'sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{58,200}', { severity: 'critical', entropy: 4 }),
    prefixed('anthropic-api-key', 'Anthropic API key', ['sk-ant-api03-'], 'sk-ant-api03-[\\w-]{93}AA', { severity: 'critical' }),
    prefixed('anthropic-admin-key', 'Anthropic admin API key', ['sk-ant-admin01-'], 'sk-ant-admin01-[\\w-]{93}AA', { severity: 'critical' }),
    prefixed('huggingface-access-token', 'Hugging Face access token', ['hf_'], 'hf_[A-Za-z]{34}', {
        entropy: 3.5
    }),
    prefixed('huggingface-org-token', 'Hugging Face organization API token', ['api_org_'], 'api_org_[A-Za-z]{34}', {
        entropy: 3.5
    }),
    kv('cohere-api-key', 'Cohere API key', ['cohere', 'co_api'], '(?:cohere|co_api)', '[A-Za-z0-9]{40}', {
        entropy: 4
    }),
    prefixed('groq-api-key', 'Groq API key', ['gsk_'], 'gsk_[A-Za-z0-9]{52}', { entropy: 4 }),
    prefixed('replicate-api-token', 'Replicate API token', ['r8_'], 'r8_[A-Za-z0-9]{37}', {
        entropy: 3.5
    }),
    prefixed('perplexity-api-key', 'Perplexity API key', ['pplx-'], 'pplx-[A-Za-z0-9]{48}', {
        entropy: 4
    }),
    prefixed('xai-api-key', 'xAI API key', ['xai-'], 'xai-[A-Za-z0-9]{80}', { entropy: 4 }),
    prefixed('openrouter-api-key', 'OpenRouter API key', ['sk-or-v1-'], 'sk-or-v1-[a-f0-9]{64}'),
    kv('mistral-api-key', 'Mistral AI API key', ['mistral'], 'mistral', '[A-Za-z0-9]{32}', {
        entropy: 3.5
    }),
    prefixed('langsmith-api-key', 'LangSmith API key', ['lsv2_pt_', 'lsv2_sk_'], 'lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}'),
    kv('elevenlabs-api-key', 'ElevenLabs API key', ['elevenlabs', 'xi-api-key', 'xi_api_key'], '(?:elevenlabs|xi[-_]api[-_]key)', 'sk_[a-f0-9]{48}'),
    kv('okta-api-token', 'Okta API token', ['okta'], 'okta', '00[A-Za-z0-9_-]{40}', { entropy: 3.5 }),
    kv('auth0-client-secret', 'Auth0 client secret', ['auth0'], 'auth0[\\w.-]{0,15}secret', '[A-Za-z0-9_-]{64}', {
        entropy: 4
    }),
    prefixed('linear-api-key', 'Linear API key or OAuth access token', ['lin_api_', 'lin_oauth_'], '(?:lin_api_[A-Za-z0-9]{40}|lin_oauth_[a-f0-9]{64})', { entropy: 3.5 }),
    prefixed('notion-api-token', 'Notion integration token', ['ntn_'], 'ntn_[0-9]{11}[A-Za-z0-9]{35}', {
        entropy: 3.5
    }),
    kv('notion-legacy-token', 'Notion integration token (secret_ format)', ['notion'], 'notion', 'secret_[A-Za-z0-9]{43}', {
        entropy: 3.5
    }),
    kv('asana-pat', 'Asana personal access token', ['asana'], 'asana', 
    // v1 `1/<user gid>:<hex>`, v2 `2/<user gid>/<token gid>:<hex>`
    '[0-9]/[0-9]{10,20}(?:/[0-9]{10,20})?:[a-f0-9]{32}'),
    prefixed('airtable-pat', 'Airtable personal access token', ['pat'], 'pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}'),
    prefixed('figma-pat', 'Figma personal access token', ['figd_'], 'figd_[\\w-]{40}', {
        entropy: 3.5
    }),
    kv('trello-api-token', 'Trello API token', ['trello'], 'trello', '(?:[a-f0-9]{64}|ATTA[A-Za-z0-9]{60,70})'),
    prefixed('dropbox-access-token', 'Dropbox short-lived access token', ['sl.'], 'sl\\.(?:u\\.)?[A-Za-z0-9_-]{130,1400}', {
        entropy: 4
    }),
    kv('zendesk-api-token', 'Zendesk API token', ['zendesk'], 'zendesk', '[A-Za-z0-9]{40}', {
        entropy: 3.5
    }),
    kv('intercom-access-token', 'Intercom access token', ['intercom'], 'intercom', '[A-Za-z0-9=_-]{60}', {
        entropy: 3.5
    }),
    prefixed('hubspot-private-app-token', 'HubSpot private app token', ['pat-na', 'pat-eu', 'pat-ap'], `pat-(?:na|eu|ap)\\d-${UUID}`),
    prefixed('mapbox-secret-token', 'Mapbox secret access token', ['sk.eyj1ijoi'], 'sk\\.eyJ1Ijoi[\\w.-]{50,300}', {
        entropy: 4
    }),
    kv('algolia-admin-key', 'Algolia admin API key', ['algolia'], 'algolia', '[a-f0-9]{32}'),
    prefixed('contentful-pat', 'Contentful personal access token', ['cfpat-'], 'CFPAT-[\\w-]{43}', {
        entropy: 3.5
    }),
    kv('launchdarkly-access-token', 'LaunchDarkly access token', ['launchdarkly'], 'launchdarkly', `(?:api|sdk)-${UUID}`),
    prefixed('typeform-pat', 'Typeform personal access token', ['tfp_'], 'tfp_[\\w.-]{59}', {
        entropy: 3.5
    }),
    prefixed('frameio-api-token', 'Frame.io API token', ['fio-u-'], 'fio-u-[\\w=-]{64}', {
        entropy: 3.5
    }),
    prefixed('adafruit-io-key', 'Adafruit IO key', ['aio_'], 'aio_[A-Za-z0-9]{28}', { entropy: 3.5 }),
    kv('rapidapi-key', 'RapidAPI key', ['rapidapi'], 'rapidapi', '[\\w-]{50}', { entropy: 3.5 }),
    raw('cloudinary-url', 'Cloudinary URL with API secret', ['cloudinary://'], String.raw `cloudinary://\d{6,20}:([A-Za-z0-9_-]{20,40})@[a-z0-9-]{1,60}`, 'high'),
    kv('pusher-secret', 'Pusher app secret', ['pusher'], 'pusher[\\w.-]{0,10}secret', '[a-f0-9]{20}'),
    kv('ably-api-key', 'Ably API key', ['ably'], 'ably', '[\\w-]{5,10}\\.[\\w-]{5,10}:[\\w-]{30,50}', { entropy: 3.5 }),
    raw('firebase-cloud-messaging-key', 'Firebase Cloud Messaging server key', ['apa91b'], String.raw `(?<![A-Za-z0-9_-])(AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134})(?![A-Za-z0-9_-])`, 'high'),
    kv('vonage-api-secret', 'Vonage (Nexmo) API secret', ['nexmo', 'vonage'], '(?:nexmo|vonage)[\\w.-]{0,10}secret', '[A-Za-z0-9]{16}', {
        entropy: 3.5
    }),
    kv('zoom-client-secret', 'Zoom OAuth client secret', ['zoom'], 'zoom[\\w.-]{0,10}secret', '[A-Za-z0-9]{32}', {
        entropy: 3.5
    }),
    raw('twitter-bearer-token', 'Twitter / X API bearer token', ['aaaaaaaaaaaaaaaaaaaaa'], String.raw `(?<![A-Za-z0-9%])A{22}([A-Za-z0-9%]{80,110})(?![A-Za-z0-9%])`, 'high', { entropy: 4 }),
    kv('facebook-app-secret', 'Facebook / Meta app secret', ['facebook', 'fb_'], '(?:facebook|fb_app)[\\w.-]{0,10}secret', '[a-f0-9]{32}'),
    raw('facebook-access-token', 'Facebook / Meta access token', ['eaa'], 
    // Not inside a base64 run: a random blob holds "EAA" + 100 alphanumerics now and then.
    String.raw `(?<![A-Za-z0-9_+/-])(EAA[A-Za-z0-9]{100,1000})(?![A-Za-z0-9_+/=-])`, 'high', { entropy: 3.5 })
];
const keysAndGeneric = [
    // Path-only rules (no regex): the file itself is the secret, whatever its content (these
    // keystores are binary). Keywords are unused: the rule runs on the path, not the content.
    raw('pkcs12-file', 'PKCS #12 keystore file (a private key with its certificate chain)', ['pkcs12'], '', 'high', { path: '(?i)(?:^|/)[^/]+\\.p(?:12|fx)$' }),
    raw('java-keystore-file', 'Java keystore file (JKS, JCEKS or Bouncy Castle)', ['keystore'], '', 'high', {
        path: '(?i)(?:^|/)[^/]+\\.(?:jks|jceks|bks|keystore)$',
        // Android's debug keystore: generated per machine, its password is published ("android").
        allowlists: [
            {
                description: 'Android debug keystore',
                condition: 'OR',
                commits: [],
                paths: [/(?:^|\/)debug\.keystore$/i],
                regexes: [],
                regexTarget: 'secret',
                stopwords: []
            }
        ]
    }),
    pem('private-key-rsa', 'RSA private key', 'RSA PRIVATE KEY', 'rsa private key'),
    pem('private-key-dsa', 'DSA private key', 'DSA PRIVATE KEY', 'dsa private key'),
    pem('private-key-ec', 'EC private key', 'EC PRIVATE KEY', 'ec private key'),
    pem('private-key-openssh', 'OpenSSH private key', 'OPENSSH PRIVATE KEY', 'openssh private key'),
    pem('private-key-pkcs8', 'PKCS #8 private key', 'PRIVATE KEY', '-----begin private key'),
    pem('private-key-encrypted', 'Encrypted PKCS #8 private key', 'ENCRYPTED PRIVATE KEY', 'encrypted private key'),
    pem('private-key-pgp', 'PGP private key block', 'PGP PRIVATE KEY BLOCK', 'pgp private key'),
    pem('private-key-ssh2', 'SSH2 encrypted private key', 'SSH2 ENCRYPTED PRIVATE KEY', 'ssh2 encrypted private key'),
    raw('private-key-sigstore', 'Sigstore / cosign encrypted private key', ['encrypted sigstore private key', 'encrypted cosign private key'], `-----BEGIN ENCRYPTED (SIGSTORE|COSIGN) PRIVATE KEY-----${PEM_BODY}-----END ENCRYPTED \\1 PRIVATE KEY-----`, 'critical', { span: 16384, tags: ['private-key'], secretGroup: 0 }),
    pem('openvpn-static-key', 'OpenVPN static key', 'OpenVPN Static key V1', 'openvpn static key'),
    raw('private-key-putty', 'PuTTY private key', ['putty-user-key-file-'], String.raw `PuTTY-User-Key-File-[23]: [\w-]{3,40}\r?\n[\s\S]{0,400}?Private-Lines: \d{1,3}\r?\n[A-Za-z0-9+/=\r\n]{40,8000}`, 'critical', { span: 12000, tags: ['private-key'] }),
    kv('wireguard-private-key', 'WireGuard private key', ['privatekey'], 'PrivateKey', '[A-Za-z0-9+/]{42}[AEIMQUYcgkosw480]=', { severity: 'critical', entropy: 4 }),
    raw('jwt', 'JSON Web Token', ['eyj'], String.raw `(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{2,8000}\.[A-Za-z0-9_-]{10,2000})(?![A-Za-z0-9_-])`, 'medium', { validate: 'jwt' }),
    raw('database-connection-string', 'Database connection string with password', ['://'], String.raw `(?i:\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|jdbc:[a-z]{2,12}|oracle|cockroachdb|clickhouse|neo4j(?:\+s)?|nats|couchbase)://)[^\s:@/'"\x60<>{}$]{1,64}:([^\s:@/'"\x60<>{}$]{3,128})@[\w.-]{1,255}`, 'critical', { validate: 'url-password', after: { chars: '@', within: 200 } }),
    raw('url-credentials', 'URL with embedded credentials', ['://'], String.raw `(?i:\b(?:https?|ftps?|sftp|ssh|git|svn|smtps?|imaps?|ldaps?|wss?)://)[^\s:@/'"\x60<>{}$]{1,64}:([^\s:@/'"\x60<>{}$]{3,128})@[\w.-]{1,255}`, 'high', { validate: 'url-password', after: { chars: '@', within: 200 } }),
    raw('kubernetes-secret-manifest', 'Kubernetes Secret manifest with data values', ['kind: secret'], 
    // Every entry of a data/stringData block, in a document whose `kind: Secret` comes before
    // it or after it (kubectl sorts keys: `data` precedes `kind`), not across a `---`. The line
    // must look like an entry before the look-behinds run: they scan back hundreds of lines.
    String.raw `^(?=[ \t]{1,12}[\w.-]{1,253}:[ \t]{1,4}['"]?[^\s'"#]{8})` +
        String.raw `(?<=^(?:data|stringData):[ \t]*\r?\n(?:[ \t][^\n]{0,4200}\n){0,200})` +
        String.raw `(?:(?<=^${K8S_KIND}\n(?:(?!---)[^\n]{0,4200}\n){0,400})` +
        String.raw `|(?=[^\n]{0,4200}(?:\n(?!---)[^\n]{0,4200}){0,400}?\n${K8S_KIND}$))` +
        String.raw `^[ \t]{1,12}[\w.-]{1,253}:[ \t]{1,4}['"]?([^\s'"#]{8,4096})['"]?[ \t]*\r?$`, 'high', { span: 24000, back: 24000, flags: 'm', entropy: 3, validate: 'kubernetes-secret-value' }),
    raw('kubernetes-secret-manifest-json', 'Kubernetes Secret as JSON (kubectl -o json, SecretList) with data values', ['"secret"', '"secretlist"'], 
    // An entry of a data/stringData object, in an object whose `"kind": "Secret"` is a sibling
    // member before or after it (kubectl sorts keys: data, immutable, kind, metadata, stringData),
    // or in an item of a `"kind": "SecretList"` (the API's list, whose items have no kind).
    String.raw `(?<=${J_DATA_OPEN})` +
        String.raw `(?:(?<=${J_KIND}${J_SEP}${J_MEMBERS}${J_DATA_OPEN})` +
        String.raw `|(?=${J_DATA_REST}${J_SEP}${J_MEMBERS}${J_KIND})` +
        String.raw `|(?<=${J_LIST_KIND}${J_SEP}${J_MEMBERS}"items"${J_COLON}\[\s{0,200}(?:${J_O3}${J_SEP}){0,100}\{\s{0,200}${J_MEMBERS}${J_DATA_OPEN})` +
        String.raw `|(?=${J_DATA_REST}(?:${J_SEP}${J_MEMBER}){0,30}\s{0,200}\}(?:${J_SEP}${J_O3}){0,100}\s{0,200}\]${J_SEP}${J_MEMBERS}${J_LIST_KIND}))` +
        String.raw `"[\w.-]{1,253}"${J_COLON}"([^"\\\s]{8,8192})"`, 'high', { span: 100000, back: 100000, entropy: 3, validate: 'kubernetes-secret-value' }),
    raw('authorization-bearer-header', 'Bearer token in an Authorization header', ['bearer'], String.raw `(?i:authorization)['"]?[ \t]{0,3}[:=,][ \t]{0,3}['"\x60]?(?i:bearer)[ \t]{1,3}([A-Za-z0-9._~+/-]{20,2000}={0,2})(?![A-Za-z0-9._~+/=-])`, 'high', { entropy: 3.5, generic: true }),
    raw('authorization-basic-header', 'Basic credentials in an Authorization header', ['basic'], String.raw `(?i:authorization)['"]?[ \t]{0,3}[:=,][ \t]{0,3}['"\x60]?(?i:basic)[ \t]{1,3}([A-Za-z0-9+/]{8,1000}={0,2})(?![A-Za-z0-9+/=])`, 'high', { validate: 'basic-auth-base64' }),
    raw('curl-basic-auth', 'Credentials passed to curl -u', ['curl'], String.raw `\bcurl\b[^\n]{0,200}?\s(?:-u|--user)[ \t]{1,3}['"]?[^\s:'"$]{1,64}:([^\s'"$]{4,128})['"]?`, 'high', { validate: 'not-placeholder-password', entropy: 2.5 }),
    raw('sshpass-password', 'Password passed to sshpass -p', ['sshpass'], String.raw `\bsshpass[ \t]{1,3}-p[ \t]{0,3}['"]?([^\s'"$]{4,128})['"]?`, 'high', { validate: 'not-placeholder-password', entropy: 2.5 }),
    raw('netrc-password', 'Password in a .netrc entry', ['machine'], String.raw `\bmachine[ \t]{1,5}[\w.-]{1,255}[ \t\r\n]{1,10}login[ \t]{1,5}\S{1,128}[ \t\r\n]{1,10}password[ \t]{1,5}(\S{4,128})`, 'high', { validate: 'not-placeholder-password', span: 400, entropy: 2.5 }),
    raw('laravel-app-key', 'Laravel APP_KEY', ['app_key'], String.raw `APP_KEY[ \t]{0,3}=[ \t]{0,3}['"]?(base64:[A-Za-z0-9+/]{43}=)`, 'high'),
    raw('django-secret-key', 'Django SECRET_KEY', ['secret_key'], String.raw `\bSECRET_KEY[ \t]{0,3}=[ \t]{0,3}[rbuf]{0,2}['"]([^'"\s]{40,100})['"]`, 'high', { entropy: 4, generic: true }),
    kv('rails-secret-key-base', 'Rails secret_key_base', ['secret_key_base'], 'secret_key_base', '[a-f0-9]{128}', { entropy: 3.5 }),
    kv('generic-password', 'Password assigned in code or configuration', ['password', 'passwd', 'pwd', 'passphrase'], '(?:password|passwd|pwd|passphrase)', 
    // Up to a query string's next parameter (`password=…&service=…`).
    // Up to a string literal's escape (`"password: x\\n"`) too.
    '(?:[^\\s\'"`;,<>(){}\\[\\]$&\\\\]|\\\\(?![nrt])|&(?![A-Za-z_]\\w{0,30}=)){6,128}', { severity: 'medium', entropy: 2.8, generic: true, validate: 'not-placeholder-password' }),
    kv('generic-api-key', 'Generic API key', ['api_key', 'apikey', 'api-key', 'access_key', 'accesskey', 'access-key', 'app_key', 'appkey'], '(?:api|access|app)[_.-]?key', '[A-Za-z0-9_.=~+/-]{16,128}', { severity: 'medium', entropy: 3.5, generic: true }),
    kv('generic-secret', 'Generic secret', ['secret'], 
    // Not Helm's `checksum/secret:` pod annotation (a SHA-256 of the rendered Secret).
    '(?<!checksum/)secret', '[A-Za-z0-9_.=~+/!@#%^*-]{12,128}', {
        severity: 'medium',
        entropy: 3.5,
        generic: true
    }),
    kv('generic-token', 'Generic token or credential', ['token', 'credential', 'creds', 'auth'], '(?:token|credential|creds|auth)', '[A-Za-z0-9_.=~+/-]{16,512}', { severity: 'medium', entropy: 3.5, generic: true })
];
const BUILTIN_RULES = [
    ...builtin_cloud,
    ...codeHosts,
    ...builtin_saas,
    ...EXTRA_RULES,
    ...keysAndGeneric
];

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 9 modules
var src = __webpack_require__(12501);
// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var dist = __webpack_require__(3292);
;// CONCATENATED MODULE: ./packages/secrets/src/caseless.ts
/**
 * Rewrites `(?i:...)` modifier groups (V8 12.5+, Node 24) into plain groups whose letters are
 * case classes (`[aA]`), so every rule also compiles on older engines and stays ASCII-only.
 */
function isLetter(c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
function other(c) {
    return c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
}
/** Length of the escape sequence starting at `i` (a backslash). */
function escapeLength(src, i) {
    const n = src[i + 1];
    if (n === 'x')
        return 4;
    if (n === 'u')
        return src[i + 2] === '{' ? src.indexOf('}', i) - i + 1 : 6;
    if (n === 'c')
        return 3;
    if ((n === 'p' || n === 'P') && src[i + 2] === '{')
        return src.indexOf('}', i) - i + 1;
    if (n === 'k' && src[i + 2] === '<')
        return src.indexOf('>', i) - i + 1;
    return 2;
}
function caselessClass(body) {
    let out = '';
    for (let i = 0; i < body.length; i++) {
        const c = body[i];
        if (c === '\\') {
            const len = escapeLength(body, i);
            out += body.slice(i, i + len);
            i += len - 1;
            continue;
        }
        if (isLetter(c) && body[i + 1] === '-' && i + 2 < body.length && isLetter(body[i + 2])) {
            const to = body[i + 2];
            out += `${c}-${to}${other(c)}-${other(to)}`;
            i += 2;
            continue;
        }
        out += c;
        if (isLetter(c))
            out += other(c);
    }
    return out;
}
function expandCaseInsensitiveGroups(src) {
    if (!src.includes('(?i:'))
        return src;
    let out = '';
    const stack = [];
    let ci = false;
    for (let i = 0; i < src.length; i++) {
        const c = src[i];
        if (c === '\\') {
            const len = escapeLength(src, i);
            out += src.slice(i, i + len);
            i += len - 1;
            continue;
        }
        if (c === '[') {
            let j = i + 1;
            if (src[j] === '^')
                j++;
            if (src[j] === ']')
                j++;
            while (j < src.length && src[j] !== ']')
                j += src[j] === '\\' ? escapeLength(src, j) : 1;
            const body = src.slice(i + 1, j);
            out += ci ? `[${caselessClass(body)}]` : `[${body}]`;
            i = j;
            continue;
        }
        if (c === '(') {
            stack.push(ci);
            if (src.startsWith('(?i:', i)) {
                ci = true;
                out += '(?:';
                i += 3;
                continue;
            }
            const named = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(src.slice(i, i + 64));
            if (named) {
                out += named[0];
                i += named[0].length - 1;
                continue;
            }
            const head = /^\(\?(?:[:=!]|<[=!]|([ims]*)(?:-([ims]*))?:)/.exec(src.slice(i, i + 8));
            if (head) {
                // A modifier group such as (?-i:…) or (?is:…) switches case folding for its body; the
                // group itself stays for the engine to apply (it is a no-op without the i flag).
                if (head[1]?.includes('i'))
                    ci = true;
                if (head[2]?.includes('i'))
                    ci = false;
                out += head[0];
                i += head[0].length - 1;
                continue;
            }
            out += c;
            continue;
        }
        if (c === ')') {
            ci = stack.pop() ?? false;
            out += c;
            continue;
        }
        out += ci && isLetter(c) ? `[${c}${other(c)}]` : c;
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/secrets/src/regex.ts
/**
 * Go RE2 syntax in `.gitleaks.toml` (user rules, paths, allowlists) → JavaScript RegExp, via the
 * shared translator in `@secure-pipeline/core`. A leading `(?i)` becomes the `i` flag and the `u`
 * flag is used only when the translation needs it, so user rules run like the built-in ones.
 * Invalid patterns throw `Re2SyntaxError` with Go's message; config.ts adds the file and line.
 */


function translateGoRegex(input) {
    const t = (0,src/* translateRE2 */.sW)(input, { unicode: 'auto', hoistCaseInsensitive: true });
    return { source: t.source, flags: t.flags };
}
/** Compiles a Go-syntax regex; throws Re2SyntaxError (or the JavaScript SyntaxError). */
function compileGoRegex(input, extraFlags = '') {
    const translated = translateGoRegex(input);
    const source = expandCaseInsensitiveGroups(translated.source);
    const flags = [...new Set((translated.flags + extraFlags).split(''))].join('');
    return new RegExp(source, flags);
}

;// CONCATENATED MODULE: ./packages/secrets/src/config.ts
/**
 * Reads `.gitleaks.toml` the way gitleaks v8 does: custom `[[rules]]`, `[extend]` (useDefault,
 * path, disabledRules) with overriding by id, rule allowlists in both the `[rules.allowlist]`
 * and `[[rules.allowlists]]` forms, global `[allowlist]` and `[[allowlists]]` (with
 * `targetRules`), `secretGroup`, `entropy`, `keywords` and path-only rules.
 */






/** gitleaks default-rule ids whose equivalents we ship under other ids. */
const GITLEAKS_ALIASES = {
    'aws-access-token': ['aws-access-key-id'],
    'stripe-access-token': ['stripe-live-secret-key', 'stripe-test-secret-key'],
    'private-key': [
        'private-key-rsa',
        'private-key-dsa',
        'private-key-ec',
        'private-key-openssh',
        'private-key-pkcs8',
        'private-key-encrypted',
        'private-key-pgp',
        'private-key-ssh2'
    ],
    'slack-webhook-url': ['slack-webhook-url'],
    'slack-user-token': ['slack-user-token'],
    'github-app-token': ['github-user-to-server-token', 'github-app-installation-token'],
    'gitlab-ptt': ['gitlab-pipeline-trigger-token'],
    'gitlab-rrt': ['gitlab-runner-registration-token'],
    'hashicorp-tf-api-token': ['hashicorp-terraform-token'],
    'vault-service-token': ['hashicorp-vault-service-token'],
    'vault-batch-token': ['hashicorp-vault-batch-token'],
    'openai-api-key': ['openai-api-key', 'openai-project-key'],
    'sendgrid-api-token': ['sendgrid-api-key'],
    'twilio-api-key': ['twilio-api-key'],
    'heroku-api-key': ['heroku-api-key'],
    'shopify-access-token': ['shopify-access-token'],
    'pypi-upload-token': ['pypi-upload-token'],
    'rubygems-api-token': ['rubygems-api-key'],
    'sentry-access-token': ['sentry-user-token'],
    'generic-api-key': ['generic-api-key', 'generic-secret', 'generic-token', 'generic-password']
};
function defaultConfig() {
    return {
        rules: BUILTIN_RULES.map(r => ({ ...r })),
        allowlists: [],
        source: 'built-in',
        includesDefault: true
    };
}
function isTable(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
/**
 * gitleaks reads its TOML through viper, whose keys are case-insensitive (`secretGroup`,
 * `secretgroup` and `SecretGroup` are one key): lower-case every table key, recursively.
 */
function lowerKeys(v) {
    if (Array.isArray(v))
        return v.map(lowerKeys);
    if (!isTable(v))
        return v;
    const out = {};
    for (const [k, x] of Object.entries(v))
        out[k.toLowerCase()] = lowerKeys(x);
    return out;
}
/** viper decodes weakly: `"3.5"` is a number where a number is expected. */
function weakNumber(v) {
    if (typeof v === 'number')
        return v;
    if (typeof v === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(v))
        return Number(v);
    return undefined;
}
class Ctx {
    file;
    text;
    constructor(file, text) {
        this.file = file;
        this.text = text;
    }
    /** Line of the first occurrence of `needle` in the file (for error positions). */
    lineOf(needle) {
        const i = this.text.indexOf(needle);
        if (i === -1)
            return undefined;
        return this.text.slice(0, i).split('\n').length;
    }
    /** Line of the first occurrence of a key, in any case (viper's keys are case-insensitive). */
    lineOfCi(key) {
        const i = this.text.toLowerCase().indexOf(key.toLowerCase());
        if (i === -1)
            return undefined;
        return this.text.slice(0, i).split('\n').length;
    }
    /** Line of the n-th (0-based) occurrence of `needle`. */
    lineOfNth(needle, n) {
        let i = -1;
        for (let k = 0; k <= n; k++) {
            i = this.text.indexOf(needle, i + 1);
            if (i === -1)
                return undefined;
        }
        return this.text.slice(0, i).split('\n').length;
    }
    /** Line of the n-th (0-based) occurrence of `needle` at or after line `from`. */
    lineAfter(needle, from, n = 0) {
        const lines = this.text.split('\n');
        let start = 0;
        for (let l = 1; l < (from ?? 1); l++)
            start += lines[l - 1].length + 1;
        let i = start - 1;
        for (let k = 0; k <= n; k++) {
            i = this.text.indexOf(needle, i + 1);
            if (i === -1)
                return from;
        }
        return this.text.slice(0, i).split('\n').length;
    }
    fail(message, needle, line) {
        throw new src/* InputError */.dz('SECRETS_CONFIG', message, {
            position: { file: this.file, line: line ?? (needle ? this.lineOf(needle) : undefined) }
        });
    }
    strings(v, what, needle) {
        if (v === undefined)
            return [];
        // viper decodes weakly: a single string where a list is expected is a one-item list.
        if (typeof v === 'string')
            return [v];
        if (!Array.isArray(v) || v.some(x => typeof x !== 'string'))
            this.fail(`${what} must be an array of strings`, needle);
        return v;
    }
    regex(src, what, needle) {
        if (typeof src !== 'string')
            this.fail(`${what} must be a string`, needle);
        try {
            return compileGoRegex(src);
        }
        catch (err) {
            this.fail(`${what}: invalid regular expression: ${err.message}`, needle ?? src);
        }
    }
}
/** gitleaks' condition spellings: `OR`/`||` (the default) and `AND`/`&&`, in any case. */
function parseCondition(v) {
    if (v === undefined)
        return 'OR';
    if (typeof v !== 'string')
        return undefined;
    const c = v.trim().toUpperCase();
    if (c === '' || c === 'OR' || c === '||')
        return 'OR';
    if (c === 'AND' || c === '&&')
        return 'AND';
    return undefined;
}
/** gitleaks v7 allowlist keys that gitleaks 8 ignores (`files` became `paths`). */
const V7_ALLOWLIST_KEYS = ['files', 'repos'];
function parseAllowlist(ctx, t, where, line) {
    if (!isTable(t))
        ctx.fail(`${where} must be a table` +
            (Array.isArray(t) && where.endsWith('.allowlist')
                ? ' ([rules.allowlist], or [[rules.allowlists]] for several)'
                : Array.isArray(t) && where === 'allowlist'
                    ? ' ([allowlist], or [[allowlists]] for several)'
                    : ''), undefined, line);
    const condition = parseCondition(t.condition);
    if (condition === undefined)
        ctx.fail(`${where}.condition must be "OR" or "AND"`, 'condition', ctx.lineOfCi('condition'));
    // gitleaks: "" and "secret" test the secret; "match" and "line" (exact spelling) the others.
    const regexTarget = t.regextarget === undefined || t.regextarget === ''
        ? 'secret'
        : typeof t.regextarget === 'string'
            ? t.regextarget
            : '';
    if (regexTarget !== 'secret' && regexTarget !== 'match' && regexTarget !== 'line')
        ctx.fail(`${where}.regexTarget must be secret, match or line`, undefined, ctx.lineOfCi('regextarget'));
    const al = {
        description: typeof t.description === 'string' ? t.description : undefined,
        condition,
        // gitleaks compares commits case-insensitively, spaces trimmed.
        commits: ctx
            .strings(t.commits, `${where}.commits`, 'commits')
            .map(c => c.trim().toLowerCase())
            .filter(Boolean),
        paths: ctx
            .strings(t.paths, `${where}.paths`, 'paths')
            .map(p => ctx.regex(p, `${where}.paths`, p)),
        regexes: ctx
            .strings(t.regexes, `${where}.regexes`, 'regexes')
            .map(r => ctx.regex(r, `${where}.regexes`, r)),
        regexTarget,
        stopwords: ctx
            .strings(t.stopwords, `${where}.stopwords`, 'stopwords')
            .map(s => s.toLowerCase())
            .filter(Boolean)
    };
    if (t.targetrules !== undefined)
        al.targetRules = ctx.strings(t.targetrules, `${where}.targetRules`, 'targetRules');
    // gitleaks 8 (Allowlist.Validate) rejects an allowlist with nothing to check, global or per
    // rule, e.g. a v7 `[allowlist]` whose only entries are `files`.
    if (al.commits.length + al.paths.length + al.regexes.length + al.stopwords.length === 0) {
        const v7 = V7_ALLOWLIST_KEYS.filter(k => t[k] !== undefined);
        const hint = v7.length > 0
            ? ` (${v7.join(' and ')}: gitleaks v7 ${v7.length > 1 ? 'keys' : 'key'} that gitleaks 8 ignores; use paths)`
            : '';
        ctx.fail(`${where} must set at least one of commits, paths, regexes or stopwords${hint}`, undefined, line);
    }
    return al;
}
/** Rule allowlists; `ruleLine` is the line of the rule's `[[rules]]` header (for errors). */
function ruleAllowlists(ctx, t, where, ruleLine) {
    const out = [];
    if (t.allowlist !== undefined)
        out.push(parseAllowlist(ctx, t.allowlist, `${where}.allowlist`, ctx.lineAfter('[rules.allowlist]', ruleLine)));
    if (t.allowlists !== undefined) {
        if (!Array.isArray(t.allowlists))
            ctx.fail(`${where}.allowlists must be an array of tables`, undefined, ruleLine);
        t.allowlists.forEach((a, i) => out.push(parseAllowlist(ctx, a, `${where}.allowlists[${i}]`, ctx.lineAfter('[[rules.allowlists]]', ruleLine, i))));
    }
    return out;
}
/** Capture groups of a translated regex (Go's NumSubexp). */
function groupCount(source, flags) {
    const m = new RegExp(`${source}|`, flags.replace(/[gy]/g, '')).exec('');
    return m ? m.length - 1 : 0;
}
/** A `regex` or `path` value: gitleaks treats an empty string as unset. */
function optionalPattern(ctx, v, what, needle) {
    if (v === undefined || v === '')
        return undefined;
    if (typeof v !== 'string')
        ctx.fail(`${what} must be a string`, needle);
    ctx.regex(v, what, v);
    return v;
}
/**
 * One `[[rules]]` entry. With `base` (a rule of the same id from the extended configuration) it
 * is merged as gitleaks' `extend()` does: description, entropy, secretGroup, regex and path set
 * here replace the base's; keywords, tags and allowlists are appended to the base's.
 */
function parseRule(ctx, t, index, base) {
    if (!isTable(t))
        ctx.fail(`rules[${index}] must be a table`);
    if (typeof t.id !== 'string' || t.id.trim() === '')
        ctx.fail(`rules[${index}] needs an id (gitleaks 8 requires one on every [[rules]] entry; ` +
            'gitleaks v7 configurations have none)', undefined, ctx.lineOfNth('[[rules]]', index));
    const id = t.id;
    const where = `rule ${id}`;
    const needle = `"${id}"`;
    const allowlists = ruleAllowlists(ctx, t, where, ctx.lineOfNth('[[rules]]', index));
    const regexSrc = optionalPattern(ctx, t.regex, `${where}.regex`, needle);
    const pathSrc = optionalPattern(ctx, t.path, `${where}.path`, needle);
    const secretGroup = weakNumber(t.secretgroup);
    if (t.secretgroup !== undefined &&
        (secretGroup === undefined || secretGroup < 0 || !Number.isInteger(secretGroup)))
        ctx.fail(`${where}.secretGroup must be a non-negative integer`, needle);
    const entropy = weakNumber(t.entropy);
    if (t.entropy !== undefined && entropy === undefined)
        ctx.fail(`${where}.entropy must be a number`, needle);
    const keywords = ctx.strings(t.keywords, `${where}.keywords`, needle).map(k => k.toLowerCase());
    const tags = ctx.strings(t.tags, `${where}.tags`, needle);
    const description = typeof t.description === 'string' && t.description !== '' ? t.description : undefined;
    const translated = regexSrc !== undefined ? translateGoRegex(regexSrc) : undefined;
    const required = parseRequired(ctx, t.required, where, needle);
    let rule;
    if (!base) {
        if (!translated && pathSrc === undefined)
            ctx.fail(`${where} has neither regex nor path`, needle);
        rule = {
            id,
            description: description ?? id,
            keywords,
            regex: translated?.source ?? '',
            flags: translated?.flags ?? '',
            severity: 'high',
            // gitleaks: 0 means "not set" for both.
            secretGroup: secretGroup || undefined,
            entropy: entropy || undefined,
            path: pathSrc,
            tags,
            untrusted: true,
            allowlists
        };
    }
    else {
        rule = {
            ...base,
            keywords: [...new Set([...base.keywords, ...keywords])],
            tags: [...(base.tags ?? []), ...tags],
            allowlists: [...(base.allowlists ?? []), ...allowlists]
        };
        if (description)
            rule.description = description;
        if (entropy)
            rule.entropy = entropy;
        if (translated) {
            // A new regex: none of the built-in rule's tuning (validators, windows) applies to it.
            for (const k of ['validate', 'generic', 'span', 'back', 'after', 'anchored'])
                delete rule[k];
            rule.regex = translated.source;
            rule.flags = translated.flags;
            rule.untrusted = true;
            // A built-in rule's group numbers mean nothing for the new regex.
            if (!base.untrusted)
                rule.secretGroup = undefined;
        }
        // On a built-in regex only our own group numbers make sense: keep them.
        if (secretGroup && rule.untrusted)
            rule.secretGroup = secretGroup;
        if (pathSrc !== undefined)
            rule.path = pathSrc;
    }
    if (required.length > 0)
        rule.required = required;
    if (t.skipreport === true || t.skipreport === 'true')
        rule.skipReport = true;
    if (rule.untrusted && rule.regex !== '' && rule.secretGroup !== undefined) {
        const max = groupCount(rule.regex, rule.flags ?? '');
        if (rule.secretGroup > max)
            ctx.fail(`${where}: invalid regex secret group ${rule.secretGroup}, max regex secret group ${max}`, needle);
    }
    return rule;
}
function parseRequired(ctx, v, where, needle) {
    if (v === undefined)
        return [];
    if (!Array.isArray(v))
        ctx.fail(`${where}.required must be an array of tables`, needle);
    return v.map((r, i) => {
        if (!isTable(r) || typeof r.id !== 'string' || r.id.trim() === '')
            ctx.fail(`${where}: [[rules.required]] ${i} needs a rule id`, needle);
        const out = { id: r.id };
        for (const [key, name] of [
            ['withinlines', 'withinLines'],
            ['withincolumns', 'withinColumns']
        ]) {
            if (r[key] === undefined)
                continue;
            const n = weakNumber(r[key]);
            if (n === undefined || n < 0 || !Number.isInteger(n))
                ctx.fail(`${where}: [[rules.required]] ${name} must be a non-negative integer`, needle);
            out[name] = n;
        }
        return out;
    });
}
/** gitleaks follows `[extend]` from the top file and one extended file, then stops. */
const MAX_EXTEND_DEPTH = 2;
function loadToml(file, text, depth, root) {
    const ctx = new Ctx(file, text);
    let doc;
    try {
        doc = lowerKeys((0,dist/* parse */.qg)(text));
    }
    catch (err) {
        if (err instanceof dist/* TomlError */.zx)
            throw new src/* InputError */.dz('SECRETS_CONFIG', `invalid TOML: ${err.message.split('\n')[0]}`, {
                position: { file, line: err.line, column: err.column }
            });
        throw err;
    }
    let base;
    const disabled = new Set();
    const warnings = [];
    // Like gitleaks, an [extend] past the depth limit is ignored, not an error.
    if (doc.extend !== undefined && depth < MAX_EXTEND_DEPTH) {
        if (!isTable(doc.extend))
            ctx.fail('[extend] must be a table', '[extend]');
        const ext = doc.extend;
        const extPath = typeof ext.path === 'string' && ext.path !== '' ? ext.path : undefined;
        const useDefault = ext.usedefault === true || ext.usedefault === 'true';
        if (extPath && useDefault)
            ctx.fail('[extend] cannot set both path and useDefault', undefined, ctx.lineOfCi('usedefault'));
        if (useDefault)
            base = defaultConfig();
        else if (extPath) {
            // gitleaks opens the path as given, i.e. from the working directory (the scan root
            // here); a path relative to the extending file is accepted too.
            const candidates = [external_node_path_default().resolve(root, extPath), external_node_path_default().resolve(external_node_path_default().dirname(file), extPath)];
            const target = candidates.find(c => (0,external_node_fs_.existsSync)(c));
            if (!target)
                ctx.fail(`[extend] path not found: ${extPath}`, undefined, ctx.lineOfCi('path'));
            base = loadToml(target, (0,external_node_fs_.readFileSync)(target, 'utf8'), depth + 1, root);
        }
        for (const id of ctx.strings(ext.disabledrules, '[extend].disabledRules', 'disabledRules'))
            disabled.add(id);
    }
    // disabledRules drops rules of the extended configuration only (not this file's own).
    const baseRules = new Map();
    for (const r of base?.rules ?? []) {
        const gitleaksIds = Object.keys(GITLEAKS_ALIASES).filter(g => GITLEAKS_ALIASES[g].includes(r.id));
        if (!disabled.has(r.id) && !gitleaksIds.some(g => disabled.has(g)))
            baseRules.set(r.id, r);
    }
    const rules = new Map(baseRules);
    if (doc.rules !== undefined) {
        if (!Array.isArray(doc.rules)) {
            // `[[rules.allowlists]]` (or `[rules.allowlist]`) with no `[[rules]]` above it makes
            // `rules` a table: gitleaks then sees a rule without an id.
            const stray = isTable(doc.rules) &&
                (doc.rules.allowlists !== undefined || doc.rules.allowlist !== undefined);
            ctx.fail('rules must be an array of tables ([[rules]])' +
                (stray
                    ? ': this rule allowlist has no [[rules]] entry above it (a global allowlist is [allowlist] or [[allowlists]])'
                    : ''), 'rules');
        }
        doc.rules.forEach((t, i) => {
            const id = isTable(t) && typeof t.id === 'string' ? t.id : '';
            // gitleaks' id for a rule we ship under other ids, or under that id and others (gitleaks'
            // generic-api-key is our generic-api-key, generic-secret, generic-token and
            // generic-password): extending or replacing it applies to each of them.
            const aliased = (GITLEAKS_ALIASES[id] ?? []).filter(a => baseRules.has(a));
            if (aliased.some(a => a !== id)) {
                const replaces = isTable(t) && (Boolean(t.regex) || Boolean(t.path));
                if (!replaces) {
                    // Only id (plus allowlists, keywords, …): extend ours, each of them.
                    for (const a of aliased)
                        rules.set(a, parseRule(ctx, { ...t, id: a }, i, baseRules.get(a)));
                    return;
                }
                // A new regex or path for gitleaks' rule replaces ours.
                for (const a of aliased)
                    rules.delete(a);
            }
            const idOnly = isTable(t) && !t.regex && !t.path;
            if (idOnly && !baseRules.has(id) && base?.includesDefault && id !== '') {
                // A gitleaks default rule we do not ship: nothing to add allowlists or keywords to.
                warnings.push(`rule ${id} extends a gitleaks default rule that is not built in; ignored`);
                return;
            }
            const r = parseRule(ctx, t, i, baseRules.get(id));
            rules.set(r.id, r);
        });
    }
    const allowlists = [...(base?.allowlists ?? [])];
    if (doc.allowlist !== undefined)
        allowlists.push(parseAllowlist(ctx, doc.allowlist, 'allowlist', ctx.lineOf('[allowlist]')));
    if (doc.allowlists !== undefined) {
        if (!Array.isArray(doc.allowlists))
            ctx.fail('allowlists must be an array of tables ([[allowlists]])', 'allowlists');
        doc.allowlists.forEach((a, i) => allowlists.push(parseAllowlist(ctx, a, `allowlists[${i}]`, ctx.lineOfNth('[[allowlists]]', i))));
    }
    for (const r of rules.values())
        for (const req of r.required ?? [])
            if (!rules.has(req.id))
                ctx.fail(`rule ${r.id}: [[rules.required]] rule id ${req.id} does not exist`, req.id);
    const inherited = base?.allowlists.length ?? 0;
    const orphaned = new Set();
    allowlists.forEach((al, i) => {
        if (!al.targetRules || al.targetRules.length === 0)
            return;
        // A gitleaks default id we ship under other ids targets those.
        al.targetRules = al.targetRules.flatMap(id => {
            const aliased = (GITLEAKS_ALIASES[id] ?? []).filter(a => rules.has(a));
            // Our rule of that id alone, unless it is one of several that gitleaks' rule covers.
            if (rules.has(id) && !(base?.includesDefault && aliased.some(a => a !== id)))
                return [id];
            // An extended file's allowlist may target a rule this file disabled: nothing to allow.
            if (aliased.length === 0 && i >= inherited) {
                if (!base?.includesDefault)
                    ctx.fail(`allowlist targetRules names unknown rule ${id}`, id);
                warnings.push(`allowlist targetRules names ${id}, a gitleaks default rule that is not built in; ignored`);
            }
            return aliased;
        });
        if (al.targetRules.length === 0)
            orphaned.add(al);
    });
    return {
        rules: [...rules.values()],
        allowlists: allowlists.filter(al => !orphaned.has(al)),
        source: file,
        includesDefault: base?.includesDefault === true,
        warnings: [...(base?.warnings ?? []), ...warnings]
    };
}
/** Parses configuration text (exported for tests and GITLEAKS_CONFIG_TOML). */
function parseConfig(text, file = '.gitleaks.toml', root = path.dirname(path.resolve(file))) {
    return loadToml(file, text, 0, root);
}
/**
 * Finds the configuration as gitleaks does: an explicit path, then GITLEAKS_CONFIG (a path),
 * then GITLEAKS_CONFIG_TOML (the content), then `<root>/.gitleaks.toml`, else the built-in rules.
 */
function loadConfig(root, explicit, env = {}) {
    const fromFile = (file) => {
        if (!(0,external_node_fs_.existsSync)(file))
            throw new src/* InputError */.dz('SECRETS_CONFIG', `configuration file not found: ${file}`, {
                position: { file }
            });
        return loadToml(file, (0,external_node_fs_.readFileSync)(file, 'utf8'), 0, root);
    };
    if (explicit)
        return fromFile(external_node_path_default().resolve(root, explicit));
    if (env.GITLEAKS_CONFIG)
        return fromFile(external_node_path_default().resolve(root, env.GITLEAKS_CONFIG));
    if (env.GITLEAKS_CONFIG_TOML)
        return loadToml('GITLEAKS_CONFIG_TOML', env.GITLEAKS_CONFIG_TOML, 0, root);
    const local = external_node_path_default().join(root, '.gitleaks.toml');
    if ((0,external_node_fs_.existsSync)(local))
        return fromFile(local);
    return defaultConfig();
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(30714);
var external_node_vm_default = /*#__PURE__*/__webpack_require__.n(external_node_vm_);
;// CONCATENATED MODULE: ./packages/secrets/src/filters.ts
/**
 * Global look-alike filters: placeholders, template variables, documentation examples,
 * repeated or sequential characters, UUIDs, hashes and identifiers that catch-all rules would
 * otherwise report. Provider rules get the placeholder checks; generic rules get all of them.
 */

function shannonEntropy(s) {
    if (s.length === 0)
        return 0;
    const counts = new Map();
    for (const ch of s)
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
    let h = 0;
    for (const c of counts.values()) {
        const p = c / s.length;
        h -= p * Math.log2(p);
    }
    return h;
}
const TEMPLATE = /\$\{[^}]*\}?|\{\{[^}]*\}?\}?|<%[^%]*%>|%\([\w.]+\)s|^%[A-Za-z_][\w.]*%$|^@[A-Za-z_]\w*@$|^\$[A-Za-z_][\w]*$|^<[^>]*>$|^\[[^\]]*\]$/;
const EXAMPLE_WORDS = /example|sample|dummy|placeholder|changeme|change[_-]?me|your[_@.-]|redacted|xxxxxx|\*{4}|\.\.\.\.|insert[_-]?(?:your|key|token)|replace[_-]?me|fake[_-]?(?:key|token|secret)|notarealkey|not[_-]?a[_-]?real|goes[_-]?here|(?:invalid|wrong|bad)[_-](?:password|passwd|token|secret|key)|lorem/i;
const SEQUENCES = [
    '0123456789',
    '1234567890',
    'abcdefghij',
    'ABCDEFGHIJ',
    'qwertyuiop',
    'abcdef0123'
];
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
]);
/** True for a value published as a documentation or emulator example (exact match). */
function isKnownExample(secret) {
    if (secret.length < 16 || secret.length > 400)
        return false;
    return KNOWN_EXAMPLE_SHA256.has((0,external_node_crypto_.createHash)('sha256').update(secret).digest('hex'));
}
/** True for values that are obviously not real secrets, whatever the rule. */
function isPlaceholder(secret) {
    if (TEMPLATE.test(secret))
        return true;
    if (EXAMPLE_WORDS.test(secret))
        return true;
    if (/^(.)\1{5,}$/.test(secret))
        return true;
    // Long runs of one character (e.g. AKIAXXXXXXXXXXXXXXXX).
    if (/(.)\1{7,}/.test(secret))
        return true;
    for (const seq of SEQUENCES)
        if (secret.includes(seq))
            return true;
    return isKnownExample(secret);
}
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HASH_NAME = /hash|sha\d*|md5|checksum|digest|commit|etag|integrity|fingerprint|nonce|cache|revision|version|uuid|guid|\bid\b|_id\b|public/i;
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
];
const CODE_FILE = /\.(?:(?:[cm]?js|css)\.map|[cm]?js|jsx|[cm]?ts|tsx|py|pyi|rb|go|java|kt|kts|scala|groovy|cs|c|h|cc|cpp|cxx|hpp|hh|rs|swift|mm?|php|pl|pm|lua|dart|exs?|erl|hs|ml|fs|vb|jl|clj|coffee|vue|svelte|vim)$/i;
/** True for a path whose extension is a programming language's (bare right-hand sides are code). */
function isCodeFile(file) {
    return CODE_FILE.test(file);
}
/**
 * True when the words of a name read like an identifier written by a person
 * (`babel7CompatTokens`, `AuthenticatedSafe_1`, `exports.id_pkcs9_at_userPKCS12`): its letter
 * runs are long and digits are rare. Random tokens split into short runs with many digit groups.
 */
function readsLikeIdentifier(s) {
    const parts = s.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g) ?? [];
    let letters = 0;
    let words = 0;
    let short = 0;
    for (const p of parts) {
        if (p.charCodeAt(0) <= 57)
            continue;
        words++;
        letters += p.length;
        if (p.length <= 2)
            short++;
    }
    if (words === 0)
        return false;
    // Words hold vowels (~40% of letters in English, ~19% in random text); acronyms need not.
    const lower = parts
        .filter(p => p.charCodeAt(0) > 57 && !/^[A-Z]{1,4}$/.test(p))
        .join(' ')
        .toLowerCase();
    const vowels = lower.replace(/[^aeiouy]/g, '').length;
    const letterCount = lower.replace(/ /g, '').length;
    return (letters / words >= 3 &&
        parts.length - words <= Math.max(1, words / 2) &&
        short <= 1 + words / 4 &&
        // Capitals run together only in acronyms or CONSTANT_CASE, not inside a camelCase word.
        !/[a-z][A-Z]{5,}|[A-Z]{5,}[a-z]/.test(s) &&
        (letterCount < 6 || vowels / letterCount >= 0.25) &&
        // and no run of five consonants (`strengths` has one; random text has many).
        !/[b-df-hj-np-tv-xz]{5}/.test(lower));
}
/** `a.b.c`, `Mod::fn`, `a = b.c` chains, `===x.y` comparisons: member paths and expressions. */
const EXPRESSION = /^=*[A-Za-z_$][\w$]*(?:(?:\.|::|=+)[A-Za-z_$][\w$]*)+(?:\(\)?)?$|^=+[A-Za-z_$][\w$]*$/;
const IDENT = /^[A-Za-z_$][\w$]*$/;
/**
 * True for a value that is code, not a literal: a member path or an assignment chain whose names
 * read like words, a bare name (in a source file) or anything followed by a call or an index.
 */
function isCodeExpression(value, ctx) {
    if (value.startsWith('eyJ'))
        return false;
    // A sentence in a docstring may end right after the name.
    const secret = value.replace(/[.,:]$/, '');
    if (!ctx.quoted &&
        (ctx.next === '(' || ctx.next === '[' || ctx.next === '=') &&
        (IDENT.test(secret) || EXPRESSION.test(secret)))
        return true;
    if (EXPRESSION.test(secret) && (secret.startsWith('=') || readsLikeIdentifier(secret)))
        return true;
    if (!ctx.quoted && ctx.codeFile && /^[gsbwtlav]:[A-Za-z_]\w*$/.test(secret))
        return true; // Vim
    return IDENT.test(secret) && !ctx.quoted && ctx.codeFile && readsLikeIdentifier(secret);
}
/**
 * Extra filters for catch-all (generic) rules, given the secret, the whole match (whose start
 * holds the assigned name) and, when known, where the match sits.
 */
function isGenericLookalike(secret, match, ctx) {
    const lower = secret.toLowerCase();
    if (ctx && isCodeExpression(secret, ctx))
        return true;
    if (UUID_RE.test(secret))
        return true;
    if (/^(?:sha\d{1,3}|md5|sha)[-:=]/i.test(secret))
        return true;
    if (/^[0-9.]+$/.test(secret))
        return true;
    // Identifiers and member paths: getPassword, this.token, process.env.API_KEY, user_token_value.
    if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(secret) &&
        !/\d/.test(secret) &&
        secret.length < 40)
        return true;
    // CONSTANT_NAMES, also listed with slashes (`ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN`).
    if (/^_*[A-Z][A-Z0-9_-]*(?:\/_*[A-Z][A-Z0-9_-]*)*$/.test(secret) && /[_-]/.test(secret))
        return true;
    if (/^[a-z]+(?:[._-][a-z]+)+$/.test(secret))
        return true;
    // Lower-case words, some with digits: names (google_oauth2_credentials, client-java6).
    if (/^[a-z][a-z0-9]*(?:[._:-][a-z0-9]+)+$/.test(secret) && readsLikeIdentifier(secret))
        return true;
    // The next assignment's name, when the value itself is empty (`passphrase= password=`).
    const key = /^([A-Za-z_][\w.-]{0,40})=/.exec(secret)?.[1];
    if (key !== undefined &&
        (readsLikeIdentifier(key) || /^[a-z]+$/i.test(key)) &&
        // not base64 padding (`cGFzc3dvcmQ=`)
        !(/^[A-Za-z0-9+/]+={1,2}$/.test(secret) && secret.length % 4 === 0))
        return true;
    // HTTP header names (`Proxy-Authorization`), command-line flags (`--with-passphrase`).
    if (/^[A-Z][a-z]+(?:-[A-Z][a-z]+)+$|^--?[A-Za-z][\w-]*$/.test(secret))
        return true;
    // Format strings and regular expressions (`%s`, `AmazonLookout-.+`).
    if (/^%[-+# 0-9.]*[sdvqrxf]|\.[+*]|\\[dwsS]/.test(secret))
        return true;
    // Paths of three or more segments whose names read like words (projects/x/keyRings/y).
    if (/^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+){2,}$/.test(secret) && readsLikeIdentifier(secret))
        return true;
    // A word closing a sentence or a label (`passwd.1.xml: cleanups.`).
    if (/^[A-Za-z]+[.:]$/.test(secret))
        return true;
    // sed-style substitutions quoted in change logs (`s/OLD_NAME/new_name/`).
    if (/^s\/[A-Za-z_][\w.]*\/[\w.]*\/?g?$/.test(secret) && readsLikeIdentifier(secret))
        return true;
    // Names that say the value is a reference, not the secret: secret_name, token_url, key_path.
    const name = match.slice(0, Math.max(0, match.indexOf(secret)));
    const ident = /([A-Za-z0-9_.-]+)['"\x60]?\s*(?:=>|:=|=|:|<-|\|\|:)[\s'"\x60]*$/.exec(name)?.[1] ?? '';
    if (/(?:name|ref|path|file|url|uri|arn|type|field|label|prefix|header|param|var|key_?id|version|length|size|count|timeout|ttl|expir\w*|encryption|algorithm|algo|method|scheme|policy|mode|format|provider|encoding|cipher|hasher|strategy|handler|factory|service|manager|store|storage|interval|enum)$/i.test(ident))
        return true;
    // Identifiers by name (CLIENT_ID, authId), and `auth` matched inside author / authority.
    if (/(?:^|[_.-])(?:[Cc]lient)?(?:id|ID|Id)$|[a-z0-9](?:Id|ID)$|(?:auth|AUTH|Auth)(?:id|ID|Id)$/.test(ident))
        return true;
    if (/author(?!i[sz])/i.test(ident) &&
        !/token|secret|passw|pwd|key|cred|bearer|session|cookie|signature/i.test(ident))
        return true;
    // A file name in prose or a build file (`passwd.c: …`, `passphrase.3 => …`), not a variable.
    if (/\.(?:\d[a-z]*|[ch]|cc|cpp|o|py|js|ts|xml|html?|md|txt|rst|sh|pl|pm|rb|go|java|json|ya?ml|conf|cfg|ini|in|am)$/i.test(ident))
        return true;
    if (/^[a-z0-9_.-]+(?:\/[a-z0-9_.-]+)+$/.test(secret))
        return true;
    // URLs, paths, e-mail addresses.
    if (/:\/\/|^\.{0,2}\/|^~\/|@[\w-]+\.[a-z]{2,}$/i.test(secret))
        return true;
    if (/\.(?:js|ts|py|rb|go|java|json|ya?ml|toml|txt|md|html|css|png|svg|pem|crt|key|env|[cho]|cc|cpp|exe|dll|so)$/i.test(secret))
        return true;
    for (const w of STOPWORDS)
        if (lower.startsWith(w) || lower === w.replace(/\.$/, ''))
            return true;
    // Hex digests assigned to names that say they are digests.
    if (/^[a-f0-9]{32,128}$/i.test(secret) && HASH_NAME.test(name))
        return true;
    if (HASH_NAME.test(name) &&
        /^[A-Za-z0-9+/]{40,}={0,2}$/.test(secret) &&
        /integrity|sha|hash/i.test(name))
        return true;
    return false;
}
/** Paths skipped by default, as gitleaks' global allowlist does (lockfiles, vendored code, media). */
const DEFAULT_PATH_ALLOWLIST = [
    /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|Cargo\.lock|go\.sum|go\.work\.sum|poetry\.lock|Pipfile\.lock|uv\.lock|composer\.lock|Gemfile\.lock|gradle\.lockfile|packages\.lock\.json|flake\.lock|mix\.lock|pubspec\.lock|Podfile\.lock)$/,
    /(?:^|\/)(?:node_modules|vendor|bower_components|\.yarn|site-packages|\.venv|__pycache__)\//,
    /\.(?:png|jpe?g|gif|bmp|ico|webp|tiff?|svgz|eot|otf|ttf|woff2?|mp[34]|avi|mov|pdf|zip|gz|tgz|bz2|xz|7z|jar|war|class|so|dll|dylib|exe|bin|pyc|o|a|wasm|lockb)$/i,
    /(?:^|\/)\.gitleaksignore$|(?:^|\/)\.secure-pipeline-baseline\.json$/
];

;// CONCATENATED MODULE: ./packages/secrets/src/matcher.ts
function createMatcher(spec, vm, isAscii) {
    // ---- Aho-Corasick automaton over lower-cased bytes, compiled to a dense DFA ----
    const kwIndex = new Map();
    const kwRules = [];
    const alwaysRules = [];
    spec.rules.forEach((r, ri) => {
        if (r.keywords.length === 0) {
            alwaysRules.push(ri);
            return;
        }
        for (const raw of r.keywords) {
            const kw = raw.toLowerCase();
            if (kw.length === 0)
                continue;
            let k = kwIndex.get(kw);
            if (k === undefined) {
                k = kwRules.length;
                kwIndex.set(kw, k);
                kwRules.push([]);
            }
            if (!kwRules[k].includes(ri))
                kwRules[k].push(ri);
        }
    });
    const lower = new Uint8Array(256);
    for (let i = 0; i < 256; i++)
        lower[i] = i >= 65 && i <= 90 ? i + 32 : i;
    const children = [new Map()];
    const outputs = [[]];
    const enc = new TextEncoder();
    for (const [kw, k] of kwIndex) {
        let s = 0;
        for (const b of enc.encode(kw)) {
            const c = lower[b];
            let next = children[s].get(c);
            if (next === undefined) {
                next = children.length;
                children.push(new Map());
                outputs.push([]);
                children[s].set(c, next);
            }
            s = next;
        }
        outputs[s].push(k);
    }
    const n = children.length;
    const delta = n < 65536 ? new Uint16Array(n * 256) : new Int32Array(n * 256);
    const fail = new Int32Array(n);
    const queue = [];
    for (let c = 0; c < 256; c++) {
        const t = children[0].get(c);
        if (t !== undefined) {
            delta[c] = t;
            fail[t] = 0;
            queue.push(t);
        }
    }
    for (let qi = 0; qi < queue.length; qi++) {
        const s = queue[qi];
        for (const o of outputs[fail[s]])
            if (!outputs[s].includes(o))
                outputs[s].push(o);
        for (let c = 0; c < 256; c++) {
            const t = children[s].get(c);
            if (t !== undefined) {
                fail[t] = delta[fail[s] * 256 + c];
                delta[s * 256 + c] = t;
                queue.push(t);
            }
            else {
                delta[s * 256 + c] = delta[fail[s] * 256 + c];
            }
        }
    }
    // Upper-case bytes map to the same transitions as lower-case ones.
    for (let s = 0; s < n; s++)
        for (let c = 65; c <= 90; c++)
            delta[s * 256 + c] = delta[s * 256 + c + 32];
    const kwLen = [];
    for (const [kw, k] of kwIndex)
        kwLen[k] = enc.encode(kw).length;
    const hasOut = new Uint8Array(n);
    const outRules = [];
    /** Anchored rules per state, flattened as [rule, keyword length, ...]. */
    const outAnch = [];
    for (let s = 0; s < n; s++) {
        const rs = new Set();
        const an = [];
        for (const k of outputs[s])
            for (const r of kwRules[k]) {
                if (spec.rules[r].anchored && !spec.rules[r].untrusted)
                    an.push(r, kwLen[k]);
                else
                    rs.add(r);
            }
        outRules.push([...rs]);
        outAnch.push(an);
        if (rs.size > 0 || an.length > 0)
            hasOut[s] = 1;
    }
    // Renumber states so that every state with an output comes last: the hot loop then tests
    // `s >= firstOut` instead of loading a flag.
    const newId = new Int32Array(n);
    let next = 0;
    for (let s = 0; s < n; s++)
        if (hasOut[s] === 0)
            newId[s] = next++;
    const firstOut = next;
    for (let s = 0; s < n; s++)
        if (hasOut[s] === 1)
            newId[s] = next++;
    // Entries hold the next state already multiplied by 256 (a row offset), so the hot loop is
    // one add and one load per byte.
    const dfa = new Int32Array(n * 256);
    const outRulesById = new Array(n);
    const outAnchById = new Array(n);
    for (let s = 0; s < n; s++) {
        const ns = newId[s];
        for (let c = 0; c < 256; c++)
            dfa[ns * 256 + c] = newId[delta[s * 256 + c]] * 256;
        outRulesById[ns] = outRules[s];
        outAnchById[ns] = outAnch[s];
    }
    const firstOutRow = firstOut * 256;
    // A lane that starts this many bytes early reaches the true automaton state (its depth never
    // exceeds the longest keyword) before its own first byte.
    let maxKw = 1;
    for (const l of kwLen)
        if (l > maxKw)
            maxKw = l;
    const LANE_MIN = Math.max(4096, maxKw * 16);
    const laneHits = [[], [], [], []];
    /**
     * Every keyword hit of `buf` as [end offset, state row, ...] in order. One byte-at-a-time
     * automaton is bound by its load latency; four independent lanes over the quarters of the
     * buffer overlap those loads (about 2.5× faster), each lane starting `maxKw` bytes early.
     */
    function collectHits(buf, out) {
        out.length = 0;
        const len = buf.length;
        if (len < LANE_MIN) {
            lane(buf, 0, len, 0, out);
            return;
        }
        const q = len >> 2;
        const o0 = laneHits[0];
        const o1 = laneHits[1];
        const o2 = laneHits[2];
        const o3 = laneHits[3];
        o0.length = 0;
        o1.length = 0;
        o2.length = 0;
        o3.length = 0;
        // Warm-up hits belong to the previous lane: they go to a scratch list.
        const s1 = lane(buf, q - maxKw, q, 0, o1);
        const s2 = lane(buf, 2 * q - maxKw, 2 * q, 0, o2);
        const s3 = lane(buf, 3 * q - maxKw, 3 * q, 0, o3);
        o1.length = 0;
        o2.length = 0;
        o3.length = 0;
        const s3end = lanes4(buf, q, s1, s2, s3, o0, o1, o2, o3);
        lane(buf, 4 * q, len, s3end, o3);
        append(out, o0);
        append(out, o1);
        append(out, o2);
        append(out, o3);
    }
    /** One automaton over [from, to) from state row `s`; returns the final state row. */
    function lane(buf, from, to, s, out) {
        const t = dfa;
        const f = firstOutRow;
        for (let i = from; i < to; i++) {
            s = t[s + buf[i]];
            if (s >= f)
                out.push(i, s);
        }
        return s;
    }
    /** Four automata over the four quarters [0, 4q); returns the last lane's final state row. */
    function lanes4(buf, q, s1, s2, s3, o0, o1, o2, o3) {
        const t = dfa;
        const f = firstOutRow;
        let s0 = 0;
        for (let i = 0, j1 = q, j2 = 2 * q, j3 = 3 * q; i < q; i++, j1++, j2++, j3++) {
            s0 = t[s0 + buf[i]];
            s1 = t[s1 + buf[j1]];
            s2 = t[s2 + buf[j2]];
            s3 = t[s3 + buf[j3]];
            if (s0 >= f)
                o0.push(i, s0);
            if (s1 >= f)
                o1.push(j1, s1);
            if (s2 >= f)
                o2.push(j2, s2);
            if (s3 >= f)
                o3.push(j3, s3);
        }
        return s3;
    }
    function append(out, from) {
        for (let k = 0; k < from.length; k++)
            out.push(from[k]);
    }
    const hitsAll = [];
    const regexes = spec.rules.map(r => new RegExp(r.source, r.flags.includes('g') ? r.flags : r.flags + 'g'));
    const stickies = spec.rules.map(r => r.anchored ? new RegExp(r.source, r.flags.replace(/[gy]/g, '') + 'y') : undefined);
    const disabledRules = new Set();
    const vmContext = vm.createContext({ re: null, texts: null, out: null, max: 0 });
    // One call per rule and buffer: all its windows under one time budget.
    const vmScript = new vm.Script('{ out = []; let total = 0; for (const text of texts) { const f = []; re.lastIndex = 0;' +
        ' for (let m; (m = re.exec(text)) !== null; ) { f.push([m.index, Array.from(m)]);' +
        ' if (m[0].length === 0) re.lastIndex++; if (++total >= max) break }' +
        ' out.push(f); if (total >= max) break } }');
    const decoder = new TextDecoder('utf-8');
    const afterSets = spec.rules.map(r => {
        if (!r.after)
            return undefined;
        const set = new Uint8Array(256);
        for (const b of r.after.bytes)
            set[b] = 1;
        return { set, within: r.after.within };
    });
    const drops = spec.rules.map(r => (r.drop ? new RegExp(r.drop, 'i') : undefined));
    const entropyOf = (str) => {
        if (!/[^\t-~]/.test(str)) {
            entropyCounts.fill(0);
            for (let i = 0; i < str.length; i++)
                entropyCounts[str.charCodeAt(i)]++;
            let h = 0;
            for (let i = 0; i < 128; i++) {
                const c = entropyCounts[i];
                if (c === 0)
                    continue;
                const p = c / str.length;
                h -= p * Math.log2(p);
            }
            return h;
        }
        const counts = new Map();
        for (const ch of str)
            counts.set(ch, (counts.get(ch) ?? 0) + 1);
        let h = 0;
        for (const c of counts.values()) {
            const p = c / str.length;
            h -= p * Math.log2(p);
        }
        return h;
    };
    /** False when the match's secret fails the rule's entropy or drop gate. */
    const passesGates = (r, groups) => {
        const rule = spec.rules[r];
        if (rule.entropy === undefined && drops[r] === undefined)
            return true;
        let secret;
        if (rule.secretGroup !== undefined)
            secret = groups[rule.secretGroup];
        else {
            for (let g = 1; g < groups.length && !secret; g++)
                secret = groups[g];
            if (!secret)
                secret = groups[0];
        }
        if (!secret)
            return false;
        if (rule.entropy !== undefined && entropyOf(secret) <= rule.entropy)
            return false;
        const d = drops[r];
        return d === undefined || !d.test(secret);
    };
    // Windows of one rule closer than this are merged: fewer, longer regex runs.
    const MERGE_GAP = spec.mergeGap ?? 128;
    const winsAll = spec.rules.map(() => []);
    const coveredAll = new Float64Array(spec.rules.length);
    const usedRules = [];
    const entropyCounts = new Uint32Array(128);
    function scan(buf) {
        const len = buf.length;
        const nRules = spec.rules.length;
        // Per rule: windows as [start, end) byte offsets, merged as hits arrive (hits come in order).
        // Shared arrays, reset per buffer: allocation per file and rule showed up as GC time.
        const wins = winsAll;
        for (const r of usedRules)
            wins[r].length = 0;
        usedRules.length = 0;
        const covered = coveredAll;
        covered.fill(-1);
        /** Anchored hits: [rule, start byte, ...]. */
        const anch = [];
        // Bounds of the line holding the current hit; hits arrive in order, so most reuse them.
        let curLS = 0;
        let curLE = -1;
        const hits = hitsAll;
        collectHits(buf, hits);
        for (let h = 0; h < hits.length; h += 2) {
            const i = hits[h];
            const s = hits[h + 1] >> 8;
            {
                if (i >= curLE) {
                    // Plain loops: lines are short, and a native indexOf call costs more than the scan.
                    // The backward scan stops at the previous hit line's end at the latest.
                    let a = i;
                    while (a >= 0 && buf[a] !== 10)
                        a--;
                    curLS = a + 1;
                    let e = i;
                    while (e < len && buf[e] !== 10)
                        e++;
                    curLE = e;
                }
                const an = outAnchById[s];
                for (let j = 0; j < an.length; j += 2) {
                    const r = an[j];
                    const aft = afterSets[r];
                    if (aft !== undefined) {
                        const stop = Math.min(curLE, i + aft.within + 1);
                        let ok = false;
                        const set = aft.set;
                        for (let k = i + 1; k < stop; k++)
                            if (set[buf[k]] === 1) {
                                ok = true;
                                break;
                            }
                        if (!ok)
                            continue;
                    }
                    anch.push(r, i - an[j + 1] + 1);
                }
                const rs = outRulesById[s];
                for (let j = 0; j < rs.length; j++) {
                    const r = rs[j];
                    if (i < covered[r])
                        continue;
                    const rule = spec.rules[r];
                    const aft = afterSets[r];
                    if (aft !== undefined) {
                        const stop = Math.min(curLE, i + aft.within + 1);
                        let ok = false;
                        const set = aft.set;
                        for (let k = i + 1; k < stop; k++)
                            if (set[buf[k]] === 1) {
                                ok = true;
                                break;
                            }
                        if (!ok)
                            continue;
                    }
                    let start = curLS;
                    if (rule.back > 0 && start > 0)
                        start = buf.lastIndexOf(10, Math.max(0, curLS - rule.back)) + 1;
                    let end = curLE;
                    if (rule.span > 0 && end < len) {
                        end = buf.indexOf(10, Math.min(len - 1, curLE + rule.span));
                        if (end === -1)
                            end = len;
                    }
                    covered[r] = end;
                    const w = wins[r];
                    if (w.length === 0)
                        usedRules.push(r);
                    if (w.length > 0 && start <= w[w.length - 1] + MERGE_GAP)
                        w[w.length - 1] = Math.max(w[w.length - 1], end);
                    else
                        w.push(start, end);
                }
            }
        }
        for (const r of alwaysRules) {
            if (wins[r].length === 0)
                usedRules.push(r);
            wins[r].push(0, len);
        }
        let nl;
        const newlines = () => {
            if (nl)
                return nl;
            const acc = [];
            for (let p = buf.indexOf(10); p !== -1; p = buf.indexOf(10, p + 1))
                acc.push(p);
            nl = Int32Array.from(acc);
            return nl;
        };
        /** 0-based line index of a byte offset. */
        const lineOf = (off) => {
            const a = newlines();
            let lo = 0;
            let hi = a.length;
            while (lo < hi) {
                const mid = (lo + hi) >> 1;
                if (a[mid] < off)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            return lo;
        };
        // ASCII files (most source code) are decoded once; windows are then cheap slices.
        let whole;
        const any = anch.length > 0 || usedRules.length > 0;
        if (any) {
            let ascii;
            if (isAscii)
                ascii = isAscii(buf);
            else {
                ascii = true;
                for (let p = 0; p < len && ascii; p++)
                    if (buf[p] > 127)
                        ascii = false;
            }
            if (ascii)
                whole = decoder.decode(buf);
        }
        // Anchored hits: tried in place on ASCII text, else turned into line windows.
        const anchFound = new Map();
        for (let j = 0; j < anch.length; j += 2) {
            const r = anch[j];
            const start = anch[j + 1];
            const re = stickies[r];
            let m = null;
            if (whole !== undefined && re) {
                // Anchored rules never match across a newline, so the whole text is as good as the line.
                re.lastIndex = start;
                m = re.exec(whole);
                if (m === null)
                    continue;
            }
            const ls = start > 0 ? buf.lastIndexOf(10, start - 1) + 1 : 0;
            let le = buf.indexOf(10, start);
            if (le === -1)
                le = len;
            if (m === null) {
                const w = wins[r];
                if (w.length === 0)
                    usedRules.push(r);
                if (w.length > 0 && ls <= w[w.length - 1])
                    w[w.length - 1] = Math.max(w[w.length - 1], le);
                else
                    w.push(ls, le);
                continue;
            }
            const text = whole.slice(ls, le);
            m.index -= ls;
            let list = anchFound.get(r);
            if (!list)
                anchFound.set(r, (list = []));
            list.push([ls, text, [[m.index, Array.from(m, g => g ?? null)]]]);
        }
        const matches = [];
        const slow = [];
        for (let r = 0; r < nRules; r++) {
            const w = wins[r];
            const af = anchFound.get(r);
            if ((w.length === 0 && af === undefined) || disabledRules.has(r))
                continue;
            const rule = spec.rules[r];
            const re = regexes[r];
            let count = 0;
            const units = [];
            for (let wi = 0; wi < w.length; wi += 2)
                units.push([wi, undefined, undefined]);
            for (const [ls, text, found] of af ?? [])
                units.push([ls, text, found]);
            let untrustedFound;
            for (let ui = 0; ui < units.length && count < spec.maxMatchesPerRule; ui++) {
                const unit = units[ui];
                const ws = unit[1] === undefined ? w[unit[0]] : unit[0];
                const text = unit[1] !== undefined
                    ? unit[1]
                    : whole !== undefined
                        ? whole.slice(ws, w[unit[0] + 1])
                        : decoder.decode(buf.subarray(ws, w[unit[0] + 1]));
                let found = [];
                if (unit[2] !== undefined)
                    found = unit[2];
                else if (rule.untrusted) {
                    if (untrustedFound === undefined) {
                        const texts = units.map(u => u[1] !== undefined
                            ? u[1]
                            : whole !== undefined
                                ? whole.slice(w[u[0]], w[u[0] + 1])
                                : decoder.decode(buf.subarray(w[u[0]], w[u[0] + 1])));
                        vmContext.re = re;
                        vmContext.texts = texts;
                        vmContext.max = spec.maxMatchesPerRule;
                        const t0 = Date.now();
                        try {
                            vmScript.runInContext(vmContext, { timeout: spec.timeoutMs });
                            untrustedFound = vmContext.out;
                        }
                        catch (err) {
                            // Anything but the time budget is a bug: rethrow it.
                            if (err.code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT')
                                throw err;
                            disabledRules.add(r);
                            slow.push({ rule: r, ms: Date.now() - t0 });
                            break;
                        }
                        finally {
                            vmContext.texts = null;
                            vmContext.out = null;
                        }
                    }
                    found = untrustedFound[ui] ?? [];
                }
                else {
                    re.lastIndex = 0;
                    for (let m; (m = re.exec(text)) !== null;) {
                        found.push([m.index, Array.from(m, g => g ?? null)]);
                        if (m[0].length === 0)
                            re.lastIndex++;
                        if (found.length + count >= spec.maxMatchesPerRule)
                            break;
                    }
                }
                if (found.length === 0)
                    continue;
                let baseLine = -1;
                for (const [idx, groups] of found) {
                    const m0 = groups[0] ?? '';
                    if (m0.length === 0)
                        continue;
                    if (!passesGates(r, groups))
                        continue;
                    if (baseLine === -1)
                        baseLine = lineOf(ws);
                    count++;
                    let line = baseLine;
                    let lineStart = 0;
                    for (let p = text.indexOf('\n'); p !== -1 && p < idx; p = text.indexOf('\n', p + 1)) {
                        line++;
                        lineStart = p + 1;
                    }
                    const endIdx = idx + m0.length;
                    let endLine = line;
                    let endLineStart = lineStart;
                    for (let p = text.indexOf('\n', idx); p !== -1 && p < endIdx - 1; p = text.indexOf('\n', p + 1)) {
                        endLine++;
                        endLineStart = p + 1;
                    }
                    const lineEnd = text.indexOf('\n', idx);
                    const endLineEnd = text.indexOf('\n', endIdx - 1);
                    matches.push({
                        rule: r,
                        line: line + 1,
                        column: idx - lineStart + 1,
                        endLine: endLine + 1,
                        endColumn: endIdx - endLineStart + 1,
                        match: m0,
                        groups,
                        lineText: text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd).slice(0, 4096),
                        endLineText: text
                            .slice(endLineStart, endLineEnd === -1 ? text.length : endLineEnd)
                            .slice(0, 4096)
                    });
                }
            }
        }
        return { matches, slow };
    }
    return { scan, disabled: () => [...disabledRules] };
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./packages/secrets/src/validators.ts
/**
 * Structural checks that cut false positives without any network access: GitHub's and npm's
 * CRC32 token checksums, JWT header shape, base64 `user:password` pairs.
 */


/** CRC-32 (IEEE), as GitHub and npm checksum their tokens: zlib's, over the ASCII token body. */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
function base62(n, width) {
    let s = '';
    let v = n;
    while (v > 0) {
        s = BASE62[v % 62] + s;
        v = Math.floor(v / 62);
    }
    return s.padStart(width, '0');
}
/**
 * GitHub (ghp_, gho_, ghu_, ghs_, ghr_) and npm (npm_) tokens: 30 random base62 characters
 * followed by the base62 CRC32 of those 30 characters, padded to 6.
 */
function hasValidTokenChecksum(token) {
    const us = token.indexOf('_');
    const body = token.slice(us + 1);
    if (body.length !== 36)
        return false;
    return base62((0,external_node_zlib_.crc32)(body.slice(0, 30)), 6) === body.slice(30);
}
function b64decode(s) {
    const norm = s.replace(/-/g, '+').replace(/_/g, '/');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(norm))
        return undefined;
    return Buffer.from(norm, 'base64').toString('utf8');
}
function isJwt(token) {
    const [header, payload] = token.split('.');
    try {
        const h = JSON.parse(b64decode(header) ?? '');
        if (typeof h !== 'object' || h === null || !('alg' in h))
            return false;
        const p = JSON.parse(b64decode(payload) ?? '');
        return typeof p === 'object' && p !== null;
    }
    catch {
        return false;
    }
}
const PLACEHOLDER_PASSWORD = /^(?:password|passwd|pass|pwd|secret|changeme|change_me|example|sample|test|dummy|placeholder|x+|\*+|\.+|-+|user(?:name)?|<[^>]*>|\[[^\]]*\]|\{[^}]*\}|%[^%]*%|\$.*|your[-_]?\w*|my[-_]?password|redacted|none|null|undefined|empty|default|admin|root|guest|foo|bar|baz|token|api[-_]?key)$/i;
function isPlaceholderPassword(p) {
    return PLACEHOLDER_PASSWORD.test(p) || /^(.)\1+$/.test(p) || /\$\{|\{\{|%[A-Z_]+%/.test(p);
}
function basicAuthLooksReal(b64) {
    const decoded = b64decode(b64);
    if (decoded === undefined)
        return false;
    const i = decoded.indexOf(':');
    if (i <= 0 || i === decoded.length - 1)
        return false;
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x1f\x7f\ufffd]/.test(decoded))
        return false;
    return !isPlaceholderPassword(decoded.slice(i + 1));
}
/** A base64 string that decodes to a JSON Web Token (as in a Kubernetes Secret or an env dump). */
function isBase64Jwt(b64) {
    const decoded = b64decode(b64.replace(/=+$/, ''));
    if (decoded === undefined)
        return false;
    const jwt = /^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/.exec(decoded)?.[0];
    return jwt !== undefined && isJwt(jwt);
}
/**
 * A password or Secret value that is not a placeholder, also behind base64: Kubernetes `data`
 * values and many `.env` dumps are base64, so `cGFzc3dvcmQ=` ("password") or
 * `JHtEQl9QQVNTV09SRH0=` ("${DB_PASSWORD}") must be recognised as the placeholders they encode.
 */
/** Certificates and public keys share Secrets with their private halves (tls.crt, ca.crt). */
function isPublicMaterial(value) {
    const text = /^[A-Za-z0-9+/]+={0,2}$/.test(value)
        ? Buffer.from(value.slice(0, 64), 'base64').toString('latin1')
        : value;
    return /^\s*(?:-----BEGIN (?:CERTIFICATE|PUBLIC KEY|X509 CRL)|ssh-(?:rsa|ed25519|dss) |ecdsa-sha2-)/.test(text);
}
function valueLooksReal(value) {
    if (isPlaceholderPassword(value))
        return false;
    if (/^[A-Za-z0-9+/]{4,}={0,2}$/.test(value) && value.length % 4 === 0) {
        const decoded = Buffer.from(value, 'base64').toString('utf8');
        // eslint-disable-next-line no-control-regex
        if (!/[\x00-\x08\x0e-\x1f\x7f\ufffd]/.test(decoded)) {
            const text = decoded.trim();
            if (text.length < 4 || isPlaceholderPassword(text))
                return false;
            if (/\$\{|\{\{|<[^>]*>|example|changeme|replace[_-]?me|xxxx|redacted/i.test(text))
                return false;
        }
    }
    return true;
}
/** Hosts reserved for documentation (RFC 2606, RFC 6761): `https://abc:xyz@example.com`. */
const DOC_HOST = /(?:^|\.)(?:example\.(?:com|net|org)|example|test|invalid)$/i;
/**
 * A URL's password: not a placeholder, and on a documentation host only when it looks generated
 * (manuals write `user:pass@example.com`; a planted or leaked secret is long and random).
 */
function urlPasswordLooksReal(password, match) {
    if (!valueLooksReal(password))
        return false;
    const host = /@([\w.-]+)$/.exec(match)?.[1] ?? '';
    return !DOC_HOST.test(host) || (password.length >= 8 && shannonEntropy(password) >= 3);
}
/** `match` is the rule's whole match (some checks read the context of the secret). */
function validate(name, secret, match = secret) {
    switch (name) {
        case 'url-password':
            return urlPasswordLooksReal(secret, match);
        case 'github-checksum': {
            const body = secret.slice(secret.indexOf('_') + 1);
            // Refresh tokens come in a longer form without a documented checksum.
            if (body.length !== 36)
                return true;
            return hasValidTokenChecksum(secret);
        }
        case 'npm-checksum':
            return hasValidTokenChecksum(secret);
        case 'jwt':
            return isJwt(secret);
        case 'basic-auth-base64':
        case 'docker-auth':
            return basicAuthLooksReal(secret);
        case 'not-placeholder-password':
            return valueLooksReal(secret);
        case 'base64-key':
            return b64decode(secret) !== undefined;
        case 'jwt-base64':
            return isBase64Jwt(secret);
        case 'kubernetes-secret-value':
            return valueLooksReal(secret) && !isPublicMaterial(secret);
    }
}

;// CONCATENATED MODULE: ./packages/secrets/src/engine.ts
/**
 * Turns raw regex matches into findings: secret group, entropy gate, structural validators,
 * look-alike filters, inline allow comments, global and per-rule allowlists. Also owns the
 * matcher specification shared with the worker threads.
 */








/** Inline suppressions: gitleaks' marker and our own. */
const ALLOW_MARKERS = ['gitleaks:allow', 'secure-pipeline:allow'];
/** Early drops run in the workers: strict subsets of isPlaceholder / isGenericLookalike. */
const PROVIDER_DROP = String.raw `example|\$\{|\{\{`;
const GENERIC_DROP = PROVIDER_DROP +
    String.raw `|^(?=[^0-9]*$)(?=.{0,39}$)[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`;
/**
 * What gitleaks' default global allowlist allows as a secret (so it applies to your rules when
 * `useDefault = true`): `true`/`false`/`null`, one repeated letter, `*` or `.`, shell and
 * template variables (`$1`, `${1}`, `$VAR`, `${VAR}`, `{{ x }}`, `${{ secrets.X }}`, `%VAR%`,
 * `@VAR@`), format verbs (`%s`, `{0}`) and absolute Unix paths.
 */
const DEFAULT_ALLOWED_VALUES = [
    /^(?:true|false|null)$/i,
    /^(?:([a-z])\1*|\*+|\.+)$/i,
    /^\$(?:\d+|\{\d+\})$/,
    /^\$(?:\{(?:[A-Z_]+|[a-z_]+)\}|[A-Z_]+|[a-z_]+)$/,
    /^\{\{[ \t]*[\w ().|]+[ \t]*\}\}$/,
    /^\$\{\{[ \t]*(?:env|github|secrets|vars)(?:\.[A-Za-z]\w+)+[\w "'&./=|]*[ \t]*\}\}$/,
    /^%(?:[A-Z_]+|[a-z_]+)%$/,
    /^%[+\-# 0]?[bcdeEfFgGoOpqstTUvxX]$/,
    /^\{\d{0,2}\}$/,
    /^@(?:[A-Z_]+|[a-z_]+)@$/,
    /^\/Users\/[A-Za-z0-9]+\/[\w ./-]+$/,
    /^\/(?:bin|etc|home|opt|tmp|usr|var)\/[\w ./-]+$/
];
/** gitleaks' default stop words: the alphabet and one documentation UUID. */
const DEFAULT_STOPWORDS = ['abcdefghijklmnopqrstuvwxyz', '014df517-39d1-4453-b7b3-9930c563627c'];
function isDefaultAllowedValue(secret) {
    const lower = secret.toLowerCase();
    return (DEFAULT_ALLOWED_VALUES.some(re => re.test(secret)) ||
        DEFAULT_STOPWORDS.some(w => lower.includes(w)));
}
/** Suppression files, never scanned (whatever the configuration). */
const OWN_FILES = /(?:^|\/)\.gitleaksignore$|(?:^|\/)\.secure-pipeline-baseline\.json$/;
/** A window larger than any buffer: the rule sees the whole file (or diff chunk). */
const WHOLE_FILE = 2 ** 30;
const MATCHER_LIMITS = { timeoutMs: 2000, maxMatchesPerRule: 2000 };
function secretHash(ruleId, secret) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(`secure-pipeline/secrets/v1\0${ruleId}\0${secret}`)
        .digest('hex');
}
class RuleSet {
    rules;
    /** Rules with a regex, in matcher order. */
    regexRules;
    pathOnlyRules;
    spec;
    pathRes = new Map();
    allowlists;
    useDefaultPathFilter;
    /** Rules whose findings yield to a provider rule's on the same secret. */
    genericIds;
    /** Composite rules (`[[rules.required]]`) and `skipReport` rules, by id. */
    composite = new Map();
    constructor(config, options = {}) {
        this.rules = config.rules;
        // User rules carry no flag: gitleaks' own naming (generic-api-key, …) marks theirs.
        this.genericIds = new Set(config.rules
            .filter(r => r.generic === true ||
            r.id.startsWith('generic-') ||
            r.id.startsWith('authorization-bearer'))
            .map(r => r.id));
        this.allowlists = config.allowlists;
        for (const r of config.rules)
            if ((r.required && r.required.length > 0) || r.skipReport)
                this.composite.set(r.id, r);
        this.useDefaultPathFilter = options.defaultPathFilter ?? config.includesDefault !== false;
        this.regexRules = config.rules.filter(r => r.regex !== '');
        this.pathOnlyRules = config.rules.filter(r => r.regex === '' && r.path);
        for (const r of config.rules)
            if (r.path)
                this.pathRes.set(r, compileGoRegex(r.path));
        this.spec = {
            rules: this.regexRules.map(r => ({
                source: expandCaseInsensitiveGroups(r.regex),
                flags: r.flags ?? '',
                // gitleaks runs a rule as another's required part without its keyword check.
                keywords: r.skipReport ? [] : r.keywords,
                // gitleaks runs a rule's regex over the whole fragment once any keyword is in it: user
                // rules do too (multi-line patterns, `^`/`$` as in Go, a keyword on another line).
                span: r.untrusted ? WHOLE_FILE : (r.span ?? 0),
                back: r.untrusted ? WHOLE_FILE : (r.back ?? 0),
                untrusted: r.untrusted ?? false,
                ...(r.secretGroup !== undefined ? { secretGroup: r.secretGroup } : {}),
                ...(r.entropy !== undefined ? { entropy: r.entropy } : {}),
                ...(r.anchored && !r.untrusted ? { anchored: true } : {}),
                ...(r.after
                    ? {
                        after: { bytes: [...r.after.chars].map(c => c.charCodeAt(0)), within: r.after.within }
                    }
                    : {}),
                ...(r.untrusted ? {} : { drop: r.generic ? GENERIC_DROP : PROVIDER_DROP })
            })),
            ...MATCHER_LIMITS
        };
    }
    createMatcher() {
        return createMatcher(this.spec, (external_node_vm_default()), external_node_buffer_.isAscii);
    }
    /** False when the file is skipped by the default or a global path allowlist. */
    pathAllowed(file) {
        if (OWN_FILES.test(file))
            return false;
        if (this.useDefaultPathFilter && DEFAULT_PATH_ALLOWLIST.some(re => re.test(file)))
            return false;
        for (const al of this.allowlists) {
            if (al.targetRules && al.targetRules.length > 0)
                continue;
            if (al.condition === 'AND' &&
                (al.commits.length > 0 || al.regexes.length > 0 || al.stopwords.length > 0))
                continue;
            if (al.paths.some(re => re.test(file)))
                return false;
        }
        return true;
    }
    slowReports(slow, file) {
        return slow.map(s => ({ ruleId: this.regexRules[s.rule].id, file, ms: s.ms }));
    }
    /** Findings of path-only rules for one file. */
    pathFindings(file, commit) {
        const out = [];
        for (const r of this.pathOnlyRules) {
            if (r.skipReport)
                continue;
            if (!this.pathRes.get(r)?.test(file))
                continue;
            const f = this.makeFinding(r, file, 1, 1, 1, 1, '', file, commit);
            if (!this.allowedByLists(r, f, file, commit))
                out.push(f);
        }
        return out;
    }
    makeFinding(rule, file, startLine, startColumn, endLine, endColumn, secret, match, commit) {
        const fingerprint = commit
            ? `${commit.commit}:${file}:${rule.id}:${startLine}`
            : `${file}:${rule.id}:${startLine}`;
        return {
            ruleId: rule.id,
            description: rule.description,
            severity: rule.severity,
            file,
            startLine,
            endLine,
            startColumn,
            endColumn,
            secret,
            match,
            entropy: Math.round(shannonEntropy(secret) * 1000) / 1000,
            fingerprint,
            secretHash: secretHash(rule.id, secret),
            ...(commit
                ? { commit: commit.commit, author: commit.author, email: commit.email, date: commit.date }
                : {}),
            ...(rule.tags && rule.tags.length > 0 ? { tags: rule.tags } : {})
        };
    }
    listMatches(al, f, line, commit) {
        const checks = [];
        if (al.commits.length > 0) {
            const sha = commit?.commit.toLowerCase();
            checks.push(sha !== undefined && al.commits.some(c => sha.startsWith(c)));
        }
        if (al.paths.length > 0)
            checks.push(al.paths.some(re => re.test(f.file)));
        // A path-only finding has no secret: as in gitleaks, only commits and paths apply to it
        // (and an AND allowlist with regexes or stopwords never allows it).
        if (f.secret === '' && (al.regexes.length > 0 || al.stopwords.length > 0)) {
            if (al.condition === 'AND')
                return false;
            return checks.some(Boolean);
        }
        if (al.regexes.length > 0) {
            const target = al.regexTarget === 'match' ? f.match : al.regexTarget === 'line' ? line : f.secret;
            checks.push(al.regexes.some(re => {
                re.lastIndex = 0;
                return re.test(target);
            }));
        }
        if (al.stopwords.length > 0) {
            const lower = f.secret.toLowerCase();
            checks.push(al.stopwords.some(w => lower.includes(w)));
        }
        if (checks.length === 0)
            return false;
        return al.condition === 'AND' ? checks.every(Boolean) : checks.some(Boolean);
    }
    allowedByLists(rule, f, line, commit) {
        for (const al of this.allowlists) {
            if (al.targetRules && al.targetRules.length > 0 && !al.targetRules.includes(rule.id))
                continue;
            if (this.listMatches(al, f, line, commit))
                return true;
        }
        for (const al of rule.allowlists ?? [])
            if (this.listMatches(al, f, line, commit))
                return true;
        return false;
    }
    /**
     * Raw matches of one buffer → findings. `lineMap` maps buffer lines (0-based) to file lines
     * (1-based) when the buffer holds a diff's added lines.
     */
    toFindings(file, raws, commit, lineMap) {
        const out = [];
        for (const m of raws) {
            const rule = this.regexRules[m.rule];
            if (rule.path && !this.pathRes.get(rule)?.test(file))
                continue;
            // gitleaks looks for its marker on every line the match spans.
            if (ALLOW_MARKERS.some(a => m.lineText.includes(a) || m.endLineText.includes(a) || m.match.includes(a)))
                continue;
            let secret;
            if (rule.secretGroup !== undefined)
                secret = m.groups[rule.secretGroup];
            else
                secret = m.groups.slice(1).find(g => g !== null && g !== '') ?? m.match;
            if (!secret)
                continue;
            if (rule.entropy !== undefined && shannonEntropy(secret) <= rule.entropy)
                continue;
            if (rule.validate && !validate(rule.validate, secret, m.match))
                continue;
            if (!rule.untrusted && isPlaceholder(secret))
                continue;
            // Your rules, with gitleaks' default config extended: its global allowlist of values.
            if (rule.untrusted && this.useDefaultPathFilter && isDefaultAllowedValue(secret))
                continue;
            // Position of the secret inside the match.
            const at = Math.max(0, m.match.indexOf(secret));
            const before = m.match.slice(0, at);
            const nlBefore = before.split('\n').length - 1;
            if (rule.generic) {
                // What follows the secret on its line, spaces skipped (lineText is cut at 4 KiB).
                const end = nlBefore === 0 ? m.column - 1 + at + secret.length : -1;
                const ctx = {
                    quoted: /['"\x60]$/.test(before),
                    next: end >= 0 ? (/^[ \t]*(\S)/.exec(m.lineText.slice(end, end + 40))?.[1] ?? '') : '',
                    codeFile: isCodeFile(file)
                };
                if (isGenericLookalike(secret, m.match, ctx))
                    continue;
                // A base64 value that only encodes a placeholder (`JHtEQl9QQVNTV09SRH0=`: ${DB_PASSWORD}).
                if (!validate('not-placeholder-password', secret))
                    continue;
            }
            let startLine = m.line + nlBefore;
            let startColumn = nlBefore === 0 ? m.column + at : at - before.lastIndexOf('\n');
            const inSecret = secret.split('\n').length - 1;
            let endLine = startLine + inSecret;
            let endColumn = inSecret === 0 ? startColumn + secret.length : secret.length - secret.lastIndexOf('\n');
            if (lineMap) {
                startLine = lineMap[startLine - 1] ?? startLine;
                endLine = lineMap[endLine - 1] ?? endLine;
            }
            if (startColumn < 1)
                startColumn = 1;
            if (endColumn < 1)
                endColumn = 1;
            const f = this.makeFinding(rule, file, startLine, startColumn, endLine, endColumn, secret, m.match, commit);
            if (this.allowedByLists(rule, f, m.lineText, commit))
                continue;
            out.push(f);
        }
        return dedupe(this.composite.size > 0 ? this.applyRequired(out) : out, this.genericIds);
    }
    /**
     * gitleaks' composite rules: a rule with `[[rules.required]]` is reported only when each
     * required rule matched in the same file (or diff) within `withinLines`/`withinColumns` of
     * it; a `skipReport` rule only serves as such a part.
     */
    applyRequired(findings) {
        const byRule = new Map();
        for (const f of findings)
            byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
        return findings.filter(f => {
            const rule = this.composite.get(f.ruleId);
            if (!rule)
                return true;
            if (rule.skipReport)
                return false;
            return (rule.required ?? []).every(req => (byRule.get(req.id) ?? []).some(x => x !== f &&
                (req.withinLines === undefined ||
                    Math.abs(x.startLine - f.startLine) <= req.withinLines) &&
                (req.withinColumns === undefined ||
                    Math.abs(x.startColumn - f.startColumn) <= req.withinColumns)));
        });
    }
}
/** One finding per location: a provider rule wins over a generic one that saw the same secret. */
function dedupe(findings, genericIds) {
    if (findings.length < 2)
        return findings;
    const specific = findings.filter(f => !genericIds.has(f.ruleId));
    const out = [];
    const seen = new Set();
    for (const f of findings) {
        const generic = genericIds.has(f.ruleId);
        if (generic &&
            specific.some(s => s !== f &&
                s.startLine <= f.endLine &&
                s.endLine >= f.startLine &&
                (s.secret.includes(f.secret) || f.secret.includes(s.secret))))
            continue;
        // Generic rules overlap each other (api_token_secret = …): one finding per location.
        const key = `${generic ? 'generic' : f.ruleId}\0${f.startLine}\0${f.startColumn}\0${f.secret}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push(f);
    }
    return out;
}

// EXTERNAL MODULE: ./node_modules/ignore/index.js
var ignore = __webpack_require__(70298);
var ignore_default = /*#__PURE__*/__webpack_require__.n(ignore);
;// CONCATENATED MODULE: ./packages/secrets/src/git.ts
/**
 * Git sources: history (`git log -p -U0`), a range (base..head, as for a pull request or a
 * push's before..after) and staged changes (`git diff --cached`). Only added lines are scanned,
 * with the commit, author and date of the commit that added them.
 */

const COMMIT_MARK = '\u0001commit\u0001';
const FORMAT = `--format=${COMMIT_MARK}%H%x00%an%x00%ae%x00%aI%x00%s`;
const DIFF_OPTS = [
    '-p',
    '-U0',
    '--no-color',
    '--no-ext-diff',
    '--no-renames',
    '--diff-filter=AMCRTU',
    '--no-textconv'
];
function unquote(p) {
    if (!p.startsWith('"'))
        return p;
    // git C-style quoting (core.quotePath=false leaves UTF-8 alone, but quotes specials).
    try {
        return JSON.parse(p);
    }
    catch {
        return p.slice(1, -1);
    }
}
/**
 * The new-side path of a `diff --git a/P b/P` header (renames are off, so both sides name the
 * same file; either may be C-quoted).
 */
function diffHeaderPath(line) {
    const rest = line.slice('diff --git '.length);
    const quoted = /"((?:[^"\\]|\\.)*)"$/.exec(rest);
    if (quoted)
        return unquote(quoted[0]).replace(/^b\//, '');
    if (rest.length % 2 === 1) {
        const half = (rest.length - 1) / 2;
        const a = rest.slice(0, half);
        const b = rest.slice(half + 1);
        if (a.startsWith('a/') && b.startsWith('b/') && a.slice(2) === b.slice(2))
            return b.slice(2);
    }
    const at = rest.lastIndexOf(' b/');
    return at === -1 ? undefined : rest.slice(at + 3);
}
/** Parses `git log -p -U0` / `git diff -U0` output into added-line chunks. */
async function* parsePatch(lines) {
    let commit;
    let file;
    let text = [];
    let map = [];
    let newLine = 0;
    let remainingAdd = 0;
    let remainingDel = 0;
    let header;
    const flush = function* () {
        if (file !== undefined && text.length > 0)
            yield { file, commit, text: text.join('\n'), lineMap: map };
        text = [];
        map = [];
    };
    for await (const line of lines) {
        if (remainingAdd > 0 || remainingDel > 0) {
            const c = line.charCodeAt(0);
            if (c === 43 /* + */ && remainingAdd > 0) {
                text.push(line.slice(1));
                map.push(newLine++);
                remainingAdd--;
                continue;
            }
            if (c === 45 /* - */ && remainingDel > 0) {
                remainingDel--;
                continue;
            }
            if (c === 92 /* \ No newline */)
                continue;
            remainingAdd = 0;
            remainingDel = 0;
        }
        if (line.startsWith(COMMIT_MARK)) {
            yield* flush();
            file = undefined;
            const [hash, author, email, date, subject] = line.slice(COMMIT_MARK.length).split('\0');
            commit = { commit: hash, author, email, date, message: subject ?? '' };
            header = undefined;
            continue;
        }
        if (line.startsWith('diff --git ')) {
            yield* flush();
            file = undefined;
            header = diffHeaderPath(line);
            continue;
        }
        // `Binary files /dev/null and b/key.p12 differ` (no `+++` line, no hunks).
        if (line.startsWith('Binary files ') && line.endsWith(' differ')) {
            if (header !== undefined && !line.endsWith(' and /dev/null differ'))
                yield { file: header, commit, text: '', lineMap: [], binary: true };
            header = undefined;
            continue;
        }
        if (line.startsWith('+++ ')) {
            // git appends a tab after names that contain a space (for GNU patch).
            const p = line.slice(4).replace(/\t$/, '');
            file = p === '/dev/null' ? undefined : unquote(p).replace(/^b\//, '');
            continue;
        }
        if (line.startsWith('@@ ')) {
            const m = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
            if (m) {
                remainingDel = m[1] === undefined ? 1 : Number(m[1]);
                newLine = Number(m[2]);
                remainingAdd = m[3] === undefined ? 1 : Number(m[3]);
            }
            continue;
        }
    }
    yield* flush();
}
/**
 * Resolves a base/head pair into `git log` arguments. An all-zero base (a new branch) scans the
 * commits of head that no other remote branch has (or all of head's history when there is no
 * remote); an all-zero head (a deletion) and base == head scan nothing and say so.
 */
async function resolveRange(opts, base, head, missingBase = 'error') {
    if (src/* ZERO_SHA */.gy.test(head))
        return {
            description: `${base ?? ''}..${head}`,
            args: undefined,
            note: 'head is all zeros (a deleted branch or tag): nothing to scan'
        };
    await (0,src/* ensureRevisions */.RZ)(opts.cwd, [head]);
    const headSha = (await (0,src/* runGit */.EO)(['rev-parse', `${head}^{commit}`], opts)).trim();
    if (base === undefined || base === '')
        return { description: head, args: [headSha] };
    if (src/* ZERO_SHA */.gy.test(base))
        return notOnRemotes(opts, head, headSha, 'new branch', 'base is all zeros (a new branch)');
    if (missingBase === 'not-on-remotes' &&
        !(await (0,src/* hasCommit */.QE)(opts.cwd, base)) &&
        !(await (0,src/* isShallow */.fE)(opts.cwd).catch(() => true)))
        return notOnRemotes(opts, head, headSha, 'base not in the repository', `base ${base} is not in the repository (history rewritten by a force push?)`);
    await (0,src/* ensureRevisions */.RZ)(opts.cwd, [base]);
    const baseSha = (await (0,src/* runGit */.EO)(['rev-parse', `${base}^{commit}`], opts)).trim();
    if (baseSha === headSha)
        return {
            description: `${base}..${head}`,
            args: undefined,
            note: 'base and head are the same commit: nothing to scan'
        };
    return { description: `${base}..${head}`, args: [`${baseSha}..${headSha}`] };
}
/** The commits of head that no other remote branch has (all of its history without remotes). */
async function notOnRemotes(opts, head, headSha, why, note) {
    const refs = (await (0,src/* runGit */.EO)(['for-each-ref', '--format=%(objectname) %(refname)', 'refs/remotes'], opts))
        .split('\n')
        .filter(Boolean)
        .map(l => l.split(' '))
        .filter(([sha, ref]) => sha !== headSha && !ref.endsWith('/HEAD'))
        .map(([, ref]) => ref);
    return {
        description: `${head} (${why}: commits not on other remote branches)`,
        args: refs.length > 0 ? [headSha, '--not', ...refs] : [headSha],
        note
    };
}
async function* gitLogChunks(opts, revArgs) {
    const args = ['-c', 'core.quotePath=false', 'log', ...DIFF_OPTS, FORMAT, ...revArgs, '--'];
    yield* parsePatch((0,src/* streamGitLines */.WZ)(args, opts));
}
async function* stagedChunks(opts) {
    const args = ['-c', 'core.quotePath=false', 'diff', '--cached', ...DIFF_OPTS, '--'];
    yield* parsePatch((0,src/* streamGitLines */.WZ)(args, opts));
}
/** Fails with a clear message when PATH is not inside a git work tree. */
async function assertGitRepo(opts) {
    try {
        await (0,src/* runGit */.EO)(['rev-parse', '--git-dir'], opts);
    }
    catch {
        throw new src/* InputError */.dz('SECRETS_NOT_GIT', `${opts.cwd} is not a git repository (use --mode worktree to scan files)`);
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(78877);
var external_node_v8_default = /*#__PURE__*/__webpack_require__.n(external_node_v8_);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
;// CONCATENATED MODULE: ./packages/secrets/src/pool.ts
/**
 * Worker threads for the working-tree scan: each worker reads files, sniffs binaries and runs
 * the matcher over whole buffers; the main thread only walks the tree and post-filters the few
 * raw matches. The worker's code is `createMatcher`'s own source, so the bundle needs no extra
 * file.
 */







const SNIFF = 8000;
function isBinary(buf) {
    return buf.subarray(0, SNIFF).indexOf(0) !== -1;
}
/**
 * Reads whole files into one buffer reused from file to file: a fresh buffer per file (what
 * `readFileSync` returns) is external memory the garbage collector has to chase. The returned
 * view is valid until the next call. Self-contained, like `createMatcher`: workers get its source.
 */
function createFileReader(fsm) {
    let pool = Buffer.allocUnsafe(1 << 20);
    return (abs) => {
        const fd = fsm.openSync(abs, 'r');
        try {
            let len = 0;
            for (;;) {
                if (len === pool.length) {
                    const bigger = Buffer.allocUnsafe(pool.length * 2);
                    pool.copy(bigger, 0, 0, len);
                    pool = bigger;
                }
                const n = fsm.readSync(fd, pool, len, pool.length - len, null);
                if (n === 0)
                    break;
                len += n;
            }
            return pool.subarray(0, len);
        }
        finally {
            fsm.closeSync(fd);
        }
    };
}
function workerSource() {
    return `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const vm = require('node:vm');
const createMatcher = (${createMatcher.toString()});
const { isAscii } = require('node:buffer');
const matcher = createMatcher(workerData.spec, vm, isAscii);
const readFile = (${createFileReader.toString()})(fs);
// Warm up while the main thread walks the tree: the first megabytes would otherwise run in
// unoptimized code. Built-in rules only (a user regex could be slow on any text).
if (!workerData.spec.rules.some((r) => r.untrusted)) (${warmUp.toString()})(matcher, workerData.spec);
parentPort.on('message', (jobs) => {
  const out = [];
  for (const job of jobs) {
    let buf;
    try { buf = readFile(job.abs); } catch (e) {
      out.push({ id: job.id, bytes: 0, matches: [], slow: [], skipped: 'unreadable', detail: String(e && e.message) });
      continue;
    }
    if (buf.subarray(0, ${SNIFF}).indexOf(0) !== -1) { out.push({ id: job.id, bytes: buf.length, matches: [], slow: [], skipped: 'binary' }); continue; }
    const r = matcher.scan(buf);
    out.push({ id: job.id, bytes: buf.length, matches: r.matches, slow: r.slow });
  }
  parentPort.postMessage(out);
});
`;
}
/**
 * Runs the matcher over generated code with every keyword in it, so the optimizing compiler has
 * compiled the hot paths before real files arrive. Self-contained: it runs in the workers.
 */
function warmUp(matcher, spec) {
    const lines = [];
    for (const r of spec.rules)
        for (const kw of r.keywords) {
            lines.push(`  const total = compute(left, right) + offset // ${kw} handling`);
            lines.push(`  ${kw.replace(/[^A-Za-z0-9_]/g, '_')}_name = lookup(value)`);
        }
    const filler = '    return await this.render(item, { retries: 3, timeout: 1000 }) // keep\n';
    const body = Buffer.from(`${lines.join('\n')}\n${filler.repeat(600)}`);
    for (let k = 0; k < 8; k++)
        matcher.scan(body);
}
/** Scans files in this thread (small inputs, or workers: 0). */
function scanFilesInline(spec, jobs, onResult) {
    scanBatch(createMatcher(spec, (external_node_vm_default()), external_node_buffer_.isAscii), createFileReader((external_node_fs_default())), jobs, onResult);
}
function scanBatch(matcher, readFile, jobs, onResult) {
    for (const job of jobs) {
        let buf;
        try {
            buf = readFile(job.abs);
        }
        catch (err) {
            onResult({
                id: job.id,
                bytes: 0,
                matches: [],
                slow: [],
                skipped: 'unreadable',
                detail: err.message
            });
            continue;
        }
        if (isBinary(buf)) {
            onResult({ id: job.id, bytes: buf.length, matches: [], slow: [], skipped: 'binary' });
            continue;
        }
        const r = matcher.scan(buf);
        onResult({ id: job.id, bytes: buf.length, matches: r.matches, slow: r.slow });
    }
}
function defaultWorkerCount() {
    return Math.max(1, Math.min(8, external_node_os_default().availableParallelism()));
}
/** Starts worker threads ahead of time (they boot while the main thread walks the tree). */
/**
 * V8 optimizes hot functions on background threads. When every core runs a scanning thread,
 * those compile jobs starve and each thread spends its first ~15 MB in unoptimized code (measured:
 * 2 threads took 1.0 s of wall time against 0.6 s for one). Compiling on the thread that needs the
 * code removes that stall. The flag is process-wide and read when an isolate starts, so it is set
 * just before the first worker is created.
 */
let syncOptimization = false;
function newWorker(spec) {
    if (!syncOptimization) {
        syncOptimization = true;
        external_node_v8_default().setFlagsFromString('--no-concurrent-recompilation');
    }
    return new external_node_worker_threads_.Worker(workerSource(), { eval: true, workerData: { spec } });
}
function startWorkers(spec, count) {
    return Array.from({ length: count }, () => {
        const e = {
            worker: newWorker(spec),
            dead: false
        };
        e.worker.on('error', () => (e.dead = true));
        e.worker.on('exit', () => (e.dead = true));
        return e;
    });
}
async function scanFilesParallel(spec, jobs, workers, onResult, prestarted = [], maxBatchBytes = 1024 * 1024) {
    // Batches of at most 1 MiB: a message costs little, and when a thread is slow (another process
    // holds its core, or its code is still cold) the others wait at most for the two small batches
    // it holds, not for 16 MB of work.
    const total = jobs.reduce((sum, j) => sum + j.size, 0);
    const batchBytes = Math.max(256 * 1024, Math.min(maxBatchBytes, Math.ceil(total / (workers * 4))));
    const batches = [];
    let cur = [];
    let curBytes = 0;
    for (const j of jobs) {
        cur.push({ id: j.id, abs: j.abs });
        curBytes += j.size;
        if (curBytes >= batchBytes || cur.length >= 256) {
            batches.push(cur);
            cur = [];
            curBytes = 0;
        }
    }
    if (cur.length > 0)
        batches.push(cur);
    let next = 0;
    // The main thread scans too (it would otherwise wait): `workers - 1` threads are spawned, which
    // also saves one isolate's start-up and JIT cost.
    const n = Math.max(0, Math.min(workers - 1, batches.length - 1));
    const ready = prestarted.filter(e => !e.dead).map(e => e.worker);
    const pool = [];
    const done = [];
    try {
        for (let k = 0; k < n; k++) {
            const w = ready[k] ?? newWorker(spec);
            pool.push(w);
            done.push(new Promise((resolve, reject) => {
                let inFlight = 0;
                const send = () => {
                    if (next < batches.length) {
                        w.postMessage(batches[next++]);
                        inFlight++;
                    }
                };
                w.on('message', (results) => {
                    inFlight--;
                    for (const r of results)
                        onResult(r);
                    send();
                    if (inFlight === 0)
                        resolve();
                });
                w.on('error', reject);
                w.on('exit', code => {
                    if (inFlight > 0)
                        reject(new Error(`secret-scan worker exited with code ${code}`));
                });
                send();
                send();
                if (inFlight === 0)
                    resolve();
            }));
        }
        // Surface a worker failure even while the main thread is busy.
        let failure;
        for (const d of done)
            d.catch((err) => (failure ??= err instanceof Error ? err : new Error(String(err))));
        const matcher = createMatcher(spec, (external_node_vm_default()), external_node_buffer_.isAscii);
        const readFile = createFileReader((external_node_fs_default()));
        while (next < batches.length) {
            if (failure !== undefined)
                break;
            scanBatch(matcher, readFile, batches[next++], onResult);
            // Let the workers' results (and their requests for more) in between batches.
            await new Promise(resolve => setImmediate(resolve));
        }
        await Promise.all(done);
        if (failure !== undefined)
            throw failure;
    }
    finally {
        await Promise.all(pool.map(w => w.terminate()));
    }
}

;// CONCATENATED MODULE: ./packages/secrets/src/suppress.ts
/**
 * Suppressions that live in files: `.gitleaksignore` (gitleaks fingerprints) and our baseline
 * (rule + secret hash + path, so a new secret on a baselined line is still reported).
 */





/** Our rule ids → the gitleaks ids that name the same rule (for fingerprints gitleaks wrote). */
const GITLEAKS_IDS = new Map();
for (const [g, ours] of Object.entries(GITLEAKS_ALIASES))
    for (const o of ours)
        if (o !== g)
            GITLEAKS_IDS.set(o, [...(GITLEAKS_IDS.get(o) ?? []), g]);
/** Rule ids a fingerprint may use for this finding: ours, then gitleaks' for the same rule. */
function ruleIdsOf(ruleId) {
    return [ruleId, ...(GITLEAKS_IDS.get(ruleId) ?? [])];
}
/** gitleaks reports a path-only rule's finding at line 0; we report line 1. */
function isPathFinding(f) {
    return f.secret === '' && f.match === f.file;
}
class GitleaksIgnore {
    file;
    entries = new Map();
    used = new Set();
    constructor(file, text = '') {
        this.file = file;
        text.split(/\r?\n/).forEach((raw, i) => {
            // gitleaks: `#` starts a comment line; we also allow ` # note` after an entry.
            const line = raw.trim().replace(/\s+#.*$/, '');
            if (!line || line.startsWith('#'))
                return;
            this.entries.set(GitleaksIgnore.normalize(line), { fingerprint: line, line: i + 1 });
        });
    }
    /** As gitleaks: the file part of `file:rule:line` / `commit:file:rule:line` uses `/`. */
    static normalize(fingerprint) {
        const parts = fingerprint.split(':');
        if (parts.length === 3)
            parts[0] = parts[0].replaceAll('\\', '/');
        else if (parts.length === 4)
            parts[1] = parts[1].replaceAll('\\', '/');
        return parts.join(':');
    }
    static load(file) {
        if (!(0,external_node_fs_.existsSync)(file))
            return new GitleaksIgnore(undefined);
        return new GitleaksIgnore(file, (0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    get size() {
        return this.entries.size;
    }
    /**
     * gitleaks accepts the commit-less `file:rule:line` for every finding and, in git modes, the
     * full `commit:file:rule:line`. The rule may be named by its gitleaks id.
     */
    ignores(f) {
        const lines = isPathFinding(f) ? [f.startLine, 0] : [f.startLine];
        const keys = [];
        for (const id of ruleIdsOf(f.ruleId))
            for (const line of lines) {
                keys.push(`${f.file}:${id}:${line}`);
                if (f.commit)
                    keys.push(`${f.commit}:${f.file}:${id}:${line}`);
            }
        for (const k of keys)
            if (this.entries.has(k)) {
                this.used.add(k);
                return true;
            }
        return false;
    }
    unused() {
        return [...this.entries.entries()].filter(([k]) => !this.used.has(k)).map(([, e]) => e);
    }
}
function relativeFile(file, root) {
    let f = file.replaceAll('\\', '/');
    if (root && (external_node_path_default().isAbsolute(f) || /^[A-Za-z]:\//.test(f))) {
        const rel = external_node_path_default().relative(root, f).split((external_node_path_default()).sep).join('/');
        if (!rel.startsWith('..'))
            f = rel;
    }
    return f.replace(/^(?:\.\/)+/, '');
}
class Baseline {
    file;
    /** Baseline key → index of the entry (several keys for a gitleaks id we ship as several). */
    byKey = new Map();
    list = [];
    redacted = [];
    used = new Set();
    constructor(file, entries = []) {
        this.file = file;
        for (const e of entries)
            this.add(e, [Baseline.key(e)]);
    }
    add(e, keys) {
        const index = this.list.push(e) - 1;
        for (const k of keys)
            if (!this.byKey.has(k))
                this.byKey.set(k, index);
        return index;
    }
    static key(e) {
        return `${e.ruleId}\0${e.file}\0${e.secretHash}`;
    }
    /**
     * Our baseline file, or a gitleaks JSON report (an array of findings, for teams moving from
     * `gitleaks --baseline-path`). gitleaks' findings are keyed like ours, on rule, file and
     * secret, so they survive moved lines and a new secret on a known line is still reported.
     */
    static load(file, root) {
        if (!(0,external_node_fs_.existsSync)(file))
            throw new src/* InputError */.dz('SECRETS_BASELINE', `baseline file not found: ${file}`, {
                position: { file }
            });
        let doc;
        try {
            doc = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
        }
        catch (err) {
            throw new src/* InputError */.dz('SECRETS_BASELINE', `baseline is not valid JSON: ${err.message}`, {
                position: { file }
            });
        }
        if (Array.isArray(doc))
            return Baseline.fromGitleaksReport(file, doc, root);
        const entries = doc?.entries;
        if (!Array.isArray(entries))
            throw new src/* InputError */.dz('SECRETS_BASELINE', 'baseline must be an object with an "entries" array (or a gitleaks JSON report)', {
                position: { file }
            });
        entries.forEach((e, i) => {
            if (typeof e?.ruleId !== 'string' ||
                typeof e.file !== 'string' ||
                !/^[a-f0-9]{64}$/.test(String(e.secretHash)))
                throw new src/* InputError */.dz('SECRETS_BASELINE', `baseline entry ${i} needs ruleId, file and a sha256 secretHash`, {
                    position: { file }
                });
        });
        return new Baseline(file, entries);
    }
    static fromGitleaksReport(file, items, root) {
        const b = new Baseline(file);
        items.forEach((raw, i) => {
            const g = raw;
            if (typeof g !== 'object' ||
                g === null ||
                typeof g.RuleID !== 'string' ||
                typeof g.File !== 'string' ||
                typeof g.Secret !== 'string')
                throw new src/* InputError */.dz('SECRETS_BASELINE', `gitleaks report finding ${i} needs RuleID, File and Secret`, { position: { file } });
            const ruleIds = [g.RuleID, ...(GITLEAKS_ALIASES[g.RuleID] ?? [])];
            const f = relativeFile(g.File, root);
            const line = typeof g.StartLine === 'number' ? g.StartLine : undefined;
            const commit = typeof g.Commit === 'string' && g.Commit !== '' ? g.Commit : undefined;
            // gitleaks --redact writes REDACTED, --redact=N keeps a prefix and appends "...".
            const isRedacted = g.Secret === 'REDACTED' || g.Secret.endsWith('...');
            if (!isRedacted) {
                const hashes = ruleIds.map(id => secretHash(id, g.Secret));
                b.add({ ruleId: g.RuleID, file: f, secretHash: hashes[0], line, ...(commit ? { commit } : {}) }, ruleIds.map((id, k) => Baseline.key({ ruleId: id, file: f, secretHash: hashes[k] })));
                return;
            }
            if (line === undefined)
                return;
            const index = b.add({ ruleId: g.RuleID, file: f, secretHash: 'redacted', line, ...(commit ? { commit } : {}) }, []);
            b.redacted.push({
                ruleIds,
                file: f,
                line,
                entropy: typeof g.Entropy === 'number' ? g.Entropy : undefined,
                prefix: g.Secret === 'REDACTED' ? '' : g.Secret.slice(0, -3),
                index
            });
        });
        return b;
    }
    get size() {
        return this.list.length;
    }
    includes(f) {
        let index = this.byKey.get(Baseline.key(f));
        if (index === undefined)
            index = this.redacted.find(r => r.ruleIds.includes(f.ruleId) &&
                r.file === f.file &&
                r.line === f.startLine &&
                f.secret.startsWith(r.prefix) &&
                // gitleaks writes the entropy as a float32; ours is rounded to 3 decimals.
                (r.entropy === undefined || Math.abs(r.entropy - f.entropy) < 0.002))?.index;
        if (index === undefined)
            return false;
        this.used.add(index);
        return true;
    }
    unused() {
        return this.list.filter((_, i) => !this.used.has(i));
    }
    static fromFindings(findings) {
        const seen = new Set();
        const entries = [];
        for (const f of findings) {
            const k = Baseline.key(f);
            if (seen.has(k))
                continue;
            seen.add(k);
            entries.push({
                ruleId: f.ruleId,
                file: f.file,
                secretHash: f.secretHash,
                line: f.startLine,
                ...(f.commit ? { commit: f.commit } : {})
            });
        }
        entries.sort((a, b) => Baseline.key(a).localeCompare(Baseline.key(b)));
        return { version: 1, tool: 'secure-pipeline secrets', entries };
    }
    static write(file, findings) {
        (0,external_node_fs_.writeFileSync)(file, JSON.stringify(Baseline.fromFindings(findings), null, 2) + '\n');
    }
}

;// CONCATENATED MODULE: ./packages/secrets/src/scan.ts
/**
 * The scan entry point: picks the source (working tree, history, range, staged), runs the
 * matcher (worker threads for the tree), applies suppressions and returns findings with stats.
 */








const DEFAULT_MAX_FILE = 10 * 1024 * 1024;
const INLINE_LIMIT = 4 * 1024 * 1024;
function sortFindings(fs) {
    return fs.sort((a, b) => (a.commit ?? '').localeCompare(b.commit ?? '') ||
        a.file.localeCompare(b.file) ||
        a.startLine - b.startLine ||
        a.startColumn - b.startColumn ||
        a.ruleId.localeCompare(b.ruleId));
}
async function scanSecrets(options) {
    const started = performance.now();
    const root = external_node_path_default().resolve(options.root);
    const mode = options.mode ?? 'worktree';
    const env = options.env ?? {};
    const config = options.scanConfig ?? loadConfig(root, options.config, env);
    const ruleSet = new RuleSet(config);
    const excludeRes = (options.exclude ?? []).filter(Boolean);
    const excluder = excludeRes.length > 0 ? ignore_default()().add(excludeRes) : undefined;
    const ignoreFile = GitleaksIgnore.load(options.gitleaksIgnore ?? external_node_path_default().join(root, '.gitleaksignore'));
    const baselinePath = options.baseline ? external_node_path_default().resolve(root, options.baseline) : undefined;
    const baseline = baselinePath ? Baseline.load(baselinePath, root) : undefined;
    // As gitleaks: the configuration file and the baseline are not scanned themselves.
    const ownFiles = new Set([config.source, baselinePath]
        .filter((p) => p !== undefined && external_node_path_default().isAbsolute(p))
        .map(p => external_node_path_default().relative(root, p))
        .filter(p => p !== '' && !p.startsWith('..') && !external_node_path_default().isAbsolute(p))
        .map(p => p.split((external_node_path_default()).sep).join('/')));
    const scannable = (file) => !ownFiles.has(file) && ruleSet.pathAllowed(file);
    const raw = [];
    const skipped = [];
    const slowRules = [];
    const stats = {
        mode,
        rules: config.rules.length,
        files: 0,
        bytes: 0,
        commits: 0,
        durationMs: 0,
        findings: 0,
        suppressed: { gitleaksIgnore: 0, baseline: 0 }
    };
    if (mode === 'worktree') {
        const workers = options.workers ?? defaultWorkerCount();
        // Workers boot while the tree is walked; unused ones are stopped.
        const early = workers > 1 ? startWorkers(ruleSet.spec, workers - 1) : [];
        try {
            const walked = await (0,src/* walkFiles */.Fv)(root, {
                exclude: excludeRes,
                maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE,
                skipBinary: false
            });
            skipped.push(...walked.skipped);
            // Path-only rules need no content: a keystore over the size limit is still reported.
            for (const s of walked.skipped)
                if (s.reason === 'too-large' && scannable(s.path))
                    raw.push(...ruleSet.pathFindings(s.path));
            const files = walked.files.filter(f => scannable(f.path));
            const jobs = files.map((f, id) => ({ id, abs: f.absolutePath, size: f.size }));
            const onResult = (r) => {
                const file = files[r.id].path;
                // Path-only rules fire on binary files too (a .p12 or .jks keystore is binary).
                if (r.skipped !== 'unreadable')
                    raw.push(...ruleSet.pathFindings(file));
                if (r.skipped) {
                    skipped.push({ path: file, reason: r.skipped, ...(r.detail ? { detail: r.detail } : {}) });
                    return;
                }
                stats.files++;
                stats.bytes += r.bytes;
                if (r.slow.length > 0)
                    slowRules.push(...ruleSet.slowReports(r.slow, file));
                if (r.matches.length > 0)
                    raw.push(...ruleSet.toFindings(file, r.matches));
            };
            const total = jobs.reduce((s, j) => s + j.size, 0);
            if (workers <= 0 || total < (options.parallelThreshold ?? INLINE_LIMIT))
                scanFilesInline(ruleSet.spec, jobs, onResult);
            else
                await scanFilesParallel(ruleSet.spec, jobs, workers, onResult, early);
        }
        finally {
            await Promise.all(early.map(e => e.worker.terminate()));
        }
    }
    else {
        const gitOpts = { cwd: root };
        await assertGitRepo(gitOpts);
        let chunks;
        if (mode === 'staged')
            chunks = stagedChunks(gitOpts);
        else if (mode === 'git') {
            const range = await resolveRange(gitOpts, options.since, 'HEAD');
            stats.range = range.description;
            chunks = gitLogChunks(gitOpts, range.args ?? []);
        }
        else {
            if (!options.head && !options.base)
                throw new src/* UsageError */.eb('--mode diff needs --base (and optionally --head)');
            const range = await resolveRange(gitOpts, options.base, options.head ?? 'HEAD', options.missingBase);
            stats.range = range.description;
            if (range.note)
                stats.note = range.note;
            chunks = range.args ? gitLogChunks(gitOpts, range.args) : (async function* () { })();
        }
        const matcher = ruleSet.createMatcher();
        const commits = new Set();
        const files = new Set();
        for await (const chunk of chunks) {
            if (chunk.commit)
                commits.add(chunk.commit.commit);
            files.add(chunk.file);
            if (!scannable(chunk.file))
                continue;
            if (excluder && excluder.ignores(chunk.file))
                continue;
            // One chunk per file and commit (binary files included): path-only rules fire once.
            raw.push(...ruleSet.pathFindings(chunk.file, chunk.commit));
            if (chunk.binary)
                continue;
            const buf = Buffer.from(chunk.text);
            stats.bytes += buf.length;
            const r = matcher.scan(buf);
            if (r.slow.length > 0)
                slowRules.push(...ruleSet.slowReports(r.slow, chunk.file));
            if (r.matches.length > 0)
                raw.push(...ruleSet.toFindings(chunk.file, r.matches, chunk.commit, chunk.lineMap));
        }
        stats.commits = commits.size;
        stats.files = files.size;
    }
    const findings = [];
    const baselined = [];
    for (const f of raw) {
        if (ignoreFile.ignores(f)) {
            stats.suppressed.gitleaksIgnore++;
            continue;
        }
        if (baseline?.includes(f)) {
            stats.suppressed.baseline++;
            baselined.push(f);
            continue;
        }
        findings.push(f);
    }
    sortFindings(findings);
    stats.findings = findings.length;
    // Parts of .gitleaks.toml we ignored (gitleaks default rules we do not ship) show as a note.
    if (config.warnings && config.warnings.length > 0)
        stats.note = [stats.note, ...config.warnings].filter(Boolean).join('; ');
    stats.durationMs = Math.round(performance.now() - started);
    return {
        findings,
        baselined,
        skipped,
        slowRules,
        unusedBaseline: baseline?.unused() ?? [],
        unusedIgnores: ignoreFile.unused(),
        stats,
        configSource: config.source
    };
}

;// CONCATENATED MODULE: ./packages/secrets/src/report.ts
/**
 * Writers: JSON (BRIEF §4 shape), text and SARIF 2.1.0. Secrets are redacted unless the caller
 * explicitly asks for raw values; SARIF never carries them (no snippet), and its partial
 * fingerprint is a hash of rule, path and secret, stable when lines move.
 */


/** Shows a short non-secret hint: the first characters of long values only. */
function redactValue(secret) {
    return (0,src/* redactSecret */.Y3)(secret, 4);
}
function redactMatch(match, secret) {
    if (!secret)
        return match;
    const redacted = match.split(secret).join(redactValue(secret));
    // Multi-line matches (private keys) are cut to their first line.
    const nl = redacted.indexOf('\n');
    return (nl === -1 ? redacted : redacted.slice(0, nl) + '…').slice(0, 300);
}
function locationFingerprint(f) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(`${f.ruleId}\0${f.file}\0${f.secretHash}`)
        .digest('hex')
        .slice(0, 32);
}
function toJsonFinding(f, redact = true) {
    return {
        ruleId: f.ruleId,
        description: f.description,
        severity: f.severity,
        file: f.file,
        startLine: f.startLine,
        endLine: f.endLine,
        startColumn: f.startColumn,
        endColumn: f.endColumn,
        secret: redact ? redactValue(f.secret) : f.secret,
        match: redact ? redactMatch(f.match, f.secret) : f.match,
        entropy: f.entropy,
        fingerprint: f.fingerprint,
        secretHash: f.secretHash,
        commit: f.commit ?? '',
        author: f.author ?? '',
        email: f.email ?? '',
        date: f.date ?? '',
        tags: f.tags ?? []
    };
}
function toJsonReport(outcome, redact = true) {
    return (JSON.stringify({
        findings: outcome.findings.map(f => toJsonFinding(f, redact)),
        stats: {
            ...outcome.stats,
            skipped: outcome.skipped.length,
            config: outcome.configSource
        },
        skipped: outcome.skipped,
        slowRules: outcome.slowRules,
        unusedBaseline: outcome.unusedBaseline,
        unusedIgnores: outcome.unusedIgnores
    }, null, 2) + '\n');
}
function findingMessage(f) {
    const where = f.commit
        ? ` (commit ${f.commit.slice(0, 12)}${f.author ? ` by ${f.author}` : ''})`
        : '';
    return `${f.description} detected${where}. Revoke and rotate it, then remove it from the code (history too).`;
}
function toTextReport(outcome, redact = true) {
    const lines = [];
    for (const f of outcome.findings) {
        const secret = redact ? redactValue(f.secret) : f.secret;
        const commit = f.commit ? ` commit=${f.commit.slice(0, 12)} author=${f.author ?? ''}` : '';
        lines.push(`${f.file}:${f.startLine}:${f.startColumn}: ${f.severity}: ${f.description} [${f.ruleId}] secret=${secret}${commit}`);
        lines.push(`    fingerprint: ${f.fingerprint}`);
    }
    lines.push(...summaryLines(outcome));
    return lines.join('\n') + '\n';
}
/** The closing lines of the text report: counts, notes, unused suppressions, slow rules, skips. */
function summaryLines(outcome) {
    const lines = [];
    const s = outcome.stats;
    const what = s.mode === 'worktree'
        ? `${s.files} files, ${(s.bytes / 1e6).toFixed(1)} MB`
        : `${s.commits} commits, ${s.files} files${s.range ? `, range ${s.range}` : ''}`;
    lines.push(`${outcome.findings.length} ${outcome.findings.length === 1 ? 'secret' : 'secrets'} found (${what}, ${s.rules} rules, ${s.durationMs} ms)`);
    if (s.note)
        lines.push(`note: ${s.note}`);
    if (s.suppressed.baseline > 0)
        lines.push(`${s.suppressed.baseline} known finding(s) hidden by the baseline`);
    if (s.suppressed.gitleaksIgnore > 0)
        lines.push(`${s.suppressed.gitleaksIgnore} finding(s) hidden by .gitleaksignore`);
    for (const e of outcome.unusedBaseline)
        lines.push(`unused baseline entry: ${e.ruleId} in ${e.file} (secret hash ${e.secretHash.slice(0, 12)}…)`);
    for (const e of outcome.unusedIgnores)
        lines.push(`unused .gitleaksignore entry (line ${e.line}): ${e.fingerprint}`);
    for (const r of outcome.slowRules)
        lines.push(`warning: rule ${r.ruleId} exceeded its ${r.ms} ms time budget on ${r.file} and was disabled`);
    const bySkip = new Map();
    for (const sk of outcome.skipped)
        bySkip.set(sk.reason, (bySkip.get(sk.reason) ?? 0) + 1);
    if (bySkip.size > 0)
        lines.push(`skipped: ${[...bySkip].map(([r, n]) => `${n} ${r}`).join(', ')}`);
    return lines;
}
function ruleDescriptors(rules) {
    return rules.map(r => ({
        id: r.id,
        shortDescription: r.description,
        help: `${r.description}. Revoke the credential, rotate it, and remove it from the repository and its history. To accept a false positive add \`gitleaks:allow\` (or \`secure-pipeline:allow\`) to the line, list the fingerprint in .gitleaksignore, or record it in a baseline.`,
        severity: r.severity,
        tags: ['security', 'secret', ...(r.tags ?? [])]
    }));
}
function toCoreFindings(findings) {
    return findings.map(f => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: findingMessage(f),
        location: {
            file: f.file,
            startLine: f.startLine,
            startColumn: f.startColumn,
            endLine: f.endLine,
            endColumn: f.endColumn
        },
        fingerprint: locationFingerprint(f),
        properties: {
            gitleaksFingerprint: f.fingerprint,
            entropy: f.entropy,
            ...(f.commit ? { commit: f.commit, author: f.author, date: f.date } : {})
        }
    }));
}
function toSarifReport(outcome, rules) {
    const used = new Set(outcome.findings.map(f => f.ruleId));
    return (0,src/* toSarif */.zv)(toCoreFindings(outcome.findings), {
        tool: { name: `${src/* TOOL_NAME */.lH} secrets`, version: src/* VERSION */.xv, informationUri: src/* INFORMATION_URI */.wV },
        rules: ruleDescriptors(rules.filter(r => used.has(r.id))),
        category: 'secure-pipeline/secrets/',
        fingerprintKey: 'secretFingerprint/v1'
    });
}

;// CONCATENATED MODULE: ./packages/secrets/src/index.ts














/***/ })

};
