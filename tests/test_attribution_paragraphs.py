"""Quotations over paragraphs: a paragraph that ends with its speaker and a colon, the next a
quotation with no speaker of its own; on paragraphs written here about fictional people."""

from __future__ import annotations

from briefing.text.attribution_paragraphs import introduced_paragraphs
from briefing.text.attribution_report import report_relations


def _read(paragraphs: list[str]) -> list[tuple[str, str | None, list[str]]]:
    """(cue, source, contents) of each relation; each paragraph's sentences split at "|"."""
    text, spans = "", []
    for paragraph in paragraphs:
        sentences = []
        for sentence in paragraph.split("|"):
            sentences.append((len(text), len(text) + len(sentence)))
            text += sentence
        spans.append(sentences)
        text += "\n\n"
    found = introduced_paragraphs(text, spans, [report_relations(text, [s]) for s in spans])
    return [(text[r.cue[0] : r.cue[1]], text[r.source[0] : r.source[1]] if r.source else None,
             [text[a:b] for a, b in r.content]) for relations in found for r in relations]


def test_a_quotation_paragraph_after_a_colon_is_the_colon_clause_s() -> None:
    found = _read(["The port will close at noon. |Dr. Ilse Varga stated:",
                   "“The ferry is safe. |We sail at dawn.” |Crews cheered."])
    assert ("stated:", "Dr. Ilse Varga",
            ["“The ferry is safe.", "We sail at dawn.”"]) in found


def test_a_quotation_with_a_speaker_of_its_own_is_not_the_colon_s() -> None:
    found = _read(["Brenn put it this way:", "“We sail at dawn,” Varga said."])
    assert [cue for cue, _, _ in found] == ["said"]


def test_no_quotation_after_the_colon_no_relation() -> None:
    found = _read(["The harbour master listed the closures:", "The north pier and the ferry."])
    assert all("The north pier and the ferry." not in content for _, _, content in found)
