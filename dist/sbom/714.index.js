export const id = 714;
export const ids = [714];
export const modules = {

/***/ 9714:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseNugetPackagesConfig: () => (/* binding */ parseNugetPackagesConfig)
/* harmony export */ });
/* harmony import */ var fast_xml_parser__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9658);
/* harmony import */ var fast_xml_parser__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5824);
/* harmony import */ var _util_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(682);
/** NuGet's legacy packages.config (XML). */


const configParser = new fast_xml_parser__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    isArray: (_name, jpath) => jpath === 'packages.package'
});
/**
 * The legacy `packages.config`: every installed package (dependencies included, flattened) as
 * `<package id version targetFramework developmentDependency/>`. It records neither the graph
 * nor which packages the project asked for, so none is claimed as direct.
 */
function parseNugetPackagesConfig(input, b) {
    const v = fast_xml_parser__WEBPACK_IMPORTED_MODULE_2__/* .XMLValidator */ .iI.validate(input.text);
    if (v !== true) {
        const unclosed = /^Invalid '\[/.test(v.err.msg) || /unclosed|not closed/i.test(v.err.msg);
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, unclosed ? input.text.trimEnd().split('\n').length : v.err.line, `packages.config: ${v.err.msg.replace(/\s+/g, ' ').slice(0, 200)}`);
    }
    const d = configParser.parse(input.text);
    if (!(0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(d.packages) && d.packages !== '')
        throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, 1, 'packages.config: no <packages> element');
    b.addLocal(`local:${input.dir}`, {
        name: input.dirName,
        path: input.dir,
        kind: 'root',
        type: 'nuget'
    });
    for (const raw of (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)((0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(d.packages).package)) {
        const e = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)(raw);
        const id = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.id);
        const version = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.version);
        if (!id || !version) {
            const at = input.text.indexOf(id ? `"${id}"` : '<package ');
            throw (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(input.file, at < 0 ? undefined : (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .lineAt */ .mh)(input.text, at), 'packages.config: <package> without id/version');
        }
        const fw = (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.targetFramework);
        b.addPackage({
            type: 'nuget',
            name: id,
            version,
            purl: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .purl */ .EV)('nuget', undefined, id, version),
            scopeHint: (0,_util_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(e.developmentDependency) === 'true' ? 'dev' : 'required',
            ...(fw ? { properties: { 'secure-pipeline:nuget:target-framework': fw } } : {})
        });
    }
}


/***/ })

};
