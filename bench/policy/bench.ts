/**
 * Policy-check benchmark: 5,000 generated Kubernetes manifests (in multi-document files) against
 * the built-in libraries (pss-restricted + best-practices), reported as manifests/second. conftest
 * cannot be installed here (no Go toolchain or binary downloads), so the side-by-side peer is a
 * plain-TypeScript implementation of four checks, compared with the same four checks in Rego.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { stringify } from 'yaml'
import { compile } from '@secure-pipeline/rego'
import { PolicySet, loadInputs, runPolicyCheck } from '@secure-pipeline/policy'

const TOTAL = Number(process.env.BENCH_MANIFESTS ?? 5000)
const PER_FILE = 100

type Obj = Record<string, unknown>

function podSpec(i: number): Obj {
  const bad = i % 3 === 0
  return {
    ...(bad
      ? { hostNetwork: true }
      : { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } } }),
    automountServiceAccountToken: i % 2 === 0 ? false : undefined,
    containers: [
      {
        name: `app-${i}`,
        image: bad ? 'nginx:latest' : `registry.example.com/app-${i}:1.${i % 10}`,
        ports: [{ containerPort: 8080 }],
        securityContext: bad
          ? { privileged: true }
          : {
              allowPrivilegeEscalation: false,
              readOnlyRootFilesystem: true,
              capabilities: { drop: ['ALL'] }
            },
        resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
        livenessProbe: { httpGet: { path: '/healthz', port: 8080 } }
      },
      ...(i % 5 === 0
        ? [{ name: 'sidecar', image: 'busybox', securityContext: { runAsUser: 0 } }]
        : [])
    ],
    volumes:
      i % 7 === 0
        ? [{ name: 'host', hostPath: { path: '/var/run' } }]
        : [{ name: 'tmp', emptyDir: {} }]
  }
}

function manifest(i: number): Obj {
  const metadata = {
    name: `obj-${i}`,
    namespace: i % 11 === 0 ? 'default' : 'apps',
    labels: { app: `app-${i}` }
  }
  switch (i % 6) {
    case 0:
      return { apiVersion: 'v1', kind: 'Pod', metadata, spec: podSpec(i) }
    case 1:
      return {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata,
        spec: { replicas: 2, template: { metadata: { labels: metadata.labels }, spec: podSpec(i) } }
      }
    case 2:
      return {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata,
        spec: { template: { spec: podSpec(i) } }
      }
    case 3:
      return {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata,
        spec: { schedule: '0 * * * *', jobTemplate: { spec: { template: { spec: podSpec(i) } } } }
      }
    case 4:
      return {
        apiVersion: 'v1',
        kind: 'Service',
        metadata,
        spec: { type: i % 4 === 0 ? 'NodePort' : 'ClusterIP', ports: [{ port: 80 }] }
      }
    default:
      return { apiVersion: 'v1', kind: 'ConfigMap', metadata, data: { key: `value-${i}` } }
  }
}

// The plain-TypeScript reference of REGO_REFERENCE below: same checks, same result strings.
function tsReference(doc: Obj): string[] {
  const out: string[] = []
  const kind = doc.kind
  const spec = doc.spec as Obj | undefined
  let tpl: Obj | undefined
  if (kind === 'Pod') tpl = doc
  else if (kind === 'CronJob')
    tpl = ((spec?.jobTemplate as Obj | undefined)?.spec as Obj | undefined)?.template as
      Obj | undefined
  else if (
    [
      'Deployment',
      'StatefulSet',
      'DaemonSet',
      'ReplicaSet',
      'Job',
      'ReplicationController'
    ].includes(String(kind))
  )
    tpl = spec?.template as Obj | undefined
  const ps = tpl?.spec as Obj | undefined
  if (!ps) return out
  for (const f of ['hostNetwork', 'hostPID', 'hostIPC'])
    if (ps[f] === true) out.push(`hostNamespaces ${f}`)
  const podNonRoot = (ps.securityContext as Obj | undefined)?.runAsNonRoot === true
  for (const field of ['containers', 'initContainers', 'ephemeralContainers']) {
    for (const c of (ps[field] as Obj[] | undefined) ?? []) {
      const sc = (c.securityContext as Obj | undefined) ?? {}
      if (sc.privileged === true) out.push(`privileged ${String(c.name)}`)
      if (sc.runAsNonRoot === false || (!sc.runAsNonRoot && !podNonRoot))
        out.push(`runAsNonRoot ${String(c.name)}`)
      const image = typeof c.image === 'string' ? c.image : ''
      const last = image.split('/').pop() ?? ''
      if ((!image.includes('@') && !last.includes(':')) || image.endsWith(':latest'))
        out.push(`image-tag-latest ${String(c.name)}`)
    }
  }
  return out
}

const REGO_REFERENCE = `package bench
import rego.v1
pod_spec := input.spec if input.kind == "Pod"
pod_spec := input.spec.template.spec if input.kind in {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "ReplicationController"}
pod_spec := input.spec.jobTemplate.spec.template.spec if input.kind == "CronJob"
containers contains c if {
	some field in ["containers", "initContainers", "ephemeralContainers"]
	some c in pod_spec[field]
}
deny contains sprintf("hostNamespaces %s", [f]) if {
	some f in ["hostNetwork", "hostPID", "hostIPC"]
	pod_spec[f] == true
}
deny contains sprintf("privileged %s", [c.name]) if {
	some c in containers
	c.securityContext.privileged == true
}
deny contains sprintf("runAsNonRoot %s", [c.name]) if {
	some c in containers
	c.securityContext.runAsNonRoot == false
}
deny contains sprintf("runAsNonRoot %s", [c.name]) if {
	some c in containers
	not c.securityContext.runAsNonRoot
	not pod_spec.securityContext.runAsNonRoot == true
}
deny contains sprintf("image-tag-latest %s", [c.name]) if {
	some c in containers
	not indexof(c.image, "@") >= 0
	parts := split(c.image, "/")
	last := parts[count(parts) - 1]
	not indexof(last, ":") >= 0
}
deny contains sprintf("image-tag-latest %s", [c.name]) if {
	some c in containers
	endswith(c.image, ":latest")
}
`

function time<T>(fn: () => T): [T, number] {
  const t0 = process.hrtime.bigint()
  const v = fn()
  return [v, Number(process.hrtime.bigint() - t0) / 1e9]
}

function main(): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-policy-'))
  try {
    for (let f = 0; f * PER_FILE < TOTAL; f++) {
      const docs: string[] = []
      for (let i = f * PER_FILE; i < Math.min(TOTAL, (f + 1) * PER_FILE); i++)
        docs.push(stringify(manifest(i)))
      writeFileSync(
        path.join(dir, `manifests-${String(f).padStart(3, '0')}.yaml`),
        docs.join('---\n')
      )
    }
    // One unmeasured full run warms the JIT up; the runs below are measured.
    runPolicyCheck({ paths: ['.'], builtins: ['pss-restricted', 'best-practices'], cwd: dir })
    const [files, loadSecs] = time(() => loadInputs(['.'], { cwd: dir }))
    const docs = files.flatMap(f => f.documents)
    const set = new PolicySet({ builtins: ['pss-restricted', 'best-practices'] })
    const [results, evalSecs] = time(() => set.check(files))
    const failures = results.reduce((n, r) => n + r.failures.length, 0)
    const warnings = results.reduce((n, r) => n + r.warnings.length, 0)
    const [, e2eSecs] = time(() =>
      runPolicyCheck({ paths: ['.'], builtins: ['pss-restricted', 'best-practices'], cwd: dir })
    )

    // Same four checks: Rego (our engine) vs plain TypeScript.
    const ref = compile([{ path: 'bench.rego', source: REGO_REFERENCE }])
    const values = docs.map(d => d.value as Obj)
    for (const v of values.slice(0, 200)) ref.evalRule('bench', 'deny', { input: v })
    const [regoCount, regoSecs] = time(() =>
      values.reduce(
        (n, v) =>
          n + ((ref.evalRule('bench', 'deny', { input: v }) as unknown[] | undefined)?.length ?? 0),
        0
      )
    )
    const [tsCount, tsSecs] = time(() => {
      let n = 0
      for (let rep = 0; rep < 20; rep++)
        n = values.reduce((m, v) => m + new Set(tsReference(v)).size, 0)
      return n
    })
    const tsPerSec = (values.length * 20) / tsSecs

    const rate = (n: number, s: number): string => `${Math.round(n / s).toLocaleString('en-US')}/s`
    console.log(
      `policy-check benchmark: ${docs.length} manifests in ${files.length} files (node ${process.version}, ${os.cpus().length} CPUs)`
    )
    console.log(
      `  load + parse YAML (positions kept)      ${loadSecs.toFixed(2)} s  ${rate(docs.length, loadSecs)}`
    )
    console.log(
      `  evaluate pss-restricted + best-practices ${evalSecs.toFixed(2)} s  ${rate(docs.length, evalSecs)}  (${failures} failures, ${warnings} warnings)`
    )
    console.log(
      `  end to end (runPolicyCheck)              ${e2eSecs.toFixed(2)} s  ${rate(docs.length, e2eSecs)} manifests/second`
    )
    console.log(
      '  peer: conftest is not installable here (Go binary; only npm and Debian packages are reachable)'
    )
    console.log(
      `  same 4 checks, Rego on our engine        ${regoSecs.toFixed(2)} s  ${rate(docs.length, regoSecs)}  (${regoCount} results)`
    )
    console.log(
      `  same 4 checks, plain TypeScript          ${(tsSecs / 20).toFixed(3)} s  ${Math.round(tsPerSec).toLocaleString('en-US')}/s  (${tsCount} results)`
    )
    console.log(
      `  ratio TypeScript / Rego for those checks  ${(tsPerSec / (docs.length / regoSecs)).toFixed(1)}x${regoCount === tsCount ? '' : '  (RESULT COUNTS DIFFER)'}`
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main()
