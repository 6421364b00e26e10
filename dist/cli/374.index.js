export const id = 374;
export const ids = [374];
export const modules = {

/***/ 63374:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseYarnLock: () => (/* binding */ parseYarnLock)
});

// EXTERNAL MODULE: ./node_modules/@yarnpkg/parsers/lib/index.js
var lib = __webpack_require__(67823);
// EXTERNAL MODULE: ./packages/sbom/src/util.ts
var util = __webpack_require__(12695);
// EXTERNAL MODULE: ./packages/sbom/src/parsers/npm.ts
var npm = __webpack_require__(48093);
;// CONCATENATED MODULE: ./packages/sbom/src/parsers/workspaces.ts
/**
 * Expands workspace patterns (`packages/*`, `apps/**`, `tools/cli`, `!excluded`) to member
 * directories (relative to the lockfile's directory) that contain a package.json.
 */
function expandWorkspaces(input, patterns) {
    const found = new Set();
    const negated = [];
    for (const raw of patterns) {
        if (raw.startsWith('!')) {
            negated.push(globToRegExp(clean(raw.slice(1))));
            continue;
        }
        for (const dir of expand(input, clean(raw).split('/'), '')) {
            if (input.exists(`${dir}/package.json`))
                found.add(dir);
        }
    }
    return [...found].filter(d => !negated.some(re => re.test(d))).sort();
}
function clean(p) {
    return p.replace(/^\.\//, '').replace(/\/+$/, '');
}
function globToRegExp(glob) {
    let re = '';
    for (const part of glob.split('/')) {
        if (re)
            re += '/';
        if (part === '**')
            re += '.*';
        else
            re += part
                .replace(/[.+^${}()|[\]\\]/g, '\\$&')
                .replace(/\*/g, '[^/]*')
                .replace(/\?/g, '[^/]');
    }
    return new RegExp(`^${re.replace(/\/\.\*$/, '(/.*)?')}$`);
}
function expand(input, parts, base, depth = 0) {
    if (parts.length === 0)
        return base ? [base] : [];
    if (depth > 8)
        return [];
    const [head, ...rest] = parts;
    const join = (name) => (base ? `${base}/${name}` : name);
    if (head === '**') {
        const out = expand(input, rest, base, depth + 1);
        for (const name of input.listDirs(base || '.')) {
            if (name === 'node_modules' || name.startsWith('.'))
                continue;
            out.push(...expand(input, parts, join(name), depth + 1));
        }
        return out;
    }
    if (!/[*?[]/.test(head))
        return expand(input, rest, join(head), depth + 1);
    const re = globToRegExp(head);
    const out = [];
    for (const name of input.listDirs(base || '.')) {
        if (name === 'node_modules' || !re.test(name))
            continue;
        out.push(...expand(input, rest, join(name), depth + 1));
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/sbom/src/parsers/yarn.ts
/**
 * yarn.lock: classic (v1, its own line format) and berry (v2+, YAML with `__metadata`).
 */




function parseYarnLock(input, b) {
    // Berry files carry a `__metadata:` block near the top; classic files never do.
    if (/^__metadata:/m.test(input.text)) {
        parseBerry(input, b);
    }
    else {
        parseClassic(input, b);
    }
}
function unquote(s) {
    return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s;
}
/** Reads classic yarn.lock blocks (header line, 2-space fields, 4-space dependency lists). */
function readClassic(input) {
    const text = input.text;
    const entries = [];
    let cur;
    let section;
    let lineNo = 0;
    let start = 0;
    while (start <= text.length) {
        let end = text.indexOf('\n', start);
        if (end < 0)
            end = text.length;
        let line = text.slice(start, end);
        start = end + 1;
        lineNo++;
        if (line.endsWith('\r'))
            line = line.slice(0, -1);
        if (line.length === 0 || line.startsWith('#')) {
            if (end === text.length)
                break;
            continue;
        }
        const c0 = line.charCodeAt(0);
        if (c0 !== 32) {
            if (!line.endsWith(':'))
                throw (0,util/* malformed */.Qm)(input.file, lineNo, 'yarn.lock: expected an entry header');
            const header = line.slice(0, -1);
            const descriptors = header
                .split(',')
                .map(s => unquote(s.trim()))
                .filter(Boolean);
            if (descriptors.length === 0)
                throw (0,util/* malformed */.Qm)(input.file, lineNo, 'yarn.lock: empty entry header');
            cur = { descriptors, line: lineNo, fields: new Map(), deps: [] };
            entries.push(cur);
            section = undefined;
        }
        else if (cur === undefined) {
            throw (0,util/* malformed */.Qm)(input.file, lineNo, 'yarn.lock: indented line outside an entry');
        }
        else if (line.startsWith('    ')) {
            if (section === undefined) {
                // Deeper fields we do not use (e.g. bin, dependenciesMeta).
                if (end === text.length)
                    break;
                continue;
            }
            const t = line.trim();
            const sp = firstUnquotedSpace(t);
            if (sp < 0)
                throw (0,util/* malformed */.Qm)(input.file, lineNo, 'yarn.lock: expected "name range"');
            cur.deps.push([unquote(t.slice(0, sp)), unquote(t.slice(sp + 1).trim()), section]);
        }
        else if (line.startsWith('  ') && line.charCodeAt(2) !== 32) {
            const t = line.slice(2);
            if (t.endsWith(':')) {
                const key = t.slice(0, -1);
                section =
                    key === 'dependencies' ? 'prod' : key === 'optionalDependencies' ? 'optional' : undefined;
                continue;
            }
            section = undefined;
            const sp = firstUnquotedSpace(t);
            if (sp < 0)
                throw (0,util/* malformed */.Qm)(input.file, lineNo, 'yarn.lock: expected "key value"');
            cur.fields.set(unquote(t.slice(0, sp)), unquote(t.slice(sp + 1).trim()));
        }
        else {
            throw (0,util/* malformed */.Qm)(input.file, lineNo, 'yarn.lock: unexpected indentation');
        }
        if (end === text.length)
            break;
    }
    // A truncated file ends inside an entry that has no version yet.
    for (const e of entries) {
        if (!e.fields.has('version'))
            throw (0,util/* malformed */.Qm)(input.file, e.line, 'yarn.lock: entry without a version');
    }
    return entries;
}
function firstUnquotedSpace(s) {
    if (!s.startsWith('"'))
        return s.indexOf(' ');
    const close = s.indexOf('"', 1);
    return close < 0 ? -1 : s.indexOf(' ', close);
}
function isLocalRange(range) {
    return /^(file|link|portal|workspace):/.test(range);
}
function parseClassic(input, b) {
    const entries = readClassic(input);
    const byDescriptor = new Map();
    const ids = [];
    for (const e of entries) {
        const first = e.descriptors[0];
        const [declared, range] = (0,util/* splitAt */.gI)(first);
        const name = range?.startsWith('npm:') ? (0,util/* splitAt */.gI)(range.slice(4))[0] : declared;
        const version = e.fields.get('version');
        let id;
        if (range !== undefined && isLocalRange(range)) {
            id = b.addLocal(`local:${input.dir}:yarn:${first}`, {
                name,
                version,
                path: range.replace(/^[a-z]+:/, ''),
                kind: 'local'
            });
        }
        else {
            const resolved = e.fields.get('resolved');
            const hashes = (0,util/* sriHashes */.PK)(e.fields.get('integrity'));
            if (hashes.length === 0 && resolved) {
                // Old files only carry the sha1 after '#' in the tarball URL.
                const hash = /#([0-9a-f]{40})$/.exec(resolved);
                if (hash)
                    hashes.push({ alg: 'SHA-1', content: hash[1] });
            }
            id = b.addPackage({
                type: 'npm',
                ...(0,util/* npmName */.Ln)(name),
                version,
                purl: (0,util/* purl */.EV)('npm', (0,util/* npmName */.Ln)(name).namespace, (0,util/* npmName */.Ln)(name).name, version),
                ...(hashes.length ? { hashes } : {}),
                ...(resolved && /^https?:/.test(resolved)
                    ? { downloadUrl: resolved.replace(/#.*$/, '') }
                    : {})
            });
        }
        ids.push(id);
        for (const d of e.descriptors)
            byDescriptor.set(d, id);
    }
    entries.forEach((e, i) => {
        for (const [dep, range, kind] of e.deps) {
            const to = byDescriptor.get(`${dep}@${range}`);
            if (to !== undefined)
                b.edge(ids[i], to, kind);
        }
    });
    addManifestRoots(input, b, (name, range) => byDescriptor.get(`${name}@${range}`));
}
/** Root + workspace members from package.json files, linked to what they depend on. */
function addManifestRoots(input, b, lookup) {
    const rootPj = (0,npm.readPackageJson)(input.readSibling('package.json'));
    const rootId = b.addLocal(`local:${input.dir}`, {
        name: rootPj?.name ?? input.dirName,
        ...(rootPj?.version !== undefined ? { version: rootPj.version } : {}),
        ...(rootPj?.license !== undefined ? { license: rootPj.license } : {}),
        ...(rootPj?.description !== undefined ? { description: rootPj.description } : {}),
        path: input.dir,
        kind: 'root',
        type: 'npm'
    });
    if (!rootPj)
        return;
    const members = [['', rootPj]];
    for (const ws of expandWorkspaces(input, rootPj.workspaces)) {
        const pj = (0,npm.readPackageJson)(input.readSibling(`${ws}/package.json`));
        if (pj)
            members.push([ws, pj]);
    }
    const byName = new Map();
    for (const [ws, pj] of members) {
        if (ws === '')
            continue;
        const id = b.addLocal(`local:${input.dir ? input.dir + '/' : ''}${ws}`, {
            name: pj.name ?? ws,
            ...(pj.version !== undefined ? { version: pj.version } : {}),
            ...(pj.license !== undefined ? { license: pj.license } : {}),
            path: input.dir ? `${input.dir}/${ws}` : ws,
            kind: 'workspace',
            type: 'npm'
        });
        if (pj.name)
            byName.set(pj.name, id);
    }
    for (const [ws, pj] of members) {
        const from = ws === '' ? rootId : `local:${input.dir ? input.dir + '/' : ''}${ws}`;
        for (const [name, kind, range] of pj.deps) {
            const to = byName.get(name) ?? lookup(name, range);
            if (to !== undefined)
                b.edge(from, to, kind);
        }
    }
}
const BERRY_VERSIONS = new Set([3, 4, 5, 6, 7, 8, 9, 10]);
function parseBerry(input, b) {
    let d;
    try {
        d = (0,lib/* parseSyml */["do"])(input.text);
    }
    catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        const m = /line (\d+)/i.exec(msg);
        const loc = err.location?.start?.line;
        throw (0,util/* malformed */.Qm)(input.file, loc ?? (m ? Number(m[1]) : (0,util/* lineAt */.mh)(input.text, input.text.trimEnd().length)), `yarn.lock: ${msg.split('\n')[0]}`);
    }
    const meta = (0,util/* obj */.WL)(d.__metadata);
    const version = Number((0,util/* str */.gx)(meta.version));
    if (!BERRY_VERSIONS.has(version)) {
        throw (0,util/* unsupported */.Zq)(input.file, lineOf(input.text, '__metadata:'), `unsupported yarn lockfile __metadata.version ${JSON.stringify(meta.version)} (supported: 3-10)`);
    }
    const byDescriptor = new Map();
    const entries = [];
    const workspaceDev = new Map();
    for (const key in d) {
        if (key === '__metadata')
            continue;
        const e = d[key];
        if (!(0,util/* isObject */.Gv)(e))
            continue;
        const resolution = (0,util/* str */.gx)(e.resolution);
        const version = (0,util/* str */.gx)(e.version);
        if (resolution === undefined || version === undefined) {
            throw (0,util/* malformed */.Qm)(input.file, lineOf(input.text, key), `yarn.lock: entry "${key}" lacks resolution/version`);
        }
        const [name, ref = ''] = (0,util/* splitAt */.gI)(resolution);
        let id;
        if (ref.startsWith('workspace:')) {
            const wsPath = ref.slice('workspace:'.length);
            const full = wsPath === '.' ? input.dir : input.dir ? `${input.dir}/${wsPath}` : wsPath;
            id = b.addLocal(`local:${full}`, {
                name,
                path: full,
                kind: wsPath === '.' ? 'root' : 'workspace',
                type: 'npm',
                ...(version !== '0.0.0-use.local' ? { version } : {})
            });
            const pj = (0,npm.readPackageJson)(input.readSibling(`${wsPath}/package.json`));
            if (pj) {
                const info = b.localInfo(id);
                if (info) {
                    info.version ??= pj.version;
                    info.license ??= pj.license;
                    info.description ??= pj.description;
                }
                workspaceDev.set(id, new Set(pj.deps.filter(x => x[1] === 'dev').map(x => x[0])));
            }
        }
        else if (/^(link|portal|file):/.test(ref)) {
            id = b.addLocal(`local:${input.dir}:yarn:${resolution}`, {
                name,
                path: ref.replace(/^[a-z]+:/, '').replace(/::.*$/, ''),
                kind: 'local'
            });
        }
        else {
            const props = {};
            if (ref.startsWith('patch:'))
                props['secure-pipeline:yarn:patched'] = 'true';
            const checksum = (0,util/* str */.gx)(e.checksum);
            if (checksum)
                props['secure-pipeline:yarn:checksum'] = checksum;
            id = b.addPackage({
                type: 'npm',
                ...(0,util/* npmName */.Ln)(name),
                version,
                purl: (0,util/* purl */.EV)('npm', (0,util/* npmName */.Ln)(name).namespace, (0,util/* npmName */.Ln)(name).name, version),
                ...(Object.keys(props).length ? { properties: props } : {})
            });
        }
        entries.push([id, e]);
        for (const desc of key.split(',')) {
            const dsc = desc.trim();
            byDescriptor.set(dsc, id);
            const loc = dsc.indexOf('::');
            if (loc > 0)
                byDescriptor.set(dsc.slice(0, loc), id);
        }
    }
    const lookup = (name, range) => byDescriptor.get(`${name}@${range}`) ?? byDescriptor.get(`${name}@npm:${range}`);
    for (const [id, e] of entries) {
        const dev = workspaceDev.get(id);
        const peerMeta = (0,util/* obj */.WL)(e.peerDependenciesMeta);
        const depMeta = (0,util/* obj */.WL)(e.dependenciesMeta);
        for (const [field, kind] of [
            ['dependencies', 'prod'],
            ['peerDependencies', 'peer']
        ]) {
            const deps = (0,util/* obj */.WL)(e[field]);
            for (const dep in deps) {
                const range = (0,util/* str */.gx)(deps[dep]);
                if (range === undefined)
                    continue;
                const to = lookup(dep, range);
                if (to === undefined)
                    continue;
                let k = kind;
                if (dev?.has(dep))
                    k = 'dev';
                else if ((0,util/* obj */.WL)(depMeta[dep]).optional === true || (0,util/* obj */.WL)(peerMeta[dep]).optional === true)
                    k = 'optional';
                b.edge(id, to, k);
            }
        }
    }
    if (!b.roots.some(r => b.localInfo(r)?.kind === 'root')) {
        addManifestRoots(input, b, lookup);
    }
}
function lineOf(text, needle) {
    const i = text.indexOf(needle);
    return i < 0 ? 1 : (0,util/* lineAt */.mh)(text, i);
}


/***/ })

};
