"""Attributions with no verb of saying as their cue, as news writes them; offsets count from
the sentence's first character:

- a poll or survey that opens a sentence and holds the rest of it: "In the new Corva Ledger
  poll, 40 percent back Varga." (a poll after its clause, "Varga leads in the latest
  survey", is left out: on PolNeAR dev a quarter of those were annotated);
- a noun of saying or thinking with its "that"-clause and a possessive holder: "Varga's claim
  that the levee held", "his belief that the tolls will fall" (one without a possessive,
  "the claim that ...", is left out: its holder is seldom in the sentence).

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
    rf"|new|latest)\b(?:\s+[^\s,;:]+){{0,6}}?\s+{_POLL_NOUN}|{_POLL_NOUN})\b"
    r"(?P<tail>[^,;:]{0,60}),"
    r"\s+(?P<content>\S.*)"
)
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

_END: Final = re.compile(r"[\s.,;:!?]*$")


def trim_content(sentence: str, start: int, end: int) -> Span | None:
    """A span without its spaces and its final stop; None when under two words."""
    while start < end and sentence[start] in " \t\n,:":
        start += 1
    tail = _END.search(sentence, start, end)
    if tail is not None and tail.start() > start:
        end = tail.start()
    return (start, end) if len(sentence[start:end].split()) >= 2 else None


def poll_frames(sentence: str) -> list[Frame]:
    """A poll or survey that opens a sentence and holds the rest of it."""
    if "oll" not in sentence and "urvey" not in sentence:
        return []
    first = _POLL_FIRST.match(sentence)
    if first is None:
        return []
    content = trim_content(sentence, first.start("content"), len(sentence))
    source = (first.start("np"), first.end("tail") if first.group("tail").strip()
              else first.end("np"))
    return [(first.span("cue"), source, (content,))] if content else []


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
        content = trim_content(sentence, match.start("that"), end.start() if end else len(sentence))
        if content is not None:
            found.append((match.span("cue"), source, (content,)))
    return found


def verbless_frames(sentence: str, quotes: list[Span]) -> list[Frame]:
    """The attributions with no verb of saying (polls, nouns with "that") whose cue stands
    outside the sentence's quotations ``quotes``."""
    return [frame for kind in (poll_frames, noun_frames) for frame in kind(sentence)
            if not any(a < frame[0][0] < b for a, b in quotes)]
