#!/usr/bin/env node
// Bundles every action and the CLI with ncc into <out>/<name>/index.js (+ licenses.txt).
// Usage: node scripts/build.mjs [--root DIR] [--out DIR] [NAME...]
// Output is deterministic, so CI can diff it against the committed dist/. Type checking is
// `npm run typecheck`'s job; ncc only transpiles (its ts-loader would otherwise check the whole
// program and re-apply its own module settings).
import { spawn } from 'node:child_process'
import { mkdir, rm, readFile, writeFile, chmod } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { bundleTargets } from './targets.mjs'

const require = createRequire(import.meta.url)
const nccBin = path.join(
  path.dirname(require.resolve('@vercel/ncc/package.json')),
  'dist',
  'ncc',
  'cli.js'
)

const { values, positionals } = parseArgs({
  options: { root: { type: 'string' }, out: { type: 'string' } },
  allowPositionals: true
})
const root = path.resolve(values.root ?? path.join(import.meta.dirname, '..'))
const out = path.resolve(values.out ?? path.join(root, 'dist'))

let targets = bundleTargets(root)
if (positionals.length > 0) {
  const unknown = positionals.filter(n => !targets.some(t => t.name === n))
  if (unknown.length > 0) {
    console.error(
      `build: unknown bundle(s): ${unknown.join(', ')}; known: ${targets.map(t => t.name).join(', ')}`
    )
    process.exit(2)
  }
  targets = targets.filter(t => positionals.includes(t.name))
}

function ncc(entry, outDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        nccBin,
        'build',
        entry,
        '-o',
        outDir,
        '--license',
        'licenses.txt',
        '--quiet',
        '--transpile-only',
        '--target',
        'es2023'
      ],
      {
        cwd: root,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, NODE_OPTIONS: '' }
      }
    )
    child.on('error', reject)
    child.on('close', code =>
      code === 0 ? resolve() : reject(new Error(`ncc failed for ${entry} (exit ${code})`))
    )
  })
}

async function buildOne(t) {
  const dir = path.join(out, t.name)
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  await ncc(t.entry, dir)
  const index = path.join(dir, 'index.js')
  if (t.name === 'cli') {
    let code = await readFile(index, 'utf8')
    if (!code.startsWith('#!')) code = '#!/usr/bin/env node\n' + code
    await writeFile(index, code)
    await chmod(index, 0o755)
  }
  console.log(`built ${path.relative(root, index)}`)
}

// Two at a time: ncc is CPU-bound and the machines have two cores.
const queue = [...targets]
const workers = Array.from({ length: Math.min(2, os.availableParallelism()) }, async () => {
  for (let t = queue.shift(); t; t = queue.shift()) await buildOne(t)
})
try {
  await Promise.all(workers)
} catch (err) {
  console.error(`build: ${err.message}`)
  process.exit(1)
}
