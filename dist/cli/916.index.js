export const id = 916;
export const ids = [916];
export const modules = {

/***/ 42916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CYCLONEDX_VERSIONS: () => (/* reexport */ CYCLONEDX_VERSIONS),
  SPDX_VERSIONS: () => (/* reexport */ SPDX_VERSIONS),
  generate: () => (/* reexport */ generate),
  timestampFromEpoch: () => (/* reexport */ timestampFromEpoch)
});

// UNUSED EXPORTS: GraphBuilder, classifyLicense, contentUuid, describeRoot, detectFormat, discover, displayName, mergeGraphs, normalizeExpression, parseFile, render, scanCargoLock, toCycloneDx, toDependencySnapshot, toSpdx, withoutDev

;// CONCATENATED MODULE: ./packages/sbom/src/model.ts
/**
 * The one internal dependency graph every lockfile parser produces and every writer reads.
 *
 * Nodes are either third-party packages (keyed by purl, so patched / peer-suffixed / platform
 * variants of the same name@version collapse into one component) or first-party "local" nodes
 * (the root project, workspace members, file:/link:/path packages), which are never components:
 * edges that reach a local node are followed through it.
 */
const RANK = { required: 0, optional: 1, dev: 2 };
const SCOPES = ['required', 'optional', 'dev'];
const EDGE_RANK = { prod: 0, peer: 0, optional: 1, dev: 2 };
function strongerEdge(a, b) {
    if (a === undefined)
        return b;
    return EDGE_RANK[b] < EDGE_RANK[a] ? b : a;
}
function strongerScope(a, b) {
    if (a === undefined)
        return b;
    if (b === undefined)
        return a;
    return RANK[b] < RANK[a] ? b : a;
}
/**
 * A URL with the credentials a lockfile may carry taken out (`https://user:token@host/…` from a
 * private registry, `git+https://x-access-token:…@github.com/…`): an SBOM is published, its
 * URLs must not be. Web URLs lose the whole user part (a lone user name there is a token too);
 * others (`git+ssh://git@host`) keep the user name and lose only a password. Any such URL inside
 * a longer value is cleaned as well.
 */
