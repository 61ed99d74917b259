"""Grounding: find a claim's quote in its report, exactly, after normalization, or fuzzily."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Final, NamedTuple

from briefing.schema import Grounding

#: Fuzzy matches below this rapidfuzz score (0-100) are rejected.
FUZZY_THRESHOLD: Final = 90.0
#: Quotes shorter than this (after normalization) are never matched fuzzily:
#: a short string fuzzily matches too many places to be evidence of anything.
FUZZY_MIN_LENGTH: Final = 24
#: With a hint (where the backend read the quote), a fuzzy search looks this many characters
#: either side of it: more than a model request's passage (chunk), much less than a long report.
FUZZY_WINDOW: Final = 64_000

_TRANSLATE: Final = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u0060": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"', "\u300c": '"', "\u300d": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-",
        "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "",
    }
)


#: Words that negate; a fuzzy match may not add or lose one (anchors() counts "cannot" and
#: "n't" as "not").
NEGATIONS: Final = frozenset({"not", "no", "never", "cannot", "without", "neither", "nor",
                               "none", "nothing", "nobody"})
_TOKEN: Final = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_][\w'’-]*")
_SENTENCE_OPENERS: Final = frozenset(".!?:;\"“”'‘’(")


def anchors(text: str) -> Counter[str]:
    """What a fuzzy match may never change: the numbers, negations and capitalized names of a
    text (a capital that opens a sentence is no name)."""
    out: Counter[str] = Counter()
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        lowered = word.lower().replace("’", "'")
        if word[0].isdigit():
            out[word.replace(",", "")] += 1
        elif lowered in NEGATIONS or lowered.endswith("n't"):
            out["not" if lowered.endswith("n't") or lowered == "cannot" else lowered] += 1
        elif word[0].isupper():
            before = text[: match.start()].rstrip()
            if before and before[-1] not in _SENTENCE_OPENERS:
                out[word] += 1
    return out


def fuzzy_changes_meaning(quote: str, found: str) -> bool:
    """Would accepting ``found`` for ``quote`` change a number, a negation or a capitalized
    name? Then a fuzzy match is no match: "900 kilometres" is not "800 kilometres"."""
    return anchors(quote) != anchors(found)


class Span(NamedTuple):
    """Where a quote was found: a half-open range into the report text, and how.

    A named tuple: one is made per claim, and a tuple is made several times faster than a
    frozen dataclass.
    """

    start: int
    end: int
    method: Grounding


@dataclass(frozen=True)
class _Normalized:
    text: str
    starts: list[int]  # original start offset of each normalized character
    ends: list[int]  # original end offset of each normalized character


def _clusters(text: str) -> list[tuple[int, int]]:
    """Split text into base character + combining marks (incl. Hangul jamo vowels/finals)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text):
            bounds.append((start, i))
            break
        ch = text[i]
        if unicodedata.combining(ch) or "\u1160" <= ch <= "\u11ff" or "\ud7b0" <= ch <= "\ud7ff":
            continue
        bounds.append((start, i))
        start = i
    return bounds


def normalize(text: str) -> _Normalized:
    """Fold Unicode (NFKC), quotes, dashes, case and whitespace, keeping a map to the original."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last_space = True
    if not text:
        return _Normalized("", [], [])
    for a, b in _clusters(text):
        piece = text[a:b]
        if piece.isascii():
            folded = piece.lower()
        else:
            folded = unicodedata.normalize("NFKC", piece).translate(_TRANSLATE).casefold()
        for ch in folded:
            if ch.isspace():
                if last_space:
                    continue
                ch = " "
                last_space = True
            else:
                last_space = False
            out.append(ch)
            starts.append(a)
            ends.append(b)
    while out and out[-1] == " ":
        out.pop()
        starts.pop()
        ends.pop()
    return _Normalized("".join(out), starts, ends)


def _nearest(text: str, needle: str, hint: int | None) -> int:
    """Index of the occurrence of needle nearest to hint (the first when no hint), or -1."""
    if hint is None:
        return text.find(needle)
    hint = max(0, hint)
    if text.startswith(needle, hint):
        return hint  # where the backend said: nothing can be nearer (and no search is needed)
    after = text.find(needle, hint)  # the first occurrence from the hint on
    before = text.rfind(needle, 0, hint - 1 + len(needle)) if hint > 0 else -1  # the last before
    if before < 0 or (after >= 0 and after - hint < hint - before):
        return after
    return before  # on a tie the earlier one, as a scan from the start would choose


class Grounder:
    """Aligns quotes with one report; normalizes the report once for many quotes."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._normalized: _Normalized | None = None

    @property
    def normalized(self) -> _Normalized:
        if self._normalized is None:
            self._normalized = normalize(self.text)
        return self._normalized

    def find(self, quote: str, hint: int | None = None) -> Span | None:
        """Find quote in the report: exact, then normalized, then fuzzy; None if absent.

        ``hint`` is a character offset; when the quote occurs more than once, the
        occurrence nearest to it wins.
        """
        stripped = quote.strip()
        if not stripped:
            return None
        index = _nearest(self.text, stripped, hint)
        if index >= 0:
            return Span(index, index + len(stripped), "exact")
        norm = self.normalized
        needle = normalize(stripped).text.strip(" .\"'")
        if not needle or not norm.text:
            return None
        index = _nearest(norm.text, needle, hint)
        if index >= 0:
            return self._span(index, index + len(needle), "normalized")
        if len(needle) < FUZZY_MIN_LENGTH:
            return None
        from rapidfuzz import fuzz

        offset, haystack = self._fuzzy_window(hint)
        alignment = fuzz.partial_ratio_alignment(needle, haystack, score_cutoff=FUZZY_THRESHOLD)
        if alignment is None:
            return None
        start, end = offset + alignment.dest_start, offset + alignment.dest_end
        # Never accept an alignment much shorter than the quote: that would be a fragment.
        if end - start < 0.9 * len(needle):
            return None
        span = self._span(start, end, "fuzzy")
        # Compared in whole words: an alignment may cut the last word short ("Japa").
        first, last = span.start, span.end
        while first > 0 and self.text[first - 1].isalnum():
            first -= 1
        while last < len(self.text) and self.text[last].isalnum():
            last += 1
        if fuzzy_changes_meaning(stripped, self.text[first:last]):
            return None
        return span

    def _fuzzy_window(self, hint: int | None) -> tuple[int, str]:
        """Where a fuzzy search looks: the whole normalized text, or with a hint the
        FUZZY_WINDOW characters either side of it, so that many quotes found nowhere (a model
        answer full of invented ones) cost time in proportion to their number, not to their
        number times the report's length. Returns (offset of the window, its text)."""
        norm = self.normalized
        if hint is None or len(norm.text) <= 2 * FUZZY_WINDOW:
            return 0, norm.text
        from bisect import bisect_left

        middle = bisect_left(norm.starts, max(0, hint))
        start = max(0, middle - FUZZY_WINDOW)
        return start, norm.text[start : middle + FUZZY_WINDOW]

    def _span(self, start: int, end: int, method: Grounding) -> Span:
        norm = self.normalized
        while start < end and norm.text[start] == " ":
            start += 1
        while end > start and norm.text[end - 1] == " ":
            end -= 1
        return Span(norm.starts[start], norm.ends[end - 1], method)


def ground(text: str, quote: str, hint: int | None = None) -> Span | None:
    """Find ``quote`` in ``text`` (see Grounder.find). Returns None when it cannot be aligned."""
    return Grounder(text).find(quote, hint)
