"""Attribution relations read back as text, for the tests of the relation rules: each relation
of a sentence as (cue, source, contents), and the contents of a paragraph's relations."""

from __future__ import annotations

from briefing.text.attribution_relations import relations_in
from briefing.text.attribution_report import report_relations


def read_relations(sentence: str) -> list[tuple[str, str | None, list[str]]]:
    """(cue, source, contents) of each relation of a sentence, as text."""
    return [(sentence[r.cue[0] : r.cue[1]],
             sentence[r.source[0] : r.source[1]] if r.source else None,
             [sentence[a:b] for a, b in r.content])
            for r in relations_in(sentence)]


def report_contents(text: str) -> list[list[str]]:
    """The contents of a paragraph's relations; "|" marks where its sentences end."""
    spans = []
    at = 0
    for sentence in text.split("|"):
        spans.append((at, at + len(sentence)))
        at += len(sentence)
    plain = text.replace("|", "")
    return [[plain[a:b] for a, b in r.content] for r in report_relations(plain, [spans])]
