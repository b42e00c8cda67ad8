#!/usr/bin/env bash
# Runs the whole test suite. Tests that need ../shared (the seeds, the
# corpora, the Recognizers-Text specs) say so and skip where it is absent;
# the browser test needs node, /usr/bin/chromium and playwright-core (set up
# here when node is present) and skips, saying so, without them.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v npm >/dev/null 2>&1 && [ ! -d tests/browser/node_modules/playwright-core ]; then
  npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error || echo "test.sh: npm ci failed; the browser test will skip" >&2
fi
if command -v cargo-nextest >/dev/null 2>&1; then
  cargo nextest run --workspace --all-targets --no-fail-fast
  cargo test --workspace --doc
else
  cargo test --workspace --all-targets --no-fail-fast
  cargo test --workspace --doc
fi
