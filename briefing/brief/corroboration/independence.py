"""Source independence: shared publishers and copied text put sources in one group.

Two sources are not independent when they share a publisher, or when one repeats the other's
text nearly verbatim (at least COPY_CONTAINMENT of the shorter text's word 5-grams appear in
the longer). Copies are found through 5-grams held by few sources (at most MAX_SHARERS), so
the work grows with the text the sources really share, not with the square of their number.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Final, Literal

from briefing.schema import Source

#: Share of the shorter text's word 5-grams found in the other text that marks a copy.
COPY_CONTAINMENT: Final = 0.6
#: A 5-gram held by more sources than this is boilerplate and pairs no sources by itself.
MAX_SHARERS: Final = 32

Dependence = Literal["same publisher", "copied text"]

_WORD: Final = re.compile(r"[^\W_]+", re.UNICODE)


def _shingles(text: str, size: int = 5) -> set[int]:
    words = [w.casefold() for w in _WORD.findall(text)]
    return {hash(tuple(words[i : i + size])) for i in range(len(words) - size + 1)}


def _publisher(source: Source) -> str | None:
    return " ".join(source.publisher.casefold().split()) if source.publisher else None


def copied_pairs(sources: Sequence[Source]) -> list[tuple[str, str]]:
    """Pairs of sources (in source order) where one repeats the other's text."""
    if len(sources) < 2:
        return []  # no pair (and no word 5-grams of a long report to hold)
    shingles = [_shingles(source.text) for source in sources]
    holders: dict[int, list[int]] = {}
    for index, held in enumerate(shingles):
        for shingle in held:
            holders.setdefault(shingle, []).append(index)
    shared: Counter[tuple[int, int]] = Counter()
    for members in holders.values():
        if 1 < len(members) <= MAX_SHARERS:
            shared.update(combinations(members, 2))
    found = []
    for i, j in sorted(shared):
        a, b = shingles[i], shingles[j]
        if len(a & b) / min(len(a), len(b)) >= COPY_CONTAINMENT:
            found.append((sources[i].id, sources[j].id))
    return found


@dataclass
class Independence:
    """Each source's independence group (dependent sources share one, transitively), and why
    two sources of one group depend on each other."""

    group: dict[str, int]
    publisher: dict[str, str | None]
    copies: set[tuple[str, str]]

    def reason(self, first: str, second: str) -> Dependence | None:
        if self.group[first] != self.group[second]:
            return None
        if self.publisher[first] is not None and self.publisher[first] == self.publisher[second]:
            return "same publisher"
        return "copied text"


def independence(sources: Sequence[Source]) -> Independence:
    """The independence groups of the sources of a brief."""
    by_publisher: dict[str, str] = {}
    links: list[tuple[str, str]] = []
    for source in sources:
        publisher = _publisher(source)
        if publisher is not None:
            if publisher in by_publisher:
                links.append((by_publisher[publisher], source.id))
            else:
                by_publisher[publisher] = source.id
    copies = copied_pairs(sources)
    links += copies
    pairs: dict[tuple[str, str], Dependence] = dict.fromkeys(links, "copied text")
    return Independence(
        group=independence_groups(sources, pairs),
        publisher={s.id: _publisher(s) for s in sources},
        copies=set(copies) | {(b, a) for a, b in copies},
    )


def dependence(sources: Sequence[Source]) -> dict[tuple[str, str], Dependence]:
    """Pairs of sources that are not independent of each other, and why (both orders)."""
    known = independence(sources)
    found: dict[tuple[str, str], Dependence] = {}
    for first, second in combinations([s.id for s in sources], 2):
        if known.publisher[first] is not None and known.publisher[first] == known.publisher[second]:
            found[(first, second)] = found[(second, first)] = "same publisher"
        elif (first, second) in known.copies:
            found[(first, second)] = found[(second, first)] = "copied text"
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
