"""Paragraphs, sentences and headings of a report, as character ranges of its text.

- `paragraphs`: `blocks()` cuts a report into paragraphs, list items and headings.
- `sentence_split`: `sentences()` cuts a block into sentences: blingfire's sentences over the
  whole report, clipped to the block, with those blingfire may have got wrong around
  abbreviations (`abbreviations`) re-read by syntok.
- `blingfire_offsets`: blingfire's sentence offsets, read from its C function directly.

Both are kept per text read (a report is read by several steps); `forget_read_texts` lets go.
"""

from briefing.text.segmentation.paragraphs import Block, blocks
from briefing.text.segmentation.sentence_split import Sentence, sentences, text_sentences

__all__ = ["Block", "Sentence", "blocks", "forget_read_texts", "sentences"]


def forget_read_texts() -> None:
    """Let go of the paragraphs and sentence ranges kept for the texts read so far, about a
    byte per byte of report: for a caller done reading its reports (build_brief, once their
    claims are made), so that a long report's ranges do not stay beside its claims. A text
    read again is split anew, into the same ranges."""
    blocks.cache_clear()
    text_sentences.cache_clear()
