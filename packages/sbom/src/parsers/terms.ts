/**
 * A reader for the literal terms that Elixir (`mix.lock`) and Erlang (`rebar.lock`) lockfiles
 * are written in: maps, tuples, lists, keyword lists, atoms, strings, binaries, numbers. No
 * evaluation; anything else is a malformed lockfile with its line.
 */
import { malformed } from '../util.js'

export type Term =
  | { t: 'atom'; v: string; line: number }
  | { t: 'str'; v: string; line: number }
  | { t: 'num'; v: number; line: number }
  | { t: 'tuple'; items: Term[]; line: number }
  | { t: 'list'; items: Term[]; line: number }
  | { t: 'map'; entries: [Term, Term][]; line: number }

export type Dialect = 'elixir' | 'erlang'

export class TermReader {
  private i = 0
  private line = 1

  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly what: string,
    private readonly dialect: Dialect
  ) {}

  fail(message: string, line = this.line): never {
    throw malformed(this.file, line, `${this.what}: ${message}`)
  }

  /** Skips blanks and comments; true when input remains. */
  skip(): boolean {
    const comment = this.dialect === 'elixir' ? '#' : '%'
    while (this.i < this.text.length) {
      const c = this.text[this.i]
      if (c === '\n') {
        this.line++
        this.i++
      } else if (c === ' ' || c === '\t' || c === '\r') this.i++
      else if (c === comment) {
        while (this.i < this.text.length && this.text[this.i] !== '\n') this.i++
      } else return true
    }
    return false
  }

  peek(s: string): boolean {
    this.skip()
    return this.text.startsWith(s, this.i)
  }

  expect(s: string): void {
    if (!this.peek(s))
      this.fail(
        this.i >= this.text.length ? `unexpected end of file, expected "${s}"` : `expected "${s}"`
      )
    this.i += s.length
  }

  atEnd(): boolean {
    return !this.skip()
  }

  private quoted(close: string): string {
    const start = this.line
    let out = ''
    this.i++
    while (this.i < this.text.length) {
      const c = this.text[this.i]
      if (c === close) {
        this.i++
        return out
      }
      if (c === '\\') {
        const n = this.text[this.i + 1]
        out += n === 'n' ? '\n' : n === 't' ? '\t' : (n ?? '')
        this.i += 2
        continue
      }
      if (c === '\n') this.line++
      if (this.dialect === 'elixir' && c === '#' && this.text[this.i + 1] === '{')
        this.fail('string interpolation is not a literal')
      out += c
      this.i++
    }
    return this.fail('unterminated string', start)
  }

  read(): Term {
    if (!this.skip()) this.fail('unexpected end of file')
    const line = this.line
    const rest = this.text.slice(this.i, this.i + 2)
    const c = rest[0]
    if (this.dialect === 'elixir' && rest === '%{') {
      this.i += 2
      const entries: [Term, Term][] = []
      while (!this.peek('}')) {
        const kw = this.keyword()
        if (kw) entries.push([kw, this.read()])
        else {
          const k = this.read()
          this.expect('=>')
          entries.push([k, this.read()])
        }
        if (!this.peek('}')) this.expect(',')
      }
      this.i++
      return { t: 'map', entries, line }
    }
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']'
      this.i++
      const items: Term[] = []
      while (!this.peek(close)) {
        const kw = this.dialect === 'elixir' ? this.keyword() : undefined
        if (kw) items.push({ t: 'tuple', items: [kw, this.read()], line: kw.line })
        else items.push(this.read())
        if (!this.peek(close)) {
          if (this.i >= this.text.length) this.fail(`unexpected end of file, expected "${close}"`)
          this.expect(',')
        }
      }
      this.i++
      return c === '{' ? { t: 'tuple', items, line } : { t: 'list', items, line }
    }
    if (c === '"') return { t: 'str', v: this.quoted('"'), line }
    if (this.dialect === 'erlang' && rest === '<<') {
      this.i += 2
      let v = ''
      if (this.peek('"')) v = this.quoted('"')
      this.expect('>>')
      return { t: 'str', v, line }
    }
    if (this.dialect === 'erlang' && c === "'") return { t: 'atom', v: this.quoted("'"), line }
    if (this.dialect === 'elixir' && c === ':' && this.text[this.i + 1] === '"') {
      this.i++
      return { t: 'atom', v: this.quoted('"'), line }
    }
    const m =
      /^(?::([A-Za-z_][A-Za-z0-9_@]*[?!]?)|(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|([a-z_][A-Za-z0-9_@]*))/.exec(
        this.text.slice(this.i, this.i + 256)
      )
    if (m) {
      this.i += m[0].length
      if (m[1] !== undefined && this.dialect === 'elixir') return { t: 'atom', v: m[1], line }
      if (m[2] !== undefined) return { t: 'num', v: Number(m[2]), line }
      if (m[3] !== undefined) {
        if (this.dialect === 'erlang') return { t: 'atom', v: m[3], line }
        if (m[3] === 'true' || m[3] === 'false' || m[3] === 'nil')
          return { t: 'atom', v: m[3], line }
      }
    }
    return this.fail(`unexpected "${this.text.slice(this.i, this.i + 20).split('\n')[0]}"`)
  }

  /** Elixir keyword key (`name:` or `"name":`) followed by a value, as an atom term. */
  private keyword(): Term | undefined {
    this.skip()
    const line = this.line
    const m = /^([A-Za-z_][A-Za-z0-9_@]*[?!]?):(?=\s)/.exec(this.text.slice(this.i, this.i + 256))
    if (m) {
      this.i += m[0].length
      return { t: 'atom', v: m[1], line }
    }
    const q = /^"((?:[^"\\\n]|\\.)*)":(?=\s)/.exec(this.text.slice(this.i, this.i + 512))
    if (q) {
      this.i += q[0].length
      return { t: 'str', v: q[1].replace(/\\(.)/g, '$1'), line }
    }
    return undefined
  }
}

export function atom(t: Term | undefined): string | undefined {
  return t?.t === 'atom' ? t.v : undefined
}

export function text(t: Term | undefined): string | undefined {
  return t?.t === 'str' ? t.v : undefined
}

/** A keyword list (`[hex: :x, repo: "hexpm"]` / `[{key, value}]`) as a map of atom keys. */
export function keywords(t: Term | undefined): Map<string, Term> {
  const out = new Map<string, Term>()
  if (t?.t !== 'list') return out
  for (const item of t.items) {
    if (item.t === 'tuple' && item.items.length === 2) {
      const k = atom(item.items[0])
      if (k !== undefined) out.set(k, item.items[1])
    }
  }
  return out
}
