"""Quotations that run over paragraphs, as news sets them: a paragraph that ends with its
speaker and a colon ("Dr. Varga stated:") and the next paragraph, a quotation with no speaker
of its own ("“The levee held. We sail at dawn.”"). The quotation's sentences, while it stays
open, are the content of a relation of the colon's clause."""

from __future__ import annotations

from itertools import pairwise

from briefing.text.attribution_introduced import colon_introducer
from briefing.text.attribution_relations import Relation, Span

_OPENING_MARKS = ("“", '"', "``", "''")


def introduced_paragraphs(text: str, paragraphs: list[list[Span]],
                          relations: list[list[Relation]]) -> list[list[Relation]]:
    """Each paragraph's relations (``relations``, offsets into ``text``), with a relation added
    to a paragraph that ends with a colon for the quotation that opens the next one, where no
    relation of that paragraph holds its first sentence."""
    added: list[list[Relation]] = [list(found) for found in relations]
    for number, (paragraph, following) in enumerate(pairwise(paragraphs)):
        if not paragraph or not following:
            continue
        last_start, last_end = paragraph[-1]
        introducer = colon_introducer(text[last_start:last_end])
        first_start, first_end = following[0]
        first_start += len(text[first_start:first_end]) - len(text[first_start:first_end].lstrip())
        if introducer is None or not text.startswith(_OPENING_MARKS, first_start) or any(
                a < first_end and first_start < b
                for relation in relations[number + 1] for a, b in relation.content):
            continue
        cue, source = introducer
        added[number].append(Relation((last_start + cue[0], last_start + cue[1]),
                                      (last_start + source[0], last_start + source[1]),
                                      _quotation(text, first_start, following)))
    return added


def _quotation(text: str, start: int, paragraph: list[Span]) -> tuple[Span, ...]:
    """The sentences of a paragraph from ``start`` while the quotation that opens there is
    open (all of them when it never closes)."""
    pieces: list[Span] = []
    for sentence_start, end in paragraph:
        end -= len(text[sentence_start:end]) - len(text[sentence_start:end].rstrip())
        pieces.append((max(start, sentence_start), end))
        if not _open_after(text[start:end]):
            break
    return tuple(pieces)


def _open_after(words: str) -> bool:
    """Whether a quotation that opens the words is still open after them."""
    curly = words.count("“") + words.count("``") - words.count("”") - words.count("''")
    return curly > 0 or (curly == 0 and words.count('"') % 2 == 1)
