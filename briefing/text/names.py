"""Names of places and actors made comparable across reports: one key, one type per entity.

"the island of Lanholm", "Lanholm Island" and "Lanholm" share the key "lanholm"; a demonym
("Kestrian", "Veskan") stands for the country or place the brief names ("Kestria", "Veska");
"the Kestrian envoy" and "the envoy of Kestria" are one holder. An EntityTable holds every
entity of a brief under its key, with the type most reports give it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

from briefing.schema import Entity, EntityType

_LEADING: Final = re.compile(
    r"^(?:the\s+)?(?:(?:island|isle|islands|port|town|city|village|region|province|district)"
    r"\s+of\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
_TRAILING: Final = re.compile(r"(?:'s|’s)$|\s+(?:island|isle|islands)$", re.IGNORECASE)
#: Demonym endings and what each may stand for: "Kestrian" -> "Kestria", "Veskan" -> "Veska",
#: "Brazilian" -> "Brazil", "Orlese" -> "Orl" or "Orla", "Omani" -> "Oman".
_DEMONYM_ENDINGS: Final = (
    ("ian", ("ia", "", "y")), ("an", ("a", "", "o")), ("ese", ("", "a", "e")),
    ("ish", ("", "land")), ("i", ("",)), ("ic", ("ia",)),
)
#: Types in the order a tie between reports is settled.
_TYPE_ORDER: Final[tuple[EntityType, ...]] = (
    "country", "location", "organization", "person", "weapon", "other")
_TITLE_WORDS: Final = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def name_key(name: str) -> str:
    """The key of a name: lower case, no "the", no "island of" / "Island", one space."""
    words = " ".join(name.split())
    words = _TRAILING.sub("", _LEADING.sub("", words))
    return words.casefold()


def demonym_candidates(word: str) -> list[str]:
    """Keys a capitalized adjective may stand for ("Kestrian" -> ["kestria", "kestr", ...])."""
    lower = word.casefold()
    found = []
    for ending, replacements in _DEMONYM_ENDINGS:
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            stem = lower[: -len(ending)]
            found += [stem + r for r in replacements]
    return found


@dataclass
class EntityTable:
    """Every entity of a brief under its key, with one type: the one most mentions give it."""

    names: dict[str, str] = field(default_factory=dict)
    types: dict[str, EntityType] = field(default_factory=dict)

    @classmethod
    def of(cls, entities: Iterable[Entity]) -> EntityTable:
        votes: dict[str, Counter[EntityType]] = {}
        spelled: dict[str, Counter[str]] = {}
        for entity in entities:
            for name in (entity.name, *entity.aliases):
                key = name_key(name)
                if not key:
                    continue
                votes.setdefault(key, Counter())[entity.type] += entity.mentions
                spelled.setdefault(key, Counter())[name] += entity.mentions
        table = cls()
        for key, counts in votes.items():
            best = max(counts.values())
            table.types[key] = next(t for t in _TYPE_ORDER if counts[t] == best)
            table.names[key] = spelled[key].most_common(1)[0][0]
        return table

    def demonym(self, word: str) -> str | None:
        """The key of the country or place a demonym stands for, when the brief names it."""
        for candidate in demonym_candidates(word):
            if self.types.get(candidate) in {"country", "location"}:
                return candidate
        return None

    def holder_key(self, holder: str | None) -> str | None:
        """A holder compared apart from its wording: "the Kestrian envoy" and "the envoy of
        Kestria" are both "envoy kestria"; case, "the" and word order do not count."""
        if holder is None:
            return None
        words = re.findall(r"[^\W_]+", _TITLE_WORDS.sub("", holder))
        keys = []
        for word in words:
            if word.casefold() in {"of", "the", "s"}:
                continue
            replaced = self.demonym(word) if word[:1].isupper() else None
            keys.append(replaced or name_key(word))
        return " ".join(sorted(keys)) or None


def merge_entities(groups: Iterable[Iterable[Entity]]) -> list[Entity]:
    """One entity per key for a whole brief, in order of first mention: mentions summed, the
    other spellings as aliases ("Lanholm" with "Lanholm Island", the demonym "Kestrian" with
    Kestria), and the type most mentions give it, so one name has one type in every report."""
    listed = [entity for entities in groups for entity in entities]
    table = EntityTable.of(listed)
    merged: dict[str, Entity] = {}
    for entity in listed:
        key = name_key(entity.name) or entity.name.casefold()
        if " " not in key and key not in {"country", "location"} and (
                country := table.demonym(entity.name)) and country != key:
            key = country  # "Kestrian" is named with Kestria
        if key not in merged:
            merged[key] = entity.model_copy(deep=True, update={
                "name": table.names.get(key, entity.name),
                "type": table.types.get(key, entity.type)})
            spellings = {entity.name, *entity.aliases}
        else:
            merged[key].mentions += entity.mentions
            spellings = {*merged[key].aliases, entity.name, *entity.aliases}
        merged[key].aliases = sorted(spellings - {merged[key].name})
    return list(merged.values())
