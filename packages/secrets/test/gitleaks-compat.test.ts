/**
 * `.gitleaks.toml`, `.gitleaksignore` and gitleaks baselines behave as in gitleaks v8.30
 * (config/config.go, config/allowlist.go, config/rule.go, detect/detect.go, detect/baseline.go):
 * one small configuration + files + the findings gitleaks reports, per row.
 */
import { cpSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from '@jest/globals'
import { InputError } from '@secure-pipeline/core'
import { loadConfig, parseConfig, scanSecrets, type ScanOptions } from '../src/index.js'
import { expand } from './gen.js'
import { git, tmp, write } from './workdir.js'

const here = path.dirname(fileURLToPath(import.meta.url))

const ACME = expand('acme_{hex:32}', 'compat/acme')
const ACME2 = expand('acme_{hex:32}', 'compat/acme2')
const GH = expand('{gh:ghp}', 'compat/gh')
const AWS_ID = expand('AKIA{b32:16}', 'compat/aws')

/** A custom rule used by most rows: `acme_` + 32 hex digits, keyword `acme_`. */
const ACME_RULE = `
[[rules]]
id = "acme"
regex = '''acme_[a-f0-9]{32}'''
keywords = ["acme_"]
`

async function scan(
  files: Record<string, string>,
  options: Partial<ScanOptions> = {}
): Promise<string[]> {
  const root = tmp()
  for (const [f, text] of Object.entries(files)) write(root, f, text)
  const out = await scanSecrets({ root, workers: 0, ...options })
  return out.findings.map(f => `${f.file}:${f.startLine}:${f.ruleId}`)
}

interface Row {
  name: string
  files: Record<string, string>
  expected: string[]
}

const rows: Row[] = [
  {
    name: 'keys are case-insensitive (viper): secretgroup, SecretGroup, regextarget, usedefault',
    files: {
      '.gitleaks.toml': `[Extend]\nusedefault = true\n[[rules]]\nID = "kv"\nRegex = '''(key)=(k[a-z0-9]{8,})'''\nsecretgroup = 2\nKeywords = ["key="]\n[[rules.allowlists]]\nregextarget = "line"\nRegexes = ['''TESTONLY''']\n`,
      'a.txt': `key=k3j5h2g8q1w9\nkey=k9x8c7v6b5n4 TESTONLY\nGH=${GH}\n`
    },
    expected: ['a.txt:1:kv', 'a.txt:3:github-pat']
  },
  {
    name: 'secretGroup = 0 means "first non-empty group", as when unset',
    files: {
      '.gitleaks.toml': `[[rules]]\nid = "kv"\nregex = '''(?:(pw)|(tok))=([a-z0-9]{6,})'''\nsecretGroup = 0\nkeywords = ["tok="]\nentropy = 1.5\n`,
      'a.txt': 'tok=q8w7e6r5t4\n'
    },
    // The first non-empty group is "tok" (entropy 1.58 > 1.5): reported.
    expected: ['a.txt:1:kv']
  },
  {
    name: 'entropy = 0 is no entropy gate; a secret at exactly the threshold is dropped (<=)',
    files: {
      '.gitleaks.toml': `[[rules]]\nid = "zero"\nregex = '''zero=([a-z]+)'''\nentropy = 0\nkeywords = ["zero="]\n[[rules]]\nid = "two"\nregex = '''two=([a-z]+)'''\nentropy = 2.0\nkeywords = ["two="]\n[[rules]]\nid = "below"\nregex = '''below=([a-z]+)'''\nentropy = 1.99\nkeywords = ["below="]\n`,
      'a.txt': 'zero=aaaaaaaa\ntwo=abcd\nbelow=abcd\n'
    },
    expected: ['a.txt:1:zero', 'a.txt:3:below']
  },
  {
    name: 'a keyword anywhere in the file enables the rule (not only on the matching line)',
    files: {
      '.gitleaks.toml': `[[rules]]\nid = "acme"\nregex = '''\\b[a-f0-9]{40}\\b'''\nkeywords = ["acme-client"]\n`,
      'a.py': `import acme-client\n\n\nclient = Client("${'3f'.repeat(4)}0123456789abcdef0123456789abcdef")\n`,
      'b.py': `client = Client("${'3f'.repeat(4)}0123456789abcdef0123456789abcdef")\n`
    },
    expected: ['a.py:4:acme']
  },
  {
    name: 'multi-line regexes and Go anchors (^ = start of the file without (?m))',
    files: {
      '.gitleaks.toml': `[[rules]]\nid = "block"\nregex = '''-----BEGIN ACME KEY-----\\s*([A-Za-z0-9+/=\\s]{20,}?)\\s*-----END ACME KEY-----'''\nkeywords = ["begin acme key"]\n[[rules]]\nid = "first"\nregex = '''^SECRET=(\\w{12,})'''\n`,
      'k.pem': `x\n-----BEGIN ACME KEY-----\nQUJDREVGR0hJSktMTU5PUFFSU1RVVldY\nWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2\n-----END ACME KEY-----\n`,
      'first.env': 'SECRET=q8w7e6r5t4y3u2\nSECRET=z9x8c7v6b5n4m3l2\n'
    },
    expected: ['first.env:1:first', 'k.pem:3:block']
  },
  {
    name: 'gitleaks:allow anywhere on any line the match spans',
    files: {
      '.gitleaks.toml': `${ACME_RULE}[[rules]]\nid = "block"\nregex = '''-----BEGIN ACME KEY-----[\\s\\S]*?-----END ACME KEY-----'''\nkeywords = ["begin acme key"]\n`,
      'a.txt': `token: "${ACME}" # gitleaks:allow\n# gitleaks:allow\n${ACME2}\n`,
      'k.pem': `-----BEGIN ACME KEY-----\nQUJDREVGR0hJSktMTU5PUFFSU1RVVldY # gitleaks:allow\nWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2\n-----END ACME KEY-----\n`,
      'l.pem': `-----BEGIN ACME KEY-----\nQUJDREVGR0hJSktMTU5PUFFSU1RVVldY\nWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2\n-----END ACME KEY-----\n`
    },
    expected: ['a.txt:3:acme', 'l.pem:1:block']
  },
  {
    name: 'regex = "" is unset: a rule with a path and an empty regex is path-only',
    files: {
      '.gitleaks.toml': `[[rules]]\nid = "pfx"\nregex = ""\npath = '''\\.pfx$'''\n`,
      'certs/a.pfx': 'binary-ish'
    },
    expected: ['certs/a.pfx:1:pfx']
  },
  {
    name: 'unknown keys are ignored; single strings and numeric strings decode weakly',
    files: {
      '.gitleaks.toml': `title = "t"\nversion = 3\n[[rules]]\nid = "acme"\nregex = '''acme_([a-f0-9]{32})'''\nkeywords = "acme_"\nentropy = "3"\nseverity = "HIGH"\nfoo = { bar = 1 }\n`,
      'a.txt': `${ACME}\nacme_${'0'.repeat(32)}\n`
    },
    expected: ['a.txt:1:acme']
  },
  {
    name: 'condition spellings: "and", "&&", "||"',
    files: {
      '.gitleaks.toml': `${ACME_RULE}[[rules.allowlists]]\ncondition = "and"\npaths = ['''^docs/''']\nstopwords = ["${ACME.slice(5, 11)}"]\n[[rules.allowlists]]\ncondition = "&&"\npaths = ['''^test/''']\nregexes = ['''^acme_0''']\n[[rules.allowlists]]\ncondition = "||"\npaths = ['''^fixtures/''']\n`,
      'docs/a.md': `${ACME}\n${ACME2}\n`,
      'test/a.txt': `${ACME}\n`,
      'fixtures/a.txt': `${ACME}\n`
    },
    expected: ['docs/a.md:2:acme', 'test/a.txt:1:acme']
  },
  {
    name: 'stopwords: a case-insensitive substring of the secret (not of the line)',
    files: {
      '.gitleaks.toml': `${ACME_RULE}[[rules.allowlists]]\nstopwords = ["${ACME.slice(8, 14).toUpperCase()}", "nearby"]\n`,
      'a.txt': `${ACME}\n${ACME2} # nearby\n`
    },
    expected: ['a.txt:2:acme']
  },
  {
    name: 'regexTarget: secret (default), match, line',
    files: {
      '.gitleaks.toml': `[[rules]]\nid = "kv"\nregex = '''(?:token|key)\\s*=\\s*"([a-z0-9]{12})"'''\nkeywords = ["token", "key"]\n[[rules.allowlists]]\nregexes = ['''^key''']\n[[rules.allowlists]]\nregexTarget = "match"\nregexes = ['''^key''']\n[[rules.allowlists]]\nregexTarget = "line"\nregexes = ['''// fake''']\n`,
      'a.js': 'token = "q8w7e6r5t4y3"\nkey = "z9x8c7v6b5n4"\ntoken = "m3l2k1j0h9g8" // fake\n'
    },
    expected: ['a.js:1:kv']
  },
  {
    name: 'a path-only finding: regexes and stopwords do not allow it, paths do',
    files: {
      '.gitleaks.toml': `[[rules]]\nid = "p12"\npath = '''\\.p12$'''\n[[rules.allowlists]]\nregexes = ['''.*''']\nstopwords = ["p12"]\n[[rules.allowlists]]\npaths = ['''^test/''']\n`,
      'certs/a.p12': 'x',
      'test/b.p12': 'x'
    },
    expected: ['certs/a.p12:1:p12']
  },
  {
    name: 'global [[allowlists]] with targetRules only affects those rules; [allowlist] all',
    files: {
      '.gitleaks.toml': `[extend]\nuseDefault = true\n${ACME_RULE}[[allowlists]]\ntargetRules = ["acme"]\npaths = ['''^samples/''']\n[allowlist]\nregexes = ['''^acme_0''']\n`,
      'samples/a.txt': `${ACME}\nGH=${GH}\n`,
      'src/b.txt': `acme_0${ACME.slice(6)}\n`
    },
    expected: ['samples/a.txt:2:github-pat']
  },
  {
    name: "without the default config, gitleaks' default path allowlist does not apply",
    files: {
      '.gitleaks.toml': ACME_RULE,
      'package-lock.json': `{"x": "${ACME}"}\n`,
      'node_modules/x/index.js': `const k = "${ACME}"\n`
    },
    expected: ['node_modules/x/index.js:1:acme', 'package-lock.json:1:acme']
  },
  {
    name: 'with useDefault = true, lockfiles and node_modules are skipped as in gitleaks',
    files: {
      '.gitleaks.toml': `[extend]\nuseDefault = true\n${ACME_RULE}`,
      'package-lock.json': `{"x": "${ACME}"}\n`,
      'node_modules/x/index.js': `const k = "${ACME}"\n`,
      'src/a.js': `const k = "${ACME}"\n`
    },
    expected: ['src/a.js:1:acme']
  },
  {
    name: 'targetRules may name a gitleaks default id (aws-access-token → ours)',
    files: {
      '.gitleaks.toml': `[extend]\nuseDefault = true\n[[allowlists]]\ntargetRules = ["aws-access-token"]\npaths = ['''^samples/''']\n`,
      'samples/a.env': `AWS_ACCESS_KEY_ID=${AWS_ID}\nGH=${GH}\n`,
      'src/a.env': `AWS_ACCESS_KEY_ID=${AWS_ID}\n`
    },
    expected: ['samples/a.env:2:github-pat', 'src/a.env:1:aws-access-key-id']
  },
  {
    name: 'an extended allowlist targeting a rule this file disables is dropped, not made global',
    files: {
      'base.toml': `${ACME_RULE}[[rules]]\nid = "other"\nregex = '''other_[0-9]{6}'''\n[[allowlists]]\ntargetRules = ["acme"]\npaths = ['''^samples/''']\n`,
      '.gitleaks.toml': `[extend]\npath = "base.toml"\ndisabledRules = ["acme"]\n`,
      'samples/a.txt': `${ACME}\nother_123456\n`
    },
    expected: ['samples/a.txt:2:other']
  },
  {
    name: "with useDefault, the default allowlist's placeholder values apply to your rules too",
    files: {
      '.gitleaks.toml': `[extend]\nuseDefault = true\n[[rules]]\nid = "pw"\nregex = '''dbpw=(\\S+)'''\nkeywords = ["dbpw="]\n`,
      'a.env':
        'dbpw=${DB_PASSWORD}\ndbpw=true\ndbpw=xxxxxxxx\ndbpw={{.Values.pw}}\ndbpw=$1\ndbpw=%s\ndbpw=q8w7e6r5t4\ndbpw=xAbcdefghijklmnopqrstuvwxyz1\n'
    },
    expected: ['a.env:7:pw']
  },
  {
    name: 'without the default config those values are reported (gitleaks has no allowlist then)',
    files: {
      '.gitleaks.toml': `[[rules]]\nid = "pw"\nregex = '''dbpw=(\\S+)'''\nkeywords = ["dbpw="]\n`,
      'a.env': 'dbpw=${DB_PASSWORD}\ndbpw=true\ndbpw=q8w7e6r5t4\n'
    },
    expected: ['a.env:1:pw', 'a.env:2:pw', 'a.env:3:pw']
  },
  {
    name: 'the configuration file itself is not scanned',
    files: {
      '.gitleaks.toml': `# example: ${ACME}\n${ACME_RULE}`,
      'a.txt': `${ACME2}\n`
    },
    expected: ['a.txt:1:acme']
  },
  {
    name: 'a gitleaks default id with a new regex replaces the rule we ship for it',
    files: {
      '.gitleaks.toml': `[extend]\nuseDefault = true\n[[rules]]\nid = "aws-access-token"\nregex = '''\\b(AKIA[A-Z2-7]{16})\\b'''\nkeywords = ["akia"]\n[[rules.allowlists]]\npaths = ['''^test/''']\n`,
      'a.env': `AWS_ACCESS_KEY_ID=${AWS_ID}\n`,
      'test/a.env': `AWS_ACCESS_KEY_ID=${AWS_ID}\n`
    },
    expected: ['a.env:1:aws-access-token']
  },
  {
    name: 'disabledRules removes the extended rule, not this file’s own rule of that id',
    files: {
      'base.toml': `[[rules]]\nid = "acme"\nregex = '''acme_[a-f0-9]{8}'''\nkeywords = ["acme_"]\n`,
      '.gitleaks.toml': `[extend]\npath = "base.toml"\ndisabledRules = ["acme"]\n[[rules]]\nid = "acme"\nregex = '''acme_[a-f0-9]{32}'''\nkeywords = ["acme_"]\n`,
      'a.txt': `${ACME}\nacme_12345678\n`
    },
    expected: ['a.txt:1:acme']
  },
  {
    name: 'overriding an extended rule by id merges: new regex, allowlists and keywords appended',
    files: {
      'base.toml': `[[rules]]\nid = "acme"\nregex = '''acme_[a-f0-9]{8}'''\nkeywords = ["acme_"]\nentropy = 1.0\n[[rules.allowlists]]\npaths = ['''^legacy/''']\n`,
      '.gitleaks.toml': `[extend]\npath = "base.toml"\n[[rules]]\nid = "acme"\nregex = '''(?:acme|corp)_[a-f0-9]{32}'''\nkeywords = ["corp_"]\n[[rules.allowlists]]\npaths = ['''^test/''']\n`,
      'a.txt': `${ACME}\ncorp_${ACME.slice(5)}\n`,
      'legacy/a.txt': `${ACME}\n`,
      'test/a.txt': `${ACME}\n`
    },
    expected: ['a.txt:1:acme', 'a.txt:2:acme']
  },
  {
    name: 'an id-only rule adds keywords and allowlists to the extended rule',
    files: {
      'base.toml': ACME_RULE,
      '.gitleaks.toml': `[extend]\npath = "base.toml"\n[[rules]]\nid = "acme"\nkeywords = ["unrelated"]\n[[rules.allowlists]]\nregexTarget = "line"\nregexes = ['''nosec''']\n`,
      'a.txt': `${ACME}\n${ACME2} nosec\n`
    },
    expected: ['a.txt:1:acme']
  },
  {
    name: '[extend] chains stop after two levels (the third is ignored, not an error)',
    files: {
      '.gitleaks.toml': `[extend]\npath = "one.toml"\n`,
      'one.toml': `[extend]\npath = "two.toml"\n[[rules]]\nid = "one"\nregex = '''one_[0-9]{6}'''\n`,
      'two.toml': `[extend]\npath = "three.toml"\n[[rules]]\nid = "two"\nregex = '''two_[0-9]{6}'''\n`,
      'three.toml': `[[rules]]\nid = "three"\nregex = '''three_[0-9]{6}'''\n`,
      'a.txt': 'one_123456\ntwo_123456\nthree_123456\n'
    },
    expected: ['a.txt:1:one', 'a.txt:2:two']
  },
  {
    name: '[extend] path is resolved from the scan root (gitleaks: the working directory)',
    files: {
      '.gitleaks.toml': `[extend]\npath = "config/base.toml"\n`,
      'config/base.toml': ACME_RULE,
      'a.txt': `${ACME}\n`
    },
    expected: ['a.txt:1:acme']
  },
  {
    name: '[[rules.required]] composite rules with withinLines; skipReport parts are not reported',
    files: {
      '.gitleaks.toml': `[[rules]]\nid = "acme-client-id"\nregex = '''client_id\\s*=\\s*([a-z0-9]{12})'''\nkeywords = ["client_id"]\n[[rules.required]]\nid = "acme-client-secret"\nwithinLines = 2\n[[rules]]\nid = "acme-client-secret"\nregex = '''client_secret\\s*=\\s*([a-z0-9]{24})'''\nkeywords = ["nowhere-to-be-seen"]\nskipReport = true\n`,
      'a.env': 'client_id = q8w7e6r5t4y3\nclient_secret = z9x8c7v6b5n4m3l2k1j0h9g8\n',
      'b.env': 'client_id = q8w7e6r5t4y3\n',
      'c.env': `client_id = q8w7e6r5t4y3\n${'\n'.repeat(8)}client_secret = z9x8c7v6b5n4m3l2k1j0h9g8\n`
    },
    expected: ['a.env:1:acme-client-id']
  },
  {
    name: '.gitleaksignore: gitleaks ids, Windows paths, line 0 for path-only rules, comments',
    files: {
      '.gitleaks.toml': `[extend]\nuseDefault = true\n[[rules]]\nid = "acme-key-file"\npath = '''\\.acmekey$'''\n`,
      '.gitleaksignore': `# migrated from gitleaks\n\nconfig\\prod.env:aws-access-token:1\ncerts/a.acmekey:acme-key-file:0   # for tests\n`,
      'config/prod.env': `AWS_ACCESS_KEY_ID=${AWS_ID}\nGH=${GH}\n`,
      'certs/a.acmekey': 'x',
      'certs/b.acmekey': 'x'
    },
    expected: ['certs/b.acmekey:1:acme-key-file', 'config/prod.env:2:github-pat']
  }
]

describe('gitleaks compatibility (table)', () => {
  test.each(rows.map(r => [r.name, r] as const))('%s', async (_name, row) => {
    expect((await scan(row.files)).sort()).toEqual([...row.expected].sort())
  })
})

describe('gitleaks configuration errors', () => {
  test.each([
    ['[extend]\nuseDefault = true\npath = "x.toml"\n', /cannot set both path and useDefault/, 2],
    [
      "[[rules]]\nid = \"kv\"\nregex = '''(a)(b)'''\nsecretGroup = 3\n",
      /invalid regex secret group 3, max regex secret group 2/,
      2
    ],
    ['[[rules]]\nid = "x"\n', /neither regex nor path/, 2],
    ['[[rules]]\nid = "x"\nregex = ""\npath = ""\n', /neither regex nor path/, 2],
    [
      '[[rules]]\nid = "x"\nregex = "a"\n[[rules.allowlists]]\nregexTarget = "Line"\nregexes = ["a"]\n',
      /regexTarget/,
      5
    ],
    ['[[allowlists]]\ntargetRules = ["nope"]\npaths = ["a"]\n', /unknown rule nope/, 2],
    [
      '[[rules]]\nid = "a"\nregex = "a"\n[[rules.required]]\nid = "ghost"\n',
      /required\]\] rule id ghost does not exist/,
      5
    ]
  ])('%#: %s', (text, message, line) => {
    let err: unknown
    try {
      parseConfig(text, 'cfg/.gitleaks.toml', tmp())
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).message).toMatch(message)
    if (line !== undefined)
      expect((err as InputError).position).toMatchObject({ file: 'cfg/.gitleaks.toml', line })
  })

  test('a TOML syntax error names the file and line', () => {
    const root = tmp()
    write(root, '.gitleaks.toml', `title = "x"\n\n[[rules]]\nid = "a\n`)
    let err: unknown
    try {
      loadConfig(root)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).position).toMatchObject({
      file: path.join(root, '.gitleaks.toml'),
      line: 4
    })
  })
})

