"""Entities: the steps that scan a report (name pattern, sentence starts, wrapped lines, weapons)."""

from __future__ import annotations

import pytest

from briefing.text.entities import (
    _NAME,
    _opens_sentence,
    _unwrapped,
    extract_entities,
)
from briefing.text.lexicons import WEAPON_NOUNS
from briefing.text.weapons import WEAPON_NOUN_GROUPS


@pytest.mark.parametrize(("text", "names"), [
    ("O'Neill said", ["O'Neill"]),
    ("the Kestrel-4 jet", ["Kestrel-4"]),
    ("U.S.-made", ["U.S.-made"]),
    ("Varnia's army", ["Varnia's"]),
    ("Varnia’s army", ["Varnia’s"]),
    ("O. Sidorenko", ["O. Sidorenko"]),
    ("A. and B.", ["A", "B"]),
    ("Dr. A. B. Cole", ["Dr", "A. B. Cole"]),
    ("Gen.  Ana Ruiz", ["Gen", "Ana Ruiz"]),
    ("Ministry of Defence of the Zarqan Emirate (ZE) said",
     ["Ministry of Defence of the Zarqan Emirate (ZE)"]),
    ("Banco del\tNorte de la Plata", ["Banco del\tNorte de la Plata"]),
    ("Port of spain", ["Port"]),  # a connector needs a capital after it
    ("anti-Varnia, x-Ray, b Ray", ["Ray"]),  # no capital right after a word or a hyphen
])
def test_the_name_pattern_reads_words_punctuation_and_connectors(text: str,
                                                                 names: list[str]) -> None:
    assert [match.group() for match in _NAME.finditer(text)] == names


@pytest.mark.parametrize(("before", "opens"), [
    ("He left. ", True),
    ("He left, ", False),
    ("He left\n", True),
    ("He said “", True),
    ("He left.  ", True),
    ("He left.\t ", True),
    ("He left \n ", True),
    ("He said  ", False),
    ("He said (", False),
    ("", True),
    ("- ", True),
])
def test_a_name_opens_a_sentence_after_a_stop_a_quotation_mark_or_a_line_break(
        before: str, opens: bool) -> None:
    assert _opens_sentence(before + "Ana", len(before)) is opens


def test_wrapped_line_breaks_become_spaces_in_place_and_the_others_stay() -> None:
    text = (
        "Kaldera Federation – Ministry of Defence\n"
        "Press statement No. 214\n\n"
        "Air defence units of the Kaldera Federation destroyed eleven drones over the\n"
        "Marrow Ridge district during the night, the ministry said in a statement on\n"
        "Sunday.\n\n"
        "The statement did not say where the drones had been launched from, nor who\n"
        "had launched them.\n"
    )
    unwrapped = _unwrapped(text)
    assert len(unwrapped) == len(text)
    changed = [at for at, (old, new) in enumerate(zip(text, unwrapped, strict=True)) if old != new]
    wraps = [text.index("the\nMarrow") + 3, text.index("on\nSunday") + 2,
             text.index("who\nhad") + 3]
    assert changed == wraps
    assert all(unwrapped[at] == " " for at in wraps)
    assert _unwrapped("No line breaks at all.") == "No line breaks at all."


def test_every_weapon_noun_is_listed_with_each_place_of_its_group_word() -> None:
    listed: dict[str, list[int]] = {}
    for word, nouns in WEAPON_NOUN_GROUPS:
        for noun, at in nouns:
            assert noun[at : at + len(word)] == word
            listed.setdefault(noun, []).append(at)
    assert set(listed) == set(WEAPON_NOUNS)
    for word, nouns in WEAPON_NOUN_GROUPS:
        for noun, _ in nouns:
            every = [at for at in range(len(noun)) if noun.startswith(word, at)]
            assert sorted(listed[noun]) == every


def test_weapon_nouns_are_found_whole_and_in_any_case() -> None:
    found = {entity.name: entity.mentions for entity in extract_entities(
        "Two fighter jets and Landmines were seen near the jetty. The ministry said "
        "that anti-ship missiles and a Missile had been fired at the minesweeper."
    ) if entity.type == "weapon"}
    assert found == {"fighter jet": 1, "landmine": 1, "anti-ship missile": 1, "missile": 1}


def test_weapon_nouns_are_read_in_lower_case_whatever_the_characters_around_them() -> None:
    # A Kelvin sign is a "k" in lower case; a non-ASCII letter next to a noun is part of its word;
    # any space may follow a range.
    found = {entity.name: entity.mentions for entity in extract_entities(
        "Units fired LONG-RANGE\u00a0Cruise Missiles and two TAN\u212aS. An \u00e9tank and "
        "a tank\u00e9 were not seen; a tank was."
    ) if entity.type == "weapon"}
    assert found == {"long-range cruise missile": 1, "tank": 2}
