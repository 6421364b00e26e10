export const id = 181;
export const ids = [181];
export const modules = {

/***/ 12181:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseJuliaManifest: () => (/* binding */ parseJuliaManifest)
/* harmony export */ });
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12695);

function parseJuliaManifest(input, b) {
    const d = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .parseTomlFile */ .gm)(input.text, input.file, 'Manifest.toml');
    const format = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(d.manifest_format);
    if (format !== undefined && !/^[12]\./.test(format)) {
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .unsupported */ .Zq)(input.file, (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(input.text, 'manifest_format'), `unsupported Manifest.toml manifest_format "${format}" (supported: 1.x, 2.x)`);
    }
    const table = format?.startsWith('2.') ? (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(d.deps) : d;
    const project = input.readSibling('Project.toml') ?? input.readSibling('JuliaProject.toml');
    let manifest = {};
    if (project !== undefined) {
        try {
            manifest = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .parseTomlFile */ .gm)(project, 'Project.toml', 'Project.toml');
        }
        catch {
            manifest = {};
        }
    }
    const rootId = b.addLocal(`local:${input.dir}`, {
        name: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(manifest.name) ?? input.dirName,
        ...((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(manifest.version) ? { version: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(manifest.version) } : {}),
        path: input.dir,
        kind: 'root',
        type: 'julia'
    });
    const byName = new Map();
    const entries = [];
    for (const [name, list] of Object.entries(table)) {
        if (!Array.isArray(list))
            continue;
        for (const raw of list) {
            if (!(0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(raw))
                continue;
            const uuid = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(raw.uuid);
            const version = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(raw.version);
            if (!uuid || !version)
                continue;
            let id;
            if ((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(raw.path) !== undefined) {
                id = b.addLocal(`local:${input.dir}:julia:${uuid}`, {
                    name,
                    version,
                    path: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(raw.path),
                    kind: 'local',
                    type: 'julia'
                });
            }
            else {
                const props = {};
                const tree = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(raw['git-tree-sha1']);
                if (tree)
                    props['secure-pipeline:julia:git-tree-sha1'] = tree;
                const repo = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(raw['repo-url']);
                if (repo)
                    props['secure-pipeline:julia:repo-url'] = repo;
                const rev = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(raw['repo-rev']);
                if (rev)
                    props['secure-pipeline:julia:repo-rev'] = rev;
                id = b.addPackage({
                    type: 'julia',
                    name,
                    version,
                    purl: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .purl */ .EV)('julia', undefined, name, version, { uuid }),
                    ...(Object.keys(props).length ? { properties: props } : {})
                });
            }
            byName.set(name, [...(byName.get(name) ?? []), { uuid, id }]);
            entries.push({ id, deps: raw.deps });
        }
    }
    const find = (name, uuid) => {
        const list = byName.get(name) ?? [];
        return (uuid ? list.find(x => x.uuid === uuid) : list.length === 1 ? list[0] : undefined)?.id;
    };
    for (const { id, deps } of entries) {
        if ((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(deps)) {
            for (const [n, u] of Object.entries(deps)) {
                const to = find(n, (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(u));
                if (to)
                    b.edge(id, to, 'prod');
            }
        }
        else {
            for (const n of (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)(deps)) {
                const to = typeof n === 'string' ? find(n) : undefined;
                if (to)
                    b.edge(id, to, 'prod');
            }
        }
    }
    const testOnly = new Set((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(manifest.targets).test).filter((x) => typeof x === 'string'));
    for (const [field, kind] of [
        ['deps', 'prod'],
        ['weakdeps', 'optional'],
        ['extras', 'dev']
    ]) {
        for (const [n, u] of Object.entries((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(manifest[field]))) {
            if (field === 'extras' && !testOnly.has(n))
                continue;
            const to = find(n, (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(u));
            if (to)
                b.edge(rootId, to, kind);
        }
    }
}


/***/ })

};
