/**
 * The deploy gate: one policy (declarative YAML compiled to Rego, or user Rego) over all the
 * evidence → allow or deny, plus an audit record. It fails closed: missing evidence is a
 * violation, and any evaluation error is a deny.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { InputError, Redactor, TOOL_NAME, VERSION, describeError } from '@secure-pipeline/core'
import { compile, type EvalCallOptions, type Policy, type RegoModule } from '@secure-pipeline/rego'
import { BUILTIN_PACKAGE, compileRules, windowStates } from './compile.js'
import { looksDeclarative, parseDeclarativePolicy, type GateRules } from './config.js'
import { buildInput, expandEvidence, loadEvidenceFile, type LoadedEvidence } from './evidence.js'
import { SEVERITY_RANK, type Decision, type GateInput, type Violation } from './model.js'

export const USER_PACKAGE = 'gate'
export const AUDIT_SCHEMA = 'https://secure-pipeline.dev/gate/audit/v1'

/** A compiled policy for one environment: evaluates inputs. */
export interface GateEvaluator {
  /** The Rego modules evaluated (generated and user). */
  readonly modules: RegoModule[]
  /** Adds what the policy's own configuration contributes to the input (freeze windows). */
  prepare(input: GateInput): GateInput
  evaluate(input: GateInput): { allow: boolean; violations: Violation[]; warnings: Violation[] }
}

