"""Dates and times named in a clause, resolved against the report's date when it is known."""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any, Final, Literal, NamedTuple, NotRequired, TypedDict

from briefing.schema import TimeRef
from briefing.text.lexicons import MONTH_ABBREVIATIONS, MONTHS, NUMBER_WORDS, TENS_WORDS, WEEKDAYS

_MONTH: Final = (
    "(?:" + "|".join(m.capitalize() for m in MONTHS) + "|"
    + "|".join(a.capitalize() + r"\.?" for a in MONTH_ABBREVIATIONS) + ")"
)
_WEEKDAY: Final = "(?:" + "|".join(d.capitalize() for d in WEEKDAYS) + ")"
_PART_OF_DAY: Final = r"(?:\s+(?:morning|afternoon|evening|night))?"
_RELATIVE_WORDS: Final = ("yesterday", "today", "tonight", "tomorrow", "last", "this", "earlier",
                           "next")
#: Dates and weekdays: each opens with a digit or one of the names above. Tried only where one
#: of those stands (see _date_matches): a pattern opening with a word boundary is tried at every
#: character of the text by the regex engine.
_ABSOLUTE: Final = re.compile(
    rf"\b(?:(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})"
    rf"|(?P<dmrange>\d{{1,2}}(?:st|nd|rd|th)?\s*(?:-|–|to|until)\s*\d{{1,2}}(?:st|nd|rd|th)?"
    rf"\s+{_MONTH}(?:\s+\d{{4}})?)"
    rf"|(?P<mdrange>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:-|–|to|until)\s*"
    rf"\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)"
    rf"|(?P<md>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)"
    rf"|(?P<dm>\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+\d{{4}})?)"
    rf"|(?P<my>{_MONTH}\s+\d{{4}})"
    rf"|(?P<weekday>{_WEEKDAY}{_PART_OF_DAY}))\b"
)
#: Days named relative to the report's date ("yesterday", "Last week"), lower case but for a
#: capital opening a sentence. They open with common letters, so they are tried only where one
#: of their first words stands.
_RELATIVE: Final = re.compile(
    r"\b(?P<relative>(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow"
    r"|[Ll]ast\s+(?:night|week|month|year)|[Tt]his\s+(?:morning|afternoon|evening|week|month|year)"
    r"|[Ee]arlier\s+this\s+(?:week|month|year)|[Nn]ext\s+(?:week|month|year)))\b"
)
#: Clock times: they open with a digit with no word character before it.
TIME_PATTERN: Final = re.compile(
    r"\d(?<!\w\d)(?:\d?[:.]\d{2}\s*(?:a\.m\.|p\.m\.|AM|PM|am|pm|hrs|GMT|UTC)?"
    r"|\d?\s*(?:a\.m\.|p\.m\.|AM|PM|am|pm))(?!\w)(?:\s+local\s+time)?"
)


_DIGIT: Final = re.compile(r"\d")
_ASCII: Final = bytes(range(128))
#: Turns a text, encoded as ASCII ("?" for any other character), into its ASCII word characters,
#: lower-cased, and spaces for all else: a space stands before every place where a word or a
#: number may open, and before a few more (after a non-ASCII letter).
_WORD_CHARACTERS: Final = bytes(
    ord(chr(c).lower()) if c < 128 and (chr(c).isalnum() or chr(c) == "_") else ord(" ")
    for c in range(256)
)


def _openings_pattern(*kinds: Iterable[str]) -> tuple[re.Pattern[bytes], list[int]]:
    """A pattern of a space and, after it, a digit (kind 0) or a word of one of the kinds given
    (kinds 1, 2, ...: lower-case words, none the start of another kind's); and the kind of each
    of its groups, in order.

    Each word ends in an empty group, which tells its kind as ``match.lastindex``; a word only
    needs its shortest start that is a word of its kind ("six" for "sixty"). The words are put in
    a trie, so that each letter is tested once: the engine tries the pattern after every space,
    and most often fails at the letter after it. Only that letter is consumed, so that an
    opening inside another ("dozens" in "a dozens") is found too.
    """
    trie: dict[str, Any] = {}
    for kind, words in enumerate(kinds, 1):
        for word in words:
            node = trie
            for letter in word:
                if "" in node:
                    break  # a shorter word of the kind opens here
                node = node.setdefault(letter, {})
            else:
                node.clear()  # longer words that open with this one
                node[""] = kind
    group_kinds = [0]

    def alternatives(node: dict[str, Any]) -> str:
        if "" in node:
            group_kinds.append(node[""])
            return "()"
        branches = [re.escape(letter) + alternatives(rest) for letter, rest in node.items()]
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    firsts = "|".join(f"{re.escape(letter)}(?={alternatives(rest)})" for letter, rest in trie.items())
    return re.compile(f" (?:[0-9]()|{firsts})".encode()), group_kinds


