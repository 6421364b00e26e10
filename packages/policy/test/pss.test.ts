/**
 * Pod Security Standards, modelled on pod-security-admission's pass/fail fixtures: a minimal
 * Restricted-compliant pod (containers, initContainers and ephemeralContainers), one change at a
 * time, and the check IDs each level must report — at the newest policy version and at pinned
 * older ones (data.secure_pipeline.pss_version). Container changes are applied to every container
 * list; every case runs inside every pod-bearing kind and inside Kubernetes lists.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   the cases build manifests by mutating plain JSON objects */
import { describe, expect, it } from '@jest/globals'
import { stringify } from 'yaml'
import { PolicySet } from '../src/engine.js'
import { parseYamlText } from '../src/load.js'
import { parseFieldPath } from '../src/paths.js'
import type { BuiltinSetName } from '../src/builtins.js'

type Obj = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
type Mutation = (p: Obj) => void

const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'] as const
type ContainerList = (typeof CONTAINER_LISTS)[number]

function restrictedSc(): Obj {
  return { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } }
}

/** The base of pod-security-admission's fixtures, plus an ephemeral container. */
function basePod(): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'pod', namespace: 'apps' },
    spec: {
      containers: [
        { name: 'container1', image: 'registry.k8s.io/pause', securityContext: restrictedSc() }
      ],
      initContainers: [
        { name: 'initcontainer1', image: 'registry.k8s.io/pause', securityContext: restrictedSc() }
      ],
      ephemeralContainers: [
        { name: 'ephemeral1', image: 'registry.k8s.io/pause', securityContext: restrictedSc() }
      ],
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }
    }
  }
}

const sets = new Map<string, PolicySet>()
function policySet(set: BuiltinSetName, version?: string): PolicySet {
  const key = `${set}@${version ?? 'latest'}`
  let s = sets.get(key)
  if (!s) {
    const data = version ? { secure_pipeline: { pss_version: version } } : {}
    sets.set(key, (s = new PolicySet({ builtins: [set], data })))
  }
  return s
}

interface Finding {
  id: string
  path: string
  line: number
}

function findings(set: BuiltinSetName, obj: unknown, version?: string): Finding[] {
  const ps = policySet(set, version)
  const text = stringify(obj)
  const docs = parseYamlText(text, 'x.yaml')
  const out: Finding[] = []
  for (const doc of docs) {
    const r = ps.checkDocument(ps.resolveNamespaces()[0], doc.value, ps.data, doc, 'x.yaml')
    for (const f of [...r.failures, ...r.warnings])
      out.push({
        id: String(f.metadata?.id),
        path: String(f.metadata?.path),
        line: Number(f.metadata?.line)
      })
  }
  return out
}

/** The distinct check IDs, as pod-security-admission reports them (one result per check). */
function ids(set: BuiltinSetName, obj: unknown, version?: string): string[] {
  return [...new Set(findings(set, obj, version).map(f => f.id))].sort()
}

