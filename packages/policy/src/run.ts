/**
 * One policy-check run: load policies, data and inputs, evaluate, compute conftest's exit code.
 * Shared by the CLI command and the action.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { UsageError } from '@secure-pipeline/core'
import { parseBuiltinSets } from './builtins.js'
import { PolicySet, exitCode, totals, type CheckResult, type Totals } from './engine.js'
import { loadInputs } from './load.js'
import { loadData, loadPolicyModules } from './sources.js'

export interface PolicyCheckOptions {
  /** Manifest files and directories (also Helm charts and Kustomize directories). */
  paths: readonly string[]
  /** conftest `-p`; defaults to `policy` when it exists and no built-in set is chosen. */
  policyDirs?: readonly string[]
  /** `pss-baseline`, `pss-restricted`, `best-practices` (comma-separated values are split). */
  builtins?: readonly string[]
  namespaces?: readonly string[]
  allNamespaces?: boolean
  /** conftest `-d`: data files and directories. */
  dataPaths?: readonly string[]
  combine?: boolean
  failOnWarn?: boolean
  /** conftest `--no-fail`: exit 0 whatever the results (input and policy errors still throw). */
  noFail?: boolean
  /**
   * Pod Security Standards version for the built-in sets ("latest" or "v1.N"); overrides
   * data.secure_pipeline.pss_version from the data files.
   */
  pssVersion?: string
  cwd?: string
  env?: NodeJS.ProcessEnv
  maxFileBytes?: number
  onNotice?: (message: string) => void
}

export interface PolicyCheckRun {
  results: CheckResult[]
  totals: Totals
  exitCode: number
  namespaces: string[]
  files: number
  documents: number
}

export function runPolicyCheck(options: PolicyCheckOptions): PolicyCheckRun {
  const cwd = options.cwd ?? process.cwd()
  if (options.paths.length === 0)
    throw new UsageError('no input paths: pass at least one manifest file or directory')
  if (options.allNamespaces && options.namespaces && options.namespaces.length > 0)
    throw new UsageError('--namespace and --all-namespaces cannot be combined')
  const builtins = parseBuiltinSets(options.builtins ?? [])
  let policyDirs = [...(options.policyDirs ?? [])]
  if (policyDirs.length === 0 && builtins.length === 0) {
    if (existsSync(path.resolve(cwd, 'policy'))) policyDirs = ['policy']
    else
      throw new UsageError(
        'no policies: pass a policy directory with -p (default ./policy, which does not exist) or a built-in set with --builtin'
      )
  }
  const modules = loadPolicyModules(policyDirs, cwd)
  if (policyDirs.length > 0 && modules.length === 0 && builtins.length === 0)
    throw new UsageError(`no .rego files found in ${policyDirs.join(', ')}`)
  const data = loadData(options.dataPaths ?? [], cwd)
  if (options.pssVersion) {
    const sp = data.secure_pipeline
    data.secure_pipeline = {
      ...(typeof sp === 'object' && sp !== null && !Array.isArray(sp) ? sp : {}),
      pss_version: options.pssVersion
    }
  }
  const set = new PolicySet({ modules, builtins, data, env: options.env ?? process.env })
  const files = loadInputs(options.paths, {
    cwd,
    env: options.env,
    maxFileBytes: options.maxFileBytes,
    onNotice: options.onNotice
  })
  const checkOptions = {
    namespaces: options.namespaces,
    allNamespaces: options.allNamespaces,
    combine: options.combine,
    cwd
  }
  const results = set.check(files, checkOptions)
  return {
    results,
    totals: totals(results),
    exitCode: options.noFail ? 0 : exitCode(results, options.failOnWarn),
    namespaces: set.resolveNamespaces(checkOptions),
    files: files.length,
    documents: files.reduce((n, f) => n + f.documents.length, 0)
  }
}
