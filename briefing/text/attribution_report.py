"""Attribution relations of a whole report: each sentence's relations
(``attribution_relations``), with a quotation that runs over sentences read as one relation."""

from __future__ import annotations

from briefing.text.attribution_relations import Relation, Span, relations_in, speech_cue


def _shifted(relation: Relation, by: int) -> Relation:
    return Relation(
        (relation.cue[0] + by, relation.cue[1] + by),
        None if relation.source is None else (relation.source[0] + by, relation.source[1] + by),
        tuple((a + by, b + by) for a, b in relation.content),
    )


def report_relations(text: str, sentence_spans: list[list[Span]]) -> list[Relation]:
    """The relations of a report, offsets into ``text``; ``sentence_spans``: each paragraph's
    sentences. A quotation that runs over sentences is one relation: the sentences before
    the one that names its speaker, and those after it in its paragraph while the quotation
    stays open or a new one opens with no speaker of its own, join its content."""
    found: list[Relation] = []
    for paragraph in sentence_spans:
        pending: list[Span] = []  # sentences of a quotation whose speaker is not named yet
        owner: int | None = None  # the relation a pending quotation goes on when none follows
        quoting: int | None = None  # index in found of the relation whose quotation goes on
        loose: int | None = None  # where a whole quotation with no speaker yet opens
        for start, end in paragraph:
            sentence = text[start:end]
            lead = len(sentence) - len(sentence.lstrip())
            end -= len(sentence) - len(sentence.rstrip())
            opened = pending[0][0] if pending else (
                _quote_start(text, found[quoting]) if quoting is not None else None)
            inside = opened is not None and _still_open(text[opened:start])
            read = _closed_straight(sentence) if inside else sentence
            own = [_shifted(r, start) for r in relations_in(read)]
            if inside and own:  # "I think" inside a quotation is the quotation's
                close = _first_close(sentence)
                own = [r for r in own if close is not None and r.cue[0] > start + close]
            if loose is not None:  # "“Who knew?” |Varga asked."
                own = _named_after(text, loose, end) or own
            loose = None
            opens = sentence[lead:].startswith(("“", '"', "``", "''"))
            if own:
                first = own[0]
                if pending and first.content and first.content[0][0] == start + lead:
                    own[0] = first._replace(content=tuple(pending) + first.content)
                elif pending and owner is not None:
                    _go_on(found, owner, pending)
                pending, owner = [], None
                found.extend(own)
                goes_on = _going_on(text, own, sentence, end)
                quoting = None if goes_on is None else len(found) - len(own) + goes_on
                continue
            if quoting is not None and (opens or inside or text[found[quoting].cue[0]] == ":"):
                relation = found[quoting]
                if opens and not inside and text[relation.cue[0]] != ":" and _still_open(sentence):
                    # a new quotation of sentences after "X said.": its own speaker may follow
                    pending, owner, quoting = [(start + lead, end)], quoting, None
                    continue
                found[quoting] = relation._replace(content=(*relation.content, (start + lead, end)))
                continue
            quoting = None
            if (opens and _still_open(sentence)) or (pending and inside):
                pending.append((start + lead, end))
            else:
                if owner is not None:
                    _go_on(found, owner, pending)
                pending, owner = [], None
                if opens and sentence.rstrip().endswith(("”", '"', "''")):
                    loose = start + lead
        if pending and owner is not None:
            _go_on(found, owner, pending)
    return _outermost(text, found)


def _named_after(text: str, quotation: int, end: int) -> list[Relation]:
    """The relations of a whole quotation and the sentence after it read as one sentence,
    those whose content opens with the quotation: a splitter parts "“Who knew?” Varga
    asked." after the question mark."""
    return [r for r in (_shifted(r, quotation) for r in relations_in(text[quotation:end]))
            if r.content and r.content[0][0] == quotation]


def _going_on(text: str, own: list[Relation], sentence: str, end: int) -> int | None:
    """Which of a sentence's relations a quotation in the sentences after it goes on: the last
    whose content is a quotation, else the last when its clause ends the sentence ("X said A.
    “B.”") or it is a transcript's turn ("VARGA: A. B."); none set inside another's content
    ("Varga said the crews want a raise": not "want")."""
    outer = [i for i, r in enumerate(own)
             if not any(o is not r and any(a <= r.cue[0] < b for a, b in o.content) for o in own)]
    if not outer:
        return None
    quoted = [i for i in outer if any(text[a] in "“\"`'" for a, _ in own[i].content)]
    last = own[outer[-1]]
    if quoted and (quoted[-1] == outer[-1] or not _still_open(sentence)):
        return quoted[-1]
    return outer[-1] if last.content[-1][1] >= end - 2 else None


def _go_on(found: list[Relation], owner: int, pieces: list[Span]) -> None:
    """A quotation with no speaker of its own goes on the relation before it."""
    found[owner] = found[owner]._replace(content=(*found[owner].content, *pieces))


def _outermost(text: str, found: list[Relation]) -> list[Relation]:
    """The relations without those of stance, wish or evidence set inside another's content
    ("Varga said the crews want a raise": "want" is part of what she said), nor those of
    saying or thinking there that hold much the same words (``_much_the_same``)."""
    return [r for r in found
            if not any(other is not r and any(a <= r.cue[0] < b for a, b in other.content)
                       and (not speech_cue(text[r.cue[0] : r.cue[1]])
                            or _much_the_same(r.content, other.content))
                       for other in found)]


def _much_the_same(inner: tuple[Span, ...], outer: tuple[Span, ...]) -> bool:
    """Whether a relation inside another's content says much the same: its content at least
    half of the other's ("Varga told us she believes the dock is safe": what "believes" holds
    is nearly all that "told" does)."""
    shared = sum(max(0, min(b, d) - max(a, c)) for a, b in inner for c, d in outer)
    return shared * 2 >= sum(d - c for c, d in outer)


def _quote_start(text: str, relation: Relation) -> int:
    """Where the last quotation of a relation's content opens (from there a count of quote
    marks tells whether it is still open)."""
    for start, end in reversed(relation.content):
        marks = [at for at in (text.find(m, start, end) for m in ("“", '"', "``", "''"))
                 if at >= 0]
        if marks:
            return min(marks)  # the first mark of the piece opens its quotation
    return relation.content[-1][0]


def _closed_straight(sentence: str) -> str:
    """A sentence inside an open quotation, its first straight double quote written as the
    closing mark it is there ("We sail," Varga said.), so that what follows it is no quotation;
    the same length, so offsets hold."""
    first = next((at for at, char in enumerate(sentence) if char in "“”\""), None)
    if first is None or sentence[first] != '"':
        return sentence
    return sentence[:first] + "”" + sentence[first + 1 :]


def _first_close(sentence: str) -> int | None:
    """Where the first closing quotation mark of a sentence inside a quotation stands."""
    found = [at for at in (sentence.find("”"), sentence.find('"'), sentence.find("''"))
             if at >= 0]
    return min(found) if found else None


def _still_open(sentence: str, inside: bool = False) -> bool:
    """Whether a quotation is open after a sentence (one open before it when ``inside``)."""
    opening = sentence.count("“") + sentence.count("``")
    closing = sentence.count("”")
    straight = sentence.count('"') + sentence.count("''")
    if opening > closing and straight % 2 == 1:  # “...," : a curly quotation closed straight
        return opening - 1 > closing
    if opening != closing:
        return opening > closing
    return inside != (straight % 2 == 1)
