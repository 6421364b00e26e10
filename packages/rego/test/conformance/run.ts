/**
 * OPA conformance runner: `npm run conformance:rego [-- --json] [-- FOLDER...]`.
 * Prints a per-folder table, the failures with reasons and `N passed, N failed`; exits 1 when
 * the pass count is below packages/rego/conformance/floor.json.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type CaseResult, LANGUAGE_FOLDERS, casesDir, loadCases, runCase } from './cases.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '../../../..')

function main(argv: string[]): number {
  const json = argv.includes('--json')
  const folders = argv.filter(a => !a.startsWith('--'))
  const dir = casesDir(repoRoot)
  if (!dir) {
    process.stderr.write('conformance cases not found (set SECURE_PIPELINE_SHARED)\n')
    return 2
  }
  const cases = loadCases(dir, folders.length ? folders : undefined)
  const results: CaseResult[] = cases.map(runCase)
  if (json) {
    process.stdout.write(JSON.stringify(results, null, 1) + '\n')
  } else {
    const byFolder = new Map<string, { pass: number; fail: number }>()
    for (const r of results) {
      const s = byFolder.get(r.folder) ?? { pass: 0, fail: 0 }
      if (r.pass) s.pass++
      else s.fail++
      byFolder.set(r.folder, s)
    }
    const lines: string[] = []
    lines.push('folder'.padEnd(40) + 'pass'.padStart(6) + 'fail'.padStart(6) + '  lang')
    for (const [f, s] of [...byFolder].sort())
      lines.push(
        f.padEnd(40) +
          String(s.pass).padStart(6) +
          String(s.fail).padStart(6) +
          (LANGUAGE_FOLDERS.includes(f) ? '  *' : '')
      )
    lines.push('')
    const failures = results.filter(r => !r.pass)
    if (failures.length) {
      lines.push('Failures:')
      for (const r of failures) lines.push(`  ${r.file}#${r.index} ${r.note}: ${r.reason ?? ''}`)
      lines.push('')
    }
    const lang = results.filter(r => LANGUAGE_FOLDERS.includes(r.folder))
    lines.push(
      `language folders: ${lang.filter(r => r.pass).length} passed, ${lang.filter(r => !r.pass).length} failed`
    )
    process.stdout.write(lines.join('\n') + '\n')
  }
  const passed = results.filter(r => r.pass).length
  const failed = results.length - passed
  if (!json) process.stdout.write(`${passed} passed, ${failed} failed\n`)
  if (folders.length === 0) {
    const floor = (
      JSON.parse(readFileSync(path.join(here, '../../conformance/floor.json'), 'utf8')) as {
        passed: number
      }
    ).passed
    if (passed < floor) {
      process.stderr.write(`conformance floor not met: ${passed} < ${floor}\n`)
      return 1
    }
  }
  return 0
}

process.exitCode = main(process.argv.slice(2))
