"""Type-ahead search that ranks: tokens, keyboard-layout fallback and a per-list index (no Qt)."""

from desktop_app.search.address import AddressParts, split_address
from desktop_app.search.bulk import collector_paused
from desktop_app.search.index import (
    POSTCODE_MIN_DIGITS,
    FieldKind,
    SearchField,
    SearchIndex,
    SearchResult,
    code_field,
    postcode_field,
    region_field,
    text_field,
)
from desktop_app.search.layout import en_to_ru, other_layouts, ru_to_en
from desktop_app.search.text import compact, fold, tokens, words

__all__ = [
    "POSTCODE_MIN_DIGITS",
    "AddressParts",
    "FieldKind",
    "SearchField",
    "SearchIndex",
    "SearchResult",
    "code_field",
    "collector_paused",
    "compact",
    "en_to_ru",
    "fold",
    "other_layouts",
    "postcode_field",
    "region_field",
    "ru_to_en",
    "split_address",
    "text_field",
    "tokens",
    "words",
]
