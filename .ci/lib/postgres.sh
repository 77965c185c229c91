# shellcheck shell=bash
# PostgreSQL for the @Tag("postgres") tests: sourced by .ci/run, also usable by hand:
#   source .ci/lib/postgres.sh && ci_start_postgres   ...   ci_stop_postgres
# Starts a throw-away cluster (data directory in a temp folder) on 127.0.0.1:5432 with user
# postgres / password postgres and a database testdb, and exports the PG* variables tests read.
# A server already answering on 5432 is reused and left running by ci_stop_postgres.

CI_PG_DIR=""

_ci_pg_bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$d" ] && [ -x "$d/pg_ctl" ] && echo "$d"
}

# initdb and postgres refuse to run as root; CI runs as root, developers usually do not.
_ci_pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ci_start_postgres() {
  export PGHOST=localhost PGPORT=5432 PGDATABASE=testdb PGUSER=postgres PGPASSWORD=postgres
  local bindir
  bindir=$(_ci_pg_bindir || true)
  if [ -z "$bindir" ]; then
    echo "postgres: installing from Debian packages"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
    bindir=$(_ci_pg_bindir)
    # The package may start its own cluster on 5432; ours replaces it.
    if command -v pg_lsclusters >/dev/null; then
      pg_lsclusters --no-header 2>/dev/null | while read -r ver name _rest; do
        pg_ctlcluster "$ver" "$name" stop 2>/dev/null || true
      done
    fi
  fi
  if "$bindir/pg_isready" -q -h 127.0.0.1 -p 5432; then
    echo "postgres: a server already listens on 127.0.0.1:5432; reusing it"
    psql -h 127.0.0.1 -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'testdb'" | grep -q 1 \
      || psql -h 127.0.0.1 -d postgres -c "CREATE DATABASE testdb"
    return 0
  fi
  CI_PG_DIR=$(mktemp -d /tmp/ci-postgres.XXXXXX)
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$CI_PG_DIR" postgres
    chown postgres "$CI_PG_DIR"
  fi
  local pwfile="$CI_PG_DIR/pw"
  echo postgres > "$pwfile"
  [ "$(id -u)" = 0 ] && chown postgres "$pwfile"
  _ci_pg_as_owner "$bindir/initdb" -D "$CI_PG_DIR/data" -U postgres --pwfile="$pwfile" \
    --auth=scram-sha-256 -E UTF8 --no-locale >"$CI_PG_DIR/initdb.log"
  _ci_pg_as_owner "$bindir/pg_ctl" -D "$CI_PG_DIR/data" -l "$CI_PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p 5432 -k $CI_PG_DIR -c max_connections=200" start
  psql -h 127.0.0.1 -d postgres -c "CREATE DATABASE testdb"
  echo "postgres: started in $CI_PG_DIR"
}

ci_stop_postgres() {
  [ -n "$CI_PG_DIR" ] || return 0
  local bindir
  bindir=$(_ci_pg_bindir)
  _ci_pg_as_owner "$bindir/pg_ctl" -D "$CI_PG_DIR/data" -m fast -w stop || true
  rm -rf "$CI_PG_DIR"
  CI_PG_DIR=""
}
