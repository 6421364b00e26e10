import type { Command } from '../command.js'

/**
 * Every engine's command module, loaded only when its first word is on the command line: the
 * CLI starts without parsing the engines it does not run. `words` must list the first word of
 * each command the module exports (a test checks this).
 */
export interface CommandModule {
  readonly words: readonly string[]
  load(): Promise<readonly Command[]>
}

export const commandModules: readonly CommandModule[] = [
  { words: ['secrets'], load: async () => (await import('./secrets.js')).commands },
  { words: ['sbom'], load: async () => (await import('./sbom.js')).commands },
  {
    words: ['keys', 'sign', 'attest', 'verify'],
    load: async () => (await import('./sigstore.js')).commands
  },
  { words: ['rego'], load: async () => (await import('./rego.js')).commands },
  { words: ['policy'], load: async () => (await import('./policy.js')).commands },
  { words: ['gate'], load: async () => (await import('./gate.js')).commands },
  { words: ['pipeline'], load: async () => (await import('./pipeline.js')).commands }
]

/** The commands that can match argv: one engine's when its word leads, else all of them. */
export async function loadCommands(argv: readonly string[] = []): Promise<Command[]> {
  const first = argv[0]
  const selected = commandModules.filter(m => first !== undefined && m.words.includes(first))
  const modules = selected.length > 0 ? selected : commandModules
  return (await Promise.all(modules.map(m => m.load()))).flat()
}
