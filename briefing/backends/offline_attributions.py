"""The offline reader's attribution relations: the text layer's relations of each paragraph
(``text.attribution_relations``) with their sources resolved as the claims' holders are
("he" to the person last named, "the ministry" to the body, a name tidied)."""

from __future__ import annotations

from typing import Final

from briefing.backends.base import ReportedAttribution
from briefing.schema import Source
from briefing.text.attribution_holders import canonical_holder
from briefing.text.attribution_memory import HolderMemory
from briefing.text.attribution_paragraphs import introduced_paragraphs
from briefing.text.attribution_report import report_relations
from briefing.text.entities import extract_entities
from briefing.text.segmentation import blocks, sentences

#: The longest sentence and paragraph the relation rules read whole. News has none longer
#: (PolNeAR's longest sentence is 1,094 characters, its longest paragraph 122 sentences); the
#: rules look back and ahead within a sentence and a paragraph, so a longer one, which only a
#: hostile text holds, is read in pieces to keep the work linear.
MAX_SENTENCE_CHARS: Final = 2000
MAX_PARAGRAPH_SENTENCES: Final = 200
Span = tuple[int, int]


def _pieces(text: str, start: int, end: int) -> list[Span]:
    """A sentence cut at whitespace into pieces of at most MAX_SENTENCE_CHARS."""
    pieces: list[Span] = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = max(text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS),
                  text.rfind("\n", start + 1, start + MAX_SENTENCE_CHARS))
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def bounded_paragraphs(text: str, paragraphs: list[list[Span]]) -> list[list[Span]]:
    """Paragraphs of sentence spans with every sentence at most MAX_SENTENCE_CHARS long and
    every paragraph at most MAX_PARAGRAPH_SENTENCES sentences; as they are in any news text."""
    bounded: list[list[Span]] = []
    for paragraph in paragraphs:
        spans = [piece for start, end in paragraph for piece in _pieces(text, start, end)]
        bounded.extend(spans[at : at + MAX_PARAGRAPH_SENTENCES]
                       for at in range(0, len(spans), MAX_PARAGRAPH_SENTENCES))
    return bounded


def read_attributions(source: Source) -> list[ReportedAttribution]:
    """Every attribution relation of a report, in the order of their cues."""
    text = source.text
    entities = extract_entities(text)
    places = {e.name for e in entities if e.type in {"country", "location"}}
    memory = HolderMemory(entities=entities, text=text)
    found: list[ReportedAttribution] = []
    speakers: list[str] = []  # holders of the relations read so far
    paragraphs = bounded_paragraphs(text, [[(s.start, s.end) for s in sentences(text, block)]
                                           for block in blocks(text) if not block.heading])
    read = introduced_paragraphs(text, paragraphs,
                                 [report_relations(text, [spans]) for spans in paragraphs])
    for spans, relations in zip(paragraphs, read, strict=True):
        for start, end in spans:
            for relation in relations:
                if not start <= relation.cue[0] < end:
                    continue
                holder = None
                if relation.source is not None:
                    written = " ".join(text[relation.source[0] : relation.source[1]].split())
                    if written.lower() in {"i", "we"} and speakers:
                        resolved: str | None = speakers[-1]  # "I think" in a quotation: its speaker
                    else:
                        resolved = (memory.latest_speaker(written, speakers)
                                    or memory.resolve(written))
                    if resolved is not None:
                        holder = canonical_holder(resolved, places)
                        memory.remember(holder)
                        speakers.append(holder)
                found.append(ReportedAttribution(
                    holder=holder, cue=" ".join(text[relation.cue[0] : relation.cue[1]].split()),
                    content=relation.content, cue_span=relation.cue, source_span=relation.source,
                ))
            memory.note_sentence(text[start:end])
    return found
