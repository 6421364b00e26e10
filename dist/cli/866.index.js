export const id = 866;
export const ids = [866];
export const modules = {

/***/ 76866:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mO: () => (/* reexport */ COSIGN_PRIVATE_KEY_PEM_TYPE),
  Cs: () => (/* reexport */ PREDICATE_TYPES),
  DT: () => (/* reexport */ attestImage),
  Y5: () => (/* reexport */ buildStatement),
  Su: () => (/* reexport */ bundleFromLegacyParts),
  Ry: () => (/* reexport */ bundleFromRawSignature),
  mj: () => (/* reexport */ certificatePem),
  uU: () => (/* reexport */ encryptPrivateKey),
  Nd: () => (/* reexport */ generateEncodedKeyPair),
  TZ: () => (/* reexport */ generateKeyPair),
  SN: () => (/* reexport */ githubAttestationPolicy),
  p4: () => (/* reexport */ keyHint),
  rn: () => (/* reexport */ keylessFrom),
  kP: () => (/* reexport */ leafCertificate),
  Ih: () => (/* reexport */ loadCertificate),
  $G: () => (/* reexport */ loadSignatureFile),
  fm: () => (/* reexport */ loadSigningKey),
  ce: () => (/* reexport */ trust_loadTrustedRootFile),
  LX: () => (/* reexport */ loadVerificationKey),
  m: () => (/* reexport */ parseDigest),
  rv: () => (/* reexport */ parsePredicate),
  bG: () => (/* reexport */ bundle_parseSignatureMaterial),
  Ul: () => (/* reexport */ predicateTypeURI),
  rY: () => (/* reexport */ publicKeyPem),
  jH: () => (/* reexport */ readInputFile),
  K7: () => (/* reexport */ trust_resolveTrustedRoot),
  sc: () => (/* reexport */ sha256),
  Pk: () => (/* reexport */ sign_signBlob),
  R8: () => (/* reexport */ sign_signDSSE),
  jV: () => (/* reexport */ signImage),
  IF: () => (/* reexport */ verify_verifyBundle),
  ZG: () => (/* reexport */ verifyImage)
});

// UNUSED EXPORTS: COSIGN_SIGN_PREDICATE_TYPE, EMPTY_TRUSTED_ROOT, GITHUB_ACTIONS_ISSUER, IN_TOTO_PAYLOAD_TYPE, KeySigner, OID, PUBLIC_GOOD, SIGSTORE_PRIVATE_KEY_PEM_TYPE, STAGING, STATEMENT_TYPES, STATEMENT_V1, bundleVersion, certificateIdentity, checkIdentityPolicy, checkKeyStrength, compileRegexp, conformanceMain, decryptPrivateKey, githubActionsToken, isDigestArgument, jsonLinesBundles, loadPublicKey, normalizeBundleJSON, parseArtifactDigest, parseTrustedRoot, publicGoodTrustedRootJSON, serializeBundle, signWithKey, verifyAnyBundle, verifyPrehashed, verifyWithKey

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
var external_node_crypto_default = /*#__PURE__*/__webpack_require__.n(external_node_crypto_);
// EXTERNAL MODULE: ./node_modules/@noble/ciphers/salsa.js + 3 modules
var salsa = __webpack_require__(46382);
// EXTERNAL MODULE: ./node_modules/@noble/curves/ed25519.js + 2 modules
var ed25519 = __webpack_require__(1185);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 9 modules
var src = __webpack_require__(12501);
;// CONCATENATED MODULE: ./packages/sigstore/src/keys.ts
/**
 * Keys. cosign-compatible key pairs: a private key as PKCS#8 DER, encrypted with
 * go-securesystemslib's envelope (scrypt KDF + NaCl secretbox), base64 JSON inside a PEM block
 * labelled `ENCRYPTED SIGSTORE PRIVATE KEY` (or the older `ENCRYPTED COSIGN PRIVATE KEY`); plain
 * and PKCS#8-encrypted PEM keys as users bring them; the key types sigstore accepts (ECDSA
 * P-256/384/521, RSA 2048/3072/4096, Ed25519) and cosign's signature scheme for each.
 */




const SIGSTORE_PRIVATE_KEY_PEM_TYPE = 'ENCRYPTED SIGSTORE PRIVATE KEY';
const COSIGN_PRIVATE_KEY_PEM_TYPE = 'ENCRYPTED COSIGN PRIVATE KEY';
/** scrypt work factors cosign accepts on load (go-securesystemslib `CheckParams`). */
const ACCEPTED_SCRYPT_N = new Set([32768, 65536, 131072]);
/** What cosign writes for new keys ("Standard" profile). */
const DEFAULT_SCRYPT = { N: 65536, r: 8, p: 1 };
function toPem(type, der) {
    const b64 = der.toString('base64');
    const lines = b64.match(/.{1,64}/g) ?? [];
    return `-----BEGIN ${type}-----\n${lines.join('\n')}\n-----END ${type}-----\n`;
}
function parsePemBlocks(text) {
    const blocks = [];
    const re = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
    for (const m of text.matchAll(re)) {
        blocks.push({ type: m[1] ?? '', body: Buffer.from((m[2] ?? '').replace(/\s+/g, ''), 'base64') });
    }
    return blocks;
}
function deriveKey(password, salt, params) {
    return external_node_crypto_default().scryptSync(Buffer.from(password, 'utf8'), salt, 32, {
        N: params.N,
        r: params.r,
        p: params.p,
        maxmem: 256 * params.N * params.r + 1024 * 1024
    });
}
/** Encrypts PKCS#8 DER the way `cosign generate-key-pair` does and returns the PEM. */
function encryptPrivateKey(pkcs8, password, options = {}) {
    const params = { ...DEFAULT_SCRYPT, N: options.scryptN ?? DEFAULT_SCRYPT.N };
    const salt = external_node_crypto_default().randomBytes(32);
    const nonce = external_node_crypto_default().randomBytes(24);
    const key = deriveKey(password, salt, params);
    const sealed = (0,salsa/* xsalsa20poly1305 */.uT)(key, nonce).encrypt(pkcs8);
    const envelope = {
        kdf: { name: 'scrypt', params, salt: salt.toString('base64') },
        cipher: { name: 'nacl/secretbox', nonce: nonce.toString('base64') },
        ciphertext: Buffer.from(sealed).toString('base64')
    };
    return toPem(options.pemType ?? SIGSTORE_PRIVATE_KEY_PEM_TYPE, Buffer.from(JSON.stringify(envelope)));
}
function keyError(source, message, cause) {
    return new src/* InputError */.dz('KEY_INVALID', message, { position: { file: source }, cause });
}
/** PEM labels of private keys read as they are (cosign import-key-pair's inputs, plus PKCS#8 encrypted). */
const PLAIN_PRIVATE_KEY_TYPES = ['PRIVATE KEY', 'EC PRIVATE KEY', 'RSA PRIVATE KEY'];
const PKCS8_ENCRYPTED_TYPE = 'ENCRYPTED PRIVATE KEY';
function wrongPassword(source, what) {
    return new src/* InputError */.dz('KEY_PASSWORD', `decrypting the private key failed: wrong password (COSIGN_PASSWORD) for ${what}`, { position: { file: source } });
}
function blockPem(block, headers = '') {
    return toPem(block.type, block.body).replace('-----\n', `-----\n${headers}`);
}
/** A PEM private key that is not cosign-encrypted: PKCS#8, SEC1, PKCS#1, or PKCS#8 / OpenSSL encrypted. */
function plainPrivateKey(pem, block, password, source) {
    // legacy OpenSSL encryption keeps its headers inside the block; keep the block verbatim
    const verbatim = new RegExp(`-----BEGIN ${block.type}-----[\\s\\S]*?-----END ${block.type}-----`).exec(pem)?.[0] ?? blockPem(block);
    const encrypted = block.type === PKCS8_ENCRYPTED_TYPE || /Proc-Type:\s*4,ENCRYPTED/.test(verbatim);
    try {
        return encrypted
            ? external_node_crypto_default().createPrivateKey({ key: verbatim, passphrase: password })
            : external_node_crypto_default().createPrivateKey(verbatim);
    }
    catch (err) {
        if (encrypted)
            throw wrongPassword(source, block.type === PKCS8_ENCRYPTED_TYPE
                ? 'the encrypted PKCS#8 key (or the key is corrupt)'
                : 'the OpenSSL-encrypted key (or the key is corrupt)');
        throw keyError(source, `unreadable private key ("${block.type}" PEM block)`, err);
    }
}
/**
 * Reads a signing key: cosign's encrypted key (`ENCRYPTED SIGSTORE PRIVATE KEY` / `ENCRYPTED
 * COSIGN PRIVATE KEY`), or a PEM key as cosign import-key-pair takes it (PKCS#8 `PRIVATE KEY`,
 * SEC1 `EC PRIVATE KEY`, PKCS#1 `RSA PRIVATE KEY`), or PKCS#8 `ENCRYPTED PRIVATE KEY` (password).
 * `source` names the file in errors. A wrong password is an InputError (exit 2) saying so; the
 * password itself is never included in a message. Weak or unsupported keys are rejected.
 */
function decryptPrivateKey(pem, password, source = 'private key') {
    const key = readPrivateKey(pem, password, source);
    checkKeyStrength(key, source);
    return key;
}
function readPrivateKey(pem, password, source) {
    const blocks = parsePemBlocks(pem);
    const block = blocks.find(b => b.type === SIGSTORE_PRIVATE_KEY_PEM_TYPE || b.type === COSIGN_PRIVATE_KEY_PEM_TYPE);
    if (!block) {
        const plain = blocks.find(b => PLAIN_PRIVATE_KEY_TYPES.includes(b.type) || b.type === PKCS8_ENCRYPTED_TYPE);
        if (plain)
            return plainPrivateKey(pem, plain, password, source);
        const found = blocks.map(b => `"${b.type}"`).join(', ');
        throw keyError(source, `not a private key: expected a PEM block "${SIGSTORE_PRIVATE_KEY_PEM_TYPE}", "${COSIGN_PRIVATE_KEY_PEM_TYPE}", ` +
            `"PRIVATE KEY", "EC PRIVATE KEY", "RSA PRIVATE KEY" or "ENCRYPTED PRIVATE KEY", got ${found || 'no PEM block'}` +
            (blocks.some(b => b.type === 'OPENSSH PRIVATE KEY')
                ? ' (convert an OpenSSH key with: ssh-keygen -p -m PKCS8 -f FILE)'
                : ''));
    }
    let env;
    try {
        env = JSON.parse(block.body.toString('utf8'));
    }
    catch (err) {
        throw keyError(source, 'corrupt cosign private key: the PEM body is not the encrypted-key JSON', err);
    }
    const params = env.kdf?.params;
    if (env.kdf?.name !== 'scrypt' ||
        env.cipher?.name !== 'nacl/secretbox' ||
        !params ||
        !ACCEPTED_SCRYPT_N.has(params.N) ||
        params.r !== 8 ||
        params.p !== 1) {
        throw keyError(source, 'unsupported key encryption: expected scrypt (N=2^15|2^16|2^17, r=8, p=1) + nacl/secretbox');
    }
    const salt = Buffer.from(env.kdf.salt, 'base64');
    const nonce = Buffer.from(env.cipher.nonce, 'base64');
    const sealed = Buffer.from(env.ciphertext, 'base64');
    if (nonce.length !== 24)
        throw keyError(source, 'corrupt cosign private key: bad nonce length');
    const key = deriveKey(password, salt, params);
    let pkcs8;
    try {
        pkcs8 = (0,salsa/* xsalsa20poly1305 */.uT)(key, nonce).decrypt(sealed);
    }
    catch {
        throw new src/* InputError */.dz('KEY_PASSWORD', 'decrypting the private key failed: wrong password (COSIGN_PASSWORD)', {
            position: { file: source }
        });
    }
    try {
        return external_node_crypto_default().createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
    }
    catch (err) {
        throw keyError(source, 'the decrypted private key is not PKCS#8', err);
    }
}
const PUBLIC_KEY_TYPES = ['PUBLIC KEY', 'RSA PUBLIC KEY', 'EC PUBLIC KEY'];
/**
 * Reads a verification key: PEM SPKI `PUBLIC KEY`, PKCS#1 `RSA PUBLIC KEY`, or the public key
 * of a PEM certificate (the first, i.e. the leaf, when a chain is given). Weak or unsupported
 * keys are rejected (InputError, exit 2).
 */
function keys_loadPublicKey(pem, source = 'public key') {
    const blocks = parsePemBlocks(pem);
    const first = blocks.find(b => b.type === 'CERTIFICATE' || PUBLIC_KEY_TYPES.includes(b.type));
    if (!first) {
        const priv = blocks.find(b => b.type.includes('PRIVATE KEY'));
        throw keyError(source, priv
            ? `expected a public key or certificate, got a private key ("${priv.type}"): pass the .pub file`
            : `not a PEM public key: expected a PEM block "PUBLIC KEY", "RSA PUBLIC KEY" or "CERTIFICATE", got ${blocks.map(b => `"${b.type}"`).join(', ') || 'no PEM block'}`);
    }
    let key;
    try {
        key =
            first.type === 'CERTIFICATE'
                ? new (external_node_crypto_default()).X509Certificate(first.body).publicKey
                : first.type === 'RSA PUBLIC KEY'
                    ? external_node_crypto_default().createPublicKey({ key: first.body, format: 'der', type: 'pkcs1' })
                    : external_node_crypto_default().createPublicKey({ key: first.body, format: 'der', type: 'spki' });
    }
    catch (err) {
        throw keyError(source, `not a PEM public key: the "${first.type}" block does not parse (${err.message})`, err);
    }
    checkKeyStrength(key, source);
    return key;
}
/**
 * Reads a certificate as cosign's `--certificate` takes it: PEM, base64 of the PEM (what
 * `cosign sign-blob --output-certificate` writes by default), or DER. The first certificate is
 * the leaf. InputError (exit 2) otherwise.
 */
function loadCertificate(bytes, source = 'certificate') {
    let text = bytes.toString('utf8');
    if (!text.includes('-----BEGIN')) {
        const decoded = /^[A-Za-z0-9+/=\s]+$/.test(text.trim())
            ? Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8')
            : '';
        if (decoded.includes('-----BEGIN CERTIFICATE-----'))
            text = decoded;
    }
    const block = parsePemBlocks(text).find(b => b.type === 'CERTIFICATE');
    try {
        const cert = new (external_node_crypto_default()).X509Certificate(block ? block.body : bytes);
        checkKeyStrength(cert.publicKey, source);
        return cert;
    }
    catch (err) {
        if (err instanceof src/* InputError */.dz)
            throw err;
        throw keyError(source, `not a certificate: expected PEM "CERTIFICATE", base64 of it, or DER (${err.message})`, err);
    }
}
/** PEM of a DER certificate. */
function certificatePem(der) {
    return toPem('CERTIFICATE', Buffer.from(der));
}
const CURVE_NAMES = {
    prime256v1: 'P-256',
    secp384r1: 'P-384',
    secp521r1: 'P-521'
};
/**
 * The keys cosign / sigstore accept (sigstore/sigstore cryptoutils.ValidatePubKey): ECDSA
 * P-256/P-384/P-521, RSA with a 2048/3072/4096-bit modulus, Ed25519. Others are an InputError.
 */
function checkKeyStrength(key, source = 'key') {
    const type = key.asymmetricKeyType;
    const details = key.asymmetricKeyDetails ?? {};
    const supported = 'supported keys: ECDSA P-256/P-384/P-521, RSA 2048/3072/4096 bits, Ed25519';
    if (type === 'ec') {
        const curve = details.namedCurve ?? 'unknown';
        if (!CURVE_NAMES[curve])
            throw new src/* InputError */.dz('KEY_UNSUPPORTED', `unsupported key: ECDSA curve ${curve} (${supported})`, { position: { file: source } });
        return;
    }
    if (type === 'rsa' || type === 'rsa-pss') {
        const bits = details.modulusLength ?? 0;
        if (![2048, 3072, 4096].includes(bits))
            throw new src/* InputError */.dz('KEY_UNSUPPORTED', `${bits < 2048 ? 'weak' : 'unsupported'} key: RSA ${bits} bits (${supported})`, { position: { file: source } });
        return;
    }
    if (type === 'ed25519')
        return;
    throw new src/* InputError */.dz('KEY_UNSUPPORTED', `unsupported key: ${(type ?? 'unknown').toUpperCase()} (${supported})`, { position: { file: source } });
}
function publicKeyPem(key) {
    const pub = key.type === 'private' ? external_node_crypto_default().createPublicKey(key) : key;
    return pub.export({ type: 'spki', format: 'pem' }).toString();
}
const hints = new WeakMap();
/** cosign / sigstore-go key hint: base64(sha256(SPKI DER)). */
function keyHint(key) {
    let hint = hints.get(key);
    if (hint === undefined) {
        const pub = key.type === 'private' ? external_node_crypto_default().createPublicKey(key) : key;
        const der = pub.export({ type: 'spki', format: 'der' });
        hint = external_node_crypto_default().createHash('sha256').update(der).digest('base64');
        hints.set(key, hint);
    }
    return hint;
}
function generateKeyPair() {
    return external_node_crypto_default().generateKeyPairSync('ec', { namedCurve: 'P-256' });
}
/** Generates a P-256 pair and encodes it as cosign does. */
function generateEncodedKeyPair(password, options = {}) {
    const { privateKey, publicKey } = generateKeyPair();
    const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
    return {
        privateKeyPem: encryptPrivateKey(pkcs8, password, options),
        publicKeyPem: publicKeyPem(publicKey)
    };
}
/** Signature hash for a key: SHA-256 for P-256 / RSA, SHA-384 for P-384, SHA-512 for P-521. */
function hashForKey(key) {
    if (key.asymmetricKeyType === 'ed25519')
        return null;
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve === 'secp384r1')
        return 'sha384';
    if (curve === 'secp521r1')
        return 'sha512';
    return 'sha256';
}
/**
 * The digest algorithm of a message signature made with `key`, as cosign does
 * (sigstore/sigstore GetDefaultPublicKeyDetails): ECDSA by curve, RSA SHA-256 (PKCS#1 v1.5),
 * Ed25519 SHA-512 (Ed25519ph, the only Ed25519 form a hashedrekord entry takes).
 */
function messageHashForKey(key) {
    return hashForKey(key) ?? 'sha512';
}
function rawEd25519(key, part) {
    const jwk = key.export({ format: 'jwk' });
    const v = jwk[part];
    if (typeof v !== 'string')
        throw new Error(`Ed25519 key without "${part}"`);
    return Buffer.from(v, 'base64url');
}
function rsaPadding(key, pss) {
    return pss || key.asymmetricKeyType === 'rsa-pss'
        ? {
            key,
            padding: (external_node_crypto_default()).constants.RSA_PKCS1_PSS_PADDING,
            saltLength: (external_node_crypto_default()).constants.RSA_PSS_SALTLEN_DIGEST
        }
        : { key, padding: (external_node_crypto_default()).constants.RSA_PKCS1_PADDING };
}
/**
 * Signs as cosign does with a key: `message` = a blob (ECDSA/RSA over the key's hash, Ed25519ph
 * for Ed25519), `dsse` = the DSSE pre-authentication encoding (pure Ed25519, as DSSE verifiers
 * and Rekor's dsse type expect).
 */
function signWithKey(privateKey, data, mode = 'message') {
    if (privateKey.asymmetricKeyType === 'ed25519') {
        if (mode === 'dsse')
            return external_node_crypto_default().sign(null, data, privateKey);
        return Buffer.from(ed25519/* ed25519ph */.oI.sign(data, rawEd25519(privateKey, 'd')));
    }
    const hash = messageHashForKey(privateKey);
    if (privateKey.asymmetricKeyType === 'rsa' || privateKey.asymmetricKeyType === 'rsa-pss')
        return external_node_crypto_default().sign(hash, data, rsaPadding(privateKey, false));
    return external_node_crypto_default().sign(hash, data, privateKey);
}
const NODE_HASHES = new Set(['sha256', 'sha384', 'sha512']);
/**
 * Verifies a keyed signature the ways cosign and sigstore-js make them: ECDSA (ASN.1 DER) over
 * the curve's hash, the bundle's digest algorithm or SHA-256; RSA PKCS#1 v1.5 or PSS (any salt
 * length) over SHA-256 or the bundle's digest algorithm; Ed25519 pure or Ed25519ph (SHA-512).
 */
function verifyWithKey(publicKey, signed, signature) {
    const type = publicKey.asymmetricKeyType;
    const hashes = [signed.digestHash, hashForKey(publicKey), 'sha256'].filter((h, i, all) => typeof h === 'string' && NODE_HASHES.has(h) && all.indexOf(h) === i);
    const attempt = (f) => {
        try {
            return f();
        }
        catch {
            return false;
        }
    };
    if (type === 'ed25519') {
        const data = signed.data;
        if (!data)
            return false;
        const pub = rawEd25519(publicKey, 'x');
        return (attempt(() => external_node_crypto_default().verify(null, data, publicKey, signature)) ||
            attempt(() => ed25519/* ed25519ph */.oI.verify(signature, data, pub)));
    }
    if (type !== 'ec' && type !== 'rsa' && type !== 'rsa-pss')
        return false;
    if (signed.data) {
        const data = signed.data;
        return hashes.some(h => {
            if (type === 'ec')
                return attempt(() => external_node_crypto_default().verify(h, data, publicKey, signature));
            return ((type === 'rsa' &&
                attempt(() => external_node_crypto_default().verify(h, data, rsaPadding(publicKey, false), signature))) ||
                attempt(() => external_node_crypto_default().verify(h, data, {
                    key: publicKey,
                    padding: (external_node_crypto_default()).constants.RSA_PKCS1_PSS_PADDING,
                    saltLength: (external_node_crypto_default()).constants.RSA_PSS_SALTLEN_AUTO
                }, signature)));
        });
    }
    return false;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/index.js
var dist = __webpack_require__(19654);
// EXTERNAL MODULE: ./node_modules/@sigstore/tuf/seeds.json
var seeds = __webpack_require__(8032);
;// CONCATENATED MODULE: ./packages/sigstore/src/trust.ts
/**
 * Trusted roots: a TrustedRoot JSON file (e.g. a private deployment's or GHES's), or the
 * public-good root shipped inside @sigstore/tuf's seeds.json — no network at verify time.
 */




const trust_PUBLIC_GOOD = {
    fulcioURL: 'https://fulcio.sigstore.dev',
    rekorURL: 'https://rekor.sigstore.dev',
    tufURL: 'https://tuf-repo-cdn.sigstore.dev'
};
const trust_STAGING = {
    fulcioURL: 'https://fulcio.sigstage.dev',
    rekorURL: 'https://rekor.sigstage.dev',
    tufURL: 'https://tuf-repo-cdn.sigstage.dev'
};
/** The public-good trusted root embedded in @sigstore/tuf (production). */
function publicGoodTrustedRootJSON() {
    const entry = seeds[trust_PUBLIC_GOOD.tufURL];
    const b64 = entry?.targets['trusted_root.json'];
    if (!b64)
        throw new Error('@sigstore/tuf seeds.json has no trusted_root.json target');
    return JSON.parse(Buffer.from(b64, 'base64').toString('utf8'));
}
/**
 * A TimeRange's `start` is required by the TrustedRoot schema; a `validFor` without it is a
 * malformed root and must not be read as "valid since forever" (protobuf-specs would default it).
 */
function checkValidityIntervals(root, source) {
    const check = (what, validFor) => {
        if (validFor === undefined || validFor === null)
            return;
        const start = validFor.start;
        if (typeof start !== 'string' || start.length === 0) {
            throw new src/* InputError */.dz('TRUSTED_ROOT_INVALID', `trusted root: ${what} has a validFor interval without a start`, {
                position: { file: source }
            });
        }
    };
    const list = (key) => (Array.isArray(root[key]) ? root[key] : []);
    for (const [key, label] of [
        ['tlogs', 'transparency log'],
        ['ctlogs', 'certificate transparency log']
    ]) {
        for (const log of list(key))
            check(`${label} ${String(log.baseUrl)}`, log.publicKey?.validFor);
    }
    for (const [key, label] of [
        ['certificateAuthorities', 'certificate authority'],
        ['timestampAuthorities', 'timestamp authority']
    ]) {
        for (const ca of list(key))
            check(`${label} ${String(ca.uri)}`, ca.validFor);
    }
}
function parseTrustedRoot(json, source = 'trusted root') {
    if (typeof json !== 'object' || json === null || !('mediaType' in json)) {
        throw new src/* InputError */.dz('TRUSTED_ROOT_INVALID', 'not a Sigstore TrustedRoot JSON document (no mediaType)', {
            position: { file: source }
        });
    }
    checkValidityIntervals(json, source);
    try {
        return dist.TrustedRoot.fromJSON(json);
    }
    catch (err) {
        throw new src/* InputError */.dz('TRUSTED_ROOT_INVALID', `unreadable trusted root: ${err.message}`, {
            position: { file: source },
            cause: err
        });
    }
}
function trust_loadTrustedRootFile(file) {
    let text;
    try {
        text = external_node_fs_default().readFileSync(file, 'utf8');
    }
    catch (err) {
        throw new src/* InputError */.dz('TRUSTED_ROOT_MISSING', `cannot read trusted root: ${err.message}`, {
            position: { file },
            cause: err
        });
    }
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (err) {
        throw new src/* InputError */.dz('TRUSTED_ROOT_INVALID', `trusted root is not JSON: ${err.message}`, {
            position: { file },
            cause: err
        });
    }
    return parseTrustedRoot(json, file);
}
let publicGood;
/** A trusted root from `file` when given, else the shipped public-good one (parsed once). */
function trust_resolveTrustedRoot(file) {
    if (file)
        return trust_loadTrustedRootFile(file);
    publicGood ??= parseTrustedRoot(publicGoodTrustedRootJSON(), 'public-good trusted root');
    return publicGood;
}
const EMPTY_TRUSTED_ROOT = dist.TrustedRoot.fromJSON({
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [],
    certificateAuthorities: [],
    ctlogs: [],
    timestampAuthorities: []
});

// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var bundle_dist = __webpack_require__(61040);
// EXTERNAL MODULE: ./node_modules/@sigstore/core/dist/index.js
var core_dist = __webpack_require__(83917);
;// CONCATENATED MODULE: ./packages/sigstore/src/bundle-json.ts
/**
 * Reading Sigstore bundle JSON the way the protobuf JSON mapping defines it, strictly enough to
 * fail closed with a precise message:
 *
 * - field names in lowerCamelCase or their original snake_case proto names; unknown fields are
 *   ignored (protobuf JSON rules);
 * - `bytes` fields are standard or URL-safe base64, padded or not (line breaks ignored, as Go's
 *   decoder does); anything else is refused instead of being decoded leniently;
 * - int64 fields are JSON numbers or decimal strings; enums are names or numbers;
 * - every field the bundle spec marks REQUIRED (for the bundle's version) must be present
 *   (except numbers: protobuf JSON omits a 0);
 * - media types `application/vnd.dev.sigstore.bundle+json;version=0.N` and
 *   `application/vnd.dev.sigstore.bundle.v0.N+json` for N = 1..3.
 *
 * Also: JSON syntax errors with line and column, and JSON Lines files (several bundles, one per
 * line, as `gh attestation download` writes them).
 */

function fail(source, message, position) {
    const where = source.line !== undefined ? `line ${source.line}: ` : '';
    throw new src/* InputError */.dz('BUNDLE_INVALID', `${where}${message}`, {
        position: position ?? { file: source.file, line: source.line }
    });
}
/** Line and column (1-based) of a character offset. */
function lineColumn(text, offset) {
    let line = 1;
    let start = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            start = i + 1;
        }
    }
    return { line, column: offset - start + 1 };
}
/** JSON.parse with an InputError carrying the line and column of a syntax error. */
function parseJSONText(text, source) {
    try {
        return JSON.parse(text);
    }
    catch (err) {
        const message = err.message;
        const m = /at position (\d+)/.exec(message);
        const offset = m?.[1] !== undefined
            ? Number(m[1])
            : /end of JSON input/.test(message)
                ? text.length
                : undefined;
        const pos = offset !== undefined ? lineColumn(text, offset) : undefined;
        const detail = message
            .replace(/\s*\(line \d+ column \d+\)/, '')
            .replace(/ in JSON at position \d+/, '');
        const line = source.line !== undefined ? source.line + (pos ? pos.line - 1 : 0) : pos?.line;
        throw new src/* InputError */.dz('BUNDLE_INVALID', `not valid JSON: ${detail}`, {
            position: { file: source.file, line, column: pos?.column },
            cause: err
        });
    }
}
/**
 * The lines of a JSON Lines file, when `text` is one (several JSON values, one per line). An empty
 * line is an error; one final line break is not. Returns undefined when `text` is not JSON Lines.
 */