function withoutCredentials(value) {
    return value.replace(/\b([a-z][a-z0-9+.-]*:\/\/)([^/?#\s@]*)@/gi, (_m, scheme, userinfo) => {
        if (/(^|\+)(https?|ftp)s?:\/\/$/i.test(scheme))
            return scheme;
        const colon = userinfo.indexOf(':');
        return `${scheme}${colon < 0 ? userinfo : userinfo.slice(0, colon)}@`;
    });
}
function sanitized(info) {
    const out = { ...info };
    if (out.downloadUrl !== undefined)
        out.downloadUrl = withoutCredentials(out.downloadUrl);
    if (out.properties) {
        out.properties = Object.fromEntries(Object.entries(out.properties).map(([k, v]) => [k, withoutCredentials(v)]));
    }
    return out;
}
/** Accumulates nodes and edges while a lockfile is read. */
class GraphBuilder {
    source;
    nodes = new Map();
    /** Ids of the root and workspace members, in insertion order. */
    roots = [];
    constructor(
    /** The lockfile, relative to the scanned root. */
    source) {
        this.source = source;
    }
    /** Adds (or merges into) a third-party package; returns its id (= purl). */
    addPackage(raw) {
        const info = sanitized(raw);
        const id = info.purl;
        const existing = this.nodes.get(id);
        if (existing === undefined) {
            this.nodes.set(id, { ...info, local: false, id, edges: new Map() });
            return id;
        }
        if (existing.local)
            return id;
        existing.scopeHint = strongerScope(existing.scopeHint, info.scopeHint);
        if (info.hashes) {
            const have = existing.hashes ?? (existing.hashes = []);
            for (const h of info.hashes) {
                if (!have.some(x => x.alg === h.alg && x.content === h.content))
                    have.push(h);
            }
        }
        existing.license ??= info.license;
        existing.downloadUrl ??= info.downloadUrl;
        if (info.properties)
            existing.properties = { ...info.properties, ...existing.properties };
        return id;
    }
    /** Adds a first-party node (root, workspace member, local path package). */
    addLocal(id, info) {
        const existing = this.nodes.get(id);
        if (existing === undefined) {
            this.nodes.set(id, { ...info, local: true, id, edges: new Map() });
            if (info.kind !== 'local')
                this.roots.push(id);
        }
        else if (existing.local) {
            existing.version ??= info.version;
            existing.description ??= info.description;
            existing.license ??= info.license;
        }
        return id;
    }
    has(id) {
        return this.nodes.has(id);
    }
    isLocal(id) {
        return this.nodes.get(id)?.local === true;
    }
    /** Records `from` depends on `to`. Unknown ids are ignored at finish time. */
    edge(from, to, kind = 'prod') {
        if (from === to)
            return;
        const node = this.nodes.get(from);
        if (node === undefined)
            return;
        node.edges.set(to, strongerEdge(node.edges.get(to), kind));
    }
    /** Sets a scope hint on an existing package (keeps the strongest). */
    hintScope(id, scope) {
        const node = this.nodes.get(id);
        if (node && !node.local)
            node.scopeHint = strongerScope(node.scopeHint, scope);
    }
    localInfo(id) {
        const n = this.nodes.get(id);
        return n?.local ? n : undefined;
    }
    /** Number of third-party packages so far. */
    get packageCount() {
        let n = 0;
        for (const node of this.nodes.values())
            if (!node.local)
                n++;
        return n;
    }
    /** Packages that no node in `rootIds` reaches (through packages and local nodes). */
    unreachedFrom(rootIds) {
        const seen = new Set();
        const stack = [...rootIds];
        while (stack.length > 0) {
            const id = stack.pop();
            if (seen.has(id))
                continue;
            seen.add(id);
            const node = this.nodes.get(id);
            if (node)
                for (const to of node.edges.keys())
                    if (!seen.has(to))
                        stack.push(to);
        }
        const out = new Set();
        for (const node of this.nodes.values())
            if (!node.local && !seen.has(node.id))
                out.add(node.id);
        return out;
    }
    /** Ids and infos of the root and workspace members. */
    projects() {
        return this.roots.map(id => ({ id, info: this.localInfo(id) }));
    }
    /**
     * Finishes the graph seen from `rootIds` (default: every root and workspace member).
     * `all` keeps packages no root reaches (a whole-lockfile SBOM); otherwise only reachable ones.
     */
    finish(options = {}) {
        const rootIds = (options.rootIds ?? this.roots).filter(id => this.nodes.has(id));
        const include = options.include ?? 'all';
        const all = include === 'all';
        const orphans = include === 'reachable+orphans' ? this.unreachedFrom(this.roots) : new Set();
        // Dependencies of a node with local nodes replaced by their own (transitive) dependencies.
        const expanded = new Map();
        const expand = (id) => {
            const cached = expanded.get(id);
            if (cached)
                return cached;
            const node = this.nodes.get(id);
            if (!node) {
                const empty = new Map();
                expanded.set(id, empty);
                return empty;
            }
            // Fast path: no edge reaches a local node, so the edges are the dependencies.
            let direct = true;
            for (const to of node.edges.keys()) {
                const t = this.nodes.get(to);
                if (t === undefined || t.local) {
                    direct = false;
                    break;
                }
            }
            if (direct) {
                expanded.set(id, node.edges);
                return node.edges;
            }
            const out = new Map();
            expanded.set(id, out);
            const seen = new Set([id]);
            const stack = [];
            for (const [to, kind] of node.edges)
                stack.push([to, kind]);
            while (stack.length > 0) {
                const [to, kind] = stack.pop();
                const target = this.nodes.get(to);
                if (target === undefined)
                    continue;
                if (!target.local) {
                    out.set(to, strongerEdge(out.get(to), kind));
                    continue;
                }
                if (seen.has(to))
                    continue;
                seen.add(to);
                // The dev dependencies of a first-party package (local or workspace member) are not
                // dependencies of its dependents; a project's own dev dependencies are counted from it.
                for (const [t2, k2] of target.edges) {
                    if (k2 === 'dev')
                        continue;
                    const k = EDGE_RANK[k2] > EDGE_RANK[kind] ? k2 : kind;
                    stack.push([t2, k]);
                }
            }
            return out;
        };
        // 0-1-2 BFS: the scope of a package is the best (lowest) over all paths of the worst edge.
        const level = new Map();
        const buckets = [[], [], []];
        const directScope = new Map();
        for (const r of rootIds) {
            for (const [to, kind] of expand(r)) {
                const l = EDGE_RANK[kind];
                const prev = directScope.get(to);
                if (prev === undefined || l < prev)
                    directScope.set(to, l);
                const cur = level.get(to);
                if (cur === undefined || l < cur) {
                    level.set(to, l);
                    buckets[l].push(to);
                }
            }
        }
        for (let l = 0; l < 3; l++) {
            const bucket = buckets[l];
            for (let i = 0; i < bucket.length; i++) {
                const id = bucket[i];
                if (level.get(id) !== l)
                    continue;
                for (const [to, kind] of expand(id)) {
                    if (kind === 'dev')
                        continue;
                    const nl = Math.max(l, EDGE_RANK[kind]);
                    const cur = level.get(to);
                    if (cur === undefined || nl < cur) {
                        level.set(to, nl);
                        buckets[nl].push(to);
                    }
                }
            }
        }
        const components = [];
        for (const node of this.nodes.values()) {
            if (node.local)
                continue;
            const reached = level.get(node.id);
            const orphan = orphans.has(node.id);
            if (!all && reached === undefined && !orphan)
                continue;
            // A scope the lockfile states wins when the graph is seen whole; in a per-project view
            // the reachability from that project decides (a dev tool of one workspace may be a
            // runtime dependency of another).
            let scope;
            if (all)
                scope = node.scopeHint ?? (reached !== undefined ? SCOPES[reached] : 'required');
            else
                scope = reached !== undefined ? SCOPES[reached] : (node.scopeHint ?? 'required');
            const deps = [...expand(node.id).keys()].filter(d => d !== node.id).sort();
            components.push({
                ref: node.id,
                type: node.type,
                ...(node.namespace !== undefined ? { namespace: node.namespace } : {}),
                name: node.name,
                version: node.version,
                purl: node.purl,
                hashes: sortHashes(node.hashes ?? []),
                ...(node.license !== undefined ? { license: node.license } : {}),
                scope,
                direct: directScope.has(node.id),
                ...(node.downloadUrl !== undefined ? { downloadUrl: node.downloadUrl } : {}),
                properties: node.properties ?? {},
                dependsOn: deps
            });
        }
        components.sort((a, b) => model_compare(a.ref, b.ref));
        const rootKind = rootIds.find(id => this.localInfo(id)?.kind === 'root');
        const first = this.nodes.get(rootKind ?? rootIds[0] ?? '');
        const rootInfo = options.project ??
            (first?.local ? first : undefined) ?? { name: 'project', path: '', kind: 'root' };
        const direct = [...directScope.entries()]
            .filter(([ref]) => this.nodes.has(ref))
            .map(([ref, l]) => ({ ref, scope: SCOPES[l] }))
            .sort((a, b) => model_compare(a.ref, b.ref));
        return {
            project: {
                name: rootInfo.name,
                ...(rootInfo.version !== undefined ? { version: rootInfo.version } : {}),
                ...(rootInfo.type !== undefined ? { type: rootInfo.type } : {}),
                ...(rootInfo.namespace !== undefined ? { namespace: rootInfo.namespace } : {}),
                ...(rootInfo.description !== undefined ? { description: rootInfo.description } : {}),
                ...(rootInfo.license !== undefined ? { license: rootInfo.license } : {}),
                path: rootInfo.path,
                sources: [this.source],
                direct
            },
            components
        };
    }
}
const HASH_ORDER = ['SHA-512', 'SHA-384', 'SHA-256', 'SHA-1', 'MD5'];
function sortHashes(hashes) {
    return [...hashes].sort((a, b) => HASH_ORDER.indexOf(a.alg) - HASH_ORDER.indexOf(b.alg) || model_compare(a.content, b.content));
}
/** Code-unit order: stable across locales and runs. */
function model_compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Merges several graphs (one per lockfile) into one SBOM about `project`. */
function mergeGraphs(graphs, project) {
    if (graphs.length === 1) {
        // One lockfile: nothing to merge (components are already sorted and unique).
        const g = graphs[0];
        return {
            project: { ...project, sources: g.project.sources, direct: g.project.direct },
            components: g.components
        };
    }
    const byRef = new Map();
    const direct = new Map();
    const sources = [];
    for (const g of graphs) {
        sources.push(...g.project.sources);
        for (const d of g.project.direct) {
            const prev = direct.get(d.ref);
            direct.set(d.ref, strongerScope(prev, d.scope));
        }
        for (const c of g.components) {
            const prev = byRef.get(c.ref);
            if (!prev) {
                byRef.set(c.ref, { ...c, hashes: [...c.hashes], dependsOn: [...c.dependsOn] });
                continue;
            }
            prev.scope = strongerScope(prev.scope, c.scope);
            prev.direct ||= c.direct;
            prev.license ??= c.license;
            for (const h of c.hashes) {
                if (!prev.hashes.some(x => x.alg === h.alg && x.content === h.content))
                    prev.hashes.push(h);
            }
            prev.hashes = sortHashes(prev.hashes);
            prev.dependsOn = [...new Set([...prev.dependsOn, ...c.dependsOn])].sort();
            prev.properties = { ...c.properties, ...prev.properties };
        }
    }
    return {
        project: {
            ...project,
            sources: [...new Set(sources)].sort(),
            direct: [...direct.entries()]
                .map(([ref, scope]) => ({ ref, scope }))
                .sort((a, b) => model_compare(a.ref, b.ref))
        },
        components: [...byRef.values()].sort((a, b) => model_compare(a.ref, b.ref))
    };
}
/** Drops dev-scoped components (and edges to them). */
function withoutDev(graph) {
    const keep = new Set(graph.components.filter(c => c.scope !== 'dev').map(c => c.ref));
    return {
        project: { ...graph.project, direct: graph.project.direct.filter(d => keep.has(d.ref)) },
        components: graph.components
            .filter(c => keep.has(c.ref))
            .map(c => ({ ...c, dependsOn: c.dependsOn.filter(d => keep.has(d)) }))
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 9 modules
var src = __webpack_require__(12501);
// EXTERNAL MODULE: ./packages/sbom/src/parsers/npm.ts
var npm = __webpack_require__(48093);
// EXTERNAL MODULE: ./packages/sbom/src/parsers/python.ts
var python = __webpack_require__(42016);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./packages/sbom/src/spdx-ids.ts
// Generated from CycloneDX/specification schema/spdx.schema.json (Apache-2.0) @ e02a34a:
// the SPDX license and exception ids that CycloneDX accepts in `license.id`.
// Regenerate when the bundled CycloneDX schemas are updated.
const SPDX_IDS = [
    '0BSD',
    '3D-Slicer-1.0',
    'AAL',
    'Abstyles',
    'AdaCore-doc',
    'Adobe-2006',
    'Adobe-Display-PostScript',
    'Adobe-Glyph',
    'Adobe-Utopia',
    'ADSL',
    'Advanced-Cryptics-Dictionary',
    'AFL-1.1',
    'AFL-1.2',
    'AFL-2.0',
    'AFL-2.1',
    'AFL-3.0',
    'Afmparse',
    'AGPL-1.0',
    'AGPL-1.0-only',
    'AGPL-1.0-or-later',
    'AGPL-3.0',
    'AGPL-3.0-only',
    'AGPL-3.0-or-later',
    'Aladdin',
    'ALGLIB-Documentation',
    'AMD-newlib',
    'AMDPLPA',
    'AML',
    'AML-glslang',
    'AMPAS',
    'ANTLR-PD',
    'ANTLR-PD-fallback',
    'any-OSI',
    'any-OSI-perl-modules',
    'Apache-1.0',
    'Apache-1.1',
    'Apache-2.0',
    'APAFML',
    'APL-1.0',
    'App-s2p',
    'APSL-1.0',
    'APSL-1.1',
    'APSL-1.2',
    'APSL-2.0',
    'Arphic-1999',
    'Artistic-1.0',
    'Artistic-1.0-cl8',
    'Artistic-1.0-Perl',
    'Artistic-2.0',
    'Artistic-dist',
    'Aspell-RU',
    'ASWF-Digital-Assets-1.0',
    'ASWF-Digital-Assets-1.1',
    'Baekmuk',
    'Bahyph',
    'Barr',
    'bcrypt-Solar-Designer',
    'Beerware',
    'Bitstream-Charter',
    'Bitstream-Vera',
    'BitTorrent-1.0',
    'BitTorrent-1.1',
    'blessing',
    'BlueOak-1.0.0',
    'Boehm-GC',
    'Boehm-GC-without-fee',
    'BOLA-1.1',
    'Borceux',
    'Brian-Gladman-2-Clause',
    'Brian-Gladman-3-Clause',
    'BSD-1-Clause',
    'BSD-2-Clause',
    'BSD-2-Clause-Darwin',
    'BSD-2-Clause-first-lines',
    'BSD-2-Clause-FreeBSD',
    'BSD-2-Clause-NetBSD',
    'BSD-2-Clause-Patent',
    'BSD-2-Clause-pkgconf-disclaimer',
    'BSD-2-Clause-Views',
    'BSD-3-Clause',
    'BSD-3-Clause-acpica',
    'BSD-3-Clause-Attribution',
    'BSD-3-Clause-Clear',
    'BSD-3-Clause-flex',
    'BSD-3-Clause-HP',
    'BSD-3-Clause-LBNL',
    'BSD-3-Clause-Modification',
    'BSD-3-Clause-No-Military-License',
    'BSD-3-Clause-No-Nuclear-License',
    'BSD-3-Clause-No-Nuclear-License-2014',
    'BSD-3-Clause-No-Nuclear-Warranty',
    'BSD-3-Clause-Open-MPI',
    'BSD-3-Clause-Sun',
    'BSD-3-Clause-Tso',
    'BSD-4-Clause',
    'BSD-4-Clause-Shortened',
    'BSD-4-Clause-UC',
    'BSD-4.3RENO',
    'BSD-4.3TAHOE',
    'BSD-Advertising-Acknowledgement',
    'BSD-Attribution-HPND-disclaimer',
    'BSD-Inferno-Nettverk',
    'BSD-Mark-Modifications',
    'BSD-Protection',
    'BSD-Source-beginning-file',
    'BSD-Source-Code',
    'BSD-Systemics',
    'BSD-Systemics-W3Works',
    'BSL-1.0',
    'Buddy',
    'BUSL-1.1',
    'bzip2-1.0.5',
    'bzip2-1.0.6',
    'C-UDA-1.0',
    'CAL-1.0',
    'CAL-1.0-Combined-Work-Exception',
    'Caldera',
    'Caldera-no-preamble',
    'CAPEC-tou',
    'Catharon',
    'CATOSL-1.1',
    'CC-BY-1.0',
    'CC-BY-2.0',
    'CC-BY-2.5',
    'CC-BY-2.5-AU',
    'CC-BY-3.0',
    'CC-BY-3.0-AT',
    'CC-BY-3.0-AU',
    'CC-BY-3.0-DE',
    'CC-BY-3.0-IGO',
    'CC-BY-3.0-NL',
    'CC-BY-3.0-US',
    'CC-BY-4.0',
    'CC-BY-NC-1.0',
    'CC-BY-NC-2.0',
    'CC-BY-NC-2.5',
    'CC-BY-NC-3.0',
    'CC-BY-NC-3.0-DE',
    'CC-BY-NC-4.0',
    'CC-BY-NC-ND-1.0',
    'CC-BY-NC-ND-2.0',
    'CC-BY-NC-ND-2.5',
    'CC-BY-NC-ND-3.0',
    'CC-BY-NC-ND-3.0-DE',
    'CC-BY-NC-ND-3.0-IGO',
    'CC-BY-NC-ND-4.0',
    'CC-BY-NC-SA-1.0',
    'CC-BY-NC-SA-2.0',
    'CC-BY-NC-SA-2.0-DE',
    'CC-BY-NC-SA-2.0-FR',
    'CC-BY-NC-SA-2.0-UK',
    'CC-BY-NC-SA-2.5',
    'CC-BY-NC-SA-3.0',
    'CC-BY-NC-SA-3.0-DE',
    'CC-BY-NC-SA-3.0-IGO',
    'CC-BY-NC-SA-4.0',
    'CC-BY-ND-1.0',
    'CC-BY-ND-2.0',
    'CC-BY-ND-2.5',
    'CC-BY-ND-3.0',
    'CC-BY-ND-3.0-DE',
    'CC-BY-ND-4.0',
    'CC-BY-SA-1.0',
    'CC-BY-SA-2.0',
    'CC-BY-SA-2.0-UK',
    'CC-BY-SA-2.1-JP',
    'CC-BY-SA-2.5',
    'CC-BY-SA-3.0',
    'CC-BY-SA-3.0-AT',
    'CC-BY-SA-3.0-DE',
    'CC-BY-SA-3.0-IGO',
    'CC-BY-SA-4.0',
    'CC-PDDC',
    'CC-PDM-1.0',
    'CC-SA-1.0',
    'CC0-1.0',
    'CDDL-1.0',
    'CDDL-1.1',
    'CDL-1.0',
    'CDLA-Permissive-1.0',
    'CDLA-Permissive-2.0',
    'CDLA-Sharing-1.0',
    'CECILL-1.0',
    'CECILL-1.1',
    'CECILL-2.0',
    'CECILL-2.1',
    'CECILL-B',
    'CECILL-C',
    'CERN-OHL-1.1',
    'CERN-OHL-1.2',
    'CERN-OHL-P-2.0',
    'CERN-OHL-S-2.0',
    'CERN-OHL-W-2.0',
    'CFITSIO',
    'check-cvs',
    'checkmk',
    'ClArtistic',
    'Clips',
    'CMU-Mach',
    'CMU-Mach-nodoc',
    'CNRI-Jython',
    'CNRI-Python',
    'CNRI-Python-GPL-Compatible',
    'COIL-1.0',
    'Community-Spec-1.0',
    'Condor-1.1',
    'copyleft-next-0.3.0',
    'copyleft-next-0.3.1',
    'Cornell-Lossless-JPEG',
    'CPAL-1.0',
    'CPL-1.0',
    'CPOL-1.02',
    'Cronyx',
    'Crossword',
    'CryptoSwift',
    'CrystalStacker',
    'CUA-OPL-1.0',
    'Cube',
    'curl',
    'cve-tou',
    'D-FSL-1.0',
    'DEC-3-Clause',
    'diffmark',
    'DL-DE-BY-2.0',
    'DL-DE-ZERO-2.0',
    'DOC',
    'DocBook-DTD',
    'DocBook-Schema',
    'DocBook-Stylesheet',
    'DocBook-XML',
    'Dotseqn',
    'DRL-1.0',
    'DRL-1.1',
    'DSDP',
    'dtoa',
    'dvipdfm',
    'ECL-1.0',
    'ECL-2.0',
    'eCos-2.0',
    'EFL-1.0',
    'EFL-2.0',
    'eGenix',
    'Elastic-2.0',
    'Entessa',
    'EPICS',
    'EPL-1.0',
    'EPL-2.0',
    'ErlPL-1.1',
    'ESA-PL-permissive-2.4',
    'ESA-PL-strong-copyleft-2.4',
    'ESA-PL-weak-copyleft-2.4',
    'etalab-2.0',
    'EUDatagrid',
    'EUPL-1.0',
    'EUPL-1.1',
    'EUPL-1.2',
    'Eurosym',
    'Fair',
    'FBM',
    'FDK-AAC',
    'Ferguson-Twofish',
    'Frameworx-1.0',
    'FreeBSD-DOC',
    'FreeImage',
    'FSFAP',
    'FSFAP-no-warranty-disclaimer',
    'FSFUL',
    'FSFULLR',
    'FSFULLRSD',
    'FSFULLRWD',
    'FSL-1.1-ALv2',
    'FSL-1.1-MIT',
    'FTL',
    'Furuseth',
    'fwlw',
    'Game-Programming-Gems',
    'GCR-docs',
    'GD',
    'generic-xts',
    'GFDL-1.1',
    'GFDL-1.1-invariants-only',
    'GFDL-1.1-invariants-or-later',
    'GFDL-1.1-no-invariants-only',
    'GFDL-1.1-no-invariants-or-later',
    'GFDL-1.1-only',
    'GFDL-1.1-or-later',
    'GFDL-1.2',
    'GFDL-1.2-invariants-only',
    'GFDL-1.2-invariants-or-later',
    'GFDL-1.2-no-invariants-only',
    'GFDL-1.2-no-invariants-or-later',
    'GFDL-1.2-only',
    'GFDL-1.2-or-later',
    'GFDL-1.3',
    'GFDL-1.3-invariants-only',
    'GFDL-1.3-invariants-or-later',
    'GFDL-1.3-no-invariants-only',
    'GFDL-1.3-no-invariants-or-later',
    'GFDL-1.3-only',
    'GFDL-1.3-or-later',
    'Giftware',
    'GL2PS',
    'Glide',
    'Glulxe',
    'GLWTPL',
    'gnuplot',
    'GPL-1.0',
    'GPL-1.0+',
    'GPL-1.0-only',
    'GPL-1.0-or-later',
    'GPL-2.0',
    'GPL-2.0+',
    'GPL-2.0-only',
    'GPL-2.0-or-later',
    'GPL-2.0-with-autoconf-exception',
    'GPL-2.0-with-bison-exception',
    'GPL-2.0-with-classpath-exception',
    'GPL-2.0-with-font-exception',
    'GPL-2.0-with-GCC-exception',
    'GPL-3.0',
    'GPL-3.0+',
    'GPL-3.0-only',
    'GPL-3.0-or-later',
    'GPL-3.0-with-autoconf-exception',
    'GPL-3.0-with-GCC-exception',
    'Graphics-Gems',
    'gSOAP-1.3b',
    'gtkbook',
    'Gutmann',
    'HaskellReport',
    'HDF5',
    'hdparm',
    'HIDAPI',
    'Hippocratic-2.1',
    'HP-1986',
    'HP-1989',
    'HPND',
    'HPND-DEC',
    'HPND-doc',
    'HPND-doc-sell',
    'HPND-export-US',
    'HPND-export-US-acknowledgement',
    'HPND-export-US-modify',
    'HPND-export2-US',
    'HPND-Fenneberg-Livingston',
    'HPND-INRIA-IMAG',
    'HPND-Intel',
    'HPND-Kevlin-Henney',
    'HPND-Markus-Kuhn',
    'HPND-merchantability-variant',
    'HPND-MIT-disclaimer',
    'HPND-Netrek',
    'HPND-Pbmplus',
    'HPND-sell-MIT-disclaimer-xserver',
    'HPND-sell-regexpr',
    'HPND-sell-variant',
    'HPND-sell-variant-critical-systems',
    'HPND-sell-variant-MIT-disclaimer',
    'HPND-sell-variant-MIT-disclaimer-rev',
    'HPND-SMC',
    'HPND-UC',
    'HPND-UC-export-US',
    'HTMLTIDY',
    'hyphen-bulgarian',
    'IBM-pibs',
    'ICU',
    'IEC-Code-Components-EULA',
    'IJG',
    'IJG-short',
    'ImageMagick',
    'iMatix',
    'Imlib2',
    'Info-ZIP',
    'Inner-Net-2.0',
    'InnoSetup',
    'Intel',
    'Intel-ACPI',
    'Interbase-1.0',
    'IPA',
    'IPL-1.0',
    'ISC',
    'ISC-Veillard',
    'ISO-permission',
    'Jam',
    'JasPer-2.0',
    'jove',
    'JPL-image',
    'JPNIC',
    'JSON',
    'Kastrup',
    'Kazlib',
    'Knuth-CTAN',
    'LAL-1.2',
    'LAL-1.3',
    'Latex2e',
    'Latex2e-translated-notice',
    'Leptonica',
    'LGPL-2.0',
    'LGPL-2.0+',
    'LGPL-2.0-only',
    'LGPL-2.0-or-later',
    'LGPL-2.1',
    'LGPL-2.1+',
    'LGPL-2.1-only',
    'LGPL-2.1-or-later',
    'LGPL-3.0',
    'LGPL-3.0+',
    'LGPL-3.0-only',
    'LGPL-3.0-or-later',
    'LGPLLR',
    'Libpng',
    'libpng-1.6.35',
    'libpng-2.0',
    'libselinux-1.0',
    'libtiff',
    'libutil-David-Nugent',
    'LiLiQ-P-1.1',
    'LiLiQ-R-1.1',
    'LiLiQ-Rplus-1.1',
    'Linux-man-pages-1-para',
    'Linux-man-pages-copyleft',
    'Linux-man-pages-copyleft-2-para',
    'Linux-man-pages-copyleft-var',
    'Linux-OpenIB',
    'LOOP',
    'LPD-document',
    'LPL-1.0',
    'LPL-1.02',
    'LPPL-1.0',
    'LPPL-1.1',
    'LPPL-1.2',
    'LPPL-1.3a',
    'LPPL-1.3c',
    'lsof',
    'Lucida-Bitmap-Fonts',
    'LZMA-SDK-9.11-to-9.20',
    'LZMA-SDK-9.22',
    'Mackerras-3-Clause',
    'Mackerras-3-Clause-acknowledgment',
    'magaz',
    'mailprio',
    'MakeIndex',
    'man2html',
    'Martin-Birgmeier',
    'McPhee-slideshow',
    'metamail',
    'Minpack',
    'MIPS',
    'MirOS',
    'MIT',
    'MIT-0',
    'MIT-advertising',
    'MIT-Click',
    'MIT-CMU',
    'MIT-enna',
    'MIT-feh',
    'MIT-Festival',
    'MIT-Khronos-old',
    'MIT-Modern-Variant',
    'MIT-open-group',
    'MIT-STK',
    'MIT-testregex',
    'MIT-Wu',
    'MITNFA',
    'MMIXware',
    'MMPL-1.0.1',
    'Motosoto',
    'MPEG-SSG',
    'mpi-permissive',
    'mpich2',
    'MPL-1.0',
    'MPL-1.1',
    'MPL-2.0',
    'MPL-2.0-no-copyleft-exception',
    'mplus',
    'MS-LPL',
    'MS-PL',
    'MS-RL',
    'MTLL',
    'MulanPSL-1.0',
    'MulanPSL-2.0',
    'Multics',
    'Mup',
    'NAIST-2003',
    'NASA-1.3',
    'Naumen',
    'NBPL-1.0',
    'NCBI-PD',
    'NCGL-UK-2.0',
    'NCL',
    'NCSA',
    'Net-SNMP',
    'NetCDF',
    'Newsletr',
    'NGPL',
    'ngrep',
    'NICTA-1.0',
    'NIST-PD',
    'NIST-PD-fallback',
    'NIST-PD-TNT',
    'NIST-Software',
    'NLOD-1.0',
    'NLOD-2.0',
    'NLPL',
    'Nokia',
    'NOSL',
    'Noweb',
    'NPL-1.0',
    'NPL-1.1',
    'NPOSL-3.0',
    'NRL',
    'NTIA-PD',
    'NTP',
    'NTP-0',
    'Nunit',
    'O-UDA-1.0',
    'OAR',
    'OCCT-PL',
    'OCLC-2.0',
    'ODbL-1.0',
    'ODC-By-1.0',
    'OFFIS',
    'OFL-1.0',
    'OFL-1.0-no-RFN',
    'OFL-1.0-RFN',
    'OFL-1.1',
    'OFL-1.1-no-RFN',
    'OFL-1.1-RFN',
    'OGC-1.0',
    'OGDL-Taiwan-1.0',
    'OGL-Canada-2.0',
    'OGL-UK-1.0',
    'OGL-UK-2.0',
    'OGL-UK-3.0',
    'OGTSL',
    'OLDAP-1.1',
    'OLDAP-1.2',
    'OLDAP-1.3',
    'OLDAP-1.4',
    'OLDAP-2.0',
    'OLDAP-2.0.1',
    'OLDAP-2.1',
    'OLDAP-2.2',
    'OLDAP-2.2.1',
    'OLDAP-2.2.2',
    'OLDAP-2.3',
    'OLDAP-2.4',
    'OLDAP-2.5',
    'OLDAP-2.6',
    'OLDAP-2.7',
    'OLDAP-2.8',
    'OLFL-1.3',
    'OML',
    'OpenMDW-1.0',
    'OpenPBS-2.3',
    'OpenSSL',
    'OpenSSL-standalone',
    'OpenVision',
    'OPL-1.0',
    'OPL-UK-3.0',
    'OPUBL-1.0',
    'OSC-1.0',
    'OSET-PL-2.1',
    'OSL-1.0',
    'OSL-1.1',
    'OSL-2.0',
    'OSL-2.1',
    'OSL-3.0',
    'OSSP',
    'PADL',
    'ParaType-Free-Font-1.3',
    'Parity-6.0.0',
    'Parity-7.0.0',
    'PDDL-1.0',
    'PHP-3.0',
    'PHP-3.01',
    'Pixar',
    'pkgconf',
    'Plexus',
    'pnmstitch',
    'PolyForm-Noncommercial-1.0.0',
    'PolyForm-Small-Business-1.0.0',
    'PostgreSQL',
    'PPL',
    'PSF-2.0',
    'psfrag',
    'psutils',
    'Python-2.0',
    'Python-2.0.1',
    'python-ldap',
    'Qhull',
    'QPL-1.0',
    'QPL-1.0-INRIA-2004',
    'radvd',
    'Rdisc',
    'RHeCos-1.1',
    'RPL-1.1',
    'RPL-1.5',
    'RPSL-1.0',
    'RSA-MD',
    'RSCPL',
    'Ruby',
    'Ruby-pty',
    'SAX-PD',
    'SAX-PD-2.0',
    'Saxpath',
    'SCEA',
    'SchemeReport',
    'Sendmail',
    'Sendmail-8.23',
    'Sendmail-Open-Source-1.1',
    'SGI-B-1.0',
    'SGI-B-1.1',
    'SGI-B-2.0',
    'SGI-OpenGL',
    'SGMLUG-PM',
    'SGP4',
    'SHL-0.5',
    'SHL-0.51',
    'SimPL-2.0',
    'SISSL',
    'SISSL-1.2',
    'SL',
    'Sleepycat',
    'SMAIL-GPL',
    'SMLNJ',
    'SMPPL',
    'SNIA',
    'snprintf',
    'SOFA',
    'softSurfer',
    'Soundex',
    'Spencer-86',
    'Spencer-94',
    'Spencer-99',
    'SPL-1.0',
    'ssh-keyscan',
    'SSH-OpenSSH',
    'SSH-short',
    'SSLeay-standalone',
    'SSPL-1.0',
    'StandardML-NJ',
    'SugarCRM-1.1.3',
    'SUL-1.0',
    'Sun-PPP',
    'Sun-PPP-2000',
    'SunPro',
    'SWL',
    'swrule',
    'Symlinks',
    'TAPR-OHL-1.0',
    'TCL',
    'TCP-wrappers',
    'TekHVC',
    'TermReadKey',
    'TGPPL-1.0',
    'ThirdEye',
    'threeparttable',
    'TMate',
    'TORQUE-1.1',
    'TOSL',
    'TPDL',
    'TPL-1.0',
    'TrustedQSL',
    'TTWL',
    'TTYP0',
    'TU-Berlin-1.0',
    'TU-Berlin-2.0',
    'Ubuntu-font-1.0',
    'UCAR',
    'UCL-1.0',
    'ulem',
    'UMich-Merit',
    'Unicode-3.0',
    'Unicode-DFS-2015',
    'Unicode-DFS-2016',
    'Unicode-TOU',
    'UnixCrypt',
    'Unlicense',
    'Unlicense-libtelnet',
    'Unlicense-libwhirlpool',
    'UnRAR',
    'UPL-1.0',
    'URT-RLE',
    'Vim',
    'Vixie-Cron',
    'VOSTROM',
    'VSL-1.0',
    'W3C',
    'W3C-19980720',
    'W3C-20150513',
    'w3m',
    'Watcom-1.0',
    'Widget-Workshop',
    'WordNet',
    'Wsuipa',
    'WTFNMFPL',
    'WTFPL',
    'wwl',
    'wxWindows',
    'X11',
    'X11-distribute-modifications-variant',
    'X11-no-permit-persons',
    'X11-swapped',
    'Xdebug-1.03',
    'Xerox',
    'Xfig',
    'XFree86-1.1',
    'xinetd',
    'xkeyboard-config-Zinoviev',
    'xlock',
    'Xnet',
    'xpp',
    'XSkat',
    'xzoom',
    'YPL-1.0',
    'YPL-1.1',
    'Zed',
    'Zeeff',
    'Zend-2.0',
    'Zimbra-1.3',
    'Zimbra-1.4',
    'Zlib',
    'zlib-acknowledgement',
    'ZPL-1.1',
    'ZPL-2.0',
    'ZPL-2.1',
    '389-exception',
    'Asterisk-exception',
    'Asterisk-linking-protocols-exception',
    'Autoconf-exception-2.0',
    'Autoconf-exception-3.0',
    'Autoconf-exception-generic',
    'Autoconf-exception-generic-3.0',
    'Autoconf-exception-macro',
    'Bison-exception-1.24',
    'Bison-exception-2.2',
    'Bootloader-exception',
    'CGAL-linking-exception',
    'Classpath-exception-2.0',
    'Classpath-exception-2.0-short',
    'CLISP-exception-2.0',
    'cryptsetup-OpenSSL-exception',
    'Digia-Qt-LGPL-exception-1.1',
    'DigiRule-FOSS-exception',
    'eCos-exception-2.0',
    'erlang-otp-linking-exception',
    'Fawkes-Runtime-exception',
    'FLTK-exception',
    'fmt-exception',
    'Font-exception-2.0',
    'freertos-exception-2.0',
    'GCC-exception-2.0',
    'GCC-exception-2.0-note',
    'GCC-exception-3.1',
    'Gmsh-exception',
    'GNAT-exception',
    'GNOME-examples-exception',
    'GNU-compiler-exception',
    'gnu-javamail-exception',
    'GPL-3.0-389-ds-base-exception',
    'GPL-3.0-interface-exception',
    'GPL-3.0-linking-exception',
    'GPL-3.0-linking-source-exception',
    'GPL-CC-1.0',
    'GStreamer-exception-2005',
    'GStreamer-exception-2008',
    'harbour-exception',
    'i2p-gpl-java-exception',
    'Independent-modules-exception',
    'KiCad-libraries-exception',
    'kvirc-openssl-exception',
    'LGPL-3.0-linking-exception',
    'libpri-OpenH323-exception',
    'Libtool-exception',
    'Linux-syscall-note',
    'LLGPL',
    'LLVM-exception',
    'LZMA-exception',
    'mif-exception',
    'mxml-exception',
    'Nokia-Qt-exception-1.1',
    'OCaml-LGPL-linking-exception',
    'OCCT-exception-1.0',
    'OpenJDK-assembly-exception-1.0',
    'openvpn-openssl-exception',
    'PCRE2-exception',
    'polyparse-exception',
    'PS-or-PDF-font-exception-20170817',
    'QPL-1.0-INRIA-2004-exception',
    'Qt-GPL-exception-1.0',
    'Qt-LGPL-exception-1.1',
    'Qwt-exception-1.0',
    'romic-exception',
    'RRDtool-FLOSS-exception-2.0',
    'rsync-linking-exception',
    'SANE-exception',
    'SHL-2.0',
    'SHL-2.1',
    'Simple-Library-Usage-exception',
    'sqlitestudio-OpenSSL-exception',
    'stunnel-exception',
    'SWI-exception',
    'Swift-exception',
    'Texinfo-exception',
    'u-boot-exception-2.0',
    'UBDL-exception',
    'Universal-FOSS-exception-1.0',
    'vsftpd-openssl-exception',
    'WxWindows-exception-3.1',
    'x11vnc-openssl-exception'
];

;// CONCATENATED MODULE: ./packages/sbom/src/license.ts
/**
 * License strings → SPDX: a small SPDX-expression parser over the license/exception ids the
 * bundled CycloneDX schema accepts, so `license.id` never fails schema validation and compound
 * expressions go to `expression`, never `id`.
 */

const CANONICAL = new Map();
for (const id of SPDX_IDS)
    CANONICAL.set(id.toLowerCase(), id);
const REF = /^(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/;
/** Canonical SPDX expression text, or undefined when `text` is not a valid expression. */
function normalizeExpression(text) {
    const tokens = text.replace(/\(/g, ' ( ').replace(/\)/g, ' ) ').trim().split(/\s+/);
    if (tokens.length === 0 || tokens[0] === '')
        return undefined;
    let i = 0;
    const peekOp = () => {
        const t = tokens[i];
        if (t === undefined)
            return undefined;
        const u = t.toUpperCase();
        return u === 'AND' || u === 'OR' || u === 'WITH' ? u : undefined;
    };
    const simple = () => {
        const t = tokens[i];
        if (t === undefined)
            return undefined;
        if (REF.test(t)) {
            i++;
            return t;
        }
        const plus = t.endsWith('+');
        const id = CANONICAL.get((plus ? t.slice(0, -1) : t).toLowerCase());
        if (id === undefined)
            return undefined;
        i++;
        return plus ? `${id}+` : id;
    };
    const factor = () => {
        if (tokens[i] === '(') {
            i++;
            const inner = expr();
            if (inner === undefined || tokens[i] !== ')')
                return undefined;
            i++;
            return `(${inner})`;
        }
        const s = simple();
        if (s === undefined)
            return undefined;
        if (peekOp() === 'WITH') {
            i++;
            const exc = tokens[i];
            const canon = exc === undefined ? undefined : CANONICAL.get(exc.toLowerCase());
            if (canon === undefined)
                return undefined;
            i++;
            return `${s} WITH ${canon}`;
        }
        return s;
    };
    const term = () => {
        let left = factor();
        while (left !== undefined && peekOp() === 'AND') {
            i++;
            const right = factor();
            if (right === undefined)
                return undefined;
            left = `${left} AND ${right}`;
        }
        return left;
    };
    const expr = () => {
        let left = term();
        while (left !== undefined && peekOp() === 'OR') {
            i++;
            const right = term();
            if (right === undefined)
                return undefined;
            left = `${left} OR ${right}`;
        }
        return left;
    };
    const out = expr();
    if (out === undefined || i !== tokens.length)
        return undefined;
    // Drop one pair of redundant outer parentheses: "(MIT OR Apache-2.0)".
    if (out.startsWith('(') && out.endsWith(')') && balancedInside(out))
        return out.slice(1, -1);
    return out;
}
function balancedInside(s) {
    let depth = 0;
    for (let i = 1; i < s.length - 1; i++) {
        if (s[i] === '(')
            depth++;
        else if (s[i] === ')') {
            depth--;
            if (depth < 0)
                return false;
        }
    }
    return depth === 0;
}
function classifyLicense(text) {
    const expr = normalizeExpression(text);
    if (expr === undefined)
        return { kind: 'name', name: text };
    if (CANONICAL.get(expr.toLowerCase()) === expr)
        return { kind: 'id', id: expr };
    return { kind: 'expression', expression: expr };
}

;// CONCATENATED MODULE: ./packages/sbom/src/writers.ts
/**
 * CycloneDX 1.5/1.6/1.7 JSON and SPDX 2.3 JSON writers. Output is deterministic: components,
 * dependencies and relationships are sorted; the timestamp comes from the caller (typically
 * SOURCE_DATE_EPOCH); serial number / document namespace are derived from the content.
 */




const CYCLONEDX_VERSIONS = ['1.5', '1.6', '1.7'];
const SPDX_VERSIONS = ['2.3'];
/** Name as people write it: `@scope/name`, `group:artifact`, `vendor/name`, module path. */
function displayName(c) {
    if (!c.namespace)
        return c.name;
    switch (c.type) {
        case 'npm':
        case 'jsr':
        case 'composer':
        case 'golang':
        case 'swift':
        case 'hex':
        case 'terraform':
            return `${c.namespace}/${c.name}`;
        case 'maven':
            return `${c.namespace}:${c.name}`;
        default:
            return c.name;
    }
}
/** UUID (version 5 layout) from a SHA-256 of the content. */
function contentUuid(content) {
    const h = (0,external_node_crypto_.createHash)('sha256').update(content).digest();
    h[6] = (h[6] & 0x0f) | 0x50;
    h[8] = (h[8] & 0x3f) | 0x80;
    const x = h.subarray(0, 16).toString('hex');
    return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
function timestampFromEpoch(epoch) {
    if (epoch === undefined || epoch.trim() === '')
        return undefined;
    if (!/^\d+$/.test(epoch.trim()))
        return undefined;
    return new Date(Number(epoch.trim()) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
function render(graph, options) {
    const doc = options.format === 'spdx-json' ? toSpdx(graph, options) : toCycloneDx(graph, options);
    return JSON.stringify(doc, null, 2) + '\n';
}
const ROOT_REF_PREFIX = 'secure-pipeline:project:';
function rootRef(graph) {
    const p = graph.project;
    return `${ROOT_REF_PREFIX}${p.path || '.'}:${displayName(p)}${p.version ? '@' + p.version : ''}`;
}
function cdxLicenses(text, spec) {
    if (!text)
        return undefined;
    const c = classifyLicense(text);
    const ack = spec === '1.5' ? {} : { acknowledgement: 'declared' };
    if (c.kind === 'expression')
        return [{ expression: c.expression, ...ack }];
    if (c.kind === 'id')
        return [{ license: { id: c.id, ...ack } }];
    return [{ license: { name: c.name, ...ack } }];
}
const CDX_SCOPE = {
    required: 'required',
    optional: 'optional',
    dev: 'excluded'
};
function cdxHashes(hashes) {
    return hashes.length ? hashes.map(h => ({ alg: h.alg, content: h.content })) : undefined;
}
function cdxComponent(c, spec) {
    const group = c.type === 'npm' || c.type === 'maven' || c.type === 'composer' ? c.namespace : undefined;
    const name = group ? c.name : displayName(c);
    const props = [];
    if (c.scope === 'dev')
        props.push({ name: 'cdx:npm:package:development', value: 'true' });
    props.push({ name: 'secure-pipeline:scope', value: c.scope });
    props.push({ name: 'secure-pipeline:dependency', value: c.direct ? 'direct' : 'transitive' });
    for (const k of Object.keys(c.properties).sort())
        props.push({ name: k, value: c.properties[k] });
    const licenses = cdxLicenses(c.license, spec);
    return {
        type: 'library',
        'bom-ref': c.ref,
        ...(group ? { group } : {}),
        name,
        ...(c.version ? { version: c.version } : {}),
        scope: CDX_SCOPE[c.scope],
        ...(cdxHashes(c.hashes) ? { hashes: cdxHashes(c.hashes) } : {}),
        ...(licenses ? { licenses } : {}),
        purl: c.purl,
        ...(c.downloadUrl
            ? { externalReferences: [{ type: 'distribution', url: c.downloadUrl }] }
            : {}),
        properties: c.type === 'npm' ? props : props.filter(p => !p.name.startsWith('cdx:npm:'))
    };
}
function toCycloneDx(graph, options) {
    const spec = options.specVersion ?? '1.6';
    if (!CYCLONEDX_VERSIONS.includes(spec)) {
        throw new Error(`unsupported CycloneDX spec version ${spec}`);
    }
    const p = graph.project;
    const ref = rootRef(graph);
    const licenses = cdxLicenses(p.license, spec);
    const group = p.type === 'maven' ? p.namespace : undefined;
    const metaComponent = {
        type: 'application',
        'bom-ref': ref,
        ...(group ? { group } : {}),
        name: group ? p.name : displayName(p),
        ...(p.version ? { version: p.version } : {}),
        ...(p.description ? { description: p.description } : {}),
        ...(licenses ? { licenses } : {}),
        properties: p.sources.map(s => ({ name: 'secure-pipeline:source', value: s || '.' }))
    };
    const dependencies = [
        { ref, dependsOn: p.direct.map(d => d.ref) }
    ];
    for (const c of graph.components)
        dependencies.push({ ref: c.ref, dependsOn: c.dependsOn });
    dependencies.sort((a, b) => (a.ref === ref ? -1 : b.ref === ref ? 1 : model_compare(a.ref, b.ref)));
    const body = {
        bomFormat: 'CycloneDX',
        specVersion: spec,
        serialNumber: '',
        version: 1,
        metadata: {
            ...(options.timestamp ? { timestamp: options.timestamp } : {}),
            lifecycles: [
                {
                    phase: graph.components.some(c => c.type === 'apk' || c.type === 'deb')
                        ? 'post-build'
                        : 'pre-build'
                }
            ],
            tools: {
                components: [
                    {
                        type: 'application',
                        name: src/* TOOL_NAME */.lH,
                        version: src/* VERSION */.xv,
                        externalReferences: [{ type: 'website', url: src/* INFORMATION_URI */.wV }]
                    }
                ]
            },
            component: metaComponent,
            properties: [{ name: 'cdx:reproducible', value: 'true' }]
        },
        components: graph.components.map(c => cdxComponent(c, spec)),
        dependencies
    };
    body.serialNumber = options.serialNumber ?? `urn:uuid:${contentUuid(JSON.stringify(body))}`;
    return body;
}
// ---------------------------------------------------------------- SPDX 2.3
const SPDX_ALG = {
    MD5: 'MD5',
    'SHA-1': 'SHA1',
    'SHA-256': 'SHA256',
    'SHA-384': 'SHA384',
    'SHA-512': 'SHA512'
};
function spdxId(kind, key, label) {
    const safe = label
        .replace(/[^A-Za-z0-9.-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 80);
    const h = (0,external_node_crypto_.createHash)('sha256').update(key).digest('hex').slice(0, 8);
    return `SPDXRef-${kind}-${safe || 'x'}-${h}`;
}
function toSpdx(graph, options) {
    const spec = options.specVersion ?? '2.3';
    if (!SPDX_VERSIONS.includes(spec)) {
        throw new Error(`unsupported SPDX version ${spec}`);
    }
    const p = graph.project;
    const extracted = new Map();
    const declared = (text) => {
        if (!text)
            return 'NOASSERTION';
        const expr = normalizeExpression(text);
        if (expr !== undefined)
            return expr;
        const id = `LicenseRef-${text
            .replace(/[^A-Za-z0-9.-]+/g, '-')
            .replace(/^-+|-+$/g, '')
            .slice(0, 60) || 'unknown'}-${(0,external_node_crypto_.createHash)('sha256').update(text).digest('hex').slice(0, 6)}`;
        extracted.set(id, { licenseId: id, extractedText: text, name: text });
        return id;
    };
    const rootId = spdxId('Project', rootRef(graph), displayName(p));
    const ids = new Map();
    for (const c of graph.components)
        ids.set(c.ref, spdxId('Package', c.ref, `${c.type}-${displayName(c)}-${c.version}`));
    const packages = [
        {
            SPDXID: rootId,
            name: displayName(p),
            ...(p.version ? { versionInfo: p.version } : {}),
            downloadLocation: 'NOASSERTION',
            filesAnalyzed: false,
            licenseConcluded: 'NOASSERTION',
            licenseDeclared: declared(p.license),
            copyrightText: 'NOASSERTION',
            ...(p.description ? { description: p.description } : {}),
            primaryPackagePurpose: 'APPLICATION'
        }
    ];
    for (const c of graph.components) {
        packages.push({
            SPDXID: ids.get(c.ref),
            name: displayName(c),
            ...(c.version ? { versionInfo: c.version } : {}),
            downloadLocation: c.downloadUrl ?? 'NOASSERTION',
            filesAnalyzed: false,
            ...(c.hashes.length
                ? {
                    checksums: c.hashes.map(h => ({ algorithm: SPDX_ALG[h.alg], checksumValue: h.content }))
                }
                : {}),
            licenseConcluded: 'NOASSERTION',
            licenseDeclared: declared(c.license),
            copyrightText: 'NOASSERTION',
            externalRefs: [
                { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: c.purl }
            ],
            primaryPackagePurpose: 'LIBRARY',
            ...(c.scope !== 'required' ? { comment: `scope: ${c.scope}` } : {})
        });
    }
    const rel = [];
    rel.push({
        spdxElementId: 'SPDXRef-DOCUMENT',
        relationshipType: 'DESCRIBES',
        relatedSpdxElement: rootId
    });
    for (const d of p.direct) {
        const to = ids.get(d.ref);
        if (!to)
            continue;
        if (d.scope === 'dev')
            rel.push({
                spdxElementId: to,
                relationshipType: 'DEV_DEPENDENCY_OF',
                relatedSpdxElement: rootId
            });
        else if (d.scope === 'optional')
            rel.push({
                spdxElementId: to,
                relationshipType: 'OPTIONAL_DEPENDENCY_OF',
                relatedSpdxElement: rootId
            });
        else
            rel.push({ spdxElementId: rootId, relationshipType: 'DEPENDS_ON', relatedSpdxElement: to });
    }
    for (const c of graph.components) {
        const from = ids.get(c.ref);
        for (const d of c.dependsOn) {
            const to = ids.get(d);
            if (to)
                rel.push({ spdxElementId: from, relationshipType: 'DEPENDS_ON', relatedSpdxElement: to });
        }
    }
    rel.sort((a, b) => (a.relationshipType === 'DESCRIBES' ? -1 : 0) -
        (b.relationshipType === 'DESCRIBES' ? -1 : 0) ||
        model_compare(a.spdxElementId, b.spdxElementId) ||
        model_compare(a.relationshipType, b.relationshipType) ||
        model_compare(a.relatedSpdxElement, b.relatedSpdxElement));
    const created = options.timestamp ?? '1970-01-01T00:00:00Z';
    const body = {
        spdxVersion: 'SPDX-2.3',
        dataLicense: 'CC0-1.0',
        SPDXID: 'SPDXRef-DOCUMENT',
        name: `${displayName(p)}${p.version ? '@' + p.version : ''}`,
        documentNamespace: '',
        creationInfo: {
            created,
            creators: [`Tool: ${src/* TOOL_NAME */.lH}-${src/* VERSION */.xv}`]
        },
        packages,
        relationships: rel
    };
    if (extracted.size > 0) {
        body.hasExtractedLicensingInfos = [...extracted.values()].sort((a, b) => model_compare(a.licenseId, b.licenseId));
    }
    const uuid = options.serialNumber?.replace(/^urn:uuid:/, '') ?? contentUuid(JSON.stringify(body));
    const slug = displayName(p)
        .replace(/[^A-Za-z0-9.-]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'sbom';
    body.documentNamespace = `https://spdx.org/spdxdocs/${src/* TOOL_NAME */.lH}/${slug}-${uuid}`;
    return body;
}

;// CONCATENATED MODULE: ./packages/sbom/src/generate.ts
/**
 * Discovery (walk a repository honouring .gitignore, or take one lockfile / a root filesystem),
 * parsing into graphs, and assembly into one SBOM or one per project/workspace.
 */







const generate_npm = () => Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 48093)).then(m => m.parseNpmLock);
const yarn = () => Promise.all(/* import() */[__webpack_require__.e(823), __webpack_require__.e(374)]).then(__webpack_require__.bind(__webpack_require__, 63374)).then(m => m.parseYarnLock);
const pnpm = () => Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(595)]).then(__webpack_require__.bind(__webpack_require__, 3595)).then(m => m.parsePnpmLock);
const poetry = () => Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 42016)).then(m => m.parsePoetryLock);
const pipenv = () => Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 42016)).then(m => m.parsePipfileLock);
const uv = () => Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 42016)).then(m => m.parseUvLock);
const pylock = () => Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 42016)).then(m => m.parsePylock);
const pip = () => Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 42016)).then(m => m.parseRequirements);
const pdm = () => Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 42016)).then(m => m.parsePdmLock);
const go = () => __webpack_require__.e(/* import() */ 972).then(__webpack_require__.bind(__webpack_require__, 6972)).then(m => m.parseGoMod);
const cargo = () => Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 65316)).then(m => m.parseCargoLock);
const gem = () => __webpack_require__.e(/* import() */ 446).then(__webpack_require__.bind(__webpack_require__, 95446)).then(m => m.parseGemfileLock);
const composer = () => __webpack_require__.e(/* import() */ 282).then(__webpack_require__.bind(__webpack_require__, 19282)).then(m => m.parseComposerLock);
const gradle = () => __webpack_require__.e(/* import() */ 282).then(__webpack_require__.bind(__webpack_require__, 19282)).then(m => m.parseGradleLockfile);
const nuget = () => __webpack_require__.e(/* import() */ 282).then(__webpack_require__.bind(__webpack_require__, 19282)).then(m => m.parseNugetLock);
const nugetConfig = () => Promise.all(/* import() */[__webpack_require__.e(893), __webpack_require__.e(714)]).then(__webpack_require__.bind(__webpack_require__, 59714)).then(m => m.parseNugetPackagesConfig);
const maven = () => Promise.all(/* import() */[__webpack_require__.e(893), __webpack_require__.e(550)]).then(__webpack_require__.bind(__webpack_require__, 2550)).then(m => m.parsePom);
const apk = () => __webpack_require__.e(/* import() */ 920).then(__webpack_require__.bind(__webpack_require__, 83920)).then(m => m.parseApkInstalled);
const dpkg = () => __webpack_require__.e(/* import() */ 920).then(__webpack_require__.bind(__webpack_require__, 83920)).then(m => m.parseDpkgStatus);
const pub = () => Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(551)]).then(__webpack_require__.bind(__webpack_require__, 3551)).then(m => m.parsePubspecLock);
const swift = () => __webpack_require__.e(/* import() */ 267).then(__webpack_require__.bind(__webpack_require__, 42267)).then(m => m.parsePackageResolved);
const pods = () => Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(615)]).then(__webpack_require__.bind(__webpack_require__, 9615)).then(m => m.parsePodfileLock);
const mix = () => __webpack_require__.e(/* import() */ 23).then(__webpack_require__.bind(__webpack_require__, 95023)).then(m => m.parseMixLock);
const rebar = () => __webpack_require__.e(/* import() */ 23).then(__webpack_require__.bind(__webpack_require__, 95023)).then(m => m.parseRebarLock);
const deno = () => __webpack_require__.e(/* import() */ 514).then(__webpack_require__.bind(__webpack_require__, 40514)).then(m => m.parseDenoLock);
const julia = () => __webpack_require__.e(/* import() */ 181).then(__webpack_require__.bind(__webpack_require__, 12181)).then(m => m.parseJuliaManifest);
const terraform = () => __webpack_require__.e(/* import() */ 152).then(__webpack_require__.bind(__webpack_require__, 23152)).then(m => m.parseTerraformLock);
const bun = () => __webpack_require__.e(/* import() */ 233).then(__webpack_require__.bind(__webpack_require__, 38233)).then(m => m.parseBunLock);
const conan = () => __webpack_require__.e(/* import() */ 15).then(__webpack_require__.bind(__webpack_require__, 1015)).then(m => m.parseConanLock);
const cabal = () => Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(796)]).then(__webpack_require__.bind(__webpack_require__, 24796)).then(m => m.parseCabalFreeze);
const stack = () => Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(796)]).then(__webpack_require__.bind(__webpack_require__, 24796)).then(m => m.parseStackLock);
const BY_NAME = {
    'package-lock.json': { id: 'npm', load: generate_npm },
    'npm-shrinkwrap.json': { id: 'npm', load: generate_npm },
    'yarn.lock': { id: 'yarn', load: yarn },
    'pnpm-lock.yaml': { id: 'pnpm', load: pnpm },
    'poetry.lock': { id: 'poetry', load: poetry },
    'Pipfile.lock': { id: 'pipenv', load: pipenv },
    'uv.lock': { id: 'uv', load: uv },
    'pylock.toml': { id: 'pylock', load: pylock },
    'pdm.lock': { id: 'pdm', load: pdm },
    'go.mod': { id: 'go', load: go },
    'Cargo.lock': { id: 'cargo', load: cargo },
    'Gemfile.lock': { id: 'bundler', load: gem },
    'gems.locked': { id: 'bundler', load: gem },
    'composer.lock': { id: 'composer', load: composer },
    'pom.xml': { id: 'maven', load: maven },
    'gradle.lockfile': { id: 'gradle', load: gradle },
    'buildscript-gradle.lockfile': { id: 'gradle', load: gradle },
    'settings-gradle.lockfile': { id: 'gradle', load: gradle },
    'packages.lock.json': { id: 'nuget', load: nuget },
    'packages.config': { id: 'nuget-config', load: nugetConfig },
    'pubspec.lock': { id: 'pub', load: pub },
    'Package.resolved': { id: 'swift', load: swift },
    'Podfile.lock': { id: 'cocoapods', load: pods },
    'mix.lock': { id: 'mix', load: mix },
    'rebar.lock': { id: 'rebar', load: rebar },
    'bun.lock': { id: 'bun', load: bun },
    'deno.lock': { id: 'deno', load: deno },
    '.terraform.lock.hcl': { id: 'terraform', load: terraform },
    'conan.lock': { id: 'conan', load: conan },
    'cabal.project.freeze': { id: 'cabal', load: cabal },
    'stack.yaml.lock': { id: 'stack', load: stack }
};
/** The format of a file by its path (relative, `/` separators), or undefined if unsupported. */
function detectFormat(rel, explicit = false) {
    const base = rel.slice(rel.lastIndexOf('/') + 1);
    if (explicit && base === 'installed')
        return { id: 'apk', load: apk };
    if (explicit && base === 'status')
        return { id: 'dpkg', load: dpkg };
    const byName = BY_NAME[base];
    if (byName)
        return byName;
    if (/^pylock\.[^.]+\.toml$/.test(base))
        return { id: 'pylock', load: pylock };
    if (/^(Julia)?Manifest(-v\d+\.\d+)?\.toml$/.test(base))
        return { id: 'julia', load: julia };
    if (/^requirements[^/]*\.txt$/i.test(base) || /(^|\/)requirements\/[^/]+\.txt$/.test(rel))
        return { id: 'pip', load: pip };
    if (/(^|\/)gradle\/dependency-locks\/[^/]+\.lockfile$/.test(rel))
        return { id: 'gradle', load: gradle };
    if (/(^|\/)lib\/apk\/db\/installed$/.test(rel))
        return { id: 'apk', load: apk };
    if (/(^|\/)var\/lib\/dpkg\/status$/.test(rel) ||
        /(^|\/)var\/lib\/dpkg\/status\.d\/[^/]+$/.test(rel))
        return { id: 'dpkg', load: dpkg };
    return undefined;
}
/**
 * A file's text by its byte-order mark: UTF-16 (little or big endian) — what Windows PowerShell
 * 5's `pip freeze > requirements.txt` writes — or UTF-8, the BOM dropped; UTF-8 without one.
 */
