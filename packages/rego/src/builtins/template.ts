/** A subset of Go text/template for strings.render_template. */
import { RegoObject, RegoSet, equal, compare, type Value } from '../value.js'
import { fail } from './args.js'
import { numberString, sprintf } from './format.js'

type Node =
  | { t: 'text'; s: string }
  | { t: 'out'; p: Pipeline }
  | { t: 'if' | 'with'; p: Pipeline; body: Node[]; els: Node[] }
  | { t: 'range'; p: Pipeline; vars: string[]; body: Node[]; els: Node[] }
  | { t: 'set'; name: string; p: Pipeline; declare: boolean }

type Arg =
  | { t: 'field'; base: string | null; path: string[] }
  | { t: 'lit'; v: Value }
  | { t: 'call'; name: string; args: Arg[] }
  | { t: 'sub'; p: Pipeline }
interface Pipeline {
  cmds: Arg[][]
}

const MISSING = Symbol('missing')
type TVal = Value | typeof MISSING

function tokenizeAction(src: string): string[] {
  const toks: string[] = []
  const re =
    /\s*("(?:[^"\\]|\\.)*"|`[^`]*`|'(?:[^'\\]|\\.)*'|:=|=|\||\(|\)|,|[^\s|(),=:]+(?::(?!=))?)/gy
  let m: RegExpExecArray | null
  while ((m = re.exec(src)) !== null) {
    toks.push(m[1])
    if (re.lastIndex >= src.length) break
  }
  return toks
}

function parseArg(tok: string): Arg {
  if (tok.startsWith('"')) return { t: 'lit', v: JSON.parse(tok) as string }
  if (tok.startsWith('`')) return { t: 'lit', v: tok.slice(1, -1) }
  if (tok === 'true' || tok === 'false') return { t: 'lit', v: tok === 'true' }
  if (tok === 'nil') return { t: 'lit', v: null }
  if (/^-?\d/.test(tok)) return { t: 'lit', v: Number(tok) }
  if (tok === '.') return { t: 'field', base: null, path: [] }
  if (tok.startsWith('.')) return { t: 'field', base: null, path: tok.slice(1).split('.') }
  if (tok.startsWith('$')) {
    const [base, ...path] = tok.split('.')
    return { t: 'field', base, path }
  }
  return { t: 'call', name: tok, args: [] }
}

function parsePipeline(toks: string[]): Pipeline {
  const cmds: Arg[][] = [[]]
  let i = 0
  const parseTerm = (): Arg => {
    const tok = toks[i++]
    if (tok === '(') {
      const start = i
      let depth = 1
      while (i < toks.length && depth > 0) {
        if (toks[i] === '(') depth++
        else if (toks[i] === ')') depth--
        i++
      }
      return { t: 'sub', p: parsePipeline(toks.slice(start, i - 1)) }
    }
    return parseArg(tok)
  }
  while (i < toks.length) {
    if (toks[i] === '|') {
      cmds.push([])
      i++
      continue
    }
    cmds[cmds.length - 1].push(parseTerm())
  }
  return { cmds }
}

