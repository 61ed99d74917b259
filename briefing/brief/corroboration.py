"""Corroboration across reports: claim clusters, source independence, credibility, conflicts.

Rules (see docs/multi-source.md):

- Two sources are *not independent* when they share a publisher, or when one repeats the
  other's text nearly verbatim (at least ``COPY_CONTAINMENT`` of the shorter text's word
  5-grams appear in the longer). Dependence is transitive: sources fall into groups.
- Two claims from different sources *agree* when they have the same kind, their wording is
  similar once numbers, dates, places, actors and stance words are masked (rapidfuzz), and
  none of those values differs. They *conflict* when the wording matches but a quantity with
  the same unit, a resolved date, a place, an actor or a stance (denied / confirmed) differs.
- Agreeing claims form one cluster, at most one claim per source and never two conflicting
  claims. The cluster is shown as one claim (its representative: the claim from the most
  reliable source, earliest first) with every member's citation.
- Credibility (Admiralty 1-6) is computed, never guessed: 1 when the cluster's sources span at
  least two independence groups (the claim's own source plus at least one independent other)
  and no source reports otherwise; 6 ("cannot be judged") in every other case.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final, Literal

from briefing.schema import (
    Citation,
    Claim,
    Conflict,
    ConflictAspect,
    ConflictSide,
    Credibility,
    Entity,
    Source,
)

#: Share of the shorter text's word 5-grams found in the other text that marks a copy.
COPY_CONTAINMENT: Final = 0.6
#: Masked-wording similarity (0-100) above which claims agree when they share a value.
AGREE_SIMILARITY: Final = 70.0
#: Masked-wording similarity above which claims agree without any shared value.
AGREE_SIMILARITY_ALONE: Final = 88.0
#: Masked-wording similarity above which claims with a differing value conflict.
CONFLICT_SIMILARITY: Final = 78.0
#: The same, when the two claims also share a value (a place, an actor, a date).
CONFLICT_SIMILARITY_ANCHORED: Final = 68.0

Dependence = Literal["same publisher", "copied text"]

_WORD: Final = re.compile(r"[^\W_]+", re.UNICODE)
_STANCE: Final = re.compile(
    r"\b(?P<denied>den(?:y|ied|ies|ying)|refut(?:e|ed|es)|reject(?:ed|s)?|dismiss(?:ed|es)?)\b"
    r"|\b(?P<confirmed>confirm(?:ed|s|ing)?|acknowledg(?:e|ed|es)|admit(?:s|ted)?|verif(?:y|ied)"
    r")\b",
    re.IGNORECASE,
)
_PLACE_BEFORE: Final = re.compile(
    r"\b(?:in|from|to|towards?|near|off|at|into|over|across|inside|outside)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_STOPWORDS: Final = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or",
    "but", "as", "that", "this", "these", "those", "it", "its", "is", "are", "was", "were", "be",
    "been", "being", "has", "have", "had", "will", "would", "shall", "should", "can", "could",
    "may", "might", "must", "which", "who", "whom", "whose", "what", "when", "where", "while",
    "after", "before", "during", "than", "then", "there", "their", "they", "them", "he", "she",
    "his", "her", "we", "our", "you", "your", "one", "into", "onto", "over", "under", "about",
    "said", "says", "say", "according", "also", "not", "no"
})
_UNITS: Final = {
    "km": "km", "kilometre": "km", "kilometer": "km", "kilometres": "km", "kilometers": "km",
    "mile": "mi", "miles": "mi", "mi": "mi", "m": "m", "metre": "m", "meter": "m",
    "metres": "m", "meters": "m", "percent": "%", "per cent": "%",
}


@dataclass
class _Features:
    """What comparing a claim needs: masked wording and the values it names."""

    index: int
    claim: Claim
    frame: str
    quantities: dict[str, dict[float, str]] = field(default_factory=dict)
    dates: dict[str, str] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)
    actors: dict[str, str] = field(default_factory=dict)
    stance: tuple[str, str] | None = None

    def anchors(self) -> set[str]:
        values = {f"q:{u}:{v}" for u, vs in self.quantities.items() for v in vs}
        values |= {f"d:{d}" for d in self.dates}
        values |= {f"p:{p}" for p in self.places} | {f"a:{a}" for a in self.actors}
        return values


@dataclass
class Corroboration:
    """The result: one claim per cluster (numbered C1...), conflicts, and every input claim
    relabelled with the id of the claim that now stands for it (for the timeline)."""

    claims: list[Claim]
    conflicts: list[Conflict]
    cited: list[Claim]


# --- independence ---------------------------------------------------------------------------


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


# --- features -------------------------------------------------------------------------------


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix) and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


def _unit(unit: str | None) -> str:
    key = " ".join((unit or "").casefold().split())
    return _UNITS.get(key, _stem(key))


def _names(quote: str, entities: Sequence[Entity]) -> list[tuple[int, int, Entity]]:
    hits: list[tuple[int, int, Entity]] = []
    for entity in entities:
        if entity.type in {"weapon", "other"}:
            continue
        for name in [entity.name, *entity.aliases]:
            for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", quote):
                hits.append((match.start(), match.end(), entity))
    hits.sort(key=lambda hit: (hit[0], -(hit[1] - hit[0])))
    kept: list[tuple[int, int, Entity]] = []
    for hit in hits:
        if not kept or hit[0] >= kept[-1][1]:
            kept.append(hit)
    return kept


def _features(index: int, claim: Claim, entities: Sequence[Entity]) -> _Features:
    quote = claim.quote
    feature = _Features(index=index, claim=claim, frame="")
    masks: list[tuple[int, int, str]] = []
    cursor = 0
    for quantity in claim.quantities:
        at = quote.find(quantity.text, cursor)
        if at < 0:
            continue
        cursor = at + len(quantity.text)
        masks.append((at, cursor, " qty "))
        if quantity.value is not None and quantity.unit:
            unit = _unit(quantity.unit)
            feature.quantities.setdefault(unit, {})[quantity.value] = quantity.text
    for ref in claim.times:
        at = quote.find(ref.text)
        if at >= 0:
            masks.append((at, at + len(ref.text), " when "))
        if ref.kind != "time" and ref.resolved:
            feature.dates.setdefault(ref.resolved, ref.text)
    for start, end, entity in _names(quote, entities):
        place = entity.type == "location" or (
            entity.type == "country" and bool(_PLACE_BEFORE.search(quote[:start]))
        )
        target = feature.places if place else feature.actors
        target.setdefault(entity.name.casefold(), entity.name)
        masks.append((start, end, " place " if place else " actor "))
    for match in _STANCE.finditer(quote):
        kind = "denied" if match.group("denied") else "confirmed"
        if feature.stance is None:
            feature.stance = (kind, match.group(0))
        masks.append((match.start(), match.end(), " stance "))
    masked = quote
    for start, end, label in sorted(_drop_overlaps(masks), reverse=True):
        masked = masked[:start] + label + masked[end:]
    words = [_stem(w.casefold()) for w in _WORD.findall(masked)]
    feature.frame = " ".join(w for w in words if w not in _STOPWORDS)
    return feature


def _drop_overlaps(masks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for mask in sorted(masks, key=lambda m: (m[0], -(m[1] - m[0]))):
        if not kept or mask[0] >= kept[-1][1]:
            kept.append(mask)
    return kept


# --- comparing two claims -------------------------------------------------------------------


def _disagreements(a: _Features, b: _Features) -> list[tuple[ConflictAspect, str, str]]:
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
class _Pair:
    score: float
    agree: bool
    conflicts: tuple[tuple[ConflictAspect, str, str], ...] = ()


def _compare(a: _Features, b: _Features, score: float) -> _Pair | None:
    shared = len(a.anchors() & b.anchors())
    differing = _disagreements(a, b)
    if differing:
        threshold = CONFLICT_SIMILARITY_ANCHORED if shared else CONFLICT_SIMILARITY
        return _Pair(score, False, tuple(differing)) if score >= threshold else None
    if a.claim.kind != b.claim.kind:
        return None
    if score >= AGREE_SIMILARITY_ALONE or (shared and score >= AGREE_SIMILARITY):
        return _Pair(score, True)
    return None


def _scores(frames: list[str]) -> dict[tuple[int, int], float]:
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


# --- clustering -----------------------------------------------------------------------------


def _citation(claim: Claim) -> Citation:
    return Citation(source_id=claim.source_id, span=claim.span, quote=claim.quote,
                    grounding=claim.grounding, paragraph=claim.paragraph)


def corroborate(
    claims: Sequence[Claim],
    sources: Sequence[Source],
    entities: Mapping[str, Sequence[Entity]] | None = None,
) -> Corroboration:
    """Cluster claims across sources, rate credibility, and find conflicting reporting.

    ``claims`` are in source order; ``entities`` are each source's entities by source id
    (found from the source text when missing).
    """
    order = {source.id: i for i, source in enumerate(sources)}
    reliability = {source.id: source.reliability for source in sources}
    pairs = dependence(sources)
    groups = independence_groups(sources, pairs)
    named = dict(entities or {})
    for source in sources:
        if not named.get(source.id):
            from briefing.text.entities import extract_entities

            named[source.id] = extract_entities(source.text)
    features = [_features(i, c, named.get(c.source_id, [])) for i, c in enumerate(claims)]

    relations: dict[tuple[int, int], _Pair] = {}
    if len(sources) > 1 and len(claims) > 1:
        for (i, j), score in _scores([f.frame for f in features]).items():
            a, b = features[i], features[j]
            if a.claim.source_id == b.claim.source_id:
                continue
            pair = _compare(a, b, score)
            if pair is not None:
                relations[(i, j)] = relations[(j, i)] = pair

    agreeing_with: dict[int, list[int]] = {}
    for (i, j), pair in relations.items():
        if pair.agree:
            agreeing_with.setdefault(i, []).append(j)
    clusters: list[list[int]] = []
    assigned: dict[int, int] = {}  # claim index -> cluster number, as clusters grow
    for feature in features:
        best, best_score = None, -1.0
        # Only a cluster holding a claim this one agrees with can take it (in cluster order,
        # as a scan of every cluster would find them): linear in claims, not quadratic.
        candidates = sorted({assigned[m] for m in agreeing_with.get(feature.index, [])
                             if m in assigned})
        for number in candidates:
            members = clusters[number]
            if any(claims[m].source_id == feature.claim.source_id for m in members):
                continue
            found = [relations.get((feature.index, m)) for m in members]
            if any(r is not None and not r.agree for r in found):
                continue
            agreeing = [r.score for r in found if r is not None and r.agree]
            if agreeing and max(agreeing) > best_score:
                best, best_score = number, max(agreeing)
        if best is None:
            assigned[feature.index] = len(clusters)
            clusters.append([feature.index])
        else:
            assigned[feature.index] = best
            clusters[best].append(feature.index)

    cluster_of = {m: n for n, members in enumerate(clusters) for m in members}
    conflicting: dict[tuple[int, int], dict[ConflictAspect, tuple[int, str, int, str]]] = {}
    for (i, j), pair in relations.items():
        if pair.agree or i > j:
            continue
        key = (cluster_of[i], cluster_of[j])
        if key[0] > key[1]:
            key = (key[1], key[0])
            i, j = j, i
            flipped = tuple((aspect, right, left) for aspect, left, right in pair.conflicts)
        else:
            flipped = pair.conflicts
        for aspect, left, right in flipped:
            conflicting.setdefault(key, {}).setdefault(aspect, (i, left, j, right))

    representatives: list[Claim] = []
    new_id: dict[int, str] = {}
    for members in clusters:
        ordered = sorted(members, key=lambda m: (order.get(claims[m].source_id, 0), m))
        lead = min(ordered, key=lambda m: (reliability.get(claims[m].source_id, "F"),
                                           ordered.index(m)))
        cited = [lead] + [m for m in ordered if m != lead]
        citations: list[Citation] = []
        for m in cited:
            citation = _citation(claims[m])
            for earlier in citations:
                if groups[earlier.source_id] == groups[citation.source_id]:
                    citation.not_independent_of = earlier.source_id
                    citation.dependence = pairs.get(
                        (citation.source_id, earlier.source_id), "copied text")
                    break
            citations.append(citation)
        lead_group = groups[claims[lead].source_id]
        independent = {groups[claims[m].source_id] for m in members}
        # Admiralty 1 is "confirmed by other sources": two independent reports agree. A
        # contradiction does not undo the confirmation; it is shown under Conflicting reporting.
        credibility: Credibility = 1 if len(independent) >= 2 else 6
        claim = claims[lead].model_copy(deep=True, update={
            "id": f"C{len(representatives) + 1}",
            "citations": citations,
            "credibility": credibility,
            "corroborated_by": [c.source_id for c in citations[1:]
                                if groups[c.source_id] != lead_group],
        })
        representatives.append(claim)
        for m in members:
            new_id[m] = claim.id

    conflicts: list[Conflict] = []
    for (first, second), aspects in sorted(conflicting.items()):
        for aspect, (i, left, j, right) in aspects.items():
            sides = [
                ConflictSide(claim_id=new_id[i], value=left,
                             statement=representatives[first].statement,
                             citations=representatives[first].citations),
                ConflictSide(claim_id=new_id[j], value=right,
                             statement=representatives[second].statement,
                             citations=representatives[second].citations),
            ]
            conflicts.append(Conflict(aspect=aspect, sides=sides))
    cited_claims = [c.model_copy(update={"id": new_id[i]}) for i, c in enumerate(claims)]
    return Corroboration(representatives, conflicts, cited_claims)
