"""The review page's view of each source: its text cut into segments at every claim's span.

A segment is a run of text covered by the same claims, so overlapping spans and spans that
another report's claim cites (corroboration) can all be highlighted without nesting. The first
segment of each span carries that span's anchor, which the brief's citations link to.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any


def _spans(source_id: str, claims: list[dict[str, Any]]) -> list[tuple[int, int, str, str, str]]:
    """(start, end, claim id, kind, role) of every span in this source: a claim's own quote
    ("claim"), or another report's words the claim cites ("cite")."""
    found = []
    for claim in claims:
        if claim["source_id"] == source_id:
            start, end = claim["span"]
            found.append((start, end, claim["id"], claim["kind"], "claim"))
        for citation in claim.get("citations") or []:
            if citation["source_id"] == source_id and citation["source_id"] != claim["source_id"]:
                start, end = citation["span"]
                found.append((start, end, claim["id"], claim["kind"], "cite"))
    return [span for span in found if 0 <= span[0] < span[1]]


def anchor(claim_id: str, role: str, source_id: str) -> str:
    """The id of the element where a claim's span (or a report's words it cites) opens."""
    return f"span-{claim_id}" if role == "claim" else f"cite-{claim_id}-{source_id}"


def segments(text: str, source_id: str, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The text of one source as segments: ``{text, claims, kinds, cites, anchors}``.

    ``claims`` are the ids of the claims whose own span covers the segment, ``kinds`` their
    kinds, ``cites`` the ids of claims citing this text as another report's words, ``anchors``
    the spans opening at the segment (``{id, claim}``: the anchor's id and its claim's).
    Joined, the segments' texts are the text.
    """
    spans = sorted(_spans(source_id, claims))
    cuts = sorted({0, len(text), *(min(s, len(text)) for s, _, _, _, _ in spans),
                   *(min(e, len(text)) for _, e, _, _, _ in spans)})
    result: list[dict[str, Any]] = []
    active: list[tuple[int, int, str, str, str]] = []
    following = 0
    for start, end in pairwise(cuts):
        active = [span for span in active if span[1] > start]
        opening = []
        while following < len(spans) and spans[following][0] <= start:
            if spans[following][1] > start:
                active.append(spans[following])
                opening.append(spans[following])
            following += 1
        own = [span for span in active if span[4] == "claim"]
        result.append({
            "text": text[start:end],
            "claims": [span[2] for span in own],
            "kinds": sorted({span[3] for span in own}),
            "cites": [span[2] for span in active if span[4] == "cite"],
            "anchors": [{"id": anchor(span[2], span[4], source_id), "claim": span[2]}
                        for span in opening],
        })
    return result


def review(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every source of a brief (as JSON data) with its segments, for the review page."""
    return [{"id": source["id"], "title": source.get("title"),
             "segments": segments(source["text"], source["id"], data["claims"])}
            for source in data["sources"]]
