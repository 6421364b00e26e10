/**
 * The sign action: inputs → @secure-pipeline/sigstore (sign or attest blobs and images) → bundle
 * files, outputs and a job summary. Secrets (key, password, registry password) are masked first.
 */
import fs from 'node:fs'
import path from 'node:path'
import * as core from '@actions/core'
import { UsageError } from '@secure-pipeline/core'
import {
  getListInput,
  markdownTable,
  maskSecrets,
  runAction,
  setOutputs,
  workspacePath,
  writeSummary,
  registryCredentialInputs
} from '@secure-pipeline/action-kit'
import type { RegistryClientOptions } from '@secure-pipeline/oci'
import {
  attestImage,
  buildStatement,
  decryptPrivateKey,
  keylessFrom,
  loadSigningKey,
  parsePredicate,
  predicateTypeURI,
  readInputFile,
  sha256,
  signBlob,
  signDSSE,
  signImage,
  type SignOptions
} from '@secure-pipeline/sigstore'

function optionalBoolean(name: string): boolean | undefined {
  return core.getInput(name) === '' ? undefined : core.getBooleanInput(name)
}

function signOptions(): SignOptions {
  const key = core.getInput('key')
  const password = core.getInput('password') || process.env.COSIGN_PASSWORD
  const keyless = optionalBoolean('keyless') ?? key === ''
  const tlog = optionalBoolean('tlog-upload')
  const rekorURL = core.getInput('rekor-url') || undefined
  if (key && keyless) throw new UsageError('inputs: use either key or keyless: true, not both')
  if (key) {
    const privateKey = key.includes('-----BEGIN')
      ? decryptPrivateKey(key, password ?? '', 'input key')
      : loadSigningKey(workspacePath(key), password)
    return {
      privateKey,
      rekorURL: tlog === true ? (rekorURL ?? 'https://rekor.sigstore.dev') : undefined
    }
  }
  if (!keyless) throw new UsageError('inputs: give a key, or set keyless: true')
  const options = keylessFrom({
    env: process.env,
    fulcioURL: core.getInput('fulcio-url') || undefined,
    rekorURL: tlog === false ? null : rekorURL,
    tsaURL: core.getInput('tsa-url') || undefined
  })
  const entryType = core.getInput('rekor-entry-type')
  if (entryType === 'dsse' || entryType === 'intoto') options.rekorEntryType = entryType
  else if (entryType)
    throw new UsageError(`inputs: rekor-entry-type must be dsse or intoto, got "${entryType}"`)
  return { keyless: options }
}

function registryOptions(): RegistryClientOptions {
  const credentials = registryCredentialInputs()
  return credentials ? { env: process.env, credentials } : { env: process.env }
}

interface Signed {
  subject: string
  digest: string
  bundle?: string
  referrer?: string
}

async function main(): Promise<void> {
  const key = core.getInput('key')
  const pem = key.includes('-----BEGIN')
    ? [
        key,
        ...key
          .split('\n')
          .map(l => l.trim())
          .filter(l => l.length > 16)
      ]
    : []
  maskSecrets([...pem, core.getInput('password'), core.getInput('registry-password')])
  const blobs = getListInput('blobs')
  const images = getListInput('images')
  if (blobs.length === 0 && images.length === 0)
    throw new UsageError('inputs: nothing to sign: give blobs and/or images')
  const sign = signOptions()
  const predicateFile = core.getInput('predicate')
  let predicateType: string | undefined
  let predicate: unknown
  if (predicateFile) {
    predicateType = predicateTypeURI(core.getInput('predicate-type') || 'custom')
    const file = workspacePath(predicateFile)
    predicate = parsePredicate(
      readInputFile(file, 'predicate').toString('utf8'),
      predicateType,
      file
    )
  }
  const bundleDir = core.getInput('bundle-dir')
  const signed: Signed[] = []
  for (const blob of blobs) {
    const file = workspacePath(blob)
    const data = readInputFile(file, 'artifact')
    const hex = sha256(data).toString('hex')
    const bundle =
      predicateType !== undefined
        ? await signDSSE(
            Buffer.from(
              JSON.stringify(
                buildStatement(
                  [{ name: path.basename(file), digest: { sha256: hex } }],
                  predicateType,
                  predicate
                )
              )
            ),
            sign
          )
        : await signBlob(data, sign)
    const suffix = predicateType !== undefined ? '.intoto.sigstore.json' : '.sigstore.json'
    const out = bundleDir
      ? path.join(workspacePath(bundleDir), path.basename(file) + suffix)
      : file + suffix
    fs.mkdirSync(path.dirname(out), { recursive: true })
    fs.writeFileSync(out, `${JSON.stringify(bundle, null, 2)}\n`)
    core.info(`${predicateType ? 'Attested' : 'Signed'} ${blob} (sha256:${hex}) → ${out}`)
    signed.push({ subject: blob, digest: `sha256:${hex}`, bundle: out })
  }
  for (const image of images) {
    const result =
      predicateType !== undefined
        ? await attestImage(image, predicateType, predicate, sign, registryOptions())
        : await signImage(image, sign, registryOptions())
    core.info(
      `${predicateType ? 'Attested' : 'Signed'} ${result.reference} → referrer ${result.referrer} (${result.via})`
    )
    signed.push({ subject: result.reference, digest: result.digest, referrer: result.referrer })
  }
  const bundles = signed.flatMap(s => (s.bundle ? [s.bundle] : []))
  setOutputs({
    'bundle-path': bundles[0] ?? '',
    'bundle-paths': bundles.join('\n'),
    digest: signed[0]?.digest ?? '',
    digests: signed.map(s => s.digest).join('\n'),
    signed: JSON.stringify(signed)
  })
  const mode = sign.privateKey ? 'key' : 'keyless'
  await writeSummary(
    `## ${predicateType ? `Attested (${predicateType})` : 'Signed'} with ${mode}\n\n` +
      markdownTable(
        ['subject', 'digest', 'stored as'],
        signed.map(s => [
          s.subject,
          s.digest,
          s.bundle
            ? path.relative(process.env.GITHUB_WORKSPACE ?? process.cwd(), s.bundle)
            : `referrer ${s.referrer ?? ''}`
        ])
      )
  )
}

void runAction(main)
