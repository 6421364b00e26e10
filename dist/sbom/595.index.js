export const id = 595;
export const ids = [595];
export const modules = {

/***/ 3595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parsePnpmLock: () => (/* binding */ parsePnpmLock)
/* harmony export */ });
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(682);
/* harmony import */ var _npm_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8093);
/* harmony import */ var _yaml_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6384);



const IMPORTER_FIELDS = [
    ['dependencies', 'prod'],
    ['devDependencies', 'dev'],
    ['optionalDependencies', 'optional']
];
/** What an env document's importer lists: installed for pnpm itself, not for the project. */
const ENV_IMPORTER_FIELDS = [
    ['configDependencies', 'dev'],
    ['packageManagerDependencies', 'dev']
];
const PACKAGE_FIELDS = [
    ['dependencies', 'prod'],
    ['optionalDependencies', 'optional']
];
function stripPeers(key) {
    const i = key.indexOf('(');
    return i < 0 ? key : key.slice(0, i);
}
function joinPath(base, rel) {
    const parts = base === '' || base === '.' ? [] : base.split('/');
    for (const p of rel.split('/')) {
        if (p === '' || p === '.')
            continue;
        if (p === '..')
            parts.pop();
        else
            parts.push(p);
    }
    return parts.join('/');
}
function parsePnpmLock(input, b) {
    const docs = (0,_yaml_js__WEBPACK_IMPORTED_MODULE_2__/* .parseYamlDocuments */ .v)(input.text, input.file, 'pnpm-lock.yaml');
    // The project lockfile is the last document; any before it are env documents.
    docs.forEach((d, i) => readDocument(input, b, d, i < docs.length - 1));
}
function readDocument(input, b, d, env) {
    const lvRaw = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(d.lockfileVersion);
    const major = lvRaw === undefined ? NaN : Number.parseInt(lvRaw, 10);
    if (![5, 6, 7, 9].includes(major)) {
        const i = input.text.indexOf('lockfileVersion');
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .unsupported */ .Zq)(input.file, i < 0 ? 1 : (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .lineAt */ .mh)(input.text, i), `unsupported pnpm lockfileVersion ${JSON.stringify(d.lockfileVersion ?? null)} (supported: 5.x, 6.x, 7.x, 9.x)`);
    }
    const v9 = major >= 9;
    const packages = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(d.packages);
    const snapshots = v9 ? (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(d.snapshots) : packages;
    /** Package key (without peers, as in `packages`) for a dependency reference. */
    const keyFor = (name, ref) => {
        if (v9) {
            // An alias reference is the full `real@version`.
            const at = ref.indexOf('@', 1);
            const paren = ref.indexOf('(');
            if (at > 0 && (paren < 0 || at < paren) && !/^(file|link):/.test(ref))
                return ref;
            return `${name}@${ref}`;
        }
        if (ref.startsWith('/') || ref.startsWith('file:'))
            return ref;
        // Git / tarball dependencies are referenced by their package key itself
        // (`github.com/o/r/<sha>`, `@example.com/x-1.0.0.tgz`); a version never has a `/`.
        if (stripPeers(ref).includes('/'))
            return ref;
        return major === 5 ? `/${name}/${ref}` : `/${name}@${ref}`;
    };
    const nameVersion = (key, e) => {
        const k = stripPeers(key);
        let name;
        let version;
        if (v9 || major >= 6) {
            const kk = k.startsWith('/') ? k.slice(1) : k;
            const at = kk.indexOf('@', 1);
            name = at < 0 ? kk : kk.slice(0, at);
            version = at < 0 ? undefined : kk.slice(at + 1);
        }
        else {
            const kk = (k.startsWith('/') ? k.slice(1) : k).replace(/_.*$/, '');
            const slash = kk.lastIndexOf('/');
            name = slash < 0 ? kk : kk.slice(0, slash);
            version = slash < 0 ? undefined : kk.slice(slash + 1);
        }
        name = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.name) ?? name;
        version = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.version) ?? version;
        if (!version)
            return undefined;
        return [name, version];
    };
    // Packages (metadata) → node ids; local file: packages become local nodes.
    const ids = new Map();
    for (const key in packages) {
        const e = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(packages[key]);
        const bare = stripPeers(key);
        const res = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(e.resolution);
        const nv = nameVersion(key, e);
        const isLocal = bare.startsWith('file:') ||
            bare.startsWith('link:') ||
            /@(file|link|workspace):/.test(bare) ||
            (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(res.type) === 'directory';
        if (isLocal || nv === undefined) {
            const dir = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(res.directory) ?? bare.replace(/^.*?(file|link):/, '');
            ids.set(bare, b.addLocal(`local:${joinPath(input.dir, dir)}`, {
                name: nv?.[0] ?? (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.name) ?? dir,
                path: joinPath(input.dir, dir),
                kind: 'local',
                type: 'npm'
            }));
            continue;
        }
        const [name, version] = nv;
        const hashes = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .sriHashes */ .PK)((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(res.integrity));
        const tarball = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(res.tarball);
        const dev = e.dev;
        ids.set(bare, b.addPackage({
            type: 'npm',
            ...(0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .npmName */ .Ln)(name),
            version,
            purl: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .purl */ .EV)('npm', (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .npmName */ .Ln)(name).namespace, (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .npmName */ .Ln)(name).name, version),
            ...(hashes.length ? { hashes } : {}),
            ...(tarball && /^https?:/.test(tarball) ? { downloadUrl: tarball } : {}),
            ...(dev === true
                ? { scopeHint: 'dev' }
                : dev === false
                    ? { scopeHint: e.optional === true ? 'optional' : 'required' }
                    : {})
        }));
    }
    const idOf = (key) => ids.get(stripPeers(key));
    // Edges from snapshots (v9) or packages (older).
    for (const key in snapshots) {
        const from = idOf(key);
        if (from === undefined)
            continue;
        const e = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(snapshots[key]);
        for (const [field, kind] of PACKAGE_FIELDS) {
            const deps = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(e[field]);
            for (const dep in deps) {
                const ref = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(deps[dep]);
                if (ref === undefined)
                    continue;
                if (ref.startsWith('link:'))
                    continue;
                const to = idOf(keyFor(dep, ref));
                if (to !== undefined)
                    b.edge(from, to, kind);
            }
        }
    }
    // Importers: the root project and workspace members.
    let importers = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(d.importers);
    if (!(0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(d.importers)) {
        importers = { '.': d };
    }
    const importerIds = new Map();
    for (const path in importers) {
        const rel = joinPath('', path);
        const full = joinPath(input.dir, rel);
        const pj = (0,_npm_js__WEBPACK_IMPORTED_MODULE_1__.readPackageJson)(input.readSibling(rel ? `${rel}/package.json` : 'package.json'));
        importerIds.set(rel, b.addLocal(`local:${full}`, {
            name: pj?.name ?? (rel ? rel.split('/').pop() : input.dirName),
            ...(pj?.version !== undefined ? { version: pj.version } : {}),
            ...(pj?.license !== undefined ? { license: pj.license } : {}),
            ...(pj?.description !== undefined ? { description: pj.description } : {}),
            path: full,
            kind: rel === '' ? 'root' : 'workspace',
            type: 'npm'
        }));
    }
    for (const path in importers) {
        const rel = joinPath('', path);
        const from = importerIds.get(rel);
        const imp = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(importers[path]);
        const specifiers = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(imp.specifiers);
        for (const [field, kind] of env ? ENV_IMPORTER_FIELDS : IMPORTER_FIELDS) {
            const deps = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(imp[field]);
            for (const dep in deps) {
                const v = deps[dep];
                const ref = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(v) ? (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(v.version) : (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(v);
                if (ref === undefined)
                    continue;
                void specifiers;
                if (ref.startsWith('link:')) {
                    const target = joinPath(rel, ref.slice(5));
                    const to = importerIds.get(target) ??
                        b.addLocal(`local:${joinPath(input.dir, target)}`, {
                            name: dep,
                            path: joinPath(input.dir, target),
                            kind: 'local',
                            type: 'npm'
                        });
                    b.edge(from, to, kind);
                    continue;
                }
                const to = idOf(keyFor(dep, ref));
                if (to !== undefined)
                    b.edge(from, to, kind);
            }
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
