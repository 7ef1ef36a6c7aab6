#!/usr/bin/env bash
# Writes a synthetic national data directory of N municipalities (default 1,000) into DIR/national
# (default /tmp/klima-national-large), for the scaling figure of docs/performance.md: the 98 real
# municipalities' rows repeated with new four-digit codes (1001, 1002, …) and names "NAME (copy K)".
# Synthetic: never committed, never presented as data. Targets: an empty DIR/targets.
# Usage: bench/make-national-large.sh [N] [DIR]   (run from the repository root)
set -euo pipefail
n=${1:-1000}
dir=${2:-/tmp/klima-national-large}
mkdir -p "$dir/national" "$dir/targets"
src=data/national
# municipality i (0-based) copies real municipality i % 98 with code 1000 + i + 1
awk -F, -v n="$n" 'NR == 1 { print; next }
     { row[++m] = $0 }
     END { for (i = 0; i < n; ++i) { split(row[i % m + 1], f, ","); printf "%04d,%s (copy %d),%s,%s,%s,%s\n", 1001 + i, f[2], i, f[3], f[4], f[5], f[6] } }' \
  "$src/municipalities.csv" >"$dir/national/municipalities.csv"
for file in municipal-emissions-2018-2023.csv municipal-per-capita-2018-2023.csv; do
  awk -F, -v n="$n" 'NR == FNR { if (FNR > 1) { code[++m] = $1 }; next }
       FNR == 1 { print; next }
       { rows[$1] = rows[$1] $0 "\n" }
       END {
         for (i = 0; i < n; ++i) {
           c = code[i % m + 1]; text = rows[c]
           while ((p = index(text, "\n")) > 0) {
             line = substr(text, 1, p - 1); text = substr(text, p + 1)
             split(line, f, ","); rest = substr(line, length(f[1]) + length(f[2]) + 3)
             printf "%04d,%s (copy %d),%s\n", 1001 + i, f[2], i, rest
           }
         }
       }' "$src/municipalities.csv" "$src/$file" >"$dir/national/$file"
done
cp "$src/municipalities.topo.json" "$dir/national/"
echo "wrote $dir/national ($n municipalities)"
