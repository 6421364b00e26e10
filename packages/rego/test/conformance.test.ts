import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import { LANGUAGE_FOLDERS, casesDir, loadCases, runCase } from './conformance/cases.js'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const dir = casesDir(repoRoot)
if (!dir) console.log('rego conformance: ../shared not found, skipping')
const maybe = dir ? describe : describe.skip

// The language folders (not builtins) must all pass; the full suite runs via `npm run conformance:rego`.
maybe('OPA conformance: language folders', () => {
  const cases = dir ? loadCases(dir, LANGUAGE_FOLDERS) : []
  const byFolder = new Map<string, typeof cases>()
  for (const c of cases) byFolder.set(c.folder, [...(byFolder.get(c.folder) ?? []), c])
  it('finds the language folders', () => {
    expect(byFolder.size).toBe(LANGUAGE_FOLDERS.length)
  })
  for (const [folder, list] of byFolder) {
    it(folder, () => {
      const failures = list.map(runCase).filter(r => !r.pass)
      expect(failures.map(f => `${f.file}#${f.index} ${f.note}: ${f.reason ?? ''}`)).toEqual([])
    })
  }
})
