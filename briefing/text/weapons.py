"""Weapon classes a report names ("short-range ballistic missiles"), found by the nouns of the
weapon lexicon.

One search for each group's shared word finds every noun built on it, so the scan over a report
costs a few str.find calls per group rather than a regex alternation tried at every character.
"""

from __future__ import annotations

import re
from typing import Final

from briefing.text.lexicons import WEAPON_NOUNS
from briefing.text.phrases import fold

_RANGE_BEFORE: Final = re.compile(r"(?<![\w-])(?:short|medium|intermediate|long)-range\s+$")


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c in "_-"


def _weapon_noun_groups() -> tuple[tuple[str, tuple[tuple[str, int], ...]], ...]:
    """The weapon nouns grouped under the longest word every noun of the group contains
    ("missile", "fighter jet"), each noun with the offsets of that word in it.

    A noun joins the group of the shortest noun ending ("missile", "jet") it contains. One search
    for the group's word finds every mention of the nouns built on it; the longer the word,
    the faster str.find skips through the text and the fewer false hits ("jet" in "jetty").
    """
    stems = {noun.split()[-1].rstrip("s") for noun in WEAPON_NOUNS}
    members: dict[str, list[str]] = {}
    for noun in sorted(set(WEAPON_NOUNS), key=len, reverse=True):
        stem = min(sorted(stem for stem in stems if stem in noun), key=len)
        members.setdefault(stem, []).append(noun)
    groups: list[tuple[str, tuple[tuple[str, int], ...]]] = []
    for nouns in members.values():
        shortest = min(nouns, key=len)
        pieces = (shortest[i:j] for i in range(len(shortest))
                  for j in range(len(shortest), i, -1))
        common = max((p for p in pieces if all(p in noun for noun in nouns)), key=len)
        groups.append((common, tuple((noun, at) for noun in nouns for at in range(len(noun))
                                     if noun.startswith(common, at))))
    return tuple(groups)


WEAPON_NOUN_GROUPS: Final = _weapon_noun_groups()
# The same groups in ASCII bytes, for weapon_mentions.
_GROUPS_ASCII: Final = tuple(
    (word.encode(), tuple((noun.encode(), at) for noun, at in nouns))
    for word, nouns in WEAPON_NOUN_GROUPS
)


def weapon_mentions(text: str) -> list[str]:
    """Weapon classes named in the text, lower-cased and in order: "short-range ballistic missiles".

    Each mention of a group's word is found with bytes.find (far cheaper than a regex
    alternation tried at every character) and the group's nouns are matched around it; where
    two nouns overlap, the one starting first wins, then the longer.

    The nouns are ASCII, so they are searched in the text as ASCII bytes in lower case, one byte
    a character (any other character becomes "?"): the offsets are the text's, and bytes.lower()
    costs a fraction of str.lower() on a text with any non-ASCII character. The Kelvin sign is
    the one non-ASCII character whose lower case is ASCII ("k"), so it is made a "k" first. A
    character and its lower case are both word characters or neither, so the ends of a noun are
    tested on the text itself.
    """
    lowered = text.replace("\u212a", "k").encode("ascii", "replace").lower()
    found: set[tuple[int, int]] = set()
    for stem, nouns in _GROUPS_ASCII:
        hit = lowered.find(stem)
        while hit >= 0:
            for noun, offset in nouns:
                at = hit - offset
                end = at + len(noun)
                if (at >= 0 and lowered.startswith(noun, at)
                        and (at == 0 or not _is_word_char(text[at - 1]))
                        and (end == len(text) or not _is_word_char(text[end]))):
                    found.add((at, -end))
            hit = lowered.find(stem, hit + 1)
    names: list[str] = []
    covered = 0
    for at, negative_end in sorted(found):
        if at < covered:
            continue
        covered = -negative_end
        # A range before the noun ("long-range") is read in the folded text (fold's own function,
        # uncached): the 30 characters before the noun and the one before them, which the
        # look-behind reads. Most nouns have no "-range" before them at all.
        window = at - 31 if at > 31 else 0
        start = at
        if lowered.find(b"-range", window, at) >= 0:
            modifier = _RANGE_BEFORE.search(fold.__wrapped__(text[window:at]), min(1, window))
            if modifier:
                start = window + modifier.start()
        # The name holds ASCII letters, hyphens and spaces: str.lower() folds it as fold would.
        names.append(" ".join(text[start:covered].lower().split()))
    return names
