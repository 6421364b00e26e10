export const id = 267;
export const ids = [267];
export const modules = {

/***/ 2267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parsePackageResolved: () => (/* binding */ parsePackageResolved)
/* harmony export */ });
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(682);

/** `.package(url: "…")` / `.package(id: "scope.name")` declarations of a Package.swift. */
function declared(manifest) {
    const urls = new Set();
    const ids = new Set();
    if (manifest === undefined)
        return { urls, ids };
    // Comments out (not the `//` of a URL).
    const text = manifest.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(?<![:/])\/\/[^\n]*/g, '');
    for (const m of text.matchAll(/\.package\s*\(([^)]*)\)/g)) {
        const args = m[1];
        const url = /\burl\s*:\s*"([^"]+)"/.exec(args)?.[1];
        if (url)
            urls.add(locationKey(url));
        const id = /\bid\s*:\s*"([^"]+)"/.exec(args)?.[1];
        if (id)
            ids.add(id.toLowerCase());
        const path = /\bpath\s*:\s*"([^"]+)"/.exec(args)?.[1];
        if (path)
            urls.add(`path:${path}`);
    }
    return { urls, ids };
}
function locationKey(location) {
    const r = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .repoPath */ .qN)(location);
    return r ? `${r.host}/${r.path}`.toLowerCase() : location.toLowerCase();
}
function readPins(input) {
    const d = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .parseJson */ .qF)(input.text, input.file, 'Package.resolved');
    const version = d.version;
    if (version !== 1 && version !== 2 && version !== 3) {
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .unsupported */ .Zq)(input.file, (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(input.text, '"version"'), `unsupported Package.resolved version ${JSON.stringify(version ?? null)} (supported: 1, 2, 3)`);
    }
    const list = version === 1 ? (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(d.object).pins : d.pins;
    if (!Array.isArray(list))
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(input.text, '"pins"'), 'Package.resolved: "pins" is not a list');
    return list.map((raw, i) => {
        const e = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(raw);
        const state = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(e.state);
        const identity = version === 1 ? (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.package) : (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.identity);
        const location = version === 1 ? (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.repositoryURL) : (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.location);
        const kind = version === 1 ? 'remoteSourceControl' : ((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.kind) ?? 'remoteSourceControl');
        if (!(0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(raw) || !identity || (location === undefined && kind !== 'registry')) {
            const at = identity ? (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(input.text, `"${identity}"`) : (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(input.text, '"pins"');
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, at, `Package.resolved: pin #${i + 1} without identity/location`);
        }
        const v = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(state.version);
        const revision = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(state.revision);
        const branch = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(state.branch);
        return {
            identity,
            kind,
            location: location ?? '',
            ...(v ? { version: v } : {}),
            ...(revision ? { revision } : {}),
            ...(branch ? { branch } : {})
        };
    });
}
function parsePackageResolved(input, b) {
    const pins = readPins(input);
    const manifestText = input.readSibling('Package.swift');
    const manifestName = manifestText
        ? /Package\s*\(\s*name\s*:\s*"([^"]+)"/.exec(manifestText)?.[1]
        : undefined;
    // An Xcode project keeps its file in X.xcodeproj/project.xcworkspace/xcshareddata/swiftpm/.
    const xcode = /(?:^|\/)([^/]+)\.(?:xcodeproj|xcworkspace)\//.exec(`${input.dir}/`)?.[1];
    const rootId = b.addLocal(`local:${input.dir}`, {
        name: manifestName ?? xcode ?? input.dirName,
        path: input.dir,
        kind: 'root',
        type: 'swift'
    });
    const { urls, ids } = declared(manifestText);
    // An Xcode project declares its packages in project.pbxproj (XCRemoteSwiftPackageReference).
    const pbxproj = /(^|\/)[^/]+\.xcodeproj\/project\.xcworkspace\/xcshareddata\/swiftpm$/.test(input.dir)
        ? input.readSibling('../../../project.pbxproj')
        : undefined;
    if (pbxproj !== undefined)
        for (const m of pbxproj.matchAll(/\brepositoryURL\s*=\s*"?([^";\s]+)"?\s*;/g))
            urls.add(locationKey(m[1]));
    for (const p of pins) {
        const at = () => (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(input.text, new RegExp(`"${(0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeRegExp */ .Nt)(p.identity)}"`));
        let id;
        if (p.kind === 'localSourceControl' || p.kind === 'fileSystem') {
            id = b.addLocal(`local:${input.dir}:swift:${p.identity}`, {
                name: p.identity,
                ...(p.version ? { version: p.version } : {}),
                path: p.location,
                kind: 'local',
                type: 'swift'
            });
        }
        else {
            let namespace;
            let name;
            const props = {};
            if (p.kind === 'registry') {
                // Registry identities are `scope.name`.
                const dot = p.identity.indexOf('.');
                if (dot <= 0)
                    throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, at(), `Package.resolved: registry pin "${p.identity}" is not scope.name`);
                namespace = p.identity.slice(0, dot);
                name = p.identity.slice(dot + 1);
                props['secure-pipeline:swift:registry'] = 'true';
            }
            else {
                const r = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .repoPath */ .qN)(p.location);
                const slash = r ? r.path.lastIndexOf('/') : -1;
                if (!r || slash <= 0) {
                    // No host/owner to build the required namespace from: keep the location as a property.
                    namespace = r ? `${r.host}` : 'unknown';
                    name = r ? r.path : p.identity;
                }
                else {
                    namespace = `${r.host}/${r.path.slice(0, slash)}`;
                    name = r.path.slice(slash + 1);
                }
                props['secure-pipeline:swift:location'] = p.location;
            }
            if (p.revision)
                props['secure-pipeline:swift:revision'] = p.revision;
            if (p.branch)
                props['secure-pipeline:swift:branch'] = p.branch;
            const version = p.version ?? p.revision;
            if (!version)
                throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, at(), `Package.resolved: pin "${p.identity}" without version or revision`);
            id = b.addPackage({
                type: 'swift',
                namespace,
                name,
                version,
                purl: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .purl */ .EV)('swift', namespace, name, version),
                properties: props
            });
        }
        const isDeclared = p.kind === 'registry'
            ? ids.has(p.identity.toLowerCase())
            : urls.has(locationKey(p.location)) || urls.has(`path:${p.location}`);
        if (isDeclared)
            b.edge(rootId, id, 'prod');
    }
}


/***/ })

};
