import { afterEach, describe, expect, test } from '@jest/globals'
import { getListInput, markdownTable, registryCredentialInputs } from '@secure-pipeline/action-kit'

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
})

describe('inputs', () => {
  test.each([
    ['a\nb, c\n\n# comment\n d ', ['a', 'b', 'c', 'd']],
    ['', []]
  ])('list input %j', (value, want) => {
    process.env['INPUT_PATHS'] = value
    expect(getListInput('paths')).toEqual(want)
  })

  test.each([
    [{}, undefined],
    [{ 'INPUT_REGISTRY-PASSWORD': 'tok' }, { username: 'token', password: 'tok' }],
    [
      { 'INPUT_REGISTRY-PASSWORD': 'tok', GITHUB_ACTOR: 'octocat' },
      { username: 'octocat', password: 'tok' }
    ],
    [
      {
        'INPUT_REGISTRY-PASSWORD': 'tok',
        'INPUT_REGISTRY-USERNAME': 'bot',
        GITHUB_ACTOR: 'octocat'
      },
      { username: 'bot', password: 'tok' }
    ]
  ])('registry credentials from %j', (env, want) => {
    delete process.env.GITHUB_ACTOR
    Object.assign(process.env, env)
    expect(registryCredentialInputs()).toEqual(want)
  })
})

describe('markdownTable', () => {
  test('cells cannot break the table', () => {
    expect(markdownTable(['a', 'b'], [['x|y', 'line1\nline2']])).toBe(
      '| a | b |\n| --- | --- |\n| x\\|y | line1 line2 |\n'
    )
  })
})
