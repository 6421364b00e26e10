/**
 * Which Gatekeeper library sample (template/samples/<sample>) has a counterpart in our built-in
 * library: the set, the check IDs that correspond, and how the constraint's parameters map onto
 * data.secure_pipeline. Samples not listed here have no counterpart (see docs/policy-check.md).
 */
import type { BuiltinSetName } from '../src/builtins.js'

export interface GatekeeperMapping {
  sample: string
  set: BuiltinSetName
  ids: string[]
  /** Builds data.secure_pipeline from the constraint's spec.parameters. */
  config?: (params: Record<string, unknown>) => Record<string, unknown>
  note?: string
}

const exempt = (p: Record<string, unknown>): Record<string, unknown> =>
  Array.isArray(p.exemptImages) ? { exempt_images: p.exemptImages } : {}

const psp = 'pod-security-policy'
export const GATEKEEPER_MAPPINGS: GatekeeperMapping[] = [
  {
    sample: `${psp}/allow-privilege-escalation/psp-allow-privilege-escalation-container`,
    set: 'pss-restricted',
    ids: ['allowPrivilegeEscalation'],
    config: exempt
  },
  { sample: `${psp}/apparmor/psp-apparmor`, set: 'pss-baseline', ids: ['appArmorProfile'] },
  {
    sample: `${psp}/capabilities/psp-capabilities-baseline`,
    set: 'pss-baseline',
    ids: ['capabilities_baseline']
  },
  {
    sample: `${psp}/capabilities/psp-capabilities-restricted`,
    set: 'pss-restricted',
    ids: ['capabilities_restricted']
  },
  {
    sample: `${psp}/forbidden-sysctls/psp-forbidden-sysctls`,
    set: 'pss-baseline',
    ids: ['sysctls']
  },
  { sample: `${psp}/host-filesystem/no-host-paths`, set: 'pss-baseline', ids: ['hostPathVolumes'] },
  {
    sample: `${psp}/host-namespaces/psp-host-namespace`,
    set: 'pss-baseline',
    ids: ['hostNamespaces']
  },
  {
    sample: `${psp}/host-network-ports/block_host_network`,
    set: 'pss-baseline',
    ids: ['hostNamespaces'],
    note: 'hostNetwork: false'
  },
  {
    sample: `${psp}/host-network-ports/port_range_block_host_network`,
    set: 'pss-baseline',
    ids: ['hostNamespaces'],
    note: 'the hostNetwork part; PSS forbids every hostPort, not a range'
  },
  {
    sample: `${psp}/host-probes-lifecycle/psp-host-probes-lifecycle`,
    set: 'pss-baseline',
    ids: ['hostProbesAndHostLifecycle']
  },
  {
    sample: `${psp}/host-process/psp-host-process`,
    set: 'pss-baseline',
    ids: ['windowsHostProcess']
  },
  {
    sample: `${psp}/privileged-containers/psp-privileged-container`,
    set: 'pss-baseline',
    ids: ['privileged'],
    config: exempt
  },
  {
    sample: `${psp}/proc-mount/psp-proc-mount`,
    set: 'pss-restricted',
    ids: ['procMount', 'procMount_restricted'],
    config: exempt,
    note: 'hostUsers: false pods: only Restricted forbids Unmasked'
  },
  {
    sample: `${psp}/read-only-root-filesystem/psp-readonlyrootfilesystem`,
    set: 'best-practices',
    ids: ['read-only-root-filesystem'],
    config: exempt
  },
  {
    sample: `${psp}/read-only-root-filesystem/wildcard-prefix`,
    set: 'best-practices',
    ids: ['read-only-root-filesystem'],
    config: exempt
  },
  {
    sample: `${psp}/read-only-root-filesystem/full_wildcard`,
    set: 'best-practices',
    ids: ['read-only-root-filesystem'],
    config: exempt
  },
  {
    sample: `${psp}/seccompv2/psp-seccomp-baseline`,
    set: 'pss-baseline',
    ids: ['seccompProfile_baseline'],
    config: exempt
  },
  {
    sample: `${psp}/seccompv2/psp-seccomp-restricted`,
    set: 'pss-restricted',
    ids: ['seccompProfile_restricted'],
    config: exempt
  },
  { sample: `${psp}/selinux/psp-selinux-v2`, set: 'pss-baseline', ids: ['seLinuxOptions'] },
  {
    sample: `${psp}/users/psp-pods-allowed-user-ranges`,
    set: 'pss-restricted',
    ids: ['runAsNonRoot', 'runAsUser'],
    note: 'runAsUser rule MustRunAsNonRoot'
  },
  { sample: `${psp}/volumes/psp-volume-types`, set: 'pss-restricted', ids: ['restrictedVolumes'] },
  {
    sample: 'general/allowedrepos/repo-must-be-openpolicyagent',
    set: 'best-practices',
    ids: ['allowed-registries'],
    config: p => ({ allowed_registries: p.repos })
  },
  {
    sample: 'general/allowedreposv2/repo-must-be-openpolicyagent',
    set: 'best-practices',
    ids: ['allowed-registries'],
    config: p => ({ allowed_registries: p.allowedImages })
  },
  {
    sample: 'general/automount-serviceaccount-token/automount-serviceaccount-token',
    set: 'best-practices',
    ids: ['automount-service-account-token']
  },
  {
    sample: 'general/block-loadbalancer-services/block-load-balancer',
    set: 'best-practices',
    ids: ['service-type'],
    config: () => ({ allowed_service_types: ['NodePort'] })
  },
  {
    sample: 'general/block-nodeport-services/block-node-port',
    set: 'best-practices',
    ids: ['service-type'],
    config: () => ({ allowed_service_types: ['LoadBalancer'] })
  },
  {
    sample: 'general/disallowanonymous/no-anonymous-bindings',
    set: 'best-practices',
    ids: ['rbac-anonymous-binding'],
    config: p => ({ allowed_anonymous_roles: p.allowedRoles })
  },
  {
    sample: 'general/disallowedtags/container-image-must-not-have-latest-tag',
    set: 'best-practices',
    ids: ['image-tag-latest'],
    config: exempt,
    note: 'tags: [latest]'
  },
  {
    sample: 'general/imagedigests/container-image-must-have-digest',
    set: 'best-practices',
    ids: ['image-digest', 'image-tag-latest'],
    config: exempt
  },
  {
    sample: 'general/requiredlabels/all-must-have-owner',
    set: 'best-practices',
    ids: ['required-labels'],
    config: p => ({ required_labels: p.labels })
  },
  {
    sample: 'general/requiredlabels/verify-label-key-only',
    set: 'best-practices',
    ids: ['required-labels'],
    config: p => ({ required_labels: p.labels })
  },
  {
    sample: 'general/requiredprobes/must-have-probes',
    set: 'best-practices',
    ids: ['liveness-probe', 'readiness-probe'],
    note: 'probes: readiness + liveness'
  }
]

/**
 * Pairs where our check knowingly disagrees with the Gatekeeper template, with the reason. The
 * test asserts these still disagree, so a change in either direction is noticed.
 */
export const KNOWN_DIVERGENCES: Record<string, string> = {
  'pod-security-policy/apparmor/samples/psp-apparmor/example_allowed_override.yaml':
    'pod-security-admission rejects a pod-level appArmorProfile.type Unconfined even when every container overrides it; the Gatekeeper template lets the container value win'
}
