export const id = 446;
export const ids = [446];
export const modules = {

/***/ 95446:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseGemfileLock: () => (/* binding */ parseGemfileLock)
/* harmony export */ });
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12695);

const SPEC = /^ {4}([^\s(]+) \(([^)]+)\)$/;
const DEP = /^ {6}([^\s(]+)(?: \(([^)]*)\))?$/;
const PLATFORM_VERSION = /^(\d[0-9A-Za-z.]*)-(.+)$/;
function parseGemfileLock(input, b) {
    const rootId = b.addLocal(`local:${input.dir}`, {
        name: input.dirName,
        path: input.dir,
        kind: 'root',
        type: 'gem'
    });
    const lines = input.text.split('\n');
    let section = '';
    let remote;
    let revision;
    let inSpecs = false;
    let current;
    const byName = new Map();
    const depsOf = new Map();
    const platforms = new Map();
    const direct = [];
    /** name@version (platform variants folded in) → the sha256 of each variant's .gem. */
    const checksums = new Map();
    const pending = [];
    let sawSection = false;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].replace(/\r$/, '');
        if (line.trim() === '') {
            inSpecs = false;
            continue;
        }
        if (!line.startsWith(' ')) {
            section = line.trim();
            sawSection = true;
            remote = undefined;
            revision = undefined;
            inSpecs = false;
            current = undefined;
            continue;
        }
        if (!sawSection)
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, i + 1, 'Gemfile.lock: indented line before any section');
        if (section === 'GEM' ||
            section === 'GIT' ||
            section === 'PATH' ||
            section === 'PLUGIN SOURCE') {
            if (line.startsWith('  remote: '))
                remote = line.slice(10).trim();
            else if (line.startsWith('  revision: '))
                revision = line.slice(12).trim();
            else if (line === '  specs:')
                inSpecs = true;
            else if (inSpecs && line.startsWith('      ')) {
                const m = DEP.exec(line);
                if (!m)
                    throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, i + 1, 'Gemfile.lock: cannot read dependency line');
                if (current)
                    depsOf.get(current).add(m[1]);
            }
            else if (inSpecs && line.startsWith('    ')) {
                const m = SPEC.exec(line);
                if (!m)
                    throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, i + 1, 'Gemfile.lock: cannot read spec line');
                const name = m[1];
                let version = m[2];
                const pm = PLATFORM_VERSION.exec(version);
                let platform;
                if (pm) {
                    version = pm[1];
                    platform = pm[2];
                }
                const key = `${name}@${version}`;
                let id;
                if (section === 'PATH') {
                    id = b.addLocal(`local:${input.dir}:gem:${name}`, {
                        name,
                        version,
                        path: remote ?? '',
                        kind: 'local'
                    });
                }
                else {
                    id = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .purl */ .EV)('gem', undefined, name, version);
                    pending.push({
                        id,
                        name,
                        version,
                        ...(remote ? { remote } : {}),
                        ...(revision ? { revision } : {}),
                        section
                    });
                }
                if (platform) {
                    const set = platforms.get(key) ?? new Set();
                    set.add(platform);
                    platforms.set(key, set);
                }
                if (!byName.has(name))
                    byName.set(name, id);
                if (!depsOf.has(id))
                    depsOf.set(id, new Set());
                current = id;
            }
            else if (!line.startsWith('  ')) {
                throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, i + 1, 'Gemfile.lock: unexpected indentation');
            }
        }
        else if (section === 'DEPENDENCIES') {
            const m = /^ {2}([^\s(!]+)/.exec(line);
            if (m)
                direct.push(m[1]);
        }
        else if (section === 'CHECKSUMS') {
            const m = /^ {2}([^\s(]+) \(([^)]+)\)(?: (.*))?$/.exec(line);
            if (m && m[3]) {
                const key = `${m[1]}@${PLATFORM_VERSION.exec(m[2])?.[1] ?? m[2]}`;
                for (const part of m[3].split(',')) {
                    const [alg, hex] = part.trim().split('=');
                    if (alg === 'sha256' && hex)
                        checksums.set(key, [...(checksums.get(key) ?? []), hex]);
                }
            }
        }
    }
    for (const p of pending) {
        const key = `${p.name}@${p.version}`;
        const props = {};
        const plats = platforms.get(key);
        if (plats)
            props['secure-pipeline:gem:platforms'] = [...plats].sort().join(',');
        if (p.section === 'GIT') {
            if (p.remote)
                props['secure-pipeline:gem:git'] = p.remote;
            if (p.revision)
                props['secure-pipeline:gem:revision'] = p.revision;
        }
        else if (p.remote && !/^https:\/\/rubygems\.org\/?$/.test(p.remote)) {
            props['secure-pipeline:gem:remote'] = p.remote;
        }
        const hashes = (checksums.get(key) ?? [])
            .map(hex => (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .hexHash */ .eP)('SHA-256', hex))
            .filter((h) => h !== undefined);
        b.addPackage({
            type: 'gem',
            name: p.name,
            version: p.version,
            purl: p.id,
            ...(hashes.length ? { hashes } : {}),
            ...(Object.keys(props).length ? { properties: props } : {})
        });
    }
    for (const [from, deps] of depsOf) {
        for (const n of deps) {
            const to = byName.get(n);
            if (to)
                b.edge(from, to, 'prod');
        }
    }
    for (const n of direct) {
        const to = byName.get(n);
        if (to)
            b.edge(rootId, to, 'prod');
    }
}


/***/ })

};
