"""Paragraphs, sentences and headings of a report, as character ranges of its text."""

from __future__ import annotations

import re
import sys
import threading
from bisect import bisect_right
from functools import cache, lru_cache
from types import ModuleType
from typing import Any, Final, NamedTuple

from .lexicons import NAME_ABBREVIATIONS

_BLANK_LINE: Final = re.compile(r"\n[ \t]*\n")
_BULLET: Final = re.compile(r"[ \t]*(?:[-*•▪‣–—]|\d{1,2}[.)])[ \t]+")
_MD_HEADING: Final = re.compile(r"[ \t]*#{1,6}[ \t]+")
#: A place where a sentence may end that blingfire did not split: "left. Mr. Kim", "left. U.S."
_SUSPECT_BOUNDARY: Final = re.compile(r"[.!?][\"'”’)\]]*\s+[\"'“‘(]?[A-Z0-9]")
_TERMINALS: Final = tuple(".!?:;")  # a line ending in one of these, closers aside, is no heading
_CLOSERS: Final = "\"'”’)]"
#: Characters that may open a bullet (after spaces or tabs) or a Markdown heading: a line
#: starting with none of them cannot match _BULLET or _MD_HEADING (digits are tested apart).
_MARKER_FIRST: Final = " \t-*•▪‣–—#"
#: A word and the periods inside it, read backwards from just before a period (see _word_before).
_WORD_BACKWARDS: Final = re.compile(r"[A-Za-z]+(?:\.[A-Za-z]+)*(?![\w.])")


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


def _sentence_offsets(piece: str) -> list[tuple[int, int]]:
    """Sentence ranges of a text, from blingfire's TextToSentencesWithOffsets.

    blingfire's own wrapper maps UTF-8 byte offsets to characters with a Python loop over every
    byte, which costs more than the segmentation itself; this calls the same exported function
    and converts only the few boundary offsets (none at all for ASCII text).
    """
    module = _blingfire()
    library = getattr(module, "blingfire", None)
    function = getattr(library, "TextToSentencesWithOffsets", None)
    if function is None:  # a blingfire without the ctypes handle: use its public wrapper
        _, offsets = module.text_to_sentences_and_offsets(piece)
        return [(int(a), int(b)) for a, b in offsets]
    import ctypes

    data = piece.encode("utf-8")
    out, starts, ends = _buffers(len(data) * 2 + 16)
    size = len(out)
    length = function(ctypes.c_char_p(data), ctypes.c_int(len(data)), ctypes.byref(out),
                      ctypes.byref(starts), ctypes.byref(ends), ctypes.c_int(size))
    if length == -1 or length > size:
        return [(0, len(piece))]
    count = ctypes.string_at(out, length).count(b"\n") + 1  # the buffer holds older text after
    pairs = [(int(a), int(b) + 1) for a, b in zip(starts[:count], ends[:count], strict=True)]
    if piece.isascii():
        return pairs
    # UTF-8 byte offsets to character offsets, decoding each stretch once, in order.
    wanted = sorted({o for pair in pairs for o in pair})
    chars: dict[int, int] = {}
    byte_at, char_at = 0, 0
    for offset in wanted:
        char_at += len(data[byte_at:offset].decode("utf-8", errors="replace"))
        byte_at = offset
        chars[offset] = char_at
    return [(chars[a], chars[b]) for a, b in pairs]


def _syntok() -> Any:
    import syntok.segmenter

    return syntok.segmenter


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        out.append((pos, stop))
        pos = stop + 1
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _at_most_words(line: str, limit: int) -> bool:
    """len(line.split()) <= limit, without splitting a long paragraph into all its words."""
    return len(line.split(None, limit)) <= limit


