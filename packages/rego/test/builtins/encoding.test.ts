import { describe, expect, it } from '@jest/globals'
import { RegoObject, RegoSet } from '../../src/value.js'
import { call, callError, callValue } from './helpers.js'

describe('base64, hex and urlquery', () => {
  const cases: [string, unknown[], unknown][] = [
    ['base64.encode', ['åbc'], 'w6ViYw=='],
    ['base64.decode', ['w6ViYw=='], 'åbc'],
    ['base64.is_valid', ['YWJj'], true],
    ['base64.is_valid', ['YWJ'], false],
    ['base64url.encode', ['\u00fb\u00ff'], 'w7vDvw=='],
    ['base64url.encode_no_pad', ['\u00fb\u00ff'], 'w7vDvw'],
    ['base64url.decode', ['w7vDvw'], '\u00fb\u00ff'],
    ['hex.encode', ['hi'], '6869'],
    ['hex.decode', ['6869'], 'hi'],
    ['urlquery.encode', ['a b&c/é~'], 'a+b%26c%2F%C3%A9~'],
    ['urlquery.decode', ['a+b%26c'], 'a b&c'],
    ['urlquery.encode_object', [{ b: ['2', '1'], a: 'x y' }], 'a=x+y&b=2&b=1'],
    ['urlquery.decode_object', ['a=1&a=2&b=x+y&c'], { a: ['1', '2'], b: ['x y'], c: [''] }]
  ]
  it.each(cases)('%s(%j) = %j', (name, args, want) => {
    expect(call(name, args)).toEqual(want)
  })
  it('reports Go decoding errors', () => {
    expect(callError('base64.decode', ['YW!j'])).toEqual({
      kind: 'builtin',
      message: 'illegal base64 data at input byte 2'
    })
    expect(callError('hex.decode', ['6g'])?.message).toBe("encoding/hex: invalid byte: U+0067 'g'")
    expect(callError('hex.decode', ['686'])?.message).toBe('encoding/hex: odd length hex string')
    expect(callError('urlquery.decode', ['%zz'])?.message).toBe('invalid URL escape "%zz"')
  })
})

describe('json and yaml', () => {
  it('marshals like Go encoding/json', () => {
    expect(
      callValue('json.marshal', [
        new RegoObject([
          ['b', new RegoSet([2, 1])],
          ['a', '<&>']
        ])
      ])
    ).toBe('{"a":"\\u003c\\u0026\\u003e","b":[1,2]}')
    expect(call('json.marshal', [[18446744073709551617n, 1.5]])).toBe('[18446744073709551617,1.5]')
    expect(call('json.marshal_with_options', [{ a: [1] }, { prefix: '> ', indent: '  ' }])).toBe(
      '> {\n>   "a": [\n>     1\n>   ]\n> }'
    )
    expect(call('json.marshal_with_options', [[1], { pretty: false, indent: 'x' }])).toBe('[1]')
    expect(callError('json.marshal_with_options', [[], { bogus: true }])).toEqual({
      kind: 'type',
      message: 'object contained unknown key "bogus"'
    })
  })
  it('unmarshals keeping big integers exact', () => {
    expect(call('json.unmarshal', ['{"n": 123456789012345678901, "f": 1.5}'])).toEqual({
      f: 1.5,
      n: 123456789012345678901n
    })
    expect(call('json.is_valid', ['{'])).toBe(false)
    expect(callError('json.unmarshal', ['nope'])?.kind).toBe('builtin')
  })
  it('round-trips yaml', () => {
    const text = call('yaml.marshal', [{ foo: [1, 2], bar: { baz: 'x: y' } }]) as string
    expect(text).toBe("bar:\n  baz: 'x: y'\nfoo:\n- 1\n- 2\n")
    expect(call('yaml.unmarshal', [text])).toEqual({ bar: { baz: 'x: y' }, foo: [1, 2] })
    expect(call('yaml.is_valid', ['a: [1'])).toBe(false)
    expect(callError('yaml.unmarshal', ['[1,2,3'])?.message).toMatch(/^yaml: line 1: did not find/)
  })
})