describe('gitleaks default rules we do not ship', () => {
  test('allowlists for them (id-only rules, targetRules) are ignored with a warning', () => {
    const cfg = parseConfig(
      `[extend]\nuseDefault = true\n[[rules]]\nid = "zz-vendor-token"\n[[rules.allowlists]]\npaths = ['''^x/''']\n[[allowlists]]\ntargetRules = ["zz-other-token"]\npaths = ['''^y/''']\n`,
      'cfg/.gitleaks.toml',
      tmp()
    )
    expect(cfg.rules.some(r => r.id.startsWith('zz-'))).toBe(false)
    expect(cfg.allowlists).toEqual([])
    expect(cfg.warnings).toEqual([
      expect.stringMatching(/rule zz-vendor-token extends a gitleaks default rule/),
      expect.stringMatching(/targetRules names zz-other-token/)
    ])
  })

  test('the scan reports them as a note', async () => {
    const root = tmp()
    write(
      root,
      '.gitleaks.toml',
      `[extend]\nuseDefault = true\n[[rules]]\nid = "zz-vendor-token"\n`
    )
    const out = await scanSecrets({ root, workers: 0 })
    expect(out.stats.note).toMatch(/zz-vendor-token/)
  })

  test('without the default config an id-only rule is still an error', () => {
    expect(() =>
      parseConfig(`[[rules]]\nid = "zz-vendor-token"\n`, 'cfg/.gitleaks.toml', tmp())
    ).toThrow(/neither regex nor path/)
  })
})