function jsonLines(text, file) {
    const lines = text.split('\n').map(l => (l.endsWith('\r') ? l.slice(0, -1) : l));
    if (lines.length > 0 && lines[lines.length - 1] === '')
        lines.pop();
    const first = lines.findIndex(l => l.trim() !== '');
    if (first < 0)
        return undefined;
    try {
        JSON.parse(lines[first] ?? '');
    }
    catch {
        return undefined;
    }
    const out = [];
    lines.forEach((text, i) => {
        if (text.trim() === '') {
            throw new src/* InputError */.dz('BUNDLE_INVALID', 'empty line in a JSON Lines bundle file (expected one bundle per line)', { position: { file, line: i + 1 } });
        }
        out.push({ line: i + 1, text });
    });
    return out;
}
const HASH_ALGORITHMS = [
    'HASH_ALGORITHM_UNSPECIFIED',
    'SHA2_256',
    'SHA2_384',
    'SHA2_512',
    'SHA3_256',
    'SHA3_384'
];
const msg = (schema) => ({ message: schema });
const rep = (f) => ({ repeated: f });
const TLOG_ENTRY = {
    logIndex: 'int64',
    logId: msg({ keyId: 'bytes' }),
    kindVersion: msg({ kind: 'string', version: 'string' }),
    integratedTime: 'int64',
    inclusionPromise: msg({ signedEntryTimestamp: 'bytes' }),
    inclusionProof: msg({
        logIndex: 'int64',
        rootHash: 'bytes',
        treeSize: 'int64',
        hashes: rep('bytes'),
        checkpoint: msg({ envelope: 'string' })
    }),
    canonicalizedBody: 'bytes'
};
const BUNDLE = {
    mediaType: 'string',
    verificationMaterial: msg({
        publicKey: msg({ hint: 'string' }),
        x509CertificateChain: msg({ certificates: rep(msg({ rawBytes: 'bytes' })) }),
        certificate: msg({ rawBytes: 'bytes' }),
        tlogEntries: rep(msg(TLOG_ENTRY)),
        timestampVerificationData: msg({ rfc3161Timestamps: rep(msg({ signedTimestamp: 'bytes' })) })
    }),
    messageSignature: msg({
        messageDigest: msg({ algorithm: { enum: HASH_ALGORITHMS }, digest: 'bytes' }),
        signature: 'bytes'
    }),
    dsseEnvelope: msg({
        payload: 'bytes',
        payloadType: 'string',
        signatures: rep(msg({ sig: 'bytes', keyid: 'string' }))
    })
};
const ONEOFS = {
    '': ['messageSignature', 'dsseEnvelope'],
    verificationMaterial: ['publicKey', 'x509CertificateChain', 'certificate']
};
function camel(name) {
    return name.replace(/_([a-z0-9])/g, (_m, c) => c.toUpperCase());
}
function typeName(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'an array';
    if (typeof v === 'object')
        return 'an object';
    if (typeof v === 'string')
        return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
    if (typeof v === 'number' || typeof v === 'boolean')
        return `${typeof v} ${String(v)}`;
    return typeof v;
}
const BASE64_STD = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64_URL = /^[A-Za-z0-9_-]*={0,2}$/;
/** Protobuf JSON `bytes`: standard or URL-safe base64, padding optional; returns standard base64. */
function normalizeBase64(v) {
    const s = v.replace(/[\r\n]/g, '');
    const std = BASE64_STD.test(s);
    if (!std && !BASE64_URL.test(s))
        return undefined;
    const body = s.replace(/=+$/, '');
    if (body.length % 4 === 1)
        return undefined;
    const padded = body + '='.repeat((4 - (body.length % 4)) % 4);
    if (s.length !== body.length && s.length !== padded.length)
        return undefined;
    return std ? padded : padded.replace(/-/g, '+').replace(/_/g, '/');
}
/** Validates and normalizes a value against a field type; returns the protobuf-specs JSON form. */
function normalizeField(field, value, path, source) {
    if (value === null)
        return undefined; // protobuf JSON: null means "not set"
    if (field === 'string') {
        if (typeof value !== 'string')
            fail(source, `${path}: expected a string, got ${typeName(value)}`);
        return value;
    }
    if (field === 'bytes') {
        const b = typeof value === 'string' ? normalizeBase64(value) : undefined;
        if (b === undefined)
            fail(source, `${path}: expected base64 bytes, got ${typeName(value)}`);
        return b;
    }
    if (field === 'int64') {
        if (typeof value === 'number' && Number.isSafeInteger(value))
            return String(value);
        if (typeof value === 'string' && /^-?\d+$/.test(value))
            return value;
        fail(source, `${path}: expected an integer, got ${typeName(value)}`);
    }
    if ('enum' in field) {
        if (typeof value === 'string' && field.enum.includes(value))
            return value;
        if (typeof value === 'number' && Number.isInteger(value) && field.enum[value] !== undefined)
            return field.enum[value];
        fail(source, `${path}: expected one of ${field.enum.join(', ')}, got ${typeName(value)}`);
    }
    if ('repeated' in field) {
        if (!Array.isArray(value))
            fail(source, `${path}: expected an array, got ${typeName(value)}`);
        return value.map((v, i) => normalizeField(field.repeated, v, `${path}[${i}]`, source));
    }
    return normalizeMessage(field.message, value, path, source);
}
function normalizeMessage(schema, value, path, source) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        fail(source, `${path || 'bundle'}: expected an object, got ${typeName(value)}`);
    }
    const out = {};
    for (const [rawKey, v] of Object.entries(value)) {
        const key = rawKey in schema ? rawKey : camel(rawKey);
        const field = schema[key];
        if (!field)
            continue; // unknown field: ignored, as protobuf JSON parsers do
        const p = path ? `${path}.${key}` : key;
        if (key in out)
            fail(source, `${p}: given twice (as ${key} and ${rawKey})`);
        const n = normalizeField(field, v, p, source);
        if (n !== undefined)
            out[key] = n;
    }
    const oneof = ONEOFS[path];
    if (oneof) {
        const set = oneof.filter(k => out[k] !== undefined);
        if (set.length > 1)
            fail(source, `${path || 'bundle'}: expected one of ${oneof.join(' / ')}, got ${set.join(' and ')}`);
    }
    return out;
}
/** Bundle versions by media type; undefined for anything that is not a Sigstore bundle media type. */
function bundleVersion(mediaType) {
    const m = /^application\/vnd\.dev\.sigstore\.bundle\+json\s*;\s*version\s*=\s*"?0\.(\d+)"?$/i.exec(mediaType.trim()) ?? /^application\/vnd\.dev\.sigstore\.bundle\.v0\.(\d+)\+json$/i.exec(mediaType.trim());
    return m?.[1] !== undefined ? Number(m[1]) : undefined;
}
/** The media type @sigstore/bundle validates each version by. */
const CANONICAL_MEDIA_TYPE = {
    1: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
    2: 'application/vnd.dev.sigstore.bundle+json;version=0.2',
    3: 'application/vnd.dev.sigstore.bundle.v0.3+json'
};
function required(source, path, why = '') {
    fail(source, `missing required field ${path}${why}`);
}
function nonEmpty(v) {
    return typeof v === 'string' ? v.length > 0 : v !== undefined;
}
/**
 * Checks `json` is a Sigstore bundle (any version we know) and returns it in the form
 * @sigstore/bundle's `bundleFromJSON` reads, with the media type in its canonical spelling.
 * Throws InputError (exit 2) naming the first bad or missing field.
 */
function normalizeBundleJSON(json, source, artifactDigest) {
    const b = normalizeMessage(BUNDLE, json, '', source);
    if (typeof b.mediaType !== 'string')
        required(source, 'mediaType');
    const version = bundleVersion(b.mediaType);
    if (version === undefined || !CANONICAL_MEDIA_TYPE[version]) {
        fail(source, `mediaType: expected a Sigstore bundle v0.1, v0.2 or v0.3 media type (application/vnd.dev.sigstore.bundle.v0.3+json or application/vnd.dev.sigstore.bundle+json;version=0.N), got ${JSON.stringify(b.mediaType)}`);
    }
    b.mediaType = CANONICAL_MEDIA_TYPE[version];
    const vm = b.verificationMaterial;
    if (!vm)
        required(source, 'verificationMaterial');
    if (!vm.publicKey && !vm.x509CertificateChain && !vm.certificate)
        required(source, 'verificationMaterial.certificate', ' (or x509CertificateChain / publicKey)');
    const chain = vm.x509CertificateChain;
    if (chain) {
        if (!chain.certificates?.length)
            required(source, 'verificationMaterial.x509CertificateChain.certificates');
        chain.certificates.forEach((c, i) => {
            if (!nonEmpty(c.rawBytes))
                required(source, `verificationMaterial.x509CertificateChain.certificates[${i}].rawBytes`);
        });
        if (version >= 3)
            fail(source, 'verificationMaterial: expected certificate (bundle v0.3), got x509CertificateChain');
    }
    if (vm.certificate && !nonEmpty(vm.certificate.rawBytes))
        required(source, 'verificationMaterial.certificate.rawBytes');
    // tlogEntries is a repeated field: absent means empty.
    const entries = vm.tlogEntries ?? [];
    vm.tlogEntries = entries;
    entries.forEach((e, i) => {
        const p = `verificationMaterial.tlogEntries[${i}]`;
        const proofFields = (e.inclusionProof ?? {});
        for (const [field, v] of [
            ['logIndex', e.logIndex],
            ['integratedTime', e.integratedTime],
            ['inclusionProof.logIndex', proofFields.logIndex],
            ['inclusionProof.treeSize', proofFields.treeSize]
        ]) {
            if (typeof v === 'string' && v.startsWith('-'))
                fail(source, `${p}.${field}: expected a non-negative integer, got ${v}`);
        }
        if (!nonEmpty(e.logId?.keyId))
            required(source, `${p}.logId.keyId`);
        const kv = e.kindVersion;
        if (!nonEmpty(kv?.kind))
            required(source, `${p}.kindVersion.kind`);
        if (!nonEmpty(kv?.version))
            required(source, `${p}.kindVersion.version`);
        if (!nonEmpty(e.canonicalizedBody))
            required(source, `${p}.canonicalizedBody`);
        const promise = e.inclusionPromise;
        if (promise) {
            if (!nonEmpty(promise.signedEntryTimestamp))
                required(source, `${p}.inclusionPromise.signedEntryTimestamp`);
        }
        let proof = e.inclusionProof;
        // Early v0.1 bundles carry a proof without a checkpoint; it cannot be verified, and v0.1 rests
        // on the inclusion promise, so it is dropped there (v0.2+ require the checkpoint).
        if (version === 1 &&
            promise &&
            proof &&
            !nonEmpty(proof.checkpoint?.envelope)) {
            delete e.inclusionProof;
            proof = undefined;
        }
        if (version === 1 && !promise)
            required(source, `${p}.inclusionPromise`, ' (bundle v0.1)');
        if (version >= 2 && !proof)
            required(source, `${p}.inclusionProof`, ' (bundle v0.2 and later)');
        if (proof) {
            // int64 fields equal to 0 are omitted in protobuf JSON: only the bytes are required.
            if (!nonEmpty(proof.rootHash))
                required(source, `${p}.inclusionProof.rootHash`);
            proof.hashes ??= [];
            if (!nonEmpty(proof.checkpoint?.envelope))
                required(source, `${p}.inclusionProof.checkpoint.envelope`);
        }
    });
    const tvd = vm.timestampVerificationData;
    tvd?.rfc3161Timestamps?.forEach((t, i) => {
        if (!nonEmpty(t.signedTimestamp))
            required(source, `verificationMaterial.timestampVerificationData.rfc3161Timestamps[${i}].signedTimestamp`);
    });
    const ms = b.messageSignature;
    const env = b.dsseEnvelope;
    if (!ms && !env)
        required(source, 'messageSignature', ' (or dsseEnvelope)');
    if (ms) {
        if (!nonEmpty(ms.signature))
            required(source, 'messageSignature.signature');
        // The spec makes messageDigest optional (identification only); the verifier binds the
        // artifact by its SHA-256, so a bundle without one is read for the artifact at hand.
        if (!ms.messageDigest && artifactDigest)
            ms.messageDigest = { algorithm: 'SHA2_256', digest: artifactDigest.toString('base64') };
        const md = ms.messageDigest;
        if (!md)
            required(source, 'messageSignature.messageDigest', ' (or give the artifact itself)');
        if (!nonEmpty(md.digest))
            required(source, 'messageSignature.messageDigest.digest');
    }
    if (env) {
        if (!nonEmpty(env.payload))
            required(source, 'dsseEnvelope.payload');
        if (!nonEmpty(env.payloadType))
            required(source, 'dsseEnvelope.payloadType');
        const sigs = env.signatures ?? [];
        if (sigs.length !== 1)
            fail(source, `dsseEnvelope.signatures: expected exactly 1 signature, got ${sigs.length}`);
        if (!nonEmpty(sigs[0]?.sig))
            required(source, 'dsseEnvelope.signatures[0].sig');
    }
    return b;
}

;// CONCATENATED MODULE: ./packages/sigstore/src/bundle.ts
/**
 * Reading signature material: Sigstore bundles (v0.1–v0.3), cosign's legacy blob bundle
 * (`base64Signature` / `cert` / `rekorBundle`) and a bare base64 signature. Everything is turned
 * into one Sigstore `Bundle` so a single verifier handles all of them.
 */





function pemToDer(pem) {
    const m = /-----BEGIN [A-Z ]+-----([\s\S]*?)-----END [A-Z ]+-----/.exec(pem);
    return Buffer.from((m?.[1] ?? '').replace(/\s+/g, ''), 'base64');
}
function isBase64(s) {
    return /^[A-Za-z0-9+/=\s]+$/.test(s) && s.trim().length > 0;
}
/**
 * Builds a Sigstore bundle from cosign's pre-bundle pieces (legacy blob bundle, `.sig` / `.att`
 * layers): v0.1 (tlog entry + SET) when there is a Rekor bundle, else v0.3 without log entry.
 */
function bundleFromLegacyParts(parts, source = 'signature') {
    const rb = parts.rekorBundle;
    let kind = 'hashedrekord';
    let version = '0.0.1';
    let digest = parts.messageDigest;
    if (rb) {
        try {
            const body = JSON.parse(Buffer.from(rb.Payload.body, 'base64').toString('utf8'));
            kind = body.kind ?? kind;
            version = body.apiVersion ?? version;
            const v = body.spec?.data?.hash?.value;
            if (!digest && v)
                digest = Buffer.from(v, 'hex');
        }
        catch (err) {
            throw new src/* InputError */.dz('BUNDLE_INVALID', 'cosign Rekor bundle: Payload.body is not a Rekor entry', {
                position: { file: source },
                cause: err
            });
        }
    }
    const cert = parts.certificatePem?.includes('CERTIFICATE') ? parts.certificatePem : undefined;
    const content = parts.envelope
        ? { dsseEnvelope: parts.envelope }
        : {
            messageSignature: {
                messageDigest: {
                    algorithm: 'SHA2_256',
                    digest: (digest ?? Buffer.alloc(0)).toString('base64')
                },
                signature: (parts.signature ?? Buffer.alloc(0)).toString('base64')
            }
        };
    const json = {
        mediaType: rb ? bundle_dist.BUNDLE_V01_MEDIA_TYPE : bundle_dist.BUNDLE_V03_MEDIA_TYPE,
        verificationMaterial: {
            ...(cert
                ? rb
                    ? {
                        x509CertificateChain: {
                            certificates: [{ rawBytes: pemToDer(cert).toString('base64') }]
                        }
                    }
                    : { certificate: { rawBytes: pemToDer(cert).toString('base64') } }
                : { publicKey: { hint: '' } }),
            tlogEntries: rb
                ? [
                    {
                        logIndex: String(rb.Payload.logIndex),
                        logId: { keyId: Buffer.from(rb.Payload.logID, 'hex').toString('base64') },
                        kindVersion: { kind, version },
                        integratedTime: String(rb.Payload.integratedTime),
                        inclusionPromise: { signedEntryTimestamp: rb.SignedEntryTimestamp },
                        canonicalizedBody: rb.Payload.body
                    }
                ]
                : [],
            timestampVerificationData: { rfc3161Timestamps: [] }
        },
        ...content
    };
    try {
        return (0,bundle_dist.bundleFromJSON)(json);
    }
    catch (err) {
        throw new src/* InputError */.dz('BUNDLE_INVALID', `unusable cosign signature: ${err.message}`, {
            position: { file: source },
            cause: err
        });
    }
}
/** Converts cosign's legacy blob bundle to a Sigstore bundle. */
function fromLegacy(legacy, source, artifactDigest) {
    let pem;
    if (legacy.cert) {
        const decoded = Buffer.from(legacy.cert, 'base64').toString('utf8');
        pem = decoded.includes('-----BEGIN') ? decoded : legacy.cert;
    }
    const bundle = bundleFromLegacyParts({
        signature: Buffer.from(legacy.base64Signature, 'base64'),
        certificatePem: pem,
        rekorBundle: legacy.rekorBundle,
        messageDigest: legacy.rekorBundle ? undefined : artifactDigest
    }, source);
    return { bundle, embeddedPem: pem };
}
/** A Sigstore bundle (v0.3, public-key hint, no log entry) around a bare signature. */
function bundleFromRawSignature(signature, digest, hint = '') {
    return (0,bundle_dist.bundleFromJSON)({
        mediaType: bundle_dist.BUNDLE_V03_MEDIA_TYPE,
        verificationMaterial: {
            publicKey: { hint },
            tlogEntries: [],
            timestampVerificationData: { rfc3161Timestamps: [] }
        },
        messageSignature: {
            messageDigest: { algorithm: 'SHA2_256', digest: digest.toString('base64') },
            signature: signature.toString('base64')
        }
    });
}
/**
 * The other bundles of a JSON Lines file, keyed by the first one (the `bundle` every reader of
 * `ParsedSignature` already uses), so `verifyBundle(parsed.bundle, ...)` tries all of them.
 */
const siblings = new WeakMap();
/** All bundles of the JSON Lines file `bundle` was the first line of (undefined otherwise). */
function jsonLinesBundles(bundle) {
    return siblings.get(bundle);
}
function checkLegacy(obj, source) {
    const where = source.line !== undefined ? `line ${source.line}: ` : '';
    const bad = (field, expected, got) => {
        throw new src/* InputError */.dz('BUNDLE_INVALID', `${where}cosign bundle: ${field}: expected ${expected}, got ${got === undefined ? '(missing)' : JSON.stringify(got)}`, { position: { file: source.file, line: source.line } });
    };
    if (typeof obj.base64Signature !== 'string' || !isBase64(obj.base64Signature))
        bad('base64Signature', 'base64', obj.base64Signature);
    if (obj.cert !== undefined && obj.cert !== null && typeof obj.cert !== 'string')
        bad('cert', 'a base64 PEM string', obj.cert);
    const rb = obj.rekorBundle;
    if (rb !== undefined && rb !== null) {
        if (typeof rb !== 'object')
            bad('rekorBundle', 'an object', rb);
        if (typeof rb.SignedEntryTimestamp !== 'string' || !isBase64(rb.SignedEntryTimestamp))
            bad('rekorBundle.SignedEntryTimestamp', 'base64', rb.SignedEntryTimestamp);
        const pl = (rb.Payload ?? undefined);
        if (typeof pl !== 'object')
            return bad('rekorBundle.Payload', 'an object', pl);
        if (typeof pl.body !== 'string' || !isBase64(pl.body))
            bad('rekorBundle.Payload.body', 'base64', pl.body);
        for (const f of ['integratedTime', 'logIndex'])
            if (!Number.isSafeInteger(pl[f]))
                bad(`rekorBundle.Payload.${f}`, 'an integer', pl[f]);
        if (typeof pl.logID !== 'string' || !/^([0-9a-fA-F]{2})+$/.test(pl.logID))
            bad('rekorBundle.Payload.logID', 'hex', pl.logID);
    }
    return {
        base64Signature: String(obj.base64Signature),
        cert: typeof obj.cert === 'string' ? obj.cert : undefined,
        rekorBundle: rb ? rb : undefined
    };
}
/** One JSON value (a Sigstore bundle or cosign's legacy bundle) to a Sigstore bundle. */
function bundleFromJSONValue(json, source, artifactDigest) {
    const obj = json;
    if (typeof json === 'object' && json !== null && 'base64Signature' in obj) {
        const { bundle, embeddedPem } = fromLegacy(checkLegacy(obj, source), source.file, artifactDigest);
        return { format: 'cosign-legacy-bundle', bundle, embeddedPem };
    }
    const normalized = normalizeBundleJSON(json, source, artifactDigest);
    let bundle;
    try {
        bundle = (0,bundle_dist.bundleFromJSON)(normalized);
    }
    catch (err) {
        const fields = err.fields;
        const where = source.line !== undefined ? `line ${source.line}: ` : '';
        throw new src/* InputError */.dz('BUNDLE_INVALID', `${where}not a valid Sigstore bundle: ${err.message}${fields?.length ? ` (${fields.join(', ')})` : ''}`, { position: { file: source.file, line: source.line }, cause: err });
    }
    checkDER(bundle, source);
    return { format: 'sigstore-bundle', bundle };
}
/** Certificates and timestamp tokens must at least parse (DER); InputError naming the field otherwise. */
function checkDER(bundle, source) {
    const where = source.line !== undefined ? `line ${source.line}: ` : '';
    const check = (field, what, bytes, parse) => {
        try {
            parse(Buffer.from(bytes));
        }
        catch (err) {
            throw new src/* InputError */.dz('BUNDLE_INVALID', `${where}${field}: expected ${what}, got unparsable bytes (${err.message})`, { position: { file: source.file, line: source.line }, cause: err });
        }
    };
    const vm = bundle.verificationMaterial.content;
    // the parsers are lazy: read the fields verification uses
    const cert = (b) => {
        const c = core_dist.X509Certificate.parse(b);
        return [c.notBefore, c.notAfter, c.publicKey, c.subject, c.issuer, c.extensions];
    };
    if (vm.$case === 'certificate')
        check('verificationMaterial.certificate.rawBytes', 'a DER X.509 certificate', vm.certificate.rawBytes, cert);
    if (vm.$case === 'x509CertificateChain')
        vm.x509CertificateChain.certificates.forEach((c, i) => check(`verificationMaterial.x509CertificateChain.certificates[${i}].rawBytes`, 'a DER X.509 certificate', c.rawBytes, cert));
    (bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []).forEach((t, i) => check(`verificationMaterial.timestampVerificationData.rfc3161Timestamps[${i}].signedTimestamp`, 'a DER RFC 3161 timestamp token', t.signedTimestamp, b => {
        const token = core_dist.RFC3161Timestamp.parse(b);
        return [
            token.signingTime,
            token.signerSerialNumber,
            token.signerIssuer,
            token.tstInfo.messageImprintHashedMessage
        ];
    }));
}
/**
 * Parses signature material. `artifactDigest` (sha256) fills the message digest of formats
 * that do not carry it (bare signatures, legacy bundles without Rekor data).
 *
 * A JSON Lines file (one bundle per line, as `gh attestation download` writes) gives the first
 * bundle as `bundle` and all of them as `bundles`; verification succeeds if any of them verifies.
 */
