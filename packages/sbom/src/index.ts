export {
  GraphBuilder,
  mergeGraphs,
  withoutDev,
  type Component,
  type EdgeKind,
  type Graph,
  type Hash,
  type HashAlg,
  type LocalInfo,
  type PackageInfo,
  type Project,
  type Scope
} from './model.js'
export {
  generate,
  discover,
  detectFormat,
  parseFile,
  describeRoot,
  type GenerateOptions,
  type GenerateResult,
  type ParsedLockfile,
  type SbomDocument
} from './generate.js'
export {
  render,
  toCycloneDx,
  toSpdx,
  displayName,
  contentUuid,
  timestampFromEpoch,
  CYCLONEDX_VERSIONS,
  SPDX_VERSIONS,
  type SbomFormat,
  type WriteOptions,
  type CycloneDxVersion
} from './writers.js'
export { scanCargoLock } from './parsers/cargo.js'
export { classifyLicense, normalizeExpression, type LicenseChoice } from './license.js'
export { toDependencySnapshot, type SnapshotContext, type DependencySnapshot } from './snapshot.js'
