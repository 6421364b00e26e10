# Best practices for Kubernetes manifests beyond the Pod Security Standards. Configurable through
# data.secure_pipeline (a data file passed with --data):
#   allowed_registries: ["ghcr.io/my-org/", "registry.example.com/*"]  (unset: any registry)
#   required_labels: ["app.kubernetes.io/name", {"key": "owner", "allowedRegex": "^[a-z]+$"}]
#   allowed_service_types: ["LoadBalancer"]   (ClusterIP, Headless and ExternalName are always fine)
#   required_requests: ["cpu", "memory"]       required_limits: ["memory"]
#   allowed_anonymous_roles: ["public-info-viewer"]
#   exempt_images: ["registry.example.com/debug:*"]   disabled_checks: ["image-digest"]
# Checks with severity "low" are warnings (warn); the others are failures (deny).
package builtin.best_practices

import rego.v1

import data.builtin.k8s

checks := {
	"image-tag-latest": {
		"severity": "medium",
		"why": "An image without a tag or tagged latest changes under you: deployments are not reproducible and rollbacks lie.",
		"fix": "Pin the image to a version tag, better to a digest (image@sha256:...).",
	},
	"image-digest": {
		"severity": "low",
		"why": "Tags are mutable; only a digest guarantees the image you tested is the image you run.",
		"fix": "Reference the image by digest: registry/name:tag@sha256:<digest>.",
	},
	"allowed-registries": {
		"severity": "high",
		"why": "Images from registries outside the allow-list bypass your supply-chain controls.",
		"fix": "Pull the image from one of the allowed registries (data.secure_pipeline.allowed_registries).",
	},
	"resource-requests": {
		"severity": "low",
		"why": "Without CPU and memory requests the scheduler cannot place the pod sensibly and it is evicted first.",
		"fix": "Set resources.requests.cpu and resources.requests.memory on every container.",
	},
	"resource-limits": {
		"severity": "low",
		"why": "Without limits one container can starve every other workload on the node.",
		"fix": "Set resources.limits (at least memory) on every container.",
	},
	"liveness-probe": {
		"severity": "low",
		"why": "Without a liveness probe a hung container is never restarted.",
		"fix": "Add a livenessProbe (httpGet, tcpSocket, grpc or exec) to every long-running container.",
	},
	"readiness-probe": {
		"severity": "low",
		"why": "Without a readiness probe traffic is sent to containers that are not ready.",
		"fix": "Add a readinessProbe (httpGet, tcpSocket, grpc or exec) to every long-running container.",
	},
	"required-labels": {
		"severity": "medium",
		"why": "Labels required by your organisation (owner, app name...) drive ownership, cost and policy selection.",
		"fix": "Add the required labels under metadata.labels (see data.secure_pipeline.required_labels).",
	},
	"default-namespace": {
		"severity": "low",
		"why": "The default namespace mixes unrelated workloads and usually has no quotas or policies.",
		"fix": "Deploy into a dedicated namespace.",
	},
	"automount-service-account-token": {
		"severity": "low",
		"why": "A mounted service account token lets anyone who compromises the pod call the Kubernetes API.",
		"fix": "Set automountServiceAccountToken: false in the pod spec unless the workload talks to the API.",
	},
	"read-only-root-filesystem": {
		"severity": "medium",
		"why": "A writable root filesystem lets an attacker drop tools and persist inside the container.",
		"fix": "Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the app must write.",
	},
	"rbac-wildcard": {
		"severity": "high",
		"why": "Wildcard verbs or resources grant every current and future permission.",
		"fix": "List the exact verbs and resources the role needs.",
	},
	"rbac-cluster-admin-binding": {
		"severity": "high",
		"why": "Binding cluster-admin gives full control of the cluster.",
		"fix": "Bind a role with only the permissions needed.",
	},
	"rbac-anonymous-binding": {
		"severity": "high",
		"why": "Bindings to system:anonymous or system:unauthenticated give permissions to anyone who can reach the API server.",
		"fix": "Remove the anonymous subjects (or allow the role in data.secure_pipeline.allowed_anonymous_roles).",
	},
	"service-type": {
		"severity": "medium",
		"why": "NodePort and LoadBalancer Services expose the workload outside the cluster.",
		"fix": "Use a ClusterIP Service behind an Ingress/Gateway, or allow the type in data.secure_pipeline.allowed_service_types.",
	},
}

