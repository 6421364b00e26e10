/**
 * The built-in sets, check by check: a Restricted-compliant pod, then one change at a time, with
 * the check IDs each level must report (a Restricted check that supersedes a Baseline one reports
 * only the Restricted ID). Then every pod-bearing kind, line numbers, data configuration, and the
 * best-practices set.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-assignment --
   the cases build manifests by mutating plain JSON objects */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { stringify } from 'yaml'
import { PolicySet, type CheckResult } from '../src/engine.js'
import { parseYamlText, loadInputs } from '../src/load.js'
import type { BuiltinSetName } from '../src/builtins.js'
import { BUILTIN_POLICY_SOURCES } from '../src/builtin-policies.generated.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const DIGEST = 'sha256:' + 'a'.repeat(64)

type Obj = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

function compliantPod(): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'apps', labels: { app: 'p' } },
    spec: {
      automountServiceAccountToken: false,
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: 'c',
          image: `registry.example.com/app:1.0@${DIGEST}`,
          securityContext: {
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: ['ALL'] }
          },
          resources: {
            requests: { cpu: '100m', memory: '64Mi' },
            limits: { cpu: '1', memory: '128Mi' }
          },
          livenessProbe: { httpGet: { path: '/healthz', port: 8080 } },
          readinessProbe: { httpGet: { path: '/ready', port: 8080 } }
        }
      ]
    }
  }
}

const sets = new Map<string, PolicySet>()
function policySet(set: BuiltinSetName, config: Obj = {}): PolicySet {
  const key = set + JSON.stringify(config)
  let s = sets.get(key)
  if (!s) sets.set(key, (s = new PolicySet({ builtins: [set], data: { secure_pipeline: config } })))
  return s
}

function check(
  set: BuiltinSetName,
  obj: unknown,
  config: Obj = {}
): Omit<CheckResult, 'filename' | 'namespace'> {
  const ps = policySet(set, config)
  const [doc] = parseYamlText(stringify(obj), 'x.yaml')
  return ps.checkDocument(ps.resolveNamespaces()[0], doc.value, ps.data, doc, 'x.yaml')
}

function ids(set: BuiltinSetName, obj: unknown, config: Obj = {}): string[] {
  const r = check(set, obj, config)
  return [...r.failures, ...r.warnings].map(f => String(f.metadata?.id)).sort()
}

const c0 = (p: Obj): Obj => p.spec.containers[0]
const sc = (p: Obj): Obj => c0(p).securityContext

