#!/usr/bin/env bash
# Starts or stops a throw-away PostgreSQL cluster for the tests, on 127.0.0.1 and a free port,
# in a temporary directory, as a non-root user (initdb refuses root). `start STATE_DIR` writes
# STATE_DIR/url for the tests; `stop STATE_DIR` stops the server and removes the cluster.
set -euo pipefail
action="$1"
state="$2"
bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$bindir" ]; then
  echo "pg_cluster: PostgreSQL server binaries not found (install the postgresql package)" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    mkdir -p "$state"
    rm -f "$state/url"
    "$0" stop "$state" >/dev/null 2>&1 || true
    mkdir -p "$state"
    cluster="$(mktemp -d /tmp/vakt-pg.XXXXXX)"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$cluster"
    echo "$cluster" > "$state/cluster"
    as_owner "$bindir/initdb" -D "$cluster/data" -U vakt --auth=trust -E UTF8 --locale=C.UTF-8 >"$state/initdb.log" 2>&1 \
      || { cat "$state/initdb.log" >&2; exit 1; }
    # The owner (vakt) is trusted; every other login proves a password, as people's own logins do.
    as_owner sh -c "printf '%s\n' 'local all all trust' 'host all vakt 127.0.0.1/32 trust' \
      'host all all 127.0.0.1/32 scram-sha-256' > '$cluster/data/pg_hba.conf'"
    for attempt in 1 2 3 4 5 6 7 8; do
      port=$(( 20000 + RANDOM % 20000 ))
      if as_owner "$bindir/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 30 \
           -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$cluster -c fsync=off" start >/dev/null; then
        as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U vakt vakt_test
        echo "postgresql://vakt@127.0.0.1:$port/vakt_test" > "$state/url"
        echo "pg_cluster: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
        exit 0
      fi
      echo "pg_cluster: port $port failed (attempt $attempt), trying another" >&2
    done
    cat "$cluster/server.log" >&2
    exit 1
    ;;
  stop)
    [ -f "$state/cluster" ] || exit 0
    cluster="$(cat "$state/cluster")"
    if [ -d "$cluster/data" ]; then
      as_owner "$bindir/pg_ctl" -D "$cluster/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    case "$cluster" in /tmp/vakt-pg.*) rm -rf "$cluster" ;; esac
    rm -f "$state/cluster" "$state/url"
    ;;
  *)
    echo "usage: $0 start|stop STATE_DIR" >&2
    exit 2
    ;;
esac
