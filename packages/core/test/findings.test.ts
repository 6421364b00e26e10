import path from 'node:path'
import { beforeAll, describe, expect, test } from '@jest/globals'
import { createSarifValidator, type SchemaValidator } from '@secure-pipeline/core/sarif-schema'
import { sharedDir, toSarif, toText, countBySeverity, type Finding } from '@secure-pipeline/core'

const findings: Finding[] = [
  {
    ruleId: 'aws-access-key',
    severity: 'high',
    message: 'AWS access key',
    location: { file: 'src/a b.ts', startLine: 3, startColumn: 5, endLine: 3, endColumn: 25 },
    fingerprint: 'abc123',
    properties: { entropy: 3.9 }
  },
  {
    ruleId: 'no-latest',
    severity: 'low',
    message: 'image uses :latest',
    location: { file: 'k8s/dep.yaml' }
  },
  { ruleId: 'repo-level', severity: 'info', message: 'no location at all' }
]

const shared = sharedDir()
const describeShared = shared ? describe : describe.skip
if (!shared) console.log('skipping SARIF schema validation: ../shared is not present')

describeShared('SARIF against the official 2.1.0 schema', () => {
  // describe.skip still runs this body, so the schema is read only when the suite runs.
  let validate: SchemaValidator
  beforeAll(() => {
    validate = createSarifValidator(path.join(shared ?? '', 'schemas', 'sarif-schema-2.1.0.json'))
  })

  test.each([
    ['findings with and without regions', findings],
    ['no findings', []]
  ])('%s', (_name, list) => {
    const log = toSarif(list, {
      tool: { name: 'secure-pipeline', version: '0.1.0', informationUri: 'https://example.com' },
      rules: [
        { id: 'aws-access-key', shortDescription: 'AWS key', severity: 'high', tags: ['security'] }
      ],
      category: 'secure-pipeline/test/'
    })
    const result = validate(log)
    expect(result.errors).toEqual([])
    expect(result.valid).toBe(true)
  })

  test('the validator rejects an invalid log', () => {
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] }).valid).toBe(false)
  })
})

describe('SARIF content', () => {
  const log = toSarif(findings, { tool: { name: 't', version: '1' } }) as {
    runs: { tool: { driver: { rules: { id: string }[] } }; results: Record<string, unknown>[] }[]
  }
  test('rules are sorted and referenced by index', () => {
    const run = log.runs[0]
    expect(run.tool.driver.rules.map(r => r.id)).toEqual([
      'aws-access-key',
      'no-latest',
      'repo-level'
    ])
    expect(run.results.map(r => r.ruleIndex)).toEqual([0, 1, 2])
  })
  test('levels, fingerprints and URIs', () => {
    const [a, b] = log.runs[0].results
    expect(a.level).toBe('error')
    expect(b.level).toBe('note')
    expect(a.partialFingerprints).toEqual({ 'secure-pipeline/v1': 'abc123' })
    expect(JSON.stringify(a.locations)).toContain('src/a%20b.ts')
  })
})

describe('text and counts', () => {
  test('one line a finding', () => {
    expect(toText(findings).split('\n')[0]).toBe(
      'src/a b.ts:3:5: high: AWS access key [aws-access-key]'
    )
    expect(toText([])).toBe('0 findings\n')
  })
  test('counts by severity', () => {
    expect(countBySeverity(findings)).toEqual({ critical: 0, high: 1, medium: 0, low: 1, info: 1 })
  })
})
