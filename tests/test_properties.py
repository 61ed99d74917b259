"""Property tests of the pure core: extraction never crashes and spans always slice back."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.backends.offline import OfflineBackend
from briefing.brief.assembly import build_brief
from briefing.io.sources import make_source
from briefing.rendering import render
from briefing.schema import Brief

from .conftest import FIXED_TIME

WORDS = st.sampled_from([
    "The", "ministry", "said", "may", "likely", "Colonel", "Park", "Ji-hoon", "“", "”", ",",
    ".", "?", "–", "800", "km", "on", "Thursday", "March", "10", "does", "not", "rule", "out",
    "according", "to", "Varnia", "\n", "\n\n", "- ", "Mr.", "U.S.", "if", "whether", "he",
    "believes", "Layla", "al-Haddad", "(JCS)", "’s", "5:40", "a.m.",
])
REPORTS = st.one_of(
    st.text(min_size=1, max_size=400),
    st.lists(WORDS, min_size=1, max_size=120).map(" ".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(REPORTS)
def test_extraction_never_crashes_and_spans_slice_back(text: str) -> None:
    if not text.strip():
        return
    source = make_source(text)
    brief = build_brief(source, backend=OfflineBackend(), generated_at=FIXED_TIME)
    for claim in brief.claims:
        assert source.text[claim.span[0] : claim.span[1]] == claim.quote
        assert claim.kind in {"fact", "assessment", "uncertainty"}
        if claim.likelihood is None:
            assert claim.probability is None
    assert Brief.model_validate_json(render(brief, format="json")) == brief
    render(brief)


SENTENCE_PIECES = st.sampled_from([
    "The", "ministry", "said", "Mr.", "U.S.", "No.", "é", "Radić", "“", "”", "’s", "😀", "北京",
    "\ufeff", "\u200b", "\x00", "40.1", "212", ". ", "? ", "! ", "\n", "\n\n", "- ", "1. ", "...",
])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(SENTENCE_PIECES, max_size=60).map(" ".join)))
def test_fast_sentence_offsets_equal_blingfire_wrapper(text: str) -> None:
    from briefing.text.segmentation.blingfire_offsets import sentence_offsets, sentence_offsets_plain

    if not text.strip():  # sentences() never asks for a blank text (blingfire's wrapper fails on "")
        return
    assert sentence_offsets(text) == sentence_offsets_plain(text)
