#!/usr/bin/env bash
# Runs the whole test suite. Tests that need ../shared (the seeds, the
# corpora, the Recognizers-Text specs) say so and skip where it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v cargo-nextest >/dev/null 2>&1; then
  cargo nextest run --workspace --all-targets --no-fail-fast
  cargo test --workspace --doc
else
  cargo test --workspace --all-targets --no-fail-fast
  cargo test --workspace --doc
fi
