/**
 * Output formats over real runs: SARIF validates against the 2.1.0 schema and carries the line of
 * each multi-document failure; GitHub annotations, JUnit, TAP and the job summary.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { XMLParser } from 'fast-xml-parser'
import { createSarifValidator } from '@secure-pipeline/core/sarif-schema'
import {
  formatGithub,
  formatJunit,
  formatResults,
  formatSummary,
  formatTap,
  runPolicyCheck,
  sarifLog
} from '../src/index.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '../../..')
const shared = process.env.SECURE_PIPELINE_SHARED ?? path.resolve(repoRoot, '../shared')
const schema = path.join(shared, 'schemas', 'sarif-schema-2.1.0.json')
if (!existsSync(schema)) console.log(`skipping SARIF schema validation: ${schema} not found`)

const builtinRun = runPolicyCheck({
  paths: ['fixtures/builtins/kinds.yaml'],
  builtins: ['pss-restricted', 'best-practices'],
  cwd: here
})
const conftestRun = runPolicyCheck({
  paths: ['manifests'],
  policyDirs: ['policy'],
  dataPaths: ['data'],
  cwd: path.join(here, 'fixtures', 'conftest')
})
const privilegedLines = [11, 24, 37, 50, 63, 76, 92, 105, 117]

describe('SARIF', () => {
  ;(existsSync(schema) ? it : it.skip).each([
    ['built-in sets', builtinRun],
    ['conftest policies', conftestRun]
  ])('%s: validates against sarif-schema-2.1.0.json', (_n, run) => {
    const validate = createSarifValidator(schema)
    const log = sarifLog(run.results)
    const { valid, errors } = validate(log)
    expect(errors).toEqual([])
    expect(valid).toBe(true)
  })
  it('results carry rule ids, levels and the line of each document', () => {
    const log = sarifLog(builtinRun.results) as {
      runs: {
        results: {
          ruleId: string
          level: string
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }
          }[]
        }[]
        tool: { driver: { rules: { id: string; help?: { text: string } }[] } }
      }[]
    }
    const privileged = log.runs[0].results.filter(
      r => r.ruleId === 'builtin.pss.restricted/privileged'
    )
    expect(privileged.map(r => r.locations[0].physicalLocation.region.startLine)).toEqual(
      privilegedLines
    )
    expect(
      privileged.every(
        r =>
          r.level === 'error' &&
          r.locations[0].physicalLocation.artifactLocation.uri === 'fixtures/builtins/kinds.yaml'
      )
    ).toBe(true)
    const rule = log.runs[0].tool.driver.rules.find(
      r => r.id === 'builtin.pss.restricted/privileged'
    )
    expect(rule?.help?.text).toMatch(/privileged/)
    // user policies without an id: <namespace>/deny and <namespace>/warn
    const ids = new Set(
      (sarifLog(conftestRun.results) as typeof log).runs[0].results.map(r => r.ruleId)
    )
    expect([...ids].sort()).toEqual(['main/deny', 'main/warn'])
  })
})

describe('GitHub annotations', () => {
  it('point at the line of each multi-document failure', () => {
    const text = formatGithub(builtinRun.results)
    const lines = text
      .split('\n')
      .filter(l => l.startsWith('::error') && l.includes('title=privileged'))
    expect(lines.map(l => Number(/line=(\d+)/.exec(l)?.[1]))).toEqual(privilegedLines)
    expect(lines[0]).toBe(
      '::error file=fixtures/builtins/kinds.yaml,line=11,title=privileged::Pod/pod: privileged (container "c" must not set securityContext.privileged=true)'
    )
    expect(text).toMatch(
      /^::group::Testing "fixtures\/builtins\/kinds.yaml" against \d+ policies in namespace "builtin.pss.restricted"$/m
    )
  })
  it('escapes workflow-command data', () => {
    const text = formatGithub([
      {
        filename: 'a,b:c.yaml',
        namespace: 'main',
        successes: 0,
        failures: [{ msg: 'line1\nline2 100%', metadata: { line: 3 } }],
        warnings: [],
        exceptions: []
      }
    ])
    expect(text).toContain('::error file=a%2Cb%3Ac.yaml,line=3::line1%0Aline2 100%25')
  })
})

describe('JUnit and TAP', () => {
  it('JUnit is well-formed, warnings count as failures', () => {
    const xml = formatJunit(conftestRun.results)
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
      testsuites: { '@_tests': string; '@_failures': string; '@_skipped': string }
    }
    expect(doc.testsuites['@_failures']).toBe('3')
    expect(doc.testsuites['@_skipped']).toBe('1')
    expect(doc.testsuites['@_tests']).toBe(String(conftestRun.totals.tests))
  })
  it('TAP numbers every result per file', () => {
    const tap = formatTap(conftestRun.results).split('\n')
    expect(tap[0]).toBe('1..12')
    expect(tap.filter(l => l.startsWith('not ok'))).toHaveLength(3)
    expect(tap).toContain('# warnings')
  })
})

describe('job summary', () => {
  it('groups by file and rule with lines', () => {
    const md = formatSummary(builtinRun.results)
    expect(md).toContain('### `fixtures/builtins/kinds.yaml`')
    expect(md).toContain(
      `| \`builtin.pss.restricted/privileged\` | failure | 9 | ${privilegedLines.join(', ')} |`
    )
  })
  it('says so when clean', () => {
    expect(
      formatSummary([
        {
          filename: 'a.yaml',
          namespace: 'main',
          successes: 2,
          failures: [],
          warnings: [],
          exceptions: []
        }
      ])
    ).toContain('No failures or warnings')
  })
})

describe('conftest table output and --no-fail', () => {
  it('one row per success, exception, warning and failure, in a bordered table', () => {
    const table = formatResults(conftestRun.results, 'table').trimEnd().split('\n')
    const t = conftestRun.totals
    expect(table[1]).toMatch(/^\| RESULT +\| FILE +\| NAMESPACE +\| MESSAGE +\|$/)
    const rows = table.slice(3, -1)
    const count = (kind: string): number => rows.filter(r => r.startsWith(`| ${kind} `)).length
    expect(count('success')).toBe(t.successes)
    expect(count('failure')).toBe(t.failures)
    expect(count('warning')).toBe(t.warnings)
    expect(count('exception')).toBe(t.exceptions)
    expect(new Set(table.map(l => l.length)).size).toBe(1)
    expect(formatResults([], 'table')).toBe('')
  })
  it('stdout is the text format', () => {
    expect(formatResults(conftestRun.results, 'stdout')).toBe(
      formatResults(conftestRun.results, 'text')
    )
  })
  it('noFail exits 0 even with failures', () => {
    const options = {
      paths: ['manifests'],
      policyDirs: ['policy'],
      dataPaths: ['data'],
      cwd: path.join(here, 'fixtures', 'conftest')
    }
    expect(runPolicyCheck(options).exitCode).toBe(1)
    expect(runPolicyCheck({ ...options, noFail: true }).exitCode).toBe(0)
    expect(runPolicyCheck({ ...options, noFail: true, failOnWarn: true }).exitCode).toBe(0)
  })
})