function bundle_parseSignatureMaterial(text, source, artifactDigest) {
    const trimmed = text.replace(/^\uFEFF/, '').trim();
    if (trimmed.startsWith('{')) {
        let json;
        try {
            json = JSON.parse(trimmed);
        }
        catch (err) {
            const lines = jsonLines(text.replace(/^\uFEFF/, ''), source);
            if (!lines)
                parseJSONText(text.replace(/^\uFEFF/, ''), { file: source });
            if (!lines)
                throw err;
            const bundles = lines.map(({ line, text: lineText }) => ({
                line,
                bundle: bundleFromJSONValue(parseJSONText(lineText, { file: source, line }), { file: source, line }, artifactDigest).bundle
            }));
            const first = bundles[0];
            if (!first)
                throw err;
            siblings.set(first.bundle, bundles);
            return { format: 'sigstore-bundle-jsonl', bundle: first.bundle, bundles };
        }
        return bundleFromJSONValue(json, { file: source }, artifactDigest);
    }
    if (trimmed.startsWith('[') || trimmed.startsWith('"')) {
        parseJSONText(trimmed, { file: source });
        throw new src/* InputError */.dz('BUNDLE_INVALID', `expected a bundle (a JSON object), got ${trimmed.startsWith('[') ? 'a JSON array' : 'a JSON string'}`, { position: { file: source } });
    }
    if (isBase64(trimmed)) {
        const sig = Buffer.from(trimmed.replace(/\s+/g, ''), 'base64');
        if (!artifactDigest) {
            throw new src/* InputError */.dz('BUNDLE_INVALID', 'a bare signature needs the artifact (or its digest) to verify against', {
                position: { file: source }
            });
        }
        return { format: 'raw-signature', bundle: bundleFromRawSignature(sig, artifactDigest) };
    }
    throw new src/* InputError */.dz('BUNDLE_INVALID', trimmed === ''
        ? 'the bundle file is empty'
        : 'unrecognised signature material: expected a Sigstore bundle, a cosign bundle or a base64 signature', { position: { file: source } });
}
function serializeBundle(bundle) {
    return bundleToJSON(bundle);
}
function sha256(data) {
    return external_node_crypto_default().createHash('sha256').update(data).digest();
}

// EXTERNAL MODULE: ./node_modules/@sigstore/sign/dist/index.js
var sign_dist = __webpack_require__(15179);
;// CONCATENATED MODULE: ./packages/sigstore/src/sign.ts
/**
 * Signing: Sigstore bundle v0.3 for blobs (message signature) and in-toto statements (DSSE),
 * with a cosign key or keyless (OIDC token → Fulcio certificate → Rekor entry and/or TSA timestamp).
 */







const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/**
 * Signs with a local private key; the bundle carries the key hint, as cosign's keyed bundles do.
 * `message` mode signs blobs as cosign does per key type (ECDSA over the curve's hash, RSA PKCS#1
 * v1.5 SHA-256, Ed25519ph); `dsse` mode signs the DSSE PAE (pure Ed25519 for Ed25519 keys).
 */
class KeySigner {
    pem;
    hint;
    privateKey;
    mode;
    constructor(privateKey, mode = 'message') {
        this.privateKey = privateKey;
        this.mode = mode;
        this.pem = publicKeyPem(privateKey);
        this.hint = keyHint(privateKey);
    }
    /** The message digest algorithm of blob bundles signed with this key. */
    get messageHash() {
        return messageHashForKey(this.privateKey);
    }
    sign(data) {
        const signature = signWithKey(this.privateKey, data, this.mode);
        return Promise.resolve({
            signature,
            key: { $case: 'publicKey', publicKey: this.pem, hint: this.hint }
        });
    }
}
const PROTO_HASH = {
    sha256: dist.HashAlgorithm.SHA2_256,
    sha384: dist.HashAlgorithm.SHA2_384,
    sha512: dist.HashAlgorithm.SHA2_512
};
/**
 * sigstore-js always records a SHA-256 message digest; cosign records the digest the key signs
 * (SHA-384 for P-384, SHA-512 for P-521 and Ed25519ph), which sigstore-go checks. (Rekor
 * upload is refused for those keys in setup(): sigstore-js labels hashedrekord digests SHA-256.)
 */
class KeyedMessageBundleBuilder extends sign_dist/* MessageSignatureBundleBuilder */.z3 {
    hash;
    constructor(options, hash) {
        super(options);
        this.hash = hash;
    }
    async package(artifact, signature) {
        const bundle = await super.package(artifact, signature);
        if (this.hash !== 'sha256') {
            bundle.content.messageSignature.messageDigest = {
                algorithm: PROTO_HASH[this.hash],
                digest: external_node_crypto_default().createHash(this.hash).update(artifact.data).digest()
            };
        }
        return bundle;
    }
}
const keySigners = new WeakMap();
function tokenProvider(token) {
    return { getToken: typeof token === 'string' ? () => Promise.resolve(token) : token };
}
function setup(options, dsse) {
    if (options.privateKey && options.keyless)
        throw new src/* UsageError */.eb('use either a key or keyless signing, not both');
    const retry = { retries: 0 };
    if (options.privateKey) {
        const hash = messageHashForKey(options.privateKey);
        if (options.rekorURL && !dsse && hash !== 'sha256')
            throw new src/* UsageError */.eb(`--tlog-upload with this key is not supported: its signatures are over ${hash.toUpperCase()} digests, and the Rekor client (sigstore-js) records hashedrekord entries as SHA-256; sign without the log, or with an ECDSA P-256 or RSA key`);
        const witnesses = options.rekorURL
            ? [
                new sign_dist/* RekorWitness */.fU({
                    rekorBaseURL: options.rekorURL,
                    entryType: dsse ? 'dsse' : undefined,
                    retry
                })
            ]
            : [];
        let signers = keySigners.get(options.privateKey);
        if (!signers) {
            signers = {
                message: new KeySigner(options.privateKey, 'message'),
                dsse: new KeySigner(options.privateKey, 'dsse')
            };
            keySigners.set(options.privateKey, signers);
        }
        return { signer: dsse ? signers.dsse : signers.message, witnesses };
    }
    const k = options.keyless;
    if (!k)
        throw new src/* UsageError */.eb('signing needs a key (--key) or --keyless');
    const timeout = k.timeoutMs ?? 30000;
    const signer = new sign_dist/* FulcioSigner */.$o({
        identityProvider: tokenProvider(k.identityToken),
        fulcioBaseURL: k.fulcioURL ?? trust_PUBLIC_GOOD.fulcioURL,
        retry,
        timeout
    });
    const witnesses = [];
    const rekorURL = k.rekorURL === undefined ? trust_PUBLIC_GOOD.rekorURL : k.rekorURL;
    if (rekorURL) {
        witnesses.push(new sign_dist/* RekorWitness */.fU({
            rekorBaseURL: rekorURL,
            entryType: dsse ? (k.rekorEntryType ?? 'dsse') : undefined,
            retry,
            timeout
        }));
    }
    if (k.tsaURL)
        witnesses.push(new sign_dist/* TSAWitness */.gs({ tsaBaseURL: k.tsaURL, retry, timeout }));
    if (witnesses.length === 0) {
        throw new src/* UsageError */.eb('keyless signing needs a transparency log (Rekor URL) or a timestamp authority (TSA URL)');
    }
    return { signer, witnesses };
}
/** sigstore-js emits message-signature bundles as v0.2 with a certificate chain; cosign v3 writes v0.3 with the leaf. */
function toV03(bundle) {
    const vm = bundle.verificationMaterial;
    if (vm.content.$case === 'x509CertificateChain') {
        const leaf = vm.content.x509CertificateChain.certificates[0];
        if (leaf)
            vm.content = { $case: 'certificate', certificate: leaf };
    }
    bundle.mediaType = bundle_dist.BUNDLE_V03_MEDIA_TYPE;
    return bundle;
}
function wrapSigningError(err) {
    if (err instanceof src/* UsageError */.eb)
        throw err;
    const e = err;
    const cause = e.cause;
    const detail = cause instanceof Error ? `: ${cause.message}` : '';
    throw new src/* VerificationError */.mk('SIGNING_FAILED', `signing failed: ${e.message}${detail}`, {
        cause: err
    });
}
/** Signs a blob, returning a Sigstore bundle v0.3 (message signature). */
async function sign_signBlob(data, options) {
    const { signer, witnesses } = setup(options, false);
    try {
        const bundle = await (signer instanceof KeySigner
            ? new KeyedMessageBundleBuilder({ signer, witnesses }, signer.messageHash)
            : new sign_dist/* MessageSignatureBundleBuilder */.z3({ signer, witnesses })).create({ data });
        return (0,bundle_dist.bundleToJSON)(toV03(bundle));
    }
    catch (err) {
        wrapSigningError(err);
    }
}
/** Signs a payload as a DSSE envelope (default payload type: in-toto statement). */
async function sign_signDSSE(payload, options, payloadType = IN_TOTO_PAYLOAD_TYPE) {
    const { signer, witnesses } = setup(options, true);
    try {
        const bundle = await new sign_dist/* DSSEBundleBuilder */.VV({ signer, witnesses }).create({
            data: payload,
            type: payloadType
        });
        return (0,bundle_dist.bundleToJSON)(toV03(bundle));
    }
    catch (err) {
        wrapSigningError(err);
    }
}

// EXTERNAL MODULE: ./node_modules/@sigstore/verify/dist/index.js
var verify_dist = __webpack_require__(54187);
// EXTERNAL MODULE: ./node_modules/@noble/curves/nist.js + 3 modules
var nist = __webpack_require__(70875);
;// CONCATENATED MODULE: ./packages/sigstore/src/policy.ts
/**
 * Identity policy for keyless signatures: the Fulcio certificate's SAN and OIDC issuer (exact or
 * regular expression) and the GitHub workflow extensions (OIDs 1.3.6.1.4.1.57264.1.*).
 *
 * Regular expressions behave as cosign's (Go `regexp.MatchString`): they are NOT implicitly
 * anchored — write `^…$` to pin the whole value.
 */


const FULCIO = '1.3.6.1.4.1.57264.1';
const OID = {
    issuerV1: `${FULCIO}.1`,
    githubWorkflowTrigger: `${FULCIO}.2`,
    githubWorkflowSha: `${FULCIO}.3`,
    githubWorkflowName: `${FULCIO}.4`,
    githubWorkflowRepository: `${FULCIO}.5`,
    githubWorkflowRef: `${FULCIO}.6`,
    issuer: `${FULCIO}.8`,
    buildSignerURI: `${FULCIO}.9`,
    buildSignerDigest: `${FULCIO}.10`,
    runnerEnvironment: `${FULCIO}.11`,
    sourceRepositoryURI: `${FULCIO}.12`,
    sourceRepositoryDigest: `${FULCIO}.13`,
    sourceRepositoryRef: `${FULCIO}.14`,
    sourceRepositoryIdentifier: `${FULCIO}.15`,
    sourceRepositoryOwnerURI: `${FULCIO}.16`,
    sourceRepositoryOwnerIdentifier: `${FULCIO}.17`,
    buildConfigURI: `${FULCIO}.18`,
    buildConfigDigest: `${FULCIO}.19`,
    buildTrigger: `${FULCIO}.20`,
    runInvocationURI: `${FULCIO}.21`,
    sourceRepositoryVisibility: `${FULCIO}.22`
};
const LEGACY_RAW = new Set([
    OID.issuerV1,
    OID.githubWorkflowTrigger,
    OID.githubWorkflowSha,
    OID.githubWorkflowName,
    OID.githubWorkflowRepository,
    OID.githubWorkflowRef
]);
/** Reads SAN, issuer and every 57264.1.* extension (legacy ones raw, newer ones DER UTF8String). */
function certificateIdentity(cert) {
    const extensions = {};
    for (const ext of cert.extensions) {
        let oid;
        try {
            oid = ext.subs[0]?.toOID() ?? '';
        }
        catch {
            continue;
        }
        if (!oid.startsWith(`${FULCIO}.`))
            continue;
        const e = cert.extension(oid);
        if (!e)
            continue;
        try {
            extensions[oid] = LEGACY_RAW.has(oid)
                ? e.value.toString('utf8')
                : core_dist.ASN1Obj.parseBuffer(Buffer.from(e.value)).value.toString('utf8');
        }
        catch {
            extensions[oid] = e.value.toString('utf8');
        }
    }
    let san;
    try {
        san = cert.subjectAltName;
    }
    catch {
        san = undefined;
    }
    return {
        subjectAlternativeName: san,
        issuer: extensions[OID.issuer] ?? extensions[OID.issuerV1],
        extensions
    };
}
/**
 * A cosign/Go regular expression as a JavaScript one. Go's leading inline flags (`(?i)`, `(?s)`,
 * `(?m)`, combined as `(?is)`) become JavaScript flags; `\\A` / `\\z` (start / end of text) become
 * `^` / `$`.
 */
