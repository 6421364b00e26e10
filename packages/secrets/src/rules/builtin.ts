/**
 * The built-in rules. Regexes use ASCII classes and bounded repetition only (no nested
 * quantifiers), and every rule has keywords so it runs only near them.
 */
import { kv, prefixed, raw, UUID } from './builders.js'
import { EXTRA_RULES } from './extra.js'
import type { Rule } from './types.js'

/** A `kind: Secret` line (YAML, at the start of a line). */
const K8S_KIND = String.raw`kind:[ \t]{0,3}['"]?Secret['"]?[ \t]*\r?`

// Kubernetes objects as JSON (`kubectl get secret -o json`, a `kind: List` of items): bounded
// pieces that match balanced JSON values up to three levels deep, so a lookaround never leaves
// the object it started in.
const J_STR = String.raw`"(?:[^"\\\n]|\\.){0,4096}"`
const J_O1 = String.raw`\{[^{}]{0,8000}\}`
const J_O2 = String.raw`\{(?:[^{}]|${J_O1}){0,8000}\}`
const J_O3 = String.raw`\{(?:[^{}]|${J_O2}){0,8000}\}`
const J_VALUE = String.raw`(?:${J_STR}|${J_O3}|\[(?:[^\[\]{}]|${J_O2}){0,8000}\]|true|false|null|-?[0-9][0-9.eE+-]{0,30})`
const J_SEP = String.raw`\s{0,200},\s{0,200}`
const J_COLON = String.raw`\s{0,200}:\s{0,200}`
const J_MEMBER = String.raw`${J_STR}${J_COLON}${J_VALUE}`
const J_MEMBERS = String.raw`(?:${J_MEMBER}${J_SEP}){0,30}`
const J_ENTRY = String.raw`${J_STR}${J_COLON}${J_STR}`
/** From a data object's opening to the entry being matched (lookbehind). */
const J_DATA_OPEN = String.raw`"(?:data|stringData)"${J_COLON}\{\s{0,200}(?:${J_ENTRY}${J_SEP}){0,200}`
/** From the entry being matched to the data object's end (lookahead). */
const J_DATA_REST = String.raw`${J_ENTRY}(?:${J_SEP}${J_ENTRY}){0,200}\s{0,200}\}`
const J_KIND = String.raw`"kind"${J_COLON}"Secret"`
const J_LIST_KIND = String.raw`"kind"${J_COLON}"SecretList"`

const PEM_BODY = String.raw`(?:[ \t]*(?:\r?\n|(?:\\r)?\\n)[ \t"',+]*|[ \t])[A-Za-z0-9+/=:,\s\\"'-]{40,12000}?`

function pem(id: string, description: string, label: string, keyword: string): Rule {
  return raw(
    id,
    description,
    [keyword],
    `-----BEGIN ${label}-----${PEM_BODY}-----END ${label}-----`,
    'critical',
    { span: 16384, tags: ['private-key'] }
  )
}

