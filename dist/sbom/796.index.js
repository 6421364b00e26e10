export const id = 796;
export const ids = [796];
export const modules = {

/***/ 4796:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseCabalFreeze: () => (/* binding */ parseCabalFreeze),
/* harmony export */   parseStackLock: () => (/* binding */ parseStackLock)
/* harmony export */ });
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(682);
/* harmony import */ var _yaml_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6384);


function hackage(name, version) {
    return (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .purl */ .EV)('hackage', undefined, name, version);
}
function parseCabalFreeze(input, b) {
    b.addLocal(`local:${input.dir}`, {
        name: input.dirName,
        path: input.dir,
        kind: 'root',
        type: 'hackage'
    });
    const lines = input.text.split('\n');
    // Gather the `constraints:` field with its indented continuation lines.
    const items = [];
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].replace(/\r$/, '').replace(/--.*$/, '');
        const m = /^constraints\s*:(.*)$/i.exec(line);
        if (!m)
            continue;
        const parts = [{ text: m[1], line: i + 1 }];
        while (i + 1 < lines.length && /^\s+\S/.test(lines[i + 1].replace(/--.*$/, ''))) {
            i++;
            parts.push({ text: lines[i].replace(/\r$/, '').replace(/--.*$/, ''), line: i + 1 });
        }
        for (const p of parts)
            for (const c of p.text.split(','))
                if (c.trim())
                    items.push({ text: c.trim(), line: p.line });
    }
    for (const { text, line } of items) {
        // [qualifier.]name followed by a version constraint, `installed`, `source`, or flags.
        const m = /^((?:[A-Za-z0-9-]+:)?(?:any|setup|exe|[A-Za-z0-9-]+:setup|[A-Za-z0-9-]+:exe)\.)?([A-Za-z0-9][A-Za-z0-9-]*)\s*(.*)$/.exec(text);
        if (!m)
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, line, `cabal.project.freeze: cannot read constraint "${text}"`);
        const qualifier = m[1] ?? '';
        const name = m[2];
        const rest = m[3].trim();
        if (/^[+-]/.test(rest) || rest === 'installed' || rest === 'source' || rest === '')
            continue;
        const v = /^==\s*([0-9][0-9.]*)$/.exec(rest);
        if (!v) {
            // A range is a constraint, not a pin: nothing resolved to report.
            if (/^(?:[<>]=?|==|\^>=)\s*\d/.test(rest))
                continue;
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, line, `cabal.project.freeze: cannot read constraint "${text}"`);
        }
        const buildTime = /setup\.$|exe\.$/.test(qualifier);
        // The freeze file pins the whole build plan and does not say which packages the project's
        // .cabal files name, so no package is claimed as direct.
        b.addPackage({
            type: 'hackage',
            name,
            version: v[1],
            purl: hackage(name, v[1]),
            ...(buildTime ? { scopeHint: 'dev' } : {})
        });
    }
}
/** `name-1.2.3@sha256:…,123` / `name-1.2.3@rev:0` → name, version, cabal-file hash. */
function hackageRef(s) {
    const m = /^([A-Za-z0-9][A-Za-z0-9-]*?)-([0-9][0-9.]*)(?:@(?:sha256:([0-9a-f]{64})(?:,\d+)?|rev:\d+))?$/.exec(s.trim());
    if (!m)
        return undefined;
    return { name: m[1], version: m[2], ...(m[3] ? { cabalHash: m[3] } : {}) };
}
function parseStackLock(input, b) {
    const d = (0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .parseYaml */ .h)(input.text, input.file, 'stack.yaml.lock');
    const rootId = b.addLocal(`local:${input.dir}`, {
        name: input.dirName,
        path: input.dir,
        kind: 'root',
        type: 'hackage'
    });
    const pkgs = d.packages;
    if (pkgs !== undefined && pkgs !== null && !Array.isArray(pkgs))
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(input.text, /^packages:/m), 'stack.yaml.lock: "packages" is not a list');
    (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)(pkgs).forEach((raw, i) => {
        const e = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(raw);
        const completed = e.completed;
        const at = () => {
            let seen = -1;
            const ls = input.text.split('\n');
            for (let k = 0; k < ls.length; k++)
                if (/^- /.test(ls[k]) && ++seen === i)
                    return k + 1;
            return (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(input.text, /^packages:/m);
        };
        if (!(0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(completed))
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, at(), 'stack.yaml.lock: package without "completed"');
        const props = {};
        const hashes = [];
        let name;
        let version;
        const hk = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(completed.hackage);
        if (hk !== undefined) {
            const r = hackageRef(hk);
            if (!r)
                throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, at(), `stack.yaml.lock: cannot read hackage "${hk}"`);
            name = r.name;
            version = r.version;
            if (r.cabalHash)
                props['secure-pipeline:hackage:cabal-sha256'] = r.cabalHash;
        }
        else {
            name = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(completed.name);
            version = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(completed.version);
            const repo = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(completed.git) ?? (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(completed.hg);
            const url = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(completed.url);
            if (repo)
                props['secure-pipeline:hackage:vcs'] = repo;
            if ((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(completed.commit))
                props['secure-pipeline:hackage:commit'] = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(completed.commit);
            if (url)
                props['secure-pipeline:hackage:archive'] = url;
            const h = url ? (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .hexHash */ .eP)('SHA-256', (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(completed.sha256)) : undefined;
            if (h)
                hashes.push(h);
            if ((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(completed.subdir))
                props['secure-pipeline:hackage:subdir'] = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(completed.subdir);
            if (!name || !version)
                throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, at(), 'stack.yaml.lock: package without name/version');
        }
        const id = b.addPackage({
            type: 'hackage',
            name,
            version,
            purl: hackage(name, version),
            ...(hashes.length ? { hashes } : {}),
            ...(Object.keys(props).length ? { properties: props } : {})
        });
        // Every locked package is an extra-dep the project's stack.yaml declares.
        b.edge(rootId, id, 'prod');
    });
}


/***/ }),

