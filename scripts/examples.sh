#!/usr/bin/env bash
# Sets up what isnad needs on a fresh machine and runs it on examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v cargo >/dev/null 2>&1; then
  echo "isnad needs Rust (cargo). Installing it with rustup..." >&2
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi
cargo build --release --quiet
echo "== what isnad reads in each example (metadata, page furniture) ==" >&2
./target/release/isnad read examples/
echo "== the numbers it finds, with their spans in the original files ==" >&2
./target/release/isnad numbers examples/
echo "== the attributed claims: facet, value, chain of attribution, evidence ==" >&2
./target/release/isnad extract --format table examples/
