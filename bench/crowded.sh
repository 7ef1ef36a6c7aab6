#!/usr/bin/env bash
# Whole-process timing of `klima scenario run` on the crowded plans
# (tests/crowded_plan.hpp, written by bench_crowded), paired against another
# binary (e.g. main's) in one run. A size the other binary cannot finish within
# TIMEOUT seconds is reported as such and that binary is not timed further.
# Usage: bench/crowded.sh N TIMEOUT BINARY...   e.g.
#   bench/crowded.sh 5 20 build/bin/klima /tmp/klima-before/build/bin/klima
set -euo pipefail
n=$1 limit=$2
shift 2
here=$(cd "$(dirname "$0")/.." && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$here/build/bin/bench_crowded" write "$dir" >/dev/null
data="$here/tests/fixtures/scenario/data"
declare -A gave_up
for plan in crowded crowded-amounts; do
  for size in 20 40 60 100 150 200; do
    file="$dir/$plan-$size.json"
    echo "== $plan-$size"
    timed=()
    for b in "$@"; do
      if [ -n "${gave_up[$b$plan]:-}" ]; then
        echo "$b: skipped (did not finish a smaller plan in ${limit} s)"
        continue
      fi
      if ! timeout "$limit" "$b" scenario run "$file" --data-dir "$data" >/dev/null 2>&1; then
        echo "$b: did not finish in ${limit} s"
        gave_up[$b$plan]=1
        continue
      fi
      timed+=("$b")
    done
    [ ${#timed[@]} -gt 0 ] && bash "$here/bench/whole-process.sh" "$n" "scenario run $file --data-dir $data" "${timed[@]}"
  done
done
