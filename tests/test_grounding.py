"""Grounding: exact, normalized and fuzzy alignment of quotes, and refusal of invented ones."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.text.grounding import ground

REPORT = (
    "SEOUL — JCS spokesperson Lee Sung-jun said on Friday that the launch “was not a test”.\n"
    "防衛大臣の中谷元は、ミサイルが「不規則な軌道」を飛んだ可能性があると述べた。\n"
    "Colonel Park Ji-hoon told reporters the convoy’s route remained unclear.\n"
)


def test_exact_quote_is_found_with_its_offsets() -> None:
    quote = "JCS spokesperson Lee Sung-jun said on Friday"
    span = ground(REPORT, quote)
    assert span is not None and span.method == "exact"
    assert REPORT[span.start : span.end] == quote


def test_japanese_quote_is_found_exactly() -> None:
    span = ground(REPORT, "ミサイルが「不規則な軌道」を飛んだ")
    assert span is not None and span.method == "exact"


def test_straight_quotes_and_hyphens_match_curly_quotes_and_dashes() -> None:
    span = ground(
        REPORT, 'SEOUL - JCS spokesperson Lee Sung-jun said on Friday that the launch "was not a test"'
    )
    assert span is not None and span.method == "normalized"
    assert REPORT[span.start : span.end].startswith("SEOUL — JCS")
    assert REPORT[span.start : span.end].endswith("was not a test")


def test_case_and_whitespace_are_normalized() -> None:
    span = ground(REPORT, "colonel  PARK Ji-hoon\ntold reporters")
    assert span is not None and span.method == "normalized"
    assert REPORT[span.start : span.end] == "Colonel Park Ji-hoon told reporters"


def test_decomposed_hangul_matches_composed() -> None:
    import unicodedata

    text = "The envoy 김정은 arrived in the capital on Monday."
    decomposed = unicodedata.normalize("NFD", text)
    span = ground(decomposed, "envoy 김정은 arrived")
    assert span is not None and span.method == "normalized"
    assert unicodedata.normalize("NFC", decomposed[span.start : span.end]) == "envoy 김정은 arrived"


def test_small_rewording_is_found_fuzzily() -> None:
    span = ground(REPORT, "Colonel Park Ji-hoon told reporters the convoys route remained unclear")
    assert span is not None and span.method == "fuzzy"
    assert "convoy’s route remained unclear" in REPORT[span.start : span.end]


def test_invented_quote_is_not_found() -> None:
    assert ground(REPORT, "The summit was cancelled after the minister resigned in protest.") is None


def test_short_near_miss_is_not_matched_fuzzily() -> None:
    assert ground(REPORT, "Lee Sung-min said") is None


def test_hint_picks_the_nearest_occurrence() -> None:
    text = "Troops moved. Later, troops moved. Troops moved."
    span = ground(text, "troops moved", hint=20)
    assert span is not None and (span.start, span.end) == (21, 33)


@given(st.text(min_size=1, max_size=200), st.data())
def test_any_substring_grounds_to_an_equal_slice(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    span = ground(text, quote)
    if quote.strip():
        assert span is not None and span.method == "exact"
        assert text[span.start : span.end] == quote.strip()


def test_overlapping_claims_each_hold_their_own_dates_and_quantities() -> None:
    from briefing.backends import Candidate, Extraction
    from briefing.brief.assembly import ground_extraction
    from briefing.io.sources import make_source

    text = "Troops fired 12 rockets on Monday. Officials confirmed it."
    candidates = [Candidate(kind="fact", quote="Troops fired 12 rockets on Monday.", hint=0),
                  Candidate(kind="fact", quote="fired 12 rockets on Monday", hint=7)]
    first, second = ground_extraction(make_source(text), Extraction(candidates)).claims
    assert [(q.text, q.value, q.unit) for q in first.quantities] == [("12 rockets", 12.0, "rockets")]
    assert first.quantities == second.quantities and first.times == second.times
    assert [t.text for t in first.times] == ["Monday"]
    first.quantities[0].unit = "shells"  # an edit of one claim's quantity leaves the other's
    assert second.quantities[0].unit == "rockets"


@pytest.mark.parametrize("near_miss", [
    "One of the drones travelled 900 kilometres and came down near Tarn Island",  # a number
    "The ministry does rule out further launches from the Oskar coast this month",  # negation
    "The ministry does not rule out further launches from the Oskar shore by Velmar",  # a name
])
def test_fuzzy_match_never_changes_a_number_negation_or_name(near_miss: str) -> None:
    text = ("One of the drones travelled 800 kilometres and came down near Tarn Island. "
            "The ministry does not rule out further launches from the Oskar coast this month.")
    assert ground(text, near_miss) is None


def test_fuzzy_match_still_forgives_a_typo() -> None:
    text = "One of the drones travelled 800 kilometres and came down near Tarn Island."
    span = ground(text, "One of the drones travveled 800 kilometres and came down near Tarn Island")
    assert span is not None and span.method == "fuzzy"
