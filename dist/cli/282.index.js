export const id = 282;
export const ids = [282];
export const modules = {

/***/ 19282:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseComposerLock: () => (/* binding */ parseComposerLock),
/* harmony export */   parseGradleLockfile: () => (/* binding */ parseGradleLockfile),
/* harmony export */   parseNugetLock: () => (/* binding */ parseNugetLock)
/* harmony export */ });
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12695);

// ---------------------------------------------------------------- composer.lock
function composerLicense(v) {
    const list = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)(v).filter((x) => typeof x === 'string');
    if (list.length === 0)
        return typeof v === 'string' ? v : undefined;
    // composer's license array means "any of" (disjunctive) per its schema.
    return list.length === 1 ? list[0] : list.map(l => (/\s/.test(l) ? `(${l})` : l)).join(' OR ');
}
function composerPurl(name, version) {
    const slash = name.indexOf('/');
    const ns = slash > 0 ? name.slice(0, slash) : undefined;
    const n = slash > 0 ? name.slice(slash + 1) : name;
    return { ...(ns ? { namespace: ns } : {}), name: n, purl: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .purl */ .EV)('composer', ns, n, version) };
}
const PLATFORM_PKG = /^(php|hhvm|ext-|lib-|composer-plugin-api$|composer-runtime-api$|composer$)/;
function parseComposerLock(input, b) {
    const d = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .parseJson */ .qF)(input.text, input.file, 'composer.lock');
    let manifest;
    const mt = input.readSibling('composer.json');
    if (mt !== undefined) {
        try {
            const m = JSON.parse(mt);
            if ((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(m))
                manifest = m;
        }
        catch {
            manifest = undefined;
        }
    }
    const rootId = b.addLocal(`local:${input.dir}`, {
        name: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(manifest?.name) ?? input.dirName,
        ...((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(manifest?.version) ? { version: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(manifest?.version) } : {}),
        ...((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(manifest?.description) ? { description: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(manifest?.description) } : {}),
        ...(composerLicense(manifest?.license) ? { license: composerLicense(manifest?.license) } : {}),
        path: input.dir,
        kind: 'root',
        type: 'composer'
    });
    const byName = new Map();
    const entries = [];
    for (const [field, scope] of [
        ['packages', 'required'],
        ['packages-dev', 'dev']
    ]) {
        const list = d[field];
        // `"packages-dev": null` (seen in the wild) means none.
        if (list !== undefined && list !== null && !Array.isArray(list))
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, undefined, `composer.lock: "${field}" is not a list`);
        for (const p of (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)(list)) {
            const e = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(p);
            const name = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.name);
            const version = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.version);
            if (!name || !version)
                throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .lineAt */ .mh)(input.text, Math.max(0, input.text.indexOf(`"${name ?? ''}"`))), 'composer.lock: package without name/version');
            const dist = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(e.dist);
            let id;
            if ((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(dist.type) === 'path') {
                id = b.addLocal(`local:${input.dir}:composer:${name}`, {
                    name,
                    version,
                    path: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(dist.url) ?? '',
                    kind: 'local'
                });
            }
            else {
                const h = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .hexHash */ .eP)('SHA-1', (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(dist.shasum));
                const license = composerLicense(e.license);
                const url = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(dist.url);
                id = b.addPackage({
                    type: 'composer',
                    ...composerPurl(name, version),
                    version,
                    ...(h ? { hashes: [h] } : {}),
                    ...(license ? { license } : {}),
                    scopeHint: scope,
                    ...(url && /^https?:/.test(url) ? { downloadUrl: url } : {})
                });
            }
            byName.set(name.toLowerCase(), id);
            entries.push([id, e, scope]);
        }
    }
    for (const [id, e] of entries) {
        for (const dep of Object.keys((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(e.require))) {
            if (PLATFORM_PKG.test(dep))
                continue;
            const to = byName.get(dep.toLowerCase());
            if (to)
                b.edge(id, to, 'prod');
        }
    }
    if (manifest) {
        for (const [field, kind] of [
            ['require', 'prod'],
            ['require-dev', 'dev']
        ]) {
            for (const dep of Object.keys((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(manifest[field]))) {
                const to = byName.get(dep.toLowerCase());
                if (to)
                    b.edge(rootId, to, kind);
            }
        }
    }
    else {
        // No composer.json: the packages no other package requires are the project's own.
        const required = new Set();
        for (const [, e] of entries)
            for (const dep of Object.keys((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(e.require)))
                required.add(dep.toLowerCase());
        for (const [id, e, scope] of entries) {
            if (required.has(((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.name) ?? '').toLowerCase()))
                continue;
            b.edge(rootId, id, scope === 'dev' ? 'dev' : 'prod');
        }
    }
}
// ---------------------------------------------------------------- NuGet packages.lock.json
function parseNugetLock(input, b) {
    const d = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .parseJson */ .qF)(input.text, input.file, 'packages.lock.json');
    const version = d.version;
    if (version !== 1 && version !== 2) {
        const i = input.text.indexOf('"version"');
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .unsupported */ .Zq)(input.file, i < 0 ? 1 : (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .lineAt */ .mh)(input.text, i), `unsupported packages.lock.json version ${JSON.stringify(version ?? null)} (supported: 1, 2)`);
    }
    const rootId = b.addLocal(`local:${input.dir}`, {
        name: input.dirName,
        path: input.dir,
        kind: 'root',
        type: 'nuget'
    });
    // NuGet ids are case-insensitive: keep the first spelling seen for each id+version.
    const canonical = new Map();
    const frameworks = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(d.dependencies);
    for (const fw of Object.keys(frameworks)) {
        const deps = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(frameworks[fw]);
        const resolvedIn = new Map();
        for (const [name, v] of Object.entries(deps)) {
            const e = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(v);
            const type = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.type);
            if (type === 'Project') {
                resolvedIn.set(name.toLowerCase(), b.addLocal(`local:${input.dir}:nuget:${name.toLowerCase()}`, {
                    name,
                    path: '',
                    kind: 'local'
                }));
                continue;
            }
            const ver = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.resolved);
            if (!ver)
                continue;
            const key = `${name.toLowerCase()}@${ver.toLowerCase()}`;
            let id = canonical.get(key);
            if (id === undefined) {
                const h = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .base64Hash */ .m1)('SHA-512', (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.contentHash));
                id = b.addPackage({
                    type: 'nuget',
                    name,
                    version: ver,
                    purl: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .purl */ .EV)('nuget', undefined, name, ver),
                    ...(h ? { hashes: [h] } : {})
                });
                canonical.set(key, id);
            }
            resolvedIn.set(name.toLowerCase(), id);
        }
        for (const [name, v] of Object.entries(deps)) {
            const e = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(v);
            const from = resolvedIn.get(name.toLowerCase());
            if (!from)
                continue;
            const type = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.type);
            if (type === 'Direct')
                b.edge(rootId, from, 'prod');
            if (type === 'Project')
                b.edge(rootId, from, 'prod');
            for (const dep of Object.keys((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(e.dependencies))) {
                const to = resolvedIn.get(dep.toLowerCase());
                if (to)
                    b.edge(from, to, 'prod');
            }
        }
    }
}
// ---------------------------------------------------------------- gradle.lockfile
function parseGradleLockfile(input, b) {
    const rootId = b.addLocal(`local:${input.dir}`, {
        name: input.dirName,
        path: input.dir,
        kind: 'root',
        type: 'maven'
    });
    void rootId;
    const lines = input.text.split('\n');
    // Older per-configuration files (gradle/dependency-locks/<conf>.lockfile) have no "=confs".
    const fileConf = /([^/]+)\.lockfile$/.exec(input.file)?.[1];
    // buildscript-gradle.lockfile / settings-gradle.lockfile lock the build's own classpath
    // (plugins, version catalogs): build tooling, not part of what the project ships.
    const tooling = /(^|\/)(buildscript|settings)-gradle\.lockfile$/.test(input.file);
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].trim();
        if (!line || line.startsWith('#') || line.startsWith('empty='))
            continue;
        const eq = line.indexOf('=');
        const coord = eq < 0 ? line : line.slice(0, eq);
        const confs = eq < 0
            ? fileConf && fileConf !== 'gradle'
                ? [fileConf]
                : []
            : line
                .slice(eq + 1)
                .split(',')
                .filter(Boolean);
        const parts = coord.split(':');
        if (parts.length < 3 || parts.some(p => p === ''))
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, i + 1, `gradle lockfile: expected group:artifact:version, got "${coord.slice(0, 80)}"`);
        const [group, artifact, version] = parts;
        const testOnly = confs.length > 0 && confs.every(c => /test/i.test(c));
        b.addPackage({
            type: 'maven',
            namespace: group,
            name: artifact,
            version,
            purl: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .purl */ .EV)('maven', group, artifact, version),
            scopeHint: tooling || testOnly ? 'dev' : 'required',
            ...(confs.length
                ? { properties: { 'secure-pipeline:gradle:configurations': [...confs].sort().join(',') } }
                : {})
        });
    }
}


/***/ })

};
