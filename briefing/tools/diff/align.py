"""Alignment of two briefs' claims: order- and number-blind text, entities and numbers."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

from rapidfuzz import fuzz, process

from briefing.schema import Claim
from briefing.text.lexicons import NUMBER_WORDS
from briefing.tools.diff.numbers import DIGITS, claim_numbers

#: Alignment: candidate pairs need this sorted-token similarity (0-100) to be scored at all.
CANDIDATE_CUTOFF: Final = 45.0
#: Candidates kept per claim, in each direction, before the one-to-one assignment.
CANDIDATES_PER_CLAIM: Final = 5
#: Alignment: two claims are the same claim when their score reaches this.
MATCH_THRESHOLD: Final = 62.0
#: Score added for shared entities and shared numbers (times their Jaccard overlap).
ENTITY_BONUS: Final = 10.0
NUMBER_BONUS: Final = 5.0

_TOKEN: Final = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|#")
_NUMBER_WORD: Final = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)


def _masked(text: str) -> str:
    """Lower-case words, numbers masked as '#', sorted: order- and number-blind text."""
    masked = _NUMBER_WORD.sub(" # ", DIGITS.sub(" # ", text))
    return " ".join(sorted(_TOKEN.findall(masked.casefold())))


def _plain(text: str) -> str:
    return " ".join(_TOKEN.findall(text.casefold()))


class _Features:
    """What alignment needs of every claim of one brief, computed once."""

    def __init__(self, claims: Sequence[Claim], entity_pattern: re.Pattern[str] | None) -> None:
        self.sorted_text = [_masked(claim.quote) for claim in claims]
        self.plain = [_plain(claim.quote) for claim in claims]
        self.entities = [
            frozenset(m.casefold() for m in entity_pattern.findall(claim.quote))
            if entity_pattern else frozenset()
            for claim in claims
        ]
        self.numbers = [frozenset(k for k, _, _ in claim_numbers(claim)) for claim in claims]


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def _entity_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    unique = sorted({" ".join(n.split()) for n in names if n.strip()}, key=len, reverse=True)
    if not unique:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in unique) + r")(?!\w)",
                      re.IGNORECASE)


def _score(old: _Features, new: _Features, i: int, j: int, base: float) -> float:
    token_set = fuzz.token_set_ratio(old.sorted_text[i], new.sorted_text[j], processor=None)
    text = (base + token_set) / 2
    return (text + ENTITY_BONUS * _jaccard(old.entities[i], new.entities[j])
            + NUMBER_BONUS * _jaccard(old.numbers[i], new.numbers[j]))


def align(old: Sequence[Claim], new: Sequence[Claim],
          entity_names: Iterable[str] = ()) -> list[tuple[int, int, float]]:
    """One-to-one alignment of two claim lists: (old index, new index, score) for each pair.

    Identical quotes pair first. The rest are scored on order- and number-blind text
    (rapidfuzz token ratios) plus shared entities and numbers, and assigned greedily, best
    pair first, so no claim is matched twice; pairs below MATCH_THRESHOLD stay unmatched.
    The result does not depend on which brief is called old.
    """
    pattern = _entity_pattern(entity_names)
    fo, fn = _Features(old, pattern), _Features(new, pattern)
    pairs: list[tuple[int, int, float]] = []
    by_text: dict[str, list[int]] = {}
    for j, text in enumerate(fn.plain):
        by_text.setdefault(text, []).append(j)
    free_old: list[int] = []
    taken_new: set[int] = set()
    for i, text in enumerate(fo.plain):
        waiting = by_text.get(text)
        if waiting:
            j = waiting.pop(0)
            taken_new.add(j)
            pairs.append((i, j, 100.0 + ENTITY_BONUS * (1.0 if fo.entities[i] else 0.0)
                          + NUMBER_BONUS * (1.0 if fo.numbers[i] else 0.0)))
        else:
            free_old.append(i)
    free_new = [j for j in range(len(new)) if j not in taken_new]
    if not free_old or not free_new:
        return sorted(pairs)
    candidates: dict[tuple[int, int], float] = {}
    new_texts = [fn.sorted_text[j] for j in free_new]
    old_texts = [fo.sorted_text[i] for i in free_old]
    for i in free_old:
        for _, base, k in process.extract(fo.sorted_text[i], new_texts, scorer=fuzz.ratio,
                                          processor=None, score_cutoff=CANDIDATE_CUTOFF,
                                          limit=CANDIDATES_PER_CLAIM):
            candidates[(i, free_new[k])] = base
    for j in free_new:
        for _, base, k in process.extract(fn.sorted_text[j], old_texts, scorer=fuzz.ratio,
                                          processor=None, score_cutoff=CANDIDATE_CUTOFF,
                                          limit=CANDIDATES_PER_CLAIM):
            candidates[(free_old[k], j)] = base
    scored = []
    for (i, j), base in candidates.items():
        score = _score(fo, fn, i, j, base)
        if score >= MATCH_THRESHOLD:
            # Ties broken by content, not position, so swapping the briefs mirrors the result.
            low, high = sorted((fo.plain[i], fn.plain[j]))
            scored.append((-round(score, 6), low, high, i, j))
    scored.sort()
    used_old: set[int] = set()
    used_new: set[int] = set()
    for negative, _, _, i, j in scored:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        pairs.append((i, j, -negative))
    return sorted(pairs)