const PSS_CASES: [string, (p: Obj) => void, string[], string[]][] = [
  ['compliant', () => {}, [], []],
  ['privileged', p => (sc(p).privileged = true), ['privileged'], ['privileged']],
  [
    'privileged init container',
    p =>
      (p.spec.initContainers = [
        { ...c0(p), name: 'i', securityContext: { ...sc(p), privileged: true } }
      ]),
    ['privileged'],
    ['privileged']
  ],
  [
    'privileged ephemeral container',
    p =>
      (p.spec.ephemeralContainers = [
        { ...c0(p), name: 'e', securityContext: { ...sc(p), privileged: true } }
      ]),
    ['privileged'],
    ['privileged']
  ],
  [
    'host namespaces',
    p => Object.assign(p.spec, { hostNetwork: true, hostPID: true, hostIPC: true }),
    ['hostNamespaces', 'hostNamespaces', 'hostNamespaces'],
    ['hostNamespaces', 'hostNamespaces', 'hostNamespaces']
  ],
  [
    'hostPath volume (restricted supersedes)',
    p => (p.spec.volumes = [{ name: 'h', hostPath: { path: '/' } }]),
    ['hostPathVolumes'],
    ['restrictedVolumes']
  ],
  [
    'nfs volume',
    p => (p.spec.volumes = [{ name: 'n', nfs: { server: 's', path: '/' } }]),
    [],
    ['restrictedVolumes']
  ],
  [
    'allowed volumes',
    p =>
      (p.spec.volumes = [
        { name: 'a', emptyDir: {} },
        { name: 'b', configMap: { name: 'x' } },
        { name: 'c', projected: { sources: [] } }
      ]),
    [],
    []
  ],
  [
    'hostPort',
    p => (c0(p).ports = [{ containerPort: 80, hostPort: 8080 }]),
    ['hostPorts'],
    ['hostPorts']
  ],
  ['hostPort 0', p => (c0(p).ports = [{ containerPort: 80, hostPort: 0 }]), [], []],
  [
    'add SYS_ADMIN (restricted supersedes)',
    p => (sc(p).capabilities.add = ['SYS_ADMIN']),
    ['capabilities_baseline'],
    ['capabilities_restricted']
  ],
  ['add CHOWN', p => (sc(p).capabilities.add = ['CHOWN']), [], ['capabilities_restricted']],
  ['add NET_BIND_SERVICE', p => (sc(p).capabilities.add = ['NET_BIND_SERVICE']), [], []],
  ['no drop ALL', p => delete sc(p).capabilities, [], ['capabilities_restricted']],
  [
    'AppArmor annotation unconfined',
    p =>
      (p.metadata.annotations = {
        'container.apparmor.security.beta.kubernetes.io/c': 'unconfined'
      }),
    ['appArmorProfile'],
    ['appArmorProfile']
  ],
  [
    'AppArmor annotation localhost',
    p =>
      (p.metadata.annotations = {
        'container.apparmor.security.beta.kubernetes.io/c': 'localhost/prof'
      }),
    [],
    []
  ],
  [
    'AppArmor field Unconfined',
    p => (sc(p).appArmorProfile = { type: 'Unconfined' }),
    ['appArmorProfile'],
    ['appArmorProfile']
  ],
  [
    'SELinux type spc_t',
    p => (sc(p).seLinuxOptions = { type: 'spc_t' }),
    ['seLinuxOptions'],
    ['seLinuxOptions']
  ],
  [
    'SELinux user',
    p => (p.spec.securityContext.seLinuxOptions = { user: 'sysadm_u' }),
    ['seLinuxOptions'],
    ['seLinuxOptions']
  ],
  [
    'SELinux container_t',
    p => (sc(p).seLinuxOptions = { type: 'container_t', level: 's0:c1' }),
    [],
    []
  ],
  [
    'procMount Unmasked (restricted supersedes)',
    p => (sc(p).procMount = 'Unmasked'),
    ['procMount'],
    ['procMount_restricted']
  ],
  [
    'procMount Unmasked in a user namespace',
    p => ((sc(p).procMount = 'Unmasked'), (p.spec.hostUsers = false)),
    [],
    ['procMount_restricted']
  ],
  [
    'seccomp Unconfined (restricted supersedes)',
    p => (sc(p).seccompProfile = { type: 'Unconfined' }),
    ['seccompProfile_baseline'],
    ['seccompProfile_restricted']
  ],
  [
    'no seccomp anywhere',
    p => delete p.spec.securityContext.seccompProfile,
    [],
    ['seccompProfile_restricted']
  ],
  [
    'seccomp on the container only',
    p => (
      (sc(p).seccompProfile = { type: 'Localhost', localhostProfile: 'x.json' }),
      delete p.spec.securityContext.seccompProfile
    ),
    [],
    []
  ],
  [
    'unsafe sysctl',
    p =>
      (p.spec.securityContext.sysctls = [
        { name: 'kernel.msgmax', value: '1' },
        { name: 'net.ipv4.tcp_syncookies', value: '1' }
      ]),
    ['sysctls'],
    ['sysctls']
  ],
  [
    'Windows HostProcess',
    p => (p.spec.securityContext.windowsOptions = { hostProcess: true }),
    ['windowsHostProcess'],
    ['windowsHostProcess']
  ],
  [
    'probe host',
    p => (c0(p).livenessProbe = { httpGet: { host: '10.0.0.1', port: 80 } }),
    ['hostProbesAndHostLifecycle'],
    ['hostProbesAndHostLifecycle']
  ],
  [
    'lifecycle host',
    p => (c0(p).lifecycle = { preStop: { tcpSocket: { host: 'evil', port: 80 } } }),
    ['hostProbesAndHostLifecycle'],
    ['hostProbesAndHostLifecycle']
  ],
  [
    'allowPrivilegeEscalation unset',
    p => delete sc(p).allowPrivilegeEscalation,
    [],
    ['allowPrivilegeEscalation']
  ],
  ['runAsNonRoot unset', p => delete p.spec.securityContext.runAsNonRoot, [], ['runAsNonRoot']],
  [
    'runAsNonRoot on the container only',
    p => ((sc(p).runAsNonRoot = true), delete p.spec.securityContext.runAsNonRoot),
    [],
    []
  ],
  ['runAsNonRoot false on the container', p => (sc(p).runAsNonRoot = false), [], ['runAsNonRoot']],
  ['runAsUser 0', p => (sc(p).runAsUser = 0), [], ['runAsUser']],
  ['runAsUser 1000', p => (sc(p).runAsUser = 1000), [], []],
  [
    'Windows pod exempt from caps/seccomp/escalation',
    p => (
      (p.spec.os = { name: 'windows' }),
      (c0(p).securityContext = {}),
      delete p.spec.securityContext.seccompProfile
    ),
    [],
    []
  ]
]

