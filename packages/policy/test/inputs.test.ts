/**
 * Manifest input robustness, end to end through the built-in sets and a user policy: every
 * manifest shape a pipeline meets (multi-document YAML with `---`, `...` and empty documents, JSON
 * and JSON arrays, anchors / aliases / merge keys, CRLF, a byte-order mark, very long lines,
 * Helm and kustomize output, YAML 1.1 scalars as Kubernetes reads them, non-Kubernetes YAML) gives
 * the findings of each document at the line of the offending field; unparsable input is one input
 * error with file and line.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { InputError } from '@secure-pipeline/core'
import { PolicySet, type CheckResult } from '../src/engine.js'
import { jsonErrorOffset, loadInputs } from '../src/load.js'
import { formatGithub, sarifLog } from '../src/report.js'
import { runPolicyCheck } from '../src/run.js'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'policy-inputs-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

let counter = 0
function write(text: string | Buffer, ext = '.yaml'): string {
  const name = `input-${++counter}${ext}`
  writeFileSync(path.join(tmp, name), text)
  return name
}

const baseline = new PolicySet({ builtins: ['pss-baseline'] })
const userPolicy = new PolicySet({
  modules: [
    {
      path: 'policy/main.rego',
      source: [
        'package main',
        'import rego.v1',
        'deny contains sprintf("%v/%v", [input.kind, input.metadata.name]) if input.kind',
        'warn contains sprintf("no kind: %v", [object.keys(input)]) if {',
        '  is_object(input)',
        '  not input.kind',
        '}',
        'warn contains "null document" if input == null',
        'warn contains sprintf("list of %d", [count(input)]) if is_array(input)',
        ''
      ].join('\n')
    }
  ]
})

function check(set: PolicySet, name: string): CheckResult {
  const files = loadInputs([name], { cwd: tmp })
  const [r] = set.check(files, { cwd: tmp })
  return r
}

/** [check id or message, document index, line] of every failure and warning. */
function where(r: CheckResult): [string, number, number][] {
  return [...r.failures, ...r.warnings].map(f => [
    typeof f.metadata?.id === 'string' ? f.metadata.id : f.msg,
    Number(f.metadata?.document),
    Number(f.metadata?.line)
  ])
}

/** 1-based numbers of the lines that contain `needle`. */
function linesOf(text: string, needle: string): number[] {
  return text.split(/\r?\n/).flatMap((l, i) => (l.includes(needle) ? [i + 1] : []))
}

const privilegedPod = (name: string): string =>
  [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  containers:',
    '    - name: c',
    '      image: registry.example.com/app:1',
    '      securityContext:',
    '        privileged: true'
  ].join('\n')

