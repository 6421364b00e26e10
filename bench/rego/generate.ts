/** Deterministic generator of realistic Kubernetes workloads (Pods, Deployments, CronJobs, ...). */
export type K8sObject = Record<string, unknown>

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 0x100000000
  }
}

const IMAGES = [
  'nginx:1.27',
  'nginx',
  'ghcr.io/acme/api:latest',
  'registry.k8s.io/pause:3.9',
  'redis@sha256:0e7f1c7a4a5b8d6e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80',
  'localhost:5000/tools/debug',
  'quay.io/prometheus/node-exporter:v1.8.2'
]
const CAPS = ['NET_BIND_SERVICE', 'NET_ADMIN', 'SYS_ADMIN', 'CHOWN']

export function generateObjects(n: number, seed: number): K8sObject[] {
  const r = rng(seed)
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]
  const chance = (p: number): boolean => r() < p
  const container = (i: number): Record<string, unknown> => {
    const sc: Record<string, unknown> = {}
    if (chance(0.1)) sc.privileged = true
    if (chance(0.7)) sc.allowPrivilegeEscalation = chance(0.9) ? false : true
    if (chance(0.5)) sc.runAsNonRoot = chance(0.85)
    if (chance(0.5)) sc.readOnlyRootFilesystem = chance(0.8)
    if (chance(0.6)) {
      const caps: Record<string, unknown> = {}
      if (chance(0.7)) caps.drop = chance(0.8) ? ['ALL'] : ['NET_RAW']
      if (chance(0.3)) caps.add = [pick(CAPS)]
      sc.capabilities = caps
    }
    if (chance(0.4))
      sc.seccompProfile = { type: pick(['RuntimeDefault', 'Localhost', 'Unconfined']) }
    const c: Record<string, unknown> = { name: `c${i}`, image: pick(IMAGES) }
    if (Object.keys(sc).length || chance(0.5)) c.securityContext = sc
    if (chance(0.3)) c.ports = [{ containerPort: 8080, ...(chance(0.2) ? { hostPort: 8080 } : {}) }]
    if (chance(0.7)) {
      const limits: Record<string, string> = {}
      if (chance(0.9)) limits.cpu = '500m'
      if (chance(0.8)) limits.memory = '256Mi'
      c.resources = { limits, requests: { cpu: '100m' } }
    }
    return c
  }
  const podSpec = (): Record<string, unknown> => {
    const spec: Record<string, unknown> = {
      containers: Array.from({ length: 1 + Math.floor(r() * 3) }, (_, i) => container(i))
    }
    if (chance(0.2)) spec.initContainers = [container(9)]
    if (chance(0.05)) spec.hostNetwork = true
    if (chance(0.03)) spec.hostPID = true
    if (chance(0.03)) spec.hostIPC = true
    if (chance(0.5)) {
      const psc: Record<string, unknown> = {}
      if (chance(0.6)) psc.runAsNonRoot = true
      if (chance(0.5)) psc.seccompProfile = { type: 'RuntimeDefault' }
      spec.securityContext = psc
    }
    if (chance(0.3))
      spec.volumes = [
        { name: 'data', emptyDir: {} },
        ...(chance(0.3) ? [{ name: 'host', hostPath: { path: '/var/run/docker.sock' } }] : [])
      ]
    return spec
  }
  const out: K8sObject[] = []
  for (let i = 0; i < n; i++) {
    const kind = pick([
      'Pod',
      'Deployment',
      'Deployment',
      'StatefulSet',
      'DaemonSet',
      'Job',
      'CronJob',
      'Service',
      'ConfigMap'
    ])
    const metadata = {
      name: `obj-${i}`,
      namespace: pick(['default', 'prod', 'kube-system']),
      labels: { app: `app-${i % 50}` }
    }
    let spec: unknown
    switch (kind) {
      case 'Pod':
        spec = podSpec()
        break
      case 'CronJob':
        spec = { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: podSpec() } } } }
        break
      case 'Service':
        spec = { selector: { app: 'x' }, ports: [{ port: 80 }] }
        break
      case 'ConfigMap':
        out.push({ apiVersion: 'v1', kind, metadata, data: { key: 'value' } })
        continue
      default:
        spec = {
          replicas: 1 + Math.floor(r() * 5),
          template: { metadata: { labels: metadata.labels }, spec: podSpec() }
        }
    }
    out.push({
      apiVersion: kind === 'Pod' || kind === 'Service' ? 'v1' : 'apps/v1',
      kind,
      metadata,
      spec
    })
  }
  return out
}
