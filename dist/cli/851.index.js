export const id = 851;
export const ids = [851];
export const modules = {

/***/ 27109:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ parseCommandArgs)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12501);


/**
 * `util.parseArgs` with its errors turned into UsageError (exit 2) carrying one clear message.
 */
function parseCommandArgs(argv, options, allowPositionals = true) {
    try {
        return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: [...argv], options, allowPositionals, strict: true });
    }
    catch (err) {
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(err.message.split('\n')[0]);
    }
}


/***/ }),

/***/ 80851:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commands: () => (/* binding */ commands)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(12501);
/* harmony import */ var _secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76866);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(27109);
/**
 * keys generate / sign (blob|image) / attest (blob|image) / verify (blob|image|attestation):
 * cosign-compatible signing and verification (BRIEF §4). Thin adapter over @secure-pipeline/sigstore.
 */






const signingFlags = {
    key: { type: 'string' },
    keyless: { type: 'boolean' },
    'identity-token': { type: 'string' },
    'fulcio-url': { type: 'string' },
    'rekor-url': { type: 'string' },
    'tsa-url': { type: 'string' },
    'tlog-upload': { type: 'boolean' },
    'no-tlog-upload': { type: 'boolean' },
    'rekor-entry-type': { type: 'string' }
};
const registryFlags = {
    'registry-username': { type: 'string' },
    'allow-insecure-registry': { type: 'string', multiple: true }
};
const identityFlags = {
    key: { type: 'string' },
    'certificate-identity': { type: 'string' },
    'certificate-identity-regexp': { type: 'string' },
    'certificate-oidc-issuer': { type: 'string' },
    'certificate-oidc-issuer-regexp': { type: 'string' },
    'certificate-github-workflow-repository': { type: 'string' },
    'certificate-github-workflow-ref': { type: 'string' },
    'certificate-github-workflow-name': { type: 'string' },
    'certificate-github-workflow-trigger': { type: 'string' },
    'certificate-github-workflow-sha': { type: 'string' },
    'certificate-github-runner-environment': { type: 'string' },
    owner: { type: 'string' },
    repo: { type: 'string' },
    'signer-repo': { type: 'string' },
    'signer-workflow': { type: 'string' },
    'cert-identity': { type: 'string' },
    'cert-identity-regex': { type: 'string' },
    'cert-oidc-issuer': { type: 'string' },
    'source-ref': { type: 'string' },
    'source-digest': { type: 'string' },
    'deny-self-hosted-runners': { type: 'boolean' },
    'trusted-root': { type: 'string' },
    format: { type: 'string' }
};
const SIGNING_HELP = `  --key FILE               cosign private key (password from COSIGN_PASSWORD)
  --keyless                Fulcio certificate for an OIDC identity (GitHub Actions token,
                           SIGSTORE_ID_TOKEN or --identity-token)
  --fulcio-url / --rekor-url / --tsa-url URL
                           private or GHES Sigstore instance (default: public good)
  --no-tlog-upload         keyless: no Rekor entry (needs --tsa-url)
  --tlog-upload            keyed: also record the signature in Rekor
  --rekor-entry-type dsse|intoto  Rekor entry for attestations (default dsse)`;
const REGISTRY_HELP = `  --registry-username U    registry user; password from REGISTRY_PASSWORD (default: docker config)
  --allow-insecure-registry HOST  plain HTTP for this registry (localhost is always allowed)`;
const IDENTITY_HELP = `  --key FILE                           verify with this public key, or:
  --certificate-identity[-regexp] X    certificate SAN, exact or regular expression
  --certificate-oidc-issuer[-regexp] Y OIDC issuer, exact or regular expression
      (regular expressions are not anchored, as in cosign: write ^...$)
  --certificate-github-workflow-repository owner/repo
  --certificate-github-workflow-ref refs/heads/main
  --certificate-github-workflow-name NAME_OR_PATH
  --certificate-github-workflow-trigger EVENT
  --certificate-github-workflow-sha SHA
  --certificate-github-runner-environment github-hosted|self-hosted
  or, as gh attestation verify (SAN under https://github.com/OWNER[/REPO]/, GitHub issuer):
  --owner OWNER | --repo OWNER/REPO   [--signer-repo R] [--signer-workflow W] [--source-ref REF]
  [--source-digest SHA] [--deny-self-hosted-runners] [--cert-identity[-regex] X] [--cert-oidc-issuer U]
  --trusted-root FILE                  Sigstore TrustedRoot JSON (default: public good, shipped)
  --format text|json`;
