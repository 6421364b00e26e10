/** GitHub Actions OIDC: `ACTIONS_ID_TOKEN_REQUEST_URL&audience=sigstore` with the request token as bearer. */
import { InputError, VerificationError } from '@secure-pipeline/core'

export interface GitHubTokenOptions {
  requestURL?: string
  requestToken?: string
  audience?: string
  timeoutMs?: number
}

/** Fetches an ID token from the Actions runtime (needs `permissions: id-token: write`). */
export async function githubActionsToken(options: GitHubTokenOptions): Promise<string> {
  const { requestURL, requestToken } = options
  if (!requestURL || !requestToken) {
    throw new InputError(
      'OIDC_UNAVAILABLE',
      'no GitHub Actions OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN are not set (the job needs `permissions: id-token: write`)'
    )
  }
  const url = new URL(requestURL)
  url.searchParams.set('audience', options.audience ?? 'sigstore')
  let res: Response
  try {
    res = await fetch(url, {
      headers: { Authorization: `bearer ${requestToken}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(options.timeoutMs ?? 30000)
    })
  } catch (err) {
    throw new VerificationError(
      'OIDC_FAILED',
      `requesting the OIDC token failed: ${(err as Error).message}`,
      { cause: err }
    )
  }
  if (!res.ok)
    throw new VerificationError(
      'OIDC_FAILED',
      `requesting the OIDC token failed: HTTP ${res.status}`
    )
  const body = (await res.json()) as { value?: unknown }
  if (typeof body.value !== 'string' || body.value.length === 0) {
    throw new VerificationError('OIDC_FAILED', 'the OIDC token response has no "value"')
  }
  return body.value
}
