# Pod Security Standards, Restricted level: every Baseline check plus the Restricted ones, with the
# check IDs of Kubernetes' pod-security-admission. As in Kubernetes, a Restricted check that
# supersedes a Baseline one (restrictedVolumes > hostPathVolumes, capabilities_restricted >
# capabilities_baseline, seccompProfile_restricted > seccompProfile_baseline, procMount_restricted >
# procMount) replaces it.
package builtin.pss.restricted

import rego.v1

import data.builtin.k8s
import data.builtin.pss.baseline

checks := {
	"restrictedVolumes": {
		"severity": "medium",
		"why": "Volume types other than the ephemeral and projected ones can reach node or network storage outside the pod's control.",
		"fix": "Use only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected or secret volumes.",
	},
	"allowPrivilegeEscalation": {
		"severity": "medium",
		"why": "Without allowPrivilegeEscalation=false a process can gain more privileges than its parent (setuid binaries).",
		"fix": "Set securityContext.allowPrivilegeEscalation: false on every container.",
	},
	"runAsNonRoot": {
		"severity": "medium",
		"why": "Containers running as root are one kernel bug away from root on the node.",
		"fix": "Set securityContext.runAsNonRoot: true on the pod (or on every container) and build the image with a non-root USER.",
	},
	"runAsUser": {
		"severity": "medium",
		"why": "runAsUser: 0 runs the container as root.",
		"fix": "Set runAsUser to a non-zero UID, or leave it unset and set runAsNonRoot: true.",
	},
	"seccompProfile_restricted": {
		"severity": "medium",
		"why": "Without a seccomp profile every system call is allowed.",
		"fix": "Set securityContext.seccompProfile.type: RuntimeDefault (or Localhost) on the pod or on every container.",
	},
	"procMount_restricted": {
		"severity": "medium",
		"why": "An Unmasked /proc mount exposes kernel interfaces; Restricted forbids it even in a user namespace.",
		"fix": "Remove securityContext.procMount or set it to Default.",
	},
	"capabilities_restricted": {
		"severity": "medium",
		"why": "Containers should drop every Linux capability and add back at most NET_BIND_SERVICE.",
		"fix": "Set securityContext.capabilities.drop: [\"ALL\"] and add only NET_BIND_SERVICE if needed.",
	},
}

# Baseline checks that a Restricted check replaces (from the policy version that introduced it).
overridden contains "hostPathVolumes"

overridden contains "capabilities_baseline" if k8s.pss_at_least(22)

overridden contains "seccompProfile_baseline" if k8s.pss_at_least(19)

overridden contains "procMount" if k8s.pss_at_least(35)

allowed_volume_sources := {
	"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image",
	"persistentVolumeClaim", "projected", "secret",
}

# Every other volume source of the Kubernetes API (a volume with no source at all defaults to
# emptyDir, and a key that is no volume source is not a volume type).
restricted_volume_sources := {
	"awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "cinder", "fc", "flexVolume",
	"flocker", "gcePersistentDisk", "gitRepo", "glusterfs", "hostPath", "iscsi", "nfs",
	"photonPersistentDisk", "portworxVolume", "quobyte", "rbd", "scaleIO", "storageos",
	"vsphereVolume",
}

valid_seccomp := {"RuntimeDefault", "Localhost"}

deny contains v if {
	some v in baseline.violations
	not v.id in overridden
	not k8s.disabled(v.id)
}

deny contains v if {
	some v in violations
	not k8s.disabled(v.id)
}

# restrictedVolumes
violations contains k8s.violation(checks, "restrictedVolumes", sprintf("volume %s uses %s", [object.get(vol, "name", sprintf("#%d", [i])), source]), sprintf("%s.volumes[%d].%s", [k8s.spec_path, i, source])) if {
	some i, vol in k8s.pod_spec.volumes
	is_object(vol)
	some source in restricted_volume_sources
	k8s.is_set(vol, source)
	not has_allowed_source(vol)
}

has_allowed_source(vol) if {
	some source in allowed_volume_sources
	k8s.is_set(vol, source)
}

# allowPrivilegeEscalation (from policy version 1.25, Windows pods are exempt)
violations contains k8s.violation(checks, "allowPrivilegeEscalation", sprintf("%s must set securityContext.allowPrivilegeEscalation=false", [c.label]), path) if {
	k8s.pss_at_least(8)
	not windows_exempt
	some c in k8s.checked_containers
	not c.container.securityContext.allowPrivilegeEscalation == false
	path := field_or_parent(c.container, c.path, "allowPrivilegeEscalation")
}

# runAsNonRoot: true on the pod, or on every container; a container may leave it unset (or null) when
# the pod sets true. From policy version 1.35 any value is allowed when the pod runs in a user
# namespace (hostUsers=false).
violations contains k8s.violation(checks, "runAsNonRoot", "pod must not set securityContext.runAsNonRoot=false", sprintf("%s.securityContext.runAsNonRoot", [k8s.spec_path])) if {
	not user_namespace_relaxed
	k8s.pod_security_context.runAsNonRoot == false
}

