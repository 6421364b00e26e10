/**
 * The hot path of the scanner: one Aho-Corasick pass over the raw bytes of a buffer finds every
 * rule keyword; each rule's regular expression then runs only over the lines around its keyword
 * hits. User-supplied (untrusted) regexes run inside `vm` with a time budget, so a pattern that
 * backtracks catastrophically is stopped and named instead of hanging the scan.
 *
 * `createMatcher` is deliberately self-contained (it references nothing outside its own body):
 * worker threads receive its source text via `Function.prototype.toString`, which keeps one
 * implementation for the main thread, the workers, and the bundled action.
 */
import type vmModule from 'node:vm'

export interface MatcherRuleSpec {
  /** JavaScript regex source (the `g` flag is added). */
  source: string
  flags: string
  /** Lower-cased keywords; empty means the rule runs over the whole buffer. */
  keywords: string[]
  /** Bytes after the keyword's line that a match may extend into (multi-line rules). */
  span: number
  /** Bytes before the keyword's line a match may start at. */
  back: number
  /** Run with a time budget (user-supplied regex). */
  untrusted: boolean
  /** Early gates, applied in the worker so only candidates travel back (same as the engine's). */
  secretGroup?: number
  entropy?: number
  /** Regex source: a secret matching it is dropped. */
  drop?: string
  /**
   * A byte that a match needs within `within` bytes after the keyword on the same line (e.g. an
   * assignment operator for `name = value` rules); keyword hits without one open no window.
   */
  after?: { bytes: number[]; within: number }
  /**
   * The match starts at a keyword (`name = value` rules): the regex is tried once, anchored at
   * each keyword occurrence, instead of scanning windows.
   */
  anchored?: boolean
}

export interface MatcherSpec {
  rules: MatcherRuleSpec[]
  /** Time budget for an untrusted rule over one buffer. */
  timeoutMs: number
  /** Stop collecting matches of one rule in one buffer after this many. */
  maxMatchesPerRule: number
  /** Windows of one rule closer than this many bytes are merged (default 128). */
  mergeGap?: number
}

export interface RawMatch {
  rule: number
  /** 1-based. */
  line: number
  column: number
  endLine: number
  endColumn: number
  match: string
  groups: (string | null)[]
  /** The text of the lines the match starts and ends on (for inline allow comments). */
  lineText: string
  endLineText: string
}

export interface SlowRule {
  rule: number
  ms: number
}

export interface ScanResult {
  matches: RawMatch[]
  slow: SlowRule[]
}

export interface Matcher {
  scan(buf: Uint8Array): ScanResult
  /** Rules disabled after exceeding their budget. */
  disabled(): number[]
}

