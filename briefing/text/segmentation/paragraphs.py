"""Paragraphs, list items and headings of a report: `blocks()`."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Final, NamedTuple

_BLANK_LINE: Final = re.compile(r"\n[ \t]*\n")
#: A line (trimmed of surrounding spaces; \S is never a newline).
_LINE: Final = re.compile(r"\S(?:[^\n]*\S)?")
#: A list marker: "- ", "* ", "• ", "1. ", "2) ".
BULLET: Final = re.compile(r"[ \t]*(?:[-*•▪‣–—]|\d{1,2}[.)])[ \t]+")
#: A Markdown heading's marker: "# ", "## ".
MD_HEADING: Final = re.compile(r"[ \t]*#{1,6}[ \t]+")
#: A line ending in one of these, closing quotes and brackets aside, is no heading.
_TERMINALS: Final = tuple(".!?:;")
_CLOSERS: Final = "\"'”’)]"


class Block(NamedTuple):
    """A paragraph (or list item, or heading) of the report: text[start:end]."""

    start: int
    end: int
    number: int  # 1-based paragraph number, as cited in the brief
    heading: bool
    item: bool = False  # a list item ("- ...", "1. ...")


@lru_cache(maxsize=32)
def blocks(text: str) -> tuple[Block, ...]:
    """Split a report into paragraphs.

    Reports with blank lines between paragraphs are split there (single newlines inside are
    line wrapping), except that list items and short unpunctuated lines stand alone. Reports
    without blank lines have one paragraph per line.
    """
    out: list[Block] = []
    if _BLANK_LINE.search(text) is None:
        for line in _LINE.finditer(text):
            start, end = line.span()
            item = _is_item(text, start, end)
            heading = not item and _is_heading(text, start, end, alone=True)
            out.append(Block(start, end, len(out) + 1, heading, item))
        return tuple(out)
    for lines in _paragraphs(text):
        for group in _groups(text, lines):
            start, end = group[0][0], group[-1][1]
            # Only a group's first line can be a list item; a one-character first line followed
            # by spaces ("-  \n...") is no item by itself but makes one of its group.
            item = _is_item(text, start, end)
            heading = (_heading_lines(text, group, len(lines)) and not item
                       and not _is_item(text, *group[0]))
            out.append(Block(start, end, len(out) + 1, heading, item))
    return tuple(out)


def _paragraphs(text: str) -> list[list[tuple[int, int]]]:
    """The trimmed lines of a report with blank lines, in paragraphs (the blank lines part them)."""
    breaks = [match.start() for match in _BLANK_LINE.finditer(text)]
    paragraphs: list[list[tuple[int, int]]] = [[] for _ in range(len(breaks) + 1)]
    for line in _LINE.finditer(text):
        paragraphs[bisect_left(breaks, line.start())].append(line.span())
    return [lines for lines in paragraphs if lines]


def _groups(text: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The lines of a paragraph in blocks: list items and Markdown headings start one, and a
    Markdown heading stands alone."""
    groups: list[list[tuple[int, int]]] = []
    after_heading = False
    for start, end in lines:
        heading = _is_md_heading(text, start, end)
        if not groups or after_heading or heading or _is_item(text, start, end):
            groups.append([(start, end)])
        else:
            groups[-1].append((start, end))
        after_heading = heading
    return groups


def _heading_lines(text: str, group: list[tuple[int, int]], paragraph_lines: int) -> bool:
    """Whether a block (given as its trimmed lines) of a paragraph of `paragraph_lines` lines
    is a heading, if not a list item."""
    if len(group) == 1:
        start, end = group[0]
        return (paragraph_lines == 1 or _is_md_heading(text, start, end)) and _is_heading(
            text, start, end, alone=True)
    # a letterhead or a title with its byline: a few short lines, none ending a sentence
    return len(group) <= 4 and all(_is_heading(text, s, e, alone=False) for s, e in group)


def _is_heading(text: str, start: int, end: int, alone: bool) -> bool:
    """Whether the line text[start:end] (trimmed, not empty) is a heading: a short line standing
    alone without closing punctuation, or a question label."""
    if _is_md_heading(text, start, end):
        return True
    line = text[start:end]
    if line.endswith("?"):  # "What happened?" labels; "Who paid, and why?" asks
        return alone and "," not in line and _at_most_words(line, 14)
    if line.endswith(":"):
        return _at_most_words(line, 12)
    if line.rstrip(_CLOSERS).endswith(_TERMINALS):
        return False
    return _at_most_words(line, 16)


def _at_most_words(line: str, limit: int) -> bool:
    """len(line.split()) <= limit, without splitting a long paragraph into all its words."""
    return len(line.split(None, limit)) <= limit


def _is_item(text: str, start: int, end: int) -> bool:
    """Whether the line text[start:end] starts with a list marker."""
    return BULLET.match(text, start, end) is not None


def _is_md_heading(text: str, start: int, end: int) -> bool:
    """Whether the line text[start:end] starts with Markdown's "# "."""
    return MD_HEADING.match(text, start, end) is not None
