"""Numbers with their units in a clause: "800 kilometres", "$3.5 million", "several missiles"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Final, TypedDict

from .dates import Openings, TimeFields, find_time_fields, openings
from .lexicons import NUMBER_WORDS, SCALE_WORDS, TENS_WORDS
from .phrases import fold
from .schema import Quantity

_UNIT_WORDS: Final = "one|two|three|four|five|six|seven|eight|nine"
_NUMBER_WORD: Final = (
    rf"(?:(?:{'|'.join(sorted(TENS_WORDS))})-(?:{_UNIT_WORDS})"
    + "|" + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
    + r")(?!\w)"
)
_SCALE: Final = "|".join(SCALE_WORDS)


#: Matched against lower-cased text: a case-blind alternation of words is several times slower.
_QUANTITY: Final = re.compile(
    rf"(?<![\w.:/-])(?P<currency>[$€£])?(?:(?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)"
    rf"|(?P<word>{_NUMBER_WORD}))(?:\s+(?P<scale>{_SCALE}))?"
    rf"(?:\s*(?P<unit>%|per\s?cent|percent|km/h|[a-z][a-z-]*))?"
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
_YEAR: Final = re.compile(r"(?:19|20)\d\d")
_CURRENCIES: Final = {"$": "USD", "€": "EUR", "£": "GBP"}


class QuantityFields(TypedDict):
    """The fields of a Quantity, for whoever validates them into one (see find_quantity_fields)."""

    text: str
    value: float | None
    unit: str | None


def _word_value(word: str) -> float | None:
    """Value of a number word: "twenty-three" -> 23.0, "several" -> None."""
    key = " ".join(word.split())
    if key in NUMBER_WORDS:
        return NUMBER_WORDS[key]
    tens, _, unit = key.partition("-")
    return (NUMBER_WORDS[tens] or 0) + (NUMBER_WORDS[unit] or 0)


def quantities(text: str) -> list[Quantity]:
    """The quantities named in a clause, in order; years, dates and clock times are left out."""
    return [quantity for _, _, quantity in find_quantities(text)]


def _starts(lowered: str, opened: Openings, reopened: list[int]) -> list[int]:
    """Every place in a lower-cased text where _QUANTITY may match, and a few more, in order:
    a digit, a currency sign or a number word, after no ``[\\w.:/-]``.

    ``opened`` holds the digits and number words of the text before its dates and times were
    blanked out, ``reopened`` the places where blanking may open one more (see _blank).
    """
    found = [at for at in (*opened.digits, *opened.numbers, *reopened)
             if at == 0 or lowered[at - 1] not in ".:/-"]
    for sign in "$€£":
        at = lowered.find(sign)
        while at >= 0:
            if at == 0 or not (lowered[at - 1].isalnum() or lowered[at - 1] in "_.:/-"):
                found.append(at)
            at = lowered.find(sign, at + 1)
    found.sort()
    return found


def _blank(text: str, ranges: Iterable[tuple[int, int]]) -> tuple[str, list[int]]:
    """The text with the ranges, those that overlap no range before them, blanked out (spaces);
    and where blanking may open a quantity that the text itself has none at.

    That is just after a range that follows a word character ("12" after the "pm" of "5pm12"),
    and just before a range of one character (the "a" of "a" + blank + "few").
    """
    pieces: list[str] = []
    reopened: list[int] = []
    cursor = 0
    for start, end in sorted(ranges):
        if start >= cursor:
            pieces += [text[cursor:start], " " * (end - start)]
            cursor = end
            if end - start == 1 and start > 0:
                reopened.append(start - 1)
            if start < end < len(text) and (text[end - 1].isalnum() or text[end - 1] == "_"):
                reopened.append(end)
    pieces.append(text[cursor:])
    return "".join(pieces), reopened


def find_quantities(
    text: str, skip: Iterable[tuple[int, int]] | None = None
) -> list[tuple[int, int, Quantity]]:
    """The quantities named in a text with their character ranges, in order.

    ``skip`` holds the ranges of dates and clock times ("3 March", "14:00"), which are not
    quantities; they are found here when not given. Run once over a whole report, then picked
    per claim by range: one pass costs far less than one per claim.
    """
    return [(start, end, Quantity(**fields)) for start, end, fields in find_quantity_fields(text, skip)]


def find_quantity_fields(
    text: str, skip: Iterable[tuple[int, int]] | None = None
) -> list[tuple[int, int, QuantityFields]]:
    """As find_quantities, with each quantity's fields in place of the Quantity.

    Grounding validates the fields of the quantities in a claim together with the claim: a
    nested dict costs less than a Quantity(...) call of its own, one that no claim holds costs
    nothing, and claims that overlap need no copies.
    """
    opened = openings(text)
    if skip is None:
        skip = [(start, end) for start, end, _ in find_time_fields(text, opened=opened)]
    return _quantity_fields(text, skip, opened)


def find_time_and_quantity_fields(
    text: str, published: date | None = None
) -> tuple[list[tuple[int, int, TimeFields]], list[tuple[int, int, QuantityFields]]]:
    """find_time_fields(text, published), and find_quantity_fields(text) with those dates and
    times as ``skip``: both found from one scan of where they may open (see openings)."""
    opened = openings(text)
    times = find_time_fields(text, published, opened)
    return times, _quantity_fields(text, [(start, end) for start, end, _ in times], opened)


def _quantity_fields(
    text: str, skip: Iterable[tuple[int, int]], opened: Openings
) -> list[tuple[int, int, QuantityFields]]:
    masked, reopened = _blank(text, skip)
    lowered = fold(masked)
    out: list[tuple[int, int, QuantityFields]] = []
    resume = 0
    for at in _starts(lowered, opened, reopened):  # as _QUANTITY.finditer(lowered) would
        if at < resume or not (match := _QUANTITY.match(lowered, at)):
            continue
        currency, digits, word, scale, said_unit = match.groups()
        start = match.start()
        end = resume = match.end()
        # The unit closes the pattern, so it ends where the match does.
        unit = text[match.start("unit") : end] if said_unit else None
        if unit and "-" in unit:  # "several short-range ballistic missiles": skip modifiers
            following = _NEXT_WORDS.match(masked, end)
            nouns = [w for w in (following.group(0).split() if following else []) if "-" not in w]
            if nouns:
                unit = nouns[-1]
                end = masked.find(unit, resume) + len(unit)
        if unit and unit.lower().rstrip(".") in _NOT_UNITS:
            unit = None
        if digits and not unit and _YEAR.fullmatch(digits):
            continue
        if word == "one" and not unit:
            continue
        value = float(digits.replace(",", "")) if digits else _word_value(word)
        if scale and value is not None:
            value *= SCALE_WORDS[scale]
        if currency:
            unit = _CURRENCIES[currency]
        elif unit and " ".join(unit.lower().split()) in {"per cent", "percent"}:
            unit = "%"
        if currency or not unit:
            end = match.end("scale" if scale else "digits" if digits else "word")
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append((start, end, {"text": text[start:end], "value": value, "unit": unit}))
    return out
