/**
 * True-positive and false-positive strings for every built-in rule, written from the public
 * token formats. Templates are expanded by gen.ts at run time (see there for the syntax).
 */
import { jwt, rng } from './gen.js'

export interface RuleCase {
  tp: string[]
  fp: string[]
  /** File name the cases are scanned as (rules with a `path`); default `src/app.env`. */
  file?: string
}

const PH = '${{ secrets.TOKEN }}'

/** A JWT, base64-encoded again (as in the data of a Kubernetes Secret or an env dump). */
/** A certificate as a Secret's `tls.crt` holds it: public, not a secret. */
const CERT_B64 = Buffer.from(
  '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2VydGlmaWNhdGVGb3JUZXN0czAKBggqhkjOPQQDAjAS\n-----END CERTIFICATE-----\n'
).toString('base64')

const JWT_B64 = Buffer.from(jwt(rng('rule-cases/jwt-base64'))).toString('base64')

export const RULE_CASES: Record<string, RuleCase> = {
  'aws-access-key-id': {
    tp: ['aws_access_key_id = AKIA{b32:16}', '"AccessKeyId": "ASIA{b32:16}"'],
    fp: ['AKIAIOSFODNN7EXAMPLE', 'key = AKIA{b32:12}', 'AKIAXXXXXXXXXXXXXXXX']
  },
  'aws-secret-access-key': {
    tp: ['aws_secret_access_key = {b64:40}', 'AWS_SECRET_ACCESS_KEY: "{b64:40}"'],
    fp: [
      'aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}',
      'aws_secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"'
    ]
  },
  'aws-session-token': {
    tp: ['aws_session_token = {b64:180}'],
    fp: ['aws_session_token = {b64:40}', 'aws_session_token = $AWS_SESSION_TOKEN']
  },
  'aws-mws-key': {
    tp: ['mws = "amzn.mws.{uuid}"'],
    fp: ['amzn.mws.not-a-uuid-at-all']
  },
  'aws-bedrock-api-key': {
    tp: ['BEDROCK_KEY=ABSK{b64:132}'],
    fp: ['ABSK{b64:20}']
  },
  'gcp-api-key': {
    tp: ['apiKey: "AIza{url:35}"'],
    fp: [
      'key=AIzaSyDaGmWKa4JsXZ-' + 'HjGw7ISLn_3namBGewQe',
      'AIza{url:20}',
      'AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'
    ]
  },
  'gcp-service-account-key': {
    tp: [
      '{\n  "type": "service_account",\n  "project_id": "acme-prod",\n  "private_key_id": "{hex:40}",\n  "client_email": "ci@acme-prod.iam.gserviceaccount.com"\n}',
      '  "private_key_id": "{hex:40}",'
    ],
    fp: ['  "private_key_id": "{hex:12}",', '  "private_key_id": "<your key id>",']
  },
  'gcp-oauth-client-secret': {
    tp: ['client_secret = "GOCSPX-{url:28}"'],
    fp: ['GOCSPX-{url:10}']
  },
  'google-oauth-access-token': {
    tp: ['Authorization: ya29.{url:120}'],
    fp: ['ya29.short']
  },
  'google-oauth-refresh-token': {
    tp: ['refresh_token = "1//0{url:60}"'],
    fp: ['https://1//0abc', 'path 1//0{url:10}']
  },
  'azure-storage-connection-string': {
    tp: [
      'DefaultEndpointsProtocol=https;AccountName=acme{lc:8};AccountKey={b64:86}==;EndpointSuffix=core.windows.net'
    ],
    fp: [
      'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/' +
        'K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;',
      'DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=<key>;'
    ]
  },
  'azure-storage-account-key': {
    tp: ['storage_account_key = "{b64:86}=="'],
    fp: ['storage_account_key = "${STORAGE_KEY}"']
  },
  'azure-sas-token': {
    tp: [
      'BlobEndpoint=https://acct.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2030-01-01T00:00:00Z&spr=https&sig={an:43}%3D',
      'sasToken: "sv=2021-08-06&st=2024-01-01T00%3A00%3A00Z&se=2030-01-01&sr=c&sp=r&sig={an:43}%3D"',
      'https://acct.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01&sig={an:43}%3D'
    ],
    fp: ['https://acct.blob.core.windows.net/c?sv=2022-11-02&sig=<signature>']
  },
  'azure-ad-client-secret': {
    tp: ['AZURE_CLIENT_SECRET={an:3}8Q~{an:34}'],
    fp: ['version 1.2Q~ beta', 'abc1Q~short']
  },
  'azure-service-bus-connection-string': {
    tp: [
      'Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={b64:43}='
    ],
    fp: [
      'Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=<key>'
    ]
  },
  'azure-cosmosdb-connection-string': {
    tp: ['AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey={b64:86}==;'],
    fp: ['AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey=${COSMOS_KEY};']
  },
  'azure-app-configuration-connection-string': {
    tp: ['Endpoint=https://acme.azconfig.io;Id=ab12-l0-s0:{an:20};Secret={b64:44}='],
    fp: ['Endpoint=https://acme.azconfig.io;Id=x;Secret=<secret>']
  },
  'azure-signalr-connection-string': {
    tp: ['Endpoint=https://acme.service.signalr.net;AccessKey={b64:43}=;Version=1.0;'],
    fp: ['Endpoint=https://acme.service.signalr.net;AccessKey=<key>;Version=1.0;']
  },
  'azure-devops-pat': {
    tp: ['AZURE_DEVOPS_PAT={lb32:52}'],
    fp: ['AZURE_DEVOPS_PAT=$(System.AccessToken)']
  },
  'azure-devops-pat-v2': {
    tp: ['token: {an:76}AZDO{an:4}'],
    fp: ['AZDO pipeline docs']
  },
  'azure-apim-subscription-key': {
    tp: ['Ocp-Apim-Subscription-Key: {hex:32}'],
    fp: ['Ocp-Apim-Subscription-Key: {{subscription_key}}']
  },
  'azure-openai-api-key': {
    tp: ['AZURE_OPENAI_API_KEY={hex:32}'],
    fp: ['AZURE_OPENAI_API_KEY=your-azure-openai-key']
  },
  'alibaba-access-key-id': {
    tp: ['access_key_id: LTAI{an:20}'],
    fp: ['LTAI{an:8}']
  },
  'alibaba-secret-key': {
    tp: ['ALIBABA_CLOUD_ACCESS_KEY_SECRET={an:30}'],
    fp: ['alibaba_secret = ${ALIBABA_SECRET}']
  },
  'tencent-secret-id': {
    tp: ['SecretId: AKID{an:32}'],
    fp: ['AKID{an:10}']
  },
  'digitalocean-pat': {
    tp: ['DO_TOKEN=dop_v1_{hex:64}'],
    fp: ['dop_v1_{hex:20}']
  },
  'digitalocean-oauth-token': {
    tp: ['token = "doo_v1_{hex:64}"'],
    fp: ['doo_v1_{hex:10}']
  },
  'digitalocean-refresh-token': {
    tp: ['refresh = "dor_v1_{hex:64}"'],
    fp: ['dor_v1_{lit:xyz}']
  },
  'ibm-cloud-api-key': {
    tp: ['IBMCLOUD_API_KEY={url:44}'],
    fp: ['IBMCLOUD_API_KEY=${IBM_KEY}']
  },
  'linode-api-token': {
    tp: ['LINODE_TOKEN={hex:64}'],
    fp: ['LINODE_TOKEN=changeme']
  },
  'scaleway-secret-key': {
    tp: ['SCW_SECRET_KEY={uuid}'],
    fp: ['SCW_SECRET_KEY=11111111-1111-1111-1111-111111111111']
  },
  'vultr-api-key': {
    tp: ['VULTR_API_KEY={AN:36}'],
    fp: ['VULTR_API_KEY={AN:10}']
  },
  'hetzner-api-token': {
    tp: ['HCLOUD_TOKEN={an:64}'],
    fp: ['HCLOUD_TOKEN=$HCLOUD_TOKEN']
  },
  'cloudflare-api-token': {
    tp: ['CLOUDFLARE_API_TOKEN={url:40}'],
    fp: ['CLOUDFLARE_API_TOKEN=' + PH]
  },
  'cloudflare-global-api-key': {
    tp: ['CLOUDFLARE_API_KEY={hex:45}', 'cloudflare_api_key = "{hex:37}"'],
    fp: ['cloudflare_api_key = "{hex:12}"']
  },
  'cloudflare-origin-ca-key': {
    tp: ['origin_ca_key = v1.0-{hex:24}-{hex:146}'],
    fp: ['v1.0-{hex:24}-{hex:20}']
  },
  'fastly-api-token': {
    tp: ['FASTLY_API_TOKEN={url:32}'],
    fp: ['FASTLY_API_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx']
  },
  'netlify-pat': {
    tp: ['NETLIFY_AUTH_TOKEN=nfp_{an:36}'],
    fp: ['nfp_{an:12}']
  },
  'netlify-access-token': {
    tp: ['netlify_token: {url:43}'],
    fp: ['netlify_token: ' + PH]
  },
  'vercel-token': {
    tp: ['VERCEL_TOKEN=vcp_{an:56}'],
    fp: ['vcp_{an:10}']
  },
  'vercel-legacy-token': {
    tp: ['VERCEL_TOKEN={an:24}'],
    fp: ['VERCEL_TOKEN=${VERCEL_TOKEN}']
  },
  'heroku-api-key': {
    tp: ['HEROKU_API_KEY={uuid}'],
    fp: ['HEROKU_API_KEY=00000000-0000-0000-0000-000000000000']
  },
  'heroku-api-key-v2': {
    tp: ['HEROKU_API_KEY=HRKU-AA{url:58}'],
    fp: ['HRKU-AA{url:10}']
  },
  'flyio-access-token': {
    tp: ['FLY_API_TOKEN=fo1_{url:43}', 'FlyV1 fm2_{b64:160}'],
    fp: ['fo1_{url:10}']
  },
  'render-api-key': {
    tp: ['RENDER_API_KEY=rnd_{an:32}'],
    fp: ['rnd_{an:8}']
  },
  'supabase-access-token': {
    tp: ['SUPABASE_ACCESS_TOKEN=sbp_{hex:40}'],
    fp: ['sbp_{hex:12}']
  },
  'supabase-secret-key': {
    tp: ['SUPABASE_SECRET_KEY=sb_secret_{url:31}'],
    fp: ['sb_secret_{lit:xxx}']
  },
  'planetscale-api-token': {
    tp: ['PLANETSCALE_TOKEN=pscale_tkn_{url:43}'],
    fp: ['pscale_tkn_{lit:short}']
  },
  'planetscale-password': {
    tp: ['DATABASE_PASSWORD=pscale_pw_{url:43}'],
    fp: ['pscale_pw_{lit:short}']
  },
  'planetscale-oauth-token': {
    tp: ['token=pscale_oauth_{url:43}'],
    fp: ['pscale_oauth_{lit:short}']
  },
  'databricks-api-token': {
    tp: ['DATABRICKS_TOKEN=dapi{hex:32}'],
    fp: ['dapi{hex:10}']
  },
  'doppler-token': {
    tp: ['DOPPLER_TOKEN=dp.st.{an:43}', 'dp.pt.{an:43}'],
    fp: ['dp.st.{an:10}']
  },
  'hashicorp-vault-service-token': {
    tp: ['VAULT_TOKEN=hvs.{an:24}', 'VAULT_TOKEN=hvs.{url:95}'],
    fp: ['hvs.{url:20}']
  },
  'hashicorp-vault-batch-token': {
    tp: ['VAULT_TOKEN=hvb.{url:150}'],
    fp: ['hvb.{url:30}']
  },
  'hashicorp-vault-legacy-token': {
    tp: ['VAULT_TOKEN=s.{an:24}'],
    fp: ['VAULT_TOKEN=s.{an:8}']
  },
  'hashicorp-terraform-token': {
    tp: ['token = "{an:14}.atlasv1.{url:67}"'],
    fp: ['{an:14}.atlasv1.{url:10}']
  },
  'hashicorp-hcp-client-secret': {
    tp: ['HCP_CLIENT_SECRET={url:64}'],
    fp: ['HCP_CLIENT_SECRET=$HCP_CLIENT_SECRET']
  },
  'pulumi-access-token': {
    tp: ['PULUMI_ACCESS_TOKEN=pul-{hex:40}'],
    fp: ['pul-{hex:10}']
  },
  'onepassword-service-account-token': {
    tp: ['OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ{b64:300}'],
    fp: ['ops_eyJ{b64:30}']
  },
  'onepassword-secret-key': {
    tp: ['secret key: A3-{AN:6}-{AN:6}-{AN:5}-{AN:5}-{AN:5}-{AN:5}'],
    fp: ['A3-{AN:6}-short']
  },
  'age-secret-key': {
    tp: ['AGE-SECRET-KEY-1{age:58}'],
    fp: ['AGE-SECRET-KEY-1{age:20}']
  },
  'consul-acl-token': {
    tp: ['CONSUL_HTTP_TOKEN={uuid}'],
    fp: ['CONSUL_HTTP_TOKEN=' + PH]
  },
  'snowflake-password': {
    tp: ['SNOWFLAKE_PASSWORD={an:20}'],
    fp: ['SNOWFLAKE_PASSWORD=${SNOWFLAKE_PASSWORD}']
  },
  'confluent-api-secret': {
    tp: ['CONFLUENT_CLOUD_API_SECRET={b64:64}'],
    fp: ['CONFLUENT_CLOUD_API_SECRET=<secret>']
  },
  'yandex-api-key': {
    tp: ['api_key: AQVN{url:36}'],
    fp: ['AQVN{url:10}']
  },
  'yandex-iam-token': {
    tp: ['t1.{url:40}.{url:86}'],
    fp: ['t1.{url:40}.{url:20}']
  },
  'yandex-access-key': {
    tp: ['YANDEX_SECRET_KEY=YC{url:38}'],
    fp: ['YANDEX_SECRET_KEY=YC{url:10}']
  },
  'github-pat': {
    tp: ['GITHUB_TOKEN={gh:ghp}', 'git clone https://{gh:ghp}@github.com/o/r'],
    fp: [
      'GITHUB_TOKEN={ghbad:ghp}',
      'ghp_{an:20}',
      'token: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
    ]
  },
  'github-oauth-token': {
    tp: ['token={gh:gho}'],
    fp: ['token={ghbad:gho}']
  },
  'github-user-to-server-token': {
    tp: ['token={gh:ghu}'],
    fp: ['token={ghbad:ghu}']
  },
  'github-app-installation-token': {
    tp: ['GH_TOKEN={gh:ghs}'],
    fp: ['GH_TOKEN={ghbad:ghs}']
  },
  'github-refresh-token': {
    tp: ['refresh_token={gh:ghr}', 'refresh_token=ghr_{an:76}'],
    fp: ['refresh_token={ghbad:ghr}']
  },
  'github-fine-grained-pat': {
    tp: ['GITHUB_TOKEN=github_pat_{an:22}_{an:59}'],
    fp: [
      'github_pat_{an:22}_{an:10}',
      'github_pat_XXXXXXXXXXXXXXXXXXXXXX_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'
    ]
  },
  'github-oauth-client-secret': {
    tp: ['GITHUB_CLIENT_SECRET={hex:40}'],
    fp: ['GITHUB_CLIENT_SECRET=' + PH]
  },
  'gitlab-pat': {
    tp: [
      'GITLAB_TOKEN=glpat-{url:31}.01.0{lc:8}',
      'token: glpat-{url:27}.0{lc:8}',
      'GITLAB_TOKEN=glpat-{url:20}'
    ],
    fp: ['glpat-{url:8}', 'glpat-xxxxxxxxxxxxxxxxxxxx']
  },
  'gitlab-pipeline-trigger-token': {
    tp: ['TRIGGER=glptt-{hex:40}'],
    fp: ['glptt-{hex:10}']
  },
  'gitlab-runner-registration-token': {
    tp: ['registration-token: GR1348941{url:20}'],
    fp: ['GR1348941{url:5}']
  },
  'gitlab-runner-auth-token': {
    tp: ['CI_SERVER_TOKEN=glrt-t1_{url:27}.0{lc:8}', 'token = "glrt-{url:20}"'],
    fp: ['glrt-{url:5}']
  },
  'gitlab-deploy-token': {
    tp: ['CI_DEPLOY_PASSWORD=gldt-{url:33}.01.0{lc:8}', 'password: gldt-{url:20}'],
    fp: ['gldt-{url:5}']
  },
  'gitlab-feed-token': {
    tp: ['feed_token=glft-{url:20}'],
    fp: ['glft-{url:5}']
  },
  'gitlab-oauth-app-secret': {
    tp: ['secret: gloas-{url:64}'],
    fp: ['gloas-{url:10}']
  },
  'gitlab-scim-token': {
    tp: ['scim: glsoat-{url:20}'],
    fp: ['glsoat-{url:5}']
  },
  'gitlab-incoming-mail-token': {
    tp: ['incoming: glimt-{url:25}'],
    fp: ['glimt-{url:5}']
  },
  'gitlab-agent-token': {
    tp: ['agent: glagent-{url:50}'],
    fp: ['glagent-{url:10}']
  },
  'gitlab-feature-flag-token': {
    tp: ['unleash: glffct-{url:20}'],
    fp: ['glffct-{url:5}']
  },
  'gitlab-cicd-job-token': {
    tp: ['CI_JOB_TOKEN=glcbt-64_{url:20}'],
    fp: ['glcbt-64_{url:5}']
  },
  'bitbucket-client-secret': {
    tp: ['BITBUCKET_CLIENT_SECRET={url:64}'],
    fp: ['BITBUCKET_CLIENT_SECRET=$BITBUCKET_CLIENT_SECRET']
  },
  'bitbucket-app-password': {
    tp: ['BITBUCKET_APP_PASSWORD=ATBB{an:32}'],
    fp: ['ATBB{an:8}']
  },
  'atlassian-api-token': {
    tp: ['JIRA_API_TOKEN=ATATT3{url:186}'],
    fp: ['ATATT3{url:20}']
  },
  'atlassian-legacy-api-token': {
    tp: ['JIRA_API_TOKEN={an:24}'],
    fp: ['JIRA_API_TOKEN=' + PH]
  },
  'npm-access-token': {
    tp: ['//registry.npmjs.org/:_authToken={gh:npm}'],
    fp: ['NPM_TOKEN={ghbad:npm}', 'npm_{an:10}']
  },
  'npmrc-auth-token': {
    tp: ['//npm.pkg.github.com/:_authToken={url:40}'],
    fp: ['//registry.npmjs.org/:_authToken=${NPM_TOKEN}']
  },
  'npmrc-basic-auth': {
    tp: ['_auth = {basic}'],
    fp: ['_auth = ${NPM_AUTH}', '_auth = {lit:dXNlcjpwYXNzd29yZA==}']
  },
  'pypi-upload-token': {
    tp: [
      'TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZw{url:70}',
      'password = pypi-AgEIcHlwaS5vcmc{url:70}'
    ],
    fp: ['pypi-AgEIcHlwaS5vcmc{url:10}']
  },
  'rubygems-api-key': {
    tp: [':rubygems_api_key: rubygems_{hex:48}'],
    fp: ['rubygems_{hex:10}']
  },
  'nuget-api-key': {
    tp: ['NUGET_API_KEY=oy2{lc:43}'],
    fp: ['oy2{lc:10}']
  },
  'dockerhub-pat': {
    tp: ['DOCKERHUB_TOKEN=dckr_pat_{url:27}'],
    fp: ['dckr_pat_{url:5}']
  },
  'dockerhub-oat': {
    tp: ['DOCKERHUB_TOKEN=dckr_oat_{url:27}', 'DOCKERHUB_TOKEN=dckr_oat_{url:32}'],
    fp: ['dckr_oat_{url:5}']
  },
  'docker-config-auth': {
    tp: ['{"auths": {"registry.example.io": {"auth": "{basic}"}}}'],
    fp: ['{"auths": {"r": {"auth": ""}}}', '{"auth": "{lit:bm90LWJhc2ljLWF1dGg=}"}']
  },
  'artifactory-api-key': {
    tp: ['ARTIFACTORY_API_KEY=AKCp{an:69}'],
    fp: ['AKCp{an:10}']
  },
  'artifactory-reference-token': {
    tp: ['token: cmVmdGtu{an:56}'],
    fp: ['cmVmdGtu{an:10}']
  },
  'sonarqube-token': {
    tp: ['SONAR_TOKEN=sqp_{hex:40}'],
    fp: ['sqp_{hex:10}']
  },
  'codecov-token': {
    tp: ['CODECOV_TOKEN={hex:32}', 'CODECOV_TOKEN={uuid}'],
    fp: ['CODECOV_TOKEN=' + PH]
  },
  'circleci-pat': {
    tp: ['CIRCLE_TOKEN=CCIPAT_{an:22}_{hex:40}'],
    fp: ['CCIPAT_{an:22}_{hex:10}']
  },
  'circleci-token': {
    tp: ['CIRCLECI_TOKEN={hex:40}'],
    fp: ['CIRCLECI_TOKEN=${CIRCLE_TOKEN}']
  },
  'travis-ci-token': {
    tp: ['TRAVIS_TOKEN={url:22}'],
    fp: ['TRAVIS_TOKEN=$TRAVIS_TOKEN']
  },
  'buildkite-token': {
    tp: ['BUILDKITE_API_TOKEN=bkua_{hex:40}'],
    fp: ['bkua_{hex:10}']
  },
  'drone-ci-token': {
    tp: ['DRONE_TOKEN={an:32}'],
    fp: ['DRONE_TOKEN=${DRONE_TOKEN}']
  },
  'octopus-deploy-api-key': {
    tp: ['OCTOPUS_API_KEY=API-{AN:27}'],
    fp: ['API-VERSION', 'API-{AN:5}']
  },
  'snyk-api-token': {
    tp: ['SNYK_TOKEN={uuid}'],
    fp: ['SNYK_TOKEN=' + PH]
  },
  'jenkins-api-token': {
    tp: ['JENKINS_API_TOKEN={hex:34}'],
    fp: ['JENKINS_API_TOKEN=${JENKINS_TOKEN}']
  },
  'harness-api-key': {
    tp: ['HARNESS_API_KEY=pat.{url:22}.{hex:24}.{an:20}'],
    fp: ['pat.{url:22}.short']
  },
  'grafana-api-key': {
    tp: ['GRAFANA_API_KEY=eyJrIjoi{b64:80}'],
    fp: ['eyJrIjoi{b64:10}']
  },
  'grafana-cloud-api-token': {
    tp: ['GRAFANA_CLOUD_TOKEN=glc_{b64:80}'],
    fp: ['glc_{b64:10}']
  },
  'grafana-service-account-token': {
    tp: ['GRAFANA_TOKEN=glsa_{an:32}_{hex:8}'],
    fp: ['glsa_{an:10}_{hex:8}']
  },
  'postman-api-key': {
    tp: ['POSTMAN_API_KEY=PMAK-{hex:24}-{hex:34}'],
    fp: ['PMAK-{hex:24}']
  },
  'tailscale-key': {
    tp: ['TAILSCALE_API_KEY=tskey-k{an:10}CNTRL-{an:30}', 'TS_AUTHKEY=tskey-auth-{an:12}-{an:32}'],
    fp: ['tskey-auth-XXXX']
  },
  'ngrok-auth-token': {
    tp: ['NGROK_AUTHTOKEN={an:27}_{an:21}'],
    fp: ['NGROK_AUTHTOKEN=$NGROK_AUTHTOKEN']
  },
  'clojars-token': {
    tp: ['CLOJARS_PASSWORD=CLOJARS_{lc:60}'],
    fp: ['CLOJARS_{lc:10}']
  },
  'prefect-api-key': {
    tp: ['PREFECT_API_KEY=pnu_{an:36}'],
    fp: ['pnu_{an:10}']
  },
  'readme-api-key': {
    tp: ['README_API_KEY=rdme_{lc:70}'],
    fp: ['rdme_{lc:10}']
  },
  'scalingo-api-token': {
    tp: ['SCALINGO_API_TOKEN=tk-us-{url:48}'],
    fp: ['tk-us-{url:10}']
  },
  'sidekiq-enterprise-credentials': {
    tp: ['BUNDLE_ENTERPRISE__CONTRIBSYS__COM={hex:8}:{hex:8}'],
    fp: ['BUNDLE_ENTERPRISE__CONTRIBSYS__COM=${SIDEKIQ_CREDS}']
  },
  'kubeconfig-client-key-data': {
    tp: ['    client-key-data: {b64:400}'],
    fp: ['    client-key-data: REDACTED']
  },
  'slack-bot-token': {
    tp: ['SLACK_BOT_TOKEN=xoxb-{d:12}-{d:13}-{an:24}'],
    fp: [
      'token: xoxb-17653672481-' + '19874698323-pdFZKVeTuE8sk7oOcBrzbqgy',
      'xoxb-{d:12}-short',
      'xoxb-xxxxxxxxxxxx-xxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx'
    ]
  },
  'slack-user-token': {
    tp: ['SLACK_TOKEN=xoxp-{d:12}-{d:12}-{d:13}-{hex:32}'],
    fp: ['xoxp-{d:12}-{d:12}']
  },
  'slack-app-token': {
    tp: ['SLACK_APP_TOKEN=xapp-1-A{AN:10}-{d:13}-{hex:64}'],
    fp: ['xapp-1-{AN:10}']
  },
  'slack-config-access-token': {
    tp: ['token=xoxe.xoxp-1-{an:164}', 'token=xoxe.xoxp-1-{AN:164}'],
    fp: ['xoxe.xoxp-1-{AN:20}']
  },
  'slack-config-refresh-token': {
    tp: ['refresh=xoxe-1-{an:146}', 'refresh=xoxe-1-{AN:146}'],
    fp: ['xoxe-1-{AN:20}']
  },
  'slack-legacy-token': {
    tp: [
      'SLACK_TOKEN=xoxa-2-{d:12}-{d:12}-{d:13}-{hex:64}',
      'xoxr-{d:12}-{d:12}-{an:40}',
      'token=xoxs-{d:10}-{d:11}-{d:12}-{hex:64}'
    ],
    fp: ['xoxs-xxx']
  },
  'slack-webhook-url': {
    tp: [
      'WEBHOOK=https://hooks.slack.com/workflows/T{AN:10}/A{AN:10}/{d:18}/{an:32}',
      'WEBHOOK=https://hooks.slack.com/triggers/T{AN:10}/{d:13}/{hex:32}',
      'SLACK_WEBHOOK=https://hooks.slack.com/services/T{AN:10}/B{AN:10}/{an:24}'
    ],
    fp: [
      'https://hooks.slack.com/services/TXXXXXXXX/BXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX',
      'https://hooks.slack.com/services/...'
    ]
  },
  'discord-webhook-url': {
    tp: ['https://discord.com/api/webhooks/{d:18}/{url:68}'],
    fp: ['https://discord.com/api/webhooks/{d:18}/short']
  },
  'discord-bot-token': {
    tp: ['DISCORD_BOT_TOKEN=M{an:23}.{url:6}.{url:27}'],
    fp: ['DISCORD_BOT_TOKEN=' + PH]
  },
  'telegram-bot-token': {
    tp: ['bot = "{d:11}:AA{url:33}"', 'TELEGRAM_TOKEN={d:10}:AA{url:33}'],
    fp: ['time 12:AA', '{d:10}:AA{url:5}']
  },
  'microsoft-teams-webhook': {
    tp: ['https://acme.webhook.office.com/webhookb2/{uuid}@{uuid}/IncomingWebhook/{hex:32}/{uuid}'],
    fp: ['https://acme.webhook.office.com/webhookb2/<id>']
  },
  'stripe-live-secret-key': {
    tp: ['STRIPE_SECRET_KEY=sk_live_{an:24}', "Stripe('rk_live_{an:99}')"],
    fp: ['sk_live_{an:10}', 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx']
  },
  'stripe-test-secret-key': {
    tp: ['STRIPE_SECRET_KEY=sk_test_{an:24}'],
    fp: ['Stripe.api_key = "sk_test_' + '4eC39HqLyjWDarjtT1zdp7dc"', 'sk_test_{an:8}']
  },
  'stripe-webhook-secret': {
    tp: ['STRIPE_WEBHOOK_SECRET=whsec_{an:32}'],
    fp: ['whsec_{an:8}']
  },
  'twilio-api-key': {
    tp: ['TWILIO_ACCOUNT_SID=AC{hex:32}', 'TWILIO_API_KEY=SK{hex:32}'],
    fp: ['TWILIO_API_KEY=SK{hex:8}']
  },
  'twilio-auth-token': {
    tp: ['TWILIO_AUTH_TOKEN={hex:32}'],
    fp: ['TWILIO_AUTH_TOKEN=your_auth_token']
  },
  'sendgrid-api-key': {
    tp: ['SENDGRID_API_KEY=SG.{url:22}.{url:43}'],
    fp: ['msg.{url:22}', 'SG.{url:22}.short']
  },
  'mailgun-private-api-key': {
    tp: ['MAILGUN_API_KEY=key-{hex:32}'],
    fp: ['MAILGUN_API_KEY=key-{hex:8}']
  },
  'mailgun-public-key': {
    tp: ['MAILGUN_PUBLIC_KEY=pubkey-{hex:32}'],
    fp: ['MAILGUN_PUBLIC_KEY=pubkey-xyz']
  },
  'mailgun-webhook-signing-key': {
    tp: ['MAILGUN_SIGNING_KEY={hex:32}-{hex:8}-{hex:8}'],
    fp: ['MAILGUN_SIGNING_KEY={hex:32}']
  },
  'mailchimp-api-key': {
    tp: ['MAILCHIMP_API_KEY={hex:32}-us14'],
    fp: ['locale en-us', '{hex:8}-us14']
  },
  'mandrill-api-key': {
    tp: ['MANDRILL_API_KEY={url:22}'],
    fp: ['MANDRILL_API_KEY=$MANDRILL_KEY']
  },
  'postmark-server-token': {
    tp: ['POSTMARK_SERVER_TOKEN={uuid}'],
    fp: ['POSTMARK_SERVER_TOKEN=POSTMARK_API_TEST']
  },
  'brevo-api-key': {
    tp: ['BREVO_API_KEY=xkeysib-{hex:64}-{an:16}'],
    fp: ['xkeysib-{hex:10}']
  },
  'mailersend-api-token': {
    tp: ['MAILERSEND_API_KEY=mlsn.{hex:64}'],
    fp: ['mlsn.{hex:10}']
  },
  'resend-api-key': {
    tp: ['RESEND_API_KEY=re_{an:8}_{an:24}'],
    fp: ['are_{an:8}_{an:24}', 're_{an:8}']
  },
  'mailjet-api-key': {
    tp: ['MAILJET_API_KEY={hex:32}'],
    fp: ['MAILJET_API_KEY=${MJ_KEY}']
  },
  'shopify-access-token': {
    tp: ['SHOPIFY_TOKEN=shpat_{hex:32}'],
    fp: ['shpat_{hex:10}']
  },
  'shopify-custom-app-token': {
    tp: ['token=shpca_{hex:32}'],
    fp: ['shpca_{hex:10}']
  },
  'shopify-private-app-token': {
    tp: ['token=shppa_{hex:32}'],
    fp: ['shppa_{hex:10}']
  },
  'shopify-shared-secret': {
    tp: ['SHOPIFY_SECRET=shpss_{hex:32}'],
    fp: ['shpss_{hex:10}']
  },
  'square-access-token': {
    tp: ['SQUARE_ACCESS_TOKEN=EAAA{url:60}', 'token=sq0atp-{url:22}'],
    fp: ['sq0atp-{url:5}']
  },
  'square-oauth-secret': {
    tp: ['SQUARE_SECRET=sq0csp-{url:43}'],
    fp: ['sq0csp-{url:5}']
  },
  'braintree-access-token': {
    tp: ['BRAINTREE_TOKEN=access_token$production${lc:16}${hex:32}'],
    fp: ['access_token$production$short']
  },
  'plaid-access-token': {
    tp: ['PLAID_ACCESS_TOKEN=access-production-{uuid}'],
    fp: ['access-production-{lit:token}']
  },
  'flutterwave-secret-key': {
    tp: ['FLW_SECRET_KEY=FLWSECK_TEST-{hex:32}-X'],
    fp: ['FLWSECK_TEST-{hex:8}-X']
  },
  'razorpay-key-id': {
    tp: ['RAZORPAY_KEY_ID=rzp_live_{an:14}'],
    fp: ['rzp_live_{an:4}']
  },
  'gocardless-api-token': {
    tp: ['GOCARDLESS_ACCESS_TOKEN=live_{url:40}'],
    fp: ['GOCARDLESS_ACCESS_TOKEN=live_{url:10}']
  },
  'shippo-api-token': {
    tp: ['SHIPPO_API_KEY=shippo_live_{hex:40}'],
    fp: ['shippo_live_{hex:10}']
  },
  'easypost-api-key': {
    tp: ['EASYPOST_API_KEY=EZAK{an:54}'],
    fp: ['EZAK{an:10}']
  },
  'lob-api-key': {
    tp: ['LOB_API_KEY=live_{hex:35}'],
    fp: ['LOB_API_KEY=live_{hex:10}']
  },
  'datadog-api-key': {
    tp: ['DD_API_KEY={hex:32}', 'datadog_api_key: "{hex:32}"'],
    fp: ['DD_API_KEY=' + PH]
  },
  'datadog-app-key': {
    tp: ['DATADOG_ACCESS_TOKEN={hex:40}', 'DD_APP_KEY={hex:40}'],
    fp: ['DD_APP_KEY=<app key>']
  },
  'new-relic-user-api-key': {
    tp: ['NEW_RELIC_API_KEY=NRAK-{AN:27}'],
    fp: ['NRAK-{AN:8}']
  },
  'new-relic-insert-key': {
    tp: ['NEW_RELIC_INSERT_KEY=NRII-{url:32}'],
    fp: ['NRII-{url:8}']
  },
  'new-relic-browser-api-token': {
    tp: ['token=NRJS-{hex:19}'],
    fp: ['NRJS-{hex:8}']
  },
  'new-relic-license-key': {
    tp: ['NEW_RELIC_LICENSE_KEY={hex:36}NRAL'],
    fp: ['{hex:12}NRAL']
  },
  'sentry-org-token': {
    tp: ['SENTRY_AUTH_TOKEN=sntrys_eyJ{b64:120}'],
    fp: ['sntrys_eyJ{b64:10}']
  },
  'sentry-user-token': {
    tp: ['SENTRY_AUTH_TOKEN=sntryu_{hex:64}'],
    fp: ['sntryu_{hex:10}']
  },
  'honeycomb-api-key': {
    tp: ['HONEYCOMB_API_KEY={an:32}'],
    fp: ['HONEYCOMB_API_KEY=${HONEYCOMB_API_KEY}']
  },
  'dynatrace-api-token': {
    tp: ['DT_API_TOKEN=dt0c01.{AN:24}.{AN:64}'],
    fp: ['dt0c01.{AN:24}.short']
  },
  'pagerduty-api-key': {
    tp: ['PAGERDUTY_TOKEN={an:20}'],
    fp: ['PAGERDUTY_TOKEN=' + PH]
  },
  'opsgenie-api-key': {
    tp: ['OPSGENIE_API_KEY={uuid}'],
    fp: ['OPSGENIE_API_KEY=<key>']
  },
  'rollbar-access-token': {
    tp: ['ROLLBAR_ACCESS_TOKEN={hex:32}'],
    fp: ['ROLLBAR_ACCESS_TOKEN=POST_SERVER_ITEM_ACCESS_TOKEN']
  },
  'bugsnag-api-key': {
    tp: ['BUGSNAG_API_KEY={hex:32}'],
    fp: ['BUGSNAG_API_KEY=your-api-key-here']
  },
  'splunk-hec-token': {
    tp: ['SPLUNK_HEC_TOKEN={uuid}'],
    fp: ['SPLUNK_HEC_TOKEN=' + PH]
  },
  'sumologic-access-key': {
    tp: ['SUMO_ACCESS_KEY={an:64}'],
    fp: ['SUMO_ACCESS_KEY=$SUMO_KEY']
  },
  'openai-api-key': {
    tp: ['OPENAI_API_KEY=sk-{an:20}T3BlbkFJ{an:20}', 'sk-proj-{url:74}T3BlbkFJ{url:74}'],
    fp: ['sk-{an:5}T3BlbkFJ']
  },
  'openai-project-key': {
    tp: ['OPENAI_API_KEY=sk-None-{url:74}', 'OPENAI_API_KEY=sk-proj-{url:120}'],
    fp: [
      'sk-proj-{url:20}',
      'OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
    ]
  },
  'anthropic-api-key': {
    tp: ['ANTHROPIC_API_KEY=sk-ant-api03-{url:93}AA'],
    fp: ['sk-ant-api03-{url:20}']
  },
  'anthropic-admin-key': {
    tp: ['ANTHROPIC_ADMIN_KEY=sk-ant-admin01-{url:93}AA'],
    fp: ['sk-ant-admin01-{url:20}']
  },
  'huggingface-access-token': {
    tp: ['HF_TOKEN=hf_{al:34}'],
    fp: ['hf_{al:10}', 'half_{al:34}']
  },
  'huggingface-org-token': {
    tp: ['token=api_org_{al:34}'],
    fp: ['api_org_{al:10}']
  },
  'cohere-api-key': {
    tp: ['COHERE_API_KEY={an:40}'],
    fp: ['COHERE_API_KEY=' + PH]
  },
  'groq-api-key': {
    tp: ['GROQ_API_KEY=gsk_{an:52}'],
    fp: ['gsk_{an:10}']
  },
  'replicate-api-token': {
    tp: ['REPLICATE_API_TOKEN=r8_{an:37}'],
    fp: ['r8_{an:10}']
  },
  'perplexity-api-key': {
    tp: ['PPLX_API_KEY=pplx-{an:48}'],
    fp: ['pplx-{an:10}']
  },
  'xai-api-key': {
    tp: ['XAI_API_KEY=xai-{an:80}'],
    fp: ['xai-{an:10}']
  },
  'openrouter-api-key': {
    tp: ['OPENROUTER_API_KEY=sk-or-v1-{hex:64}'],
    fp: ['sk-or-v1-{hex:10}']
  },
  'mistral-api-key': {
    tp: ['MISTRAL_API_KEY={an:32}'],
    fp: ['MISTRAL_API_KEY=' + PH]
  },
  'langsmith-api-key': {
    tp: ['LANGSMITH_API_KEY=lsv2_pt_{hex:32}_{hex:10}'],
    fp: ['lsv2_pt_{hex:10}']
  },
  'elevenlabs-api-key': {
    tp: ['ELEVENLABS_API_KEY=sk_{hex:48}'],
    fp: ['ELEVENLABS_API_KEY=sk_{hex:10}']
  },
  'okta-api-token': {
    tp: ['OKTA_API_TOKEN=00{url:40}'],
    fp: ['OKTA_API_TOKEN=' + PH]
  },
  'auth0-client-secret': {
    tp: ['AUTH0_CLIENT_SECRET={url:64}'],
    fp: ['AUTH0_CLIENT_SECRET=$AUTH0_CLIENT_SECRET']
  },
  'linear-api-key': {
    tp: ['token: lin_oauth_{hex:64}', 'LINEAR_API_KEY=lin_api_{an:40}'],
    fp: ['lin_api_{an:10}']
  },
  'notion-api-token': {
    tp: ['NOTION_TOKEN=ntn_{d:11}{an:35}'],
    fp: ['ntn_{d:11}']
  },
  'notion-legacy-token': {
    tp: ['NOTION_TOKEN=secret_{an:43}'],
    fp: ['NOTION_TOKEN=secret_{an:10}']
  },
  'asana-pat': {
    tp: ['ASANA_ACCESS_TOKEN=2/{d:16}/{d:16}:{hex:32}', 'ASANA_TOKEN=1/{d:16}:{hex:32}'],
    fp: ['ASANA_TOKEN=' + PH]
  },
  'airtable-pat': {
    tp: ['AIRTABLE_TOKEN=pat{an:14}.{hex:64}'],
    fp: ['path{an:14}.js', 'pat{an:14}.{hex:10}']
  },
  'figma-pat': {
    tp: ['FIGMA_TOKEN=figd_{url:40}'],
    fp: ['figd_{url:10}']
  },
  'trello-api-token': {
    tp: ['TRELLO_TOKEN={hex:64}'],
    fp: ['TRELLO_TOKEN=' + PH]
  },
  'dropbox-access-token': {
    tp: ['DROPBOX_TOKEN=sl.{url:140}'],
    fp: ['ssl.{url:10}']
  },
  'zendesk-api-token': {
    tp: ['ZENDESK_API_TOKEN={an:40}'],
    fp: ['ZENDESK_API_TOKEN=' + PH]
  },
  'intercom-access-token': {
    tp: ['INTERCOM_ACCESS_TOKEN={url:60}'],
    fp: ['INTERCOM_ACCESS_TOKEN=' + PH]
  },
  'hubspot-private-app-token': {
    tp: [
      'HUBSPOT_TOKEN=pat-eu1-{uuid}',
      'HUBSPOT_TOKEN=pat-ap1-{uuid}',
      'HUBSPOT_TOKEN=pat-na1-{uuid}'
    ],
    fp: ['pat-na1-{lit:token}']
  },
  'mapbox-secret-token': {
    tp: ['MAPBOX_SECRET=sk.eyJ1Ijoi{url:60}.{url:22}'],
    fp: ['sk.eyJ1Ijoi{url:10}']
  },
  'algolia-admin-key': {
    tp: ['ALGOLIA_ADMIN_KEY={hex:32}'],
    fp: ['ALGOLIA_ADMIN_KEY=' + PH]
  },
  'contentful-pat': {
    tp: ['CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-{url:43}'],
    fp: ['CFPAT-{url:10}']
  },
  'launchdarkly-access-token': {
    tp: ['LAUNCHDARKLY_SDK_KEY=sdk-{uuid}'],
    fp: ['LAUNCHDARKLY_SDK_KEY=sdk-key']
  },
  'typeform-pat': {
    tp: ['TYPEFORM_TOKEN=tfp_{url:59}'],
    fp: ['tfp_{url:10}']
  },
  'frameio-api-token': {
    tp: ['FRAMEIO_TOKEN=fio-u-{url:64}'],
    fp: ['fio-u-{url:10}']
  },
  'adafruit-io-key': {
    tp: ['ADAFRUIT_IO_KEY=aio_{an:28}'],
    fp: ['aio_{an:10}']
  },
  'rapidapi-key': {
    tp: ['X-RapidAPI-Key: {url:50}'],
    fp: ['X-RapidAPI-Key: ' + PH]
  },
  'cloudinary-url': {
    tp: ['CLOUDINARY_URL=cloudinary://{d:15}:{url:27}@acme'],
    fp: ['CLOUDINARY_URL=cloudinary://<api_key>:<api_secret>@<cloud_name>']
  },
  'pusher-secret': {
    tp: ['PUSHER_APP_SECRET={hex:20}'],
    fp: ['PUSHER_APP_SECRET=' + PH]
  },
  'ably-api-key': {
    tp: ['ABLY_API_KEY={url:6}.{url:6}:{url:43}'],
    fp: ['ABLY_API_KEY=' + PH]
  },
  'firebase-cloud-messaging-key': {
    tp: ['FCM_SERVER_KEY=AAAA{url:7}:APA91b{url:134}'],
    fp: ['AAAA{url:7}:APA91b{url:10}']
  },
  'vonage-api-secret': {
    tp: ['VONAGE_API_SECRET={an:16}'],
    fp: ['VONAGE_API_SECRET=' + PH]
  },
  'zoom-client-secret': {
    tp: ['ZOOM_CLIENT_SECRET={an:32}'],
    fp: ['ZOOM_CLIENT_SECRET=' + PH]
  },
  'twitter-bearer-token': {
    tp: ['TWITTER_BEARER_TOKEN={lit:AAAAAAAAAAAAAAAAAAAAA}A{an:90}'],
    fp: ['{lit:AAAAAAAAAAAAAAAAAAAAA}A{an:10}']
  },
  'facebook-app-secret': {
    tp: ['FACEBOOK_APP_SECRET={hex:32}'],
    fp: ['FACEBOOK_APP_SECRET=' + PH]
  },
  'facebook-access-token': {
    tp: ['access_token=EAAG{an:180}', 'token: "EAAB{an:150}"', 'FB_TOKEN=EAACEdEose0cBA{an:120}'],
    fp: [
      'data:image/png;base64,{b64:40}/EAA{an:120}+{b64:40}',
      'EAAG{an:40}',
      'EAACEdEose0cBA{an:5}'
    ]
  },
  'private-key-rsa': {
    tp: ['{pem:RSA PRIVATE KEY}'],
    fp: [
      '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
      '{pem:RSA PUBLIC KEY}'
    ]
  },
  'private-key-dsa': {
    tp: ['{pem:DSA PRIVATE KEY}'],
    fp: ['-----BEGIN DSA PRIVATE KEY-----\n<key>\n-----END DSA PRIVATE KEY-----']
  },
  'private-key-ec': {
    tp: ['{pem:EC PRIVATE KEY}'],
    fp: ['{pem:EC PARAMETERS}']
  },
  'private-key-openssh': {
    tp: ['{pem:OPENSSH PRIVATE KEY}'],
    fp: ['ssh-ed25519 {b64:68} user@host']
  },
  'private-key-pkcs8': {
    tp: [
      '{pem:PRIVATE KEY}',
      '{"private_key": "{lit:-----}BEGIN PRIVATE KEY{lit:-----}\\n{b64:64}\\n{b64:64}\\n{lit:-----}END PRIVATE KEY{lit:-----}\\n"}'
    ],
    fp: ['{pem:PUBLIC KEY}', '{pem:CERTIFICATE}']
  },
  'private-key-encrypted': {
    tp: ['{pem:ENCRYPTED PRIVATE KEY}'],
    fp: ['-----BEGIN ENCRYPTED PRIVATE KEY-----']
  },
  'private-key-pgp': {
    tp: ['{pem:PGP PRIVATE KEY BLOCK}'],
    fp: ['{pem:PGP PUBLIC KEY BLOCK}']
  },
  'private-key-ssh2': {
    tp: ['{pem:SSH2 ENCRYPTED PRIVATE KEY}'],
    fp: ['{pem:SSH2 PUBLIC KEY}']
  },
  'private-key-sigstore': {
    tp: ['{pem:ENCRYPTED SIGSTORE PRIVATE KEY}', '{pem:ENCRYPTED COSIGN PRIVATE KEY}'],
    fp: ['{pem:SIGSTORE PUBLIC KEY}']
  },
  'openvpn-static-key': {
    tp: ['{pem:OpenVPN Static key V1}'],
    fp: ['# OpenVPN Static key V1 goes here']
  },
  'private-key-putty': {
    tp: [
      'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: k\nPublic-Lines: 2\n{b64:64}\n{b64:20}\nPrivate-Lines: 1\n{b64:44}\nPrivate-MAC: {hex:64}'
    ],
    fp: ['PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none']
  },
  'wireguard-private-key': {
    tp: ['PrivateKey = {b64:42}Y='],
    fp: ['PrivateKey = <private key>']
  },
  jwt: {
    tp: ['Authorization: {jwt}', 'id_token = "{jwt}"'],
    fp: [
      'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.' +
        'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.' +
        'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
      'eyJ{url:20}.eyJ{url:20}.{url:20}',
      'eyJhbGciOiJIUzI1NiJ9'
    ]
  },
  'database-connection-string': {
    tp: [
      'DATABASE_URL=postgres://app:{an:16}@db.internal:5432/app',
      'mongodb+srv://svc:{an:20}@cluster0.mongodb.net/test'
    ],
    fp: [
      'postgres://user:password@localhost:5432/db',
      'postgres://app:${DB_PASSWORD}@db:5432/app',
      'mysql://root:<password>@localhost'
    ]
  },
  // Path-only rules: the cases are file paths.
  'pkcs12-file': {
    tp: ['certs/client.p12', 'deploy/Signing Cert.PFX', 'identity.pfx'],
    fp: ['certs/client.p12.md', 'docs/p12.txt', 'src/pkcs12.ts', 'certs/client.pem']
  },
  'java-keystore-file': {
    tp: ['android/app/release.jks', 'conf/server.keystore', 'secrets/app.jceks', 'truststore.bks'],
    fp: ['android/app/debug.keystore', 'src/KeystoreLoader.java', 'docs/jks.md']
  },
  'url-credentials': {
    tp: [
      'source "https://{hex:8}:{hex:8}@gems.contribsys.com/"',
      'git clone https://deploy:{an:20}@git.acme.io/team/repo.git',
      // A generated password is reported even on a documentation host.
      'https://deploy:{an:20}@example.com/hook'
    ],
    fp: [
      'https://user:pass@example.com',
      // Manuals' user:password on documentation hosts (RFC 2606).
      'const u = new URL("https://abc:xyz@example.com/p")',
      'http://123:xyz@docs.example.org/',
      'https://{{user}}:{{password}}@host',
      'see https://docs.example.com:443/path'
    ]
  },
  'kubernetes-secret-manifest': {
    tp: [
      'kind: Secret\napiVersion: v1\nmetadata:\n  name: api\nstringData:\n  token: {an:32}\n',
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  password: {b64:32}\n',
      // kubectl's key order: data before kind.
      'apiVersion: v1\ndata:\n  password: {b64:32}\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\n',
      // A placeholder first does not hide a real value further down.
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: cGFzc3dvcmQ=\n  token: {b64:32}\n'
    ],
    fp: [
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: cGFzc3dvcmQ=\n',
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: Y2hhbmdlbWU=\n',
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: JHtEQl9QQVNTV09SRH0=\n',
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  token: PHRva2VuPg==\n',
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: "{{ .Values.db.password }}"\n',
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: ${DB_PASSWORD}\n',
      'apiVersion: v1\nkind: ConfigMap\ndata:\n  password: {b64:32}\n',
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: <base64>\n',
      `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\ndata:\n  tls.crt: ${CERT_B64}\n`,
      // The Secret is another document.
      'kind: Secret\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\ndata:\n  token: {b64:32}\n',
      'apiVersion: v1\nkind: ConfigMap\ndata:\n  token: {b64:32}\n---\nkind: Secret\nmetadata:\n  name: x\n',
      // Not under data.
      'apiVersion: v1\nkind: Secret\nmetadata:\n  annotations:\n    checksum: {b64:32}\n'
    ]
  },
  'kubernetes-secret-manifest-json': {
    tp: [
      // kubectl get secret -o json (keys sorted: data before kind).
      '{\n    "apiVersion": "v1",\n    "data": {\n        "password": "{b64:32}",\n        "username": "YWRtaW4="\n    },\n    "kind": "Secret",\n    "metadata": {\n        "name": "db",\n        "namespace": "prod"\n    },\n    "type": "Opaque"\n}\n',
      // Kind first, metadata with nested labels and an array in between; stringData.
      '{"kind": "Secret", "apiVersion": "v1", "metadata": {"name": "api", "labels": {"app": "api"}, "finalizers": ["a/b"], "annotations": {"x": "{\\"k\\": 1}"}}, "type": "Opaque", "stringData": {"token": "{an:32}"}}',
      // A placeholder first does not hide a real value; immutable between data and kind.
      '{"apiVersion":"v1","data":{"password":"cGFzc3dvcmQ=","token":"{b64:40}"},"immutable":true,"kind":"Secret","metadata":{"name":"x"}}',
      // kubectl get secrets -o json: a List whose items are Secrets.
      '{\n  "apiVersion": "v1",\n  "items": [\n    {\n      "apiVersion": "v1",\n      "data": {\n        "ca.crt": "' +
        CERT_B64 +
        '",\n        "token": "{b64:44}"\n      },\n      "kind": "Secret",\n      "metadata": {"name": "sa-token"},\n      "type": "kubernetes.io/service-account-token"\n    }\n  ],\n  "kind": "List",\n  "metadata": {"resourceVersion": ""}\n}\n',
      // The API's SecretList: items carry no kind; the list's kind comes first or (sorted) last.
      '{"kind":"SecretList","apiVersion":"v1","metadata":{"resourceVersion":"7"},"items":[{"metadata":{"name":"a","labels":{"x":"y"}},"data":{"password":"cGFzc3dvcmQ="},"type":"Opaque"},{"metadata":{"name":"b"},"data":{"token":"{b64:40}"},"type":"Opaque"}]}',
      '{\n  "apiVersion": "v1",\n  "items": [\n    {\n      "data": {\n        "api-key": "{b64:40}"\n      },\n      "metadata": {"name": "b", "annotations": {"a": "b"}},\n      "type": "Opaque"\n    },\n    {"metadata": {"name": "c"}}\n  ],\n  "kind": "SecretList",\n  "metadata": {"resourceVersion": "9"}\n}\n'
    ],
    fp: [
      // A SecretList's kind does not reach a ConfigMapList's items, nor a later document.
      '{"kind":"SecretList","items":[]}\n{"kind":"ConfigMapList","items":[{"metadata":{"name":"c"},"data":{"token":"{b64:32}"}}]}',
      '{"apiVersion":"v1","items":[{"metadata":{"name":"c"},"data":{"token":"{b64:32}"}}],"kind":"ConfigMapList"}',
      // Placeholders, plain and base64.
      '{"apiVersion":"v1","data":{"password":"cGFzc3dvcmQ=","token":"JHtEQl9QQVNTV09SRH0="},"kind":"Secret"}',
      '{"kind":"Secret","stringData":{"password":"${DB_PASSWORD}","token":"<token>"}}',
      // A ConfigMap, alone and next to a Secret in the same List.
      '{"apiVersion":"v1","data":{"token":"{b64:32}"},"kind":"ConfigMap","metadata":{"name":"c"}}',
      '{"apiVersion":"v1","items":[{"apiVersion":"v1","data":{"password":"cGFzc3dvcmQ="},"kind":"Secret","metadata":{"name":"s"}},{"apiVersion":"v1","data":{"token":"{b64:32}"},"kind":"ConfigMap","metadata":{"name":"c"}}],"kind":"List"}',
      '{"items":[{"kind":"Secret","metadata":{"name":"s"},"type":"Opaque"},{"kind":"ConfigMap","data":{"token":"{b64:32}"}}],"kind":"List"}',
      // Certificates are public.
      '{"apiVersion":"v1","data":{"tls.crt":"' +
        CERT_B64 +
        '"},"kind":"Secret","type":"kubernetes.io/tls"}',
      // Not under data: annotations of a Secret.
      '{"kind":"Secret","metadata":{"annotations":{"checksum":"{b64:32}"}}}'
    ]
  },
  'authorization-bearer-header': {
    tp: ['curl -H "Authorization: Bearer {an:40}" https://api.acme.io'],
    fp: ['"Authorization: Bearer $TOKEN"', 'Authorization: Bearer <token>']
  },
  'authorization-basic-header': {
    tp: ['Authorization: Basic {basic}'],
    fp: ['Authorization: Basic <credentials>', 'Authorization: Basic $CREDS']
  },
  'curl-basic-auth': {
    tp: ['curl -u deploy:{an:16} https://ci.acme.io/api'],
    fp: ['curl -u user:password https://example.com', 'curl -u "$USER:$PASS" https://x']
  },
  'sshpass-password': {
    tp: ["sshpass -p '{an:14}' ssh root@10.0.0.1"],
    fp: ['sshpass -p "$SSHPASS" ssh host', 'sshpass -p password ssh host']
  },
  'netrc-password': {
    tp: ['machine api.acme.io login deploy password {an:18}'],
    fp: ['machine example.com login user password <password>']
  },
  'laravel-app-key': {
    tp: ['APP_KEY=base64:{b64:43}='],
    fp: ['APP_KEY=', 'APP_KEY=base64:short']
  },
  'django-secret-key': {
    tp: ["SECRET_KEY = 'django-insecure-{url:50}'"],
    fp: ["SECRET_KEY = os.environ['SECRET_KEY']", "SECRET_KEY = 'change-me'"]
  },
  'rails-secret-key-base': {
    tp: ['secret_key_base: {hex:128}'],
    fp: ['secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>']
  },
  'generic-password': {
    tp: [
      'DB_PASSWORD={b64:24}',
      // Base64 with padding is a value, not the name of a next assignment.
      'DB_PASSWORD={al:15}=',
      'db_password = "{an:14}"',
      'PASSWORD={an:12}!',
      '"password": "{an:10}#{d:3}"',
      // The password ends where the query string's next parameter starts.
      'POST /token?password={an:11}4&service=registry.acme.io'
    ],
    fp: [
      'password: cGFzc3dvcmQ=',
      'DB_PASSWORD=JHtEQl9QQVNTV09SRH0=',
      'password = "Y2hhbmdlbWU="',
      'password = getPassword()',
      'password: ${DB_PASSWORD}',
      'password = os.environ["PASSWORD"]',
      'password: "changeme"',
      'password = None',
      'password_reset_url = "https://acme.io/reset"',
      'PASSWORD_MIN_LENGTH=12345678',
      'password = this.password',
      // Found in published code and docs: settings, calls, change logs, format strings.
      'password_encryption = scram-sha-256',
      'password = utf8_to_utf16_dup(input);',
      'pwd = Shell::anycwd();',
      '    * passwd.1.xml: cleanups.',
      '    passphrase.3 => readpassphrase.3bsd',
      'cfg = "user=%s\npassword=%s\nexpected=%s"',
      'POST /login?password=password&from_page=/',
      'PASSPHRASE_OPTION = "--with_passphrase"',
      'Password = base64_encoded_64_byte_salt',
      "PASSWORD = '##invalid-password##'",
      // YAML inside a string literal: the escape ends the value (base64 of "changeme").
      'const manifest = "kind: Secret\\ndata:\\n  password: Y2hhbmdlbWU=\\n"',
      "  _opts='passphrase= password= scmVersion='",
      "syn match sudoersPASSWD contained 'PASSWD:' nextgroup=@sudoersCmndSpec"
    ]
  },
  'generic-api-key': {
    tp: ['api_key = "{an:32}"', 'const apiKey = "{url:40}";'],
    fp: [
      'api_key = process.env.API_KEY',
      'apiKey: "{uuid}"',
      'api_key = "your-api-key-here"',
      'access_key_cache = "{hex:40}"',
      'api_key = "{lit:abcdefghijklmnop}"'
    ]
  },
  'generic-secret': {
    tp: ['client_secret = "{an:32}"', 'SECRET={b64:40}'],
    fp: [
      '    checksum/secret: {hex:64}',
      'secret = settings.SECRET',
      'secret_name: my-app-secret-name',
      'secret: "{uuid}"',
      "secretRef: 'prod/db/password'",
      'secretValue = System.Text.Encoding.UTF8.GetBytes(value);',
      'const secretTypeId = asn1.result.secretTypeId.valueBlock.toString();',
      '"pattern": "secret:AcmeLookoutMetrics-.+"'
    ]
  },
  'generic-token': {
    tp: [
      'refresh_token = "{an:40}"',
      'auth_token: {url:48}',
      // A quoted literal that happens to start like a name is still a value.
      'API_TOKEN = "tok{an:29}"',
      'auth = {an:24}'
    ],
    fp: [
      'token = request.headers.get("x-token")',
      'token: ' + PH,
      'integrity_token = "sha512-{b64:86}=="',
      'csrf_token = "{uuid}"',
      'tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")',
      // Code in published packages: member paths, chained assignments, comparisons, calls.
      'credentials = service_account.Credentials.from_service_account_file(path)',
      'exports.Token = exports.id_pkcs9_at_userPKCS12 = void 0;',
      'AuthenticatedSafe = AuthenticatedSafe_1 = tslib_1.__decorate([',
      'if(this.lastTokEndLoc=this.lastTokStartLoc=null,token===w.ExtendsKeyword)',
      'authenticatedRound1 = secret.round1Cache.get(id)',
      'TOKEN_CHARS = exports2.HEADER_CHARS.filter(isChar)',
      'creds = flow.step2_exchange(code)',
      'AUTHTYPE_MAX = __NL80211_AUTHTYPE_NUM - 1',
      '    credentials: google.auth.credentials.Credentials.',
      // Names, header names, flags, build rules and prose.
      'auth_hdr = "Proxy-Authorization"',
      'CREDENTIALS_KEY = "google_oauth2_credentials"',
      'CREDENTIAL_FILE_FLAG = "--docker-credential-file"',
      'AUTH_CLIENT_ID = "{d:12}.apps.googleusercontent.com"',
      'auth2-client-id=OAUTH2-CLIENT-ID',
      "author_email='maintainers+project42@lists.acme.io'",
      'credential-helper: git-credential-helper.o',
      ' * authority: s/OBJECT_TO_JSVAL/JSVAL_OBJECT/',
      'credential=passwd.plaintext-password.root',
      'auth: "personal-access-token123"',
      '{"token":"JHtEQl9QQVNTV09SRH0="}',
      "'no OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN are not set'",
      'Authorization: AWS4-HMAC-SHA256 Credential=ACCESSKEYGOESHERE/20151228/us-east-1/s3/aws4_request',
      'authorize-cmek=projects/key-project/locations/us-east1/keyRings/key-ring/cryptoKeys/my-key'
    ]
  },
  'azure-identifiable-key': {
    tp: [
      'AccountKey={b64:76}+ASt{b64:5}A==',
      'COSMOS_KEY="{b64:76}ACDb{b64:5}w=="',
      'SERVICEBUS_KEY={b64:33}+ASbB{b64:5}=',
      'REDIS_KEY={an:33}AzCaP{an:5}=',
      'x-functions-key: {url:44}AzFu{url:5}Q==',
      'SEARCH_ADMIN_KEY={an:42}AzSeA{an:5}',
      'ACR_PASSWORD={b64:42}+ACRA{b64:5}',
      'APIM_KEY={an:76}APIM{an:5}g=='
    ],
    fp: [
      'AccountKey={b64:70}+ASt{b64:5}A==',
      'AccountKey={b64:76}+ASt{b64:5}B==',
      'data:image/png;base64,{b64:200}+ASt{b64:200}',
      'Ocp-Apim-Subscription-Key header, see APIM docs'
    ]
  },
  'azure-data-factory-shir-key': {
    tp: ['authKey: IR@{uuid}@adf-acme-001@we@{b64:43}='],
    fp: ['contact: sir@{lit:example.com}', 'IR@{uuid}@adf@we@short=']
  },
  'aws-bedrock-short-term-key': {
    tp: ['AWS_BEARER_TOKEN_BEDROCK=bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t{b64:300}'],
    fp: ['bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t{b64:20}', 'name: bedrock-api-key-rotation']
  },
  'amazon-oauth-client-secret': {
    tp: ['LWA_CLIENT_SECRET=amzn1.oa2-cs.v1.{hex:64}'],
    fp: ['amzn1.oa2-cs.v1.{hex:20}', 'client_id: amzn1.application-oa2-client.{hex:32}']
  },
  'cloudflare-scannable-token': {
    tp: ['CLOUDFLARE_API_TOKEN=cfut_{an:46}', 'token = "cfat_{an:48}"', 'X-Auth-Key: cfk_{an:46}'],
    fp: ['cfut_{an:20}', 'cfat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx']
  },
  'hashicorp-vault-recovery-token': {
    tp: ['VAULT_RECOVERY_TOKEN=hvr.{url:40}'],
    fp: ['hvr.{url:8}']
  },
  'clickhouse-cloud-api-key': {
    tp: ['CLICKHOUSE_KEY_SECRET=4b1d{an:38}'],
    fp: ['sha: 4b1d{hex:38}', '4b1d{an:10}']
  },
  'defined-networking-api-token': {
    tp: ['DN_API_KEY=dnkey-{AN:26}-{AN:52}'],
    fp: ['dnkey-{AN:26}-short']
  },
  'infracost-api-token': {
    tp: ['INFRACOST_API_KEY=ico-{an:32}'],
    fp: ['favico-{an:32}', 'ico-{an:10}']
  },
  'openshift-user-token': {
    tp: ['oc login --token=sha256~{url:43} --server=https://api.acme:6443'],
    fp: ['sha256~short', 'image@sha256:{hex:64}']
  },
  'castai-api-key': {
    tp: ['CASTAI_API_TOKEN=castai_v1_{an:64}_{an:8}'],
    fp: ['castai_v1_{an:20}_{an:8}']
  },
  'jfrog-api-token': {
    tp: ['JFROG_ACCESS_TOKEN={an:64}', 'artifactory_api_key: {an:73}'],
    fp: ['JFROG_ACCESS_TOKEN=' + PH, 'artifactory_api_key: AKCp{an:69}', 'JFROG_TOKEN={an:30}']
  },
  'sourcegraph-access-token': {
    tp: ['SRC_ACCESS_TOKEN=sgp_{hex:16}_{hex:40}', 'token: sgp_local_{hex:40}', 'sgp_{hex:40}'],
    fp: ['sgp_{hex:10}']
  },
  'sonar-legacy-token': {
    tp: ['SONAR_TOKEN={hex:40}', 'sonar.login={hex:40}'],
    fp: ['SONAR_TOKEN=' + PH, 'sonar.projectKey={hex:40}']
  },
  'gitlab-session-cookie': {
    tp: ['Cookie: _gitlab_session={lc:32}'],
    fp: ['_gitlab_session={lc:10}']
  },
  'intra42-client-secret': {
    tp: ['FT_SECRET=s-s4t2ud-{hex:64}'],
    fp: ['s-s4t2ud-{hex:10}']
  },
  'chieftools-token': {
    tp: ['CHIEF_TOKEN=ctp_{an:36}', 'refresh: ctr_{an:40}'],
    fp: ['ctr_drbg_context ctx;', 'cto_{an:10}']
  },
  'settlemint-token': {
    tp: ['SETTLEMINT_ACCESS_TOKEN=sm_pat_{an:16}', 'sm_aat_{an:16}'],
    fp: ['sm_pat_{an:6}']
  },
  'maxmind-license-key': {
    tp: ['MAXMIND_LICENSE_KEY={an:6}_{an:29}_mmk'],
    fp: ['{an:6}_{an:10}_mmk']
  },
  'nuget-config-password': {
    tp: [
      '<add key="ClearTextPassword" value="{an:20}" />',
      '      <add key="Password" value="{b64:120}" />'
    ],
    fp: [
      '<add key="ClearTextPassword" value="%NUGET_PASSWORD%" />',
      '<add key="ClearTextPassword" value="password" />',
      '<add key="Username" value="{an:20}" />'
    ]
  },
  'freemius-secret-key': {
    file: 'wp-content/plugins/acme/start.php',
    tp: ["        'secret_key' => 'sk_{an:29}',"],
    fp: ["        'secret_key' => 'sk_{an:10}',", "        'public_key' => 'pk_{an:29}',"]
  },
  'curl-auth-header': {
    tp: [
      'curl -H "X-Api-Key: {an:32}" https://api.acme.io/v1/things',
      "curl --header 'PRIVATE-TOKEN: {url:26}' https://gitlab.acme.io/api/v4/projects",
      'curl -s -H "Authorization: Token {hex:40}" https://api.acme.io'
    ],
    fp: [
      'curl -H "X-Api-Key: $API_KEY" https://api.acme.io',
      'curl -H "X-Api-Key: ${API_KEY}" https://api.acme.io',
      'curl -H "X-Api-Key: <your-api-key>" https://api.acme.io',
      'curl -H "Content-Type: application/json" https://api.acme.io'
    ]
  },
  'adobe-client-secret': {
    tp: ['ADOBE_CLIENT_SECRET=p8e-{an:32}'],
    fp: ['p8e-{an:10}']
  },
  'adafruit-api-key': {
    tp: ['ADAFRUIT_IO_KEY={an:32}'],
    fp: ['ADAFRUIT_IO_KEY=aio_{an:28}', 'ADAFRUIT_IO_KEY=' + PH]
  },
  'airtable-legacy-api-key': {
    tp: ['AIRTABLE_API_KEY=key{an:14}'],
    fp: ['AIRTABLE_API_KEY=keyXXXXXXXXXXXXXX']
  },
  'asana-client-secret': {
    tp: ['ASANA_CLIENT_SECRET={lc:32}'],
    fp: ['ASANA_CLIENT_SECRET=' + PH]
  },
  'authress-service-client-key': {
    tp: ['AUTHRESS_KEY=sc_{lc:12}.{lc:5}.acc_{lc:16}.{b64:64}'],
    fp: ['sc_{lc:12}.{lc:5}.acc_short']
  },
  'beamer-api-token': {
    tp: ['BEAMER_API_KEY=b_{url:44}'],
    fp: ['BEAMER_API_KEY=b_{url:10}']
  },
  'bittrex-api-key': {
    tp: ['BITTREX_API_SECRET={an:32}'],
    fp: ['BITTREX_API_SECRET=' + PH]
  },
  'cisco-meraki-api-key': {
    tp: ['MERAKI_DASHBOARD_API_KEY={hex:40}'],
    fp: ['MERAKI_DASHBOARD_API_KEY=' + PH]
  },
  'coinbase-access-token': {
    tp: ['COINBASE_ACCESS_TOKEN={url:64}'],
    fp: ['COINBASE_ACCESS_TOKEN=' + PH]
  },
  'contentful-delivery-token': {
    tp: ['CONTENTFUL_DELIVERY_TOKEN={url:43}'],
    fp: ['CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-{url:43}', 'CONTENTFUL_SPACE_ID={lc:12}']
  },
  'discord-client-secret': {
    tp: ['DISCORD_CLIENT_SECRET={url:32}'],
    fp: ['DISCORD_CLIENT_SECRET=' + PH]
  },
  'dropbox-long-lived-token': {
    tp: ['DROPBOX_ACCESS_TOKEN={an:11}{lit:AAAAAAAAAA}{url:43}'],
    fp: [
      'DROPBOX_ACCESS_TOKEN={an:11}{lit:AAAAAAAAAA}{lit:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx}'
    ]
  },
  'dropbox-app-secret': {
    tp: ['DROPBOX_APP_SECRET={lc:15}'],
    fp: ['DROPBOX_APP_KEY={lc:15}']
  },
  'duffel-api-token': {
    tp: ['DUFFEL_ACCESS_TOKEN=duffel_test_{url:43}'],
    fp: ['duffel_test_{url:10}']
  },
  'etsy-api-key': {
    tp: ['ETSY_API_KEY={lc:24}'],
    fp: ['ETSY_API_KEY=' + PH]
  },
  'facebook-app-access-token': {
    tp: ['FACEBOOK_APP_TOKEN={d:16}|{url:27}', 'fb_token = "{d:15}%7C{url:30}"'],
    fp: ['FACEBOOK_APP_ID={d:16}']
  },
  'finicity-api-credential': {
    tp: ['FINICITY_APP_KEY={hex:32}', 'FINICITY_SECRET={an:20}'],
    fp: ['FINICITY_SECRET=' + PH]
  },
  'finnhub-api-key': {
    tp: ['FINNHUB_API_KEY={an:20}'],
    fp: ['FINNHUB_API_KEY=' + PH]
  },
  'flickr-api-key': {
    tp: ['FLICKR_API_KEY={hex:32}', 'FLICKR_SECRET={hex:16}'],
    fp: ['FLICKR_API_KEY=' + PH]
  },
  'flutterwave-encryption-key': {
    tp: ['FLW_ENCRYPTION_KEY=FLWSECK_TEST{hex:12}', 'FLWSECK-{hex:12}'],
    fp: ['FLWSECK_TEST-{hex:32}-X', 'FLWSECK_TEST{lit:aaaaaaaaaaaa}']
  },
  'freshbooks-access-token': {
    tp: ['FRESHBOOKS_TOKEN={an:64}'],
    fp: ['FRESHBOOKS_TOKEN=' + PH]
  },
  'gitter-access-token': {
    tp: ['GITTER_TOKEN={url:40}'],
    fp: ['GITTER_TOKEN=' + PH]
  },
  'hubspot-api-key': {
    tp: ['HUBSPOT_API_KEY={uuid}', 'https://api.hubapi.com/contacts?hapikey={uuid}'],
    fp: ['HUBSPOT_PORTAL_ID=12345678', 'HUBSPOT_API_KEY=00000000-0000-0000-0000-000000000000']
  },
  'kraken-api-key': {
    tp: ['KRAKEN_PRIVATE_KEY={b64:88}'],
    fp: ['KRAKEN_PRIVATE_KEY={b64:20}']
  },
  'kucoin-api-credential': {
    tp: ['KUCOIN_API_SECRET={uuid}', 'KUCOIN_API_KEY={hex:24}'],
    fp: ['KUCOIN_API_SECRET=' + PH]
  },
  'linear-client-secret': {
    tp: ['LINEAR_CLIENT_SECRET={hex:32}'],
    fp: ['background: linear-gradient(90deg, #{hex:6}, #{hex:6});', 'LINEAR_CLIENT_ID={hex:32}']
  },
  'linkedin-client-secret': {
    tp: ['LINKEDIN_CLIENT_SECRET={an:16}'],
    fp: ['LINKEDIN_CLIENT_SECRET=' + PH]
  },
  'looker-client-secret': {
    tp: ['LOOKERSDK_CLIENT_SECRET={an:24}'],
    fp: ['LOOKERSDK_CLIENT_ID={an:20}']
  },
  'mattermost-access-token': {
    tp: ['MATTERMOST_TOKEN={lc:26}'],
    fp: ['MATTERMOST_TOKEN=' + PH]
  },
  'messagebird-api-key': {
    tp: ['MESSAGEBIRD_API_KEY={an:25}'],
    fp: ['MESSAGEBIRD_API_KEY=' + PH]
  },
  'nytimes-api-key': {
    tp: ['NYTIMES_API_KEY={an:32}'],
    fp: ['NYTIMES_API_KEY=' + PH]
  },
  'plaid-secret-key': {
    tp: ['PLAID_SECRET={lc:30}'],
    fp: ['PLAID_CLIENT_ID={lc:24}']
  },
  'privateai-api-token': {
    tp: ['PRIVATE_AI_API_KEY={lc:32}'],
    fp: ['PRIVATE_AI_API_KEY=' + PH]
  },
  'sendbird-api-token': {
    tp: ['SENDBIRD_API_TOKEN={hex:40}'],
    fp: ['SENDBIRD_APP_ID={uuid}']
  },
  'sentry-legacy-token': {
    tp: ['SENTRY_AUTH_TOKEN={hex:64}'],
    fp: ['SENTRY_AUTH_TOKEN=' + PH, 'SENTRY_RELEASE={hex:40}']
  },
  'squarespace-api-key': {
    tp: ['SQUARESPACE_API_KEY={uuid}'],
    fp: ['SQUARESPACE_API_KEY=' + PH]
  },
  'twitch-api-token': {
    tp: ['TWITCH_CLIENT_SECRET={lc:30}'],
    fp: ['TWITCH_CLIENT_SECRET=' + PH]
  },
  'twitter-access-token': {
    tp: ['TWITTER_ACCESS_TOKEN={d:19}-{an:30}'],
    fp: ['TWITTER_ACCESS_TOKEN=' + PH]
  },
  'twitter-api-secret': {
    tp: [
      'TWITTER_API_SECRET={an:50}',
      'TWITTER_ACCESS_TOKEN_SECRET={an:45}',
      'TWITTER_API_KEY={an:25}'
    ],
    fp: ['TWITTER_API_SECRET=' + PH, 'twitter_handle = "{lit:acme_support}"']
  },
  'wandb-api-key': {
    tp: ['WANDB_API_KEY={hex:40}'],
    fp: ['WANDB_API_KEY=' + PH, 'WANDB_PROJECT=acme-experiments']
  },
  'rootly-api-key': {
    tp: ['ROOTLY_API_TOKEN=rootly_{hex:64}'],
    fp: ['rootly_{hex:10}']
  },
  'wakatime-api-key': {
    tp: ['api_key = waka_{uuid}'],
    fp: ['waka_not-a-uuid']
  },
  'onfido-api-token': {
    tp: ['ONFIDO_API_TOKEN=api_live.{url:11}.{url:32}', 'api_sandbox_us.{url:11}.{url:32}'],
    fp: ['api_live.{url:11}.short']
  },
  'pinecone-api-key': {
    tp: ['PINECONE_API_KEY=pcsk_{an:6}_{an:64}'],
    fp: ['pcsk_{an:6}_{an:10}']
  },
  'samsara-api-token': {
    tp: ['SAMSARA_TOKEN=samsara_api_{an:30}'],
    fp: ['samsara_api_{an:8}']
  },
  'posthog-personal-api-key': {
    tp: ['POSTHOG_PERSONAL_API_KEY=phx_{an:43}'],
    fp: ['phx_{an:8}', 'phc_{an:43}']
  },
  'langfuse-secret-key': {
    tp: ['LANGFUSE_SECRET_KEY=sk-lf-{uuid}'],
    fp: ['LANGFUSE_PUBLIC_KEY=pk-lf-{uuid}']
  },
  'persona-api-key': {
    tp: ['PERSONA_API_KEY=persona_production_{uuid}'],
    fp: ['persona_production_{lit:abc}']
  },
  'anthropic-oauth-token': {
    tp: ['CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-{url:93}AA'],
    fp: ['sk-ant-oat01-{url:10}']
  },
  'slack-legacy-bot-token': {
    tp: ['SLACK_BOT_TOKEN=xoxb-{d:11}-{an:24}'],
    fp: ['xoxb-{d:11}-{lit:xxxxxxxxxxxxxxxxxxxxxxxx}', 'xoxb-{d:12}-{d:13}-{an:24}']
  },
  'jwt-base64': {
    tp: ['token: ' + JWT_B64],
    fp: ['ZXlK{b64:80}', 'ZXlKhbGciOi']
  },
  'crates-io-api-token': {
    tp: ['CARGO_REGISTRY_TOKEN=cio{an:32}'],
    fp: ['precio{an:32}', 'cio{an:10}']
  },
  'neon-api-key': {
    tp: ['NEON_API_KEY=napi_{lc:64}'],
    fp: ['napi_{lc:10}', 'napi_create_function(env, NULL, 0, cb, NULL, &fn);']
  },
  'adyen-api-key': {
    tp: ['ADYEN_API_KEY=AQE{an:40}.{url:60}'],
    fp: ['AQE{an:10}.short']
  },
  'razorpay-key-secret': {
    tp: ['RAZORPAY_KEY_SECRET={an:24}'],
    fp: ['RAZORPAY_KEY_ID=rzp_test_{an:14}']
  },
  'binance-api-credential': {
    tp: ['BINANCE_API_SECRET={an:64}'],
    fp: ['BINANCE_API_SECRET=' + PH]
  },
  'azure-workflow-webhook-url': {
    tp: [
      'TEAMS_WEBHOOK=https://prod-12.westeurope.logic.azure.com:443/workflows/{hex:32}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={url:43}',
      'url: https://default{hex:30}.0c.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/{hex:32}/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={url:43}'
    ],
    fp: [
      'https://prod-12.westeurope.logic.azure.com:443/workflows/{hex:32}/triggers/manual/paths/invoke?api-version=2016-06-01&sig=<signature>',
      'see https://learn.microsoft.com/azure/logic-apps/'
    ]
  }
}
