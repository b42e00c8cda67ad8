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
cargo build --release --quiet
store="$(mktemp -d)/isnad.db"
echo "== ingesting examples/ into $store ==" >&2
./target/release/isnad ingest examples/ --db "$store"
echo "== the ledger: per event and facet, every value, who claims it, and how they relate ==" >&2
./target/release/isnad ledger --db "$store"
echo "== a search: سجين finds every inflected form ==" >&2
./target/release/isnad search سجين --db "$store" -n 3
echo "(the store stays at $store: try 'isnad ledger --db $store --format csv')" >&2
