"""Numbered units of a report: the clauses the offline reader reads, shown to the model as
``[u12] text`` so that it labels them by id and never re-types the report's words."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.backends.llm.chunking import estimate_tokens
from briefing.backends.offline import clauses, is_dateline
from briefing.text.segmentation import blocks, sentences


@dataclass(frozen=True)
class Unit:
    """One clause of the report: its number and its half-open character range."""

    number: int
    start: int
    end: int
    paragraph: int

    @property
    def id(self) -> str:
        return f"u{self.number}"


@dataclass(frozen=True)
class Line:
    """A line shown to the model: a numbered unit, or context it cannot cite (a heading)."""

    text: str
    paragraph: int
    unit: Unit | None = None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The range of text[start:end] without surrounding space and trailing ',;:' (as the
    offline reader trims its quotes), or None when fewer than two words are left."""
    piece = text[start:end]
    stripped = piece.rstrip(",;:").strip()
    if len(stripped.split(None, 1)) < 2:
        return None
    first = start + piece.find(stripped)
    return first, first + len(stripped)


def report_lines(text: str) -> list[Line]:
    """Every line the model sees, in report order; units numbered u1, u2, ... from the start."""
    lines: list[Line] = []
    number = 0
    for block in blocks(text):
        if block.heading:
            heading = " ".join(text[block.start : block.end].split())
            lines.append(Line(f"# {heading}", block.number))
            continue
        for sentence in sentences(text, block):
            sentence_text = text[sentence.start : sentence.end]
            if is_dateline(sentence_text):
                lines.append(Line(f"# {' '.join(sentence_text.split())}", block.number))
                continue
            for start, end in clauses(text, sentence.start, sentence.end):
                trimmed = _trimmed(text, start, end)
                if trimmed is None:
                    continue
                number += 1
                unit = Unit(number, trimmed[0], trimmed[1], block.number)
                lines.append(Line(f"[{unit.id}] {' '.join(text[unit.start:unit.end].split())}",
                                  block.number, unit))
    return lines


def units_of(lines: list[Line]) -> list[Unit]:
    """The numbered units among lines."""
    return [line.unit for line in lines if line.unit is not None]


def render_lines(lines: list[Line]) -> str:
    """Lines as the prompt shows them: one a line, a blank line between paragraphs."""
    out: list[str] = []
    paragraph: int | None = None
    for line in lines:
        if paragraph is not None and line.paragraph != paragraph:
            out.append("")
        out.append(line.text)
        paragraph = line.paragraph
    return "\n".join(out)


@dataclass(frozen=True)
class UnitChunk:
    """Consecutive lines sent in one request, and the units among them."""

    lines: tuple[Line, ...]

    @property
    def units(self) -> list[Unit]:
        return units_of(list(self.lines))

    @property
    def text(self) -> str:
        return render_lines(list(self.lines))


def chunk_lines(lines: list[Line], budget: int, overlap: int = 0) -> list[UnitChunk]:
    """Lines in chunks of at most ``budget`` tokens (a longer single line stands alone).

    Neighbouring chunks share up to ``overlap`` tokens of whole lines, so a claim that needs
    its neighbours is seen whole once; claims on the same unit from two chunks are merged.
    """
    if not lines:
        return [UnitChunk(())]
    cost = [estimate_tokens(line.text) + 1 for line in lines]
    if sum(cost) <= budget:
        return [UnitChunk(tuple(lines))]
    chunks: list[UnitChunk] = []
    first = 0
    while first < len(lines):
        last, used = first, cost[first]
        while last + 1 < len(lines) and used + cost[last + 1] <= budget:
            last += 1
            used += cost[last]
        chunks.append(UnitChunk(tuple(lines[first : last + 1])))
        if last + 1 >= len(lines):
            break
        following, shared = last + 1, 0
        while following - 1 > first and shared + cost[following - 1] <= overlap:
            following -= 1
            shared += cost[following]
        first = following
    return chunks
