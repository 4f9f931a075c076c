# shellcheck shell=bash
# Sourced by scripts/test.sh: starts a throwaway PostgreSQL server on loopback for the
# database tests and stops it (by PID) when the sourcing shell exits.

PG_PORT="${CITY_HALL_YEAR_PG_PORT:-55432}"
PG_DIR="$ROOT/.data/postgres-test-$PG_PORT"

pg_bin() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$bin" ] && echo "$bin"
}

start_test_postgres() {
  local bin version pid_file
  bin="$(pg_bin)" || { echo "PostgreSQL is not installed" >&2; return 1; }
  if (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; then
    echo "Port $PG_PORT is in use; set CITY_HALL_YEAR_PG_PORT to another port" >&2
    return 1
  fi
  version="$("$bin/postgres" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/')"
  rm -rf "$PG_DIR"
  mkdir -p "$PG_DIR"
  chown postgres "$PG_DIR" 2>/dev/null || true
  as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  as_postgres "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_postgres "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c max_connections=200 -c fsync=off" start >/dev/null
  pid_file="$PG_DIR/data/postmaster.pid"
  TEST_POSTGRES_PID="$(head -n 1 "$pid_file")"
  export "BACKSTAGE_TEST_DATABASE_POSTGRES${version}_CONNECTION_STRING=postgresql://postgres@127.0.0.1:${PG_PORT}/postgres"
  export CITY_HALL_YEAR_REQUIRE_POSTGRES=1
  echo "==> PostgreSQL ${version} for tests on 127.0.0.1:${PG_PORT} (pid ${TEST_POSTGRES_PID})"
}

stop_test_postgres() {
  if [ -n "${TEST_POSTGRES_PID:-}" ] && kill -0 "$TEST_POSTGRES_PID" 2>/dev/null; then
    kill -INT "$TEST_POSTGRES_PID"
    for _ in $(seq 1 50); do kill -0 "$TEST_POSTGRES_PID" 2>/dev/null || break; sleep 0.2; done
  fi
  TEST_POSTGRES_PID=""
}
