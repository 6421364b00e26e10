// The bundles this repository ships: one per action, and the CLI.
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'

export function bundleTargets(root) {
  const targets = []
  const actionsDir = path.join(root, 'actions')
  if (existsSync(actionsDir)) {
    for (const name of readdirSync(actionsDir).sort()) {
      const entry = path.join(actionsDir, name, 'src', 'index.ts')
      if (existsSync(entry)) targets.push({ name, entry })
    }
  }
  const cli = path.join(root, 'packages', 'cli', 'src', 'bin.ts')
  if (existsSync(cli)) targets.push({ name: 'cli', entry: cli })
  return targets
}
