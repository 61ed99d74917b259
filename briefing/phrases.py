"""Fast matching of many cue phrases: one scan over the words, then a check per first word."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Final

_TOKEN: Final = re.compile(r"\w[\w'’]*(?:-[\w'’]+)*")
_PIECE: Final = re.compile(r"\w+(?:-\w+)*")


@lru_cache(maxsize=256)
def _pieces(text: str) -> frozenset[str]:
    """Words of a text (as written and lower-cased), split at apostrophes: a quick filter."""
    found = _PIECE.findall(text)
    return frozenset(found) | frozenset(w.lower() for w in found)


class PhraseMatcher:
    """Finds whole-word occurrences of any of a set of phrases, leftmost first.

    Equivalent to one big ``(?<![\\w-])(?:p1|p2|...)(?![\\w-])`` alternation (longest phrase
    first at each position), but Python's regex engine tries such an alternation at every
    character; this scans words once and only tries the phrases that start with each word.
    """

    def __init__(self, phrases: Iterable[str], *, ignore_case: bool = True) -> None:
        self.ignore_case = ignore_case
        grouped: dict[str, list[str]] = {}
        for phrase in set(phrases):
            first = phrase.split()[0]
            key = first.lower() if ignore_case else first
            grouped.setdefault(key, []).append(phrase)
        self._quick = frozenset(_PIECE.findall(key)[0] for key in grouped if _PIECE.findall(key))
        self._flags = re.IGNORECASE if ignore_case else 0
        self._groups = grouped
        self._patterns: dict[str, re.Pattern[str] | None] = {}

    def _pattern(self, key: str) -> re.Pattern[str] | None:
        """The pattern of the phrases starting with one word, compiled on first use."""
        if key not in self._patterns:
            group = self._groups.get(key)
            if group is None:
                self._patterns[key] = None
            else:
                ordered = sorted(group, key=len, reverse=True)
                body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
                self._patterns[key] = re.compile(rf"(?:{body})(?![\w-])", self._flags)
        return self._patterns[key]

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """Non-overlapping matches in text[start:end], left to right."""
        stop = len(text) if end is None else end
        if self._quick.isdisjoint(_pieces(text)):
            return
        position = start
        for token in _TOKEN.finditer(text, start, stop):
            if token.start() < position:
                continue
            word = token.group(0).rstrip("'’")
            key = word.lower() if self.ignore_case else word
            pattern = self._pattern(key)
            if pattern is None and ("'" in key or "’" in key):  # "may’ve" starts with "may"
                pattern = self._pattern(re.split(r"['’]", key, maxsplit=1)[0])
            if pattern is None:
                continue
            match = pattern.match(text, token.start(), stop)
            if match is not None:
                position = match.end()
                yield match

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """The leftmost match, or None."""
        return next(self.finditer(text, start, end), None)
