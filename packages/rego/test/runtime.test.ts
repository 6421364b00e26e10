import { describe, expect, it } from '@jest/globals'
import { compile } from '../src/index.js'

const policy = compile([
  {
    path: 'rt.rego',
    source: `package rt
import rego.v1
rt := opa.runtime()
stage := opa.runtime().env.STAGE
strict if opa.runtime().env.STAGE == "prod"
`
  }
])

describe('the runtime option is what opa.runtime() returns', () => {
  const runtime = { env: { STAGE: 'prod', HOME: '/home/u' }, version: '1.0.0', commit: 'abc' }

  it('defaults to an empty object', () => {
    expect(policy.evalRule('rt', 'rt')).toEqual({})
    expect(policy.evalRule('rt', 'stage')).toBeUndefined()
  })

  it.each([
    ['evalRule', (rule: string) => policy.evalRule('rt', rule, { runtime })],
    ['a session', (rule: string) => policy.session({ runtime }).evalRule('rt', rule)],
    ['query', (rule: string) => policy.query(`x := data.rt.${rule}`, { runtime })[0]?.bindings.x]
  ])('%s', (_name, evaluate) => {
    expect(evaluate('rt')).toEqual(runtime)
    expect(evaluate('stage')).toBe('prod')
    expect(evaluate('strict')).toBe(true)
  })

  it('a reused evaluator does not keep an earlier runtime', () => {
    const input = { a: 1 }
    expect(policy.evalRule('rt', 'stage', { input, runtime })).toBe('prod')
    expect(policy.evalRule('rt', 'stage', { input, runtime: { env: { STAGE: 'dev' } } })).toBe(
      'dev'
    )
    expect(policy.evalRule('rt', 'stage', { input })).toBeUndefined()
  })
})
