export const id = 464;
export const ids = [464];
export const modules = {

/***/ 43464:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  At: () => (/* reexport */ model_EVIDENCE_KINDS),
  ge: () => (/* reexport */ auditContextFromEnv),
  tV: () => (/* reexport */ formatDecisionText),
  bN: () => (/* reexport */ gatePolicyFromSource),
  eA: () => (/* reexport */ loadGatePolicy),
  Rg: () => (/* reexport */ runGate),
  Bq: () => (/* reexport */ toVerificationSummary)
});

// UNUSED EXPORTS: AUDIT_SCHEMA, BUILTIN_PACKAGE, GATE_VERIFIER_ID, MAX_EVIDENCE_BYTES, SEVERITY_RANK, USER_PACKAGE, VSA_PREDICATE_TYPE, buildInput, compileRules, evaluateNative, expandEvidence, formatDecisionMarkdown, formatDuration, globToRegex, licenseIds, loadEvidence, loadEvidenceFile, looksDeclarative, parseCron, parseDeclarativePolicy, parseDuration, parseEvidenceSpec, parseInstant, wallClock, windowStates, zonedInstant

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 9 modules
var src = __webpack_require__(12501);
// EXTERNAL MODULE: ./packages/rego/src/index.ts + 35 modules
var rego_src = __webpack_require__(98183);
;// CONCATENATED MODULE: ./packages/gate/src/model.ts
/** The input document every gate policy sees, and the decision it produces. */
const model_EVIDENCE_KINDS = [
    'secret-scan',
    'sbom',
    'policy-check',
    'vulnerability-scan',
    'verification',
    'provenance',
    'facts'
];
const model_SEVERITY_RANK = {
    critical: 4,
    high: 3,
    medium: 2,
    low: 1,
    info: 0
};

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./packages/gate/src/time.ts
/**
 * Calendar arithmetic the gate does before evaluation: durations, wall-clock times in an IANA
 * time zone, cron-like recurring windows and one-time date ranges. Everything takes `now`
 * explicitly, so freeze windows and freshness are testable.
 */
const UNITS = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
/** `90s`, `15m`, `24h`, `7d`, `2w`, `1d12h` or a number of seconds → seconds; undefined if invalid. */
function parseDuration(text) {
    if (typeof text === 'number')
        return Number.isFinite(text) && text >= 0 ? text : undefined;
    const s = text.trim();
    if (/^\d+(\.\d+)?$/.test(s))
        return Number(s);
    if (!/^(\d+(\.\d+)?[smhdw])+$/.test(s))
        return undefined;
    let total = 0;
    for (const m of s.matchAll(/(\d+(?:\.\d+)?)([smhdw])/g))
        total += Number(m[1]) * UNITS[m[2]];
    return total;
}
function time_formatDuration(seconds) {
    const parts = [];
    let rest = Math.round(seconds);
    for (const [unit, size] of [
        ['d', 86400],
        ['h', 3600],
        ['m', 60]
    ]) {
        if (rest >= size) {
            parts.push(`${Math.floor(rest / size)}${unit}`);
            rest %= size;
        }
    }
    if (rest > 0 || parts.length === 0)
        parts.push(`${rest}s`);
    return parts.join('');
}
const formatters = new Map();
/** Whether `tz` is an IANA zone name (or UTC) that this runtime knows. */
function isTimeZone(tz) {
    try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
    }
    catch {
        return false;
    }
}
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** The wall-clock time in `tz` at the instant `ms` (Unix milliseconds). */
function wallClock(ms, tz) {
    let f = formatters.get(tz);
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
            weekday: 'short'
        });
        formatters.set(tz, f);
    }
    const parts = {};
    for (const p of f.formatToParts(new Date(ms)))
        parts[p.type] = p.value;
    return {
        year: Number(parts.year),
        month: Number(parts.month),
        day: Number(parts.day),
        hour: Number(parts.hour) % 24,
        minute: Number(parts.minute),
        second: Number(parts.second),
        weekday: WEEKDAYS.indexOf(parts.weekday)
    };
}
/**
 * The instant at which the wall clock in `tz` shows the given local time. Like Temporal's
 * "compatible" disambiguation: in an overlap (clocks go back) the earlier instant; in a gap
 * (clocks go forward) the time is moved forward by the gap.
 */
function zonedInstant(local, tz) {
    const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0, local.second ?? 0);
    const offsetAt = (ms) => {
        const w = wallClock(ms, tz);
        return (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) -
            Math.floor(ms / 1000) * 1000);
    };
    const before = offsetAt(asUtc - 86_400_000);
    const after = offsetAt(asUtc + 86_400_000);
    const shows = (t) => {
        const w = wallClock(t, tz);
        return (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) ===
            Math.floor(asUtc / 1000) * 1000);
    };
    const candidates = [asUtc - before, asUtc - after].filter(shows).sort((a, b) => a - b);
    return candidates[0] ?? asUtc - before;
}
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
/**
 * An instant from an RFC 3339 timestamp (with offset), or a local `YYYY-MM-DD[THH:MM[:SS]]`
 * read in `tz`. Undefined when it is neither.
 */
function parseInstant(text, tz) {
    const local = DATE_RE.exec(text.trim());
    if (local) {
        const [, y, mo, d, h, mi, s] = local;
        return zonedInstant({
            year: Number(y),
            month: Number(mo),
            day: Number(d),
            hour: Number(h ?? 0),
            minute: Number(mi ?? 0),
            second: Number(s ?? 0)
        }, tz);
    }
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(text.trim()))
        return undefined;
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : ms;
}
/** A timestamp from evidence (RFC 3339 / ISO 8601, or Unix seconds); undefined if unparseable. */
function parseTimestamp(value) {
    if (typeof value === 'number' && Number.isFinite(value))
        return value > 1e12 ? value : value * 1000;
    if (typeof value !== 'string' || value.trim() === '')
        return undefined;
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
}
// ---- cron ----
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
function parseField(field, min, max, names) {
    const out = new Set();
    const value = (s) => {
        const idx = names?.indexOf(s.toUpperCase()) ?? -1;
        if (idx >= 0)
            return idx + (names === MONTHS ? 1 : 0);
        return /^\d+$/.test(s) ? Number(s) : NaN;
    };
    for (const part of field.split(',')) {
        const m = /^(\*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/(\d+))?$/.exec(part);
        if (!m)
            return `invalid cron field "${field}"`;
        const step = m[2] ? Number(m[2]) : 1;
        let lo;
        let hi;
        if (m[1] === '*') {
            lo = min;
            hi = max;
        }
        else {
            const [a, b] = m[1].split('-');
            lo = value(a);
            hi = b === undefined ? (m[2] ? max : lo) : value(b);
        }
        if (names === DAYS && hi === 7)
            hi = 7;
        if (!Number.isInteger(lo) ||
            !Number.isInteger(hi) ||
            step < 1 ||
            lo < min ||
            hi > (names === DAYS ? 7 : max) ||
            lo > hi)
            return `invalid cron field "${field}" (allowed ${min}-${max})`;
        for (let v = lo; v <= hi; v += step)
            out.add(names === DAYS ? v % 7 : v);
    }
    return out;
}
/** `minute hour day-of-month month day-of-week` (names like MON, JAN allowed). */
function parseCron(expr) {
    const fields = expr.trim().split(/\s+/);
    if (fields.length !== 5)
        return `a cron expression has 5 fields (minute hour day month weekday), got ${fields.length}`;
    const minutes = parseField(fields[0], 0, 59);
    const hours = parseField(fields[1], 0, 23);
    const days = parseField(fields[2], 1, 31);
    const months = parseField(fields[3], 1, 12, MONTHS);
    const weekdays = parseField(fields[4], 0, 6, DAYS);
    for (const f of [minutes, hours, days, months, weekdays])
        if (typeof f === 'string')
            return f;
    return {
        minutes: minutes,
        hours: hours,
        days: days,
        months: months,
        weekdays: weekdays,
        dayOr: fields[2] !== '*' && fields[4] !== '*'
    };
}
function cronMatches(c, w) {
    if (!c.minutes.has(w.minute) || !c.hours.has(w.hour) || !c.months.has(w.month))
        return false;
    const d = c.days.has(w.day);
    const wd = c.weekdays.has(w.weekday);
    return c.dayOr ? d || wd : d && wd;
}
/**
 * The latest minute at which `cron` fired in `tz` within `lookbackSeconds` before (and
 * including) `nowMs`, or undefined.
 */
