"""Translation for the Qt-free core, without Qt: a hook the UI fills at start-up.

The core (exercise texts, weekday and month names, core messages) is written in Russian, like
the UI. It must not import Qt, yet in the English UI it must speak English. So it calls
:func:`translate` — the identity until the UI installs a real translator with
:func:`install_translate` (``desktop_app.i18n.install_translator`` installs one backed by
``QCoreApplication.translate``, so the core's messages live in the same desk_en.ts as the UI's).

Marking strings for ``pyside6-lupdate`` (which reads the calls by name, also in core files):

* ``translate("Context", "Текст")`` where the text is shown — looked up at that moment;
* ``QT_TRANSLATE_NOOP("Context", "Текст")`` for a constant defined before any translator
  exists (a module-level table): it returns the text unchanged and only tells lupdate about it;
  the code translates the constant where it shows it, ``translate("Context", CONSTANT)``.

Keep placeholders as ``{0}``/``{name}`` and format after translating
(``translate("Ctx", "с {0}").format(x)``), never inside an f-string: lupdate reads literals only.
Documents a patient or a clinic keeps (the slip, the printed day list) and the sandbox's server
answers stay Russian: they use the ``*_ru`` helpers of :mod:`desktop_app.text.ru`, not these.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

__all__ = [
    "QT_TRANSLATE_NOOP",
    "LaterText",
    "Translate",
    "in_ui_language",
    "install_translate",
    "translate",
]

log = logging.getLogger(__name__)

#: ``(context, source text) -> text in the UI language``.
Translate = Callable[[str, str], str]

_lock = threading.Lock()
_installed: Translate | None = None


def install_translate(function: Translate | None) -> Translate | None:
    """Route :func:`translate` through ``function`` (None: back to the identity).

    Returns the function installed before, so a test can put it back.
    """
    global _installed
    with _lock:
        previous, _installed = _installed, function
    return previous


def translate(context: str, text: str) -> str:
    """``text`` in the UI's language (the Russian source when no translation is installed or
    known). Never raises: a translator that fails is logged and the source text is shown."""
    function = _installed
    if function is None or not text:
        return text
    try:
        result = function(context, text)
    except Exception:  # a translation must never take a screen down
        log.exception("translation of %r in %s failed; shown untranslated", text, context)
        return text
    return result if isinstance(result, str) and result else text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate under ``context``; returns it unchanged (translate it later)."""
    return text


class LaterText(str):
    """A core message formed before the UI's language is known, translated when it is shown.

    The settings file's notice is the case: it is written while the settings (and with them the
    language) are being read, before any translator exists. The value is the Russian text (what
    the log and the tests read); :func:`in_ui_language` gives it in the UI's language later.
    ``source`` is a constant marked with ``QT_TRANSLATE_NOOP(context, …)``; arguments that are
    themselves ``LaterText`` (a reason inside a sentence) are translated too.
    """

    context: str
    source: str
    arguments: dict[str, object]

    def __new__(cls, context: str, source: str, **arguments: object) -> LaterText:
        text = super().__new__(cls, source.format(**{k: str(v) for k, v in arguments.items()}))
        text.context, text.source, text.arguments = context, source, dict(arguments)
        return text

    def translated(self) -> str:
        values = {
            k: in_ui_language(v) if isinstance(v, str) else v for k, v in self.arguments.items()
        }
        try:
            return translate(self.context, self.source).format(**values)
        except (KeyError, IndexError, ValueError):  # a translation with broken placeholders
            log.error("translation of %r in %s has bad placeholders", self.source, self.context)
            return str(self)


def in_ui_language(text: str) -> str:
    """``text`` as the operator should read it now: a :class:`LaterText` translated, any other
    text unchanged."""
    return text.translated() if isinstance(text, LaterText) else text
