"""Attribution relations of one sentence, as news writes them: each cue of saying, thinking or
stance with the span of its source and the span of its content (the clause the cue governs,
the quotation it introduces, the words before a trailing ", X said", the rest of the sentence
after "According to X,"). Offsets count from the sentence's first character.

Kinds of text read, each by one function below:

- a subject and its verb before the content: "Mayor Varga said (that) the levee held";
- the content first, the source after: "“The levee held,” Varga said." / "..., said Varga.";
- a participle that goes on with the same source: "..., saying the levee held";
- the preposed or trailing "according to X";
- a passive with its agent: "The breach was reported by the harbour master".
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, NamedTuple

from briefing.text.attribution_boundaries import (
    ASIDE_GOES_ON,
    ATTITUDE_OF,
    BRIDGE,
    CLAUSE_END,
    LEAD_IN,
    LEADING_PHRASE,
    LIGHT_VERBS,
    NAME_AFTER,
    NAMED_THING,
    NEWSROOM_LABEL,
    NOT_GOING_ON,
    OBJECT_END,
    OPENER,
    PHRASE_ONLY,
    PREPOSITION_FIRST,
    QUOTE_BEFORE,
    SHOWS_UP,
    SUBORDINATE_FIRST,
    TOLD_THAT,
)
from briefing.text.attribution_frames import verbless_frames
from briefing.text.attribution_headlines import headline_frames
from briefing.text.attribution_introduced import (
    closing_speakers,
    colon_quotations,
    named_speaker,
    quotation_after_verb,
)
from briefing.text.attribution_sources_after import (
    INVERTED_END,
    NP_AFTER,
    TRAILING_REST,
    according_to,
    source_head,
)
from briefing.text.attribution_subjects import (
    BE,
    contracted_pronoun,
    joined_verb,
    noun_form_is_verb,
    noun_phrase,
    opening_subject,
    opens_before_subject,
    rough_subject,
    subject_before,
)
from briefing.text.cue_forms import cue_forms, forms_of
from briefing.text.phrases import PhraseMatcher
from briefing.text.quotation_marks import quotation_only, quoted_spans
from briefing.text.reporting_verbs import NOUNS_TOO, PARTICLE_ONLY, PARTICLES, SPEECH_LEMMAS

Span = tuple[int, int]


class Relation(NamedTuple):
    """One attribution: where its cue, its source (None where unnamed) and its content stand."""

    cue: Span
    source: Span | None
    content: tuple[Span, ...]


#: Verbs with their particle: "referred to", "talked about" (``PARTICLES``).
_PHRASAL: Final = {f"{form} {particle}": lemma for lemma, particles in PARTICLES.items()
                   for form in cue_forms()["reporting-object"].get(lemma, ())
                   for particle in particles}
_OBJECT_FORMS: Final = frozenset(forms_of("reporting-object")) | frozenset(_PHRASAL)
_LEMMA_OF: Final = {**{form: lemma for kind in ("reporting", "reporting-object")
                       for lemma, forms in cue_forms().get(kind, {}).items() for form in forms},
                    **_PHRASAL}
#: The forms of NOUNS_TOO that are nouns as well: the plain form and the "-s" form.
_NOUN_FORMS: Final = frozenset(form for form, lemma in _LEMMA_OF.items()
                               if lemma in NOUNS_TOO and form in {lemma, lemma + "s", lemma + "es"})
_SPEECH_FORMS: Final = frozenset(form for form, lemma in _LEMMA_OF.items()
                                 if lemma in SPEECH_LEMMAS) - _NOUN_FORMS
_CUE_FORMS: Final = (set(forms_of("reporting")) | _OBJECT_FORMS) - {
    form for form, lemma in _LEMMA_OF.items() if lemma in PARTICLE_ONLY and " " not in form}
_CUES: Final = PhraseMatcher(_CUE_FORMS | {"according to", "According to", "Asked"},
                             ignore_case=False)
#: Words before a cue that make it a noun: "the report", "his claims", "a call".
_DETERMINERS: Final = frozenset({
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these",
    "those", "whose", "no", "any", "every",
})
_THAT_SOON: Final = re.compile(r"^(?:(?!(?:he|she|they|it|we|I)\b)[^\s,;.:\"“”`]+\s){0,2}?(?=that\s)")
_END: Final = re.compile(r"[\s.,;:!?]*$")
#: What follows "continue" when it goes on with a deed, not with words.
_GOES_ON: Final = re.compile(r"\s+(?:to\s|[a-z]+ing\b)")
#: ", saying", ", adding": a participle of a reporting verb that goes on with the subject.
_PARTICIPLE_BEFORE: Final = re.compile(r",\s+(?:\w+ly\s+|and\s+)?$")
_ACCORDING: Final = "according to"
_MIN_CONTENT_WORDS: Final = 2


def speech_cue(cue: str) -> bool:
    """Whether a cue is a verb of saying or thinking ("said", "believes"), which stands as an
    attribution of its own inside another's content; a cue of stance, wish or evidence there
    ("he said they want ...") is rarely annotated as one."""
    return _LEMMA_OF.get(cue) in SPEECH_LEMMAS


def _inside(at: int, spans: list[Span]) -> bool:
    return any(a < at < b for a, b in spans)


def _trimmed(sentence: str, start: int, end: int, single: bool = False) -> Span | None:
    """A content span without its surrounding spaces and final stop; None when too short (two
    words; one where ``single``: an object, "decried it")."""
    while start < end and sentence[start] in " \t\n,:":
        start += 1
    tail = _END.search(sentence, start, end)
    if tail is not None and tail.start() > start:
        end = tail.start()
    if len(sentence[start:end].split()) < (1 if single else _MIN_CONTENT_WORDS):
        return None
    return (start, end)


#: Whom a verb of telling addresses, before what it tells: "reporters", "the Corva Courier".
_ADDRESSEE: Final = re.compile(
    r"\s+(?:(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*|reporters|journalists|him|her"
    r"|them|us|me|supporters|voters|the\s+(?:crowd|audience|committee|court|jury|paper|newspaper"
    r"|station|network|agency))(?=[\s,:])"
)
_TELLING: Final = frozenset({"tell", "inform", "assure", "remind", "warn", "advise", "ask",
                             "urge", "promise"})


def _content_after(sentence: str, cue_end: int, object_verb: bool, quotes: list[Span],
                   stop: int, addressee: bool = False, light: bool = False) -> tuple[Span, ...]:
    """What a cue governs: the quotations after it, or the clause from it to ``stop``; of a
    ``light`` verb ("expressed", "voiced"), what the noun after it is about."""
    start = cue_end
    if addressee:  # "told reporters the channel was clear"
        told = _ADDRESSEE.match(sentence, start) or TOLD_THAT.match(sentence, start, stop)
        if told is not None:
            start = told.end()
    bridge = BRIDGE.match(sentence, start)
    start = bridge.end() if bridge is not None else start
    after = [q for q in quotes if start <= q[0] < stop]
    if after and after[0][0] - start <= 2:
        return tuple(after)
    that = _THAT_SOON.match(sentence[start:stop])
    if that is not None and not object_verb:
        start += that.end()
    # "complained about the tolls", "voiced concern about the tolls": what it is about
    object_of = (PREPOSITION_FIRST.match(sentence, start, stop)
                 or (ATTITUDE_OF.match(sentence, start, stop) if light else None))
    if object_of is not None:
        start = object_of.end()
    if SUBORDINATE_FIRST.match(sentence) and sentence.find(", ", 0, cue_end) < 0:
        # "If the files show that A, B": A ends at the comma that closes the clause
        comma = sentence.find(", ", start, stop)
        if comma > start:
            stop = comma
    for cut in (OBJECT_END if object_verb else CLAUSE_END).finditer(sentence, start, stop):
        if not _inside(cut.start(), quotes) and cut.start() > start:
            stop = cut.start()
            break
    span = _trimmed(sentence, start, stop, single=object_verb)
    if span is None or (not object_verb and PHRASE_ONLY.match(sentence, *span)):
        return ()  # "said to cheers", "said during a debate": no clause is said
    return (span,)


def _stops(sentence: str, quotes: list[Span]) -> list[int]:
    """Offsets where a content stops: before "; ", ", according to", ", saying"."""
    marks = [m.start() for m in re.finditer(
        r";\s|,\s+according to\b|\s(?:[—–]|-{1,2})\s+(?=(?:and|but|even|though|although|while|as"
        r"|which|who|where|when)\b)", sentence)]
    return [m for m in marks if not _inside(m, quotes)]


#: A speaker and a colon opening a sentence: a headline's "Varga: ..." or a transcript's
#: "SEN. VARGA: ...". A name of capitalized words (a few small words between).
_SPEAKER_COLON: Final = re.compile(
    r"\s*(?:[“\"]|``)?(?P<np>(?:[A-Z][\w.'’-]*)(?:\s+(?:[A-Z][\w.'’-]*|of|and|the|on|for)){0,5})\s*"
    r"(?P<colon>:)\s+(?=\S)"
)
_ASKED_WHETHER: Final = re.compile(r"(?:\s+(?:[A-Z][a-z]+day|later|again|repeatedly|directly))?"
                                   r"\s+(?P<q>whether|if|which|what|how|why|who|about)\b")
_WHEN_ASKED: Final = re.compile(r"(?:^|\b[Ww]hen|\b[Ii]f|,)\s*$")


@lru_cache(maxsize=1024)
def relations_in(sentence: str) -> tuple[Relation, ...]:
    """Every attribution relation of one sentence, in the order of their cues."""
    found: list[Relation] = []
    speaker = _SPEAKER_COLON.match(sentence) if ":" in sentence[:60] else None
    # "Varga: The levee held." (a headline), "VARGA: We sail." (a transcript)
    if speaker is not None and not NEWSROOM_LABEL.fullmatch(speaker.group("np")):
        content = _trimmed(sentence, speaker.end(), len(sentence))
        if content is not None:
            found.append(Relation(speaker.span("colon"), speaker.span("np"), (content,)))
    matches = list(_CUES.finditer(sentence))
    quotes = quoted_spans(sentence)
    stops = _stops(sentence, quotes)
    bound = 0  # a subject is looked for after the last cue
    main_source: Span | None = None
    for match in matches:
        start, end = match.span()
        if _inside(start, quotes):
            continue
        cue = match.group(0)
        stop = next((s for s in stops if s > end), len(sentence))
        if cue.lower() == _ACCORDING:
            frame = according_to(sentence, start, end)
            relation = Relation(*frame) if frame is not None else None
        elif cue in ("asked", "Asked") and (asked := _ASKED_WHETHER.match(sentence, end)) and (
                _WHEN_ASKED.search(sentence, 0, start)):  # "When asked whether it held, ..."
            question = _trimmed(sentence, asked.start("q"),
                                sentence.find(",", end) % (len(sentence) + 1))
            relation = Relation((start, end), None, (question,)) if question else None
        else:
            relation = _verb(sentence, start, end, cue, quotes, stop, bound, main_source)
        if relation is None:
            continue
        found.append(relation)
        if main_source is None and relation.source is not None:
            main_source = relation.source
        bound = end
    found = _trailing_cut(found) + [Relation(*f) for f in (*verbless_frames(sentence, quotes),
                                                          *headline_frames(sentence))]
    held = [piece for relation in found for piece in relation.content]
    found += [Relation(*frame) for frame in colon_quotations(sentence, held)]
    return tuple(sorted(found + [Relation(*frame) for frame in closing_speakers(sentence, held)]))


def _trailing_cut(found: list[Relation]) -> list[Relation]:
    """A content that runs over a later relation's source and cue ends before them."""
    result = []
    for relation in found:
        pieces = []
        for a, b in relation.content:
            for other in found:
                if (other is relation or other.source is None
                        or other.content[0][0] > other.source[0]):
                    continue  # only a content-first relation ("..., X said") cuts
                first = min(other.source[0], other.cue[0])
                if a < first < b and other.cue[0] > relation.cue[0]:
                    b = first
            if b - a > 0:
                pieces.append((a, b))
        result.append(relation._replace(content=tuple(pieces)))
    return [r for r in result if r.content]


