export const id = 920;
export const ids = [920];
export const modules = {

/***/ 83920:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseApkInstalled: () => (/* binding */ parseApkInstalled),
/* harmony export */   parseDpkgStatus: () => (/* binding */ parseDpkgStatus)
/* harmony export */ });
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12695);

/** ID / VERSION_ID from <rootfs>/etc/os-release (or usr/lib/os-release). */
function osRelease(input, up) {
    const t = input.readSibling(`${up}etc/os-release`) ?? input.readSibling(`${up}usr/lib/os-release`);
    if (t === undefined)
        return {};
    const out = {};
    for (const line of t.split('\n')) {
        const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
        if (m)
            out[m[1]] = m[2].replace(/^["']|["']$/g, '');
    }
    return {
        ...(out.ID ? { id: out.ID } : {}),
        ...(out.VERSION_ID ? { versionId: out.VERSION_ID } : {}),
        ...(out.PRETTY_NAME ? { name: out.PRETTY_NAME } : {})
    };
}
function rootfsName(input, up, fallback) {
    const dirParts = input.dir.split('/').filter(Boolean);
    const depth = up.split('/').filter(Boolean).length;
    return dirParts.slice(0, Math.max(0, dirParts.length - depth)).pop() ?? fallback;
}
/** Splits text into blank-line-separated stanzas, keeping the first line number of each. */
function stanzas(text) {
    const out = [];
    let cur;
    const all = text.split('\n');
    for (let i = 0; i < all.length; i++) {
        const l = all[i].replace(/\r$/, '');
        if (l.trim() === '') {
            cur = undefined;
            continue;
        }
        if (!cur) {
            cur = { line: i + 1, lines: [] };
            out.push(cur);
        }
        cur.lines.push(l);
    }
    return out;
}
function parseApkInstalled(input, b) {
    // input.dir is <rootfs>/lib/apk/db
    const up = '../../../';
    const os = osRelease(input, up);
    const distro = os.id && os.versionId ? `${os.id}-${os.versionId}` : undefined;
    const rootId = b.addLocal(`local:${input.dir}`, {
        name: os.name ?? rootfsName(input, up, 'rootfs'),
        path: input.dir,
        kind: 'root',
        type: 'apk'
    });
    const provides = new Map();
    const pkgs = [];
    for (const st of stanzas(input.text)) {
        const f = new Map();
        for (const l of st.lines) {
            if (l.length < 2 || l[1] !== ':')
                throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, st.line, 'apk installed database: expected "X:value" lines');
            const k = l[0];
            // Repeated keys (F/R/Z/a) describe files; we keep the first of each.
            if (!f.has(k))
                f.set(k, l.slice(2));
        }
        const name = f.get('P');
        const version = f.get('V');
        if (!name || !version)
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, st.line, 'apk installed database: package without P:/V:');
        const arch = f.get('A');
        const qualifiers = {};
        if (arch)
            qualifiers.arch = arch;
        if (distro)
            qualifiers.distro = distro;
        const c = f.get('C');
        const h = c?.startsWith('Q1') ? (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .base64Hash */ .m1)('SHA-1', c.slice(2)) : undefined;
        const props = {};
        if (f.get('o'))
            props['secure-pipeline:apk:origin'] = f.get('o');
        const id = b.addPackage({
            type: 'apk',
            namespace: os.id ?? 'alpine',
            name,
            version,
            purl: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .purl */ .EV)('apk', os.id ?? 'alpine', name, version, qualifiers),
            ...(h ? { hashes: [h] } : {}),
            ...(f.get('L') ? { license: f.get('L') } : {}),
            ...(f.get('U') && /^https?:/.test(f.get('U')) ? { downloadUrl: f.get('U') } : {}),
            ...(Object.keys(props).length ? { properties: props } : {})
        });
        provides.set(name, id);
        for (const p of (f.get('p') ?? '').split(/\s+/))
            if (p)
                provides.set(p.split(/[=<>~]/)[0], id);
        pkgs.push({ id, depends: (f.get('D') ?? '').split(/\s+/).filter(Boolean) });
    }
    const dependedOn = new Set();
    for (const p of pkgs) {
        for (const dep of p.depends) {
            if (dep.startsWith('!'))
                continue;
            const to = provides.get(dep.split(/[=<>~]/)[0]);
            if (to) {
                b.edge(p.id, to, 'prod');
                dependedOn.add(to);
            }
        }
    }
    // What is installed on purpose is what nothing else pulls in (apk's world file, if present).
    const world = input.readSibling('../../../etc/apk/world');
    const worldNames = world
        ?.split(/\s+/)
        .filter(Boolean)
        .map(w => w.split(/[=<>~@]/)[0]);
    for (const p of pkgs) {
        const inWorld = worldNames?.some(w => provides.get(w) === p.id);
        if (worldNames ? inWorld : !dependedOn.has(p.id))
            b.edge(rootId, p.id, 'prod');
    }
}
function parseDebFields(lines) {
    const f = new Map();
    let last;
    for (const l of lines) {
        if ((l.startsWith(' ') || l.startsWith('\t')) && last) {
            f.set(last, `${f.get(last)}\n${l.trim()}`);
            continue;
        }
        const c = l.indexOf(':');
        if (c <= 0)
            continue;
        last = l.slice(0, c);
        f.set(last, l.slice(c + 1).trim());
    }
    return f;
}
function parseDpkgStatus(input, b) {
    // input.dir is <rootfs>/var/lib/dpkg (or .../dpkg/status.d for distroless)
    const inStatusD = input.dir.endsWith('status.d');
    const up = inStatusD ? '../../../../' : '../../../';
    const os = osRelease(input, up);
    const ns = os.id ?? 'debian';
    const distro = os.id && os.versionId ? `${os.id}-${os.versionId}` : undefined;
    const rootId = b.addLocal(`local:${inStatusD ? input.dir.replace(/\/status\.d$/, '') : input.dir}`, {
        name: os.name ?? rootfsName(input, up, 'rootfs'),
        path: input.dir,
        kind: 'root',
        type: 'deb'
    });
    const provides = new Map();
    const pkgs = [];
    for (const st of stanzas(input.text)) {
        const f = parseDebFields(st.lines);
        const name = f.get('Package');
        if (!name)
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, st.line, 'dpkg status: stanza without Package:');
        const status = f.get('Status');
        if (status !== undefined && !/\binstalled$/.test(status.trim()))
            continue;
        if (status !== undefined && /not-installed$/.test(status.trim()))
            continue;
        const version = f.get('Version');
        if (!version)
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, st.line, `dpkg status: package ${name} without Version:`);
        const qualifiers = {};
        const arch = f.get('Architecture');
        if (arch)
            qualifiers.arch = arch;
        if (distro)
            qualifiers.distro = distro;
        const source = f.get('Source');
        const props = {};
        if (source)
            props['secure-pipeline:deb:source'] = source;
        const id = b.addPackage({
            type: 'deb',
            namespace: ns,
            name,
            version,
            purl: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .purl */ .EV)('deb', ns, name, version, qualifiers),
            ...(Object.keys(props).length ? { properties: props } : {})
        });
        provides.set(name, id);
        for (const p of (f.get('Provides') ?? '').split(',')) {
            const n = p.trim().split(/[\s(]/)[0];
            if (n && !provides.has(n))
                provides.set(n, id);
        }
        pkgs.push({ id, depends: [f.get('Pre-Depends'), f.get('Depends')].filter(Boolean).join(',') });
    }
    const dependedOn = new Set();
    for (const p of pkgs) {
        for (const clause of p.depends.split(',')) {
            // Alternatives "a | b": the first one installed satisfies it.
            for (const alt of clause.split('|')) {
                const n = alt.trim().split(/[\s(:]/)[0];
                const to = n ? provides.get(n) : undefined;
                if (to) {
                    b.edge(p.id, to, 'prod');
                    dependedOn.add(to);
                    break;
                }
            }
        }
    }
    for (const p of pkgs)
        if (!dependedOn.has(p.id))
            b.edge(rootId, p.id, 'prod');
}


/***/ })

};
