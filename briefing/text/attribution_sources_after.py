"""Sources named after their cue, as news writes them: the inverted "“...,” said Mayor Ilse
Varga, the harbour master", the trailing "“...,” Varga told me", and "according to Sen. Halk
in the Corva Courier" (with what it holds before and after it), with the name cut where it
ends (titles' stops kept, what follows a name, "in The Courier", "who asked not to be named",
left out)."""

from __future__ import annotations

import re
from typing import Final

from briefing.text.attribution_frames import trim_content

Span = tuple[int, int]
Frame = tuple[Span, Span | None, tuple[Span, ...]]

_TITLES: Final = ("Rev", "Sen", "Rep", "Gov", "Gen", "Dr", "Mr", "Mrs", "Ms", "St", "Lt", "Col",
                  "Sgt", "Jr", "Sr", "Prof", "Capt", "Adm", "Maj", "Amb", "Atty", "Supt")
#: The stop of a title's abbreviation ("Sen.", "Rev."), which a name goes on after.
_TITLE_STOP: Final = "(?:" + "|".join(f"(?<={t})" for t in _TITLES) + r")\."
_NOT_TITLE: Final = "".join(f"(?<!{t})" for t in _TITLES)
#: A noun phrase named after a cue, to the next mark (a title's stop, "Sen.", goes on).
NP_AFTER: Final = re.compile(
    rf"\s*(?P<np>(?:[^,;:.!?\"“”`)]|(?<=[A-Z])\.(?!\s*$)|{_TITLE_STOP}(?!\s*$)|\.(?=\w)){{2,160}}?)"
    rf"\s*(?=[,;:!?\"“”`()]|(?<![A-Z]){_NOT_TITLE}\.|\.\s*$|''|$)"
)
#: "to" before whom something was said ("said to reporters", "told to the Courier"), not
#: before an infinitive ("vowed to win back trust").
TO_WHOM: Final = (r"to(?=\s+(?:the|a|an|his|her|their|its|our|my|him|them|us|me|[A-Z]|reporters"
                  r"|journalists|supporters|voters|lawmakers|members|students|delegates|donors"
                  r"|workers)\b)")
#: The trailing content-first form: ", X said" with no clause after it.
_TRAILING_ITEM: Final = (
    rf"(?:(?:on|in|at|during|late|last|this|earlier|later|via|through|from|{TO_WHOM})\b"
    r"[^,;:!?\"“”`]{0,60}?|[A-Z][a-z]+day|[A-Z][\w.'’&-]*(?:\s*(?:and\s+|of\s+|the\s+)?[A-Z][\w.'’&-]*){0,4}"
    r"|(?:[A-Z][\w'’-]*\s+)?(?:[a-z]+\s+){1,2}(?:station|network|channel|newspaper|paper|magazine|radio|show)"
    r"\s+[A-Z][\w'’&-]*|reporters|journalists"
    r"|(?:the|a|an)\s+[\w'’-]+(?:\s+[A-Z][\w'’-]*)*|\w+ly|then|again|too|also|today|yesterday"
    r"|me|us|him|her|them"
    r"|recently|once|twice)"
)
TRAILING_REST: Final = re.compile(
    rf"^(?:\s+{_TRAILING_ITEM}){{0,3}}"
    r"(?:,?\s+(?:when|while|as|after|before|because|though|although|if|\w+ing)\b[^\"“”`]*)?"
    r"\s*(?:[.!?]['\"”’]*\s*$|,\s*(?:[\"“`]|'')|[,;]|$)"
)
#: What may follow the source of an inverted "..., said Varga": the end, an appositive, a quote.
INVERTED_END: Final = re.compile(r"\s*(?:[.!?]['\"”’]*\s*$|$|,|\s*\()")
#: Where a source named after its cue goes on with what is no longer its name: "Ben Jacobs
#: in The Guardian", "a survey released on Thursday", "an adviser who requested anonymity".
_SOURCE_TAIL: Final = re.compile(
    r"\s+(?:in|on|at|who|which|released|published|conducted|issued|obtained|later|earlier"
    r"|last|this|even|also|during|via|through)\b"
)


def source_head(sentence: str, span: Span) -> Span:
    """A source named after its cue, cut where its name ends."""
    tail = _SOURCE_TAIL.search(sentence, span[0], span[1])
    return (span[0], tail.start()) if tail is not None else span


def according_to(sentence: str, start: int, end: int) -> Frame | None:
    """"According to X, C." / "C, according to X." / "C, according to X, C2"; ``start`` and
    ``end``: where "according to" stands."""
    np = NP_AFTER.match(sentence, end)
    if np is None:
        return None
    source = source_head(sentence, np.span("np"))
    pieces = []
    # "(C, according to X)", "A — C, according to X", "A, who C, according to X"
    opening = max((sentence.rfind(mark, 0, start) + skip if mark in sentence[:start] else 0)
                  for mark, skip in (("(", 1), ("; ", 2), (" — ", 3), (" - ", 3),
                                     (", who ", 2), (", which ", 2)))  # "who" opens its clause
    before = trim_content(sentence, opening, start)
    if before is not None:
        pieces.append(before)
    after = trim_content(sentence, np.end(), len(sentence))
    if after is not None:
        pieces.append(after)
    if not pieces:
        return None
    return ((start, end), source, tuple(pieces))
