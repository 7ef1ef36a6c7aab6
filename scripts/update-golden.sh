#!/usr/bin/env bash
# Rewrites tests/golden/* from the current build (build/bin/klima), for an
# output change that is intended. Read `git diff tests/golden` before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
grep -v '^#' tests/golden/cases.txt | while IFS='|' read -r name args; do
  [ -n "$name" ] || continue
  # shellcheck disable=SC2086
  build/bin/klima $args > "tests/golden/$name"
  echo "wrote tests/golden/$name"
done
