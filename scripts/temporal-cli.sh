#!/usr/bin/env bash
# Prints the path of a Temporal CLI binary on stdout; everything else goes to stderr.
#
# Looks, in order: $TEMPORAL_CLI_PATH, `temporal` on PATH, the cache outside the checkout
# ($RELEASE_GATE_CACHE, default ~/.cache/release-gate), and only then builds it there from the Go module
# proxy. The official download cannot be used on machines without internet access, which is why this
# exists. Idempotent: once the binary is cached a run costs one `stat`.
set -euo pipefail

versions=(v1.5.1 v1.4.1 v1.3.0) # fallbacks in the order the foundation issue names
cache_root="${RELEASE_GATE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/release-gate}"

say() { echo "temporal-cli: $*" >&2; }

if [[ -n "${TEMPORAL_CLI_PATH:-}" ]]; then
  if [[ -x "$TEMPORAL_CLI_PATH" ]]; then echo "$TEMPORAL_CLI_PATH"; exit 0; fi
  say "TEMPORAL_CLI_PATH=$TEMPORAL_CLI_PATH is not an executable file"; exit 1
fi

if on_path=$(command -v temporal 2>/dev/null); then echo "$on_path"; exit 0; fi

for v in "${versions[@]}"; do
  if [[ -x "$cache_root/temporal-$v/temporal" ]]; then echo "$cache_root/temporal-$v/temporal"; exit 0; fi
done

# Non-interactive shells (CI, make) often lack Go's bin directory on PATH even where Go is installed.
go_bin=$(command -v go 2>/dev/null || true)
for candidate in /usr/local/go/bin/go /usr/lib/go/bin/go "$HOME/go/bin/go" "$HOME/sdk/go/bin/go"; do
  [[ -z "$go_bin" && -x "$candidate" ]] && go_bin=$candidate
done
if [[ -z "$go_bin" ]]; then
  say "no Temporal CLI found and Go is not installed to build one."
  say "Install one of: the Temporal CLI (https://docs.temporal.io/cli, then put 'temporal' on PATH or set"
  say "TEMPORAL_CLI_PATH), or Go 1.25+ (then rerun: this script builds the CLI from the Go module proxy)."
  exit 1
fi

for v in "${versions[@]}"; do
  dest="$cache_root/temporal-$v"
  mkdir -p "$dest"
  say "building the Temporal CLI $v with $go_bin into $dest"
  say "this takes several minutes the first time (about 3 on 2 cores); later runs reuse the binary"
  started=$(date +%s)
  # CGO_ENABLED=0 as in the CLI's own releases (its SQLite driver is pure Go). GOTOOLCHAIN=auto lets the go
  # command fetch a newer toolchain from the module proxy if the module asks for one.
  if CGO_ENABLED=0 GOTOOLCHAIN="${GOTOOLCHAIN:-auto}" GOBIN="$dest.partial" \
      "$go_bin" install "github.com/temporalio/cli/cmd/temporal@$v" >&2; then
    mv "$dest.partial/temporal" "$dest/temporal" && rmdir "$dest.partial"
    say "built $dest/temporal in $(( $(date +%s) - started )) s"
    echo "$dest/temporal"
    exit 0
  fi
  rm -rf "$dest.partial"
  say "go install of $v failed; trying the next version"
done
say "could not build any of ${versions[*]}; see the errors above"
exit 1
