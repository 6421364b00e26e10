export { main, route, type MainIO } from './main.js'
export type { Command, CommandIO } from './command.js'
export { commandModules, loadCommands, type CommandModule } from './commands/index.js'
export { parseCommandArgs } from './args.js'
