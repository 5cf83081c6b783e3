"""The ranked search (``desktop_app.search``), without Qt: tokens, ranking, layouts, addresses.

The index works on bit sets and posting lists; a plain reference ranker written straight from
the rules (one loop per item, per token, per word) checks it on generated directories.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.api import Clinic, Resource
from desktop_app.sandbox import Sandbox, generate_directory
from desktop_app.search import (
    FieldKind,
    SearchField,
    SearchIndex,
    code_field,
    compact,
    en_to_ru,
    fold,
    other_layouts,
    postcode_field,
    region_field,
    ru_to_en,
    split_address,
    text_field,
    tokens,
    words,
)
from desktop_app.search import index as index_module

ROOT = Path(__file__).resolve().parents[2]


def test_search_and_slip_content_import_no_qt() -> None:
    code = (
        "import sys, desktop_app.search, desktop_app.printing\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=60)


# -- the rows the desk builds (the same fields as desktop_app.ui.desk.directory) -----------------


def clinic_row(c: Clinic) -> list[SearchField]:
    parts = split_address(c.address)
    short = c.fer_name or c.name or ""
    names = " ".join(n for n in (c.name, c.full_name) if n and n != short)
    return [
        text_field(short),
        code_field(c.mcod),
        text_field(parts.street),
        text_field(names),
        text_field(" ".join(p for p in (parts.locality, parts.district) if p)),
        region_field(parts.region),
        postcode_field(parts.postcode),
        code_field(c.fcod),
    ]


def resource_row(r: Resource) -> list[SearchField]:
    return [
        text_field(r.fio),
        text_field(r.speciality),
        code_field(r.room),
        code_field(f"кабинет {r.room}" if r.room else None),
        text_field(r.doctor_role),
    ]


@pytest.fixture(scope="module")
def clinics() -> list[Clinic]:
    return [Clinic.model_validate(c) for c in Sandbox().clinics()]


@pytest.fixture(scope="module")
def clinic_index(clinics) -> SearchIndex:
    return SearchIndex([clinic_row(c) for c in clinics], [c.fer_name or "" for c in clinics])


def names(clinics, result) -> list[str]:
    return [clinics[i].fer_name for i in result.indices]


# -- tokens and words ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("гп 3", ["гп", "3"]),
        ("гп3", ["гп", "3"]),
        ("каб41", ["каб", "41"]),
        ("каб. 41", ["каб", "41"]),
        ("ГП № 3", ["гп", "3"]),
        ("410а", ["410", "а"]),
        ("Озёрки", ["озерки"]),
        ("врач-терапевт", ["врач", "терапевт"]),
        ("  ", []),
    ],
)
def test_tokens_split_on_spaces_and_letter_digit_boundaries(query, expected) -> None:
    assert tokens(query) == expected


def test_words_fold_and_compact_codes() -> None:
    assert words("ГП № 3 — ул. Ленина, 5") == ["гп", "3", "ул", "ленина", "5"]
    assert fold("ЁЛКА") == "елка"
    assert compact("каб. 410-А") == "каб410а"


# -- ranking on the sandbox's clinics ------------------------------------------------------------


def test_gp_3_ranks_gp_3_first_and_never_gp_1_by_its_postcode(clinics, clinic_index) -> None:
    gp1 = next(c for c in clinics if c.fer_name == "ГП № 1")
    assert gp1.address and gp1.address.startswith("169301")  # the "3" of the issue
    for query in ("гп 3", "гп3", "ГП №3", "гп  3 "):
        found = names(clinics, clinic_index.search(query))
        assert found[0] == "ГП № 3", (query, found)
        assert "ГП № 1" not in found, (query, found)


def test_postcode_matches_only_four_digits_or_more_from_its_start(clinics, clinic_index) -> None:
    assert clinic_index.search("169").total == 0
    four = clinic_index.search("1693")
    assert four.total == sum(1 for c in clinics if (c.address or "").startswith("1693"))
    exact = names(clinics, clinic_index.search("169455"))
    assert exact == ["Озёрковская УБ"]
    assert clinic_index.search("9455").total == 0  # not from the start


def test_mcod_equal_comes_first_and_digits_match_codes_from_their_start(
    clinics, clinic_index
) -> None:
    gp3 = next(c for c in clinics if c.fer_name == "ГП № 3")
    assert gp3.mcod
    assert names(clinics, clinic_index.search(gp3.mcod))[0] == "ГП № 3"
    assert "ГП № 3" in names(clinics, clinic_index.search(gp3.mcod[:4]))
    assert clinic_index.search(gp3.mcod[2:]).total == 0  # the middle of a code finds nothing


def test_case_yo_street_and_official_names(clinics, clinic_index) -> None:
    assert names(clinics, clinic_index.search("озерковская")) == ["Озёрковская УБ"]
    assert names(clinics, clinic_index.search("СТРОИТЕЛЕЙ")) == ["ГП № 3"]
    assert names(clinics, clinic_index.search("детская"))[0] == "ДГП № 2"


def test_wrong_keyboard_layout_is_tried_when_nothing_matches(clinics, clinic_index) -> None:
    result = clinic_index.search("ug")  # гп on the EN layout
    assert result.shown_for == "гп"
    assert names(clinics, result)[:3] == ["ГП № 1", "ГП № 3", "ГП № 5"]
    assert clinic_index.search("ug 3").shown_for == "гп 3"
    assert names(clinics, clinic_index.search("ug 3"))[0] == "ГП № 3"
    plain = clinic_index.search("гп")
    assert plain.shown_for is None
    assert clinic_index.search("ug", other_layout=False).total == 0
    assert clinic_index.search("qqqq").total == 0  # йййй: nothing either way


def test_empty_query_lists_everything_in_the_given_order(clinics, clinic_index) -> None:
    result = clinic_index.search("  ")
    assert result.indices == list(range(len(clinics)))
    assert result.total == len(clinics)
    assert clinic_index.search("", limit=3).indices == [0, 1, 2]


# -- ranking rules on small hand-made lists -------------------------------------------------------


def rooms_index(rooms: list[str]) -> SearchIndex:
    rows = [[text_field("Врач"), code_field(r), code_field(f"кабинет {r}")] for r in rooms]
    return SearchIndex(rows, [f"Врач {r}" for r in rooms])


def test_kab_41_lists_41_before_410a_418_419() -> None:
    rooms = ["419", "418", "410а", "41", "141", "241а"]
    index = rooms_index(rooms)
    for query in ("каб 41", "каб41", "41", "каб. 41"):
        found = [rooms[i] for i in index.search(query).indices]
        assert found[0] == "41", (query, found)
        # 410а, 418, 419 start with 41 (one extra character each, then alphabetical);
        # 141 and 241а hold 41 inside a room number: not a match for digits.
        assert found == ["41", "410а", "418", "419"], (query, found)


def test_exact_word_beats_a_prefix_without_codes() -> None:
    rows = [[text_field(name)] for name in ("Кабинет № 410", "Кабинет № 41", "Кабинет № 4")]
    index = SearchIndex(rows, ["a", "b", "c"])
    assert index.search("41").indices == [1, 0]
    assert index.search("кабинет 4").indices == [2, 1, 0]


def test_room_with_a_letter_is_a_code_as_typed_with_or_without_a_space() -> None:
    rooms = ["410", "410а", "410б"]
    index = rooms_index(rooms)
    # "а" alone also occurs inside "кабинет": the others follow, the room itself leads.
    assert rooms[index.search("410а").indices[0]] == "410а"
    assert rooms[index.search("410 а").indices[0]] == "410а"
    assert [rooms[i] for i in index.search("410").indices] == ["410", "410а", "410б"]


def test_word_starts_beat_substrings_then_extra_characters_fields_alphabet() -> None:
    rows = [
        [text_field("Иваненко"), text_field("хирург")],  # start, 5 extra, field 0
        [text_field("Сиваков"), text_field("терапевт")],  # inside a word: last
        [text_field("Петров"), text_field("Иванова")],  # start, 4 extra, field 1
        [text_field("Иванов"), text_field("терапевт")],  # start, 3 extra, field 0
        [text_field("Ивановский"), text_field("хирург")],  # start, 7 extra
    ]
    index = SearchIndex(rows, ["Иваненко", "Сиваков", "Петров", "Иванов", "Ивановский"])
    assert index.search("ива").indices == [3, 2, 0, 4, 1]
    same = [[text_field("Б"), text_field("Иванов")], [text_field("Иванов"), text_field("А")]]
    assert SearchIndex(same, ["а", "б"]).search("иванов").indices == [1, 0]  # field 0 first
    twins = [[text_field("Иванов")], [text_field("Иванов")]]
    assert SearchIndex(twins, ["Иванов Б", "Иванов А"]).search("иванов").indices == [1, 0]


def test_region_never_matches_digits_and_postcode_needs_four() -> None:
    rows = [
        [text_field("Клиника"), region_field("Регион 3"), postcode_field("300300")],
        [text_field("Клиника № 3"), region_field("Регион"), postcode_field("100100")],
    ]
    index = SearchIndex(rows)
    assert index.search("клиника 3").indices == [1]
    assert index.search("регион").indices == [0, 1]
    assert index.search("3003").indices == [0]


def test_every_token_must_match() -> None:
    rows = [[text_field("ГП № 3")], [text_field("ГП № 5")]]
    assert SearchIndex(rows).search("гп 7").total == 0


def test_limit_and_total() -> None:
    rows = [[text_field(f"Врач {i:03d}")] for i in range(500)]
    result = SearchIndex(rows).search("врач", limit=20)
    assert result.total == 500
    assert result.indices == list(range(20))


# -- layouts and addresses -----------------------------------------------------------------------


def test_physical_key_layout_maps() -> None:
    assert en_to_ru("ug") == "гп"
    assert en_to_ru("rfhlbjkju") == "кардиолог"
    assert en_to_ru("[f,fhjdcr") == "хабаровск"
    assert ru_to_en("ькш") == "mri"
    assert other_layouts("ug") == ["гп"]
    assert other_layouts("гп") == ["ug"]
    assert other_layouts("123") == []


def test_split_address() -> None:
    parts = split_address(
        "169455, Северореченская обл., с. Озёрки, Лесной р-н, ул. Центральная, д. 19"
    )
    assert parts.postcode == "169455"
    assert parts.region == "Северореченская обл."
    assert parts.locality == "с. Озёрки"
    assert parts.district == "Лесной р-н"
    assert parts.street == "ул. Центральная, д. 19"
    city = split_address("г. Москва, ул. Ленина, д. 10, корп. 2")
    assert (city.postcode, city.locality, city.street) == (
        None,
        "г. Москва",
        "ул. Ленина, д. 10, корп. 2",
    )
    assert split_address("ул. Мира 5").street == "ул. Мира 5"
    assert split_address(None).street is None


# -- the index against a reference ranker ---------------------------------------------------------


def reference(rows: list[list[SearchField]], sort_keys: list[str], query: str) -> list[int]:
    """The ranking rules, item by item: the specification the index must agree with."""
    toks = list(dict.fromkeys(tokens(query)))
    if not toks:
        return list(range(len(rows)))
    joined = compact(query)
    scored = []
    for i, row in enumerate(rows):
        best_per_token = []
        for token in toks:
            digits = token.isdigit()
            best = None
            for field_no, (text, kind) in enumerate(row):
                for word in words(text or ""):
                    level = None
                    if kind is FieldKind.POSTCODE:
                        if digits and len(token) >= 4 and word.startswith(token):
                            level = 1
                    elif kind is FieldKind.REGION and digits:
                        level = None
                    elif word.startswith(token):
                        level = 1
                    elif token in word and not (digits and kind is FieldKind.CODE):
                        level = 2
                    if level is not None:
                        key = (level, len(word) - len(token), field_no)
                        best = key if best is None else min(best, key)
            if best is None:
                break
            best_per_token.append(best)
        else:
            codes = {compact(t) for t, kind in row if kind is FieldKind.CODE and t}
            hit = joined in codes or any(token in codes for token in toks)
            tier = 0 if hit else max(level for level, _, _ in best_per_token)
            extra = sum(e for _, e, _ in best_per_token)
            fields = sum(f for _, _, f in best_per_token)
            scored.append(((tier, extra, fields, fold(sort_keys[i]), i), i))
    return [i for _, i in sorted(scored)]


def sample_queries(rows: list[list[SearchField]], rng: random.Random, count: int) -> list[str]:
    vocabulary = sorted({w for row in rows for text, _ in row for w in words(text or "")})
    queries = ["с", "а", "к", "1", "2", "3", "каб 3", "с а", "а в с", "тер 2", "ка 1"]
    for _ in range(count):
        parts = []
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            word = rng.choice(vocabulary)
            cut = rng.randint(1, len(word))
            start = rng.choice((0, 0, 0, rng.randint(0, max(0, len(word) - cut))))
            parts.append(word[start : start + cut])
        joiner = rng.choice((" ", " ", ""))
        queries.append(joiner.join(parts))
    return queries


@pytest.fixture(scope="module")
def generated() -> tuple[list[list[SearchField]], list[str], list[list[SearchField]], list[str]]:
    raw_clinics, raw_resources = generate_directory(n_clinics=150, n_resources=2500, seed=11)
    resources = [Resource.model_validate(r) for r in raw_resources]
    clinics = [Clinic.model_validate(c) for c in raw_clinics]
    r_rows = [resource_row(r) for r in resources]
    c_rows = [clinic_row(c) for c in clinics]
    return r_rows, [r.fio or "" for r in resources], c_rows, [c.fer_name or "" for c in clinics]


@pytest.mark.parametrize("which", ["resources", "clinics"])
def test_index_agrees_with_the_reference_ranker(generated, which) -> None:
    r_rows, r_keys, c_rows, c_keys = generated
    rows, keys = (r_rows, r_keys) if which == "resources" else (c_rows, c_keys)
    index = SearchIndex(rows, keys)
    rng = random.Random(2026)
    for query in sample_queries(rows, rng, 120):
        expected = reference(rows, keys, query)
        result = index.search(query, limit=40, other_layout=False)
        assert result.total == len(expected), query
        assert result.indices == expected[:40], query


def test_index_agrees_when_every_token_is_combined_eagerly(generated, monkeypatch) -> None:
    """The path for many (class, class) pairs gives the same order as the lazy one."""
    r_rows, r_keys, _, _ = generated
    monkeypatch.setattr(index_module, "_MAX_PAIRS", 1)
    index = SearchIndex(r_rows, r_keys)
    for query in ("с а", "каб 3", "а в с", "тер 2"):
        assert index.search(query, limit=40).indices == reference(r_rows, r_keys, query)[:40]


def test_the_index_keeps_no_python_loop_over_items_per_keystroke() -> None:
    """Dense words are bit sets: a list of 20 000 rows keeps only a few hundred words."""
    _, raw = generate_directory(n_clinics=50, n_resources=20_000, seed=3)
    resources = [Resource.model_validate(r) for r in raw]
    index = SearchIndex([resource_row(r) for r in resources], [r.fio or "" for r in resources])
    assert index.vocabulary_size < 2000
    dense = [
        posting
        for by_field in index._vocabularies[FieldKind.TEXT].values()
        for posting in by_field.values()
        if isinstance(posting, int)
    ]
    assert dense  # the common words are bit sets
