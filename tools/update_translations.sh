#!/usr/bin/env bash
# Refresh the English translation after UI strings change.
#
#   bash tools/update_translations.sh
#
# 1. pyside6-lupdate re-reads every desktop_app/ui/**/*.py and MERGES into desktop_app/i18n/desk_en.ts:
#    existing translations are kept, new strings come in as type="unfinished", strings that left
#    the code are dropped (-no-obsolete) so the file holds only what the UI can show.
# 2. pyside6-lrelease compiles desk_en.qm, the file the app actually loads. Unfinished messages are
#    left out of it, so the UI falls back to the Russian source text for them.
# 3. Prints how many messages still need a translator; tests/i18n fails until that is 0.
#
# Translate in Qt Linguist (uv run pyside6-linguist desktop_app/i18n/desk_en.ts) or by hand in the
# .ts (remove type="unfinished" when done), then run this script again and commit both files.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=".venv/bin"
LUPDATE="$BIN/pyside6-lupdate"
LRELEASE="$BIN/pyside6-lrelease"
PYTHON="$BIN/python"
if [ ! -x "$LUPDATE" ]; then  # e.g. Windows (.venv/Scripts): let uv find the tools
  LUPDATE="uv run pyside6-lupdate"
  LRELEASE="uv run pyside6-lrelease"
  PYTHON="uv run python"
fi

TS="desktop_app/i18n/desk_en.ts"
QM="desktop_app/i18n/desk_en.qm"
shopt -s globstar nullglob
# Every UI module in every feature folder, listed file by file (tests and tools stay out), and
# the Qt-free core's translatable texts (desktop_app.text.translate / QT_TRANSLATE_NOOP).
SOURCES=(desktop_app/ui/**/*.py desktop_app/text/*.py desktop_app/training/exercises.py desktop_app/training/progress.py
  desktop_app/booking/cancel.py desktop_app/settings/*.py desktop_app/journal/shift_journal.py desktop_app/logs.py)

$LUPDATE -extensions py -no-obsolete -locations absolute \
  -source-language ru -target-language en \
  "${SOURCES[@]}" -ts "$TS"
# lupdate reads a Python "#:" comment as a note for the translator, but here "#:" documents module
# and class attributes (Sphinx style), so those notes end up on unrelated strings. Drop them: they
# mislead translators and churn the .ts whenever a docstring-comment changes. (.qm is unaffected.)
$PYTHON - "$TS" <<'PY'
import re, sys
path = sys.argv[1]
with open(path, encoding="utf-8", newline="") as handle:
    text = handle.read()
text = re.sub(r"\n[ \t]*<extracomment>.*?</extracomment>", "", text, flags=re.S)
with open(path, "w", encoding="utf-8", newline="") as handle:
    handle.write(text)
PY
$LRELEASE "$TS" -qm "$QM"

unfinished=$(grep -c 'type="unfinished"' "$TS" || true)
total=$(grep -c '<message' "$TS" || true)
echo "messages: $total, unfinished: $unfinished"
if [ "$unfinished" -gt 0 ]; then
  echo "translate the unfinished messages in $TS, then run this script again" >&2
fi
