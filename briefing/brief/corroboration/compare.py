"""Relating two claims of different reports, aspect by aspect: same event, agreement, conflict.

Two claims report the *same event* when their content lemmas overlap and either they share a
value (a measure that agrees, a date, a place, an actor, a stance) or their wording (the units
of their quantities counted as words) overlaps almost whole. On the same event, an aspect both
state with one value is *corroborated*; a different value of the same aspect (a measure of the
same unit whose intervals do not meet, another date, place, actor or stance) is a *conflict*.
Claims that share no value but a date and differ in a place or an actor are about different
events ("residents of Velka" and "residents of Torholm"): neither corroboration nor conflict.
An aspect only one claim states is neither.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from briefing.brief.corroboration.features import ClaimFeatures
from briefing.schema import ConflictAspect
from briefing.text.values import Measure

#: Share of the smaller claim's content lemmas the other must hold, when a value is shared.
ANCHORED_OVERLAP: Final = 0.3
#: The same, when no value is shared, units of quantities counted as words (and the smaller
#: claim has at least two).
WORDING_OVERLAP: Final = 0.75
#: Share of a claim's content lemmas another claim must hold to confirm it whole.
COVERS: Final = 0.75

#: An aspect value: (aspect, normalized key).
AspectKey = tuple[ConflictAspect, str]


@dataclass(frozen=True)
class Difference:
    """One aspect both claims state with different values."""

    aspect: ConflictAspect
    left_key: str
    left: str
    right_key: str
    right: str


@dataclass(frozen=True)
class Relation:
    """How claim a relates to claim b (same event): the aspects they share, those that differ."""

    shared_a: frozenset[AspectKey]
    shared_b: frozenset[AspectKey]
    differences: tuple[Difference, ...]
    agree: bool
    a_covered: bool  # b reports everything a reports: b confirms a
    b_covered: bool

    @property
    def equivalent(self) -> bool:
        """Each reports all the other does: one claim, told twice."""
        return self.agree and self.a_covered and self.b_covered


def aspect_keys(f: ClaimFeatures) -> set[AspectKey]:
    """Every aspect value of a claim."""
    keys: set[AspectKey] = {("quantity", measure_key(m)) for m in f.measures}
    keys |= {("date", d) for d in f.dates} | {("place", p) for p in f.places}
    keys |= {("actor", a) for a in f.actors}
    if f.stance:
        keys.add(("stance", f.stance[0]))
    return keys


def measure_key(measure: Measure) -> str:
    """A measure as an aspect key: its unit and interval."""
    return f"{measure.unit}:{measure.low!r}:{measure.high!r}"


def measures_meet(first: str, second: str) -> bool:
    """Whether two measure keys have one unit and intervals that meet."""
    unit, low, high = first.rsplit(":", 2)
    other_unit, other_low, other_high = second.rsplit(":", 2)
    return unit == other_unit and float(low) <= float(other_high) and float(other_low) <= float(high)


def dates_meet(first: str, second: str) -> bool:
    """Whether two date keys name a common day: ISO days or intervals ("2026-03-03/2026-03-05")
    that meet; any other key (a date the report's date could not resolve) only itself."""
    if first == second:
        return True
    if not (first[:4].isdigit() and second[:4].isdigit()):
        return False
    low, _, high = first.partition("/")
    other_low, _, other_high = second.partition("/")
    return low <= (other_high or other_low) and other_low <= (high or low)


def _named(a: ClaimFeatures, b: ClaimFeatures, shared_a: set[AspectKey],
           shared_b: set[AspectKey], differ: list[Difference]) -> None:
    """Places and actors: a name both claims give is shared, whatever role each gives it
    ("ships from Marovia", "Marovian ships"); a place (or actor) differs when both claims name
    one and none of either's is named by the other."""
    a_names = a.places.keys() | a.actors.keys()
    b_names = b.places.keys() | b.actors.keys()
    for key in a_names & b_names:
        shared_a.add(("place" if key in a.places else "actor", key))
        shared_b.add(("place" if key in b.places else "actor", key))
    for aspect, left, right in (("place", a.places, b.places), ("actor", a.actors, b.actors)):
        only_left = [k for k in left if k not in b_names]
        only_right = [k for k in right if k not in a_names]
        if only_left and only_right and not left.keys() & right.keys():
            kind: ConflictAspect = "place" if aspect == "place" else "actor"
            differ.append(Difference(kind, only_left[0], left[only_left[0]], only_right[0],
                                     right[only_right[0]]))


def _wording_overlap(a: ClaimFeatures, b: ClaimFeatures) -> float:
    """How much of the smaller claim's content the other holds, the units of its quantities
    counted as words ("six workers were injured" / "seven workers were hurt"), when no value is
    shared; 0 when the smaller has fewer than two such words."""
    left = a.lemmas | {m.unit for m in a.measures}
    right = b.lemmas | {m.unit for m in b.measures}
    small = min(len(left), len(right))
    return len(left & right) / small if small >= 2 else 0.0


def relate(a: ClaimFeatures, b: ClaimFeatures) -> Relation | None:
    """How two claims relate; None when they are not about the same event."""
    common = len(a.lemmas & b.lemmas)
    small = min(len(a.lemmas), len(b.lemmas))
    overlap = common / small if small else 0.0
    if overlap < ANCHORED_OVERLAP:
        return None
    shared_a: set[AspectKey] = set()
    shared_b: set[AspectKey] = set()
    differ: list[Difference] = []
    for unit in {m.unit for m in a.measures} & {m.unit for m in b.measures}:
        left = [m for m in a.measures if m.unit == unit]
        right = [m for m in b.measures if m.unit == unit]
        matched = [(x, y) for x in left for y in right if x.agrees(y)]
        for x, y in matched:
            shared_a.add(("quantity", measure_key(x)))
            shared_b.add(("quantity", measure_key(y)))
        if not matched:
            differ.append(Difference("quantity", measure_key(left[0]), left[0].text,
                                     measure_key(right[0]), right[0].text))
    if a.dates and b.dates:
        meeting = [(x, y) for x in a.dates for y in b.dates if dates_meet(x, y)]
        shared_a.update(("date", x) for x, _ in meeting)
        shared_b.update(("date", y) for _, y in meeting)
        if not meeting:
            (lk, lv), (rk, rv) = next(iter(a.dates.items())), next(iter(b.dates.items()))
            differ.append(Difference("date", lk, lv, rk, rv))
    _named(a, b, shared_a, shared_b, differ)
    if a.stance and b.stance:
        if a.stance[0] == b.stance[0]:
            shared_a.add(("stance", a.stance[0]))
            shared_b.add(("stance", b.stance[0]))
        else:
            differ.append(Difference("stance", a.stance[0], a.stance[0], b.stance[0],
                                     b.stance[0]))
    if not shared_a and _wording_overlap(a, b) < WORDING_OVERLAP:
        return None
    if any(d.aspect in {"place", "actor"} for d in differ) and not any(
            aspect != "date" for aspect, _ in shared_a):
        return None  # another town, another person, on the same day or not: another event
    kinds = {a.claim.kind, b.claim.kind}
    if differ and "uncertainty" in kinds:
        return None  # a possibility does not contradict a report
    agree = not differ and len(kinds) == 1
    a_covered = agree and common / max(len(a.lemmas), 1) >= COVERS and shared_a >= aspect_keys(a)
    b_covered = agree and common / max(len(b.lemmas), 1) >= COVERS and shared_b >= aspect_keys(b)
    if not differ and not agree:
        return None
    return Relation(frozenset(shared_a), frozenset(shared_b), tuple(differ), agree,
                    a_covered, b_covered)
