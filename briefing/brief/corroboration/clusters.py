"""Clusters of agreeing claims across sources, their credibility, and conflicting reporting."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from briefing.brief.corroboration.compare import Relation, relate, similar_pairs
from briefing.brief.corroboration.features import claim_features
from briefing.brief.corroboration.independence import dependence, independence_groups
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


@dataclass
class Corroboration:
    """The result: one claim per cluster (numbered C1...), conflicts, and every input claim
    relabelled with the id of the claim that now stands for it (for the timeline)."""

    claims: list[Claim]
    conflicts: list[Conflict]
    cited: list[Claim]



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
    features = [claim_features(i, c, named.get(c.source_id, [])) for i, c in enumerate(claims)]

    relations: dict[tuple[int, int], Relation] = {}
    if len(sources) > 1 and len(claims) > 1:
        for (i, j), score in similar_pairs([f.frame for f in features]).items():
            a, b = features[i], features[j]
            if a.claim.source_id == b.claim.source_id:
                continue
            pair = relate(a, b, score)
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
