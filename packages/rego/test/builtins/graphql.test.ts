import { describe, expect, it } from '@jest/globals'
import { call, callError } from './helpers.js'

const schema = `
  type Query { hero(episode: Episode!): Character }
  enum Episode { NEWHOPE EMPIRE }
  type Character { id: ID! name: String friends: [Character] }
`

describe('graphql builtins', () => {
  it('parses queries into gqlparser-shaped ASTs', () => {
    expect(
      call('graphql.parse_query', [
        'query q($e: Episode!) { hero(episode: $e) { name ... on Character { id } } }'
      ])
    ).toEqual({
      Operations: [
        {
          Name: 'q',
          Operation: 'query',
          SelectionSet: [
            {
              Alias: 'hero',
              Arguments: [
                { Name: 'episode', Value: { ExpectedTypeHasDefault: false, Kind: 0, Raw: 'e' } }
              ],
              Name: 'hero',
              SelectionSet: [
                { Alias: 'name', Name: 'name' },
                { SelectionSet: [{ Alias: 'id', Name: 'id' }], TypeCondition: 'Character' }
              ]
            }
          ],
          VariableDefinitions: [
            { Type: { NamedType: 'Episode', NonNull: true }, Used: false, Variable: 'e' }
          ]
        }
      ]
    })
  })
  it('parses schemas', () => {
    expect(
      call('graphql.parse_schema', ['type Hello { world(things: [String]): String }'])
    ).toEqual({
      Definitions: [
        {
          BuiltIn: false,
          Description: '',
          Fields: [
            {
              Arguments: [
                {
                  Description: '',
                  Name: 'things',
                  Type: {
                    Elem: { NamedType: 'String', NonNull: false },
                    NamedType: '',
                    NonNull: false
                  }
                }
              ],
              Description: '',
              Name: 'world',
              Type: { NamedType: 'String', NonNull: false }
            }
          ],
          Kind: 'OBJECT',
          Name: 'Hello'
        }
      ]
    })
  })
  it('validates schemas and queries', () => {
    expect(call('graphql.schema_is_valid', [schema])).toBe(true)
    expect(call('graphql.schema_is_valid', ['type Query { a: Missing }'])).toBe(false)
    expect(call('graphql.schema_is_valid', ['extend type Hello { world: String }'])).toBe(true)
    expect(call('graphql.is_valid', ['{ hero(episode: EMPIRE) { name } }', schema])).toBe(true)
    expect(call('graphql.is_valid', ['{ hero { name } }', schema])).toBe(false)
    expect(call('graphql.is_valid', ['{ hero(episode: EMPIRE) { nope } }', schema])).toBe(false)
    const [ok, q] = call('graphql.parse_and_verify', [
      '{ hero(episode: EMPIRE) { name } }',
      schema
    ]) as unknown[]
    expect(ok).toBe(true)
    expect((q as { Operations: unknown[] }).Operations).toHaveLength(1)
    expect(call('graphql.parse_and_verify', ['{ x }', schema])).toEqual([false, {}, {}])
  })
  it('accepts AST objects in place of source', () => {
    const ast = call('graphql.parse_schema', [schema])
    expect(call('graphql.schema_is_valid', [ast])).toBe(true)
    expect(
      call('graphql.is_valid', [
        call('graphql.parse_query', ['{ hero(episode: EMPIRE) { name } }']),
        ast
      ])
    ).toBe(true)
  })
  it('reports gqlparser-style syntax errors', () => {
    expect(callError('graphql.parse_schema', ['type Hello {}'])?.message).toBe(
      'expected at least one definition, found } in GraphQL string at location 1:13'
    )
    expect(callError('graphql.parse_schema', ['union U = | | A'])?.message).toBe(
      'Expected Name, found | in GraphQL string at location 1:13'
    )
    expect(callError('graphql.parse_query', ['notanoperation { a }'])?.message).toBe(
      'Unexpected Name "notanoperation" in GraphQL string at location 1:1'
    )
    expect(callError('graphql.parse', ['{ hero { name } }', schema])?.message).toBe(
      'Field "hero" argument "episode" of type "Episode!" is required, but it was not provided in GraphQL string at location 1:3'
    )
  })
})
