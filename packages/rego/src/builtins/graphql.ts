/** graphql.* builtins on the `graphql` package, with ASTs shaped like OPA's (vektah/gqlparser JSON). */
import * as G from 'graphql'
import { RegoObject, type Value } from '../value.js'
import { fail, oneOfErr, text } from './args.js'
import { toValue } from './encoding.js'
import type { BuiltinFn } from './types.js'

type J = Record<string, unknown>

const VALUE_KIND: Record<string, number> = {
  Variable: 0,
  IntValue: 1,
  FloatValue: 2,
  StringValue: 3,
  BlockValue: 4,
  BooleanValue: 5,
  NullValue: 6,
  EnumValue: 7,
  ListValue: 8,
  ObjectValue: 9
}

function value(v: G.ValueNode | G.ConstValueNode | undefined): J | null {
  if (!v) return null
  const base = (kind: string, raw: string, children?: J[]): J => ({
    Raw: raw,
    Children: children ?? null,
    Kind: VALUE_KIND[kind],
    ExpectedTypeHasDefault: false
  })
  switch (v.kind) {
    case G.Kind.VARIABLE:
      return base('Variable', v.name.value)
    case G.Kind.INT:
      return base('IntValue', v.value)
    case G.Kind.FLOAT:
      return base('FloatValue', v.value)
    case G.Kind.STRING:
      return base(v.block ? 'BlockValue' : 'StringValue', v.value)
    case G.Kind.BOOLEAN:
      return base('BooleanValue', text(v.value))
    case G.Kind.NULL:
      return base('NullValue', 'null')
    case G.Kind.ENUM:
      return base('EnumValue', v.value)
    case G.Kind.LIST:
      return base(
        'ListValue',
        '',
        v.values.map(x => ({ Name: '', Value: value(x) }))
      )
    case G.Kind.OBJECT:
      return base(
        'ObjectValue',
        '',
        v.fields.map(f => ({ Name: f.name.value, Value: value(f.value) }))
      )
  }
}

function type(t: G.TypeNode): J {
  if (t.kind === G.Kind.NON_NULL_TYPE) return { ...type(t.type), NonNull: true }
  if (t.kind === G.Kind.LIST_TYPE) return { NamedType: '', Elem: type(t.type), NonNull: false }
  return { NamedType: t.name.value, NonNull: false }
}

function directives(ds: readonly G.DirectiveNode[] | undefined): J[] {
  return (ds ?? []).map(d => ({ Name: d.name.value, Arguments: args(d.arguments), Location: '' }))
}

function args(as: readonly G.ArgumentNode[] | readonly G.ConstArgumentNode[] | undefined): J[] {
  return (as ?? []).map(a => ({ Name: a.name.value, Value: value(a.value) }))
}

function selectionSet(s: G.SelectionSetNode | undefined): J[] {
  return (s?.selections ?? []).map(sel => {
    switch (sel.kind) {
      case G.Kind.FIELD:
        return {
          Alias: sel.alias?.value ?? sel.name.value,
          Name: sel.name.value,
          Arguments: args(sel.arguments),
          Directives: directives(sel.directives),
          SelectionSet: selectionSet(sel.selectionSet)
        }
      case G.Kind.FRAGMENT_SPREAD:
        return { Name: sel.name.value, Directives: directives(sel.directives) }
      case G.Kind.INLINE_FRAGMENT:
        return {
          TypeCondition: sel.typeCondition?.name.value ?? '',
          Directives: directives(sel.directives),
          SelectionSet: selectionSet(sel.selectionSet)
        }
    }
  })
}

function varDefs(vs: readonly G.VariableDefinitionNode[] | undefined): J[] {
  return (vs ?? []).map(v => ({
    Variable: v.variable.name.value,
    Type: type(v.type),
    DefaultValue: value(v.defaultValue),
    Directives: directives(v.directives),
    Used: false
  }))
}

function queryDoc(doc: G.DocumentNode): J {
  const ops: J[] = []
  const frags: J[] = []
  for (const d of doc.definitions) {
    if (d.kind === G.Kind.OPERATION_DEFINITION)
      ops.push({
        Operation: d.operation,
        Name: d.name?.value ?? '',
        VariableDefinitions: varDefs(d.variableDefinitions),
        Directives: directives(d.directives),
        SelectionSet: selectionSet(d.selectionSet)
      })
    else if (d.kind === G.Kind.FRAGMENT_DEFINITION)
      frags.push({
        Name: d.name.value,
        VariableDefinition: varDefs(d.variableDefinitions),
        TypeCondition: d.typeCondition.name.value,
        Directives: directives(d.directives),
        SelectionSet: selectionSet(d.selectionSet)
      })
  }
  return { Operations: ops, Fragments: frags }
}

