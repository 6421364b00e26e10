/**
 * `secure-pipeline rego eval` (output shaped like `opa eval --format json`) and
 * `secure-pipeline rego test` (runs `test_` rules like `opa test`).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { UsageError } from '@secure-pipeline/core'
import { RegoError, compile, loadFiles, parseDataFile, stringifyJSON } from '@secure-pipeline/rego'
import { parseCommandArgs } from '../args.js'
import type { Command, CommandIO } from '../command.js'

const evalHelp = `Usage: secure-pipeline rego eval QUERY [options]

Evaluates a Rego query (Rego v1 syntax) against policies and data, like "opa eval".

Options:
  -d, --data PATH       .rego policy, .json/.yaml data file, or directory (repeatable)
  -i, --input FILE      input document (.json or .yaml)
  -f, --format FORMAT   json (default, as "opa eval --format json") or pretty
      --strict-builtin-errors
                        a builtin error fails the query instead of making it undefined
      --v0-compatible   accept Rego v0 syntax (deny[msg] { ... }) as OPA's flag of that name

Exit codes: 0 evaluated (also when undefined), 2 parse, compile, evaluation or usage error.
`

const testHelp = `Usage: secure-pipeline rego test PATH... [options]

Runs every rule named test_* (like "opa test") in the .rego files under PATH, with .json/.yaml
files as data. Prints PASS/FAIL/ERROR per test and a summary; rules named todo_test_* are skipped.

Options:
  -r, --run REGEX   only run tests whose full name (data.pkg.test_x) matches REGEX
      --v0-compatible accept Rego v0 syntax

Exit codes: 0 all tests passed, 1 a test failed or errored, 2 parse/compile/usage error.
`

function readInput(file: string, cwd: string): unknown {
  const abs = path.resolve(cwd, file)
  let text: string
  try {
    text = readFileSync(abs, 'utf8')
  } catch {
    throw new UsageError(`cannot read input file ${file}`)
  }
  return parseDataFile(file, text)
}

const regoEval: Command = {
  path: ['rego', 'eval'],
  summary: 'evaluate a Rego query against policies and data (like opa eval)',
  help: evalHelp,
  run(io: CommandIO): Promise<number> {
    const { values, positionals } = parseCommandArgs(io.argv, {
      data: { type: 'string', short: 'd', multiple: true },
      input: { type: 'string', short: 'i' },
      format: { type: 'string', short: 'f' },
      'strict-builtin-errors': { type: 'boolean' },
      'v0-compatible': { type: 'boolean' }
    })
    if (positionals.length !== 1) throw new UsageError('expected exactly one QUERY (see --help)')
    const format = values.format ?? 'json'
    if (format !== 'json' && format !== 'pretty')
      throw new UsageError(`unknown format "${format}" (expected json, pretty)`)
    const { modules, data } = loadFiles(values.data ?? [], io.cwd)
    const input = values.input !== undefined ? readInput(values.input, io.cwd) : undefined
    const policy = compile(modules, { data, regoVersion: values['v0-compatible'] ? 'v0' : 'v1' })
    const results = policy.query(positionals[0], {
      input,
      strictBuiltinErrors: values['strict-builtin-errors'],
      print: msg => io.stderr(msg + '\n')
    })
    if (format === 'json') {
      const out = results.length
        ? {
            result: results.map(r =>
              Object.keys(r.bindings).length ? r : { expressions: r.expressions }
            )
          }
        : {}
      io.stdout(stringifyJSON(out, 2) + '\n')
    } else if (results.length === 0) {
      io.stdout('undefined\n')
    } else if (
      results.length === 1 &&
      Object.keys(results[0].bindings).length === 0 &&
      results[0].expressions.length === 1
    ) {
      io.stdout(stringifyJSON(results[0].expressions[0].value, 2) + '\n')
    } else {
      io.stdout(
        stringifyJSON(
          results.map(r =>
            Object.keys(r.bindings).length ? r.bindings : r.expressions.map(e => e.value)
          ),
          2
        ) + '\n'
      )
    }
    return Promise.resolve(0)
  }
}

const regoTest: Command = {
  path: ['rego', 'test'],
  summary: 'run Rego unit tests (test_ rules, like opa test)',
  help: testHelp,
  run(io: CommandIO): Promise<number> {
    const { values, positionals } = parseCommandArgs(io.argv, {
      run: { type: 'string', short: 'r' },
      'v0-compatible': { type: 'boolean' }
    })
    if (positionals.length === 0)
      throw new UsageError('no paths: secure-pipeline rego test PATH... (see --help)')
    let filter: RegExp | undefined
    if (values.run !== undefined) {
      try {
        filter = new RegExp(values.run)
      } catch {
        throw new UsageError(`invalid --run regular expression: ${values.run}`)
      }
    }
    const { modules, data } = loadFiles(positionals, io.cwd)
    const policy = compile(modules, { data, regoVersion: values['v0-compatible'] ? 'v0' : 'v1' })
    let pass = 0
    let fail = 0
    let errors = 0
    let skipped = 0
    const lines: string[] = []
    for (const pkg of policy.packages()) {
      for (const rule of policy.rules(pkg).sort()) {
        const name = `data.${pkg}.${rule}`
        const isTodo = rule.startsWith('todo_test_')
        if (!rule.startsWith('test_') && !isTodo) continue
        if (filter && !filter.test(name)) continue
        if (policy.isFunction(pkg, rule)) continue
        if (isTodo) {
          skipped++
          lines.push(`${name}: SKIPPED`)
          continue
        }
        try {
          const v = policy.evalRule(pkg, rule)
          if (v === undefined || v === false) {
            fail++
            lines.push(`${name}: FAIL`)
          } else {
            pass++
            lines.push(`${name}: PASS`)
          }
        } catch (e) {
          if (!(e instanceof RegoError)) throw e
          errors++
          lines.push(`${name}: ERROR`)
          lines.push(`  ${e.describe()}`)
        }
      }
    }
    const total = pass + fail + errors + skipped
    const sep = '-'.repeat(80)
    const summary = [`PASS: ${pass}/${total}`]
    if (fail) summary.push(`FAIL: ${fail}/${total}`)
    if (errors) summary.push(`ERROR: ${errors}/${total}`)
    if (skipped) summary.push(`SKIPPED: ${skipped}/${total}`)
    if (total === 0) {
      io.stderr('no tests found\n')
      return Promise.resolve(0)
    }
    io.stdout([...lines, sep, ...summary, ''].join('\n'))
    return Promise.resolve(fail || errors ? 1 : 0)
  }
}

export const commands: Command[] = [regoEval, regoTest]
