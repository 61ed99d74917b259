"""Relating two claims: similar masked wording, then agreement or conflicting values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from briefing.brief.corroboration.features import ClaimFeatures
from briefing.schema import ConflictAspect

#: Masked-wording similarity (0-100) above which claims agree when they share a value.
AGREE_SIMILARITY: Final = 70.0
#: Masked-wording similarity above which claims agree without any shared value.
AGREE_SIMILARITY_ALONE: Final = 88.0
#: Masked-wording similarity above which claims with a differing value conflict.
CONFLICT_SIMILARITY: Final = 78.0
#: The same, when the two claims also share a value (a place, an actor, a date).
CONFLICT_SIMILARITY_ANCHORED: Final = 68.0


def _disagreements(a: ClaimFeatures, b: ClaimFeatures) -> list[tuple[ConflictAspect, str, str]]:
    found: list[tuple[ConflictAspect, str, str]] = []
    for unit in sorted(a.quantities.keys() & b.quantities.keys()):
        left, right = a.quantities[unit], b.quantities[unit]
        if not left.keys() & right.keys():
            found.append(("quantity", next(iter(left.values())), next(iter(right.values()))))
    if a.dates and b.dates and not a.dates.keys() & b.dates.keys():
        found.append(("date", next(iter(a.dates.values())), next(iter(b.dates.values()))))
    if a.places and b.places and not a.places.keys() & b.places.keys():
        found.append(("place", next(iter(a.places.values())), next(iter(b.places.values()))))
    if a.actors and b.actors and not a.actors.keys() & b.actors.keys():
        found.append(("actor", next(iter(a.actors.values())), next(iter(b.actors.values()))))
    if a.stance and b.stance and a.stance[0] != b.stance[0]:
        found.append(("stance", a.stance[1], b.stance[1]))
    return found


@dataclass(frozen=True)
class Relation:
    score: float
    agree: bool
    conflicts: tuple[tuple[ConflictAspect, str, str], ...] = ()


def relate(a: ClaimFeatures, b: ClaimFeatures, score: float) -> Relation | None:
    shared = len(a.anchors() & b.anchors())
    differing = _disagreements(a, b)
    if differing:
        threshold = CONFLICT_SIMILARITY_ANCHORED if shared else CONFLICT_SIMILARITY
        return Relation(score, False, tuple(differing)) if score >= threshold else None
    if a.claim.kind != b.claim.kind:
        return None
    if score >= AGREE_SIMILARITY_ALONE or (shared and score >= AGREE_SIMILARITY):
        return Relation(score, True)
    return None


def similar_pairs(frames: list[str]) -> dict[tuple[int, int], float]:
    """Similarity (0-100) of every pair of masked wordings (i < j) that could relate at all."""
    from rapidfuzz import fuzz, process

    floor = min(AGREE_SIMILARITY, CONFLICT_SIMILARITY_ANCHORED)
    found: dict[tuple[int, int], float] = {}
    for i, frame in enumerate(frames):
        # token_set_ratio >= token_sort_ratio, so the set score alone can prefilter.
        for _, by_set, j in process.extract(frame, frames, scorer=fuzz.token_set_ratio,
                                            score_cutoff=floor, limit=None):
            if j > i:
                score = (by_set + fuzz.token_sort_ratio(frame, frames[j])) / 2
                if score >= floor:
                    found[(i, j)] = score
    return found
