/**
 * Acceptance 1: a policy directory written for conftest (deny / deny_<name> / violation / warn,
 * exception, a data directory) gives the failures, warnings, exceptions, success counts and exit
 * codes that conftest's documented semantics give (shared/notes/rego.md §3). The expected values
 * below are worked out by hand from those rules, per document, in the comments.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { InputError } from '@secure-pipeline/core'
import {
  PolicySet,
  exceptionName,
  formatJson,
  formatText,
  loadInputs,
  runPolicyCheck,
  type CheckResult,
  type PolicyCheckOptions
} from '../src/index.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const cwd = path.join(here, 'fixtures', 'conftest')

function run(options: Partial<PolicyCheckOptions>) {
  return runPolicyCheck({
    paths: ['manifests'],
    policyDirs: ['policy'],
    dataPaths: ['data'],
    cwd,
    ...options
  })
}

function byFile(results: CheckResult[], filename: string, namespace = 'main'): CheckResult {
  const r = results.find(x => x.filename === filename && x.namespace === namespace)
  if (!r) throw new Error(`no result for ${filename} ${namespace}`)
  return r
}

describe('conftest semantics (namespace main)', () => {
  const out = run({})

  it('evaluates each document of a multi-document file and merges them per file', () => {
    // main has 4 rule bodies: deny, deny_labels, violation, warn.
    // doc 0 (web): deny fails, violation fails, deny_labels + warn succeed     → 2 successes
    // doc 1 (legacy): exception ["labels"] suppresses deny_labels; 3 succeed   → 3 successes, 1 exception
    // doc 2 (svc): warn warns; 3 succeed                                       → 3 successes
    const app = byFile(out.results, 'manifests/app.yaml')
    expect(app.failures.map(f => f.msg).sort()).toEqual([
      'image docker.io/nginx:1.25 is not from registry.example.com/',
      'web: containers must not run as root'
    ])
    expect(app.warnings.map(w => w.msg)).toEqual(['svc: NodePort services are discouraged'])
    expect(app.exceptions.map(e => e.msg)).toEqual(['data.main.exception[_][_] == "labels"'])
    expect(app.successes).toBe(8)
  })

  it('a file with no findings counts one success per rule body', () => {
    expect(byFile(out.results, 'manifests/ok.json')).toMatchObject({
      successes: 4,
      failures: [],
      warnings: [],
      exceptions: []
    })
  })

  it('object messages keep their metadata; data files load under their directory path', () => {
    const app = byFile(out.results, 'manifests/app.yaml')
    const v = app.failures.find(f => f.msg.startsWith('image '))
    // data/teams/owners.json → data.teams.owners; the metadata names a field path → its line.
    expect(v?.metadata).toMatchObject({
      team: 'team-web',
      path: 'spec.template.spec.containers[0].image',
      document: 0,
      line: 13
    })
    const s = app.failures.find(f => f.msg.startsWith('web:'))
    expect(s?.metadata).toMatchObject({ document: 0, line: 1 })
    expect(app.warnings[0].metadata).toMatchObject({ document: 2, line: 29 })
  })

  it('exit codes: 1 on failures; --fail-on-warn gives 2 on failures, 1 on warnings only', () => {
    expect(out.exitCode).toBe(1)
    expect(run({ failOnWarn: true }).exitCode).toBe(2)
    // Only a NodePort Service: a warning, no failure → 0, or 1 with --fail-on-warn.
    const warnOnly = { paths: ['warn-only'], policyDirs: ['policy'], dataPaths: ['data'], cwd }
    expect(runPolicyCheck(warnOnly)).toMatchObject({
      exitCode: 0,
      totals: { warnings: 1, failures: 0 }
    })
    expect(runPolicyCheck({ ...warnOnly, failOnWarn: true }).exitCode).toBe(1)
    // Nothing at all → 0 either way.
    const clean = { paths: ['manifests/ok.json'], policyDirs: ['policy'], dataPaths: ['data'], cwd }
    expect(runPolicyCheck({ ...clean, failOnWarn: true }).exitCode).toBe(0)
  })

  it('text output follows conftest (with file:line) and its summary line', () => {
    const text = formatText(out.results)
    expect(text).toContain(
      'WARN - manifests/app.yaml:29 - main - svc: NodePort services are discouraged'
    )
    expect(text).toContain(
      'FAIL - manifests/app.yaml:1 - main - web: containers must not run as root'
    )
    expect(text).toContain(
      'EXCP - manifests/app.yaml - main - data.main.exception[_][_] == "labels"'
    )
    expect(text.trimEnd().split('\n').pop()).toBe(
      '16 tests, 12 passed, 1 warning, 2 failures, 1 exception'
    )
  })

  it("JSON output has conftest's shape", () => {
    const parsed = JSON.parse(formatJson(out.results)) as Record<string, unknown>[]
    expect(parsed).toHaveLength(2)
    for (const r of parsed)
      expect(Object.keys(r)).toEqual([
        'filename',
        'namespace',
        'successes',
        'warnings',
        'failures',
        'exceptions'
      ])
    expect(parsed[0]).toMatchObject({
      filename: 'manifests/app.yaml',
      namespace: 'main',
      successes: 8
    })
  })
})

describe('namespaces', () => {
  it('--namespace selects one package', () => {
    const out = run({ namespaces: ['k8s.extra'] })
    expect(out.results.map(r => r.namespace)).toEqual(['k8s.extra', 'k8s.extra'])
    expect(byFile(out.results, 'manifests/app.yaml', 'k8s.extra').failures.map(f => f.msg)).toEqual(
      ['web: run at least 2 replicas']
    )
    // deny_replicas: 3 documents, 1 failure → 2 successes
    expect(byFile(out.results, 'manifests/app.yaml', 'k8s.extra').successes).toBe(2)
  })
  it('globs match package paths (path.Match: * spans dots)', () => {
    expect(run({ namespaces: ['k8s.*'] }).namespaces).toEqual(['k8s.extra'])
    expect(run({ namespaces: ['*'] }).namespaces.sort()).toEqual(['k8s.extra', 'main'])
    // helper libraries of the built-in sets (builtin.k8s) are never matched
    expect(run({ namespaces: ['*'], builtins: ['pss-restricted'] }).namespaces.sort()).toEqual([
      'builtin.pss.restricted',
      'k8s.extra',
      'main'
    ])
  })
  it('--all-namespaces evaluates every package', () => {
    const out = run({ allNamespaces: true })
    expect(out.namespaces.sort()).toEqual(['k8s.extra', 'main'])
    expect(out.totals.failures).toBe(3)
  })
  it('a namespace with no package reports no policies', () => {
    const out = run({ namespaces: ['nothing.here'] })
    expect(out.totals.tests).toBe(0)
    expect(formatText(out.results)).toContain(
      '? - manifests/app.yaml - nothing.here - no policies found'
    )
  })
})

describe('suffixes, _loc, exceptions on warn_ rules, data.conftest.file', () => {
  const out = runPolicyCheck({
    paths: ['manifests'],
    policyDirs: ['policy-extra'],
    namespaces: ['extra'],
    cwd
  })
  const app = byFile(out.results, 'manifests/app.yaml', 'extra')
  it('_loc becomes loc and sets the line', () => {
    expect(app.failures).toHaveLength(1)
    expect(app.failures[0]).toMatchObject({
      msg: 'docker.io/nginx:1.25 is not a release tag',
      loc: { file: 'somewhere.yaml', line: 7 },
      metadata: { document: 0, line: 7 }
    })
    expect(
      (JSON.parse(formatJson(out.results)) as { failures: unknown[] }[])[0].failures[0]
    ).toEqual({
      msg: 'docker.io/nginx:1.25 is not a release tag',
      loc: { file: 'somewhere.yaml', line: 7 },
      metadata: { document: 0, line: 7, query: 'data.extra.deny_image_tag' }
    })
  })
  it('an exception naming "node_port" suppresses warn_node_port', () => {
    expect(app.warnings).toEqual([])
    expect(app.exceptions.map(e => e.msg)).toEqual(['data.extra.exception[_][_] == "node_port"'])
  })
  it('successes: 3 rules × 3 documents − 1 failure − 1 exception', () => {
    expect(app.successes).toBe(7)
  })
  it('data.conftest.file is {name: base name, dir: absolute directory}, as conftest writes it', () => {
    expect(byFile(out.results, 'manifests/ok.json', 'extra').failures.map(f => f.msg)).toEqual([
      `file ok.json in ${path.join(cwd, 'manifests')}`
    ])
    const set = new PolicySet({
      modules: [
        {
          path: 'f.rego',
          source:
            'package main\nimport rego.v1\ndeny contains sprintf("%s|%s", [data.conftest.file.name, data.conftest.file.dir]) if true\n'
        }
      ]
    })
    const files = loadInputs(['manifests/ok.json'], { cwd })
    expect(set.check(files, { combine: true, cwd })[0].failures.map(f => f.msg)).toEqual([
      `Combined|${cwd}`
    ])
  })
  it('string and object results carry the rule query in metadata (conftest)', () => {
    const r = runPolicyCheck({ paths: ['manifests'], policyDirs: ['policy'], cwd })
    for (const res of r.results)
      for (const f of [...res.failures, ...res.warnings])
        expect(f.metadata?.query).toMatch(/^data\.main\.(deny|violation|warn)(_\w+)?$/)
    expect(r.totals.failures + r.totals.warnings).toBeGreaterThan(0)
  })
})

describe('opa.runtime() (conftest passes {env, version, commit})', () => {
  it('env comes from the run, without credentials', () => {
    const out = runPolicyCheck({
      paths: ['manifests/ok.json'],
      policyDirs: ['policy-runtime'],
      cwd,
      env: {
        STAGE: 'prod',
        GITHUB_TOKEN: 'x',
        INPUT_TOKEN: 'y',
        ACTIONS_RUNTIME_URL: 'z',
        AWS_SECRET_ACCESS_KEY: 'k',
        DB_PASSWORD: 'p'
      }
    })
    expect(out.results[0].failures.map(f => f.msg)).toEqual(['stage prod'])
    expect(out.results[0].warnings.map(f => f.msg).sort()).toEqual([
      '["STAGE"]',
      '["commit", "env", "version"]'
    ])
  })
  it('an environment where the policy passes', () => {
    const out = runPolicyCheck({
      paths: ['manifests/ok.json'],
      policyDirs: ['policy-runtime'],
      cwd,
      env: { STAGE: 'dev' }
    })
    expect(out.results[0].failures).toEqual([])
  })
})

describe('several policy directories (-p repeated)', () => {
  it('loads every directory; each package is a namespace; rules of one package merge', () => {
    const both = runPolicyCheck({
      paths: ['manifests'],
      policyDirs: ['policy', 'policy-extra/extra.rego'],
      dataPaths: ['data'],
      allNamespaces: true,
      cwd
    })
    const one = (dir: string, ns: string) =>
      runPolicyCheck({
        paths: ['manifests'],
        policyDirs: [dir],
        dataPaths: ['data'],
        namespaces: [ns],
        cwd
      }).results
    expect(both.namespaces.sort()).toEqual(['extra', 'k8s.extra', 'main'])
    for (const [dir, ns] of [
      ['policy', 'main'],
      ['policy', 'k8s.extra'],
      ['policy-extra', 'extra']
    ])
      expect(both.results.filter(r => r.namespace === ns)).toEqual(one(dir, ns))
  })
  it('a missing policy directory is an input error naming it', () => {
    expect(() =>
      runPolicyCheck({ paths: ['manifests'], policyDirs: ['policy', 'nope'], cwd })
    ).toThrow(/policy path not found: nope/)
  })
})

describe('exception names (conftest removeRulePrefix)', () => {
  it.each([
    ['deny', ''],
    ['violation', ''],
    ['warn', ''],
    ['deny_foo', 'foo'],
    ['violation_foo_bar', 'foo_bar'],
    ['warn_node_port', 'node_port'],
    ['violation_deny_x', 'x'],
    ['deny_warn_x', 'x'],
    ['warn_deny_x', 'deny_x'],
    ['denyfoo', 'denyfoo']
  ])('%s → %j', (rule, name) => {
    expect(exceptionName(rule)).toBe(name)
  })
})

describe('other conftest behaviour', () => {
  it('--combine evaluates one input named Combined: [{path, contents}]', () => {
    const out = runPolicyCheck({
      paths: ['manifests'],
      policyDirs: ['policy-combine'],
      cwd,
      combine: true
    })
    expect(out.results).toHaveLength(1)
    expect(out.results[0].filename).toBe('Combined')
    expect(out.results[0].failures.map(f => f.msg)).toEqual([
      '2 Deployments across 4 documents: split them per service'
    ])
  })
  it('--combine leaves the built-in sets checking each object of each file', () => {
    const out = runPolicyCheck({
      paths: ['manifests'],
      policyDirs: ['policy-combine'],
      builtins: ['pss-baseline'],
      cwd,
      combine: true
    })
    expect(out.results.map(r => [r.filename, r.namespace])).toEqual([
      ['Combined', 'main'],
      ['manifests/app.yaml', 'builtin.pss.baseline'],
      ['manifests/ok.json', 'builtin.pss.baseline']
    ])
    const separate = runPolicyCheck({ paths: ['manifests'], builtins: ['pss-baseline'], cwd })
    expect(out.results.slice(1)).toEqual(separate.results)
  })
  it('a boolean v1 rule (deny if ...) yields no message and counts as a success', () => {
    const out = runPolicyCheck({ paths: ['manifests'], policyDirs: ['policy-bool'], cwd })
    expect(out.totals.failures).toBe(0)
    expect(out.exitCode).toBe(0)
    expect(byFile(out.results, 'manifests/app.yaml').successes).toBe(3)
  })
  it('an object message without msg is an error', () => {
    expect(() =>
      runPolicyCheck({ paths: ['manifests'], policyDirs: ['policy-badmsg'], cwd })
    ).toThrow(/without a string "msg"/)
  })
  it.each([
    ['policy-refhead', 6, /rule deny\[msg\] uses 'if' without 'contains'/],
    ['policy-v0', 3, /rule deny\[msg\] uses Rego v0 syntax/]
  ])(
    '%s: deny[msg] rules are refused (as conftest does) with file and line',
    (dir, line, message) => {
      let err: unknown
      try {
        runPolicyCheck({ paths: ['manifests'], policyDirs: [dir], cwd })
      } catch (e) {
        err = e
      }
      expect(err).toBeInstanceOf(InputError)
      expect((err as InputError).position).toMatchObject({
        file: `${dir}/${dir === 'policy-v0' ? 'v0' : 'refhead'}.rego`,
        line
      })
      expect((err as InputError).message).toMatch(message)
    }
  )

  it('a policy that does not compile is an input error with file and line', () => {
    let err: unknown
    try {
      runPolicyCheck({ paths: ['manifests'], policyDirs: ['policy-broken'], cwd })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(InputError)
    const ie = err as InputError
    expect(ie.exitCode).toBe(2)
    expect(ie.position.file).toBe('policy-broken/broken.rego')
    expect(ie.position.line).toBeGreaterThanOrEqual(7)
  })
})

describe('symlinks in policy and data directories', () => {
  it('a symlinked .rego file (a shared library) is loaded, not silently skipped', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'policy-symlink-'))
    try {
      mkdirSync(path.join(root, 'shared'))
      mkdirSync(path.join(root, 'policy'))
      writeFileSync(
        path.join(root, 'shared', 'deny.rego'),
        'package main\nimport rego.v1\ndeny contains "no pods" if input.kind == "Pod"\n'
      )
      symlinkSync('../shared/deny.rego', path.join(root, 'policy', 'deny.rego'))
      symlinkSync('..', path.join(root, 'policy', 'loop'))
      writeFileSync(path.join(root, 'pod.yaml'), 'kind: Pod\nmetadata: {name: p}\n')
      const r = runPolicyCheck({ paths: ['pod.yaml'], policyDirs: ['policy'], cwd: root })
      expect(r.results.flatMap(x => x.failures.map(f => f.msg))).toEqual(['no pods'])
      expect(r.exitCode).toBe(1)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
