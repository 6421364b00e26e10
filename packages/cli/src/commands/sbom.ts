/**
 * `secure-pipeline sbom [PATH]`: CycloneDX / SPDX from the lockfiles of a repository, one
 * lockfile, or a root filesystem.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { UsageError } from '@secure-pipeline/core'
import type { SbomFormat } from '@secure-pipeline/sbom'
import { parseCommandArgs } from '../args.js'
import type { Command, CommandIO } from '../command.js'

const help = `Usage: secure-pipeline sbom [PATH] [options]

Writes a Software Bill of Materials for PATH (default: the current directory): a repository
(every supported lockfile, honouring .gitignore), a single lockfile, or a root filesystem
(lib/apk/db/installed, var/lib/dpkg/status).

Supported: package-lock.json / npm-shrinkwrap.json (v1-v3), yarn.lock (classic and berry),
pnpm-lock.yaml (v5-v9), requirements*.txt, poetry.lock, Pipfile.lock, uv.lock, pylock.toml,
go.mod (+go.sum), Cargo.lock, Gemfile.lock, composer.lock, pom.xml, gradle.lockfile,
packages.lock.json, Alpine and Debian package databases.

Options:
  --format FORMAT        cyclonedx-json (default) or spdx-json
  --spec-version V       CycloneDX 1.5, 1.6 (default) or 1.7; SPDX 2.3
  --output FILE          write to FILE instead of stdout (with --split: a directory)
  --split                one SBOM per project / workspace member instead of one for PATH
  --include-dev          keep development dependencies, marked scope "excluded" (default)
  --exclude-dev          leave development dependencies out
  --timestamp WHEN       "now" to stamp the current time; default: SOURCE_DATE_EPOCH if set,
                         else no timestamp (CycloneDX) / 1970-01-01T00:00:00Z (SPDX), so the
                         same input gives byte-identical output

Exit codes: 0 written, 2 usage error or a lockfile that cannot be read (file:line named).
`

const sbom: Command = {
  path: ['sbom'],
  summary: 'generate a CycloneDX or SPDX SBOM from lockfiles',
  help,
  async run(io: CommandIO): Promise<number> {
    // Loaded on use, so other commands do not pay for the SBOM engine at start-up.
    const { CYCLONEDX_VERSIONS, SPDX_VERSIONS, generate, timestampFromEpoch } =
      await import('@secure-pipeline/sbom')
    const { values, positionals } = parseCommandArgs(io.argv, {
      format: { type: 'string' },
      'spec-version': { type: 'string' },
      output: { type: 'string', short: 'o' },
      split: { type: 'boolean' },
      'include-dev': { type: 'boolean' },
      'exclude-dev': { type: 'boolean' },
      timestamp: { type: 'string' }
    })
    if (positionals.length > 1) throw new UsageError('expected at most one PATH (see --help)')
    const format = (values.format ?? 'cyclonedx-json') as SbomFormat
    if (format !== 'cyclonedx-json' && format !== 'spdx-json')
      throw new UsageError(`--format must be cyclonedx-json or spdx-json, got "${values.format}"`)
    const versions: readonly string[] = format === 'spdx-json' ? SPDX_VERSIONS : CYCLONEDX_VERSIONS
    const specVersion = values['spec-version'] ?? (format === 'spdx-json' ? '2.3' : '1.6')
    if (!versions.includes(specVersion))
      throw new UsageError(`--spec-version for ${format} must be one of ${versions.join(', ')}`)
    if (values['include-dev'] && values['exclude-dev'])
      throw new UsageError('--include-dev and --exclude-dev are mutually exclusive')
    if (values.split && !values.output)
      throw new UsageError('--split writes one file per project: give --output DIR')
    let timestamp: string | undefined
    if (values.timestamp !== undefined) {
      if (values.timestamp === 'now') timestamp = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
      else
        throw new UsageError(
          '--timestamp accepts only "now" (use SOURCE_DATE_EPOCH for a fixed time)'
        )
    } else {
      const epoch = io.env.SOURCE_DATE_EPOCH
      timestamp = timestampFromEpoch(epoch)
      if (epoch !== undefined && epoch.trim() !== '' && timestamp === undefined)
        throw new UsageError('SOURCE_DATE_EPOCH must be a whole number of seconds')
    }
    const target = path.resolve(io.cwd, positionals[0] ?? '.')
    const result = await generate(target, {
      format,
      specVersion,
      split: values.split ?? false,
      includeDev: !values['exclude-dev'],
      ...(timestamp !== undefined ? { timestamp } : {})
    })
    if (result.sources.length === 0) {
      io.stderr(`sbom: no supported lockfile or manifest found under ${positionals[0] ?? '.'}\n`)
    }
    if (values.split) {
      const dir = path.resolve(io.cwd, values.output!)
      mkdirSync(dir, { recursive: true })
      const ext = format === 'spdx-json' ? 'spdx.json' : 'cdx.json'
      for (const doc of result.documents) {
        const file = path.join(dir, `${doc.name}.${ext}`)
        writeFileSync(file, doc.text)
        io.stderr(
          `sbom: ${path.relative(io.cwd, file)} (${doc.graph.components.length} components)\n`
        )
      }
      return 0
    }
    const doc = result.documents[0]
    if (values.output) {
      const file = path.resolve(io.cwd, values.output)
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, doc.text)
      io.stderr(
        `sbom: ${values.output} (${doc.graph.components.length} components from ${result.sources.length} file(s))\n`
      )
    } else {
      io.stdout(doc.text)
    }
    return 0
  }
}

export const commands: Command[] = [sbom]
