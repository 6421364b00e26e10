export const id = 23;
export const ids = [23];
export const modules = {

/***/ 5023:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseMixLock: () => (/* binding */ parseMixLock),
  parseRebarLock: () => (/* binding */ parseRebarLock)
});

// EXTERNAL MODULE: ./packages/sbom/src/util.ts + 9 modules
var util = __webpack_require__(682);
;// CONCATENATED MODULE: ./packages/sbom/src/parsers/terms.ts
/**
 * A reader for the literal terms that Elixir (`mix.lock`) and Erlang (`rebar.lock`) lockfiles
 * are written in: maps, tuples, lists, keyword lists, atoms, strings, binaries, numbers. No
 * evaluation; anything else is a malformed lockfile with its line.
 */

class TermReader {
    text;
    file;
    what;
    dialect;
    i = 0;
    line = 1;
    constructor(text, file, what, dialect) {
        this.text = text;
        this.file = file;
        this.what = what;
        this.dialect = dialect;
    }
    fail(message, line = this.line) {
        throw (0,util/* malformed */.Qm)(this.file, line, `${this.what}: ${message}`);
    }
    /** Skips blanks and comments; true when input remains. */
    skip() {
        const comment = this.dialect === 'elixir' ? '#' : '%';
        while (this.i < this.text.length) {
            const c = this.text[this.i];
            if (c === '\n') {
                this.line++;
                this.i++;
            }
            else if (c === ' ' || c === '\t' || c === '\r')
                this.i++;
            else if (c === comment) {
                while (this.i < this.text.length && this.text[this.i] !== '\n')
                    this.i++;
            }
            else
                return true;
        }
        return false;
    }
    peek(s) {
        this.skip();
        return this.text.startsWith(s, this.i);
    }
    expect(s) {
        if (!this.peek(s))
            this.fail(this.i >= this.text.length ? `unexpected end of file, expected "${s}"` : `expected "${s}"`);
        this.i += s.length;
    }
    atEnd() {
        return !this.skip();
    }
    quoted(close) {
        const start = this.line;
        let out = '';
        this.i++;
        while (this.i < this.text.length) {
            const c = this.text[this.i];
            if (c === close) {
                this.i++;
                return out;
            }
            if (c === '\\') {
                const n = this.text[this.i + 1];
                out += n === 'n' ? '\n' : n === 't' ? '\t' : (n ?? '');
                this.i += 2;
                continue;
            }
            if (c === '\n')
                this.line++;
            if (this.dialect === 'elixir' && c === '#' && this.text[this.i + 1] === '{')
                this.fail('string interpolation is not a literal');
            out += c;
            this.i++;
        }
        return this.fail('unterminated string', start);
    }
    read() {
        if (!this.skip())
            this.fail('unexpected end of file');
        const line = this.line;
        const rest = this.text.slice(this.i, this.i + 2);
        const c = rest[0];
        if (this.dialect === 'elixir' && rest === '%{') {
            this.i += 2;
            const entries = [];
            while (!this.peek('}')) {
                const kw = this.keyword();
                if (kw)
                    entries.push([kw, this.read()]);
                else {
                    const k = this.read();
                    this.expect('=>');
                    entries.push([k, this.read()]);
                }
                if (!this.peek('}'))
                    this.expect(',');
            }
            this.i++;
            return { t: 'map', entries, line };
        }
        if (c === '{' || c === '[') {
            const close = c === '{' ? '}' : ']';
            this.i++;
            const items = [];
            while (!this.peek(close)) {
                const kw = this.dialect === 'elixir' ? this.keyword() : undefined;
                if (kw)
                    items.push({ t: 'tuple', items: [kw, this.read()], line: kw.line });
                else
                    items.push(this.read());
                if (!this.peek(close)) {
                    if (this.i >= this.text.length)
                        this.fail(`unexpected end of file, expected "${close}"`);
                    this.expect(',');
                }
            }
            this.i++;
            return c === '{' ? { t: 'tuple', items, line } : { t: 'list', items, line };
        }
        if (c === '"')
            return { t: 'str', v: this.quoted('"'), line };
        if (this.dialect === 'erlang' && rest === '<<') {
            this.i += 2;
            let v = '';
            if (this.peek('"'))
                v = this.quoted('"');
            this.expect('>>');
            return { t: 'str', v, line };
        }
        if (this.dialect === 'erlang' && c === "'")
            return { t: 'atom', v: this.quoted("'"), line };
        if (this.dialect === 'elixir' && c === ':' && this.text[this.i + 1] === '"') {
            this.i++;
            return { t: 'atom', v: this.quoted('"'), line };
        }
        const m = /^(?::([A-Za-z_][A-Za-z0-9_@]*[?!]?)|(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|([a-z_][A-Za-z0-9_@]*))/.exec(this.text.slice(this.i, this.i + 256));
        if (m) {
            this.i += m[0].length;
            if (m[1] !== undefined && this.dialect === 'elixir')
                return { t: 'atom', v: m[1], line };
            if (m[2] !== undefined)
                return { t: 'num', v: Number(m[2]), line };
            if (m[3] !== undefined) {
                if (this.dialect === 'erlang')
                    return { t: 'atom', v: m[3], line };
                if (m[3] === 'true' || m[3] === 'false' || m[3] === 'nil')
                    return { t: 'atom', v: m[3], line };
            }
        }
        return this.fail(`unexpected "${this.text.slice(this.i, this.i + 20).split('\n')[0]}"`);
    }
    /** Elixir keyword key (`name:` or `"name":`) followed by a value, as an atom term. */
    keyword() {
        this.skip();
        const line = this.line;
        const m = /^([A-Za-z_][A-Za-z0-9_@]*[?!]?):(?=\s)/.exec(this.text.slice(this.i, this.i + 256));
        if (m) {
            this.i += m[0].length;
            return { t: 'atom', v: m[1], line };
        }
        const q = /^"((?:[^"\\\n]|\\.)*)":(?=\s)/.exec(this.text.slice(this.i, this.i + 512));
        if (q) {
            this.i += q[0].length;
            return { t: 'str', v: q[1].replace(/\\(.)/g, '$1'), line };
        }
        return undefined;
    }
}
function atom(t) {
    return t?.t === 'atom' ? t.v : undefined;
}
function terms_text(t) {
    return t?.t === 'str' ? t.v : undefined;
}
/** A keyword list (`[hex: :x, repo: "hexpm"]` / `[{key, value}]`) as a map of atom keys. */
function keywords(t) {
    const out = new Map();
    if (t?.t !== 'list')
        return out;
    for (const item of t.items) {
        if (item.t === 'tuple' && item.items.length === 2) {
            const k = atom(item.items[0]);
            if (k !== undefined)
                out.set(k, item.items[1]);
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/sbom/src/parsers/beam.ts


function hexPurl(pkg, version, repo) {
    const name = pkg.toLowerCase();
    // `hexpm:org` is a private organisation on hex.pm: the purl namespace.
    const org = repo?.startsWith('hexpm:') ? repo.slice(6).toLowerCase() : undefined;
    const other = repo && repo !== 'hexpm' && !org ? repo : undefined;
    return {
        ...(org ? { namespace: org } : {}),
        name,
        purl: (0,util/* purl */.EV)('hex', org, name, version),
        ...(other ? { properties: { 'secure-pipeline:hex:repo': other } } : {})
    };
}
/** Dependencies declared in mix.exs `deps` (a literal-ish scan: `{:name, …, only: …}`). */
function mixDeclarations(input) {
    const root = input.readSibling('mix.exs');
    if (root === undefined)
        return undefined;
    const texts = [root];
    const apps = /\bapps_path\s*:\s*"([^"]+)"/.exec(root)?.[1];
    if (apps) {
        for (const dir of input.listDirs(apps)) {
            const t = input.readSibling(`${apps}/${dir}/mix.exs`);
            if (t !== undefined)
                texts.push(t);
        }
    }
    const out = new Map();
    for (const t of texts) {
        const code = t.replace(/#[^\n]*/g, '');
        for (const m of code.matchAll(/\{\s*:([a-z_][a-z0-9_]*)\s*,([^{}]*(?:\[[^\]]*\])?[^{}]*)\}/g)) {
            const name = m[1];
            const opts = m[2];
            if (/\bin_umbrella\s*:\s*true/.test(opts))
                continue;
            // Only entries that look like dependencies: a requirement string or dependency options.
            if (!/^\s*"|\b(git|github|path|hex|only|optional|runtime|override|organization|repo)\s*:/.test(opts))
                continue;
            const only = /\bonly\s*:\s*(\[[^\]]*\]|:[a-z_]+)/.exec(opts)?.[1];
            const dev = only !== undefined && !/:prod\b/.test(only);
            const optional = /\boptional\s*:\s*true/.test(opts);
            const kind = dev ? 'dev' : optional ? 'optional' : 'prod';
            const prev = out.get(name);
            if (!prev || (prev.kind !== 'prod' && kind === 'prod'))
                out.set(name, { kind });
        }
    }
    return out;
}
function parseMixLock(input, b) {
    const r = new TermReader(input.text, input.file, 'mix.lock', 'elixir');
    if (r.atEnd())
        return void addMixRoot(input, b);
    const top = r.read();
    if (top.t !== 'map')
        r.fail('expected a map %{…}', top.line);
    if (!r.atEnd())
        r.fail('unexpected text after the map');
    const rootId = addMixRoot(input, b);
    const ids = new Map();
    const deps = [];
    for (const [k, v] of top.entries) {
        const app = terms_text(k) ?? atom(k);
        if (app === undefined)
            r.fail('map key is not a string', k.line);
        if (v.t !== 'tuple' || v.items.length < 2)
            r.fail(`entry "${app}" is not a tuple`, v.line);
        const kind = atom(v.items[0]);
        if (kind === 'hex') {
            const pkg = atom(v.items[1]);
            const version = terms_text(v.items[2]);
            if (!pkg || !version)
                r.fail(`hex entry "${app}" without package/version`, v.line);
            const repo = terms_text(v.items[6]);
            const outer = (0,util/* hexHash */.eP)('SHA-256', terms_text(v.items[7]));
            const inner = terms_text(v.items[3]);
            const p = hexPurl(pkg, version, repo);
            const props = { ...p.properties };
            if (inner)
                props['secure-pipeline:hex:inner-checksum'] = inner.toLowerCase();
            if (pkg !== app)
                props['secure-pipeline:hex:app'] = app;
            ids.set(app, b.addPackage({
                type: 'hex',
                ...(p.namespace ? { namespace: p.namespace } : {}),
                name: p.name,
                version,
                purl: p.purl,
                ...(outer ? { hashes: [outer] } : {}),
                ...(Object.keys(props).length ? { properties: props } : {})
            }));
            if (v.items[5])
                deps.push([app, v.items[5]]);
        }
        else if (kind === 'git') {
            const url = terms_text(v.items[1]);
            const rev = terms_text(v.items[2]);
            if (!url || !rev)
                r.fail(`git entry "${app}" without url/revision`, v.line);
            const props = { 'secure-pipeline:hex:git': url };
            for (const [key, val] of keywords(v.items[3])) {
                const s = terms_text(val);
                if (s !== undefined && ['branch', 'tag', 'ref', 'sparse'].includes(key))
                    props[`secure-pipeline:hex:git-${key}`] = s;
            }
            const name = app.toLowerCase();
            ids.set(app, b.addPackage({
                type: 'hex',
                name,
                version: rev,
                purl: (0,util/* purl */.EV)('hex', undefined, name, rev),
                properties: props
            }));
        }
        else if (kind === 'path') {
            ids.set(app, b.addLocal(`local:${input.dir}:mix:${app}`, {
                name: app,
                path: terms_text(v.items[1]) ?? '',
                kind: 'local'
            }));
        }
        else {
            r.fail(`entry "${app}" has unknown kind ${JSON.stringify(kind ?? v.items[0].t)}`, v.line);
        }
    }
    const depended = new Set();
    for (const [app, list] of deps) {
        if (list.t !== 'list')
            r.fail(`dependencies of "${app}" are not a list`, list.line);
        for (const dep of list.items) {
            if (dep.t !== 'tuple')
                r.fail(`bad dependency of "${app}"`, dep.line);
            const name = atom(dep.items[0]);
            if (!name)
                r.fail(`bad dependency of "${app}"`, dep.line);
            const opts = keywords(dep.items[2]);
            const to = ids.get(name);
            if (!to)
                continue;
            depended.add(name);
            b.edge(ids.get(app), to, atom(opts.get('optional')) === 'true' ? 'optional' : 'prod');
        }
    }
    const declared = mixDeclarations(input);
    if (declared) {
        for (const [name, d] of declared) {
            const to = ids.get(name);
            if (to)
                b.edge(rootId, to, d.kind);
        }
    }
    else {
        for (const [app, id] of ids)
            if (!depended.has(app))
                b.edge(rootId, id, 'prod');
    }
}
function addMixRoot(input, b) {
    const mix = input.readSibling('mix.exs');
    const app = mix ? /\bapp\s*:\s*:([a-z_][a-z0-9_]*)/.exec(mix)?.[1] : undefined;
    const version = mix ? /\bversion\s*:\s*"([^"]+)"/.exec(mix)?.[1] : undefined;
    return b.addLocal(`local:${input.dir}`, {
        name: app ?? input.dirName,
        ...(version ? { version } : {}),
        path: input.dir,
        kind: 'root',
        type: 'hex'
    });
}
// ---------------------------------------------------------------- rebar.lock
function parseRebarLock(input, b) {
    const r = new TermReader(input.text, input.file, 'rebar.lock', 'erlang');
    const rootId = b.addLocal(`local:${input.dir}`, {
        name: input.dirName,
        path: input.dir,
        kind: 'root',
        type: 'hex'
    });
    if (r.atEnd())
        return;
    const first = r.read();
    r.expect('.');
    let list;
    if (first.t === 'tuple') {
        const v = terms_text(first.items[0]);
        if (v === undefined || first.items[1]?.t !== 'list')
            r.fail('expected {"version", [...]}', first.line);
        if (!/^1\.\d+\.\d+$/.test(v))
            throw (0,util/* unsupported */.Zq)(input.file, first.line, `unsupported rebar.lock version "${v}" (supported: 1.x)`);
        list = first.items[1];
    }
    else if (first.t === 'list')
        list = first;
    else
        return r.fail('expected a list of locks', first.line);
    const hashes = new Map();
    if (!r.atEnd()) {
        const meta = r.read();
        r.expect('.');
        if (meta.t !== 'list')
            r.fail('expected the hash list', meta.line);
        for (const [key, val] of keywords(meta)) {
            if (key !== 'pkg_hash_ext' || val.t !== 'list')
                continue;
            for (const e of val.items) {
                if (e.t === 'tuple' && terms_text(e.items[0]) && terms_text(e.items[1]))
                    hashes.set(terms_text(e.items[0]), terms_text(e.items[1]));
            }
        }
        if (!r.atEnd())
            r.fail('unexpected text after the lock');
    }
    if (list.t !== 'list')
        return;
    for (const e of list.items) {
        if (e.t !== 'tuple' || e.items.length < 3)
            r.fail('lock entry is not {Name, Source, Level}', e.line);
        const app = terms_text(e.items[0]) ?? atom(e.items[0]);
        const src = e.items[1];
        const level = e.items[2];
        if (!app || src.t !== 'tuple' || level.t !== 'num')
            r.fail('lock entry is not {Name, Source, Level}', e.line);
        const kind = atom(src.items[0]);
        let id;
        if (kind === 'pkg') {
            const pkg = terms_text(src.items[1]) ?? app;
            const version = terms_text(src.items[2]);
            if (!version)
                r.fail(`package "${app}" without version`, src.line);
            const p = hexPurl(pkg, version, terms_text(src.items[3]));
            const h = (0,util/* hexHash */.eP)('SHA-256', hashes.get(app));
            const props = { ...p.properties };
            if (pkg !== app)
                props['secure-pipeline:hex:app'] = app;
            id = b.addPackage({
                type: 'hex',
                ...(p.namespace ? { namespace: p.namespace } : {}),
                name: p.name,
                version,
                purl: p.purl,
                ...(h ? { hashes: [h] } : {}),
                ...(Object.keys(props).length ? { properties: props } : {})
            });
        }
        else if (kind === 'git' || kind === 'git_subdir') {
            const url = terms_text(src.items[1]);
            const ref = src.items[2];
            const rev = ref?.t === 'tuple' ? terms_text(ref.items[1]) : undefined;
            if (!url || !rev)
                r.fail(`git dependency "${app}" without url/ref`, src.line);
            const name = app.toLowerCase();
            id = b.addPackage({
                type: 'hex',
                name,
                version: rev,
                purl: (0,util/* purl */.EV)('hex', undefined, name, rev),
                properties: {
                    'secure-pipeline:hex:git': url,
                    [`secure-pipeline:hex:git-${atom(ref?.t === 'tuple' ? ref.items[0] : undefined) ?? 'ref'}`]: rev
                }
            });
        }
        else {
            return r.fail(`dependency "${app}" has unknown source ${JSON.stringify(kind ?? src.t)}`, src.line);
        }
        // Level 0 is declared by the project; deeper levels were pulled in by something (not recorded).
        if (level.v === 0)
            b.edge(rootId, id, 'prod');
    }
}


/***/ })

};
