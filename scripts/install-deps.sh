#!/usr/bin/env bash
# Installs every Debian 12 package Vakt needs to build, run and test (and, with --bench, to
# run the benchmarks). Idempotent: packages that
# are already present are skipped, and nothing is done when all are there. Works as root or via sudo.
set -euo pipefail

packages=(
  # build
  cmake ninja-build g++ pkg-config git openssl gzip
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev qt6-charts-dev
  libqt6sql6-sqlite libqt6sql6-psql libqt6opengl6-dev libxkbcommon-dev libgl-dev
  libsqlite3-dev libssl-dev libpq-dev libyaml-cpp-dev zlib1g-dev libboost-graph-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev
  # run and test
  sqlite3 xvfb xauth fonts-dejavu-core tzdata postgresql postgresql-client strace
  prometheus prometheus-node-exporter curl graphviz python3-openpyxl
  # reports are checked in the readers their users have: pdftotext/pdftoppm and LibreOffice
  poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui
)
# --bench adds what the benchmarks compare against: Go and Prometheus's own expfmt parser.
if [ "${1:-}" = "--bench" ]; then
  packages+=(golang-go golang-github-prometheus-common-dev time eatmydata python3-networkx)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages are present"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo_cmd=()
elif command -v sudo >/dev/null 2>&1; then
  sudo_cmd=(sudo)
else
  echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
