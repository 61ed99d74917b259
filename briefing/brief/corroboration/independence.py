"""Source independence: shared publishers and copied text put sources in one group."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Final, Literal

from briefing.schema import Source

#: Share of the shorter text's word 5-grams found in the other text that marks a copy.
COPY_CONTAINMENT: Final = 0.6

Dependence = Literal["same publisher", "copied text"]

_WORD: Final = re.compile(r"[^\W_]+", re.UNICODE)


def _shingles(text: str, size: int = 5) -> set[tuple[str, ...]]:
    words = [w.casefold() for w in _WORD.findall(text)]
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def _publisher(source: Source) -> str | None:
    return " ".join(source.publisher.casefold().split()) if source.publisher else None


def dependence(sources: Sequence[Source]) -> dict[tuple[str, str], Dependence]:
    """Pairs of sources that are not independent of each other, and why (both orders)."""
    found: dict[tuple[str, str], Dependence] = {}
    shingles = {source.id: _shingles(source.text) for source in sources}
    for i, first in enumerate(sources):
        for second in sources[i + 1 :]:
            reason: Dependence | None = None
            if _publisher(first) is not None and _publisher(first) == _publisher(second):
                reason = "same publisher"
            else:
                a, b = shingles[first.id], shingles[second.id]
                if a and b and len(a & b) / min(len(a), len(b)) >= COPY_CONTAINMENT:
                    reason = "copied text"
            if reason:
                found[(first.id, second.id)] = found[(second.id, first.id)] = reason
    return found


def independence_groups(sources: Sequence[Source],
                        pairs: Mapping[tuple[str, str], Dependence]) -> dict[str, int]:
    """Each source's independence group: dependent sources share one (transitively)."""
    parent = {source.id: source.id for source in sources}

    def root(item: str) -> str:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for first, second in pairs:
        parent[root(first)] = root(second)
    numbers: dict[str, int] = {}
    return {s.id: numbers.setdefault(root(s.id), len(numbers)) for s in sources}