deny contains v if {
	some v in violations
	checks[v.id].severity != "low"
	not k8s.disabled(v.id)
}

warn contains v if {
	some v in violations
	checks[v.id].severity == "low"
	not k8s.disabled(v.id)
}

# --- images ---

image_of(c) := object.get(c.container, "image", "")

has_digest(image) if indexof(image, "@") >= 0

# The tag of an image reference, when it has one (the last ":" after the last "/").
image_tag(image) := tag if {
	not has_digest(image)
	parts := split(image, "/")
	last := parts[count(parts) - 1]
	indexof(last, ":") >= 0
	pieces := split(last, ":")
	tag := pieces[count(pieces) - 1]
}

violations contains k8s.violation(checks, "image-tag-latest", sprintf("%s image %v has no tag", [c.label, image_of(c)]), sprintf("%s.image", [c.path])) if {
	some c in k8s.checked_containers
	image := image_of(c)
	image != ""
	not has_digest(image)
	not image_tag(image)
}

violations contains k8s.violation(checks, "image-tag-latest", sprintf("%s image %v uses the latest tag", [c.label, image_of(c)]), sprintf("%s.image", [c.path])) if {
	some c in k8s.checked_containers
	image_tag(image_of(c)) == "latest"
}

violations contains k8s.violation(checks, "image-digest", sprintf("%s image %v is not pinned by digest", [c.label, image_of(c)]), sprintf("%s.image", [c.path])) if {
	some c in k8s.checked_containers
	tag := image_tag(image_of(c))
	tag != "latest"
}

violations contains k8s.violation(checks, "allowed-registries", sprintf("%s image %v is not from an allowed registry", [c.label, image_of(c)]), sprintf("%s.image", [c.path])) if {
	is_array(data.secure_pipeline.allowed_registries)
	some c in k8s.checked_containers
	not registry_allowed(image_of(c))
}

registry_allowed(image) if {
	some pattern in data.secure_pipeline.allowed_registries
	registry_matches(image, pattern)
}

# "org/" and "registry.example.com/*" are prefixes; "name" matches name, name:tag and name@digest.
registry_matches(image, pattern) if {
	endswith(pattern, "*")
	startswith(image, trim_suffix(pattern, "*"))
}

registry_matches(image, pattern) if {
	endswith(pattern, "/")
	startswith(image, pattern)
}

registry_matches(image, pattern) if image == pattern

registry_matches(image, pattern) if {
	not endswith(pattern, "/")
	not endswith(pattern, "*")
	some sep in [":", "@"]
	startswith(image, concat("", [pattern, sep]))
}

# --- resources ---

default required_requests := ["cpu", "memory"]

required_requests := data.secure_pipeline.required_requests

default required_limits := ["cpu", "memory"]

required_limits := data.secure_pipeline.required_limits

default allowed_anonymous_roles := []

allowed_anonymous_roles := data.secure_pipeline.allowed_anonymous_roles

default allowed_service_types := []

allowed_service_types := data.secure_pipeline.allowed_service_types

violations contains k8s.violation(checks, "resource-requests", sprintf("%s has no %s request", [c.label, r]), resources_path(c, "requests")) if {
	some c in k8s.checked_containers
	c.field != "ephemeralContainers"
	some r in required_requests
	not has_resource(c.container, "requests", r)
}

violations contains k8s.violation(checks, "resource-limits", sprintf("%s has no %s limit", [c.label, r]), resources_path(c, "limits")) if {
	some c in k8s.checked_containers
	c.field != "ephemeralContainers"
	some r in required_limits
	not has_resource(c.container, "limits", r)
}

has_resource(container, kind, r) if {
	value := container.resources[kind][r]
	value != null
	value != ""
}

resources_path(c, kind) := sprintf("%s.resources.%s", [c.path, kind]) if {
	c.container.resources[kind]
} else := sprintf("%s.resources", [c.path]) if {
	c.container.resources
} else := c.path

# --- probes (long-running workloads only) ---

batch_kinds := {"Job", "CronJob"}