def _verb(sentence: str, start: int, end: int, cue: str, quotes: list[Span], stop: int,
          bound: int, main_source: Span | None) -> Relation | None:
    """A relation of a reporting verb, in the form the words around it take; else, for a verb
    of saying in any form, the quotation just after it ("went on to say, “...”")."""
    found = _verb_frame(sentence, start, end, cue, quotes, stop, bound, main_source)
    if found is not None or cue not in _SPEECH_FORMS:
        return found
    frame = quotation_after_verb(sentence, (start, end), quotes, _LEMMA_OF.get(cue) in _TELLING,
                                 main_source)
    return Relation(*frame) if frame is not None else None


def _verb_frame(sentence: str, start: int, end: int, cue: str, quotes: list[Span], stop: int,
                bound: int, main_source: Span | None) -> Relation | None:
    """A relation of a reporting verb in a frame the rules read."""
    before = sentence[:start].split()
    previous = before[-1].lower() if before else ""
    if previous in _DETERMINERS or (previous.endswith(("'s", "’s")) and previous not in BE
                                    and not contracted_pronoun(previous)):
        return None  # a noun: "the report", "Varga's claim"
    object_verb = cue in _OBJECT_FORMS
    if _LEMMA_OF.get(cue) == "continue" and _GOES_ON.match(sentence, end):
        return None  # "continues to trail", "continued campaigning": no saying goes on
    if _LEMMA_OF.get(cue) in {"appear", "seem"} and SHOWS_UP.match(sentence, end):
        return None  # "appeared on the Courier's show", "will appear before the council"
    if cue in {"called", "named", "dubbed"} and NAMED_THING.search(sentence, 0, start) and (
            NAME_AFTER.match(sentence, end)):
        return None  # "a firm called Halden Freight": a name, nothing said
    if _LEMMA_OF.get(cue) in _RAISING and sentence.startswith(" to ", end) and (
            previous in BE or _LEMMA_OF.get(cue) != "expect"):  # not "Varga expects to win"
        return _raised(sentence, start, end, quotes, stop, bound, previous in BE)
    if cue in _NOUN_FORMS and not noun_form_is_verb(sentence, start, end):
        return None  # "the level of voter support", "Corva state lawmakers"
    if sentence.startswith(" by ", end):
        if previous in BE:  # "was reported by the harbour master"
            np = NP_AFTER.match(sentence, end + 4)
            content = _trimmed(sentence, 0, sentence.rfind(before[-1], 0, start))
            if np is not None and content is not None:
                return Relation((start, end), source_head(sentence, np.span("np")), (content,))
        return None
    if cue.endswith("ing") and previous not in BE:
        if _PARTICIPLE_BEFORE.search(sentence, 0, start) is None:
            return None  # a gerund: "after saying", "Speaking to"
        pieces = _content_after(sentence, end, object_verb, quotes, stop,
                                addressee=_LEMMA_OF.get(cue) in _TELLING)
        if not pieces:
            return None
        return Relation((start, end), main_source or opening_subject(sentence, start), pieces)
    rest = sentence[end:]
    left = sentence[bound:start].rstrip()
    subject = subject_before(sentence, bound, start)
    opens = subject is not None and (  # "Fenn, a senator, said", "... — Fenn, a senator, said"
        not sentence[: subject[0]].strip() or sentence[: subject[0]].rstrip()[-1] in "—–:;")
    if (not left or left[-1] in ",”\"'") and bound == 0 and start > 0 and not opens:
        inverted = _inverted(sentence, start, end, quotes)
        if inverted is not None:
            return inverted
    if subject is None and joined_verb(sentence, start):  # "Varga defended it and (has) said"
        subject = main_source or opening_subject(sentence, start)
    if subject is None:
        if cue not in _SPEECH_FORMS or not previous or previous[-1] in ",;:":
            return None
        subject = rough_subject(sentence, bound, start)
        if subject is None:
            pieces = _content_after(sentence, end, object_verb, quotes, stop,
                                    addressee=_LEMMA_OF.get(cue) in _TELLING)
            if not pieces:
                return None
            source = opening_subject(sentence, start)  # "X, who ..., has said": X, if a name
            if source is None or not named_speaker(sentence[slice(*source)]):
                return None
            return Relation((start, end), source, pieces)
    head = sentence[: subject[0]].rstrip()
    # "“The levee held,” Varga said of the storm", "“...,” Varga told the crowd of 500"
    quoted_head = QUOTE_BEFORE.search(head) is not None or quotation_only(head)
    if (head and head[-1] in ",”\"'" and len(head.split()) >= _MIN_CONTENT_WORDS
            and (quoted_head or (not object_verb and TRAILING_REST.match(rest)))
            and not OPENER.match(head) and not LEADING_PHRASE.match(head)
            and not opens_before_subject(head, sentence[subject[1] : start])):
        before_cue = _trimmed(sentence, _lead_in_end(sentence, quotes, len(head))
                              if quoted_head else 0, len(head))
        parts = [before_cue] if before_cue is not None else []
        parts += [q for q in quotes if q[0] > end]
        aside = ASIDE_GOES_ON.match(rest)
        if (aside is not None and not parts[1:] and head[-1] == ","
                and not NOT_GOING_ON.match(sentence, end + aside.end())):
            # "The levee, she said, held": both sides; not "“...,” she said, adding ..." (a
            # quotation is whole) nor "..., she said, while the crowd watched"
            after = _trimmed(sentence, end + aside.end(), stop)
            if after is not None:
                parts.append(after)
        return Relation((start, end), subject, tuple(parts)) if parts else None
    content_pieces = _content_after(sentence, end, object_verb, quotes, stop,
                                    addressee=_LEMMA_OF.get(cue) in _TELLING,
                                    light=_LEMMA_OF.get(cue) in LIGHT_VERBS)
    if not content_pieces:
        return None
    return Relation((start, end), subject, content_pieces)


