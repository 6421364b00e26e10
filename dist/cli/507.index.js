export const id = 507;
export const ids = [507];
export const modules = {

/***/ 27109:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ parseCommandArgs)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12501);


/**
 * `util.parseArgs` with its errors turned into UsageError (exit 2) carrying one clear message.
 */
function parseCommandArgs(argv, options, allowPositionals = true) {
    try {
        return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: [...argv], options, allowPositionals, strict: true });
    }
    catch (err) {
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(err.message.split('\n')[0]);
    }
}


/***/ }),

/***/ 98183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EN: () => (/* reexport */ errors_RegoError),
  wE: () => (/* reexport */ compile),
  aY: () => (/* reexport */ loadFiles),
  co: () => (/* reexport */ parseDataFile),
  e4: () => (/* reexport */ stringifyJSON)
});

// UNUSED EXPORTS: Policy, RegoObject, RegoSet, compare, equal, formatValue, fromJSON, key, parseModule, parseQuery, parseValue, toJSON, typeName

;// CONCATENATED MODULE: ./packages/rego/src/capabilities.ts
/** Builtin arities from OPA capabilities.json (v1.19.1 builtin list); -1 = variadic. Generated. */
const BUILTIN_ARITY = new Map([
    ['abs', 1],
    ['all', 1],
    ['and', 2],
    ['any', 1],
    ['array.concat', 2],
    ['array.flatten', 1],
    ['array.reverse', 1],
    ['array.slice', 3],
    ['assign', 2],
    ['base64.decode', 1],
    ['base64.encode', 1],
    ['base64.is_valid', 1],
    ['base64url.decode', 1],
    ['base64url.encode', 1],
    ['base64url.encode_no_pad', 1],
    ['bits.and', 2],
    ['bits.lsh', 2],
    ['bits.negate', 1],
    ['bits.or', 2],
    ['bits.rsh', 2],
    ['bits.xor', 2],
    ['cast_array', 1],
    ['cast_boolean', 1],
    ['cast_null', 1],
    ['cast_object', 1],
    ['cast_set', 1],
    ['cast_string', 1],
    ['ceil', 1],
    ['concat', 2],
    ['contains', 2],
    ['count', 1],
    ['crypto.hmac.equal', 2],
    ['crypto.hmac.md5', 2],
    ['crypto.hmac.sha1', 2],
    ['crypto.hmac.sha256', 2],
    ['crypto.hmac.sha512', 2],
    ['crypto.md5', 1],
    ['crypto.parse_private_keys', 1],
    ['crypto.sha1', 1],
    ['crypto.sha256', 1],
    ['crypto.x509.parse_and_verify_certificates', 1],
    ['crypto.x509.parse_and_verify_certificates_with_options', 2],
    ['crypto.x509.parse_certificate_request', 1],
    ['crypto.x509.parse_certificates', 1],
    ['crypto.x509.parse_keypair', 2],
    ['crypto.x509.parse_rsa_private_key', 1],
    ['div', 2],
    ['endswith', 2],
    ['eq', 2],
    ['equal', 2],
    ['floor', 1],
    ['format_int', 2],
    ['glob.match', 3],
    ['glob.quote_meta', 1],
    ['graph.reachable', 2],
    ['graph.reachable_paths', 2],
    ['graphql.is_valid', 2],
    ['graphql.parse', 2],
    ['graphql.parse_and_verify', 2],
    ['graphql.parse_query', 1],
    ['graphql.parse_schema', 1],
    ['graphql.schema_is_valid', 1],
    ['gt', 2],
    ['gte', 2],
    ['hex.decode', 1],
    ['hex.encode', 1],
    ['http.send', 1],
    ['indexof', 2],
    ['indexof_n', 2],
    ['internal.member_2', 2],
    ['internal.member_3', 3],
    ['internal.print', 1],
    ['internal.template_string', 1],
    ['internal.test_case', 1],
    ['intersection', 1],
    ['io.jwt.decode', 1],
    ['io.jwt.decode_verify', 2],
    ['io.jwt.encode_sign', 3],
    ['io.jwt.encode_sign_raw', 3],
    ['io.jwt.verify_eddsa', 2],
    ['io.jwt.verify_es256', 2],
    ['io.jwt.verify_es384', 2],
    ['io.jwt.verify_es512', 2],
    ['io.jwt.verify_hs256', 2],
    ['io.jwt.verify_hs384', 2],
    ['io.jwt.verify_hs512', 2],
    ['io.jwt.verify_ps256', 2],
    ['io.jwt.verify_ps384', 2],
    ['io.jwt.verify_ps512', 2],
    ['io.jwt.verify_rs256', 2],
    ['io.jwt.verify_rs384', 2],
    ['io.jwt.verify_rs512', 2],
    ['is_array', 1],
    ['is_boolean', 1],
    ['is_null', 1],
    ['is_number', 1],
    ['is_object', 1],
    ['is_set', 1],
    ['is_string', 1],
    ['json.filter', 2],
    ['json.is_valid', 1],
    ['json.marshal', 1],
    ['json.marshal_with_options', 2],
    ['json.match_schema', 2],
    ['json.patch', 2],
    ['json.remove', 2],
    ['json.unmarshal', 1],
    ['json.verify_schema', 1],
    ['lower', 1],
    ['lt', 2],
    ['lte', 2],
    ['max', 1],
    ['min', 1],
    ['minus', 2],
    ['mul', 2],
    ['neq', 2],
    ['net.cidr_contains', 2],
    ['net.cidr_contains_matches', 2],
    ['net.cidr_expand', 1],
    ['net.cidr_intersects', 2],
    ['net.cidr_is_valid', 1],
    ['net.cidr_merge', 1],
    ['net.cidr_overlap', 2],
    ['net.lookup_ip_addr', 1],
    ['numbers.range', 2],
    ['numbers.range_step', 3],
    ['object.filter', 2],
    ['object.get', 3],
    ['object.keys', 1],
    ['object.remove', 2],
    ['object.subset', 2],
    ['object.union', 2],
    ['object.union_n', 1],
    ['opa.runtime', 0],
    ['or', 2],
    ['plus', 2],
    ['print', -1],
    ['product', 1],
    ['providers.aws.sign_req', 3],
    ['rand.intn', 2],
    ['re_match', 2],
    ['regex.find_all_string_submatch_n', 3],
    ['regex.find_n', 3],
    ['regex.globs_match', 2],
    ['regex.is_valid', 1],
    ['regex.match', 2],
    ['regex.replace', 3],
    ['regex.split', 2],
    ['regex.template_match', 4],
    ['rego.metadata.chain', 0],
    ['rego.metadata.rule', 0],
    ['rego.parse_module', 2],
    ['rem', 2],
    ['replace', 3],
    ['round', 1],
    ['semver.compare', 2],
    ['semver.is_valid', 1],
    ['set_diff', 2],
    ['sort', 1],
    ['split', 2],
    ['sprintf', 2],
    ['startswith', 2],
    ['strings.any_prefix_match', 2],
    ['strings.any_suffix_match', 2],
    ['strings.count', 2],
    ['strings.render_template', 2],
    ['strings.replace_n', 2],
    ['strings.reverse', 1],
    ['strings.split_n', 3],
    ['substring', 3],
    ['sum', 1],
    ['time.add_date', 4],
    ['time.clock', 1],
    ['time.date', 1],
    ['time.diff', 2],
    ['time.format', 1],
    ['time.now_ns', 0],
    ['time.parse_duration_ns', 1],
    ['time.parse_ns', 2],
    ['time.parse_rfc3339_ns', 1],
    ['time.weekday', 1],
    ['to_number', 1],
    ['trace', 1],
    ['trim', 2],
    ['trim_left', 2],
    ['trim_prefix', 2],
    ['trim_right', 2],
    ['trim_space', 1],
    ['trim_suffix', 2],
    ['type_name', 1],
    ['union', 1],
    ['units.parse', 1],
    ['units.parse_bytes', 1],
    ['upper', 1],
    ['uri.is_valid', 1],
    ['uri.parse', 1],
    ['urlquery.decode', 1],
    ['urlquery.decode_object', 1],
    ['urlquery.encode', 1],
    ['urlquery.encode_object', 1],
    ['uuid.parse', 1],
    ['uuid.rfc4122', 1],
    ['walk', 1],
    ['yaml.is_valid', 1],
    ['yaml.marshal', 1],
    ['yaml.unmarshal', 1]
]);
/** Builtins marked deprecated in capabilities.json (errors in strict mode). */
const DEPRECATED_BUILTINS = new Set([
    'all',
    'any',
    'cast_array',
    'cast_boolean',
    'cast_null',
    'cast_object',
    'cast_set',
    'cast_string',
    'net.cidr_overlap',
    're_match',
    'set_diff'
]);

// EXTERNAL MODULE: ./packages/core/src/index.ts + 9 modules
var src = __webpack_require__(12501);
;// CONCATENATED MODULE: ./packages/rego/src/errors.ts

/**
 * Any Rego error: parse/compile errors (before evaluation) and evaluation errors. `message` is
 * `code: text` as OPA prints it; `describe()` prefixes `file:line:column`.
 */
class errors_RegoError extends src/* InputError */.dz {
    text;
    constructor(code, text, position = {}) {
        super(code, `${code}: ${text}`, { position });
        this.text = text;
    }
    /** OPA's Error() text: `file:row: code: message` */
    opaString() {
        const { file, line } = this.position;
        return file && line ? `${file}:${line}: ${this.message}` : this.message;
    }
}

;// CONCATENATED MODULE: ./packages/rego/src/value.ts
class RegoSet {
    items = new Map();
    /** cached canonical key and order (cleared by add; `items` is only written directly while building) */
    ckey = undefined;
    csorted = undefined;
    constructor(values) {
        if (values)
            for (const v of values)
                this.add(v);
    }
    add(v) {
        const k = key(v);
        if (!this.items.has(k)) {
            this.items.set(k, v);
            this.ckey = undefined;
            this.csorted = undefined;
        }
    }
    has(v) {
        return this.items.has(key(v));
    }
    get size() {
        return this.items.size;
    }
    values() {
        return this.items.values();
    }
    /** Members in OPA's sort order. */
    sorted() {
        return this.sortedShared().slice();
    }
    /** sorted() without the copy: callers must not modify the array */
    sortedShared() {
        return (this.csorted ??= [...this.items.values()].sort(compare));
    }
}
class value_RegoObject {
    entries = new Map();
    /** cached canonical key and order (cleared by set/delete; `entries` is only written directly while building) */
    ckey = undefined;
    csorted = undefined;
    constructor(pairs) {
        if (pairs)
            for (const [k, v] of pairs)
                this.set(k, v);
    }
    set(k, v) {
        this.entries.set(key(k), [k, v]);
        this.ckey = undefined;
        this.csorted = undefined;
    }
    get(k) {
        return this.entries.get(key(k))?.[1];
    }
    has(k) {
        return this.entries.has(key(k));
    }
    delete(k) {
        this.entries.delete(key(k));
        this.ckey = undefined;
        this.csorted = undefined;
    }
    get size() {
        return this.entries.size;
    }
    keys() {
        return [...this.entries.values()].map(e => e[0]);
    }
    /** Entries in OPA's key order. */
    sorted() {
        return this.sortedShared().map(([k, v]) => [k, v]);
    }
    /** sorted() without the copy: callers must not modify the array */
    sortedShared() {
        return (this.csorted ??= [...this.entries.values()].sort((a, b) => compare(a[0], b[0])));
    }
}
const TYPE_RANK = (v) => {
    if (v === null)
        return 0;
    switch (typeof v) {
        case 'boolean':
            return 1;
        case 'number':
        case 'bigint':
            return 2;
        case 'string':
            return 3;
        default:
            if (Array.isArray(v))
                return 4;
            return v instanceof value_RegoObject ? 5 : 6;
    }
};
function typeName(v) {
    return ['null', 'boolean', 'number', 'string', 'array', 'object', 'set'][TYPE_RANK(v)];
}
function numberKey(n) {
    if (typeof n === 'bigint')
        return n.toString();
    if (Number.isInteger(n) && !Number.isSafeInteger(n))
        return BigInt(n).toString();
    return Object.is(n, -0) ? '0' : String(n);
}
/**
 * Canonical key: equal Rego values have equal keys. A top-level string is its own key (the hot
 * path of object lookups and string sets: no allocation, and V8 caches the string's hash), unless
 * it starts with NUL; every other value's key starts with NUL, so the two never collide. Inside
 * composites strings are length-prefixed so keys stay unambiguous.
 */
function key(v) {
    if (typeof v === 'string')
        return v.length === 0 || v.charCodeAt(0) !== 0 ? v : '\u0000"' + v;
    return '\u0000' + innerKey(v);
}
function innerKey(v) {
    if (v === null)
        return 'n';
    switch (typeof v) {
        case 'boolean':
            return v ? 't' : 'f';
        case 'number':
        case 'bigint':
            return '#' + numberKey(v);
        case 'string':
            // length-prefixed: unambiguous without escaping
            return 's' + v.length + ':' + v;
        default:
            if (Array.isArray(v))
                return '[' + v.map(innerKey).join(',') + ']';
            if (v instanceof value_RegoObject) {
                if (v.ckey !== undefined)
                    return v.ckey;
                const parts = [];
                for (const [k, x] of v.entries.values())
                    parts.push(innerKey(k) + ':' + innerKey(x));
                return (v.ckey = '{' + parts.sort().join(',') + '}');
            }
            if (v.ckey !== undefined)
                return v.ckey;
            return (v.ckey = '<' + [...v.items.values()].map(innerKey).sort().join(',') + '>');
    }
}
function equal(a, b) {
    if (a === b)
        return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
        if ((typeof a === 'number' || typeof a === 'bigint') &&
            (typeof b === 'number' || typeof b === 'bigint'))
            return compareNumbers(a, b) === 0;
        return false;
    }
    return key(a) === key(b);
}
function compareNumbers(a, b) {
    // JS compares number and bigint exactly across types.
    return a < b ? -1 : a > b ? 1 : 0;
}
function compareStrings(a, b) {
    // Go compares strings bytewise (UTF-8); UTF-16 code unit order differs only for astral vs
    // U+E000–U+FFFF, which compare by code point here.
    if (a === b)
        return 0;
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const ca = a.codePointAt(i);
        const cb = b.codePointAt(i);
        if (ca !== cb)
            return ca < cb ? -1 : 1;
        if (ca > 0xffff)
            i++;
    }
    return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}
/** Total order over values, as OPA's ast.Compare. */
function compare(a, b) {
    const ra = TYPE_RANK(a);
    const rb = TYPE_RANK(b);
    if (ra !== rb)
        return ra < rb ? -1 : 1;
    switch (ra) {
        case 0:
            return 0;
        case 1:
            return a === b ? 0 : a === false ? -1 : 1;
        case 2:
            return compareNumbers(a, b);
        case 3:
            return compareStrings(a, b);
        case 4: {
            const x = a;
            const y = b;
            const n = Math.min(x.length, y.length);
            for (let i = 0; i < n; i++) {
                const c = compare(x[i], y[i]);
                if (c !== 0)
                    return c;
            }
            return x.length - y.length < 0 ? -1 : x.length === y.length ? 0 : 1;
        }
        case 5: {
            const x = a.sortedShared();
            const y = b.sortedShared();
            const n = Math.min(x.length, y.length);
            for (let i = 0; i < n; i++) {
                const c = compare(x[i][0], y[i][0]) || compare(x[i][1], y[i][1]);
                if (c !== 0)
                    return c;
            }
            return x.length < y.length ? -1 : x.length === y.length ? 0 : 1;
        }
        default: {
            const x = a.sortedShared();
            const y = b.sortedShared();
            const n = Math.min(x.length, y.length);
            for (let i = 0; i < n; i++) {
                const c = compare(x[i], y[i]);
                if (c !== 0)
                    return c;
            }
            return x.length < y.length ? -1 : x.length === y.length ? 0 : 1;
        }
    }
}
/** JSON (plain JS) → Rego value. */
function fromJSON(j) {
    if (j === null || j === undefined)
        return null;
    switch (typeof j) {
        case 'boolean':
        case 'number':
        case 'string':
        case 'bigint':
            return j;
        case 'object':
            if (Array.isArray(j))
                return j.map(fromJSON);
            if (j instanceof value_RegoObject || j instanceof RegoSet)
                return j;
            {
                const o = new value_RegoObject();
                const m = o.entries;
                for (const k in j) {
                    if (!Object.hasOwn(j, k))
                        continue;
                    const v = fromJSON(j[k]);
                    m.set(key(k), [k, v]);
                }
                return o;
            }
        default:
            throw new TypeError(`cannot convert ${typeof j} to a Rego value`);
    }
}
/**
 * Rego value → plain JS, as OPA serialises it: sets become sorted arrays, non-string object keys
 * are serialised as JSON text, bigints stay bigints (callers stringify with `stringifyJSON`).
 */
function toJSON(v) {
    if (v === null || typeof v !== 'object')
        return v;
    if (Array.isArray(v))
        return v.map(toJSON);
    if (v instanceof RegoSet)
        return v.sortedShared().map(toJSON);
    const out = {};
    for (const [k, val] of v.sortedShared())
        out[typeof k === 'string' ? k : stringifyJSON(toJSON(k))] = toJSON(val);
    return out;
}
/** JSON.stringify that writes bigints as exact integers. */
function stringifyJSON(j, space) {
    const marked = JSON.stringify(j, (_k, val) => (typeof val === 'bigint' ? `\u0000big:${val}` : val), space);
    return marked.replace(/"\\u0000big:(-?\d+)"/g, '$1');
}

;// CONCATENATED MODULE: ./packages/rego/src/compiler.ts



/** builtins implemented by the evaluator (not in BUILTINS) */
const EVAL_BUILTINS = new Set([
    'eq',
    'assign',
    'internal.member_2',
    'internal.member_3',
    'walk',
    'print',
    'internal.print',
    'trace',
    'rego.metadata.chain',
    'rego.metadata.rule',
    'opa.runtime',
    'rego.parse_module'
]);
class RuleNode {
    children = new Map();
    /** value rules (complete, partial set/object, ref-head) whose ground prefix is this node */
    rules = [];
    defaults = [];
    funcs = [];
    defaultFuncs = [];
    path;
    constructor(path) {
        this.path = path;
    }
    get isFunction() {
        return this.funcs.length > 0 || this.defaultFuncs.length > 0;
    }
    get hasValueRules() {
        return this.rules.length > 0 || this.defaults.length > 0;
    }
    child(name) {
        let c = this.children.get(name);
        if (!c) {
            c = new RuleNode([...this.path, name]);
            this.children.set(name, c);
        }
        return c;
    }
    lookup(path) {
        // eslint-disable-next-line @typescript-eslint/no-this-alias
        let n = this;
        for (const p of path) {
            n = n.children.get(p);
            if (!n)
                return undefined;
        }
        return n;
    }
}
let renameCounter = 0;
const loc0 = (file) => ({ file, row: 1, col: 1 });
class Scope {
    declared = new Map();
    /** vars declared with := in this scope */
    assigned = new Set();
    parent;
    keepNames;
    constructor(parent, keepNames = false) {
        this.parent = parent;
        this.keepNames = keepNames;
    }
    lookup(name) {
        return this.declared.get(name) ?? this.parent?.lookup(name);
    }
    declare(name) {
        if (name.startsWith('$_'))
            return name;
        const renamed = this.keepNames ? name : `${name}$${++renameCounter}`;
        this.declared.set(name, renamed);
        return renamed;
    }
}
/** the original name of a (possibly renamed) variable */
function displayVar(name) {
    if (name.startsWith('$_'))
        return '_';
    const i = name.indexOf('$');
    return i > 0 ? name.slice(0, i) : name;
}
function ref(head, path, loc) {
    return {
        t: 'ref',
        head: { t: 'var', name: head, loc },
        path: path.map(p => ({ t: 'val', v: p, loc })),
        loc
    };
}
class Resolver {
    ctx;
    funcNames;
    constructor(ctx, funcNames) {
        this.ctx = ctx;
        this.funcNames = funcNames;
    }
    term(t, sc) {
        switch (t.t) {
            case 'val':
                return t;
            case 'var': {
                if (t.name.startsWith('$_'))
                    return t;
                const d = sc.lookup(t.name);
                if (d !== undefined)
                    return { ...t, name: d };
                if (t.name === 'data' || t.name === 'input')
                    return t;
                if (this.ctx.roots.has(t.name))
                    return ref('data', [...this.ctx.pkg, t.name], t.loc);
                const imp = this.ctx.imports.get(t.name);
                if (imp)
                    return { ...imp, loc: t.loc };
                return t;
            }
            case 'ref': {
                const head = this.term(t.head, sc);
                const path = t.path.map(p => this.term(p, sc));
                if (head.t === 'ref')
                    return { t: 'ref', head: head.head, path: [...head.path, ...path], loc: t.loc };
                return { t: 'ref', head, path, loc: t.loc };
            }
            case 'array':
                return { ...t, items: t.items.map(x => this.term(x, sc)) };
            case 'set':
                return { ...t, items: t.items.map(x => this.term(x, sc)) };
            case 'object':
                return {
                    ...t,
                    pairs: t.pairs.map(([k, v]) => [this.term(k, sc), this.term(v, sc)])
                };
            case 'call':
                return { ...t, fn: this.fnName(t.fn, sc, t.loc), args: t.args.map(a => this.term(a, sc)) };
            case 'acomp':
            case 'scomp': {
                const inner = new Scope(sc);
                const body = this.body(t.body, inner);
                return { ...t, body, term: this.term(t.term, inner) };
            }
            case 'ocomp': {
                const inner = new Scope(sc);
                const body = this.body(t.body, inner);
                return { ...t, body, key: this.term(t.key, inner), value: this.term(t.value, inner) };
            }
            case 'template':
                return {
                    ...t,
                    parts: t.parts.map(p => (typeof p === 'string' ? p : this.body([p], new Scope(sc))[0]))
                };
        }
    }
    fnName(fn, sc, loc) {
        const parts = fn.split('.');
        const first = parts[0];
        if (sc.lookup(first) !== undefined && parts.length === 1)
            throw new errors_RegoError('rego_type_error', `undefined function ${fn}`, pos(loc));
        if (first === 'data')
            return fn;
        if (this.ctx.roots.has(first))
            return ['data', ...this.ctx.pkg, ...parts].join('.');
        const imp = this.ctx.imports.get(first);
        if (imp && imp.t === 'ref' && imp.head.t === 'var' && imp.head.name === 'data')
            return [
                'data',
                ...imp.path.map(p => (p.t === 'val' && typeof p.v === 'string' ? p.v : '?')),
                ...parts.slice(1)
            ].join('.');
        return fn;
    }
    patternDeclare(t, sc) {
        for (const v of patternVars(t))
            if (!v.startsWith('$_'))
                sc.declare(v);
    }
    expr(e, sc) {
        const withs = e.withs.map(w => this.with(w, sc));
        switch (e.k) {
            case 'some':
                for (const v of e.vars)
                    if (v.t === 'var')
                        sc.declare(v.name);
                return undefined;
            case 'somein': {
                const domain = this.term(e.domain, sc);
                if (e.key)
                    this.patternDeclare(e.key, sc);
                this.patternDeclare(e.value, sc);
                return {
                    ...e,
                    domain,
                    key: e.key && this.term(e.key, sc),
                    value: this.term(e.value, sc),
                    withs
                };
            }
            case 'every': {
                const domain = this.term(e.domain, sc);
                const inner = new Scope(sc);
                if (e.key)
                    this.patternDeclare(e.key, inner);
                this.patternDeclare(e.value, inner);
                const key = e.key && this.term(e.key, inner);
                const value = this.term(e.value, inner);
                const body = this.body(e.body, inner);
                return { ...e, domain, key, value, body, withs };
            }
            case 'not': {
                const inner = this.expr(e.expr, new Scope(sc));
                if (!inner)
                    throw new errors_RegoError('rego_parse_error', 'unexpected some keyword', pos(e.loc));
                return { ...e, expr: inner, withs };
            }
            case 'or':
                return { ...e, alts: e.alts.map(a => this.body(a, new Scope(sc))), withs };
            case 'term': {
                const t = e.term;
                if (t.t === 'call' && t.fn === 'assign') {
                    const rhs = this.term(t.args[1], sc);
                    const lhsT = t.args[0];
                    if (lhsT.t !== 'var' && lhsT.t !== 'array' && lhsT.t !== 'object')
                        throw new errors_RegoError('rego_parse_error', 'cannot assign to ' + termKind(lhsT), pos(lhsT.loc));
                    for (const v of patternVars(lhsT)) {
                        if (v === 'input' || v === 'data')
                            throw new errors_RegoError('rego_compile_error', `variables must not shadow ${v} (use a different variable name)`, pos(lhsT.loc));
                        if (v.startsWith('$_'))
                            continue;
                        if (sc.assigned.has(v))
                            throw new errors_RegoError('rego_compile_error', `var ${v} assigned above`, pos(lhsT.loc));
                        sc.assigned.add(v);
                        sc.declare(v);
                    }
                    const lhs = this.term(lhsT, sc);
                    return { ...e, term: { ...t, args: [lhs, rhs] }, withs };
                }
                return { ...e, term: this.term(t, sc), withs };
            }
        }
    }
    with(w, sc) {
        const target = w.target;
        let resolved;
        const head = target.t === 'ref' ? target.head : target;
        if (head.t === 'var' && (head.name === 'input' || head.name === 'data'))
            resolved = target;
        else if (head.t === 'var') {
            const name = target.t === 'ref'
                ? [
                    head.name,
                    ...target.path.map(p => (p.t === 'val' && typeof p.v === 'string' ? p.v : '?'))
                ].join('.')
                : head.name;
            resolved = { t: 'val', v: this.fnName(name, sc, w.loc), loc: w.loc };
        }
        else
            throw new errors_RegoError('rego_compile_error', 'with keyword target must reference existing input, data, or a function', pos(w.loc));
        // value: a function reference becomes a function name value marker
        let value = w.value;
        const fnRef = value.t === 'var' || value.t === 'ref' ? functionRefName(value) : undefined;
        if (fnRef !== undefined && sc.lookup(fnRef.split('.')[0]) === undefined) {
            const resolvedName = this.fnName(fnRef, sc, w.loc);
            if (BUILTIN_ARITY.has(resolvedName) ||
                EVAL_BUILTINS.has(resolvedName) ||
                (resolvedName.startsWith('data.') && this.funcNames(resolvedName)))
                return {
                    target: resolved,
                    value: { t: 'call', fn: resolvedName, args: [], loc: { ...w.loc, file: '$fnref' } },
                    loc: w.loc
                };
        }
        value = this.term(value, sc);
        return { target: resolved, value, loc: w.loc };
    }
    body(body, sc) {
        const out = [];
        for (const e of body) {
            const r = this.expr(e, sc);
            if (r)
                out.push(r);
        }
        if (out.length === 0)
            out.push({
                k: 'term',
                term: { t: 'val', v: true, loc: body[0]?.loc ?? loc0('') },
                neg: false,
                withs: [],
                loc: body[0]?.loc ?? loc0('')
            });
        return out;
    }
}
function termKind(t) {
    switch (t.t) {
        case 'val':
            return typeof t.v === 'string' ? 'string' : t.v === null ? 'null' : typeof t.v;
        case 'call':
            return 'call';
        default:
            return t.t;
    }
}
function functionRefName(t) {
    if (t.t === 'var')
        return t.name;
    if (t.t === 'ref' && t.head.t === 'var') {
        const parts = [t.head.name];
        for (const p of t.path) {
            if (p.t !== 'val' || typeof p.v !== 'string')
                return undefined;
            parts.push(p.v);
        }
        return parts.join('.');
    }
    return undefined;
}
function pos(loc) {
    return { file: loc.file, line: loc.row, column: loc.col };
}
// ------------------------------------------------------------------ variable analysis
/** vars in pattern positions (can be bound by unification) */
function patternVars(t, out = new Set()) {
    switch (t.t) {
        case 'var':
            out.add(t.name);
            break;
        case 'array':
        case 'set':
            for (const x of t.items)
                patternVars(x, out);
            break;
        case 'object':
            for (const [, v] of t.pairs)
                patternVars(v, out);
            break;
        default:
    }
    return out;
}
const ROOTS = new Set(['data', 'input']);
function newInfo() {
    return { inputs: new Set(), outputs: new Set(), nested: new Set() };
}
function termVars(t, info, pattern) {
    switch (t.t) {
        case 'val':
            return;
        case 'var':
            if (ROOTS.has(t.name))
                return;
            if (pattern)
                info.outputs.add(t.name);
            else
                info.inputs.add(t.name);
            return;
        case 'ref':
            if (t.head.t === 'var') {
                if (!ROOTS.has(t.head.name))
                    info.inputs.add(t.head.name);
            }
            else
                termVars(t.head, info, false);
            for (const p of t.path)
                termVars(p, info, true);
            return;
        case 'array':
        case 'set':
            for (const x of t.items)
                termVars(x, info, pattern);
            return;
        case 'object':
            for (const [k, v] of t.pairs) {
                termVars(k, info, false);
                termVars(v, info, pattern);
            }
            return;
        case 'call':
            for (const a of t.args)
                termVars(a, info, false);
            return;
        case 'acomp':
        case 'scomp':
            allVars(t.term, info.nested);
            for (const e of t.body)
                exprAllVars(e, info.nested);
            return;
        case 'ocomp':
            allVars(t.key, info.nested);
            allVars(t.value, info.nested);
            for (const e of t.body)
                exprAllVars(e, info.nested);
            return;
        case 'template':
            for (const p of t.parts)
                if (typeof p !== 'string')
                    exprAllVars(p, info.nested);
            return;
    }
}
function allVars(t, out) {
    switch (t.t) {
        case 'var':
            if (!ROOTS.has(t.name))
                out.add(t.name);
            break;
        case 'ref':
            allVars(t.head, out);
            for (const p of t.path)
                allVars(p, out);
            break;
        case 'array':
        case 'set':
            for (const x of t.items)
                allVars(x, out);
            break;
        case 'object':
            for (const [k, v] of t.pairs) {
                allVars(k, out);
                allVars(v, out);
            }
            break;
        case 'call':
            for (const a of t.args)
                allVars(a, out);
            break;
        case 'acomp':
        case 'scomp':
            allVars(t.term, out);
            for (const e of t.body)
                exprAllVars(e, out);
            break;
        case 'ocomp':
            allVars(t.key, out);
            allVars(t.value, out);
            for (const e of t.body)
                exprAllVars(e, out);
            break;
        case 'template':
            for (const p of t.parts)
                if (typeof p !== 'string')
                    exprAllVars(p, out);
            break;
        default:
    }
    return out;
}
function exprAllVars(e, out) {
    switch (e.k) {
        case 'term':
            allVars(e.term, out);
            break;
        case 'some':
            break;
        case 'somein':
            if (e.key)
                allVars(e.key, out);
            allVars(e.value, out);
            allVars(e.domain, out);
            break;
        case 'every':
            if (e.key)
                allVars(e.key, out);
            allVars(e.value, out);
            allVars(e.domain, out);
            for (const b of e.body)
                exprAllVars(b, out);
            break;
        case 'not':
            exprAllVars(e.expr, out);
            break;
        case 'or':
            for (const a of e.alts)
                for (const b of a)
                    exprAllVars(b, out);
            break;
    }
    for (const w of e.withs)
        allVars(w.value, out);
    return out;
}
/** vars directly visible in an expression (not inside nested closures) */
function directVars(e, out) {
    const info = exprInfo(e, builtinOutputArity);
    for (const v of info.inputs)
        out.add(v);
    for (const v of info.outputs)
        out.add(v);
}
let builtinOutputArity = fn => BUILTIN_ARITY.get(fn);
function exprInfo(e, arity) {
    const info = newInfo();
    switch (e.k) {
        case 'term': {
            const t = e.term;
            if (t.t === 'call' && (t.fn === 'eq' || t.fn === 'assign')) {
                termVars(t.args[0], info, true);
                termVars(t.args[1], info, true);
            }
            else if (t.t === 'call') {
                const n = arity(t.fn);
                t.args.forEach((a, i) => termVars(a, info, n !== undefined && n >= 0 && i === n));
            }
            else
                termVars(t, info, false);
            break;
        }
        case 'somein':
            termVars(e.domain, info, false);
            if (e.key)
                termVars(e.key, info, true);
            termVars(e.value, info, true);
            break;
        case 'every': {
            termVars(e.domain, info, false);
            const local = new Set();
            if (e.key)
                patternVars(e.key, local);
            patternVars(e.value, local);
            const inner = new Set();
            for (const b of e.body)
                exprAllVars(b, inner);
            for (const v of inner)
                if (!local.has(v))
                    info.nested.add(v);
            break;
        }
        case 'not': {
            const inner = exprInfo(e.expr, arity);
            for (const v of inner.inputs)
                info.inputs.add(v);
            for (const v of inner.outputs)
                if (!v.startsWith('$_'))
                    info.inputs.add(v);
            for (const v of inner.nested)
                info.nested.add(v);
            break;
        }
        case 'or':
            for (const a of e.alts)
                for (const b of a)
                    exprAllVars(b, info.nested);
            break;
        case 'some':
            break;
    }
    for (const w of e.withs)
        termVars(w.value, info, false);
    return info;
}
/**
 * Reorders a body so every expression's inputs are bound first (OPA's safety reordering) and
 * reports unsafe variables. `bound`: vars bound before the body; `visible`: vars of enclosing
 * scopes (closure vars of nested bodies).
 */
function safeBody(body, bound, visible, arity, extraNeeds) {
    builtinOutputArity = arity;
    const local = new Set(visible);
    for (const e of body)
        directVars(e, local);
    if (extraNeeds)
        for (const v of extraNeeds)
            local.add(v);
    const infos = body.map(e => exprInfo(e, arity));
    const remaining = body.map((e, i) => i);
    const out = [];
    const b = new Set(bound);
    while (remaining.length) {
        let picked = -1;
        for (let j = 0; j < remaining.length; j++) {
            const idx = remaining[j];
            if (ready(body[idx], infos[idx], b, local)) {
                picked = j;
                break;
            }
        }
        if (picked < 0) {
            const idx = remaining[0];
            const unsafe = [...needs(body[idx], infos[idx], b, local)].filter(v => !b.has(v));
            const e = body[idx];
            const name = unsafe.length ? displayVar(unsafe.sort()[0]) : '?';
            throw new errors_RegoError('rego_unsafe_var_error', `var ${name} is unsafe`, pos(e.loc));
        }
        const idx = remaining.splice(picked, 1)[0];
        const e = rewriteNested(body[idx], b, local, arity);
        builtinOutputArity = arity;
        out.push(e);
        for (const v of infos[idx].outputs)
            b.add(v);
    }
    return { body: out, bound: b };
}
function needs(e, info, bound, visible) {
    const n = new Set();
    for (const v of info.inputs)
        if (!info.outputs.has(v))
            n.add(v);
    for (const v of info.nested)
        if (visible.has(v) && !info.outputs.has(v))
            n.add(v);
    void bound;
    return n;
}
function ready(e, info, bound, visible) {
    for (const v of needs(e, info, bound, visible))
        if (!bound.has(v))
            return false;
    if (e.k === 'term' && e.term.t === 'call' && (e.term.fn === 'eq' || e.term.fn === 'assign')) {
        const [a, c] = e.term.args;
        return (evaluable(a, bound) ||
            evaluable(c, bound) ||
            (a.t === 'array' && c.t === 'array') ||
            (a.t === 'object' && c.t === 'object'));
    }
    return true;
}
/** can the term be evaluated to values given the bound vars (refs may iterate)? */
function evaluable(t, bound) {
    switch (t.t) {
        case 'var':
            return bound.has(t.name) || ROOTS.has(t.name);
        case 'array':
        case 'set':
            return t.items.every(x => evaluable(x, bound));
        case 'object':
            return t.pairs.every(([k, v]) => evaluable(k, bound) && evaluable(v, bound));
        default:
            return true;
    }
}
function rewriteNested(e, bound, visible, arity) {
    const rt = (t) => rewriteTerm(t, bound, visible, arity);
    const withs = e.withs.map(w => ({ ...w, value: rt(w.value) }));
    switch (e.k) {
        case 'term':
            return { ...e, term: rt(e.term), withs };
        case 'somein':
            return { ...e, domain: rt(e.domain), withs };
        case 'every': {
            const b = new Set(bound);
            if (e.key)
                patternVars(e.key, b);
            patternVars(e.value, b);
            const vis = new Set(visible);
            for (const v of b)
                vis.add(v);
            return { ...e, domain: rt(e.domain), body: safeBody(e.body, b, vis, arity).body, withs };
        }
        case 'not': {
            const inner = rewriteNested(e.expr, bound, visible, arity);
            return { ...e, expr: inner, withs };
        }
        case 'or':
            return { ...e, alts: e.alts.map(a => safeBody(a, bound, visible, arity).body), withs };
        default:
            return { ...e, withs };
    }
}
function rewriteTerm(t, bound, visible, arity) {
    const rt = (x) => rewriteTerm(x, bound, visible, arity);
    switch (t.t) {
        case 'ref':
            return { ...t, head: rt(t.head), path: t.path.map(rt) };
        case 'array':
        case 'set':
            return { ...t, items: t.items.map(rt) };
        case 'object':
            return { ...t, pairs: t.pairs.map(([k, v]) => [rt(k), rt(v)]) };
        case 'call':
            return { ...t, args: t.args.map(rt) };
        case 'acomp':
        case 'scomp': {
            const vis = new Set(visible);
            for (const v of bound)
                vis.add(v);
            const needHead = directTermVars(t.term);
            const { body, bound: b2 } = safeBody(t.body, bound, vis, arity, needHead);
            checkHeadSafe([t.term], b2, t.loc);
            return { ...t, body, term: rewriteTerm(t.term, b2, vis, arity) };
        }
        case 'ocomp': {
            const vis = new Set(visible);
            for (const v of bound)
                vis.add(v);
            const needHead = directTermVars(t.key, directTermVars(t.value));
            const { body, bound: b2 } = safeBody(t.body, bound, vis, arity, needHead);
            checkHeadSafe([t.key, t.value], b2, t.loc);
            return {
                ...t,
                body,
                key: rewriteTerm(t.key, b2, vis, arity),
                value: rewriteTerm(t.value, b2, vis, arity)
            };
        }
        case 'template':
            return {
                ...t,
                parts: t.parts.map(p => typeof p === 'string' ? p : safeBody([p], bound, visible, arity).body[0])
            };
        default:
            return t;
    }
}
/** vars of a term outside nested closures */
function directTermVars(t, out = new Set()) {
    const info = newInfo();
    termVars(t, info, true);
    for (const v of info.inputs)
        out.add(v);
    for (const v of info.outputs)
        out.add(v);
    return out;
}
function checkHeadSafe(terms, bound, loc) {
    for (const t of terms) {
        for (const v of directTermVars(t)) {
            if (!bound.has(v) && !v.startsWith('$_'))
                throw new errors_RegoError('rego_unsafe_var_error', `var ${displayVar(v)} is unsafe`, pos(t.loc ?? loc));
        }
    }
}
function compiler_compileModules(mods) {
    const root = new RuleNode([]);
    // roots per package
    const rootsByPkg = new Map();
    const funcPaths = new Set();
    for (const m of mods) {
        const k = m.pkg.join('.');
        let s = rootsByPkg.get(k);
        if (!s)
            rootsByPkg.set(k, (s = new Set()));
        for (const r of m.rules) {
            const h = r.ref[0];
            if (h.t === 'var')
                s.add(h.name);
            if (r.args)
                funcPaths.add(['data', ...m.pkg.slice(1), ...refStrings(r.ref)].join('.'));
        }
    }
    const isFunc = (p) => funcPaths.has(p);
    const arity = (fn) => {
        if (fn.startsWith('data.'))
            return funcArity.get(fn);
        return BUILTIN_ARITY.get(fn);
    };
    const funcArity = new Map();
    for (const m of mods)
        for (const r of m.rules)
            if (r.args)
                funcArity.set(['data', ...m.pkg.slice(1), ...refStrings(r.ref)].join('.'), r.args.length);
    const rules = [];
    for (const m of mods) {
        const pkg = m.pkg.slice(1); // drop leading "data"
        const imports = new Map();
        for (const imp of m.imports) {
            const head = imp.path.t === 'ref' ? imp.path.head : imp.path;
            if (head.t !== 'var' || (head.name !== 'data' && head.name !== 'input'))
                continue;
            let alias = imp.alias;
            if (!alias) {
                if (imp.path.t === 'ref') {
                    const last = imp.path.path[imp.path.path.length - 1];
                    alias = last.t === 'val' && typeof last.v === 'string' ? last.v : undefined;
                }
                else
                    alias = head.name;
            }
            if (alias && alias !== 'data' && alias !== 'input')
                imports.set(alias, imp.path);
        }
        const ctx = { pkg, roots: rootsByPkg.get(m.pkg.join('.')), imports, file: m.file };
        const res = new Resolver(ctx, isFunc);
        for (const r of m.rules)
            rules.push(compileRule(r, m, pkg, res, arity));
    }
    attachMetadata(mods, rules);
    for (const m of mods)
        ensure(root, m.pkg.slice(1));
    for (const r of rules) {
        const node = root.lookup(r.prefix) ?? ensure(root, r.prefix);
        if (r.args)
            (r.isDefault ? node.defaultFuncs : node.funcs).push(r);
        else
            (r.isDefault ? node.defaults : node.rules).push(r);
    }
    checkConflicts(root);
    checkCalls(rules, root);
    checkRecursion(root, rules);
    const pkgs = new Map();
    for (const m of mods)
        pkgs.set(m.pkg.join('.'), m.pkg.slice(1));
    return { root, modules: mods, packages: [...pkgs.values()] };
}
function attachMetadata(mods, rules) {
    if (!mods.some(m => m.annotations.length))
        return;
    const pkgAnn = new Map();
    const subAnn = new Map();
    const docAnn = new Map();
    const ruleAnn = new Map();
    const pathOf = new Map();
    for (const r of rules)
        pathOf.set(r.ast, r.prefix);
    for (const m of mods)
        for (const a of m.annotations) {
            const pkgKey = m.pkg.slice(1).join('.');
            const add = (map, k) => void map.set(k, [...(map.get(k) ?? []), a.value]);
            if (!a.target)
                add(a.scope === 'subpackages' ? subAnn : pkgAnn, pkgKey);
            else if (a.scope === 'document')
                add(docAnn, (pathOf.get(a.target) ?? []).join('.'));
            else if (a.scope === 'rule')
                ruleAnn.set(a.target, a.value);
        }
    for (const r of rules) {
        const pkg = r.module.pkg.slice(1);
        const chain = [];
        const ra = ruleAnn.get(r.ast);
        chain.push(ra ? { annotations: ra, path: r.prefix } : { path: r.prefix });
        for (const d of docAnn.get(r.prefix.join('.')) ?? [])
            chain.push({ annotations: d, path: r.prefix });
        for (const p of pkgAnn.get(pkg.join('.')) ?? [])
            chain.push({ annotations: p, path: pkg });
        for (let n = pkg.length; n >= 0; n--)
            for (const s of subAnn.get(pkg.slice(0, n).join('.')) ?? [])
                chain.push({ annotations: s, path: pkg.slice(0, n) });
        r.meta = { chain: fromJSON(chain), rule: fromJSON(ra ?? {}) };
    }
}
function ensure(root, path) {
    let n = root;
    for (const p of path)
        n = n.child(p);
    return n;
}
function refStrings(ref) {
    const out = [];
    for (const t of ref) {
        if (t.t === 'var' && out.length === 0)
            out.push(t.name);
        else if (t.t === 'val' && typeof t.v === 'string')
            out.push(t.v);
        else
            break;
    }
    return out;
}
function compileRule(rIn, m, pkg, res, arity) {
    let r = rIn;
    const head = r.ref[0];
    if (head.t !== 'var')
        throw new errors_RegoError('rego_parse_error', 'invalid rule head', pos(r.loc));
    const ground = refStrings(r.ref);
    const tailAst = r.ref.slice(ground.length);
    const sc = new Scope(undefined);
    const bound = new Set();
    let args;
    if (r.args && r.args.some(a => !isPattern(a))) {
        // non-pattern arguments (calls, refs, templates...) are compared after the body
        const extra = [];
        const rewrite = (a) => {
            if (isPattern(a))
                return a;
            const v = { t: 'var', name: `$_arg${++renameCounter}`, loc: a.loc };
            extra.push({
                k: 'term',
                term: { t: 'call', fn: 'eq', args: [v, a], loc: a.loc },
                neg: false,
                withs: [],
                loc: a.loc
            });
            return v;
        };
        const args2 = r.args.map(rewrite);
        r = {
            ...r,
            args: args2,
            body: [...r.body, ...extra],
            elses: r.elses.map(e => ({ ...e, body: [...e.body, ...extra] }))
        };
    }
    if (r.args) {
        for (const a of r.args)
            for (const v of patternVars(a))
                if (!v.startsWith('$_'))
                    sc.declare(v);
        args = r.args.map(a => res.term(a, sc));
        for (const a of args)
            for (const v of allVars(a, new Set()))
                bound.add(v);
    }
    const loc = r.loc;
    const trueTerm = { t: 'val', v: true, loc };
    const resolveBodyAndHead = (body, value, tail, scope) => {
        const rb = body.length ? res.body(body, scope) : [];
        const v = value ? res.term(value, scope) : trueTerm;
        const tl = tail.map(t => res.term(t, scope));
        const headVars = new Set();
        directTermVars(v, headVars);
        for (const t of tl)
            directTermVars(t, headVars);
        const { body: sb, bound: b2 } = safeBody(rb, bound, new Set(bound), arity, headVars);
        checkHeadSafe([...tl, v], b2, loc);
        // nested comprehensions in head terms
        return {
            body: sb,
            value: rewriteTerm(v, b2, b2, arity),
            tail: tl.map(t => rewriteTerm(t, b2, b2, arity))
        };
    };
    if (r.isDefault) {
        if (tailAst.length)
            throw new errors_RegoError('rego_compile_error', 'default rules must not have a dynamic reference', pos(loc));
        const value = res.term(r.value, new Scope(undefined));
        if ([...directTermVars(value)].some(v => !v.startsWith('$_')))
            throw new errors_RegoError('rego_compile_error', 'default rule value cannot contain variables', pos(loc));
        return {
            prefix: [...pkg, ...ground],
            tail: [],
            kind: 'single',
            args,
            value,
            body: [],
            elses: [],
            isDefault: true,
            loc,
            module: m,
            ast: r
        };
    }
    const main = resolveBodyAndHead(r.body, r.value, tailAst, sc);
    const elses = r.elses.map(e => {
        const esc = new Scope(undefined);
        if (r.args)
            for (const a of r.args)
                for (const v of patternVars(a))
                    if (!v.startsWith('$_'))
                        esc.declared.set(v, sc.lookup(v));
        const x = resolveBodyAndHead(e.body, e.value, [], esc);
        return { value: x.value, body: x.body };
    });
    return {
        prefix: [...pkg, ...ground],
        tail: main.tail,
        kind: r.kind,
        args,
        value: main.value,
        body: main.body,
        elses,
        isDefault: false,
        loc,
        module: m,
        ast: r
    };
}
function isPattern(t) {
    switch (t.t) {
        case 'var':
        case 'val':
            return true;
        case 'array':
            return t.items.every(isPattern);
        case 'object':
            return t.pairs.every(([k, v]) => k.t === 'val' && isPattern(v));
        default:
            return false;
    }
}
function checkConflicts(node) {
    const rs = node.rules;
    if (rs.length) {
        const complete = rs.filter(r => r.tail.length === 0 && r.kind === 'single');
        const multi = rs.filter(r => r.tail.length === 0 && r.kind === 'multi');
        const partial = rs.filter(r => r.tail.length > 0);
        const kinds = (complete.length || node.defaults.length ? 1 : 0) +
            (multi.length ? 1 : 0) +
            (partial.length ? 1 : 0);
        if (kinds > 1 || node.isFunction)
            throw new errors_RegoError('rego_type_error', `conflicting rules data.${node.path.join('.')} found`, pos(rs[0].loc));
    }
    if (node.defaults.length > 1)
        throw new errors_RegoError('rego_type_error', `multiple default rules data.${node.path.join('.')} found`, pos(node.defaults[1].loc));
    if (node.isFunction) {
        const ar = new Set([...node.funcs, ...node.defaultFuncs].map(f => f.args.length));
        if (ar.size > 1)
            throw new errors_RegoError('rego_type_error', `conflicting rules data.${node.path.join('.')} found`, pos(node.funcs[0]?.loc ?? node.defaultFuncs[0].loc));
    }
    for (const c of node.children.values())
        checkConflicts(c);
}
function walkTerms(t, f) {
    f(t);
    switch (t.t) {
        case 'ref':
            if (t.head.t !== 'var')
                walkTerms(t.head, f);
            for (const p of t.path)
                walkTerms(p, f);
            break;
        case 'array':
        case 'set':
            for (const x of t.items)
                walkTerms(x, f);
            break;
        case 'object':
            for (const [k, v] of t.pairs) {
                walkTerms(k, f);
                walkTerms(v, f);
            }
            break;
        case 'call':
            for (const a of t.args)
                walkTerms(a, f);
            break;
        case 'acomp':
        case 'scomp':
            walkTerms(t.term, f);
            for (const e of t.body)
                walkExprTerms(e, f);
            break;
        case 'ocomp':
            walkTerms(t.key, f);
            walkTerms(t.value, f);
            for (const e of t.body)
                walkExprTerms(e, f);
            break;
        case 'template':
            for (const p of t.parts)
                if (typeof p !== 'string')
                    walkExprTerms(p, f);
            break;
        default:
    }
}
function walkExprTerms(e, f) {
    switch (e.k) {
        case 'term':
            walkTerms(e.term, f);
            break;
        case 'somein':
            if (e.key)
                walkTerms(e.key, f);
            walkTerms(e.value, f);
            walkTerms(e.domain, f);
            break;
        case 'every':
            if (e.key)
                walkTerms(e.key, f);
            walkTerms(e.value, f);
            walkTerms(e.domain, f);
            for (const b of e.body)
                walkExprTerms(b, f);
            break;
        case 'not':
            walkExprTerms(e.expr, f);
            break;
        case 'or':
            for (const a of e.alts)
                for (const b of a)
                    walkExprTerms(b, f);
            break;
        default:
    }
    for (const w of e.withs) {
        walkTerms(w.value, f);
        if (w.target.t !== 'val')
            walkTerms(w.target, f);
    }
}
function ruleTerms(r, f) {
    for (const e of r.body)
        walkExprTerms(e, f);
    walkTerms(r.value, f);
    for (const t of r.tail)
        walkTerms(t, f);
    for (const el of r.elses) {
        for (const e of el.body)
            walkExprTerms(e, f);
        walkTerms(el.value, f);
    }
}
function checkCalls(rules, root) {
    for (const r of rules) {
        const top = new Set();
        collectTopCalls(r.body, top);
        for (const e of r.elses)
            collectTopCalls(e.body, top);
        ruleTerms(r, t => {
            if (t.t === 'acomp' || t.t === 'scomp' || t.t === 'ocomp')
                collectTopCalls(t.body, top);
            else if (t.t === 'template')
                for (const p of t.parts)
                    if (typeof p !== 'string')
                        collectTopCalls([p], top);
        });
        ruleTerms(r, t => checkCallTerm(t, root, top));
    }
}
/** calls that are a whole expression: only these may pass an output argument (`count(x, n)`) */
function collectTopCalls(body, out) {
    for (const e of body) {
        if (e.k === 'term' && e.term.t === 'call')
            out.add(e.term);
        if (e.k === 'not')
            collectTopCalls([e.expr], out);
        if (e.k === 'every')
            collectTopCalls(e.body, out);
        if (e.k === 'or')
            for (const a of e.alts)
                collectTopCalls(a, out);
        walkExprTerms(e, t => {
            if (t.t === 'acomp' || t.t === 'scomp' || t.t === 'ocomp')
                collectTopCalls(t.body, out);
            else if (t.t === 'template')
                for (const p of t.parts)
                    if (typeof p !== 'string')
                        collectTopCalls([p], out);
        });
    }
}
function checkCallTerm(t, root, topCalls) {
    if (t.t !== 'call')
        return;
    if (t.loc.file === '$fnref')
        return;
    const fn = t.fn;
    if (fn === 'eq' || fn === 'assign')
        return;
    let ar;
    if (fn.startsWith('data.')) {
        const node = root.lookup(fn.split('.').slice(1));
        if (!node || !node.isFunction) {
            if (node && node.hasValueRules)
                return; // calling a value rule: evaluated at run time (undefined)
            throw new errors_RegoError('rego_type_error', `undefined function ${fn}`, pos(t.loc));
        }
        ar = (node.funcs[0] ?? node.defaultFuncs[0]).args.length;
    }
    else {
        ar = BUILTIN_ARITY.get(fn);
        if (ar === undefined) {
            if (fn === 'internal.member_2' || fn === 'internal.member_3' || fn === 'internal.print')
                return;
            throw new errors_RegoError('rego_type_error', `undefined function ${fn}`, pos(t.loc));
        }
    }
    if (ar >= 0 && t.args.length !== ar && !(t.args.length === ar + 1 && topCalls?.has(t) === true)) {
        const which = t.args.length < ar ? 'too few' : 'too many';
        throw new errors_RegoError('rego_type_error', `${fn}: arity mismatch\n\thave: ${t.args.length} arguments\n\twant: ${ar} arguments (${which} arguments)`, pos(t.loc));
    }
}
function checkRecursion(root, rules) {
    // dependency graph between nodes holding rules
    const deps = new Map();
    const nodeOf = new Map();
    for (const r of rules)
        nodeOf.set(r, root.lookup(r.prefix));
    const targetsOf = (t) => {
        let path;
        if (t.t === 'ref' && t.head.t === 'var' && t.head.name === 'data')
            path = t.path;
        else if (t.t === 'call' && t.fn.startsWith('data.'))
            path = t.fn
                .split('.')
                .slice(1)
                .map((s) => ({ t: 'val', v: s, loc: t.loc }));
        else if (t.t === 'var' && t.name === 'data')
            path = [];
        if (!path)
            return [];
        let n = root;
        for (const p of path) {
            if (n.hasValueRules || n.isFunction)
                return [n];
            if (p.t === 'val' && (typeof p.v === 'string' || typeof p.v === 'number')) {
                const c = n.children.get(String(p.v));
                if (!c)
                    return [];
                n = c;
            }
            else
                return [];
        }
        const out = [];
        const collect = (x) => {
            if (x.hasValueRules || x.isFunction)
                out.push(x);
            for (const c of x.children.values())
                collect(c);
        };
        collect(n);
        return out;
    };
    for (const r of rules) {
        const from = nodeOf.get(r);
        let s = deps.get(from);
        if (!s)
            deps.set(from, (s = new Set()));
        const set = s;
        ruleTerms(r, t => {
            for (const n of targetsOf(t))
                set.add(n);
        });
    }
    // iterative depth-first search (policies may chain thousands of rules)
    const state = new Map();
    const stack = [];
    const iters = [];
    const enter = (n) => {
        state.set(n, 1);
        stack.push(n);
        iters.push((deps.get(n) ?? new Set()).values());
    };
    for (const start of deps.keys()) {
        if (state.get(start) === 2)
            continue;
        enter(start);
        while (stack.length) {
            const next = iters[iters.length - 1].next();
            if (next.done) {
                state.set(stack.pop(), 2);
                iters.pop();
                continue;
            }
            const d = next.value;
            const st = state.get(d);
            if (st === 2)
                continue;
            if (st === 1) {
                const cyc = stack.slice(stack.indexOf(d));
                const names = [...cyc, d].map(x => 'data.' + x.path.join('.'));
                const r = d.rules[0] ?? d.funcs[0] ?? d.defaults[0] ?? d.defaultFuncs[0];
                throw new errors_RegoError('rego_recursion_error', `rule ${names[0]} is recursive: ${names.join(' -> ')}`, pos(r.loc));
            }
            enter(d);
        }
    }
}


// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./packages/rego/src/builtins/types.ts
/**
 * A builtin failed on a bad value → eval_builtin_error (undefined unless strict-builtin-errors).
 * The message does not include the builtin name; the evaluator prefixes `<name>: ` as OPA does.
 */
class BuiltinError extends Error {
    name = 'BuiltinError';
}
/**
 * An operand has the wrong type → eval_type_error. Message like OPA's
 * "operand 1 must be string but got number" (the evaluator prefixes `<name>: `).
 */
class BuiltinTypeError extends Error {
    name = 'BuiltinTypeError';
}

;// CONCATENATED MODULE: ./packages/rego/src/builtins/args.ts
/** Operand checks with OPA's error messages. */


function typeErr(pos, want, got) {
    return new BuiltinTypeError(`operand ${pos} must be ${want} but got ${typeName(got)}`);
}
function oneOfErr(pos, wants, got) {
    return new BuiltinTypeError(`operand ${pos} must be one of {${wants.join(', ')}} but got ${typeName(got)}`);
}
function fail(msg) {
    return new BuiltinError(msg);
}
function str(args, i) {
    const v = args[i];
    if (typeof v !== 'string')
        throw typeErr(i + 1, 'string', v);
    return v;
}
function num(args, i) {
    const v = args[i];
    if (typeof v !== 'number' && typeof v !== 'bigint')
        throw typeErr(i + 1, 'number', v);
    return v;
}
function bool(args, i) {
    const v = args[i];
    if (typeof v !== 'boolean')
        throw typeErr(i + 1, 'boolean', v);
    return v;
}
function arr(args, i) {
    const v = args[i];
    if (!Array.isArray(v))
        throw typeErr(i + 1, 'array', v);
    return v;
}
function obj(args, i) {
    const v = args[i];
    if (!(v instanceof value_RegoObject))
        throw typeErr(i + 1, 'object', v);
    return v;
}
function set(args, i) {
    const v = args[i];
    if (!(v instanceof RegoSet))
        throw typeErr(i + 1, 'set', v);
    return v;
}
function isNum(v) {
    return typeof v === 'number' || typeof v === 'bigint';
}
function isInt(n) {
    return typeof n === 'bigint' || Number.isInteger(n);
}
/** Integer operand (OPA: "operand N must be integer number but got floating-point number"). */
function args_int(args, i) {
    const n = num(args, i);
    if (!isInt(n))
        throw new BuiltinTypeError(`operand ${i + 1} must be integer number but got floating-point number`);
    return BigInt(n);
}
/** Integer operand that fits in a JS safe integer. */
function smallInt(args, i) {
    return Number(args_int(args, i));
}
/** bigint → Rego number: a JS number when safe, else a bigint. */
function normInt(b) {
    return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(b)
        : b;
}
/** A float result → Rego number (integral results beyond the safe range become bigints). */
function normFloat(f) {
    if (!Number.isFinite(f))
        throw fail('number out of range');
    if (Number.isInteger(f) && !Number.isSafeInteger(f))
        return BigInt(f);
    return Object.is(f, -0) ? 0 : f;
}
/** Elements of an array or set. */
function collection(args, i, wants = ['array', 'set']) {
    const v = args[i];
    if (Array.isArray(v))
        return v;
    if (v instanceof RegoSet)
        return v.sorted();
    throw oneOfErr(i + 1, wants, v);
}
function strings(vals, pos, kind = 'array') {
    return vals.map(v => {
        if (typeof v !== 'string')
            throw new BuiltinTypeError(`operand ${pos} must be ${kind} of strings but got ${kind} containing ${typeName(v)}`);
        return v;
    });
}
function obj1(pairs) {
    return new RegoObject(pairs);
}
function cached(cache, k, make) {
    if (cache.has(k))
        return cache.get(k);
    const v = make();
    cache.set(k, v);
    return v;
}
/** A value as text: strings as themselves, anything else as JSON. */
function args_text(v) {
    if (typeof v === 'string')
        return v;
    if (v === undefined)
        return '';
    if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v === null)
        return String(v);
    if (v instanceof value_RegoObject || v instanceof RegoSet || Array.isArray(v))
        return stringifyJSON(toJSON(v));
    return JSON.stringify(v) ?? '';
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./packages/rego/src/builtins/format.ts
/** Rego term syntax (OPA's ast String()) and Go fmt-style formatting for sprintf. */


function numberString(n) {
    if (typeof n === 'bigint')
        return n.toString();
    if (Number.isInteger(n))
        return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
    return String(n);
}
/** Go strconv.Quote (for printable text identical to JSON except for a few escapes). */
function goQuote(s) {
    let out = '"';
    for (const ch of s) {
        const c = ch.codePointAt(0);
        switch (ch) {
            case '"':
                out += '\\"';
                continue;
            case '\\':
                out += '\\\\';
                continue;
            case '\n':
                out += '\\n';
                continue;
            case '\t':
                out += '\\t';
                continue;
            case '\r':
                out += '\\r';
                continue;
            case '\x07':
                out += '\\a';
                continue;
            case '\b':
                out += '\\b';
                continue;
            case '\f':
                out += '\\f';
                continue;
            case '\v':
                out += '\\v';
                continue;
        }
        if (c < 0x20 || c === 0x7f)
            out += '\\x' + c.toString(16).padStart(2, '0');
        else if ((c >= 0x80 && c < 0xa0) ||
            c === 0xad ||
            (c >= 0xd800 && c < 0xe000) ||
            c === 0xfeff ||
            c === 0xfffd)
            out +=
                c < 0x10000
                    ? '\\u' + c.toString(16).padStart(4, '0')
                    : '\\U' + c.toString(16).padStart(8, '0');
        else
            out += ch;
    }
    return out + '"';
}
/** A value in Rego syntax, as OPA's Term.String(). */
function regoString(v) {
    if (v === null)
        return 'null';
    switch (typeof v) {
        case 'boolean':
            return v ? 'true' : 'false';
        case 'number':
        case 'bigint':
            return numberString(v);
        case 'string':
            return goQuote(v);
    }
    if (Array.isArray(v))
        return '[' + v.map(regoString).join(', ') + ']';
    if (v instanceof RegoSet)
        return v.size === 0 ? 'set()' : '{' + v.sorted().map(regoString).join(', ') + '}';
    return ('{' +
        v
            .sorted()
            .map(([k, x]) => regoString(k) + ': ' + regoString(x))
            .join(', ') +
        '}');
}
function toArg(v) {
    if (typeof v === 'number' || typeof v === 'bigint') {
        if (isInt(v)) {
            const b = BigInt(v);
            return { kind: 'int', v: b, big: b > 9223372036854775807n || b < -9223372036854775808n };
        }
        return { kind: 'float', v: Number(v) };
    }
    if (typeof v === 'string')
        return { kind: 'string', v };
    return { kind: 'string', v: regoString(v) };
}
function goTypeName(a) {
    return a.kind === 'int' ? (a.big ? '*big.Int' : 'int') : a.kind === 'float' ? 'float64' : 'string';
}
function argString(a) {
    return a.kind === 'int'
        ? a.v.toString()
        : a.kind === 'float'
            ? formatFloat(a.v, 'g', undefined)
            : a.v;
}
function badVerb(verb, a) {
    return `%!${verb}(${goTypeName(a)}=${argString(a)})`;
}
function pad(s, spec, zeroOk = true) {
    const w = spec.width ?? 0;
    // no width, or more UTF-16 units than the width in code points: nothing to pad (cheap check)
    if (w === 0 || s.length >= 2 * w)
        return s;
    const len = [...s].length;
    if (len >= w)
        return s;
    if (spec.minus)
        return s + ' '.repeat(w - len);
    if (spec.zero && zeroOk) {
        const sign = /^[+\- ]/.test(s) ? s[0] : '';
        const body = sign ? s.slice(1) : s;
        const prefix = /^0[xXbo]/.test(body) && spec.sharp ? body.slice(0, 2) : '';
        return sign + prefix + '0'.repeat(w - len) + body.slice(prefix.length);
    }
    return ' '.repeat(w - len) + s;
}
/** The exact decimal expansion of |x| (a finite double): x = 0.d1d2... × 10^dp. */
function exactDigits(x) {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, Math.abs(x));
    const bits = view.getBigUint64(0);
    const bexp = Number((bits >> 52n) & 0x7ffn);
    let mant = bits & 0xfffffffffffffn;
    let e2;
    if (bexp === 0)
        e2 = -1074;
    else {
        mant |= 1n << 52n;
        e2 = bexp - 1075;
    }
    if (mant === 0n)
        return { d: '0', dp: 1 };
    let d;
    let dp;
    if (e2 >= 0) {
        d = (mant << BigInt(e2)).toString();
        dp = d.length;
    }
    else {
        d = (mant * 5n ** BigInt(-e2)).toString();
        dp = d.length + e2;
    }
    return { d: d.replace(/0+$/, ''), dp };
}
/** Round a digit string to n ≥ 1 digits, half to even (exact, as Go's strconv). */
function roundDigits(d, dp, n) {
    if (d.length <= n)
        return { d, dp };
    const kept = d.slice(0, n);
    const first = d.charCodeAt(n) - 48;
    const restNonZero = /[1-9]/.test(d.slice(n + 1));
    const up = first > 5 || (first === 5 && (restNonZero || (kept.charCodeAt(n - 1) - 48) % 2 === 1));
    if (!up)
        return { d: kept.replace(/0+$/, '') || '0', dp };
    const digits = kept.split('').map(Number);
    let i = digits.length - 1;
    while (i >= 0) {
        if (digits[i] < 9) {
            digits[i]++;
            break;
        }
        digits[i] = 0;
        i--;
    }
    if (i < 0)
        return { d: '1', dp: dp + 1 };
    return { d: digits.join('').replace(/0+$/, '') || '0', dp };
}
/** Decimal digits of |x|: shortest round-trip, or rounded to `precision` significant digits. */
function digitsOf(x, precision) {
    if (x === 0)
        return { d: '0', dp: 1 };
    if (precision === undefined) {
        const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(Math.abs(x).toExponential());
        const d = (m[1] + (m[2] ?? '')).replace(/0+$/, '') || '0';
        return { d, dp: Number(m[3]) + 1 };
    }
    const ex = exactDigits(x);
    return roundDigits(ex.d, ex.dp, Math.max(precision, 1));
}
/** Digits of |x| rounded to `frac` digits after the decimal point. */
function fixedDigits(x, frac) {
    if (x === 0)
        return { d: '0', dp: 1 };
    const ex = exactDigits(x);
    const n = ex.dp + frac;
    if (n < 0)
        return { d: '0', dp: 1 };
    if (n === 0) {
        const up = ex.d.charCodeAt(0) - 48 > 5 || (ex.d[0] === '5' && /[1-9]/.test(ex.d.slice(1)));
        return up ? { d: '1', dp: ex.dp + 1 } : { d: '0', dp: 1 };
    }
    return roundDigits(ex.d, ex.dp, n);
}
function fmtE(neg, d, dp, prec, e) {
    let s = d[0];
    if (prec > 0)
        s += '.' + d.slice(1, prec + 1).padEnd(prec, '0');
    const exp = d === '0' ? 0 : dp - 1;
    const ea = Math.abs(exp);
    return (neg ? '-' : '') + s + e + (exp < 0 ? '-' : '+') + (ea < 10 ? '0' + ea : String(ea));
}
function fmtF(neg, d, dp, prec) {
    let int;
    if (dp > 0)
        int = d.length >= dp ? d.slice(0, dp) : d + '0'.repeat(dp - d.length);
    else
        int = '0';
    let frac = '';
    for (let i = 0; i < prec; i++) {
        const j = dp + i;
        frac += j >= 0 && j < d.length ? d[j] : '0';
    }
    return (neg ? '-' : '') + int + (prec > 0 ? '.' + frac : '');
}
/** strconv.FormatFloat(x, verb, prec, 64) for verbs e, f, g (prec undefined = shortest). */
function formatFloat(x, verb, prec) {
    if (Number.isNaN(x))
        return 'NaN';
    if (!Number.isFinite(x))
        return x > 0 ? '+Inf' : '-Inf';
    const neg = x < 0 || Object.is(x, -0);
    const lower = verb.toLowerCase();
    const E = verb === 'E' || verb === 'G' ? 'E' : 'e';
    if (lower === 'e') {
        const { d, dp } = digitsOf(x, prec === undefined ? undefined : prec + 1);
        return fmtE(neg, d, dp, prec ?? d.length - 1, E);
    }
    if (lower === 'f') {
        if (prec === undefined) {
            const { d, dp } = digitsOf(x);
            return fmtF(neg, d, dp, Math.max(d.length - dp, 0));
        }
        const { d, dp } = fixedDigits(x, prec);
        return fmtF(neg, d, dp, prec);
    }
    // g
    const shortest = prec === undefined;
    let p = prec === undefined ? 0 : prec === 0 ? 1 : prec;
    const { d, dp } = digitsOf(x, shortest ? undefined : p);
    if (shortest)
        p = d.length;
    let eprec = p;
    if (eprec > d.length && d.length >= dp)
        eprec = d.length;
    if (shortest)
        eprec = 6;
    const exp = dp - 1;
    if (exp < -4 || exp >= eprec) {
        if (p > d.length)
            p = d.length;
        return fmtE(neg, d, dp, p - 1, E);
    }
    if (p > dp)
        p = d.length;
    return fmtF(neg, d, dp, Math.max(p - dp, 0));
}
function fmtInt(a, verb, spec) {
    let base;
    let prefix = '';
    switch (verb) {
        case 'd':
        case 'v':
            base = 10;
            break;
        case 'b':
            base = 2;
            if (spec.sharp)
                prefix = '0b';
            break;
        case 'o':
            base = 8;
            if (spec.sharp)
                prefix = '0';
            break;
        case 'O':
            base = 8;
            prefix = '0o';
            break;
        case 'x':
        case 'X':
            base = 16;
            if (spec.sharp)
                prefix = verb === 'x' ? '0x' : '0X';
            break;
        default:
            return undefined;
    }
    const neg = a < 0n;
    let digits = (neg ? -a : a).toString(base);
    if (verb === 'X')
        digits = digits.toUpperCase();
    if (spec.prec !== undefined) {
        if (spec.prec === 0 && a === 0n)
            digits = '';
        digits = digits.padStart(spec.prec, '0');
    }
    const sign = neg ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
    return pad(sign + prefix + digits, spec, spec.prec === undefined);
}
function fmtHexString(s, upper, spec) {
    const bytes = Buffer.from(s, 'utf8');
    const parts = [...bytes].map(b => b.toString(16).padStart(2, '0'));
    let out = spec.space
        ? parts.map(p => (spec.sharp ? '0x' : '') + p).join(' ')
        : (spec.sharp ? '0x' : '') + parts.join('');
    if (upper)
        out = out.toUpperCase();
    return pad(out, spec, false);
}
function formatOne(a, verb, spec) {
    if (verb === 'T')
        return pad(goTypeName(a), spec, false);
    switch (a.kind) {
        case 'int': {
            if (verb === 'c')
                return pad(String.fromCodePoint(Number(a.v)), spec, false);
            if (verb === 'q')
                return pad("'" + String.fromCodePoint(Number(a.v)) + "'", spec, false);
            if (verb === 'U')
                return pad('U+' + a.v.toString(16).toUpperCase().padStart(4, '0'), spec, false);
            if (verb === 's' && a.big)
                return pad(a.v.toString(), spec);
            if ('eEfFgG'.includes(verb) && a.big)
                return pad(formatFloat(Number(a.v), verb, spec.prec ?? (verb.toLowerCase() === 'g' ? undefined : 6)), spec);
            return fmtInt(a.v, verb, spec) ?? badVerb(verb, a);
        }
        case 'float': {
            const v = verb === 'v' ? 'g' : verb;
            if (!'eEfFgG'.includes(v)) {
                if (verb === 'x' || verb === 'X' || verb === 'b')
                    return badVerb(verb, a);
                return badVerb(verb, a);
            }
            const prec = spec.prec ?? (v.toLowerCase() === 'g' ? undefined : 6);
            let s = formatFloat(a.v, v, prec);
            if (spec.plus && !s.startsWith('-') && !s.startsWith('+'))
                s = '+' + s;
            else if (spec.space && !s.startsWith('-') && !s.startsWith('+'))
                s = ' ' + s;
            if (!Number.isFinite(a.v))
                return pad(s, spec, false);
            return pad(s, spec);
        }
        case 'string': {
            switch (verb) {
                case 's':
                case 'v': {
                    let s = a.v;
                    if (spec.prec !== undefined)
                        s = [...s].slice(0, spec.prec).join('');
                    return pad(s, spec, false);
                }
                case 'q': {
                    let s = a.v;
                    if (spec.prec !== undefined)
                        s = [...s].slice(0, spec.prec).join('');
                    if (spec.sharp && !/[`\p{Cc}]/u.test(s))
                        return pad('`' + s + '`', spec, false);
                    return pad(goQuote(s), spec, false);
                }
                case 'x':
                case 'X':
                    return fmtHexString(a.v, verb === 'X', spec);
                default:
                    return badVerb(verb, a);
            }
        }
    }
}
/**
 * The common case of policy messages: only `%s`/`%v` of strings and `%d` of safe integers, one
 * argument per verb. undefined when anything else occurs (the general formatter handles it).
 */
function sprintfSimple(format, values) {
    let out = '';
    let last = 0;
    let argi = 0;
    for (let i = format.indexOf('%'); i !== -1; i = format.indexOf('%', last)) {
        const verb = format.charCodeAt(i + 1);
        const a = values[argi];
        if (verb === 115 || verb === 118) {
            // s, v
            if (typeof a !== 'string')
                return undefined;
            out += format.slice(last, i) + a;
        }
        else if (verb === 100) {
            // d
            if (typeof a !== 'number' || !Number.isSafeInteger(a))
                return undefined;
            out += format.slice(last, i) + String(a);
        }
        else
            return undefined;
        argi++;
        last = i + 2;
    }
    if (argi !== values.length)
        return undefined;
    return out + format.slice(last);
}
/** Go fmt.Sprintf over Rego values converted as OPA's sprintf does. */
function sprintf(format, values) {
    const simple = sprintfSimple(format, values);
    if (simple !== undefined)
        return simple;
    const args = values.map(toArg);
    let out = '';
    let argi = 0;
    let i = 0;
    const n = format.length;
    let reordered = false;
    while (i < n) {
        const c = format[i];
        if (c !== '%') {
            out += c;
            i++;
            continue;
        }
        i++;
        if (i >= n) {
            out += '%!(NOVERB)';
            break;
        }
        const spec = { minus: false, plus: false, sharp: false, space: false, zero: false };
        for (; i < n; i++) {
            const f = format[i];
            if (f === '-')
                spec.minus = true;
            else if (f === '+')
                spec.plus = true;
            else if (f === '#')
                spec.sharp = true;
            else if (f === ' ')
                spec.space = true;
            else if (f === '0')
                spec.zero = !spec.minus;
            else
                break;
        }
        const argIndex = () => {
            if (format[i] !== '[')
                return;
            const m = /^\[(\d+)\]/.exec(format.slice(i));
            if (m) {
                argi = Number(m[1]) - 1;
                i += m[0].length;
                reordered = true;
            }
        };
        argIndex();
        if (format[i] === '*') {
            i++;
            const a = args[argi++];
            if (a?.kind === 'int') {
                spec.width = Number(a.v);
                if (spec.width < 0) {
                    spec.minus = true;
                    spec.width = -spec.width;
                }
            }
            else
                out += '%!(BADWIDTH)';
        }
        else {
            const m = /^\d+/.exec(format.slice(i));
            if (m) {
                spec.width = Number(m[0]);
                i += m[0].length;
            }
        }
        if (format[i] === '.') {
            i++;
            argIndex();
            if (format[i] === '*') {
                i++;
                const a = args[argi++];
                if (a?.kind === 'int')
                    spec.prec = Number(a.v);
                else
                    out += '%!(BADPREC)';
            }
            else {
                const m = /^\d+/.exec(format.slice(i));
                spec.prec = m ? Number(m[0]) : 0;
                if (m)
                    i += m[0].length;
            }
        }
        argIndex();
        if (i >= n) {
            out += '%!(NOVERB)';
            break;
        }
        const verb = String.fromCodePoint(format.codePointAt(i));
        i += verb.length;
        if (verb === '%') {
            out += '%';
            continue;
        }
        if (argi >= args.length) {
            out += `%!${verb}(MISSING)`;
            continue;
        }
        out += formatOne(args[argi++], verb, spec);
    }
    if (!reordered && argi < args.length) {
        out +=
            '%!(EXTRA ' +
                args
                    .slice(argi)
                    .map(a => `${goTypeName(a)}=${argString(a)}`)
                    .join(', ') +
                ')';
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/rego/src/builtins/encoding.ts
/** base64, hex, urlquery, json and yaml builtins. */





const B64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const B64URL = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2}==|[A-Za-z0-9_-]{3}=|[A-Za-z0-9_-]{2,3})?$/;
/** Bytes → Go string (invalid UTF-8 becomes U+FFFD). */
function bytesToString(b) {
    return Buffer.from(b).toString('utf8');
}
function illegalB64(s, alphabet) {
    let i = 0;
    while (i < s.length && alphabet.test(s[i]))
        i++;
    throw fail(`illegal base64 data at input byte ${i}`);
}
function b64decodeStd(s) {
    const clean = s.replace(/[\r\n]/g, '');
    if (!B64.test(clean))
        illegalB64(clean, /[A-Za-z0-9+/]/);
    return Buffer.from(clean, 'base64');
}
function b64urlDecode(s) {
    const clean = s.replace(/[\r\n]/g, '');
    if (!B64URL.test(clean))
        illegalB64(clean, /[A-Za-z0-9_-]/);
    return Buffer.from(clean, 'base64url');
}
// ------------------------------------------------------------------ JSON (Go encoding/json style)
function goJSONString(s) {
    let out = '"';
    for (const ch of s) {
        const c = ch.codePointAt(0);
        if (ch === '"')
            out += '\\"';
        else if (ch === '\\')
            out += '\\\\';
        else if (ch === '\n')
            out += '\\n';
        else if (ch === '\r')
            out += '\\r';
        else if (ch === '\t')
            out += '\\t';
        else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029)
            out += '\\u' + c.toString(16).padStart(4, '0');
        else
            out += ch;
    }
    return out + '"';
}
function jsonKey(k) {
    return typeof k === 'string' ? k : marshalJSON(k);
}
/** Go json.Marshal of the value's JSON form (sets → sorted arrays, keys sorted). */
function marshalJSON(v, indent, level = 0) {
    if (v === null)
        return 'null';
    switch (typeof v) {
        case 'boolean':
            return String(v);
        case 'number':
        case 'bigint':
            return numberString(v);
        case 'string':
            return goJSONString(v);
    }
    const nl = (l) => (indent ? '\n' + indent.prefix + indent.indent.repeat(l) : '');
    const sep = indent ? ': ' : ':';
    let items;
    let open;
    let close;
    if (Array.isArray(v) || v instanceof RegoSet) {
        const arr = Array.isArray(v) ? v : v.sorted();
        items = arr.map(x => marshalJSON(x, indent, level + 1));
        open = '[';
        close = ']';
    }
    else {
        const pairs = v.sorted().map(([k, x]) => [jsonKey(k), x]);
        pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        items = pairs.map(([k, x]) => goJSONString(k) + sep + marshalJSON(x, indent, level + 1));
        open = '{';
        close = '}';
    }
    if (items.length === 0)
        return open + close;
    return open + items.map(it => nl(level + 1) + it).join(',') + nl(level) + close;
}
/** Parse JSON text into a Rego value, keeping big integers exact. Go-style error messages. */
function parseJSON(text) {
    let parsed;
    try {
        parsed = JSON.parse(text, (_k, val, ctx) => {
            if (typeof val === 'number' &&
                ctx?.source !== undefined &&
                /^-?\d+$/.test(ctx.source) &&
                !Number.isSafeInteger(val))
                return BigInt(ctx.source);
            return val;
        });
    }
    catch (e) {
        throw fail(goJSONError(text, e));
    }
    return toValue(parsed);
}
function goJSONError(text, e) {
    const t = text.trim();
    if (t === '')
        return 'unexpected end of JSON input';
    const m = /position (\d+)/.exec(e.message);
    if (/Unexpected end/.test(e.message))
        return 'unexpected end of JSON input';
    if (m) {
        const ch = text[Number(m[1])];
        if (ch !== undefined)
            return `invalid character '${ch}' looking for beginning of value`;
    }
    return e.message;
}
function toValue(j) {
    if (j === null || j === undefined)
        return null;
    if (typeof j === 'number')
        return Object.is(j, -0) ? 0 : j;
    if (typeof j === 'boolean' || typeof j === 'string' || typeof j === 'bigint')
        return j;
    if (Array.isArray(j))
        return j.map(toValue);
    if (j instanceof Date)
        return j.toISOString().replace('.000Z', 'Z');
    const o = new value_RegoObject();
    for (const [k, v] of Object.entries(j))
        o.set(k, toValue(v));
    return o;
}
/** Rego value → plain JS for the yaml package (sets → arrays, non-string keys → JSON text). */
function toPlain(v) {
    if (v === null || typeof v !== 'object')
        return typeof v === 'bigint' ? v : v;
    if (Array.isArray(v))
        return v.map(toPlain);
    if (v instanceof RegoSet)
        return v.sorted().map(toPlain);
    const out = {};
    const pairs = v.sorted().map(([k, x]) => [jsonKey(k), x]);
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [k, x] of pairs)
        out[k] = toPlain(x);
    return out;
}
function parseYAML(text) {
    let docs;
    try {
        docs = dist.parseAllDocuments(text, {
            version: '1.1',
            uniqueKeys: false,
            intAsBigInt: true
        });
    }
    catch (e) {
        throw fail('yaml: ' + e.message);
    }
    if (!Array.isArray(docs))
        docs = [docs];
    const doc = docs[0];
    if (!doc)
        return null;
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        const line = e.linePos?.[0].line ?? 1;
        const msg = e.code === 'MISSING_CHAR' || e.code === 'BAD_INDENT'
            ? "did not find expected ',' or ']'"
            : e.message.split(' at line')[0];
        throw fail(`yaml: line ${line}: ${msg}`);
    }
    const js = doc.toJS({ maxAliasCount: 1000 });
    return yamlToValue(js);
}
function yamlToValue(j) {
    if (typeof j === 'bigint')
        return j >= BigInt(Number.MIN_SAFE_INTEGER) && j <= BigInt(Number.MAX_SAFE_INTEGER)
            ? Number(j)
            : j;
    if (j instanceof Map) {
        const o = new value_RegoObject();
        for (const [k, v] of j)
            o.set(typeof k === 'string' ? k : String(k), yamlToValue(v));
        return o;
    }
    if (j instanceof Set)
        return [...j].map(yamlToValue);
    if (Array.isArray(j))
        return j.map(yamlToValue);
    if (j !== null && typeof j === 'object' && !(j instanceof Date)) {
        const o = new value_RegoObject();
        for (const [k, v] of Object.entries(j))
            o.set(k, yamlToValue(v));
        return o;
    }
    if (typeof j === 'number' && !Number.isFinite(j))
        throw fail('yaml: non-finite number');
    return toValue(j);
}
function marshalYAML(v) {
    return dist.stringify(toPlain(v), {
        indentSeq: false,
        lineWidth: 0,
        version: '1.1',
        singleQuote: true
    });
}
// ------------------------------------------------------------------ URL query (Go net/url)
function queryEscape(s) {
    let out = '';
    for (const b of Buffer.from(s, 'utf8')) {
        const ch = String.fromCharCode(b);
        if (/[A-Za-z0-9\-_.~]/.test(ch))
            out += ch;
        else if (ch === ' ')
            out += '+';
        else
            out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
    }
    return out;
}
function queryUnescape(s) {
    const bytes = [];
    for (let i = 0; i < s.length;) {
        const c = s[i];
        if (c === '%') {
            const h = s.slice(i + 1, i + 3);
            if (!/^[0-9a-fA-F]{2}$/.test(h)) {
                throw fail(`invalid URL escape ${JSON.stringify(s.slice(i, Math.min(i + 3, s.length)))}`);
            }
            bytes.push(parseInt(h, 16));
            i += 3;
        }
        else if (c === '+') {
            bytes.push(0x20);
            i++;
        }
        else {
            for (const b of Buffer.from(String.fromCodePoint(s.codePointAt(i)), 'utf8'))
                bytes.push(b);
            i += s.codePointAt(i) > 0xffff ? 2 : 1;
        }
    }
    return Buffer.from(bytes).toString('utf8');
}
function parseQuery(q) {
    const out = new Map();
    for (const part of q.split('&')) {
        if (part === '')
            continue;
        if (part.includes(';'))
            throw fail('invalid semicolon separator in query');
        const eq = part.indexOf('=');
        const k = queryUnescape(eq < 0 ? part : part.slice(0, eq));
        const v = eq < 0 ? '' : queryUnescape(part.slice(eq + 1));
        if (!out.has(k))
            out.set(k, []);
        out.get(k).push(v);
    }
    return new value_RegoObject([...out].map(([k, vs]) => [k, vs]));
}
const encodingBuiltins = {
    'base64.encode': args => Buffer.from(str(args, 0), 'utf8').toString('base64'),
    'base64.decode': args => bytesToString(b64decodeStd(str(args, 0))),
    'base64.is_valid': args => {
        if (typeof args[0] !== 'string')
            return false;
        return B64.test(args[0]);
    },
    'base64url.encode': args => Buffer.from(str(args, 0), 'utf8')
        .toString('base64url')
        .padEnd(Math.ceil(Buffer.byteLength(str(args, 0)) / 3) * 4, '='),
    'base64url.encode_no_pad': args => Buffer.from(str(args, 0), 'utf8').toString('base64url'),
    'base64url.decode': args => bytesToString(b64urlDecode(str(args, 0))),
    'hex.encode': args => Buffer.from(str(args, 0), 'utf8').toString('hex'),
    'hex.decode': args => {
        const s = str(args, 0);
        const bad = /[^0-9a-fA-F]/.exec(s);
        if (bad) {
            const cp = bad[0].codePointAt(0);
            throw fail(`encoding/hex: invalid byte: U+${cp.toString(16).toUpperCase().padStart(4, '0')} ${JSON.stringify(bad[0]).replace(/^"|"$/g, "'")}`);
        }
        if (s.length % 2 !== 0)
            throw fail('encoding/hex: odd length hex string');
        return bytesToString(Buffer.from(s, 'hex'));
    },
    'urlquery.encode': args => queryEscape(str(args, 0)),
    'urlquery.decode': args => queryUnescape(str(args, 0)),
    'urlquery.encode_object': args => {
        const o = obj(args, 0);
        const parts = [];
        const entries = o.sorted();
        for (const [k, v] of entries) {
            if (typeof k !== 'string')
                throw new BuiltinTypeError(`operand 1 must be object with string keys`);
            const vals = typeof v === 'string'
                ? [v]
                : Array.isArray(v)
                    ? v
                    : v instanceof RegoSet
                        ? v.sorted()
                        : null;
            if (vals === null)
                throw new BuiltinTypeError(`operand 1 values must be one of {string, array, set} but got ${typeName(v)}`);
            for (const x of vals) {
                if (typeof x !== 'string')
                    throw new BuiltinTypeError(`operand 1 values must be strings but got ${typeName(x)}`);
                parts.push(queryEscape(k) + '=' + queryEscape(x));
            }
        }
        return parts.join('&');
    },
    'urlquery.decode_object': args => parseQuery(str(args, 0)),
    'json.marshal': args => marshalJSON(args[0]),
    'json.marshal_with_options': args => {
        const v = args[0];
        const opts = obj(args, 1);
        let pretty;
        let prefix = '';
        let indent = '\t';
        let sawIndentOpt = false;
        for (const [k, x] of opts.sorted()) {
            if (k === 'pretty') {
                if (typeof x !== 'boolean')
                    throw new BuiltinTypeError(`operand 2 must be boolean for key "pretty" but got ${typeName(x)}`);
                pretty = x;
            }
            else if (k === 'prefix') {
                if (typeof x !== 'string')
                    throw new BuiltinTypeError(`operand 2 must be string for key "prefix" but got ${typeName(x)}`);
                prefix = x;
                sawIndentOpt = true;
            }
            else if (k === 'indent') {
                if (typeof x !== 'string')
                    throw new BuiltinTypeError(`operand 2 must be string for key "indent" but got ${typeName(x)}`);
                indent = x;
                sawIndentOpt = true;
            }
            else
                throw new BuiltinTypeError(`object contained unknown key ${JSON.stringify(args_text(k))}`);
        }
        const usePretty = pretty ?? sawIndentOpt;
        if (!usePretty)
            return marshalJSON(v);
        return prefix + marshalJSON(v, { prefix, indent });
    },
    'json.unmarshal': args => parseJSON(str(args, 0)),
    'json.is_valid': args => {
        if (typeof args[0] !== 'string')
            return false;
        try {
            JSON.parse(args[0]);
            return true;
        }
        catch {
            return false;
        }
    },
    'yaml.marshal': args => marshalYAML(args[0]),
    'yaml.unmarshal': args => parseYAML(str(args, 0)),
    'yaml.is_valid': args => {
        if (typeof args[0] !== 'string')
            return false;
        try {
            parseYAML(args[0]);
            return true;
        }
        catch {
            return false;
        }
    }
};
void oneOfErr;

;// CONCATENATED MODULE: ./packages/rego/src/builtins/gotime.ts
/** Go time: layouts (format/parse), durations, civil calendar and IANA zones (via Intl). */

const NAMED_LAYOUTS = {
    ANSIC: 'Mon Jan _2 15:04:05 2006',
    UnixDate: 'Mon Jan _2 15:04:05 MST 2006',
    RubyDate: 'Mon Jan 02 15:04:05 -0700 2006',
    RFC822: '02 Jan 06 15:04 MST',
    RFC822Z: '02 Jan 06 15:04 -0700',
    RFC850: 'Monday, 02-Jan-06 15:04:05 MST',
    RFC1123: 'Mon, 02 Jan 2006 15:04:05 MST',
    RFC1123Z: 'Mon, 02 Jan 2006 15:04:05 -0700',
    RFC3339: '2006-01-02T15:04:05Z07:00',
    RFC3339Nano: '2006-01-02T15:04:05.999999999Z07:00',
    Kitchen: '3:04PM',
    Stamp: 'Jan _2 15:04:05',
    StampMilli: 'Jan _2 15:04:05.000',
    StampMicro: 'Jan _2 15:04:05.000000',
    StampNano: 'Jan _2 15:04:05.000000000',
    DateTime: '2006-01-02 15:04:05',
    DateOnly: '2006-01-02',
    TimeOnly: '15:04:05'
};
const MONTHS = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December'
];
const WEEKDAYS = [
    'Sunday',
    'Monday',
    'Tuesday',
    'Wednesday',
    'Thursday',
    'Friday',
    'Saturday'
];
// ------------------------------------------------------------------ civil calendar
function daysFromCivil(y, m, d) {
    y -= m <= 2 ? 1 : 0;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
}
function civilFromDays(z) {
    z += 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const y = yoe + era * 400;
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp + (mp < 10 ? 3 : -9);
    return [y + (m <= 2 ? 1 : 0), m, d];
}
const NS = 1000000000n;
function splitNs(ns) {
    let sec = ns / NS;
    let nsec = ns % NS;
    if (nsec < 0n) {
        nsec += NS;
        sec -= 1n;
    }
    return { sec: Number(sec), nsec: Number(nsec) };
}
// ------------------------------------------------------------------ zones
const dtfCache = new Map();
function dtf(tz) {
    let f = dtfCache.get(tz);
    if (!f) {
        f = new Intl.DateTimeFormat('en-US', {
            timeZone: tz,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
            era: 'short',
            timeZoneName: 'short'
        });
        dtfCache.set(tz, f);
    }
    return f;
}
const gbCache = new Map();
function abbrFormat(tz) {
    let f = gbCache.get(tz);
    if (!f) {
        f = new Intl.DateTimeFormat('en-GB', { timeZone: tz, timeZoneName: 'short' });
        gbCache.set(tz, f);
    }
    return f;
}
function checkZone(tz) {
    if (tz === '' || tz === 'UTC')
        return 'UTC';
    if (tz === 'Local')
        return Intl.DateTimeFormat().resolvedOptions().timeZone;
    try {
        dtf(tz);
        return tz;
    }
    catch {
        throw fail(`unknown time zone ${tz}`);
    }
}
/** Offset (seconds east of UTC) and abbreviation of a zone at a Unix second. */
function zoneAt(tz, sec) {
    if (tz === 'UTC')
        return { offset: 0, abbr: 'UTC' };
    // Intl cannot format beyond ±8.64e15 ms; clamp for the offset lookup.
    const ms = Math.max(Math.min(sec * 1000, 8.64e15), -8.64e15);
    const parts = dtf(tz).formatToParts(new Date(ms));
    const get = (t) => parts.find(p => p.type === t)?.value ?? '0';
    let y = Number(get('year'));
    if (get('era') === 'BC' || get('era') === 'B')
        y = 1 - y;
    const local = daysFromCivil(y, Number(get('month')), Number(get('day'))) * 86400 +
        Number(get('hour')) * 3600 +
        Number(get('minute')) * 60 +
        Number(get('second'));
    const offset = local - Math.floor(ms / 1000);
    let abbr = get('timeZoneName');
    if (/^GMT[+-]/.test(abbr)) {
        // en-US only knows North American abbreviations; en-GB knows the European ones (CET, BST...)
        const gb = abbrFormat(tz)
            .formatToParts(new Date(ms))
            .find(p => p.type === 'timeZoneName')?.value;
        if (gb && !/^(GMT|UTC)[+-]/.test(gb))
            abbr = gb;
    }
    if (/^(GMT|UTC)[+-]/.test(abbr) || abbr === '0') {
        const a = Math.abs(offset);
        const hh = String(Math.floor(a / 3600)).padStart(2, '0');
        const mm = Math.floor(a / 60) % 60;
        abbr = (offset < 0 ? '-' : '+') + hh + (mm ? String(mm).padStart(2, '0') : '');
        if (offset === 0 && tz === 'UTC')
            abbr = 'UTC';
    }
    return { offset, abbr };
}
function toCivil(ns, tz) {
    const { sec, nsec } = splitNs(ns);
    const { offset, abbr } = zoneAt(tz, sec);
    const local = sec + offset;
    const days = Math.floor(local / 86400);
    const rem = local - days * 86400;
    const [year, month, day] = civilFromDays(days);
    return {
        year,
        month,
        day,
        hour: Math.floor(rem / 3600),
        min: Math.floor(rem / 60) % 60,
        sec: rem % 60,
        nsec,
        weekday: (((days + 4) % 7) + 7) % 7,
        yday: days - daysFromCivil(year, 1, 1) + 1,
        offset,
        abbr
    };
}
/** Unix ns of a civil time in a zone (Go's time.Date normalisation of out-of-range fields). */
function fromCivil(year, month, day, hour, min, sec, nsec, tz) {
    // normalise month
    const m0 = month - 1;
    year += Math.floor(m0 / 12);
    month = (((m0 % 12) + 12) % 12) + 1;
    const localSec = daysFromCivil(year, month, 1) * 86400 + (day - 1) * 86400 + hour * 3600 + min * 60 + sec;
    let offset = zoneAt(tz, localSec).offset;
    // second pass for DST transitions
    offset = zoneAt(tz, localSec - offset).offset;
    return BigInt(localSec - offset) * NS + BigInt(nsec);
}
function tokenizeLayout(layout) {
    const out = [];
    let lit = '';
    const push = (c) => {
        if (lit)
            out.push({ t: 'lit', s: lit });
        lit = '';
        out.push(c);
    };
    let i = 0;
    const L = layout;
    const at = (s) => L.startsWith(s, i);
    while (i < L.length) {
        const c = L[i];
        let matched;
        let len = 0;
        switch (c) {
            case 'J':
                if (at('January'))
                    [matched, len] = [{ t: 'LongMonth' }, 7];
                else if (at('Jan'))
                    [matched, len] = [{ t: 'Month' }, 3];
                break;
            case 'M':
                if (at('Monday'))
                    [matched, len] = [{ t: 'LongWeekDay' }, 6];
                else if (at('Mon'))
                    [matched, len] = [{ t: 'WeekDay' }, 3];
                else if (at('MST'))
                    [matched, len] = [{ t: 'TZ' }, 3];
                break;
            case '0':
                if (at('002'))
                    [matched, len] = [{ t: 'ZeroYearDay' }, 3];
                else if (/^0[1-6]/.test(L.slice(i))) {
                    const k = L[i + 1];
                    matched = {
                        t: {
                            '1': 'ZeroMonth',
                            '2': 'ZeroDay',
                            '3': 'ZeroHour12',
                            '4': 'ZeroMinute',
                            '5': 'ZeroSecond',
                            '6': 'Year'
                        }[k]
                    };
                    len = 2;
                }
                break;
            case '1':
                if (at('15'))
                    [matched, len] = [{ t: 'Hour' }, 2];
                else
                    [matched, len] = [{ t: 'NumMonth' }, 1];
                break;
            case '2':
                if (at('2006'))
                    [matched, len] = [{ t: 'LongYear' }, 4];
                else
                    [matched, len] = [{ t: 'Day' }, 1];
                break;
            case '_':
                if (at('_2')) {
                    if (at('_2006')) {
                        lit += '_';
                        i++;
                        continue;
                    }
                    if (at('__2'))
                        [matched, len] = [{ t: 'UnderYearDay' }, 3];
                    else
                        [matched, len] = [{ t: 'UnderDay' }, 2];
                }
                else if (at('__2'))
                    [matched, len] = [{ t: 'UnderYearDay' }, 3];
                break;
            case '3':
                ;
                [matched, len] = [{ t: 'Hour12' }, 1];
                break;
            case '4':
                ;
                [matched, len] = [{ t: 'Minute' }, 1];
                break;
            case '5':
                ;
                [matched, len] = [{ t: 'Second' }, 1];
                break;
            case 'P':
                if (at('PM'))
                    [matched, len] = [{ t: 'PM' }, 2];
                break;
            case 'p':
                if (at('pm'))
                    [matched, len] = [{ t: 'pm' }, 2];
                break;
            case '-':
                if (at('-07:00:00'))
                    [matched, len] = [{ t: 'NumColonSecondsTZ' }, 9];
                else if (at('-0700'))
                    [matched, len] = [{ t: 'NumTZ' }, 5];
                else if (at('-07:00'))
                    [matched, len] = [{ t: 'NumColonTZ' }, 6];
                else if (at('-070000'))
                    [matched, len] = [{ t: 'NumSecondsTz' }, 7];
                else if (at('-07'))
                    [matched, len] = [{ t: 'NumShortTZ' }, 3];
                break;
            case 'Z':
                if (at('Z07:00:00'))
                    [matched, len] = [{ t: 'ISO8601ColonSecondsTZ' }, 9];
                else if (at('Z070000'))
                    [matched, len] = [{ t: 'ISO8601SecondsTZ' }, 7];
                else if (at('Z0700'))
                    [matched, len] = [{ t: 'ISO8601TZ' }, 5];
                else if (at('Z07:00'))
                    [matched, len] = [{ t: 'ISO8601ColonTZ' }, 6];
                else if (at('Z07'))
                    [matched, len] = [{ t: 'ISO8601ShortTZ' }, 3];
                break;
            case '.':
            case ',': {
                const m = /^[.,](0+|9+)/.exec(L.slice(i));
                if (m && !/\d/.test(L[i + m[0].length] ?? '')) {
                    matched = { t: 'Frac', n: m[1].length, trim: m[1][0] === '9', sep: c };
                    len = m[0].length;
                }
                break;
            }
        }
        if (matched) {
            push(matched);
            i += len;
        }
        else {
            lit += c;
            i++;
        }
    }
    if (lit)
        out.push({ t: 'lit', s: lit });
    return out;
}
const gotime_pad = (n, w, ch = '0') => String(n).padStart(w, ch);
function fmtTZ(off, colon, secs, short, z) {
    if (z && off === 0)
        return 'Z';
    const sign = off < 0 ? '-' : '+';
    const a = Math.abs(off);
    const hh = gotime_pad(Math.floor(a / 3600), 2);
    const mm = gotime_pad(Math.floor(a / 60) % 60, 2);
    const ss = gotime_pad(a % 60, 2);
    if (short)
        return sign + hh;
    let s = sign + hh + (colon ? ':' : '') + mm;
    if (secs)
        s += (colon ? ':' : '') + ss;
    return s;
}
function formatLayout(c, layout) {
    let out = '';
    for (const ch of tokenizeLayout(layout)) {
        switch (ch.t) {
            case 'lit':
                out += ch.s;
                break;
            case 'LongMonth':
                out += MONTHS[c.month - 1];
                break;
            case 'Month':
                out += MONTHS[c.month - 1].slice(0, 3);
                break;
            case 'NumMonth':
                out += c.month;
                break;
            case 'ZeroMonth':
                out += gotime_pad(c.month, 2);
                break;
            case 'LongWeekDay':
                out += WEEKDAYS[c.weekday];
                break;
            case 'WeekDay':
                out += WEEKDAYS[c.weekday].slice(0, 3);
                break;
            case 'Day':
                out += c.day;
                break;
            case 'UnderDay':
                out += gotime_pad(c.day, 2, ' ');
                break;
            case 'ZeroDay':
                out += gotime_pad(c.day, 2);
                break;
            case 'UnderYearDay':
                out += gotime_pad(c.yday, 3, ' ');
                break;
            case 'ZeroYearDay':
                out += gotime_pad(c.yday, 3);
                break;
            case 'Hour':
                out += gotime_pad(c.hour, 2);
                break;
            case 'Hour12':
                out += c.hour % 12 === 0 ? 12 : c.hour % 12;
                break;
            case 'ZeroHour12':
                out += gotime_pad(c.hour % 12 === 0 ? 12 : c.hour % 12, 2);
                break;
            case 'Minute':
                out += c.min;
                break;
            case 'ZeroMinute':
                out += gotime_pad(c.min, 2);
                break;
            case 'Second':
                out += c.sec;
                break;
            case 'ZeroSecond':
                out += gotime_pad(c.sec, 2);
                break;
            case 'LongYear':
                out += c.year < 0 ? '-' + gotime_pad(-c.year, 4) : gotime_pad(c.year, 4);
                break;
            case 'Year':
                out += gotime_pad(((c.year % 100) + 100) % 100, 2);
                break;
            case 'PM':
                out += c.hour >= 12 ? 'PM' : 'AM';
                break;
            case 'pm':
                out += c.hour >= 12 ? 'pm' : 'am';
                break;
            case 'TZ':
                out += c.abbr;
                break;
            case 'ISO8601TZ':
                out += fmtTZ(c.offset, false, false, false, true);
                break;
            case 'ISO8601SecondsTZ':
                out += fmtTZ(c.offset, false, true, false, true);
                break;
            case 'ISO8601ShortTZ':
                out += fmtTZ(c.offset, false, false, true, true);
                break;
            case 'ISO8601ColonTZ':
                out += fmtTZ(c.offset, true, false, false, true);
                break;
            case 'ISO8601ColonSecondsTZ':
                out += fmtTZ(c.offset, true, true, false, true);
                break;
            case 'NumTZ':
                out += fmtTZ(c.offset, false, false, false, false);
                break;
            case 'NumSecondsTz':
                out += fmtTZ(c.offset, false, true, false, false);
                break;
            case 'NumShortTZ':
                out += fmtTZ(c.offset, false, false, true, false);
                break;
            case 'NumColonTZ':
                out += fmtTZ(c.offset, true, false, false, false);
                break;
            case 'NumColonSecondsTZ':
                out += fmtTZ(c.offset, true, true, false, false);
                break;
            case 'Frac': {
                let digits = gotime_pad(c.nsec, 9).slice(0, ch.n);
                if (ch.trim) {
                    digits = digits.replace(/0+$/, '');
                    if (digits)
                        out += ch.sep + digits;
                }
                else
                    out += ch.sep + digits;
                break;
            }
        }
    }
    return out;
}
function parseErr(value, layout, elem, rest, msg = '') {
    throw fail(`parsing time ${JSON.stringify(value)} as ${JSON.stringify(layout)}: cannot parse ${JSON.stringify(rest)} as ${JSON.stringify(elem)}${msg}`);
}
/** Go time.Parse (in UTC unless the value carries an offset). Returns Unix ns. */
function parseLayout(layout, value) {
    const chunks = tokenizeLayout(layout);
    let s = value;
    let year = 1;
    let month = 1;
    let day = 1;
    let hour = 0;
    let min = 0;
    let sec = 0;
    let nsec = 0;
    let pm;
    let offset;
    let yday = -1;
    const num = (min, max, elem, fixed) => {
        const m = fixed
            ? new RegExp(`^\\d{${fixed}}`).exec(s)
            : new RegExp(`^\\d{${min},${max}}`).exec(s);
        if (!m)
            parseErr(value, layout, elem, s);
        s = s.slice(m[0].length);
        return Number(m[0]);
    };
    const lookup = (names, elem) => {
        for (let k = 0; k < names.length; k++) {
            if (s.length >= names[k].length &&
                s.slice(0, names[k].length).toLowerCase() === names[k].toLowerCase()) {
                s = s.slice(names[k].length);
                return k;
            }
        }
        parseErr(value, layout, elem, s);
    };
    for (let ci = 0; ci < chunks.length; ci++) {
        const ch = chunks[ci];
        switch (ch.t) {
            case 'lit': {
                // Go skips spaces flexibly: a space in the layout matches one or more in the value
                if (!s.startsWith(ch.s))
                    parseErr(value, layout, ch.s, s);
                s = s.slice(ch.s.length);
                break;
            }
            case 'LongYear': {
                const m = /^[+-]?\d{4,}/.exec(s);
                if (!m || m[0].length < 4)
                    parseErr(value, layout, '2006', s);
                year = Number(m[0].slice(0, 4));
                s = s.slice(4);
                break;
            }
            case 'Year': {
                const y = num(2, 2, '06', 2);
                year = y >= 69 ? 1900 + y : 2000 + y;
                break;
            }
            case 'LongMonth':
                month = lookup(MONTHS, 'January') + 1;
                break;
            case 'Month':
                month =
                    lookup(MONTHS.map(x => x.slice(0, 3)), 'Jan') + 1;
                break;
            case 'NumMonth':
            case 'ZeroMonth':
                month = num(1, 2, ch.t === 'NumMonth' ? '1' : '01', ch.t === 'ZeroMonth' ? 2 : undefined);
                if (month < 1 || month > 12)
                    throw fail(`parsing time ${JSON.stringify(value)}: month out of range`);
                break;
            case 'LongWeekDay':
                lookup(WEEKDAYS, 'Monday');
                break;
            case 'WeekDay':
                lookup(WEEKDAYS.map(x => x.slice(0, 3)), 'Mon');
                break;
            case 'Day':
            case 'UnderDay':
            case 'ZeroDay':
                if (ch.t === 'UnderDay' && s.startsWith(' '))
                    s = s.slice(1);
                day = num(1, 2, ch.t === 'ZeroDay' ? '02' : '2', ch.t === 'ZeroDay' ? 2 : undefined);
                break;
            case 'UnderYearDay':
            case 'ZeroYearDay':
                while (ch.t === 'UnderYearDay' && s.startsWith(' '))
                    s = s.slice(1);
                yday = num(1, 3, '002', ch.t === 'ZeroYearDay' ? 3 : undefined);
                break;
            case 'Hour':
                hour = num(1, 2, '15', 2);
                if (hour > 23)
                    throw fail(`parsing time ${JSON.stringify(value)}: hour out of range`);
                break;
            case 'Hour12':
            case 'ZeroHour12':
                hour = num(1, 2, '3', ch.t === 'ZeroHour12' ? 2 : undefined);
                if (hour > 12)
                    throw fail(`parsing time ${JSON.stringify(value)}: hour out of range`);
                break;
            case 'Minute':
            case 'ZeroMinute':
                min = num(1, 2, '04', ch.t === 'ZeroMinute' ? 2 : undefined);
                if (min > 59)
                    throw fail(`parsing time ${JSON.stringify(value)}: minute out of range`);
                break;
            case 'Second':
            case 'ZeroSecond': {
                sec = num(1, 2, '05', ch.t === 'ZeroSecond' ? 2 : undefined);
                if (sec > 59)
                    throw fail(`parsing time ${JSON.stringify(value)}: second out of range`);
                // fractional seconds may follow even if the layout does not say so
                const next = chunks[ci + 1];
                if (!(next && next.t === 'Frac')) {
                    const m = /^[.,](\d+)/.exec(s);
                    if (m) {
                        nsec = Number(m[1].slice(0, 9).padEnd(9, '0'));
                        s = s.slice(m[0].length);
                    }
                }
                break;
            }
            case 'Frac': {
                const m = ch.trim ? /^[.,](\d+)/.exec(s) : new RegExp(`^[.,](\\d{${ch.n}})`).exec(s);
                if (m) {
                    nsec = Number(m[1].slice(0, 9).padEnd(9, '0'));
                    s = s.slice(m[0].length);
                }
                else if (!ch.trim)
                    parseErr(value, layout, '.' + '0'.repeat(ch.n), s);
                break;
            }
            case 'PM':
            case 'pm': {
                const p = s.slice(0, 2).toUpperCase();
                if (p !== 'AM' && p !== 'PM')
                    parseErr(value, layout, ch.t, s);
                pm = p === 'PM';
                s = s.slice(2);
                break;
            }
            case 'TZ': {
                const m = /^(UTC|GMT([+-]\d{1,2})?|[A-Z]{3,5}|[+-]\d{2,4})/.exec(s);
                if (!m)
                    parseErr(value, layout, 'MST', s);
                s = s.slice(m[0].length);
                if (m[2])
                    offset = Number(m[2]) * 3600;
                else if (m[0] === 'UTC' || m[0] === 'GMT')
                    offset = 0;
                else
                    offset = offset ?? 0;
                break;
            }
            default: {
                // numeric zones
                const z = ch.t.startsWith('ISO8601');
                if (z && s.startsWith('Z')) {
                    s = s.slice(1);
                    offset = 0;
                    break;
                }
                const colon = ch.t.includes('Colon');
                const secs = ch.t.includes('Seconds');
                const short = ch.t.includes('Short');
                const re = short
                    ? /^([+-])(\d{2})/
                    : colon
                        ? secs
                            ? /^([+-])(\d{2}):(\d{2}):(\d{2})/
                            : /^([+-])(\d{2}):(\d{2})/
                        : secs
                            ? /^([+-])(\d{2})(\d{2})(\d{2})/
                            : /^([+-])(\d{2})(\d{2})/;
                const m = re.exec(s);
                if (!m)
                    parseErr(value, layout, '-07:00', s);
                const hh = Number(m[2]);
                const mm = Number(m[3] ?? 0);
                const ss = Number(m[4] ?? 0);
                if (hh > 24 || mm > 59 || ss > 59)
                    throw fail(`parsing time ${JSON.stringify(value)}: time zone offset out of range`);
                offset = (m[1] === '-' ? -1 : 1) * (hh * 3600 + mm * 60 + ss);
                s = s.slice(m[0].length);
                break;
            }
        }
    }
    if (s !== '')
        throw fail(`parsing time ${JSON.stringify(value)}: extra text: ${JSON.stringify(s)}`);
    if (pm !== undefined) {
        if (pm && hour < 12)
            hour += 12;
        else if (!pm && hour === 12)
            hour = 0;
    }
    if (yday >= 0) {
        const d = daysFromCivil(year, 1, 1) + yday - 1;
        const [, mo, da] = civilFromDays(d);
        month = mo;
        day = da;
    }
    const dim = [
        31,
        year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31
    ][month - 1];
    if (day < 1 || day > dim)
        throw fail(`parsing time ${JSON.stringify(value)}: day out of range`);
    const localSec = daysFromCivil(year, month, day) * 86400 + hour * 3600 + min * 60 + sec;
    return BigInt(localSec - (offset ?? 0)) * NS + BigInt(nsec);
}
// ------------------------------------------------------------------ durations
const UNIT_NS = {
    ns: 1,
    us: 1e3,
    µs: 1e3,
    μs: 1e3,
    ms: 1e6,
    s: 1e9,
    m: 60e9,
    h: 3600e9
};
/** Go time.ParseDuration → ns. */
function parseDuration(str) {
    const orig = str;
    const bad = () => {
        throw fail(`time: invalid duration ${JSON.stringify(orig)}`);
    };
    let s = str;
    let neg = false;
    if (s[0] === '-' || s[0] === '+') {
        neg = s[0] === '-';
        s = s.slice(1);
    }
    if (s === '0')
        return 0n;
    if (s === '')
        bad();
    let total = 0n;
    while (s !== '') {
        const m = /^(\d*)(?:\.(\d*))?/.exec(s);
        if (m[0] === '' || m[0] === '.' || (m[1] === '' && (m[2] ?? '') === ''))
            bad();
        s = s.slice(m[0].length);
        const u = /^[^\d.]+/.exec(s);
        if (!u)
            throw fail(`time: missing unit in duration ${JSON.stringify(orig)}`);
        const unit = UNIT_NS[u[0]];
        if (unit === undefined)
            throw fail(`time: unknown unit ${JSON.stringify(u[0])} in duration ${JSON.stringify(orig)}`);
        s = s.slice(u[0].length);
        total +=
            BigInt(m[1] || '0') * BigInt(unit) +
                (m[2] ? BigInt(Math.round(Number('0.' + m[2]) * unit)) : 0n);
    }
    if (total > 9223372036854775807n)
        bad();
    return neg ? -total : total;
}

;// CONCATENATED MODULE: ./packages/rego/src/builtins/uri.ts
/** uri.parse / uri.is_valid with Go net/url.Parse semantics. */


function shouldEscape(c, mode) {
    if (/[A-Za-z0-9]/.test(c))
        return false;
    if (mode === 'host')
        return !/[-_.~!$&'()*+,;=:[\]<>"]/.test(c);
    if ('-_.~'.includes(c))
        return false;
    if ('$&+,/:;=?@'.includes(c)) {
        if (mode === 'path')
            return c === '?';
        if (mode === 'userinfo')
            return c === '@' || c === '/' || c === '?' || c === ':';
        return false;
    }
    if (mode === 'fragment')
        return !'!()*'.includes(c);
    return true;
}
class URLError extends Error {
}
function uri_unescape(s, mode) {
    const bytes = [];
    for (let i = 0; i < s.length;) {
        const c = s[i];
        if (c === '%') {
            const h = s.slice(i + 1, i + 3);
            if (!/^[0-9a-fA-F]{2}$/.test(h))
                throw new URLError(`invalid URL escape ${JSON.stringify(s.slice(i, i + 3))}`);
            if (mode === 'host' && parseInt(h[0], 16) < 8 && s.slice(i, i + 3) !== '%25')
                throw new URLError(`invalid URL escape ${JSON.stringify(s.slice(i, i + 3))}`);
            bytes.push(parseInt(h, 16));
            i += 3;
            continue;
        }
        if (mode === 'host' && c.charCodeAt(0) < 0x80 && shouldEscape(c, mode))
            throw new URLError(`invalid character ${JSON.stringify(c)} in host name`);
        const cp = s.codePointAt(i);
        for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8'))
            bytes.push(b);
        i += cp > 0xffff ? 2 : 1;
    }
    return Buffer.from(bytes).toString('utf8');
}
function uri_escape(s, mode) {
    let out = '';
    for (const b of Buffer.from(s, 'utf8')) {
        const c = String.fromCharCode(b);
        out +=
            b < 0x80 && !shouldEscape(c, mode) ? c : '%' + b.toString(16).toUpperCase().padStart(2, '0');
    }
    return out;
}
function validUserinfo(s) {
    return /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(s);
}
function parseHost(host) {
    if (host.startsWith('[')) {
        const i = host.lastIndexOf(']');
        if (i < 0)
            throw new URLError("missing ']' in host");
        const colonPort = host.slice(i + 1);
        if (colonPort !== '' && !/^:[0-9]*$/.test(colonPort))
            throw new URLError(`invalid port ${JSON.stringify(colonPort)} after host`);
        return uri_unescape(host, 'host');
    }
    const i = host.lastIndexOf(':');
    if (i >= 0) {
        const colonPort = host.slice(i);
        if (!/^:[0-9]*$/.test(colonPort))
            throw new URLError(`invalid port ${JSON.stringify(colonPort)} after host`);
    }
    return uri_unescape(host, 'host');
}
function parseURL(raw) {
    const u = {
        scheme: '',
        host: '',
        path: '',
        rawPath: '',
        fragment: '',
        opaque: '',
        rawQuery: ''
    };
    let rest = raw;
    const hash = rest.indexOf('#');
    if (hash >= 0) {
        u.fragment = uri_unescape(rest.slice(hash + 1), 'fragment');
        rest = rest.slice(0, hash);
    }
    if ([...rest].some(ch => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f))
        throw new URLError('net/url: invalid control character in URL');
    const sm = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(rest);
    if (sm) {
        u.scheme = sm[1].toLowerCase();
        rest = rest.slice(sm[0].length);
    }
    else if (/^[^/?]*:/.test(rest) && !rest.startsWith('/')) {
        if (rest.startsWith(':'))
            throw new URLError('missing protocol scheme');
        throw new URLError('first path segment in URL cannot contain colon');
    }
    const q = rest.indexOf('?');
    if (q >= 0) {
        u.rawQuery = rest.slice(q + 1);
        rest = rest.slice(0, q);
    }
    if (!rest.startsWith('/') && u.scheme !== '') {
        u.opaque = rest;
        return u;
    }
    if (rest.startsWith('//')) {
        const end = rest.indexOf('/', 2);
        const authority = end < 0 ? rest.slice(2) : rest.slice(2, end);
        rest = end < 0 ? '' : rest.slice(end);
        const at = authority.lastIndexOf('@');
        let host = authority;
        if (at >= 0) {
            const userinfo = authority.slice(0, at);
            if (!validUserinfo(userinfo))
                throw new URLError('net/url: invalid userinfo');
            host = authority.slice(at + 1);
        }
        u.host = parseHost(host);
    }
    u.path = uri_unescape(rest, 'path');
    u.rawPath = uri_escape(u.path, 'path') === rest ? '' : rest;
    return u;
}
function hostnamePort(host) {
    if (host.startsWith('[')) {
        const i = host.lastIndexOf(']');
        const hn = host.slice(1, i);
        const rest = host.slice(i + 1);
        return [hn, rest.startsWith(':') ? rest.slice(1) : ''];
    }
    const i = host.lastIndexOf(':');
    return i >= 0 ? [host.slice(0, i), host.slice(i + 1)] : [host, ''];
}
const uriBuiltins = {
    'uri.parse': args => {
        const s = str(args, 0);
        let u;
        try {
            u = parseURL(s);
        }
        catch (e) {
            if (e instanceof URLError)
                throw fail(`parse ${JSON.stringify(s)}: ${e.message}`);
            throw e;
        }
        const out = new value_RegoObject();
        const [hostname, port] = hostnamePort(u.host);
        if (u.scheme)
            out.set('scheme', u.scheme);
        if (hostname)
            out.set('hostname', hostname);
        if (port)
            out.set('port', port);
        if (u.path)
            out.set('path', u.path);
        const rp = u.rawPath || u.path;
        if (rp)
            out.set('raw_path', rp);
        if (u.rawQuery)
            out.set('raw_query', u.rawQuery);
        if (u.fragment)
            out.set('fragment', u.fragment);
        return out;
    },
    'uri.is_valid': args => {
        if (typeof args[0] !== 'string' || args[0] === '')
            return false;
        try {
            parseURL(args[0]);
            return true;
        }
        catch {
            return false;
        }
    }
};

;// CONCATENATED MODULE: ./packages/rego/src/builtins/aws.ts
/** providers.aws.sign_req (AWS Signature Version 4) and http.send argument validation. */







const quoteList = (ks) => '{' + ks.map(k => JSON.stringify(k)).join(', ') + '}';
function required(o, keys, pos, what) {
    const missing = keys.filter(k => !o.has(k));
    if (missing.length)
        throw new BuiltinTypeError(`operand ${pos} missing required ${what} parameters(s): ${quoteList(missing)}`);
    const invalid = keys.filter(k => typeof o.get(k) !== 'string');
    if (invalid.length)
        throw new BuiltinTypeError(`operand ${pos} invalid values for required ${what} parameters(s): ${quoteList(invalid)}`);
    return Object.fromEntries(keys.map(k => [k, o.get(k)]));
}
const sha256 = (b) => (0,external_node_crypto_.createHash)('sha256').update(b).digest('hex');
const hmac = (k, d) => (0,external_node_crypto_.createHmac)('sha256', k).update(d).digest();
function uriEncode(s, encodeSlash) {
    let out = '';
    for (const b of Buffer.from(s, 'utf8')) {
        const c = String.fromCharCode(b);
        if (/[A-Za-z0-9\-_.~]/.test(c) || (c === '/' && !encodeSlash))
            out += c;
        else
            out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
    }
    return out;
}
function headerValue(v) {
    if (typeof v === 'string')
        return v;
    if (Array.isArray(v) || v instanceof RegoSet)
        return (Array.isArray(v) ? v : v.sorted()).map(headerValue).join(',');
    return marshalJSON(v);
}
const awsBuiltins = {
    'providers.aws.sign_req': args => {
        const req = obj(args, 0);
        const cfg = obj(args, 1);
        const t = args[2];
        const r = required(req, ['method', 'url'], 1, 'request');
        const c = required(cfg, ['aws_access_key', 'aws_region', 'aws_secret_access_key', 'aws_service'], 2, 'AWS config');
        if (!isNum(t) || Number(t) < 0 || !Number.isInteger(Number(t)))
            throw new BuiltinTypeError('operand 3 could not convert time_ns value into a unix timestamp');
        const token = cfg.get('aws_session_token');
        const dps = cfg.get('disable_payload_signing');
        if (dps !== undefined && typeof dps !== 'boolean')
            throw new BuiltinTypeError("operand 2 invalid value for 'disable_payload_signing' in AWS config");
        let url;
        try {
            url = parseURL(r.url);
        }
        catch (e) {
            throw fail(`parse ${JSON.stringify(r.url)}: ${e.message}`);
        }
        const civil = toCivil(BigInt(t), 'UTC');
        const amzDate = formatLayout(civil, '20060102T150405Z');
        const day = amzDate.slice(0, 8);
        const raw = req.get('raw_body');
        const body = req.get('body');
        const payload = typeof raw === 'string' ? raw : body !== undefined ? marshalJSON(body) : '';
        const contentHash = dps === true ? 'UNSIGNED-PAYLOAD' : sha256(payload);
        const headers = new Map();
        const hdrs = req.get('headers');
        if (hdrs instanceof value_RegoObject)
            for (const [k, v] of hdrs.sorted())
                headers.set(args_text(k), headerValue(v));
        headers.set('host', url.host);
        // A caller-supplied x-amz-content-sha256 is what gets signed (as OPA does); the output carries the computed one.
        if (!headers.has('x-amz-content-sha256'))
            headers.set('x-amz-content-sha256', contentHash);
        headers.set('x-amz-date', amzDate);
        if (typeof token === 'string')
            headers.set('x-amz-security-token', token);
        const canon = [...headers]
            .map(([k, v]) => [k.toLowerCase(), v.trim().replace(/\s+/g, ' ')])
            .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        const signedHeaders = canon.map(h => h[0]).join(';');
        const query = [...new URLSearchParams(url.rawQuery)]
            .map(([k, v]) => [uriEncode(k, true), uriEncode(v, true)])
            .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1))
            .map(([k, v]) => `${k}=${v}`)
            .join('&');
        const path = url.path;
        const canonicalURI = c.aws_service === 's3' ? uriEncode(path, false) : uriEncode(uriEncode(path, false), false);
        const canonicalRequest = [
            r.method,
            canonicalURI,
            query,
            canon.map(([k, v]) => `${k}:${v}\n`).join(''),
            signedHeaders,
            contentHash
        ].join('\n');
        const scope = `${day}/${c.aws_region}/${c.aws_service}/aws4_request`;
        const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
        const kDate = hmac('AWS4' + c.aws_secret_access_key, day);
        const kSigning = hmac(hmac(hmac(kDate, c.aws_region), c.aws_service), 'aws4_request');
        const signature = (0,external_node_crypto_.createHmac)('sha256', kSigning).update(stringToSign).digest('hex');
        const outHeaders = new value_RegoObject();
        if (hdrs instanceof value_RegoObject)
            for (const [k, v] of hdrs.entries.values())
                outHeaders.set(k, v);
        for (const [k, v] of headers)
            if (!(hdrs instanceof value_RegoObject && hdrs.has(k)))
                outHeaders.set(k, v);
        outHeaders.set('x-amz-content-sha256', contentHash);
        outHeaders.set('Authorization', `AWS4-HMAC-SHA256 Credential=${c.aws_access_key}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`);
        const out = new value_RegoObject(req.entries.values());
        out.set('headers', outHeaders);
        return out;
    },
    'http.send': args => {
        const req = obj(args, 0);
        const allowed = new Set([
            'method',
            'url',
            'body',
            'enable_redirect',
            'force_json_decode',
            'force_yaml_decode',
            'headers',
            'raw_body',
            'tls_use_system_certs',
            'tls_ca_cert',
            'tls_ca_cert_file',
            'tls_ca_cert_env_variable',
            'tls_client_cert',
            'tls_client_cert_file',
            'tls_client_cert_env_variable',
            'tls_client_key',
            'tls_client_key_file',
            'tls_client_key_env_variable',
            'tls_insecure_skip_verify',
            'tls_server_name',
            'timeout',
            'cache',
            'force_cache',
            'force_cache_duration_seconds',
            'raise_error',
            'caching_mode',
            'max_retry_attempts',
            'cache_ignored_headers'
        ]);
        const bad = req
            .keys()
            .filter(k => typeof k !== 'string' || !allowed.has(k))
            .map(String)
            .sort();
        if (bad.length)
            throw new BuiltinTypeError(`invalid request parameters(s): ${quoteList(bad)}`);
        const missing = ['method', 'url'].filter(k => !req.has(k));
        if (missing.length)
            throw new BuiltinTypeError(`missing required request parameters(s): ${quoteList(missing)}`);
        throw fail('network access is not available to this evaluator');
    }
};

;// CONCATENATED MODULE: ./packages/rego/src/builtins/numbers.ts
/** Operators, arithmetic, comparison, rounding, ranges and bit operations with OPA's number semantics. */



const big = (n) => (typeof n === 'bigint' ? n : BigInt(n));
const bothInt = (a, b) => isInt(a) && isInt(b);
function add(a, b) {
    if (typeof a === 'number' && typeof b === 'number') {
        const r = a + b;
        if (Number.isSafeInteger(r) || !bothInt(a, b))
            return normFloat(r);
    }
    if (bothInt(a, b))
        return normInt(big(a) + big(b));
    return normFloat(Number(a) + Number(b));
}
function sub(a, b) {
    if (typeof a === 'number' && typeof b === 'number') {
        const r = a - b;
        if (Number.isSafeInteger(r) || !bothInt(a, b))
            return normFloat(r);
    }
    if (bothInt(a, b))
        return normInt(big(a) - big(b));
    return normFloat(Number(a) - Number(b));
}
function mul(a, b) {
    if (typeof a === 'number' && typeof b === 'number') {
        const r = a * b;
        if (Number.isSafeInteger(r) || !bothInt(a, b))
            return normFloat(r);
    }
    if (bothInt(a, b))
        return normInt(big(a) * big(b));
    return normFloat(Number(a) * Number(b));
}
function div(a, b) {
    if (bothInt(a, b)) {
        const bb = big(b);
        if (bb === 0n)
            throw fail('divide by zero');
        const ba = big(a);
        if (ba % bb === 0n)
            return normInt(ba / bb);
    }
    if (Number(b) === 0)
        throw fail('divide by zero');
    return normFloat(Number(a) / Number(b));
}
function rem(a, b) {
    if (!bothInt(a, b))
        throw fail('modulo on floating-point number');
    const bb = big(b);
    if (bb === 0n)
        throw fail('modulo by zero');
    return normInt(big(a) % bb);
}
function arith(op) {
    return args => op(num(args, 0), num(args, 1));
}
function roundHalfAway(x) {
    return x < 0 ? -Math.round(-x) : Math.round(x);
}
function unary(f) {
    return args => {
        const n = num(args, 0);
        if (typeof n === 'bigint' || Number.isInteger(n))
            return n;
        return normFloat(f(n));
    };
}
function* rangeStep(a, b, step) {
    if (a <= b)
        for (let i = a; i <= b; i += step)
            yield i;
    else
        for (let i = a; i >= b; i -= step)
            yield i;
}
function unsignedInt(args, i) {
    const n = args_int(args, i);
    if (n < 0n)
        throw new BuiltinTypeError(`operand ${i + 1} must be an unsigned integer number but got a negative integer`);
    return n;
}
function bits(op) {
    return args => normInt(op(args_int(args, 0), args_int(args, 1)));
}
const numberBuiltins = {
    plus: arith(add),
    minus: args => {
        const [a, b] = args;
        const an = typeof a === 'number' || typeof a === 'bigint';
        const bn = typeof b === 'number' || typeof b === 'bigint';
        if (an && bn)
            return sub(a, b);
        if (a instanceof RegoSet && b instanceof RegoSet) {
            const out = new RegoSet();
            for (const [k, v] of a.items)
                if (!b.items.has(k))
                    out.items.set(k, v);
            return out;
        }
        if (!an && !(a instanceof RegoSet))
            throw oneOfErr(1, ['number', 'set'], a);
        if (bn)
            throw typeErr(2, 'set', b);
        throw typeErr(2, 'number', b);
    },
    mul: arith(mul),
    div: arith(div),
    rem: arith(rem),
    abs: args => {
        const n = num(args, 0);
        return typeof n === 'bigint' ? normInt(n < 0n ? -n : n) : Math.abs(n);
    },
    round: unary(roundHalfAway),
    ceil: unary(Math.ceil),
    floor: unary(Math.floor),
    gt: args => compare(args[0], args[1]) > 0,
    gte: args => compare(args[0], args[1]) >= 0,
    lt: args => compare(args[0], args[1]) < 0,
    lte: args => compare(args[0], args[1]) <= 0,
    equal: args => compare(args[0], args[1]) === 0,
    neq: args => compare(args[0], args[1]) !== 0,
    and: args => {
        const a = set(args, 0);
        const b = set(args, 1);
        const out = new RegoSet();
        for (const [k, v] of a.items)
            if (b.items.has(k))
                out.items.set(k, v);
        return out;
    },
    or: args => {
        const a = set(args, 0);
        const b = set(args, 1);
        const out = new RegoSet();
        for (const [k, v] of a.items)
            out.items.set(k, v);
        for (const [k, v] of b.items)
            if (!out.items.has(k))
                out.items.set(k, v);
        return out;
    },
    'numbers.range': args => {
        const a = args_int(args, 0);
        const b = args_int(args, 1);
        return [...rangeStep(a, b, 1n)].map(normInt);
    },
    'numbers.range_step': args => {
        const a = args_int(args, 0);
        const b = args_int(args, 1);
        const s = args_int(args, 2);
        if (s <= 0n)
            throw fail('step must be a positive integer');
        return [...rangeStep(a, b, s)].map(normInt);
    },
    'bits.or': bits((a, b) => a | b),
    'bits.and': bits((a, b) => a & b),
    'bits.xor': bits((a, b) => a ^ b),
    'bits.negate': args => normInt(~args_int(args, 0)),
    'bits.lsh': args => normInt(args_int(args, 0) << unsignedInt(args, 1)),
    'bits.rsh': args => normInt(args_int(args, 0) >> unsignedInt(args, 1)),
    format_int: args => {
        const n = num(args, 0);
        const base = num(args, 1);
        if (base !== 2 && base !== 8 && base !== 10 && base !== 16)
            throw new BuiltinTypeError('operand 2 must be one of {2, 8, 10, 16}');
        const i = typeof n === 'bigint' ? n : BigInt(Math.trunc(n));
        return i.toString(base);
    }
};

;// CONCATENATED MODULE: ./packages/rego/src/builtins/collections.ts
/** Aggregates, arrays, sets, objects, types and casts. */




function numbersOf(args, i) {
    const vals = collection(args, i, ['set', 'array']);
    return vals.map(v => {
        if (!isNum(v))
            throw new BuiltinTypeError(`operand ${i + 1} must be one of {set, array} containing numbers but got ${typeName(v)}`);
        return v;
    });
}
function setOfSets(args, i) {
    const s = set(args, i);
    return [...s.values()].map(v => {
        if (!(v instanceof RegoSet))
            throw new BuiltinTypeError(`operand ${i + 1} must be set of sets but got set containing ${typeName(v)}`);
        return v;
    });
}
function flatten(a, out) {
    for (const v of a)
        if (Array.isArray(v))
            out.push(...v);
        else
            out.push(v);
    return out;
}
/** Keys named by an object (its keys), a set or an array. */
function keysOperand(args, i) {
    const v = args[i];
    if (v instanceof value_RegoObject)
        return v.keys();
    if (v instanceof RegoSet)
        return [...v.values()];
    if (Array.isArray(v))
        return v;
    throw oneOfErr(i + 1, ['object', 'set', 'array'], v);
}
function unionObjects(a, b) {
    const out = new value_RegoObject();
    for (const [k, v] of a.entries.values())
        out.set(k, v);
    for (const [k, v] of b.entries.values()) {
        const prev = out.get(k);
        out.set(k, prev instanceof value_RegoObject && v instanceof value_RegoObject ? unionObjects(prev, v) : v);
    }
    return out;
}
function arraySubset(sup, sub) {
    if (sub.length === 0)
        return true;
    for (let i = 0; i + sub.length <= sup.length; i++) {
        let ok = true;
        for (let j = 0; j < sub.length && ok; j++)
            ok = equal(sup[i + j], sub[j]);
        if (ok)
            return true;
    }
    return false;
}
function setSubset(sup, sub) {
    for (const k of sub.items.keys())
        if (!sup.items.has(k))
            return false;
    return true;
}
function objectSubset(sup, sub) {
    for (const [k, sv] of sub.entries.values()) {
        const pv = sup.get(k);
        if (pv === undefined)
            return false;
        if (!valueSubset(pv, sv))
            return false;
    }
    return true;
}
function valueSubset(pv, sv) {
    if (pv instanceof value_RegoObject && sv instanceof value_RegoObject)
        return objectSubset(pv, sv);
    if (pv instanceof RegoSet && sv instanceof RegoSet)
        return setSubset(pv, sv);
    if (Array.isArray(pv) && Array.isArray(sv))
        return arraySubset(pv, sv);
    return equal(pv, sv);
}
/** Walks a path through objects, arrays and sets. */
function lookupPath(v, path) {
    let cur = v;
    for (const seg of path) {
        if (cur instanceof value_RegoObject)
            cur = cur.get(seg);
        else if (Array.isArray(cur)) {
            if (!isNum(seg) || !Number.isInteger(Number(seg)))
                return undefined;
            cur = cur[Number(seg)];
        }
        else if (cur instanceof RegoSet)
            cur = cur.has(seg) ? seg : undefined;
        else
            return undefined;
        if (cur === undefined)
            return undefined;
    }
    return cur;
}
const GO_FLOAT = /^[+-]?(?:(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?|0[xX](?:[\da-fA-F_]+(?:\.[\da-fA-F_]*)?|\.[\da-fA-F_]+)[pP][+-]?\d+)$/;
function parseNumberString(s) {
    const lower = s.toLowerCase().replace(/^[+-]/, '');
    if (lower === 'inf' || lower === 'infinity' || lower === 'nan')
        throw new BuiltinTypeError('operand 1 must be a valid number string but got ' + s);
    if (!GO_FLOAT.test(s))
        throw fail(`strconv.ParseFloat: parsing ${JSON.stringify(s)}: invalid syntax`);
    const clean = s.replace(/_/g, '');
    if (/^[+-]?\d+$/.test(clean)) {
        const b = BigInt(clean);
        return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER)
            ? Number(b)
            : b;
    }
    let f;
    if (/^[+-]?0x/i.test(clean)) {
        const m = /^([+-]?)0x([\da-f]*)(?:\.([\da-f]*))?p([+-]?\d+)$/i.exec(clean);
        const int = m[2] ? parseInt(m[2], 16) : 0;
        const frac = m[3] ? parseInt(m[3], 16) / 16 ** m[3].length : 0;
        f = (m[1] === '-' ? -1 : 1) * (int + frac) * 2 ** Number(m[4]);
    }
    else
        f = Number(clean);
    if (!Number.isFinite(f))
        throw fail(`strconv.ParseFloat: parsing ${JSON.stringify(s)}: value out of range`);
    if (Number.isInteger(f) && !Number.isSafeInteger(f))
        return BigInt(f);
    return Object.is(f, -0) ? 0 : f;
}
const collectionBuiltins = {
    count: args => {
        const v = args[0];
        if (typeof v === 'string')
            return [...v].length;
        if (Array.isArray(v))
            return v.length;
        if (v instanceof value_RegoObject || v instanceof RegoSet)
            return v.size;
        throw oneOfErr(1, ['array', 'object', 'set', 'string'], v);
    },
    sum: args => numbersOf(args, 0).reduce((a, b) => add(a, b), 0),
    product: args => numbersOf(args, 0).reduce((a, b) => mul(a, b), 1),
    max: args => {
        const vals = collection(args, 0, ['set', 'array']);
        if (vals.length === 0)
            return undefined;
        return vals.reduce((a, b) => (compare(a, b) >= 0 ? a : b));
    },
    min: args => {
        const vals = collection(args, 0, ['set', 'array']);
        if (vals.length === 0)
            return undefined;
        return vals.reduce((a, b) => (compare(a, b) <= 0 ? a : b));
    },
    sort: args => [...collection(args, 0)].sort(compare),
    all: args => collection(args, 0).every(v => v === true),
    any: args => collection(args, 0).some(v => v === true),
    concat: args => {
        const sep = str(args, 0);
        const v = args[1];
        if (!Array.isArray(v) && !(v instanceof RegoSet))
            throw oneOfErr(2, ['set', 'array'], v);
        return strings(collection(args, 1), 2, typeName(v)).join(sep);
    },
    'array.concat': args => [...arr(args, 0), ...arr(args, 1)],
    'array.flatten': args => flatten(arr(args, 0), []),
    'array.reverse': args => [...arr(args, 0)].reverse(),
    'array.slice': args => {
        const a = arr(args, 0);
        let start = Math.floor(Number(num(args, 1)));
        let stop = Math.floor(Number(num(args, 2)));
        if (start < 0)
            start = 0;
        if (stop > a.length)
            stop = a.length;
        if (start > stop)
            return [];
        return a.slice(start, stop);
    },
    intersection: args => {
        const sets = setOfSets(args, 0);
        if (sets.length === 0)
            return new RegoSet();
        const out = new RegoSet();
        for (const [k, v] of sets[0].items)
            if (sets.every(s => s.items.has(k)))
                out.items.set(k, v);
        return out;
    },
    union: args => {
        const out = new RegoSet();
        for (const s of setOfSets(args, 0))
            for (const [k, v] of s.items)
                if (!out.items.has(k))
                    out.items.set(k, v);
        return out;
    },
    set_diff: args => {
        const a = set(args, 0);
        const b = set(args, 1);
        const out = new RegoSet();
        for (const [k, v] of a.items)
            if (!b.items.has(k))
                out.items.set(k, v);
        return out;
    },
    'object.get': args => {
        const o = obj(args, 0);
        const k = args[1];
        if (Array.isArray(k))
            return lookupPath(o, k) ?? args[2];
        return o.get(k) ?? args[2];
    },
    'object.keys': args => new RegoSet(obj(args, 0).keys()),
    'object.remove': args => {
        const o = obj(args, 0);
        const ks = new RegoSet(keysOperand(args, 1));
        return new value_RegoObject([...o.entries.values()].filter(([k]) => !ks.has(k)));
    },
    'object.filter': args => {
        const o = obj(args, 0);
        const ks = new RegoSet(keysOperand(args, 1));
        return new value_RegoObject([...o.entries.values()].filter(([k]) => ks.has(k)));
    },
    'object.union': args => unionObjects(obj(args, 0), obj(args, 1)),
    'object.union_n': args => {
        let out = new value_RegoObject();
        for (const v of arr(args, 0)) {
            if (!(v instanceof value_RegoObject))
                throw new BuiltinTypeError(`operand 1 must be array of objects but got array containing ${typeName(v)}`);
            out = unionObjects(out, v);
        }
        return out;
    },
    'object.subset': args => {
        const [sup, sub] = args;
        if (!(sup instanceof value_RegoObject) && !(sup instanceof RegoSet) && !Array.isArray(sup))
            throw oneOfErr(1, ['object', 'set', 'array'], sup);
        if (!(sub instanceof value_RegoObject) && !(sub instanceof RegoSet) && !Array.isArray(sub))
            throw oneOfErr(2, ['object', 'set', 'array'], sub);
        if (sup instanceof value_RegoObject && sub instanceof value_RegoObject)
            return objectSubset(sup, sub);
        if (sup instanceof RegoSet && sub instanceof RegoSet)
            return setSubset(sup, sub);
        if (Array.isArray(sup) && Array.isArray(sub))
            return arraySubset(sup, sub);
        if (Array.isArray(sup) && sub instanceof RegoSet) {
            const s = new RegoSet(sup);
            return setSubset(s, sub);
        }
        throw new BuiltinTypeError(`both arguments must be of the same type or the first an array and the second a set, but got ${typeName(sup)} and ${typeName(sub)}`);
    },
    type_name: args => typeName(args[0]),
    is_number: args => isNum(args[0]),
    is_string: args => typeof args[0] === 'string',
    is_boolean: args => typeof args[0] === 'boolean',
    is_array: args => Array.isArray(args[0]),
    is_set: args => args[0] instanceof RegoSet,
    is_object: args => args[0] instanceof value_RegoObject,
    is_null: args => args[0] === null,
    to_number: args => {
        const v = args[0];
        if (v === null)
            return 0;
        if (typeof v === 'boolean')
            return v ? 1 : 0;
        if (isNum(v))
            return v;
        if (typeof v === 'string')
            return parseNumberString(v);
        throw oneOfErr(1, ['null', 'boolean', 'number', 'string'], v);
    },
    cast_array: args => {
        const v = args[0];
        if (Array.isArray(v))
            return v;
        if (v instanceof RegoSet)
            return v.sorted();
        throw oneOfErr(1, ['array', 'set'], v);
    },
    cast_set: args => {
        const v = args[0];
        if (Array.isArray(v))
            return new RegoSet(v);
        if (v instanceof RegoSet)
            return v;
        throw oneOfErr(1, ['array', 'set'], v);
    },
    cast_string: args => {
        if (typeof args[0] !== 'string')
            throw typeErr(1, 'string', args[0]);
        return args[0];
    },
    cast_boolean: args => {
        if (typeof args[0] !== 'boolean')
            throw typeErr(1, 'boolean', args[0]);
        return args[0];
    },
    cast_null: args => {
        if (args[0] !== null)
            throw typeErr(1, 'null', args[0]);
        return null;
    },
    cast_object: args => {
        if (!(args[0] instanceof value_RegoObject))
            throw typeErr(1, 'object', args[0]);
        return args[0];
    }
};

;// CONCATENATED MODULE: ./packages/rego/src/builtins/der.ts
/** Minimal ASN.1 DER reader for X.509 certificates and CSRs (names, SANs, validity). */
function parseDER(buf, start = 0, end = buf.length) {
    const n = readNode(buf, start, end);
    if (n.off + n.len > end)
        throw new Error('asn1: structure error: data truncated');
    return n;
}
function readNode(buf, start, end) {
    if (start + 2 > end)
        throw new Error('asn1: structure error: data truncated');
    const b0 = buf[start];
    const cls = b0 >> 6;
    const constructed = (b0 & 0x20) !== 0;
    let tag = b0 & 0x1f;
    let p = start + 1;
    if (tag === 0x1f) {
        tag = 0;
        while (p < end && buf[p] & 0x80)
            tag = (tag << 7) | (buf[p++] & 0x7f);
        tag = (tag << 7) | (buf[p++] & 0x7f);
    }
    let len = buf[p++];
    if (len & 0x80) {
        const nb = len & 0x7f;
        if (nb === 0 || nb > 4)
            throw new Error('asn1: structure error: length too large');
        len = 0;
        for (let i = 0; i < nb; i++)
            len = len * 256 + buf[p++];
    }
    if (p + len > end)
        throw new Error('asn1: structure error: data truncated');
    const node = { tag, cls, constructed, start, off: p, len, buf };
    if (constructed) {
        node.children = [];
        let q = p;
        while (q < p + len) {
            const c = readNode(buf, q, p + len);
            node.children.push(c);
            q = c.off + c.len;
        }
    }
    return node;
}
const content = (n) => n.buf.subarray(n.off, n.off + n.len);
const raw = (n) => n.buf.subarray(n.start, n.off + n.len);
function oid(n) {
    const b = content(n);
    const parts = [Math.floor(b[0] / 40), b[0] % 40];
    let v = 0;
    for (let i = 1; i < b.length; i++) {
        v = v * 128 + (b[i] & 0x7f);
        if (!(b[i] & 0x80)) {
            parts.push(v);
            v = 0;
        }
    }
    return parts.join('.');
}
function der_str(n) {
    const b = content(n);
    if (n.tag === 30) {
        // BMPString
        let s = '';
        for (let i = 0; i + 1 < b.length; i += 2)
            s += String.fromCharCode(b.readUInt16BE(i));
        return s;
    }
    if (n.tag === 28) {
        let s = '';
        for (let i = 0; i + 3 < b.length; i += 4)
            s += String.fromCodePoint(b.readUInt32BE(i));
        return s;
    }
    return n.tag === 12 ? b.toString('utf8') : b.toString('latin1');
}
function integer(n) {
    const b = content(n);
    if (b.length === 0)
        return 0n;
    let v = BigInt('0x' + b.toString('hex'));
    if (b[0] & 0x80)
        v -= 1n << BigInt(b.length * 8);
    return v;
}
function time(n) {
    const s = content(n).toString('latin1');
    let y, rest;
    if (n.tag === 23) {
        const yy = Number(s.slice(0, 2));
        y = String(yy >= 50 ? 1900 + yy : 2000 + yy);
        rest = s.slice(2);
    }
    else {
        y = s.slice(0, 4);
        rest = s.slice(4);
    }
    const m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?/.exec(rest);
    if (!m)
        return '';
    return `${y}-${m[1]}-${m[2]}T${m[3]}:${m[4]}:${m[5] ?? '00'}Z`;
}
const NAME_OIDS = {
    '2.5.4.6': 'Country',
    '2.5.4.10': 'Organization',
    '2.5.4.11': 'OrganizationalUnit',
    '2.5.4.7': 'Locality',
    '2.5.4.8': 'Province',
    '2.5.4.9': 'StreetAddress',
    '2.5.4.17': 'PostalCode',
    '2.5.4.5': 'SerialNumber',
    '2.5.4.3': 'CommonName'
};
function parseName(n) {
    const fields = {};
    const names = [];
    let commonName = '';
    let serialNumber = '';
    for (const rdn of n.children ?? [])
        for (const atv of rdn.children ?? []) {
            const [o, v] = atv.children ?? [];
            if (!o || !v)
                continue;
            const id = oid(o);
            const value = der_str(v);
            names.push({ oid: id, value });
            const f = NAME_OIDS[id];
            if (f === 'CommonName')
                commonName = value;
            else if (f === 'SerialNumber')
                serialNumber = value;
            else if (f)
                (fields[f] ??= []).push(value);
        }
    return { fields, commonName, serialNumber, names };
}
function parseSAN(ext) {
    const out = { dns: [], email: [], uri: [], ip: [] };
    for (const g of ext.children ?? []) {
        const b = content(g);
        if (g.tag === 2)
            out.dns.push(b.toString('latin1'));
        else if (g.tag === 1)
            out.email.push(b.toString('latin1'));
        else if (g.tag === 6)
            out.uri.push(b.toString('latin1'));
        else if (g.tag === 7) {
            if (b.length === 4)
                out.ip.push([...b].join('.'));
            else {
                const groups = [];
                for (let i = 0; i < 16; i += 2)
                    groups.push(b.readUInt16BE(i).toString(16));
                out.ip.push(groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::'));
            }
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/rego/src/builtins/crypto.ts
/** crypto.* builtins: hashes, HMAC, X.509 certificates/CSRs and private keys (node:crypto). */





const hash = (alg) => args => (0,external_node_crypto_.createHash)(alg).update(str(args, 0), 'utf8').digest('hex');
const crypto_hmac = (alg) => args => (0,external_node_crypto_.createHmac)(alg, Buffer.from(str(args, 1), 'utf8'))
    .update(str(args, 0), 'utf8')
    .digest('hex');
/** Go pem.Decode: the first block and the rest of the input. */
function pemDecode(text) {
    const m = /-----BEGIN ([^-\r\n]*)-----\r?\n([\s\S]*?)-----END \1-----[ \t]*(?:\r?\n|$)/.exec(text);
    if (!m)
        return undefined;
    const body = m[2]
        .split(/\r?\n/)
        .filter(l => !l.includes(':'))
        .join('')
        .replace(/\s/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 !== 0)
        return undefined;
    return {
        block: { type: m[1], bytes: Buffer.from(body, 'base64') },
        rest: text.slice(m.index + m[0].length)
    };
}
function pemBlocks(text) {
    const out = [];
    let rest = text;
    for (;;) {
        const d = pemDecode(rest);
        if (!d)
            break;
        out.push(d.block);
        rest = d.rest;
    }
    return out;
}
function b64Strict(s) {
    const clean = s.replace(/[\r\n]/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
        let i = 0;
        while (i < clean.length && /[A-Za-z0-9+/]/.test(clean[i]))
            i++;
        throw fail(`illegal base64 data at input byte ${i}`);
    }
    return Buffer.from(clean, 'base64');
}
/** Split concatenated DER certificates. */
function derSequence(b, malformed) {
    const out = [];
    let p = 0;
    while (p < b.length) {
        let n;
        try {
            n = parseDER(b, p);
        }
        catch {
            throw fail(malformed);
        }
        if (n.tag !== 16)
            throw fail(malformed);
        out.push(b.subarray(p, n.off + n.len));
        p = n.off + n.len;
    }
    return out;
}
/** OPA getX509CertsFromString: PEM, base64(PEM) or base64(DER). */
function certsFromString(s) {
    if (s.startsWith('-----BEGIN'))
        return pemBlocks(s)
            .filter(b => b.type === 'CERTIFICATE')
            .map(b => b.bytes);
    const bytes = b64Strict(s);
    if (bytes.subarray(0, 10).toString('latin1') === '-----BEGIN')
        return pemBlocks(bytes.toString('latin1'))
            .filter(b => b.type === 'CERTIFICATE')
            .map(b => b.bytes);
    return derSequence(bytes, 'x509: malformed certificate');
}
function nameValue(n) {
    const o = new value_RegoObject();
    for (const f of [
        'Country',
        'Organization',
        'OrganizationalUnit',
        'Locality',
        'Province',
        'StreetAddress',
        'PostalCode'
    ]) {
        const v = n.fields[f];
        o.set(f, v ? v : null);
    }
    o.set('SerialNumber', n.serialNumber);
    o.set('CommonName', n.commonName);
    o.set('Names', n.names.map(x => new value_RegoObject([
        ['Type', x.oid.split('.').map(Number)],
        ['Value', x.value]
    ])));
    o.set('ExtraNames', null);
    return o;
}
const nullIfEmpty = (a) => (a.length ? a : null);
/** A certificate as (a subset of) Go's x509.Certificate JSON. */
function certValue(bytes) {
    let root;
    try {
        root = parseDER(bytes);
    }
    catch {
        throw fail('x509: malformed certificate');
    }
    const tbs = root.children?.[0];
    if (!tbs?.children)
        throw fail('x509: malformed certificate');
    let i = 0;
    let version = 1;
    if (tbs.children[0].cls === 2 && tbs.children[0].tag === 0) {
        version = Number(integer(tbs.children[0].children[0])) + 1;
        i++;
    }
    const serial = integer(tbs.children[i++]);
    i++; // signature alg
    const issuer = parseName(tbs.children[i++]);
    const validity = tbs.children[i++];
    const subject = parseName(tbs.children[i++]);
    i++; // spki
    let san = { dns: [], email: [], uri: [], ip: [] };
    let isCA = false;
    let keyUsage = 0;
    for (; i < tbs.children.length; i++) {
        const c = tbs.children[i];
        if (c.cls === 2 && c.tag === 3) {
            for (const ext of c.children?.[0]?.children ?? []) {
                const id = oid(ext.children[0]);
                const val = ext.children[ext.children.length - 1];
                const inner = parseDER(content(val));
                if (id === '2.5.29.17')
                    san = parseSAN(inner);
                else if (id === '2.5.29.19')
                    isCA = inner.children?.[0]?.tag === 1 && content(inner.children[0])[0] !== 0;
                else if (id === '2.5.29.15') {
                    const b = content(inner);
                    keyUsage = b.length > 1 ? b[1] | ((b[2] ?? 0) << 8) : 0;
                    let rev = 0;
                    for (let k = 0; k < 9; k++)
                        if (keyUsage & (1 << (k < 8 ? 7 - k : 15)))
                            rev |= 1 << k;
                    keyUsage = rev;
                }
            }
        }
    }
    const o = new value_RegoObject();
    o.set('Raw', bytes.toString('base64'));
    o.set('Version', version);
    o.set('SerialNumber', serial >= BigInt(Number.MIN_SAFE_INTEGER) && serial <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(serial)
        : serial);
    o.set('Issuer', nameValue(issuer));
    o.set('Subject', nameValue(subject));
    o.set('NotBefore', time(validity.children[0]));
    o.set('NotAfter', time(validity.children[1]));
    o.set('KeyUsage', keyUsage);
    o.set('IsCA', isCA);
    o.set('BasicConstraintsValid', isCA);
    o.set('DNSNames', nullIfEmpty(san.dns));
    o.set('EmailAddresses', nullIfEmpty(san.email));
    o.set('IPAddresses', nullIfEmpty(san.ip));
    o.set('URIs', nullIfEmpty(san.uri.map(u => urlObject(u))));
    o.set('URIStrings', nullIfEmpty(san.uri));
    return o;
}
function urlObject(u) {
    try {
        const x = new URL(u);
        return new value_RegoObject([
            ['Scheme', x.protocol.replace(/:$/, '')],
            ['Host', x.host],
            ['Path', decodeURIComponent(x.pathname)]
        ]);
    }
    catch {
        return new value_RegoObject([
            ['Scheme', ''],
            ['Host', ''],
            ['Path', u]
        ]);
    }
}
function csrValue(bytes) {
    let root;
    try {
        root = parseDER(bytes);
    }
    catch (e) {
        throw fail(e.message.startsWith('asn1') ? e.message : 'asn1: structure error');
    }
    const info = root.children?.[0];
    if (root.tag !== 16 || !info?.children || info.children.length < 3)
        throw fail("asn1: structure error: tags don't match");
    const version = Number(integer(info.children[0]));
    const subject = parseName(info.children[1]);
    const o = new value_RegoObject();
    o.set('Raw', bytes.toString('base64'));
    o.set('Version', version);
    o.set('Subject', nameValue(subject));
    let san = { dns: [], email: [], uri: [], ip: [] };
    const attrs = info.children[3];
    for (const attr of attrs?.children ?? []) {
        if (oid(attr.children[0]) !== '1.2.840.113549.1.9.14')
            continue;
        for (const ext of attr.children[1].children?.[0]?.children ?? []) {
            if (oid(ext.children[0]) === '2.5.29.17')
                san = parseSAN(parseDER(content(ext.children[ext.children.length - 1])));
        }
    }
    o.set('DNSNames', nullIfEmpty(san.dns));
    o.set('EmailAddresses', nullIfEmpty(san.email));
    o.set('IPAddresses', nullIfEmpty(san.ip));
    o.set('URIs', nullIfEmpty(san.uri.map(urlObject)));
    return o;
}
function jwkOf(key) {
    return toValue(key.export({ format: 'jwk' }));
}
function privateKeysFrom(s) {
    let text = s;
    if (!text.startsWith('-----BEGIN')) {
        const b = b64Strict(text);
        text = b.toString('latin1');
    }
    const out = [];
    for (const b of pemBlocks(text)) {
        if (!/PRIVATE KEY$/.test(b.type))
            continue;
        const pem = `-----BEGIN ${b.type}-----\n${b.bytes.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END ${b.type}-----\n`;
        try {
            out.push((0,external_node_crypto_.createPrivateKey)(pem));
        }
        catch (e) {
            throw fail(`failed to parse private key: ${e.message}`);
        }
    }
    return out;
}
/** The first certificate is the root, the last the leaf (OPA's convention). */
function verifyChain(certs, now, opts) {
    if (certs.length < 2)
        return false;
    try {
        const xs = [...certs].reverse().map(c => new external_node_crypto_.X509Certificate(c));
        const t = Number((opts?.time ?? now) / 1000000n);
        for (let k = 0; k < xs.length; k++) {
            const c = xs[k];
            if (Date.parse(c.validFrom) > t || Date.parse(c.validTo) < t)
                return false;
            const issuer = k + 1 < xs.length ? xs[k + 1] : c;
            if (!c.verify(issuer.publicKey))
                return false;
            if (k + 1 < xs.length && !issuer.ca)
                return false;
        }
        if (opts?.dns !== undefined && xs[0].checkHost(opts.dns) === undefined)
            return false;
        return true;
    }
    catch {
        return false;
    }
}
function parseAndVerify(s, ctx, opts) {
    let certs;
    try {
        certs = certsFromString(s);
    }
    catch {
        return [false, []];
    }
    if (!verifyChain(certs, ctx.now, opts))
        return [false, []];
    return [true, [...certs].reverse().map(certValue)];
}
const cryptoBuiltins = {
    'crypto.md5': hash('md5'),
    'crypto.sha1': hash('sha1'),
    'crypto.sha256': hash('sha256'),
    'crypto.hmac.md5': crypto_hmac('md5'),
    'crypto.hmac.sha1': crypto_hmac('sha1'),
    'crypto.hmac.sha256': crypto_hmac('sha256'),
    'crypto.hmac.sha512': crypto_hmac('sha512'),
    'crypto.hmac.equal': args => {
        const a = Buffer.from(str(args, 0), 'utf8');
        const b = Buffer.from(str(args, 1), 'utf8');
        return a.length === b.length && (0,external_node_crypto_.timingSafeEqual)(a, b);
    },
    'crypto.x509.parse_certificates': args => certsFromString(str(args, 0)).map(certValue),
    'crypto.x509.parse_and_verify_certificates': (args, ctx) => parseAndVerify(str(args, 0), ctx),
    'crypto.x509.parse_and_verify_certificates_with_options': (args, ctx) => {
        const o = obj(args, 1);
        const dns = o.get('DNSName');
        const t = o.get('CurrentTime');
        return parseAndVerify(str(args, 0), ctx, {
            dns: typeof dns === 'string' ? dns : undefined,
            time: typeof t === 'number' || typeof t === 'bigint' ? BigInt(t) : undefined
        });
    },
    'crypto.x509.parse_certificate_request': args => {
        const s = str(args, 0);
        let bytes;
        if (s.startsWith('-----BEGIN')) {
            const b = pemBlocks(s)[0];
            if (!b)
                throw fail('invalid PEM-encoded certificate signing request');
            bytes = b.bytes;
        }
        else {
            const raw = b64Strict(s);
            if (raw.subarray(0, 10).toString('latin1') === '-----BEGIN') {
                const b = pemBlocks(raw.toString('latin1'))[0];
                if (!b)
                    throw fail('invalid PEM-encoded certificate signing request');
                bytes = b.bytes;
            }
            else
                bytes = raw;
        }
        return csrValue(bytes);
    },
    'crypto.x509.parse_keypair': args => {
        const certs = certsFromString(str(args, 0));
        if (certs.length === 0)
            throw fail('tls: failed to find any PEM data in certificate input');
        const keys = privateKeysFrom(str(args, 1));
        if (keys.length === 0)
            throw fail('tls: failed to find any PEM data in key input');
        const cert = new external_node_crypto_.X509Certificate(certs[0]);
        if (!cert.checkPrivateKey(keys[0]))
            throw fail('tls: private key does not match public key');
        return new value_RegoObject([
            ['Certificate', certs.map(c => c.toString('base64'))],
            ['PrivateKey', jwkOf(keys[0])],
            ['Leaf', certValue(certs[0])]
        ]);
    },
    'crypto.x509.parse_rsa_private_key': args => {
        const keys = privateKeysFrom(str(args, 0));
        if (keys.length === 0)
            throw fail('failed to parse PEM block containing the key');
        if (keys[0].asymmetricKeyType !== 'rsa')
            throw fail('x509: failed to parse private key');
        return jwkOf(keys[0]);
    },
    'crypto.parse_private_keys': args => {
        const s = str(args, 0);
        if (s === '')
            return null;
        try {
            return privateKeysFrom(s).map(jwkOf);
        }
        catch {
            return [];
        }
    }
};

// EXTERNAL MODULE: ./node_modules/graphql/index.js
var graphql = __webpack_require__(17645);
;// CONCATENATED MODULE: ./packages/rego/src/builtins/graphql.ts
/** graphql.* builtins on the `graphql` package, with ASTs shaped like OPA's (vektah/gqlparser JSON). */




const VALUE_KIND = {
    Variable: 0,
    IntValue: 1,
    FloatValue: 2,
    StringValue: 3,
    BlockValue: 4,
    BooleanValue: 5,
    NullValue: 6,
    EnumValue: 7,
    ListValue: 8,
    ObjectValue: 9
};
function value(v) {
    if (!v)
        return null;
    const base = (kind, raw, children) => ({
        Raw: raw,
        Children: children ?? null,
        Kind: VALUE_KIND[kind],
        ExpectedTypeHasDefault: false
    });
    switch (v.kind) {
        case graphql/* Kind */.b8C.VARIABLE:
            return base('Variable', v.name.value);
        case graphql/* Kind */.b8C.INT:
            return base('IntValue', v.value);
        case graphql/* Kind */.b8C.FLOAT:
            return base('FloatValue', v.value);
        case graphql/* Kind */.b8C.STRING:
            return base(v.block ? 'BlockValue' : 'StringValue', v.value);
        case graphql/* Kind */.b8C.BOOLEAN:
            return base('BooleanValue', args_text(v.value));
        case graphql/* Kind */.b8C.NULL:
            return base('NullValue', 'null');
        case graphql/* Kind */.b8C.ENUM:
            return base('EnumValue', v.value);
        case graphql/* Kind */.b8C.LIST:
            return base('ListValue', '', v.values.map(x => ({ Name: '', Value: value(x) })));
        case graphql/* Kind */.b8C.OBJECT:
            return base('ObjectValue', '', v.fields.map(f => ({ Name: f.name.value, Value: value(f.value) })));
    }
}
function type(t) {
    if (t.kind === graphql/* Kind */.b8C.NON_NULL_TYPE)
        return { ...type(t.type), NonNull: true };
    if (t.kind === graphql/* Kind */.b8C.LIST_TYPE)
        return { NamedType: '', Elem: type(t.type), NonNull: false };
    return { NamedType: t.name.value, NonNull: false };
}
function directives(ds) {
    return (ds ?? []).map(d => ({ Name: d.name.value, Arguments: args(d.arguments), Location: '' }));
}
function args(as) {
    return (as ?? []).map(a => ({ Name: a.name.value, Value: value(a.value) }));
}
function selectionSet(s) {
    return (s?.selections ?? []).map(sel => {
        switch (sel.kind) {
            case graphql/* Kind */.b8C.FIELD:
                return {
                    Alias: sel.alias?.value ?? sel.name.value,
                    Name: sel.name.value,
                    Arguments: args(sel.arguments),
                    Directives: directives(sel.directives),
                    SelectionSet: selectionSet(sel.selectionSet)
                };
            case graphql/* Kind */.b8C.FRAGMENT_SPREAD:
                return { Name: sel.name.value, Directives: directives(sel.directives) };
            case graphql/* Kind */.b8C.INLINE_FRAGMENT:
                return {
                    TypeCondition: sel.typeCondition?.name.value ?? '',
                    Directives: directives(sel.directives),
                    SelectionSet: selectionSet(sel.selectionSet)
                };
        }
    });
}
function varDefs(vs) {
    return (vs ?? []).map(v => ({
        Variable: v.variable.name.value,
        Type: type(v.type),
        DefaultValue: value(v.defaultValue),
        Directives: directives(v.directives),
        Used: false
    }));
}
function queryDoc(doc) {
    const ops = [];
    const frags = [];
    for (const d of doc.definitions) {
        if (d.kind === graphql/* Kind */.b8C.OPERATION_DEFINITION)
            ops.push({
                Operation: d.operation,
                Name: d.name?.value ?? '',
                VariableDefinitions: varDefs(d.variableDefinitions),
                Directives: directives(d.directives),
                SelectionSet: selectionSet(d.selectionSet)
            });
        else if (d.kind === graphql/* Kind */.b8C.FRAGMENT_DEFINITION)
            frags.push({
                Name: d.name.value,
                VariableDefinition: varDefs(d.variableDefinitions),
                TypeCondition: d.typeCondition.name.value,
                Directives: directives(d.directives),
                SelectionSet: selectionSet(d.selectionSet)
            });
    }
    return { Operations: ops, Fragments: frags };
}
const desc = (d) => d.description?.value ?? '';
function inputValue(a) {
    return {
        Description: desc(a),
        Name: a.name.value,
        DefaultValue: value(a.defaultValue),
        Type: type(a.type),
        Directives: directives(a.directives)
    };
}
function fieldDef(f) {
    if (f.kind === graphql/* Kind */.b8C.INPUT_VALUE_DEFINITION)
        return inputValue(f);
    return {
        Description: desc(f),
        Name: f.name.value,
        Arguments: (f.arguments ?? []).map(inputValue),
        DefaultValue: null,
        Type: type(f.type),
        Directives: directives(f.directives)
    };
}
function definition(d) {
    const kindOf = {
        ScalarTypeDefinition: 'SCALAR',
        ScalarTypeExtension: 'SCALAR',
        ObjectTypeDefinition: 'OBJECT',
        ObjectTypeExtension: 'OBJECT',
        InterfaceTypeDefinition: 'INTERFACE',
        InterfaceTypeExtension: 'INTERFACE',
        UnionTypeDefinition: 'UNION',
        UnionTypeExtension: 'UNION',
        EnumTypeDefinition: 'ENUM',
        EnumTypeExtension: 'ENUM',
        InputObjectTypeDefinition: 'INPUT_OBJECT',
        InputObjectTypeExtension: 'INPUT_OBJECT'
    };
    const x = d;
    return {
        Kind: kindOf[d.kind],
        Description: 'description' in d ? desc(d) : '',
        Name: d.name.value,
        Directives: directives(d.directives),
        Interfaces: (x.interfaces ?? []).map(i => i.name.value),
        Fields: (x.fields ?? []).map(fieldDef),
        Types: (x.types ?? []).map(t => t.name.value),
        EnumValues: (x.values ?? []).map(v => ({
            Description: desc(v),
            Name: v.name.value,
            Directives: directives(v.directives)
        })),
        BuiltIn: false
    };
}
function schemaDoc(doc) {
    const out = { Schema: [], SchemaExtension: [], Directives: [], Definitions: [], Extensions: [] };
    for (const d of doc.definitions) {
        switch (d.kind) {
            case graphql/* Kind */.b8C.SCHEMA_DEFINITION:
            case graphql/* Kind */.b8C.SCHEMA_EXTENSION:
                ;
                (d.kind === graphql/* Kind */.b8C.SCHEMA_DEFINITION ? out.Schema : out.SchemaExtension).push({
                    Description: 'description' in d ? desc(d) : '',
                    Directives: directives(d.directives),
                    OperationTypes: (d.operationTypes ?? []).map(o => ({
                        Operation: o.operation,
                        Type: o.type.name.value
                    }))
                });
                break;
            case graphql/* Kind */.b8C.DIRECTIVE_DEFINITION:
                out.Directives.push({
                    Description: desc(d),
                    Name: d.name.value,
                    Arguments: (d.arguments ?? []).map(inputValue),
                    Locations: d.locations.map(l => l.value),
                    IsRepeatable: d.repeatable
                });
                break;
            default:
                if (d.kind.endsWith('Extension'))
                    out.Extensions.push(definition(d));
                else if (d.kind.endsWith('Definition'))
                    out.Definitions.push(definition(d));
        }
    }
    return out;
}
/** OPA prunes nulls, empty arrays/objects and Position from the AST JSON. */
function prune(v) {
    if (Array.isArray(v)) {
        const out = [];
        for (const x of v) {
            if (x === null || x === undefined)
                continue;
            const p = prune(x);
            if (Array.isArray(p) && p.length === 0)
                continue;
            if (p && typeof p === 'object' && !Array.isArray(p) && Object.keys(p).length === 0)
                continue;
            out.push(p);
        }
        return out;
    }
    if (v && typeof v === 'object') {
        const out = {};
        for (const [k, x] of Object.entries(v)) {
            if (k === 'Position' || x === null || x === undefined)
                continue;
            const p = prune(x);
            if (Array.isArray(p) && p.length === 0)
                continue;
            if (p && typeof p === 'object' && !Array.isArray(p) && Object.keys(p).length === 0)
                continue;
            out[k] = p;
        }
        return out;
    }
    return v;
}
// ------------------------------------------------------------------ errors
function gqlMessage(e, src) {
    let msg = e.message.replace(/^Syntax Error: /, '').replace(/\.$/, '');
    let loc = e.locations?.[0];
    // gqlparser prints punctuators bare (found }), keywords quoted (Expected "on")
    msg = msg.replace(/(found|Unexpected|Expected) "([^"\w]+)"/g, (_m, w, t) => `${w} ${t}`);
    msg = msg.replace(/^Unexpected variable "\$[^"]*" in constant value$/, 'Unexpected $');
    if (/^Unterminated string|^Invalid character|^Cannot parse the unexpected character|^Invalid number/.test(msg))
        msg = 'Unexpected <Invalid>';
    if (loc && /^Unexpected description/.test(msg)) {
        const line = src.split('\n')[loc.line - 1] ?? '';
        const m = /^"((?:[^"\\]|\\.)*)"/.exec(line.slice(loc.column - 1));
        msg = `Unexpected String ${JSON.stringify(m ? m[1] : '')}`;
    }
    // gqlparser locates string tokens after the opening quote
    if (loc && /^Unexpected String /.test(msg))
        loc = { line: loc.line, column: loc.column + 1 };
    msg = msg.replace(/^Argument "[^"]*\.([^".(]+)\(([^":]+):\)" of type/, 'Field "$1" argument "$2" of type');
    if (loc && /^Expected Name, found }$/.test(msg)) {
        const lines = src.split('\n');
        const before = (lines.slice(0, loc.line - 1).join('\n') +
            '\n' +
            (lines[loc.line - 1] ?? '').slice(0, loc.column - 1)).trimEnd();
        if (before.endsWith('{'))
            msg = 'expected at least one definition, found }';
    }
    return loc ? `${msg} in GraphQL string at location ${loc.line}:${loc.column}` : msg;
}
function parseDoc(src, allowEmpty = false) {
    if (allowEmpty && src.trim() === '')
        return { kind: graphql/* Kind */.b8C.DOCUMENT, definitions: [] };
    let doc;
    try {
        doc = graphql/* parse */.qgA(src, { noLocation: false, experimentalFragmentArguments: true });
    }
    catch (e) {
        if (e instanceof graphql/* GraphQLError */.eOn)
            throw fail(gqlMessage(e, src));
        throw e;
    }
    // gqlparser rejects empty selection sets
    graphql/* visit */.YRT(doc, {
        SelectionSet(node) {
            if (node.selections.length === 0 && node.loc) {
                const loc = graphql/* getLocation */.g$b(node.loc.source, node.loc.end - 1);
                throw fail(`expected at least one definition, found } in GraphQL string at location ${loc.line}:${loc.column}`);
            }
        }
    });
    return doc;
}
function graphql_parseQuery(src) {
    const doc = parseDoc(src, true);
    for (const d of doc.definitions)
        if (d.kind !== graphql/* Kind */.b8C.OPERATION_DEFINITION && d.kind !== graphql/* Kind */.b8C.FRAGMENT_DEFINITION) {
            const loc = d.loc ? graphql/* getLocation */.g$b(d.loc.source, d.loc.start) : undefined;
            const first = src.slice(d.loc?.start ?? 0).match(/^\w+/)?.[0] ?? '';
            throw fail(`Unexpected Name "${first}"${loc ? ` in GraphQL string at location ${loc.line}:${loc.column}` : ''}`);
        }
    return doc;
}
function parseSchemaDoc(src) {
    const doc = parseDoc(src);
    for (const d of doc.definitions)
        if (d.kind === graphql/* Kind */.b8C.OPERATION_DEFINITION || d.kind === graphql/* Kind */.b8C.FRAGMENT_DEFINITION) {
            const loc = d.loc ? graphql/* getLocation */.g$b(d.loc.source, d.loc.start) : undefined;
            throw fail(`Unexpected ${d.kind === graphql/* Kind */.b8C.FRAGMENT_DEFINITION ? 'Name "fragment"' : '{'}${loc ? ` in GraphQL string at location ${loc.line}:${loc.column}` : ''}`);
        }
    return doc;
}
// ------------------------------------------------------------------ AST objects back to source
function printValueJ(v) {
    const kind = v.Kind;
    const raw = args_text(v.Raw);
    const children = v.Children ?? [];
    switch (kind) {
        case 0:
            return '$' + raw;
        case 3:
        case 4:
            return JSON.stringify(raw);
        case 8:
            return '[' + children.map(c => printValueJ(c.Value)).join(', ') + ']';
        case 9:
            return ('{' + children.map(c => `${args_text(c.Name)}: ${printValueJ(c.Value)}`).join(', ') + '}');
        default:
            return raw;
    }
}
function printTypeJ(t) {
    const inner = t.Elem ? `[${printTypeJ(t.Elem)}]` : args_text(t.NamedType);
    return inner + (t.NonNull ? '!' : '');
}
function printDirsJ(ds) {
    return (ds ?? [])
        .map(d => ` @${args_text(d.Name)}${printArgsJ(d.Arguments)}`)
        .join('');
}
function printArgsJ(as) {
    const list = as ?? [];
    return list.length
        ? '(' + list.map(a => `${args_text(a.Name)}: ${printValueJ(a.Value)}`).join(', ') + ')'
        : '';
}
function printDescJ(d) {
    return typeof d === 'string' && d !== '' ? JSON.stringify(d) + '\n' : '';
}
function printInputValuesJ(as) {
    const list = as ?? [];
    return list.length
        ? '(' +
            list
                .map(a => `${printDescJ(a.Description)}${args_text(a.Name)}: ${printTypeJ(a.Type)}${a.DefaultValue ? ' = ' + printValueJ(a.DefaultValue) : ''}${printDirsJ(a.Directives)}`)
                .join(', ') +
            ')'
        : '';
}
function printDefinitionJ(d, extend) {
    const kw = {
        SCALAR: 'scalar',
        OBJECT: 'type',
        INTERFACE: 'interface',
        UNION: 'union',
        ENUM: 'enum',
        INPUT_OBJECT: 'input'
    }[args_text(d.Kind)] ?? 'type';
    let s = (extend ? 'extend ' : printDescJ(d.Description)) + `${kw} ${args_text(d.Name)}`;
    const ifaces = d.Interfaces ?? [];
    if (ifaces.length)
        s += ' implements ' + ifaces.join(' & ');
    s += printDirsJ(d.Directives);
    const fields = d.Fields ?? [];
    if (kw === 'union') {
        const types = d.Types ?? [];
        if (types.length)
            s += ' = ' + types.join(' | ');
    }
    else if (kw === 'enum') {
        const vals = d.EnumValues ?? [];
        if (vals.length)
            s +=
                ' {\n' +
                    vals
                        .map(v => `${printDescJ(v.Description)}${args_text(v.Name)}${printDirsJ(v.Directives)}`)
                        .join('\n') +
                    '\n}';
    }
    else if (fields.length) {
        s +=
            ' {\n' +
                fields
                    .map(f => `${printDescJ(f.Description)}${args_text(f.Name)}${kw === 'input' ? '' : printInputValuesJ(f.Arguments)}: ${printTypeJ(f.Type)}${f.DefaultValue ? ' = ' + printValueJ(f.DefaultValue) : ''}${printDirsJ(f.Directives)}`)
                    .join('\n') +
                '\n}';
    }
    return s;
}
function schemaSource(o) {
    const parts = [];
    for (const s of o.Schema ?? [])
        parts.push(`schema${printDirsJ(s.Directives)} {\n${(s.OperationTypes ?? []).map(x => `${args_text(x.Operation)}: ${args_text(x.Type)}`).join('\n')}\n}`);
    for (const s of o.SchemaExtension ?? []) {
        const ops = s.OperationTypes ?? [];
        parts.push(`extend schema${printDirsJ(s.Directives)}${ops.length ? ` {\n${ops.map(x => `${args_text(x.Operation)}: ${args_text(x.Type)}`).join('\n')}\n}` : ''}`);
    }
    for (const d of o.Directives ?? [])
        parts.push(`${printDescJ(d.Description)}directive @${args_text(d.Name)}${printInputValuesJ(d.Arguments)}${d.IsRepeatable ? ' repeatable' : ''} on ${(d.Locations ?? []).join(' | ')}`);
    for (const d of o.Definitions ?? [])
        parts.push(printDefinitionJ(d, false));
    for (const d of o.Extensions ?? [])
        parts.push(printDefinitionJ(d, true));
    return parts.join('\n\n');
}
function printSelJ(sels) {
    const list = sels ?? [];
    if (!list.length)
        return '';
    return (' {\n' +
        list
            .map(s => {
            if ('TypeCondition' in s || (!('Alias' in s) && 'SelectionSet' in s))
                return `... ${s.TypeCondition ? `on ${args_text(s.TypeCondition)}` : ''}${printDirsJ(s.Directives)}${printSelJ(s.SelectionSet)}`;
            if (!('Alias' in s))
                return `...${args_text(s.Name)}${printDirsJ(s.Directives)}`;
            const alias = s.Alias && s.Alias !== s.Name ? `${args_text(s.Alias)}: ` : '';
            return `${alias}${args_text(s.Name)}${printArgsJ(s.Arguments)}${printDirsJ(s.Directives)}${printSelJ(s.SelectionSet)}`;
        })
            .join('\n') +
        '\n}');
}
function printVarDefsJ(vs) {
    const list = vs ?? [];
    return list.length
        ? '(' +
            list
                .map(v => `$${args_text(v.Variable)}: ${printTypeJ(v.Type)}${v.DefaultValue ? ' = ' + printValueJ(v.DefaultValue) : ''}${printDirsJ(v.Directives)}`)
                .join(', ') +
            ')'
        : '';
}
function querySource(o) {
    const parts = [];
    for (const op of o.Operations ?? [])
        parts.push(`${args_text(op.Operation ?? 'query')} ${args_text(op.Name)}${printVarDefsJ(op.VariableDefinitions)}${printDirsJ(op.Directives)}${printSelJ(op.SelectionSet)}`);
    for (const f of o.Fragments ?? [])
        parts.push(`fragment ${args_text(f.Name)} on ${args_text(f.TypeCondition)}${printDirsJ(f.Directives)}${printSelJ(f.SelectionSet)}`);
    return parts.join('\n\n');
}
function toJS(v) {
    if (v instanceof value_RegoObject) {
        const o = {};
        for (const [k, x] of v.entries.values())
            o[args_text(k)] = toJS(x);
        return o;
    }
    if (Array.isArray(v))
        return v.map(toJS);
    return typeof v === 'bigint' ? Number(v) : v;
}
function sourceOperand(args, i, which) {
    const v = args[i];
    if (typeof v === 'string')
        return v;
    if (v instanceof value_RegoObject)
        return which === 'schema' ? schemaSource(toJS(v)) : querySource(toJS(v));
    throw oneOfErr(i + 1, ['string', 'object'], v);
}
// ------------------------------------------------------------------ schema building/validation
const EXT_TO_DEF = {
    [graphql/* Kind */.b8C.OBJECT_TYPE_EXTENSION]: graphql/* Kind */.b8C.OBJECT_TYPE_DEFINITION,
    [graphql/* Kind */.b8C.INTERFACE_TYPE_EXTENSION]: graphql/* Kind */.b8C.INTERFACE_TYPE_DEFINITION,
    [graphql/* Kind */.b8C.UNION_TYPE_EXTENSION]: graphql/* Kind */.b8C.UNION_TYPE_DEFINITION,
    [graphql/* Kind */.b8C.ENUM_TYPE_EXTENSION]: graphql/* Kind */.b8C.ENUM_TYPE_DEFINITION,
    [graphql/* Kind */.b8C.INPUT_OBJECT_TYPE_EXTENSION]: graphql/* Kind */.b8C.INPUT_OBJECT_TYPE_DEFINITION,
    [graphql/* Kind */.b8C.SCALAR_TYPE_EXTENSION]: graphql/* Kind */.b8C.SCALAR_TYPE_DEFINITION
};
/** Like gqlparser, an extension of a type that is not defined defines it. */
function definePhantomTypes(doc) {
    const defined = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);
    for (const d of doc.definitions)
        if ('name' in d && d.name && !d.kind.endsWith('Extension'))
            defined.add(d.name.value);
    const defs = doc.definitions.map(d => {
        const k = EXT_TO_DEF[d.kind];
        if (!k || !('name' in d) || !d.name || defined.has(d.name.value))
            return d;
        defined.add(d.name.value);
        return { ...d, kind: k };
    });
    return { ...doc, definitions: defs };
}
function buildSchema(doc0) {
    try {
        const doc = definePhantomTypes(doc0);
        const schema = graphql/* buildASTSchema */.omO(doc, { assumeValidSDL: false });
        const errs = graphql/* validateSchema */.i6q(schema).filter(e => !/Query root type must be provided/.test(e.message));
        if (errs.length)
            return { error: errs[0].message };
        // gqlparser does not require a Query root; skip graphql-js's schema assertion when validating queries
        return { schema: graphql/* buildASTSchema */.omO(doc, { assumeValid: true, assumeValidSDL: true }) };
    }
    catch (e) {
        return { error: e.message };
    }
}
function validateQuery(schema, doc, src) {
    const errs = graphql/* validate */.tfT(schema, doc);
    return errs.length ? gqlMessage(errs[0], src) : undefined;
}
function toRego(j) {
    return toValue(prune(j));
}
const graphqlBuiltins = {
    'graphql.parse_query': args => {
        const src = sourceOperand(args, 0, 'query');
        return toRego(queryDoc(graphql_parseQuery(src)));
    },
    'graphql.parse_schema': args => {
        const src = sourceOperand(args, 0, 'schema');
        return toRego(schemaDoc(parseSchemaDoc(src)));
    },
    'graphql.schema_is_valid': args => {
        const src = sourceOperand(args, 0, 'schema');
        try {
            return buildSchema(parseSchemaDoc(src)).schema !== undefined;
        }
        catch {
            return false;
        }
    },
    'graphql.is_valid': args => {
        try {
            const q = sourceOperand(args, 0, 'query');
            const s = sourceOperand(args, 1, 'schema');
            const { schema } = buildSchema(parseSchemaDoc(s));
            if (!schema)
                return false;
            return validateQuery(schema, graphql_parseQuery(q), q) === undefined;
        }
        catch {
            return false;
        }
    },
    'graphql.parse': args => {
        const q = sourceOperand(args, 0, 'query');
        const s = sourceOperand(args, 1, 'schema');
        const sdoc = parseSchemaDoc(s);
        const qdoc = graphql_parseQuery(q);
        const { schema, error } = buildSchema(sdoc);
        if (!schema)
            throw fail(error ?? 'invalid schema');
        const err = validateQuery(schema, qdoc, q);
        if (err)
            throw fail(err);
        return [toRego(queryDoc(qdoc)), toRego(schemaDoc(sdoc))];
    },
    'graphql.parse_and_verify': args => {
        const bad = [false, new value_RegoObject(), new value_RegoObject()];
        try {
            const q = sourceOperand(args, 0, 'query');
            const s = sourceOperand(args, 1, 'schema');
            const sdoc = parseSchemaDoc(s);
            const qdoc = graphql_parseQuery(q);
            const { schema } = buildSchema(sdoc);
            if (!schema || validateQuery(schema, qdoc, q))
                return bad;
            return [true, toRego(queryDoc(qdoc)), toRego(schemaDoc(sdoc))];
        }
        catch {
            return bad;
        }
    }
};

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var dist_ajv = __webpack_require__(42463);
;// CONCATENATED MODULE: ./packages/rego/src/builtins/jsonpath.ts
/** json.patch / json.filter / json.remove / json.match_schema / json.verify_schema. */





// ------------------------------------------------------------------ paths
function parsePath(p, pos) {
    if (typeof p === 'string') {
        const s = p.replace(/^\//, '');
        if (s === '')
            return [];
        return s.split('/').map(seg => seg.replace(/~1/g, '/').replace(/~0/g, '~'));
    }
    if (Array.isArray(p))
        return p;
    throw new BuiltinTypeError(`operand ${pos} must be one of {set, array} containing string paths or array of path segments but got ${typeName(p)}`);
}
/** JSON pointer as OPA reads it: "" is the root, leading slashes are optional, "/" is the key "". */
function parsePointer(p) {
    if (p === '')
        return [];
    return p
        .replace(/^\/+/, '')
        .split('/')
        .map(seg => seg.replace(/~1/g, '/').replace(/~0/g, '~'));
}
function pathsOperand(args, i) {
    const v = args[i];
    if (!(v instanceof RegoSet) && !Array.isArray(v))
        throw new BuiltinTypeError(`operand ${i + 1} must be one of {set, array} but got ${typeName(v)}`);
    const items = v instanceof RegoSet ? v.sorted() : v;
    return items.map(p => parsePath(p, i + 1));
}
function buildTree(paths) {
    const root = { end: false, kids: new Map() };
    for (const p of paths) {
        let t = root;
        if (p.length === 0)
            root.end = true;
        for (let i = 0; i < p.length; i++) {
            const k = segKey(p[i]);
            let next = t.kids.get(k);
            if (!next) {
                next = { seg: p[i], tree: { end: false, kids: new Map() } };
                t.kids.set(k, next);
            }
            t = next.tree;
            if (i === p.length - 1)
                t.end = true;
        }
    }
    return root;
}
function segKey(v) {
    return typeof v === 'string'
        ? 's' + v
        : typeof v === 'number' || typeof v === 'bigint'
            ? 's' + String(v)
            : 'v' + args_text(v);
}
function childFor(t, key) {
    return t.kids.get(segKey(key))?.tree;
}
function filterValue(v, t) {
    if (t.end)
        return v;
    if (v instanceof value_RegoObject) {
        const out = new value_RegoObject();
        for (const [k, x] of v.entries.values()) {
            const c = childFor(t, k);
            if (!c)
                continue;
            const f = filterValue(x, c);
            if (f !== undefined)
                out.set(k, f);
        }
        return out;
    }
    if (Array.isArray(v)) {
        const out = [];
        v.forEach((x, i) => {
            const c = childFor(t, i);
            if (!c)
                return;
            const f = filterValue(x, c);
            if (f !== undefined)
                out.push(f);
        });
        return out;
    }
    if (v instanceof RegoSet) {
        const out = new RegoSet();
        for (const x of v.values()) {
            const c = childFor(t, x);
            if (!c)
                continue;
            const f = filterValue(x, c);
            if (f !== undefined)
                out.add(f);
        }
        return out;
    }
    return undefined;
}
function removeValue(v, t) {
    if (t.end)
        return undefined;
    if (v instanceof value_RegoObject) {
        const out = new value_RegoObject();
        for (const [k, x] of v.entries.values()) {
            const c = childFor(t, k);
            if (!c)
                out.set(k, x);
            else {
                const r = removeValue(x, c);
                if (r !== undefined)
                    out.set(k, r);
            }
        }
        return out;
    }
    if (Array.isArray(v)) {
        const out = [];
        v.forEach((x, i) => {
            const c = childFor(t, i);
            if (!c)
                out.push(x);
            else {
                const r = removeValue(x, c);
                if (r !== undefined)
                    out.push(r);
            }
        });
        return out;
    }
    if (v instanceof RegoSet) {
        const out = new RegoSet();
        for (const x of v.values()) {
            const c = childFor(t, x);
            if (!c)
                out.add(x);
            else {
                const r = removeValue(x, c);
                if (r !== undefined)
                    out.add(r);
            }
        }
        return out;
    }
    return v;
}
// ------------------------------------------------------------------ JSON patch (RFC 6902)
function arrayIndex(seg, len, allowEnd) {
    if (seg === '-' && allowEnd)
        return len;
    const s = typeof seg === 'number' ? String(seg) : typeof seg === 'string' ? seg : undefined;
    if (s === undefined || !/^(0|[1-9]\d*)$/.test(s))
        return undefined;
    const n = Number(s);
    if (n > len || (!allowEnd && n >= len))
        return undefined;
    return n;
}
function getAt(doc, path) {
    let cur = doc;
    for (const seg of path) {
        if (cur instanceof value_RegoObject)
            cur = cur.get(seg);
        else if (Array.isArray(cur)) {
            const i = arrayIndex(seg, cur.length, false);
            cur = i === undefined ? undefined : cur[i];
        }
        else if (cur instanceof RegoSet)
            cur = cur.has(seg) ? seg : undefined;
        else
            return undefined;
        if (cur === undefined)
            return undefined;
    }
    return cur;
}
/** Returns a new document with `fn` applied to the parent container of the path's last segment. */
function update(doc, path, fn) {
    if (path.length === 0)
        return undefined;
    const [seg, ...rest] = path;
    if (rest.length === 0)
        return fn(doc, seg);
    if (doc instanceof value_RegoObject) {
        const child = doc.get(seg);
        if (child === undefined)
            return undefined;
        const nc = update(child, rest, fn);
        if (nc === undefined)
            return undefined;
        const out = new value_RegoObject(doc.entries.values());
        out.set(seg, nc);
        return out;
    }
    if (Array.isArray(doc)) {
        const i = arrayIndex(seg, doc.length, false);
        if (i === undefined)
            return undefined;
        const nc = update(doc[i], rest, fn);
        if (nc === undefined)
            return undefined;
        const out = [...doc];
        out[i] = nc;
        return out;
    }
    if (doc instanceof RegoSet) {
        if (!doc.has(seg))
            return undefined;
        const nc = update(seg, rest, fn);
        if (nc === undefined)
            return undefined;
        const out = new RegoSet([...doc.values()].filter(x => !equal(x, seg)));
        out.add(nc);
        return out;
    }
    return undefined;
}
function addOp(doc, path, value) {
    if (path.length === 0)
        return value;
    return update(doc, path, (parent, last) => {
        if (parent instanceof value_RegoObject) {
            const out = new value_RegoObject(parent.entries.values());
            out.set(last, value);
            return out;
        }
        if (Array.isArray(parent)) {
            const i = arrayIndex(last, parent.length, true);
            if (i === undefined)
                return undefined;
            const out = [...parent];
            out.splice(i, 0, value);
            return out;
        }
        if (parent instanceof RegoSet) {
            if (!equal(last, value))
                return undefined;
            const out = new RegoSet(parent.values());
            out.add(value);
            return out;
        }
        return undefined;
    });
}
function removeOp(doc, path) {
    return update(doc, path, (parent, last) => {
        if (parent instanceof value_RegoObject) {
            if (!parent.has(last))
                return undefined;
            const out = new value_RegoObject(parent.entries.values());
            out.delete(last);
            return out;
        }
        if (Array.isArray(parent)) {
            const i = arrayIndex(last, parent.length, false);
            if (i === undefined)
                return undefined;
            const out = [...parent];
            out.splice(i, 1);
            return out;
        }
        if (parent instanceof RegoSet) {
            if (!parent.has(last))
                return undefined;
            return new RegoSet([...parent.values()].filter(x => !equal(x, last)));
        }
        return undefined;
    });
}
function applyPatch(doc, ops) {
    let cur = doc;
    for (const op of ops) {
        if (!(op instanceof value_RegoObject))
            return undefined;
        const kind = op.get('op');
        const pathV = op.get('path');
        if (typeof kind !== 'string' || pathV === undefined)
            return undefined;
        const path = typeof pathV === 'string' ? parsePointer(pathV) : Array.isArray(pathV) ? pathV : undefined;
        if (!path)
            return undefined;
        const fromV = op.get('from');
        const from = typeof fromV === 'string' ? parsePointer(fromV) : Array.isArray(fromV) ? fromV : undefined;
        switch (kind) {
            case 'add': {
                const v = op.get('value');
                if (v === undefined)
                    return undefined;
                cur = addOp(cur, path, v);
                break;
            }
            case 'remove':
                cur = path.length === 0 ? undefined : removeOp(cur, path);
                break;
            case 'replace': {
                const v = op.get('value');
                if (v === undefined)
                    return undefined;
                if (path.length === 0) {
                    cur = v;
                    break;
                }
                if (getAt(cur, path) === undefined)
                    return undefined;
                const r = removeOp(cur, path);
                cur = r === undefined ? undefined : addOp(r, path, v);
                break;
            }
            case 'move': {
                if (!from)
                    return undefined;
                const v = getAt(cur, from);
                if (v === undefined)
                    return undefined;
                if (from.length < path.length && from.every((s, i) => equal(s, path[i])))
                    return undefined;
                const r = removeOp(cur, from);
                cur = r === undefined ? undefined : addOp(r, path, v);
                break;
            }
            case 'copy': {
                if (!from)
                    return undefined;
                const v = getAt(cur, from);
                if (v === undefined)
                    return undefined;
                cur = addOp(cur, path, v);
                break;
            }
            case 'test': {
                const v = op.get('value');
                const at = getAt(cur, path);
                if (v === undefined || at === undefined || !equal(at, v))
                    return undefined;
                break;
            }
            default:
                return undefined;
        }
        if (cur === undefined)
            return undefined;
    }
    return cur;
}
// ------------------------------------------------------------------ JSON schema (gojsonschema-style results)
const ajvCache = new Map();
const PRIMITIVES = ['array', 'boolean', 'integer', 'number', 'null', 'object', 'string'];
function checkTypes(schema) {
    if (Array.isArray(schema)) {
        schema.forEach(checkTypes);
        return;
    }
    if (!schema || typeof schema !== 'object')
        return;
    for (const [k, v] of Object.entries(schema)) {
        if (k === 'type') {
            for (const t of Array.isArray(v) ? v : [v])
                if (typeof t === 'string' && !PRIMITIVES.includes(t))
                    throw new Error(`has a primitive type that is NOT VALID -- given: /${t}/ Expected valid values are:[${PRIMITIVES.join(' ')}]`);
        }
        else if (k !== 'enum' && k !== 'const' && k !== 'default' && k !== 'examples')
            checkTypes(v);
    }
}
function schemaOperand(args, i) {
    const v = args[i];
    let j;
    if (typeof v === 'string')
        j = JSON.parse(v);
    else if (v instanceof value_RegoObject || typeof v === 'boolean')
        j = plain(v);
    else
        throw oneOfErr(i + 1, ['string', 'object', 'boolean'], v);
    return j;
}
function plain(v) {
    if (v instanceof value_RegoObject) {
        const o = {};
        for (const [k, x] of v.entries.values())
            o[args_text(k)] = plain(x);
        return o;
    }
    if (v instanceof RegoSet)
        return v.sorted().map(plain);
    if (Array.isArray(v))
        return v.map(plain);
    return typeof v === 'bigint' ? Number(v) : v;
}
function compileSchema(schema) {
    const k = JSON.stringify(schema);
    const hit = ajvCache.get(k);
    if (hit)
        return hit;
    checkTypes(schema);
    const ajv = new dist_ajv.Ajv({ allErrors: true, strict: false, validateFormats: false, verbose: true });
    const c = ajv.compile(schema);
    if (ajvCache.size > 500)
        ajvCache.clear();
    ajvCache.set(k, c);
    return c;
}
function fieldOf(e) {
    let p = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    if (e.keyword === 'required')
        return p === '' ? '(root)' : p;
    if (p === '')
        p = '(root)';
    return p;
}
function describe(e) {
    const p = e.params;
    let field = fieldOf(e);
    switch (e.keyword) {
        case 'type': {
            const given = e.data === null
                ? 'null'
                : Array.isArray(e.data)
                    ? 'array'
                    : typeof e.data === 'number'
                        ? Number.isInteger(e.data)
                            ? 'integer'
                            : 'number'
                        : typeof e.data;
            return {
                type: 'invalid_type',
                desc: `Invalid type. Expected: ${String(p.type).replace(/,/g, ', ')}, given: ${given}`,
                field
            };
        }
        case 'required':
            return { type: 'required', desc: `${String(p.missingProperty)} is required`, field };
        case 'additionalProperties':
            return {
                type: 'additional_property_not_allowed',
                desc: `Additional property ${String(p.additionalProperty)} is not allowed`,
                field
            };
        case 'enum':
            return {
                type: 'enum',
                desc: `${field} must be one of the following: ${p.allowedValues.map(x => JSON.stringify(x)).join(', ')}`,
                field
            };
        case 'const':
            return {
                type: 'const',
                desc: `${field} does not match: ${JSON.stringify(p.allowedValue)}`,
                field
            };
        case 'minimum':
            return {
                type: 'number_gte',
                desc: `Must be greater than or equal to ${String(p.limit)}`,
                field
            };
        case 'maximum':
            return { type: 'number_lte', desc: `Must be less than or equal to ${String(p.limit)}`, field };
        case 'exclusiveMinimum':
            return { type: 'number_gt', desc: `Must be greater than ${String(p.limit)}`, field };
        case 'exclusiveMaximum':
            return { type: 'number_lt', desc: `Must be less than ${String(p.limit)}`, field };
        case 'minLength':
            return {
                type: 'string_gte',
                desc: `String length must be greater than or equal to ${String(p.limit)}`,
                field
            };
        case 'maxLength':
            return {
                type: 'string_lte',
                desc: `String length must be less than or equal to ${String(p.limit)}`,
                field
            };
        case 'pattern':
            return { type: 'pattern', desc: `Does not match pattern '${String(p.pattern)}'`, field };
        case 'minItems':
            return {
                type: 'array_min_items',
                desc: `Array must have at least ${String(p.limit)} items`,
                field
            };
        case 'maxItems':
            return {
                type: 'array_max_items',
                desc: `Array must have at most ${String(p.limit)} items`,
                field
            };
        case 'uniqueItems':
            return {
                type: 'unique',
                desc: `array items[${String(p.j)},${String(p.i)}] must be unique`,
                field
            };
        case 'format':
            return { type: 'format', desc: `Does not match format '${String(p.format)}'`, field };
        default:
            field = field || '(root)';
            return { type: e.keyword, desc: e.message ?? e.keyword, field };
    }
}
function matchSchema(doc, schema) {
    let validate;
    try {
        validate = compileSchema(schema);
    }
    catch (e) {
        throw fail(e.message);
    }
    if (validate(doc))
        return [true, []];
    const errs = (validate.errors ?? []).filter(e => !['if', 'anyOf', 'oneOf', 'allOf'].includes(e.keyword) || (validate.errors ?? []).length === 1);
    return [
        false,
        errs.map(e => {
            const d = describe(e);
            return toValue({ error: `${d.field}: ${d.desc}`, type: d.type, field: d.field, desc: d.desc });
        })
    ];
}
const jsonPathBuiltins = {
    'json.filter': args => filterValue(obj(args, 0), buildTree(pathsOperand(args, 1))) ?? new value_RegoObject(),
    'json.remove': args => removeValue(obj(args, 0), buildTree(pathsOperand(args, 1))) ?? new value_RegoObject(),
    'json.patch': args => applyPatch(args[0], arr(args, 1)),
    'json.match_schema': args => {
        const d = args[0];
        let doc;
        if (typeof d === 'string') {
            try {
                doc = plain(parseJSON(d));
            }
            catch (e) {
                throw fail(e.message);
            }
        }
        else
            doc = plain(d);
        let schema;
        try {
            schema = schemaOperand(args, 1);
        }
        catch (e) {
            if (e instanceof BuiltinTypeError)
                throw e;
            throw fail(e.message);
        }
        return matchSchema(doc, schema);
    },
    'json.verify_schema': args => {
        try {
            const schema = schemaOperand(args, 0);
            compileSchema(schema);
            return [true, null];
        }
        catch (e) {
            if (e instanceof BuiltinTypeError)
                throw e;
            return [false, `jsonschema: ${e.message}`];
        }
    }
};

;// CONCATENATED MODULE: ./packages/rego/src/builtins/jwt.ts
/** io.jwt.* builtins (JWS compact serialisation, node:crypto). */






function splitJWT(s) {
    if (!s.includes('.'))
        throw fail('encoded JWT had no period separators');
    const parts = s.split('.');
    if (parts.length !== 3)
        throw fail(`encoded JWT must have 3 sections, found ${parts.length}`);
    return { header: parts[0], payload: parts[1], signature: parts[2] };
}
/** OPA's base64url decoding: padding added per RFC 7515 appendix C. */
function b64url(s) {
    let t = s;
    if (!t.endsWith('=')) {
        const r = t.length % 4;
        if (r === 1)
            throw fail(`illegal base64url string: ${s}`);
        if (r)
            t += '='.repeat(4 - r);
    }
    return b64urlDecode(t);
}
function decodePart(s, what) {
    try {
        return b64url(s);
    }
    catch (e) {
        throw fail(`JWT ${what} had invalid encoding: ${e.message}`);
    }
}
function jsonObject(text, msg) {
    let v;
    try {
        v = parseJSON(text);
    }
    catch {
        throw fail(msg);
    }
    if (!(v instanceof value_RegoObject))
        throw fail(msg);
    return v;
}
function decodeHeader(t) {
    const h = jsonObject(bytesToString(decodePart(t.header, 'header')), 'JWT header had invalid encoding: not a JSON object');
    if (h.has('enc'))
        throw fail('JWT is a JWE object, which is not supported');
    return h;
}
function jwkToKey(jwk) {
    if (jwk.kty === 'oct')
        return (0,external_node_crypto_.createSecretKey)(Buffer.from(args_text(jwk.k), 'base64url'));
    if ('d' in jwk)
        return (0,external_node_crypto_.createPrivateKey)({ key: jwk, format: 'jwk' });
    return (0,external_node_crypto_.createPublicKey)({ key: jwk, format: 'jwk' });
}
/** OPA getKeysFromCertOrJWK. */
function keysFromCertOrJWK(s) {
    const d = pemDecode(s);
    if (d) {
        if (d.rest.trim() !== '')
            throw fail('extra data after a PEM certificate block');
        if (d.block.type === 'CERTIFICATE') {
            try {
                return [{ key: new external_node_crypto_.X509Certificate(d.block.bytes).publicKey }];
            }
            catch (e) {
                throw fail(`failed to parse a PEM certificate: ${e.message}`);
            }
        }
        if (d.block.type === 'PUBLIC KEY') {
            try {
                return [{ key: (0,external_node_crypto_.createPublicKey)({ key: d.block.bytes, format: 'der', type: 'spki' }) }];
            }
            catch (e) {
                throw fail(`failed to parse a PEM public key: ${e.message}`);
            }
        }
        throw fail('failed to extract a Key from the PEM certificate');
    }
    let parsed;
    try {
        parsed = JSON.parse(s);
    }
    catch {
        throw fail('failed to parse a JWK key (set): invalid JSON');
    }
    const list = parsed && typeof parsed === 'object' && Array.isArray(parsed.keys)
        ? parsed.keys
        : [parsed];
    try {
        return list.map(j => ({
            key: jwkToKey(j),
            alg: typeof j.alg === 'string' ? j.alg : undefined,
            kid: typeof j.kid === 'string' ? j.kid : undefined
        }));
    }
    catch (e) {
        throw fail(`failed to parse a JWK key (set): ${e.message}`);
    }
}
const HASH = { '256': 'sha256', '384': 'sha384', '512': 'sha512' };
function verifySig(alg, key, data, sig) {
    try {
        const fam = alg.slice(0, 2);
        const h = HASH[alg.slice(2)];
        if (alg === 'EdDSA')
            return (0,external_node_crypto_.verify)(null, data, key, sig);
        if (!h)
            return false;
        if (fam === 'RS')
            return (0,external_node_crypto_.verify)(h, data, { key, padding: external_node_crypto_.constants.RSA_PKCS1_PADDING }, sig);
        if (fam === 'PS')
            return (0,external_node_crypto_.verify)(h, data, {
                key,
                padding: external_node_crypto_.constants.RSA_PKCS1_PSS_PADDING,
                saltLength: external_node_crypto_.constants.RSA_PSS_SALTLEN_AUTO
            }, sig);
        if (fam === 'ES')
            return (0,external_node_crypto_.verify)(h, data, { key, dsaEncoding: 'ieee-p1363' }, sig);
        if (fam === 'HS') {
            const secret = key.type === 'secret' ? key.export() : Buffer.alloc(0);
            const mac = (0,external_node_crypto_.createHmac)(h, secret).update(data).digest();
            return mac.length === sig.length && (0,external_node_crypto_.timingSafeEqual)(mac, sig);
        }
    }
    catch {
        return false;
    }
    return false;
}
function signWith(alg, key, data) {
    const fam = alg.slice(0, 2);
    const h = HASH[alg.slice(2)];
    try {
        if (alg === 'EdDSA')
            return (0,external_node_crypto_.sign)(null, data, key);
        if (fam === 'HS' && h)
            return (0,external_node_crypto_.createHmac)(h, key.type === 'secret' ? key.export() : Buffer.alloc(0))
                .update(data)
                .digest();
        if (fam === 'RS' && h)
            return (0,external_node_crypto_.sign)(h, data, { key, padding: external_node_crypto_.constants.RSA_PKCS1_PADDING });
        if (fam === 'PS' && h)
            return (0,external_node_crypto_.sign)(h, data, {
                key,
                padding: external_node_crypto_.constants.RSA_PKCS1_PSS_PADDING,
                saltLength: Number(alg.slice(2)) / 8
            });
        if (fam === 'ES' && h)
            return (0,external_node_crypto_.sign)(h, data, { key, dsaEncoding: 'ieee-p1363' });
    }
    catch (e) {
        throw fail(`failed to sign payload: ${e.message}`);
    }
    throw fail(`unknown JWS algorithm: ${alg}`);
}
const ALGS = new Set([
    'HS256',
    'HS384',
    'HS512',
    'RS256',
    'RS384',
    'RS512',
    'PS256',
    'PS384',
    'PS512',
    'ES256',
    'ES384',
    'ES512',
    'EdDSA'
]);
function verifyBuiltin(alg) {
    return args => {
        const t = splitJWT(str(args, 0));
        const secretOrCert = str(args, 1);
        const input = Buffer.from(t.header + '.' + t.payload, 'latin1');
        if (alg.startsWith('HS')) {
            const sig = decodePart(t.signature, 'signature');
            return verifySig(alg, (0,external_node_crypto_.createSecretKey)(Buffer.from(secretOrCert, 'utf8')), input, sig);
        }
        const keys = keysFromCertOrJWK(secretOrCert);
        const sig = decodePart(t.signature, 'signature');
        const header = decodeHeader(t);
        const kid = header.get('kid');
        if (typeof kid === 'string') {
            const k = keys.find(x => x.kid === kid);
            if (k)
                return verifySig(alg, k.key, input, sig);
        }
        return keys.some(k => verifySig(alg, k.key, input, sig));
    };
}
function decode(jwt) {
    const t = splitJWT(jwt);
    const header = decodeHeader(t);
    const payloadBytes = decodePart(t.payload, 'payload');
    if (header.get('cty') === 'JWT')
        return decode(innerToken(bytesToString(payloadBytes)));
    const payload = jsonObject(bytesToString(payloadBytes), 'JWT payload had invalid encoding: not a JSON object');
    const sig = decodePart(t.signature, 'signature');
    return [header, payload, sig.toString('hex')];
}
/** A nested token's payload may be the compact JWS itself or a JSON string holding it. */
function innerToken(text) {
    if (text.startsWith('"')) {
        try {
            const s = JSON.parse(text);
            if (typeof s === 'string')
                return s;
        }
        catch {
            // not JSON: use as is
        }
    }
    return text;
}
function numSeconds(v) {
    return Number(v);
}
function decodeVerify(args, ctx) {
    const jwt0 = str(args, 0);
    const c = obj(args, 1);
    const unverified = [false, new value_RegoObject(), new value_RegoObject()];
    let keys;
    let secret;
    let alg;
    let iss;
    let aud;
    let time = Number(ctx.now);
    for (const [k, v] of c.sorted()) {
        switch (k) {
            case 'cert':
                if (typeof v !== 'string')
                    throw fail('cert constraint: must be a string');
                keys = keysFromCertOrJWK(v);
                break;
            case 'secret':
                if (typeof v !== 'string')
                    throw fail('secret constraint: must be a string');
                secret = v;
                break;
            case 'alg':
                if (typeof v !== 'string')
                    throw fail('alg constraint: must be a string');
                alg = v;
                break;
            case 'iss':
                if (typeof v !== 'string')
                    throw fail('iss constraint: must be a string');
                iss = v;
                break;
            case 'aud':
                if (typeof v !== 'string')
                    throw fail('aud constraint: must be a string');
                aud = v;
                break;
            case 'time':
                if (!isNum(v))
                    throw fail('time constraint: must be a number');
                time = Number(v);
                break;
            default:
                throw fail(`unknown token validation constraint: ${args_text(k)}`);
        }
    }
    const nkeys = (keys ? 1 : 0) + (secret !== undefined ? 1 : 0);
    if (nkeys > 1)
        throw fail('duplicate key constraints');
    if (nkeys < 1)
        throw fail('no key constraint');
    let jwt = jwt0;
    let header;
    let payloadText;
    for (;;) {
        const t = splitJWT(jwt);
        header = decodeHeader(t);
        const halg = header.get('alg');
        if (typeof halg !== 'string' || !ALGS.has(halg))
            return unverified;
        const crit = header.get('crit');
        if (crit !== undefined)
            return unverified;
        if (alg !== undefined && alg !== halg)
            return unverified;
        const sig = decodePart(t.signature, 'signature');
        const input = Buffer.from(t.header + '.' + t.payload, 'latin1');
        let ok;
        if (secret !== undefined)
            ok =
                halg.startsWith('HS') &&
                    verifySig(halg, (0,external_node_crypto_.createSecretKey)(Buffer.from(secret, 'utf8')), input, sig);
        else {
            const kid = header.get('kid');
            const byKid = typeof kid === 'string' ? keys.find(k => k.kid === kid) : undefined;
            const candidates = byKid ? [byKid] : keys.filter(k => k.alg === undefined || k.alg === halg);
            ok = candidates.some(k => !halg.startsWith('HS') && verifySig(halg, k.key, input, sig));
        }
        if (!ok)
            return unverified;
        let p;
        try {
            p = b64url(t.payload);
        }
        catch (e) {
            throw fail(`JWT payload had invalid encoding: ${e.message}`);
        }
        payloadText = bytesToString(p);
        const cty = header.get('cty');
        if (typeof cty === 'string' && cty.toUpperCase() === 'JWT') {
            jwt = innerToken(payloadText);
            continue;
        }
        break;
    }
    const payload = jsonObject(payloadText, 'JWT payload had invalid encoding: not a JSON object');
    if (iss !== undefined && payload.get('iss') !== iss)
        return unverified;
    const paud = payload.get('aud');
    if (paud !== undefined) {
        if (aud === undefined)
            return unverified;
        if (typeof paud === 'string') {
            if (paud !== aud)
                return unverified;
        }
        else if (Array.isArray(paud) || paud instanceof RegoSet) {
            const list = Array.isArray(paud) ? paud : [...paud.values()];
            if (!list.includes(aud))
                return unverified;
        }
        else
            return unverified;
    }
    else if (aud !== undefined)
        return unverified;
    const nowSec = time / 1e9;
    const exp = payload.get('exp');
    if (exp !== undefined) {
        if (!isNum(exp))
            throw fail('exp value must be a number');
        if (!(nowSec < numSeconds(exp)))
            return unverified;
    }
    const nbf = payload.get('nbf');
    if (nbf !== undefined) {
        if (!isNum(nbf))
            throw fail('nbf value must be a number');
        if (nowSec < numSeconds(nbf))
            return unverified;
    }
    return [true, header, payload];
}
function b64u(b) {
    return Buffer.from(b).toString('base64url');
}
function encodeSignRaw(headerText, payloadText, jwkText) {
    let key;
    let jwkAlg;
    try {
        const parsed = JSON.parse(jwkText);
        const j = Array.isArray(parsed.keys)
            ? (parsed.keys[0] ?? {})
            : parsed;
        key = jwkToKey(j);
        jwkAlg = typeof j.alg === 'string' ? j.alg : undefined;
    }
    catch (e) {
        throw fail(`failed to parse a JWK key (set): ${e.message}`);
    }
    void jwkAlg;
    let header;
    if (headerText === '')
        throw fail("missing or invalid 'alg' header: cannot parse JSON: cannot parse empty string");
    try {
        header = parseJSON(headerText);
    }
    catch {
        if (headerText.trimStart().startsWith('{'))
            throw fail("missing or invalid 'alg' header: cannot parse JSON");
        throw fail('missing or invalid \'alg\' header: jwsbb: header "alg" not found');
    }
    const alg = header instanceof value_RegoObject ? header.get('alg') : undefined;
    if (alg === undefined || !(header instanceof value_RegoObject))
        throw fail('missing or invalid \'alg\' header: jwsbb: header "alg" not found');
    if (typeof alg !== 'string' || !ALGS.has(alg))
        throw fail(`unknown JWS algorithm: ${typeof alg === 'string' ? alg : marshalJSON(alg)}`);
    const typ = header.get('typ');
    if (typ === undefined || typ === 'JWT') {
        try {
            JSON.parse(payloadText);
        }
        catch {
            throw fail('type is JWT but payload is not JSON');
        }
    }
    const h = b64u(Buffer.from(headerText, 'utf8'));
    const p = b64u(Buffer.from(payloadText, 'utf8'));
    const input = Buffer.from(h + '.' + p, 'latin1');
    return `${h}.${p}.${b64u(signWith(alg, key, input))}`;
}
const jwtBuiltins = {
    'io.jwt.decode': args => decode(str(args, 0)),
    'io.jwt.decode_verify': (args, ctx) => decodeVerify(args, ctx),
    'io.jwt.encode_sign_raw': args => encodeSignRaw(str(args, 0), str(args, 1), str(args, 2)),
    'io.jwt.encode_sign': args => encodeSignRaw(marshalJSON(obj(args, 0)), marshalJSON(obj(args, 1)), marshalJSON(obj(args, 2))),
    'io.jwt.verify_hs256': verifyBuiltin('HS256'),
    'io.jwt.verify_hs384': verifyBuiltin('HS384'),
    'io.jwt.verify_hs512': verifyBuiltin('HS512'),
    'io.jwt.verify_rs256': verifyBuiltin('RS256'),
    'io.jwt.verify_rs384': verifyBuiltin('RS384'),
    'io.jwt.verify_rs512': verifyBuiltin('RS512'),
    'io.jwt.verify_ps256': verifyBuiltin('PS256'),
    'io.jwt.verify_ps384': verifyBuiltin('PS384'),
    'io.jwt.verify_ps512': verifyBuiltin('PS512'),
    'io.jwt.verify_es256': verifyBuiltin('ES256'),
    'io.jwt.verify_es384': verifyBuiltin('ES384'),
    'io.jwt.verify_es512': verifyBuiltin('ES512'),
    'io.jwt.verify_eddsa': verifyBuiltin('EdDSA')
};
void BuiltinError;

;// CONCATENATED MODULE: ./packages/rego/src/builtins/glob.ts
/** glob.match / glob.quote_meta with gobwas/glob semantics (separators, **, ?, [..], {a,b}). */



const cache = new Map();
function escapeClass(ch) {
    return /[\\\]^-]/.test(ch) ? '\\' + ch : ch;
}
function escapeLit(ch) {
    return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? '\\' + ch : ch;
}
function globToRegExp(pattern, delims) {
    const k = JSON.stringify([pattern, delims]);
    const hit = cache.get(k);
    if (hit)
        return hit;
    const sep = delims.map(escapeClass).join('');
    const notSep = sep ? `[^${sep}]` : '[\\s\\S]';
    const cps = [...pattern];
    let i = 0;
    const parse = (inTerms) => {
        let out = '';
        while (i < cps.length) {
            const c = cps[i];
            if (inTerms && (c === ',' || c === '}'))
                return out;
            switch (c) {
                case '*':
                    if (cps[i + 1] === '*') {
                        while (cps[i] === '*')
                            i++;
                        out += '[\\s\\S]*';
                    }
                    else {
                        i++;
                        out += notSep + '*';
                    }
                    break;
                case '?':
                    i++;
                    out += notSep;
                    break;
                case '\\':
                    if (i + 1 >= cps.length)
                        throw fail('unexpected end of input');
                    out += escapeLit(cps[i + 1]);
                    i += 2;
                    break;
                case '[': {
                    i++;
                    let neg = false;
                    if (cps[i] === '!') {
                        neg = true;
                        i++;
                    }
                    let body = '';
                    let closed = false;
                    while (i < cps.length) {
                        if (cps[i] === ']') {
                            closed = true;
                            i++;
                            break;
                        }
                        let lo = cps[i++];
                        if (lo === '\\')
                            lo = cps[i++] ?? '';
                        if (cps[i] === '-' && cps[i + 1] !== undefined && cps[i + 1] !== ']') {
                            const hi = cps[i + 1];
                            i += 2;
                            if (hi.codePointAt(0) < lo.codePointAt(0))
                                throw fail('unexpected range');
                            body += `${escapeClass(lo)}-${escapeClass(hi)}`;
                        }
                        else
                            body += escapeClass(lo);
                    }
                    if (!closed)
                        throw fail('unexpected end of input');
                    out += neg ? `[^${body}]` : `[${body}]`;
                    break;
                }
                case '{': {
                    i++;
                    const alts = [];
                    for (;;) {
                        alts.push(parse(true));
                        if (i >= cps.length)
                            throw fail('unexpected end of input');
                        if (cps[i] === '}') {
                            i++;
                            break;
                        }
                        i++; // ','
                    }
                    out += `(?:${alts.join('|')})`;
                    break;
                }
                default:
                    out += escapeLit(c);
                    i++;
            }
        }
        if (inTerms)
            throw fail('unexpected end of input');
        return out;
    };
    const re = new RegExp(`^(?:${parse(false)})$`, 'u');
    if (cache.size > 2000)
        cache.clear();
    cache.set(k, re);
    return re;
}
const globBuiltins = {
    'glob.match': args => {
        const pattern = str(args, 0);
        const d = args[1];
        let delims;
        if (d === null)
            delims = [];
        else if (Array.isArray(d)) {
            delims = d.map(x => {
                if (typeof x !== 'string')
                    throw new BuiltinTypeError(`operand 2 must be array of strings but got array containing ${typeName(x)}`);
                return x;
            });
            if (delims.length === 0)
                delims = ['.'];
            delims = delims.flatMap(x => [...x]);
        }
        else
            throw oneOfErr(2, ['array', 'null'], d);
        const s = str(args, 2);
        return globToRegExp(pattern, delims).test(s);
    },
    'glob.quote_meta': args => str(args, 0).replace(/[*?\\[\]{}]/g, '\\$&')
};
void RegoSet;

;// CONCATENATED MODULE: ./packages/rego/src/builtins/misc.ts
/** semver, uuid, rand, graph builtins. */




const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;
function parseSemver(s) {
    const m = SEMVER.exec(s);
    if (!m || s.startsWith('v'))
        return undefined;
    return {
        major: BigInt(m[1]),
        minor: BigInt(m[2]),
        patch: BigInt(m[3]),
        pre: m[4] ? m[4].split('.') : []
    };
}
function cmpBig(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function compareSemver(a, b) {
    const c = cmpBig(a.major, b.major) || cmpBig(a.minor, b.minor) || cmpBig(a.patch, b.patch);
    if (c)
        return c;
    if (a.pre.length === 0 && b.pre.length === 0)
        return 0;
    if (a.pre.length === 0)
        return 1;
    if (b.pre.length === 0)
        return -1;
    for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
        const x = a.pre[i];
        const y = b.pre[i];
        const xn = /^\d+$/.test(x);
        const yn = /^\d+$/.test(y);
        let r;
        if (xn && yn)
            r = cmpBig(BigInt(x), BigInt(y));
        else if (xn)
            r = -1;
        else if (yn)
            r = 1;
        else
            r = x < y ? -1 : x > y ? 1 : 0;
        if (r)
            return r;
    }
    return Math.sign(a.pre.length - b.pre.length);
}
// ------------------------------------------------------------------ uuid (google/uuid Parse)
function parseUUIDBytes(s) {
    let hex;
    if (s.length === 36)
        hex = s;
    else if (s.length === 45) {
        if (s.slice(0, 9).toLowerCase() !== 'urn:uuid:')
            return undefined;
        hex = s.slice(9);
    }
    else if (s.length === 38)
        hex = s.slice(1, 37);
    else if (s.length === 32) {
        if (!/^[0-9a-fA-F]{32}$/.test(s))
            return undefined;
        return Uint8Array.from(Buffer.from(s, 'hex'));
    }
    else
        return undefined;
    if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(hex))
        return undefined;
    return Uint8Array.from(Buffer.from(hex.replace(/-/g, ''), 'hex'));
}
function uuidInfo(b) {
    const out = new value_RegoObject();
    const version = b[6] >> 4;
    const v8 = b[8];
    const variant = (v8 & 0xc0) === 0x80
        ? 'RFC4122'
        : (v8 & 0xe0) === 0xc0
            ? 'Microsoft'
            : (v8 & 0xe0) === 0xe0
                ? 'Future'
                : 'Reserved';
    out.set('version', version);
    out.set('variant', variant);
    if (variant === 'RFC4122' && (version === 1 || version === 2)) {
        const timeLow = BigInt(((b[0] << 24) >>> 0) | (b[1] << 16) | (b[2] << 8) | b[3]);
        const timeMid = BigInt((b[4] << 8) | b[5]);
        const timeHi = BigInt(((b[6] << 8) | b[7]) & 0xfff);
        const t = timeLow | (timeMid << 32n) | (timeHi << 48n);
        const rel = t - 122192928000000000n;
        out.set('time', normInt(rel * 100n));
        out.set('clocksequence', ((b[8] & 0x3f) << 8) | b[9]);
        const node = [...b.slice(10, 16)].map(x => x.toString(16).padStart(2, '0')).join('-');
        out.set('nodeid', node);
        out.set('macvariables', `${b[10] & 2 ? 'local' : 'global'}:${b[10] & 1 ? 'multicast' : 'unicast'}`);
        if (version === 2) {
            const dom = b[9];
            out.set('domain', dom === 0 ? 'Person' : dom === 1 ? 'Group' : dom === 2 ? 'Org' : `Domain${dom}`);
            out.set('id', normInt(timeLow));
        }
    }
    return out;
}
// ------------------------------------------------------------------ graph
function neighbours(v) {
    if (v === undefined || v === null)
        return [];
    if (Array.isArray(v))
        return v;
    if (v instanceof RegoSet)
        return v.sorted();
    return [];
}
function graphOperand(args) {
    const g = obj(args, 0);
    const init = args[1];
    if (!Array.isArray(init) && !(init instanceof RegoSet))
        throw oneOfErr(2, ['array', 'set'], init);
    for (const [, v] of g.entries.values())
        if (v !== null && !Array.isArray(v) && !(v instanceof RegoSet))
            throw new BuiltinTypeError(`operand 1 must be object containing arrays or sets but got object containing ${typeName(v)}`);
    return { g, init: Array.isArray(init) ? init : init.sorted() };
}
const miscBuiltins = {
    'semver.is_valid': args => typeof args[0] === 'string' && parseSemver(args[0]) !== undefined,
    'semver.compare': args => {
        const a = str(args, 0);
        const b = str(args, 1);
        const va = parseSemver(a);
        if (!va)
            throw fail(`operand 1: string ${JSON.stringify(a)} is not a valid SemVer`);
        const vb = parseSemver(b);
        if (!vb)
            throw fail(`operand 2: string ${JSON.stringify(b)} is not a valid SemVer`);
        return compareSemver(va, vb);
    },
    'uuid.rfc4122': (args, ctx) => cached(ctx.cache, 'uuid.rfc4122:' + str(args, 0), () => (0,external_node_crypto_.randomUUID)()),
    'uuid.parse': args => {
        const b = parseUUIDBytes(str(args, 0));
        return b ? uuidInfo(b) : undefined;
    },
    'rand.intn': (args, ctx) => {
        const s = str(args, 0);
        let n = args_int(args, 1);
        if (n < 0n)
            n = -n;
        if (n === 0n)
            return 0;
        return cached(ctx.cache, `rand.intn:${JSON.stringify(s)}:${n}`, () => (0,external_node_crypto_.randomInt)(Number(n > 281474976710655n ? 281474976710655n : n)));
    },
    'graph.reachable': args => {
        const { g, init } = graphOperand(args);
        const seen = new RegoSet();
        const queue = init.filter(n => g.has(n));
        for (const n of queue)
            seen.add(n);
        while (queue.length > 0) {
            const n = queue.shift();
            for (const m of neighbours(g.get(n)))
                if (!seen.has(m) && g.has(m)) {
                    seen.add(m);
                    queue.push(m);
                }
        }
        return seen;
    },
    'graph.reachable_paths': args => {
        const { g, init } = graphOperand(args);
        const out = new RegoSet();
        const walk = (node, path) => {
            const p = [...path, node];
            const onPath = new RegoSet(p);
            const next = neighbours(g.get(node)).filter(m => g.has(m) && !onPath.has(m));
            if (next.length === 0) {
                out.add(p);
                return;
            }
            for (const m of next)
                walk(m, p);
        };
        for (const n of init)
            if (g.has(n))
                walk(n, []);
        return out;
    }
};

;// CONCATENATED MODULE: ./packages/rego/src/builtins/net.ts
/** net.cidr_* builtins (Go net package parsing and formatting). */


const net_bits = (ip) => (ip.v6 ? 128 : 32);
function parseV4(s) {
    const parts = s.split('.');
    if (parts.length !== 4)
        return undefined;
    let out = 0n;
    for (const p of parts) {
        if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p[0] === '0'))
            return undefined;
        const n = Number(p);
        if (n > 255)
            return undefined;
        out = (out << 8n) | BigInt(n);
    }
    return out;
}
function parseIP(s) {
    if (!s.includes(':')) {
        const v4 = parseV4(s);
        return v4 === undefined ? undefined : { v6: false, addr: v4 };
    }
    let head = s;
    let tailV4;
    const lastColon = s.lastIndexOf(':');
    if (s.slice(lastColon + 1).includes('.')) {
        tailV4 = parseV4(s.slice(lastColon + 1));
        if (tailV4 === undefined)
            return undefined;
        head = s.slice(0, lastColon + 1) + '0:0';
    }
    const dbl = head.split('::');
    if (dbl.length > 2)
        return undefined;
    const parseGroups = (x) => {
        if (x === '')
            return [];
        const gs = x.split(':');
        const out = [];
        for (const g of gs) {
            if (!/^[0-9a-fA-F]{1,4}$/.test(g))
                return undefined;
            out.push(parseInt(g, 16));
        }
        return out;
    };
    const a = parseGroups(dbl[0]);
    const b = dbl.length === 2 ? parseGroups(dbl[1]) : [];
    if (!a || !b)
        return undefined;
    let groups;
    if (dbl.length === 2) {
        const fill = 8 - a.length - b.length;
        if (fill < 1)
            return undefined;
        groups = [...a, ...Array(fill).fill(0), ...b];
    }
    else
        groups = a;
    if (groups.length !== 8)
        return undefined;
    let addr = 0n;
    for (const g of groups)
        addr = (addr << 16n) | BigInt(g);
    if (tailV4 !== undefined)
        addr = (addr & ~0xffffffffn) | tailV4;
    return { v6: true, addr };
}
function parseCIDR(s) {
    const slash = s.indexOf('/');
    if (slash < 0)
        return undefined;
    const ip = parseIP(s.slice(0, slash));
    const p = s.slice(slash + 1);
    if (!ip || !/^\d{1,3}$/.test(p))
        return undefined;
    const prefix = Number(p);
    if (prefix > net_bits(ip))
        return undefined;
    return { ip, prefix };
}
function mask(n) {
    const b = BigInt(net_bits(n.ip));
    return ((1n << b) - 1n) ^ ((1n << (b - BigInt(n.prefix))) - 1n);
}
function networkStart(n) {
    return n.ip.addr & mask(n);
}
function networkEnd(n) {
    return networkStart(n) | (((1n << BigInt(net_bits(n.ip))) - 1n) ^ mask(n));
}
function formatIP(ip) {
    if (!ip.v6)
        return [24n, 16n, 8n, 0n].map(s => String((ip.addr >> s) & 255n)).join('.');
    const groups = [];
    for (let i = 7; i >= 0; i--)
        groups.push(Number((ip.addr >> BigInt(i * 16)) & 0xffffn));
    // IPv4-mapped addresses print as IPv4, like Go
    if (groups.slice(0, 5).every(g => g === 0) && groups[5] === 0xffff)
        return formatIP({ v6: false, addr: ip.addr & 0xffffffffn });
    let bestStart = -1;
    let bestLen = 0;
    for (let i = 0; i < 8;) {
        if (groups[i] !== 0) {
            i++;
            continue;
        }
        let j = i;
        while (j < 8 && groups[j] === 0)
            j++;
        if (j - i > bestLen && j - i >= 2) {
            bestStart = i;
            bestLen = j - i;
        }
        i = j;
    }
    const hex = groups.map(g => g.toString(16));
    if (bestStart < 0)
        return hex.join(':');
    return hex.slice(0, bestStart).join(':') + '::' + hex.slice(bestStart + bestLen).join(':');
}
function formatNet(n) {
    return `${formatIP({ v6: n.ip.v6, addr: networkStart(n) })}/${n.prefix}`;
}
function cidrOrFail(s) {
    const n = parseCIDR(s);
    if (!n)
        throw fail(`invalid CIDR address: ${s}`);
    return n;
}
/** Operand 2 of cidr_contains: a CIDR or an IP. */
function cidrOrIP(s) {
    const n = parseCIDR(s);
    if (n)
        return n;
    const ip = parseIP(s);
    if (!ip)
        throw fail(`invalid CIDR address: ${s}`);
    return { ip, prefix: net_bits(ip) };
}
function contains(a, b) {
    if (a.ip.v6 !== b.ip.v6) {
        // Go treats IPv4 as IPv4-mapped IPv6
        const up = (n) => n.ip.v6 ? n : { ip: { v6: true, addr: 0xffff00000000n | n.ip.addr }, prefix: n.prefix + 96 };
        return contains(up(a), up(b));
    }
    return networkStart(a) <= networkStart(b) && networkEnd(b) <= networkEnd(a);
}
function intersects(a, b) {
    if (a.ip.v6 !== b.ip.v6)
        return false;
    return networkStart(a) <= networkEnd(b) && networkStart(b) <= networkEnd(a);
}
function mergeCIDRs(nets) {
    const byFamily = [nets.filter(n => !n.ip.v6), nets.filter(n => n.ip.v6)];
    const out = [];
    for (const fam of byFamily) {
        let list = fam.map(n => ({ ip: { v6: n.ip.v6, addr: networkStart(n) }, prefix: n.prefix }));
        let changed = true;
        while (changed) {
            changed = false;
            list.sort((x, y) => x.ip.addr < y.ip.addr ? -1 : x.ip.addr > y.ip.addr ? 1 : x.prefix - y.prefix);
            const next = [];
            for (const n of list) {
                const last = next[next.length - 1];
                if (last && contains(last, n)) {
                    changed = changed || true;
                    continue;
                }
                if (last && last.prefix === n.prefix && last.prefix > 0) {
                    const parent = { ip: { v6: n.ip.v6, addr: last.ip.addr }, prefix: last.prefix - 1 };
                    if (networkStart(parent) === last.ip.addr && networkEnd(parent) === networkEnd(n)) {
                        next[next.length - 1] = parent;
                        changed = true;
                        continue;
                    }
                }
                next.push(n);
            }
            if (next.length === list.length && !changed)
                break;
            list = next;
        }
        out.push(...list);
    }
    return out;
}
function keyedOperand(v, pos) {
    const elem = (x, key) => {
        if (typeof x === 'string')
            return { key, cidr: x };
        if (Array.isArray(x) && x.length > 0 && typeof x[0] === 'string')
            return { key, cidr: x[0] };
        throw fail(`operand ${pos}: element must be string or non-empty array`);
    };
    if (typeof v === 'string')
        return [{ key: v, cidr: v }];
    if (Array.isArray(v))
        return v.map((x, i) => elem(x, i));
    if (v instanceof RegoSet)
        return v.sorted().map(x => elem(x, x));
    if (v instanceof value_RegoObject)
        return v.sorted().map(([k, x]) => elem(x, k));
    throw oneOfErr(pos, ['string', 'array', 'set', 'object'], v);
}
const netBuiltins = {
    'net.cidr_contains': args => contains(cidrOrFail(str(args, 0)), cidrOrIP(str(args, 1))),
    'net.cidr_overlap': args => contains(cidrOrFail(str(args, 0)), cidrOrIP(str(args, 1))),
    'net.cidr_intersects': args => intersects(cidrOrFail(str(args, 0)), cidrOrFail(str(args, 1))),
    'net.cidr_is_valid': args => typeof args[0] === 'string' && parseCIDR(args[0]) !== undefined,
    'net.cidr_expand': args => {
        const n = cidrOrFail(str(args, 0));
        const start = networkStart(n);
        const end = networkEnd(n);
        if (end - start > 1000000n)
            throw fail('cidr too large to expand');
        const out = new RegoSet();
        for (let a = start; a <= end; a++)
            out.add(formatIP({ v6: n.ip.v6, addr: a }));
        return out;
    },
    'net.cidr_merge': args => {
        const v = args[0];
        if (!Array.isArray(v) && !(v instanceof RegoSet))
            throw oneOfErr(1, ['array', 'set'], v);
        const items = Array.isArray(v) ? v : v.sorted();
        const nets = [];
        for (const x of items) {
            if (typeof x !== 'string')
                throw fail(`operand 1: element must be string`);
            const n = parseCIDR(x);
            if (n) {
                nets.push(n);
                continue;
            }
            const ip = parseIP(x);
            if (!ip)
                throw fail(`operand 1: invalid CIDR or IP: ${x}`);
            if (ip.v6)
                throw fail('IPv6 invalid: needs prefix length');
            // Go's IP.DefaultMask: classful networks
            const first = Number(ip.addr >> 24n);
            const prefix = first < 128 ? 8 : first < 192 ? 16 : first < 224 ? 24 : undefined;
            if (prefix === undefined)
                throw fail(`IPv4 invalid: needs prefix length`);
            nets.push({ ip, prefix });
        }
        return new RegoSet(mergeCIDRs(nets).map(formatNet));
    },
    'net.cidr_contains_matches': args => {
        const a = keyedOperand(args[0], 1);
        const b = keyedOperand(args[1], 2);
        const out = new RegoSet();
        for (const x of a) {
            const nx = cidrOrFail(x.cidr);
            for (const y of b)
                if (contains(nx, cidrOrIP(y.cidr)))
                    out.add([x.key, y.key]);
        }
        return out;
    }
};

;// CONCATENATED MODULE: ./packages/rego/src/builtins/re2.ts
/**
 * Go RE2 syntax → JavaScript RegExp for the `regex.*` builtins: the shared translator in
 * `@secure-pipeline/core`, with its syntax errors re-thrown as BuiltinError (same Go message).
 */


/** Translate an RE2 pattern (output uses the `u` flag). Throws BuiltinError with Go's message. */
function translateRE2(pattern) {
    try {
        return (0,src/* translateRE2 */.sW)(pattern);
    }
    catch (e) {
        if (e instanceof src/* Re2SyntaxError */.Rw)
            throw fail(e.message);
        throw e;
    }
}

;// CONCATENATED MODULE: ./packages/rego/src/builtins/globs.ts
/**
 * regex.globs_match: whether two "glob-regexes" (literals, `.`, `[...]` classes, `*`/`+` on the
 * preceding token, `\` escapes) can match a common string — an NFA product search.
 */

function invalid(input, pos, msg) {
    throw fail(`input:${input}, pos:${pos}, ${msg}: the input provided is invalid`);
}
function tokenize(input) {
    const cps = [...input];
    const toks = [];
    let i = 0;
    while (i < cps.length) {
        const c = cps[i];
        let tok;
        if (c === '*' || c === '+') {
            if (toks.length === 0 || toks[toks.length - 1].star)
                invalid(input, i + 1, `modifier '${c}' without preceding character`);
            const prev = toks[toks.length - 1];
            if (c === '*')
                prev.star = true;
            else
                toks.push({ ...prev, star: true });
            i++;
            continue;
        }
        if (c === ']')
            invalid(input, i + 1, "set-close ']' with no preceding '['");
        if (c === '.') {
            tok = { any: true, ranges: [], star: false };
            i++;
        }
        else if (c === '\\') {
            if (i + 1 >= cps.length)
                invalid(input, i + 1, "escape '\\' at end of input");
            const cp = cps[i + 1].codePointAt(0);
            tok = { any: false, ranges: [[cp, cp]], star: false };
            i += 2;
        }
        else if (c === '[') {
            const start = i;
            i++;
            const ranges = [];
            let closed = false;
            while (i < cps.length) {
                let ch = cps[i];
                if (ch === ']') {
                    closed = true;
                    i++;
                    break;
                }
                if (ch === '[')
                    invalid(input, i + 1, "set-open '[' inside a set");
                if (ch === '\\') {
                    i++;
                    if (i >= cps.length)
                        break;
                    ch = cps[i];
                }
                const lo = ch.codePointAt(0);
                i++;
                if (cps[i] === '-' && i + 1 < cps.length && cps[i + 1] !== ']') {
                    let hiCh = cps[i + 1];
                    i += 2;
                    if (hiCh === '\\') {
                        hiCh = cps[i] ?? '';
                        i++;
                    }
                    const hi = hiCh.codePointAt(0) ?? lo;
                    if (hi < lo)
                        invalid(input, i, 'invalid range in set');
                    ranges.push([lo, hi]);
                }
                else
                    ranges.push([lo, lo]);
            }
            if (!closed)
                invalid(input, start + 1, "set-open '[' with no closing ']'");
            if (ranges.length === 0)
                invalid(input, start + 1, 'empty set');
            tok = { any: false, ranges, star: false };
        }
        else {
            const cp = c.codePointAt(0);
            tok = { any: false, ranges: [[cp, cp]], star: false };
            i++;
        }
        toks.push(tok);
    }
    return toks;
}
function overlap(a, b) {
    if (a.any || b.any)
        return true;
    for (const [l1, h1] of a.ranges)
        for (const [l2, h2] of b.ranges)
            if (l1 <= h2 && l2 <= h1)
                return true;
    return false;
}
function globsMatch(g1, g2) {
    const a = tokenize(g1);
    const b = tokenize(g2);
    const seen = new Set();
    const W = b.length + 1;
    const stack = [[0, 0]];
    while (stack.length > 0) {
        const [i, j] = stack.pop();
        const k = i * W + j;
        if (seen.has(k))
            continue;
        seen.add(k);
        if (i === a.length && j === b.length)
            return true;
        if (i < a.length && a[i].star)
            stack.push([i + 1, j]);
        if (j < b.length && b[j].star)
            stack.push([i, j + 1]);
        if (i < a.length && j < b.length && overlap(a[i], b[j])) {
            stack.push([a[i].star ? i : i + 1, b[j].star ? j : j + 1]);
            if (a[i].star && !b[j].star)
                stack.push([i + 1, j + 1]);
            if (b[j].star && !a[i].star)
                stack.push([i + 1, j + 1]);
            if (a[i].star && b[j].star) {
                stack.push([i + 1, j]);
                stack.push([i, j + 1]);
            }
        }
    }
    return false;
}

;// CONCATENATED MODULE: ./packages/rego/src/builtins/regex.ts
/** regex.* builtins with Go RE2 semantics. */




const GLOBAL = new Map();
/** Compile (cached per process and per query) an RE2 pattern to a global, unicode JS RegExp. */
function compileRE2(pattern, ctx) {
    const hit = GLOBAL.get(pattern);
    if (hit instanceof Error)
        throw hit;
    if (hit)
        return hit;
    let out;
    try {
        const t = translateRE2(pattern);
        let re;
        try {
            re = new RegExp(t.source, 'gu');
        }
        catch (e) {
            throw fail(`error parsing regexp: ${e.message}`);
        }
        out = { re, groups: t.groupNames.length };
    }
    catch (e) {
        out = e;
    }
    if (GLOBAL.size > 5000)
        GLOBAL.clear();
    GLOBAL.set(pattern, out);
    void ctx;
    if (out instanceof Error)
        throw out;
    return out;
}
/** Go FindAllStringSubmatchIndex semantics: empty matches right after a match are skipped. */
function findAll(c, s, n) {
    const out = [];
    if (n === 0)
        return out;
    const re = c.re;
    let prevEnd = -1;
    let pos = 0;
    while (pos <= s.length) {
        re.lastIndex = pos;
        const m = re.exec(s);
        if (!m)
            break;
        const start = m.index;
        const end = start + m[0].length;
        let accept = true;
        if (end === pos) {
            // an empty match right after the previous match is ignored; move on one rune
            if (start === prevEnd)
                accept = false;
            const cp = s.codePointAt(pos);
            pos += cp !== undefined && cp > 0xffff ? 2 : 1;
        }
        else
            pos = end;
        prevEnd = end;
        if (accept) {
            out.push(m);
            if (n > 0 && out.length >= n)
                break;
        }
    }
    return out;
}
function firstMatch(c, s) {
    c.re.lastIndex = 0;
    return c.re.exec(s);
}
/** Go Regexp.Expand for ReplaceAllString templates ($1, ${1}, $name, ${name}, $$). */
function expand(template, m) {
    let out = '';
    let i = 0;
    while (i < template.length) {
        const c = template[i];
        if (c !== '$') {
            out += c;
            i++;
            continue;
        }
        i++;
        if (template[i] === '$') {
            out += '$';
            i++;
            continue;
        }
        let name;
        if (template[i] === '{') {
            const end = template.indexOf('}', i);
            const inner = end < 0 ? '' : template.slice(i + 1, end);
            if (end < 0 || !/^[A-Za-z0-9_]+$/.test(inner)) {
                out += '$';
                continue;
            }
            name = inner;
            i = end + 1;
        }
        else {
            const mm = /^[A-Za-z0-9_]+/.exec(template.slice(i));
            if (!mm) {
                out += '$';
                continue;
            }
            name = mm[0];
            i += name.length;
        }
        if (/^\d+$/.test(name)) {
            const g = m[Number(name)];
            if (Number(name) < m.length && g !== undefined)
                out += g;
        }
        else {
            const g = m.groups?.[name];
            if (g !== undefined)
                out += g;
        }
    }
    return out;
}
/** Go regexp.QuoteMeta. */
function quoteMeta(s) {
    return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}
const regexBuiltins = {
    'regex.is_valid': args => {
        if (typeof args[0] !== 'string')
            return false;
        try {
            compileRE2(args[0]);
            return true;
        }
        catch {
            return false;
        }
    },
    'regex.match': (args, ctx) => {
        const c = compileRE2(str(args, 0), ctx);
        return firstMatch(c, str(args, 1)) !== null;
    },
    re_match: (args, ctx) => {
        const c = compileRE2(str(args, 0), ctx);
        return firstMatch(c, str(args, 1)) !== null;
    },
    'regex.split': (args, ctx) => {
        const c = compileRE2(str(args, 0), ctx);
        const s = str(args, 1);
        if (str(args, 0) !== '' && s === '')
            return [''];
        const matches = findAll(c, s, -1);
        const out = [];
        let beg = 0;
        let end = 0;
        for (const m of matches) {
            end = m.index;
            if (m.index + m[0].length !== 0)
                out.push(s.slice(beg, end));
            beg = m.index + m[0].length;
        }
        if (end !== s.length)
            out.push(s.slice(beg));
        return out;
    },
    'regex.find_n': (args, ctx) => {
        const c = compileRE2(str(args, 0), ctx);
        const n = Number(args_int(args, 2));
        return findAll(c, str(args, 1), n).map(m => m[0]);
    },
    'regex.find_all_string_submatch_n': (args, ctx) => {
        const c = compileRE2(str(args, 0), ctx);
        const n = Number(args_int(args, 2));
        return findAll(c, str(args, 1), n).map(m => [...m].map(g => g ?? ''));
    },
    'regex.replace': (args, ctx) => {
        const s = str(args, 0);
        const c = compileRE2(str(args, 1), ctx);
        const repl = str(args, 2);
        const matches = findAll(c, s, -1);
        let out = '';
        let last = 0;
        for (const m of matches) {
            out += s.slice(last, m.index) + expand(repl, m);
            last = m.index + m[0].length;
        }
        return out + s.slice(last);
    },
    'regex.template_match': (args, ctx) => {
        const tpl = str(args, 0);
        const value = str(args, 1);
        const ds = str(args, 2);
        const de = str(args, 3);
        if ([...ds].length !== 1 || [...de].length !== 1)
            throw fail('delimiters must be single characters');
        let pattern = '';
        let i;
        let level = 0;
        let segStart = 0;
        // Like gorilla/mux: braces balance; text between delimiters is a regex, the rest literal.
        let idxStart = -1;
        for (i = 0; i < tpl.length; i++) {
            const ch = tpl[i];
            if (ch === ds) {
                if (level === 0) {
                    pattern += quoteMeta(tpl.slice(segStart, i));
                    idxStart = i + 1;
                }
                level++;
            }
            else if (ch === de) {
                level--;
                if (level === 0) {
                    pattern += '(' + tpl.slice(idxStart, i) + ')';
                    segStart = i + 1;
                }
                else if (level < 0)
                    throw fail(`unbalanced braces in ${JSON.stringify(tpl)}`);
            }
        }
        if (level !== 0)
            throw fail(`unbalanced braces in ${JSON.stringify(tpl)}`);
        pattern = '^' + pattern + quoteMeta(tpl.slice(segStart)) + '$';
        const c = compileRE2(pattern, ctx);
        return firstMatch(c, value) !== null;
    },
    'regex.globs_match': args => globsMatch(str(args, 0), str(args, 1))
};
void RegoSet;

;// CONCATENATED MODULE: ./packages/rego/src/builtins/template.ts
/** A subset of Go text/template for strings.render_template. */



const MISSING = Symbol('missing');
function tokenizeAction(src) {
    const toks = [];
    const re = /\s*("(?:[^"\\]|\\.)*"|`[^`]*`|'(?:[^'\\]|\\.)*'|:=|=|\||\(|\)|,|[^\s|(),=:]+(?::(?!=))?)/gy;
    let m;
    while ((m = re.exec(src)) !== null) {
        toks.push(m[1]);
        if (re.lastIndex >= src.length)
            break;
    }
    return toks;
}
function parseArg(tok) {
    if (tok.startsWith('"'))
        return { t: 'lit', v: JSON.parse(tok) };
    if (tok.startsWith('`'))
        return { t: 'lit', v: tok.slice(1, -1) };
    if (tok === 'true' || tok === 'false')
        return { t: 'lit', v: tok === 'true' };
    if (tok === 'nil')
        return { t: 'lit', v: null };
    if (/^-?\d/.test(tok))
        return { t: 'lit', v: Number(tok) };
    if (tok === '.')
        return { t: 'field', base: null, path: [] };
    if (tok.startsWith('.'))
        return { t: 'field', base: null, path: tok.slice(1).split('.') };
    if (tok.startsWith('$')) {
        const [base, ...path] = tok.split('.');
        return { t: 'field', base, path };
    }
    return { t: 'call', name: tok, args: [] };
}
function parsePipeline(toks) {
    const cmds = [[]];
    let i = 0;
    const parseTerm = () => {
        const tok = toks[i++];
        if (tok === '(') {
            const start = i;
            let depth = 1;
            while (i < toks.length && depth > 0) {
                if (toks[i] === '(')
                    depth++;
                else if (toks[i] === ')')
                    depth--;
                i++;
            }
            return { t: 'sub', p: parsePipeline(toks.slice(start, i - 1)) };
        }
        return parseArg(tok);
    };
    while (i < toks.length) {
        if (toks[i] === '|') {
            cmds.push([]);
            i++;
            continue;
        }
        cmds[cmds.length - 1].push(parseTerm());
    }
    return { cmds };
}
function parse(src) {
    const root = [];
    const stack = [
        { nodes: root, inElse: false }
    ];
    const cur = () => stack[stack.length - 1].nodes;
    let i = 0;
    while (i < src.length) {
        const open = src.indexOf('{{', i);
        if (open < 0) {
            cur().push({ t: 'text', s: src.slice(i) });
            break;
        }
        let text = src.slice(i, open);
        let inner = open + 2;
        if (src.startsWith('- ', inner) ||
            src.startsWith('-\t', inner) ||
            src.startsWith('-\n', inner)) {
            text = text.replace(/\s+$/, '');
            inner++;
        }
        if (text)
            cur().push({ t: 'text', s: text });
        const close = src.indexOf('}}', inner);
        if (close < 0)
            throw fail('template: unclosed action');
        let body = src.slice(inner, close);
        i = close + 2;
        if (/\s-$/.test(body)) {
            body = body.slice(0, -1);
            const m = /^\s*/.exec(src.slice(i));
            i += m[0].length;
        }
        body = body.trim();
        if (body.startsWith('/*'))
            continue;
        const toks = tokenizeAction(body);
        const kw = toks[0];
        if (kw === 'end') {
            if (stack.length < 2)
                throw fail('template: unexpected {{end}}');
            stack.pop();
            while (stack.length > 1 &&
                stack[stack.length - 1].node === undefined &&
                stack[stack.length - 1].inElse)
                stack.pop();
            continue;
        }
        if (kw === 'else') {
            const top = stack[stack.length - 1];
            if (!top.node)
                throw fail('template: unexpected {{else}}');
            top.nodes = top.node.els;
            top.inElse = true;
            if (toks[1] === 'if' || toks[1] === 'with') {
                const n = { t: toks[1], p: parsePipeline(toks.slice(2)), body: [], els: [] };
                top.nodes.push(n);
                // the chained branch shares the outer {{end}}
                stack.pop();
                stack.push({ nodes: top.node.els, node: undefined, inElse: true });
                stack.push({ nodes: n.body, node: n, inElse: false });
            }
            continue;
        }
        if (kw === 'if' || kw === 'with') {
            const n = { t: kw, p: parsePipeline(toks.slice(1)), body: [], els: [] };
            cur().push(n);
            stack.push({ nodes: n.body, node: n, inElse: false });
            continue;
        }
        if (kw === 'range') {
            let rest = toks.slice(1);
            const vars = [];
            const decl = rest.indexOf(':=');
            if (decl >= 0) {
                for (const v of rest.slice(0, decl))
                    if (v !== ',')
                        vars.push(v);
                rest = rest.slice(decl + 1);
            }
            const n = {
                t: 'range',
                p: parsePipeline(rest),
                vars,
                body: [],
                els: []
            };
            cur().push(n);
            stack.push({ nodes: n.body, node: n, inElse: false });
            continue;
        }
        if (toks[0]?.startsWith('$') && (toks[1] === ':=' || toks[1] === '=')) {
            cur().push({
                t: 'set',
                name: toks[0],
                p: parsePipeline(toks.slice(2)),
                declare: toks[1] === ':='
            });
            continue;
        }
        cur().push({ t: 'out', p: parsePipeline(toks) });
    }
    if (stack.length !== 1)
        throw fail('template: unexpected EOF');
    return root;
}
function truthy(v) {
    if (v === MISSING || v === null || v === false)
        return false;
    if (v === 0 || v === 0n || v === '')
        return false;
    if (Array.isArray(v))
        return v.length > 0;
    if (v instanceof value_RegoObject || v instanceof RegoSet)
        return v.size > 0;
    return true;
}
/** Go's %v of the JSON value OPA hands to text/template. */
function goValueString(v) {
    if (v === MISSING)
        return '<undefined>';
    if (v === null)
        return '<nil>';
    if (typeof v === 'string')
        return v;
    if (typeof v === 'boolean')
        return String(v);
    if (typeof v === 'number' || typeof v === 'bigint')
        return numberString(v);
    if (Array.isArray(v))
        return '[' + v.map(goValueString).join(' ') + ']';
    if (v instanceof RegoSet)
        return '[' + v.sorted().map(goValueString).join(' ') + ']';
    return ('map[' +
        v
            .sorted()
            .map(([k, x]) => goValueString(k) + ':' + goValueString(x))
            .join(' ') +
        ']');
}
function lookupVar(scope, name) {
    for (let i = scope.length - 1; i >= 0; i--)
        if (scope[i].has(name))
            return scope[i].get(name);
    throw fail(`template: undefined variable: ${name}`);
}
function field(v, path) {
    let cur = v;
    for (const p of path) {
        if (cur instanceof value_RegoObject) {
            const x = cur.get(p);
            cur = x === undefined ? MISSING : x;
        }
        else if (cur === MISSING)
            return MISSING;
        else
            throw fail(`template: can't evaluate field ${p}`);
    }
    return cur;
}
const FUNCS = {
    len: ([v]) => typeof v === 'string'
        ? Buffer.byteLength(v)
        : Array.isArray(v)
            ? v.length
            : v instanceof value_RegoObject || v instanceof RegoSet
                ? v.size
                : 0,
    index: ([v, ...ks]) => {
        let cur = v;
        for (const k of ks) {
            if (Array.isArray(cur))
                cur = cur[Number(k)] ?? MISSING;
            else if (cur instanceof value_RegoObject)
                cur = cur.get(k) ?? MISSING;
            else
                return MISSING;
        }
        return cur;
    },
    eq: ([a, ...bs]) => bs.some(b => a !== MISSING && b !== MISSING && equal(a, b)),
    ne: ([a, b]) => !(a !== MISSING && b !== MISSING && equal(a, b)),
    lt: ([a, b]) => compare(a, b) < 0,
    le: ([a, b]) => compare(a, b) <= 0,
    gt: ([a, b]) => compare(a, b) > 0,
    ge: ([a, b]) => compare(a, b) >= 0,
    not: ([a]) => !truthy(a),
    and: args => args.find(a => !truthy(a)) ?? args[args.length - 1],
    or: args => args.find(a => truthy(a)) ?? args[args.length - 1],
    print: args => args.map(goValueString).join(''),
    println: args => args.map(goValueString).join(' ') + '\n',
    printf: ([f, ...rest]) => sprintf(typeof f === 'string' ? f : '', rest.map(r => (r === MISSING ? null : r)))
};
function evalArg(a, dot, scope, piped) {
    switch (a.t) {
        case 'lit':
            return a.v;
        case 'field':
            return field(a.base === null ? dot : lookupVar(scope, a.base), a.path);
        case 'sub':
            return evalPipeline(a.p, dot, scope);
        case 'call': {
            const fn = FUNCS[a.name];
            if (!fn)
                throw fail(`template: function "${a.name}" not defined`);
            return fn(piped === undefined ? [] : [piped]);
        }
    }
}
function evalPipeline(p, dot, scope) {
    let prev;
    for (const cmd of p.cmds) {
        const [head, ...rest] = cmd;
        if (head.t === 'call') {
            const fn = FUNCS[head.name];
            if (!fn)
                throw fail(`template: function "${head.name}" not defined`);
            const args = rest.map(r => evalArg(r, dot, scope));
            if (prev !== undefined)
                args.push(prev);
            prev = fn(args);
        }
        else
            prev = evalArg(head, dot, scope);
    }
    return prev ?? null;
}
function exec(nodes, dot, scope, out) {
    for (const n of nodes) {
        switch (n.t) {
            case 'text':
                out.push(n.s);
                break;
            case 'out':
                out.push(goValueString(evalPipeline(n.p, dot, scope)));
                break;
            case 'set': {
                const v = evalPipeline(n.p, dot, scope);
                if (n.declare)
                    scope[scope.length - 1].set(n.name, v);
                else {
                    for (let i = scope.length - 1; i >= 0; i--)
                        if (scope[i].has(n.name)) {
                            scope[i].set(n.name, v);
                            break;
                        }
                }
                break;
            }
            case 'if':
            case 'with': {
                const v = evalPipeline(n.p, dot, scope);
                scope.push(new Map());
                if (truthy(v))
                    exec(n.body, n.t === 'with' ? v : dot, scope, out);
                else
                    exec(n.els, dot, scope, out);
                scope.pop();
                break;
            }
            case 'range': {
                const v = evalPipeline(n.p, dot, scope);
                let items = [];
                if (Array.isArray(v))
                    items = v.map((x, i) => [i, x]);
                else if (v instanceof RegoSet)
                    items = v.sorted().map((x, i) => [i, x]);
                else if (v instanceof value_RegoObject)
                    items = v.sorted();
                else if (typeof v === 'number')
                    items = Array.from({ length: v }, (_x, i) => [i, i]);
                if (items.length === 0) {
                    exec(n.els, dot, scope, out);
                    break;
                }
                for (const [k, x] of items) {
                    const frame = new Map();
                    if (n.vars.length === 1)
                        frame.set(n.vars[0], x);
                    else if (n.vars.length === 2) {
                        frame.set(n.vars[0], k);
                        frame.set(n.vars[1], x);
                    }
                    scope.push(frame);
                    exec(n.body, x, scope, out);
                    scope.pop();
                }
                break;
            }
        }
    }
}
function renderTemplate(src, vars) {
    const out = [];
    exec(parse(src), vars, [new Map([['$', vars]])], out);
    return out.join('');
}

;// CONCATENATED MODULE: ./packages/rego/src/builtins/strings.ts
/** String builtins (Go strings package semantics over runes). */





const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const TRIM_SPACE = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'g');
function runeIndex(s, codeUnitIndex) {
    return [...s.slice(0, codeUnitIndex)].length;
}
function trimLeftSet(s, cut) {
    const cs = new Set(cut);
    const r = [...s];
    let i = 0;
    while (i < r.length && cs.has(r[i]))
        i++;
    return r.slice(i).join('');
}
function trimRightSet(s, cut) {
    const cs = new Set(cut);
    const r = [...s];
    let j = r.length;
    while (j > 0 && cs.has(r[j - 1]))
        j--;
    return r.slice(0, j).join('');
}
function isASCII(s) {
    for (let i = 0; i < s.length; i++)
        if (s.charCodeAt(i) >= 0x80)
            return false;
    return true;
}
/** Go strings.ToUpper: simple (one-to-one) case mapping per rune. */
function goUpper(s) {
    if (isASCII(s))
        return s.toUpperCase();
    let out = '';
    for (const ch of s) {
        const u = ch.toUpperCase();
        out += [...u].length === 1 ? u : ch;
    }
    return out;
}
/** Go strings.ToLower: simple (one-to-one) case mapping per rune. */
function goLower(s) {
    if (isASCII(s))
        return s.toLowerCase();
    let out = '';
    for (const ch of s) {
        const l = ch.toLowerCase();
        out += [...l].length === 1 ? l : String.fromCodePoint(l.codePointAt(0));
    }
    return out;
}
/** Go strings.Split. */
function goSplit(s, sep) {
    if (sep === '')
        return [...s];
    return s.split(sep);
}
/** Go strings.ReplaceAll. */
function goReplaceAll(s, old, rep) {
    if (old === '')
        return rep + [...s].map(c => c + rep).join('');
    return s.split(old).join(rep);
}
function stringsOrCollection(args, i) {
    const v = args[i];
    if (typeof v === 'string')
        return [v];
    if (Array.isArray(v))
        return strings(v, i + 1, 'array');
    if (v instanceof RegoSet)
        return strings(v.sorted(), i + 1, 'set');
    throw oneOfErr(i + 1, ['string', 'set', 'array'], v);
}
function countSubstr(s, sub) {
    if (sub === '')
        return [...s].length + 1;
    let n = 0;
    let i = 0;
    for (;;) {
        const j = s.indexOf(sub, i);
        if (j < 0)
            return n;
        n++;
        i = j + sub.length;
    }
}
const stringBuiltins = {
    contains: args => str(args, 0).includes(str(args, 1)),
    startswith: args => str(args, 0).startsWith(str(args, 1)),
    endswith: args => str(args, 0).endsWith(str(args, 1)),
    lower: args => goLower(str(args, 0)),
    upper: args => goUpper(str(args, 0)),
    indexof: args => {
        const s = str(args, 0);
        const i = s.indexOf(str(args, 1));
        return i < 0 ? -1 : runeIndex(s, i);
    },
    indexof_n: args => {
        const s = str(args, 0);
        const sub = str(args, 1);
        const out = [];
        let i = 0;
        for (;;) {
            const j = s.indexOf(sub, i);
            if (j < 0 || j > s.length)
                break;
            out.push(runeIndex(s, j));
            i = j + Math.max(1, sub.length > 0 ? (s.codePointAt(j) > 0xffff ? 2 : 1) : 1);
            if (sub === '' && j >= s.length)
                break;
        }
        return out;
    },
    split: args => goSplit(str(args, 0), str(args, 1)),
    'strings.split_n': args => {
        const s = str(args, 0);
        const sep = str(args, 1);
        const n = Number(args_int(args, 2));
        const parts = goSplit(s, sep);
        if (s === '' && sep === '')
            parts.push('');
        if (n === 0)
            return [];
        return n > 0 ? parts.slice(0, n) : parts.slice(Math.max(parts.length + n, 0));
    },
    replace: args => goReplaceAll(str(args, 0), str(args, 1), str(args, 2)),
    'strings.replace_n': args => {
        const pats = obj(args, 0);
        const s = str(args, 1);
        const pairs = [];
        for (const [k, v] of pats.sorted()) {
            if (typeof k !== 'string')
                throw new BuiltinTypeError('operand 1 non-string key found in pattern object');
            if (typeof v !== 'string')
                throw new BuiltinTypeError('operand 1 non-string value found in pattern object');
            pairs.push([k, v]);
        }
        let out = '';
        let i = 0;
        while (i <= s.length) {
            let matched = false;
            for (const [k, v] of pairs) {
                if (k !== '' && s.startsWith(k, i)) {
                    out += v;
                    i += k.length;
                    matched = true;
                    break;
                }
            }
            if (matched)
                continue;
            const empty = pairs.find(([k]) => k === '');
            if (empty)
                out += empty[1];
            if (i >= s.length)
                break;
            const cp = s.codePointAt(i);
            const ch = String.fromCodePoint(cp);
            out += ch;
            i += ch.length;
        }
        return out;
    },
    'strings.count': args => countSubstr(str(args, 0), str(args, 1)),
    'strings.reverse': args => [...str(args, 0)].reverse().join(''),
    'strings.any_prefix_match': args => {
        const a = stringsOrCollection(args, 0);
        const b = stringsOrCollection(args, 1);
        return a.some(s => b.some(p => s.startsWith(p)));
    },
    'strings.any_suffix_match': args => {
        const a = stringsOrCollection(args, 0);
        const b = stringsOrCollection(args, 1);
        return a.some(s => b.some(p => s.endsWith(p)));
    },
    substring: args => {
        const s = str(args, 0);
        const start = Number(args_int(args, 1));
        const len = Number(args_int(args, 2));
        if (start < 0)
            throw fail('negative offset');
        const r = [...s];
        if (start >= r.length)
            return '';
        if (len < 0)
            return r.slice(start).join('');
        return r.slice(start, start + len).join('');
    },
    trim: args => {
        const cut = str(args, 1);
        return trimRightSet(trimLeftSet(str(args, 0), cut), cut);
    },
    trim_left: args => trimLeftSet(str(args, 0), str(args, 1)),
    trim_right: args => trimRightSet(str(args, 0), str(args, 1)),
    trim_prefix: args => {
        const s = str(args, 0);
        const p = str(args, 1);
        return s.startsWith(p) ? s.slice(p.length) : s;
    },
    trim_suffix: args => {
        const s = str(args, 0);
        const p = str(args, 1);
        return p !== '' && s.endsWith(p) ? s.slice(0, s.length - p.length) : s;
    },
    trim_space: args => str(args, 0).replace(TRIM_SPACE, ''),
    sprintf: args => {
        const f = str(args, 0);
        const v = args[1];
        if (!Array.isArray(v))
            throw typeErr(2, 'array', v);
        return sprintf(f, v);
    },
    'strings.render_template': args => {
        const t = str(args, 0);
        const vars = obj(args, 1);
        return renderTemplate(t, vars);
    },
    'internal.template_string': args => {
        const parts = args[0];
        if (!Array.isArray(parts))
            throw typeErr(1, 'array', parts);
        return parts.map(templatePart).join('');
    }
};
/**
 * One part of a template string: literal text is a string; each interpolated expression arrives as
 * the set of its values (OPA compiles `{expr}` to a set comprehension), empty when undefined.
 */
function templatePart(v) {
    if (typeof v === 'string')
        return v;
    if (v instanceof RegoSet) {
        if (v.size === 0)
            return '<undefined>';
        if (v.size === 1) {
            const [x] = v.values();
            return typeof x === 'string' ? x : regoString(x);
        }
        throw fail('template-strings must not produce multiple outputs');
    }
    return regoString(v);
}

;// CONCATENATED MODULE: ./packages/rego/src/builtins/time.ts
/** time.* builtins. */



const MIN_NS = -9223372036854775808n;
const MAX_NS = 9223372036854775807n;
function inRange(ns) {
    if (ns < MIN_NS || ns > MAX_NS)
        throw fail('time outside of valid range');
    return ns;
}
/** ns operand: a number, or [ns, tz] / [ns, tz, layout]. */
function timeArg(args, i, allowLayout = false) {
    const v = args[i];
    let n;
    let tz = 'UTC';
    let layout;
    if (isNum(v))
        n = v;
    else if (Array.isArray(v)) {
        const max = allowLayout ? 3 : 2;
        if (v.length < 1 || v.length > max)
            throw fail(`operand ${i + 1} expected array of length 2${allowLayout ? ' or 3' : ''} but got ${v.length}`);
        n = v[0];
        if (!isNum(n))
            throw typeErr(i + 1, 'number', n);
        if (v.length >= 2) {
            if (typeof v[1] !== 'string')
                throw typeErr(i + 1, 'string', v[1]);
            tz = v[1];
        }
        if (v.length === 3) {
            if (typeof v[2] !== 'string')
                throw typeErr(i + 1, 'string', v[2]);
            layout = v[2];
        }
    }
    else
        throw oneOfErr(i + 1, ['number', 'array'], v);
    const b = typeof n === 'bigint' ? n : Number.isInteger(n) ? BigInt(n) : BigInt(Math.trunc(n));
    if (b < MIN_NS || b > MAX_NS || (typeof n === 'number' && Math.abs(n) > 9.3e18))
        throw fail('timestamp too big');
    return { ns: b, tz: checkZone(tz), layout };
}
function layoutOf(l) {
    return NAMED_LAYOUTS[l] ?? l;
}
function daysIn(year, month) {
    return [
        31,
        year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31
    ][month - 1];
}
const timeBuiltins = {
    'time.now_ns': (_args, ctx) => normInt(ctx.now),
    'time.parse_ns': args => normInt(inRange(parseLayout(layoutOf(str(args, 0)), str(args, 1)))),
    'time.parse_rfc3339_ns': args => normInt(inRange(parseLayout(NAMED_LAYOUTS.RFC3339, str(args, 0)))),
    'time.parse_duration_ns': args => normInt(parseDuration(str(args, 0))),
    'time.date': args => {
        const { ns, tz } = timeArg(args, 0);
        const c = toCivil(ns, tz);
        return [c.year, c.month, c.day];
    },
    'time.clock': args => {
        const { ns, tz } = timeArg(args, 0);
        const c = toCivil(ns, tz);
        return [c.hour, c.min, c.sec];
    },
    'time.weekday': args => {
        const { ns, tz } = timeArg(args, 0);
        return WEEKDAYS[toCivil(ns, tz).weekday];
    },
    'time.format': args => {
        const { ns, tz, layout } = timeArg(args, 0, true);
        return formatLayout(toCivil(ns, tz), layoutOf(layout ?? 'RFC3339Nano'));
    },
    'time.add_date': args => {
        const n = num(args, 0);
        const ns = BigInt(typeof n === 'bigint' ? n : Math.trunc(n));
        const y = Number(args_int(args, 1));
        const m = Number(args_int(args, 2));
        const d = Number(args_int(args, 3));
        if (ns < MIN_NS || ns > MAX_NS)
            throw fail('timestamp too big');
        const c = toCivil(ns, 'UTC');
        return normInt(inRange(fromCivil(c.year + y, c.month + m, c.day + d, c.hour, c.min, c.sec, c.nsec, 'UTC')));
    },
    'time.diff': args => {
        const a = timeArg(args, 0);
        const b = timeArg(args, 1);
        let t1 = toCivil(a.ns, a.tz);
        let t2;
        // Make t1 the earlier instant; compare in t1's location as OPA does.
        if (a.ns > b.ns) {
            t1 = toCivil(b.ns, b.tz);
            t2 = toCivil(a.ns, b.tz);
        }
        else
            t2 = toCivil(b.ns, a.tz);
        let year = t2.year - t1.year;
        let month = t2.month - t1.month;
        let day = t2.day - t1.day;
        let hour = t2.hour - t1.hour;
        let min = t2.min - t1.min;
        let sec = t2.sec - t1.sec;
        if (sec < 0) {
            sec += 60;
            min--;
        }
        if (min < 0) {
            min += 60;
            hour--;
        }
        if (hour < 0) {
            hour += 24;
            day--;
        }
        if (day < 0) {
            day += daysIn(t1.year, t1.month);
            month--;
        }
        if (month < 0) {
            month += 12;
            year--;
        }
        return [year, month, day, hour, min, sec];
    }
};
void value_RegoObject;

;// CONCATENATED MODULE: ./packages/rego/src/builtins/units.ts
/** units.parse / units.parse_bytes with exact decimal arithmetic. */

const SI = { k: 1, m: 2, g: 3, t: 4, p: 5, e: 6 };
function parseAmount(name, s, what) {
    if (/\s/.test(s))
        throw fail(`${name}: spaces not allowed in resource strings`);
    const m = /^([+-]?[0-9.]*)((?:[eE][+-]?[0-9]+)?)(.*)$/.exec(s);
    const mant = m[1];
    if (mant === '' || mant === '+' || mant === '-' || mant === '.')
        throw fail(`${name}: no ${what} provided`);
    const mm = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(mant);
    if (!mm || (mm[2] === '' && (mm[3] ?? '') === ''))
        throw fail(`${name}: could not parse ${what} to a number`);
    const exp = m[2] ? Number(m[2].slice(1)) : 0;
    if (Math.abs(exp) > 1000)
        throw fail(`${name}: exponent too large`);
    const frac = mm[3] ?? '';
    let n = BigInt((mm[2] || '0') + frac);
    if (mm[1] === '-')
        n = -n;
    let d = 10n ** BigInt(frac.length);
    if (exp >= 0)
        n *= 10n ** BigInt(exp);
    else
        d *= 10n ** BigInt(-exp);
    return { amount: { n, d }, unit: m[3] };
}
function gcd(a, b) {
    a = a < 0n ? -a : a;
    while (b)
        [a, b] = [b, a % b];
    return a;
}
function ratToNum(r) {
    const g = gcd(r.n, r.d) || 1n;
    const n = r.n / g;
    const d = r.d / g;
    if (d === 1n)
        return normInt(n);
    // decimal expansion to ~20 significant digits, then to float
    const neg = n < 0n;
    const an = neg ? -n : n;
    const int = an / d;
    let rem = an % d;
    let digits = '';
    for (let i = 0; i < 40 && rem !== 0n; i++) {
        rem *= 10n;
        digits += (rem / d).toString();
        rem %= d;
    }
    return Number(`${neg ? '-' : ''}${int}.${digits}`);
}
const unitBuiltins = {
    'units.parse': args => {
        const s = str(args, 0).replace(/"/g, '');
        const { amount, unit } = parseAmount('units.parse', s, 'amount');
        let mul;
        if (unit === '')
            mul = { n: 1n, d: 1n };
        else if (unit === 'm')
            mul = { n: 1n, d: 1000n };
        else {
            const u = unit.toLowerCase();
            const base = SI[u[0]];
            if (base === undefined || (u.length > 1 && u.slice(1) !== 'i'))
                throw fail(`units.parse: unknown unit ${unit}`);
            mul = { n: u.length === 2 ? 1024n ** BigInt(base) : 1000n ** BigInt(base), d: 1n };
        }
        return ratToNum({ n: amount.n * mul.n, d: amount.d * mul.d });
    },
    'units.parse_bytes': args => {
        const s = str(args, 0).replace(/"/g, '');
        const { amount, unit } = parseAmount('units.parse_bytes', s, 'byte amount');
        const u = unit.toLowerCase();
        let mul = 1n;
        if (u !== '' && u !== 'b') {
            const base = SI[u[0]];
            const rest = u.slice(1);
            if (base === undefined || !['', 'b', 'i', 'ib'].includes(rest))
                throw fail(`units.parse_bytes: byte unit ${unit} not recognized`);
            mul = rest.startsWith('i') ? 1024n ** BigInt(base) : 1000n ** BigInt(base);
        }
        return normInt((amount.n * mul) / amount.d);
    }
};

;// CONCATENATED MODULE: ./packages/rego/src/builtins/index.ts

















/** Rego term syntax of a value (OPA's Term.String()), e.g. for print. */

const builtins_all = [
    numberBuiltins,
    collectionBuiltins,
    stringBuiltins,
    regexBuiltins,
    globBuiltins,
    encodingBuiltins,
    timeBuiltins,
    unitBuiltins,
    netBuiltins,
    miscBuiltins,
    cryptoBuiltins,
    jwtBuiltins,
    graphqlBuiltins,
    jsonPathBuiltins,
    uriBuiltins,
    awsBuiltins
];
const map = new Map();
for (const group of builtins_all)
    for (const [name, fn] of Object.entries(group))
        map.set(name, fn);
const BUILTINS = map;

;// CONCATENATED MODULE: ./packages/rego/src/format.ts
/** Rego term syntax for values (OPA's Value.String()). */

function formatValue(v) {
    if (v === null)
        return 'null';
    switch (typeof v) {
        case 'boolean':
            return v ? 'true' : 'false';
        case 'number':
            return formatNumber(v);
        case 'bigint':
            return v.toString();
        case 'string':
            return JSON.stringify(v);
        default:
            if (Array.isArray(v))
                return '[' + v.map(formatValue).join(', ') + ']';
            if (v instanceof RegoSet)
                return v.size === 0 ? 'set()' : '{' + v.sorted().map(formatValue).join(', ') + '}';
            if (v instanceof value_RegoObject)
                return ('{' +
                    v
                        .sorted()
                        .map(([k, x]) => formatValue(k) + ': ' + formatValue(x))
                        .join(', ') +
                    '}');
            return String(v);
    }
}
function formatNumber(n) {
    if (Number.isInteger(n) && Math.abs(n) < 1e21)
        return n.toFixed(0);
    return String(n);
}

;// CONCATENATED MODULE: ./packages/rego/src/eval.ts






const DEFAULT_MAX_STEPS = 20_000_000;
class eval_Evaluator {
    input;
    data;
    overrides = null;
    overridePrefixes = null;
    mocks = null;
    /** evaluated documents: per rule node, and per constant `data.…` ref term (null: undefined) */
    cache = new Map();
    inProgress = new Set();
    steps = 0;
    maxSteps;
    deadline;
    bctx;
    strict;
    depth = 0;
    currentRule;
    root;
    opts;
    constructor(root, opts) {
        this.root = root;
        this.opts = opts;
        this.input = opts.input;
        this.data = opts.data;
        this.strict = opts.strictBuiltinErrors === true;
        this.maxSteps = opts.maxSteps ?? DEFAULT_MAX_STEPS;
        this.deadline = opts.timeoutMs ? Date.now() + opts.timeoutMs : 0;
        const now = opts.now ?? BigInt(Date.now()) * 1000000n;
        this.bctx = { now, strictBuiltinErrors: this.strict, cache: new Map() };
    }
    /** start a new evaluation on this evaluator (the virtual-document cache is kept) */
    resetLimits() {
        this.steps = 0;
        this.deadline = this.opts.timeoutMs ? Date.now() + this.opts.timeoutMs : 0;
    }
    tick(t) {
        if (++this.steps > this.maxSteps)
            throw new errors_RegoError('eval_limit_error', `evaluation exceeded the limit of ${this.maxSteps} steps`, pos(t.loc));
        if (this.deadline && (this.steps & 0xfff) === 0 && Date.now() > this.deadline)
            throw new errors_RegoError('eval_limit_error', `evaluation exceeded the time limit`, pos(t.loc));
    }
    // ---------------------------------------------------------------- bodies
    /**
     * Evaluates body[i..] then k. Expressions that cannot iterate (filters such as `x.y == 1`,
     * `startswith(s, "a")`, and `v := <term>` on a fresh var) are evaluated in a loop without
     * continuations; the first one that may iterate continues through evalExprInner.
     */
    evalBody(body, i, f, k) {
        let bound = null;
        let r;
        for (;;) {
            if (i === body.length) {
                r = k();
                break;
            }
            const e = body[i];
            if (e.k !== 'term' || e.withs.length !== 0) {
                const j = i;
                r = this.evalExpr(e, f, () => this.evalBody(body, j + 1, f, k));
                break;
            }
            this.tick(e);
            const x = this.fastExpr(e.term, f);
            if (x === SLOW) {
                const j = i;
                r = this.evalExprInner(e, f, () => this.evalBody(body, j + 1, f, k));
                break;
            }
            if (x === false) {
                r = false;
                break;
            }
            if (x !== true)
                (bound ??= []).push(x);
            i++;
        }
        if (bound !== null)
            for (const n of bound)
                f.delete(n);
        return r;
    }
    /**
     * An expression term evaluated directly: true (holds), false (fails or undefined), the name of
     * a var it bound (holds), or SLOW when it may iterate or needs the general path.
     */
    fastExpr(t, f) {
        if (t.t === 'call') {
            if (t.fn === 'eq' || t.fn === 'assign') {
                const a = t.args[0];
                const b = t.args[1];
                if (this.isUnboundVar(a, f)) {
                    const d = this.direct(b, f);
                    if (d === NOT_DIRECT)
                        return SLOW;
                    if (d === UNDEF)
                        return false;
                    const name = a.name;
                    f.set(name, d);
                    return name;
                }
                if (this.isUnboundVar(b, f)) {
                    const d = this.direct(a, f);
                    if (d === NOT_DIRECT)
                        return SLOW;
                    if (d === UNDEF)
                        return false;
                    const name = b.name;
                    f.set(name, d);
                    return name;
                }
                if (this.hasUnbound(a, f) || this.hasUnbound(b, f))
                    return SLOW;
                const da = this.direct(a, f);
                if (da === NOT_DIRECT)
                    return SLOW;
                if (da === UNDEF)
                    return false;
                const db = this.direct(b, f);
                if (db === NOT_DIRECT)
                    return SLOW;
                if (db === UNDEF)
                    return false;
                return equal(da, db);
            }
            const ar = this.arity(t.fn);
            if (ar !== undefined && ar >= 0 && t.args.length === ar + 1)
                return SLOW;
        }
        const d = this.direct(t, f);
        if (d === NOT_DIRECT)
            return SLOW;
        return d !== UNDEF && d !== false;
    }
    evalExpr(e, f, k, rec) {
        this.tick(e);
        if (e.withs.length)
            return this.evalWith(e, f, k, rec);
        return this.evalExprInner(e, f, k, rec);
    }
    evalExprInner(e, f, k, rec) {
        switch (e.k) {
            case 'term': {
                const t = e.term;
                if (t.t === 'call') {
                    if (t.fn === 'eq' || t.fn === 'assign') {
                        if (rec)
                            rec(true);
                        return this.unify(t.args[0], t.args[1], f, k);
                    }
                    const ar = this.arity(t.fn);
                    if (ar !== undefined && ar >= 0 && t.args.length === ar + 1) {
                        // last argument is the output
                        return this.evalCallArgs(t, t.args.slice(0, ar), f, v => {
                            if (rec)
                                rec(true);
                            return this.unifyVal(t.args[ar], v, f, k);
                        });
                    }
                }
                return this.evalTerm(t, f, v => {
                    if (v === false)
                        return false;
                    if (rec)
                        rec(v);
                    return k();
                });
            }
            case 'some':
                return k();
            case 'somein':
                return this.evalTerm(e.domain, f, d => this.iterate(d, (key, val) => {
                    if (e.key)
                        return this.unifyVal(e.key, key, f, () => this.unifyVal(e.value, val, f, k));
                    return this.unifyVal(e.value, val, f, k);
                }));
            case 'every':
                return this.evalTerm(e.domain, f, d => {
                    if (d === null || typeof d !== 'object')
                        return false;
                    let ok = true;
                    this.iterate(d, (key, val) => {
                        const bind = (kk) => e.key
                            ? this.unifyVal(e.key, key, f, () => this.unifyVal(e.value, val, f, kk))
                            : this.unifyVal(e.value, val, f, kk);
                        let found = false;
                        bind(() => {
                            found = this.evalBody(e.body, 0, f, () => true) || found;
                            return true;
                        });
                        if (!found)
                            ok = false;
                        return !ok;
                    });
                    return ok ? k() : false;
                });
            case 'not': {
                const found = this.evalExpr(e.expr, f, () => true);
                if (found)
                    return false;
                if (rec)
                    rec(true);
                return k();
            }
            case 'or': {
                // each operand is evaluated once, its bindings stay local
                for (const alt of e.alts)
                    if (this.evalBody(alt, 0, f, () => true)) {
                        if (rec)
                            rec(true);
                        return k();
                    }
                return false;
            }
        }
    }
    evalWith(e, f, k, rec) {
        const vals = [];
        const go = (i) => {
            if (i < e.withs.length) {
                const w = e.withs[i];
                if (w.value.t === 'call' && w.value.loc.file === '$fnref') {
                    vals[i] = w.value.fn;
                    return go(i + 1);
                }
                return this.evalTerm(w.value, f, v => {
                    vals[i] = v;
                    return go(i + 1);
                });
            }
            const saved = this.saveCtx();
            for (let j = 0; j < e.withs.length; j++) {
                const w = e.withs[j];
                const v = vals[j];
                const isFnRef = w.value.t === 'call' && w.value.loc.file === '$fnref';
                if (w.target.t === 'val') {
                    // function mock
                    const name = w.target.v;
                    this.mocks = new Map(this.mocks ?? []);
                    this.mocks.set(name, isFnRef ? { fn: v } : { value: v });
                    continue;
                }
                const path = targetPath(w.target);
                if (path[0] === 'input')
                    this.input = setPath(this.input, path.slice(1), v);
                else {
                    const fnNode = this.root.lookup(path.slice(1));
                    if (fnNode?.isFunction) {
                        this.mocks = new Map(this.mocks ?? []);
                        this.mocks.set(path.join('.'), isFnRef ? { fn: v } : { value: v });
                        continue;
                    }
                    this.overrides = new Map(this.overrides ?? []);
                    const keyStr = path.slice(1).join('\u0000');
                    for (const kk of [...this.overrides.keys()])
                        if (kk.startsWith(keyStr + '\u0000'))
                            this.overrides.delete(kk);
                    this.overrides.set(keyStr, v);
                    this.overridePrefixes = new Set();
                    for (const kk of this.overrides.keys()) {
                        const parts = kk === '' ? [] : kk.split('\u0000');
                        for (let n = 0; n < parts.length; n++)
                            this.overridePrefixes.add(parts.slice(0, n).join('\u0000'));
                    }
                }
            }
            this.cache = new Map();
            const inner = this.saveCtx();
            const r = this.evalExprInner(e, f, () => {
                this.restoreCtx(saved);
                const r2 = k();
                this.restoreCtx(inner);
                return r2;
            }, rec);
            this.restoreCtx(saved);
            return r;
        };
        return go(0);
    }
    saveCtx() {
        return [this.input, this.overrides, this.overridePrefixes, this.mocks, this.cache];
    }
    restoreCtx(s) {
        ;
        [this.input, this.overrides, this.overridePrefixes, this.mocks, this.cache] = s;
    }
    // ---------------------------------------------------------------- unification
    isUnboundVar(t, f) {
        return t.t === 'var' && !f.has(t.name) && t.name !== 'input' && t.name !== 'data';
    }
    hasUnbound(t, f) {
        switch (t.t) {
            case 'var':
                return this.isUnboundVar(t, f);
            case 'array':
            case 'set':
                return t.items.some(x => this.hasUnbound(x, f));
            case 'object':
                return t.pairs.some(([, v]) => this.hasUnbound(v, f));
            default:
                return false;
        }
    }
    bind(name, v, f, k) {
        f.set(name, v);
        const r = k();
        f.delete(name);
        return r;
    }
    unify(a, b, f, k) {
        if (this.isUnboundVar(a, f)) {
            if (this.isUnboundVar(b, f))
                throw new errors_RegoError('rego_unsafe_var_error', `var ${displayVar(a.t === 'var' ? a.name : '')} is unsafe`, pos(a.loc));
            const name = a.name;
            return this.evalTerm(b, f, v => this.bind(name, v, f, k));
        }
        if (this.isUnboundVar(b, f)) {
            const name = b.name;
            return this.evalTerm(a, f, v => this.bind(name, v, f, k));
        }
        if (a.t === 'array' && b.t === 'array') {
            if (a.items.length !== b.items.length)
                return false;
            const go = (i) => i === a.items.length ? k() : this.unify(a.items[i], b.items[i], f, () => go(i + 1));
            return go(0);
        }
        if (a.t === 'object' && b.t === 'object' && (this.hasUnbound(a, f) || this.hasUnbound(b, f))) {
            if (a.pairs.length !== b.pairs.length)
                return false;
            return this.evalObjectKeys(a.pairs, f, ka => this.evalObjectKeys(b.pairs, f, kb => {
                const idx = new Map();
                const kbObj = new value_RegoObject();
                kb.forEach((kv, i) => {
                    kbObj.set(kv, i);
                    idx.set(String(i), i);
                });
                const order = [];
                for (let i = 0; i < ka.length; i++) {
                    const j = kbObj.get(ka[i]);
                    if (j === undefined)
                        return false;
                    order.push([a.pairs[i][1], b.pairs[j][1]]);
                }
                const go = (i) => i === order.length ? k() : this.unify(order[i][0], order[i][1], f, () => go(i + 1));
                return go(0);
            }));
        }
        if (this.hasUnbound(a, f))
            return this.evalTerm(b, f, v => this.unifyVal(a, v, f, k));
        return this.evalTerm(a, f, v => this.unifyVal(b, v, f, k));
    }
    evalObjectKeys(pairs, f, k) {
        const keys = [];
        const go = (i) => i === pairs.length
            ? k(keys.slice())
            : this.evalTerm(pairs[i][0], f, kv => {
                keys[i] = kv;
                return go(i + 1);
            });
        return go(0);
    }
    unifyVal(t, v, f, k) {
        switch (t.t) {
            case 'var': {
                if (t.name === 'input' || t.name === 'data')
                    return this.evalTerm(t, f, tv => equal(tv, v) && k());
                const b = f.get(t.name);
                if (b === undefined)
                    return this.bind(t.name, v, f, k);
                return equal(b, v) && k();
            }
            case 'val':
                return equal(t.v, v) && k();
            case 'array': {
                if (!Array.isArray(v) || v.length !== t.items.length)
                    return false;
                const go = (i) => i === v.length ? k() : this.unifyVal(t.items[i], v[i], f, () => go(i + 1));
                return go(0);
            }
            case 'object': {
                if (!(v instanceof value_RegoObject) || v.size !== t.pairs.length)
                    return false;
                if (!this.hasUnbound(t, f))
                    return this.evalTerm(t, f, tv => equal(tv, v) && k());
                const go = (i) => {
                    if (i === t.pairs.length)
                        return k();
                    return this.evalTerm(t.pairs[i][0], f, kv => {
                        const c = v.get(kv);
                        if (c === undefined)
                            return false;
                        return this.unifyVal(t.pairs[i][1], c, f, () => go(i + 1));
                    });
                };
                return go(0);
            }
            case 'set': {
                if (!(v instanceof RegoSet))
                    return false;
                if (!this.hasUnbound(t, f))
                    return this.evalTerm(t, f, tv => equal(tv, v) && k());
                // sets with unbound vars: match ground members, then bind the rest positionally (sorted)
                if (v.size !== t.items.length)
                    return false;
                const members = v.sorted();
                const go = (i, used) => {
                    if (i === t.items.length)
                        return k();
                    for (let j = 0; j < members.length; j++) {
                        if (used.has(j))
                            continue;
                        used.add(j);
                        const r = this.unifyVal(t.items[i], members[j], f, () => go(i + 1, used));
                        used.delete(j);
                        if (r)
                            return true;
                    }
                    return false;
                };
                return go(0, new Set());
            }
            default:
                return this.evalTerm(t, f, tv => equal(tv, v) && k());
        }
    }
    // ---------------------------------------------------------------- terms
    evalTerm(t, f, k) {
        switch (t.t) {
            case 'val':
                return k(t.v);
            case 'var': {
                const v = f.get(t.name);
                if (v !== undefined)
                    return k(v);
                if (t.name === 'input')
                    return this.input === undefined ? false : k(this.input);
                if (t.name === 'data')
                    return this.walkData([], f, k);
                throw new errors_RegoError('rego_unsafe_var_error', `var ${displayVar(t.name)} is unsafe`, pos(t.loc));
            }
            case 'ref': {
                const d = this.direct(t, f);
                if (d === NOT_DIRECT)
                    return this.evalRef(t, f, k);
                return d === UNDEF ? false : k(d);
            }
            case 'array': {
                if (t.items.length === 0)
                    return k([]);
                const d = this.direct(t, f);
                if (d !== NOT_DIRECT)
                    return d === UNDEF ? false : k(d);
                const acc = new Array(t.items.length);
                const go = (i) => i === t.items.length
                    ? k(acc.slice())
                    : this.evalTerm(t.items[i], f, v => {
                        acc[i] = v;
                        return go(i + 1);
                    });
                return go(0);
            }
            case 'set': {
                const d = this.direct(t, f);
                if (d !== NOT_DIRECT)
                    return d === UNDEF ? false : k(d);
                const acc = new Array(t.items.length);
                const go = (i) => i === t.items.length
                    ? k(new RegoSet(acc))
                    : this.evalTerm(t.items[i], f, v => {
                        acc[i] = v;
                        return go(i + 1);
                    });
                return go(0);
            }
            case 'object': {
                const d = this.direct(t, f);
                if (d !== NOT_DIRECT)
                    return d === UNDEF ? false : k(d);
                const acc = new Array(t.pairs.length);
                const go = (i) => i === t.pairs.length
                    ? k(new value_RegoObject(acc))
                    : this.evalTerm(t.pairs[i][0], f, kv => this.evalTerm(t.pairs[i][1], f, vv => {
                        acc[i] = [kv, vv];
                        return go(i + 1);
                    }));
                return go(0);
            }
            case 'call': {
                const d = this.direct(t, f);
                if (d === NOT_DIRECT)
                    return this.evalCallArgs(t, t.args, f, k);
                return d === UNDEF ? false : k(d);
            }
            case 'acomp': {
                const out = [];
                this.evalBody(t.body, 0, f, () => this.evalTerm(t.term, f, v => {
                    out.push(v);
                    return false;
                }));
                return k(out);
            }
            case 'scomp': {
                const out = new RegoSet();
                this.evalBody(t.body, 0, f, () => this.evalTerm(t.term, f, v => {
                    out.add(v);
                    return false;
                }));
                return k(out);
            }
            case 'ocomp': {
                const out = new value_RegoObject();
                this.evalBody(t.body, 0, f, () => this.evalTerm(t.key, f, kv => this.evalTerm(t.value, f, vv => {
                    const prev = out.get(kv);
                    if (prev !== undefined && !equal(prev, vv))
                        throw new errors_RegoError('eval_conflict_error', 'object keys must be unique', pos(t.loc));
                    out.set(kv, vv);
                    return false;
                })));
                return k(out);
            }
            case 'template': {
                let s = '';
                for (const p of t.parts) {
                    if (typeof p === 'string') {
                        s += p;
                        continue;
                    }
                    let val;
                    let n = 0;
                    this.evalExpr(p, f, () => {
                        n++;
                        return false;
                    }, v => {
                        if (val === undefined)
                            val = v;
                        else if (!equal(val, v))
                            throw new errors_RegoError('eval_conflict_error', 'template expression produced multiple outputs', pos(t.loc));
                    });
                    s +=
                        n === 0 || val === undefined
                            ? '<undefined>'
                            : typeof val === 'string'
                                ? val
                                : formatValue(val);
                }
                return k(s);
            }
        }
    }
    /**
     * Evaluates a term that yields at most one value without continuations (the common case:
     * constant lookups, builtin calls on bound values). NOT_DIRECT when the term may iterate.
     */
    direct(t, f) {
        switch (t.t) {
            case 'val':
                return t.v;
            case 'var': {
                const v = f.get(t.name);
                if (v !== undefined)
                    return v;
                if (t.name === 'input')
                    return this.input === undefined ? UNDEF : this.input;
                return NOT_DIRECT;
            }
            case 'ref': {
                const h = t.head;
                if (h.t === 'var' && h.name === 'data') {
                    let constant = this.overrides === null;
                    for (const p of t.path)
                        if (p.t !== 'val') {
                            if (!(p.t === 'var' && f.has(p.name)))
                                return NOT_DIRECT;
                            constant = false;
                        }
                    if (constant) {
                        // a constant ref (`data.lib.pod_spec`) has one value per evaluation context
                        const c = this.cache.get(t);
                        if (c !== undefined)
                            return c === null ? UNDEF : c;
                    }
                    let out;
                    this.walkData(t.path, f, v => {
                        out = v;
                        return true;
                    });
                    if (constant)
                        this.cache.set(t, out === undefined ? null : out);
                    return out === undefined ? UNDEF : out;
                }
                let cur = this.direct(h, f);
                if (cur === NOT_DIRECT || cur === UNDEF)
                    return cur;
                for (const p of t.path) {
                    let kv;
                    if (p.t === 'val')
                        kv = p.v;
                    else if (p.t === 'var') {
                        const b = f.get(p.name);
                        if (b === undefined)
                            return NOT_DIRECT;
                        kv = b;
                    }
                    else {
                        kv = this.direct(p, f);
                        if (kv === NOT_DIRECT || kv === UNDEF)
                            return kv;
                    }
                    const c = lookupPlain(cur, kv);
                    if (c === undefined)
                        return UNDEF;
                    cur = c;
                }
                return cur;
            }
            case 'call': {
                const fn = t.fn;
                if (fn === 'eq' ||
                    fn === 'assign' ||
                    fn === 'walk' ||
                    fn === 'print' ||
                    fn === 'internal.print')
                    return NOT_DIRECT;
                const vals = new Array(t.args.length);
                for (let i = 0; i < t.args.length; i++) {
                    const d = this.direct(t.args[i], f);
                    if (d === NOT_DIRECT || d === UNDEF)
                        return d;
                    vals[i] = d;
                }
                if (this.mocks === null) {
                    // the common case without continuations: `in`, and builtins implemented in BUILTINS
                    if (fn === 'internal.member_2')
                        return member(vals[0], vals[1]);
                    const impl = EVALUATOR_BUILTINS.has(fn) ? undefined : BUILTINS.get(fn);
                    if (impl !== undefined) {
                        const r = this.callBuiltin(fn, t, impl, vals);
                        return r === undefined ? UNDEF : r;
                    }
                }
                let out;
                this.callFunction(fn, vals, t, v => {
                    out = v;
                    return true;
                });
                return out === undefined ? UNDEF : out;
            }
            case 'array': {
                const out = new Array(t.items.length);
                for (let i = 0; i < t.items.length; i++) {
                    const d = this.direct(t.items[i], f);
                    if (d === NOT_DIRECT || d === UNDEF)
                        return d;
                    out[i] = d;
                }
                return out;
            }
            case 'set': {
                const out = new RegoSet();
                for (const x of t.items) {
                    const d = this.direct(x, f);
                    if (d === NOT_DIRECT || d === UNDEF)
                        return d;
                    out.add(d);
                }
                return out;
            }
            case 'object': {
                const out = new value_RegoObject();
                for (const [kt, vt] of t.pairs) {
                    const kd = this.direct(kt, f);
                    if (kd === NOT_DIRECT || kd === UNDEF)
                        return kd;
                    const vd = this.direct(vt, f);
                    if (vd === NOT_DIRECT || vd === UNDEF)
                        return vd;
                    out.set(kd, vd);
                }
                return out;
            }
            case 'acomp':
            case 'scomp':
            case 'ocomp':
            case 'template':
                return NOT_DIRECT;
        }
    }
    evalRef(t, f, k) {
        const head = t.head;
        if (head.t === 'var') {
            if (head.name === 'data')
                return this.walkData(t.path, f, k);
            if (head.name === 'input')
                return this.input === undefined ? false : this.walkValue(this.input, t.path, 0, f, k);
            const v = f.get(head.name);
            if (v === undefined)
                throw new errors_RegoError('rego_unsafe_var_error', `var ${displayVar(head.name)} is unsafe`, pos(head.loc));
            return this.walkValue(v, t.path, 0, f, k);
        }
        return this.evalTerm(head, f, v => this.walkValue(v, t.path, 0, f, k));
    }
    walkValue(v, path, i, f, k, strKeys = false) {
        if (i === path.length)
            return k(v);
        const p = path[i];
        const lookup = strKeys ? lookupData : lookupPlain;
        if (p.t === 'val') {
            const c = lookup(v, p.v);
            return c === undefined ? false : this.walkValue(c, path, i + 1, f, k, strKeys);
        }
        if (p.t === 'var') {
            const b = f.get(p.name);
            if (b !== undefined) {
                const c = lookup(v, b);
                return c === undefined ? false : this.walkValue(c, path, i + 1, f, k, strKeys);
            }
        }
        if (!this.hasUnbound(p, f))
            return this.evalTerm(p, f, kv => {
                const c = lookup(v, kv);
                return c === undefined ? false : this.walkValue(c, path, i + 1, f, k, strKeys);
            });
        if (p.t === 'var') {
            const name = p.name;
            return this.iterate(v, (key, child) => this.bind(name, key, f, () => this.walkValue(child, path, i + 1, f, k, strKeys)));
        }
        return this.iterate(v, (key, child) => this.unifyVal(p, key, f, () => this.walkValue(child, path, i + 1, f, k, strKeys)));
    }
    countIteration() {
        if (++this.steps > this.maxSteps)
            throw new errors_RegoError('eval_limit_error', `evaluation exceeded the limit of ${this.maxSteps} steps`);
        if (this.deadline && (this.steps & 0xfff) === 0 && Date.now() > this.deadline)
            throw new errors_RegoError('eval_limit_error', `evaluation exceeded the time limit`);
    }
    iterate(v, cb) {
        if (Array.isArray(v)) {
            for (let i = 0; i < v.length; i++) {
                this.countIteration();
                if (cb(i, v[i]))
                    return true;
            }
            return false;
        }
        if (v instanceof value_RegoObject) {
            for (const [kk, vv] of v.entries.values()) {
                this.countIteration();
                if (cb(kk, vv))
                    return true;
            }
            return false;
        }
        if (v instanceof RegoSet) {
            for (const m of v.items.values()) {
                this.countIteration();
                if (cb(m, m))
                    return true;
            }
            return false;
        }
        return false;
    }
    // ---------------------------------------------------------------- data
    walkData(path, f, k) {
        if (this.overrides)
            return this.walkDataAt(this.root, this.data, [], path, 0, f, k);
        // fast path: follow constant string keys through namespace nodes without closures
        let node = this.root;
        let base = this.data;
        let i = 0;
        while (i < path.length && node && !node.hasValueRules && !node.isFunction) {
            const p = path[i];
            if (p.t !== 'val' || typeof p.v !== 'string')
                break;
            node = node.children.get(p.v);
            base = base instanceof value_RegoObject ? base.get(p.v) : undefined;
            i++;
        }
        if (!node && base === undefined)
            return false;
        return this.walkDataAt(node, base, NO_KEYS, path, i, f, k);
    }
    overrideAt(keys) {
        if (!this.overrides)
            return undefined;
        return this.overrides.get(keys.join('\u0000'));
    }
    walkDataAt(node, base, keys, path, i, f, k) {
        if (this.overrides) {
            const ov = this.overrideAt(keys);
            if (ov !== undefined)
                return this.walkValue(ov, path, i, f, k, true);
            if (node === undefined &&
                base === undefined &&
                this.overridePrefixes.has(keys.join('\u0000')))
                base = new value_RegoObject();
        }
        if (node === undefined) {
            if (base === undefined)
                return false;
            if (this.overrides && this.overridePrefixes.has(keys.join('\u0000'))) {
                // descend key by key so that overrides below apply
                if (i === path.length)
                    return k(this.applyOverridesBelow(base, keys));
            }
            else
                return this.walkValue(base, path, i, f, k, true);
        }
        if (i === path.length || (node && (node.hasValueRules || node.isFunction))) {
            const v = this.docAt(node, base, keys);
            if (v === undefined)
                return false;
            return this.walkValue(v, path, i, f, k, true);
        }
        const p = path[i];
        const step = (kv) => {
            if (typeof kv === 'number' && Number.isInteger(kv))
                kv = String(kv);
            if (typeof kv === 'string') {
                const child = node?.children.get(kv);
                const cb = base instanceof value_RegoObject ? base.get(kv) : undefined;
                return this.walkDataAt(child, cb, this.overrides ? [...keys, kv] : NO_KEYS, path, i + 1, f, k);
            }
            const cb = lookupData(base ?? null, kv);
            if (cb === undefined)
                return false;
            return this.walkValue(cb, path, i + 1, f, k, true);
        };
        if (!this.hasUnbound(p, f))
            return this.evalTerm(p, f, step);
        // iterate over the keys of virtual and base documents
        const seen = new Set();
        const cands = [];
        if (node)
            for (const [name, c] of node.children)
                if (!isFunctionOnly(c)) {
                    seen.add(name);
                    cands.push(name);
                }
        const extra = [];
        if (base instanceof value_RegoObject)
            for (const kk of base.keys())
                if (typeof kk !== 'string' || !seen.has(kk))
                    extra.push(kk);
        for (const name of [...cands, ...extra])
            if (this.unifyVal(p, name, f, () => step(name)))
                return true;
        return false;
    }
    applyOverridesBelow(v, keys) {
        if (!this.overrides)
            return v;
        const prefix = keys.length ? keys.join('\u0000') + '\u0000' : '';
        let out = v;
        for (const [kk, ov] of this.overrides) {
            if (kk === keys.join('\u0000') || !kk.startsWith(prefix))
                continue;
            if (keys.length === 0 && kk === '')
                continue;
            const rel = kk.slice(prefix.length).split('\u0000');
            out = setPath(out, rel, ov);
        }
        return out;
    }
    /** full document at a node: rules, child nodes and base data merged */
    docAt(node, base, keys) {
        if (!node)
            return base === undefined ? undefined : this.applyOverridesBelow(base, keys);
        const cached = this.cache.get(node);
        if (cached !== undefined)
            return cached === null ? undefined : cached;
        if (this.inProgress.has(node))
            throw new errors_RegoError('rego_recursion_error', `rule data.${node.path.join('.')} is recursive`, pos((node.rules[0] ?? node.funcs[0])?.loc ?? { file: '', row: 0, col: 0 }));
        this.inProgress.add(node);
        try {
            let v = this.evalRulesAt(node);
            if (node.children.size) {
                let obj;
                for (const [name, c] of node.children) {
                    if (isFunctionOnly(c))
                        continue;
                    const ckeys = this.overrides ? [...keys, name] : NO_KEYS;
                    const ov = this.overrideAt(ckeys);
                    const cb = base instanceof value_RegoObject ? base.get(name) : undefined;
                    const cv = ov !== undefined ? ov : this.docAt(c, cb, ckeys);
                    if (cv === undefined)
                        continue;
                    if (!obj) {
                        if (v === undefined)
                            obj = new value_RegoObject();
                        else if (v instanceof value_RegoObject)
                            obj = copyObject(v);
                        else
                            throw new errors_RegoError('eval_conflict_error', 'object keys must be unique', pos(node.rules[0]?.loc ?? { file: '', row: 0, col: 0 }));
                    }
                    const prev = obj.get(name);
                    obj.set(name, prev === undefined ? cv : mergeValues(prev, cv, node, maxTail(node) - 1));
                }
                if (obj)
                    v = obj;
            }
            if (base !== undefined) {
                if (v === undefined)
                    v = base;
                else if (v instanceof value_RegoObject && base instanceof value_RegoObject) {
                    const merged = copyObject(base);
                    for (const [kk, vv] of v.entries.values()) {
                        const prev = merged.get(kk);
                        merged.set(kk, prev === undefined ? vv : mergeBase(prev, vv));
                    }
                    v = merged;
                }
            }
            if (v !== undefined && this.overrides)
                v = this.applyOverridesBelow(v, keys);
            this.cache.set(node, v === undefined ? null : v);
            return v;
        }
        finally {
            this.inProgress.delete(node);
        }
    }
    evalRulesAt(node) {
        const rules = node.rules;
        if (rules.length === 0 && node.defaults.length === 0)
            return node.isFunction ? undefined : new value_RegoObject();
        const first = rules[0] ?? node.defaults[0];
        if (first.tail.length === 0 && first.kind === 'single') {
            let result;
            for (const r of rules)
                this.evalRuleValues(r, v => {
                    if (result === undefined)
                        result = v;
                    else if (!equal(result, v))
                        throw new errors_RegoError('eval_conflict_error', 'complete rules must not produce multiple outputs', pos(r.loc));
                });
            if (result === undefined && node.defaults.length) {
                this.evalTerm(node.defaults[0].value, new Map(), v => {
                    result = v;
                    return true;
                });
            }
            return result;
        }
        if (first.tail.length === 0) {
            const out = new RegoSet();
            for (const r of rules)
                this.evalRuleValues(r, v => out.add(v));
            return out;
        }
        const out = new value_RegoObject();
        const savedRule = this.currentRule;
        for (const r of rules) {
            const f = new Map();
            this.currentRule = r;
            this.evalBody(r.body, 0, f, () => this.evalTerm({ t: 'array', items: r.tail, loc: r.loc }, f, ks => this.evalTerm(r.value, f, v => {
                insertPath(out, ks, v, r);
                return false;
            })));
        }
        this.currentRule = savedRule;
        return out;
    }
    evalRuleValues(r, emit) {
        const saved = this.currentRule;
        this.currentRule = r;
        try {
            this.evalRuleValuesInner(r, emit);
        }
        finally {
            this.currentRule = saved;
        }
    }
    evalRuleValuesInner(r, emit) {
        const f = new Map();
        let any = false;
        this.evalBody(r.body, 0, f, () => {
            any = true;
            return this.evalTerm(r.value, f, v => {
                emit(v);
                return false;
            });
        });
        if (any)
            return;
        for (const el of r.elses) {
            const ef = new Map();
            let anyElse = false;
            this.evalBody(el.body, 0, ef, () => {
                anyElse = true;
                return this.evalTerm(el.value, ef, v => {
                    emit(v);
                    return false;
                });
            });
            if (anyElse)
                return;
        }
    }
    // ---------------------------------------------------------------- calls
    funcNode(fn) {
        let cache = NODE_CACHE.get(this.root);
        if (!cache)
            NODE_CACHE.set(this.root, (cache = new Map()));
        let n = cache.get(fn);
        if (n === undefined) {
            n = this.root.lookup(fn.split('.').slice(1)) ?? null;
            cache.set(fn, n);
        }
        return n ?? undefined;
    }
    arity(fn) {
        if (fn.startsWith('data.')) {
            const node = this.funcNode(fn);
            const r = node?.funcs[0] ?? node?.defaultFuncs[0];
            return r?.args?.length;
        }
        if (fn === 'internal.member_2')
            return 2;
        if (fn === 'internal.member_3')
            return 3;
        return BUILTIN_ARITY.get(fn);
    }
    evalCallArgs(t, args, f, k) {
        if ((t.fn === 'print' || t.fn === 'internal.print') && !this.mocks?.has(t.fn)) {
            // print never fails: each argument prints all its values, or <undefined>
            const parts = args.map(a => {
                const vs = [];
                this.evalTerm(a, f, v => {
                    vs.push(typeof v === 'string' ? v : formatValue(v));
                    return false;
                });
                return vs.length === 0 ? '<undefined>' : vs.length === 1 ? vs[0] : vs.join(', ');
            });
            if (this.opts.print)
                this.opts.print(parts.join(' '));
            return k(true);
        }
        const vals = new Array(args.length);
        let order;
        for (let i = 0; i < args.length; i++)
            if (this.hasUnbound(args[i], f)) {
                order = args.map((_, j) => j);
                order.sort((x, y) => Number(this.hasUnbound(args[x], f)) - Number(this.hasUnbound(args[y], f)));
                break;
            }
        const go = (n) => {
            if (n === args.length)
                return this.callFunction(t.fn, vals.slice(), t, k);
            const i = order ? order[n] : n;
            return this.evalTerm(args[i], f, v => {
                vals[i] = v;
                return go(n + 1);
            });
        };
        return go(0);
    }
    callFunction(fn, args, t, k) {
        if (this.mocks) {
            const m = this.mocks.get(fn);
            if (m) {
                if (m.value !== undefined)
                    return k(m.value);
                const saved = this.mocks;
                // the replacement runs without mocks (a mock never calls another mock)
                this.mocks = null;
                try {
                    return this.callFunction(m.fn, args, t, v => {
                        const inner = this.mocks;
                        this.mocks = saved;
                        try {
                            return k(v);
                        }
                        finally {
                            this.mocks = inner;
                        }
                    });
                }
                finally {
                    this.mocks = saved;
                }
            }
        }
        if (fn.startsWith('data.')) {
            const node = this.funcNode(fn);
            if (!node)
                return false;
            if (!node.isFunction) {
                // calling a non-function document
                return false;
            }
            return this.evalFunc(node, args, t, k);
        }
        switch (fn) {
            case 'internal.member_2':
                return k(member(args[0], args[1]));
            case 'internal.member_3':
                return k(member3(args[0], args[1], args[2]));
            case 'walk':
                return this.walkBuiltin(args[0], [], k);
            case 'print':
            case 'internal.print':
                if (this.opts.print)
                    this.opts.print(args.map(a => (typeof a === 'string' ? a : formatValue(a))).join(' '));
                return k(true);
            case 'trace':
                return k(true);
            case 'opa.runtime':
                return k(this.opts.runtime ?? new value_RegoObject());
            case 'rego.metadata.chain':
                return k(this.currentRule?.meta?.chain ??
                    (this.currentRule ? [new value_RegoObject([['path', this.currentRule.prefix]])] : []));
            case 'rego.metadata.rule':
                return k(this.currentRule?.meta?.rule ?? new value_RegoObject());
            case 'rego.parse_module':
                if (this.opts.parseModule)
                    return this.builtinGuard(fn, t, () => {
                        if (typeof args[0] !== 'string' || typeof args[1] !== 'string')
                            throw new BuiltinTypeError('operands must be strings');
                        return this.opts.parseModule(args[0], args[1]);
                    }, k);
                return false;
        }
        const impl = BUILTINS.get(fn);
        if (!impl)
            throw new errors_RegoError('eval_builtin_error', `${fn}: builtin not implemented`, pos(t.loc));
        return this.builtinGuard(fn, t, () => impl(args, this.bctx), k);
    }
    /** a BUILTINS implementation, with errors mapped as builtinGuard does (undefined: no value) */
    callBuiltin(fn, t, impl, args) {
        try {
            return impl(args, this.bctx);
        }
        catch (e) {
            return this.builtinFailure(fn, t, e);
        }
    }
    builtinFailure(fn, t, e) {
        if (e instanceof BuiltinTypeError) {
            if (this.strict)
                throw new errors_RegoError('eval_type_error', `${fn}: ${e.message}`, pos(t.loc));
            return undefined;
        }
        if (e instanceof BuiltinError) {
            if (this.strict)
                throw new errors_RegoError('eval_builtin_error', `${fn}: ${e.message}`, pos(t.loc));
            return undefined;
        }
        if (e instanceof errors_RegoError)
            throw e;
        if (e instanceof RangeError)
            throw e;
        if (this.strict)
            throw new errors_RegoError('eval_builtin_error', `${fn}: ${e.message}`, pos(t.loc));
        return undefined;
    }
    builtinGuard(fn, t, call, k) {
        let r;
        try {
            r = call();
        }
        catch (e) {
            return this.builtinFailure(fn, t, e) ?? false;
        }
        if (r === undefined)
            return false;
        return k(r);
    }
    walkBuiltin(v, path, k) {
        if (k([path.slice(), v]))
            return true;
        if (Array.isArray(v)) {
            for (let i = 0; i < v.length; i++)
                if (this.walkBuiltin(v[i], [...path, i], k))
                    return true;
        }
        else if (v instanceof value_RegoObject) {
            for (const [kk, vv] of v.sorted())
                if (this.walkBuiltin(vv, [...path, kk], k))
                    return true;
        }
        else if (v instanceof RegoSet) {
            for (const m of v.sorted())
                if (this.walkBuiltin(m, [...path, m], k))
                    return true;
        }
        return false;
    }
    evalFunc(node, args, t, k) {
        if (++this.depth > 2000)
            throw new errors_RegoError('eval_limit_error', 'maximum function call depth exceeded', pos(t.loc));
        let result;
        try {
            for (const r of node.funcs) {
                const f = new Map();
                const params = r.args;
                // plain distinct var parameters (the usual case) bind without unification
                let simple = true;
                for (let i = 0; i < params.length; i++) {
                    const p = params[i];
                    if (p.t !== 'var' || f.has(p.name)) {
                        simple = false;
                        f.clear();
                        break;
                    }
                    f.set(p.name, args[i]);
                }
                const go = (i) => i === params.length
                    ? this.evalFuncBody(r, f, emit)
                    : this.unifyVal(params[i], args[i], f, () => go(i + 1));
                const emit = (v) => {
                    if (result === undefined)
                        result = v;
                    else if (!equal(result, v))
                        throw new errors_RegoError('eval_conflict_error', 'functions must not produce multiple outputs for same inputs', pos(r.loc));
                };
                if (simple)
                    this.evalFuncBody(r, f, emit);
                else
                    go(0);
            }
            if (result === undefined && node.defaultFuncs.length) {
                const d = node.defaultFuncs[0];
                this.evalTerm(d.value, new Map(), v => {
                    result = v;
                    return true;
                });
            }
        }
        finally {
            this.depth--;
        }
        if (result === undefined)
            return false;
        return k(result);
    }
    evalFuncBody(r, f, emit) {
        const saved = this.currentRule;
        this.currentRule = r;
        try {
            return this.evalFuncBodyInner(r, f, emit);
        }
        finally {
            this.currentRule = saved;
        }
    }
    evalFuncBodyInner(r, f, emit) {
        let any = false;
        this.evalBody(r.body, 0, f, () => {
            any = true;
            return this.evalTerm(r.value, f, v => {
                emit(v);
                return false;
            });
        });
        if (any)
            return false;
        for (const el of r.elses) {
            let anyElse = false;
            this.evalBody(el.body, 0, f, () => {
                anyElse = true;
                return this.evalTerm(el.value, f, v => {
                    emit(v);
                    return false;
                });
            });
            if (anyElse)
                return false;
        }
        return false;
    }
}
const NO_KEYS = [];
const NOT_DIRECT = Symbol('not-direct');
const UNDEF = Symbol('undefined');
const SLOW = Symbol('slow');
/** builtins the evaluator implements itself (callFunction), even if BUILTINS has an entry */
const EVALUATOR_BUILTINS = new Set([
    'eq',
    'assign',
    'internal.member_2',
    'internal.member_3',
    'walk',
    'print',
    'internal.print',
    'trace',
    'opa.runtime',
    'rego.metadata.chain',
    'rego.metadata.rule',
    'rego.parse_module'
]);
const NODE_CACHE = new WeakMap();
function isFunctionOnly(n) {
    return n.isFunction && !n.hasValueRules && n.children.size === 0;
}
function targetPath(t) {
    if (t.t === 'var')
        return [t.name];
    if (t.t === 'ref' && t.head.t === 'var') {
        return [
            t.head.name,
            ...t.path.map(p => p.t === 'val' ? (typeof p.v === 'string' ? p.v : JSON.stringify(p.v)) : '?')
        ];
    }
    return [];
}
function lookupData(v, key) {
    const r = lookupPlain(v, key);
    if (r === undefined &&
        typeof key === 'number' &&
        Number.isInteger(key) &&
        v instanceof value_RegoObject)
        return v.get(String(key));
    return r;
}
function lookupPlain(v, key) {
    if (Array.isArray(v)) {
        if (typeof key === 'number' && Number.isInteger(key) && key >= 0 && key < v.length)
            return v[key];
        return undefined;
    }
    if (v instanceof value_RegoObject)
        return v.get(key);
    if (v instanceof RegoSet)
        return v.has(key) ? key : undefined;
    return undefined;
}
function member(x, coll) {
    if (Array.isArray(coll))
        return coll.some(e => equal(e, x));
    if (coll instanceof RegoSet)
        return coll.has(x);
    if (coll instanceof value_RegoObject) {
        for (const [, v] of coll.entries.values())
            if (equal(v, x))
                return true;
        return false;
    }
    return false;
}
function member3(k, v, coll) {
    if (Array.isArray(coll))
        return (typeof k === 'number' && Number.isInteger(k) && k >= 0 && k < coll.length && equal(coll[k], v));
    if (coll instanceof value_RegoObject) {
        const c = coll.get(k);
        return c !== undefined && equal(c, v);
    }
    if (coll instanceof RegoSet)
        return equal(k, v) && coll.has(k);
    return false;
}
function copyObject(o) {
    const c = new value_RegoObject();
    for (const [k, v] of o.entries)
        c.entries.set(k, v);
    return c;
}
function maxTail(node) {
    let m = 0;
    for (const r of node.rules)
        m = Math.max(m, r.tail.length);
    return m;
}
/** base documents win over virtual ones on conflicts (as OPA's storage merge) */
function mergeBase(base, virt) {
    if (base instanceof value_RegoObject && virt instanceof value_RegoObject) {
        const out = copyObject(base);
        for (const [k, v] of virt.entries.values()) {
            const prev = out.get(k);
            out.set(k, prev === undefined ? v : mergeBase(prev, v));
        }
        return out;
    }
    return base;
}
/** merge a child node's document into a rule-generated object; `depth` levels are still keys */
function mergeValues(a, b, node, depth = 1 << 30) {
    if (a instanceof RegoSet && b instanceof RegoSet)
        return new RegoSet([...a.values(), ...b.values()]);
    if (depth > 0 && a instanceof value_RegoObject && b instanceof value_RegoObject) {
        const out = copyObject(a);
        for (const [k, v] of b.entries.values()) {
            const prev = out.get(k);
            out.set(k, prev === undefined ? v : mergeValues(prev, v, node, depth - 1));
        }
        return out;
    }
    if (equal(a, b))
        return a;
    throw new errors_RegoError('eval_conflict_error', 'object keys must be unique', pos(node.rules[0]?.loc ?? { file: '', row: 0, col: 0 }));
}
function insertPath(obj, keys, v, r) {
    let cur = obj;
    for (let i = 0; i < keys.length - 1; i++) {
        const kk = keys[i];
        let next = cur.get(kk);
        if (next === undefined) {
            next = new value_RegoObject();
            cur.set(kk, next);
        }
        else if (!(next instanceof value_RegoObject))
            throw new errors_RegoError('eval_conflict_error', 'object keys must be unique', pos(r.loc));
        cur = next;
    }
    const last = keys[keys.length - 1];
    if (r.kind === 'multi') {
        let s = cur.get(last);
        if (s === undefined) {
            s = new RegoSet();
            cur.set(last, s);
        }
        else if (!(s instanceof RegoSet))
            throw new errors_RegoError('eval_conflict_error', 'object keys must be unique', pos(r.loc));
        s.add(v);
        return;
    }
    const prev = cur.get(last);
    if (prev !== undefined && !equal(prev, v))
        throw new errors_RegoError('eval_conflict_error', 'object keys must be unique', pos(r.loc));
    cur.set(last, v);
}
/** returns a copy of `v` with `path` set to `x` (objects created as needed) */
function setPath(v, path, x) {
    if (path.length === 0)
        return x;
    const obj = v instanceof value_RegoObject ? copyObject(v) : new value_RegoObject();
    const [h, ...rest] = path;
    obj.set(h, setPath(obj.get(h), rest, x));
    return obj;
}


;// CONCATENATED MODULE: ./packages/rego/src/lexer.ts
/** Rego tokenizer. Newlines are tokens: they separate expressions and rules. */

const PUNCT3 = new Set([]);
const PUNCT2 = new Set([':=', '==', '!=', '<=', '>=']);
const PUNCT1 = new Set('{}[]().,;:=<>+-*/%&|'.split(''));
function lexer_lex(src, file, row0 = 1, col0 = 1, comments) {
    const toks = [];
    let i = 0;
    let row = row0;
    let col = col0;
    let space = false;
    const err = (msg, r = row, c = col) => {
        throw new errors_RegoError('rego_parse_error', msg, { file, line: r, column: c });
    };
    const n = src.length;
    void PUNCT3;
    while (i < n) {
        const ch = src[i];
        if (ch === '\n') {
            toks.push({ kind: 'nl', text: '\n', row, col, spaceBefore: space });
            i++;
            row++;
            col = 1;
            space = false;
            continue;
        }
        if (ch === ' ' || ch === '\t' || ch === '\r') {
            i++;
            col++;
            space = true;
            continue;
        }
        if (ch === '#') {
            const s0 = i;
            while (i < n && src[i] !== '\n')
                i++;
            if (comments)
                comments.push({ row, col, text: src.slice(s0 + 1, i) });
            col += i - s0;
            continue;
        }
        const startRow = row;
        const startCol = col;
        if (/[A-Za-z_]/.test(ch)) {
            let j = i + 1;
            while (j < n && /[A-Za-z0-9_]/.test(src[j]))
                j++;
            toks.push({ kind: 'ident', text: src.slice(i, j), row, col, spaceBefore: space });
            col += j - i;
            i = j;
            space = false;
            continue;
        }
        if (/[0-9]/.test(ch) ||
            (ch === '.' && /[0-9]/.test(src[i + 1] ?? '') && !prevIsTerm(toks, space))) {
            const m = /^(?:0|[1-9][0-9]*)?(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(src.slice(i));
            let len = m ? m[0].length : 0;
            if (len === 0) {
                // leading zeros etc.
                const m2 = /^[0-9]+/.exec(src.slice(i));
                len = m2[0].length;
                err('illegal number format');
            }
            const text = src.slice(i, i + len);
            if (/[A-Za-z_]/.test(src[i + len] ?? ''))
                err('illegal number format');
            toks.push({ kind: 'num', text, row, col, spaceBefore: space });
            i += len;
            col += len;
            space = false;
            continue;
        }
        if (ch === '"') {
            const [value, end] = readString(src, i, file, row, col);
            toks.push({ kind: 'str', text: src.slice(i, end), value, row, col, spaceBefore: space });
            col += end - i;
            i = end;
            space = false;
            continue;
        }
        if (ch === '`') {
            const end = src.indexOf('`', i + 1);
            if (end < 0)
                err('non-terminated raw string');
            const value = src.slice(i + 1, end);
            toks.push({
                kind: 'rawstr',
                text: src.slice(i, end + 1),
                value,
                row,
                col,
                spaceBefore: space
            });
            for (let k = i; k <= end; k++) {
                if (src[k] === '\n') {
                    row++;
                    col = 1;
                }
                else
                    col++;
            }
            i = end + 1;
            space = false;
            continue;
        }
        if (ch === '$' && (src[i + 1] === '"' || src[i + 1] === '`')) {
            const raw = src[i + 1] === '`';
            const parts = [];
            let j = i + 2;
            let r = row;
            let c = col + 2;
            let lit = '';
            let litRow = r;
            let litCol = c;
            const flush = () => {
                if (lit)
                    parts.push({ text: lit, row: litRow, col: litCol });
                lit = '';
            };
            for (;;) {
                if (j >= n)
                    err('non-terminated template string', startRow, startCol);
                const d = src[j];
                if ((!raw && d === '"') || (raw && d === '`')) {
                    j++;
                    c++;
                    break;
                }
                if (!raw && d === '\n')
                    err('non-terminated template string', startRow, startCol);
                if (d === '\n') {
                    lit += d;
                    j++;
                    r++;
                    c = 1;
                    continue;
                }
                if (raw && d === '\\' && (src[j + 1] === '{' || src[j + 1] === '}')) {
                    if (!lit) {
                        litRow = r;
                        litCol = c;
                    }
                    lit += src[j + 1];
                    j += 2;
                    c += 2;
                    continue;
                }
                if (!raw && d === '\\') {
                    const e = src[j + 1];
                    if (e === '{' || e === '}') {
                        if (!lit) {
                            litRow = r;
                            litCol = c;
                        }
                        lit += e;
                        j += 2;
                        c += 2;
                        continue;
                    }
                    const [s, end] = readEscape(src, j, file, r, c);
                    if (!lit) {
                        litRow = r;
                        litCol = c;
                    }
                    lit += s;
                    c += end - j;
                    j = end;
                    continue;
                }
                if (d === '{') {
                    flush();
                    // find matching brace, skipping strings
                    let depth = 1;
                    let k = j + 1;
                    let kr = r;
                    let kc = c + 1;
                    while (k < n && depth > 0) {
                        const e = src[k];
                        if (e === '"') {
                            const [, end] = readString(src, k, file, kr, kc);
                            kc += end - k;
                            k = end;
                            continue;
                        }
                        if (e === '`') {
                            const end = src.indexOf('`', k + 1);
                            if (end < 0)
                                err('non-terminated raw string', kr, kc);
                            kc += end + 1 - k;
                            k = end + 1;
                            continue;
                        }
                        if (e === '{')
                            depth++;
                        else if (e === '}')
                            depth--;
                        else if (e === '\n') {
                            kr++;
                            kc = 0;
                        }
                        if (depth > 0) {
                            k++;
                            kc++;
                        }
                    }
                    if (depth > 0)
                        err('non-terminated template string', startRow, startCol);
                    parts.push({ src: src.slice(j + 1, k), row: r, col: c + 1 });
                    r = kr;
                    c = kc + 1;
                    j = k + 1;
                    litRow = r;
                    litCol = c;
                    continue;
                }
                if (!lit) {
                    litRow = r;
                    litCol = c;
                }
                lit += d;
                j++;
                c++;
            }
            flush();
            toks.push({ kind: 'tmpl', text: src.slice(i, j), parts, row, col, spaceBefore: space });
            i = j;
            row = r;
            col = c;
            space = false;
            continue;
        }
        const two = src.slice(i, i + 2);
        if (PUNCT2.has(two)) {
            toks.push({ kind: 'punct', text: two, row, col, spaceBefore: space });
            i += 2;
            col += 2;
            space = false;
            continue;
        }
        if (PUNCT1.has(ch)) {
            toks.push({ kind: 'punct', text: ch, row, col, spaceBefore: space });
            i++;
            col++;
            space = false;
            continue;
        }
        err(`illegal token`);
    }
    toks.push({ kind: 'eof', text: '', row, col, spaceBefore: space });
    return toks;
}
function prevIsTerm(toks, space) {
    const p = toks[toks.length - 1];
    if (!p || space)
        return false;
    return (p.kind === 'ident' ||
        p.kind === 'str' ||
        (p.kind === 'punct' && (p.text === ']' || p.text === ')' || p.text === '}')));
}
function readEscape(src, i, file, row, col) {
    const e = src[i + 1];
    const simple = {
        '"': '"',
        '\\': '\\',
        '/': '/',
        b: '\b',
        f: '\f',
        n: '\n',
        r: '\r',
        t: '\t'
    };
    if (e in simple)
        return [simple[e], i + 2];
    if (e === 'u') {
        const hex = src.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex))
            throw new errors_RegoError('rego_parse_error', 'illegal escape sequence', {
                file,
                line: row,
                column: col
            });
        let s = String.fromCharCode(parseInt(hex, 16));
        let end = i + 6;
        // surrogate pair
        if (/^\\u[dD][c-fC-F][0-9a-fA-F]{2}$/.test(src.slice(end, end + 6)) &&
            /[\ud800-\udbff]/.test(s)) {
            s += String.fromCharCode(parseInt(src.slice(end + 2, end + 6), 16));
            end += 6;
        }
        return [s, end];
    }
    throw new errors_RegoError('rego_parse_error', 'illegal escape sequence', {
        file,
        line: row,
        column: col
    });
}
function readString(src, i, file, row, col) {
    let j = i + 1;
    let out = '';
    for (;;) {
        if (j >= src.length || src[j] === '\n')
            throw new errors_RegoError('rego_parse_error', 'non-terminated string', {
                file,
                line: row,
                column: col
            });
        const d = src[j];
        if (d === '"')
            return [out, j + 1];
        if (d === '\\') {
            const [s, end] = readEscape(src, j, file, row, col);
            out += s;
            j = end;
            continue;
        }
        out += d;
        j++;
    }
}

;// CONCATENATED MODULE: ./packages/rego/src/parser.ts



const KEYWORDS = new Set([
    'as',
    'default',
    'else',
    'every',
    'false',
    'if',
    'import',
    'in',
    'not',
    'null',
    'package',
    'some',
    'true',
    'with',
    'contains'
]);
const REL_OPS = {
    '==': 'equal',
    '!=': 'neq',
    '<': 'lt',
    '<=': 'lte',
    '>': 'gt',
    '>=': 'gte'
};
const ARITH_OPS = { '+': 'plus', '-': 'minus' };
const FACTOR_OPS = { '*': 'mul', '/': 'div', '%': 'rem' };
let wildcardCounter = 0;
class Parser {
    p = 0;
    depth = 0;
    /** number of open () / [] — newlines are insignificant inside */
    experimentalAndOr = false;
    /** Rego v0 syntax: `p[x] { }` partial sets, `if`/`contains` optional */
    v0 = false;
    dotted = new WeakSet();
    isDotted(ref) {
        return this.dotted.has(ref[1]);
    }
    toks;
    file;
    constructor(toks, file) {
        this.toks = toks;
        this.file = file;
    }
    get tok() {
        return this.toks[this.p];
    }
    kind() {
        return this.toks[this.p].kind;
    }
    peek(n = 1) {
        return this.toks[Math.min(this.p + n, this.toks.length - 1)];
    }
    loc(t = this.tok) {
        return { file: this.file, row: t.row, col: t.col };
    }
    error(msg, t = this.tok) {
        throw new errors_RegoError('rego_parse_error', msg, { file: this.file, line: t.row, column: t.col });
    }
    unexpected(what) {
        const t = this.tok;
        const desc = t.kind === 'eof' ? 'eof' : t.kind === 'nl' ? 'newline' : t.text;
        this.error(`unexpected ${desc} token${what ? `: expected ${what}` : ''}`);
    }
    is(text) {
        const t = this.tok;
        return (t.kind === 'punct' || t.kind === 'ident') && t.text === text;
    }
    isKw(text) {
        return this.tok.kind === 'ident' && this.tok.text === text;
    }
    accept(text) {
        if (this.is(text)) {
            this.p++;
            return true;
        }
        return false;
    }
    expect(text) {
        if (!this.is(text))
            this.unexpected(`${text}`);
        return this.toks[this.p++];
    }
    skipNL() {
        while (this.tok.kind === 'nl' || (this.tok.kind === 'punct' && this.tok.text === ';' && false))
            this.p++;
    }
    // ---------------------------------------------------------------- module
    parseModule() {
        this.skipNL();
        if (!this.isKw('package'))
            this.error('package expected');
        const pkgTok = this.tok;
        this.p++;
        const pkgRef = this.parseRefTerm(true);
        const pkg = ['data', ...refToPath(pkgRef, this)];
        this.endOfStatement();
        const mod = {
            file: this.file,
            pkg,
            pkgLoc: this.loc(pkgTok),
            imports: [],
            rules: [],
            annotations: []
        };
        for (;;) {
            this.skipNL();
            if (this.tok.kind === 'eof')
                break;
            if (this.isKw('import') && this.peek().kind !== 'punct') {
                mod.imports.push(this.parseImport());
                continue;
            }
            if (this.isKw('package') && this.peek().kind !== 'punct')
                this.error('unexpected package keyword');
            for (const r of this.parseRule())
                mod.rules.push(r);
        }
        return mod;
    }
    endOfStatement() {
        if (this.tok.kind === 'nl' || this.tok.kind === 'eof')
            return;
        if (this.is(';')) {
            this.p++;
            return;
        }
        this.unexpected();
    }
    parseImport() {
        const t = this.tok;
        this.p++;
        const path = this.parseRefTerm(true);
        let alias;
        if (this.isKw('as')) {
            this.p++;
            if (this.tok.kind !== 'ident')
                this.unexpected('ident');
            alias = this.tok.text;
            this.p++;
        }
        const head = path.t === 'ref' ? path.head : path;
        const root = head.t === 'var' ? head.name : '';
        if (!['data', 'input', 'future', 'rego'].includes(root))
            this.error(`invalid import path: ${root}`, t);
        if (root === 'future' && path.t === 'ref') {
            const parts = refToPath(path, this);
            if (parts.includes('and') || parts.includes('or') || parts.length === 2)
                this.experimentalAndOr ||= parts.includes('and') || parts.includes('or');
        }
        this.endOfStatement();
        return { path, alias, loc: this.loc(t) };
    }
    parseRule() {
        const start = this.tok;
        const loc = this.loc();
        let isDefault = false;
        if (this.isKw('default') &&
            this.peek().kind === 'ident' &&
            !this.peek().spaceBefore === false) {
            isDefault = true;
            this.p++;
        }
        if (this.tok.kind !== 'ident')
            this.unexpected('rule');
        const headRef = this.parseRefTerm(false);
        const ref = headRef.t === 'ref' ? [headRef.head, ...headRef.path] : [headRef];
        let args;
        if (this.is('(') && !this.tok.spaceBefore) {
            this.p++;
            args = this.parseList(')', () => this.parseTermRel());
        }
        const rule = {
            ref,
            args,
            kind: 'single',
            assign: false,
            body: [],
            elses: [],
            isDefault,
            loc
        };
        void start;
        if (isDefault) {
            if (!this.accept(':=') && !this.accept('='))
                this.unexpected(':=');
            rule.value = this.parseTermIn();
            rule.assign = true;
            this.endOfStatement();
            return [rule];
        }
        if (this.isKw('contains')) {
            this.p++;
            rule.kind = 'multi';
            rule.value = this.parseTermIn();
        }
        else if (this.is(':=') || this.is('=')) {
            this.p++;
            rule.value = this.parseTermIn();
            rule.assign = true;
        }
        const usedIf = this.isKw('if');
        if (this.v0 &&
            !usedIf &&
            rule.kind === 'single' &&
            !rule.value &&
            !args &&
            ref.length === 2 &&
            !(ref[1].t === 'val' && ref[1].loc.row === ref[0].loc.row && this.isDotted(ref))) {
            // Rego v0: `p[x] { ... }` is a partial set
            rule.kind = 'multi';
            rule.value = ref[1];
            rule.ref = [ref[0]];
        }
        const hasBody = this.parseRuleBody(rule.body);
        if (!hasBody && rule.kind === 'single' && !rule.value && !args) {
            // `p` alone or `p.q.r` alone: a rule with value true
        }
        // else chains
        for (;;) {
            const save = this.p;
            this.skipNL();
            if (!this.isKw('else') || this.nextIsRefCont()) {
                this.p = save;
                break;
            }
            const eloc = this.loc();
            this.p++;
            let value;
            if (this.accept(':=') || this.accept('='))
                value = this.parseTermIn();
            const body = [];
            this.parseRuleBody(body);
            rule.elses.push({ value, body, loc: eloc });
        }
        this.endOfStatement();
        return [rule];
    }
    /** `if { ... }`, `if literal`, `{ ... }` or nothing. Returns whether a body was present. */
    parseRuleBody(out) {
        if (this.isKw('if')) {
            this.p++;
            if (this.is('{')) {
                // either a body block, or a literal starting with an object/set term: try block first
                const save = this.p;
                try {
                    this.p++;
                    out.push(...this.parseBodyUntil('}'));
                    return true;
                }
                catch (e) {
                    this.p = save;
                    const lit = this.tryParse(() => this.parseLiteral());
                    if (!lit)
                        throw e;
                    out.push(lit);
                    return true;
                }
            }
            out.push(this.parseLiteral());
            return true;
        }
        if (this.is('{')) {
            if (!this.v0)
                this.error('`if` keyword is required before rule body');
            this.p++;
            out.push(...this.parseBodyUntil('}'));
            return true;
        }
        return false;
    }
    tryParse(f) {
        const save = this.p;
        try {
            return f();
        }
        catch {
            this.p = save;
            return undefined;
        }
    }
    /** body literals separated by `;`/newlines, ending with `close` (consumed). */
    parseBodyUntil(close) {
        const out = [];
        for (;;) {
            while (this.tok.kind === 'nl' || this.is(';'))
                this.p++;
            if (this.is(close)) {
                this.p++;
                break;
            }
            if (this.tok.kind === 'eof')
                this.unexpected(close);
            out.push(this.parseLiteral());
            if (this.is(close))
                continue;
            if (this.kind() !== 'nl' && !this.is(';'))
                this.unexpected();
        }
        if (out.length === 0)
            this.error('found empty body');
        return out;
    }
    parseQueryBody() {
        const out = [];
        for (;;) {
            while (this.tok.kind === 'nl' || this.is(';'))
                this.p++;
            if (this.tok.kind === 'eof')
                break;
            out.push(this.parseLiteral());
            const kd = this.kind();
            if (kd !== 'nl' && !this.is(';') && kd !== 'eof')
                this.unexpected();
        }
        if (out.length === 0)
            this.error('empty query');
        return out;
    }
    // ---------------------------------------------------------------- literals
    parseLiteral() {
        const loc = this.loc();
        let e;
        if (this.isKw('some') && !this.nextIsRefCont()) {
            this.p++;
            const vars = [this.parseTermRel()];
            while (this.accept(',')) {
                this.skipNL();
                vars.push(this.parseTermRel());
            }
            if (this.isKw('in')) {
                this.p++;
                this.skipNL();
                const domain = this.parseTermRel();
                if (vars.length > 2)
                    this.error('unexpected , token');
                e =
                    vars.length === 2
                        ? { k: 'somein', key: vars[0], value: vars[1], domain, neg: false, withs: [], loc }
                        : { k: 'somein', value: vars[0], domain, neg: false, withs: [], loc };
            }
            else {
                for (const v of vars)
                    if (v.t !== 'var')
                        this.error('expected var in some declaration');
                e = { k: 'some', vars, neg: false, withs: [], loc };
            }
        }
        else if (this.isKw('every') && !this.nextIsRefCont()) {
            this.p++;
            const first = this.parseTermRel();
            let key;
            let value = first;
            if (this.accept(',')) {
                key = first;
                value = this.parseTermRel();
            }
            if (!this.isKw('in'))
                this.unexpected('in');
            this.p++;
            const domain = this.parseTermRel();
            this.expect('{');
            const body = this.parseBodyUntil('}');
            e = { k: 'every', key, value, domain, body, neg: false, withs: [], loc };
        }
        else if (this.isKw('not') && !this.nextIsRefCont() && !this.experimentalAndOr) {
            this.p++;
            if (this.is('{')) {
                const body = this.tryParse(() => {
                    this.p++;
                    const b = this.parseBodyUntil('}');
                    if (!this.isLitEnd())
                        throw new Error('not a body');
                    return b;
                });
                if (body) {
                    e = {
                        k: 'not',
                        expr: { k: 'or', alts: [body], neg: false, withs: [], loc },
                        neg: true,
                        withs: [],
                        loc
                    };
                    this.parseWiths(e);
                    return e;
                }
            }
            const inner = this.parseLiteral();
            return { k: 'not', expr: inner, neg: true, withs: [], loc };
        }
        else {
            e = this.parseExprOr();
        }
        this.parseWiths(e);
        return e;
    }
    nextIsRefCont() {
        const n = this.peek();
        return (n.kind === 'punct' && !n.spaceBefore && (n.text === '.' || n.text === '[' || n.text === '('));
    }
    /** expression with experimental and/or over whole literals */
    parseExprOr() {
        const first = this.parseExprAnd();
        if (!(this.experimentalAndOr && this.isKw('or')))
            return first;
        const alts = [[first]];
        while (this.experimentalAndOr && this.isKw('or')) {
            this.p++;
            this.skipNL();
            alts.push([this.parseExprAnd()]);
        }
        return { k: 'or', alts, neg: false, withs: [], loc: first.loc };
    }
    parseExprAnd() {
        const first = this.parseOperand();
        if (!(this.experimentalAndOr && this.isKw('and')))
            return first;
        const parts = [first];
        while (this.experimentalAndOr && this.isKw('and')) {
            this.p++;
            this.skipNL();
            parts.push(this.parseOperand());
        }
        // conjunction = one alternative of several operands, each evaluated once
        return {
            k: 'or',
            alts: [
                parts.map((x) => x.k === 'or' ? x : { k: 'or', alts: [[x]], neg: false, withs: [], loc: x.loc })
            ],
            neg: false,
            withs: [],
            loc: first.loc
        };
    }
    isLitEnd() {
        const t = this.tok;
        if (t.kind === 'nl' || t.kind === 'eof')
            return true;
        if (t.kind === 'punct' && ['}', ';', ']', ')', '|'].includes(t.text))
            return true;
        return t.kind === 'ident' && (t.text === 'with' || t.text === 'and' || t.text === 'or');
    }
    parseOperand() {
        if (!this.experimentalAndOr)
            return this.parseExpr();
        const loc = this.loc();
        if (this.isKw('not') && !this.nextIsRefCont()) {
            this.p++;
            const inner = this.parseOperand();
            this.parseWiths(inner);
            return { k: 'not', expr: inner, neg: true, withs: [], loc };
        }
        if (this.is('{')) {
            const r = this.tryParse(() => {
                this.p++;
                const body = this.parseBodyUntil('}');
                if (!this.isLitEnd())
                    throw new Error('not a body');
                const r = { k: 'or', alts: [body], neg: false, withs: [], loc };
                return r;
            });
            if (r)
                return r;
        }
        if (this.is('(')) {
            const r = this.tryParse(() => {
                this.p++;
                this.skipNL();
                const inner = this.parseExprOr();
                this.parseWiths(inner);
                this.skipNL();
                this.expect(')');
                if (!this.isLitEnd())
                    throw new Error('not a group');
                return inner;
            });
            if (r)
                return r;
        }
        return this.parseExpr();
    }
    parseWiths(e) {
        for (;;) {
            if (this.isKw('with') && this.nextIsRefCont())
                return;
            if (!this.isKw('with')) {
                // `with` may continue on the next line
                let j = this.p;
                while (this.toks[j].kind === 'nl')
                    j++;
                const t = this.toks[j];
                const n = this.toks[Math.min(j + 1, this.toks.length - 1)];
                const refCont = n.kind === 'punct' &&
                    !n.spaceBefore &&
                    (n.text === '.' || n.text === '[' || n.text === '(');
                if (j !== this.p && t.kind === 'ident' && t.text === 'with' && !refCont)
                    this.p = j;
                else
                    return;
            }
            const wloc = this.loc();
            this.p++;
            const target = this.parseRefTerm(true);
            if (!this.isKw('as'))
                this.unexpected('as');
            this.p++;
            const value = this.parseTermIn();
            e.withs.push({ target, value, loc: wloc });
        }
    }
    parseExpr() {
        const loc = this.loc();
        let lhs = this.parseTermIn();
        if (this.is(','))
            lhs = this.parseMember3(lhs);
        if (this.is('=') || this.is(':=')) {
            const op = this.tok.text === '=' ? 'eq' : 'assign';
            this.p++;
            this.skipNL();
            const rhs = this.parseTermIn();
            return {
                k: 'term',
                term: { t: 'call', fn: op, args: [lhs, rhs], loc },
                neg: false,
                withs: [],
                loc
            };
        }
        return { k: 'term', term: lhs, neg: false, withs: [], loc };
    }
    /** `key, value in collection` after the key has been parsed */
    parseMember3(key) {
        this.expect(',');
        this.skipNL();
        const value = this.parseTermRel();
        if (!this.isKw('in'))
            this.unexpected('in');
        this.p++;
        this.skipNL();
        const coll = this.parseTermRel();
        let t = { t: 'call', fn: 'internal.member_3', args: [key, value, coll], loc: key.loc };
        while (this.isKw('in')) {
            this.p++;
            this.skipNL();
            t = { t: 'call', fn: 'internal.member_2', args: [t, this.parseTermRel()], loc: key.loc };
        }
        return t;
    }
    // ---------------------------------------------------------------- terms
    parseTermIn() {
        let lhs = this.parseTermRel();
        // `k, v in xs` only appears after `some`; plain `x in xs` is membership
        while (this.isKw('in')) {
            const loc = this.loc();
            this.p++;
            this.skipNL();
            const rhs = this.parseTermRel();
            lhs = { t: 'call', fn: 'internal.member_2', args: [lhs, rhs], loc };
        }
        return lhs;
    }
    parseTermRel() {
        let lhs = this.parseTermOr();
        for (;;) {
            const t = this.tok;
            if (t.kind !== 'punct' || !(t.text in REL_OPS))
                return lhs;
            this.p++;
            this.skipNL();
            const rhs = this.parseTermOr();
            lhs = { t: 'call', fn: REL_OPS[t.text], args: [lhs, rhs], loc: lhs.loc };
        }
    }
    parseTermOr() {
        let lhs = this.parseTermAnd();
        while (this.is('|') && this.depth >= 0) {
            if (this.noPipe)
                return lhs;
            this.p++;
            this.skipNL();
            const rhs = this.parseTermAnd();
            lhs = { t: 'call', fn: 'or', args: [lhs, rhs], loc: lhs.loc };
        }
        return lhs;
    }
    noPipe = false;
    /** A term that a top-level `|` ends (the head of a comprehension); restores the mode after. */
    parseTermInNoPipe() {
        const saved = this.noPipe;
        this.noPipe = true;
        try {
            return this.parseTermIn();
        }
        finally {
            this.noPipe = saved;
        }
    }
    parseTermAnd() {
        let lhs = this.parseTermArith();
        while (this.is('&')) {
            this.p++;
            this.skipNL();
            const rhs = this.parseTermArith();
            lhs = { t: 'call', fn: 'and', args: [lhs, rhs], loc: lhs.loc };
        }
        return lhs;
    }
    parseTermArith() {
        let lhs = this.parseTermFactor();
        for (;;) {
            const t = this.tok;
            if (t.kind !== 'punct' || !(t.text in ARITH_OPS))
                return lhs;
            this.p++;
            this.skipNL();
            const rhs = this.parseTermFactor();
            lhs = { t: 'call', fn: ARITH_OPS[t.text], args: [lhs, rhs], loc: lhs.loc };
        }
    }
    parseTermFactor() {
        let lhs = this.parseTerm();
        for (;;) {
            const t = this.tok;
            if (t.kind !== 'punct' || !(t.text in FACTOR_OPS))
                return lhs;
            this.p++;
            this.skipNL();
            const rhs = this.parseTerm();
            lhs = { t: 'call', fn: FACTOR_OPS[t.text], args: [lhs, rhs], loc: lhs.loc };
        }
    }
    /** a ref (var followed by .name / [term] ), used for package, import, with targets, rule heads */
    parseRefTerm(allowKeywordHead) {
        const t = this.tok;
        if (t.kind !== 'ident')
            this.unexpected('ident');
        if (!allowKeywordHead && ['true', 'false', 'null'].includes(t.text) && !this.nextIsRefCont())
            this.error(`unexpected ${t.text} keyword`);
        this.p++;
        const head = { t: 'var', name: t.text, loc: this.loc(t) };
        const path = [];
        for (;;) {
            const n = this.tok;
            if (n.kind === 'punct' && n.text === '.' && !n.spaceBefore) {
                this.p++;
                const id = this.tok;
                if (id.kind !== 'ident')
                    this.unexpected('ident');
                this.p++;
                const seg = { t: 'val', v: id.text, loc: this.loc(id) };
                this.dotted.add(seg);
                path.push(seg);
            }
            else if (n.kind === 'punct' && n.text === '[' && !n.spaceBefore) {
                this.p++;
                this.skipNL();
                path.push(this.parseTermIn());
                this.skipNL();
                this.expect(']');
            }
            else
                break;
        }
        return path.length ? { t: 'ref', head, path, loc: head.loc } : head;
    }
    parseTerm() {
        if (++this.depth > 1000)
            this.error('expression nesting too deep');
        try {
            let term = this.parsePrimary();
            // ref / call continuations
            for (;;) {
                const n = this.tok;
                if (n.kind !== 'punct' || n.spaceBefore)
                    break;
                if (n.text === '.') {
                    this.p++;
                    const id = this.tok;
                    if (id.kind !== 'ident')
                        this.unexpected('ident');
                    this.p++;
                    term = appendRef(term, { t: 'val', v: id.text, loc: this.loc(id) });
                }
                else if (n.text === '[') {
                    this.p++;
                    this.skipNL();
                    const k = this.parseTermIn();
                    this.skipNL();
                    this.expect(']');
                    term = appendRef(term, k);
                }
                else if (n.text === '(') {
                    const fn = callName(term);
                    if (fn === undefined)
                        break;
                    this.p++;
                    const args = this.parseList(')', () => this.parseTermIn());
                    if (fn === 'set' && args.length === 0)
                        term = { t: 'set', items: [], loc: term.loc };
                    else
                        term = { t: 'call', fn, args, loc: term.loc };
                }
                else
                    break;
            }
            return term;
        }
        finally {
            this.depth--;
        }
    }
    parseList(close, item) {
        const out = [];
        const saveNoPipe = this.noPipe;
        this.noPipe = false;
        try {
            this.skipNL();
            while (!this.is(close)) {
                out.push(item());
                this.skipNL();
                if (!this.accept(','))
                    break;
                this.skipNL();
            }
            this.skipNL();
            this.expect(close);
            return out;
        }
        finally {
            this.noPipe = saveNoPipe;
        }
    }
    parsePrimary() {
        const t = this.tok;
        const loc = this.loc();
        switch (t.kind) {
            case 'num':
                this.p++;
                return { t: 'val', v: parseNumber(t.text), loc };
            case 'str':
            case 'rawstr':
                this.p++;
                return { t: 'val', v: t.value, loc };
            case 'tmpl': {
                this.p++;
                const parts = [];
                for (const part of t.parts) {
                    if (part.text !== undefined)
                        parts.push(part.text);
                    else {
                        const sub = new Parser(lexer_lex(part.src, this.file, part.row, part.col), this.file);
                        sub.experimentalAndOr = this.experimentalAndOr;
                        sub.skipNL();
                        if (sub.tok.kind === 'eof')
                            sub.error('empty template expression');
                        const e = sub.parseLiteral();
                        sub.skipNL();
                        if (sub.tok.kind !== 'eof')
                            sub.unexpected();
                        parts.push(e);
                    }
                }
                return { t: 'template', parts, loc };
            }
            case 'ident': {
                this.p++;
                const cont = this.tok.kind === 'punct' &&
                    !this.tok.spaceBefore &&
                    (this.tok.text === '.' || this.tok.text === '[' || this.tok.text === '(');
                if (!cont)
                    switch (t.text) {
                        case 'true':
                            return { t: 'val', v: true, loc };
                        case 'false':
                            return { t: 'val', v: false, loc };
                        case 'null':
                            return { t: 'val', v: null, loc };
                    }
                if (KEYWORDS.has(t.text) && !cont) {
                    this.p--;
                    this.unexpected();
                }
                if (t.text === '_')
                    return { t: 'var', name: `$_${wildcardCounter++}`, loc };
                return { t: 'var', name: t.text, loc };
            }
            case 'punct':
                break;
            default:
                this.unexpected();
        }
        if (t.text === '(') {
            this.p++;
            this.skipNL();
            const saveNoPipe = this.noPipe;
            this.noPipe = false;
            let inner = this.parseTermIn();
            if (this.is(','))
                inner = this.parseMember3(inner);
            this.noPipe = saveNoPipe;
            this.skipNL();
            this.expect(')');
            return inner;
        }
        if (t.text === '-') {
            this.p++;
            const n = this.tok;
            if (n.kind === 'num' && !n.spaceBefore) {
                this.p++;
                const v = parseNumber(n.text);
                return { t: 'val', v: typeof v === 'bigint' ? -v : v === 0 ? 0 : -v, loc };
            }
            const operand = this.parseTerm();
            return { t: 'call', fn: 'minus', args: [{ t: 'val', v: 0, loc }, operand], loc };
        }
        if (t.text === '[') {
            this.p++;
            this.skipNL();
            if (this.is(']')) {
                this.p++;
                return { t: 'array', items: [], loc };
            }
            const first = this.parseTermInNoPipe();
            this.skipNL();
            if (this.is('|')) {
                this.p++;
                const body = this.parseBodyUntil(']');
                return { t: 'acomp', term: first, body, loc };
            }
            const items = [first];
            if (this.accept(',')) {
                this.skipNL();
                items.push(...this.parseList(']', () => this.parseTermIn()));
            }
            else {
                this.skipNL();
                this.expect(']');
            }
            return { t: 'array', items, loc };
        }
        if (t.text === '{') {
            this.p++;
            this.skipNL();
            if (this.is('}')) {
                this.p++;
                return { t: 'object', pairs: [], loc };
            }
            const first = this.parseTermInNoPipe();
            this.skipNL();
            if (this.is(':')) {
                this.p++;
                this.skipNL();
                const v = this.parseTermInNoPipe();
                this.skipNL();
                if (this.is('|')) {
                    this.p++;
                    const body = this.parseBodyUntil('}');
                    return { t: 'ocomp', key: first, value: v, body, loc };
                }
                const pairs = [[first, v]];
                while (this.accept(',')) {
                    this.skipNL();
                    if (this.is('}'))
                        break;
                    const k = this.parseTermIn();
                    this.skipNL();
                    this.expect(':');
                    this.skipNL();
                    const val = this.parseTermIn();
                    this.skipNL();
                    pairs.push([k, val]);
                }
                this.skipNL();
                this.expect('}');
                return { t: 'object', pairs, loc };
            }
            if (this.is('|')) {
                this.p++;
                const body = this.parseBodyUntil('}');
                return { t: 'scomp', term: first, body, loc };
            }
            const items = [first];
            if (this.accept(',')) {
                this.skipNL();
                items.push(...this.parseList('}', () => this.parseTermIn()));
            }
            else {
                this.skipNL();
                this.expect('}');
            }
            return { t: 'set', items, loc };
        }
        this.unexpected();
    }
}
function appendRef(term, k) {
    if (term.t === 'ref')
        return { t: 'ref', head: term.head, path: [...term.path, k], loc: term.loc };
    return { t: 'ref', head: term, path: [k], loc: term.loc };
}
/** dotted name of a ref usable as a function name (vars and string keys only) */
function callName(term) {
    if (term.t === 'var')
        return term.name;
    if (term.t !== 'ref' || term.head.t !== 'var')
        return undefined;
    const parts = [term.head.name];
    for (const p of term.path) {
        if (p.t !== 'val' || typeof p.v !== 'string')
            return undefined;
        parts.push(p.v);
    }
    return parts.join('.');
}
function refToPath(t, p) {
    if (t.t === 'var')
        return [t.name];
    if (t.t === 'ref' && t.head.t === 'var') {
        const out = [t.head.name];
        for (const x of t.path) {
            if (x.t !== 'val' || typeof x.v !== 'string') {
                if (p)
                    p.error('unexpected non-string path element');
                throw new Error('non-string path');
            }
            out.push(x.v);
        }
        return out;
    }
    if (p)
        p.error('expected reference');
    throw new Error('expected reference');
}
function parseNumber(text) {
    if (/^-?[0-9]+$/.test(text)) {
        const n = Number(text);
        if (Number.isSafeInteger(n))
            return n;
        return BigInt(text);
    }
    const n = Number(text);
    if (Number.isInteger(n) && !Number.isSafeInteger(n) && /^[0-9]+(\.0*)?$/.test(text))
        return BigInt(text.split('.')[0]);
    return n;
}
function hasAndOrImport(src) {
    return /^\s*import\s+future\.keywords(\.(and|or))?\s*$/m.test(src);
}
function parseModule(src, file, opts = {}) {
    const comments = [];
    const p = new Parser(lexer_lex(src, file, 1, 1, comments), file);
    p.experimentalAndOr = opts.experimental === true && hasAndOrImport(src);
    p.v0 = opts.regoVersion === 'v0' && !/^\s*import\s+rego\.v1\s*$/m.test(src);
    const mod = p.parseModule();
    attachAnnotations(mod, comments);
    return mod;
}
/** `# METADATA` comment blocks → annotations of the next package or rule */
function attachAnnotations(mod, comments) {
    for (let i = 0; i < comments.length; i++) {
        if (comments[i].text.trim() !== 'METADATA')
            continue;
        const start = comments[i];
        const lines = [];
        let j = i + 1;
        let lastRow = start.row;
        while (j < comments.length &&
            comments[j].row === lastRow + 1 &&
            comments[j].col === start.col) {
            lines.push(comments[j].text.startsWith(' ') ? comments[j].text.slice(1) : comments[j].text);
            lastRow = comments[j].row;
            j++;
        }
        i = j - 1;
        let value;
        try {
            const parsed = (0,dist.parse)(lines.join('\n'));
            value =
                parsed && typeof parsed === 'object' && !Array.isArray(parsed)
                    ? parsed
                    : {};
        }
        catch (e) {
            throw new errors_RegoError('rego_parse_error', `invalid METADATA block: ${e.message.split('\n')[0]}`, { file: mod.file, line: start.row, column: start.col });
        }
        const target = mod.rules.find(r => r.loc.row > lastRow);
        const isPkg = mod.pkgLoc.row > lastRow && (!target || target.loc.row > mod.pkgLoc.row);
        const scope = typeof value.scope === 'string' ? value.scope : isPkg ? 'package' : 'rule';
        if (Array.isArray(value.authors))
            value.authors = value.authors.map(a => {
                if (typeof a !== 'string')
                    return a;
                const m = /^(.*?)\s*<([^>]+)>$/.exec(a);
                return m ? (m[1] ? { name: m[1], email: m[2] } : { email: m[2] }) : { name: a };
            });
        const annotation = { ...value, scope };
        mod.annotations.push({
            scope,
            value: annotation,
            loc: { file: mod.file, row: start.row, col: start.col },
            target: isPkg ? undefined : target
        });
    }
}
function parser_parseQuery(src, file = 'query', opts = {}) {
    const p = new Parser(lexer_lex(src, file), file);
    p.experimentalAndOr = opts.experimental === true;
    return p.parseQueryBody();
}
function parser_parseTermSource(src, file = 'term') {
    const p = new Parser(lex(src, file), file);
    const body = p.parseQueryBody();
    const e = body[0];
    if (body.length !== 1 || e.k !== 'term')
        return p.error('expected a term');
    return e.term;
}

;// CONCATENATED MODULE: ./packages/rego/src/policy.ts







/** `now` option → nanoseconds since the epoch (undefined: use the clock) */
function nowNs(now) {
    if (now === undefined)
        return undefined;
    if (typeof now === 'bigint')
        return now;
    const ms = now instanceof Date ? now.getTime() : NaN;
    if (!Number.isFinite(ms))
        throw new errors_RegoError('eval_builtin_error', 'the now option must be a valid Date or a bigint');
    return BigInt(ms) * 1000000n;
}
class Policy {
    compiled;
    baseData;
    queryCache = new Map();
    experimental;
    constructor(modules, options = {}) {
        this.experimental = options.experimental === true;
        const asts = modules.map(m => parseModule(m.source, m.path, {
            experimental: this.experimental,
            regoVersion: options.regoVersion
        }));
        this.compiled = compiler_compileModules(asts);
        this.baseData = options.data === undefined ? new value_RegoObject() : fromJSON(options.data);
        if (options.strict)
            strictChecks(asts);
    }
    packages() {
        return this.compiled.packages.map(p => p.join('.'));
    }
    rules(pkg) {
        const node = this.compiled.root.lookup(pkg === '' ? [] : pkg.split('.'));
        if (!node)
            return [];
        const names = new Set();
        const pkgPath = pkg === '' ? [] : pkg.split('.');
        for (const m of this.compiled.modules) {
            if (m.pkg.slice(1).join('.') !== pkgPath.join('.'))
                continue;
            for (const r of m.rules)
                if (r.ref[0].t === 'var')
                    names.add(r.ref[0].name);
        }
        return [...names];
    }
    /** whether data.<pkg>.<rule> is a function (takes arguments) */
    isFunction(pkg, rule) {
        const node = this.compiled.root.lookup([...(pkg ? pkg.split('.') : []), ...rule.split('.')]);
        return node?.isFunction === true;
    }
    /**
     * An evaluation session over one input/data: several rules evaluated through it share the
     * converted input and the cache of virtual documents (faster than separate evalRule calls).
     */
    session(opts = {}) {
        const ev = guard(() => this.evaluator(opts));
        const value = (pkg, rule) => guard(() => evalPath(ev, pkg, rule));
        return {
            evalRuleValue: value,
            evalRule: (pkg, rule) => {
                const v = value(pkg, rule);
                return v === undefined ? undefined : toJSON(v);
            }
        };
    }
    /** value of data.<pkg>.<rule> as JSON (sets → sorted arrays), undefined when undefined */
    evalRule(pkg, rule, opts = {}) {
        const v = this.evalRuleValue(pkg, rule, opts);
        return v === undefined ? undefined : toJSON(v);
    }
    evalRuleValue(pkg, rule, opts = {}) {
        try {
            return guard(() => evalPath(this.ruleEvaluator(opts), pkg, rule));
        }
        catch (e) {
            this.reuse = undefined;
            throw e;
        }
    }
    /**
     * Consecutive evalRule calls with the same input and data objects (the usual pattern: several
     * rules checked against one document) share one evaluator, so helper rules are computed once.
     * Reuse is limited to one second so that time.now_ns() stays fresh (an explicit `now` must be
     * the same instant).
     */
    reuse;
    ruleEvaluator(opts) {
        const r = this.reuse;
        const now = Date.now();
        if (r &&
            r.input === opts.input &&
            r.data === opts.data &&
            r.opts.strictBuiltinErrors === opts.strictBuiltinErrors &&
            r.opts.maxSteps === opts.maxSteps &&
            r.opts.timeoutMs === opts.timeoutMs &&
            r.opts.print === opts.print &&
            r.opts.runtime === opts.runtime &&
            nowNs(r.opts.now) === nowNs(opts.now) &&
            now - r.at < 1000) {
            r.ev.resetLimits();
            return r.ev;
        }
        const ev = this.evaluator(opts);
        this.reuse = { input: opts.input, data: opts.data, opts: { ...opts }, at: now, ev };
        return ev;
    }
    query(query, opts = {}) {
        const { texts, body } = this.compileQuery(query);
        return this.queryRaw(query, opts).map(s => ({
            expressions: s.expressions.map((v, i) => ({
                value: toJSON(v),
                text: texts[i],
                location: { row: body[i].loc.row, col: body[i].loc.col }
            })),
            bindings: Object.fromEntries([...s.bindings].map(([k, v]) => [k, toJSON(v)]))
        }));
    }
    /** solutions with Rego values (sets stay sets) */
    queryRaw(query, opts = {}) {
        try {
            return guard(() => this.queryRawInner(query, opts));
        }
        catch (e) {
            this.reuse = undefined;
            throw e;
        }
    }
    queryRawInner(query, opts) {
        const q = this.compileQuery(query);
        // like evalRule: consecutive queries over the same input and data share the evaluator (and
        // its cache of evaluated rules)
        let ev;
        if (opts.inputValue !== undefined) {
            ev = this.evaluator(opts);
            ev.input = opts.inputValue;
        }
        else
            ev = this.ruleEvaluator(opts);
        const out = [];
        const exprVals = new Array(q.body.length);
        const f = new Map();
        const go = (i) => {
            if (i === q.body.length) {
                const bindings = new Map();
                for (const [k, v] of f)
                    if (!k.includes('$'))
                        bindings.set(k, v);
                out.push({ bindings, expressions: exprVals.slice() });
                return false;
            }
            return ev.evalExpr(q.body[i], f, () => go(i + 1), v => {
                exprVals[i] = v;
            });
        };
        guard(() => go(0));
        return out;
    }
    /** one-entry conversion caches: callers often evaluate several rules against the same object */
    lastInput;
    lastData;
    convert(j, slot) {
        const c = this[slot];
        if (c && c[0] === j && typeof j === 'object' && j !== null)
            return c[1];
        const v = fromJSON(j);
        this[slot] = [j, v];
        return v;
    }
    lastRuntime;
    convertRuntime(j) {
        if (this.lastRuntime && this.lastRuntime[0] === j)
            return this.lastRuntime[1];
        const v = fromJSON(j);
        this.lastRuntime = [j, v];
        return v;
    }
    evaluator(opts) {
        return new eval_Evaluator(this.compiled.root, {
            input: opts.input === undefined ? undefined : this.convert(opts.input, 'lastInput'),
            data: opts.data === undefined ? this.baseData : this.convert(opts.data, 'lastData'),
            strictBuiltinErrors: opts.strictBuiltinErrors,
            maxSteps: opts.maxSteps,
            timeoutMs: opts.timeoutMs,
            print: opts.print,
            now: nowNs(opts.now),
            runtime: opts.runtime === undefined ? undefined : this.convertRuntime(opts.runtime),
            parseModule: (file, src) => {
                let m;
                try {
                    m = parseModule(src, file);
                }
                catch (e) {
                    if (e instanceof errors_RegoError)
                        throw new BuiltinError(e.opaString());
                    throw e;
                }
                return fromJSON({
                    package: { path: m.pkg.map((p, i) => ({ type: i === 0 ? 'var' : 'string', value: p })) },
                    imports: m.imports.map(i => ({
                        path: { type: 'ref', value: refJSON(i.path) },
                        ...(i.alias ? { alias: i.alias } : {})
                    })),
                    rules: m.rules.map(r => ({
                        head: {
                            ref: r.ref.map(t => ({
                                type: t.t === 'var' ? 'var' : 'string',
                                value: t.t === 'var' ? t.name : t.t === 'val' ? t.v : null
                            }))
                        }
                    }))
                });
            }
        });
    }
    compileQuery(query) {
        let q = this.queryCache.get(query);
        if (q)
            return q;
        const parsed = parser_parseQuery(query, 'query', { experimental: this.experimental });
        const res = new Resolver({ pkg: [], roots: new Set(), imports: new Map(), file: 'query' }, p => {
            const n = this.compiled.root.lookup(p.split('.').slice(1));
            return n?.isFunction === true;
        });
        const body = res.body(parsed, new Scope(undefined, true));
        const arity = (fn) => {
            if (fn.startsWith('data.')) {
                const n = this.compiled.root.lookup(fn.split('.').slice(1));
                return (n?.funcs[0] ?? n?.defaultFuncs[0])?.args?.length;
            }
            return BUILTIN_ARITY.get(fn);
        };
        const top = new Set();
        collectTopCalls(body, top);
        for (const e of body)
            walkExprTerms(e, t => checkCallTerm(t, this.compiled.root, top));
        const safe = safeBody(body, new Set(), new Set(), arity).body;
        // each expression's source text: from its start to the start of the next one (source order)
        const lines = query.split('\n');
        const offset = (row, col) => {
            let o = 0;
            for (let r = 1; r < row; r++)
                o += lines[r - 1].length + 1;
            return o + col - 1;
        };
        const starts = safe.map(e => offset(e.loc.row, e.loc.col)).sort((a, b) => a - b);
        const texts = safe.map(e => {
            const s = offset(e.loc.row, e.loc.col);
            const next = starts.find(x => x > s) ?? query.length;
            return query.slice(s, next).replace(/[\s;]+$/, '');
        });
        q = { body: safe, texts };
        if (this.queryCache.size > 1000)
            this.queryCache.clear();
        this.queryCache.set(query, q);
        return q;
    }
}
function evalPath(ev, pkg, rule) {
    const loc = { file: 'query', row: 1, col: 1 };
    const path = [...(pkg ? pkg.split('.') : []), ...rule.split('.')];
    const term = {
        t: 'ref',
        head: { t: 'var', name: 'data', loc },
        path: path.map((p) => ({ t: 'val', v: p, loc })),
        loc
    };
    let out;
    ev.evalTerm(term, new Map(), v => {
        out = v;
        return true;
    });
    return out;
}
function refJSON(t) {
    if (t.t === 'var')
        return [{ type: 'var', value: t.name }];
    if (t.t === 'ref')
        return [
            ...refJSON(t.head),
            ...t.path.map(p => ({ type: 'string', value: p.t === 'val' ? p.v : null }))
        ];
    return [];
}
function guard(f) {
    try {
        return f();
    }
    catch (e) {
        if (e instanceof RangeError && /call stack/i.test(e.message))
            throw new errors_RegoError('eval_limit_error', 'evaluation exceeded the maximum depth (stack exhausted)');
        throw e;
    }
}
/** every var name and called function name in an AST fragment */
function collectNames(node, vars, calls) {
    if (Array.isArray(node)) {
        for (const x of node)
            collectNames(x, vars, calls);
        return;
    }
    if (!node || typeof node !== 'object')
        return;
    const o = node;
    if (o.t === 'var' && typeof o.name === 'string')
        vars.add(o.name);
    if (o.t === 'call' && typeof o.fn === 'string') {
        calls.add(o.fn);
        vars.add(o.fn.split('.')[0]);
    }
    for (const [k, v] of Object.entries(o))
        if (k !== 'loc' && k !== 'target')
            collectNames(v, vars, calls);
}
/** occurrences of each var name in an AST fragment, and the `:=` targets with their location */
function countVars(node, counts, assigned) {
    if (Array.isArray(node)) {
        for (const x of node)
            countVars(x, counts, assigned);
        return;
    }
    if (!node || typeof node !== 'object')
        return;
    const o = node;
    if (o.t === 'var' && typeof o.name === 'string')
        counts.set(o.name, (counts.get(o.name) ?? 0) + 1);
    if (o.t === 'call' && o.fn === 'assign' && Array.isArray(o.args)) {
        const lhs = o.args[0];
        const names = new Set();
        collectNames(lhs, names, new Set());
        for (const n of names)
            if (!n.startsWith('$_') && !assigned.has(n))
                assigned.set(n, lhs.loc);
    }
    for (const [k, v] of Object.entries(o))
        if (k !== 'loc' && k !== 'target')
            countVars(v, counts, assigned);
}
function strictChecks(mods) {
    for (const m of mods)
        for (const r of m.rules) {
            const counts = new Map();
            const assigned = new Map();
            countVars(r, counts, assigned);
            for (const [name, loc] of assigned)
                if ((counts.get(name) ?? 0) <= 1)
                    throw new errors_RegoError('rego_compile_error', `assigned var ${name} unused`, {
                        file: loc.file,
                        line: loc.row,
                        column: loc.col
                    });
        }
    for (const m of mods) {
        const vars = new Set();
        const calls = new Set();
        collectNames(m.rules, vars, calls);
        for (const fn of calls)
            if (DEPRECATED_BUILTINS.has(fn)) {
                const r = m.rules[0];
                throw new errors_RegoError('rego_type_error', `deprecated built-in function calls in expression: ${fn}`, { file: m.file, line: r.loc.row, column: r.loc.col });
            }
        for (const imp of m.imports) {
            const head = imp.path.t === 'ref' ? imp.path.head : imp.path;
            if (head.t !== 'var' || (head.name !== 'data' && head.name !== 'input'))
                continue;
            const last = imp.path.t === 'ref' ? imp.path.path[imp.path.path.length - 1] : undefined;
            const alias = imp.alias ?? (last?.t === 'val' && typeof last.v === 'string' ? last.v : head.name);
            if (!vars.has(alias))
                throw new errors_RegoError('rego_compile_error', `import ${alias} unused`, {
                    file: imp.loc.file,
                    line: imp.loc.row,
                    column: imp.loc.col
                });
        }
    }
    for (const m of mods) {
        const seen = new Set();
        for (const imp of m.imports) {
            const k = JSON.stringify(refJSON(imp.path)) + (imp.alias ?? '');
            if (seen.has(k))
                throw new errors_RegoError('rego_compile_error', 'import must not be imported multiple times', {
                    file: imp.loc.file,
                    line: imp.loc.row,
                    column: imp.loc.col
                });
            seen.add(k);
        }
    }
}
/** parse an `input_term`-style Rego term into a value (must be ground) */
function parseValue(src) {
    const t = parseTermSource(src);
    const ev = new Evaluator(compileModules([]).root, { data: new RegoObject() });
    let out;
    ev.evalTerm(t, new Map(), v => {
        out = v;
        return true;
    });
    if (out === undefined)
        throw new RegoError('rego_parse_error', 'term is undefined');
    return out;
}
function compile(modules, options = {}) {
    try {
        return new Policy(modules, options);
    }
    catch (e) {
        if (e instanceof RangeError && /call stack/i.test(e.message))
            throw new errors_RegoError('rego_compile_error', 'policy is too deeply nested to compile (stack exhausted)', {
                file: modules[0]?.path
            });
        throw e;
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./packages/rego/src/load.ts
/**
 * Loads policies and data like `opa eval -d`: `.rego` files become modules; `.json`/`.yaml`
 * files are data, placed at the path of their directory relative to the argument (OPA's rule).
 */




function walk(p, out) {
    const st = (0,external_node_fs_.statSync)(p);
    if (st.isDirectory()) {
        for (const e of (0,external_node_fs_.readdirSync)(p).sort()) {
            if (e.startsWith('.'))
                continue;
            walk(external_node_path_default().join(p, e), out);
        }
    }
    else
        out.push(p);
}
function isPlainObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function mergeInto(target, src, file) {
    if (!isPlainObject(src))
        throw new errors_RegoError('rego_compile_error', `${file}: data file must contain an object`, { file });
    for (const [k, v] of Object.entries(src)) {
        const prev = target[k];
        if (isPlainObject(prev) && isPlainObject(v))
            mergeInto(prev, v, file);
        else if (prev !== undefined)
            throw new errors_RegoError('rego_compile_error', `${file}: merge error: conflicting data at ${k}`, {
                file
            });
        else
            target[k] = v;
    }
}
/** parse JSON or YAML text (by extension; YAML is a superset, used as the fallback) */
function parseDataFile(file, text) {
    try {
        if (file.endsWith('.json'))
            return JSON.parse(text);
        return (0,dist.parse)(text);
    }
    catch (e) {
        throw new errors_RegoError('rego_parse_error', `${file}: ${e.message.split('\n')[0]}`, {
            file
        });
    }
}
function loadFiles(paths, cwd) {
    const modules = [];
    const data = {};
    for (const arg of paths) {
        const abs = external_node_path_default().resolve(cwd, arg);
        let files = [];
        try {
            walk(abs, files);
        }
        catch {
            throw new errors_RegoError('rego_compile_error', `${arg}: no such file or directory`, { file: arg });
        }
        files = files.filter(f => /\.(rego|json|ya?ml)$/.test(f));
        const isDir = (0,external_node_fs_.statSync)(abs).isDirectory();
        for (const f of files) {
            const shown = external_node_path_default().relative(cwd, f) || f;
            const text = (0,external_node_fs_.readFileSync)(f, 'utf8');
            if (f.endsWith('.rego')) {
                modules.push({ path: shown, source: text });
                continue;
            }
            const value = parseDataFile(shown, text);
            const rel = isDir ? external_node_path_default().relative(abs, external_node_path_default().dirname(f)) : '';
            const prefix = rel ? rel.split((external_node_path_default()).sep) : [];
            let wrapped = value;
            for (const k of [...prefix].reverse())
                wrapped = { [k]: wrapped };
            mergeInto(data, wrapped, shown);
        }
    }
    return { modules, data };
}

;// CONCATENATED MODULE: ./packages/rego/src/index.ts
/** @secure-pipeline/rego: an in-process Rego (OPA v1 syntax) engine. */








/***/ })

};