describe('Pod Security Standards, check by check', () => {
  it.each(PSS_CASES)('%s', (_name, mutate, baseline, restricted) => {
    const pod = compliantPod()
    mutate(pod)
    expect(ids('pss-baseline', pod)).toEqual([...baseline].sort())
    expect(ids('pss-restricted', pod)).toEqual([...restricted].sort())
  })

  it('every failure has id, severity, why, fix, path, document and line', () => {
    const pod = compliantPod()
    sc(pod).privileged = true
    const [f] = check('pss-baseline', pod).failures
    expect(f.metadata).toMatchObject({
      id: 'privileged',
      severity: 'high',
      path: 'spec.containers[0].securityContext.privileged',
      document: 0
    })
    expect(typeof f.metadata?.why).toBe('string')
    expect(typeof f.metadata?.fix).toBe('string')
    expect(f.metadata?.line).toBe(
      stringify(pod)
        .split('\n')
        .findIndex(l => l.includes('privileged: true')) + 1
    )
    expect(f.msg).toBe(
      'Pod/p: privileged (container "c" must not set securityContext.privileged=true)'
    )
  })

  it('exempt_images and disabled_checks are honoured', () => {
    const pod = compliantPod()
    sc(pod).privileged = true
    expect(ids('pss-baseline', pod, { exempt_images: ['registry.example.com/*'] })).toEqual([])
    expect(ids('pss-baseline', pod, { exempt_images: ['other.example.com/*'] })).toEqual([
      'privileged'
    ])
    expect(ids('pss-baseline', pod, { disabled_checks: ['privileged'] })).toEqual([])
  })

  it.each([
    [{ id: 'privileged', kind: 'Pod', name: 'p' }, ['hostNamespaces']],
    [{ id: 'privileged', name: 'p', namespace: 'apps' }, ['hostNamespaces']],
    [{ id: '*', name: 'p' }, []],
    [{ id: 'privileged', name: 'other' }, ['hostNamespaces', 'privileged']],
    [{ id: 'privileged', namespace: 'prod' }, ['hostNamespaces', 'privileged']],
    [{ id: 'hostNamespaces' }, ['privileged']]
  ])('per-object exception %j', (exception, expected) => {
    const pod = compliantPod()
    sc(pod).privileged = true
    pod.spec.hostPID = true
    expect(ids('pss-restricted', pod, { exceptions: [exception] })).toEqual(expected)
  })
})

describe('every pod-bearing kind, multi-document lines', () => {
  it('reports privileged in each of the 9 kinds at the right document and line, and nothing for a ConfigMap', () => {
    const [file] = loadInputs(['fixtures/builtins/kinds.yaml'], { cwd: here })
    const set = new PolicySet({ builtins: ['pss-baseline'] })
    const [r] = set.check([file])
    const lines = readFileSync(path.join(here, 'fixtures/builtins/kinds.yaml'), 'utf8')
      .split('\n')
      .flatMap((l, i) => (l.includes('privileged: true') ? [i + 1] : []))
    expect(lines).toHaveLength(9)
    expect(r.failures.map(f => [f.metadata?.id, f.metadata?.document, f.metadata?.line])).toEqual(
      lines.map((l, i) => ['privileged', i, l])
    )
    expect(r.failures.map(f => f.msg.split(':')[0])).toEqual([
      'Pod/pod',
      'Deployment/deployment',
      'StatefulSet/statefulset',
      'DaemonSet/daemonset',
      'ReplicaSet/replicaset',
      'Job/job',
      'CronJob/cronjob',
      'ReplicationController/rc',
      'PodTemplate/podtemplate'
    ])
  })
})

