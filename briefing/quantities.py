"""Numbers with their units in a clause: "800 kilometres", "$3.5 million", "several missiles"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from .dates import find_times
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


def _first_letter_alternatives(words: Iterable[str]) -> str:
    """Regex alternatives that hold just after the first letter of one of the words, when the
    rest of that word follows: "(?<=t)(?=en|hree|wo)|(?<=o)(?=ne)"."""
    rests: dict[str, set[str]] = {}
    for word in words:
        rests.setdefault(word[0], set()).add(word[1:])
    return "|".join(
        f"(?<={re.escape(first)})(?={'|'.join(re.escape(rest) for rest in sorted(rest_set))})"
        for first, rest_set in sorted(rests.items())
    )


#: Matched against lower-cased text: a case-blind alternation of words is several times slower.
_QUANTITY: Final = re.compile(
    rf"(?<![\w.:/-])(?P<currency>[$€£])?(?:(?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)"
    rf"|(?P<word>{_NUMBER_WORD}))(?:\s+(?P<scale>{_SCALE}))?"
    rf"(?:\s*(?P<unit>%|per\s?cent|percent|km/h|[a-z][a-z-]*))?"
)
#: Every place _QUANTITY may start: a currency sign or digit, or the first letter of a number
#: word with the rest of one after it, in both cases where _QUANTITY's lookbehind holds. It opens
#: with a character class the regex engine scans for, where _QUANTITY, opening with a
#: lookbehind and a long alternation, is tried at every character of the text.
_QUANTITY_START: Final = re.compile(
    rf"[$€£\d{''.join(sorted({w[0] for w in (*NUMBER_WORDS, *TENS_WORDS)}))}](?<![\w.:/-].)"
    rf"(?:(?<=[$€£\d])|{_first_letter_alternatives((*NUMBER_WORDS, *TENS_WORDS))})"
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
    if skip is None:
        skip = [(start, end) for start, end, _ in find_times(text)]
    masked = _blank(text, skip)
    lowered = fold(masked)
    out: list[tuple[int, int, Quantity]] = []
    resume = 0
    for start_at in _QUANTITY_START.finditer(lowered):  # as _QUANTITY.finditer(lowered) would
        if start_at.start() < resume:
            continue
        match = _QUANTITY.match(lowered, start_at.start())
        if match is None:
            continue
        resume = match.end()
        digits, word = match.group("digits"), match.group("word")
        unit = text[match.start("unit") : match.end("unit")] if match.group("unit") else None
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
        if word == "one" and not unit:
            continue
        value = float(digits.replace(",", "")) if digits else _word_value(word)
        if match.group("scale") and value is not None:
            value *= SCALE_WORDS[match.group("scale")]
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
        start = match.start()
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append((start, end, Quantity(text=text[start:end], value=value, unit=unit)))
    return out
