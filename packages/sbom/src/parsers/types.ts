import type { GraphBuilder } from '../model.js'

export interface ParseInput {
  /** The lockfile's path relative to the scanned root, `/` separators (used in messages). */
  file: string
  /** Absolute path of the lockfile. */
  absolutePath: string
  /** Directory of the lockfile relative to the scanned root ('' for the root). */
  dir: string
  /** Base name of the lockfile's directory on disk (a fallback project name). */
  dirName: string
  text: string
  /** Reads a file relative to the lockfile's directory; undefined when absent. */
  readSibling(relative: string): string | undefined
  /** True when a path relative to the lockfile's directory exists. */
  exists(relative: string): boolean
  /** Names of the subdirectories of a directory relative to the lockfile's directory. */
  listDirs(relative: string): string[]
}

export type Parser = (input: ParseInput, builder: GraphBuilder) => void
