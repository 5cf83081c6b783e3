"""UI translations. Russian is the source language (it is in the code); English ships as desk_en.qm.

The .ts next to this file is what translators edit; the .qm is compiled from it by
tools/update_translations.sh and is the only file the app reads. The app calls
install_translator() once per start, after the settings are loaded, so every window built
afterwards speaks the chosen language.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "ru"

#: Where the app keeps its translator: QCoreApplication holds only a raw pointer to an installed
#: translator, so without a Python reference PySide would delete it and the UI would fall back
#: to Russian.
_ATTRIBUTE = "_desk_translator"


def qm_path(language: str) -> Path | None:
    """The compiled translation for `language`, from a checkout or from a PyInstaller bundle."""
    name = f"desk_{language}.qm"
    candidates = [Path(__file__).resolve().parent / name]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # build_spec.py puts the .qm files under desktop_app/i18n inside the bundle
        candidates.append(Path(bundle) / "desktop_app" / "i18n" / name)
    return next((path for path in candidates if path.is_file()), None)


def install_translator(app: QCoreApplication, language: str) -> bool:
    """Make `app` translate the UI into `language`; False (and logged) if it cannot.

    "ru" needs no translator: it only takes away one installed earlier, so a restart inside the
    same process after the operator switched back to Russian shows Russian again. On failure the
    UI simply stays in Russian, which every operator can read, so this never raises.
    """
    previous = getattr(app, _ATTRIBUTE, None)
    if language == SOURCE_LANGUAGE:
        if previous is not None:
            app.removeTranslator(previous)
            setattr(app, _ATTRIBUTE, None)
        return True
    path = qm_path(language)
    if path is None:
        log.error(
            "no translation for language %r (desk_%s.qm not found); the UI stays Russian",
            language,
            language,
        )
        return False
    translator = QTranslator(app)
    if not translator.load(str(path)):
        log.error("could not load the translation %s; the UI stays Russian", path)
        return False
    if not app.installTranslator(translator):
        log.error("Qt refused the translation %s; the UI stays as it was", path)
        return False
    if previous is not None:
        app.removeTranslator(previous)
    setattr(app, _ATTRIBUTE, translator)
    log.info("UI language %s from %s", language, path)
    return True
