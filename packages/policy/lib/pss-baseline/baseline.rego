# Pod Security Standards, Baseline level, with the check IDs of Kubernetes' pod-security-admission.
# Applies to every pod-bearing kind (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job,
# CronJob, ReplicationController, PodTemplate).
package builtin.pss.baseline

import rego.v1

import data.builtin.k8s

checks := {
	"windowsHostProcess": {
		"severity": "high",
		"why": "A Windows HostProcess container has full access to the Windows host.",
		"fix": "Remove securityContext.windowsOptions.hostProcess or set it to false.",
	},
	"hostNamespaces": {
		"severity": "high",
		"why": "Sharing the host's network, PID or IPC namespace lets the pod observe and attack host processes and traffic.",
		"fix": "Remove hostNetwork, hostPID and hostIPC from the pod spec (or set them to false).",
	},
	"privileged": {
		"severity": "high",
		"why": "A privileged container has all capabilities and device access: it is root on the node.",
		"fix": "Remove securityContext.privileged or set it to false.",
	},
	"capabilities_baseline": {
		"severity": "high",
		"why": "Capabilities beyond the default set (e.g. SYS_ADMIN, NET_ADMIN) allow escaping the container.",
		"fix": "Only add capabilities from the default set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT).",
	},
	"hostPathVolumes": {
		"severity": "high",
		"why": "A hostPath volume exposes the node's filesystem to the pod.",
		"fix": "Use a configMap, secret, emptyDir or persistentVolumeClaim volume instead of hostPath.",
	},
	"hostPorts": {
		"severity": "medium",
		"why": "Host ports bind directly on the node, bypassing network policy and limiting scheduling.",
		"fix": "Remove hostPort (or set it to 0) and expose the port through a Service.",
	},
	"appArmorProfile": {
		"severity": "medium",
		"why": "Disabling AppArmor or using a custom unconfined profile removes a kernel-level confinement layer.",
		"fix": "Use the RuntimeDefault or a Localhost AppArmor profile (or leave it unset).",
	},
	"seLinuxOptions": {
		"severity": "medium",
		"why": "Custom SELinux users, roles or types can lift the container's confinement.",
		"fix": "Leave seLinuxOptions.user and .role unset and use type container_t, container_init_t, container_kvm_t or container_engine_t.",
	},
	"procMount": {
		"severity": "medium",
		"why": "An Unmasked /proc mount exposes kernel information and interfaces that are normally hidden.",
		"fix": "Remove securityContext.procMount or set it to Default.",
	},
	"seccompProfile_baseline": {
		"severity": "medium",
		"why": "An Unconfined seccomp profile allows every system call.",
		"fix": "Set seccompProfile.type to RuntimeDefault or Localhost (or leave it unset).",
	},
	"sysctls": {
		"severity": "medium",
		"why": "Unsafe sysctls can affect every pod on the node or the node itself.",
		"fix": "Only set the safe sysctls (kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, ...).",
	},
	"hostProbesAndHostLifecycle": {
		"severity": "medium",
		"why": "Probes and lifecycle hooks with a host field can be used to reach other hosts from the kubelet.",
		"fix": "Remove the host field of httpGet/tcpSocket probes and lifecycle handlers.",
	},
}

allowed_capabilities := {
	"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
	"NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
}

# The safe sysctls, by the policy version that made them safe.
sysctls_by_version := {
	0: {
		"kernel.shm_rmid_forced",
		"net.ipv4.ip_local_port_range",
		"net.ipv4.ip_unprivileged_port_start",
		"net.ipv4.tcp_syncookies",
		"net.ipv4.ping_group_range",
	},
	27: {"net.ipv4.ip_local_reserved_ports"},
	29: {
		"net.ipv4.tcp_keepalive_time",
		"net.ipv4.tcp_fin_timeout",
		"net.ipv4.tcp_keepalive_intvl",
		"net.ipv4.tcp_keepalive_probes",
	},
	32: {"net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"},
	37: {"net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat"},
}

