/**
 * Locates the project's shared reference material (conformance suites, schemas, corpora), which
 * lives beside the repository in the workplace and is absent from an ordinary clone.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root, found from this file (packages/core/src). */
export function repoRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
}

/** `$SECURE_PIPELINE_SHARED`, else `<repo>/../shared`; undefined when neither exists. */
export function sharedDir(): string | undefined {
  const candidate = process.env.SECURE_PIPELINE_SHARED ?? path.resolve(repoRoot(), '../shared')
  return existsSync(candidate) ? candidate : undefined
}
