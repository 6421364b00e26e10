export const id = 514;
export const ids = [514];
export const modules = {

/***/ 514:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseDenoLock: () => (/* binding */ parseDenoLock)
/* harmony export */ });
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(682);

/** `@scope/name@1.0.0_peer@2` → ['@scope/name', '1.0.0'] (peer suffix dropped). */
function splitKey(key) {
    const at = key.indexOf('@', 1);
    if (at <= 0)
        return undefined;
    const version = key.slice(at + 1).replace(/_.*$/, '');
    return [key.slice(0, at), version];
}
function parseDenoLock(input, b) {
    const d = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .parseJson */ .qF)(input.text, input.file, 'deno.lock');
    const version = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(d.version);
    if (version !== '3' && version !== '4' && version !== '5') {
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .unsupported */ .Zq)(input.file, (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(input.text, '"version"'), `unsupported deno.lock version ${JSON.stringify(d.version ?? null)} (supported: 3, 4, 5)`);
    }
    const v3 = version === '3';
    const root = v3 ? (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(d.packages) : d;
    const specifiers = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(root.specifiers);
    const jsr = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(root.jsr);
    const npm = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(root.npm);
    const deno = input.readSibling('deno.json') ?? input.readSibling('deno.jsonc');
    const denoName = deno ? /"name"\s*:\s*"([^"]+)"/.exec(deno)?.[1] : undefined;
    const rootId = b.addLocal(`local:${input.dir}`, {
        name: denoName ?? input.dirName,
        path: input.dir,
        kind: 'root',
        type: 'npm'
    });
    const ids = new Map(); // "jsr:<key>" / "npm:<key>" → node id
    for (const [key, raw] of Object.entries(jsr)) {
        const nv = splitKey(key);
        if (!nv)
            continue;
        const { namespace, name } = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .npmName */ .Ln)(nv[0]);
        const e = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(raw);
        const integrity = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.integrity);
        ids.set(`jsr:${key}`, b.addPackage({
            type: 'jsr',
            ...(namespace ? { namespace } : {}),
            name,
            version: nv[1],
            purl: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .purl */ .EV)('jsr', namespace, name, nv[1]),
            // The integrity of a JSR version hashes its metadata file, not the package contents.
            ...(integrity ? { properties: { 'secure-pipeline:jsr:integrity': integrity } } : {})
        }));
    }
    for (const [key, raw] of Object.entries(npm)) {
        const nv = splitKey(key);
        if (!nv)
            continue;
        const { namespace, name } = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .npmName */ .Ln)(nv[0]);
        const e = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(raw);
        const hashes = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .sriHashes */ .PK)((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.integrity));
        const tarball = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.tarball);
        ids.set(`npm:${key}`, b.addPackage({
            type: 'npm',
            ...(namespace ? { namespace } : {}),
            name,
            version: nv[1],
            purl: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .purl */ .EV)('npm', namespace, name, nv[1]),
            ...(hashes.length ? { hashes } : {}),
            ...(tarball && /^https?:/.test(tarball) ? { downloadUrl: tarball } : {})
        }));
    }
    /** "kind:name" → the "kind:key"s of that package (for bare-name references). */
    const keysByName = new Map();
    for (const k of ids.keys()) {
        const nv = splitKey(k.slice(4));
        if (!nv)
            continue;
        const n = `${k.slice(0, 4)}${nv[0]}`;
        keysByName.set(n, [...(keysByName.get(n) ?? []), k]);
    }
    const byName = (kind, name) => keysByName.get(`${kind}:${name}`) ?? [];
    /** A specifier (`jsr:@s/n@^1`, `npm:n@1`, `npm:/n@1` …) → node id. */
    const resolveSpecifier = (spec) => {
        const kind = spec.startsWith('jsr:') ? 'jsr' : spec.startsWith('npm:') ? 'npm' : undefined;
        if (!kind)
            return undefined;
        const resolved = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(specifiers[spec]);
        const bare = spec.slice(4).replace(/^\//, '');
        const nameRange = splitKey(bare);
        const name = nameRange ? nameRange[0] : bare;
        if (resolved !== undefined) {
            // v3: "jsr:@s/n@1.0.0" / "npm:n@1.0.0"; v4+: "1.0.0" (maybe with a peer suffix).
            const key = resolved.startsWith(`${kind}:`)
                ? resolved.slice(4)
                : `${name}@${resolved.replace(/^npm:/, '')}`;
            if (ids.has(`${kind}:${key}`))
                return ids.get(`${kind}:${key}`);
            const plain = splitKey(key);
            if (plain) {
                const hit = byName(kind, plain[0]).find(k => splitKey(k.slice(4))?.[1] === plain[1]);
                if (hit)
                    return ids.get(hit);
            }
        }
        if (nameRange && ids.has(`${kind}:${bare}`))
            return ids.get(`${kind}:${bare}`);
        const cands = byName(kind, name);
        return cands.length === 1 ? ids.get(cands[0]) : undefined;
    };
    // Edges.
    for (const [key, raw] of Object.entries(jsr)) {
        const from = ids.get(`jsr:${key}`);
        if (!from)
            continue;
        for (const dep of (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(raw).dependencies)) {
            const to = typeof dep === 'string' ? resolveSpecifier(dep) : undefined;
            if (to)
                b.edge(from, to, 'prod');
        }
    }
    for (const [key, raw] of Object.entries(npm)) {
        const from = ids.get(`npm:${key}`);
        if (!from)
            continue;
        const e = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(raw);
        for (const [field, kind] of [
            ['dependencies', 'prod'],
            ['optionalDependencies', 'optional'],
            ['peerDependencies', 'peer']
        ]) {
            const deps = e[field];
            const refs = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(deps)
                ? Object.values(deps).filter((x) => typeof x === 'string')
                : (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)(deps).filter((x) => typeof x === 'string');
            for (const ref of refs) {
                // "name@version[_peer]", "alias@npm:real@version" or a bare "name".
                const real = ref.includes('@npm:') ? ref.slice(ref.indexOf('@npm:') + 5) : ref;
                let to = ids.get(`npm:${real}`);
                if (!to) {
                    const nv = splitKey(real);
                    const cands = byName('npm', nv ? nv[0] : real).filter(k => !nv || splitKey(k.slice(4))?.[1] === nv[1]);
                    if (cands.length >= 1)
                        to = ids.get(cands[0]);
                }
                if (to)
                    b.edge(from, to, kind);
            }
        }
    }
    // The project's own specifiers.
    const ws = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(d.workspace);
    const own = [];
    const collect = (o) => {
        for (const s of (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)(o.dependencies))
            if (typeof s === 'string')
                own.push(s);
        for (const s of (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(o.packageJson).dependencies))
            if (typeof s === 'string')
                own.push(s);
    };
    collect(ws);
    for (const m of Object.values((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(ws.members)))
        collect((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(m));
    for (const spec of own) {
        const to = resolveSpecifier(spec);
        if (to)
            b.edge(rootId, to, 'prod');
    }
}


/***/ })

};
