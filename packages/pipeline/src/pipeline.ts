/**
 * `secure-pipeline pipeline`: secret scan → SBOM → sign + SLSA provenance with an ephemeral key →
 * verify → manifest policy check → deploy gate, on a local directory, through the engines' public
 * APIs. Nothing is downloaded and nothing leaves the machine (the key never touches the disk and
 * no transparency log is written). The first thing a new user runs.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { InputError, SecurePipelineError } from '@secure-pipeline/core'
import {
  gatePolicyFromSource,
  loadGatePolicy,
  runGate,
  type AuditRecord,
  type Decision
} from '@secure-pipeline/gate'
import { formatResults, runPolicyCheck } from '@secure-pipeline/policy'
import { generate } from '@secure-pipeline/sbom'
import { scanSecrets, toJsonReport } from '@secure-pipeline/secrets'
import {
  PREDICATE_TYPES,
  buildStatement,
  generateKeyPair,
  keyHint,
  parseSignatureMaterial,
  signBlob,
  signDSSE,
  verifyBundle,
  type VerifyResult
} from '@secure-pipeline/sigstore'

/** Directories looked at for Kubernetes manifests when none are given. */
export const MANIFEST_DIRS = [
  'k8s',
  'kubernetes',
  'manifests',
  'deploy',
  'deployment',
  'helm',
  'charts'
]

const SLSA_V1 = 'https://slsa.dev/provenance/v1'
const BUILDER_ID = 'https://github.com/secure-pipeline/secure-pipeline/pipeline@local'

export interface StageReport {
  name: 'secret scan' | 'sbom' | 'sign' | 'verify' | 'policy check' | 'deploy gate'
  status: 'ok' | 'findings' | 'skipped' | 'error'
  summary: string
  /** Evidence files written, relative to the evidence directory. */
  evidence: string[]
}

export interface PipelineOptions {
  /** The directory to run on. */
  root: string
  env?: NodeJS.ProcessEnv
  now?: Date
  /** Keep the evidence here (created); default: a temporary directory removed afterwards. */
  outputDir?: string
  /** A gate policy instead of the embedded default (relative to the current directory). */
  policy?: string
  cwd?: string
  environment?: string
  /** Manifest paths (relative to root) for the policy check; default: MANIFEST_DIRS that exist. */
  manifests?: string[]
  onStage?: (stage: StageReport) => void
}

export interface PipelineResult {
  stages: StageReport[]
  decision: Decision
  audit: AuditRecord
  exitCode: 0 | 1
  /** Where the evidence was written (removed afterwards unless outputDir was given). */
  evidenceDir: string
  /** The gate policy that decided (the embedded default unless one was given). */
  policySource: string
}

/** The embedded gate policy for the stages that ran: every one of them must pass. */
export function defaultGatePolicy(
  keyId: string,
  stages: { sbom: boolean; policy: boolean }
): string {
  const lines = [
    '# secure-pipeline pipeline: the embedded default gate policy.',
    'require:',
    '  signature:',
    `    identity: ${JSON.stringify(`key ${keyId}`)}`,
    '  attestations: [slsaprovenance1]',
    '  provenance:',
    `    builder-id: ${JSON.stringify(BUILDER_ID)}`,
    '  secret-scan: true'
  ]
  if (stages.sbom) lines.push('  sbom: true')
  lines.push('deny-on:', '  secrets: any')
  if (stages.policy) lines.push('  policy-failures: high')
  // Everything this run produced carries its time, except the conftest-style policy results.
  lines.push('max-age:', '  secret-scan: 1h', '  verification: 1h', '  provenance: 1h')
  if (stages.sbom) lines.push('  sbom: 1h')
  return `${lines.join('\n')}\n`
}

function sha256hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

function verificationEvidence(
  r: VerifyResult,
  subject: string,
  now: Date
): Record<string, unknown> {
  return {
    subject,
    verified: true,
    digest: r.digest,
    signer: r.signer,
    predicateType: r.statement?.predicateType,
    timestamp: now.toISOString()
  }
}

