/**
 * Shapes of `.gitleaks.toml` files that real users wrote (v6/v7 leftovers, gitleaks' own
 * generated configs, big custom rule sets, v8.25+ `[[allowlists]]`), each rebuilt as a small
 * hand-written configuration. Accepted shapes must load and scan as gitleaks 8.30 does; shapes
 * gitleaks 8.30 rejects must fail with one message naming the file and line.
 */
import { describe, expect, test } from '@jest/globals'
import { InputError } from '@secure-pipeline/core'
import { parseConfig, scanSecrets } from '../src/index.js'
import { expand } from './gen.js'
import { tmp, write } from './workdir.js'

/** Scans `files` with `.gitleaks.toml` = `config`; findings as `file:line:rule=secret`. */
async function scan(config: string, files: Record<string, string>): Promise<string[]> {
  const root = tmp()
  write(root, '.gitleaks.toml', config)
  for (const [f, text] of Object.entries(files)) write(root, f, text)
  const out = await scanSecrets({ root, workers: 0 })
  return out.findings.map(f => `${f.file}:${f.startLine}:${f.ruleId}=${f.secret}`).sort()
}

const ACME = expand('acme_{hex:32}', 'realcfg/acme')
const P8E_BODY = expand('{AN:32}', 'realcfg/p8e')
const PW = expand('{an:14}', 'realcfg/pw')
const KEY = expand('{an:16}', 'realcfg/key')

interface Row {
  name: string
  config: string
  files: Record<string, string>
  expected: string[]
}

