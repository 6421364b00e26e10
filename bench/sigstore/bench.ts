// Keyed sign + verify of N blobs (default 1,000): secure-pipeline's engine vs the sigstore-js stack
// installed with @sigstore/cli in .bench/peers, same work, same process, same key.
//
// The @sigstore/cli command itself cannot take part: it signs keyless only (`sigstore attest`) and
// its `verify` fetches the trusted root over TUF (network) — so the peer is driven through the
// libraries it ships (@sigstore/sign MessageSignatureBundleBuilder + @sigstore/verify Verifier),
// exactly as its commands use them. Each side serializes the bundle to JSON and parses it back.
import crypto from 'node:crypto'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  EMPTY_TRUSTED_ROOT,
  decryptPrivateKey,
  generateEncodedKeyPair,
  parseSignatureMaterial,
  signBlob,
  verifyBundle
} from '../../packages/sigstore/src/index.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const peerRequire = createRequire(
  path.join(root, '.bench/peers/node_modules/@sigstore/cli/package.json')
)

interface PeerSign {
  MessageSignatureBundleBuilder: new (o: { signer: unknown; witnesses: unknown[] }) => {
    create(a: { data: Buffer }): Promise<unknown>
  }
}
interface PeerBundle {
  bundleToJSON(b: unknown): unknown
  bundleFromJSON(j: unknown): unknown
}
interface PeerVerify {
  toSignedEntity(b: unknown, data: Buffer): unknown
  toTrustMaterial(root: unknown, keys: (hint: string) => unknown): unknown
  Verifier: new (m: unknown, o: Record<string, number>) => { verify(e: unknown): unknown }
}
interface PeerSpecs {
  TrustedRoot: { fromJSON(j: unknown): unknown }
}
const peerSign = peerRequire('@sigstore/sign') as PeerSign
const peerBundle = peerRequire('@sigstore/bundle') as PeerBundle
const peerVerify = peerRequire('@sigstore/verify') as PeerVerify
const peerSpecs = peerRequire('@sigstore/protobuf-specs') as PeerSpecs
const peerVersion = (peerRequire('@sigstore/cli/package.json') as { version: string }).version
const peerSignVersion = (peerRequire('@sigstore/sign/package.json') as { version: string }).version
const peerVerifyVersion = (peerRequire('@sigstore/verify/package.json') as { version: string })
  .version

const N = Number(process.argv[2] ?? 1000)
const SIZE = 4096
const ROUNDS = 7
const blobs = Array.from({ length: N }, () => crypto.randomBytes(SIZE))

// A cosign key pair, encrypted and decrypted once (key loading is not part of the loop).
const password = crypto.randomBytes(12).toString('hex')
const pair = generateEncodedKeyPair(password)
const privateKey = decryptPrivateKey(pair.privateKeyPem, password)
const publicKey = crypto.createPublicKey(privateKey)
const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString()
const hint = crypto
  .createHash('sha256')
  .update(publicKey.export({ type: 'spki', format: 'der' }))
  .digest('base64')

async function ours(): Promise<{ sign: number; verify: number }> {
  const t0 = performance.now()
  const bundles: string[] = []
  for (const data of blobs) bundles.push(JSON.stringify(await signBlob(data, { privateKey })))
  const t1 = performance.now()
  for (let i = 0; i < blobs.length; i++) {
    const data = blobs[i] as Buffer
    const { bundle } = parseSignatureMaterial(bundles[i], 'bench')
    verifyBundle(bundle, { data }, { publicKey, trustedRoot: EMPTY_TRUSTED_ROOT })
  }
  return { sign: t1 - t0, verify: performance.now() - t1 }
}

const peerSigner = {
  sign: (data: Buffer) =>
    Promise.resolve({
      signature: crypto.sign('sha256', data, privateKey),
      key: { $case: 'publicKey', publicKey: pem, hint }
    })
}
const peerRoot = peerSpecs.TrustedRoot.fromJSON({
  mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
  tlogs: [],
  certificateAuthorities: [],
  ctlogs: [],
  timestampAuthorities: []
})

async function peer(): Promise<{ sign: number; verify: number }> {
  const t0 = performance.now()
  const bundles: string[] = []
  const builder = new peerSign.MessageSignatureBundleBuilder({ signer: peerSigner, witnesses: [] })
  for (const data of blobs)
    bundles.push(JSON.stringify(peerBundle.bundleToJSON(await builder.create({ data }))))
  const t1 = performance.now()
  const material = peerVerify.toTrustMaterial(peerRoot, () => ({ publicKey, validFor: () => true }))
  const verifier = new peerVerify.Verifier(material, {
    tlogThreshold: 0,
    ctlogThreshold: 0,
    timestampThreshold: 0
  })
  for (let i = 0; i < blobs.length; i++) {
    const data = blobs[i] as Buffer
    const bundle = peerBundle.bundleFromJSON(JSON.parse(bundles[i]))
    verifier.verify(peerVerify.toSignedEntity(bundle, data))
  }
  return { sign: t1 - t0, verify: performance.now() - t1 }
}

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN

// Warm up both (JIT), then alternate rounds.
const save = blobs.splice(50)
await ours()
await peer()
blobs.push(...save)
const results = {
  ours: [] as { sign: number; verify: number }[],
  peer: [] as { sign: number; verify: number }[]
}
for (let r = 0; r < ROUNDS; r++) {
  results.ours.push(await ours())
  results.peer.push(await peer())
}
const row = (name: string, rs: { sign: number; verify: number }[]) => {
  const sign = median(rs.map(r => r.sign))
  const verify = median(rs.map(r => r.verify))
  return { name, sign, verify, total: sign + verify }
}
const a = row('secure-pipeline (packages/sigstore)', results.ours)
const b = row(
  `@sigstore/cli ${peerVersion} stack (sign ${peerSignVersion}, verify ${peerVerifyVersion})`,
  results.peer
)
const fmt = (ms: number) => `${ms.toFixed(0).padStart(7)} ms`
console.log(
  `keyed sign + verify of ${N} blobs of ${SIZE} bytes, ECDSA P-256; median of ${ROUNDS} rounds; node ${process.version}, ${os.cpus().length} CPUs`
)
console.log(`${'implementation'.padEnd(62)}      sign    verify     total   per blob`)
for (const x of [a, b]) {
  console.log(
    `${x.name.padEnd(62)} ${fmt(x.sign)} ${fmt(x.verify)} ${fmt(x.total)} ${((x.total / N) * 1000).toFixed(0).padStart(6)} µs`
  )
}
console.log(
  `ratio secure-pipeline / peer (total time, lower is better): ${(a.total / b.total).toFixed(2)}x  (sign ${(a.sign / b.sign).toFixed(2)}x, verify ${(a.verify / b.verify).toFixed(2)}x)`
)
