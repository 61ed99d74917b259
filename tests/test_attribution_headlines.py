"""Headlines in title case: the capitalized verb of saying, its source and content, on
headlines written here about fictional people and places."""

from __future__ import annotations

import pytest

from briefing.text.attribution_headlines import headline_frames


def _read(sentence: str) -> list[tuple[str, str | None, list[str]]]:
    return [(sentence[cue[0] : cue[1]], sentence[source[0] : source[1]] if source else None,
             [sentence[a:b] for a, b in content])
            for cue, source, content in headline_frames(sentence)]


@pytest.mark.parametrize(("headline", "expected"), [
    ("Halden Harbour Master Says Levee Will Hold Through Winter.",
     ("Says", "Halden Harbour Master", ["Levee Will Hold Through Winter"])),
    ("Varga Warns Corva Tolls Could Double By Spring",
     ("Warns", "Varga", ["Corva Tolls Could Double By Spring"])),
    ("Mayor Brenn Just Said Something Odd About The Ferry Strike.",
     ("Said", "Mayor Brenn", ["Something Odd About The Ferry Strike"])),
])
def test_a_title_case_headline_with_a_verb_of_saying(
        headline: str, expected: tuple[str, str, list[str]]) -> None:
    assert _read(headline) == [expected]


@pytest.mark.parametrize("sentence", [
    "Mayor Varga says the levee will hold through the winter.",  # not title case
    "How Varga Thinks About The Corva Tolls.",  # a question word: no saying reported
    "Does Brenn Believe The Ferry Will Sail?",  # a question
    "The Long Debate Over Corva Harbour Tolls Says Little.",  # a source too long
])
def test_no_headline_attribution(sentence: str) -> None:
    assert _read(sentence) == []


def test_a_source_of_words_set_apart_by_more_than_one_space_is_read_where_it_stands() -> None:
    headline = "Halden  Harbour Master,  Ret.  Says Levee Will Hold"
    [(cue, source, content)] = _read(headline)
    assert (cue, source, content) == ("Says", "Halden  Harbour Master,  Ret", ["Levee Will Hold"])