function str(values, name) {
    const v = values[name];
    return typeof v === 'string' ? v : undefined;
}
function resolvePath(io, p) {
    return node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(io.cwd, p);
}
function signOptions(io, values) {
    const key = str(values, 'key');
    const keyless = values.keyless === true;
    if (key && keyless)
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('use either --key or --keyless, not both');
    if (!key && !keyless)
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('signing needs --key FILE or --keyless');
    if (key) {
        const rekorURL = values['tlog-upload'] === true
            ? (str(values, 'rekor-url') ?? 'https://rekor.sigstore.dev')
            : undefined;
        return { privateKey: (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .loadSigningKey */ .fm)(resolvePath(io, key), io.env.COSIGN_PASSWORD), rekorURL };
    }
    const entryType = str(values, 'rekor-entry-type');
    if (entryType !== undefined && entryType !== 'dsse' && entryType !== 'intoto') {
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`--rekor-entry-type must be dsse or intoto, got "${entryType}"`);
    }
    const options = (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .keylessFrom */ .rn)({
        identityToken: str(values, 'identity-token'),
        env: io.env,
        fulcioURL: str(values, 'fulcio-url'),
        rekorURL: values['no-tlog-upload'] === true ? null : str(values, 'rekor-url'),
        tsaURL: str(values, 'tsa-url')
    });
    if (entryType)
        options.rekorEntryType = entryType;
    return { keyless: options };
}
function registryOptions(io, values) {
    const opts = { env: io.env };
    const user = str(values, 'registry-username');
    if (user) {
        const password = io.env.REGISTRY_PASSWORD;
        if (!password)
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('--registry-username needs the password in REGISTRY_PASSWORD');
        opts.credentials = { username: user, password };
    }
    const insecure = values['allow-insecure-registry'];
    if (Array.isArray(insecure))
        opts.insecureRegistries = insecure;
    return opts;
}
function githubPolicyFrom(values) {
    const owner = str(values, 'owner');
    const repo = str(values, 'repo');
    const ghOnly = [
        'signer-repo',
        'signer-workflow',
        'cert-identity',
        'cert-identity-regex',
        'cert-oidc-issuer',
        'source-ref',
        'source-digest',
        'deny-self-hosted-runners'
    ];
    if (!owner && !repo) {
        const stray = ghOnly.find(f => values[f] !== undefined);
        if (stray)
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`--${stray} needs --owner or --repo`);
        return undefined;
    }
    const cosignStyle = Object.keys(values).find(k => k.startsWith('certificate-') && values[k] !== undefined);
    if (cosignStyle)
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`use --owner/--repo or --${cosignStyle}, not both`);
    return (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .githubAttestationPolicy */ .SN)({
        owner,
        repo,
        signerRepo: str(values, 'signer-repo'),
        signerWorkflow: str(values, 'signer-workflow'),
        certIdentity: str(values, 'cert-identity'),
        certIdentityRegex: str(values, 'cert-identity-regex'),
        certOidcIssuer: str(values, 'cert-oidc-issuer'),
        sourceRef: str(values, 'source-ref'),
        sourceDigest: str(values, 'source-digest'),
        denySelfHostedRunners: values['deny-self-hosted-runners'] === true
    });
}
function policyFrom(values) {
    const githubPolicy = githubPolicyFrom(values);
    if (githubPolicy)
        return githubPolicy;
    const identity = str(values, 'certificate-identity');
    const identityRe = str(values, 'certificate-identity-regexp');
    const issuer = str(values, 'certificate-oidc-issuer');
    const issuerRe = str(values, 'certificate-oidc-issuer-regexp');
    if (identity && identityRe)
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('use --certificate-identity or --certificate-identity-regexp, not both');
    if (issuer && issuerRe)
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('use --certificate-oidc-issuer or --certificate-oidc-issuer-regexp, not both');
    const github = {};
    const gh = (flag, key) => {
        const v = str(values, flag);
        if (v !== undefined)
            github[key] = v;
    };
    gh('certificate-github-workflow-repository', 'repository');
    gh('certificate-github-workflow-ref', 'ref');
    gh('certificate-github-workflow-name', 'workflow');
    gh('certificate-github-workflow-trigger', 'trigger');
    gh('certificate-github-workflow-sha', 'sha');
    gh('certificate-github-runner-environment', 'runnerEnvironment');
    if (!identity && !identityRe && !issuer && !issuerRe && Object.keys(github).length === 0)
        return undefined;
    if (!(identity ?? identityRe) || !(issuer ?? issuerRe)) {
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('keyless verification needs --certificate-identity[-regexp] and --certificate-oidc-issuer[-regexp]');
    }
    return {
        identity: identity !== undefined ? { exact: identity } : { regexp: identityRe },
        issuer: issuer !== undefined ? { exact: issuer } : { regexp: issuerRe },
        github
    };
}
function verifyOptions(io, values, certificate) {
    const key = str(values, 'key');
    const policy = policyFrom(values);
    if (key && policy)
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('use either --key or --certificate-identity/--certificate-oidc-issuer');
    if (key && certificate)
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('use either --key or --certificate, not both');
    if (certificate && !policy) {
        // the certificate only carries the key (as --key CERT); without an identity nothing about it is trusted
        const root = str(values, 'trusted-root');
        return {
            publicKey: certificate.publicKey,
            trustedRoot: root ? (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .loadTrustedRootFile */ .ce)(resolvePath(io, root)) : (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .resolveTrustedRoot */ .K7)()
        };
    }
    if (!key && !policy) {
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('verification needs --key FILE or --certificate-identity[-regexp] X --certificate-oidc-issuer[-regexp] Y');
    }
    const root = str(values, 'trusted-root');
    return {
        publicKey: key ? (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .loadVerificationKey */ .LX)(resolvePath(io, key)) : undefined,
        policy,
        trustedRoot: root ? (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .loadTrustedRootFile */ .ce)(resolvePath(io, root)) : (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .resolveTrustedRoot */ .K7)()
    };
}
function format(values) {
    const f = str(values, 'format') ?? 'text';
    if (f !== 'text' && f !== 'json')
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`--format must be text or json, got "${f}"`);
    return f;
}
function signerText(r) {
    if (r.signer.type === 'key')
        return `key ${r.signer.hint}`;
    const id = r.signer.identity;
    return `${id.subjectAlternativeName ?? '(no SAN)'} (issuer ${id.issuer ?? '(none)'})`;
}
function resultJSON(r) {
    return {
        verified: true,
        digest: r.digest,
        content: r.content,
        signer: r.signer,
        predicateType: r.statement?.predicateType,
        tlogEntries: r.tlogEntries,
        timestamps: r.timestamps
    };
}
function writeBundle(io, out, bundle) {
    const file = resolvePath(io, out);
    node_fs__WEBPACK_IMPORTED_MODULE_1___default().writeFileSync(file, `${JSON.stringify(bundle, null, 2)}\n`);
    return file;
}
function needOne(positionals, what) {
    if (positionals.length !== 1 || !positionals[0])
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`expected exactly one ${what}`);
    return positionals[0];
}
function statementFor(io, values, subjectName, digestHex) {
    const predicateFile = str(values, 'predicate');
    const type = str(values, 'type') ?? 'custom';
    if (!predicateFile)
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('attest needs --predicate FILE');
    const typeURI = (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .predicateTypeURI */ .Ul)(type);
    const file = resolvePath(io, predicateFile);
    const predicate = (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .parsePredicate */ .rv)((0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .readInputFile */ .jH)(file, 'predicate').toString('utf8'), typeURI, file);
    return Buffer.from(JSON.stringify((0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .buildStatement */ .Y5)([{ name: subjectName, digest: { sha256: digestHex } }], typeURI, predicate)));
}
const keysGenerate = {
    path: ['keys', 'generate'],
    summary: 'generate a cosign key pair (P.key encrypted with COSIGN_PASSWORD, P.pub)',
    help: `Usage: secure-pipeline keys generate [--output-prefix P] [--force]

Writes P.key (ECDSA P-256, PKCS#8, "ENCRYPTED SIGSTORE PRIVATE KEY": scrypt + NaCl secretbox, as
cosign generate-key-pair) and P.pub (PEM SPKI). The password comes from COSIGN_PASSWORD (an empty
value means an empty password). Default prefix: cosign.`,
    async run(io) {
        const { values, positionals } = (0,_args_js__WEBPACK_IMPORTED_MODULE_5__/* .parseCommandArgs */ .Q)(io.argv, {
            'output-prefix': { type: 'string' },
            force: { type: 'boolean' }
        });
        if (positionals.length > 0)
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`unexpected argument "${positionals[0]}"`);
        const password = io.env.COSIGN_PASSWORD;
        if (password === undefined)
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('set COSIGN_PASSWORD to the password for the new key (it may be empty)');
        const prefix = resolvePath(io, values['output-prefix'] ?? 'cosign');
        const keyFile = `${prefix}.key`;
        const pubFile = `${prefix}.pub`;
        if (!values.force) {
            for (const f of [keyFile, pubFile]) {
                if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(f))
                    throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`${f} exists; use --force to overwrite`);
            }
        }
        const pair = (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .generateEncodedKeyPair */ .Nd)(password);
        node_fs__WEBPACK_IMPORTED_MODULE_1___default().writeFileSync(keyFile, pair.privateKeyPem, { mode: 0o600 });
        node_fs__WEBPACK_IMPORTED_MODULE_1___default().writeFileSync(pubFile, pair.publicKeyPem, { mode: 0o644 });
        io.stderr(`Private key written to ${keyFile}\nPublic key written to ${pubFile}\n`);
        return Promise.resolve(0);
    }
};
const keysImport = {
    path: ['keys', 'import'],
    summary: 'import a PEM private key as a cosign key pair (cosign import-key-pair)',
    help: `Usage: secure-pipeline keys import --key FILE [--output-prefix P] [--force]

Reads an ECDSA (P-256/P-384/P-521), RSA (2048/3072/4096) or Ed25519 private key — PKCS#8
"PRIVATE KEY", SEC1 "EC PRIVATE KEY" or PKCS#1 "RSA PRIVATE KEY" (or PKCS#8 "ENCRYPTED PRIVATE
KEY" with the same password) — and writes P.key, encrypted as cosign does with COSIGN_PASSWORD
("ENCRYPTED SIGSTORE PRIVATE KEY"), and P.pub. Default prefix: import-cosign.`,
    run(io) {
        const { values, positionals } = (0,_args_js__WEBPACK_IMPORTED_MODULE_5__/* .parseCommandArgs */ .Q)(io.argv, {
            key: { type: 'string' },
            'output-prefix': { type: 'string' },
            force: { type: 'boolean' }
        });
        if (positionals.length > 0)
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`unexpected argument "${positionals[0]}"`);
        if (!values.key)
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('--key FILE is required');
        const password = io.env.COSIGN_PASSWORD;
        if (password === undefined)
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('set COSIGN_PASSWORD to the password for the new key (it may be empty)');
        const source = resolvePath(io, values.key);
        const pem = (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .readInputFile */ .jH)(source, 'private key').toString('utf8');
        const privateKey = (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .loadSigningKey */ .fm)(source, password);
        const prefix = resolvePath(io, values['output-prefix'] ?? 'import-cosign');
        const keyFile = `${prefix}.key`;
        const pubFile = `${prefix}.pub`;
        if (!values.force) {
            for (const f of [keyFile, pubFile]) {
                if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(f))
                    throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`${f} exists; use --force to overwrite`);
            }
        }
        const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
        const pemType = pem.includes(`BEGIN ${_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .COSIGN_PRIVATE_KEY_PEM_TYPE */ .mO}`)
            ? _secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .COSIGN_PRIVATE_KEY_PEM_TYPE */ .mO
            : undefined;
        node_fs__WEBPACK_IMPORTED_MODULE_1___default().writeFileSync(keyFile, (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .encryptPrivateKey */ .uU)(pkcs8, password, { pemType }), { mode: 0o600 });
        node_fs__WEBPACK_IMPORTED_MODULE_1___default().writeFileSync(pubFile, (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .publicKeyPem */ .rY)(privateKey), { mode: 0o644 });
        io.stderr(`Private key written to ${keyFile}\nPublic key written to ${pubFile}\n`);
        return Promise.resolve(0);
    }
};
const signBlobCommand = {
    path: ['sign', 'blob'],
    summary: 'sign a file into a Sigstore bundle v0.3 (key or keyless)',
    help: `Usage: secure-pipeline sign blob FILE (--key K | --keyless) --bundle OUT

${SIGNING_HELP}
  --bundle OUT             where to write the Sigstore bundle (v0.3 JSON)
  --output-signature F     also write the signature, base64 (cosign --output-signature)
  --output-certificate F   also write the signing certificate, PEM (keyless only)`,
    async run(io) {
        const { values, positionals } = (0,_args_js__WEBPACK_IMPORTED_MODULE_5__/* .parseCommandArgs */ .Q)(io.argv, {
            ...signingFlags,
            bundle: { type: 'string' },
            'output-signature': { type: 'string' },
            'output-certificate': { type: 'string' }
        });
        const file = needOne(positionals, 'FILE');
        if (!values.bundle)
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('--bundle OUT is required');
        const data = (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .readInputFile */ .jH)(resolvePath(io, file), 'artifact');
        const bundle = await (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .signBlob */ .Pk)(data, signOptions(io, values));
        const out = writeBundle(io, values.bundle, bundle);
        io.stdout(`sha256:${(0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .sha256 */ .sc)(data).toString('hex')}\n`);
        io.stderr(`Bundle written to ${out}\n`);
        writeSignatureParts(io, bundle, values['output-signature'], values['output-certificate']);
        return 0;
    }
};
/**
 * cosign sign-blob's `--output-signature` (base64 signature, no line break) and
 * `--output-certificate` (the signing certificate as PEM; nothing for a key, as cosign).
 */