// [name, mutation of one container's securityContext-bearing container, baseline IDs, restricted IDs]
const CONTAINER_CASES: [string, (c: Obj) => void, string[], string[]][] = [
  ['privileged', c => (c.securityContext.privileged = true), ['privileged'], ['privileged']],
  ['privileged false', c => (c.securityContext.privileged = false), [], []],
  ['privileged null', c => (c.securityContext.privileged = null), [], []],
  [
    'add NET_RAW',
    c => (c.securityContext.capabilities.add = ['NET_RAW']),
    ['capabilities_baseline'],
    ['capabilities_restricted']
  ],
  [
    'add lowercase sys_admin',
    c => (c.securityContext.capabilities.add = ['sys_admin']),
    ['capabilities_baseline'],
    ['capabilities_restricted']
  ],
  [
    'add CAP_ prefixed name',
    c => (c.securityContext.capabilities.add = ['CAP_CHOWN']),
    ['capabilities_baseline'],
    ['capabilities_restricted']
  ],
  [
    'add CHOWN (baseline default set)',
    c => (c.securityContext.capabilities.add = ['CHOWN', 'KILL']),
    [],
    ['capabilities_restricted']
  ],
  [
    'add NET_BIND_SERVICE',
    c => (c.securityContext.capabilities.add = ['NET_BIND_SERVICE']),
    [],
    []
  ],
  [
    'drop NET_RAW only',
    c => (c.securityContext.capabilities.drop = ['NET_RAW']),
    [],
    ['capabilities_restricted']
  ],
  [
    'drop lowercase all',
    c => (c.securityContext.capabilities.drop = ['all']),
    [],
    ['capabilities_restricted']
  ],
  [
    'capabilities null',
    c => (c.securityContext.capabilities = null),
    [],
    ['capabilities_restricted']
  ],
  [
    'no securityContext',
    c => delete c.securityContext,
    [],
    ['allowPrivilegeEscalation', 'capabilities_restricted']
  ],
  [
    'securityContext null',
    c => (c.securityContext = null),
    [],
    ['allowPrivilegeEscalation', 'capabilities_restricted']
  ],
  [
    'hostPort',
    c => (c.ports = [{ containerPort: 80, hostPort: 8080 }]),
    ['hostPorts'],
    ['hostPorts']
  ],
  ['hostPort 0', c => (c.ports = [{ containerPort: 80, hostPort: 0 }]), [], []],
  ['containerPort only', c => (c.ports = [{ containerPort: 80 }]), [], []],
  [
    'SELinux type spc_t',
    c => (c.securityContext.seLinuxOptions = { type: 'spc_t' }),
    ['seLinuxOptions'],
    ['seLinuxOptions']
  ],
  [
    'SELinux container_engine_t',
    c => (c.securityContext.seLinuxOptions = { type: 'container_engine_t' }),
    [],
    []
  ],
  [
    'SELinux container_kvm_t and a level',
    c => (c.securityContext.seLinuxOptions = { type: 'container_kvm_t', level: 's0:c123,c456' }),
    [],
    []
  ],
  [
    'SELinux user',
    c => (c.securityContext.seLinuxOptions = { user: 'sysadm_u' }),
    ['seLinuxOptions'],
    ['seLinuxOptions']
  ],
  [
    'SELinux role',
    c => (c.securityContext.seLinuxOptions = { role: 'sysadm_r' }),
    ['seLinuxOptions'],
    ['seLinuxOptions']
  ],
  [
    'SELinux empty user and role',
    c => (c.securityContext.seLinuxOptions = { user: '', role: '', type: '' }),
    [],
    []
  ],
  [
    'procMount Unmasked',
    c => (c.securityContext.procMount = 'Unmasked'),
    ['procMount'],
    ['procMount_restricted']
  ],
  ['procMount Default', c => (c.securityContext.procMount = 'Default'), [], []],
  [
    'seccomp Unconfined',
    c => (c.securityContext.seccompProfile = { type: 'Unconfined' }),
    ['seccompProfile_baseline'],
    ['seccompProfile_restricted']
  ],
  [
    'seccomp profile without a type',
    c => (c.securityContext.seccompProfile = {}),
    ['seccompProfile_baseline'],
    ['seccompProfile_restricted']
  ],
  [
    'seccomp misspelt type',
    c => (c.securityContext.seccompProfile = { type: 'runtime/default' }),
    ['seccompProfile_baseline'],
    ['seccompProfile_restricted']
  ],
  ['seccomp null', c => (c.securityContext.seccompProfile = null), [], []],
  [
    'seccomp Localhost',
    c => (c.securityContext.seccompProfile = { type: 'Localhost', localhostProfile: 'p.json' }),
    [],
    []
  ],
  [
    'AppArmor field Unconfined',
    c => (c.securityContext.appArmorProfile = { type: 'Unconfined' }),
    ['appArmorProfile'],
    ['appArmorProfile']
  ],
  [
    'AppArmor field without a type',
    c => (c.securityContext.appArmorProfile = {}),
    ['appArmorProfile'],
    ['appArmorProfile']
  ],
  [
    'AppArmor field Localhost',
    c => (c.securityContext.appArmorProfile = { type: 'Localhost', localhostProfile: 'p' }),
    [],
    []
  ],
  [
    'Windows HostProcess',
    c => (c.securityContext.windowsOptions = { hostProcess: true }),
    ['windowsHostProcess'],
    ['windowsHostProcess']
  ],
  [
    'Windows HostProcess false',
    c => (c.securityContext.windowsOptions = { hostProcess: false }),
    [],
    []
  ],
  [
    'allowPrivilegeEscalation true',
    c => (c.securityContext.allowPrivilegeEscalation = true),
    [],
    ['allowPrivilegeEscalation']
  ],
  [
    'allowPrivilegeEscalation null',
    c => (c.securityContext.allowPrivilegeEscalation = null),
    [],
    ['allowPrivilegeEscalation']
  ],
  ['runAsNonRoot false', c => (c.securityContext.runAsNonRoot = false), [], ['runAsNonRoot']],
  ['runAsNonRoot null (pod sets true)', c => (c.securityContext.runAsNonRoot = null), [], []],
  ['runAsUser 0', c => (c.securityContext.runAsUser = 0), [], ['runAsUser']],
  ['runAsUser 1000', c => (c.securityContext.runAsUser = 1000), [], []],
  [
    'liveness probe host',
    c => (c.livenessProbe = { httpGet: { host: '10.0.0.1', port: 80 } }),
    ['hostProbesAndHostLifecycle'],
    ['hostProbesAndHostLifecycle']
  ],
  [
    'startup probe tcpSocket host',
    c => (c.startupProbe = { tcpSocket: { host: 'example.com', port: 80 } }),
    ['hostProbesAndHostLifecycle'],
    ['hostProbesAndHostLifecycle']
  ],
  [
    'postStart host',
    c => (c.lifecycle = { postStart: { httpGet: { host: 'evil', port: 80 } } }),
    ['hostProbesAndHostLifecycle'],
    ['hostProbesAndHostLifecycle']
  ],
  [
    'probe with an empty host',
    c => (c.readinessProbe = { httpGet: { host: '', port: 80 } }),
    [],
    []
  ]
]