function compileRegexp(pattern, flag) {
    const m = /^\(\?([ims]+)\)/.exec(pattern);
    const flags = `u${m?.[1] ?? ''}`;
    const body = (m ? pattern.slice(m[0].length) : pattern)
        .replace(/(^|[^\\])\\A/g, '$1^')
        .replace(/(^|[^\\])\\z/g, '$1$');
    try {
        return new RegExp(body, [...new Set(flags)].join(''));
    }
    catch (err) {
        throw new src/* UsageError */.eb(`${flag}: invalid regular expression: ${err.message}`);
    }
}
function describeMatcher(m) {
    return m.exact !== undefined ? JSON.stringify(m.exact) : `a match for /${m.regexp ?? ''}/`;
}
function matches(m, value) {
    if (value === undefined)
        return false;
    if (m.exact !== undefined)
        return value === m.exact;
    if (m.regexp !== undefined)
        return compileRegexp(m.regexp, 'regexp').test(value);
    return true;
}
function policy_fail(what, expected, got) {
    throw new src/* VerificationError */.mk('IDENTITY_MISMATCH', `${what}: expected ${expected}, got ${got === undefined ? '(none)' : JSON.stringify(got)}`);
}
function repoOf(uriOrSlug) {
    const m = /^[a-z]+:\/\/[^/]+\/(.+?)\/?$/i.exec(uriOrSlug);
    return (m ? m[1] : uriOrSlug) ?? uriOrSlug;
}
function workflowPathOf(buildConfigURI) {
    if (!buildConfigURI)
        return undefined;
    const m = /^[a-z]+:\/\/[^/]+\/[^/]+\/[^/]+\/(.+?)(@.*)?$/i.exec(buildConfigURI);
    return m?.[1];
}
/** Throws VerificationError (exit 1) with "expected X, got Y" when the identity does not satisfy the policy. */
function checkIdentityPolicy(id, policy) {
    if (policy.identity && !matches(policy.identity, id.subjectAlternativeName)) {
        policy_fail('certificate identity', describeMatcher(policy.identity), id.subjectAlternativeName);
    }
    if (policy.issuer && !matches(policy.issuer, id.issuer)) {
        policy_fail('certificate OIDC issuer', describeMatcher(policy.issuer), id.issuer);
    }
    const ext = id.extensions;
    const gh = policy.github ?? {};
    if (gh.repository !== undefined) {
        const uri = ext[OID.sourceRepositoryURI];
        const got = uri !== undefined ? repoOf(uri) : ext[OID.githubWorkflowRepository];
        if (got === undefined || got.toLowerCase() !== repoOf(gh.repository).toLowerCase()) {
            policy_fail('GitHub repository', JSON.stringify(repoOf(gh.repository)), got);
        }
    }
    if (gh.ref !== undefined) {
        const got = ext[OID.sourceRepositoryRef] ?? ext[OID.githubWorkflowRef];
        if (got !== gh.ref)
            policy_fail('GitHub ref', JSON.stringify(gh.ref), got);
    }
    if (gh.workflow !== undefined) {
        const name = ext[OID.githubWorkflowName];
        const path = workflowPathOf(ext[OID.buildConfigURI]);
        if (gh.workflow !== name && gh.workflow !== path) {
            policy_fail('GitHub workflow', JSON.stringify(gh.workflow), path ?? name);
        }
    }
    if (gh.trigger !== undefined) {
        const got = ext[OID.buildTrigger] ?? ext[OID.githubWorkflowTrigger];
        if (got !== gh.trigger)
            policy_fail('GitHub workflow trigger', JSON.stringify(gh.trigger), got);
    }
    if (gh.runnerEnvironment !== undefined) {
        const got = ext[OID.runnerEnvironment];
        if (got !== gh.runnerEnvironment)
            policy_fail('GitHub runner environment', JSON.stringify(gh.runnerEnvironment), got);
    }
    if (gh.sha !== undefined) {
        const got = ext[OID.sourceRepositoryDigest] ?? ext[OID.githubWorkflowSha];
        if (got !== gh.sha)
            policy_fail('GitHub commit', JSON.stringify(gh.sha), got);
    }
    if (gh.owner !== undefined) {
        const ownerURI = ext[OID.sourceRepositoryOwnerURI];
        const repo = ext[OID.sourceRepositoryURI] ?? ext[OID.githubWorkflowRepository];
        const got = ownerURI !== undefined ? repoOf(ownerURI) : repo?.split('/')[repo.includes('://') ? 3 : 0];
        if (got === undefined || got.toLowerCase() !== repoOf(gh.owner).toLowerCase())
            policy_fail('GitHub repository owner', JSON.stringify(repoOf(gh.owner)), got);
    }
    const signer = ext[OID.buildSignerURI] ?? id.subjectAlternativeName;
    if (gh.signerRepository !== undefined) {
        const want = repoOf(gh.signerRepository).toLowerCase();
        const m = signer ? /^[a-z]+:\/\/[^/]+\/([^/]+\/[^/]+)\//i.exec(signer) : null;
        if (!m?.[1] || m[1].toLowerCase() !== want)
            policy_fail('signer repository', JSON.stringify(want), m?.[1] ?? signer);
    }
    if (gh.signerWorkflow !== undefined) {
        const want = gh.signerWorkflow.replace(/^[a-z]+:\/\//i, '').replace(/^github\.com\//i, '');
        const got = signer?.replace(/^[a-z]+:\/\/[^/]+\//i, '');
        const gotCompared = want.includes('@') ? got : got?.replace(/@.*$/, '');
        if (gotCompared === undefined || gotCompared.toLowerCase() !== want.toLowerCase())
            policy_fail('signer workflow', JSON.stringify(want), gotCompared);
    }
    for (const [oid, value] of Object.entries(policy.extensions ?? {})) {
        if (ext[oid] !== value)
            policy_fail(`certificate extension ${oid}`, JSON.stringify(value), ext[oid]);
    }
}
const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';
function escapeRegexp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * An identity policy with `gh attestation verify`'s semantics: the SAN (signer workflow URI) must
 * be under `https://HOST/OWNER/` (or `.../OWNER/REPO/` with `repo`), case-insensitively, unless a
 * signer or identity flag says otherwise; the source repository owner / repository extensions
 * must match `owner` / `repo`; the issuer is GitHub Actions' unless given.
 */
function githubAttestationPolicy(o) {
    if (!o.owner && !o.repo)
        throw new src/* UsageError */.eb('GitHub attestation policy needs --owner or --repo');
    if (o.repo && !/^[^/\s]+\/[^/\s]+$/.test(o.repo))
        throw new src/* UsageError */.eb(`--repo must be OWNER/REPO, got "${o.repo}"`);
    const host = o.hostname ?? 'github.com';
    const owner = o.owner ?? o.repo?.split('/')[0] ?? '';
    if (o.repo && o.owner && o.repo.split('/')[0]?.toLowerCase() !== o.owner.toLowerCase())
        throw new src/* UsageError */.eb(`--repo ${o.repo} is not in --owner ${o.owner}`);
    const scope = o.signerRepo ?? o.repo ?? owner;
    const identity = o.certIdentity !== undefined
        ? { exact: o.certIdentity }
        : o.certIdentityRegex !== undefined
            ? { regexp: o.certIdentityRegex }
            : o.signerWorkflow !== undefined
                ? { regexp: '.' } // checked below, on the build signer URI
                : { regexp: `(?i)^https://${escapeRegexp(host)}/${escapeRegexp(scope)}/` };
    const github = { owner };
    if (o.repo)
        github.repository = `https://${host}/${o.repo}`;
    if (o.signerRepo)
        github.signerRepository = o.signerRepo;
    if (o.signerWorkflow)
        github.signerWorkflow = o.signerWorkflow;
    if (o.sourceRef)
        github.ref = o.sourceRef;
    if (o.sourceDigest)
        github.sha = o.sourceDigest;
    if (o.denySelfHostedRunners)
        github.runnerEnvironment = 'github-hosted';
    return {
        identity,
        issuer: { exact: o.certOidcIssuer ?? GITHUB_ACTIONS_ISSUER },
        github
    };
}
/** True when the policy has at least the SAN and issuer constraints keyless verification needs. */
function isCompletePolicy(policy) {
    return !!policy?.identity && !!policy.issuer;
}

;// CONCATENATED MODULE: ./packages/sigstore/src/explain.ts
/**
 * "Expected X, got Y" for verification failures. @sigstore/verify decides (fail closed); when it
 * refuses a bundle, these functions recompute the specific fact that failed — certificate validity
 * at the signing time, the log that signed an entry, the Merkle root, the checkpoint signer, the
 * timestamp's message imprint, the log entry's contents — to say what was expected and what was
 * found. They never make a bundle verify; a check they cannot explain keeps @sigstore/verify's words.
 *
 * Two checks run before @sigstore/verify, as sigstore-go does them and @sigstore/verify does not:
 * no log entry or timestamp may be in the future, and an inclusion proof's root hash and tree size
 * must be the checkpoint's.
 */


/** Tolerated clock skew for "in the future" (a log or TSA slightly ahead of this machine). */
const FUTURE_SKEW_MS = 5 * 60 * 1000;
const iso = (d) => (Number.isNaN(d.getTime()) ? String(d) : d.toISOString());
const hex = (b) => Buffer.from(b).toString('hex');
const explain_short = (s, n = 16) => (s.length > n ? `${s.slice(0, n)}…` : s);
/** Two base64 strings shown from where they first differ. */
function differing(a, b) {
    let i = 0;
    while (i < a.length && a[i] === b[i])
        i++;
    const from = Math.max(0, i - 4);
    const cut = (s) => `${from > 0 ? '…' : ''}${explain_short(s.slice(from), 20)}`;
    return [cut(a), cut(b)];
}
/** Leaf certificate DER of a keyless bundle. */
function leafCertificate(bundle) {
    const vm = bundle.verificationMaterial.content;
    const der = vm.$case === 'certificate'
        ? vm.certificate.rawBytes
        : vm.$case === 'x509CertificateChain'
            ? vm.x509CertificateChain.certificates[0]?.rawBytes
            : undefined;
    return der && der.length > 0 ? Buffer.from(der) : undefined;
}
function parseTimestamps(bundle) {
    const out = [];
    (bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []).forEach((t, index) => {
        try {
            out.push({ token: core_dist.RFC3161Timestamp.parse(Buffer.from(t.signedTimestamp)), index });
        }
        catch {
            // an unparsable token is reported by @sigstore/verify
        }
    });
    return out;
}
/** The signing times a verifier may use: log integrated times (with a promise) and TSA times. */
function signingTimes(bundle) {
    const times = [];
    bundle.verificationMaterial.tlogEntries.forEach((e, i) => {
        if (e.inclusionPromise && Number(e.integratedTime) > 0)
            times.push({
                what: `integrated time of log entry ${i}`,
                time: new Date(Number(e.integratedTime) * 1000)
            });
    });
    for (const { token, index } of parseTimestamps(bundle))
        times.push({ what: `RFC 3161 timestamp ${index}`, time: token.signingTime });
    return times;
}
function dn(name) {
    return name.split('\n').join(', ');
}
/** "expected X, got Y" for checks @sigstore/verify does not make; undefined when they pass. */
function precheck(bundle, now = new Date()) {
    try {
        return prechecks(bundle, now);
    }
    catch {
        return undefined; // unparsable parts are refused by @sigstore/verify itself
    }
}
function prechecks(bundle, now) {
    const vm = bundle.verificationMaterial.content;
    if (vm.$case === 'x509CertificateChain') {
        // The chain is the leaf and intermediates; a root in it is refused (sigstore-conformance
        // bundle-with-root-cert_fail): trust comes from the trusted root only.
        for (const [i, c] of vm.x509CertificateChain.certificates.entries()) {
            if (i === 0)
                continue;
            let cert;
            try {
                cert = new (external_node_crypto_default()).X509Certificate(Buffer.from(c.rawBytes));
            }
            catch {
                return `verificationMaterial.x509CertificateChain.certificates[${i}]: expected a DER X.509 certificate, got unparsable bytes`;
            }
            if (cert.issuer === cert.subject && cert.verify(cert.publicKey))
                return `certificate chain: expected the leaf and intermediate certificates only, got a self-signed root certificate at position ${i} (${dn(cert.subject)})`;
        }
    }
    for (const { what, time } of signingTimes(bundle)) {
        if (time.getTime() > now.getTime() + FUTURE_SKEW_MS)
            return `${what}: expected a time no later than now (${iso(now)}), got ${iso(time)}`;
    }
    for (const [i, e] of bundle.verificationMaterial.tlogEntries.entries()) {
        const proof = e.inclusionProof;
        if (!proof?.checkpoint)
            continue;
        const lines = proof.checkpoint.envelope.split('\n');
        const size = lines[1];
        const root = lines[2] ? Buffer.from(lines[2], 'base64') : undefined;
        if (root && root.length > 0 && !root.equals(Buffer.from(proof.rootHash)))
            return `log entry ${i} inclusion proof: expected the checkpoint's root hash ${hex(root)}, got ${hex(proof.rootHash)}`;
        if (size && /^\d+$/.test(size) && size !== String(proof.treeSize))
            return `log entry ${i} inclusion proof: expected the checkpoint's tree size ${size}, got ${String(proof.treeSize)}`;
    }
    return undefined;
}
function explainCertificate(bundle, trust) {
    const der = leafCertificate(bundle);
    if (!der)
        return undefined;
    const leaf = new (external_node_crypto_default()).X509Certificate(der);
    const from = new Date(leaf.validFrom);
    const to = new Date(leaf.validTo);
    for (const { what, time } of signingTimes(bundle)) {
        if (time < from)
            return `signing certificate: expected it to be valid at the ${what} (${iso(time)}), got a certificate not valid before ${iso(from)}`;
        if (time > to)
            return `signing certificate: expected it to be valid at the ${what} (${iso(time)}), got a certificate that expired at ${iso(to)}`;
    }
    const cas = trust.certificateAuthorities.flatMap(ca => ca.certChain[0] ? [dn(new (external_node_crypto_default()).X509Certificate(ca.certChain[0].root.toDER()).subject)] : []);
    const issuedByTrusted = trust.certificateAuthorities.some(ca => ca.certChain.some(c => {
        try {
            return leaf.verify(new (external_node_crypto_default()).X509Certificate(c.root.toDER()).publicKey);
        }
        catch {
            return false;
        }
    }));
    if (!issuedByTrusted)
        return `certificate chain: expected a certificate signed by a CA of the trusted root (${cas.join('; ') || 'none'}), got one issued by "${dn(leaf.issuer)}" that no trusted CA key verifies`;
    for (const { what, time } of signingTimes(bundle)) {
        const ok = trust.certificateAuthorities.some(ca => time >= ca.validFor.start && time <= ca.validFor.end);
        if (!ok)
            return `certificate chain: expected the ${what} (${iso(time)}) within a trusted CA's validity period, got none valid then`;
    }
    return undefined;
}
function explainSCT(bundle, trust) {
    const der = leafCertificate(bundle);
    if (!der)
        return undefined;
    const scts = core_dist.X509Certificate.parse(Buffer.from(der)).extSCT?.signedCertificateTimestamps ?? [];
    if (scts.length === 0)
        return `certificate transparency: expected an SCT from a CT log of the trusted root (${logIds(trust, 'ctlogs')}), got a certificate without SCTs`;
    const known = scts.filter(sct => trust.ctlogs.some(l => l.logID.equals(sct.logID)));
    const got = scts.map(sct => hex(sct.logID)).join(', ');
    if (known.length === 0)
        return `certificate transparency: expected an SCT from a CT log of the trusted root (${logIds(trust, 'ctlogs')}), got SCTs from unknown log(s) ${got}`;
    return `certificate transparency: expected an SCT signed by CT log ${known.map(s => hex(s.logID)).join(', ')} of the trusted root, got a signature that does not verify with its key`;
}
function logIds(trust, kind) {
    return trust[kind].map(l => `${l.baseURL} (${hex(l.logID)})`).join(', ') || 'none';
}
function explainPromise(bundle, trust) {
    for (const [i, e] of bundle.verificationMaterial.tlogEntries.entries()) {
        if (!e.inclusionPromise)
            continue;
        const id = Buffer.from(e.logId?.keyId ?? new Uint8Array());
        const log = trust.tlogs.find(l => l.logID.equals(id));
        if (!log)
            return `log entry ${i}: expected a signed entry timestamp from a transparency log of the trusted root (${logIds(trust, 'tlogs')}), got one from unknown log ${hex(id)}`;
        const t = new Date(Number(e.integratedTime) * 1000);
        if (t < log.validFor.start || t > log.validFor.end)
            return `log entry ${i}: expected an integrated time within the validity of log ${log.baseURL} (${iso(log.validFor.start)} to ${iso(log.validFor.end)}), got ${iso(t)}`;
        return `log entry ${i}: expected a signed entry timestamp by ${log.baseURL} over entry ${String(e.logIndex)} (integrated ${iso(t)}), got a signature that does not verify`;
    }
    return undefined;
}
const leafHash = (body) => external_node_crypto_default().createHash('sha256')
    .update(Buffer.from([0]))
    .update(body)
    .digest();
const nodeHash = (l, r) => external_node_crypto_default().createHash('sha256')
    .update(Buffer.from([1]))
    .update(l)
    .update(r)
    .digest();
/** RFC 6962 / RFC 9162 root from an inclusion proof; undefined when the proof has the wrong length. */
function rootFromProof(index, size, leaf, proof) {
    const inner = (index ^ (size - 1n)).toString(2).replace(/^0+/, '').length;
    const border = (index >> BigInt(inner)).toString(2).split('1').length - 1;
    if (proof.length !== inner + border)
        return { expectedHashes: inner + border };
    let h = leaf;
    proof.slice(0, inner).forEach((p, i) => {
        h = ((index >> BigInt(i)) & 1n) === 0n ? nodeHash(h, p) : nodeHash(p, h);
    });
    for (const p of proof.slice(inner))
        h = nodeHash(p, h);
    return { root: h, expectedHashes: inner + border };
}
function explainProof(bundle, trust) {
    for (const [i, e] of bundle.verificationMaterial.tlogEntries.entries()) {
        const proof = e.inclusionProof;
        if (!proof?.checkpoint)
            continue;
        const envelope = proof.checkpoint.envelope;
        const sep = envelope.indexOf('\n\n');
        const note = sep >= 0 ? envelope.slice(0, sep + 1) : envelope;
        const [origin, sizeLine, rootLine] = note.split('\n');
        if (!origin || !sizeLine || !/^\d+$/.test(sizeLine) || !rootLine)
            return `log entry ${i} checkpoint: expected "origin", "tree size" and "root hash" lines, got ${JSON.stringify(explain_short(note, 80))}`;
        const id = Buffer.from(e.logId?.keyId ?? new Uint8Array());
        const logs = trust.tlogs.filter(l => l.logID.equals(id));
        if (logs.length === 0)
            return `log entry ${i}: expected a transparency log of the trusted root (${logIds(trust, 'tlogs')}), got unknown log ${hex(id)}`;
        const sigs = [...envelope.slice(sep + 2).matchAll(/\u2014 (\S+) (\S+)\n/g)].map(m => ({
            name: m[1] ?? '',
            bytes: Buffer.from(m[2] ?? '', 'base64')
        }));
        if (sigs.length === 0)
            return `log entry ${i} checkpoint: expected a signature line from ${logs.map(l => l.baseURL).join(', ')}, got none`;
        const data = Buffer.from(note, 'utf8');
        const signedByLog = sigs.some(s => logs.some(l => l.logID.subarray(0, 4).equals(s.bytes.subarray(0, 4)) &&
            l.baseURL.includes(s.name) &&
            external_node_crypto_default().verify(null, data, l.publicKey, s.bytes.subarray(4))));
        if (!signedByLog) {
            const want = logs
                .map(l => `${l.baseURL} (key hint ${hex(l.logID.subarray(0, 4))})`)
                .join(', ');
            const got = sigs.map(s => `${s.name} (key hint ${hex(s.bytes.subarray(0, 4))})`).join(', ');
            return `log entry ${i} checkpoint: expected a valid signature by ${want}, got signatures from ${got} that do not verify with it`;
        }
        const index = BigInt(proof.logIndex);
        if (index < 0n || index >= BigInt(sizeLine))
            return `log entry ${i} inclusion proof: expected a log index within the tree (0 to ${BigInt(sizeLine) - 1n}), got ${String(proof.logIndex)}`;
        const { root, expectedHashes } = rootFromProof(index, BigInt(sizeLine), leafHash(e.canonicalizedBody), proof.hashes.map(h => Buffer.from(h)));
        if (!root)
            return `log entry ${i} inclusion proof: expected ${expectedHashes} hashes for index ${String(proof.logIndex)} in a tree of size ${sizeLine}, got ${proof.hashes.length}`;
        const want = Buffer.from(rootLine, 'base64');
        if (!root.equals(want))
            return `log entry ${i} inclusion proof: expected root hash ${hex(want)} (checkpoint), got ${hex(root)} (computed from the entry and proof)`;
    }
    return undefined;
}
function signatureBytes(bundle) {
    const c = bundle.content;
    return Buffer.from(c.$case === 'messageSignature'
        ? c.messageSignature.signature
        : (c.dsseEnvelope.signatures[0]?.sig ?? Buffer.alloc(0)));
}
const NODE_HASH = {
    sha256: 'sha256',
    sha384: 'sha384',
    sha512: 'sha512',
    'SHA-256': 'sha256',
    'SHA-384': 'sha384',
    'SHA-512': 'sha512'
};
function explainTimestamp(bundle, trust) {
    const sig = signatureBytes(bundle);
    for (const { token, index } of parseTimestamps(bundle)) {
        const info = token.tstInfo;
        const alg = NODE_HASH[info.messageImprintHashAlgorithm] ?? info.messageImprintHashAlgorithm;
        let want;
        try {
            want = external_node_crypto_default().createHash(alg).update(sig).digest();
        }
        catch {
            want = undefined;
        }
        if (want && !want.equals(info.messageImprintHashedMessage))
            return `RFC 3161 timestamp ${index}: expected a message imprint of the bundle's signature (${alg} ${hex(want)}), got ${hex(info.messageImprintHashedMessage)}`;
        const tsas = trust.timestampAuthorities.filter(ca => ca.certChain[0] !== undefined &&
            Buffer.from(ca.certChain[0].serialNumber).equals(token.signerSerialNumber));
        const time = token.signingTime;
        if (tsas.length === 0)
            return `RFC 3161 timestamp ${index}: expected a token signed by a timestamp authority of the trusted root (${trust.timestampAuthorities.length} known), got one signed by a certificate with serial ${hex(token.signerSerialNumber)}`;
        const inPeriod = tsas.some(ca => time >= ca.validFor.start && time <= ca.validFor.end);
        if (!inPeriod) {
            const periods = tsas.map(ca => `${iso(ca.validFor.start)} to ${iso(ca.validFor.end)}`);
            return `RFC 3161 timestamp ${index}: expected a time within the timestamp authority's validity (${periods.join('; ')}), got ${iso(time)}`;
        }
        const leaf = tsas[0]?.certChain[0];
        if (leaf && (time < leaf.notBefore || time > leaf.notAfter))
            return `RFC 3161 timestamp ${index}: expected a time within the TSA certificate's validity (${iso(leaf.notBefore)} to ${iso(leaf.notAfter)}), got ${iso(time)}`;
    }
    return undefined;
}
const get = (o, ...path) => path.reduce((v, k) => (v && typeof v === 'object' ? v[k] : undefined), o);
const b64 = (v) => Buffer.from(typeof v === 'string' ? v : '', 'base64');
const str = (v) => (typeof v === 'string' ? v : '');
function explainBody(bundle) {
    const sig = signatureBytes(bundle);
    const c = bundle.content;
    for (const [i, e] of bundle.verificationMaterial.tlogEntries.entries()) {
        let body;
        try {
            body = JSON.parse(Buffer.from(e.canonicalizedBody).toString('utf8'));
        }
        catch {
            return `log entry ${i}: expected a JSON canonicalized body, got unparsable bytes`;
        }
        const kind = get(body, 'kind');
        const version = get(body, 'apiVersion');
        const kv = e.kindVersion;
        if (!kv)
            continue;
        if (kind !== kv.kind || version !== kv.version)
            return `log entry ${i}: expected a ${kv.kind}/${kv.version} body (kindVersion), got ${String(kind)}/${String(version)}`;
        const spec = get(body, 'spec');
        let logged;
        let loggedDigest;
        let bundleDigest;
        if (kind === 'hashedrekord') {
            const v2 = get(spec, 'hashedRekordV002');
            logged = v2 ? b64(get(v2, 'signature', 'content')) : b64(get(spec, 'signature', 'content'));
            loggedDigest = v2
                ? b64(get(v2, 'data', 'digest')).toString('hex')
                : str(get(spec, 'data', 'hash', 'value'));
            if (c.$case === 'messageSignature')
                bundleDigest = hex(c.messageSignature.messageDigest?.digest ?? new Uint8Array());
        }
        else if (kind === 'dsse' || kind === 'intoto') {
            const v2 = get(spec, 'dsseV002');
            const first = (v2
                ? get(v2, 'signatures')
                : kind === 'dsse'
                    ? get(spec, 'signatures')
                    : get(spec, 'content', 'envelope', 'signatures'))?.[0];
            const raw = v2
                ? get(first, 'content')
                : kind === 'dsse'
                    ? get(first, 'signature')
                    : get(first, 'sig');
            // intoto entries store the signature base64-encoded twice
            logged = kind === 'intoto' ? b64(b64(raw).toString('utf8')) : b64(raw);
            loggedDigest = v2
                ? b64(get(v2, 'payloadHash', 'digest')).toString('hex')
                : str(kind === 'dsse'
                    ? get(spec, 'payloadHash', 'value')
                    : get(spec, 'content', 'payloadHash', 'value'));
            if (c.$case === 'dsseEnvelope')
                bundleDigest = external_node_crypto_default().createHash('sha256').update(c.dsseEnvelope.payload).digest('hex');
        }
        else
            continue;
        if (!logged.equals(sig)) {
            const [want, got] = differing(sig.toString('base64'), logged.toString('base64'));
            return `log entry ${i} (${kind}): expected the bundle's signature ${want}, got ${got}`;
        }
        if (bundleDigest !== undefined && loggedDigest !== bundleDigest)
            return `log entry ${i} (${kind}): expected the ${c.$case === 'dsseEnvelope' ? 'payload' : 'artifact'} digest ${bundleDigest}, got ${loggedDigest || '(none)'}`;
    }
    return undefined;
}
/**
 * A precise message for @sigstore/verify's refusal `code`, or undefined to keep its own words.
 * Never throws.
 */
function explainFailure(code, message, bundle, trust) {
    try {
        switch (code) {
            case 'CERTIFICATE_ERROR':
                return /SCT/.test(message) ? explainSCT(bundle, trust) : explainCertificate(bundle, trust);
            case 'TLOG_INCLUSION_PROMISE_ERROR':
                return explainPromise(bundle, trust);
            case 'TLOG_INCLUSION_PROOF_ERROR':
                return explainProof(bundle, trust);
            case 'TIMESTAMP_ERROR': {
                const m = /expected (\d+) timestamps, got (\d+)/.exec(message);
                if (m)
                    return `trusted signing time: expected at least ${m[1]} (a log entry's inclusion promise or an RFC 3161 timestamp; Rekor v2 entries carry none), got ${m[2]}`;
                return explainTimestamp(bundle, trust);
            }
            case 'TLOG_BODY_ERROR':
                return explainBody(bundle);
            default:
                return undefined;
        }
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./packages/sigstore/src/verify.ts
/**
 * Verification of Sigstore bundles (and cosign's older formats, converted by bundle.ts) with a
 * public key or against a keyless identity policy, by artifact bytes or by sha256 digest.
 */












const DIGEST_RE = /^sha256:([0-9a-f]{64})$/;
/** Parses `sha256:<hex>`; throws InputError otherwise. */
function parseDigest(digest) {
    const m = DIGEST_RE.exec(digest.toLowerCase());
    if (!m?.[1])
        throw new src/* InputError */.dz('DIGEST_INVALID', `not a sha256 digest: "${digest}" (expected sha256:<64 hex>)`);
    return Buffer.from(m[1], 'hex');
}
/** Node hash names by in-toto digest-set / `alg:hex` name; only collision-resistant ones. */
const HASHES = {
    sha224: 'sha224',
    sha256: 'sha256',
    sha384: 'sha384',
    sha512: 'sha512',
    sha512_224: 'sha512-224',
    sha512_256: 'sha512-256',
    sha3_224: 'sha3-224',
    sha3_256: 'sha3-256',
    sha3_384: 'sha3-384',
    sha3_512: 'sha3-512'
};
/** Node hash names of the bundle's HashAlgorithm enum. */
const MESSAGE_DIGEST_HASHES = {
    HASH_ALGORITHM_UNSPECIFIED: 'sha256',
    SHA2_256: 'sha256',
    SHA2_384: 'sha384',
    SHA2_512: 'sha512',
    SHA3_256: 'sha3-256',
    SHA3_384: 'sha3-384'
};
/** `alg:hex` with alg one of HASHES (`sha3-256` and `sha3_256` both read); throws InputError. */
function parseArtifactDigest(digest) {
    const m = /^([a-z0-9_-]+):([0-9a-f]+)$/.exec(digest.trim().toLowerCase());
    const algorithm = m?.[1]?.replace(/-/g, '_');
    const node = algorithm ? HASHES[algorithm] : undefined;
    const hex = m?.[2];
    if (!node || !algorithm || !hex || hex.length !== external_node_crypto_default().createHash(node).digest().length * 2)
        throw new src/* InputError */.dz('DIGEST_INVALID', `not an artifact digest: "${digest}" (expected sha256:<64 hex>, or sha384: / sha512: and the like)`);
    return { algorithm, hex };
}
function notVerified(code, message, cause) {
    return new src/* VerificationError */.mk(code, message, { cause });
}
function ecVerifyPrehashed(key, digest, sig) {
    const jwk = key.export({ format: 'jwk' });
    if (!jwk.x || !jwk.y)
        return false;
    const point = Buffer.concat([
        Buffer.from([4]),
        Buffer.from(jwk.x, 'base64url'),
        Buffer.from(jwk.y, 'base64url')
    ]);
    const curve = jwk.crv === 'P-256' ? nist/* p256 */.s9 : jwk.crv === 'P-384' ? nist/* p384 */.sL : jwk.crv === 'P-521' ? nist/* p521 */.Bt : undefined;
    if (!curve)
        return false;
    try {
        return curve.verify(sig, digest, point, { prehash: false, lowS: false, format: 'der' });
    }
    catch {
        return false;
    }
}
/** PKCS#1 v1.5 DigestInfo prefixes by digest length (SHA-256, SHA-384, SHA-512). */
const DIGEST_INFO = {
    32: Buffer.from('3031300d060960864801650304020105000420', 'hex'),
    48: Buffer.from('3041300d060960864801650304020205000430', 'hex'),
    64: Buffer.from('3051300d060960864801650304020305000440', 'hex')
};
function rsaVerifyPrehashed(key, digest, sig) {
    const prefix = DIGEST_INFO[digest.length];
    if (!prefix)
        return false;
    try {
        const decoded = external_node_crypto_default().publicDecrypt({ key, padding: (external_node_crypto_default()).constants.RSA_PKCS1_PADDING }, sig);
        return decoded.equals(Buffer.concat([prefix, digest]));
    }
    catch {
        return false;
    }
}
/** Verifies a signature over a SHA-2 digest (the artifact itself is not available). */
function verifyPrehashed(key, digest, signature) {
    if (key.asymmetricKeyType === 'ec')
        return ecVerifyPrehashed(key, digest, signature);
    if (key.asymmetricKeyType === 'rsa')
        return rsaVerifyPrehashed(key, digest, signature);
    return false;
}
/** in-toto Statement `_type`s: v1 and the older v0.1 (same layout for what is checked here). */
const STATEMENT_TYPES = [
    'https://in-toto.io/Statement/v1',
    'https://in-toto.io/Statement/v0.1'
];
function parseStatement(payload) {
    let s;
    try {
        s = JSON.parse(payload.toString('utf8'));
    }
    catch (err) {
        throw notVerified('STATEMENT_INVALID', `DSSE payload: expected an in-toto statement (JSON), got unparsable JSON (${err.message})`);
    }
    const o = (typeof s === 'object' && s !== null ? s : {});
    if (typeof o._type !== 'string' || !STATEMENT_TYPES.includes(o._type))
        throw notVerified('STATEMENT_INVALID', `in-toto statement _type: expected ${STATEMENT_TYPES.join(' or ')}, got ${JSON.stringify(o._type ?? null)}`);
    if (typeof o.predicateType !== 'string' || o.predicateType === '')
        throw notVerified('STATEMENT_INVALID', `in-toto statement predicateType: expected a URI, got ${JSON.stringify(o.predicateType ?? null)}`);
    const subjects = o.subject;
    if (!Array.isArray(subjects) ||
        subjects.length === 0 ||
        !subjects.every(x => typeof x === 'object' &&
            x !== null &&
            typeof x.digest === 'object' &&
            x.digest !== null))
        throw notVerified('STATEMENT_INVALID', 'in-toto statement subject: expected a non-empty list of {name, digest}, got ' +
            (Array.isArray(subjects)
                ? `${subjects.length} malformed or no subject(s)`
                : typeof subjects));
    return o;
}
function describeSubjects(statement) {
    const all = statement.subject.flatMap(s => Object.entries(s.digest ?? {}).map(([alg, v]) => `${alg}:${String(v)}`));
    return all.length > 4 ? `${all.slice(0, 4).join(', ')} (+${all.length - 4} more)` : all.join(', ');
}
/** True when some subject has a digest, in an algorithm we trust, equal to the artifact's. */
function subjectMatches(statement, artifact) {
    const computed = new Map();
    const artifactHex = (alg) => {
        if (artifact.data) {
            const node = HASHES[alg];
            if (!node)
                return undefined;
            let h = computed.get(alg);
            if (h === undefined) {
                h = external_node_crypto_default().createHash(node).update(artifact.data).digest('hex');
                computed.set(alg, h);
            }
            return h;
        }
        const d = artifact.digest ? parseArtifactDigest(artifact.digest) : undefined;
        return d?.algorithm === alg ? d.hex : undefined;
    };
    return statement.subject.some(s => Object.entries(s.digest ?? {}).some(([rawAlg, value]) => {
        const alg = rawAlg.toLowerCase().replace(/-/g, '_');
        const want = artifactHex(alg);
        return want !== undefined && typeof value === 'string' && value.toLowerCase() === want;
    }));
}
const keylessMaterials = new WeakMap();
const keyedVerifiers = new WeakMap();
/** Trust material is derived once per trusted root (parsing its certificates and keys). */
function trustMaterial(root) {
    let m = keylessMaterials.get(root);
    if (!m) {
        m = (0,verify_dist/* toTrustMaterial */.jO)(root);
        keylessMaterials.set(root, m);
    }
    return m;
}
/** Keyed: the given key is trusted for any hint, at any time; log entries present are still verified. */
function keyedVerifier(root, publicKey) {
    let byKey = keyedVerifiers.get(root);
    if (!byKey) {
        byKey = new WeakMap();
        keyedVerifiers.set(root, byKey);
    }
    let v = byKey.get(publicKey);
    if (!v) {
        const material = (0,verify_dist/* toTrustMaterial */.jO)(root, () => ({ publicKey, validFor: () => true }));
        v = new verify_dist/* Verifier */.BL(material, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 });
        byKey.set(publicKey, v);
    }
    return v;
}
function wrapSigstoreError(err, bundle, root) {
    if (err instanceof verify_dist/* PolicyError */.pn || err instanceof verify_dist/* VerificationError */.mk) {
        const detail = explainFailure(err.code, err.message, bundle, trustMaterial(root));
        throw notVerified(err.code, detail ?? `${err.code}: ${err.message}`, err);
    }
    if (err instanceof src/* VerificationError */.mk || err instanceof src/* InputError */.dz || err instanceof src/* UsageError */.eb)
        throw err;
    throw notVerified('VERIFICATION_FAILED', `verification failed: ${err.message}`, err);
}
/**
 * Verifies `bundle` over the artifact. Throws VerificationError (exit 1) when it does not verify,
 * UsageError/InputError (exit 2) when the request itself is unusable.
 *
 * When `bundle` is the first of a JSON Lines file (parseSignatureMaterial), every bundle of the
 * file is tried: the result is the first that verifies (its `line` says which); if none does, the
 * error lists each line's reason.
 */
function verify_verifyBundle(bundle, artifact, options) {
    const all = jsonLinesBundles(bundle);
    return all ? verifyAnyBundle(all, artifact, options) : verifyOneBundle(bundle, artifact, options);
}
/** Fail closed: anything unexpected thrown while verifying is "not verified", in one line. */
function verifyOneBundle(bundle, artifact, options) {
    try {
        return verifyOne(bundle, artifact, options);
    }
    catch (err) {
        if (err instanceof src/* SecurePipelineError */.Eh)
            throw err;
        throw notVerified('VERIFICATION_FAILED', `verification failed: ${String(err.message ?? err).split('\n')[0]}`, err);
    }
}
/** The first of `bundles` that verifies; VerificationError with every line's reason otherwise. */
function verifyAnyBundle(bundles, artifact, options) {
    const reasons = [];
    for (const { bundle, line } of bundles) {
        try {
            return { ...verifyOneBundle(bundle, artifact, options), line };
        }
        catch (err) {
            if (!(err instanceof src/* VerificationError */.mk))
                throw err;
            reasons.push(`line ${line}: ${err.message}`);
        }
    }
    throw notVerified('NO_BUNDLE_VERIFIED', bundles.length === 0
        ? 'expected at least one bundle, got none'
        : `expected one of the ${bundles.length} bundles to verify, got none: ${reasons.join('; ')}`);
}
/** The artifact's digest in the algorithm of a message signature's `messageDigest`. */
function messageDigestOf(bundle, artifact) {
    const content = bundle.content;
    const algorithm = content.$case === 'messageSignature'
        ? content.messageSignature.messageDigest?.algorithm
        : undefined;
    const node = algorithm === undefined
        ? 'sha256'
        : (MESSAGE_DIGEST_HASHES[dist.HashAlgorithm[algorithm]] ?? 'sha256');
    const alg = node.replace(/-/g, '_');
    if (artifact.data) {
        const digest = external_node_crypto_default().createHash(node).update(artifact.data).digest();
        return { digest, label: `${alg}:${digest.toString('hex')}` };
    }
    if (artifact.digest) {
        const d = parseArtifactDigest(artifact.digest);
        if (d.algorithm !== alg && content.$case === 'messageSignature')
            throw notVerified('DIGEST_ALGORITHM', `artifact digest: expected a ${alg} digest (the bundle's message digest algorithm), got ${d.algorithm}:${d.hex}`);
        return { digest: Buffer.from(d.hex, 'hex'), label: `${d.algorithm}:${d.hex}` };
    }
    throw new src/* UsageError */.eb('nothing to verify: give an artifact file or a sha256: digest');
}
/**
 * Keyed signatures are checked in every scheme cosign and sigstore-js produce for the key type
 * (keys.ts verifyWithKey): sigstore-js alone only tries the bundle's digest algorithm
 * (messages) or OpenSSL's default (DSSE), which misses P-384/P-521 DSSE, RSA-PSS and Ed25519ph.
 */
function withKeySchemes(entity, bundle, artifact, digest, digestString) {
    const original = entity.signature;
    const content = bundle.content;
    const data = content.$case === 'dsseEnvelope'
        ? dssePAE(content.dsseEnvelope.payloadType, Buffer.from(content.dsseEnvelope.payload))
        : artifact.data;
    const digestHash = (digestString.split(':')[0] ?? 'sha256').replace(/_/g, '-');
    return withSignatureCheck(entity, k => data
        ? verifyWithKey(k, { data, digestHash }, Buffer.from(original.signature))
        : verifyPrehashed(k, digest, Buffer.from(original.signature)));
}
/** The entity with its signature check replaced; every other comparison stays sigstore-js's. */
function withSignatureCheck(entity, verifySignature) {
    const original = entity.signature;
    return {
        ...entity,
        signature: {
            signature: original.signature,
            compareSignature: s => original.compareSignature(s),
            compareDigest: d => original.compareDigest(d),
            compareSignedDigest: d => original.compareSignedDigest(d),
            verifySignature
        }
    };
}
function dssePAE(payloadType, payload) {
    const type = Buffer.from(payloadType, 'utf8');
    return Buffer.concat([
        Buffer.from(`DSSEv1 ${type.length} `),
        type,
        Buffer.from(` ${payload.length} `),
        payload
    ]);
}
function verifyOne(bundle, artifact, options) {
    const keyed = options.publicKey !== undefined;
    if (!keyed && !isCompletePolicy(options.policy)) {
        throw new src/* UsageError */.eb('keyless verification needs --certificate-identity[-regexp] and --certificate-oidc-issuer[-regexp] (or --key)');
    }
    const { digest, label: digestString } = messageDigestOf(bundle, artifact);
    // Bind the artifact to the bundle content.
    let statement;
    const content = bundle.content;
    if (content.$case === 'messageSignature') {
        if (options.dsseOnly)
            throw notVerified('CONTENT_MISMATCH', 'expected a DSSE (in-toto) bundle, got a message signature');
        const md = content.messageSignature.messageDigest;
        if (md && md.digest.length > 0 && !Buffer.from(md.digest).equals(digest)) {
            const alg = digestString.split(':')[0] ?? 'sha256';
            throw notVerified('DIGEST_MISMATCH', `artifact digest: expected ${alg}:${Buffer.from(md.digest).toString('hex')} (signed in the bundle), got ${digestString}`);
        }
    }
    else {
        const env = content.dsseEnvelope;
        if (env.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
            throw notVerified('PAYLOAD_TYPE', `DSSE payload type: expected ${IN_TOTO_PAYLOAD_TYPE}, got ${JSON.stringify(env.payloadType)}`);
        }
        statement = parseStatement(Buffer.from(env.payload));
        if (!subjectMatches(statement, artifact)) {
            throw notVerified('DIGEST_MISMATCH', `statement subject: expected ${digestString}, got ${describeSubjects(statement) || '(no subject digests)'}`);
        }
        if (options.predicateType && statement.predicateType !== options.predicateType) {
            throw notVerified('PREDICATE_TYPE_MISMATCH', `predicate type: expected ${options.predicateType}, got ${JSON.stringify(statement.predicateType)}`);
        }
    }
    const vmCase = bundle.verificationMaterial.content.$case;
    if (keyed && vmCase !== 'publicKey') {
        throw notVerified('KEY_MISMATCH', 'verification material: expected a public key (a --key was given), got a certificate (a keyless signature: verify it with --certificate-identity and --certificate-oidc-issuer)');
    }
    if (!keyed && vmCase === 'publicKey') {
        throw notVerified('KEY_MISMATCH', 'verification material: expected a certificate (keyless policy), got a public key (a keyed signature: verify it with --key)');
    }
    const root = options.trustedRoot ?? trust_resolveTrustedRoot();
    const early = precheck(bundle);
    if (early)
        throw notVerified('TIME_OR_PROOF_INVALID', early);
    let entity;
    try {
        entity = (0,verify_dist/* toSignedEntity */.DC)(bundle, artifact.data ?? Buffer.alloc(0));
    }
    catch (err) {
        wrapSigstoreError(err, bundle, root);
    }
    if (!artifact.data && content.$case === 'messageSignature') {
        const signature = entity.signature.signature;
        entity = withSignatureCheck(entity, k => verifyPrehashed(k, digest, signature));
    }
    if (keyed)
        entity = withKeySchemes(entity, bundle, artifact, digest, digestString);
    let signer;
    try {
        if (keyed) {
            const publicKey = options.publicKey;
            keyedVerifier(root, publicKey).verify(entity);
            signer = { type: 'key', hint: keyHint(publicKey) };
        }
        else {
            new verify_dist/* Verifier */.BL(trustMaterial(root), {
                tlogThreshold: entity.tlogEntries.length > 0 ? 1 : 0,
                ctlogThreshold: root.ctlogs.length > 0 ? 1 : 0,
                timestampThreshold: 1
            }).verify(entity);
            const der = leafCertificate(bundle);
            if (!der)
                throw notVerified('CERTIFICATE_MISSING', 'the bundle has no signing certificate');
            const identity = certificateIdentity(core_dist.X509Certificate.parse(Buffer.from(der)));
            checkIdentityPolicy(identity, options.policy ?? {});
            signer = { type: 'certificate', identity };
        }
    }
    catch (err) {
        if (err instanceof verify_dist/* VerificationError */.mk && err.code === 'SIGNATURE_ERROR') {
            throw notVerified(err.code, `signature: expected a valid signature over ${content.$case === 'dsseEnvelope' ? 'the DSSE envelope' : `the artifact (${digestString})`} by the ${keyed ? 'given key' : "bundle's certificate"}, got one that does not verify`, err);
        }
        wrapSigstoreError(err, bundle, root);
    }
    return {
        digest: digestString,
        content: content.$case,
        signer,
        statement,
        tlogEntries: entity.tlogEntries.length,
        timestamps: entity.timestamps.length
    };
}

;// CONCATENATED MODULE: ./packages/sigstore/src/statement.ts
/** in-toto Statement v1 for attestations (SLSA provenance, CycloneDX, SPDX, custom predicates). */

const STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
/** cosign `--type` short names → predicate type URIs (cmd/cosign/cli/options/predicate.go). */
const PREDICATE_TYPES = {
    slsaprovenance: 'https://slsa.dev/provenance/v0.2',
    slsaprovenance02: 'https://slsa.dev/provenance/v0.2',
    slsaprovenance1: 'https://slsa.dev/provenance/v1',
    link: 'https://in-toto.io/Link/v1',
    spdx: 'https://spdx.dev/Document',
    spdxjson: 'https://spdx.dev/Document',
    cyclonedx: 'https://cyclonedx.org/bom',
    vuln: 'https://cosign.sigstore.dev/attestation/vuln/v1',
    openvex: 'https://openvex.dev/ns',
    custom: 'https://cosign.sigstore.dev/attestation/v1'
};
/** Image signatures in cosign v3 are statements of this type over the image digest. */
const COSIGN_SIGN_PREDICATE_TYPE = 'https://sigstore.dev/cosign/sign/v1';
/** Resolves a cosign short type or a URI. */
function predicateTypeURI(type) {
    const known = PREDICATE_TYPES[type.toLowerCase()];
    if (known)
        return known;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(type))
        return type;
    throw new src/* InputError */.dz('PREDICATE_TYPE', `unknown predicate type "${type}": use one of ${Object.keys(PREDICATE_TYPES).join(', ')} or a URI`);
}
/**
 * Parses predicate file content. JSON predicates are used as they are; a non-JSON custom
 * predicate is wrapped as cosign does (`{"Data": ..., "Timestamp": ...}`).
 */
function parsePredicate(text, typeURI, source) {
    try {
        return JSON.parse(text);
    }
    catch (err) {
        if (typeURI === PREDICATE_TYPES.custom)
            return { Data: text, Timestamp: new Date().toISOString() };
        throw new src/* InputError */.dz('PREDICATE_INVALID', `predicate is not JSON: ${err.message}`, {
            position: { file: source },
            cause: err
        });
    }
}
function buildStatement(subjects, predicateType, predicate) {
    return { _type: STATEMENT_V1, subject: subjects, predicateType, predicate };
}

;// CONCATENATED MODULE: ./packages/sigstore/src/oidc.ts
/** GitHub Actions OIDC: `ACTIONS_ID_TOKEN_REQUEST_URL&audience=sigstore` with the request token as bearer. */

/** Fetches an ID token from the Actions runtime (needs `permissions: id-token: write`). */
async function githubActionsToken(options) {
    const { requestURL, requestToken } = options;
    if (!requestURL || !requestToken) {
        throw new src/* InputError */.dz('OIDC_UNAVAILABLE', 'no GitHub Actions OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN are not set (the job needs `permissions: id-token: write`)');
    }
    const url = new URL(requestURL);
    url.searchParams.set('audience', options.audience ?? 'sigstore');
    let res;
    try {
        res = await fetch(url, {
            headers: { Authorization: `bearer ${requestToken}`, Accept: 'application/json' },
            signal: AbortSignal.timeout(options.timeoutMs ?? 30000)
        });
    }
    catch (err) {
        throw new src/* VerificationError */.mk('OIDC_FAILED', `requesting the OIDC token failed: ${err.message}`, { cause: err });
    }
    if (!res.ok)
        throw new src/* VerificationError */.mk('OIDC_FAILED', `requesting the OIDC token failed: HTTP ${res.status}`);
    const body = (await res.json());
    if (typeof body.value !== 'string' || body.value.length === 0) {
        throw new src/* VerificationError */.mk('OIDC_FAILED', 'the OIDC token response has no "value"');
    }
    return body.value;
}

;// CONCATENATED MODULE: ./packages/oci/src/errors.ts


/**
 * A registry answered with an unexpected status, or could not be reached. `status` is the HTTP
 * status (0 when the request never got an answer); `registryCode` is the first distribution-spec
 * error code (e.g. `MANIFEST_UNKNOWN`, `UNAUTHORIZED`), both also in the message. Exit code 2:
 * an operational failure, never "verified".
 */
class errors_RegistryError extends src/* SecurePipelineError */.Eh {
    status;
    registryCode;
    errors;
    constructor(message, options = {}) {
        const status = options.status ?? 0;
        const code = status === 0
            ? 'REGISTRY_UNREACHABLE'
            : options.registryCode
                ? `REGISTRY_${options.registryCode}`
                : `REGISTRY_HTTP_${status}`;
        super(code, message, { cause: options.cause });
        this.status = status;
        this.registryCode = options.registryCode;
        this.errors = options.errors ?? [];
    }
    get notFound() {
        return this.status === 404;
    }
}
/** True when `err` is a RegistryError for a 404 (manifest/blob/tag/repository unknown). */
function isNotFound(err) {
    return err instanceof errors_RegistryError && err.status === 404;
}
/** Content did not match its digest (a registry or a man in the middle changed it): exit 1. */
class DigestMismatchError extends src/* VerificationError */.mk {
    constructor(message) {
        super('OCI_DIGEST_MISMATCH', message);
    }
}

;// CONCATENATED MODULE: ./packages/oci/src/reference.ts

const DOCKER_HUB = 'docker.io';
/** The host the Docker Hub API is served from (what go-containerregistry calls `RegistryStr`). */
const DOCKER_HUB_API = 'index.docker.io';
const DEFAULT_TAG = 'latest';
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const IPV6 = /^\[[a-fA-F0-9:]+\]$/;
const PORT = /^[0-9]+$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const NAME_TOTAL_LENGTH_MAX = 255;
function bad(ref, why) {
    return new src/* InputError */.dz('OCI_BAD_REFERENCE', `invalid image reference "${ref}": ${why}`);
}
/** Validates `algorithm:encoded`; sha256/sha512 must have the right number of lower-case hex digits. */
function isValidDigest(digest) {
    if (!DIGEST.test(digest))
        return false;
    const [alg, hex] = digest.split(':');
    if (alg === 'sha256')
        return /^[a-f0-9]{64}$/.test(hex);
    if (alg === 'sha512')
        return /^[a-f0-9]{128}$/.test(hex);
    return true;
}
function isValidDomain(domain) {
    let host = domain;
    const portIndex = domain.lastIndexOf(':');
    if (portIndex !== -1 && !domain.endsWith(']')) {
        const port = domain.slice(portIndex + 1);
        // docker accepts any digits; a port outside 1–65535 could never be dialled.
        if (!PORT.test(port) || Number(port) < 1 || Number(port) > 65535)
            return false;
        host = domain.slice(0, portIndex);
    }
    if (IPV6.test(host))
        return true;
    return host.split('.').every(c => DOMAIN_COMPONENT.test(c));
}
/**
 * Parses `ref`. Throws InputError (exit 2) for anything docker would reject. `defaultTag` (default
 * `latest`) is applied only when `ref` has neither a tag nor a digest; pass `null` to keep it empty.
 */
function parseReference(ref, options = {}) {
    const input = ref.trim();
    if (input === '')
        throw bad(ref, 'empty');
    if (/\s/.test(input))
        throw bad(ref, 'contains whitespace');
    if (input.includes('://'))
        throw bad(ref, 'a reference has no URL scheme');
    let rest = input;
    let digest;
    const at = rest.indexOf('@');
    if (at !== -1) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!isValidDigest(digest))
            throw bad(ref, `invalid digest "${digest}"`);
    }
    let tag;
    const lastSlash = rest.lastIndexOf('/');
    const colon = rest.lastIndexOf(':');
    if (colon > lastSlash) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag))
            throw bad(ref, `invalid tag "${tag}"`);
    }
    if (rest === '')
        throw bad(ref, 'missing repository name');
    let registry;
    let repository;
    const slash = rest.indexOf('/');
    const first = slash === -1 ? '' : rest.slice(0, slash);
    if (slash === -1 ||
        (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)) {
        registry = DOCKER_HUB;
        repository = rest;
    }
    else {
        registry = first;
        repository = rest.slice(slash + 1);
        if (!isValidDomain(registry))
            throw bad(ref, `invalid registry "${registry}"`);
    }
    if (registry === DOCKER_HUB_API || registry === 'registry-1.docker.io')
        registry = DOCKER_HUB;
    if (registry === DOCKER_HUB && !repository.includes('/'))
        repository = `library/${repository}`;
    if (repository !== repository.toLowerCase()) {
        throw bad(ref, 'repository name must be lowercase');
    }
    for (const component of repository.split('/')) {
        if (!PATH_COMPONENT.test(component)) {
            throw bad(ref, `invalid repository path component "${component}"`);
        }
    }
    if (`${registry}/${repository}`.length > NAME_TOTAL_LENGTH_MAX) {
        throw bad(ref, `repository name longer than ${NAME_TOTAL_LENGTH_MAX} characters`);
    }
    const parsed = { registry, repository };
    if (tag !== undefined)
        parsed.tag = tag;
    if (digest !== undefined)
        parsed.digest = digest;
    if (tag === undefined && digest === undefined && options.defaultTag !== null) {
        parsed.tag = options.defaultTag ?? DEFAULT_TAG;
    }
    return parsed;
}
/** The host the registry API is served from (`docker.io` → `index.docker.io`). */
function registryApiHost(registry) {
    return registry === DOCKER_HUB ? DOCKER_HUB_API : registry;
}
/** `registry/repository` in the familiar short form (`docker.io/library/alpine`). */
function repositoryName(ref) {
    return `${ref.registry}/${ref.repository}`;
}
/**
 * The repository as cosign writes it into `critical.identity.docker-reference`
 * (go-containerregistry `Repository.Name()`: Docker Hub becomes `index.docker.io/...`).
 */
