"""Numbers with their units in a clause: "800 kilometres", "$3.5 million", "several missiles"."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from datetime import date
from typing import Final, TypedDict

from text_to_num import text2num

from briefing.schema import Quantity
from briefing.text.dates import Openings, TimeFields, find_time_fields, openings
from briefing.text.lexicons import NUMBER_WORDS, SCALE_WORDS, TENS_WORDS

#: Each lower-case ASCII letter as the characters whose lower case it is: the letter in either
#: case, and the Kelvin sign for "k" (no other character outside ASCII lower-cases into ASCII).
_CASES: Final = {c: f"[{c}{c.upper()}]" for c in string.ascii_lowercase} | {"k": "[kK\u212a]"}


def _either_case(words: Iterable[str]) -> str:
    """An alternation of lower-case words, each matching wherever it matches the lower-cased
    text: "[oO][nN][eE]". (A case-blind pattern matches more: "ſ" as "s", "ı" as "i".)"""
    return "|".join("".join(_CASES.get(c) or re.escape(c) for c in word) for word in words)


_UNIT_WORDS: Final = _either_case(("one", "two", "three", "four", "five", "six", "seven", "eight",
                                   "nine"))
_NUMBER_WORD: Final = (
    rf"(?:(?:{_either_case(sorted(TENS_WORDS))})-(?:{_UNIT_WORDS})"
    + "|" + _either_case(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r")(?!\w)"
)
_SCALE: Final = _either_case(SCALE_WORDS)


#: Matched against the text as it is, with the dates and times blanked out, and finding what the
#: lower-case pattern would find in the lower-cased text (whose word characters, digits, spaces
#: and signs are the text's), without lower-casing the text: the words' letters are classes of
#: either case, each tried at once by the engine as a plain letter is.
_QUANTITY: Final = re.compile(
    rf"(?<![\w.:/-])(?P<currency>[$€£])?(?:(?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)"
    rf"|(?P<word>{_NUMBER_WORD}))(?:\s+(?P<scale>{_SCALE}))?"
    rf"(?:\s*(?P<unit>%|{_either_case(['per'])}\s?{_either_case(['cent'])}|{_either_case(['percent'])}"
    rf"|{_either_case(['km/h'])}|[a-zA-Z\u212a][a-zA-Z\u212a-]*))?"
)
#: Words that follow a number without being its unit.
_NOT_UNITS: Final = frozenset({
    "and", "or", "to", "of", "the", "a", "an", "in", "on", "at", "for", "by", "from", "with",
    "as", "was", "were", "is", "are", "had", "have", "has", "that", "which", "who", "after",
    "before", "when", "more", "than", "said", "am", "pm", "a.m", "p.m", "local", "gmt", "utc",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "but", "percentage", "it", "this", "per",
})
_NEXT_WORDS: Final = re.compile(r"(?:\s+[A-Za-z][A-Za-z-]*){1,2}")
#: One more word of a number written in words ("three| hundred", "one thousand| two",
#: "nine hundred| and ninety"), after the first.
_MORE_NUMBER: Final = re.compile(
    rf"(?:\s+|-)(?:(?:{_either_case(['and'])})\s+)?(?:{_NUMBER_WORD}|(?:{_SCALE})(?!\w))"
)
#: The unit after a number written in several words, as _QUANTITY reads it.
_UNIT_AFTER: Final = re.compile(
    rf"\s*(?P<unit>%|{_either_case(['per'])}\s?{_either_case(['cent'])}|{_either_case(['percent'])}"
    rf"|{_either_case(['km/h'])}|[a-zA-Z\u212a][a-zA-Z\u212a-]*)"
)
#: A unit joined to its number by a hyphen ("48-hour", "three-day").
_HYPHEN_UNIT: Final = re.compile(r"-(?P<unit>[a-z]+)(?![\w-])")
#: A lower-case noun after a capitalized word ("a dozen Veskan| ships").
_NOUN_AFTER: Final = re.compile(r"\s+(?P<noun>[a-z][a-z-]*)")
_YEAR: Final = re.compile(r"(?:19|20)\d\d")
_CLOCK_HOURS: Final = re.compile(r"[012]\d[0-5]\d")
_CURRENCIES: Final = {"$": "USD", "€": "EUR", "£": "GBP"}


class QuantityFields(TypedDict):
    """The fields of a Quantity, for whoever validates them into one (see find_time_and_quantity_fields)."""

    text: str
    value: float | None
    unit: str | None


#: Words a number written in words runs on over after its first: "nine hundred and ninety-nine
#: thousand nine hundred and ninety-nine" needs 9; more is no number anyone writes in words.
MAX_RUN_WORDS: Final = 16


def _word_value(word: str) -> float | None:
    """Value of a number word: "twenty-three" -> 23.0, "several" -> None."""
    key = " ".join(word.split())
    if key in NUMBER_WORDS:
        return NUMBER_WORDS[key]
    tens, _, unit = key.partition("-")
    return (NUMBER_WORDS[tens] or 0) + (NUMBER_WORDS[unit] or 0)


def _run_value(words: str) -> float | None:
    """Value of a number written in several words ("one thousand two hundred" -> 1200.0), read
    by text2num; None when it reads none."""
    try:
        return float(text2num(" ".join(words.replace("-", " ").split()).lower(), "en"))
    except ValueError:
        return None


def _number_run(masked: str, start: int, end: int) -> tuple[int, float] | None:
    """Where a number written in words that opens at ``start`` and whose first word ends at
    ``end`` really ends, and its value, when it runs on over more words ("three hundred",
    "one thousand two hundred"); None when it is one word.

    The longest run that text2num reads wins: "forty and fifty" is forty, then fifty. A run
    is read over at most MAX_RUN_WORDS words after its first, so that a text of nothing but
    number words stays linear (each longer try costs text2num the whole run again).
    """
    ends: list[int] = []
    while len(ends) < MAX_RUN_WORDS and (more := _MORE_NUMBER.match(masked, end)) is not None:
        end = more.end()
        ends.append(end)
    for candidate in reversed(ends):
        value = _run_value(masked[start:candidate])
        if value is not None:
            return candidate, value
    return None


def quantities(text: str) -> list[Quantity]:
    """The quantities named in a clause, in order; years, dates and clock times are left out."""
    return [quantity for _, _, quantity in find_quantities(text)]


def _starts(masked: str, opened: Openings, reopened: list[int]) -> list[int]:
    """Every place in a text with its dates and times blanked out where _QUANTITY may match, and
    a few more, in order: a digit, a currency sign or a number word, after no ``[\\w.:/-]``.

    ``opened`` holds the digits and number words of the text before the blanking, ``reopened``
    the places where blanking may open one more (see _blank).
    """
    found = [at for at in (*opened.digits, *opened.numbers, *reopened)  # not where blanked
             if masked[at] != " " and (at == 0 or masked[at - 1] not in ".:/-")]
    for sign in "$€£":
        at = masked.find(sign)
        while at >= 0:
            if at == 0 or not (masked[at - 1].isalnum() or masked[at - 1] in "_.:/-"):
                found.append(at)
            at = masked.find(sign, at + 1)
    found.sort()
    return found


def _blank(text: str, ranges: Iterable[tuple[int, int]]) -> tuple[str, list[int]]:
    """The text with the ranges, those that overlap no range before them, blanked out (spaces);
    and where blanking may open a quantity that the text itself has none at.

    That is a digit or a letter just after a range that follows a word character ("12" after
    the "pm" of "5pm12"), and just before a range of one character (the "a" of "a" + blank +
    "few").
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
            if start < end < len(text) and text[end].isalnum() and (
                    text[end - 1].isalnum() or text[end - 1] == "_"):
                reopened.append(end)  # a digit or a letter, which may open a quantity
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
    opened = openings(text)
    if skip is None:
        skip = [(start, end) for start, end, _ in find_time_fields(text, opened=opened)]
    return [(start, end, Quantity(**fields)) for start, end, fields in _quantity_fields(text, skip, opened)]