const desc = (d: { description?: G.StringValueNode }): string => d.description?.value ?? ''

function inputValue(a: G.InputValueDefinitionNode): J {
  return {
    Description: desc(a),
    Name: a.name.value,
    DefaultValue: value(a.defaultValue),
    Type: type(a.type),
    Directives: directives(a.directives)
  }
}

function fieldDef(f: G.FieldDefinitionNode | G.InputValueDefinitionNode): J {
  if (f.kind === G.Kind.INPUT_VALUE_DEFINITION) return inputValue(f)
  return {
    Description: desc(f),
    Name: f.name.value,
    Arguments: (f.arguments ?? []).map(inputValue),
    DefaultValue: null,
    Type: type(f.type),
    Directives: directives(f.directives)
  }
}

function definition(d: G.TypeDefinitionNode | G.TypeExtensionNode): J {
  const kindOf: Record<string, string> = {
    ScalarTypeDefinition: 'SCALAR',
    ScalarTypeExtension: 'SCALAR',
    ObjectTypeDefinition: 'OBJECT',
    ObjectTypeExtension: 'OBJECT',
    InterfaceTypeDefinition: 'INTERFACE',
    InterfaceTypeExtension: 'INTERFACE',
    UnionTypeDefinition: 'UNION',
    UnionTypeExtension: 'UNION',
    EnumTypeDefinition: 'ENUM',
    EnumTypeExtension: 'ENUM',
    InputObjectTypeDefinition: 'INPUT_OBJECT',
    InputObjectTypeExtension: 'INPUT_OBJECT'
  }
  const x = d as unknown as {
    interfaces?: readonly G.NamedTypeNode[]
    fields?: readonly (G.FieldDefinitionNode | G.InputValueDefinitionNode)[]
    types?: readonly G.NamedTypeNode[]
    values?: readonly G.EnumValueDefinitionNode[]
  }
  return {
    Kind: kindOf[d.kind],
    Description: 'description' in d ? desc(d) : '',
    Name: d.name.value,
    Directives: directives(d.directives),
    Interfaces: (x.interfaces ?? []).map(i => i.name.value),
    Fields: (x.fields ?? []).map(fieldDef),
    Types: (x.types ?? []).map(t => t.name.value),
    EnumValues: (x.values ?? []).map(v => ({
      Description: desc(v),
      Name: v.name.value,
      Directives: directives(v.directives)
    })),
    BuiltIn: false
  }
}

function schemaDoc(doc: G.DocumentNode): J {
  const out: {
    Schema: J[]
    SchemaExtension: J[]
    Directives: J[]
    Definitions: J[]
    Extensions: J[]
  } = { Schema: [], SchemaExtension: [], Directives: [], Definitions: [], Extensions: [] }
  for (const d of doc.definitions) {
    switch (d.kind) {
      case G.Kind.SCHEMA_DEFINITION:
      case G.Kind.SCHEMA_EXTENSION:
        ;(d.kind === G.Kind.SCHEMA_DEFINITION ? out.Schema : out.SchemaExtension).push({
          Description: 'description' in d ? desc(d) : '',
          Directives: directives(d.directives),
          OperationTypes: (d.operationTypes ?? []).map(o => ({
            Operation: o.operation,
            Type: o.type.name.value
          }))
        })
        break
      case G.Kind.DIRECTIVE_DEFINITION:
        out.Directives.push({
          Description: desc(d),
          Name: d.name.value,
          Arguments: (d.arguments ?? []).map(inputValue),
          Locations: d.locations.map(l => l.value),
          IsRepeatable: d.repeatable
        })
        break
      default:
        if (d.kind.endsWith('Extension')) out.Extensions.push(definition(d as G.TypeExtensionNode))
        else if (d.kind.endsWith('Definition'))
          out.Definitions.push(definition(d as G.TypeDefinitionNode))
    }
  }
  return out
}