/***/ 6384:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ parseYaml),
/* harmony export */   v: () => (/* binding */ parseYamlDocuments)
/* harmony export */ });
/* harmony import */ var _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3175);
/* harmony import */ var js_yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3243);
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(682);



function lastLine(text) {
    return (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .lineAt */ .mh)(text, text.trimEnd().length);
}
function yamlError(err, text, file, what) {
    const mark = err.mark;
    const reason = err.reason ?? err.message;
    return new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('SBOM_MALFORMED_LOCKFILE', `malformed ${what}: ${reason}`, {
        position: { file, line: mark?.line !== undefined ? mark.line + 1 : lastLine(text) }
    });
}
function isMapping(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
function parseYaml(text, file, what) {
    let value;
    try {
        value = js_yaml__WEBPACK_IMPORTED_MODULE_1__/* ["default"].load */ .Ay.load(text, { filename: file, json: true });
    }
    catch (err) {
        throw yamlError(err, text, file, what);
    }
    if (!isMapping(value)) {
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, 1, `${what}: expected a mapping`);
    }
    return value;
}
/**
 * Every document of a YAML stream (`---`-separated), empty ones left out; at least one, and each
 * a mapping.
 */
function parseYamlDocuments(text, file, what) {
    let values;
    try {
        values = js_yaml__WEBPACK_IMPORTED_MODULE_1__/* ["default"].loadAll */ .Ay.loadAll(text, undefined, { filename: file, json: true });
    }
    catch (err) {
        throw yamlError(err, text, file, what);
    }
    const docs = values.filter(v => v !== null && v !== undefined);
    if (docs.length === 0 || !docs.every(isMapping)) {
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, 1, `${what}: expected a mapping`);
    }
    return docs;
}


/***/ })

};