const cloud: Rule[] = [
  prefixed(
    'aws-access-key-id',
    'AWS access key ID',
    ['akia', 'asia', 'abia', 'acca', 'a3t'],
    '(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}',
    { severity: 'high', entropy: 3 }
  ),
  kv(
    'aws-secret-access-key',
    'AWS secret access key',
    ['aws', 'secret_access_key', 'secretaccesskey'],
    '(?:aws[\\w.-]{0,20}secret|secret_?access_?key)',
    '[A-Za-z0-9/+]{40}',
    { severity: 'critical', entropy: 4 }
  ),
  kv(
    'aws-session-token',
    'AWS session token',
    ['session_token', 'sessiontoken', 'security_token'],
    '(?:aws[\\w.-]{0,10})?(?:session_?token|security_?token)',
    '[A-Za-z0-9/+]{100,1000}={0,2}',
    { severity: 'high', entropy: 4 }
  ),
  prefixed('aws-mws-key', 'Amazon MWS auth token', ['amzn.mws'], `amzn\\.mws\\.${UUID}`, {
    severity: 'high'
  }),
  prefixed(
    'aws-bedrock-api-key',
    'Amazon Bedrock API key',
    ['absk'],
    'ABSK[A-Za-z0-9+/]{109,269}={0,2}',
    {
      entropy: 4
    }
  ),
  prefixed('gcp-api-key', 'Google Cloud / Firebase API key', ['aiza'], 'AIza[0-9A-Za-z_-]{35}', {
    entropy: 3.5
  }),
  raw(
    'gcp-service-account-key',
    'Google Cloud service account private key id',
    ['private_key_id'],
    String.raw`"private_key_id"\s{0,3}:\s{0,3}"([a-f0-9]{40})"`,
    'critical'
  ),
  prefixed(
    'gcp-oauth-client-secret',
    'Google OAuth client secret',
    ['gocspx-'],
    'GOCSPX-[A-Za-z0-9_-]{28}',
    { entropy: 3.5 }
  ),
  prefixed(
    'google-oauth-access-token',
    'Google OAuth access token',
    ['ya29.'],
    'ya29\\.[0-9A-Za-z_-]{30,1000}',
    {
      entropy: 3.5
    }
  ),
  raw(
    'google-oauth-refresh-token',
    'Google OAuth refresh token',
    ['1//0'],
    String.raw`(?<![A-Za-z0-9_/])(1//0[0-9A-Za-z_-]{40,200})(?![A-Za-z0-9_-])`,
    'high',
    { entropy: 3.5 }
  ),
  raw(
    'azure-storage-connection-string',
    'Azure Storage connection string with account key',
    ['accountkey='],
    String.raw`(?i:AccountName)=[a-z0-9]{3,24};\s{0,2}(?i:AccountKey)=([A-Za-z0-9+/]{86}==)`,
    'critical'
  ),
  kv(
    'azure-storage-account-key',
    'Azure Storage account key',
    ['accountkey', 'storage_key', 'storagekey', 'storage_account_key'],
    '(?:account_?key|storage_?(?:account_?)?key)',
    '[A-Za-z0-9+/]{86}==',
    { severity: 'critical', entropy: 4 }
  ),
  raw(
    'azure-sas-token',
    'Azure shared access signature',
    ['sig='],
    String.raw`(?<![A-Za-z0-9_])sv=\d{4}-\d{2}-\d{2}&[A-Za-z0-9=&%:.,_-]{0,300}?\bsig=([A-Za-z0-9%+/]{40,64}(?:%3D|=)?)`,
    'high',
    { entropy: 3.5 }
  ),
  raw(
    'azure-ad-client-secret',
    'Azure AD (Entra ID) client secret',
    ['q~'],
    String.raw`(?<![A-Za-z0-9_~.-])([a-zA-Z0-9_~.]{3}\dQ~[a-zA-Z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])`,
    'critical',
    { entropy: 3.5 }
  ),
  raw(
    'azure-service-bus-connection-string',
    'Azure Service Bus / Event Hubs connection string',
    ['sharedaccesskey='],
    String.raw`Endpoint=sb://[a-zA-Z0-9.-]{1,120}/?;\s{0,2}SharedAccessKeyName=[^;\s]{1,256};\s{0,2}SharedAccessKey=([A-Za-z0-9+/]{43}=)`,
    'critical'
  ),
  raw(
    'azure-cosmosdb-connection-string',
    'Azure Cosmos DB connection string',
    ['accountendpoint='],
    String.raw`AccountEndpoint=https://[a-zA-Z0-9.-]{1,120}(?::\d{1,5})?/?;\s{0,2}AccountKey=([A-Za-z0-9+/]{86}==)`,
    'critical'
  ),
  raw(
    'azure-app-configuration-connection-string',
    'Azure App Configuration connection string',
    ['azconfig.io'],
    String.raw`Endpoint=https://[a-zA-Z0-9-]{1,80}\.azconfig\.io;\s{0,2}Id=[^;\s]{1,64};\s{0,2}Secret=([A-Za-z0-9+/]{40,60}={0,2})`,
    'critical'
  ),
  raw(
    'azure-signalr-connection-string',
    'Azure SignalR / Web PubSub connection string',
    ['accesskey='],
    String.raw`Endpoint=https://[a-zA-Z0-9.-]{1,120};\s{0,2}AccessKey=([A-Za-z0-9+/]{43}=)`,
    'critical'
  ),
  kv(
    'azure-devops-pat',
    'Azure DevOps personal access token (legacy format)',
    ['azure_devops', 'azuredevops', 'ado_pat', 'vsts', 'azdo'],
    '(?:azure_?devops|ado_pat|vsts|azdo)',
    '[a-z2-7]{52}',
    { entropy: 3.5 }
  ),
  prefixed(
    'azure-devops-pat-v2',
    'Azure DevOps personal access token',
    ['azdo'],
    '[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}',
    { entropy: 3.5 }
  ),
  kv(
    'azure-apim-subscription-key',
    'Azure API Management subscription key',
    ['ocp-apim-subscription-key'],
    'ocp-apim-subscription-key',
    '[a-f0-9]{32}'
  ),
  kv(
    'azure-openai-api-key',
    'Azure OpenAI API key',
    ['azure_openai', 'azureopenai'],
    'azure_?openai',
    '[a-f0-9]{32}'
  ),
  prefixed('alibaba-access-key-id', 'Alibaba Cloud AccessKey ID', ['ltai'], 'LTAI[A-Za-z0-9]{20}', {
    entropy: 3
  }),
  kv(
    'alibaba-secret-key',
    'Alibaba Cloud AccessKey secret',
    ['alibaba', 'aliyun', 'alicloud'],
    '(?:alibaba|aliyun|alicloud)',
    '[A-Za-z0-9]{30}',
    { entropy: 3.5, severity: 'critical' }
  ),
  prefixed('tencent-secret-id', 'Tencent Cloud SecretId', ['akid'], 'AKID[A-Za-z0-9]{32}', {
    entropy: 3.5
  }),
  prefixed(
    'digitalocean-pat',
    'DigitalOcean personal access token',
    ['dop_v1_'],
    'dop_v1_[a-f0-9]{64}',
    {
      severity: 'critical'
    }
  ),
  prefixed(
    'digitalocean-oauth-token',
    'DigitalOcean OAuth access token',
    ['doo_v1_'],
    'doo_v1_[a-f0-9]{64}'
  ),
  prefixed(
    'digitalocean-refresh-token',
    'DigitalOcean OAuth refresh token',
    ['dor_v1_'],
    'dor_v1_[a-f0-9]{64}'
  ),
  kv(
    'ibm-cloud-api-key',
    'IBM Cloud API key',
    ['ibm', 'bluemix'],
    '(?:ibm|bluemix)',
    '[A-Za-z0-9_-]{44}',
    {
      entropy: 3.5
    }
  ),
  kv('linode-api-token', 'Linode / Akamai API token', ['linode'], 'linode', '[a-f0-9]{64}'),
  kv(
    'scaleway-secret-key',
    'Scaleway secret key',
    ['scw_secret', 'scaleway'],
    '(?:scw_secret|scaleway)',
    UUID
  ),
  kv('vultr-api-key', 'Vultr API key', ['vultr'], 'vultr', '[A-Z0-9]{36}', { entropy: 3.5 }),
  kv(
    'hetzner-api-token',
    'Hetzner Cloud API token',
    ['hcloud', 'hetzner'],
    '(?:hcloud|hetzner)',
    '[A-Za-z0-9]{64}',
    {
      entropy: 4
    }
  ),
  kv(
    'cloudflare-api-token',
    'Cloudflare API token',
    ['cloudflare', 'cf_api'],
    '(?:cloudflare|cf_api)',
    '[A-Za-z0-9_-]{40}',
    { entropy: 3.5 }
  ),
  kv(
    'cloudflare-global-api-key',
    'Cloudflare global API key',
    ['cloudflare'],
    'cloudflare',
    '[a-f0-9]{37,45}'
  ),
  prefixed(
    'cloudflare-origin-ca-key',
    'Cloudflare Origin CA key',
    ['v1.0-'],
    'v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}'
  ),
  kv('fastly-api-token', 'Fastly API token', ['fastly'], 'fastly', '[A-Za-z0-9_-]{32}', {
    entropy: 3.5
  }),
  prefixed('netlify-pat', 'Netlify personal access token', ['nfp_'], 'nfp_[A-Za-z0-9]{36}', {
    entropy: 3.5
  }),
  kv(
    'netlify-access-token',
    'Netlify access token',
    ['netlify'],
    'netlify',
    '[A-Za-z0-9_-]{40,46}',
    {
      entropy: 3.5
    }
  ),
  prefixed(
    'vercel-token',
    'Vercel access token',
    ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
    'vc[pirak]_[A-Za-z0-9]{56}',
    { entropy: 3.5 }
  ),
  kv(
    'vercel-legacy-token',
    'Vercel token (legacy format)',
    ['vercel'],
    'vercel',
    '[A-Za-z0-9]{24}',
    {
      entropy: 3.5
    }
  ),
  kv('heroku-api-key', 'Heroku API key', ['heroku'], 'heroku', UUID),
  prefixed(
    'heroku-api-key-v2',
    'Heroku API key (HRKU format)',
    ['hrku-aa'],
    'HRKU-AA[0-9a-zA-Z_-]{58}',
    {
      entropy: 3.5
    }
  ),
  prefixed(
    'flyio-access-token',
    'Fly.io access token',
    ['fo1_', 'fm1', 'fm2_'],
    '(?:fo1_[\\w-]{43}|fm[12][ar]?_[A-Za-z0-9+/]{100,}={0,3})',
    {
      entropy: 4
    }
  ),
  prefixed('render-api-key', 'Render API key', ['rnd_'], 'rnd_[A-Za-z0-9]{32}', { entropy: 3.5 }),
  prefixed('supabase-access-token', 'Supabase personal access token', ['sbp_'], 'sbp_[a-f0-9]{40}'),
  prefixed(
    'supabase-secret-key',
    'Supabase secret API key',
    ['sb_secret_'],
    'sb_secret_[A-Za-z0-9_-]{31,40}',
    {
      entropy: 3.5
    }
  ),
  prefixed(
    'planetscale-api-token',
    'PlanetScale API token',
    ['pscale_tkn_'],
    'pscale_tkn_[\\w.-]{32,64}',
    {
      entropy: 3.5
    }
  ),
  prefixed(
    'planetscale-password',
    'PlanetScale database password',
    ['pscale_pw_'],
    'pscale_pw_[\\w.-]{32,64}',
    {
      entropy: 3.5
    }
  ),
  prefixed(
    'planetscale-oauth-token',
    'PlanetScale OAuth token',
    ['pscale_oauth_'],
    'pscale_oauth_[\\w.-]{32,64}',
    { entropy: 3.5 }
  ),
  prefixed('databricks-api-token', 'Databricks API token', ['dapi'], 'dapi[a-f0-9]{32}(?:-\\d)?', {
    entropy: 3
  }),
  prefixed(
    'doppler-token',
    'Doppler API token',
    ['dp.pt.', 'dp.st.', 'dp.ct.', 'dp.sa.', 'dp.scim.', 'dp.audit.'],
    'dp\\.(?:pt|st|ct|sa|scim|audit)\\.[A-Za-z0-9]{40,44}',
    { entropy: 3.5 }
  ),
  prefixed(
    'hashicorp-vault-service-token',
    'HashiCorp Vault service token',
    ['hvs.'],
    'hvs\\.[A-Za-z0-9_-]{24,300}',
    { severity: 'critical', entropy: 3.5 }
  ),
  prefixed(
    'hashicorp-vault-batch-token',
    'HashiCorp Vault batch token',
    ['hvb.'],
    'hvb\\.[A-Za-z0-9_-]{138,300}',
    {
      entropy: 3.5
    }
  ),
  kv(
    'hashicorp-vault-legacy-token',
    'HashiCorp Vault token (legacy s. format)',
    ['vault'],
    'vault',
    's\\.[A-Za-z0-9]{24}',
    { entropy: 3.5 }
  ),
  prefixed(
    'hashicorp-terraform-token',
    'HashiCorp Terraform Cloud / Enterprise API token',
    ['atlasv1'],
    '[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}',
    { severity: 'critical', entropy: 3.5 }
  ),
  kv(
    'hashicorp-hcp-client-secret',
    'HashiCorp Cloud Platform client secret',
    ['hcp_client_secret'],
    'hcp_client_secret',
    '[A-Za-z0-9_-]{64}',
    { entropy: 3.5 }
  ),
  prefixed('pulumi-access-token', 'Pulumi access token', ['pul-'], 'pul-[a-f0-9]{40}'),
  prefixed(
    'onepassword-service-account-token',
    '1Password service account token',
    ['ops_eyj'],
    'ops_eyJ[a-zA-Z0-9+/]{250,}={0,3}',
    { entropy: 4 }
  ),
  prefixed(
    'onepassword-secret-key',
    '1Password account secret key',
    ['a3-'],
    'A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}',
    { entropy: 3.5 }
  ),
  prefixed(
    'age-secret-key',
    'age encryption secret key',
    ['age-secret-key-1'],
    'AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}',
    { severity: 'critical' }
  ),
  kv(
    'consul-acl-token',
    'HashiCorp Consul ACL token',
    ['consul'],
    'consul[\\w.-]{0,10}token',
    UUID
  ),
  kv(
    'snowflake-password',
    'Snowflake account password',
    ['snowflake'],
    'snowflake[\\w.-]{0,10}pass(?:word)?',
    '[^\\s\'"`]{8,64}',
    {
      entropy: 3
    }
  ),
  kv(
    'confluent-api-secret',
    'Confluent Cloud API secret',
    ['confluent'],
    'confluent[\\w.-]{0,15}secret',
    '[A-Za-z0-9+/]{64}',
    { entropy: 4 }
  ),
  prefixed('yandex-api-key', 'Yandex Cloud API key', ['aqvn'], 'AQVN[A-Za-z0-9_-]{35,38}', {
    entropy: 3.5
  }),
  prefixed(
    'yandex-iam-token',
    'Yandex Cloud IAM token',
    ['t1.'],
    't1\\.[A-Z0-9a-z_-]+={0,2}\\.[A-Z0-9a-z_-]{86}={0,2}',
    {
      entropy: 3.5
    }
  ),
  kv(
    'yandex-access-key',
    'Yandex Cloud static access key secret',
    ['yandex'],
    'yandex',
    'YC[a-zA-Z0-9_-]{38}',
    {
      entropy: 3.5
    }
  )
]
const ghBody = '[A-Za-z0-9]{36}'
/**
 * GitLab token body: the legacy 20 characters, or a routable token's base64url payload followed by
 * `.<payload length><crc32>` (9 base36 characters), optionally after a `.<version>` segment.
 */
