/**
 * BEAM ecosystems: Elixir `mix.lock` and Erlang `rebar.lock`, both Hex (`pkg:hex`) packages.
 *
 * mix.lock is an Elixir map `%{"app": {:hex, :package, "version", "inner checksum", [managers],
 * [deps], "repo", "outer checksum"}, "app2": {:git, "url", "sha", [opts]}}`; each hex dep is
 * `{:app, "requirement", [hex: :package, repo: "hexpm", optional: bool]}`. The lock has no
 * notion of the project's own declarations: `mix.exs` (and umbrella `apps/*\/mix.exs`) give the
 * direct dependencies and their `only:` environments; without it, packages nothing depends on
 * are the direct ones.
 *
 * rebar.lock is `{"1.2.0", [{<<"app">>, {pkg, <<"package">>, <<"version">>}, Level}, …]}.`
 * followed by `[{pkg_hash, […]}, {pkg_hash_ext, […]}].` (older files: the list alone). Level 0 is
 * a direct dependency; the lock records no edges.
 */
import type { EdgeKind, GraphBuilder, Hash } from '../model.js'
import type { ParseInput } from './types.js'
import { hexHash, purl, unsupported } from '../util.js'
import { TermReader, atom, keywords, text, type Term } from './terms.js'

function hexPurl(
  pkg: string,
  version: string,
  repo: string | undefined
): {
  namespace?: string
  name: string
  purl: string
  properties?: Record<string, string>
} {
  const name = pkg.toLowerCase()
  // `hexpm:org` is a private organisation on hex.pm: the purl namespace.
  const org = repo?.startsWith('hexpm:') ? repo.slice(6).toLowerCase() : undefined
  const other = repo && repo !== 'hexpm' && !org ? repo : undefined
  return {
    ...(org ? { namespace: org } : {}),
    name,
    purl: purl('hex', org, name, version),
    ...(other ? { properties: { 'secure-pipeline:hex:repo': other } } : {})
  }
}

interface MixDecl {
  kind: EdgeKind
}

/** Dependencies declared in mix.exs `deps` (a literal-ish scan: `{:name, …, only: …}`). */
function mixDeclarations(input: ParseInput): Map<string, MixDecl> | undefined {
  const root = input.readSibling('mix.exs')
  if (root === undefined) return undefined
  const texts = [root]
  const apps = /\bapps_path\s*:\s*"([^"]+)"/.exec(root)?.[1]
  if (apps) {
    for (const dir of input.listDirs(apps)) {
      const t = input.readSibling(`${apps}/${dir}/mix.exs`)
      if (t !== undefined) texts.push(t)
    }
  }
  const out = new Map<string, MixDecl>()
  for (const t of texts) {
    const code = t.replace(/#[^\n]*/g, '')
    for (const m of code.matchAll(/\{\s*:([a-z_][a-z0-9_]*)\s*,([^{}]*(?:\[[^\]]*\])?[^{}]*)\}/g)) {
      const name = m[1]
      const opts = m[2]
      if (/\bin_umbrella\s*:\s*true/.test(opts)) continue
      // Only entries that look like dependencies: a requirement string or dependency options.
      if (
        !/^\s*"|\b(git|github|path|hex|only|optional|runtime|override|organization|repo)\s*:/.test(
          opts
        )
      )
        continue
      const only = /\bonly\s*:\s*(\[[^\]]*\]|:[a-z_]+)/.exec(opts)?.[1]
      const dev = only !== undefined && !/:prod\b/.test(only)
      const optional = /\boptional\s*:\s*true/.test(opts)
      const kind: EdgeKind = dev ? 'dev' : optional ? 'optional' : 'prod'
      const prev = out.get(name)
      if (!prev || (prev.kind !== 'prod' && kind === 'prod')) out.set(name, { kind })
    }
  }
  return out
}

