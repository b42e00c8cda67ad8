#!/usr/bin/env bash
# Sets up what the Spark test needs: a Java runtime (Debian's
# default-jre-headless when `java` is missing) and PySpark from PyPI in a
# virtual environment under target/pyenv (Debian's python3-venv when
# python3 cannot make one). Prints `export ISNAD_PYTHON=…`
# for eval.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v java >/dev/null; then
  sudo_ apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive sudo_ apt-get install -y -qq default-jre-headless >/dev/null
fi
env=target/pyenv
if ! "$env/bin/python" -c 'import pyspark' 2>/dev/null; then
  if ! python3 -m venv "$env" >&2; then
    # Debian's python3 makes virtual environments only with python3-venv.
    sudo_ apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive sudo_ apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv "$env" >&2
  fi
  "$env/bin/pip" install -q -r tests/spark/requirements.txt >&2
fi
echo "export ISNAD_PYTHON=$PWD/$env/bin/python"
