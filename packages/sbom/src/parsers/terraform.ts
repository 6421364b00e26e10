/**
 * Terraform / OpenTofu dependency lock file `.terraform.lock.hcl`: one
 * `provider "registry.terraform.io/<namespace>/<type>" { version, constraints, hashes = [...] }`
 * block per provider. `zh:` hashes are SHA-256 of the provider's release archives (one per
 * platform); `h1:` ones hash the unpacked package (kept as a property). Every provider is the
 * configuration's own requirement (the file records no graph).
 */
import type { GraphBuilder, Hash } from '../model.js'
import type { ParseInput } from './types.js'
import { hexHash, malformed, purl } from '../util.js'

const DEFAULT_REGISTRY = 'registry.terraform.io'

interface Block {
  address: string
  line: number
  version?: string
  constraints?: string
  hashes: string[]
}

function readBlocks(input: ParseInput): Block[] {
  const lines = input.text.split('\n')
  const out: Block[] = []
  let cur: Block | undefined
  let inHashes = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
      .replace(/\r$/, '')
      .replace(/(^|\s)(#|\/\/).*$/, '')
      .trim()
    if (!line) continue
    if (inHashes) {
      for (const m of line.matchAll(/"([^"]*)"/g)) cur!.hashes.push(m[1])
      if (line.includes(']')) inHashes = false
      continue
    }
    if (cur === undefined) {
      const m = /^provider\s+"([^"]+)"\s*\{$/.exec(line)
      if (m) {
        cur = { address: m[1], line: i + 1, hashes: [] }
        continue
      }
      throw malformed(input.file, i + 1, `.terraform.lock.hcl: expected a provider block`)
    }
    if (line === '}') {
      out.push(cur)
      cur = undefined
      continue
    }
    const attr = /^([a-z_]+)\s*=\s*(.*)$/.exec(line)
    if (!attr) throw malformed(input.file, i + 1, '.terraform.lock.hcl: cannot read attribute')
    const [, key, value] = attr as unknown as [string, string, string]
    if (key === 'hashes') {
      for (const m of value.matchAll(/"([^"]*)"/g)) cur.hashes.push(m[1])
      inHashes = !value.includes(']')
    } else {
      const s = /^"([^"]*)"$/.exec(value)?.[1]
      if (key === 'version') cur.version = s
      else if (key === 'constraints') cur.constraints = s
    }
  }
  if (cur !== undefined)
    throw malformed(input.file, cur.line, `.terraform.lock.hcl: unterminated provider block`)
  return out
}

export function parseTerraformLock(input: ParseInput, b: GraphBuilder): void {
  const rootId = b.addLocal(`local:${input.dir}`, {
    name: input.dirName,
    path: input.dir,
    kind: 'root',
    type: 'terraform'
  })
  for (const blk of readBlocks(input)) {
    const parts = blk.address.split('/')
    // "<host>/<namespace>/<type>" (older files may omit the host).
    const [host, namespace, name] =
      parts.length === 3 ? parts : parts.length === 2 ? [DEFAULT_REGISTRY, ...parts] : []
    if (!host || !namespace || !name || !blk.version)
      throw malformed(
        input.file,
        blk.line,
        `.terraform.lock.hcl: provider "${blk.address}" without <namespace>/<type> and version`
      )
    const qualifiers: Record<string, string> =
      host.toLowerCase() === DEFAULT_REGISTRY ? {} : { repository_url: `https://${host}` }
    const hashes: Hash[] = []
    const props: Record<string, string> = {}
    for (const h of blk.hashes) {
      if (h.startsWith('zh:')) {
        const x = hexHash('SHA-256', h.slice(3))
        if (x) hashes.push(x)
      } else if (h.startsWith('h1:') && !props['secure-pipeline:terraform:h1'])
        props['secure-pipeline:terraform:h1'] = h
    }
    if (blk.constraints) props['secure-pipeline:terraform:constraints'] = blk.constraints
    const id = b.addPackage({
      type: 'terraform',
      namespace,
      name,
      version: blk.version,
      purl: purl('terraform', namespace, name, blk.version, qualifiers),
      ...(hashes.length ? { hashes } : {}),
      ...(Object.keys(props).length ? { properties: props } : {})
    })
    b.edge(rootId, id, 'prod')
  }
}