/** OPA prunes nulls, empty arrays/objects and Position from the AST JSON. */
function prune(v: unknown): unknown {
  if (Array.isArray(v)) {
    const out: unknown[] = []
    for (const x of v) {
      if (x === null || x === undefined) continue
      const p = prune(x)
      if (Array.isArray(p) && p.length === 0) continue
      if (p && typeof p === 'object' && !Array.isArray(p) && Object.keys(p).length === 0) continue
      out.push(p)
    }
    return out
  }
  if (v && typeof v === 'object') {
    const out: J = {}
    for (const [k, x] of Object.entries(v as J)) {
      if (k === 'Position' || x === null || x === undefined) continue
      const p = prune(x)
      if (Array.isArray(p) && p.length === 0) continue
      if (p && typeof p === 'object' && !Array.isArray(p) && Object.keys(p).length === 0) continue
      out[k] = p
    }
    return out
  }
  return v
}

// ------------------------------------------------------------------ errors

function gqlMessage(e: G.GraphQLError, src: string): string {
  let msg = e.message.replace(/^Syntax Error: /, '').replace(/\.$/, '')
  let loc = e.locations?.[0]
  // gqlparser prints punctuators bare (found }), keywords quoted (Expected "on")
  msg = msg.replace(
    /(found|Unexpected|Expected) "([^"\w]+)"/g,
    (_m, w: string, t: string) => `${w} ${t}`
  )
  msg = msg.replace(/^Unexpected variable "\$[^"]*" in constant value$/, 'Unexpected $')
  if (
    /^Unterminated string|^Invalid character|^Cannot parse the unexpected character|^Invalid number/.test(
      msg
    )
  )
    msg = 'Unexpected <Invalid>'
  if (loc && /^Unexpected description/.test(msg)) {
    const line = src.split('\n')[loc.line - 1] ?? ''
    const m = /^"((?:[^"\\]|\\.)*)"/.exec(line.slice(loc.column - 1))
    msg = `Unexpected String ${JSON.stringify(m ? m[1] : '')}`
  }
  // gqlparser locates string tokens after the opening quote
  if (loc && /^Unexpected String /.test(msg)) loc = { line: loc.line, column: loc.column + 1 }
  msg = msg.replace(
    /^Argument "[^"]*\.([^".(]+)\(([^":]+):\)" of type/,
    'Field "$1" argument "$2" of type'
  )
  if (loc && /^Expected Name, found }$/.test(msg)) {
    const lines = src.split('\n')
    const before = (
      lines.slice(0, loc.line - 1).join('\n') +
      '\n' +
      (lines[loc.line - 1] ?? '').slice(0, loc.column - 1)
    ).trimEnd()
    if (before.endsWith('{')) msg = 'expected at least one definition, found }'
  }
  return loc ? `${msg} in GraphQL string at location ${loc.line}:${loc.column}` : msg
}

function parseDoc(src: string, allowEmpty = false): G.DocumentNode {
  if (allowEmpty && src.trim() === '') return { kind: G.Kind.DOCUMENT, definitions: [] }
  let doc: G.DocumentNode
  try {
    doc = G.parse(src, { noLocation: false, experimentalFragmentArguments: true })
  } catch (e) {
    if (e instanceof G.GraphQLError) throw fail(gqlMessage(e, src))
    throw e
  }
  // gqlparser rejects empty selection sets
  G.visit(doc, {
    SelectionSet(node) {
      if (node.selections.length === 0 && node.loc) {
        const loc = G.getLocation(node.loc.source, node.loc.end - 1)
        throw fail(
          `expected at least one definition, found } in GraphQL string at location ${loc.line}:${loc.column}`
        )
      }
    }
  })
  return doc
}

function parseQuery(src: string): G.DocumentNode {
  const doc = parseDoc(src, true)
  for (const d of doc.definitions)
    if (d.kind !== G.Kind.OPERATION_DEFINITION && d.kind !== G.Kind.FRAGMENT_DEFINITION) {
      const loc = d.loc ? G.getLocation(d.loc.source, d.loc.start) : undefined
      const first = src.slice(d.loc?.start ?? 0).match(/^\w+/)?.[0] ?? ''
      throw fail(
        `Unexpected Name "${first}"${loc ? ` in GraphQL string at location ${loc.line}:${loc.column}` : ''}`
      )
    }
  return doc
}