function readText(file) {
    const buf = (0,external_node_fs_.readFileSync)(file);
    if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe)
        return buf.subarray(2).toString('utf16le');
    if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
        const le = Buffer.from(buf.subarray(2, 2 + ((buf.length - 2) & ~1)));
        le.swap16();
        return le.toString('utf16le');
    }
    const text = buf.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
function makeInput(root, rel, text) {
    const abs = external_node_path_default().join(root, rel);
    const dirAbs = external_node_path_default().dirname(abs);
    const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
    return {
        file: rel,
        absolutePath: abs,
        dir,
        dirName: external_node_path_default().basename(dirAbs) || 'project',
        text,
        readSibling(relative) {
            try {
                return readText(external_node_path_default().resolve(dirAbs, relative));
            }
            catch {
                return undefined;
            }
        },
        exists(relative) {
            return (0,external_node_fs_.existsSync)(external_node_path_default().resolve(dirAbs, relative));
        },
        listDirs(relative) {
            try {
                return (0,external_node_fs_.readdirSync)(external_node_path_default().resolve(dirAbs, relative), { withFileTypes: true })
                    .filter(e => e.isDirectory())
                    .map(e => e.name)
                    .sort();
            }
            catch {
                return [];
            }
        }
    };
}
/** Parses one file (path relative to `root`). */
async function parseFile(root, rel, format) {
    const f = format ?? detectFormat(rel, true);
    if (!f) {
        throw new src/* InputError */.dz('SBOM_UNKNOWN_FORMAT', `not a supported lockfile or manifest`, {
            position: { file: rel }
        });
    }
    let text;
    try {
        text = readText(external_node_path_default().join(root, rel));
    }
    catch (err) {
        throw new src/* InputError */.dz('SBOM_UNREADABLE', `cannot read: ${err.message}`, {
            position: { file: rel }
        });
    }
    const builder = new GraphBuilder(rel);
    const parse = await f.load();
    try {
        parse(makeInput(root, rel, text), builder);
    }
    catch (err) {
        if (err instanceof src/* InputError */.dz)
            throw err;
        // Input no parser check anticipated must still be an input error naming the file, never
        // a crash with a stack trace.
        const msg = err instanceof Error ? err.message : String(err);
        throw new src/* InputError */.dz('SBOM_MALFORMED_LOCKFILE', `cannot read ${f.id} lockfile: ${msg}`, {
            position: { file: rel }
        });
    }
    return { file: rel, format: f.id, builder };
}
const ROOTFS_DBS = ['lib/apk/db/installed', 'var/lib/dpkg/status'];
/**
 * Finds every supported file under `root` (honouring .gitignore, skipping node_modules), or the
 * OS package databases when `root` is a root filesystem.
 */
