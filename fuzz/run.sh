#!/usr/bin/env bash
# Fuzzes every reader and the workbench's HTTP routes for SECONDS each
# (default 25), seeded with the bundled files; exits non-zero when any target
# has a finding (crash, sanitizer report, an exception other than
# klima::Error, a hang, a 5xx answer of the workbench). Findings are left as
# BUILD/fuzz-work/<target>-crash-* for `BUILD/bin/fuzz_<target> FILE`.
#   fuzz/run.sh [BUILD_DIR [SECONDS]]      e.g. fuzz/run.sh build-asan 3600 for an hour each
# BUILD_DIR is configured with CXX=clang++ -DKLIMA_BUILD_FUZZ=ON -DKLIMA_SANITIZE=ON (see .ci/run).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-build-asan}" && pwd)"
seconds="${2:-25}"
work="$build/fuzz-work"
rm -rf "$work"
mkdir -p "$work"

seed() {  # seed TARGET FILE…  (each named after its path: data_koege_activity.csv)
  local target="$1" f
  shift
  mkdir -p "$work/$target"
  for f in "$@"; do
    cp "$f" "$work/$target/$(realpath --relative-to="$root" "$f" | tr / _)"
  done
}
seed activity_csv "$root"/data/*/activity.csv "$root"/tests/fixtures/activity*.csv "$root"/tests/fixtures/scenario/activity*.csv
seed activity_json "$root"/fuzz/seeds/activity.json
seed scenario_json "$root"/scenarios/*.json "$root"/tests/fixtures/scenario/*.json
seed targets_json "$root"/data/targets/*.json "$root"/tests/fixtures/targets/*.json
seed proposal_json "$root"/scenarios/proposals/*.json "$root"/tests/fixtures/impact/*.json
seed uncertainty "$root"/fuzz/seeds/uncertainty*
seed serve_http "$root"/fuzz/seeds/http/*
seed activity_xlsx "$root"/fuzz/seeds/*.xlsx
seed factor_overrides "$root"/data/overrides/*.csv
# status: the first byte picks the reader (0 status CSV, 1 status JSON, 2 indicator values, 3 the export
# for the national monitoring).
mkdir -p "$work/status"
{ printf '\000'; cat "$root/data/koege/status-2024.csv"; } >"$work/status/status-csv"
{ printf '\002'; cat "$root/data/koege/indicators.csv"; } >"$work/status/indicators-csv"
{ printf '\001'; cat "$root/fuzz/seeds/status.json"; } >"$work/status/status-json"
{ printf '\003'; "$build/bin/klima" status --scenario "$root/scenarios/koege-plan.json" --year 2024 \
    --status "$root/data/koege/status-2024.csv" --format export-csv; } >"$work/status/export-csv"
# The store: a small store of the bundled factors and the Køge activity, made by klima itself.
mkdir -p "$work/store"
"$build/bin/klima" db import "$root/data" --comment "fuzz seed" --db "$work/store/koege.db" >/dev/null
"$build/bin/klima" db import "$root/data/koege/activity.csv" --comment "fuzz seed" --db "$work/store/koege.db" >/dev/null
"$build/bin/klima" db import "$root/data/koege/status-2024.csv" --status --comment "fuzz seed" --db "$work/store/koege.db" >/dev/null

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
failed=()
for target in activity_csv activity_json scenario_json targets_json proposal_json store uncertainty \
  serve_http activity_xlsx factor_overrides status; do
  echo "fuzz: $target for ${seconds}s" >&2
  if "$build/bin/fuzz_$target" "$work/$target" -max_total_time="$seconds" -seed=1 -timeout=10 \
    -artifact_prefix="$work/$target-" -print_final_stats=1 2>"$work/$target.log"; then
    grep -E "^stat::number_of_executed_units" "$work/$target.log" >&2 || true
  else
    grep -E "what\(\)|^SUMMARY|ERROR: " "$work/$target.log" | head -n 5 >&2 || true
    echo "fuzz: $target found a problem; the input is in $work/$target-*, the log in $work/$target.log" >&2
    failed+=("$target")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: findings in ${failed[*]}" >&2
  exit 1
fi
