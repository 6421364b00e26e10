export const id = 848;
export const ids = [848];
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

/***/ 29848:
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
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27109);
/**
 * `secure-pipeline sbom [PATH]`: CycloneDX / SPDX from the lockfiles of a repository, one
 * lockfile, or a root filesystem.
 */




const help = `Usage: secure-pipeline sbom [PATH] [options]

Writes a Software Bill of Materials for PATH (default: the current directory): a repository
(every supported lockfile, honouring .gitignore), a single lockfile, or a root filesystem
(lib/apk/db/installed, var/lib/dpkg/status).

Supported: package-lock.json / npm-shrinkwrap.json (v1-v3), yarn.lock (classic and berry),
pnpm-lock.yaml (v5-v9), requirements*.txt, poetry.lock, Pipfile.lock, uv.lock, pylock.toml,
go.mod (+go.sum), Cargo.lock, Gemfile.lock, composer.lock, pom.xml, gradle.lockfile,
packages.lock.json, Alpine and Debian package databases.

Options:
  --format FORMAT        cyclonedx-json (default) or spdx-json
  --spec-version V       CycloneDX 1.5, 1.6 (default) or 1.7; SPDX 2.3
  --output FILE          write to FILE instead of stdout (with --split: a directory)
  --split                one SBOM per project / workspace member instead of one for PATH
  --include-dev          keep development dependencies, marked scope "excluded" (default)
  --exclude-dev          leave development dependencies out
  --timestamp WHEN       "now" to stamp the current time; default: SOURCE_DATE_EPOCH if set,
                         else no timestamp (CycloneDX) / 1970-01-01T00:00:00Z (SPDX), so the
                         same input gives byte-identical output

Exit codes: 0 written, 2 usage error or a lockfile that cannot be read (file:line named).
`;
const sbom = {
    path: ['sbom'],
    summary: 'generate a CycloneDX or SPDX SBOM from lockfiles',
    help,
    async run(io) {
        // Loaded on use, so other commands do not pay for the SBOM engine at start-up.
        const { CYCLONEDX_VERSIONS, SPDX_VERSIONS, generate, timestampFromEpoch } = await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(91), __webpack_require__.e(916)]).then(__webpack_require__.bind(__webpack_require__, 42916));
        const { values, positionals } = (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCommandArgs */ .Q)(io.argv, {
            format: { type: 'string' },
            'spec-version': { type: 'string' },
            output: { type: 'string', short: 'o' },
            split: { type: 'boolean' },
            'include-dev': { type: 'boolean' },
            'exclude-dev': { type: 'boolean' },
            timestamp: { type: 'string' }
        });
        if (positionals.length > 1)
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb('expected at most one PATH (see --help)');
        const format = (values.format ?? 'cyclonedx-json');
        if (format !== 'cyclonedx-json' && format !== 'spdx-json')
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`--format must be cyclonedx-json or spdx-json, got "${values.format}"`);
        const versions = format === 'spdx-json' ? SPDX_VERSIONS : CYCLONEDX_VERSIONS;
        const specVersion = values['spec-version'] ?? (format === 'spdx-json' ? '2.3' : '1.6');
        if (!versions.includes(specVersion))
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`--spec-version for ${format} must be one of ${versions.join(', ')}`);
        if (values['include-dev'] && values['exclude-dev'])
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb('--include-dev and --exclude-dev are mutually exclusive');
        if (values.split && !values.output)
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb('--split writes one file per project: give --output DIR');
        let timestamp;
        if (values.timestamp !== undefined) {
            if (values.timestamp === 'now')
                timestamp = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
            else
                throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb('--timestamp accepts only "now" (use SOURCE_DATE_EPOCH for a fixed time)');
        }
        else {
            const epoch = io.env.SOURCE_DATE_EPOCH;
            timestamp = timestampFromEpoch(epoch);
            if (epoch !== undefined && epoch.trim() !== '' && timestamp === undefined)
                throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb('SOURCE_DATE_EPOCH must be a whole number of seconds');
        }
        const target = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(io.cwd, positionals[0] ?? '.');
        const result = await generate(target, {
            format,
            specVersion,
            split: values.split ?? false,
            includeDev: !values['exclude-dev'],
            ...(timestamp !== undefined ? { timestamp } : {})
        });
        if (result.sources.length === 0) {
            io.stderr(`sbom: no supported lockfile or manifest found under ${positionals[0] ?? '.'}\n`);
        }
        if (values.split) {
            const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(io.cwd, values.output);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true });
            const ext = format === 'spdx-json' ? 'spdx.json' : 'cdx.json';
            for (const doc of result.documents) {
                const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, `${doc.name}.${ext}`);
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(file, doc.text);
                io.stderr(`sbom: ${node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(io.cwd, file)} (${doc.graph.components.length} components)\n`);
            }
            return 0;
        }
        const doc = result.documents[0];
        if (values.output) {
            const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(io.cwd, values.output);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), { recursive: true });
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(file, doc.text);
            io.stderr(`sbom: ${values.output} (${doc.graph.components.length} components from ${result.sources.length} file(s))\n`);
        }
        else {
            io.stdout(doc.text);
        }
        return 0;
    }
};
const commands = [sbom];


/***/ })

};
