#!/usr/bin/env bash
# One-time, idempotent install of what the end-to-end tests need: Debian's chromium and ripgrep,
# the headers for code-server's native modules, and code-server itself in a cache folder outside
# the repo. Works offline except for the npm registry and Debian's packages (see issue 8): every
# step that would download a prebuilt binary from elsewhere is replaced by a local equivalent.
#
# Prints the code-server executable path on its last line of stdout; everything else goes to stderr.
# Environment:
#   INFRACOACH_E2E_CACHE   cache root (default: ${XDG_CACHE_HOME:-$HOME/.cache}/infracoach-e2e)
#   INFRACOACH_E2E_REINSTALL=1  throw the cached code-server away and install it again
set -euo pipefail

readonly CODE_SERVER_VERSION=4.100.3
# code-server 4.100.3 is the last release that runs on Node 20.
readonly REQUIRED_NODE_MAJOR=20
# The ripgrep release tag that @vscode/ripgrep 1.15.x downloads.
readonly RIPGREP_ASSET_VERSION=v13.0.0-10
readonly CACHE_ROOT="${INFRACOACH_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/infracoach-e2e}"
readonly INSTALL_DIR="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"
readonly CODE_SERVER_BIN="$INSTALL_DIR/node_modules/code-server/out/node/entry.js"
readonly READY_MARKER="$INSTALL_DIR/.infracoach-ready"
# npm and node-gyp print thousands of lines: they go here, and the tail is shown when a step fails.
readonly INSTALL_LOG="$CACHE_ROOT/install.log"

log() { printf '[e2e-setup] %s\n' "$*" >&2; }
fail() { printf '[e2e-setup] ERROR: %s\n' "$*" >&2; exit 1; }

# Runs a noisy command with its output in INSTALL_LOG; on failure shows the log's tail and stops.
quietly() {
  printf '\n$ %s\n' "$*" >> "$INSTALL_LOG"
  if ! "$@" >> "$INSTALL_LOG" 2>&1; then
    tail -n 60 "$INSTALL_LOG" >&2
    fail "failed: $* (full log: $INSTALL_LOG)"
  fi
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else fail "need root (or sudo) to run: $*"
  fi
}

install_debian_packages() {
  # chromium drives the workbench; ripgrep replaces @vscode/ripgrep's GitHub download;
  # libkrb5-dev gives kerberos its gssapi headers; build tools and python3 are for node-gyp;
  # a Japanese font keeps the step-6 screenshot readable.
  local wanted=(chromium ripgrep libkrb5-dev build-essential python3 pkg-config fonts-ipafont-gothic)
  local missing=() package
  for package in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    log "Debian packages present"
    return
  fi
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

check_node() {
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" = "$REQUIRED_NODE_MAJOR" ] \
    || fail "code-server $CODE_SERVER_VERSION needs Node $REQUIRED_NODE_MAJOR, found $(node --version)"
}

ripgrep_target() {
  case "$(uname -m)" in
    x86_64) echo x86_64-unknown-linux-musl ;;
    aarch64) echo aarch64-unknown-linux-musl ;;
    *) fail "no ripgrep target known for $(uname -m)" ;;
  esac
}

# @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already holds the
# release tarball: put Debian's rg there under the exact asset name it looks for.
preseed_ripgrep_cache() {
  local shrinkwrap="$INSTALL_DIR/node_modules/code-server/lib/vscode/npm-shrinkwrap.json"
  local ripgrep_package_version asset_version asset_dir staging
  ripgrep_package_version="$(node -p "require('$shrinkwrap').packages['node_modules/@vscode/ripgrep'].version")"
  asset_version="$RIPGREP_ASSET_VERSION"
  asset_dir="$TMPDIR/vscode-ripgrep-cache-$ripgrep_package_version"
  staging="$(mktemp -d)"
  mkdir -p "$asset_dir"
  cp "$(command -v rg)" "$staging/rg"
  tar -czf "$asset_dir/ripgrep-$asset_version-$(ripgrep_target).tar.gz" -C "$staging" rg
  rm -rf "$staging"
  log "pre-seeded $asset_dir with Debian's rg (@vscode/ripgrep $ripgrep_package_version)"
}

