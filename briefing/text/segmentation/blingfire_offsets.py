"""blingfire's sentences of a text, as character offsets.

Two readings of the same C function, `TextToSentencesWithOffsets`:

- `sentence_offsets_plain()` calls blingfire's public `text_to_sentences_and_offsets`;
- `sentence_offsets()` calls the C function itself and converts only the sentence boundaries
  from UTF-8 byte offsets to character offsets. blingfire's wrapper converts them with a Python
  loop over every byte of the text, which made the offline backend about a fifth slower on
  `benchmarks/bench_offline.py`. tests/test_properties.py pins the two to the same output.
"""

from __future__ import annotations

import sys
from functools import cache
from types import ModuleType
from typing import Any, Final

#: Maps the UTF-8 continuation bytes (0x80-0xBF) to 0x80 and every other byte to itself.
_MARKS: Final = bytes.maketrans(bytes(range(0x80, 0xC0)), b"\x80" * 0x40)


class _DeferredNumpy(ModuleType):
    """Stands in for numpy while blingfire imports; imports numpy if anything really uses it."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        import importlib

        return getattr(importlib.import_module("numpy"), name)


@cache
def blingfire() -> ModuleType:
    """The blingfire module, imported without numpy.

    blingfire imports numpy at module level, for its tokenizer-id helpers only, without
    declaring it as a dependency: numpy is not installed with briefing, and importing it would
    slow every start-up. While blingfire imports, a stand-in takes numpy's place in
    sys.modules; the stand-in imports the real numpy if anything uses it.
    """
    if "numpy" in sys.modules:
        import blingfire as module

        return module  # type: ignore[no-any-return]
    sys.modules["numpy"] = _DeferredNumpy("numpy")
    try:
        import blingfire as module
    finally:
        if isinstance(sys.modules.get("numpy"), _DeferredNumpy):
            del sys.modules["numpy"]
    return module  # type: ignore[no-any-return]


def sentence_offsets_plain(text: str) -> list[tuple[int, int]]:
    """blingfire's sentences of `text` as (start, end) character offsets, by its public
    wrapper; [] where blingfire gives up."""
    _, offsets = blingfire().text_to_sentences_and_offsets(text)
    return [(int(start), int(end)) for start, end in offsets]


def sentence_offsets(text: str) -> list[tuple[int, int]]:
    """The same as sentence_offsets_plain(text), faster: see the module's docstring."""
    function = getattr(getattr(blingfire(), "blingfire", None), "TextToSentencesWithOffsets", None)
    if function is None:  # a blingfire without its ctypes handle
        return sentence_offsets_plain(text)
    import ctypes

    data = text.encode("utf-8")
    # Room for the text and a newline after each sentence, rounded up to a power of two so that
    # ctypes, which builds an array type for each new length, reuses a few.
    size = 1 << (len(data) * 2 + 16).bit_length()
    out = ctypes.create_string_buffer(size)
    starts, ends = (ctypes.c_int32 * size)(), (ctypes.c_int32 * size)()
    # (ctypes passes bytes, ints and arrays as char *, int and pointers: no wrappers needed)
    length = function(data, len(data), out, starts, ends, size)
    if length == -1 or length > size:
        return []
    count = ctypes.string_at(out, length).count(b"\n") + 1  # one sentence a line
    first, last = starts[:count], [end + 1 for end in ends[:count]]
    if not text.isascii():
        first, last = _character_offsets(text, data, first, last)
    return list(zip(first, last, strict=True))


def _character_offsets(text: str, data: bytes, starts: list[int],
                       ends: list[int]) -> tuple[list[int], list[int]]:
    """Byte offsets into data (text in UTF-8) as character offsets into text."""
    marks = data.translate(_MARKS)
    starts_at, ends_at = _characters(marks, starts), _characters(marks, ends)
    if starts_at is not None and ends_at is not None:
        return starts_at, ends_at
    # An offset inside a character, which blingfire is not known to return
    chars = _decoded(data, starts + ends)
    starts_at, ends_at = [chars[a] for a in starts], [chars[b] for b in ends]
    if ends[-1] < len(marks) and marks[ends[-1]] == 0x80:
        ends_at[-1] = len(text)  # as blingfire's wrapper reads a last end inside one: "\ufeff "
    return starts_at, ends_at


def _characters(marks: bytes, offsets: list[int]) -> list[int] | None:
    """UTF-8 byte offsets as character offsets, `marks` being the bytes translated by _MARKS;
    None if one falls inside a character.

    A character offset is the byte offset less the continuation bytes before it.
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
    """Character offsets of byte offsets, decoding each stretch between them once, in order."""
    chars: dict[int, int] = {}
    byte_at, char_at = 0, 0
    for offset in sorted(set(offsets)):
        char_at += len(data[byte_at:offset].decode("utf-8", errors="replace"))
        byte_at = offset
        chars[offset] = char_at
    return chars