function writeSignatureParts(io, bundle, signatureOut, certificateOut) {
    if (signatureOut && bundle.messageSignature) {
        const file = resolvePath(io, signatureOut);
        node_fs__WEBPACK_IMPORTED_MODULE_1___default().writeFileSync(file, bundle.messageSignature.signature);
        io.stderr(`Signature written to ${file}\n`);
    }
    if (certificateOut) {
        const vm = bundle.verificationMaterial;
        const raw = vm.certificate?.rawBytes ?? vm.x509CertificateChain?.certificates[0]?.rawBytes;
        if (!raw) {
            io.stderr('No certificate written: signed with a key (use the public key to verify)\n');
            return;
        }
        const file = resolvePath(io, certificateOut);
        node_fs__WEBPACK_IMPORTED_MODULE_1___default().writeFileSync(file, (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .certificatePem */ .mj)(Buffer.from(raw, 'base64')));
        io.stderr(`Certificate written to ${file}\n`);
    }
}
const RECURSIVE_HELP = `  --recursive              for a multi-arch image (OCI index / Docker manifest list), also sign
                           each manifest it lists (default: the index digest only, as cosign)`;
/** The signed reference on stdout (each manifest too with --recursive); where it went on stderr. */
function reportImageResult(io, result, what) {
    for (const r of [result, ...(result.children ?? [])]) {
        io.stdout(`${r.reference}\n`);
        io.stderr(`${what} stored as referrer ${r.referrer} (${r.via}) for ${r.reference}\n`);
    }
}
const signImageCommand = {
    path: ['sign', 'image'],
    summary: 'sign an OCI image by digest, stored as cosign v3 does (bundle referrer)',
    help: `Usage: secure-pipeline sign image REF (--key K | --keyless) [--recursive]

Resolves REF's tag to a digest, signs a https://sigstore.dev/cosign/sign/v1 statement over it (DSSE)
and pushes the Sigstore bundle as an OCI 1.1 referrer (sha256-<hex> tag fallback).
${RECURSIVE_HELP}
${SIGNING_HELP}
${REGISTRY_HELP}`,
    async run(io) {
        const { values, positionals } = (0,_args_js__WEBPACK_IMPORTED_MODULE_5__/* .parseCommandArgs */ .Q)(io.argv, {
            ...signingFlags,
            ...registryFlags,
            recursive: { type: 'boolean' }
        });
        const ref = needOne(positionals, 'image reference');
        const result = await (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .signImage */ .jV)(ref, signOptions(io, values), registryOptions(io, values), {
            recursive: values.recursive === true
        });
        reportImageResult(io, result, 'Signature');
        return 0;
    }
};
const ATTEST_HELP = `  --predicate FILE         predicate JSON (a non-JSON file is wrapped for --type custom)
  --type T                 slsaprovenance1, slsaprovenance02, cyclonedx, spdxjson, spdx, vuln,
                           openvex, link, custom (default) or a predicate type URI`;
