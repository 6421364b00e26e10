import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { VERSION } from '@secure-pipeline/core'
import { REPO_ROOT } from './harness.js'

describe('runtime', () => {
  test('tests run under Node 24 (the runner’s node24), pinned through the node@24 package', () => {
    expect(process.versions.node).toMatch(/^24\./)
  })

  test('the product version matches package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string
    }
    expect(VERSION).toBe(pkg.version)
  })
})