export function createMatcher(
  spec: MatcherSpec,
  vm: typeof vmModule,
  isAscii?: (buf: Uint8Array) => boolean
): Matcher {
  // ---- Aho-Corasick automaton over lower-cased bytes, compiled to a dense DFA ----
  const kwIndex = new Map<string, number>()
  const kwRules: number[][] = []
  const alwaysRules: number[] = []
  spec.rules.forEach((r, ri) => {
    if (r.keywords.length === 0) {
      alwaysRules.push(ri)
      return
    }
    for (const raw of r.keywords) {
      const kw = raw.toLowerCase()
      if (kw.length === 0) continue
      let k = kwIndex.get(kw)
      if (k === undefined) {
        k = kwRules.length
        kwIndex.set(kw, k)
        kwRules.push([])
      }
      if (!kwRules[k].includes(ri)) kwRules[k].push(ri)
    }
  })
  const lower = new Uint8Array(256)
  for (let i = 0; i < 256; i++) lower[i] = i >= 65 && i <= 90 ? i + 32 : i
  const children: Map<number, number>[] = [new Map<number, number>()]
  const outputs: number[][] = [[]]
  const enc = new TextEncoder()
  for (const [kw, k] of kwIndex) {
    let s = 0
    for (const b of enc.encode(kw)) {
      const c = lower[b]
      let next = children[s].get(c)
      if (next === undefined) {
        next = children.length
        children.push(new Map<number, number>())
        outputs.push([])
        children[s].set(c, next)
      }
      s = next
    }
    outputs[s].push(k)
  }
  const n = children.length
  const delta = n < 65536 ? new Uint16Array(n * 256) : new Int32Array(n * 256)
  const fail = new Int32Array(n)
  const queue: number[] = []
  for (let c = 0; c < 256; c++) {
    const t = children[0].get(c)
    if (t !== undefined) {
      delta[c] = t
      fail[t] = 0
      queue.push(t)
    }
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi]
    for (const o of outputs[fail[s]]) if (!outputs[s].includes(o)) outputs[s].push(o)
    for (let c = 0; c < 256; c++) {
      const t = children[s].get(c)
      if (t !== undefined) {
        fail[t] = delta[fail[s] * 256 + c]
        delta[s * 256 + c] = t
        queue.push(t)
      } else {
        delta[s * 256 + c] = delta[fail[s] * 256 + c]
      }
    }
  }
  // Upper-case bytes map to the same transitions as lower-case ones.
  for (let s = 0; s < n; s++)
    for (let c = 65; c <= 90; c++) delta[s * 256 + c] = delta[s * 256 + c + 32]
  const kwLen: number[] = []
  for (const [kw, k] of kwIndex) kwLen[k] = enc.encode(kw).length
  const hasOut = new Uint8Array(n)
  const outRules: number[][] = []
  /** Anchored rules per state, flattened as [rule, keyword length, ...]. */
  const outAnch: number[][] = []
  for (let s = 0; s < n; s++) {
    const rs = new Set<number>()
    const an: number[] = []
    for (const k of outputs[s])
      for (const r of kwRules[k]) {
        if (spec.rules[r].anchored && !spec.rules[r].untrusted) an.push(r, kwLen[k])
        else rs.add(r)
      }
    outRules.push([...rs])
    outAnch.push(an)
    if (rs.size > 0 || an.length > 0) hasOut[s] = 1
  }
  // Renumber states so that every state with an output comes last: the hot loop then tests
  // `s >= firstOut` instead of loading a flag.
  const newId = new Int32Array(n)
  let next = 0
  for (let s = 0; s < n; s++) if (hasOut[s] === 0) newId[s] = next++
  const firstOut = next
  for (let s = 0; s < n; s++) if (hasOut[s] === 1) newId[s] = next++
  // Entries hold the next state already multiplied by 256 (a row offset), so the hot loop is
  // one add and one load per byte.
  const dfa = new Int32Array(n * 256)
  const outRulesById: number[][] = new Array<number[]>(n)
  const outAnchById: number[][] = new Array<number[]>(n)
  for (let s = 0; s < n; s++) {
    const ns = newId[s]
    for (let c = 0; c < 256; c++) dfa[ns * 256 + c] = newId[delta[s * 256 + c]] * 256
    outRulesById[ns] = outRules[s]
    outAnchById[ns] = outAnch[s]
  }
  const firstOutRow = firstOut * 256
  // A lane that starts this many bytes early reaches the true automaton state (its depth never
  // exceeds the longest keyword) before its own first byte.
  let maxKw = 1
  for (const l of kwLen) if (l > maxKw) maxKw = l
  const LANE_MIN = Math.max(4096, maxKw * 16)
  const laneHits: number[][] = [[], [], [], []]

  /**
   * Every keyword hit of `buf` as [end offset, state row, ...] in order. One byte-at-a-time
   * automaton is bound by its load latency; four independent lanes over the quarters of the
   * buffer overlap those loads (about 2.5× faster), each lane starting `maxKw` bytes early.
   */
  function collectHits(buf: Uint8Array, out: number[]): void {
    out.length = 0
    const len = buf.length
    if (len < LANE_MIN) {
      lane(buf, 0, len, 0, out)
      return
    }
    const q = len >> 2
    const o0 = laneHits[0]
    const o1 = laneHits[1]
    const o2 = laneHits[2]
    const o3 = laneHits[3]
    o0.length = 0
    o1.length = 0
    o2.length = 0
    o3.length = 0
    // Warm-up hits belong to the previous lane: they go to a scratch list.
    const s1 = lane(buf, q - maxKw, q, 0, o1)
    const s2 = lane(buf, 2 * q - maxKw, 2 * q, 0, o2)
    const s3 = lane(buf, 3 * q - maxKw, 3 * q, 0, o3)
    o1.length = 0
    o2.length = 0
    o3.length = 0
    const s3end = lanes4(buf, q, s1, s2, s3, o0, o1, o2, o3)
    lane(buf, 4 * q, len, s3end, o3)
    append(out, o0)
    append(out, o1)
    append(out, o2)
    append(out, o3)
  }

  /** One automaton over [from, to) from state row `s`; returns the final state row. */
  function lane(buf: Uint8Array, from: number, to: number, s: number, out: number[]): number {
    const t = dfa
    const f = firstOutRow
    for (let i = from; i < to; i++) {
      s = t[s + buf[i]]
      if (s >= f) out.push(i, s)
    }
    return s
  }

  /** Four automata over the four quarters [0, 4q); returns the last lane's final state row. */
  function lanes4(
    buf: Uint8Array,
    q: number,
    s1: number,
    s2: number,
    s3: number,
    o0: number[],
    o1: number[],
    o2: number[],
    o3: number[]
  ): number {
    const t = dfa
    const f = firstOutRow
    let s0 = 0
    for (let i = 0, j1 = q, j2 = 2 * q, j3 = 3 * q; i < q; i++, j1++, j2++, j3++) {
      s0 = t[s0 + buf[i]]
      s1 = t[s1 + buf[j1]]
      s2 = t[s2 + buf[j2]]
      s3 = t[s3 + buf[j3]]
      if (s0 >= f) o0.push(i, s0)
      if (s1 >= f) o1.push(j1, s1)
      if (s2 >= f) o2.push(j2, s2)
      if (s3 >= f) o3.push(j3, s3)
    }
    return s3
  }

  function append(out: number[], from: number[]): void {
    for (let k = 0; k < from.length; k++) out.push(from[k])
  }
  const hitsAll: number[] = []

  const regexes = spec.rules.map(
    r => new RegExp(r.source, r.flags.includes('g') ? r.flags : r.flags + 'g')
  )
  const stickies = spec.rules.map(r =>
    r.anchored ? new RegExp(r.source, r.flags.replace(/[gy]/g, '') + 'y') : undefined
  )
  const disabledRules = new Set<number>()
  const vmContext = vm.createContext({ re: null, texts: null, out: null, max: 0 })
  // One call per rule and buffer: all its windows under one time budget.
  const vmScript = new vm.Script(
    '{ out = []; let total = 0; for (const text of texts) { const f = []; re.lastIndex = 0;' +
      ' for (let m; (m = re.exec(text)) !== null; ) { f.push([m.index, Array.from(m)]);' +
      ' if (m[0].length === 0) re.lastIndex++; if (++total >= max) break }' +
      ' out.push(f); if (total >= max) break } }'
  )
  const decoder = new TextDecoder('utf-8')
  const afterSets = spec.rules.map(r => {
    if (!r.after) return undefined
    const set = new Uint8Array(256)
    for (const b of r.after.bytes) set[b] = 1
    return { set, within: r.after.within }
  })
  const drops = spec.rules.map(r => (r.drop ? new RegExp(r.drop, 'i') : undefined))
  const entropyOf = (str: string): number => {
    if (!/[^\t-~]/.test(str)) {
      entropyCounts.fill(0)
      for (let i = 0; i < str.length; i++) entropyCounts[str.charCodeAt(i)]++
      let h = 0
      for (let i = 0; i < 128; i++) {
        const c = entropyCounts[i]
        if (c === 0) continue
        const p = c / str.length
        h -= p * Math.log2(p)
      }
      return h
    }
    const counts = new Map<string, number>()
    for (const ch of str) counts.set(ch, (counts.get(ch) ?? 0) + 1)
    let h = 0
    for (const c of counts.values()) {
      const p = c / str.length
      h -= p * Math.log2(p)
    }
    return h
  }
  /** False when the match's secret fails the rule's entropy or drop gate. */
  const passesGates = (r: number, groups: (string | null)[]): boolean => {
    const rule = spec.rules[r]
    if (rule.entropy === undefined && drops[r] === undefined) return true
    let secret: string | null | undefined
    if (rule.secretGroup !== undefined) secret = groups[rule.secretGroup]
    else {
      for (let g = 1; g < groups.length && !secret; g++) secret = groups[g]
      if (!secret) secret = groups[0]
    }
    if (!secret) return false
    if (rule.entropy !== undefined && entropyOf(secret) <= rule.entropy) return false
    const d = drops[r]
    return d === undefined || !d.test(secret)
  }

  // Windows of one rule closer than this are merged: fewer, longer regex runs.
  const MERGE_GAP = spec.mergeGap ?? 128

  const winsAll: number[][] = spec.rules.map(() => [])
  const coveredAll = new Float64Array(spec.rules.length)
  const usedRules: number[] = []
  const entropyCounts = new Uint32Array(128)

  function scan(buf: Uint8Array): ScanResult {
    const len = buf.length
    const nRules = spec.rules.length
    // Per rule: windows as [start, end) byte offsets, merged as hits arrive (hits come in order).
    // Shared arrays, reset per buffer: allocation per file and rule showed up as GC time.
    const wins = winsAll
    for (const r of usedRules) wins[r].length = 0
    usedRules.length = 0
    const covered = coveredAll
    covered.fill(-1)
    /** Anchored hits: [rule, start byte, ...]. */
    const anch: number[] = []
    // Bounds of the line holding the current hit; hits arrive in order, so most reuse them.
    let curLS = 0
    let curLE = -1
    const hits = hitsAll
    collectHits(buf, hits)
    for (let h = 0; h < hits.length; h += 2) {
      const i = hits[h]
      const s = hits[h + 1] >> 8
      {
        if (i >= curLE) {
          // Plain loops: lines are short, and a native indexOf call costs more than the scan.
          // The backward scan stops at the previous hit line's end at the latest.
          let a = i
          while (a >= 0 && buf[a] !== 10) a--
          curLS = a + 1
          let e = i
          while (e < len && buf[e] !== 10) e++
          curLE = e
        }
        const an = outAnchById[s]
        for (let j = 0; j < an.length; j += 2) {
          const r = an[j]
          const aft = afterSets[r]
          if (aft !== undefined) {
            const stop = Math.min(curLE, i + aft.within + 1)
            let ok = false
            const set = aft.set
            for (let k = i + 1; k < stop; k++)
              if (set[buf[k]] === 1) {
                ok = true
                break
              }
            if (!ok) continue
          }
          anch.push(r, i - an[j + 1] + 1)
        }
        const rs = outRulesById[s]
        for (let j = 0; j < rs.length; j++) {
          const r = rs[j]
          if (i < covered[r]) continue
          const rule = spec.rules[r]
          const aft = afterSets[r]
          if (aft !== undefined) {
            const stop = Math.min(curLE, i + aft.within + 1)
            let ok = false
            const set = aft.set
            for (let k = i + 1; k < stop; k++)
              if (set[buf[k]] === 1) {
                ok = true
                break
              }
            if (!ok) continue
          }
          let start = curLS
          if (rule.back > 0 && start > 0)
            start = buf.lastIndexOf(10, Math.max(0, curLS - rule.back)) + 1
          let end = curLE
          if (rule.span > 0 && end < len) {
            end = buf.indexOf(10, Math.min(len - 1, curLE + rule.span))
            if (end === -1) end = len
          }
          covered[r] = end
          const w = wins[r]
          if (w.length === 0) usedRules.push(r)
          if (w.length > 0 && start <= w[w.length - 1] + MERGE_GAP)
            w[w.length - 1] = Math.max(w[w.length - 1], end)
          else w.push(start, end)
        }
      }
    }
    for (const r of alwaysRules) {
      if (wins[r].length === 0) usedRules.push(r)
      wins[r].push(0, len)
    }

    let nl: Int32Array | undefined
    const newlines = (): Int32Array => {
      if (nl) return nl
      const acc: number[] = []
      for (let p = buf.indexOf(10); p !== -1; p = buf.indexOf(10, p + 1)) acc.push(p)
      nl = Int32Array.from(acc)
      return nl
    }
    /** 0-based line index of a byte offset. */
    const lineOf = (off: number): number => {
      const a = newlines()
      let lo = 0
      let hi = a.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (a[mid] < off) lo = mid + 1
        else hi = mid
      }
      return lo
    }

    // ASCII files (most source code) are decoded once; windows are then cheap slices.
    let whole: string | undefined
    const any = anch.length > 0 || usedRules.length > 0
    if (any) {
      let ascii: boolean
      if (isAscii) ascii = isAscii(buf)
      else {
        ascii = true
        for (let p = 0; p < len && ascii; p++) if (buf[p] > 127) ascii = false
      }
      if (ascii) whole = decoder.decode(buf)
    }
    // Anchored hits: tried in place on ASCII text, else turned into line windows.
    const anchFound = new Map<number, [number, string, [number, (string | null)[]][]][]>()
    for (let j = 0; j < anch.length; j += 2) {
      const r = anch[j]
      const start = anch[j + 1]
      const re = stickies[r]
      let m: RegExpExecArray | null = null
      if (whole !== undefined && re) {
        // Anchored rules never match across a newline, so the whole text is as good as the line.
        re.lastIndex = start
        m = re.exec(whole)
        if (m === null) continue
      }
      const ls = start > 0 ? buf.lastIndexOf(10, start - 1) + 1 : 0
      let le = buf.indexOf(10, start)
      if (le === -1) le = len
      if (m === null) {
        const w = wins[r]
        if (w.length === 0) usedRules.push(r)
        if (w.length > 0 && ls <= w[w.length - 1]) w[w.length - 1] = Math.max(w[w.length - 1], le)
        else w.push(ls, le)
        continue
      }
      const text = whole!.slice(ls, le)
      m.index -= ls
      let list = anchFound.get(r)
      if (!list) anchFound.set(r, (list = []))
      list.push([ls, text, [[m.index, Array.from(m, g => g ?? null)]]])
    }
    const matches: RawMatch[] = []
    const slow: SlowRule[] = []
    for (let r = 0; r < nRules; r++) {
      const w = wins[r]
      const af = anchFound.get(r)
      if ((w.length === 0 && af === undefined) || disabledRules.has(r)) continue
      const rule = spec.rules[r]
      const re = regexes[r]
      let count = 0
      const units: [number, string | undefined, [number, (string | null)[]][] | undefined][] = []
      for (let wi = 0; wi < w.length; wi += 2) units.push([wi, undefined, undefined])
      for (const [ls, text, found] of af ?? []) units.push([ls, text, found])
      let untrustedFound: [number, (string | null)[]][][] | undefined
      for (let ui = 0; ui < units.length && count < spec.maxMatchesPerRule; ui++) {
        const unit = units[ui]
        const ws = unit[1] === undefined ? w[unit[0]] : unit[0]
        const text =
          unit[1] !== undefined
            ? unit[1]
            : whole !== undefined
              ? whole.slice(ws, w[unit[0] + 1])
              : decoder.decode(buf.subarray(ws, w[unit[0] + 1]))
        let found: [number, (string | null)[]][] = []
        if (unit[2] !== undefined) found = unit[2]
        else if (rule.untrusted) {
          if (untrustedFound === undefined) {
            const texts = units.map(u =>
              u[1] !== undefined
                ? u[1]
                : whole !== undefined
                  ? whole.slice(w[u[0]], w[u[0] + 1])
                  : decoder.decode(buf.subarray(w[u[0]], w[u[0] + 1]))
            )
            vmContext.re = re
            vmContext.texts = texts
            vmContext.max = spec.maxMatchesPerRule
            const t0 = Date.now()
            try {
              vmScript.runInContext(vmContext, { timeout: spec.timeoutMs })
              untrustedFound = vmContext.out as [number, (string | null)[]][][]
            } catch (err) {
              // Anything but the time budget is a bug: rethrow it.
              if ((err as { code?: string }).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw err
              disabledRules.add(r)
              slow.push({ rule: r, ms: Date.now() - t0 })
              break
            } finally {
              vmContext.texts = null
              vmContext.out = null
            }
          }
          found = untrustedFound[ui] ?? []
        } else {
          re.lastIndex = 0
          for (let m; (m = re.exec(text)) !== null;) {
            found.push([m.index, Array.from(m, g => g ?? null)])
            if (m[0].length === 0) re.lastIndex++
            if (found.length + count >= spec.maxMatchesPerRule) break
          }
        }
        if (found.length === 0) continue
        let baseLine = -1
        for (const [idx, groups] of found) {
          const m0 = groups[0] ?? ''
          if (m0.length === 0) continue
          if (!passesGates(r, groups)) continue
          if (baseLine === -1) baseLine = lineOf(ws)
          count++
          let line = baseLine
          let lineStart = 0
          for (let p = text.indexOf('\n'); p !== -1 && p < idx; p = text.indexOf('\n', p + 1)) {
            line++
            lineStart = p + 1
          }
          const endIdx = idx + m0.length
          let endLine = line
          let endLineStart = lineStart
          for (
            let p = text.indexOf('\n', idx);
            p !== -1 && p < endIdx - 1;
            p = text.indexOf('\n', p + 1)
          ) {
            endLine++
            endLineStart = p + 1
          }
          const lineEnd = text.indexOf('\n', idx)
          const endLineEnd = text.indexOf('\n', endIdx - 1)
          matches.push({
            rule: r,
            line: line + 1,
            column: idx - lineStart + 1,
            endLine: endLine + 1,
            endColumn: endIdx - endLineStart + 1,
            match: m0,
            groups,
            lineText: text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd).slice(0, 4096),
            endLineText: text
              .slice(endLineStart, endLineEnd === -1 ? text.length : endLineEnd)
              .slice(0, 4096)
          })
        }
      }
    }
    return { matches, slow }
  }

  return { scan, disabled: () => [...disabledRules] }
}