function parse(src: string): Node[] {
  const root: Node[] = []
  const stack: { nodes: Node[]; node?: Node & { els: Node[]; body: Node[] }; inElse: boolean }[] = [
    { nodes: root, inElse: false }
  ]
  const cur = (): Node[] => stack[stack.length - 1].nodes
  let i = 0
  while (i < src.length) {
    const open = src.indexOf('{{', i)
    if (open < 0) {
      cur().push({ t: 'text', s: src.slice(i) })
      break
    }
    let text = src.slice(i, open)
    let inner = open + 2
    if (
      src.startsWith('- ', inner) ||
      src.startsWith('-\t', inner) ||
      src.startsWith('-\n', inner)
    ) {
      text = text.replace(/\s+$/, '')
      inner++
    }
    if (text) cur().push({ t: 'text', s: text })
    const close = src.indexOf('}}', inner)
    if (close < 0) throw fail('template: unclosed action')
    let body = src.slice(inner, close)
    i = close + 2
    if (/\s-$/.test(body)) {
      body = body.slice(0, -1)
      const m = /^\s*/.exec(src.slice(i))!
      i += m[0].length
    }
    body = body.trim()
    if (body.startsWith('/*')) continue
    const toks = tokenizeAction(body)
    const kw = toks[0]
    if (kw === 'end') {
      if (stack.length < 2) throw fail('template: unexpected {{end}}')
      stack.pop()
      while (
        stack.length > 1 &&
        stack[stack.length - 1].node === undefined &&
        stack[stack.length - 1].inElse
      )
        stack.pop()
      continue
    }
    if (kw === 'else') {
      const top = stack[stack.length - 1]
      if (!top.node) throw fail('template: unexpected {{else}}')
      top.nodes = top.node.els
      top.inElse = true
      if (toks[1] === 'if' || toks[1] === 'with') {
        const n = { t: toks[1], p: parsePipeline(toks.slice(2)), body: [], els: [] } as Node & {
          body: Node[]
          els: Node[]
        }
        top.nodes.push(n)
        // the chained branch shares the outer {{end}}
        stack.pop()
        stack.push({ nodes: top.node.els, node: undefined, inElse: true })
        stack.push({ nodes: n.body, node: n, inElse: false })
      }
      continue
    }
    if (kw === 'if' || kw === 'with') {
      const n = { t: kw, p: parsePipeline(toks.slice(1)), body: [], els: [] } as Node & {
        body: Node[]
        els: Node[]
      }
      cur().push(n)
      stack.push({ nodes: n.body, node: n, inElse: false })
      continue
    }
    if (kw === 'range') {
      let rest = toks.slice(1)
      const vars: string[] = []
      const decl = rest.indexOf(':=')
      if (decl >= 0) {
        for (const v of rest.slice(0, decl)) if (v !== ',') vars.push(v)
        rest = rest.slice(decl + 1)
      }
      const n = {
        t: 'range' as const,
        p: parsePipeline(rest),
        vars,
        body: [] as Node[],
        els: [] as Node[]
      }
      cur().push(n)
      stack.push({ nodes: n.body, node: n, inElse: false })
      continue
    }
    if (toks[0]?.startsWith('$') && (toks[1] === ':=' || toks[1] === '=')) {
      cur().push({
        t: 'set',
        name: toks[0],
        p: parsePipeline(toks.slice(2)),
        declare: toks[1] === ':='
      })
      continue
    }
    cur().push({ t: 'out', p: parsePipeline(toks) })
  }
  if (stack.length !== 1) throw fail('template: unexpected EOF')
  return root
}

function truthy(v: TVal): boolean {
  if (v === MISSING || v === null || v === false) return false
  if (v === 0 || v === 0n || v === '') return false
  if (Array.isArray(v)) return v.length > 0
  if (v instanceof RegoObject || v instanceof RegoSet) return v.size > 0
  return true
}

/** Go's %v of the JSON value OPA hands to text/template. */
export function goValueString(v: TVal): string {
  if (v === MISSING) return '<undefined>'
  if (v === null) return '<nil>'
  if (typeof v === 'string') return v
  if (typeof v === 'boolean') return String(v)
  if (typeof v === 'number' || typeof v === 'bigint') return numberString(v)
  if (Array.isArray(v)) return '[' + v.map(goValueString).join(' ') + ']'
  if (v instanceof RegoSet) return '[' + v.sorted().map(goValueString).join(' ') + ']'
  return (
    'map[' +
    v
      .sorted()
      .map(([k, x]) => goValueString(k) + ':' + goValueString(x))
      .join(' ') +
    ']'
  )
}

type Scope = Map<string, TVal>[]

function lookupVar(scope: Scope, name: string): TVal {
  for (let i = scope.length - 1; i >= 0; i--) if (scope[i].has(name)) return scope[i].get(name)!
  throw fail(`template: undefined variable: ${name}`)
}

function field(v: TVal, path: string[]): TVal {
  let cur = v
  for (const p of path) {
    if (cur instanceof RegoObject) {
      const x = cur.get(p)
      cur = x === undefined ? MISSING : x
    } else if (cur === MISSING) return MISSING
    else throw fail(`template: can't evaluate field ${p}`)
  }
  return cur
}

