"""Quotations a clause introduces with a colon, whatever its verb: "Varga continued: “The
levee held.”", "The port office issued a blunt warning: “Stay ashore.”", "She added flatly:
''We sail.''". The quotation after the colon is the content, the subject that opens the clause
its source, and the words from the subject to the colon (the colon kept) its cue. Offsets count
from the sentence's first character; ``attribution_relations`` makes the frames relations."""

from __future__ import annotations

import re
from typing import Final

from briefing.text.attribution_subjects import opening_subject, rough_subject
from briefing.text.quotation_marks import quoted_spans

Span = tuple[int, int]
Frame = tuple[Span, Span | None, tuple[Span, ...]]

#: A colon after a word, a quotation mark just after it.
_COLON_QUOTE: Final = re.compile(r"(?<=[^\s:]):[ \t]+(?=[“\"]|``|'')")
#: A pronoun that opens the clause: "She went on to say:".
_PRONOUN_FIRST: Final = re.compile(r"(?:(?:But|And|Then|So),?\s+)?(?P<np>He|She|They|I|We)\b")
#: A word that joins a clause to the one before it: "But", "And then".
_JOINER: Final = re.compile(r"\s*(?:(?:But|And|So|Yet|Then|Still),?\s+)+")
#: Where the clause before a colon begins: after the last mark that closes a clause.
_CLAUSE_MARK: Final = re.compile(r"[;(—–]|\s-\s|[.!?][”\"']?\s")


def colon_quotations(sentence: str, held: list[Span]) -> list[Frame]:
    """Each quotation a clause introduces with a colon, with the clause's subject; none that
    overlaps a content of ``held`` ("Varga said: “...”" is the verb's already)."""
    if ":" not in sentence:
        return []
    quotes = quoted_spans(sentence)
    found: list[Frame] = []
    for colon in _COLON_QUOTE.finditer(sentence):
        at = colon.start()
        if any(a < at < b for a, b in quotes):
            continue  # a colon inside a quotation
        pieces = tuple(q for q in quotes if q[0] >= colon.end())
        if (not pieces or pieces[0][0] != colon.end()
                or len(sentence[slice(*pieces[0])].split()) < 2
                or any(a < pieces[0][1] and pieces[0][0] < b for a, b in held)):
            continue
        begin = max((m.end() for m in _CLAUSE_MARK.finditer(sentence, 0, at)), default=0)
        clause = sentence[begin:at]
        pronoun = _PRONOUN_FIRST.match(clause.lstrip())
        if pronoun is not None:
            lead = begin + len(clause) - len(clause.lstrip())
            source: Span | None = (lead + pronoun.start("np"), lead + pronoun.end("np"))
        else:
            opener = _JOINER.match(clause)
            skip = opener.end() if opener is not None else 0
            subject = (opening_subject(clause[skip:], len(clause) - skip)
                       or rough_subject(clause[skip:], 0, len(clause) - skip))
            source = None if subject is None else (begin + skip + subject[0],
                                                   begin + skip + subject[1])
        if source is None:
            continue
        cue_start = source[1]
        while cue_start < at and sentence[cue_start] in " ,":
            cue_start += 1
        if cue_start >= at:
            continue  # "Varga: “...”": the speaker and colon of a headline, read elsewhere
        found.append(((cue_start, at + 1), source, pieces))
    return found
