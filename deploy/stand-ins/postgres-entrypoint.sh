#!/bin/sh
# The part of the official postgres image's entrypoint that compose.yaml relies on: initialise PGDATA on the first
# start with POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB, listen on every address, require passwords.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}"
  user="${POSTGRES_USER:-postgres}"
  pwfile="$(mktemp)"
  printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  initdb --username="$user" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 -D "$PGDATA" > /dev/null
  rm -f "$pwfile"
  printf "listen_addresses = '*'\n" >> "$PGDATA/postgresql.conf"
  printf 'host all all all scram-sha-256\n' >> "$PGDATA/pg_hba.conf"
  db="${POSTGRES_DB:-$user}"
  if [ "$db" != "postgres" ]; then
    pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start > /dev/null
    psql -v ON_ERROR_STOP=1 --username "$user" --dbname postgres -c "CREATE DATABASE \"$db\"" > /dev/null
    pg_ctl -D "$PGDATA" -m fast -w stop > /dev/null
  fi
fi
if [ "${1:-}" = "postgres" ]; then shift; exec postgres "$@"; fi
exec "$@"
