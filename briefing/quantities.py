"""Numbers with their units in a clause: "800 kilometres", "$3.5 million", "several missiles"."""

from __future__ import annotations

import re
from typing import Final

from .dates import DATE_PATTERN, TIME_PATTERN
from .lexicons import NUMBER_WORDS, SCALE_WORDS
from .phrases import words_of
from .schema import Quantity

_NUMBER_WORD: Final = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_SCALE: Final = "|".join(SCALE_WORDS)
_QUANTITY: Final = re.compile(
    rf"(?<![\w.:/-])(?P<currency>[$€£])?(?:(?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)"
    rf"|(?P<word>{_NUMBER_WORD}))(?:\s+(?P<scale>{_SCALE}))?"
    rf"(?:\s*(?P<unit>%|per\s?cent|percent|km/h|[a-zA-Z][a-zA-Z-]*))?",
    re.IGNORECASE,
)
#: Words that follow a number without being its unit.
_NOT_UNITS: Final = frozenset({
    "and", "or", "to", "of", "the", "a", "an", "in", "on", "at", "for", "by", "from", "with",
    "as", "was", "were", "is", "are", "had", "have", "has", "that", "which", "who", "after",
    "before", "when", "more", "than", "said", "am", "pm", "a.m", "p.m", "local", "gmt", "utc",
    "hours", "hrs", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "but", "percentage", "it", "this", "per",
})
_NEXT_WORDS: Final = re.compile(r"(?:\s+[A-Za-z][A-Za-z-]*){1,2}")
_DIGIT: Final = re.compile(r"\d")
_WORDS: Final = frozenset(w.split()[-1] for w in NUMBER_WORDS) | frozenset(SCALE_WORDS)
_YEAR: Final = re.compile(r"(?:19|20)\d\d")


def quantities(text: str) -> list[Quantity]:
    """The quantities named in a clause, in order; years and clock times are left out."""
    out: list[Quantity] = []
    if not _DIGIT.search(text) and _WORDS.isdisjoint(words_of(text)):
        return out
    masked = text
    for pattern in (DATE_PATTERN, TIME_PATTERN):
        masked = pattern.sub(lambda m: " " * len(m.group(0)), masked)
    for match in _QUANTITY.finditer(masked):
        digits, word = match.group("digits"), match.group("word")
        unit = match.group("unit")
        end = match.end()
        if unit and "-" in unit:  # "several short-range ballistic missiles": skip modifiers
            following = _NEXT_WORDS.match(masked, match.end())
            nouns = [w for w in (following.group(0).split() if following else []) if "-" not in w]
            if nouns:
                unit = nouns[-1]
                end = masked.find(unit, match.end()) + len(unit)
        if unit and unit.lower().rstrip(".") in _NOT_UNITS:
            unit = None
        if digits and _YEAR.fullmatch(digits) and not unit:
            continue
        if word and word.lower() in {"one"} and not unit:
            continue
        if word and not word[0].isalpha():
            continue
        value = (float(digits.replace(",", "")) if digits
                 else NUMBER_WORDS[" ".join(word.lower().split())])
        if match.group("scale") and value is not None:
            value *= SCALE_WORDS[match.group("scale").lower()]
        number_end = match.end("scale") if match.group("scale") else (
            match.end("digits") if digits else match.end("word")
        )
        if match.group("currency"):
            unit = {"$": "USD", "€": "EUR", "£": "GBP"}[match.group("currency")]
            end = number_end
        elif unit and " ".join(unit.lower().split()) in {"per cent", "percent"}:
            unit = "%"
        if not unit:
            end = number_end
        out.append(Quantity(text=text[match.start() : end].strip(), value=value, unit=unit))
    return out