const rows: Row[] = [
  {
    // chi-in-a-box / pg_scrubfu / CMSgov: keys of older gitleaks versions (or none at all) are
    // ignored by gitleaks 8, and a top-level `useDefault` outside `[extend]` extends nothing.
    name: 'v6/v7 leftovers ([[regexes]], [whitelist], [[ignore]], top-level useDefault) are ignored',
    config: `title = "old"
useDefault = true
[[regexes]]
description = "RSA"
regex = '''-----BEGIN RSA PRIVATE KEY-----'''
[whitelist]
files = ["^README.md$"]
[[ignore]]
findings = ["c32c6415f478695068080dde5809a0c35bf1a98d"]
[[rules]]
id = "acme"
regex = '''acme_[a-f0-9]{32}'''
`,
    files: { 'README.md': `${ACME}\n`, 'b.txt': `${expand('{gh:ghp}', 'realcfg/gh')}\n` },
    expected: [`README.md:1:acme=${ACME}`]
  },
  {
    // v7 rule keys next to an id: `file`, `[[rules.Entropies]]` are ignored, the regex runs.
    name: 'v7 rule keys (file, [[rules.Entropies]]) beside an id are ignored',
    config: `[[rules]]
id = "acme"
description = "acme"
file = '''^nothing$'''
regex = '''acme_[a-f0-9]{32}'''
tags = ["key"]
[[rules.Entropies]]
Min = "3.5"
Max = "4.5"
Group = "1"
`,
    files: { 'a.txt': `k = ${ACME}\n` },
    expected: [`a.txt:1:acme=${ACME}`]
  },
  {
    // leaktk / gitleaks' old default allowlist: a flag group in the middle of a path pattern.
    name: 'mid-pattern (?i) in an allowlist path applies to the rest of the pattern',
    config: `[[rules]]
id = "acme"
regex = '''acme_[a-f0-9]{32}'''
[allowlist]
paths = ['''\\.(?i)(?:bin|css|docx?|svg)$''']
`,
    files: { 'x.CSS': `${ACME}\n`, 'y.DocX': `${ACME}\n`, 'CSS.txt': `${ACME}\n` },
    expected: [`CSS.txt:1:acme=${ACME}`]
  },
  {
    // Security Onion / gitleaks 8.0 defaults: `(p8e-)(?i)[a-z0-9]{32}` — the prefix stays
    // case-sensitive, the body does not.
    name: 'a (?i) after a literal prefix leaves the prefix case-sensitive',
    config: `[[rules]]
id = "adobe-client-secret"
regex = '''(p8e-)(?i)[a-z0-9]{32}'''
`,
    files: { 'a.txt': `x = p8e-${P8E_BODY}\n`, 'b.txt': `x = P8E-${P8E_BODY.toLowerCase()}\n` },
    // The first non-empty group is the secret, as in gitleaks.
    expected: ['a.txt:1:adobe-client-secret=p8e-']
  },
  {
    // gitleaks v7 defaults, still in many configs with ids added: `(?-i)` turns case back on.
    name: '(?-i) in the middle of a (?i) pattern',
    config: `[[rules]]
id = "aws-secret"
regex = '''(?i)aws(.{0,20})?(?-i)['\\"][0-9a-z]{16}['\\"]'''
secretGroup = 1
`,
    files: {
      'a.txt': `AWS_KEY = "${KEY.toLowerCase()}"\n`,
      'b.txt': `AWS_KEY = "${KEY.toUpperCase()}"\n`
    },
    expected: ['a.txt:1:aws-secret=_KEY = ']
  },
  {
    // leaktk "Generic Secret": a path-scoped whole-file regex with \A and \z, comment lines
    // skipped, and a stopwords allowlist.
    name: 'path + \\A…\\z whole-file rule with stopwords',
    config: `[[rules]]
id = "secret-file"
path = '''(?i)\\.[\\w\\-]*(?:password|secret|token)$'''
regex = '''\\A(?:\\s*(?:(?:#|\\/\\/)[\\t\\x20\\S]*|\\/\\*[\\s\\S]*\\*\\/)\\s)*([\\S]{8,})\\s*\\z'''
[rules.allowlist]
stopwords = ['change', 'placeholder']
regexes = ['''^[a-z\\-]+$''']
`,
    files: {
      'conf/.db-password': `# the database password\n${PW}\n`,
      'conf/.api-token': 'changeme-later\n',
      'conf/.x-secret': 'just-words-here\n',
      'conf/notes.txt': `${PW}\n`
    },
    expected: [`conf/.db-password:2:secret-file=${PW}`]
  },
  {
    // leaktk: one [rules.allowlist] with stopwords, paths and line regexes (OR).
    name: 'rule allowlist with stopwords, paths and regexTarget = line (any one allows)',
    config: `[[rules]]
id = "kv"
regex = '''(?i)[\\w\\-]*(?:password|secret|token|api[_-]?key)[\\"\\']?\\s*?[:=]\\s*?[\\"\\']([^\\"\\s]+?)[\\"\\']'''
secretGroup = 1
keywords = ['key', 'password', 'secret', 'token']
[rules.allowlist]
stopwords = ['example']
paths = ['''\\.(?:html|md|adoc|rst)$''']
regexTarget = 'line'
regexes = ['''#\\s*?nosec(?:\\s+|$)''', '''\\$\\{[A-Z_]+\\}''']
`,
    files: {
      'a.py': [
        `api_key = "${KEY}"`,
        `api_key = "${KEY}x" # nosec`,
        'password = "${DB_PASSWORD}"',
        `token = "example${KEY}"`
      ].join('\n'),
      'doc.md': `api_key = "${KEY}"\n`
    },
    expected: [`a.py:1:kv=${KEY}`]
  },
  {
    // the-hive: a repeated group reports its last repetition, as Go's FindStringSubmatch.
    name: 'a repeated capture group yields its last repetition as the secret',
    config: `[[rules]]
id = "mac-address"
regex = '''\\b([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}\\b'''
`,
    files: { 'a.txt': 'mac 00:1a:2b:3c:4d:5e\n' },
    expected: ['a.txt:1:mac-address=4d:']
  },
  {
    // mrz1836/go-template: empty arrays next to the one list that is set.
    name: 'empty files/regexes/stopwords/commits arrays beside paths',
    config: `[allowlist]
description = "global allow list"
files = []
paths = ['''(?i)\\.(?:bmp|gif|jpe?g|png|svg|tiff?)$''']
regexes = []
stopwords = []
commits = []
[[rules]]
id = "acme"
regex = '''acme_[a-f0-9]{32}'''
`,
    files: { 'a.SVG': `${ACME}\n`, 'a.txt': `${ACME}\n` },
    expected: [`a.txt:1:acme=${ACME}`]
  },
  {
    // yarilo: single-quoted literal strings with backslashes, AND-scoped [[allowlists]].
    name: "literal '…' strings with backslashes and [[allowlists]] with condition = AND",
    config: `[[rules]]
id = "acme"
regex = 'acme_[a-f0-9]{32}'
[[allowlists]]
condition = "AND"
regexTarget = "match"
regexes = ['acme_0']
paths = ['''internal/.*_test\\.go''']
`,
    files: {
      'internal/a_test.go': `x := "${ACME.replace(/^acme_./, 'acme_0')}"\n`,
      'internal/a.go': `x := "${ACME.replace(/^acme_./, 'acme_0')}"\n`
    },
    expected: [`internal/a.go:1:acme=${ACME.replace(/^acme_./, 'acme_0')}`]
  },
  {
    // Security Onion: a regex whose first character is a space needs that space.
    name: 'a leading space inside a literal-string regex is part of the pattern',
    config: `[[rules]]
id = "acme"
regex = ''' (acme_[a-f0-9]{32})'''
`,
    files: { 'a.txt': `x ${ACME}\n`, 'b.txt': `x=${ACME}\n` },
    expected: [`a.txt:1:acme=${ACME}`]
  },
  {
    // the-hive: [allowlist] after the rules, multi-line basic string regex.
    name: 'a global [allowlist] after [[rules]] and a """ multi-line string regex',
    config: `[[rules]]
id = "acme"
regex = """
acme_[a-f0-9]{32}"""
[rules.allowlist]
regexes = [
  '''acme_f''', # trailing comment
]
[allowlist]
paths = ['''.*\\.age$''']
`,
    files: { 'a.age': `${ACME}\n`, 'a.txt': `${ACME}\n` },
    expected: ACME.startsWith('acme_f') ? [] : [`a.txt:1:acme=${ACME}`]
  }
]