violations contains k8s.violation(checks, "runAsNonRoot", sprintf("%s must not set securityContext.runAsNonRoot=false", [c.label]), sprintf("%s.securityContext.runAsNonRoot", [c.path])) if {
	not user_namespace_relaxed
	some c in k8s.checked_containers
	c.container.securityContext.runAsNonRoot == false
}

violations contains k8s.violation(checks, "runAsNonRoot", sprintf("pod or %s must set securityContext.runAsNonRoot=true", [c.label]), field_or_parent(c.container, c.path, "runAsNonRoot")) if {
	not user_namespace_relaxed
	not k8s.pod_security_context.runAsNonRoot == true
	some c in k8s.checked_containers
	not k8s.is_set(object.get(c.container, "securityContext", {}), "runAsNonRoot")
}

user_namespace_relaxed if {
	k8s.pss_at_least(35)
	k8s.host_users_false
}

# runAsUser (policy version 1.23 and later): not 0
violations contains k8s.violation(checks, "runAsUser", sprintf("%s must not set runAsUser=0", [s.label]), sprintf("%s.runAsUser", [s.path])) if {
	k8s.pss_at_least(23)
	not user_namespace_relaxed
	some s in k8s.security_contexts
	s.sc.runAsUser == 0
}

# seccompProfile_restricted (policy version 1.19 and later; from 1.25 Windows pods are exempt): a
# seccompProfile that is set must have the type RuntimeDefault or Localhost, and every container
# needs one unless the pod sets a valid one.
violations contains k8s.violation(checks, "seccompProfile_restricted", sprintf("pod must not set seccompProfile.type=%v", [t]), k8s.field_path(k8s.pod_security_context.seccompProfile, sprintf("%s.securityContext.seccompProfile", [k8s.spec_path]), "type")) if {
	seccomp_restricted_applies
	k8s.is_set(k8s.pod_security_context, "seccompProfile")
	t := k8s.get_or(k8s.pod_security_context.seccompProfile, "type", "")
	not t in valid_seccomp
}

violations contains k8s.violation(checks, "seccompProfile_restricted", sprintf("%s must not set seccompProfile.type=%v", [c.label, t]), k8s.field_path(c.container.securityContext.seccompProfile, sprintf("%s.securityContext.seccompProfile", [c.path]), "type")) if {
	seccomp_restricted_applies
	some c in k8s.checked_containers
	k8s.is_set(c.container.securityContext, "seccompProfile")
	t := k8s.get_or(c.container.securityContext.seccompProfile, "type", "")
	not t in valid_seccomp
}

violations contains k8s.violation(checks, "seccompProfile_restricted", sprintf("pod or %s must set securityContext.seccompProfile.type to RuntimeDefault or Localhost", [c.label]), field_or_parent(c.container, c.path, "seccompProfile")) if {
	seccomp_restricted_applies
	not pod_seccomp_valid
	some c in k8s.checked_containers
	not k8s.is_set(object.get(c.container, "securityContext", {}), "seccompProfile")
}

seccomp_restricted_applies if {
	k8s.pss_at_least(19)
	not windows_exempt
}

pod_seccomp_valid if k8s.pod_security_context.seccompProfile.type in valid_seccomp

# procMount_restricted (policy version 1.35 and later; before, Baseline's procMount applies): Default
# only, even when the pod runs in a user namespace (hostUsers=false)
violations contains k8s.violation(checks, "procMount_restricted", sprintf("%s must not set securityContext.procMount=%v", [c.label, mount]), sprintf("%s.securityContext.procMount", [c.path])) if {
	k8s.pss_at_least(35)
	some c in k8s.checked_containers
	mount := c.container.securityContext.procMount
	not mount in {"Default", null}
}

# capabilities_restricted (policy version 1.22 and later; from 1.25 Windows pods are exempt)
violations contains k8s.violation(checks, "capabilities_restricted", sprintf("%s must set securityContext.capabilities.drop=[\"ALL\"]", [c.label]), field_or_parent(c.container, c.path, "capabilities")) if {
	capabilities_restricted_applies
	some c in k8s.checked_containers
	not drops_all(c.container)
}

violations contains k8s.violation(checks, "capabilities_restricted", sprintf("%s must not add capability %v", [c.label, cap]), sprintf("%s.securityContext.capabilities.add[%d]", [c.path, i])) if {
	capabilities_restricted_applies
	some c in k8s.checked_containers
	some i, cap in c.container.securityContext.capabilities.add
	cap != "NET_BIND_SERVICE"
}

capabilities_restricted_applies if {
	k8s.pss_at_least(22)
	not windows_exempt
}

drops_all(container) if "ALL" in container.securityContext.capabilities.drop

# From policy version 1.25, pods with spec.os.name=windows are exempt from the Linux-only checks.
windows_exempt if {
	k8s.pss_at_least(25)
	k8s.is_windows
}

# The path of securityContext.<field> when it is set, else of securityContext, else of the container.
field_or_parent(container, path, field) := sprintf("%s.securityContext.%s", [path, field]) if {
	k8s.is_set(object.get(container, "securityContext", {}), field)
} else := sprintf("%s.securityContext", [path]) if {
	k8s.is_set(container, "securityContext")
} else := path
