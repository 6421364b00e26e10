import { describe, expect, it } from '@jest/globals'
import { RegoError, compile } from '../src/index.js'

function parseError(source: string, file = 'policy.rego'): RegoError {
  try {
    compile([{ path: file, source }])
  } catch (e) {
    if (e instanceof RegoError) return e
    throw e
  }
  throw new Error('expected an error')
}

describe('parse errors', () => {
  const cases: [string, string, number, number, RegExp][] = [
    ['missing package', 'p := 1\n', 1, 1, /package expected/],
    ['unterminated string', 'package x\n\np := "abc\n', 3, 6, /non-terminated string/],
    ['unbalanced brace', 'package x\n\np if {\n  input.a == 1\n', 5, 1, /unexpected eof/],
    ['dangling operator', 'package x\n\np if {\n  x := 1 +\n}\n', 5, 1, /unexpected \}/],
    ['bad token', 'package x\n\np := 1 ^ 2\n', 3, 8, /illegal token/],
    ['missing rule value', 'package x\n\np :=\n', 3, 5, /unexpected newline/],
    ['bad escape', 'package x\n\np := "\\q"\n', 3, 6, /illegal escape/]
  ]
  for (const [name, src, line, column, msg] of cases) {
    it(name, () => {
      const e = parseError(src)
      expect(e.code).toBe('rego_parse_error')
      expect(e.position).toEqual({ file: 'policy.rego', line, column })
      expect(e.message).toMatch(msg)
      const described = e.describe()
      expect(described.startsWith(`policy.rego:${line}:${column}: rego_parse_error: `)).toBe(true)
      expect(described).not.toMatch(/\n\s+at /)
    })
  }
})

describe('compile errors', () => {
  it('reports unsafe variables with their position', () => {
    const e = parseError('package x\n\np if {\n  y > 1\n}\n')
    expect(e.code).toBe('rego_unsafe_var_error')
    expect(e.describe()).toBe('policy.rego:4:3: rego_unsafe_var_error: var y is unsafe')
  })
  it('reports recursion', () => {
    const e = parseError('package x\n\np if q\n\nq if p\n')
    expect(e.code).toBe('rego_recursion_error')
    expect(e.message).toMatch(/data\.x\.p -> data\.x\.q -> data\.x\.p/)
  })
  it('reports unknown functions and arity mismatches', () => {
    expect(parseError('package x\n\np := nope(1)\n').code).toBe('rego_type_error')
    expect(parseError('package x\n\np := count(1, 2, 3)\n').message).toMatch(/arity mismatch/)
  })
})

describe('Rego v0 syntax (regoVersion: v0)', () => {
  const source = `package main

deny[msg] {
  some i
  c := input.spec.containers[i]
  c.securityContext.privileged
  msg := sprintf("%s is privileged", [c.name])
}

labels[k] = v { v := input.metadata.labels[k] }

default allow = false
allow { count(deny) == 0 }
`
  const input = {
    metadata: { labels: { app: 'x' } },
    spec: { containers: [{ name: 'a', securityContext: { privileged: true } }, { name: 'b' }] }
  }
  it('reads deny[msg] { } as a partial set and p[k] = v { } as a partial object', () => {
    const p = compile([{ path: 'v0.rego', source }], { regoVersion: 'v0' })
    expect(p.evalRule('main', 'deny', { input })).toEqual(['a is privileged'])
    expect(p.evalRule('main', 'labels', { input })).toEqual({ app: 'x' })
    expect(p.evalRule('main', 'allow', { input })).toBe(false)
  })
  it('keeps v1 semantics by default (deny[msg] is an object rule there)', () => {
    const p = compile([{ path: 'v1.rego', source: 'package main\n\ndeny[msg] if msg := "m"\n' }])
    expect(p.evalRule('main', 'deny')).toEqual({ m: true })
  })
})

