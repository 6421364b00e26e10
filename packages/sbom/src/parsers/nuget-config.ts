/** NuGet's legacy packages.config (XML). */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { GraphBuilder } from '../model.js'
import type { ParseInput } from './types.js'
import { arr, isObject, lineAt, malformed, obj, purl, str } from '../util.js'

const configParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  isArray: (_name: string, jpath: unknown) => jpath === 'packages.package'
})

/**
 * The legacy `packages.config`: every installed package (dependencies included, flattened) as
 * `<package id version targetFramework developmentDependency/>`. It records neither the graph
 * nor which packages the project asked for, so none is claimed as direct.
 */
export function parseNugetPackagesConfig(input: ParseInput, b: GraphBuilder): void {
  const v = XMLValidator.validate(input.text)
  if (v !== true) {
    const unclosed = /^Invalid '\[/.test(v.err.msg) || /unclosed|not closed/i.test(v.err.msg)
    throw malformed(
      input.file,
      unclosed ? input.text.trimEnd().split('\n').length : v.err.line,
      `packages.config: ${v.err.msg.replace(/\s+/g, ' ').slice(0, 200)}`
    )
  }
  const d = configParser.parse(input.text) as Record<string, unknown>
  if (!isObject(d.packages) && d.packages !== '')
    throw malformed(input.file, 1, 'packages.config: no <packages> element')
  b.addLocal(`local:${input.dir}`, {
    name: input.dirName,
    path: input.dir,
    kind: 'root',
    type: 'nuget'
  })
  for (const raw of arr(obj(d.packages).package)) {
    const e = obj(raw)
    const id = str(e.id)
    const version = str(e.version)
    if (!id || !version) {
      const at = input.text.indexOf(id ? `"${id}"` : '<package ')
      throw malformed(
        input.file,
        at < 0 ? undefined : lineAt(input.text, at),
        'packages.config: <package> without id/version'
      )
    }
    const fw = str(e.targetFramework)
    b.addPackage({
      type: 'nuget',
      name: id,
      version,
      purl: purl('nuget', undefined, id, version),
      scopeHint: str(e.developmentDependency) === 'true' ? 'dev' : 'required',
      ...(fw ? { properties: { 'secure-pipeline:nuget:target-framework': fw } } : {})
    })
  }
}