export function parseMixLock(input: ParseInput, b: GraphBuilder): void {
  const r: TermReader = new TermReader(input.text, input.file, 'mix.lock', 'elixir')
  if (r.atEnd()) return void addMixRoot(input, b)
  const top = r.read()
  if (top.t !== 'map') r.fail('expected a map %{…}', top.line)
  if (!r.atEnd()) r.fail('unexpected text after the map')
  const rootId = addMixRoot(input, b)
  const ids = new Map<string, string>()
  const deps: [string, Term][] = []
  for (const [k, v] of top.entries) {
    const app = text(k) ?? atom(k)
    if (app === undefined) r.fail('map key is not a string', k.line)
    if (v.t !== 'tuple' || v.items.length < 2) r.fail(`entry "${app}" is not a tuple`, v.line)
    const kind = atom(v.items[0])
    if (kind === 'hex') {
      const pkg = atom(v.items[1])
      const version = text(v.items[2])
      if (!pkg || !version) r.fail(`hex entry "${app}" without package/version`, v.line)
      const repo = text(v.items[6])
      const outer = hexHash('SHA-256', text(v.items[7]))
      const inner = text(v.items[3])
      const p = hexPurl(pkg, version, repo)
      const props = { ...p.properties }
      if (inner) props['secure-pipeline:hex:inner-checksum'] = inner.toLowerCase()
      if (pkg !== app) props['secure-pipeline:hex:app'] = app
      ids.set(
        app,
        b.addPackage({
          type: 'hex',
          ...(p.namespace ? { namespace: p.namespace } : {}),
          name: p.name,
          version,
          purl: p.purl,
          ...(outer ? { hashes: [outer] as Hash[] } : {}),
          ...(Object.keys(props).length ? { properties: props } : {})
        })
      )
      if (v.items[5]) deps.push([app, v.items[5]])
    } else if (kind === 'git') {
      const url = text(v.items[1])
      const rev = text(v.items[2])
      if (!url || !rev) r.fail(`git entry "${app}" without url/revision`, v.line)
      const props: Record<string, string> = { 'secure-pipeline:hex:git': url }
      for (const [key, val] of keywords(v.items[3])) {
        const s = text(val)
        if (s !== undefined && ['branch', 'tag', 'ref', 'sparse'].includes(key))
          props[`secure-pipeline:hex:git-${key}`] = s
      }
      const name = app.toLowerCase()
      ids.set(
        app,
        b.addPackage({
          type: 'hex',
          name,
          version: rev,
          purl: purl('hex', undefined, name, rev),
          properties: props
        })
      )
    } else if (kind === 'path') {
      ids.set(
        app,
        b.addLocal(`local:${input.dir}:mix:${app}`, {
          name: app,
          path: text(v.items[1]) ?? '',
          kind: 'local'
        })
      )
    } else {
      r.fail(`entry "${app}" has unknown kind ${JSON.stringify(kind ?? v.items[0].t)}`, v.line)
    }
  }
  const depended = new Set<string>()
  for (const [app, list] of deps) {
    if (list.t !== 'list') r.fail(`dependencies of "${app}" are not a list`, list.line)
    for (const dep of list.items) {
      if (dep.t !== 'tuple') r.fail(`bad dependency of "${app}"`, dep.line)
      const name = atom(dep.items[0])
      if (!name) r.fail(`bad dependency of "${app}"`, dep.line)
      const opts = keywords(dep.items[2])
      const to = ids.get(name)
      if (!to) continue
      depended.add(name)
      b.edge(ids.get(app)!, to, atom(opts.get('optional')) === 'true' ? 'optional' : 'prod')
    }
  }
  const declared = mixDeclarations(input)
  if (declared) {
    for (const [name, d] of declared) {
      const to = ids.get(name)
      if (to) b.edge(rootId, to, d.kind)
    }
  } else {
    for (const [app, id] of ids) if (!depended.has(app)) b.edge(rootId, id, 'prod')
  }
}

function addMixRoot(input: ParseInput, b: GraphBuilder): string {
  const mix = input.readSibling('mix.exs')
  const app = mix ? /\bapp\s*:\s*:([a-z_][a-z0-9_]*)/.exec(mix)?.[1] : undefined
  const version = mix ? /\bversion\s*:\s*"([^"]+)"/.exec(mix)?.[1] : undefined
  return b.addLocal(`local:${input.dir}`, {
    name: app ?? input.dirName,
    ...(version ? { version } : {}),
    path: input.dir,
    kind: 'root',
    type: 'hex'
  })
}