describe('strict mode', () => {
  const strictError = (source: string): RegoError | undefined => {
    try {
      compile([{ path: 's.rego', source }], { strict: true })
    } catch (e) {
      if (e instanceof RegoError) return e
      throw e
    }
    return undefined
  }
  it('rejects unused imports only in strict mode', () => {
    const src = 'package s\n\nimport data.lib.helpers\n\np := 1\n'
    expect(strictError(src)?.describe()).toBe(
      's.rego:3:1: rego_compile_error: import helpers unused'
    )
    expect(() => compile([{ path: 's.rego', source: src }])).not.toThrow()
  })
  it('rejects duplicate imports', () => {
    expect(strictError('package s\n\nimport data.a\nimport data.a\n\np := a\n')?.message).toMatch(
      /imported multiple times/
    )
  })
  it('rejects deprecated builtins', () => {
    expect(strictError('package s\n\np if re_match("a", "a")\n')?.message).toMatch(
      /deprecated built-in/
    )
  })
  it('rejects unused local assignments', () => {
    expect(strictError('package s\n\np if {\n  x := 1\n  input.a == 2\n}\n')?.describe()).toBe(
      's.rego:4:3: rego_compile_error: assigned var x unused'
    )
    expect(strictError('package s\n\np if {\n  x := 1\n  input.a == x\n}\n')).toBeUndefined()
  })
  it('accepts a clean module', () => {
    expect(strictError('package s\n\nimport data.lib\n\np := lib.x\n')).toBeUndefined()
  })
})

