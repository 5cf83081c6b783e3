#!/usr/bin/env bash
# Build the PyInstaller bundle (DeskBooking.spec -> build_spec.py) into dist/DeskBooking and run
# its console twin with --self-test. Fails when the build fails, the self-test fails, or the
# folder grows over MAX_MB (a guard against pulling in a big Qt module by accident).
#
#     bash tools/build_and_selftest.sh
#
# CI runs this after the tests (.ci/run). The Windows build is made the same way on Windows
# (docs/WINDOWS_BUILD.md); PyInstaller does not cross-build.
set -euo pipefail
cd "$(dirname "$0")/.."

MAX_MB="${MAX_MB:-150}"
DIST="dist/DeskBooking"
REPORT_DIR="build/selftest"

# PyInstaller strips the Linux libraries with binutils' `strip` (~30 MB less); build_spec.py
# skips stripping when it is missing, and the size check below would then fail.
if ! command -v strip >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "build_and_selftest: installing binutils (strip)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends binutils
fi

mkdir -p build
echo "build_and_selftest: building $DIST"
start=$(date +%s)
if ! uv run pyinstaller --noconfirm --clean DeskBooking.spec >build/pyinstaller.log 2>&1; then
  tail -n 60 build/pyinstaller.log || true
  echo "build_and_selftest: FAIL: PyInstaller failed (full log: build/pyinstaller.log)"
  exit 1
fi
elapsed=$(( $(date +%s) - start ))
grep -E "WARNING|ERROR|build_spec:" build/pyinstaller.log || true
echo "build_and_selftest: build took ${elapsed} s"

for exe in DeskBooking DeskBooking-debug; do
  if [ ! -x "$DIST/$exe" ]; then
    echo "build_and_selftest: FAIL: $DIST/$exe is missing"
    exit 1
  fi
done

echo "build_and_selftest: running $DIST/DeskBooking-debug --self-test"
rm -rf "$REPORT_DIR"
status=0
QT_QPA_PLATFORM=offscreen "$DIST/DeskBooking-debug" --self-test --self-test-out "$REPORT_DIR" \
  || status=$?

du -sh "$DIST"
size_mb=$(( $(du -sk "$DIST" | cut -f1) / 1024 ))

if [ "$status" -ne 0 ]; then
  echo "build_and_selftest: FAIL: the self-test exited with $status"
  exit 1
fi
if [ "$size_mb" -gt "$MAX_MB" ]; then
  echo "build_and_selftest: FAIL: $DIST is ${size_mb} MB, over ${MAX_MB} MB"
  exit 1
fi
echo "build_and_selftest: OK (${size_mb} MB, built in ${elapsed} s)"
