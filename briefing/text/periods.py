"""Relative days and periods ("three days ago", "last week", "late April"), resolved to ISO.

A table of the forms reports use, each resolved against the report's publication date: a day
to an ISO date ("2026-11-17"), a period to an ISO 8601 interval ("2026-11-09/2026-11-15").
Without a publication date nothing is resolved. The brief's timeline uses these to date and
order what a claim says happened; claims keep their own TimeRefs.

| expression | resolved against a report of Friday 2026-11-20 |
|---|---|
| three days ago, 3 days ago | 2026-11-17 |
| two weeks ago | 2026-11-06 |
| a month ago | 2026-10-20 |
| last week | 2026-11-09/2026-11-15 (Monday to Sunday) |
| this week / earlier this week | 2026-11-16/2026-11-22 / 2026-11-16/2026-11-19 |
| next week | 2026-11-23/2026-11-29 |
| last month | 2026-10-01/2026-10-31 |
| this month / earlier this month | 2026-11-01/2026-11-30 / 2026-11-01/2026-11-19 |
| last year / earlier this year | 2025-01-01/2025-12-31 / 2026-01-01/2026-11-19 |
| early / mid / late April | 2026-04-01/2026-04-10 / 2026-04-11/2026-04-20 / 2026-04-21/2026-04-30 |
| late December (the latest one up to a week ahead) | 2025-12-21/2025-12-31 |
| will reopen in late April (a clause looking ahead) | 2027-04-21/2027-04-30 |
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Final

from briefing.text.lexicons import MONTHS, NUMBER_WORDS

_COUNT: Final = "|".join(sorted((w for w, v in NUMBER_WORDS.items() if v), key=len, reverse=True))
_MONTH_NAMES: Final = "|".join(m.capitalize() for m in MONTHS)
PERIOD_PATTERN: Final = re.compile(
    rf"\b(?:(?P<count>\d{{1,3}}|(?i:an?|{_COUNT}))\s+(?P<unit>day|week|month|year)s?\s+ago"
    rf"|(?P<part>[Ee]arly|[Mm]id|[Ll]ate)[\s-]+(?P<month>{_MONTH_NAMES})(?:\s+(?P<year>\d{{4}}))?"
    rf"|(?P<which>[Ll]ast|[Tt]his|[Ee]arlier\s+this|[Nn]ext|[Tt]he\s+past)\s+(?P<span>week|month|year))\b",
)
#: Words every expression of the table holds one of: a text without any holds none.
_MAY_HOLD: Final = re.compile(r"ago\b|[Ll]ast |[Tt]his |[Nn]ext |[Pp]ast |[Ee]arly|[Mm]id|[Ll]ate")
_PARTS: Final = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


def _count(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in ("a", "an"):
        return 1
    value = NUMBER_WORDS.get(word)
    return int(value) if value else None


def _months_back(day: date, months: int) -> date:
    month = day.month - 1 - months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _interval(start: date, end: date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"


def _period(which: str, span: str, published: date) -> str | None:
    which = " ".join(which.lower().split())
    if span == "week":
        monday = published - timedelta(days=published.weekday())
        start = {"last": monday - timedelta(days=7), "next": monday + timedelta(days=7)}.get(
            which, monday)
        end = start + timedelta(days=6)
        if which == "the past":
            start, end = published - timedelta(days=7), published - timedelta(days=1)
    elif span == "month":
        first = published.replace(day=1)
        if which == "last":
            end = first - timedelta(days=1)
            start = end.replace(day=1)
        elif which == "next":
            start = (first + timedelta(days=32)).replace(day=1)
            end = start.replace(day=calendar.monthrange(start.year, start.month)[1])
        elif which == "the past":
            start, end = _months_back(published, 1), published - timedelta(days=1)
        else:
            start = first
            end = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    else:
        year = published.year + {"last": -1, "next": 1}.get(which, 0)
        start, end = date(year, 1, 1), date(year, 12, 31)
        if which == "the past":
            start, end = published.replace(year=published.year - 1), published - timedelta(days=1)
    if which == "earlier this":
        end = min(end, published - timedelta(days=1))
        if end < start:
            return None
    return _interval(start, end)


def resolve_period(said: str, published: date | None, future: bool = False) -> str | None:
    """ISO date or interval of a relative expression the table knows; None when it does not,
    or when the report's date is unknown (a month with its year resolves without one).

    A part of a month without its year is the latest one up to a week after the report's date,
    or, when ``future`` says its clause looks ahead ("will reopen in late April"), the next one.
    """
    match = PERIOD_PATTERN.fullmatch(" ".join(said.split()))
    if match is None:
        return None
    if match["part"]:
        month = MONTHS.index(match["month"].lower()) + 1
        if match["year"]:
            year = int(match["year"])
        elif published is None:
            return None
        else:
            year = published.year
            if future and date(year, month, _PARTS[match["part"].lower()][0]) < published:
                year += 1
            elif not future and date(year, month, 1) > published + timedelta(days=7):
                year -= 1
        low, high = _PARTS[match["part"].lower()]
        high = min(high, calendar.monthrange(year, month)[1])
        return _interval(date(year, month, low), date(year, month, high))
    if published is None:
        return None
    if match["count"]:
        count = _count(match["count"])
        if count is None:
            return None
        unit = match["unit"].lower()
        if unit in ("day", "week"):
            return (published - timedelta(days=count * (7 if unit == "week" else 1))).isoformat()
        return _months_back(published, count * (12 if unit == "year" else 1)).isoformat()
    return _period(match["which"], match["span"].lower(), published)


def find_periods(text: str) -> list[tuple[int, int, str]]:
    """(start, end, words) of every relative expression of the table in a text."""
    if not _MAY_HOLD.search(text):
        return []  # most sentences hold none: one cheap scan instead of the full pattern
    return [(m.start(), m.end(), m.group()) for m in PERIOD_PATTERN.finditer(text)]
