"""Paragraphs, sentences and headings of a report, as character ranges of its text.

- `paragraphs`: `blocks()` cuts a report into paragraphs, list items and headings.
- `sentence_split`: `sentences()` cuts a block into sentences: blingfire's sentences over the
  whole report, clipped to the block, with those blingfire may have got wrong around
  abbreviations (`abbreviations`) re-read by syntok.
- `blingfire_offsets`: blingfire's sentence offsets, read from its C function directly.
"""

from briefing.text.segmentation.paragraphs import Block, blocks
from briefing.text.segmentation.sentence_split import Sentence, sentences

__all__ = ["Block", "Sentence", "blocks", "sentences"]
