#!/usr/bin/env bash
# Throughput of the whole local stack, measured with `./orderflow load` on this machine.
#
#   local/cloud/bench/load.sh [ORDERS...]        default: 200 1000
#
# Boots `orderflow up --seed --no-throttle` on free ports, warms the JIT with 3 unmeasured runs of
# 200 orders, then runs `load` for each ORDERS figure (32 clients, stock topped up first) and
# prints each summary. The load average before and after goes with the figures: above ~2.5 on
# 2 cores they are not a result. A flash sale (few units, many orders) is
#   FLASH=500 local/cloud/bench/load.sh 5000       (500 units of a fresh SKU at FC-MUC)
# and the same sale of a hot product split over stock shards at two centers is
#   FLASH=500 SHARDS=16 local/cloud/bench/load.sh 5000   (250 units each at FC-MUC and FC-BER)
# DEADLINE (default 600) is how long after the last POST every order must be final.
# Set CLOUD_DIR to a checkout whose local cloud is built (e.g. an older commit in a git worktree)
# to measure that build with this checkout's load generator: that is how before/after is compared.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
CLOUD_DIR="${CLOUD_DIR:-$ROOT}"
ORDERS=("${@:-200 1000}")
# shellcheck disable=SC2206
ORDERS=(${ORDERS[*]})
CLIENTS="${CLIENTS:-32}"
JAVA_OPTS="${JAVA_OPTS:--XX:+UseSerialGC}"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
edge=$(free_port); api=$(free_port)
LOG="$(mktemp)"
cleanup() { [ -n "${pid:-}" ] && kill -TERM "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -f "$LOG"; }
trap cleanup EXIT

# Older checkouts keep the command line in internal/cli and start it from dev.orderflow.cloud.Main.
cli_src="$CLOUD_DIR/local/cloud/src/main/java/dev/orderflow/cloud/cli"
main_class="dev.orderflow.cloud.cli.Main"
[ -d "$cli_src" ] || { cli_src="${cli_src%/cli}/internal/cli"; main_class="dev.orderflow.cloud.Main"; }
# Older checkouts named the jar with the version (orderflow-local-cloud-0.1.0.jar).
cloud_jar="local/cloud/target/orderflow-local-cloud.jar"
[ -e "$CLOUD_DIR/$cloud_jar" ] || cloud_jar="local/cloud/target/orderflow-local-cloud-0.1.0.jar"
throttle_flag="--no-throttle"
grep -q "no-throttle" "$cli_src/Cli.java" || throttle_flag=""
(cd "$CLOUD_DIR" && exec java $JAVA_OPTS -cp "$cloud_jar:$(cat local/cloud/target/classpath.txt)" \
  "$main_class" up --seed $throttle_flag --port "$edge" --api-port "$api") > "$LOG" 2>&1 &
pid=$!
until curl -sf "http://localhost:$api/health" > /dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || { cat "$LOG"; exit 1; }
  sleep 0.1
done
load() { ORDERFLOW_SKIP_BUILD=1 "$ROOT/orderflow" load --port "$edge" --concurrency "$CLIENTS" --deadline "${DEADLINE:-600}" "$@"; }

echo "== cloud: $(cd "$CLOUD_DIR" && git log --oneline -1)"
echo "== warm-up (3 x 200 orders, not measured)"
load --orders 200 --stock-up > /dev/null 2>&1 || true
load --orders 200 --stock-up > /dev/null 2>&1 || true
load --orders 200 --stock-up > /dev/null 2>&1 || true
for n in "${ORDERS[@]}"; do
  echo "== $n orders, $CLIENTS clients; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ -n "${FLASH:-}" ]; then
    sku="FLASH-$RANDOM"
    token=$(ORDERFLOW_SKIP_BUILD=1 "$ROOT/orderflow" token --port "$edge" --user bench --scope orderflow/admin --group admins)
    curl -sf -X PUT "http://localhost:$api/admin/products/$sku" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -d '{"name":"Flash sale item","price":{"amount":"10.00","currency":"EUR"},"active":true}' > /dev/null
    if [ -n "${SHARDS:-}" ]; then
      for center in FC-MUC FC-BER; do
        curl -sf -X POST "http://localhost:$api/admin/stock/$sku/$center/adjustments" \
          -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
          -d "{\"delta\":$((FLASH / 2))}" > /dev/null
      done
      curl -sf -X PUT "http://localhost:$api/admin/stock/$sku/shards" -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' -d "{\"shards\":$SHARDS}"; echo
      load --orders "$n" --sku "$sku" || true
      curl -sf "http://localhost:$api/admin/stock/$sku" -H "Authorization: Bearer $token"; echo
    else
      load --orders "$n" --sku "$sku" --stock-up --stock-up-units "$FLASH" || true
    fi
  else
    load --orders "$n" --stock-up || true
  fi
  echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
