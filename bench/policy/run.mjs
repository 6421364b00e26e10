#!/usr/bin/env node
// npm run bench:policy — bundles bench/policy/bench.ts with ncc into .bench/policy (the engines are
// TypeScript sources) and runs it.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')
const require = createRequire(import.meta.url)
const ncc = path.join(
  path.dirname(require.resolve('@vercel/ncc/package.json')),
  'dist',
  'ncc',
  'cli.js'
)
const out = path.join(root, '.bench', 'policy')
const build = spawnSync(
  process.execPath,
  [
    ncc,
    'build',
    path.join(root, 'bench/policy/bench.ts'),
    '-o',
    out,
    '--quiet',
    '--transpile-only',
    '--target',
    'es2023'
  ],
  { cwd: root, stdio: 'inherit' }
)
if (build.status !== 0) process.exit(build.status ?? 1)
const run = spawnSync(process.execPath, [path.join(out, 'index.js')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env
})
process.exit(run.status ?? 1)