install_code_server() {
  mkdir -p "$INSTALL_DIR"
  cd "$INSTALL_DIR"
  [ -f package.json ] || echo '{ "private": true, "description": "infracoach e2e: code-server cache" }' > package.json
  log "npm install code-server@$CODE_SERVER_VERSION (scripts run by hand below)"
  # Its postinstall refuses to run as root under npm without unsafe-perm, which npm 11 no longer
  # passes: install without scripts and run postinstall.sh ourselves with the variables it reads.
  quietly npm install "code-server@$CODE_SERVER_VERSION" --ignore-scripts --no-audit --no-fund --loglevel=error

  preseed_ripgrep_cache

  local user_agent
  user_agent="npm/$(npm --version) node/$(node --version) linux $(node -p process.arch)"
  local npm_env=(npm_config_yes=true npm_config_unsafe_perm=true "npm_config_user_agent=$user_agent"
    npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false)
  # node-gyp would fetch Node's headers from the internet; Debian's nodejs ships them in /usr.
  if [ -f /usr/include/node/node_version.h ] && [ -z "${npm_config_nodedir:-}" ]; then
    npm_env+=(npm_config_nodedir=/usr)
  fi

  # argon2 (password hashing, loaded at start even with --auth none) would download a prebuilt
  # binary from GitHub first: build it from its bundled sources instead.
  log "building argon2 from source"
  quietly env "${npm_env[@]}" npm rebuild argon2 --build-from-source --foreground-scripts

  log "running code-server's postinstall.sh (installs lib/vscode and its extensions' dependencies)"
  (cd node_modules/code-server && quietly env "${npm_env[@]}" sh ./postinstall.sh)

  # npm 11 skips dependency install scripts that package.json's allowScripts does not approve,
  # so the native modules (node-pty, spdlog, kerberos, native-watchdog) and ripgrep's binary
  # are built here explicitly.
  log "npm rebuild in lib/vscode (native modules: node-gyp, a minute or two)"
  (cd node_modules/code-server/lib/vscode && quietly env "${npm_env[@]}" npm rebuild --foreground-scripts)
}

verify_code_server() {
  local vscode="$INSTALL_DIR/node_modules/code-server/lib/vscode"
  local missing=() module
  for module in node-pty/build/Release/pty.node @vscode/spdlog/build/Release/spdlog.node \
      kerberos/build/Release/kerberos.node native-watchdog/build/Release/watchdog.node \
      @vscode/ripgrep/bin/rg; do
    [ -e "$vscode/node_modules/$module" ] || missing+=("$module")
  done
  [ "${#missing[@]}" -eq 0 ] || fail "code-server install is incomplete, missing: ${missing[*]}"
  # Its own config file would land in ~/.config otherwise.
  XDG_CONFIG_HOME="$TMPDIR" node "$CODE_SERVER_BIN" --version >&2 || fail "code-server does not start: node $CODE_SERVER_BIN --version"
}

main() {
  install_debian_packages
  command -v chromium >/dev/null || fail "chromium is not on PATH after installing it"
  check_node
  export TMPDIR="$CACHE_ROOT/tmp"
  mkdir -p "$TMPDIR"

  if [ "${INFRACOACH_E2E_REINSTALL:-}" = 1 ]; then
    log "INFRACOACH_E2E_REINSTALL=1: removing $INSTALL_DIR"
    rm -rf "$INSTALL_DIR"
  fi
  if [ -f "$READY_MARKER" ]; then
    log "code-server $CODE_SERVER_VERSION already installed in $INSTALL_DIR"
  else
    # A previous run that stopped half way leaves a tree that cannot be trusted: start over.
    rm -rf "$INSTALL_DIR"
    : > "$INSTALL_LOG"
    install_code_server
    verify_code_server
    date -u +%FT%TZ > "$READY_MARKER"
    log "code-server $CODE_SERVER_VERSION installed in $INSTALL_DIR"
  fi
  echo "$CODE_SERVER_BIN"
}

main "$@"
