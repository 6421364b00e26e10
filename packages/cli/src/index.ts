export { main, route, type MainIO } from './main.js'
export type { Command, CommandIO } from './command.js'
export { allCommands } from './commands/index.js'
export { parseCommandArgs } from './args.js'
