import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from '@jest/globals'
import { InputError } from '@secure-pipeline/core'
import { Baseline, parseConfig, scanSecrets, toJsonReport, toTextReport } from '../src/index.js'
import { expand } from './gen.js'
import { git, tmp, write } from './workdir.js'

const here = path.dirname(fileURLToPath(import.meta.url))

const GH = expand('{gh:ghp}', 'scan/gh')
const STRIPE = expand('sk_live_{an:24}', 'scan/stripe')
const SLACK = expand('xoxb-{d:12}-{d:13}-{an:24}', 'scan/slack')
const AWS_ID = expand('AKIA{b32:16}', 'scan/aws')

describe('working tree', () => {
  const root = tmp()
  write(root, '.gitignore', 'ignored/\n')
  write(root, 'src/app.js', `const a = 1\nconst token = "${GH}"\n`)
  write(root, 'config/prod.env', `# prod\nSTRIPE_KEY=${STRIPE}\nSLACK=${SLACK} # gitleaks:allow\n`)
  write(root, 'config/dev.env', `AWS_ACCESS_KEY_ID=${AWS_ID} // secure-pipeline:allow\n`)
  write(root, 'ignored/leak.txt', `token=${GH}\n`)
  write(root, 'bin/blob.dat', Buffer.concat([Buffer.from([0, 1, 2, 3]), Buffer.from(GH)]))
  write(root, 'big.txt', 'x'.repeat(2048) + GH)
  write(root, 'package-lock.json', `{"token": "${GH}"}`)

  test.each([0, 2])('finds planted secrets at the exact position (workers=%d)', async workers => {
    const out = await scanSecrets({ root, workers, parallelThreshold: 0, maxFileSize: 1024 })
    const got = out.findings.map(f => [f.file, f.ruleId, f.startLine, f.startColumn, f.endColumn])
    expect(got).toEqual([
      ['config/prod.env', 'stripe-live-secret-key', 2, 12, 12 + STRIPE.length],
      ['src/app.js', 'github-pat', 2, 16, 16 + GH.length]
    ])
    expect(out.findings[1].secret).toBe(GH)
    expect(out.findings[1].fingerprint).toBe('src/app.js:github-pat:2')
    const skipped = Object.fromEntries(out.skipped.map(s => [s.path, s.reason]))
    expect(skipped).toEqual({ 'bin/blob.dat': 'binary', 'big.txt': 'too-large' })
    expect(out.stats.files).toBe(4)
  })

  test('JSON and text reports redact secrets', async () => {
    const out = await scanSecrets({ root, workers: 0, maxFileSize: 1024 })
    for (const text of [toJsonReport(out), toTextReport(out)]) {
      expect(text).not.toContain(GH)
      expect(text).not.toContain(STRIPE)
    }
    const json = JSON.parse(toJsonReport(out)) as { findings: Record<string, unknown>[] }
    expect(Object.keys(json.findings[0])).toEqual(
      expect.arrayContaining([
        'ruleId',
        'description',
        'file',
        'startLine',
        'endLine',
        'startColumn',
        'endColumn',
        'secret',
        'match',
        'entropy',
        'fingerprint',
        'commit',
        'author',
        'date'
      ])
    )
    expect(
      (JSON.parse(toJsonReport(out, false)) as { findings: { secret: string }[] }).findings[1]
        .secret
    ).toBe(GH)
  })

  test('non-ASCII files: columns count characters, anchored rules still fire', async () => {
    const r2 = tmp()
    const key = expand('{hex:32}', 'scan/dd')
    write(r2, 'ünï/cödé.env', `# Grüße — ключ\nDD_API_KEY=${key} # ☃\nπ=${GH}\n`)
    const out = await scanSecrets({ root: r2, workers: 0 })
    expect(out.findings.map(f => [f.file, f.ruleId, f.startLine, f.startColumn])).toEqual([
      ['ünï/cödé.env', 'datadog-api-key', 2, 12],
      ['ünï/cödé.env', 'github-pat', 3, 3]
    ])
  })

  test('reports nothing on the look-alike corpus', async () => {
    const out = await scanSecrets({ root: path.join(here, 'fixtures/lookalikes'), workers: 0 })
    expect(out.findings.map(f => `${f.file}:${f.startLine} ${f.ruleId}`)).toEqual([])
    expect(out.stats.files).toBeGreaterThan(4)
  })
})

