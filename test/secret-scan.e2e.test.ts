/**
 * The secret-scan action end to end through the runner harness: a fixture git repository made in
 * a temp dir, a pull_request (and push) event payload, then the SARIF (validated against the
 * official schema), annotations on the right lines, outputs, masks, and no secret anywhere in what
 * the runner captured.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sharedDir } from '@secure-pipeline/core'
import { createSarifValidator } from '@secure-pipeline/core/sarif-schema'
import { base62, crc32 } from '@secure-pipeline/secrets'
import { buildAction, runAction, type ActionRun } from './harness.js'

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
function rand(n: number): string {
  return Array.from(randomBytes(n), b => ALNUM[b % ALNUM.length]).join('')
}
/** A syntactically valid GitHub token (checksum included), made at run time. */
function githubToken(): string {
  const body = rand(30)
  return ['gh', 'p_'].join('') + body + base62(crc32(body), 6)
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Dev',
      GIT_AUTHOR_EMAIL: 'dev@example.com',
      GIT_COMMITTER_NAME: 'Dev',
      GIT_COMMITTER_EMAIL: 'dev@example.com'
    }
  }).trim()
}

function commitFiles(repo: string, files: Record<string, string>, message: string): string {
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(repo, f)), { recursive: true })
    writeFileSync(path.join(repo, f), text)
  }
  git(repo, 'add', '-A')
  git(repo, 'commit', '-q', '--no-verify', '-m', message)
  return git(repo, 'rev-parse', 'HEAD')
}

const shared = sharedDir()
if (!shared) console.log('secret-scan e2e: ../shared not found; SARIF schema validation is skipped')

