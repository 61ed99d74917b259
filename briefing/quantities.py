"""Numbers with their units in a clause: "800 kilometres", "$3.5 million", "several missiles"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final, TypedDict

from .dates import digit_starts, find_time_fields
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
#: Turns the text, encoded as ASCII (one byte a character, "?" for any other), into one where
#: every character that may stand just before a quantity, all but ``[\w.:/-]``, is a space.
_BEFORE_TO_SPACE: Final = bytes(
    c if chr(c).isalnum() or chr(c) in "_.:/-" else ord(" ") for c in range(256)
)
_FIRST_LETTERS: Final = sorted({w[0] for w in (*NUMBER_WORDS, *TENS_WORDS)})
#: A space and a number word after it, in that text. The engine searches fast for the space, a
#: plain character, where a pattern opening with a word is tried at every character.
_WORD_AFTER_SPACE: Final = re.compile(
    b" (?=" + b"|".join(
        re.escape(first).encode() + b"(?:" + b"|".join(sorted(
            re.escape(w[1:]).encode() for w in (*NUMBER_WORDS, *TENS_WORDS) if w[0] == first
        )) + b")" for first in _FIRST_LETTERS
    ) + b")"
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


def _starts(lowered: str) -> list[int]:
    """Every place in a lower-cased text where _QUANTITY may match, and a few more, in order:
    a digit, a currency sign or a number word, after no ``[\\w.:/-]``."""
    found = [at for at in digit_starts(lowered) if at == 0 or lowered[at - 1] not in ".:/-"]
    for sign in "$€£":
        at = lowered.find(sign)
        while at >= 0:
            if at == 0 or not (lowered[at - 1].isalnum() or lowered[at - 1] in "_.:/-"):
                found.append(at)
            at = lowered.find(sign, at + 1)
    spaced = b" " + lowered.encode("ascii", "replace").translate(_BEFORE_TO_SPACE)
    found += [m.start() for m in _WORD_AFTER_SPACE.finditer(spaced)]  # one space ahead of lowered
    found.sort()
    return found


def _blank(text: str, ranges: Iterable[tuple[int, int]]) -> str:
    pieces, cursor = [], 0
    for start, end in sorted(ranges):
        if start >= cursor:
            pieces += [text[cursor:start], " " * (end - start)]
            cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


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
    if skip is None:
        skip = [(start, end) for start, end, _ in find_time_fields(text)]
    masked = _blank(text, skip)
    lowered = fold(masked)
    out: list[tuple[int, int, QuantityFields]] = []
    resume = 0
    for at in _starts(lowered):  # as _QUANTITY.finditer(lowered) would
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