describe('.gitleaks.toml', () => {
  const custom = (cfg: string): string => {
    const root = tmp()
    write(root, '.gitleaks.toml', cfg)
    return root
  }
  const internalId = 'acme_' + expand('{hex:32}', 'cfg/acme')

  test('custom rules with [extend] useDefault keep the built-in rules; disabledRules removes one', async () => {
    const root = custom(`
[extend]
useDefault = true
disabledRules = ["stripe-live-secret-key"]

[[rules]]
id = "acme-internal"
description = "ACME internal token"
regex = '''(?i)\\b(acme_[a-f0-9]{32})\\b'''
keywords = ["acme_"]
`)
    write(root, 'a.env', `TOKEN=${internalId.toUpperCase()}\nGH=${GH}\nSTRIPE=${STRIPE}\n`)
    const out = await scanSecrets({ root, workers: 0 })
    expect(out.findings.map(f => f.ruleId).sort()).toEqual(['acme-internal', 'github-pat'])
    expect(out.stats.rules).toBeGreaterThan(150)
  })

  test('without [extend] only the configured rules run', async () => {
    const root = custom(`
[[rules]]
id = "acme-internal"
regex = '''acme_[a-f0-9]{32}'''
keywords = ["acme_"]
`)
    write(root, 'a.env', `TOKEN=${internalId}\nGH=${GH}\n`)
    const out = await scanSecrets({ root, workers: 0 })
    expect(out.findings.map(f => f.ruleId)).toEqual(['acme-internal'])
    expect(out.findings[0].secret).toBe(internalId)
  })

  test('secretGroup and entropy', async () => {
    const root = custom(`
[[rules]]
id = "kv"
regex = '''(key)=([a-z0-9]{8,})'''
secretGroup = 2
entropy = 2.5
keywords = ["key="]
`)
    write(root, 'a.txt', 'key=aaaabbbb\nkey=k3j5h2g8q1w9\n')
    const out = await scanSecrets({ root, workers: 0 })
    expect(out.findings.map(f => [f.secret, f.startLine, f.startColumn])).toEqual([
      ['k3j5h2g8q1w9', 2, 5]
    ])
  })

  test('global and rule allowlists in every form', async () => {
    const root = custom(`
[extend]
useDefault = true

[[rules]]
id = "github-pat"
[[rules.allowlists]]
paths = ['''^fixtures/''']

[[rules]]
id = "acme"
regex = '''acme_[a-f0-9]{32}'''
keywords = ["acme_"]
[rules.allowlist]
regexes = ['''TEST-ONLY''']
regexTarget = "line"

[allowlist]
description = "old form"
paths = ['''^vendor2/''']

[[allowlists]]
targetRules = ["stripe-live-secret-key"]
stopwords = ["${STRIPE.slice(10, 18).toLowerCase()}"]

[[allowlists]]
condition = "AND"
paths = ['''^docs/''']
regexes = ['''^xoxb-''']
`)
    write(root, 'fixtures/gh.txt', `${GH}\n`)
    write(root, 'src/gh.txt', `${GH}\n`)
    write(root, 'src/acme.txt', `${internalId} TEST-ONLY\n${internalId.replace(/.$/, 'f')}\n`)
    write(root, 'vendor2/x.txt', `${GH}\n`)
    write(root, 'src/stripe.txt', `${STRIPE}\n`)
    write(root, 'docs/slack.md', `${SLACK}\n`)
    write(root, 'src/slack.md', `${SLACK}\n`)
    const out = await scanSecrets({ root, workers: 0 })
    expect(out.findings.map(f => `${f.file}:${f.startLine}:${f.ruleId}`)).toEqual([
      'src/acme.txt:2:acme',
      'src/gh.txt:1:github-pat',
      'src/slack.md:1:slack-bot-token'
    ])
  })

  test('a path-only rule reports the file', async () => {
    const root = custom(`
[[rules]]
id = "pkcs12-file"
path = '''\\.p12$'''
`)
    write(root, 'certs/client.p12', 'not really binary')
    const out = await scanSecrets({ root, workers: 0 })
    expect(out.findings.map(f => f.file)).toEqual(['certs/client.p12'])
  })

  test.each([
    ["[[rules]]\nid = \"bad\"\nregex = '''([a-z'''\n", 3, /rule bad.*invalid regular expression/],
    [
      "[[rules]]\nid = \"look\"\nregex = '''a(?=b)'''\n",
      3,
      /rule look.*invalid regular expression: error parsing regexp: invalid or unsupported Perl syntax/
    ],
    [
      "[[allowlists]]\npaths = ['''x''', '''(a)\\1''']\n",
      2,
      /invalid regular expression: error parsing regexp: invalid escape sequence: `\\1`/
    ],
    ['[[rules]]\nid = "x"\nregex = "a"\n[[rules]]\nregex = "b"\n', 4, /needs an id/],
    ['title = "t"\n[extend\n', 2, /invalid TOML/],
    [
      '[[rules]]\nid = "x"\nregex = "a"\n[[rules.allowlists]]\ncondition = "XOR"\npaths = ["a"]\n',
      5,
      /condition/
    ]
  ])('configuration errors name the file and line (%#)', (text, line, message) => {
    let err: unknown
    try {
      parseConfig(text, 'conf/.gitleaks.toml')
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(InputError)
    const e = err as InputError
    expect(e.message).toMatch(message)
    expect(e.position).toMatchObject({ file: 'conf/.gitleaks.toml', line })
  })

  test('Go syntax is translated: inline flags, named groups, POSIX classes', async () => {
    const root = custom(`
[[rules]]
id = "go"
regex = '''corp(?i)_KEY_(?P<v>[[:xdigit:]]{16})\\z'''
keywords = ["corp"]
secretGroup = 1
`)
    write(root, 'a.txt', 'corp_key_0123abcdEF456789')
    const out = await scanSecrets({ root, workers: 0 })
    expect(out.findings.map(f => f.secret)).toEqual(['0123abcdEF456789'])
  })
})

describe('hostile user regex', () => {
  test('a catastrophically backtracking rule is stopped and named, and other rules still run', async () => {
    const root = tmp()
    write(
      root,
      '.gitleaks.toml',
      `[extend]\nuseDefault = true\n\n[[rules]]\nid = "evil"\nregex = '''^(a+)+$'''\nkeywords = ["aaaa"]\n`
    )
    write(root, 'a.txt', 'a'.repeat(40) + '!\n' + `GH=${GH}\n`)
    write(root, 'b.txt', 'a'.repeat(40) + '!\n')
    const t0 = Date.now()
    const out = await scanSecrets({ root, workers: 0 })
    expect(Date.now() - t0).toBeLessThan(30000)
    expect(out.slowRules.map(s => s.ruleId)).toEqual(['evil'])
    expect(out.findings.map(f => f.ruleId)).toEqual(['github-pat'])
    expect(toTextReport(out)).toMatch(/rule evil exceeded/)
  })
})

describe('suppressions', () => {
  test('.gitleaksignore fingerprints hide findings; unused entries are listed', async () => {
    const root = tmp()
    write(root, 'a.env', `GH=${GH}\nSTRIPE=${STRIPE}\n`)
    write(root, '.gitleaksignore', '# known\na.env:github-pat:1\na.env:github-pat:99\n')
    const out = await scanSecrets({ root, workers: 0 })
    expect(out.findings.map(f => f.ruleId)).toEqual(['stripe-live-secret-key'])
    expect(out.unusedIgnores.map(e => e.fingerprint)).toEqual(['a.env:github-pat:99'])
    expect(out.stats.suppressed.gitleaksIgnore).toBe(1)
  })

  test('a baseline hides old findings, even moved, but not a new secret on the same line', async () => {
    const root = tmp()
    write(root, 'a.env', `GH=${GH}\nSTRIPE=${STRIPE}\n`)
    const first = await scanSecrets({ root, workers: 0 })
    Baseline.write(path.join(root, 'baseline.json'), first.findings)
    const baselineText = JSON.stringify(Baseline.fromFindings(first.findings))
    expect(baselineText).not.toContain(GH)

    write(root, 'a.env', `# moved down\nGH=${GH}\nSTRIPE=${STRIPE}\n`)
    const moved = await scanSecrets({ root, workers: 0, baseline: 'baseline.json' })
    expect(moved.findings).toEqual([])
    expect(moved.stats.suppressed.baseline).toBe(2)

    const other = expand('{gh:ghp}', 'scan/other')
    write(root, 'a.env', `# moved down\nGH=${other}\nSTRIPE=${STRIPE}\n`)
    const changed = await scanSecrets({ root, workers: 0, baseline: 'baseline.json' })
    expect(changed.findings.map(f => [f.ruleId, f.startLine, f.secret])).toEqual([
      ['github-pat', 2, other]
    ])
    expect(changed.unusedBaseline.map(e => e.ruleId)).toEqual(['github-pat'])
  })

  test('a malformed baseline is an input error naming the file', async () => {
    const root = tmp()
    write(root, 'b.json', '{"entries": [{"ruleId": 1}]}')
    await expect(scanSecrets({ root, workers: 0, baseline: 'b.json' })).rejects.toThrow(
      /baseline entry 0/
    )
  })
})

// ---- git sources ----

function commit(root: string, files: Record<string, string>, message: string): string {
  for (const [f, t] of Object.entries(files)) write(root, f, t)
  git(root, 'add', '-A')
  git(root, 'commit', '-q', '--no-verify', '-m', message)
  return git(root, 'rev-parse', 'HEAD')
}

describe('git sources', () => {
  const root = tmp()
  git(root, 'init', '-q', '-b', 'main')
  git(root, 'config', 'commit.gpgsign', 'false')
  const c1 = commit(root, { 'app.py': 'print(1)\n' }, 'init')
  const c2 = commit(root, { 'app.py': `print(1)\nTOKEN = "${GH}"\n` }, 'add token')
  const c3 = commit(
    root,
    { 'app.py': 'print(1)\n', 'notes/x.md': `stripe ${STRIPE}\n` },
    'remove token, add stripe'
  )

  test('history: added lines only, with commit, author and date', async () => {
    const out = await scanSecrets({ root, mode: 'git' })
    expect(
      out.findings.map(f => [f.commit, f.file, f.ruleId, f.startLine, f.author, f.date])
    ).toEqual(
      [
        [c2, 'app.py', 'github-pat', 2, 'Dev One', '2026-01-02T03:04:05+00:00'],
        [c3, 'notes/x.md', 'stripe-live-secret-key', 1, 'Dev One', '2026-01-02T03:04:05+00:00']
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0])))
    )
    expect(out.findings.find(f => f.ruleId === 'github-pat')?.fingerprint).toBe(
      `${c2}:app.py:github-pat:2`
    )
    expect(out.stats.commits).toBe(3)
  })

  test('--since limits history', async () => {
    const out = await scanSecrets({ root, mode: 'git', since: c2 })
    expect(out.findings.map(f => f.ruleId)).toEqual(['stripe-live-secret-key'])
  })

  test('range base..head scans only the new commits', async () => {
    const out = await scanSecrets({ root, mode: 'diff', base: c1, head: c2 })
    expect(out.findings.map(f => [f.commit, f.ruleId])).toEqual([[c2, 'github-pat']])
  })

  test('base == head scans nothing and says so', async () => {
    const out = await scanSecrets({ root, mode: 'diff', base: c3, head: c3 })
    expect(out.findings).toEqual([])
    expect(out.stats.note).toMatch(/same commit/)
  })

  test('an all-zero base (new branch) scans the branch history', async () => {
    const out = await scanSecrets({ root, mode: 'diff', base: '0'.repeat(40), head: c3 })
    expect(out.findings.map(f => f.ruleId).sort()).toEqual(['github-pat', 'stripe-live-secret-key'])
  })

  test('an all-zero head (a deleted branch) scans nothing and says so', async () => {
    const out = await scanSecrets({ root, mode: 'diff', base: c2, head: '0'.repeat(40) })
    expect(out.findings).toEqual([])
    expect(out.stats.note).toMatch(/deleted branch/)
  })

  test('a base missing from a full clone fails unless missingBase says how to go on', async () => {
    // A force push: the clone never had `before`.
    const clone = tmp()
    execFileSync('git', ['clone', '-q', `file://${root}`, clone])
    git(clone, 'config', 'commit.gpgsign', 'false')
    git(clone, 'checkout', '-q', '-b', 'rewritten')
    const c4 = commit(clone, { 'deploy.env': `GITHUB_TOKEN=${GH}\n` }, 'rewritten history')
    const gone = 'e'.repeat(40)
    await expect(scanSecrets({ root: clone, mode: 'diff', base: gone, head: c4 })).rejects.toThrow(
      `git revision not found: ${gone}`
    )
    const out = await scanSecrets({
      root: clone,
      mode: 'diff',
      base: gone,
      head: c4,
      missingBase: 'not-on-remotes'
    })
    // Only the commit no remote branch has: origin/main's token commit is not scanned again.
    expect(out.findings.map(f => [f.commit, f.file, f.ruleId])).toEqual([
      [c4, 'deploy.env', 'github-pat']
    ])
    expect(out.stats.note).toMatch(/not in the repository \(history rewritten by a force push\?\)/)
    // A base that is present is still a plain range.
    const ranged = await scanSecrets({
      root: clone,
      mode: 'diff',
      base: c3,
      head: c4,
      missingBase: 'not-on-remotes'
    })
    expect(ranged.stats.range).toBe(`${c3}..${c4}`)
  })

  test('a .gitleaksignore entry without the commit also matches git findings', async () => {
    const r2 = tmp()
    git(r2, 'init', '-q', '-b', 'main')
    commit(r2, { 'a.env': `GH=${GH}\n`, '.gitleaksignore': 'a.env:github-pat:1\n' }, 'x')
    const out = await scanSecrets({ root: r2, mode: 'git' })
    expect(out.findings).toEqual([])
  })

  test('paths with spaces and non-ASCII names, deletions and binary files in history', async () => {
    const r2 = tmp()
    git(r2, 'init', '-q', '-b', 'main')
    commit(r2, { 'dir with space/ü.env': `A=1\nSTRIPE=${STRIPE}\n`, 'gone.txt': `${GH}\n` }, 'one')
    rmSync(path.join(r2, 'gone.txt'))
    write(r2, 'blob.bin', Buffer.concat([Buffer.from([0, 0, 1]), Buffer.from(GH)]))
    git(r2, 'add', '-A')
    git(r2, 'commit', '-q', '-m', 'two')
    const out = await scanSecrets({ root: r2, mode: 'git' })
    expect(out.findings.map(f => [f.file, f.ruleId, f.startLine]).sort()).toEqual([
      ['dir with space/ü.env', 'stripe-live-secret-key', 2],
      ['gone.txt', 'github-pat', 1]
    ])
  })

  test('staged changes', async () => {
    const r2 = tmp()
    git(r2, 'init', '-q', '-b', 'main')
    commit(r2, { 'a.txt': 'hello\n' }, 'init')
    write(r2, 'a.txt', `hello\nslack=${SLACK}\n`)
    git(r2, 'add', 'a.txt')
    const out = await scanSecrets({ root: r2, mode: 'staged' })
    expect(out.findings.map(f => [f.file, f.ruleId, f.startLine, f.commit])).toEqual([
      ['a.txt', 'slack-bot-token', 2, undefined]
    ])
  })

  test('a shallow clone missing the base says to use fetch-depth: 0', async () => {
    const shallow = path.join(tmp(), 'clone')
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${root}`, shallow])
    await expect(
      scanSecrets({ root: shallow, mode: 'diff', base: c1, head: 'HEAD' })
    ).rejects.toThrow(/fetch-depth: 0/)
  })

  test('not a repository is a clear input error', async () => {
    await expect(scanSecrets({ root: tmp(), mode: 'git' })).rejects.toThrow(/not a git repository/)
  })
})

describe('overlapping rules', () => {
  test('one finding per secret: provider rules win over generic ones, generic ones do not repeat', async () => {
    const root = tmp()
    const value = expand('{an:32}', 'overlap/v')
    write(root, 'a.env', `api_token_secret = "${value}"\nSTRIPE_SECRET_KEY="${STRIPE}"\n`)
    const out = await scanSecrets({ root, workers: 0 })
    expect(out.findings.map(f => [f.startLine, f.ruleId])).toEqual([
      [1, 'generic-secret'],
      [2, 'stripe-live-secret-key']
    ])
  })

  test('a rule flagged generic yields to the provider rule whatever its id', async () => {
    const root = tmp()
    write(root, 'call.sh', `curl -s -H "Authorization: token ${GH}" https://api.github.com/user\n`)
    const out = await scanSecrets({ root, workers: 0 })
    expect(out.findings.map(f => [f.startLine, f.ruleId])).toEqual([[1, 'github-pat']])
  })
})