describe('best-practices', () => {
  const withImage = (image: string): Obj => {
    const p = compliantPod()
    c0(p).image = image
    return p
  }
  const deployment = (mutate: (p: Obj) => void = () => {}): Obj => {
    const p = compliantPod()
    mutate(p)
    return {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: p.metadata,
      spec: { template: { metadata: { labels: { app: 'p' } }, spec: p.spec } }
    }
  }
  it.each([
    ['compliant', compliantPod(), {}, []],
    ['no tag', withImage('nginx'), {}, ['image-tag-latest']],
    ['latest', withImage('nginx:latest'), {}, ['image-tag-latest']],
    ['tag without digest', withImage('nginx:1.25'), {}, ['image-digest']],
    ['registry port, no tag', withImage('registry.example.com:5000/app'), {}, ['image-tag-latest']],
    [
      'registry not allowed',
      compliantPod(),
      { allowed_registries: ['ghcr.io/acme/'] },
      ['allowed-registries']
    ],
    [
      'registry allowed (glob)',
      compliantPod(),
      { allowed_registries: ['registry.example.com/*'] },
      []
    ],
    [
      'registry allowed (repo name)',
      compliantPod(),
      { allowed_registries: ['registry.example.com/app'] },
      []
    ],
    [
      'repo name is not a prefix',
      withImage(`registry.example.com/application:1@${DIGEST}`),
      { allowed_registries: ['registry.example.com/app'] },
      ['allowed-registries']
    ],
    [
      'no requests or limits',
      deployment(p => delete c0(p).resources),
      {},
      ['resource-limits', 'resource-limits', 'resource-requests', 'resource-requests']
    ],
    [
      'only memory limit required',
      deployment(p => delete c0(p).resources.limits.cpu),
      { required_limits: ['memory'] },
      []
    ],
    [
      'no probes',
      deployment(p => (delete c0(p).livenessProbe, delete c0(p).readinessProbe)),
      {},
      ['liveness-probe', 'readiness-probe']
    ],
    ['null probe', deployment(p => (c0(p).livenessProbe = null)), {}, ['liveness-probe']],
    ['required label missing', compliantPod(), { required_labels: ['owner'] }, ['required-labels']],
    [
      'required label regex',
      compliantPod(),
      { required_labels: [{ key: 'app', allowedRegex: '^[0-9]+$' }] },
      ['required-labels']
    ],
    [
      'default namespace',
      (() => {
        const p = compliantPod()
        p.metadata.namespace = 'default'
        return p
      })(),
      {},
      ['default-namespace']
    ],
    [
      'token automount',
      (() => {
        const p = compliantPod()
        delete p.spec.automountServiceAccountToken
        return p
      })(),
      {},
      ['automount-service-account-token']
    ],
    [
      'writable root fs',
      (() => {
        const p = compliantPod()
        delete sc(p).readOnlyRootFilesystem
        return p
      })(),
      {},
      ['read-only-root-filesystem']
    ],
    [
      'RBAC wildcard',
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'r' },
        rules: [
          { apiGroups: [''], resources: ['*'], verbs: ['get'] },
          { apiGroups: [''], resources: ['pods'], verbs: ['*'] }
        ]
      },
      {},
      ['rbac-wildcard', 'rbac-wildcard']
    ],
    [
      'cluster-admin binding',
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'b' },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: 'cluster-admin'
        },
        subjects: [{ kind: 'User', name: 'alice' }]
      },
      {},
      ['rbac-cluster-admin-binding']
    ],
    [
      'anonymous binding',
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'b' },
        roleRef: { kind: 'Role', name: 'view' },
        subjects: [{ kind: 'User', name: 'system:anonymous' }]
      },
      {},
      ['rbac-anonymous-binding']
    ],
    [
      'NodePort',
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'NodePort' } },
      {},
      ['service-type']
    ],
    [
      'LoadBalancer allowed',
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 's' },
        spec: { type: 'LoadBalancer' }
      },
      { allowed_service_types: ['LoadBalancer'] },
      []
    ],
    [
      'ClusterIP',
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'ClusterIP' } },
      {},
      []
    ],
    [
      'Job needs no probes',
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'j', namespace: 'apps' },
        spec: {
          template: {
            spec: {
              ...compliantPod().spec,
              containers: [
                { ...c0(compliantPod()), livenessProbe: undefined, readinessProbe: undefined }
              ]
            }
          }
        }
      },
      {},
      []
    ]
  ] as [string, Obj, Obj, string[]][])('%s', (_name, obj, config, expected) => {
    expect(ids('best-practices', JSON.parse(JSON.stringify(obj)), config)).toEqual(
      [...expected].sort()
    )
  })

  it('low-severity checks are warnings, the others failures', () => {
    const p = compliantPod()
    c0(p).image = 'nginx:1.25'
    delete sc(p).readOnlyRootFilesystem
    const r = check('best-practices', p)
    expect(r.warnings.map(w => w.metadata?.id)).toEqual(['image-digest'])
    expect(r.failures.map(w => w.metadata?.id)).toEqual(['read-only-root-filesystem'])
  })
})

describe('generated module', () => {
  it('is up to date with lib/**/*.rego', async () => {
    const gen = await import('../scripts/gen-builtins.mjs')
    const text = await gen.render()
    expect(readFileSync(path.join(here, '../src/builtin-policies.generated.ts'), 'utf8')).toBe(text)
    expect(Object.keys(BUILTIN_POLICY_SOURCES).sort()).toEqual([
      'best-practices/best_practices.rego',
      'k8s/k8s.rego',
      'pss-baseline/baseline.rego',
      'pss-restricted/restricted.rego'
    ])
  })
})