describe('json.patch, json.filter, json.remove', () => {
  const doc = { a: { b: { c: 7, d: 8 } }, e: 9, l: [{ x: 1 }, { y: 2 }] }
  const cases: [string, unknown[], unknown][] = [
    ['json.filter', [doc, ['a/b/c', 'e']], { a: { b: { c: 7 } }, e: 9 }],
    ['json.filter', [doc, [['l', 1]]], { l: [{ y: 2 }] }],
    ['json.remove', [doc, ['a/b', 'l/0']], { a: {}, e: 9, l: [{ y: 2 }] }],
    [
      'json.patch',
      [{ foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/1', value: 'qux' }]],
      { foo: ['bar', 'qux', 'baz'] }
    ],
    ['json.patch', [{ foo: 1 }, [{ op: 'move', from: '/foo', path: '/bar' }]], { bar: 1 }],
    [
      'json.patch',
      [{ foo: [1] }, [{ op: 'copy', from: '/foo/0', path: '/foo/-' }]],
      { foo: [1, 1] }
    ],
    ['json.patch', [{}, [{ op: 'add', path: '/', value: 1 }]], { '': 1 }],
    ['json.patch', [{ a: 1 }, [{ op: 'test', path: '/a', value: 2 }]], undefined],
    ['json.patch', [{ a: 1 }, [{ op: 'replace', path: '/missing', value: 2 }]], undefined]
  ]
  it.each(cases)('%s(%j) = %j', (name, args, want) => {
    expect(call(name, args)).toEqual(want)
  })
  it('patches sets by element', () => {
    const out = callValue('json.patch', [
      new RegoObject([['s', new RegoSet(['a', 'b'])]]),
      [
        new RegoObject([
          ['op', 'remove'],
          ['path', 's/a']
        ])
      ]
    ])
    expect((out as RegoObject).get('s')).toEqual(new RegoSet(['b']))
  })
  it('checks path operands', () => {
    expect(callError('json.remove', [{}, 'a'])?.message).toBe(
      'operand 2 must be one of {set, array} but got string'
    )
    expect(callError('json.filter', [{}, [1]])?.message).toBe(
      'operand 2 must be one of {set, array} containing string paths or array of path segments but got number'
    )
  })
})

describe('json schema', () => {
  const schema = { properties: { id: { type: 'integer' } }, required: ['id'] }
  it('matches documents and reports gojsonschema-style errors', () => {
    expect(call('json.match_schema', [{ id: 5 }, schema])).toEqual([true, []])
    expect(call('json.match_schema', ['{"id": 5}', JSON.stringify(schema)])).toEqual([true, []])
    expect(call('json.match_schema', [{ id: 'x' }, schema])).toEqual([
      false,
      [
        {
          desc: 'Invalid type. Expected: integer, given: string',
          error: 'id: Invalid type. Expected: integer, given: string',
          field: 'id',
          type: 'invalid_type'
        }
      ]
    ])
    expect(call('json.match_schema', [{}, schema])).toEqual([
      false,
      [
        {
          desc: 'id is required',
          error: '(root): id is required',
          field: '(root)',
          type: 'required'
        }
      ]
    ])
  })
  it('verifies schemas', () => {
    expect(call('json.verify_schema', [{ type: 'boolean' }])).toEqual([true, null])
    expect(call('json.verify_schema', ['{"type": "nope"}'])).toEqual([
      false,
      'jsonschema: has a primitive type that is NOT VALID -- given: /nope/ Expected valid values are:[array boolean integer number null object string]'
    ])
  })
})

describe('yaml 1.1 scalars as sigs.k8s.io/yaml reads them', () => {
  it('resolves booleans and timestamps', () => {
    expect(call('yaml.unmarshal', ['a: yes\nb: off\nc: 2001-12-14\nd: "yes"\n1: x'])).toEqual({
      '1': 'x',
      a: true,
      b: false,
      c: '2001-12-14T00:00:00Z',
      d: 'yes'
    })
  })
})