describe('Kubernetes Secret manifests', () => {
  test('every real data entry is reported on its own line, in either key order', async () => {
    const root = tmp()
    const b64 = (seed: string): string => Buffer.from(expand('{an:24}', seed)).toString('base64')
    const cert = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n').toString(
      'base64'
    )
    const [key, pw, tok] = [b64('k8s/key'), b64('k8s/pw'), b64('k8s/tok')]
    // `kubectl get secret -o yaml` order (data first), then a hand-written one (kind first).
    write(
      root,
      'k8s.yaml',
      [
        'apiVersion: v1',
        'data:',
        `  tls.crt: ${cert}`,
        `  tls.key: ${key}`,
        'kind: Secret',
        'metadata:',
        '  name: web-tls',
        'type: kubernetes.io/tls',
        '---',
        'apiVersion: v1',
        'kind: Secret',
        'metadata:',
        '  name: db',
        'data:',
        '  username: YWRtaW4=',
        `  password: ${pw}`,
        `  api-token: ${tok}`,
        '---',
        'apiVersion: v1',
        'kind: ConfigMap',
        'data:',
        `  build-id: ${b64('k8s/cm')}`,
        ''
      ].join('\n')
    )
    const out = await scanSecrets({ root, workers: 0 })
    expect(out.findings.map(f => [f.ruleId, f.startLine, f.secret])).toEqual([
      ['kubernetes-secret-manifest', 4, key],
      ['kubernetes-secret-manifest', 16, pw],
      ['kubernetes-secret-manifest', 17, tok]
    ])
  })
})

