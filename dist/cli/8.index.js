export const id = 8;
export const ids = [8];
export const modules = {

/***/ 27109:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ parseCommandArgs)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12501);


/**
 * `util.parseArgs` with its errors turned into UsageError (exit 2) carrying one clear message.
 */
function parseCommandArgs(argv, options, allowPositionals = true) {
    try {
        return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: [...argv], options, allowPositionals, strict: true });
    }
    catch (err) {
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(err.message.split('\n')[0]);
    }
}


/***/ }),

/***/ 67008:
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
/* harmony import */ var _secure_pipeline_secrets__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(78384);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(27109);
/**
 * `secure-pipeline secrets scan`: the secret scanner (working tree, git history, a range, or
 * staged changes) with gitleaks-compatible configuration and a baseline.
 */





const MODES = ['worktree', 'git', 'diff', 'staged'];
const FORMATS = ['text', 'json', 'sarif'];
const help = `Usage: secure-pipeline secrets scan [PATH] [options]

Finds credentials (250+ built-in rules: cloud keys, code-host and CI tokens, SaaS API keys,
private keys, JWTs, URLs with passwords, Kubernetes Secrets, generic assignments) in PATH
(default: the current directory). Works offline; secrets are redacted in every output.

Options:
      --mode MODE         worktree (default) | git (history of HEAD) | diff (--base..--head) |
                          staged (the index, for a pre-commit hook)
      --since REF         git mode: only commits after REF (REF..HEAD)
      --base REF          diff mode: the base; all zeros (a new branch) and base == head are fine
      --head REF          diff mode: the head (default HEAD)
      --config FILE       a .gitleaks.toml (default: $GITLEAKS_CONFIG, $GITLEAKS_CONFIG_TOML,
                          PATH/.gitleaks.toml, else the built-in rules)
      --baseline FILE     hide findings recorded in FILE (our baseline, or a gitleaks JSON report;
                          --baseline-path as in gitleaks); unused entries are listed
      --write-baseline FILE  write the findings (including baselined ones) as a new baseline
      --gitleaks-ignore FILE  fingerprints to ignore (default PATH/.gitleaksignore)
      --exclude PATTERN   gitignore-style pattern to skip (repeatable)
      --max-file-size N   skip files larger than N bytes (default 10485760)
      --workers N         worker threads for the working tree (default: CPU count; 0 = none)
      --format FORMAT     text (default) | json | sarif
      --output FILE       write the report to FILE instead of stdout
      --no-redact         show secrets in full (json/text only; never in SARIF)

Inline suppression: a line containing "gitleaks:allow" or "secure-pipeline:allow".

Exit codes: 0 no secrets, 1 secrets found, 2 usage, configuration or git error.
`;
const scan = {
    path: ['secrets', 'scan'],
    summary: 'find secrets in files, git history or a commit range (gitleaks-compatible config)',
    help,
    async run(io) {
        const { values, positionals } = (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .parseCommandArgs */ .Q)(io.argv, {
            mode: { type: 'string' },
            since: { type: 'string' },
            base: { type: 'string' },
            head: { type: 'string' },
            config: { type: 'string' },
            baseline: { type: 'string' },
            'baseline-path': { type: 'string' },
            'write-baseline': { type: 'string' },
            'gitleaks-ignore': { type: 'string' },
            exclude: { type: 'string', multiple: true },
            'max-file-size': { type: 'string' },
            workers: { type: 'string' },
            format: { type: 'string', short: 'f' },
            output: { type: 'string', short: 'o' },
            'no-redact': { type: 'boolean' }
        });
        if (positionals.length > 1)
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb('secrets scan takes at most one PATH');
        const root = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(io.cwd, positionals[0] ?? '.');
        const mode = (values.mode ?? (values.base !== undefined ? 'diff' : 'worktree'));
        if (!MODES.includes(mode))
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`--mode must be one of ${MODES.join(', ')}`);
        const format = values.format ?? 'text';
        if (!FORMATS.includes(format))
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`--format must be one of ${FORMATS.join(', ')}`);
        const num = (v, name) => {
            if (v === undefined)
                return undefined;
            const n = Number(v);
            if (!Number.isInteger(n) || n < 0)
                throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${name} must be a non-negative integer`);
            return n;
        };
        if (values.baseline !== undefined && values['baseline-path'] !== undefined)
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb('give --baseline or --baseline-path, not both');
        const baselineFile = values.baseline ?? values['baseline-path'];
        const config = (0,_secure_pipeline_secrets__WEBPACK_IMPORTED_MODULE_3__/* .loadConfig */ .Z9)(root, values.config ? node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(io.cwd, values.config) : undefined, io.env);
        const outcome = await (0,_secure_pipeline_secrets__WEBPACK_IMPORTED_MODULE_3__/* .scanSecrets */ .LV)({
            root,
            mode,
            since: values.since,
            base: values.base,
            head: values.head,
            scanConfig: config,
            baseline: baselineFile ? node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(io.cwd, baselineFile) : undefined,
            gitleaksIgnore: values['gitleaks-ignore']
                ? node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(io.cwd, values['gitleaks-ignore'])
                : undefined,
            exclude: values.exclude,
            maxFileSize: num(values['max-file-size'], '--max-file-size'),
            workers: num(values.workers, '--workers'),
            env: io.env
        });
        const redact = !values['no-redact'];
        let report;
        if (format === 'json')
            report = (0,_secure_pipeline_secrets__WEBPACK_IMPORTED_MODULE_3__/* .toJsonReport */ .Ow)(outcome, redact);
        else if (format === 'sarif')
            report = JSON.stringify((0,_secure_pipeline_secrets__WEBPACK_IMPORTED_MODULE_3__/* .toSarifReport */ .zi)(outcome, config.rules), null, 2) + '\n';
        else
            report = (0,_secure_pipeline_secrets__WEBPACK_IMPORTED_MODULE_3__/* .toTextReport */ .t_)(outcome, redact);
        if (values.output) {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(io.cwd, values.output), report);
            io.stderr((0,_secure_pipeline_secrets__WEBPACK_IMPORTED_MODULE_3__/* .summaryLines */ .k)(outcome).join('\n') + '\n');
        }
        else
            io.stdout(report);
        if (values['write-baseline']) {
            _secure_pipeline_secrets__WEBPACK_IMPORTED_MODULE_3__/* .Baseline */ .q5.write(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(io.cwd, values['write-baseline']), [
                ...outcome.findings,
                ...outcome.baselined
            ]);
            io.stderr(`wrote baseline ${values['write-baseline']} (${outcome.findings.length + outcome.baselined.length} entries)\n`);
        }
        return outcome.findings.length > 0 ? 1 : 0;
    }
};
const commands = [scan];


/***/ })

};
