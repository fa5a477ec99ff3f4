#!/usr/bin/env bash
# Side-by-side HTTP benchmark: orderflow's DynamoDB server (a separate JVM) against dynalite 4.0.0
# (npm, pinned in package.json here), same client (the HTTP part of DynamoDbBench: AWS SDK v2 sync
# client, 16 concurrent clients), same workload. Reports the SERVER CPU per request of each, from
# /proc/PID/stat deltas over each measured run, as medians over several rounds, and the ratios.
#
#   local/dynamodb/bench/vs-dynalite.sh [rounds=5] [seconds=3] [warm-up runs of our JVM=5]
#
# Not part of the Maven build. Needs: mvn (offline is fine once built), java 17, node (>= 18) and
# npm on PATH (or NODE=/path/to/node). Prints `uptime` before and after: on a loaded machine
# (load average above ~2.5 on 2 cores) the figures are not results.
set -euo pipefail

ROUNDS=${1:-5}
SECONDS_PER_OP=${2:-3}
WARMUPS=${3:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
MODULE=$(cd "$HERE/.." && pwd)
ROOT=$(cd "$MODULE/../.." && pwd)
NODE=${NODE:-node}
OURS_PORT=${OURS_PORT:-4571}
PEER_PORT=${PEER_PORT:-4572}
OUT=$(mktemp -d /tmp/vs-dynalite.XXXXXX)

echo "== uptime before: $(uptime)"

if [ ! -f "$HERE/node_modules/dynalite/cli.js" ]; then
    (cd "$HERE" && npm ci --no-audit --no-fund >/dev/null)
fi
(cd "$ROOT" && mvn -B -q -o test-compile dependency:build-classpath \
    -Dmdep.outputFile="$OUT/cp.txt" -pl local/dynamodb >/dev/null)
CP="$MODULE/target/classes:$MODULE/target/test-classes:$(cat "$OUT/cp.txt")"
TICKS=$(getconf CLK_TCK)

PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

java -Xmx1g ${OURS_JAVA_OPTS:-} -cp "$CP" dev.orderflow.dynamodb.DynamoDbMain --port "$OURS_PORT" --in-memory \
    >"$OUT/ours.log" 2>&1 &
OURS_PID=$!
PIDS+=("$OURS_PID")
"$NODE" "$HERE/node_modules/dynalite/cli.js" --port "$PEER_PORT" >"$OUT/peer.log" 2>&1 &
PEER_PID=$!
PIDS+=("$PEER_PID")

wait_for() {
    for _ in $(seq 1 100); do
        if curl -s -o /dev/null "http://127.0.0.1:$1/"; then return 0; fi
        sleep 0.1
    done
    echo "server on port $1 did not start" >&2
    exit 1
}
wait_for "$OURS_PORT"
wait_for "$PEER_PORT"

client() { # server-name pid port seconds
    java -Dhttp.maxConnections=32 -Dbench.serverPid="$2" -Dbench.clockTicks="$TICKS" -cp "$CP" \
        dev.orderflow.dynamodb.bench.DynamoDbBench "$4" "http://127.0.0.1:$3" 2>/dev/null \
        | grep 'server CPU' | sed "s/^/$1|/"
}

echo "== warming up our JVM ($WARMUPS unmeasured runs of 1 s per operation)"
for _ in $(seq 1 "$WARMUPS"); do client ours "$OURS_PID" "$OURS_PORT" 1 >/dev/null; done
client peer "$PEER_PID" "$PEER_PORT" 1 >/dev/null

for r in $(seq 1 "$ROUNDS"); do
    echo "== round $r/$ROUNDS, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    client ours "$OURS_PID" "$OURS_PORT" "$SECONDS_PER_OP" | tee -a "$OUT/results.txt"
    client peer "$PEER_PID" "$PEER_PORT" "$SECONDS_PER_OP" | tee -a "$OUT/results.txt"
done

python3 - "$OUT/results.txt" <<'EOF'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    server, rest = line.split('|', 1)
    m = re.match(r'(.+?)\s+([\d,]+) ops/s\s+([\d,]+) µs of server CPU per op', rest)
    op, ops, cpu = m.group(1).strip(), float(m.group(2).replace(',', '')), float(m.group(3).replace(',', ''))
    rows.setdefault(op, {}).setdefault(server, []).append((ops, cpu))
print()
print(f"{'median over rounds':34} {'ours ops/s':>11} {'peer ops/s':>11} {'ours µs CPU':>12} {'peer µs CPU':>12} {'ours/peer CPU':>14}")
for op, by in rows.items():
    o, p = by.get('ours', []), by.get('peer', [])
    if not o or not p:
        continue
    oo, po = statistics.median(x[0] for x in o), statistics.median(x[0] for x in p)
    oc, pc = statistics.median(x[1] for x in o), statistics.median(x[1] for x in p)
    ratio = f"1/{pc / oc:.1f}" if oc > 0 else "n/a"
    print(f"{op:34} {oo:11,.0f} {po:11,.0f} {oc:12,.0f} {pc:12,.0f} {ratio:>14}")
EOF
echo "== uptime after: $(uptime)"
echo "(raw results in $OUT)"
