"""What comparing a claim needs: the content lemmas and the values it reports, per aspect.

A claim's content (its quote without the frame, see ``frame``) yields:

- *lemmas*: content words by their lemma, verbs of one event mapped to one word (``vocabulary``),
  with numbers, dates, names and stance words left out: what the claim is about;
- *aspects*: the values it states, each comparable across reports: measures (``text.values``:
  unit unified, approximations and ranges as intervals), dates resolved against the claim's
  own report, places and actors by entity key (``text.names``: demonyms to their country,
  "the island of X" as "X"), and a stance (denied / confirmed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from briefing.brief.corroboration.frame import content
from briefing.brief.corroboration.vocabulary import EVENT_SYNONYMS, STOPWORDS
from briefing.schema import Claim
from briefing.text.lemmas import lemma
from briefing.text.names import EntityTable, name_key
from briefing.text.values import Measure, measures

_WORD: Final = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_CAPITALIZED: Final = re.compile(r"(?<![\w’'])[A-Z][a-z]{3,}(?![\w’'])")
_STANCE: Final = re.compile(
    r"\b(?P<denied>den(?:y|ied|ies|ying)|refut(?:e|ed|es)|reject(?:ed|s)?|dismiss(?:ed|es)?)\b"
    r"|\b(?P<confirmed>confirm(?:ed|s|ing)?|acknowledg(?:e|ed|es)|admit(?:s|ted)?|verif(?:y|ied)"
    r")\b",
    re.IGNORECASE,
)
_CAPITAL_RUN: Final = re.compile(r"(?<![\w’'])[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")
_NAMED_TYPES: Final = frozenset({"country", "location", "person", "organization"})
_PLACE_BEFORE: Final = re.compile(
    r"\b(?:in|from|to|towards?|near|off|at|into|over|across|inside|outside|of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


@dataclass
class ClaimFeatures:
    """One claim's content lemmas and values, by aspect (keys normalized, texts as written)."""

    index: int
    claim: Claim
    lemmas: frozenset[str]
    measures: list[Measure] = field(default_factory=list)
    dates: dict[str, str] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)
    actors: dict[str, str] = field(default_factory=dict)
    stance: tuple[str, str] | None = None

    def keys(self) -> set[str]:
        """Blocking keys: the values and the content lemmas this claim could share."""
        found = {f"q:{m.unit}" for m in self.measures} | {f"d:{d}" for d in self.dates}
        found |= {f"p:{p}" for p in self.places} | {f"a:{a}" for a in self.actors}
        return found | {f"w:{w}" for w in self.lemmas}

    def signature(self) -> tuple[object, ...]:
        """Equal for claims that report the same content the same way (grouped before pairing)."""
        return (self.claim.kind, self.lemmas,
                tuple(sorted((m.unit, m.low, m.high) for m in self.measures)),
                frozenset(self.dates), frozenset(self.places), frozenset(self.actors),
                self.stance[0] if self.stance else None)


def _names(said: str, table: EntityTable) -> list[tuple[int, int, str]]:
    """Places and actors of the brief's entity table named in a text: (start, end, key), the
    longest name first; found by capitalized words looked up, not by one pattern per name."""
    found: list[tuple[int, int, str]] = []
    for run in _CAPITAL_RUN.finditer(said):
        words = [(run.start() + w.start(), run.start() + w.end())
                 for w in re.finditer(r"\S+", run.group(0))]
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + 4), i, -1):
                key = name_key(said[words[i][0] : words[j - 1][1]])
                if table.types.get(key) in _NAMED_TYPES:
                    found.append((words[i][0], words[j - 1][1], key))
                    i = j
                    break
            else:
                i += 1
    return found


def claim_features(index: int, claim: Claim, table: EntityTable) -> ClaimFeatures:
    """Read a claim's content lemmas and aspect values (see the module docstring)."""
    said = content(claim.quote, claim.attributed_to, claim.attribution_cue)
    found = measures(said, claim.quantities)
    feature = ClaimFeatures(index=index, claim=claim, lemmas=frozenset(), measures=found)
    masks: list[tuple[int, int]] = []
    for start, end, key in _names(said, table):
        country = table.demonym(said[start:end])  # "Kestrian" in a brief naming Kestria
        if country is not None:
            feature.actors.setdefault(country, said[start:end])
        elif _PLACE_BEFORE.search(said[:start]):
            feature.places.setdefault(key, said[start:end])
        else:  # no preposition: a subject or an object, an actor ("Marovia launched")
            feature.actors.setdefault(key, said[start:end])
        masks.append((start, end))
    for match in _CAPITALIZED.finditer(said):  # "the Marovian navy": Marovia is an actor
        country = table.demonym(match.group(0))
        if country is not None and not any(a <= match.start() < b for a, b in masks):
            feature.actors.setdefault(country, match.group(0))
            masks.append(match.span())
    for measure in found:
        at = said.find(measure.text)
        if at >= 0:
            masks.append((at, at + len(measure.text)))
    for ref in claim.times:
        at = said.find(ref.text)
        if at < 0:
            continue
        masks.append((at, at + len(ref.text)))
        if ref.kind != "time":
            feature.dates.setdefault(ref.resolved or " ".join(ref.text.casefold().split()),
                                     ref.text)
    for match in _STANCE.finditer(claim.quote):
        if feature.stance is None:
            feature.stance = ("denied" if match.group("denied") else "confirmed", match.group(0))
    words = []
    cursor = 0
    for start, end in sorted(masks):
        if start >= cursor:
            words += _WORD.findall(said[cursor:start])
            cursor = end
    words += _WORD.findall(said[cursor:])
    lemmas = set()
    for word in words:
        lowered = word.casefold()
        if lowered in STOPWORDS or len(lowered) < 3:
            continue
        base = lemma(lowered)
        if base in STOPWORDS:
            continue
        lemmas.add(EVENT_SYNONYMS.get(base, base))
    feature.lemmas = frozenset(lemmas)
    return feature