async function discover(root) {
    const rootfs = ROOTFS_DBS.filter(db => (0,external_node_fs_.existsSync)(external_node_path_default().join(root, db)));
    const statusD = external_node_path_default().join(root, 'var/lib/dpkg/status.d');
    if ((0,external_node_fs_.existsSync)(statusD) && (0,external_node_fs_.statSync)(statusD).isDirectory()) {
        for (const f of (0,external_node_fs_.readdirSync)(statusD).sort())
            if (!f.endsWith('.md5sums'))
                rootfs.push(`var/lib/dpkg/status.d/${f}`);
    }
    if (rootfs.length > 0)
        return rootfs;
    const { files } = await (0,src/* walkFiles */.Fv)(root, {
        // Dependency checkouts and build trees of other package managers: SwiftPM `.build/`,
        // pub `.dart_tool/` / `.pub-cache/`, Mix / rebar3 `_build/`, Terraform's `.terraform/`.
        exclude: [
            'node_modules/',
            '.bench/',
            '.build/',
            '.dart_tool/',
            '.pub-cache/',
            '_build/',
            '.terraform/'
        ],
        skipBinary: false
    });
    const found = files.map(f => f.path).filter(p => detectFormat(p) !== undefined);
    const present = new Set(files.map(f => f.path));
    return (found
        // go.mod inside a vendor/ tree or testdata is not a project of this repository.
        .filter(p => !/(^|\/)(vendor|testdata)\//.test(p) || p.endsWith('.lock'))
        // Mix fetches dependency sources (with their own mix.lock) into deps/ next to mix.exs.
        .filter(p => {
        const m = /^(.*?)(?:^|\/)deps\/[^/]+\//.exec(p);
        if (!m)
            return true;
        const base = m[1] ? `${m[1]}/` : '';
        return !present.has(`${base}mix.exs`) && !present.has(`${base}mix.lock`);
    })
        .sort());
}
/** Describes the repository root project from whatever manifest is there. */
function describeRoot(root) {
    const read = (f) => {
        try {
            return readText(external_node_path_default().join(root, f));
        }
        catch {
            return undefined;
        }
    };
    const pj = (0,npm.readPackageJson)(read('package.json'));
    if (pj?.name)
        return {
            name: pj.name,
            ...(pj.version ? { version: pj.version } : {}),
            ...(pj.description ? { description: pj.description } : {}),
            ...(pj.license ? { license: pj.license } : {}),
            path: '',
            kind: 'root',
            type: 'npm'
        };
    const pp = (0,python.readPyProject)(read('pyproject.toml'));
    if (pp?.name)
        return {
            name: pp.name,
            ...(pp.version ? { version: pp.version } : {}),
            ...(pp.description ? { description: pp.description } : {}),
            ...(pp.license ? { license: pp.license } : {}),
            path: '',
            kind: 'root',
            type: 'pypi'
        };
    const cargo = read('Cargo.toml');
    const cargoName = cargo ? /^\[package\][^[]*?^name\s*=\s*"([^"]+)"/ms.exec(cargo)?.[1] : undefined;
    if (cargoName) {
        const ver = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms.exec(cargo)?.[1];
        return {
            name: cargoName,
            ...(ver ? { version: ver } : {}),
            path: '',
            kind: 'root',
            type: 'cargo'
        };
    }
    const gomod = read('go.mod');
    const mod = gomod ? /^module\s+"?([^\s"]+)"?/m.exec(gomod)?.[1] : undefined;
    if (mod)
        return { name: mod, path: '', kind: 'root', type: 'golang' };
    return { name: external_node_path_default().basename(external_node_path_default().resolve(root)) || 'project', path: '', kind: 'root' };
}
function safeName(s) {
    return (s
        .replace(/^@/, '')
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'project');
}
/** Generates the SBOM(s) for a repository directory, a root filesystem or one lockfile. */
async function generate(target, options) {
    let st;
    try {
        st = (0,external_node_fs_.statSync)(target);
    }
    catch {
        throw new src/* InputError */.dz('SBOM_NOT_FOUND', `no such file or directory`, {
            position: { file: target }
        });
    }
    let root;
    let files;
    if (st.isFile()) {
        root = external_node_path_default().dirname(target);
        files = [external_node_path_default().basename(target)];
    }
    else {
        root = target;
        files = await discover(root);
    }
    const parsed = [];
    for (const f of files)
        parsed.push(await parseFile(root, f));
    const sources = parsed.map(p => ({ file: p.file, format: p.format }));
    const includeDev = options.includeDev ?? true;
    const finalize = (g) => (includeDev ? g : withoutDev(g));
    const documents = [];
    const graphs = parsed.map(p => p.builder.finish());
    const perSource = parsed.map((p, i) => ({
        file: p.file,
        format: p.format,
        graph: finalize(graphs[i])
    }));
    if (!options.split) {
        let project;
        if (st.isFile() && graphs.length === 1) {
            const g = graphs[0].project;
            project = { ...g, kind: 'root' };
        }
        else {
            // The root manifest (package.json, pyproject.toml, Cargo.toml, go.mod) describes the
            // repository; else the root lockfile's project; else a single lockfile's / rootfs's.
            const manifest = describeRoot(root);
            const atRoot = parsed.findIndex(p => !p.file.includes('/'));
            const rootInfo = atRoot >= 0 ? graphs[atRoot].project : graphs.length === 1 ? graphs[0].project : undefined;
            if (manifest.type !== undefined)
                project = manifest;
            else if (rootInfo)
                project = { ...rootInfo, kind: 'root', path: '' };
            else
                project = manifest;
        }
        const merged = mergeGraphs(graphs, {
            name: project.name,
            ...(project.version !== undefined ? { version: project.version } : {}),
            ...(project.type !== undefined ? { type: project.type } : {}),
            ...(project.namespace !== undefined ? { namespace: project.namespace } : {}),
            ...(project.description !== undefined ? { description: project.description } : {}),
            ...(project.license !== undefined ? { license: project.license } : {}),
            path: project.path
        });
        const graph = finalize(merged);
        documents.push({ name: safeName(project.name), graph, text: render(graph, options) });
    }
    else {
        const used = new Set();
        for (const p of parsed) {
            const projects = p.builder.projects();
            for (const { id, info } of projects) {
                const include = projects.length === 1 ? 'all' : info.kind === 'root' ? 'reachable+orphans' : 'reachable';
                const g = p.builder.finish({ rootIds: [id], include, project: info });
                const graph = finalize(g);
                let name = safeName(`${info.name}${info.path && info.path !== p.builder.source ? '' : ''}`);
                if (used.has(name))
                    name = safeName(`${info.name}-${info.path || p.file}`);
                for (let i = 2; used.has(name); i++)
                    name = `${safeName(info.name)}-${i}`;
                used.add(name);
                documents.push({ name, graph, text: render(graph, options) });
            }
        }
    }
    return { sources, documents, perSource };
}

