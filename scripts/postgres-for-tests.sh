#!/usr/bin/env bash
# A PostgreSQL server for `npm run test:pg` on this machine: installs Debian's postgresql when it is
# missing, starts a cluster, and makes the role the tests use (recourse/recourse, allowed to create
# the databases each suite makes). Run as root (CI) or with sudo. Idempotent.
# For a cluster this script installs, durability is traded for speed (fsync off): test data only.
set -euo pipefail

if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
installed_now=no
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "Installing PostgreSQL for the integration tests…"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
  installed_now=yes
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{ print $1 }' | grep -qx "$version"; then
  $SUDO pg_createcluster "$version" main >/dev/null
  installed_now=yes
fi
cluster=$(pg_lsclusters -h | awk -v v="$version" '$1 == v { print $2; exit }')
port=$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $3 }')

# From / : the postgres user may not enter the folder this runs in (a private temporary clone).
as_postgres() {
  if [ -z "$SUDO" ]; then (cd / && su postgres -s /bin/sh -c "$(printf '%q ' "$@")"); else (cd / && sudo -u postgres "$@"); fi
}

if [ "$installed_now" = yes ]; then
  printf 'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n' \
    | $SUDO tee "/etc/postgresql/$version/$cluster/conf.d/recourse-tests.conf" >/dev/null
  # The package may have started the cluster already: restart it with the settings above.
  $SUDO pg_ctlcluster "$version" "$cluster" stop >/dev/null 2>&1 || true
fi
if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $4 }' | grep -qx online; then
  $SUDO pg_ctlcluster "$version" "$cluster" start
fi

as_postgres psql -p "$port" -qtAc "select 1 from pg_roles where rolname = 'recourse'" | grep -q 1 \
  || as_postgres psql -p "$port" -qc "create role recourse login createdb password 'recourse'"
echo "PostgreSQL $version ($cluster) on port $port: TEST_POSTGRES_URL=postgres://recourse:recourse@127.0.0.1:$port/postgres"