const glBody = '[\\w-]{20,300}(?:(?:\\.[0-9a-z]{2})?\\.[0-9a-z]{9})?'
const codeHosts: Rule[] = [
  prefixed('github-pat', 'GitHub personal access token (classic)', ['ghp_'], `ghp_${ghBody}`, {
    severity: 'critical',
    validate: 'github-checksum'
  }),
  prefixed('github-oauth-token', 'GitHub OAuth access token', ['gho_'], `gho_${ghBody}`, {
    severity: 'critical',
    validate: 'github-checksum'
  }),
  prefixed(
    'github-user-to-server-token',
    'GitHub App user-to-server token',
    ['ghu_'],
    `ghu_${ghBody}`,
    {
      severity: 'critical',
      validate: 'github-checksum'
    }
  ),
  prefixed(
    'github-app-installation-token',
    'GitHub App installation (server-to-server) token',
    ['ghs_'],
    `ghs_${ghBody}`,
    {
      severity: 'critical',
      validate: 'github-checksum'
    }
  ),
  prefixed('github-refresh-token', 'GitHub App refresh token', ['ghr_'], 'ghr_[A-Za-z0-9]{36,76}', {
    severity: 'critical',
    validate: 'github-checksum'
  }),
  prefixed(
    'github-fine-grained-pat',
    'GitHub fine-grained personal access token',
    ['github_pat_'],
    'github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}',
    { severity: 'critical', entropy: 4 }
  ),
  kv(
    'github-oauth-client-secret',
    'GitHub OAuth app client secret',
    ['github'],
    'github[\\w.-]{0,15}(?:client_?secret|secret)',
    '[a-f0-9]{40}',
    { entropy: 3.2 }
  ),
  prefixed('gitlab-pat', 'GitLab personal access token', ['glpat-'], `glpat-${glBody}`, {
    severity: 'critical',
    entropy: 3
  }),
  prefixed(
    'gitlab-pipeline-trigger-token',
    'GitLab pipeline trigger token',
    ['glptt-'],
    'glptt-[0-9a-f]{40}'
  ),
  prefixed(
    'gitlab-runner-registration-token',
    'GitLab runner registration token',
    ['gr1348941'],
    'GR1348941[\\w-]{20}',
    { entropy: 3 }
  ),
  prefixed(
    'gitlab-runner-auth-token',
    'GitLab runner authentication token',
    ['glrt-'],
    `glrt-${glBody}`,
    {
      entropy: 3
    }
  ),
  prefixed('gitlab-deploy-token', 'GitLab deploy token', ['gldt-'], `gldt-${glBody}`, {
    entropy: 3
  }),
  prefixed('gitlab-feed-token', 'GitLab feed token', ['glft-'], `glft-${glBody}`, { entropy: 3 }),
  prefixed(
    'gitlab-oauth-app-secret',
    'GitLab OAuth application secret',
    ['gloas-'],
    'gloas-[\\w-]{64}',
    {
      entropy: 3.5
    }
  ),
  prefixed('gitlab-scim-token', 'GitLab SCIM token', ['glsoat-'], `glsoat-${glBody}`, {
    entropy: 3
  }),
  prefixed(
    'gitlab-incoming-mail-token',
    'GitLab incoming mail token',
    ['glimt-'],
    'glimt-[\\w-]{25}',
    {
      entropy: 3
    }
  ),
  prefixed(
    'gitlab-agent-token',
    'GitLab agent for Kubernetes token',
    ['glagent-'],
    'glagent-[\\w-]{50}',
    {
      entropy: 3.5
    }
  ),
  prefixed(
    'gitlab-feature-flag-token',
    'GitLab feature flag client token',
    ['glffct-'],
    `glffct-${glBody}`,
    {
      entropy: 3
    }
  ),
  prefixed(
    'gitlab-cicd-job-token',
    'GitLab CI/CD job token',
    ['glcbt-'],
    'glcbt-[0-9a-zA-Z]{1,5}_[\\w-]{20}',
    {
      entropy: 3
    }
  ),
  kv(
    'bitbucket-client-secret',
    'Bitbucket OAuth client secret',
    ['bitbucket'],
    'bitbucket[\\w.-]{0,15}secret',
    '[A-Za-z0-9_=-]{64}',
    { entropy: 3.5 }
  ),
  prefixed(
    'bitbucket-app-password',
    'Bitbucket app password',
    ['atbb'],
    'ATBB[A-Za-z0-9_=.-]{32}',
    {
      entropy: 3.5
    }
  ),
  prefixed(
    'atlassian-api-token',
    'Atlassian (Jira, Confluence) API token',
    ['atatt3'],
    'ATATT3[A-Za-z0-9_=-]{180,200}',
    { entropy: 4 }
  ),
  kv(
    'atlassian-legacy-api-token',
    'Atlassian API token (legacy format)',
    ['atlassian', 'confluence', 'jira'],
    '(?:atlassian|confluence|jira)[\\w.-]{0,10}(?:token|api_?key)',
    '[A-Za-z0-9]{24}',
    { entropy: 3.5 }
  ),
  prefixed('npm-access-token', 'npm access token', ['npm_'], 'npm_[A-Za-z0-9]{36}', {
    severity: 'critical',
    validate: 'npm-checksum'
  }),
  raw(
    'npmrc-auth-token',
    'npm registry auth token in .npmrc',
    ['_authtoken'],
    String.raw`_authToken[ \t]{0,3}=[ \t]{0,3}['"]?([A-Za-z0-9_.+/=-]{20,300})['"]?(?![A-Za-z0-9_.+/=-])`,
    'high',
    { entropy: 3.5 }
  ),
  raw(
    'npmrc-basic-auth',
    'npm registry basic auth (_auth) in .npmrc',
    ['_auth'],
    String.raw`(?:^|[\s:])_auth[ \t]{0,3}=[ \t]{0,3}['"]?([A-Za-z0-9+/]{8,300}={0,2})['"]?(?![A-Za-z0-9+/=])`,
    'high',
    { validate: 'basic-auth-base64', flags: 'm' }
  ),
  prefixed(
    'pypi-upload-token',
    'PyPI / TestPyPI upload token',
    ['pypi-ageichlwas5vcmc', 'pypi-agendgvzdc5wexbplm9yzw'],
    // A macaroon whose location is pypi.org or test.pypi.org.
    'pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,1000}',
    {
      severity: 'critical'
    }
  ),
  prefixed('rubygems-api-key', 'RubyGems API key', ['rubygems_'], 'rubygems_[a-f0-9]{48}', {
    severity: 'critical'
  }),
  prefixed('nuget-api-key', 'NuGet API key', ['oy2'], 'oy2[a-z0-9]{43}', { entropy: 3.5 }),
  prefixed(
    'dockerhub-pat',
    'Docker Hub personal access token',
    ['dckr_pat_'],
    'dckr_pat_[A-Za-z0-9_-]{27,40}',
    {
      severity: 'critical',
      entropy: 3
    }
  ),
  prefixed(
    'dockerhub-oat',
    'Docker Hub organization access token',
    ['dckr_oat_'],
    'dckr_oat_[A-Za-z0-9_-]{27,40}',
    {
      entropy: 3
    }
  ),
  raw(
    'docker-config-auth',
    'Docker config.json registry credentials (auths.*.auth)',
    ['"auth"'],
    String.raw`"auth"\s{0,3}:\s{0,3}"([A-Za-z0-9+/]{8,1000}={0,2})"`,
    'critical',
    { validate: 'docker-auth' }
  ),
  prefixed('artifactory-api-key', 'JFrog Artifactory API key', ['akcp'], 'AKCp[A-Za-z0-9]{69}', {
    entropy: 4
  }),
  prefixed(
    'artifactory-reference-token',
    'JFrog Artifactory reference token',
    ['cmvmdgtu'],
    'cmVmdGtu[A-Za-z0-9]{56}',
    { entropy: 4 }
  ),
  prefixed(
    'sonarqube-token',
    'SonarQube / SonarCloud token',
    ['sqp_', 'squ_', 'sqa_'],
    'sq[pua]_[a-f0-9]{40}'
  ),
  kv(
    'codecov-token',
    'Codecov upload / API token',
    ['codecov'],
    'codecov',
    `(?:${UUID}|[a-f0-9]{32})`
  ),
  prefixed(
    'circleci-pat',
    'CircleCI personal API token',
    ['ccipat_'],
    'CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40}'
  ),
  kv(
    'circleci-token',
    'CircleCI API token (legacy format)',
    ['circle'],
    'circle(?:ci)?[\\w.-]{0,10}token',
    '[a-f0-9]{40}'
  ),
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
  kv(
    'jenkins-api-token',
    'Jenkins API token',
    ['jenkins'],
    'jenkins[\\w.-]{0,10}(?:token|api_?key)',
    '[a-f0-9]{34}'
  ),
  prefixed(
    'harness-api-key',
    'Harness API key',
    ['pat.', 'sat.'],
    '(?:pat|sat)\\.[A-Za-z0-9_-]{22}\\.[0-9a-f]{24}\\.[A-Za-z0-9]{20}',
    { entropy: 3.5 }
  ),
  prefixed(
    'grafana-api-key',
    'Grafana API key',
    ['eyjrijoi'],
    'eyJrIjoi[A-Za-z0-9+/]{70,400}={0,2}',
    {
      entropy: 4
    }
  ),
  prefixed(
    'grafana-cloud-api-token',
    'Grafana Cloud API token',
    ['glc_'],
    'glc_[A-Za-z0-9+/]{32,400}={0,2}',
    {
      entropy: 4
    }
  ),
  prefixed(
    'grafana-service-account-token',
    'Grafana service account token',
    ['glsa_'],
    'glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}',
    { entropy: 3.5 }
  ),
  prefixed('postman-api-key', 'Postman API key', ['pmak-'], 'PMAK-[a-f0-9]{24}-[a-f0-9]{34}'),
  prefixed(
    'tailscale-key',
    'Tailscale API / auth key',
    ['tskey-'],
    'tskey-(?:(?:api|auth|client|webhook|scim)-)?[A-Za-z0-9]{5,20}-[A-Za-z0-9]{20,60}',
    { entropy: 3.5 }
  ),
  kv(
    'ngrok-auth-token',
    'ngrok auth token',
    ['ngrok'],
    'ngrok',
    '[0-9A-Za-z]{20,30}_[0-9A-Za-z]{17,25}',
    {
      entropy: 3.5
    }
  ),
  prefixed('clojars-token', 'Clojars deploy token', ['clojars_'], 'CLOJARS_[a-z0-9]{60}', {
    entropy: 3.5
  }),
  prefixed('prefect-api-key', 'Prefect API key', ['pnu_'], 'pnu_[A-Za-z0-9]{36}', { entropy: 3.5 }),
  prefixed('readme-api-key', 'ReadMe API key', ['rdme_'], 'rdme_[a-z0-9]{70}', { entropy: 3.5 }),
  prefixed('scalingo-api-token', 'Scalingo API token', ['tk-us-'], 'tk-us-[\\w-]{48}', {
    entropy: 3.5
  }),
  raw(
    'sidekiq-enterprise-credentials',
    'Sidekiq Enterprise / Pro gem server credentials',
    ['contribsys'],
    String.raw`(?i:BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM)[ \t]{0,3}[=:][ \t]{0,3}['"]?([a-f0-9]{8}:[a-f0-9]{8})(?![a-f0-9])`,
    'high'
  ),
  kv(
    'kubeconfig-client-key-data',
    'Kubernetes kubeconfig client key',
    ['client-key-data'],
    'client-key-data',
    '[A-Za-z0-9+/]{100,20000}={0,2}',
    { severity: 'critical', entropy: 4 }
  )
]