// EXTERNAL MODULE: ./packages/sbom/src/parsers/cargo.ts
var parsers_cargo = __webpack_require__(65316);
;// CONCATENATED MODULE: ./packages/sbom/src/snapshot.ts
/**
 * GitHub dependency submission snapshot (POST /repos/{owner}/{repo}/dependency-graph/snapshots),
 * built from per-lockfile graphs: one manifest per lockfile, each package with its real
 * direct/indirect relationship and runtime/development scope. Pure data: no network here.
 */


function toDependencySnapshot(manifests, ctx) {
    const out = {};
    for (const { file, graph } of [...manifests].sort((a, b) => compare(a.file, b.file))) {
        const purlOf = new Map(graph.components.map(c => [c.ref, c.purl]));
        const resolved = {};
        for (const c of graph.components) {
            resolved[c.purl] = {
                package_url: c.purl,
                relationship: c.direct ? 'direct' : 'indirect',
                scope: c.scope === 'dev' ? 'development' : 'runtime',
                dependencies: c.dependsOn
                    .map(d => purlOf.get(d))
                    .filter((p) => p !== undefined)
            };
        }
        out[file] = { name: file, file: { source_location: file }, resolved };
    }
    return {
        version: 0,
        sha: ctx.sha,
        ref: ctx.ref,
        job: {
            correlator: ctx.correlator,
            id: ctx.jobId,
            ...(ctx.htmlUrl ? { html_url: ctx.htmlUrl } : {})
        },
        detector: { name: TOOL_NAME, version: VERSION, url: INFORMATION_URI },
        scanned: ctx.scanned,
        manifests: out
    };
}

;// CONCATENATED MODULE: ./packages/sbom/src/index.ts








/***/ }),

/***/ 65316:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseCargoLock: () => (/* binding */ parseCargoLock),
/* harmony export */   scanCargoLock: () => (/* binding */ scanCargoLock)
/* harmony export */ });
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12695);

/** A plain TOML basic string without escapes (`"..."`), or undefined. */
function plainString(v) {
    if (v.length < 2 || v.charCodeAt(0) !== 34 || v.charCodeAt(v.length - 1) !== 34)
        return undefined;
    const inner = v.slice(1, -1);
    return inner.includes('"') || inner.includes('\\') ? undefined : inner;
}
/**
 * Cargo writes Cargo.lock in one fixed shape (`[[package]]` tables of `key = "string"` lines and
 * multi-line string arrays, `[metadata]` in v1). That shape is read directly, without a general
 * TOML parser; anything else (escapes, inline tables, other sections, duplicate keys, a
 * truncated array) returns undefined and the file goes through the TOML parser instead, which
 * also produces the error positions.
 */
function scanCargoLock(text) {
    const top = {};
    const packages = [];
    const metadata = {};
    let target = top;
    let array;
    let start = 0;
    while (start < text.length) {
        let end = text.indexOf('\n', start);
        if (end < 0)
            end = text.length;
        let line = text.slice(start, end);
        start = end + 1;
        if (line.endsWith('\r'))
            line = line.slice(0, -1);
        if (array) {
            if (line === ']') {
                array = undefined;
                continue;
            }
            const t = line.trim();
            const v = plainString(t.endsWith(',') ? t.slice(0, -1) : t);
            if (v === undefined)
                return undefined;
            array.push(v);
            continue;
        }
        if (line === '' || line.startsWith('#'))
            continue;
        if (line === '[[package]]') {
            target = {};
            packages.push(target);
            continue;
        }
        if (line === '[metadata]' && !('metadata' in top)) {
            target = metadata;
            top.metadata = metadata;
            continue;
        }
        const eq = line.indexOf(' = ');
        if (eq <= 0)
            return undefined;
        let key = line.slice(0, eq);
        if (key.startsWith('"')) {
            const k = plainString(key);
            if (k === undefined)
                return undefined;
            key = k;
        }
        else if (!/^[A-Za-z0-9_-]+$/.test(key))
            return undefined;
        if (key in target)
            return undefined;
        const raw = line.slice(eq + 3);
        if (raw === '[') {
            array = [];
            target[key] = array;
            continue;
        }
        if (raw === '[]') {
            target[key] = [];
            continue;
        }
        const sv = plainString(raw);
        if (sv !== undefined)
            target[key] = sv;
        else if (target === top && /^[0-9]+$/.test(raw))
            target[key] = Number(raw);
        else
            return undefined;
    }
    if (array)
        return undefined;
    if (packages.length > 0)
        top.package = packages;
    return top;
}
function parseCargoLock(input, b) {
    const d = scanCargoLock(input.text) ?? (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .parseTomlFile */ .gm)(input.text, input.file, 'Cargo.lock');
    const version = d.version;
    if (version !== undefined && ![1, 2, 3, 4].includes(version)) {
        const i = input.text.search(/^version\s*=/m);
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .unsupported */ .Zq)(input.file, i < 0 ? 1 : (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .lineAt */ .mh)(input.text, i), `unsupported Cargo.lock version ${JSON.stringify(version)} (supported: 1-4)`);
    }
    const manifest = readCargoToml(input.readSibling('Cargo.toml'));
    const v1Checksums = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(d.metadata);
    const pkgs = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)(d.package).map(p => (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(p));
    const ids = [];
    const byName = new Map();
    let rootId;
    for (const e of pkgs) {
        const name = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.name);
        const ver = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.version);
        if (!name || !ver)
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, undefined, 'Cargo.lock: package without name/version');
        const source = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.source);
        let id;
        if (source === undefined) {
            const isRoot = manifest?.name === name;
            id = b.addLocal(`local:${input.dir}:cargo:${name}@${ver}`, {
                name,
                version: ver,
                path: input.dir,
                kind: isRoot || (manifest?.name === undefined && rootId === undefined) ? 'root' : 'workspace',
                type: 'cargo',
                ...(isRoot && manifest?.description ? { description: manifest.description } : {}),
                ...(isRoot && manifest?.license ? { license: manifest.license } : {})
            });
            if (b.localInfo(id)?.kind === 'root')
                rootId = id;
        }
        else {
            const checksum = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.checksum) ?? (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(v1Checksums[`checksum ${name} ${ver} (${source})`]);
            const h = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .hexHash */ .eP)('SHA-256', checksum);
            const props = {};
            if (!source.startsWith('registry+https://github.com/rust-lang/crates.io-index') &&
                !source.startsWith('sparse+https://index.crates.io/'))
                props['secure-pipeline:cargo:source'] = source;
            id = b.addPackage({
                type: 'cargo',
                name,
                version: ver,
                purl: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .purl */ .EV)('cargo', undefined, name, ver),
                ...(h ? { hashes: [h] } : {}),
                ...(Object.keys(props).length ? { properties: props } : {})
            });
        }
        ids.push(id);
        const list = byName.get(name) ?? [];
        list.push({ id, version: ver, ...(source !== undefined ? { source } : {}) });
        byName.set(name, list);
    }
    pkgs.forEach((e, i) => {
        for (const dep of (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)(e.dependencies)) {
            const s = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(dep);
            if (!s)
                continue;
            // "name", "name version" or "name version (source)"
            const [n, v] = s.split(' ');
            const cands = byName.get(n) ?? [];
            const hit = v === undefined ? cands[0] : cands.find(c => c.version === v);
            if (hit)
                b.edge(ids[i], hit.id, 'prod');
        }
    });
    if (rootId === undefined) {
        // A virtual workspace: a synthetic root depending on every member.
        const id = b.addLocal(`local:${input.dir}`, {
            name: input.dirName,
            path: input.dir,
            kind: 'root',
            type: 'cargo'
        });
        for (const m of ids)
            if (b.isLocal(m) && m !== id)
                b.edge(id, m, 'prod');
    }
}
function readCargoToml(text) {
    if (text === undefined)
        return undefined;
    try {
        const d = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .parseTomlFile */ .gm)(text, 'Cargo.toml', 'Cargo.toml');
        const p = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(d.package);
        const name = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(p.name);
        const description = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(p.description);
        const license = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(p.license);
        return {
            ...(name !== undefined ? { name } : {}),
            ...(description !== undefined ? { description } : {}),
            ...(license !== undefined ? { license } : {})
        };
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 48093:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEP_FIELDS: () => (/* binding */ DEP_FIELDS),
/* harmony export */   npmLicense: () => (/* binding */ npmLicense),
/* harmony export */   parseNpmLock: () => (/* binding */ parseNpmLock),
/* harmony export */   readPackageJson: () => (/* binding */ readPackageJson)
/* harmony export */ });
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12695);

