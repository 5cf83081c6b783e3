#!/usr/bin/env bash
# A real CUPS print queue for the real-queue print test (tests/printing/test_cups_queue.py).
#
# Installs cups + cups-pdf (Debian: printer-driver-cups-pdf) and, best effort, tesseract with
# Russian for the test's OCR check; starts cupsd when it is not running (no systemd needed);
# creates the "PDF" queue (default destination) and points cups-pdf's output at
# /var/spool/cups-pdf/<user> for every submitting user, root included.
#
# Idempotent, non-interactive, every wait bounded. All progress goes to stderr; the ONLY line on
# stdout is the output directory for jobs submitted by the user running this script, e.g.
#   bash tools/setup_cups_pdf.sh > .ci-home/cups-pdf-dir.txt
# Exit 0 on success, non-zero with an "ERROR: ..." line on stderr otherwise.
#
# A second queue, "PDF58", is a cups-pdf queue whose PPD offers only 58 mm roll paper (a copy of
# cups-pdf's PPD with every page size replaced by one 58 x 200 mm size, custom sizes at most
# 58 mm wide): the slip layout is picked from the paper a queue reports, and the real-queue tests
# of paused and rejecting queues (cupsdisable/cupsreject) run on it, never on the shared "PDF".
#
# Environment: CUPS_PDF_OCR=0 skips the tesseract packages.
set -euo pipefail

QUEUE=PDF
QUEUE58=PDF58
PPD58=/etc/cups/ppd-templates/CUPS-PDF_roll58.ppd
PPD=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
CONF=/etc/cups/cups-pdf.conf
OUT_BASE=/var/spool/cups-pdf
SCHEDULER_TIMEOUT_S=20

export LC_ALL=C  # lpstat's messages are parsed below; never localised ones
export DEBIAN_FRONTEND=noninteractive
start=$SECONDS

say() { echo "setup_cups_pdf: $*" >&2; }
die() { echo "setup_cups_pdf: ERROR: $*" >&2; exit 1; }

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || die "not root and no sudo"
  SUDO=(sudo -n)  # never prompts: fails instead
fi
as_root() { "${SUDO[@]}" "$@"; }

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

APT_OPTS=(-y -qq --no-install-recommends -o DPkg::Lock::Timeout=120
          -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
APT_LOG=$(mktemp /tmp/setup_cups_pdf.apt.XXXXXX)
trap 'rm -f "$APT_LOG"' EXIT
apt_updated=0
apt_install() {  # apt_install PKG...: installs the missing ones; returns non-zero on failure
  local missing=() p
  for p in "$@"; do installed "$p" || missing+=("$p"); done
  [ "${#missing[@]}" -eq 0 ] && return 0
  say "installing ${missing[*]}"
  # apt's chatter goes to a log that is shown only when something fails.
  if [ "$apt_updated" -eq 0 ]; then
    if ! timeout 300 "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get update -qq >"$APT_LOG" 2>&1; then
      tail -n 20 "$APT_LOG" >&2
      return 1
    fi
    apt_updated=1
  fi
  if ! timeout 600 "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get install "${APT_OPTS[@]}" "${missing[@]}" >"$APT_LOG" 2>&1; then
    tail -n 20 "$APT_LOG" >&2
    return 1
  fi
}

# --- 1. packages -------------------------------------------------------------------------------
# "cups-pdf" is only a virtual name on Debian 12; the real package is printer-driver-cups-pdf.
apt_install cups cups-client printer-driver-cups-pdf \
  || die "could not install cups and printer-driver-cups-pdf with apt-get"
if [ "${CUPS_PDF_OCR:-1}" != 0 ]; then
  apt_install tesseract-ocr tesseract-ocr-rus \
    || say "warning: tesseract-ocr-rus not installed; the test's OCR check will be skipped"
fi
for f in /usr/sbin/cupsd /usr/sbin/lpadmin /usr/bin/lpstat /usr/lib/cups/backend/cups-pdf "$PPD"; do
  [ -e "$f" ] || die "$f missing after installing the packages"
done

# --- 2. the scheduler --------------------------------------------------------------------------
scheduler_up() {
  local answer
  answer=$(timeout 5 lpstat -r 2>/dev/null) || true
  [ "$answer" = "scheduler is running" ]
}

live_cupsd() {  # a cupsd process that is not a zombie (a killed one may linger as one here)
  local pid state
  for pid in $(pgrep -x cupsd 2>/dev/null); do
    state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) || continue
    [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ] && return 0
  done
  return 1
}

if scheduler_up; then
  say "cupsd already running"
else
  if live_cupsd; then
    say "a cupsd process exists but does not answer yet; waiting for it"
  else
    say "starting cupsd"
    as_root mkdir -p /run/cups
    # Without -f cupsd detaches itself (there is no systemd here to start it). -f with & would
    # tie it to this shell's job control and, under CI's "no stdin", to our stdout pipe.
    timeout 15 "${SUDO[@]}" /usr/sbin/cupsd </dev/null >/dev/null 2>&1 \
      || die "cupsd failed to start; see /var/log/cups/error_log"
  fi
  deadline=$((SECONDS + SCHEDULER_TIMEOUT_S))
  until scheduler_up; do
    [ "$SECONDS" -lt "$deadline" ] \
      || die "cupsd not answering after ${SCHEDULER_TIMEOUT_S} s; see /var/log/cups/error_log"
    sleep 0.5
  done
  say "cupsd is running"
fi

