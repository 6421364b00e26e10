/**
 * Haskell: `cabal.project.freeze` (a cabal project file whose `constraints:` field pins every
 * package `any.name ==version`; flag constraints `name +flag -flag` are not packages; `setup.`
 * qualified ones are build-time) and Stack's `stack.yaml.lock` (`packages[].completed`: the
 * extra-deps the project declares, hackage `name-version@sha256:…,size` or git `{git, commit,
 * name, version}`; snapshot packages are not listed, only the snapshot).
 */
import type { GraphBuilder, Hash } from '../model.js'
import type { ParseInput } from './types.js'
import { arr, hexHash, isObject, lineOf, malformed, obj, purl, str } from '../util.js'
import { parseYaml } from '../yaml.js'

function hackage(name: string, version: string | undefined): string {
  return purl('hackage', undefined, name, version)
}

export function parseCabalFreeze(input: ParseInput, b: GraphBuilder): void {
  b.addLocal(`local:${input.dir}`, {
    name: input.dirName,
    path: input.dir,
    kind: 'root',
    type: 'hackage'
  })
  const lines = input.text.split('\n')
  // Gather the `constraints:` field with its indented continuation lines.
  const items: { text: string; line: number }[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '').replace(/--.*$/, '')
    const m = /^constraints\s*:(.*)$/i.exec(line)
    if (!m) continue
    const parts: { text: string; line: number }[] = [{ text: m[1], line: i + 1 }]
    while (i + 1 < lines.length && /^\s+\S/.test(lines[i + 1].replace(/--.*$/, ''))) {
      i++
      parts.push({ text: lines[i].replace(/\r$/, '').replace(/--.*$/, ''), line: i + 1 })
    }
    for (const p of parts)
      for (const c of p.text.split(',')) if (c.trim()) items.push({ text: c.trim(), line: p.line })
  }
  for (const { text, line } of items) {
    // [qualifier.]name followed by a version constraint, `installed`, `source`, or flags.
    const m =
      /^((?:[A-Za-z0-9-]+:)?(?:any|setup|exe|[A-Za-z0-9-]+:setup|[A-Za-z0-9-]+:exe)\.)?([A-Za-z0-9][A-Za-z0-9-]*)\s*(.*)$/.exec(
        text
      )
    if (!m)
      throw malformed(input.file, line, `cabal.project.freeze: cannot read constraint "${text}"`)
    const qualifier = m[1] ?? ''
    const name = m[2]
    const rest = m[3].trim()
    if (/^[+-]/.test(rest) || rest === 'installed' || rest === 'source' || rest === '') continue
    const v = /^==\s*([0-9][0-9.]*)$/.exec(rest)
    if (!v) {
      // A range is a constraint, not a pin: nothing resolved to report.
      if (/^(?:[<>]=?|==|\^>=)\s*\d/.test(rest)) continue
      throw malformed(input.file, line, `cabal.project.freeze: cannot read constraint "${text}"`)
    }
    const buildTime = /setup\.$|exe\.$/.test(qualifier)
    // The freeze file pins the whole build plan and does not say which packages the project's
    // .cabal files name, so no package is claimed as direct.
    b.addPackage({
      type: 'hackage',
      name,
      version: v[1],
      purl: hackage(name, v[1]),
      ...(buildTime ? { scopeHint: 'dev' as const } : {})
    })
  }
}

/** `name-1.2.3@sha256:…,123` / `name-1.2.3@rev:0` → name, version, cabal-file hash. */
function hackageRef(s: string): { name: string; version: string; cabalHash?: string } | undefined {
  const m =
    /^([A-Za-z0-9][A-Za-z0-9-]*?)-([0-9][0-9.]*)(?:@(?:sha256:([0-9a-f]{64})(?:,\d+)?|rev:\d+))?$/.exec(
      s.trim()
    )
  if (!m) return undefined
  return { name: m[1], version: m[2], ...(m[3] ? { cabalHash: m[3] } : {}) }
}

export function parseStackLock(input: ParseInput, b: GraphBuilder): void {
  const d = parseYaml(input.text, input.file, 'stack.yaml.lock')
  const rootId = b.addLocal(`local:${input.dir}`, {
    name: input.dirName,
    path: input.dir,
    kind: 'root',
    type: 'hackage'
  })
  const pkgs = d.packages
  if (pkgs !== undefined && pkgs !== null && !Array.isArray(pkgs))
    throw malformed(
      input.file,
      lineOf(input.text, /^packages:/m),
      'stack.yaml.lock: "packages" is not a list'
    )
  arr(pkgs).forEach((raw, i) => {
    const e = obj(raw)
    const completed = e.completed
    const at = (): number => {
      let seen = -1
      const ls = input.text.split('\n')
      for (let k = 0; k < ls.length; k++) if (/^- /.test(ls[k]) && ++seen === i) return k + 1
      return lineOf(input.text, /^packages:/m)
    }
    if (!isObject(completed))
      throw malformed(input.file, at(), 'stack.yaml.lock: package without "completed"')
    const props: Record<string, string> = {}
    const hashes: Hash[] = []
    let name: string | undefined
    let version: string | undefined
    const hk = str(completed.hackage)
    if (hk !== undefined) {
      const r = hackageRef(hk)
      if (!r) throw malformed(input.file, at(), `stack.yaml.lock: cannot read hackage "${hk}"`)
      name = r.name
      version = r.version
      if (r.cabalHash) props['secure-pipeline:hackage:cabal-sha256'] = r.cabalHash
    } else {
      name = str(completed.name)
      version = str(completed.version)
      const repo = str(completed.git) ?? str(completed.hg)
      const url = str(completed.url)
      if (repo) props['secure-pipeline:hackage:vcs'] = repo
      if (str(completed.commit)) props['secure-pipeline:hackage:commit'] = str(completed.commit)!
      if (url) props['secure-pipeline:hackage:archive'] = url
      const h = url ? hexHash('SHA-256', str(completed.sha256)) : undefined
      if (h) hashes.push(h)
      if (str(completed.subdir)) props['secure-pipeline:hackage:subdir'] = str(completed.subdir)!
      if (!name || !version)
        throw malformed(input.file, at(), 'stack.yaml.lock: package without name/version')
    }
    const id = b.addPackage({
      type: 'hackage',
      name,
      version,
      purl: hackage(name, version),
      ...(hashes.length ? { hashes } : {}),
      ...(Object.keys(props).length ? { properties: props } : {})
    })
    // Every locked package is an extra-dep the project's stack.yaml declares.
    b.edge(rootId, id, 'prod')
  })
}
