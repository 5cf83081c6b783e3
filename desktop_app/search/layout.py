"""The wrong keyboard layout: text typed on the same physical keys in the other layout.

An operator who forgets to switch from the EN layout types ``ug`` for ``гп``; one who forgets to
switch back types ``rfhlbjkju`` for ``кардиолог``, or ``ькш`` for ``mri``. The maps below are the
standard Windows and X11 layouts (US QWERTY and Russian ЙЦУКЕН) key by key, so the conversion is
exact, including the punctuation keys that carry letters in the Russian layout (``[`` is ``х``,
``;`` is ``ж``, ``,`` is ``б`` …).
"""

from __future__ import annotations

_EN = "`qwertyuiop[]asdfghjkl;'zxcvbnm,./" + '~QWERTYUIOP{}ASDFGHJKL:"ZXCVBNM<>?'
_RU = "ёйцукенгшщзхъфывапролджэячсмитьбю." + "ЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,"

_EN_TO_RU = str.maketrans(_EN, _RU)
# The Russian "." and "," sit on two keys each (".": the "/" key, and "," with Shift): the
# reverse map takes the unshifted key.
_RU_TO_EN = str.maketrans({ru: en for en, ru in reversed(list(zip(_EN, _RU, strict=True)))})

_LATIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def en_to_ru(text: str) -> str:
    """``ug`` → ``гп``: what the same keys type in the Russian layout."""
    return text.translate(_EN_TO_RU)


def ru_to_en(text: str) -> str:
    """``ькш`` → ``mri``: what the same keys type in the US layout."""
    return text.translate(_RU_TO_EN)


def other_layouts(text: str) -> list[str]:
    """The query as typed in the other layout(s), most likely first; none differ: ``[]``.

    Latin letters suggest the EN layout was on by mistake (tried in Russian first); Cyrillic
    letters suggest the opposite. Digits and spaces are the same on both layouts.
    """
    has_latin = any(ch in _LATIN for ch in text)
    has_cyrillic = any("а" <= ch.lower() <= "я" or ch in "ёЁ" for ch in text)
    candidates: list[str] = []
    if has_latin:
        candidates.append(en_to_ru(text))
    if has_cyrillic:
        candidates.append(ru_to_en(text))
    return [c for c in dict.fromkeys(candidates) if c != text]
