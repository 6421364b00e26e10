/**
 * Validates SARIF logs against the official 2.1.0 schema (a draft-04 schema, hence ajv-draft-04).
 * The schema file is read from disk (the shared reference material), never fetched.
 */
import { readFileSync } from 'node:fs'
import ajvDraft04Module from 'ajv-draft-04'
import ajvFormatsModule from 'ajv-formats'

// CommonJS modules: under NodeNext the default import is `module.exports`, whose `default`
// property is the class/function itself (in Node, jest and the ncc bundle alike).
const AjvDraft04 = ajvDraft04Module.default
const addFormats = ajvFormatsModule.default

export interface SchemaValidator {
  (doc: unknown): { valid: boolean; errors: string[] }
}

export function createSarifValidator(schemaPath: string): SchemaValidator {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>
  const ajv = new AjvDraft04({ allErrors: true, strict: false })
  addFormats(ajv)
  const validate = ajv.compile(schema)
  return (doc: unknown) => {
    const valid = validate(doc)
    const errors = (validate.errors ?? []).map(e => `${e.instancePath || '/'} ${e.message ?? ''}`)
    return { valid, errors }
  }
}
