export const id = 229;
export const ids = [229];
export const modules = {

/***/ 83229:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commands: () => (/* binding */ commands)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 9 modules
var src = __webpack_require__(12501);
// EXTERNAL MODULE: ./packages/gate/src/index.ts + 11 modules
var gate_src = __webpack_require__(81982);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./packages/policy/src/index.ts + 8 modules
var policy_src = __webpack_require__(2082);
// EXTERNAL MODULE: ./packages/sbom/src/index.ts + 6 modules
var sbom_src = __webpack_require__(42916);
// EXTERNAL MODULE: ./packages/secrets/src/index.ts + 15 modules
var secrets_src = __webpack_require__(78384);
// EXTERNAL MODULE: ./packages/sigstore/src/index.ts + 23 modules
var sigstore_src = __webpack_require__(76866);
;// CONCATENATED MODULE: ./packages/pipeline/src/pipeline.ts
/**
 * `secure-pipeline pipeline`: secret scan → SBOM → sign + SLSA provenance with an ephemeral key →
 * verify → manifest policy check → deploy gate, on a local directory, through the engines' public
 * APIs. Nothing is downloaded and nothing leaves the machine (the key never touches the disk and
 * no transparency log is written). The first thing a new user runs.
 */










/** Directories looked at for Kubernetes manifests when none are given. */
const MANIFEST_DIRS = [
    'k8s',
    'kubernetes',
    'manifests',
    'deploy',
    'deployment',
    'helm',
    'charts'
];
const SLSA_V1 = 'https://slsa.dev/provenance/v1';
const BUILDER_ID = 'https://github.com/secure-pipeline/secure-pipeline/pipeline@local';
/** The embedded gate policy for the stages that ran: every one of them must pass. */
function defaultGatePolicy(keyId, stages) {
    const lines = [
        '# secure-pipeline pipeline: the embedded default gate policy.',
        'require:',
        '  signature:',
        `    identity: ${JSON.stringify(`key ${keyId}`)}`,
        '  attestations: [slsaprovenance1]',
        '  provenance:',
        `    builder-id: ${JSON.stringify(BUILDER_ID)}`,
        '  secret-scan: true'
    ];
    if (stages.sbom)
        lines.push('  sbom: true');
    lines.push('deny-on:', '  secrets: any');
    if (stages.policy)
        lines.push('  policy-failures: high');
    // Everything this run produced carries its time, except the conftest-style policy results.
    lines.push('max-age:', '  secret-scan: 1h', '  verification: 1h', '  provenance: 1h');
    if (stages.sbom)
        lines.push('  sbom: 1h');
    return `${lines.join('\n')}\n`;
}
function sha256hex(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
}
function verificationEvidence(r, subject, now) {
    return {
        subject,
        verified: true,
        digest: r.digest,
        signer: r.signer,
        predicateType: r.statement?.predicateType,
        timestamp: now.toISOString()
    };
}
/** The scan's JSON report with the time it finished, so the gate can judge its age. */
function secretsEvidence(report, now) {
    const doc = JSON.parse(report);
    doc.stats = { ...(doc.stats ?? {}), finishedAt: now.toISOString() };
    return `${JSON.stringify(doc, null, 2)}\n`;
}
async function runPipeline(options) {
    const root = external_node_path_default().resolve(options.cwd ?? process.cwd(), options.root);
    try {
        if (!(0,external_node_fs_.statSync)(root).isDirectory())
            throw new Error('not a directory');
    }
    catch {
        throw new src/* InputError */.dz('PIPELINE_ROOT', 'not a directory', { position: { file: options.root } });
    }
    const now = options.now ?? new Date();
    const env = options.env ?? {};
    const keep = options.outputDir !== undefined;
    const out = keep
        ? external_node_path_default().resolve(options.cwd ?? process.cwd(), options.outputDir)
        : (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(external_node_os_default().tmpdir(), 'secure-pipeline-'));
    const evidenceDir = external_node_path_default().join(out, 'evidence');
    const signaturesDir = external_node_path_default().join(out, 'signatures');
    (0,external_node_fs_.mkdirSync)(evidenceDir, { recursive: true });
    (0,external_node_fs_.mkdirSync)(signaturesDir, { recursive: true });
    const stages = [];
    const report = (s) => {
        stages.push(s);
        options.onStage?.(s);
    };
    const write = (name, text) => {
        (0,external_node_fs_.writeFileSync)(external_node_path_default().join(evidenceDir, name), text);
        return name;
    };
    try {
        // 1. secret scan (working tree; secrets are redacted in the evidence)
        const scan = await (0,secrets_src/* scanSecrets */.LV)({
            root,
            mode: 'worktree',
            env,
            exclude: keep && out.startsWith(root + (external_node_path_default()).sep) ? [external_node_path_default().relative(root, out) + '/'] : []
        });
        const n = scan.findings.length;
        report({
            name: 'secret scan',
            status: n > 0 ? 'findings' : 'ok',
            summary: `${scan.stats.files} files, ${n} secret(s) found`,
            evidence: [write('secrets.json', secretsEvidence((0,secrets_src/* toJsonReport */.Ow)(scan), now))]
        });
        // 2. SBOM (CycloneDX 1.6; the subject that gets signed)
        let sbomBytes;
        // A lockfile that cannot be read does not stop the run: the stage fails, the SBOM stays
        // required, and the gate denies for want of it.
        let sbomRequired = false;
        try {
            const sbom = await (0,sbom_src.generate)(root, { format: 'cyclonedx-json', timestamp: now.toISOString() });
            const doc = sbom.documents[0];
            if (sbom.sources.length > 0 && doc) {
                sbomBytes = Buffer.from(doc.text);
                sbomRequired = true;
                report({
                    name: 'sbom',
                    status: 'ok',
                    summary: `${sbom.sources.map(s => s.file).join(', ')} → ${doc.graph.components.length} component(s)`,
                    evidence: [write('sbom.cdx.json', sbomBytes)]
                });
            }
            else
                report({ name: 'sbom', status: 'skipped', summary: 'no lockfiles found', evidence: [] });
        }
        catch (err) {
            if (!(err instanceof src/* SecurePipelineError */.Eh))
                throw err;
            sbomRequired = true;
            report({ name: 'sbom', status: 'error', summary: err.describe(), evidence: [] });
        }
        // 3. sign the SBOM (or, without one, the secret-scan report) and attest SLSA provenance
        //    with an ephemeral key; no transparency log, nothing leaves the machine.
        const subjectName = sbomBytes ? 'sbom.cdx.json' : 'secrets.json';
        const subject = sbomBytes ?? Buffer.from((0,secrets_src/* toJsonReport */.Ow)(scan));
        const digest = sha256hex(subject);
        const { privateKey, publicKey } = (0,sigstore_src/* generateKeyPair */.TZ)();
        const keyId = (0,sigstore_src/* keyHint */.p4)(privateKey);
        const signature = await (0,sigstore_src/* signBlob */.Pk)(subject, { privateKey });
        const statement = (0,sigstore_src/* buildStatement */.Y5)([{ name: subjectName, digest: { sha256: digest } }], sigstore_src/* PREDICATE_TYPES */.Cs.slsaprovenance1 ?? SLSA_V1, {
            buildDefinition: {
                buildType: 'https://github.com/secure-pipeline/secure-pipeline/pipeline/local/v1',
                externalParameters: { root: external_node_path_default().basename(root) },
                resolvedDependencies: []
            },
            runDetails: {
                builder: { id: BUILDER_ID },
                metadata: { startedOn: now.toISOString(), finishedOn: now.toISOString() }
            }
        });
        const provenance = await (0,sigstore_src/* signDSSE */.R8)(Buffer.from(JSON.stringify(statement)), { privateKey });
        (0,external_node_fs_.writeFileSync)(external_node_path_default().join(signaturesDir, `${subjectName}.sigstore.json`), JSON.stringify(signature, null, 2));
        report({
            name: 'sign',
            status: 'ok',
            summary: `${subjectName} sha256:${digest.slice(0, 12)}… signed and attested (SLSA v1) with ephemeral key ${keyId.slice(0, 12)}…`,
            evidence: [write('provenance.intoto.sigstore.json', JSON.stringify(provenance, null, 2))]
        });
        // 4. verify both against the public key
        const verifyOne = (bundleJSON, predicateType) => {
            const parsed = (0,sigstore_src/* parseSignatureMaterial */.bG)(JSON.stringify(bundleJSON), subjectName, Buffer.from(digest, 'hex'));
            return (0,sigstore_src/* verifyBundle */.IF)(parsed.bundle, { data: subject }, { publicKey, predicateType, dsseOnly: predicateType !== undefined });
        };
        const results = [
            verificationEvidence(verifyOne(signature), subjectName, now),
            verificationEvidence(verifyOne(provenance, statement.predicateType), subjectName, now)
        ];
        report({
            name: 'verify',
            status: 'ok',
            summary: 'signature and provenance verified',
            evidence: [write('verify.json', JSON.stringify(results, null, 2))]
        });
        // 5. manifest policy check (built-in Pod Security Standards baseline + best practices)
        const manifests = (options.manifests ?? MANIFEST_DIRS).filter(m => (0,external_node_fs_.existsSync)(external_node_path_default().join(root, m)));
        let policyRan = false;
        if (manifests.length > 0) {
            const run = (0,policy_src/* runPolicyCheck */.ov)({
                paths: manifests,
                builtins: ['pss-baseline', 'best-practices'],
                cwd: root,
                env
            });
            policyRan = true;
            report({
                name: 'policy check',
                status: run.totals.failures > 0 ? 'findings' : 'ok',
                summary: `${manifests.join(', ')}: ${run.totals.failures} failure(s), ${run.totals.warnings} warning(s)`,
                evidence: [write('policy.json', (0,policy_src/* formatResults */.ew)(run.results, 'json'))]
            });
        }
        else
            report({
                name: 'policy check',
                status: 'skipped',
                summary: `no manifests (looked for ${MANIFEST_DIRS.join(', ')})`,
                evidence: []
            });
        // 6. deploy gate over everything
        const policySource = options.policy
            ? options.policy
            : defaultGatePolicy(keyId, { sbom: sbomRequired, policy: policyRan });
        const policy = options.policy
            ? (0,gate_src/* loadGatePolicy */.eA)(options.policy, options.cwd ?? process.cwd())
            : (0,gate_src/* gatePolicyFromSource */.bN)(policySource, 'embedded:default-gate.yml', root);
        const gate = (0,gate_src/* runGate */.Rg)({
            policy,
            evidence: ['evidence'],
            environment: options.environment,
            cwd: out,
            now
        });
        report({
            name: 'deploy gate',
            status: gate.decision.allow ? 'ok' : 'findings',
            summary: `${gate.decision.allow ? 'allowed' : 'denied'}: ${gate.decision.violations.length} violation(s), ${gate.decision.warnings.length} warning(s)`,
            evidence: []
        });
        if (keep)
            (0,external_node_fs_.writeFileSync)(external_node_path_default().join(out, 'gate-audit.json'), `${JSON.stringify(gate.audit, null, 2)}\n`);
        return {
            stages,
            decision: gate.decision,
            audit: gate.audit,
            exitCode: gate.exitCode,
            evidenceDir,
            policySource
        };
    }
    finally {
        if (!keep)
            (0,external_node_fs_.rmSync)(out, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./packages/pipeline/src/index.ts
/** @secure-pipeline/pipeline: the whole chain locally, with an embedded default configuration. */


// EXTERNAL MODULE: ./packages/cli/src/args.ts
var args = __webpack_require__(27109);
;// CONCATENATED MODULE: ./packages/cli/src/commands/pipeline.ts
/**
 * `secure-pipeline pipeline [PATH]`: the whole chain locally with the embedded default
 * configuration and an ephemeral key — the first thing a new user runs.
 */




const help = `Usage: secure-pipeline pipeline [PATH] [--policy P] [--environment ENV] [--output-dir DIR] [--format text|json]

Runs the whole secure pipeline on PATH (default .), locally and offline:
  secret scan (working tree) → SBOM (CycloneDX 1.6) → sign the SBOM and attest SLSA provenance with
  an ephemeral key (never written to disk, no transparency log) → verify both → policy check of
  Kubernetes manifests (k8s/, kubernetes/, manifests/, deploy/, ... with the built-in Pod Security
  Standards baseline and best-practices sets) → deploy gate over all of the evidence.

The embedded gate policy requires the signature and provenance of this run, no secrets, no
high-severity policy failures, and fresh evidence. Use --policy to decide with your own gate
policy instead (e.g. .github/deploy-gate.yml).

Options:
      --policy P         gate policy (YAML or Rego) instead of the embedded default
      --environment ENV  environment for the gate policy
      --output-dir DIR   keep the evidence, signatures and audit record in DIR
  -o, --format FORMAT    text (default) or json

Exit codes: 0 allowed, 1 denied, 2 usage or input error.
`;
const MARK = {
    ok: '✓',
    findings: '✗',
    skipped: '-',
    error: '!'
};
const pipelineCommand = {
    path: ['pipeline'],
    summary: 'run the whole chain locally (scan, SBOM, sign, verify, policy, gate) with an ephemeral key',
    help,
    async run(io) {
        const { values, positionals } = (0,args/* parseCommandArgs */.Q)(io.argv, {
            policy: { type: 'string' },
            environment: { type: 'string' },
            'output-dir': { type: 'string' },
            format: { type: 'string', short: 'o' }
        });
        if (positionals.length > 1)
            throw new src/* UsageError */.eb('at most one PATH');
        const format = values.format ?? 'text';
        if (format !== 'text' && format !== 'json')
            throw new src/* UsageError */.eb(`--format must be text or json, got "${format}"`);
        const result = await runPipeline({
            root: positionals[0] ?? '.',
            cwd: io.cwd,
            env: io.env,
            policy: values.policy,
            environment: values.environment,
            outputDir: values['output-dir'],
            onStage: s => {
                if (format === 'text')
                    io.stdout(`${MARK[s.status]} ${s.name.padEnd(13)} ${s.summary}\n`);
            }
        });
        if (format === 'json')
            io.stdout(`${JSON.stringify({ stages: result.stages, decision: result.decision }, null, 2)}\n`);
        else {
            io.stdout('\n' + (0,gate_src/* formatDecisionText */.tV)(result.decision));
            if (values['output-dir'])
                io.stdout(`evidence, signatures and the audit record are in ${values['output-dir']}\n`);
        }
        return result.exitCode;
    }
};
const commands = [pipelineCommand];


/***/ })

};