const saas: Rule[] = [
  prefixed(
    'slack-bot-token',
    'Slack bot token',
    ['xoxb-'],
    'xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24,34}',
    { severity: 'critical' }
  ),
  prefixed(
    'slack-user-token',
    'Slack user token',
    ['xoxp-', 'xoxe-'],
    'xox[pe](?:-[0-9]{10,13}){3}-[a-zA-Z0-9-]{28,34}',
    { severity: 'critical' }
  ),
  prefixed(
    'slack-app-token',
    'Slack app-level token',
    ['xapp-'],
    'xapp-\\d-[A-Z0-9]{9,13}-\\d{10,13}-[a-z0-9]{64}',
    {
      severity: 'critical'
    }
  ),
  prefixed(
    'slack-config-access-token',
    'Slack configuration access token',
    ['xoxe.xox'],
    'xoxe\\.xox[bp]-\\d-[A-Za-z0-9]{163,166}'
  ),
  prefixed(
    'slack-config-refresh-token',
    'Slack configuration refresh token',
    ['xoxe-'],
    'xoxe-\\d-[A-Za-z0-9]{146}'
  ),
  prefixed(
    'slack-legacy-token',
    'Slack legacy / workspace token',
    ['xoxo-', 'xoxs-', 'xoxa-', 'xoxr-'],
    'xox[osar]-\\d{1,13}(?:-\\d{1,13}){1,3}-[a-zA-Z0-9]{10,64}',
    { entropy: 3 }
  ),
  raw(
    'slack-webhook-url',
    'Slack incoming webhook URL',
    ['hooks.slack.com'],
    String.raw`(hooks\.slack\.com/(?:services|workflows|triggers)/T[A-Z0-9]{8,12}(?:/[A-Za-z0-9]{8,24}){1,2}/[A-Za-z0-9]{20,64})`,
    'high'
  ),
  raw(
    'discord-webhook-url',
    'Discord webhook URL',
    ['discord'],
    String.raw`(discord(?:app)?\.com/api/webhooks/\d{17,20}/[\w-]{60,70})`,
    'high'
  ),
  kv(
    'discord-bot-token',
    'Discord bot token',
    ['discord'],
    'discord',
    '[MNO][A-Za-z\\d_-]{23,25}\\.[\\w-]{6}\\.[\\w-]{27,38}',
    { entropy: 3.5 }
  ),
  raw(
    'telegram-bot-token',
    'Telegram bot API token',
    [':aa'],
    String.raw`(?<![0-9A-Za-z_-])(\d{6,12}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])`,
    'high',
    { entropy: 3.5 }
  ),
  raw(
    'microsoft-teams-webhook',
    'Microsoft Teams incoming webhook URL',
    ['webhook.office.com'],
    String.raw`(https://[a-z0-9-]{1,60}\.webhook\.office\.com/webhookb2/${UUID}@${UUID}/IncomingWebhook/[a-f0-9]{32}/${UUID}(?:/[\w-]{10,60})?)`,
    'high'
  ),
  prefixed(
    'stripe-live-secret-key',
    'Stripe live secret / restricted key',
    ['sk_live_', 'rk_live_'],
    '[sr]k_live_[A-Za-z0-9]{24,247}',
    {
      severity: 'critical',
      entropy: 3
    }
  ),
  prefixed(
    'stripe-test-secret-key',
    'Stripe test-mode secret key',
    ['sk_test_', 'rk_test_'],
    '[sr]k_test_[A-Za-z0-9]{24,247}',
    {
      severity: 'low',
      entropy: 3
    }
  ),
  prefixed(
    'stripe-webhook-secret',
    'Stripe webhook signing secret',
    ['whsec_'],
    'whsec_[A-Za-z0-9+/]{32,64}',
    {
      entropy: 3.5
    }
  ),
  kv(
    'twilio-api-key',
    'Twilio API key or account SID',
    ['twilio'],
    'twilio',
    '(?:SK|AC)[0-9a-fA-F]{32}'
  ),
  kv(
    'twilio-auth-token',
    'Twilio auth token',
    ['twilio'],
    'twilio[\\w.-]{0,10}(?:auth|token|secret)',
    '[a-f0-9]{32}'
  ),
  prefixed(
    'sendgrid-api-key',
    'SendGrid API key',
    ['sg.'],
    'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}',
    { entropy: 3.5 }
  ),
  kv(
    'mailgun-private-api-key',
    'Mailgun private API key',
    ['mailgun'],
    'mailgun',
    'key-[a-f0-9]{32}'
  ),
  kv(
    'mailgun-public-key',
    'Mailgun public validation key',
    ['mailgun'],
    'mailgun',
    'pubkey-[a-f0-9]{32}'
  ),
  kv(
    'mailgun-webhook-signing-key',
    'Mailgun webhook signing key',
    ['mailgun'],
    'mailgun',
    '[a-h0-9]{32}-[a-h0-9]{8}-[a-h0-9]{8}'
  ),
  prefixed('mailchimp-api-key', 'Mailchimp API key', ['-us'], '[a-f0-9]{32}-us\\d{1,2}', {
    entropy: 3
  }),
  kv('mandrill-api-key', 'Mandrill API key', ['mandrill'], 'mandrill', '[A-Za-z0-9_-]{22}', {
    entropy: 3.5
  }),
  kv('postmark-server-token', 'Postmark server token', ['postmark'], 'postmark', UUID),
  prefixed(
    'brevo-api-key',
    'Brevo (Sendinblue) API key',
    ['xkeysib-'],
    'xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}'
  ),
  prefixed('mailersend-api-token', 'MailerSend API token', ['mlsn.'], 'mlsn\\.[a-f0-9]{64}'),
  prefixed('resend-api-key', 'Resend API key', ['re_'], 're_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}', {
    entropy: 3.5
  }),
  kv('mailjet-api-key', 'Mailjet API key', ['mailjet'], 'mailjet', '[a-f0-9]{32}'),
  prefixed('shopify-access-token', 'Shopify access token', ['shpat_'], 'shpat_[a-fA-F0-9]{32}', {
    severity: 'critical'
  }),
  prefixed(
    'shopify-custom-app-token',
    'Shopify custom app access token',
    ['shpca_'],
    'shpca_[a-fA-F0-9]{32}'
  ),
  prefixed(
    'shopify-private-app-token',
    'Shopify private app access token',
    ['shppa_'],
    'shppa_[a-fA-F0-9]{32}'
  ),
  prefixed(
    'shopify-shared-secret',
    'Shopify app shared secret',
    ['shpss_'],
    'shpss_[a-fA-F0-9]{32}'
  ),
  prefixed(
    'square-access-token',
    'Square access token',
    ['sq0atp-', 'eaaa'],
    '(?:sq0atp-[\\w-]{22}|EAAA[\\w-]{60})',
    { entropy: 3.5 }
  ),
  prefixed('square-oauth-secret', 'Square OAuth secret', ['sq0csp-'], 'sq0csp-[\\w-]{43}', {
    entropy: 3.5
  }),
  prefixed(
    'braintree-access-token',
    'PayPal Braintree access token',
    ['access_token$production$', 'access_token$sandbox$'],
    'access_token\\$(?:production|sandbox)\\$[0-9a-z]{16}\\$[0-9a-f]{32}',
    { severity: 'critical' }
  ),
  prefixed(
    'plaid-access-token',
    'Plaid access token',
    ['access-sandbox-', 'access-development-', 'access-production-'],
    `access-(?:sandbox|development|production)-${UUID}`
  ),
  prefixed(
    'flutterwave-secret-key',
    'Flutterwave secret key',
    ['flwseck'],
    'FLWSECK(?:_TEST)?-[a-h0-9]{32}-X'
  ),
  prefixed('razorpay-key-id', 'Razorpay live key id', ['rzp_live_'], 'rzp_live_[A-Za-z0-9]{14}', {
    entropy: 3
  }),
  kv(
    'gocardless-api-token',
    'GoCardless API token',
    ['gocardless'],
    'gocardless',
    '(?:live|sandbox)_[\\w=-]{40}',
    {
      entropy: 3.5
    }
  ),
  prefixed(
    'shippo-api-token',
    'Shippo API token',
    ['shippo_'],
    'shippo_(?:live|test)_[a-f0-9]{40}'
  ),
  prefixed('easypost-api-key', 'EasyPost API key', ['ezak', 'eztk'], 'EZ[AT]K[a-zA-Z0-9]{54}', {
    entropy: 3.5
  }),
  kv('lob-api-key', 'Lob API key', ['lob'], 'lob', '(?:live|test)_[a-f0-9]{35}'),
  kv(
    'datadog-api-key',
    'Datadog API key',
    ['datadog', 'dd_api', 'dd-api'],
    '(?:datadog|dd[_-]api)',
    '[a-f0-9]{32}'
  ),
  kv(
    'datadog-app-key',
    'Datadog application key',
    ['datadog', 'dd_app', 'dd-app'],
    '(?:datadog|dd[_-]app)',
    '[a-f0-9]{40}'
  ),
  prefixed('new-relic-user-api-key', 'New Relic user API key', ['nrak-'], 'NRAK-[A-Z0-9]{27}', {
    entropy: 3.5
  }),
  prefixed('new-relic-insert-key', 'New Relic insights insert key', ['nrii-'], 'NRII-[\\w-]{32}', {
    entropy: 3.5
  }),
  prefixed(
    'new-relic-browser-api-token',
    'New Relic browser API token',
    ['nrjs-'],
    'NRJS-[a-f0-9]{19}'
  ),
  prefixed('new-relic-license-key', 'New Relic ingest license key', ['nral'], '[a-f0-9]{36}NRAL', {
    severity: 'high'
  }),
  prefixed(
    'sentry-org-token',
    'Sentry organization auth token',
    ['sntrys_'],
    'sntrys_eyJ[A-Za-z0-9+/=_-]{80,400}',
    {
      entropy: 4
    }
  ),
  prefixed('sentry-user-token', 'Sentry user auth token', ['sntryu_'], 'sntryu_[a-f0-9]{64}'),
  kv('honeycomb-api-key', 'Honeycomb API key', ['honeycomb'], 'honeycomb', '[A-Za-z0-9]{22,32}', {
    entropy: 3.5
  }),
  prefixed(
    'dynatrace-api-token',
    'Dynatrace API token',
    ['dt0c01.'],
    'dt0c01\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}',
    {
      entropy: 3.5
    }
  ),
  kv('pagerduty-api-key', 'PagerDuty API key', ['pagerduty'], 'pagerduty', '[A-Za-z0-9_+-]{20}', {
    entropy: 3.5
  }),
  kv('opsgenie-api-key', 'Opsgenie API key', ['opsgenie'], 'opsgenie', UUID),
  kv('rollbar-access-token', 'Rollbar access token', ['rollbar'], 'rollbar', '[a-f0-9]{32}'),
  kv('bugsnag-api-key', 'Bugsnag API key', ['bugsnag'], 'bugsnag', '[a-f0-9]{32}'),
  kv('splunk-hec-token', 'Splunk HTTP Event Collector token', ['splunk'], 'splunk', UUID),
  kv(
    'sumologic-access-key',
    'Sumo Logic access key',
    ['sumo'],
    'sumo(?:logic)?[\\w.-]{0,10}(?:key|secret)',
    '[A-Za-z0-9]{64}',
    {
      entropy: 4
    }
  ),
  raw(
    'openai-api-key',
    'OpenAI API key',
    ['t3blbkfj'],
    String.raw`${'(?<![A-Za-z0-9_-])'}(sk-(?:(?:proj|svcacct|admin|None)-)?[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200})(?![A-Za-z0-9_-])`,
    'critical'
  ),
  prefixed(
    'openai-project-key',
    'OpenAI project / service account / admin key',
    ['sk-proj-', 'sk-svcacct-', 'sk-admin-', 'sk-none-'],
    'sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{58,200}',
    { severity: 'critical', entropy: 4 }
  ),
  prefixed(
    'anthropic-api-key',
    'Anthropic API key',
    ['sk-ant-api03-'],
    'sk-ant-api03-[\\w-]{93}AA',
    { severity: 'critical' }
  ),
  prefixed(
    'anthropic-admin-key',
    'Anthropic admin API key',
    ['sk-ant-admin01-'],
    'sk-ant-admin01-[\\w-]{93}AA',
    { severity: 'critical' }
  ),
  prefixed('huggingface-access-token', 'Hugging Face access token', ['hf_'], 'hf_[A-Za-z]{34}', {
    entropy: 3.5
  }),
  prefixed(
    'huggingface-org-token',
    'Hugging Face organization API token',
    ['api_org_'],
    'api_org_[A-Za-z]{34}',
    {
      entropy: 3.5
    }
  ),
  kv(
    'cohere-api-key',
    'Cohere API key',
    ['cohere', 'co_api'],
    '(?:cohere|co_api)',
    '[A-Za-z0-9]{40}',
    {
      entropy: 4
    }
  ),
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
  prefixed(
    'langsmith-api-key',
    'LangSmith API key',
    ['lsv2_pt_', 'lsv2_sk_'],
    'lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}'
  ),
  kv(
    'elevenlabs-api-key',
    'ElevenLabs API key',
    ['elevenlabs', 'xi-api-key', 'xi_api_key'],
    '(?:elevenlabs|xi[-_]api[-_]key)',
    'sk_[a-f0-9]{48}'
  ),
  kv('okta-api-token', 'Okta API token', ['okta'], 'okta', '00[A-Za-z0-9_-]{40}', { entropy: 3.5 }),
  kv(
    'auth0-client-secret',
    'Auth0 client secret',
    ['auth0'],
    'auth0[\\w.-]{0,15}secret',
    '[A-Za-z0-9_-]{64}',
    {
      entropy: 4
    }
  ),
  prefixed(
    'linear-api-key',
    'Linear API key or OAuth access token',
    ['lin_api_', 'lin_oauth_'],
    '(?:lin_api_[A-Za-z0-9]{40}|lin_oauth_[a-f0-9]{64})',
    { entropy: 3.5 }
  ),
  prefixed(
    'notion-api-token',
    'Notion integration token',
    ['ntn_'],
    'ntn_[0-9]{11}[A-Za-z0-9]{35}',
    {
      entropy: 3.5
    }
  ),
  kv(
    'notion-legacy-token',
    'Notion integration token (secret_ format)',
    ['notion'],
    'notion',
    'secret_[A-Za-z0-9]{43}',
    {
      entropy: 3.5
    }
  ),
  kv(
    'asana-pat',
    'Asana personal access token',
    ['asana'],
    'asana',
    // v1 `1/<user gid>:<hex>`, v2 `2/<user gid>/<token gid>:<hex>`
    '[0-9]/[0-9]{10,20}(?:/[0-9]{10,20})?:[a-f0-9]{32}'
  ),
  prefixed(
    'airtable-pat',
    'Airtable personal access token',
    ['pat'],
    'pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}'
  ),
  prefixed('figma-pat', 'Figma personal access token', ['figd_'], 'figd_[\\w-]{40}', {
    entropy: 3.5
  }),
  kv(
    'trello-api-token',
    'Trello API token',
    ['trello'],
    'trello',
    '(?:[a-f0-9]{64}|ATTA[A-Za-z0-9]{60,70})'
  ),
  prefixed(
    'dropbox-access-token',
    'Dropbox short-lived access token',
    ['sl.'],
    'sl\\.(?:u\\.)?[A-Za-z0-9_-]{130,1400}',
    {
      entropy: 4
    }
  ),
  kv('zendesk-api-token', 'Zendesk API token', ['zendesk'], 'zendesk', '[A-Za-z0-9]{40}', {
    entropy: 3.5
  }),
  kv(
    'intercom-access-token',
    'Intercom access token',
    ['intercom'],
    'intercom',
    '[A-Za-z0-9=_-]{60}',
    {
      entropy: 3.5
    }
  ),
  prefixed(
    'hubspot-private-app-token',
    'HubSpot private app token',
    ['pat-na', 'pat-eu', 'pat-ap'],
    `pat-(?:na|eu|ap)\\d-${UUID}`
  ),
  prefixed(
    'mapbox-secret-token',
    'Mapbox secret access token',
    ['sk.eyj1ijoi'],
    'sk\\.eyJ1Ijoi[\\w.-]{50,300}',
    {
      entropy: 4
    }
  ),
  kv('algolia-admin-key', 'Algolia admin API key', ['algolia'], 'algolia', '[a-f0-9]{32}'),
  prefixed('contentful-pat', 'Contentful personal access token', ['cfpat-'], 'CFPAT-[\\w-]{43}', {
    entropy: 3.5
  }),
  kv(
    'launchdarkly-access-token',
    'LaunchDarkly access token',
    ['launchdarkly'],
    'launchdarkly',
    `(?:api|sdk)-${UUID}`
  ),
  prefixed('typeform-pat', 'Typeform personal access token', ['tfp_'], 'tfp_[\\w.-]{59}', {
    entropy: 3.5
  }),
  prefixed('frameio-api-token', 'Frame.io API token', ['fio-u-'], 'fio-u-[\\w=-]{64}', {
    entropy: 3.5
  }),
  prefixed('adafruit-io-key', 'Adafruit IO key', ['aio_'], 'aio_[A-Za-z0-9]{28}', { entropy: 3.5 }),
  kv('rapidapi-key', 'RapidAPI key', ['rapidapi'], 'rapidapi', '[\\w-]{50}', { entropy: 3.5 }),
  raw(
    'cloudinary-url',
    'Cloudinary URL with API secret',
    ['cloudinary://'],
    String.raw`cloudinary://\d{6,20}:([A-Za-z0-9_-]{20,40})@[a-z0-9-]{1,60}`,
    'high'
  ),
  kv('pusher-secret', 'Pusher app secret', ['pusher'], 'pusher[\\w.-]{0,10}secret', '[a-f0-9]{20}'),
  kv(
    'ably-api-key',
    'Ably API key',
    ['ably'],
    'ably',
    '[\\w-]{5,10}\\.[\\w-]{5,10}:[\\w-]{30,50}',
    { entropy: 3.5 }
  ),
  raw(
    'firebase-cloud-messaging-key',
    'Firebase Cloud Messaging server key',
    ['apa91b'],
    String.raw`(?<![A-Za-z0-9_-])(AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134})(?![A-Za-z0-9_-])`,
    'high'
  ),
  kv(
    'vonage-api-secret',
    'Vonage (Nexmo) API secret',
    ['nexmo', 'vonage'],
    '(?:nexmo|vonage)[\\w.-]{0,10}secret',
    '[A-Za-z0-9]{16}',
    {
      entropy: 3.5
    }
  ),
  kv(
    'zoom-client-secret',
    'Zoom OAuth client secret',
    ['zoom'],
    'zoom[\\w.-]{0,10}secret',
    '[A-Za-z0-9]{32}',
    {
      entropy: 3.5
    }
  ),
  raw(
    'twitter-bearer-token',
    'Twitter / X API bearer token',
    ['aaaaaaaaaaaaaaaaaaaaa'],
    String.raw`(?<![A-Za-z0-9%])A{22}([A-Za-z0-9%]{80,110})(?![A-Za-z0-9%])`,
    'high',
    { entropy: 4 }
  ),
  kv(
    'facebook-app-secret',
    'Facebook / Meta app secret',
    ['facebook', 'fb_'],
    '(?:facebook|fb_app)[\\w.-]{0,10}secret',
    '[a-f0-9]{32}'
  ),
  raw(
    'facebook-access-token',
    'Facebook / Meta access token',
    ['eaa'],
    // Not inside a base64 run: a random blob holds "EAA" + 100 alphanumerics now and then.
    String.raw`(?<![A-Za-z0-9_+/-])(EAA[A-Za-z0-9]{100,1000})(?![A-Za-z0-9_+/=-])`,
    'high',
    { entropy: 3.5 }
  )
]

