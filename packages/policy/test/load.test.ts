import { afterAll, describe, expect, it } from '@jest/globals'
import {
  chmodSync,
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  ftruncateSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { InputError } from '@secure-pipeline/core'
import { loadInputs, type InputFile } from '../src/load.js'
import { formatFieldPath, parseFieldPath } from '../src/paths.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const fixtures = path.join(here, 'fixtures', 'load')
const tmp = mkdtempSync(path.join(os.tmpdir(), 'policy-load-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

function load(p: string, env?: NodeJS.ProcessEnv): InputFile[] {
  return loadInputs([p], { cwd: fixtures, env })
}

function inputError(fn: () => unknown): InputError {
  try {
    fn()
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error('expected an InputError')
}

describe('field paths', () => {
  it.each([
    ['spec.containers[0].image', ['spec', 'containers', 0, 'image']],
    ['metadata.annotations["a.b/c"]', ['metadata', 'annotations', 'a.b/c']],
    ['rules[2].verbs', ['rules', 2, 'verbs']]
  ])('%s', (text, segs) => {
    expect(parseFieldPath(text)).toEqual(segs)
    expect(parseFieldPath(formatFieldPath(segs))).toEqual(segs)
  })
})

describe('multi-document YAML', () => {
  const [file] = load('multi.yaml')
  it('keeps every document (empty ones as null) with its index and start line', () => {
    expect(file.filename).toBe('multi.yaml')
    expect(file.documents.map(d => d.index)).toEqual([0, 1, 2, 3])
    expect(file.documents.map(d => (d.value as { kind?: string } | null)?.kind ?? null)).toEqual([
      'ConfigMap',
      'Deployment',
      null,
      'Service'
    ])
    expect(file.documents[0].line).toBe(2)
    expect(file.documents[1].line).toBe(9)
    expect(file.documents[3].line).toBe(23)
  })
  it.each([
    [1, ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged'], 20],
    [1, ['spec', 'template', 'spec', 'containers', 0, 'image'], 18],
    [1, ['spec', 'template', 'spec', 'containers', 0], 17],
    // a missing field falls back to its deepest existing ancestor
    [1, ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'runAsNonRoot'], 19],
    [3, ['metadata', 'annotations', 'example.com/dotted.key'], 28],
    [3, ['spec', 'type'], 30]
  ])('document %d field %j is on line %d', (doc, p, line) => {
    expect(file.documents[doc].locate(p)).toBe(line)
  })
})

describe('JSON', () => {
  it('splits a top-level array into documents and locates fields', () => {
    const [file] = load('list.json')
    expect(file.documents).toHaveLength(2)
    expect(file.documents[0].line).toBe(2)
    expect(file.documents[1].line).toBe(7)
    expect(file.documents[1].locate(['spec', 'hostNetwork'])).toBe(13)
  })
  it('reports invalid JSON with its line', () => {
    const err = inputError(() => load('invalid.json'))
    expect(err.position.file).toBe('invalid.json')
    expect(err.position.line).toBe(5)
  })
})

describe('directories', () => {
  it('walks recursively, only YAML and JSON, in name order', () => {
    const files = load('dir')
    expect(files.map(f => f.filename)).toEqual(['dir/a.yaml', 'dir/nested/b.yml'])
  })
})

describe('bad input', () => {
  it('invalid YAML names file and line', () => {
    const err = inputError(() => load('invalid.yaml'))
    expect(err.position).toMatchObject({ file: 'invalid.yaml', line: 10, column: 3 })
    expect(err.exitCode).toBe(2)
    expect(err.message).toMatch(/invalid YAML/)
  })
  it('a YAML bomb is stopped by the alias limit', () => {
    const err = inputError(() => load('bomb.yaml'))
    expect(err.message).toMatch(/alias/)
    expect(err.position.file).toBe('bomb.yaml')
  })
  it('an anchor reused hundreds of times is valid YAML (go-yaml accepts it), not a bomb', () => {
    // real manifests reuse one securityContext / labels / resources anchor in many places
    const file = path.join(tmp, 'many-aliases.yaml')
    const containers = Array.from(
      { length: 150 },
      (_, i) => `  - name: c${i}\n    image: busybox:1.36\n    securityContext: *sc\n`
    ).join('')
    writeFileSync(
      file,
      `kind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: &sc {runAsNonRoot: true}\n  containers:\n${containers}`
    )
    const [input] = loadInputs([file], { cwd: tmp })
    const pod = input.documents[0].value as {
      spec: { containers: { securityContext: unknown }[] }
    }
    expect(pod.spec.containers).toHaveLength(150)
    expect(pod.spec.containers[149].securityContext).toEqual({ runAsNonRoot: true })
  })
  it('an alias inside its own anchor is an input error with a line, not a stack overflow', () => {
    const file = path.join(tmp, 'self-alias.yaml')
    writeFileSync(file, 'kind: ConfigMap\nmetadata: {name: x}\ndata: &a\n  k: *a\n')
    const err = inputError(() => loadInputs([file], { cwd: tmp }))
    expect(err.message).toMatch(/alias \*a refers to the anchor it is inside of/)
    expect(err.position).toMatchObject({ file: 'self-alias.yaml', line: 4 })
  })
  it('a symlinked manifest in a directory is read, not skipped (fail-open otherwise)', () => {
    const root = path.join(tmp, 'symlinks')
    mkdirSync(path.join(root, 'dir'), { recursive: true })
    writeFileSync(path.join(root, 'pod.yaml'), 'kind: Pod\nmetadata: {name: linked}\n')
    symlinkSync('../pod.yaml', path.join(root, 'dir', 'pod.yaml'))
    // a link back up the tree is walked once, not forever
    symlinkSync('..', path.join(root, 'dir', 'up'))
    const files = loadInputs(['dir'], { cwd: root }).map(f => f.filename)
    expect(files).toEqual(['dir/pod.yaml', 'dir/up/pod.yaml'])
    const [only] = loadInputs(['dir/pod.yaml'], { cwd: root })
    expect(only.documents[0].value).toMatchObject({ metadata: { name: 'linked' } })
  })
  it('a broken symlink to a manifest is an input error', () => {
    const root = path.join(tmp, 'broken-link')
    mkdirSync(root, { recursive: true })
    symlinkSync('missing.yaml', path.join(root, 'gone.yaml'))
    symlinkSync('missing.txt', path.join(root, 'notes.txt'))
    const err = inputError(() => loadInputs(['.'], { cwd: root }))
    expect(err.message).toMatch(/broken symbolic link/)
    expect(err.position.file).toBe('gone.yaml')
  })
  it('a 50 MB file hits the size limit with a clear message', () => {
    const big = path.join(tmp, 'big.yaml')
    const fd = openSync(big, 'w')
    ftruncateSync(fd, 50 * 1024 * 1024)
    closeSync(fd)
    const err = inputError(() => loadInputs([big], { cwd: tmp }))
    expect(err.message).toMatch(/50\.0 MiB, over the 16\.0 MiB limit/)
    expect(err.position.file).toBe('big.yaml')
  })
  it('pathologically deep nesting is an input error, not a crash', () => {
    const deep = path.join(tmp, 'deep.yaml')
    writeFileSync(deep, 'a: ' + '['.repeat(200_000) + ']'.repeat(200_000) + '\n')
    const err = inputError(() => loadInputs([deep], { cwd: tmp }))
    expect(err.position.file).toBe('deep.yaml')
  })
  it('a missing path', () => {
    expect(inputError(() => load('nope.yaml')).message).toMatch(/no such file/)
  })
})

describe('Helm and Kustomize', () => {
  const emptyPath = mkdtempSync(path.join(os.tmpdir(), 'policy-nopath-'))
  afterAll(() => rmSync(emptyPath, { recursive: true, force: true }))
  it('explains when helm is not on PATH', () => {
    const err = inputError(() => load('chart', { PATH: emptyPath }))
    expect(err.message).toMatch(/Helm chart, but helm is not on PATH/)
  })
  it('explains when kubectl/kustomize are not on PATH', () => {
    const err = inputError(() => load('kustomize', { PATH: emptyPath }))
    expect(err.message).toMatch(/neither kubectl nor kustomize is on PATH/)
  })
  it('renders a chart with helm template and a kustomization with kubectl kustomize', () => {
    const bin = path.join(tmp, 'bin')
    const log = path.join(tmp, 'calls.log')
    writeFileSync(path.join(tmp, 'placeholder'), '')
    rmSync(bin, { recursive: true, force: true })
    for (const tool of ['helm', 'kubectl']) {
      const script = path.join(tmp, tool)
      writeFileSync(
        script,
        `#!/bin/sh\necho "${tool} $*" >> "${log}"\nprintf -- '---\\n# Source: x\\napiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: rendered-by-${tool}\\n'\n`
      )
      chmodSync(script, 0o755)
    }
    const env = { PATH: tmp }
    const [chart] = load('chart', env)
    expect(chart.renderedBy).toBe('helm')
    expect(chart.documents[0].value).toMatchObject({ metadata: { name: 'rendered-by-helm' } })
    expect(chart.documents[0].line).toBe(3)
    expect(chart.documents[0].source).toBe('x')
    const [k] = load('kustomize', env)
    expect(k.renderedBy).toBe('kustomize')
    expect(k.documents[0].value).toMatchObject({ metadata: { name: 'rendered-by-kubectl' } })
  })
})
