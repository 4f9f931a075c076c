#!/usr/bin/env bash
# The install proof: docs/install.md, run on a new Backstage app.
#
#   bash scripts/verify-install.sh
#
# 1. packs the three City Hall Year packages (yarn tsc, build, yarn pack);
# 2. makes a new app with @backstage/create-app (pinned below) in .data/install-proof/app;
# 3. points the package names at the packed files (they are not on the npm registry yet);
# 4. applies the guide's steps, read from docs/install.md in its order
#    (scripts/install-proof/apply-guide.mjs): the move to Backstage 1.57, `yarn add`, the
#    code and config edits, `yarn install`, `yarn tsc`, `yarn build:backend`;
# 5. starts the built backend on SQLite (in memory) on port 7100, serving the built app;
# 6. checks the API and, in Chromium, the year page (scripts/install-proof/check.mjs),
#    saving docs/screenshots/install-proof-year-page.png;
# 7. checks that nothing came from this repository's node_modules instead of the app's.
#
# Prints the time of each phase; exits non-zero, saying where, on the first failure.
# Environment: INSTALL_PROOF_PORT (default 7100).
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

CREATE_APP_VERSION=0.9.2
GUIDE="$ROOT/docs/install.md"
PROOF="$ROOT/scripts/install-proof"
SCRATCH="$ROOT/.data/install-proof"
PKGS="$SCRATCH/packages"
APP="$SCRATCH/app"
LOGS="$SCRATCH/logs"
PORT="${INSTALL_PROOF_PORT:-7100}"
BASE="http://localhost:$PORT"
SCREENSHOT="$ROOT/docs/screenshots/install-proof-year-page.png"
PLUGINS=(city-hall-year-common city-hall-year-backend city-hall-year)

# --- phases, timings, failure ----------------------------------------------------------
PHASE=""
PHASE_START=0
PROOF_START=$(date +%s)
TIMINGS=()
BACKEND_PID=""

end_phase() {
  if [ -n "$PHASE" ]; then
    TIMINGS+=("$(printf '%-46s %4d s' "$PHASE" $(($(date +%s) - PHASE_START)))")
  fi
  PHASE=""
}
phase() {
  end_phase
  PHASE="$1"
  PHASE_START=$(date +%s)
  echo
  echo "==> $PHASE"
}
fail() {
  echo >&2
  echo "INSTALL PROOF FAILED in phase '${PHASE:-setup}': $*" >&2
  exit 1
}
log_tail() {
  echo "--- last lines of $1:" >&2
  tail -n "${2:-30}" "$1" >&2 || true
}

stop_backend() {
  if [ -n "$BACKEND_PID" ] && kill -0 "$BACKEND_PID" 2>/dev/null; then
    kill -TERM -- "-$BACKEND_PID" 2>/dev/null || true
    for _ in $(seq 1 20); do
      kill -0 "$BACKEND_PID" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL -- "-$BACKEND_PID" 2>/dev/null || true
  fi
  BACKEND_PID=""
}

