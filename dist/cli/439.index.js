export const id = 439;
export const ids = [439];
export const modules = {

/***/ 7439:
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
/* harmony import */ var _secure_pipeline_policy__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2082);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(27109);
/**
 * `secure-pipeline policy test`: conftest-compatible checks of Kubernetes manifests (and any YAML/
 * JSON) against Rego policies and the built-in policy sets.
 */





const help = `Usage: secure-pipeline policy test PATH... [options]

Checks YAML/JSON files (directories recursively; Helm charts via "helm template" and Kustomize
directories via "kubectl kustomize" when on PATH) against Rego policies, with conftest's rules:
deny/violation/warn[_suffix] rules, string or {msg, ...metadata} messages, exception[rules].

Options:
  -p, --policy DIR        policy directory or .rego file (repeatable; default ./policy unless
                          --builtin is given)
      --builtin NAME      built-in policy set (repeatable): ${_secure_pipeline_policy__WEBPACK_IMPORTED_MODULE_3__/* .BUILTIN_SET_NAMES */ .A$.join(', ')}
  -n, --namespace NS      namespace to evaluate (repeatable, globs allowed; default main)
      --all-namespaces    evaluate every package of the policies
  -d, --data PATH         data file or directory (.json/.yaml/.yml, repeatable); built-in sets are
                          configured under data.secure_pipeline
  -o, --format FORMAT     ${_secure_pipeline_policy__WEBPACK_IMPORTED_MODULE_3__/* .OUTPUT_FORMATS */ .DS.join('|')} (default text)
      --output FILE       write the report to FILE instead of stdout
      --fail-on-warn      exit 1 on warnings, and 2 on failures (as conftest)
      --combine           evaluate all documents together as one input named "Combined"
      --no-fail           exit 0 whatever the results (input and policy errors still exit 2)
      --pss-version V     Pod Security Standards version for the built-in sets: latest (default)
                          or v1.N, as pod-security.kubernetes.io/enforce-version

Built-in sets:
${_secure_pipeline_policy__WEBPACK_IMPORTED_MODULE_3__/* .BUILTIN_SET_NAMES */ .A$.map(n => `  ${n.padEnd(16)} ${_secure_pipeline_policy__WEBPACK_IMPORTED_MODULE_3__/* .BUILTIN_SETS */ .Y5[n].description}`).join('\n')}

Exit codes: 0 no failures (or --no-fail), 1 failures (or warnings with --fail-on-warn), 2
failures with --fail-on-warn, and 2 for a usage, policy or input error (message with file and
line).
`;
const policyTest = {
    path: ['policy', 'test'],
    summary: 'check manifests against Rego policies and built-in Pod Security Standards (conftest-compatible)',
    help,
    run(io) {
        const { values, positionals } = (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .parseCommandArgs */ .Q)(io.argv, {
            policy: { type: 'string', short: 'p', multiple: true },
            builtin: { type: 'string', multiple: true },
            namespace: { type: 'string', short: 'n', multiple: true },
            'all-namespaces': { type: 'boolean' },
            data: { type: 'string', short: 'd', multiple: true },
            format: { type: 'string', short: 'o' },
            output: { type: 'string' },
            'fail-on-warn': { type: 'boolean' },
            combine: { type: 'boolean' },
            'no-fail': { type: 'boolean' },
            'pss-version': { type: 'string' }
        });
        const format = (values.format ?? 'text');
        if (!_secure_pipeline_policy__WEBPACK_IMPORTED_MODULE_3__/* .OUTPUT_FORMATS */ .DS.includes(format)) {
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`unknown format "${values.format}" (expected ${_secure_pipeline_policy__WEBPACK_IMPORTED_MODULE_3__/* .OUTPUT_FORMATS */ .DS.join(', ')})`);
        }
        if (positionals.length === 0)
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb('no input paths: secure-pipeline policy test PATH... (see --help)');
        const run = (0,_secure_pipeline_policy__WEBPACK_IMPORTED_MODULE_3__/* .runPolicyCheck */ .ov)({
            paths: positionals,
            policyDirs: values.policy,
            builtins: values.builtin,
            namespaces: values.namespace,
            allNamespaces: values['all-namespaces'],
            dataPaths: values.data,
            combine: values.combine,
            failOnWarn: values['fail-on-warn'],
            noFail: values['no-fail'],
            pssVersion: values['pss-version'],
            cwd: io.cwd,
            env: io.env,
            onNotice: m => io.stderr(`notice: ${m}\n`)
        });
        const report = (0,_secure_pipeline_policy__WEBPACK_IMPORTED_MODULE_3__/* .formatResults */ .ew)(run.results, format);
        if (values.output)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(io.cwd, values.output), report);
        else
            io.stdout(report);
        return Promise.resolve(run.exitCode);
    }
};
const commands = [policyTest];


/***/ })

};
