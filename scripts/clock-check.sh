#!/usr/bin/env bash
# Runs the parts of the suite that read the clock with the clock set to the days of the
# fiscal year that break date arithmetic: the first day (1 April), a day in the middle
# (1 December), the last day (31 March) and a leap day (29 February 2028). Each day at
# 10:00 in Japan (01:00 UTC), so that the Japanese and the UTC date are the same, and
# once at 23:30 in Japan on 31 March, when UTC is still on the same day but Japan is
# about to begin the next fiscal year.
#
# What runs under the fake clock (libfaketime, from Debian): a PostgreSQL server, every
# Jest test of the plugin packages and the app, and the fault suite's replicas phase
# (two backends on one database, each reminder sent once).
#
#   bash scripts/clock-check.sh                      # all days
#   bash scripts/clock-check.sh "2028-02-29 01:00:00"  # one moment (UTC)
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
source "$ROOT/scripts/system-packages.sh"
# Its own PostgreSQL port, so that it can run beside the test command.
export CITY_HALL_YEAR_PG_PORT="${CITY_HALL_YEAR_PG_PORT:-55440}"
source "$ROOT/scripts/postgres.sh"

ensure_system_packages faketime postgresql
yarn install --immutable >/dev/null

MOMENTS=("$@")
if [ ${#MOMENTS[@]} -eq 0 ]; then
  MOMENTS=(
    "2027-04-01 01:00:00"
    "2026-12-01 01:00:00"
    "2027-03-31 01:00:00"
    "2027-03-31 14:30:00"
    "2028-02-29 01:00:00"
  )
fi

LIB="$(dpkg -L libfaketime | grep '/libfaketimeMT.so.1$' | head -n 1)"
RESULTS="$ROOT/test-results/clock"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
export CI=true
SECONDS=0

for moment in "${MOMENTS[@]}"; do
  name="${moment// /T}"
  # Every process of this moment, PostgreSQL included, runs with the same offset from
  # the real clock, so that they agree on the time (tokens, signing keys, the
  # database's now()). Node's timers run on the monotonic clock, which is left alone.
  offset=$(($(date -u -d "$moment" +%s) - $(date -u +%s)))
  (
    export TZ=UTC FAKETIME="$(printf '%+d' "$offset")" FAKETIME_DONT_FAKE_MONOTONIC=1 LD_PRELOAD="$LIB"
    trap stop_test_postgres EXIT
    echo "==> Clock at ${moment} UTC ($(node -e 'console.log(new Date().toLocaleString("ja-JP", { timeZone: "Asia/Tokyo" }))') in Japan)"
    start_test_postgres >/dev/null
    yarn test --json --outputFile="$RESULTS/jest-$name.json" >"$RESULTS/jest-$name.log" 2>&1 || {
      tail -n 60 "$RESULTS/jest-$name.log"
      echo "Jest failed with the clock at $moment" >&2
      exit 1
    }
    node -e '
      const r = require(process.argv[1]);
      console.log(`    Jest: ${r.numPassedTests} passed, ${r.numFailedTests} failed in ${r.numTotalTestSuites} files`);
    ' "$RESULTS/jest-$name.json"
    FAULT_ONLY=replicas FAULT_LOAD_SECONDS=5 FAULT_READERS=20 FAULT_PORT_BASE=7400 \
      FAULT_RESULT_FILE="$RESULTS/fault-$name.json" \
      node "$ROOT/scripts/fault-suite.mjs" >"$RESULTS/fault-$name.log" 2>&1 || {
      tail -n 40 "$RESULTS/fault-$name.log"
      echo "The replicas phase failed with the clock at $moment" >&2
      exit 1
    }
    grep -E 'reminder' "$RESULTS/fault-$name.log" | sed 's/^/    /'
  ) || exit 1
done
echo "==> Every moment passed in ${SECONDS}s"
