#!/usr/bin/env bash
# Runs the whole test suite. Tests that need ../shared (the seeds, the
# corpora, the Recognizers-Text specs) say so and skip where it is absent;
# the browser test needs node, /usr/bin/chromium and playwright-core (set up
# here when node is present) and skips, saying so, without them. The
# PostgreSQL half of the store suite runs when $ISNAD_TEST_POSTGRES names a
# server (scripts/postgres.sh starts a throw-away one); the Spark test when
# $ISNAD_PYTHON has PySpark (scripts/spark-env.sh sets it up; its
# target/pyenv is found here by itself).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${ISNAD_PYTHON:-}" ] && [ -x target/pyenv/bin/python ]; then
  export ISNAD_PYTHON=$PWD/target/pyenv/bin/python
fi
if command -v npm >/dev/null 2>&1 && [ ! -d tests/browser/node_modules/playwright-core ]; then
  npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error || echo "test.sh: npm ci failed; the browser test will skip" >&2
fi
# Every test that skips (a missing ../shared, PostgreSQL, browser or Spark)
# writes a line here; the count is the last thing said, as the test runner
# hides a passing test's stderr.
export ISNAD_SKIP_LOG=$PWD/target/skipped-tests.log
mkdir -p target
rm -f "$ISNAD_SKIP_LOG"
say_skips() {
  if [ -s "$ISNAD_SKIP_LOG" ]; then
    echo "test.sh: $(wc -l <"$ISNAD_SKIP_LOG") test(s) skipped part or all of their work:" >&2
    sort "$ISNAD_SKIP_LOG" | sed 's/^/  /' >&2
  else
    echo "test.sh: no test skipped" >&2
  fi
}
trap say_skips EXIT
if command -v cargo-nextest >/dev/null 2>&1; then
  cargo nextest run --workspace --all-targets --no-fail-fast
  cargo test --workspace --doc
else
  cargo test --workspace --all-targets --no-fail-fast
  cargo test --workspace --doc
fi
