"""UI translations. Russian is the source language (it is in the code); English ships as desk_en.qm.

The .ts next to this file is what translators edit; the .qm is compiled from it by
tools/update_translations.sh and is the only file the app reads. The app calls
install_translator() once per start, after the settings are loaded, so every window built
afterwards speaks the chosen language.

Two more things follow the language:

* **Qt's own texts** (context menus of text fields, the print and file dialogs, standard
  buttons) come from Qt's catalogue ``qtbase_<lang>.qm``, shipped with PySide6 (and bundled by
  build_spec.py). Qt's source language is English, so the Russian UI loads ``qtbase_ru.qm`` and
  the English UI needs none.
* **The Qt-free core** (``desktop_app.text.translate``: weekday and month names, exercise texts,
  core messages) is pointed at ``QCoreApplication.translate``, so it speaks the UI's language
  without importing Qt.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.text import install_translate

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "ru"
#: Qt's own catalogue: the strings of QtCore, QtGui, QtWidgets and QtPrintSupport.
QT_CATALOGUE = "qtbase"
#: Qt's source language: no Qt catalogue is needed for it.
QT_SOURCE_LANGUAGE = "en"

#: Where the app keeps its translators: QCoreApplication holds only a raw pointer to an installed
#: translator, so without a Python reference PySide would delete it and the UI would fall back
#: to Russian (and Qt's own texts to English).
_ATTRIBUTE = "_desk_translator"
_QT_ATTRIBUTE = "_desk_qt_translator"


def qm_path(language: str) -> Path | None:
    """The compiled translation for `language`, from a checkout or from a PyInstaller bundle."""
    name = f"desk_{language}.qm"
    candidates = [Path(__file__).resolve().parent / name]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # build_spec.py puts the .qm files under desktop_app/i18n inside the bundle
        candidates.append(Path(bundle) / "desktop_app" / "i18n" / name)
    return next((path for path in candidates if path.is_file()), None)


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own .qm files may be: Qt's translations folder, then a bundle's copies.

    In a PyInstaller build Qt's folder is ``PySide6/Qt/translations`` (Linux, macOS) or
    ``PySide6/translations`` (Windows) under the bundle; QLibraryInfo usually finds it, the
    explicit bundle paths are the fallback when it does not (no qt.conf).
    """
    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        folders += [Path(bundle) / "PySide6" / "Qt" / "translations"]
        folders += [Path(bundle) / "PySide6" / "translations"]
    return folders


def qt_qm_path(language: str) -> Path | None:
    """Qt's own catalogue ``qtbase_<language>.qm``; None when Qt ships none (or for English)."""
    if language == QT_SOURCE_LANGUAGE:
        return None
    name = f"{QT_CATALOGUE}_{language}.qm"
    return next(
        (folder / name for folder in qt_translations_dirs() if (folder / name).is_file()), None
    )


#: The UI language last installed (``install_translator``); Russian until then.
_language = SOURCE_LANGUAGE


def ui_locale() -> QLocale:
    """The locale of the UI language, for widgets that spell dates out (weekday names in a
    QDateEdit or QCalendarWidget): Russian, or British English (a Monday-first week, as in
    Russia). Set it on the widget (``date_edit.setLocale(ui_locale())``); the application's
    default locale is left alone, so number formats do not change under the operator."""
    if _language == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Russian, QLocale.Country.Russia)


def _core_translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def install_translator(app: QCoreApplication, language: str) -> bool:
    """Make `app` translate the UI into `language`; False (and logged) if it cannot.

    "ru" needs no translator of ours: it only takes away one installed earlier, so a restart
    inside the same process after the operator switched back to Russian shows Russian again.
    Qt's own texts follow (``install_qt_translator``), and the Qt-free core is pointed at
    the application's translators. On failure the UI simply stays in Russian, which every
    operator can read, so this never raises.
    """
    global _language
    install_translate(_core_translate)
    install_qt_translator(app, language)
    previous = getattr(app, _ATTRIBUTE, None)
    if language == SOURCE_LANGUAGE:
        if previous is not None:
            app.removeTranslator(previous)
            setattr(app, _ATTRIBUTE, None)
        _language = SOURCE_LANGUAGE
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
    _language = language
    log.info("UI language %s from %s", language, path)
    return True


def install_qt_translator(app: QCoreApplication, language: str) -> bool:
    """Qt's own texts in `language` (``qtbase_ru.qm`` for Russian); False (logged) if missing.

    English is Qt's source language: any Qt catalogue installed earlier is removed. A missing
    catalogue leaves Qt's texts in English — a nuisance, not a failure — so this never raises.
    """
    previous = getattr(app, _QT_ATTRIBUTE, None)
    if previous is not None:
        app.removeTranslator(previous)
        setattr(app, _QT_ATTRIBUTE, None)
    if language == QT_SOURCE_LANGUAGE:
        return True
    path = qt_qm_path(language)
    if path is None:
        log.warning(
            "Qt's own translation %s_%s.qm not found in %s; Qt's dialogs stay English",
            QT_CATALOGUE,
            language,
            ", ".join(str(p) for p in qt_translations_dirs()),
        )
        return False
    translator = QTranslator(app)
    if not translator.load(str(path)) or not app.installTranslator(translator):
        log.warning("could not load Qt's translation %s; Qt's dialogs stay English", path)
        return False
    setattr(app, _QT_ATTRIBUTE, translator)
    return True
