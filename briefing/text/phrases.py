"""Fast matching of many cue phrases: a word-set filter, then a regex of only the candidates."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Final

_PIECE: Final = re.compile(r"\w+(?:-\w+)*")
#: Every ASCII character but letters, digits, "_" and "-" to a space: in ASCII text without a
#: hyphen, the words _PIECE finds are the runs of the others (\w is [A-Za-z0-9_] there).
_SEPARATORS: Final = bytes(c for c in range(128) if not (chr(c).isalnum() or chr(c) in "_-"))
_TO_SPACE: Final = bytes.maketrans(_SEPARATORS, b" " * len(_SEPARATORS))


@lru_cache(maxsize=64)
def fold(text: str) -> str:
    """The text in lower case with every offset kept, for case-sensitive patterns.

    Python's regex engine tries a case-blind alternation of words several times slower than a
    case-sensitive one, so long alternations run lower-case over this instead. A character
    whose lower case is longer ("İ") is kept as it is, so spans map back one to one.
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@lru_cache(maxsize=256)
def words_of(text: str) -> frozenset[str]:
    """Lower-cased words of a text, split at apostrophes: a quick filter, blind to case.

    The words of ASCII text without a hyphen come from a byte translation and a split, in
    half the time of the regex, which other text needs (Unicode letters, "a-b" but not "a-").
    """
    lowered = text.lower()
    if "-" in lowered or not lowered.isascii():
        return frozenset(_PIECE.findall(lowered))
    return frozenset(lowered.encode().translate(_TO_SPACE).decode().split())


class PhraseMatcher:
    """Finds whole-word occurrences of any of a set of phrases, leftmost first.

    Equivalent to one big ``(?<![\\w-])(?:p1|p2|...)(?![\\w-])`` alternation with the longest
    phrase first, but Python's regex engine tries such an alternation at every character. Here
    the words of the text are collected once (cached per text, shared by every matcher), and
    only the phrases whose every word occurs in it go into a small regex, cached per phrase set.
    Most clauses hold none, and then no regex runs at all.

    A case-blind matcher runs a lower-case pattern over ``fold(text)`` (several times faster
    than a case-blind pattern), so its matches hold lower-case text: slice the original text
    with their spans.
    """

    def __init__(self, phrases: Iterable[str], *, ignore_case: bool = True) -> None:
        self._ignore_case = ignore_case
        self.phrases: Final = frozenset(phrases)
        #: phrases by their longest word (long words are rare: "in our view" goes under "view"),
        #: each with all its words (lower-case, as words_of gives)
        self._by_piece: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for phrase in sorted(self.phrases):
            pieces = _PIECE.findall(phrase.lower())
            key = max(pieces, key=len)
            self._by_piece.setdefault(key, []).append((phrase, frozenset(pieces)))
        self._quick = frozenset(self._by_piece)
        self._compiled: dict[frozenset[str], re.Pattern[str]] = {}

    def _pattern(self, found: frozenset[str]) -> re.Pattern[str]:
        pattern = self._compiled.get(found)
        if pattern is None:
            phrases = sorted(found, key=lambda p: (-len(p), p))
            if self._ignore_case:
                phrases = [p.lower() for p in phrases]
            body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
            # No look-behind in front: a pattern that opens with the phrases' first letters lets
            # the engine skip ahead to them; _scan checks the character before in Python.
            pattern = re.compile(rf"(?:{body})(?![\w-])")
            if len(self._compiled) < 4096:
                self._compiled[found] = pattern
        return pattern

    def candidates(self, text: str) -> frozenset[str]:
        """The phrases whose words all occur in the text, in any case (a superset of matches)."""
        words = words_of(text)
        hits = self._quick & words
        if not hits:
            return frozenset()
        return frozenset(phrase for piece in hits for phrase, pieces in self._by_piece[piece]
                         if pieces <= words)

    def _found(self, text: str, among: frozenset[str] | None) -> frozenset[str]:
        return self.candidates(text) if among is None else self.phrases & among

    def finditer(self, text: str, start: int = 0, *,
                 among: frozenset[str] | None = None) -> Iterator[re.Match[str]]:
        """Non-overlapping matches in text[start:], left to right.

        ``among``: candidates found already by a matcher of more phrases (a superset of this
        matcher's candidates for the text), so that several lexicons share one word lookup.
        """
        found = self._found(text, among)
        if not found:
            return iter(())
        subject = fold(text) if self._ignore_case else text
        return _scan(self._pattern(found), subject, start)

    def search(self, text: str, start: int = 0, *,
               among: frozenset[str] | None = None) -> re.Match[str] | None:
        """The leftmost match, or None (``among`` as for finditer)."""
        found = self._found(text, among)
        if not found:
            return None
        subject = fold(text) if self._ignore_case else text
        return next(_scan(self._pattern(found), subject, start), None)


def _scan(pattern: re.Pattern[str], subject: str, start: int) -> Iterator[re.Match[str]]:
    """Matches of a phrase pattern that start a word: as with a ``(?<![\\w-])`` in front."""
    while (match := pattern.search(subject, start)) is not None:
        at = match.start()
        before = subject[at - 1] if at else " "
        if before.isalnum() or before in "_-":  # inside a word: try from the next character
            start = at + 1
            continue
        yield match
        start = match.end()
