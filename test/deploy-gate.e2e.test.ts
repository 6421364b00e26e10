/**
 * The deploy-gate action end to end through the runner harness: a fixture repository with a
 * gate policy and evidence; outputs, decision and audit files, job summary, annotations, masking
 * and the step's exit code.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { generateEncodedKeyPair } from '@secure-pipeline/sigstore'
import { buildAction, parseEnvFile, REPO_ROOT, runAction, type ActionRun } from './harness.js'

const fixture = path.join(REPO_ROOT, 'test', 'fixtures', 'deploy-gate', 'repo')
const SECRET = 'ghp_R8sVx2Lq9TnW4yZ0aBcDeFgHiJkLmNoPqRsT'
const GOOD = [
  'evidence/secrets-clean.json',
  'evidence/sbom.cdx.json',
  'evidence/verify-ok.json',
  'evidence/verify-attest-prov.json',
  'evidence/provenance.intoto.json',
  'evidence/approvals.json'
]

describe('actions/deploy-gate', () => {
  let bundle: string
  let workspace: string
  beforeAll(async () => {
    bundle = await buildAction('deploy-gate')
    workspace = mkdtempSync(path.join(os.tmpdir(), 'gate-ws-'))
    cpSync(fixture, workspace, { recursive: true })
  }, 240_000)
  afterAll(() => rmSync(workspace, { recursive: true, force: true }))

  const run = (inputs: Record<string, string>): Promise<ActionRun> =>
    runAction(bundle, {
      inputs: { 'fail-on-deny': 'true', ...inputs },
      workspace,
      env: { RUNNER_TEMP: path.join(workspace, 'tmp') }
    })

  it('allows a production deployment with all the evidence', async () => {
    const r = await run({
      policy: 'gate.yml',
      evidence: GOOD.join('\n'),
      environment: 'production',
      'audit-file': 'out/audit.json'
    })
    expect(r.exitCode).toBe(0)
    expect(r.outputs).toMatchObject({
      allowed: 'true',
      violations: '0',
      'audit-file': path.join(workspace, 'out', 'audit.json')
    })
    expect(r.outputs['policy-digest']).toMatch(/^[0-9a-f]{64}$/)
    const vsa = JSON.parse(readFileSync(r.outputs['vsa-file'], 'utf8')) as {
      predicateType: string
      predicate: { verificationResult: string }
    }
    expect(vsa).toMatchObject({
      predicateType: 'https://slsa.dev/verification_summary/v1',
      predicate: { verificationResult: 'PASSED' }
    })
    expect(r.summary).toContain('## Deploy gate: ✅ allowed to `production`')
    const decision = JSON.parse(readFileSync(r.outputs['decision-file'], 'utf8')) as {
      allow: boolean
      evidence: unknown[]
    }
    expect(decision.allow).toBe(true)
    expect(decision.evidence).toHaveLength(GOOD.length)
    const audit = JSON.parse(readFileSync(r.outputs['audit-file'], 'utf8')) as {
      context: Record<string, string>
      decision: { allow: boolean }
    }
    expect(audit.decision.allow).toBe(true)
    expect(audit.context).toMatchObject({ repository: 'octo-org/octo-repo', run_id: '1' })
    expect(r.annotations.filter(a => a.level === 'error')).toEqual([])
  })

  it('denies with an annotation and a summary row per violation, and masks the leaked secret', async () => {
    const evidence = [
      ...GOOD.filter(e => !e.includes('secrets-clean') && !e.includes('approvals')),
      'evidence/secrets-found.json'
    ].join(', ')
    const r = await run({ policy: 'gate.yml', evidence, environment: 'production' })
    expect(r.exitCode).toBe(1)
    expect(r.outputs.allowed).toBe('false')
    expect(Number(r.outputs.violations)).toBe(4)
    const titles = r.annotations
      .filter(a => a.level === 'error' && a.title?.startsWith('deploy gate'))
      .map(a => a.title)
    expect(titles).toEqual(
      expect.arrayContaining([
        'deploy gate: secrets/found',
        'deploy gate: approvals/missing',
        'deploy gate: facts/missing'
      ])
    )
    expect(r.summary).toContain('## Deploy gate: ❌ denied to `production`')
    expect(r.summary).toMatch(
      /\| ❌ \| secrets\/found \| secret scan: github-pat at config\/deploy\.env:3 \(critical\) \|/
    )
    expect(r.summary).toMatch(/\| ❌ \| approvals\/missing \| 2 approval\(s\) required/)
    expect(r.stdout).toMatch(/::error::deployment to production denied: 4 violation\(s\)/)
    expect(r.masks).toContain(SECRET)
    const visible = r.stdout
      .split('\n')
      .filter(l => !l.startsWith('::add-mask::'))
      .join('\n')
    for (const text of [
      visible,
      r.stderr,
      r.summary,
      readFileSync(r.outputs['audit-file'], 'utf8'),
      readFileSync(r.outputs['decision-file'], 'utf8')
    ])
      expect(text).not.toContain(SECRET)
  })

  it('decides on the evidence directory the golden workflow assembles', async () => {
    // The layout of the gate job's download: evidence-* artifacts merged, provenance bundles in a
    // subdirectory, facts from the caller. Freshness is judged against the real clock here, so
    // only the outcome that does not depend on it is pinned: the signature and provenance hold.
    const r = await run({
      policy: '.github/deploy-gate.yml',
      evidence: 'pipeline-evidence\nfacts:evidence/approvals.json',
      'fail-on-deny': 'false'
    })
    expect(r.exitCode).toBe(0)
    const decision = JSON.parse(readFileSync(r.outputs['decision-file'], 'utf8')) as {
      violations: { id: string }[]
      evidence: { kind: string; path: string }[]
    }
    expect(decision.evidence.map(e => `${e.kind} ${e.path}`)).toEqual([
      'policy-check pipeline-evidence/policy.sarif',
      'provenance pipeline-evidence/provenance/sbom.json.intoto.sigstore.json',
      'sbom pipeline-evidence/sbom.json',
      'secret-scan pipeline-evidence/secrets.sarif',
      'verification pipeline-evidence/verify-provenance.json',
      'verification pipeline-evidence/verify-signatures.json',
      'facts evidence/approvals.json'
    ])
    const ids = decision.violations.map(v => v.id)
    for (const id of [
      'signature/signer',
      'signature/missing',
      'attestation/missing',
      'provenance/missing',
      'provenance/builder',
      'provenance/subject',
      'evidence/missing',
      'policy/failure',
      'secrets/found'
    ])
      expect(ids).not.toContain(id)
  })

  it('fail-on-deny: false reports the denial through the outputs only', async () => {
    const r = await run({
      policy: 'gate.yml',
      evidence: 'evidence/sbom.cdx.json',
      'fail-on-deny': 'false'
    })
    expect(r.exitCode).toBe(0)
    expect(r.outputs.allowed).toBe('false')
    expect(Number(r.outputs.violations)).toBeGreaterThan(0)
  })

  it('unusable evidence fails the step with the file name, no stack trace', async () => {
    const r = await run({ policy: 'gate.yml', evidence: 'evidence/unknown.json' })
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toMatch(
      /::error::evidence\/unknown\.json: cannot tell what kind of evidence this is/
    )
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /)
  })

  it('reads trufflehog, Grype and OpenVEX output: masks raw secrets, applies the VEX', async () => {
    const tools = path.join(REPO_ROOT, 'packages', 'gate', 'test', 'fixtures', 'evidence', 'tools')
    mkdirSync(path.join(workspace, 'third-party'), { recursive: true })
    for (const f of ['trufflehog.jsonl', 'grype-fix.json', 'openvex.json'])
      cpSync(path.join(tools, f), path.join(workspace, 'third-party', f))
    writeFileSync(
      path.join(workspace, 'third-party.yml'),
      'version: 1\ndeny-on:\n  secrets: critical\n  vulnerabilities: { severity: critical, max: 0 }\n'
    )
    const r = await run({
      policy: 'third-party.yml',
      evidence: 'third-party/',
      'audit-file': 'out/third-party-audit.json'
    })
    expect(r.exitCode).toBe(1)
    const decision = JSON.parse(readFileSync(r.outputs['decision-file'], 'utf8')) as {
      violations: { id: string; msg: string }[]
      evidence: { kind: string; path: string }[]
    }
    expect(decision.evidence.map(e => e.kind).sort()).toEqual([
      'secret-scan',
      'vex',
      'vulnerability-scan'
    ])
    // The verified AWS key is critical; the only critical vulnerability is fixed per the VEX.
    expect(decision.violations.map(v => v.id)).toEqual(['secrets/found'])
    expect(decision.violations[0].msg).toMatch(/AWS at deploy\/aws\.env:4/)
    // trufflehog's Raw/RawV2 (and the secret half of RawV2) are masked and never shown.
    const raw = ['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']
    for (const s of raw) expect(r.masks).toContain(s)
    const visible = r.stdout
      .split('\n')
      .filter(l => !l.startsWith('::add-mask::'))
      .join('\n')
    for (const text of [
      visible,
      r.stderr,
      r.summary,
      readFileSync(r.outputs['audit-file'], 'utf8'),
      readFileSync(r.outputs['decision-file'], 'utf8')
    ])
      for (const s of raw) expect(text).not.toContain(s)
  })
})

/**
 * The root composite action (action.yml) end to end: a small runner for composite steps — the
 * expressions action.yml uses (`inputs.*`, `steps.*.outputs.*`, `runner.temp`, string literals,
 * `==`, `!=`, `&&`, `||`), `if:` conditions, `continue-on-error`, shared RUNNER_TEMP — runs the
 * bash steps with bash and the sibling bundles through the runner harness, on a git repository
 * with a lockfile and a manifest, signing with a cosign key.
 */
