/** @secure-pipeline/pipeline: the whole chain locally, with an embedded default configuration. */
export {
  runPipeline,
  defaultGatePolicy,
  MANIFEST_DIRS,
  type PipelineOptions,
  type PipelineResult,
  type StageReport
} from './pipeline.js'
