#!/usr/bin/env bash
# Whole-process timing of klima commands: each command is run N times with
# /usr/bin/time (Debian package time), alternating between the binaries given,
# and min / median / max of wall time, CPU time (user + system) and peak
# resident memory are printed, with the ratio of each binary's medians to the
# first one's (same run, same machine load: the fair comparison on a shared machine).
# Usage: bench/whole-process.sh N "ARGS" BINARY...   e.g.
#   bench/whole-process.sh 7 "inventory --data /tmp/klima-large/koege-1000.csv --year 2017 --format json" \
#       /tmp/klima-before/build/bin/klima build/bin/klima
set -euo pipefail
n=$1 args=$2
shift 2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for ((i = 0; i < n; ++i)); do
  for b in "$@"; do
    f="$out/$(echo "$b" | md5sum | cut -c1-8)"
    t0=$(date +%s%N)
    # shellcheck disable=SC2086
    /usr/bin/time -o "$f.one" -f "%U %S %M" "$b" $args >/dev/null
    t1=$(date +%s%N)
    # wall time to the millisecond (time's own %e has 10 ms steps), then CPU and peak memory from time
    echo "$(((t1 - t0) / 1000000)) $(cat "$f.one")" | awk '{ printf "%.3f %s %s %s\n", $1 / 1000, $2, $3, $4 }' >>"$f"
  done
done
stats() {  # one column of numbers on stdin: "min median max"
  sort -g | awk '{ v[NR] = $1 } END { printf "%s %s %s\n", v[1], v[int((NR + 1) / 2)], v[NR] }'
}
first_wall="" first_cpu="" first_rss=""
printf "%-40s %-26s %-26s %-26s\n" "binary ($n runs)" "wall s min/med/max" "cpu s min/med/max" "peak MiB min/med/max"
for b in "$@"; do
  f="$out/$(echo "$b" | md5sum | cut -c1-8)"
  read -r w1 w2 w3 < <(awk '{ print $1 }' "$f" | stats)
  read -r c1 c2 c3 < <(awk '{ print $2 + $3 }' "$f" | stats)
  read -r m1 m2 m3 < <(awk '{ printf "%.1f\n", $4 / 1024 }' "$f" | stats)
  printf "%-40s %-26s %-26s %-26s\n" "$b" "$w1 / $w2 / $w3" "$c1 / $c2 / $c3" "$m1 / $m2 / $m3"
  if [ -z "$first_wall" ]; then
    first_wall=$w2 first_cpu=$c2 first_rss=$m2
  else
    awk -v a="$first_wall" -v b="$w2" -v c="$first_cpu" -v d="$c2" -v e="$first_rss" -v f="$m2" \
      'function r(x, y) { return y > 0 ? sprintf("%.2f×", x / y) : "n/a" }
       BEGIN { printf "%-40s wall %s, cpu %s, memory %s (first ÷ this, medians)\n", "", r(a, b), r(c, d), r(e, f) }'
  fi
done