describe('multi-document YAML', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n']
  ])('%s: each document at its own line, empty and comment-only documents kept', (_n, eol) => {
    const text = [
      '---',
      privilegedPod('a'),
      '...',
      '---',
      '---',
      '# a comment-only document',
      '---',
      privilegedPod('b'),
      '---',
      ''
    ]
      .join('\n')
      .replace(/\n/g, eol)
    const name = write(text)
    const lines = linesOf(text, 'privileged: true')
    expect(where(check(baseline, name))).toEqual([
      ['privileged', 0, lines[0]],
      ['privileged', 3, lines[1]]
    ])
    const user = check(userPolicy, name)
    expect(user.failures.map(f => f.msg)).toEqual(['Pod/a', 'Pod/b'])
    expect(user.warnings.map(f => f.msg)).toEqual([
      'null document',
      'null document',
      'null document'
    ])
  })

  it('a byte-order mark before YAML and before JSON', () => {
    const yamlName = write(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(privilegedPod('bom') + '\n')])
    )
    expect(where(check(baseline, yamlName))).toEqual([['privileged', 0, 10]])
    const json = JSON.stringify(
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'j' }, spec: { hostIPC: true } },
      null,
      2
    )
    const jsonName = write(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]),
      '.json'
    )
    expect(where(check(baseline, jsonName))).toEqual([
      ['hostNamespaces', 0, linesOf(json, 'hostIPC')[0]]
    ])
  })

  it.each([
    [
      'UTF-16LE',
      (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])
    ],
    [
      'UTF-16BE',
      (t: string) => {
        const be = Buffer.from(t, 'utf16le').swap16()
        return Buffer.concat([Buffer.from([0xfe, 0xff]), be])
      }
    ]
  ])('%s with a byte-order mark (PowerShell redirection)', (_n, encode) => {
    const text = privilegedPod('wide') + '\r\n---\r\n' + privilegedPod('wide2') + '\r\n'
    const r = check(baseline, write(encode(text)))
    expect(where(r)).toEqual([
      ['privileged', 0, 10],
      ['privileged', 1, 21]
    ])
  })

  const utf32 = (t: string, littleEndian: boolean): Buffer => {
    const cps = [...t].map(c => c.codePointAt(0) ?? 0)
    const b = Buffer.alloc(cps.length * 4)
    cps.forEach((cp, i) => (littleEndian ? b.writeUInt32LE(cp, i * 4) : b.writeUInt32BE(cp, i * 4)))
    return b
  }
  it.each([
    ['UTF-16LE', (t: string) => Buffer.from(t, 'utf16le')],
    ['UTF-16BE', (t: string) => Buffer.from(t, 'utf16le').swap16()],
    ['UTF-32LE', (t: string) => utf32(t, true)],
    ['UTF-32BE', (t: string) => utf32(t, false)],
    ['UTF-32LE with a byte-order mark', (t: string) => utf32('\uFEFF' + t, true)]
  ])(
    '%s without a byte-order mark is detected (YAML 1.2 §5.2), not read as NUL-filled UTF-8',
    (_n, encode) => {
      // read as UTF-8 this was a plain string with no kind: the privileged pod passed unchecked
      const text = privilegedPod('wide') + '\n---\n' + privilegedPod('wide2') + '\n'
      expect(where(check(baseline, write(encode(text))))).toEqual([
        ['privileged', 0, 10],
        ['privileged', 1, 21]
      ])
    }
  )

  it('UTF-16 JSON without a byte-order mark', () => {
    const json =
      '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "j"},\n "spec": {"hostIPC": true}}'
    expect(where(check(baseline, write(Buffer.from(json, 'utf16le'), '.json')))).toEqual([
      ['hostNamespaces', 0, 2]
    ])
  })

  it('lone CR line ends (classic Mac) are line breaks, as in YAML and go-yaml', () => {
    const text = privilegedPod('cr').replace(/\n/g, '\r') + '\r'
    expect(where(check(baseline, write(text)))).toEqual([['privileged', 0, 10]])
  })

  it('a control character (a binary file) is an input error at its position, not a pass', () => {
    const name = write(Buffer.from('kind: Pod\nmetadata:\n  name: a\u0001b\n'))
    try {
      check(baseline, name)
      throw new Error('expected an InputError')
    } catch (e) {
      if (!(e instanceof InputError)) throw e
      expect(e.message).toMatch(/^invalid YAML: control character U\+0001 is not allowed/)
      expect(e.position).toMatchObject({ file: name, line: 3, column: 10 })
    }
  })

  it('an empty file and a comments-only file are one null document (as in conftest)', () => {
    for (const text of ['', '# nothing here\n']) {
      const r = check(userPolicy, write(text))
      expect(r.warnings.map(w => w.msg)).toEqual(['null document'])
      expect(r.failures).toEqual([])
    }
  })
})

describe('JSON', () => {
  it('a top-level array is one document per element, each at its own line', () => {
    const items = [
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, spec: { hostPID: true } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'c' }, spec: { hostNetwork: true } }
    ]
    const json = JSON.stringify(items, null, 2)
    const name = write(json, '.json')
    expect(where(check(baseline, name))).toEqual([
      ['hostNamespaces', 0, linesOf(json, 'hostPID')[0]],
      ['hostNamespaces', 2, linesOf(json, 'hostNetwork')[0]]
    ])
    expect(check(userPolicy, name).failures.map(f => f.msg)).toEqual([
      'Pod/a',
      'ConfigMap/b',
      'Pod/c'
    ])
  })

  it('a compact one-line JSON file still locates every document on line 1', () => {
    const name = write(
      JSON.stringify([
        { kind: 'Pod', metadata: { name: 'a' }, spec: { hostPID: true } },
        { kind: 'Pod', metadata: { name: 'b' }, spec: { hostIPC: true } }
      ]),
      '.json'
    )
    expect(where(check(baseline, name))).toEqual([
      ['hostNamespaces', 0, 1],
      ['hostNamespaces', 1, 1]
    ])
  })

  it('a list that is one of several YAML documents stays one input (conftest)', () => {
    const name = write('- a: 1\n- a: 2\n---\nkind: ConfigMap\nmetadata: {name: x}\n')
    const r = check(userPolicy, name)
    expect(r.warnings.map(w => w.msg)).toEqual(['list of 2'])
    expect(r.failures.map(f => f.msg)).toEqual(['ConfigMap/x'])
    // ... while a YAML file holding only a list is one document per element
    const single = check(
      userPolicy,
      write('- kind: A\n  metadata: {name: a}\n- kind: B\n  metadata: {name: b}\n')
    )
    expect(single.failures.map(f => f.msg)).toEqual(['A/a', 'B/b'])
  })
})

