/** The checks of pss.rego written as plain TypeScript: the physical reference for bench:rego. */
import type { K8sObject } from './generate.js'

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const truthy = (v: unknown): boolean => v !== undefined && v !== false

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'])
const SECCOMP_OK = new Set(['RuntimeDefault', 'Localhost'])

function podSpec(o: K8sObject): Obj | undefined {
  const spec = obj(o.spec)
  if (o.kind === 'Pod') return spec
  if (WORKLOADS.has(o.kind as string)) return obj(obj(obj(spec?.template)?.spec))
  if (o.kind === 'CronJob') return obj(obj(obj(obj(obj(spec?.jobTemplate)?.spec)?.template)?.spec))
  return undefined
}

function imageTag(image: string): string {
  const parts = image.split('/')
  const last = parts[parts.length - 1]
  if (!last.includes(':')) return ''
  return last.split(':')[1]
}

function fmt(s: string): string {
  return JSON.stringify(s)
}

export function checkPlain(o: K8sObject): { deny: string[]; warn: string[] } {
  const deny = new Set<string>()
  const warn = new Set<string>()
  const spec = podSpec(o)
  if (!spec) return { deny: [], warn: [] }
  const name = `${o.kind as string}/${obj(o.metadata)?.name as string}`
  const containers = [...arr(spec.containers), ...arr(spec.initContainers)].map(c => obj(c) ?? {})
  const podSC = obj(spec.securityContext)
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC'])
    if (truthy(spec[field])) deny.add(`${name}: ${field} is not allowed`)
  for (const v of arr(spec.volumes)) {
    const vo = obj(v)
    if (vo && truthy(vo.hostPath))
      deny.add(`${name}: hostPath volume ${fmt(vo.name as string)} is not allowed`)
  }
  for (const c of containers) {
    const cn = fmt(c.name as string)
    const sc = obj(c.securityContext)
    if (truthy(sc?.privileged)) deny.add(`${name}: container ${cn} must not be privileged`)
    for (const p of arr(c.ports)) {
      const hp = obj(p)?.hostPort
      if (typeof hp === 'number' && hp > 0) deny.add(`${name}: container ${cn} uses hostPort ${hp}`)
    }
    if (sc?.allowPrivilegeEscalation !== false)
      deny.add(`${name}: container ${cn} must set allowPrivilegeEscalation to false`)
    const nonRoot =
      sc?.runAsNonRoot === true || (sc?.runAsNonRoot !== false && podSC?.runAsNonRoot === true)
    if (!nonRoot) deny.add(`${name}: container ${cn} must run as non-root`)
    const caps = obj(sc?.capabilities)
    for (const cap of arr(caps?.add))
      if (cap !== 'NET_BIND_SERVICE')
        deny.add(`${name}: container ${cn} adds capability ${cap as string}`)
    if (!arr(caps?.drop).includes('ALL'))
      deny.add(`${name}: container ${cn} must drop ALL capabilities`)
    const cType = obj(sc?.seccompProfile)?.type
    const pType = obj(podSC?.seccompProfile)?.type
    const seccompOk =
      SECCOMP_OK.has(cType as string) ||
      (sc?.seccompProfile === undefined && SECCOMP_OK.has(pType as string))
    if (!seccompOk)
      deny.add(`${name}: container ${cn} needs a RuntimeDefault or Localhost seccomp profile`)
    const image = c.image as string
    if (!image.includes('@sha256:')) {
      const tag = imageTag(image)
      if (tag === '' || tag === 'latest')
        warn.add(`${name}: container ${cn} uses an unpinned image ${image}`)
    }
    const limits = obj(obj(c.resources)?.limits)
    for (const r of ['cpu', 'memory'])
      if (!truthy(limits?.[r])) warn.add(`${name}: container ${cn} has no ${r} limit`)
    if (sc?.readOnlyRootFilesystem !== true)
      warn.add(`${name}: container ${cn} should use a read-only root filesystem`)
  }
  return { deny: [...deny], warn: [...warn] }
}
