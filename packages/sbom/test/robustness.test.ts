/**
 * Cut short anywhere, every fixture lockfile either still parses or fails with an InputError
 * naming the file and a line — never a TypeError or a library's internal error (a go.mod cut
 * inside a replace target used to reach packageurl-js and throw "throws is not defined").
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, test } from '@jest/globals'
import { detectFormat } from '@secure-pipeline/sbom'
import { parseFailure } from './helpers.js'

const FIXTURES = path.join(import.meta.dirname, 'fixtures')
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sbom-robust-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** [fixture set/case-relative path, absolute path] of every lockfile under fixtures/<set>/<case>/. */
function lockfiles(): [string, string][] {
  const out: [string, string][] = []
  const walk = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const abs = path.join(dir, name)
      const r = rel ? `${rel}/${name}` : name
      if (statSync(abs).isDirectory()) walk(abs, r)
      else if (detectFormat(r.split('/').slice(2).join('/'))) out.push([r, abs])
    }
  }
  walk(FIXTURES, '')
  return out
}

const CUTS = 20

test.each(lockfiles())('%s cut short', async (_rel, abs) => {
  const text = readFileSync(abs, 'utf8')
  const problems: string[] = []
  for (let k = 1; k < CUTS; k++) {
    const cut = text.slice(0, Math.floor((text.length * k) / CUTS))
    try {
      const err = await parseFailure(tmp, path.basename(abs), cut)
      if (err.position.line === undefined) problems.push(`${k}/${CUTS}: no line: ${err.message}`)
    } catch (err) {
      const message = (err as Error).message
      // Still a valid lockfile at this cut: fine.
      if (!message.endsWith(': no error')) problems.push(`${k}/${CUTS}: ${message}`)
    }
  }
  expect(problems).toEqual([])
})
