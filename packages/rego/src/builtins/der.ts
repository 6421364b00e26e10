/** Minimal ASN.1 DER reader for X.509 certificates and CSRs (names, SANs, validity). */

export interface Node {
  tag: number
  cls: number
  constructed: boolean
  start: number // header start
  off: number // content start
  len: number
  buf: Buffer
  children?: Node[]
}

export function parseDER(buf: Buffer, start = 0, end = buf.length): Node {
  const n = readNode(buf, start, end)
  if (n.off + n.len > end) throw new Error('asn1: structure error: data truncated')
  return n
}

function readNode(buf: Buffer, start: number, end: number): Node {
  if (start + 2 > end) throw new Error('asn1: structure error: data truncated')
  const b0 = buf[start]
  const cls = b0 >> 6
  const constructed = (b0 & 0x20) !== 0
  let tag = b0 & 0x1f
  let p = start + 1
  if (tag === 0x1f) {
    tag = 0
    while (p < end && buf[p] & 0x80) tag = (tag << 7) | (buf[p++] & 0x7f)
    tag = (tag << 7) | (buf[p++] & 0x7f)
  }
  let len = buf[p++]
  if (len & 0x80) {
    const nb = len & 0x7f
    if (nb === 0 || nb > 4) throw new Error('asn1: structure error: length too large')
    len = 0
    for (let i = 0; i < nb; i++) len = len * 256 + buf[p++]
  }
  if (p + len > end) throw new Error('asn1: structure error: data truncated')
  const node: Node = { tag, cls, constructed, start, off: p, len, buf }
  if (constructed) {
    node.children = []
    let q = p
    while (q < p + len) {
      const c = readNode(buf, q, p + len)
      node.children.push(c)
      q = c.off + c.len
    }
  }
  return node
}

export const content = (n: Node): Buffer => n.buf.subarray(n.off, n.off + n.len)
export const raw = (n: Node): Buffer => n.buf.subarray(n.start, n.off + n.len)

export function oid(n: Node): string {
  const b = content(n)
  const parts: number[] = [Math.floor(b[0] / 40), b[0] % 40]
  let v = 0
  for (let i = 1; i < b.length; i++) {
    v = v * 128 + (b[i] & 0x7f)
    if (!(b[i] & 0x80)) {
      parts.push(v)
      v = 0
    }
  }
  return parts.join('.')
}

export function str(n: Node): string {
  const b = content(n)
  if (n.tag === 30) {
    // BMPString
    let s = ''
    for (let i = 0; i + 1 < b.length; i += 2) s += String.fromCharCode(b.readUInt16BE(i))
    return s
  }
  if (n.tag === 28) {
    let s = ''
    for (let i = 0; i + 3 < b.length; i += 4) s += String.fromCodePoint(b.readUInt32BE(i))
    return s
  }
  return n.tag === 12 ? b.toString('utf8') : b.toString('latin1')
}

export function integer(n: Node): bigint {
  const b = content(n)
  if (b.length === 0) return 0n
  let v = BigInt('0x' + b.toString('hex'))
  if (b[0] & 0x80) v -= 1n << BigInt(b.length * 8)
  return v
}

export function time(n: Node): string {
  const s = content(n).toString('latin1')
  let y: string, rest: string
  if (n.tag === 23) {
    const yy = Number(s.slice(0, 2))
    y = String(yy >= 50 ? 1900 + yy : 2000 + yy)
    rest = s.slice(2)
  } else {
    y = s.slice(0, 4)
    rest = s.slice(4)
  }
  const m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?/.exec(rest)
  if (!m) return ''
  return `${y}-${m[1]}-${m[2]}T${m[3]}:${m[4]}:${m[5] ?? '00'}Z`
}

const NAME_OIDS: Record<string, string> = {
  '2.5.4.6': 'Country',
  '2.5.4.10': 'Organization',
  '2.5.4.11': 'OrganizationalUnit',
  '2.5.4.7': 'Locality',
  '2.5.4.8': 'Province',
  '2.5.4.9': 'StreetAddress',
  '2.5.4.17': 'PostalCode',
  '2.5.4.5': 'SerialNumber',
  '2.5.4.3': 'CommonName'
}

export interface Name {
  fields: Record<string, string[]>
  commonName: string
  serialNumber: string
  names: { oid: string; value: string }[]
}

export function parseName(n: Node): Name {
  const fields: Record<string, string[]> = {}
  const names: { oid: string; value: string }[] = []
  let commonName = ''
  let serialNumber = ''
  for (const rdn of n.children ?? [])
    for (const atv of rdn.children ?? []) {
      const [o, v] = atv.children ?? []
      if (!o || !v) continue
      const id = oid(o)
      const value = str(v)
      names.push({ oid: id, value })
      const f = NAME_OIDS[id]
      if (f === 'CommonName') commonName = value
      else if (f === 'SerialNumber') serialNumber = value
      else if (f) (fields[f] ??= []).push(value)
    }
  return { fields, commonName, serialNumber, names }
}

export interface SAN {
  dns: string[]
  email: string[]
  uri: string[]
  ip: string[]
}

export function parseSAN(ext: Node): SAN {
  const out: SAN = { dns: [], email: [], uri: [], ip: [] }
  for (const g of ext.children ?? []) {
    const b = content(g)
    if (g.tag === 2) out.dns.push(b.toString('latin1'))
    else if (g.tag === 1) out.email.push(b.toString('latin1'))
    else if (g.tag === 6) out.uri.push(b.toString('latin1'))
    else if (g.tag === 7) {
      if (b.length === 4) out.ip.push([...b].join('.'))
      else {
        const groups: string[] = []
        for (let i = 0; i < 16; i += 2) groups.push(b.readUInt16BE(i).toString(16))
        out.ip.push(groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::'))
      }
    }
  }
  return out
}