type Ctx = {
  inputs: Record<string, string>
  steps: Record<string, Record<string, string>>
  temp: string
}

function evaluate(expr: string, ctx: Ctx): string {
  const tokens = expr.match(/'(?:[^']|'')*'|==|!=|&&|\|\||[\w.-]+/g) ?? []
  let i = 0
  const primary = (): string => {
    const t = tokens[i++] ?? ''
    if (t.startsWith("'")) return t.slice(1, -1).replace(/''/g, "'")
    const [head, ...rest] = t.split('.')
    if (head === 'inputs') return ctx.inputs[rest.join('.')] ?? ''
    if (head === 'steps' && rest[1] === 'outputs')
      return ctx.steps[rest[0]]?.[rest.slice(2).join('.')] ?? ''
    if (t === 'runner.temp') return ctx.temp
    throw new Error(`unsupported expression term ${t} in ${expr}`)
  }
  const comparison = (): string => {
    let left = primary()
    while (tokens[i] === '==' || tokens[i] === '!=') {
      const op = tokens[i++]
      const right = primary()
      left = (left.toLowerCase() === right.toLowerCase()) === (op === '==') ? 'true' : ''
    }
    return left
  }
  const and = (): string => {
    let left = comparison()
    while (tokens[i] === '&&') {
      i++
      const right = comparison()
      left = left ? right : left
    }
    return left
  }
  let value = and()
  while (tokens[i] === '||') {
    i++
    const right = and()
    value = value ? value : right
  }
  return value
}

