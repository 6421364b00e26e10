/** Rego term syntax for values (OPA's Value.String()). */
import { RegoObject, RegoSet, type Value } from './value.js'

export function formatValue(v: Value): string {
  if (v === null) return 'null'
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false'
    case 'number':
      return formatNumber(v)
    case 'bigint':
      return v.toString()
    case 'string':
      return JSON.stringify(v)
    default:
      if (Array.isArray(v)) return '[' + v.map(formatValue).join(', ') + ']'
      if (v instanceof RegoSet)
        return v.size === 0 ? 'set()' : '{' + v.sorted().map(formatValue).join(', ') + '}'
      if (v instanceof RegoObject)
        return (
          '{' +
          v
            .sorted()
            .map(([k, x]) => formatValue(k) + ': ' + formatValue(x))
            .join(', ') +
          '}'
        )
      return String(v)
  }
}

export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0)
  return String(n)
}
