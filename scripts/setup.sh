#!/usr/bin/env bash
# Installs klima's Debian packages (when missing) and builds it into build/.
# Run as root on a fresh Debian machine (or with sudo available).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake make libboost-dev nlohmann-json3-dev libeigen3-dev libsqlite3-dev catch2 libxlsxwriter-dev libssl-dev libfmt-dev)
# The command line of cli/: CLI11 (header-only).
packages+=(libcli11-dev)
# Reading .xlsx activity workbooks: libzip for the package, expat for its XML.
packages+=(libzip-dev libexpat1-dev)
# The cheapest-portfolio linear programme (klima scenario macc): COIN-OR Clp, found with pkg-config.
packages+=(pkg-config coinor-libclp-dev)
# The workbench (klima serve): cpp-httplib, found through its pkg-config file.
packages+=(libcpp-httplib-dev)
# Test tools of the progress report: headless Chromium renders the HTML, unzip reads the XLSX back.
packages+=(chromium unzip)
# bench/xlsx-memory.sh: zip writes the hostile workbooks, /usr/bin/time measures peak memory.
packages+=(zip time)
# CI's sanitizer and fuzzing build (.ci/run, fuzz/): clang with libFuzzer and the sanitizer runtimes,
# llvm-symbolizer for readable reports.
packages+=(clang libclang-rt-dev llvm)
# The layout check of CI (scripts/check-format.sh, .clang-format).
packages+=(clang-format)
# The .deb of scripts/check-deb.sh: CPack asks dpkg-shlibdeps for the package's Depends.
packages+=(dpkg-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The workbench's browser test: puppeteer-core as pinned in tests/browser/package-lock.json, when Node.js
# is there (without it, or without Chromium, the test says so and is skipped).
if command -v npm >/dev/null 2>&1 && [ ! -d tests/browser/node_modules ]; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error) || echo "setup: npm ci in tests/browser failed; the browser test will be skipped" >&2
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
