#!/usr/bin/env bash
# Installs everything ParetoKit needs on a fresh machine that has Node.js 20 and npm:
# pnpm at the version pinned in package.json, then the workspace from the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."

want="$(node -p "require('./package.json').packageManager.split('@')[1]")"
have="$(pnpm --version 2>/dev/null || true)"
if [ "$have" != "$want" ]; then
  echo "setup: installing pnpm $want (found: ${have:-none})"
  npm install --global --no-audit --no-fund "pnpm@$want"
fi

# onnxruntime-node's install script only fetches CUDA files; its CPU binaries ship in the package.
export ONNXRUNTIME_NODE_INSTALL=skip
export TURBO_TELEMETRY_DISABLED=1
pnpm install --frozen-lockfile
