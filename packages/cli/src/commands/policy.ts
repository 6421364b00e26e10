/**
 * `secure-pipeline policy test`: conftest-compatible checks of Kubernetes manifests (and any YAML/
 * JSON) against Rego policies and the built-in policy sets.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { UsageError } from '@secure-pipeline/core'
import {
  BUILTIN_SETS,
  BUILTIN_SET_NAMES,
  OUTPUT_FORMATS,
  formatResults,
  runPolicyCheck,
  type OutputFormat
} from '@secure-pipeline/policy'
import { parseCommandArgs } from '../args.js'
import type { Command, CommandIO } from '../command.js'

const help = `Usage: secure-pipeline policy test PATH... [options]

Checks YAML/JSON files (directories recursively; Helm charts via "helm template" and Kustomize
directories via "kubectl kustomize" when on PATH) against Rego policies, with conftest's rules:
deny/violation/warn[_suffix] rules, string or {msg, ...metadata} messages, exception[rules].

Options:
  -p, --policy DIR        policy directory or .rego file (repeatable; default ./policy unless
                          --builtin is given)
      --builtin NAME      built-in policy set (repeatable): ${BUILTIN_SET_NAMES.join(', ')}
  -n, --namespace NS      namespace to evaluate (repeatable, globs allowed; default main)
      --all-namespaces    evaluate every package of the policies
  -d, --data PATH         data file or directory (.json/.yaml/.yml, repeatable); built-in sets are
                          configured under data.secure_pipeline
  -o, --format FORMAT     ${OUTPUT_FORMATS.join('|')} (default text)
      --output FILE       write the report to FILE instead of stdout
      --fail-on-warn      exit 1 on warnings, and 2 on failures (as conftest)
      --combine           evaluate all documents together as one input named "Combined"
      --no-fail           exit 0 whatever the results (input and policy errors still exit 2)
      --pss-version V     Pod Security Standards version for the built-in sets: latest (default)
                          or v1.N, as pod-security.kubernetes.io/enforce-version

Built-in sets:
${BUILTIN_SET_NAMES.map(n => `  ${n.padEnd(16)} ${BUILTIN_SETS[n].description}`).join('\n')}

Exit codes: 0 no failures (or --no-fail), 1 failures (or warnings with --fail-on-warn), 2
failures with --fail-on-warn, and 2 for a usage, policy or input error (message with file and
line).
`

const policyTest: Command = {
  path: ['policy', 'test'],
  summary:
    'check manifests against Rego policies and built-in Pod Security Standards (conftest-compatible)',
  help,
  run(io: CommandIO): Promise<number> {
    const { values, positionals } = parseCommandArgs(io.argv, {
      policy: { type: 'string', short: 'p', multiple: true },
      builtin: { type: 'string', multiple: true },
      namespace: { type: 'string', short: 'n', multiple: true },
      'all-namespaces': { type: 'boolean' },
      data: { type: 'string', short: 'd', multiple: true },
      format: { type: 'string', short: 'o' },
      output: { type: 'string' },
      'fail-on-warn': { type: 'boolean' },
      combine: { type: 'boolean' },
      'no-fail': { type: 'boolean' },
      'pss-version': { type: 'string' }
    })
    const format = (values.format ?? 'text') as OutputFormat
    if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(
        `unknown format "${values.format}" (expected ${OUTPUT_FORMATS.join(', ')})`
      )
    }
    if (positionals.length === 0)
      throw new UsageError('no input paths: secure-pipeline policy test PATH... (see --help)')
    const run = runPolicyCheck({
      paths: positionals,
      policyDirs: values.policy,
      builtins: values.builtin,
      namespaces: values.namespace,
      allNamespaces: values['all-namespaces'],
      dataPaths: values.data,
      combine: values.combine,
      failOnWarn: values['fail-on-warn'],
      noFail: values['no-fail'],
      pssVersion: values['pss-version'],
      cwd: io.cwd,
      env: io.env,
      onNotice: m => io.stderr(`notice: ${m}\n`)
    })
    const report = formatResults(run.results, format)
    if (values.output) writeFileSync(path.resolve(io.cwd, values.output), report)
    else io.stdout(report)
    return Promise.resolve(run.exitCode)
  }
}

export const commands: Command[] = [policyTest]