on_exit() {
  local rc=$?
  stop_backend
  # A failed `yarn pack` can leave a plugin's package.json rewritten by prepack.
  for d in "${PLUGINS[@]}"; do
    if [ -f "$ROOT/plugins/$d/package.json-prepack" ]; then
      mv "$ROOT/plugins/$d/package.json-prepack" "$ROOT/plugins/$d/package.json"
    fi
  done
  if [ "$rc" -ne 0 ] && [ -n "$PHASE" ]; then
    echo "INSTALL PROOF FAILED in phase '$PHASE' (exit $rc); logs in $LOGS" >&2
  fi
  end_phase
  echo
  echo "==> Timings"
  printf '  %s\n' "${TIMINGS[@]}"
  printf '  %-46s %4d s\n' "total" $(($(date +%s) - PROOF_START))
  if [ "$rc" -eq 0 ]; then
    echo "INSTALL PROOF PASSED: docs/install.md works on a new create-app $CREATE_APP_VERSION app at Backstage $(cat "$APP/backstage.json" | node -pe 'JSON.parse(require("fs").readFileSync(0)).version')"
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT TERM

# --- 0. scratch ------------------------------------------------------------------------
phase "scratch folder"
if curl -s -o /dev/null "$BASE" 2>/dev/null; then
  fail "port $PORT is in use; set INSTALL_PROOF_PORT to a free port"
fi
rm -rf "$SCRATCH"
mkdir -p "$PKGS" "$LOGS"
echo "$SCRATCH"

# --- 1. pack ---------------------------------------------------------------------------
phase "pack the three packages"
yarn tsc >"$LOGS/pack.log" 2>&1 || { log_tail "$LOGS/pack.log"; fail "yarn tsc failed in the repository"; }
for d in "${PLUGINS[@]}"; do
  name=$(node -p "require('./plugins/$d/package.json').name")
  echo "  $name"
  yarn workspace "$name" build >>"$LOGS/pack.log" 2>&1 ||
    { log_tail "$LOGS/pack.log"; fail "building $name failed"; }
  (cd "plugins/$d" && yarn pack -o "$PKGS/$d.tgz") >>"$LOGS/pack.log" 2>&1 ||
    { log_tail "$LOGS/pack.log"; fail "packing $name failed"; }
done
# What a city gets with the packages, besides dist/.
for d in "${PLUGINS[@]}"; do
  files=$(tar tzf "$PKGS/$d.tgz")
  want=(package.json CHANGELOG.md README.md dist/index.d.ts)
  [ "$d" != city-hall-year-backend ] ||
    want+=(migrations/ content/ examples/org.yaml config.schema.json)
  for w in "${want[@]}"; do
    grep -q "^package/$w" <<<"$files" || fail "$d.tgz has no $w"
  done
done
ls -l "$PKGS" | tail -n +2

# --- 2. a new app ----------------------------------------------------------------------
phase "create-app $CREATE_APP_VERSION"
(cd "$SCRATCH" && BACKSTAGE_APP_NAME=city-hall-proof \
  npx -y "@backstage/create-app@$CREATE_APP_VERSION" --path "$APP" --skip-install) \
  >"$LOGS/create-app.log" 2>&1 || { log_tail "$LOGS/create-app.log"; fail "create-app failed"; }
echo "  $APP: Backstage $(node -p "require('$APP/backstage.json').version")"

# The packages are not on the npm registry yet: their names resolve to the packed files.
# The resolutions would hide a version the guide does not name: the ranges of its
# `yarn add` steps must take the packed versions.
node -e '
  const fs = require("fs");
  const semver = require("semver");
  const [file, guide, dir, ...dirs] = process.argv.slice(1);
  const ranges = [...fs.readFileSync(guide, "utf8").matchAll(/add (@city-hall-year\/[\w-]+)@(\S+)/g)];
  const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
  pkg.resolutions = pkg.resolutions || {};
  for (const d of dirs) {
    const { name, version } = JSON.parse(
      require("child_process").execFileSync("tar", ["xzOf", `${dir}/${d}.tgz`, "package/package.json"]));
    for (const [, n, range] of ranges) {
      if (n === name && !semver.satisfies(version, range)) {
        console.error(`docs/install.md adds ${name}@${range}, but the package is ${version}: update the guide`);
        process.exit(1);
      }
    }
    pkg.resolutions[name] = `file:${dir}/${d}.tgz`;
    console.log(`  resolutions: ${name}@${version} -> file:${dir}/${d}.tgz`);
  }
  fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
' "$APP/package.json" "$GUIDE" "$PKGS" "${PLUGINS[@]}" || fail "the guide does not fit the packed versions"

# The app's commands must find their tools in the app, not in this repository.
APP_PATH=""
IFS=: read -r -a path_parts <<<"$PATH"
for part in "${path_parts[@]}"; do
  [ "$part" = "$ROOT/node_modules/.bin" ] || APP_PATH="${APP_PATH:+$APP_PATH:}$part"
done
export PATH="$APP_PATH"

phase "release manifest 1.57"
node "$PROOF/release-manifest.mjs" "$APP" "$SCRATCH/release-manifest.json" ||
  fail "could not write the release manifest"

# --- 3. the guide ----------------------------------------------------------------------
phase "the guide's steps (docs/install.md)"
node "$PROOF/apply-guide.mjs" "$GUIDE" "$APP" \
  --bump-manifest "$SCRATCH/release-manifest.json" \
  --bump-cli "$ROOT/node_modules/@backstage/cli/bin/backstage-cli" \
  --timings "$SCRATCH/guide-timings.json" --log "$LOGS/guide.log" ||
  fail "a step of docs/install.md failed (see above)"
end_phase
while IFS= read -r line; do TIMINGS+=("$line"); done < <(node -e '
  for (const t of require(process.argv[1]))
    if (t.seconds >= 1) console.log(`  ${("docs line " + t.line + ", " + t.what).slice(0, 44).padEnd(44)} ${t.seconds.toFixed(0).padStart(4)} s`);
' "$SCRATCH/guide-timings.json")

# --- 4. start --------------------------------------------------------------------------
phase "start the built backend"
tar xzf "$APP/packages/backend/dist/bundle.tar.gz" -C "$APP" \
  packages/backend/dist/index.cjs.js packages/backend/dist/index.cjs.js.map ||
  fail "the backend bundle has no packages/backend/dist/index.cjs.js"
[ -f "$APP/packages/app/dist/index.html" ] || fail "yarn build:backend did not build the app"
: >"$SCRATCH/leaks.log"
(
  cd "$APP/packages/backend"
  # NODE_ENV=development as with `yarn start`: create-app's guest sign-in is for development.
  export NODE_ENV=development APP_CONFIG_app_baseUrl="$BASE" APP_CONFIG_backend_baseUrl="$BASE" \
    APP_CONFIG_backend_listen_port="$PORT" APP_CONFIG_backend_cors_origin="$BASE" \
    NODE_OPTIONS="--require $PROOF/leak-guard.cjs" \
    INSTALL_PROOF_APP_DIR="$APP" INSTALL_PROOF_LEAK_LOG="$SCRATCH/leaks.log"
  exec setsid node dist/index.cjs.js --config ../../app-config.yaml
) >"$LOGS/backend.log" 2>&1 &
BACKEND_PID=$!
echo "  backend pid $BACKEND_PID, $BASE (log: $LOGS/backend.log)"
for i in $(seq 1 180); do
  if ! kill -0 "$BACKEND_PID" 2>/dev/null; then
    log_tail "$LOGS/backend.log" 40
    fail "the backend stopped"
  fi
  if curl -fsS "$BASE/api/city-hall-year/health" >/dev/null 2>&1; then break; fi
  [ "$i" -lt 180 ] || { log_tail "$LOGS/backend.log" 40; fail "the backend did not answer in 180 s"; }
  sleep 1
done
echo "  answering after $(($(date +%s) - PHASE_START)) s"

# --- 5. checks -------------------------------------------------------------------------
phase "check the API and the year page"
node "$PROOF/check.mjs" "$BASE" "$SCREENSHOT" "$SCRATCH/year-page-failed.png" ||
  { log_tail "$LOGS/backend.log" 20; fail "the running app failed a check (see above)"; }

phase "check nothing came from outside the app"
stop_backend
if grep -q '^code ' "$SCRATCH/leaks.log"; then
  grep '^code ' "$SCRATCH/leaks.log" | head -20 >&2
  fail "the backend loaded modules from outside the app (above)"
fi
echo "  backend: every module from the app's node_modules" \
  "($(grep -c '^schema ' "$SCRATCH/leaks.log" || true) config-schema look-ups of devDependencies ignored, see scripts/install-proof/leak-guard.cjs)"
(cd "$APP" && node node_modules/typescript/bin/tsc --listFilesOnly) >"$LOGS/tsc-files.log" 2>&1 ||
  { log_tail "$LOGS/tsc-files.log"; fail "tsc --listFilesOnly failed"; }
if grep -v "^$APP/" "$LOGS/tsc-files.log" | grep -q .; then
  grep -v "^$APP/" "$LOGS/tsc-files.log" | head -20 >&2
  fail "yarn tsc read files from outside the app (above)"
fi
echo "  yarn tsc: every file from the app"
node -e '
  const fs = require("fs");
  const dir = process.argv[1];
  const out = new Set();
  for (const f of fs.readdirSync(dir)) {
    if (!f.endsWith(".map")) continue;
    for (const s of JSON.parse(fs.readFileSync(`${dir}/${f}`, "utf8")).sources ?? []) {
      // Sources are relative to packages/app: three ../ or more leave the app.
      if (/^webpack:\/\/[^/]*\/(\.\.\/){3,}/.test(s)) out.add(s);
    }
  }
  if (out.size) { console.error([...out].slice(0, 20).join("\n")); process.exit(1); }
' "$APP/packages/app/dist/static" || fail "the built frontend bundles files from outside the app (above)"
echo "  frontend bundle: every source from the app"
end_phase
