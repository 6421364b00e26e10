# Pod Security Standards (baseline + restricted) style checks, as a conftest-like policy set.
package bench.pss

import rego.v1

workload_kinds := {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"}

pod_spec := input.spec if input.kind == "Pod"

pod_spec := input.spec.template.spec if input.kind in workload_kinds

pod_spec := input.spec.jobTemplate.spec.template.spec if input.kind == "CronJob"

containers contains c if some c in pod_spec.containers

containers contains c if some c in pod_spec.initContainers

name := sprintf("%s/%s", [input.kind, input.metadata.name])

allowed_capabilities := {"NET_BIND_SERVICE"}

deny contains msg if {
	some c in containers
	c.securityContext.privileged
	msg := sprintf("%s: container %q must not be privileged", [name, c.name])
}

deny contains msg if {
	some field in ["hostNetwork", "hostPID", "hostIPC"]
	pod_spec[field]
	msg := sprintf("%s: %s is not allowed", [name, field])
}

deny contains msg if {
	some v in pod_spec.volumes
	v.hostPath
	msg := sprintf("%s: hostPath volume %q is not allowed", [name, v.name])
}

deny contains msg if {
	some c in containers
	some p in c.ports
	p.hostPort > 0
	msg := sprintf("%s: container %q uses hostPort %d", [name, c.name, p.hostPort])
}

deny contains msg if {
	some c in containers
	not c.securityContext.allowPrivilegeEscalation == false
	msg := sprintf("%s: container %q must set allowPrivilegeEscalation to false", [name, c.name])
}

run_as_non_root(c) if c.securityContext.runAsNonRoot == true

run_as_non_root(c) if {
	not c.securityContext.runAsNonRoot == false
	pod_spec.securityContext.runAsNonRoot == true
}

deny contains msg if {
	some c in containers
	not run_as_non_root(c)
	msg := sprintf("%s: container %q must run as non-root", [name, c.name])
}

deny contains msg if {
	some c in containers
	some cap in c.securityContext.capabilities.add
	not cap in allowed_capabilities
	msg := sprintf("%s: container %q adds capability %s", [name, c.name, cap])
}

deny contains msg if {
	some c in containers
	not "ALL" in object.get(c, ["securityContext", "capabilities", "drop"], [])
	msg := sprintf("%s: container %q must drop ALL capabilities", [name, c.name])
}

seccomp_ok(c) if c.securityContext.seccompProfile.type in {"RuntimeDefault", "Localhost"}

seccomp_ok(c) if {
	not c.securityContext.seccompProfile
	pod_spec.securityContext.seccompProfile.type in {"RuntimeDefault", "Localhost"}
}

deny contains msg if {
	some c in containers
	not seccomp_ok(c)
	msg := sprintf("%s: container %q needs a RuntimeDefault or Localhost seccomp profile", [name, c.name])
}

warn contains msg if {
	some c in containers
	not contains(c.image, "@sha256:")
	tag := image_tag(c.image)
	tag in {"", "latest"}
	msg := sprintf("%s: container %q uses an unpinned image %s", [name, c.name, c.image])
}

image_tag(image) := tag if {
	parts := split(image, "/")
	last := parts[count(parts) - 1]
	contains(last, ":")
	tag := split(last, ":")[1]
} else := ""

warn contains msg if {
	some c in containers
	some r in ["cpu", "memory"]
	not c.resources.limits[r]
	msg := sprintf("%s: container %q has no %s limit", [name, c.name, r])
}

warn contains msg if {
	some c in containers
	not c.securityContext.readOnlyRootFilesystem == true
	msg := sprintf("%s: container %q should use a read-only root filesystem", [name, c.name])
}
