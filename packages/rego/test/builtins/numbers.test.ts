import { describe, expect, it } from '@jest/globals'
import { RegoSet } from '../../src/value.js'
import { call, callError, callValue } from './helpers.js'

describe('arithmetic with OPA number semantics', () => {
  const cases: [string, unknown[], unknown][] = [
    ['plus', [1, 2], 3],
    ['plus', [1.5, 2.5], 4],
    ['plus', [18446744073709551617n, 1], 18446744073709551618n],
    ['minus', [-18446744073709551617n, 1], -18446744073709551618n],
    ['mul', [18446744073709551617n, 2], 36893488147419103234n],
    ['mul', [9007199254740991, 9007199254740991], 81129638414606663681390495662081n],
    ['div', [7, 2], 3.5],
    ['div', [18446744073709551616n, 2], 9223372036854775808n],
    ['rem', [7, 4], 3],
    ['rem', [-7, 4], -3],
    ['rem', [18446744073709551617n, 18446744073709551616n], 1],
    ['abs', [-10], 10],
    ['round', [2.5], 3],
    ['round', [-2.5], -3],
    ['ceil', [1.01], 2],
    ['floor', [-1.5], -2],
    ['numbers.range', [2, -1], [2, 1, 0, -1]],
    ['numbers.range_step', [0, 10, 3], [0, 3, 6, 9]],
    ['bits.lsh', [1, 64], 18446744073709551616n],
    ['bits.rsh', [-8, 1], -4],
    ['bits.negate', [0], -1],
    ['bits.xor', [5, 3], 6],
    ['format_int', [255, 16], 'ff'],
    ['format_int', [-3.9, 2], '-11'],
    ['format_int', [18446744073709551617n, 16], '10000000000000001'],
    ['equal', [1, 1.0], true],
    ['lt', [null, false], true],
    ['gt', ['a', 100], true]
  ]
  it.each(cases)('%s(%j) = %j', (name, args, want) => {
    expect(call(name, args)).toEqual(want)
  })

  it('set difference, intersection and union', () => {
    const a = new RegoSet([1, 2, 3])
    const b = new RegoSet([2, 3, 4])
    expect((callValue('minus', [a, b]) as RegoSet).sorted()).toEqual([1])
    expect((callValue('and', [a, b]) as RegoSet).sorted()).toEqual([2, 3])
    expect((callValue('or', [a, b]) as RegoSet).sorted()).toEqual([1, 2, 3, 4])
  })

  const errors: [string, unknown[], 'type' | 'builtin', string][] = [
    ['div', [1, 0], 'builtin', 'divide by zero'],
    ['rem', [7, 0], 'builtin', 'modulo by zero'],
    ['rem', [1.1, 1], 'builtin', 'modulo on floating-point number'],
    ['plus', ['1', 1], 'type', 'operand 1 must be number but got string'],
    [
      'numbers.range',
      [3.14, 4],
      'type',
      'operand 1 must be integer number but got floating-point number'
    ],
    ['numbers.range_step', [0, 10, -2], 'builtin', 'step must be a positive integer'],
    [
      'bits.lsh',
      [1, -1],
      'type',
      'operand 2 must be an unsigned integer number but got a negative integer'
    ],
    ['format_int', [1, 3], 'type', 'operand 2 must be one of {2, 8, 10, 16}']
  ]
  it.each(errors)('%s(%j) fails with %s error %j', (name, args, kind, message) => {
    expect(callError(name, args)).toEqual({ kind, message })
  })

  it('minus type errors name the operand like OPA', () => {
    expect(callError('minus', [new RegoSet([1]), 1])?.message).toBe(
      'operand 2 must be set but got number'
    )
    expect(callError('minus', [1, new RegoSet([1])])?.message).toBe(
      'operand 2 must be number but got set'
    )
    expect(callError('minus', ['x', 1])?.message).toBe(
      'operand 1 must be one of {number, set} but got string'
    )
  })
})

describe('aggregates and collections', () => {
  const cases: [string, unknown[], unknown][] = [
    ['count', ['åäö'], 3],
    ['sum', [[18446744073709551617n, 1]], 18446744073709551618n],
    ['product', [[1.5, 2]], 3],
    ['max', [[1, 'a', null]], 'a'],
    ['min', [[]], undefined],
    ['sort', [[3, 'b', null, 1]], [null, 1, 3, 'b']],
    ['array.slice', [[1, 2, 3, 4], -1, 2], [1, 2]],
    ['array.flatten', [[1, [2, [3]]]], [1, 2, [3]]],
    ['object.get', [{ a: { b: [10, 20] } }, ['a', 'b', 1], 'd'], 20],
    ['object.get', [{ a: 1 }, 'x', 'd'], 'd'],
    ['object.union', [{ a: { b: 1, c: 2 } }, { a: { b: 3 } }], { a: { b: 3, c: 2 } }],
    ['object.remove', [{ a: 1, b: 2 }, ['a']], { b: 2 }],
    ['object.filter', [{ a: 1, b: 2 }, { b: 0 }], { b: 2 }],
    [
      'object.subset',
      [
        [1, 2, 3, 4],
        [2, 3]
      ],
      true
    ],
    [
      'object.subset',
      [
        [1, 2, 3, 4],
        [2, 4]
      ],
      false
    ],
    ['object.subset', [{ a: { b: 1, c: 2 } }, { a: { b: 1 } }], true],
    ['to_number', ['-42.0'], -42],
    ['to_number', ['123456789012345678901234567890'], 123456789012345678901234567890n],
    ['to_number', [true], 1],
    ['concat', ['/', ['a', 'b']], 'a/b'],
    ['type_name', [null], 'null'],
    ['is_set', [[]], false]
  ]
  it.each(cases)('%s(%j) = %j', (name, args, want) => {
    expect(call(name, args)).toEqual(want)
  })

  it('rejects non-numbers and bad strings like OPA', () => {
    expect(callError('count', [null])).toEqual({
      kind: 'type',
      message: 'operand 1 must be one of {array, object, set, string} but got null'
    })
    expect(callError('to_number', ['broken'])?.message).toMatch(/invalid syntax/)
    expect(callError('to_number', ['Infinity'])?.kind).toBe('type')
    expect(callError('array.reverse', [{}])?.message).toBe('operand 1 must be array but got object')
  })
})
