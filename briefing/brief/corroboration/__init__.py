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

``independence`` groups sources that are not independent, ``features`` reads what a claim
names, ``compare`` relates two claims (agree, conflict, or nothing), ``clusters`` gathers
agreeing claims, rates them and lists the conflicts.
"""

from briefing.brief.corroboration.clusters import Corroboration, corroborate
from briefing.brief.corroboration.independence import (
    COPY_CONTAINMENT,
    Dependence,
    dependence,
    independence_groups,
)

__all__ = [
    "COPY_CONTAINMENT",
    "Corroboration",
    "Dependence",
    "corroborate",
    "dependence",
    "independence_groups",
]
