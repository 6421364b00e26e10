// Module resolve hook: lets Node's built-in TypeScript type stripping run this repo's sources
// directly (NodeNext-style `./x.js` imports that point at `./x.ts`). Used by the conformance
// client and the benchmark; production code runs from the ncc bundles.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export async function resolve(specifier, context, next) {
  if (
    specifier.endsWith('.js') &&
    (specifier.startsWith('.') || specifier.startsWith('file:')) &&
    context.parentURL
  ) {
    const url = new URL(specifier, context.parentURL)
    if (!existsSync(fileURLToPath(url))) {
      const ts = new URL(url.href.replace(/\.js$/, '.ts'))
      if (existsSync(fileURLToPath(ts))) return next(ts.href, context)
    }
  }
  return next(specifier, context)
}