function dockerReference(ref) {
    return `${registryApiHost(ref.registry)}/${ref.repository}`;
}
/** Full normalized string: `registry/repository[:tag][@digest]`. */
function formatReference(ref) {
    let s = repositoryName(ref);
    if (ref.tag !== undefined)
        s += `:${ref.tag}`;
    if (ref.digest !== undefined)
        s += `@${ref.digest}`;
    return s;
}
/** Docker's short familiar form (`alpine:3`, `user/app`), as `docker images` prints it. */
function familiarReference(ref) {
    let name = repositoryName(ref);
    if (ref.registry === DOCKER_HUB) {
        name =
            ref.repository.startsWith('library/') && ref.repository.split('/').length === 2
                ? ref.repository.slice('library/'.length)
                : ref.repository;
    }
    if (ref.tag !== undefined)
        name += `:${ref.tag}`;
    if (ref.digest !== undefined)
        name += `@${ref.digest}`;
    return name;
}
/** The same reference pinned to `digest` (the tag is dropped, as `cosign sign` does). */
function withDigest(ref, digest) {
    return { registry: ref.registry, repository: ref.repository, digest };
}
/**
 * Registries reached over plain HTTP: localhost, `*.localhost`, 127.0.0.0/8, ::1, and any
 * registry listed in `insecureRegistries` (host or host:port).
 */
function isPlainHttpRegistry(registry, insecureRegistries = []) {
    // Host names are case-insensitive: `LOCALHOST:5000` is localhost.
    const lower = registry.toLowerCase();
    const listed = insecureRegistries.map(r => r.toLowerCase());
    if (listed.includes(lower))
        return true;
    let host = lower;
    if (host.startsWith('[')) {
        host = host.slice(0, host.indexOf(']') + 1);
        try {
            host = new URL(`http://${host}`).hostname; // canonical form: [0:0::1] → [::1]
        }
        catch {
            return false;
        }
    }
    else if (host.includes(':'))
        host = host.slice(0, host.lastIndexOf(':'));
    if (listed.includes(host))
        return true;
    return (host === 'localhost' ||
        host.endsWith('.localhost') ||
        /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
        host === '[::1]');
}

;// CONCATENATED MODULE: ./packages/oci/src/types.ts

/** Media types this package reads and writes. */
const types_MediaType = {
    OciManifest: 'application/vnd.oci.image.manifest.v1+json',
    OciIndex: 'application/vnd.oci.image.index.v1+json',
    OciConfig: 'application/vnd.oci.image.config.v1+json',
    OciLayer: 'application/vnd.oci.image.layer.v1.tar',
    OciLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
    OciEmpty: 'application/vnd.oci.empty.v1+json',
    DockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    DockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    DockerConfig: 'application/vnd.docker.container.image.v1+json',
    DockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip'
};
/** Every manifest type we accept on GET, best first. */
const MANIFEST_ACCEPT = [
    types_MediaType.OciManifest,
    types_MediaType.OciIndex,
    types_MediaType.DockerManifest,
    types_MediaType.DockerManifestList
];
/** The OCI empty JSON blob `{}` and its descriptor (config of artifact manifests). */
const EMPTY_JSON = Buffer.from('{}');
const EMPTY_DESCRIPTOR = {
    mediaType: types_MediaType.OciEmpty,
    digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    size: 2
};
function types_isIndex(m) {
    return Array.isArray(m.manifests);
}
function isIndexMediaType(mediaType) {
    return mediaType === types_MediaType.OciIndex || mediaType === types_MediaType.DockerManifestList;
}
/** `sha256:<hex>` of `data`. */
function sha256Digest(data) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(data).digest('hex')}`;
}
/** Digest of `data` with the algorithm of `digest` (sha256, sha384 or sha512). */
function digestWithAlgorithm(algorithm, data) {
    if (!['sha256', 'sha384', 'sha512'].includes(algorithm)) {
        throw new Error(`unsupported digest algorithm ${algorithm}`);
    }
    return `${algorithm}:${(0,external_node_crypto_.createHash)(algorithm).update(data).digest('hex')}`;
}
/** Descriptor for a blob or manifest body. */
function descriptorFor(mediaType, data, extra = {}) {
    return { mediaType, digest: sha256Digest(data), size: data.byteLength, ...extra };
}
/** Canonical bytes we push for a manifest object (compact JSON, key order as given). */
function manifestBytes(manifest) {
    return Buffer.from(JSON.stringify(manifest));
}
/** Media type of a manifest body: its `mediaType` field, else guessed from its shape. */
function manifestMediaType(manifest) {
    if (manifest.mediaType)
        return manifest.mediaType;
    return types_isIndex(manifest) ? types_MediaType.OciIndex : types_MediaType.OciManifest;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./packages/oci/src/credentials.ts






/** Where docker keeps its config for this environment. */
function dockerConfigPath(env = process.env) {
    if (env.DOCKER_CONFIG)
        return external_node_path_default().join(env.DOCKER_CONFIG, 'config.json');
    return external_node_path_default().join(env.HOME ?? (0,external_node_os_.homedir)(), '.docker', 'config.json');
}
function configError(file, message, cause) {
    return new src/* InputError */.dz('OCI_BAD_DOCKER_CONFIG', message, { position: { file }, cause });
}
/** Reads a docker config file; `undefined` when it does not exist. Malformed JSON → InputError. */
function readDockerConfig(file) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return undefined;
        throw configError(file, `cannot read docker config: ${err.message}`, err);
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (err) {
        throw configError(file, `docker config is not valid JSON: ${err.message}`, err);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw configError(file, 'docker config must be a JSON object');
    }
    return parsed;
}
/** `https://index.docker.io/v1/` → `index.docker.io`; `http://host:5000/v2/` → `host:5000`. */
function normalizeConfigKey(key) {
    let k = key.trim().toLowerCase();
    k = k.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
    const slash = k.indexOf('/');
    if (slash !== -1)
        k = k.slice(0, slash);
    return k;
}
function hostAliases(registry) {
    const r = registry.toLowerCase();
    if (r === DOCKER_HUB || r === DOCKER_HUB_API || r === 'registry-1.docker.io') {
        return [DOCKER_HUB_API, DOCKER_HUB, 'registry-1.docker.io'];
    }
    return [r];
}
/** The server URL docker uses as the key / helper argument for `registry`. */
function dockerServerUrl(registry) {
    return hostAliases(registry)[0] === DOCKER_HUB_API ? 'https://index.docker.io/v1/' : registry;
}
/** Decodes one `auths` entry. */
function credentialsFromAuthEntry(entry, where) {
    if (entry.registrytoken)
        return { registryToken: entry.registrytoken };
    if (entry.identitytoken)
        return { identityToken: entry.identitytoken };
    if (entry.auth) {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw configError(where.file, `docker config auths["${where.key}"].auth is not base64 of "username:password"`);
        }
        return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (entry.username !== undefined && entry.password !== undefined) {
        return { username: entry.username, password: entry.password };
    }
    return undefined;
}
/** Finds an executable on PATH; `undefined` when absent. */
function findOnPath(name, env = process.env) {
    for (const dir of (env.PATH ?? '').split((external_node_path_default()).delimiter)) {
        if (!dir)
            continue;
        const candidate = external_node_path_default().join(dir, name);
        try {
            (0,external_node_fs_.accessSync)(candidate, external_node_fs_.constants.X_OK);
            return candidate;
        }
        catch {
            // not here
        }
    }
    return undefined;
}
/**
 * Runs `docker-credential-<helper> get` with the server URL on stdin, only when the helper is on
 * PATH. Returns `undefined` when it is absent or has no credentials for this server.
 */
