#!/usr/bin/env bash
# Take a README screenshot: the real window under Xvfb, a booking typed with xdotool.
#
#   bash tools/screenshot_window.sh [out.png] [WxH] [scale]
#
# WxH is the screen in physical pixels, scale the display scaling (QT_SCALE_FACTOR: 1, 1.25,
# 1.5). The window fills the screen, as it does maximized at a desk. For example:
#   bash tools/screenshot_window.sh resources/screenshots/main-window-1366x768@125.png 1366x768 1.25
#   bash tools/screenshot_window.sh resources/screenshots/main-window-1920x1080@150.png 1920x1080 1.5
# Needs Xvfb, xdotool, xdpyinfo (x11-utils) and import (imagemagick).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-resources/screenshots/main-window.png}"
SIZE="${2:-1366x768}"
SCALE="${3:-1}"
# Every run its own temporary folder and app home: runs side by side never share state.
# A plain assignment, so `set -e` stops here if mktemp fails (an `export "$(…)"` would not,
# and the app would then keep its data in "/home").
RUN_DIR="$(mktemp -d)"
export TMPDIR="$RUN_DIR"
export DESKTOP_APP_HOME="${DESKTOP_APP_HOME:-$TMPDIR/home}"
# A display number nobody uses.
NUM=97
while [ -e "/tmp/.X11-unix/X$NUM" ] || [ -e "/tmp/.X$NUM-lock" ]; do NUM=$((NUM + 1)); done
DISPLAY_NUM=":$NUM"
Xvfb "$DISPLAY_NUM" -screen 0 "${SIZE}x24" -nolisten tcp &
XVFB=$!
APP=""
trap 'if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; fi; kill "$XVFB" 2>/dev/null || true' EXIT
export DISPLAY="$DISPLAY_NUM" QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR="$SCALE"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
uv run desktop-app --training &
APP=$!
WIN=""
for _ in $(seq 150); do
  WIN=$(xdotool search --onlyvisible --name "Запись вне расписания|Unscheduled booking" 2>/dev/null | head -n1 || true)
  [ -n "$WIN" ] && break; sleep 0.2
done
[ -n "$WIN" ] || { echo "window did not appear" >&2; exit 1; }
W=${SIZE%x*}; H=${SIZE#*x}
xdotool windowmove "$WIN" 0 0 windowsize "$WIN" "$W" "$H"
xdotool windowfocus --sync "$WIN"
sleep 2
xdotool type --delay 40 "ГП № 1"; xdotool key Return; sleep 1
xdotool type --delay 40 "Чижов"; xdotool key Return; sleep 0.5
xdotool key plus; xdotool key Return; sleep 0.3   # the date, then the patient at the counter
xdotool key Return; sleep 0.3                      # Лебедев (the first of the roster): documents
xdotool type --delay 40 "0000202600000001"; xdotool key Tab
xdotool type --delay 40 "12041985"; xdotool key Return; sleep 1   # find the patient
xdotool key Return; sleep 2                                        # book
import -window root "$OUT"
echo "saved $OUT"
