"""Holders and entities of two briefs compared as entities, not as strings.

A claim's holder is the one the reader attributed it to, or else the one its frame names
("was reported safe by the Harbour Authority", "the shipping company Drevhydro said").
Two holders are one when their keys match ("the Kestrian envoy", "the envoy of Kestria") or
when both name one person or organization ("the shipping company Drevhydro", "Drevhydro").
Entities are one across the briefs when their keys match ("Lanholm", "Lanholm Island") or a
demonym of a country stands in the other brief ("Kestrian" for "Kestria").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from briefing.brief.corroboration.frame import holder as frame_holder
from briefing.schema import Brief, Claim, Entity
from briefing.text.names import EntityTable, name_key

_CAPITAL_RUN: Final = re.compile(r"(?<![\w’'])[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")
_NAMED: Final = frozenset({"person", "organization"})


def holder_of(claim: Claim) -> str | None:
    """Who holds a claim: its attribution, or the holder its frame names."""
    return claim.attributed_to or frame_holder(claim.quote)


class Holders:
    """Compares holders and entities against the entities of both briefs."""

    def __init__(self, old: Brief, new: Brief) -> None:
        self.table = EntityTable.of([*old.entities, *new.entities])

    def _names(self, holder: str) -> set[str]:
        """Keys of the people and organizations a holder names: those of the entity table,
        and any other run of capitalized words that is not a place or a demonym."""
        found = set()
        for run in _CAPITAL_RUN.finditer(holder):
            words = run.group(0).split()
            if words[0] in {"The", "A", "An"}:
                words = words[1:]
            whole = name_key(" ".join(words))
            if whole and self.table.types.get(whole) not in {"country", "location"} and not (
                    len(words) == 1 and self.table.demonym(words[0])):
                found.add(whole)
            for size in range(len(words), 0, -1):
                for start in range(len(words) - size + 1):
                    key = name_key(" ".join(words[start : start + size]))
                    if self.table.types.get(key) in _NAMED:
                        found.add(key)
        return found

    def same(self, old: str | None, new: str | None) -> bool:
        """Whether two holders are one (both None: the report's own voice)."""
        if old is None or new is None:
            return old is new
        if self.table.holder_key(old) == self.table.holder_key(new):
            return True
        return bool(self._names(old) & self._names(new))

    def keys(self, brief: Brief) -> set[str]:
        """Every entity key a brief names, demonyms included."""
        found = {name_key(n) for e in brief.entities for n in (e.name, *e.aliases)}
        for claim in brief.claims:
            for word in re.findall(r"(?<![\w’'])[A-Z][a-z]{3,}", claim.quote):
                country = self.table.demonym(word)
                if country is not None:
                    found.add(country)
        return found

    def missing(self, entities: Iterable[Entity], other: set[str]) -> list[Entity]:
        """The entities whose every name is missing from the other brief's keys."""
        return [e for e in entities
                if not any(name_key(n) in other for n in (e.name, *e.aliases))]