allowed_sysctls contains name if {
	some minor, names in sysctls_by_version
	k8s.pss_at_least(minor)
	some name in names
}

allowed_selinux_types contains t if some t in {"", "container_t", "container_init_t", "container_kvm_t"}

allowed_selinux_types contains "container_engine_t" if k8s.pss_at_least(31)

valid_seccomp := {"RuntimeDefault", "Localhost"}

valid_apparmor := {"RuntimeDefault", "Localhost"}

deny contains v if {
	some v in violations
	not k8s.disabled(v.id)
}

# windowsHostProcess
violations contains k8s.violation(checks, "windowsHostProcess", sprintf("%s must not set securityContext.windowsOptions.hostProcess=true", [s.label]), sprintf("%s.windowsOptions.hostProcess", [s.path])) if {
	some s in k8s.security_contexts
	s.sc.windowsOptions.hostProcess == true
}

# hostNamespaces
violations contains k8s.violation(checks, "hostNamespaces", sprintf("%s=true", [field]), sprintf("%s.%s", [k8s.spec_path, field])) if {
	some field in ["hostNetwork", "hostPID", "hostIPC"]
	k8s.pod_spec[field] == true
}

# privileged
violations contains k8s.violation(checks, "privileged", sprintf("%s must not set securityContext.privileged=true", [c.label]), sprintf("%s.securityContext.privileged", [c.path])) if {
	some c in k8s.checked_containers
	c.container.securityContext.privileged == true
}

# capabilities_baseline
violations contains k8s.violation(checks, "capabilities_baseline", sprintf("%s must not add capability %s", [c.label, cap]), sprintf("%s.securityContext.capabilities.add[%d]", [c.path, i])) if {
	some c in k8s.checked_containers
	some i, cap in c.container.securityContext.capabilities.add
	not cap in allowed_capabilities
}

# hostPathVolumes
violations contains k8s.violation(checks, "hostPathVolumes", sprintf("volume %s uses hostPath", [object.get(vol, "name", sprintf("#%d", [i]))]), sprintf("%s.volumes[%d].hostPath", [k8s.spec_path, i])) if {
	some i, vol in k8s.pod_spec.volumes
	vol.hostPath != null
}

# hostPorts
violations contains k8s.violation(checks, "hostPorts", sprintf("%s uses hostPort %v", [c.label, port.hostPort]), sprintf("%s.ports[%d].hostPort", [c.path, i])) if {
	some c in k8s.checked_containers
	some i, port in c.container.ports
	port.hostPort != 0
	port.hostPort != null
}

# appArmorProfile: the beta annotations on the pod template...
violations contains k8s.violation(checks, "appArmorProfile", sprintf("annotation %s=%s", [key, value]), sprintf("%smetadata.annotations[\"%s\"]", [k8s.template_prefix, key])) if {
	some key, value in k8s.pod_annotations
	startswith(key, "container.apparmor.security.beta.kubernetes.io/")
	not apparmor_annotation_allowed(value)
}

# ...and the securityContext.appArmorProfile fields: a profile without a type is not allowed either.
violations contains k8s.violation(checks, "appArmorProfile", sprintf("%s must not set appArmorProfile.type=%v", [s.label, t]), k8s.field_path(s.sc.appArmorProfile, sprintf("%s.appArmorProfile", [s.path]), "type")) if {
	some s in k8s.security_contexts
	k8s.is_set(s.sc, "appArmorProfile")
	t := k8s.get_or(s.sc.appArmorProfile, "type", "")
	not t in valid_apparmor
}

apparmor_annotation_allowed(value) if value in {"", "runtime/default"}

apparmor_annotation_allowed(value) if startswith(value, "localhost/")

# seLinuxOptions
violations contains k8s.violation(checks, "seLinuxOptions", sprintf("%s must not set seLinuxOptions.type=%v", [s.label, t]), sprintf("%s.seLinuxOptions.type", [s.path])) if {
	some s in k8s.security_contexts
	t := s.sc.seLinuxOptions.type
	t != null
	not t in allowed_selinux_types
}