describe('configuration lookup order', () => {
  const root = tmp()
  write(root, '.gitleaks.toml', '[[rules]]\nid = "local"\nregex = "x"\n')
  write(root, 'explicit.toml', '[[rules]]\nid = "explicit"\nregex = "x"\n')
  write(root, 'env.toml', '[[rules]]\nid = "env-path"\nregex = "x"\n')
  write(root, 'cfg/base.toml', '[[rules]]\nid = "base"\nregex = "x"\n')
  const toml = '[extend]\npath = "cfg/base.toml"\n[[rules]]\nid = "env-toml"\nregex = "x"\n'
  const ids = (explicit?: string, env: NodeJS.ProcessEnv = {}): string[] =>
    loadConfig(root, explicit, env)
      .rules.map(r => r.id)
      .sort()

  test.each([
    ['--config wins', 'explicit.toml', { GITLEAKS_CONFIG: 'env.toml' }, ['explicit']],
    [
      'then GITLEAKS_CONFIG',
      undefined,
      { GITLEAKS_CONFIG: 'env.toml', GITLEAKS_CONFIG_TOML: toml },
      ['env-path']
    ],
    [
      'then GITLEAKS_CONFIG_TOML (extend path from the root)',
      undefined,
      { GITLEAKS_CONFIG_TOML: toml },
      ['base', 'env-toml']
    ],
    ['then <root>/.gitleaks.toml', undefined, {}, ['local']]
  ])('%s', (_name, explicit, env, expected) => {
    expect(ids(explicit, env)).toEqual(expected)
  })

  test('else the built-in rules', () => {
    const empty = tmp()
    expect(loadConfig(empty).source).toBe('built-in')
  })
})

