export const id = 972;
export const ids = [972];
export const modules = {

/***/ 6972:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseGoMod: () => (/* binding */ parseGoMod)
/* harmony export */ });
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(682);

/** Tokenises go.mod into directives, expanding `verb ( ... )` blocks. */
function readGoMod(input) {
    const out = [];
    const lines = input.text.split('\n');
    let block;
    let blockLine = 0;
    for (let i = 0; i < lines.length; i++) {
        const raw = lines[i].replace(/\r$/, '');
        const ci = commentIndex(raw);
        const code = (ci >= 0 ? raw.slice(0, ci) : raw).trim();
        const comment = ci >= 0 ? raw.slice(ci + 2).trim() : '';
        if (!code)
            continue;
        const tokens = tokenize(code, input.file, i + 1);
        if (block !== undefined) {
            if (tokens.length === 1 && tokens[0] === ')') {
                block = undefined;
                continue;
            }
            out.push({ verb: block, args: tokens, comment, line: i + 1 });
            continue;
        }
        if (tokens.length === 2 && tokens[1] === '(') {
            block = tokens[0];
            blockLine = i + 1;
            continue;
        }
        out.push({ verb: tokens[0], args: tokens.slice(1), comment, line: i + 1 });
    }
    if (block !== undefined)
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, blockLine, `go.mod: unterminated "${block} (" block`);
    return out;
}
function commentIndex(line) {
    let inQuote;
    for (let i = 0; i < line.length - 1; i++) {
        const c = line[i];
        if (inQuote) {
            if (c === '\\' && inQuote === '"')
                i++;
            else if (c === inQuote)
                inQuote = undefined;
        }
        else if (c === '"' || c === '`')
            inQuote = c;
        else if (c === '/' && line[i + 1] === '/')
            return i;
    }
    return -1;
}
function tokenize(code, file, line) {
    const out = [];
    let i = 0;
    while (i < code.length) {
        const c = code[i];
        if (c === ' ' || c === '\t') {
            i++;
            continue;
        }
        if (c === '"' || c === '`') {
            const end = code.indexOf(c, i + 1);
            if (end < 0)
                throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(file, line, 'go.mod: unterminated string');
            out.push(code.slice(i + 1, end));
            i = end + 1;
            continue;
        }
        let j = i;
        while (j < code.length && code[j] !== ' ' && code[j] !== '\t')
            j++;
        out.push(code.slice(i, j));
        i = j;
    }
    return out;
}
function goPurl(module, version) {
    const slash = module.lastIndexOf('/');
    return slash < 0
        ? (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .purl */ .EV)('golang', undefined, module, version)
        : (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .purl */ .EV)('golang', module.slice(0, slash), module.slice(slash + 1), version);
}
/** A module path: non-empty `/`-separated elements (no empty element, no trailing slash). */
const MODULE_PATH = /^[^\s/]+(\/[^\s/]+)*$/;
/** A canonical module version (semver with `v`; pseudo-versions and `+incompatible` included). */
const MODULE_VERSION = /^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
function isLocalPath(p) {
    return p.startsWith('./') || p.startsWith('../') || p.startsWith('/') || p === '.' || p === '..';
}
function parseGoMod(input, b) {
    const directives = readGoMod(input);
    const moduleDir = directives.find(d => d.verb === 'module');
    if (!moduleDir || moduleDir.args.length !== 1)
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, moduleDir?.line ?? 1, 'go.mod: missing or invalid module directive');
    const modulePath = moduleDir.args[0];
    const rootId = b.addLocal(`local:${input.dir}`, {
        name: modulePath,
        path: input.dir,
        kind: 'root',
        type: 'golang'
    });
    // replace old [v] => new [v]
    const replaces = new Map();
    for (const d of directives) {
        if (d.verb !== 'replace')
            continue;
        const arrow = d.args.indexOf('=>');
        if (arrow < 1 || arrow > 2 || d.args.length < arrow + 2 || d.args.length > arrow + 3)
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, d.line, 'go.mod: invalid replace directive');
        const key = arrow === 2 ? `${d.args[0]}@${d.args[1]}` : d.args[0];
        const target = d.args[arrow + 1];
        const tv = d.args[arrow + 2];
        if (!isLocalPath(target) &&
            (!MODULE_PATH.test(target) || tv === undefined || !MODULE_VERSION.test(tv)))
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, d.line, 'go.mod: invalid replace directive');
        replaces.set(key, { path: target, ...(tv !== undefined ? { version: tv } : {}) });
    }
    const sums = readGoSum(input.readSibling('go.sum'));
    for (const d of directives) {
        if (d.verb !== 'require')
            continue;
        if (d.args.length !== 2)
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, d.line, 'go.mod: invalid require directive');
        const [mod, ver] = d.args;
        if (!MODULE_PATH.test(mod) || !MODULE_VERSION.test(ver))
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, d.line, `go.mod: invalid require directive "${mod} ${ver}"`);
        const indirect = /(^|;)\s*indirect\s*(;|$)/.test(d.comment);
        const rep = replaces.get(`${mod}@${ver}`) ?? replaces.get(mod);
        let id;
        if (rep && isLocalPath(rep.path)) {
            id = b.addLocal(`local:${input.dir}:go:${mod}`, { name: mod, path: rep.path, kind: 'local' });
        }
        else {
            const realMod = rep ? rep.path : mod;
            const realVer = rep?.version ?? ver;
            const props = {};
            if (rep)
                props['secure-pipeline:go:replaces'] = `${mod}@${ver}`;
            const h = sums.get(`${realMod} ${realVer}`);
            id = b.addPackage({
                type: 'golang',
                ...(realMod.includes('/')
                    ? {
                        namespace: realMod.slice(0, realMod.lastIndexOf('/')),
                        name: realMod.slice(realMod.lastIndexOf('/') + 1)
                    }
                    : { name: realMod }),
                version: realVer,
                purl: goPurl(realMod, realVer),
                ...(h ? { hashes: [h] } : {}),
                ...(Object.keys(props).length ? { properties: props } : {})
            });
        }
        if (!indirect)
            b.edge(rootId, id, 'prod');
    }
}
/** go.sum `h1:` hashes of module zips (base64 SHA-256 of the module's file list hash). */
function readGoSum(text) {
    const out = new Map();
    if (text === undefined)
        return out;
    for (const line of text.split('\n')) {
        const parts = line.trim().split(/\s+/);
        if (parts.length !== 3)
            continue;
        const [mod, ver, hash] = parts;
        if (ver.endsWith('/go.mod') || !hash.startsWith('h1:'))
            continue;
        const h = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .base64Hash */ .m1)('SHA-256', hash.slice(3));
        if (h)
            out.set(`${mod} ${ver}`, h);
    }
    return out;
}


/***/ })

};