describe('actions/secret-scan', () => {
  let bundle: string
  let tmp: string
  let repo: string
  let baseSha: string
  let headSha: string
  const oldToken = githubToken()
  const newToken = githubToken()
  const stripeKey = ['sk', 'live', rand(24)].join('_')
  const dbPassword = rand(18)
  const keyLines = Array.from({ length: 8 }, () => rand(64))
  const dashes = '-'.repeat(5)
  const pem = [
    `${dashes}BEGIN RSA PRIVATE KEY${dashes}`,
    ...keyLines,
    `${dashes}END RSA PRIVATE KEY${dashes}`
  ].join('\n')
  const secrets = [oldToken, newToken, stripeKey, dbPassword, pem, ...keyLines]

  beforeAll(async () => {
    bundle = await buildAction('secret-scan')
    tmp = mkdtempSync(path.join(os.tmpdir(), 'secret-scan-e2e-'))
    repo = path.join(tmp, 'repo')
    mkdirSync(repo)
    git(repo, 'init', '-q', '-b', 'main')
    git(repo, 'config', 'commit.gpgsign', 'false')
    // Already on main before the PR: a PR scan must not report it.
    baseSha = commitFiles(
      repo,
      { 'legacy/old.env': `TOKEN=${oldToken}\n`, 'README.md': '# demo\n' },
      'base'
    )
    git(repo, 'checkout', '-q', '-b', 'feature')
    headSha = commitFiles(
      repo,
      {
        'src/pay.js': `import Stripe from 'stripe'\n\nconst stripe = new Stripe("${stripeKey}")\n`,
        'deploy/app.env': `# deploy settings\nREGION=eu-west-1\nGITHUB_TOKEN=${newToken}\nDATABASE_URL=postgres://app:${dbPassword}@db.internal:5432/app\n`,
        'docs/setup.md': 'Use `GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}` in workflows.\n',
        'keys/deploy.pem': `${pem}\n`
      },
      'feature'
    )
  }, 240_000)
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))

  function assertNoSecret(r: ActionRun, sarifText: string): void {
    // `::add-mask::` commands are consumed by the runner (that is how values get masked).
    const stdout = r.stdout
      .split('\n')
      .filter(l => !l.startsWith('::add-mask::'))
      .join('\n')
    const captured = [
      stdout,
      r.stderr,
      r.summary,
      JSON.stringify(r.annotations),
      JSON.stringify(r.outputs),
      JSON.stringify(r.env),
      sarifText
    ].join('\n')
    for (const s of secrets) expect(captured.includes(s)).toBe(false)
  }

  it('pull_request: scans only the PR commits, annotates the exact lines, valid SARIF, nothing leaked', async () => {
    const sarifPath = path.join(tmp, 'out', 'pr.sarif')
    const r = await runAction(bundle, {
      workspace: repo,
      eventName: 'pull_request',
      event: { pull_request: { number: 7, base: { sha: baseSha }, head: { sha: headSha } } },
      inputs: { 'sarif-file': sarifPath },
      env: { RUNNER_TEMP: tmp }
    })
    expect(r.exitCode).toBe(1)
    expect(r.outputs.findings).toBe('4')
    expect(r.outputs.mode).toBe('diff')
    expect(r.outputs['sarif-file']).toBe(sarifPath)

    const where = r.annotations
      .filter(a => a.level === 'error' && a.file !== undefined)
      .map(a => [a.file, a.line, a.title])
      .sort()
    expect(where).toEqual(
      [
        ['deploy/app.env', 3, 'secret: github-pat'],
        ['deploy/app.env', 4, 'secret: database-connection-string'],
        ['keys/deploy.pem', 1, 'secret: private-key-rsa'],
        ['src/pay.js', 3, 'secret: stripe-live-secret-key']
      ].sort()
    )
    const key = r.annotations.find(a => a.title === 'secret: private-key-rsa')
    expect(key?.endLine).toBe(10)
    const gh = r.annotations.find(a => a.title === 'secret: github-pat')
    expect(gh?.col).toBe('GITHUB_TOKEN='.length + 1)

    // Every found value was handed to the runner's masker.
    for (const s of [newToken, stripeKey, dbPassword, pem, ...keyLines])
      expect(r.masks).toContain(s)
    expect(r.masks).not.toContain(oldToken)

    const sarifText = readFileSync(sarifPath, 'utf8')
    const sarif = JSON.parse(sarifText) as {
      runs: {
        results: {
          ruleId: string
          partialFingerprints: Record<string, string>
          locations: { physicalLocation: { region: { startLine: number } } }[]
        }[]
      }[]
    }
    expect(
      sarif.runs[0].results
        .map(x => [x.ruleId, x.locations[0].physicalLocation.region.startLine])
        .sort()
    ).toEqual(
      [
        ['database-connection-string', 4],
        ['github-pat', 3],
        ['private-key-rsa', 1],
        ['stripe-live-secret-key', 3]
      ].sort()
    )
    for (const res of sarif.runs[0].results)
      expect(res.partialFingerprints['secretFingerprint/v1']).toMatch(/^[a-f0-9]{32}$/)
    if (shared) {
      const validate = createSarifValidator(path.join(shared, 'schemas', 'sarif-schema-2.1.0.json'))
      const v = validate(sarif)
      expect(v.errors).toEqual([])
      expect(v.valid).toBe(true)
    }
    expect(r.summary).toContain('| severity | what | where | commit | secret (redacted) |')
    expect(r.summary).toContain('deploy/app.env:3')
    assertNoSecret(r, sarifText)
  })

  it('push of a new branch (all-zero before) and a push where before == after', async () => {
    const zero = await runAction(bundle, {
      workspace: repo,
      eventName: 'push',
      event: { before: '0'.repeat(40), after: headSha },
      inputs: { 'fail-on-findings': 'false', 'sarif-file': path.join(tmp, 'out', 'push.sarif') },
      env: { RUNNER_TEMP: tmp }
    })
    expect(zero.exitCode).toBe(0)
    // No remotes in the fixture: the whole history of the branch is new.
    expect(zero.outputs.findings).toBe('5')
    assertNoSecret(zero, readFileSync(path.join(tmp, 'out', 'push.sarif'), 'utf8'))

    const same = await runAction(bundle, {
      workspace: repo,
      eventName: 'push',
      event: { before: headSha, after: headSha },
      inputs: { 'sarif-file': path.join(tmp, 'out', 'same.sarif') },
      env: { RUNNER_TEMP: tmp }
    })
    expect(same.exitCode).toBe(0)
    expect(same.outputs.findings).toBe('0')
    expect(same.stdout).toMatch(/same commit/)
  })

  it('a force push whose before is gone scans the new commits; a deletion scans nothing', async () => {
    const forced = await runAction(bundle, {
      workspace: repo,
      eventName: 'push',
      event: { before: 'f'.repeat(40), after: headSha, forced: true },
      inputs: { 'fail-on-findings': 'false', 'sarif-file': path.join(tmp, 'out', 'forced.sarif') },
      env: { RUNNER_TEMP: tmp }
    })
    expect(forced.exitCode).toBe(0)
    // No remotes in the fixture: every commit of the branch is one no remote branch has.
    expect(forced.outputs.findings).toBe('5')
    expect(forced.stdout).toMatch(/force push/)
    assertNoSecret(forced, readFileSync(path.join(tmp, 'out', 'forced.sarif'), 'utf8'))

    const deleted = await runAction(bundle, {
      workspace: repo,
      eventName: 'push',
      event: { before: headSha, after: '0'.repeat(40), deleted: true },
      inputs: { 'sarif-file': path.join(tmp, 'out', 'deleted.sarif') },
      env: { RUNNER_TEMP: tmp }
    })
    expect(deleted.exitCode).toBe(0)
    expect(deleted.outputs.findings).toBe('0')
    expect(deleted.stdout).toMatch(/deleted branch/)
  })

  it('a shallow checkout missing the PR base fails with the fix', async () => {
    const shallow = path.join(tmp, 'shallow')
    execFileSync('git', [
      'clone',
      '-q',
      '--depth',
      '1',
      '--branch',
      'feature',
      `file://${repo}`,
      shallow
    ])
    const r = await runAction(bundle, {
      workspace: shallow,
      eventName: 'pull_request',
      event: { pull_request: { base: { sha: baseSha }, head: { sha: headSha } } },
      env: { RUNNER_TEMP: tmp }
    })
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toMatch(/::error::.*shallow.*fetch-depth: 0/)
  })

  it('schedule: the full history of HEAD', async () => {
    const first = await runAction(bundle, {
      workspace: repo,
      eventName: 'schedule',
      event: {},
      inputs: { 'fail-on-findings': 'false', 'sarif-file': path.join(tmp, 'out', 'hist.sarif') },
      env: { RUNNER_TEMP: tmp }
    })
    expect(first.outputs.mode).toBe('git')
    expect(first.outputs.findings).toBe('5')
  })
})
