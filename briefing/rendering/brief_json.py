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


def _encoded(value: Any, depth: int) -> Iterator[str]:
    """JSON text of a value that sits ``depth`` levels deep in the brief, in the encoder's
    pieces (a report's text is one piece, not copied into a larger one)."""
    pad = "\n" + "  " * depth
    for chunk in _ENCODER.iterencode(value):
        yield chunk.replace("\n", pad) if "\n" in chunk else chunk


def _items(items: list[BaseModel], whole: bool) -> Iterator[str]:
    """A list of models at depth 1, as the encoder writes it; each item's text as one piece
    (``whole``: claims, many and small) or in the encoder's pieces (sources, few and long)."""
    if not items:
        yield "[]"
        return
    for number, item in enumerate(items):
        yield ("[" if number == 0 else ",") + "\n    "
        text = _encoded(item.model_dump(mode="json"), 2)
        if whole:
            yield "".join(text)
        else:
            yield from text
    yield "\n  ]"


def brief_json_chunks(brief: Brief) -> Iterator[str]:
    """The brief's JSON text in pieces (joined, they are ``brief_json(brief)``)."""
    rest = brief.model_dump(mode="json", exclude=set(_STREAMED))
    yield "{"
    for number, name in enumerate(type(brief).model_fields):
        yield ("," if number else "") + "\n  " + json.dumps(name, ensure_ascii=False) + ": "
        if name in _STREAMED:
            yield from _items(getattr(brief, name), whole=name == "claims")
        else:
            yield from _encoded(rest[name], 1)
    yield "\n}\n"


def brief_json(brief: Brief) -> str:
    """The Brief as stable, indented JSON (the contract other tools read)."""
    return "".join(brief_json_chunks(brief))
