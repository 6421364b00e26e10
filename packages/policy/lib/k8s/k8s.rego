# Shared helpers for the built-in policy sets: where the pod template lives in each pod-bearing
# kind, every container with its field path, image matching and the violation object shape.
package builtin.k8s

import rego.v1

workload_kinds := {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "ReplicationController"}

# Path prefix (ending with a dot, or empty) of the pod template: the object with metadata and spec.
template_prefix := "" if input.kind == "Pod"

template_prefix := "spec.template." if input.kind in workload_kinds

template_prefix := "spec.jobTemplate.spec.template." if input.kind == "CronJob"

template_prefix := "template." if input.kind == "PodTemplate"

pod_template := input if input.kind == "Pod"

pod_template := input.spec.template if input.kind in workload_kinds

pod_template := input.spec.jobTemplate.spec.template if input.kind == "CronJob"

pod_template := input.template if input.kind == "PodTemplate"

pod_spec := pod_template.spec

spec_path := concat("", [template_prefix, "spec"])

pod_annotations := pod_template.metadata.annotations

pod_security_context := pod_spec.securityContext

name := input.metadata.name

default display := "object"

display := sprintf("%s/%s", [input.kind, name]) if is_string(name)

display := sprintf("%s", [input.kind]) if {
	not is_string(name)
	is_string(input.kind)
}

container_fields := ["containers", "initContainers", "ephemeralContainers"]

# Every container (regular, init and ephemeral) with its path, e.g.
# {"container": {...}, "path": "spec.template.spec.containers[0]", "field": "containers", "label": "container \"app\""}
containers contains entry if {
	some field in container_fields
	some i, c in pod_spec[field]
	is_object(c)
	entry := {
		"container": c,
		"path": sprintf("%s.%s[%d]", [spec_path, field, i]),
		"field": field,
		"label": sprintf("container \"%s\"", [object.get(c, "name", sprintf("#%d", [i]))]),
	}
}

# Containers whose image is not exempted by data.secure_pipeline.exempt_images.
checked_containers contains entry if {
	some entry in containers
	not exempt_image(object.get(entry.container, "image", ""))
}

exempt_image(image) if {
	some pattern in data.secure_pipeline.exempt_images
	image_matches(image, pattern)
}

# "repo/name:*" style: a trailing * matches any suffix, anything else must match exactly.
image_matches(image, pattern) if image == pattern

image_matches(image, pattern) if {
	endswith(pattern, "*")
	startswith(image, trim_suffix(pattern, "*"))
}

# Every security context: the pod's and each checked container's.
security_contexts contains {"sc": pod_security_context, "path": sprintf("%s.securityContext", [spec_path]), "label": "pod"} if {
	is_object(pod_security_context)
}

security_contexts contains {"sc": c.container.securityContext, "path": sprintf("%s.securityContext", [c.path]), "label": c.label} if {
	some c in checked_containers
	is_object(c.container.securityContext)
}

is_windows if pod_spec.os.name == "windows"

host_users_false if pod_spec.hostUsers == false

# A field counts as set when it is present and not null (a YAML `key:` or `key: null` is unset, as
# in Kubernetes' typed objects).
is_set(obj, key) if {
	is_object(obj)
	obj[key] != null
}

# The Pod Security Standards policy version to check against, as the minor version of Kubernetes 1.x
# (pod-security.kubernetes.io/enforce-version): data.secure_pipeline.pss_version "v1.25", "1.25" or
# "latest" (the default, the newest rules).
default pss_minor := 9999

pss_minor := minor if {
	v := data.secure_pipeline.pss_version
	is_string(v)
	v != "latest"
	parts := split(trim_prefix(v, "v"), ".")
	count(parts) == 2
	parts[0] == "1"
	minor := to_number(parts[1])
}

# True when the rules of policy version 1.<minor> (or newer) apply.
pss_at_least(minor) if pss_minor >= minor

# Builds the conftest-style violation object for check `id` of the table `checks`.
violation(checks, id, msg, path) := {
	"msg": sprintf("%s: %s (%s)", [display, id, msg]),
	"id": id,
	"severity": checks[id].severity,
	"why": checks[id].why,
	"fix": checks[id].fix,
	"path": path,
}

# A check is skipped when listed in data.secure_pipeline.disabled_checks, or for one object when an
# entry of data.secure_pipeline.exceptions matches it: {"id": "privileged" or "*", and optionally
# "kind", "name", "namespace" (each exact, or "*")}.
disabled(id) if id in data.secure_pipeline.disabled_checks

disabled(id) if {
	some e in data.secure_pipeline.exceptions
	exception_field_matches(e, "id", id)
	exception_field_matches(e, "kind", input.kind)
	exception_field_matches(e, "name", input.metadata.name)
	exception_field_matches(e, "namespace", object.get(object.get(input, "metadata", {}), "namespace", ""))
}

exception_field_matches(e, field, _) if not has_field(e, field)

exception_field_matches(e, field, _) if e[field] == "*"

exception_field_matches(e, field, value) if e[field] == value

has_field(obj, field) if _ = obj[field]

# obj[key] when it is set (present and not null), else the default.
get_or(obj, key, default_value) := obj[key] if {
	is_set(obj, key)
} else := default_value

# "<base>.<key>" when obj sets key, else "<base>" (the nearest field a finding can point at).
field_path(obj, base, key) := sprintf("%s.%s", [base, key]) if {
	is_set(obj, key)
} else := base
