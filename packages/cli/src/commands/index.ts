import type { Command } from '../command.js'

/** Every engine's commands; each engine adds its import and one spread entry. */
export const allCommands: Command[] = []
