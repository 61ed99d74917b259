"""Values as reports word them, made comparable: units unified, approximations and ranges kept.

"roughly 300 km", "about 300 kilometres" and "three hundred kilometres" are one measure: 300
in kilometres, the first two approximate. A measure is an interval: an exact number is a
point, "about"/"some"/"roughly" widen it by APPROXIMATE, "more than"/"at least" open it
upwards, "up to"/"fewer than" downwards, "between 40 and 50" spans both. Two measures of one
unit agree when their intervals meet and differ when they do not.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from briefing.schema import Quantity

#: How far "about 300" reaches either side: 10%.
APPROXIMATE: Final = 0.1

_UNITS: Final = {
    "km": "km", "kms": "km", "kilometre": "km", "kilometer": "km", "kilometres": "km",
    "kilometers": "km", "mile": "mi", "miles": "mi", "mi": "mi", "m": "m", "metre": "m",
    "meter": "m", "metres": "m", "meters": "m", "kg": "kg", "kilogram": "kg", "kilograms": "kg",
    "t": "t", "tonne": "t", "tonnes": "t", "ton": "t", "tons": "t", "%": "%", "percent": "%",
    "per cent": "%", "hrs": "hour", "hr": "hour", "h": "hour", "mins": "minute",
    "min": "minute", "nm": "nmi", "nautical": "nmi",
}
#: Words before a number that make it approximate, or a bound.
_QUALIFIER: Final = re.compile(
    r"(?:(?P<about>about|around|roughly|some|approximately|an\s+estimated|estimated|circa|c\.)"
    r"|(?P<below>nearly|almost|close\s+to|just\s+under)"
    r"|(?P<atleast>more\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of)"
    r"|(?P<atmost>up\s+to|as\s+many\s+as|fewer\s+than|less\s+than|under|at\s+most))\s+$",
    re.IGNORECASE,
)
#: "One missile", "a missile": an article, not a count worth comparing.
_ARTICLE: Final = re.compile(r"(?:one|an?)\s", re.IGNORECASE)
_RANGE_OPEN: Final = re.compile(r"(?:between|from)\s+$", re.IGNORECASE)
_RANGE_JOIN: Final = re.compile(r"\s*(?:and|to|-|–)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Measure:
    """A quantity as an interval in a unified unit, with the words that state it."""

    unit: str
    low: float
    high: float
    text: str

    def agrees(self, other: Measure) -> bool:
        """Same unit, and the intervals meet ("about 300 km" and "310 kilometres")."""
        return self.unit == other.unit and self.low <= other.high and other.low <= self.high


#: Units of time, in hours: "two days" and "48 hours" are one duration.
_HOURS: Final = {"minute": 1 / 60, "hour": 1.0, "day": 24.0, "week": 168.0}


@lru_cache(maxsize=4096)
def unit_key(unit: str | None) -> str:
    """One spelling per unit: "kilometres" and "km" are "km"; nouns by their lemma ("tugs")."""
    key = " ".join((unit or "").casefold().rstrip(".").split())
    if key in _UNITS:
        return _UNITS[key]
    from briefing.text.lemmas import lemma

    return lemma(key)


def measures(quote: str, quantities: Sequence[Quantity]) -> list[Measure]:
    """The measures of a claim: each quantity with a value and a unit, as an interval.

    "between 40 and 50 people" (two quantities, the first without its unit) is one measure.
    """
    found: list[Measure] = []
    cursor = 0
    pending: tuple[float, int] | None = None  # the first number of a range, waiting
    for quantity in quantities:
        at = quote.find(quantity.text, cursor)
        if at < 0 or quantity.value is None or (quantity.value == 1 and _ARTICLE.match(quantity.text)):
            pending = None
            continue
        before = quote[max(0, at - 24) : at]
        value = quantity.value
        if quantity.unit is None:
            if _RANGE_OPEN.search(before) or pending is None:
                pending = (value, at)
            cursor = at + len(quantity.text)
            continue
        low = high = value
        start = at
        if pending is not None and _RANGE_JOIN.fullmatch(_between(quote, pending[1], at)):
            low, high = sorted((pending[0], value))
            start = pending[1]
        elif (qualifier := _QUALIFIER.search(before)) is not None:
            if qualifier.group("about"):
                low, high = value * (1 - APPROXIMATE), value * (1 + APPROXIMATE)
            elif qualifier.group("below"):
                low = value * (1 - APPROXIMATE)
            elif qualifier.group("atleast"):
                high = math.inf
            else:
                low = 0.0
            start = at - len(before) + qualifier.start()
        pending = None
        cursor = at + len(quantity.text)
        unit = unit_key(quantity.unit)
        if unit in _HOURS:  # durations in hours
            low, high, unit = low * _HOURS[unit], high * _HOURS[unit], "hour"
        found.append(Measure(unit, low, high, quote[start:cursor]))
    return found


def _between(quote: str, start: int, end: int) -> str:
    """The words between the two numbers of a range ("40| and |50")."""
    first = re.match(r"[\w.,]+", quote[start:end])
    return quote[start + (first.end() if first else 0) : end]
