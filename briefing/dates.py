"""Dates and times named in a clause, resolved against the report's date when it is known."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final, Literal

from .lexicons import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from .phrases import words_of
from .schema import TimeRef

_MONTH: Final = (
    "(?:" + "|".join(m.capitalize() for m in MONTHS) + "|"
    + "|".join(a.capitalize() + r"\.?" for a in MONTH_ABBREVIATIONS) + ")"
)
_WEEKDAY: Final = "(?:" + "|".join(d.capitalize() for d in WEEKDAYS) + ")"
_PART_OF_DAY: Final = r"(?:\s+(?:morning|afternoon|evening|night))?"
_RELATIVE_WORDS: Final = ("yesterday", "today", "tonight", "tomorrow", "last", "this", "earlier",
                           "next")
#: Every first character a date can have: a cheap test before the long alternation below.
_FIRST: Final = "".join(sorted(
    {w[0].upper() for w in (*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS)}
))
#: Dates and weekdays: they open with a digit or a capital, which the engine tests cheaply.
_ABSOLUTE: Final = re.compile(
    rf"\b(?=[\d{_FIRST}])(?:(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})"
    rf"|(?P<md>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)"
    rf"|(?P<dm>\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+\d{{4}})?)"
    rf"|(?P<my>{_MONTH}\s+\d{{4}})"
    rf"|(?P<weekday>{_WEEKDAY}{_PART_OF_DAY}))\b"
)
#: Days named relative to the report's date, in lower case ("yesterday", "last week"). They
#: open with common letters, so they are tried only where one of their first words stands.
_RELATIVE: Final = re.compile(
    r"\b(?P<relative>(?:yesterday|today|tonight|tomorrow|last\s+(?:night|week|month|year)"
    r"|this\s+(?:morning|afternoon|evening|week|month|year)|earlier\s+this\s+(?:week|month|year)"
    r"|next\s+(?:week|month|year)))\b"
)
#: Opens with a digit (no word character before it), so the engine skips ahead to digits fast.
TIME_PATTERN: Final = re.compile(
    r"\d(?<!\w\d)(?:\d?[:.]\d{2}\s*(?:a\.m\.|p\.m\.|AM|PM|am|pm|hrs|GMT|UTC)?"
    r"|\d?\s*(?:a\.m\.|p\.m\.|AM|PM|am|pm))(?!\w)(?:\s+local\s+time)?"
)


_DIGIT: Final = re.compile(r"\d")
_DATE_WORDS: Final = frozenset((*MONTHS, *WEEKDAYS, *MONTH_ABBREVIATIONS, *_RELATIVE_WORDS))


def _month_number(word: str) -> int:
    key = word.lower().rstrip(".")
    if key in MONTHS:
        return MONTHS.index(key) + 1
    return MONTH_ABBREVIATIONS[key]


#: Words that put the date after them in the future: "will meet on Thursday", "due to resume".
_FUTURE: Final = re.compile(  # matched against lower-cased text (faster than IGNORECASE)
    r"\b(?:will|shall|would|won't|'ll|’ll|due\s+to|scheduled|set\s+to|plans?\s+to|intends?\s+to"
    r"|expected\s+to|is\s+to|are\s+to|to\s+be\s+held|next|coming|upcoming)\b"
)
_CLAUSE_BREAKS: Final = ".!?;,\n"


def _clause_start(window: str) -> int:
    """Where the last clause of a window begins: after its last break (a final newline aside)."""
    body = window[:-1] if window.endswith("\n") else window
    cut = max(body.rfind(c) for c in _CLAUSE_BREAKS)
    if cut < 0 and len(body) < len(window):
        cut = len(body)  # the final newline is the only break
    return cut + 1


def future_context(text: str, start: int) -> bool:
    """Whether the words before a date, in its own clause, speak of the future.

    "The talks will resume on Thursday" is the coming Thursday; "the ministry said on
    Thursday" the past one. Only the clause up to the date is read.
    """
    window = text[max(0, start - 80) : start]
    return _FUTURE.search(window[_clause_start(window) :].lower()) is not None


def resolve(match: re.Match[str], published: date | None, future: bool = False) -> str | None:
    """ISO date of a date expression; relative ones only when the report's date is known.

    A date without a year, or a weekday, is taken as the latest one up to the report's date
    (a week's grace for dates), or, when ``future`` says the clause looks ahead, the next one.
    """
    groups = match.groupdict()
    try:
        if groups.get("iso"):
            return date.fromisoformat(groups["iso"]).isoformat()
        if groups.get("md") or groups.get("dm"):
            text = groups.get("md") or groups["dm"]
            parts = re.findall(r"[A-Za-z]+\.?|\d+", text)
            month = next(_month_number(p) for p in parts
                         if p[0].isalpha() and p not in {"st", "nd", "rd", "th"})  # "1st March"
            numbers = [int(p) for p in parts if p.isdigit()]
            day = numbers[0]
            if len(numbers) > 1:
                return date(numbers[1], month, day).isoformat()
            if published is None:
                return None
            candidate = date(published.year, month, day)
            if future and candidate < published:
                candidate = date(published.year + 1, month, day)
            elif not future and candidate > published + timedelta(days=7):
                candidate = date(published.year - 1, month, day)
            return candidate.isoformat()
    except (ValueError, StopIteration):
        return None
    if published is None:
        return None
    if groups.get("weekday"):
        weekday = WEEKDAYS.index(groups["weekday"].split()[0].lower())
        if future:
            return (published + timedelta(days=(weekday - published.weekday()) % 7 or 7)).isoformat()
        return (published - timedelta(days=(published.weekday() - weekday) % 7)).isoformat()
    relative = (groups.get("relative") or "").lower()
    offsets = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1,
               "this morning": 0, "this afternoon": 0, "this evening": 0}
    key = " ".join(relative.split())
    if key in offsets:
        return (published + timedelta(days=offsets[key])).isoformat()
    return None


def times(text: str, published: date | None = None) -> list[TimeRef]:
    """Dates, weekdays, relative days and clock times named in a clause, in order."""
    return [ref for _, _, ref in find_times(text, published)]


def _date_matches(text: str) -> list[re.Match[str]]:
    """Date expressions of a text in order of start: one scan for dates, finds for relative days."""
    matches = list(_ABSOLUTE.finditer(text))
    for word in _RELATIVE_WORDS:
        at = text.find(word)
        while at >= 0:
            match = _RELATIVE.match(text, at)
            if match:
                matches.append(match)
            at = text.find(word, at + 1)
    matches.sort(key=lambda m: m.start())
    return matches


def find_times(text: str, published: date | None = None) -> list[tuple[int, int, TimeRef]]:
    """Dates and times named in a text with their character ranges, in order of start.

    Run once over a whole report, then picked per claim by range.
    """
    found: list[tuple[int, int, TimeRef]] = []
    if not _DIGIT.search(text) and _DATE_WORDS.isdisjoint(words_of(text)):
        return []
    end = 0
    for match in _date_matches(text):
        if match.start() < end:
            continue  # inside the last one ("this week" in "earlier this week")
        end = match.end()
        groups = match.groupdict()
        dated = groups.get("iso") or groups.get("md") or groups.get("dm") or groups.get("my")
        kind: Literal["date", "relative"] = "date" if dated else "relative"
        future = bool(groups.get("weekday") or groups.get("md") or groups.get("dm")) and (
            future_context(text, match.start()))
        found.append((match.start(), match.end(),
                      TimeRef(text=match.group(0), kind=kind, resolved=resolve(match, published, future))))
    for match in TIME_PATTERN.finditer(text):
        start, end = match.span()
        while end > start and text[end - 1].isspace():
            end -= 1
        found.append((start, end, TimeRef(text=text[start:end], kind="time")))
    found.sort(key=lambda item: item[0])
    return found
