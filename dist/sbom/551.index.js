export const id = 551;
export const ids = [551];
export const modules = {

/***/ 3551:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parsePubspecLock: () => (/* binding */ parsePubspecLock),
/* harmony export */   pubName: () => (/* binding */ pubName)
/* harmony export */ });
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(682);
/* harmony import */ var _yaml_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6384);


const DEFAULT_HOSTS = /^https:\/\/(pub\.dev|pub\.dartlang\.org)\/?$/;
/** pub names are lower-case `[a-z0-9_]`; the purl type replaces anything else with `_`. */
function pubName(name) {
    return name.toLowerCase().replace(/[^a-z0-9_]/g, '_');
}
function readPubspecName(text) {
    if (text === undefined)
        return {};
    const name = /^name:\s*["']?([A-Za-z0-9_]+)["']?\s*(?:#.*)?$/m.exec(text)?.[1];
    const version = /^version:\s*["']?([^\s"'#]+)["']?/m.exec(text)?.[1];
    return { ...(name ? { name } : {}), ...(version ? { version } : {}) };
}
function parsePubspecLock(input, b) {
    const d = (0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .parseYaml */ .h)(input.text, input.file, 'pubspec.lock');
    const pkgs = d.packages;
    if (pkgs !== undefined && pkgs !== null && !(0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(pkgs))
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(input.text, /^packages:/m), 'pubspec.lock: "packages" is not a mapping');
    const manifest = readPubspecName(input.readSibling('pubspec.yaml'));
    const rootId = b.addLocal(`local:${input.dir}`, {
        name: manifest.name ?? input.dirName,
        ...(manifest.version ? { version: manifest.version } : {}),
        path: input.dir,
        kind: 'root',
        type: 'pub'
    });
    for (const [key, raw] of Object.entries((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(pkgs))) {
        const at = () => (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(input.text, new RegExp(`^  ${(0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeRegExp */ .Nt)(key)}:`, 'm'));
        if (!(0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(raw))
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, at(), `pubspec.lock: package "${key}" is not a mapping`);
        const version = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(raw.version);
        const source = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(raw.source);
        if (!version || !source)
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, at(), `pubspec.lock: package "${key}" without version/source`);
        const dependency = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(raw.dependency) ?? 'transitive';
        const desc = raw.description;
        const info = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(desc);
        let id;
        if (source === 'path') {
            id = b.addLocal(`local:${input.dir}:pub:${key}`, {
                name: key,
                version,
                path: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(info.path) ?? '',
                kind: 'local',
                type: 'pub'
            });
        }
        else {
            const name = pubName(source === 'hosted' ? ((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(info.name) ?? key) : key);
            if (!name)
                throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, at(), `pubspec.lock: package "${key}" without a name`);
            const props = {};
            const hashes = [];
            if (source === 'hosted') {
                const url = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(info.url);
                if (url && !DEFAULT_HOSTS.test(url))
                    props['secure-pipeline:pub:hosted-url'] = url;
                const h = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .hexHash */ .eP)('SHA-256', (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(info.sha256));
                if (h)
                    hashes.push(h);
            }
            else if (source === 'git') {
                props['secure-pipeline:pub:source'] = 'git';
                const url = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(info.url);
                if (url)
                    props['secure-pipeline:pub:git'] = url;
                const rev = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(info['resolved-ref']) ?? (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(info.ref);
                if (rev)
                    props['secure-pipeline:pub:revision'] = rev;
                const sub = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(info.path);
                if (sub && sub !== '.')
                    props['secure-pipeline:pub:git-path'] = sub;
            }
            else {
                // `sdk` (flutter, flutter_test, sky_engine ...) or a source we do not know by name.
                props['secure-pipeline:pub:source'] = source;
                if (typeof desc === 'string')
                    props['secure-pipeline:pub:sdk'] = desc;
            }
            id = b.addPackage({
                type: 'pub',
                name,
                version,
                purl: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .purl */ .EV)('pub', undefined, name, version),
                ...(hashes.length ? { hashes } : {}),
                ...(dependency === 'direct dev' ? { scopeHint: 'dev' } : {}),
                ...(Object.keys(props).length ? { properties: props } : {})
            });
        }
        if (dependency.startsWith('direct')) {
            const kind = dependency === 'direct dev' ? 'dev' : 'prod';
            b.edge(rootId, id, kind);
        }
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