# --- 3. cups-pdf's output directory ------------------------------------------------------------
# Debian's default "Out ${HOME}/PDF" depends on each user's home; one fixed parent for every
# user (root included) makes the place deterministic. cups-pdf reads this file for every job,
# so no restart is needed.
want="Out ${OUT_BASE}/\${USER}"
if ! grep -qx "$want" "$CONF"; then
  say "setting '$want' in $CONF"
  if grep -qE '^[[:space:]]*Out[[:space:]]' "$CONF"; then
    as_root sed -i -E "s|^[[:space:]]*Out[[:space:]].*|${want}|" "$CONF"
  else
    echo "$want" | as_root tee -a "$CONF" >/dev/null
  fi
fi

# --- 4. the queue ------------------------------------------------------------------------------
if timeout 10 lpstat -p "$QUEUE" >/dev/null 2>&1; then
  say "queue $QUEUE exists"
else
  say "creating queue $QUEUE"
  # -P with the PPD file works whether or not cups-driverd lists "lsb/usr/cups-pdf/...".
  # CUPS 2.4 warns that PPDs are deprecated; that warning is harmless.
  timeout 30 "${SUDO[@]}" lpadmin -p "$QUEUE" -E -v cups-pdf:/ -P "$PPD" 2>&1 \
    | grep -v -i 'deprecated' >&2 || true
  timeout 10 lpstat -p "$QUEUE" >/dev/null 2>&1 || die "lpadmin could not create queue $QUEUE"
fi
# A failed job must not stop the queue for the next one; enabled and accepting every time.
timeout 30 "${SUDO[@]}" lpadmin -p "$QUEUE" -o printer-error-policy=abort-job >&2 \
  || die "lpadmin could not configure queue $QUEUE"
timeout 10 "${SUDO[@]}" cupsenable "$QUEUE" >&2 || die "cupsenable $QUEUE failed"
timeout 10 "${SUDO[@]}" cupsaccept "$QUEUE" >&2 || die "cupsaccept $QUEUE failed"
timeout 10 "${SUDO[@]}" lpadmin -d "$QUEUE" >&2 || die "lpadmin -d $QUEUE failed"

# --- 4b. the 58 mm-only queue -----------------------------------------------------------------
# 58 mm = 164.4 pt; the default sheet is 58 x 200 mm, custom sizes up to 58 mm wide (a roll is
# cut to the slip's length). Rewritten every run: the PPD is derived, never edited by hand.
ppd58_tmp=$(mktemp /tmp/setup_cups_pdf.ppd.XXXXXX)
awk '
  /^\*(PageSize|PageRegion|ImageableArea|PaperDimension) / { next }
  /^\*ParamCustomPageSize Width:/ { print "*ParamCustomPageSize Width: 1 points 36 165"; next }
  /^\*MaxMediaWidth:/ { print "*MaxMediaWidth: 165"; next }
  /^\*NickName:/ { print "*NickName: \"Generic CUPS-PDF Printer, 58 mm roll\""; next }
  /^\*ShortNickName:/ { print "*ShortNickName: \"CUPS-PDF 58 mm roll\""; next }
  /^\*DefaultPageSize:/ { print "*DefaultPageSize: Roll58"
    print "*PageSize Roll58/58 mm roll: \"<</PageSize[164 567]/ImagingBBox null>>setpagedevice\""
    next }
  /^\*DefaultPageRegion:/ { print "*DefaultPageRegion: Roll58"
    print "*PageRegion Roll58/58 mm roll: \"<</PageSize[164 567]/ImagingBBox null>>setpagedevice\""
    next }
  /^\*DefaultImageableArea:/ { print "*DefaultImageableArea: Roll58"
    print "*ImageableArea Roll58/58 mm roll: \"0 0 164 567\""; next }
  /^\*DefaultPaperDimension:/ { print "*DefaultPaperDimension: Roll58"
    print "*PaperDimension Roll58/58 mm roll: \"164 567\""; next }
  { print }
' "$PPD" >"$ppd58_tmp" || die "could not derive the 58 mm PPD from $PPD"
grep -q '^\*DefaultPageSize: Roll58' "$ppd58_tmp" || die "58 mm PPD has no Roll58 default"
as_root mkdir -p "$(dirname "$PPD58")"
as_root install -m 0644 "$ppd58_tmp" "$PPD58"
rm -f "$ppd58_tmp"
if timeout 10 lpstat -p "$QUEUE58" >/dev/null 2>&1; then
  say "queue $QUEUE58 exists; refreshing its PPD"
else
  say "creating queue $QUEUE58 (58 mm roll only)"
fi
timeout 30 "${SUDO[@]}" lpadmin -p "$QUEUE58" -E -v cups-pdf:/ -P "$PPD58" 2>&1 \
  | grep -v -i 'deprecated' >&2 || true
timeout 10 lpstat -p "$QUEUE58" >/dev/null 2>&1 || die "lpadmin could not create queue $QUEUE58"
timeout 30 "${SUDO[@]}" lpadmin -p "$QUEUE58" -o printer-error-policy=abort-job >&2 \
  || die "lpadmin could not configure queue $QUEUE58"
# A test that stopped or rejected it and died before restoring it must not spoil the next run.
timeout 10 "${SUDO[@]}" cupsenable "$QUEUE58" >&2 || die "cupsenable $QUEUE58 failed"
timeout 10 "${SUDO[@]}" cupsaccept "$QUEUE58" >&2 || die "cupsaccept $QUEUE58 failed"

# --- 5. the directory for this user ------------------------------------------------------------
user=$(id -un)
outdir="${OUT_BASE}/${user}"
# cups-pdf creates it on the first job; creating it now lets the test watch it from the start.
as_root mkdir -p "$outdir"
as_root chown "$user" "$outdir"
as_root chmod 0700 "$outdir"
say "queues $QUEUE and $QUEUE58 ready; output for user $user in $outdir ($((SECONDS - start)) s)"
echo "$outdir"
