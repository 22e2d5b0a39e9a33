#!/usr/bin/env bash
# Installs what the end-to-end tests (npm run test:e2e) need, offline from everything but the
# npm registry and Debian's archive:
#   - code-server (the real VS Code workbench and extension host) into .cache/code-server,
#     with its npm postinstall done by hand (the postinstall downloads from GitHub);
#   - Debian's chromium (driven by playwright-core) and ripgrep (VS Code's search).
# Idempotent: a marker file records the installed version, so a second run takes seconds.
# Environment: POLICYLINT_E2E_CACHE overrides the cache folder.
set -euo pipefail

CODE_SERVER_VERSION=4.96.4
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${POLICYLINT_E2E_CACHE:-$ROOT/.cache/code-server}"
MARKER="$CACHE/.policylint-e2e-installed"
CS="$CACHE/node_modules/code-server"
VSCODE="$CS/lib/vscode"

say() { printf 'e2e-setup: %s\n' "$*"; }
fail() {
  printf 'e2e-setup: error: %s\n' "$*" >&2
  exit 1
}
# Runs a command, saying what it is; on failure names the step that failed.
step() {
  local what="$1"
  shift
  say "$what"
  "$@" || fail "$what failed (command: $*)"
}

# --- Debian packages --------------------------------------------------------------------------
# chromium and ripgrep always; a C++ toolchain and python3 (node-gyp builds code-server's native
# modules) only while code-server still has to be installed.
apt_packages() {
  local wanted=()
  [ -x /usr/bin/chromium ] || wanted+=(chromium)
  command -v rg >/dev/null 2>&1 || wanted+=(ripgrep)
  # Neovim (Debian's, 0.7 on bookworm): test/editors drives its built-in LSP client.
  command -v nvim >/dev/null 2>&1 || wanted+=(neovim)
  if ! code_server_installed; then
    { command -v make >/dev/null 2>&1 && command -v g++ >/dev/null 2>&1; } || wanted+=(build-essential)
    command -v python3 >/dev/null 2>&1 || wanted+=(python3)
  fi
  if [ "${#wanted[@]}" -eq 0 ]; then
    say "chromium ($(readlink -f /usr/bin/chromium)), ripgrep ($(command -v rg)) and neovim ($(command -v nvim)) are installed; apt-get not needed"
    return
  fi
  command -v apt-get >/dev/null 2>&1 || fail "missing ${wanted[*]} and apt-get is not available: install them by hand (chromium must be /usr/bin/chromium)"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "installing ${wanted[*]} needs root: run this script as root or install sudo"
    sudo=(sudo)
  fi
  # Update the package lists only when apt does not know the packages yet (a fresh machine).
  local known
  known="$(apt-cache policy "${wanted[@]}" 2>/dev/null | grep -c 'Candidate: [0-9]' || true)"
  if [ "$known" -lt "${#wanted[@]}" ]; then
    step "apt-get update (the package lists do not know ${wanted[*]} yet)" "${sudo[@]}" apt-get update
  fi
  step "apt-get install ${wanted[*]}" "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${wanted[@]}"
  [ -x /usr/bin/chromium ] || fail "apt-get ran but /usr/bin/chromium is not there"
  command -v rg >/dev/null 2>&1 || fail "apt-get ran but rg is not on the PATH"
}

# --- code-server ------------------------------------------------------------------------------
code_server_installed() {
  [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$CODE_SERVER_VERSION" ] && [ -f "$CS/out/node/entry.js" ] && [ -e "$VSCODE/node_modules.asar" ]
}

install_code_server() {
  command -v npm >/dev/null 2>&1 || fail "npm is not on the PATH"
  if [ -e "$CACHE" ]; then
    say "removing the incomplete or outdated install in $CACHE"
    rm -rf "$CACHE"
  fi
  mkdir -p "$CACHE"
  # A package.json of its own, so npm installs here and not into the project above.
  printf '{\n  "name": "policylint-e2e-code-server",\n  "private": true\n}\n' >"$CACHE/package.json"
  # Native modules build against the running node's own headers (Debian and NodeSource packages
  # and the nodejs.org tarballs ship them in <prefix>/include/node), so node-gyp downloads none.
  local prefix
  prefix="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
  if [ -z "${npm_config_nodedir:-}" ] && [ -f "$prefix/include/node/node.h" ]; then export npm_config_nodedir="$prefix"; fi
  for tool in make g++ python3; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing: the native modules of code-server need a C++ toolchain (apt-get install build-essential python3)"
  done
  local npm_quiet=(--no-audit --no-fund --loglevel=error)

  cd "$CACHE"
  step "npm install code-server@$CODE_SERVER_VERSION --ignore-scripts (into $CACHE)" npm install "code-server@$CODE_SERVER_VERSION" --ignore-scripts "${npm_quiet[@]}"
  step "npm rebuild argon2" npm rebuild argon2 "${npm_quiet[@]}"

  cd "$VSCODE"
  # The shrinkwrap pins @vscode/proxy-agent to a git URL; the registry has the package.
  rm -f npm-shrinkwrap.json
  step "npm install the VS Code server's dependencies (lib/vscode)" npm install --omit=dev --ignore-scripts "${npm_quiet[@]}"
  # kerberos is optional and needs krb5 headers: left out.
  step "npm rebuild the VS Code server's native modules" npm rebuild node-pty @vscode/spdlog @parcel/watcher native-watchdog @vscode/deviceid "${npm_quiet[@]}"
  ln -sfn node_modules node_modules.asar
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sfn "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  ln -sfn code-linux.sh bin/remote-cli/code-server
  ln -sfn browser-linux.sh bin/helpers/browser.sh
  cd "$VSCODE/extensions"
  step "npm install the built-in extensions' dependencies" npm install --omit=dev --ignore-scripts "${npm_quiet[@]}"

  step "checking that code-server runs" node "$CS/out/node/entry.js" --version
  printf '%s' "$CODE_SERVER_VERSION" >"$MARKER"
}

started=$SECONDS
apt_packages
if code_server_installed; then
  say "code-server $CODE_SERVER_VERSION is installed in $CACHE (marker $MARKER)"
else
  say "installing code-server $CODE_SERVER_VERSION into $CACHE (a few minutes)"
  install_code_server
  say "code-server $CODE_SERVER_VERSION installed"
fi
say "done in $((SECONDS - started)) s"