describe('evaluation limits', () => {
  it('stops a runaway cross product with eval_limit_error', () => {
    const policy = compile([
      {
        path: 'runaway.rego',
        source:
          'package r\n\nn := numbers.range(1, 5000)\n\np := count([1 | some a in n; some b in n; some c in n])\n'
      }
    ])
    let err: unknown
    try {
      policy.evalRule('r', 'p', { maxSteps: 200_000 })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(RegoError)
    expect((err as RegoError).code).toBe('eval_limit_error')
  })

  it('ends on a time limit', () => {
    const policy = compile([
      {
        path: 't.rego',
        source:
          'package r\n\nn := numbers.range(1, 3000)\n\np := count([1 | some a in n; some b in n; some c in n])\n'
      }
    ])
    expect(() => policy.evalRule('r', 'p', { timeoutMs: 50, maxSteps: 1e12 })).toThrow(
      /eval_limit_error/
    )
  })

  it('turns a deeply nested input into a clear error, not a crash', () => {
    let deep: unknown = 1
    for (let i = 0; i < 200_000; i++) deep = [deep]
    const policy = compile([
      {
        path: 'd.rego',
        source: 'package d\n\np := x if {\n  x := {"v": input}\n  x.v == input\n}\n'
      }
    ])
    let err: unknown
    try {
      policy.evalRule('d', 'p', { input: deep })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(RegoError)
    expect((err as RegoError).code).toBe('eval_limit_error')
  })

  const chain = (n: number): string => {
    let src = 'package chain\n\n'
    for (let i = 0; i < n; i++) src += `p${i} := p${i + 1} + 1\n`
    return src + `p${n} := 0\n`
  }
  it('evaluates a chain of 100 rules', () => {
    expect(compile([{ path: 'c.rego', source: chain(100) }]).evalRule('chain', 'p0')).toBe(100)
  })
  it('ends a chain too deep for the stack with eval_limit_error', () => {
    const p = compile([{ path: 'c.rego', source: chain(20_000) }])
    expect(() => p.evalRule('chain', 'p0')).toThrow(/eval_limit_error/)
  })

  it('evaluates normally within the limits', () => {
    const policy = compile([
      {
        path: 'ok.rego',
        source:
          'package r\n\nn := numbers.range(1, 20)\n\np := count([1 | some a in n; some b in n])\n'
      }
    ])
    expect(policy.evalRule('r', 'p')).toBe(400)
  })
})

describe('public API', () => {
  const policy = compile(
    [
      {
        path: 'k8s.rego',
        source: `package kubernetes.admission

import rego.v1

deny contains msg if {
  some c in input.spec.containers
  c.securityContext.privileged
  msg := sprintf("%s: privileged", [c.name])
}

max_replicas := data.config.max
`
      },
      { path: 'main.rego', source: 'package main\n\nwarn contains "w" if input.kind == "Pod"\n' }
    ],
    { data: { config: { max: 3 } } }
  )

  it('lists packages and rules', () => {
    expect(policy.packages().sort()).toEqual(['kubernetes.admission', 'main'])
    expect(policy.rules('kubernetes.admission').sort()).toEqual(['deny', 'max_replicas'])
  })

  it('evaluates rules many times against different inputs', () => {
    for (let i = 0; i < 50; i++) {
      const input = {
        kind: 'Pod',
        spec: { containers: [{ name: `c${i}`, securityContext: { privileged: i % 2 === 0 } }] }
      }
      expect(policy.evalRule('kubernetes.admission', 'deny', { input })).toEqual(
        i % 2 === 0 ? [`c${i}: privileged`] : []
      )
    }
  })

  it('uses compile-time data unless overridden', () => {
    expect(policy.evalRule('kubernetes.admission', 'max_replicas')).toBe(3)
    expect(
      policy.evalRule('kubernetes.admission', 'max_replicas', { data: { config: { max: 7 } } })
    ).toBe(7)
    expect(policy.evalRule('kubernetes.admission', 'nope')).toBeUndefined()
  })

  it('answers queries like opa eval', () => {
    const r = policy.query('x := data.main.warn; y := 1 + 2', { input: { kind: 'Pod' } })
    expect(r).toHaveLength(1)
    expect(r[0].bindings).toEqual({ x: ['w'], y: 3 })
    expect(r[0].expressions).toHaveLength(2)
  })

  it('shares work across rules through a session', () => {
    const input = {
      kind: 'Pod',
      spec: { containers: [{ name: 'a', securityContext: { privileged: true } }] }
    }
    const s = policy.session({ input })
    expect(s.evalRule('kubernetes.admission', 'deny')).toEqual(['a: privileged'])
    expect(s.evalRule('main', 'warn')).toEqual(['w'])
    expect(s.evalRule('main', 'nope')).toBeUndefined()
  })

  it('reuses work between evalRule calls on the same input object, and recovers after errors', () => {
    const p = compile([
      {
        path: 'r.rego',
        source:
          'package r\n\nx := input.x\n\ny := x + 1\n\nbad := 1 if input.x\nbad := 2 if input.x\n\nw := v if v := x with input.x as 100\n'
      }
    ])
    const input = { x: 1 }
    expect(p.evalRule('r', 'x', { input })).toBe(1)
    expect(p.evalRule('r', 'w', { input })).toBe(100)
    expect(() => p.evalRule('r', 'bad', { input })).toThrow(/eval_conflict_error/)
    expect(p.evalRule('r', 'y', { input })).toBe(2)
    expect(p.evalRule('r', 'y', { input: { x: 5 } })).toBe(6)
  })

  it('sends print() output to the print option, undefined arguments as <undefined>', () => {
    const p = compile([
      { path: 'p.rego', source: 'package p\n\nq if {\n  print("x is", input.x, {1})\n}\n' }
    ])
    const out: string[] = []
    expect(p.evalRule('p', 'q', { print: m => out.push(m) })).toBe(true)
    expect(p.evalRule('p', 'q', { input: { x: 2 }, print: m => out.push(m) })).toBe(true)
    expect(out).toEqual(['x is <undefined> {1}', 'x is 2 {1}'])
  })

  it('raises eval_conflict_error on conflicting complete rules', () => {
    const p = compile([{ path: 'c.rego', source: 'package c\n\np := 1 if true\np := 2 if true\n' }])
    expect(() => p.evalRule('c', 'p')).toThrow(/eval_conflict_error/)
  })
})
