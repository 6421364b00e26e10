export const id = 982;
export const ids = [982];
export const modules = {

/***/ 81982:
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

// UNUSED EXPORTS: AUDIT_SCHEMA, BUILTIN_PACKAGE, GATE_VERIFIER_ID, MAX_EVIDENCE_BYTES, SEVERITY_RANK, USER_PACKAGE, VSA_PREDICATE_TYPE, buildInput, compileRules, cvssScore, cvssSeverity, evaluateNative, expandEvidence, formatDecisionMarkdown, formatDuration, globToRegex, highestSeverity, licenseIds, loadEvidence, loadEvidenceFile, looksDeclarative, parseCron, parseDeclarativePolicy, parseDuration, parseEvidenceSpec, parseInstant, ratingSeverity, scoreSeverity, severityOf, wallClock, windowStates, zonedInstant

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
    'vex',
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
    vex: 'present_kind("vex")',
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
        // ignore/block name a vulnerability by its id or any alias (CVE for a GHSA, and so on).
        emit('vulnerability_named(v, names) if v.id in names', 'vulnerability_named(v, names) if {', '\tsome a in v.aliases', '\ta in names', '}');
        if (r !== undefined) {
            emit('counted_vulnerabilities contains v.id if {', '\tsome v in input.vulnerability_scan.vulnerabilities', `\trank[v.severity] >= ${r}`, `\tnot vulnerability_named(v, ${JSON.stringify(vulns.ignore)})`, '}');
            emit('violation contains {"id": "vulnerabilities/threshold", "msg": msg} if {', `\tcount(counted_vulnerabilities) > ${vulns.max}`, `\tmsg := sprintf("%d vulnerabilities at or above ${vulns.severity === 'any' ? 'any severity' : vulns.severity} (at most ${vulns.max} allowed): %v", [count(counted_vulnerabilities), concat(", ", sort(counted_vulnerabilities))])`, '}');
        }
        if (vulns.block.length > 0)
            emit('violation contains {"id": "vulnerabilities/blocked", "msg": sprintf("blocked vulnerability %v in %v", [v.id, v.package])} if {', '\tsome v in input.vulnerability_scan.vulnerabilities', `\tvulnerability_named(v, ${JSON.stringify(vulns.block)})`, '}');
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

;// CONCATENATED MODULE: ./packages/gate/src/json.ts
function isObj(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** A non-empty string, else null. */
function str(v) {
    return typeof v === 'string' && v !== '' ? v : null;
}
function arr(v) {
    return Array.isArray(v) ? v : [];
}
/** `o.a.b.c` if every step is an object, else undefined. */
function dig(o, ...keys) {
    let cur = o;
    for (const k of keys) {
        if (!isObj(cur))
            return undefined;
        cur = cur[k];
    }
    return cur;
}
function strings(v) {
    return arr(v).filter((x) => typeof x === 'string' && x !== '');
}

// EXTERNAL MODULE: ./node_modules/packageurl-js/index.js
var packageurl_js = __webpack_require__(87091);
// EXTERNAL MODULE: ./node_modules/ae-cvss-calculator/dist/ae-cvss-calculator.js
var ae_cvss_calculator = __webpack_require__(44353);
var ae_cvss_calculator_default = /*#__PURE__*/__webpack_require__.n(ae_cvss_calculator);
;// CONCATENATED MODULE: ./packages/gate/src/severity.ts
/**
 * Severity normalisation: scanner labels, SARIF levels and CVSS scores/vectors → our scale
 * (`critical`, `high`, `medium`, `low`, `info`).
 *
 * CVSS v3.x/v4.0 qualitative ratings (FIRST): 0.0 none → info, 0.1–3.9 low, 4.0–6.9 medium,
 * 7.0–8.9 high, 9.0–10.0 critical. CVSS v2 has no critical band (NVD: 7.0–10.0 high). An unknown
 * or missing rating is `null` here; callers fall back to `high` (fail closed) only when no other
 * rating of the same vulnerability is known.
 */


/** CVSS v3/v4 score → severity (the FIRST qualitative scale). */
function scoreSeverity(score) {
    if (score >= 9)
        return 'critical';
    if (score >= 7)
        return 'high';
    if (score >= 4)
        return 'medium';
    if (score > 0)
        return 'low';
    return 'info';
}
/** CVSS v2 score → severity (NVD's v2 scale: low < 4, medium < 7, high ≥ 7; no critical). */
function scoreSeverityV2(score) {
    if (score >= 7)
        return 'high';
    if (score >= 4)
        return 'medium';
    if (score > 0)
        return 'low';
    return 'info';
}
const calculator = (ae_cvss_calculator_default());
const BASE_METRICS = {
    2: ['AV', 'AC', 'Au', 'C', 'I', 'A'],
    3: ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'],
    4: ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA']
};
/** Base score of a CVSS vector (v2, v3.0, v3.1, v4.0), or null if it is not a valid vector. */
function cvssScore(vector) {
    const v = vector.trim();
    if (!/^(CVSS:[234]\.\d\/)?[A-Za-z]+:[A-Za-z]+(\/[A-Za-z]+:[A-Za-z()]+)*$/.test(v))
        return null;
    const version = v.startsWith('CVSS:4') ? 4 : v.startsWith('CVSS:3') ? 3 : 2;
    // Every base metric must be there: a partial vector has no base score.
    const metrics = new Set(v.split('/').map(p => p.split(':')[0]));
    if (!BASE_METRICS[version].every(m => metrics.has(m)))
        return null;
    try {
        const parsed = calculator.fromVector(v);
        if (!parsed)
            return null;
        const s = parsed.calculateScores();
        const score = typeof s.base === 'number' ? s.base : s.overall;
        if (typeof score !== 'number' || !Number.isFinite(score))
            return null;
        return { score, version };
    }
    catch {
        return null;
    }
}
/** A CVSS vector → severity by its computed base score, or null if it is not a vector. */
function cvssSeverity(vector) {
    const s = cvssScore(vector);
    if (!s)
        return null;
    return s.version === 2 ? scoreSeverityV2(s.score) : scoreSeverity(s.score);
}
const LABELS = {
    critical: 'critical',
    high: 'high',
    error: 'high',
    important: 'high',
    medium: 'medium',
    moderate: 'medium',
    warning: 'medium',
    low: 'low',
    note: 'low',
    negligible: 'low',
    minor: 'low',
    info: 'info',
    informational: 'info',
    none: 'info'
};
/**
 * One rating → severity, or null when it carries no information (`UNKNOWN`, missing, garbage).
 * Accepts labels of every scanner we read (case-insensitive), SARIF levels, CVSS scores (number or
 * numeric string) and CVSS vectors.
 */
function ratingSeverity(value) {
    if (typeof value === 'number')
        return Number.isFinite(value) ? scoreSeverity(value) : null;
    if (typeof value !== 'string')
        return null;
    const s = value.trim();
    if (/^\d+(\.\d+)?$/.test(s)) {
        const n = Number(s);
        return n <= 10 ? scoreSeverity(n) : null;
    }
    const label = LABELS[s.toLowerCase()];
    if (label)
        return label;
    if (s.includes(':'))
        return cvssSeverity(s);
    return null;
}
/** The highest of several ratings; unknown ones are ignored, and none known → `fallback`. */
function highestSeverity(ratings, fallback = 'high') {
    let best = null;
    for (const r of ratings) {
        const s = ratingSeverity(r);
        if (s && (best === null || model_SEVERITY_RANK[s] > model_SEVERITY_RANK[best]))
            best = s;
    }
    return best ?? fallback;
}
/** One rating → severity; an unknown rating counts as `fallback` (high: the gate fails closed). */
function severityOf(value, fallback = 'high') {
    return ratingSeverity(value) ?? fallback;
}

;// CONCATENATED MODULE: ./packages/gate/src/tools.ts



/** A vulnerability with defaults for what the tool does not say. */
function vuln(v) {
    const aliases = [...new Set((v.aliases ?? []).filter(a => a !== '' && a !== v.id))];
    return {
        id: v.id,
        severity: v.severity,
        package: v.package,
        source: v.source,
        aliases,
        fix_state: v.fix_state ?? (v.fixed_versions?.length ? 'fixed' : 'unknown'),
        fixed_versions: v.fixed_versions ?? []
    };
}
function tools_location(file, line) {
    return typeof line === 'number' ? `${file ?? ''}:${line}` : (file ?? '');
}
/** Remembers a value a scanner printed unredacted, so no output can repeat it. */
function rememberSecret(redactor, v) {
    if (typeof v !== 'string')
        return;
    const s = v.trim();
    // Redaction markers and masked values (gitleaks REDACTED, Trivy ****) are not secrets.
    if (s.length < 4 || /REDACTED/.test(s) || /^\**$/.test(s))
        return;
    redactor.add(s);
}
// ---- purls ----
const PURL_TYPES = {
    npm: 'npm',
    pypi: 'pypi',
    pip: 'pypi',
    go: 'golang',
    golang: 'golang',
    'crates.io': 'cargo',
    rust: 'cargo',
    cargo: 'cargo',
    maven: 'maven',
    rubygems: 'gem',
    gem: 'gem',
    nuget: 'nuget',
    packagist: 'composer',
    composer: 'composer',
    pub: 'pub',
    hex: 'hex',
    erlang: 'hex',
    swift: 'swift',
    swifturl: 'swift',
    actions: 'githubactions',
    'github actions': 'githubactions'
};
/** A package URL from an ecosystem name (OSV / GitHub vocabulary), or `name@version`. */
function purlFor(ecosystem, name, version) {
    const type = ecosystem ? PURL_TYPES[ecosystem.toLowerCase()] : undefined;
    if (!type || name === '')
        return version ? `${name}@${version}` : name;
    let namespace;
    let n = name;
    if (type === 'pypi')
        n = name.toLowerCase().replace(/[-_.]+/g, '-');
    else if (type === 'maven' && name.includes(':'))
        [namespace, n] = name.split(':', 2);
    else if (name.includes('/') && (type === 'npm' || type === 'golang' || type === 'composer')) {
        const slash = name.lastIndexOf('/');
        namespace = name.slice(0, slash);
        n = name.slice(slash + 1);
    }
    try {
        return new packageurl_js.PackageURL(type, namespace, n, version ?? undefined, undefined, undefined).toString();
    }
    catch {
        return version ? `${name}@${version}` : name;
    }
}
function normalisePurl(p) {
    return decodeURIComponent(p.replace(/[?#].*$/, '')).toLowerCase();
}
/** Whether a vulnerable package (purl or name) is the one a VEX product/subcomponent names. */
function packageMatches(vexProduct, pkg) {
    if (pkg === '')
        return false;
    const want = normalisePurl(vexProduct);
    const have = normalisePurl(pkg);
    if (want === have)
        return true;
    // Without its version (the last `@` after the last `/`).
    const base = (p) => {
        const at = p.lastIndexOf('@');
        return at > p.lastIndexOf('/') ? p.slice(0, at) : p;
    };
    // A purl without a version names every version of the package.
    if (want.startsWith('pkg:'))
        return base(want) === want && base(have) === want;
    return base(have) === want || base(have).split('/').pop() === want;
}
// ---- secret scanners ----
/** trufflehog v3 `--json` finding (one object per line). */
function isTrufflehogFinding(o) {
    return typeof o.DetectorName === 'string' && isObj(o.SourceMetadata);
}
/** trufflehog's own log line (stderr, JSON) that proves a scan ran to the end. */
function isTrufflehogSummary(o) {
    return o.logger === 'trufflehog' && o.msg === 'finished scanning';
}
/** A trufflehog log line of any kind (skipped when stderr was captured with stdout). */
function isTrufflehogLog(o) {
    return typeof o.level === 'string' && typeof o.msg === 'string' && 'ts' in o;
}
function trufflehogFindings(objs, redactor) {
    return objs.filter(isTrufflehogFinding).map(o => {
        rememberSecret(redactor, o.Raw);
        rememberSecret(redactor, o.RawV2);
        // RawV2 is often Raw followed by the rest of the credential (AWS: key id + secret key).
        const raw = str(o.Raw);
        const raw2 = str(o.RawV2);
        if (raw && raw2?.startsWith(raw) && raw2.length - raw.length >= 8)
            rememberSecret(redactor, raw2.slice(raw.length).replace(/^[:\s]+/, ''));
        const data = dig(o, 'SourceMetadata', 'Data');
        // Data has one key naming the source (Git, Github, Filesystem, Docker, S3, ...).
        const src = isObj(data) ? (Object.values(data).find(isObj) ?? {}) : {};
        const file = str(src.file) ?? str(src.path) ?? str(src.link) ?? str(src.layer) ?? '';
        const line = typeof src.line === 'number' ? src.line : null;
        const verified = typeof o.Verified === 'boolean' ? o.Verified : null;
        return {
            rule_id: o.DetectorName,
            // trufflehog has no severity: a secret the provider confirmed live is critical.
            severity: verified === true ? 'critical' : 'high',
            file,
            line,
            location: tools_location(file, line),
            commit: str(src.commit),
            verified
        };
    });
}
/** `GET /repos/{owner}/{repo}/secret-scanning/alerts` (or the org/enterprise lists). */
function isGitHubSecretAlert(o) {
    return typeof o.secret_type === 'string' && typeof o.number === 'number' && 'state' in o;
}
function gitHubSecretAlerts(objs, redactor) {
    const out = [];
    for (const o of objs) {
        // The API returns the secret itself: remember it even for alerts that are closed.
        rememberSecret(redactor, o.secret);
        if (o.state !== 'open')
            continue;
        const first = isObj(o.first_location_detected) ? o.first_location_detected : {};
        const file = str(first.path) ?? '';
        const line = typeof first.start_line === 'number' ? first.start_line : null;
        const verified = o.validity === 'active' ? true : o.validity === 'inactive' ? false : null;
        out.push({
            rule_id: o.secret_type,
            severity: verified === true ? 'critical' : 'high',
            file,
            line,
            location: tools_location(file, line),
            commit: str(first.commit_sha),
            verified
        });
    }
    return out;
}
// ---- vulnerability reports ----
/** `GET /repos/{owner}/{repo}/dependabot/alerts`. */
function isDependabotAlert(o) {
    return isObj(o.security_advisory) && isObj(o.dependency) && typeof o.number === 'number';
}
function cvssRatings(c) {
    if (!isObj(c))
        return [];
    const out = [];
    // A score of 0 with no vector is GitHub's "no CVSS", not a rating of none.
    if (typeof c.vector_string === 'string')
        out.push(c.vector_string);
    if (typeof c.score === 'number' && c.score > 0)
        out.push(c.score);
    return out;
}
function dependabotAlerts(objs) {
    return objs
        .filter(o => o.state === 'open')
        .map(o => {
        const adv = o.security_advisory;
        const sv = isObj(o.security_vulnerability) ? o.security_vulnerability : {};
        const pkg = isObj(dig(o, 'dependency', 'package'))
            ? dig(o, 'dependency', 'package')
            : {};
        const ids = arr(adv.identifiers)
            .filter(isObj)
            .map(i => str(i.value))
            .filter((x) => x !== null);
        const id = str(adv.cve_id) ?? str(adv.ghsa_id) ?? ids[0] ?? `dependabot-${o.number}`;
        const patched = str(dig(sv, 'first_patched_version', 'identifier'));
        const sevs = isObj(adv.cvss_severities) ? Object.values(adv.cvss_severities) : [];
        return vuln({
            id,
            severity: highestSeverity([
                sv.severity,
                adv.severity,
                ...cvssRatings(adv.cvss),
                ...sevs.flatMap(cvssRatings)
            ]),
            package: purlFor(str(pkg.ecosystem), str(pkg.name) ?? '', null),
            source: 'dependabot',
            aliases: [str(adv.ghsa_id) ?? '', str(adv.cve_id) ?? '', ...ids],
            fix_state: patched ? 'fixed' : 'not-fixed',
            fixed_versions: patched ? [patched] : []
        });
    });
}
/** OSV-Scanner `--format json`: results[].packages[].{package, vulnerabilities, groups}. */
function isOsvScanner(doc, forced) {
    if (!Array.isArray(doc.results))
        return false;
    // A clean run prints {"results": []}, which is also an empty list of verify results: it is read
    // as OSV-Scanner output only with its own config key, or when forced (vulnerability-scan:).
    if (doc.results.length === 0)
        return 'experimental_config' in doc || forced === 'vulnerability-scan';
    return doc.results.every(r => isObj(r) && Array.isArray(r.packages) && (isObj(r.source) || isObj(r.packageSource)));
}
function osvSeverities(v) {
    const out = [];
    for (const s of arr(v.severity).filter(isObj))
        if (s.score !== undefined)
            out.push(s.score);
    const ds = dig(v, 'database_specific', 'severity');
    if (ds !== undefined)
        out.push(ds);
    for (const a of arr(v.affected).filter(isObj)) {
        for (const key of ['ecosystem_specific', 'database_specific']) {
            const sev = dig(a, key, 'severity');
            if (typeof sev === 'string')
                out.push(sev);
        }
    }
    return out;
}
function osvFixed(v) {
    const out = [];
    for (const a of arr(v.affected).filter(isObj))
        for (const r of arr(a.ranges).filter(isObj))
            for (const e of arr(r.events).filter(isObj))
                if (typeof e.fixed === 'string')
                    out.push(e.fixed);
    return [...new Set(out)];
}
function osvScannerVulnerabilities(doc) {
    const out = [];
    for (const r of arr(doc.results).filter(isObj)) {
        for (const p of arr(r.packages).filter(isObj)) {
            const info = isObj(p.package) ? p.package : {};
            const pkg = str(info.purl) ??
                purlFor(str(info.ecosystem), str(info.name) ?? '', str(info.version) ?? str(info.commit));
            const vulns = arr(p.vulnerabilities).filter(isObj);
            const byId = new Map(vulns.map(v => [str(v.id) ?? '', v]));
            // osv-scanner groups the records that are aliases of each other; one entry per group.
            const groups = arr(p.groups)
                .filter(isObj)
                .map(g => ({
                ids: strings(g.ids),
                aliases: strings(g.aliases),
                max: g.max_severity ?? null
            }));
            const grouped = new Set(groups.flatMap(g => g.ids));
            for (const v of vulns)
                if (!grouped.has(str(v.id) ?? ''))
                    groups.push({ ids: [str(v.id) ?? 'unknown'], aliases: [], max: null });
            for (const g of groups) {
                const records = g.ids.map(i => byId.get(i)).filter((x) => x !== undefined);
                const ratings = records.flatMap(osvSeverities);
                if (g.max !== null && g.max !== '')
                    ratings.push(g.max);
                const fixed = [...new Set(records.flatMap(osvFixed))];
                const cve = [...g.ids, ...g.aliases].find(i => /^CVE-/.test(i));
                const id = cve ?? g.ids[0] ?? 'unknown';
                out.push(vuln({
                    id,
                    severity: highestSeverity(ratings),
                    package: pkg,
                    source: 'osv-scanner',
                    aliases: [...g.ids, ...g.aliases, ...records.flatMap(rec => strings(rec.aliases))],
                    fix_state: fixed.length ? 'fixed' : records.length ? 'not-fixed' : 'unknown',
                    fixed_versions: fixed
                }));
            }
        }
    }
    return out;
}
/** `npm audit --json` (report version 2, npm 7+). */
function isNpmAudit(doc) {
    return doc.auditReportVersion === 2 && isObj(doc.vulnerabilities);
}
function npmPurl(name) {
    return purlFor('npm', name, null);
}
function npmAuditVulnerabilities(doc) {
    const out = new Map();
    for (const [name, entry] of Object.entries(doc.vulnerabilities)) {
        if (!isObj(entry))
            continue;
        // `via` names advisories (objects) or the dependencies that carry them (strings); only the
        // advisories are vulnerabilities, the rest is how they reach this package.
        for (const via of arr(entry.via).filter(isObj)) {
            const url = str(via.url);
            const ghsa = url ? /GHSA(-[23456789cfghjmpqrvwx]{4}){3}/.exec(url)?.[0] : undefined;
            const source = typeof via.source === 'number' || typeof via.source === 'string' ? via.source : null;
            const id = ghsa ?? (source !== null ? `npm-${source}` : 'unknown');
            const pkgName = str(via.dependency) ?? str(via.name) ?? name;
            const cvss = isObj(via.cvss) ? via.cvss : {};
            const fix = entry.fixAvailable;
            out.set(`${id} ${pkgName}`, vuln({
                id,
                severity: highestSeverity([
                    via.severity,
                    ...(typeof cvss.score === 'number' && cvss.score > 0 ? [cvss.score] : []),
                    ...(typeof cvss.vectorString === 'string' ? [cvss.vectorString] : [])
                ]),
                package: npmPurl(pkgName),
                source: 'npm audit',
                fix_state: fix === false ? 'not-fixed' : fix === undefined ? 'unknown' : 'fixed',
                fixed_versions: isObj(fix) && typeof fix.version === 'string' && fix.name === pkgName
                    ? [fix.version]
                    : []
            }));
        }
    }
    return [...out.values()];
}
/** `pip-audit -f json`: {dependencies: [{name, version, vulns: [{id, fix_versions, aliases}]}]}. */
function isPipAudit(doc) {
    return (Array.isArray(doc.dependencies) &&
        doc.dependencies.every(d => isObj(d) && typeof d.name === 'string') &&
        doc.dependencies.some(d => isObj(d) && ('vulns' in d || 'skip_reason' in d)) &&
        (Array.isArray(doc.fixes) || doc.dependencies.length > 0));
}
function pipAuditVulnerabilities(doc) {
    return arr(doc.dependencies)
        .filter(isObj)
        .flatMap(d => arr(d.vulns)
        .filter(isObj)
        .map(v => {
        const fixed = strings(v.fix_versions);
        return vuln({
            id: str(v.id) ?? 'unknown',
            // pip-audit reports no severity (PYSEC/OSV records rarely carry one): unknown → high.
            severity: severityOf(v.severity),
            package: purlFor('pypi', str(d.name) ?? '', str(d.version)),
            source: 'pip-audit',
            aliases: strings(v.aliases),
            fix_state: fixed.length ? 'fixed' : 'not-fixed',
            fixed_versions: fixed
        });
    }));
}
const GRYPE_FIX = {
    fixed: 'fixed',
    'not-fixed': 'not-fixed',
    'wont-fix': 'wont-fix',
    unknown: 'unknown'
};
function grypeRatings(v) {
    const out = [v.severity ?? null];
    for (const c of arr(v.cvss).filter(isObj)) {
        if (typeof c.vector === 'string')
            out.push(c.vector);
        const score = dig(c, 'metrics', 'baseScore');
        if (typeof score === 'number')
            out.push(score);
    }
    return out;
}
/** Grype `-o json`: matches[] of {vulnerability, relatedVulnerabilities, artifact}. */
function grypeVulnerabilities(doc) {
    return arr(doc.matches)
        .filter(isObj)
        .map(m => {
        const v = isObj(m.vulnerability) ? m.vulnerability : {};
        const a = isObj(m.artifact) ? m.artifact : {};
        const related = arr(m.relatedVulnerabilities).filter(isObj);
        const fix = isObj(v.fix) ? v.fix : {};
        const name = str(a.name) ?? '';
        return vuln({
            id: str(v.id) ?? 'unknown',
            severity: highestSeverity([...grypeRatings(v), ...related.flatMap(grypeRatings)]),
            package: str(a.purl) ?? (str(a.version) ? `${name}@${a.version}` : name),
            source: 'grype',
            aliases: related.map(r => str(r.id) ?? ''),
            fix_state: GRYPE_FIX[str(fix.state) ?? 'unknown'] ?? 'unknown',
            fixed_versions: strings(fix.versions)
        });
    });
}
// ---- Trivy ----
const TRIVY_VENDOR = ['unknown', 'low', 'medium', 'high', 'critical'];
function trivyFix(status, fixed) {
    if (fixed)
        return 'fixed';
    switch (status) {
        case 'fixed':
            return 'fixed';
        case 'affected':
            return 'not-fixed';
        case 'will_not_fix':
        case 'fix_deferred':
        case 'end_of_life':
            return 'wont-fix';
        default:
            return 'unknown';
    }
}
/** Trivy `--format json`: Results[] with Vulnerabilities, Misconfigurations and Secrets. */
/** `trivy k8s --format json`: results per cluster resource (`Resources`, or before 0.50 `Vulnerabilities`/`Misconfigurations`). */
function isTrivyK8s(doc) {
    return (typeof doc.ClusterName === 'string' &&
        ['Resources', 'Vulnerabilities', 'Misconfigurations'].some(k => Array.isArray(doc[k])));
}
function trivyResults(doc) {
    if (!isTrivyK8s(doc))
        return arr(doc.Results)
            .filter(isObj)
            .map(result => ({ result, resource: null }));
    const out = [];
    for (const key of ['Resources', 'Vulnerabilities', 'Misconfigurations'])
        for (const res of arr(doc[key]).filter(isObj)) {
            const resource = [str(res.Kind), str(res.Namespace), str(res.Name)].filter(Boolean).join('/');
            for (const result of arr(res.Results).filter(isObj))
                out.push({ result, resource });
        }
    return out;
}
function trivyReport(doc) {
    const report = { vulnerabilities: [], secrets: [], failures: [], classes: new Set() };
    for (const { result: r, resource } of trivyResults(doc)) {
        // In a cluster report the resource locates a finding better than the image or file name.
        const target = (resource && r.Class === 'config' ? resource : str(r.Target)) ?? resource ?? '';
        const cls = str(r.Class) ??
            (Array.isArray(r.Misconfigurations)
                ? 'config'
                : Array.isArray(r.Secrets)
                    ? 'secret'
                    : 'lang-pkgs');
        report.classes.add(cls);
        for (const v of arr(r.Vulnerabilities).filter(isObj)) {
            const ratings = [v.Severity ?? null];
            if (isObj(v.VendorSeverity))
                for (const n of Object.values(v.VendorSeverity))
                    if (typeof n === 'number' && n > 0)
                        ratings.push(TRIVY_VENDOR[n] ?? null);
            if (isObj(v.CVSS))
                for (const c of Object.values(v.CVSS).filter(isObj))
                    for (const k of ['V40Vector', 'V3Vector', 'V2Vector'])
                        if (typeof c[k] === 'string')
                            ratings.push(c[k]);
            const name = str(v.PkgName) ?? '';
            const fixed = str(v.FixedVersion);
            report.vulnerabilities.push(vuln({
                id: str(v.VulnerabilityID) ?? 'unknown',
                severity: highestSeverity(ratings),
                package: str(dig(v, 'PkgIdentifier', 'PURL')) ??
                    (str(v.InstalledVersion) ? `${name}@${v.InstalledVersion}` : name),
                source: 'trivy',
                aliases: strings(v.VendorIDs),
                fix_state: trivyFix(str(v.Status), fixed),
                fixed_versions: fixed ? fixed.split(/,\s*/) : []
            }));
        }
        for (const m of arr(r.Misconfigurations).filter(isObj)) {
            if (str(m.Status) && m.Status !== 'FAIL')
                continue;
            report.failures.push({
                file: target,
                namespace: str(m.Namespace) ?? `trivy ${str(m.Type) ?? 'config'}`,
                msg: str(m.Message) ?? str(m.Title) ?? str(m.ID) ?? 'misconfiguration',
                id: str(m.AVDID) ?? str(m.ID) ?? 'unknown',
                severity: severityOf(m.Severity)
            });
        }
        for (const s of arr(r.Secrets).filter(isObj)) {
            // Trivy masks the secret in Match and Code; neither is kept.
            const line = typeof s.StartLine === 'number' ? s.StartLine : null;
            report.secrets.push({
                rule_id: str(s.RuleID) ?? 'unknown',
                severity: severityOf(s.Severity),
                file: target,
                line,
                location: tools_location(target, line),
                commit: null,
                verified: null
            });
        }
    }
    return report;
}
// ---- SBOM ----
/** syft's native `-o json`: artifacts[] with licenses as strings (old) or objects (new). */
function isSyftJson(doc) {
    return (Array.isArray(doc.artifacts) &&
        (dig(doc, 'descriptor', 'name') === 'syft' ||
            /anchore\/syft/.test(str(dig(doc, 'schema', 'url')) ?? '')));
}
function syftComponents(doc, licenseIds) {
    return arr(doc.artifacts)
        .filter(isObj)
        .map(a => {
        const licenses = [];
        for (const l of arr(a.licenses)) {
            if (typeof l === 'string')
                licenses.push(...licenseIds(l));
            else if (isObj(l)) {
                const e = str(l.spdxExpression) ?? str(l.value);
                if (e)
                    licenses.push(...licenseIds(e));
            }
        }
        return {
            name: str(a.name) ?? '',
            version: str(a.version) ?? '',
            purl: str(a.purl) ?? '',
            type: str(a.type) ?? 'library',
            licenses: [...new Set(licenses)]
        };
    });
}
// ---- policy checks ----
const REPORT_KINDS = new Set(['PolicyReport', 'ClusterPolicyReport', 'Report', 'ClusterReport']);
/** Kyverno / Policy WG reports (wgpolicyk8s.io, openreports.io): `kyverno apply --policy-report`. */
function isPolicyReport(doc) {
    return (typeof doc.kind === 'string' &&
        REPORT_KINDS.has(doc.kind) &&
        typeof doc.apiVersion === 'string' &&
        /wgpolicyk8s\.io|openreports\.io/.test(doc.apiVersion));
}
function policyReportResults(docs) {
    const failures = [];
    const warnings = [];
    const timestamps = [];
    for (const doc of docs) {
        const scope = isObj(doc.scope) ? [doc.scope] : [];
        for (const r of arr(doc.results).filter(isObj)) {
            const result = str(r.result)?.toLowerCase();
            const ts = r.timestamp;
            if (isObj(ts) && typeof ts.seconds === 'number')
                timestamps.push(ts.seconds);
            if (result !== 'fail' && result !== 'error' && result !== 'warn')
                continue;
            const resources = arr(r.resources).filter(isObj);
            const targets = (resources.length ? resources : scope.length ? scope : [{}]).map(res => [str(res.kind), str(res.namespace), str(res.name)].filter(Boolean).join('/'));
            const policy = str(r.policy) ?? 'policy';
            for (const file of targets) {
                const entry = {
                    file,
                    namespace: policy,
                    msg: (result === 'error' ? 'policy error: ' : '') +
                        (str(r.message) ?? `${str(r.rule) ?? policy} ${result}`),
                    id: str(r.rule) ? `${policy}/${r.rule}` : policy,
                    severity: severityOf(r.severity, result === 'warn' ? 'low' : 'high')
                };
                (result === 'warn' ? warnings : failures).push(entry);
            }
        }
    }
    return { failures, warnings, timestamps };
}
/** checkov `-o json`: one report object per framework (a list when several ran). */
function isCheckov(o) {
    return ((typeof o.check_type === 'string' && isObj(o.results)) ||
        (typeof o.checkov_version === 'string' && 'passed' in o && 'failed' in o));
}
function checkovFailures(objs) {
    const out = [];
    for (const o of objs) {
        const ns = `checkov ${str(o.check_type) ?? ''}`.trim();
        for (const f of arr(dig(o, 'results', 'failed_checks')).filter(isObj)) {
            const resource = str(f.resource);
            out.push({
                file: (str(f.repo_file_path) ?? str(f.file_path) ?? '').replace(/^\//, ''),
                namespace: ns,
                msg: `${str(f.check_name) ?? str(f.check_id) ?? 'check failed'}${resource ? ` (${resource})` : ''}`,
                id: str(f.check_id) ?? 'unknown',
                // checkov has severities only with a platform key: a failure without one counts as high.
                severity: severityOf(f.severity)
            });
        }
    }
    return out;
}
/** kube-linter `lint --format json`: {Checks, Reports, Summary}. */
function isKubeLinter(doc) {
    return Array.isArray(doc.Reports) && isObj(doc.Summary) && 'ChecksStatus' in doc.Summary;
}
function kubeLinterFailures(doc) {
    return arr(doc.Reports)
        .filter(isObj)
        .map(r => {
        const k8s = dig(r, 'Object', 'K8sObject');
        const gvk = dig(k8s, 'GroupVersionKind');
        const what = [str(dig(gvk, 'Kind')), str(dig(k8s, 'Namespace')), str(dig(k8s, 'Name'))]
            .filter(Boolean)
            .join('/');
        const msg = str(dig(r, 'Diagnostic', 'Message')) ?? str(r.Check) ?? 'lint failure';
        return {
            file: str(dig(r, 'Object', 'Metadata', 'FilePath')) ?? '',
            namespace: 'kube-linter',
            msg: what ? `${what}: ${msg}` : msg,
            id: str(r.Check) ?? 'unknown',
            // kube-linter has no severities: a report is a failure of the check, counted as high.
            severity: 'high'
        };
    });
}
/** kubescape `--format json`: results[] of resources with their controls, summaryDetails. */
function isKubescape(doc) {
    return Array.isArray(doc.results) && isObj(doc.summaryDetails);
}
function kubescapeFailures(doc) {
    const summary = dig(doc, 'summaryDetails', 'controls');
    const files = new Map();
    for (const r of arr(doc.resources).filter(isObj)) {
        const src = isObj(r.source) ? r.source : {};
        const file = str(src.relativePath) ?? str(src.path);
        if (typeof r.resourceID === 'string' && file)
            files.set(r.resourceID, file);
    }
    const out = [];
    for (const r of arr(doc.results).filter(isObj)) {
        const id = str(r.resourceID) ?? '';
        // resourceID: [path=…/]api=<group/version>/<namespace>/<Kind>/<name>
        const [kind, name] = id.split('/').slice(-2);
        for (const c of arr(r.controls).filter(isObj)) {
            const status = str(dig(c, 'status', 'status'));
            // Older reports have no control status: a failed rule fails the control.
            const failed = status !== null
                ? status === 'failed'
                : arr(c.rules).some(x => isObj(x) && x.status === 'failed');
            if (!failed)
                continue;
            const controlID = str(c.controlID) ?? 'unknown';
            const score = dig(summary, controlID, 'scoreFactor');
            out.push({
                file: files.get(id) ?? id,
                namespace: 'kubescape',
                msg: `${kind && name ? `${kind}/${name}: ` : ''}${str(c.name) ?? controlID}`,
                id: controlID,
                // kubescape's scoreFactor (1–10) is banded like CVSS.
                severity: typeof score === 'number' && score > 0 ? scoreSeverity(score) : 'high'
            });
        }
    }
    return out;
}
/** Whether a text is TAP (conftest `--output tap`): a plan line `1..N` first. */
function looksLikeTap(text) {
    return /^1\.\.\d+\s*$/.test(text.trimStart().split(/\r?\n/, 1)[0]);
}
/**
 * conftest `--output tap` → the shape of conftest's JSON (one entry per file and namespace).
 * Lines: `not ok N - FILE - NAMESPACE - MESSAGE` (failures, then `# warnings`), `ok N ...` for
 * exceptions, skips and successes; older conftest leaves the namespace out.
 */
function parseConftestTap(text) {
    const entries = new Map();
    let section = 'failures';
    for (const line of text.split(/\r?\n/)) {
        if (/^1\.\.\d+\s*$/.test(line))
            section = 'failures';
        else if (/^# warnings?\s*$/i.test(line))
            section = 'warnings';
        else if (/^# /.test(line))
            section = 'other';
        const m = /^not ok \d+ - (.*)$/.exec(line);
        if (!m || section === 'other')
            continue;
        const parts = m[1].split(' - ');
        const [file, namespace, msg] = parts.length >= 3
            ? [parts[0], parts[1], parts.slice(2).join(' - ')]
            : [parts[0], 'main', parts.slice(1).join(' - ')];
        const key = `${file}\u0000${namespace}`;
        let e = entries.get(key);
        if (!e) {
            e = { filename: file === '-' ? '' : file, namespace, failures: [], warnings: [] };
            entries.set(key, e);
        }
        ;
        (section === 'warnings' ? e.warnings : e.failures).push({ msg });
    }
    // A run with nothing but successes still says it ran: one entry without findings.
    return entries.size
        ? [...entries.values()]
        : [{ filename: '', namespace: 'main', failures: [], warnings: [], successes: 0 }];
}
// ---- cosign ----
/** `cosign verify --output json`: a list of {critical: {identity, image, type}, optional}. */
function isCosignVerify(o) {
    return isObj(o.critical) && isObj(o.critical.image) && typeof o.critical.type === 'string';
}
function cosignVerification(o, claims) {
    const digest = str(dig(o, 'critical', 'image', 'docker-manifest-digest'));
    const ref = str(dig(o, 'critical', 'identity', 'docker-reference'));
    const opt = isObj(o.optional) ? o.optional : {};
    const github = claims(opt);
    // Older cosign prints the legacy GitHub claims by name instead of by OID.
    github.repository ??= str(opt.githubWorkflowRepository);
    github.ref ??= str(opt.githubWorkflowRef);
    github.sha ??= str(opt.githubWorkflowSha);
    github.workflow_name ??= str(opt.githubWorkflowName);
    github.trigger ??= str(opt.githubWorkflowTrigger);
    return {
        subject: ref && digest ? `${ref}@${digest}` : (ref ?? digest ?? ''),
        // cosign prints nothing but verified signatures.
        verified: true,
        digest,
        identity: str(opt.Subject),
        issuer: str(opt.Issuer),
        github,
        predicate_type: null,
        error: null
    };
}
function cosignTime(objs) {
    return objs.map(o => dig(o, 'optional', 'Bundle', 'Payload', 'integratedTime'));
}
// ---- VEX ----
const VEX_STATUS = new Set(['not_affected', 'affected', 'fixed', 'under_investigation']);
/** An OpenVEX document (any version: `@context` https://openvex.dev/ns…). */
function isOpenVex(doc) {
    return (typeof doc['@context'] === 'string' &&
        /openvex\.dev\/ns/.test(doc['@context']) &&
        Array.isArray(doc.statements));
}
function productIds(list) {
    const out = [];
    for (const p of arr(list)) {
        if (typeof p === 'string')
            out.push(p);
        else if (isObj(p)) {
            const id = str(p['@id']) ?? str(dig(p, 'identifiers', 'purl'));
            if (id)
                out.push(id);
            const purl = str(dig(p, 'identifiers', 'purl'));
            if (purl && purl !== id)
                out.push(purl);
        }
    }
    return out;
}
function openVexStatements(doc) {
    const docTime = str(doc.timestamp);
    const out = [];
    for (const s of arr(doc.statements).filter(isObj)) {
        const status = str(s.status);
        if (!status || !VEX_STATUS.has(status))
            continue;
        const v = s.vulnerability;
        const name = typeof v === 'string' ? v : isObj(v) ? (str(v.name) ?? str(v['@id'])) : null;
        if (!name)
            continue;
        // Subcomponents narrow a statement to the packages inside the product.
        const subs = [
            ...productIds(s.subcomponents),
            ...arr(s.products)
                .filter(isObj)
                .flatMap(p => productIds(p.subcomponents))
        ];
        out.push({
            vulnerability: name,
            aliases: isObj(v) ? strings(v.aliases) : [],
            products: subs.length ? subs : [],
            status: status,
            justification: str(s.justification) ?? str(s.impact_statement),
            timestamp: str(s.timestamp) ?? str(s.last_updated) ?? docTime
        });
    }
    return out;
}
const CDX_STATE = {
    not_affected: 'not_affected',
    false_positive: 'not_affected',
    resolved: 'fixed',
    resolved_with_pedigree: 'fixed',
    exploitable: 'affected',
    in_triage: 'under_investigation'
};
/** CycloneDX `vulnerabilities[].analysis` (VEX in a BOM, or a standalone VEX BOM). */
function cyclonedxVexStatements(doc, refs) {
    const out = [];
    for (const v of arr(doc.vulnerabilities).filter(isObj)) {
        const state = str(dig(v, 'analysis', 'state'));
        const status = state ? CDX_STATE[state] : undefined;
        if (!status || !str(v.id))
            continue;
        const products = arr(v.affects)
            .filter(isObj)
            .map(a => {
            const ref = str(a.ref) ?? '';
            // A BOM-Link (urn:cdx:serial/version#bom-ref) points into another BOM.
            const local = ref.includes('#') ? decodeURIComponent(ref.slice(ref.indexOf('#') + 1)) : ref;
            return refs.get(local) ?? local;
        })
            .filter(p => p !== '');
        out.push({
            vulnerability: v.id,
            aliases: arr(v.references)
                .filter(isObj)
                .map(r => str(r.id) ?? '')
                .filter(Boolean),
            products,
            status,
            justification: str(dig(v, 'analysis', 'justification')) ?? str(dig(v, 'analysis', 'detail')),
            timestamp: str(v.updated) ?? str(v.published) ?? str(dig(doc, 'metadata', 'timestamp'))
        });
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
function fail(file, message, line) {
    throw new src/* InputError */.dz('GATE_EVIDENCE_INVALID', message, { position: { file, line } });
}
function parseDocument(text, file) {
    const trimmed = text.trim();
    if (trimmed === '')
        fail(file, 'evidence file is empty');
    // `kyverno apply --policy-report` prints a banner before the report's YAML.
    const banner = /^POLICY REPORT:\s*\n(?:-+\s*\n)?/m.exec(text);
    if (banner || /\.ya?ml$/i.test(file)) {
        const offset = banner ? banner.index + banner[0].length : 0;
        const body = text.slice(offset);
        const lineOffset = text.slice(0, offset).split('\n').length - 1;
        const docs = (0,dist.parseAllDocuments)(body);
        const list = Array.isArray(docs) ? docs : [docs];
        for (const d of list) {
            const err = d.errors[0];
            if (err) {
                const line = err.linePos?.[0]?.line;
                fail(file, 
                // The line is given by position (counted from the top of the file, banner included).
                `invalid YAML: ${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`, line === undefined ? undefined : line + lineOffset);
            }
        }
        const values = list
            .map(d => d.toJS({ maxAliasCount: 100 }))
            .filter(v => v !== null && v !== undefined);
        // Several documents (`---`) are read as a list of them.
        return values.length === 1 ? values[0] : values;
    }
    if (looksLikeTap(trimmed))
        return { '@conftest-tap': parseConftestTap(trimmed) };
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
        rememberSecret(redactor, f.secret);
        rememberSecret(redactor, f.match);
        return {
            rule_id: str(f.ruleId) ?? 'unknown',
            severity: severityOf(f.severity),
            file: str(f.file) ?? '',
            line: typeof f.startLine === 'number' ? f.startLine : null,
            location: loc(str(f.file), f.startLine),
            commit: str(f.commit),
            verified: typeof f.verified === 'boolean' ? f.verified : null
        };
    });
}
/** gitleaks `--report-format json` (with `--redact`, Secret/Match say REDACTED). */
function secretsFromGitleaks(doc, redactor) {
    return doc.filter(isObj).map(f => {
        // `--redact=N` (a percentage) leaves a prefix followed by "...": remember that prefix.
        for (const k of ['Secret', 'Match'])
            rememberSecret(redactor, str(f[k])?.replace(/\.\.\.$/, ''));
        return {
            rule_id: str(f.RuleID) ?? 'unknown',
            // gitleaks has no severities: every finding is a leaked credential.
            severity: 'high',
            file: str(f.File) ?? '',
            line: typeof f.StartLine === 'number' ? f.StartLine : null,
            location: loc(str(f.File), f.StartLine),
            commit: str(f.Commit),
            verified: null
        };
    });
}
function tagKind(tags) {
    const t = tags.map(x => x.toLowerCase());
    if (t.includes('secret') || t.includes('secrets'))
        return 'secret-scan';
    if (t.includes('vulnerability') || t.includes('vulnerabilities'))
        return 'vulnerability-scan';
    if (t.includes('misconfiguration') || t.includes('iac'))
        return 'policy-check';
    return undefined;
}
function sarifResults(doc, forced, redactor) {
    const runs = arr(doc.runs).filter(isObj);
    const tools = [];
    const results = [];
    let toolKind;
    let time;
    for (const run of runs) {
        const driver = isObj(run.tool) && isObj(run.tool.driver) ? run.tool.driver : {};
        const category = isObj(run.automationDetails) ? str(run.automationDetails.id) : null;
        const tool = [str(driver.name) ?? 'unknown', category].filter(Boolean).join(' ');
        tools.push(tool);
        const runKind = sarifKind(tool);
        toolKind ??= runKind;
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
            const resultKind = tagKind([...strings(props.tags), ...strings(ruleProps.tags)]);
            const kind = resultKind ?? runKind ?? forced;
            const first = arr(r.locations).filter(isObj)[0];
            const phys = first && isObj(first.physicalLocation) ? first.physicalLocation : {};
            const artifact = isObj(phys.artifactLocation) ? phys.artifactLocation : {};
            const region = isObj(phys.region) ? phys.region : {};
            const secret = kind === 'secret-scan' || forced === 'secret-scan';
            if (secret) {
                // gitleaks puts the secret itself in the region snippet.
                rememberSecret(redactor, dig(region, 'snippet', 'text'));
                rememberSecret(redactor, dig(phys, 'contextRegion', 'snippet', 'text'));
            }
            const message = isObj(r.message) ? (str(r.message.text) ?? '') : '';
            const fp = isObj(r.partialFingerprints) ? r.partialFingerprints : {};
            results.push({
                ruleId,
                severity: severityOf(sev, 'medium'),
                file: str(artifact.uri) ?? '',
                line: typeof region.startLine === 'number' ? region.startLine : null,
                message: secret ? '' : message,
                category: resultKind,
                commit: str(fp.commitSha) ?? str(props.commitSha)
            });
        }
    }
    return { tool: tools.join(', '), toolKind, results, time };
}
function sarifKind(tool) {
    const t = tool.toLowerCase();
    if (/secret|gitleaks|trufflehog|detect-secrets|ggshield/.test(t))
        return 'secret-scan';
    if (/trivy|grype|snyk|osv|vulnerab|dependency-check|npm audit|pip-audit|govulncheck/.test(t))
        return 'vulnerability-scan';
    if (/policy|conftest|kube|checkov|kyverno|polaris|opa|tfsec|terrascan|kics/.test(t))
        return 'policy-check';
    return undefined;
}
const ADVISORY_ID = /^(CVE-\d{4}-\d{4,}|GHSA(-[0-9a-z]{4}){3}|[A-Z][A-Z0-9]*-\d{4}[-:]\d+(-\d+)?)/i;
/** A vulnerability from a SARIF result: Grype's rule ids are `<id>-<package>`. */
function sarifVulnerability(r, tool) {
    const id = ADVISORY_ID.exec(r.ruleId)?.[0] ?? r.ruleId;
    // Trivy: "Package: runc\nInstalled Version: 1.1.0"; Grype: "... package: log4j-core, version 2.14.1 ..."
    const m = /Package: (\S+)\s+Installed Version: (\S+)/.exec(r.message) ??
        /package: ([^\s,]+), version ([^\s,]+)/.exec(r.message);
    return vuln({
        id,
        severity: r.severity,
        package: m ? `${m[1]}@${m[2]}` : r.file,
        source: tool,
        aliases: id === r.ruleId ? [] : [r.ruleId],
        fixed_versions: /Fixed Version: (\S+)/
            .exec(r.message)?.[1]
            .split(',')
            .filter(v => v !== '')
    });
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
/** bom-ref → purl (or name) of every component, nested ones included. */
function cyclonedxRefs(doc) {
    const refs = new Map();
    const walk = (list) => {
        for (const c of list.filter(isObj)) {
            if (typeof c['bom-ref'] === 'string')
                refs.set(c['bom-ref'], str(c.purl) ?? str(c.name) ?? c['bom-ref']);
            walk(arr(c.components));
        }
    };
    const root = dig(doc, 'metadata', 'component');
    if (isObj(root))
        walk([root]);
    walk(arr(doc.components));
    return refs;
}
/** A CycloneDX rating's vector, with the version prefix its `method` implies when it lacks one. */
function ratingVector(r) {
    const v = str(r.vector);
    if (!v || v.startsWith('CVSS:'))
        return v;
    const m = str(r.method) ?? '';
    if (/^CVSSv4/i.test(m))
        return `CVSS:4.0/${v}`;
    if (/^CVSSv31/i.test(m))
        return `CVSS:3.1/${v}`;
    if (/^CVSSv3/i.test(m))
        return `CVSS:3.0/${v}`;
    return v;
}
function cyclonedxVulnerabilities(doc, refs) {
    return arr(doc.vulnerabilities)
        .filter(isObj)
        .flatMap(v => {
        // The highest of every rating (NVD, GHSA, the distro, ...) wins; "unknown" ones are ignored.
        const severity = highestSeverity(arr(v.ratings)
            .filter(isObj)
            .flatMap(r => [r.severity ?? null, r.score ?? null, ratingVector(r)]));
        const affects = arr(v.affects)
            .filter(isObj)
            .map(a => {
            const ref = str(a.ref) ?? '';
            const local = ref.includes('#')
                ? decodeURIComponent(ref.slice(ref.indexOf('#') + 1))
                : ref;
            return refs.get(local) ?? local;
        });
        const aliases = arr(v.references)
            .filter(isObj)
            .map(r => str(r.id) ?? '');
        return (affects.length ? affects : ['']).map(pkg => vuln({ id: str(v.id) ?? 'unknown', severity, package: pkg, source: 'cyclonedx', aliases }));
    });
}
function spdxComponents(doc) {
    // The package(s) the document describes (the image or directory scanned) are not components.
    const described = new Set(strings(doc.documentDescribes));
    for (const r of arr(doc.relationships).filter(isObj))
        if (r.relationshipType === 'DESCRIBES' && r.spdxElementId === 'SPDXRef-DOCUMENT')
            described.add(str(r.relatedSpdxElement) ?? '');
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
    if (/openvex\.dev\/ns/.test(type) && isObj(predicate) && isOpenVex(predicate))
        return {
            kind: 'vex',
            format: 'in-toto OpenVEX predicate',
            timestamp: predicate.timestamp,
            vex: openVexStatements(predicate)
        };
    fail(file, `in-toto statement with predicate type "${type}" is not a kind of evidence the gate reads (SLSA provenance, CycloneDX, SPDX, cosign vuln, OpenVEX)`);
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
const KIND_PREFIXES = model_EVIDENCE_KINDS.map(k => `${k}:`).join(', ');
/** Detects (or, with `forced`, checks) the kind of one parsed document and normalises it. */
function fromDocument(doc, file, redactor, forced) {
    const want = (k) => forced === undefined || forced === k;
    const wrong = what => fail(file, forced
        ? `not ${what}: cannot be read as ${forced} evidence`
        : `cannot tell what kind of evidence this is (${what}); prefix the path with its kind (${KIND_PREFIXES}), e.g. facts:${file}`);
    // Pages of a REST list: `gh api --paginate --slurp` (a list of pages) or one page per line.
    if (Array.isArray(doc) && doc.length > 0 && doc.every(Array.isArray))
        doc = doc.flat();
    if (Array.isArray(doc)) {
        const objs = doc.filter(isObj);
        if (doc.length === 0) {
            if (forced === 'secret-scan')
                return { kind: 'secret-scan', format: 'gitleaks JSON', secrets: [] };
            if (forced === 'policy-check')
                return { kind: 'policy-check', format: 'conftest JSON', failures: [], warnings: [] };
            if (forced === 'verification')
                return { kind: 'verification', format: 'verification JSON', verifications: [] };
            if (forced === 'vulnerability-scan')
                return { kind: 'vulnerability-scan', format: 'alerts JSON', vulnerabilities: [] };
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
        // trufflehog --json: findings, and (when stderr was captured too) its JSON log lines.
        if (want('secret-scan') &&
            objs.every(o => isTrufflehogFinding(o) || isTrufflehogLog(o)) &&
            objs.some(o => isTrufflehogFinding(o) || isTrufflehogSummary(o))) {
            const summary = objs.find(isTrufflehogSummary);
            const secrets = trufflehogFindings(objs, redactor);
            // The summary counts what was found: fewer findings in the file means stdout was lost.
            const reported = summary
                ? [summary.verified_secrets, summary.unverified_secrets].reduce((n, x) => n + (typeof x === 'number' ? x : 0), 0)
                : 0;
            if (reported > secrets.length)
                fail(file, `trufflehog reported ${reported} secret(s) but the file holds ${secrets.length} finding(s): capture its stdout (the --json findings) as well as stderr`);
            return {
                kind: 'secret-scan',
                format: 'trufflehog JSON',
                timestamp: summary?.ts,
                secrets
            };
        }
        if (want('secret-scan') && objs.every(isGitHubSecretAlert))
            return {
                kind: 'secret-scan',
                format: 'GitHub secret scanning alerts',
                secrets: gitHubSecretAlerts(objs, redactor)
            };
        if (want('vulnerability-scan') && objs.every(isDependabotAlert))
            return {
                kind: 'vulnerability-scan',
                format: 'GitHub Dependabot alerts',
                vulnerabilities: dependabotAlerts(objs)
            };
        if (want('policy-check') && objs.every(isCheckov))
            return {
                kind: 'policy-check',
                format: 'checkov JSON',
                failures: checkovFailures(objs),
                warnings: []
            };
        if (want('policy-check') && objs.every(isPolicyReport))
            return policyReport(objs);
        if (want('verification') && objs.every(isCosignVerify))
            return {
                kind: 'verification',
                format: 'cosign verify JSON',
                timestamp: oldest(cosignTime(objs)),
                verifications: objs.map(o => cosignVerification(o, claimsFromExtensions))
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
                        : undefined,
                    alsoVulnerabilityScan: parts.some(p => p.alsoVulnerabilityScan),
                    vex: parts.some(p => p.vex) ? parts.flatMap(p => p.vex ?? []) : undefined
                };
            }
        }
        wrong('a list of unrecognised objects');
    }
    if (!isObj(doc))
        wrong(`a JSON ${doc === null ? 'null' : typeof doc}`);
    if (Array.isArray(doc['@conftest-tap']) && want('policy-check'))
        return {
            kind: 'policy-check',
            format: 'conftest TAP',
            ...conftestResults(doc['@conftest-tap'].filter(isObj))
        };
    if (typeof doc.bomFormat === 'string' &&
        doc.bomFormat === 'CycloneDX' &&
        (want('sbom') || want('vulnerability-scan') || want('vex'))) {
        const md = isObj(doc.metadata) ? doc.metadata : {};
        const refs = cyclonedxRefs(doc);
        const vulns = Array.isArray(doc.vulnerabilities)
            ? cyclonedxVulnerabilities(doc, refs)
            : undefined;
        const vex = cyclonedxVexStatements(doc, refs);
        const format = `CycloneDX ${str(doc.specVersion) ?? ''}`.trim();
        // A BOM of nothing but analysed vulnerabilities is a VEX document, not an SBOM or a scan.
        const vexOnly = arr(doc.components).length === 0 &&
            vulns !== undefined &&
            vulns.length > 0 &&
            arr(doc.vulnerabilities).every(v => isObj(v) && isObj(v.analysis));
        if (forced === 'vex' || (forced === undefined && vexOnly))
            return { kind: 'vex', format: `${format} VEX`, timestamp: md.timestamp, vex };
        const kind = forced === 'vulnerability-scan' ? 'vulnerability-scan' : 'sbom';
        return {
            kind,
            format,
            timestamp: md.timestamp,
            components: cyclonedxComponents(doc),
            vulnerabilities: vulns,
            alsoVulnerabilityScan: vulns !== undefined,
            vex: vex.length ? vex : undefined
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
    if (want('sbom') && isSyftJson(doc))
        return {
            kind: 'sbom',
            format: `syft JSON ${str(dig(doc, 'schema', 'version')) ?? ''}`.trim(),
            components: syftComponents(doc, licenseIds)
        };
    if (Array.isArray(doc.runs) &&
        (typeof doc.version === 'string' || typeof doc.$schema === 'string'))
        return fromSarif(doc, file, redactor, forced);
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
    if (want('secret-scan') && isTrufflehogFinding(doc))
        return {
            kind: 'secret-scan',
            format: 'trufflehog JSON',
            secrets: trufflehogFindings([doc], redactor)
        };
    if (Array.isArray(doc.matches) && isObj(doc.descriptor) && want('vulnerability-scan')) {
        return {
            kind: 'vulnerability-scan',
            format: 'Grype JSON',
            timestamp: doc.descriptor.timestamp,
            vulnerabilities: grypeVulnerabilities(doc)
        };
    }
    if ((Array.isArray(doc.Results) && 'SchemaVersion' in doc) || isTrivyK8s(doc)) {
        const t = trivyReport(doc);
        // The kind a Trivy report proves present: vulnerabilities if it scanned packages (or is
        // empty), else misconfigurations, else secrets. Findings of the other scanners in the same
        // report are always added, but do not count as that scan being present; force the kind
        // (`secret-scan:trivy.json`) to count it as that scan.
        const scanned = [...t.classes];
        const detected = scanned.length === 0 || scanned.some(c => /pkgs$/.test(c))
            ? 'vulnerability-scan'
            : scanned.includes('config')
                ? 'policy-check'
                : scanned.includes('secret')
                    ? 'secret-scan'
                    : 'vulnerability-scan';
        const kind = forced ?? detected;
        if (kind !== 'vulnerability-scan' && kind !== 'policy-check' && kind !== 'secret-scan')
            fail(file, `a Trivy report cannot be read as ${kind} evidence`);
        return {
            kind,
            format: isTrivyK8s(doc) ? 'Trivy k8s JSON' : 'Trivy JSON',
            timestamp: doc.CreatedAt,
            vulnerabilities: t.vulnerabilities,
            secrets: t.secrets,
            failures: t.failures,
            warnings: []
        };
    }
    if (want('policy-check') && isKubescape(doc))
        return {
            kind: 'policy-check',
            format: 'kubescape JSON',
            timestamp: doc.generationTime,
            failures: kubescapeFailures(doc),
            warnings: []
        };
    if (want('vulnerability-scan') && isOsvScanner(doc, forced))
        return {
            kind: 'vulnerability-scan',
            format: 'OSV-Scanner JSON',
            vulnerabilities: osvScannerVulnerabilities(doc)
        };
    if (want('vulnerability-scan') && isNpmAudit(doc))
        return {
            kind: 'vulnerability-scan',
            format: 'npm audit JSON',
            vulnerabilities: npmAuditVulnerabilities(doc)
        };
    if (want('vulnerability-scan') && isPipAudit(doc))
        return {
            kind: 'vulnerability-scan',
            format: 'pip-audit JSON',
            vulnerabilities: pipAuditVulnerabilities(doc)
        };
    if (want('vex') && isOpenVex(doc))
        return {
            kind: 'vex',
            format: `OpenVEX ${str(doc['@context'])?.replace(/^.*\/ns\/?/, '') ?? ''}`.trim(),
            timestamp: doc.timestamp,
            vex: openVexStatements(doc)
        };
    if (want('policy-check') && isPolicyReport(doc))
        return policyReport([doc]);
    if (want('policy-check') && doc.kind === 'List' && Array.isArray(doc.items)) {
        const items = doc.items.filter(isObj);
        if (items.length === doc.items.length && items.every(isPolicyReport))
            return policyReport(items);
    }
    if (want('policy-check') && isCheckov(doc))
        return {
            kind: 'policy-check',
            format: 'checkov JSON',
            failures: checkovFailures([doc]),
            warnings: []
        };
    if (want('policy-check') && isKubeLinter(doc))
        return {
            kind: 'policy-check',
            format: 'kube-linter JSON',
            timestamp: dig(doc, 'Summary', 'CheckEndTime'),
            failures: kubeLinterFailures(doc),
            warnings: []
        };
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
function policyReport(docs) {
    const r = policyReportResults(docs);
    const kinds = [...new Set(docs.map(d => str(d.kind) ?? ''))].join('/');
    return {
        kind: 'policy-check',
        format: `Kyverno ${kinds}`,
        timestamp: oldest(r.timestamps),
        failures: r.failures,
        warnings: r.warnings
    };
}
function fromSarif(doc, file, redactor, forced) {
    const sarif = sarifResults(doc, forced, redactor);
    // Results tagged by their rules (Trivy: vulnerability / misconfiguration / secret) say what
    // the scan was, as in Trivy's JSON: packages first, then configuration, then secrets.
    const categories = new Set(sarif.results.map(r => r.category));
    const tagged = categories.has(undefined)
        ? undefined
        : ['vulnerability-scan', 'policy-check', 'secret-scan'].find(k => categories.has(k));
    // Trivy scans for vulnerabilities, misconfigurations and secrets alike: without results its
    // SARIF does not say which scanner ran, so it cannot count as any scan unless told.
    const undecidable = /trivy/i.test(sarif.tool) && sarif.results.length === 0;
    const kind = forced ?? tagged ?? (undecidable ? undefined : sarif.toolKind);
    if (!kind)
        fail(file, `SARIF from "${sarif.tool}": cannot tell whether it is a secret scan, a vulnerability scan or a policy check; prefix the path with secret-scan:, vulnerability-scan: or policy-check:`);
    if (kind !== 'secret-scan' && kind !== 'vulnerability-scan' && kind !== 'policy-check')
        fail(file, `not SARIF ${kind} evidence: cannot be read as ${kind} evidence`);
    const of = (k) => sarif.results.filter(r => (r.category ?? kind) === k);
    const toResult = (r) => ({
        file: r.file,
        namespace: sarif.tool,
        msg: r.message || r.ruleId,
        id: r.ruleId,
        severity: r.severity
    });
    const policy = of('policy-check');
    return {
        kind,
        format: `SARIF (${sarif.tool})`,
        timestamp: sarif.time,
        secrets: of('secret-scan').map(r => ({
            rule_id: r.ruleId,
            severity: r.severity,
            file: r.file,
            line: r.line,
            location: loc(r.file, r.line),
            commit: r.commit,
            verified: null
        })),
        vulnerabilities: of('vulnerability-scan').map(r => sarifVulnerability(r, sarif.tool)),
        failures: policy.filter(r => r.severity !== 'low' && r.severity !== 'info').map(toResult),
        warnings: policy.filter(r => r.severity === 'low' || r.severity === 'info').map(toResult)
    };
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
/** Expands directories (their .json/.jsonl/.sarif/.yaml/.yml/.tap files, recursively, sorted) and parses `kind:` prefixes. */
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
                else if (/\.(json|jsonl|ya?ml|sarif|tap)$/i.test(entry.name))
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
 * VEX: a vulnerability that a statement (matching its id or an alias, and its package when the
 * statement names subcomponents) says is `not_affected` or `fixed` moves to
 * `vulnerability_scan.suppressed`. Of several statements about one vulnerability the latest
 * (by timestamp, then by order) decides, so a later `affected` revokes an earlier `not_affected`.
 */
function applyVex(input, statements) {
    if (statements.length === 0)
        return;
    const ordered = statements
        .map((st, i) => ({ st, i, ms: parseTimestamp(st.timestamp) ?? -Infinity }))
        .sort((a, b) => a.ms - b.ms || a.i - b.i)
        .map(x => x.st);
    const kept = [];
    for (const v of input.vulnerability_scan.vulnerabilities) {
        const ids = new Set([v.id, ...v.aliases].map(x => x.toUpperCase()));
        let decision;
        for (const st of ordered) {
            if (![st.vulnerability, ...st.aliases].some(x => ids.has(x.toUpperCase())))
                continue;
            if (st.products.length && !st.products.some(p => packageMatches(p, v.package)))
                continue;
            decision = st;
        }
        if (decision && (decision.status === 'not_affected' || decision.status === 'fixed'))
            input.vulnerability_scan.suppressed.push({
                ...v,
                status: decision.status,
                justification: decision.justification,
                vex: decision.path
            });
        else
            kept.push(v);
    }
    input.vulnerability_scan.vulnerabilities = kept;
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
        vulnerability_scan: { present: false, vulnerabilities: [], suppressed: [] },
        verifications: [],
        provenance: [],
        artifact: { digests: [] },
        facts: {},
        approvals: [],
        deployer: null,
        break_glass: null,
        windows: {}
    };
    const vex = [];
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
        if (c.kind === 'vulnerability-scan' || c.alsoVulnerabilityScan)
            input.vulnerability_scan.present = true;
        for (const st of c.vex ?? [])
            vex.push({ ...st, path: record.path });
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
    applyVex(input, vex);
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
        // Vulnerabilities a VEX statement set aside: id, package, status and which document said so.
        vulnerabilities_suppressed: input.vulnerability_scan.suppressed.map(v => ({
            id: v.id,
            package: v.package,
            status: v.status,
            vex: v.vex
        })),
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
        vex: () => input.evidence.some(e => e.kind === 'vex'),
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
        // ignore/block name a vulnerability by its id or any alias.
        const named = (x, names) => names.includes(x.id) || (x.aliases ?? []).some(a => names.includes(a));
        if (r !== undefined) {
            const counted = [
                ...new Set(all.filter(x => SEVERITY_RANK[x.severity] >= r && !named(x, vulns.ignore)).map(x => x.id))
            ].sort();
            if (counted.length > vulns.max)
                violation('vulnerabilities/threshold', `${counted.length} vulnerabilities at or above ${vulns.severity === 'any' ? 'any severity' : vulns.severity} (at most ${vulns.max} allowed): ${counted.join(', ')}`);
        }
        for (const x of all)
            if (named(x, vulns.block))
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