/** package.json dependency fields and the edge each makes. */
const DEP_FIELDS = [
    ['dependencies', 'prod'],
    ['optionalDependencies', 'optional'],
    ['peerDependencies', 'peer']
];
/** `license` may be a string, `{type}` or an array of those (old manifests). */
function npmLicense(value) {
    if (typeof value === 'string')
        return value.trim() || undefined;
    if ((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(value))
        return (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(value.type);
    if (Array.isArray(value)) {
        const parts = value.map(npmLicense).filter((x) => x !== undefined);
        if (parts.length === 1)
            return parts[0];
        if (parts.length > 1)
            return parts.map(p => (/\s/.test(p) ? `(${p})` : p)).join(' OR ');
    }
    return undefined;
}
/** Reads the parts of a package.json we use; undefined when absent or not an object. */
function readPackageJson(text) {
    if (text === undefined)
        return undefined;
    let d;
    try {
        d = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (!(0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(d))
        return undefined;
    const deps = [];
    for (const [field, kind] of [
        ['dependencies', 'prod'],
        ['devDependencies', 'dev'],
        ['optionalDependencies', 'optional'],
        ['peerDependencies', 'peer']
    ]) {
        const o = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(d[field]);
        for (const name in o)
            deps.push([name, kind, (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(o[name]) ?? '']);
    }
    const ws = d.workspaces;
    const workspaces = Array.isArray(ws)
        ? ws.filter((x) => typeof x === 'string')
        : (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(ws) && Array.isArray(ws.packages)
            ? ws.packages.filter((x) => typeof x === 'string')
            : [];
    const license = npmLicense(d.license);
    return {
        ...(typeof d.name === 'string' ? { name: d.name } : {}),
        ...(typeof d.version === 'string' ? { version: d.version } : {}),
        ...(typeof d.description === 'string' ? { description: d.description } : {}),
        ...(license !== undefined ? { license } : {}),
        deps,
        workspaces
    };
}
function npmPurl(name, version) {
    const { namespace, name: n } = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .npmName */ .Ln)(name);
    return (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .purl */ .EV)('npm', namespace, n, version);
}
function parentPath(key) {
    const i = key.lastIndexOf('/node_modules/');
    return i < 0 ? '' : key.slice(0, i);
}
function nameFromKey(key) {
    const i = key.lastIndexOf('node_modules/');
    return i < 0 ? key : key.slice(i + 'node_modules/'.length);
}
function flagScope(e) {
    if (e.dev === true)
        return 'dev';
    if (e.optional === true || e.devOptional === true)
        return 'optional';
    return 'required';
}
function parseNpmLock(input, b) {
    const d = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .parseJson */ .qF)(input.text, input.file, 'npm lockfile');
    const lv = d.lockfileVersion;
    const version = lv === undefined ? 1 : typeof lv === 'number' ? lv : NaN;
    if (![1, 2, 3].includes(version)) {
        const line = input.text.split('\n').findIndex(l => l.includes('"lockfileVersion"')) + 1;
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .unsupported */ .Zq)(input.file, line || undefined, `unsupported npm lockfileVersion ${JSON.stringify(lv)} (supported: 1, 2, 3)`);
    }
    if (version >= 2 && (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(d.packages))
        parsePackages(input, b, d, d.packages);
    else
        parseV1(input, b, d);
}
function parsePackages(input, b, d, pkgs) {
    const rootEntry = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(pkgs['']);
    const hasWorkspaces = rootEntry.workspaces !== undefined;
    const installed = input.exists('node_modules');
    // package.json is the manifest; the lockfile's "" entry mirrors it (and may be stale).
    const pj = readPackageJson(input.readSibling('package.json'));
    const rootVersion = pj?.version ?? (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(rootEntry.version) ?? (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(d.version);
    const rootLicense = pj?.license ?? npmLicense(rootEntry.license);
    const rootId = b.addLocal(`local:${input.dir}`, {
        name: pj?.name ?? (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(rootEntry.name) ?? (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(d.name) ?? input.dirName,
        ...(rootVersion !== undefined ? { version: rootVersion } : {}),
        ...(rootLicense !== undefined ? { license: rootLicense } : {}),
        ...(pj?.description !== undefined ? { description: pj.description } : {}),
        path: input.dir,
        kind: 'root',
        type: 'npm'
    });
    // key → node id (packages and local folders); link entries map to their target.
    const ids = new Map();
    ids.set('', rootId);
    const links = new Map();
    for (const key in pkgs) {
        if (key === '')
            continue;
        const e = pkgs[key];
        if (!(0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(e))
            continue;
        if (e.link === true) {
            const target = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.resolved);
            if (target !== undefined)
                links.set(key, target);
            continue;
        }
        const nm = key.lastIndexOf('node_modules/');
        if (nm < 0) {
            // A workspace member or a local folder referenced with file:.
            const inside = !key.startsWith('../') && !key.startsWith('/');
            const lic = npmLicense(e.license);
            const ver = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.version);
            ids.set(key, b.addLocal(`local:${input.dir ? input.dir + '/' : ''}${key}`, {
                name: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.name) ?? key.split('/').pop(),
                ...(ver !== undefined ? { version: ver } : {}),
                ...(lic !== undefined ? { license: lic } : {}),
                path: input.dir ? `${input.dir}/${key}` : key,
                kind: hasWorkspaces && inside ? 'workspace' : 'local',
                type: 'npm'
            }));
            continue;
        }
        const ver = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.version);
        if (ver === undefined)
            continue;
        const resolved = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.resolved);
        if (resolved !== undefined && resolved.startsWith('file:')) {
            ids.set(key, b.addLocal(`local:${input.dir}:${key}`, {
                name: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.name) ?? nameFromKey(key),
                version: ver,
                path: key,
                kind: 'local'
            }));
            continue;
        }
        const name = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.name) ?? nameFromKey(key);
        let license = npmLicense(e.license);
        if (license === undefined && installed)
            license = installedLicense(input, key);
        const props = {};
        if (e.inBundle === true)
            props['secure-pipeline:npm:bundled'] = 'true';
        if ((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.name) !== undefined && (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.name) !== nameFromKey(key))
            props['secure-pipeline:npm:alias'] = nameFromKey(key);
        const hashes = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .sriHashes */ .PK)((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.integrity));
        ids.set(key, b.addPackage({
            type: 'npm',
            ...(0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .npmName */ .Ln)(name),
            version: ver,
            purl: npmPurl(name, ver),
            ...(hashes.length ? { hashes } : {}),
            ...(license !== undefined ? { license } : {}),
            scopeHint: flagScope(e),
            ...(resolved !== undefined && /^https?:/.test(resolved) ? { downloadUrl: resolved } : {}),
            ...(Object.keys(props).length ? { properties: props } : {})
        }));
    }
    for (const [key, target] of links) {
        const id = ids.get(target);
        if (id !== undefined)
            ids.set(key, id);
    }
    const resolve = (from, dep) => {
        let base = from;
        for (;;) {
            const id = ids.get(base === '' ? `node_modules/${dep}` : `${base}/node_modules/${dep}`);
            if (id !== undefined)
                return id;
            if (base === '')
                return undefined;
            base = parentPath(base);
        }
    };
    for (const key in pkgs) {
        const from = ids.get(key);
        const e = pkgs[key];
        if (from === undefined || !(0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(e) || e.link === true)
            continue;
        const isRootLike = key === '' || !key.includes('node_modules/');
        const fields = isRootLike
            ? [...DEP_FIELDS, ['devDependencies', 'dev']]
            : DEP_FIELDS;
        const peerMeta = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(e.peerDependenciesMeta);
        for (const [field, kind] of fields) {
            const deps = e[field];
            if (!(0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(deps))
                continue;
            for (const dep in deps) {
                const to = resolve(key, dep);
                if (to === undefined)
                    continue;
                const k = kind === 'peer' && (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(peerMeta[dep]).optional === true ? 'optional' : kind;
                b.edge(from, to, k);
            }
        }
    }
}
function installedLicense(input, key) {
    const manifest = readPackageJsonLicense(input.readSibling(`${key}/package.json`));
    return manifest;
}
function readPackageJsonLicense(text) {
    if (text === undefined)
        return undefined;
    try {
        const d = JSON.parse(text);
        return (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(d) ? (npmLicense(d.license) ?? npmLicense(d.licenses)) : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * A v1 `version` that is a git / hosted-git / tarball spec (not a registry version): the
 * version to report instead — the commit after `#`, or `<name>-<version>.tgz`'s version.
 */
function sourceVersion(name, spec) {
    if (/^https?:\/\//.test(spec)) {
        const base = decodeURIComponent(spec.replace(/[?#].*$/, '').replace(/.*\//, ''));
        const short = name.slice(name.lastIndexOf('/') + 1);
        const m = /^(.*?)-(\d+\.\d+\.\d+[^/]*?)\.(?:tgz|tar\.gz)$/.exec(base);
        return { version: m && (m[1] === short || m[1] === name) ? m[2] : '' };
    }
    if (/^(git\+[a-z]+:|git:|github:|gitlab:|bitbucket:|gist:)/.test(spec) ||
        /^[^/:@]+\/[^/:@]+#/.test(spec)) {
        const hash = spec.lastIndexOf('#');
        return { version: hash >= 0 ? spec.slice(hash + 1) : '' };
    }
    return undefined;
}
function parseV1(input, b, d) {
    const pj = readPackageJson(input.readSibling('package.json'));
    const rootId = b.addLocal(`local:${input.dir}`, {
        name: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(d.name) ?? pj?.name ?? input.dirName,
        ...(((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(d.version) ?? pj?.version) !== undefined
            ? { version: ((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(d.version) ?? pj?.version) }
            : {}),
        ...(pj?.license !== undefined ? { license: pj.license } : {}),
        path: input.dir,
        kind: 'root',
        type: 'npm'
    });
    const pending = [];
    let localCount = 0;
    const walk = (deps, parent, path) => {
        const scope = { parent, ids: new Map() };
        const children = [];
        for (const name in deps) {
            const e = deps[name];
            if (!(0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(e))
                continue;
            let ver = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.version) ?? '';
            let realName = name;
            if (ver.startsWith('npm:')) {
                const [n, v] = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .splitAt */ .gI)(ver.slice(4));
                realName = n;
                ver = v ?? '';
            }
            let id;
            if (ver === '' || /^(file|link|workspace|portal):/.test(ver)) {
                id = b.addLocal(`local:${input.dir}:v1:${localCount++}:${name}`, {
                    name,
                    path: ver.replace(/^[a-z]+:/, ''),
                    kind: 'local'
                });
            }
            else {
                const hashes = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .sriHashes */ .PK)((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.integrity));
                let resolved = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.resolved);
                const props = {};
                if (e.bundled === true)
                    props['secure-pipeline:npm:bundled'] = 'true';
                // v1 records git and tarball dependencies by their spec instead of a version:
                // the commit (git) or the tarball file name's version stands in, the spec is kept.
                const source = sourceVersion(realName, ver);
                if (source) {
                    props['secure-pipeline:npm:resolved'] = ver;
                    if (/^https?:/.test(ver))
                        resolved ??= ver;
                    ver = source.version;
                }
                id = b.addPackage({
                    type: 'npm',
                    ...(0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .npmName */ .Ln)(realName),
                    version: ver,
                    purl: npmPurl(realName, ver),
                    ...(hashes.length ? { hashes } : {}),
                    scopeHint: flagScope(e),
                    ...(resolved !== undefined && /^https?:/.test(resolved) ? { downloadUrl: resolved } : {}),
                    ...(Object.keys(props).length ? { properties: props } : {})
                });
            }
            scope.ids.set(name, id);
            let idx = -1;
            if ((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(e.requires))
                idx = pending.push({ from: id, scope, requires: e.requires }) - 1;
            if ((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(e.dependencies))
                children.push([e.dependencies, `${path}/${name}`, idx]);
        }
        // Nested trees resolve in their own scope first, then this one's.
        for (const [childDeps, p, idx] of children) {
            const child = walk(childDeps, scope, p);
            if (idx >= 0)
                pending[idx].scope = child;
        }
        return scope;
    };
    const top = walk((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(d.dependencies), undefined, '');
    const lookup = (scope, name) => {
        for (let s = scope; s; s = s.parent) {
            const id = s.ids.get(name);
            if (id !== undefined)
                return id;
        }
        return undefined;
    };
    for (const p of pending) {
        for (const dep in p.requires) {
            const to = lookup(p.scope, dep);
            if (to !== undefined)
                b.edge(p.from, to, 'prod');
        }
    }
    if (pj && pj.deps.length > 0) {
        for (const [name, kind] of pj.deps) {
            const to = top.ids.get(name);
            if (to !== undefined)
                b.edge(rootId, to, kind);
        }
    }
    else {
        // No manifest: the top-level entries nothing else requires are the direct ones.
        const required = new Set();
        for (const p of pending)
            for (const dep in p.requires)
                required.add(dep);
        for (const [name, id] of top.ids) {
            if (!required.has(name))
                b.edge(rootId, id, 'prod');
        }
    }
}


/***/ }),

/***/ 42016:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parsePdmLock: () => (/* binding */ parsePdmLock),
/* harmony export */   parsePipfileLock: () => (/* binding */ parsePipfileLock),
/* harmony export */   parsePoetryLock: () => (/* binding */ parsePoetryLock),
/* harmony export */   parsePylock: () => (/* binding */ parsePylock),
/* harmony export */   parseRequirements: () => (/* binding */ parseRequirements),
/* harmony export */   parseUvLock: () => (/* binding */ parseUvLock),
/* harmony export */   readPyProject: () => (/* binding */ readPyProject),
/* harmony export */   requirementName: () => (/* binding */ requirementName)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12501);
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(12695);
/**
 * Python: requirements.txt (pinned, hashes, -r includes, pip-compile `# via`), poetry.lock,
 * Pipfile.lock, uv.lock and pylock.toml (PEP 751).
 */



function pypiPurl(name, version) {
    return (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .purl */ .EV)('pypi', undefined, (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)(name), version);
}
/** A locked PyPI distribution; empty hashes and properties, and an unknown scope, are left out. */
function addPypi(b, name, version, o = {}) {
    return b.addPackage({
        type: 'pypi',
        name,
        version,
        purl: pypiPurl(name, version),
        ...(o.hashes?.length ? { hashes: o.hashes } : {}),
        ...(o.scope !== undefined ? { scopeHint: o.scope } : {}),
        ...(o.properties && Object.keys(o.properties).length ? { properties: o.properties } : {})
    });
}
const PEP508_NAME = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/;
/** The distribution name at the start of a PEP 508 requirement string. */
function requirementName(spec) {
    const m = PEP508_NAME.exec(spec);
    return m ? (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)(m[1]) : undefined;
}
/** Direct dependencies declared in pyproject.toml (PEP 621, dependency groups, poetry tables). */
function readPyProject(text) {
    if (text === undefined)
        return undefined;
    let d;
    try {
        d = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .parseTomlFile */ .gm)(text, 'pyproject.toml', 'pyproject.toml');
    }
    catch {
        return undefined;
    }
    const deps = [];
    const project = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(d.project);
    const add = (spec, kind) => {
        const n = typeof spec === 'string' ? requirementName(spec) : undefined;
        if (n)
            deps.push([n, kind]);
    };
    for (const s of (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .arr */ .QL)(project.dependencies))
        add(s, 'prod');
    for (const list of Object.values((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(project['optional-dependencies'])))
        for (const s of (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .arr */ .QL)(list))
            add(s, 'optional');
    for (const list of Object.values((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(d['dependency-groups'])))
        for (const s of (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .arr */ .QL)(list))
            add(s, 'dev');
    const poetry = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(d.tool).poetry);
    for (const [n, v] of Object.entries((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(poetry.dependencies))) {
        if (n.toLowerCase() === 'python')
            continue;
        deps.push([(0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)(n), (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(v) && v.optional === true ? 'optional' : 'prod']);
    }
    for (const n of Object.keys((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(poetry['dev-dependencies'])))
        deps.push([(0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)(n), 'dev']);
    for (const [group, g] of Object.entries((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(poetry.group))) {
        const kind = group === 'main' ? 'prod' : 'dev';
        for (const n of Object.keys((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(g).dependencies)))
            deps.push([(0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)(n), kind]);
    }
    const uvDev = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(d.tool).uv)['dev-dependencies'];
    for (const s of (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .arr */ .QL)(uvDev))
        add(s, 'dev');
    for (const list of Object.values((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(d.tool).pdm)['dev-dependencies'])))
        for (const s of (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .arr */ .QL)(list))
            add(s, 'dev');
    const lic = project.license;
    const license = typeof lic === 'string' ? lic : ((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(lic).text) ?? (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(poetry.license));
    const name = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(project.name) ?? (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(poetry.name);
    const version = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(project.version) ?? (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(poetry.version);
    const description = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(project.description) ?? (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(poetry.description);
    return {
        ...(name !== undefined ? { name } : {}),
        ...(version !== undefined ? { version } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(license !== undefined ? { license } : {}),
        deps
    };
}
function pythonRoot(input, b) {
    const pp = readPyProject(input.readSibling('pyproject.toml'));
    const id = b.addLocal(`local:${input.dir}`, {
        name: pp?.name ?? input.dirName,
        ...(pp?.version !== undefined ? { version: pp.version } : {}),
        ...(pp?.description !== undefined ? { description: pp.description } : {}),
        ...(pp?.license !== undefined ? { license: pp.license } : {}),
        path: input.dir,
        kind: 'root',
        type: 'pypi'
    });
    return { id, pp };
}
/** Links the root to its declared direct dependencies (by normalised name). */
function linkDeclared(b, rootId, pp, byName) {
    if (!pp || pp.deps.length === 0)
        return false;
    for (const [n, kind] of pp.deps)
        for (const id of byName.get(n) ?? [])
            b.edge(rootId, id, kind);
    return true;
}
function pushName(map, name, id) {
    const list = map.get(name);
    if (list) {
        if (!list.includes(id))
            list.push(id);
    }
    else
        map.set(name, [id]);
}
// ---------------------------------------------------------------- requirements.txt
const DEV_FILE = /(^|[-_.])(dev|develop|test|tests|testing|docs|lint|ci)([-_.]|$)/i;
function parseRequirements(input, b) {
    const rootId = b.addLocal(`local:${input.dir}`, {
        name: readPyProject(input.readSibling('pyproject.toml'))?.name ?? input.dirName,
        path: input.dir,
        kind: 'root',
        type: 'pypi'
    });
    const byName = new Map();
    const via = new Map();
    let sawVia = false;
    const visited = new Set();
    const readFile = (rel, text, display) => {
        if (visited.has(rel))
            return;
        visited.add(rel);
        const scope = DEV_FILE.test(node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.basename(rel, '.txt')) ? 'dev' : 'required';
        const physical = text.split('\n');
        let lastId;
        let inVia = false;
        for (let i = 0; i < physical.length; i++) {
            const startLine = i + 1;
            let line = physical[i].replace(/\r$/, '');
            const trimmed = line.trim();
            if (trimmed.startsWith('#')) {
                // pip-compile annotations: "# via x" or "# via" followed by "#   x" lines.
                const c = trimmed.slice(1).trim();
                if (c.startsWith('via')) {
                    sawVia = true;
                    inVia = true;
                    const rest = c.slice(3).trim();
                    if (rest && lastId)
                        addVia(lastId, rest);
                }
                else if (inVia && c && lastId && /^\s{2,}/.test(trimmed.slice(1))) {
                    addVia(lastId, c);
                }
                else
                    inVia = false;
                continue;
            }
            inVia = false;
            while (line.endsWith('\\') &&
                i + 1 < physical.length &&
                !(i + 2 === physical.length && physical[i + 1] === '')) {
                line = line.slice(0, -1) + ' ' + physical[++i].replace(/\r$/, '');
            }
            if (line.endsWith('\\'))
                throw (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(display, startLine, 'requirements file: dangling line continuation');
            const hashIdx = line.search(/(^|\s)#/);
            const content = (hashIdx >= 0 ? line.slice(0, hashIdx) : line).trim();
            if (!content)
                continue;
            // PEP 508 direct references (`name @ url`) and editable VCS checkouts (`-e git+…#egg=name`).
            const ref = directReference(content);
            if (ref) {
                lastId = b.addPackage({
                    type: 'pypi',
                    name: ref.name,
                    version: ref.version,
                    purl: pypiPurl(ref.name, ref.version),
                    ...(ref.hash ? { hashes: [ref.hash] } : {}),
                    scopeHint: scope,
                    ...(/^https?:/.test(ref.url) && !ref.vcs ? { downloadUrl: ref.url } : {}),
                    properties: { 'secure-pipeline:python:source-url': ref.url }
                });
                pushName(byName, ref.name, lastId);
                continue;
            }
            if (content.startsWith('-')) {
                const m = /^(-r|--requirement|-c|--constraint)(?:\s+|=)(\S+)/.exec(content);
                if (m && (m[1] === '-r' || m[1] === '--requirement')) {
                    const incl = node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.normalize(node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.join(node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.dirname(rel), m[2]));
                    const t = input.readSibling(incl);
                    if (t === undefined) {
                        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('SBOM_MISSING_INCLUDE', `requirements file: included file ${m[2]} not found`, { position: { file: display, line: startLine } });
                    }
                    readFile(incl, t, input.dir ? `${input.dir}/${incl}` : incl);
                }
                lastId = undefined;
                continue;
            }
            const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(===|==)\s*([^\s;\\,]+)/.exec(content);
            if (!m) {
                if (!/^[A-Za-z0-9]/.test(content) && !/^(\.|\/|https?:|git\+|file:)/.test(content)) {
                    throw (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(display, startLine, `requirements file: cannot read "${content.slice(0, 60)}"`);
                }
                lastId = undefined;
                continue;
            }
            const name = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)(m[1]);
            const version = m[4];
            const hashes = [];
            for (const hm of content.matchAll(/--hash[=\s]+(\S+)/g)) {
                const h = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .prefixedHash */ .qO)(hm[1]);
                if (h)
                    hashes.push(h);
            }
            lastId = addPypi(b, name, version, { hashes, scope });
            pushName(byName, name, lastId);
        }
    };
    const addVia = (id, text) => {
        for (const part of text.split(/[,\s]+/)) {
            if (!part)
                continue;
            const set = via.get(id) ?? new Set();
            set.add(part);
            via.set(id, set);
        }
    };
    const rel = node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.basename(input.file);
    readFile(rel, input.text, input.file);
    const ids = new Set();
    for (const list of byName.values())
        for (const id of list)
            ids.add(id);
    for (const id of ids) {
        const parents = via.get(id);
        if (!sawVia || !parents) {
            b.edge(rootId, id, 'prod');
            continue;
        }
        let direct = false;
        for (const p of parents) {
            if (p.startsWith('-') ||
                p.endsWith('.in') ||
                p.endsWith('.txt') ||
                p.endsWith('.toml') ||
                p === 'r' ||
                p === 'c') {
                direct = true;
                continue;
            }
            for (const pid of byName.get((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)(p)) ?? [])
                b.edge(pid, id, 'prod');
        }
        if (direct)
            b.edge(rootId, id, 'prod');
    }
}
/** The version in a wheel's or sdist's file name at the end of a URL ('' when none). */
function archiveVersion(url) {
    const file = decodeURIComponent(url.replace(/[?#].*$/, '').replace(/.*\//, ''));
    return (/^[^-]+-([^-]+)-.*\.whl$/.exec(file)?.[1] ??
        /^.+?-(\d[^-]*?)\.(?:tar\.gz|tar\.bz2|tar\.xz|zip|tgz)$/.exec(file)?.[1] ??
        '');
}
/**
 * `name[extras] @ https://…/name-1.0.tar.gz#sha256=…`, `name @ git+https://…@ref`, or
 * `-e git+https://…@ref#egg=name`: name, version (the archive's, else the VCS ref), hash.
 * Local paths and `file:` URLs are first-party (undefined).
 */
function directReference(content) {
    let name;
    let url;
    const at = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*@\s*([^\s;]+)/.exec(content);
    if (at) {
        name = at[1];
        url = at[2];
    }
    else {
        const e = /^(?:(?:-e|--editable)(?:\s+|=))?((?:git|hg|svn|bzr)\+\S+)$/.exec(content);
        if (!e)
            return undefined;
        url = e[1];
        name = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(url)?.[1];
        if (!name)
            return undefined;
    }
    if (!/^(https?:|(git|hg|svn|bzr)\+)/.test(url))
        return undefined;
    const vcs = /^(git|hg|svn|bzr)\+/.test(url);
    const fragment = url.includes('#') ? url.slice(url.indexOf('#') + 1) : '';
    const bare = url.replace(/#.*$/, '');
    let version;
    if (vcs) {
        const m = /@([^@/]+)$/.exec(bare.replace(/^[a-z+]+:\/\/[^/]*@/, ''));
        version = m ? m[1] : '';
    }
    else {
        version = archiveVersion(bare);
    }
    const hm = /(?:^|&)(sha256|sha384|sha512|md5)=([0-9a-fA-F]+)/.exec(fragment);
    const hash = (hm ? (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .prefixedHash */ .qO)(`${hm[1]}:${hm[2]}`) : undefined) ??
        (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .prefixedHash */ .qO)(/--hash[=\s]+(\S+)/.exec(content)?.[1]);
    return { name: (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)(name), version, url, vcs, ...(hash ? { hash } : {}) };
}
// ---------------------------------------------------------------- poetry.lock
function fileHashes(files) {
    const out = [];
    for (const f of (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .arr */ .QL)(files)) {
        const h = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .prefixedHash */ .qO)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(f).hash));
        if (h)
            out.push(h);
    }
    return out;
}
function parsePoetryLock(input, b) {
    const d = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .parseTomlFile */ .gm)(input.text, input.file, 'poetry.lock');
    const lockVersion = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(d.metadata)['lock-version']);
    if (lockVersion !== undefined && !/^[12]\./.test(lockVersion)) {
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .unsupported */ .Zq)(input.file, lineOfKey(input.text, 'lock-version'), `unsupported poetry lock-version "${lockVersion}" (supported: 1.x, 2.x)`);
    }
    const { id: rootId, pp } = pythonRoot(input, b);
    const byName = new Map();
    const pkgs = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .arr */ .QL)(d.package);
    const ids = [];
    for (const p of pkgs) {
        const e = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(p);
        const name = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e.name);
        const version = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e.version);
        if (!name || !version) {
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(input.file, lineOfKey(input.text, `name = "${name ?? ''}`), 'poetry.lock: package without name/version');
        }
        const source = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(e.source);
        const stype = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(source.type);
        let id;
        if (stype === 'directory' || stype === 'file') {
            id = b.addLocal(`local:${input.dir}:poetry:${(0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)(name)}`, {
                name,
                version,
                path: (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(source.url) ?? '',
                kind: 'local'
            });
        }
        else {
            const groups = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .arr */ .QL)(e.groups).filter((g) => typeof g === 'string');
            const category = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e.category);
            let scope;
            if (groups.length > 0)
                scope = groups.includes('main') ? 'required' : 'dev';
            else if (category !== undefined)
                scope = category === 'dev' ? 'dev' : 'required';
            if (scope === 'required' && e.optional === true)
                scope = 'optional';
            const hashes = fileHashes(e.files ?? (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(d.metadata).files)[name] ?? []);
            const props = {};
            if (stype)
                props['secure-pipeline:python:source-type'] = stype;
            if ((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(source.url))
                props['secure-pipeline:python:source-url'] = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(source.url);
            id = addPypi(b, (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)(name), version, { hashes, scope, properties: props });
        }
        ids.push(id);
        pushName(byName, (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)(name), id);
    }
    pkgs.forEach((p, i) => {
        const e = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(p);
        for (const [dep, spec] of Object.entries((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(e.dependencies))) {
            const optional = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(spec) && spec.optional === true;
            for (const to of byName.get((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)(dep)) ?? [])
                b.edge(ids[i], to, optional ? 'optional' : 'prod');
        }
    });
    if (!linkDeclared(b, rootId, pp, byName))
        linkUnrequired(b, rootId, pkgs.map(p => (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(p)), ids, byName);
}
/** Without a manifest, packages nothing else depends on are taken as the direct ones. */
function linkUnrequired(b, rootId, entries, ids, byName) {
    const required = new Set();
    for (const e of entries) {
        const deps = e.dependencies;
        if (Array.isArray(deps))
            for (const x of deps)
                required.add((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(x).name) ?? ''));
        else
            for (const n of Object.keys((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(deps)))
                required.add((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)(n));
    }
    entries.forEach((e, i) => {
        const n = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e.name) ?? '');
        if (!required.has(n) && byName.has(n) && !b.isLocal(ids[i]))
            b.edge(rootId, ids[i], 'prod');
    });
}
function lineOfKey(text, needle) {
    const i = text.indexOf(needle);
    return i < 0 ? 1 : (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .lineAt */ .mh)(text, i);
}
// ---------------------------------------------------------------- Pipfile.lock
function parsePipfileLock(input, b) {
    const d = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJson */ .qF)(input.text, input.file, 'Pipfile.lock');
    const spec = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(d._meta)['pipfile-spec'];
    if (spec !== undefined && (typeof spec !== 'number' || spec > 6)) {
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .unsupported */ .Zq)(input.file, lineOfKey(input.text, '"pipfile-spec"'), `unsupported Pipfile.lock pipfile-spec ${JSON.stringify(spec)} (supported: up to 6)`);
    }
    const pipfile = input.readSibling('Pipfile');
    let declared;
    if (pipfile !== undefined) {
        try {
            declared = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .parseTomlFile */ .gm)(pipfile, 'Pipfile', 'Pipfile');
        }
        catch {
            declared = undefined;
        }
    }
    const rootId = b.addLocal(`local:${input.dir}`, {
        name: input.dirName,
        path: input.dir,
        kind: 'root',
        type: 'pypi'
    });
    const byName = new Map();
    const sectionOf = new Map();
    for (const [section, scope] of [
        ['default', 'required'],
        ['develop', 'dev']
    ]) {
        for (const [rawName, v] of Object.entries((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(d[section]))) {
            const e = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(v);
            const name = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)(rawName);
            let version = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e.version)?.replace(/^===?/, '');
            const props = {};
            const vcs = ['git', 'hg', 'svn', 'bzr'].find(k => typeof e[k] === 'string');
            const remoteFile = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e.file) !== undefined && /^https?:\/\//.test((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e.file));
            if (version === undefined && (vcs !== undefined || remoteFile)) {
                // A VCS checkout (version = the locked ref) or a remote archive (its file name's).
                const url = vcs !== undefined ? (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e[vcs]) : (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e.file);
                props['secure-pipeline:python:source-url'] = url;
                if (vcs !== undefined) {
                    props['secure-pipeline:python:source-type'] = vcs;
                    version = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e.ref) ?? '';
                }
                else {
                    version = archiveVersion(url);
                }
            }
            if (version === undefined) {
                if (e.path !== undefined || e.editable === true || e.file !== undefined) {
                    pushName(byName, name, b.addLocal(`local:${input.dir}:pipenv:${name}`, {
                        name,
                        path: (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e.path) ?? '',
                        kind: 'local'
                    }));
                }
                continue;
            }
            const hashes = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .arr */ .QL)(e.hashes)
                .map(h => (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .prefixedHash */ .qO)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(h)))
                .filter((h) => h !== undefined);
            const id = addPypi(b, name, version, { hashes, scope, properties: props });
            pushName(byName, name, id);
            if (!sectionOf.has(id))
                sectionOf.set(id, scope === 'dev' ? 'dev' : 'prod');
        }
    }
    if (declared) {
        for (const [table, kind] of [
            ['packages', 'prod'],
            ['dev-packages', 'dev']
        ]) {
            for (const n of Object.keys((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(declared[table])))
                for (const id of byName.get((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)(n)) ?? [])
                    b.edge(rootId, id, kind);
        }
    }
    else {
        for (const [id, kind] of sectionOf)
            b.edge(rootId, id, kind);
    }
}
// ---------------------------------------------------------------- uv.lock
const EDGE_ORDER = { prod: 0, peer: 0, optional: 1, dev: 2 };
function parseUvLock(input, b) {
    const d = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .parseTomlFile */ .gm)(input.text, input.file, 'uv.lock');
    const version = d.version;
    if (version !== 1) {
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .unsupported */ .Zq)(input.file, lineOfKey(input.text, 'version'), `unsupported uv.lock version ${JSON.stringify(version ?? null)} (supported: 1)`);
    }
    const pkgs = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .arr */ .QL)(d.package).map(p => (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(p));
    const byName = new Map();
    const byNameVersion = new Map();
    const ids = [];
    const pp = readPyProject(input.readSibling('pyproject.toml'));
    for (const e of pkgs) {
        const name = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e.name) ?? '');
        const version = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e.version);
        const source = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(e.source);
        let id;
        const localKey = ['editable', 'virtual', 'workspace', 'directory', 'path'].find(k => k in source);
        if (!name)
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(input.file, undefined, 'uv.lock: package without a name');
        if (localKey !== undefined) {
            const p = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(source[localKey]) ?? '.';
            const full = p === '.' ? input.dir : node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.join(input.dir, p);
            const isRoot = p === '.';
            id = b.addLocal(`local:${full}`, {
                name,
                ...(version !== undefined ? { version } : {}),
                path: full,
                kind: isRoot
                    ? 'root'
                    : localKey === 'path' || localKey === 'directory'
                        ? 'local'
                        : 'workspace',
                type: 'pypi',
                ...(isRoot && pp?.description ? { description: pp.description } : {}),
                ...(isRoot && pp?.license ? { license: pp.license } : {})
            });
        }
        else {
            if (version === undefined)
                throw (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(input.file, lineOfKey(input.text, `name = "${(0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e.name)}"`), `uv.lock: package ${name} has no version`);
            const hashes = [];
            const sd = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .prefixedHash */ .qO)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(e.sdist).hash));
            if (sd)
                hashes.push(sd);
            for (const w of (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .arr */ .QL)(e.wheels)) {
                const h = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .prefixedHash */ .qO)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(w).hash));
                if (h)
                    hashes.push(h);
            }
            const props = {};
            if ((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(source.git))
                props['secure-pipeline:python:source-url'] = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(source.git);
            if ((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(source.url))
                props['secure-pipeline:python:source-url'] = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(source.url);
            id = addPypi(b, name, version, { hashes, properties: props });
        }
        ids.push(id);
        pushName(byName, name, id);
        if (version !== undefined)
            byNameVersion.set(`${name}@${version}`, id);
    }
    const resolve = (dep) => {
        const n = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(dep.name) ?? '');
        const v = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(dep.version);
        if (v !== undefined) {
            const id = byNameVersion.get(`${n}@${v}`);
            if (id)
                return [id];
        }
        return byName.get(n) ?? [];
    };
    // A dependency `{ name = "httpx", extra = ["http2"] }` turns on that extra of its target: what
    // the target lists under `optional-dependencies.http2` is then installed as the requesting
    // edge is (a required `httpx[http2]` makes `h2` required), not as an optional extra. Extras
    // can turn on further extras, so this runs to a fixed point. Extras nothing asks for stay
    // optional edges.
    const activated = ids.map(() => new Map());
    const extraKind = (i, extra) => activated[i].get((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)(extra)) ?? 'optional';
    const indexOf = new Map(ids.map((id, i) => [id, i]));
    const edgesOf = (e, i) => [
        ...(0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .arr */ .QL)(e.dependencies).map((dep) => [(0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(dep), 'prod']),
        ...Object.entries((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(e['optional-dependencies'])).flatMap(([extra, list]) => (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .arr */ .QL)(list).map((dep) => [(0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(dep), extraKind(i, extra)])),
        ...Object.values((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(e['dev-dependencies'])).flatMap(list => (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .arr */ .QL)(list).map((dep) => [(0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(dep), 'dev']))
    ];
    for (let changed = true; changed;) {
        changed = false;
        pkgs.forEach((e, i) => {
            for (const [dep, via] of edgesOf(e, i)) {
                // A package's own dev edges are not followed, so an extra asked for by a dev dependency
                // is a plain edge of its target: the target's dev scope carries over to what it adds.
                const kind = via === 'dev' ? 'prod' : via;
                const extras = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .arr */ .QL)(dep.extra).filter((x) => typeof x === 'string');
                for (const to of extras.length ? resolve(dep) : []) {
                    const j = indexOf.get(to);
                    if (j === undefined)
                        continue;
                    for (const x of extras) {
                        const prev = activated[j].get((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)(x));
                        if (prev === undefined || EDGE_ORDER[kind] < EDGE_ORDER[prev]) {
                            activated[j].set((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)(x), kind);
                            changed = true;
                        }
                    }
                }
            }
        });
    }
    pkgs.forEach((e, i) => {
        for (const [dep, kind] of edgesOf(e, i))
            for (const to of resolve(dep))
                b.edge(ids[i], to, kind);
    });
    if (!b.roots.some(r => b.localInfo(r)?.kind === 'root')) {
        const { id: rootId } = pythonRoot(input, b);
        if (!linkDeclared(b, rootId, pp, byName))
            linkUnrequired(b, rootId, pkgs, ids, byName);
    }
}
// ---------------------------------------------------------------- pylock.toml (PEP 751)
function parsePylock(input, b) {
    const d = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .parseTomlFile */ .gm)(input.text, input.file, 'pylock.toml');
    const lv = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(d['lock-version']);
    if (lv === undefined || !/^1(\.|$)/.test(lv)) {
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .unsupported */ .Zq)(input.file, lineOfKey(input.text, 'lock-version'), `unsupported pylock lock-version ${JSON.stringify(lv ?? null)} (supported: 1.x)`);
    }
    const { id: rootId, pp } = pythonRoot(input, b);
    const defaults = new Set((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .arr */ .QL)(d['default-groups']).filter((g) => typeof g === 'string'));
    const pkgs = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .arr */ .QL)(d.packages).map(p => (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(p));
    const byName = new Map();
    const ids = [];
    const kinds = [];
    for (const e of pkgs) {
        const name = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e.name) ?? '');
        if (!name)
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(input.file, undefined, 'pylock.toml: package without a name');
        let kind = 'prod';
        const version = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e.version);
        let id;
        if ((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(e.directory) || version === undefined) {
            id = b.addLocal(`local:${input.dir}:pylock:${name}`, {
                name,
                path: (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(e.directory).path) ?? '',
                kind: 'local'
            });
        }
        else {
            const hashes = [];
            const take = (h) => {
                for (const [alg, hex] of Object.entries((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(h))) {
                    const hh = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .prefixedHash */ .qO)(`${alg}:${(0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(hex) ?? ''}`);
                    if (hh && !hashes.some(x => x.content === hh.content))
                        hashes.push(hh);
                }
            };
            take((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(e.sdist).hashes);
            take((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(e.archive).hashes);
            for (const w of (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .arr */ .QL)(e.wheels))
                take((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(w).hashes);
            const marker = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e.marker) ?? '';
            let scope;
            const groups = [...marker.matchAll(/'([^']+)'\s+in\s+dependency_groups/g)].map(m => m[1]);
            if (groups.length > 0)
                scope = groups.some(g => defaults.has(g)) ? 'required' : 'dev';
            const extras = /\bin\s+extras\b/.test(marker);
            if (scope === undefined && extras)
                scope = 'optional';
            if (scope === 'dev')
                kind = 'dev';
            else if (scope === 'optional')
                kind = 'optional';
            id = addPypi(b, name, version, { hashes, scope });
        }
        ids.push(id);
        kinds.push(kind);
        pushName(byName, name, id);
    }
    pkgs.forEach((e, i) => {
        for (const dep of (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .arr */ .QL)(e.dependencies)) {
            const n = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(dep).name) ?? '');
            for (const to of byName.get(n) ?? [])
                b.edge(ids[i], to, 'prod');
        }
    });
    if (!linkDeclared(b, rootId, pp, byName)) {
        pkgs.forEach((_, i) => {
            // Without a manifest every package is taken as direct (pylock records no graph unless
            // `dependencies` is present), with the scope its marker states.
            if (!b.isLocal(ids[i]))
                b.edge(rootId, ids[i], kinds[i]);
        });
    }
}
// ---------------------------------------------------------------- pdm.lock
/**
 * PDM's `pdm.lock` (lock_version 3.x/4.x): `[[package]]` with `groups`, PEP 508 `dependencies`
 * strings, `files` hashes (or, before 4.0, `[metadata.files]` keyed "name version"), and `git` /
 * `url` / `path` sources; `name[extra]` entries (older locks) merge into the base package.
 */
