"""Long reports: token estimates and splitting a report into chunks at paragraph boundaries."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from briefing.text.segmentation import blocks, sentences

#: Rough size of a token in characters, used for chunking and budget estimates.
CHARS_PER_TOKEN: Final = 4
#: A chunk is never split below this many tokens; truncation there is an error.
MIN_CHUNK_TOKENS: Final = 48


def estimate_tokens(text: str) -> int:
    """A conservative token estimate (about four characters a token) used when no count exists."""
    return math.ceil(len(text) / CHARS_PER_TOKEN)


@dataclass(frozen=True)
class Chunk:
    """A half-open character range of a report sent in one request."""

    start: int
    end: int
    text: str


def _units(text: str, budget: int) -> list[tuple[int, int]]:
    """Paragraphs; a paragraph over budget becomes sentences; a sentence over budget, windows."""
    limit = budget * CHARS_PER_TOKEN
    out: list[tuple[int, int]] = []
    for block in blocks(text):
        if block.end - block.start <= limit:
            out.append((block.start, block.end))
            continue
        for sentence in sentences(text, block):
            start, end = sentence.start, sentence.end
            while end - start > limit:
                cut = text.rfind(" ", start + 1, start + limit)
                cut = cut if cut > start else start + limit
                out.append((start, cut))
                start = cut
                while start < end and text[start].isspace():
                    start += 1
            if end > start:
                out.append((start, end))
    return out or [(0, len(text))]


def split_report(text: str, budget: int, overlap: int = 0, offset: int = 0) -> list[Chunk]:
    """Split text into chunks of at most ``budget`` tokens at paragraph boundaries.

    Neighbouring chunks share up to ``overlap`` tokens of whole paragraphs so a claim cut by
    a boundary is seen whole once. Offsets are shifted by ``offset`` (for re-splitting a chunk).
    """
    if estimate_tokens(text) <= budget:
        return [Chunk(offset, offset + len(text), text)]
    units = _units(text, budget)
    chunks: list[Chunk] = []
    first = 0
    while first < len(units):
        last = first
        while last + 1 < len(units) and estimate_tokens(
            text[units[first][0] : units[last + 1][1]]
        ) <= budget:
            last += 1
        start, end = units[first][0], units[last][1]
        chunks.append(Chunk(offset + start, offset + end, text[start:end]))
        if last + 1 >= len(units):
            break
        following = last + 1
        while following - 1 > first and estimate_tokens(
            text[units[following - 1][0] : end]
        ) <= overlap:
            following -= 1
        first = following
    return chunks