def _lead_in_end(sentence: str, quotes: list[Span], end: int) -> int:
    """Where a quotation closed before its source opens after the writer's lead-in to it:
    "Varga put it bluntly: “We sail,” she said" (0 when no colon or dash leads in)."""
    last = next((q for q in reversed(quotes) if q[1] <= end + 1), None)
    if last is None:
        return 0
    lead = LEAD_IN.search(sentence, 0, last[0])
    return lead.end() if lead is not None and not _inside(lead.start(), quotes) else 0


#: Verbs whose subject is part of what they attribute, not its source: "the levee appears
#: to hold", "the vote is expected to pass".
_RAISING: Final = frozenset({"appear", "seem", "expect"})


def _raised(sentence: str, start: int, end: int, quotes: list[Span], stop: int, bound: int,
            passive: bool) -> Relation | None:
    """"The levee appears to hold": the subject and what follows, no source named."""
    verb_at = sentence.rfind(" ", 0, start - 1) + 1 if passive else start
    subject = subject_before(sentence, bound, verb_at)
    if subject is None:
        return None
    after = _content_after(sentence, end, False, quotes, stop)
    return Relation((start, end), None, (subject, *after)) if after else None


def _inverted(sentence: str, start: int, end: int, quotes: list[Span]) -> Relation | None:
    """"“The levee held,” said Varga." / "..., said Varga, the harbour master."."""
    np = NP_AFTER.match(sentence, end)
    if _LEMMA_OF.get(sentence[start:end]) in _TELLING:
        return None  # "..., Varga told the Courier": whom she told follows, not who told
    if np is None or not INVERTED_END.match(sentence, np.end()) or (
            not any(w[:1].isupper() for w in np.group("np").split())
            and not np.group("np").startswith(("the ", "a ", "an ", "another ", "several ",
                                                "many ", "some ", "most ", "other ", "two ",
                                                "three ", "one "))) or (
            not noun_phrase(sentence[slice(*source_head(sentence, np.span("np")))])):
        return None
    content = _trimmed(sentence, 0, start)
    if content is None:
        return None
    pieces = [content] + [q for q in quotes if q[0] > np.end()]
    return Relation((start, end), source_head(sentence, np.span("np")), tuple(pieces))
