export {
  SIGSTORE_PRIVATE_KEY_PEM_TYPE,
  COSIGN_PRIVATE_KEY_PEM_TYPE,
  encryptPrivateKey,
  decryptPrivateKey,
  loadPublicKey,
  loadCertificate,
  certificatePem,
  checkKeyStrength,
  verifyWithKey,
  signWithKey,
  publicKeyPem,
  keyHint,
  generateKeyPair,
  generateEncodedKeyPair,
  type KeyPair,
  type EncodedKeyPair
} from './keys.js'
export {
  PUBLIC_GOOD,
  STAGING,
  publicGoodTrustedRootJSON,
  parseTrustedRoot,
  loadTrustedRootFile,
  resolveTrustedRoot,
  EMPTY_TRUSTED_ROOT
} from './trust.js'
export {
  parseSignatureMaterial,
  jsonLinesBundles,
  bundleFromRawSignature,
  serializeBundle,
  sha256,
  type Bundle,
  type SerializedBundle,
  type ParsedSignature,
  type BundleAtLine,
  type LegacyCosignBundle
} from './bundle.js'
export {
  KeySigner,
  signBlob,
  signDSSE,
  IN_TOTO_PAYLOAD_TYPE,
  type SignOptions,
  type KeylessOptions
} from './sign.js'
export {
  verifyBundle,
  verifyPrehashed,
  verifyAnyBundle,
  parseDigest,
  parseArtifactDigest,
  STATEMENT_TYPES,
  type ArtifactInput,
  type VerifyOptions,
  type VerifyResult
} from './verify.js'
export {
  OID,
  certificateIdentity,
  checkIdentityPolicy,
  compileRegexp,
  githubAttestationPolicy,
  GITHUB_ACTIONS_ISSUER,
  type GitHubAttestationOptions,
  type IdentityPolicy,
  type Matcher,
  type CertificateIdentity
} from './policy.js'
export {
  STATEMENT_V1,
  PREDICATE_TYPES,
  COSIGN_SIGN_PREDICATE_TYPE,
  predicateTypeURI,
  parsePredicate,
  buildStatement,
  type Statement,
  type Subject
} from './statement.js'
export { githubActionsToken, type GitHubTokenOptions } from './oidc.js'
export {
  signImage,
  attestImage,
  verifyImage,
  type ImageSignOptions,
  type ImageSignResult,
  type ImageVerifyResult,
  type ImageVerifyOptions,
  type VerifiedImageSignature
} from './image.js'
export { bundleFromLegacyParts, type LegacyParts, type RekorBundle } from './bundle.js'
export { bundleVersion, normalizeBundleJSON, type BundleSource } from './bundle-json.js'
export { leafCertificate } from './explain.js'
export { conformanceMain, isDigestArgument } from './conformance.js'
export {
  readInputFile,
  loadSigningKey,
  loadVerificationKey,
  loadSignatureFile,
  keylessFrom,
  type KeylessEnv
} from './files.js'
