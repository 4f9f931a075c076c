#!/usr/bin/env bash
# Installs everything and runs the whole test suite: type-check, API reports, unit and
# database tests of every package (SQLite and a real PostgreSQL started here), the
# browser tests against the running app in Debian's Chromium, the fault suite, and the
# install proof (docs/install.md applied to a new app made by @backstage/create-app). Servers it starts are stopped
# by PID when it ends.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
source "$ROOT/scripts/system-packages.sh"
source "$ROOT/scripts/postgres.sh"

export CI="${CI:-true}"
RESULTS="$ROOT/test-results"
# The app the browser tests use; other ports let the suite run beside a running app.
APP_PORT="${CITY_HALL_YEAR_APP_PORT:-3000}"
BACKEND_PORT="${CITY_HALL_YEAR_BACKEND_PORT:-7007}"
APP_URL="http://localhost:$APP_PORT"
BACKEND_URL="http://localhost:$BACKEND_PORT"
APP_PID=""

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM -- "-$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$APP_PID" 2>/dev/null || true
  fi
}

cleanup() {
  stop_app
  stop_test_postgres
}
trap cleanup EXIT

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

wait_for_url() {
  local url="$1" seconds="$2"
  for _ in $(seq 1 "$seconds"); do
    if node -e "fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" "$url"; then
      return 0
    fi
    if [ -n "$APP_PID" ] && ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "The app exited while starting; see $RESULTS/app.log" >&2
      return 1
    fi
    sleep 1
  done
  echo "Timed out waiting for $url; see $RESULTS/app.log" >&2
  return 1
}

SECONDS=0
ensure_system_packages chromium fonts-liberation fonts-noto-cjk postgresql poppler-utils redis-server

echo "==> Installing dependencies"
yarn install --immutable
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

echo "==> Type-check and lint"
node scripts/check-versions.mjs
# Type-check from a clean declaration build (an incremental one can print inferred
# types' members in another order), then compare the packages' public API with the
# checked-in reports (report*.api.md); a change needs `yarn build:api-reports` and a
# changeset.
yarn build:api-reports:check
yarn lint:all

echo "==> Unit and database tests (SQLite and PostgreSQL)"
start_test_postgres
yarn test --json --outputFile="$RESULTS/jest.json"
stop_test_postgres

echo "==> Browser tests (Playwright in Chromium)"
for port in "$APP_PORT" "$BACKEND_PORT"; do
  port_free "$port" || {
    echo "Port $port is in use: stop the running app first, or set CITY_HALL_YEAR_APP_PORT and CITY_HALL_YEAR_BACKEND_PORT" >&2
    exit 1
  }
done
rm -rf "$ROOT/.data/e2e-sqlite"
mkdir -p "$ROOT/.data/e2e-sqlite"
APP_CONFIG_backend_database_connection_directory="$ROOT/.data/e2e-sqlite" \
  APP_CONFIG_app_baseUrl="$APP_URL" \
  APP_CONFIG_backend_baseUrl="$BACKEND_URL" \
  APP_CONFIG_backend_listen_port="$BACKEND_PORT" \
  APP_CONFIG_backend_cors_origin="$APP_URL" \
  setsid yarn start >"$RESULTS/app.log" 2>&1 &
APP_PID=$!
wait_for_url "$BACKEND_URL/api/city-hall-year/health" 300
wait_for_url "$APP_URL" 300
PLAYWRIGHT_URL="$APP_URL" BACKEND_URL="$BACKEND_URL" \
  PLAYWRIGHT_JSON_OUTPUT_NAME="$RESULTS/e2e.json" yarn playwright test --reporter=list,json
stop_app

echo "==> Fault suite (built backend: SIGKILL durability, two replicas, mixed load, Redis as the shared cache)"
start_test_postgres
FAULT_RESULT_FILE="$RESULTS/fault.json" node "$ROOT/scripts/fault-suite.mjs"
stop_test_postgres

echo "==> Install proof (docs/install.md on a new app made by @backstage/create-app)"
bash "$ROOT/scripts/verify-install.sh"

node "$ROOT/scripts/summarize-tests.js" "$RESULTS/jest.json" "$RESULTS/e2e.json" "$RESULTS/fault.json"
echo "==> Whole suite took ${SECONDS}s"
