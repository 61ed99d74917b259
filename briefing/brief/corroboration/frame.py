"""How a claim is reported, apart from what it reports: datelines, live-blog stamps, outlets.

A claim's *frame* is its holder and reporting verb ("the ministry said", "according to
officials"), a dateline ("VESKA (Astral Wire) —"), a live-blog opener ("Breaking:", "14:05 —"),
and the outlet it was told to ("told the Northgate Ledger", "the Ledger has learned that").
Claims are compared on the rest, their content; holders are compared apart.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

_DATELINE: Final = re.compile(
    r"^\s*(?:[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Z.'’-]+)*(?:,\s*[A-Z][a-z]+\.?)?)"
    r"(?:\s*\([^)]{1,60}\))?\s*[-—–:]+\s*"
)
_LIVE_BLOG: Final = re.compile(
    r"^\s*(?:(?:breaking|update|updated|latest|live|developing|exclusive|just\s+in|flash)"
    r"(?:\s+news)?|\d{1,2}[:.]\d{2}(?:\s*(?:gmt|utc|bst|cet|local(?:\s+time)?|[ap]\.?m\.?))?)"
    r"\s*[-—–:|]+\s*",
    re.IGNORECASE,
)
_TOLD: Final = re.compile(
    r",?\s*(?:\b[\w’'-]+(?:\s+[\w’'-]+){0,6}\s+)?\b(?:told|informed)\s+(?:the\s+)?"
    r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*(?:\s+(?:on|late|early)\s+\w+)?"
)
_LEARNED: Final = re.compile(
    r"(?:^|\b)(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+(?:has|have)\s+"
    r"(?:learned|learnt|been\s+told|seen\s+documents\s+showing)(?:\s+that)?\s*"
)
_ACCORDING: Final = re.compile(r",?\s*\baccording\s+to\s+[^,.;]+", re.IGNORECASE)
_TRAILING_SAID: Final = re.compile(
    r",\s*[^,]{1,80}?\s+(?:said|says|reported|reports|announced|stated|added|wrote|posted"
    r"|told\s+reporters)\b[^,]*$"
)
_LEADING_SAID: Final = re.compile(
    r"^[^,]{1,80}?\s+(?:said|says|reported|announced|stated|added|wrote)\s+(?:on\s+\w+\s+)?"
    r"(?:that\s+)?"
)


def content(quote: str, holder: str | None = None, cue: str | None = None) -> str:
    """The quote without its frame: what is reported, not who reports it or to whom."""
    text = _LIVE_BLOG.sub("", _DATELINE.sub("", quote, count=1), count=1)
    if " ha" in text:  # "has learned", "have been told": cheap test before the pattern
        text = _LEARNED.sub("", text, count=1)
    if "told" in text or "informed" in text:
        text = _TOLD.sub("", text)
    if "ccording" in text:
        text = _ACCORDING.sub("", text)
    text = _TRAILING_SAID.sub("", text)
    text = _LEADING_SAID.sub("", text, count=1)
    if holder and holder in text:
        text = text.replace(holder, " ")
    if cue:
        text = _cue_pattern(cue).sub(" ", text, count=1)
    return text


@lru_cache(maxsize=1024)
def _cue_pattern(cue: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(cue)}(?!\w)")


_HOLDER_PATTERNS: Final = (
    re.compile(r"\baccording\s+to\s+(?P<holder>[^,.;]+)", re.IGNORECASE),
    re.compile(r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+){0,4}?"
               r"(?:reported|confirmed|announced|stated|said|described|declared)(?:\s+\w+){0,3}?"
               r"\s+by\s+(?P<holder>(?:the\s+)?[A-Z][^,.;]*)"),
    re.compile(r",\s*(?P<holder>[^,]{1,80}?)\s+(?:said|says|reported|announced|stated|added"
               r"|told\b)[^,]*$"),
    re.compile(r"^(?P<holder>[^,]{1,80}?)\s+(?:said|says|reported|announced|stated|added|told)\b"),
)


def holder(quote: str) -> str | None:
    """Who the quote's frame says holds it ("the shipping company Drevhydro said ...",
    "... was reported safe by the Harbour Authority", "according to X"), or None."""
    for pattern in _HOLDER_PATTERNS:
        match = pattern.search(quote)
        if match:
            return " ".join(match.group("holder").split()).rstrip(".")
    return None
