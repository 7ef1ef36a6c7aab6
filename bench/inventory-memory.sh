#!/usr/bin/env bash
# Peak memory and wall time of one large year's inventory (issue 26 item 3):
# `klima inventory --data big.csv --year 2017` as JSON and as CSV, the output
# thrown away, for each binary given (e.g. main's and this branch's, to pair
# them). big.csv is bench/make-large-activity.sh's 1,000,000 rows of 2017; the
# reference data is this tree's data/ for every binary, so that the outputs
# can be compared byte for byte (their SHA-256 is printed). /usr/bin/time -v
# (Debian package time) gives the peak resident memory.
# Usage: bench/inventory-memory.sh [DIR [KLIMA_BINARY ...]]   (run from the repository root)
set -euo pipefail
dir=${1:-/tmp/klima-large}
shift || true
binaries=("$@")
[ ${#binaries[@]} -eq 0 ] && binaries=(build/bin/klima)
[ -f "$dir/big.csv" ] || bench/make-large-activity.sh "$dir" >/dev/null
for format in json csv; do
  for klima in "${binaries[@]}"; do
    log=$(mktemp)
    sum=$({ /usr/bin/time -v "$klima" inventory --data "$dir/big.csv" --year 2017 --format "$format" \
              --data-dir data 2>"$log"; } | sha256sum | cut -c1-16)
    peak=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$log")
    cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.1f", u + s }' "$log")
    echo "$format  $klima  peak ${peak} MiB  wall $wall  cpu ${cpu} s  output sha256 $sum…"
    rm -f "$log"
  done
done
