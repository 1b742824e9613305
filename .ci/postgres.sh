#!/usr/bin/env bash
# Starts a PostgreSQL server for the register's tests and exports QIP_TEST_POSTGRES_URL.
# Sourced by .ci/run on CI (as root, on a clean Debian machine); also usable by hand:
#   sudo bash -c 'source .ci/postgres.sh && echo "$QIP_TEST_POSTGRES_URL"'
# Idempotent: a second run reuses the cluster, and the server when it is still running.
# The server is private to the tests: its own data directory, loopback only, its own port.

QIP_PG_PORT="${QIP_PG_PORT:-55432}"
QIP_PG_DATA="${QIP_PG_DATA:-/var/lib/postgresql/qip-ci}"
QIP_PG_PASSWORD="qip-ci-only"   # a throwaway password for a loopback-only test server

qip_pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

if [[ -z "$(qip_pg_bin)" ]]; then
  echo ".ci/postgres.sh: installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q postgresql
fi
QIP_PG_BIN="$(qip_pg_bin)"
if [[ -z "$QIP_PG_BIN" ]]; then
  echo ".ci/postgres.sh: PostgreSQL did not install" >&2
  exit 1
fi

qip_as_postgres() {
  runuser -u postgres -- "$@"
}

if [[ ! -s "$QIP_PG_DATA/PG_VERSION" ]]; then
  mkdir -p "$QIP_PG_DATA"
  chown postgres:postgres "$QIP_PG_DATA"
  chmod 700 "$QIP_PG_DATA"
  qip_as_postgres "$QIP_PG_BIN/initdb" -D "$QIP_PG_DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
fi

if ! qip_as_postgres "$QIP_PG_BIN/pg_ctl" -D "$QIP_PG_DATA" status >/dev/null 2>&1; then
  qip_as_postgres "$QIP_PG_BIN/pg_ctl" -D "$QIP_PG_DATA" -w -t 60 -l "$QIP_PG_DATA/server.log" \
    -o "-c listen_addresses=127.0.0.1 -p $QIP_PG_PORT -c unix_socket_directories=$QIP_PG_DATA -c max_connections=50" start
fi

qip_psql() {
  qip_as_postgres "$QIP_PG_BIN/psql" -h "$QIP_PG_DATA" -p "$QIP_PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"
}
if [[ "$(qip_psql -c "SELECT 1 FROM pg_roles WHERE rolname = 'qip'")" != "1" ]]; then
  qip_psql -c "CREATE ROLE qip LOGIN PASSWORD '$QIP_PG_PASSWORD'"
fi
if [[ "$(qip_psql -c "SELECT 1 FROM pg_database WHERE datname = 'qip_test'")" != "1" ]]; then
  qip_psql -c "CREATE DATABASE qip_test OWNER qip"
fi

export QIP_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$QIP_PG_PORT/qip_test?user=qip&password=$QIP_PG_PASSWORD"
echo ".ci/postgres.sh: PostgreSQL $(qip_psql -c 'SHOW server_version') on 127.0.0.1:$QIP_PG_PORT, database qip_test"