async function credentialsFromHelper(helper, registry, env = process.env) {
    if (!/^[A-Za-z0-9_.-]+$/.test(helper))
        return undefined;
    const bin = findOnPath(`docker-credential-${helper}`, env);
    if (!bin)
        return undefined;
    const serverUrl = dockerServerUrl(registry);
    const stdout = await new Promise(resolve => {
        const child = (0,external_node_child_process_.execFile)(bin, ['get'], { env: env, timeout: 15000, maxBuffer: 1 << 20 }, (err, out) => resolve(err ? undefined : out));
        child.stdin?.end(serverUrl);
    });
    if (!stdout)
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(stdout);
    }
    catch {
        return undefined;
    }
    if (typeof parsed.Secret !== 'string' || parsed.Secret === '')
        return undefined;
    const username = typeof parsed.Username === 'string' ? parsed.Username : '';
    if (username === '<token>')
        return { identityToken: parsed.Secret };
    return { username, password: parsed.Secret };
}
/**
 * Credentials for `registry` from the docker config: `credHelpers[registry]`, then `credsStore`,
 * then the `auths` entry (base64 `auth`, `identitytoken`, `registrytoken`).
 */
async function credentialsFromDockerConfig(registry, options = {}) {
    const env = options.env ?? process.env;
    const file = options.configPath ?? dockerConfigPath(env);
    const config = readDockerConfig(file);
    if (!config)
        return undefined;
    const aliases = hostAliases(registry);
    const helpers = config.credHelpers ?? {};
    for (const [key, helper] of Object.entries(helpers)) {
        if (aliases.includes(normalizeConfigKey(key))) {
            const found = await credentialsFromHelper(helper, registry, env);
            if (found)
                return found;
        }
    }
    if (config.credsStore) {
        const found = await credentialsFromHelper(config.credsStore, registry, env);
        if (found)
            return found;
    }
    const auths = config.auths ?? {};
    for (const alias of aliases) {
        for (const [key, entry] of Object.entries(auths)) {
            if (normalizeConfigKey(key) === alias && entry && typeof entry === 'object') {
                const found = credentialsFromAuthEntry(entry, { file, key });
                if (found)
                    return found;
            }
        }
    }
    return undefined;
}
/** Never print credentials: a description safe for logs. */
function describeCredentials(credentials) {
    if (!credentials)
        return 'anonymous';
    if ('username' in credentials)
        return `user ${credentials.username}`;
    if ('identityToken' in credentials)
        return 'identity token';
    return 'registry token';
}

;// CONCATENATED MODULE: ./packages/oci/src/auth.ts
/**
 * Parses a `WWW-Authenticate` header (RFC 7235), e.g.
 * `Bearer realm="https://auth.example/token",service="registry",scope="repository:a/b:pull,push"`.
 * Quoted values may contain commas; several challenges may share one header.
 */
function parseWwwAuthenticate(header) {
    const challenges = [];
    let i = 0;
    const n = header.length;
    const skipSpaces = () => {
        while (i < n && (header[i] === ' ' || header[i] === '\t'))
            i++;
    };
    const readToken = () => {
        const start = i;
        while (i < n && /[A-Za-z0-9!#$%&'*+.^_`|~-]/.test(header[i]))
            i++;
        return header.slice(start, i);
    };
    let current;
    while (i < n) {
        skipSpaces();
        if (header[i] === ',') {
            i++;
            continue;
        }
        const token = readToken();
        if (token === '') {
            i++;
            continue;
        }
        skipSpaces();
        if (header[i] === '=' && current) {
            i++;
            skipSpaces();
            let value = '';
            if (header[i] === '"') {
                i++;
                while (i < n && header[i] !== '"') {
                    if (header[i] === '\\' && i + 1 < n)
                        i++;
                    value += header[i];
                    i++;
                }
                i++;
            }
            else {
                const start = i;
                while (i < n && header[i] !== ',')
                    i++;
                value = header.slice(start, i).trim();
            }
            current.params[token.toLowerCase()] = value;
        }
        else {
            current = { scheme: token.toLowerCase(), params: {} };
            challenges.push(current);
            // token68 form (`Bearer abc==`) is not used by registries; ignore it.
        }
    }
    return challenges;
}

;// CONCATENATED MODULE: ./packages/oci/src/client.ts





const USER_AGENT = 'secure-pipeline-oci/0.1';
const MAX_REDIRECTS = 10;
function encodeRepo(repo) {
    return repo
        .split('/')
        .map(c => encodeURIComponent(c))
        .join('/');
}
/** The `sha256-<hex>` tag of the OCI 1.1 referrers tag schema (also the base of cosign's tags). */
function referrersTag(digest) {
    return digest.replace(':', '-').slice(0, 128);
}
/**
 * A client for one registry (distribution-spec v1.1). Methods take the repository name, e.g.
 * `client.getManifest('library/alpine', '3.20')`. Plain HTTP for localhost/127.0.0.1 and
 * `insecureRegistries`; HTTPS otherwise. Auth: Bearer token dance (anonymous, Basic credentials,
 * or an OAuth2 refresh token) and Basic auth, driven by `WWW-Authenticate`.
 */
class RegistryClient {
    registry;
    baseUrl;
    options;
    doFetch;
    credentials;
    credentialsLoaded;
    basicHeader;
    tokens = new Map();
    referrersApi = new Map();
    constructor(registry, options = {}) {
        this.registry = registry;
        this.options = options;
        const host = registryApiHost(registry);
        const scheme = isPlainHttpRegistry(registry, options.insecureRegistries) ? 'http' : 'https';
        let origin = `${scheme}://${host}`;
        try {
            origin = new URL(origin).origin; // lower-cased host, default port dropped, IPv6 canonical
        }
        catch (err) {
            throw new src/* InputError */.dz('OCI_BAD_REFERENCE', `invalid registry "${registry}"`, { cause: err });
        }
        this.baseUrl = origin;
        this.doFetch = options.fetch ?? fetch;
        this.credentials = options.credentials;
        this.credentialsLoaded = options.credentials !== undefined || options.dockerConfig === false;
    }
    /** A client for the registry of `ref` (a string is parsed first). */
    static for(ref, options = {}) {
        const parsed = typeof ref === 'string' ? parseReference(ref) : ref;
        return new RegistryClient(parsed.registry, options);
    }
    // ---------------------------------------------------------------- auth
    async loadCredentials() {
        if (!this.credentialsLoaded) {
            this.credentialsLoaded = true;
            const lookup = { env: this.options.env ?? process.env };
            if (typeof this.options.dockerConfig === 'string')
                lookup.configPath = this.options.dockerConfig;
            this.credentials = await credentialsFromDockerConfig(this.registry, lookup);
        }
        return this.credentials;
    }
    tokenKey(repo, action) {
        return repo === undefined ? '' : `${repo}|${action}`;
    }
    cachedAuthorization(repo, action) {
        if (this.credentials && 'registryToken' in this.credentials) {
            return `Bearer ${this.credentials.registryToken}`;
        }
        if (this.basicHeader)
            return this.basicHeader;
        const now = Date.now();
        const keys = [this.tokenKey(repo, action)];
        if (action === 'pull')
            keys.push(this.tokenKey(repo, 'pull,push'));
        for (const key of keys) {
            const t = this.tokens.get(key);
            if (t && t.expires > now)
                return `Bearer ${t.token}`;
        }
        return undefined;
    }
    /** Answers a 401 challenge; returns false when there is nothing more to try. */
    async authenticate(challengeHeader, repo, action) {
        const challenges = parseWwwAuthenticate(challengeHeader ?? '');
        const bearer = challenges.find(c => c.scheme === 'bearer');
        const credentials = await this.loadCredentials();
        if (bearer) {
            const token = await this.fetchToken(bearer, repo, action, credentials);
            this.tokens.set(this.tokenKey(repo, action), token);
            return true;
        }
        if (challenges.some(c => c.scheme === 'basic')) {
            if (!credentials || !('username' in credentials))
                return false;
            const header = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
            if (this.basicHeader === header)
                return false;
            this.basicHeader = header;
            return true;
        }
        return false;
    }
    async fetchToken(challenge, repo, action, credentials) {
        const realm = challenge.params.realm;
        if (!realm) {
            throw new errors_RegistryError(`registry ${this.registry}: bearer challenge without a realm`, {
                status: 401
            });
        }
        let realmUrl;
        try {
            realmUrl = new URL(realm);
        }
        catch (err) {
            throw new errors_RegistryError(`registry ${this.registry}: invalid token realm "${realm}"`, {
                status: 401,
                cause: err
            });
        }
        if (realmUrl.protocol !== 'https:' && realmUrl.protocol !== 'http:') {
            throw new errors_RegistryError(`registry ${this.registry}: token realm "${realm}" is not an HTTP(S) URL`, { status: 401 });
        }
        if (realmUrl.protocol === 'http:' &&
            this.baseUrl.startsWith('https:') &&
            !isPlainHttpRegistry(realmUrl.host, this.options.insecureRegistries)) {
            // A registry reached over HTTPS must not send our credentials (or its token) over plain HTTP.
            throw new errors_RegistryError(`registry ${this.registry}: refusing the plain-HTTP token realm ${realmUrl.origin} of an HTTPS registry`, { status: 401, registryCode: 'UNAUTHORIZED' });
        }
        const scopes = [];
        if (repo !== undefined)
            scopes.push(`repository:${repo}:${action}`);
        for (const s of (challenge.params.scope ?? '').split(' ')) {
            if (s && !scopes.includes(s))
                scopes.push(s);
        }
        const service = challenge.params.service;
        let response;
        try {
            if (credentials && 'identityToken' in credentials) {
                const form = new URLSearchParams();
                form.set('grant_type', 'refresh_token');
                form.set('refresh_token', credentials.identityToken);
                form.set('client_id', 'secure-pipeline');
                if (service)
                    form.set('service', service);
                if (scopes.length)
                    form.set('scope', scopes.join(' '));
                response = await this.doFetch(realmUrl, {
                    method: 'POST',
                    headers: {
                        'Content-Type': 'application/x-www-form-urlencoded',
                        'User-Agent': this.options.userAgent ?? USER_AGENT
                    },
                    body: form.toString(),
                    signal: AbortSignal.timeout(this.options.timeoutMs ?? 60000)
                });
            }
            else {
                if (service)
                    realmUrl.searchParams.set('service', service);
                for (const s of scopes)
                    realmUrl.searchParams.append('scope', s);
                const headers = {
                    'User-Agent': this.options.userAgent ?? USER_AGENT
                };
                if (credentials && 'username' in credentials) {
                    headers.Authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
                }
                response = await this.doFetch(realmUrl, {
                    headers,
                    signal: AbortSignal.timeout(this.options.timeoutMs ?? 60000)
                });
            }
        }
        catch (err) {
            throw new errors_RegistryError(`registry ${this.registry}: token service ${realmUrl.origin} unreachable: ${err.message}`, { cause: err });
        }
        if (!response.ok) {
            const detail = await readErrorBody(response);
            throw new errors_RegistryError(`registry ${this.registry}: token request for ${scopes.join(' ') || 'registry'} failed (${describeCredentials(credentials)}): ${response.status}${detail.suffix}`, {
                status: response.status,
                registryCode: detail.code ?? 'UNAUTHORIZED',
                errors: detail.errors
            });
        }
        const body = (await readJson(response, 1 << 20, 'token response').catch(() => ({})));
        const token = typeof body.token === 'string' && body.token
            ? body.token
            : typeof body.access_token === 'string'
                ? body.access_token
                : '';
        if (!token) {
            throw new errors_RegistryError(`registry ${this.registry}: token service returned no token`, {
                status: response.status,
                registryCode: 'UNAUTHORIZED'
            });
        }
        const expiresIn = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60;
        // Refresh a little early.
        return { token, expires: Date.now() + Math.max(1, expiresIn - 10) * 1000 };
    }
    // ---------------------------------------------------------------- transport
    async request(method, pathOrUrl, opts) {
        const url = pathOrUrl.startsWith('http://') || pathOrUrl.startsWith('https://')
            ? new URL(pathOrUrl)
            : new URL(pathOrUrl, this.baseUrl);
        const sameOrigin = url.origin === new URL(this.baseUrl).origin;
        const action = opts.action ?? 'pull';
        const what = opts.what ?? `${method} ${url.pathname}`;
        let retried = false;
        for (;;) {
            const headers = {
                'User-Agent': this.options.userAgent ?? USER_AGENT,
                ...opts.headers
            };
            const authorization = sameOrigin ? this.cachedAuthorization(opts.repo, action) : undefined;
            if (authorization)
                headers.Authorization = authorization;
            const { response, origin } = await this.fetchFollowing(method, url, headers, opts.body, what);
            if (response.status === 401 && !retried && sameOrigin && origin === url.origin) {
                retried = true;
                const challenge = response.headers.get('www-authenticate');
                await response.body?.cancel();
                if (this.credentials && 'registryToken' in this.credentials) {
                    throw new errors_RegistryError(`registry ${this.registry}: ${what}: 401 UNAUTHORIZED: the registry token was refused`, { status: 401, registryCode: 'UNAUTHORIZED' });
                }
                if (await this.authenticate(challenge, opts.repo, action))
                    continue;
                throw new errors_RegistryError(`registry ${this.registry}: ${what}: 401 UNAUTHORIZED: authentication required (${describeCredentials(this.credentials)})`, { status: 401, registryCode: 'UNAUTHORIZED' });
            }
            if (opts.ok.includes(response.status))
                return response;
            const detail = await readErrorBody(response);
            throw new errors_RegistryError(`registry ${this.registry}: ${what}: ${response.status}${detail.suffix}`, { status: response.status, registryCode: detail.code, errors: detail.errors });
        }
    }
    /**
     * One request, following redirects itself (at most MAX_REDIRECTS): the Authorization header is
     * only ever sent to the origin it was meant for (a blob redirected to a CDN or storage bucket on
     * another host never sees the registry token), and an HTTPS → HTTP downgrade is refused.
     * `origin` is where the final response came from.
     */
    async fetchFollowing(method, start, headers, body, what) {
        let url = start;
        let currentMethod = method;
        let currentBody = body;
        let currentHeaders = headers;
        for (let hop = 0;; hop++) {
            let response;
            try {
                response = await this.doFetch(url, {
                    method: currentMethod,
                    headers: currentHeaders,
                    body: currentBody,
                    redirect: 'manual',
                    signal: AbortSignal.timeout(this.options.timeoutMs ?? 60000)
                });
            }
            catch (err) {
                throw new errors_RegistryError(`registry ${this.registry}: ${what}: ${err.message}${causeText(err)}`, { cause: err });
            }
            const location = response.headers.get('location');
            if (![301, 302, 303, 307, 308].includes(response.status) || !location) {
                return { response, origin: url.origin };
            }
            await response.body?.cancel();
            if (hop >= MAX_REDIRECTS) {
                throw new errors_RegistryError(`registry ${this.registry}: ${what}: more than ${MAX_REDIRECTS} redirects`, { status: response.status });
            }
            let next;
            try {
                next = new URL(location, url);
            }
            catch (err) {
                throw new errors_RegistryError(`registry ${this.registry}: ${what}: invalid redirect Location "${location}"`, { status: response.status, cause: err });
            }
            if (next.protocol !== 'https:' && next.protocol !== 'http:') {
                throw new errors_RegistryError(`registry ${this.registry}: ${what}: redirect to unsupported scheme ${next.protocol}`, { status: response.status });
            }
            if (url.protocol === 'https:' && next.protocol === 'http:') {
                throw new errors_RegistryError(`registry ${this.registry}: ${what}: refusing a redirect from HTTPS to plain HTTP (${next.origin})`, { status: response.status });
            }
            if (next.origin !== url.origin) {
                // Credentials are for the registry only, never for the host it redirects to.
                const { Authorization: _dropped, ...rest } = currentHeaders;
                void _dropped;
                currentHeaders = rest;
            }
            if (response.status === 303 ||
                ((response.status === 301 || response.status === 302) && currentMethod === 'POST')) {
                currentMethod = currentMethod === 'HEAD' ? 'HEAD' : 'GET';
                currentBody = undefined;
            }
            url = next;
        }
    }
    /**
     * A tag or digest taken from a registry's own answers (referrers lists, indexes) goes into a URL
     * path: only well-formed tags and sha256/sha384/sha512 digests are let through.
     */
    checkReference(reference, what, digestOnly = false) {
        const ok = reference.includes(':')
            ? isValidDigest(reference) && /^sha(256|384|512):/.test(reference)
            : !digestOnly && /^[\w][\w.-]{0,127}$/.test(reference);
        if (!ok) {
            throw new errors_RegistryError(`registry ${this.registry}: ${what}: invalid ${digestOnly ? 'digest' : 'tag or digest'} "${reference.slice(0, 100)}"`, { status: 400, registryCode: 'DIGEST_INVALID' });
        }
    }
    /** `GET /v2/`: reachability and auth check. */
    async ping() {
        const r = await this.request('GET', '/v2/', { ok: [200], what: 'GET /v2/' });
        await r.body?.cancel();
    }
    // ---------------------------------------------------------------- manifests
    /** GET a manifest by tag or digest; the digest is computed from the body and cross-checked. */
    async getManifest(repo, reference, options = {}) {
        const what = `GET manifest ${repo}:${reference}`;
        this.checkReference(reference, what);
        const r = await this.request('GET', `/v2/${encodeRepo(repo)}/manifests/${reference}`, {
            repo,
            ok: [200],
            what,
            headers: { Accept: (options.accept ?? MANIFEST_ACCEPT).join(', ') }
        });
        const bytes = await readLimited(r, this.options.maxManifestBytes ?? 4 << 20, what);
        const digest = checkContentDigest(bytes, reference, r.headers.get('docker-content-digest'), what);
        let parsed;
        try {
            parsed = JSON.parse(bytes.toString('utf8'));
        }
        catch (err) {
            throw new errors_RegistryError(`registry ${this.registry}: ${what}: body is not JSON`, {
                status: r.status,
                registryCode: 'MANIFEST_INVALID',
                cause: err
            });
        }
        const manifest = checkManifestShape(parsed, what, this.registry);
        const contentType = (r.headers.get('content-type') ?? '').split(';')[0]?.trim();
        const mediaType = manifest.mediaType ??
            (contentType && contentType !== 'application/json'
                ? contentType
                : manifestMediaType(manifest));
        const result = {
            descriptor: { mediaType, digest, size: bytes.byteLength },
            bytes,
            manifest
        };
        const etag = r.headers.get('etag');
        if (etag)
            result.etag = etag;
        return result;
    }
    /** HEAD a manifest; `undefined` when it does not exist. */
    async headManifest(repo, reference, options = {}) {
        this.checkReference(reference, `HEAD manifest ${repo}:${reference}`);
        const r = await this.request('HEAD', `/v2/${encodeRepo(repo)}/manifests/${reference}`, {
            repo,
            // Registries without HEAD support answer 400/405/501: GET instead.
            ok: [200, 404, 400, 405, 501],
            what: `HEAD manifest ${repo}:${reference}`,
            headers: { Accept: (options.accept ?? MANIFEST_ACCEPT).join(', ') }
        });
        await r.body?.cancel();
        if (r.status === 404)
            return undefined;
        if (r.status !== 200)
            return (await this.getManifest(repo, reference, options)).descriptor;
        const digest = r.headers.get('docker-content-digest');
        const size = Number(r.headers.get('content-length') ?? NaN);
        const mediaType = (r.headers.get('content-type') ?? '').split(';')[0]?.trim();
        if (!digest ||
            !isValidDigest(digest) ||
            !Number.isFinite(size) ||
            size <= 0 ||
            !mediaType ||
            mediaType === 'application/json') {
            // Not enough in the headers: fall back to GET (and compute the digest ourselves).
            return (await this.getManifest(repo, reference, options)).descriptor;
        }
        if (reference.includes(':') && digest !== reference) {
            throw new DigestMismatchError(`registry ${this.registry}: HEAD manifest ${repo}@${reference} answered digest ${digest}`);
        }
        return { mediaType, digest, size };
    }
    /**
     * Resolves a tag (or digest) to the manifest descriptor; throws RegistryError 404 when unknown.
     * Uses HEAD (no pull-rate cost on Docker Hub) with a GET fallback.
     */
    async resolve(repo, reference) {
        const d = await this.headManifest(repo, reference);
        if (!d) {
            throw new errors_RegistryError(`registry ${this.registry}: manifest ${repo}${reference.includes(':') ? '@' : ':'}${reference} not found: 404 MANIFEST_UNKNOWN`, { status: 404, registryCode: 'MANIFEST_UNKNOWN' });
        }
        return d;
    }
    /**
     * PUT a manifest by tag or digest (`reference`; default: its own digest). A manifest object is
     * serialized compactly; raw bytes are pushed unchanged. When the manifest has a `subject` and the
     * registry does not answer `OCI-Subject`, the `sha256-<hex>` referrers index tag is updated.
     */
    async putManifest(repo, manifest, options = {}) {
        const bytes = manifest instanceof Uint8Array ? Buffer.from(manifest) : manifestBytes(manifest);
        let parsed;
        try {
            parsed =
                manifest instanceof Uint8Array ? JSON.parse(bytes.toString('utf8')) : manifest;
        }
        catch (err) {
            throw new src/* InputError */.dz('OCI_BAD_MANIFEST', `manifest for ${repo} is not JSON`, { cause: err });
        }
        const mediaType = options.mediaType ?? manifestMediaType(parsed);
        const digest = sha256Digest(bytes);
        const reference = options.reference ?? digest;
        const what = `PUT manifest ${repo}${reference.includes(':') ? '@' : ':'}${reference}`;
        const r = await this.request('PUT', `/v2/${encodeRepo(repo)}/manifests/${reference}`, {
            repo,
            action: 'pull,push',
            ok: [200, 201, 202],
            what,
            headers: { 'Content-Type': mediaType },
            body: bytes
        });
        await r.body?.cancel();
        const answered = r.headers.get('docker-content-digest');
        if (answered && answered.startsWith('sha256:') && answered !== digest) {
            throw new DigestMismatchError(`registry ${this.registry}: ${what}: registry stored digest ${answered}, expected ${digest}`);
        }
        const descriptor = { mediaType, digest, size: bytes.byteLength };
        const result = { descriptor };
        if (parsed.subject) {
            if (r.headers.get('oci-subject')) {
                result.referrers = 'api';
            }
            else if (options.updateReferrersTag !== false) {
                await this.addToReferrersTag(repo, parsed.subject.digest, referrerDescriptor(parsed, descriptor));
                result.referrers = 'tag-schema';
            }
        }
        return result;
    }
    /** DELETE a manifest by digest (the registry must allow deletes). */
    async deleteManifest(repo, digest) {
        const r = await this.request('DELETE', `/v2/${encodeRepo(repo)}/manifests/${digest}`, {
            repo,
            action: 'pull,push',
            ok: [200, 202],
            what: `DELETE manifest ${repo}@${digest}`
        });
        await r.body?.cancel();
    }
    // ---------------------------------------------------------------- blobs
    /** HEAD a blob: its size, or `undefined` when absent. */
    async headBlob(repo, digest) {
        const r = await this.request('HEAD', `/v2/${encodeRepo(repo)}/blobs/${digest}`, {
            repo,
            ok: [200, 404],
            what: `HEAD blob ${repo}@${digest}`
        });
        await r.body?.cancel();
        if (r.status === 404)
            return undefined;
        const size = Number(r.headers.get('content-length') ?? NaN);
        return Number.isFinite(size) ? size : -1;
    }
    /** GET a blob, verifying its digest. `maxBytes` (default 64 MiB) bounds memory use. */
    async getBlob(repo, digest, options = {}) {
        const what = `GET blob ${repo}@${digest}`;
        this.checkReference(digest, what, true);
        const r = await this.request('GET', `/v2/${encodeRepo(repo)}/blobs/${digest}`, {
            repo,
            ok: [200],
            what
        });
        const bytes = await readLimited(r, options.maxBytes ?? 64 << 20, what);
        checkContentDigest(bytes, digest, null, what);
        return bytes;
    }
    /**
     * Uploads a blob monolithically (POST then PUT `?digest=`), skipping the upload when the registry
     * already has it. Returns its descriptor (`mediaType` defaults to octet-stream).
     */
    async pushBlob(repo, data, options = {}) {
        const bytes = Buffer.from(data);
        const digest = sha256Digest(bytes);
        const descriptor = {
            mediaType: options.mediaType ?? 'application/octet-stream',
            digest,
            size: bytes.byteLength
        };
        if ((await this.headBlob(repo, digest)) !== undefined)
            return descriptor;
        const what = `upload blob ${repo}@${digest}`;
        const start = await this.request('POST', `/v2/${encodeRepo(repo)}/blobs/uploads/`, {
            repo,
            action: 'pull,push',
            ok: [201, 202],
            what
        });
        await start.body?.cancel();
        if (start.status === 201)
            return descriptor;
        const location = start.headers.get('location');
        if (!location) {
            throw new errors_RegistryError(`registry ${this.registry}: ${what}: no Location in upload response`, {
                status: start.status
            });
        }
        const uploadUrl = new URL(location, this.baseUrl);
        uploadUrl.searchParams.set('digest', digest);
        const put = await this.request('PUT', uploadUrl.toString(), {
            repo,
            action: 'pull,push',
            ok: [201, 204],
            what,
            headers: { 'Content-Type': 'application/octet-stream' },
            body: bytes
        });
        await put.body?.cancel();
        const answered = put.headers.get('docker-content-digest');
        if (answered && answered !== digest) {
            throw new DigestMismatchError(`registry ${this.registry}: ${what}: registry stored digest ${answered}, expected ${digest}`);
        }
        return descriptor;
    }
    // ---------------------------------------------------------------- tags
    /** All tags of `repo` (follows `Link: <…>; rel="next"` pagination; `pageSize` default 1000). */
    async listTags(repo, options = {}) {
        const tags = [];
        const seen = new Set();
        let next = `/v2/${encodeRepo(repo)}/tags/list?n=${options.pageSize ?? 1000}`;
        for (let page = 0; next && page < 1000 && !seen.has(next); page++) {
            seen.add(next);
            const r = await this.request('GET', next, {
                repo,
                ok: [200],
                what: `list tags of ${repo}`
            });
            const body = (await readJson(r, 16 << 20, `list tags of ${repo}`).catch(() => ({})));
            if (Array.isArray(body.tags)) {
                for (const t of body.tags)
                    if (typeof t === 'string')
                        tags.push(t);
            }
            next = nextLink(r.headers.get('link'));
        }
        return tags;
    }
    // ---------------------------------------------------------------- referrers
    /**
     * Lists the referrers of `digest`: the OCI 1.1 referrers API when the registry has it, else the
     * `sha256-<hex>` referrers tag schema. Filters by `artifactType` (server- or client-side).
     */
    async referrers(repo, digest, options = {}) {
        const filter = (list) => options.artifactType ? list.filter(d => d.artifactType === options.artifactType) : list;
        if (this.referrersApi.get(repo) !== false) {
            const viaApi = await this.referrersFromApi(repo, digest, options.artifactType);
            if (viaApi) {
                this.referrersApi.set(repo, true);
                return { via: 'api', manifests: filter(viaApi) };
            }
            this.referrersApi.set(repo, false);
        }
        return { via: 'tag-schema', manifests: filter(await this.referrersFromTag(repo, digest)) };
    }
    /** Whether the registry serves the referrers API for `repo` (probed once, cached). */
    async supportsReferrersApi(repo) {
        const known = this.referrersApi.get(repo);
        if (known !== undefined)
            return known;
        const probe = await this.referrersFromApi(repo, `sha256:${'0'.repeat(64)}`);
        this.referrersApi.set(repo, probe !== undefined);
        return probe !== undefined;
    }
    async referrersFromApi(repo, digest, artifactType) {
        let next = `/v2/${encodeRepo(repo)}/referrers/${digest}`;
        if (artifactType)
            next += `?artifactType=${encodeURIComponent(artifactType)}`;
        const all = [];
        for (let page = 0; next && page < 100; page++) {
            const r = await this.request('GET', next, {
                repo,
                ok: [200, 400, 404, 405, 406, 501],
                what: `GET referrers of ${repo}@${digest}`,
                headers: { Accept: types_MediaType.OciIndex }
            });
            if (r.status !== 200) {
                await r.body?.cancel();
                return page === 0 ? undefined : all;
            }
            const body = (await readJson(r, 16 << 20, `referrers of ${repo}@${digest}`).catch(() => undefined));
            if (!body || !Array.isArray(body.manifests)) {
                if (page === 0)
                    return undefined; // not a usable referrers answer: use the tag schema
                break;
            }
            // Entries that are not descriptors are dropped, not trusted.
            all.push(...body.manifests.filter(isDescriptor));
            next = nextLink(r.headers.get('link'));
        }
        return all;
    }
    async referrersFromTag(repo, digest) {
        const tag = referrersTag(digest);
        let fetched;
        try {
            fetched = await this.getManifest(repo, tag, {
                accept: [types_MediaType.OciIndex, ...MANIFEST_ACCEPT]
            });
        }
        catch (err) {
            if (err instanceof errors_RegistryError && err.status === 404)
                return [];
            throw err;
        }
        if (!types_isIndex(fetched.manifest))
            return [];
        return fetched.manifest.manifests;
    }
    /**
     * Adds `descriptor` to the `sha256-<hex>` referrers index of `subjectDigest` (read-modify-write,
     * `If-Match` when the registry gives an ETag, re-read to confirm, a few retries on races).
     */
    async addToReferrersTag(repo, subjectDigest, descriptor) {
        return client_withTagLock(this.registry, repo, referrersTag(subjectDigest), () => this.addToReferrersTagUnlocked(repo, subjectDigest, descriptor));
    }
    async addToReferrersTagUnlocked(repo, subjectDigest, descriptor) {
        const tag = referrersTag(subjectDigest);
        for (let attempt = 0; attempt < 5; attempt++) {
            let index = { schemaVersion: 2, mediaType: types_MediaType.OciIndex, manifests: [] };
            let etag;
            try {
                const current = await this.getManifest(repo, tag, {
                    accept: [types_MediaType.OciIndex, ...MANIFEST_ACCEPT]
                });
                if (!types_isIndex(current.manifest)) {
                    throw new errors_RegistryError(`registry ${this.registry}: tag ${repo}:${tag} exists but is not a referrers index; not overwriting it`, { status: 409 });
                }
                index = current.manifest;
                etag = current.etag;
            }
            catch (err) {
                if (!(err instanceof errors_RegistryError && err.status === 404))
                    throw err;
            }
            if (index.manifests.some(d => d.digest === descriptor.digest))
                return;
            const updated = {
                schemaVersion: 2,
                mediaType: types_MediaType.OciIndex,
                manifests: [...index.manifests, descriptor]
            };
            const bytes = manifestBytes(updated);
            const headers = { 'Content-Type': types_MediaType.OciIndex };
            if (etag)
                headers['If-Match'] = etag;
            const r = await this.request('PUT', `/v2/${encodeRepo(repo)}/manifests/${tag}`, {
                repo,
                action: 'pull,push',
                ok: [200, 201, 202, 412],
                what: `PUT referrers index ${repo}:${tag}`,
                headers,
                body: bytes
            });
            await r.body?.cancel();
            if (r.status === 412)
                continue;
            const check = await this.referrersFromTag(repo, subjectDigest);
            if (check.some(d => d.digest === descriptor.digest))
                return;
        }
        throw new errors_RegistryError(`registry ${this.registry}: could not update referrers index ${repo}:${tag} (concurrent writers?)`, { status: 409 });
    }
}
const tagLocks = new Map();
/**
 * Runs `fn` after every earlier read-modify-write of the same registry/repo/tag in this process
 * (registries without conditional PUTs would otherwise lose concurrent updates of one tag).
 */
async function client_withTagLock(registry, repo, tag, fn) {
    const key = `${registry}/${repo}:${tag}`;
    const previous = tagLocks.get(key) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const settled = run.then(() => undefined, () => undefined);
    tagLocks.set(key, settled);
    try {
        return await run;
    }
    finally {
        if (tagLocks.get(key) === settled)
            tagLocks.delete(key);
    }
}
/** The descriptor of a referrer as it appears in a referrers list. */
function referrerDescriptor(manifest, descriptor) {
    const d = {
        mediaType: descriptor.mediaType,
        digest: descriptor.digest,
        size: descriptor.size
    };
    const artifactType = manifest.artifactType ?? (types_isIndex(manifest) ? undefined : manifest.config.mediaType);
    if (artifactType)
        d.artifactType = artifactType;
    if (manifest.annotations && Object.keys(manifest.annotations).length) {
        d.annotations = manifest.annotations;
    }
    return d;
}
function nextLink(link) {
    if (!link)
        return undefined;
    for (const part of link.split(',')) {
        const m = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part);
        if (m)
            return m[1];
    }
    return undefined;
}
function causeText(err) {
    const cause = err.cause;
    if (!cause)
        return '';
    return ` (${cause.code ?? cause.message ?? ''})`;
}
async function readErrorBody(response) {
    const text = await readLimited(response, 1 << 16, 'error body')
        .then(b => b.toString('utf8'))
        .catch(() => '');
    let errors = [];
    try {
        const parsed = JSON.parse(text);
        if (Array.isArray(parsed.errors)) {
            errors = parsed.errors.filter((e) => typeof e === 'object' && e !== null && typeof e.code === 'string');
        }
    }
    catch {
        // not a distribution error body
    }
    const first = errors[0];
    if (first) {
        const suffix = ` ${first.code}${first.message ? `: ${first.message}` : ''}`;
        return { code: first.code, errors, suffix };
    }
    const snippet = text.trim().slice(0, 200).replace(/\s+/g, ' ');
    return { errors, suffix: snippet ? ` ${snippet}` : '' };
}
async function readLimited(response, max, what) {
    const tooLarge = (size) => new errors_RegistryError(`${what}: ${size} bytes exceeds the limit of ${max}`, {
        status: response.status,
        registryCode: 'SIZE_INVALID'
    });
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > max) {
        await response.body?.cancel();
        throw tooLarge(String(declared));
    }
    if (!response.body)
        return Buffer.alloc(0);
    // Stream with a cap: a chunked (or lying) response never gets buffered past `max`.
    const chunks = [];
    let total = 0;
    const reader = response.body.getReader();
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        total += value.byteLength;
        if (total > max) {
            await reader.cancel();
            throw tooLarge(`more than ${max}`);
        }
        chunks.push(Buffer.from(value));
    }
    return Buffer.concat(chunks, total);
}
/** A descriptor at least has a string mediaType and digest and a numeric size. */
function isDescriptor(d) {
    return (typeof d === 'object' &&
        d !== null &&
        typeof d.mediaType === 'string' &&
        typeof d.digest === 'string' &&
        typeof d.size === 'number');
}
/** JSON body read with a size cap (a huge or endless answer is an error, not an OOM). */
async function readJson(response, max, what) {
    return JSON.parse((await readLimited(response, max, what)).toString('utf8'));
}
/**
 * Checks that a parsed body is a schema 2 manifest we can read: an image manifest (`config` and
 * `layers`) or an index / manifest list (`manifests`). Docker schema 1 and anything else is refused.
 */
