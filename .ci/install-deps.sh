#!/usr/bin/env bash
# Installs the Debian 12 packages that berkas needs to build, test and run.
# Idempotent: installs only what is missing. Works as root without sudo.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng tesseract-ocr-osd
  libpoppler-cpp-dev poppler-utils libqpdf-dev libpodofo-dev libhpdf-dev libqrencode-dev libzxing-dev
  libyaml-cpp-dev libexpected-dev libsqlite3-dev sqlite3 nlohmann-json3-dev libcli11-dev libkainjow-mustache-dev
  libssl-dev libgtest-dev libgmock-dev
  libcurl4-openssl-dev libxlsxwriter-dev
  fonts-liberation2 fonts-dejavu-core
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

run_as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then run_as_root=(sudo); else
    echo "berkas: these packages are missing and installing them needs root: ${missing[*]}" >&2
    exit 1
  fi
fi
echo "berkas: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${run_as_root[@]}" apt-get update -qq
"${run_as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