const keysAndGeneric: Rule[] = [
  // Path-only rules (no regex): the file itself is the secret, whatever its content (these
  // keystores are binary). Keywords are unused: the rule runs on the path, not the content.
  raw(
    'pkcs12-file',
    'PKCS #12 keystore file (a private key with its certificate chain)',
    ['pkcs12'],
    '',
    'high',
    { path: '(?i)(?:^|/)[^/]+\\.p(?:12|fx)$' }
  ),
  raw(
    'java-keystore-file',
    'Java keystore file (JKS, JCEKS or Bouncy Castle)',
    ['keystore'],
    '',
    'high',
    {
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
    }
  ),
  pem('private-key-rsa', 'RSA private key', 'RSA PRIVATE KEY', 'rsa private key'),
  pem('private-key-dsa', 'DSA private key', 'DSA PRIVATE KEY', 'dsa private key'),
  pem('private-key-ec', 'EC private key', 'EC PRIVATE KEY', 'ec private key'),
  pem('private-key-openssh', 'OpenSSH private key', 'OPENSSH PRIVATE KEY', 'openssh private key'),
  pem('private-key-pkcs8', 'PKCS #8 private key', 'PRIVATE KEY', '-----begin private key'),
  pem(
    'private-key-encrypted',
    'Encrypted PKCS #8 private key',
    'ENCRYPTED PRIVATE KEY',
    'encrypted private key'
  ),
  pem('private-key-pgp', 'PGP private key block', 'PGP PRIVATE KEY BLOCK', 'pgp private key'),
  pem(
    'private-key-ssh2',
    'SSH2 encrypted private key',
    'SSH2 ENCRYPTED PRIVATE KEY',
    'ssh2 encrypted private key'
  ),
  raw(
    'private-key-sigstore',
    'Sigstore / cosign encrypted private key',
    ['encrypted sigstore private key', 'encrypted cosign private key'],
    `-----BEGIN ENCRYPTED (SIGSTORE|COSIGN) PRIVATE KEY-----${PEM_BODY}-----END ENCRYPTED \\1 PRIVATE KEY-----`,
    'critical',
    { span: 16384, tags: ['private-key'], secretGroup: 0 }
  ),
  pem('openvpn-static-key', 'OpenVPN static key', 'OpenVPN Static key V1', 'openvpn static key'),
  raw(
    'private-key-putty',
    'PuTTY private key',
    ['putty-user-key-file-'],
    String.raw`PuTTY-User-Key-File-[23]: [\w-]{3,40}\r?\n[\s\S]{0,400}?Private-Lines: \d{1,3}\r?\n[A-Za-z0-9+/=\r\n]{40,8000}`,
    'critical',
    { span: 12000, tags: ['private-key'] }
  ),
  kv(
    'wireguard-private-key',
    'WireGuard private key',
    ['privatekey'],
    'PrivateKey',
    '[A-Za-z0-9+/]{42}[AEIMQUYcgkosw480]=',
    { severity: 'critical', entropy: 4 }
  ),
  raw(
    'jwt',
    'JSON Web Token',
    ['eyj'],
    String.raw`(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{2,8000}\.[A-Za-z0-9_-]{10,2000})(?![A-Za-z0-9_-])`,
    'medium',
    { validate: 'jwt' }
  ),
  raw(
    'database-connection-string',
    'Database connection string with password',
    ['://'],
    String.raw`(?i:\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|jdbc:[a-z]{2,12}|oracle|cockroachdb|clickhouse|neo4j(?:\+s)?|nats|couchbase)://)[^\s:@/'"\x60<>{}$]{1,64}:([^\s:@/'"\x60<>{}$]{3,128})@[\w.-]{1,255}`,
    'critical',
    { validate: 'url-password', after: { chars: '@', within: 200 } }
  ),
  raw(
    'url-credentials',
    'URL with embedded credentials',
    ['://'],
    String.raw`(?i:\b(?:https?|ftps?|sftp|ssh|git|svn|smtps?|imaps?|ldaps?|wss?)://)[^\s:@/'"\x60<>{}$]{1,64}:([^\s:@/'"\x60<>{}$]{3,128})@[\w.-]{1,255}`,
    'high',
    { validate: 'url-password', after: { chars: '@', within: 200 } }
  ),
  raw(
    'kubernetes-secret-manifest',
    'Kubernetes Secret manifest with data values',
    ['kind: secret'],
    // Every entry of a data/stringData block, in a document whose `kind: Secret` comes before
    // it or after it (kubectl sorts keys: `data` precedes `kind`), not across a `---`. The line
    // must look like an entry before the look-behinds run: they scan back hundreds of lines.
    String.raw`^(?=[ \t]{1,12}[\w.-]{1,253}:[ \t]{1,4}['"]?[^\s'"#]{8})` +
      String.raw`(?<=^(?:data|stringData):[ \t]*\r?\n(?:[ \t][^\n]{0,4200}\n){0,200})` +
      String.raw`(?:(?<=^${K8S_KIND}\n(?:(?!---)[^\n]{0,4200}\n){0,400})` +
      String.raw`|(?=[^\n]{0,4200}(?:\n(?!---)[^\n]{0,4200}){0,400}?\n${K8S_KIND}$))` +
      String.raw`^[ \t]{1,12}[\w.-]{1,253}:[ \t]{1,4}['"]?([^\s'"#]{8,4096})['"]?[ \t]*\r?$`,
    'high',
    { span: 24000, back: 24000, flags: 'm', entropy: 3, validate: 'kubernetes-secret-value' }
  ),
  raw(
    'kubernetes-secret-manifest-json',
    'Kubernetes Secret as JSON (kubectl -o json, SecretList) with data values',
    ['"secret"', '"secretlist"'],
    // An entry of a data/stringData object, in an object whose `"kind": "Secret"` is a sibling
    // member before or after it (kubectl sorts keys: data, immutable, kind, metadata, stringData),
    // or in an item of a `"kind": "SecretList"` (the API's list, whose items have no kind).
    String.raw`(?<=${J_DATA_OPEN})` +
      String.raw`(?:(?<=${J_KIND}${J_SEP}${J_MEMBERS}${J_DATA_OPEN})` +
      String.raw`|(?=${J_DATA_REST}${J_SEP}${J_MEMBERS}${J_KIND})` +
      String.raw`|(?<=${J_LIST_KIND}${J_SEP}${J_MEMBERS}"items"${J_COLON}\[\s{0,200}(?:${J_O3}${J_SEP}){0,100}\{\s{0,200}${J_MEMBERS}${J_DATA_OPEN})` +
      String.raw`|(?=${J_DATA_REST}(?:${J_SEP}${J_MEMBER}){0,30}\s{0,200}\}(?:${J_SEP}${J_O3}){0,100}\s{0,200}\]${J_SEP}${J_MEMBERS}${J_LIST_KIND}))` +
      String.raw`"[\w.-]{1,253}"${J_COLON}"([^"\\\s]{8,8192})"`,
    'high',
    { span: 100000, back: 100000, entropy: 3, validate: 'kubernetes-secret-value' }
  ),
  raw(
    'authorization-bearer-header',
    'Bearer token in an Authorization header',
    ['bearer'],
    String.raw`(?i:authorization)['"]?[ \t]{0,3}[:=,][ \t]{0,3}['"\x60]?(?i:bearer)[ \t]{1,3}([A-Za-z0-9._~+/-]{20,2000}={0,2})(?![A-Za-z0-9._~+/=-])`,
    'high',
    { entropy: 3.5, generic: true }
  ),
  raw(
    'authorization-basic-header',
    'Basic credentials in an Authorization header',
    ['basic'],
    String.raw`(?i:authorization)['"]?[ \t]{0,3}[:=,][ \t]{0,3}['"\x60]?(?i:basic)[ \t]{1,3}([A-Za-z0-9+/]{8,1000}={0,2})(?![A-Za-z0-9+/=])`,
    'high',
    { validate: 'basic-auth-base64' }
  ),
  raw(
    'curl-basic-auth',
    'Credentials passed to curl -u',
    ['curl'],
    String.raw`\bcurl\b[^\n]{0,200}?\s(?:-u|--user)[ \t]{1,3}['"]?[^\s:'"$]{1,64}:([^\s'"$]{4,128})['"]?`,
    'high',
    { validate: 'not-placeholder-password', entropy: 2.5 }
  ),
  raw(
    'sshpass-password',
    'Password passed to sshpass -p',
    ['sshpass'],
    String.raw`\bsshpass[ \t]{1,3}-p[ \t]{0,3}['"]?([^\s'"$]{4,128})['"]?`,
    'high',
    { validate: 'not-placeholder-password', entropy: 2.5 }
  ),
  raw(
    'netrc-password',
    'Password in a .netrc entry',
    ['machine'],
    String.raw`\bmachine[ \t]{1,5}[\w.-]{1,255}[ \t\r\n]{1,10}login[ \t]{1,5}\S{1,128}[ \t\r\n]{1,10}password[ \t]{1,5}(\S{4,128})`,
    'high',
    { validate: 'not-placeholder-password', span: 400, entropy: 2.5 }
  ),
  raw(
    'laravel-app-key',
    'Laravel APP_KEY',
    ['app_key'],
    String.raw`APP_KEY[ \t]{0,3}=[ \t]{0,3}['"]?(base64:[A-Za-z0-9+/]{43}=)`,
    'high'
  ),
  raw(
    'django-secret-key',
    'Django SECRET_KEY',
    ['secret_key'],
    String.raw`\bSECRET_KEY[ \t]{0,3}=[ \t]{0,3}[rbuf]{0,2}['"]([^'"\s]{40,100})['"]`,
    'high',
    { entropy: 4, generic: true }
  ),
  kv(
    'rails-secret-key-base',
    'Rails secret_key_base',
    ['secret_key_base'],
    'secret_key_base',
    '[a-f0-9]{128}',
    { entropy: 3.5 }
  ),
  kv(
    'generic-password',
    'Password assigned in code or configuration',
    ['password', 'passwd', 'pwd', 'passphrase'],
    '(?:password|passwd|pwd|passphrase)',
    // Up to a query string's next parameter (`password=…&service=…`).
    // Up to a string literal's escape (`"password: x\\n"`) too.
    '(?:[^\\s\'"`;,<>(){}\\[\\]$&\\\\]|\\\\(?![nrt])|&(?![A-Za-z_]\\w{0,30}=)){6,128}',
    { severity: 'medium', entropy: 2.8, generic: true, validate: 'not-placeholder-password' }
  ),
  kv(
    'generic-api-key',
    'Generic API key',
    ['api_key', 'apikey', 'api-key', 'access_key', 'accesskey', 'access-key', 'app_key', 'appkey'],
    '(?:api|access|app)[_.-]?key',
    '[A-Za-z0-9_.=~+/-]{16,128}',
    { severity: 'medium', entropy: 3.5, generic: true }
  ),
  kv(
    'generic-secret',
    'Generic secret',
    ['secret'],
    // Not Helm's `checksum/secret:` pod annotation (a SHA-256 of the rendered Secret).
    '(?<!checksum/)secret',
    '[A-Za-z0-9_.=~+/!@#%^*-]{12,128}',
    {
      severity: 'medium',
      entropy: 3.5,
      generic: true
    }
  ),
  kv(
    'generic-token',
    'Generic token or credential',
    ['token', 'credential', 'creds', 'auth'],
    '(?:token|credential|creds|auth)',
    '[A-Za-z0-9_.=~+/-]{16,512}',
    { severity: 'medium', entropy: 3.5, generic: true }
  )
]

export const BUILTIN_RULES: readonly Rule[] = [
  ...cloud,
  ...codeHosts,
  ...saas,
  ...EXTRA_RULES,
  ...keysAndGeneric
]
