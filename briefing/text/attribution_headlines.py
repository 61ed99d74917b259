"""Attributions of a headline written in title case, as news writes them: "Harbour Master
Says Levee Will Hold", "Varga Warns Tolls Could Rise". The capitalized verb of saying is the
cue, the words before it the source, the words after it the content. Offsets count from the
sentence's first character; ``attribution_relations`` makes the frames relations."""

from __future__ import annotations

import re
from typing import Final

from briefing.text.cue_forms import cue_forms
from briefing.text.reporting_verbs import SPEECH_LEMMAS

Span = tuple[int, int]
Frame = tuple[Span, Span | None, tuple[Span, ...]]

#: The capitalized forms of the verbs of saying and thinking: "Says", "Warned", "Believes".
_TITLE_CUES: Final = frozenset(
    form.capitalize() for lemma, forms in cue_forms().get("reporting", {}).items()
    if lemma in SPEECH_LEMMAS for form in forms if " " not in form and not form.endswith("ing")
    and form != lemma)
_WORD: Final = re.compile(r"[\w’'‘-]+")
#: Share of a headline's words (of four letters or more) that start with a capital letter.
_TITLE_SHARE: Final = 0.8
#: A name or noun phrase of at most this many words before the cue: the source.
_MAX_SOURCE_WORDS: Final = 6
_ADVERBS: Final = frozenset({"Just", "Now", "Also", "Finally", "Reportedly", "Still", "Again",
                             "Actually", "Publicly", "Privately", "Already"})
_QUESTION_WORDS: Final = frozenset({"How", "Why", "What", "When", "Where", "Who", "Which",
                                    "Here", "Here’s", "Here's"})
_OPENING: Final = re.compile(r"(?:[A-Z][a-z]*:\s+)?")  # "Wow: Varga Says ..."


def _title_case(sentence: str) -> bool:
    words = [w for w in _WORD.findall(sentence) if len(w) >= 4 and w[0].isalpha()]
    capitals = sum(w[0].isupper() for w in words)
    return len(words) >= 3 and capitals >= _TITLE_SHARE * len(words)


def headline_frames(sentence: str) -> list[Frame]:
    """The source, title-case verb of saying and content of a headline, where it has them."""
    if not _title_case(sentence) or sentence.rstrip().endswith("?"):
        return []
    for cue in _WORD.finditer(sentence):
        if cue.group(0) not in _TITLE_CUES:
            continue
        start = _OPENING.match(sentence).end()  # type: ignore[union-attr]
        words = list(_WORD.finditer(sentence, start, cue.start()))
        while words and words[-1].group(0) in _ADVERBS:  # "Varga Just Said"
            words.pop()
        if not 1 <= len(words) <= _MAX_SOURCE_WORDS or not words[0].group(0)[0].isupper() or (
                words[0].group(0) in _QUESTION_WORDS):
            return []  # "How Varga Thinks About Tolls": no saying reported
        source = (words[0].start(), words[-1].end())
        content_start = cue.end() + len(sentence[cue.end() :]) - len(sentence[cue.end() :].lstrip())
        content_end = len(sentence.rstrip().rstrip("."))
        if len(sentence[content_start:content_end].split()) < 2:
            return []
        return [(cue.span(), source, ((content_start, content_end),))]
    return []
