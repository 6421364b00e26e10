#!/usr/bin/env node
// npm run bench:sigstore — installs the peer (@sigstore/cli, with the sigstore-js stack it ships)
// into .bench/peers when missing, then runs bench.ts from source (Node type stripping + the
// repo's .js→.ts resolve hook).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')
const peers = path.join(root, '.bench', 'peers')
if (!existsSync(path.join(peers, 'node_modules', '@sigstore', 'cli', 'package.json'))) {
  console.log('installing @sigstore/cli into .bench/peers ...')
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const r = spawnSync(
    npm,
    ['install', '--prefix', peers, '--no-audit', '--no-fund', '@sigstore/cli'],
    {
      stdio: 'inherit'
    }
  )
  if (r.status !== 0) process.exit(r.status ?? 1)
}
const run = spawnSync(
  process.execPath,
  [
    '--no-warnings',
    '--import',
    path.join(root, 'scripts/ts-register.mjs'),
    path.join(import.meta.dirname, 'bench.ts'),
    ...process.argv.slice(2)
  ],
  { cwd: root, stdio: 'inherit', env: process.env }
)
process.exit(run.status ?? 1)
