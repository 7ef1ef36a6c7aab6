#!/usr/bin/env bash
# Builds klima's .deb with CPack, installs it (dpkg -i), runs `klima --version` and the
# README's first command from an empty folder with nothing but the package, and removes the
# package again (also on failure). Run as root (or with sudo) from anywhere; .ci/run calls it.
# Builds only the klima target in build/ (BUILD_DIR to change), so it is quick after a build.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

if dpkg -s klima >/dev/null 2>&1; then
  echo "check-deb: a klima package is installed already; remove it first (dpkg -r klima)" >&2
  exit 1
fi
[ -f "$build/CMakeCache.txt" ] || cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target klima -j2 >/dev/null
rm -f "$build"/klima_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/klima_*.deb)

tmp=$(mktemp -d)
cleanup() {
  $sudo dpkg -r klima >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
$sudo dpkg -i "$deb" >/dev/null

cd "$tmp"
fail() {
  echo "check-deb: $*" >&2
  exit 1
}
# Neither the environment nor the source tree may help: the data must come from the package.
version=$(env -u KLIMA_DATA_DIR /usr/bin/klima --version)
grep -qx "data: /usr/share/klima/data (installed next to the binary)" <<<"$version" ||
  fail "klima --version does not name the installed data: $version"
env -u KLIMA_DATA_DIR /usr/bin/klima report --scenario /usr/share/klima/scenarios/koege-plan.json --year 2023 \
  >report.md || fail "the README's first command failed from an empty folder"
grep -q "2023" report.md || fail "the report does not name 2023"
[ "$(ls -A)" = "report.md" ] || fail "klima wrote files into the working folder: $(ls -A)"
echo "check-deb: $(basename "$deb") installs, finds /usr/share/klima/data and prints the Køge report"
