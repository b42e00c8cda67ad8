#!/usr/bin/env bash
# Sets up what isnad needs on a fresh machine, ingests examples/ into a fresh
# store and prints the ledger.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v cargo >/dev/null 2>&1; then
  echo "isnad needs Rust (cargo). Installing it with rustup..." >&2
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi
if [ ! -x target/release/isnad ]; then
  echo "== building isnad (release). The first build compiles ~290 crates: about 14 minutes" >&2
  echo "   on 2 cores, a few on 8, and target/ grows to about 5 GB. Later builds take seconds. ==" >&2
fi
# Cargo's own progress bar shows where the build is.
cargo build --release
bin="$PWD/target/release/isnad"
store="$(mktemp -d)/isnad.db"
echo "== ingesting examples/ into $store ==" >&2
./target/release/isnad ingest examples/ --db "$store"
echo "== the ledger: per event and facet, every value, who claims it, and how they relate ==" >&2
./target/release/isnad ledger --db "$store"
echo "== a search: سجين finds every inflected form ==" >&2
./target/release/isnad search سجين --db "$store" -n 3
# Commands that work as printed, from any folder: the binary by its full
# path (isnad is not on PATH until `cargo install --path .`).
{
  echo
  echo "The store stays at $store. Try, from any folder:"
  printf '  %q ledger --db %q --format csv\n' "$bin" "$store"
  printf '  %q search SDF --db %q\n' "$bin" "$store"
  printf '  %q serve --db %q    # then open http://127.0.0.1:8080/\n' "$bin" "$store"
  echo "To type plain 'isnad' as the README does, install it into ~/.cargo/bin (on PATH with rustup):"
  printf '  cargo install --path %q\n' "$PWD"
} >&2
