"""Folding, tokens and words: the text rules every search in the app shares.

* Folding: case-folded, ``ё`` → ``е`` (``Озёрковская`` is found by ``озерковская``).
* A *word* of an item is a run of letters or a run of digits: ``"ГП № 3"`` has the words
  ``гп`` and ``3``; ``"410а"`` has ``410`` and ``а``; ``"врач-терапевт"`` has ``врач`` and
  ``терапевт``. Punctuation and ``№`` separate words and are never searched.
* A query's *tokens* follow the same rule, so they split on spaces and on letter↔digit
  boundaries: ``"гп3"`` → ``гп``, ``3``; ``"каб41"`` → ``каб``, ``41``. A token therefore never
  spans two words of an item, and "the token occurs in the item" means "in one of its words".
"""

from __future__ import annotations

import re

#: A run of letters (any script) or a run of digits.
_WORD = re.compile(r"[^\W\d_]+|\d+")
_NOT_ALNUM = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Case-folded, ``ё`` as ``е``: the form both sides of a comparison take."""
    return text.casefold().replace("ё", "е")


def words(text: str) -> list[str]:
    """The folded words of ``text``: runs of letters or digits, in order."""
    return _WORD.findall(fold(text))


def tokens(query: str) -> list[str]:
    """The folded tokens of a query; the same split as :func:`words`."""
    return words(query)


def compact(text: str) -> str:
    """Folded, with everything but letters and digits removed: ``"410-а"`` → ``"410а"``.

    Codes (МО code, room number) are compared in this form, so ``каб. 410а`` and ``410 а``
    name the same room.
    """
    return _NOT_ALNUM.sub("", fold(text))