def _is_heading(line: str, alone: bool) -> bool:
    """A heading: a short line standing alone without closing punctuation, or a question label."""
    stripped = line.strip()
    if not stripped:
        return False
    if stripped[0] == "#" and _MD_HEADING.match(stripped):
        return True
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
    wrapped = bool(_BLANK_LINE.search(text))
    raw: list[tuple[int, int]] = []
    if wrapped:
        pos = 0
        for match in _BLANK_LINE.finditer(text):
            raw.append((pos, match.start()))
            pos = match.end()
        raw.append((pos, len(text)))
    else:
        raw = [(0, len(text))]
    out: list[Block] = []
    for a, b in raw:
        lines = [_trim(text, s, e) for s, e in _lines(text, a, b)]
        lines = [(s, e) for s, e in lines if e > s]
        if not wrapped:
            groups = [[line] for line in lines]
        else:
            groups = []
            for s, e in lines:
                line = text[s:e]
                item = bool(_BULLET.match(line) or _MD_HEADING.match(line))
                if not groups or item or _MD_HEADING.match(text, *groups[-1][-1]):
                    groups.append([(s, e)])
                else:
                    groups[-1].append((s, e))
        for group in groups:
            start, end = group[0][0], group[-1][1]
            line_text = text[start:end]
            heading = (
                len(group) == 1
                and (not wrapped or len(lines) == 1 or bool(_MD_HEADING.match(line_text)))
                and _is_heading(line_text, alone=True)
                and not _BULLET.match(line_text)
            ) or (
                # a letterhead or a title with its byline: a few short lines, none ending a sentence
                1 < len(group) <= 4
                and all(_is_heading(text[s:e], alone=False) for s, e in group)
                and not any(_BULLET.match(text, s, e) for s, e in group)
            )
            item = bool(_BULLET.match(line_text))
            out.append(Block(start, end, len(out) + 1, heading and not item, item))
    return tuple(out)


def _syntok_split(text: str, start: int, end: int) -> list[tuple[int, int]]:
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


@lru_cache(maxsize=32)
def _text_offsets(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """blingfire's sentence ranges over the whole text (starts, ends), computed once per text.

    One call for the whole report costs a fraction of one call per paragraph; sentences()
    clips the ranges to each block, since a block boundary always ends a sentence.
    """
    pairs = _sentence_offsets(text) or [(0, len(text))]
    return tuple(a for a, _ in pairs), tuple(b for _, b in pairs)


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
    word = _word_before(text, start, end - 1)
    return bool(word) and _abbreviation(word)


def _careful(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Re-read with syntok only the stretches blingfire may have got wrong.

    blingfire misses boundaries before abbreviations ("left. Mr. Kim") and splits after some
    ("Mr."): a sentence holding a suspect boundary is re-read, and one ending in an
    abbreviation is re-read together with the sentence that follows it.
    """
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        s, e = spans[i]
        j = i
        while j + 1 < len(spans) and _ends_in_abbreviation(text, *spans[j]):
            j += 1
        e = spans[j][1]
        if j > i or _suspect(text, s, e):
            out += _syntok_split(text, s, e)
        else:
            out.append((s, e))
        i = j + 1
    return out


def sentences(text: str, block: Block) -> list[Sentence]:
    """The sentences of a block, bullet markers and surrounding space excluded."""
    start, end = block.start, block.end
    if start < end and (text[start] in _MARKER_FIRST or text[start].isdecimal()):
        bullet = _BULLET.match(text, start, end) or _MD_HEADING.match(text, start, end)
        if bullet:
            start = bullet.end()
    if start >= end or text[start:end].isspace():
        return []
    starts, ends = _text_offsets(text)
    spans: list[tuple[int, int]] = []
    for i in range(bisect_right(ends, start), len(starts)):
        s, e = starts[i], ends[i]
        if s >= end:
            break
        s, e = max(s, start), min(e, end)
        if e > s and not text[s].isspace() and not text[e - 1].isspace():
            spans.append((s, e))  # blingfire's ranges rarely need trimming
            continue
        s, e = _trim(text, s, e)
        if e > s:
            spans.append((s, e))
    spans = _careful(text, spans or [(start, end)])
    out = []
    for s, e in spans:
        if e <= s or text[s].isspace() or text[e - 1].isspace():
            s, e = _trim(text, s, e)
        if e > s:
            out.append(Sentence(s, e, block.number))
    return out
