#!/usr/bin/env bash
# Tests need a real Postgres. Uses the one at TEST_POSTGRES_URL (default 127.0.0.1:5432, user
# postgres) when it answers; otherwise installs Debian's postgresql if needed and starts a
# throwaway cluster with trust auth under ./.data/pg on port 5432.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=5432
ready() { pg_isready -q -h 127.0.0.1 -p "$port" 2>/dev/null; }
if command -v pg_isready >/dev/null 2>&1 && ready; then exit 0; fi

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "PostgreSQL not found: installing Debian's package" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
# A packaged cluster may just be stopped.
if command -v pg_ctlcluster >/dev/null 2>&1 && ls /etc/postgresql/*/main >/dev/null 2>&1; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start 2>/dev/null || true
  for _ in $(seq 50); do ready && exit 0; sleep 0.1; done
fi
bindir=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | tail -1)")
dir="$PWD/.data/pg"
if [ ! -f "$dir/PG_VERSION" ]; then
  mkdir -p "$dir" && chown postgres "$dir" 2>/dev/null || true
  runuser -u postgres -- "$bindir/initdb" -D "$dir" -U postgres --auth=trust >/dev/null
fi
runuser -u postgres -- "$bindir/pg_ctl" -D "$dir" -o "-p $port -k /tmp -c listen_addresses=127.0.0.1" -l "$dir/log" start >/dev/null
for _ in $(seq 100); do ready && exit 0; sleep 0.1; done
echo "Postgres did not start; see $dir/log" >&2; exit 1
