/**
 * A recording HTTP proxy on 127.0.0.1 in front of a real registry (test/registry.ts), whose
 * `intercept` hook can answer a request itself — to play a misbehaving registry (redirects,
 * wrong digests, oversized or chunked bodies, odd referrers answers) over real content.
 * Not a test file itself.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ProxiedRequest {
  method: string
  path: string
  authorization?: string
}

/** Return true when the hook answered `res` itself; false to forward upstream. */
export type Intercept = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  upstream: (path: string, init?: RequestInit) => Promise<Response>
) => boolean | Promise<boolean>

export interface TestProxy {
  host: string
  url: string
  requests: ProxiedRequest[]
  intercept: Intercept | undefined
  stop(): Promise<void>
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

/** Starts a proxy forwarding to `upstreamUrl` (`http://127.0.0.1:PORT`). */
export async function startProxy(upstreamUrl: string): Promise<TestProxy> {
  const upstream = (p: string, init: RequestInit = {}): Promise<Response> =>
    fetch(new URL(p, upstreamUrl), { redirect: 'manual', ...init })
  const proxy: TestProxy = {
    host: '',
    url: '',
    requests: [],
    intercept: undefined,
    stop: () => Promise.resolve()
  }
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', proxy.url)
      const method = req.method ?? 'GET'
      proxy.requests.push({
        method,
        path: url.pathname + url.search,
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {})
      })
      if (proxy.intercept && (await proxy.intercept(req, res, url, upstream))) return
      const headers: Record<string, string> = {}
      for (const [k, v] of Object.entries(req.headers)) {
        if (typeof v === 'string' && !['host', 'authorization', 'connection'].includes(k))
          headers[k] = v
      }
      const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req)
      const r = await upstream(url.pathname + url.search, { method, headers, body })
      const out: Record<string, string> = {}
      r.headers.forEach((v, k) => {
        if (!['content-encoding', 'transfer-encoding', 'connection'].includes(k)) out[k] = v
      })
      const location = r.headers.get('location')
      if (location) out.location = location.replace(upstreamUrl, proxy.url)
      res.writeHead(r.status, out)
      res.end(method === 'HEAD' ? undefined : Buffer.from(await r.arrayBuffer()))
    })().catch((err: unknown) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' })
      res.end(String(err))
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  proxy.host = `127.0.0.1:${port}`
  proxy.url = `http://${proxy.host}`
  proxy.stop = () =>
    new Promise<void>(resolve => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return proxy
}