probe_checks := {"livenessProbe": "liveness-probe", "readinessProbe": "readiness-probe"}

violations contains k8s.violation(checks, id, sprintf("%s has no %s", [c.label, probe]), c.path) if {
	not input.kind in batch_kinds
	some c in k8s.checked_containers
	c.field == "containers"
	some probe, id in probe_checks
	not has_probe_handler(c.container, probe)
}

has_probe_handler(container, probe) if {
	some handler in ["httpGet", "tcpSocket", "grpc", "exec"]
	is_object(container[probe][handler])
}

# --- labels and namespace (every object) ---

violations contains k8s.violation(checks, "required-labels", sprintf("missing label %s", [key]), labels_path) if {
	is_object(input)
	is_string(input.kind)
	some entry in data.secure_pipeline.required_labels
	key := label_key(entry)
	not has_label(key)
}

violations contains k8s.violation(checks, "required-labels", sprintf("label %s=%v does not match %s", [entry.key, input.metadata.labels[entry.key], entry.allowedRegex]), sprintf("metadata.labels[\"%s\"]", [entry.key])) if {
	is_object(input)
	some entry in data.secure_pipeline.required_labels
	is_string(entry.allowedRegex)
	value := input.metadata.labels[entry.key]
	not regex.match(entry.allowedRegex, sprintf("%v", [value]))
}

label_key(entry) := entry if is_string(entry)

label_key(entry) := entry.key if is_object(entry)

has_label(key) if {
	_ = input.metadata.labels[key]
}

labels_path := "metadata.labels" if {
	is_object(input.metadata.labels)
} else := "metadata"

violations contains k8s.violation(checks, "default-namespace", "uses the default namespace", "metadata.namespace") if {
	input.metadata.namespace == "default"
}

# --- pod spec ---

violations contains k8s.violation(checks, "automount-service-account-token", "pod spec does not set automountServiceAccountToken=false", path) if {
	spec := k8s.pod_spec
	not spec.automountServiceAccountToken == false
	path := automount_path(spec)
}

automount_path(spec) := sprintf("%s.automountServiceAccountToken", [k8s.spec_path]) if {
	_ = spec.automountServiceAccountToken
} else := k8s.spec_path

violations contains k8s.violation(checks, "read-only-root-filesystem", sprintf("%s must set securityContext.readOnlyRootFilesystem=true", [c.label]), path) if {
	some c in k8s.checked_containers
	c.field != "ephemeralContainers"
	not c.container.securityContext.readOnlyRootFilesystem == true
	path := ro_path(c)
}

ro_path(c) := sprintf("%s.securityContext.readOnlyRootFilesystem", [c.path]) if {
	_ = c.container.securityContext.readOnlyRootFilesystem
} else := c.path

# --- RBAC ---

violations contains k8s.violation(checks, "rbac-wildcard", sprintf("rule %d grants %s \"*\"", [i, field]), sprintf("rules[%d].%s", [i, field])) if {
	input.kind in {"Role", "ClusterRole"}
	some i, rule in input.rules
	some field in ["verbs", "resources"]
	"*" in rule[field]
}

violations contains k8s.violation(checks, "rbac-cluster-admin-binding", "binds the cluster-admin ClusterRole", "roleRef.name") if {
	input.kind in {"RoleBinding", "ClusterRoleBinding"}
	input.roleRef.kind == "ClusterRole"
	input.roleRef.name == "cluster-admin"
}

anonymous_subjects := {"system:anonymous", "system:unauthenticated"}

violations contains k8s.violation(checks, "rbac-anonymous-binding", sprintf("binds %s to %v", [subject.name, input.roleRef.name]), sprintf("subjects[%d]", [i])) if {
	input.kind in {"RoleBinding", "ClusterRoleBinding"}
	some i, subject in input.subjects
	subject.name in anonymous_subjects
	not input.roleRef.name in allowed_anonymous_roles
}

# --- Services ---

violations contains k8s.violation(checks, "service-type", sprintf("type %s exposes the service outside the cluster", [input.spec.type]), "spec.type") if {
	input.kind == "Service"
	input.spec.type in {"NodePort", "LoadBalancer"}
	not input.spec.type in allowed_service_types
}
