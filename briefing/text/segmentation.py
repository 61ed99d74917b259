"""Paragraphs, sentences and headings of a report, as character ranges of its text."""

from __future__ import annotations

import re
import sys
import threading
from bisect import bisect_left, bisect_right
from functools import cache, lru_cache
from types import ModuleType
from typing import Any, Final, NamedTuple

from briefing.text.lexicons import NAME_ABBREVIATIONS

_BLANK_LINE: Final = re.compile(r"\n[ \t]*\n")
_BULLET: Final = re.compile(r"[ \t]*(?:[-*•▪‣–—]|\d{1,2}[.)])[ \t]+")
_MD_HEADING: Final = re.compile(r"[ \t]*#{1,6}[ \t]+")
#: A place where a sentence may end that blingfire did not split: "left. Mr. Kim", "left. U.S."
_SUSPECT_BOUNDARY: Final = re.compile(r"[.!?][\"'”’)\]]*\s+[\"'“‘(]?[A-Z0-9]")
_TERMINALS: Final = tuple(".!?:;")  # a line ending in one of these, closers aside, is no heading
_CLOSING_QUOTES: Final = "\"'”’"
_CLOSERS: Final = _CLOSING_QUOTES + ")]"
#: A line not opening with "#" and ending in one of these is no heading (by _TERMINALS).
_SENTENCE_END: Final = ".!;"
#: Characters that may open a bullet (after spaces or tabs) or a Markdown heading: a line
#: starting with none of them cannot match _BULLET or _MD_HEADING (digits are tested apart).
_MARKER_FIRST: Final = " \t-*•▪‣–—#"
_BULLET_FIRST: Final = "-*•▪‣–—"  # the first character of a bullet that starts with no space
#: A line (after the first) and the first line that open with a digit or _MARKER_FIRST.
_MARKED_LINE: Final = re.compile(r"\n[^\S\n]*[-*•▪‣–—#\d]")
_MARKED_FIRST_LINE: Final = re.compile(r"\s*[-*•▪‣–—#\d]")
#: A stretch of text trimmed of surrounding spaces (as _LINE, across lines).
_TRIMMED: Final = re.compile(r"\S(?:.*\S)?", re.DOTALL)
#: What may make syntok (1.4) split or regroup a text, periods aside: its brackets and other
#: terminals, the zero-width space and the separators it does not take for spaces (\x1c-\x1f),
#: and the paragraph breaks it splits at.
_SYNTOK_BREAKS: Final = re.compile(
    "[()\\[\\]{}〈〉⦃⦄⦅⦆〘〙〚〛﴾﴿﹙﹚﹛﹜﹝﹞（）［］｛｝｟｠!;?‼‽⁇⁈⁉。﹒﹗！．？｡\u200b\x1c-\x1f]|\n\\s*\n")
#: Periods syntok never splits at (their neighbours inside the text): between digits ("40.1"),
#: and before a number of three digits or more, which it takes for going on ("left. 212 of",
#: "Radić. 212 of": after a letter, digit or closing quote the period is a token of its own).
_KEPT_PERIOD: Final = re.compile(
    r"(?<=[0-9])\.(?=[0-9])|(?:(?<=[^\W_])|(?<=[”’\"']))\. [0-9]{3,}(?= )")
#: A period syntok splits at, from the word after a space before it: a word of two letters or
#: more, no abbreviation, month or "no" to syntok (_syntok_keeps_after), maybe a closing quote,
#: then a capital, an opening quote or a number of one or two digits ("said. The", "left.” 61").
_SPLIT_PERIOD: Final = re.compile(
    r"([A-Z][a-z]+|[a-z]{2,})\.([”’\"']?) (?:[A-Z“‘\"']|[0-9]{1,2}(?=[ ,]))")
