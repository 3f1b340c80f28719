#!/usr/bin/env bash
# Starts a PostgreSQL server for the tests and prints its connection string (the only line on stdout):
#   Host=127.0.0.1;Port=5432;Username=arbiter;Password=...;Database=arbiter_test
# Idempotent: a second run finds the server running and only re-checks the role and the database.
# - installs PostgreSQL with apt-get when no server binaries are found (CI machines start fresh; needs root);
# - keeps its own data directory ($ARBITER_PG_DATA, default /var/lib/postgresql/arbiter-test), owned by `postgres`,
#   independent of any cluster the Debian package may or may not have created or started;
# - listens on 127.0.0.1 only, on port 5432 or the next free one, with its Unix socket inside the data directory;
# - durability is off (fsync, synchronous_commit): this server holds throwaway test data only.
# Progress goes to stderr. Exit status is non-zero when the server cannot be started.
set -euo pipefail

DATA=${ARBITER_PG_DATA:-/var/lib/postgresql/arbiter-test}
ROLE=${ARBITER_PG_USER:-arbiter}
PASSWORD=${ARBITER_PG_PASSWORD:-arbiter-test-password}
DATABASE=${ARBITER_PG_DATABASE:-arbiter_test}

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

if ! BIN=$(find_bin); then
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL server binaries are missing and installing them needs root"
    exit 1
  fi
  log "installing PostgreSQL (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BIN=$(find_bin) || { log "PostgreSQL server binaries still missing after apt-get install"; exit 1; }
fi
VERSION=$("$BIN/postgres" --version | sed -n 's/.* \([0-9][0-9]*\)\..*/\1/p')

# Run a command as the server's owner: `postgres` when we are root, else ourselves.
if [ "$(id -u)" -eq 0 ]; then
  getent passwd postgres >/dev/null || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  as_owner() { runuser -u postgres -- "$@"; }
else
  as_owner() { "$@"; }
fi

if [ -f "$DATA/PG_VERSION" ] && [ "$(cat "$DATA/PG_VERSION")" != "$VERSION" ]; then
  log "data directory $DATA is from PostgreSQL $(cat "$DATA/PG_VERSION"), not $VERSION: starting afresh"
  as_owner "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$DATA"
fi

if [ ! -f "$DATA/PG_VERSION" ]; then
  log "creating data directory $DATA (PostgreSQL $VERSION)"
  mkdir -p "$DATA"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$DATA"; fi
  chmod 700 "$DATA"
  as_owner "$BIN/initdb" -D "$DATA" -U postgres --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  echo "include_if_exists = 'arbiter.conf'" >>"$DATA/postgresql.conf"
fi

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  PORT=$(sed -n "s/^port = \([0-9]*\)$/\1/p" "$DATA/arbiter.conf")
  log "server already running on 127.0.0.1:$PORT"
else
  PORT=${ARBITER_PG_PORT:-5432}
  while port_in_use "$PORT"; do
    log "port $PORT is busy"
    PORT=$((PORT + 1))
  done
  as_owner tee "$DATA/arbiter.conf" >/dev/null <<EOF
# written by .ci/postgres.sh
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$DATA'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  log "starting the server on 127.0.0.1:$PORT"
  if ! as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 start >/dev/null; then
    log "the server did not start; the end of its log:"
    tail -n 20 "$DATA/server.log" >&2 || true
    exit 1
  fi
fi

PSQL="$BIN/psql"
[ -x "$PSQL" ] || PSQL=$(command -v psql)
admin() { as_owner "$PSQL" -X -q -At -v ON_ERROR_STOP=1 -h "$DATA" -p "$PORT" -U postgres -d postgres "$@"; }

admin -v role="$ROLE" -v password="$PASSWORD" >/dev/null <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB', :'role')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN CREATEDB PASSWORD %L', :'role', :'password') \gexec
SQL
admin -v role="$ROLE" -v db="$DATABASE" >/dev/null <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL

# The tests connect over TCP with the password: check exactly that.
if ! PGPASSWORD="$PASSWORD" "$PSQL" -X -At -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$DATABASE" -c 'SELECT 1' >/dev/null; then
  log "cannot connect to 127.0.0.1:$PORT as $ROLE"
  exit 1
fi
log "ready: database $DATABASE on 127.0.0.1:$PORT"
echo "Host=127.0.0.1;Port=$PORT;Username=$ROLE;Password=$PASSWORD;Database=$DATABASE"
