#!/usr/bin/env bash
# Writes the two large activity files of docs/performance.md into DIR (default
# /tmp/klima-large); they are generated, never committed.
#   koege-1000.csv  the Køge file's rows 1,000 times, each copy's sources (the
#                   next-to-last column, before uncertainty) marked "(copy N)",
#                   so that no row repeats another
#   big.csv         1,000,000 rows of 2017 (about 72 MB): four subsectors, one source a row
# Usage: bench/make-large-activity.sh [DIR]   (run from the repository root)
set -euo pipefail
dir=${1:-/tmp/klima-large}
mkdir -p "$dir"

awk 'NR == 1 { print; next }
     { rows[++n] = $0 }
     END {
       for (c = 1; c <= 1000; ++c)
         for (i = 1; i <= n; ++i) {
           # source is the next-to-last column; the last, uncertainty ("pct 5" or empty), has no comma
           r = rows[i]
           cut = match(r, /,[^,]*$/)
           head = substr(r, 1, cut - 1); tail = substr(r, cut)
           if (substr(head, length(head)) == "\"") print substr(head, 1, length(head) - 1) " (copy " c ")\"" tail
           else print head " (copy " c ")" tail
         }
     }' data/koege/activity.csv >"$dir/koege-1000.csv"
cp data/koege/municipality.json "$dir/" 2>/dev/null || true

awk 'BEGIN {
       print "year,sector,subsector,carrier,quantity,unit,source"
       split("energi,el,el|energi,fjernvarme,fjernvarme|energi,individuel_opvarmning,naturgas|transport,personbiler,benzin", what, "|")
       split("MWh|MWh|GJ|GJ", unit, "|")
       for (i = 0; i < 1000000; ++i)
         printf "2017,%s,%d,%s,synthetic meter reading %07d\n", what[i % 4 + 1], 100 + i % 997, unit[i % 4 + 1], i
     }' >"$dir/big.csv"
ls -l "$dir"