#: A period, maybe a closing quote, and a word that may open a sentence to syntok (one of its
#: starters, _syntok_starters), which it splits before whatever the word before the period
#: ("°C. The", "Gen. On"), unless that word opens its sentence: see _syntok_known.
_STARTER_AFTER: Final = re.compile(r"\.([”’\"']?) ([A-Z]\w*)(?=[ ,])")
_NO_ALNUM: Final = re.compile(r"[\W_]*")  # (what syntok's tokenizer splits off a word's front)
#: A period and a token that syntok takes for no starter: a capitalized word (to check against
#: the starters; before a period, the token may run on, but never to a starter) or one that
#: opens with a small letter, a digit or a quote.
_TOKEN_AFTER: Final = re.compile(r"\.[”’\"']? (?:([A-Z][a-z]*)(?=[ ,.])|[a-z0-9“‘\"'])")
#: A line trimmed of surrounding spaces (\s is str.isspace(), \S never a newline).
_LINE: Final = re.compile(r"\S(?:[^\n]*\S)?")
#: A word and the periods inside it, read backwards from just before a period (see _word_before).
_WORD_BACKWARDS: Final = re.compile(r"[A-Za-z]+(?:\.[A-Za-z]+)*(?![\w.])")
#: Maps the UTF-8 continuation bytes (0x80-0xBF) to 0x80 and every other byte to itself.
_MARKS: Final = bytes.maketrans(bytes(range(0x80, 0xC0)), b"\x80" * 0x40)


class Block(NamedTuple):
    """A paragraph (or list item, or heading) of the report: text[start:end]."""

    start: int
    end: int
    number: int  # 1-based paragraph number, as cited in the brief
    heading: bool
    item: bool = False  # a list item ("- ...", "1. ...")


class Sentence(NamedTuple):
    """A sentence of a block: text[start:end], bullet markers excluded."""

    start: int
    end: int
    paragraph: int