def find_time_and_quantity_fields(
    text: str, published: date | None = None
) -> tuple[list[tuple[int, int, TimeFields]], list[tuple[int, int, QuantityFields]]]:
    """find_time_fields(text, published), and the fields of find_quantities(text) with those
    dates and times as ``skip``: both found from one scan of where they may open (see openings).

    Grounding validates the fields of the quantities in a claim together with the claim: a
    nested dict costs less than a Quantity(...) call of its own, one that no claim holds costs
    nothing, and claims that overlap need no copies.
    """
    opened = openings(text)
    times = find_time_fields(text, published, opened)
    return times, _quantity_fields(text, [(start, end) for start, end, _ in times], opened)


def _quantity_fields(
    text: str, skip: Iterable[tuple[int, int]], opened: Openings
) -> list[tuple[int, int, QuantityFields]]:
    masked, reopened = _blank(text, skip)
    out: list[tuple[int, int, QuantityFields]] = []
    units: dict[str, str] = {}
    resume = 0
    for at in _starts(masked, opened, reopened):  # as _QUANTITY.finditer(masked) would
        if at < resume or not (match := _QUANTITY.match(masked, at)):
            continue
        currency, digits, word, scale, said_unit = match.groups()
        word, scale = word and word.lower(), scale and scale.lower()
        start = match.start()
        end = resume = match.end()
        # The unit closes the pattern, so it ends where the match does.
        unit = text[match.start("unit") : end] if said_unit else None
        run = _number_run(masked, match.start("word"), match.end("word")) if word else None
        if run is not None:  # "three hundred kilometres": one number, then its unit
            run_end = run[0]
            after = _UNIT_AFTER.match(masked, run_end)
            if after and after.group("unit").lower().endswith("ed"):
                after = None  # "about two hundred marched": a verb, not a unit
            scale, said_unit = None, after and after.group("unit")
            unit = text[after.start("unit") : after.end()] if after else None
            end = resume = after.end() if after else run_end
        if not unit and not currency and (hyphen := _HYPHEN_UNIT.match(masked, end)):
            unit = hyphen.group("unit")  # "a 48-hour ceasefire", "a three-day strike"
            end = resume = hyphen.end()
        if unit and unit[0].isupper() and (noun := _NOUN_AFTER.match(masked, end)):
            unit = noun.group("noun")  # "a dozen Veskan ships": the ships, not the demonym
            end = resume = noun.end()
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
        if digits and unit and _CLOCK_HOURS.fullmatch(digits) and unit.lower() in {"hours", "hrs"}:
            continue  # "at 0600 hours": a time of day, not a duration
        if word == "one" and not unit and run is None:
            continue
        if run is not None:
            value: float | None = run[1]
        else:
            value = float(digits.replace(",", "")) if digits else _word_value(word)
        if scale and value is not None:
            value *= SCALE_WORDS[scale]
        if currency:
            unit = _CURRENCIES[currency]
        elif unit and " ".join(unit.lower().split()) in {"per cent", "percent"}:
            unit = "%"
        if currency or not unit:
            end = (run[0] if run is not None
                   else match.end("scale" if scale else "digits" if digits else "word"))
        while end > start and text[end - 1].isspace():
            end -= 1
        if unit is not None:  # a report names few units many times: one string for each
            unit = units.setdefault(unit, unit)
        out.append((start, end, {"text": text[start:end], "value": value, "unit": unit}))
    return out