describe('real-world configuration shapes that gitleaks 8.30 accepts', () => {
  test.each(rows.map(r => [r.name, r] as const))('%s', async (_name, row) => {
    expect(await scan(row.config, row.files)).toEqual([...row.expected].sort())
  })
})

describe("gitleaks' generic-api-key covers our four generic rules", () => {
  // Values each of our generic rules reports (generic-secret, generic-token, generic-api-key).
  const generic = (dir: string): Record<string, string> => ({
    [`${dir}/.env`]: `SECRET_KEY=${expand('{an:32}', 'realcfg/gs')}\n`,
    [`${dir}/app.js`]: `const token = "${expand('{an:40}', 'realcfg/gt')}";\n`,
    [`${dir}/settings.yml`]: `api_key: "${expand('{an:32}', 'realcfg/ga')}"\n`
  })
  const files = { ...generic('allowed'), ...generic('other') }

  test('the baseline: several generic rules fire in both directories', async () => {
    const found = await scan('[extend]\nuseDefault = true\n', files)
    const ids = new Set(found.map(f => f.split(':')[2].split('=')[0]))
    expect(ids.size).toBeGreaterThanOrEqual(2)
    for (const id of ids) expect(id).toMatch(/^generic-/)
    expect(found.filter(f => f.startsWith('allowed/'))).toHaveLength(found.length / 2)
  })

  test.each([
    [
      // An id-only entry adding an allowlist to gitleaks' default rule.
      'an id-only [[rules]] entry with [[rules.allowlists]]',
      `[extend]\nuseDefault = true\n[[rules]]\nid = "generic-api-key"\n[[rules.allowlists]]\npaths = ['''^allowed/''']\n`
    ],
    [
      'a global [[allowlists]] with targetRules',
      `[extend]\nuseDefault = true\n[[allowlists]]\ntargetRules = ["generic-api-key"]\npaths = ['''^allowed/''']\n`
    ]
  ])('%s allows what any of them finds', async (_name, config) => {
    const found = await scan(config, files)
    expect(found.filter(f => f.startsWith('allowed/'))).toEqual([])
    expect(found.filter(f => f.startsWith('other/')).length).toBeGreaterThanOrEqual(2)
  })

  test('replacing it with a regex that never matches silences all of them', async () => {
    const config = `[extend]\nuseDefault = true\n[[rules]]\nid = "generic-api-key"\nregex = '''x^'''\n`
    expect(await scan(config, files)).toEqual([])
  })
})