export interface GatePolicy {
  path: string
  kind: 'declarative' | 'rego'
  sha256: string
  /** Declarative policies: the environments they list. */
  environments: string[]
  forEnvironment(environment: string | null): GateEvaluator
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

function readText(file: string, display: string): Buffer {
  try {
    return readFileSync(file)
  } catch (err) {
    throw new InputError(
      'GATE_POLICY_UNREADABLE',
      `cannot read policy: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      {
        position: { file: display }
      }
    )
  }
}

function regoFiles(abs: string, display: string): RegoModule[] {
  let st
  try {
    st = statSync(abs)
  } catch {
    throw new InputError('GATE_POLICY_UNREADABLE', 'cannot read policy: ENOENT', {
      position: { file: display }
    })
  }
  if (!st.isDirectory()) return [{ path: display, source: readText(abs, display).toString('utf8') }]
  const out: RegoModule[] = []
  for (const entry of readdirSync(abs, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name)
  )) {
    const child = path.join(abs, entry.name)
    const shown = path.join(display, entry.name).split(path.sep).join('/')
    if (entry.isDirectory()) out.push(...regoFiles(child, shown))
    else if (entry.name.endsWith('.rego') && !entry.name.endsWith('_test.rego'))
      out.push({ path: shown, source: readFileSync(child, 'utf8') })
  }
  return out
}

function toViolation(v: unknown): Violation {
  if (typeof v === 'string') return { msg: v }
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const o = v as Record<string, unknown>
    return { ...o, msg: typeof o.msg === 'string' ? o.msg : JSON.stringify(o.msg ?? o) }
  }
  return { msg: JSON.stringify(typeof v === 'bigint' ? v.toString() : v) }
}

function asList(value: unknown, rule: string): unknown[] {
  if (value === undefined) return []
  if (!Array.isArray(value))
    throw new Error(`rule ${rule} must be a set or an array of messages, got ${typeof value}`)
  return value as unknown[]
}

function byMessage(a: Violation, b: Violation): number {
  return (a.id ?? '').localeCompare(b.id ?? '') || a.msg.localeCompare(b.msg)
}

/**
 * The values of several set rules (always defined, possibly empty) in one query, so the input is
 * converted once. No result at all is an error (the caller denies).
 */
function evalSets(
  compiled: Policy,
  refs: string[],
  input: GateInput,
  allowUndefined = false
): unknown[] {
  if (refs.length === 0) return []
  const opts = evalOptions(input)
  const results = compiled.query(refs.map((r, i) => `x${i} := ${r}`).join('; '), opts)
  if (results.length === 1) return refs.map((_, i) => results[0].bindings[`x${i}`])
  if (!allowUndefined)
    throw new Error(`expected one result for ${refs.join(', ')}, got ${results.length}`)
  // A user's complete deny/warn rule may be undefined (no messages): one rule at a time.
  return refs.map(r => compiled.query(`x := ${r}`, opts)[0]?.bindings.x)
}

/**
 * Strict builtin errors, and the gate's evaluation time as `time.now_ns()`, so a user policy that
 * reads the clock is as replayable (`--now`) as one that reads `input.now`.
 */
function evalOptions(input: GateInput): EvalCallOptions {
  return { input, strictBuiltinErrors: true, now: new Date(input.now) }
}

function failClosed(err: unknown): {
  allow: false
  violations: Violation[]
  warnings: Violation[]
} {
  return {
    allow: false,
    violations: [
      {
        id: 'gate/evaluation-error',
        msg: `policy evaluation failed, denying: ${describeError(err)}`
      }
    ],
    warnings: []
  }
}

function compileModules(modules: RegoModule[]): Policy {
  // RegoError is an InputError with file and line: a policy that does not compile is exit 2.
  return compile(modules)
}

function declarativeEvaluator(rules: GateRules, userModules: RegoModule[]): GateEvaluator {
  const generated: RegoModule = {
    path: `${BUILTIN_PACKAGE.replace('.', '/')}.rego`,
    source: compileRules(rules, userModules.length > 0)
  }
  const modules = [generated, ...userModules]
  const compiled = compileModules(modules)
  return {
    modules,
    prepare(input) {
      return { ...input, windows: windowStates(rules, Date.parse(input.now)) }
    },
    evaluate(input) {
      try {
        // One query for both rules: the input is converted to Rego values once.
        const [deny, warn] = evalSets(
          compiled,
          [`data.${BUILTIN_PACKAGE}.deny`, `data.${BUILTIN_PACKAGE}.warn`],
          input
        )
        const violations = asList(deny, 'deny').map(toViolation)
        const warnings = asList(warn, 'warn').map(toViolation)
        return {
          allow: violations.length === 0,
          violations: violations.sort(byMessage),
          warnings: warnings.sort(byMessage)
        }
      } catch (err) {
        return failClosed(err)
      }
    }
  }
}

const DENY_RULE = /^(deny|violation)(_[A-Za-z0-9_]+)?$/
const WARN_RULE = /^warn(_[A-Za-z0-9_]+)?$/

function regoEvaluator(modules: RegoModule[], display: string): GateEvaluator {
  const compiled = compileModules(modules)
  if (!compiled.packages().includes(USER_PACKAGE))
    throw new InputError(
      'GATE_POLICY_INVALID',
      `no module declares "package ${USER_PACKAGE}" (found: ${compiled.packages().join(', ') || 'none'})`,
      {
        position: { file: display }
      }
    )
  const rules = compiled.rules(USER_PACKAGE)
  const denyRules = rules.filter(r => DENY_RULE.test(r))
  const warnRules = rules.filter(r => WARN_RULE.test(r))
  const hasAllow = rules.includes('allow')
  if (denyRules.length === 0 && !hasAllow)
    throw new InputError(
      'GATE_POLICY_INVALID',
      `package ${USER_PACKAGE} defines neither deny/violation rules nor allow: it could never deny`,
      {
        position: { file: display }
      }
    )
  return {
    modules,
    prepare: input => input,
    evaluate(input) {
      try {
        const opts = evalOptions(input)
        const values = evalSets(
          compiled,
          [...denyRules, ...warnRules].map(r => `data.${USER_PACKAGE}.${r}`),
          input,
          true
        )
        const violations = denyRules.flatMap((r, i) => asList(values[i], r).map(toViolation))
        const warnings = warnRules.flatMap((r, i) =>
          asList(values[denyRules.length + i], r).map(toViolation)
        )
        if (hasAllow) {
          const allow = compiled.evalRule(USER_PACKAGE, 'allow', opts)
          if (allow !== true)
            violations.push({
              id: 'gate/allow',
              msg: `data.${USER_PACKAGE}.allow is ${allow === undefined ? 'undefined' : JSON.stringify(allow)}, not true`
            })
        }
        return {
          allow: violations.length === 0,
          violations: violations.sort(byMessage),
          warnings: warnings.sort(byMessage)
        }
      } catch (err) {
        return failClosed(err)
      }
    }
  }
}

/**
 * Loads a policy: a `.rego` file or a directory of them (user Rego, `package gate`), or a
 * declarative YAML gate policy. Throws InputError (exit 2) for anything that does not parse or
 * compile.
 */
export function loadGatePolicy(policyPath: string, cwd: string): GatePolicy {
  const abs = path.resolve(cwd, policyPath)
  const display = policyPath
  let isDir = false
  try {
    isDir = statSync(abs).isDirectory()
  } catch {
    /* readText reports it */
  }
  if (isDir || policyPath.endsWith('.rego')) {
    const modules = regoFiles(abs, display)
    if (modules.length === 0)
      throw new InputError('GATE_POLICY_INVALID', 'no .rego files in the policy directory', {
        position: { file: display }
      })
    const digest = sha256(modules.map(m => `${m.path}\0${sha256(m.source)}\n`).join(''))
    const evaluator = regoEvaluator(modules, display)
    return {
      path: display,
      kind: 'rego',
      sha256: digest,
      environments: [],
      forEnvironment: () => evaluator
    }
  }
  return gatePolicyFromSource(readText(abs, display), display, path.dirname(abs))
}

/**
 * A policy from its text (declarative YAML or one Rego module): `display` names it in errors and
 * the audit record; `rego:` includes of a declarative policy resolve against `baseDir`.
 */
export function gatePolicyFromSource(
  source: string | Buffer,
  display: string,
  baseDir: string
): GatePolicy {
  const bytes = Buffer.isBuffer(source) ? source : Buffer.from(source, 'utf8')
  const text = bytes.toString('utf8')
  if (!looksDeclarative(text)) {
    const evaluator = regoEvaluator([{ path: display, source: text }], display)
    return {
      path: display,
      kind: 'rego',
      sha256: sha256(bytes),
      environments: [],
      forEnvironment: () => evaluator
    }
  }
  const policy = parseDeclarativePolicy(text, display)
  const displayDir = path.dirname(display)
  const userModules = policy.rego.flatMap(p =>
    regoFiles(path.resolve(baseDir, p), path.join(displayDir, p).split(path.sep).join('/'))
  )
  const digest = sha256(
    Buffer.concat([bytes, ...userModules.map(m => Buffer.from(`\0${m.path}\0${m.source}`))])
  )
  const cache = new Map<string, GateEvaluator>()
  return {
    path: display,
    kind: 'declarative',
    sha256: digest,
    environments: policy.environments,
    forEnvironment(environment) {
      const key = environment ?? '\0'
      let e = cache.get(key)
      if (!e) {
        e = declarativeEvaluator(policy.rules(environment), userModules)
        cache.set(key, e)
      }
      return e
    }
  }
}

export interface GateOptions {
  /** Policy path (relative to cwd), or an already loaded policy. */
  policy: string | GatePolicy
  /** Evidence paths (files or directories), each optionally `kind:path`. */
  evidence: readonly string[]
  environment?: string
  cwd: string
  /** Evaluation time (default: the clock). */
  now?: Date
  /** Extra audit context, e.g. repository, run id, actor (never secrets). */
  context?: Record<string, string>
}

export interface AuditRecord {
  schema: string
  time: string
  environment: string | null
  decision: { allow: boolean; violations: Violation[]; warnings: Violation[] }
  policy: { path: string; kind: string; sha256: string; rego_sha256: string[] }
  evidence: {
    path: string
    kind: string
    format: string
    sha256: string
    timestamp: string | null
    age_seconds: number | null
  }[]
  inputs: Record<string, unknown>
  context: Record<string, string>
  engine: { name: string; version: string }
}

export interface GateResult {
  decision: Decision
  audit: AuditRecord
  input: GateInput
  /** Every value known to be secret (from unredacted scan results); outputs are passed through it. */
  redactor: Redactor
  exitCode: 0 | 1
}

function inputsSummary(input: GateInput): Record<string, unknown> {
  const bySeverity = (list: { severity: string }[]): Record<string, number> => {
    const out: Record<string, number> = {}
    for (const s of Object.keys(SEVERITY_RANK)) out[s] = 0
    for (const x of list) out[x.severity] = (out[x.severity] ?? 0) + 1
    return out
  }
  return {
    secret_findings: input.secret_scan.present ? bySeverity(input.secret_scan.findings) : null,
    sbom_components: input.sbom.present ? input.sbom.components.length : null,
    policy_failures: input.policy_check.present ? input.policy_check.failures.length : null,
    policy_warnings: input.policy_check.present ? input.policy_check.warnings.length : null,
    vulnerabilities: input.vulnerability_scan.present
      ? bySeverity(input.vulnerability_scan.vulnerabilities)
      : null,
    // Vulnerabilities a VEX statement set aside: id, package, status and which document said so.
    vulnerabilities_suppressed: input.vulnerability_scan.suppressed.map(v => ({
      id: v.id,
      package: v.package,
      status: v.status,
      vex: v.vex
    })),
    verifications: input.verifications.map(v => ({
      subject: v.subject,
      verified: v.verified,
      digest: v.digest,
      identity: v.identity,
      issuer: v.issuer,
      predicate_type: v.predicate_type
    })),
    provenance: input.provenance.map(p => ({
      builder_id: p.builder_id,
      predicate_type: p.predicate_type,
      subjects: p.subjects.length,
      source: p.source
    })),
    artifact_digests: input.artifact.digests,
    approvers: [...new Set(input.approvals.map(a => a.user))].sort(),
    deployer: input.deployer,
    // Fact values are free-form and may be sensitive: only their names are recorded.
    fact_keys: Object.keys(input.facts).sort(),
    break_glass: input.break_glass,
    active_freeze_windows: Object.entries(input.windows)
      .filter(([, w]) => w.active)
      .map(([n]) => n)
  }
}

/** Deep-copies a JSON value with every string passed through the redactor. */
function redactDeep<T>(value: T, redactor: Redactor): T {
  if (redactor.size === 0) return value
  return JSON.parse(redactor.redact(JSON.stringify(value))) as T
}

/** Loads the evidence (no policy involved): useful on its own to inspect the input document. */
export function loadEvidence(
  evidence: readonly string[],
  cwd: string,
  redactor = new Redactor()
): LoadedEvidence[] {
  return expandEvidence(evidence, cwd).map(spec => loadEvidenceFile(spec, cwd, redactor))
}

/** Evaluates the gate: policy + evidence → decision and audit record. */
export function runGate(options: GateOptions): GateResult {
  const now = options.now ?? new Date()
  const nowMs = now.getTime()
  if (Number.isNaN(nowMs))
    throw new InputError('GATE_TIME_INVALID', 'the evaluation time is not a valid date')
  const policy =
    typeof options.policy === 'string'
      ? loadGatePolicy(options.policy, options.cwd)
      : options.policy
  const environment = options.environment ?? null
  const redactor = new Redactor()
  const loaded = loadEvidence(options.evidence, options.cwd, redactor)
  const evaluator = policy.forEnvironment(environment)
  const input = evaluator.prepare(buildInput(loaded, nowMs, environment))
  const result = evaluator.evaluate(input)
  const violations = redactDeep(result.violations, redactor)
  const warnings = redactDeep(result.warnings, redactor)
  const decision: Decision = {
    allow: result.allow,
    violations,
    warnings,
    environment,
    evaluated_at: input.now,
    policy: { path: policy.path, kind: policy.kind, sha256: policy.sha256 },
    evidence: input.evidence.map(e => ({ kind: e.kind, path: e.path, sha256: e.sha256 }))
  }
  if (
    result.allow &&
    input.break_glass &&
    warnings.some(w => w.msg.startsWith('overridden by break-glass'))
  )
    decision.break_glass = input.break_glass
  const audit: AuditRecord = redactDeep(
    {
      schema: AUDIT_SCHEMA,
      time: input.now,
      environment,
      decision: { allow: result.allow, violations, warnings },
      policy: {
        path: policy.path,
        kind: policy.kind,
        sha256: policy.sha256,
        rego_sha256: evaluator.modules.map(m => sha256(m.source))
      },
      evidence: input.evidence.map(e => ({
        path: e.path,
        kind: e.kind,
        format: e.format,
        sha256: e.sha256,
        timestamp: e.timestamp,
        age_seconds: e.age_seconds
      })),
      inputs: inputsSummary(input),
      context: { ...(options.context ?? {}) },
      engine: { name: `${TOOL_NAME} gate`, version: VERSION }
    },
    redactor
  )
  return { decision, audit, input, redactor, exitCode: result.allow ? 0 : 1 }
}
