// Entry point for the sigstore-conformance suite (`--entrypoint packages/sigstore/bin/sigstore-conformance`).
import { conformanceMain } from '../conformance.js'

const code = await conformanceMain(process.argv.slice(2), { stderr: t => process.stderr.write(t) })
process.exitCode = code
