"""The word filter and phrase matcher that every cue lexicon goes through."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.text.phrases import PhraseMatcher, words_of

#: The definition of a word: runs of word characters, joined by single hyphens.
_WORD = re.compile(r"\w+(?:-\w+)*")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials SAID it was likely.", {"officials", "said", "it", "was", "likely"}),
        ("the so-called 'test', 40.5 km_2", {"the", "so-called", "test", "40", "5", "km_2"}),
        ("-a- b--c d-", {"a", "b", "c", "d"}),
        ("officials’ view — “unlikely”", {"officials", "view", "unlikely"}),
        ("Área de Vëlka", {"área", "de", "vëlka"}),
        ("", set()),
    ],
)
def test_words_of_gives_the_lower_cased_words(text: str, expected: set[str]) -> None:
    assert words_of(text) == expected


@given(st.text(alphabet=st.sampled_from([*"aZ9_- .,'’\"\n\t\x1c—é", "İ", "K", "ſ"]),
               max_size=60) | st.text(max_size=60))
def test_words_of_is_the_regex_definition_on_any_text(text: str) -> None:
    # The ASCII shortcut (a byte translation and a split) must agree with the regex everywhere.
    assert words_of(text) == frozenset(_WORD.findall(text.lower()))


def test_phrase_matcher_finds_whole_words_leftmost_first_in_any_case() -> None:
    matcher = PhraseMatcher(["rule out", "likely", "un"])
    text = "Unlikely, they said; it is LIKELY, and we cannot rule   out a Likely-ish one."
    found = [text[m.start() : m.end()] for m in matcher.finditer(text)]
    # "Unlikely" holds "likely" inside a word; "Likely-ish" runs on with a hyphen
    assert found == ["LIKELY", "rule   out"]