const interpolate = (s: string, ctx: Ctx): string =>
  s.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_m, e: string) => evaluate(e, ctx))

interface CompositeRun {
  ok: boolean
  outputs: Record<string, string>
  steps: { id: string; exitCode: number; stdout: string }[]
}

async function runComposite(
  inputs: Record<string, string>,
  workspace: string,
  temp: string
): Promise<CompositeRun> {
  const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>
    outputs: Record<string, { value: string }>
    runs: {
      steps: {
        id: string
        if?: string
        run: string
        env?: Record<string, string>
        'continue-on-error'?: boolean
      }[]
    }
  }
  const ctx: Ctx = { inputs: {}, steps: {}, temp }
  for (const [k, spec] of Object.entries(action.inputs))
    ctx.inputs[k] = inputs[k] ?? spec.default ?? ''
  const steps: CompositeRun['steps'] = []
  let ok = true
  for (const step of action.runs.steps) {
    if (!ok || (step.if !== undefined && !evaluate(step.if, ctx))) continue
    const env: Record<string, string> = {
      RUNNER_TEMP: temp,
      GITHUB_ACTION_PATH: REPO_ROOT,
      GITHUB_EVENT_NAME: 'workflow_dispatch'
    }
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = interpolate(String(v), ctx)
    const bundle = /^node "\$GITHUB_ACTION_PATH\/dist\/([a-z-]+)\/index\.js"$/.exec(step.run.trim())
    let r: { exitCode: number; stdout: string; outputs: Record<string, string> }
    if (bundle)
      r = await runAction(await buildAction(bundle[1]), {
        env,
        workspace,
        eventName: 'workflow_dispatch'
      })
    else {
      const out = path.join(temp, `${step.id}.output`)
      writeFileSync(out, '')
      const p = spawnSync('bash', ['-e', '-c', step.run], {
        cwd: workspace,
        env: { PATH: process.env.PATH ?? '', HOME: temp, ...env, GITHUB_OUTPUT: out },
        encoding: 'utf8'
      })
      r = {
        exitCode: p.status ?? 1,
        stdout: p.stdout + p.stderr,
        outputs: parseEnvFile(readFileSync(out, 'utf8'))
      }
    }
    ctx.steps[step.id] = r.outputs
    steps.push({ id: step.id, exitCode: r.exitCode, stdout: r.stdout })
    if (r.exitCode !== 0 && step['continue-on-error'] !== true) ok = false
  }
  const outputs = Object.fromEntries(
    Object.entries(action.outputs).map(([k, o]) => [k, interpolate(o.value, ctx)])
  )
  return { ok, outputs, steps }
}

