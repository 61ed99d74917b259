"""The brief as JSON (the contract other tools read), written a claim and a source at a time.

The text is what ``json.dumps(brief.model_dump(mode="json"), indent=2, ensure_ascii=False)``
gives, byte for byte, without building it: a brief of a long report holds a claim every hundred
bytes or so, and the whole dump and its text take about 100 times the report's size. Each claim
and source is dumped and encoded alone, then indented to its depth; JSON strings hold no raw
newline, so indenting the encoder's line breaks cannot touch a value.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Final

from pydantic import BaseModel

from briefing.schema import Brief

_ENCODER: Final = json.JSONEncoder(indent=2, ensure_ascii=False)
#: The lists written an item at a time; the other fields of a brief are small.
_STREAMED: Final = ("sources", "claims")
#: Characters of a report's text encoded at once (the slice, its JSON and its UTF-8 are in
#: memory together while it is written: about 0.5 MB, beside a long report's claims).
_TEXT_SLICE: Final = 1 << 16


def _encoded(value: Any, depth: int) -> Iterator[str]:
    """JSON text of a value that sits ``depth`` levels deep in the brief, in the encoder's
    pieces (a report's text is one piece, not copied into a larger one)."""
    pad = "\n" + "  " * depth
    for chunk in _ENCODER.iterencode(value):
        yield chunk.replace("\n", pad) if "\n" in chunk else chunk


def _text(text: str) -> Iterator[str]:
    """A long string as the encoder writes it, a slice at a time (escapes are per character,
    so the slices' encodings, unquoted, make the whole one's)."""
    yield '"'
    for start in range(0, len(text), _TEXT_SLICE):
        yield _ENCODER.encode(text[start:start + _TEXT_SLICE])[1:-1]
    yield '"'


def _source(source: BaseModel) -> Iterator[str]:
    """A source at depth 2 in the encoder's pieces, its text a slice at a time."""
    data = source.model_dump(mode="json")
    text, data["text"] = data["text"], ""
    last = ("", "")
    for chunk in _encoded(data, 2):
        # The key "text" of the source itself: nothing nested in a source has that key.
        yield from _text(text) if last == ('"text"', ": ") and chunk == '""' else (chunk,)
        last = (last[1], chunk)


def _items(items: list[BaseModel], sources: bool) -> Iterator[str]:
    """A list of models at depth 1, as the encoder writes it: each claim's text as one piece
    (they are many and small), each source in pieces (few, and long)."""
    if not items:
        yield "[]"
        return
    for number, item in enumerate(items):
        yield ("[" if number == 0 else ",") + "\n    "
        if sources:
            yield from _source(item)
        else:
            yield "".join(_encoded(item.model_dump(mode="json"), 2))
    yield "\n  ]"


def brief_json_chunks(brief: Brief) -> Iterator[str]:
    """The brief's JSON text in pieces (joined, they are ``brief_json(brief)``)."""
    rest = brief.model_dump(mode="json", exclude=set(_STREAMED))
    yield "{"
    for number, name in enumerate(type(brief).model_fields):
        yield ("," if number else "") + "\n  " + json.dumps(name, ensure_ascii=False) + ": "
        if name in _STREAMED:
            yield from _items(getattr(brief, name), sources=name == "sources")
        else:
            yield from _encoded(rest[name], 1)
    yield "\n}\n"


def brief_json(brief: Brief) -> str:
    """The Brief as stable, indented JSON (the contract other tools read)."""
    return "".join(brief_json_chunks(brief))
