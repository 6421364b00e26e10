export const id = 550;
export const ids = [550];
export const modules = {

/***/ 2550:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parsePom: () => (/* binding */ parsePom)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var fast_xml_parser__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(69658);
/* harmony import */ var fast_xml_parser__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(75824);
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12695);
/**
 * pom.xml: the project's direct dependencies, with versions resolved from properties, the
 * dependencyManagement section, a parent pom found locally (relativePath), and imported BOMs
 * found locally. Nothing transitive: that needs a resolver and the network.
 */



const ARRAYS = new Set([
    'project.dependencies.dependency',
    'project.dependencyManagement.dependencies.dependency',
    'project.modules.module',
    'project.licenses.license'
]);
const parser = new fast_xml_parser__WEBPACK_IMPORTED_MODULE_2__/* ["default"] */ .A({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (_name, jpath) => typeof jpath === 'string' && ARRAYS.has(jpath)
});
function readPom(text, file, strict) {
    const v = fast_xml_parser__WEBPACK_IMPORTED_MODULE_3__/* .XMLValidator */ .iI.validate(text);
    if (v !== true) {
        if (!strict)
            return undefined;
        const unclosed = /^Invalid '\[/.test(v.err.msg) || /unclosed|not closed/i.test(v.err.msg);
        const line = unclosed ? text.trimEnd().split('\n').length : v.err.line;
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .malformed */ .Qm)(file, line, `pom.xml: ${v.err.msg.replace(/\s+/g, ' ').slice(0, 200)}`);
    }
    const d = parser.parse(text);
    const project = d.project;
    if (!(0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(project)) {
        if (!strict)
            return undefined;
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .malformed */ .Qm)(file, 1, 'pom.xml: no <project> element');
    }
    return project;
}
function text(v) {
    const s = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(v);
    return s === undefined ? undefined : s.trim();
}
function list(v) {
    if (Array.isArray(v))
        return v.filter(_util_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv);
    return (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(v) ? [v] : [];
}
function parsePom(input, b) {
    const project = readPom(input.text, input.file, true);
    // Parent chain found locally (default relativePath ../pom.xml).
    const chain = [project];
    let cur = project;
    let curRel = '';
    for (let depth = 0; depth < 5; depth++) {
        const parent = cur.parent;
        if (!(0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(parent))
            break;
        const rel = text(parent.relativePath) ?? '../pom.xml';
        if (rel === '')
            break;
        const relFile = rel.endsWith('.xml') ? rel : `${rel}/pom.xml`;
        const parentRel = node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.normalize(node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.join(curRel, relFile));
        const t = input.readSibling(parentRel);
        if (t === undefined)
            break;
        const pp = readPom(t, parentRel, false);
        if (!pp || text(pp.artifactId) !== text(parent.artifactId))
            break;
        chain.push(pp);
        cur = pp;
        curRel = node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.dirname(parentRel);
    }
    const props = new Map();
    // Parents first, so the child's values win.
    for (let i = chain.length - 1; i >= 0; i--) {
        const p = chain[i];
        const pr = p.properties;
        if ((0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(pr))
            for (const [k, v] of Object.entries(pr))
                if (text(v) !== undefined)
                    props.set(k, text(v));
    }
    const parent = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(project.parent) ? project.parent : {};
    const groupId = text(project.groupId) ?? text(parent.groupId) ?? '';
    const version = text(project.version) ?? text(parent.version);
    const artifactId = text(project.artifactId) ?? '';
    props.set('project.groupId', groupId);
    props.set('pom.groupId', groupId);
    props.set('project.artifactId', artifactId);
    if (version !== undefined) {
        props.set('project.version', version);
        props.set('pom.version', version);
    }
    if (text(parent.version))
        props.set('project.parent.version', text(parent.version));
    if (text(parent.groupId))
        props.set('project.parent.groupId', text(parent.groupId));
    const resolve = (v) => {
        if (v === undefined)
            return undefined;
        let out = v;
        for (let i = 0; i < 10 && out.includes('${'); i++) {
            out = out.replace(/\$\{([^}]+)\}/g, (m, k) => props.get(k) ?? m);
        }
        return out;
    };
    const managed = new Map();
    const managedScope = new Map();
    const boms = [];
    for (let i = chain.length - 1; i >= 0; i--) {
        const dm = chain[i].dependencyManagement;
        const deps = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(dm) && (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(dm.dependencies) ? list(dm.dependencies.dependency) : [];
        for (const dep of deps) {
            const g = resolve(text(dep.groupId)) ?? '';
            const a = resolve(text(dep.artifactId)) ?? '';
            const v = resolve(text(dep.version));
            if (text(dep.scope) === 'import' && text(dep.type) === 'pom') {
                if (v)
                    boms.push({ groupId: g, artifactId: a, version: v });
                continue;
            }
            if (v)
                managed.set(`${g}:${a}`, v);
            if (text(dep.scope))
                managedScope.set(`${g}:${a}`, text(dep.scope));
        }
    }
    // Imported BOMs that live in this repository (multi-module layouts: a sibling or child
    // directory named after the BOM's artifactId) contribute their dependencyManagement.
    const localBoms = new Set();
    for (const bom of boms) {
        for (const rel of [
            `../${bom.artifactId}/pom.xml`,
            `${bom.artifactId}/pom.xml`,
            `../../${bom.artifactId}/pom.xml`
        ]) {
            const t = input.readSibling(rel);
            if (t === undefined)
                continue;
            const bp = readPom(t, rel, false);
            if (!bp || text(bp.artifactId) !== bom.artifactId)
                continue;
            const bParent = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(bp.parent) ? bp.parent : {};
            if ((text(bp.groupId) ?? text(bParent.groupId)) !== bom.groupId)
                continue;
            const bProps = new Map();
            if ((0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(bp.properties))
                for (const [k, v] of Object.entries(bp.properties))
                    if (text(v) !== undefined)
                        bProps.set(k, text(v));
            bProps.set('project.version', text(bp.version) ?? text(bParent.version) ?? bom.version);
            bProps.set('project.groupId', bom.groupId);
            const bResolve = (v) => v?.replace(/\$\{([^}]+)\}/g, (m, k) => bProps.get(k) ?? props.get(k) ?? m);
            const dm = bp.dependencyManagement;
            const deps = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(dm) && (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(dm.dependencies) ? list(dm.dependencies.dependency) : [];
            for (const dep of deps) {
                const key = `${bResolve(text(dep.groupId)) ?? ''}:${bResolve(text(dep.artifactId)) ?? ''}`;
                const v = bResolve(text(dep.version));
                if (v && !v.includes('${') && !managed.has(key))
                    managed.set(key, v);
            }
            localBoms.add(`${bom.groupId}:${bom.artifactId}`);
            break;
        }
    }
    const licenses = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(project.licenses) ? list(project.licenses.license) : [];
    const license = licenses.length === 1 ? text(licenses[0].name) : undefined;
    const rootId = b.addLocal(`local:${input.dir}`, {
        name: artifactId,
        namespace: groupId,
        ...(version !== undefined ? { version: resolve(version) } : {}),
        ...(text(project.description)
            ? { description: text(project.description).replace(/\s+/g, ' ') }
            : {}),
        ...(license ? { license } : {}),
        path: input.dir,
        kind: 'root',
        type: 'maven'
    });
    const deps = (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(project.dependencies) ? list(project.dependencies.dependency) : [];
    for (const dep of deps) {
        const g = resolve(text(dep.groupId));
        const a = resolve(text(dep.artifactId));
        if (!g || !a)
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .malformed */ .Qm)(input.file, undefined, 'pom.xml: dependency without groupId/artifactId');
        const key = `${g}:${a}`;
        let v = resolve(text(dep.version)) ?? managed.get(key);
        let source = text(dep.version) !== undefined
            ? 'declared'
            : v !== undefined
                ? 'dependencyManagement'
                : undefined;
        if (v === undefined) {
            // An imported BOM of the same group (e.g. netty-bom) versions its own artifacts; without
            // the BOM's content (it is not local) that is the best offline answer, and it is marked.
            const bom = boms.find(x => x.groupId === g && !localBoms.has(`${x.groupId}:${x.artifactId}`));
            if (bom) {
                v = bom.version;
                source = `bom:${bom.groupId}:${bom.artifactId}:${bom.version}`;
            }
        }
        if (v !== undefined && v.includes('${'))
            v = undefined;
        const scopeName = text(dep.scope) ?? managedScope.get(key) ?? 'compile';
        const optional = text(dep.optional) === 'true';
        const scope = scopeName === 'test' ? 'dev' : optional ? 'optional' : 'required';
        const props = { 'secure-pipeline:maven:scope': scopeName };
        if (source)
            props['secure-pipeline:maven:version-source'] = source;
        const type = text(dep.type);
        const classifier = text(dep.classifier);
        const qualifiers = {};
        if (type && type !== 'jar')
            qualifiers.type = type;
        if (classifier)
            qualifiers.classifier = classifier;
        const id = b.addPackage({
            type: 'maven',
            namespace: g,
            name: a,
            version: v ?? '',
            purl: (0,_util_js__WEBPACK_IMPORTED_MODULE_1__/* .purl */ .EV)('maven', g, a, v, qualifiers),
            scopeHint: scope,
            properties: props
        });
        b.edge(rootId, id, scope === 'dev' ? 'dev' : scope === 'optional' ? 'optional' : 'prod');
    }
}


/***/ })

};
