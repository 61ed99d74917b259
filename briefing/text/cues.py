"""Hedge and judgment cues of a clause, and the claim kind they make (Kent's split)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, NamedTuple

from briefing.schema import ClaimKind, Confidence, Likelihood
from briefing.text.cue_forms import forms_of
from briefing.text.cue_frames import (
    FRAME_WORDS,
    JUDGMENT_FRAMES,
    UNCERTAINTY_FRAMES,
    cue_span,
    find_frame,
)
from briefing.text.lexicons import CONFIDENCE_CUES, JUDGMENT_CUES, NOT_CUES, UNCERTAINTY_CUES
from briefing.text.likelihood import CUE_BANDS
from briefing.text.phrases import PhraseMatcher, words_of

_BAND: Final = PhraseMatcher(list(CUE_BANDS))
#: Uncertainty cues that yield to any other when a clause has several (the modal is the cue).
_WEAK: Final = frozenset({"suggests", "suggest", "suggested", "suggesting", "if", "unless",
                          "whether"})
_UNCERTAIN: Final = PhraseMatcher([c for c in UNCERTAINTY_CUES if c not in _WEAK]
                                  + list(forms_of("uncertainty")))
_UNCERTAIN_WEAK: Final = PhraseMatcher(sorted(_WEAK))
_JUDGMENT: Final = PhraseMatcher(JUDGMENT_CUES + forms_of("judgment"))
_NOT_CUE: Final = PhraseMatcher(NOT_CUES)
_CONFIDENCE: Final = PhraseMatcher(list(CONFIDENCE_CUES))
#: Every phrase above: one word lookup per clause finds the candidates of all of them.
_ANY_CUE: Final = PhraseMatcher(frozenset().union(*(m.phrases for m in (
    _BAND, _UNCERTAIN, _UNCERTAIN_WEAK, _JUDGMENT, _NOT_CUE, _CONFIDENCE))))
#: "May" the month, not the modal.
_MONTH_MAY: Final = re.compile(
    r"\bMay\b(?=\s+\d)|\b(?:in|of|since|until|from|last|next|early|mid|late|by|through)\s+May\b"
    r"|\bMay\b(?=,?\s+(?:19|20)\d\d)|\d\s+May\b"
)
#: "could not" of past inability ("rescuers could not reach"), unless it is an unknown.
_COULD_NOT: Final = re.compile(
    r"\bcould(?:\s+not|n't)\b(?!\s+(?:be\s+(?:ruled|excluded|confirmed|verified|independently"
    r"|immediately|determined|established|identified)|rule\s+out|exclude|confirm|verify|say"
    r"|independently))",
    re.IGNORECASE,
)


#: "possible" of what can be done, not of what may be: "it is possible to use two cogs",
#: "made it possible"; not "it is possible that" nor "it is possible for the virus to spread".
_ABILITY_POSSIBLE: Final = re.compile(
    r"\b(?:made|make|makes|making)\s+(?:[\w-]+\s+){0,4}?possible\b"
    r"|\b(?:is|are|was|were|be|been)\s+(?:\w+\s+)?possible\s+(?:to|by)\b"
    r"|\bit\s+(?:is|was|will\s+be|would\s+be|became|becomes|has\s+been|had\s+been)\s+"
    r"(?:\w+ly\s+|not\s+)?possible\s+to\b",
    re.IGNORECASE,
)
#: "could" of what could be done, in a clause of purpose or time ("so that they could leave",
#: "before the question could be answered", "where a coat could be worn") or of anyone at all
#: ("one could confuse"): past ability, not a possibility.
_COULD_OF_ABILITY: Final = re.compile(
    r"\b(?:(?:so(?:\s+that)?|in\s+order\s+that|before|until|where|whenever|once)\s+"
    r"(?:[\w'’-]+\s+){0,4}?|(?:one|anyone|anybody|everyone|all|you)\s+)could\b(?!\s+not\b)",
    re.IGNORECASE,
)
#: "potential" the noun ("the untapped potential of the region"), not the adjective.
_POTENTIAL_NOUN: Final = re.compile(r"\bpotential(?=\s+(?:of|for|to|in|and|as)\b|\s*[.,;:)])",
                                    re.IGNORECASE)
#: "as quickly as possible": a manner, no possibility.
_AS_POSSIBLE: Final = re.compile(r"\bas\s+\w+(?:\s+[\w-]+){0,3}?\s+as\s+possible\b"
                                 r"|\b(?:best|most|least|highest|lowest)\s+\w+\s+possible\b",
                                 re.IGNORECASE)
_NAME_CUE_WORDS: Final = frozenset({
    "may", "might", "could", "unknown", "possible", "perhaps", "uncertain", "unclear", "whether",
    "if", "would", "should", "apparently", "rumour", "rumours", "rumor", "rumors",
})
#: A hedge word with a capital inside a sentence is part of a name or title ("Devil May Cry",
#: "The Unknown Soldier"), not a hedge.
_IN_A_NAME: Final = re.compile(
    r"(?<=\w )(?:May|Might|Could|Unknown|Possible|Perhaps|Uncertain|Unclear|Whether|If|Would"
    r"|Should|Apparently|Rumours?|Rumors?)\b"
)


class CueReading(NamedTuple):
    """What the cues of a clause say: its kind, the deciding cue and its ICD 203 band."""

    kind: ClaimKind
    cue: str | None = None
    cue_start: int | None = None  # offset of the cue within the clause
    band: Likelihood | None = None
    confidence: Confidence | None = None


def _mask(text: str, among: frozenset[str] | None = None) -> str:
    """Blank out look-alikes of cues, keeping offsets."""
    spans = [m.span() for m in _NOT_CUE.finditer(text, among=among)]
    if "May" in text:
        spans += [m.span() for m in _MONTH_MAY.finditer(text)]
    if "ould" in text:
        spans += [m.span() for m in _COULD_NOT.finditer(text)]
    if "ossible" in text:
        spans += [m.span() for m in _ABILITY_POSSIBLE.finditer(text)]
        spans += [m.span() for m in _AS_POSSIBLE.finditer(text)]
    if "ould" in text:
        spans += [m.span() for m in _COULD_OF_ABILITY.finditer(text)]
    if "otential" in text:
        spans += [m.span() for m in _POTENTIAL_NOUN.finditer(text)]
    if among is not None and not _NAME_CUE_WORDS.isdisjoint(among) and any(
            word.capitalize() in text for word in _NAME_CUE_WORDS & among):
        spans += [m.span() for m in _IN_A_NAME.finditer(text)]
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


@lru_cache(maxsize=1024)
def read_cues(text: str) -> CueReading:
    """Classify a clause by its cues.

    Precedence (tests/fixtures/gold/GUIDE.md): an ICD 203 band term makes an assessment with
    that band; otherwise an uncertainty cue makes an uncertainty; otherwise a judgment cue
    makes an assessment; a question is an uncertainty; anything else is a fact.
    """
    among = _ANY_CUE.candidates(text)  # masking only blanks words: a superset for masked too
    if not among and FRAME_WORDS.isdisjoint(words_of(text)):
        return _question_or_fact(text, None)
    masked = _mask(text, among)
    confidence_match = _CONFIDENCE.search(masked, among=among)
    confidence: Confidence | None = None
    if confidence_match:
        level = CONFIDENCE_CUES[" ".join(confidence_match.group(0).lower().split())]
        confidence = level  # type: ignore[assignment]
    band_match = _BAND.search(masked, among=among)
    if band_match:
        cue = text[band_match.start() : band_match.end()]
        band = CUE_BANDS[" ".join(cue.lower().split())]
        return CueReading("assessment", cue, band_match.start(), band, confidence)
    uncertain = (_UNCERTAIN.search(masked, among=among)
                 or _UNCERTAIN_WEAK.search(masked, among=among))
    if uncertain:
        return CueReading(
            "uncertainty", text[uncertain.start() : uncertain.end()], uncertain.start(),
            None, confidence,
        )
    words = words_of(masked)
    framed = find_frame(masked, UNCERTAINTY_FRAMES, words)
    if framed:
        at, end = cue_span(framed)
        return CueReading("uncertainty", text[at:end], at, None, confidence)
    judgment = _JUDGMENT.search(masked, among=among) or find_frame(masked, JUDGMENT_FRAMES, words)
    if judgment:
        at, end = cue_span(judgment)
        return CueReading("assessment", text[at:end], at, None, confidence)
    return _question_or_fact(text, confidence)


_FACT: Final = CueReading("fact")


def _question_or_fact(text: str, confidence: Confidence | None) -> CueReading:
    """A clause without hedge or judgment cues: a question is an uncertainty, else a fact."""
    if "?" in text:
        stripped = text.rstrip(" \"'”’)")
        if stripped.endswith("?"):
            return CueReading("uncertainty", "?", len(stripped) - 1, None, confidence)
    return _FACT if confidence is None else CueReading("fact", None, None, None, confidence)