class _DeferredNumpy(ModuleType):
    """Stands in for numpy while blingfire imports; imports numpy if anything really uses it."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        import importlib

        return getattr(importlib.import_module("numpy"), name)


@cache
def _blingfire() -> ModuleType:
    """Import blingfire without paying for numpy, which its sentence splitter never uses.

    blingfire imports numpy at module level only for its tokenizer-id helpers. While it
    imports, a stand-in module takes numpy's place in sys.modules; the stand-in imports the
    real numpy on first use, so nothing breaks and `briefing generate` starts faster.
    """
    if "numpy" in sys.modules:
        import blingfire

        return blingfire  # type: ignore[no-any-return]
    sys.modules["numpy"] = _DeferredNumpy("numpy")
    try:
        import blingfire
    finally:
        if isinstance(sys.modules.get("numpy"), _DeferredNumpy):
            del sys.modules["numpy"]
    return blingfire  # type: ignore[no-any-return]


_LOCAL: Final = threading.local()


def _buffers(size: int) -> tuple[Any, Any, Any]:
    """Output buffers for blingfire, kept per thread and grown in powers of two.

    Each new array length makes ctypes build a new array type, which costs more than the
    segmentation of a short report; reusing a few sizes avoids that.
    """
    import ctypes

    held = getattr(_LOCAL, "buffers", None)
    if held is None or len(held[0]) < size:
        capacity = 1 << max(12, (size - 1).bit_length())
        held = (ctypes.create_string_buffer(capacity), (ctypes.c_int32 * capacity)(),
                (ctypes.c_int32 * capacity)())
        _LOCAL.buffers = held
    return held


def _blingfire_ranges(piece: str) -> tuple[list[int], list[int]] | None:
    """Sentence starts and ends of a text, from blingfire's TextToSentencesWithOffsets.

    blingfire's own wrapper maps UTF-8 byte offsets to characters with a Python loop over every
    byte, which costs more than the segmentation itself; this calls the same exported function
    and converts only the boundary offsets (none at all for ASCII text). None when blingfire
    gives up, or has no ctypes handle (then its public wrapper is used).
    """
    module = _blingfire()
    library = getattr(module, "blingfire", None)
    function = getattr(library, "TextToSentencesWithOffsets", None)
    if function is None:  # a blingfire without the ctypes handle: use its public wrapper
        _, offsets = module.text_to_sentences_and_offsets(piece)
        return [int(a) for a, _ in offsets], [int(b) for _, b in offsets]
    import ctypes

    data = piece.encode("utf-8")
    out, starts, ends = _buffers(len(data) * 2 + 16)
    size = len(out)
    # (ctypes passes bytes, ints and arrays as char *, int and pointers: no wrappers needed)
    length = function(data, len(data), out, starts, ends, size)
    if length == -1 or length > size:
        return None
    count = ctypes.string_at(out, length).count(b"\n") + 1  # the buffer holds older text after
    first, last = starts[:count], [b + 1 for b in ends[:count]]
    if piece.isascii():
        return first, last
    marks = data.translate(_MARKS)
    starts_at, ends_at = _characters(marks, first), _characters(marks, last)
    if starts_at is None or ends_at is None:  # an offset inside a character
        chars = _decoded(data, first + last)
        starts_at, ends_at = [chars[a] for a in first], [chars[b] for b in last]
        if last[-1] < len(marks) and marks[last[-1]] == 0x80:
            ends_at[-1] = len(piece)  # as blingfire's wrapper reads a last end inside one: "\ufeff "
    return starts_at, ends_at


def _characters(marks: bytes, offsets: list[int]) -> list[int] | None:
    """UTF-8 byte offsets as character offsets, `marks` being the bytes translated by _MARKS;
    None if one falls inside a character.

    A character offset is the byte offset less the continuation bytes before it, counted in C
    from one offset to the next.
    """
    out = []
    at = extra = 0
    for offset in offsets:
        if offset < len(marks) and marks[offset] == 0x80:
            return None
        if offset < at:  # out of order: count again from the start
            at = extra = 0
        extra += marks.count(0x80, at, offset)
        at = offset
        out.append(offset - extra)
    return out


def _decoded(data: bytes, offsets: list[int]) -> dict[int, int]:
    """Character offsets of byte offsets, decoding each stretch between them once, in order.

    For offsets inside a character, which blingfire is not known to return.
    """
    chars: dict[int, int] = {}
    byte_at, char_at = 0, 0
    for offset in sorted(set(offsets)):
        char_at += len(data[byte_at:offset].decode("utf-8", errors="replace"))
        byte_at = offset
        chars[offset] = char_at
    return chars


def _syntok() -> Any:
    import syntok.segmenter

    return syntok.segmenter


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _at_most_words(line: str, limit: int) -> bool:
    """len(line.split()) <= limit, without splitting a long paragraph into all its words."""
    return len(line.split(None, limit)) <= limit


def _is_heading(text: str, start: int, end: int, alone: bool) -> bool:
    """Whether the line text[start:end] (trimmed, not empty) is a heading: a short line standing
    alone without closing punctuation, or a question label."""
    if _md_heading(text, start, end):
        return True
    if text[end - 1] in _SENTENCE_END:  # most lines: the _TERMINALS test below, sooner
        return False
    stripped = text[start:end]
    if stripped.endswith("?"):  # "What happened?" labels; "Who paid, and why?" asks
        return alone and "," not in stripped and _at_most_words(stripped, 14)
    if stripped.endswith(":"):
        return _at_most_words(stripped, 12)
    if stripped.rstrip(_CLOSERS).endswith(_TERMINALS):  # as _TERMINAL.search(stripped)
        return False
    return _at_most_words(stripped, 16)


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
            bullet = _bullet(text, start, end)
            heading = not bullet and _is_heading(text, start, end, alone=True)
            out.append(_block(start, end, len(out) + 1, heading, bullet))
        return tuple(out)
    # Each trimmed line belongs to the paragraph before the next blank line: they never overlap.
    breaks = [match.start() for match in _BLANK_LINE.finditer(text)]
    breaks.append(len(text))
    if _MARKED_LINE.search(text) is None and _MARKED_FIRST_LINE.match(text) is None:
        # No line opens with a marker, so each paragraph is one block and no list item: read
        # from its first non-space to its last, and line by line only if it has more than one.
        begin = 0
        for at in breaks:
            found = _TRIMMED.search(text, begin, at)
            begin = at + 1
            if found is None:
                continue
            start, end = found.span()
            if text[end - 1] in _SENTENCE_END:  # its last line is no heading: neither is it
                heading = False
            else:
                lines = [(start, end)] if text.find("\n", start, end) < 0 else [
                    line.span() for line in _LINE.finditer(text, start, end)]
                heading = _heading_lines(text, lines, len(lines))
            out.append(_block(start, end, len(out) + 1, heading, False))
        return tuple(out)
    paragraph: list[tuple[int, int]] = []
    k = 0
    for line in _LINE.finditer(text):
        if line.start() > breaks[k]:
            _paragraph_blocks(text, paragraph, out)
            paragraph = []
            while line.start() > breaks[k]:
                k += 1
        paragraph.append(line.span())
    _paragraph_blocks(text, paragraph, out)
    return tuple(out)


def _bullet(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], which starts with no space, starts with a list marker."""
    first = text[start]
    return (first in _BULLET_FIRST or first.isdecimal()) and _BULLET.match(text, start, end) is not None


