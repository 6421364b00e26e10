/** The product version, kept equal to the root package.json's by a test. */
export const VERSION = '0.1.0'
export const TOOL_NAME = 'secure-pipeline'
export const INFORMATION_URI = 'https://github.com/secure-pipeline/secure-pipeline'
