# shellcheck shell=bash
# Ray service for the tests tagged "ray": installs the pip `ray` wheel into a virtual environment,
# starts a single head on loopback and exports what the tests and Maven read:
#   ORCAPOD_RAY_ADDRESS   host:port of the head's GCS (the Java driver's ray.address)
#   ORCAPOD_RAY_DIST_JAR  the wheel's ray/jars/ray_dist.jar (driver and workers must use this jar,
#                         not the io.ray 2.39.0 jars on Maven Central: versions must match)
#   ORCAPOD_RAY_TEMP_DIR  Ray's temp/session folder of this head
# Sourced by .ci/run, which calls ci_start_ray before the build and ci_stop_ray on exit. Developers
# can source it too: `source .ci/lib/ray.sh && ci_start_ray` (reuses a head it started earlier).

ORCAPOD_RAY_VERSION="${ORCAPOD_RAY_VERSION:-2.58.0}"
ORCAPOD_RAY_VENV="${ORCAPOD_RAY_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/orcapod/ray-$ORCAPOD_RAY_VERSION}"
# A short, dedicated folder: Ray puts Unix sockets in it (path length limit ~107 bytes), and
# removing it on stop cannot touch another Ray user's /tmp/ray.
ORCAPOD_RAY_TEMP_DIR="${ORCAPOD_RAY_TEMP_DIR:-${TMPDIR:-/tmp}/orcapod-ray}"
# Where ci_start_ray remembers the head it started, so a second call reuses it.
_ci_ray_state="$ORCAPOD_RAY_TEMP_DIR.address"

_ci_ray_log() { echo "ci/ray: $*" >&2; }

_ci_ray_install() {
  local py="$ORCAPOD_RAY_VENV/bin/python"
  if [ -x "$py" ] && "$py" -c "import ray, sys; sys.exit(ray.__version__ != '$ORCAPOD_RAY_VERSION')" 2>/dev/null; then
    return 0
  fi
  local base
  base="$(command -v python3.11 || command -v python3)"
  if ! "$base" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
    _ci_ray_log "need Python 3.11 for the ray $ORCAPOD_RAY_VERSION wheel, found $("$base" --version 2>&1)"
    return 1
  fi
  _ci_ray_log "installing ray==$ORCAPOD_RAY_VERSION into $ORCAPOD_RAY_VENV"
  rm -rf "$ORCAPOD_RAY_VENV"
  mkdir -p "$(dirname "$ORCAPOD_RAY_VENV")"
  "$base" -m venv "$ORCAPOD_RAY_VENV"
  "$ORCAPOD_RAY_VENV/bin/python" -m pip install -q "ray==$ORCAPOD_RAY_VERSION"
}

# Prints a TCP port that is free on 127.0.0.1 right now.
_ci_ray_free_port() {
  "$ORCAPOD_RAY_VENV/bin/python" -c '
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# Whether the head at host:port still accepts connections. (`ray status` cannot tell: the Python
# client rewrites a loopback address to the machine's primary IP, where a head started with
# --node-ip-address=127.0.0.1 does not listen.)
_ci_ray_alive() {
  "$ORCAPOD_RAY_VENV/bin/python" -c '
import socket, sys
host, port = sys.argv[1].rsplit(":", 1)
socket.create_connection((host, int(port)), timeout=2).close()' "$1" 2>/dev/null
}

_ci_ray_export() {
  local address="$1"
  export ORCAPOD_RAY_ADDRESS="$address"
  export ORCAPOD_RAY_TEMP_DIR
  ORCAPOD_RAY_DIST_JAR="$("$ORCAPOD_RAY_VENV/bin/python" -c \
    'import os, ray; print(os.path.join(os.path.dirname(ray.__file__), "jars", "ray_dist.jar"))')"
  export ORCAPOD_RAY_DIST_JAR
  if [ ! -f "$ORCAPOD_RAY_DIST_JAR" ]; then
    _ci_ray_log "the ray wheel has no Java jar at $ORCAPOD_RAY_DIST_JAR"
    return 1
  fi
  _ci_ray_log "head at $ORCAPOD_RAY_ADDRESS, jar $ORCAPOD_RAY_DIST_JAR"
}

ci_start_ray() {
  _ci_ray_install || return 1
  local ray="$ORCAPOD_RAY_VENV/bin/ray"
  if [ -f "$_ci_ray_state" ]; then
    local previous
    previous="$(cat "$_ci_ray_state")"
    if _ci_ray_alive "$previous"; then
      _ci_ray_log "reusing the running head at $previous"
      _ci_ray_export "$previous"
      return
    fi
    _ci_ray_log "head at $previous is gone; starting a new one"
    ci_stop_ray || true
  fi
  mkdir -p "$ORCAPOD_RAY_TEMP_DIR"
  local port
  port="$(_ci_ray_free_port)"
  # setsid: the head's processes must outlive the shell that started them (a developer's terminal
  # job); ci_stop_ray ends them.
  RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0 setsid "$ray" start --head \
    --node-ip-address=127.0.0.1 --port="$port" \
    --num-cpus=2 --object-store-memory=200000000 \
    --include-dashboard=false --disable-usage-stats \
    --temp-dir="$ORCAPOD_RAY_TEMP_DIR" >"$ORCAPOD_RAY_TEMP_DIR.start.log" 2>&1 || {
    cat "$ORCAPOD_RAY_TEMP_DIR.start.log" >&2
    # A half-started head must not outlive the failed start.
    "$ray" stop --force >/dev/null 2>&1 || true
    return 1
  }
  echo "127.0.0.1:$port" >"$_ci_ray_state"
  _ci_ray_export "127.0.0.1:$port"
}

ci_stop_ray() {
  local ray="$ORCAPOD_RAY_VENV/bin/ray"
  if [ -x "$ray" ] && [ -f "$_ci_ray_state" ]; then
    # `ray stop` ends every Ray process of this machine's user (it finds them by name), so it
    # runs only when ci_start_ray started a head.
    "$ray" stop >/dev/null 2>&1 || "$ray" stop --force >/dev/null 2>&1 || _ci_ray_log "ray stop failed"
  fi
  # Ray's session folders (logs, sockets, spilled objects) of this head only.
  rm -rf "$ORCAPOD_RAY_TEMP_DIR" "$_ci_ray_state" "$ORCAPOD_RAY_TEMP_DIR.start.log"
  unset ORCAPOD_RAY_ADDRESS
}
