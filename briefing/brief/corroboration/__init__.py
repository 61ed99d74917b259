"""Corroboration across reports: per-aspect corroboration and conflicts, clusters, credibility.

Rules (see docs/multi-source.md):

- Two sources are *not independent* when they share a publisher, or when one repeats the
  other's text nearly verbatim (at least ``COPY_CONTAINMENT`` of the shorter text's word
  5-grams appear in the longer). Dependence is transitive: sources fall into groups.
- Claims are compared on their content, not their frame (holder, dateline, outlet): content
  lemmas, and the values they report by aspect (quantity, date, place, actor, stance), each
  normalized (numbers in words, units, approximations, dates against each report's own date,
  one entity table for the brief).
- On the same event, an aspect two claims state with one value is corroborated, with two
  values a conflict; an aspect one claim alone states is neither.
- Claims that say the same thing form one cluster, at most one claim per source and never two
  conflicting claims, shown as one claim (the claim of the most reliable source, earliest
  first) with every member's citation.
- Credibility (Admiralty 1-6) is computed, never guessed: 1 when an independent report
  confirms all of a claim and no report contradicts any of its aspects; 6 ("cannot be
  judged") in every other case.

``independence`` groups sources, ``frame`` sets the frame apart, ``features`` reads a claim's
lemmas and aspects, ``blocking`` chooses the pairs worth comparing, ``compare`` relates two
claims aspect by aspect, ``clusters`` gathers, rates and lists the conflicts.
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
