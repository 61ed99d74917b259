"""Where blingfire's sentences may be wrong around abbreviations ("left. Mr. Kim", "Gen.")."""

from __future__ import annotations

import re
from typing import Final

from briefing.text.lexicons import NAME_ABBREVIATIONS

#: A place where a sentence may end that blingfire did not split: "left. Mr. Kim", "left. U.S."
_SUSPECT_BOUNDARY: Final = re.compile(r"[.!?][\"'”’)\]]*\s+[\"'“‘(]?[A-Z0-9]")
#: A word, maybe dotted ("Gen", "U.S"), ending where the search ends.
_WORD_AT_END: Final = re.compile(r"(?<![\w.])[A-Za-z]+(?:\.[A-Za-z]+)*$")


def has_suspect_boundary(text: str, start: int, end: int) -> bool:
    """Whether blingfire may have missed a boundary inside text[start:end] ("left. Mr. Kim").

    A period after an abbreviation that stands before names ("Gen. Park", "P. Sido") is one
    blingfire was right to leave alone.
    """
    for match in _SUSPECT_BOUNDARY.finditer(text, start, end - 1):
        word = _word_before(text, start, match.start())
        before_a_name = word.lower() in NAME_ABBREVIATIONS or (
            word[:1].isupper() and ("." in word or len(word) == 1))  # "Gen.", "P.", "U.S."
        if not before_a_name:
            return True
    return False


def ends_in_abbreviation(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] ends in a title or number abbreviation ("Gen.", "No."), an
    initial ("P.") or a dotted one ("U.S."), where blingfire may have split too soon."""
    if end <= start or text[end - 1] != ".":
        return False
    word = _word_before(text, start, end - 1)
    return bool(word) and ("." in word or len(word) == 1 or word.lower() in NAME_ABBREVIATIONS)


def _word_before(text: str, start: int, at: int) -> str:
    """The dotted word ending at `at` ("Gen", "U.S") within the 24 characters before it (and
    after `start`), or "" (as "" for a word that runs on before them)."""
    found = _WORD_AT_END.search(text, max(start, at - 24), at)
    return "" if found is None else found.group(0)
