#!/usr/bin/env bash
# Measures, in one run on this machine:
#   1. a trivial JVM: start to first line of output, and its heap after a full GC;
#   2. the local cloud: `orderflow up` (JVM start included) to the first served HTTP request
#      (GET /health through the gateway, which includes the Health function's cold start),
#      a second (warm) request, and idle heap / RSS after a full GC.
# Usage: local/cloud/bench/startup.sh [runs]   (needs ./orderflow to have built once)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$ROOT"
RUNS="${1:-3}"
CP="local/cloud/target/orderflow-local-cloud.jar:$(cat local/cloud/target/classpath.txt)"
JAVA_OPTS="${JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

now_ms() { date +%s%3N; }
heap_used_kb() { # used heap after a full GC, in KB
  jcmd "$1" GC.run >/dev/null 2>&1 || true
  jcmd "$1" GC.heap_info 2>/dev/null | awk '/used/ { for (i=1;i<=NF;i++) if ($i=="used") { v=$(i+1); sub("K","",v); s+=v } } END { print s }'
}
rss_kb() { awk '/VmRSS/ { print $2 }' "/proc/$1/status"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

cat > "$TMP/Trivial.java" <<'JAVA'
public class Trivial {
    public static void main(String[] a) throws Exception {
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.parseLong(a[0]));
    }
}
JAVA
javac -d "$TMP" "$TMP/Trivial.java"

printf '%-6s %-22s %-22s %-16s %-14s %-14s\n' run trivial_jvm_ready_ms cloud_first_request_ms warm_request_ms cloud_heap_KB trivial_heap_KB
for run in $(seq 1 "$RUNS"); do
  t0=$(now_ms)
  # shellcheck disable=SC2086
  java $JAVA_OPTS -cp "$TMP" Trivial 4000 > "$TMP/trivial.out" &
  tpid=$!
  until grep -q ready "$TMP/trivial.out" 2>/dev/null; do sleep 0.005; done
  trivial_ms=$(( $(now_ms) - t0 ))
  trivial_heap=$(heap_used_kb "$tpid")
  wait "$tpid"

  edge=$(free_port); api=$(free_port)
  t0=$(now_ms)
  # shellcheck disable=SC2086
  java $JAVA_OPTS -cp "$CP" dev.orderflow.cloud.cli.Main up --port "$edge" --api-port "$api" > "$TMP/up.log" 2>&1 &
  pid=$!
  until curl -sf "http://localhost:$api/health" > /dev/null 2>&1; do sleep 0.02; done
  first_ms=$(( $(now_ms) - t0 ))
  t1=$(now_ms); curl -sf "http://localhost:$api/health" > /dev/null; warm_ms=$(( $(now_ms) - t1 ))
  sleep 1
  heap=$(heap_used_kb "$pid")
  rss=$(rss_kb "$pid")
  kill -TERM "$pid"; wait "$pid" || true
  printf '%-6s %-22s %-22s %-16s %-14s %-14s (cloud RSS %s KB)\n' "$run" "$trivial_ms" "$first_ms" "$warm_ms" "$heap" "$trivial_heap" "$rss"
done
