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

allowed_sysctls := {
	"kernel.shm_rmid_forced",
	"net.ipv4.ip_local_port_range",
	"net.ipv4.ip_unprivileged_port_start",
	"net.ipv4.tcp_syncookies",
	"net.ipv4.ping_group_range",
	"net.ipv4.ip_local_reserved_ports",
	"net.ipv4.tcp_keepalive_time",
	"net.ipv4.tcp_fin_timeout",
	"net.ipv4.tcp_keepalive_intvl",
	"net.ipv4.tcp_keepalive_probes",
	"net.ipv4.tcp_rmem",
	"net.ipv4.tcp_wmem",
	"net.ipv4.tcp_slow_start_after_idle",
	"net.ipv4.tcp_notsent_lowat",
}

allowed_selinux_types := {"", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"}

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

# ...and the securityContext.appArmorProfile fields.
violations contains k8s.violation(checks, "appArmorProfile", sprintf("%s must not set appArmorProfile.type=%v", [s.label, s.sc.appArmorProfile.type]), sprintf("%s.appArmorProfile.type", [s.path])) if {
	some s in k8s.security_contexts
	not s.sc.appArmorProfile.type in {"RuntimeDefault", "Localhost"}
	s.sc.appArmorProfile.type != null
}

apparmor_annotation_allowed(value) if value in {"", "runtime/default"}

apparmor_annotation_allowed(value) if startswith(value, "localhost/")

# seLinuxOptions
violations contains k8s.violation(checks, "seLinuxOptions", sprintf("%s must not set seLinuxOptions.type=%v", [s.label, s.sc.seLinuxOptions.type]), sprintf("%s.seLinuxOptions.type", [s.path])) if {
	some s in k8s.security_contexts
	not s.sc.seLinuxOptions.type in allowed_selinux_types
	s.sc.seLinuxOptions.type != null
}

violations contains k8s.violation(checks, "seLinuxOptions", sprintf("%s must not set seLinuxOptions.%s", [s.label, field]), sprintf("%s.seLinuxOptions.%s", [s.path, field])) if {
	some s in k8s.security_contexts
	some field in ["user", "role"]
	value := s.sc.seLinuxOptions[field]
	not value in {"", null}
}

# procMount
violations contains k8s.violation(checks, "procMount", sprintf("%s must not set securityContext.procMount=%v", [c.label, mount]), sprintf("%s.securityContext.procMount", [c.path])) if {
	not k8s.host_users_false
	some c in k8s.checked_containers
	mount := c.container.securityContext.procMount
	not mount in {"Default", null}
}

# seccompProfile_baseline
violations contains k8s.violation(checks, "seccompProfile_baseline", sprintf("%s must not set seccompProfile.type=Unconfined", [s.label]), sprintf("%s.seccompProfile.type", [s.path])) if {
	some s in k8s.security_contexts
	s.sc.seccompProfile.type == "Unconfined"
}

# sysctls
violations contains k8s.violation(checks, "sysctls", sprintf("forbidden sysctl %v", [s.name]), sprintf("%s.securityContext.sysctls[%d].name", [k8s.spec_path, i])) if {
	some i, s in k8s.pod_security_context.sysctls
	not s.name in allowed_sysctls
}

# hostProbesAndHostLifecycle
violations contains k8s.violation(checks, "hostProbesAndHostLifecycle", sprintf("%s must not set %s.%s.host", [c.label, probe, handler]), sprintf("%s.%s.%s.host", [c.path, probe, handler])) if {
	some c in k8s.checked_containers
	some probe in ["livenessProbe", "readinessProbe", "startupProbe"]
	some handler in ["httpGet", "tcpSocket"]
	host := c.container[probe][handler].host
	not host in {"", null}
}

violations contains k8s.violation(checks, "hostProbesAndHostLifecycle", sprintf("%s must not set lifecycle.%s.%s.host", [c.label, hook, handler]), sprintf("%s.lifecycle.%s.%s.host", [c.path, hook, handler])) if {
	some c in k8s.checked_containers
	some hook in ["postStart", "preStop"]
	some handler in ["httpGet", "tcpSocket"]
	host := c.container.lifecycle[hook][handler].host
	not host in {"", null}
}
