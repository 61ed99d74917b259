"""The offline reader's attribution relations: the text layer's relations of each paragraph
(``text.attribution_relations``) with their sources resolved as the claims' holders are
("he" to the person last named, "the ministry" to the body, a name tidied)."""

from __future__ import annotations

from briefing.backends.base import ReportedAttribution
from briefing.schema import Source
from briefing.text.attribution_holders import canonical_holder
from briefing.text.attribution_memory import HolderMemory
from briefing.text.attribution_paragraphs import introduced_paragraphs
from briefing.text.attribution_report import report_relations
from briefing.text.entities import extract_entities
from briefing.text.segmentation import blocks, sentences


def read_attributions(source: Source) -> list[ReportedAttribution]:
    """Every attribution relation of a report, in the order of their cues."""
    text = source.text
    entities = extract_entities(text)
    places = {e.name for e in entities if e.type in {"country", "location"}}
    memory = HolderMemory(entities=entities, text=text)
    found: list[ReportedAttribution] = []
    speakers: list[str] = []  # holders of the relations read so far
    paragraphs = [[(s.start, s.end) for s in sentences(text, block)]
                  for block in blocks(text) if not block.heading]
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