def _md_heading(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], which starts with no space, starts with Markdown's "# "."""
    return text[start] == "#" and _MD_HEADING.match(text, start, end) is not None


def _paragraph_blocks(text: str, lines: list[tuple[int, int]], out: list[Block]) -> None:
    """Append to `out` the blocks of one paragraph of a report with blank lines, given its
    trimmed lines: list items and Markdown headings start blocks, other lines join the last."""
    for group in _groups(text, lines):
        start, end = group[0][0], group[-1][1]
        is_heading = _heading_lines(text, group, len(lines))
        # Only a group's first line can be a list item; a one-character first line followed by
        # spaces ("-  \n...") is no item by itself but makes one of its group.
        item = _bullet(text, start, end)
        heading = is_heading and not item and not _bullet(text, *group[0])
        out.append(_block(start, end, len(out) + 1, heading, item))


def _heading_lines(text: str, group: list[tuple[int, int]], paragraph_lines: int) -> bool:
    """Whether a block (given as its trimmed lines) of a paragraph of `paragraph_lines` lines
    is a heading, if not a list item."""
    if len(group) == 1:
        start, end = group[0]
        return (paragraph_lines == 1 or _md_heading(text, start, end)) and _is_heading(
            text, start, end, alone=True)
    # a letterhead or a title with its byline: a few short lines, none ending a sentence
    # (last line first: a paragraph's last line most often ends a sentence)
    return len(group) <= 4 and all(
        _is_heading(text, s, e, alone=False) for s, e in reversed(group))