#: Where a date, clock time, relative day or quantity may open, in that text: a space and, after
#: it, a digit, the first three letters of a month or weekday name, the first word of a relative
#: day or a number word (kinds 0 to 3). One scan finds them all, where a search of each word
#: costs a pass over the text: the engine searches fast for the space, a plain character, where
#: a pattern opening with a word is tried at every character.
_OPENINGS, _OPENING_KINDS = _openings_pattern(
    (w[:3] for w in (*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS)), _RELATIVE_WORDS,
    (*NUMBER_WORDS, *TENS_WORDS),
)
#: Of the four kinds' lists (or their appends), the one of each group's kind, by the group's
#: number: from 0, the whole match, which is never a match's last group.
_BY_GROUP: Final = operator.itemgetter(0, *_OPENING_KINDS)


class Openings(NamedTuple):
    """Where dates, clock times and quantities may open in a text, each list in order.

    Each holds every place where its kind opens, and may hold a few more: the patterns that
    are tried there decide. Dates and quantities alike are found from one scan (see openings).
    """

    digits: list[int]  # runs of digits after no word character (or after a letter outside ASCII)
    dates: list[int]  # the digits and the month and weekday names, where _ABSOLUTE may match
    relative: list[int]  # the first words of relative days, in any case
    numbers: list[int]  # number words ("three", "a dozen"), in any case


def openings(text: str) -> Openings:
    """Where dates, clock times, relative days and quantities may open in a text.

    Words are found in the text's ASCII characters, lower-cased and with every other character
    a space (see _OPENINGS): a word (or number) after a non-ASCII letter is kept with the rest,
    and the patterns tried there reject it. A text with digits outside ASCII ("٣"), found from
    its non-ASCII part alone, has its digits found by the regex engine.
    """
    found: tuple[list[int], list[int], list[int], list[int]] = ([], [], [], [])
    add = _BY_GROUP([kind.append for kind in found])
    for match in _OPENINGS.finditer(b" " + text.encode("ascii", "replace").translate(_WORD_CHARACTERS)):
        add[match.lastindex](match.start())
    digits, names, relative, numbers = found
    if not text.isascii() and _DIGIT.search(text.encode().translate(None, _ASCII).decode()):
        digits = [m.start() for m in _DIGIT.finditer(text)
                  if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_")]
    # Both lists are in order: sorting them together merges two runs.
    return Openings(digits, sorted(digits + names) if names else digits, relative, numbers)


_DATE_PARTS: Final = re.compile(r"[A-Za-z]+\.?|\d+")
_ORDINALS: Final = frozenset({"st", "nd", "rd", "th"})
_WEEKDAY_NUMBERS: Final = {day.capitalize(): number for number, day in enumerate(WEEKDAYS)}
#: Relative days that name one day, by their distance from the report's date.
_DAY_OFFSETS: Final = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1,
                       "this morning": 0, "this afternoon": 0, "this evening": 0}


_MONTH_NUMBERS: Final = {**MONTH_ABBREVIATIONS, **{m: n for n, m in enumerate(MONTHS, 1)}}


def _month_number(word: str) -> int:
    return _MONTH_NUMBERS[word.lower().rstrip(".")]


#: Words that put the date after them in the future: "will meet on Thursday", "due to resume".
_FUTURE: Final = re.compile(  # matched against lower-cased text (faster than IGNORECASE)
    r"\b(?:will|shall|would|won't|'ll|’ll|due\s+to|scheduled|set\s+to|plans?\s+to|intends?\s+to"
    r"|expected\s+to|is\s+to|are\s+to|to\s+be\s+held|next|coming|upcoming)\b"
)
#: Date kinds (groups of _ABSOLUTE) without a year that a future clause moves ahead.
_MAY_LOOK_AHEAD: Final = frozenset({"weekday", "md", "dm", "dmrange", "mdrange"})
#: Kinds that are no calendar date: weekdays and relative days.
_UNDATED: Final = frozenset({"weekday", "relative"})


def _clause_start(window: str) -> int:
    """Where the last clause of a window begins: after its last break (a final newline aside)."""
    body = window[:-1] if window.endswith("\n") else window
    cut = max(body.rfind("."), body.rfind("!"), body.rfind("?"), body.rfind(";"), body.rfind(","),
              body.rfind("\n"))
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


_JOINS: Final = frozenset({"to", "until"})


def _day_of(month: int, day: int, year: int | None, published: date | None,
            future: bool) -> date:
    """The date of a day of a month: in its year when said, else the latest one up to the
    report's date (a week's grace), or the next one when the clause looks ahead."""
    if year is not None:
        return date(year, month, day)
    assert published is not None
    candidate = date(published.year, month, day)
    if future and candidate < published:
        candidate = date(published.year + 1, month, day)
    elif not future and candidate > published + timedelta(days=7):
        candidate = date(published.year - 1, month, day)
    return candidate


