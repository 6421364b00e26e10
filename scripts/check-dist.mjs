#!/usr/bin/env node
// Rebuilds every bundle into a scratch directory and fails when the committed dist/ differs:
// a source change that was not rebuilt must not land.
// Usage: node scripts/check-dist.mjs [--root DIR]
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { root: { type: 'string' } } })
const root = path.resolve(values.root ?? path.join(import.meta.dirname, '..'))
const scratch = mkdtempSync(path.join(os.tmpdir(), 'check-dist-'))

function listFiles(dir, base = dir) {
  if (!existsSync(dir)) return []
  const out = []
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name)
    if (statSync(p).isDirectory()) out.push(...listFiles(p, base))
    else out.push(path.relative(base, p))
  }
  return out
}

try {
  const build = spawnSync(
    process.execPath,
    [path.join(import.meta.dirname, 'build.mjs'), '--root', root, '--out', scratch],
    {
      stdio: ['ignore', 'ignore', 'inherit']
    }
  )
  if (build.status !== 0) {
    console.error('check-dist: the build failed')
    process.exit(1)
  }
  const fresh = listFiles(scratch)
  const committed = listFiles(path.join(root, 'dist'))
  const problems = []
  for (const f of fresh) {
    const a = path.join(scratch, f)
    const b = path.join(root, 'dist', f)
    if (!existsSync(b)) problems.push(`missing from dist/: ${f}`)
    else if (!readFileSync(a).equals(readFileSync(b))) problems.push(`stale: dist/${f}`)
  }
  for (const f of committed)
    if (!fresh.includes(f)) problems.push(`not produced by the build: dist/${f}`)
  if (problems.length > 0) {
    console.error(problems.join('\n'))
    console.error('check-dist: dist/ is out of date; run `npm run build` and commit the result')
    process.exit(1)
  }
  console.log(`check-dist: ${fresh.length} files in dist/ are up to date`)
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