function parsePdmLock(input, b) {
    const d = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .parseTomlFile */ .gm)(input.text, input.file, 'pdm.lock');
    const meta = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(d.metadata);
    const lockVersion = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(meta.lock_version);
    if (lockVersion !== undefined && !/^[34]\./.test(lockVersion)) {
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .unsupported */ .Zq)(input.file, lineOfKey(input.text, 'lock_version'), `unsupported pdm lock_version "${lockVersion}" (supported: 3.x, 4.x)`);
    }
    const { id: rootId, pp } = pythonRoot(input, b);
    // Groups other than "default" are extras (optional) when pyproject.toml names them in
    // [project.optional-dependencies]; the rest are development groups.
    const extras = new Set();
    const manifest = input.readSibling('pyproject.toml');
    if (manifest !== undefined) {
        try {
            const t = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .parseTomlFile */ .gm)(manifest, 'pyproject.toml', 'pyproject.toml');
            for (const g of Object.keys((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(t.project)['optional-dependencies'])))
                extras.add(g);
        }
        catch {
            // an unreadable manifest only costs the optional/dev distinction
        }
    }
    const byName = new Map();
    const entries = [];
    const oldFiles = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(meta.files);
    for (const p of (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .arr */ .QL)(d.package)) {
        const e = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .obj */ .WL)(p);
        const rawName = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e.name);
        const version = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e.version);
        if (!rawName || !version)
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(input.file, lineOfKey(input.text, `name = "${rawName ?? ''}`), 'pdm.lock: package without name/version');
        const name = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .pep503 */ .g9)(rawName.replace(/\[.*\]$/, ''));
        let id;
        if ((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e.path) !== undefined || e.editable === true) {
            id = b.addLocal(`local:${input.dir}:pdm:${name}`, {
                name,
                version,
                path: (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e.path) ?? '',
                kind: 'local'
            });
        }
        else {
            const groups = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .arr */ .QL)(e.groups).filter((g) => typeof g === 'string');
            const scope = groups.length === 0
                ? undefined
                : groups.includes('default')
                    ? 'required'
                    : groups.some(g => extras.has(g))
                        ? 'optional'
                        : 'dev';
            const hashes = fileHashes(e.files ?? oldFiles[`${rawName} ${version}`] ?? []);
            const props = {};
            const vcs = ['git', 'hg', 'svn', 'bzr'].find(k => typeof e[k] === 'string');
            if (vcs !== undefined) {
                props['secure-pipeline:python:source-type'] = vcs;
                props['secure-pipeline:python:source-url'] = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e[vcs]);
                const rev = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e.revision);
                if (rev)
                    props['secure-pipeline:python:revision'] = rev;
            }
            else if ((0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e.url) !== undefined) {
                props['secure-pipeline:python:source-url'] = (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(e.url);
            }
            id = addPypi(b, name, version, { hashes, scope, properties: props });
        }
        pushName(byName, name, id);
        // `name[extra]` entries (or `extras = [...]`) hold what the extra adds.
        entries.push({ id, e, name, extra: /\[.*\]$/.test(rawName) || (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .arr */ .QL)(e.extras).length > 0 });
    }
    const required = new Set();
    for (const { id, e, extra } of entries) {
        for (const spec of (0,_util_js__WEBPACK_IMPORTED_MODULE_2__/* .arr */ .QL)(e.dependencies)) {
            const dep = typeof spec === 'string' ? requirementName(spec) : undefined;
            if (dep === undefined)
                continue;
            required.add(dep);
            const optional = extra || (typeof spec === 'string' && /;\s*.*\bextra\s*==/.test(spec));
            for (const to of byName.get(dep) ?? [])
                b.edge(id, to, optional ? 'optional' : 'prod');
        }
    }
    if (!linkDeclared(b, rootId, pp, byName)) {
        for (const { id, name } of entries)
            if (!required.has(name) && !b.isLocal(id))
                b.edge(rootId, id, 'prod');
    }
}


