# shellcheck shell=bash
# Graphviz for the CLI's real-SVG test (`orcapod dag --format svg` runs `dot -Tsvg`): sourced by
# .ci/run, also usable by hand:
#   source .ci/lib/graphviz.sh && ci_start_graphviz
# Installs the Debian package graphviz when `dot` is not on PATH. There is no service to run, so
# ci_stop_graphviz does nothing (the package stays installed).

ci_start_graphviz() {
  if command -v dot >/dev/null; then
    echo "graphviz: $(dot -V 2>&1)"
    return 0
  fi
  echo "graphviz: installing from Debian packages"
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    sudo="sudo"
  fi
  $sudo apt-get update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends graphviz
  command -v dot >/dev/null || { echo "graphviz: 'dot' is still not on PATH" >&2; return 1; }
  echo "graphviz: $(dot -V 2>&1)"
}

ci_stop_graphviz() {
  return 0
}
