#!/usr/bin/env bash
# Runs StatesBenchmark (this engine) and peer-bench.mjs (aws-local-stepfunctions, pinned in
# package.json) on the same workloads and prints medians, spread and ratios, with `uptime` before
# and after: a ratio taken while the load average is well above 0 is not a result.
#
#   local/states/bench/vs-peer.sh                  # from anywhere; defaults below
#   ROUNDS=7 WARMUP=5 local/states/bench/vs-peer.sh --only loop,seq
#
# Builds what it needs: `mvn test-compile` of local/states (offline if the repository is already
# filled, see MVN_FLAGS) and `npm ci` into local/states/bench/node_modules (git-ignored; not part of
# the Maven build). Extra arguments go to both benchmarks (--only, --loop, --items, --small,
# --parked).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
module="$(dirname "$here")"
root="$(cd "$module/../.." && pwd)"
ROUNDS="${ROUNDS:-5}"
WARMUP="${WARMUP:-5}"
HEAP="${HEAP:--Xmx2g}"
MVN_FLAGS="${MVN_FLAGS:--o}"

echo "== before: $(uptime)"
(cd "$root" && mvn -B -q $MVN_FLAGS -pl local/states test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/cp.txt)
if [ ! -x "$here/node_modules/.bin/node" ] || [ ! -d "$here/node_modules/aws-local-stepfunctions" ] \
    || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
node="$here/node_modules/.bin/node"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "== this engine (JDK $(java -version 2>&1 | head -1 | cut -d'"' -f2), $HEAP, warmup $WARMUP, rounds $ROUNDS)"
(cd "$module" && java $HEAP -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
    dev.orderflow.states.bench.StatesBenchmark --warmup "$WARMUP" --rounds "$ROUNDS" "$@") \
    | tee "$out/ours"
echo "== load: $(uptime)"
echo "== aws-local-stepfunctions $(cd "$here" && "$node" -p "JSON.parse(require('fs').readFileSync('node_modules/aws-local-stepfunctions/package.json')).version") (Node $("$node" --version), warmup $WARMUP, rounds $ROUNDS)"
(cd "$here" && "$node" --expose-gc peer-bench.mjs --warmup "$WARMUP" --rounds "$ROUNDS" "$@") \
    | tee "$out/peer"
echo "== after: $(uptime)"

echo
printf '%-12s %28s %28s %16s\n' workload 'ours median [min-max]' 'peer median [min-max]' 'ratio (median)'
for w in loop map small-seq small-burst; do
  o="$(grep "^RESULT $w " "$out/ours" || true)"
  p="$(grep "^RESULT $w " "$out/peer" || true)"
  [ -n "$o" ] && [ -n "$p" ] || continue
  set -- $o; om=$3 omin=$4 omax=$5
  set -- $p; pm=$3 pmin=$4 pmax=$5
  printf '%-12s %12s [%6s-%6s]k %12s [%6s-%6s]k %15sx\n' "$w" \
      "$((om / 1000))k" "$((omin / 1000))" "$((omax / 1000))" \
      "$((pm / 1000))k" "$((pmin / 1000))" "$((pmax / 1000))" \
      "$(awk -v a="$om" -v b="$pm" 'BEGIN { printf "%.1f", a / b }')"
done
o="$(grep '^RESULT parked-bytes ' "$out/ours" || true)"
p="$(grep '^RESULT parked-bytes ' "$out/peer" || true)"
if [ -n "$o" ] && [ -n "$p" ]; then
  printf '%-12s %28s %28s\n' parked "${o##* } B/execution" "${p##* } B/execution"
fi
echo "(states/s; rates are medians of $ROUNDS rounds after $WARMUP unmeasured ones)"