/** The scan's JSON report with the time it finished, so the gate can judge its age. */
function secretsEvidence(report: string, now: Date): string {
  const doc = JSON.parse(report) as { stats?: Record<string, unknown> }
  doc.stats = { ...(doc.stats ?? {}), finishedAt: now.toISOString() }
  return `${JSON.stringify(doc, null, 2)}\n`
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const root = path.resolve(options.cwd ?? process.cwd(), options.root)
  try {
    if (!statSync(root).isDirectory()) throw new Error('not a directory')
  } catch {
    throw new InputError('PIPELINE_ROOT', 'not a directory', { position: { file: options.root } })
  }
  const now = options.now ?? new Date()
  const env = options.env ?? {}
  const keep = options.outputDir !== undefined
  const out = keep
    ? path.resolve(options.cwd ?? process.cwd(), options.outputDir!)
    : mkdtempSync(path.join(os.tmpdir(), 'secure-pipeline-'))
  const evidenceDir = path.join(out, 'evidence')
  const signaturesDir = path.join(out, 'signatures')
  mkdirSync(evidenceDir, { recursive: true })
  mkdirSync(signaturesDir, { recursive: true })
  const stages: StageReport[] = []
  const report = (s: StageReport): void => {
    stages.push(s)
    options.onStage?.(s)
  }
  const write = (name: string, text: string | Buffer): string => {
    writeFileSync(path.join(evidenceDir, name), text)
    return name
  }

  try {
    // 1. secret scan (working tree; secrets are redacted in the evidence)
    const scan = await scanSecrets({
      root,
      mode: 'worktree',
      env,
      exclude: keep && out.startsWith(root + path.sep) ? [path.relative(root, out) + '/'] : []
    })
    const n = scan.findings.length
    report({
      name: 'secret scan',
      status: n > 0 ? 'findings' : 'ok',
      summary: `${scan.stats.files} files, ${n} secret(s) found`,
      evidence: [write('secrets.json', secretsEvidence(toJsonReport(scan), now))]
    })

    // 2. SBOM (CycloneDX 1.6; the subject that gets signed)
    let sbomBytes: Buffer | undefined
    // A lockfile that cannot be read does not stop the run: the stage fails, the SBOM stays
    // required, and the gate denies for want of it.
    let sbomRequired = false
    try {
      const sbom = await generate(root, { format: 'cyclonedx-json', timestamp: now.toISOString() })
      const doc = sbom.documents[0]
      if (sbom.sources.length > 0 && doc) {
        sbomBytes = Buffer.from(doc.text)
        sbomRequired = true
        report({
          name: 'sbom',
          status: 'ok',
          summary: `${sbom.sources.map(s => s.file).join(', ')} → ${doc.graph.components.length} component(s)`,
          evidence: [write('sbom.cdx.json', sbomBytes)]
        })
      } else
        report({ name: 'sbom', status: 'skipped', summary: 'no lockfiles found', evidence: [] })
    } catch (err) {
      if (!(err instanceof SecurePipelineError)) throw err
      sbomRequired = true
      report({ name: 'sbom', status: 'error', summary: err.describe(), evidence: [] })
    }

    // 3. sign the SBOM (or, without one, the secret-scan report) and attest SLSA provenance
    //    with an ephemeral key; no transparency log, nothing leaves the machine.
    const subjectName = sbomBytes ? 'sbom.cdx.json' : 'secrets.json'
    const subject = sbomBytes ?? Buffer.from(toJsonReport(scan))
    const digest = sha256hex(subject)
    const { privateKey, publicKey } = generateKeyPair()
    const keyId = keyHint(privateKey)
    const signature = await signBlob(subject, { privateKey })
    const statement = buildStatement(
      [{ name: subjectName, digest: { sha256: digest } }],
      PREDICATE_TYPES.slsaprovenance1 ?? SLSA_V1,
      {
        buildDefinition: {
          buildType: 'https://github.com/secure-pipeline/secure-pipeline/pipeline/local/v1',
          externalParameters: { root: path.basename(root) },
          resolvedDependencies: []
        },
        runDetails: {
          builder: { id: BUILDER_ID },
          metadata: { startedOn: now.toISOString(), finishedOn: now.toISOString() }
        }
      }
    )
    const provenance = await signDSSE(Buffer.from(JSON.stringify(statement)), { privateKey })
    writeFileSync(
      path.join(signaturesDir, `${subjectName}.sigstore.json`),
      JSON.stringify(signature, null, 2)
    )
    report({
      name: 'sign',
      status: 'ok',
      summary: `${subjectName} sha256:${digest.slice(0, 12)}… signed and attested (SLSA v1) with ephemeral key ${keyId.slice(0, 12)}…`,
      evidence: [write('provenance.intoto.sigstore.json', JSON.stringify(provenance, null, 2))]
    })

    // 4. verify both against the public key
    const verifyOne = (bundleJSON: unknown, predicateType?: string): VerifyResult => {
      const parsed = parseSignatureMaterial(
        JSON.stringify(bundleJSON),
        subjectName,
        Buffer.from(digest, 'hex')
      )
      return verifyBundle(
        parsed.bundle,
        { data: subject },
        { publicKey, predicateType, dsseOnly: predicateType !== undefined }
      )
    }
    const results = [
      verificationEvidence(verifyOne(signature), subjectName, now),
      verificationEvidence(verifyOne(provenance, statement.predicateType), subjectName, now)
    ]
    report({
      name: 'verify',
      status: 'ok',
      summary: 'signature and provenance verified',
      evidence: [write('verify.json', JSON.stringify(results, null, 2))]
    })

    // 5. manifest policy check (built-in Pod Security Standards baseline + best practices)
    const manifests = (options.manifests ?? MANIFEST_DIRS).filter(m =>
      existsSync(path.join(root, m))
    )
    let policyRan = false
    if (manifests.length > 0) {
      const run = runPolicyCheck({
        paths: manifests,
        builtins: ['pss-baseline', 'best-practices'],
        cwd: root,
        env
      })
      policyRan = true
      report({
        name: 'policy check',
        status: run.totals.failures > 0 ? 'findings' : 'ok',
        summary: `${manifests.join(', ')}: ${run.totals.failures} failure(s), ${run.totals.warnings} warning(s)`,
        evidence: [write('policy.json', formatResults(run.results, 'json'))]
      })
    } else
      report({
        name: 'policy check',
        status: 'skipped',
        summary: `no manifests (looked for ${MANIFEST_DIRS.join(', ')})`,
        evidence: []
      })

    // 6. deploy gate over everything
    const policySource = options.policy
      ? options.policy
      : defaultGatePolicy(keyId, { sbom: sbomRequired, policy: policyRan })
    const policy = options.policy
      ? loadGatePolicy(options.policy, options.cwd ?? process.cwd())
      : gatePolicyFromSource(policySource, 'embedded:default-gate.yml', root)
    const gate = runGate({
      policy,
      evidence: ['evidence'],
      environment: options.environment,
      cwd: out,
      now
    })
    report({
      name: 'deploy gate',
      status: gate.decision.allow ? 'ok' : 'findings',
      summary: `${gate.decision.allow ? 'allowed' : 'denied'}: ${gate.decision.violations.length} violation(s), ${gate.decision.warnings.length} warning(s)`,
      evidence: []
    })
    if (keep)
      writeFileSync(path.join(out, 'gate-audit.json'), `${JSON.stringify(gate.audit, null, 2)}\n`)
    return {
      stages,
      decision: gate.decision,
      audit: gate.audit,
      exitCode: gate.exitCode,
      evidenceDir,
      policySource
    }
  } finally {
    if (!keep) rmSync(out, { recursive: true, force: true })
  }
}