describe('commit allowlists', () => {
  test('commits match case-insensitively, and only in git modes', async () => {
    const root = tmp()
    const run = (...args: string[]): string => git(root, ...args)
    run('init', '-q', '-b', 'main')
    write(root, 'a.txt', `${ACME}\n`)
    run('add', '.')
    run('commit', '-q', '-m', 'one')
    const first = run('rev-parse', 'HEAD')
    write(root, 'b.txt', `${ACME2}\n`)
    run('add', '.')
    run('commit', '-q', '-m', 'two')
    write(
      root,
      '.gitleaks.toml',
      `${ACME_RULE}[[rules.allowlists]]\ncommits = [" ${first.toUpperCase()} "]\n`
    )
    const out = await scanSecrets({ root, mode: 'git' })
    expect(out.findings.map(f => f.file)).toEqual(['b.txt'])
  })
})

describe('gitleaks JSON report as a baseline', () => {
  const report = (entries: Record<string, unknown>[]): string => JSON.stringify(entries, null, 2)
  const finding = (over: Record<string, unknown>): Record<string, unknown> => ({
    Description: 'GitHub Personal Access Token',
    StartLine: 2,
    EndLine: 2,
    StartColumn: 4,
    EndColumn: 43,
    Match: GH,
    Secret: GH,
    File: 'config/app.env',
    Commit: '',
    Entropy: 0,
    Author: '',
    Email: '',
    Date: '',
    Message: '',
    Tags: [],
    RuleID: 'github-pat',
    Fingerprint: 'config/app.env:github-pat:2',
    ...over
  })
  const other = expand('{gh:ghp}', 'compat/gh-other')

  test.each([
    ['hides a known secret, even moved', [finding({})], `# moved\n\nGH=${GH}\n`, [], 0],
    ['reports a new secret on a baselined line', [finding({})], `x\nGH=${other}\n`, ['2'], 1],
    ['accepts a ./ File path', [finding({ File: './config/app.env' })], `x\nGH=${GH}\n`, [], 0],
    [
      'maps gitleaks rule ids to ours',
      [finding({ RuleID: 'aws-access-token', Secret: AWS_ID, Match: AWS_ID })],
      `x\nK=${AWS_ID}\n`,
      [],
      0
    ]
  ])('%s', async (_name, entries, text, expectedLines, unused) => {
    const root = tmp()
    write(root, 'config/app.env', text)
    write(root, 'gitleaks-report.json', report(entries))
    const out = await scanSecrets({ root, workers: 0, baseline: 'gitleaks-report.json' })
    expect(out.findings.map(f => String(f.startLine))).toEqual(expectedLines)
    expect(out.unusedBaseline).toHaveLength(unused)
  })

  test('an absolute File under the root is made relative', async () => {
    const root = tmp()
    write(root, 'config/app.env', `x\nGH=${GH}\n`)
    write(root, 'r.json', report([finding({ File: path.join(root, 'config/app.env') })]))
    const out = await scanSecrets({ root, workers: 0, baseline: 'r.json' })
    expect(out.findings).toEqual([])
  })

  test('a redacted report matches on rule, file, line and entropy, not on a new secret', async () => {
    const root = tmp()
    write(root, 'config/app.env', `x\nGH=${GH}\n`)
    const first = await scanSecrets({ root, workers: 0 })
    const entropy = first.findings[0].entropy
    write(
      root,
      'r.json',
      report([
        finding({ Secret: 'REDACTED', Match: 'GH=REDACTED', Entropy: entropy }),
        finding({ Secret: `${GH.slice(0, 8)}...`, Match: 'x', StartLine: 7, Entropy: 4.2 })
      ])
    )
    const same = await scanSecrets({ root, workers: 0, baseline: 'r.json' })
    expect(same.findings).toEqual([])
    expect(same.unusedBaseline.map(e => e.line)).toEqual([7])
    write(root, 'config/app.env', `x\nGH=${other}\n`)
    const changed = await scanSecrets({ root, workers: 0, baseline: 'r.json' })
    expect(changed.findings.map(f => f.startLine)).toEqual([2])
  })

  test('the baseline file itself is not scanned', async () => {
    const root = tmp()
    write(root, 'r.json', report([finding({ File: 'x.env' })]))
    const out = await scanSecrets({ root, workers: 0, baseline: 'r.json' })
    expect(out.findings).toEqual([])
  })

  test('a malformed gitleaks report is an input error', async () => {
    const root = tmp()
    write(root, 'r.json', '[{"RuleID": "x"}]')
    await expect(scanSecrets({ root, workers: 0, baseline: 'r.json' })).rejects.toThrow(
      /gitleaks report finding 0 needs RuleID, File and Secret/
    )
  })
})

describe('fixture: a real-world style config (fixtures/gitleaks/extend-chain)', () => {
  test('extends a shared base that extends the default rules', async () => {
    const root = tmp()
    cpSync(path.join(here, 'fixtures/gitleaks/extend-chain'), root, { recursive: true })
    write(root, 'src/app.js', `const gh = "${GH}"\nconst acme = "${ACME}"\n`)
    write(root, 'test/app.test.js', `const acme = "${ACME2}"\n`)
    write(root, 'package-lock.json', `{"t": "${ACME}"}\n`)
    const out = await scanSecrets({ root, workers: 0 })
    expect(out.findings.map(f => `${f.file}:${f.startLine}:${f.ruleId}`)).toEqual([
      'src/app.js:2:acme-internal-token'
    ])
    expect(out.findings[0].tags).toEqual(['internal', 'acme'])
  })
})