const attestBlobCommand = {
    path: ['attest', 'blob'],
    summary: 'attest a file: in-toto statement in a DSSE Sigstore bundle',
    help: `Usage: secure-pipeline attest blob FILE --predicate F --type T (--key K | --keyless) --bundle OUT

${ATTEST_HELP}
${SIGNING_HELP}`,
    async run(io) {
        const { values, positionals } = (0,_args_js__WEBPACK_IMPORTED_MODULE_5__/* .parseCommandArgs */ .Q)(io.argv, {
            ...signingFlags,
            bundle: { type: 'string' },
            predicate: { type: 'string' },
            type: { type: 'string' }
        });
        const file = needOne(positionals, 'FILE');
        if (!values.bundle)
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('--bundle OUT is required');
        const data = (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .readInputFile */ .jH)(resolvePath(io, file), 'artifact');
        const hex = (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .sha256 */ .sc)(data).toString('hex');
        const statement = statementFor(io, values, node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(file), hex);
        const bundle = await (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .signDSSE */ .R8)(statement, signOptions(io, values));
        const out = writeBundle(io, values.bundle, bundle);
        io.stdout(`sha256:${hex}\n`);
        io.stderr(`Attestation bundle written to ${out}\n`);
        return 0;
    }
};
const attestImageCommand = {
    path: ['attest', 'image'],
    summary: 'attest an OCI image (SBOM, provenance, custom predicate) as a bundle referrer',
    help: `Usage: secure-pipeline attest image REF --predicate F --type T (--key K | --keyless) [--recursive]

${ATTEST_HELP}
${RECURSIVE_HELP}
${SIGNING_HELP}
${REGISTRY_HELP}`,
    async run(io) {
        const { values, positionals } = (0,_args_js__WEBPACK_IMPORTED_MODULE_5__/* .parseCommandArgs */ .Q)(io.argv, {
            ...signingFlags,
            ...registryFlags,
            predicate: { type: 'string' },
            type: { type: 'string' },
            recursive: { type: 'boolean' }
        });
        const ref = needOne(positionals, 'image reference');
        const predicateFile = values.predicate;
        if (!predicateFile)
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('attest needs --predicate FILE');
        const typeURI = (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .predicateTypeURI */ .Ul)(values.type ?? 'custom');
        const file = resolvePath(io, predicateFile);
        const predicate = (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .parsePredicate */ .rv)((0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .readInputFile */ .jH)(file, 'predicate').toString('utf8'), typeURI, file);
        const result = await (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .attestImage */ .DT)(ref, typeURI, predicate, signOptions(io, values), registryOptions(io, values), { recursive: values.recursive === true });
        reportImageResult(io, result, `Attestation (${typeURI})`);
        return 0;
    }
};
/** A distinguished name on one line (Node gives `undefined` for an empty one). */
function dn(name) {
    return name ? name.replace(/\n/g, ', ') : '(empty name)';
}
/** `--certificate C [--certificate-chain CH]` (cosign verify-blob): PEM, base64 PEM or DER. */
function certificateFlags(io, values) {
    const certFile = str(values, 'certificate');
    const chainFile = str(values, 'certificate-chain');
    if (chainFile && !certFile)
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('--certificate-chain needs --certificate');
    if (!certFile)
        return undefined;
    const cert = (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .loadCertificate */ .Ih)((0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .readInputFile */ .jH)(resolvePath(io, certFile), 'certificate'), resolvePath(io, certFile));
    if (chainFile) {
        // trust comes from the trusted root (--trusted-root); the chain must at least be the leaf's issuers
        const file = resolvePath(io, chainFile);
        const text = (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .readInputFile */ .jH)(file, 'certificate chain').toString('utf8');
        const chain = [
            ...text.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g)
        ];
        const parent = chain[0] ? (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .loadCertificate */ .Ih)(Buffer.from(chain[0][0]), file) : undefined;
        if (!parent || !cert.checkIssued(parent))
            throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('CERTIFICATE_CHAIN', `certificate chain: expected PEM certificates starting with the issuer of ${certFile} (${dn(cert.issuer)}), got ${parent ? `a certificate for ${dn(parent.subject)}` : 'no certificate'}`, { position: { file } });
    }
    return cert;
}
/** With `--certificate` and an identity policy, the bundle must be signed by that certificate. */
function requireBundleCertificate(bundle, certificate, bundleFile) {
    const der = (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .leafCertificate */ .kP)(bundle);
    if (!der)
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .VerificationError */ .mk('CERTIFICATE_MISMATCH', `signing certificate: expected the one given with --certificate (serial ${certificate.serialNumber}), got a bundle signed with a public key (${bundleFile})`);
    if (!der.equals(certificate.raw))
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .VerificationError */ .mk('CERTIFICATE_MISMATCH', `signing certificate: expected the one given with --certificate (serial ${certificate.serialNumber}), got another (serial ${new (node_crypto__WEBPACK_IMPORTED_MODULE_0___default().X509Certificate)(der).serialNumber}) in ${bundleFile}`);
}
/**
 * A bare DSSE envelope (`{payload, payloadType, signatures}`, what `cosign attest-blob --key
 * --output-signature` writes and `cosign verify-blob-attestation --signature` reads), or undefined.
 */