function parseSchemaDoc(src: string): G.DocumentNode {
  const doc = parseDoc(src)
  for (const d of doc.definitions)
    if (d.kind === G.Kind.OPERATION_DEFINITION || d.kind === G.Kind.FRAGMENT_DEFINITION) {
      const loc = d.loc ? G.getLocation(d.loc.source, d.loc.start) : undefined
      throw fail(
        `Unexpected ${d.kind === G.Kind.FRAGMENT_DEFINITION ? 'Name "fragment"' : '{'}${loc ? ` in GraphQL string at location ${loc.line}:${loc.column}` : ''}`
      )
    }
  return doc
}

// ------------------------------------------------------------------ AST objects back to source

function printValueJ(v: J): string {
  const kind = v.Kind as number
  const raw = text(v.Raw)
  const children = (v.Children as J[] | undefined) ?? []
  switch (kind) {
    case 0:
      return '$' + raw
    case 3:
    case 4:
      return JSON.stringify(raw)
    case 8:
      return '[' + children.map(c => printValueJ(c.Value as J)).join(', ') + ']'
    case 9:
      return (
        '{' + children.map(c => `${text(c.Name)}: ${printValueJ(c.Value as J)}`).join(', ') + '}'
      )
    default:
      return raw
  }
}

function printTypeJ(t: J): string {
  const inner = t.Elem ? `[${printTypeJ(t.Elem as J)}]` : text(t.NamedType)
  return inner + (t.NonNull ? '!' : '')
}

function printDirsJ(ds: unknown): string {
  return ((ds as J[] | undefined) ?? [])
    .map(d => ` @${text(d.Name)}${printArgsJ(d.Arguments)}`)
    .join('')
}

function printArgsJ(as: unknown): string {
  const list = (as as J[] | undefined) ?? []
  return list.length
    ? '(' + list.map(a => `${text(a.Name)}: ${printValueJ(a.Value as J)}`).join(', ') + ')'
    : ''
}

function printDescJ(d: unknown): string {
  return typeof d === 'string' && d !== '' ? JSON.stringify(d) + '\n' : ''
}

function printInputValuesJ(as: unknown): string {
  const list = (as as J[] | undefined) ?? []
  return list.length
    ? '(' +
        list
          .map(
            a =>
              `${printDescJ(a.Description)}${text(a.Name)}: ${printTypeJ(a.Type as J)}${a.DefaultValue ? ' = ' + printValueJ(a.DefaultValue as J) : ''}${printDirsJ(a.Directives)}`
          )
          .join(', ') +
        ')'
    : ''
}

function printDefinitionJ(d: J, extend: boolean): string {
  const kw =
    {
      SCALAR: 'scalar',
      OBJECT: 'type',
      INTERFACE: 'interface',
      UNION: 'union',
      ENUM: 'enum',
      INPUT_OBJECT: 'input'
    }[text(d.Kind)] ?? 'type'
  let s = (extend ? 'extend ' : printDescJ(d.Description)) + `${kw} ${text(d.Name)}`
  const ifaces = (d.Interfaces as string[] | undefined) ?? []
  if (ifaces.length) s += ' implements ' + ifaces.join(' & ')
  s += printDirsJ(d.Directives)
  const fields = (d.Fields as J[] | undefined) ?? []
  if (kw === 'union') {
    const types = (d.Types as string[] | undefined) ?? []
    if (types.length) s += ' = ' + types.join(' | ')
  } else if (kw === 'enum') {
    const vals = (d.EnumValues as J[] | undefined) ?? []
    if (vals.length)
      s +=
        ' {\n' +
        vals
          .map(v => `${printDescJ(v.Description)}${text(v.Name)}${printDirsJ(v.Directives)}`)
          .join('\n') +
        '\n}'
  } else if (fields.length) {
    s +=
      ' {\n' +
      fields
        .map(
          f =>
            `${printDescJ(f.Description)}${text(f.Name)}${kw === 'input' ? '' : printInputValuesJ(f.Arguments)}: ${printTypeJ(f.Type as J)}${f.DefaultValue ? ' = ' + printValueJ(f.DefaultValue as J) : ''}${printDirsJ(f.Directives)}`
        )
        .join('\n') +
      '\n}'
  }
  return s
}

