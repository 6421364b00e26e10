import type { ParseInput } from './types.js'

/**
 * Expands workspace patterns (`packages/*`, `apps/**`, `tools/cli`, `!excluded`) to member
 * directories (relative to the lockfile's directory) that contain a package.json.
 */
export function expandWorkspaces(input: ParseInput, patterns: readonly string[]): string[] {
  const found = new Set<string>()
  const negated: RegExp[] = []
  for (const raw of patterns) {
    if (raw.startsWith('!')) {
      negated.push(globToRegExp(clean(raw.slice(1))))
      continue
    }
    for (const dir of expand(input, clean(raw).split('/'), '')) {
      if (input.exists(`${dir}/package.json`)) found.add(dir)
    }
  }
  return [...found].filter(d => !negated.some(re => re.test(d))).sort()
}

function clean(p: string): string {
  return p.replace(/^\.\//, '').replace(/\/+$/, '')
}

function globToRegExp(glob: string): RegExp {
  let re = ''
  for (const part of glob.split('/')) {
    if (re) re += '/'
    if (part === '**') re += '.*'
    else
      re += part
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')
  }
  return new RegExp(`^${re.replace(/\/\.\*$/, '(/.*)?')}$`)
}

function expand(input: ParseInput, parts: string[], base: string, depth = 0): string[] {
  if (parts.length === 0) return base ? [base] : []
  if (depth > 8) return []
  const [head, ...rest] = parts as [string, ...string[]]
  const join = (name: string): string => (base ? `${base}/${name}` : name)
  if (head === '**') {
    const out = expand(input, rest, base, depth + 1)
    for (const name of input.listDirs(base || '.')) {
      if (name === 'node_modules' || name.startsWith('.')) continue
      out.push(...expand(input, parts, join(name), depth + 1))
    }
    return out
  }
  if (!/[*?[]/.test(head)) return expand(input, rest, join(head), depth + 1)
  const re = globToRegExp(head)
  const out: string[] = []
  for (const name of input.listDirs(base || '.')) {
    if (name === 'node_modules' || !re.test(name)) continue
    out.push(...expand(input, rest, join(name), depth + 1))
  }
  return out
}
