export const id = 615;
export const ids = [615];
export const modules = {

/***/ 9615:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parsePodfileLock: () => (/* binding */ parsePodfileLock)
/* harmony export */ });
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(682);
/* harmony import */ var _yaml_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6384);


/** `Name/Sub (1.0)` or `Name (= 1.0)` → name and the parenthesised part. */
const ENTRY = /^\s*("?)([^\s(]+)\1(?:\s+\(([^)]*)\))?\s*$/;
function entryOf(text) {
    const m = ENTRY.exec(text);
    if (!m)
        return undefined;
    return { name: m[2], ...(m[3] !== undefined ? { paren: m[3].trim() } : {}) };
}
/** The pod (root spec) of a subspec name. */
function podOf(name) {
    const i = name.indexOf('/');
    return i < 0 ? name : name.slice(0, i);
}
function parsePodfileLock(input, b) {
    const d = (0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .parseYaml */ .h)(input.text, input.file, 'Podfile.lock');
    const pods = d.PODS;
    if (pods !== undefined && !Array.isArray(pods))
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(input.text, /^PODS:/m), 'Podfile.lock: PODS is not a list');
    const rootId = b.addLocal(`local:${input.dir}`, {
        name: input.dirName,
        path: input.dir,
        kind: 'root',
        type: 'cocoapods'
    });
    const external = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(d['EXTERNAL SOURCES']);
    const checkout = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(d['CHECKOUT OPTIONS']);
    const checksums = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(d['SPEC CHECKSUMS']);
    const byName = new Map();
    const depsOf = [];
    const at = (needle) => (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(input.text, new RegExp(`^\\s*- "?${(0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeRegExp */ .Nt)(needle)}`, 'm'));
    for (const raw of pods ?? []) {
        let head;
        let deps = [];
        if (typeof raw === 'string')
            head = raw;
        else if ((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(raw) && Object.keys(raw).length === 1) {
            head = Object.keys(raw)[0];
            const list = raw[head];
            if (!Array.isArray(list))
                throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, at(head), `Podfile.lock: dependencies of "${head}" are not a list`);
            deps = list.map(x => {
                const e = typeof x === 'string' ? entryOf(x) : undefined;
                if (!e)
                    throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, at(head), `Podfile.lock: bad dependency of "${head}"`);
                return e.name;
            });
        }
        else
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(input.text, /^PODS:/m), 'Podfile.lock: bad PODS entry');
        const e = entryOf(head);
        if (!e || !e.paren)
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, at(head), `Podfile.lock: cannot read pod "${head}"`);
        const pod = podOf(e.name);
        const version = e.paren;
        const source = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(external[pod]);
        let id;
        if ((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(source[':path']) !== undefined) {
            id = b.addLocal(`local:${input.dir}:pod:${e.name}`, {
                name: e.name,
                version,
                path: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(source[':path']),
                kind: 'local',
                type: 'cocoapods'
            });
        }
        else {
            const sub = e.name.length > pod.length ? e.name.slice(pod.length + 1) : undefined;
            const props = {};
            const co = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(checkout[pod]);
            for (const [k, v] of Object.entries({ ...source, ...co })) {
                const s = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(v);
                if (s !== undefined && k.startsWith(':'))
                    props[`secure-pipeline:cocoapods:${k.slice(1)}`] = s;
            }
            const hashes = [];
            const h = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .hexHash */ .eP)('SHA-1', (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(checksums[pod]));
            if (h)
                hashes.push(h);
            id = b.addPackage({
                type: 'cocoapods',
                name: e.name,
                version,
                purl: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .purl */ .EV)('cocoapods', undefined, pod, version, undefined, sub),
                ...(hashes.length ? { hashes } : {}),
                ...(Object.keys(props).length ? { properties: props } : {})
            });
        }
        byName.set(e.name, id);
        depsOf.push([id, deps]);
    }
    // A dependency on a pod that was only resolved as subspecs (its default subspecs) reaches
    // each of them.
    const link = (from, name) => {
        const to = byName.get(name);
        if (to)
            b.edge(from, to, 'prod');
        else
            for (const [k, v] of byName)
                if (k.startsWith(`${name}/`))
                    b.edge(from, v, 'prod');
    };
    for (const [from, deps] of depsOf)
        for (const n of deps)
            link(from, n);
    const direct = d.DEPENDENCIES;
    for (const raw of Array.isArray(direct) ? direct : []) {
        const e = typeof raw === 'string' ? entryOf(raw.replace(/\(from `[^)]*\)$/, '').trim()) : undefined;
        if (!e)
            continue;
        link(rootId, e.name);
    }
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