violations contains k8s.violation(checks, "seLinuxOptions", sprintf("%s must not set seLinuxOptions.%s", [s.label, field]), sprintf("%s.seLinuxOptions.%s", [s.path, field])) if {
	some s in k8s.security_contexts
	some field in ["user", "role"]
	value := s.sc.seLinuxOptions[field]
	not value in {"", null}
}

# procMount (from policy version 1.35, any value is allowed when the pod runs in a user namespace:
# hostUsers=false)
violations contains k8s.violation(checks, "procMount", sprintf("%s must not set securityContext.procMount=%v", [c.label, mount]), sprintf("%s.securityContext.procMount", [c.path])) if {
	not procmount_relaxed
	some c in k8s.checked_containers
	mount := c.container.securityContext.procMount
	not mount in {"Default", null}
}

procmount_relaxed if {
	k8s.pss_at_least(35)
	k8s.host_users_false
}

# seccompProfile_baseline, policy version 1.19 and later: a seccompProfile must have the type
# RuntimeDefault or Localhost (Unconfined, an empty or a misspelt type are refused).
violations contains k8s.violation(checks, "seccompProfile_baseline", sprintf("%s must not set seccompProfile.type=%v", [s.label, t]), k8s.field_path(s.sc.seccompProfile, sprintf("%s.seccompProfile", [s.path]), "type")) if {
	k8s.pss_at_least(19)
	some s in k8s.security_contexts
	k8s.is_set(s.sc, "seccompProfile")
	t := k8s.get_or(s.sc.seccompProfile, "type", "")
	not t in valid_seccomp
}

# seccompProfile_baseline before policy version 1.19: the alpha annotations, for the pod and for each
# container by name (runtime/default, docker/default or localhost/*).
violations contains k8s.violation(checks, "seccompProfile_baseline", sprintf("annotation %s=%v", [key, value]), sprintf("%smetadata.annotations[\"%s\"]", [k8s.template_prefix, key])) if {
	not k8s.pss_at_least(19)
	some key in seccomp_annotation_keys
	value := k8s.pod_annotations[key]
	not seccomp_annotation_allowed(value)
}

seccomp_annotation_keys contains "seccomp.security.alpha.kubernetes.io/pod"

seccomp_annotation_keys contains concat("", ["container.seccomp.security.alpha.kubernetes.io/", c.container.name]) if {
	some c in k8s.checked_containers
	is_string(c.container.name)
}

seccomp_annotation_allowed(value) if value in {"runtime/default", "docker/default"}

seccomp_annotation_allowed(value) if startswith(value, "localhost/")

# sysctls
violations contains k8s.violation(checks, "sysctls", sprintf("forbidden sysctl %v", [s.name]), sprintf("%s.securityContext.sysctls[%d].name", [k8s.spec_path, i])) if {
	some i, s in k8s.pod_security_context.sysctls
	not s.name in allowed_sysctls
}

# hostProbesAndHostLifecycle (policy version 1.34 and later)
violations contains k8s.violation(checks, "hostProbesAndHostLifecycle", sprintf("%s must not set %s.%s.host", [c.label, probe, handler]), sprintf("%s.%s.%s.host", [c.path, probe, handler])) if {
	k8s.pss_at_least(34)
	some c in k8s.checked_containers
	some probe in ["livenessProbe", "readinessProbe", "startupProbe"]
	some handler in ["httpGet", "tcpSocket"]
	host := c.container[probe][handler].host
	not host in {"", null}
}

violations contains k8s.violation(checks, "hostProbesAndHostLifecycle", sprintf("%s must not set lifecycle.%s.%s.host", [c.label, hook, handler]), sprintf("%s.lifecycle.%s.%s.host", [c.path, hook, handler])) if {
	k8s.pss_at_least(34)
	some c in k8s.checked_containers
	some hook in ["postStart", "preStop"]
	some handler in ["httpGet", "tcpSocket"]
	host := c.container.lifecycle[hook][handler].host
	not host in {"", null}
}
