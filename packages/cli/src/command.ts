/** The contract between the CLI shell and each engine's command module. */
export interface CommandIO {
  readonly argv: readonly string[]
  readonly cwd: string
  readonly env: NodeJS.ProcessEnv
  stdout: (text: string) => void
  stderr: (text: string) => void
}

export interface Command {
  /** Words that select the command, e.g. ['secrets', 'scan'] or ['sbom']. */
  readonly path: readonly string[]
  readonly summary: string
  /** Full `--help` text. */
  readonly help: string
  /** Returns the exit code (0/1/2). Throw SecurePipelineError for user errors. */
  run(io: CommandIO): Promise<number>
}
