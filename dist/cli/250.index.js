export const id = 250;
export const ids = [250];
export const modules = {

/***/ 20250:
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
/* harmony import */ var _secure_pipeline_rego__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(98183);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(27109);
/**
 * `secure-pipeline rego eval` (output shaped like `opa eval --format json`) and
 * `secure-pipeline rego test` (runs `test_` rules like `opa test`).
 */





const evalHelp = `Usage: secure-pipeline rego eval QUERY [options]

Evaluates a Rego query (Rego v1 syntax) against policies and data, like "opa eval".

Options:
  -d, --data PATH       .rego policy, .json/.yaml data file, or directory (repeatable)
  -i, --input FILE      input document (.json or .yaml)
  -f, --format FORMAT   json (default, as "opa eval --format json") or pretty
      --strict-builtin-errors
                        a builtin error fails the query instead of making it undefined
      --v0-compatible   accept Rego v0 syntax (deny[msg] { ... }) as OPA's flag of that name

Exit codes: 0 evaluated (also when undefined), 2 parse, compile, evaluation or usage error.
`;
const testHelp = `Usage: secure-pipeline rego test PATH... [options]

Runs every rule named test_* (like "opa test") in the .rego files under PATH, with .json/.yaml
files as data. Prints PASS/FAIL/ERROR per test and a summary; rules named todo_test_* are skipped.

Options:
  -r, --run REGEX   only run tests whose full name (data.pkg.test_x) matches REGEX
      --v0-compatible accept Rego v0 syntax

Exit codes: 0 all tests passed, 1 a test failed or errored, 2 parse/compile/usage error.
`;
function readInput(file, cwd) {
    const abs = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, file);
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(abs, 'utf8');
    }
    catch {
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`cannot read input file ${file}`);
    }
    return (0,_secure_pipeline_rego__WEBPACK_IMPORTED_MODULE_3__/* .parseDataFile */ .co)(file, text);
}
const regoEval = {
    path: ['rego', 'eval'],
    summary: 'evaluate a Rego query against policies and data (like opa eval)',
    help: evalHelp,
    run(io) {
        const { values, positionals } = (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .parseCommandArgs */ .Q)(io.argv, {
            data: { type: 'string', short: 'd', multiple: true },
            input: { type: 'string', short: 'i' },
            format: { type: 'string', short: 'f' },
            'strict-builtin-errors': { type: 'boolean' },
            'v0-compatible': { type: 'boolean' }
        });
        if (positionals.length !== 1)
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb('expected exactly one QUERY (see --help)');
        const format = values.format ?? 'json';
        if (format !== 'json' && format !== 'pretty')
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`unknown format "${format}" (expected json, pretty)`);
        const { modules, data } = (0,_secure_pipeline_rego__WEBPACK_IMPORTED_MODULE_3__/* .loadFiles */ .aY)(values.data ?? [], io.cwd);
        const input = values.input !== undefined ? readInput(values.input, io.cwd) : undefined;
        const policy = (0,_secure_pipeline_rego__WEBPACK_IMPORTED_MODULE_3__/* .compile */ .wE)(modules, { data, regoVersion: values['v0-compatible'] ? 'v0' : 'v1' });
        const results = policy.query(positionals[0], {
            input,
            strictBuiltinErrors: values['strict-builtin-errors'],
            print: msg => io.stderr(msg + '\n')
        });
        if (format === 'json') {
            const out = results.length
                ? {
                    result: results.map(r => Object.keys(r.bindings).length ? r : { expressions: r.expressions })
                }
                : {};
            io.stdout((0,_secure_pipeline_rego__WEBPACK_IMPORTED_MODULE_3__/* .stringifyJSON */ .e4)(out, 2) + '\n');
        }
        else if (results.length === 0) {
            io.stdout('undefined\n');
        }
        else if (results.length === 1 &&
            Object.keys(results[0].bindings).length === 0 &&
            results[0].expressions.length === 1) {
            io.stdout((0,_secure_pipeline_rego__WEBPACK_IMPORTED_MODULE_3__/* .stringifyJSON */ .e4)(results[0].expressions[0].value, 2) + '\n');
        }
        else {
            io.stdout((0,_secure_pipeline_rego__WEBPACK_IMPORTED_MODULE_3__/* .stringifyJSON */ .e4)(results.map(r => Object.keys(r.bindings).length ? r.bindings : r.expressions.map(e => e.value)), 2) + '\n');
        }
        return Promise.resolve(0);
    }
};
const regoTest = {
    path: ['rego', 'test'],
    summary: 'run Rego unit tests (test_ rules, like opa test)',
    help: testHelp,
    run(io) {
        const { values, positionals } = (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .parseCommandArgs */ .Q)(io.argv, {
            run: { type: 'string', short: 'r' },
            'v0-compatible': { type: 'boolean' }
        });
        if (positionals.length === 0)
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb('no paths: secure-pipeline rego test PATH... (see --help)');
        let filter;
        if (values.run !== undefined) {
            try {
                filter = new RegExp(values.run);
            }
            catch {
                throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`invalid --run regular expression: ${values.run}`);
            }
        }
        const { modules, data } = (0,_secure_pipeline_rego__WEBPACK_IMPORTED_MODULE_3__/* .loadFiles */ .aY)(positionals, io.cwd);
        const policy = (0,_secure_pipeline_rego__WEBPACK_IMPORTED_MODULE_3__/* .compile */ .wE)(modules, { data, regoVersion: values['v0-compatible'] ? 'v0' : 'v1' });
        let pass = 0;
        let fail = 0;
        let errors = 0;
        let skipped = 0;
        const lines = [];
        for (const pkg of policy.packages()) {
            for (const rule of policy.rules(pkg).sort()) {
                const name = `data.${pkg}.${rule}`;
                const isTodo = rule.startsWith('todo_test_');
                if (!rule.startsWith('test_') && !isTodo)
                    continue;
                if (filter && !filter.test(name))
                    continue;
                if (policy.isFunction(pkg, rule))
                    continue;
                if (isTodo) {
                    skipped++;
                    lines.push(`${name}: SKIPPED`);
                    continue;
                }
                try {
                    const v = policy.evalRule(pkg, rule);
                    if (v === undefined || v === false) {
                        fail++;
                        lines.push(`${name}: FAIL`);
                    }
                    else {
                        pass++;
                        lines.push(`${name}: PASS`);
                    }
                }
                catch (e) {
                    if (!(e instanceof _secure_pipeline_rego__WEBPACK_IMPORTED_MODULE_3__/* .RegoError */ .EN))
                        throw e;
                    errors++;
                    lines.push(`${name}: ERROR`);
                    lines.push(`  ${e.describe()}`);
                }
            }
        }
        const total = pass + fail + errors + skipped;
        const sep = '-'.repeat(80);
        const summary = [`PASS: ${pass}/${total}`];
        if (fail)
            summary.push(`FAIL: ${fail}/${total}`);
        if (errors)
            summary.push(`ERROR: ${errors}/${total}`);
        if (skipped)
            summary.push(`SKIPPED: ${skipped}/${total}`);
        if (total === 0) {
            io.stderr('no tests found\n');
            return Promise.resolve(0);
        }
        io.stdout([...lines, sep, ...summary, ''].join('\n'));
        return Promise.resolve(fail || errors ? 1 : 0);
    }
};
const commands = [regoEval, regoTest];


/***/ })

};
