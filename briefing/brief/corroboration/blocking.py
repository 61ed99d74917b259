"""Which claims are worth comparing: groups of identical content, then pairs sharing keys.

Claims whose content and values are the same (``ClaimFeatures.signature``) form one group,
compared once. Groups are then paired only through shared keys (a value or a content lemma):
two groups are compared when they share a key that at most MAX_BLOCK groups hold. A more
common key (a name or a verb every report of a story repeats) tells no event apart and pairs
nothing by itself: the pairs are at most MAX_BLOCK per key of each group, and the work grows
with the real overlaps between reports, not with the square of their claims.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import combinations
from typing import Final

from briefing.brief.corroboration.features import ClaimFeatures

#: Groups one key may pair among themselves; a more common key pairs nothing.
MAX_BLOCK: Final = 48
#: Keys (of blocks no bigger than MAX_BLOCK) two groups must share to be compared.
MIN_SHARED_KEYS: Final = 1


def identical_groups(features: Sequence[ClaimFeatures]) -> list[list[int]]:
    """Claims (by index) with the same signature, each group in claim order."""
    groups: dict[tuple[object, ...], list[int]] = {}
    for feature in features:
        groups.setdefault(feature.signature(), []).append(feature.index)
    return list(groups.values())


def candidate_pairs(keys: Sequence[set[str]]) -> list[tuple[int, int]]:
    """Pairs (i < j) of items sharing at least MIN_SHARED_KEYS keys of blocks no bigger than
    MAX_BLOCK, in order."""
    blocks: dict[str, list[int]] = {}
    for item, held in enumerate(keys):
        for key in held:
            blocks.setdefault(key, []).append(item)
    shared: Counter[tuple[int, int]] = Counter()
    for members in blocks.values():
        if 1 < len(members) <= MAX_BLOCK:
            shared.update(combinations(members, 2))
    return sorted(pair for pair, count in shared.items() if count >= MIN_SHARED_KEYS)
