r"""The quotations of a sentence in every style the wire types them: curly quotes and straight
double quotes (either closed by the other's mark too, as copy mixes them), ASCII ``...'' and
''...''. Offsets count from the sentence's first character."""

from __future__ import annotations

import re
from typing import Final

Span = tuple[int, int]

#: A quotation in any style the wire types it; one left open runs to the sentence's end, one
#: closed without opening runs from its start.
_QUOTED: Final = re.compile(
    r"“[^“”\"]*(?:[”\"]|$)|``.*?(?:''|$)|(?<![\w.,?!])''(?=\S).*?(?:''|$)|\"[^\"”]*(?:[\"”]|$)"
)
_CLOSED_FIRST: Final = re.compile(r"^[^“\"]*?”")


def quoted_spans(sentence: str) -> list[Span]:
    """The quotations of a sentence, their marks included; an open one runs to its end."""
    spans = [(m.start(), m.start() + len(m.group(0).rstrip())) for m in _QUOTED.finditer(sentence)]
    first = _CLOSED_FIRST.match(sentence)
    if first is not None and (not spans or spans[0][0] >= first.end()):
        spans.insert(0, (0, first.end()))
    return spans


#: A quotation, and only it, that closes with a comma, a question or an exclamation mark.
_QUOTATION_ONLY: Final = re.compile(r"\s*(?:“|\"|``|'')(?:.(?!”|\"|''))*.[,?!](?:”|\"|'')",
                                    re.DOTALL)


def quotation_only(words: str) -> bool:
    """Whether words are one quotation closed by a comma, "?" or "!" ("“The levee held,”"):
    what precedes a speaker and verb ("“...,” Varga said of the storm"), all that was said."""
    return _QUOTATION_ONLY.fullmatch(words) is not None
