/**
 * The built-in policy sets. Their Rego lives in packages/policy/lib and is inlined at build time
 * (src/builtin-policies.generated.ts), so the CLI and action bundles carry it.
 */
import { UsageError } from '@secure-pipeline/core'
import type { RegoModule } from '@secure-pipeline/rego'
import { BUILTIN_POLICY_SOURCES } from './builtin-policies.generated.js'

export const BUILTIN_SET_NAMES = ['pss-baseline', 'pss-restricted', 'best-practices'] as const
export type BuiltinSetName = (typeof BUILTIN_SET_NAMES)[number]

interface BuiltinSet {
  namespace: string
  files: string[]
  description: string
}

export const BUILTIN_SETS: Readonly<Record<BuiltinSetName, BuiltinSet>> = {
  'pss-baseline': {
    namespace: 'builtin.pss.baseline',
    files: ['k8s/k8s.rego', 'pss-baseline/baseline.rego'],
    description: 'Pod Security Standards, Baseline level (pod-security-admission check IDs)'
  },
  'pss-restricted': {
    namespace: 'builtin.pss.restricted',
    files: ['k8s/k8s.rego', 'pss-baseline/baseline.rego', 'pss-restricted/restricted.rego'],
    description: 'Pod Security Standards, Restricted level (includes Baseline)'
  },
  'best-practices': {
    namespace: 'builtin.best_practices',
    files: ['k8s/k8s.rego', 'best-practices/best_practices.rego'],
    description: 'Images, resources, probes, labels, namespaces, service accounts, RBAC, Services'
  }
}

export function isBuiltinSetName(name: string): name is BuiltinSetName {
  return (BUILTIN_SET_NAMES as readonly string[]).includes(name)
}

export function parseBuiltinSets(names: readonly string[]): BuiltinSetName[] {
  const out: BuiltinSetName[] = []
  for (const raw of names) {
    for (const name of raw
      .split(',')
      .map(s => s.trim())
      .filter(Boolean)) {
      if (!isBuiltinSetName(name))
        throw new UsageError(
          `unknown built-in policy set "${name}" (known: ${BUILTIN_SET_NAMES.join(', ')})`
        )
      if (!out.includes(name)) out.push(name)
    }
  }
  return out
}

/** pss-restricted includes pss-baseline: evaluating both would report baseline checks twice. */
function effectiveSets(sets: readonly BuiltinSetName[]): BuiltinSetName[] {
  return sets.filter(s => !(s === 'pss-baseline' && sets.includes('pss-restricted')))
}

export function builtinModules(sets: readonly BuiltinSetName[]): RegoModule[] {
  const files = new Set<string>()
  for (const s of effectiveSets(sets)) for (const f of BUILTIN_SETS[s].files) files.add(f)
  return [...files].map(f => {
    const source = BUILTIN_POLICY_SOURCES[f]
    if (source === undefined)
      throw new Error(`built-in policy file ${f} is missing from the generated module`)
    return { path: `builtin:${f}`, source }
  })
}

export function builtinNamespaces(sets: readonly BuiltinSetName[]): string[] {
  return effectiveSets(sets).map(s => BUILTIN_SETS[s].namespace)
}

/** Namespace → set name, for labelling results. */
export function builtinSetForNamespace(ns: string): BuiltinSetName | undefined {
  return BUILTIN_SET_NAMES.find(s => BUILTIN_SETS[s].namespace === ns)
}