const FUNCS: Record<string, (args: TVal[]) => TVal> = {
  len: ([v]) =>
    typeof v === 'string'
      ? Buffer.byteLength(v)
      : Array.isArray(v)
        ? v.length
        : v instanceof RegoObject || v instanceof RegoSet
          ? v.size
          : 0,
  index: ([v, ...ks]) => {
    let cur: TVal = v
    for (const k of ks) {
      if (Array.isArray(cur)) cur = cur[Number(k)] ?? MISSING
      else if (cur instanceof RegoObject) cur = cur.get(k as Value) ?? MISSING
      else return MISSING
    }
    return cur
  },
  eq: ([a, ...bs]) => bs.some(b => a !== MISSING && b !== MISSING && equal(a, b)),
  ne: ([a, b]) => !(a !== MISSING && b !== MISSING && equal(a, b)),
  lt: ([a, b]) => compare(a as Value, b as Value) < 0,
  le: ([a, b]) => compare(a as Value, b as Value) <= 0,
  gt: ([a, b]) => compare(a as Value, b as Value) > 0,
  ge: ([a, b]) => compare(a as Value, b as Value) >= 0,
  not: ([a]) => !truthy(a),
  and: args => args.find(a => !truthy(a)) ?? args[args.length - 1],
  or: args => args.find(a => truthy(a)) ?? args[args.length - 1],
  print: args => args.map(goValueString).join(''),
  println: args => args.map(goValueString).join(' ') + '\n',
  printf: ([f, ...rest]) =>
    sprintf(
      typeof f === 'string' ? f : '',
      rest.map(r => (r === MISSING ? null : r))
    )
}

function evalArg(a: Arg, dot: TVal, scope: Scope, piped?: TVal): TVal {
  switch (a.t) {
    case 'lit':
      return a.v
    case 'field':
      return field(a.base === null ? dot : lookupVar(scope, a.base), a.path)
    case 'sub':
      return evalPipeline(a.p, dot, scope)
    case 'call': {
      const fn = FUNCS[a.name]
      if (!fn) throw fail(`template: function "${a.name}" not defined`)
      return fn(piped === undefined ? [] : [piped])
    }
  }
}

function evalPipeline(p: Pipeline, dot: TVal, scope: Scope): TVal {
  let prev: TVal | undefined
  for (const cmd of p.cmds) {
    const [head, ...rest] = cmd
    if (head.t === 'call') {
      const fn = FUNCS[head.name]
      if (!fn) throw fail(`template: function "${head.name}" not defined`)
      const args = rest.map(r => evalArg(r, dot, scope))
      if (prev !== undefined) args.push(prev)
      prev = fn(args)
    } else prev = evalArg(head, dot, scope)
  }
  return prev ?? null
}

function exec(nodes: Node[], dot: TVal, scope: Scope, out: string[]): void {
  for (const n of nodes) {
    switch (n.t) {
      case 'text':
        out.push(n.s)
        break
      case 'out':
        out.push(goValueString(evalPipeline(n.p, dot, scope)))
        break
      case 'set': {
        const v = evalPipeline(n.p, dot, scope)
        if (n.declare) scope[scope.length - 1].set(n.name, v)
        else {
          for (let i = scope.length - 1; i >= 0; i--)
            if (scope[i].has(n.name)) {
              scope[i].set(n.name, v)
              break
            }
        }
        break
      }
      case 'if':
      case 'with': {
        const v = evalPipeline(n.p, dot, scope)
        scope.push(new Map())
        if (truthy(v)) exec(n.body, n.t === 'with' ? v : dot, scope, out)
        else exec(n.els, dot, scope, out)
        scope.pop()
        break
      }
      case 'range': {
        const v = evalPipeline(n.p, dot, scope)
        let items: [Value, Value][] = []
        if (Array.isArray(v)) items = v.map((x, i) => [i, x])
        else if (v instanceof RegoSet) items = v.sorted().map((x, i) => [i, x])
        else if (v instanceof RegoObject) items = v.sorted()
        else if (typeof v === 'number') items = Array.from({ length: v }, (_x, i) => [i, i])
        if (items.length === 0) {
          exec(n.els, dot, scope, out)
          break
        }
        for (const [k, x] of items) {
          const frame = new Map<string, TVal>()
          if (n.vars.length === 1) frame.set(n.vars[0], x)
          else if (n.vars.length === 2) {
            frame.set(n.vars[0], k)
            frame.set(n.vars[1], x)
          }
          scope.push(frame)
          exec(n.body, x, scope, out)
          scope.pop()
        }
        break
      }
    }
  }
}

export function renderTemplate(src: string, vars: RegoObject): string {
  const out: string[] = []
  exec(parse(src), vars, [new Map([['$', vars]])], out)
  return out.join('')
}
