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


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_fast_sentence_offsets_equal_blingfire_wrapper(text: str) -> None:
    from briefing.text.segmentation import _blingfire, _text_offsets

    if not text.strip():
        return
    _, expected = _blingfire().text_to_sentences_and_offsets(text)
    ranges = _text_offsets(text)
    found = list(zip(ranges.starts, ranges.ends, strict=True))
    if not expected:  # blingfire gave up (a lone byte-order mark): the text stays one sentence
        assert found == [(0, len(text))]
    else:
        assert found == [(int(a), int(b)) for a, b in expected]
