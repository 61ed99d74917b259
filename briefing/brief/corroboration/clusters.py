"""Clusters of claims that report one thing, their credibility per aspect, and conflicts.

Claims that say the same thing (``Relation.equivalent``), from different reports and never
in conflict, form one cluster, shown as one claim: the claim of the most reliable source
(earliest first), with every member's citation. Each shown claim lists its aspects with the
sources that corroborate or contradict each; its credibility is 1 ("confirmed") only when an
independent report confirms all of it and no report in the brief contradicts any of its
aspects, else 6 ("cannot be judged"). Conflicts are grouped per aspect: one entry per set of
clusters linked by differing values, one side per value.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from briefing.brief.corroboration.blocking import candidate_pairs, identical_groups
from briefing.brief.corroboration.compare import (
    Difference,
    Relation,
    measure_key,
    measures_meet,
    relate,
)
from briefing.brief.corroboration.features import ClaimFeatures, claim_features
from briefing.brief.corroboration.independence import independence
from briefing.key_tables import share_field_names
from briefing.schema import (
    AspectCheck,
    Citation,
    Claim,
    Conflict,
    ConflictAspect,
    ConflictSide,
    Credibility,
    Entity,
    FieldSets,
    Source,
)
from briefing.shared_empty import or_shared_empty
from briefing.text.names import EntityTable

_ASPECT_ORDER: tuple[ConflictAspect, ...] = ("quantity", "date", "place", "actor", "stance")


@dataclass
class Corroboration:
    """The result: one claim per cluster (numbered C1...), conflicts, and for every input claim,
    in input order, the id of the claim that now stands for it (for the timeline)."""

    claims: list[Claim]
    conflicts: list[Conflict]
    cited_ids: list[str]


#: Every field of a citation: each is given when one is made (one set of names for all).
_CITATION_FIELDS: Final = set(Citation.model_fields)


def _citation(claim: Claim) -> Citation:
    """A claim's own words as a citation, made from its validated fields without validating
    them again (and so sharing its span and quote, one set of field names and one table of
    them: ``share_field_names``)."""
    citation = Citation.model_construct(
        _CITATION_FIELDS, source_id=claim.source_id, span=claim.span, quote=claim.quote,
        grounding=claim.grounding, paragraph=claim.paragraph, page=None,
        not_independent_of=None, dependence=None)
    share_field_names(citation)
    return citation


def _flip(relation: Relation) -> Relation:
    return Relation(relation.shared_b, relation.shared_a, tuple(
        Difference(d.aspect, d.right_key, d.right, d.left_key, d.left)
        for d in relation.differences), relation.agree, relation.b_covered, relation.a_covered)


def _features(claims: Sequence[Claim], sources: Sequence[Source],
              entities: Mapping[str, Sequence[Entity]]) -> list[ClaimFeatures]:
    named = dict(entities)
    for source in sources:
        if not named.get(source.id):
            from briefing.text.entities import extract_entities

            named[source.id] = extract_entities(source.text)
    table = EntityTable.of(e for found in named.values() for e in found)
    return [claim_features(i, c, table) for i, c in enumerate(claims)]


def corroborate(
    claims: Sequence[Claim],
    sources: Sequence[Source],
    entities: Mapping[str, Sequence[Entity]] | None = None,
) -> Corroboration:
    """Cluster claims across sources, rate credibility per aspect, find conflicting reporting.

    ``claims`` are in source order; ``entities`` are each source's entities by source id
    (found from the source text when missing). The claim that leads each cluster is updated in
    place and stands for it (no copy: a brief of one long report holds each claim once).
    """
    order = {source.id: i for i, source in enumerate(sources)}
    reliability = {source.id: source.reliability for source in sources}
    known = independence(sources)
    groups = known.group
    several = len(sources) > 1 and len(claims) > 1
    features = _features(claims, sources, entities or {}) if several else []

    # Groups of identical claims, then relations between groups that share keys.
    same: list[list[int]] = []
    group_of: dict[int, int] = {}
    relations: dict[int, dict[int, Relation]] = {}
    clusters: Iterable[list[int]]
    cluster_of: Sequence[int]
    if several:
        same = identical_groups(features)
        group_of = {m: g for g, members in enumerate(same) for m in members}
        keys = [features[members[0]].keys() for members in same]
        for g, h in candidate_pairs(keys):
            relation = relate(features[same[g][0]], features[same[h][0]])
            if relation is not None:
                relations.setdefault(g, {})[h] = relation
                relations.setdefault(h, {})[g] = _flip(relation)
        clusters, cluster_of = _cluster(claims, group_of, relations)
    else:  # one report, or one claim: each claim stands alone
        clusters, cluster_of = _lone_clusters(len(claims))

    representatives: list[Claim] = []
    field_sets = FieldSets()
    new_id = [""] * len(claims)  # the id each claim is shown under (its cluster's)
    conflict_edges: list[tuple[ConflictAspect, int, str, str, int, str, str]] = []
    for members in clusters:
        ordered = sorted(members, key=lambda m: (order.get(claims[m].source_id, 0), m))
        lead = min(ordered, key=lambda m: reliability.get(claims[m].source_id, "F"))  # first
        cited = [lead] + [m for m in ordered if m != lead]
        citations: list[Citation] = []
        for m in cited:
            citation = _citation(claims[m])
            for earlier in citations:
                if groups[earlier.source_id] == groups[citation.source_id]:
                    citation.not_independent_of = earlier.source_id
                    citation.dependence = known.reason(citation.source_id, earlier.source_id)
                    break
            citations.append(citation)
        citations = citations[:]  # a copy holds its items in a block of its size, not of four
        own = claims[lead].source_id
        lead_group = groups[own]
        corroborating = [c.source_id for c in citations[1:] if groups[c.source_id] != lead_group]
        aspects: list[AspectCheck] = []
        contested = False
        if several:
            aspects, contested, covering = _aspects(
                lead, cited, features, same, group_of, relations, claims, groups, conflict_edges,
                cluster_of)
            corroborating += [s for s in covering if s not in corroborating and s != own]
        independent = {groups[s] for s in corroborating} - {lead_group}
        credibility: Credibility = 1 if independent and not contested else 6
        claim = claims[lead]
        field_sets.assign(claim, id=f"C{len(representatives) + 1}", citations=citations,
                          credibility=credibility,
                          corroborated_by=or_shared_empty(corroborating),
                          aspects=or_shared_empty(aspects))
        representatives.append(claim)
        for m in members:
            new_id[m] = claim.id

    conflicts = _conflicts(conflict_edges, representatives, cluster_of)
    return Corroboration(representatives, conflicts, new_id)


def _lone_clusters(count: int) -> tuple[Iterator[list[int]], range]:
    """The clusters of claims that each stand alone (one report), made one at a time as the
    claims are shown, and each claim's cluster: a long report's claims get no list each."""
    return ([i] for i in range(count)), range(count)


def _cluster(claims: Sequence[Claim], group_of: dict[int, int],
             relations: dict[int, dict[int, Relation]]) -> tuple[list[list[int]], list[int]]:
    """Clusters of claims (their indices), and each claim's cluster: one claim per source,
    equivalent claims only, never two in conflict. Each cluster keeps its sources and its
    groups, so a claim is checked against each group once."""
    clusters: list[list[int]] = []
    cluster_sources: list[set[str]] = []
    cluster_groups: list[set[int]] = []
    cluster_of: list[int] = []  # claims come in order: the cluster of claim i is at i
    clusters_of_group: dict[int, list[int]] = {}  # clusters holding a claim of each group
    near_of: dict[int, list[int]] = {}  # each group and the groups equivalent to it
    for i, claim in enumerate(claims):
        g = group_of[i]
        if g not in near_of:
            near_of[g] = [g] + [h for h, r in relations.get(g, {}).items() if r.equivalent]
        chosen = None
        for number in sorted({n for h in near_of[g] for n in clusters_of_group.get(h, ())}):
            if claim.source_id in cluster_sources[number]:
                continue
            mine = relations.get(g, {})
            if all(h == g or (h in mine and mine[h].equivalent) for h in cluster_groups[number]):
                chosen = number
                break
        if chosen is None:
            chosen = len(clusters)
            clusters.append([])
            cluster_sources.append(set())
            cluster_groups.append(set())
        clusters[chosen].append(i)
        cluster_sources[chosen].add(claim.source_id)
        cluster_groups[chosen].add(g)
        cluster_of.append(chosen)
        holding = clusters_of_group.setdefault(g, [])
        if chosen not in holding:
            holding.append(chosen)
    return clusters, cluster_of


def _aspects(
    lead: int, members: list[int], features: list[ClaimFeatures], same: list[list[int]],
    group_of: dict[int, int], relations: dict[int, dict[int, Relation]], claims: Sequence[Claim],
    groups: dict[str, int], edges: list[tuple[ConflictAspect, int, str, str, int, str, str]],
    cluster_of: Sequence[int],
) -> tuple[list[AspectCheck], bool, list[str]]:
    """The aspects of a cluster's shown claim, whether any is contradicted, and the sources of
    independent claims outside the cluster that confirm it whole."""
    own = claims[lead].source_id
    mine = features[lead]
    texts = _aspect_texts(mine)
    corroborated: dict[tuple[ConflictAspect, str], list[str]] = {k: [] for k in texts}
    contradicted: dict[tuple[ConflictAspect, str], list[str]] = {k: [] for k in texts}
    contested = False
    covering: list[str] = []
    for m in members:
        source = claims[m].source_id
        if groups[source] != groups[own]:
            for key in texts:
                if source not in corroborated[key]:
                    corroborated[key].append(source)
    member_groups = sorted({group_of[m] for m in members}, key=lambda g: g != group_of[lead])
    for g in member_groups:
        for h, relation in sorted(relations.get(g, {}).items()):
            for difference in relation.differences:
                contested = True
                mapped = _same_aspect((difference.aspect, difference.left_key), texts)
                for m in same[h]:
                    edges.append((difference.aspect, cluster_of[lead], difference.left_key,
                                  difference.left, cluster_of[m], difference.right_key,
                                  difference.right))
                    if mapped is not None and claims[m].source_id not in contradicted[mapped]:
                        contradicted[mapped].append(claims[m].source_id)
            if not relation.agree:
                continue
            shared = {k for k in map(lambda s: _same_aspect(s, texts), relation.shared_a) if k}
            for m in same[h]:
                source = claims[m].source_id
                if groups[source] == groups[own]:
                    continue
                for key in shared:
                    if source not in corroborated[key]:
                        corroborated[key].append(source)
                if relation.a_covered and source not in covering:
                    covering.append(source)
    checks = [AspectCheck(aspect=aspect, value=texts[(aspect, key)],
                          corroborated_by=corroborated[(aspect, key)],
                          contradicted_by=contradicted[(aspect, key)])
              for aspect, key in texts]
    return checks, contested, covering


def _same_aspect(key: tuple[ConflictAspect, str],
                 texts: Mapping[tuple[ConflictAspect, str], str]) -> tuple[ConflictAspect, str] | None:
    """The shown claim's key for an aspect value of a claim equivalent to it: the same key, or
    for a measure the one of the same unit ("about 300 km" for "300 kilometres")."""
    if key in texts:
        return key
    if key[0] == "quantity":
        unit = key[1].split(":", 1)[0]
        return next((k for k in texts if k[0] == "quantity" and k[1].split(":", 1)[0] == unit),
                    None)
    return next((k for k in texts if k[0] == key[0]), None) if key[0] == "stance" else None


def _aspect_texts(f: ClaimFeatures) -> dict[tuple[ConflictAspect, str], str]:
    texts: dict[tuple[ConflictAspect, str], str] = {}
    for m in f.measures:
        texts.setdefault(("quantity", measure_key(m)), m.text)
    for aspect, values in (("date", f.dates), ("place", f.places), ("actor", f.actors)):
        for key, text in values.items():
            texts.setdefault((aspect, key), text)  # type: ignore[arg-type]
    if f.stance:
        texts[("stance", f.stance[0])] = f.stance[0]
    return texts


def _conflicts(edges: list[tuple[ConflictAspect, int, str, str, int, str, str]],
               shown: list[Claim], cluster_of: Sequence[int]) -> list[Conflict]:
    """One conflict per aspect and set of clusters linked by differing values of it."""
    parent: dict[tuple[ConflictAspect, int], tuple[ConflictAspect, int]] = {}

    def root(item: tuple[ConflictAspect, int]) -> tuple[ConflictAspect, int]:
        parent.setdefault(item, item)
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for aspect, left, _, _, right, _, _ in edges:
        if left != right:
            parent[root((aspect, left))] = root((aspect, right))
    sides: dict[tuple[ConflictAspect, int], dict[str, tuple[int, str]]] = {}
    for aspect, left, left_key, left_text, right, right_key, right_text in edges:
        if left == right:
            continue
        values = sides.setdefault(root((aspect, left)), {})
        for cluster, key, text in ((left, left_key, left_text), (right, right_key, right_text)):
            if aspect == "quantity":  # "about 300 km" and "three hundred kilometres": one side
                key = next((k for k in values if measures_meet(k, key)), key)
            if key not in values or cluster < values[key][0]:
                values[key] = (cluster, text)
    conflicts: list[tuple[int, int, Conflict]] = []
    for (aspect, _), values in sides.items():
        ordered = sorted(values.values())
        if len(ordered) < 2:
            continue
        conflict = Conflict(aspect=aspect, sides=[
            ConflictSide(claim_id=shown[cluster].id, value=text,
                         statement=shown[cluster].statement,
                         citations=shown[cluster].citations)
            for cluster, text in ordered])
        conflicts.append((ordered[0][0], _ASPECT_ORDER.index(aspect), conflict))
    return [conflict for _, _, conflict in sorted(conflicts, key=lambda c: (c[0], c[1]))]