// ---------------------------------------------------------------- rebar.lock

export function parseRebarLock(input: ParseInput, b: GraphBuilder): void {
  const r: TermReader = new TermReader(input.text, input.file, 'rebar.lock', 'erlang')
  const rootId = b.addLocal(`local:${input.dir}`, {
    name: input.dirName,
    path: input.dir,
    kind: 'root',
    type: 'hex'
  })
  if (r.atEnd()) return
  const first = r.read()
  r.expect('.')
  let list: Term
  if (first.t === 'tuple') {
    const v = text(first.items[0])
    if (v === undefined || first.items[1]?.t !== 'list')
      r.fail('expected {"version", [...]}', first.line)
    if (!/^1\.\d+\.\d+$/.test(v))
      throw unsupported(
        input.file,
        first.line,
        `unsupported rebar.lock version "${v}" (supported: 1.x)`
      )
    list = first.items[1]
  } else if (first.t === 'list') list = first
  else return r.fail('expected a list of locks', first.line)
  const hashes = new Map<string, string>()
  if (!r.atEnd()) {
    const meta = r.read()
    r.expect('.')
    if (meta.t !== 'list') r.fail('expected the hash list', meta.line)
    for (const [key, val] of keywords(meta)) {
      if (key !== 'pkg_hash_ext' || val.t !== 'list') continue
      for (const e of val.items) {
        if (e.t === 'tuple' && text(e.items[0]) && text(e.items[1]))
          hashes.set(text(e.items[0])!, text(e.items[1])!)
      }
    }
    if (!r.atEnd()) r.fail('unexpected text after the lock')
  }
  if (list.t !== 'list') return
  for (const e of list.items) {
    if (e.t !== 'tuple' || e.items.length < 3)
      r.fail('lock entry is not {Name, Source, Level}', e.line)
    const app = text(e.items[0]) ?? atom(e.items[0])
    const src = e.items[1]
    const level = e.items[2]
    if (!app || src.t !== 'tuple' || level.t !== 'num')
      r.fail('lock entry is not {Name, Source, Level}', e.line)
    const kind = atom(src.items[0])
    let id: string
    if (kind === 'pkg') {
      const pkg = text(src.items[1]) ?? app
      const version = text(src.items[2])
      if (!version) r.fail(`package "${app}" without version`, src.line)
      const p = hexPurl(pkg, version, text(src.items[3]))
      const h = hexHash('SHA-256', hashes.get(app))
      const props = { ...p.properties }
      if (pkg !== app) props['secure-pipeline:hex:app'] = app
      id = b.addPackage({
        type: 'hex',
        ...(p.namespace ? { namespace: p.namespace } : {}),
        name: p.name,
        version,
        purl: p.purl,
        ...(h ? { hashes: [h] } : {}),
        ...(Object.keys(props).length ? { properties: props } : {})
      })
    } else if (kind === 'git' || kind === 'git_subdir') {
      const url = text(src.items[1])
      const ref = src.items[2]
      const rev = ref?.t === 'tuple' ? text(ref.items[1]) : undefined
      if (!url || !rev) r.fail(`git dependency "${app}" without url/ref`, src.line)
      const name = app.toLowerCase()
      id = b.addPackage({
        type: 'hex',
        name,
        version: rev,
        purl: purl('hex', undefined, name, rev),
        properties: {
          'secure-pipeline:hex:git': url,
          [`secure-pipeline:hex:git-${atom(ref?.t === 'tuple' ? ref.items[0] : undefined) ?? 'ref'}`]:
            rev
        }
      })
    } else {
      return r.fail(
        `dependency "${app}" has unknown source ${JSON.stringify(kind ?? src.t)}`,
        src.line
      )
    }
    // Level 0 is declared by the project; deeper levels were pulled in by something (not recorded).
    if (level.v === 0) b.edge(rootId, id, 'prod')
  }
}
