import { InputError } from '@secure-pipeline/core'
import jsyaml from 'js-yaml'
import { lineAt, malformed, type JsonObject } from './util.js'

function lastLine(text: string): number {
  return lineAt(text, text.trimEnd().length)
}

export function parseYaml(text: string, file: string, what: string): JsonObject {
  let value: unknown
  try {
    value = jsyaml.load(text, { filename: file, json: true })
  } catch (err) {
    const mark = (err as { mark?: { line?: number } }).mark
    const reason = (err as { reason?: string }).reason ?? (err as Error).message
    throw new InputError('SBOM_MALFORMED_LOCKFILE', `malformed ${what}: ${reason}`, {
      position: { file, line: mark?.line !== undefined ? mark.line + 1 : lastLine(text) }
    })
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw malformed(file, 1, `${what}: expected a mapping`)
  }
  return value as JsonObject
}