describe('YAML features', () => {
  it('anchors, aliases and merge keys are resolved; findings point at the field', () => {
    const text = [
      'x-common: &hardening',
      '  privileged: true',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: anchors}',
      'spec:',
      '  containers:',
      '    - name: a',
      '      image: registry.example.com/app:1',
      '      securityContext: &sc',
      '        <<: {privileged: true}',
      '        runAsUser: 1000',
      '    - name: b',
      '      image: registry.example.com/app:1',
      '      securityContext: *sc',
      '    - name: c',
      '      image: registry.example.com/app:1',
      '      securityContext:',
      '        <<: [{capabilities: {add: [SYS_ADMIN]}}]',
      ''
    ].join('\n')
    expect(where(check(baseline, write(text)))).toEqual([
      // a field that comes from a merge key is located at its mapping
      ['capabilities_baseline', 1, 19],
      ['privileged', 1, 11],
      ['privileged', 1, 16]
    ])
  })

  it('YAML 1.1 scalars read as Kubernetes reads them (go-yaml v2)', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: yaml11',
      '  annotations: {built: 2024-01-02, ratio: "1:20", window: 1:20, blob: !!binary aGVsbG8=}',
      'spec:',
      '  hostNetwork: yes',
      '  hostPID: off',
      '  containers:',
      '    - name: c',
      '      image: registry.example.com/app:1',
      '      securityContext: {privileged: on}',
      '  volumes:',
      '    - name: v',
      '      configMap: {name: x, defaultMode: 0644}',
      ''
    ].join('\n')
    const name = write(text)
    expect(where(check(baseline, name))).toEqual([
      ['hostNamespaces', 0, 7],
      ['privileged', 0, 12]
    ])
    const [file] = loadInputs([name], { cwd: tmp })
    const pod = file.documents[0].value as {
      metadata: { annotations: Record<string, unknown> }
      spec: { hostPID: unknown; volumes: { configMap: { defaultMode: unknown } }[] }
    }
    expect(pod.spec.hostPID).toBe(false)
    expect(pod.spec.volumes[0].configMap.defaultMode).toBe(0o644)
    // timestamps and base-60 numbers stay strings, as in go-yaml v2
    expect(pod.metadata.annotations).toEqual({
      built: '2024-01-02',
      ratio: '1:20',
      window: '1:20',
      blob: 'hello'
    })
  })

  it('a very long line (2 MB annotation) is read and located', () => {
    const long = 'x'.repeat(2 * 1024 * 1024)
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: long\n  annotations: {big: "${long}"}\nspec:\n  hostIPC: true\n`
    expect(where(check(baseline, write(text)))).toEqual([['hostNamespaces', 0, 7]])
  })

  it('non-Kubernetes YAML (no kind) is checked as it is, and the built-in sets pass it', () => {
    const name = write('name: my-service\nreplicas: 3\nports: [80, 443]\n')
    expect(check(userPolicy, name).warnings.map(w => w.msg)).toEqual([
      'no kind: {"name", "ports", "replicas"}'
    ])
    const r = check(baseline, name)
    expect(r.failures).toEqual([])
    expect(r.successes).toBe(1)
  })
})

describe('rendered output', () => {
  const helm = [
    '---',
    '# Source: shop/templates/serviceaccount.yaml',
    'apiVersion: v1',
    'kind: ServiceAccount',
    'metadata:',
    '  name: shop',
    '---',
    '# Source: shop/templates/deployment.yaml',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: shop',
    '  labels:',
    '    helm.sh/chart: shop-0.1.0',
    'spec:',
    '  template:',
    '    spec:',
    '      hostNetwork: true',
    '      containers:',
    '        - name: shop',
    '          image: "registry.example.com/shop:1.0"',
    '          securityContext:',
    '            privileged: true',
    '---',
    '# Source: shop/templates/tests/test-connection.yaml',
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: "shop-test-connection"',
    '  annotations:',
    '    "helm.sh/hook": test',
    'spec:',
    '  hostPID: true',
    '  containers: []',
    ''
  ].join('\n')

  it('helm template output: each finding carries its template (# Source:) and line', () => {
    const name = write(helm)
    const r = check(baseline, name)
    expect(where(r)).toEqual([
      ['hostNamespaces', 1, 18],
      ['privileged', 1, 23],
      ['hostNamespaces', 2, 33]
    ])
    expect([...r.failures].map(f => f.metadata?.source)).toEqual([
      'shop/templates/deployment.yaml',
      'shop/templates/deployment.yaml',
      'shop/templates/tests/test-connection.yaml'
    ])
  })

  it('GitHub annotations and SARIF point at each document’s line', () => {
    const name = write(helm)
    const files = loadInputs([name], { cwd: tmp })
    const results = baseline.check(files, { cwd: tmp })
    const annotations = formatGithub(results)
      .split('\n')
      .filter(l => l.startsWith('::error'))
    expect(annotations.map(a => /line=(\d+)/.exec(a)?.[1])).toEqual(['18', '23', '33'])
    const log = sarifLog(results) as {
      runs: {
        results: { locations: { physicalLocation: { region: { startLine: number } } }[] }[]
      }[]
    }
    expect(log.runs[0].results.map(x => x.locations[0].physicalLocation.region.startLine)).toEqual([
      18, 23, 33
    ])
  })

  it('kustomize build output (no leading ---, documents sorted by kind)', () => {
    const text = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: app-config-7b2f9m',
      'data:',
      '  key: value',
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  labels:',
      '    app: web',
      '  name: web',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - image: registry.example.com/web:1',
      '        name: web',
      '        ports:',
      '        - containerPort: 80',
      '          hostPort: 80',
      ''
    ].join('\n')
    expect(where(check(baseline, write(text)))).toEqual([['hostPorts', 1, 22]])
  })
})

describe('unparsable input: one input error with file and line (exit 2)', () => {
  function inputError(text: string, ext = '.yaml'): InputError {
    const name = write(text, ext)
    try {
      runPolicyCheck({ paths: [name], builtins: ['pss-baseline'], cwd: tmp })
    } catch (e) {
      if (e instanceof InputError) {
        expect(e.position.file).toBe(name)
        expect(e.exitCode).toBe(2)
        return e
      }
      throw e
    }
    throw new Error('expected an InputError')
  }

  it.each([
    ['bad indentation', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n spec: {}\n', 5],
    ['unclosed flow sequence in the second document', 'kind: A\n---\nkind: B\nitems: [1, 2\n', 4],
    ['a tab for indentation', 'kind: Pod\nspec:\n\thostPID: true\n', 3],
    ['duplicate key', 'kind: Pod\nmetadata:\n  name: a\n  name: b\n', 4],
    ['unknown alias', 'kind: Pod\nmetadata: {name: a}\nspec: *nothing\n', 3]
  ])('%s', (_n, text, line) => {
    const e = inputError(text)
    expect(e.message).toMatch(/^invalid YAML: /)
    expect(e.message.split('\n')).toHaveLength(1)
    expect(e.position.line).toBe(line)
  })

  it.each([
    [
      'a chart template with a leading {{- if }}',
      '{{- if .Values.enabled }}\napiVersion: apps/v1\nkind: Deployment\n{{- end }}\n',
      1
    ],
    [
      'a template action as a value, in the second document',
      'kind: ConfigMap\n---\nkind: Pod\nmetadata:\n  name: {{ include "x.fullname" . }}\n  labels:\n    {{- include "labels" . | nindent 4 }}\n',
      7
    ]
  ])('an unrendered Helm template gets a hint: %s', (_n, text, line) => {
    const e = inputError(text)
    expect(e.message).toMatch(
      /^invalid YAML: .* \(this looks like an unrendered Helm or Go template/
    )
    expect(e.position.line).toBe(line)
  })

  it('no template hint for a `{{` inside another document', () => {
    const e = inputError('data: {a: "{{ x }}"}\n---\nkind: Pod\n spec: {}\n')
    expect(e.message).not.toMatch(/template/)
  })

  it.each([
    ['a missing value', '[\n  {"kind": "Pod"},\n  {"kind": }\n]\n', 'unexpected "}"', 3, 12],
    ['a trailing comma', '{\n  "a": 1,\n}\n', 'unexpected "}"', 3, 1],
    ['a single-quoted string', '{"a":\n  \'x\'}', 'unexpected "\'"', 2, 3],
    ['an unclosed array', '[1,\n 2\n', 'unexpected end of input', 2, 2],
    ['trailing text', '{"a": 1}\n{"b": 2}\n', 'unexpected "{"', 2, 1],
    ['a leading zero', '{"mode": 0644}', 'unexpected "6"', 1, 11]
  ])('invalid JSON: %s', (_n, text, reason, line, column) => {
    const e = inputError(text, '.json')
    expect(e.message).toBe(`invalid JSON: ${reason}`)
    expect(e.position).toMatchObject({ line, column })
  })

  it.each([
    '{}',
    '[]',
    ' {"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"], "b": {"c": {}}} ',
    '\uFEFF[{"kind": "Pod"}]'
  ])('jsonErrorOffset accepts valid JSON %j', text => {
    expect(jsonErrorOffset(text)).toBe(-1)
    expect(() => {
      JSON.parse(text.replace(/^\uFEFF/, ''))
    }).not.toThrow()
  })
})
