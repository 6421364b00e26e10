export const id = 152;
export const ids = [152];
export const modules = {

/***/ 23152:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseTerraformLock: () => (/* binding */ parseTerraformLock)
/* harmony export */ });
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12695);

const DEFAULT_REGISTRY = 'registry.terraform.io';
function readBlocks(input) {
    const lines = input.text.split('\n');
    const out = [];
    let cur;
    let inHashes = false;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i]
            .replace(/\r$/, '')
            .replace(/(^|\s)(#|\/\/).*$/, '')
            .trim();
        if (!line)
            continue;
        if (inHashes) {
            for (const m of line.matchAll(/"([^"]*)"/g))
                cur.hashes.push(m[1]);
            if (line.includes(']'))
                inHashes = false;
            continue;
        }
        if (cur === undefined) {
            const m = /^provider\s+"([^"]+)"\s*\{$/.exec(line);
            if (m) {
                cur = { address: m[1], line: i + 1, hashes: [] };
                continue;
            }
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, i + 1, `.terraform.lock.hcl: expected a provider block`);
        }
        if (line === '}') {
            out.push(cur);
            cur = undefined;
            continue;
        }
        const attr = /^([a-z_]+)\s*=\s*(.*)$/.exec(line);
        if (!attr)
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, i + 1, '.terraform.lock.hcl: cannot read attribute');
        const [, key, value] = attr;
        if (key === 'hashes') {
            for (const m of value.matchAll(/"([^"]*)"/g))
                cur.hashes.push(m[1]);
            inHashes = !value.includes(']');
        }
        else {
            const s = /^"([^"]*)"$/.exec(value)?.[1];
            if (key === 'version')
                cur.version = s;
            else if (key === 'constraints')
                cur.constraints = s;
        }
    }
    if (cur !== undefined)
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, cur.line, `.terraform.lock.hcl: unterminated provider block`);
    return out;
}
function parseTerraformLock(input, b) {
    const rootId = b.addLocal(`local:${input.dir}`, {
        name: input.dirName,
        path: input.dir,
        kind: 'root',
        type: 'terraform'
    });
    for (const blk of readBlocks(input)) {
        const parts = blk.address.split('/');
        // "<host>/<namespace>/<type>" (older files may omit the host).
        const [host, namespace, name] = parts.length === 3 ? parts : parts.length === 2 ? [DEFAULT_REGISTRY, ...parts] : [];
        if (!host || !namespace || !name || !blk.version)
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, blk.line, `.terraform.lock.hcl: provider "${blk.address}" without <namespace>/<type> and version`);
        const qualifiers = host.toLowerCase() === DEFAULT_REGISTRY ? {} : { repository_url: `https://${host}` };
        const hashes = [];
        const props = {};
        for (const h of blk.hashes) {
            if (h.startsWith('zh:')) {
                const x = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .hexHash */ .eP)('SHA-256', h.slice(3));
                if (x)
                    hashes.push(x);
            }
            else if (h.startsWith('h1:') && !props['secure-pipeline:terraform:h1'])
                props['secure-pipeline:terraform:h1'] = h;
        }
        if (blk.constraints)
            props['secure-pipeline:terraform:constraints'] = blk.constraints;
        const id = b.addPackage({
            type: 'terraform',
            namespace,
            name,
            version: blk.version,
            purl: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .purl */ .EV)('terraform', namespace, name, blk.version, qualifiers),
            ...(hashes.length ? { hashes } : {}),
            ...(Object.keys(props).length ? { properties: props } : {})
        });
        b.edge(rootId, id, 'prod');
    }
}


/***/ })

};
