"""ICD 203 expressions of likelihood: band terms, their synonyms and probability ranges."""

from __future__ import annotations

from typing import Final

from briefing.schema import Likelihood

#: Band term -> probability range in percent (ODNI, ICD 203, 2015).
BANDS: Final[dict[Likelihood, tuple[int, int]]] = {
    "almost no chance": (1, 5),
    "very unlikely": (5, 20),
    "unlikely": (20, 45),
    "roughly even chance": (45, 55),
    "likely": (55, 80),
    "very likely": (80, 95),
    "almost certain": (95, 99),
}

#: Cue as written (lower case) -> band. Cues not listed here (may, might, could,
#: possible, does not rule out, ...) have no band: they are unquantified.
CUE_BANDS: Final[dict[str, Likelihood]] = {
    "almost no chance": "almost no chance",
    "remote chance": "almost no chance",
    "remote possibility": "almost no chance",
    "remote likelihood": "almost no chance",
    "is remote": "almost no chance",
    "are remote": "almost no chance",
    "remains remote": "almost no chance",
    "remain remote": "almost no chance",
    "seems remote": "almost no chance",
    "very unlikely": "very unlikely",
    "highly unlikely": "very unlikely",
    "highly improbable": "very unlikely",
    "very improbable": "very unlikely",
    "unlikely": "unlikely",
    "improbable": "unlikely",
    "not likely": "unlikely",
    "probably not": "unlikely",
    "roughly even chance": "roughly even chance",
    "roughly even odds": "roughly even chance",
    "even chance": "roughly even chance",
    "even odds": "roughly even chance",
    "fifty-fifty": "roughly even chance",
    "likely": "likely",
    "more likely than not": "likely",
    "probable": "likely",
    "probably": "likely",
    "very likely": "very likely",
    "highly likely": "very likely",
    "highly probable": "very likely",
    "very probably": "very likely",
    "most likely": "very likely",
    "almost certain": "almost certain",
    "almost certainly": "almost certain",
    "nearly certain": "almost certain",
    "nearly certainly": "almost certain",
    "virtually certain": "almost certain",
}


def band_of(cue: str | None) -> Likelihood | None:
    """The ICD 203 band a hedge cue expresses, or None when it expresses no band."""
    if not cue:
        return None
    return CUE_BANDS.get(" ".join(cue.lower().split()))


def probability_of(band: Likelihood | None) -> tuple[int, int] | None:
    """The probability range (percent) of a band, or None."""
    return BANDS[band] if band else None


def describe(band: Likelihood | None) -> str:
    """A band with its range for a brief: "likely (55–80%)", or "unquantified"."""
    if band is None:
        return "unquantified"
    low, high = BANDS[band]
    return f"{band} ({low:02d}–{high:02d}%)" if low < 10 else f"{band} ({low}–{high}%)"
