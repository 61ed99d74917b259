"""What comparing a claim needs: its wording with values masked, and the values it names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from briefing.schema import Claim, Entity

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
class ClaimFeatures:
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


def claim_features(index: int, claim: Claim, entities: Sequence[Entity]) -> ClaimFeatures:
    quote = claim.quote
    feature = ClaimFeatures(index=index, claim=claim, frame="")
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
