export const id = 15;
export const ids = [15];
export const modules = {

/***/ 1015:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseConanLock: () => (/* binding */ parseConanLock),
/* harmony export */   parseConanRef: () => (/* binding */ parseConanRef)
/* harmony export */ });
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12695);

const REF = /^([^/@#:%\s]+)\/([^/@#:%\s]+)(?:@([^/#:%\s]+)(?:\/([^#:%\s]+))?)?(?:#([^%:\s]+))?(?:%[0-9.]+)?(?::([0-9a-f]+)(?:#([^%\s]+))?(?:%[0-9.]+)?)?$/;
function parseConanRef(ref) {
    const m = REF.exec(ref.trim());
    if (!m)
        return undefined;
    const none = (s) => (s && s !== '_' ? s : undefined);
    const user = none(m[3]);
    const channel = none(m[4]);
    return {
        name: m[1],
        version: m[2],
        ...(user ? { user } : {}),
        ...(channel ? { channel } : {}),
        ...(m[5] ? { rrev: m[5] } : {}),
        ...(m[6] ? { packageId: m[6] } : {}),
        ...(m[7] ? { prev: m[7] } : {})
    };
}
function addRef(b, r, scope) {
    const qualifiers = {};
    if (r.user)
        qualifiers.user = r.user;
    if (r.channel)
        qualifiers.channel = r.channel;
    // The purl type requires a namespace (the vendor) with a channel: the user publishes it.
    const namespace = r.channel ? r.user : undefined;
    const props = {};
    if (r.rrev)
        props['secure-pipeline:conan:recipe-revision'] = r.rrev;
    if (r.packageId)
        props['secure-pipeline:conan:package-id'] = r.packageId;
    if (r.prev)
        props['secure-pipeline:conan:package-revision'] = r.prev;
    return b.addPackage({
        type: 'conan',
        ...(namespace ? { namespace } : {}),
        name: r.name,
        version: r.version,
        purl: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .purl */ .EV)('conan', namespace, r.name, r.version, qualifiers),
        ...(scope ? { scopeHint: scope } : {}),
        ...(Object.keys(props).length ? { properties: props } : {})
    });
}
/** Direct requirements named by conanfile.txt / conanfile.py: name → edge kind. */
function declared(input) {
    const out = new Map();
    const txt = input.readSibling('conanfile.txt');
    const py = input.readSibling('conanfile.py');
    if (txt === undefined && py === undefined)
        return undefined;
    const put = (ref, kind) => {
        const name = /^\s*([^/\s"']+)\//.exec(ref)?.[1];
        if (name && (kind === 'prod' || !out.has(name)))
            out.set(name, kind);
    };
    if (txt !== undefined) {
        let section = '';
        for (const raw of txt.split('\n')) {
            const line = raw.replace(/#.*/, '').trim();
            const s = /^\[([a-z_]+)\]$/.exec(line);
            if (s)
                section = s[1];
            else if (line && section === 'requires')
                put(line, 'prod');
            else if (line &&
                (section === 'tool_requires' || section === 'build_requires' || section === 'test_requires'))
                put(line, 'dev');
        }
    }
    if (py !== undefined) {
        const code = py.replace(/#[^\n]*/g, '');
        for (const m of code.matchAll(/self\.(requires|tool_requires|build_requires|test_requires)\(\s*["']([^"']+)["']/g))
            put(m[2], m[1] === 'requires' ? 'prod' : 'dev');
        for (const m of code.matchAll(/^\s*(requires|tool_requires|build_requires|test_requires)\s*=\s*([^\n]+(?:\n\s+[^\n=]+)*)/gm)) {
            for (const r of m[2].matchAll(/["']([^"']+\/[^"']+)["']/g))
                put(r[1], m[1] === 'requires' ? 'prod' : 'dev');
        }
    }
    return out;
}
function parseConanLock(input, b) {
    const d = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .parseJson */ .qF)(input.text, input.file, 'conan.lock');
    const version = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(d.version);
    const rootId = b.addLocal(`local:${input.dir}`, {
        name: input.dirName,
        path: input.dir,
        kind: 'root',
        type: 'conan'
    });
    const bad = (ref) => {
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(input.text, JSON.stringify(ref)), `conan.lock: cannot read reference "${ref}"`);
    };
    if (version === '0.5') {
        const byName = new Map();
        for (const [field, scope] of [
            ['requires', undefined],
            ['build_requires', 'dev'],
            ['python_requires', 'dev'],
            ['config_requires', 'dev']
        ]) {
            const list = d[field];
            if (list !== undefined && !Array.isArray(list))
                throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(input.text, `"${field}"`), `conan.lock: "${field}" is not a list`);
            for (const raw of (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)(list)) {
                const ref = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(raw);
                const r = ref !== undefined ? parseConanRef(ref) : undefined;
                if (!r)
                    return bad(typeof raw === 'string' ? raw : JSON.stringify(raw));
                const id = addRef(b, r, scope);
                if (!byName.has(r.name) || scope === undefined)
                    byName.set(r.name, id);
            }
        }
        const direct = declared(input);
        if (direct)
            for (const [name, kind] of direct) {
                const to = byName.get(name);
                if (to)
                    b.edge(rootId, to, kind);
            }
        return;
    }
    if (version === '0.4' || version === '0.3' || version === '0.2') {
        const nodes = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(d.graph_lock).nodes);
        if (!(0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(d.graph_lock).nodes))
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(input.text, '"graph_lock"'), 'conan.lock: no graph_lock.nodes');
        const ids = new Map();
        const root = Object.prototype.hasOwnProperty.call(nodes, '0') ? '0' : undefined;
        for (const [key, raw] of Object.entries(nodes)) {
            const n = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(raw);
            if (key === root) {
                ids.set(key, rootId);
                continue;
            }
            const ref = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(n.ref) ?? (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(n.pref);
            if (ref === undefined || !ref.includes('/')) {
                // A consumer conanfile (no reference) is first-party.
                ids.set(key, b.addLocal(`local:${input.dir}:conan:${key}`, {
                    name: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(n.path) ?? key,
                    path: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(n.path) ?? '',
                    kind: 'local'
                }));
                continue;
            }
            const r = parseConanRef(ref);
            if (!r)
                return bad(ref);
            if (!r.prev && (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(n.prev))
                r.prev = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(n.prev);
            if (!r.packageId && (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(n.package_id))
                r.packageId = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(n.package_id);
            ids.set(key, addRef(b, r, undefined));
        }
        for (const [key, raw] of Object.entries(nodes)) {
            const n = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(raw);
            const from = ids.get(key);
            for (const [field, kind] of [
                ['requires', 'prod'],
                ['build_requires', 'dev'],
                ['python_requires', 'dev']
            ]) {
                for (const t of (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)(n[field])) {
                    const to = ids.get((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(t) ?? '');
                    if (to)
                        b.edge(from, to, kind);
                }
            }
        }
        return;
    }
    throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .unsupported */ .Zq)(input.file, (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(input.text, '"version"'), `unsupported conan.lock version ${JSON.stringify(d.version ?? null)} (supported: 0.2-0.5)`);
}


/***/ })

};
