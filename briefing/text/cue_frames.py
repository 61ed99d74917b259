"""Cue words that hedge only in a frame: what must stand before or after them.

A surface list cannot tell "the plan is considered a failure" (a judgment) from "the council
considered the plan" (an act), nor a hypothetical "would" from the reported future of "he said
the port would reopen". Each frame below is a kind of text, with the words that open it and
the pattern that must hold around them; the pattern is tried only where one of its words
occurs (a word-set test first, as ``phrases.PhraseMatcher`` does).
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from briefing.schema import ClaimKind
from briefing.text.lexicons import ATTRIBUTION_VERBS
from briefing.text.phrases import words_of

_BE: Final = r"(?:is|are|was|were|be|been|being|'s|’s)"
_ADVERB: Final = r"(?:\s+(?:\w+ly|also|still|often|sometimes|now|once|long|not))?"


class Frame(NamedTuple):
    """A cue that counts only in a frame: the claim kind it makes, its words and its pattern.

    The pattern's group ``cue`` (or ``cue2``) is the cue as the brief shows it.
    """

    name: str
    kind: ClaimKind
    words: frozenset[str]
    pattern: re.Pattern[str]


def _frame(name: str, kind: ClaimKind, words: tuple[str, ...], pattern: str) -> Frame:
    return Frame(name, kind, frozenset(words), re.compile(pattern, re.IGNORECASE))


#: Verbs of belief in the passive, whose holder is left unnamed: "is widely considered", "was
#: thought to", "are regarded as", "is seen as". "considered" takes what it judges at once
#: ("considered a misstep", "considered illegal"), not a place, time or agent ("was considered
#: by the council on Monday", "considered for the post").
_DOXASTIC_PASSIVE: Final = _frame(
    "belief in the passive", "assessment",
    ("considered", "regarded", "thought", "believed", "seen", "viewed", "deemed", "assumed",
     "presumed", "understood", "held", "perceived", "expected", "questioned"),
    rf"\b{_BE}{_ADVERB}\s+(?P<cue>(?:considered|deemed)(?!\s+(?:by\s+the|for|in|at|on|during|and|or"
    r"|with|from|under|before|after|whether|how|what|which)\b)(?=\s+[\w\"“‘'])"
    r"|(?:regarded|seen|viewed|perceived)(?:\s+by\s+(?:many|some|most|others|\w+\s+\w+))?\s+as"
    r"|questioned\b(?!\s+(?:by\s+the\s+police|on|about|over))"
    r"|(?:thought|believed|understood|held|presumed"
    r"|assumed|expected)\s+(?:to|that)\b|thought\s+of\s+as|assumed\b(?=\s+by))",
)
#: Belief with an object and a predicate: "some consider him the best", "critics see it as".
_DOXASTIC_OBJECT: Final = _frame(
    "belief about an object", "assessment",
    ("consider", "considers", "considered", "regard", "regards", "see", "sees", "view", "views"),
    r"\b(?P<cue>consider|considers|regard|regards|see|sees|view|views)\s+(?:it|him|her|them|this"
    r"|that|these|those|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+(?:to\s+be|as)\b"
    r"|\b(?P<cue2>consider|considers|considered)\s+(?:it|him|her|them)\s+(?:one|a|an|the)\b"
    r"|\b(?:some|many|others|most|critics|historians|scholars|fans|observers|commentators)"
    r"\s+(?:\w+ly\s+)?(?P<cue3>consider|regard|see|view)\b"
    r"|\bwhat\s+(?:he|she|they|it|we|I|many|some)\s+(?P<cue4>considered|regarded|saw|viewed"
    r"|considers|regards|sees|views)\b"
    r"|,\s+(?:then\s+|once\s+|now\s+|long\s+|widely\s+)?(?P<cue5>considered)\s+(?:a|an|the|one)\b",
)
#: "thought" the verb, without "that": "Some thought the game was offensive"; not the noun
#: ("the thought of", "political thought") nor a passive, which the frame above reads.
_THOUGHT: Final = _frame(
    "thought without that", "assessment", ("thought",),
    r"\b(?:I|we|you|he|she|they|some|many|others|most|few|critics|people|experts|analysts"
    r"|officials|[A-Z][a-z]+)\s+(?:\w+ly\s+|also\s+|still\s+)?(?P<cue>thought)\b"
    r"(?!\s+(?:of|about|so|process|experiment|police|pieces?|leaders?)\b)",
)
#: "would" of what did not or may not happen: a counterfactual ("would have won", "would
#: not have been") or a judgment of a state ("it would be a mistake"); not the reported future
#: of "he said the port would reopen", nor the later past of a narrative ("the town would grow
#: to 8,000"), which a surface list of "would" cannot tell apart.
_MODAL_REPORT_VERBS: Final = frozenset(
    w for phrase in ATTRIBUTION_VERBS for w in phrase.split() if w.endswith("ed")
) | {"said", "told", "wrote", "knew", "promised", "decided", "planned", "agreed", "vowed",
     "pledged", "saying", "insisted", "ruled"}
_HYPOTHETICAL: Final = _frame(
    "hypothetical would", "uncertainty", ("would", "wouldn"),
    r"(?:\b(?P<cue>would|wouldn[’']t)(?:\s+not|\s+never)?\s+have\s+(?:been\s+)?[a-z]+(?:ed|en|wn|ne|un|ot|ht)\b"
    r"|\b(?:it|this|that|there)\s+(?P<cue2>would)\s+(?:not\s+)?be\b)",
)

#: Frames that make an uncertainty, and frames that make an assessment, in precedence order.
UNCERTAINTY_FRAMES: Final = (_HYPOTHETICAL,)
JUDGMENT_FRAMES: Final = (_DOXASTIC_PASSIVE, _DOXASTIC_OBJECT, _THOUGHT)
FRAME_WORDS: Final = frozenset().union(*(f.words for f in UNCERTAINTY_FRAMES + JUDGMENT_FRAMES))


def _reported(text: str, at: int) -> bool:
    """Whether an attribution verb stands before offset ``at``: a reported future follows."""
    return not _MODAL_REPORT_VERBS.isdisjoint(words_of(text[:at]))


def cue_span(match: re.Match[str]) -> tuple[int, int]:
    """Where the cue of a frame's match (its group ``cue`` or ``cue2``) stands."""
    for name in match.re.groupindex:
        if name.startswith("cue") and match.group(name) is not None:
            return match.span(name)
    return match.span()


def find_frame(text: str, frames: tuple[Frame, ...],
               words: frozenset[str]) -> re.Match[str] | None:
    """The first match of the first frame that holds in ``text``; ``words``: its words."""
    for frame in frames:
        if frame.words.isdisjoint(words):
            continue
        for match in frame.pattern.finditer(text):
            if frame is _HYPOTHETICAL and _reported(text, match.start()):
                continue
            return match
    return None
