#!/usr/bin/env bash
# Take the README screenshot: the real window under Xvfb, a booking typed with xdotool.
# Usage: bash tools/screenshot_window.sh [out.png] [WxH]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-resources/screenshots/main-window.png}"
SIZE="${2:-1366x768}"
DISPLAY_NUM=":97"
export DESKTOP_APP_HOME="${DESKTOP_APP_HOME:-$(mktemp -d)}"
Xvfb "$DISPLAY_NUM" -screen 0 "${SIZE}x24" -nolisten tcp &
XVFB=$!
trap 'kill $APP $XVFB 2>/dev/null || true' EXIT
export DISPLAY="$DISPLAY_NUM" QT_QPA_PLATFORM=xcb
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
uv run desktop-app --training &
APP=$!
WIN=""
for _ in $(seq 100); do
  WIN=$(xdotool search --onlyvisible --name "Запись вне расписания|Unscheduled booking" 2>/dev/null | head -n1 || true)
  [ -n "$WIN" ] && break; sleep 0.2
done
[ -n "$WIN" ] || { echo "window did not appear" >&2; exit 1; }
W=${SIZE%x*}; H=${SIZE#*x}
xdotool windowmove "$WIN" 0 0 windowsize "$WIN" "$W" "$H"
xdotool windowfocus --sync "$WIN"
sleep 1.5
xdotool type --delay 40 "ГП № 1"; xdotool key Return; sleep 1
xdotool type --delay 40 "Чижов"; xdotool key Return; sleep 0.5
xdotool key plus; xdotool key ctrl+Return; sleep 2
import -window root "$OUT"
echo "saved $OUT"
