import { InputError } from '@secure-pipeline/core'
import jsyaml from 'js-yaml'
import { lineAt, malformed, type JsonObject } from './util.js'

function lastLine(text: string): number {
  return lineAt(text, text.trimEnd().length)
}

function yamlError(err: unknown, text: string, file: string, what: string): InputError {
  const mark = (err as { mark?: { line?: number } }).mark
  const reason = (err as { reason?: string }).reason ?? (err as Error).message
  return new InputError('SBOM_MALFORMED_LOCKFILE', `malformed ${what}: ${reason}`, {
    position: { file, line: mark?.line !== undefined ? mark.line + 1 : lastLine(text) }
  })
}

function isMapping(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

export function parseYaml(text: string, file: string, what: string): JsonObject {
  let value: unknown
  try {
    value = jsyaml.load(text, { filename: file, json: true })
  } catch (err) {
    throw yamlError(err, text, file, what)
  }
  if (!isMapping(value)) {
    throw malformed(file, 1, `${what}: expected a mapping`)
  }
  return value
}

/**
 * Every document of a YAML stream (`---`-separated), empty ones left out; at least one, and each
 * a mapping.
 */
export function parseYamlDocuments(text: string, file: string, what: string): JsonObject[] {
  let values: unknown[]
  try {
    values = jsyaml.loadAll(text, undefined, { filename: file, json: true })
  } catch (err) {
    throw yamlError(err, text, file, what)
  }
  const docs = values.filter(v => v !== null && v !== undefined)
  if (docs.length === 0 || !docs.every(isMapping)) {
    throw malformed(file, 1, `${what}: expected a mapping`)
  }
  return docs
}
