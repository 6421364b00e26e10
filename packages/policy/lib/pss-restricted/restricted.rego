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

# Baseline checks that a Restricted check replaces.
overridden := {"hostPathVolumes", "capabilities_baseline", "seccompProfile_baseline", "procMount"}

allowed_volume_sources := {
	"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image",
	"persistentVolumeClaim", "projected", "secret",
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
	some source, value in vol
	source != "name"
	not source in allowed_volume_sources
	value != null
}

# allowPrivilegeEscalation (Windows pods are exempt)
violations contains k8s.violation(checks, "allowPrivilegeEscalation", sprintf("%s must set securityContext.allowPrivilegeEscalation=false", [c.label]), path) if {
	not k8s.is_windows
	some c in k8s.checked_containers
	not c.container.securityContext.allowPrivilegeEscalation == false
	path := field_or_parent(c.container, c.path, "allowPrivilegeEscalation")
}

# runAsNonRoot (any value is allowed when the pod runs in a user namespace: hostUsers=false)
violations contains k8s.violation(checks, "runAsNonRoot", "pod must not set securityContext.runAsNonRoot=false", sprintf("%s.securityContext.runAsNonRoot", [k8s.spec_path])) if {
	not k8s.host_users_false
	k8s.pod_security_context.runAsNonRoot == false
}

violations contains k8s.violation(checks, "runAsNonRoot", sprintf("%s must not set securityContext.runAsNonRoot=false", [c.label]), sprintf("%s.securityContext.runAsNonRoot", [c.path])) if {
	not k8s.host_users_false
	some c in k8s.checked_containers
	c.container.securityContext.runAsNonRoot == false
}

violations contains k8s.violation(checks, "runAsNonRoot", sprintf("pod or %s must set securityContext.runAsNonRoot=true", [c.label]), c.path) if {
	not k8s.host_users_false
	not k8s.pod_security_context.runAsNonRoot == true
	some c in k8s.checked_containers
	not has_key(object.get(c.container, "securityContext", {}), "runAsNonRoot")
}

# runAsUser
violations contains k8s.violation(checks, "runAsUser", sprintf("%s must not set runAsUser=0", [s.label]), sprintf("%s.runAsUser", [s.path])) if {
	not k8s.host_users_false
	some s in k8s.security_contexts
	s.sc.runAsUser == 0
}

# seccompProfile_restricted (Windows pods are exempt)
violations contains k8s.violation(checks, "seccompProfile_restricted", sprintf("pod must not set seccompProfile.type=%v", [t]), sprintf("%s.securityContext.seccompProfile.type", [k8s.spec_path])) if {
	not k8s.is_windows
	t := k8s.pod_security_context.seccompProfile.type
	not t in valid_seccomp
}

violations contains k8s.violation(checks, "seccompProfile_restricted", sprintf("%s must not set seccompProfile.type=%v", [c.label, t]), sprintf("%s.securityContext.seccompProfile.type", [c.path])) if {
	not k8s.is_windows
	some c in k8s.checked_containers
	t := c.container.securityContext.seccompProfile.type
	not t in valid_seccomp
}

violations contains k8s.violation(checks, "seccompProfile_restricted", sprintf("pod or %s must set securityContext.seccompProfile.type to RuntimeDefault or Localhost", [c.label]), c.path) if {
	not k8s.is_windows
	not k8s.pod_security_context.seccompProfile.type in valid_seccomp
	some c in k8s.checked_containers
	not has_key(object.get(object.get(c.container, "securityContext", {}), "seccompProfile", {}), "type")
}

# procMount_restricted: Default only, even when the pod runs in a user namespace (hostUsers=false)
violations contains k8s.violation(checks, "procMount_restricted", sprintf("%s must not set securityContext.procMount=%v", [c.label, mount]), sprintf("%s.securityContext.procMount", [c.path])) if {
	some c in k8s.checked_containers
	mount := c.container.securityContext.procMount
	not mount in {"Default", null}
}

# capabilities_restricted (Windows pods are exempt)
violations contains k8s.violation(checks, "capabilities_restricted", sprintf("%s must set securityContext.capabilities.drop=[\"ALL\"]", [c.label]), field_or_parent(c.container, c.path, "capabilities")) if {
	not k8s.is_windows
	some c in k8s.checked_containers
	not drops_all(c.container)
}

violations contains k8s.violation(checks, "capabilities_restricted", sprintf("%s must not add capability %v", [c.label, cap]), sprintf("%s.securityContext.capabilities.add[%d]", [c.path, i])) if {
	not k8s.is_windows
	some c in k8s.checked_containers
	some i, cap in c.container.securityContext.capabilities.add
	cap != "NET_BIND_SERVICE"
}

drops_all(container) if "ALL" in container.securityContext.capabilities.drop

has_key(obj, key) if {
	is_object(obj)
	_ = obj[key]
}

# The path of securityContext.<field> when it is set, else of securityContext, else of the container.
field_or_parent(container, path, field) := sprintf("%s.securityContext.%s", [path, field]) if {
	has_key(object.get(container, "securityContext", {}), field)
} else := sprintf("%s.securityContext", [path]) if {
	has_key(container, "securityContext")
} else := path