describe('real-world configuration shapes that gitleaks 8.30 rejects', () => {
  test.each([
    [
      // Sifchain / remax / Magpie: gitleaks v7 configs have no rule ids.
      'v7 rules without id',
      `title = "gitleaks config"\n[[rules]]\n\tdescription = "AWS"\n\tregex = '''AKIA[0-9A-Z]{16}'''\n`,
      /rules\[0\] needs an id .*gitleaks v7/,
      2
    ],
    [
      // gitleaks 8's Allowlist.Validate: a v7 `[allowlist]` of only `files` checks nothing.
      'v7 [allowlist] with only files',
      `[[rules]]\nid = "a"\nregex = "a"\n\n[allowlist]\n\tdescription = "Allowlisted files"\n\tfiles = ['''^\\.?gitleaks.toml$''']\n`,
      /^allowlist must set at least one of .*\(files: gitleaks v7 key that gitleaks 8 ignores; use paths\)/,
      5
    ],
    [
      'an [allowlist] whose entries are all commented out',
      `[extend]\nuseDefault = true\n\n[allowlist]\ndescription = "x"\n# paths = ['''a''']\n`,
      /^allowlist must set at least one of commits, paths, regexes or stopwords$/,
      4
    ],
    [
      'the second [[allowlists]] is empty',
      `[[allowlists]]\npaths = ["a"]\n\n[[allowlists]]\ndescription = "todo"\n`,
      /^allowlists\[1\] must set at least one/,
      4
    ],
    [
      'a v7 [rules.allowlist] with only files',
      `[[rules]]\nid = "a"\nregex = "a"\n[[rules]]\nid = "b"\nregex = "b"\n  [rules.allowlist]\n  files = ['''(?i)bashrc''']\n`,
      /^rule b\.allowlist must set at least one .*\(files: /,
      7
    ],
    [
      'the second [[rules.allowlists]] of a rule is empty',
      `[[rules]]\nid = "a"\nregex = "a"\n[[rules.allowlists]]\npaths = ["x"]\n[[rules.allowlists]]\ndescription = "y"\n`,
      /^rule a\.allowlists\[1\] must set at least one/,
      6
    ],
    [
      // gitleaks: "'allowlist' expected a map, got 'slice'".
      '[[rules.allowlist]] (an array of the old single-table key)',
      `[[rules]]\nid = "a"\nregex = "a"\n[[rules.allowlist]]\nregexes = ["x"]\n`,
      /^rule a\.allowlist must be a table \(\[rules\.allowlist\], or \[\[rules\.allowlists\]\] for several\)/,
      4
    ],
    [
      // gitleaks: "rule |id| is missing or empty" (the stray table becomes a rule).
      '[[rules.allowlists]] with no [[rules]] above it',
      `[extend]\nuseDefault = true\n\n[[rules.allowlists]]\nregexes = ['^AUTH=']\n`,
      /^rules must be an array of tables .*no \[\[rules\]\] entry above it/,
      4
    ],
    [
      'a [rules.allowlist] before the first [[rules]] (TOML: table redefined)',
      `title = "x"\n[rules.allowlist]\npaths = ["^x$"]\n[[rules]]\nid = "a"\nregex = "b"\n`,
      /^invalid TOML/,
      4
    ],
    [
      'merge conflict markers left in the file',
      `[allowlist]\npaths = [\n  '''a''',\n<<<<<<< HEAD\n  '''b''']\n=======\n  '''c''']\n>>>>>>> 2b7ce21\n`,
      /^invalid TOML/,
      4
    ],
    [
      'a basic "…" string regex with \\d (TOML escape error)',
      `[[rules]]\nid = "a"\nregex = "\\d+"\n`,
      /^invalid TOML/,
      3
    ],
    [
      'a look-ahead (not RE2)',
      `[[rules]]\nid = "a"\nregex = '''sk_[a-z]{8}(?=x)'''\n`,
      /rule a\.regex: invalid regular expression/,
      3
    ]
  ])('%s', (_name, text, message, line) => {
    let err: unknown
    try {
      parseConfig(text, 'cfg/.gitleaks.toml', tmp())
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).message).toMatch(message)
    expect((err as InputError).position).toMatchObject({ file: 'cfg/.gitleaks.toml', line })
  })
})
