/**
 * The policy-check action: a thin adapter from inputs to the policy engine, then annotations on
 * the right line of each manifest, a job summary grouped by file and rule, SARIF and outputs.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import * as core from '@actions/core'
import {
  emitAnnotations,
  getListInput,
  getOptionalBoolean,
  runAction,
  setOutputs,
  workspacePath,
  writeSummary
} from '@secure-pipeline/action-kit'
import {
  formatSarif,
  formatSummary,
  formatText,
  runPolicyCheck,
  toFindings
} from '@secure-pipeline/policy'

async function main(): Promise<void> {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()
  const paths = getListInput('paths')
  const policyDirs = getListInput('policy')
  let builtins = getListInput('builtin')
  if (
    policyDirs.length === 0 &&
    builtins.length === 0 &&
    !existsSync(path.join(workspace, 'policy'))
  ) {
    builtins = ['pss-baseline', 'best-practices']
    core.info(
      'No policy directory and no built-in set given: using pss-baseline and best-practices.'
    )
  }
  const run = runPolicyCheck({
    paths: paths.length > 0 ? paths : ['.'],
    policyDirs,
    builtins,
    namespaces: getListInput('namespace'),
    allNamespaces: getOptionalBoolean('all-namespaces', false),
    dataPaths: getListInput('data'),
    combine: getOptionalBoolean('combine', false),
    failOnWarn: getOptionalBoolean('fail-on-warn', false),
    pssVersion: core.getInput('pss-version') || undefined,
    cwd: workspace,
    env: process.env,
    onNotice: m => core.notice(m)
  })

  core.info(formatText(run.results).trimEnd())

  const sarifInput = core.getInput('sarif-file')
  const sarifFile = sarifInput
    ? workspacePath(sarifInput)
    : path.join(process.env.RUNNER_TEMP ?? workspace, 'secure-pipeline-policy.sarif')
  mkdirSync(path.dirname(sarifFile), { recursive: true })
  writeFileSync(sarifFile, formatSarif(run.results))

  emitAnnotations(toFindings(run.results), { title: 'policy' })
  await writeSummary(formatSummary(run.results, 'Policy check'))
  setOutputs({
    failures: run.totals.failures,
    warnings: run.totals.warnings,
    exceptions: run.totals.exceptions,
    'sarif-file': sarifFile,
    'exit-code': run.exitCode
  })
  if (run.exitCode !== 0) {
    const what =
      run.totals.failures > 0
        ? `${run.totals.failures} policy failure(s)`
        : `${run.totals.warnings} policy warning(s) (fail-on-warn)`
    core.setFailed(`${what} in ${run.files} file(s); see the annotations and the job summary.`)
  }
}

void runAction(main)