function schemaSource(o: J): string {
  const parts: string[] = []
  for (const s of (o.Schema as J[] | undefined) ?? [])
    parts.push(
      `schema${printDirsJ(s.Directives)} {\n${((s.OperationTypes as J[] | undefined) ?? []).map(x => `${text(x.Operation)}: ${text(x.Type)}`).join('\n')}\n}`
    )
  for (const s of (o.SchemaExtension as J[] | undefined) ?? []) {
    const ops = (s.OperationTypes as J[] | undefined) ?? []
    parts.push(
      `extend schema${printDirsJ(s.Directives)}${ops.length ? ` {\n${ops.map(x => `${text(x.Operation)}: ${text(x.Type)}`).join('\n')}\n}` : ''}`
    )
  }
  for (const d of (o.Directives as J[] | undefined) ?? [])
    parts.push(
      `${printDescJ(d.Description)}directive @${text(d.Name)}${printInputValuesJ(d.Arguments)}${d.IsRepeatable ? ' repeatable' : ''} on ${((d.Locations as string[] | undefined) ?? []).join(' | ')}`
    )
  for (const d of (o.Definitions as J[] | undefined) ?? []) parts.push(printDefinitionJ(d, false))
  for (const d of (o.Extensions as J[] | undefined) ?? []) parts.push(printDefinitionJ(d, true))
  return parts.join('\n\n')
}

function printSelJ(sels: unknown): string {
  const list = (sels as J[] | undefined) ?? []
  if (!list.length) return ''
  return (
    ' {\n' +
    list
      .map(s => {
        if ('TypeCondition' in s || (!('Alias' in s) && 'SelectionSet' in s))
          return `... ${s.TypeCondition ? `on ${text(s.TypeCondition)}` : ''}${printDirsJ(s.Directives)}${printSelJ(s.SelectionSet)}`
        if (!('Alias' in s)) return `...${text(s.Name)}${printDirsJ(s.Directives)}`
        const alias = s.Alias && s.Alias !== s.Name ? `${text(s.Alias)}: ` : ''
        return `${alias}${text(s.Name)}${printArgsJ(s.Arguments)}${printDirsJ(s.Directives)}${printSelJ(s.SelectionSet)}`
      })
      .join('\n') +
    '\n}'
  )
}

function printVarDefsJ(vs: unknown): string {
  const list = (vs as J[] | undefined) ?? []
  return list.length
    ? '(' +
        list
          .map(
            v =>
              `$${text(v.Variable)}: ${printTypeJ(v.Type as J)}${v.DefaultValue ? ' = ' + printValueJ(v.DefaultValue as J) : ''}${printDirsJ(v.Directives)}`
          )
          .join(', ') +
        ')'
    : ''
}

function querySource(o: J): string {
  const parts: string[] = []
  for (const op of (o.Operations as J[] | undefined) ?? [])
    parts.push(
      `${text(op.Operation ?? 'query')} ${text(op.Name)}${printVarDefsJ(op.VariableDefinitions)}${printDirsJ(op.Directives)}${printSelJ(op.SelectionSet)}`
    )
  for (const f of (o.Fragments as J[] | undefined) ?? [])
    parts.push(
      `fragment ${text(f.Name)} on ${text(f.TypeCondition)}${printDirsJ(f.Directives)}${printSelJ(f.SelectionSet)}`
    )
  return parts.join('\n\n')
}

function toJS(v: Value): unknown {
  if (v instanceof RegoObject) {
    const o: J = {}
    for (const [k, x] of v.entries.values()) o[text(k)] = toJS(x)
    return o
  }
  if (Array.isArray(v)) return v.map(toJS)
  return typeof v === 'bigint' ? Number(v) : v
}

function sourceOperand(args: Value[], i: number, which: 'query' | 'schema'): string {
  const v = args[i]
  if (typeof v === 'string') return v
  if (v instanceof RegoObject)
    return which === 'schema' ? schemaSource(toJS(v) as J) : querySource(toJS(v) as J)
  throw oneOfErr(i + 1, ['string', 'object'], v)
}

// ------------------------------------------------------------------ schema building/validation