function checkManifestShape(manifest, what, registry) {
    const fail = (why) => new errors_RegistryError(`registry ${registry}: ${what}: ${why}`, {
        status: 200,
        registryCode: 'MANIFEST_INVALID'
    });
    if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
        throw fail('body is not a manifest');
    }
    const m = manifest;
    if (m.schemaVersion !== 2) {
        throw fail(`unsupported manifest schemaVersion ${JSON.stringify(m.schemaVersion)}${m.schemaVersion === 1 ? ' (Docker schema 1 is deprecated and not supported)' : ''}`);
    }
    if (Array.isArray(m.manifests)) {
        if (!m.manifests.every(isDescriptor))
            throw fail('index has a malformed descriptor');
        return manifest;
    }
    if (!isDescriptor(m.config) || !Array.isArray(m.layers) || !m.layers.every(isDescriptor)) {
        throw fail('neither an image manifest (config, layers) nor an index (manifests)');
    }
    return manifest;
}
/**
 * Computes the digest of `bytes`; when `reference` is a digest it must match, and a sha256
 * `Docker-Content-Digest` header must match too.
 */
function checkContentDigest(bytes, reference, header, what) {
    if (reference.includes(':')) {
        const algorithm = reference.slice(0, reference.indexOf(':'));
        const actual = digestWithAlgorithm(algorithm, bytes);
        if (actual !== reference) {
            throw new DigestMismatchError(`${what}: content digest is ${actual}, expected ${reference}`);
        }
        return actual;
    }
    const actual = sha256Digest(bytes);
    if (header && header.startsWith('sha256:') && header !== actual) {
        throw new DigestMismatchError(`${what}: registry said Docker-Content-Digest ${header}, content is ${actual}`);
    }
    return actual;
}

;// CONCATENATED MODULE: ./packages/oci/src/synthetic.ts


/**
 * Pushes a tiny OCI image (config blob + one layer + manifest) to `repo`, tagged `tag` when given.
 * `seed` makes the content (and so the digest) distinct and reproducible. For tests and demos.
 */
async function pushSyntheticImage(client, repo, options = {}) {
    const seed = options.seed ?? `${Date.now()}-${Math.random()}`;
    const docker = options.format === 'docker';
    // The "layer" is not a real tarball; registries do not look inside layers.
    const layerBytes = Buffer.from(`secure-pipeline synthetic layer ${seed}\n`);
    const layer = await client.pushBlob(repo, layerBytes, {
        mediaType: docker ? MediaType.DockerLayerGzip : MediaType.OciLayer
    });
    const diffId = `sha256:${createHash('sha256').update(layerBytes).digest('hex')}`;
    const configBytes = Buffer.from(JSON.stringify({
        architecture: 'amd64',
        os: 'linux',
        config: { Labels: { 'dev.secure-pipeline.synthetic': seed } },
        rootfs: { type: 'layers', diff_ids: [diffId] }
    }));
    const config = await client.pushBlob(repo, configBytes, {
        mediaType: docker ? MediaType.DockerConfig : MediaType.OciConfig
    });
    const manifest = {
        schemaVersion: 2,
        mediaType: docker ? MediaType.DockerManifest : MediaType.OciManifest,
        config,
        layers: [layer]
    };
    const { descriptor } = await client.putManifest(repo, manifest, options.tag ? { reference: options.tag } : {});
    return { descriptor, manifest, config, layer };
}

;// CONCATENATED MODULE: ./packages/oci/src/image.ts


/**
 * Parses `ref`, makes a client for its registry (or uses `options.client`) and resolves the tag
 * or digest to the manifest descriptor. With both a tag and a digest, the digest wins (as docker).
 */
async function resolveImage(ref, options = {}) {
    const reference = typeof ref === 'string' ? parseReference(ref) : ref;
    const client = options.client ?? new RegistryClient(reference.registry, options);
    const descriptor = await client.resolve(reference.repository, reference.digest ?? reference.tag ?? 'latest');
    return { client, reference, pinned: withDigest(reference, descriptor.digest), descriptor };
}

;// CONCATENATED MODULE: ./packages/oci/src/cosign.ts
/**
 * cosign's two ways of storing signatures and attestations next to an image:
 *
 * (a) cosign v3 (default): a Sigstore bundle stored as an OCI 1.1 artifact manifest whose
 *     `subject` is the signed image, `artifactType` and single layer of media type
 *     `application/vnd.dev.sigstore.bundle.v0.3+json`, empty config, annotations
 *     `dev.sigstore.bundle.content`, `dev.sigstore.bundle.predicateType`,
 *     `org.opencontainers.image.created`. Found through the referrers API or its tag-schema
 *     fallback (`sha256-<hex>` index).
 * (b) cosign ≤ v2 (legacy, still read by cosign v3 verify): tag `sha256-<hex>.sig`, an OCI image
 *     whose layers are simple-signing payloads (`application/vnd.dev.cosign.simplesigning.v1+json`)
 *     with the signature, certificate, chain and Rekor bundle as layer annotations; and tag
 *     `sha256-<hex>.att` whose layers are DSSE envelopes (`application/vnd.dsse.envelope.v1+json`)
 *     with a `predicateType` annotation.
 *
 * Writers build exactly these layouts; readers return the raw parts (payload bytes, base64
 * signature, PEMs, bundle JSON). They verify nothing cryptographic: that is packages/sigstore.
 */




const CosignMediaType = {
    SimpleSigning: 'application/vnd.dev.cosign.simplesigning.v1+json',
    DsseEnvelope: 'application/vnd.dsse.envelope.v1+json',
    BundleV03: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    /** Prefix shared by every Sigstore bundle media type (v0.1–v0.3). */
    BundlePrefix: 'application/vnd.dev.sigstore.bundle'
};
const CosignAnnotation = {
    Signature: 'dev.cosignproject.cosign/signature',
    Certificate: 'dev.sigstore.cosign/certificate',
    Chain: 'dev.sigstore.cosign/chain',
    Bundle: 'dev.sigstore.cosign/bundle',
    RFC3161Timestamp: 'dev.sigstore.cosign/rfc3161timestamp',
    PredicateType: 'predicateType',
    BundleContent: 'dev.sigstore.bundle.content',
    BundlePredicateType: 'dev.sigstore.bundle.predicateType',
    Created: 'org.opencontainers.image.created'
};
/** predicateType cosign v3 uses for a plain `cosign sign` of an image. */
const cosign_COSIGN_SIGN_PREDICATE_TYPE = 'https://sigstore.dev/cosign/sign/v1';
const SIMPLE_SIGNING_TYPE = 'cosign container image signature';
/** `sha256-<hex>.sig`, `.att`, `.sbom`: cosign's legacy tags for `digest`. */
function cosignTag(digest, suffix) {
    return `${referrersTag(digest)}.${suffix}`;
}
/** Go `encoding/json` escapes these; do the same so payload bytes match cosign's. */
function goEscape(json) {
    return json
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/&/g, '\\u0026')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029');
}
/** JSON with object keys sorted (Go marshals maps that way). */
function sortedJson(value) {
    if (value === null || typeof value !== 'object')
        return JSON.stringify(value) ?? 'null';
    if (Array.isArray(value))
        return `[${value.map(v => sortedJson(v)).join(',')}]`;
    const entries = Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${sortedJson(v)}`).join(',')}}`;
}
/**
 * The simple-signing payload cosign signs for an image, byte for byte as cosign marshals it:
 * `{"critical":{"identity":{"docker-reference":R},"image":{"docker-manifest-digest":D},"type":"cosign container image signature"},"optional":null|{…}}`.
 * `dockerReference` is the repository without tag (see `dockerReference()` in reference.ts).
 */