describe('the root action (whole chain in one step)', () => {
  let workspace: string
  let temp: string
  let key: string
  beforeAll(async () => {
    await Promise.all(
      ['secret-scan', 'sbom', 'sign', 'verify', 'policy-check', 'deploy-gate'].map(buildAction)
    )
    workspace = mkdtempSync(path.join(os.tmpdir(), 'root-action-ws-'))
    temp = mkdtempSync(path.join(os.tmpdir(), 'root-action-tmp-'))
    cpSync(path.join(REPO_ROOT, 'packages', 'pipeline', 'test', 'fixtures', 'app'), workspace, {
      recursive: true
    })
    mkdirSync(path.join(workspace, '.github'))
    writeFileSync(
      path.join(workspace, '.github', 'deploy-gate.yml'),
      [
        'require:',
        '  signature: true',
        '  attestations: [slsaprovenance1]',
        '  provenance: true',
        '  sbom: { min-components: 1 }',
        'deny-on:',
        '  secrets: any',
        '  policy-failures: high',
        'max-age: 1h',
        ''
      ].join('\n')
    )
    const keys = generateEncodedKeyPair('correct horse')
    key = path.join(temp, 'cosign.key')
    writeFileSync(key, keys.privateKeyPem)
    writeFileSync(path.join(temp, 'cosign.pub'), keys.publicKeyPem)
    const git = (...args: string[]): void => {
      const p = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd: workspace,
        encoding: 'utf8'
      })
      if (p.status !== 0) throw new Error(p.stderr)
    }
    git('init', '-q', '-b', 'main')
    git('add', '-A')
    git('commit', '-q', '-m', 'app')
  }, 240_000)
  afterAll(() => {
    rmSync(workspace, { recursive: true, force: true })
    rmSync(temp, { recursive: true, force: true })
  })

  const inputs = (): Record<string, string> => ({
    key,
    password: 'correct horse',
    'public-key': path.join(temp, 'cosign.pub'),
    manifests: 'k8s'
  })

  it('scans, describes, signs, attests, verifies, checks and allows', async () => {
    const r = await runComposite(inputs(), workspace, temp)
    expect(
      r.steps.filter(s => s.exitCode !== 0).map(s => `${s.id}: ${s.stdout.slice(-400)}`)
    ).toEqual([])
    expect(r.ok).toBe(true)
    expect(r.steps.map(s => s.id)).toEqual([
      'prepare',
      'secrets',
      'sbom',
      'sbom-evidence',
      'subjects',
      'sign',
      'attest',
      'verify-signatures',
      'verify-provenance',
      'sign-evidence',
      'policy',
      'gate'
    ])
    expect(r.outputs.allowed).toBe('true')
    expect(r.outputs.violations).toBe('0')
    const decision = JSON.parse(readFileSync(r.outputs['decision-file'], 'utf8')) as {
      evidence: { kind: string }[]
    }
    expect(decision.evidence.map(e => e.kind).sort()).toEqual([
      'policy-check',
      'provenance',
      'sbom',
      'secret-scan',
      'verification',
      'verification'
    ])
  }, 120_000)

  it('a committed secret makes the gate deny and the step fail', async () => {
    writeFileSync(
      path.join(workspace, 'deploy.env'),
      `AWS_ACCESS_KEY_ID=${['AKIA', 'Q3EGRK7VZL', 'WNH5TY'].join('')}\n`
    )
    spawnSync('git', ['add', 'deploy.env'], { cwd: workspace })
    const commit = spawnSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'secret'],
      { cwd: workspace }
    )
    expect(commit.status).toBe(0)
    const r = await runComposite(inputs(), workspace, temp)
    expect(r.ok).toBe(false)
    expect(r.steps.at(-1)).toMatchObject({ id: 'gate', exitCode: 1 })
    expect(r.outputs.allowed).toBe('false')
    expect(r.steps.at(-1)?.stdout).toMatch(/secrets\/found/)
  }, 120_000)
})