function lastCronFire(c, tz, nowMs, lookbackSeconds) {
    const start = Math.floor(nowMs / 60000) * 60000;
    const steps = Math.ceil(lookbackSeconds / 60);
    // The zone offset is looked up once per UTC half hour (every real zone changes offset on a
    // half-hour boundary), then each minute's wall clock is plain arithmetic.
    const offsets = new Map();
    for (let i = 0; i <= steps; i++) {
        const t = start - i * 60000;
        if (i > 0 && nowMs - t >= lookbackSeconds * 1000)
            break;
        const bucket = Math.floor(t / 1800000);
        let offset = offsets.get(bucket);
        if (offset === undefined) {
            const w = wallClock(t, tz);
            offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - t;
            offsets.set(bucket, offset);
        }
        const d = new Date(t + offset);
        const w = {
            year: d.getUTCFullYear(),
            month: d.getUTCMonth() + 1,
            day: d.getUTCDate(),
            hour: d.getUTCHours(),
            minute: d.getUTCMinutes(),
            second: 0,
            weekday: d.getUTCDay()
        };
        if (cronMatches(c, w))
            return t;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./packages/gate/src/config.ts
/**
 * The declarative gate policy (YAML): parsed strictly — an unknown key, a bad duration, time zone,
 * cron expression or regular expression is an InputError with the file and line.
 */




const KNOWN_PREDICATES = {
    slsaprovenance: 'https://slsa.dev/provenance/v0.2',
    slsaprovenance02: 'https://slsa.dev/provenance/v0.2',
    slsaprovenance1: 'https://slsa.dev/provenance/v1',
    cyclonedx: 'https://cyclonedx.org/bom',
    spdx: 'https://spdx.dev/Document',
    spdxjson: 'https://spdx.dev/Document',
    vuln: 'https://cosign.sigstore.dev/attestation/vuln/v1',
    custom: 'https://cosign.sigstore.dev/attestation/v1',
    vsa: 'https://slsa.dev/verification_summary/v1'
};
const TOP_KEYS = [
    'version',
    'mode',
    'require',
    'deny-on',
    'max-age',
    'freeze-windows',
    'approvals',
    'break-glass',
    'environments',
    'rego'
];
const ENV_KEYS = TOP_KEYS.filter(k => k !== 'environments' && k !== 'rego' && k !== 'version');
class Reader {
    file;
    at;
    constructor(file, at) {
        this.file = file;
        this.at = at;
    }
    error(path, message) {
        throw new src/* InputError */.dz('GATE_POLICY_INVALID', `${path.join('.') || 'policy'}: ${message}`, {
            position: { file: this.file, line: this.at(path) }
        });
    }
    object(v, path, keys) {
        if (typeof v !== 'object' || v === null || Array.isArray(v))
            this.error(path, 'must be a mapping');
        for (const k of Object.keys(v))
            if (!keys.includes(k))
                this.error([...path, k], `unknown key (expected one of ${keys.join(', ')})`);
        return v;
    }
    string(v, path) {
        if (typeof v !== 'string' || v === '')
            this.error(path, 'must be a non-empty string');
        return v;
    }
    strings(v, path) {
        if (typeof v === 'string')
            return [v];
        if (!Array.isArray(v))
            this.error(path, 'must be a list of strings');
        return v.map((s, i) => this.string(s, [...path, i]));
    }
    regexp(v, path) {
        const s = this.string(v, path);
        try {
            new RegExp(s, 'u');
        }
        catch (err) {
            this.error(path, `invalid regular expression: ${err.message}`);
        }
        return s;
    }
    bool(v, path) {
        if (typeof v !== 'boolean')
            this.error(path, 'must be true or false');
        return v;
    }
    count(v, path) {
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
            this.error(path, 'must be a whole number ≥ 0');
        return v;
    }
    duration(v, path) {
        const d = typeof v === 'string' || typeof v === 'number' ? parseDuration(v) : undefined;
        if (d === undefined)
            this.error(path, `invalid duration ${JSON.stringify(v)} (use e.g. 30m, 24h, 7d, 1d12h)`);
        return d;
    }
    threshold(v, path) {
        if (v === true)
            return 'any';
        if (v === false)
            return 'none';
        if (typeof v === 'string' && (v === 'any' || v === 'none' || v in model_SEVERITY_RANK))
            return v;
        this.error(path, `must be any, none or a severity (${Object.keys(model_SEVERITY_RANK).join(', ')})`);
    }
    matcher(o, exactKey, path) {
        const exact = o[exactKey];
        const re = o[`${exactKey}-regexp`];
        if (exact !== undefined && re !== undefined)
            this.error([...path, `${exactKey}-regexp`], `give ${exactKey} or ${exactKey}-regexp, not both`);
        if (exact !== undefined)
            return { exact: this.string(exact, [...path, exactKey]) };
        if (re !== undefined)
            return { regexp: this.regexp(re, [...path, `${exactKey}-regexp`]) };
        return undefined;
    }
}
function predicateURI(s) {
    return KNOWN_PREDICATES[s.toLowerCase()] ?? s;
}
function readRules(r, raw, base) {
    const rules = {
        mode: 'enforce',
        require: { attestations: [], evidence: [], facts: [] },
        denyOn: { licenses: [], packages: [] },
        maxAge: {},
        freezeWindows: [],
        breakGlass: false
    };
    if (raw.mode !== undefined) {
        if (raw.mode !== 'enforce' && raw.mode !== 'warn')
            r.error([...base, 'mode'], 'must be enforce or warn');
        rules.mode = raw.mode;
    }
    if (raw.require !== undefined) {
        const p = [...base, 'require'];
        const req = r.object(raw.require, p, [
            'signature',
            'attestations',
            'sbom',
            'provenance',
            'evidence',
            'facts',
            ...model_EVIDENCE_KINDS
        ]);
        if (req.signature !== undefined && req.signature !== false) {
            const sp = [...p, 'signature'];
            const ghKeys = [
                'repository',
                'ref',
                'workflow',
                'trigger',
                'runner-environment',
                'sha'
            ];
            const s = req.signature === true
                ? {}
                : r.object(req.signature, sp, [
                    'identity',
                    'identity-regexp',
                    'issuer',
                    'issuer-regexp',
                    ...ghKeys
                ]);
            const github = {};
            for (const k of ghKeys)
                if (s[k] !== undefined)
                    github[k] = r.string(s[k], [...sp, k]);
            rules.require.signature = {
                identity: r.matcher(s, 'identity', sp),
                issuer: r.matcher(s, 'issuer', sp),
                github
            };
        }
        if (req.attestations !== undefined)
            rules.require.attestations = r
                .strings(req.attestations, [...p, 'attestations'])
                .map(predicateURI);
        if (req.sbom !== undefined && req.sbom !== false) {
            const s = req.sbom === true ? {} : r.object(req.sbom, [...p, 'sbom'], ['min-components']);
            rules.require.sbom = {
                minComponents: s['min-components'] === undefined
                    ? 0
                    : r.count(s['min-components'], [...p, 'sbom', 'min-components'])
            };
        }
        if (req.provenance !== undefined && req.provenance !== false) {
            const pp = [...p, 'provenance'];
            const s = req.provenance === true
                ? {}
                : r.object(req.provenance, pp, [
                    'builder-id',
                    'builder-id-regexp',
                    'source-repository',
                    'source-ref',
                    'match-artifact'
                ]);
            rules.require.provenance = {
                builderId: r.matcher(s, 'builder-id', pp),
                sourceRepository: s['source-repository'] === undefined
                    ? undefined
                    : r.string(s['source-repository'], [...pp, 'source-repository']),
                sourceRef: s['source-ref'] === undefined
                    ? undefined
                    : r.string(s['source-ref'], [...pp, 'source-ref']),
                matchArtifact: s['match-artifact'] === undefined
                    ? true
                    : r.bool(s['match-artifact'], [...pp, 'match-artifact'])
            };
        }
        const evidence = new Set();
        for (const k of model_EVIDENCE_KINDS) {
            if (k === 'sbom' || k === 'provenance' || (k === 'facts' && typeof req.facts !== 'boolean'))
                continue; // sections of their own
            if (req[k] !== undefined && r.bool(req[k], [...p, k]))
                evidence.add(k);
        }
        if (req.evidence !== undefined)
            for (const [i, k] of r.strings(req.evidence, [...p, 'evidence']).entries()) {
                if (!model_EVIDENCE_KINDS.includes(k))
                    r.error([...p, 'evidence', i], `unknown evidence kind (expected ${model_EVIDENCE_KINDS.join(', ')})`);
                evidence.add(k);
            }
        rules.require.evidence = [...evidence];
        if (req.facts !== undefined && typeof req.facts !== 'boolean')
            rules.require.facts = r.strings(req.facts, [...p, 'facts']);
    }
    if (raw['deny-on'] !== undefined) {
        const p = [...base, 'deny-on'];
        const d = r.object(raw['deny-on'], p, [
            'secrets',
            'policy-failures',
            'policy-warnings',
            'vulnerabilities',
            'licenses',
            'packages'
        ]);
        if (d.secrets !== undefined)
            rules.denyOn.secrets = r.threshold(d.secrets, [...p, 'secrets']);
        if (d['policy-failures'] !== undefined)
            rules.denyOn.policyFailures = r.threshold(d['policy-failures'], [...p, 'policy-failures']);
        if (d['policy-warnings'] !== undefined)
            rules.denyOn.policyWarnings = r.threshold(d['policy-warnings'], [...p, 'policy-warnings']);
        if (d.vulnerabilities !== undefined) {
            const vp = [...p, 'vulnerabilities'];
            if (typeof d.vulnerabilities === 'object' && d.vulnerabilities !== null) {
                const v = r.object(d.vulnerabilities, vp, ['severity', 'max', 'ignore', 'block']);
                rules.denyOn.vulnerabilities = {
                    severity: v.severity === undefined ? 'any' : r.threshold(v.severity, [...vp, 'severity']),
                    max: v.max === undefined ? 0 : r.count(v.max, [...vp, 'max']),
                    ignore: v.ignore === undefined ? [] : r.strings(v.ignore, [...vp, 'ignore']),
                    block: v.block === undefined ? [] : r.strings(v.block, [...vp, 'block'])
                };
            }
            else
                rules.denyOn.vulnerabilities = {
                    severity: r.threshold(d.vulnerabilities, vp),
                    max: 0,
                    ignore: [],
                    block: []
                };
        }
        if (d.licenses !== undefined)
            rules.denyOn.licenses = r.strings(d.licenses, [...p, 'licenses']);
        if (d.packages !== undefined)
            rules.denyOn.packages = r.strings(d.packages, [...p, 'packages']);
    }
    if (raw['max-age'] !== undefined) {
        const p = [...base, 'max-age'];
        if (typeof raw['max-age'] === 'object' && raw['max-age'] !== null) {
            const m = r.object(raw['max-age'], p, ['default', ...model_EVIDENCE_KINDS]);
            for (const [k, v] of Object.entries(m))
                rules.maxAge[k] = r.duration(v, [...p, k]);
        }
        else
            rules.maxAge.default = r.duration(raw['max-age'], p);
    }
    if (raw['freeze-windows'] !== undefined) {
        const p = [...base, 'freeze-windows'];
        if (!Array.isArray(raw['freeze-windows']))
            r.error(p, 'must be a list');
        for (const [i, w] of raw['freeze-windows'].entries()) {
            const wp = [...p, i];
            const o = r.object(w, wp, [
                'name',
                'description',
                'timezone',
                'start',
                'end',
                'cron',
                'duration'
            ]);
            const name = o.name === undefined ? `window-${i + 1}` : r.string(o.name, [...wp, 'name']);
            if (!/^[A-Za-z0-9_.-]+$/.test(name))
                r.error([...wp, 'name'], 'may only contain letters, digits, ".", "_" and "-"');
            const timezone = o.timezone === undefined ? 'UTC' : r.string(o.timezone, [...wp, 'timezone']);
            if (!isTimeZone(timezone))
                r.error([...wp, 'timezone'], `unknown time zone "${timezone}" (use an IANA name such as Europe/Berlin)`);
            const win = {
                name,
                timezone,
                description: o.description === undefined ? '' : r.string(o.description, [...wp, 'description'])
            };
            if (o.cron !== undefined) {
                if (o.start !== undefined || o.end !== undefined)
                    r.error([...wp, 'cron'], 'a window has either cron (+ duration) or start/end');
                const c = parseCron(r.string(o.cron, [...wp, 'cron']));
                if (typeof c === 'string')
                    r.error([...wp, 'cron'], c);
                win.cron = o.cron;
                win.durationSeconds =
                    o.duration === undefined ? 60 : r.duration(o.duration, [...wp, 'duration']);
            }
            else {
                if (o.start === undefined || o.end === undefined)
                    r.error(wp, 'a window needs start and end (dates or times), or cron');
                if (o.duration !== undefined)
                    r.error([...wp, 'duration'], 'duration goes with cron');
                const at = (k) => {
                    const v = o[k] instanceof Date ? o[k].toISOString().slice(0, 10) : o[k];
                    const ms = typeof v === 'string' ? parseInstant(v, timezone) : undefined;
                    if (ms === undefined)
                        r.error([...wp, k], 'must be a date (2026-12-20), a local time (2026-12-20T18:00) or an RFC 3339 timestamp');
                    return ms;
                };
                win.start = at('start');
                const endRaw = o.end instanceof Date ? o.end.toISOString().slice(0, 10) : o.end;
                // A bare end date includes that whole day.
                win.end =
                    typeof endRaw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(endRaw.trim())
                        ? parseInstant(`${endRaw.trim()}T23:59:59`, timezone) + 1000
                        : at('end');
                if (win.end <= win.start)
                    r.error([...wp, 'end'], 'must be after start');
            }
            if (rules.freezeWindows.some(x => x.name === name))
                r.error([...wp, 'name'], `duplicate window name "${name}"`);
            rules.freezeWindows.push(win);
        }
    }
    if (raw.approvals !== undefined) {
        const p = [...base, 'approvals'];
        if (typeof raw.approvals === 'number')
            rules.approvals = { count: r.count(raw.approvals, p), preventSelfApproval: true };
        else {
            const a = r.object(raw.approvals, p, ['count', 'prevent-self-approval']);
            rules.approvals = {
                count: r.count(a.count, [...p, 'count']),
                preventSelfApproval: a['prevent-self-approval'] === undefined
                    ? true
                    : r.bool(a['prevent-self-approval'], [...p, 'prevent-self-approval'])
            };
        }
    }
    if (raw['break-glass'] !== undefined) {
        const p = [...base, 'break-glass'];
        rules.breakGlass =
            typeof raw['break-glass'] === 'boolean'
                ? raw['break-glass']
                : r.bool(r.object(raw['break-glass'], p, ['allowed']).allowed, [...p, 'allowed']);
    }
    return rules;
}
/** Environment sections override the base: mappings merge key by key, everything else replaces. */
function merge(base, over) {
    if (typeof base !== 'object' || base === null || Array.isArray(base))
        return over;
    if (typeof over !== 'object' || over === null || Array.isArray(over))
        return over;
    const out = { ...base };
    for (const [k, v] of Object.entries(over))
        out[k] = k in out ? merge(out[k], v) : v;
    return out;
}
function looksDeclarative(source) {
    return !/^\s*package\s+[A-Za-z_]/m.test(source);
}
function parseDeclarativePolicy(source, file) {
    const lineCounter = new dist.LineCounter();
    const doc = (0,dist.parseDocument)(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        throw new src/* InputError */.dz('GATE_POLICY_INVALID', `invalid YAML: ${e.message.split('\n')[0]}`, {
            position: { file, line: lineCounter.linePos(e.pos[0]).line }
        });
    }
    const at = (p) => {
        for (let n = p.length; n >= 0; n--) {
            const node = (n === 0 ? doc.contents : doc.getIn(p.slice(0, n), true));
            if (node && ((0,dist.isMap)(node) || (0,dist.isSeq)(node) || (0,dist.isScalar)(node)) && node.range)
                return lineCounter.linePos(node.range[0]).line;
        }
        return undefined;
    };
    const reader = new Reader(file, at);
    const raw = reader.object(doc.toJS({ maxAliasCount: 100 }) ?? {}, [], TOP_KEYS);
    if (raw.version !== undefined && raw.version !== 1)
        reader.error(['version'], 'only version 1 is supported');
    const { environments: envRaw, rego: regoRaw, version: _v, ...baseRaw } = raw;
    const base = readRules(reader, baseRaw, []);
    const envs = new Map();
    if (envRaw !== undefined) {
        const e = reader.object(envRaw, ['environments'], Object.keys(envRaw ?? {}));
        for (const [name, section] of Object.entries(e)) {
            const s = reader.object(section ?? {}, ['environments', name], ENV_KEYS);
            readRules(reader, s, ['environments', name]); // validates with the section's own lines
            envs.set(name, s);
        }
    }
    const rego = regoRaw === undefined ? [] : reader.strings(regoRaw, ['rego']);
    const cache = new Map();
    return {
        environments: [...envs.keys()],
        rego,
        rules(environment) {
            const section = environment === null ? undefined : envs.get(environment);
            if (!section)
                return base;
            let r = cache.get(environment);
            if (!r) {
                r = readRules(reader, merge(baseRaw, section), ['environments', environment]);
                cache.set(environment, r);
            }
            return r;
        }
    };
}
/** Glob (`*` any run, `?` one character) → anchored, case-insensitive regular expression source. */
function config_globToRegex(glob) {
    let out = '';
    for (const ch of glob.toLowerCase()) {
        if (ch === '*')
            out += '.*';
        else if (ch === '?')
            out += '.';
        else
            out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
    return `^${out}$`;
}

;// CONCATENATED MODULE: ./packages/gate/src/compile.ts
/**
 * Declarative gate policy → Rego. Each configured requirement becomes a `violation` rule in
 * `package gate.builtin`; `deny`/`warn` there apply warn mode and break-glass, and merge the
 * deny/violation/warn rules of any user Rego in `package gate`. The generated module is plain
 * Rego that `secure-pipeline gate --print-rego` shows, so what the gate decides can be audited.
 */



const BUILTIN_PACKAGE = 'gate.builtin';
const q = (s) => JSON.stringify(s);
const anchored = (re) => `^(?:${re})$`;
function thresholdRank(t) {
    if (t === 'none')
        return undefined;
    if (t === 'any')
        return 0;
    return model_SEVERITY_RANK[t];
}
function matcherCond(m, expr) {
    return m.exact !== undefined
        ? `${expr} == ${q(m.exact)}`
        : `is_string(${expr})\n\tregex.match(${q(anchored(m.regexp ?? ''))}, ${expr})`;
}
function matcherText(m) {
    return m.exact !== undefined ? m.exact : `matching ${anchored(m.regexp ?? '')}`;
}
const PRESENT = {
    'secret-scan': 'input.secret_scan.present == true',
    sbom: 'input.sbom.present == true',
    'policy-check': 'input.policy_check.present == true',
    'vulnerability-scan': 'input.vulnerability_scan.present == true',
    verification: 'count(input.verifications) > 0',
    provenance: 'count(input.provenance) > 0',
    facts: 'present_kind("facts")'
};
function repoName(v) {
    return v.replace(/^https:\/\/[^/]+\//, '').replace(/\.git$/, '');
}
/** Generates the Rego module for one environment's rules. */
function compileRules(rules, withUserRego) {
    const out = [
        `package ${BUILTIN_PACKAGE}`,
        '',
        'import rego.v1',
        '',
        `rank := ${JSON.stringify(model_SEVERITY_RANK)}`,
        '',
        'present_kind(kind) if {',
        '\tsome e in input.evidence',
        '\te.kind == kind',
        '}',
        ''
    ];
    const emit = (...lines) => {
        out.push(...lines, '');
    };
    const required = new Set(rules.require.evidence);
    // ---- signature ----
    // A verification that failed is always a violation, whatever else the policy requires.
    emit('violation contains {"id": "signature/not-verified", "msg": msg} if {', '\tsome s in input.verifications', '\ts.verified != true', '\tmsg := sprintf("signature of %v did not verify (%v): %v", [s.subject, s.path, s.error])', '}');
    const sig = rules.require.signature;
    if (sig) {
        const conds = ['\ts.verified == true'];
        const expected = [];
        if (sig.identity) {
            conds.push(`\t${matcherCond(sig.identity, 's.identity')}`);
            expected.push(`identity ${matcherText(sig.identity)}`);
        }
        if (sig.issuer) {
            conds.push(`\t${matcherCond(sig.issuer, 's.issuer')}`);
            expected.push(`issuer ${matcherText(sig.issuer)}`);
        }
        const gh = sig.github;
        const claim = (key, field, value) => {
            conds.push(`\ts.github.${field} == ${q(value)}`);
            expected.push(`${key} ${value}`);
        };
        if (gh.repository)
            claim('repository', 'repository', repoName(gh.repository));
        if (gh.ref)
            claim('ref', 'ref', gh.ref);
        if (gh.trigger)
            claim('trigger', 'trigger', gh.trigger);
        if (gh['runner-environment'])
            claim('runner-environment', 'runner_environment', gh['runner-environment']);
        if (gh.sha)
            claim('sha', 'sha', gh.sha);
        if (gh.workflow) {
            conds.push('\tsignature_workflow_ok(s)');
            expected.push(`workflow ${gh.workflow}`);
            emit(`signature_workflow_ok(s) if s.github.workflow == ${q(gh.workflow)}`, '', `signature_workflow_ok(s) if s.github.workflow_name == ${q(gh.workflow)}`);
        }
        emit('signature_ok(s) if {', ...conds, '}');
        emit('any_signature_ok if {', '\tsome s in input.verifications', '\tsignature_ok(s)', '}');
        emit('verified_signers := [sprintf("%v (%v)", [s.identity, s.issuer]) | some s in input.verifications; s.verified == true]', '', 'signers_text := concat(", ", verified_signers) if count(verified_signers) > 0', '', 'signers_text := "no verified signature" if count(verified_signers) == 0');
        emit('violation contains {"id": "signature/missing", "msg": "no signature verification result among the evidence"} if count(input.verifications) == 0');
        emit('violation contains {"id": "signature/signer", "msg": msg} if {', '\tcount(input.verifications) > 0', '\tnot any_signature_ok', `\tmsg := sprintf(${q(`no verified signature by the required signer: expected ${expected.join(', ').replace(/%/g, '%%') || 'a verified signature'}, got %v`)}, [signers_text])`, '}');
    }
    // ---- attestations ----
    if (rules.require.attestations.length > 0) {
        emit('attested(t) if {', '\tsome s in input.verifications', sig ? '\tsignature_ok(s)' : '\ts.verified == true', '\ts.predicate_type == t', '}');
        emit('violation contains {"id": "attestation/missing", "msg": sprintf("no verified attestation of predicate type %v%v", [t, by])} if {', `\tsome t in ${JSON.stringify(rules.require.attestations)}`, '\tnot attested(t)', `\tby := ${q(sig ? ' by the required signer' : '')}`, '}');
    }
    // ---- SBOM ----
    if (rules.require.sbom || rules.denyOn.licenses.length > 0 || rules.denyOn.packages.length > 0)
        required.add('sbom');
    if (rules.require.sbom && rules.require.sbom.minComponents > 0) {
        emit('violation contains {"id": "sbom/components", "msg": sprintf("the SBOM lists %d component(s), at least %d required", [count(input.sbom.components), n])} if {', `\tn := ${rules.require.sbom.minComponents}`, '\tinput.sbom.present == true', '\tcount(input.sbom.components) < n', '}');
    }
    if (rules.denyOn.licenses.length > 0) {
        // Match each distinct license once, then find the components that carry a denied one.
        emit('denied_licenses contains l if {', '\tsome l in {lower(x) | some c in input.sbom.components; some x in c.licenses; is_string(x)}', `\tsome re in ${JSON.stringify(rules.denyOn.licenses.map(g => config_globToRegex(g)))}`, '\tregex.match(re, l)', '}');
        emit('violation contains {"id": "sbom/license", "msg": sprintf("component %v@%v has a denied license: %v", [c.name, c.version, l])} if {', '\tcount(denied_licenses) > 0', '\tsome c in input.sbom.components', '\tsome l in c.licenses', '\tlower(l) in denied_licenses', '}');
    }
    if (rules.denyOn.packages.length > 0) {
        const exact = rules.denyOn.packages.filter(g => !/[*?]/.test(g)).map(g => g.toLowerCase());
        const globs = rules.denyOn.packages.filter(g => /[*?]/.test(g));
        const head = 'violation contains {"id": "sbom/package", "msg": sprintf("denied package %v@%v (%v)", [c.name, c.version, c.purl])} if {';
        if (exact.length > 0)
            emit(head, '\tsome c in input.sbom.components', '\tsome key in [c.purl, c.name, concat("@", [c.name, c.version])]', `\tlower(key) in ${JSON.stringify(exact)}`, '}');
        if (globs.length > 0)
            emit(head, '\tsome c in input.sbom.components', `\tsome re in ${JSON.stringify(globs.map(g => config_globToRegex(g)))}`, '\tsome key in [c.purl, c.name, concat("@", [c.name, c.version])]', '\tregex.match(re, lower(key))', '}');
    }
    // ---- provenance ----
    const prov = rules.require.provenance;
    if (prov) {
        const conds = [];
        const expected = [];
        if (prov.builderId) {
            conds.push(`\t${matcherCond(prov.builderId, 'p.builder_id')}`);
            expected.push(`builder ${matcherText(prov.builderId)}`);
        }
        if (prov.sourceRepository) {
            conds.push(`\tp.source.repository == ${q(repoName(prov.sourceRepository))}`);
            expected.push(`source ${repoName(prov.sourceRepository)}`);
        }
        if (prov.sourceRef) {
            conds.push(`\tp.source.ref == ${q(prov.sourceRef)}`);
            expected.push(`ref ${prov.sourceRef}`);
        }
        emit('provenance_ok(p) if {', '\tp.predicate_type != ""', ...conds, '}');
        emit('any_provenance_ok if {', '\tsome p in input.provenance', '\tprovenance_ok(p)', '}');
        emit('violation contains {"id": "provenance/missing", "msg": "no SLSA provenance among the evidence"} if count(input.provenance) == 0');
        if (expected.length > 0)
            emit('violation contains {"id": "provenance/builder", "msg": msg} if {', '\tcount(input.provenance) > 0', '\tnot any_provenance_ok', '\tgot := concat(", ", [sprintf("builder %v, source %v@%v", [p.builder_id, p.source.repository, p.source.ref]) | some p in input.provenance])', `\tmsg := sprintf(${q(`no provenance matches: expected ${expected.join(', ').replace(/%/g, '%%')}, got %v`)}, [got])`, '}');
        if (prov.matchArtifact)
            emit('provenance_subject(d) if {', '\tsome p in input.provenance', '\tprovenance_ok(p)', '\tsome s in p.subjects', '\ts.digest == d', '}', '', 'violation contains {"id": "provenance/subject", "msg": sprintf("verified artifact %v is not a subject of a matching provenance statement", [d])} if {', '\tcount(input.provenance) > 0', '\tsome d in input.artifact.digests', '\tnot provenance_subject(d)', '}');
    }
    // ---- scan results ----
    const secrets = rules.denyOn.secrets && thresholdRank(rules.denyOn.secrets);
    if (rules.denyOn.secrets && rules.denyOn.secrets !== 'none')
        required.add('secret-scan');
    if (secrets !== undefined && rules.denyOn.secrets) {
        emit('violation contains {"id": "secrets/found", "msg": sprintf("secret scan: %v at %v (%v)", [f.rule_id, f.location, f.severity])} if {', '\tsome f in input.secret_scan.findings', `\trank[f.severity] >= ${secrets}`, '}');
    }
    for (const [key, field, what] of [
        ['policyFailures', 'failures', 'failure'],
        ['policyWarnings', 'warnings', 'warning']
    ]) {
        const t = rules.denyOn[key];
        if (!t || t === 'none')
            continue;
        required.add('policy-check');
        emit(`violation contains {"id": "policy/${what}", "msg": sprintf("policy ${what}: %v (%v, %v, %v)", [f.msg, f.file, f.id, f.severity])} if {`, `\tsome f in input.policy_check.${field}`, `\trank[f.severity] >= ${thresholdRank(t)}`, '}');
    }
    const vulns = rules.denyOn.vulnerabilities;
    if (vulns) {
        required.add('vulnerability-scan');
        const r = thresholdRank(vulns.severity);
        if (r !== undefined) {
            emit('counted_vulnerabilities contains v.id if {', '\tsome v in input.vulnerability_scan.vulnerabilities', `\trank[v.severity] >= ${r}`, `\tnot v.id in ${JSON.stringify(vulns.ignore)}`, '}');
            emit('violation contains {"id": "vulnerabilities/threshold", "msg": msg} if {', `\tcount(counted_vulnerabilities) > ${vulns.max}`, `\tmsg := sprintf("%d vulnerabilities at or above ${vulns.severity === 'any' ? 'any severity' : vulns.severity} (at most ${vulns.max} allowed): %v", [count(counted_vulnerabilities), concat(", ", sort(counted_vulnerabilities))])`, '}');
        }
        if (vulns.block.length > 0)
            emit('violation contains {"id": "vulnerabilities/blocked", "msg": sprintf("blocked vulnerability %v in %v", [v.id, v.package])} if {', '\tsome v in input.vulnerability_scan.vulnerabilities', `\tv.id in ${JSON.stringify(vulns.block)}`, '}');
    }
    // ---- required evidence and facts ----
    if (sig || rules.require.attestations.length > 0)
        required.delete('verification');
    if (prov)
        required.delete('provenance');
    for (const kind of model_EVIDENCE_KINDS) {
        if (!required.has(kind))
            continue;
        emit(`violation contains {"id": "evidence/missing", "msg": ${q(`required ${kind} evidence is missing`)}} if not ${PRESENT[kind]}`);
    }
    if (rules.require.facts.length > 0) {
        emit('fact_present(k) if {', '\tv := input.facts[k]', '\tv != null', '\tv != ""', '}', '', 'violation contains {"id": "facts/missing", "msg": sprintf("required fact %v is missing", [k])} if {', `\tsome k in ${JSON.stringify(rules.require.facts)}`, '\tnot fact_present(k)', '}');
    }
    // ---- freshness ----
    const kinds = Object.keys(rules.maxAge).filter(k => k !== 'default');
    if (rules.maxAge.default !== undefined || kinds.length > 0) {
        const table = {};
        for (const k of model_EVIDENCE_KINDS) {
            const own = rules.maxAge[k];
            const s = own ?? rules.maxAge.default;
            if (s !== undefined)
                table[k] = { seconds: s, text: time_formatDuration(s), required: own !== undefined };
        }
        emit(`max_age := ${JSON.stringify(table)}`);
        emit('violation contains {"id": "freshness/stale", "msg": sprintf("%v evidence %v is %v old (at most %v allowed)", [e.kind, e.path, e.age, l.text])} if {', '\tsome e in input.evidence', '\tl := max_age[e.kind]', '\tis_number(e.age_seconds)', '\te.age_seconds > l.seconds', '}');
        emit('violation contains {"id": "freshness/future", "msg": sprintf("%v evidence %v is dated %v in the future", [e.kind, e.path, e.age])} if {', '\tsome e in input.evidence', '\tmax_age[e.kind]', '\tis_number(e.age_seconds)', '\te.age_seconds < -300', '}');
        emit('violation contains {"id": "freshness/no-timestamp", "msg": sprintf("%v evidence %v has no timestamp, and a maximum age is set for it", [e.kind, e.path])} if {', '\tsome e in input.evidence', '\tmax_age[e.kind].required == true', '\te.age_seconds == null', '}');
        emit('advisory contains {"id": "freshness/no-timestamp", "msg": sprintf("%v evidence %v has no timestamp; its age is unknown", [e.kind, e.path])} if {', '\tsome e in input.evidence', '\tmax_age[e.kind].required == false', '\te.age_seconds == null', '}');
    }
    // ---- freeze windows ----
    if (rules.freezeWindows.length > 0) {
        emit('violation contains {"id": "freeze/active", "msg": msg} if {', `\tsome name in ${JSON.stringify(rules.freezeWindows.map(w => w.name))}`, '\tw := input.windows[name]', '\tw.active == true', '\tmsg := sprintf("deployments are frozen: window %v%v, until %v", [name, w.description, w.end])', '}');
    }
    // ---- approvals ----
    if (rules.approvals && rules.approvals.count > 0) {
        emit('approval_applies(a) if a.environment == null', '', 'approval_applies(a) if a.environment == input.environment');
        if (rules.approvals.preventSelfApproval)
            emit('self_approval(a) if {', '\tis_string(input.deployer)', '\tlower(a.user) == lower(input.deployer)', '}');
        emit('approvers contains lower(a.user) if {', '\tsome a in input.approvals', '\tapproval_applies(a)', ...(rules.approvals.preventSelfApproval ? ['\tnot self_approval(a)'] : []), '}');
        emit('violation contains {"id": "approvals/missing", "msg": msg} if {', `\tcount(approvers) < ${rules.approvals.count}`, `\tmsg := sprintf("%d approval(s) required${rules.approvals.preventSelfApproval ? ' (self-approval does not count)' : ''}, got %d", [${rules.approvals.count}, count(approvers)])`, '}');
    }
    // ---- decision ----
    emit('message(m) := m if is_object(m)', '', 'message(m) := {"msg": m} if is_string(m)', '', 'message(m) := {"msg": sprintf("%v", [m])} if {', '\tnot is_object(m)', '\tnot is_string(m)', '}');
    const text = out.join('\n');
    if (/^violation contains /m.test(text))
        emit('all_violations contains v if some v in violation');
    if (withUserRego) {
        emit('all_violations contains message(m) if some m in data.gate.deny', '', 'all_violations contains message(m) if some m in data.gate.violation');
        emit('advisory contains message(m) if some m in data.gate.warn');
    }
    // Rules that would otherwise be undefined (an empty policy allows everything it is given).
    if (!/^all_violations contains /m.test(out.join('\n')))
        emit('all_violations := set()');
    if (!/^advisory contains /m.test(out.join('\n')))
        emit('advisory := set()');
    emit('default break_glass := false');
    if (rules.breakGlass)
        emit('break_glass if {', '\tis_string(input.break_glass.justification)', '\tinput.break_glass.justification != ""', '}');
    if (rules.mode === 'enforce') {
        emit('deny contains v if {', '\tnot break_glass', '\tsome v in all_violations', '}');
        emit('warn contains object.union(v, {"msg": sprintf("overridden by break-glass: %v", [v.msg])}) if {', '\tbreak_glass', '\tsome v in all_violations', '}');
    }
    else {
        emit('deny := set()');
        emit('warn contains object.union(v, {"msg": sprintf("warn mode: %v", [v.msg])}) if some v in all_violations');
    }
    emit('warn contains v if some v in advisory');
    return (out
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trimEnd() + '\n');
}
/** Evaluates every freeze window at `nowMs` (time-zone and calendar arithmetic stays out of Rego). */
function windowStates(rules, nowMs) {
    const out = {};
    for (const w of rules.freezeWindows) {
        const description = w.description ? ` (${w.description})` : '';
        if (w.cron !== undefined) {
            const cron = parseCron(w.cron);
            const duration = w.durationSeconds ?? 60;
            const fired = typeof cron === 'string' ? undefined : lastCronFire(cron, w.timezone, nowMs, duration);
            const active = fired !== undefined && nowMs < fired + duration * 1000;
            out[w.name] = {
                active,
                start: fired === undefined ? null : new Date(fired).toISOString(),
                end: fired === undefined ? null : new Date(fired + duration * 1000).toISOString(),
                description
            };
        }
        else {
            const start = w.start ?? 0;
            const end = w.end ?? 0;
            out[w.name] = {
                active: nowMs >= start && nowMs < end,
                start: new Date(start).toISOString(),
                end: new Date(end).toISOString(),
                description
            };
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/gate/src/evidence.ts
/**
 * Evidence files → one normalised input document. Kinds are detected by content (a `kind:path`
 * prefix overrides detection); anything unreadable or unrecognised is an InputError naming the
 * file. Secret values never make it into the input: only rule, location and severity do, and any
 * unredacted value seen is registered with a Redactor so no output can repeat it.
 */







/** Evidence above this size is refused rather than parsed. */
const MAX_EVIDENCE_BYTES = 64 * 1024 * 1024;
/** `kind:path` → {kind, path}; a prefix that is not a known kind is part of the path. */
function parseEvidenceSpec(spec) {
    const colon = spec.indexOf(':');
    if (colon > 0) {
        const kind = spec.slice(0, colon);
        if (model_EVIDENCE_KINDS.includes(kind))
            return { kind: kind, path: spec.slice(colon + 1) };
    }
    return { path: spec };
}
function isObj(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function str(v) {
    return typeof v === 'string' && v !== '' ? v : null;
}
function arr(v) {
    return Array.isArray(v) ? v : [];
}
function severityOf(value, fallback = 'high') {
    if (typeof value === 'number') {
        // CVSS-like scores (SARIF security-severity).
        if (value >= 9)
            return 'critical';
        if (value >= 7)
            return 'high';
        if (value >= 4)
            return 'medium';
        if (value > 0)
            return 'low';
        return 'info';
    }
    const s = typeof value === 'string' ? value.trim().toLowerCase() : '';
    if (/^\d+(\.\d+)?$/.test(s))
        return severityOf(Number(s), fallback);
    switch (s) {
        case 'critical':
            return 'critical';
        case 'high':
        case 'error':
        case 'important':
            return 'high';
        case 'medium':
        case 'moderate':
        case 'warning':
            return 'medium';
        case 'low':
        case 'note':
        case 'negligible':
            return 'low';
        case 'info':
        case 'informational':
        case 'none':
            return 'info';
        default:
            // Unknown severity counts as high: the gate fails closed.
            return fallback;
    }
}
function fail(file, message, line) {
    throw new src/* InputError */.dz('GATE_EVIDENCE_INVALID', message, { position: { file, line } });
}
function parseDocument(text, file) {
    const trimmed = text.trim();
    if (trimmed === '')
        fail(file, 'evidence file is empty');
    if (/\.ya?ml$/i.test(file)) {
        try {
            return (0,dist.parse)(text, { maxAliasCount: 100 });
        }
        catch (err) {
            const line = err.linePos?.[0]?.line;
            fail(file, `invalid YAML: ${err.message.split('\n')[0]}`, line);
        }
    }
    try {
        return JSON.parse(text);
    }
    catch (err) {
        // JSON Lines (e.g. slsa-github-generator's .intoto.jsonl): one document per line.
        const lines = trimmed.split(/\r?\n/).filter(l => l.trim() !== '');
        if (lines.length > 1) {
            const docs = [];
            for (const [i, l] of lines.entries()) {
                try {
                    docs.push(JSON.parse(l));
                }
                catch {
                    fail(file, `invalid JSON Lines: line ${i + 1} is not JSON`, i + 1);
                }
            }
            return docs;
        }
        const msg = err.message;
        const pos = /position (\d+)/.exec(msg);
        const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
        fail(file, `invalid JSON: ${msg.split('\n')[0]}`, line);
    }
}
// ---- secret scan ----
function loc(file, line) {
    return typeof line === 'number' ? `${file ?? ''}:${line}` : (file ?? '');
}
function secretsFromOurs(doc, redactor) {
    return arr(doc.findings)
        .filter(isObj)
        .map(f => {
        for (const k of ['secret', 'match']) {
            const v = f[k];
            if (typeof v === 'string' && !/REDACTED/.test(v))
                redactor.add(v);
        }
        return {
            rule_id: str(f.ruleId) ?? 'unknown',
            severity: severityOf(f.severity),
            file: str(f.file) ?? '',
            line: typeof f.startLine === 'number' ? f.startLine : null,
            location: loc(str(f.file), f.startLine),
            commit: str(f.commit)
        };
    });
}
function secretsFromGitleaks(doc, redactor) {
    return doc.filter(isObj).map(f => {
        for (const k of ['Secret', 'Match']) {
            const v = f[k];
            if (typeof v === 'string' && !/REDACTED/.test(v))
                redactor.add(v);
        }
        return {
            rule_id: str(f.RuleID) ?? 'unknown',
            severity: 'high',
            file: str(f.File) ?? '',
            line: typeof f.StartLine === 'number' ? f.StartLine : null,
            location: loc(str(f.File), f.StartLine),
            commit: str(f.Commit)
        };
    });
}
function sarifResults(doc, withMessages) {
    const runs = arr(doc.runs).filter(isObj);
    const tools = [];
    const results = [];
    let time;
    for (const run of runs) {
        const driver = isObj(run.tool) && isObj(run.tool.driver) ? run.tool.driver : {};
        const category = isObj(run.automationDetails) ? str(run.automationDetails.id) : null;
        tools.push([str(driver.name) ?? 'unknown', category].filter(Boolean).join(' '));
        const rules = new Map();
        for (const r of arr(driver.rules).filter(isObj))
            if (typeof r.id === 'string')
                rules.set(r.id, r);
        for (const inv of arr(run.invocations).filter(isObj))
            time ??= inv.endTimeUtc ?? inv.startTimeUtc;
        for (const r of arr(run.results).filter(isObj)) {
            const ruleId = str(r.ruleId) ?? (isObj(r.rule) ? str(r.rule.id) : null) ?? 'unknown';
            const rule = rules.get(ruleId);
            const props = isObj(r.properties) ? r.properties : {};
            const ruleProps = rule && isObj(rule.properties) ? rule.properties : {};
            const defaultLevel = rule && isObj(rule.defaultConfiguration) ? rule.defaultConfiguration.level : undefined;
            const sev = props['security-severity'] ??
                ruleProps['security-severity'] ??
                props.severity ??
                r.level ??
                defaultLevel ??
                'warning';
            const first = arr(r.locations).filter(isObj)[0];
            const phys = first && isObj(first.physicalLocation) ? first.physicalLocation : {};
            const artifact = isObj(phys.artifactLocation) ? phys.artifactLocation : {};
            const region = isObj(phys.region) ? phys.region : {};
            const message = isObj(r.message) ? (str(r.message.text) ?? '') : '';
            results.push({
                ruleId,
                severity: severityOf(sev, 'medium'),
                file: str(artifact.uri) ?? '',
                line: typeof region.startLine === 'number' ? region.startLine : null,
                message: withMessages ? message : ''
            });
        }
    }
    return { tool: tools.join(', '), results, time };
}
function sarifKind(tool) {
    const t = tool.toLowerCase();
    if (/secret|gitleaks|trufflehog|detect-secrets|ggshield/.test(t))
        return 'secret-scan';
    if (/trivy|grype|snyk|osv|vulnerab|dependency-check|npm audit|govulncheck/.test(t))
        return 'vulnerability-scan';
    if (/policy|conftest|kube|checkov|kyverno|polaris|opa/.test(t))
        return 'policy-check';
    return undefined;
}
// ---- SBOM ----
/** The license ids of an SPDX expression (`MIT OR (Apache-2.0 WITH LLVM-exception)`). */
function licenseIds(expression) {
    return expression.split(/[\s()]+/).filter(t => t !== '' && !/^(AND|OR|WITH)$/i.test(t));
}
function cyclonedxComponents(doc) {
    const out = [];
    const visit = (list) => {
        for (const c of list.filter(isObj)) {
            const licenses = [];
            for (const l of arr(c.licenses).filter(isObj)) {
                if (isObj(l.license)) {
                    const id = str(l.license.id) ?? str(l.license.name);
                    if (id)
                        licenses.push(id);
                }
                else if (typeof l.expression === 'string')
                    licenses.push(...licenseIds(l.expression));
            }
            out.push({
                name: (str(c.group) ? `${c.group}/` : '') + (str(c.name) ?? ''),
                version: str(c.version) ?? '',
                purl: str(c.purl) ?? '',
                type: str(c.type) ?? 'library',
                licenses
            });
            visit(arr(c.components));
        }
    };
    visit(arr(doc.components));
    return out;
}
function cyclonedxVulnerabilities(doc) {
    const refs = new Map();
    const walk = (list) => {
        for (const c of list.filter(isObj)) {
            if (typeof c['bom-ref'] === 'string')
                refs.set(c['bom-ref'], str(c.purl) ?? str(c.name) ?? c['bom-ref']);
            walk(arr(c.components));
        }
    };
    walk(arr(doc.components));
    return arr(doc.vulnerabilities)
        .filter(isObj)
        .flatMap(v => {
        const ratings = arr(v.ratings).filter(isObj);
        const sevs = ratings.map(r => severityOf(r.severity ?? r.score, 'high'));
        const rank = ['info', 'low', 'medium', 'high', 'critical'];
        const severity = sevs.sort((a, b) => rank.indexOf(b) - rank.indexOf(a))[0] ?? 'high';
        const affects = arr(v.affects)
            .filter(isObj)
            .map(a => (typeof a.ref === 'string' ? (refs.get(a.ref) ?? a.ref) : ''));
        return (affects.length ? affects : ['']).map(pkg => ({
            id: str(v.id) ?? 'unknown',
            severity,
            package: pkg,
            source: 'cyclonedx'
        }));
    });
}
function spdxComponents(doc) {
    const described = new Set(arr(doc.documentDescribes).filter((x) => typeof x === 'string'));
    return arr(doc.packages)
        .filter(isObj)
        .filter(p => !described.has(str(p.SPDXID) ?? ''))
        .map(p => {
        const purl = arr(p.externalRefs)
            .filter(isObj)
            .find(r => r.referenceType === 'purl');
        const licenses = [p.licenseConcluded, p.licenseDeclared]
            .map(str)
            .filter((l) => l !== null && l !== 'NOASSERTION' && l !== 'NONE');
        return {
            name: str(p.name) ?? '',
            version: str(p.versionInfo) ?? '',
            purl: purl ? (str(purl.referenceLocator) ?? '') : '',
            type: 'library',
            licenses: [...new Set(licenses.flatMap(licenseIds))]
        };
    });
}
// ---- vulnerability scanners ----
function grypeVulnerabilities(doc) {
    return arr(doc.matches)
        .filter(isObj)
        .map(m => {
        const v = isObj(m.vulnerability) ? m.vulnerability : {};
        const a = isObj(m.artifact) ? m.artifact : {};
        return {
            id: str(v.id) ?? 'unknown',
            severity: severityOf(v.severity),
            package: str(a.purl) ?? str(a.name) ?? '',
            source: 'grype'
        };
    });
}
function trivyVulnerabilities(doc) {
    return arr(doc.Results)
        .filter(isObj)
        .flatMap(r => arr(r.Vulnerabilities)
        .filter(isObj)
        .map(v => ({
        id: str(v.VulnerabilityID) ?? 'unknown',
        severity: severityOf(v.Severity),
        package: (isObj(v.PkgIdentifier) ? str(v.PkgIdentifier.PURL) : null) ?? str(v.PkgName) ?? '',
        source: 'trivy'
    })));
}
// ---- conftest ----
function conftestResults(doc) {
    const failures = [];
    const warnings = [];
    for (const r of doc.filter(isObj)) {
        const file = str(r.filename) ?? '';
        const namespace = str(r.namespace) ?? 'main';
        const each = (list, into, fallback) => {
            for (const f of arr(list).filter(isObj)) {
                const meta = isObj(f.metadata) ? f.metadata : {};
                into.push({
                    file,
                    namespace,
                    msg: typeof f.msg === 'string' ? f.msg : JSON.stringify(f.msg),
                    id: str(meta.id) ?? str(meta.rule) ?? `${namespace}`,
                    severity: meta.severity === undefined ? fallback : severityOf(meta.severity, fallback)
                });
            }
        };
        each(r.failures, failures, 'high');
        each(r.warnings, warnings, 'low');
    }
    return { failures, warnings };
}
// ---- verification ----
const FULCIO = '1.3.6.1.4.1.57264.1';
function evidence_repoName(v) {
    if (!v)
        return null;
    return v.replace(/^https:\/\/[^/]+\//, '').replace(/\.git$/, '');
}
function workflowPath(v) {
    if (!v)
        return null;
    // https://github.com/o/r/.github/workflows/x.yml@refs/heads/main → .github/workflows/x.yml
    const m = /^https:\/\/[^/]+\/[^/]+\/[^/]+\/(.+?)(@.*)?$/.exec(v);
    return m ? m[1] : v;
}
function emptyClaims() {
    return {
        repository: null,
        ref: null,
        sha: null,
        workflow: null,
        workflow_name: null,
        trigger: null,
        runner_environment: null,
        build_signer: null
    };
}
function claimsFromExtensions(ext) {
    const get = (n) => str(ext[`${FULCIO}.${n}`]);
    return {
        repository: evidence_repoName(get(12) ?? get(5)),
        ref: get(14) ?? get(6),
        sha: get(13) ?? get(3),
        workflow: workflowPath(get(18)),
        workflow_name: get(4),
        trigger: get(20) ?? get(2),
        runner_environment: get(11),
        build_signer: get(9)
    };
}
function ourVerification(o) {
    const signer = o.signer;
    let identity = null;
    let issuer = str(o.issuer);
    let github = emptyClaims();
    if (isObj(signer)) {
        if (signer.type === 'key')
            identity = `key ${str(signer.hint) ?? ''}`.trim();
        else if (isObj(signer.identity)) {
            identity = str(signer.identity.subjectAlternativeName);
            issuer = str(signer.identity.issuer) ?? issuer;
            if (isObj(signer.identity.extensions))
                github = claimsFromExtensions(signer.identity.extensions);
        }
    }
    else
        identity = str(signer) ?? str(o.identity);
    if (isObj(o.github)) {
        const g = o.github;
        github = {
            repository: evidence_repoName(str(g.repository)) ?? github.repository,
            ref: str(g.ref) ?? github.ref,
            sha: str(g.sha) ?? github.sha,
            workflow: workflowPath(str(g.workflow)) ?? github.workflow,
            workflow_name: str(g.workflow_name) ?? str(g.workflowName) ?? github.workflow_name,
            trigger: str(g.trigger) ?? github.trigger,
            runner_environment: str(g.runner_environment) ?? str(g.runnerEnvironment) ?? github.runner_environment,
            build_signer: str(g.build_signer) ?? github.build_signer
        };
    }
    return {
        subject: str(o.subject) ?? str(o.digest) ?? '',
        verified: o.verified === true,
        digest: str(o.digest),
        identity,
        issuer,
        github,
        predicate_type: str(o.predicateType) ?? str(o.predicate_type),
        error: str(o.error)
    };
}
/** `gh attestation verify --format json`: a list of {verificationResult: {signature, statement}}. */
function ghVerification(o) {
    const vr = isObj(o.verificationResult) ? o.verificationResult : {};
    const cert = isObj(vr.signature) && isObj(vr.signature.certificate) ? vr.signature.certificate : {};
    const statement = isObj(vr.statement) ? vr.statement : {};
    const subjects = arr(statement.subject).filter(isObj);
    const github = {
        repository: evidence_repoName(str(cert.sourceRepositoryURI)),
        ref: str(cert.sourceRepositoryRef),
        sha: str(cert.sourceRepositoryDigest),
        workflow: workflowPath(str(cert.buildConfigURI)),
        workflow_name: str(cert.githubWorkflowName),
        trigger: str(cert.buildTrigger),
        runner_environment: str(cert.runnerEnvironment),
        build_signer: str(cert.buildSignerURI)
    };
    return (subjects.length ? subjects : [{}]).map(s => {
        const d = isObj(s.digest) ? str(s.digest.sha256) : null;
        return {
            subject: str(s.name) ?? '',
            verified: true,
            digest: d ? `sha256:${d}` : null,
            identity: str(cert.subjectAlternativeName),
            issuer: str(cert.issuer),
            github,
            predicate_type: str(statement.predicateType),
            error: null
        };
    });
}
// ---- in-toto ----
function decodeStatement(o, file) {
    if (typeof o._type === 'string' && /in-toto\.io\/Statement/.test(o._type))
        return o;
    let env;
    if (typeof o.payloadType === 'string' && typeof o.payload === 'string')
        env = o;
    else if (isObj(o.dsseEnvelope))
        env = o.dsseEnvelope;
    if (!env)
        return undefined;
    if (env.payloadType !== 'application/vnd.in-toto+json')
        fail(file, `DSSE payload type ${JSON.stringify(env.payloadType)} is not an in-toto statement`);
    try {
        const st = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8'));
        if (isObj(st))
            return st;
    }
    catch {
        /* reported below */
    }
    fail(file, 'DSSE payload is not a JSON in-toto statement');
}
function provenanceOf(st) {
    const p = isObj(st.predicate) ? st.predicate : {};
    const subjects = arr(st.subject)
        .filter(isObj)
        .map(s => ({
        name: str(s.name) ?? '',
        digest: isObj(s.digest) && str(s.digest.sha256) ? `sha256:${s.digest.sha256}` : ''
    }));
    if (isObj(p.buildDefinition) || isObj(p.runDetails)) {
        // SLSA v1
        const bd = isObj(p.buildDefinition) ? p.buildDefinition : {};
        const rd = isObj(p.runDetails) ? p.runDetails : {};
        const ext = isObj(bd.externalParameters) ? bd.externalParameters : {};
        const wf = isObj(ext.workflow) ? ext.workflow : {};
        const dep = arr(bd.resolvedDependencies).filter(isObj)[0];
        return {
            predicate_type: str(st.predicateType) ?? '',
            builder_id: isObj(rd.builder) ? str(rd.builder.id) : null,
            build_type: str(bd.buildType),
            subjects,
            source: {
                repository: evidence_repoName(str(wf.repository) ??
                    (dep
                        ? (str(dep.uri)
                            ?.replace(/^git\+/, '')
                            .replace(/@.*$/, '') ?? null)
                        : null)),
                ref: str(wf.ref),
                digest: dep && isObj(dep.digest) ? (str(dep.digest.gitCommit) ?? str(dep.digest.sha1)) : null
            }
        };
    }
    // SLSA v0.2
    const inv = isObj(p.invocation) ? p.invocation : {};
    const cs = isObj(inv.configSource) ? inv.configSource : {};
    const uri = str(cs.uri);
    return {
        predicate_type: str(st.predicateType) ?? '',
        builder_id: isObj(p.builder) ? str(p.builder.id) : null,
        build_type: str(p.buildType),
        subjects,
        source: {
            repository: evidence_repoName(uri?.replace(/^git\+/, '').replace(/@.*$/, '') ?? null),
            ref: uri && uri.includes('@') ? uri.slice(uri.indexOf('@') + 1) : null,
            digest: isObj(cs.digest) ? (str(cs.digest.sha1) ?? str(cs.digest.gitCommit)) : null
        }
    };
}
function provenanceTime(st) {
    const p = isObj(st.predicate) ? st.predicate : {};
    const rd = isObj(p.runDetails) ? p.runDetails : {};
    const md1 = isObj(rd.metadata) ? rd.metadata : {};
    const md0 = isObj(p.metadata) ? p.metadata : {};
    return (md1.finishedOn ??
        md1.startedOn ??
        md0.buildFinishedOn ??
        md0.buildStartedOn ??
        md0.scanFinishedOn);
}
function fromStatement(st, file, redactor) {
    const type = str(st.predicateType) ?? '';
    const predicate = st.predicate;
    if (/slsa\.dev\/provenance\//.test(type))
        return {
            kind: 'provenance',
            format: `in-toto ${type}`,
            timestamp: provenanceTime(st),
            provenance: [provenanceOf(st)]
        };
    if (/cyclonedx/i.test(type) && isObj(predicate))
        return {
            ...fromDocument(predicate, file, redactor, 'sbom'),
            format: `in-toto CycloneDX predicate`
        };
    if (/spdx/i.test(type) && isObj(predicate))
        return { ...fromDocument(predicate, file, redactor, 'sbom'), format: `in-toto SPDX predicate` };
    if (/attestation\/vuln\//.test(type) && isObj(predicate)) {
        // cosign's vuln predicate: {scanner: {result: <scanner JSON>}, metadata: {scanFinishedOn}}
        const result = isObj(predicate.scanner) ? predicate.scanner.result : undefined;
        const inner = isObj(result)
            ? fromDocument(result, file, redactor, 'vulnerability-scan')
            : { vulnerabilities: [] };
        return {
            kind: 'vulnerability-scan',
            format: 'in-toto cosign vuln predicate',
            timestamp: provenanceTime(st),
            vulnerabilities: inner.vulnerabilities ?? []
        };
    }
    fail(file, `in-toto statement with predicate type "${type}" is not a kind of evidence the gate reads (SLSA provenance, CycloneDX, SPDX, cosign vuln)`);
}
/** The oldest parseable timestamp of several (a set of results is as old as its oldest). */
function oldest(values) {
    let best;
    for (const v of values) {
        const ms = parseTimestamp(v);
        if (ms !== undefined && (best === undefined || ms < best.ms))
            best = { v, ms };
    }
    return best?.v;
}
const KNOWN_FACTS = [
    'approvals',
    'change_ticket',
    'changeTicket',
    'ticket',
    'break_glass',
    'deployer'
];
/** Detects (or, with `forced`, checks) the kind of one parsed document and normalises it. */
function fromDocument(doc, file, redactor, forced) {
    const want = (k) => forced === undefined || forced === k;
    const wrong = what => fail(file, forced
        ? `not ${what}: cannot be read as ${forced} evidence`
        : `cannot tell what kind of evidence this is (${what}); prefix the path with its kind, e.g. facts:${file}`);
    if (Array.isArray(doc)) {
        const objs = doc.filter(isObj);
        if (doc.length === 0) {
            if (forced === 'secret-scan')
                return { kind: 'secret-scan', format: 'gitleaks JSON', secrets: [] };
            if (forced === 'policy-check')
                return { kind: 'policy-check', format: 'conftest JSON', failures: [], warnings: [] };
            if (forced === 'verification')
                return { kind: 'verification', format: 'verification JSON', verifications: [] };
            wrong('an empty list');
        }
        if (objs.length !== doc.length)
            wrong('a list of non-objects');
        if (want('policy-check') &&
            objs.every(o => 'filename' in o && ('failures' in o || 'successes' in o || 'warnings' in o)))
            return { kind: 'policy-check', format: 'conftest JSON', ...conftestResults(objs) };
        if (want('secret-scan') && objs.every(o => 'RuleID' in o))
            return {
                kind: 'secret-scan',
                format: 'gitleaks JSON',
                secrets: secretsFromGitleaks(objs, redactor)
            };
        if (want('verification') && objs.every(o => typeof o.verified === 'boolean'))
            return {
                kind: 'verification',
                format: 'secure-pipeline verify results',
                timestamp: oldest(objs.map(o => o.timestamp ?? o.verifiedAt)),
                verifications: objs.map(ourVerification)
            };
        if (want('verification') && objs.every(o => isObj(o.verificationResult)))
            return {
                kind: 'verification',
                format: 'gh attestation verify JSON',
                verifications: objs.flatMap(ghVerification)
            };
        // JSON Lines of in-toto statements / DSSE envelopes
        const statements = objs.map(o => decodeStatement(o, file));
        if (statements.every(s => s !== undefined)) {
            const parts = statements.map(s => fromStatement(s, file, redactor));
            const kinds = new Set(parts.map(p => p.kind));
            if (kinds.size === 1 && want(parts[0].kind)) {
                return {
                    kind: parts[0].kind,
                    format: parts[0].format,
                    timestamp: parts.map(p => p.timestamp).find(t => t !== undefined),
                    provenance: parts.flatMap(p => p.provenance ?? []),
                    components: parts.some(p => p.components)
                        ? parts.flatMap(p => p.components ?? [])
                        : undefined,
                    vulnerabilities: parts.some(p => p.vulnerabilities)
                        ? parts.flatMap(p => p.vulnerabilities ?? [])
                        : undefined
                };
            }
        }
        wrong('a list of unrecognised objects');
    }
    if (!isObj(doc))
        wrong(`a JSON ${doc === null ? 'null' : typeof doc}`);
    if (typeof doc.bomFormat === 'string' &&
        doc.bomFormat === 'CycloneDX' &&
        (want('sbom') || want('vulnerability-scan'))) {
        const md = isObj(doc.metadata) ? doc.metadata : {};
        const vulns = Array.isArray(doc.vulnerabilities) ? cyclonedxVulnerabilities(doc) : undefined;
        const kind = forced === 'vulnerability-scan' ? 'vulnerability-scan' : 'sbom';
        return {
            kind,
            format: `CycloneDX ${str(doc.specVersion) ?? ''}`.trim(),
            timestamp: md.timestamp,
            components: cyclonedxComponents(doc),
            vulnerabilities: vulns
        };
    }
    if (typeof doc.spdxVersion === 'string' && doc.spdxVersion.startsWith('SPDX-') && want('sbom')) {
        const ci = isObj(doc.creationInfo) ? doc.creationInfo : {};
        return {
            kind: 'sbom',
            format: doc.spdxVersion,
            timestamp: ci.created,
            components: spdxComponents(doc)
        };
    }
    if (Array.isArray(doc.runs) &&
        (typeof doc.version === 'string' || typeof doc.$schema === 'string')) {
        const sarif = sarifResults(doc, forced !== 'secret-scan');
        const kind = forced ?? sarifKind(sarif.tool);
        if (!kind)
            fail(file, `SARIF from "${sarif.tool}": cannot tell whether it is a secret scan, a vulnerability scan or a policy check; prefix the path with secret-scan:, vulnerability-scan: or policy-check:`);
        const format = `SARIF (${sarif.tool})`;
        if (kind === 'secret-scan')
            return {
                kind,
                format,
                timestamp: sarif.time,
                secrets: sarif.results.map(r => ({
                    rule_id: r.ruleId,
                    severity: r.severity,
                    file: r.file,
                    line: r.line,
                    location: loc(r.file, r.line),
                    commit: null
                }))
            };
        if (kind === 'vulnerability-scan')
            return {
                kind,
                format,
                timestamp: sarif.time,
                vulnerabilities: sarif.results.map(r => ({
                    id: r.ruleId,
                    severity: r.severity,
                    package: r.file,
                    source: sarif.tool
                }))
            };
        if (kind === 'policy-check') {
            const toResult = (r) => ({
                file: r.file,
                namespace: sarif.tool,
                msg: r.message || r.ruleId,
                id: r.ruleId,
                severity: r.severity
            });
            return {
                kind,
                format,
                timestamp: sarif.time,
                failures: sarif.results
                    .filter(r => r.severity !== 'low' && r.severity !== 'info')
                    .map(toResult),
                warnings: sarif.results
                    .filter(r => r.severity === 'low' || r.severity === 'info')
                    .map(toResult)
            };
        }
        wrong(`SARIF cannot be ${kind} evidence`);
    }
    if (Array.isArray(doc.findings) &&
        (isObj(doc.stats) || forced === 'secret-scan') &&
        want('secret-scan')) {
        const stats = isObj(doc.stats) ? doc.stats : {};
        return {
            kind: 'secret-scan',
            format: 'secure-pipeline secrets JSON',
            timestamp: stats.finishedAt ?? stats.time,
            secrets: secretsFromOurs(doc, redactor)
        };
    }
    if (Array.isArray(doc.matches) && isObj(doc.descriptor) && want('vulnerability-scan')) {
        return {
            kind: 'vulnerability-scan',
            format: 'Grype JSON',
            timestamp: doc.descriptor.timestamp,
            vulnerabilities: grypeVulnerabilities(doc)
        };
    }
    if (Array.isArray(doc.Results) && 'SchemaVersion' in doc && want('vulnerability-scan')) {
        return {
            kind: 'vulnerability-scan',
            format: 'Trivy JSON',
            timestamp: doc.CreatedAt,
            vulnerabilities: trivyVulnerabilities(doc)
        };
    }
    if (typeof doc.verified === 'boolean' && want('verification')) {
        return {
            kind: 'verification',
            format: 'secure-pipeline verify JSON',
            timestamp: doc.timestamp ?? doc.verifiedAt,
            verifications: [ourVerification(doc)]
        };
    }
    if (Array.isArray(doc.results) &&
        doc.results.every(r => isObj(r) && typeof r.verified === 'boolean') &&
        want('verification')) {
        return {
            kind: 'verification',
            format: 'secure-pipeline verify results',
            timestamp: doc.timestamp,
            verifications: doc.results.filter(isObj).map(ourVerification)
        };
    }
    const statement = forced === 'facts' ? undefined : decodeStatement(doc, file);
    if (statement) {
        const c = fromStatement(statement, file, redactor);
        if (!want(c.kind))
            wrong(`an in-toto statement of kind ${c.kind}`);
        return c;
    }
    if (forced === 'facts' ||
        doc.kind === 'facts' ||
        isObj(doc.facts) ||
        KNOWN_FACTS.some(k => k in doc)) {
        const facts = isObj(doc.facts) ? doc.facts : doc;
        const { kind: _kind, ...rest } = facts;
        return {
            kind: 'facts',
            format: 'facts',
            timestamp: facts.timestamp ?? doc.timestamp,
            facts: rest
        };
    }
    wrong('an object of no known shape');
}
/** Reads one evidence file (path relative to `cwd`). */
function loadEvidenceFile(spec, cwd, redactor) {
    const abs = external_node_path_default().resolve(cwd, spec.path);
    const display = spec.path;
    let bytes;
    try {
        const st = (0,external_node_fs_.statSync)(abs);
        if (st.size > MAX_EVIDENCE_BYTES)
            fail(display, `evidence file is ${st.size} bytes, above the ${MAX_EVIDENCE_BYTES}-byte limit`);
        bytes = (0,external_node_fs_.readFileSync)(abs);
    }
    catch (err) {
        if (err instanceof src/* InputError */.dz)
            throw err;
        throw new src/* InputError */.dz('GATE_EVIDENCE_UNREADABLE', `cannot read evidence: ${err.code ?? err.message}`, {
            position: { file: display }
        });
    }
    const doc = parseDocument(bytes.toString('utf8').replace(/^\uFEFF/, ''), display);
    const contribution = fromDocument(doc, display, redactor, spec.kind);
    return {
        record: {
            kind: contribution.kind,
            path: display,
            sha256: (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex'),
            format: contribution.format,
            timestamp: null
        },
        contribution
    };
}
/** Expands directories (their .json/.jsonl/.sarif/.yaml/.yml files, recursively, sorted) and parses `kind:` prefixes. */
function expandEvidence(specs, cwd) {
    const out = [];
    for (const raw of specs) {
        const spec = parseEvidenceSpec(raw);
        const abs = external_node_path_default().resolve(cwd, spec.path);
        let isDir = false;
        try {
            isDir = (0,external_node_fs_.statSync)(abs).isDirectory();
        }
        catch {
            /* reported when read */
        }
        if (!isDir) {
            out.push(spec);
            continue;
        }
        const walk = (dir, shown) => {
            for (const entry of (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
                const child = `${shown.replace(/\/$/, '')}/${entry.name}`;
                if (entry.isDirectory())
                    walk(external_node_path_default().join(dir, entry.name), child);
                else if (/\.(json|jsonl|ya?ml|sarif)$/i.test(entry.name))
                    out.push({ ...spec, path: child });
            }
        };
        walk(abs, spec.path.split((external_node_path_default()).sep).join('/'));
    }
    return out;
}
function approvalsOf(v) {
    if (!Array.isArray(v))
        return [];
    const out = [];
    for (const a of v) {
        if (typeof a === 'string' && a !== '')
            out.push({ user: a, environment: null });
        else if (isObj(a)) {
            const state = str(a.state)?.toLowerCase();
            if (state && state !== 'approved')
                continue;
            const user = str(a.user) ?? str(a.login) ?? str(a.by) ?? (isObj(a.user) ? str(a.user.login) : null);
            if (user)
                out.push({ user, environment: str(a.environment) });
        }
    }
    return out;
}
/**
 * Builds the input document from loaded evidence at `now`. Timestamps become ages; evidence
 * without one has `age_seconds: null`.
 */
function buildInput(loaded, nowMs, environment) {
    const input = {
        now: new Date(nowMs).toISOString(),
        now_unix: Math.floor(nowMs / 1000),
        environment,
        evidence: [],
        secret_scan: { present: false, findings: [] },
        sbom: { present: false, components: [] },
        policy_check: { present: false, failures: [], warnings: [] },
        vulnerability_scan: { present: false, vulnerabilities: [] },
        verifications: [],
        provenance: [],
        artifact: { digests: [] },
        facts: {},
        approvals: [],
        deployer: null,
        break_glass: null,
        windows: {}
    };
    for (const { record, contribution: c } of loaded) {
        const ms = parseTimestamp(c.timestamp);
        const age = ms === undefined ? null : Math.round((nowMs - ms) / 1000);
        input.evidence.push({
            ...record,
            timestamp: ms === undefined ? null : new Date(ms).toISOString(),
            age_seconds: age,
            age: age === null ? null : age < 0 ? `-${time_formatDuration(-age)}` : time_formatDuration(age)
        });
        if (c.kind === 'secret-scan')
            input.secret_scan.present = true;
        if (c.kind === 'sbom')
            input.sbom.present = true;
        if (c.kind === 'policy-check')
            input.policy_check.present = true;
        if (c.kind === 'vulnerability-scan' || c.vulnerabilities)
            input.vulnerability_scan.present = true;
        input.secret_scan.findings.push(...(c.secrets ?? []));
        input.sbom.components.push(...(c.components ?? []));
        input.policy_check.failures.push(...(c.failures ?? []));
        input.policy_check.warnings.push(...(c.warnings ?? []));
        input.vulnerability_scan.vulnerabilities.push(...(c.vulnerabilities ?? []));
        input.verifications.push(...(c.verifications ?? []).map(v => ({ path: record.path, ...v })));
        input.provenance.push(...(c.provenance ?? []).map(p => ({ path: record.path, ...p })));
        if (c.facts)
            Object.assign(input.facts, c.facts);
    }
    input.artifact.digests = [
        ...new Set(input.verifications.filter(v => v.verified && v.digest).map(v => v.digest))
    ].sort();
    const f = input.facts;
    input.approvals = approvalsOf(f.approvals);
    input.deployer = str(f.deployer) ?? str(f.actor) ?? str(f.triggered_by);
    const bg = f.break_glass ?? f.breakGlass;
    if (isObj(bg) && str(bg.justification))
        input.break_glass = { justification: bg.justification, by: str(bg.by) };
    else if (typeof bg === 'string' && bg.trim() !== '')
        input.break_glass = { justification: bg, by: null };
    return input;
}

;// CONCATENATED MODULE: ./packages/gate/src/gate.ts
/**
 * The deploy gate: one policy (declarative YAML compiled to Rego, or user Rego) over all the
 * evidence → allow or deny, plus an audit record. It fails closed: missing evidence is a
 * violation, and any evaluation error is a deny.
 */









const USER_PACKAGE = 'gate';
const AUDIT_SCHEMA = 'https://secure-pipeline.dev/gate/audit/v1';
function sha256(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
}
function readText(file, display) {
    try {
        return (0,external_node_fs_.readFileSync)(file);
    }
    catch (err) {
        throw new src/* InputError */.dz('GATE_POLICY_UNREADABLE', `cannot read policy: ${err.code ?? err.message}`, {
            position: { file: display }
        });
    }
}
function regoFiles(abs, display) {
    let st;
    try {
        st = (0,external_node_fs_.statSync)(abs);
    }
    catch {
        throw new src/* InputError */.dz('GATE_POLICY_UNREADABLE', 'cannot read policy: ENOENT', {
            position: { file: display }
        });
    }
    if (!st.isDirectory())
        return [{ path: display, source: readText(abs, display).toString('utf8') }];
    const out = [];
    for (const entry of (0,external_node_fs_.readdirSync)(abs, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const child = external_node_path_default().join(abs, entry.name);
        const shown = external_node_path_default().join(display, entry.name).split((external_node_path_default()).sep).join('/');
        if (entry.isDirectory())
            out.push(...regoFiles(child, shown));
        else if (entry.name.endsWith('.rego') && !entry.name.endsWith('_test.rego'))
            out.push({ path: shown, source: (0,external_node_fs_.readFileSync)(child, 'utf8') });
    }
    return out;
}
function toViolation(v) {
    if (typeof v === 'string')
        return { msg: v };
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
        const o = v;
        return { ...o, msg: typeof o.msg === 'string' ? o.msg : JSON.stringify(o.msg ?? o) };
    }
    return { msg: JSON.stringify(typeof v === 'bigint' ? v.toString() : v) };
}
function asList(value, rule) {
    if (value === undefined)
        return [];
    if (!Array.isArray(value))
        throw new Error(`rule ${rule} must be a set or an array of messages, got ${typeof value}`);
    return value;
}
function byMessage(a, b) {
    return (a.id ?? '').localeCompare(b.id ?? '') || a.msg.localeCompare(b.msg);
}
/**
 * The values of several set rules (always defined, possibly empty) in one query, so the input is
 * converted once. No result at all is an error (the caller denies).
 */
function evalSets(compiled, refs, input, allowUndefined = false) {
    if (refs.length === 0)
        return [];
    const opts = evalOptions(input);
    const results = compiled.query(refs.map((r, i) => `x${i} := ${r}`).join('; '), opts);
    if (results.length === 1)
        return refs.map((_, i) => results[0].bindings[`x${i}`]);
    if (!allowUndefined)
        throw new Error(`expected one result for ${refs.join(', ')}, got ${results.length}`);
    // A user's complete deny/warn rule may be undefined (no messages): one rule at a time.
    return refs.map(r => compiled.query(`x := ${r}`, opts)[0]?.bindings.x);
}
/**
 * Strict builtin errors, and the gate's evaluation time as `time.now_ns()`, so a user policy that
 * reads the clock is as replayable (`--now`) as one that reads `input.now`.
 */
function evalOptions(input) {
    return { input, strictBuiltinErrors: true, now: new Date(input.now) };
}
function failClosed(err) {
    return {
        allow: false,
        violations: [
            {
                id: 'gate/evaluation-error',
                msg: `policy evaluation failed, denying: ${(0,src/* describeError */.Uc)(err)}`
            }
        ],
        warnings: []
    };
}
function compileModules(modules) {
    // RegoError is an InputError with file and line: a policy that does not compile is exit 2.
    return (0,rego_src/* compile */.wE)(modules);
}
function declarativeEvaluator(rules, userModules) {
    const generated = {
        path: `${BUILTIN_PACKAGE.replace('.', '/')}.rego`,
        source: compileRules(rules, userModules.length > 0)
    };
    const modules = [generated, ...userModules];
    const compiled = compileModules(modules);
    return {
        modules,
        prepare(input) {
            return { ...input, windows: windowStates(rules, Date.parse(input.now)) };
        },
        evaluate(input) {
            try {
                // One query for both rules: the input is converted to Rego values once.
                const [deny, warn] = evalSets(compiled, [`data.${BUILTIN_PACKAGE}.deny`, `data.${BUILTIN_PACKAGE}.warn`], input);
                const violations = asList(deny, 'deny').map(toViolation);
                const warnings = asList(warn, 'warn').map(toViolation);
                return {
                    allow: violations.length === 0,
                    violations: violations.sort(byMessage),
                    warnings: warnings.sort(byMessage)
                };
            }
            catch (err) {
                return failClosed(err);
            }
        }
    };
}
const DENY_RULE = /^(deny|violation)(_[A-Za-z0-9_]+)?$/;
const WARN_RULE = /^warn(_[A-Za-z0-9_]+)?$/;
function regoEvaluator(modules, display) {
    const compiled = compileModules(modules);
    if (!compiled.packages().includes(USER_PACKAGE))
        throw new src/* InputError */.dz('GATE_POLICY_INVALID', `no module declares "package ${USER_PACKAGE}" (found: ${compiled.packages().join(', ') || 'none'})`, {
            position: { file: display }
        });
    const rules = compiled.rules(USER_PACKAGE);
    const denyRules = rules.filter(r => DENY_RULE.test(r));
    const warnRules = rules.filter(r => WARN_RULE.test(r));
    const hasAllow = rules.includes('allow');
    if (denyRules.length === 0 && !hasAllow)
        throw new src/* InputError */.dz('GATE_POLICY_INVALID', `package ${USER_PACKAGE} defines neither deny/violation rules nor allow: it could never deny`, {
            position: { file: display }
        });
    return {
        modules,
        prepare: input => input,
        evaluate(input) {
            try {
                const opts = evalOptions(input);
                const values = evalSets(compiled, [...denyRules, ...warnRules].map(r => `data.${USER_PACKAGE}.${r}`), input, true);
                const violations = denyRules.flatMap((r, i) => asList(values[i], r).map(toViolation));
                const warnings = warnRules.flatMap((r, i) => asList(values[denyRules.length + i], r).map(toViolation));
                if (hasAllow) {
                    const allow = compiled.evalRule(USER_PACKAGE, 'allow', opts);
                    if (allow !== true)
                        violations.push({
                            id: 'gate/allow',
                            msg: `data.${USER_PACKAGE}.allow is ${allow === undefined ? 'undefined' : JSON.stringify(allow)}, not true`
                        });
                }
                return {
                    allow: violations.length === 0,
                    violations: violations.sort(byMessage),
                    warnings: warnings.sort(byMessage)
                };
            }
            catch (err) {
                return failClosed(err);
            }
        }
    };
}
/**
 * Loads a policy: a `.rego` file or a directory of them (user Rego, `package gate`), or a
 * declarative YAML gate policy. Throws InputError (exit 2) for anything that does not parse or
 * compile.
 */
function loadGatePolicy(policyPath, cwd) {
    const abs = external_node_path_default().resolve(cwd, policyPath);
    const display = policyPath;
    let isDir = false;
    try {
        isDir = (0,external_node_fs_.statSync)(abs).isDirectory();
    }
    catch {
        /* readText reports it */
    }
    if (isDir || policyPath.endsWith('.rego')) {
        const modules = regoFiles(abs, display);
        if (modules.length === 0)
            throw new src/* InputError */.dz('GATE_POLICY_INVALID', 'no .rego files in the policy directory', {
                position: { file: display }
            });
        const digest = sha256(modules.map(m => `${m.path}\0${sha256(m.source)}\n`).join(''));
        const evaluator = regoEvaluator(modules, display);
        return {
            path: display,
            kind: 'rego',
            sha256: digest,
            environments: [],
            forEnvironment: () => evaluator
        };
    }
    return gatePolicyFromSource(readText(abs, display), display, external_node_path_default().dirname(abs));
}
/**
 * A policy from its text (declarative YAML or one Rego module): `display` names it in errors and
 * the audit record; `rego:` includes of a declarative policy resolve against `baseDir`.
 */
function gatePolicyFromSource(source, display, baseDir) {
    const bytes = Buffer.isBuffer(source) ? source : Buffer.from(source, 'utf8');
    const text = bytes.toString('utf8');
    if (!looksDeclarative(text)) {
        const evaluator = regoEvaluator([{ path: display, source: text }], display);
        return {
            path: display,
            kind: 'rego',
            sha256: sha256(bytes),
            environments: [],
            forEnvironment: () => evaluator
        };
    }
    const policy = parseDeclarativePolicy(text, display);
    const displayDir = external_node_path_default().dirname(display);
    const userModules = policy.rego.flatMap(p => regoFiles(external_node_path_default().resolve(baseDir, p), external_node_path_default().join(displayDir, p).split((external_node_path_default()).sep).join('/')));
    const digest = sha256(Buffer.concat([bytes, ...userModules.map(m => Buffer.from(`\0${m.path}\0${m.source}`))]));
    const cache = new Map();
    return {
        path: display,
        kind: 'declarative',
        sha256: digest,
        environments: policy.environments,
        forEnvironment(environment) {
            const key = environment ?? '\0';
            let e = cache.get(key);
            if (!e) {
                e = declarativeEvaluator(policy.rules(environment), userModules);
                cache.set(key, e);
            }
            return e;
        }
    };
}
function inputsSummary(input) {
    const bySeverity = (list) => {
        const out = {};
        for (const s of Object.keys(model_SEVERITY_RANK))
            out[s] = 0;
        for (const x of list)
            out[x.severity] = (out[x.severity] ?? 0) + 1;
        return out;
    };
    return {
        secret_findings: input.secret_scan.present ? bySeverity(input.secret_scan.findings) : null,
        sbom_components: input.sbom.present ? input.sbom.components.length : null,
        policy_failures: input.policy_check.present ? input.policy_check.failures.length : null,
        policy_warnings: input.policy_check.present ? input.policy_check.warnings.length : null,
        vulnerabilities: input.vulnerability_scan.present
            ? bySeverity(input.vulnerability_scan.vulnerabilities)
            : null,
        verifications: input.verifications.map(v => ({
            subject: v.subject,
            verified: v.verified,
            digest: v.digest,
            identity: v.identity,
            issuer: v.issuer,
            predicate_type: v.predicate_type
        })),
        provenance: input.provenance.map(p => ({
            builder_id: p.builder_id,
            predicate_type: p.predicate_type,
            subjects: p.subjects.length,
            source: p.source
        })),
        artifact_digests: input.artifact.digests,
        approvers: [...new Set(input.approvals.map(a => a.user))].sort(),
        deployer: input.deployer,
        // Fact values are free-form and may be sensitive: only their names are recorded.
        fact_keys: Object.keys(input.facts).sort(),
        break_glass: input.break_glass,
        active_freeze_windows: Object.entries(input.windows)
            .filter(([, w]) => w.active)
            .map(([n]) => n)
    };
}
/** Deep-copies a JSON value with every string passed through the redactor. */
function redactDeep(value, redactor) {
    if (redactor.size === 0)
        return value;
    return JSON.parse(redactor.redact(JSON.stringify(value)));
}
/** Loads the evidence (no policy involved): useful on its own to inspect the input document. */
function loadEvidence(evidence, cwd, redactor = new src/* Redactor */.pO()) {
    return expandEvidence(evidence, cwd).map(spec => loadEvidenceFile(spec, cwd, redactor));
}
/** Evaluates the gate: policy + evidence → decision and audit record. */
function runGate(options) {
    const now = options.now ?? new Date();
    const nowMs = now.getTime();
    if (Number.isNaN(nowMs))
        throw new src/* InputError */.dz('GATE_TIME_INVALID', 'the evaluation time is not a valid date');
    const policy = typeof options.policy === 'string'
        ? loadGatePolicy(options.policy, options.cwd)
        : options.policy;
    const environment = options.environment ?? null;
    const redactor = new src/* Redactor */.pO();
    const loaded = loadEvidence(options.evidence, options.cwd, redactor);
    const evaluator = policy.forEnvironment(environment);
    const input = evaluator.prepare(buildInput(loaded, nowMs, environment));
    const result = evaluator.evaluate(input);
    const violations = redactDeep(result.violations, redactor);
    const warnings = redactDeep(result.warnings, redactor);
    const decision = {
        allow: result.allow,
        violations,
        warnings,
        environment,
        evaluated_at: input.now,
        policy: { path: policy.path, kind: policy.kind, sha256: policy.sha256 },
        evidence: input.evidence.map(e => ({ kind: e.kind, path: e.path, sha256: e.sha256 }))
    };
    if (result.allow &&
        input.break_glass &&
        warnings.some(w => w.msg.startsWith('overridden by break-glass')))
        decision.break_glass = input.break_glass;
    const audit = redactDeep({
        schema: AUDIT_SCHEMA,
        time: input.now,
        environment,
        decision: { allow: result.allow, violations, warnings },
        policy: {
            path: policy.path,
            kind: policy.kind,
            sha256: policy.sha256,
            rego_sha256: evaluator.modules.map(m => sha256(m.source))
        },
        evidence: input.evidence.map(e => ({
            path: e.path,
            kind: e.kind,
            format: e.format,
            sha256: e.sha256,
            timestamp: e.timestamp,
            age_seconds: e.age_seconds
        })),
        inputs: inputsSummary(input),
        context: { ...(options.context ?? {}) },
        engine: { name: `${src/* TOOL_NAME */.lH} gate`, version: src/* VERSION */.xv }
    }, redactor);
    return { decision, audit, input, redactor, exitCode: result.allow ? 0 : 1 };
}

;// CONCATENATED MODULE: ./packages/gate/src/native.ts
/**
 * The declarative checks written directly in TypeScript, rule for rule the same as the generated
 * Rego. Used as the reference in differential tests and as the baseline of `bench:gate`; the gate
 * itself always decides through Rego (user policies extend it, and the Rego is what is audited).
 */



const v = (x) => x === null || x === undefined ? 'null' : typeof x === 'string' ? x : JSON.stringify(x);
const native_anchored = (re) => `^(?:${re})$`;
function rank(t) {
    return t === 'none' ? undefined : t === 'any' ? 0 : SEVERITY_RANK[t];
}
function matches(m, value) {
    if (typeof value !== 'string')
        return false;
    return m.exact !== undefined
        ? value === m.exact
        : new RegExp(native_anchored(m.regexp ?? '')).test(value);
}
function native_matcherText(m) {
    return m.exact !== undefined ? m.exact : `matching ${native_anchored(m.regexp ?? '')}`;
}
function native_repoName(s) {
    return s.replace(/^https:\/\/[^/]+\//, '').replace(/\.git$/, '');
}
function evaluateNative(rules, input) {
    const found = new Map();
    const advisory = new Map();
    const add = (into, id, msg) => {
        into.set(`${id}\0${msg}`, { id, msg });
    };
    const violation = (id, msg) => add(found, id, msg);
    const required = new Set(rules.require.evidence);
    const present = {
        'secret-scan': () => input.secret_scan.present,
        sbom: () => input.sbom.present,
        'policy-check': () => input.policy_check.present,
        'vulnerability-scan': () => input.vulnerability_scan.present,
        verification: () => input.verifications.length > 0,
        provenance: () => input.provenance.length > 0,
        facts: () => input.evidence.some(e => e.kind === 'facts')
    };
    const sig = rules.require.signature;
    const signatureOk = (s) => {
        if (!s.verified || !sig)
            return s.verified;
        if (sig.identity && !matches(sig.identity, s.identity))
            return false;
        if (sig.issuer && !matches(sig.issuer, s.issuer))
            return false;
        const gh = sig.github;
        if (gh.repository && s.github.repository !== native_repoName(gh.repository))
            return false;
        if (gh.ref && s.github.ref !== gh.ref)
            return false;
        if (gh.trigger && s.github.trigger !== gh.trigger)
            return false;
        if (gh['runner-environment'] && s.github.runner_environment !== gh['runner-environment'])
            return false;
        if (gh.sha && s.github.sha !== gh.sha)
            return false;
        if (gh.workflow && s.github.workflow !== gh.workflow && s.github.workflow_name !== gh.workflow)
            return false;
        return true;
    };
    for (const s of input.verifications)
        if (!s.verified)
            violation('signature/not-verified', `signature of ${v(s.subject)} did not verify (${v(s.path)}): ${v(s.error)}`);
    if (sig) {
        const expected = [];
        if (sig.identity)
            expected.push(`identity ${native_matcherText(sig.identity)}`);
        if (sig.issuer)
            expected.push(`issuer ${native_matcherText(sig.issuer)}`);
        const gh = sig.github;
        if (gh.repository)
            expected.push(`repository ${native_repoName(gh.repository)}`);
        if (gh.ref)
            expected.push(`ref ${gh.ref}`);
        if (gh.trigger)
            expected.push(`trigger ${gh.trigger}`);
        if (gh['runner-environment'])
            expected.push(`runner-environment ${gh['runner-environment']}`);
        if (gh.sha)
            expected.push(`sha ${gh.sha}`);
        if (gh.workflow)
            expected.push(`workflow ${gh.workflow}`);
        const signers = input.verifications
            .filter(s => s.verified)
            .map(s => `${v(s.identity)} (${v(s.issuer)})`);
        const signersText = signers.length > 0 ? signers.join(', ') : 'no verified signature';
        if (input.verifications.length === 0)
            violation('signature/missing', 'no signature verification result among the evidence');
        if (input.verifications.length > 0 && !input.verifications.some(signatureOk))
            violation('signature/signer', `no verified signature by the required signer: expected ${expected.join(', ') || 'a verified signature'}, got ${signersText}`);
    }
    for (const t of rules.require.attestations) {
        if (!input.verifications.some(s => signatureOk(s) && s.predicate_type === t))
            violation('attestation/missing', `no verified attestation of predicate type ${t}${sig ? ' by the required signer' : ''}`);
    }
    if (rules.require.sbom || rules.denyOn.licenses.length > 0 || rules.denyOn.packages.length > 0)
        required.add('sbom');
    const comps = input.sbom.components;
    if (rules.require.sbom &&
        rules.require.sbom.minComponents > 0 &&
        input.sbom.present &&
        comps.length < rules.require.sbom.minComponents)
        violation('sbom/components', `the SBOM lists ${comps.length} component(s), at least ${rules.require.sbom.minComponents} required`);
    const licenseRes = rules.denyOn.licenses.map(g => new RegExp(globToRegex(g)));
    const packageRes = rules.denyOn.packages.map(g => new RegExp(globToRegex(g)));
    for (const c of comps) {
        for (const l of c.licenses)
            if (licenseRes.some(re => re.test(l.toLowerCase())))
                violation('sbom/license', `component ${c.name}@${c.version} has a denied license: ${l}`);
        if (packageRes.some(re => [c.purl, c.name, `${c.name}@${c.version}`].some(k => re.test(k.toLowerCase()))))
            violation('sbom/package', `denied package ${c.name}@${c.version} (${c.purl})`);
    }
    const prov = rules.require.provenance;
    if (prov) {
        const ok = (p) => p.predicate_type !== '' &&
            (!prov.builderId || matches(prov.builderId, p.builder_id)) &&
            (!prov.sourceRepository || p.source.repository === native_repoName(prov.sourceRepository)) &&
            (!prov.sourceRef || p.source.ref === prov.sourceRef);
        const expected = [];
        if (prov.builderId)
            expected.push(`builder ${native_matcherText(prov.builderId)}`);
        if (prov.sourceRepository)
            expected.push(`source ${native_repoName(prov.sourceRepository)}`);
        if (prov.sourceRef)
            expected.push(`ref ${prov.sourceRef}`);
        if (input.provenance.length === 0)
            violation('provenance/missing', 'no SLSA provenance among the evidence');
        if (expected.length > 0 && input.provenance.length > 0 && !input.provenance.some(ok)) {
            const got = input.provenance
                .map(p => `builder ${v(p.builder_id)}, source ${v(p.source.repository)}@${v(p.source.ref)}`)
                .join(', ');
            violation('provenance/builder', `no provenance matches: expected ${expected.join(', ')}, got ${got}`);
        }
        if (prov.matchArtifact && input.provenance.length > 0)
            for (const d of input.artifact.digests)
                if (!input.provenance.some(p => ok(p) && p.subjects.some(s => s.digest === d)))
                    violation('provenance/subject', `verified artifact ${d} is not a subject of a matching provenance statement`);
    }
    const secrets = rules.denyOn.secrets;
    if (secrets && secrets !== 'none') {
        required.add('secret-scan');
        const r = rank(secrets) ?? 0;
        for (const f of input.secret_scan.findings)
            if (SEVERITY_RANK[f.severity] >= r)
                violation('secrets/found', `secret scan: ${f.rule_id} at ${f.location} (${f.severity})`);
    }
    for (const [key, list, what] of [
        ['policyFailures', input.policy_check.failures, 'failure'],
        ['policyWarnings', input.policy_check.warnings, 'warning']
    ]) {
        const t = rules.denyOn[key];
        if (!t || t === 'none')
            continue;
        required.add('policy-check');
        const r = rank(t) ?? 0;
        for (const f of list)
            if (SEVERITY_RANK[f.severity] >= r)
                violation(`policy/${what}`, `policy ${what}: ${f.msg} (${f.file}, ${f.id}, ${f.severity})`);
    }
    const vulns = rules.denyOn.vulnerabilities;
    if (vulns) {
        required.add('vulnerability-scan');
        const r = rank(vulns.severity);
        const all = input.vulnerability_scan.vulnerabilities;
        if (r !== undefined) {
            const counted = [
                ...new Set(all
                    .filter(x => SEVERITY_RANK[x.severity] >= r && !vulns.ignore.includes(x.id))
                    .map(x => x.id))
            ].sort();
            if (counted.length > vulns.max)
                violation('vulnerabilities/threshold', `${counted.length} vulnerabilities at or above ${vulns.severity === 'any' ? 'any severity' : vulns.severity} (at most ${vulns.max} allowed): ${counted.join(', ')}`);
        }
        for (const x of all)
            if (vulns.block.includes(x.id))
                violation('vulnerabilities/blocked', `blocked vulnerability ${x.id} in ${x.package}`);
    }
    if (sig || rules.require.attestations.length > 0)
        required.delete('verification');
    if (prov)
        required.delete('provenance');
    for (const kind of EVIDENCE_KINDS)
        if (required.has(kind) && !present[kind]())
            violation('evidence/missing', `required ${kind} evidence is missing`);
    for (const k of rules.require.facts) {
        const x = input.facts[k];
        if (x === undefined || x === null || x === '')
            violation('facts/missing', `required fact ${k} is missing`);
    }
    const table = new Map();
    for (const k of EVIDENCE_KINDS) {
        const own = rules.maxAge[k];
        const s = own ?? rules.maxAge.default;
        if (s !== undefined)
            table.set(k, { seconds: s, text: formatDuration(s), required: own !== undefined });
    }
    for (const e of input.evidence) {
        const l = table.get(e.kind);
        if (!l)
            continue;
        if (e.age_seconds === null) {
            if (l.required)
                violation('freshness/no-timestamp', `${e.kind} evidence ${e.path} has no timestamp, and a maximum age is set for it`);
            else
                add(advisory, 'freshness/no-timestamp', `${e.kind} evidence ${e.path} has no timestamp; its age is unknown`);
            continue;
        }
        if (e.age_seconds > l.seconds)
            violation('freshness/stale', `${e.kind} evidence ${e.path} is ${v(e.age)} old (at most ${l.text} allowed)`);
        if (e.age_seconds < -300)
            violation('freshness/future', `${e.kind} evidence ${e.path} is dated ${v(e.age)} in the future`);
    }
    for (const w of rules.freezeWindows) {
        const state = input.windows[w.name];
        if (state?.active)
            violation('freeze/active', `deployments are frozen: window ${w.name}${state.description}, until ${v(state.end)}`);
    }
    const ap = rules.approvals;
    if (ap && ap.count > 0) {
        const approvers = new Set(input.approvals
            .filter(a => a.environment === null || a.environment === input.environment)
            .filter(a => !(ap.preventSelfApproval &&
            input.deployer !== null &&
            a.user.toLowerCase() === input.deployer.toLowerCase()))
            .map(a => a.user.toLowerCase()));
        if (approvers.size < ap.count)
            violation('approvals/missing', `${ap.count} approval(s) required${ap.preventSelfApproval ? ' (self-approval does not count)' : ''}, got ${approvers.size}`);
    }
    const all = [...found.values()];
    const breakGlass = rules.breakGlass && input.break_glass !== null && input.break_glass.justification !== '';
    const warnings = [...advisory.values()];
    let violations = [];
    if (rules.mode === 'enforce') {
        if (breakGlass)
            warnings.push(...all.map(x => ({ ...x, msg: `overridden by break-glass: ${x.msg}` })));
        else
            violations = all;
    }
    else
        warnings.push(...all.map(x => ({ ...x, msg: `warn mode: ${x.msg}` })));
    const order = (a, b) => (a.id ?? '').localeCompare(b.id ?? '') || a.msg.localeCompare(b.msg);
    return {
        allow: violations.length === 0,
        violations: violations.sort(order),
        warnings: warnings.sort(order)
    };
}

;// CONCATENATED MODULE: ./packages/gate/src/format.ts
function line(v) {
    return v.id ? `[${v.id}] ${v.msg}` : v.msg;
}
function formatDecisionText(d) {
    const out = [];
    const env = d.environment ? ` for ${d.environment}` : '';
    out.push(`${d.allow ? 'ALLOWED' : 'DENIED'}${env}: ${d.violations.length} violation(s), ${d.warnings.length} warning(s)`);
    out.push(`policy: ${d.policy.path} (${d.policy.kind}, sha256:${d.policy.sha256.slice(0, 16)}…)`);
    out.push(`evidence: ${d.evidence.length === 0 ? 'none' : d.evidence.map(e => `${e.path} (${e.kind})`).join(', ')}`);
    if (d.break_glass)
        out.push(`break-glass: ${d.break_glass.justification}${d.break_glass.by ? ` (by ${d.break_glass.by})` : ''}`);
    for (const v of d.violations)
        out.push(`  ✗ ${line(v)}`);
    for (const w of d.warnings)
        out.push(`  ! ${line(w)}`);
    return out.join('\n') + '\n';
}
function cell(s) {
    return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
function formatDecisionMarkdown(d) {
    const out = [];
    const env = d.environment ? ` to \`${d.environment}\`` : '';
    out.push(`## Deploy gate: ${d.allow ? '✅ allowed' : '❌ denied'}${env}`, '');
    out.push(`${d.violations.length} violation(s), ${d.warnings.length} warning(s). Policy \`${d.policy.path}\` (${d.policy.kind}, sha256 \`${d.policy.sha256.slice(0, 16)}\`), evaluated at ${d.evaluated_at}.`, '');
    if (d.break_glass)
        out.push(`**Break-glass** used: ${cell(d.break_glass.justification)}${d.break_glass.by ? ` (by ${cell(d.break_glass.by)})` : ''}`, '');
    if (d.violations.length + d.warnings.length > 0) {
        out.push('| | rule | message |', '| --- | --- | --- |');
        for (const v of d.violations)
            out.push(`| ❌ | ${cell(v.id ?? '')} | ${cell(v.msg)} |`);
        for (const w of d.warnings)
            out.push(`| ⚠️ | ${cell(w.id ?? '')} | ${cell(w.msg)} |`);
        out.push('');
    }
    out.push('<details><summary>Evidence</summary>', '', '| kind | file | sha256 |', '| --- | --- | --- |');
    for (const e of d.evidence)
        out.push(`| ${e.kind} | \`${cell(e.path)}\` | \`${e.sha256.slice(0, 16)}\` |`);
    out.push('', '</details>', '');
    return out.join('\n');
}
/** Audit context from a GitHub Actions environment (the caller passes the env; nothing secret). */
function auditContextFromEnv(env) {
    const out = {};
    if (env.GITHUB_ACTIONS !== 'true')
        return out;
    for (const [key, name] of [
        ['repository', 'GITHUB_REPOSITORY'],
        ['sha', 'GITHUB_SHA'],
        ['ref', 'GITHUB_REF'],
        ['actor', 'GITHUB_ACTOR'],
        ['triggering_actor', 'GITHUB_TRIGGERING_ACTOR'],
        ['event', 'GITHUB_EVENT_NAME'],
        ['workflow_ref', 'GITHUB_WORKFLOW_REF'],
        ['run_id', 'GITHUB_RUN_ID'],
        ['run_attempt', 'GITHUB_RUN_ATTEMPT'],
        ['server_url', 'GITHUB_SERVER_URL']
    ]) {
        const v = env[name];
        if (v)
            out[key] = v;
    }
    if (out.server_url && out.repository && out.run_id)
        out.run_url = `${out.server_url}/${out.repository}/actions/runs/${out.run_id}`;
    return out;
}
const VSA_PREDICATE_TYPE = 'https://slsa.dev/verification_summary/v1';
const GATE_VERIFIER_ID = 'https://github.com/secure-pipeline/secure-pipeline/gate';
/**
 * The decision as an in-toto Statement with a SLSA Verification Summary (VSA v1) predicate about
 * the artifacts the evidence vouches for (verified digests, else provenance subjects). Unsigned:
 * sign it with `secure-pipeline attest` / the sign action to publish it. Undefined when the
 * evidence names no artifact.
 */
function toVerificationSummary(decision, input, version) {
    const subjects = new Map();
    for (const v of input.verifications)
        if (v.verified && v.digest)
            subjects.set(v.digest, v.subject || v.digest);
    if (subjects.size === 0)
        for (const p of input.provenance)
            for (const s of p.subjects)
                if (s.digest)
                    subjects.set(s.digest, s.name || s.digest);
    if (subjects.size === 0)
        return undefined;
    const subject = [...subjects].map(([digest, name]) => ({
        name,
        digest: { sha256: digest.replace(/^sha256:/, '') }
    }));
    return {
        _type: 'https://in-toto.io/Statement/v1',
        subject,
        predicateType: VSA_PREDICATE_TYPE,
        predicate: {
            verifier: { id: GATE_VERIFIER_ID, version: { 'secure-pipeline': version } },
            timeVerified: decision.evaluated_at,
            resourceUri: subject[0].name,
            policy: { uri: decision.policy.path, digest: { sha256: decision.policy.sha256 } },
            inputAttestations: decision.evidence.map(e => ({
                uri: e.path,
                digest: { sha256: e.sha256 }
            })),
            verificationResult: decision.allow ? 'PASSED' : 'FAILED',
            verifiedLevels: [],
            slsaVersion: '1.0'
        }
    };
}

;// CONCATENATED MODULE: ./packages/gate/src/index.ts
/** @secure-pipeline/gate: one policy over all the evidence → allow or deny, audited. */










/***/ })

};
