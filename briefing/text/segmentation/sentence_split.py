"""Sentences of a block: `sentences()`.

blingfire splits the whole report once, a window of text at a time (fast, and right about
most boundaries); its sentences are clipped to each block, since a block boundary always ends a
sentence. Where blingfire may be wrong around abbreviations (see `abbreviations`), syntok,
slower but more careful there, re-reads the stretch.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import Final, NamedTuple

from briefing.text.segmentation.abbreviations import ends_in_abbreviation, has_suspect_boundary
from briefing.text.segmentation.blingfire_offsets import sentence_offsets
from briefing.text.segmentation.paragraphs import BULLET, MD_HEADING, Block


class Sentence(NamedTuple):
    """A sentence of a block: text[start:end], bullet markers excluded."""

    start: int
    end: int
    paragraph: int


class _Ranges(NamedTuple):
    """blingfire's sentences of a whole text: sentence i is text[starts[i]:ends[i]].

    Arrays of machine integers, 8 bytes an offset: a long report has a sentence every hundred
    bytes or so, and as Python ints each offset took 40 (kept for as long as the text is read).
    """

    starts: array[int]
    ends: array[int]


#: Characters blingfire reads in one call at least: a call needs buffers of 18-36 bytes per
#: byte of its text, so a long report is read a window at a time, cut at blank lines.
WINDOW: Final = 1 << 17


#: Characters before a window that blingfire reads with it (back to the paragraph before).
_CONTEXT: Final = 2000


def windows(text: str, size: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive pieces of the text, each ending after a blank line that
    comes ``size`` (default WINDOW) characters or more after its start (the last ends with the
    text)."""
    size = WINDOW if size is None else size
    start = 0
    while start < len(text):
        cut = text.find("\n\n", start + size)
        end = len(text) if cut < 0 else cut + 2
        yield start, end
        start = end


def _context_start(text: str, start: int) -> int:
    """Where blingfire starts reading for a window: at the paragraph before it (at most
    _CONTEXT characters back), so that it reads the window's first sentences with the words
    before them, as it does in the whole text."""
    if start == 0:
        return 0
    before = text.rfind("\n\n", max(0, start - _CONTEXT), start - 2)
    return before + 2 if before >= 0 else max(0, start - _CONTEXT)


@lru_cache(maxsize=32)
def text_sentences(text: str) -> _Ranges:
    """blingfire's sentences of the whole text, read once per text (the whole text in one
    call costs a fraction of one call per block), a window at a time (see WINDOW); a window as
    one sentence where blingfire gives up."""
    starts, ends = array("q"), array("q")
    for start, end in windows(text):
        context = _context_start(text, start)
        for first, last in sentence_offsets(text[context:end]) or [(0, end - context)]:
            if context + last > start:
                starts.append(max(context + first, start))
                ends.append(context + last)
    return _Ranges(starts, ends) if starts else _Ranges(array("q", [0]), array("q", [len(text)]))


def sentences(text: str, block: Block) -> list[Sentence]:
    """The sentences of a block, bullet markers and surrounding space excluded."""
    start, end = block.start, block.end
    marker = BULLET.match(text, start, end) or MD_HEADING.match(text, start, end)
    if marker:
        start = marker.end()
    if not text[start:end].strip():
        return []
    starts, ends = text_sentences(text)
    spans: list[tuple[int, int]] = []
    # blingfire's sentences that end after the block starts, until one starts after it ends
    for i in range(bisect_right(ends, start), len(starts)):
        if starts[i] >= end:
            break
        s, e = _trim(text, max(starts[i], start), min(ends[i], end))
        if e > s:
            spans.append((s, e))
    if spans:
        return _checked(text, spans, block.number)
    # No sentence of blingfire's in the block (not known to happen): it is read whole.
    out = []
    for s, e, number in _checked(text, [(start, end)], block.number):
        s, e = _trim(text, s, e)
        if e > s:
            out.append(Sentence(s, e, number))
    return out


def _checked(text: str, spans: list[tuple[int, int]], number: int) -> list[Sentence]:
    """The sentences of paragraph `number` from blingfire's (`spans`, trimmed), re-reading
    with syntok those blingfire may have got wrong.

    blingfire misses boundaries before abbreviations ("left. Mr. Kim") and splits after some
    ("Mr."): a sentence holding a suspect boundary is re-read, and one ending in an
    abbreviation is re-read together with the sentence that follows it.
    """
    out: list[Sentence] = []
    merged: int | None = None  # the start of the sentences before that end in an abbreviation
    last = len(spans) - 1
    for n, (s, e) in enumerate(spans):
        if n < last and ends_in_abbreviation(text, s, e):
            if merged is None:
                merged = s
            continue
        if merged is not None:
            s, merged = merged, None
        elif not has_suspect_boundary(text, s, e):
            out.append(Sentence(s, e, number))
            continue
        for a, b in _syntok_sentences(text, s, e):
            a, b = _trim(text, a, b)
            if b > a:
                out.append(Sentence(a, b, number))
    return out


def _syntok_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """syntok's sentences of text[start:end], as ranges of text (the whole stretch if none)."""
    import syntok.segmenter  # imported when first needed: it takes longer than blingfire

    out = []
    for paragraph in syntok.segmenter.analyze(text[start:end]):
        for sentence in paragraph:
            tokens = list(sentence)
            if tokens:
                out.append((start + tokens[0].offset,
                            start + tokens[-1].offset + len(tokens[-1].value)))
    return out or [(start, end)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """text[start:end] without the spaces around it, as (start, end)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