def _groups(text: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The lines of a paragraph in blocks: list items and Markdown headings start one."""
    groups: list[list[tuple[int, int]]] = []
    after_heading = False  # the last line was a Markdown heading
    for s, e in lines:
        first = text[s]
        marked = first in _MARKER_FIRST or first.isdecimal()  # else neither heading nor bullet
        heading = marked and _md_heading(text, s, e)
        if not groups or after_heading or (marked and (heading or _bullet(text, s, e))):
            groups.append([(s, e)])
        else:
            groups[-1].append((s, e))
        after_heading = heading
    return groups


def _block(start: int, end: int, number: int, heading: bool, item: bool) -> Block:
    """Block(start, end, number, heading, item), without the Python-level __new__ of NamedTuple."""
    return tuple.__new__(Block, (start, end, number, heading, item))


def _syntok_split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    known = _syntok_known(text, start, end)
    if known is not None:
        return known
    piece = text[start:end]
    out: list[tuple[int, int]] = []
    for paragraph in _syntok().analyze(piece):
        for sentence in paragraph:
            tokens = list(sentence)
            if not tokens:
                continue
            a = tokens[0].offset
            b = tokens[-1].offset + len(tokens[-1].value)
            out.append((start + a, start + b))
    return out or [(start, end)]


def _syntok_known(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """syntok's sentences of text[start:end] (trimmed) where they can be told without running it.

    syntok only splits at its terminals and brackets. With none of them but periods, each
    period before the last character one it never splits at (_KEPT_PERIOD, or a period before
    a closing quote that ends the text) or one it always splits at (_SPLIT_PERIOD, or before a
    starter: _STARTER_AFTER), its sentences run from token to token between the latter.
    Otherwise None, and for an untrimmed text (whose first token the rules would misplace).
    Checked against syntok in the tests: a run of syntok costs more than all the rest of a
    paragraph's segmentation.
    """
    if _SYNTOK_BREAKS.search(text, start, end) or text[start].isspace() or text[end - 1].isspace():
        return None
    out = []
    first = start
    # Whether the sentence so far holds a period that is a token of its own (kept before a
    # number): syntok may still read the sentence's next token as its first (its FirstToken)
    after_terminal = False
    at = text.find(".", start, end - 1)
    while at >= 0:
        if at == start:
            return None
        kept = _KEPT_PERIOD.match(text, at, end)
        if kept is not None:
            after_terminal = after_terminal or kept.end() > at + 1  # "left. 212", not "40.1"
        elif at < end - 2 or text[end - 1] not in _CLOSING_QUOTES:  # (a last '.”' ends it)
            space = max(text.rfind(" ", start, at), text.rfind("\n", start, at))
            split = _SPLIT_PERIOD.match(text, space + 1, end) if space >= start else None
            if split is not None and split.end(1) == at and (
                    split.group(1) not in _syntok_keeps_after()):
                stop = split.end(2)
            else:
                # A period that is a token of its own (after a letter or digit), the word
                # before it not the sentence's first to syntok: there is a space or newline
                # between them and no such period before (see after_terminal).
                if space < first or after_terminal or not text[at - 1].isalnum():
                    return None
                # syntok splits there before a starter ("°C. The", "Gen. However"), and only
                # there after one capital letter (alone in its word: "°C. Officials", "J. Smith").
                starter = _STARTER_AFTER.match(text, at, end)
                if starter is None or starter.group(2) not in _syntok_starters():
                    token = None
                    if "A" <= text[at - 1] <= "Z" and _NO_ALNUM.fullmatch(text, space + 1, at - 1):
                        token = _TOKEN_AFTER.match(text, at, end)
                    if token is None or token.group(1) in _syntok_starters():
                        return None
                    at = text.find(".", at + 1, end - 1)
                    continue
                stop = starter.end(1)
            out.append((first, stop))
            first = stop + 1
            after_terminal = False
        at = text.find(".", at + 1, end - 1)
    out.append((first, end))
    return out


@cache
def _syntok_keeps_after() -> frozenset[str]:
    """The words syntok may not split after, whatever follows: abbreviations, months, "no"."""
    from syntok._segmentation_states import State

    return frozenset(State.abbreviations | State.months | {"no", "No", "NO"})


@cache
def _syntok_starters() -> frozenset[str]:
    """The words syntok takes to start a sentence after a period ("The", "However", "On")."""
    from syntok._segmentation_states import State

    return frozenset(State.starters)


class _Ranges(NamedTuple):
    """blingfire's sentence ranges over a whole text, and where its terminals stand."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    stops: tuple[int, ...]  # positions of ".", "!" and "?", in order


@lru_cache(maxsize=32)
def _text_offsets(text: str) -> _Ranges:
    """blingfire's sentence ranges over the whole text, computed once per text.

    One call for the whole report costs a fraction of one call per paragraph; sentences()
    clips the ranges to each block, since a block boundary always ends a sentence.
    """
    stops: list[int] = []
    for char in ".!?":  # str.find skips to each far faster than a regex scan for [.!?]
        at = text.find(char)
        while at >= 0:
            stops.append(at)
            at = text.find(char, at + 1)
    stops.sort()
    ranges = _blingfire_ranges(text)
    if ranges is None or not ranges[0]:
        return _Ranges((0,), (len(text),), tuple(stops))
    return _Ranges(tuple(ranges[0]), tuple(ranges[1]), tuple(stops))


def _abbreviation(word: str) -> bool:
    """A title or number abbreviation ("Gen", "No"), an initial ("P") or a dotted one ("U.S")."""
    return "." in word or len(word) == 1 or word.lower() in NAME_ABBREVIATIONS


def _suspect(text: str, start: int, end: int) -> bool:
    """Whether blingfire may have missed a boundary inside text[start:end] ("left. Mr. Kim").

    A period after an abbreviation that stands before names ("Gen. Park", "P. Sido") is one
    blingfire was right to leave alone.
    """
    if _SUSPECT_BOUNDARY.search(text, start, end - 1) is None:  # most sentences: no candidate
        return False
    for match in _SUSPECT_BOUNDARY.finditer(text, start, end - 1):
        word = _word_before(text, start, match.start())
        before_a_name = word.lower() in NAME_ABBREVIATIONS or (
            word[:1].isupper() and ("." in word or len(word) == 1))  # "Gen.", "P.", "U.S."
        if not before_a_name:
            return True
    return False


def _word_before(text: str, start: int, at: int) -> str:
    r"""The dotted word ending at `at` ("Gen", "U.S") within text[max(start, at - 24):at], or "".

    The same as searching that window for `(?<![\w.])[A-Za-z]+(?:\.[A-Za-z]+)*$`, which tries
    each of its 24 starting points in turn; this reads the window backwards, in one match. The
    reversed window keeps the character before it, which that lookbehind would see too.
    """
    low = max(start, at - 24)
    if at > low and text[at - 1] == "\n":  # that `$` matches before a final newline too
        at -= 1
    window = text[at - 1 : low - 2 if low >= 2 else None : -1]
    found = _WORD_BACKWARDS.match(window)
    if found is None or found.end() > at - low:  # the word runs on before the window
        return ""
    return found.group(0)[::-1]


def _ends_in_abbreviation(text: str, start: int, end: int) -> bool:
    if end <= start or text[end - 1] != ".":
        return False
    at = end - 1
    # Most sentences end in a plain word after a space ("said."): that word is the one
    # _word_before would find (the space ends it and lies inside its window).
    space = text.rfind(" ", at - 24 if at - 24 > start else start, at)  # (max() is slower)
    word = text[space + 1 : at]
    if space >= 0 and word.isascii() and word.isalpha():
        return len(word) == 1 or word.lower() in NAME_ABBREVIATIONS
    word = _word_before(text, start, at)
    return bool(word) and _abbreviation(word)


def _careful(text: str, spans: list[tuple[int, int]], stops: tuple[int, ...],
             number: int) -> list[Sentence]:
    """The sentences of paragraph `number`, re-reading with syntok only the stretches of
    `spans` (blingfire's, trimmed) that blingfire may have got wrong.

    blingfire misses boundaries before abbreviations ("left. Mr. Kim") and splits after some
    ("Mr."): a sentence holding a suspect boundary is re-read, and one ending in an
    abbreviation is re-read together with the sentence that follows it. A suspect boundary
    starts with a terminal, so sentences without one before their last character (`stops`)
    are not searched. `spans` are trimmed and not empty (or the caller trims the sentences
    kept as they stand), as the sentences syntok reads are made.
    """
    out: list[Sentence] = []
    merged = -1  # the start of the sentences before that end in an abbreviation, if any
    last = len(spans) - 1
    for n, (s, e) in enumerate(spans):
        if n < last and _ends_in_abbreviation(text, s, e):
            if merged < 0:
                merged = s
            continue
        if merged >= 0:
            s, merged = merged, -1
        else:
            k = bisect_left(stops, s)
            if k == len(stops) or stops[k] >= e - 1 or not _suspect(text, s, e):
                out.append(tuple.__new__(Sentence, (s, e, number)))  # Sentence(), faster
                continue
        for a, b in _syntok_split(text, s, e):
            if b <= a or text[a].isspace() or text[b - 1].isspace():
                a, b = _trim(text, a, b)
            if b > a:
                out.append(tuple.__new__(Sentence, (a, b, number)))
    return out


def sentences(text: str, block: Block) -> list[Sentence]:
    """The sentences of a block, bullet markers and surrounding space excluded."""
    start, end = block.start, block.end
    if start < end and (text[start] in _MARKER_FIRST or text[start].isdecimal()):
        bullet = _BULLET.match(text, start, end) or _MD_HEADING.match(text, start, end)
        if bullet:
            start = bullet.end()
    # (blocks() end in a non-space: the slice is made only for other callers' blocks)
    if start >= end or (text[end - 1].isspace() and text[start:end].isspace()):
        return []
    starts, ends, stops = _text_offsets(text)
    spans: list[tuple[int, int]] = []
    for i in range(bisect_right(ends, start), len(starts)):  # not islice: it walks the skipped
        s, e = starts[i], ends[i]
        if s >= end:
            break
        if s < start:
            s = start
        if e > end:
            e = end
        if e > s and not text[s].isspace() and not text[e - 1].isspace():
            spans.append((s, e))  # blingfire's ranges rarely need trimming
            continue
        s, e = _trim(text, s, e)
        if e > s:
            spans.append((s, e))
    if spans:
        return _careful(text, spans, stops, block.number)
    # No sentence of blingfire's in the block (not known to happen): it is read whole, and what
    # _careful keeps of it as it stands is trimmed here.
    out = []
    for s, e, number in _careful(text, [(start, end)], stops, block.number):
        s, e = _trim(text, s, e)
        if e > s:
            out.append(Sentence(s, e, number))
    return out
