#!/usr/bin/env bash
# Makes sure a nats-server binary exists (on PATH, else Debian's package) and, with `start`,
# that a JetStream server answers at NATS_URL: an existing one is used as it is; otherwise one
# is started under ./.data/nats and its pid written to ./.data/nats.pid, with the configuration
# deploy/nats-conf.ts writes: one nkey user per service with its permissions, no anonymous access
# (public nkeys; the services' seeds are in ./.data/secrets.env).
set -euo pipefail
cd "$(dirname "$0")/../.."
url="${NATS_URL:-nats://127.0.0.1:4222}"
hostport="${url#nats://}"; host="${hostport%%:*}"; port="${hostport##*:}"

if ! command -v nats-server >/dev/null 2>&1 && [ ! -x /usr/sbin/nats-server ]; then
  echo "nats-server not found: installing Debian's package" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq nats-server >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq nats-server >/dev/null; fi
fi
[ "${1:-}" = "start" ] || exit 0

answers() { (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; }
if answers; then
  echo "using the NATS server at $url (not started here: it enforces the services' permissions only if it runs .data/nats/nats.conf)"
  exit 0
fi
bin=$(command -v nats-server || echo /usr/sbin/nats-server)
mkdir -p .data/nats
node deploy/nats-conf.ts .data/secrets.env .data/nats/nats.conf "$host" "$port" "$PWD/.data/nats"
nohup "$bin" -c .data/nats/nats.conf >.data/nats.log 2>&1 &
echo $! > .data/nats.pid
for _ in $(seq 50); do answers && { echo "started nats-server (JetStream) at $url, store ./.data/nats"; exit 0; }; sleep 0.1; done
echo "nats-server did not start; see .data/nats.log" >&2; exit 1