// [name, mutation of the pod, baseline IDs, restricted IDs]
const POD_CASES: [string, Mutation, string[], string[]][] = [
  ['base', () => {}, [], []],
  ['hostNetwork', p => (p.spec.hostNetwork = true), ['hostNamespaces'], ['hostNamespaces']],
  ['hostPID', p => (p.spec.hostPID = true), ['hostNamespaces'], ['hostNamespaces']],
  ['hostIPC', p => (p.spec.hostIPC = true), ['hostNamespaces'], ['hostNamespaces']],
  [
    'host namespaces false',
    p => {
      Object.assign(p.spec, { hostNetwork: false, hostPID: false, hostIPC: false })
    },
    [],
    []
  ],
  [
    'pod seccomp Unconfined',
    p => (p.spec.securityContext.seccompProfile = { type: 'Unconfined' }),
    ['seccompProfile_baseline'],
    ['seccompProfile_restricted']
  ],
  [
    'pod seccomp without a type',
    p => (p.spec.securityContext.seccompProfile = { localhostProfile: 'x' }),
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
    'seccomp on every container only',
    p => {
      delete p.spec.securityContext.seccompProfile
      for (const l of CONTAINER_LISTS)
        p.spec[l][0].securityContext.seccompProfile = { type: 'RuntimeDefault' }
    },
    [],
    []
  ],
  [
    'seccomp on some containers only',
    p => {
      delete p.spec.securityContext.seccompProfile
      p.spec.containers[0].securityContext.seccompProfile = { type: 'RuntimeDefault' }
    },
    [],
    ['seccompProfile_restricted']
  ],
  [
    'container overrides a valid pod seccomp with Unconfined',
    p => (p.spec.containers[0].securityContext.seccompProfile = { type: 'Unconfined' }),
    ['seccompProfile_baseline'],
    ['seccompProfile_restricted']
  ],
  [
    'no runAsNonRoot anywhere',
    p => delete p.spec.securityContext.runAsNonRoot,
    [],
    ['runAsNonRoot']
  ],
  [
    'runAsNonRoot on every container only',
    p => {
      delete p.spec.securityContext.runAsNonRoot
      for (const l of CONTAINER_LISTS) p.spec[l][0].securityContext.runAsNonRoot = true
    },
    [],
    []
  ],
  [
    'runAsNonRoot null on a container, pod unset',
    p => {
      delete p.spec.securityContext.runAsNonRoot
      for (const l of CONTAINER_LISTS) p.spec[l][0].securityContext.runAsNonRoot = true
      p.spec.initContainers[0].securityContext.runAsNonRoot = null
    },
    [],
    ['runAsNonRoot']
  ],
  [
    'pod runAsNonRoot false',
    p => (p.spec.securityContext.runAsNonRoot = false),
    [],
    ['runAsNonRoot']
  ],
  [
    'pod runAsNonRoot false, every container true',
    p => {
      p.spec.securityContext.runAsNonRoot = false
      for (const l of CONTAINER_LISTS) p.spec[l][0].securityContext.runAsNonRoot = true
    },
    [],
    ['runAsNonRoot']
  ],
  [
    'runAsNonRoot false in a user namespace',
    p => ((p.spec.securityContext.runAsNonRoot = false), (p.spec.hostUsers = false)),
    [],
    []
  ],
  ['pod runAsUser 0', p => (p.spec.securityContext.runAsUser = 0), [], ['runAsUser']],
  [
    'pod runAsUser 0 in a user namespace',
    p => ((p.spec.securityContext.runAsUser = 0), (p.spec.hostUsers = false)),
    [],
    []
  ],
  [
    'pod runAsUser 0, hostUsers true',
    p => ((p.spec.securityContext.runAsUser = 0), (p.spec.hostUsers = true)),
    [],
    ['runAsUser']
  ],
  [
    'procMount Unmasked in a user namespace',
    p => (
      (p.spec.containers[0].securityContext.procMount = 'Unmasked'),
      (p.spec.hostUsers = false)
    ),
    [],
    ['procMount_restricted']
  ],
  [
    'pod Windows HostProcess',
    p => (p.spec.securityContext.windowsOptions = { hostProcess: true }),
    ['windowsHostProcess'],
    ['windowsHostProcess']
  ],
  [
    'pod SELinux type',
    p => (p.spec.securityContext.seLinuxOptions = { type: 'unconfined_t' }),
    ['seLinuxOptions'],
    ['seLinuxOptions']
  ],
  [
    'pod AppArmor Unconfined',
    p => (p.spec.securityContext.appArmorProfile = { type: 'Unconfined' }),
    ['appArmorProfile'],
    ['appArmorProfile']
  ],
  [
    'pod AppArmor RuntimeDefault',
    p => (p.spec.securityContext.appArmorProfile = { type: 'RuntimeDefault' }),
    [],
    []
  ],
  [
    'AppArmor annotation unconfined',
    p =>
      (p.metadata.annotations = {
        'container.apparmor.security.beta.kubernetes.io/container1': 'unconfined'
      }),
    ['appArmorProfile'],
    ['appArmorProfile']
  ],
  [
    'AppArmor annotation for a container that does not exist',
    p =>
      (p.metadata.annotations = {
        'container.apparmor.security.beta.kubernetes.io/other': 'unconfined'
      }),
    ['appArmorProfile'],
    ['appArmorProfile']
  ],
  [
    'AppArmor annotations runtime/default, localhost/*, empty',
    p =>
      (p.metadata.annotations = {
        'container.apparmor.security.beta.kubernetes.io/container1': 'runtime/default',
        'container.apparmor.security.beta.kubernetes.io/initcontainer1': 'localhost/prof',
        'container.apparmor.security.beta.kubernetes.io/ephemeral1': ''
      }),
    [],
    []
  ],
  [
    'seccomp alpha annotation (ignored from policy 1.19)',
    p => (p.metadata.annotations = { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' }),
    [],
    []
  ],
  [
    'safe and unsafe sysctls',
    p =>
      (p.spec.securityContext.sysctls = [
        { name: 'kernel.shm_rmid_forced', value: '0' },
        { name: 'net.ipv4.tcp_notsent_lowat', value: '16384' },
        { name: 'kernel.msgmax', value: '1' }
      ]),
    ['sysctls'],
    ['sysctls']
  ],
  [
    'every safe sysctl',
    p =>
      (p.spec.securityContext.sysctls = [
        'kernel.shm_rmid_forced',
        'net.ipv4.ip_local_port_range',
        'net.ipv4.ip_unprivileged_port_start',
        'net.ipv4.tcp_syncookies',
        'net.ipv4.ping_group_range',
        'net.ipv4.ip_local_reserved_ports',
        'net.ipv4.tcp_keepalive_time',
        'net.ipv4.tcp_fin_timeout',
        'net.ipv4.tcp_keepalive_intvl',
        'net.ipv4.tcp_keepalive_probes',
        'net.ipv4.tcp_rmem',
        'net.ipv4.tcp_wmem',
        'net.ipv4.tcp_slow_start_after_idle',
        'net.ipv4.tcp_notsent_lowat'
      ].map(name => ({ name, value: '1' }))),
    [],
    []
  ],
  [
    'hostPath volume',
    p => (p.spec.volumes = [{ name: 'h', hostPath: { path: '/var/run/docker.sock' } }]),
    ['hostPathVolumes'],
    ['restrictedVolumes']
  ],
  ['hostPath null', p => (p.spec.volumes = [{ name: 'h', hostPath: null }]), [], []],
  ...(
    [
      ['nfs', { server: 's', path: '/' }],
      ['gitRepo', { repository: 'https://example.com/r.git' }],
      ['iscsi', { targetPortal: 't', iqn: 'i', lun: 0 }],
      ['cephfs', { monitors: ['m'] }],
      ['awsElasticBlockStore', { volumeID: 'v' }],
      ['flexVolume', { driver: 'd' }],
      ['azureFile', { secretName: 's', shareName: 'x' }]
    ] as [string, Obj][]
  ).map(([source, value]): [string, Mutation, string[], string[]] => [
    `${source} volume`,
    p => (p.spec.volumes = [{ name: 'v', [source]: value }]),
    [],
    ['restrictedVolumes']
  ]),
  [
    'every allowed volume type',
    p =>
      (p.spec.volumes = [
        { name: 'a', configMap: { name: 'c' } },
        { name: 'b', secret: { secretName: 's' } },
        { name: 'c', emptyDir: {} },
        { name: 'd', downwardAPI: { items: [] } },
        { name: 'e', projected: { sources: [] } },
        { name: 'f', persistentVolumeClaim: { claimName: 'c' } },
        { name: 'g', csi: { driver: 'd' } },
        { name: 'h', ephemeral: { volumeClaimTemplate: { spec: {} } } },
        { name: 'i', image: { reference: 'registry.k8s.io/pause' } },
        { name: 'j' }
      ]),
    [],
    []
  ],
  [
    'Windows pod: Linux-only Restricted checks are exempt',
    p => {
      p.spec.os = { name: 'windows' }
      delete p.spec.securityContext.seccompProfile
      for (const l of CONTAINER_LISTS) p.spec[l][0].securityContext = {}
    },
    [],
    []
  ],
  [
    'Windows pod still needs runAsNonRoot',
    p => {
      p.spec.os = { name: 'windows' }
      delete p.spec.securityContext.runAsNonRoot
    },
    [],
    ['runAsNonRoot']
  ],
  [
    'Windows pod adding SYS_ADMIN: Baseline refuses, Restricted replaced that check',
    p => {
      p.spec.os = { name: 'windows' }
      p.spec.containers[0].securityContext.capabilities.add = ['SYS_ADMIN']
    },
    ['capabilities_baseline'],
    []
  ],
  [
    'Linux pod with os.name linux is not exempt',
    p => {
      p.spec.os = { name: 'linux' }
      p.spec.containers[0].securityContext = {}
    },
    [],
    ['allowPrivilegeEscalation', 'capabilities_restricted']
  ]
]

describe('Pod Security Standards, container fields in every container list', () => {
  const table = CONTAINER_CASES.flatMap(([name, mutate, b, r]) =>
    CONTAINER_LISTS.map(list => [`${name} (${list})`, list, mutate, b, r] as const)
  )
  it.each(table)('%s', (_name, list: ContainerList, mutate, baseline, restricted) => {
    const pod = basePod()
    mutate(pod.spec[list][0] as Obj)
    expect(ids('pss-baseline', pod)).toEqual([...baseline].sort())
    expect(ids('pss-restricted', pod)).toEqual([...restricted].sort())
    // every finding points into the container that was changed
    for (const f of [...findings('pss-baseline', pod), ...findings('pss-restricted', pod)])
      expect(f.path).toMatch(new RegExp(`^spec\\.${list}\\[0\\]`))
  })
})

describe('Pod Security Standards, pod fields', () => {
  it.each(POD_CASES)('%s', (_name, mutate, baseline, restricted) => {
    const pod = basePod()
    mutate(pod)
    expect(ids('pss-baseline', pod)).toEqual([...baseline].sort())
    expect(ids('pss-restricted', pod)).toEqual([...restricted].sort())
  })

  it('reports an implicit runAsNonRoot / seccomp finding once per container that needs it', () => {
    const pod = basePod()
    delete pod.spec.securityContext.seccompProfile
    pod.spec.containers[0].securityContext.seccompProfile = { type: 'RuntimeDefault' }
    const paths = findings('pss-restricted', pod)
      .filter(f => f.id === 'seccompProfile_restricted')
      .map(f => f.path)
      .sort()
    expect(paths).toEqual([
      'spec.ephemeralContainers[0].securityContext',
      'spec.initContainers[0].securityContext'
    ])
  })
})

// [name, version, mutation, baseline IDs, restricted IDs]
const VERSION_CASES: [string, string, Mutation, string[], string[]][] = [
  [
    'seccomp pod annotation unconfined before 1.19',
    'v1.18',
    p => (p.metadata.annotations = { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' }),
    ['seccompProfile_baseline'],
    ['seccompProfile_baseline']
  ],
  [
    'seccomp container annotation unconfined before 1.19',
    '1.18',
    p =>
      (p.metadata.annotations = {
        'container.seccomp.security.alpha.kubernetes.io/initcontainer1': 'unconfined'
      }),
    ['seccompProfile_baseline'],
    ['seccompProfile_baseline']
  ],
  [
    'seccomp annotation for a container that does not exist',
    'v1.18',
    p =>
      (p.metadata.annotations = {
        'container.seccomp.security.alpha.kubernetes.io/other': 'unconfined'
      }),
    [],
    []
  ],
  [
    'seccomp annotations runtime/default, docker/default, localhost/*',
    'v1.18',
    p =>
      (p.metadata.annotations = {
        'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default',
        'container.seccomp.security.alpha.kubernetes.io/container1': 'docker/default',
        'container.seccomp.security.alpha.kubernetes.io/initcontainer1': 'localhost/p.json'
      }),
    [],
    []
  ],
  [
    'seccomp annotation empty before 1.19',
    'v1.18',
    p => (p.metadata.annotations = { 'seccomp.security.alpha.kubernetes.io/pod': '' }),
    ['seccompProfile_baseline'],
    ['seccompProfile_baseline']
  ],
  [
    'seccomp field Unconfined is not checked before 1.19',
    'v1.18',
    p => (p.spec.securityContext.seccompProfile = { type: 'Unconfined' }),
    [],
    []
  ],
  [
    'no seccomp anywhere at 1.18',
    'v1.18',
    p => delete p.spec.securityContext.seccompProfile,
    [],
    []
  ],
  [
    'seccomp field Unconfined at 1.19',
    'v1.19',
    p => (p.spec.securityContext.seccompProfile = { type: 'Unconfined' }),
    ['seccompProfile_baseline'],
    ['seccompProfile_restricted']
  ],
  [
    'add CHOWN before capabilities_restricted (1.22)',
    'v1.21',
    p => (p.spec.containers[0].securityContext.capabilities = { add: ['CHOWN'] }),
    [],
    []
  ],
  [
    'add NET_RAW at 1.21: Baseline check in Restricted',
    'v1.21',
    p => (p.spec.containers[0].securityContext.capabilities.add = ['NET_RAW']),
    ['capabilities_baseline'],
    ['capabilities_baseline']
  ],
  ['runAsUser 0 before 1.23', 'v1.22', p => (p.spec.securityContext.runAsUser = 0), [], []],
  [
    'Windows pod before the 1.25 exemption',
    'v1.24',
    p => {
      p.spec.os = { name: 'windows' }
      delete p.spec.securityContext.seccompProfile
      for (const l of CONTAINER_LISTS) p.spec[l][0].securityContext = {}
    },
    [],
    ['allowPrivilegeEscalation', 'capabilities_restricted', 'seccompProfile_restricted']
  ],
  [
    'ip_local_reserved_ports before 1.27',
    'v1.26',
    p =>
      (p.spec.securityContext.sysctls = [{ name: 'net.ipv4.ip_local_reserved_ports', value: '1' }]),
    ['sysctls'],
    ['sysctls']
  ],
  [
    'ip_local_reserved_ports at 1.27',
    'v1.27',
    p =>
      (p.spec.securityContext.sysctls = [{ name: 'net.ipv4.ip_local_reserved_ports', value: '1' }]),
    [],
    []
  ],
  [
    'tcp_keepalive_time before 1.29',
    'v1.28',
    p => (p.spec.securityContext.sysctls = [{ name: 'net.ipv4.tcp_keepalive_time', value: '1' }]),
    ['sysctls'],
    ['sysctls']
  ],
  [
    'tcp_rmem before 1.32',
    'v1.31',
    p => (p.spec.securityContext.sysctls = [{ name: 'net.ipv4.tcp_rmem', value: '4096' }]),
    ['sysctls'],
    ['sysctls']
  ],
  [
    'tcp_notsent_lowat before 1.37',
    'v1.36',
    p => (p.spec.securityContext.sysctls = [{ name: 'net.ipv4.tcp_notsent_lowat', value: '1' }]),
    ['sysctls'],
    ['sysctls']
  ],
  [
    'container_engine_t before 1.31',
    'v1.30',
    p => (p.spec.containers[0].securityContext.seLinuxOptions = { type: 'container_engine_t' }),
    ['seLinuxOptions'],
    ['seLinuxOptions']
  ],
  [
    'probe host before 1.34',
    'v1.33',
    p => (p.spec.containers[0].livenessProbe = { httpGet: { host: 'evil', port: 80 } }),
    [],
    []
  ],
  [
    'procMount Unmasked in a user namespace before 1.35',
    'v1.34',
    p => (
      (p.spec.containers[0].securityContext.procMount = 'Unmasked'),
      (p.spec.hostUsers = false)
    ),
    ['procMount'],
    ['procMount']
  ],
  [
    'runAsNonRoot false in a user namespace before 1.35',
    'v1.34',
    p => ((p.spec.securityContext.runAsNonRoot = false), (p.spec.hostUsers = false)),
    [],
    ['runAsNonRoot']
  ],
  [
    'latest is the newest policy',
    'latest',
    p => (p.spec.securityContext.sysctls = [{ name: 'net.ipv4.tcp_notsent_lowat', value: '1' }]),
    [],
    []
  ]
]

describe('Pod Security Standards, pinned policy versions (data.secure_pipeline.pss_version)', () => {
  it.each(VERSION_CASES)('%s (%s)', (_name, version, mutate, baseline, restricted) => {
    const pod = basePod()
    mutate(pod)
    expect(ids('pss-baseline', pod, version)).toEqual([...baseline].sort())
    expect(ids('pss-restricted', pod, version)).toEqual([...restricted].sort())
  })

  it.each(['1', 'v2.1', 'v1.x', 'newest', '1.2.3'])('an invalid version %j is refused', v => {
    expect(
      () =>
        new PolicySet({ builtins: ['pss-baseline'], data: { secure_pipeline: { pss_version: v } } })
    ).toThrow(/pss_version/)
  })
})

// Each kind embeds the pod spec at its own path; `prefix` is where the pod template's fields live.
const KINDS: [string, (pod: Obj) => Obj, string][] = [
  ['Pod', pod => pod, ''],
  ...(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'] as const).map(
    (kind): [string, (pod: Obj) => Obj, string] => [
      kind,
      pod => ({
        apiVersion: 'apps/v1',
        kind,
        metadata: { name: 'w' },
        spec: {
          selector: { matchLabels: { a: 'b' } },
          template: { metadata: pod.metadata, spec: pod.spec }
        }
      }),
      'spec.template.'
    ]
  ),
  [
    'Job',
    pod => ({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j' },
      spec: { template: { metadata: pod.metadata, spec: pod.spec } }
    }),
    'spec.template.'
  ],
  [
    'CronJob',
    pod => ({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'cj' },
      spec: {
        schedule: '* * * * *',
        jobTemplate: { spec: { template: { metadata: pod.metadata, spec: pod.spec } } }
      }
    }),
    'spec.jobTemplate.spec.template.'
  ],
  [
    'ReplicationController',
    pod => ({
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'rc' },
      spec: { template: { metadata: pod.metadata, spec: pod.spec } }
    }),
    'spec.template.'
  ],
  [
    'PodTemplate',
    pod => ({
      apiVersion: 'v1',
      kind: 'PodTemplate',
      metadata: { name: 'pt' },
      template: { metadata: pod.metadata, spec: pod.spec }
    }),
    'template.'
  ]
]

const KIND_CASES: [string, Mutation, string[], string[]][] = [
  ['base', () => {}, [], []],
  [
    'privileged init container',
    p => (p.spec.initContainers[0].securityContext.privileged = true),
    ['privileged'],
    ['privileged']
  ],
  [
    'hostPath volume',
    p => (p.spec.volumes = [{ name: 'h', hostPath: { path: '/' } }]),
    ['hostPathVolumes'],
    ['restrictedVolumes']
  ],
  [
    'no pod seccomp',
    p => delete p.spec.securityContext.seccompProfile,
    [],
    ['seccompProfile_restricted']
  ],
  [
    'AppArmor annotation on the pod template',
    p =>
      (p.metadata.annotations = {
        'container.apparmor.security.beta.kubernetes.io/container1': 'unconfined'
      }),
    ['appArmorProfile'],
    ['appArmorProfile']
  ],
  ['hostNetwork', p => (p.spec.hostNetwork = true), ['hostNamespaces'], ['hostNamespaces']]
]

describe('Pod Security Standards in every pod-bearing kind and in lists', () => {
  const table = KIND_CASES.flatMap(([name, mutate, b, r]) =>
    KINDS.map(
      ([kind, wrap, prefix]) => [`${name} in a ${kind}`, wrap, prefix, mutate, b, r] as const
    )
  )
  it.each(table)('%s', (_name, wrap, prefix, mutate, baseline, restricted) => {
    const pod = basePod()
    mutate(pod)
    const obj = wrap(pod)
    expect(ids('pss-baseline', obj)).toEqual([...baseline].sort())
    expect(ids('pss-restricted', obj)).toEqual([...restricted].sort())
    const text = stringify(obj)
    for (const f of findings('pss-restricted', obj)) {
      expect(f.path.startsWith(prefix)).toBe(true)
      // the line is the field's own line in the YAML text
      const leaf =
        parseFieldPath(f.path)
          ?.filter(x => typeof x === 'string')
          .pop() ?? ''
      expect(text.split('\n')[f.line - 1]).toContain(leaf)
    }
  })

  it.each([
    ['List', 'v1', true],
    ['PodList', 'v1', false],
    ['DeploymentList', 'apps/v1', false]
  ])('a %s: each item is checked, at its own line', (listKind, apiVersion, withKinds) => {
    const bad = basePod()
    bad.spec.containers[0].securityContext.privileged = true
    const good = basePod()
    const wrap = listKind === 'DeploymentList' ? KINDS[1][1] : (p: Obj) => p
    const items = [good, bad].map(p => {
      const item: Obj = wrap(p)
      if (!withKinds) {
        delete item.kind
        delete item.apiVersion
      }
      return item
    })
    const list = { apiVersion, kind: listKind, metadata: {}, items }
    const text = stringify(list)
    const found = findings('pss-baseline', list)
    expect(found.map(f => f.id)).toEqual(['privileged'])
    const prefix = listKind === 'DeploymentList' ? 'spec.template.' : ''
    expect(found[0].path).toBe(`${prefix}spec.containers[0].securityContext.privileged`)
    const lines = text
      .split('\n')
      .flatMap((l, i) => (l.includes('privileged: true') ? [i + 1] : []))
    expect(found[0].line).toBe(lines[0])
  })

  it('a nested List inside a List is flattened; an empty List checks nothing', () => {
    const bad = basePod()
    bad.spec.hostPID = true
    const nested = {
      apiVersion: 'v1',
      kind: 'List',
      items: [{ apiVersion: 'v1', kind: 'List', items: [bad] }]
    }
    expect(ids('pss-baseline', nested)).toEqual(['hostNamespaces'])
    expect(findings('pss-restricted', { apiVersion: 'v1', kind: 'List', items: [] })).toEqual([])
  })

  it('user policies still see the List itself (as conftest does)', () => {
    const ps = new PolicySet({
      modules: [
        {
          path: 'p.rego',
          source: 'package main\nimport rego.v1\ndeny contains input.kind if input.kind == "List"\n'
        }
      ]
    })
    const r = ps.checkDocument('main', { apiVersion: 'v1', kind: 'List', items: [basePod()] }, {})
    expect(r.failures.map(f => f.msg)).toEqual(['List'])
  })
})
