// Runs every sigstore-conformance verification case in ../shared/conformance/sigstore through the
// conformance client (bin/sigstore-conformance), in PATH and DIGEST mode, as the upstream suite does.
// Prints one line per unexpected result, then `N passed, N failed`. Exits 1 when a run gives an
// unexpected outcome that is not listed (with its reason) in conformance-exceptions.json.
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const pkg = path.resolve(here, '../..')
const repoRoot = path.resolve(pkg, '../..')
const shared = process.env.SECURE_PIPELINE_SHARED ?? path.resolve(repoRoot, '../shared')
const casesRoot = path.join(shared, 'conformance/sigstore/test/assets/bundle-verify')
const client = path.join(pkg, 'bin/sigstore-conformance')

const DEFAULT_IDENTITY =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main'
const DEFAULT_ISSUER = 'https://token.actions.githubusercontent.com'

interface Exception {
  case: string
  mode: 'path' | 'digest' | 'both'
  reason: string
}

if (!fs.existsSync(casesRoot)) {
  console.log(`sigstore conformance: ${casesRoot} not found (set SECURE_PIPELINE_SHARED); skipped`)
  process.exit(0)
}

const exceptions = JSON.parse(
  fs.readFileSync(path.join(pkg, 'conformance-exceptions.json'), 'utf8')
) as { exceptions: Exception[] }

function readOpt(file: string): string | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : undefined
}

interface Run {
  name: string
  mode: 'path' | 'digest'
  expected: 'pass' | 'fail'
  args: string[]
}

const runs: Run[] = []
for (const name of fs.readdirSync(casesRoot).sort()) {
  const dir = path.join(casesRoot, name)
  if (!fs.statSync(dir).isDirectory()) continue
  const bundle = path.join(dir, 'bundle.sigstore.json')
  const artifact = fs.existsSync(path.join(dir, 'artifact'))
    ? path.join(dir, 'artifact')
    : path.join(casesRoot, 'a.txt')
  const key = path.join(dir, 'key.pub')
  const trustedRoot = path.join(dir, 'trusted_root.json')
  const material = fs.existsSync(key)
    ? ['--key', key]
    : [
        '--certificate-identity',
        readOpt(path.join(dir, 'identity')) ?? DEFAULT_IDENTITY,
        '--certificate-oidc-issuer',
        readOpt(path.join(dir, 'issuer')) ?? DEFAULT_ISSUER
      ]
  const root = fs.existsSync(trustedRoot) ? ['--trusted-root', trustedRoot] : []
  const digest = `sha256:${crypto.createHash('sha256').update(fs.readFileSync(artifact)).digest('hex')}`
  const expected = name.endsWith('_fail') ? 'fail' : 'pass'
  for (const [mode, target] of [
    ['path', artifact],
    ['digest', digest]
  ] as const) {
    runs.push({
      name,
      mode,
      expected,
      args: ['verify-bundle', '--bundle', bundle, ...material, ...root, target]
    })
  }
}

function exec(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise(resolve => {
    const child = spawn(client, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NODE: process.execPath }
    })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('close', code => resolve({ code: code ?? 1, stderr }))
  })
}

let passed = 0
let failed = 0
const unexpected: string[] = []
const excused: string[] = []
let next = 0
async function worker(): Promise<void> {
  while (next < runs.length) {
    const run = runs[next++]
    if (!run) break
    const { code, stderr } = await exec(run.args)
    const outcome = code === 0 ? 'pass' : 'fail'
    if (outcome === run.expected) {
      passed++
      continue
    }
    failed++
    const ex = exceptions.exceptions.find(
      e => e.case === run.name && (e.mode === 'both' || e.mode === run.mode)
    )
    const line = `${run.name} [${run.mode}]: expected ${run.expected}, got ${outcome}${stderr ? ` (${stderr.trim().split('\n')[0]})` : ''}`
    if (ex) excused.push(`${line}\n    documented exception: ${ex.reason}`)
    else unexpected.push(line)
  }
}
const concurrency = Math.max(1, Math.min(8, os.availableParallelism()))
await Promise.all(Array.from({ length: concurrency }, () => worker()))

for (const line of excused.sort()) console.log(`EXCEPTION ${line}`)
for (const line of unexpected.sort()) console.log(`FAIL ${line}`)
console.log(
  `${runs.length} runs (${runs.length / 2} cases x path/digest); ${excused.length} documented exception(s)`
)
console.log(`${passed} passed, ${failed} failed`)
process.exitCode = unexpected.length > 0 ? 1 : 0
