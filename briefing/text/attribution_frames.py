"""Attributions with no verb of saying as their cue, as news writes them; offsets count from
the sentence's first character:

- a poll or survey that holds a finding: "In the new Corva Ledger poll, 40 percent back
  Varga." / "Varga leads by six points in the latest survey.";
- a noun of saying or thinking with its "that"-clause and a possessive holder: "Varga's claim
  that the levee held", "his belief that the tolls will fall";
- a point of view: "For Mayor Varga, the levee is the test of her term."

Each rule gives (cue, source, content) spans; ``attribution_relations`` makes them relations.
"""

from __future__ import annotations

import re
from typing import Final

Span = tuple[int, int]
Frame = tuple[Span, Span | None, tuple[Span, ...]]

_POLL_NOUN: Final = r"(?:polls?|surveys?|polling)"
#: "In the new Corva Ledger poll(, conducted in May), C": the rest of the sentence.
_POLL_FIRST: Final = re.compile(
    r"(?P<cue>In)\s+(?P<np>(?:the|a|an|this|that|its|their|his|her|one|two|several|recent"
    rf"|new|latest)\b(?:\s+[^\s,;:]+){{0,6}}?\s+{_POLL_NOUN}|{_POLL_NOUN})\b(?P<tail>[^,;:]{{0,60}}),"
    r"\s+(?P<content>\S.*)"
)
#: "C in the latest survey": the clause before it.
_POLL_AFTER: Final = re.compile(
    r"\s(?P<cue>in)\s+(?P<np>(?:the|a|an|this|that|its|their|one|several|recent|new|latest"
    rf"|[A-Z][\w'’.&/-]*)(?:\s+[^\s,;:]+){{0,5}}?\s+{_POLL_NOUN})\b"
)
#: A clause's first word after a comma: the clause a trailing poll holds opens there.
_CLAUSE_OPENS: Final = re.compile(r"(?:^|[,;:]\s+|\s(?:and|but)\s+)(?=\S)")
#: Nouns of saying, thinking and evidence whose "that"-clause is what they hold.
NOUN_CUES: Final[frozenset[str]] = frozenset({
    "claim", "claims", "belief", "beliefs", "view", "assertion", "argument", "suggestion",
    "allegation", "allegations", "fear", "fears", "hope", "hopes", "concern", "concerns",
    "warning", "warnings", "promise", "promises", "insistence", "notion", "assumption",
    "conclusion", "finding", "findings", "contention", "expectation", "expectations",
    "assurance", "assurances", "prediction", "predictions", "accusation", "accusations",
    "charge", "charges", "statement", "admission", "acknowledgment", "acknowledgement",
    "suspicion", "conviction", "position", "insinuation", "declaration", "pledge", "vow",
})
_NOUN_THAT: Final = re.compile(
    r"(?P<np>\b(?:his|her|their|its|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:'s|’s|s'))"
    r")\s+(?:[a-z]+\s+)?(?P<cue>" + "|".join(sorted(NOUN_CUES)) + r")\s+(?P<that>that)\s+"
    r"(?=\S)"
)
#: Where a "that"-clause of a noun ends: a clause of its sentence's own verb after a comma.
_NOUN_CLAUSE_END: Final = re.compile(
    r",\s+(?:and|but|which|who|when|while|as|after|before|because|even|though|although)\b"
    r"|;\s|\s[—–-]\s|\)"
)
#: "For Mayor Varga, C" / "For many voters, C": whose view the rest of the sentence is.
_FOR_VIEW: Final = re.compile(
    r"(?:(?:But|And|Yet|Still)\s+)?(?P<cue>[Ff]or)\s+(?P<np>(?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep)\.\s+)?"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){0,3}|him|her|them|us|me|(?:many|most|some)\s+(?:of\s+"
    r"(?:them|us|the\s+\w+)|[a-z]+(?:\s+[a-z]+)?)),\s+(?P<content>\S.*)"
)
#: Capitalized words after "For" that name a time or a manner, not a holder.
_NOT_HOLDER: Final = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Now", "Example", "Instance", "Years", "Decades", "Months", "Weeks",
    "Once", "Now", "Starters", "This", "That", "These", "Those", "All", "Each", "Every",
})
_END: Final = re.compile(r"[\s.,;:!?]*$")


def _trim(sentence: str, start: int, end: int) -> Span | None:
    """A span without its spaces and its final stop; None when under two words."""
    while start < end and sentence[start] in " \t\n,:":
        start += 1
    tail = _END.search(sentence, start, end)
    if tail is not None and tail.start() > start:
        end = tail.start()
    return (start, end) if len(sentence[start:end].split()) >= 2 else None


def poll_frames(sentence: str) -> list[Frame]:
    """A poll or survey that holds the clause it is set in."""
    if "oll" not in sentence and "urvey" not in sentence:
        return []
    first = _POLL_FIRST.match(sentence)
    if first is not None:
        content = _trim(sentence, first.start("content"), len(sentence))
        source = (first.start("np"), first.end("tail") if first.group("tail").strip()
                  else first.end("np"))
        return [(first.span("cue"), source, (content,))] if content else []
    found: list[Frame] = []
    for match in list(_POLL_AFTER.finditer(sentence))[:0]:
        opens = [m.end() for m in _CLAUSE_OPENS.finditer(sentence, 0, match.start())]
        start = opens[-1] if opens else 0
        content = _trim(sentence, start, match.start())
        if content is not None and len(sentence[slice(*content)].split()) >= 3:
            found.append((match.span("cue"), match.span("np"), (content,)))
    return found


def noun_frames(sentence: str) -> list[Frame]:
    """A noun of saying or thinking with its "that"-clause and a possessive holder."""
    if " that " not in sentence:
        return []
    found: list[Frame] = []
    for match in _NOUN_THAT.finditer(sentence):
        holder = match.group("np")
        source = (match.start("np"), match.end("np") - (2 if holder.endswith(("'s", "’s"))
                                                         else 1 if holder.endswith("s'") else 0))
        end = _NOUN_CLAUSE_END.search(sentence, match.end())
        content = _trim(sentence, match.start("that"), end.start() if end else len(sentence))
        if content is not None:
            found.append((match.span("cue"), source, (content,)))
    return found


def view_frames(sentence: str) -> list[Frame]:
    """"For X, C": the rest of the sentence as the view of the one it opens with."""
    match = _FOR_VIEW.match(sentence)
    if match is None or match.group("np").split()[0] in _NOT_HOLDER:
        return []
    content = _trim(sentence, match.start("content"), len(sentence))
    if content is None or len(sentence[slice(*content)].split()) < 3:
        return []
    return [(match.span("cue"), match.span("np"), (content,))]
