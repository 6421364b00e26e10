/**
 * The findings model every engine reports in, and its writers (SARIF 2.1.0, JSON, text).
 */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info'

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info']

export interface Location {
  /** Relative to the scanned root, `/` separators. */
  file: string
  startLine?: number
  startColumn?: number
  endLine?: number
  endColumn?: number
}

export interface Finding {
  ruleId: string
  severity: Severity
  message: string
  location?: Location
  /** Stable identity of this finding across runs (SARIF partialFingerprints). */
  fingerprint?: string
  help?: string
  properties?: Record<string, unknown>
}

export interface RuleDescriptor {
  id: string
  name?: string
  shortDescription: string
  fullDescription?: string
  help?: string
  helpUri?: string
  severity: Severity
  tags?: string[]
}

export interface ToolInfo {
  name: string
  version: string
  informationUri?: string
}

export interface SarifOptions {
  tool: ToolInfo
  rules?: RuleDescriptor[]
  /** Category for code scanning (`runAutomationDetails.id`), e.g. `secure-pipeline/secrets/`. */
  category?: string
  /** Name of the partial fingerprint key; defaults to `secure-pipeline/v1`. */
  fingerprintKey?: string
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note'
}

/** GitHub's `security-severity` scale (0–10) drives code scanning's severity column. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0'
}

export function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  return SARIF_LEVEL[severity]
}

export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b)
}

function sarifRegion(loc: Location): Record<string, number> | undefined {
  if (loc.startLine === undefined) return undefined
  const region: Record<string, number> = { startLine: Math.max(1, loc.startLine) }
  if (loc.startColumn !== undefined) region.startColumn = Math.max(1, loc.startColumn)
  if (loc.endLine !== undefined) region.endLine = Math.max(region.startLine, loc.endLine)
  if (loc.endColumn !== undefined) region.endColumn = Math.max(1, loc.endColumn)
  return region
}

/** A SARIF 2.1.0 log with one run. Deterministic: rules sorted by id, results in given order. */
export function toSarif(
  findings: readonly Finding[],
  options: SarifOptions
): Record<string, unknown> {
  const ruleMap = new Map<string, RuleDescriptor>()
  for (const r of options.rules ?? []) ruleMap.set(r.id, r)
  for (const f of findings) {
    if (!ruleMap.has(f.ruleId))
      ruleMap.set(f.ruleId, {
        id: f.ruleId,
        shortDescription: f.ruleId,
        severity: f.severity,
        help: f.help
      })
  }
  const rules = [...ruleMap.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]))
  const fpKey = options.fingerprintKey ?? 'secure-pipeline/v1'

  const results = findings.map(f => {
    const result: Record<string, unknown> = {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId),
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message }
    }
    if (f.location) {
      const physicalLocation: Record<string, unknown> = {
        artifactLocation: { uri: encodeURI(f.location.file), uriBaseId: '%SRCROOT%' }
      }
      const region = sarifRegion(f.location)
      if (region) physicalLocation.region = region
      result.locations = [{ physicalLocation }]
    }
    if (f.fingerprint) result.partialFingerprints = { [fpKey]: f.fingerprint }
    if (f.properties && Object.keys(f.properties).length > 0) result.properties = f.properties
    return result
  })

  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: options.tool.name,
        version: options.tool.version,
        semanticVersion: options.tool.version,
        ...(options.tool.informationUri ? { informationUri: options.tool.informationUri } : {}),
        rules: rules.map(r => ({
          id: r.id,
          ...(r.name ? { name: r.name } : {}),
          shortDescription: { text: r.shortDescription },
          ...(r.fullDescription ? { fullDescription: { text: r.fullDescription } } : {}),
          ...(r.help ? { help: { text: r.help } } : {}),
          ...(r.helpUri ? { helpUri: r.helpUri } : {}),
          defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
          properties: {
            'security-severity': SECURITY_SEVERITY[r.severity],
            ...(r.tags && r.tags.length > 0 ? { tags: r.tags.slice(0, 20) } : {})
          }
        }))
      }
    },
    originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///' } },
    results
  }
  if (options.category) run.automationDetails = { id: options.category }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [run]
  }
}

export function formatLocation(loc: Location | undefined): string {
  if (!loc) return '-'
  let s = loc.file
  if (loc.startLine !== undefined) s += `:${loc.startLine}`
  if (loc.startLine !== undefined && loc.startColumn !== undefined) s += `:${loc.startColumn}`
  return s
}

/** Human text, one finding a line, then a count. */
export function toText(findings: readonly Finding[]): string {
  const lines = findings.map(
    f => `${formatLocation(f.location)}: ${f.severity}: ${f.message} [${f.ruleId}]`
  )
  lines.push(findings.length === 1 ? '1 finding' : `${findings.length} findings`)
  return lines.join('\n') + '\n'
}

export function toJsonText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n'
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 }
  for (const f of findings) out[f.severity]++
  return out
}
