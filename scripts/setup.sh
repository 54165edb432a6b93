#!/usr/bin/env bash
# Installs everything ParetoKit needs on a fresh machine that has Node.js 20 and npm:
# pnpm at the version pinned in package.json, XGBoost and LightGBM (PyPI) for the surrogate pool,
# then the workspace from the lockfile. With --tests, also the system programs some tests drive for real.
set -euo pipefail
cd "$(dirname "$0")/.."

want="$(node -p "require('./package.json').packageManager.split('@')[1]")"
have="$(pnpm --version 2>/dev/null || true)"
if [ "$have" != "$want" ]; then
  echo "setup: installing pnpm $want (found: ${have:-none})"
  npm install --global --no-audit --no-fund "pnpm@$want"
fi

# --- Python libraries: XGBoost and LightGBM for the surrogate bridge, Optuna for the optuna-tpe ----
# baseline of studies. Current releases from PyPI for python3 (both run `python3 -c ...`). Debian's
# own python3 refuses user pip installs (PEP 668), hence the --break-system-packages retry.
if ! python3 -c "import lightgbm, xgboost, optuna, numpy" >/dev/null 2>&1; then
  echo "setup: installing lightgbm, xgboost and optuna from PyPI"
  export PIP_ROOT_USER_ACTION=ignore PIP_DISABLE_PIP_VERSION_CHECK=1
  python3 -m pip install --quiet lightgbm xgboost optuna numpy 2>/dev/null ||
    python3 -m pip install --quiet --break-system-packages lightgbm xgboost optuna numpy
fi
# --- end Python libraries ---------------------------------------------------------------------------

# --- system programs some tests drive for real (only with --tests) ---------------------------------
# Debian's chromium (the browser tests of report and release-checks), redis-server (the queue's fault tests) and
# python3-torch/torchvision for /usr/bin/python3 (the medmnist-train example's test).
missing=()
if [ "${1:-}" = "--tests" ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  /usr/bin/python3 -c "import torch, torchvision" >/dev/null 2>&1 || missing+=(python3-torch python3-torchvision)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# --- end system programs ---------------------------------------------------------------------------

# onnxruntime-node's install script only fetches CUDA files; its CPU binaries ship in the package.
export ONNXRUNTIME_NODE_INSTALL=skip
export TURBO_TELEMETRY_DISABLED=1
pnpm install --frozen-lockfile
