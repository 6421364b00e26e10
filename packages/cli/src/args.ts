import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from '@secure-pipeline/core'

type Options = NonNullable<ParseArgsConfig['options']>

/**
 * `util.parseArgs` with its errors turned into UsageError (exit 2) carrying one clear message.
 */
export function parseCommandArgs<T extends Options>(
  argv: readonly string[],
  options: T,
  allowPositionals = true
): ReturnType<
  typeof parseArgs<{ args: string[]; options: T; allowPositionals: boolean; strict: true }>
> {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals, strict: true })
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0])
  }
}
