"""Quotations whose speaker is named with a verb the lexicon lacks, as news writes them:

- a clause introduces a quotation with a colon: "Varga continued: “The levee held.”", "The
  port office issued a blunt warning: “Stay ashore.”" (the quotation is the content, the
  subject that opens the clause its source, the words from the subject to the colon its cue);
- a quotation opens the sentence and its speaker closes it with one verb: "“The levee held,”
  Varga gushed." (the speaker a name or a pronoun, the verb a past or present form);
- a quotation just after a verb of saying in any form, "went on to say, “...”", "has Varga
  saying “...”", "telling them, “...”" (``quotation_next``, ``name_just_before``).

Offsets count from the sentence's first character; ``attribution_relations`` makes the frames
relations (those whose quotation another relation holds are left out)."""

from __future__ import annotations

import re
from typing import Final

from briefing.text.attribution_subjects import noun_phrase, opening_subject, rough_subject
from briefing.text.lexicons import CAPITALIZED_STOPWORDS
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
_CLAUSE_MARK: Final = re.compile(  # not the stop of a title: "Dr.", "Sen.", "Mrs."
    r"[;(—–]|\s-\s|(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})[.!?][”\"']?\s")


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
        introducer = _introducer(sentence, at)
        if introducer is not None:
            found.append((introducer[0], introducer[1], pieces))
    return found


def _introducer(sentence: str, at: int) -> tuple[Span, Span] | None:
    """The cue and source of the clause that ends at a colon at ``at``: the clause's subject,
    and the words from it to the colon."""
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
        return None
    cue_start = source[1]
    while cue_start < at and sentence[cue_start] in " ,":
        cue_start += 1
    if cue_start >= at:
        return None  # "Varga: “...”": the speaker and colon of a headline, read elsewhere
    return (cue_start, at + 1), source


def colon_introducer(sentence: str) -> tuple[Span, Span] | None:
    """The cue and source of a sentence that ends with a colon ("Dr. Varga stated:"), what
    introduces the quotation of the paragraph after it."""
    stripped = sentence.rstrip()
    if not stripped.endswith(":") or len(stripped) < 2 or stripped[-2].isspace():
        return None
    return _introducer(sentence, len(stripped) - 1)


#: "“The levee held,” Varga gushed." / "''We sail,'' she quipped." : the whole sentence.
_QUOTE_THEN_SPEAKER: Final = re.compile(
    r"\s*(?P<quote>(?:“|\"|``|'')[^“”\"]*?[,?!](?:”|\"|''))\s+"
    r"(?P<np>(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})|he|she|they|I|we)\s+"
    r"(?P<cue>[a-z]{3,}(?:ed|s))(?:\s+[a-z]+ly)?\s*[.!]?\s*"
)


def closing_speakers(sentence: str, held: list[Span]) -> list[Frame]:
    """A quotation that opens its sentence, closed by its speaker and one verb of any kind,
    unless another relation (``held``) holds it."""
    found = _QUOTE_THEN_SPEAKER.fullmatch(sentence)
    if found is None or any(a < found.end("quote") and found.start("quote") < b for a, b in held):
        return []
    return [(found.span("cue"), found.span("np"), (found.span("quote"),))]


#: Whom a verb of telling addresses before its quotation: "them", "the crowd", "Varga".
_TOLD: Final = re.compile(r"\s+(?:him|her|them|us|me|reporters|(?:the\s+)?[A-Za-z]+|[A-Z][\w.'’-]*"
                          r"(?:\s+[A-Z][\w.'’-]*){0,3})(?=,)")
#: What may stand between a verb and the quotation it introduces: a comma or a colon.
_TO_QUOTE: Final = re.compile(r"\s*[,:]?\s*")


def quotation_next(sentence: str, end: int, quotes: list[Span], telling: bool) -> tuple[Span, ...]:
    """The quotations just after a verb that ends at ``end`` ("saying, “...”"), past whom it
    tells where ``telling`` ("telling them, “...”"); none when no quotation follows at once."""
    at = end
    if telling and (told := _TOLD.match(sentence, at)) is not None:
        at = told.end()
    at = _TO_QUOTE.match(sentence, at).end()  # type: ignore[union-attr]
    after = [q for q in quotes if q[0] >= at]
    if not after or after[0][0] != at or len(sentence[slice(*after[0])].split()) < 2:
        return ()
    return tuple(after)


#: A name just before a participle: "has Varga saying", "with Mayor Ilse Varga telling".
_NAME_JUST_BEFORE: Final = re.compile(r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*\s+$")


def name_just_before(sentence: str, start: int) -> Span | None:
    """The name that stands just before a participle at ``start``, its subject."""
    found = _NAME_JUST_BEFORE.search(sentence, 0, start)
    if found is None or found.start() == 0:
        return None  # a name that opens the sentence is read as its subject elsewhere
    name = found.group(0).rstrip()
    return (found.start(), found.start() + len(name))


def named_speaker(words: str) -> bool:
    """Whether words can name who speaks: a pronoun, or a noun phrase that opens with no
    capitalized word of clause or time ("But", "When", "In")."""
    first = words.split()[0] if words.split() else ""
    return first in _SPEAKING or (first not in CAPITALIZED_STOPWORDS and noun_phrase(words))


_SPEAKING: Final = frozenset({"He", "She", "They", "I", "We", "he", "she", "they", "we"})


def quotation_after_verb(sentence: str, cue: Span, quotes: list[Span], telling: bool,
                         main_source: Span | None) -> Frame | None:
    """A verb of saying in a form no frame reads with the quotation just after it: its
    speaker the name just before a participle ("has Varga saying"), else the sentence's
    source so far (``main_source``) or the subject that opens it."""
    quoted = quotation_next(sentence, cue[1], quotes, telling)
    if not quoted:
        return None
    participle = sentence[cue[0] : cue[1]].endswith("ing")
    speaker = (name_just_before(sentence, cue[0]) if participle else None) or (
        main_source or opening_subject(sentence, cue[0]))
    if speaker is None or not named_speaker(sentence[slice(*speaker)]):
        return None
    return (cue, speaker, quoted)