def resolve(match: re.Match[str], published: date | None, future: bool = False) -> str | None:
    """ISO date of a date expression; relative ones only when the report's date is known.

    A date without a year, or a weekday, is taken as the latest one up to the report's date
    (a week's grace for dates), or, when ``future`` says the clause looks ahead, the next one.
    A range of days ("3-5 March", "March 3 to 5") is an ISO interval: "2026-03-03/2026-03-05".
    """
    kind, said = match.lastgroup, match.group()  # each kind's group spans the whole match
    if published is None and kind != "iso" and not said[-4:].isdigit():
        return None  # without the report's date, only a date with its year (its last four digits)
    try:
        if kind == "iso":
            return date.fromisoformat(said).isoformat()
        if kind in {"md", "dm", "dmrange", "mdrange"}:
            parts = _DATE_PARTS.findall(said)
            month = next(_month_number(p) for p in parts
                         if p[0].isalpha() and p not in _ORDINALS and p.lower() not in _JOINS)
            numbers = [int(p) for p in parts if p.isdigit()]
            days = numbers[:2] if kind.endswith("range") else numbers[:1]
            year = numbers[len(days)] if len(numbers) > len(days) else None
            if year is None and published is None:
                return None
            first = _day_of(month, days[-1], year, published, future)  # the last day decides
            first = first.replace(day=days[0])
            last = first.replace(day=days[-1])
            if last < first:
                return None  # "5-3 March"
            return first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"
    except (ValueError, StopIteration):
        return None
    if published is None:
        return None
    if kind == "weekday":
        weekday = _WEEKDAY_NUMBERS[said.split()[0]]
        if future:
            return (published + timedelta(days=(weekday - published.weekday()) % 7 or 7)).isoformat()
        return (published - timedelta(days=(published.weekday() - weekday) % 7)).isoformat()
    offset = _DAY_OFFSETS.get(" ".join(said.lower().split())) if kind == "relative" else None
    return None if offset is None else (published + timedelta(days=offset)).isoformat()


def times(text: str, published: date | None = None) -> list[TimeRef]:
    """Dates, weekdays, relative days and clock times named in a clause, in order."""
    return [ref for _, _, ref in find_times(text, published)]


class TimeFields(TypedDict):
    """The fields of a TimeRef, for whoever validates them into one (see find_time_fields)."""

    text: str
    kind: Literal["date", "time", "relative"]
    resolved: NotRequired[str | None]  # not given for clock times


def _date_matches(text: str, found: Openings) -> list[re.Match[str]]:
    """Date expressions of a text in order of start: dates as ``_ABSOLUTE.finditer`` finds them,
    tried only where they may open, then relative days, found where their first words stand."""
    matches = []
    resume = 0
    for at in found.dates:
        if at >= resume and (match := _ABSOLUTE.match(text, at)):
            matches.append(match)
            resume = match.end()
    relative = [match for at in found.relative if (match := _RELATIVE.match(text, at))]
    if relative:
        matches += relative
        matches.sort(key=lambda m: m.start())
    return matches


def find_times(text: str, published: date | None = None) -> list[tuple[int, int, TimeRef]]:
    """Dates and times named in a text with their character ranges, in order of start.

    Run once over a whole report, then picked per claim by range.
    """
    return [(start, end, TimeRef(**fields)) for start, end, fields in find_time_fields(text, published)]


def find_time_fields(
    text: str, published: date | None = None, opened: Openings | None = None
) -> list[tuple[int, int, TimeFields]]:
    """As find_times, with each TimeRef's fields in place of the TimeRef (see find_time_and_quantity_fields).

    ``opened`` is ``openings(text)``, when the caller has it (quantities are found from it too).
    """
    found: list[tuple[int, int, TimeFields]] = []
    if opened is None:
        opened = openings(text)
    if not (opened.dates or opened.relative):  # the dates hold the digits
        return []
    resolved: dict[tuple[str | None, str, bool], str | None] = {}  # the same date said again
    end = 0
    for match in _date_matches(text, opened):
        start = match.start()
        if start < end:
            continue  # inside the last one ("this week" in "earlier this week")
        end = match.end()
        said, kind = match.group(), match.lastgroup  # the alternative that matched
        # The clause's tense moves only a weekday or a date without its year (which would end
        # in four digits), and only when the report's date is known.
        future = (kind in _MAY_LOOK_AHEAD and published is not None and not said[-4:].isdigit()
                  and future_context(text, start))
        key = (kind, said, future)
        if key not in resolved:
            resolved[key] = resolve(match, published, future)
        found.append((start, end, {"text": said, "kind": "relative" if kind in _UNDATED else "date",
                                   "resolved": resolved[key]}))
    resume = 0
    for at in opened.digits:  # as TIME_PATTERN.finditer(text) would
        if at >= resume and (clock := TIME_PATTERN.match(text, at)):
            start, end = clock.span()
            resume = end
            while end > start and text[end - 1].isspace():
                end -= 1
            found.append((start, end, {"text": text[start:end], "kind": "time"}))
    found.sort(key=lambda item: item[0])
    return found