const EXT_TO_DEF: Record<string, G.Kind> = {
  [G.Kind.OBJECT_TYPE_EXTENSION]: G.Kind.OBJECT_TYPE_DEFINITION,
  [G.Kind.INTERFACE_TYPE_EXTENSION]: G.Kind.INTERFACE_TYPE_DEFINITION,
  [G.Kind.UNION_TYPE_EXTENSION]: G.Kind.UNION_TYPE_DEFINITION,
  [G.Kind.ENUM_TYPE_EXTENSION]: G.Kind.ENUM_TYPE_DEFINITION,
  [G.Kind.INPUT_OBJECT_TYPE_EXTENSION]: G.Kind.INPUT_OBJECT_TYPE_DEFINITION,
  [G.Kind.SCALAR_TYPE_EXTENSION]: G.Kind.SCALAR_TYPE_DEFINITION
}

/** Like gqlparser, an extension of a type that is not defined defines it. */
function definePhantomTypes(doc: G.DocumentNode): G.DocumentNode {
  const defined = new Set<string>(['String', 'Int', 'Float', 'Boolean', 'ID'])
  for (const d of doc.definitions)
    if ('name' in d && d.name && !d.kind.endsWith('Extension')) defined.add(d.name.value)
  const defs = doc.definitions.map(d => {
    const k = EXT_TO_DEF[d.kind]
    if (!k || !('name' in d) || !d.name || defined.has(d.name.value)) return d
    defined.add(d.name.value)
    return { ...d, kind: k } as unknown as G.DefinitionNode
  })
  return { ...doc, definitions: defs }
}

function buildSchema(doc0: G.DocumentNode): { schema?: G.GraphQLSchema; error?: string } {
  try {
    const doc = definePhantomTypes(doc0)
    const schema = G.buildASTSchema(doc, { assumeValidSDL: false })
    const errs = G.validateSchema(schema).filter(
      e => !/Query root type must be provided/.test(e.message)
    )
    if (errs.length) return { error: errs[0].message }
    // gqlparser does not require a Query root; skip graphql-js's schema assertion when validating queries
    return { schema: G.buildASTSchema(doc, { assumeValid: true, assumeValidSDL: true }) }
  } catch (e) {
    return { error: (e as Error).message }
  }
}

function validateQuery(
  schema: G.GraphQLSchema,
  doc: G.DocumentNode,
  src: string
): string | undefined {
  const errs = G.validate(schema, doc)
  return errs.length ? gqlMessage(errs[0], src) : undefined
}

function toRego(j: J): Value {
  return toValue(prune(j))
}

export const graphqlBuiltins: Record<string, BuiltinFn> = {
  'graphql.parse_query': args => {
    const src = sourceOperand(args, 0, 'query')
    return toRego(queryDoc(parseQuery(src)))
  },
  'graphql.parse_schema': args => {
    const src = sourceOperand(args, 0, 'schema')
    return toRego(schemaDoc(parseSchemaDoc(src)))
  },
  'graphql.schema_is_valid': args => {
    const src = sourceOperand(args, 0, 'schema')
    try {
      return buildSchema(parseSchemaDoc(src)).schema !== undefined
    } catch {
      return false
    }
  },
  'graphql.is_valid': args => {
    try {
      const q = sourceOperand(args, 0, 'query')
      const s = sourceOperand(args, 1, 'schema')
      const { schema } = buildSchema(parseSchemaDoc(s))
      if (!schema) return false
      return validateQuery(schema, parseQuery(q), q) === undefined
    } catch {
      return false
    }
  },
  'graphql.parse': args => {
    const q = sourceOperand(args, 0, 'query')
    const s = sourceOperand(args, 1, 'schema')
    const sdoc = parseSchemaDoc(s)
    const qdoc = parseQuery(q)
    const { schema, error } = buildSchema(sdoc)
    if (!schema) throw fail(error ?? 'invalid schema')
    const err = validateQuery(schema, qdoc, q)
    if (err) throw fail(err)
    return [toRego(queryDoc(qdoc)), toRego(schemaDoc(sdoc))]
  },
  'graphql.parse_and_verify': args => {
    const bad: Value = [false, new RegoObject(), new RegoObject()]
    try {
      const q = sourceOperand(args, 0, 'query')
      const s = sourceOperand(args, 1, 'schema')
      const sdoc = parseSchemaDoc(s)
      const qdoc = parseQuery(q)
      const { schema } = buildSchema(sdoc)
      if (!schema || validateQuery(schema, qdoc, q)) return bad
      return [true, toRego(queryDoc(qdoc)), toRego(schemaDoc(sdoc))]
    } catch {
      return bad
    }
  }
}
