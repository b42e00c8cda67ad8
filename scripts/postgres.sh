#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests, in a temporary directory,
# listening on a loopback port only.
#
#   scripts/postgres.sh start   prints `export ISNAD_TEST_POSTGRES=…`,
#                               `export ISNAD_TEST_POSTGRES_CA=…` and
#                               `export ISNAD_PG_DIR=…` for eval
#   scripts/postgres.sh stop    stops the cluster in $ISNAD_PG_DIR and
#                               removes it
#
# The server takes plain and TLS connections: its certificate, for
# 127.0.0.1 and localhost, is signed by a throw-away CA made with openssl
# (ISNAD_TEST_POSTGRES_CA names the CA's certificate, for the TLS tests).
# Installs Debian's postgresql and openssl packages when missing. Run as root,
# the cluster belongs to the `postgres` user (initdb refuses root).
set -euo pipefail

sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return; }
  done
  command -v initdb >/dev/null && dirname "$(command -v initdb)"
}

case "${1:-}" in
start)
  bin=$(bindir || true)
  if [ -z "$bin" ]; then
    sudo_ apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive sudo_ apt-get install -y -qq postgresql >/dev/null
    bin=$(bindir)
  fi
  if ! command -v openssl >/dev/null; then
    sudo_ apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive sudo_ apt-get install -y -qq openssl >/dev/null
  fi
  dir=$(mktemp -d /tmp/isnad-pg.XXXXXX)
  tls=$dir/tls
  mkdir "$tls"
  openssl req -x509 -newkey rsa:2048 -nodes -days 7 -subj "/CN=isnad test CA" \
    -keyout "$tls/ca.key" -out "$tls/ca.crt" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
    -keyout "$tls/server.key" -out "$tls/server.csr" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$tls/server.ext"
  openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.crt" -CAkey "$tls/ca.key" -CAcreateserial \
    -days 7 -extfile "$tls/server.ext" -out "$tls/server.crt" 2>/dev/null
  chmod 600 "$tls/server.key"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  as=()
  if [ "$(id -u)" = 0 ]; then
    chown -R postgres: "$dir"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$dir/data" -U isnad --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200 -c ssl=on -c ssl_cert_file=$tls/server.crt -c ssl_key_file=$tls/server.key" start >&2 \
    || { cat "$dir/server.log" >&2; exit 1; }
  echo "export ISNAD_PG_DIR=$dir"
  echo "export ISNAD_TEST_POSTGRES=postgres://isnad@127.0.0.1:$port/postgres"
  echo "export ISNAD_TEST_POSTGRES_CA=$tls/ca.crt"
  ;;
stop)
  dir=${ISNAD_PG_DIR:?ISNAD_PG_DIR is not set}
  bin=$(bindir)
  as=()
  [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop >&2 || true
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start|stop" >&2
  exit 2
  ;;
esac
