export const id = 90;
export const ids = [90];
export const modules = {

/***/ 27090:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commands: () => (/* binding */ commands)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(12501);
/* harmony import */ var _secure_pipeline_gate__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(81982);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(27109);
/**
 * `secure-pipeline gate`: one policy over all the evidence → allowed (0) or denied (1), with an
 * audit record. Bad policy or evidence is exit 2 with the file and line.
 */





const help = `Usage: secure-pipeline gate --policy P --evidence E... [--environment ENV] [--format text|json] [--audit FILE] [--vsa FILE]

Evaluates one policy over all the evidence and prints the decision
{"allow","violations":[...],"warnings":[...]}. Fails closed: missing evidence is a violation and
any evaluation error denies.

Options:
  -p, --policy P         declarative gate policy (YAML), or Rego (a .rego file or a directory;
                         package gate with deny/violation/warn rules, as conftest, and/or allow)
  -e, --evidence E       evidence file or directory (repeatable). The kind is detected from the
                         content; force it with KIND:PATH, KIND one of
                         ${_secure_pipeline_gate__WEBPACK_IMPORTED_MODULE_3__/* .EVIDENCE_KINDS */ .At.join(', ')}
      --environment ENV  target environment (selects the policy's environments.ENV section)
  -o, --format FORMAT    text (default) or json
      --audit FILE       write the audit record (policy and evidence digests, inputs summary,
                         time, environment, decision; never secrets) to FILE
      --vsa FILE         also write the decision as an (unsigned) in-toto SLSA Verification
                         Summary about the verified artifacts, ready to be signed with attest
      --now TIME         evaluate at this RFC 3339 time instead of the clock (replay, tests)
      --print-rego       print the Rego the policy compiles to (for --environment) and exit

Exit codes: 0 allowed, 1 denied, 2 usage, policy or evidence error.
`;
const gateCommand = {
    path: ['gate'],
    summary: 'deploy gate: one policy over all the evidence → allow or deny, with an audit record',
    help,
    run(io) {
        const { values, positionals } = (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .parseCommandArgs */ .Q)(io.argv, {
            policy: { type: 'string', short: 'p' },
            evidence: { type: 'string', short: 'e', multiple: true },
            environment: { type: 'string' },
            format: { type: 'string', short: 'o' },
            audit: { type: 'string' },
            vsa: { type: 'string' },
            now: { type: 'string' },
            'print-rego': { type: 'boolean' }
        }, true);
        const evidence = [...(values.evidence ?? []), ...positionals];
        if (!values.policy)
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb('--policy is required (see --help)');
        const format = values.format ?? 'text';
        if (format !== 'text' && format !== 'json')
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`--format must be text or json, got "${format}"`);
        if (values['print-rego']) {
            const policy = (0,_secure_pipeline_gate__WEBPACK_IMPORTED_MODULE_3__/* .loadGatePolicy */ .eA)(values.policy, io.cwd);
            for (const m of policy.forEnvironment(values.environment ?? null).modules)
                io.stdout(`# ${m.path}\n${m.source}\n`);
            return Promise.resolve(0);
        }
        let now;
        if (values.now !== undefined) {
            now = new Date(values.now);
            if (Number.isNaN(now.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(values.now))
                throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`--now must be an RFC 3339 time, got "${values.now}"`);
        }
        const result = (0,_secure_pipeline_gate__WEBPACK_IMPORTED_MODULE_3__/* .runGate */ .Rg)({
            policy: values.policy,
            evidence,
            environment: values.environment,
            cwd: io.cwd,
            now,
            context: (0,_secure_pipeline_gate__WEBPACK_IMPORTED_MODULE_3__/* .auditContextFromEnv */ .ge)(io.env)
        });
        if (values.audit) {
            const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(io.cwd, values.audit);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), { recursive: true });
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(file, `${JSON.stringify(result.audit, null, 2)}\n`);
        }
        if (values.vsa) {
            const vsa = (0,_secure_pipeline_gate__WEBPACK_IMPORTED_MODULE_3__/* .toVerificationSummary */ .Bq)(result.decision, result.input, _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_2__/* .VERSION */ .xv);
            if (vsa) {
                const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(io.cwd, values.vsa);
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), { recursive: true });
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(file, `${JSON.stringify(vsa, null, 2)}\n`);
            }
            else
                io.stderr('notice: no verification summary written: the evidence names no artifact digest\n');
        }
        const d = result.decision;
        if (format === 'json')
            io.stdout(`${JSON.stringify(d, null, 2)}\n`);
        else
            io.stdout((0,_secure_pipeline_gate__WEBPACK_IMPORTED_MODULE_3__/* .formatDecisionText */ .tV)(d));
        return Promise.resolve(result.exitCode);
    }
};
const commands = [gateCommand];


/***/ })

};
