"""A ranked type-ahead index over a list of items (clinics, doctors), free of Qt.

Each item is a row of :class:`SearchField` in a fixed order: the position is the field's weight
(earlier = more important), so every item of one list gives the same fields in the same places
(an absent field is an empty one).

Ranking (best first):

0. **Exact code**: a token (or the whole query without spaces, ``410 а``) equals one of the
   item's codes — the МО code of a clinic, the number of a room.
1. **Word starts**: every token starts a word of the item (``гп 3`` → ``ГП № 3``).
2. **Substrings**: every token occurs in the item, at least one inside a word.

Within a tier: fewer extra characters (the matched words' length beyond the tokens: ``41`` is
exactly the word ``41``, one character short of ``410``), then earlier fields (summed over the
tokens), then the alphabetical order of the items' sort keys.

Field kinds limit what may match them: digits match a *code* only from its start (nobody types
the middle of an МО code or a room number); a *postcode* only as the start of a token of at least
four digits (so ``гп 3`` never matches the postcode 169301); a *region* never matches digits.

If nothing matches, the query is tried as typed in the other keyboard layout (``ug`` → ``гп``);
the result then names the query it shows (:attr:`SearchResult.shown_for`).

How it stays fast: the index is built once per list load. It keeps the list's *vocabulary* (its
distinct words) and, for each word and field, the items holding it — as a bit set in a Python
``int`` (bit ``r`` = the item of alphabetical rank ``r``) when many items share the word, as a
sorted list otherwise. A keystroke scans the vocabulary, ORs and ANDs those bit sets (C speed,
microseconds for 100 000 items) and decodes only the bits of the rows it shows; it never loops
over the items in Python (``bench/bench_picker.py``: 100 000 doctors).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum
from typing import NamedTuple

from desktop_app.search.layout import other_layouts
from desktop_app.search.text import compact, fold, tokens, words

#: The shortest run of digits that may match a postcode (a short number is a house or a room).
POSTCODE_MIN_DIGITS = 4

# A token's match is packed into one int: level, extra characters, field (smaller is better).
_FIELD_BITS = 6
_EXTRA_BITS = 12
_MAX_FIELDS = 1 << _FIELD_BITS
_MAX_EXTRA = (1 << _EXTRA_BITS) - 1
_WORD_START = 1
_SUBSTRING = 2
#: Tokens whose matches are kept between keystrokes (the words typed so far, and a few more).
_CACHED_TOKENS = 64
#: A posting becomes a bit set when its list would take at least 1/DENSE of the set's memory.
_DENSE = 256
#: Above this many (class, class) pairs the last token is combined like the others.
_MAX_PAIRS = 20_000

_NONZERO_BYTE = re.compile(rb"[^\x00]")
_BITS_OF_BYTE: tuple[tuple[int, ...], ...] = tuple(
    tuple(bit for bit in range(8) if value >> bit & 1) for value in range(256)
)


class FieldKind(Enum):
    TEXT = "text"
    CODE = "code"
    POSTCODE = "postcode"
    REGION = "region"


class SearchField(NamedTuple):
    text: str | None
    kind: FieldKind = FieldKind.TEXT


def text_field(text: str | None) -> SearchField:
    return SearchField(text, FieldKind.TEXT)


def code_field(text: str | None) -> SearchField:
    return SearchField(text, FieldKind.CODE)


def postcode_field(text: str | None) -> SearchField:
    return SearchField(text, FieldKind.POSTCODE)


def region_field(text: str | None) -> SearchField:
    return SearchField(text, FieldKind.REGION)


class SearchResult(NamedTuple):
    """Item indices (positions in the list given to the index), best first."""

    indices: list[int]
    #: How many items match in all (``indices`` holds at most the limit asked for).
    total: int
    #: The query shown when it is not the one typed: the other keyboard layout's reading.
    shown_for: str | None = None


Key = tuple[int, int, int]  # (tier or level, extra characters, fields)


def _pack(level: int, extra: int, field_no: int) -> int:
    return (((level << _EXTRA_BITS) | min(extra, _MAX_EXTRA)) << _FIELD_BITS) | field_no


def _unpack(key: int) -> Key:
    field_no = key & (_MAX_FIELDS - 1)
    extra = (key >> _FIELD_BITS) & _MAX_EXTRA
    return key >> (_EXTRA_BITS + _FIELD_BITS), extra, field_no


def mask_of(ranks: Sequence[int], size: int) -> int:
    """The bit set of ``ranks`` (each ``< size``)."""
    if not ranks:
        return 0
    buffer = bytearray((size + 7) >> 3)
    for rank in ranks:
        buffer[rank >> 3] |= 1 << (rank & 7)
    return int.from_bytes(buffer, "little")


def ranks_of(mask: int, limit: int) -> list[int]:
    """The lowest ``limit`` members of bit set ``mask``, ascending."""
    found: list[int] = []
    if not mask or limit <= 0:
        return found
    data = mask.to_bytes((mask.bit_length() + 7) >> 3, "little")
    for hit in _NONZERO_BYTE.finditer(data):
        at = hit.start()
        base = at << 3
        found.extend(base + bit for bit in _BITS_OF_BYTE[data[at]])
        if len(found) >= limit:
            return found[:limit]
    return found


Posting = int | list[int]  # a bit set, or a short sorted list of ranks


class _TokenMatch:
    """The items one token matches, partitioned by their best key: ``(key, mask)``, best first.

    Every matching item is in exactly one class: that of the best key it has for this token.
    """

    __slots__ = ("classes", "union")

    def __init__(self, classes: list[tuple[Key, int]], union: int) -> None:
        self.classes = classes
        self.union = union


def _combine_keys(a: Key, b: Key) -> Key:
    return (max(a[0], b[0]), a[1] + b[1], a[2] + b[2])


def _combine(combos: list[tuple[Key, int]], step: list[tuple[Key, int]]) -> list[tuple[Key, int]]:
    return [
        (_combine_keys(key, own_key), both)
        for key, mask in combos
        for own_key, own in step
        if (both := mask & own)
    ]


class SearchIndex:
    """Build once per list (``SearchIndex(rows)``), then :meth:`search` on every keystroke."""

    def __init__(
        self, rows: Sequence[Sequence[SearchField]], sort_keys: Sequence[str] | None = None
    ) -> None:
        count = len(rows)
        if sort_keys is not None and len(sort_keys) != count:
            raise ValueError("one sort key per row")
        if sort_keys is None:
            order: list[int] = list(range(count))
        else:
            folded = [fold(key) for key in sort_keys]
            order = sorted(range(count), key=folded.__getitem__)
        #: rank (alphabetical position) → index in ``rows``
        self._item_of_rank = order
        self._count = count
        self._all = (1 << count) - 1
        # The same text in the same field (a speciality, a room) is split into words once.
        texts: dict[tuple[int, FieldKind, str], list[int]] = {}
        for rank, index in enumerate(order):
            row = rows[index]
            if len(row) > _MAX_FIELDS:
                raise ValueError(f"at most {_MAX_FIELDS} fields per row")
            for field_no, (text, kind) in enumerate(row):
                if text:
                    texts.setdefault((field_no, kind, text), []).append(rank)
        collected: dict[FieldKind, dict[str, dict[int, list[int]]]] = {
            kind: {} for kind in FieldKind
        }
        codes: dict[str, list[int]] = {}
        #: Fields that hold codes: digits match their words only from the start.
        self._code_fields: set[int] = set()
        for (field_no, kind, text), ranks in texts.items():
            vocabulary = collected[FieldKind.TEXT if kind is FieldKind.CODE else kind]
            for word in dict.fromkeys(words(text)):
                vocabulary.setdefault(word, {}).setdefault(field_no, []).extend(ranks)
            if kind is FieldKind.CODE:
                self._code_fields.add(field_no)
                code = compact(text)
                if code:
                    codes.setdefault(code, []).extend(ranks)
        dense_at = max(1, count // _DENSE)

        def posting(ranks: list[int]) -> Posting:
            ranks.sort()  # runs of sorted ranks, one per text: timsort merges them
            return mask_of(ranks, count) if len(ranks) >= dense_at else ranks

        self._vocabularies: dict[FieldKind, dict[str, dict[int, Posting]]] = {
            kind: {
                word: {field_no: posting(ranks) for field_no, ranks in by_field.items()}
                for word, by_field in vocabulary.items()
            }
            for kind, vocabulary in collected.items()
            if kind is not FieldKind.CODE
        }
        self._codes: dict[str, list[int]] = {code: sorted(set(r)) for code, r in codes.items()}
        self._cache: dict[str, _TokenMatch] = {}

    def __len__(self) -> int:
        return self._count

    @property
    def vocabulary_size(self) -> int:
        return sum(len(vocabulary) for vocabulary in self._vocabularies.values())

    # -- matching one token ----------------------------------------------------------------------

    def _match(self, token: str) -> _TokenMatch:
        cached = self._cache.get(token)
        if cached is not None:
            return cached
        digits = token.isdigit()
        size = len(token)
        code_fields = self._code_fields
        grouped: dict[int, list[Posting]] = {}

        def take(word: str, level: int, by_field: dict[int, Posting], *, codes: bool) -> None:
            extra = len(word) - size
            for field_no, found in by_field.items():
                if codes or field_no not in code_fields:
                    grouped.setdefault(_pack(level, extra, field_no), []).append(found)

        for word, by_field in self._vocabularies[FieldKind.TEXT].items():
            if token not in word:
                continue
            if word.startswith(token):
                take(word, _WORD_START, by_field, codes=True)
            else:
                # Inside a word: letters anywhere, digits never inside a code's number.
                take(word, _SUBSTRING, by_field, codes=not digits)
        if digits and size >= POSTCODE_MIN_DIGITS:
            for word, by_field in self._vocabularies[FieldKind.POSTCODE].items():
                if word.startswith(token):
                    take(word, _WORD_START, by_field, codes=True)
        if not digits:
            for word, by_field in self._vocabularies[FieldKind.REGION].items():
                if token in word:
                    level = _WORD_START if word.startswith(token) else _SUBSTRING
                    take(word, level, by_field, codes=True)

        count = self._count
        classes: list[tuple[Key, int]] = []
        seen = 0
        for key in sorted(grouped):
            mask = 0
            sparse: list[int] = []
            for found in grouped[key]:
                if isinstance(found, int):
                    mask |= found
                else:
                    sparse.extend(found)
            if sparse:
                mask |= mask_of(sparse, count)
            fresh = mask & ~seen
            if fresh:
                classes.append((_unpack(key), fresh))
                seen |= fresh
        match = _TokenMatch(classes, seen)
        if len(self._cache) >= _CACHED_TOKENS:
            self._cache.clear()
        self._cache[token] = match
        return match

    # -- the query -------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 300, *, other_layout: bool = True) -> SearchResult:
        """The items matching ``query``, best first (at most ``limit``), and how many match.

        An empty query lists the items in the order given. With ``other_layout``, a query that
        matches nothing is tried as typed in the other keyboard layout.
        """
        if not tokens(query):
            return SearchResult(list(range(min(limit, self._count))), self._count)
        result = self._search(query, limit)
        if result.total or not other_layout:
            return result
        for converted in other_layouts(query):
            if tokens(converted):
                again = self._search(converted, limit)
                if again.total:
                    return SearchResult(again.indices, again.total, " ".join(converted.split()))
        return result

    def _search(self, query: str, limit: int) -> SearchResult:
        toks = list(dict.fromkeys(tokens(query)))  # a repeated token adds nothing
        matches = [self._match(token) for token in toks]
        candidates = self._all
        for match in matches:
            candidates &= match.union
            if not candidates:
                return SearchResult([], 0)
        hits = self._code_mask(toks, query) & candidates
        chosen = self._ordered(matches, hits, limit, tier=0) if hits else []
        if len(chosen) < limit:
            chosen += self._ordered(matches, candidates & ~hits, limit - len(chosen))
        item_of_rank = self._item_of_rank
        return SearchResult([item_of_rank[rank] for rank in chosen], candidates.bit_count())

    def _code_mask(self, toks: list[str], query: str) -> int:
        ranks: list[int] = []
        for code in {*toks, compact(query)}:
            ranks.extend(self._codes.get(code, ()))
        return mask_of(ranks, self._count)

    @staticmethod
    def _ordered(
        matches: list[_TokenMatch], within: int, limit: int, *, tier: int | None = None
    ) -> list[int]:
        """The ranks in ``within``, best key first, alphabetical within a key (at most limit).

        Items with the same key for every token form a class; its key is the worst token's
        level (or ``tier`` for all of them: the code hits), and the sums of extra characters
        and fields. All tokens but the last are combined class by class; the last one's pairs
        are sorted by key and intersected lazily, in that order, until ``limit`` ranks are
        found.
        """
        if not within or limit <= 0:
            return []
        per_token = [
            [(key, inside) for key, mask in match.classes if (inside := mask & within)]
            for match in matches
        ]
        whole: list[tuple[Key, int]] = [((0, 0, 0), within)]
        combos = whole
        last = per_token.pop()
        for step in per_token:
            combos = _combine(combos, step)
        if len(combos) * len(last) > _MAX_PAIRS:
            combos, last = _combine(combos, last), whole
        pairs = sorted(
            (_combine_keys(key, own_key), i, j)
            for i, (key, _) in enumerate(combos)
            for j, (own_key, _) in enumerate(last)
        )
        if tier is not None:
            pairs = sorted(((tier, extra, fields), i, j) for (_, extra, fields), i, j in pairs)
        chosen: list[int] = []
        group_key: Key | None = None
        group = 0
        for key, i, j in pairs:
            if key != group_key:
                chosen += ranks_of(group, limit - len(chosen))
                if len(chosen) >= limit:
                    return chosen
                group_key, group = key, 0
            group |= combos[i][1] & last[j][1]
        chosen += ranks_of(group, limit - len(chosen))
        return chosen
