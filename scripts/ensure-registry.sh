#!/bin/sh
# Makes sure Debian's docker-registry (distribution) is installed, for the tests that start a
# real OCI registry on 127.0.0.1 (test/registry.ts). Idempotent; called by .ci/run.
set -eu

if [ -n "${DOCKER_REGISTRY_BIN:-}" ] && [ -x "$DOCKER_REGISTRY_BIN" ]; then
  echo "docker-registry: $DOCKER_REGISTRY_BIN"
  exit 0
fi
if command -v docker-registry >/dev/null 2>&1; then
  echo "docker-registry: $(command -v docker-registry) ($(docker-registry --version 2>/dev/null || echo unknown version))"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "docker-registry is missing and apt-get is not available; registry tests will be skipped" >&2
  exit 0
fi

SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "docker-registry is missing and we are not root (no sudo); registry tests will be skipped" >&2
    exit 0
  fi
fi

echo "installing docker-registry with apt-get"
# The package's postinst tries to start a service; policy-rc.d / no systemd keeps it stopped.
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-registry >/dev/null
# On hosts with systemd the package starts a system-wide registry on :5000; the tests start their
# own on random ports, so stop it.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet docker-registry 2>/dev/null; then
  $SUDO systemctl stop docker-registry || true
fi
echo "docker-registry: $(command -v docker-registry) ($(docker-registry --version 2>/dev/null || echo unknown version))"