function dsseEnvelopeJSON(text) {
    if (!text.trimStart().startsWith('{'))
        return undefined;
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    const o = json;
    if (typeof json !== 'object' ||
        json === null ||
        'mediaType' in o ||
        typeof o.payload !== 'string' ||
        typeof o.payloadType !== 'string' ||
        !Array.isArray(o.signatures) ||
        o.signatures.length !== 1)
        return undefined;
    const sig = o.signatures[0];
    if (typeof sig?.sig !== 'string')
        return undefined;
    return {
        payload: o.payload,
        payloadType: o.payloadType,
        signatures: [{ sig: sig.sig, keyid: typeof sig.keyid === 'string' ? sig.keyid : '' }]
    };
}
/**
 * The bundle / signature to verify. As `cosign verify-blob --signature`, the value may also be the
 * base64 signature itself; a binary signature file (`openssl dgst -sign` without base64) is read
 * as the raw signature.
 */
function signatureMaterial(io, values, bundleFile, digest) {
    const file = resolvePath(io, bundleFile);
    const inline = str(values, 'bundle') === undefined && !node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(file);
    if (inline && digest && /^[A-Za-z0-9+/]{40,}={0,2}$/.test(bundleFile))
        return {
            format: 'raw-signature',
            bundle: (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .bundleFromRawSignature */ .Ry)(Buffer.from(bundleFile, 'base64'), digest)
        };
    if (digest && node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(file)) {
        const bytes = (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .readInputFile */ .jH)(file, 'signature');
        const text = bytes.toString('utf8');
        const envelope = dsseEnvelopeJSON(text);
        if (envelope)
            return { format: 'raw-signature', bundle: (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .bundleFromLegacyParts */ .Su)({ envelope }, file) };
        const binary = !Buffer.from(text, 'utf8').equals(bytes) || bytes.some(b => b < 9 || (b > 13 && b < 32));
        if (binary)
            return { format: 'raw-signature', bundle: (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .bundleFromRawSignature */ .Ry)(bytes, digest) };
    }
    return (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .loadSignatureFile */ .$G)(file, digest);
}
function verifyBlobLike(io, values, target, predicateType, dsseOnly = false) {
    const bundleFile = str(values, 'bundle') ?? str(values, 'signature');
    if (!bundleFile)
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('--bundle FILE is required');
    const isDigest = /^sha(256|384|512):[0-9a-f]+$/i.test(target) && !node_fs__WEBPACK_IMPORTED_MODULE_1___default().existsSync(resolvePath(io, target));
    const artifact = isDigest
        ? { digest: target }
        : { data: (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .readInputFile */ .jH)(resolvePath(io, target), 'artifact') };
    const digest = artifact.data
        ? (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .sha256 */ .sc)(artifact.data)
        : target.toLowerCase().startsWith('sha256:')
            ? (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .parseDigest */ .m)(target)
            : undefined;
    const certificate = certificateFlags(io, values);
    const options = verifyOptions(io, values, certificate);
    const parsed = signatureMaterial(io, values, bundleFile, digest);
    if (parsed.format === 'raw-signature' && !options.publicKey)
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('BUNDLE_REQUIRED', `a bare signature with a certificate (keyless) needs its transparency-log entry or signed timestamp: cosign looks the entry up in Rekor online, this tool verifies offline only — pass the Sigstore bundle instead (cosign sign-blob --bundle, secure-pipeline sign blob --bundle)`, { position: { file: bundleFile } });
    if (certificate && options.policy)
        requireBundleCertificate(parsed.bundle, certificate, bundleFile);
    if (certificate &&
        !options.policy &&
        parsed.bundle.verificationMaterial.content.$case !== 'publicKey')
        throw new _secure_pipeline_core__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('the bundle is keyless: with --certificate give --certificate-identity[-regexp] and --certificate-oidc-issuer[-regexp]');
    const result = (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .verifyBundle */ .IF)(parsed.bundle, artifact, { ...options, predicateType, dsseOnly });
    if (format(values) === 'json')
        io.stdout(`${JSON.stringify({ ...resultJSON(result), format: parsed.format, line: result.line })}\n`);
    else
        io.stdout(`Verified OK: ${result.digest} signed by ${signerText(result)}${result.line !== undefined ? ` (bundle on line ${result.line} of ${bundleFile})` : ''}\n`);
    return 0;
}
const verifyBlobCommand = {
    path: ['verify', 'blob'],
    summary: 'verify a file (or sha256: digest) against a bundle, key or identity',
    help: `Usage: secure-pipeline verify blob FILE_OR_sha256:DIGEST --bundle B (--key PUB | --certificate-identity[-regexp] X --certificate-oidc-issuer[-regexp] Y) [--trusted-root R]

B is a Sigstore bundle (v0.1-v0.3), cosign's older blob bundle, a JSON Lines file of bundles, or a
bare base64 signature (--signature SIG, with --key: a public key or a certificate).
  --certificate C          the signing certificate (PEM, base64 PEM or DER): with identity flags the
                           bundle must be signed by it; without, its key verifies (as --key C).
                           A bare signature with a certificate is refused (exit 2): it needs the Rekor
                           entry cosign looks up online; pass the bundle.
  --certificate-chain CH   PEM issuers of --certificate (checked to link; trust is --trusted-root)
Keyed bundles verify without a transparency-log entry (an entry that is present is verified);
keyless ones need a log entry or a signed timestamp. Exit 0 verified, 1 not verified, 2 usage.
${IDENTITY_HELP}`,
    run(io) {
        const { values, positionals } = (0,_args_js__WEBPACK_IMPORTED_MODULE_5__/* .parseCommandArgs */ .Q)(io.argv, {
            ...identityFlags,
            bundle: { type: 'string' },
            signature: { type: 'string' },
            certificate: { type: 'string' },
            'certificate-chain': { type: 'string' }
        });
        return Promise.resolve(verifyBlobLike(io, values, needOne(positionals, 'FILE_OR_sha256:DIGEST')));
    }
};
async function verifyImageLike(io, values, ref, attestation) {
    const type = str(values, 'type');
    const predicateType = type ? (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .predicateTypeURI */ .Ul)(type) : undefined;
    const result = await (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .verifyImage */ .ZG)(ref, { ...verifyOptions(io, values), attestation, predicateType }, registryOptions(io, values));
    if (format(values) === 'json') {
        io.stdout(`${JSON.stringify({
            verified: true,
            reference: result.reference,
            digest: result.digest,
            signatures: result.verified.map(v => ({
                source: v.source,
                entry: v.entry,
                ...resultJSON(v.result)
            })),
            rejected: result.rejected
        })}\n`);
    }
    else {
        for (const v of result.verified) {
            const what = attestation ? `attestation ${v.predicateType ?? ''}` : 'signature';
            io.stdout(`Verified OK: ${result.reference} ${what} (${v.entry}) by ${signerText(v.result)}\n`);
        }
    }
    return 0;
}
const verifyImageCommand = {
    path: ['verify', 'image'],
    summary: 'verify an OCI image signature (cosign v3 referrers, then legacy .sig)',
    help: `Usage: secure-pipeline verify image REF (--key PUB | --certificate-identity[-regexp] X --certificate-oidc-issuer[-regexp] Y)

${IDENTITY_HELP}
${REGISTRY_HELP}`,
    run(io) {
        const { values, positionals } = (0,_args_js__WEBPACK_IMPORTED_MODULE_5__/* .parseCommandArgs */ .Q)(io.argv, {
            ...identityFlags,
            ...registryFlags
        });
        return verifyImageLike(io, values, needOne(positionals, 'image reference'), false);
    }
};
const verifyAttestationCommand = {
    path: ['verify', 'attestation'],
    summary: 'verify attestations of an image (or of a file with --bundle), filtered by --type',
    help: `Usage: secure-pipeline verify attestation REF [--type T] (--key PUB | --certificate-identity... --certificate-oidc-issuer...)
       secure-pipeline verify attestation FILE_OR_sha256:DIGEST --bundle B [--type T] (...)
       secure-pipeline verify attestation FILE --signature ENVELOPE.json --key PUB [--type T]

  --signature F  a bare DSSE envelope (cosign attest-blob --output-signature), keyed only
  --type T     predicate type (short name or URI) the attestation must have
${IDENTITY_HELP}
${REGISTRY_HELP}`,
    run(io) {
        const { values, positionals } = (0,_args_js__WEBPACK_IMPORTED_MODULE_5__/* .parseCommandArgs */ .Q)(io.argv, {
            ...identityFlags,
            ...registryFlags,
            bundle: { type: 'string' },
            signature: { type: 'string' },
            type: { type: 'string' }
        });
        const target = needOne(positionals, 'image reference or file');
        if (values.bundle ?? values.signature) {
            const type = values.type ? (0,_secure_pipeline_sigstore__WEBPACK_IMPORTED_MODULE_4__/* .predicateTypeURI */ .Ul)(values.type) : undefined;
            return Promise.resolve(verifyBlobLike(io, values, target, type, true));
        }
        return verifyImageLike(io, values, target, true);
    }
};
const commands = [
    keysGenerate,
    keysImport,
    signBlobCommand,
    signImageCommand,
    attestBlobCommand,
    attestImageCommand,
    verifyBlobCommand,
    verifyImageCommand,
    verifyAttestationCommand
];


/***/ })

};