describe('worker threads', () => {
  test('a tree split over the main thread and a worker gives the same findings as one thread', async () => {
    const root = tmp()
    for (let i = 0; i < 600; i++)
      write(root, `src/f${String(i).padStart(3, '0')}.js`, `const n = ${i}\n`)
    write(root, 'src/f000.js', `const t = "${GH}"\n`)
    write(root, 'src/f599.js', `// x\nconst s = "${STRIPE}"\n`)
    write(root, 'src/f300.js', Buffer.from([0, 1, 2]))
    const parallel = await scanSecrets({ root, workers: 2, parallelThreshold: 0 })
    const inline = await scanSecrets({ root, workers: 0 })
    const key = (o: typeof inline) => o.findings.map(f => `${f.file}:${f.startLine}:${f.ruleId}`)
    expect(key(parallel)).toEqual([
      'src/f000.js:1:github-pat',
      'src/f599.js:2:stripe-live-secret-key'
    ])
    expect(key(parallel)).toEqual(key(inline))
    expect(parallel.skipped).toEqual([{ path: 'src/f300.js', reason: 'binary' }])
    expect(parallel.stats.files).toBe(599)
  })
})

describe('gitleaks compatibility details', () => {
  test('gitleaks rule ids extend or disable our equivalents; GITLEAKS_CONFIG_TOML is read', async () => {
    const root = tmp()
    write(root, 'a.env', `AWS=${AWS_ID}\nSTRIPE=${STRIPE}\nGH=${GH}\n`)
    const toml = `
[extend]
useDefault = true
disabledRules = ["stripe-access-token"]

[[rules]]
id = "aws-access-token"
[[rules.allowlists]]
regexes = ['''^AKIA''']
`
    const out = await scanSecrets({ root, workers: 0, env: { GITLEAKS_CONFIG_TOML: toml } })
    expect(out.findings.map(f => f.ruleId)).toEqual(['github-pat'])
    expect(out.configSource).toBe('GITLEAKS_CONFIG_TOML')
  })
})