function simpleSigningPayload(input) {
    const optional = input.annotations && Object.keys(input.annotations).length
        ? sortedJson(input.annotations)
        : 'null';
    const json = `{"critical":{"identity":{"docker-reference":${JSON.stringify(input.dockerReference)}},` +
        `"image":{"docker-manifest-digest":${JSON.stringify(input.manifestDigest)}},` +
        `"type":${JSON.stringify(SIMPLE_SIGNING_TYPE)}},"optional":${optional}}`;
    return Buffer.from(goEscape(json));
}
function badPayload(why) {
    return new src/* VerificationError */.mk('OCI_BAD_SIMPLE_SIGNING', `invalid simple-signing payload: ${why}`);
}
/** Parses a simple-signing payload; VerificationError (exit 1) when it is not one. */
function parseSimpleSigningPayload(bytes) {
    let parsed;
    try {
        parsed = JSON.parse(typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8'));
    }
    catch {
        throw badPayload('not JSON');
    }
    const critical = parsed?.critical;
    if (!critical || typeof critical !== 'object')
        throw badPayload('missing "critical"');
    const dockerReference = critical.identity?.['docker-reference'];
    const manifestDigest = critical.image?.['docker-manifest-digest'];
    if (typeof dockerReference !== 'string')
        throw badPayload('missing critical.identity.docker-reference');
    if (typeof manifestDigest !== 'string')
        throw badPayload('missing critical.image.docker-manifest-digest');
    if (typeof critical.type !== 'string')
        throw badPayload('missing critical.type');
    const optional = parsed.optional;
    return {
        dockerReference,
        manifestDigest,
        type: critical.type,
        optional: optional && typeof optional === 'object' && !Array.isArray(optional)
            ? optional
            : null
    };
}
// ------------------------------------------------------------------ helpers
function toBytes(value) {
    if (value instanceof Uint8Array)
        return Buffer.from(value);
    if (typeof value === 'string')
        return Buffer.from(value);
    return Buffer.from(JSON.stringify(value));
}
function annotationText(value) {
    if (value === undefined)
        return undefined;
    return typeof value === 'string' ? value : JSON.stringify(value);
}
function rfc3339(date) {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/** predicateType of a DSSE envelope carrying an in-toto statement, if readable. */
function dssePredicateType(envelope) {
    try {
        const env = (envelope instanceof Uint8Array || typeof envelope === 'string'
            ? JSON.parse(Buffer.from(envelope).toString('utf8'))
            : envelope);
        if (typeof env?.payload !== 'string')
            return undefined;
        const statement = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8'));
        return typeof statement.predicateType === 'string' ? statement.predicateType : undefined;
    }
    catch {
        return undefined;
    }
}
/** `dsse-envelope` or `message-signature` (and the predicateType) of a Sigstore bundle JSON. */
function describeBundle(bundle) {
    let json;
    try {
        json = (bundle instanceof Uint8Array || typeof bundle === 'string'
            ? JSON.parse(Buffer.from(bundle).toString('utf8'))
            : bundle);
    }
    catch {
        return {};
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json))
        return {};
    const out = {};
    if (typeof json.mediaType === 'string')
        out.mediaType = json.mediaType;
    if (json.dsseEnvelope && typeof json.dsseEnvelope === 'object') {
        out.content = 'dsse-envelope';
        const pt = dssePredicateType(json.dsseEnvelope);
        if (pt)
            out.predicateType = pt;
    }
    else if (json.messageSignature) {
        out.content = 'message-signature';
    }
    return out;
}
/**
 * Stores a Sigstore bundle as cosign v3 does: an OCI 1.1 artifact manifest pushed by digest with
 * `subject` = the image. On registries without the referrers API the `sha256-<hex>` index tag is
 * updated (result `referrers: 'tag-schema'`).
 */
async function writeBundleReferrer(client, repository, subject, bundle, options = {}) {
    const bytes = toBytes(bundle);
    const info = describeBundle(bytes);
    const mediaType = options.mediaType ?? CosignMediaType.BundleV03;
    await client.pushBlob(repository, EMPTY_JSON, { mediaType: types_MediaType.OciEmpty });
    const layer = await client.pushBlob(repository, bytes, { mediaType });
    const annotations = {};
    const content = options.content ?? info.content;
    if (content)
        annotations[CosignAnnotation.BundleContent] = content;
    const predicateType = options.predicateType ?? info.predicateType;
    if (predicateType)
        annotations[CosignAnnotation.BundlePredicateType] = predicateType;
    annotations[CosignAnnotation.Created] = rfc3339(options.created ?? new Date());
    Object.assign(annotations, options.annotations);
    const manifest = {
        schemaVersion: 2,
        mediaType: types_MediaType.OciManifest,
        artifactType: mediaType,
        config: EMPTY_DESCRIPTOR,
        layers: [layer],
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
        annotations
    };
    return client.putManifest(repository, manifest);
}
/**
 * Reads every Sigstore bundle attached to `subjectDigest` (referrers API, else tag schema),
 * optionally only those of a given predicateType (the `dev.sigstore.bundle.predicateType`
 * annotation, or the DSSE statement's when the annotation is absent; the annotation is only a
 * hint — the verifier must check the signed statement). Manifests whose `subject` is not
 * `subjectDigest` are skipped.
 */
async function readBundleReferrers(client, repository, subjectDigest, options = {}) {
    const listed = await client.referrers(repository, subjectDigest);
    const bundles = [];
    const skipped = [];
    for (const d of listed.manifests) {
        if (d.artifactType !== undefined && !d.artifactType.startsWith(CosignMediaType.BundlePrefix))
            continue;
        if (d.mediaType !== types_MediaType.OciManifest)
            continue;
        try {
            const stored = await readOneBundleReferrer(client, repository, subjectDigest, d, options);
            if (stored)
                bundles.push(stored);
        }
        catch (err) {
            // One unreadable entry (missing or tampered manifest/blob, oversized) must not hide the others.
            if (!isSkippable(err))
                throw err;
            skipped.push({ entry: `referrer ${d.digest}`, reason: err.message });
        }
    }
    return { via: listed.via, bundles, skipped };
}
/**
 * Content problems of one entry: gone (404), not matching its digest, too large, not a manifest.
 * Auth failures, 5xx and unreachable registries still fail the whole operation (exit 2).
 */
function isSkippable(err) {
    if (err instanceof DigestMismatchError)
        return true;
    return (err instanceof errors_RegistryError &&
        (err.status === 404 || err.status === 200 || err.registryCode === 'DIGEST_INVALID'));
}
async function readOneBundleReferrer(client, repository, subjectDigest, d, options) {
    const fetched = await client.getManifest(repository, d.digest);
    const m = fetched.manifest;
    if (types_isIndex(m) || m.subject?.digest !== subjectDigest)
        return undefined;
    const layer = m.layers.find(l => l.mediaType.startsWith(CosignMediaType.BundlePrefix));
    const artifactType = m.artifactType ?? m.config.mediaType;
    if (!layer || !artifactType.startsWith(CosignMediaType.BundlePrefix))
        return undefined;
    const annotations = m.annotations ?? {};
    const annotated = annotations[CosignAnnotation.BundlePredicateType];
    if (options.predicateType !== undefined &&
        annotated !== undefined &&
        annotated !== options.predicateType) {
        return undefined;
    }
    const bundle = await client.getBlob(repository, layer.digest, { maxBytes: 16 << 20 });
    // Writers that omit the annotation (e.g. @sigstore/oci without annotations): read the statement.
    const predicateType = annotated ?? describeBundle(bundle).predicateType;
    if (options.predicateType !== undefined && predicateType !== options.predicateType)
        return undefined;
    const stored = {
        manifest: fetched.descriptor,
        mediaType: layer.mediaType,
        annotations,
        bundle
    };
    if (predicateType !== undefined)
        stored.predicateType = predicateType;
    return stored;
}
function layerAnnotations(parts, signature) {
    const a = { [CosignAnnotation.Signature]: signature };
    if (parts.certificate)
        a[CosignAnnotation.Certificate] = parts.certificate;
    if (parts.chain)
        a[CosignAnnotation.Chain] = parts.chain;
    const bundle = annotationText(parts.rekorBundle);
    if (bundle)
        a[CosignAnnotation.Bundle] = bundle;
    const ts = annotationText(parts.rfc3161Timestamp);
    if (ts)
        a[CosignAnnotation.RFC3161Timestamp] = ts;
    return { ...a, ...parts.annotations };
}
/** Appends a layer to the legacy image under `tag` (creating it), as cosign's mutate does. */
async function appendLegacyLayer(client, repository, tag, payload, mediaType, annotations, replace) {
    return withTagLock(client.registry, repository, tag, () => appendLegacyLayerUnlocked(client, repository, tag, payload, mediaType, annotations, replace));
}
async function appendLegacyLayerUnlocked(client, repository, tag, payload, mediaType, annotations, replace) {
    let layers = [];
    let manifestMediaType = MediaType.OciManifest;
    let configMediaType = MediaType.OciConfig;
    if (!replace) {
        try {
            const existing = await client.getManifest(repository, tag);
            if (!isIndex(existing.manifest)) {
                layers = existing.manifest.layers;
                manifestMediaType = existing.descriptor.mediaType;
                configMediaType = existing.manifest.config.mediaType;
            }
        }
        catch (err) {
            if (!(err instanceof RegistryError && err.status === 404))
                throw err;
        }
    }
    const layer = await client.pushBlob(repository, payload, { mediaType });
    const sameLayer = (l) => l.digest === layer.digest &&
        l.annotations?.[CosignAnnotation.Signature] === annotations[CosignAnnotation.Signature];
    if (!layers.some(sameLayer))
        layers = [...layers, { ...layer, annotations }];
    // The config go-containerregistry writes for empty.Image plus appended layers.
    const config = Buffer.from(JSON.stringify({
        architecture: '',
        created: '0001-01-01T00:00:00Z',
        history: layers.map(() => ({ created: '0001-01-01T00:00:00Z' })),
        os: '',
        rootfs: { type: 'layers', diff_ids: layers.map(l => l.digest) },
        config: {}
    }));
    const configDescriptor = await client.pushBlob(repository, config, { mediaType: configMediaType });
    const manifest = {
        schemaVersion: 2,
        mediaType: manifestMediaType,
        config: configDescriptor,
        layers
    };
    const { descriptor } = await client.putManifest(repository, manifest, { reference: tag });
    return { tag, descriptor, layers: layers.length };
}
/**
 * Writes a cosign ≤ v2 signature: a layer (the simple-signing payload) with the signature and
 * certificate/chain/Rekor-bundle annotations, appended to the `sha256-<hex>.sig` image (or
 * replacing it with `replace: true`). An identical layer+signature is not added twice.
 */
async function writeLegacySignature(client, repository, subjectDigest, input, options = {}) {
    return appendLegacyLayer(client, repository, cosignTag(subjectDigest, 'sig'), Buffer.from(input.payload), CosignMediaType.SimpleSigning, layerAnnotations(input, input.signature), options.replace ?? false);
}
/** Writes a cosign ≤ v2 attestation (DSSE envelope layer) under `sha256-<hex>.att`. */
async function writeLegacyAttestation(client, repository, subjectDigest, input, options = {}) {
    const envelope = toBytes(input.envelope);
    const annotations = layerAnnotations(input, '');
    const predicateType = input.predicateType ?? dssePredicateType(envelope);
    if (predicateType)
        annotations[CosignAnnotation.PredicateType] = predicateType;
    return appendLegacyLayer(client, repository, cosignTag(subjectDigest, 'att'), envelope, CosignMediaType.DsseEnvelope, annotations, options.replace ?? false);
}
async function readLegacyLayers(client, repository, tag, mediaType, onSkip) {
    let fetched;
    try {
        fetched = await client.getManifest(repository, tag);
    }
    catch (err) {
        if (err instanceof errors_RegistryError && err.status === 404)
            return [];
        if (!isSkippable(err))
            throw err;
        onSkip?.({ entry: tag, reason: err.message });
        return [];
    }
    if (types_isIndex(fetched.manifest))
        return [];
    const out = [];
    for (const layer of fetched.manifest.layers) {
        if (layer.mediaType !== mediaType)
            continue;
        try {
            const data = await client.getBlob(repository, layer.digest, { maxBytes: 16 << 20 });
            out.push({ layer, annotations: layer.annotations ?? {}, data });
        }
        catch (err) {
            // A missing or tampered layer is one unusable signature, not a reason to ignore the rest.
            if (!isSkippable(err))
                throw err;
            onSkip?.({ entry: `${tag} layer ${layer.digest}`, reason: err.message });
        }
    }
    return out;
}
function legacyParts(annotations) {
    const parts = {};
    const cert = annotations[CosignAnnotation.Certificate];
    if (cert)
        parts.certificate = cert;
    const chain = annotations[CosignAnnotation.Chain];
    if (chain)
        parts.chain = chain;
    const bundle = annotations[CosignAnnotation.Bundle];
    if (bundle)
        parts.rekorBundle = bundle;
    const ts = annotations[CosignAnnotation.RFC3161Timestamp];
    if (ts)
        parts.rfc3161Timestamp = ts;
    return parts;
}
/** Reads the `sha256-<hex>.sig` signatures of `subjectDigest` ([] when there are none). */
async function readLegacySignatures(client, repository, subjectDigest, options = {}) {
    const layers = await readLegacyLayers(client, repository, cosignTag(subjectDigest, 'sig'), CosignMediaType.SimpleSigning, options.onSkip);
    return layers.map(({ layer, annotations, data }) => ({
        layer,
        annotations,
        payload: data,
        signature: annotations[CosignAnnotation.Signature] ?? '',
        ...legacyParts(annotations)
    }));
}
/** Reads the `sha256-<hex>.att` attestations of `subjectDigest`, optionally by predicateType. */
async function readLegacyAttestations(client, repository, subjectDigest, options = {}) {
    const layers = await readLegacyLayers(client, repository, cosignTag(subjectDigest, 'att'), CosignMediaType.DsseEnvelope, options.onSkip);
    const out = [];
    for (const { layer, annotations, data } of layers) {
        const predicateType = annotations[CosignAnnotation.PredicateType] ?? dssePredicateType(data);
        if (options.predicateType !== undefined && predicateType !== options.predicateType)
            continue;
        const a = { layer, annotations, envelope: data, ...legacyParts(annotations) };
        if (predicateType !== undefined)
            a.predicateType = predicateType;
        out.push(a);
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/oci/src/index.ts
/**
 * @secure-pipeline/oci — OCI registry client and cosign storage layouts (no dependencies beyond
 * Node built-ins). Used by packages/sigstore to sign and verify images.
 *
 * References (reference.ts)
 *   parseReference('alpine') → { registry: 'docker.io', repository: 'library/alpine', tag: 'latest' }
 *   parseReference('127.0.0.1:5000/app@sha256:…') → { registry, repository, digest }
 *   formatReference / familiarReference / withDigest(ref, digest) / repositoryName(ref)
 *   dockerReference(ref)  → what cosign puts in `critical.identity.docker-reference`
 *                           (`index.docker.io/library/alpine` for Docker Hub)
 *   isPlainHttpRegistry(registry, insecure[]) — localhost, *.localhost, 127/8, [::1] + listed
 *   Bad references throw InputError('OCI_BAD_REFERENCE') → exit 2.
 *
 * Client (client.ts): one per registry; methods take the repository name.
 *   const client = new RegistryClient(ref.registry, { credentials?, dockerConfig?, env?,
 *                                     insecureRegistries?, fetch?, timeoutMs? })
 *   await client.resolve(repo, tagOrDigest)       → Descriptor {mediaType, digest, size} (404 throws)
 *   await client.headManifest(repo, ref)          → Descriptor | undefined
 *   await client.getManifest(repo, ref)           → { descriptor, bytes, manifest, etag? } (digest checked)
 *   await client.putManifest(repo, manifest|bytes, { reference? })  → { descriptor, referrers? }
 *        (by its digest unless `reference` is a tag; a manifest with `subject` is made discoverable:
 *         `referrers: 'api'` when the registry answers OCI-Subject, else the sha256-<hex> index tag
 *         is read-modified-written: `referrers: 'tag-schema'`)
 *   await client.pushBlob(repo, bytes, { mediaType? })  → Descriptor (HEAD first, POST+PUT)
 *   await client.getBlob(repo, digest) / headBlob(repo, digest)   (digest checked)
 *   await client.listTags(repo, { pageSize? }) / deleteManifest(repo, digest) / ping()
 *   await client.referrers(repo, digest, { artifactType? }) → { via: 'api'|'tag-schema', manifests }
 *   await client.supportsReferrersApi(repo)
 *   resolveImage('ghcr.io/o/app:v1', clientOptions) → { client, reference, pinned, descriptor }
 *
 * Auth: on a 401 the client answers the WWW-Authenticate challenge — Bearer token dance
 * (anonymous, Basic credentials to the realm, or an OAuth2 refresh token) or Basic. Credentials:
 *   explicit `credentials`: { username, password } (e.g. { username: actor, password: GITHUB_TOKEN }
 *   for ghcr.io) | { identityToken } | { registryToken }; otherwise looked up lazily (only after
 *   a 401) in ~/.docker/config.json ($DOCKER_CONFIG): credHelpers / credsStore
 *   (docker-credential-<name>, only if on PATH), then auths (base64 `auth`, identitytoken,
 *   registrytoken). `dockerConfig: false` disables the lookup. credentialsFromDockerConfig() is
 *   exported too. Secrets never appear in error messages.
 *
 * cosign layouts (cosign.ts) — writers build the layout, readers return raw parts, nothing is
 * verified cryptographically here:
 *   (a) v3 bundle referrer:
 *     writeBundleReferrer(client, repo, subjectDescriptor, bundleJson, { predicateType?, content?,
 *       created?, annotations? }) → { descriptor, referrers: 'api'|'tag-schema' }
 *     readBundleReferrers(client, repo, subjectDigest, { predicateType? })
 *       → { via, bundles: [{ manifest, mediaType, annotations, predicateType?, bundle: Buffer }],
 *           skipped: [{ entry, reason }] }   (unreadable entries: 404, digest mismatch, too large)
 *   (b) legacy cosign v2:
 *     simpleSigningPayload({ dockerReference, manifestDigest, annotations? }) → Buffer (bytes cosign signs)
 *     parseSimpleSigningPayload(bytes) → { dockerReference, manifestDigest, type, optional }
 *       (VerificationError exit 1 when malformed)
 *     writeLegacySignature(client, repo, subjectDigest, { payload, signature (base64),
 *       certificate?, chain?, rekorBundle?, rfc3161Timestamp?, annotations? }, { replace? })
 *       → { tag: 'sha256-<hex>.sig', descriptor, layers }   (appends a layer, like cosign)
 *     readLegacySignatures(client, repo, subjectDigest, { onSkip? })
 *       → [{ payload: Buffer, signature, certificate?, chain?, rekorBundle? (JSON text),
 *            rfc3161Timestamp?, annotations, layer }]      ([] when no .sig tag)
 *     writeLegacyAttestation(client, repo, subjectDigest, { envelope, predicateType?, ...parts })
 *     readLegacyAttestations(client, repo, subjectDigest, { predicateType? })
 *       → [{ envelope: Buffer, predicateType?, certificate?, chain?, rekorBundle?, annotations, layer }]
 *   cosignTag(digest, 'sig'|'att'|'sbom'), referrersTag(digest), CosignMediaType, CosignAnnotation,
 *   COSIGN_SIGN_PREDICATE_TYPE, describeBundle(bundle), dssePredicateType(envelope)
 *
 * Tests: pushSyntheticImage(client, repo, { tag?, seed?, format? }) → { descriptor, manifest,
 *   config, layer }; a real registry comes from test/registry.ts (startRegistry()).
 *
 * Errors (errors.ts): RegistryError (status, registryCode, message
 *   "registry H: GET manifest r:t: 404 MANIFEST_UNKNOWN: …"; code REGISTRY_<CODE>; exit 2;
 *   status 0 = unreachable), isNotFound(err), DigestMismatchError (exit 1), InputError (exit 2).
 */










;// CONCATENATED MODULE: ./packages/sigstore/src/image.ts
/**
 * Container images, the cosign v3 way: resolve the tag to a digest, sign an in-toto statement
 * over that digest as a DSSE bundle and store it as an OCI 1.1 referrer (tag-schema fallback).
 * Verification reads referrers first, then cosign v2's `sha256-<hex>.sig` / `.att` layouts.
 */







async function attach(ref, predicateType, predicate, sign, oci, options = {}) {
    const image = await resolveImage(ref, oci);
    const result = await attachTo(image, predicateType, predicate, sign);
    if (options.recursive && isIndexMediaType(image.descriptor.mediaType)) {
        const index = await image.client.getManifest(image.pinned.repository, image.descriptor.digest);
        if (types_isIndex(index.manifest)) {
            result.children = [];
            for (const child of index.manifest.manifests) {
                const childImage = {
                    client: image.client,
                    reference: withDigest(image.reference, child.digest),
                    pinned: withDigest(image.reference, child.digest),
                    descriptor: { mediaType: child.mediaType, digest: child.digest, size: child.size }
                };
                // The child must exist (and match its digest) before anything is signed for it.
                const fetched = await image.client.getManifest(image.pinned.repository, child.digest);
                childImage.descriptor = subjectOf(fetched.descriptor);
                result.children.push(await attachTo(childImage, predicateType, predicate, sign));
            }
        }
    }
    return result;
}
function subjectOf(d) {
    return { mediaType: d.mediaType, digest: d.digest, size: d.size };
}
async function attachTo(image, predicateType, predicate, sign) {
    const hex = image.descriptor.digest.replace(/^sha256:/, '');
    // As cosign v3: a plain signature's subject is the digest alone; attestations name the repository.
    const subject = predicateType === COSIGN_SIGN_PREDICATE_TYPE
        ? { digest: { sha256: hex } }
        : { name: dockerReference(image.pinned), digest: { sha256: hex } };
    const statement = buildStatement([subject], predicateType, predicate);
    const bundle = await sign_signDSSE(Buffer.from(JSON.stringify(statement)), sign);
    const put = await writeBundleReferrer(image.client, image.pinned.repository, image.descriptor, bundle, {
        predicateType,
        content: 'dsse-envelope'
    });
    return {
        reference: formatReference(image.pinned),
        digest: image.descriptor.digest,
        bundle,
        referrer: put.descriptor.digest,
        via: put.referrers ?? 'api'
    };
}
/** `cosign sign` (v3): a `https://sigstore.dev/cosign/sign/v1` statement over the image digest. */
function signImage(ref, sign, oci = {}, options = {}) {
    return attach(ref, COSIGN_SIGN_PREDICATE_TYPE, {}, sign, oci, options);
}
/** `cosign attest` (v3): a statement with the given predicate, stored as a bundle referrer. */
function attestImage(ref, predicateType, predicate, sign, oci = {}, options = {}) {
    return attach(ref, predicateType, predicate, sign, oci, options);
}
function image_verifyOne(source, entry, run, out) {
    try {
        const result = run();
        out.verified.push({ source, entry, result, predicateType: result.statement?.predicateType });
    }
    catch (err) {
        out.rejected.push({ source, entry, reason: (0,src/* describeError */.Uc)(err) });
    }
}
function skippedInto(source, out) {
    return s => out.rejected.push({ source, entry: s.entry, reason: `unreadable: ${s.reason}` });
}
function parseRekorBundle(text) {
    if (!text)
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/**
 * Verifies the signatures (or, with `attestation`, the attestations) of an image. Throws
 * VerificationError when none verifies; returns every verified one otherwise.
 */
async function verifyImage(ref, options, oci = {}) {
    const image = await resolveImage(ref, oci);
    const digest = image.descriptor.digest;
    const repo = image.pinned.repository;
    const out = {
        reference: formatReference(image.pinned),
        digest,
        verified: [],
        rejected: []
    };
    const wanted = options.attestation ? options.predicateType : COSIGN_SIGN_PREDICATE_TYPE;
    const { bundles, skipped } = await readBundleReferrers(image.client, repo, digest, wanted ? { predicateType: wanted } : {});
    skipped.forEach(skippedInto('referrer', out));
    for (const stored of bundles) {
        if (options.attestation && !wanted && stored.predicateType === COSIGN_SIGN_PREDICATE_TYPE)
            continue;
        image_verifyOne('referrer', `referrer ${stored.manifest.digest}`, () => {
            const { bundle } = bundle_parseSignatureMaterial(stored.bundle.toString('utf8'), `referrer ${stored.manifest.digest}`);
            const result = verify_verifyBundle(bundle, { digest }, { ...options, predicateType: wanted, dsseOnly: true });
            if (!options.attestation &&
                result.statement?.predicateType !== COSIGN_SIGN_PREDICATE_TYPE) {
                throw new src/* VerificationError */.mk('PREDICATE_TYPE_MISMATCH', `predicate type: expected ${COSIGN_SIGN_PREDICATE_TYPE}, got ${String(result.statement?.predicateType)}`);
            }
            return result;
        }, out);
    }
    if (out.verified.length === 0 && !options.attestation) {
        const sigs = await readLegacySignatures(image.client, repo, digest, {
            onSkip: skippedInto('legacy-sig', out)
        });
        for (const sig of sigs) {
            image_verifyOne('legacy-sig', `${digest.replace(':', '-')}.sig layer ${sig.layer.digest}`, () => {
                const payload = parseSimpleSigningPayload(sig.payload);
                if (payload.manifestDigest !== digest) {
                    throw new src/* VerificationError */.mk('DIGEST_MISMATCH', `simple-signing payload: expected docker-manifest-digest ${digest}, got ${payload.manifestDigest}`);
                }
                const bundle = bundleFromLegacyParts({
                    signature: Buffer.from(sig.signature, 'base64'),
                    messageDigest: external_node_crypto_default().createHash('sha256').update(sig.payload).digest(),
                    certificatePem: sig.certificate,
                    rekorBundle: parseRekorBundle(sig.rekorBundle)
                }, `${repo}:${digest.replace(':', '-')}.sig`);
                return verify_verifyBundle(bundle, { data: sig.payload }, { ...options, predicateType: undefined });
            }, out);
        }
    }
    if (out.verified.length === 0 && options.attestation) {
        const legacy = await readLegacyAttestations(image.client, repo, digest, {
            ...(wanted ? { predicateType: wanted } : {}),
            onSkip: skippedInto('legacy-att', out)
        });
        for (const att of legacy) {
            image_verifyOne('legacy-att', `${digest.replace(':', '-')}.att layer ${att.layer.digest}`, () => {
                const envelope = JSON.parse(att.envelope.toString('utf8'));
                const bundle = bundleFromLegacyParts({
                    envelope,
                    certificatePem: att.certificate,
                    rekorBundle: parseRekorBundle(att.rekorBundle)
                }, `${repo}:${digest.replace(':', '-')}.att`);
                return verify_verifyBundle(bundle, { digest }, { ...options, predicateType: wanted, dsseOnly: true });
            }, out);
        }
    }
    if (out.verified.length === 0) {
        const what = options.attestation
            ? `attestation${wanted ? ` of type ${wanted}` : ''}`
            : 'signature';
        const reasons = out.rejected.map(r => `${r.entry}: ${r.reason}`).join('; ');
        throw new src/* VerificationError */.mk('IMAGE_NOT_VERIFIED', reasons
            ? `no ${what} of ${out.reference} verified: ${reasons}`
            : `no ${what} found for ${out.reference}`);
    }
    return out;
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./packages/sigstore/src/conformance.ts
/**
 * sigstore-conformance client protocol (sigstore/sigstore-conformance docs/cli_protocol.md):
 *
 *   sign-bundle   [--staging] [--in-toto] --identity-token T --bundle F [--trusted-root R] [--signing-config S] FILE
 *   verify-bundle [--staging] --bundle F (--certificate-identity I --certificate-oidc-issuer U | --key K)
 *                 [--trusted-root R] FILE_OR_DIGEST
 *
 * The exit code is the result (0 = success). Messages go to stderr.
 */








/** FILE_OR_DIGEST is a digest only if it is `sha256:` + 64 hex (71 chars) and not an existing path. */
function isDigestArgument(arg) {
    return arg.startsWith('sha256:') && arg.length === 71 && !fs.existsSync(arg);
}
async function signBundleCommand(args, io) {
    const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
            staging: { type: 'boolean' },
            'in-toto': { type: 'boolean' },
            'identity-token': { type: 'string' },
            bundle: { type: 'string' },
            'trusted-root': { type: 'string' },
            'signing-config': { type: 'string' }
        }
    });
    const file = positionals[0];
    const token = values['identity-token'];
    if (!file || !values.bundle || !token) {
        io.stderr('sign-bundle: --identity-token, --bundle and FILE are required\n');
        return 2;
    }
    const urls = values.staging ? STAGING : PUBLIC_GOOD;
    const keyless = {
        identityToken: token,
        fulcioURL: urls.fulcioURL,
        rekorURL: urls.rekorURL
    };
    if (values['signing-config']) {
        const cfg = JSON.parse(fs.readFileSync(values['signing-config'], 'utf8'));
        keyless.fulcioURL = cfg.caUrls?.[0]?.url ?? keyless.fulcioURL;
        // Rekor v1 only (the v2 API is not used for signing here); without one, the TSA timestamps.
        keyless.rekorURL = cfg.rekorTlogUrls?.find(u => (u.majorApiVersion ?? 1) === 1)?.url ?? null;
        keyless.tsaURL = cfg.tsaUrls?.[0]?.url;
    }
    const data = fs.readFileSync(file);
    const bundle = values['in-toto']
        ? await signDSSE(data, { keyless })
        : await signBlob(data, { keyless });
    fs.writeFileSync(values.bundle, JSON.stringify(bundle));
    return 0;
}
function verifyBundleCommand(args, io) {
    const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
            staging: { type: 'boolean' },
            bundle: { type: 'string' },
            'certificate-identity': { type: 'string' },
            'certificate-oidc-issuer': { type: 'string' },
            key: { type: 'string' },
            'trusted-root': { type: 'string' }
        }
    });
    const target = positionals[0];
    if (!target || !values.bundle) {
        io.stderr('verify-bundle: --bundle and FILE_OR_DIGEST are required\n');
        return 2;
    }
    if (values.staging && !values['trusted-root']) {
        io.stderr('verify-bundle: --staging needs --trusted-root (no staging root is shipped and the network is not used)\n');
        return 2;
    }
    const trustedRoot = values['trusted-root']
        ? loadTrustedRootFile(values['trusted-root'])
        : resolveTrustedRoot();
    const artifact = isDigestArgument(target) ? { digest: target } : { data: fs.readFileSync(target) };
    const parsed = parseSignatureMaterial(fs.readFileSync(values.bundle, 'utf8'), values.bundle);
    const publicKey = values.key
        ? loadPublicKey(fs.readFileSync(values.key, 'utf8'), values.key)
        : undefined;
    const result = verifyBundle(parsed.bundle, artifact, {
        publicKey,
        trustedRoot,
        policy: publicKey
            ? undefined
            : {
                identity: { exact: values['certificate-identity'] },
                issuer: { exact: values['certificate-oidc-issuer'] }
            }
    });
    io.stderr(`verified ${result.digest}\n`);
    return 0;
}
/** Runs one conformance-protocol invocation; returns the exit code. */
async function conformanceMain(argv, io) {
    const [sub, ...rest] = argv;
    try {
        if (sub === 'sign-bundle')
            return await signBundleCommand(rest, io);
        if (sub === 'verify-bundle')
            return verifyBundleCommand(rest, io);
        io.stderr(`unknown subcommand ${JSON.stringify(sub)}: expected sign-bundle or verify-bundle\n`);
        return 2;
    }
    catch (err) {
        io.stderr(`${describeError(err)}\n`);
        return 1;
    }
}

;// CONCATENATED MODULE: ./packages/sigstore/src/files.ts
/** File-level helpers shared by the CLI and the actions (they only read what they are given). */






function readInputFile(file, what) {
    try {
        return external_node_fs_default().readFileSync(file);
    }
    catch (err) {
        const code = err.code;
        throw new src/* InputError */.dz('FILE_UNREADABLE', `cannot read ${what}: ${code === 'ENOENT' ? 'no such file' : err.message}`, {
            position: { file },
            cause: err
        });
    }
}
/** Loads a cosign private key; `password` is COSIGN_PASSWORD (undefined = not set). */
function loadSigningKey(file, password) {
    const pem = readInputFile(file, 'private key').toString('utf8');
    if (password === undefined && pem.includes('ENCRYPTED')) {
        throw new src/* UsageError */.eb('the private key is encrypted: set COSIGN_PASSWORD (it may be empty)');
    }
    return decryptPrivateKey(pem, password ?? '', file);
}
function loadVerificationKey(file) {
    return keys_loadPublicKey(readInputFile(file, 'public key').toString('utf8'), file);
}
/** Reads a bundle / cosign bundle / base64 signature file for an artifact with that sha256. */
function loadSignatureFile(file, artifactDigest) {
    return bundle_parseSignatureMaterial(readInputFile(file, 'bundle').toString('utf8'), file, artifactDigest);
}
/**
 * Keyless options: an explicit token, else `SIGSTORE_ID_TOKEN`, else the GitHub Actions OIDC
 * endpoint (ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN, audience `sigstore`), fetched lazily.
 */
function keylessFrom(k) {
    const explicit = k.identityToken ?? k.env.SIGSTORE_ID_TOKEN;
    const identityToken = explicit && explicit.length > 0
        ? explicit
        : () => githubActionsToken({
            requestURL: k.env.ACTIONS_ID_TOKEN_REQUEST_URL,
            requestToken: k.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
        });
    return {
        identityToken,
        fulcioURL: k.fulcioURL ?? trust_PUBLIC_GOOD.fulcioURL,
        rekorURL: k.rekorURL === undefined ? trust_PUBLIC_GOOD.rekorURL : k.rekorURL,
        tsaURL: k.tsaURL
    };
}

;// CONCATENATED MODULE: ./packages/sigstore/src/index.ts
















/***/ })

};
