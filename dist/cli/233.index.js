export const id = 233;
export const ids = [233];
export const modules = {

/***/ 38233:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseBunLock: () => (/* binding */ parseBunLock),
/* harmony export */   stripJsonc: () => (/* binding */ stripJsonc)
/* harmony export */ });
/* harmony import */ var _npm_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48093);
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12695);


/** JSONC → JSON with the same line structure (comments blanked, trailing commas dropped). */
function stripJsonc(text) {
    const out = [];
    let i = 0;
    const n = text.length;
    let lastSignificant = -1; // index in `out` of the last non-blank, non-comment character
    while (i < n) {
        const c = text[i];
        if (c === '"') {
            let j = i + 1;
            while (j < n && text[j] !== '"' && text[j] !== '\n')
                j += text[j] === '\\' ? 2 : 1;
            out.push(text.slice(i, j + 1));
            lastSignificant = out.length - 1;
            i = j + 1;
        }
        else if (c === '/' && text[i + 1] === '/') {
            while (i < n && text[i] !== '\n')
                i++;
        }
        else if (c === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            const stop = end < 0 ? n : end + 2;
            out.push(text.slice(i, stop).replace(/[^\n]/g, ' '));
            i = stop;
        }
        else if (c === '}' || c === ']') {
            if (lastSignificant >= 0 && out[lastSignificant] === ',')
                out[lastSignificant] = ' ';
            out.push(c);
            lastSignificant = out.length - 1;
            i++;
        }
        else {
            out.push(c);
            if (c !== ' ' && c !== '\n' && c !== '\t' && c !== '\r')
                lastSignificant = out.length - 1;
            i++;
        }
    }
    return out.join('');
}
/** `@s/a/@s/b/c` → ['@s/a', '@s/b', 'c'] */
function segments(key) {
    const parts = key.split('/');
    const out = [];
    for (let i = 0; i < parts.length; i++) {
        if (parts[i].startsWith('@') && i + 1 < parts.length)
            out.push(`${parts[i]}/${parts[++i]}`);
        else
            out.push(parts[i]);
    }
    return out;
}
/** Splits `name@resolution` at the `@` that ends the (possibly scoped) name. */
function splitIdent(ident) {
    const at = ident.indexOf('@', ident.startsWith('@') ? ident.indexOf('/') + 1 : 1);
    if (at <= 0)
        return undefined;
    return [ident.slice(0, at), ident.slice(at + 1)];
}
function parseBunLock(input, b) {
    const d = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(stripJsonc(input.text), input.file, 'bun.lock');
    const lv = d.lockfileVersion;
    if (lv !== 0 && lv !== 1) {
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .unsupported */ .Zq)(input.file, (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .lineOf */ .cA)(input.text, '"lockfileVersion"'), `unsupported bun.lock lockfileVersion ${JSON.stringify(lv ?? null)} (supported: 0, 1)`);
    }
    const workspaces = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(d.workspaces);
    const packages = d.packages;
    if (packages !== undefined && !(0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(packages))
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .malformed */ .Qm)(input.file, (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .lineOf */ .cA)(input.text, '"packages"'), 'bun.lock: "packages" is not an object');
    const pkgs = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(packages);
    const lineOfKey = (key) => (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .lineOf */ .cA)(input.text, new RegExp(`^\\s*"${(0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeRegExp */ .Nt)(key)}"\\s*:`, 'm'));
    // Workspaces: the root ("") and members, keyed by path; also found by name.
    const wsIds = new Map();
    const wsByName = new Map();
    const wsKeys = Object.keys(workspaces).sort((a, b2) => a === '' ? -1 : b2 === '' ? 1 : a < b2 ? -1 : 1);
    if (!wsKeys.includes(''))
        wsKeys.unshift('');
    for (const key of wsKeys) {
        const w = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(workspaces[key]);
        const name = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(w.name) ?? (key === '' ? input.dirName : key.slice(key.lastIndexOf('/') + 1));
        const path = key === '' ? input.dir : input.dir ? `${input.dir}/${key}` : key;
        const id = b.addLocal(key === '' ? `local:${input.dir}` : `local:${input.dir}:bun-ws:${key}`, {
            name,
            ...((0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(w.version) ? { version: (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(w.version) } : {}),
            path,
            kind: key === '' ? 'root' : 'workspace',
            type: 'npm'
        });
        wsIds.set(key, id);
        wsByName.set(name, key);
    }
    // Packages.
    const ids = new Map();
    const infos = new Map();
    for (const [key, raw] of Object.entries(pkgs)) {
        if (!Array.isArray(raw) || typeof raw[0] !== 'string')
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .malformed */ .Qm)(input.file, lineOfKey(key), `bun.lock: package "${key}" is not a [ident, …] tuple`);
        const tuple = raw;
        const ident = raw[0];
        const split = splitIdent(ident);
        if (!split)
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .malformed */ .Qm)(input.file, lineOfKey(key), `bun.lock: cannot read "${ident}"`);
        const [name, res] = split;
        const { namespace, name: short } = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .npmName */ .Ln)(name);
        if (!short || namespace === '@')
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .malformed */ .Qm)(input.file, lineOfKey(key), `bun.lock: bad package name in "${ident}"`);
        if (res.startsWith('workspace:')) {
            const wsPath = res.slice('workspace:'.length);
            const id = wsIds.get(wsPath) ?? (wsByName.has(name) ? wsIds.get(wsByName.get(name)) : undefined);
            if (id)
                ids.set(key, id);
            else
                ids.set(key, b.addLocal(`local:${input.dir}:bun-ws:${wsPath}`, {
                    name,
                    path: input.dir ? `${input.dir}/${wsPath}` : wsPath,
                    kind: 'workspace',
                    type: 'npm'
                }));
            continue;
        }
        if (/^(file|link|portal|root):/.test(res)) {
            const info = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(tuple[1]);
            const id = b.addLocal(`local:${input.dir}:bun:${key}`, {
                name,
                ...((0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(info.version) ? { version: (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(info.version) } : {}),
                path: res.slice(res.indexOf(':') + 1),
                kind: 'local',
                type: 'npm'
            });
            ids.set(key, id);
            infos.set(key, info);
            continue;
        }
        const props = {};
        let version;
        let info;
        let integrity;
        let downloadUrl;
        if (/^(github:|gitlab:|bitbucket:|git\+|git:|git@)/.test(res)) {
            info = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(tuple[1]);
            const hash = res.lastIndexOf('#');
            const commit = hash >= 0 ? res.slice(hash + 1) : ((0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(tuple[2]) ?? '');
            version = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(info.version) ?? commit;
            props['secure-pipeline:npm:resolved'] = res;
            if (commit)
                props['secure-pipeline:npm:commit'] = commit;
        }
        else if (/^https?:\/\//.test(res)) {
            info = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(tuple[1]);
            integrity = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(tuple[2]);
            const base = res.slice(res.lastIndexOf('/') + 1);
            const m = new RegExp(`^${(0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeRegExp */ .Nt)(short)}-(\\d[^/]*?)\\.(tgz|tar\\.gz)$`).exec(base);
            version = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(info.version) ?? m?.[1] ?? '';
            downloadUrl = res;
            props['secure-pipeline:npm:resolved'] = res;
        }
        else {
            // npm registry: [ident, registry URL ('' = default), info, integrity]
            version = res;
            info = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(tuple[2]);
            integrity = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(tuple[3]);
            const registry = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(tuple[1]);
            // A tarball URL when the package does not come from the default registry.
            if (registry && /^https?:\/\//.test(registry)) {
                downloadUrl = registry;
                if (!/^https:\/\/registry\.(npmjs\.org|yarnpkg\.com)\//.test(registry))
                    props['secure-pipeline:npm:resolved'] = registry;
            }
        }
        const hashes = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .sriHashes */ .PK)(integrity);
        const id = b.addPackage({
            type: 'npm',
            ...(namespace ? { namespace } : {}),
            name: short,
            version,
            purl: (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .purl */ .EV)('npm', namespace, short, version),
            ...(hashes.length ? { hashes } : {}),
            ...(downloadUrl ? { downloadUrl } : {}),
            ...(Object.keys(props).length ? { properties: props } : {})
        });
        ids.set(key, id);
        infos.set(key, info);
    }
    /** The install path a dependency `dep` of the package at `from` resolves to. */
    const resolve = (from, dep) => {
        for (let n = from.length; n >= 0; n--) {
            const k = [...from.slice(0, n), dep].join('/');
            if (ids.has(k))
                return k;
        }
        return undefined;
    };
    for (const [key, info] of infos) {
        const from = ids.get(key);
        const segs = segments(key);
        const optionalPeers = new Set(Array.isArray(info.optionalPeers) ? info.optionalPeers.filter(x => typeof x === 'string') : []);
        for (const [field, kind] of _npm_js__WEBPACK_IMPORTED_MODULE_0__.DEP_FIELDS) {
            for (const dep of Object.keys((0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(info[field]))) {
                const k = resolve(segs, dep);
                if (k === undefined)
                    continue;
                b.edge(from, ids.get(k), kind === 'peer' && optionalPeers.has(dep) ? 'optional' : kind);
            }
        }
    }
    for (const [key, id] of wsIds) {
        const w = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(workspaces[key]);
        const name = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(w.name);
        for (const [field, kind] of [..._npm_js__WEBPACK_IMPORTED_MODULE_0__.DEP_FIELDS, ['devDependencies', 'dev']]) {
            for (const dep of Object.keys((0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(w[field]))) {
                // A member's own resolution is keyed under its name (or path) when it differs.
                const k = (name && ids.has(`${name}/${dep}`) ? `${name}/${dep}` : undefined) ??
                    (key && ids.has(`${key}/${dep}`) ? `${key}/${dep}` : undefined) ??
                    (ids.has(dep) ? dep : undefined);
                if (k !== undefined)
                    b.edge(id, ids.get(k), kind);
                else if (wsByName.has(dep))
                    b.edge(id, wsIds.get(wsByName.get(dep)), kind);
            }
        }
    }
}


/***/ })

};