/***/ }),

/***/ 12695:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EV: () => (/* binding */ purl),
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   Ln: () => (/* binding */ npmName),
/* harmony export */   Nt: () => (/* binding */ escapeRegExp),
/* harmony export */   PK: () => (/* binding */ sriHashes),
/* harmony export */   QL: () => (/* binding */ arr),
/* harmony export */   Qm: () => (/* binding */ malformed),
/* harmony export */   WL: () => (/* binding */ obj),
/* harmony export */   Zq: () => (/* binding */ unsupported),
/* harmony export */   cA: () => (/* binding */ lineOf),
/* harmony export */   eP: () => (/* binding */ hexHash),
/* harmony export */   g9: () => (/* binding */ pep503),
/* harmony export */   gI: () => (/* binding */ splitAt),
/* harmony export */   gm: () => (/* binding */ parseTomlFile),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   m1: () => (/* binding */ base64Hash),
/* harmony export */   mh: () => (/* binding */ lineAt),
/* harmony export */   qF: () => (/* binding */ parseJson),
/* harmony export */   qN: () => (/* binding */ repoPath),
/* harmony export */   qO: () => (/* binding */ prefixedHash)
/* harmony export */ });
/* unused harmony export lines */
/* harmony import */ var _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12501);
/* harmony import */ var smol_toml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3292);
/* harmony import */ var packageurl_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(87091);
/* harmony import */ var packageurl_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(packageurl_js__WEBPACK_IMPORTED_MODULE_2__);



/** 1-based line of a character offset. */
function lineAt(text, offset) {
    let line = 1;
    const end = Math.min(offset, text.length);
    for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1))
        line++;
    return line;
}
function lastLine(text) {
    return lineAt(text, text.trimEnd().length);
}
function malformed(file, line, what) {
    return new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('SBOM_MALFORMED_LOCKFILE', `malformed ${what}`, {
        position: { file, ...(line !== undefined ? { line } : {}) }
    });
}
function unsupported(file, line, what) {
    return new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('SBOM_UNSUPPORTED_VERSION', what, {
        position: { file, ...(line !== undefined ? { line } : {}) }
    });
}
/** JSON.parse with the failing line in the error. */
function parseJson(text, file, what) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        let line;
        const lc = /line (\d+) column (\d+)/.exec(msg);
        const pos = /position (\d+)/.exec(msg);
        const at = lc ? undefined : pos ? Number(pos[1]) : undefined;
        const end = text.trimEnd().length;
        if (lc && Number(lc[1]) <= lastLine(text))
            line = Number(lc[1]);
        else if (at !== undefined && at < end)
            line = lineAt(text, at);
        else
            line = lastLine(text);
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('SBOM_MALFORMED_LOCKFILE', `malformed ${what}: ${msg.replace(/^JSON\.parse: /, '')}`, { position: { file, line } });
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw malformed(file, 1, `${what}: expected a JSON object`);
    }
    return value;
}
function parseTomlFile(text, file, what) {
    try {
        return (0,smol_toml__WEBPACK_IMPORTED_MODULE_1__/* .parse */ .qg)(text);
    }
    catch (err) {
        const line = err instanceof smol_toml__WEBPACK_IMPORTED_MODULE_1__/* .TomlError */ .zx ? err.line : lastLine(text);
        const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('SBOM_MALFORMED_LOCKFILE', `malformed ${what}: ${msg}`, {
            position: { file, line }
        });
    }
}
function isObject(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}
function str(v) {
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}
function obj(v) {
    return isObject(v) ? v : {};
}
function arr(v) {
    return Array.isArray(v) ? v : [];
}
function purl(type, namespace, name, version, qualifiers, subpath) {
    return new packageurl_js__WEBPACK_IMPORTED_MODULE_2__.PackageURL(type, namespace || undefined, name, version || undefined, qualifiers && Object.keys(qualifiers).length > 0 ? qualifiers : undefined, subpath || undefined).toString();
}
/** PEP 503 normalised Python distribution name. */
function pep503(name) {
    return name.replace(/[-_.]+/g, '-').toLowerCase();
}
/** Splits `@scope/name@1.2.3` / `name@1` at the first '@' after index 0. */
function splitAt(spec) {
    const i = spec.indexOf('@', 1);
    return i < 0 ? [spec, undefined] : [spec.slice(0, i), spec.slice(i + 1)];
}
/** npm-style name → purl namespace + name. */
function npmName(full) {
    if (full.startsWith('@')) {
        const slash = full.indexOf('/');
        if (slash > 0)
            return { namespace: full.slice(0, slash), name: full.slice(slash + 1) };
    }
    return { name: full };
}
const SRI_ALGS = {
    sha1: 'SHA-1',
    sha256: 'SHA-256',
    sha384: 'SHA-384',
    sha512: 'SHA-512',
    md5: 'MD5'
};
const HEX_LEN = {
    MD5: 32,
    'SHA-1': 40,
    'SHA-256': 64,
    'SHA-384': 96,
    'SHA-512': 128
};
/** Subresource-integrity string(s) (`sha512-<base64> sha1-<base64>`) → hex hashes. */
function sriHashes(integrity) {
    if (!integrity)
        return [];
    const out = [];
    for (const part of integrity.split(/\s+/)) {
        const dash = part.indexOf('-');
        if (dash < 0)
            continue;
        const alg = SRI_ALGS[part.slice(0, dash).toLowerCase()];
        if (!alg)
            continue;
        const hex = Buffer.from(part.slice(dash + 1), 'base64').toString('hex');
        if (hex.length === HEX_LEN[alg])
            out.push({ alg, content: hex });
    }
    return out;
}
/** `sha256:<hex>` / `sha256=<hex>` style → hash, if well formed. */
function prefixedHash(value) {
    if (!value)
        return undefined;
    const m = /^(sha1|sha256|sha384|sha512|md5)[:=]([0-9a-fA-F]+)$/.exec(value.trim());
    if (!m)
        return undefined;
    return hexHash(SRI_ALGS[m[1].toLowerCase()], m[2]);
}
function hexHash(alg, hex) {
    if (!hex)
        return undefined;
    const h = hex.toLowerCase();
    return h.length === HEX_LEN[alg] && /^[0-9a-f]+$/.test(h) ? { alg, content: h } : undefined;
}
function base64Hash(alg, b64) {
    if (!b64)
        return undefined;
    const hex = Buffer.from(b64, 'base64').toString('hex');
    return hex.length === HEX_LEN[alg] ? { alg, content: hex } : undefined;
}
/** Splits text into lines without a regex per line. */
function lines(text) {
    const out = text.split('\n');
    for (let i = 0; i < out.length; i++) {
        const l = out[i];
        if (l.endsWith('\r'))
            out[i] = l.slice(0, -1);
    }
    return out;
}
/** 1-based line of the first occurrence of `needle` (a string or a pattern), else 1. */
function lineOf(text, needle) {
    const i = typeof needle === 'string' ? text.indexOf(needle) : text.search(needle);
    return i < 0 ? 1 : lineAt(text, i);
}
/** Escapes a string for use inside a RegExp. */
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * Host and path of a repository URL (`https://github.com/o/r.git`, `git@github.com:o/r`,
 * `ssh://git@host:22/o/r`) as `{ host, path }` without `.git` or a trailing slash.
 */
function repoPath(url) {
    const u = url.trim();
    if (!u.includes('://')) {
        const scp = /^(?:[^@/:]+@)?([^/:]+):\/?(.+)$/.exec(u);
        if (!scp)
            return undefined;
        const rest = scp[2].replace(/\/+$/, '').replace(/\.git$/, '');
        return rest ? { host: scp[1].toLowerCase(), path: rest } : undefined;
    }
    try {
        const p = new URL(u.replace(/^git\+/, ''));
        if (!p.hostname)
            return undefined;
        const rest = decodeURIComponent(p.pathname)
            .replace(/^\/+/, '')
            .replace(/\/+$/, '')
            .replace(/\.git$/, '');
        return rest ? { host: p.hostname.toLowerCase(), path: rest } : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ })

};
