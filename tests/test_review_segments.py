"""The review page's segments: the text cut at every span, overlapping spans included."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefing.rendering.review import segments

TEXT = "The port closed on Monday. Officials said it may reopen soon. Nobody knows when."


def _claim(claim_id: str, start: int, end: int, kind: str = "fact", source: str = "S1",
           citations: list[dict[str, object]] | None = None) -> dict[str, object]:
    return {"id": claim_id, "kind": kind, "source_id": source, "span": [start, end],
            "citations": citations or []}


def test_overlapping_spans_and_citations() -> None:
    claims = [_claim("C1", 0, 26), _claim("C2", 27, 61, "uncertainty"),
              _claim("C3", 45, 61, "assessment"),
              _claim("C4", 0, 10, source="S2", citations=[
                  {"source_id": "S2", "span": [0, 10]}, {"source_id": "S1", "span": [62, 81]}])]
    cut = segments(TEXT, "S1", claims)
    assert "".join(s["text"] for s in cut) == TEXT
    for claim_id, (start, end) in {"C1": (0, 26), "C2": (27, 61), "C3": (45, 61)}.items():
        assert "".join(s["text"] for s in cut if claim_id in s["claims"]) == TEXT[start:end]
    assert "".join(s["text"] for s in cut if "C4" in s["cites"]) == TEXT[62:81]
    assert not any("C4" in s["claims"] for s in cut)  # C4's own span is in S2
    opened = {a["id"]: a["claim"] for s in cut for a in s["anchors"]}
    assert opened == {"span-C1": "C1", "span-C2": "C2", "span-C3": "C3", "cite-C4-S1": "C4"}
    both = [s for s in cut if s["claims"] == ["C2", "C3"]]
    assert [s["text"] for s in both] == ["may reopen soon."]
    assert both[0]["kinds"] == ["assessment", "uncertainty"]


@given(st.lists(st.tuples(st.integers(0, len(TEXT)), st.integers(0, len(TEXT))), max_size=12))
def test_segments_always_rebuild_the_text_and_each_span(pairs: list[tuple[int, int]]) -> None:
    spans = [(min(a, b), max(a, b)) for a, b in pairs if a != b]
    claims = [_claim(f"C{i}", s, e) for i, (s, e) in enumerate(spans, 1)]
    cut = segments(TEXT, "S1", claims)
    assert "".join(s["text"] for s in cut) == TEXT
    for i, (start, end) in enumerate(spans, 1):
        assert "".join(s["text"] for s in cut if f"C{i}" in s["claims"]) == TEXT[start:end]
